"""Backtest of the in-year projection (`python -m sakip_calc backtest`): for every agency-year with
four quarters, hide the last one (or two), project with the Pemantauan page's own function
(pemantauan.hitung up to that quarter; earlier years stay known, as they would be), and compare
with what the year really ended at: absolute error in percentage points of serapan (program
budgets) and capaian (indicators), and whether each "berisiko" call was right, judged by the
year-end value on the quarter-IV thresholds.
"""

from __future__ import annotations

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import pemantauan as pm
from sakip_calc.domain.angka import format_angka


def uji_mundur(con, sembunyi: tuple[int, ...] = (1, 2), instansi_id: int | None = None) -> pd.DataFrame:
    """One row per (agency, year, hidden quarters, series): projected and real year-end percent."""
    instansi = store.instansi(con)
    if instansi_id is not None:
        instansi = instansi[instansi["id"] == instansi_id]
    skala = store.skala_predikat(con)
    hasil = []
    for iid, kode in zip(instansi["id"], instansi["kode"]):
        ind, ang, tw = store.indikator_capaian(con, iid), store.anggaran(con, iid), store.anggaran_triwulan(con, iid)
        for tahun in sorted(set(ind["tahun"].dropna().astype(int)) | set(tw["tahun"].dropna().astype(int))):
            if pm.triwulan_terakhir(ind, tw, tahun) != 4:
                continue
            nyata = pm.hitung(ind, ang, tw, skala, tahun, 4)["baris"].set_index(["jenis", "kode"])
            for h in sembunyi:
                tebak = pm.hitung(ind, ang, tw, skala, tahun, 4 - h)["baris"]
                gabung = tebak.join(nyata[["persen_proyeksi", "status"]], on=["jenis", "kode"], suffixes=("", "_nyata"))
                gabung = gabung[gabung["persen_proyeksi"].notna() & gabung["persen_proyeksi_nyata"].notna()]
                hasil.append(
                    pd.DataFrame(
                        {
                            "instansi": kode,
                            "tahun": tahun,
                            "sembunyi": h,
                            "jenis": gabung["jenis"],
                            "kode": gabung["kode"],
                            "metode": gabung["metode"],
                            "proyeksi": gabung["persen_proyeksi"],
                            "nyata": gabung["persen_proyeksi_nyata"],
                            "status": gabung["status"],
                            "status_nyata": gabung["status_nyata"],
                        }
                    )
                )
    kolom = ["instansi", "tahun", "sembunyi", "jenis", "kode", "metode", "proyeksi", "nyata", "status", "status_nyata"]
    return pd.concat(hasil, ignore_index=True) if hasil else pd.DataFrame(columns=kolom)


def ringkas(df: pd.DataFrame) -> pd.DataFrame:
    """Per hidden quarters and kind: MAE (points), median error, and the berisiko calls."""
    baris = []
    for (h, jenis), g in df.groupby(["sembunyi", "jenis"]):
        galat = (g["proyeksi"] - g["nyata"]).abs()
        tebak = g["status"] == pm.BERISIKO
        benar = g["status_nyata"] == pm.BERISIKO
        baris.append(
            {
                "sembunyi": h,
                "jenis": jenis,
                "n": len(g),
                "instansi_tahun": g[["instansi", "tahun"]].drop_duplicates().shape[0],
                "mae": galat.mean(),
                "median": galat.median(),
                "tebakan_berisiko": int(tebak.sum()),
                "tebakan_benar": int((tebak & benar).sum()),
                "berisiko_nyata": int(benar.sum()),
                "metode": "; ".join(
                    f"{m}: {len(gm)} baris, MAE {format_angka((gm['proyeksi'] - gm['nyata']).abs().mean(), 1)}"
                    for m, gm in g.groupby("metode")
                ),
            }
        )
    return pd.DataFrame(baris)
