"""Drawing helpers shared by the pages: a section's chart, table, cards and empty message, choice
widgets bound to their registered keys, and the image/Excel downloads. They draw what a section
returns; they must not compute or title anything themselves."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dasbor import grafik_web, tabel_web, tautan
from dasbor.data import Pilihan, pilihan, tampilan
from sakip_calc.domain.angka import format_angka, format_persen
from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.export import ekspor
from sakip_calc.presentation import halaman as registri
from sakip_calc.presentation.grafik import dasar as grafik_dasar
from sakip_calc.presentation.tampilan import (
    F_ANGKA,
    F_ANGKA2,
    F_BILANGAN,
    F_PERSEN,
    F_RUPIAH,
    F_TAHUN,
    Bagan,
    Kartu,
    Kosong,
    Tabel,
    Tampilan,
)

FORMAT_EXCEL = {
    F_PERSEN: ekspor.ID + '#,##0.00" %"',
    F_ANGKA2: ekspor.ID + "#,##0.00",
    F_ANGKA: ekspor.ID + "#,##0",
    F_BILANGAN: "General",  # whole numbers without decimals, others as they are
    F_TAHUN: "0",
    F_RUPIAH: ekspor.ID + '"Rp "#,##0',
}
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_TANPA_DATA = "_tanpa_data"


# Cards on a 1366x768 laptop: Streamlit cuts a metric's value and note with "…" ("Rp 179,1…",
# "6 prog…"); here they wrap between words and the value's size follows the window.
GAYA = """<style>
[data-testid="stMetricValue"] {font-size: clamp(1.35rem, 2.1vw, 2.25rem);}
[data-testid="stMetricValue"] > div, [data-testid="stMetricDelta"] > div {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: normal; line-height: 1.2;}
[data-testid="stMetricDelta"] {height: auto !important; max-width: 100%; overflow: visible !important;}
[data-testid="stMetricDelta"] p, [data-testid="stMetricValue"] p {white-space: normal !important;}
/* tables drawn as HTML (Tabel.html, dasbor.tabel_web): header fixed while a tall table scrolls, the
   key column fixed while a wide one scrolls sideways, titles sort, picked rows marked */
.sakip-tabel {overflow: auto; max-width: 100%; border: 1px solid rgba(49, 51, 63, 0.1);
  border-radius: 0.5rem; margin-bottom: 0.25rem;}
.sakip-tabel table {border-collapse: separate; border-spacing: 0; width: 100%; font-size: 0.875rem;
  margin: 0; color: inherit;}
.sakip-tabel th, .sakip-tabel td {padding: 0.3rem 0.6rem; border: 0; vertical-align: top;
  border-bottom: 1px solid rgba(49, 51, 63, 0.1); text-align: left; background: #fff;}
.sakip-tabel th {position: sticky; top: 0; z-index: 1; background: #f8f9fb; font-weight: 600;
  color: rgba(49, 51, 63, 0.75); cursor: pointer;}
.sakip-tabel tr > :first-child {position: sticky; left: 0; z-index: 1;}
.sakip-tabel th:first-child {z-index: 2;}
.sakip-tabel tbody tr:last-child td {border-bottom: 0;}
.sakip-tabel .panjang {min-width: 16rem;}
.sakip-tabel td.singkat {white-space: nowrap;}
.sakip-tabel th[aria-sort="ascending"]::after {content: " ▲"; font-size: 0.7em;}
.sakip-tabel th[aria-sort="descending"]::after {content: " ▼"; font-size: 0.7em;}
.sakip-tabel-pilih tbody tr {cursor: pointer;}
.sakip-tabel-pilih tbody tr:hover td {background: #f0f2f6;}
.sakip-tabel-pilih tbody tr[aria-selected] td {background: #e4ecf7;}
.sakip-tabel .angka {text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;}
@media print {.sakip-tabel {max-height: none !important; overflow: visible;}}
</style>"""

# the projector option: black text everywhere, captions and notes included
GAYA_KONTRAS = """<style>
[data-testid="stMain"], [data-testid="stMain"] p, [data-testid="stCaptionContainer"],
[data-testid="stMetricLabel"] p, [data-testid="stMetricDelta"] p {color: #000 !important;}
[data-testid="stMetric"] {border-color: #000 !important;}
.sakip-tabel th, .sakip-tabel td {color: #000 !important; border-color: #000 !important;}
</style>"""


def gaya_halaman() -> None:
    """The app's own look on every page (cards, HTML tables, the projector option); the router
    draws it after the sidebar, which reads the projector option from a link."""
    st.html(GAYA + (GAYA_KONTRAS if st.session_state.get("kontras") else ""))


def mulai(judul: str) -> Tampilan:
    """Every page's first line: the view (sidebar choice and page choices) and the page title
    ('{tahun}' is filled in)."""
    p = pilihan()
    if p is None:
        st.stop()
    st.session_state[_TANPA_DATA] = None  # this run's charts without data (`bagan`)
    st.title(judul.format(tahun=p.tahun))
    return tampilan(p)


# ---- choices ----------------------------------------------------------------------------------


def pilih(
    widget: Callable,
    label: str,
    opsi: Sequence | None,
    kunci: str,
    nilai: Any,
    opsi_tautan: Sequence | None = None,
    **kw,
) -> Any:
    """A choice widget bound to its registered key, showing `nilai` (the section's resolution of
    the stored choice: the choice while valid, else its default). Remembered for the session, so
    the deck follows it from any page. A choice the page registry names in the link
    (`halaman.TAUTAN`) is read from a bookmark on its first draw in a session and written back on
    every run (`dasbor.tautan`). `opsi` None: a text box, or a widget without options (a toggle)
    whose link values are `opsi_tautan`."""
    url = registri.TAUTAN.get(kunci)
    format_func = kw.get("format_func", tautan.teks)
    dikenal = opsi if opsi_tautan is None else opsi_tautan
    if url and tautan.baca(kunci, dikenal, nilai, label, label=format_func, url=url, banyak=isinstance(nilai, list)):
        nilai = st.session_state[kunci]
    if kunci not in st.session_state or st.session_state[kunci] != nilai:
        st.session_state[kunci] = nilai
    if url:
        tautan.peringatan([kunci])
    args = (label,) if opsi is None else (label, opsi)
    hasil = widget(*args, key=kunci, persist_state="session", **kw)
    if url:
        tautan.tulis({url: hasil})
    return hasil


# ---- drawing a section's output ----------------------------------------------------------------


def bagan(b: Bagan | Kosong | None, klik: bool = False) -> Any:
    """A chart section's output: the chart with its reading, or the sentence saying why there is
    none. A figure without data (grafik's empty frame) is said in one line, without a frame or
    download buttons; the deck leaves it out the same way. With `klik`, clicking a point reruns
    the page and this returns the clicked points (once; else [])."""
    if isinstance(b, Kosong):
        kosong(b.pesan)
    elif b is not None and not b.fig.data:
        pesan = [a.text for a in b.fig.layout.annotations if not (a.text or "").startswith("Sumber: ")]
        _tanpa_data(b.judul, pesan[0] if pesan else "tidak ada data")
    elif b is not None:
        return grafik(b.fig, b.kalimat, key=b.kunci, klik=klik)
    return None


def _tanpa_data(judul: str, alasan: str) -> None:
    """Charts without data on a page are said in one sentence, in one box where the first of them
    would have been (Tegal 2018's Anggaran: three charts without realisasi), the charts that share
    a reason named together; no frames, no download buttons. `mulai` starts each page's list."""
    catatan = st.session_state.get(_TANPA_DATA)
    if catatan is None:
        catatan = st.session_state[_TANPA_DATA] = {"tempat": st.empty(), "alasan": {}}
    catatan["alasan"].setdefault(alasan[:1].lower() + alasan[1:], []).append(judul)
    bagian = [f"{', '.join(j[:-1]) + ' dan ' if len(j) > 1 else ''}{j[-1]}: {a}" for a, j in catatan["alasan"].items()]
    with catatan["tempat"]:
        jumlah = sum(len(j) for j in catatan["alasan"].values())
        kosong((f"{jumlah} grafik tanpa data — " if jumlah > 1 else "") + "; ".join(bagian) + ".")


def gaya_grafik(fig: go.Figure) -> go.Figure:
    """The figure as the sidebar's projector option wants it (high contrast, or as it is)."""
    return grafik_dasar.kontras_tinggi(fig) if st.session_state.get("kontras") else fig


def grafik(fig: go.Figure, kalimat: str | None = None, key: str | None = None, klik: bool = False) -> Any:
    """A chart with its one-sentence reading under it, and PNG/SVG downloads of it. With `klik`,
    returns the points of the click that reran the page."""
    fig = gaya_grafik(fig)
    event = grafik_web.gambar(fig, key, {"displaylogo": False, "locale": "id"}, klik=klik and key is not None)
    if kalimat:
        st.caption(aman(kalimat))
    if not ekspor.penyaji_tersedia():  # said instead of buttons that would fail on click
        st.caption(
            ":material/warning: PNG/SVG tidak tersedia: Chromium belum terpasang.", help=ekspor.pesan_tanpa_penyaji()
        )
        return event
    kunci = key or "g_" + hashlib.md5(ekspor.judul_grafik(fig).encode()).hexdigest()[:10]
    nama = nama_berkas(ekspor.judul_grafik(fig))
    with st.container(horizontal=True, gap="small"):
        for format, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            _unduh(
                format.upper(),
                lambda f=format: _gambar(fig.to_json(), f, fig),
                f"{nama}.{format}",
                mime,
                f"{kunci}_{format}",
                f"Unduh grafik ini sebagai {format.upper()}",
            )
    return event


def kartu(
    kolom, label: str | Kartu, nilai: str | None = None, catatan: str | None = None, help: str | None = None
) -> None:
    if isinstance(label, Kartu):
        label, nilai, catatan, help = label.label, label.nilai, label.catatan, label.bantuan
    kolom.metric(label, nilai, catatan, delta_color="off", delta_arrow="off", help=help, border=True)


def kartu_predikat(kolom, predikat: str | None, warna: str | None, nama_skala: str) -> None:
    """The predikat as a coloured word: a metric's big font cannot hold 'Sangat Memuaskan'."""
    with kolom.container(border=True, height="stretch"):
        st.markdown(
            f"<div style='font-size:0.875rem'>Predikat</div>"
            # whole words only: "Memuaska/n" must not happen in a narrow card
            f"<div style='font-size:clamp(1.2rem,1.9vw,1.7rem);font-weight:600;word-break:keep-all;"
            f"overflow-wrap:normal;hyphens:none;color:{html.escape(warna or '#262626')};"
            f"line-height:1.25'>{html.escape(predikat or '–')}</div>"
            f"<div style='font-size:0.8rem;color:#595959'>skala "
            f"{html.escape(NAMA_SKALA.get(nama_skala, nama_skala))}</div>",
            unsafe_allow_html=True,
        )


def persen(x, d: int = 2) -> str:
    return format_persen(x, d)


def angka(x, d: int = 0) -> str:
    return format_angka(x, d)


def tahun(t) -> str:
    return "–" if pd.isna(t) else str(int(t))


_MARKDOWN = re.compile(r"([\\`*_\[\]()<>#|~$!{}])")


def aman(teks) -> str:
    """Text from a workbook shown through Markdown (captions, labels): its markup stays literal."""
    return _MARKDOWN.sub(r"\\\1", str(teks))


def kosong(pesan: str) -> None:
    st.info(pesan, icon="ℹ️")


# a table up to this many rows is drawn whole as HTML (dasbor.tabel_web); a longer one in Streamlit's
# grid, which scrolls and searches
BARIS_HTML_MAKS = 60


def tabel(
    df: pd.DataFrame | Tabel,
    format_kolom: dict | None = None,
    warna_kolom: str | None = None,
    pilih: Callable[[], None] | None = None,
    **kw,
):
    """A section's table (`Tabel`, or a frame with its formats) with its Excel download: short
    ones, and any with a row to pick (`pilih`, called when a row is clicked; the row is
    `baris_dipilih(key)`), as HTML; the others in st.dataframe with the same Indonesian display;
    values stay numeric. Columns named `_...` (e.g. `_warna`, the colour of `warna_kolom`) are
    the section's internals: used here, never shown; a missing value shows "–"."""
    if not isinstance(df, Tabel):
        df = Tabel(df, format_kolom or {}, warna_kolom, {})
    t = Tabel(df.df, df.format, df.warna_kolom, {**df.opsi, **kw}).angka()
    kw = dict(t.opsi)
    if pilih is not None or len(t.df) <= BARIS_HTML_MAKS:
        tabel_web.tampil(t, kw.get("key"), pilih)
    else:
        st.dataframe(t.gaya(), hide_index=True, placeholder="–", **kw)
    df = t.df
    format_excel = {k: FORMAT_EXCEL[f] for k, f in t.format.items() if f in FORMAT_EXCEL}
    kunci = (
        kw.get("key")
        or "t_"
        + hashlib.md5(
            pd.util.hash_pandas_object(df.astype(str), index=False).values.tobytes() + str(list(df.columns)).encode()
        ).hexdigest()[:12]
    )
    _unduh(
        "Excel",
        lambda: ekspor.tabel_excel(df, format_excel, warna_kolom=t.warna_kolom),
        f"{nama_berkas('tabel')}.xlsx",
        MIME_XLSX,
        f"{kunci}_xlsx",
        "Unduh tabel ini sebagai buku kerja Excel",
    )


def tabel_cetak(t: Tabel) -> None:
    """A short table drawn whole as HTML, so that it prints; no download."""
    tabel_web.tampil(t)


def _unduh(label: str, data, file_name: str, mime: str, key: str, help: str) -> None:
    # the file is built only when clicked (on a worker thread), so a rerun costs nothing
    st.download_button(
        label,
        data=data,
        file_name=file_name,
        mime=mime,
        on_click="ignore",
        type="tertiary",
        icon=":material/download:",
        key=key,
        help=help,
    )


# ---- exports: images ------------------------------------------------------------------------


def nama_berkas(judul: str, p: Pilihan | None = None) -> str:
    """'dinsos-temanggung-2023-serapan-per-program-2023' (agency and year first, without extension)."""
    p = p or pilihan()
    return ekspor.nama_berkas(f"{p.kode} {p.tahun} {judul}" if p else judul)


@st.cache_data(show_spinner=False, max_entries=32)
def _gambar(fig_json: str, format: str, _fig: go.Figure) -> bytes:
    # keyed by the figure's JSON: a second click on the same chart is free
    return ekspor.gambar(_fig, format)
