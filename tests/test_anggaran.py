"""Budget functions on the seeds' numbers."""

import pandas as pd
import pytest

from sakip_calc.calc import anggaran


def test_serapan():
    assert anggaran.serapan(35_672_937_124, 34_830_858_769) == pytest.approx(97.6395, abs=1e-4)  # 001 line 1068
    assert anggaran.serapan(5_164_657_747, 4_985_477_325) == pytest.approx(96.5306, abs=1e-4)  # 004 line 868
    assert anggaran.serapan(0, 0) is None
    assert anggaran.serapan(None, 5) is None


def test_efisiensi_metode():
    # Temanggung Tabel 3.10: 100 % capaian, 97,64 % serapan -> 2,36 %
    assert anggaran.efisiensi(100, 97.64, "selisih") == pytest.approx(2.36)
    # Tegal 000 line 841: 96,89 % spent -> efisiensi dana 3,11 (the report prints 3,10)
    assert anggaran.efisiensi(None, 96.89, "sisa") == pytest.approx(3.11)
    assert anggaran.efisiensi(100, 97.64, "rasio") == pytest.approx(1.02417, abs=1e-5)
    assert anggaran.efisiensi(None, 97.64, "selisih") is None


def test_efisiensi_tertimbang():
    # two programs fully achieved: E equals the unspent share of the pagu
    e = anggaran.efisiensi_tertimbang([430_750_000, 751_786_272], [100, 100], [430_694_450, 750_027_197])
    assert e == pytest.approx((1 - (430_694_450 + 750_027_197) / (430_750_000 + 751_786_272)) * 100)
    # half the output for the full budget is deeply inefficient
    assert anggaran.efisiensi_tertimbang([100], [50], [100]) == pytest.approx(-100)


def test_tabel_anggaran_induk_dan_anak():
    df = pd.DataFrame(
        [
            dict(kode="P", tingkat="program", induk_kode=None, pagu=None, realisasi=None),
            dict(kode="K", tingkat="kegiatan", induk_kode="P", pagu=100.0, realisasi=90.0),
            dict(kode="S1", tingkat="subkegiatan", induk_kode="K", pagu=60.0, realisasi=55.0),
            dict(kode="S2", tingkat="subkegiatan", induk_kode="K", pagu=50.0, realisasi=35.0),
        ]
    )
    t = anggaran.tabel_anggaran(df).set_index("kode")
    assert t.loc["K", "pagu_anak"] == 110 and t.loc["K", "pagu"] == 100  # stated value kept
    assert t.loc["P", "pagu_dipakai"] == 100 and t.loc["P", "dari_anak"]  # empty parent: children's sum
    assert anggaran.total_instansi(anggaran.tabel_anggaran(df))["serapan"] == pytest.approx(90)


def test_efisiensi_per_sasaran_dan_tertimbang():
    per_program = pd.DataFrame(
        [
            dict(kode="1.06.02", sasaran="A", pagu=430_750_000.0, realisasi=430_694_450.0, capaian=100.0),
            dict(kode="1.06.04", sasaran="A", pagu=751_786_272.0, realisasi=750_027_197.0, capaian=100.0),
            dict(kode="1.06.01", sasaran=None, pagu=5_481_610_302.0, realisasi=5_414_650_477.0, capaian=100.0),
        ]
    )
    per_program["serapan"] = [anggaran.serapan(p, r) for p, r in zip(per_program["pagu"], per_program["realisasi"])]
    hasil = anggaran.efisiensi_sasaran(per_program, "selisih").set_index("sasaran")
    a = hasil.loc["A"]
    assert a["pagu"] == 430_750_000 + 751_786_272 and a["jumlah_program"] == 2
    assert a["efisiensi"] == pytest.approx(100 - (430_694_450 + 750_027_197) / (430_750_000 + 751_786_272) * 100)
    assert round(hasil.loc["(program tanpa indikator sasaran)", "efisiensi"], 2) == 1.22
    tertimbang = anggaran.efisiensi_sasaran(per_program, "tertimbang").set_index("sasaran")
    assert tertimbang.loc["A", "efisiensi"] == pytest.approx(a["efisiensi"])  # capaian 100: same as selisih
