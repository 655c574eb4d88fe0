"""What every chart shares: the house colours and font, the layout (title, source line, margins),
label shortening, and the empty-chart frame."""

from __future__ import annotations

import re
import textwrap

import plotly.graph_objects as go
import plotly.io as pio

WARNA = {
    "utama": "#1f4e79",  # realisasi
    "target": "#a6a6a6",  # target, pagu
    "pagu": "#9dc3e6",
    "aksen": "#c55a11",  # reference lines, highlights
    "netral": "#595959",
    "baik": "#1a9850",
    "buruk": "#d73027",
}
URUTAN_WARNA = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#843c0c", "#385723"]
HURUF = "Source Sans Pro, Arial, sans-serif"

# plotly_white with numbers written out on the axes: 58.000, never "58k" or "57,9995k"
TEMA = go.layout.Template(pio.templates["plotly_white"])
for _sumbu in (TEMA.layout.xaxis, TEMA.layout.yaxis):
    _sumbu.update(exponentformat="none", automargin=True)
# ... as plotly's default: a new figure takes it as it is built, whereas setting it on each figure
# validates the whole template again (12-25 ms per chart, most of a chart's cost)
pio.templates["sakip"] = TEMA
pio.templates.default = "sakip"


# characters of a 20 px title that fit a half-width column on a 1366 px laptop (about 430 px)
LEBAR_JUDUL = 38


def bungkus_judul(judul: str, n: int = LEBAR_JUDUL) -> str:
    """A long title on several lines (plotly cuts one long line at the figure's edge, taking the
    year with it); the lines break between words."""
    return "<br>".join(textwrap.wrap(judul, n, break_long_words=False)) or judul


def baris_judul(fig: go.Figure) -> int:
    return (fig.layout.title.text or "").count("<br>") + 1


def tata_letak(fig: go.Figure, judul: str, sumber: str, tinggi: int = 520) -> go.Figure:
    """House style: title (wrapped to fit a half-width column), source line, Indonesian
    separators, projector-sized fonts."""
    judul = bungkus_judul(judul)
    tambah = 26 * judul.count("<br>")  # each extra title line pushes the plot down, not into it
    fig.update_layout(
        # plotly grows a multi-line title upwards from its anchor: pinned in pixels from the top
        title={
            "text": judul,
            "x": 0.0,
            "xanchor": "left",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 12 + tambah},
            "font": {"size": 20},
        },
        font={"family": HURUF, "size": 16, "color": "#262626"},
        separators=",.",
        height=tinggi + tambah,
        margin={"l": 20, "r": 30, "t": 110 + tambah, "b": 105},
        # the legend gets its own row between the title and the plot
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "font": {"size": 15}},
        hoverlabel={"font_size": 15},
    )
    # pinned in pixels below the plot area so it never meets the axis title, whatever the height, and
    # right-aligned so long category labels on the left cannot push it off the figure
    fig.add_annotation(
        text=f"Sumber: {sumber}",
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        yshift=-78,
        xanchor="right",
        yanchor="top",
        showarrow=False,
        font={"size": 13, "color": WARNA["netral"]},
    )
    return fig


def _potong(teks: str, n: int = 48) -> str:
    teks = str(teks)
    return teks if len(teks) <= n else teks[: n - 1].rstrip() + "…"


def kontras_tinggi(fig: go.Figure) -> go.Figure:
    """A copy for a washed-out projector: black text and axis lines, darker grid, bolder bars'
    and lines' edges. The data and the colours that carry meaning (predikat, serapan) stay."""
    salinan = go.Figure(fig)
    salinan.update_layout(font_color="#000000", title_font_color="#000000", legend_font_color="#000000")
    sumbu = {"linecolor": "#000000", "linewidth": 2, "gridcolor": "#8c8c8c", "tickfont_color": "#000000"}
    salinan.update_xaxes(**sumbu)
    salinan.update_yaxes(**sumbu)
    salinan.update_annotations(font_color="#000000")
    salinan.update_traces(marker_line_color="#000000", marker_line_width=1, selector={"type": "bar"})
    return salinan


def nama_pendek(nama: str, n: int = 34) -> str:
    """'PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA' -> 'Penunjang Urusan
    Pemerintahan…': without the level word, capitals softened, cut between words."""
    teks = re.sub(r"^(program|kegiatan|sub[- ]?kegiatan)\s+", "", " ".join(str(nama).split()), flags=re.I)
    if teks.isupper():
        teks = teks.title()
    return textwrap.shorten(teks, n, placeholder="…") if len(teks) > n else teks


def label_program(kode, nama, n: int = 34) -> str:
    """'1.06.04 Rehabilitasi Sosial': the code and, beside it, the name a reader knows."""
    return f"{kode} {nama_pendek(nama, n)}"


def _kosong(judul: str, sumber: str, pesan: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=pesan, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return tata_letak(fig, judul, sumber, 300)


def bidang_efisiensi(fig: go.Figure, bawah: float, atas: float) -> None:
    """The capaian-vs-serapan plane of both quadrant charts: the diagonal where capaian equals
    serapan, its two halves named, and equal axes from `bawah` to `atas`."""
    fig.add_shape(type="line", x0=bawah, y0=bawah, x1=atas, y1=atas, line={"dash": "dash", "color": WARNA["netral"]})
    fig.add_annotation(
        x=bawah + 1,
        y=atas - 1,
        text="efisien",
        showarrow=False,
        xanchor="left",
        font={"color": WARNA["baik"], "size": 16},
    )
    fig.add_annotation(
        x=atas - 1,
        y=bawah + 1,
        text="tidak efisien",
        showarrow=False,
        xanchor="right",
        font={"color": WARNA["buruk"], "size": 16},
    )
    fig.update_xaxes(title="Serapan anggaran (%)", range=[bawah, atas])
    fig.update_yaxes(title="Capaian kinerja (%)", range=[bawah, atas])


def catatan_bawah(fig: go.Figure, teks: str, yshift: int) -> go.Figure:
    """A note under the plot on the left (a ratio's definition, names that could not be placed),
    in the source line's grey, `yshift` px below the plot area."""
    fig.add_annotation(
        text=teks,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=yshift,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": 13, "color": WARNA["netral"]},
    )
    return fig
