"""Kualitas Data checks for the quarterly Evaluasi Renja form's own mistakes, on the stored rows
(the import preview reports the same ones from the file: ingest/renja_cek.py). Registered in
periksa.CEK_TAMBAHAN; parent Rp that differ from their children are periksa's INDUK_BEDA.
"""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc import periksa
from sakip_calc.ingest.renja_cek import persen_dijumlah

PERSEN_DIJUMLAH = "Persentase triwulan dijumlahkan (rumus 13 = 9+10+11+12)"
MELEBIHI_TARGET = "Realisasi melebihi target tanpa keterangan"
AWALAN_SUMBER = "Evaluasi Renja"  # capaian.sumber of rows imported from the form


def cek_persen_dijumlah(ind: pd.DataFrame, _ang: pd.DataFrame, masalah: list) -> None:
    tw = ind[ind["triwulan"].notna()]
    if tw.empty:
        return
    tahunan = ind[ind["triwulan"].isna() & ind["realisasi"].notna()].set_index(["indikator_id", "tahun"])
    for (iid, tahun), g in tw.groupby(["indikator_id", "tahun"]):
        if (iid, tahun) not in tahunan.index:
            continue
        r = tahunan.loc[(iid, tahun)]
        nilai = g.sort_values("triwulan")["realisasi"].tolist()
        if persen_dijumlah(r["satuan"], [v for v in nilai if pd.notna(v)], r["realisasi"]):
            periksa._baris(
                masalah, r["instansi"], tahun, "capaian", f"{r['kode']} {r['nama']}", PERSEN_DIJUMLAH,
                r["realisasi"], nilai[-1], r["sumber"],
                f"satuan {r['satuan']}: nilai tahunan = jumlah triwulan; untuk persentase/indeks nilai tahunan "
                "adalah triwulan terakhir",
            )  # fmt: skip


def cek_melebihi_target(ind: pd.DataFrame, _ang: pd.DataFrame, masalah: list) -> None:
    d = ind[
        ind["triwulan"].isna()
        & ind["sumber"].fillna("").str.startswith(AWALAN_SUMBER)
        & (ind["polaritas"] == "naik")
        & (ind["realisasi"] > ind["target"])
        & ind["catatan"].fillna("").str.strip().eq("")
    ]
    for r in d.itertuples():
        periksa._baris(
            masalah, r.instansi, r.tahun, "capaian", f"{r.kode} {r.nama}", MELEBIHI_TARGET, r.realisasi,
            r.target, r.sumber, "form Evaluasi Renja: kolom Keterangan kosong",
        )  # fmt: skip


periksa.CEK_TAMBAHAN.extend([cek_persen_dijumlah, cek_melebihi_target])
