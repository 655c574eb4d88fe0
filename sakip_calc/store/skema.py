"""The schema: every table, the reference rows, the history tables, and database settings (`meta`)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from sakip_calc.domain.spesifikasi import (
    JENIS_WILAYAH, SKALA_BAWAAN, TINGKAT_ANGGARAN, TINGKAT_INDIKATOR,
)

from .dasar import AKAR, _ada_tabel, kursor


def _daftar(nilai: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in nilai)


# 'dibatalkan': an import undone later; 'pembatalan': the row recording that undo.
STATUS_IMPOR = ("berhasil", "tanpa perubahan", "ditolak", "dibatalkan", "pembatalan")


SKEMA = f"""
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
    tingkat VARCHAR NOT NULL CHECK (tingkat IN ({_daftar(TINGKAT_INDIKATOR)})),
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
    tingkat VARCHAR NOT NULL CHECK (tingkat IN ({_daftar(TINGKAT_ANGGARAN)})),
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
CREATE TABLE IF NOT EXISTS impor (
    id INTEGER PRIMARY KEY,
    waktu TIMESTAMP NOT NULL,
    nama_file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ({_daftar(STATUS_IMPOR)})),
    baris_baru INTEGER NOT NULL DEFAULT 0,
    baris_berubah INTEGER NOT NULL DEFAULT 0,
    baris_sama INTEGER NOT NULL DEFAULT 0,
    pesan VARCHAR
);
CREATE TABLE IF NOT EXISTS meta (
    kunci VARCHAR PRIMARY KEY,
    nilai VARCHAR
);
"""

# Tables holding imported data, in the order an import writes them.
TABEL_DATA = (
    "instansi", "skala_predikat", "indikator", "capaian", "anggaran", "anggaran_triwulan",
    "wilayah", "belanja", "angka_laporan",
)


def pasang_skema(con: duckdb.DuckDBPyConnection, alias_csv: Path | None = None) -> None:
    """Create every table, and the reference rows (jenis wilayah, default scales, aliases)."""
    con.execute(SKEMA)
    con.executemany(
        "INSERT INTO jenis_wilayah VALUES (?, ?, ?, ?) ON CONFLICT (kode) DO UPDATE SET "
        "nama = excluded.nama, kelompok = excluded.kelompok, satuan = excluded.satuan",
        [list(j) for j in JENIS_WILAYAH],
    )
    for nama, pita in SKALA_BAWAAN.items():
        con.executemany(
            "INSERT INTO skala_predikat VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (nama, kode) DO NOTHING",
            [[nama, i, kode, label, batas, inklusif, warna] for i, (kode, label, batas, inklusif, warna) in enumerate(pita)],
        )
    _pasang_riwayat(con)
    alias_csv = alias_csv or AKAR / "data" / "kecamatan_alias.csv"
    if alias_csv.exists():
        # remembered so that `build` knows when the shipped list changed and must be loaded
        tulis_meta(con, "sha256_kecamatan_alias", hashlib.sha256(alias_csv.read_bytes()).hexdigest())
        # the CSV owns its kabupaten; lists of other kabupaten (bulk loads, synth) stay
        con.execute("CREATE OR REPLACE TEMP TABLE alias_csv AS SELECT kabupaten, kecamatan, NULLIF(trim(alias), '') AS alias "
                    "FROM read_csv(?, header = true, all_varchar = true)", [str(alias_csv)])
        con.execute("DELETE FROM kecamatan_alias WHERE kabupaten IN (SELECT kabupaten FROM alias_csv)")
        con.execute("INSERT INTO kecamatan_alias SELECT * FROM alias_csv")
        con.execute("DROP TABLE alias_csv")


def tulis_meta(con: duckdb.DuckDBPyConnection, kunci: str, nilai: str) -> None:
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai", [kunci, nilai])


def baca_meta(con, kunci: str) -> str | None:
    if not _ada_tabel(con, "meta"):   # a file from before the table existed
        return None
    baris = kursor(con).execute("SELECT nilai FROM meta WHERE kunci = ?", [kunci]).fetchall()
    return baris[0][0] if baris else None


def _pasang_riwayat(con: duckdb.DuckDBPyConnection) -> None:
    """History tables shaped like their data tables (columns added later are added here too),
    and the `impor` status check of files made before undo existed."""
    for tabel in TABEL_DATA:
        con.execute(f"CREATE TABLE IF NOT EXISTS riwayat_{tabel} AS "
                    f"SELECT NULL::INTEGER AS impor_id, NULL::VARCHAR AS aksi, * FROM {tabel} LIMIT 0")
        ada = {r[0] for r in con.execute(f"DESCRIBE riwayat_{tabel}").fetchall()}
        for nama, jenis, *_ in con.execute(f"DESCRIBE {tabel}").fetchall():
            if nama not in ada:
                con.execute(f'ALTER TABLE riwayat_{tabel} ADD COLUMN "{nama}" {jenis}')
    cek = con.execute("SELECT constraint_text FROM duckdb_constraints() WHERE database_name = current_database() "
                      "AND table_name = 'impor' AND constraint_type = 'CHECK'").fetchall()
    if cek and "pembatalan" not in cek[0][0]:
        con.execute("ALTER TABLE impor RENAME TO impor_lama")
        awal = SKEMA.index("CREATE TABLE IF NOT EXISTS impor (")
        con.execute(SKEMA[awal:SKEMA.index(");", awal) + 2])
        con.execute("INSERT INTO impor SELECT * FROM impor_lama")
        con.execute("DROP TABLE impor_lama")
