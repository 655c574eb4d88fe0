"""The reports' formulas, each defined once: its Python form and, beside it, its SQL form.

The pages score one agency in pandas (calc/skor.py, calc/anggaran.py); the comparison of all
agencies and the derived tables score millions of rows in DuckDB (store/agregat.py,
store/banding.py). Both take their formula from here, so a change is made in one place;
tests/test_rumus.py holds the two forms equal on the seeds and on synthetic data.

  capaian, naik:  realisasi / target x 100                        (000 line 634)
  capaian, turun: (target - (realisasi - target)) / target x 100  (000 line 639)
A range target [target, target_atas] scores 100 inside the range, and by the naik formula
against its lower bound below it, by the turun formula against its upper bound above it.
A target of 0 or a missing value gives no capaian (None / NULL), never a guess.

This module must not import pandas, the store or anything above the domain layer.
"""

from __future__ import annotations

import math

TINGKAT_IKU = ("sasaran", "program")  # an agency's mean: its sasaran indicators, else its program ones
AGREGASI_BAKU = "akhir"  # a quarterly indicator without a rule: its latest quarter


def ada(x) -> bool:
    """A value is there: not None, not NaN, not pandas' NA."""
    return x is not None and not (isinstance(x, float) and math.isnan(x)) and type(x).__name__ != "NAType"


# ---- capaian ----------------------------------------------------------------------------------


def _naik(target, realisasi):
    return None if target == 0 else realisasi / target * 100


def _turun(target, realisasi):
    return None if target == 0 else (target - (realisasi - target)) / target * 100


def capaian(target, realisasi, polaritas: str = "naik", target_atas=None) -> float | None:
    """Capaian in percent, uncapped (the raw value)."""
    if not (ada(target) and ada(realisasi)):
        return None
    if ada(target_atas):
        if target <= realisasi <= target_atas:
            return 100.0
        return _naik(target, realisasi) if realisasi < target else _turun(target_atas, realisasi)
    return _turun(target, realisasi) if polaritas == "turun" else _naik(target, realisasi)


def _sql_naik(t: str, r: str) -> str:
    return f"CASE WHEN {t} = 0 THEN NULL ELSE {r} / {t} * 100 END"


def _sql_turun(t: str, r: str) -> str:
    return f"CASE WHEN {t} = 0 THEN NULL ELSE ({t} - ({r} - {t})) / {t} * 100 END"


def sql_capaian(
    target: str = "target", realisasi: str = "realisasi", polaritas: str = "polaritas", target_atas: str = "target_atas"
) -> str:
    """`capaian` as a DuckDB expression over the named columns."""
    t, r, ta = target, realisasi, target_atas
    return f"""CASE WHEN {t} IS NULL OR {r} IS NULL THEN NULL
        WHEN {ta} IS NOT NULL THEN CASE WHEN {r} BETWEEN {t} AND {ta} THEN 100.0
            WHEN {r} < {t} THEN {_sql_naik(t, r)} ELSE {_sql_turun(ta, r)} END
        WHEN {polaritas} = 'turun' THEN {_sql_turun(t, r)}
        ELSE {_sql_naik(t, r)} END"""


# ---- capped score ------------------------------------------------------------------------------


def skor(nilai_capaian, batas=None) -> float | None:
    """The score used for averages and predikat: capaian capped at `batas` (None = uncapped)."""
    if not ada(nilai_capaian):
        return None
    return min(nilai_capaian, batas) if ada(batas) else nilai_capaian


def sql_skor(capaian_: str, batas: str) -> str:
    return f"CASE WHEN {batas} IS NULL OR {capaian_} IS NULL THEN {capaian_} ELSE least({capaian_}, {batas}) END"


# ---- quarterly roll-up -------------------------------------------------------------------------


def gabung_triwulan(nilai: list, aturan: str | None) -> float | None:
    """One year's value from its quarters (in quarter order) by the indicator's own rule."""
    isi = [v for v in nilai if ada(v)]
    if not isi:
        return None
    if aturan == "jumlah":
        return float(sum(isi))
    if aturan == "rata":
        return float(sum(isi) / len(isi))
    return float(isi[-1])  # 'akhir', and the default: the latest quarter reported


def sql_gabung_triwulan(aturan: str, nilai: str, triwulan: str) -> str:
    """`gabung_triwulan` as a DuckDB aggregate over the quarter rows that have a value."""
    return (
        f"CASE {aturan} WHEN 'jumlah' THEN sum({nilai}) WHEN 'rata' THEN avg({nilai}) "
        f"ELSE arg_max({nilai}, {triwulan}) END"
    )


# ---- predikat band -----------------------------------------------------------------------------
# A band holds scores above its lower bound (or equal to it when inklusif); bands are tried from
# the top, the last one takes the rest, so every score falls in exactly one band.


def dalam_pita(nilai, batas_bawah, inklusif) -> bool:
    return not ada(batas_bawah) or nilai > batas_bawah or bool(inklusif and nilai == batas_bawah)


def pita_dari(nilai, pita: list[dict]) -> dict | None:
    """The band (a dict with kode, label, warna, batas_bawah, inklusif; the bands in scale order)
    that holds `nilai`; None for a missing value."""
    if not ada(nilai) or not pita:
        return None
    terpilih = next((p for p in pita if dalam_pita(nilai, p["batas_bawah"], p["inklusif"])), pita[-1])
    return {"kode": terpilih["kode"], "label": terpilih["label"], "warna": terpilih["warna"]}


def sql_dalam_pita(nilai: str, batas_bawah: str, inklusif: str) -> str:
    return f"({batas_bawah} IS NULL OR {nilai} > {batas_bawah} OR ({inklusif} AND {nilai} = {batas_bawah}))"


# ---- agency mean and totals --------------------------------------------------------------------


def sql_rata_rata_instansi(skor_: str, tingkat: str) -> str:
    """calc.skor.rata_rata_instansi as a DuckDB aggregate: the mean over the first of TINGKAT_IKU
    that has a score."""
    return "coalesce(" + ", ".join(f"avg({skor_}) FILTER (WHERE {tingkat} = '{t}')" for t in TINGKAT_IKU) + ")"


def sql_serapan(pagu: str, realisasi: str) -> str:
    """calc.anggaran.serapan: realisasi / pagu x 100, NULL when either is missing or the pagu is 0."""
    return f"CASE WHEN {pagu} <> 0 THEN {realisasi} / {pagu} * 100 END"
