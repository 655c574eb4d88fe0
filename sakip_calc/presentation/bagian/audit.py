"""The audit log and the verification history as tables for the pages (Audit, Verifikasi). No
Streamlit; the log itself is read by `store.baca_audit` and cut to what the reader may see by
`access.peran.saring_audit`."""

from __future__ import annotations

from datetime import date

import pandas as pd

KOLOM = {
    "waktu": "Waktu",
    "akun": "Akun",
    "alamat": "Alamat",
    "aksi": "Aksi",
    "instansi": "Instansi",
    "tahun": "Tahun",
    "baris": "Baris",
    "rincian": "Rincian",
}


def saring(
    log: pd.DataFrame,
    akun: list[str] | None = None,
    aksi: list[str] | None = None,
    instansi: list[str] | None = None,
    tahun: list[int] | None = None,
    dari: date | None = None,
    sampai: date | None = None,
) -> pd.DataFrame:
    """The rows matching every filter given (an empty list or None: no filter), as the page shows them."""
    pilih = pd.Series(True, index=log.index)
    for kolom, nilai in (("akun", akun), ("aksi", aksi), ("instansi", instansi), ("tahun", tahun)):
        if nilai:
            pilih &= log[kolom].isin(nilai)
    tanggal = pd.to_datetime(log["waktu"]).dt.date
    if dari:
        pilih &= tanggal >= dari
    if sampai:
        pilih &= tanggal <= sampai
    return log[pilih].drop(columns=["id"]).rename(columns=KOLOM)


def opsi(log: pd.DataFrame, kolom: str) -> list:
    return sorted(log[kolom].dropna().unique().tolist())


def riwayat_status(log: pd.DataFrame, instansi: str, tahun: int) -> pd.DataFrame:
    """One agency-year's state changes and notes, newest first."""
    baris = log[
        (log["instansi"] == instansi)
        & (log["tahun"] == tahun)
        & (log["aksi"].str.startswith("status") | (log["aksi"] == "catatan"))
    ]
    return baris[["waktu", "akun", "aksi", "rincian"]].rename(columns=KOLOM)
