"""The DuckDB store: schema, connections, and every SQL statement of the project.

Writes never touch the live file in place. A write copies the database, changes the copy in
one transaction and `os.replace`s it over the live file, so readers (the app holds a read-only
connection) keep a consistent old snapshot, a crash leaves the old file intact, and a failed
import leaves it byte-for-byte unchanged. A lock file serialises concurrent writers.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Iterator, NamedTuple

import duckdb
import pandas as pd

from .spesifikasi import (
    JENIS_WILAYAH, LEMBAR_BERNAMA, SKALA_BAWAAN, TINGKAT_ANGGARAN, TINGKAT_INDIKATOR,
)

AKAR = Path(__file__).resolve().parents[1]
DB_BAWAAN = AKAR / "data" / "sakip.duckdb"


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


def buka(db: str | Path = DB_BAWAAN, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the database. A read-only open of a missing file is an error the caller shows.

    Read-only opens attach the file to a fresh in-memory instance: DuckDB caches instances by
    path, so a plain connect() after an import replaced the file would return the old data."""
    db = Path(db)
    if read_only:
        if not db.exists():
            raise FileNotFoundError(f"Basis data {db} belum ada. Jalankan: python -m sakip_calc build")
        con = duckdb.connect(":memory:")
        jalur = str(db.resolve()).replace("'", "''")
        con.execute(f"ATTACH '{jalur}' AS sakip (READ_ONLY)")
        con.execute("USE sakip")
        return con
    db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db))
    pasang_skema(con)
    return con


@contextlib.contextmanager
def kunci_penulis(db: Path) -> Iterator[None]:
    """Hold an exclusive lock so that two importers run one after the other."""
    with open(f"{db}.lock", "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


@contextlib.contextmanager
def transaksi_tulis(db: str | Path = DB_BAWAAN) -> Iterator[duckdb.DuckDBPyConnection]:
    """Copy-on-write transaction: changes become visible only by an atomic rename at the end."""
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    with kunci_penulis(db):
        # holding the lock, any copy left here belongs to a writer that was killed
        for sisa in db.parent.glob(f"{db.name}.tmp*"):
            sisa.unlink(missing_ok=True)
        salinan = db.with_name(f"{db.name}.tmp{os.getpid()}")
        if db.exists():
            shutil.copy2(db, salinan)
        con = duckdb.connect(str(salinan))
        try:
            pasang_skema(con)
            con.execute("BEGIN TRANSACTION")
            yield con
            segarkan_agregat(con)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
            con.close()
            with open(salinan, "rb+") as f:
                os.fsync(f.fileno())
            titik_uji("ganti")
            os.replace(salinan, db)
            _fsync_folder(db.parent)
        except BaseException:
            with contextlib.suppress(Exception):
                con.close()
            salinan.unlink(missing_ok=True)
            Path(f"{salinan}.wal").unlink(missing_ok=True)
            raise


def versi_data(db: str | Path = DB_BAWAAN) -> str:
    """Changes whenever an import replaces the file: the key for every data cache."""
    st = Path(db).stat()
    return f"{st.st_ino}-{st.st_mtime_ns}-{st.st_size}"


# ---- writes -----------------------------------------------------------------------------

def _kunci_cocok(kunci: tuple[str, ...], kiri: str = "t", kanan: str = "b") -> str:
    return " AND ".join(f"{kiri}.{k} IS NOT DISTINCT FROM {kanan}.{k}" for k in kunci)


def _beda(kolom: list[str], kiri: str = "t", kanan: str = "b") -> str:
    return " OR ".join(f"{kiri}.{k} IS DISTINCT FROM {kanan}.{k}" for k in kolom) or "false"


# How each sheet's rows become rows of its table: natural keys resolved to surrogate ids.
_SELECT_BARU = {
    "instansi": "SELECT b.* FROM baru b",
    "skala_predikat": "SELECT b.* FROM baru b",
    "indikator": "SELECT i.id AS instansi_id, b.* EXCLUDE (instansi) FROM baru b JOIN instansi i ON i.kode = b.instansi",
    "capaian": (
        "SELECT d.id AS indikator_id, b.* EXCLUDE (instansi, indikator_kode) FROM baru b "
        "JOIN instansi i ON i.kode = b.instansi JOIN indikator d ON d.instansi_id = i.id AND d.kode = b.indikator_kode"
    ),
}
_SELECT_BARU_INSTANSI = "SELECT i.id AS instansi_id, b.* EXCLUDE (instansi) FROM baru b JOIN instansi i ON i.kode = b.instansi"
KUNCI_TABEL = {
    "instansi": ("kode",),
    "skala_predikat": ("nama", "kode"),
    "indikator": ("instansi_id", "kode"),
    "capaian": ("indikator_id", "tahun", "triwulan"),
    "anggaran": ("instansi_id", "tahun", "kode"),
    "anggaran_triwulan": ("instansi_id", "tahun", "kode", "triwulan"),
    "wilayah": ("instansi_id", "tahun", "kecamatan", "desa", "jenis"),
    "belanja": ("instansi_id", "tahun", "jenis_belanja"),
    "angka_laporan": ("instansi_id", "tahun", "sumber", "objek", "kode", "kecamatan", "besaran"),
}
_BERID = ("instansi", "indikator")


def tulis_tabel(con: duckdb.DuckDBPyConnection, tabel: str, baris: pd.DataFrame, impor_id: int | None = None) -> dict[str, int]:
    """Upsert rows by the table's natural key; rows not in `baris` stay. Returns the counts.
    With `impor_id` the rows it replaces and the keys it adds are kept for `batalkan_impor`."""
    if baris.empty:
        return {"baru": 0, "berubah": 0, "sama": 0}
    con.register("baru", baris)
    try:
        sql_baru = _SELECT_BARU.get(tabel, _SELECT_BARU_INSTANSI)
        con.execute(f"CREATE OR REPLACE TEMP TABLE masuk AS {sql_baru}")
    finally:
        con.unregister("baru")
    kunci = KUNCI_TABEL[tabel]
    kolom_tabel = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]
    kolom_masuk = [r[0] for r in con.execute("DESCRIBE masuk").fetchall()]
    isi = [k for k in kolom_masuk if k in kolom_tabel and k not in kunci and k != "id"]
    cocok = _kunci_cocok(kunci, "t", "m")
    baru, berubah = con.execute(
        f"""SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM {tabel} t WHERE {cocok})),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM {tabel} t WHERE {cocok} AND ({_beda(isi, 't', 'm')})))
              FROM masuk m"""
    ).fetchone()
    sama = len(baris) - baru - berubah
    if impor_id is not None:
        _simpan_riwayat(con, tabel, kunci, isi, impor_id)
        # the keys this import holds, for `hapus_usang` later in the same transaction
        con.execute(f"CREATE OR REPLACE TEMP TABLE kunci_{tabel} AS SELECT DISTINCT {', '.join(kunci)} FROM masuk")
    if tabel in _BERID:
        if isi:
            con.execute(
                f"UPDATE {tabel} t SET {', '.join(f'{k} = m.{k}' for k in isi)} FROM masuk m "
                f"WHERE {cocok} AND ({_beda(isi, 't', 'm')})"
            )
        kolom = ", ".join(kunci + tuple(isi))
        con.execute(
            f"INSERT INTO {tabel} (id, {kolom}) SELECT (SELECT coalesce(max(id), 0) FROM {tabel}) + row_number() OVER (), "
            f"{', '.join('m.' + k for k in kunci + tuple(isi))} FROM masuk m "
            f"WHERE NOT EXISTS (SELECT 1 FROM {tabel} t WHERE {cocok})"
        )
    else:
        con.execute(f"DELETE FROM {tabel} t WHERE EXISTS (SELECT 1 FROM masuk m WHERE {cocok})")
        kolom = ", ".join(kunci + tuple(isi))
        con.execute(f"INSERT INTO {tabel} ({kolom}) SELECT {kolom} FROM masuk")
    con.execute("DROP TABLE masuk")
    return {"baru": int(baru), "berubah": int(berubah), "sama": int(sama)}


def catat_impor(con: duckdb.DuckDBPyConnection, nama_file: str, sha256: str, status: str,
                jumlah: dict[str, int], pesan: str, nomor: int | None = None) -> int:
    nomor = nomor or nomor_impor_berikut(con)
    con.execute(
        "INSERT INTO impor VALUES (?, current_localtimestamp(), ?, ?, ?, ?, ?, ?, ?)",
        [nomor, nama_file, sha256, status, jumlah.get("baru", 0), jumlah.get("berubah", 0), jumlah.get("sama", 0), pesan],
    )
    return nomor


# ---- import history and undo ------------------------------------------------------------
# Every import keeps, in riwayat_<tabel>, the old version of each row it changed ('ubah') or
# removed ('hapus', only a refresh of shipped data removes rows) and the natural key of each row
# it added ('tambah'), written in the import's own transaction.
# This grows with what imports change, not with the database (a copy of the file per import
# would), and undoing the latest import restores exactly those rows.

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


def _simpan_riwayat(con, tabel: str, kunci: tuple[str, ...], isi: list[str], impor_id: int) -> None:
    """Before an upsert from temp table `masuk`: old rows it will change, keys it will add."""
    kolom = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]
    cocok = _kunci_cocok(kunci, "t", "m")
    con.execute(
        f"INSERT INTO riwayat_{tabel} (impor_id, aksi, {', '.join(kolom)}) "
        f"SELECT ?, 'ubah', {', '.join('t.' + k for k in kolom)} FROM {tabel} t "
        f"WHERE EXISTS (SELECT 1 FROM masuk m WHERE {cocok} AND ({_beda(isi, 't', 'm')}))", [impor_id])
    con.execute(
        f"INSERT INTO riwayat_{tabel} (impor_id, aksi, {', '.join(kunci)}) "
        f"SELECT ?, 'tambah', {', '.join('m.' + k for k in kunci)} FROM masuk m "
        f"WHERE NOT EXISTS (SELECT 1 FROM {tabel} t WHERE {cocok})", [impor_id])


def nomor_impor_berikut(con) -> int:
    return con.execute("SELECT coalesce(max(id), 0) + 1 FROM impor").fetchall()[0][0]


def impor_terakhir(con) -> dict | None:
    """The import an undo would reverse: the latest one still in effect, with `ada_riwayat`
    False when it was made before history was kept (it cannot be undone)."""
    baris = kursor(con).execute("SELECT * FROM impor WHERE status = 'berhasil' ORDER BY id DESC LIMIT 1").df()
    if baris.empty:
        return None
    hasil = baris.iloc[0].to_dict()
    ada = [t for t in TABEL_DATA if _ada_tabel(con, f"riwayat_{t}")]
    hasil["ada_riwayat"] = bool(ada) and bool(kursor(con).execute(
        " UNION ALL ".join(f"SELECT 1 FROM riwayat_{t} WHERE impor_id = ?" for t in ada) + " LIMIT 1",
        [int(hasil["id"])] * len(ada)).fetchall())
    return hasil


def _ada_tabel(con, nama: str) -> bool:
    return bool(kursor(con).execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                                    "AND table_name = ?", [nama]).fetchall()[0][0])


def batalkan_impor(con: duckdb.DuckDBPyConnection, impor_id: int) -> dict[str, dict[str, int]]:
    """Put back the rows import `impor_id` replaced and remove the rows it added, children first.
    Correct for the latest import in effect (later ones undone first). Returns counts per table."""
    hasil = {}
    for tabel in reversed(TABEL_DATA):
        kunci = KUNCI_TABEL[tabel]
        kolom = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]
        cocok = _kunci_cocok(kunci, "t", "r")
        tambah, ubah, hapus = con.execute(
            f"SELECT count(*) FILTER (WHERE aksi = 'tambah'), count(*) FILTER (WHERE aksi = 'ubah'), "
            f"count(*) FILTER (WHERE aksi = 'hapus') FROM riwayat_{tabel} WHERE impor_id = ?", [impor_id]).fetchall()[0]
        if not tambah + ubah + hapus:
            continue
        kembali = f"INSERT INTO {tabel} ({', '.join(kolom)}) SELECT {', '.join(kolom)} FROM riwayat_{tabel} WHERE impor_id = ? AND aksi IN "
        if tabel in _BERID:
            con.execute(f"DELETE FROM {tabel} t WHERE EXISTS (SELECT 1 FROM riwayat_{tabel} r "
                        f"WHERE r.impor_id = ? AND r.aksi = 'tambah' AND {cocok})", [impor_id])
            isi = [k for k in kolom if k not in kunci and k != "id"]
            con.execute(f"UPDATE {tabel} t SET {', '.join(f'{k} = r.{k}' for k in isi)} FROM riwayat_{tabel} r "
                        f"WHERE r.impor_id = ? AND r.aksi = 'ubah' AND t.id = r.id", [impor_id])
            con.execute(kembali + "('hapus')", [impor_id])   # with their old ids, which children still name
        else:
            con.execute(f"DELETE FROM {tabel} t WHERE EXISTS (SELECT 1 FROM riwayat_{tabel} r "
                        f"WHERE r.impor_id = ? AND {cocok})", [impor_id])
            con.execute(kembali + "('ubah', 'hapus')", [impor_id])
        hasil[tabel] = {"dihapus": int(tambah), "dipulihkan": int(ubah + hapus)}
    con.execute("UPDATE impor SET status = 'dibatalkan' WHERE id = ?", [impor_id])
    return hasil


def hapus_usang(con: duckdb.DuckDBPyConnection, impor_id: int, asal: list[int]) -> dict[str, int]:
    """After import `impor_id` wrote its rows: remove the rows that the earlier imports `asal`
    added and that this import no longer holds (a refreshed shipped workbook replaces what its
    earlier versions brought, and nothing else). Removed rows go to the history for undo."""
    hasil = {}
    if not asal:
        return hasil
    daftar = ", ".join(str(int(a)) for a in asal)
    for tabel in reversed(TABEL_DATA):
        kunci = KUNCI_TABEL[tabel]
        dari_asal = (f"EXISTS (SELECT 1 FROM riwayat_{tabel} r WHERE r.impor_id IN ({daftar}) AND r.aksi = 'tambah' "
                     f"AND {_kunci_cocok(kunci, 't', 'r')})")
        masih = (f" AND NOT EXISTS (SELECT 1 FROM kunci_{tabel} k WHERE {_kunci_cocok(kunci, 't', 'k')})"
                 if _ada_tabel_sementara(con, f"kunci_{tabel}") else "")
        kolom = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]
        n = con.execute(f"INSERT INTO riwayat_{tabel} (impor_id, aksi, {', '.join(kolom)}) SELECT ?, 'hapus', "
                        f"{', '.join('t.' + k for k in kolom)} FROM {tabel} t WHERE {dari_asal}{masih}", [impor_id]).fetchall()[0][0]
        if n:
            con.execute(f"DELETE FROM {tabel} t WHERE {dari_asal}{masih}")
            hasil[tabel] = int(n)
    return hasil


def _ada_tabel_sementara(con, nama: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [nama]).fetchall()[0][0])


def impor_berkas_bawaan(con, nama_file: tuple[str, ...]) -> tuple[list[int], str | None]:
    """The imports of a shipped workbook still in effect (under any of its recorded names), and
    the sha256 of the latest load: whether the file changed since. An undone load counts as
    seen, so that the next `build` does not bring back what the user undid."""
    baris = kursor(con).execute(
        f"SELECT id, sha256, status FROM impor WHERE nama_file IN ({', '.join('?' * len(nama_file))}) "
        "AND status IN ('berhasil', 'tanpa perubahan', 'dibatalkan') ORDER BY id", list(nama_file)).fetchall()
    return [r[0] for r in baris if r[2] == "berhasil"], (baris[-1][1] if baris else None)


def titik_uji(nama: str) -> None:
    """Crash-test hook, inert in normal runs. With SAKIP_TITIK_UJI=<nama>[:<detik>] the process
    prints 'TITIK-UJI <nama>' on stderr and waits there (10 minutes unless given) so that a test
    can kill it, or read the database, at exactly this point of an import."""
    titik, _, detik = os.environ.get("SAKIP_TITIK_UJI", "").partition(":")
    if titik == nama:
        print(f"TITIK-UJI {nama}", file=sys.stderr, flush=True)
        time.sleep(float(detik or 600))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after os.replace keeps the new file)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---- reads ------------------------------------------------------------------------------

def kursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor for one thread or one query; it sees the same database as `con`."""
    cur = con.cursor()
    if cur.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'sakip'").fetchone()[0]:
        cur.execute("USE sakip")
    return cur


def _df(con: duckdb.DuckDBPyConnection, sql: str, param: list | None = None) -> pd.DataFrame:
    return kursor(con).execute(sql, param or []).df()


def instansi(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM instansi ORDER BY nama")


def kode_instansi_dikenal(con) -> set[str]:
    return set(instansi(con)["kode"])


def skala_predikat(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM skala_predikat ORDER BY nama, urutan")


def tahun_data(con, instansi_id: int | None = None) -> pd.DataFrame:
    """Years present per agency, per table (the placeholder app and the sidebar use it)."""
    sql = """
        SELECT instansi_id, tahun, 'capaian' AS tabel, count(*) AS baris
          FROM capaian c JOIN indikator d ON d.id = c.indikator_id GROUP BY ALL
        UNION ALL SELECT instansi_id, tahun, 'anggaran', count(*) FROM anggaran GROUP BY ALL
        UNION ALL SELECT instansi_id, tahun, 'wilayah', count(*) FROM wilayah GROUP BY ALL
    """
    df = _df(con, f"SELECT * FROM ({sql}) WHERE ? IS NULL OR instansi_id = ? ORDER BY instansi_id, tahun, tabel",
             [instansi_id, instansi_id])
    return df


def indikator_capaian(con, instansi_id: int | None = None) -> pd.DataFrame:
    """Every indicator with its yearly and quarterly values, one row per (indikator, tahun, triwulan)."""
    return _df(con, """
        SELECT i.kode AS instansi, d.instansi_id, d.id AS indikator_id, d.kode, d.nama, d.tingkat, d.sasaran,
               d.program_kode, d.satuan, d.polaritas, d.kondisi_awal, d.target_akhir, d.periode_awal,
               d.periode_akhir, d.agregasi_triwulan, d.nama_pembilang, d.nama_penyebut, d.urutan,
               c.tahun, c.triwulan, c.target, c.target_atas, c.realisasi, c.capaian_dilaporkan,
               c.pembilang, c.penyebut, c.sumber, c.catatan
          FROM indikator d JOIN instansi i ON i.id = d.instansi_id
          LEFT JOIN capaian c ON c.indikator_id = d.id
         WHERE ? IS NULL OR d.instansi_id = ?
         ORDER BY d.instansi_id, d.urutan, d.kode, c.tahun, c.triwulan NULLS FIRST
    """, [instansi_id, instansi_id])


def anggaran(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(con, """
        SELECT i.kode AS instansi, a.* FROM anggaran a JOIN instansi i ON i.id = a.instansi_id
         WHERE (? IS NULL OR a.instansi_id = ?) AND (? IS NULL OR a.tahun = ?)
         ORDER BY a.instansi_id, a.tahun, a.urutan, a.kode
    """, [instansi_id, instansi_id, tahun, tahun])


def anggaran_triwulan(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(con, """
        SELECT t.*, a.tingkat, a.nama, a.pagu FROM anggaran_triwulan t
          JOIN anggaran a USING (instansi_id, tahun, kode)
         WHERE (? IS NULL OR t.instansi_id = ?) AND (? IS NULL OR t.tahun = ?)
         ORDER BY t.instansi_id, t.tahun, t.kode, t.triwulan
    """, [instansi_id, instansi_id, tahun, tahun])


def wilayah(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(con, """
        SELECT i.kode AS instansi, w.*, j.nama AS nama_jenis, j.kelompok, j.satuan
          FROM wilayah w JOIN instansi i ON i.id = w.instansi_id LEFT JOIN jenis_wilayah j ON j.kode = w.jenis
         WHERE (? IS NULL OR w.instansi_id = ?) AND (? IS NULL OR w.tahun = ?)
         ORDER BY w.instansi_id, w.tahun, w.jenis, w.kecamatan NULLS FIRST, w.desa NULLS FIRST
    """, [instansi_id, instansi_id, tahun, tahun])


def belanja(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(con, """
        SELECT i.kode AS instansi, b.* FROM belanja b JOIN instansi i ON i.id = b.instansi_id
         WHERE (? IS NULL OR b.instansi_id = ?) AND (? IS NULL OR b.tahun = ?)
         ORDER BY b.instansi_id, b.tahun, b.realisasi DESC
    """, [instansi_id, instansi_id, tahun, tahun])


def angka_laporan(con, instansi_id: int | None = None) -> pd.DataFrame:
    return _df(con, """
        SELECT i.kode AS instansi, a.* FROM angka_laporan a JOIN instansi i ON i.id = a.instansi_id
         WHERE ? IS NULL OR a.instansi_id = ?
         ORDER BY a.instansi_id, a.tahun, a.objek, a.kode, a.besaran, a.sumber
    """, [instansi_id, instansi_id])


def alias_kecamatan(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM kecamatan_alias ORDER BY kabupaten, kecamatan")


def kunci_indikator(con) -> pd.DataFrame:
    return _df(con, "SELECT i.kode AS instansi, d.kode FROM indikator d JOIN instansi i ON i.id = d.instansi_id")


def kunci_anggaran(con) -> pd.DataFrame:
    return _df(con, "SELECT i.kode AS instansi, a.tahun, a.kode, a.tingkat FROM anggaran a JOIN instansi i ON i.id = a.instansi_id")


def riwayat_impor(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM impor ORDER BY id DESC")


def isi_semua_tabel(con) -> dict[str, list[tuple]]:
    """Every data table's rows, sorted: what 'the database did not change' is compared on."""
    hasil = {}
    for tabel in TABEL_DATA:
        rows = con.execute(f"SELECT * FROM {tabel}").fetchall()
        hasil[tabel] = sorted(rows, key=repr)
    return hasil


# =========================================================================================
# ---- scale: synthetic data, bulk loads, cross-agency comparison (issue 5) ----------------
# Everything below serves many agencies at once. Reads aggregate inside DuckDB and return at
# most one row per agency (or per provinsi); nothing here pulls a whole table into pandas.
# =========================================================================================

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
    return con.execute("SELECT (SELECT coalesce(max(id), 0) FROM instansi), (SELECT coalesce(max(id), 0) FROM indikator)").fetchall()[0]


def hapus_instansi_berawalan(con: duckdb.DuckDBPyConnection, awalan: str) -> int:
    """Delete the agencies whose kode starts with `awalan`, with all their rows and kecamatan lists."""
    con.execute("CREATE OR REPLACE TEMP TABLE dihapus AS SELECT id, kabupaten FROM instansi WHERE starts_with(kode, ?)", [awalan])
    (n,) = con.execute("SELECT count(*) FROM dihapus").fetchall()[0]
    if n:
        con.execute("DELETE FROM capaian WHERE indikator_id IN (SELECT d.id FROM indikator d JOIN dihapus h ON h.id = d.instansi_id)")
        for tabel in ("indikator", "anggaran_triwulan", "anggaran", "wilayah", "belanja", "angka_laporan"):
            con.execute(f"DELETE FROM {tabel} WHERE instansi_id IN (SELECT id FROM dihapus)")
        con.execute("DELETE FROM kecamatan_alias WHERE kabupaten IN (SELECT kabupaten FROM dihapus)")
        con.execute("DELETE FROM instansi WHERE id IN (SELECT id FROM dihapus)")
    con.execute("DROP TABLE dihapus")
    return int(n)


# ---- derived tables: per indicator-year and per agency-year, refreshed by every write ------
# Indicators of different agencies are "the same" when their names are equal once lower-cased
# and stripped of punctuation and repeated spaces. Codes are not used: each agency numbers its
# own indicators (SS-01 is a different indicator in Tegal and in Tanjung Jabung Barat).
SQL_KUNCI_INDIKATOR = "trim(regexp_replace(lower(d.nama), '[^a-z0-9]+', ' ', 'g'))"

# skor.tabel_capaian in SQL: every annual row with its uncapped capaian, the realisasi taken from
# the quarters (skor.gabung_triwulan) when the year has none of its own.
_SQL_AGREGAT_CAPAIAN = f"""
WITH tw AS (
    SELECT c.indikator_id, c.tahun,
           CASE any_value(d.agregasi_triwulan) WHEN 'jumlah' THEN sum(c.realisasi)
                WHEN 'rata' THEN avg(c.realisasi) ELSE arg_max(c.realisasi, c.triwulan) END AS realisasi
      FROM capaian c JOIN indikator d ON d.id = c.indikator_id
     WHERE c.triwulan IS NOT NULL AND c.realisasi IS NOT NULL
     GROUP BY c.indikator_id, c.tahun
), nilai AS (
    SELECT d.instansi_id, d.id AS indikator_id, c.tahun, d.tingkat, d.polaritas, {SQL_KUNCI_INDIKATOR} AS kunci,
           d.nama, d.satuan, c.target, c.target_atas, coalesce(c.realisasi, tw.realisasi) AS realisasi
      FROM capaian c JOIN indikator d ON d.id = c.indikator_id
      LEFT JOIN tw ON tw.indikator_id = c.indikator_id AND tw.tahun = c.tahun
     WHERE c.triwulan IS NULL
)
SELECT instansi_id, indikator_id, tahun, tingkat, kunci, nama, satuan, target, realisasi, CASE  -- skor.capaian
    WHEN target IS NULL OR realisasi IS NULL THEN NULL
    WHEN target_atas IS NOT NULL THEN CASE
        WHEN realisasi BETWEEN target AND target_atas THEN 100.0
        WHEN realisasi < target THEN CASE WHEN target = 0 THEN NULL ELSE realisasi / target * 100 END
        ELSE CASE WHEN target_atas = 0 THEN NULL ELSE (target_atas - (realisasi - target_atas)) / target_atas * 100 END END
    WHEN target = 0 THEN NULL
    WHEN polaritas = 'turun' THEN (target - (realisasi - target)) / target * 100
    ELSE realisasi / target * 100 END AS capaian
  FROM nilai
"""
# anggaran.total_instansi in SQL: the sum of the programs, a program's children standing in for
# a pagu or realisasi it does not state.
_SQL_AGREGAT_ANGGARAN = """
WITH anak AS (
    SELECT instansi_id, tahun, induk_kode AS kode, sum(pagu) AS pagu, sum(realisasi) AS realisasi
      FROM anggaran WHERE induk_kode IS NOT NULL GROUP BY ALL
)
SELECT p.instansi_id, p.tahun, sum(coalesce(p.pagu, k.pagu)) AS pagu, sum(coalesce(p.realisasi, k.realisasi)) AS realisasi,
       count(*) AS jumlah_program
  FROM anggaran p LEFT JOIN anak k ON k.instansi_id = p.instansi_id AND k.tahun = p.tahun AND k.kode = p.kode
 WHERE p.tingkat = 'program' GROUP BY p.instansi_id, p.tahun
"""
AGREGAT = {"agregat_capaian": _SQL_AGREGAT_CAPAIAN, "agregat_anggaran": _SQL_AGREGAT_ANGGARAN}


def segarkan_agregat(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the derived tables from the data tables, inside the caller's write transaction.
    Sorted by year: the comparison pages read one year of every agency."""
    for tabel, sql in AGREGAT.items():
        con.execute(f"CREATE OR REPLACE TABLE {tabel} AS SELECT * FROM ({sql}) ORDER BY tahun, instansi_id")


def _relasi_agregat(con) -> dict[str, str]:
    """Each derived table by name, or its query when the file predates it (written before this
    version): old files stay readable, only slower."""
    ada = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
    return {t: t if t in ada else f"({sql})" for t, sql in AGREGAT.items()}


# ---- cross-agency comparison: one row per agency (or provinsi) for one year ----------------
# Parameters: tahun, provinsi (NULL = all), batas_instansi (each agency's own cap), batas (one
# cap for all, NULL = none), kunci (the indicator to compare), skala (the predikat scale).
_SQL_PER_INSTANSI = """
WITH ins AS (
    SELECT id, kode, nama, kabupaten, provinsi, CASE WHEN $batas_instansi THEN batas_capaian ELSE $batas END AS batas
      FROM instansi WHERE $provinsi IS NULL OR provinsi = $provinsi
), skor AS (
    SELECT a.*, CASE WHEN ins.batas IS NULL OR a.capaian IS NULL THEN a.capaian ELSE least(a.capaian, ins.batas) END AS skor
      FROM {agregat_capaian} a JOIN ins ON ins.id = a.instansi_id WHERE a.tahun = $tahun
), kinerja AS (   -- skor.rata_rata_instansi: the IKU (sasaran), else the program indicators
    SELECT instansi_id,
           coalesce(avg(skor) FILTER (WHERE tingkat = 'sasaran'), avg(skor) FILTER (WHERE tingkat = 'program')) AS capaian,
           count(*) AS jumlah_indikator, count(skor) FILTER (WHERE skor < 100) AS di_bawah_target,
           avg(skor) FILTER (WHERE kunci = $kunci) AS skor_indikator,
           count(*) FILTER (WHERE kunci = $kunci) AS jumlah_indikator_terpilih,
           any_value(target) FILTER (WHERE kunci = $kunci) AS target_indikator,
           any_value(realisasi) FILTER (WHERE kunci = $kunci) AS realisasi_indikator
      FROM skor GROUP BY instansi_id
), per_instansi AS (
    SELECT ins.id AS instansi_id, ins.kode, ins.nama, ins.kabupaten, ins.provinsi,
           k.capaian, k.jumlah_indikator, k.di_bawah_target, k.skor_indikator, k.jumlah_indikator_terpilih,
           k.target_indikator, k.realisasi_indikator, u.pagu, u.realisasi,
           CASE WHEN u.pagu <> 0 THEN u.realisasi / u.pagu * 100 END AS serapan
      FROM ins LEFT JOIN kinerja k ON k.instansi_id = ins.id
      LEFT JOIN (SELECT * FROM {agregat_anggaran} WHERE tahun = $tahun) u ON u.instansi_id = ins.id
     WHERE k.instansi_id IS NOT NULL OR u.instansi_id IS NOT NULL
)
"""


def _sql_predikat(tabel: str, kolom: str) -> str:
    """skor.predikat in SQL: the first band of scale $skala from the top that holds `kolom`,
    else the lowest band."""
    return f"""
    SELECT t.*, p.label AS predikat, p.warna FROM {tabel} t LEFT JOIN LATERAL (
        SELECT label, warna FROM skala_predikat s
         WHERE s.nama = $skala AND t.{kolom} IS NOT NULL
           AND (s.batas_bawah IS NULL OR t.{kolom} > s.batas_bawah OR (s.inklusif AND t.{kolom} = s.batas_bawah)
                OR s.urutan = (SELECT max(urutan) FROM skala_predikat WHERE nama = $skala))
         ORDER BY s.urutan LIMIT 1) p ON true"""


def _param_banding(tahun: int, provinsi: str | None, batas, skala: str, kunci: str | None, batas_instansi: bool) -> dict:
    return {"tahun": tahun, "provinsi": provinsi, "batas_instansi": batas_instansi,
            "batas": None if batas_instansi else batas, "skala": skala, "kunci": kunci}


def banding_instansi(con, tahun: int, provinsi: str | None = None, batas=None, skala: str = "permendagri86",
                     kunci: str | None = None, batas_instansi: bool = False) -> pd.DataFrame:
    """Per agency in `tahun`: mean score (IKU) and its predikat on `skala`, the score of indicator
    `kunci`, pagu, realisasi, serapan and efisiensi (capaian − serapan, Tabel 3.10)."""
    cur = kursor(con)
    sql = f"""{_SQL_PER_INSTANSI.format(**_relasi_agregat(cur))}, dinilai AS ({_sql_predikat('per_instansi', 'capaian')})
        SELECT *, capaian - serapan AS efisiensi FROM dinilai ORDER BY capaian DESC NULLS LAST, nama"""
    return cur.execute(sql, _param_banding(tahun, provinsi, batas, skala, kunci, batas_instansi)).df()


def banding_provinsi(con, tahun: int, batas=None, skala: str = "permendagri86", kunci: str | None = None,
                     batas_instansi: bool = False) -> pd.DataFrame:
    """Per provinsi: agencies, the mean of their scores and its predikat, pagu and realisasi summed
    over the agencies reporting both, the serapan of those sums, efisiensi, the mean score of `kunci`."""
    cur = kursor(con)
    sql = f"""{_SQL_PER_INSTANSI.format(**_relasi_agregat(cur))}, provinsi AS (
        SELECT provinsi, count(*) AS jumlah_instansi, count(capaian) AS instansi_berkinerja,
               avg(capaian) AS capaian, avg(skor_indikator) AS skor_indikator,
               count(skor_indikator) AS instansi_berindikator,
               sum(pagu) FILTER (WHERE realisasi IS NOT NULL) AS pagu,
               sum(realisasi) FILTER (WHERE pagu IS NOT NULL) AS realisasi
          FROM per_instansi GROUP BY provinsi
    ), dinilai AS ({_sql_predikat('provinsi', 'capaian')})
    SELECT *, CASE WHEN pagu <> 0 THEN realisasi / pagu * 100 END AS serapan,
           capaian - CASE WHEN pagu <> 0 THEN realisasi / pagu * 100 END AS efisiensi
      FROM dinilai ORDER BY capaian DESC NULLS LAST, provinsi"""
    return cur.execute(sql, _param_banding(tahun, None, batas, skala, kunci, batas_instansi)).df()


def indikator_bersama(con, tahun: int, provinsi: str | None = None, instansi_id: int | None = None) -> pd.DataFrame:
    """Indicators with an annual row in `tahun`, grouped by the matching rule: the key, the most
    common spelling and unit, how many agencies report it, whether agency `instansi_id` does."""
    cur = kursor(con)
    return cur.execute(f"""
        SELECT a.kunci, mode(a.nama) AS nama, mode(a.satuan) AS satuan, count(DISTINCT a.instansi_id) AS jumlah_instansi,
               coalesce(bool_or(a.instansi_id = $instansi_id), false) AS milik_instansi
          FROM {_relasi_agregat(cur)["agregat_capaian"]} a JOIN instansi i ON i.id = a.instansi_id
         WHERE a.tahun = $tahun AND ($provinsi IS NULL OR i.provinsi = $provinsi)
         GROUP BY a.kunci ORDER BY jumlah_instansi DESC, nama
    """, {"tahun": tahun, "provinsi": provinsi, "instansi_id": instansi_id}).df()


def daftar_provinsi(con) -> list[str]:
    return [r[0] for r in kursor(con).execute("SELECT DISTINCT provinsi FROM instansi ORDER BY provinsi").fetchall()]


def tahun_semua(con) -> list[int]:
    """Years with indicator or budget rows in any agency, newest first."""
    cur = kursor(con)
    rel = _relasi_agregat(cur)
    return [r[0] for r in cur.execute(
        f"SELECT tahun FROM {rel['agregat_capaian']} UNION SELECT tahun FROM {rel['agregat_anggaran']} ORDER BY tahun DESC").fetchall()]


# ---- bulk loads: one CSV or Parquet file per table, validated in SQL, all or nothing --------
# sakip_calc.bulk decides which file is which table and passes each column's rule (the
# workbook format's own, spesifikasi.py); the typing, every check and the writes run here, as
# set-based SQL over DuckDB's readers, whatever the number of rows. Typed rows live in temp
# tables `massal_<tabel>`; problems collect in temp table `masalah_massal`.

class KolomMassal(NamedTuple):
    nama: str
    jenis: str                     # 'teks' | 'angka' | 'bulat'
    label: str                     # what a whole number is called in a message: tahun, triwulan, jumlah
    wajib: bool
    pilihan: tuple[str, ...]
    minimum: float | None
    maksimum: float | None
    sumber: str | None             # the file's column (None: the file lacks it)
    sumber_angka: bool             # the file already stores it as a number (Parquet)


def _q(teks: str) -> str:
    return "'" + str(teks).replace("'", "''") + "'"


def _id(nama: str) -> str:
    return '"' + nama.replace('"', '""') + '"'


def mulai_massal(con: duckdb.DuckDBPyConnection) -> None:
    mulai_muat_massal(con)
    con.execute("CREATE OR REPLACE TEMP TABLE masalah_massal (berkas VARCHAR, baris BIGINT, kolom VARCHAR, pesan VARCHAR)")


def baca_massal(con: duckdb.DuckDBPyConnection, jalur: Path, mentah: str) -> tuple[str, str, list[tuple[str, str]]]:
    """How to read one file: (relation, its row-number expression, [(column, type)]). A Parquet
    file is read in place (record numbers from 1); a CSV file is loaded into temp table `mentah`
    in file order, every value as text so that a bad cell is a message, not a failed read, and
    numbered as a spreadsheet would (the header is row 1)."""
    if jalur.suffix.lower() == ".parquet":
        relasi, nomor = f"read_parquet({_q(jalur)}, file_row_number = true)", "file_row_number + 1"
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {mentah} AS SELECT * FROM read_csv({_q(jalur)}, header = true, all_varchar = true)")
        # rowids count on from the table's first row (inside a transaction they start at 2**55)
        (nol,) = con.execute(f"SELECT coalesce(min(rowid), 0) FROM {mentah}").fetchall()[0]
        relasi, nomor = mentah, f"rowid - {nol} + 2"
    kolom = [(r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {relasi}").fetchall() if r[0] != "file_row_number"]
    return relasi, nomor, kolom


def _sql_kolom(k: KolomMassal, placeholder: tuple[str, ...]) -> tuple[str, list[tuple[str, str]]]:
    """(typed value, [(problem condition, message)]) for one column. Only functions DuckDB runs
    on a Parquet dictionary once per distinct value (trim, lower, casts): millions of rows."""
    if k.sumber is None:
        return ("NULL::VARCHAR" if k.jenis == "teks" else "NULL::DOUBLE"), []
    teks = f"nullif(trim(CAST({_id(k.sumber)} AS VARCHAR)), '')"
    masalah = []
    if k.jenis == "teks":
        nilai = teks
        if k.pilihan:
            nilai = f"CASE lower({teks}) {' '.join(f'WHEN {_q(p.lower())} THEN {_q(p)}' for p in k.pilihan)} END"
            masalah.append((f"{teks} IS NOT NULL AND {nilai} IS NULL",
                            f"'nilai ''' || {teks} || ''' tidak dikenal; pilihan: {', '.join(k.pilihan)}.'"))
        if k.wajib:
            masalah.append((f"{teks} IS NULL", "'wajib diisi'"))
        return nilai, masalah
    if k.sumber_angka:
        angka = f"CAST({_id(k.sumber)} AS DOUBLE)"
        kosong = f"{angka} IS NULL"
    else:
        kosong = f"({teks} IS NULL OR lower({teks}) IN ({', '.join(_q(p) for p in placeholder)}) OR ltrim({teks}, '#') = '')"
        angka = f"CASE WHEN {kosong} THEN NULL ELSE TRY_CAST({teks} AS DOUBLE) END"
        masalah.append((f"NOT {kosong} AND TRY_CAST({teks} AS DOUBLE) IS NULL",
                        f"'''' || {teks} || ''' bukan angka (berkas massal: titik desimal, tanpa pemisah ribuan)'"))
    salah = []
    if k.jenis == "bulat":
        salah.append(f"{angka} <> round({angka})")
        masalah.append((salah[-1], f"'{k.label} harus bilangan bulat, bukan ' || printf('%g', {angka})"))
    if k.minimum is not None or k.maksimum is not None:
        syarat = " OR ".join(s for s in (f"{angka} < {k.minimum}" if k.minimum is not None else "",
                                         f"{angka} > {k.maksimum}" if k.maksimum is not None else "") if s)
        rentang = f"{k.minimum:g}" + (f" sampai {k.maksimum:g}" if k.maksimum is not None else " atau lebih")
        salah.append(f"({syarat})")
        bulat = f"{angka} = round({angka}) AND " if k.jenis == "bulat" else ""   # a fraction is reported once
        masalah.append((f"{bulat}({syarat})", f"'nilai ' || printf('%g', {angka}) || ' di luar rentang yang sah ({rentang})'"))
    if k.wajib:
        masalah.append((kosong, "'wajib diisi'"))
    nilai = f"CASE WHEN {' OR '.join(salah)} THEN NULL ELSE {angka} END" if salah else angka
    if k.label in ("tahun", "triwulan"):
        nilai = f"CAST({nilai} AS INTEGER)"
    return nilai, masalah


def ketik_massal(con: duckdb.DuckDBPyConnection, berkas: str, relasi: str, nomor: str, tujuan: str,
                 kolom: list[KolomMassal], placeholder: tuple[str, ...]) -> None:
    """Typed rows of file `berkas` into temp table `tujuan` (with nomor_baris), every cell problem
    into masalah_massal. An invalid cell becomes NULL, as in the workbook import."""
    sql = {k.nama: _sql_kolom(k, placeholder) for k in kolom}
    cek = [(n, syarat, pesan) for n, (_, ms) in sql.items() for syarat, pesan in ms]
    if cek:
        # messages are built only for the rows that have a problem
        daftar = ", ".join(f"CASE WHEN {syarat} THEN {{'kolom': {_q(n)}, 'pesan': {pesan}}} END" for n, syarat, pesan in cek)
        con.execute(f"""
            INSERT INTO masalah_massal
            SELECT {_q(berkas)}, baris, m.kolom, m.pesan FROM (
                SELECT {nomor} AS baris, unnest(list_filter([{daftar}], lambda x: x IS NOT NULL)) AS m FROM {relasi}
                 WHERE {' OR '.join(f'coalesce({syarat}, false)' for _, syarat, _ in cek)})""")
    pilih = ", ".join(f"{nilai} AS {_id(n)}" for n, (nilai, _) in sql.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {tujuan} AS SELECT {nomor} AS nomor_baris, {pilih} FROM {relasi}")
    if not relasi.startswith("read_"):
        con.execute(f"DROP TABLE {relasi}")


def masalah_massal(con: duckdb.DuckDBPyConnection, berkas: str, baris: int | None, kolom: str | None, pesan: str) -> None:
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
                  FROM {tabel} t JOIN (SELECT {", ".join(map(_id, kunci))} FROM {tabel} GROUP BY ALL HAVING count(*) > 1) g ON {cocok}
                WINDOW w AS (PARTITION BY {", ".join("t." + _id(k) for k in kunci)} ORDER BY t.nomor_baris))
         WHERE ke > 1""")


def cek_rujukan_massal(con, berkas: dict[str, str], skala_bawaan: tuple[str, ...]) -> None:
    """Cross-file and file-to-database references, as the workbook import checks them: agencies,
    predikat scales, Renstra periods, indicator codes, budget parents, quarters' budget lines,
    kecamatan names (through the alias lists). `berkas`: table -> file name shown in messages."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE ref_instansi AS
        SELECT kode, kabupaten FROM instansi WHERE kode NOT IN (SELECT kode FROM {'massal_instansi' if 'instansi' in berkas else '(SELECT NULL AS kode)'}
                                                                WHERE kode IS NOT NULL)
        {'UNION ALL SELECT kode, kabupaten FROM massal_instansi WHERE kode IS NOT NULL' if 'instansi' in berkas else ''}""")
    for tabel, nama in berkas.items():
        if tabel in ("instansi", "skala_predikat", "kecamatan_alias"):
            continue
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(nama)}, nomor_baris, 'instansi', 'instansi ''' || t.instansi || ''' tidak ada di berkas instansi maupun di basis data.'
              FROM massal_{tabel} t WHERE t.instansi IS NOT NULL AND t.instansi NOT IN (SELECT kode FROM ref_instansi)""")
    if "instansi" in berkas:
        skala = " UNION ".join(["SELECT nama FROM skala_predikat", *(f"SELECT {_q(s)}" for s in skala_bawaan)]
                               + (["SELECT nama FROM massal_skala_predikat WHERE nama IS NOT NULL"] if "skala_predikat" in berkas else []))
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas['instansi'])}, nomor_baris, 'skala_predikat',
                   'skala ''' || skala_predikat || ''' tidak dikenal; skala: ' || (SELECT string_agg(nama, ', ' ORDER BY nama) FROM ({skala})) || '.'
              FROM massal_instansi WHERE skala_predikat IS NOT NULL AND skala_predikat NOT IN ({skala})""")
    if "indikator" in berkas:
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas['indikator'])}, nomor_baris, 'periode_akhir',
                   'periode_akhir ' || periode_akhir || ' sebelum periode_awal ' || periode_awal
              FROM massal_indikator WHERE periode_awal > periode_akhir""")
    if "capaian" in berkas:
        file_ind = "UNION SELECT instansi, kode FROM massal_indikator" if "indikator" in berkas else ""
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas['capaian'])}, c.nomor_baris, 'indikator_kode', 'kode indikator ''' || c.indikator_kode ||
                   ''' tidak ada di berkas indikator maupun di basis data untuk ' || c.instansi || '.'
              FROM massal_capaian c
             WHERE c.indikator_kode IS NOT NULL AND c.instansi IN (SELECT kode FROM ref_instansi)
               AND (c.instansi, c.indikator_kode) NOT IN (
                   SELECT i.kode, d.kode FROM indikator d JOIN instansi i ON i.id = d.instansi_id {file_ind})""")
    if "anggaran" in berkas or "anggaran_triwulan" in berkas:
        file_ang = ("UNION ALL SELECT instansi, tahun, kode, tingkat, 1 FROM massal_anggaran WHERE kode IS NOT NULL"
                    if "anggaran" in berkas else "")
        con.execute(f"""CREATE OR REPLACE TEMP TABLE ref_anggaran AS
            SELECT instansi, tahun, kode, arg_max(tingkat, dari_berkas) AS tingkat FROM (
                SELECT i.kode AS instansi, a.tahun, a.kode, a.tingkat, 0 AS dari_berkas
                  FROM anggaran a JOIN instansi i ON i.id = a.instansi_id {file_ang}) GROUP BY ALL""")
    if "anggaran" in berkas:
        nama = _q(berkas["anggaran"])
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {nama}, a.nomor_baris, 'induk_kode', CASE
                WHEN a.tingkat = 'program' THEN 'program tidak punya induk; kosongkan induk_kode'
                WHEN a.induk_kode IS NULL THEN a.tingkat || ' wajib punya induk (' || CASE a.tingkat WHEN 'kegiatan' THEN 'program' ELSE 'kegiatan' END || ')'
                WHEN r.tingkat IS NULL THEN 'induk ''' || a.induk_kode || ''' tidak ada untuk tahun ' || a.tahun || '.'
                ELSE 'induk ' || a.tingkat || ' harus ' || CASE a.tingkat WHEN 'kegiatan' THEN 'program' ELSE 'kegiatan' END ||
                     ', tetapi ''' || a.induk_kode || ''' adalah ' || r.tingkat END
              FROM massal_anggaran a LEFT JOIN ref_anggaran r ON r.instansi = a.instansi AND r.tahun = a.tahun AND r.kode = a.induk_kode
             WHERE a.tingkat IS NOT NULL AND CASE
                WHEN a.tingkat = 'program' THEN a.induk_kode IS NOT NULL
                WHEN a.induk_kode IS NULL THEN true
                ELSE r.tingkat IS NULL OR r.tingkat <> CASE a.tingkat WHEN 'kegiatan' THEN 'program' ELSE 'kegiatan' END END""")
    if "anggaran_triwulan" in berkas:
        con.execute(f"""INSERT INTO masalah_massal
            SELECT {_q(berkas['anggaran_triwulan'])}, t.nomor_baris, 'kode',
                   'baris anggaran ''' || t.kode || ''' tahun ' || t.tahun || ' tidak ada di berkas anggaran maupun di basis data untuk ' || t.instansi || '.'
              FROM massal_anggaran_triwulan t
             WHERE t.kode IS NOT NULL AND t.tahun IS NOT NULL AND t.instansi IN (SELECT kode FROM ref_instansi)
               AND NOT EXISTS (SELECT 1 FROM ref_anggaran r WHERE r.instansi = t.instansi AND r.tahun = t.tahun AND r.kode = t.kode)""")
    for tabel in ("wilayah", "angka_laporan"):
        if tabel in berkas:
            _petakan_kecamatan_massal(con, berkas[tabel], tabel, "kecamatan_alias" in berkas)


def _norm(x: str) -> str:
    return f"upper(trim(regexp_replace({x}, '\\s+', ' ', 'g')))"


def _petakan_kecamatan_massal(con, nama: str, tabel: str, ada_berkas_alias: bool) -> None:
    """Kecamatan names to their canonical spelling per kabupaten (a file's list replaces the
    database's for its kabupaten); unknown names and kabupaten without a list are errors.
    Desa names are capitalised as the workbook import does. Names are matched once per distinct
    (agency, kecamatan), then joined back: thousands of names, millions of rows."""
    alias = "SELECT * FROM kecamatan_alias"
    if ada_berkas_alias:
        alias += " WHERE kabupaten NOT IN (SELECT kabupaten FROM massal_kecamatan_alias WHERE kabupaten IS NOT NULL)"
        alias += " UNION ALL SELECT kabupaten, kecamatan, alias FROM massal_kecamatan_alias WHERE kecamatan IS NOT NULL"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE peta_kecamatan AS
        SELECT kab, nama, min(kecamatan) AS kecamatan FROM (
            SELECT {_norm('kabupaten')} AS kab, {_norm('kecamatan')} AS nama, kecamatan FROM ({alias})
            UNION ALL SELECT {_norm('kabupaten')}, {_norm('alias')}, kecamatan FROM ({alias}) WHERE alias IS NOT NULL)
         GROUP BY ALL""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE pasangan_kecamatan AS
        SELECT k.instansi, k.kecamatan, r.kabupaten, p.kecamatan AS kanonik,
               EXISTS (SELECT 1 FROM peta_kecamatan q WHERE q.kab = {_norm('r.kabupaten')}) AS ada_daftar,
               (SELECT arg_max(q.kecamatan, jaro_winkler_similarity(q.nama, {_norm('k.kecamatan')})) FROM peta_kecamatan q
                 WHERE q.kab = {_norm('r.kabupaten')} AND jaro_winkler_similarity(q.nama, {_norm('k.kecamatan')}) >= 0.8) AS mirip
          FROM (SELECT DISTINCT instansi, kecamatan FROM massal_{tabel} WHERE kecamatan IS NOT NULL) k
          JOIN ref_instansi r ON r.kode = k.instansi
          LEFT JOIN peta_kecamatan p ON p.kab = {_norm('r.kabupaten')} AND p.nama = {_norm('k.kecamatan')}""")
    con.execute(f"""INSERT INTO masalah_massal
        SELECT {_q(nama)}, t.nomor_baris, 'kecamatan', CASE WHEN NOT k.ada_daftar
            THEN 'kabupaten ''' || k.kabupaten || ''' belum punya daftar kecamatan; tambahkan nama kecamatannya di berkas kecamatan_alias'
            ELSE 'kecamatan ''' || t.kecamatan || ''' tidak dikenal di Kabupaten ' || k.kabupaten || '.' ||
                 coalesce(' Nama terdekat: ' || k.mirip || '.', '') || ' Bila ini ejaan lain, tambahkan ke berkas kecamatan_alias' END
          FROM massal_{tabel} t JOIN pasangan_kecamatan k ON k.instansi = t.instansi AND k.kecamatan = t.kecamatan
         WHERE k.kanonik IS NULL""")
    ganti = "coalesce(k.kanonik, t.kecamatan) AS kecamatan"
    gabung = "LEFT JOIN pasangan_kecamatan k ON k.instansi = t.instansi AND k.kecamatan = t.kecamatan"
    if tabel == "wilayah":
        ganti += ", d.baku AS desa"
        gabung += (" LEFT JOIN (SELECT desa, array_to_string(list_transform(string_split(lower(desa), ' '), "
                   "lambda w: upper(w[1]) || w[2:]), ' ') AS baku FROM (SELECT DISTINCT desa FROM massal_wilayah)) d ON d.desa = t.desa")
    con.execute(f"CREATE OR REPLACE TEMP TABLE massal_{tabel} AS SELECT t.* REPLACE ({ganti}) FROM massal_{tabel} t {gabung}")


def daftar_masalah_massal(con, batas: int) -> tuple[int, list[tuple]]:
    """How many problems, and the first `batas` by file and row."""
    (n,) = con.execute("SELECT count(*) FROM masalah_massal").fetchall()[0]
    return int(n), con.execute("SELECT * FROM masalah_massal ORDER BY berkas, baris NULLS FIRST, kolom LIMIT ?", [batas]).fetchall()


# Which typed temp table feeds which data table, with natural keys resolved to ids.
_SUMBER_MASSAL = {
    "skala_predikat": "SELECT * EXCLUDE (inklusif, nomor_baris), coalesce(inklusif = 'ya', false) AS inklusif, "
                      "CAST(row_number() OVER (PARTITION BY nama ORDER BY nomor_baris) - 1 AS INTEGER) AS urutan FROM massal_skala_predikat",
    "instansi": "SELECT * EXCLUDE (nomor_baris) FROM massal_instansi",
    "indikator": "SELECT i.id AS instansi_id, m.* EXCLUDE (instansi, nomor_baris), CAST(m.nomor_baris AS INTEGER) AS urutan "
                 "FROM massal_indikator m JOIN instansi i ON i.kode = m.instansi",
    "capaian": "SELECT d.id AS indikator_id, m.* EXCLUDE (instansi, indikator_kode, nomor_baris) FROM massal_capaian m "
               "JOIN instansi i ON i.kode = m.instansi JOIN indikator d ON d.instansi_id = i.id AND d.kode = m.indikator_kode",
    "anggaran": "SELECT i.id AS instansi_id, m.* EXCLUDE (instansi, nomor_baris, realisasi_tw1, realisasi_tw2, realisasi_tw3, "
                "realisasi_tw4), CAST(m.nomor_baris AS INTEGER) AS urutan FROM massal_anggaran m JOIN instansi i ON i.kode = m.instansi",
}


def _sumber_massal(tabel: str, ada: set[str]) -> str:
    if tabel in _SUMBER_MASSAL:
        return _SUMBER_MASSAL[tabel]
    if tabel == "anggaran_triwulan":
        # quarters from the anggaran file's realisasi_tw1..4 columns and from their own file
        bagian = []
        if "anggaran" in ada:
            bagian.append("SELECT instansi, tahun, kode, CAST(right(tw, 1) AS INTEGER) AS triwulan, realisasi FROM "
                          "(UNPIVOT (SELECT instansi, tahun, kode, realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4 "
                          "FROM massal_anggaran) ON realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4 INTO NAME tw VALUE realisasi)")
        if "anggaran_triwulan" in ada:
            bagian.append("SELECT instansi, tahun, kode, triwulan, realisasi FROM massal_anggaran_triwulan")
        return (f"SELECT i.id AS instansi_id, m.* EXCLUDE (instansi) FROM ({' UNION ALL '.join(bagian)}) m "
                "JOIN instansi i ON i.kode = m.instansi")
    return f"SELECT i.id AS instansi_id, m.* EXCLUDE (instansi, nomor_baris) FROM massal_{tabel} m JOIN instansi i ON i.kode = m.instansi"


def cek_triwulan_ganda_massal(con, nama: str) -> None:
    """A quarter given both in the anggaran file's realisasi_twN and in the quarters file."""
    con.execute(f"""INSERT INTO masalah_massal
        SELECT {_q(nama)}, t.nomor_baris, 'triwulan', 'triwulan ' || t.triwulan || ' baris ' || t.kode || ' tahun ' || t.tahun ||
               ' sudah diisi di kolom realisasi_tw' || t.triwulan || ' berkas anggaran (baris ' || a.nomor_baris || ')'
          FROM massal_anggaran_triwulan t JOIN massal_anggaran a ON a.instansi = t.instansi AND a.tahun = t.tahun AND a.kode = t.kode
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
    if tabel not in _BERID and not con.execute(f"SELECT count(*) FROM (SELECT 1 FROM {tabel} LIMIT 1)").fetchall()[0][0]:
        # an empty table (a first load): every row is new, straight from the typed rows
        (n,) = con.execute(f"SELECT count(*) FROM ({_sumber_massal(tabel, ada)})").fetchall()[0]
        con.execute(f"INSERT INTO {tabel} BY NAME {_sumber_massal(tabel, ada)}")
        return {"baru": int(n), "diganti": 0}
    con.execute(f"CREATE OR REPLACE TEMP TABLE masuk_massal AS {_sumber_massal(tabel, ada)}")
    kunci = KUNCI_TABEL[tabel]
    cocok = _kunci_cocok(kunci, "t", "m")
    kolom = [r[0] for r in con.execute("DESCRIBE masuk_massal").fetchall()]
    n, baru = con.execute(f"SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM {tabel} t WHERE {cocok})) "
                          "FROM masuk_massal m").fetchall()[0]
    if tabel in _BERID:
        isi = [k for k in kolom if k not in kunci]
        con.execute(f"UPDATE {tabel} t SET {', '.join(f'{_id(k)} = m.{_id(k)}' for k in isi)} FROM masuk_massal m WHERE {cocok}")
        con.execute(f"""INSERT INTO {tabel} (id, {', '.join(map(_id, kolom))})
            SELECT (SELECT coalesce(max(id), 0) FROM {tabel}) + row_number() OVER (), {', '.join('m.' + _id(k) for k in kolom)}
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
        "skala_predikat": "SELECT t.* REPLACE (CASE WHEN inklusif THEN 'ya' ELSE 'tidak' END AS inklusif) FROM skala_predikat t "
                          "ORDER BY nama, urutan",
        "kecamatan_alias": "SELECT t.* FROM kecamatan_alias t",
        "capaian": "SELECT i.kode AS instansi, d.kode AS indikator_kode, t.* FROM capaian t JOIN indikator d ON d.id = t.indikator_id "
                   "JOIN instansi i ON i.id = d.instansi_id ORDER BY d.instansi_id, d.urutan, t.indikator_id, t.tahun, t.triwulan NULLS FIRST",
    }.get(tabel, f"SELECT i.kode AS instansi, t.* FROM {tabel} t JOIN instansi i ON i.id = t.instansi_id ORDER BY t.instansi_id, "
                 + {"indikator": "t.urutan", "anggaran": "t.tahun, t.urutan"}.get(tabel, "t.tahun"))
    ada = {r[0] for r in kursor(con).execute(f"DESCRIBE {pilih}").fetchall()}
    daftar = ", ".join(_id(k) for k in kolom if k in ada)
    opsi = "FORMAT parquet, COMPRESSION zstd" if format == "parquet" else "FORMAT csv, HEADER true"
    cur = kursor(con)
    cur.execute(f"COPY (SELECT {daftar} FROM ({pilih})) TO {_q(jalur)} ({opsi})")
    return int(cur.execute(f"SELECT count(*) FROM {tabel}").fetchall()[0][0])
