"""Confirming another spelling of an official kecamatan or desa/kelurahan (from the Impor preview
or the command line): stored as data in `alias_wilayah`, never in a repository file, recorded in
`impor` like an import (with history, so the latest can be undone), used by every later import."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from sakip_calc import store
from sakip_calc.access.peran import Pelaku
from sakip_calc.ingest import jaga
from sakip_calc.ingest.aturan import teks
from sakip_calc.store import rujukan_wilayah


def konfirmasi_ejaan(
    alias: str, kode: str, db: str | Path = store.DB_BAWAAN, pelaku: Pelaku | None = None
) -> tuple[int, str]:
    """Record `alias` as another spelling of the official kecamatan or desa/kelurahan `kode`
    (33.28.02, 33.28.02.2004) and return (impor number, message). Spellings serve every agency:
    only an admin confirms one (`access.peran`), and the audit records who did."""
    p = jaga.atau_konsol(pelaku)
    if p.peran != "admin":
        raise ValueError("ejaan wilayah dipakai bersama semua instansi; hanya admin yang boleh menambahkannya")
    alias = teks(alias)
    bagian = kode.split(".")
    resmi = rujukan_wilayah.bawahan(".".join(bagian[:2])) if len(bagian) in (3, 4) else pd.DataFrame()
    cocok = resmi[resmi["kode"] == kode] if len(resmi) else resmi
    if not alias or cocok.empty:
        raise ValueError(f"kode wilayah '{kode}' bukan kecamatan atau desa/kelurahan resmi")
    baris = cocok.iloc[0]
    nama = f"ejaan lain: {alias} = {baris['nama']} ({kode})"
    rekam = pd.DataFrame([{"induk": baris["induk"], "alias": alias, "kode": kode, "nama": baris["nama"]}])
    with store.transaksi_tulis(db) as con:
        nomor = store.nomor_impor_berikut(con)
        hitung = store.tulis_tabel(con, "alias_wilayah", rekam, nomor)
        store.catat_impor(
            con,
            nama,
            hashlib.sha256(nama.encode()).hexdigest(),
            "berhasil" if hitung["baru"] + hitung["berubah"] else "tanpa perubahan",
            hitung,
            json.dumps(
                [{"lembar": "", "baris": None, "kolom": None, "pesan": nama, "tingkat": "catatan"}], ensure_ascii=False
            ),
            nomor,
            akun=p.nama,
            alamat=p.alamat,
        )
        jaga.audit(con, p, "ejaan", {}, nama, 1)
    return nomor, f"'{alias}' disimpan sebagai ejaan lain {baris['jenis']} {baris['nama']} ({kode})"
