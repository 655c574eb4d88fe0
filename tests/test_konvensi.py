"""The agency's own conventions, asked once (issue 9, item 5): a new agency whose Instansi sheet
leaves its predikat scale or capaian cap empty stops the import until they are chosen (import
command or Impor preview); the preview shows what each choice does to its latest year's mean
and predikat; the answer is stored in `instansi`. A stated convention is shown as stated."""

from __future__ import annotations

from pathlib import Path

import bantu
import pytest
from halaman import tabel as tabel_at
from test_buruk import unggah
from test_impor import _cli

from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.ingest import impor, templat
from sakip_calc.presentation.bagian.impor import tabel_akibat_konvensi

BARU = "dinsos-baru"


def workbook_baru(tujuan: Path, skala=None, batas=None) -> Path:
    """Two sasaran indicators in 2024: capaian 120 and 70 (mean 95 uncapped, 85 capped at 100)."""
    wb = templat.buat_templat()
    wb["Instansi"].append([BARU, "Dinas Sosial Kabupaten Tegal", "Kab. Tegal", "Jawa Tengah", skala, batas])
    for kode in ("IKU-1", "IKU-2"):
        wb["Indikator"].append([BARU, kode, f"Persentase {kode}", "sasaran", "Sasaran 1", None, "%", "naik"])
    wb["Capaian"].append([BARU, "IKU-1", 2024, None, 50, None, 60])
    wb["Capaian"].append([BARU, "IKU-2", 2024, None, 100, None, 70])
    wb.save(tujuan)
    return tujuan


def _instansi(db):
    return bantu.baca(
        db,
        lambda con: con.execute(f"SELECT skala_predikat, batas_capaian FROM instansi WHERE kode = '{BARU}'").fetchall(),
    )


def test_pratinjau_menanyakan_konvensi_dan_menunjukkan_akibatnya(db_salinan, tmp_path):
    berkas = workbook_baru(tmp_path / "baru.xlsx")
    rencana = impor.pratinjau([(berkas.name, berkas.read_bytes())], db_salinan)
    assert not rencana.sah and rencana.instansi_baru == [BARU]
    assert [m.kolom for m in rencana.galat] == ["skala_predikat"] and "--konvensi dinsos-baru=" in rencana.galat[
        0
    ].pesan
    tahun, akibat = rencana.akibat[BARU]
    assert tahun == 2024
    akibat = akibat.set_index(["skala_predikat", akibat["batas_capaian"].fillna(-1)])
    assert akibat.loc[("permenpan", -1), "rata_rata"] == pytest.approx(95)
    assert akibat.loc[("permenpan", 100), "rata_rata"] == pytest.approx(85)
    assert akibat.loc[("permenpan", -1), "predikat"] == "AA (Sangat Memuaskan)"
    assert akibat.loc[("permenpan", 100), "predikat"] == "A (Memuaskan)"
    assert akibat.loc[("permendagri86", 100), "predikat"] == "T (Tinggi)"

    # as the Impor page shows it: scales by name, the cap in words, the mean numeric and formatted
    tabel = tabel_akibat_konvensi(rencana.akibat[BARU][1])
    baris = tabel.df.set_index(["Skala predikat", "Batas capaian"])
    assert list(tabel.df.columns) == ["Skala predikat", "Batas capaian", "Rata-rata", "Predikat"]
    assert baris.loc[(NAMA_SKALA["permenpan"], "tanpa batas"), "Rata-rata"] == pytest.approx(95)
    assert baris.loc[(NAMA_SKALA["permenpan"], "100"), "Predikat"] == "A (Memuaskan)"
    assert tabel.format["Rata-rata"](85.0) == "85" and tabel.format["Rata-rata"](85.5) == "85,50"


def test_perintah_impor_menyimpan_konvensi_yang_dipilih(db_salinan, tmp_path):
    berkas = workbook_baru(tmp_path / "baru.xlsx")
    tanpa = _cli("import", berkas, "--db", db_salinan)
    assert tanpa.returncode == 1 and "--konvensi dinsos-baru=permenpan,100" in tanpa.stderr
    assert _instansi(db_salinan) == []
    assert _cli("import", berkas, "--db", db_salinan, "--konvensi", f"{BARU}=permenpan").returncode == 1
    ok = _cli("import", berkas, "--db", db_salinan, "--konvensi", f"{BARU}=permenpan,tanpa")
    assert ok.returncode == 0, ok.stderr
    assert _instansi(db_salinan) == [("permenpan", None)]
    # asked once: the agency is no longer new
    lagi = _cli("import", workbook_baru(tmp_path / "lagi.xlsx", "permenpan"), "--db", db_salinan)
    assert lagi.returncode == 0, lagi.stderr


def test_konvensi_yang_dinyatakan_tidak_ditanyakan(db_salinan, tmp_path):
    ok = _cli("import", workbook_baru(tmp_path / "baru.xlsx", "permendagri86", 100), "--db", db_salinan)
    assert ok.returncode == 0, ok.stderr
    assert _instansi(db_salinan) == [("permendagri86", 100)]


def test_halaman_impor_menanyakan_konvensi(impor_lokal, db_salinan, tmp_path):
    at = unggah(impor_lokal(), [workbook_baru(tmp_path / "baru.xlsx")])
    assert any("pilih konvensi laporan instansi baru" in w.value for w in at.warning), [e.value for e in at.error]
    akibat = next(df.value for df in tabel_at(at) if "Predikat" in df.value.columns)
    assert {"AA (Sangat Memuaskan)", "A (Memuaskan)"} <= set(akibat["Predikat"])
    at.selectbox(key=f"im_konv|baru.xlsx|{BARU}|skala").set_value("permenpan").run()
    at.radio(key=f"im_konv|baru.xlsx|{BARU}|batas").set_value("100").run()
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    at.button(key="im_tombol").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _instansi(db_salinan) == [("permenpan", 100)]


def test_halaman_impor_menampilkan_konvensi_yang_dinyatakan(impor_lokal, db_salinan, tmp_path):
    at = unggah(impor_lokal(), [workbook_baru(tmp_path / "baru.xlsx", "permenpan", 100)])
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    assert any("Dinyatakan di lembar Instansi: skala permenpan, capaian dibatasi 100" in i.value for i in at.info)
