from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sakip_calc import store
from sakip_calc.ingest import bawaan

AKAR = Path(__file__).resolve().parents[1]

# The tier of each test module (markers in pyproject.toml); a module not listed is `unit`, and a
# test marked with a tier itself keeps its own.
# `./test.sh cepat` runs the unit tier alone; the full suite (CI) runs every tier.
TINGKAT = {
    "test_halaman": "app",
    "test_halaman_dek": "app",
    "test_akses": "app",
    "test_akun": "app",
    "test_perbandingan": "app",
    "test_rapat": "app",
    "test_buruk": "app",
    "test_penyaji": "app",
    "test_ringkasan_rapat": "browser",
    "test_kota_impor": "app",
    "test_salah_baca": "app",
    "test_konvensi": "app",
    "test_browser": "browser",
    "test_rapat_peramban": "browser",
    "test_peta_browser": "browser",
    "test_dtsen": "app",
    "test_geojson": "app",
    "test_dek_tombol": "browser",
    "test_draf_tombol": "browser",
    "test_proksi": "browser",
    "test_konkurensi": "browser",
    "test_browser_pemantauan": "browser",
    "test_pemantauan_halaman": "app",
    "test_tautan": "app",
    "test_tautan_peramban": "browser",
    "test_crash": "slow",
    "test_tanpa_hilang": "slow",
    "test_synth": "slow",
    "test_turunan_sebagian": "slow",
}


def pytest_collection_modifyitems(items):
    for item in items:
        # a test that names its own tier (e.g. the one AppTest test of a unit module) keeps it
        if not any(item.get_closest_marker(t) for t in ("unit", "app", "browser", "slow")):
            item.add_marker(TINGKAT.get(item.module.__name__.rpartition(".")[2], "unit"))


@pytest.fixture(scope="session")
def db_bawaan() -> Path:
    """data/sakip.duckdb, (re)built from the shipped workbooks when missing or stale."""
    db = store.DB_BAWAAN
    if bawaan.perlu_dibangun(db):
        hasil = bawaan.bangun(db)
        assert all(h.status != "ditolak" for h in hasil), [str(m) for h in hasil for m in h.rencana.galat]
    return db


@pytest.fixture(scope="session")
def con(db_bawaan):
    c = store.buka(db_bawaan, read_only=True)
    yield c
    c.close()


@pytest.fixture
def db_salinan(db_bawaan, tmp_path) -> Path:
    """A private copy of the default database that a test may write to."""
    tujuan = tmp_path / "sakip.duckdb"
    shutil.copy2(db_bawaan, tujuan)
    return tujuan


@pytest.fixture
def impor_lokal(db_salinan, monkeypatch):
    """The Impor page on a private copy of the default database, opened by a local browser with no
    admin password (the open local rule): returns buka_impor(kode, tahun) -> AppTest."""
    import streamlit as st

    import dasbor
    from dasbor import akses

    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr(dasbor, "DB", db_salinan)
    monkeypatch.delenv("SAKIP_ADMIN_HASH", raising=False)
    monkeypatch.setattr(akses, "_permintaan", lambda: ("127.0.0.1", {"Host": "localhost:8501"}))
    from halaman import buka

    return lambda kode="dinsos-tegal", tahun=2018: buka(kode, tahun, "impor")
