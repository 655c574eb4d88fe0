"""Exports for evaluation meetings: a 16:9 slide deck, chart images, and Excel tables.

The deck is built from the same plotly figures the pages draw (grafik.py). Bar, line and pie
figures become native PowerPoint charts whose categories and series values are the figure's own
numbers, so the user can restyle them and edit their data; figures PowerPoint cannot draw
(treemap, heatmap, labelled scatter) go in as high-resolution images. Images come from one
kaleido renderer (Debian's chromium) that stays warm for the whole process.
"""
from __future__ import annotations

import base64
import copy
import io
import math
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime

import kaleido
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Inches, Pt

from sakip_calc.domain.angka import format_angka, format_persen

# [$-421] marks a number format as Indonesian: LibreOffice then prints 1.234,56 in any locale;
# Microsoft Office prints the viewer's own separators (1.234,56 with Indonesian settings).
ID = "[$-421]"


# ---- chart specs ------------------------------------------------------------------------------

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
    return fig.layout.title.text or ""


def sumber_grafik(fig: go.Figure) -> str | None:
    """The source line grafik.tata_letak adds as an annotation ('Sumber: ...')."""
    for a in fig.layout.annotations:
        if (a.text or "").startswith("Sumber: "):
            return a.text
    return None


def nama_berkas(teks: str) -> str:
    """A file name (without extension) from a title: 'Skor capaian 2023 (%)' -> 'skor-capaian-2023'."""
    return re.sub(r"[^0-9a-z]+", "-", teks.lower()).strip("-")[:80] or "grafik"


# ---- static images: one warm renderer per process ---------------------------------------------

PERAMBAN = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
LEBAR_GAMBAR = 1280     # layout px: the figures' fonts are sized for about this width
SKALA_PNG = 1.5         # 1280 x 1.5 = 1920 px, above the 1600 px a projector slide needs
_kunci_penyaji = threading.Lock()
_penyaji_hidup = False


def siapkan_penyaji() -> None:
    """Start the process's one kaleido renderer (a chromium tab) if it is not running yet.

    Starting a browser costs ~2.5 s; a warm one renders an image in a few tenths of a second.
    """
    global _penyaji_hidup
    with _kunci_penyaji:
        if not _penyaji_hidup:
            kwargs = {"path": PERAMBAN} if os.path.exists(PERAMBAN) else {}
            # mathjax=False: no CDN fetch; plotly.js comes from the installed plotly package
            kaleido.start_sync_server(mathjax=False, silence_warnings=True, **kwargs)
            _penyaji_hidup = True


def hentikan_penyaji() -> None:
    """Close the renderer now rather than from an exit hook, where chromium's pipe may already be
    half torn down (it then logs JSON errors)."""
    global _penyaji_hidup
    with _kunci_penyaji:
        if _penyaji_hidup:
            kaleido.stop_sync_server(silence_warnings=True)
            _penyaji_hidup = False


def gambar(fig: go.Figure, format: str = "png", lebar: int = LEBAR_GAMBAR, tinggi: int | None = None,
           skala: float | None = None) -> bytes:
    """PNG or SVG bytes of a figure. Width is in layout pixels; a PNG is `lebar * skala` wide."""
    siapkan_penyaji()
    tinggi = tinggi or fig.layout.height or 520
    skala = skala if skala is not None else (SKALA_PNG if format == "png" else 1)
    opsi = {"format": format, "width": lebar, "height": tinggi, "scale": skala}
    # the sync server hands out answers in queue order: one caller at a time
    with _kunci_penyaji:
        return kaleido.calc_fig_sync(fig.to_dict(), opts=opsi)


def gambar_png(fig: go.Figure) -> bytes:
    return gambar(fig, "png")


def gambar_svg(fig: go.Figure) -> bytes:
    return gambar(fig, "svg")


# ---- plotly figure -> native PowerPoint chart -------------------------------------------------

@dataclass
class Seri:
    nama: str
    nilai: list[float | None]
    warna: list[str | None]            # one colour per point, or a single entry for the series
    label: list[str] | None = None     # text on each point, as the figure prints it
    garis: bool = False                # drawn as a line (a line chart, or the line of a combo)
    penanda_saja: bool = False         # markers without a line
    putus: str | None = None           # plotly dash style
    tebal: float | None = None         # line width, px
    acuan: bool = False                # a reference line (add_hline): no markers, no labels


@dataclass
class BaganAsli:
    jenis: str                         # "kolom", "batang" (horizontal), "garis", "kombinasi", "pai", "donat"
    kategori: list[str]
    seri: list[Seri]
    judul_nilai: str | None = None     # value-axis title
    lubang: float | None = None        # doughnut hole, 0..1
    format_nilai: str = ID + "#,##0"
    rentang: tuple[float | None, float | None] = (None, None)   # value-axis min and max


def larik(v) -> list:
    """Any plotly array form as a plain Python list: list, tuple, numpy, pandas, or the typed array
    {dtype, bdata[, shape]}. Plotly 7 keeps a figure's numeric arrays in that typed form after a
    pickle round trip (st.cache_data), and offers no decoder for it."""
    if v is None:
        return []
    if isinstance(v, dict) and "bdata" in v and "dtype" in v:
        # plotly.js typed arrays are little-endian; "f8", "i4", "u1"... are numpy's own codes
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype("<" + v["dtype"]))
        if v.get("shape"):
            a = a.reshape([int(n) for n in str(v["shape"]).split(",")])
        return a.tolist()
    return v.tolist() if hasattr(v, "tolist") else list(v)


def _angka(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _kategori(v) -> str:
    """Category text: years stay '2023', not '2023.0'."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "item"):
        return _kategori(v.item())
    return str(v)


def _warna_titik(nilai, n: int) -> list[str | None]:
    if nilai is None:
        return [None]
    if isinstance(nilai, str):
        return [nilai]
    return [w if isinstance(w, str) else None for w in larik(nilai)][:n]


def _teks(trace, n: int) -> list[str] | None:
    t = trace.text
    if t is None or isinstance(t, str):
        return None
    t = [_teks_titik(x) for x in larik(t)]
    return t if len(t) == n and any(t) else None


def _teks_titik(x) -> str:
    """A point's label as the figure prints it; bare numbers get Indonesian separators."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    v = _angka(x)
    return "" if v is None else format_angka(v, 0 if v.is_integer() else 2)


def _seri_tertulis(trace) -> bool:
    if trace.type == "scatter":
        return "text" in (trace.mode or "")
    return trace.textposition != "none"


def _garis_acuan(fig: go.Figure) -> list[tuple[str, float]]:
    """Horizontal reference lines (add_hline) with the text of their annotation, if any."""
    hasil = []
    for s in fig.layout.shapes:
        if s.type == "line" and s.xref == "x domain" and s.yref == "y" and s.y0 == s.y1:
            nama = next((a.text for a in fig.layout.annotations if a.yref == "y" and a.xref == "x domain"
                         and a.y == s.y0 and a.text), None)
            hasil.append((nama or f"Acuan {format_angka(s.y0, 0)}", float(s.y0)))
    return hasil


def bagan_asli(fig: go.Figure) -> BaganAsli | None:
    """The figure as native chart data, or None when PowerPoint cannot draw it natively.

    Bars (vertical or horizontal, grouped), line traces (markers-only traces may ride along),
    one bar + line combination, and one pie/doughnut convert; categories and values are copied
    exactly. Treemap, heatmap and a scatter without lines (the labelled quadrant) do not.
    """
    jejak = list(fig.data)
    if not jejak:
        return None
    jenis = {t.type for t in jejak}
    if jenis == {"pie"} and len(jejak) == 1:
        t = jejak[0]
        nilai = [_angka(v) for v in larik(t.values)]
        warna = _warna_titik(t.marker.colors, len(nilai)) if t.marker.colors is not None else [None] * len(nilai)
        titik = list(zip([_kategori(x) for x in larik(t.labels)], nilai, warna))
        if t.sort is not False:      # plotly draws the slices largest first unless sort=False
            titik.sort(key=lambda x: -(x[1] or 0))
        kategori, nilai, warna = (list(x) for x in zip(*titik))
        total = sum(v for v in nilai if v) or 1
        info = t.textinfo or "value"
        label = [format_persen(v / total * 100, 1) if "percent" in info else format_angka(v)
                 for v in (v or 0 for v in nilai)]
        return BaganAsli("donat" if t.hole else "pai", kategori, [Seri(t.name or "Nilai", nilai, warna, label)],
                         lubang=t.hole, format_nilai=_format_untuk(nilai))
    if not jenis <= {"bar", "scatter"}:
        return None
    garis = [t for t in jejak if t.type == "scatter"]
    if garis and not any("lines" in (t.mode or "") for t in garis):
        return None
    mendatar = [t for t in jejak if t.type == "bar" and t.orientation == "h"]
    if mendatar and (len(mendatar) != len(jejak)):
        return None
    sumbu_kat, sumbu_nilai = ("y", "x") if mendatar else ("x", "y")

    kategori: list[str] = []
    for t in jejak:
        for v in larik(getattr(t, sumbu_kat)):
            k = _kategori(v)
            if k not in kategori:
                kategori.append(k)
    if all(re.fullmatch(r"-?\d+(\.\d+)?", k) for k in kategori):
        kategori.sort(key=float)

    seri = []
    for t in jejak:
        kat = [_kategori(v) for v in larik(getattr(t, sumbu_kat))]
        per_kat = dict(zip(kat, (_angka(v) for v in larik(getattr(t, sumbu_nilai)))))
        teks = dict(zip(kat, _teks(t, len(kat)) or [])) if _seri_tertulis(t) else {}
        nilai = [per_kat.get(k) for k in kategori]
        label = [teks.get(k, "") for k in kategori] if teks else None
        if t.type == "bar":
            warna = _warna_titik(t.marker.color, len(kat))
            if len(warna) > 1:       # per-point colours follow their category
                per = dict(zip(kat, warna))
                warna = [per.get(k) for k in kategori]
            seri.append(Seri(t.name or "Nilai", nilai, warna, label))
        else:
            mode = t.mode or "lines"
            seri.append(Seri(t.name or "Nilai", nilai, [t.line.color or t.marker.color], label, garis=True,
                             penanda_saja="lines" not in mode, putus=t.line.dash, tebal=t.line.width))
    ada_batang = any(t.type == "bar" for t in jejak)
    ada_garis = any(s.garis for s in seri)
    if ada_garis:
        for nama, y in _garis_acuan(fig):
            seri.append(Seri(nama, [y] * len(kategori), ["#c55a11"], garis=True, putus="dash", tebal=2, acuan=True))
    jenis_bagan = ("kombinasi" if ada_batang and ada_garis else "garis" if ada_garis
                   else "batang" if mendatar else "kolom")
    sumbu = fig.layout.xaxis if mendatar else fig.layout.yaxis
    semua = [v for s in seri for v in s.nilai]
    return BaganAsli(jenis_bagan, kategori, seri, sumbu.title.text or None, format_nilai=_format_untuk(semua),
                     rentang=_rentang(sumbu, semua, ada_batang))


def _rentang(sumbu, nilai: list[float | None], batang: bool) -> tuple[float | None, float | None]:
    """The figure's own value-axis range; bars and 'tozero' axes start at zero, as in plotly
    (PowerPoint would otherwise start a bar axis near the smallest bar)."""
    if sumbu.range is not None and None not in sumbu.range:
        return float(sumbu.range[0]), float(sumbu.range[1])
    isi = [v for v in nilai if v is not None]
    if (batang or sumbu.rangemode == "tozero") and isi and min(isi) >= 0:
        return 0.0, None
    return None, None


def _format_untuk(nilai: list[float | None]) -> str:
    isi = [v for v in nilai if v is not None]
    return ID + ("#,##0" if all(float(v).is_integer() for v in isi) else "#,##0.00")


# Axis ticks of rupiah charts read 35,7 M / 430 jt rather than 35.672.937.124; the series keep
# the exact rupiah values.
FORMAT_SUMBU_BESAR = ID + '[>=1000000000]#,##0.0,,," M";[>=1000000]#,##0,," jt";#,##0'
_JENIS_XL = {
    "kolom": XL_CHART_TYPE.COLUMN_CLUSTERED, "kombinasi": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "batang": XL_CHART_TYPE.BAR_CLUSTERED, "garis": XL_CHART_TYPE.LINE_MARKERS,
    "pai": XL_CHART_TYPE.PIE, "donat": XL_CHART_TYPE.DOUGHNUT,
}
_PUTUS = {"dash": MSO_LINE_DASH_STYLE.DASH, "dot": MSO_LINE_DASH_STYLE.ROUND_DOT,
          "dashdot": MSO_LINE_DASH_STYLE.DASH_DOT, "longdash": MSO_LINE_DASH_STYLE.LONG_DASH}


def _rgb(warna: str | None) -> RGBColor | None:
    if not warna:
        return None
    w = warna.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", w):
        return RGBColor.from_string(w[1:].upper())
    if re.fullmatch(r"#[0-9a-fA-F]{3}", w):
        return RGBColor.from_string("".join(c * 2 for c in w[1:]).upper())
    m = re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+).*\)", w)
    return RGBColor(*(int(x) for x in m.groups())) if m else None


def _pindah_ke_garis(chart, nomor: list[int]) -> None:
    """Move the given series of a clustered-column chart into a line chart on the same axes:
    python-pptx writes one plot type per chart, PowerPoint draws a combination natively."""
    plot_area = chart._chartSpace.chart.plotArea
    batang = plot_area.find(qn("c:barChart"))
    garis = parse_xml(f'<c:lineChart {nsdecls("c")}><c:grouping val="standard"/><c:varyColors val="0"/>'
                      f'<c:marker val="1"/></c:lineChart>')
    penanda = garis.find(qn("c:marker"))
    semua = batang.findall(qn("c:ser"))
    for i in nomor:
        ser = semua[i]
        for tag in ("c:invertIfNegative", "c:pictureOptions", "c:shape"):
            for el in ser.findall(qn(tag)):
                ser.remove(el)
        sebelum = ser.find(qn("c:spPr")) if ser.find(qn("c:spPr")) is not None else ser.find(qn("c:tx"))
        sebelum.addnext(parse_xml(f'<c:marker {nsdecls("c")}><c:symbol val="circle"/><c:size val="9"/></c:marker>'))
        ser.find(qn("c:val")).addnext(parse_xml(f'<c:smooth {nsdecls("c")} val="0"/>'))
        penanda.addprevious(ser)
    for ax in batang.findall(qn("c:axId")):
        garis.append(copy.deepcopy(ax))
    batang.addnext(garis)


def _isi_warna(fmt, warna: str | None) -> None:
    rgb = _rgb(warna)
    if rgb is not None:
        fmt.fill.solid()
        fmt.fill.fore_color.rgb = rgb


def _label_titik(titik, teks: str, posisi, ukuran: int, warna: RGBColor = None) -> None:
    dl = titik.data_label
    tf = dl.text_frame
    tf.text = teks
    f = tf.paragraphs[0].runs[0].font
    f.size = Pt(ukuran)
    f.color.rgb = warna or RGBColor(0x26, 0x26, 0x26)
    if posisi is not None:
        dl.position = posisi


def _gelap(warna: str | None) -> bool:
    rgb = _rgb(warna)
    return rgb is not None and (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) < 140


def tambah_bagan(slide, bagan: BaganAsli, x, y, cx, cy):
    """Draw native chart data on a slide in the house style; returns the python-pptx chart."""
    data = CategoryChartData(number_format=bagan.format_nilai)
    data.categories = bagan.kategori
    for s in bagan.seri:
        data.add_series(s.nama, s.nilai, number_format=_format_untuk(s.nilai))
    chart = slide.shapes.add_chart(_JENIS_XL[bagan.jenis], x, y, cx, cy, data).chart
    if bagan.jenis == "kombinasi":
        _pindah_ke_garis(chart, [i for i, s in enumerate(bagan.seri) if s.garis])
    chart.has_title = False
    chart.font.name = HURUF
    chart.font.size = Pt(14)
    chart.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
    bulat = bagan.jenis in ("pai", "donat")
    chart.has_legend = bulat or len(bagan.seri) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.RIGHT if bulat else XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(14)

    seri_pptx = [s for plot in chart.plots for s in plot.series]
    for i, plot in enumerate(chart.plots):
        if bagan.jenis in ("kolom", "batang", "kombinasi") and i == 0:
            plot.gap_width = 60
            plot.overlap = -10 if len(plot.series) > 1 else 0
        plot.vary_by_categories = bulat
    if bagan.jenis == "donat" and bagan.lubang:
        lubang = chart._chartSpace.find(".//" + qn("c:holeSize"))
        if lubang is not None:
            lubang.set("val", str(int(round(bagan.lubang * 100))))
    for s, sp in zip(sorted(bagan.seri, key=lambda s: s.garis), seri_pptx):
        _gaya_seri(s, sp, bagan)

    if not bulat:
        nilai_ax = chart.value_axis
        nilai_ax.has_major_gridlines = True
        nilai_ax.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
        nilai_ax.format.line.fill.background()
        besar = max((abs(v) for s in bagan.seri for v in s.nilai if v is not None), default=0)
        bulat = bagan.format_nilai == ID + "#,##0"          # counts: no 0,5 steps on the axis
        nilai_ax.tick_labels.number_format = (FORMAT_SUMBU_BESAR if besar >= 1e6 else ID + "#,##0" if besar >= 10 or bulat
                                               else ID + "#,##0.0")
        if bulat and besar < 10:
            nilai_ax.major_unit = 1
        nilai_ax.tick_labels.number_format_is_linked = False
        nilai_ax.tick_labels.font.size = Pt(13)
        bawah, atas = bagan.rentang
        if bawah is not None:
            nilai_ax.minimum_scale = bawah
        if atas is not None:
            nilai_ax.maximum_scale = atas
        if bagan.judul_nilai:
            nilai_ax.has_title = True
            nilai_ax.axis_title.text_frame.text = bagan.judul_nilai
            nilai_ax.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(13)
            nilai_ax.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
        kat_ax = chart.category_axis
        n = len(bagan.kategori)
        kat_ax.tick_labels.font.size = Pt(9 if n > 24 else 10 if n > 20 else 12 if n > 12 else 13)
        _tiap_kategori_berlabel(kat_ax)
        kat_ax.tick_label_position = XL_TICK_LABEL_POSITION.LOW
        kat_ax.format.line.color.rgb = RGBColor(0xA6, 0xA6, 0xA6)
        kat_ax.has_major_gridlines = False
    return chart


def _tiap_kategori_berlabel(kat_ax) -> None:
    """Label every category: left alone, a crowded axis shows only every second one."""
    ax = kat_ax._element
    lewati = parse_xml(f'<c:tickLblSkip {nsdecls("c")} val="1"/>')
    berikut = [ax.find(qn(t)) for t in ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")]
    berikut = [el for el in berikut if el is not None]
    if berikut:
        berikut[0].addprevious(lewati)
    else:
        ax.append(lewati)


def _gaya_seri(s: Seri, sp, bagan: BaganAsli) -> None:
    bulat = bagan.jenis in ("pai", "donat")
    if s.garis:
        garis = sp.format.line
        if s.penanda_saja:
            garis.fill.background()
        else:
            garis.color.rgb = _rgb(s.warna[0]) or BIRU
            garis.width = Pt((s.tebal or 2) * 0.75)
            if s.putus in _PUTUS:
                garis.dash_style = _PUTUS[s.putus]
        sp.smooth = False
        if s.acuan:
            sp.marker.style = XL_MARKER_STYLE.NONE
            return
        sp.marker.style = XL_MARKER_STYLE.DIAMOND if s.penanda_saja else XL_MARKER_STYLE.CIRCLE
        sp.marker.size = 11 if s.penanda_saja else 8
        _isi_warna(sp.marker.format, s.warna[0])
        sp.marker.format.line.fill.background()
    elif len(s.warna) == 1:
        _isi_warna(sp.format, s.warna[0])
    else:
        for i, w in enumerate(s.warna):
            _isi_warna(sp.points[i].format, w)
            if bulat:
                sp.points[i].format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    if not s.label:
        return
    total = sum(v for v in s.nilai if v) or 1
    for i, teks in enumerate(s.label):
        if not teks or s.nilai[i] is None:
            continue
        if bulat:
            # a slice under 3 % has no room for its label: it would print over its neighbours
            if s.nilai[i] / total >= 0.03:
                putih = _gelap(s.warna[i] if i < len(s.warna) else None)
                _label_titik(sp.points[i], teks, None, 14, RGBColor(0xFF, 0xFF, 0xFF) if putih else None)
        else:
            _label_titik(sp.points[i], teks, XL_LABEL_POSITION.ABOVE if s.garis else XL_LABEL_POSITION.OUTSIDE_END,
                         10 if len(bagan.kategori) > 20 else 12)


# ---- the deck ---------------------------------------------------------------------------------

HURUF = "Arial"
BIRU = RGBColor(0x1F, 0x4E, 0x79)
ABU = RGBColor(0x59, 0x59, 0x59)
ABU_MUDA = RGBColor(0xD9, 0xD9, 0xD9)
LEBAR_SLIDE, TINGGI_SLIDE = Inches(13.333), Inches(7.5)
TEPI = Inches(0.6)
KOTAK_GRAFIK = (TEPI, Inches(1.75), LEBAR_SLIDE - 2 * TEPI, Inches(5.05))
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def tanggal_indonesia(t: date) -> str:
    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


def _kotak_teks(slide, x, y, cx, cy, teks: str, ukuran: int, warna=ABU, tebal: bool = False,
                rata=PP_ALIGN.LEFT, jangkar=MSO_ANCHOR.TOP):
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
    _kotak_teks(slide, x, Inches(1.6), lebar, Inches(0.5), "EVALUASI KINERJA INSTANSI PEMERINTAH (SAKIP)", 16, ABU, True)
    _kotak_teks(slide, x, Inches(2.2), lebar, Inches(1.9), instansi, 40, BIRU, True, jangkar=MSO_ANCHOR.BOTTOM)
    _kotak_teks(slide, x, Inches(4.2), lebar, Inches(0.7), f"Capaian kinerja dan anggaran tahun {tahun}", 26,
                RGBColor(0x26, 0x26, 0x26))
    _persegi(slide, x, Inches(5.05), Inches(1.2), Inches(0.05), RGBColor(0xC5, 0x5A, 0x11))
    _kotak_teks(slide, x, Inches(5.3), lebar, Inches(0.9),
                f"{tanggal_indonesia(tanggal)}\nIsi: {' · '.join(halaman)}", 16, ABU)
    _kotak_teks(slide, x, Inches(6.8), lebar, Inches(0.35), "Sumber data: basis data SAKIP Dashboard", 12, ABU)


def _slide_grafik(prs, g: Grafik, bagan: BaganAsli | None, png, instansi: str, nomor: int, jumlah: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    lebar = LEBAR_SLIDE - 2 * TEPI
    _kotak_teks(slide, TEPI, Inches(0.3), lebar, Inches(0.35), f"{g.halaman.upper()}  ·  {instansi}", 13, ABU, True)
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
        slide.shapes.add_picture(io.BytesIO(png.result()), x, y, cx, cy)
    _kotak_teks(slide, TEPI, Inches(6.95), lebar - Inches(1.2), Inches(0.35), g.sumber or "", 12, ABU)
    _kotak_teks(slide, LEBAR_SLIDE - TEPI - Inches(1.2), Inches(6.95), Inches(1.2), Inches(0.35),
                f"{nomor} / {jumlah}", 12, ABU, rata=PP_ALIGN.RIGHT)
    if g.kalimat:
        slide.notes_slide.notes_text_frame.text = g.kalimat


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


def buat_dek(daftar: list[Grafik], instansi: str, tahun: int, tanggal: date | None = None) -> bytes:
    """A 16:9 deck: a title slide (agency, year, date), then one slide per chart with its title,
    source line, and reading in the speaker notes."""
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
    keluar = io.BytesIO()
    prs.save(keluar)
    return keluar.getvalue()


# ---- Excel ------------------------------------------------------------------------------------

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def aman_excel(sel, nilai) -> None:
    """Write `nilai` into an openpyxl cell. Text a spreadsheet would run as a formula (=, +, -, @)
    is stored as a plain string with Excel's quote prefix, so it shows and stays as typed."""
    if hasattr(nilai, "item"):          # numpy scalars
        nilai = nilai.item()
    if nilai is None or (isinstance(nilai, float) and not math.isfinite(nilai)) or nilai is pd.NA or nilai is pd.NaT:
        sel.value = None
        return
    if isinstance(nilai, pd.Timestamp):
        nilai = nilai.to_pydatetime()
    if isinstance(nilai, datetime) and nilai.tzinfo is not None:
        nilai = nilai.replace(tzinfo=None)   # openpyxl cannot store time zones
    if isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS):
        sel.value = nilai
        sel.data_type = "s"
        sel.quotePrefix = True
        return
    sel.value = nilai


FORMAT_EXCEL_BAWAAN = {"float": ID + "#,##0.00", "int": ID + "#,##0"}


def tabel_excel(df: pd.DataFrame, format_kolom: dict[str, str] | None = None, judul_lembar: str = "Data",
                warna_kolom: str | None = None) -> bytes:
    """An .xlsx of a table as the app shows it: bold header, number formats, widths, frozen header.

    `format_kolom` maps a column to an Excel number format; other numeric columns get
    #,##0 / #,##0.00 (shown 1.234,56 in Indonesian Excel). A `_warna` column, if any, colours
    `warna_kolom` the way the app does and is not written.
    """
    format_kolom = format_kolom or {}
    warna = df["_warna"].tolist() if "_warna" in df.columns else None
    df = df.drop(columns=["_warna"], errors="ignore")
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", " ", judul_lembar)[:31] or "Data"
    tepi = Border(bottom=Side(style="thin", color="808080"))
    for j, kolom in enumerate(df.columns, start=1):
        sel = ws.cell(row=1, column=j)
        aman_excel(sel, str(kolom))
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="1F4E79")
        sel.alignment = Alignment(vertical="center", wrap_text=True)
        sel.border = tepi
    for j, kolom in enumerate(df.columns, start=1):
        seri = df[kolom]
        fmt = format_kolom.get(kolom)
        if fmt is None and pd.api.types.is_numeric_dtype(seri) and not pd.api.types.is_bool_dtype(seri):
            bulat = pd.api.types.is_integer_dtype(seri) or bool(seri.dropna().map(float.is_integer).all())
            fmt = FORMAT_EXCEL_BAWAAN["int" if bulat else "float"]
        for i, v in enumerate(seri.tolist(), start=2):
            sel = ws.cell(row=i, column=j)
            aman_excel(sel, v)
            if fmt and isinstance(sel.value, (int, float)) and not isinstance(sel.value, bool):
                sel.number_format = fmt
            elif isinstance(sel.value, datetime):
                sel.number_format = "dd/mm/yyyy hh:mm"
            if warna and kolom == warna_kolom and isinstance(warna[i - 2], str) and _rgb(warna[i - 2]):
                sel.fill = PatternFill("solid", fgColor=str(_rgb(warna[i - 2])))
        panjang = [len(str(kolom))] + [len(_tampil(v, fmt)) for v in seri.head(500).tolist()]
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(8, max(panjang) + 2))
    ws.freeze_panes = "A2"
    if len(df.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _tampil(v, fmt: str | None) -> str:
    """Roughly what the cell shows, to size its column."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return format_angka(v, 2 if fmt and ".00" in fmt else 0) + (" " * 4 if fmt and '"' in fmt else "")
    return str(v)
