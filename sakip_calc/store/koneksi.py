"""Connections and copy-on-write writes.

Writes never touch the live file in place. A write copies the database, changes the copy in
one transaction and `os.replace`s it over the live file, so readers (the app holds a read-only
connection) keep a consistent old snapshot, a crash leaves the old file intact, and a failed
import leaves it byte-for-byte unchanged. A lock file serialises concurrent writers.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import duckdb

from .agregat import segarkan_agregat
from .dasar import DB_BAWAAN, _ada_tabel_sementara
from .massal import TABEL_MUAT_MASSAL
from .migrasi import periksa_versi, versi_berkas
from .skema import pasang_skema


def buka(db: str | Path = DB_BAWAAN, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the database. A read-only open of a missing file, or of a file of a newer schema
    version (`migrasi.SkemaTerlaluBaru`), is an error the caller shows.

    Read-only opens attach the file to a fresh in-memory instance: DuckDB caches instances by
    path, so a plain connect() after an import replaced the file would return the old data.
    They do not upgrade an older file (they cannot write): every version's tables read alike so
    far, and the next write upgrades it. A read-write open upgrades it in its own transaction."""
    db = Path(db)
    if read_only:
        if not db.exists():
            raise FileNotFoundError(f"Basis data {db} belum ada. Jalankan: python -m sakip_calc build")
        con = duckdb.connect(":memory:")
        jalur = str(db.resolve()).replace("'", "''")
        con.execute(f"ATTACH '{jalur}' AS sakip (READ_ONLY)")
        con.execute("USE sakip")
        try:
            periksa_versi(con, str(db))
        except BaseException:
            con.close()
            raise
        return con
    db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db))
    try:
        con.execute("BEGIN TRANSACTION")
        pasang_skema(con, nama=str(db))
        con.execute("COMMIT")
    except BaseException:
        con.close()
        raise
    return con


# Derived tables computed by a layer below the store (the checks' findings, `calc.periksa`),
# registered there: every write runs `segarkan(con, sebagian)` on its own connection just before
# it commits (`sebagian`: see `batasi_turunan`); `basi` says a file holds them from another
# version of that code (`build` then rewrites it).
Segarkan = Callable[[duckdb.DuckDBPyConnection, bool], None]
TURUNAN: dict[Segarkan, Callable[[duckdb.DuckDBPyConnection], bool]] = {}
# the agencies a write declared it changed (`batasi_turunan`), for the derived tables' SQL
TABEL_CAKUPAN = "turunan_instansi"


def daftar_turunan(segarkan: Segarkan, basi: Callable[[duckdb.DuckDBPyConnection], bool]) -> None:
    TURUNAN[segarkan] = basi


def batasi_turunan(con: duckdb.DuckDBPyConnection, kode: Iterable[str | None]) -> None:
    """Declare, inside a write, that it changed the data rows of these agencies (instansi kode)
    only: the derived tables are then refreshed for them alone, not for the whole file. A write
    that declares nothing refreshes everything; so does one whose list holds None (a shared list
    changed) or a kode no longer in `instansi`. Declaring twice adds to the list."""
    kode = list(kode)
    if not _ada_tabel_sementara(con, TABEL_CAKUPAN):
        con.execute(f"CREATE TEMP TABLE {TABEL_CAKUPAN} (kode VARCHAR)")
    con.execute(f"INSERT INTO {TABEL_CAKUPAN} SELECT unnest(?::VARCHAR[])", [kode])


def _segarkan_turunan(con: duckdb.DuckDBPyConnection, migrasi: bool) -> None:
    """Refresh every derived table: for the agencies the write declared (their ids left in the
    temp table `turunan_id`), or for all when it declared nothing, could not say, or migrated."""
    sebagian = not migrasi and _ada_tabel_sementara(con, TABEL_CAKUPAN)
    if sebagian:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE turunan_id AS SELECT DISTINCT i.id AS instansi_id, c.kode "
            f"FROM {TABEL_CAKUPAN} c LEFT JOIN instansi i ON i.kode = c.kode"
        )
        sebagian = not con.execute("SELECT count(*) FROM turunan_id WHERE instansi_id IS NULL").fetchone()[0]
    segarkan_agregat(con, sebagian)
    for segarkan in TURUNAN:
        segarkan(con, sebagian)


def turunan_basi(db: str | Path = DB_BAWAAN) -> bool:
    """The file's derived tables were computed by other code than this program's."""
    con = buka(db)
    try:
        return any(basi(con) for basi in TURUNAN.values())
    finally:
        con.close()


@contextlib.contextmanager
def kunci_penulis(db: Path) -> Iterator[None]:
    """Hold an exclusive lock so that two importers run one after the other."""
    with open(f"{db}.lock", "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def salin_berkas(asal: str | Path, tujuan: str | Path) -> None:
    """Copy a database file as `shutil.copy2` does, through copy_file_range (as `cp --reflink=auto`):
    on XFS, btrfs or NFS 4.2 the kernel shares the blocks instead of copying them, so the copy
    and its fsync cost next to nothing; on ext4 it is an in-kernel copy like shutil's sendfile."""
    with open(asal, "rb") as a, open(tujuan, "wb") as b:
        try:
            sisa = os.fstat(a.fileno()).st_size
            while sisa > 0 and (n := os.copy_file_range(a.fileno(), b.fileno(), sisa)):
                sisa -= n
        except OSError:  # EXDEV on old kernels, ENOSYS, a filesystem without it: copy the rest
            shutil.copyfileobj(a, b, 2**20)  # from where the kernel stopped: it moved both offsets
    shutil.copystat(asal, tujuan)


@contextlib.contextmanager
def _fsync_awal(jalur: Path) -> Iterator[None]:
    """fsync the fresh copy in the background while the write works on it: the disk writes its
    400 MB during the import's CPU work, and the fsync after the checkpoint (the one that makes
    the file durable before it is renamed) has only the checkpoint's blocks left to write."""
    fd = os.open(jalur, os.O_RDONLY)
    latar = threading.Thread(target=os.fsync, args=(fd,), daemon=True)
    latar.start()
    try:
        yield
    finally:
        latar.join()
        os.close(fd)


def _mapankan(salinan: Path) -> None:
    """After a bulk load: the first checkpoint that follows a reopen of such a file rewrites part
    of it (national file: 59 blocks of 256 KB, 0,6 s CPU; likely the index storage, not verified),
    whatever that write changes; later ones do not. Paid here, once, by the bulk load, instead of
    by the next import."""
    con = duckdb.connect(str(salinan))
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE TABLE mapan (x INTEGER)")
        con.execute("DROP TABLE mapan")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()


@contextlib.contextmanager
def transaksi_tulis(db: str | Path = DB_BAWAAN) -> Iterator[duckdb.DuckDBPyConnection]:
    """Copy-on-write transaction: changes become visible only by an atomic rename at the end.
    The schema upgrade of an older file (`migrasi`) is part of the same transaction."""
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    with kunci_penulis(db):
        # holding the lock, any copy left here belongs to a writer that was killed
        for sisa in db.parent.glob(f"{db.name}.tmp*"):
            sisa.unlink(missing_ok=True)
        salinan = db.with_name(f"{db.name}.tmp{os.getpid()}")
        if db.exists():
            salin_berkas(db, salinan)
        con = duckdb.connect(str(salinan))
        try:
            with _fsync_awal(salinan):
                con.execute("BEGIN TRANSACTION")
                versi = versi_berkas(con)
                pasang_skema(con, nama=str(db))
                titik_uji("migrasi")
                yield con
                _segarkan_turunan(con, migrasi=versi_berkas(con) != versi)
                massal = _ada_tabel_sementara(con, TABEL_MUAT_MASSAL)
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
                con.close()
                if massal:
                    _mapankan(salinan)
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
