"""Bulk loads' checks across rows and files, in set-based SQL over the typed temp tables
`massal_<tabel>` (store/massal.py types and writes them): natural-key duplicates, references to the
other files and to the database (agencies, scales, Renstra periods, indicator codes, budget
parents, quarters' budget lines), kecamatan and desa names mapped by the caller's rules.
Problems go to temp table `masalah_massal`. The messages are the workbook import's
(ingest/validasi.py); tests/test_dua_jalur.py holds the two equal.
"""

from __future__ import annotations

import pandas as pd

from .massal import _id, _q


def cek_ganda_massal(con, berkas: str, tabel: str, kunci: tuple[str, ...]) -> None:
    """A second row with the natural key of an earlier one (NULLs equal, as in the workbook import).
    A row whose key cell was refused is left out, as in the workbook import: its cell reads as
    empty and would make a duplicate that is not. Keys are grouped first; only the rows of
    repeated keys are ranked."""
    nilai = ", ".join(f"{_q(k + '=')} || t.{_id(k)}" for k in kunci)
    cocok = " AND ".join(f"t.{_id(k)} IS NOT DISTINCT FROM g.{_id(k)}" for k in kunci)
    rusak = f"""SELECT baris FROM masalah_massal WHERE berkas = {_q(berkas)} AND baris IS NOT NULL
                   AND kolom IN ({", ".join(map(_q, kunci))})"""
    if con.execute(f"SELECT count(*) FROM ({rusak})").fetchall()[0][0]:  # else millions of rows skip the filter
        tabel = f"(SELECT * FROM {tabel} WHERE nomor_baris NOT IN ({rusak}))"
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
        "UNION ALL SELECT kode, kabupaten, NULL, NULL FROM massal_instansi WHERE kode IS NOT NULL"
        if "instansi" in berkas
        else ""
    )
    # the file's agencies get their kabupaten/kota codes once resolved (`kabkota_massal`)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE ref_instansi AS
        SELECT kode, kabupaten, kabkota_kode, kabkota_jenis FROM instansi
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


def kabkota_massal(con, nama: str, hasil: pd.DataFrame) -> None:
    """The file's agencies' kabupaten/kota (columns kode, kabkota_kode, kabkota_jenis, galat, as
    resolved by the caller's rule) onto massal_instansi and ref_instansi; `galat` is a problem."""
    con.register("kabkota_berkas", hasil)
    try:
        con.execute(f"""INSERT INTO masalah_massal SELECT {_q(nama)}, t.nomor_baris, 'kabupaten', k.galat
            FROM massal_instansi t JOIN kabkota_berkas k ON k.kode = t.kode WHERE k.galat IS NOT NULL""")
        con.execute("""CREATE OR REPLACE TEMP TABLE massal_instansi AS SELECT t.*,
            k.kabkota_kode::VARCHAR AS kabkota_kode, k.kabkota_jenis::VARCHAR AS kabkota_jenis
            FROM massal_instansi t LEFT JOIN kabkota_berkas k ON k.kode = t.kode""")
        con.execute("""UPDATE ref_instansi r SET kabkota_kode = k.kabkota_kode, kabkota_jenis = k.kabkota_jenis
            FROM kabkota_berkas k WHERE k.kode = r.kode""")
    finally:
        con.unregister("kabkota_berkas")


def nama_berbeda_massal(con, tabel: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The distinct (instansi, kabupaten, kabkota_kode, kabkota_jenis, kecamatan, desa) of a typed
    bulk table whose agency is known: thousands of names for millions of rows, mapped by the caller."""
    desa, ada = ("k.desa", "k.kecamatan IS NOT NULL OR k.desa IS NOT NULL")
    if tabel != "wilayah":
        desa, ada = ("NULL::VARCHAR AS desa", "k.kecamatan IS NOT NULL")
    return con.execute(f"""SELECT DISTINCT k.instansi, r.kabupaten, r.kabkota_kode, r.kabkota_jenis,
               k.kecamatan, {desa} FROM massal_{tabel} k JOIN ref_instansi r ON r.kode = k.instansi WHERE {ada}""").df()


def petakan_massal(con, nama: str, tabel: str, peta: pd.DataFrame) -> None:
    """Replace kecamatan and desa names of a typed bulk table by their mapped form (`peta`: the
    distinct instansi, kecamatan, desa with kanonik, kecamatan_kode, desa_baku, desa_kode; and rows
    with a `galat` for `kolom`: a problem of every row that names that place)."""
    con.register("peta_wilayah_massal", peta)
    try:
        cocok = (
            "k.instansi = t.instansi AND k.kecamatan IS NOT DISTINCT FROM t.kecamatan "
            "AND k.desa IS NOT DISTINCT FROM " + ("t.desa" if tabel == "wilayah" else "NULL")
        )
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(nama)}, t.nomor_baris, k.kolom, k.galat FROM massal_{tabel} t
              JOIN peta_wilayah_massal k ON {cocok} WHERE k.galat IS NOT NULL""")
        ganti = "coalesce(k.kanonik, t.kecamatan) AS kecamatan"
        tambah = ""
        if tabel == "wilayah":
            ganti += ", coalesce(k.desa_baku, t.desa) AS desa"
            tambah = ", k.kecamatan_kode::VARCHAR AS kecamatan_kode, k.desa_kode::VARCHAR AS desa_kode"
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE massal_{tabel} AS SELECT t.* REPLACE ({ganti}){tambah} "
            f"FROM massal_{tabel} t LEFT JOIN peta_wilayah_massal k ON {cocok} AND k.galat IS NULL"
        )
    finally:
        con.unregister("peta_wilayah_massal")


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
