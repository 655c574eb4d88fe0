"""The dashboard in a real browser: `streamlit run app.py` driven by Playwright in Debian's chromium.

What AppTest cannot see is checked here: the sidebar selectboxes and navigation links as a user
clicks them, the URL that the bound filters write (a bookmark), and what the page prints.
Every visited page is saved as a full-page screenshot in tests/artifacts/ for a human to look at.

Short tables are HTML (dasbor.tabel): here their text and row count are read as shown; the
contents of all tables, grids included, are asserted in the AppTest suite.

Run: .venv/bin/python -m pytest -q tests/test_browser.py   (about 1 minute on an idle 2-core machine)
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import server_app

from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.presentation import halaman as registri

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True
    )

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

AKAR = Path(__file__).resolve().parents[1]
ARTEFAK = AKAR / "tests" / "artifacts"
LEBAR, TINGGI = 1600, 1000
BATAS_WAKTU = 60_000  # ms

TEMANGGUNG = "Dinas Sosial Kabupaten Temanggung"
TEGAL = "Dinas Sosial Kabupaten Tegal"
TANJABBAR = "Dinas Sosial Kabupaten Tanjung Jabung Barat"

SKALA_PERMENPAN = NAMA_SKALA["permenpan"]
SKALA_TEGAL = NAMA_SKALA["tegal2018"]
SKALA_PERMENDAGRI = NAMA_SKALA["permendagri86"]

# sidebar link text -> url path (st.Page derives it from the file name; the default page is "/")
HALAMAN = {
    "Ringkasan": "ringkasan",
    "Capaian Kinerja": "capaian",
    "Tren Antar Tahun": "tren",
    "Sebaran Wilayah": "wilayah",
    "Anggaran & Efisiensi": "anggaran",
    "Kualitas Data": "kualitas",
    "Impor Data": "impor",
}


PERMINTAAN_PERTAMA: dict = {}  # what the very first request (a deep link) rendered; filled by `aplikasi`


# ---- the server ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(db_bawaan):
    """`streamlit run app.py` on a free port; yields the base URL; stopped at the end."""
    with server_app.jalankan(db_bawaan, ARTEFAK / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def peramban():
    """A browser context in Debian's chromium (Playwright's own download does not work here)."""
    with sync_playwright() as p:
        b = server_app.chromium(p, headless=True)
        # one context for the module: pages share the HTTP cache, so the app's scripts load once
        kontek = b.new_context(viewport={"width": LEBAR, "height": TINGGI})
        yield kontek
        kontek.close()
        b.close()


@pytest.fixture(scope="module")
def aplikasi(server, peramban):
    """The base URL, after the server's first requests.

    Streamlit quirk: because the project has a pages/ folder, a fresh server process runs pages
    through its legacy multipage path (PagesManager.uses_pages_directory) until st.navigation has
    been called once. So the very first request is a deep link, recorded here for
    test_tautan_dalam_sebagai_permintaan_pertama; then the root URL is loaded once, so that the
    other tests do not depend on how that first request went.
    """
    halaman = peramban.new_page()
    halaman.goto(f"{server}/anggaran?instansi={TEGAL.replace(' ', '+')}&tahun=2017")
    tunggu(halaman)
    try:
        # the app answers the legacy run with st.rerun(): the script state can read notRunning
        # between the two runs, so wait for the final page before recording it
        expect(halaman.locator("h1").first).to_have_text("Anggaran & Efisiensi 2017", timeout=20_000)
        expect(filter_samping(halaman, "Instansi")).to_have_value(TEGAL, timeout=10_000)
        tunggu(halaman)
    except AssertionError:
        pass  # recorded as it is; test_tautan_dalam_sebagai_permintaan_pertama reports it
    PERMINTAAN_PERTAMA.update(
        {
            "filter_instansi": halaman.get_by_test_id("stSidebar").get_by_role("combobox", name="Instansi").count(),
            "tautan_nav": halaman.get_by_test_id("stSidebarNavLink")
            .get_by_test_id("stMarkdownContainer")
            .all_inner_texts(),
            "judul": halaman.locator("h1").all_inner_texts(),
        }
    )
    halaman.screenshot(path=str(ARTEFAK / "permintaan_pertama_tautan_dalam_anggaran.png"), full_page=True)
    halaman.goto(server + "/")
    tunggu(halaman)
    expect(halaman.locator("h1").first).to_contain_text("Ringkasan Kinerja", timeout=BATAS_WAKTU)
    halaman.close()
    return server


@pytest.fixture
def page(aplikasi, peramban):
    p = peramban.new_page()
    p.set_default_timeout(BATAS_WAKTU)
    yield p
    p.close()


# ---- helpers ------------------------------------------------------------------------------


def tunggu(page: Page) -> None:
    server_app.tunggu(page, BATAS_WAKTU)


def teks_utama(page: Page) -> str:
    return " ".join(page.get_by_test_id("stMain").inner_text().split())


def harus_ada(page: Page, pola: str, konteks: str, timeout: float = 10.0) -> re.Match:
    """The main area's text (whitespace collapsed) must match `pola` (a regex); waits for it."""
    batas = time.monotonic() + timeout
    while True:
        teks = teks_utama(page)
        m = re.search(pola, teks)
        if m:
            return m
        if time.monotonic() > batas:
            pytest.fail(f"{konteks}: page text does not match {pola!r}.\nPage text: {teks[:3000]}")
        page.wait_for_timeout(200)


def tanpa_galat(page: Page, konteks: str) -> None:
    galat = page.get_by_test_id("stException")
    if galat.count():
        # .streamlit/config.toml may hide the details in the browser (client.showErrorDetails); the
        # server log has the traceback
        pytest.fail(
            f"{konteks}: the page shows a Streamlit exception:\n"
            + "\n---\n".join(galat.all_inner_texts())
            + f"\n\nEnd of the server log ({ARTEFAK / 'streamlit.log'}):\n{server_app.ekor(ARTEFAK / 'streamlit.log')}"
        )
    kotak = page.get_by_test_id("stAlertContentError")
    if kotak.count():
        pytest.fail(f"{konteks}: the page shows an error box:\n" + "\n---\n".join(kotak.all_inner_texts()))


def filter_samping(page: Page, label: str):
    return page.get_by_test_id("stSidebar").get_by_role("combobox", name=label, exact=True)


def pilih(page: Page, label: str, opsi: str) -> None:
    """Open a sidebar selectbox and click an option in its dropdown list."""
    filter_samping(page, label).click()
    daftar = page.get_by_test_id("stSelectboxVirtualDropdown")
    daftar.get_by_role("option", name=opsi, exact=True).click()
    tunggu(page)
    expect(filter_samping(page, label)).to_have_value(opsi)


def buka_halaman(page: Page, judul: str) -> None:
    """Click a link in the sidebar navigation and wait until the page has run."""
    page.get_by_test_id("stSidebarNavLink").filter(has=page.get_by_text(judul, exact=True)).click()
    jalur = "" if HALAMAN[judul] == "ringkasan" else HALAMAN[judul]
    page.wait_for_url(re.compile(rf"^[^?]*/{jalur}(\?.*)?$"))
    tunggu(page)
    expect(page.get_by_test_id("stSidebarNavLink").filter(has=page.get_by_text(judul, exact=True))).to_have_attribute(
        "aria-current", "page"
    )


def potret(page: Page, nama: str) -> Path:
    """A full-page screenshot. The app scrolls inside stMain, not the document, so the viewport is
    made as tall as the content for the shot and restored afterwards."""
    tinggi = page.get_by_test_id("stMain").evaluate("e => e.scrollHeight")
    tinggi = max(TINGGI, min(int(tinggi), 16_000))
    if tinggi > TINGGI:
        page.set_viewport_size({"width": LEBAR, "height": tinggi})
        page.wait_for_timeout(400)
        tunggu(page)
    berkas = ARTEFAK / f"{nama}.png"
    page.screenshot(path=str(berkas), full_page=True)
    if tinggi > TINGGI:
        page.set_viewport_size({"width": LEBAR, "height": TINGGI})
    return berkas


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def jumlah_kualitas(page: Page, konteks: str) -> int:
    """Kualitas Data: the 'Masalah ditemukan' count, checked against the per-kind expander counts."""
    m = harus_ada(page, r"Masalah ditemukan (\d[\d.]*)", konteks)
    jumlah = int(m.group(1).replace(".", ""))
    assert jumlah > 0, f"{konteks}: no data problems found, but every shipped report has some"
    harus_ada(page, rf"\b{m.group(1)} masalah data ditemukan", konteks)
    judul = page.get_by_test_id("stExpander").locator("summary").all_inner_texts()
    per_jenis = [int(x.replace(".", "")) for j in judul for x in re.findall(r"\((\d[\d.]*)\)\s*$", j.strip())]
    assert per_jenis and sum(per_jenis) == jumlah, (
        f"{konteks}: the expanders {judul} add up to {sum(per_jenis)}, the card says {jumlah}"
    )
    return jumlah


# ---- what each page must print, per agency and year ---------------------------------------
# Regexes on the main area's text with whitespace collapsed. Numbers are the reports' own
# (LKjIP Temanggung 2023, LKjIP Tegal 2018, LAKIP Tanjung Jabung Barat 2023).

KASUS = {
    "temanggung_2023": dict(
        instansi=TEMANGGUNG,
        tahun="2023",
        skala=SKALA_PERMENPAN,
        mulai_dari=None,
        halaman={
            "Ringkasan": [
                r"Ringkasan Kinerja 2023",
                r"Serapan anggaran 97,64 %",
                r"Predikat Sangat Memuaskan",
                r"pagu 35\.672\.937\.124",
                r"Efisiensi 2,36 poin",
                r"Serapan anggaran 2023 97,64 %: Rp 34,83 M dari pagu Rp 35,67 M\.",
            ],
            "Capaian Kinerja": [r"Capaian Kinerja 2023", r"\b51 dari 51 indikator\b"],
            "Tren Antar Tahun": [r"data 2019–2023", r"realisasi turun dari 116,70 \(2021\) ke 65,29 \(2023\)"],
            "Sebaran Wilayah": [r"Dinas Sosial Kabupaten Temanggung belum punya data per kecamatan atau desa"],
            "Anggaran & Efisiensi": [
                r"Anggaran & Efisiensi 2023",
                r"Rp 35\.672\.937\.124",
                r"Rp 34\.830\.858\.769",
                r"Serapan 97,64 %",
                r"\b7 program\b",
            ],
            "Kualitas Data": [],
            "Impor Data": [r"Riwayat impor"],
        },
    ),
    "tegal_2018": dict(
        instansi=TEGAL,
        tahun="2018",
        skala=SKALA_TEGAL,
        mulai_dari=None,
        halaman={
            "Ringkasan": [
                r"Ringkasan Kinerja 2018",
                r"Capaian rata-rata 99,4 %",
                r"Predikat Memuaskan",
                r"pagu 4\.945\.600\.000",
                r"Pagu 2018 Rp 4,95 M; realisasinya tidak dilaporkan\.",
            ],
            "Capaian Kinerja": [r"Capaian Kinerja 2018", r"\b27 dari 27 indikator\b"],
            "Tren Antar Tahun": [r"data 2016–2018", r"realisasi naik dari 100,00 \(2016\) ke 175,00 \(2018\)"],
            "Sebaran Wilayah": [
                r"\b18 kecamatan\b",
                r"Jumlah Basis Data Terpadu \(BDT/DTKS\) kabupaten 722\.124 jiwa",
                r"Kecamatan Balapulang mencatat Basis Data Terpadu \(BDT/DTKS\) terbanyak: 58\.941 jiwa "
                r"\(8,2 % dari total 722\.124\)",
            ],
            "Anggaran & Efisiensi": [r"Anggaran & Efisiensi 2018", r"Rp 4\.945\.600\.000", r"\b16 program\b"],
            "Kualitas Data": [],
            "Impor Data": [r"Riwayat impor"],
        },
    ),
    "tanjabbar_2023": dict(
        # the default agency: switch away and back so that the choice really goes through the sidebar
        instansi=TANJABBAR,
        tahun="2023",
        skala=SKALA_PERMENDAGRI,
        mulai_dari=TEGAL,
        halaman={
            "Ringkasan": [
                r"Ringkasan Kinerja 2023",
                r"Serapan anggaran 96,53 %",
                r"Predikat Sangat Tinggi",
                r"pagu 5\.164\.657\.747",
                r"Capaian rata-rata 97,0 %",
            ],
            "Capaian Kinerja": [r"Capaian Kinerja 2023", r"\b10 dari 10 indikator\b"],
            "Tren Antar Tahun": [r"data 2021–2023"],
            "Sebaran Wilayah": [r"Angka tingkat kabupaten 2023"],  # + the table below (TABEL)
            "Anggaran & Efisiensi": [
                r"Anggaran & Efisiensi 2023",
                r"Rp 5\.164\.657\.747",
                r"Rp 4\.985\.477\.325",
                r"Serapan 96,53 %",
                r"\b6 program\b",
            ],
            "Kualitas Data": [],
            "Impor Data": [r"Riwayat impor"],
        },
    ),
}


# Text that a page's first table must show (a short table is drawn as HTML, dasbor.tabel: the
# numbers as on screen).
TABEL = {
    ("tanjabbar_2023", "Sebaran Wilayah"): [
        "Bantuan Pangan Non Tunai (BPNT/Sembako)",
        "18.571",
        "Program Keluarga Harapan (PKH)",
        "9.741",
    ],
}


@pytest.mark.parametrize("kasus", list(KASUS))
def test_semua_halaman_lewat_panel_samping(page, aplikasi, con, kasus):
    k = KASUS[kasus]
    page.goto(aplikasi + "/")
    tunggu(page)
    if k["mulai_dari"]:
        pilih(page, "Instansi", k["mulai_dari"])
    pilih(page, "Instansi", k["instansi"])
    pilih(page, "Tahun", k["tahun"])
    # chosen explicitly: after an agency switch the sidebar may still show the previous agency's
    # scale (see test_ganti_instansi_menyetel_ulang_tahun_dan_skala)
    pilih(page, "Skala predikat", k["skala"])
    # a bound widget writes its option to the URL, except the default one (the first agency)
    assert query(page).get("instansi", [TANJABBAR]) == [k["instansi"]], page.url

    masalah_ringkasan = None
    for judul, pola in k["halaman"].items():
        buka_halaman(page, judul)
        konteks = f"{kasus} / {judul} ({page.url})"
        tanpa_galat(page, konteks)
        expect(filter_samping(page, "Instansi")).to_have_value(k["instansi"])
        expect(filter_samping(page, "Tahun")).to_have_value(k["tahun"])
        for p in pola:
            harus_ada(page, p, konteks)
        for isi in TABEL.get((kasus, judul), []):
            expect(page.locator(".sakip-tabel").first).to_contain_text(isi)
        if judul == "Ringkasan":
            masalah_ringkasan = int(harus_ada(page, r"Masalah data (\d[\d.]*)", konteks).group(1).replace(".", ""))
        if judul == "Kualitas Data":
            jumlah = jumlah_kualitas(page, konteks)
            assert jumlah == masalah_ringkasan, (
                f"{konteks}: Kualitas Data counts {jumlah} problems, the Ringkasan card said {masalah_ringkasan}"
            )
        if judul == "Impor Data":
            # one history row per import in the database (a short table: drawn as HTML, dasbor.tabel)
            impor = con.execute("SELECT count(*) FROM impor").fetchone()[0]
            expect(page.locator(".sakip-tabel").last.locator("tbody tr")).to_have_count(impor)
        potret(page, f"{kasus}_{HALAMAN[judul]}")


def test_tautan_tersimpan_memulihkan_tampilan(page, aplikasi):
    """A bookmarked URL restores agency and year; the sidebar nav keeps them on every page.

    The query params hold the option as displayed (format_func), e.g.
    ?instansi=Dinas+Sosial+Kabupaten+Tegal&tahun=2017, not the agency code; every sidebar choice
    is written, defaults too (issue 15), so the bookmark holds whatever the defaults become."""
    tautan = {
        "instansi": [TEGAL],
        "tahun": ["2017"],
        "banding": ["2016"],
        "skala": [SKALA_TEGAL],
        "batas": ["Sesuai laporan instansi"],
    }
    page.goto(aplikasi + "/?instansi=Dinas+Sosial+Kabupaten+Tegal&tahun=2017")
    tunggu(page)
    tanpa_galat(page, "bookmark Tegal 2017")
    expect(filter_samping(page, "Instansi")).to_have_value(TEGAL)
    expect(filter_samping(page, "Tahun")).to_have_value("2017")
    expect(filter_samping(page, "Tahun pembanding")).to_have_value("2016")
    harus_ada(page, r"Ringkasan Kinerja 2017", "bookmark Tegal 2017")
    harus_ada(page, r"Dinas Sosial Kabupaten Tegal", "bookmark Tegal 2017")
    assert query(page) == tautan, page.url
    potret(page, "tegal_2017_ringkasan")

    for judul, pola in [
        ("Capaian Kinerja", r"Capaian Kinerja 2017"),
        ("Anggaran & Efisiensi", r"Dinas Sosial Kabupaten Tegal tidak punya data anggaran untuk 2017"),
        ("Ringkasan", r"Ringkasan Kinerja 2017"),
    ]:
        konteks = f"bookmark Tegal 2017, then the nav link {judul}"
        buka_halaman(page, judul)
        tanpa_galat(page, konteks)
        expect(filter_samping(page, "Instansi")).to_have_value(TEGAL)
        expect(filter_samping(page, "Tahun")).to_have_value("2017")
        harus_ada(page, pola, konteks)
        # the sidebar's choices, and the open page's own (its indicator, filters): no other page's
        sendiri = set(registri.ambil(HALAMAN[judul]).kunci.values())
        assert {k: v for k, v in query(page).items() if k not in sendiri} == tautan, f"{konteks}: {page.url}"
        if judul == "Capaian Kinerja":
            assert query(page).get("indikator") and set(query(page)) - set(tautan) <= sendiri, page.url
            potret(page, "tegal_2017_capaian")

    # a bookmark of a page other than the default one
    page.goto(aplikasi + "/wilayah?instansi=Dinas+Sosial+Kabupaten+Tegal&tahun=2018")
    tunggu(page)
    tanpa_galat(page, "bookmark /wilayah Tegal 2018")
    expect(filter_samping(page, "Instansi")).to_have_value(TEGAL)
    expect(filter_samping(page, "Tahun")).to_have_value("2018")
    harus_ada(page, r"Sebaran Wilayah", "bookmark /wilayah Tegal 2018")
    harus_ada(page, r"kabupaten 722\.124 jiwa", "bookmark /wilayah Tegal 2018")


def test_ganti_instansi_menyetel_ulang_tahun_dan_skala(page, aplikasi):
    page.goto(aplikasi + "/")
    tunggu(page)
    pilih(page, "Instansi", TEGAL)
    # preconditions (pytest.fail, not AssertionError: these must not count as the expected failure)
    harus_ada(page, r"Ringkasan Kinerja 2018", "after switching to Tegal")
    harus_ada(page, r"Predikat Memuaskan\b", "after switching to Tegal (its own scale, LKjIP Tegal 2018)")
    # the sidebar must show what the page uses
    expect(filter_samping(page, "Tahun")).to_have_value("2018", timeout=3_000)
    expect(filter_samping(page, "Skala predikat")).to_have_value(SKALA_TEGAL, timeout=3_000)
    # and choosing another year must not change the scale behind the user's back
    pilih(page, "Tahun", "2017")
    assert re.search(r"Predikat Memuaskan\b", teks_utama(page)), teks_utama(page)[:1000]


def test_tautan_dalam_sebagai_permintaan_pertama(aplikasi):
    """A deep link as the very first request of a fresh server renders the page with its filters.

    Streamlit's legacy pages/ mode would run pages/anggaran.py alone there: an auto-generated nav of
    file names (app, anggaran, capaian, ...), no filters and an empty page (dasbor.pilihan() handles it)."""
    pertama = PERMINTAAN_PERTAMA
    assert pertama["filter_instansi"] == 1, f"no agency filter in the sidebar: {pertama}"
    assert pertama["judul"] == ["Anggaran & Efisiensi 2017"], pertama
    assert "Anggaran & Efisiensi" in pertama["tautan_nav"] and "anggaran" not in pertama["tautan_nav"], pertama
