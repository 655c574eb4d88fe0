"""Schema versions: the ordered migrations that are the only definition of the database schema.

A file records its version in `meta` ('versi_skema'). Opening it for writing runs the migrations
it lacks inside the write's own transaction (see `koneksi.transaksi_tulis`): the upgrade commits
with the write or not at all. A file of a newer version than `VERSI_SKEMA` is refused, never
downgraded. New files run every migration from 1, so an upgraded file and a new one are alike.

A released migration never changes (files carry its result); a change is a new migration
appended to `MIGRASI`; its step lives in `migrasi_langkah`. These modules import only `dasar` from the
store and nothing from the domain:
a migration is frozen text, not today's constants.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from .dasar import _ada_tabel, kursor
from .migrasi_langkah import (  # noqa: F401  (TABEL_DATA_1 and riwayat_sebentuk serve skema and tulis)
    _AKSES_4,
    TABEL_DATA_1,
    _batas_instansi,
    _catatan_3,
    _kode_wilayah,
    _periode,
    _skema_1,
    riwayat_sebentuk,
)

log = logging.getLogger(__name__)

KUNCI_VERSI = "versi_skema"


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
    Migrasi(8, "wilayah.periode: data yang dimutakhirkan beberapa kali setahun (DTSEN), tiap periode", _periode),
    Migrasi(
        9,
        "cara_baca: pilihan pengguna membaca angka ragu (11.720) per kolom berkas",
        "CREATE TABLE IF NOT EXISTS cara_baca (nama_file VARCHAR NOT NULL, lembar VARCHAR NOT NULL, "
        "kolom VARCHAR NOT NULL, cara VARCHAR NOT NULL CHECK (cara IN ('ribuan', 'desimal')), akun VARCHAR, "
        "waktu TIMESTAMP NOT NULL, PRIMARY KEY (nama_file, lembar, kolom))",
    ),
    Migrasi(
        10,
        "batas_instansi: poligon kecamatan/desa dari GeoJSON unggahan instansi (+ riwayat)",
        _batas_instansi,
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
