"""Stated averages against the mean of their rows: capaian per sasaran, program and agency
(004 line 551: 90, 94, 100, 100, 100 reported as 96 %), and the physical-progress average."""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc.skor import TINGKAT_IKU, tabel_capaian
from sakip_calc.domain.angka import sesuai_cetak

from .dasar import RATA_BEDA, Data, baris, dari_baris


def _rata(df: pd.DataFrame, tingkat_urut: tuple[str, ...]) -> tuple[pd.DataFrame, str] | None:
    """The indicators of the first level in `tingkat_urut` that has any scored one."""
    for tingkat in tingkat_urut:
        isi = df[(df["tingkat"] == tingkat) & df["capaian"].notna()]
        if len(isi):
            return isi, tingkat
    return None


def cek_rata(d: Data) -> list[pd.DataFrame]:
    lap = (
        d.lap[d.lap["besaran"].isin(["rata_capaian", "fisik_persen"]) & d.lap["nilai"].notna()] if len(d.lap) else d.lap
    )
    if lap.empty:
        return []
    hasil = []
    skor = {
        k: tabel_capaian(g, d.batas.get(k))
        for k, g in d.ind[d.ind["instansi"].isin(lap["instansi"].unique())].groupby("instansi")
    }
    for r in lap.itertuples():
        if r.besaran == "fisik_persen":
            if r.objek != "instansi":
                continue
            program = d.ang[
                (d.ang["instansi"] == r.instansi) & (d.ang["tahun"] == r.tahun) & (d.ang["tingkat"] == "program")
            ]
            fisik = program["fisik_persen"].dropna()
            if len(fisik):
                ok = sesuai_cetak(r.nilai, fisik.mean())
                ket = f"rata-rata fisik % {len(fisik)} program"
                hasil.append(
                    baris(
                        r.instansi,
                        r.tahun,
                        "angka_laporan",
                        "instansi",
                        RATA_BEDA,
                        r.nilai,
                        fisik.mean(),
                        ok,
                        r.sumber,
                        ket,
                        "anggaran: baris program",
                    )
                )
            continue
        s = skor.get(r.instansi)
        if s is None:
            continue
        s = s[s["tahun"] == r.tahun]
        if r.objek == "sasaran":
            pilih = _rata(s[s["sasaran"] == r.kode], TINGKAT_IKU)
        elif r.objek == "program":
            pilih = _rata(s[s["program_kode"] == r.kode], ("program", *TINGKAT_IKU))
        elif r.objek == "instansi":
            pilih = _rata(s, TINGKAT_IKU)
        else:
            continue
        if pilih is None:
            continue
        isi, tingkat = pilih
        mentah, berbatas = isi["capaian"].mean(), isi["skor"].mean()
        ok = sesuai_cetak(r.nilai, mentah) or sesuai_cetak(r.nilai, berbatas)
        dihitung = berbatas if sesuai_cetak(r.nilai, berbatas) and not sesuai_cetak(r.nilai, mentah) else mentah
        ket = f"rata-rata {len(isi)} indikator {tingkat}: mentah {mentah:.2f}, berbatas {berbatas:.2f}".replace(
            ".", ","
        )
        kunci = f"{r.objek} {r.kode}" if isinstance(r.kode, str) else r.objek
        rujukan = "capaian " + ", ".join(isi["kode"].astype(str))
        hasil.append(
            baris(r.instansi, r.tahun, "angka_laporan", kunci, RATA_BEDA, r.nilai, dihitung, ok, r.sumber, ket, rujukan)
        )
    return [dari_baris(hasil)]


CEK = (cek_rata,)
