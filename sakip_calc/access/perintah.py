"""Command line for accounts, verification states, notes and the audit log (see README, Keamanan):

    python -m sakip_calc akun tambah NAMA --peran admin|operator|verifikator|pembaca [--instansi KODE ...]
    python -m sakip_calc akun nonaktifkan|aktifkan|atur-sandi NAMA
    python -m sakip_calc akun daftar
    python -m sakip_calc status INSTANSI TAHUN [ajukan|verifikasi|kembalikan|finalkan|buka-kunci] [--alasan T]
    python -m sakip_calc catatan INSTANSI TAHUN TEKS
    python -m sakip_calc audit [--instansi KODE] [--tahun T]

Every command takes --db. Without --akun the command acts as the server's console (whoever runs it
can write the file anyway: admin, recorded as konsol:<user>); with --akun NAMA it acts as that
account, whose password is read from SAKIP_SANDI, else from stdin or the terminal. `import`,
`undo` and `bulk` take --akun too.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sakip_calc import store
from sakip_calc.access import kelola, peran, sandi
from sakip_calc.access.peran import Pelaku
from sakip_calc.ingest import jaga

AKSI_STATUS = {a.replace("_", "-"): a for a in peran.TRANSISI}


class GagalMasuk(ValueError):
    """--akun with a wrong password or an inactive account (the command prints it)."""


def tambah_argumen_akun(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--akun", help="bertindak sebagai akun ini (sandi dari SAKIP_SANDI, stdin atau terminal)")


def _baca_sandi(tanya: str, ulang: bool = False) -> str:
    if sys.stdin.isatty():
        teks = getpass.getpass(tanya)
        if ulang and getpass.getpass("Ulangi sandi: ") != teks:
            raise ValueError("kedua sandi berbeda")
        return teks
    return sys.stdin.readline().rstrip("\r\n")


def pelaku(a: argparse.Namespace) -> Pelaku:
    """Who a command acts as: --akun (logged in here) or the console."""
    if not getattr(a, "akun", None):
        return jaga.atau_konsol(None)
    teks = os.environ.get("SAKIP_SANDI") or _baca_sandi(f"Sandi akun {a.akun}: ")
    con = store.buka(a.db, read_only=True)
    try:
        p = kelola.masuk(con, a.akun, teks, alamat="konsol")
    finally:
        con.close()
    if p is None:
        raise GagalMasuk(f"akun {a.akun}: nama atau sandi salah, atau akun nonaktif")
    return p


def pasang(sub) -> None:
    k = sub.add_parser("akun", help="kelola akun: tambah, nonaktifkan, aktifkan, atur-sandi, daftar")
    k.add_argument("tindakan", choices=["tambah", "nonaktifkan", "aktifkan", "atur-sandi", "daftar"])
    k.add_argument("nama", nargs="?")
    k.add_argument("--peran", choices=peran.PERAN)
    k.add_argument("--instansi", nargs="*", default=[], help="kode instansi operator/verifikator")
    k.add_argument("--hash", help="pakai hash scrypt yang sudah ada (mis. SAKIP_ADMIN_HASH lama) alih-alih sandi baru")
    s = sub.add_parser("status", help="status verifikasi satu instansi-tahun, atau ubah statusnya")
    s.add_argument("instansi")
    s.add_argument("tahun", type=int)
    s.add_argument("aksi", nargs="?", choices=list(AKSI_STATUS))
    s.add_argument("--alasan")
    c = sub.add_parser("catatan", help="tambah catatan untuk satu instansi-tahun")
    c.add_argument("instansi")
    c.add_argument("tahun", type=int)
    c.add_argument("teks")
    u = sub.add_parser("audit", help="cetak log audit")
    u.add_argument("--instansi")
    u.add_argument("--tahun", type=int)
    for parser in (k, s, c, u):
        parser.add_argument("--db", default=str(store.DB_BAWAAN))
        tambah_argumen_akun(parser)


def jalankan(a: argparse.Namespace) -> int:
    p = pelaku(a)
    if a.perintah == "akun":
        hasil = _akun(a, p)
    elif a.perintah == "status" and a.aksi is None:
        con = store.buka(a.db, read_only=True)
        s = kelola.status(con, a.instansi, a.tahun)
        con.close()
        print(
            f"{a.instansi} {a.tahun}: {peran.LABEL_STATUS[s['status']]}" + (f" ({s['alasan']})" if s["alasan"] else "")
        )
        return 0
    elif a.perintah == "status":
        hasil = kelola.ubah_status(a.db, p, a.instansi, a.tahun, AKSI_STATUS[a.aksi], a.alasan)
    elif a.perintah == "catatan":
        hasil = kelola.tambah_catatan(a.db, p, a.instansi, a.tahun, a.teks)
    else:
        return _audit(a, p)
    print(hasil.pesan if hasil.ok else f"GALAT: {hasil.pesan}", file=sys.stdout if hasil.ok else sys.stderr)
    return 0 if hasil.ok else 1


def _akun(a: argparse.Namespace, p: Pelaku) -> kelola.Hasil:
    if a.tindakan == "daftar":
        if (r := peran.boleh(p, "kelola_akun")) is not None:
            return kelola.Hasil(False, r)
        con = store.buka(a.db, read_only=True)
        daftar = store.daftar_akun(con)
        con.close()
        return kelola.Hasil(True, daftar.to_string(index=False) if len(daftar) else "belum ada akun")
    if not a.nama:
        return kelola.Hasil(False, "nama akun diperlukan")
    if a.tindakan == "tambah":
        if a.peran is None:
            return kelola.Hasil(False, "--peran diperlukan")
        if a.hash is not None and not sandi.hash_sah(a.hash):
            return kelola.Hasil(False, "--hash bukan keluaran `python -m sakip_calc hash-sandi`")
        teks = None if a.hash else _baca_sandi(f"Sandi baru untuk {a.nama}: ", ulang=True)
        return kelola.tambah_akun(a.db, p, a.nama, teks, a.peran, a.instansi, hash_=a.hash)
    if a.tindakan == "atur-sandi":
        return kelola.ubah_akun(a.db, p, a.nama, sandi_baru=_baca_sandi(f"Sandi baru untuk {a.nama}: ", ulang=True))
    return kelola.ubah_akun(a.db, p, a.nama, aktif=a.tindakan == "aktifkan")


def _audit(a: argparse.Namespace, p: Pelaku) -> int:
    con = store.buka(a.db, read_only=True)
    log = peran.saring_audit(p, store.baca_audit(con))
    con.close()
    if a.instansi:
        log = log[log["instansi"] == a.instansi]
    if a.tahun:
        log = log[log["tahun"] == a.tahun]
    print(log.drop(columns=["id"]).to_string(index=False) if len(log) else "tidak ada baris audit")
    return 0
