"""Indicator rows against themselves: stated capaian, numerator ÷ denominator, quarters vs year."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sakip_calc.calc.skor import _ada, capaian, gabung_triwulan_semua, skor
from sakip_calc.domain.angka import sama_persis, sesuai_cetak

from .dasar import CAPAIAN_BEDA, PECAHAN_BEDA, TRIWULAN_BEDA, Data, bingkai


def _kunci(df: pd.DataFrame) -> pd.Series:
    tw = [f", triwulan {int(t)}" if _ada(t) else "" for t in df["triwulan"]]
    return [f"{k} {n}{t}" for k, n, t in zip(df["kode"], df["nama"], tw)]


def _rujukan(df: pd.DataFrame) -> pd.Series:
    return [
        f"capaian {k} {int(th) if _ada(th) else ''}" + (f" triwulan {int(t)}" if _ada(t) else "")
        for k, th, t in zip(df["kode"], df["tahun"], df["triwulan"])
    ]


def cek_capaian(d: Data) -> list[pd.DataFrame]:
    """A stated capaian agrees with the raw value or with the agency's capped score."""
    r = d.ind[d.ind["capaian_dilaporkan"].notna()]
    hitung = pd.Series(
        [capaian(t, x, p, ta) for t, x, p, ta in zip(r["target"], r["realisasi"], r["polaritas"], r["target_atas"])],
        index=r.index,
        dtype=float,
    )
    r, hitung = r[hitung.notna()], hitung[hitung.notna()]
    batas = r["instansi"].map(d.batas)
    berbatas = pd.Series([skor(c, b) for c, b in zip(hitung, batas)], index=r.index, dtype=float)
    cocok = sesuai_cetak(r["capaian_dilaporkan"], hitung) | (
        batas.notna().to_numpy() & sesuai_cetak(r["capaian_dilaporkan"], berbatas)
    )
    return [
        bingkai(
            r,
            cocok,
            CAPAIAN_BEDA,
            tabel="capaian",
            kunci=_kunci,
            dilaporkan=r["capaian_dilaporkan"],
            dihitung=hitung,
            sumber=r["sumber"],
            keterangan=lambda b: [
                f"target {t:g}, realisasi {x:g}, polaritas {p}"
                for t, x, p in zip(b["target"], b["realisasi"], b["polaritas"])
            ],
            rujukan=_rujukan,
        )
    ]


def cek_pecahan(d: Data) -> list[pd.DataFrame]:
    """A percentage indicator's realisasi is its numerator over its denominator × 100."""
    r = d.ind[
        d.ind["pembilang"].notna()
        & d.ind["penyebut"].notna()
        & (d.ind["penyebut"] != 0)
        & d.ind["realisasi"].notna()
        & d.ind["satuan"].fillna("").str.contains("%")
    ]
    hitung = r["pembilang"] / r["penyebut"] * 100
    return [
        bingkai(
            r,
            sesuai_cetak(r["realisasi"], hitung),
            PECAHAN_BEDA,
            tabel="capaian",
            kunci=_kunci,
            dilaporkan=r["realisasi"],
            dihitung=hitung,
            sumber=r["sumber"],
            keterangan=lambda b: [f"{p:g} ÷ {q:g} × 100" for p, q in zip(b["pembilang"], b["penyebut"])],
            rujukan=_rujukan,
        )
    ]


def cek_triwulan(d: Data) -> list[pd.DataFrame]:
    """The quarters, combined by the indicator's rule, give the year's realisasi: a sum of counts
    exactly, the last quarter or a mean at the precision printed."""
    tw = d.ind[d.ind["triwulan"].notna() & d.ind["tahun"].notna()]
    if tw.empty:
        return []
    gab = gabung_triwulan_semua(tw)
    n = tw[tw["realisasi"].notna()].groupby(["indikator_id", "tahun"]).size().rename("n").reset_index()
    th = d.ind[d.ind["triwulan"].isna() & d.ind["realisasi"].notna()]
    r = th.merge(gab, on=["indikator_id", "tahun"]).merge(n, on=["indikator_id", "tahun"])
    jumlah = (r["agregasi_triwulan"].fillna("akhir") == "jumlah").to_numpy()
    cocok = np.where(
        jumlah,
        sama_persis(r["realisasi"], r["realisasi_triwulan"]),
        sesuai_cetak(r["realisasi"], r["realisasi_triwulan"]),
    )
    return [
        bingkai(
            r,
            cocok,
            TRIWULAN_BEDA,
            tabel="capaian",
            kunci=_kunci,
            dilaporkan=r["realisasi"],
            dihitung=r["realisasi_triwulan"],
            sumber=r["sumber"],
            keterangan=lambda b: [
                f"realisasi tahun vs {n} triwulan ({a if isinstance(a, str) else 'akhir'})"
                for n, a in zip(b["n"], b["agregasi_triwulan"])
            ],
            rujukan=lambda b: [f"capaian {k} {t} triwulan 1-4" for k, t in zip(b["kode"], b["tahun"])],
        )
    ]


CEK = (cek_capaian, cek_pecahan, cek_triwulan)
