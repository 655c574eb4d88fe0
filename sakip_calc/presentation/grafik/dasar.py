"""What every chart shares: the house colours and font, the layout (title, source line, margins),
label shortening, and the empty-chart frame."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# The house template as plotly's default: a new figure takes it as it is built, whereas setting
# it on each figure validates the whole template again (12-25 ms per chart, most of a chart's cost)
pio.templates.default = "plotly_white"

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


def tata_letak(fig: go.Figure, judul: str, sumber: str, tinggi: int = 520) -> go.Figure:
    """House style: title, source line, Indonesian separators, projector-sized fonts."""
    fig.update_layout(
        title={"text": judul, "x": 0.0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 22}},
        font={"family": HURUF, "size": 16, "color": "#262626"},
        separators=",.",
        height=tinggi,
        margin={"l": 20, "r": 30, "t": 110, "b": 105},
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
