"""Build `data/wilayah.parquet`, the official region list the app ships, from the Kemendagri dump.

Source: `../shared/referensi/wilayah_kemendagri/wilayah.sql` (cahyadsn/wilayah, MIT licence,
Kepmendagri 300.2.2-2138/2025). The app never reads `../shared`; this script is run by hand when the
reference changes, and its output is committed with the licence notice in `data/LISENSI-wilayah.txt`.

    .venv/bin/python scripts/bangun_wilayah.py [path/to/wilayah_kemendagri]

One row per region: `kode` (33, 33.28, 33.28.18, 33.28.18.2001), `nama` as published, `tingkat`
(provinsi, kabkota, kecamatan, desa), `induk` (the parent's code) and `jenis` (provinsi; kabupaten or
kota from the name; kelurahan for 1xxx and desa for 2xxx in the fourth part of the code).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import duckdb
import pandas as pd

AKAR = Path(__file__).resolve().parent.parent
SUMBER = AKAR.parent / "shared" / "referensi" / "wilayah_kemendagri"
TUJUAN = AKAR / "data" / "wilayah.parquet"
LISENSI = AKAR / "data" / "LISENSI-wilayah.txt"

# ('33.28.18.2001','Nama'), with '' for an apostrophe inside the name
BARIS = re.compile(r"^\('([0-9.]+)','((?:[^']|'')*)'\)[,;]?\s*$")
TINGKAT = {1: "provinsi", 2: "kabkota", 3: "kecamatan", 4: "desa"}


def jenis(kode: str, nama: str) -> str:
    bagian = kode.split(".")
    if len(bagian) == 1:
        return "provinsi"
    if len(bagian) == 2:
        return "kota" if nama.startswith("Kota ") else "kabupaten"
    if len(bagian) == 3:
        return "kecamatan"
    return "kelurahan" if bagian[3].startswith("1") else "desa"


def baca(sql: Path) -> pd.DataFrame:
    baris = []
    for teks in sql.read_text(encoding="utf-8").splitlines():
        cocok = BARIS.match(teks.strip())
        if cocok:
            kode, nama = cocok.group(1), cocok.group(2).replace("''", "'")
            bagian = kode.split(".")
            baris.append(
                {
                    "kode": kode,
                    "nama": nama.strip(),
                    "tingkat": TINGKAT[len(bagian)],
                    "induk": ".".join(bagian[:-1]) or None,
                    "jenis": jenis(kode, nama),
                }
            )
    return pd.DataFrame(baris).sort_values("kode", ignore_index=True)


def main(argv: list[str]) -> int:
    sumber = Path(argv[0]) if argv else SUMBER
    df = baca(sumber / "wilayah.sql")
    jumlah = df["tingkat"].value_counts().to_dict()
    if jumlah.get("kabkota", 0) < 500 or jumlah.get("kecamatan", 0) < 7000:
        print(f"Sumber tidak lengkap: {jumlah}", file=sys.stderr)
        return 1
    TUJUAN.parent.mkdir(exist_ok=True)
    con = duckdb.connect()
    con.register("wilayah", df)
    con.execute(f"COPY (SELECT * FROM wilayah ORDER BY kode) TO '{TUJUAN}' (FORMAT parquet, COMPRESSION zstd)")
    shutil.copyfile(sumber / "LICENSE.wilayah", LISENSI)
    print(f"{TUJUAN.relative_to(AKAR)}: {len(df)} wilayah {jumlah}, {TUJUAN.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
