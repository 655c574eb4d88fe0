"""Ringkasan Rapat: the one-page meeting summary (cards, main chart, indicators below target, the
year's data problems, glossary), through AppTest on the three seeds, and printed by chromium to
PDF: one A4 page, without the sidebar.

Run: .venv/bin/python -m pytest -q tests/test_ringkasan_rapat.py
"""

from __future__ import annotations

import re
import subprocess

import pytest
import test_browser as tb
from halaman import buka, grafik
from halaman import tabel as tabel_at
from test_browser import ARTEFAK, TEMANGGUNG, tunggu

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.domain import istilah

# the page tests' browser fixtures (test_browser skips itself, and so this module, without chromium)
server, peramban, aplikasi, page = tb.server, tb.peramban, tb.aplikasi, tb.page


@pytest.mark.app
@pytest.mark.parametrize(
    ("kode", "tahun"), [("dinsos-temanggung", 2023), ("dinsos-tegal", 2018), ("dinsos-tanjabbar", 2023)]
)
def test_isi_ringkasan_rapat(con, kode, tahun):
    at = buka(kode, tahun, "rapat")
    assert not at.exception
    assert at.title[0].value == f"Ringkasan Rapat {tahun}"
    assert len(at.metric) == 4 and len(grafik(at)) == 1
    fig = grafik(at)[0]
    assert str(tahun) in fig["layout"]["title"]["text"]

    instansi_id = int(store.instansi(con).set_index("kode").loc[kode, "id"])
    skor = analisis.skor_indikator(con, instansi_id, analisis.BATAS_INSTANSI, at.selectbox(key="skala").value)
    skor = skor[skor["tahun"] == tahun]
    bawah = skor[skor["capaian"] < 100].sort_values("capaian")
    masalah = analisis.masalah_data(con, instansi_id)
    masalah = masalah[masalah["tahun"] == tahun]
    keterangan = [c.value.replace("\\", "") for c in at.caption]  # Markdown escapes
    assert f"{len(bawah)} dari {len(skor)} indikator {tahun} (semua tingkat) di bawah target" in " ".join(keterangan)
    assert any(c.startswith(f"{len(masalah)} masalah data {tahun}") for c in keterangan)

    daftar_bawah, daftar_masalah = (t.value for t in tabel_at(at))
    assert list(daftar_bawah["Kode"]) == list(bawah["kode"].head(5))  # lowest capaian first
    assert "_warna" not in daftar_bawah.columns
    assert len(daftar_masalah) == min(5, len(masalah))
    istilah_tampil = [m.value for m in at.markdown if m.value.startswith("**")]
    assert [t.split("**")[1].replace("\\", "") for t in istilah_tampil] == [i.istilah for i in istilah.DAFTAR]


def test_glosarium_memuat_istilah_halaman():
    ada = {i.istilah for i in istilah.DAFTAR}
    for wajib in ("IKU", "PSKS", "BDT / DTKS", "KPM", "TT / UK", "Skor", "Serapan", "Efisiensi"):
        assert wajib in ada
    assert all(i.kepanjangan and len(i.arti) > 20 for i in istilah.DAFTAR)


@pytest.mark.browser
def test_cetak_pdf_satu_halaman_a4_tanpa_panel_samping(page, aplikasi):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{aplikasi}/rapat?instansi={TEMANGGUNG.replace(' ', '+')}&tahun=2023")
    tunggu(page)
    page.locator("h1", has_text="Ringkasan Rapat 2023").wait_for()
    tunggu(page)
    berkas = ARTEFAK / "ringkasan_rapat_temanggung_2023.pdf"
    page.pdf(path=str(berkas), format="A4", print_background=True)
    info = subprocess.run(["pdfinfo", str(berkas)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert "595.92 x 842.88" in info or "595 x 842" in info, info  # A4 in points
    teks = subprocess.run(["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True).stdout
    judul = ("Ringkasan Rapat 2023", "Capaian rata-rata", "Indikator di bawah target", "Masalah data", "Daftar istilah")
    for ada in (*judul, "Keluarga Penerima Manfaat"):
        assert ada in teks, ada
    for tidak in ("Skala predikat", "Unduh Presentasi", "Ctrl+P", "PNG"):  # the sidebar, buttons and the hint
        assert tidak not in teks, tidak
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(berkas), str(berkas.with_suffix(""))], check=True)


def test_daftar_di_bawah_target_menulis_jumlah_tanpa_desimal():
    # 001 line 1297: 1.06.05.2.02.04, orang, target 2.810, realisasi 1.205 (a count, not 2.810,00)
    at = buka("dinsos-temanggung", 2023, "rapat")
    teks = tabel_at(at)[0].tampil.set_index("Kode")
    assert teks.loc["SK-1.06.05.2.02.04", ["Target", "Realisasi"]].tolist() == ["2.810", "1.205"]
    assert teks.loc["SK-1.06.05.2.02.04", "Capaian (%)"] == "42,88"
