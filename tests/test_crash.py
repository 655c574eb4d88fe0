"""Crash safety and undo.

An import killed at any point (while reading, while validating, with every row written but not
committed, committed but not yet renamed over the live file, or at random moments of a slow
import) leaves the database exactly as it was (or, past the rename, exactly as the finished
import makes it), and the next import works despite the dead writer's leftovers. Undo puts back
exactly the rows an import changed or added."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import bantu
import duckdb
import openpyxl
import pytest

from sakip_calc import store
from sakip_calc.domain.spesifikasi import KODE_JENIS_WILAYAH
from sakip_calc.ingest import impor
from sakip_calc.store import migrasi_langkah, rujukan_wilayah

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR / "tests" / "data"))
import buat_bad  # noqa: E402
import buat_lama  # noqa: E402

TEGAL = AKAR / "data" / "dinsos_tegal_2018.xlsx"


def isi(db: Path) -> dict:
    """The data tables and the import log's statuses."""
    return bantu.isi(db) | {
        "impor": bantu.baca(db, lambda c: c.execute("SELECT id, status FROM impor ORDER BY id").fetchall())
    }


def data(db: Path) -> dict:
    return {k: v for k, v in isi(db).items() if k != "impor"}


def status(db: Path) -> list[str]:
    return [s for _, s in isi(db)["impor"]]


@pytest.fixture(scope="module")
def berkas(tmp_path_factory) -> dict[str, Path]:
    """A new agency with every sheet, a correction of existing rows of every kind, and a slow
    import (20 000 villages) for random kills."""
    folder = tmp_path_factory.mktemp("berkas")
    baru = folder / "baru.xlsx"
    buat_bad.buku_dasar().save(baru)
    wb = openpyxl.load_workbook(TEGAL)
    ubah = [
        ("Instansi", 2, "nama", "Dinas Sosial Kabupaten Tegal (koreksi)"),
        ("Indikator", 2, "satuan", "persen"),
        ("Capaian", 2, "realisasi", 12.5),
        ("Anggaran", 2, "pagu", 1_000_000),
        ("Wilayah", 2, "nilai", 77),
    ]
    for lembar, baris, kolom, nilai in ubah:
        buat_bad.sel(wb, lembar, baris, kolom).value = nilai
    koreksi = folder / "koreksi.xlsx"
    wb.save(koreksi)
    besar = dict(buat_bad.DASAR)
    # 20 000 distinct rows of the official desa of Margasari (33.28.01), over years and kinds
    desa = rujukan_wilayah.bawahan("33.28").query("induk == '33.28.01'")["nama"].tolist()
    besar["Wilayah"] = [
        {
            "instansi": "dinsos-uji",
            "tahun": 2000 + i % 100,
            "kecamatan": "MARGASARI",
            "desa": desa[i // 100 % len(desa)],
            "jenis": KODE_JENIS_WILAYAH[i // (100 * len(desa)) % len(KODE_JENIS_WILAYAH)],
            "nilai": i,
        }
        for i in range(20_000)
    ]
    lambat = folder / "lambat.xlsx"
    buat_bad.buku_dasar(besar).save(lambat)
    return {"baru": baru, "koreksi": koreksi, "lambat": lambat}


def mulai(db: Path, *arg, titik: str | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("SAKIP_TITIK_UJI", None)
    if titik:
        env["SAKIP_TITIK_UJI"] = titik
    return subprocess.Popen(
        [sys.executable, "-m", "sakip_calc", *arg, "--db", str(db)],
        cwd=AKAR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def tunggu_titik(proses: subprocess.Popen, titik: str) -> None:
    for baris in proses.stderr:
        if baris.strip() == f"TITIK-UJI {titik}":
            return
    raise AssertionError(f"proses selesai tanpa mencapai titik {titik}: {proses.wait()}")


def bunuh(proses: subprocess.Popen) -> None:
    proses.send_signal(signal.SIGKILL)
    proses.wait()
    proses.stdout.close()
    proses.stderr.close()


def sisa(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(f"{db.name}.tmp*"))


# The points of an import (and of an undo) where SAKIP_TITIK_UJI stops it, in order (and
# "migrasi", right after the schema upgrade, which the old-file test below stops at).
TITIK = ("baca", "validasi", "tulis", "ganti")


@pytest.mark.parametrize("titik", TITIK)
def test_impor_dibunuh_di_setiap_titik_tidak_mengubah_data(titik, db_salinan, berkas, tmp_path):
    acuan = tmp_path / "acuan.duckdb"
    shutil.copy2(db_salinan, acuan)
    assert impor.impor_berkas([berkas["koreksi"]], acuan)[0].status == "berhasil"
    sebelum = isi(db_salinan)

    proses = mulai(db_salinan, "import", berkas["koreksi"], titik=titik)
    tunggu_titik(proses, titik)
    bunuh(proses)
    assert sisa(db_salinan), "the killed writer leaves its copy behind"
    assert isi(db_salinan) == sebelum  # opens, and holds exactly what it held

    ulang = mulai(db_salinan, "import", berkas["koreksi"])
    keluar, galat = ulang.communicate(timeout=300)
    assert ulang.returncode == 0, galat
    assert isi(db_salinan) == isi(acuan)
    assert sisa(db_salinan) == []  # the leftovers are cleared by the next writer


def test_pembatalan_dibunuh_tidak_mengubah_data(db_salinan, berkas):
    impor.impor_berkas([berkas["baru"]], db_salinan)
    sebelum = isi(db_salinan)
    proses = mulai(db_salinan, "undo", titik="ganti")
    tunggu_titik(proses, "ganti")
    bunuh(proses)
    assert isi(db_salinan) == sebelum
    assert subprocess.run([sys.executable, "-m", "sakip_calc", "undo", "--db", db_salinan], cwd=AKAR).returncode == 0
    assert status(db_salinan)[-2:] == ["dibatalkan", "pembatalan"]


def test_impor_lambat_dibunuh_pada_saat_acak(db_salinan, berkas, tmp_path):
    """SIGKILL after 0.25 s, then 25 % later each time, until one run finishes first: each kill
    leaves either the old data or the complete new data, never a mixture; the last run completes."""
    acuan = tmp_path / "acuan.duckdb"
    shutil.copy2(db_salinan, acuan)
    assert impor.impor_berkas([berkas["lambat"]], acuan)[0].status == "berhasil"
    lama, baru = data(db_salinan), data(acuan)
    hasil = []
    jeda = 0.25
    while True:
        proses = mulai(db_salinan, "import", berkas["lambat"])
        time.sleep(jeda)
        if proses.poll() is not None:
            proses.communicate()
            break
        bunuh(proses)
        sekarang = data(db_salinan)
        assert sekarang in (lama, baru), f"killed after {jeda:.1f} s: neither old nor new"
        hasil.append("lama" if sekarang == lama else "baru")
        jeda *= 1.25
        assert jeda < 120
    assert proses.returncode in (0, 1)
    # once a run has committed, later identical runs are 'tanpa perubahan' (exit 0) ...
    assert data(db_salinan) == baru
    assert "lama" in hasil, hasil  # ... and at least one kill hit before the rename
    print(
        f"\nimpor lambat: {len(hasil)} kali dibunuh ({hasil.count('lama')} sebelum ganti berkas, "
        f"{hasil.count('baru')} sesudahnya), terakhir selesai setelah {jeda:.1f} s"
    )


def test_migrasi_dibunuh_tidak_mengubah_berkas_lama(tmp_path, berkas):
    """A file of the 2026-11-25 program, its writer killed after the upgrade ran but before the
    write committed: the file is byte for byte what the old program wrote; the next write upgrades."""
    db = buat_lama.salin_lama(tmp_path / "lama.duckdb")
    sebelum = db.read_bytes()
    proses = mulai(db, "import", berkas["baru"], titik="migrasi")
    tunggu_titik(proses, "migrasi")
    bunuh(proses)
    assert db.read_bytes() == sebelum
    ulang = mulai(db, "import", berkas["baru"])
    keluar, galat = ulang.communicate(timeout=300)
    assert ulang.returncode == 0, galat
    con = store.buka(db)
    assert store.versi_berkas(con) == store.VERSI_SKEMA
    con.close()
    assert sisa(db) == []


def test_kunci_penulis_dilepas_saat_proses_mati(db_salinan, berkas):
    """The kernel drops a dead writer's flock: the next writer does not wait for it."""
    proses = mulai(db_salinan, "import", berkas["baru"], titik="tulis")
    tunggu_titik(proses, "tulis")
    bunuh(proses)
    mulai_saat = time.monotonic()
    assert impor.impor_berkas([berkas["baru"]], db_salinan)[0].status == "berhasil"
    assert time.monotonic() - mulai_saat < 30


# ---- undo ----------------------------------------------------------------------------------


def test_batalkan_mengembalikan_persis_baris_yang_diubah_dan_ditambah(db_salinan, berkas):
    awal = isi(db_salinan)
    h1 = impor.impor_berkas([berkas["koreksi"]], db_salinan)[0]
    assert h1.status == "berhasil" and h1.rencana.jumlah()["berubah"] >= 5
    setelah_koreksi = isi(db_salinan)
    h2 = impor.impor_berkas([berkas["baru"]], db_salinan)[0]
    assert h2.status == "berhasil" and h2.rencana.jumlah()["baru"] > 10
    impor.impor_berkas([berkas["koreksi"]], db_salinan)  # 'tanpa perubahan': nothing to undo

    b2 = impor.batalkan_terakhir(db_salinan)
    assert b2.dibatalkan == h2.impor_id and "dibatalkan" in b2.pesan
    assert data(db_salinan) == {k: v for k, v in setelah_koreksi.items() if k != "impor"}
    b1 = impor.batalkan_terakhir(db_salinan)
    assert b1.dibatalkan == h1.impor_id
    assert sum(t["dipulihkan"] for t in b1.perubahan.values()) == h1.rencana.jumlah()["berubah"]
    sekarang = isi(db_salinan)
    assert data(db_salinan) == {k: v for k, v in awal.items() if k != "impor"}
    tercatat = dict(sekarang["impor"])
    assert tercatat[h1.impor_id] == tercatat[h2.impor_id] == "dibatalkan"
    assert [s for _, s in sekarang["impor"][-2:]] == ["pembatalan", "pembatalan"]

    # undone imports can be imported again, and undone again
    assert impor.impor_berkas([berkas["koreksi"]], db_salinan)[0].status == "berhasil"
    assert isi(db_salinan)["capaian"] == setelah_koreksi["capaian"]


def test_batalkan_hanya_bila_impor_terakhir_masih_sama(db_salinan, berkas):
    h = impor.impor_berkas([berkas["baru"]], db_salinan)[0]
    sebelum = isi(db_salinan)
    hasil = impor.batalkan_terakhir(db_salinan, harapan=h.impor_id - 1)
    assert hasil.dibatalkan is None and f"#{h.impor_id}" in hasil.pesan
    assert isi(db_salinan) == sebelum


def test_cli_undo(tmp_path, berkas):
    db = tmp_path / "kosong.duckdb"
    cli = [sys.executable, "-m", "sakip_calc", "undo", "--db", str(db)]
    kosong = subprocess.run(cli, cwd=AKAR, capture_output=True, text=True)
    assert kosong.returncode == 1 and "tidak ada impor yang dapat dibatalkan" in kosong.stderr
    impor.impor_berkas([berkas["baru"]], db)
    ok = subprocess.run(cli, cwd=AKAR, capture_output=True, text=True)
    assert ok.returncode == 0 and "impor #1 (baru.xlsx) dibatalkan" in ok.stdout
    con = store.buka(db, read_only=True)
    assert con.execute("SELECT count(*) FROM instansi").fetchall()[0][0] == 0
    con.close()


def test_basis_data_lama_tanpa_riwayat(tmp_path, berkas):
    """A file written before undo existed (no history tables, a narrower status check, no
    version): migration 1 widens the check and adds the history, its old imports are reported
    as not undoable, and new imports can be undone."""
    db = tmp_path / "lama.duckdb"
    con = duckdb.connect(str(db))
    con.execute(migrasi_langkah._SKEMA_1)
    con.execute(migrasi_langkah._IMPOR_1.replace(", 'dibatalkan', 'pembatalan'", ""))
    con.execute("INSERT INTO impor VALUES (1, now()::TIMESTAMP, 'lama.xlsx', 'x', 'berhasil', 3, 0, 0, '[]')")
    con.close()
    hasil = impor.batalkan_terakhir(db)
    assert hasil.dibatalkan is None and "tidak menyimpan riwayat perubahan" in hasil.pesan
    h = impor.impor_berkas([berkas["baru"]], db)[0]
    assert h.status == "berhasil"
    assert impor.batalkan_terakhir(db).dibatalkan == h.impor_id
    assert status(db) == ["berhasil", "dibatalkan", "pembatalan"]
