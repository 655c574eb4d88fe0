"""Schema versions and migrations.

A file written by the main of 2026-11-25 (tests/data/lama_06f8a3e.duckdb.gz, made by
tests/data/buat_lama.py) reads as it is, is upgraded in the transaction of its next write with
every row kept and the schema of a new file, then imports and undoes (its own old imports too).
A file of a newer version is refused untouched; a column a table lacks is an error, not a drop.
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from sakip_calc import store
from sakip_calc.domain.spesifikasi import KODE_JENIS_WILAYAH
from sakip_calc.ingest import impor

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR / "tests" / "data"))
import buat_bad  # noqa: E402
import buat_lama  # noqa: E402


def semua_baris(db: Path) -> dict[str, list[tuple]]:
    """Every table of the file, data, reference, log and history alike, its rows sorted."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tabel = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tabel}
    finally:
        con.close()


def skema(db: Path) -> tuple:
    """Columns, constraints and indexes of every table."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(
            con.execute(sql).fetchall()
            for sql in (
                "SELECT table_name, column_name, data_type, is_nullable, column_default "
                "FROM information_schema.columns ORDER BY ALL",
                "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() ORDER BY ALL",
                "SELECT table_name, index_name, sql FROM duckdb_indexes() ORDER BY ALL",
            )
        )
    finally:
        con.close()


def versi(db: Path) -> int:
    con = store.buka(db)
    try:
        return store.versi_berkas(con)
    finally:
        con.close()


@pytest.fixture
def db_lama(tmp_path) -> Path:
    return buat_lama.salin_lama(tmp_path / "lama.duckdb")


@pytest.fixture(scope="module")
def baru_xlsx(tmp_path_factory) -> Path:
    """A new agency with every sheet (the workbook the old file imported and undid)."""
    jalur = tmp_path_factory.mktemp("berkas") / "baru.xlsx"
    buat_bad.buku_dasar().save(jalur)
    return jalur


@pytest.fixture
def db_baru(tmp_path, baru_xlsx) -> Path:
    """A new file: every migration and an import in one transaction. Named like the app's file
    (DuckDB names the write copy's database 'sakip', as `buka` names a read-only one)."""
    db = tmp_path / "sakip.duckdb"
    assert impor.impor_berkas([baru_xlsx], db)[0].status == "berhasil"
    return db


def test_daftar_migrasi_berurutan_dari_satu():
    assert [m.nomor for m in store.MIGRASI] == list(range(1, len(store.MIGRASI) + 1))
    assert store.VERSI_SKEMA == store.MIGRASI[-1].nomor
    assert all(m.keterangan and "\n" not in m.keterangan for m in store.MIGRASI)


def test_berkas_lama_terbaca_tanpa_diubah(db_lama):
    """The app opens read-only: an old file reads as it is, and nothing is written to it."""
    sebelum = db_lama.read_bytes()
    con = store.buka(db_lama)
    try:
        assert store.versi_berkas(con) == 0
        assert "dinsos-tegal" in store.kode_instansi_dikenal(con)
        assert not store.tahun_data(con).empty
        terakhir = store.impor_terakhir(con)
        assert terakhir["id"] == 2 and terakhir["ada_riwayat"]
    finally:
        con.close()
    assert db_lama.read_bytes() == sebelum


def test_berkas_lama_dinaikkan_pada_tulisan_pertama(db_lama, baru_xlsx, tmp_path, caplog):
    lama = semua_baris(db_lama)
    caplog.set_level(logging.INFO, logger="sakip_calc.store.migrasi")
    h = impor.impor_berkas([baru_xlsx], db_lama)[0]
    assert h.status == "berhasil" and h.rencana.jumlah()["baru"] > 10
    assert f"skema versi 0 -> {store.VERSI_SKEMA}; migrasi: 1 (" in caplog.text
    assert versi(db_lama) == store.VERSI_SKEMA

    sekarang = semua_baris(db_lama)
    for tabel, baris in lama.items():  # every old row is still there (new columns come after the old)
        lebar = len(baris[0]) if baris else 0
        assert Counter(baris) <= Counter(r[:lebar] for r in sekarang[tabel]), tabel
    # the old agency got its official kabupaten code from its names
    assert ("dinsos-tegal", "33.28", "kabupaten") in {(r[1], r[7], r[8]) for r in sekarang["instansi"]}
    kosong = tmp_path / "kosong.duckdb"
    with store.transaksi_tulis(kosong):
        pass
    assert skema(db_lama) == skema(kosong)  # upgraded = new

    caplog.clear()
    assert impor.batalkan_terakhir(db_lama).dibatalkan == h.impor_id
    assert "migrasi" not in caplog.text  # upgraded once
    sesudah = semua_baris(db_lama)
    # as before the import, in the old columns (the upgrade's own additions, such as codes and the
    # data kinds built in since, stay)
    for t in store.TABEL_DATA:
        lebar = len(lama[t][0]) if lama.get(t) else 0
        kini = sorted((r[:lebar] for r in sesudah[t]), key=repr)
        if t == "jenis_wilayah":
            assert Counter(lama.get(t, [])) <= Counter(kini) and len(kini) == len(KODE_JENIS_WILAYAH), t
        else:
            assert kini == lama.get(t, []), t
    # the old program's correction is undone from the history the old program kept
    b = impor.batalkan_terakhir(db_lama)
    assert b.dibatalkan == 2 and sum(t["dipulihkan"] for t in b.perubahan.values()) == 3


def test_migrasi_dalam_transaksi_tulisan(db_lama):
    """A write that fails after the upgrade leaves the file as the old program wrote it."""
    sebelum = db_lama.read_bytes()
    with pytest.raises(RuntimeError, match="gagal"):
        with store.transaksi_tulis(db_lama) as con:
            assert store.versi_berkas(con) == store.VERSI_SKEMA
            raise RuntimeError("gagal")
    assert db_lama.read_bytes() == sebelum
    assert versi(db_lama) == 0


def test_berkas_versi_lebih_baru_ditolak(db_baru, baru_xlsx):
    con = duckdb.connect(str(db_baru))
    con.execute("UPDATE meta SET nilai = ? WHERE kunci = 'versi_skema'", [str(store.VERSI_SKEMA + 1)])
    con.close()
    sebelum = db_baru.read_bytes()
    pesan = f"skema versi {store.VERSI_SKEMA + 1}, lebih baru daripada versi {store.VERSI_SKEMA}"
    with pytest.raises(store.SkemaTerlaluBaru, match=pesan):
        store.buka(db_baru)
    with pytest.raises(store.SkemaTerlaluBaru, match=pesan):
        impor.impor_berkas([baru_xlsx], db_baru)
    with pytest.raises(store.SkemaTerlaluBaru, match=pesan):
        impor.batalkan_terakhir(db_baru)
    with pytest.raises(store.SkemaTerlaluBaru, match=pesan):
        store.buka(db_baru, read_only=False)
    assert db_baru.read_bytes() == sebelum
    assert sorted(p.name for p in db_baru.parent.iterdir()) == ["sakip.duckdb", "sakip.duckdb.lock"]


def test_kolom_yang_tidak_ada_ditolak(db_baru):
    sebelum = db_baru.read_bytes()
    baris = pd.DataFrame(
        [
            {
                "instansi": "dinsos-uji",
                "tahun": 2023,
                "jenis_belanja": "Belanja Pegawai",
                "pagu": 1.0,
                "realisasi": 1.0,
                "sumber": "uji",
                "warna": "merah",
            }
        ]
    )
    with pytest.raises(ValueError, match="Tabel belanja .* tidak punya kolom warna"):
        with store.transaksi_tulis(db_baru) as con:
            store.tulis_tabel(con, "belanja", baris, store.nomor_impor_berikut(con))
    assert db_baru.read_bytes() == sebelum
    # the same rows without the stray column are written
    with store.transaksi_tulis(db_baru) as con:
        assert store.tulis_tabel(con, "belanja", baris.drop(columns="warna"))["baru"] == 1


def test_berkas_versi_lebih_baru_lewat_aplikasi_dan_perintah(db_baru, baru_xlsx, monkeypatch):
    """What the user gets from a newer file: one message on every page and from the command, no traceback."""
    import subprocess

    from halaman import AKAR, buka

    import dasbor

    con = duckdb.connect(str(db_baru))
    con.execute("UPDATE meta SET nilai = ? WHERE kunci = 'versi_skema'", [str(store.VERSI_SKEMA + 1)])
    con.close()
    monkeypatch.setattr(dasbor, "DB", db_baru)
    at = buka()
    assert not at.exception, [e.value for e in at.exception]
    assert any("lebih baru daripada versi" in e.value for e in at.error)
    cli = subprocess.run(
        [sys.executable, "-m", "sakip_calc", "import", str(baru_xlsx), "--db", str(db_baru)],
        cwd=AKAR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 1 and cli.stderr.startswith("GALAT: Basis data") and "Traceback" not in cli.stderr
