"""Regional distributions: per kecamatan (or desa), shares of the total, and derived ratios.

Owns the regional arithmetic and the registry of derived ratios (`RASIO`); must not read the
store or format anything for display. Adding a ratio: one `daftar_rasio(Rasio(...))` call
below and a test with a report's numbers (tests/test_sebaran_rasio.py); `rasio()` then computes
it wherever its jenis are present, and the checks compare a stated one if it has `kode_laporan`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Rasio:
    """sum(pembilang jenis) / sum(penyebut jenis) x skala, per place and for the total."""

    kode: str  # the column of `rasio()`
    label: str
    pembilang: tuple[str, ...]  # jenis codes summed as the numerator
    penyebut: tuple[str, ...]  # jenis codes summed as the denominator
    skala: float
    satuan: str
    rumus: str  # the formula in words, for check messages
    catatan: str = ""
    kode_laporan: str | None = None  # angka_laporan kode (objek wilayah, besaran rasio) a report states it under


RASIO: dict[str, Rasio] = {}


def daftar_rasio(r: Rasio) -> Rasio:
    RASIO[r.kode] = r
    return r


def rasio_laporan(kode: str | None) -> Rasio | None:
    """The ratio a report states under angka_laporan kode `kode` (objek wilayah, besaran rasio)."""
    return next((r for r in RASIO.values() if kode is not None and r.kode_laporan == kode), None)


# Registry order is the column order of `rasio()`.
daftar_rasio(
    Rasio(
        kode="pkh_per_1000_bdt",
        label="PKH per 1.000 BDT",
        pembilang=("PKH",),
        penyebut=("BDT",),
        skala=1000,
        satuan="KPM per 1.000 jiwa BDT",
        rumus="PKH ÷ BDT × 1.000",
        catatan="Keluarga penerima PKH per 1.000 jiwa dalam BDT/DTKS.",
    )
)
daftar_rasio(
    Rasio(
        kode="persen_tanpa_nik_dari_total",
        label="Tanpa NIK (% dari total BDT)",
        pembilang=("BDT_NON_NIK",),
        penyebut=("BDT_NIK", "BDT_NON_NIK"),
        skala=100,
        satuan="%",
        rumus="BDT tanpa NIK ÷ (ber-NIK + tanpa NIK) × 100",
        catatan="Pangsa data BDT tanpa NIK dari seluruh data BDT.",
    )
)
daftar_rasio(
    Rasio(
        kode="rasio_tanpa_nik_terhadap_nik",
        label="Tanpa NIK ÷ ber-NIK (%) — cara laporan",
        pembilang=("BDT_NON_NIK",),
        penyebut=("BDT_NIK",),
        skala=100,
        satuan="%",
        rumus="BDT tanpa NIK ÷ BDT ber-NIK × 100",
        catatan="Cara laporan Tegal 2018: BDT tanpa NIK dibanding data ber-NIK (Adiwerna 12.704 ÷ 32.446 = 39,15 %).",
        kode_laporan="BDT_NON_NIK",
    )
)


DESIL_1_4 = ("DESIL_1", "DESIL_2", "DESIL_3", "DESIL_4")
DESIL_SEMUA = (*DESIL_1_4, "DESIL_5", "DESIL_6", "DESIL_7_10", "DESIL_NULL")
daftar_rasio(
    Rasio(
        kode="persen_desil_1_4",
        label="Desil 1-4 (% keluarga DTSEN)",
        pembilang=DESIL_1_4,
        penyebut=DESIL_SEMUA,
        skala=100,
        satuan="%",
        rumus="(desil 1 + 2 + 3 + 4) ÷ seluruh keluarga DTSEN (desil 1-10 dan tanpa desil) × 100",
        catatan="Pangsa keluarga DTSEN di desil 1-4 (sasaran utama bansos) dari seluruh keluarganya.",
    )
)
# Coverage: recipients against the families the aid should reach, place by place. Counts of the
# same place, not a name-by-name match: a recipient may sit in another desil.
for _kode, _jenis, _nama, _satuan in (
    ("cakupan_pkh_desil_1_4", "PKH", "PKH", "KPM per 100 keluarga desil 1-4"),
    ("cakupan_bpnt_desil_1_4", "BPNT", "BPNT/Sembako", "KPM per 100 keluarga desil 1-4"),
    ("cakupan_pbi_desil_1_4", "PBI_JKN_APBN", "PBI JKN (APBN)", "jiwa per 100 keluarga desil 1-4"),
):
    daftar_rasio(
        Rasio(
            kode=_kode,
            label=f"Cakupan {_nama} thd desil 1-4",
            pembilang=(_jenis,),
            penyebut=DESIL_1_4,
            skala=100,
            satuan=_satuan,
            rumus=f"{_nama} ÷ keluarga desil 1-4 × 100",
            catatan=f"Cakupan {_nama} = penerima {_nama} ÷ keluarga DTSEN desil 1-4 di wilayah yang sama × 100 "
            "(jumlah per wilayah, bukan pencocokan nama per nama).",
        )
    )


def _potret(df: pd.DataFrame) -> pd.Series:
    """The snapshot a row belongs to, in time order: 'tahun|periode' ('2025|2025-06'; '2018|' yearly)."""
    periode = df["periode"].fillna("") if "periode" in df else ""
    return df["tahun"].astype("string") + "|" + periode


def periode_terakhir(df: pd.DataFrame) -> pd.DataFrame:
    """Rows of the latest update period of each year and jenis (DTSEN is updated several times a
    year; every period is stored, the year shows its latest). Yearly rows have no period."""
    if "periode" not in df or df["periode"].isna().all():
        return df
    potret = _potret(df)
    return df[potret == potret.groupby([df["tahun"], df["jenis"]]).transform("max")]


def sebelumnya(df: pd.DataFrame, tahun: int, jenis: str) -> tuple[str, pd.DataFrame] | None:
    """The snapshot of `jenis` per kecamatan before the one `tahun` shows (the previous period, or
    the latest of an earlier year): its label ('2025-03' or '2017') and rows nama, nilai."""
    isi = df[(df["jenis"] == jenis) & df["kecamatan"].notna() & df["desa"].isna()]
    potret = _potret(isi)
    kini = potret[isi["tahun"] == tahun]
    lalu = potret[potret < kini.max()] if len(kini) else potret.iloc[:0]
    if lalu.empty:
        return None
    pilih = isi[potret == lalu.max()]
    teks = lalu.max().split("|")[1] or lalu.max().split("|")[0]
    return teks, pd.DataFrame({"nama": pilih["kecamatan"], "nilai": pilih["nilai"]})


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


def _tempat(isi: pd.DataFrame, kecamatan: str | None) -> pd.DataFrame:
    """The desa rows of `kecamatan`, or without one the kecamatan rows."""
    if kecamatan:
        return isi[isi["desa"].notna() & (isi["kecamatan"] == kecamatan)]
    return isi[isi["desa"].isna() & isi["kecamatan"].notna()]


def sebaran(df: pd.DataFrame, tahun: int, jenis: str, kecamatan: str | None = None) -> pd.DataFrame:
    """One jenis per kecamatan (or per desa of `kecamatan`): nama, nilai, persen of the total."""
    isi = df[(df["tahun"] == tahun) & (df["jenis"] == jenis)]
    isi = _tempat(isi, kecamatan)
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


def _jumlah(lebar, jenis: tuple[str, ...]):
    """The sum of `jenis` columns (a place missing one of them has no sum), or of a total row."""
    if isinstance(lebar, pd.Series) or len(jenis) == 1:  # one column needs no row sum (the common case, and fast)
        return sum(lebar[j] for j in jenis[1:]) + lebar[jenis[0]]
    return lebar[list(jenis)].sum(axis=1, min_count=len(jenis))


def rasio(df: pd.DataFrame, tahun: int, kecamatan: str | None = None) -> pd.DataFrame:
    """Every registered ratio (`RASIO`) per kecamatan (or per desa of `kecamatan`) wherever all
    its jenis exist, one column each, and a JUMLAH row computed from the column totals."""
    isi = _tempat(df[df["tahun"] == tahun], kecamatan)
    kolom = "desa" if kecamatan else "kecamatan"
    if isi.empty:
        return pd.DataFrame()
    lebar = isi.pivot_table(index=kolom, columns="jenis", values="nilai", aggfunc="sum")
    ada = [r for r in RASIO.values() if set(r.pembilang) | set(r.penyebut) <= set(lebar.columns)]
    hasil = pd.DataFrame(index=lebar.index)
    for r in ada:
        hasil[r.kode] = _jumlah(lebar, r.pembilang) / _jumlah(lebar, r.penyebut) * r.skala
    hasil = hasil.dropna(how="all", axis=1)
    if hasil.empty or not len(hasil.columns):
        return pd.DataFrame()
    total = lebar.sum()
    hasil.loc["JUMLAH"] = pd.Series(
        {r.kode: _jumlah(total, r.pembilang) / _jumlah(total, r.penyebut) * r.skala for r in ada if r.kode in hasil}
    )
    return hasil.reset_index().rename(columns={kolom: "wilayah"})
