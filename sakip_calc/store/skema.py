"""The schema as the rest of the store sees it: the data tables, and the reference rows every write loads.

The tables themselves are defined by the migrations in `migrasi`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from sakip_calc.domain.skala import SKALA_BAWAAN
from sakip_calc.domain.spesifikasi import JENIS_WILAYAH

from .dasar import AKAR
from .migrasi import TABEL_DATA_1, migrasikan, tulis_meta

# Tables holding imported data, in the order an import writes them.
# A new data table: its migration creates it and its riwayat_ table, and it is added here.
TABEL_DATA = (
    *TABEL_DATA_1[:2],
    "jenis_wilayah",
    *TABEL_DATA_1[2:],
    "alias_wilayah",
    "catatan_indikator",
    "batas_instansi",
)


def pasang_skema(con: duckdb.DuckDBPyConnection, alias_csv: Path | None = None, nama: str = "basis data") -> None:
    """Bring the file to the current schema version (`migrasi`), then load the reference rows
    (jenis wilayah, default scales, the shipped aliases), all in the caller's transaction."""
    migrasikan(con, nama)
    # one statement per table (executemany runs one per row: 0,1 s of every write)
    _sisip_banyak(
        con,
        "INSERT INTO jenis_wilayah (kode, nama, kelompok, satuan) {} ON CONFLICT (kode) DO UPDATE SET "
        "nama = excluded.nama, kelompok = excluded.kelompok, satuan = excluded.satuan",
        [list(j) for j in JENIS_WILAYAH],
    )
    _sisip_banyak(
        con,
        "INSERT INTO skala_predikat {} ON CONFLICT (nama, kode) DO NOTHING",
        [
            [skala, i, kode, label, batas, inklusif, warna]
            for skala, pita in SKALA_BAWAAN.items()
            for i, (kode, label, batas, inklusif, warna) in enumerate(pita)
        ],
    )
    alias_csv = alias_csv or AKAR / "data" / "kecamatan_alias.csv"
    if alias_csv.exists():
        # remembered so that `build` knows when the shipped list changed and must be loaded
        tulis_meta(con, "sha256_kecamatan_alias", hashlib.sha256(alias_csv.read_bytes()).hexdigest())
        # the CSV owns its kabupaten; lists of other kabupaten (bulk loads, synth) stay
        con.execute(
            "CREATE OR REPLACE TEMP TABLE alias_csv AS SELECT kabupaten, kecamatan, "
            "NULLIF(trim(alias), '') AS alias FROM read_csv(?, header = true, all_varchar = true)",
            [str(alias_csv)],
        )
        con.execute("DELETE FROM kecamatan_alias WHERE kabupaten IN (SELECT kabupaten FROM alias_csv)")
        con.execute("INSERT INTO kecamatan_alias SELECT * FROM alias_csv")
        con.execute("DROP TABLE alias_csv")


def _sisip_banyak(con: duckdb.DuckDBPyConnection, sql: str, baris: list[list]) -> None:
    """`sql` with its '{}' replaced by a VALUES list of `baris`, all rows as parameters."""
    nilai = ", ".join("(" + ", ".join("?" * len(b)) + ")" for b in baris)
    con.execute(sql.format(f"VALUES {nilai}"), [v for b in baris for v in b])
