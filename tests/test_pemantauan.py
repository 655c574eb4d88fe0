"""In-year monitoring and its backtest on the Temanggung 2023 quarterly tables (seed 001 lines
1200-1330), on thresholds changed through a workbook, and on synthetic data."""

from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest
from bantu import baca

from sakip_calc.calc import analisis, proyeksi, uji_mundur
from sakip_calc.calc import pemantauan as pm
from sakip_calc.ingest import impor


def test_proyeksi_linier_dengan_rentang_laju():
    # Pelayanan Kedaruratan (seed line 1275): 5 then 76 people in TW I-II
    p = proyeksi.proyeksi_jumlah([5, 76, 73, 66], 2)
    assert (p.nilai, p.bawah, p.atas, p.metode) == (162, 91, 233, proyeksi.LINIER)


def test_proyeksi_musiman_dari_tahun_sebelumnya():
    # two earlier years spent 20 % and 30 % by TW II: 50 so far projects to 50 / 0,25 = 200
    riwayat = {2021: [10, 10, 30, 50], 2022: [10, 20, 30, 40]}
    p = proyeksi.proyeksi_jumlah([20, 30], 2, riwayat)
    assert p.nilai == pytest.approx(200)
    assert (p.bawah, p.atas) == (pytest.approx(50 / 0.3), pytest.approx(250))
    assert p.metode == "pola musiman 2021, 2022"


def test_proyeksi_tingkat_dan_nyata():
    assert proyeksi.proyeksi_tingkat([93.59, 94.25], 2, "akhir").nilai == 94.25  # PG-10, line 1294
    assert proyeksi.proyeksi_tingkat([40, 60], 2, "akhir", {2022: [20, 30, 40, 50]}).nilai == pytest.approx(100)
    assert proyeksi.proyeksi_jumlah([1, 2, 3, 4], 4).metode == proyeksi.NYATA


def _baris(con, q):
    return pm.pantau(con, analisis.id_instansi(con, "dinsos-temanggung"), 2023, q)["baris"].set_index("kode")


def test_pantau_temanggung_triwulan_ii(con):
    b = _baris(con, 2)
    bencana = b.loc["1.06.06"]  # PROGRAM PENANGANAN BENCANA: 860.090.850 + 738.826.600 of 4.664.743.000
    assert bencana["persen_sd"] == pytest.approx((860_090_850 + 738_826_600) / 4_664_743_000 * 100)
    assert bencana["persen_proyeksi"] == pytest.approx(bencana["persen_sd"] * 2)
    assert bencana["laju_perlu"] == pytest.approx((4_664_743_000 - 860_090_850 - 738_826_600) / 2)
    assert bencana["label"] == "Berisiko"  # 68,6 % < 75 (pantau-tw2)
    kedaruratan = b.loc["SK-1.06.04.2.01.10"]
    assert kedaruratan["persen_proyeksi"] == pytest.approx(162 / 89 * 100) and kedaruratan["status"] == pm.AMAN
    assert kedaruratan["serapan_program"] == pytest.approx(b.loc["1.06.04", "persen_sd"])
    assert (b["status"] == pm.BERISIKO).sum() == 17


def test_pantau_triwulan_iv_adalah_realisasi_setahun(con):
    b = _baris(con, None)
    assert set(b["metode"]) == {proyeksi.NYATA}
    berisiko = set(b.index[b["status"] == pm.BERISIKO])
    # 321 of 446, 35.892 of 60.290, 1.205 of 2.810 (lines 1300, 1304, 1305)
    assert berisiko == {"SK-1.06.05.2.01.01", "SK-1.06.05.2.02.03", "SK-1.06.05.2.02.04"}


def test_tanpa_data_triwulan(con):
    h = pm.pantau(con, analisis.id_instansi(con, "dinsos-tegal"), 2018)
    assert h["triwulan"] is None and h["baris"].empty


def test_ambang_diubah_lewat_buku_kerja(db_salinan, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Skala"
    ws.append(["nama", "kode", "label", "batas_bawah", "inklusif", "warna"])
    ws.append(["pantau-tw2", "AMAN", "Aman", 50, "ya", "#1a9850"])
    ws.append(["pantau-tw2", "PERHATIAN", "Perlu perhatian", 20, "ya", "#fdae61"])
    ws.append(["pantau-tw2", "BERISIKO", "Berisiko", None, "tidak", "#d73027"])
    wb.save(tmp_path / "ambang.xlsx")
    hasil = impor.impor_berkas([tmp_path / "ambang.xlsx"], db_salinan)[0]
    assert hasil.status == "berhasil", [str(m) for m in hasil.rencana.galat]
    b = baca(db_salinan, lambda c: _baris(c, 2))
    assert b.loc["1.06.06", "status"] == pm.AMAN  # 68,6 % >= 50
    assert b.loc["1.06.05", "status"] == pm.BERISIKO  # 1,7 %


def test_uji_mundur_temanggung_lewat_perintah(db_bawaan):
    hasil = subprocess.run(
        [sys.executable, "-m", "sakip_calc", "backtest", "--db", str(db_bawaan)], capture_output=True, text=True
    )
    assert hasil.returncode == 0, hasil.stderr
    baris = hasil.stdout.splitlines()
    assert len(baris) == 5
    assert "sembunyikan 1 triwulan (proyeksi dari TW 3), anggaran program: 6 baris dari 1 instansi-tahun" in baris[1]
    assert "MAE" in baris[1] and "tebakan benar" in baris[1]


def test_uji_mundur_sama_dengan_halaman(con):
    """The backtest's projection is the page's own at the same quarter."""
    df = uji_mundur.uji_mundur(con, (2,), analisis.id_instansi(con, "dinsos-temanggung"))
    b = _baris(con, 2)
    program = df[df["jenis"] == pm.PROGRAM].set_index("kode")
    assert program.loc["1.06.06", "proyeksi"] == pytest.approx(b.loc["1.06.06", "persen_proyeksi"])
    assert program.loc["1.06.06", "nyata"] == pytest.approx(4_418_450_357 / 4_664_743_000 * 100)
    r = uji_mundur.ringkas(df).set_index("jenis")
    assert r.loc[pm.PROGRAM, "mae"] == pytest.approx((program["proyeksi"] - program["nyata"]).abs().mean())


@pytest.mark.slow
def test_uji_mundur_data_sintetis_memakai_pola_musiman(tmp_path):
    db = tmp_path / "sintetis.duckdb"
    subprocess.run([sys.executable, "-m", "sakip_calc", "synth", "--scale", "tiny", "--db", str(db)], check=True)
    hasil = subprocess.run(
        [sys.executable, "-m", "sakip_calc", "backtest", "--db", str(db), "--sembunyi", "1"],
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 0, hasil.stderr
    assert "pola musiman" in hasil.stdout and "anggaran program" in hasil.stdout
