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

from dasbor.data import Pilihan, pilihan, tampilan
from sakip_calc.domain.angka import format_angka, format_persen
from sakip_calc.domain.spesifikasi import NAMA_SKALA
from sakip_calc.export import ekspor
from sakip_calc.presentation.tampilan import (
    F_ANGKA,
    F_ANGKA2,
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
    F_TAHUN: "0",
    F_RUPIAH: ekspor.ID + '"Rp "#,##0',
}
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def mulai(judul: str) -> Tampilan:
    """Every page's first line: the view (sidebar choice and page choices) and the page title
    ('{tahun}' is filled in)."""
    p = pilihan()
    if p is None:
        st.stop()
    st.title(judul.format(tahun=p.tahun))
    return tampilan(p)


# ---- choices ----------------------------------------------------------------------------------


def pilih(widget: Callable, label: str, opsi: Sequence, kunci: str, nilai: Any, **kw) -> Any:
    """A choice widget bound to its registered key, showing `nilai` (the section's resolution of
    the stored choice: the choice while valid, else its default). Remembered for the session, so
    the deck follows it from any page."""
    if kunci not in st.session_state or st.session_state[kunci] != nilai:
        st.session_state[kunci] = nilai
    return widget(label, opsi, key=kunci, persist_state="session", **kw)


# ---- drawing a section's output ----------------------------------------------------------------


def bagan(b: Bagan | Kosong | None, klik: bool = False) -> Any:
    """A chart section's output: the chart with its reading, or the sentence saying why there is none.
    With `klik`, clicking a point reruns the page and this returns the selection event."""
    if isinstance(b, Kosong):
        kosong(b.pesan)
    elif b is not None:
        return grafik(b.fig, b.kalimat, key=b.kunci, klik=klik)
    return None


def grafik(fig: go.Figure, kalimat: str | None = None, key: str | None = None, klik: bool = False) -> Any:
    """A chart with its one-sentence reading under it, and PNG/SVG downloads of it."""
    pilihan_klik = {"on_select": "rerun", "selection_mode": "points"} if klik and key else {}
    event = st.plotly_chart(fig, config={"displaylogo": False, "locale": "id"}, key=key, **pilihan_klik)
    if kalimat:
        st.caption(aman(kalimat))
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
    return event if pilihan_klik else None


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
            f"<div style='font-size:1.7rem;font-weight:600;color:{html.escape(warna or '#262626')};"
            f"line-height:1.3'>{html.escape(predikat or '–')}</div>"
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


def tabel(df: pd.DataFrame | Tabel, format_kolom: dict | None = None, warna_kolom: str | None = None, **kw):
    """st.dataframe with Indonesian number display; values stay numeric so sorting works. Takes a
    section's `Tabel` or a frame with its formats."""
    if isinstance(df, Tabel):
        df, format_kolom, warna_kolom, kw = df.df, df.format, df.warna_kolom, {**df.opsi, **kw}
    format_kolom = format_kolom or {}
    df = df.assign(**{k: pd.to_numeric(df[k], errors="coerce") for k in format_kolom if k in df.columns})
    gaya = df.style.format(na_rep="–").format({k: f for k, f in format_kolom.items() if k in df.columns}, na_rep="–")
    if warna_kolom and warna_kolom in df.columns and "_warna" in df.columns:
        warna = df["_warna"]
        gaya = gaya.apply(
            lambda s: [f"background-color: {w}; color: #111" if isinstance(w, str) else "" for w in warna],
            subset=[warna_kolom],
        )
    if "_warna" in df.columns:
        gaya = gaya.hide(["_warna"], axis="columns")
    hasil = st.dataframe(gaya, hide_index=True, **kw)
    format_excel = {k: FORMAT_EXCEL[f] for k, f in format_kolom.items() if f in FORMAT_EXCEL}
    kunci = (
        kw.get("key")
        or "t_"
        + hashlib.md5(
            pd.util.hash_pandas_object(df.astype(str), index=False).values.tobytes() + str(list(df.columns)).encode()
        ).hexdigest()[:12]
    )
    _unduh(
        "Excel",
        lambda: ekspor.tabel_excel(df, format_excel, warna_kolom=warna_kolom),
        f"{nama_berkas('tabel')}.xlsx",
        MIME_XLSX,
        f"{kunci}_xlsx",
        "Unduh tabel ini sebagai buku kerja Excel",
    )
    return hasil


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
