"""Presentation mode: one chart at a time, large, without the sidebar or controls, for a projector.

Shows the charts of the deck (the pages ticked under 'Unduh Presentasi', built from the pages'
sections with the choices made on them), so what is projected and what is downloaded are the same
figures. Must not build charts of its own.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

import dasbor as d
from dasbor import grafik_web
from sakip_calc.export import ekspor
from sakip_calc.presentation import grafik

# hides the sidebar and header, widens the page, enlarges the text. The page is exactly as high as
# the screen (100dvh) and the chart's frame takes what the control row and the reading leave
# (flex), so the chart fills a 1024x768 projector and a 1920x1080 one alike, with nothing to
# scroll; the figure has no height of its own and follows its frame (height="stretch").
GAYA = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"] {display: none;}
[data-testid="stMain"] p {font-size: 1.2rem;}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] {margin-bottom: 0;}
[data-testid="stMain"] button p {font-size: 1.15rem;}
@media (max-width: 1100px) {[data-testid="stMain"] button p {font-size: 1rem;}}
/* the control row on one line: a long agency name gives way ("…"), never the buttons */
.st-key-pr_kepala {flex-wrap: nowrap;}
.st-key-pr_kepala > div:first-child {min-width: 0; flex: 0 1 auto;}
.st-key-pr_kepala > div:first-child p {white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
/* the reading in at most three lines: a long one (four trend lines) left a 1024x768 chart 300 px
   high; the slide notes of the deck and the page keep it whole */
.st-key-pr_kalimat p {font-size: 1.15rem; line-height: 1.45; display: -webkit-box; -webkit-line-clamp: 3;
  -webkit-box-orient: vertical; overflow: hidden;}
[data-testid="stMainBlockContainer"] {padding: 1.25rem 3rem 0.75rem; max-width: 100%; height: 100dvh;
  box-sizing: border-box; display: flex; flex-direction: column;}
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] {flex: 1 1 0; min-height: 0; flex-wrap: nowrap;}
[data-testid="stLayoutWrapper"]:has(> .st-key-pr_bingkai) {flex: 1 1 0; min-height: 300px;}
.st-key-pr_bingkai {height: 100%;}
</style>"""


def besar(fig: go.Figure) -> go.Figure:
    """A copy with type sized for a projector across the room, without a height of its own: it
    fills the frame the screen leaves (GAYA)."""
    salinan = go.Figure(fig)
    judul = grafik.bungkus_judul(ekspor.judul_grafik(fig), 52)  # 32 px across a 1024 px screen
    salinan.update_layout(
        title_text=judul,
        height=None,
        autosize=True,
        font_size=21,
        title_font_size=32,
        title_pad_t=12 + 42 * judul.count("<br>"),
        legend_font_size=19,
        margin={"t": 90 + 40 * judul.count("<br>") + 40, "b": 120},
    )
    salinan.update_traces(textfont_size=19)
    # plotly shrinks outside bar labels that meet the plot edge; on a projector they stay full size
    salinan.update_traces(outsidetextfont_size=19, constraintext="none", selector={"type": "bar"})
    salinan.update_annotations(font_size=18)
    return salinan


def _geser(langkah: int, jumlah: int) -> None:
    st.session_state["pr_indeks"] = (st.session_state.get("pr_indeks", 0) + langkah) % jumlah


def _keluar() -> None:
    st.session_state["presentasi"] = False


def tampil(p: d.Pilihan) -> None:
    st.html(GAYA + (d.GAYA_KONTRAS if st.session_state.get("kontras") else ""))
    daftar = d.grafik_dek(p)
    if not daftar:
        d.kosong(f"Tidak ada grafik untuk {p.nama} {p.tahun} pada halaman yang dipilih.")
        st.button("Keluar dari mode presentasi", on_click=_keluar, key="pr_keluar")
        return
    i = st.session_state.get("pr_indeks", 0) % len(daftar)
    g = daftar[i]
    with st.container(horizontal=True, vertical_alignment="center", key="pr_kepala"):
        # the slide number first: a long agency name at the end is what gives way on a narrow screen
        st.markdown(f"{i + 1} / {len(daftar)} · **{g.halaman}** · {p.nama}")
        st.space("stretch")
        st.button(
            "Sebelumnya",
            icon=":material/arrow_back:",
            on_click=_geser,
            args=(-1, len(daftar)),
            shortcut="left",
            key="pr_sebelum",
        )
        st.button(
            "Berikutnya",
            icon=":material/arrow_forward:",
            on_click=_geser,
            args=(1, len(daftar)),
            shortcut="right",
            key="pr_berikut",
            type="primary",
        )
        st.button("Keluar", icon=":material/close:", on_click=_keluar, key="pr_keluar", type="tertiary")
    # tema=False: the figure's own (enlarged) fonts, not the page's smaller axis look
    with st.container(key="pr_bingkai"):
        grafik_web.gambar(
            d.gaya_grafik(besar(g.fig)),
            "pr_grafik",
            {"displaylogo": False, "locale": "id", "displayModeBar": False},
            tema=False,
            penuh=True,
        )
    if g.kalimat:
        st.container(key="pr_kalimat").markdown(g.kalimat)
