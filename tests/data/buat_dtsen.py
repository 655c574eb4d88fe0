"""Build the DTSEN desil test files in tests/data/dtsen/ (committed; run again to rebuild).

    .venv/bin/python tests/data/buat_dtsen.py

The SIKS-NG per-desa layout for every official desa/kelurahan of Kabupaten Tegal (BPS-style codes,
kdkab 3328) in two periods, 2025-03 and 2025-06, and of Tanjung Jabung Barat (Kemendagri codes) in
2025-06. Counts are made up (fixed seed). The Tegal 2025-06 file has two planted problems: a desa
that is not in the official list ('Sukamaju Baru', Kec. Slawi) and a TOTAL that is not the sum of
its buckets (Kec. Adiwerna, desa Adiwerna: TOTAL written 10 too high).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from openpyxl import Workbook

AKAR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(AKAR))

from sakip_calc.store import rujukan_wilayah  # noqa: E402

KOLOM = ["NMKAB", "NMKEC", "NMDESA", "kdkab", "kdkec", "kddesa", "DESIL 1", "DESIL 2", "DESIL 3", "DESIL 4",
         "TOTAL D1-D4", "DESIL 5", "DESIL 6", "DESIL 7-10", "DESIL NULL", "TOTAL"]  # fmt: skip
TUJUAN = Path(__file__).resolve().parent / "dtsen"


def baris(kode_kab: str, nama_kab: str, bps: bool, seed: int, geser: int = 0) -> list[list]:
    rng = np.random.default_rng(seed)
    semua = rujukan_wilayah.bawahan(kode_kab)
    kec = dict(zip(semua["kode"], semua["nama"]))
    hasil, dilihat = [], set()
    for r in semua[semua["tingkat"] == "desa"].itertuples():
        # Kec. Merlung has a desa and a kelurahan both named Merlung: the Wilayah key is the name
        if (r.induk, r.nama) in dilihat:
            continue
        dilihat.add((r.induk, r.nama))
        d = [int(x) for x in rng.integers(20, 260, 4) + geser] + [int(x) for x in rng.integers(30, 200, 2)]
        d += [int(rng.integers(100, 600)), int(rng.integers(0, 40))]
        k = r.kode.split(".")
        kode = (k[0] + k[1], k[0] + k[1] + f"{int(k[2]) * 10:03d}", k[0] + k[1] + f"{int(k[2]) * 10:03d}" + k[3][1:])
        if not bps:
            kode = (".".join(k[:2]), ".".join(k[:3]), r.kode)
        hasil.append([nama_kab, kec[r.induk].upper(), r.nama.upper(), *kode, *d[:4], sum(d[:4]), *d[4:], sum(d)])
    return hasil


def simpan(nama: str, isi: list[list]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "desil"
    ws.append(KOLOM)
    for b in isi:
        ws.append(b)
    wb.save(TUJUAN / nama)


def main() -> None:
    TUJUAN.mkdir(exist_ok=True)
    simpan("DTSEN_Tegal_2025-03.xlsx", baris("33.28", "TEGAL", True, 3328))
    juni = baris("33.28", "TEGAL", True, 3328, geser=-8)
    adiwerna = next(b for b in juni if b[1] == "ADIWERNA" and b[2] == "ADIWERNA")
    adiwerna[-1] += 10
    slawi = next(b for b in juni if b[1] == "SLAWI")
    juni.append([*slawi[:2], "SUKAMAJU BARU", *slawi[3:5], slawi[5][:-3] + "999", 5, 6, 7, 8, 26, 9, 10, 11, 1, 57])
    simpan("DTSEN_Tegal_2025-06.xlsx", juni)
    simpan("DTSEN_TanjungJabungBarat_2025-06.xlsx", baris("15.06", "TANJUNG JABUNG BARAT", False, 1506))
    # recipients per kecamatan in the same year (made up: 30-90 % of the June desil 1-4 families), so
    # the coverage chart has both sides; a plain Wilayah CSV through the template path
    rng = np.random.default_rng(2025)
    d14: dict[str, int] = {}
    for b in juni[:-1]:
        d14[b[1].title()] = d14.get(b[1].title(), 0) + b[10]
    teks = ["instansi;tahun;kecamatan;jenis;nilai;sumber"]
    for jenis, bawah, atas in (("PKH", 0.3, 0.6), ("BPNT", 0.5, 0.9), ("PBI_JKN_APBN", 1.5, 2.5)):
        for kec, n in sorted(d14.items()):
            teks.append(f"dinsos-tegal;2025;{kec};{jenis};{round(n * rng.uniform(bawah, atas))};data uji buatan")
    (TUJUAN / "Bansos_Tegal_2025_Wilayah.csv").write_text("\n".join(teks) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
