"""Scoring indicators: capaian, capped score, predikat, status, averages, Renstra progress, change.

The formulas themselves (capaian, capped score, quarterly roll-up, predikat band) are defined
once in domain/rumus.py, beside their SQL form; this module applies them to an agency's rows in
pandas. It must not read the store or format for display.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sakip_calc.domain import rumus
from sakip_calc.domain.angka import sesuai_cetak
from sakip_calc.domain.rumus import TINGKAT_IKU, capaian, gabung_triwulan, skor  # noqa: F401 (this module's API)

TT, UK = "TT", "UK"
LABEL_STATUS = {TT: "Telah Tercapai", UK: "Upaya Keras"}
_ada = rumus.ada


def predikat(nilai, skala: pd.DataFrame) -> dict | None:
    """The band of one scale (rows of skala_predikat for one name) that holds `nilai`."""
    return rumus.pita_dari(nilai, pita_skala(skala))


def pita_skala(skala: pd.DataFrame) -> list[dict]:
    """A scale's bands in order, as rumus.pita_dari takes them (read once for many values)."""
    return skala.sort_values("urutan")[["kode", "label", "warna", "batas_bawah", "inklusif"]].to_dict("records")


def status_renstra(nilai_capaian) -> str | None:
    """TT (Telah Tercapai) at 100 % or more, UK (Upaya Keras) below (001 line 1186)."""
    if not _ada(nilai_capaian):
        return None
    return TT if nilai_capaian >= 100 else UK


def selaras(dilaporkan: float, dihitung: float) -> bool:
    """A reported percentage agrees with a computed one at the precision printed (the one rule:
    `domain.angka.sesuai_cetak`)."""
    return sesuai_cetak(dilaporkan, dihitung)


def beda_dari_laporan(dilaporkan, nilai_capaian, nilai_skor) -> bool:
    """True when the report's capaian matches neither the computed capaian nor the capped score."""
    if not (_ada(dilaporkan) and _ada(nilai_capaian)):
        return False
    return not selaras(dilaporkan, nilai_capaian) and not (_ada(nilai_skor) and selaras(dilaporkan, nilai_skor))


def gabung_triwulan_semua(triwulan: pd.DataFrame) -> pd.DataFrame:
    """rumus.gabung_triwulan for every (indikator_id, tahun) of quarter rows at once: sum, mean or
    the latest reported quarter (the vectorised twin; tests/test_rumus.py holds the two equal)."""
    g = triwulan[triwulan["realisasi"].notna()].sort_values("triwulan").groupby(["indikator_id", "tahun"])
    aturan = g["agregasi_triwulan"].first()
    nilai = np.where(
        aturan == "jumlah",
        g["realisasi"].sum(),
        np.where(aturan == "rata", g["realisasi"].mean(), g["realisasi"].last()),
    )
    return pd.DataFrame({"realisasi_triwulan": nilai}, index=aturan.index).reset_index()


def tabel_capaian(baris: pd.DataFrame, batas=None) -> pd.DataFrame:
    """Annual rows of `store.indikator_capaian`, scored. A year reported only by quarters gets its
    realisasi from them (column `realisasi_dari_triwulan` says so)."""
    if baris.empty:
        return baris.assign(capaian=pd.Series(dtype=float), skor=pd.Series(dtype=float))
    ada_tahun = baris[baris["tahun"].notna()]
    tahunan = ada_tahun[ada_tahun["triwulan"].isna()].copy()
    triwulan = ada_tahun[ada_tahun["triwulan"].notna()]
    gabungan = gabung_triwulan_semua(triwulan).astype(
        {"indikator_id": tahunan["indikator_id"].dtype, "tahun": tahunan["tahun"].dtype, "realisasi_triwulan": float}
    )
    tahunan = tahunan.merge(gabungan, on=["indikator_id", "tahun"], how="left")
    tahunan["realisasi"] = tahunan["realisasi"].astype(float)
    kosong = tahunan["realisasi"].isna() & tahunan["realisasi_triwulan"].notna()
    tahunan["realisasi_dari_triwulan"] = kosong
    tahunan["realisasi"] = tahunan["realisasi"].where(~kosong, tahunan["realisasi_triwulan"])
    tahunan = tahunan.drop(columns="realisasi_triwulan")
    tahunan["capaian"] = [capaian(r.target, r.realisasi, r.polaritas, r.target_atas) for r in tahunan.itertuples()]
    tahunan["skor"] = [skor(c, batas) for c in tahunan["capaian"]]
    tahunan["status"] = [status_renstra(c) for c in tahunan["capaian"]]
    tahunan["beda_laporan"] = [
        beda_dari_laporan(dl, c, s)
        for dl, c, s in zip(tahunan["capaian_dilaporkan"], tahunan["capaian"], tahunan["skor"])
    ]
    return tahunan.reset_index(drop=True)


def beri_predikat(df: pd.DataFrame, skala: pd.DataFrame, kolom: str = "skor") -> pd.DataFrame:
    pita = pita_skala(skala)  # sorted once: one agency-year can hold hundreds of indicators
    hasil = [rumus.pita_dari(v, pita) or {} for v in df[kolom]]
    return df.assign(
        predikat=[h.get("label") for h in hasil],
        predikat_kode=[h.get("kode") for h in hasil],
        warna=[h.get("warna") for h in hasil],
    )


def jumlah_per_predikat(df: pd.DataFrame, skala: pd.DataFrame) -> pd.DataFrame:
    """Indicators per predikat band, in the scale's order (bands with none included)."""
    hitung = df["predikat"].value_counts()
    pita = skala.sort_values("urutan")
    return pd.DataFrame(
        {
            "predikat": pita["label"].tolist(),
            "warna": pita["warna"].tolist(),
            "jumlah": [int(hitung.get(l, 0)) for l in pita["label"]],
        }
    )


def rata_rata(df: pd.DataFrame, menurut: list[str] | None = None, kolom: str = "skor") -> pd.DataFrame:
    """Mean score per group (sasaran, program, instansi): mean of its indicators (004 line 551)."""
    menurut = menurut or []
    isi = df[df[kolom].notna()]
    if not menurut:
        return pd.DataFrame({"rata_rata": [isi[kolom].mean() if len(isi) else None], "jumlah_indikator": [len(isi)]})
    return isi.groupby(menurut, dropna=False)[kolom].agg(rata_rata="mean", jumlah_indikator="count").reset_index()


def rata_rata_instansi(df: pd.DataFrame, kolom: str = "skor") -> float | None:
    """The agency's mean score: over its sasaran-level indicators (the IKU), or over its
    program-level ones when it reports no sasaran indicator."""
    for tingkat in TINGKAT_IKU:
        isi = df.loc[(df["tingkat"] == tingkat) & df[kolom].notna(), kolom]
        if len(isi):
            return float(isi.mean())
    return None


def kemajuan_renstra(df: pd.DataFrame) -> pd.DataFrame:
    """Progress towards the Renstra end target, per indicator, from its latest realisasi:
    capaian against target_akhir (same formula as a year's capaian) and the share of the way
    from kondisi_awal to target_akhir covered."""
    ada = df[df["realisasi"].notna()].sort_values("tahun")
    akhir = ada.groupby("indikator_id").tail(1).copy()
    akhir["capaian_target_akhir"] = [capaian(r.target_akhir, r.realisasi, r.polaritas) for r in akhir.itertuples()]
    jarak = akhir["target_akhir"] - akhir["kondisi_awal"]
    akhir["persen_jarak_ditempuh"] = np.where(
        jarak.abs() > 0, (akhir["realisasi"] - akhir["kondisi_awal"]) / jarak * 100, np.nan
    )
    akhir["status_renstra"] = [status_renstra(c) for c in akhir["capaian_target_akhir"]]
    return akhir[
        [
            "indikator_id",
            "kode",
            "nama",
            "tahun",
            "kondisi_awal",
            "target_akhir",
            "realisasi",
            "capaian_target_akhir",
            "persen_jarak_ditempuh",
            "status_renstra",
        ]
    ].rename(columns={"tahun": "tahun_terakhir"})


def perubahan_tahunan(df: pd.DataFrame, tahun: int, tahun_banding: int) -> pd.DataFrame:
    """Per indicator: realisasi and capaian in both years and their change."""
    kunci = ["indikator_id", "kode", "nama", "satuan", "polaritas"]
    a = df[df["tahun"] == tahun].set_index(kunci)[["realisasi", "capaian", "skor"]]
    b = df[df["tahun"] == tahun_banding].set_index(kunci)[["realisasi", "capaian", "skor"]]
    gab = a.merge(b, left_index=True, right_index=True, how="outer", suffixes=("", "_banding")).reset_index()
    gab["selisih_realisasi"] = gab["realisasi"] - gab["realisasi_banding"]
    gab["persen_perubahan_realisasi"] = np.where(
        gab["realisasi_banding"].abs() > 0, gab["selisih_realisasi"] / gab["realisasi_banding"].abs() * 100, np.nan
    )
    gab["selisih_capaian"] = gab["capaian"] - gab["capaian_banding"]
    gab["selisih_skor"] = gab["skor"] - gab["skor_banding"]
    return gab
