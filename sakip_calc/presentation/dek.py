"""The charts of a presentation: the chart sections of the ticked pages, called with the view the
user has on screen (sidebar and page choices), so a slide is the page's chart.

Owns the deck's selection rules (page order, empty charts left out, a chart two pages share shown
once); must not define a chart, a title or a default of its own: those live in the sections.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sakip_calc.calc import analisis
from sakip_calc.export import ekspor
from sakip_calc.export.ekspor import Grafik
from sakip_calc.presentation import halaman as registri
from sakip_calc.presentation.tampilan import Bagan, Tampilan, tampilan_koneksi

HALAMAN: tuple[str, ...] = tuple(h.judul for h in registri.DEK)
RINGKASAN, CAPAIAN, TREN, WILAYAH, ANGGARAN = (
    registri.ambil(i).judul for i in ("ringkasan", "capaian", "tren", "wilayah", "anggaran")
)


def bagan_halaman(v: Tampilan, h: registri.Halaman) -> list[Bagan]:
    """A page's charts for view `v`, in page order, as the page draws them (empty ones included)."""
    return [b for b in (bagian(v) for bagian in h.grafik) if isinstance(b, Bagan)]


def grafik_tampilan(v: Tampilan, halaman=HALAMAN) -> list[Grafik]:
    """The charts of the pages titled in `halaman`, in page order. Charts without data are left
    out, and a chart two pages share (the efficiency quadrant) appears once."""
    hasil, judul = [], set()
    for h in registri.DEK:
        if h.judul not in halaman:
            continue
        for b in bagan_halaman(v, h):
            if b.fig.data and b.judul not in judul:
                judul.add(b.judul)
                hasil.append(Grafik(h.judul, b.fig, b.catatan_dek))
    return hasil


def grafik_dek(
    con,
    instansi_id: int,
    tahun: int,
    halaman=HALAMAN,
    pilihan: Mapping[str, Any] | None = None,
    tahun_banding: int | None = None,
    batas=analisis.BATAS_INSTANSI,
    skala: str | None = None,
) -> list[Grafik]:
    """`grafik_tampilan` straight from a connection (tests, bench); the scale defaults to the agency's."""
    return grafik_tampilan(tampilan_koneksi(con, instansi_id, tahun, tahun_banding, batas, skala, pilihan), halaman)


def dek_instansi(con, instansi_id: int, tahun: int, halaman=HALAMAN, tanggal: date | None = None, **tampilan) -> bytes:
    """The .pptx of `grafik_dek` (`tampilan`: its pilihan, tahun_banding, batas, skala)."""
    info = analisis.info_instansi(con, instansi_id)
    return ekspor.buat_dek(grafik_dek(con, instansi_id, tahun, halaman, **tampilan), info["nama"], tahun, tanggal)
