"""Who may do what in the app. Viewing is open unless a setting requires a login; importing,
undoing and changing settings need the admin password.

Settings (environment variable, or the key in .streamlit/secrets.toml; the environment wins):
  SAKIP_ADMIN_HASH   / sakip_admin_hash     admin password hash from `python -m sakip_calc hash-sandi`
  SAKIP_WAJIB_MASUK  / sakip_wajib_masuk    "ya"/true: viewing needs a login too
  SAKIP_PEMBACA_HASH / sakip_pembaca_hash   password hash for viewers (else only the admin's opens)
Without an admin hash, changes are allowed only to a visitor on this computer who opens the app
directly: judged per request (`asal_bukan_lokal`), not by where the server listens, because a proxy
on the same machine reaches a localhost-bound server on behalf of the whole network.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping

import streamlit as st

from sakip_calc.access import sandi

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


def _coba_masuk(sandi_diketik: str, daftar_hash: list[str], kunci_sesi: str) -> None:
    """Check a typed password against the configured hashes, with the lockout."""
    penjaga, klien = _penjaga(), _klien()
    sisa = penjaga.sisa_kunci(klien)
    if sisa:
        st.error(f"Terlalu banyak percobaan gagal. Coba lagi dalam {int(sisa // 60) + 1} menit.")
        return
    cocok = next((h for h in daftar_hash if sandi.cocok(sandi_diketik, h)), None)
    if cocok:
        penjaga.berhasil(klien)
        st.session_state[kunci_sesi] = cocok  # tied to this hash: changing the password logs everyone out
        st.rerun()
    sisa_coba = penjaga.gagal(klien)
    st.error(
        "Sandi salah."
        + (
            f" Sisa percobaan: {sisa_coba}."
            if sisa_coba
            else f" Terlalu banyak percobaan gagal; masuk dikunci {int(penjaga.kunci_detik // 60)} menit."
        )
    )


def _formulir(kunci: str, label: str, daftar_hash: list[str], kunci_sesi: str) -> None:
    with st.form(kunci, clear_on_submit=True):
        diketik = st.text_input(label, type="password", key=f"{kunci}_sandi")
        if st.form_submit_button("Masuk"):
            _coba_masuk(diketik, daftar_hash, kunci_sesi)


def admin() -> bool:
    """This session logged in with the current admin password."""
    h = hash_admin()
    return bool(h) and st.session_state.get("akses_admin") == h


def gerbang_admin(tindakan: str = "mengimpor dan membatalkan impor") -> bool:
    """Say who may change data here, offer the admin login, and return whether this session may."""
    h = hash_admin()
    if h is None:
        alasan = asal_bukan_lokal(*_permintaan())
        if alasan is None:
            st.info(
                f"Belum ada sandi admin. {tindakan.capitalize()} diizinkan karena permintaan ini datang langsung "
                "dari komputer ini (localhost, tanpa proxy). Sebelum membukanya ke jaringan kantor, setel "
                "SAKIP_ADMIN_HASH (lihat README, bagian Keamanan dan keandalan).",
                icon="🔓",
            )
            return True
        st.warning(
            f"{tindakan.capitalize()} dinonaktifkan: belum ada sandi admin, dan {alasan}. Tanpa sandi, hanya "
            "peramban di komputer server yang membuka aplikasi langsung (mis. `http://localhost:8501`) yang boleh "
            "mengubah data. Untuk membukanya di sini, setel SAKIP_ADMIN_HASH (buat dengan "
            "`python -m sakip_calc hash-sandi`) lalu mulai ulang aplikasi, dan masuk sebagai admin; lihat "
            "README, bagian Keamanan dan keandalan.",
            icon="🔒",
        )
        return False
    if not sandi.hash_sah(h):
        st.error(
            "Setelan SAKIP_ADMIN_HASH tidak sah (bukan keluaran `python -m sakip_calc hash-sandi`); "
            f"{tindakan} dinonaktifkan sampai diperbaiki.",
            icon="🔒",
        )
        return False
    if admin():
        kiri, kanan = st.columns([4, 1])
        kiri.success("Masuk sebagai admin.", icon="🔑")
        if kanan.button("Keluar", key="akses_keluar"):
            st.session_state.pop("akses_admin", None)
            st.rerun()
        return True
    st.info(f"Hanya admin yang boleh {tindakan}. Melihat data tidak memerlukan sandi.", icon="🔒")
    _formulir("akses_masuk", "Sandi admin", [h], "akses_admin")
    return False


def gerbang_lihat() -> None:
    """For the router, before any page: when viewing needs a login, stop here until there is one."""
    if not wajib_masuk():
        return
    daftar = [
        h for h in (_setelan("SAKIP_PEMBACA_HASH", "sakip_pembaca_hash"), hash_admin()) if h and sandi.hash_sah(h)
    ]
    if st.session_state.get("akses_pembaca") in daftar or admin():
        return
    st.title("SAKIP Dashboard")
    if not daftar:
        st.error(
            "Setelan mewajibkan masuk, tetapi tidak ada sandi yang sah (SAKIP_PEMBACA_HASH atau SAKIP_ADMIN_HASH)."
        )
    else:
        _formulir("akses_lihat", "Sandi", daftar, "akses_pembaca")
    st.stop()
