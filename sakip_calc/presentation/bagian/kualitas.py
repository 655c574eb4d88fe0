"""Kualitas Data: report figures that contradict each other, grouped by kind. Not in the deck."""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc import analisis, periksa
from sakip_calc.presentation import narasi
from sakip_calc.presentation.tampilan import F_ANGKA, F_BILANGAN, F_PERSEN, F_TAHUN, Tabel, Tampilan

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI = {"kd_tahun": "tahun_masalah"}
NAMA_TABEL = {"capaian": "Capaian", "anggaran": "Anggaran", "wilayah": "Wilayah", "angka_laporan": "Angka laporan lain"}


def masalah(v: Tampilan) -> pd.DataFrame:
    return v.baca(analisis.masalah_data, v.instansi_id)


def rekonsiliasi(v: Tampilan) -> pd.DataFrame:
    """Per year and class: stated figures compared with the rows, reconciled, not (chosen years)."""
    df = v.baca(analisis.rekonsiliasi, v.instansi_id)
    if pilihan := tahun(v):
        df = df[df["tahun"].isin(pilihan)]
    return df


def skor(v: Tampilan) -> float | None:
    return periksa.skor_rekonsiliasi(rekonsiliasi(v))


def tabel_rekonsiliasi(v: Tampilan) -> Tabel:
    """One row per year and class, with the class's rule and tolerance."""
    df = rekonsiliasi(v).copy()
    df["skor"] = df["cocok"] / df["jumlah"] * 100
    kelas = df["kelas"].map(periksa.KELAS)
    df = df.assign(
        kelas=[k.label for k in kelas], aturan=[k.aturan for k in kelas], toleransi=[k.toleransi for k in kelas]
    )
    return Tabel(
        df[["tahun", "kelas", "jumlah", "cocok", "beda", "skor", "aturan", "toleransi"]].rename(
            columns={
                "tahun": "Tahun",
                "kelas": "Kelas pemeriksaan",
                "jumlah": "Angka dinyatakan",
                "cocok": "Cocok",
                "beda": "Tidak cocok",
                "skor": "Skor rekonsiliasi",
                "aturan": "Aturan",
                "toleransi": "Toleransi",
            }
        ),
        {
            "Tahun": F_TAHUN,
            "Angka dinyatakan": F_ANGKA,
            "Cocok": F_ANGKA,
            "Tidak cocok": F_ANGKA,
            "Skor rekonsiliasi": F_PERSEN,
        },
    )


def kalimat(v: Tampilan) -> str:
    return narasi.kalimat_masalah(masalah(v))


def opsi_tahun(v: Tampilan) -> list:
    rek = v.baca(analisis.rekonsiliasi, v.instansi_id)
    return sorted(set(masalah(v)["tahun"].dropna()) | set(rek["tahun"].dropna()))


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
                grup[["tahun", "tabel", "kunci", "dilaporkan", "dihitung", "sumber", "keterangan", "rujukan"]]
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
                        "rujukan": "Baris yang dipakai",
                    }
                ),
                {"Tahun": F_TAHUN, "Dilaporkan": F_BILANGAN, "Dihitung": F_BILANGAN},
            ),
        )
        for jenis, grup in df.groupby("jenis", sort=False)
    ]


GRAFIK = ()
