"""Scoring functions on the seeds' numbers."""

import pandas as pd
import pytest

from sakip_calc.calc import skor
from sakip_calc.domain.skala import SKALA_BAWAAN


def skala(nama):
    return pd.DataFrame(
        [
            {"urutan": i, "kode": k, "label": l, "batas_bawah": b, "inklusif": inc, "warna": w}
            for i, (k, l, b, inc, w) in enumerate(SKALA_BAWAAN[nama])
        ]
    )


def test_capaian_naik_tegal():
    # 000 line 692: 65 of 65 is 100 %, whatever the report prints (40,00)
    assert skor.capaian(65, 65) == 100
    # 000 line 700: 423 eks WTS of 350
    assert skor.capaian(350, 423) == pytest.approx(120.857, abs=1e-3)
    # 004 line 547: 50 % of 55 %
    assert skor.capaian(55, 50) == pytest.approx(90.909, abs=1e-3)


def test_capaian_turun_angka_kemiskinan_temanggung():
    # 001 line 1127: Angka Kemiskinan target 9,80, realisasi 9,33, lower is better
    assert skor.capaian(9.80, 9.33, "turun") == pytest.approx((9.80 - (9.33 - 9.80)) / 9.80 * 100)
    assert skor.capaian(9.80, 9.33, "turun") > 100
    assert skor.capaian(10, 12, "turun") == pytest.approx(80)


def test_capaian_target_rentang_nol_dan_kosong():
    assert skor.capaian(80, 85, target_atas=90) == 100
    assert skor.capaian(80, 60, target_atas=90) == pytest.approx(75)
    assert skor.capaian(80, 99, target_atas=90) == pytest.approx(90)
    assert skor.capaian(0, 5) is None
    assert skor.capaian(None, 5) is None
    assert skor.capaian(5, float("nan")) is None


def test_skor_dibatasi():
    # Temanggung counts capaian above 100 as 100 (001 line 565); Tegal keeps 120 %
    assert skor.skor(722.95, 100) == 100
    assert skor.skor(120.86, None) == pytest.approx(120.86)


@pytest.mark.parametrize(
    "nama, nilai, label",
    [
        ("permendagri86", 68.60, "Sedang"),  # 001 line 1299
        ("permendagri86", 96.8, "Sangat Tinggi"),  # 004 line 551
        ("permendagri86", 90.5, "Sangat Tinggi"),
        ("permendagri86", 90, "Tinggi"),
        ("permendagri86", 50, "Sangat Rendah"),
        ("permenpan", 100, "Sangat Memuaskan"),  # 001 line 575
        ("permenpan", 90, "Memuaskan"),
        ("permenpan", 30, "Sangat Kurang"),
        ("permenpan", -5, "Sangat Kurang"),
        ("tegal2018", 120, "Memuaskan"),
        ("tegal2018", 85, "Sangat Baik"),
        ("tegal2018", 10, "Kurang"),
    ],
)
def test_predikat(nama, nilai, label):
    assert skor.predikat(nilai, skala(nama))["label"] == label


def test_status_renstra():
    assert skor.status_renstra(100) == "TT"
    assert skor.status_renstra(99.99) == "UK"
    assert skor.status_renstra(None) is None


def test_gabung_triwulan_temanggung():
    # 001 line 1305: Penyediaan Makanan 28, 32, 29, 61 orang -> 150
    assert skor.gabung_triwulan([28, 32, 29, 61], "jumlah") == 150
    # 001 line 1212: Penyediaan Gaji 41 orang every quarter -> 41
    assert skor.gabung_triwulan([41, 41, 41, 41], "akhir") == 41
    assert skor.gabung_triwulan([53.69, 51.91, 54.28, 65.29], "rata") == pytest.approx(56.2925)
    assert skor.gabung_triwulan([None, None], "jumlah") is None


def _baris(**kw):
    dasar = dict(
        instansi="x",
        instansi_id=1,
        indikator_id=1,
        kode="A",
        nama="A",
        tingkat="sasaran",
        sasaran="S",
        program_kode=None,
        satuan="%",
        polaritas="naik",
        kondisi_awal=None,
        target_akhir=None,
        periode_awal=None,
        periode_akhir=None,
        agregasi_triwulan=None,
        nama_pembilang=None,
        nama_penyebut=None,
        urutan=1,
        tahun=2023,
        triwulan=None,
        target=None,
        target_atas=None,
        realisasi=None,
        capaian_dilaporkan=None,
        pembilang=None,
        penyebut=None,
        sumber="",
        catatan=None,
    )
    dasar.update(kw)
    return dasar


def test_tabel_capaian_dan_rata_rata_tanjabbar():
    # 004 lines 547-551: five indicators, reported 90, 94, 100, 100, 100 -> "96 %" Sangat Tinggi
    data = [(55, 50), (85, 80), (68, 68), (82, 82), (100, 100)]
    df = pd.DataFrame([_baris(indikator_id=i, kode=f"SS-{i}", target=t, realisasi=r) for i, (t, r) in enumerate(data)])
    hasil = skor.tabel_capaian(df)
    rata = skor.rata_rata(hasil)["rata_rata"].iloc[0]
    assert rata == pytest.approx((50 / 55 + 80 / 85 + 3) / 5 * 100)
    assert skor.predikat(rata, skala("permendagri86"))["label"] == "Sangat Tinggi"


def test_tahun_dari_triwulan():
    df = pd.DataFrame(
        [_baris(target=150, agregasi_triwulan="jumlah")]
        + [_baris(triwulan=q, realisasi=v, agregasi_triwulan="jumlah") for q, v in zip(range(1, 5), [28, 32, 29, 61])]
    )
    hasil = skor.tabel_capaian(df)
    assert hasil["realisasi"].iloc[0] == 150 and hasil["realisasi_dari_triwulan"].iloc[0]
    assert hasil["capaian"].iloc[0] == 100


def test_perubahan_tahunan_dan_kemajuan():
    df = pd.DataFrame(
        [
            _baris(tahun=2022, target=63, realisasi=64.30, kondisi_awal=48, target_akhir=63),
            _baris(tahun=2023, target=63, realisasi=65.29, kondisi_awal=48, target_akhir=63),
        ]
    )
    hasil = skor.tabel_capaian(df)
    ubah = skor.perubahan_tahunan(hasil, 2023, 2022)
    assert ubah["selisih_realisasi"].iloc[0] == pytest.approx(0.99)
    maju = skor.kemajuan_renstra(hasil)
    assert maju["tahun_terakhir"].iloc[0] == 2023
    assert maju["capaian_target_akhir"].iloc[0] == pytest.approx(65.29 / 63 * 100)
