"""Per-region figures against each other: BDT = with NIK + without NIK; a kecamatan = its desa."""

from __future__ import annotations

import pandas as pd

from sakip_calc.domain.angka import sama_persis

from .dasar import ANTAR_TABEL, TOTAL_BEDA, Data, bingkai


def tempat(kecamatan, desa) -> str:
    return " · ".join(x for x in (kecamatan, desa) if isinstance(x, str)) or "tingkat kabupaten"


def _per_periode(wil: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Each update period (DTSEN: several a year) is a table of its own; a yearly row has none."""
    if "periode" not in wil:
        return wil, []
    return wil.assign(periode=wil["periode"].fillna("")), ["periode"]


def _akhiran(b: pd.DataFrame, periode: list[str]) -> pd.Series | str:
    return b["periode"].map(lambda p: f" · {p}" if p else "") if periode else ""


def cek_bdt(d: Data) -> list[pd.DataFrame]:
    w, periode = _per_periode(d.wil[d.wil["jenis"].isin(["BDT", "BDT_NIK", "BDT_NON_NIK"])])
    if w.empty:
        return []
    kunci = ["instansi", "tahun", *periode, "kecamatan", "desa"]
    # groupby, not pivot_table(dropna=False): that one builds every kecamatan × desa combination
    lebar = w.groupby([*kunci, "jenis"], dropna=False)["nilai"].sum().unstack("jenis").reset_index()
    if not {"BDT", "BDT_NIK", "BDT_NON_NIK"} <= set(lebar.columns):
        return []
    r = lebar.dropna(subset=["BDT", "BDT_NIK", "BDT_NON_NIK"])
    jumlah = r["BDT_NIK"] + r["BDT_NON_NIK"]
    return [
        bingkai(
            r,
            sama_persis(r["BDT"], jumlah),
            TOTAL_BEDA,
            tabel="wilayah",
            kunci=lambda b: [tempat(k, s) for k, s in zip(b["kecamatan"], b["desa"])],
            dilaporkan=r["BDT"],
            dihitung=jumlah,
            sumber="",
            keterangan="BDT dibanding BDT ber-NIK + tanpa NIK",
            rujukan="wilayah BDT, BDT_NIK, BDT_NON_NIK",
        )
    ]


def cek_desa(d: Data) -> list[pd.DataFrame]:
    """Desa rows against their kecamatan row: two tables of one report."""
    wil, periode = _per_periode(d.wil)
    if wil.empty:
        return []
    kunci = ["instansi", "tahun", *periode, "kecamatan", "jenis"]
    desa = wil[wil["desa"].notna()].groupby(kunci)["nilai"].agg(jumlah="sum", n="count")
    kec = wil[wil["desa"].isna() & wil["kecamatan"].notna()].set_index(kunci)
    gab = desa.join(kec[["nilai", "sumber"]], how="inner").reset_index()
    return [
        bingkai(
            gab,
            sama_persis(gab["nilai"], gab["jumlah"]),
            ANTAR_TABEL,
            tabel="wilayah",
            kunci=lambda b: b["kecamatan"] + " · " + b["jenis"] + _akhiran(b, periode),
            dilaporkan=gab["nilai"],
            dihitung=gab["jumlah"],
            sumber=lambda b: b["sumber"].fillna("") + " / jumlah desa",
            keterangan="angka kecamatan dibanding jumlah angka desanya",
            rujukan=lambda b: "wilayah " + b["n"].astype(str) + " desa " + b["kecamatan"],
        )
    ]


CEK = (cek_bdt, cek_desa)
