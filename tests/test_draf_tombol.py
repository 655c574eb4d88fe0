"""The Chapter III draft as the user gets it: 'Unduh Draf LKjIP Bab III' clicked in the sidebar of
a real browser, the saved .docx read back with python-docx. The draft follows the sidebar (agency,
year) and the efficiency method chosen on Anggaran & Efisiensi.

Run: .venv/bin/python -m pytest -q tests/test_draf_tombol.py
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import test_browser as tb
from playwright.sync_api import Page
from test_browser import ARTEFAK, TEMANGGUNG, buka_halaman, pilih, tanpa_galat, tunggu
from test_draf import program_dipakai, sama, tabel_berjudul

from sakip_calc.calc import efisiensi

server, peramban, aplikasi, page = tb.server, tb.peramban, tb.aplikasi, tb.page

BATAS_UNDUH = 180_000  # ms: the first draft starts the image renderer


def unduh(hal: Page, nama: str) -> Path:
    tombol = hal.get_by_test_id("stSidebar").get_by_role("button", name=re.compile("Unduh Draf LKjIP Bab III"))
    with hal.expect_download(timeout=BATAS_UNDUH) as unduhan:
        tombol.click()
    assert unduhan.value.suggested_filename.endswith(".docx")
    berkas = ARTEFAK / f"{nama}.docx"
    unduhan.value.save_as(berkas)
    return berkas


def test_draf_dari_tombol_samping(page, aplikasi, con):
    page.goto(aplikasi + "/")
    tunggu(page)
    pilih(page, "Instansi", TEMANGGUNG)
    pilih(page, "Tahun", "2023")
    tanpa_galat(page, "Temanggung 2023")
    d = docx.Document(str(unduh(page, "draf_temanggung_2023")))
    assert d.paragraphs[0].text == "BAB III AKUNTABILITAS KINERJA"
    assert "Dinas Sosial Kabupaten Temanggung, tahun 2023" in d.paragraphs[1].text
    # no verification recorded for Temanggung 2023: the figures are draf, so is every page
    assert all("DRAF" in [p.text for p in s.header.paragraphs] for s in d.sections)
    program = program_dipakai(con, "dinsos-temanggung", 2023).set_index("kode")
    (_, t), *_ = tabel_berjudul(d, "Pagu dan realisasi")
    for baris in t.rows[1:-1]:
        sel = [c.text for c in baris.cells]
        assert sama(sel[3], program.loc[sel[1], "pagu"]) and sama(sel[4], program.loc[sel[1], "realisasi"])
    assert [c.text for c in t.rows[-1].cells][3:] == ["35.672.937.124", "34.830.858.769", "97,64"]
    (judul, e), *_ = tabel_berjudul(d, "Efisiensi anggaran per sasaran")
    assert efisiensi.metode("selisih").label in judul and e.rows[-1].cells[6].text == "2,36"

    # another efficiency method on Anggaran & Efisiensi: the draft names and uses it
    buka_halaman(page, "Anggaran & Efisiensi")
    rasio = efisiensi.metode("rasio")
    page.get_by_test_id("stMain").get_by_role("combobox", name="Metode efisiensi").click()
    page.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option", name=rasio.label, exact=True).click()
    tunggu(page)
    tanpa_galat(page, "Anggaran, metode rasio")
    d = docx.Document(str(unduh(page, "draf_temanggung_2023_rasio")))
    (judul, e), *_ = tabel_berjudul(d, "Efisiensi anggaran per sasaran")
    assert rasio.label in judul and e.rows[-1].cells[6].text == "1,02"  # 100 / 97,64

    # the sidebar year: Temanggung 2022 has indicators but no budget rows
    pilih(page, "Tahun", "2022")
    d = docx.Document(str(unduh(page, "draf_temanggung_2022")))
    teks = "\n".join(p.text for p in d.paragraphs)
    assert "tahun 2022" in d.paragraphs[1].text and "Target 2022" in d.tables[0].rows[0].cells[4].text
    assert "Tidak ada data anggaran 2022." in teks
    tanpa_galat(page, "after three downloads")
