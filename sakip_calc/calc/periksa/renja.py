"""The quarterly Evaluasi Renja form's own mistakes, on the stored rows (the import preview reports
the same from the file: ingest/renja_cek.py). Parent Rp that differ from their children are `induk`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sakip_calc.ingest.renja_cek import persen_dijumlah
from sakip_calc.ingest.renja_isi import agregasi

from .dasar import MELEBIHI_TARGET, PERSEN_DIJUMLAH, Data, bingkai

AWALAN_SUMBER = "Evaluasi Renja"  # capaian.sumber of rows imported from the form


def _kunci(b: pd.DataFrame) -> pd.Series:
    return b["kode"] + " " + b["nama"]


def cek_persen_dijumlah(d: Data) -> list[pd.DataFrame]:
    """A percentage or index indicator's year is its last quarter, not the sum of its quarters."""
    tw = d.ind[d.ind["triwulan"].notna()]
    if tw.empty:
        return []
    per_tw = tw.sort_values("triwulan").groupby(["indikator_id", "tahun"])["realisasi"].agg(list).rename("tw")
    r = d.ind[d.ind["triwulan"].isna() & d.ind["realisasi"].notna()].join(
        per_tw, on=["indikator_id", "tahun"], how="inner"
    )
    r = r[[agregasi(s) == "akhir" for s in r["satuan"]]]  # the rule speaks of level indicators only
    if r.empty:
        return []
    dijumlah = [
        persen_dijumlah(s, [v for v in t if pd.notna(v)], x) for s, t, x in zip(r["satuan"], r["tw"], r["realisasi"])
    ]
    return [
        bingkai(
            r,
            ~np.array(dijumlah, dtype=bool),
            PERSEN_DIJUMLAH,
            tabel="capaian",
            kunci=_kunci,
            dilaporkan=r["realisasi"],
            dihitung=lambda b: [t[-1] for t in b["tw"]],
            sumber=r["sumber"],
            keterangan=lambda b: [
                f"satuan {s}: nilai tahunan = jumlah triwulan; untuk persentase/indeks nilai tahunan adalah "
                "triwulan terakhir"
                for s in b["satuan"]
            ],
            rujukan=lambda b: [f"capaian {k} {int(t)} triwulan 1-4" for k, t in zip(b["kode"], b["tahun"])],
        )
    ]


def cek_melebihi_target(d: Data) -> list[pd.DataFrame]:
    """Realisation above target is explained in the form's Keterangan column."""
    i = d.ind
    r = i[
        i["triwulan"].isna()
        & i["sumber"].fillna("").str.startswith(AWALAN_SUMBER)
        & (i["polaritas"] == "naik")
        & i["realisasi"].notna()
        & i["target"].notna()
    ]
    if r.empty:
        return []
    cocok = ~((r["realisasi"] > r["target"]) & r["catatan"].fillna("").str.strip().eq(""))
    return [
        bingkai(
            r,
            cocok,
            MELEBIHI_TARGET,
            tabel="capaian",
            kunci=_kunci,
            dilaporkan=r["realisasi"],
            dihitung=r["target"],
            sumber=r["sumber"],
            keterangan="form Evaluasi Renja: kolom Keterangan kosong",
            rujukan=lambda b: [f"capaian {k} {int(t)}" for k, t in zip(b["kode"], b["tahun"])],
        )
    ]


CEK = (cek_persen_dijumlah, cek_melebihi_target)
