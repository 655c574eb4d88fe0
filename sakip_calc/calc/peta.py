"""Placing regional values on the map: which official region code each named place is, and the
layer a choropleth draws (value, share, rank, and the places without data).

Pure functions over DataFrames; the official list and the polygons come in as arguments.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from sakip_calc.store.rujukan_wilayah import kunci_nama


def petakan(nama: pd.Series, resmi: pd.DataFrame, kode: pd.Series | None = None) -> pd.Series:
    """The official code of each name in `nama` (None when it cannot be placed). `resmi`: kode,
    nama of the official regions of one level; `kode`: codes the rows already carry (they win)."""
    per_kunci = dict(zip(resmi["nama"].map(kunci_nama), resmi["kode"]))
    hasil = nama.map(lambda n: per_kunci.get(kunci_nama(n)) if isinstance(n, str) else None)
    if kode is not None:
        sah = kode.where(kode.isin(set(resmi["kode"])))
        hasil = sah.where(sah.notna(), hasil)
    return hasil.astype(object).where(hasil.notna(), None)


def lapisan(nilai: pd.DataFrame, resmi: pd.DataFrame, bagi_total: bool = True) -> tuple[pd.DataFrame, list[str]]:
    """One map layer. `nilai`: nama, nilai (and optionally kode) per place; `resmi`: kode, nama of
    every official region drawn. Returns one row per official region, in code order, with kode,
    nama, nilai (NaN = no data, never 0), persen (share of the total when `bagi_total`), peringkat
    (1 = largest), and the names of `nilai` that match no official region."""
    kode = petakan(nilai["nama"], resmi, nilai["kode"] if "kode" in nilai else None)
    tak = sorted({str(n) for n, k in zip(nilai["nama"], kode) if k is None})
    ada = pd.DataFrame({"kode": kode, "nilai": pd.to_numeric(nilai["nilai"], errors="coerce")})
    ada = ada[ada["kode"].notna()].groupby("kode", as_index=False)["nilai"].sum(min_count=1)
    hasil = resmi[["kode", "nama"]].merge(ada, on="kode", how="left").sort_values("kode", ignore_index=True)
    total = hasil["nilai"].sum()
    hasil["persen"] = hasil["nilai"] / total * 100 if bagi_total and total else np.nan
    hasil["peringkat"] = hasil["nilai"].rank(ascending=False, method="min")
    return hasil, tak


def geojson(batas: pd.DataFrame) -> dict:
    """A FeatureCollection of polygon rows (kode, nama, geometri as GeoJSON text), each feature's
    id its Kemendagri code (what a choropleth's `locations` name)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": k, "properties": {"nama": n}, "geometry": json.loads(g)}
            for k, n, g in zip(batas["kode"], batas["nama"], batas["geometri"])
        ],
    }
