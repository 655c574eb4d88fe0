"""Schema versions: the ordered migrations that are the only definition of the database schema.

A file records its version in `meta` ('versi_skema'). Opening it for writing runs the migrations
it lacks inside the write's own transaction (see `koneksi.transaksi_tulis`): the upgrade commits
with the write or not at all. A file of a newer version than `VERSI_SKEMA` is refused, never
downgraded. New files run every migration from 1, so an upgraded file and a new one are alike.

A released migration never changes (files carry its result); a change is a new migration
appended to `MIGRASI`. This module imports only `dasar` from the store and nothing from the domain:
a migration is frozen text, not today's constants.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from .dasar import AKAR, _ada_tabel, kursor

log = logging.getLogger(__name__)

KUNCI_VERSI = "versi_skema"

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


@dataclass(frozen=True)
class Migrasi:
    nomor: int
    keterangan: str
    langkah: str | Callable[[duckdb.DuckDBPyConnection], None]  # SQL, or a function of the connection


# Ordered; the last number is the current version. Append, never edit or renumber.
MIGRASI = (
    Migrasi(1, "skema main 2026-11-25: tabel data, rujukan, impor (status pembatalan), riwayat_*", _skema_1),
    Migrasi(
        2,
        "tabel meta: pengaturan basis data dan versi skema",
        "CREATE TABLE IF NOT EXISTS meta (kunci VARCHAR PRIMARY KEY, nilai VARCHAR)",
    ),
    Migrasi(
        3,
        "tabel catatan_indikator: penyebab, hambatan, solusi, target nasional per indikator-tahun (+ riwayat)",
        _catatan_3,
    ),
    Migrasi(4, "akun dan peran, audit, status verifikasi per instansi-tahun, catatan; impor mencatat siapa", _AKSES_4),
    Migrasi(
        5,
        "temuan pemeriksaan tersimpan: temuan, rekonsiliasi per instansi-tahun-kelas, sidik_temuan",
        """
        CREATE TABLE IF NOT EXISTS temuan (
            instansi_id INTEGER NOT NULL, tahun INTEGER, kelas VARCHAR NOT NULL, tabel VARCHAR, kunci VARCHAR,
            jenis VARCHAR NOT NULL, dilaporkan DOUBLE, dihitung DOUBLE, sumber VARCHAR, keterangan VARCHAR,
            rujukan VARCHAR
        );
        CREATE TABLE IF NOT EXISTS rekonsiliasi (
            instansi_id INTEGER NOT NULL, tahun INTEGER, kelas VARCHAR NOT NULL,
            jumlah INTEGER NOT NULL, cocok INTEGER NOT NULL, beda INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sidik_temuan (instansi_id INTEGER PRIMARY KEY, sidik VARCHAR NOT NULL);
        """,
    ),
    Migrasi(
        6,
        "kode wilayah Kemendagri: instansi.kabkota_kode/kabkota_jenis, wilayah.kecamatan_kode/desa_kode; "
        "alias_wilayah, jenis_wilayah.dapat_dijumlah",
        _kode_wilayah,
    ),
    Migrasi(
        7,
        "riwayat_jenis_wilayah: jenis data wilayah dari lembar Jenis dapat dibatalkan",
        lambda con: riwayat_sebentuk(con, ("jenis_wilayah",)),
    ),
    Migrasi(
        8,
        "cara_baca: pilihan pengguna membaca angka ragu (11.720) per kolom berkas",
        "CREATE TABLE IF NOT EXISTS cara_baca (nama_file VARCHAR NOT NULL, lembar VARCHAR NOT NULL, "
        "kolom VARCHAR NOT NULL, cara VARCHAR NOT NULL CHECK (cara IN ('ribuan', 'desimal')), akun VARCHAR, "
        "waktu TIMESTAMP NOT NULL, PRIMARY KEY (nama_file, lembar, kolom))",
    ),
)
VERSI_SKEMA = MIGRASI[-1].nomor


class SkemaTerlaluBaru(RuntimeError):
    """The file was written by a newer program: opening it here could misread or damage it."""


def tulis_meta(con: duckdb.DuckDBPyConnection, kunci: str, nilai: str) -> None:
    con.execute(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai", [kunci, nilai]
    )


def baca_meta(con, kunci: str) -> str | None:
    if not _ada_tabel(con, "meta"):  # a file from before the table existed
        return None
    baris = kursor(con).execute("SELECT nilai FROM meta WHERE kunci = ?", [kunci]).fetchall()
    return baris[0][0] if baris else None


def versi_berkas(con) -> int:
    """The schema version the file records; 0 for a new file or one written before versions."""
    return int(baca_meta(con, KUNCI_VERSI) or 0)


def periksa_versi(con, nama: str = "basis data") -> int:
    """The file's version, or SkemaTerlaluBaru when this program does not know it."""
    versi = versi_berkas(con)
    if versi > VERSI_SKEMA:
        raise SkemaTerlaluBaru(
            f"Basis data {nama} memakai skema versi {versi}, lebih baru daripada versi {VERSI_SKEMA} yang dikenal "
            f"program ini. Berkas tidak dibuka (agar tidak salah dibaca atau rusak) dan tidak diubah: perbarui program."
        )
    return versi


def migrasikan(con: duckdb.DuckDBPyConnection, nama: str = "basis data") -> list[Migrasi]:
    """Run the migrations the file lacks and record the new version, in the caller's transaction
    (the caller commits or rolls back). Returns the migrations that ran."""
    versi = periksa_versi(con, nama)
    jalan = [m for m in MIGRASI if m.nomor > versi]
    for m in jalan:
        if isinstance(m.langkah, str):
            con.execute(m.langkah)
        else:
            m.langkah(con)
    if jalan:
        tulis_meta(con, KUNCI_VERSI, str(VERSI_SKEMA))
        log.info(
            "%s: skema versi %d -> %d; migrasi: %s",
            nama,
            versi,
            VERSI_SKEMA,
            "; ".join(f"{m.nomor} ({m.keterangan})" for m in jalan),
        )
    return jalan
