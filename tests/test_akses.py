"""Who may change the data: the password hash, the lockout, the local-visitor rule, the upload cap,
and the Impor page's admin gate (import and undo) as a visitor and as the admin sees it.
The same rule behind a real nginx proxy, in a browser: tests/test_proksi.py."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from halaman import buka
from halaman import tabel as tabel_at
from streamlit import config
from streamlit.testing.v1 import AppTest

from dasbor import akses
from sakip_calc import store
from sakip_calc.access import sandi
from sakip_calc.ingest.baca import UKURAN_MAKS

AKAR = Path(__file__).resolve().parents[1]
SANDI = "sandi-admin-uji-123"
HASH = sandi.buat_hash(SANDI)


def test_hash_cocok_hanya_dengan_sandinya():
    assert sandi.hash_sah(HASH) and HASH.startswith("scrypt$16384$8$1$")
    assert sandi.cocok(SANDI, HASH)
    assert not sandi.cocok(SANDI + " ", HASH)
    assert sandi.buat_hash(SANDI) != HASH  # a fresh salt each time
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
    assert p.sisa_kunci("b", 5) == 0  # other clients are not locked
    assert p.sisa_kunci("a", 904) == 0  # the lock ends
    p.gagal("c", 0)
    assert p.gagal("c", 1000) == 4  # old failures fall out of the window
    p.berhasil("c")
    assert p.gagal("c", 1001) == 4


def test_cli_hash_sandi():
    ok = subprocess.run(
        [sys.executable, "-m", "sakip_calc", "hash-sandi"], input=SANDI + "\n", cwd=AKAR, capture_output=True, text=True
    )
    assert ok.returncode == 0 and sandi.cocok(SANDI, ok.stdout.strip())
    assert "SAKIP_ADMIN_HASH" in ok.stderr
    pendek = subprocess.run(
        [sys.executable, "-m", "sakip_calc", "hash-sandi"], input="pendek\n", cwd=AKAR, capture_output=True, text=True
    )
    assert pendek.returncode == 1 and "minimal" in pendek.stderr


def test_batas_unggah_streamlit_sama_dengan_importer():
    setelan = tomllib.loads((AKAR / ".streamlit" / "config.toml").read_text())
    assert setelan["server"]["maxUploadSize"] * 2**20 == UKURAN_MAKS
    assert setelan["server"]["address"] == "localhost"
    assert setelan["client"]["showErrorDetails"] == "none"
    assert (
        not (AKAR / ".streamlit" / "secrets.toml").exists()
        or "secrets.toml" in (AKAR / ".streamlit" / ".gitignore").read_text()
    )


# ---- who is asking (akses.asal_bukan_lokal) ---------------------------------------------------

LOKAL = ("127.0.0.1", {"Host": "localhost:8501"})  # this computer's browser, directly
PROKSI = ("127.0.0.1", {"Host": "sakip.kantor", "X-Forwarded-For": "10.0.0.7"})  # nginx on this computer
LAN = ("10.0.0.7", {"Host": "192.168.1.5:8501"})  # another computer, directly

DIPROKSI = "permintaan ini datang melalui proxy (header {})"
NAMA_SERVER = "permintaan ini ditujukan ke nama server, bukan localhost (melalui proxy atau dari komputer lain)"
TIDAK_PASTI = "asal permintaan ini tidak dapat dipastikan"


@pytest.mark.parametrize(
    "ip, headers, alasan",
    [
        ("127.0.0.1", {"Host": "localhost:8501"}, None),
        ("127.0.0.1", {"host": "LOCALHOST"}, None),
        ("127.0.0.1", {"Host": "127.0.0.1:8501"}, None),
        ("127.0.0.2", {"Host": "127.0.0.2"}, None),  # all of 127.0.0.0/8
        ("::1", {"Host": "[::1]:8501"}, None),
        ("::ffff:127.0.0.1", {"Host": "localhost"}, None),  # IPv4-mapped loopback
        # a proxy header makes it a proxied request, whatever the address and Host say
        ("127.0.0.1", {"Host": "localhost:8501", "X-Forwarded-For": "10.0.0.7"}, DIPROKSI.format("X-Forwarded-For")),
        ("127.0.0.1", {"Host": "localhost", "x-forwarded-for": "127.0.0.1"}, DIPROKSI.format("X-Forwarded-For")),
        ("127.0.0.1", {"Host": "localhost", "Forwarded": "for=10.0.0.7"}, DIPROKSI.format("Forwarded")),
        ("127.0.0.1", {"Host": "localhost", "X-REAL-IP": "10.0.0.7"}, DIPROKSI.format("X-Real-IP")),
        ("127.0.0.1", {"Host": "localhost", "X-Forwarded-Host": "sakip.kantor"}, DIPROKSI.format("X-Forwarded-Host")),
        ("10.0.0.7", {"X-Real-IP": "1", "X-Forwarded-For": "1"}, DIPROKSI.format("X-Forwarded-For, X-Real-IP")),
        # another computer
        ("10.0.0.7", {"Host": "localhost:8501"}, "permintaan ini datang dari komputer lain (alamat 10.0.0.7)"),
        (
            "::ffff:192.168.1.20",
            {"Host": "localhost"},
            "permintaan ini datang dari komputer lain (alamat 192.168.1.20)",
        ),
        ("fe80::1", {"Host": "[::1]"}, "permintaan ini datang dari komputer lain (alamat fe80::1)"),
        # a loopback peer asked for a name other than localhost: a proxy that adds no headers
        ("127.0.0.1", {"Host": "sakip.kantor"}, NAMA_SERVER),
        ("127.0.0.1", {"Host": "192.168.1.5:8501"}, NAMA_SERVER),
        ("127.0.0.1", {"Host": "localhost.kantor.go.id"}, NAMA_SERVER),
        ("127.0.0.1", {"Host": "localhost:bukan-port"}, NAMA_SERVER),
        ("127.0.0.1", {"Host": "[::1"}, NAMA_SERVER),
        ("127.0.0.1", {"Host": "::1"}, NAMA_SERVER),
        ("127.0.0.1", {"Host": ""}, NAMA_SERVER),
        ("127.0.0.1", {}, NAMA_SERVER),
        # nothing readable: closed
        (None, {}, TIDAK_PASTI),
        (None, {"Host": "localhost"}, TIDAK_PASTI),
        ("bukan-alamat", {"Host": "localhost"}, TIDAK_PASTI),
    ],
)
def test_asal_permintaan(ip, headers, alasan):
    assert akses.asal_bukan_lokal(ip, headers) == alasan


def test_tanpa_sesi_bukan_lokal():
    """Outside a browser session (here, and in AppTest) nothing says who is asking: closed."""
    assert akses._permintaan() == (None, {})
    assert akses.asal_bukan_lokal(*akses._permintaan()) == TIDAK_PASTI


# ---- the Impor page ----------------------------------------------------------------------------


@pytest.fixture
def halaman(db_salinan, monkeypatch):
    """Open the Impor page on a private database, with who is asking (ip, headers) and the admin
    hash set per test; without `permintaan` nothing is readable, as in AppTest itself."""
    import streamlit as st

    import dasbor

    st.cache_data.clear()
    st.cache_resource.clear()  # also the lockout table
    monkeypatch.setattr(dasbor, "DB", db_salinan)
    monkeypatch.delenv("SAKIP_ADMIN_HASH", raising=False)

    asli = akses._permintaan

    def buka_dengan(permintaan: tuple | None = None, hash_admin: str | None = None) -> AppTest:
        monkeypatch.setattr(akses, "_permintaan", asli if permintaan is None else lambda: permintaan)
        if hash_admin is not None:
            monkeypatch.setenv("SAKIP_ADMIN_HASH", hash_admin)
        return buka("dinsos-tegal", 2018, "impor")

    return buka_dengan


def bisa_impor(at: AppTest) -> bool:
    return bool(at.get("file_uploader"))


def masuk(at: AppTest, kata: str) -> AppTest:
    at.text_input(key="akses_masuk_sandi").input(kata)
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_tanpa_sandi_hanya_pengunjung_lokal_boleh_mengimpor(halaman):
    at = halaman(LOKAL)
    assert bisa_impor(at) and any("langsung dari komputer ini" in i.value for i in at.info)
    for permintaan, alasan in [
        (PROKSI, DIPROKSI.format("X-Forwarded-For")),
        (LAN, "dari komputer lain (alamat 10.0.0.7)"),
        (None, TIDAK_PASTI),
    ]:
        at = halaman(permintaan)
        assert not bisa_impor(at) and not [b for b in at.button if b.key == "im_batal"], permintaan
        peringatan = [w.value for w in at.warning]
        assert any(
            "dinonaktifkan" in w and alasan in w and "SAKIP_ADMIN_HASH" in w and "README" in w for w in peringatan
        ), (permintaan, peringatan)
        assert tabel_at(at), "the import history stays visible to everyone"


def test_alamat_server_tidak_menentukan(halaman):
    """The bind address no longer decides: localhost-bound, a proxied visitor is still closed."""
    lama = config.get_option("server.address")
    config.set_option("server.address", "localhost")
    try:
        assert not bisa_impor(halaman(PROKSI))
    finally:
        config.set_option("server.address", lama)


def test_admin_masuk_dengan_sandi_dan_keluar(halaman):
    at = halaman(PROKSI, HASH)
    assert not bisa_impor(at) and any("Hanya admin" in i.value for i in at.info)
    masuk(at, "salah")
    assert not bisa_impor(at) and any("Sandi salah. Sisa percobaan: 4." in e.value for e in at.error)
    masuk(at, SANDI)
    assert bisa_impor(at) and any("Masuk sebagai admin" in s.value for s in at.success)
    at.button(key="akses_keluar").click().run()
    assert not bisa_impor(at)


def test_sandi_admin_tetap_diminta_di_localhost(halaman):
    at = halaman(LOKAL, HASH)
    assert not bisa_impor(at)


def test_kunci_setelah_lima_kali_gagal_juga_untuk_sandi_benar(halaman):
    at = halaman(PROKSI, HASH)
    for _ in range(5):
        masuk(at, "tebakan")
    assert any("dikunci" in e.value for e in at.error)
    masuk(at, SANDI)
    assert not bisa_impor(at) and any("Terlalu banyak percobaan gagal" in e.value for e in at.error)
    # a new session of the same process is locked too
    at2 = halaman(PROKSI, HASH)
    masuk(at2, SANDI)
    assert not bisa_impor(at2)


def test_hash_rusak_menutup_impor(halaman):
    at = halaman(LOKAL, "scrypt$salah")
    assert not bisa_impor(at) and any("tidak sah" in e.value for e in at.error)


def test_admin_membatalkan_impor_lewat_halaman(halaman, db_salinan, tmp_path):
    sys.path.insert(0, str(AKAR / "tests" / "data"))
    import buat_bad

    berkas = tmp_path / "baru.xlsx"
    buat_bad.buku_dasar().save(berkas)
    con = store.buka(db_salinan, read_only=True)
    sebelum = store.isi_semua_tabel(con)
    con.close()

    at = masuk(halaman(PROKSI, HASH), SANDI)
    at.get("file_uploader")[0].set_value((berkas.name, berkas.read_bytes(), "application/octet-stream")).run()
    at.button(key="im_tombol").click().run()
    at.run()
    assert at.button(key="im_batal").disabled  # needs the confirmation first
    at.checkbox(key="im_batal_yakin").check().run()
    at.button(key="im_batal").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("dibatalkan" in s.value for s in at.success)
    con = store.buka(db_salinan, read_only=True)
    assert store.isi_semua_tabel(con) == sebelum
    assert store.riwayat_impor(con)["status"].tolist()[:2] == ["pembatalan", "dibatalkan"]
    con.close()
    riwayat = tabel_at(at)[-1].value
    assert riwayat.iloc[0]["Status"] == "pembatalan"


# ---- viewing: open by default, a setting can require a login (akses.gerbang_lihat) ---------------


def _aplikasi_dengan_gerbang():
    import streamlit as st

    from dasbor import akses

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
