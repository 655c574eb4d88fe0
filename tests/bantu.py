"""Helpers the test modules share: reading a database file the way the tests compare it."""

from __future__ import annotations

from pathlib import Path

from sakip_calc import store


def baca(db: Path, fungsi):
    """`fungsi(con)` on a read-only connection to `db`, closed afterwards."""
    con = store.buka(db, read_only=True)
    try:
        return fungsi(con)
    finally:
        con.close()


def isi(db: Path) -> dict:
    """Every data table's rows, sorted: what 'the database did not change' is compared on."""
    return baca(db, store.isi_semua_tabel)
