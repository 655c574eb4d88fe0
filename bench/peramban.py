"""What a user waits for in a real browser (Playwright, Debian chromium), on the three seed agencies:
every page of the registry opened from its bookmark in a fresh session until its charts are
drawn, sidebar navigation between pages, and a widget change. Called by bench/run.py; alone:

    .venv/bin/python bench/peramban.py [--db data/sakip.duckdb] [--instansi NAMA] [--tahun 2023]

Each figure is the median of ULANG runs, printed with its goal (issue 15). Each bookmark is opened
in a tab that has finished setting itself up (`tab_baru`), as a user's is.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "tests"))

import server_app  # noqa: E402

from sakip_calc.presentation.halaman import DAFTAR  # noqa: E402

ULANG = 5
SASARAN = {"halaman": 2.0, "ringkasan": 1.5, "navigasi": 1.0, "widget": 0.5}

# ready (server_app.SIAP: the run over, the title there and not the previous page's, every chart
# drawn) with at least `n` charts drawn: a chart's element can still be on its way when the run ends
_JUMLAH_GRAFIK = f"() => document.querySelectorAll('{server_app.TERGAMBAR}').length"
_SIAP = f"([lama, n]) => ({server_app.SIAP})(['', lama]) && ({_JUMLAH_GRAFIK})() >= n"


def _cpu() -> tuple[int, int]:
    """(idle, total) jiffies of all CPUs since boot (Linux)."""
    with open("/proc/stat") as f:
        angka = [int(x) for x in f.readline().split()[1:]]
    return angka[3] + angka[4], sum(angka)


def tenang(batas: float = 5.0, langkah: float = 0.2, menganggur: float = 0.8) -> float:
    """Wait until the machine is quiet: at least `menganggur` of all CPUs idle over `langkah` s (at most
    `batas` s); returns the seconds waited. A tab Playwright opens (new_page) goes on setting itself
    up in its own renderer for about 0,5 s of CPU after the call returns: about:blank and Playwright's
    injected scripts. A user opening a bookmark never waits for that, yet on this 2-CPU machine it
    took a CPU from the first half second of every load measured right after it: the same code,
    tabs alternating, median 6 (29-11-2026): Ringkasan 1.655 → 1.312 ms, Capaian 1.890 → 1.600,
    Anggaran 1.957 → 1.742 once the tab had settled (0,8 s here)."""
    mulai = time.perf_counter()
    if not os.path.exists("/proc/stat"):
        time.sleep(1.0)
        return time.perf_counter() - mulai
    while time.perf_counter() - mulai < batas:
        i0, t0 = _cpu()
        time.sleep(langkah)
        i1, t1 = _cpu()
        if t1 > t0 and (i1 - i0) / (t1 - t0) >= menganggur:
            break
    return time.perf_counter() - mulai


def tab_baru(konteks):
    """A new tab (a new Streamlit session) on a quiet machine, ready to open a bookmark in."""
    h = konteks.new_page()
    tenang()
    return h


def _tunggu(halaman, lama: str = "", n: int = 0) -> str:
    halaman.wait_for_function(_SIAP, arg=[lama, n], timeout=120_000, polling=25)
    return halaman.locator("h1").first.inner_text()


def _jumlah_grafik(halaman) -> int:
    """How many charts the page draws: counted once it has been quiet for a second."""
    halaman.wait_for_timeout(1000)
    return halaman.evaluate(_JUMLAH_GRAFIK)


def ms(detik: float) -> str:
    from sakip_calc.domain.angka import format_angka

    return f"{format_angka(detik * 1000, 0)} ms"


def _median(cetak: Callable, teks: str, nilai: list[float], batas: float) -> float:
    m = statistics.median(nilai)
    cetak(f"{teks}: median {ms(m)}, maks {ms(max(nilai))} (n={len(nilai)})", batas, m)
    return m


def ukur(
    db: Path,
    nama: str,
    tahun: int,
    cetak: Callable,
    ulang: int = ULANG,
    halaman: tuple[str, ...] = (),
    gerak: bool = True,
) -> dict[str, float]:
    """Every figure of this module for one agency; returns the medians by name."""
    from playwright.sync_api import sync_playwright

    port = server_app.port_bebas()
    log = Path("/tmp") / f"sakip-bench-peramban-{port}.log"
    url = f"http://127.0.0.1:{port}"
    tanda = f"?instansi={nama.replace(' ', '+')}&tahun={tahun}"
    hasil: dict[str, float] = {}
    singkat = nama.removeprefix("Dinas Sosial Kabupaten ")
    with server_app.proses(server_app.perintah_streamlit(port), log, dict(os.environ, SAKIP_DB=str(db))) as server:
        server_app.tunggu_sehat(url, server, log, detik=120)
        with sync_playwright() as p:
            peramban = server_app.chromium(p)
            # one browser profile, as a returning user has: the app's scripts come from its HTTP cache
            konteks = peramban.new_context(viewport={"width": 1366, "height": 768})
            # a fresh server runs its first request through Streamlit's legacy page path: not a user's view
            h = konteks.new_page()
            h.goto(url + "/" + tanda)
            _tunggu(h)
            h.close()
            grafik: dict[str, int] = {}
            for hal in [h for h in DAFTAR if not halaman or h.id in halaman]:
                waktu, pertama = [], None
                for i in range(ulang + 1):
                    h = tab_baru(konteks)
                    mulai = time.perf_counter()
                    h.goto(f"{url}/{'' if hal.bawaan else hal.id}{tanda}")
                    _tunggu(h, n=grafik.get(hal.id, 0))
                    d = time.perf_counter() - mulai
                    if i == 0:
                        grafik[hal.id] = _jumlah_grafik(h)
                    h.close()
                    if i == 0:
                        pertama = d
                    else:
                        waktu.append(d)
                batas = SASARAN["ringkasan" if hal.bawaan else "halaman"]
                hasil[hal.id] = _median(
                    cetak,
                    f"peramban {singkat:<16} buka {hal.id:<12} dari tautan, sesi baru "
                    f"(pertama kali di server {ms(pertama)}; {grafik[hal.id]} grafik)",
                    waktu,
                    batas,
                )
            if not gerak:
                return hasil
            # sidebar navigation: from each page to the next, in one session
            h = konteks.new_page()
            h.goto(url + "/" + tanda)
            judul = _tunggu(h)
            navigasi: dict[str, list[float]] = {}
            # the pages the sidebar lists without "View more" (Streamlit folds a long list)
            nav = h.get_by_test_id("stSidebarNav")
            daftar = [hal for hal in DAFTAR if nav.get_by_role("link", name=hal.judul, exact=True).count()]
            for _ in range(max(2, ulang // 2)):
                for hal in daftar[1:] + daftar[:1]:
                    tautan = h.get_by_test_id("stSidebarNav").get_by_role("link", name=hal.judul, exact=True)
                    mulai = time.perf_counter()
                    tautan.click()
                    judul = _tunggu(h, judul, grafik.get(hal.id, 0))
                    navigasi.setdefault(hal.id, []).append(time.perf_counter() - mulai)
            semua = [d for v in navigasi.values() for d in v]
            hasil["navigasi"] = _median(
                cetak,
                f"peramban {singkat:<16} navigasi panel samping ke halaman lain (terlama: "
                f"{max(navigasi, key=lambda k: statistics.median(navigasi[k]))})",
                semua,
                SASARAN["navigasi"],
            )
            # a widget: the sidebar year on Ringkasan, back and forth
            tahun_lain = [int(o) for o in _opsi_tahun(h) if int(o) != tahun][:2] or [tahun]
            ganti = []
            for t in [x for lain in tahun_lain for x in (lain, tahun)] * max(1, ulang // (2 * len(tahun_lain))):
                h.get_by_test_id("stSidebar").get_by_role("combobox", name="Tahun", exact=True).click()
                opsi = h.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option", name=str(t), exact=True)
                opsi.wait_for()
                mulai = time.perf_counter()
                opsi.click()
                judul = _tunggu(h, judul)
                ganti.append(time.perf_counter() - mulai)
            hasil["widget"] = _median(
                cetak, f"peramban {singkat:<16} ganti Tahun di Ringkasan", ganti, SASARAN["widget"]
            )
            konteks.close()
            peramban.close()
    return hasil


def _opsi_tahun(h) -> list[str]:
    h.get_by_test_id("stSidebar").get_by_role("combobox", name="Tahun", exact=True).click()
    pilihan = h.get_by_test_id("stSelectboxVirtualDropdown").get_by_role("option")
    pilihan.first.wait_for()
    teks = pilihan.all_inner_texts()
    h.keyboard.press("Escape")
    return teks


def _cetak(teks: str, batas: float | None = None, nilai: float | None = None) -> None:
    if batas is not None and nilai is not None:
        teks += f"   [{'OK' if nilai < batas else 'MELESET'}; sasaran < {ms(batas)}]"
    print(teks, flush=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default=str(AKAR / "data" / "sakip.duckdb"))
    p.add_argument("--instansi", default="Dinas Sosial Kabupaten Temanggung")
    p.add_argument("--tahun", type=int, default=2023)
    p.add_argument("--ulang", type=int, default=ULANG)
    p.add_argument("--halaman", default="", help="only these pages (ids, comma-separated)")
    p.add_argument("--tanpa-gerak", action="store_true", help="without the navigation and widget figures")
    a = p.parse_args()
    print(f"mesin   beban {' / '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    ukur(Path(a.db), a.instansi, a.tahun, _cetak, a.ulang, tuple(filter(None, a.halaman.split(","))), not a.tanpa_gerak)
    print(f"mesin   beban {' / '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
