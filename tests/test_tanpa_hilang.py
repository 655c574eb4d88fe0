"""Nothing imported is ever lost: the way it broke, through the commands a user runs.

A new agency once had to add its kecamatan to data/kecamatan_alias.csv (now it imports on the
first try, matched to the official region list); once imported, a changed shipped file (the
kecamatan aliases, a workbook) and the README's start command
(`./run.sh`) used to rebuild the database from the shipped workbooks and delete the agency and
the whole history. Here the same steps run in a copy of the checkout, and the agency, its rows
and every history row must still be there; the refreshed shipped workbook is an undoable import.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import bantu
import openpyxl
import pytest
import server_app

from sakip_calc import store
from sakip_calc.ingest import templat

AKAR = Path(__file__).resolve().parents[1]
BATANG = "dinsos-batang"


def _salin_checkout(tujuan: Path) -> Path:
    """The tracked files of the repository (as a fresh clone has them), with the built venv."""
    berkas = subprocess.run(["git", "ls-files"], cwd=AKAR, capture_output=True, text=True, check=True).stdout.split()
    for b in berkas:
        (tujuan / b).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(AKAR / b, tujuan / b)
    (tujuan / ".venv").symlink_to(AKAR / ".venv")
    return tujuan


def _workbook_batang(tujuan: Path) -> Path:
    wb = templat.buat_templat()
    wb["Instansi"].append([BATANG, "Dinas Sosial Kabupaten Batang", "Batang", "Jawa Tengah", "permenpan", 100])
    wb["Indikator"].append(
        [BATANG, "IKU-1", "Persentase PPKS yang tertangani", "sasaran", "Sasaran 1", None, "%", "naik"]
    )
    wb["Capaian"].append([BATANG, "IKU-1", 2024, None, 80, None, 76])
    for kecamatan, nilai in (("Bandar", 120), ("Subah", 95), ("Tersono", 40)):
        wb["Wilayah"].append([BATANG, 2024, kecamatan, None, "PKH", nilai, "uji"])
    wb.save(tujuan)
    return tujuan


def _cli(akar: Path, *argumen: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(akar / ".venv" / "bin" / "python"), "-m", "sakip_calc", *argumen],
        cwd=akar,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _baca(db: Path, sql: str) -> list[tuple]:
    return bantu.baca(db, lambda con: con.execute(sql).fetchall())


def _jalankan_run_sh(akar: Path) -> str:
    """`./run.sh` as the README says, until the app answers; then stopped. Returns its output."""
    port = server_app.port_bebas()
    env = {k: v for k, v in os.environ.items() if k != "SAKIP_DB"}
    env["PORT"] = str(port)
    log = akar / "run.log"
    with open(log, "w") as keluaran:
        proses = subprocess.Popen(
            ["./run.sh"], cwd=akar, env=env, stdout=keluaran, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        server_app.tunggu_sehat(f"http://127.0.0.1:{port}", proses, log, detik=240)
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        proses.wait(timeout=30)
    return log.read_text()


@pytest.mark.skipif(sys.platform != "linux", reason="run.sh is a bash script for the Linux machines")
def test_impor_dan_riwayat_selamat_setelah_berkas_bawaan_berubah_dan_run_sh(tmp_path, db_bawaan):
    akar = _salin_checkout(tmp_path / "checkout")
    db = akar / "data" / "sakip.duckdb"
    assert _cli(akar, "build").returncode == 0

    # 1. a new agency imports on the first try, its places matched to the official list
    batang = _workbook_batang(tmp_path / "batang.xlsx")
    diterima = _cli(akar, "import", str(batang))
    assert diterima.returncode == 0, diterima.stderr
    assert _baca(
        db,
        "SELECT DISTINCT i.kabkota_kode, w.kecamatan_kode FROM wilayah w JOIN instansi i ON i.id = w.instansi_id "
        f"WHERE i.kode = '{BATANG}' ORDER BY 2",
    ) == [("33.25", "33.25.02"), ("33.25", "33.25.06"), ("33.25", "33.25.09")]
    with open(akar / "data" / "kecamatan_alias.csv", "a") as f:  # the shipped alias list changes
        f.write("Batang,Subah,SUBAHH\n")
    riwayat_sebelum = _baca(db, "SELECT id, nama_file, sha256, status FROM impor ORDER BY id")

    # 2. a shipped workbook changes too: one value corrected, one capaian row dropped
    tegal = akar / "data" / "dinsos_tegal_2018.xlsx"
    wb = openpyxl.load_workbook(tegal)
    ws = wb["Wilayah"]
    lama = ws["F2"].value
    ws["F2"] = lama + 1000
    cap = wb["Capaian"]
    cap.delete_rows(cap.max_row)
    wb.save(tegal)
    n_capaian = _baca(db, "SELECT count(*) FROM capaian")[0][0]

    # 3. the README's start command
    keluaran = _jalankan_run_sh(akar)
    assert "data bawaan: dinsos_tegal_2018.xlsx: berhasil" in keluaran, keluaran

    # the agency, its rows and every history row are still there, unchanged
    assert _baca(db, f"SELECT nama FROM instansi WHERE kode = '{BATANG}'") == [("Dinas Sosial Kabupaten Batang",)]
    assert _baca(
        db, f"SELECT sum(nilai) FROM wilayah w JOIN instansi i ON i.id = w.instansi_id WHERE i.kode = '{BATANG}'"
    ) == [(255.0,)]
    riwayat = _baca(db, "SELECT id, nama_file, sha256, status FROM impor ORDER BY id")
    assert riwayat[: len(riwayat_sebelum)] == riwayat_sebelum
    baru = riwayat[len(riwayat_sebelum) :]
    assert [(r[1], r[3]) for r in baru] == [("data bawaan: dinsos_tegal_2018.xlsx", "berhasil")]
    # the refresh took the new version of the shipped workbook, the dropped row included
    sql_nilai = (
        "SELECT w.nilai FROM wilayah w JOIN instansi i ON i.id = w.instansi_id WHERE i.kode = 'dinsos-tegal' "
        f"AND w.tahun = {ws['B2'].value} AND w.kecamatan = 'Bumijawa' AND w.jenis = '{ws['E2'].value}' AND w.desa IS "
        "NULL"
    )
    assert _baca(db, sql_nilai) == [(lama + 1000,)]
    assert _baca(db, "SELECT count(*) FROM capaian")[0][0] == n_capaian - 1

    # 4. the refresh is undone like any import: old value and dropped row back, Batang untouched
    batal = _cli(akar, "undo")
    assert batal.returncode == 0, batal.stderr
    assert _baca(db, sql_nilai) == [(lama,)]
    assert _baca(db, "SELECT count(*) FROM capaian")[0][0] == n_capaian
    assert _baca(db, f"SELECT count(*) FROM instansi WHERE kode = '{BATANG}'") == [(1,)]

    # 5. the next start neither repeats nor brings back the undone refresh
    assert _cli(akar, "build").stdout.strip().endswith("sudah mutakhir")

    # 6. only an explicit flag starts over, and even then the old file is kept beside it
    ulang = _cli(akar, "build", "--ganti-semua")
    assert ulang.returncode == 0, ulang.stderr
    cadangan = next((akar / "data").glob("sakip.duckdb.cadangan-*"))
    assert _baca(db, f"SELECT count(*) FROM instansi WHERE kode = '{BATANG}'") == [(0,)]
    assert _baca(cadangan, f"SELECT count(*) FROM instansi WHERE kode = '{BATANG}'") == [(1,)]


def test_build_pada_basis_data_lama_tidak_mengimpor_ulang_berkas_yang_sama(db_salinan):
    """A database built before shipped loads were labelled: the unchanged workbooks are known by
    their checksum under the bare file name, so `build` finds nothing to do."""
    con = store.buka(db_salinan, read_only=False)
    con.execute("UPDATE impor SET nama_file = replace(nama_file, 'data bawaan: ', '')")
    con.close()
    hasil = subprocess.run(
        [sys.executable, "-m", "sakip_calc", "build", "--db", str(db_salinan)],
        cwd=AKAR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0 and hasil.stdout.strip().endswith("sudah mutakhir"), hasil.stdout + hasil.stderr
