"""Sebaran Wilayah in a real browser, offline: the kecamatan map is drawn (plotly.js fetches no
world map from the internet, which this machine does not have), has one polygon per kecamatan,
and clicking a kecamatan opens its desa. Data: the shipped seeds plus the DTSEN test files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import server_app

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from sakip_calc.ingest import impor  # noqa: E402

AKAR = Path(__file__).resolve().parents[1]
ARTEFAK = AKAR / "tests" / "artifacts"
DTSEN = AKAR / "tests" / "data" / "dtsen"


@pytest.fixture(scope="module")
def server(db_bawaan, tmp_path_factory):
    db = tmp_path_factory.mktemp("peta") / "sakip.duckdb"
    shutil.copy2(db_bawaan, db)
    berkas = ["DTSEN_Tegal_2025-03.xlsx", "DTSEN_Tegal_2025-06.xlsx", "Bansos_Tegal_2025_Wilayah.csv"]
    assert all(h.status == "berhasil" for h in impor.impor_berkas([DTSEN / b for b in berkas], db))
    with server_app.jalankan(db, ARTEFAK / "streamlit_peta.log", detik=120) as url:
        yield url


def _tunggu(page) -> None:
    server_app.tunggu(page)


def test_peta_tegal_offline_dan_klik_membuka_desa(server):
    permintaan_luar: list[str] = []
    with sync_playwright() as pw:
        peramban = server_app.chromium(pw, headless=True)
        page = peramban.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(90_000)
        page.on("request", lambda r: None if r.url.startswith(server) else permintaan_luar.append(r.url))
        page.goto(f"{server}/wilayah?instansi=Dinas+Sosial+Kabupaten+Tegal&tahun=2018")
        _tunggu(page)
        # Tegal 2018 (BDT per kecamatan, desa only for Dukuhwaru); then the DTSEN year
        peta = page.locator(".sakip-grafik").filter(has_text="Peta ")
        expect(peta.locator(".choroplethlocation")).to_have_count(18, timeout=60_000)
        page.get_by_role("combobox", name="Tahun data wilayah").click()
        page.get_by_role("option", name="2025", exact=True).click()
        _tunggu(page)
        peta.scroll_into_view_if_needed()
        expect(peta.locator(".choroplethlocation")).to_have_count(18, timeout=60_000)
        expect(peta.get_by_text("Slawi", exact=True)).to_be_visible(timeout=60_000)
        assert page.get_by_role("combobox", name="Kecamatan").input_value() != "Slawi"
        # click Slawi's polygon (code order: 33.28.10 is the tenth) -> its desa open below
        slawi = peta.locator(".choroplethlocation").nth(9)
        slawi.scroll_into_view_if_needed()
        kotak = slawi.bounding_box()
        page.mouse.click(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)
        _tunggu(page)
        expect(page.get_by_role("combobox", name="Kecamatan")).to_have_value("Slawi", timeout=30_000)
        # the DTSEN charts are built once switched on; the desa chart's title, its second line (long titles wrap)
        assert not page.get_by_text("Kec. Slawi, periode 2025-06").count()
        page.get_by_text("Tampilkan sebaran desil DTSEN dan cakupan bansos").click()
        _tunggu(page)
        expect(page.get_by_text("Kec. Slawi, periode 2025-06").first).to_be_attached(timeout=60_000)
        page.screenshot(path=str(ARTEFAK / "peta_tegal_2025.png"), full_page=True)
        assert not page.get_by_test_id("stException").count()
        peramban.close()
    # plotly.js asks for nothing outside the app: no world topojson from its CDN, no map tiles
    # (Streamlit itself may ask for icons; those are not the map's)
    peta_luar = [u for u in permintaan_luar if "plot.ly" in u or "topojson" in u or "tile" in u]
    assert peta_luar == []
