"""The database file of an older program, for the migration tests.

`lama_06f8a3e.duckdb.gz` was written by the main of 2026-11-25 (commit 06f8a3e, schema version 1
before versions were recorded): the Tegal 2018 workbook imported, a correction of three of its
rows imported, a new agency imported and undone, so that it holds data, history of every action
and every import status. Run this file (from the repository, with the project's venv) to write
it again; it checks the old commit out in a temporary worktree and runs that code's command line.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]
KOMIT = "06f8a3e"
BERKAS = Path(__file__).resolve().parent / f"lama_{KOMIT}.duckdb.gz"


def salin_lama(tujuan: Path) -> Path:
    """The old file, unpacked to `tujuan`."""
    with gzip.open(BERKAS, "rb") as masuk, open(tujuan, "wb") as keluar:
        shutil.copyfileobj(masuk, keluar)
    return tujuan


def _buat_workbook(lama: Path, folder: Path) -> tuple[Path, Path]:
    """The new agency and the Tegal correction, made by the old commit's own test helpers."""
    kode = f"""
import sys
sys.path.insert(0, "tests/data")
import buat_bad, openpyxl
buat_bad.buku_dasar().save({str(folder / "baru.xlsx")!r})
wb = openpyxl.load_workbook("data/dinsos_tegal_2018.xlsx")
for lembar, baris, kolom, nilai in [("Capaian", 2, "realisasi", 12.5), ("Anggaran", 2, "pagu", 1_000_000),
                                    ("Wilayah", 2, "nilai", 77)]:
    buat_bad.sel(wb, lembar, baris, kolom).value = nilai
wb.save({str(folder / "koreksi.xlsx")!r})
"""
    subprocess.run([sys.executable, "-c", kode], cwd=lama, check=True)
    return folder / "baru.xlsx", folder / "koreksi.xlsx"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lama = tmp / "main_lama"
        subprocess.run(["git", "worktree", "add", "--detach", str(lama), KOMIT], cwd=AKAR, check=True)
        try:
            baru, koreksi = _buat_workbook(lama, tmp)
            db = tmp / "lama.duckdb"
            for perintah in (
                ["import", "data/dinsos_tegal_2018.xlsx"],
                ["import", str(koreksi)],
                ["import", str(baru)],
                ["undo"],
            ):
                subprocess.run([sys.executable, "-m", "sakip_calc", *perintah, "--db", str(db)], cwd=lama, check=True)
            with open(db, "rb") as masuk, gzip.open(BERKAS, "wb", compresslevel=9) as keluar:
                shutil.copyfileobj(masuk, keluar)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(lama)], cwd=AKAR, check=True)
    print(f"{BERKAS.relative_to(AKAR)}: {BERKAS.stat().st_size} byte")


if __name__ == "__main__":
    main()
