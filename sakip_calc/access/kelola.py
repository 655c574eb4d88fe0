"""Writes of accounts, verification states and notes, each with its audit row, in the store's
copy-on-write transaction; the same functions serve the pages and the command line. The rules
they apply are `peran`'s; logging in (`masuk`) only reads."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from sakip_calc import store
from sakip_calc.access import peran, sandi
from sakip_calc.access.peran import Pelaku


@dataclass(frozen=True)
class Hasil:
    ok: bool
    pesan: str  # what happened or why not, for the page and the command line


def masuk(con, nama: str, sandi_diketik: str, alamat: str | None = None) -> Pelaku | None:
    """The account `nama` when it is active and the password matches, else None (which of the two
    failed is not said)."""
    a = store.akun(con, nama.strip())
    # an unknown name costs a scrypt too, so the time taken does not tell which names exist
    if not sandi.cocok(sandi_diketik, a["hash"] if a else _hash_semu()) or a is None or not a["aktif"]:
        return None
    return pelaku_akun(a, alamat)


@functools.cache
def _hash_semu() -> str:
    return sandi.buat_hash("bukan-sandi-siapa-pun")


def pelaku_akun(a: dict, alamat: str | None) -> Pelaku:
    return Pelaku(a["nama"], a["peran"], frozenset(a["instansi"]), alamat)


def _cek_akun(con, peran_: str, instansi: list[str], sandi_baru: str | None) -> str | None:
    if peran_ not in peran.PERAN:
        return f"peran {peran_!r} tidak dikenal (pilih {', '.join(peran.PERAN)})"
    if peran_ in ("operator", "verifikator") and not instansi:
        return f"akun {peran_} memerlukan instansi (--instansi KODE)"
    if asing := sorted(set(instansi) - set(store.kode_instansi(con))):
        return f"instansi tidak ada di basis data: {', '.join(asing)}"
    if sandi_baru is not None and len(sandi_baru) < sandi.PANJANG_MIN:
        return f"sandi minimal {sandi.PANJANG_MIN} karakter"
    return None


def tambah_akun(
    db: str | Path,
    p: Pelaku,
    nama: str,
    sandi_baru: str | None,
    peran_: str,
    instansi: list[str] | None = None,
    hash_: str | None = None,
) -> Hasil:
    """Add an account (or replace one of the same name: its role, agencies and password). `hash_`
    instead of a password takes over an existing hash (today's SAKIP_ADMIN_HASH, explicitly)."""
    nama, instansi = nama.strip(), list(instansi or [])
    if (r := peran.boleh(p, "kelola_akun")) is not None:
        return Hasil(False, r)
    if not nama or any(c.isspace() for c in nama):
        return Hasil(False, "nama akun tidak boleh kosong atau berisi spasi")
    with store.transaksi_tulis(db) as con:
        if (r := _cek_akun(con, peran_, instansi, None if hash_ else sandi_baru or "")) is not None:
            return Hasil(False, r)
        ada = store.akun(con, nama) is not None
        store.simpan_akun(con, nama, hash_ or sandi.buat_hash(sandi_baru), peran_, instansi)
        rincian = f"akun {nama}: peran {peran_}" + (f", instansi {', '.join(instansi)}" if instansi else "")
        store.catat_audit(con, p.nama, p.alamat, "akun diganti" if ada else "akun ditambah", None, None, None, rincian)
    return Hasil(True, f"{rincian} {'diganti' if ada else 'ditambahkan'}")


def ubah_akun(
    db: str | Path, p: Pelaku, nama: str, *, aktif: bool | None = None, sandi_baru: str | None = None
) -> Hasil:
    """Disable or enable an account, or set its password (reset)."""
    if (r := peran.boleh(p, "kelola_akun")) is not None:
        return Hasil(False, r)
    with store.transaksi_tulis(db) as con:
        if store.akun(con, nama) is None:
            return Hasil(False, f"akun {nama} tidak ada")
        if sandi_baru is not None and len(sandi_baru) < sandi.PANJANG_MIN:
            return Hasil(False, f"sandi minimal {sandi.PANJANG_MIN} karakter")
        store.ubah_akun(con, nama, aktif=aktif, hash_=None if sandi_baru is None else sandi.buat_hash(sandi_baru))
        aksi = (
            "sandi diatur ulang" if sandi_baru is not None else ("akun diaktifkan" if aktif else "akun dinonaktifkan")
        )
        store.catat_audit(con, p.nama, p.alamat, aksi, None, None, None, f"akun {nama}")
    return Hasil(True, f"akun {nama}: {aksi}")


def status(con, instansi: str, tahun: int) -> dict:
    """The agency-year's state row (status, alasan, akun, waktu); draf when none is recorded."""
    df = store.status_verifikasi(con)
    baris = df[(df["instansi"] == instansi) & (df["tahun"] == tahun)]
    if baris.empty:
        return {"status": "draf", "alasan": None, "akun": None, "waktu": None}
    return baris.iloc[0].to_dict()


def ubah_status(db: str | Path, p: Pelaku, instansi: str, tahun: int, aksi: str, alasan: str | None = None) -> Hasil:
    """Move an agency-year along draf -> diajukan -> terverifikasi/dikembalikan -> final (and an
    admin's unlock back to draf), if `p` may."""
    if (r := peran.boleh(p, aksi, instansi)) is not None:
        return Hasil(False, r)
    with store.transaksi_tulis(db) as con:
        sekarang = status(con, instansi, tahun)["status"]
        baru, pesan = peran.langkah(sekarang, aksi, alasan)
        if baru is None:
            return Hasil(False, pesan)
        alasan = (alasan or "").strip() or None
        store.tulis_status(con, instansi, tahun, baru, alasan, p.nama)
        rincian = f"{sekarang} -> {baru}" + (f": {alasan}" if alasan else "")
        store.catat_audit(con, p.nama, p.alamat, f"status: {baru}", instansi, tahun, None, rincian)
    return Hasil(True, f"{instansi} {tahun}: {pesan}")


def tambah_catatan(db: str | Path, p: Pelaku, instansi: str, tahun: int, teks: str) -> Hasil:
    if (r := peran.boleh(p, "catatan", instansi)) is not None:
        return Hasil(False, r)
    if not teks.strip():
        return Hasil(False, "catatan kosong")
    with store.transaksi_tulis(db) as con:
        store.tambah_catatan(con, instansi, tahun, p.nama, teks.strip())
        store.catat_audit(con, p.nama, p.alamat, "catatan", instansi, tahun, None, teks.strip())
    return Hasil(True, "catatan disimpan")
