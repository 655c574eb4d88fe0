"""Who may change the data: the password hash, the lockout, the localhost rule, the upload cap,
and the Impor page's admin gate (import and undo) as a visitor and as the admin sees it."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from halaman import buka
from sakip_calc import sandi, store
from sakip_calc.baca import UKURAN_MAKS

AKAR = Path(__file__).resolve().parents[1]
SANDI = "sandi-admin-uji-123"
HASH = sandi.buat_hash(SANDI)


def test_hash_cocok_hanya_dengan_sandinya():
    assert sandi.hash_sah(HASH) and HASH.startswith("scrypt$16384$8$1$")
    assert sandi.cocok(SANDI, HASH)
    assert not sandi.cocok(SANDI + " ", HASH)
    assert sandi.buat_hash(SANDI) != HASH                      # a fresh salt each time
    for rusak in ("", "scrypt$1$8$1$AA==$AA==", "pbkdf2$x", HASH[:-4], "scrypt$16384$8$1$!!$AA==", None):
        assert not sandi.hash_sah(rusak) and not sandi.cocok(SANDI, rusak)


def test_perbandingan_waktu_tetap(monkeypatch):
    dipanggil = []
    asli = sandi.hmac.compare_digest
    monkeypatch.setattr(sandi.hmac, "compare_digest", lambda a, b: dipanggil.append(1) or asli(a, b))
    sandi.cocok("salah", HASH)
    assert dipanggil == [1]


def test_penjaga_mengunci_setelah_lima_kali_gagal():
    p = sandi.PenjagaPercobaan(maks=5, jendela_detik=900, kunci_detik=900)
    assert [p.gagal("a", t) for t in range(4)] == [4, 3, 2, 1]
    assert p.sisa_kunci("a", 4) == 0
    assert p.gagal("a", 4) == 0 and p.sisa_kunci("a", 5) == pytest.approx(899)
    assert p.sisa_kunci("b", 5) == 0                             # other clients are not locked
    assert p.sisa_kunci("a", 904) == 0                           # the lock ends
    p.gagal("c", 0)
    assert p.gagal("c", 1000) == 4                              # old failures fall out of the window
    p.berhasil("c")
    assert p.gagal("c", 1001) == 4


def test_cli_hash_sandi():
    ok = subprocess.run([sys.executable, "-m", "sakip_calc", "hash-sandi"], input=SANDI + "\n", cwd=AKAR,
                        capture_output=True, text=True)
    assert ok.returncode == 0 and sandi.cocok(SANDI, ok.stdout.strip())
    assert "SAKIP_ADMIN_HASH" in ok.stderr
    pendek = subprocess.run([sys.executable, "-m", "sakip_calc", "hash-sandi"], input="pendek\n", cwd=AKAR,
                            capture_output=True, text=True)
    assert pendek.returncode == 1 and "minimal" in pendek.stderr


def test_batas_unggah_streamlit_sama_dengan_importer():
    setelan = tomllib.loads((AKAR / ".streamlit" / "config.toml").read_text())
    assert setelan["server"]["maxUploadSize"] * 2**20 == UKURAN_MAKS
    assert setelan["server"]["address"] == "localhost"
    assert setelan["client"]["showErrorDetails"] == "none"
    assert not (AKAR / ".streamlit" / "secrets.toml").exists() or "secrets.toml" in (AKAR / ".streamlit" / ".gitignore").read_text()


# ---- the Impor page ----------------------------------------------------------------------------

@pytest.fixture
def halaman(db_salinan, monkeypatch):
    """Open the Impor page on a private database, with the listening address and the admin hash
    set per test."""
    import dasbor
    import streamlit as st
    st.cache_data.clear()
    st.cache_resource.clear()                                   # also the lockout table
    monkeypatch.setattr(dasbor, "DB", db_salinan)
    monkeypatch.delenv("SAKIP_ADMIN_HASH", raising=False)

    def buka_dengan(alamat: str | None = "localhost", hash_admin: str | None = None) -> AppTest:
        config.set_option("server.address", alamat)
        if hash_admin is not None:
            monkeypatch.setenv("SAKIP_ADMIN_HASH", hash_admin)
        return buka("dinsos-tegal", 2018, "impor")
    lama = config.get_option("server.address")
    yield buka_dengan
    config.set_option("server.address", lama)


def bisa_impor(at: AppTest) -> bool:
    return bool(at.get("file_uploader"))


def masuk(at: AppTest, kata: str) -> AppTest:
    at.text_input(key="akses_masuk_sandi").input(kata)
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_tanpa_sandi_hanya_localhost_boleh_mengimpor(halaman):
    at = halaman("localhost")
    assert bisa_impor(at) and any("localhost" in i.value for i in at.info)
    at = halaman("0.0.0.0")
    assert not bisa_impor(at) and not [b for b in at.button if b.key == "im_batal"]
    assert any("dinonaktifkan" in w.value and "SAKIP_ADMIN_HASH" in w.value for w in at.warning)
    assert at.dataframe, "the import history stays visible to everyone"


def test_admin_masuk_dengan_sandi_dan_keluar(halaman):
    at = halaman("0.0.0.0", HASH)
    assert not bisa_impor(at) and any("Hanya admin" in i.value for i in at.info)
    masuk(at, "salah")
    assert not bisa_impor(at) and any("Sandi salah. Sisa percobaan: 4." in e.value for e in at.error)
    masuk(at, SANDI)
    assert bisa_impor(at) and any("Masuk sebagai admin" in s.value for s in at.success)
    at.button(key="akses_keluar").click().run()
    assert not bisa_impor(at)


def test_sandi_admin_tetap_diminta_di_localhost(halaman):
    at = halaman("localhost", HASH)
    assert not bisa_impor(at)


def test_kunci_setelah_lima_kali_gagal_juga_untuk_sandi_benar(halaman):
    at = halaman("0.0.0.0", HASH)
    for _ in range(5):
        masuk(at, "tebakan")
    assert any("dikunci" in e.value for e in at.error)
    masuk(at, SANDI)
    assert not bisa_impor(at) and any("Terlalu banyak percobaan gagal" in e.value for e in at.error)
    # a new session of the same process is locked too
    at2 = halaman("0.0.0.0", HASH)
    masuk(at2, SANDI)
    assert not bisa_impor(at2)


def test_hash_rusak_menutup_impor(halaman):
    at = halaman("localhost", "scrypt$salah")
    assert not bisa_impor(at) and any("tidak sah" in e.value for e in at.error)


def test_admin_membatalkan_impor_lewat_halaman(halaman, db_salinan, tmp_path):
    sys.path.insert(0, str(AKAR / "tests" / "data"))
    import buat_bad
    berkas = tmp_path / "baru.xlsx"
    buat_bad.buku_dasar().save(berkas)
    con = store.buka(db_salinan, read_only=True)
    sebelum = store.isi_semua_tabel(con)
    con.close()

    at = masuk(halaman("0.0.0.0", HASH), SANDI)
    at.get("file_uploader")[0].set_value((berkas.name, berkas.read_bytes(), "application/octet-stream")).run()
    at.button(key="im_tombol").click().run()
    at.run()
    assert at.button(key="im_batal").disabled                  # needs the confirmation first
    at.checkbox(key="im_batal_yakin").check().run()
    at.button(key="im_batal").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("dibatalkan" in s.value for s in at.success)
    con = store.buka(db_salinan, read_only=True)
    assert store.isi_semua_tabel(con) == sebelum
    assert store.riwayat_impor(con)["status"].tolist()[:2] == ["pembatalan", "dibatalkan"]
    con.close()
    riwayat = at.dataframe[-1].value
    assert riwayat.iloc[0]["Status"] == "pembatalan"


# ---- viewing: open by default, a setting can require a login (akses.gerbang_lihat) ---------------

def _aplikasi_dengan_gerbang():
    import streamlit as st

    import akses
    akses.gerbang_lihat()
    st.write("isi dasbor")


def test_melihat_terbuka_kecuali_disetel(monkeypatch):
    pembaca = sandi.buat_hash("sandi-pembaca-123")
    for nama in ("SAKIP_WAJIB_MASUK", "SAKIP_PEMBACA_HASH", "SAKIP_ADMIN_HASH"):
        monkeypatch.delenv(nama, raising=False)
    at = AppTest.from_function(_aplikasi_dengan_gerbang, default_timeout=30).run()
    assert [m.value for m in at.markdown] == ["isi dasbor"]

    monkeypatch.setenv("SAKIP_WAJIB_MASUK", "ya")
    monkeypatch.setenv("SAKIP_PEMBACA_HASH", pembaca)
    at = AppTest.from_function(_aplikasi_dengan_gerbang, default_timeout=30).run()
    assert "isi dasbor" not in [m.value for m in at.markdown]
    at.text_input(key="akses_lihat_sandi").input("sandi-pembaca-123")
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert "isi dasbor" in [m.value for m in at.markdown]

    monkeypatch.delenv("SAKIP_PEMBACA_HASH")
    at = AppTest.from_function(_aplikasi_dengan_gerbang, default_timeout=30).run()
    assert any("tidak ada sandi yang sah" in e.value for e in at.error)
