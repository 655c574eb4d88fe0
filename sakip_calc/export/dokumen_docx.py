"""An editable Word document (python-docx) from a list of blocks: headings, paragraphs, numbered
tables and numbered figures. Used for the LKjIP Chapter III draft (`presentation.draf`).

Owns the page (A4 portrait, margins, page numbers, the optional 'DRAF' header) and the styles:
Word's built-in 'Heading n', 'Table Grid', 'Caption' and 'List Bullet', so the text keeps its
structure when pasted into a Pemda's own LKjIP template. Must not read data or write prose: the
blocks arrive with their text and numbers already written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import plotly.graph_objects as go
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from sakip_calc.export.gambar import gambar
from sakip_calc.export.office import BIRU, HURUF

LEBAR_ISI_CM = 16.0  # A4 (21 cm) minus 2.5 cm margins
LEBAR_GAMBAR_DOK = 960  # layout px drawn 16 cm wide: the figures' fonts stay readable on paper
TANDA_DRAF = "DRAF"
_BIRU = RGBColor(*BIRU)  # office.BIRU is python-pptx's colour type; Word needs its own


@dataclass
class Judul:
    teks: str
    tingkat: int  # 1..3: Word's 'Heading n'


@dataclass
class Paragraf:
    """A paragraph; `label` is set bold before it (an analysis' name); `isian` marks a placeholder
    the agency must fill (highlighted); `butir` makes it a bullet."""

    teks: str
    label: str | None = None
    isian: bool = False
    butir: bool = False


@dataclass
class TabelDok:
    """A numbered table: cells already written as text; `angka` are the right-aligned columns;
    `jumlah` makes the last row bold (a total or average row)."""

    nomor: str
    judul: str
    kolom: list[str]
    baris: list[list[str]]
    sumber: str | None = None
    angka: tuple[int, ...] = ()
    jumlah: bool = False
    lebar: tuple[float, ...] = ()  # column widths in cm (optional)


@dataclass
class GambarDok:
    """A numbered figure: the page's plotly figure, rendered to PNG when the document is written."""

    nomor: str
    judul: str
    fig: go.Figure
    sumber: str | None = None


@dataclass
class Dokumen:
    judul_kepala: str  # the running header
    isi: list = field(default_factory=list)


def _huruf(dok) -> None:
    normal = dok.styles["Normal"]
    normal.font.name = HURUF
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for nama in ("Heading 1", "Heading 2", "Heading 3", "Caption"):
        gaya = dok.styles[nama]
        gaya.font.name = HURUF
        gaya.font.color.rgb = _BIRU
    dok.styles["Caption"].font.size = Pt(10)


def _halaman(dok, kepala: str, tanda_draf: bool) -> None:
    s = dok.sections[0]
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.left_margin = s.right_margin = Cm(2.5)
    s.top_margin = s.bottom_margin = Cm(2.5)
    p = s.header.paragraphs[0]
    p.text = kepala
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.runs[0].font.size = Pt(9)
    if tanda_draf:
        tanda = s.header.add_paragraph()
        tanda.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = tanda.add_run(TANDA_DRAF)
        r.bold = True
        r.font.size = Pt(14)
        r.font.color.rgb = _BIRU
    kaki = s.footer.paragraphs[0]
    kaki.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _bidang(kaki.add_run(), "PAGE")


def _bidang(run, perintah: str) -> None:
    """A Word field (PAGE): Word and LibreOffice fill it in when they lay the page out."""
    for jenis, isi in (("begin", None), (None, perintah), ("separate", None), (None, "1"), ("end", None)):
        if jenis:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), jenis)
        elif isi == perintah:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {perintah} "
        else:
            el = OxmlElement("w:t")
            el.text = isi
        run._r.append(el)


def _paragraf(dok, b: Paragraf) -> None:
    p = dok.add_paragraph(style="List Bullet" if b.butir else None)
    if b.label:
        p.add_run(b.label + " ").bold = True
    r = p.add_run(b.teks)
    if b.isian:
        r.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _keterangan(dok, teks: str) -> None:
    p = dok.add_paragraph(teks, style="Caption")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True


def _sumber(dok, teks: str | None) -> None:
    if teks:
        p = dok.add_paragraph()
        r = p.add_run(teks if teks.startswith("Sumber") else f"Sumber: {teks}")
        r.italic = True
        r.font.size = Pt(9)


def _tabel(dok, b: TabelDok) -> None:
    _keterangan(dok, f"{b.nomor} {b.judul}")
    t = dok.add_table(rows=1, cols=len(b.kolom), style="Table Grid")
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for sel, teks in zip(t.rows[0].cells, b.kolom):
        sel.text = teks
        sel.paragraphs[0].runs[0].bold = True
    _ulang_kepala(t.rows[0])
    for i, baris in enumerate(b.baris):
        sel_baris = t.add_row().cells
        for j, teks in enumerate(baris):
            sel_baris[j].text = teks
            par = sel_baris[j].paragraphs[0]
            if j in b.angka:
                par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if b.jumlah and i == len(b.baris) - 1 and par.runs:
                par.runs[0].bold = True
    if b.lebar:
        # Word reads the cell widths, LibreOffice the grid's: set both, and no autofit
        t.autofit = False
        for kol, cm in zip(t.columns, b.lebar):
            kol.width = Cm(cm)
    for baris in t.rows:
        _sifat_baris(baris, "w:cantSplit")  # a row stays on one page
        for j, sel in enumerate(baris.cells):
            for par in sel.paragraphs:
                par.paragraph_format.space_after = Pt(0)
                for r in par.runs:
                    r.font.size = Pt(9)
            if b.lebar:
                sel.width = Cm(b.lebar[j])
    _sumber(dok, b.sumber)


def _sifat_baris(baris, nama: str) -> None:
    el = OxmlElement(nama)
    el.set(qn("w:val"), "true")
    baris._tr.get_or_add_trPr().append(el)


def _ulang_kepala(baris) -> None:
    # the header row repeats on every page a long table runs over
    _sifat_baris(baris, "w:tblHeader")


def _gambar(dok, b: GambarDok) -> None:
    png = gambar(b.fig, "png", lebar=LEBAR_GAMBAR_DOK, skala=1.5)
    dok.add_picture(io.BytesIO(png), width=Cm(LEBAR_ISI_CM))
    dok.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    dok.paragraphs[-1].paragraph_format.keep_with_next = True
    _keterangan(dok, f"{b.nomor} {b.judul}")
    _sumber(dok, b.sumber)


def buat_docx(dokumen: Dokumen, tanda_draf: bool = False) -> bytes:
    """The .docx bytes. `tanda_draf`: 'DRAF' in the header of every page (e.g. while unverified)."""
    dok = Document()
    _huruf(dok)
    _halaman(dok, dokumen.judul_kepala, tanda_draf)
    for b in dokumen.isi:
        if isinstance(b, Judul):
            dok.add_heading(b.teks, b.tingkat)
        elif isinstance(b, Paragraf):
            _paragraf(dok, b)
        elif isinstance(b, TabelDok):
            _tabel(dok, b)
        elif isinstance(b, GambarDok):
            _gambar(dok, b)
        else:
            raise TypeError(f"blok dokumen tidak dikenal: {type(b).__name__}")
    keluaran = io.BytesIO()
    dok.save(keluaran)
    return keluaran.getvalue()
