"""Streamlit glue shared by the pages, one package: data access and the one data cache
(`dasbor.data`), the sidebar and the deck download (`dasbor.sidebar`), drawing helpers
(`dasbor.widget`), access (`dasbor.akses`) and presentation mode (`dasbor.presentasi`). Nothing
outside this package and pages/ imports Streamlit; nothing in it defines a chart or a number:
pages draw what the sections of `sakip_calc.presentation` return.
"""

from __future__ import annotations

import os
from pathlib import Path

from dasbor.data import Pilihan, baca, bagian, koneksi, pilihan, riwayat_impor, tampilan, versi
from dasbor.sidebar import PILIHAN_BATAS, grafik_dek, halaman_dek, mode_presentasi, sidebar
from dasbor.tabel_web import baris_dipilih
from dasbor.widget import (
    GAYA_KONTRAS,
    MIME_PPTX,
    MIME_XLSX,
    aman,
    angka,
    bagan,
    gaya_grafik,
    gaya_halaman,
    grafik,
    kartu,
    kartu_predikat,
    kosong,
    mulai,
    nama_berkas,
    persen,
    pilih,
    tabel,
    tabel_cetak,
    tahun,
)
from sakip_calc import store

# read through the package at call time (never copied at import), so tests and bench can point it at another file
DB = Path(os.environ.get("SAKIP_DB", store.DB_BAWAAN))

__all__ = [
    "DB", "GAYA_KONTRAS", "MIME_PPTX", "MIME_XLSX", "gaya_grafik", "gaya_halaman", "baris_dipilih",
    "PILIHAN_BATAS", "Pilihan", "aman", "angka", "bagan", "bagian", "baca", "grafik", "grafik_dek", "halaman_dek",
    "kartu", "kartu_predikat", "kosong", "koneksi", "mode_presentasi", "mulai", "nama_berkas", "persen", "pilih",
    "pilihan", "riwayat_impor", "sidebar", "tabel", "tabel_cetak", "tahun", "tampilan", "versi",
]  # fmt: skip
