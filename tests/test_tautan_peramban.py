"""Bookmarks hold page choices (issue 15 item 6) in a real browser: a choice made on a page is in
the address bar, and reloading that address (a new session, as a saved bookmark opens) shows the
same choice; moving to another page leaves the first page's choices out of the address."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import server_app
from test_browser import CHROMIUM, TEMANGGUNG, buka_halaman, tanpa_galat, tunggu

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's chromium", allow_module_level=True)

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

ARTEFAK = Path(__file__).resolve().parents[1] / "tests" / "artifacts" / "tautan"
RASIO = "Rasio capaian kinerja terhadap serapan anggaran"


@pytest.fixture(scope="module")
def laptop(db_bawaan):
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    with server_app.jalankan(db_bawaan, ARTEFAK / "streamlit.log") as url, sync_playwright() as p:
        b = server_app.chromium(p, headless=True)
        halaman = b.new_page(viewport={"width": 1366, "height": 768})
        halaman.set_default_timeout(60_000)
        halaman.url_dasar = url
        yield halaman
        b.close()


def param(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query, keep_blank_values=True)


def tunggu_param(page, kunci: str, nilai: list[str]) -> None:
    for _ in range(100):
        if param(page).get(kunci) == nilai:
            return
        page.wait_for_timeout(100)
    pytest.fail(f"{kunci}={nilai} not in {page.url}")


def pilih(page, kunci: str, opsi) -> str:
    """Open the page selectbox of session key `kunci` and click the option named `opsi` (text or
    pattern) in its list; returns the option's text. A rerun that redraws the box while it opens
    (a loaded machine) closes the list: then open it again."""
    for _ in range(3):
        tunggu(page)
        page.locator(f".st-key-{kunci}").get_by_role("combobox").click()
        pilihan = page.get_by_test_id("stSelectboxVirtualDropdown").get_by_role(
            "option", name=opsi, exact=isinstance(opsi, str)
        )
        try:
            pilihan.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        teks = pilihan.inner_text()
        pilihan.click()
        tunggu(page)
        return teks
    pytest.fail(f"option {opsi} of {kunci} did not appear")


def muat_ulang(page) -> None:
    page.goto(page.url)  # the address as a bookmark holds it, in a new session
    tunggu(page)
    page.wait_for_timeout(300)  # a fresh server may rerun a first deep link through the router
    tunggu(page)


def test_metode_efisiensi_tetap_sesudah_muat_ulang(laptop):
    laptop.goto(f"{laptop.url_dasar}/anggaran?instansi={TEMANGGUNG.replace(' ', '+')}")
    tunggu(laptop)
    tanpa_galat(laptop, "anggaran")
    tunggu_param(laptop, "metode", ["selisih"])  # the default is in the link too
    pilih(laptop, "ag_metode", RASIO)
    tunggu_param(laptop, "metode", ["rasio"])
    muat_ulang(laptop)
    tanpa_galat(laptop, "anggaran, muat ulang")
    expect(laptop.locator(".st-key-ag_metode").get_by_role("combobox")).to_have_value(RASIO)
    expect(laptop.get_by_test_id("stMain")).to_contain_text("Rasio capaian")
    laptop.screenshot(path=ARTEFAK / "anggaran_rasio_muat_ulang.png")


def test_indikator_tren_tetap_sesudah_muat_ulang_dan_lepas_di_halaman_lain(laptop):
    laptop.goto(f"{laptop.url_dasar}/tren?instansi={TEMANGGUNG.replace(' ', '+')}")
    tunggu(laptop)
    tanpa_galat(laptop, "tren")
    nama = pilih(laptop, "tr_satu", re.compile(r"^PG-03 · "))
    tunggu_param(laptop, "rinci", ["PG-03"])
    assert param(laptop)["indikator"] == ["SS-01", "PG-01", "PG-02", "PG-03"]
    muat_ulang(laptop)
    tanpa_galat(laptop, "tren, muat ulang")
    expect(laptop.locator(".st-key-tr_satu").get_by_role("combobox")).to_have_value(nama)
    expect(laptop.get_by_test_id("stMain")).to_contain_text("PG-03: target dan realisasi")
    laptop.screenshot(path=ARTEFAK / "tren_pg03_muat_ulang.png")
    # another page: Tren's choices leave the address, the sidebar's stay
    buka_halaman(laptop, "Capaian Kinerja")
    tanpa_galat(laptop, "capaian")
    for _ in range(50):
        if "rinci" not in param(laptop) and "indikator" in param(laptop):
            break
        laptop.wait_for_timeout(100)
    assert "rinci" not in param(laptop) and "bentuk" not in param(laptop), laptop.url
    assert param(laptop)["instansi"] == [TEMANGGUNG]
    assert param(laptop)["indikator"] != ["PG-03"]  # Capaian's own indicator, its default
