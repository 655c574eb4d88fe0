"""The pages' charts (dasbor.grafik_web): the app's own plotly.js bundle holds every trace type the
sections draw, at the plotly.js version the images and the deck are rendered with; in a real
browser the page loads that bundle (never Streamlit's 4,7 MB one), draws the section's figure,
updates the same chart on a rerun, lets it go when the user moves to another page, and redraws it
to the new width when the sidebar closes; a chart drawn before is drawn in one pass."""

from __future__ import annotations

import re
from pathlib import Path

import plotly
import pytest
import server_app
from test_browser import CHROMIUM, TEMANGGUNG

from dasbor import grafik_web

AKAR = Path(__file__).resolve().parents[1]
ENTRI = AKAR / "scripts" / "plotly" / "plotly-sakip.js"


def _versi(teks: str) -> str:
    return re.search(r"plotly\.js v(\d+\.\d+\.\d+)", teks[:2000]).group(1)


def test_bundel_seversi_dengan_plotly_python():
    # the PNG, SVG and deck images are drawn by kaleido with the plotly package's plotly.js: the page
    # must draw the same figure with the same version (else rebuild: scripts/bangun_plotly.sh)
    paket = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert _versi(grafik_web.BUNDEL.read_text(encoding="utf-8")) == _versi(paket.read_text(encoding="utf-8"))
    assert grafik_web.BUNDEL.stat().st_size < 2_500_000  # a partial bundle, not the full 4,8 MB


def test_bundel_memuat_setiap_jenis_jejak_yang_digambar():
    dipakai = set()
    for berkas in (AKAR / "sakip_calc" / "presentation").rglob("*.py"):
        dipakai |= {j.lower() for j in re.findall(r"\bgo\.([A-Z][a-z]+)\(", berkas.read_text(encoding="utf-8"))}
    dipakai -= {"figure"}
    terdaftar = set(re.findall(r'require\("plotly\.js/lib/([a-z]+)"\)', ENTRI.read_text(encoding="utf-8")))
    assert dipakai, "no trace types found: the pattern no longer matches the sections"
    assert dipakai - {"scatter"} <= terdaftar, dipakai - terdaftar  # scatter is in plotly.js's core


if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's chromium", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def laptop(db_bawaan):
    log = AKAR / "tests" / "artifacts" / "grafik_web.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with server_app.jalankan(db_bawaan, log) as url, sync_playwright() as p:
        b = server_app.chromium(p, headless=True)
        halaman = b.new_page(viewport={"width": 1366, "height": 768})
        halaman.set_default_timeout(60_000)
        halaman.goto(url + "/")  # a fresh server's first request goes through the router
        server_app.tunggu(halaman)
        halaman.url_dasar = url
        yield halaman
        b.close()


def _grafik(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.sakip-grafik[data-tergambar]')].map(g => ({
            judul: g.querySelector('.gtitle')?.textContent, lebar: g.getBoundingClientRect().width,
            batang: g.querySelectorAll('.bars .point').length, tanda: g.sakipTanda || null}))"""
    )


def test_halaman_memuat_plotly_sendiri_dan_memperbarui_grafik_yang_sama(laptop, db_bawaan):
    import duckdb

    from sakip_calc.presentation.bagian import ringkasan
    from sakip_calc.presentation.tampilan import tampilan_koneksi

    with duckdb.connect(str(db_bawaan), read_only=True) as con:
        iid = con.execute("select id from instansi where nama = ?", [TEMANGGUNG]).fetchone()[0]
        harapan = {t: ringkasan.grafik_capaian(tampilan_koneksi(con, iid, t, t - 1)).fig for t in (2023, 2022)}

    diminta = []
    laptop.on("request", lambda r: diminta.append(r.url))
    laptop.goto(f"{laptop.url_dasar}/?instansi={TEMANGGUNG.replace(' ', '+')}&tahun=2023")
    server_app.tunggu(laptop)
    js = [u for u in diminta if u.endswith(".js") or ".js?" in u]
    assert [u for u in js if "/app/static/plotly-sakip.min.js?v=" in u], js
    assert not [u for u in js if "PlotlyChart" in u], "Streamlit's own plotly.js was loaded"

    grafik = _grafik(laptop)
    assert len(grafik) == 2, grafik
    fig = harapan[2023]
    assert grafik[0]["judul"] == fig.layout.title.text.replace("<br>", ""), grafik[0]
    assert grafik[0]["batang"] == sum(len(t.y) for t in fig.data if t.type == "bar"), grafik[0]

    # a rerun (another year) updates the chart in the same element, not a new one
    laptop.evaluate("() => { document.querySelector('.sakip-grafik').sakipTanda = 'tetap'; }")
    laptop.get_by_test_id("stSidebar").get_by_role("combobox", name="Tahun", exact=True).click()
    laptop.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option", name="2022", exact=True).click()
    laptop.wait_for_function("() => document.querySelector('h1')?.innerText.includes('2022')")
    server_app.tunggu(laptop)
    laptop.wait_for_function(
        "t => document.querySelector('.sakip-grafik .gtitle')?.textContent === t",
        arg=harapan[2022].layout.title.text.replace("<br>", ""),
    )
    assert _grafik(laptop)[0]["tanda"] == "tetap"

    # another page in the same session: the charts that left are purged, not kept by their observer
    laptop.evaluate("() => { window.grafikLama = document.querySelector('.sakip-grafik'); }")
    navigasi = laptop.get_by_test_id("stSidebarNav")
    navigasi.get_by_role("link", name="Kualitas Data", exact=True).click()
    server_app.tunggu(laptop)
    laptop.wait_for_function("() => !window.grafikLama.isConnected && window.grafikLama._fullLayout === undefined")
    navigasi.get_by_role("link", name="Ringkasan", exact=True).click()
    server_app.tunggu(laptop)

    # the sidebar closed: the chart redraws to the wider column
    lebar = _grafik(laptop)[0]["lebar"]
    laptop.get_by_test_id("stSidebar").hover()
    laptop.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    laptop.wait_for_function(
        "w => document.querySelector('.sakip-grafik .main-svg').getBoundingClientRect().width > w + 100",
        arg=lebar,
    )


def test_grafik_yang_pernah_digambar_tampil_sekali_jalan_dengan_ukuran_sama(laptop):
    """plotly's automargin draws a chart, measures its labels and draws it all again; the margins a
    figure settled on are remembered in the browser, so its next view draws once, identically."""
    alamat = f"{laptop.url_dasar}/anggaran?instansi={TEMANGGUNG.replace(' ', '+')}&tahun=2023"
    tata = """() => [...document.querySelectorAll('.sakip-grafik[data-tergambar]')].map(g => ({
        judul: g.querySelector('.gtitle')?.textContent, ukuran: JSON.stringify(g._fullLayout._size),
        dua_kali: '_redrawFromAutoMarginCount' in g._fullLayout}))"""
    laptop.evaluate("() => localStorage.removeItem('sakip-margin')")
    hasil = []
    for _ in range(2):
        laptop.goto(alamat)  # a new document: nothing in memory, only what the browser stored
        server_app.tunggu(laptop)
        hasil.append(laptop.evaluate(tata))
    pertama, kedua = hasil
    assert len(pertama) == 6, pertama
    assert any(g["dua_kali"] for g in pertama), "no chart needed automargin: the test proves nothing"
    assert not any(g["dua_kali"] for g in kedua), kedua
    assert [(g["judul"], g["ukuran"]) for g in kedua] == [(g["judul"], g["ukuran"]) for g in pertama]
