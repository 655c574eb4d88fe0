"""Build `data/batas_wilayah.parquet`, the kecamatan and kabupaten/kota boundaries the app ships.

Source: `../shared/referensi/wilayah_kemendagri/batas_kecamatan/*.sql` and `batas_kabupaten/*.sql`
(cahyadsn/wilayah_boundaries, MIT licence, Kepmendagri 300.2.2-2430/2025). The app never reads
`../shared`; this script is run by hand when the reference changes, and its output is committed
with the licence notice in `data/LISENSI-batas.txt`.

    .venv/bin/python scripts/bangun_batas.py [path/to/wilayah_kemendagri]

One row per region: `kode` (33.28, 33.28.18), `nama`, `tingkat` (kabkota, kecamatan), `lat`/`lng`
(the source's label point) and `geometri`, a GeoJSON Polygon or MultiPolygon as text. The source
writes `[lat, lng]`; GeoJSON wants `[lng, lat]`, so every pair is swapped here (and rounded to 5
decimals, about 1 m). Exterior rings are wound clockwise (d3-geo, which plotly draws with, reads
a counter-clockwise ring as "the whole globe except this"), holes counter-clockwise. Rows are
sorted by code in small row groups, so reading one kabupaten/kota (`kode` prefix) touches only its
own groups (`store.rujukan_wilayah.batas`).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

AKAR = Path(__file__).resolve().parent.parent
SUMBER = AKAR.parent / "shared" / "referensi" / "wilayah_kemendagri"
TUJUAN = AKAR / "data" / "batas_wilayah.parquet"
LISENSI = AKAR / "data" / "LISENSI-batas.txt"

# ('33.28.18','Dukuhwaru',-6.97,109.09,'[[[lat,lng],...]]'), with '' for an apostrophe in the name
BARIS = re.compile(r"^\s*\('([0-9.]+)','((?:[^']|'')*)',\s*(-?[0-9.eE-]+),\s*(-?[0-9.eE-]+),\s*'(.*)'\)[,;]?\s*$")
TINGKAT = {2: "kabkota", 3: "kecamatan"}


def _luas(cincin: np.ndarray) -> float:
    """Signed area (shoelace) in lng/lat: positive for counter-clockwise."""
    x, y = cincin[:, 0], cincin[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(np.roll(x, -1), y)) / 2


def _di_dalam(titik: np.ndarray, cincin: np.ndarray) -> bool:
    """Ray casting: is `titik` inside `cincin`?"""
    x, y = titik
    xa, ya = cincin[:, 0], cincin[:, 1]
    xb, yb = np.roll(xa, -1), np.roll(ya, -1)
    silang = (ya > y) != (yb > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        xs = xa + (y - ya) * (xb - xa) / (yb - ya)
    return bool(np.count_nonzero(silang & (x < xs)) % 2)


def _arah(cincin: np.ndarray, searah_jarum: bool) -> list:
    cincin = cincin[::-1] if (_luas(cincin) < 0) != searah_jarum else cincin
    return np.round(cincin, 5).tolist()


def _poligon(cincin_cincin: list[np.ndarray]) -> list[list]:
    """Rings of one source polygon -> GeoJSON polygons: a ring inside the first is its hole,
    a ring outside it is another part (the source mixes both under one polygon)."""
    luar, *lain = cincin_cincin
    lubang = [c for c in lain if _di_dalam(c[0], luar)]
    hasil = [[_arah(luar, True), *(_arah(c, False) for c in lubang)]]
    hasil += [[_arah(c, True)] for c in lain if not any(c is h for h in lubang)]
    return hasil


def geometri(path: str) -> dict:
    """The source's `[[[lat, lng], ...]]` (one polygon) or `[[[[lat, lng], ...]]]` (several) as a
    GeoJSON geometry in `[lng, lat]`."""
    data = json.loads(path)
    banyak = isinstance(data[0][0][0], list)
    poligon = []
    for p in data if banyak else [data]:
        cincin = [np.asarray(c, dtype=float)[:, ::-1] for c in p if len(c) >= 4]
        if cincin:
            poligon += _poligon(cincin)
    if len(poligon) == 1:
        return {"type": "Polygon", "coordinates": poligon[0]}
    return {"type": "MultiPolygon", "coordinates": poligon}


def baca(folder: Path) -> pd.DataFrame:
    baris = []
    for sql in sorted(folder.glob("*.sql")):
        for teks in sql.read_text(encoding="utf-8").splitlines():
            cocok = BARIS.match(teks)
            if cocok:
                kode, nama, lat, lng, path = cocok.groups()
                baris.append(
                    {
                        "kode": kode,
                        "nama": nama.replace("''", "'").strip(),
                        "tingkat": TINGKAT[len(kode.split("."))],
                        "lat": round(float(lat), 5),
                        "lng": round(float(lng), 5),
                        "geometri": json.dumps(geometri(path), separators=(",", ":")),
                    }
                )
    return pd.DataFrame(baris)


def main(argv: list[str]) -> int:
    sumber = Path(argv[0]) if argv else SUMBER
    df = pd.concat([baca(sumber / "batas_kabupaten"), baca(sumber / "batas_kecamatan")], ignore_index=True)
    jumlah = df["tingkat"].value_counts().to_dict()
    if jumlah.get("kabkota", 0) < 500 or jumlah.get("kecamatan", 0) < 7000:
        print(f"Sumber tidak lengkap: {jumlah}", file=sys.stderr)
        return 1
    con = duckdb.connect()
    con.register("batas", df)
    con.execute(
        f"COPY (SELECT * FROM batas ORDER BY kode) TO '{TUJUAN}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 512)"
    )
    shutil.copyfile(sumber / "LICENSE.boundaries", LISENSI)
    print(f"{TUJUAN.relative_to(AKAR)}: {len(df)} batas {jumlah}, {TUJUAN.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
