"""Pemantauan Triwulan in a real browser (Debian's chromium): Temanggung 2023 from a bookmarked
URL, the berisiko list first, three charts, the quarter choice, and Tegal 2018's empty state.
Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import server_app

if not Path("/usr/bin/chromium").exists():
    pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

ARTEFAK = Path(__file__).resolve().parents[1] / "tests" / "artifacts"
BATAS = 90_000


def _tunggu(page: Page) -> None:
    server_app.tunggu(page, BATAS)


def _teks(page: Page) -> str:
    return " ".join(page.get_by_test_id("stMain").inner_text().split())


@pytest.fixture(scope="module")
def server(db_bawaan):
    with server_app.jalankan(db_bawaan, ARTEFAK / "streamlit_pemantauan.log") as url:
        yield url


def test_pemantauan_temanggung_2023_di_peramban(server):
    with sync_playwright() as p:
        b = server_app.chromium(p, headless=True)
        page = b.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(BATAS)
        page.goto(server + "/")  # the first request goes through the router (see test_browser.aplikasi)
        _tunggu(page)
        page.goto(f"{server}/pemantauan?instansi=Dinas+Sosial+Kabupaten+Temanggung&tahun=2023")
        _tunggu(page)
        expect(page.locator("h1").first).to_have_text("Pemantauan Triwulan 2023")
        assert not page.get_by_test_id("stException").count()
        teks = _teks(page)
        assert teks.index("Berisiko dan perlu perhatian") < teks.index("Kurva S realisasi anggaran")
        assert re.search(r"Berisiko\s+3\b", teks), teks[:1500]
        expect(page.locator(".sakip-grafik")).to_have_count(3)
        page.screenshot(path=str(ARTEFAK / "pemantauan_temanggung_2023_tw4.png"), full_page=True)

        page.get_by_test_id("stMain").get_by_role("combobox", name="Data sampai triwulan").click()
        page.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option", name="Triwulan II", exact=True).click()
        _tunggu(page)
        expect(page.get_by_test_id("stMain")).to_contain_text("s.d. triwulan II 2023")
        assert re.search(r"Berisiko\s+17\b", _teks(page))
        page.screenshot(path=str(ARTEFAK / "pemantauan_temanggung_2023_tw2.png"), full_page=True)

        page.goto(f"{server}/pemantauan?instansi=Dinas+Sosial+Kabupaten+Tegal&tahun=2018")
        _tunggu(page)
        expect(page.get_by_test_id("stMain")).to_contain_text("belum punya data triwulan untuk 2018")
        expect(page.locator(".sakip-grafik")).to_have_count(0)
        b.close()
