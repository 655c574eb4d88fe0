"""Kualitas Data: report figures that contradict each other, grouped by kind. Not in the deck."""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc import analisis
from sakip_calc.presentation import narasi
from sakip_calc.presentation.tampilan import F_NILAI, F_TAHUN, Tabel, Tampilan

KUNCI = ("kd_tahun",)
NAMA_TABEL = {"capaian": "Capaian", "anggaran": "Anggaran", "wilayah": "Wilayah", "angka_laporan": "Angka laporan lain"}


def masalah(v: Tampilan) -> pd.DataFrame:
    return v.baca(analisis.masalah_data, v.instansi_id)


def kalimat(v: Tampilan) -> str:
    return narasi.kalimat_masalah(masalah(v))


def opsi_tahun(v: Tampilan) -> list:
    return sorted(masalah(v)["tahun"].unique())


def tahun(v: Tampilan) -> list:
    """The chosen years (none chosen: all)."""
    return v.pilih_banyak("kd_tahun", opsi_tahun(v), [])


def per_jenis(v: Tampilan) -> list[tuple[str, int, Tabel]]:
    """(kind, count, table) of each kind of problem in the chosen years (none chosen: all)."""
    df = masalah(v)
    if pilihan := tahun(v):
        df = df[df["tahun"].isin(pilihan)]
    return [
        (
            jenis,
            len(grup),
            Tabel(
                grup[["tahun", "tabel", "kunci", "dilaporkan", "dihitung", "sumber", "keterangan"]]
                .assign(tabel=grup["tabel"].map(NAMA_TABEL).fillna(grup["tabel"]))
                .rename(
                    columns={
                        "tahun": "Tahun",
                        "tabel": "Tabel",
                        "kunci": "Baris",
                        "dilaporkan": "Dilaporkan",
                        "dihitung": "Dihitung",
                        "sumber": "Sumber di laporan",
                        "keterangan": "Keterangan",
                    }
                ),
                {"Tahun": F_TAHUN, "Dilaporkan": F_NILAI, "Dihitung": F_NILAI},
            ),
        )
        for jenis, grup in df.groupby("jenis", sort=False)
    ]


GRAFIK = ()
