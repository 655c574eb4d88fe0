"""Region boundaries: the kecamatan and kabupaten/kota polygons shipped in `data/batas_wilayah.parquet`
(built by `scripts/bangun_batas.py`, MIT licence in `data/LISENSI-batas.txt`), and an agency's own
kecamatan or desa polygons imported from GeoJSON (`batas_instansi`, ingest/geojson.py).

One kabupaten/kota is read at a time: the file is sorted by code in small row groups, so the code
range filter reads only that kabupaten/kota's groups, never the whole country.
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
        # a range on the sorted key (not starts_with alone) lets the parquet reader skip other row groups
        return con.execute(
            f"SELECT {', '.join(KOLOM)} FROM read_parquet('{BERKAS}') "
            "WHERE kode >= ? AND kode < ? AND (kode = ? OR starts_with(kode, ?)) ORDER BY kode",
            [kode_kabkota, kode_kabkota + "/", kode_kabkota, kode_kabkota + "."],
        ).df()
    finally:
        con.close()


def batas_instansi(con, instansi_id: int) -> pd.DataFrame:
    """An agency's own polygons, in the shipped file's columns plus `asal` ('instansi'): a desa is
    keyed by its desa code, a kecamatan by its code; rows without a code (a kabupaten without an
    official list) cannot be placed and are left out."""
    if not _ada_tabel(con, "batas_instansi"):  # a file from before migration 10
        return pd.DataFrame(columns=[*KOLOM, "asal"])
    return (
        kursor(con)
        .execute(
            "SELECT coalesce(desa_kode, kecamatan_kode) AS kode, coalesce(desa, kecamatan) AS nama, "
            "CASE WHEN desa IS NULL THEN 'kecamatan' ELSE 'desa' END AS tingkat, lat, lng, geometri, "
            "'instansi' AS asal FROM batas_instansi WHERE instansi_id = ? AND coalesce(desa_kode, kecamatan_kode) "
            "IS NOT NULL ORDER BY kode",
            [instansi_id],
        )
        .df()
    )


def batas(con, kode_kabkota: str, instansi_id: int | None = None) -> pd.DataFrame:
    """The polygons of one kabupaten/kota, for a section's `v.baca`: the shipped ones (`asal`
    'bawaan'), where the agency imported its own, theirs instead (same code), and its desa."""
    bawaan = batas_bawaan(kode_kabkota).assign(asal="bawaan")
    if instansi_id is None:
        return bawaan
    sendiri = batas_instansi(con, instansi_id)
    if sendiri.empty:
        return bawaan
    return pd.concat([bawaan[~bawaan["kode"].isin(sendiri["kode"])], sendiri], ignore_index=True).sort_values(
        "kode", ignore_index=True
    )
