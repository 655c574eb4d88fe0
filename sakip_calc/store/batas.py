"""Region boundaries: the kecamatan and kabupaten/kota polygons shipped in `data/batas_wilayah.parquet`
(built by `scripts/bangun_batas.py`, MIT licence in `data/LISENSI-batas.txt`).

One kabupaten/kota is read at a time: the file is sorted by code in small row groups, so the code
range filter reads only that kabupaten/kota's groups, never the whole country.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

BERKAS = Path(__file__).resolve().parents[2] / "data" / "batas_wilayah.parquet"
KOLOM = ["kode", "nama", "tingkat", "lat", "lng", "geometri"]


@lru_cache(maxsize=32)
def batas_bawaan(kode_kabkota: str) -> pd.DataFrame:
    """The shipped polygons of one kabupaten/kota (its own row and its kecamatan): kode, nama,
    tingkat, lat, lng (label point), geometri (GeoJSON geometry as text)."""
    con = duckdb.connect()
    try:
        # a range on the sorted key (not starts_with alone) lets the parquet reader skip other row groups
        return con.execute(
            f"SELECT {', '.join(KOLOM)} FROM read_parquet('{BERKAS}') "
            "WHERE kode >= ? AND kode < ? AND (kode = ? OR starts_with(kode, ?)) ORDER BY kode",
            [kode_kabkota, kode_kabkota + "/", kode_kabkota, kode_kabkota + "."],
        ).df()
    finally:
        con.close()


def batas(con, kode_kabkota: str) -> pd.DataFrame:
    """The polygons of one kabupaten/kota, for a section's `v.baca` (the connection is not needed:
    the polygons ship with the program, not in the database)."""
    return batas_bawaan(kode_kabkota)
