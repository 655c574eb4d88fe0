"""Accounts, roles, the audit and the verification lock (issue 16), through the command line
(`python -m sakip_calc ...`, run by its `main`, and the first admin in a real subprocess) and
through the pages (AppTest): every role x action, the audit row each action leaves, and a final
agency-year refusing an import (workbook, bulk, undo) with a clear message and nothing changed.
The rules themselves, case by case: tests/test_peran.py."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from bantu import baca, isi
from halaman import buka, cache_bersih  # noqa: F401 (autouse fixture: empty caches and lockout table per test)
from halaman import tabel as tabel_at
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from sakip_calc import store
from sakip_calc.__main__ import main
from sakip_calc.access import kelola, peran, sandi
from sakip_calc.export import ekspor
from sakip_calc.ingest import jaga
from sakip_calc.presentation import dek

AKAR = Path(__file__).resolve().parents[1]
SANDI = "sandi-uji-akun-123"
KONSOL = jaga.atau_konsol(None)
AKUN = {  # name -> (role, agencies)
    "kepala": ("admin", []),
    "op-tegal": ("operator", ["dinsos-tegal"]),
    "op-temanggung": ("operator", ["dinsos-temanggung"]),
    "verif": ("verifikator", ["dinsos-tegal"]),
    "baca": ("pembaca", []),
}
PERAN = tuple(AKUN)


@pytest.fixture(scope="module")
def db_akun(db_bawaan, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("akun") / "sakip.duckdb"
    shutil.copy2(db_bawaan, db)
    for nama, (p, instansi) in AKUN.items():
        assert kelola.tambah_akun(db, KONSOL, nama, SANDI, p, instansi).ok
    for kode in ("dinsos-tegal", "dinsos-temanggung"):  # an audit row of each operator's agency
        assert kelola.tambah_catatan(db, KONSOL, kode, 2018, "data awal dimuat").ok
    return db


@pytest.fixture
def db(db_akun, tmp_path) -> Path:
    tujuan = tmp_path / "sakip.duckdb"
    shutil.copy2(db_akun, tujuan)
    return tujuan


@pytest.fixture(scope="module")
def tegal_ubah(tmp_path_factory) -> Path:
    """The shipped Tegal workbook with one 2018 realisasi changed (SS-01: 175 -> 176)."""
    wb = openpyxl.load_workbook(AKAR / "data" / "dinsos_tegal_2018.xlsx")
    ws = wb["Capaian"]
    kolom = [c.value for c in ws[1]]
    for baris in ws.iter_rows(min_row=2):
        sel = dict(zip(kolom, baris))
        if sel["tahun"].value == 2018 and sel["indikator_kode"].value == "SS-01" and sel["triwulan"].value is None:
            assert sel["realisasi"].value == 175
            sel["realisasi"].value = 176
            break
    jalur = tmp_path_factory.mktemp("berkas") / "tegal_ubah.xlsx"
    wb.save(jalur)
    return jalur


def cli(monkeypatch, capsys, db: Path, *argv: str, akun: str | None = None, stdin: str = "") -> tuple[int, str]:
    """`python -m sakip_calc ARGV --db DB [--akun AKUN]` with the account's password in SAKIP_SANDI."""
    monkeypatch.setenv("SAKIP_SANDI", SANDI)
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    rc = main([*argv, "--db", str(db), *(["--akun", akun] if akun else [])])
    keluar = capsys.readouterr()
    return rc, keluar.out + keluar.err


def status(db: Path, kode: str = "dinsos-tegal", tahun: int = 2018) -> str:
    return baca(db, lambda con: kelola.status(con, kode, tahun)["status"])


def audit(db: Path):
    return baca(db, store.baca_audit)


def ke_status(db: Path, *aksi: str) -> None:
    for a in aksi:
        assert kelola.ubah_status(db, KONSOL, "dinsos-tegal", 2018, a, "alasan uji").ok


# ---- the command line: role x action ------------------------------------------------------------


def _impor(db, tegal_ubah):
    return ["import", str(tegal_ubah)], None


def _batal(db, tegal_ubah):
    from sakip_calc.ingest import impor

    assert impor.impor_berkas([tegal_ubah], db)[0].status == "berhasil"
    return ["undo"], None


def _status(aksi: str, sebelum: tuple[str, ...], hasil: str):
    def siapkan(db, _):
        ke_status(db, *sebelum)
        return ["status", "dinsos-tegal", "2018", aksi.replace("_", "-"), "--alasan", "angka PKH belum cocok"], hasil

    return siapkan


# action -> (set-up returning argv and the state after, allowed per role in PERAN order)
MATRIKS_CLI = {
    "impor": (_impor, (True, True, False, False, False)),
    "batal": (_batal, (True, True, False, False, False)),
    "catatan": (
        lambda db, _: (["catatan", "dinsos-tegal", "2018", "angka PKH dicek ulang"], None),
        (True, True, False, True, False),
    ),
    "ajukan": (_status("ajukan", (), "diajukan"), (True, True, False, False, False)),
    "verifikasi": (_status("verifikasi", ("ajukan",), "terverifikasi"), (True, False, False, True, False)),
    "kembalikan": (_status("kembalikan", ("ajukan",), "dikembalikan"), (True, False, False, True, False)),
    "finalkan": (_status("finalkan", ("ajukan", "verifikasi"), "final"), (True, False, False, False, False)),
    "buka_kunci": (
        _status("buka_kunci", ("ajukan", "verifikasi", "finalkan"), "draf"),
        (True, False, False, False, False),
    ),
    "kelola_akun": (lambda db, _: (["akun", "daftar"], None), (True, False, False, False, False)),
}


@pytest.mark.parametrize("akun", PERAN)
@pytest.mark.parametrize("aksi", list(MATRIKS_CLI))
def test_matriks_peran_lewat_perintah(aksi, akun, db, tegal_ubah, monkeypatch, capsys):
    siapkan, boleh = MATRIKS_CLI[aksi]
    argv, status_baru = siapkan(db, tegal_ubah)
    data, status_lama, audit_lama = isi(db), status(db), len(audit(db))
    rc, keluaran = cli(monkeypatch, capsys, db, *argv, akun=akun)
    log = audit(db)
    if boleh[PERAN.index(akun)]:
        assert rc == 0, keluaran
        if aksi in ("impor", "batal"):
            assert isi(db) != data
        if status_baru:
            assert status(db) == status_baru
        if aksi != "kelola_akun":  # reading the account list is not a change
            baru = log.iloc[: len(log) - audit_lama]
            assert set(baru["akun"]) == {akun} and set(baru["alamat"]) == {"konsol"}, baru
            assert ("dinsos-tegal", 2018) in set(zip(baru["instansi"], baru["tahun"])), baru
    else:
        assert rc == 1 and ("GALAT" in keluaran or "tidak dapat dibatalkan" in keluaran), keluaran
        assert "tidak boleh" in keluaran, keluaran
        assert isi(db) == data and status(db) == status_lama
        assert all(log.iloc[: len(log) - audit_lama]["aksi"].str.endswith("ditolak")), "only the refusal is recorded"


def test_sandi_salah_lewat_perintah(db, tegal_ubah, monkeypatch, capsys):
    data = isi(db)
    monkeypatch.setenv("SAKIP_SANDI", "bukan-sandinya")
    rc = main(["import", str(tegal_ubah), "--db", str(db), "--akun", "op-tegal"])
    assert rc == 1 and "nama atau sandi salah" in capsys.readouterr().err
    assert isi(db) == data


def test_admin_pertama_dan_kelola_akun_lewat_perintah(tmp_path, db_bawaan):
    """A fresh install: the first admin from the console (no login needed there), then the account
    commands, each audited; a disabled account cannot act; a reset password replaces the old one."""
    db = tmp_path / "sakip.duckdb"
    shutil.copy2(db_bawaan, db)

    def jalankan(*argv, masuk: str = "", env: dict | None = None):
        return subprocess.run(
            [sys.executable, "-m", "sakip_calc", *argv, "--db", str(db)],
            input=masuk,
            cwd=AKAR,
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", **(env or {})},
        )

    r = jalankan("akun", "tambah", "kepala", "--peran", "admin", masuk=SANDI + "\n")
    assert r.returncode == 0 and "akun kepala: peran admin ditambahkan" in r.stdout, r.stderr
    r = jalankan("akun", "tambah", "op", "--peran", "operator", masuk=SANDI + "\n")
    assert r.returncode == 1 and "akun operator memerlukan instansi" in r.stderr
    r = jalankan("akun", "tambah", "op", "--peran", "operator", "--instansi", "dinsos-tegal", "--akun", "kepala",
                 env={"SAKIP_SANDI": SANDI}, masuk=SANDI + "\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = jalankan("akun", "nonaktifkan", "op")
    assert r.returncode == 0
    r = jalankan("status", "dinsos-tegal", "2018", "ajukan", "--akun", "op", env={"SAKIP_SANDI": SANDI})
    assert r.returncode == 1 and "akun nonaktif" in r.stderr
    assert jalankan("akun", "aktifkan", "op").returncode == 0
    assert jalankan("akun", "atur-sandi", "op", masuk="sandi-baru-op-123\n").returncode == 0
    r = jalankan("status", "dinsos-tegal", "2018", "ajukan", "--akun", "op", env={"SAKIP_SANDI": SANDI})
    assert r.returncode == 1 and "sandi salah" in r.stderr
    r = jalankan("status", "dinsos-tegal", "2018", "ajukan", "--akun", "op", env={"SAKIP_SANDI": "sandi-baru-op-123"})
    assert r.returncode == 0 and "DIAJUKAN" in r.stdout, r.stderr
    daftar = jalankan("akun", "daftar").stdout
    assert "kepala" in daftar and "dinsos-tegal" in daftar and "scrypt" not in daftar

    a = baca(db, lambda con: store.akun(con, "op"))
    assert a["hash"].startswith("scrypt$") and sandi.cocok("sandi-baru-op-123", a["hash"])
    log = audit(db)
    assert log["aksi"].tolist()[:6] == [
        "status: diajukan",
        "sandi diatur ulang",
        "akun diaktifkan",
        "akun dinonaktifkan",
        "akun ditambah",
        "akun ditambah",
    ]
    assert log["akun"].tolist()[4] == "kepala" and log["akun"].tolist()[5].startswith("konsol:")


def test_hash_lama_dipindahkan_menjadi_akun(db, monkeypatch, capsys):
    """Today's SAKIP_ADMIN_HASH, taken over explicitly as an admin account."""
    lama = sandi.buat_hash("sandi-admin-lama-1")
    rc, keluaran = cli(monkeypatch, capsys, db, "akun", "tambah", "admin-lama", "--peran", "admin", "--hash", lama)
    assert rc == 0, keluaran
    assert baca(db, lambda con: kelola.masuk(con, "admin-lama", "sandi-admin-lama-1")).peran == "admin"


# ---- the lock: a final agency-year refuses every write that touches it ----------------------------


def test_tahun_final_menolak_impor_dengan_pesan_dan_tanpa_perubahan(db, tegal_ubah, tmp_path, monkeypatch, capsys):
    ke_status(db, "ajukan", "verifikasi", "finalkan")
    data = isi(db)
    pesan = "dinsos-tegal tahun 2018 sudah final (dikunci); admin harus membuka kuncinya dengan alasan"

    rc, keluaran = cli(monkeypatch, capsys, db, "import", str(tegal_ubah), akun="kepala")  # even the admin
    assert rc == 1 and pesan in keluaran and "ditolak" in keluaran
    assert isi(db) == data
    riwayat = baca(db, store.riwayat_impor).iloc[0]
    assert riwayat["status"] == "ditolak" and riwayat["akun"] == "kepala" and pesan in riwayat["pesan"]
    tolak = audit(db).iloc[0]
    assert (tolak["aksi"], tolak["instansi"], tolak["tahun"], tolak["akun"]) == (
        "impor ditolak", "dinsos-tegal", 2018, "kepala"
    )  # fmt: skip

    # bulk: a folder carrying Tegal 2018 rows
    folder = tmp_path / "massal"
    assert main(["bulk-export", str(folder), "--db", str(db), "--csv"]) == 0
    capsys.readouterr()
    rc, keluaran = cli(monkeypatch, capsys, db, "bulk", str(folder))
    assert rc == 1 and pesan in keluaran
    assert isi(db) == data

    # the unchanged shipped workbook changes no row of 2018: it is not refused (nothing to lock against)
    rc, keluaran = cli(monkeypatch, capsys, db, "import", str(AKAR / "data" / "dinsos_tegal_2018.xlsx"))
    assert rc == 0 and "tanpa perubahan" in keluaran

    # undo of an import that changed 2018, after the lock
    kelola.ubah_status(db, KONSOL, "dinsos-tegal", 2018, "buka_kunci", "revisi realisasi")
    assert cli(monkeypatch, capsys, db, "import", str(tegal_ubah))[0] == 0
    ke_status(db, "ajukan", "verifikasi", "finalkan")
    sesudah = isi(db)
    rc, keluaran = cli(monkeypatch, capsys, db, "undo")
    assert rc == 1 and pesan in keluaran and isi(db) == sesudah

    # unlocked with a reason (recorded), the import goes through and the year is draf
    rc, keluaran = cli(monkeypatch, capsys, db, "status", "dinsos-tegal", "2018", "buka-kunci", akun="kepala")
    assert rc == 1 and "memerlukan alasan" in keluaran
    argv = ("status", "dinsos-tegal", "2018", "buka-kunci", "--alasan", "salah ketik")
    rc, _ = cli(monkeypatch, capsys, db, *argv, akun="kepala")
    assert rc == 0 and status(db) == "draf"
    buka_kunci = audit(db).iloc[0]
    assert buka_kunci["aksi"] == "status: draf" and buka_kunci["rincian"] == "final -> draf: salah ketik"
    assert cli(monkeypatch, capsys, db, "undo")[0] == 0


def test_impor_yang_mengubah_angka_terverifikasi_mengembalikannya_ke_draf(db, tegal_ubah, monkeypatch, capsys):
    ke_status(db, "ajukan", "verifikasi")
    assert baca(db, lambda con: kelola.status(con, "dinsos-tegal", 2017)["status"]) == "draf"
    assert cli(monkeypatch, capsys, db, "import", str(tegal_ubah), akun="op-tegal")[0] == 0
    assert status(db) == "draf"
    baris = audit(db).iloc[0]
    assert (baris["aksi"], baris["akun"], baris["instansi"], baris["tahun"]) == (
        "status: draf", "op-tegal", "dinsos-tegal", 2018
    )  # fmt: skip


# ---- the pages -----------------------------------------------------------------------------------


@pytest.fixture
def halaman(db, monkeypatch):
    """Open a page on the test database as a visitor through a proxy (no open local rule), logged in
    as `akun` when given."""
    import dasbor
    from dasbor import akses

    monkeypatch.setattr(dasbor, "DB", db)
    monkeypatch.delenv("SAKIP_ADMIN_HASH", raising=False)
    monkeypatch.setattr(
        akses, "_permintaan", lambda: ("127.0.0.1", {"Host": "sakip.kantor", "X-Forwarded-For": "10.0.0.7"})
    )

    def buka_sebagai(id_halaman: str, akun: str | None = None):
        at = buka("dinsos-tegal", 2018, id_halaman)
        if akun:
            at.text_input(key="akses_masuk_nama").input(akun)
            at.text_input(key="akses_masuk_sandi").input(SANDI)
            next(b for b in at.button if b.label == "Masuk").click().run()
            assert not at.exception, [e.value for e in at.exception]
        return at

    return buka_sebagai


def test_penguncian_per_akun_dari_alamat_mana_pun(halaman, monkeypatch):
    """Guessing one account's password from many addresses locks that account (and only it)."""
    from dasbor import akses

    for i in range(5):
        monkeypatch.setattr(akses, "_klien", lambda i=i: f"10.0.0.{i}")
        at = halaman("impor")
        at.text_input(key="akses_masuk_nama").input("op-tegal")
        at.text_input(key="akses_masuk_sandi").input("tebakan-ke-" + str(i))
        next(b for b in at.button if b.label == "Masuk").click().run()
    assert any("dikunci" in e.value for e in at.error)
    monkeypatch.setattr(akses, "_klien", lambda: "10.0.0.99")
    at = halaman("impor", "op-tegal")  # the right password, from a fresh address: still locked
    assert not at.get("file_uploader") and any("Terlalu banyak percobaan gagal" in e.value for e in at.error)
    assert halaman("impor", "kepala").get("file_uploader")  # other accounts are not


def _gerbang_lihat():
    import streamlit as st

    from dasbor import akses

    akses.gerbang_lihat()
    st.write("isi dasbor")


def test_wajib_masuk_dengan_akun(db, monkeypatch):
    import dasbor

    monkeypatch.setattr(dasbor, "DB", db)
    monkeypatch.setenv("SAKIP_WAJIB_MASUK", "ya")
    for nama in ("SAKIP_PEMBACA_HASH", "SAKIP_ADMIN_HASH"):
        monkeypatch.delenv(nama, raising=False)
    at = AppTest.from_function(_gerbang_lihat, default_timeout=30).run()
    assert "isi dasbor" not in [m.value for m in at.markdown]
    at.text_input(key="akses_lihat_nama").input("baca")
    at.text_input(key="akses_lihat_sandi").input(SANDI)
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert "isi dasbor" in [m.value for m in at.markdown]
    kelola.ubah_akun(db, KONSOL, "baca", aktif=False)  # disabled: out on the next run
    assert "isi dasbor" not in [m.value for m in at.run().markdown]


def _tombol(at) -> set[str]:
    return {b.key for b in at.button if b.key}


# page -> what each role finds (PERAN order)
HARAPAN_HALAMAN = {
    "impor": lambda at: bool(at.get("file_uploader")),
    "akun": lambda at: "ak_aktif" in _tombol(at),
    "audit": lambda at: any(re.fullmatch(r"[\d.]+ dari [\d.]+ baris", m.value) for m in at.markdown),
}
BOLEH_HALAMAN = {
    "impor": (True, True, True, False, False),  # op-temanggung: uploader, the import checks the agency
    "akun": (True, False, False, False, False),
    "audit": (True, True, True, True, False),
}


@pytest.mark.parametrize("id_halaman", list(HARAPAN_HALAMAN))
def test_matriks_peran_lewat_halaman(halaman, id_halaman):
    assert not HARAPAN_HALAMAN[id_halaman](halaman(id_halaman))  # nobody logged in
    for akun, boleh in zip(PERAN, BOLEH_HALAMAN[id_halaman]):
        at = halaman(id_halaman, akun)
        assert any(f"Masuk sebagai {akun}" in s.value for s in [*at.success, *at.warning]), akun
        assert HARAPAN_HALAMAN[id_halaman](at) == boleh, (id_halaman, akun)


def test_verifikasi_lewat_halaman(halaman, db):
    """Each role sees the state changes it may make; clicking them moves the state, audited with the
    visitor's address; the sidebar badge on every page follows."""
    harapan = {
        "kepala": {"vf_ajukan"},
        "op-tegal": {"vf_ajukan"},
        "op-temanggung": set(),
        "verif": set(),
        "baca": set(),
    }
    for akun, tombol in harapan.items():
        at = halaman("verifikasi", akun)
        assert {k for k in _tombol(at) if k.startswith("vf_")} == tombol, akun
    at = halaman("verifikasi", "op-tegal")
    at.button(key="vf_ajukan").click().run()
    assert status(db) == "diajukan" and any("DIAJUKAN" in s.value for s in at.success)
    at = halaman("verifikasi", "verif")
    assert {"vf_verifikasi", "vf_kembalikan"} <= _tombol(at)
    at.button(key="vf_kembalikan").click().run()
    assert status(db) == "diajukan" and any("memerlukan alasan" in e.value for e in at.error)
    at.text_input(key="vf_alasan").input("PKH Kec. Margasari tidak sama dengan Tabel 3.4")
    at.button(key="vf_kembalikan").click().run()
    assert status(db) == "dikembalikan"
    at.text_area(key="vf_teks").input("mohon dicek ulang")
    next(b for b in at.button if b.label == "Simpan catatan").click().run()
    log = audit(db)
    assert log["aksi"].tolist()[:3] == ["catatan", "status: dikembalikan", "status: diajukan"]
    assert log["akun"].tolist()[:3] == ["verif", "verif", "op-tegal"]
    assert set(log["alamat"].head(3)) == {"*"}  # AppTest has no client address; a browser's is recorded
    for id_halaman in ("ringkasan", "verifikasi"):
        lencana = [m.value for m in halaman(id_halaman).sidebar.markdown if "Angka 2018" in m.value]
        assert lencana and "DIKEMBALIKAN" in lencana[0], id_halaman


def test_operator_lain_ditolak_di_pratinjau(halaman, db, tegal_ubah):
    data = isi(db)
    at = halaman("impor", "op-temanggung")
    at.get("file_uploader")[0].set_value((tegal_ubah.name, tegal_ubah.read_bytes(), "application/octet-stream")).run()
    pesan = [str(d.value["Pesan"].tolist()) for d in tabel_at(at) if "Pesan" in d.value.columns]
    assert any("tidak boleh mengimpor untuk instansi dinsos-tegal" in p for p in pesan), pesan
    assert not [b for b in at.button if b.key == "im_tombol"] and isi(db) == data


def test_tahun_final_menolak_impor_lewat_halaman(halaman, db, tegal_ubah):
    ke_status(db, "ajukan", "verifikasi", "finalkan")
    data = isi(db)
    at = halaman("impor", "kepala")
    at.get("file_uploader")[0].set_value((tegal_ubah.name, tegal_ubah.read_bytes(), "application/octet-stream")).run()
    assert any("Ditolak" in e.value for e in at.error)
    pesan = [str(d.value["Pesan"].tolist()) for d in tabel_at(at) if "Pesan" in d.value.columns]
    assert any("dinsos-tegal tahun 2018 sudah final (dikunci)" in p for p in pesan), pesan
    assert not [b for b in at.button if b.key == "im_tombol"] and isi(db) == data


# ---- the deck carries DRAF while the figures are not verified ---------------------------------------


def test_dek_draf_di_setiap_slide(con):
    from sakip_calc.calc import analisis

    iid = analisis.id_instansi(con, "dinsos-temanggung")
    daftar = dek.grafik_dek(con, iid, 2023, ("Ringkasan",))
    for draf in (True, False):
        prs = Presentation(io.BytesIO(ekspor.buat_dek(daftar, "Dinas Sosial", 2023, draf=draf)))
        tanda = [[s.text_frame.text for s in slide.shapes if s.name == "Tanda DRAF"] for slide in prs.slides]
        assert len(tanda) == len(daftar) + 1
        assert tanda == [["DRAF"]] * len(tanda) if draf else all(t == [] for t in tanda)
    assert peran.draf("diajukan") and not peran.draf("final")
