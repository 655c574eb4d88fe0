"""Issue 15 in a real browser (chromium): bookmarks that hold, the Capaian detail opened by
clicking a row, and what a 1366x768 laptop shows (titles, card values)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
import server_app
from test_browser import CHROMIUM, TEGAL, TEMANGGUNG, filter_samping, harus_ada, tanpa_galat, tunggu

from sakip_calc.domain.spesifikasi import NAMA_SKALA

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's chromium", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

ARTEFAK = Path(__file__).resolve().parents[1] / "tests" / "artifacts" / "rapat"


@pytest.fixture(scope="module")
def server(db_bawaan):
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    with server_app.jalankan(db_bawaan, ARTEFAK / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def peramban():
    with sync_playwright() as p:
        b = server_app.chromium(p, headless=True)
        yield b
        b.close()


@pytest.fixture
def laptop(server, peramban):
    """A 1366x768 page (the usual office laptop)."""
    kontek = peramban.new_context(viewport={"width": 1366, "height": 768})
    p = kontek.new_page()
    p.set_default_timeout(60_000)
    yield p
    kontek.close()


def buka(page, server: str, jalur: str = "", **param) -> None:
    page.goto(f"{server}/{jalur}?" + "&".join(f"{k}={quote_plus(str(v))}" for k, v in param.items()))
    tunggu(page)
    # a fresh server runs the first deep link through Streamlit's legacy pages path, then reruns
    page.wait_for_timeout(300)
    tunggu(page)


def url_param(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_tautan_memuat_setiap_pilihan(laptop, server):
    """A plain visit writes every sidebar choice into the URL, the agency's defaults too, so a
    bookmark reopens exactly what was shown."""
    buka(laptop, server, "anggaran", instansi=TEMANGGUNG)
    tanpa_galat(laptop, "anggaran")
    expect(laptop.locator("h1").first).to_have_text("Anggaran & Efisiensi 2023")
    for _ in range(50):
        param = url_param(laptop)
        if {"instansi", "tahun", "banding", "skala", "batas"} <= set(param):
            break
        laptop.wait_for_timeout(100)
    assert param["instansi"] == TEMANGGUNG and param["tahun"] == "2023" and param["banding"] == "2022", param
    assert param["skala"] == NAMA_SKALA["permenpan"] and param["batas"] == "Sesuai laporan instansi", param


def test_instansi_tak_dikenal_di_tautan_diperingatkan(laptop, server):
    buka(laptop, server, "capaian", instansi="Dinas Sosial Kabupaten Antah Berantah", tahun=2018)
    harus_ada(laptop, r"Instansi \"Dinas Sosial Kabupaten Antah Berantah\" dari tautan tidak ada", "instansi")
    # the default agency, said by name, never another one silently
    bawaan = filter_samping(laptop, "Instansi").input_value()
    harus_ada(laptop, rf"yang ditampilkan: {bawaan}", "instansi")


def test_tahun_tak_dikenal_di_tautan_diperingatkan(laptop, server):
    buka(laptop, server, "", instansi=TEGAL, tahun=2031)
    harus_ada(laptop, r"Tahun untuk Dinas Sosial Kabupaten Tegal \"2031\" dari tautan tidak ada", "tahun")
    expect(filter_samping(laptop, "Instansi")).to_have_value(TEGAL)
    expect(filter_samping(laptop, "Tahun")).to_have_value("2018")


def test_klik_baris_capaian_membuka_panel_rincian(laptop, server):
    """Clicking an indicator's name (not only its checkbox) opens its detail in a side panel,
    in view, without scrolling."""
    buka(laptop, server, "capaian", instansi=TEMANGGUNG, tahun=2023)
    tabel = laptop.get_by_test_id("stDataFrame").first
    tabel.scroll_into_view_if_needed()
    kotak = tabel.bounding_box()
    # the third data row, in the Indikator column (the second pinned column)
    laptop.mouse.click(kotak["x"] + 200, kotak["y"] + 35 * 3.5)
    panel = laptop.get_by_role("dialog")
    expect(panel).to_be_visible(timeout=30_000)
    expect(panel).to_contain_text("Rincian indikator")
    expect(panel).to_contain_text("target dan realisasi per tahun")
    expect(panel.get_by_test_id("stPlotlyChart")).to_have_count(1)
    letak = panel.bounding_box()
    assert letak["y"] >= 0 and letak["y"] < 768 and letak["x"] + letak["width"] <= 1366, letak
    laptop.screenshot(path=str(ARTEFAK / "capaian_panel_rincian_1366x768.png"))
