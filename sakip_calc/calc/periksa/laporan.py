"""Figures a report states elsewhere (`angka_laporan`: totals, a second table, the narrative,
figures in words) against the rows and against each other."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import numpy as np
import pandas as pd

from sakip_calc.calc import efisiensi, sebaran
from sakip_calc.calc.anggaran import serapan
from sakip_calc.calc.skor import _ada
from sakip_calc.domain.angka import sama_persis, sesuai_cetak

from .dasar import (
    ANTAR_TABEL,
    EFISIENSI_BEDA,
    MELEBIHI_PAGU,
    RASIO_BEDA,
    SERAPAN_BEDA,
    SERAPAN_TANPA_PAGU,
    TERBILANG_BEDA,
    TOTAL_BEDA,
    Data,
    baris,
    dari_baris,
)

PERSEN = frozenset({"serapan", "capaian", "efisiensi", "rata_capaian", "fisik_persen"})
RUPIAH = frozenset({"pagu", "pagu_renja", "pagu_renstra", "realisasi_anggaran", "efisiensi_rupiah"})
_KOLOM_ANGGARAN = {
    "pagu": "pagu",
    "pagu_renja": "pagu_renja",
    "pagu_renstra": "pagu_renstra",
    "realisasi_anggaran": "realisasi",
    "serapan": "serapan_dilaporkan",
    "fisik_persen": "fisik_persen",
}
_KOLOM_INDIKATOR = {"target": "target", "realisasi": "realisasi", "capaian": "capaian_dilaporkan"}
TERBILANG = "(terbilang)"


def cocok(besaran: str, dilaporkan: float, dihitung: float) -> bool:
    """Rupiah and counts exactly; percentages and measured values at the precision printed."""
    if besaran in RUPIAH or besaran in ("jumlah",):
        return sama_persis(dilaporkan, dihitung)
    return sesuai_cetak(dilaporkan, dihitung)


def _str(x) -> str:
    return x if isinstance(x, str) else ""


class _Wilayah(NamedTuple):
    """One agency-year's wilayah rows as arrays, in row order: a sum over a selection adds the
    same numbers in the same order as the pandas sum it replaces (exact comparisons depend on it)."""

    jenis: np.ndarray
    kecamatan: np.ndarray
    tanpa_desa: np.ndarray
    ada_kec: np.ndarray
    nilai: np.ndarray


_TANPA_WILAYAH = _Wilayah(*(np.array([], dtype=t) for t in (object, object, bool, bool, float)))


def _wilayah(wil: pd.DataFrame, dinyatakan: pd.DataFrame) -> dict[tuple, _Wilayah]:
    """The agency-years a statement names."""
    wil = wil.merge(dinyatakan[["instansi", "tahun"]].drop_duplicates(), on=["instansi", "tahun"])
    return {
        k: _Wilayah(
            g["jenis"].to_numpy(object),
            g["kecamatan"].to_numpy(object, na_value=None),
            g["desa"].isna().to_numpy(),
            g["kecamatan"].notna().to_numpy(),
            g["nilai"].to_numpy(float),
        )
        for k, g in wil.groupby(["instansi", "tahun"], sort=False)
    }


def _per_kunci(df: pd.DataFrame, dinyatakan: pd.DataFrame, kunci: list[str]) -> dict[tuple, dict]:
    """The rows of `df` whose key a statement names, each as a dict under its key (the first row
    where a key repeats)."""
    df = df.merge(dinyatakan[kunci].drop_duplicates(), on=kunci)  # inner: keeps df's row order
    hasil: dict[tuple, dict] = {}
    for k, r in zip(df[kunci].itertuples(index=False, name=None), df.to_dict("records"), strict=True):
        hasil.setdefault(k, r)
    return hasil


def cek_angka_laporan(d: Data) -> list[pd.DataFrame]:
    lap = d.lap
    if lap.empty:
        return []
    hasil: list[dict] = []
    per_sumber = defaultdict(dict)  # (instansi, tahun, sumber, objek, kode, kecamatan) -> {besaran: nilai}
    for r in lap.itertuples():
        per_sumber[(r.instansi, r.tahun, r.sumber, r.objek, r.kode, r.kecamatan)][r.besaran] = r.nilai
    # rows by key as dicts: one lookup per stated figure, not a pandas .loc (most of this check's time)
    # (only the rows a statement names: a chunk of the national recompute holds 30 000 budget rows)
    tahunan = d.ind[d.ind["triwulan"].isna()]
    tahunan = _per_kunci(tahunan, lap[lap["objek"] == "indikator"], ["instansi", "kode", "tahun"])
    ang = _per_kunci(d.ang, lap[lap["objek"].isin(["anggaran", "program"])], ["instansi", "tahun", "kode"])
    # a report states a year's figures: its latest update period
    wil = _wilayah(sebaran.periode_terakhir(d.wil), lap[lap["objek"] == "wilayah"])
    program = d.ang[d.ang["tingkat"] == "program"].groupby(["instansi", "tahun"])[["pagu_dipakai", "realisasi_dipakai"]]
    program = program.sum(min_count=1)
    for r in lap[lap["nilai"].notna()].itertuples():
        kunci_tampil = " · ".join(x for x in (f"{r.objek} {_str(r.kode)}".strip(), _str(r.kecamatan)) if x)

        def lapor(jenis, dihitung, ok, ket="", rujukan="", r=r, kunci_tampil=kunci_tampil):
            hasil.append(
                baris(
                    r.instansi,
                    r.tahun,
                    "angka_laporan",
                    kunci_tampil,
                    jenis,
                    r.nilai,
                    dihitung,
                    ok,
                    r.sumber,
                    ket,
                    rujukan,
                )
            )

        if r.objek == "indikator":
            kolom = _KOLOM_INDIKATOR.get(r.besaran)
            if kolom and (utama := tahunan.get((r.instansi, r.kode, r.tahun))):
                if _ada(utama[kolom]):
                    ok = cocok(r.besaran, r.nilai, utama[kolom])
                    lapor(
                        ANTAR_TABEL,
                        utama[kolom],
                        ok,
                        f"{r.besaran} di tabel utama ({utama['sumber']})",
                        f"capaian {r.kode} {r.tahun}",
                    )
        elif r.objek == "anggaran":
            kolom = _KOLOM_ANGGARAN.get(r.besaran)
            if kolom and (b := ang.get((r.instansi, r.tahun, r.kode))):
                if _ada(b[kolom]):
                    ok = cocok(r.besaran, r.nilai, b[kolom])
                    lapor(
                        ANTAR_TABEL, b[kolom], ok, f"{r.besaran} di tabel utama ({b['sumber']})", f"anggaran {r.kode}"
                    )
        elif r.objek in ("instansi", "program"):
            if r.objek == "instansi":
                if (r.instansi, r.tahun) not in program.index:
                    continue
                pagu, realisasi = program.loc[(r.instansi, r.tahun)]
                rujukan = "anggaran: baris program"
            else:
                if not (b := ang.get((r.instansi, r.tahun, r.kode))):
                    continue
                pagu, realisasi = b["pagu_dipakai"], b["realisasi_dipakai"]
                rujukan = f"anggaran {r.kode}"
            dihitung = {
                "pagu": pagu,
                "realisasi_anggaran": realisasi,
                "serapan": serapan(pagu, realisasi),
                "efisiensi_rupiah": (pagu - realisasi) if _ada(pagu) and _ada(realisasi) else None,
            }.get(r.besaran)
            if r.besaran == "serapan" and dihitung is None and _ada(realisasi):
                lapor(SERAPAN_TANPA_PAGU, None, False, "pagu 0 atau kosong", rujukan)
            elif _ada(dihitung):
                jenis = {"serapan": SERAPAN_BEDA, "efisiensi_rupiah": EFISIENSI_BEDA}.get(r.besaran, TOTAL_BEDA)
                ket = "dihitung dari baris anggaran" + (
                    " (pagu − realisasi)" if r.besaran == "efisiensi_rupiah" else ""
                )
                lapor(jenis, dihitung, cocok(r.besaran, r.nilai, dihitung), ket, rujukan)
        elif r.objek == "wilayah" and r.besaran == "jumlah":
            w = wil.get((r.instansi, r.tahun), _TANPA_WILAYAH)
            pilih = w.jenis == r.kode
            pilih &= ~w.tanpa_desa & (w.kecamatan == r.kecamatan) if _str(r.kecamatan) else w.tanpa_desa & w.ada_kec
            if n := int(pilih.sum()):
                tingkat = "desa" if _str(r.kecamatan) else "kecamatan"
                jumlah = float(w.nilai[pilih].sum())
                ok = sama_persis(r.nilai, jumlah)
                lapor(
                    TOTAL_BEDA,
                    jumlah,
                    ok,
                    f"jumlah {n} baris {tingkat}",
                    f"wilayah {r.kode}: {n} baris {tingkat}",
                )
        elif r.objek == "wilayah" and r.besaran == "rasio" and sebaran.rasio_laporan(r.kode):
            w = wil.get((r.instansi, r.tahun), _TANPA_WILAYAH)
            pilih = w.tanpa_desa & ((w.kecamatan == r.kecamatan) if _str(r.kecamatan) else w.ada_kec)
            rasio = sebaran.rasio_laporan(r.kode)
            pembilang, penyebut = (
                w.nilai[pilih & np.isin(w.jenis, j)].sum() for j in (rasio.pembilang, rasio.penyebut)
            )
            if penyebut:
                nilai = pembilang / penyebut * rasio.skala
                lapor(
                    RASIO_BEDA,
                    nilai,
                    sesuai_cetak(r.nilai, nilai),
                    rasio.rumus,
                    "wilayah " + ", ".join(rasio.pembilang + rasio.penyebut),
                )
        elif r.objek == "belanja" and r.besaran == "realisasi_anggaran":
            b = d.bel[(d.bel["instansi"] == r.instansi) & (d.bel["tahun"] == r.tahun)]
            if not b.empty:
                jumlah = float(b["realisasi"].sum())
                lapor(
                    TOTAL_BEDA, jumlah, sama_persis(r.nilai, jumlah), "jumlah jenis belanja", f"belanja: {len(b)} jenis"
                )
        if r.objek == "sasaran" or (r.objek in ("program", "instansi") and r.besaran == "efisiensi"):
            _cek_dalam_sumber(r, per_sumber[(r.instansi, r.tahun, r.sumber, r.objek, r.kode, r.kecamatan)], lapor)
        if r.sumber.endswith(TERBILANG):
            digit = per_sumber[(r.instansi, r.tahun, r.sumber[: -len(TERBILANG)].strip(), r.objek, r.kode, r.kecamatan)]
            if _ada(digit.get(r.besaran)):
                ok = sama_persis(r.nilai, digit[r.besaran])
                lapor(
                    TERBILANG_BEDA,
                    digit[r.besaran],
                    ok,
                    "angka dalam huruf vs digit di kalimat yang sama",
                    "angka_laporan",
                )
    return [dari_baris(hasil)]


def _cek_dalam_sumber(r, isi: dict, lapor) -> None:
    """A statement checked against the other figures of the same source and object."""
    pagu, realisasi = isi.get("pagu"), isi.get("realisasi_anggaran")
    sumber = f"angka_laporan {r.sumber}"
    if r.besaran == "realisasi_anggaran" and _ada(pagu):
        lapor(MELEBIHI_PAGU, pagu, not r.nilai > pagu + 0.5, "pagu yang dinyatakan di tempat yang sama", sumber)
    if r.besaran == "serapan" and r.objek == "sasaran" and _ada(pagu) and _ada(realisasi):
        hitung = serapan(pagu, realisasi)
        if hitung is not None:
            ket = "dari pagu dan realisasi yang dinyatakan di tempat yang sama"
            lapor(SERAPAN_BEDA, hitung, sesuai_cetak(r.nilai, hitung), ket, sumber)
    if r.besaran == "efisiensi":
        s = isi.get("serapan")
        if not _ada(s) and _ada(pagu) and _ada(realisasi):
            s = serapan(pagu, realisasi)
        if not _ada(s):
            return
        dihitung = efisiensi.dari_laporan(isi.get("capaian"), s)
        if dihitung is None:
            return
        hitung, cara = dihitung
        lapor(
            EFISIENSI_BEDA,
            hitung,
            sesuai_cetak(r.nilai, hitung),
            f"{cara.rumus} dari angka di tempat yang sama",
            sumber,
        )


CEK = (cek_angka_laporan,)
