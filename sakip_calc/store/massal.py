"""Bulk writes: synthetic data and folder loads (one CSV or Parquet file per table), typed,
checked and written as set-based SQL whatever the number of rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from .dasar import kursor
from .tulis import _BERID, KUNCI_TABEL, _kunci_cocok

BATAS_MEMORI_TULIS = "1GB"
# its presence marks a bulk write: `koneksi.transaksi_tulis` then settles the file before the rename
TABEL_MUAT_MASSAL = "muat_massal"


def mulai_muat_massal(con: duckdb.DuckDBPyConnection) -> None:
    """Settings for one long bulk write: the caller prints its own progress, and DuckDB spills to
    disk beyond BATAS_MEMORI_TULIS instead of growing the process (the machine has other work)."""
    con.execute("SET enable_progress_bar = false")
    con.execute(f"SET memory_limit = '{BATAS_MEMORI_TULIS}'")
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {TABEL_MUAT_MASSAL} (x INTEGER)")


def sisip_massal(con: duckdb.DuckDBPyConnection, tabel: str, data) -> None:
    """Append an Arrow table (or anything DuckDB scans) by column name, in one statement."""
    con.register("masuk_massal", data)
    try:
        con.execute(f"INSERT INTO {tabel} BY NAME SELECT * FROM masuk_massal")
    finally:
        con.unregister("masuk_massal")


def id_terakhir(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """The largest instansi id and indikator id in use (0 when empty)."""
    return con.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM instansi), (SELECT coalesce(max(id), 0) FROM indikator)"
    ).fetchall()[0]


def hapus_instansi_berawalan(con: duckdb.DuckDBPyConnection, awalan: str) -> int:
    """Delete the agencies whose kode starts with `awalan`, with all their rows and kecamatan lists."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE dihapus AS SELECT id, kabupaten FROM instansi WHERE starts_with(kode, ?)",
        [awalan],
    )
    (n,) = con.execute("SELECT count(*) FROM dihapus").fetchall()[0]
    if n:
        for tabel in ("capaian", "catatan_indikator"):
            con.execute(
                f"DELETE FROM {tabel} WHERE indikator_id IN (SELECT d.id FROM indikator d JOIN dihapus h ON h.id = "
                "d.instansi_id)"
            )
        for tabel in ("indikator", "anggaran_triwulan", "anggaran", "wilayah", "belanja", "angka_laporan"):
            con.execute(f"DELETE FROM {tabel} WHERE instansi_id IN (SELECT id FROM dihapus)")
        con.execute("DELETE FROM kecamatan_alias WHERE kabupaten IN (SELECT kabupaten FROM dihapus)")
        con.execute("DELETE FROM instansi WHERE id IN (SELECT id FROM dihapus)")
    con.execute("DROP TABLE dihapus")
    return int(n)


# ---- bulk loads: one CSV or Parquet file per table, validated in SQL, all or nothing --------
# ingest/massal.py decides which file is which table and passes each column's typing SQL, built by
# the import rules (ingest/aturan.py) from the workbook format (spesifikasi.py); the typing and the
# writes run here, the checks across rows and files in rujukan_massal.py, as set-based SQL over
# DuckDB's readers, whatever the number of rows. Typed rows live in temp tables `massal_<tabel>`;
# problems collect in temp table `masalah_massal`.


def _q(teks: str) -> str:
    return "'" + str(teks).replace("'", "''") + "'"


def _id(nama: str) -> str:
    return '"' + nama.replace('"', '""') + '"'


def mulai_massal(con: duckdb.DuckDBPyConnection) -> None:
    mulai_muat_massal(con)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE masalah_massal (berkas VARCHAR, baris BIGINT, kolom VARCHAR, pesan VARCHAR)"
    )


def baca_massal(con: duckdb.DuckDBPyConnection, jalur: Path, mentah: str) -> tuple[str, str, list[tuple[str, str]]]:
    """How to read one file: (relation, its row-number expression, [(column, type)]). A Parquet
    file is read in place (record numbers from 1); a CSV file is loaded into temp table `mentah`
    in file order, every value as text so that a bad cell is a message, not a failed read, and
    numbered as a spreadsheet would (the header is row 1)."""
    if jalur.suffix.lower() == ".parquet":
        relasi, nomor = f"read_parquet({_q(jalur)}, file_row_number = true)", "file_row_number + 1"
    else:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {mentah} AS SELECT * FROM read_csv({_q(jalur)}, header = true, "
            "all_varchar = true)"
        )
        # rowids count on from the table's first row (inside a transaction they start at 2**55)
        (nol,) = con.execute(f"SELECT coalesce(min(rowid), 0) FROM {mentah}").fetchall()[0]
        relasi, nomor = mentah, f"rowid - {nol} + 2"
    kolom = [
        (r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {relasi}").fetchall() if r[0] != "file_row_number"
    ]
    return relasi, nomor, kolom


def ketik_massal(
    con: duckdb.DuckDBPyConnection,
    berkas: str,
    relasi: str,
    nomor: str,
    tujuan: str,
    sql: dict[str, tuple[str, list[tuple[str, str]]]],
) -> None:
    """Typed rows of file `berkas` into temp table `tujuan` (with nomor_baris), every cell problem
    into masalah_massal. `sql`: per column, its typed value and its (problem condition, message)
    pairs, built by the import rules (ingest/aturan.py). An invalid cell becomes NULL, as in the
    workbook import."""
    cek = [(n, syarat, pesan) for n, (_, ms) in sql.items() for syarat, pesan in ms]
    if cek:
        # messages are built only for the rows that have a problem
        daftar = ", ".join(
            f"CASE WHEN {syarat} THEN {{'kolom': {_q(n)}, 'pesan': {pesan}}} END" for n, syarat, pesan in cek
        )
        con.execute(f"""
            INSERT INTO masalah_massal
            SELECT {_q(berkas)}, baris, m.kolom, m.pesan FROM (
                SELECT {nomor} AS baris, unnest(list_filter([{daftar}], lambda x: x IS NOT NULL)) AS m FROM {relasi}
                 WHERE {" OR ".join(f"coalesce({syarat}, false)" for _, syarat, _ in cek)})""")
    pilih = ", ".join(f"{nilai} AS {_id(n)}" for n, (nilai, _) in sql.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {tujuan} AS SELECT {nomor} AS nomor_baris, {pilih} FROM {relasi}")
    if not relasi.startswith("read_"):
        con.execute(f"DROP TABLE {relasi}")


def baris_massal(con: duckdb.DuckDBPyConnection, tabel: str) -> pd.DataFrame:
    """The typed rows of a small bulk table (a scale), in file order."""
    return con.execute(f"SELECT * FROM massal_{tabel} ORDER BY nomor_baris").df()


def masalah_massal(
    con: duckdb.DuckDBPyConnection, berkas: str, baris: int | None, kolom: str | None, pesan: str
) -> None:
    con.execute("INSERT INTO masalah_massal VALUES (?, ?, ?, ?)", [berkas, baris, kolom, pesan])


def daftar_masalah_massal(con, batas: int) -> tuple[int, list[tuple]]:
    """How many problems, and the first `batas` by file and row."""
    (n,) = con.execute("SELECT count(*) FROM masalah_massal").fetchall()[0]
    return int(n), con.execute(
        "SELECT * FROM masalah_massal ORDER BY berkas, baris NULLS FIRST, kolom LIMIT ?", [batas]
    ).fetchall()


# Which typed temp table feeds which data table, with natural keys resolved to ids.
_SUMBER_MASSAL = {
    "jenis_wilayah": "SELECT * EXCLUDE (dapat_dijumlah, nomor_baris), coalesce(dapat_dijumlah <> 'tidak', true) "
    "AS dapat_dijumlah FROM massal_jenis_wilayah",
    "skala_predikat": "SELECT * EXCLUDE (inklusif, nomor_baris), coalesce(inklusif = 'ya', false) AS inklusif, "
    "CAST(row_number() OVER (PARTITION BY nama ORDER BY nomor_baris) - 1 AS INTEGER) AS urutan FROM "
    "massal_skala_predikat",
    "instansi": "SELECT * EXCLUDE (nomor_baris) FROM massal_instansi",
    "indikator": "SELECT i.id AS instansi_id, m.* EXCLUDE (instansi, nomor_baris), CAST(m.nomor_baris AS "
    "INTEGER) AS urutan "
    "FROM massal_indikator m JOIN instansi i ON i.kode = m.instansi",
    "capaian": "SELECT d.id AS indikator_id, m.* EXCLUDE (instansi, indikator_kode, nomor_baris) FROM massal_capaian m "
    "JOIN instansi i ON i.kode = m.instansi JOIN indikator d ON d.instansi_id = i.id AND d.kode = m.indikator_kode",
    "catatan_indikator": "SELECT d.id AS indikator_id, m.* EXCLUDE (instansi, indikator_kode, nomor_baris) FROM "
    "massal_catatan_indikator m JOIN instansi i ON i.kode = m.instansi JOIN indikator d ON d.instansi_id = i.id "
    "AND d.kode = m.indikator_kode",
    "anggaran": "SELECT i.id AS instansi_id, m.* EXCLUDE (instansi, nomor_baris, realisasi_tw1, realisasi_tw2, "
    "realisasi_tw3, "
    "realisasi_tw4), CAST(m.nomor_baris AS INTEGER) AS urutan FROM massal_anggaran m JOIN instansi i ON i.kode = "
    "m.instansi",
}


def _sumber_massal(tabel: str, ada: set[str]) -> str:
    if tabel in _SUMBER_MASSAL:
        return _SUMBER_MASSAL[tabel]
    if tabel == "anggaran_triwulan":
        # quarters from the anggaran file's realisasi_tw1..4 columns and from their own file
        bagian = []
        if "anggaran" in ada:
            bagian.append(
                "SELECT instansi, tahun, kode, CAST(right(tw, 1) AS INTEGER) AS triwulan, realisasi FROM "
                "(UNPIVOT (SELECT instansi, tahun, kode, realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4 "
                "FROM massal_anggaran) ON realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4 INTO NAME "
                "tw VALUE realisasi)"
            )
        if "anggaran_triwulan" in ada:
            bagian.append("SELECT instansi, tahun, kode, triwulan, realisasi FROM massal_anggaran_triwulan")
        return (
            f"SELECT i.id AS instansi_id, m.* EXCLUDE (instansi) FROM ({' UNION ALL '.join(bagian)}) m "
            "JOIN instansi i ON i.kode = m.instansi"
        )
    return (
        f"SELECT i.id AS instansi_id, m.* EXCLUDE (instansi, nomor_baris) FROM massal_{tabel} m "
        "JOIN instansi i ON i.kode = m.instansi"
    )


def tulis_massal(con: duckdb.DuckDBPyConnection, tabel: str, ada: set[str]) -> dict[str, int]:
    """Upsert a table from its typed temp table by natural key, as tulis_tabel does for a
    workbook: rows with a new key are added, rows with a known key replace the old one."""
    if tabel == "kecamatan_alias":
        # a file's list of a kabupaten replaces that kabupaten's list
        (n,) = con.execute("SELECT count(*) FROM massal_kecamatan_alias").fetchall()[0]
        con.execute("DELETE FROM kecamatan_alias WHERE kabupaten IN (SELECT kabupaten FROM massal_kecamatan_alias)")
        con.execute("INSERT INTO kecamatan_alias SELECT kabupaten, kecamatan, alias FROM massal_kecamatan_alias")
        return {"baru": int(n), "diganti": 0}
    if (
        tabel not in _BERID
        and not con.execute(f"SELECT count(*) FROM (SELECT 1 FROM {tabel} LIMIT 1)").fetchall()[0][0]
    ):
        # an empty table (a first load): every row is new, straight from the typed rows
        (n,) = con.execute(f"SELECT count(*) FROM ({_sumber_massal(tabel, ada)})").fetchall()[0]
        con.execute(f"INSERT INTO {tabel} BY NAME {_sumber_massal(tabel, ada)}")
        return {"baru": int(n), "diganti": 0}
    con.execute(f"CREATE OR REPLACE TEMP TABLE masuk_massal AS {_sumber_massal(tabel, ada)}")
    kunci = KUNCI_TABEL[tabel]
    cocok = _kunci_cocok(kunci, "t", "m")
    kolom = [r[0] for r in con.execute("DESCRIBE masuk_massal").fetchall()]
    n, baru = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM {tabel} t WHERE {cocok})) "
        "FROM masuk_massal m"
    ).fetchall()[0]
    if tabel in _BERID:
        isi = [k for k in kolom if k not in kunci]
        con.execute(
            f"UPDATE {tabel} t SET {', '.join(f'{_id(k)} = m.{_id(k)}' for k in isi)} FROM masuk_massal m WHERE {cocok}"
        )
        con.execute(f"""INSERT INTO {tabel} (id, {", ".join(map(_id, kolom))})
            SELECT (SELECT coalesce(max(id), 0) FROM {tabel}) + row_number() OVER (),
                   {", ".join("m." + _id(k) for k in kolom)}
              FROM masuk_massal m WHERE NOT EXISTS (SELECT 1 FROM {tabel} t WHERE {cocok})""")
    else:
        if baru < n:
            con.execute(f"DELETE FROM {tabel} t WHERE EXISTS (SELECT 1 FROM masuk_massal m WHERE {cocok})")
        con.execute(f"INSERT INTO {tabel} BY NAME SELECT * FROM masuk_massal")
    con.execute("DROP TABLE masuk_massal")
    return {"baru": int(baru), "diganti": int(n - baru)}


def ekspor_massal(con, tabel: str, kolom: tuple[str, ...], jalur: Path, format: str) -> int:
    """One table to one file in the bulk format: agencies and indicators by code, not by id."""
    pilih = {
        "instansi": "SELECT t.* FROM instansi t ORDER BY id",
        "skala_predikat": "SELECT t.* REPLACE (CASE WHEN inklusif THEN 'ya' ELSE 'tidak' END AS inklusif) FROM "
        "skala_predikat t "
        "ORDER BY nama, urutan",
        "kecamatan_alias": "SELECT t.* FROM kecamatan_alias t",
        "jenis_wilayah": "SELECT t.* REPLACE (CASE WHEN dapat_dijumlah THEN 'ya' ELSE 'tidak' END AS dapat_dijumlah) "
        "FROM jenis_wilayah t ORDER BY kode",
        "capaian": "SELECT i.kode AS instansi, d.kode AS indikator_kode, t.* FROM capaian t JOIN indikator d ON "
        "d.id = t.indikator_id "
        "JOIN instansi i ON i.id = d.instansi_id ORDER BY d.instansi_id, d.urutan, t.indikator_id, t.tahun, "
        "t.triwulan NULLS FIRST",
        "catatan_indikator": "SELECT i.kode AS instansi, d.kode AS indikator_kode, t.* FROM catatan_indikator t "
        "JOIN indikator d ON d.id = t.indikator_id JOIN instansi i ON i.id = d.instansi_id "
        "ORDER BY d.instansi_id, d.urutan, t.indikator_id, t.tahun",
    }.get(
        tabel,
        f"SELECT i.kode AS instansi, t.* FROM {tabel} t JOIN instansi i ON i.id = t.instansi_id ORDER BY "
        "t.instansi_id, " + {"indikator": "t.urutan", "anggaran": "t.tahun, t.urutan"}.get(tabel, "t.tahun"),
    )
    ada = {r[0] for r in kursor(con).execute(f"DESCRIBE {pilih}").fetchall()}
    daftar = ", ".join(_id(k) for k in kolom if k in ada)
    opsi = "FORMAT parquet, COMPRESSION zstd" if format == "parquet" else "FORMAT csv, HEADER true"
    cur = kursor(con)
    cur.execute(f"COPY (SELECT {daftar} FROM ({pilih})) TO {_q(jalur)} ({opsi})")
    return int(cur.execute(f"SELECT count(*) FROM {tabel}").fetchall()[0][0])
