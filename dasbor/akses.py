"""Who may do what in the app: the login, who this session acts as (`pelaku`), the gates of the
pages that change data, and the verification badge. Viewing is open unless a setting requires a
login. Changing data needs an account of the database (roles and rules: `sakip_calc.access.peran`;
accounts: `python -m sakip_calc akun`, the Akun page) or today's single admin password.

Settings (environment variable, or the key in .streamlit/secrets.toml; the environment wins):
  SAKIP_ADMIN_HASH   / sakip_admin_hash     admin password hash from `python -m sakip_calc hash-sandi`
  SAKIP_WAJIB_MASUK  / sakip_wajib_masuk    "ya"/true: viewing needs a login too
  SAKIP_PEMBACA_HASH / sakip_pembaca_hash   password hash for viewers (else only the admin's opens)
Without an admin hash and without an active admin account, changes are allowed only to a visitor on
this computer who opens the app directly: judged per request (`asal_bukan_lokal`), not by where the
server listens, because a proxy on the same machine reaches a localhost-bound server on behalf of
the whole network.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping

import streamlit as st

import dasbor as _paket
from sakip_calc import store
from sakip_calc.access import kelola, peran, sandi
from sakip_calc.access.peran import Pelaku

# Headers a proxy adds for the visitor behind it. A request carrying any of them came through a proxy
# (or pretends to), so it is not this computer's own browser.
HEADER_PROXY = ("X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Real-IP")


def _setelan(env: str, kunci: str) -> str | None:
    nilai = os.environ.get(env)
    if nilai is None:
        try:
            nilai = st.secrets.get(kunci)
        except Exception:  # no secrets.toml, or one that does not parse: the setting is absent
            nilai = None
    return None if nilai is None or str(nilai).strip() == "" else str(nilai).strip()


def hash_admin() -> str | None:
    return _setelan("SAKIP_ADMIN_HASH", "sakip_admin_hash")


def wajib_masuk() -> bool:
    return (_setelan("SAKIP_WAJIB_MASUK", "sakip_wajib_masuk") or "").lower() in ("1", "ya", "true", "yes")


def _ip(teks: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(teks or "")
    except ValueError:
        return None
    return getattr(ip, "ipv4_mapped", None) or ip  # ::ffff:127.0.0.1 is 127.0.0.1


def _host_lokal(host: str) -> bool:
    """The Host header names this machine locally: localhost, 127.x or [::1], with a numeric port or none."""
    m = re.fullmatch(r"\[([^\]]+)\](?::\d+)?|([^:\[\]]+)(?::\d+)?", host.strip().lower())
    nama = m and (m[1] or m[2])
    return bool(nama) and (nama == "localhost" or bool((ip := _ip(nama)) and ip.is_loopback))


def asal_bukan_lokal(ip: str | None, headers: Mapping[str, str]) -> str | None:
    """Why a request is not from this computer's own browser directly (a clause for the page), or
    None when it is: a loopback peer, no proxy header, and a Host that names this machine (a proxy
    that adds no headers still usually passes on the public Host it was asked for)."""
    nama = {k.lower() for k in headers}
    lewat = [h for h in HEADER_PROXY if h.lower() in nama]
    if lewat:
        return f"permintaan ini datang melalui proxy (header {', '.join(lewat)})"
    peer = _ip(ip)
    if peer is None:
        return "asal permintaan ini tidak dapat dipastikan"
    if not peer.is_loopback:
        return f"permintaan ini datang dari komputer lain (alamat {peer})"  # parsed: never the visitor's markdown
    if not _host_lokal(next((v for k, v in headers.items() if k.lower() == "host"), "")):
        return "permintaan ini ditujukan ke nama server, bukan localhost (melalui proxy atau dari komputer lain)"
    return None


def _permintaan() -> tuple[str | None, Mapping[str, str]]:
    """This session's peer address and websocket handshake headers; (None, {}) outside a browser
    session (AppTest), which asal_bukan_lokal then treats as not local. Tests replace this."""
    try:
        headers, ip = st.context.headers, st.context.ip_address
    except Exception:  # no Streamlit context at all
        return None, {}
    if not headers:
        return None, {}
    # st.context.ip_address reports a peer at 127.0.0.1 or ::1 as None; there are headers, so there
    # is a session and None means that loopback peer
    return ip or "127.0.0.1", headers


@st.cache_resource
def _penjaga() -> sandi.PenjagaPercobaan:
    """One lockout table for every session of this process: a new session does not reset it."""
    return sandi.PenjagaPercobaan()


def _klien() -> str:
    """The client's address for the lockout; '*' (everyone together) when there is none."""
    try:
        ip = st.context.ip_address
    except Exception:  # outside a browser session there is no address
        return "*"
    return ip if isinstance(ip, str) and ip else "*"


def _coba_masuk(nama: str, sandi_diketik: str, daftar_hash: list[str], kunci_sesi: str) -> None:
    """Check a typed name and password, with the lockout per address and per account name. With a
    name: an account of the database; without: the configured hashes (today's single password)."""
    penjaga, klien = _penjaga(), _klien()
    kunci = [klien] + ([f"akun:{nama}"] if nama else [])
    sisa = max(penjaga.sisa_kunci(k) for k in kunci)
    if sisa:
        st.error(f"Terlalu banyak percobaan gagal. Coba lagi dalam {int(sisa // 60) + 1} menit.")
        return
    if nama:
        p = kelola.masuk(_paket.koneksi(), nama, sandi_diketik, klien) if _paket.DB.exists() else None
        cocok = p and (p.nama, store.akun(_paket.koneksi(), p.nama)["hash"])
        kunci_sesi = "akses_akun"
    else:
        cocok = next((h for h in daftar_hash if sandi.cocok(sandi_diketik, h)), None)
    if cocok:
        for k in kunci:
            penjaga.berhasil(k)
        st.session_state[kunci_sesi] = cocok  # tied to the hash: a new password or a disabled account logs out
        st.rerun()
    sisa_coba = min(penjaga.gagal(k) for k in kunci)
    st.error(
        ("Nama akun atau sandi salah." if nama else "Sandi salah.")
        + (
            f" Sisa percobaan: {sisa_coba}."
            if sisa_coba
            else f" Terlalu banyak percobaan gagal; masuk dikunci {int(penjaga.kunci_detik // 60)} menit."
        )
    )


def _formulir(kunci: str, label: str, daftar_hash: list[str], kunci_sesi: str) -> None:
    with st.form(kunci, clear_on_submit=True):
        nama = st.text_input("Nama akun (kosongkan bila memakai sandi tunggal)", key=f"{kunci}_nama")
        diketik = st.text_input(label, type="password", key=f"{kunci}_sandi")
        if st.form_submit_button("Masuk"):
            _coba_masuk((nama or "").strip(), diketik, daftar_hash, kunci_sesi)


def akun_sesi() -> Pelaku | None:
    """The database account this session logged in with, while it is active with the same password."""
    masuk = st.session_state.get("akses_akun")
    if not masuk or not _paket.DB.exists():
        return None
    a = store.akun(_paket.koneksi(), masuk[0])
    if a is None or not a["aktif"] or a["hash"] != masuk[1]:
        st.session_state.pop("akses_akun", None)
        return None
    return kelola.pelaku_akun(a, _klien())


def admin() -> bool:
    """This session logged in with the current admin password (today's single-password setting)."""
    h = hash_admin()
    return bool(h) and st.session_state.get("akses_admin") == h


def ada_admin_akun() -> bool:
    return _paket.DB.exists() and store.ada_admin(_paket.koneksi())


def pelaku() -> Pelaku | None:
    """Who this session acts as: its account, the single admin password, or, when no admin exists
    at all (no hash, no admin account), this computer's own browser opening the app directly."""
    if (p := akun_sesi()) is not None:
        return p
    if admin():
        return Pelaku("admin", "admin", alamat=_klien())
    if hash_admin() is None and not ada_admin_akun() and asal_bukan_lokal(*_permintaan()) is None:
        return Pelaku("lokal", "admin", alamat="localhost")
    return None


def keluar() -> None:
    for k in ("akses_admin", "akses_akun", "akses_pembaca"):
        st.session_state.pop(k, None)


def gerbang(aksi: str, tindakan: str, instansi: str | None = None) -> Pelaku | None:
    """Say who may `tindakan` here, offer the login, and return who acts when this session may do
    `aksi` (for `instansi`; None: for some agency), else None."""
    h = hash_admin()
    if h is None and not ada_admin_akun():
        alasan = asal_bukan_lokal(*_permintaan())
        if alasan is None:
            st.info(
                f"Belum ada sandi admin. {tindakan.capitalize()} diizinkan karena permintaan ini datang langsung "
                "dari komputer ini (localhost, tanpa proxy). Sebelum membukanya ke jaringan kantor, buat akun admin "
                "(`python -m sakip_calc akun tambah NAMA --peran admin`) atau setel SAKIP_ADMIN_HASH "
                "(lihat README, bagian Keamanan dan keandalan).",
                icon="🔓",
            )
            return pelaku()
        if akun_sesi() is None:
            st.warning(
                f"{tindakan.capitalize()} dinonaktifkan: belum ada sandi admin, dan {alasan}. Tanpa sandi, hanya "
                "peramban di komputer server yang membuka aplikasi langsung (mis. `http://localhost:8501`) yang boleh "
                "mengubah data. Untuk membukanya di sini, buat akun (`python -m sakip_calc akun tambah`) atau setel "
                "SAKIP_ADMIN_HASH (buat dengan `python -m sakip_calc hash-sandi`) lalu mulai ulang aplikasi, dan "
                "masuk; lihat README, bagian Keamanan dan keandalan.",
                icon="🔒",
            )
            _formulir("akses_masuk", "Sandi akun atau sandi admin", [], "akses_admin")
            return None
    if h is not None and not sandi.hash_sah(h):
        st.error(
            "Setelan SAKIP_ADMIN_HASH tidak sah (bukan keluaran `python -m sakip_calc hash-sandi`); "
            f"{tindakan} dengan sandi tunggal dinonaktifkan sampai diperbaiki.",
            icon="🔒",
        )
        h = None
        if not ada_admin_akun():
            return None
    p = pelaku()
    if p is not None:
        kiri, kanan = st.columns([4, 1])
        # without a given agency: whether the role may do it for one of its own (the write checks which)
        alasan = peran.boleh(p, aksi, instansi or next(iter(sorted(p.instansi)), None))
        label = "admin" if p.nama == "admin" and p.peran == "admin" else f"{p.nama} ({p.peran})"
        (kiri.success if alasan is None else kiri.warning)(
            f"Masuk sebagai {label}." + (f" Anda tidak boleh {tindakan}: {alasan}." if alasan else ""), icon="🔑"
        )
        if kanan.button("Keluar", key="akses_keluar"):
            keluar()
            st.rerun()
        return p if alasan is None else None
    st.info(
        f"Hanya admin yang boleh {tindakan}, atau akun yang diberi hak itu: masuk dengan nama akun dan sandinya "
        "(atau sandi admin saja). Melihat data tidak memerlukan sandi.",
        icon="🔒",
    )
    _formulir("akses_masuk", "Sandi akun atau sandi admin", [h] if h else [], "akses_admin")
    return None


def gerbang_admin(tindakan: str = "mengimpor dan membatalkan impor") -> Pelaku | None:
    """The Impor page's gate: an admin, or an operator (the import itself checks the agencies)."""
    return gerbang("impor", tindakan)


def gerbang_lihat() -> None:
    """For the router, before any page: when viewing needs a login, stop here until there is one."""
    if not wajib_masuk():
        return
    daftar = [
        h for h in (_setelan("SAKIP_PEMBACA_HASH", "sakip_pembaca_hash"), hash_admin()) if h and sandi.hash_sah(h)
    ]
    if st.session_state.get("akses_pembaca") in daftar or admin() or akun_sesi() is not None:
        return
    st.title("SAKIP Dashboard")
    if not daftar and not ada_admin_akun():
        st.error(
            "Setelan mewajibkan masuk, tetapi tidak ada sandi yang sah (SAKIP_PEMBACA_HASH atau SAKIP_ADMIN_HASH) "
            "dan belum ada akun."
        )
    else:
        _formulir("akses_lihat", "Sandi", daftar, "akses_pembaca")
    st.stop()


def status_angka(versi: str, kode: str, tahun: int) -> str:
    """The verification state of an agency-year (through the one cached read)."""
    df = _paket.baca(versi, "status_verifikasi", (), store.status_verifikasi)
    return peran.status_dari(df[["instansi", "tahun", "status"]].itertuples(index=False)).get((kode, tahun), "draf")


def lencana(versi: str, kode: str, tahun: int) -> None:
    """The state badge every page shows in the sidebar, under the year it belongs to."""
    s = status_angka(versi, kode, tahun)
    st.sidebar.badge(
        f"Angka {tahun}: {peran.LABEL_STATUS[s]}",
        color=peran.WARNA_STATUS[s],
        icon=":material/lock:"
        if s == "final"
        else ":material/verified:"
        if not peran.draf(s)
        else ":material/edit_note:",
        help="Status verifikasi angka instansi-tahun ini (lihat halaman Verifikasi). Dek dan dokumen dari angka "
        "yang belum terverifikasi bertanda DRAF.",
    )
