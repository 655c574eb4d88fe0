"""Synthetic province and national data in the real schema, for load tests and the benchmark.

`bangkitkan(db, "national")` writes 514 Dinas Sosial in 38 provinsi (the real count per
provinsi), 10 years each: ~30 indicators with annual and quarterly rows, ~290 budget lines per
agency-year in the Permendagri 90/2019 hierarchy (program 1.06.xx, kegiatan, sub-kegiatan) with
quarterly realisasi, wilayah rows for every kecamatan (~14) and desa (~160) for 8 jenis, belanja
and a few report statements. Values are drawn to look like the three reports: serapan mostly
85-100 %, about a third of the indicators below target, some lower-is-better indicators, parents
equal to the sum of their children, a few deliberate contradictions for the checks to find.

Every agency draws from its own generator seeded by (seed, agency number), so the data are the
same on every run and independent of how the work is chunked. Rows are built with numpy per
agency, handed to DuckDB as Arrow tables a chunk of agencies at a time (no row-by-row inserts),
all inside one copy-on-write transaction: readers see the old file until the end.
Synthetic agencies have codes `sintetis-NNN`; a new run replaces the previous synthetic ones and
keeps every other agency (e.g. the three seeds).

This module owns the run (which agencies, chunks, the transaction, progress lines); the
catalogues are in katalog_sintetis.py and the drawing of one agency's rows in
pembangkit_sintetis.py. It must not hold values of its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from sakip_calc import store
from sakip_calc.domain.angka import format_angka
from sakip_calc.tools.katalog_sintetis import PROVINSI, UKURAN, Ukuran, nama_kabupaten
from sakip_calc.tools.pembangkit_sintetis import Instansi, Pembangkit

# UKURAN and PROVINSI are read through this module (the CLI's --scale choices)
__all__ = [
    "AWALAN_KODE",
    "PROVINSI",
    "UKURAN",
    "URUTAN_TABEL",
    "Instansi",
    "Pembangkit",
    "Ukuran",
    "bangkitkan",
    "daftar_instansi",
]

AWALAN_KODE = "sintetis-"
URUTAN_TABEL = (
    "instansi",
    "indikator",
    "capaian",
    "anggaran",
    "anggaran_triwulan",
    "belanja",
    "angka_laporan",
    "wilayah",
    "kecamatan_alias",
)


def daftar_instansi(ukuran: Ukuran, seed: int, id_awal: int) -> list[Instansi]:
    n = sum(j for _, j in ukuran.provinsi)
    nama = nama_kabupaten(n, seed)
    rng = np.random.default_rng([seed, 1])
    hasil = []
    for provinsi, jumlah in ukuran.provinsi:
        for _ in range(jumlah):
            nomor = len(hasil) + 1
            hasil.append(
                Instansi(
                    nomor,
                    id_awal + nomor,
                    f"{AWALAN_KODE}{nomor:03d}",
                    nama[nomor - 1],
                    bool(rng.random() < 0.19),
                    provinsi,
                )
            )
    return hasil


def bangkitkan(
    db: str | Path, skala: str = "province", seed: int = 2024, cetak: Callable[[str], None] = print
) -> dict[str, int]:
    """Write the synthetic data set `skala` into `db` in one copy-on-write transaction; rows per table."""
    ukuran = UKURAN[skala]
    mulai = time.perf_counter()
    jumlah = {t: 0 for t in URUTAN_TABEL}
    with store.transaksi_tulis(db) as con:
        store.mulai_muat_massal(con)
        store.hapus_instansi_berawalan(con, AWALAN_KODE)
        id_instansi, id_indikator = store.id_terakhir(con)
        agensi = daftar_instansi(ukuran, seed, id_instansi)
        gen = Pembangkit(ukuran, seed, id_indikator + 1)
        cetak(
            f"synth {skala}: {len(agensi)} instansi di {len(ukuran.provinsi)} provinsi, "
            f"{len(ukuran.tahun)} tahun ({ukuran.tahun[0]}-{ukuran.tahun[-1]}), seed {seed}"
        )
        per_potong = -(-len(agensi) // 10)  # ten inserts per table, and a progress line after each
        for awal in range(0, len(agensi), per_potong):
            potong = [gen.agensi(a) for a in agensi[awal : awal + per_potong]]
            for tabel in URUTAN_TABEL:
                data = gen.arrow(tabel, [p[tabel] for p in potong])
                store.sisip_massal(con, tabel, data)
                jumlah[tabel] += data.num_rows
            gen.teks.clear()
            persen = (awal + len(potong)) * 100 // len(agensi)
            cetak(
                f"  {persen:3d} %  {awal + len(potong)} instansi, {format_angka(sum(jumlah.values()))} baris, "
                f"{format_angka(time.perf_counter() - mulai, 1)} s"
            )
        cetak("  menyimpan: tabel agregat, commit, checkpoint…")
    detik = time.perf_counter() - mulai
    for tabel, n in jumlah.items():
        cetak(f"  {tabel:<18} {format_angka(n):>12} baris")
    total = sum(jumlah.values())
    cetak(
        f"selesai: {format_angka(total)} baris dalam {format_angka(detik, 1)} s ({format_angka(total / detik)} baris/s)"
    )
    return jumlah
