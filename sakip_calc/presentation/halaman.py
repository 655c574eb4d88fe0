"""The page registry: every page of the app, once. app.py's navigation, the deck's page ticks,
presentation mode, the deck and the page tests all read `DAFTAR`.

Adding a page: a module of sections in `presentation/bagian/`, a thin `pages/<id>.py` that draws
them, and one `Halaman(...)` entry below. Adding a chart: a section returning a `Bagan` in the
page's module, listed in its `GRAFIK` tuple (the deck's order) and drawn by the page. No
Streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sakip_calc.presentation.bagian import (
    anggaran,
    capaian,
    desil,
    kualitas,
    pemantauan,
    perbandingan,
    rapat,
    ringkasan,
    tren,
    wilayah,
)
from sakip_calc.presentation.tampilan import Bagan, Kosong, Tampilan

Bagian = Callable[[Tampilan], Bagan | Kosong | None]


@dataclass(frozen=True)
class Halaman:
    id: str  # pages/<id>.py and the URL path
    judul: str  # navigation label, deck tick and slide header
    ikon: str
    grup: str  # navigation section
    # the page's choices: their keys in st.session_state (what the deck follows) and their names in
    # the link (a bookmark opens the same view: dasbor.tautan)
    kunci: Mapping[str, str] = field(default_factory=dict)
    grafik: tuple[Bagian, ...] = ()  # its chart sections, in page order
    dek: bool = False  # its charts go into the deck and presentation mode
    bawaan: bool = False  # the page at "/"
    kunci_tahun: tuple[str, ...] = ()  # choices that start afresh when the sidebar year or agency changes


DAFTAR: tuple[Halaman, ...] = (
    Halaman(
        "ringkasan",
        "Ringkasan",
        ":material/dashboard:",
        "Analisis",
        ringkasan.KUNCI,
        ringkasan.GRAFIK,
        dek=True,
        bawaan=True,
    ),
    Halaman("rapat", "Ringkasan Rapat", ":material/summarize:", "Analisis", rapat.KUNCI, rapat.GRAFIK),
    Halaman("capaian", "Capaian Kinerja", ":material/target:", "Analisis", capaian.KUNCI, capaian.GRAFIK, dek=True),
    Halaman("tren", "Tren Antar Tahun", ":material/trending_up:", "Analisis", tren.KUNCI, tren.GRAFIK, dek=True),
    Halaman(
        "wilayah",
        "Sebaran Wilayah",
        ":material/map:",
        "Analisis",
        wilayah.KUNCI,
        (*wilayah.GRAFIK, *desil.GRAFIK),
        dek=True,
        kunci_tahun=wilayah.KUNCI_TAHUN,
    ),
    Halaman(
        "anggaran", "Anggaran & Efisiensi", ":material/payments:", "Analisis", anggaran.KUNCI, anggaran.GRAFIK, dek=True
    ),
    Halaman(
        "pemantauan",
        "Pemantauan Triwulan",
        ":material/monitoring:",
        "Analisis",
        pemantauan.KUNCI,
        pemantauan.GRAFIK,
        dek=True,
        kunci_tahun=tuple(pemantauan.KUNCI),
    ),
    Halaman(
        "perbandingan",
        "Perbandingan Antar Daerah",
        ":material/leaderboard:",
        "Analisis",
        perbandingan.KUNCI,
        perbandingan.GRAFIK,
    ),
    Halaman("kualitas", "Kualitas Data", ":material/fact_check:", "Data", kualitas.KUNCI),
    Halaman("impor", "Impor Data", ":material/upload_file:", "Data"),
    Halaman("verifikasi", "Verifikasi", ":material/verified:", "Data"),
    Halaman("audit", "Audit", ":material/history:", "Data"),
    Halaman("akun", "Akun", ":material/manage_accounts:", "Data"),
)
DEK: tuple[Halaman, ...] = tuple(h for h in DAFTAR if h.dek)
KUNCI: tuple[str, ...] = tuple(k for h in DAFTAR for k in h.kunci)
KUNCI_TAHUN: tuple[str, ...] = tuple(k for h in DAFTAR for k in h.kunci_tahun)
TAUTAN: dict[str, str] = {k: u for h in DAFTAR for k, u in h.kunci.items()}
# the sidebar's names in the link (dasbor.sidebar); a page's names are its own, and may repeat on other pages
TAUTAN_SIDEBAR = ("instansi", "tahun", "banding", "skala", "batas", "kontras")


def ambil(id: str) -> Halaman:
    return next(h for h in DAFTAR if h.id == id)


assert len(set(KUNCI)) == len(KUNCI), "a choice key belongs to one page"
assert all(len(set(h.kunci.values())) == len(h.kunci) for h in DAFTAR), "one name per choice in a page's link"
assert not set(TAUTAN.values()) & set(TAUTAN_SIDEBAR), "a page's link names are not the sidebar's"
