"""Ringkasan Rapat: one printable page for an evaluation meeting, made of sections that exist
elsewhere (the Ringkasan cards and main chart, the year's indicators below target from the
Capaian table's data, the year's data problems from Kualitas Data) and the glossary."""

from __future__ import annotations

import pandas as pd

from sakip_calc.domain import istilah
from sakip_calc.presentation.bagian import capaian, kualitas, ringkasan
from sakip_calc.presentation.tampilan import F_ANGKA2, F_BILANGAN, Kosong, Tabel, Tampilan

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI: dict[str, str] = {}
GRAFIK = (ringkasan.grafik_capaian,)
kartu = ringkasan.kartu
grafik_capaian = ringkasan.grafik_capaian
BARIS = 5  # rows of each list that fit on one A4 page with the cards and the chart


def _di_bawah_target(v: Tampilan) -> pd.DataFrame:
    df = capaian.tahun_ini(v)
    return df[df["capaian"] < 100].sort_values("capaian")


def di_bawah_target(v: Tampilan) -> tuple[str, Tabel | Kosong]:
    """The year's indicators below target, lowest capaian first, and the sentence above them."""
    semua, bawah = capaian.tahun_ini(v), v.sekali(_di_bawah_target)
    if semua.empty:
        return "", Kosong(f"Tidak ada data capaian indikator untuk {v.tahun}.")
    if bawah.empty:
        return "", Kosong(f"Semua {len(semua)} indikator {v.tahun} mencapai target.")
    lebih = f"; {BARIS} terendah ditampilkan" if len(bawah) > BARIS else ""
    teks = f"{len(bawah)} dari {len(semua)} indikator {v.tahun} (semua tingkat) di bawah target{lebih}."
    b = bawah.head(BARIS)
    return teks, Tabel(
        pd.DataFrame(
            {
                "Kode": b["kode"],
                "Indikator": b["nama"],
                "Target": b["target"],
                "Realisasi": b["realisasi"],
                "Capaian (%)": b["capaian"],
                "Predikat": b["predikat"],
                "_warna": b["warna"],
            }
        ),
        {"Target": F_BILANGAN, "Realisasi": F_BILANGAN, "Capaian (%)": F_ANGKA2},
        "Predikat",
    )


def masalah_tahun(v: Tampilan) -> tuple[str, Tabel | Kosong]:
    """The year's data problems (as Kualitas Data lists them) and the sentence above them."""
    df = kualitas.masalah(v)
    df = df[df["tahun"] == v.tahun]
    if df.empty:
        return "", Kosong(f"Tidak ada angka laporan {v.tahun} yang saling bertentangan.")
    lebih = f"; {BARIS} pertama ditampilkan, semuanya di Kualitas Data" if len(df) > BARIS else ""
    b = df.head(BARIS)
    return f"{len(df)} masalah data {v.tahun}{lebih}.", Tabel(
        pd.DataFrame(
            {
                "Jenis": b["jenis"],
                "Tabel": b["tabel"].map(kualitas.NAMA_TABEL).fillna(b["tabel"]),
                "Baris": b["kunci"].map(_pendek),
                "Dilaporkan": b["dilaporkan"],
                "Dihitung": b["dihitung"],
            }
        ),
        {"Dilaporkan": F_BILANGAN, "Dihitung": F_BILANGAN},
    )


def _pendek(teks: str, batas: int = 60) -> str:
    # a row key can be a whole indicator name; the full text is on Kualitas Data
    return teks if len(teks) <= batas else teks[: batas - 1].rstrip() + "…"


def glosarium() -> tuple[istilah.Istilah, ...]:
    return istilah.DAFTAR
