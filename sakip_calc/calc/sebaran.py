"""Regional distributions: per kecamatan (or desa), shares of the total, and derived ratios."""
from __future__ import annotations

import numpy as np
import pandas as pd


def tahun_wilayah(df: pd.DataFrame, tahun: int) -> int | None:
    """The year to show: the chosen one when it has regional rows, else the latest before it,
    else the earliest after it."""
    ada = sorted(set(df["tahun"]))
    if not ada:
        return None
    if tahun in ada:
        return tahun
    sebelum = [t for t in ada if t < tahun]
    return sebelum[-1] if sebelum else ada[0]


def sebaran(df: pd.DataFrame, tahun: int, jenis: str, kecamatan: str | None = None) -> pd.DataFrame:
    """One jenis per kecamatan (or per desa of `kecamatan`): nama, nilai, persen of the total."""
    isi = df[(df["tahun"] == tahun) & (df["jenis"] == jenis)]
    isi = isi[isi["desa"].notna() & (isi["kecamatan"] == kecamatan)] if kecamatan else isi[isi["desa"].isna() & isi["kecamatan"].notna()]
    hasil = pd.DataFrame({"nama": isi["desa"] if kecamatan else isi["kecamatan"], "nilai": isi["nilai"]})
    total = hasil["nilai"].sum()
    hasil["persen"] = hasil["nilai"] / total * 100 if total else np.nan
    return hasil.sort_values("nilai", ascending=False).reset_index(drop=True)


def tingkat_kabupaten(df: pd.DataFrame, tahun: int) -> pd.DataFrame:
    """Figures reported only for the whole kabupaten (no kecamatan)."""
    return df[(df["tahun"] == tahun) & df["kecamatan"].isna()][["jenis", "nama_jenis", "nilai", "satuan"]]


def matriks(df: pd.DataFrame, tahun: int, jenis: list[str] | None = None) -> pd.DataFrame:
    """Kecamatan x jenis counts (kecamatan level only), columns labelled by jenis code."""
    isi = df[(df["tahun"] == tahun) & df["desa"].isna() & df["kecamatan"].notna()]
    if jenis:
        isi = isi[isi["jenis"].isin(jenis)]
    if isi.empty:
        return pd.DataFrame()
    return isi.pivot_table(index="kecamatan", columns="jenis", values="nilai", aggfunc="sum").sort_index()


def rasio(df: pd.DataFrame, tahun: int, kecamatan: str | None = None) -> pd.DataFrame:
    """Derived ratios per kecamatan (or per desa of `kecamatan`) wherever both terms exist:
    PKH per 1.000 BDT records; BDT without NIK as a share of all records and, as the Tegal
    report prints it, as a ratio to the records with NIK."""
    isi = df[df["tahun"] == tahun]
    isi = isi[isi["desa"].notna() & (isi["kecamatan"] == kecamatan)] if kecamatan else isi[isi["desa"].isna() & isi["kecamatan"].notna()]
    kolom = "desa" if kecamatan else "kecamatan"
    if isi.empty:
        return pd.DataFrame()
    lebar = isi.pivot_table(index=kolom, columns="jenis", values="nilai", aggfunc="sum")
    hasil = pd.DataFrame(index=lebar.index)
    if {"PKH", "BDT"} <= set(lebar.columns):
        hasil["pkh_per_1000_bdt"] = lebar["PKH"] / lebar["BDT"] * 1000
    if {"BDT_NIK", "BDT_NON_NIK"} <= set(lebar.columns):
        jumlah = lebar["BDT_NIK"] + lebar["BDT_NON_NIK"]
        hasil["persen_tanpa_nik_dari_total"] = lebar["BDT_NON_NIK"] / jumlah * 100
        hasil["rasio_tanpa_nik_terhadap_nik"] = lebar["BDT_NON_NIK"] / lebar["BDT_NIK"] * 100
    hasil = hasil.dropna(how="all", axis=1)
    if hasil.empty or not len(hasil.columns):
        return pd.DataFrame()
    total = lebar.sum()
    baris_total = {}
    if "pkh_per_1000_bdt" in hasil:
        baris_total["pkh_per_1000_bdt"] = total["PKH"] / total["BDT"] * 1000
    if "persen_tanpa_nik_dari_total" in hasil:
        baris_total["persen_tanpa_nik_dari_total"] = total["BDT_NON_NIK"] / (total["BDT_NIK"] + total["BDT_NON_NIK"]) * 100
        baris_total["rasio_tanpa_nik_terhadap_nik"] = total["BDT_NON_NIK"] / total["BDT_NIK"] * 100
    hasil.loc["JUMLAH"] = pd.Series(baris_total)
    return hasil.reset_index().rename(columns={kolom: "wilayah"})
