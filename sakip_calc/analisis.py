"""What a page asks for, per agency and year: store reads fed through the pure functions.

Pages call these and draw; they never compute or query themselves. Each function takes a
DuckDB connection (or cursor) and plain values, so it works the same in the app, in tests and
in scripts.
"""
from __future__ import annotations

import pandas as pd

from . import anggaran as agg
from . import periksa, skor, store

BATAS_INSTANSI = "instansi"   # use the agency's own cap (instansi.batas_capaian)


def info_instansi(con, instansi_id: int) -> dict:
    df = store.instansi(con)
    baris = df[df["id"] == instansi_id]
    if baris.empty:
        raise KeyError(f"instansi {instansi_id} tidak ada")
    r = baris.iloc[0].to_dict()
    r["batas_capaian"] = None if pd.isna(r["batas_capaian"]) else float(r["batas_capaian"])
    r["skala_predikat"] = r["skala_predikat"] if isinstance(r["skala_predikat"], str) else "permendagri86"
    return r


def id_instansi(con, kode: str) -> int:
    df = store.instansi(con)
    return int(df.loc[df["kode"] == kode, "id"].iloc[0])


def skala(con, nama: str) -> pd.DataFrame:
    df = store.skala_predikat(con)
    return df[df["nama"] == nama].sort_values("urutan")


def skor_indikator(con, instansi_id: int, batas=BATAS_INSTANSI, nama_skala: str | None = None) -> pd.DataFrame:
    """Annual rows of every indicator of the agency, scored and rated."""
    info = info_instansi(con, instansi_id)
    batas = info["batas_capaian"] if batas == BATAS_INSTANSI else batas
    df = skor.tabel_capaian(store.indikator_capaian(con, instansi_id), batas)
    return skor.beri_predikat(df, skala(con, nama_skala or info["skala_predikat"]))


def anggaran_tahun(con, instansi_id: int, tahun: int) -> pd.DataFrame:
    return agg.tabel_anggaran(store.anggaran(con, instansi_id, tahun))


def total_anggaran(con, instansi_id: int, tahun: int) -> dict:
    return agg.total_instansi(anggaran_tahun(con, instansi_id, tahun))


def efisiensi_program(con, instansi_id: int, tahun: int, metode: str = "selisih",
                      batas=BATAS_INSTANSI) -> pd.DataFrame:
    ind = skor_indikator(con, instansi_id, batas)
    return agg.efisiensi_program(anggaran_tahun(con, instansi_id, tahun), ind[ind["tahun"] == tahun], metode)


def efisiensi_sasaran(con, instansi_id: int, tahun: int, metode: str = "selisih", batas=BATAS_INSTANSI) -> pd.DataFrame:
    return agg.efisiensi_sasaran(efisiensi_program(con, instansi_id, tahun, metode, batas), metode)


def masalah_data(con, instansi_id: int | None = None) -> pd.DataFrame:
    return periksa.periksa_semua(con, instansi_id)
