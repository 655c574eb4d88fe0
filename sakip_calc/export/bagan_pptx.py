"""Native chart data (`BaganAsli`) drawn as an editable PowerPoint chart in the house style.

Owns python-pptx chart building, including the XML python-pptx has no API for (combination
charts, label skipping); must not read plotly figures (bagan_data.py does).
"""

from __future__ import annotations

import copy

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from sakip_calc.export.bagan_data import BaganAsli, Seri, format_untuk
from sakip_calc.export.office import BIRU, HURUF, ID, warna_rgb

# Axis ticks of rupiah charts read 35,7 M / 430 jt rather than 35.672.937.124; the series keep
# the exact rupiah values.
UKURAN_MIN = 18  # pt: the smallest slide text a room can read from the back (issue 15)
FORMAT_SUMBU_BESAR = ID + '[>=1000000000]#,##0.0,,," M";[>=1000000]#,##0,," jt";#,##0'
_JENIS_XL = {
    "kolom": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "kombinasi": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "batang": XL_CHART_TYPE.BAR_CLUSTERED,
    "garis": XL_CHART_TYPE.LINE_MARKERS,
    "pai": XL_CHART_TYPE.PIE,
    "donat": XL_CHART_TYPE.DOUGHNUT,
}
_PUTUS = {
    "dash": MSO_LINE_DASH_STYLE.DASH,
    "dot": MSO_LINE_DASH_STYLE.ROUND_DOT,
    "dashdot": MSO_LINE_DASH_STYLE.DASH_DOT,
    "longdash": MSO_LINE_DASH_STYLE.LONG_DASH,
}


def _pindah_ke_garis(chart, nomor: list[int]) -> None:
    """Move the given series of a clustered-column chart into a line chart on the same axes:
    python-pptx writes one plot type per chart, PowerPoint draws a combination natively."""
    plot_area = chart._chartSpace.chart.plotArea
    batang = plot_area.find(qn("c:barChart"))
    garis = parse_xml(
        f'<c:lineChart {nsdecls("c")}><c:grouping val="standard"/><c:varyColors val="0"/>'
        f'<c:marker val="1"/></c:lineChart>'
    )
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
    rgb = warna_rgb(warna)
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
    rgb = warna_rgb(warna)
    return rgb is not None and (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) < 140


def tambah_bagan(slide, bagan: BaganAsli, x, y, cx, cy):
    """Draw native chart data on a slide in the house style; returns the python-pptx chart."""
    data = CategoryChartData(number_format=bagan.format_nilai)
    data.categories = bagan.kategori
    for s in bagan.seri:
        data.add_series(s.nama, s.nilai, number_format=format_untuk(s.nilai))
    chart = slide.shapes.add_chart(_JENIS_XL[bagan.jenis], x, y, cx, cy, data).chart
    if bagan.jenis == "kombinasi":
        _pindah_ke_garis(chart, [i for i, s in enumerate(bagan.seri) if s.garis])
    chart.has_title = False
    chart.font.name = HURUF
    chart.font.size = Pt(UKURAN_MIN)
    chart.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
    bulat = bagan.jenis in ("pai", "donat")
    chart.has_legend = bulat or len(bagan.seri) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.RIGHT if bulat else XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(UKURAN_MIN)

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
        bulat = bagan.format_nilai == ID + "#,##0"  # counts: no 0,5 steps on the axis
        nilai_ax.tick_labels.number_format = (
            FORMAT_SUMBU_BESAR if besar >= 1e6 else ID + "#,##0" if besar >= 10 or bulat else ID + "#,##0.0"
        )
        if bulat and besar < 10:
            nilai_ax.major_unit = 1
        nilai_ax.tick_labels.number_format_is_linked = False
        nilai_ax.tick_labels.font.size = Pt(UKURAN_MIN)
        bawah, atas = bagan.rentang
        if bawah is not None:
            nilai_ax.minimum_scale = bawah
        if atas is not None:
            nilai_ax.maximum_scale = atas
        if bagan.judul_nilai:
            nilai_ax.has_title = True
            nilai_ax.axis_title.text_frame.text = bagan.judul_nilai
            nilai_ax.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(UKURAN_MIN)
            nilai_ax.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
        kat_ax = chart.category_axis
        n = len(bagan.kategori)
        # up to 12 categories at the slide minimum; more would overlap, so they step down
        kat_ax.tick_labels.font.size = Pt(12 if n > 24 else 14 if n > 20 else 16 if n > 12 else UKURAN_MIN)
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
            garis.color.rgb = warna_rgb(s.warna[0]) or BIRU
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
                _label_titik(sp.points[i], teks, None, UKURAN_MIN, RGBColor(0xFF, 0xFF, 0xFF) if putih else None)
        else:
            _label_titik(
                sp.points[i],
                teks,
                XL_LABEL_POSITION.ABOVE if s.garis else XL_LABEL_POSITION.OUTSIDE_END,
                12 if len(bagan.kategori) > 20 else 14 if len(bagan.kategori) > 12 else UKURAN_MIN,
            )
