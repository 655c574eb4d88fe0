"""The number parser on the formats the three reports really use (DOMAIN.md)."""

import pytest

from sakip_calc.domain.angka import baca_angka, format_angka, format_persen, format_rupiah, format_rupiah_singkat
from sakip_calc.domain.spesifikasi import DESIMAL, JUMLAH, PERSEN, RUPIAH


@pytest.mark.parametrize(
    "teks, jenis, nilai",
    [
        ("35.672.937.124,00", RUPIAH, 35_672_937_124),  # 001 line 1068
        ("Rp. 35.672.937.124,00", RUPIAH, 35_672_937_124),  # 001 line 1070
        ("Rp3.849.045.590", RUPIAH, 3_849_045_590),  # 004 line 817
        ("Rp. 3.698.220.902", RUPIAH, 3_698_220_902),
        ("49,422,100", RUPIAH, 49_422_100),  # 004 line 819: English grouping
        ("Rp51,887,200", RUPIAH, 51_887_200),
        ("98.42", PERSEN, 98.42),  # 004 line 819
        ("97,64", PERSEN, 97.64),
        ("97,64 %", PERSEN, 97.64),
        ("100 %", PERSEN, 100),
        ("Rp. 611.000,-", RUPIAH, 611_000),  # 000 line 845: read as written
        ("722,124", JUMLAH, 722_124),  # 000 line 1159: commas as thousands
        ("72.570", JUMLAH, 72_570),
        ("65,29", DESIMAL, 65.29),
        ("4889500", RUPIAH, 4_889_500),  # 001: ungrouped
        (1125290850, RUPIAH, 1_125_290_850),  # a real number cell
        ("(1.000)", RUPIAH, -1000),
    ],
)
def test_membaca_format_laporan(teks, jenis, nilai):
    hasil = baca_angka(teks, jenis)
    assert hasil.galat is None
    assert hasil.nilai == pytest.approx(nilai)


@pytest.mark.parametrize("teks", ["-", "n.a", "na", "App", "#####", "", "  ", None])
def test_placeholder_berarti_kosong(teks):
    hasil = baca_angka(teks, PERSEN)
    assert hasil.nilai is None and hasil.galat is None


@pytest.mark.parametrize("teks", ["13,11,0", "13,11,00", "106.,250.000", "#REF!", "#N/A", "abc", "1.2.3,4,5"])
def test_angka_rusak_adalah_galat(teks):
    hasil = baca_angka(teks, RUPIAH)
    assert hasil.nilai is None and hasil.galat


def test_pemisah_ambigu_diputuskan_oleh_arti_kolom():
    rupiah = baca_angka("1.234", RUPIAH)
    persen = baca_angka("1.234", PERSEN)
    assert rupiah.nilai == 1234 and "ribuan" in rupiah.keterangan
    assert persen.nilai == pytest.approx(1.234) and "desimal" in persen.keterangan


def test_format_indonesia():
    assert format_angka(1234567.891, 2) == "1.234.567,89"
    assert format_angka(722124) == "722.124"
    assert format_persen(97.6395) == "97,64 %"
    assert format_rupiah(35_672_937_124) == "Rp 35.672.937.124"
    assert format_rupiah_singkat(35_672_937_124) == "Rp 35,67 M"
    assert format_rupiah_singkat(430_750_000) == "Rp 430,75 jt"
    assert format_angka(None) == "–"


def test_pemisah_ambigu_di_nilai_terukur_memberi_dua_bacaan():
    ragu = baca_angka("11.720", DESIMAL)
    assert ragu.nilai == pytest.approx(11.72) and ragu.ribuan == 11720 and ragu.keterangan is None
    assert baca_angka("-11,720", DESIMAL).ribuan == -11720
    assert baca_angka("0.725", DESIMAL).ribuan is None  # no thousands start with 0
    assert baca_angka("1.234,5", DESIMAL).ribuan is None and baca_angka("11.72", DESIMAL).ribuan is None
