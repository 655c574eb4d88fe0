"""The deck as the user gets it: 'Unduh Presentasi' > 'Unduh .pptx' clicked in a real browser.

The first click builds the chart list; later clicks, presentation mode and a return to an earlier
filter are served from st.cache_data, i.e. from pickled figures. Every file the browser saves is
read back with python-pptx: whole, with the database's numbers, every time.

Run: .venv/bin/python -m pytest -q tests/test_dek_tombol.py   (about 1 minute on an idle 2-core machine)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import test_browser as tb
from playwright.sync_api import Page, expect
from pptx import Presentation
from test_browser import ARTEFAK, TEMANGGUNG, pilih, tanpa_galat, tunggu

from sakip_calc import store
from sakip_calc.calc import analisis

# the page tests' browser fixtures (test_browser skips itself, and so this module, without chromium)
server, peramban, aplikasi, page = tb.server, tb.peramban, tb.aplikasi, tb.page

BATAS_UNDUH = 180_000  # ms: the first deck starts the image renderer


def unduh(hal: Page, nama: str) -> Path:
    """Open the sidebar popover 'Unduh Presentasi', click 'Unduh .pptx', save the file."""
    tombol = hal.get_by_test_id("stPopoverBody").get_by_role("button", name=re.compile(r"Unduh \.pptx"))
    if not tombol.is_visible():
        hal.get_by_test_id("stSidebar").get_by_role("button", name=re.compile("Unduh Presentasi")).click()
    with hal.expect_download(timeout=BATAS_UNDUH) as unduhan:
        tombol.click()
    berkas = ARTEFAK / f"{nama}.pptx"
    unduhan.value.save_as(berkas)
    hal.keyboard.press("Escape")  # close the popover, as a user would
    expect(hal.get_by_test_id("stPopoverBody")).to_be_hidden()
    return berkas


def isi_dek(berkas: Path) -> tuple[list[str], list[dict]]:
    """The slide texts and, per native chart, its categories and series values."""
    prs = Presentation(str(berkas))
    teks = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in prs.slides]
    bagan = []
    for slide in prs.slides:
        for s in slide.shapes:
            if s.has_chart:
                seri = {x.name: list(x.values) for plot in s.chart.plots for x in plot.series}
                bagan.append({"kategori": [str(k) for k in s.chart.plots[0].categories], "seri": seri})
    return teks, bagan


def periksa_utuh(berkas: Path) -> tuple[list[str], list[dict]]:
    """No converter debris ('dtype'/'bdata' categories) and no empty series in any native chart."""
    teks, bagan = isi_dek(berkas)
    assert bagan, f"{berkas.name}: no native charts"
    for b in bagan:
        judul = f"{berkas.name} {b['kategori'][:3]}"
        assert not {"dtype", "bdata"} & set(b["kategori"]), judul
        for nama, nilai in b["seri"].items():
            assert any(v is not None for v in nilai), f"{judul}: series {nama!r} is empty"
    return teks, bagan


def periksa_anggaran(bagan: list[dict], con, instansi_id: int, tahun: int) -> None:
    """The pagu/realisasi chart holds the database's numbers, program by program."""
    df = store.anggaran(con, instansi_id, tahun)
    program = df[df["tingkat"] == "program"].set_index("kode")
    cocok = [b for b in bagan if set(b["seri"]) == {"Pagu", "Realisasi"}]
    assert len(cocok) == 1, [list(b["seri"]) for b in bagan]
    b = cocok[0]
    kode = [k.split(" ")[0] for k in b["kategori"]]
    assert sorted(kode) == sorted(program.index)
    assert b["seri"]["Pagu"] == [program.loc[k, "pagu"] for k in kode]
    # a program without a reported realisasi is drawn as 0
    assert b["seri"]["Realisasi"] == [
        0 if pd.isna(program.loc[k, "realisasi"]) else program.loc[k, "realisasi"] for k in kode
    ]
    total = analisis.total_anggaran(con, instansi_id, tahun)
    assert sum(b["seri"]["Pagu"]) == total["pagu"] == 35_672_937_124
    assert sum(b["seri"]["Realisasi"]) == total["realisasi"] == 34_830_858_769


def test_dek_dari_tombol_utuh_setiap_kali(page, aplikasi, con):
    page.goto(aplikasi + "/")
    tunggu(page)
    pilih(page, "Instansi", TEMANGGUNG)
    pilih(page, "Tahun", "2023")
    tanpa_galat(page, "Temanggung 2023")
    iid = analisis.id_instansi(con, "dinsos-temanggung")

    pertama = unduh(page, "dek_tombol_1")  # built now
    kedua = unduh(page, "dek_tombol_2")  # from the cache

    # presentation mode reads the same cached chart list; the sidebar is hidden while it is on
    page.get_by_test_id("stSidebar").get_by_text("Mode presentasi", exact=True).click()
    tunggu(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    page.locator(".st-key-pr_keluar button").click()
    tunggu(page)
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    ketiga = unduh(page, "dek_tombol_3")

    # another year, then back: 2023 again comes from the cache
    pilih(page, "Tahun", "2022")
    keempat = unduh(page, "dek_tombol_4_2022")
    pilih(page, "Tahun", "2023")
    kelima = unduh(page, "dek_tombol_5")
    tanpa_galat(page, "after five downloads")

    teks_1, bagan_1 = periksa_utuh(pertama)
    assert "Dinas Sosial Kabupaten Temanggung" in teks_1[0] and "2023" in teks_1[0]
    periksa_anggaran(bagan_1, con, iid, 2023)
    for berkas in (kedua, ketiga, kelima):
        teks, bagan = periksa_utuh(berkas)
        assert len(teks) == len(teks_1), f"{berkas.name}: {len(teks)} slides, the first download had {len(teks_1)}"
        assert teks[1:] == teks_1[1:], berkas.name  # the title slide carries today's date
        periksa_anggaran(bagan, con, iid, 2023)
        assert bagan == bagan_1, berkas.name
    teks_4, _ = periksa_utuh(keempat)
    assert "Capaian kinerja dan anggaran tahun 2022" in teks_4[0]
    assert teks_4[1:] != teks_1[1:]
