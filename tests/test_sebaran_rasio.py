"""The derived-ratio registry: every ratio computes a report's numbers, `rasio()` computes every
registered ratio whose jenis are present, and a ratio registered in one place shows up there and
in the checks without any other code knowing it."""

import pandas as pd
import pytest

from sakip_calc.calc import periksa, sebaran
from sakip_calc.calc.periksa import laporan
from sakip_calc.calc.sebaran import Rasio

# Tegal 2018, kecamatan Adiwerna: BDT 45.150 (000 line 1152) = 32.446 ber-NIK + 12.704 tanpa NIK (line 1167);
# PKH 3.110 is Adiwerna's 2017 figure (line 1121), put beside them only for the arithmetic
ADIWERNA = {"BDT": 45_150, "BDT_NIK": 32_446, "BDT_NON_NIK": 12_704, "PKH": 3_110}
LEBAKSIU = {"BDT": 40_000, "BDT_NIK": 30_000, "BDT_NON_NIK": 10_000, "PKH": 2_000}
# DTSEN families per desil and BPNT/PBI recipients: no seed report has them, so round made-up numbers
DTSEN_ADIWERNA = {
    **{"DESIL_1": 3_100, "DESIL_2": 2_900, "DESIL_3": 2_700, "DESIL_4": 2_500, "DESIL_5": 2_300},
    **{"DESIL_6": 2_100, "DESIL_7_10": 6_000, "DESIL_NULL": 400, "BPNT": 8_000, "PBI_JKN_APBN": 25_000},
}
DTSEN_LEBAKSIU = {j: v // 2 for j, v in DTSEN_ADIWERNA.items()}

# one expected Adiwerna value per registered ratio: a ratio added without its seed number fails here
SEED = {
    "pkh_per_1000_bdt": 3_110 / 45_150 * 1000,  # 68,88
    "persen_tanpa_nik_dari_total": 12_704 / 45_150 * 100,  # 28,14
    "rasio_tanpa_nik_terhadap_nik": 39.15,  # as the report prints it: 12.704 ÷ 32.446
    "persen_desil_1_4": 11_200 / 22_000 * 100,  # 50,91
    "cakupan_pkh_desil_1_4": 3_110 / 11_200 * 100,  # 27,77
    "cakupan_bpnt_desil_1_4": 8_000 / 11_200 * 100,  # 71,43
    "cakupan_pbi_desil_1_4": 25_000 / 11_200 * 100,  # 223,21 jiwa per 100 keluarga
}


def _wilayah(tempat: dict[str, dict[str, float]], desa: str | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        [
            dict(instansi="dinsos-tegal", tahun=2018, kecamatan=k, desa=desa, jenis=j, nilai=float(v))
            for k, isi in tempat.items()
            for j, v in isi.items()
        ]
    )


@pytest.fixture
def hasil():
    tempat = {"Adiwerna": ADIWERNA | DTSEN_ADIWERNA, "Lebaksiu": LEBAKSIU | DTSEN_LEBAKSIU}
    return sebaran.rasio(_wilayah(tempat), 2018).set_index("wilayah")


@pytest.mark.parametrize("kode", list(sebaran.RASIO))
def test_setiap_rasio_menghitung_angka_laporan(kode, hasil):
    assert kode in SEED, f"rasio {kode} belum punya angka uji di SEED"
    r = sebaran.RASIO[kode]
    assert r.label and r.satuan and r.rumus and r.pembilang and r.penyebut
    assert round(hasil.loc["Adiwerna", kode], 2) == round(SEED[kode], 2)
    # the total row is the ratio of the column totals, not a mean of the places' ratios
    a, b = ADIWERNA | DTSEN_ADIWERNA, LEBAKSIU | DTSEN_LEBAKSIU
    total = {j: a[j] + b[j] for j in a}
    harapan = sum(total[j] for j in r.pembilang) / sum(total[j] for j in r.penyebut) * r.skala
    assert hasil.loc["JUMLAH", kode] == pytest.approx(harapan)


def test_hanya_rasio_yang_jenisnya_ada():
    tanpa_pkh = {k: v for k, v in ADIWERNA.items() if k != "PKH"}
    hasil = sebaran.rasio(_wilayah({"Adiwerna": tanpa_pkh}), 2018)
    assert list(hasil.columns) == ["wilayah", "persen_tanpa_nik_dari_total", "rasio_tanpa_nik_terhadap_nik"]
    assert sebaran.rasio(_wilayah({"Adiwerna": {"PSKS_TKSK": 1}}), 2018).empty


def test_rasio_baru_cukup_satu_entri(monkeypatch):
    baru = Rasio(
        kode="pkh_per_100_nik",
        label="PKH per 100 BDT ber-NIK",
        pembilang=("PKH",),
        penyebut=("BDT_NIK",),
        skala=100,
        satuan="KPM per 100 jiwa",
        rumus="PKH ÷ BDT ber-NIK × 100",
        kode_laporan="PKH",
    )
    monkeypatch.setitem(sebaran.RASIO, baru.kode, baru)
    hasil = sebaran.rasio(_wilayah({"Adiwerna": ADIWERNA, "Lebaksiu": LEBAKSIU}), 2018).set_index("wilayah")
    assert hasil.loc["Adiwerna", "pkh_per_100_nik"] == pytest.approx(3_110 / 32_446 * 100)
    assert hasil.loc["JUMLAH", "pkh_per_100_nik"] == pytest.approx(5_110 / 62_446 * 100)
    # a stated value under its kode_laporan is checked, with the ratio's own formula as the note
    masalah = _cek(_wilayah({"Adiwerna": ADIWERNA}), "PKH", 12.0)
    assert len(masalah) == 1 and masalah[0]["keterangan"] == baru.rumus
    assert masalah[0]["dihitung"] == pytest.approx(3_110 / 32_446 * 100)
    monkeypatch.undo()
    assert "pkh_per_100_nik" not in sebaran.rasio(_wilayah({"Adiwerna": ADIWERNA}), 2018).columns


def _cek(wil: pd.DataFrame, kode: str, nilai: float) -> list[dict]:
    lap = pd.DataFrame(
        [
            dict(
                instansi="dinsos-tegal",
                tahun=2018,
                sumber="uji",
                objek="wilayah",
                kode=kode,
                kecamatan="Adiwerna",
                besaran="rasio",
                nilai=nilai,
            )
        ]
    )
    ind = pd.DataFrame(columns=["instansi", "kode", "tahun", "triwulan"])
    ang = pd.DataFrame(columns=["instansi", "tahun", "kode", "tingkat", "pagu_dipakai", "realisasi_dipakai"])
    d = periksa.Data(ind=ind, ang=ang, tw=pd.DataFrame(), wil=wil, lap=lap, bel=pd.DataFrame(), batas={})
    (banding,) = laporan.cek_angka_laporan(d)
    return banding[~banding["cocok"]].to_dict("records")


def test_cek_rasio_laporan_tegal():
    wil = _wilayah({"Adiwerna": ADIWERNA})
    assert _cek(wil, "BDT_NON_NIK", 39.15) == []
    salah = _cek(wil, "BDT_NON_NIK", 28.14)  # the share of the total, printed where the ratio belongs
    assert [m["jenis"] for m in salah] == [periksa.RASIO_BEDA]
    assert salah[0]["keterangan"] == "BDT tanpa NIK ÷ BDT ber-NIK × 100"
