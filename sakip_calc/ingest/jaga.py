"""The guard every write of data passes (workbook import, undo, bulk, build): may this actor touch
these agency-years (`access.peran`), and, once it did, the audit rows and the agency-years whose
verification no longer holds. All inside the write's own transaction."""

from __future__ import annotations

import getpass

import duckdb

from sakip_calc import store
from sakip_calc.access import peran
from sakip_calc.access.peran import Pelaku


class Ditolak(Exception):
    """Raised inside a write transaction to roll everything back; `alasan` says why (for the page),
    `cakupan` what the write would have touched (for the audit row of the attempt)."""

    def __init__(self, alasan: list[str], cakupan: store.Cakupan):
        super().__init__("; ".join(alasan))
        self.alasan, self.cakupan = alasan, cakupan


def atau_konsol(p: Pelaku | None) -> Pelaku:
    """An unattributed call (the command line, a test, `build`) is the server's console."""
    return p or peran.konsol(getpass.getuser())


def status(con) -> dict[tuple[str, int], str]:
    return peran.status_dari(store.status_verifikasi(con)[["instansi", "tahun", "status"]].itertuples(index=False))


def periksa(con: duckdb.DuckDBPyConnection, p: Pelaku, aksi: str, cakupan: store.Cakupan) -> None:
    """Raise `Ditolak` when `p` may not write `cakupan` (role, agency, final agency-years)."""
    if alasan := peran.tolak_tulis(p, aksi, cakupan, status(con)):
        raise Ditolak(alasan, cakupan)


def audit(
    con: duckdb.DuckDBPyConnection, p: Pelaku, aksi: str, cakupan: store.Cakupan, rincian: str, baris: int = 0
) -> None:
    """One audit row per agency-year a write touched (one row when it touched none)."""
    urut = sorted(cakupan.items(), key=lambda c: (c[0][0] or "", c[0][1] or 0)) or [((None, None), baris)]
    store.catat_audit_banyak(con, p.nama, p.alamat, aksi, [(k, t, n) for (k, t), n in urut], rincian)


def catat(
    con: duckdb.DuckDBPyConnection, p: Pelaku, aksi: str, cakupan: store.Cakupan, rincian: str, baris: int = 0
) -> None:
    """Audit a write, then put back to draf the agency-years whose verified figures it changed."""
    audit(con, p, aksi, cakupan, rincian, baris)
    for kode, tahun in peran.kembali_draf(cakupan, status(con)):
        alasan = f"angka diubah ({rincian})"
        store.tulis_status(con, kode, tahun, "draf", alasan, p.nama)
        store.catat_audit(con, p.nama, p.alamat, "status: draf", kode, tahun, None, alasan)
