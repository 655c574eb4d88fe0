"""Budget: serapan per line and up the hierarchy, efisiensi by the methods in use, quarters.

A parent line keeps the pagu/realisasi its report states; the sum of its children is shown
beside it (and a difference is a consistency problem), never silently substituted. Where a
parent states nothing, the children's sum stands in and the row says so.

Efficiency formulas are not defined here: each lives once in calc/efisiensi.py and is applied
here by its code. This module must not read the store or format for display.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sakip_calc.calc import efisiensi as ef
from sakip_calc.calc.skor import _ada, rata_rata_instansi

# The methods live in calc/efisiensi.py; these names are what pages, deck and tests import.
METODE_EFISIENSI = ef.METODE_EFISIENSI
METODE_BAKU = ef.METODE_BAKU
efisiensi_tertimbang = ef.tertimbang


def serapan(pagu, realisasi) -> float | None:
    """realisasi / pagu x 100; None when either is missing or the pagu is 0."""
    if not (_ada(pagu) and _ada(realisasi)) or pagu == 0:
        return None
    return realisasi / pagu * 100


def efisiensi(capaian, nilai_serapan, metode: str = METODE_BAKU) -> float | None:
    """The efisiensi of one capaian and serapan by `metode` (methods needing pagu give None)."""
    return ef.nilai(metode, capaian, nilai_serapan)


def tabel_anggaran(baris: pd.DataFrame) -> pd.DataFrame:
    """Budget lines of one agency-year (or of many at once) with serapan, children sums (pagu,
    realisasi, Renja and Renstra columns) and the values used for totals."""
    df = baris.copy()
    kunci = [k for k in ("instansi_id", "tahun") if k in df.columns]
    anak_baris = df[df["induk_kode"].notna()]
    kolom_anak = [k for k in ("pagu", "realisasi", "pagu_renja", "pagu_renstra") if k in df.columns]
    g = anak_baris.groupby([*kunci, "induk_kode"])
    anak = g[kolom_anak].sum(min_count=1).rename(columns={k: f"{k}_anak" for k in kolom_anak})
    anak["jumlah_anak"] = g.size()
    anak.index = anak.index.rename("kode", level="induk_kode") if kunci else anak.index.rename("kode")
    df = df.join(anak, on=[*kunci, "kode"])
    df["jumlah_anak"] = df["jumlah_anak"].fillna(0).astype(int)
    df["pagu_dipakai"] = df["pagu"].fillna(df["pagu_anak"])
    df["realisasi_dipakai"] = df["realisasi"].fillna(df["realisasi_anak"])
    df["dari_anak"] = df["pagu"].isna() & df["pagu_anak"].notna()
    pagu = df["pagu_dipakai"].astype(float)
    df["serapan"] = (df["realisasi_dipakai"].astype(float) / pagu.where(pagu != 0)) * 100
    df["sisa_anggaran"] = df["pagu_dipakai"] - df["realisasi_dipakai"]
    return df


def total_instansi(df: pd.DataFrame) -> dict:
    """Agency total = the sum of its programs (DOMAIN.md, 'Totals')."""
    program = df[df["tingkat"] == "program"]
    pagu = program["pagu_dipakai"].sum(min_count=1) if len(program) else None
    realisasi = program["realisasi_dipakai"].sum(min_count=1) if len(program) else None
    pagu = None if pagu is None or pd.isna(pagu) else float(pagu)
    realisasi = None if realisasi is None or pd.isna(realisasi) else float(realisasi)
    return {
        "pagu": pagu,
        "realisasi": realisasi,
        "serapan": serapan(pagu, realisasi),
        "jumlah_program": int(len(program)),
    }


def capaian_program(skor_indikator: pd.DataFrame) -> pd.DataFrame:
    """Mean score of each program's own indicators (tingkat program, linked by program_kode);
    output indicators of its kegiatan and sub-kegiatan measure something else."""
    isi = skor_indikator[
        skor_indikator["program_kode"].notna()
        & skor_indikator["skor"].notna()
        & (skor_indikator["tingkat"] == "program")
    ]
    return (
        isi.groupby("program_kode")
        .agg(capaian=("skor", "mean"), jumlah_indikator=("skor", "count"), sasaran=("sasaran", "first"))
        .reset_index()
        .rename(columns={"program_kode": "kode"})
    )


def efisiensi_program(
    df_anggaran: pd.DataFrame, skor_indikator: pd.DataFrame, metode: str = METODE_BAKU
) -> pd.DataFrame:
    """One row per program: pagu, realisasi, serapan, capaian, efisiensi by `metode`.
    A program without indicators takes the agency's mean score, and says so (Temanggung's Table
    3.10 rates its Program Penunjang that way); its status is then "tidak dapat dinilai" for
    every method that uses capaian."""
    program = df_anggaran[df_anggaran["tingkat"] == "program"][
        ["kode", "nama", "pagu_dipakai", "realisasi_dipakai", "serapan"]
    ].rename(columns={"pagu_dipakai": "pagu", "realisasi_dipakai": "realisasi"})
    cap = capaian_program(skor_indikator)
    hasil = program.merge(cap, on="kode", how="left")
    rata = rata_rata_instansi(skor_indikator)
    tanpa = hasil["capaian"].isna()
    hasil["sumber_capaian"] = np.where(tanpa, "rata-rata instansi (program tanpa indikator)", "indikator program")
    if rata is not None:
        hasil.loc[tanpa, "capaian"] = rata
    hasil["jumlah_indikator"] = hasil["jumlah_indikator"].fillna(0).astype(int)
    hasil["efisiensi"] = np.array(_efisiensi_baris(hasil, metode), dtype=float)
    hasil["metode_efisiensi"] = METODE_EFISIENSI[metode]
    # the chosen method's own reading; a program rated by the agency mean is not rated at all
    m = ef.metode(metode)
    hasil["status_efisiensi"] = [
        ef.TIDAK_DAPAT_DINILAI if t and _ada(e) and m.pakai_capaian else m.status(e)
        for t, e in zip(tanpa, hasil["efisiensi"])
    ]
    return hasil


def _efisiensi_baris(df: pd.DataFrame, metode: str) -> list:
    hitung = ef.metode(metode).hitung
    return [hitung(c, s, p, r) for c, s, p, r in zip(df["capaian"], df["serapan"], df["pagu"], df["realisasi"])]


def efisiensi_sasaran(per_program: pd.DataFrame, metode: str = METODE_BAKU) -> pd.DataFrame:
    """Programs grouped by the sasaran their indicators measure: summed pagu and realisasi,
    mean capaian, efisiensi by `metode` (the weighted form sums over the programs)."""
    m = ef.metode(metode)
    df = per_program.assign(sasaran=per_program["sasaran"].fillna("(program tanpa indikator sasaran)"))
    baris = []
    for sasaran, g in df.groupby("sasaran", sort=False):
        pagu, realisasi = g["pagu"].sum(min_count=1), g["realisasi"].sum(min_count=1)
        s = serapan(pagu, realisasi)
        c = g["capaian"].mean() if g["capaian"].notna().any() else None
        e = m.gabung(g) if m.gabung else m.hitung(c, s, pagu, realisasi)
        baris.append(
            {
                "sasaran": sasaran,
                "jumlah_program": len(g),
                "pagu": pagu,
                "realisasi": realisasi,
                "serapan": s,
                "capaian": c,
                "efisiensi": e,
                "metode_efisiensi": m.label,
            }
        )
    return pd.DataFrame(baris)


def kurva_triwulan(triwulan: pd.DataFrame, tingkat: str = "program") -> pd.DataFrame:
    """Cumulative realisasi per quarter for the lines of one level, with the level's pagu."""
    isi = triwulan[triwulan["tingkat"] == tingkat]
    if isi.empty:
        return pd.DataFrame(columns=["triwulan", "realisasi", "kumulatif", "pagu", "persen_kumulatif"])
    per = (
        isi.groupby("triwulan")["realisasi"]
        .sum()
        .reindex([1, 2, 3, 4], fill_value=0.0)
        .rename("realisasi")
        .reset_index()
    )
    per["kumulatif"] = per["realisasi"].cumsum()
    pagu = isi.drop_duplicates("kode")["pagu"].sum()
    per["pagu"] = pagu
    per["persen_kumulatif"] = per["kumulatif"] / pagu * 100 if pagu else np.nan
    return per
