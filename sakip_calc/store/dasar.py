"""Cursors and table look-ups that every storage module uses (no SQL of its own domain)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

AKAR = Path(__file__).resolve().parents[2]
DB_BAWAAN = AKAR / "data" / "sakip.duckdb"


def kursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """For a read-only connection (the app's, shared by threads): a cursor for one thread or one
    query, seeing the same file. For a write connection: `con` itself, because a cursor is a
    transaction of its own and would not see the write's (a schema upgrade, rows written)."""
    cur = con.cursor()
    # `buka` attaches a read-only file as 'sakip'; a write connection's own file may be called
    # 'sakip' too (DuckDB names it after the file: sakip.duckdb.tmp123), but is not read-only
    ro = "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'sakip' AND readonly"
    if not cur.execute(ro).fetchone()[0]:
        cur.close()
        return con
    cur.execute("USE sakip")
    return cur


def _df(con: duckdb.DuckDBPyConnection, sql: str, param: list | None = None, arrow: bool = False) -> pd.DataFrame:
    """`arrow`: through an Arrow table, about 3x faster for string columns. The frame is the same
    only for VARCHAR, DOUBLE and NOT NULL integer columns (a nullable integer becomes float64,
    not Int32), so it is for queries of those alone."""
    if arrow:
        return kursor(con).sql(sql, params=param or None).to_arrow_table().to_pandas()
    return kursor(con).execute(sql, param or []).df()


def _ada_tabel(con, nama: str) -> bool:
    return bool(
        kursor(con)
        .execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = ?", [nama]
        )
        .fetchall()[0][0]
    )


def _ada_tabel_sementara(con, nama: str) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [nama]).fetchall()[0][0]
    )
