"""Derived tables: per indicator-year and per agency-year, refreshed by every write.

Their formulas are domain/rumus.py's SQL forms; tests/test_rumus.py holds them equal to the
pandas path (calc/skor.py, calc/anggaran.py) on the seeds and on synthetic data.
"""

from __future__ import annotations

import duckdb

from sakip_calc.domain import rumus

from .dasar import _ada_tabel

# Indicators of different agencies are "the same" when their names are equal once lower-cased
# and stripped of punctuation and repeated spaces. Codes are not used: each agency numbers its
# own indicators (SS-01 is a different indicator in Tegal and in Tanjung Jabung Barat).
SQL_KUNCI_INDIKATOR = "trim(regexp_replace(lower(d.nama), '[^a-z0-9]+', ' ', 'g'))"

# skor.tabel_capaian in SQL: every annual row with its uncapped capaian (rumus.capaian), the
# realisasi taken from the quarters (rumus.gabung_triwulan) when the year has none of its own.
_SQL_AGREGAT_CAPAIAN = f"""
WITH tw AS (
    SELECT c.indikator_id, c.tahun,
           {rumus.sql_gabung_triwulan("any_value(d.agregasi_triwulan)", "c.realisasi", "c.triwulan")} AS realisasi
      FROM capaian c JOIN indikator d ON d.id = c.indikator_id
     WHERE c.triwulan IS NOT NULL AND c.realisasi IS NOT NULL {{saring_d}}
     GROUP BY c.indikator_id, c.tahun
), nilai AS (
    SELECT d.instansi_id, d.id AS indikator_id, c.tahun, d.tingkat, d.polaritas, {SQL_KUNCI_INDIKATOR} AS kunci,
           d.nama, d.satuan, c.target, c.target_atas, coalesce(c.realisasi, tw.realisasi) AS realisasi
      FROM capaian c JOIN indikator d ON d.id = c.indikator_id
      LEFT JOIN tw ON tw.indikator_id = c.indikator_id AND tw.tahun = c.tahun
     WHERE c.triwulan IS NULL {{saring_d}}
)
SELECT instansi_id, indikator_id, tahun, tingkat, kunci, nama, satuan, target, realisasi,
       {rumus.sql_capaian()} AS capaian
  FROM nilai
"""
# anggaran.total_instansi in SQL: the sum of the programs, a program's children standing in for
# a pagu or realisasi it does not state.
_SQL_AGREGAT_ANGGARAN = """
WITH anak AS (
    SELECT instansi_id, tahun, induk_kode AS kode, sum(pagu) AS pagu, sum(realisasi) AS realisasi
      FROM anggaran WHERE induk_kode IS NOT NULL {saring} GROUP BY ALL
)
SELECT p.instansi_id, p.tahun, sum(coalesce(p.pagu, k.pagu)) AS pagu,
       sum(coalesce(p.realisasi, k.realisasi)) AS realisasi,
       count(*) AS jumlah_program
  FROM anggaran p LEFT JOIN anak k ON k.instansi_id = p.instansi_id AND k.tahun = p.tahun AND k.kode = p.kode
 WHERE p.tingkat = 'program' {saring_p} GROUP BY p.instansi_id, p.tahun
"""
_AGREGAT = {"agregat_capaian": _SQL_AGREGAT_CAPAIAN, "agregat_anggaran": _SQL_AGREGAT_ANGGARAN}


def _saring(awalan: str = "") -> str:
    """The condition that limits a query to the agencies of a partial refresh (`koneksi.turunan_id`)."""
    return f"AND {awalan}instansi_id IN (SELECT instansi_id FROM turunan_id)"


def sql_agregat(sebagian: bool = False) -> dict[str, str]:
    """Each derived table's query, over every agency or (`sebagian`) over those of `turunan_id`."""
    saring = {k: _saring(a) if sebagian else "" for k, a in (("saring", ""), ("saring_d", "d."), ("saring_p", "p."))}
    return {t: sql.format(**saring) for t, sql in _AGREGAT.items()}


AGREGAT = sql_agregat()


def segarkan_agregat(con: duckdb.DuckDBPyConnection, sebagian: bool = False) -> None:
    """Rebuild the derived tables from the data tables, inside the caller's write transaction:
    all of them, or (`sebagian`) the rows of the agencies in `turunan_id` (a write that changed
    one agency leaves the 514 others' rows as they are). A full rebuild sorts by year: the
    comparison pages read one year of every agency."""
    for tabel, sql in sql_agregat(sebagian).items():
        if sebagian and _ada_tabel(con, tabel):
            con.execute(f"DELETE FROM {tabel} WHERE instansi_id IN (SELECT instansi_id FROM turunan_id)")
            con.execute(f"INSERT INTO {tabel} SELECT * FROM ({sql}) ORDER BY tahun, instansi_id")
        else:
            con.execute(f"CREATE OR REPLACE TABLE {tabel} AS SELECT * FROM ({sql}) ORDER BY tahun, instansi_id")


def _relasi_agregat(con) -> dict[str, str]:
    """Each derived table by name, or its query when the file predates it (written before this
    version): old files stay readable, only slower."""
    ada = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
    }
    return {t: t if t in ada else f"({sql})" for t, sql in AGREGAT.items()}
