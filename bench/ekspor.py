"""Export timings on this machine: the full deck and the LKjIP Chapter III draft for one
agency-year with a warm renderer, and the image export of each of the deck's charts.

    .venv/bin/python bench/ekspor.py [--instansi dinsos-temanggung] [--tahun 2023] [--ulang 5]

Goals: the deck and the draft for Temanggung 2023 each in under 3 s once the app is up (imports done, database open,
renderer warm). The renderer's cold start is printed separately: the app pays it once, on the
first image of the process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sakip_calc import store  # noqa: E402
from sakip_calc.calc import analisis
from sakip_calc.export import ekspor
from sakip_calc.presentation import dek, draf
from sakip_calc.presentation.tampilan import tampilan_koneksi


def waktu(fungsi, ulang: int) -> list[float]:
    hasil = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - mulai)
    return hasil


def ringkas(t: list[float]) -> str:
    return f"median {statistics.median(t):.2f} s (min {min(t):.2f}, max {max(t):.2f}, n={len(t)})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--instansi", default="dinsos-temanggung")
    ap.add_argument("--tahun", type=int, default=2023)
    ap.add_argument("--ulang", type=int, default=5)
    a = ap.parse_args()

    con = store.buka(store.DB_BAWAAN, read_only=True)
    iid = analisis.id_instansi(con, a.instansi)
    daftar = dek.grafik_dek(con, iid, a.tahun)
    mulai = time.perf_counter()
    ekspor.gambar_png(daftar[0].fig)
    print(f"renderer cold start + first PNG: {time.perf_counter() - mulai:.2f} s (once per process)")

    dek.dek_instansi(con, iid, a.tahun)  # warm-up: first pandas/duckdb/pptx paths
    gambar = sum(ekspor.bagan_asli(g.fig) is None for g in daftar)
    t = waktu(lambda: dek.dek_instansi(con, iid, a.tahun), a.ulang)
    print(
        f"deck {a.instansi} {a.tahun}: {len(daftar) + 1} slides, {len(daftar) - gambar} native charts, "
        f"{gambar} images: {ringkas(t)}  [goal < 3 s: {'ok' if statistics.median(t) < 3 else 'MISSED'}]"
    )
    t = waktu(lambda: dek.grafik_dek(con, iid, a.tahun), a.ulang)
    print(f"  of which reading data and building the figures: {ringkas(t)}")

    draf.draf_instansi(con, iid, a.tahun)  # warm-up
    t = waktu(lambda: draf.draf_instansi(con, iid, a.tahun), a.ulang)
    print(
        f"draft LKjIP Bab III {a.instansi} {a.tahun}: {len(draf.GRAFIK_31) + len(draf.GRAFIK_32)} chart sections: "
        f"{ringkas(t)}  [goal < 3 s: {'ok' if statistics.median(t) < 3 else 'MISSED'}]"
    )
    t = waktu(lambda: draf.dokumen(tampilan_koneksi(con, iid, a.tahun, a.tahun - 1)), a.ulang)
    print(f"  of which reading data, writing the text and building the figures: {ringkas(t)}")
    v = tampilan_koneksi(con, iid, a.tahun, a.tahun - 1)  # one view: its reads done once, as the app caches them
    t = waktu(lambda: draf.draf_docx(v), a.ulang)
    print(f"  (info) with the reads already done (the app's cache after a page visit): {ringkas(t)}")

    print(
        "per-chart image export (warm renderer, median of "
        f"{a.ulang}; PNG {ekspor.LEBAR_GAMBAR * ekspor.SKALA_PNG:.0f} px wide):"
    )
    for g in daftar:
        png = statistics.median(waktu(lambda g=g: ekspor.gambar_png(g.fig), a.ulang))
        svg = statistics.median(waktu(lambda g=g: ekspor.gambar_svg(g.fig), a.ulang))
        print(f"  PNG {png:.2f} s  SVG {svg:.2f} s  {g.judul}")


if __name__ == "__main__":
    main()
