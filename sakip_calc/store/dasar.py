"""Cursors and table look-ups that every storage module uses (no SQL of its own domain)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

AKAR = Path(__file__).resolve().parents[2]
DB_BAWAAN = AKAR / "data" / "sakip.duckdb"


def kursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor for one thread or one query; it sees the same database as `con`."""
    cur = con.cursor()
    if cur.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'sakip'").fetchone()[0]:
        cur.execute("USE sakip")
    return cur


def _df(con: duckdb.DuckDBPyConnection, sql: str, param: list | None = None) -> pd.DataFrame:
    return kursor(con).execute(sql, param or []).df()


def _ada_tabel(con, nama: str) -> bool:
    return bool(kursor(con).execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                                    "AND table_name = ?", [nama]).fetchall()[0][0])


def _ada_tabel_sementara(con, nama: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [nama]).fetchall()[0][0])
