"""The steps of the migrations in `migrasi.MIGRASI`, as frozen text: the schema each one wrote.
A released step never changes (files carry its result); this module imports only `dasar`."""

from __future__ import annotations

import duckdb

from .dasar import AKAR

# The schema written by the main of 2026-11-25 (commit 06f8a3e), its CHECK lists spelled out.
_SKEMA_1 = """
CREATE TABLE IF NOT EXISTS instansi (
    id INTEGER PRIMARY KEY,
    kode VARCHAR NOT NULL UNIQUE,
    nama VARCHAR NOT NULL,
    kabupaten VARCHAR NOT NULL,
    provinsi VARCHAR NOT NULL,
    skala_predikat VARCHAR,
    batas_capaian DOUBLE
);
CREATE TABLE IF NOT EXISTS indikator (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL,
    kode VARCHAR NOT NULL,
    nama VARCHAR NOT NULL,
    tingkat VARCHAR NOT NULL CHECK (tingkat IN ('tujuan', 'sasaran', 'program', 'kegiatan', 'subkegiatan')),
    sasaran VARCHAR,
    program_kode VARCHAR,
    satuan VARCHAR,
    polaritas VARCHAR NOT NULL CHECK (polaritas IN ('naik', 'turun')),
    kondisi_awal DOUBLE,
    target_akhir DOUBLE,
    periode_awal INTEGER,
    periode_akhir INTEGER,
    agregasi_triwulan VARCHAR CHECK (agregasi_triwulan IN ('jumlah', 'akhir', 'rata')),
    nama_pembilang VARCHAR,
    nama_penyebut VARCHAR,
    urutan INTEGER,
    UNIQUE (instansi_id, kode)
);
CREATE TABLE IF NOT EXISTS capaian (
    indikator_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    triwulan INTEGER CHECK (triwulan BETWEEN 1 AND 4),
    target DOUBLE,
    target_atas DOUBLE,
    realisasi DOUBLE,
    capaian_dilaporkan DOUBLE,
    pembilang DOUBLE,
    penyebut DOUBLE,
    sumber VARCHAR,
    catatan VARCHAR
);
CREATE INDEX IF NOT EXISTS capaian_indikator ON capaian (indikator_id, tahun);
CREATE TABLE IF NOT EXISTS anggaran (
    instansi_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    kode VARCHAR NOT NULL,
    kode_laporan VARCHAR,
    tingkat VARCHAR NOT NULL CHECK (tingkat IN ('program', 'kegiatan', 'subkegiatan')),
    nama VARCHAR NOT NULL,
    induk_kode VARCHAR,
    pagu DOUBLE,
    pagu_renja DOUBLE,
    pagu_renstra DOUBLE,
    realisasi DOUBLE,
    serapan_dilaporkan DOUBLE,
    fisik_persen DOUBLE,
    sumber_dana VARCHAR,
    sumber VARCHAR,
    catatan VARCHAR,
    urutan INTEGER,
    PRIMARY KEY (instansi_id, tahun, kode)
);
CREATE TABLE IF NOT EXISTS anggaran_triwulan (
    instansi_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    kode VARCHAR NOT NULL,
    triwulan INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    realisasi DOUBLE,
    PRIMARY KEY (instansi_id, tahun, kode, triwulan)
);
CREATE TABLE IF NOT EXISTS wilayah (
    instansi_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    kecamatan VARCHAR,
    desa VARCHAR,
    jenis VARCHAR NOT NULL,
    nilai DOUBLE NOT NULL,
    sumber VARCHAR
);
CREATE INDEX IF NOT EXISTS wilayah_instansi ON wilayah (instansi_id, tahun, jenis);
CREATE TABLE IF NOT EXISTS jenis_wilayah (
    kode VARCHAR PRIMARY KEY,
    nama VARCHAR NOT NULL,
    kelompok VARCHAR NOT NULL,
    satuan VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS kecamatan_alias (
    kabupaten VARCHAR NOT NULL,
    kecamatan VARCHAR NOT NULL,
    alias VARCHAR
);
CREATE TABLE IF NOT EXISTS belanja (
    instansi_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    jenis_belanja VARCHAR NOT NULL,
    pagu DOUBLE,
    realisasi DOUBLE,
    sumber VARCHAR,
    PRIMARY KEY (instansi_id, tahun, jenis_belanja)
);
CREATE TABLE IF NOT EXISTS angka_laporan (
    instansi_id INTEGER NOT NULL,
    tahun INTEGER NOT NULL,
    sumber VARCHAR NOT NULL,
    objek VARCHAR NOT NULL,
    kode VARCHAR,
    kecamatan VARCHAR,
    besaran VARCHAR NOT NULL,
    nilai DOUBLE,
    teks_asli VARCHAR,
    catatan VARCHAR
);
CREATE TABLE IF NOT EXISTS skala_predikat (
    nama VARCHAR NOT NULL,
    urutan INTEGER NOT NULL,
    kode VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    batas_bawah DOUBLE,
    inklusif BOOLEAN NOT NULL DEFAULT false,
    warna VARCHAR,
    PRIMARY KEY (nama, kode)
);
"""
# The import log. Status 'dibatalkan': an import undone later; 'pembatalan': the row recording that
# undo. A file from before undo has a narrower status CHECK and gets this table rebuilt.
_IMPOR_1 = """
CREATE TABLE IF NOT EXISTS impor (
    id INTEGER PRIMARY KEY,
    waktu TIMESTAMP NOT NULL,
    nama_file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('berhasil', 'tanpa perubahan', 'ditolak', 'dibatalkan', 'pembatalan')),
    baris_baru INTEGER NOT NULL DEFAULT 0,
    baris_berubah INTEGER NOT NULL DEFAULT 0,
    baris_sama INTEGER NOT NULL DEFAULT 0,
    pesan VARCHAR
);
"""
# The data tables of version 1, each with a history table riwayat_<tabel> for undo.
TABEL_DATA_1 = (
    "instansi",
    "skala_predikat",
    "indikator",
    "capaian",
    "anggaran",
    "anggaran_triwulan",
    "wilayah",
    "belanja",
    "angka_laporan",
)


def riwayat_sebentuk(con: duckdb.DuckDBPyConnection, tabel_data: tuple[str, ...]) -> None:
    """Give each data table a history table of its shape (impor_id, aksi, then its columns), adding
    the columns it lacks. A migration that adds a column to a data table calls this after."""
    for tabel in tabel_data:
        con.execute(
            f"CREATE TABLE IF NOT EXISTS riwayat_{tabel} AS "
            f"SELECT NULL::INTEGER AS impor_id, NULL::VARCHAR AS aksi, * FROM {tabel} LIMIT 0"
        )
        ada = {r[0] for r in con.execute(f"DESCRIBE riwayat_{tabel}").fetchall()}
        for nama, jenis, *_ in con.execute(f"DESCRIBE {tabel}").fetchall():
            if nama not in ada:
                con.execute(f'ALTER TABLE riwayat_{tabel} ADD COLUMN "{nama}" {jenis}')


def _skema_1(con: duckdb.DuckDBPyConnection) -> None:
    # Files carry no version before migration 2, so this runs on every one of them: from a new
    # file, a 2026-11-25 file (nothing to do) or an older one (no history, narrower status CHECK).
    con.execute(_SKEMA_1 + _IMPOR_1)
    riwayat_sebentuk(con, TABEL_DATA_1)
    cek = con.execute(
        "SELECT constraint_text FROM duckdb_constraints() WHERE database_name = current_database() "
        "AND table_name = 'impor' AND constraint_type = 'CHECK'"
    ).fetchall()
    if cek and "pembatalan" not in cek[0][0]:
        con.execute("ALTER TABLE impor RENAME TO impor_lama")
        con.execute(_IMPOR_1)
        con.execute("INSERT INTO impor SELECT * FROM impor_lama")
        con.execute("DROP TABLE impor_lama")


def _catatan_3(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """CREATE TABLE IF NOT EXISTS catatan_indikator (
            indikator_id INTEGER NOT NULL,
            tahun INTEGER NOT NULL,
            penyebab VARCHAR,
            hambatan VARCHAR,
            solusi VARCHAR,
            target_nasional VARCHAR,
            penulis VARCHAR,
            diubah VARCHAR,
            PRIMARY KEY (indikator_id, tahun)
        )"""
    )
    riwayat_sebentuk(con, ("catatan_indikator",))


# Who may change what (issue 16). Accounts hold only scrypt hashes; `akun_instansi` names the agency of
# an operator and the agencies a verifikator is assigned. `audit` is append-only: the app has no
# statement that updates or deletes it. `verifikasi` holds the current state of an agency-year
# (no row = draf); its history is in `audit`. Agencies by `kode`, the natural key imports use.
_AKSES_4 = """
CREATE TABLE akun (
    nama VARCHAR PRIMARY KEY,
    hash VARCHAR NOT NULL,
    peran VARCHAR NOT NULL CHECK (peran IN ('admin', 'operator', 'verifikator', 'pembaca')),
    aktif BOOLEAN NOT NULL DEFAULT true,
    dibuat TIMESTAMP NOT NULL,
    diubah TIMESTAMP NOT NULL
);
CREATE TABLE akun_instansi (akun VARCHAR NOT NULL, instansi VARCHAR NOT NULL, PRIMARY KEY (akun, instansi));
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    waktu TIMESTAMP NOT NULL,
    akun VARCHAR NOT NULL,
    alamat VARCHAR,
    aksi VARCHAR NOT NULL,
    instansi VARCHAR,
    tahun INTEGER,
    baris INTEGER,
    rincian VARCHAR
);
CREATE TABLE verifikasi (
    instansi VARCHAR NOT NULL,
    tahun INTEGER NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('draf', 'diajukan', 'terverifikasi', 'dikembalikan', 'final')),
    alasan VARCHAR,
    akun VARCHAR NOT NULL,
    waktu TIMESTAMP NOT NULL,
    PRIMARY KEY (instansi, tahun)
);
CREATE TABLE catatan (
    id INTEGER PRIMARY KEY,
    instansi VARCHAR NOT NULL,
    tahun INTEGER NOT NULL,
    akun VARCHAR NOT NULL,
    waktu TIMESTAMP NOT NULL,
    teks VARCHAR NOT NULL
);
ALTER TABLE impor ADD COLUMN akun VARCHAR;
ALTER TABLE impor ADD COLUMN alamat VARCHAR;
"""


# Official Kemendagri codes on the rows (data/wilayah.parquet, see store/rujukan_wilayah.py), the
# aliases an admin confirms (a data table with history) and data kinds' summability.
_KODE_WILAYAH = """
ALTER TABLE instansi ADD COLUMN IF NOT EXISTS kabkota_kode VARCHAR;
ALTER TABLE instansi ADD COLUMN IF NOT EXISTS kabkota_jenis VARCHAR;
ALTER TABLE wilayah ADD COLUMN IF NOT EXISTS kecamatan_kode VARCHAR;
ALTER TABLE wilayah ADD COLUMN IF NOT EXISTS desa_kode VARCHAR;
ALTER TABLE jenis_wilayah ADD COLUMN IF NOT EXISTS dapat_dijumlah BOOLEAN DEFAULT true;
CREATE TABLE IF NOT EXISTS alias_wilayah (
    induk VARCHAR NOT NULL,
    alias VARCHAR NOT NULL,
    kode VARCHAR NOT NULL,
    nama VARCHAR NOT NULL,
    PRIMARY KEY (induk, alias)
);
"""
# Rows stored before the codes get them where the official list decides by plain names (the import
# rules, ingest/aturan_wilayah.py, also know spelling variants; a re-import fills the rest).
_ISI_KODE = """
CREATE OR REPLACE TEMP TABLE resmi AS SELECT * FROM read_parquet('{berkas}');
UPDATE instansi SET kabkota_kode = c.kode, kabkota_jenis = c.jenis FROM (
    SELECT i.id, any_value(k.kode) AS kode, any_value(k.jenis) AS jenis FROM instansi i
      JOIN resmi k ON k.tingkat = 'kabkota'
       AND lower(regexp_replace(k.nama, '^(Kabupaten|Kota) ', '')) = lower(trim(i.kabupaten))
      JOIN resmi p ON p.kode = k.induk AND lower(p.nama) = lower(trim(i.provinsi))
     WHERE k.jenis = 'kota' AND i.nama ILIKE '%kota ' || trim(i.kabupaten) || '%'
        OR k.jenis = 'kabupaten' AND i.nama NOT ILIKE '%kota ' || trim(i.kabupaten) || '%'
     GROUP BY i.id HAVING count(*) = 1) c
 WHERE instansi.id = c.id AND instansi.kabkota_kode IS NULL;
UPDATE wilayah SET kecamatan_kode = k.kode FROM instansi i, resmi k
 WHERE i.id = wilayah.instansi_id AND k.induk = i.kabkota_kode AND k.tingkat = 'kecamatan'
   AND lower(k.nama) = lower(wilayah.kecamatan) AND wilayah.kecamatan_kode IS NULL;
UPDATE wilayah SET desa_kode = d.kode FROM resmi d
 WHERE d.induk = wilayah.kecamatan_kode AND d.tingkat = 'desa' AND lower(d.nama) = lower(wilayah.desa)
   AND wilayah.desa_kode IS NULL;
DROP TABLE resmi;
"""


def _kode_wilayah(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_KODE_WILAYAH)
    riwayat_sebentuk(con, ("instansi", "wilayah", "alias_wilayah"))
    berkas = AKAR / "data" / "wilayah.parquet"
    if berkas.exists():
        con.execute(_ISI_KODE.format(berkas=str(berkas).replace("'", "''")))


def _periode(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE wilayah ADD COLUMN IF NOT EXISTS periode VARCHAR")
    riwayat_sebentuk(con, ("wilayah",))


def _batas_instansi(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """CREATE TABLE IF NOT EXISTS batas_instansi (
            instansi_id INTEGER NOT NULL,
            kecamatan VARCHAR NOT NULL,
            desa VARCHAR,
            geometri VARCHAR NOT NULL,
            lat DOUBLE,
            lng DOUBLE,
            sumber VARCHAR,
            kecamatan_kode VARCHAR,
            desa_kode VARCHAR
        )"""
    )
    riwayat_sebentuk(con, ("batas_instansi",))
