"""Issue 15 in a real browser (chromium): bookmarks that hold, the Capaian detail opened by
clicking a row, and what a 1366x768 laptop shows (titles, card values)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
import server_app
from test_browser import CHROMIUM, TEGAL, TEMANGGUNG, filter_samping, harus_ada, tanpa_galat, tunggu

from sakip_calc.domain.skala import NAMA_SKALA

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
    """Clicking an indicator's name (any cell of its row) opens that indicator's detail in a side
    panel, in view, without scrolling."""
    buka(laptop, server, "capaian", instansi=TEMANGGUNG, tahun=2023)
    baris = laptop.locator(".sakip-tabel-pilih tbody tr").nth(2)
    kode = baris.locator("td").first.inner_text()
    nama = baris.locator("td").nth(1)  # the Indikator column, beside the pinned Kode
    nama.scroll_into_view_if_needed()
    nama.click()
    panel = laptop.get_by_role("dialog")
    expect(panel).to_be_visible(timeout=30_000)
    expect(panel).to_contain_text("Rincian indikator")
    expect(panel).to_contain_text(f"{kode}: target dan realisasi per tahun")
    expect(panel.locator(".sakip-grafik")).to_have_count(1)
    letak = panel.bounding_box()
    assert letak["y"] >= 0 and letak["y"] < 768 and letak["x"] + letak["width"] <= 1366, letak
    laptop.screenshot(path=str(ARTEFAK / "capaian_panel_rincian_1366x768.png"))


def test_tabel_capaian_diurutkan_dan_kolom_kunci_tetap_terlihat(laptop, server):
    """The indicator table (HTML, dasbor.tabel_web): a click on a column title sorts by its values,
    again reverses, missing values last; scrolled sideways, Kode and Indikator stay in view."""
    buka(laptop, server, "capaian", instansi=TEMANGGUNG, tahun=2023)
    tabel = laptop.locator(".sakip-tabel-pilih .sakip-tabel")
    judul = tabel.locator("th", has_text="Capaian (%)").first
    kolom = judul.evaluate("j => [...j.parentElement.children].indexOf(j)")
    baca = f"""t => [...t.querySelectorAll('tbody tr')].map(b => b.cells[{kolom}].dataset.v ?? null)
        .map(v => v === null ? null : Number(v))"""
    asli = tabel.evaluate(baca)
    asli_kode = tabel.locator("tbody tr").first.locator("td").first.inner_text()
    ada = [v for v in asli if v is not None]
    judul.click()
    naik = tabel.evaluate(baca)
    assert naik == sorted(ada) + [None] * (len(asli) - len(ada))
    judul.click()
    assert tabel.evaluate(baca) == sorted(ada, reverse=True) + [None] * (len(asli) - len(ada))
    tabel.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    tepi = tabel.evaluate("t => t.getBoundingClientRect().left")
    kode, nama = (tabel.locator("tbody tr").first.locator("td").nth(i) for i in (0, 1))
    assert abs(kode.evaluate("e => e.getBoundingClientRect().left") - tepi) < 2
    assert nama.evaluate("e => e.getBoundingClientRect().left") >= tepi + 10
    assert tabel.evaluate("t => t.scrollLeft") > 0, "the table is not wider than its column: nothing was checked"
    # sorted, a row still opens its own indicator (rows keep their number in the section's order)
    pertama = kode.inner_text()
    assert pertama != asli_kode, "sorting did not move the first row: the check below proves nothing"
    nama.click()
    expect(laptop.get_by_role("dialog")).to_contain_text(f"{pertama}: target dan realisasi per tahun")


# every card value and note whole, every chart title inside its chart: [(what, text)] of the faults
PERIKSA_LAYAR = """() => {
  const salah = [];
  for (const kartu of document.querySelectorAll("[data-testid='stMetric']")) {
    const tepi = kartu.getBoundingClientRect().right;
    for (const e of kartu.querySelectorAll("[data-testid='stMetricValue'] p, [data-testid='stMetricDelta'] p")) {
      const r = document.createRange(); r.selectNodeContents(e);
      const kotak = e.closest("[data-testid='stMetricDelta'], [data-testid='stMetricValue']").getBoundingClientRect();
      const kanan = r.getBoundingClientRect().right;
      if (kanan > tepi + 1 || kanan > kotak.right + 1 || getComputedStyle(e.parentElement).textOverflow === "ellipsis")
        salah.push(["kartu terpotong", e.innerText]);
    }
  }
  for (const g of document.querySelectorAll(".sakip-grafik")) {
    const svg = g.querySelector(".main-svg"), judul = g.querySelector(".gtitle");
    if (!svg || !judul) continue;
    if (judul.getBoundingClientRect().right > svg.getBoundingClientRect().right + 1)
      salah.push(["judul terpotong", judul.textContent]);
  }
  return salah;
}"""


@pytest.mark.parametrize("instansi", [TEMANGGUNG, TEGAL, "Dinas Sosial Kabupaten Tanjung Jabung Barat"])
def test_laptop_1366_kartu_dan_judul_utuh(laptop, server, instansi):
    for jalur in ("", "anggaran", "tren", "wilayah", "capaian", "perbandingan"):
        buka(laptop, server, jalur, instansi=instansi)
        tanpa_galat(laptop, jalur or "ringkasan")
        laptop.wait_for_timeout(300)
        assert laptop.evaluate(PERIKSA_LAYAR) == [], (instansi, jalur)


@pytest.mark.parametrize("lebar,tinggi", [(1024, 768), (1366, 768), (1920, 1080)])
def test_mode_presentasi_muat_di_layar(server, peramban, lebar, tinggi):
    """Presentation mode fits the screen's height: the chart's bottom on screen, nothing to scroll,
    and the chart takes most of the height (on a 1920x1080 projector too, not a fixed 560 px)."""
    kontek = peramban.new_context(viewport={"width": lebar, "height": tinggi})
    p = kontek.new_page()
    try:
        buka(p, server, "anggaran", instansi=TEMANGGUNG)
        p.get_by_test_id("stSidebar").get_by_text("Mode presentasi", exact=True).click()
        tunggu(p)
        for _ in range(5):  # several slides: bars, predikat, trend lines with a long reading, treemap
            # plotly first draws at its own size and then stretches to the space it is given: wait for
            # that (a loaded machine took longer once), then the chart must fill the height and fit
            p.wait_for_function(
                'h => (document.querySelector(".sakip-grafik .main-svg")?.getBoundingClientRect().height || 0) >= h',
                arg=0.65 * tinggi,
                timeout=15_000,
            )
            kotak = p.locator(".sakip-grafik .main-svg").first.bounding_box()
            assert kotak["y"] + kotak["height"] <= tinggi and kotak["height"] >= 0.65 * tinggi, (_ + 1, kotak)
            gulir = p.evaluate("() => { const m = document.querySelector('[data-testid=stMain]'); "
                               "return m.scrollHeight - m.clientHeight; }")  # fmt: skip
            assert gulir <= 0, f"slide {_ + 1} scrolls {gulir} px at {lebar}x{tinggi}"
            assert p.evaluate(PERIKSA_LAYAR) == []
            p.screenshot(path=str(ARTEFAK / f"presentasi_{lebar}x{tinggi}_{_}.png"))
            p.get_by_role("button", name="Berikutnya").click()
            tunggu(p)
    finally:
        kontek.close()
