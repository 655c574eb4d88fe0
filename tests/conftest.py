from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sakip_calc import store
from sakip_calc.ingest import impor

AKAR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def db_bawaan() -> Path:
    """data/sakip.duckdb, (re)built from the shipped workbooks when missing or stale."""
    db = store.DB_BAWAAN
    if impor.perlu_dibangun(db):
        hasil = impor.bangun(db)
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
