"""Two versions of the app side by side in one chromium: each page opened from its bookmark in a
fresh session, alternating old and new, until its charts are drawn; the median per page. Wall
figures on this machine move ±15 % between hours, so a change is judged by this paired run, not by
two `bench/peramban.py` runs at different times.

    git worktree add /tmp/lama <commit>    # the other version (with a .venv, or a symlink to one)
    .venv/bin/python bench/berpasangan.py /tmp/lama . [--ulang 6] [--halaman capaian,anggaran]

The page-ready check (server_app.SIAP) is this tree's, so it must know both versions' elements.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "tests"))
sys.path.insert(0, str(AKAR / "bench"))

import peramban  # noqa: E402
import server_app  # noqa: E402

from sakip_calc.presentation.halaman import DAFTAR  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("lama", type=Path, help="the tree of the version to compare against")
    p.add_argument("baru", type=Path, help="the tree of the version measured")
    p.add_argument("--db", default=str(AKAR / "data" / "sakip.duckdb"))
    p.add_argument("--instansi", default="Dinas Sosial Kabupaten Temanggung")
    p.add_argument("--tahun", type=int, default=2023)
    p.add_argument("--ulang", type=int, default=6)
    p.add_argument("--halaman", default="", help="only these pages (ids, comma-separated)")
    a = p.parse_args()
    from playwright.sync_api import sync_playwright

    pohon = {"lama": a.lama.resolve(), "baru": a.baru.resolve()}
    halaman = [h for h in DAFTAR if not a.halaman or h.id in a.halaman.split(",")]
    tanda = f"?instansi={a.instansi.replace(' ', '+')}&tahun={a.tahun}"
    print(f"mesin   beban {' / '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    with contextlib.ExitStack() as tumpuk:
        url = {}
        for nama, akar in pohon.items():
            port = server_app.port_bebas()
            log = Path("/tmp") / f"sakip-berpasangan-{nama}-{port}.log"
            perintah = ["bash", "-c", f"cd {akar} && exec .venv/bin/python -m streamlit run app.py "
                        f"--server.address 127.0.0.1 --server.port {port} --server.headless true "
                        "--server.fileWatcherType none --browser.gatherUsageStats false"]  # fmt: skip
            server = tumpuk.enter_context(server_app.proses(perintah, log, dict(os.environ, SAKIP_DB=a.db)))
            url[nama] = f"http://127.0.0.1:{port}"
            server_app.tunggu_sehat(url[nama], server, log, detik=120)
        pw = tumpuk.enter_context(sync_playwright())
        b = server_app.chromium(pw)
        # one browser profile per version, as a returning user has: scripts from its HTTP cache
        konteks = {nama: b.new_context(viewport={"width": 1366, "height": 768}) for nama in pohon}
        for nama in pohon:  # a fresh server's first request goes through Streamlit's legacy path
            h = konteks[nama].new_page()
            h.goto(url[nama] + "/" + tanda)
            peramban._tunggu(h)
            h.close()
        for hal in halaman:
            waktu, grafik = {nama: [] for nama in pohon}, {}
            for i in range(a.ulang + 1):
                # alternating which goes first, so neither always meets the machine after the other
                for nama in list(pohon)[:: 1 if i % 2 else -1]:
                    h = peramban.tab_baru(konteks[nama])
                    mulai = time.perf_counter()
                    h.goto(f"{url[nama]}/{'' if hal.bawaan else hal.id}{tanda}")
                    peramban._tunggu(h, n=grafik.get(nama, 0))
                    d = time.perf_counter() - mulai
                    if i == 0:  # the first load counts the page's charts and is not measured
                        grafik[nama] = peramban._jumlah_grafik(h)
                    else:
                        waktu[nama].append(d)
                    h.close()
            lama, baru = (statistics.median(waktu[n]) for n in pohon)
            print(
                f"berpasangan {hal.id:<12} lama {peramban.ms(lama)} → baru {peramban.ms(baru)} "
                f"({peramban.ms(baru - lama)}; {grafik['baru']} grafik; median {a.ulang})",
                flush=True,
            )
    print(f"mesin   beban {' / '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
