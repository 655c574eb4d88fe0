"""Shared AppTest helpers for the page tests."""

from __future__ import annotations

import json
from pathlib import Path

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
