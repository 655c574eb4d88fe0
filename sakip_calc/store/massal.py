"""Bulk writes: synthetic data and folder loads (one CSV or Parquet file per table), typed,
checked and written as set-based SQL whatever the number of rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from .dasar import kursor
from .tulis import _BERID, KUNCI_TABEL, _kunci_cocok

BATAS_MEMORI_TULIS = "1GB"


def mulai_muat_massal(con: duckdb.DuckDBPyConnection) -> None:
    """Settings for one long bulk write: the caller prints its own progress, and DuckDB spills to
    disk beyond BATAS_MEMORI_TULIS instead of growing the process (the machine has other work)."""
    con.execute("SET enable_progress_bar = false")
    con.execute(f"SET memory_limit = '{BATAS_MEMORI_TULIS}'")


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
        con.execute(
            "DELETE FROM capaian WHERE indikator_id IN (SELECT d.id FROM indikator d JOIN dihapus h ON h.id = "
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
# the import rules (ingest/aturan.py) from the workbook format (spesifikasi.py); the typing, the
# cross-file checks and the writes run here, as set-based SQL over DuckDB's readers, whatever the
# number of rows. Typed rows live in temp
# tables `massal_<tabel>`; problems collect in temp table `masalah_massal`.


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


def cek_ganda_massal(con, berkas: str, tabel: str, kunci: tuple[str, ...]) -> None:
    """A second row with the natural key of an earlier one (NULLs equal, as in the workbook import).
    Keys are grouped first; only the rows of repeated keys are ranked."""
    nilai = ", ".join(f"{_q(k + '=')} || t.{_id(k)}" for k in kunci)
    cocok = " AND ".join(f"t.{_id(k)} IS NOT DISTINCT FROM g.{_id(k)}" for k in kunci)
    con.execute(f"""
        INSERT INTO masalah_massal
        SELECT {_q(berkas)}, nomor_baris, NULL, 'baris ganda: kunci (' || kunci || ') sudah ada di baris ' || pertama
          FROM (SELECT t.nomor_baris, concat_ws(', ', {nilai}) AS kunci,
                       min(t.nomor_baris) OVER w AS pertama, row_number() OVER w AS ke
                  FROM {tabel} t
                  JOIN (SELECT {", ".join(map(_id, kunci))} FROM {tabel} GROUP BY ALL HAVING count(*) > 1) g
                    ON {cocok}
                WINDOW w AS (PARTITION BY {", ".join("t." + _id(k) for k in kunci)} ORDER BY t.nomor_baris))
         WHERE ke > 1""")


# The SQL function that suggests the closest known names (ingest/aturan.py registers it on the
# connection): the same suggestions as the workbook import's, computed only for rows with a problem.
SARAN = "saran_impor"


def cek_rujukan_massal(con, berkas: dict[str, str], skala_bawaan: tuple[str, ...]) -> None:
    """Cross-file and file-to-database references, as the workbook import checks them: agencies,
    predikat scales, Renstra periods, indicator codes, budget parents, quarters' budget lines,
    kecamatan names (through the alias lists). `berkas`: table -> file name shown in messages."""
    # the file's agencies replace the database's of the same code
    berkas_instansi = "massal_instansi" if "instansi" in berkas else "(SELECT NULL AS kode)"
    tambah = (
        "UNION ALL SELECT kode, kabupaten FROM massal_instansi WHERE kode IS NOT NULL" if "instansi" in berkas else ""
    )
    con.execute(f"""CREATE OR REPLACE TEMP TABLE ref_instansi AS
        SELECT kode, kabupaten FROM instansi
         WHERE kode NOT IN (SELECT kode FROM {berkas_instansi} WHERE kode IS NOT NULL)
        {tambah}""")
    for tabel, nama in berkas.items():
        if tabel in ("instansi", "skala_predikat", "kecamatan_alias"):
            continue
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(nama)}, nomor_baris, 'instansi', 'instansi ''' || t.instansi
                || ''' tidak ada di berkas instansi maupun di basis data.'
                   || {SARAN}(t.instansi, (SELECT list(kode) FROM ref_instansi))
              FROM massal_{tabel} t
             WHERE t.instansi IS NOT NULL AND t.instansi NOT IN (SELECT kode FROM ref_instansi)""")
    if "instansi" in berkas:
        skala = " UNION ".join(
            ["SELECT nama FROM skala_predikat", *(f"SELECT {_q(s)}" for s in skala_bawaan)]
            + (["SELECT nama FROM massal_skala_predikat WHERE nama IS NOT NULL"] if "skala_predikat" in berkas else [])
        )
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas["instansi"])}, nomor_baris, 'skala_predikat',
                   'skala ''' || skala_predikat || ''' tidak dikenal; skala: '
                   || (SELECT string_agg(nama, ', ' ORDER BY nama) FROM ({skala})) || '.'
                   || {SARAN}(skala_predikat, (SELECT list(nama ORDER BY nama) FROM ({skala})))
              FROM massal_instansi WHERE skala_predikat IS NOT NULL AND skala_predikat NOT IN ({skala})""")
    if "indikator" in berkas:
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas["indikator"])}, nomor_baris, 'periode_akhir',
                   'periode_akhir ' || periode_akhir || ' sebelum periode_awal ' || periode_awal
              FROM massal_indikator WHERE periode_awal > periode_akhir""")
    if "capaian" in berkas:
        file_ind = (
            "UNION SELECT instansi, kode FROM massal_indikator WHERE kode IS NOT NULL" if "indikator" in berkas else ""
        )
        con.execute(f"""CREATE OR REPLACE TEMP TABLE ref_indikator AS
            SELECT i.kode AS instansi, d.kode FROM indikator d JOIN instansi i ON i.id = d.instansi_id {file_ind}""")
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas["capaian"])}, c.nomor_baris, 'indikator_kode', 'kode indikator ''' || c.indikator_kode ||
                   ''' tidak ada di berkas indikator maupun di basis data untuk ' || c.instansi || '.'
                   || {SARAN}(c.indikator_kode, (SELECT list(r.kode) FROM ref_indikator r
                       WHERE r.instansi = c.instansi))
              FROM massal_capaian c
             WHERE c.indikator_kode IS NOT NULL AND c.instansi IN (SELECT kode FROM ref_instansi)
               AND (c.instansi, c.indikator_kode) NOT IN (SELECT instansi, kode FROM ref_indikator)""")
    if "anggaran" in berkas or "anggaran_triwulan" in berkas:
        file_ang = (
            "UNION ALL SELECT instansi, tahun, kode, tingkat, 1 FROM massal_anggaran WHERE kode IS NOT NULL"
            if "anggaran" in berkas
            else ""
        )
        con.execute(f"""CREATE OR REPLACE TEMP TABLE ref_anggaran AS
            SELECT instansi, tahun, kode, arg_max(tingkat, dari_berkas) AS tingkat FROM (
                SELECT i.kode AS instansi, a.tahun, a.kode, a.tingkat, 0 AS dari_berkas
                  FROM anggaran a JOIN instansi i ON i.id = a.instansi_id {file_ang}) GROUP BY ALL""")
    if "anggaran" in berkas:
        nama = _q(berkas["anggaran"])
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {nama}, a.nomor_baris, 'induk_kode', CASE
                WHEN a.tingkat = 'program' THEN 'program tidak punya induk; kosongkan induk_kode'
                WHEN a.induk_kode IS NULL THEN a.tingkat || ' wajib punya induk ('
                    || CASE a.tingkat WHEN 'kegiatan' THEN 'program' ELSE 'kegiatan' END || ')'
                WHEN r.tingkat IS NULL THEN 'induk ''' || a.induk_kode || ''' tidak ada untuk tahun ' || a.tahun
                    || '.' || {SARAN}(a.induk_kode, (SELECT list(q.kode) FROM ref_anggaran q
                                                     WHERE q.instansi = a.instansi AND q.tahun = a.tahun
                                                       AND q.kode <> a.kode))
                ELSE 'induk ' || a.tingkat || ' harus '
                    || CASE a.tingkat WHEN 'kegiatan' THEN 'program' ELSE 'kegiatan' END ||
                     ', tetapi ''' || a.induk_kode || ''' adalah ' || r.tingkat END
              FROM massal_anggaran a LEFT JOIN ref_anggaran r ON r.instansi = a.instansi AND r.tahun = a.tahun
                  AND r.kode = a.induk_kode
             WHERE a.tingkat IS NOT NULL AND CASE
                WHEN a.tingkat = 'program' THEN a.induk_kode IS NOT NULL
                WHEN a.induk_kode IS NULL THEN true
                ELSE r.tingkat IS NULL
                    OR r.tingkat <> CASE a.tingkat WHEN 'kegiatan' THEN 'program' ELSE 'kegiatan' END END""")
    if "anggaran_triwulan" in berkas:
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas["anggaran_triwulan"])}, t.nomor_baris, 'kode',
                   'baris anggaran ''' || t.kode || ''' tahun ' || t.tahun
                       || ' tidak ada di berkas anggaran maupun di basis data untuk ' || t.instansi || '.'
              FROM massal_anggaran_triwulan t
             WHERE t.kode IS NOT NULL AND t.tahun IS NOT NULL AND t.instansi IN (SELECT kode FROM ref_instansi)
               AND NOT EXISTS (SELECT 1 FROM ref_anggaran r WHERE r.instansi = t.instansi AND r.tahun = t.tahun
                   AND r.kode = t.kode)""")


def alias_massal(con, ada_berkas_alias: bool) -> pd.DataFrame:
    """The kecamatan lists in effect: the database's, a kabupaten's replaced by the bulk file's."""
    alias = "SELECT kabupaten, kecamatan, alias FROM kecamatan_alias"
    if ada_berkas_alias:
        alias += " WHERE kabupaten NOT IN (SELECT kabupaten FROM massal_kecamatan_alias WHERE kabupaten IS NOT NULL)"
        alias += " UNION ALL SELECT kabupaten, kecamatan, alias FROM massal_kecamatan_alias WHERE kecamatan IS NOT NULL"
    return con.execute(alias).df()


def nama_berbeda_massal(con, tabel: str) -> tuple[pd.DataFrame, list[str]]:
    """The distinct (instansi, kecamatan, kabupaten) of a typed bulk table whose agency is known,
    and its distinct desa: thousands of names for millions of rows, mapped by the caller."""
    pasangan = con.execute(f"""SELECT DISTINCT k.instansi, k.kecamatan, r.kabupaten FROM massal_{tabel} k
        JOIN ref_instansi r ON r.kode = k.instansi WHERE k.kecamatan IS NOT NULL""").df()
    desa = []
    if tabel == "wilayah":
        desa = [r[0] for r in con.execute("SELECT DISTINCT desa FROM massal_wilayah WHERE desa IS NOT NULL").fetchall()]
    return pasangan, desa


def petakan_massal(con, nama: str, tabel: str, kecamatan: pd.DataFrame, desa: pd.DataFrame | None) -> None:
    """Replace kecamatan (columns instansi, kecamatan, kanonik, galat) and desa (desa, baku) names
    of a typed bulk table by their mapped form; a kecamatan's `galat` is a problem of every row
    that names it."""
    con.register("peta_kecamatan_massal", kecamatan)
    try:
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(nama)}, t.nomor_baris, 'kecamatan', k.galat FROM massal_{tabel} t
              JOIN peta_kecamatan_massal k ON k.instansi = t.instansi AND k.kecamatan = t.kecamatan
                  WHERE k.galat IS NOT NULL""")
        ganti = "coalesce(k.kanonik, t.kecamatan) AS kecamatan"
        gabung = "LEFT JOIN peta_kecamatan_massal k ON k.instansi = t.instansi AND k.kecamatan = t.kecamatan"
        if desa is not None:
            con.register("peta_desa_massal", desa)
            ganti += ", d.baku AS desa"
            gabung += " LEFT JOIN peta_desa_massal d ON d.desa = t.desa"
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE massal_{tabel} AS SELECT t.* REPLACE ({ganti}) FROM massal_{tabel} t "
            f"{gabung}"
        )
    finally:
        con.unregister("peta_kecamatan_massal")
        if desa is not None:
            con.unregister("peta_desa_massal")


def daftar_masalah_massal(con, batas: int) -> tuple[int, list[tuple]]:
    """How many problems, and the first `batas` by file and row."""
    (n,) = con.execute("SELECT count(*) FROM masalah_massal").fetchall()[0]
    return int(n), con.execute(
        "SELECT * FROM masalah_massal ORDER BY berkas, baris NULLS FIRST, kolom LIMIT ?", [batas]
    ).fetchall()


# Which typed temp table feeds which data table, with natural keys resolved to ids.
_SUMBER_MASSAL = {
    "skala_predikat": "SELECT * EXCLUDE (inklusif, nomor_baris), coalesce(inklusif = 'ya', false) AS inklusif, "
    "CAST(row_number() OVER (PARTITION BY nama ORDER BY nomor_baris) - 1 AS INTEGER) AS urutan FROM "
    "massal_skala_predikat",
    "instansi": "SELECT * EXCLUDE (nomor_baris) FROM massal_instansi",
    "indikator": "SELECT i.id AS instansi_id, m.* EXCLUDE (instansi, nomor_baris), CAST(m.nomor_baris AS "
    "INTEGER) AS urutan "
    "FROM massal_indikator m JOIN instansi i ON i.kode = m.instansi",
    "capaian": "SELECT d.id AS indikator_id, m.* EXCLUDE (instansi, indikator_kode, nomor_baris) FROM massal_capaian m "
    "JOIN instansi i ON i.kode = m.instansi JOIN indikator d ON d.instansi_id = i.id AND d.kode = m.indikator_kode",
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


def cek_triwulan_ganda_massal(con, nama: str) -> None:
    """A quarter given both in the anggaran file's realisasi_twN and in the quarters file."""
    con.execute(f"""INSERT INTO masalah_massal
        SELECT {_q(nama)}, t.nomor_baris, 'triwulan', 'triwulan ' || t.triwulan || ' baris ' || t.kode
               || ' tahun ' || t.tahun ||
               ' sudah diisi di kolom realisasi_tw' || t.triwulan || ' berkas anggaran (baris ' || a.nomor_baris || ')'
          FROM massal_anggaran_triwulan t JOIN massal_anggaran a ON a.instansi = t.instansi AND a.tahun = t.tahun
              AND a.kode = t.kode
         WHERE CASE t.triwulan WHEN 1 THEN a.realisasi_tw1 WHEN 2 THEN a.realisasi_tw2 WHEN 3 THEN a.realisasi_tw3
                               WHEN 4 THEN a.realisasi_tw4 END IS NOT NULL""")


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
        "capaian": "SELECT i.kode AS instansi, d.kode AS indikator_kode, t.* FROM capaian t JOIN indikator d ON "
        "d.id = t.indikator_id "
        "JOIN instansi i ON i.id = d.instansi_id ORDER BY d.instansi_id, d.urutan, t.indikator_id, t.tahun, "
        "t.triwulan NULLS FIRST",
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
