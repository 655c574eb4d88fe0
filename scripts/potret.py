"""Screenshots of every page for every agency, as a person would see them: a viewport of
1366x768 (office laptop) and 1920x1080 (projector), plus the first slides of presentation mode at
1024x768, 1366x768 and 1920x1080.

    .venv/bin/python scripts/potret.py [--db PATH] [--keluaran tests/artifacts/potret]
        [--halaman wilayah ...] [--tahun 2025] [--penuh] [--slide 5]

Starts `streamlit run app.py` on a free port, opens each page of the page registry by its URL
(the bookmark a user would keep) and saves what fits on the screen without scrolling: what a
user sees first. Not part of the test command: for looking, not asserting.
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "tests"))  # server_app: how the app and chromium are started

import server_app  # noqa: E402

from sakip_calc import store  # noqa: E402
from sakip_calc.presentation.halaman import DAFTAR  # noqa: E402

UKURAN = ((1366, 768), (1920, 1080))
UKURAN_PRESENTASI = ((1024, 768), (1366, 768), (1920, 1080))


def _tunggu(page) -> None:
    server_app.tunggu(page, 60_000)
    page.wait_for_timeout(300)


def _instansi(db: Path) -> list[tuple[str, str, int]]:
    """(kode, nama, the year the sidebar opens on: the latest with capaian) of every agency."""
    con = store.buka(db, read_only=True)
    try:
        hasil = []
        for r in store.instansi(con).itertuples():
            tahun = store.tahun_data(con, r.id)
            capaian = tahun.loc[tahun["tabel"] == "capaian", "tahun"]
            hasil.append((r.kode, r.nama, int(capaian.max() if len(capaian) else tahun["tahun"].max())))
        return hasil
    finally:
        con.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default=str(store.DB_BAWAAN))
    p.add_argument("--keluaran", default=str(AKAR / "tests" / "artifacts" / "potret"))
    p.add_argument("--halaman", action="append", help="only these page ids (repeatable)")
    p.add_argument("--tahun", type=int, help="sidebar year for every agency instead of its latest")
    p.add_argument("--penuh", action="store_true", help="the whole page, scrolled, not only the first screen")
    p.add_argument("--slide", type=int, default=5, help="presentation mode: this many slides per screen size")
    a = p.parse_args()
    from playwright.sync_api import sync_playwright

    keluaran = Path(a.keluaran)
    keluaran.mkdir(parents=True, exist_ok=True)
    with server_app.jalankan(Path(a.db), keluaran / "streamlit.log", detik=120) as url:
        with sync_playwright() as pw:
            peramban = server_app.chromium(pw)
            for lebar, tinggi in UKURAN:
                halaman = peramban.new_page(viewport={"width": lebar, "height": tinggi})
                for kode, nama, tahun in _instansi(Path(a.db)):
                    tahun = a.tahun or tahun
                    for h in (h for h in DAFTAR if not a.halaman or h.id in a.halaman):
                        jalur = "" if h.bawaan else h.id
                        halaman.goto(f"{url}/{jalur}?" + urllib.parse.urlencode({"instansi": nama, "tahun": tahun}))
                        _tunggu(halaman)
                        dasar = keluaran / f"{lebar}x{tinggi}" / f"{kode}_{tahun}_{h.id}"
                        dasar.parent.mkdir(parents=True, exist_ok=True)
                        halaman.screenshot(path=f"{dasar}_layar.png", full_page=a.penuh)
                        print(f"{dasar}_layar.png", flush=True)
                halaman.close()
            # presentation mode on projectors from 1024x768 to 1920x1080: the first slides of the first agency
            kode, nama, tahun = _instansi(Path(a.db))[0]
            for lebar, tinggi in UKURAN_PRESENTASI:
                halaman = peramban.new_page(viewport={"width": lebar, "height": tinggi})
                halaman.goto(f"{url}/?" + urllib.parse.urlencode({"instansi": nama, "tahun": tahun}))
                _tunggu(halaman)
                halaman.get_by_test_id("stSidebar").get_by_text("Mode presentasi", exact=True).click()
                _tunggu(halaman)
                for i in range(a.slide):
                    berkas = keluaran / f"presentasi_{lebar}x{tinggi}_{kode}_{tahun}_{i + 1}.png"
                    halaman.screenshot(path=berkas)
                    print(berkas, flush=True)
                    halaman.get_by_role("button", name="Berikutnya").click()
                    _tunggu(halaman)
                halaman.close()
            peramban.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
