"""The 16:9 slide deck: a title slide, then one slide per chart with its title, source line and
reading in the speaker notes. Charts PowerPoint can draw go in natively (bagan_pptx.py), the
others as images (gambar.py), rendered while the native slides are built.

Owns the slides' layout and the chart spec `Grafik`; must not decide which charts a deck holds
(the presentation layer passes them in).
"""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from sakip_calc.export.bagan_data import BaganAsli, bagan_asli
from sakip_calc.export.bagan_pptx import tambah_bagan
from sakip_calc.export.gambar import PenyajiTidakAda, gambar
from sakip_calc.export.office import ABU, ABU_MUDA, BIRU, HURUF, MERAH_DRAF, TANDA_DRAF


@dataclass(frozen=True)
class Grafik:
    """One chart of a page: the figure as the page draws it, and its one-sentence reading."""

    halaman: str
    fig: go.Figure = field(compare=False)
    kalimat: str | None = None

    @property
    def judul(self) -> str:
        return judul_grafik(self.fig)

    @property
    def sumber(self) -> str | None:
        return sumber_grafik(self.fig)


def judul_grafik(fig: go.Figure) -> str:
    # grafik.tata_letak wraps long titles with <br> for narrow columns; a slide or a file name
    # takes them as one line
    return (fig.layout.title.text or "").replace("<br>", " ")


def sumber_grafik(fig: go.Figure) -> str | None:
    """The source line grafik.tata_letak adds as an annotation ('Sumber: ...')."""
    for a in fig.layout.annotations:
        if (a.text or "").startswith("Sumber: "):
            return a.text
    return None


def nama_berkas(teks: str) -> str:
    """A file name (without extension) from a title: 'Skor capaian 2023 (%)' -> 'skor-capaian-2023'."""
    return re.sub(r"[^0-9a-z]+", "-", teks.lower()).strip("-")[:80] or "grafik"


LEBAR_SLIDE, TINGGI_SLIDE = Inches(13.333), Inches(7.5)
TEPI = Inches(0.6)
KOTAK_GRAFIK = (TEPI, Inches(1.75), LEBAR_SLIDE - 2 * TEPI, Inches(5.05))
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tanggal_indonesia(t: date) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def _kotak_teks(
    slide,
    x,
    y,
    cx,
    cy,
    teks: str,
    ukuran: int,
    warna=ABU,
    tebal: bool = False,
    rata=PP_ALIGN.LEFT,
    jangkar=MSO_ANCHOR.TOP,
):
    kotak = slide.shapes.add_textbox(x, y, cx, cy)
    tf = kotak.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = jangkar
    tf.margin_left = tf.margin_right = 0
    baris = teks.split("\n")
    for i, b in enumerate(baris):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = rata
        run = p.add_run()
        run.text = b
        run.font.size = Pt(ukuran)
        run.font.name = HURUF
        run.font.bold = tebal
        run.font.color.rgb = warna
    return kotak


def _persegi(slide, x, y, cx, cy, warna: RGBColor):
    s = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, y, cx, cy)
    s.fill.solid()
    s.fill.fore_color.rgb = warna
    s.line.fill.background()
    # the theme style reference would add a drop shadow
    s._element.remove(s._element.find(qn("p:style")))
    return s


def _slide_judul(prs, instansi: str, tahun: int, tanggal: date, halaman: list[str]) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _persegi(slide, 0, 0, Inches(0.35), TINGGI_SLIDE, BIRU)
    x, lebar = Inches(1.1), LEBAR_SLIDE - Inches(2.2)
    _kotak_teks(
        slide, x, Inches(1.6), lebar, Inches(0.5), "EVALUASI KINERJA INSTANSI PEMERINTAH (SAKIP)", 18, ABU, True
    )
    _kotak_teks(slide, x, Inches(2.2), lebar, Inches(1.9), instansi, 40, BIRU, True, jangkar=MSO_ANCHOR.BOTTOM)
    _kotak_teks(
        slide,
        x,
        Inches(4.2),
        lebar,
        Inches(0.7),
        f"Capaian kinerja dan anggaran tahun {tahun}",
        26,
        RGBColor(0x26, 0x26, 0x26),
    )
    _persegi(slide, x, Inches(5.05), Inches(1.2), Inches(0.05), RGBColor(0xC5, 0x5A, 0x11))
    _kotak_teks(
        slide, x, Inches(5.3), lebar, Inches(0.9), f"{tanggal_indonesia(tanggal)}\nIsi: {' · '.join(halaman)}", 18, ABU
    )
    _kotak_teks(slide, x, Inches(6.8), lebar, Inches(0.35), "Sumber data: basis data SAKIP Dashboard", 18, ABU)


def _slide_grafik(prs, g: Grafik, bagan: BaganAsli | None, png, instansi: str, nomor: int, jumlah: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    lebar = LEBAR_SLIDE - 2 * TEPI
    _kotak_teks(slide, TEPI, Inches(0.3), lebar, Inches(0.35), f"{g.halaman.upper()}  ·  {instansi}", 18, ABU, True)
    # one line where it fits (about 52 characters at 28 pt across the slide), else smaller
    ukuran = 28 if len(g.judul) <= 52 else 24 if len(g.judul) <= 62 else 20
    _kotak_teks(slide, TEPI, Inches(0.62), lebar, Inches(0.95), g.judul, ukuran, BIRU, True, jangkar=MSO_ANCHOR.MIDDLE)
    garis = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, TEPI, Inches(1.6), TEPI + lebar, Inches(1.6))
    garis.line.color.rgb = ABU_MUDA
    garis.line.width = Pt(1)
    garis._element.remove(garis._element.find(qn("p:style")))
    x, y, cx, cy = KOTAK_GRAFIK
    if bagan is not None:
        tambah_bagan(slide, bagan, x, y, cx, cy)
    else:
        try:
            slide.shapes.add_picture(io.BytesIO(png.result()), x, y, cx, cy)
        except PenyajiTidakAda as e:  # the deck stays whole; the slide says what its image needs
            _kotak_teks(slide, x, y, cx, cy, str(e).replace("`", ""), 20, ABU, jangkar=MSO_ANCHOR.MIDDLE)
    _kotak_teks(slide, TEPI, Inches(6.95), lebar - Inches(1.2), Inches(0.35), g.sumber or "", 18, ABU)
    _kotak_teks(
        slide,
        LEBAR_SLIDE - TEPI - Inches(1.2),
        Inches(6.95),
        Inches(1.2),
        Inches(0.35),
        f"{nomor} / {jumlah}",
        18,
        ABU,
        rata=PP_ALIGN.RIGHT,
    )
    if g.kalimat:
        slide.notes_slide.notes_text_frame.text = g.kalimat


def _cap_draf(slide) -> None:
    """A red 'DRAF' box in the top right corner, clear of the header and the title."""
    s = _persegi(slide, LEBAR_SLIDE - Inches(2.35), Inches(0.15), Inches(2.0), Inches(0.42), MERAH_DRAF)
    s.name = "Tanda DRAF"
    tf = s.text_frame
    tf.text = TANDA_DRAF
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.CENTER
    p.runs[0].font.size, p.runs[0].font.bold = Pt(18), True
    p.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def untuk_slide(fig: go.Figure) -> go.Figure:
    """A copy without the title and source line, which the slide carries as text."""
    salinan = go.Figure(fig)
    salinan.layout.annotations = [a for a in salinan.layout.annotations if not (a.text or "").startswith("Sumber: ")]
    salinan.update_layout(title=None, margin={"t": 20, "b": 50}, font={"size": 15})
    return salinan


def _png_slide(fig: go.Figure) -> bytes:
    # 1000 layout px across the 12,1-inch box: the figure's 15-16 px text lands at 13-14 pt,
    # like the native charts' labels; scale 3 gives a 3000 px image for a sharp projection
    _, _, cx, cy = KOTAK_GRAFIK
    return gambar(untuk_slide(fig), "png", 1000, int(1000 * cy / cx), 3)


def buat_dek(daftar: list[Grafik], instansi: str, tahun: int, tanggal: date | None = None, draf: bool = False) -> bytes:
    """A 16:9 deck: a title slide (agency, year, date), then one slide per chart with its title,
    source line, and reading in the speaker notes. `draf`: the figures are not verified yet, and
    every slide says so (`TANDA_DRAF` in its top right corner)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR_SLIDE, TINGGI_SLIDE
    halaman = list(dict.fromkeys(g.halaman for g in daftar))
    bagan = [bagan_asli(g.fig) for g in daftar]
    # chromium renders the image slides while python builds the native ones
    with ThreadPoolExecutor(max_workers=1) as pool:
        png = [pool.submit(_png_slide, g.fig) if b is None else None for g, b in zip(daftar, bagan)]
        _slide_judul(prs, instansi, tahun, tanggal or date.today(), halaman)
        for i, (g, b, p) in enumerate(zip(daftar, bagan, png), start=2):
            _slide_grafik(prs, g, b, p, instansi, i, len(daftar) + 1)
    if draf:
        for slide in prs.slides:
            _cap_draf(slide)
    keluar = io.BytesIO()
    prs.save(keluar)
    return keluar.getvalue()
