"""Shared AppTest helpers for the page tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.runtime import pages_manager
from streamlit.testing.v1 import AppTest

from sakip_calc.presentation import halaman as registri

AKAR = Path(__file__).resolve().parents[1]
INSTANSI = ("dinsos-temanggung", "dinsos-tegal", "dinsos-tanjabbar")
HALAMAN = tuple(h.id for h in registri.DAFTAR if h.id != "perbandingan")  # perbandingan: tests/test_perbandingan.py

# AppTest resets PagesManager.uses_pages_directory before every run; because the project keeps
# its pages in pages/, Streamlit then takes its legacy multipage path and runs the page file
# without app.py (no sidebar). st.navigation switches that flag off in a real session; do the same.
_init_asli = pages_manager.PagesManager.__init__


def _init_tanpa_folder_pages(self, *args, **kwargs):
    _init_asli(self, *args, **kwargs)
    pages_manager.PagesManager.uses_pages_directory = False


pages_manager.PagesManager.__init__ = _init_tanpa_folder_pages


def buka(instansi: str | None = None, tahun: int | None = None, halaman: str = "ringkasan") -> AppTest:
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60)
    at.run()
    if instansi:
        at.selectbox(key="instansi").set_value(instansi).run()
    if tahun:
        at.selectbox(key="tahun").set_value(tahun).run()
    return ke(at, halaman)


def ke(at: AppTest, halaman: str) -> AppTest:
    at.switch_page(str(AKAR / "pages" / f"{halaman}.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(autouse=True)
def cache_bersih(db_bawaan):
    """AppTest runs in the pytest process: every page test starts with empty Streamlit caches, on
    the default database (built when missing, so any page test may run alone)."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def grafik(at: AppTest) -> list[dict]:
    """The figures of the page's charts (dasbor.grafik_web), in page order, as plotly JSON."""
    return [
        json.loads(json.loads(el.proto.json)["fig"])
        for el in at.get("bidi_component")
        if el.proto.component_name == "sakip_grafik"
    ]


class _BacaTabel(HTMLParser):
    """Reads a `sakip-tabel` (Tabel.html) back: headers, each cell's value (`data-v` as a number,
    "–" cells as missing, text as shown) and its text as shown."""

    def __init__(self):
        super().__init__()
        self.kepala, self.nilai, self.teks, self._sel = [], [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self.nilai.append([])
            self.teks.append([])
        elif tag in ("td", "th"):
            self._sel = (tag, a, [])

    def handle_data(self, data):
        if self._sel:
            self._sel[2].append(data)

    def handle_endtag(self, tag):
        if tag not in ("td", "th") or not self._sel:
            return
        _, a, teks = self._sel
        teks, self._sel = "".join(teks), None
        if tag == "th":
            self.kepala.append(teks)
            return
        kosong = "kosong" in (a.get("class") or "")
        self.nilai[-1].append(float("nan") if kosong else float(a["data-v"]) if "data-v" in a else teks)
        self.teks[-1].append(teks)


@dataclass
class TabelHalaman:
    """A table on the page, whichever way it is drawn: `value` holds its values (numbers as
    numbers), `tampil` the text on screen (a grid: the Styler's display; HTML: the cells' text)."""

    value: pd.DataFrame
    tampil: pd.DataFrame


def tabel(at: AppTest) -> list[TabelHalaman]:
    """The page's tables (dasbor.tabel: HTML in dasbor.tabel_web, or st.dataframe), in page order."""
    hasil = []
    for el in at._tree:
        if getattr(el, "type", None) == "dataframe":
            hasil.append(TabelHalaman(el.value, _tampil_grid(el)))
        elif getattr(el, "type", None) == "bidi_component" and el.proto.component_name == "sakip_tabel":
            hasil.append(baca_html(json.loads(el.proto.json)["html"]))
    return hasil


def baca_html(teks: str) -> TabelHalaman:
    """A table drawn as HTML (Tabel.html) read back."""
    b = _BacaTabel()
    b.feed(teks)
    isi = [(n, t) for n, t in zip(b.nilai, b.teks) if n]
    return TabelHalaman(
        pd.DataFrame([n for n, _ in isi], columns=b.kepala), pd.DataFrame([t for _, t in isi], columns=b.kepala)
    )


def _tampil_grid(el) -> pd.DataFrame:
    """What the browser draws of an st.dataframe: the Styler's display strings (a frame without a
    Styler: its values as text)."""
    tampil = el.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(tampil).read_all().to_pandas() if tampil else el.value.astype(str)
