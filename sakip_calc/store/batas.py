"""Region boundaries: the kecamatan and kabupaten/kota polygons shipped in `data/batas_wilayah.parquet`
(built by `scripts/bangun_batas.py`, MIT licence in `data/LISENSI-batas.txt`), and a GeoJSON an
agency uploaded for its own kabupaten/kota (table `batas_unggahan`), which is used instead of the
shipped polygon for the same code and in addition for codes the shipped file lacks (desa).

One kabupaten/kota is read at a time: the file is sorted by code in small row groups, so the prefix
filter reads only that kabupaten/kota's groups, never the whole country.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from .dasar import _ada_tabel, kursor

BERKAS = Path(__file__).resolve().parents[2] / "data" / "batas_wilayah.parquet"
KOLOM = ["kode", "nama", "tingkat", "lat", "lng", "geometri"]


@lru_cache(maxsize=32)
def batas_bawaan(kode_kabkota: str) -> pd.DataFrame:
    """The shipped polygons of one kabupaten/kota (its own row and its kecamatan): kode, nama,
    tingkat, lat, lng (label point), geometri (GeoJSON geometry as text)."""
    con = duckdb.connect()
    try:
        # a range on the sorted key (not starts_with) lets the parquet reader skip other row groups
        return con.execute(
            f"SELECT {', '.join(KOLOM)} FROM read_parquet('{BERKAS}') "
            "WHERE kode >= ? AND kode < ? AND (kode = ? OR starts_with(kode, ?)) ORDER BY kode",
            [kode_kabkota, kode_kabkota + "/", kode_kabkota, kode_kabkota + "."],
        ).df()
    finally:
        con.close()


def batas_unggahan(con, kode_kabkota: str) -> pd.DataFrame:
    """Polygons an agency uploaded for `kode_kabkota` (same columns as `batas_bawaan`)."""
    if not _ada_tabel(con, "batas_unggahan"):  # a file from before the table existed
        return pd.DataFrame(columns=KOLOM)
    return (
        kursor(con)
        .execute(
            f"SELECT {', '.join(KOLOM)} FROM batas_unggahan WHERE kabkota_kode = ? ORDER BY kode",
            [kode_kabkota],
        )
        .df()
    )


def batas(con, kode_kabkota: str) -> pd.DataFrame:
    """The polygons of one kabupaten/kota: the uploaded ones, then the shipped ones for codes
    the upload does not cover."""
    bawaan = batas_bawaan(kode_kabkota)
    unggah = batas_unggahan(con, kode_kabkota)
    if unggah.empty:
        return bawaan
    return pd.concat([unggah, bawaan[~bawaan["kode"].isin(unggah["kode"])]], ignore_index=True)
