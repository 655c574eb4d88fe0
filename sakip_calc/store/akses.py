"""SQL of who may change what: accounts, the audit log, verification states, notes, and which
agency-years a write touches. The rules themselves are in `sakip_calc.access.peran` (no SQL there).

The audit log is append-only: this module has no statement that updates or deletes it.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from .dasar import _ada_tabel, _df, kursor
from .skema import TABEL_DATA

# ---- accounts ---------------------------------------------------------------------------------


def akun(con, nama: str) -> dict | None:
    """One account with its agencies (`instansi`, a list), or None; None too on a file from
    before accounts existed."""
    if not _ada_tabel(con, "akun"):
        return None
    baris = (
        kursor(con)
        .execute(
            "SELECT a.*, list(i.instansi ORDER BY i.instansi) FILTER (WHERE i.instansi IS NOT NULL) AS instansi "
            "FROM akun a LEFT JOIN akun_instansi i ON i.akun = a.nama WHERE a.nama = ? GROUP BY ALL",
            [nama],
        )
        .df()
    )
    if baris.empty:
        return None
    hasil = baris.iloc[0].to_dict()
    hasil["instansi"] = list(hasil["instansi"]) if hasil["instansi"] is not None else []
    return hasil


def daftar_akun(con) -> pd.DataFrame:
    """Every account without its hash: nama, peran, aktif, instansi (joined by ', '), dibuat, diubah."""
    if not _ada_tabel(con, "akun"):
        return pd.DataFrame(columns=["nama", "peran", "aktif", "instansi", "dibuat", "diubah"])
    return _df(
        con,
        "SELECT a.nama, a.peran, a.aktif, coalesce(string_agg(i.instansi, ', ' ORDER BY i.instansi), '') AS instansi, "
        "a.dibuat, a.diubah FROM akun a LEFT JOIN akun_instansi i ON i.akun = a.nama GROUP BY ALL ORDER BY a.nama",
    )


def ada_admin(con) -> bool:
    """Whether an active admin account exists (then nobody changes data without logging in)."""
    if not _ada_tabel(con, "akun"):
        return False
    return bool(kursor(con).execute("SELECT count(*) FROM akun WHERE aktif AND peran = 'admin'").fetchone()[0])


def simpan_akun(
    con: duckdb.DuckDBPyConnection, nama: str, hash_: str, peran: str, instansi: list[str], aktif: bool = True
) -> None:
    """Add or replace an account and its agencies (in the caller's write transaction)."""
    con.execute(
        "INSERT INTO akun VALUES (?, ?, ?, ?, current_localtimestamp(), current_localtimestamp()) "
        "ON CONFLICT (nama) DO UPDATE SET hash = excluded.hash, peran = excluded.peran, aktif = excluded.aktif, "
        "diubah = excluded.diubah",
        [nama, hash_, peran, aktif],
    )
    con.execute("DELETE FROM akun_instansi WHERE akun = ?", [nama])
    if instansi:
        con.executemany("INSERT INTO akun_instansi VALUES (?, ?)", [[nama, k] for k in dict.fromkeys(instansi)])


def ubah_akun(con: duckdb.DuckDBPyConnection, nama: str, *, aktif: bool | None = None, hash_: str | None = None):
    if aktif is not None:
        con.execute("UPDATE akun SET aktif = ?, diubah = current_localtimestamp() WHERE nama = ?", [aktif, nama])
    if hash_ is not None:
        con.execute("UPDATE akun SET hash = ?, diubah = current_localtimestamp() WHERE nama = ?", [hash_, nama])


def kode_instansi(con) -> list[str]:
    return [r[0] for r in kursor(con).execute("SELECT kode FROM instansi ORDER BY kode").fetchall()]


# ---- audit ------------------------------------------------------------------------------------


def catat_audit(
    con: duckdb.DuckDBPyConnection,
    akun: str,
    alamat: str | None,
    aksi: str,
    instansi: str | None = None,
    tahun: int | None = None,
    baris: int | None = None,
    rincian: str | None = None,
) -> None:
    con.execute(
        "INSERT INTO audit SELECT coalesce(max(id), 0) + 1, current_localtimestamp(), ?, ?, ?, ?, ?, ?, ? FROM audit",
        [akun, alamat, aksi, instansi, tahun, baris, rincian],
    )


def catat_audit_banyak(
    con: duckdb.DuckDBPyConnection,
    akun: str,
    alamat: str | None,
    aksi: str,
    baris: list[tuple[str | None, int | None, int | None]],
    rincian: str | None = None,
) -> None:
    """One audit row per (instansi, tahun, baris) in one statement (a bulk load of a province
    touches thousands of agency-years)."""
    catat = pd.DataFrame(baris, columns=["instansi", "tahun", "baris"]).astype(
        {"instansi": "object", "tahun": "Int64", "baris": "Int64"}
    )
    con.register("audit_baru", catat)
    try:
        con.execute(
            "INSERT INTO audit SELECT (SELECT coalesce(max(id), 0) FROM audit) + row_number() OVER (), "
            "current_localtimestamp(), ?, ?, ?, instansi, tahun, baris, ? FROM audit_baru",
            [akun, alamat, aksi, rincian],
        )
    finally:
        con.unregister("audit_baru")


def baca_audit(con) -> pd.DataFrame:
    """The whole log, newest first (the page filters it)."""
    if not _ada_tabel(con, "audit"):
        return pd.DataFrame(columns=["id", "waktu", "akun", "alamat", "aksi", "instansi", "tahun", "baris", "rincian"])
    return _df(con, "SELECT * FROM audit ORDER BY id DESC")


# ---- verification state and notes -------------------------------------------------------------


def status_verifikasi(con) -> pd.DataFrame:
    """Every agency-year with a recorded state (instansi, tahun, status, alasan, akun, waktu);
    an agency-year without a row is draf."""
    if not _ada_tabel(con, "verifikasi"):
        return pd.DataFrame(columns=["instansi", "tahun", "status", "alasan", "akun", "waktu"])
    return _df(con, "SELECT * FROM verifikasi ORDER BY instansi, tahun")


def tulis_status(con: duckdb.DuckDBPyConnection, instansi: str, tahun: int, status: str, alasan, akun: str) -> None:
    con.execute(
        "INSERT INTO verifikasi VALUES (?, ?, ?, ?, ?, current_localtimestamp()) ON CONFLICT (instansi, tahun) "
        "DO UPDATE SET status = excluded.status, alasan = excluded.alasan, akun = excluded.akun, "
        "waktu = excluded.waktu",
        [instansi, tahun, status, alasan, akun],
    )


def tambah_catatan(con: duckdb.DuckDBPyConnection, instansi: str, tahun: int, akun: str, teks: str) -> None:
    con.execute(
        "INSERT INTO catatan SELECT coalesce(max(id), 0) + 1, ?, ?, ?, current_localtimestamp(), ? FROM catatan",
        [instansi, tahun, akun, teks],
    )


def baca_catatan(con, instansi: str, tahun: int) -> pd.DataFrame:
    if not _ada_tabel(con, "catatan"):
        return pd.DataFrame(columns=["id", "instansi", "tahun", "akun", "waktu", "teks"])
    return _df(con, "SELECT * FROM catatan WHERE instansi = ? AND tahun = ? ORDER BY id DESC", [instansi, tahun])


# ---- which agency-years a write touches ---------------------------------------------------------

# How each data table's rows name their agency and year (NULL: the row is not of one year).
# tables keyed by indicator (a year's capaian, its explanation) reach the agency through it
_LEWAT_INDIKATOR = (
    "(SELECT s.kode FROM indikator k JOIN instansi s ON s.id = k.instansi_id WHERE k.id = r.indikator_id)",
    "r.tahun",
)
_INSTANSI_TAHUN = {
    "instansi": ("r.kode", "NULL"),
    "indikator": ("(SELECT kode FROM instansi WHERE id = r.instansi_id)", "NULL"),
    "capaian": _LEWAT_INDIKATOR,
    "catatan_indikator": _LEWAT_INDIKATOR,
    "batas_instansi": ("(SELECT kode FROM instansi WHERE id = r.instansi_id)", "NULL"),  # of the agency, no year
}
_BIASA = ("(SELECT kode FROM instansi WHERE id = r.instansi_id)", "r.tahun")


Cakupan = dict[tuple[str | None, int | None], int | None]
# data tables shared by every agency: predikat scales, kinds of regional data, confirmed spellings
BERSAMA = ("skala_predikat", "jenis_wilayah", "alias_wilayah")


def cakupan_impor(con: duckdb.DuckDBPyConnection, impor_id: int) -> Cakupan:
    """(agency kode, year) -> rows that import `impor_id` added, changed or removed, read from its
    history rows (unchanged rows leave none). Year None: rows of the agency itself (its name, an
    indicator's definition). (None, None): a shared predikat scale was changed."""
    hasil: Cakupan = {}
    for tabel in TABEL_DATA:
        if tabel in BERSAMA:  # adding to a shared list harms no one; changing it touches every agency
            sql = (
                f"SELECT NULL, NULL, count(*) FROM riwayat_{tabel} r "
                "WHERE r.impor_id = ? AND r.aksi = 'ubah' HAVING count(*) > 0"
            )
        else:
            instansi, tahun = _INSTANSI_TAHUN.get(tabel, _BIASA)
            sql = f"SELECT {instansi}, {tahun}, count(*) FROM riwayat_{tabel} r WHERE r.impor_id = ? GROUP BY ALL"
        for k, t, n in con.execute(sql, [impor_id]).fetchall():
            kunci = (k, None if t is None else int(t))
            hasil[kunci] = hasil.get(kunci, 0) + int(n)
    return hasil


def cakupan_massal(con: duckdb.DuckDBPyConnection, tabel: list[str]) -> Cakupan:
    """(agency kode, year) -> rows named by the typed rows of a bulk load (`massal_<tabel>`): a bulk
    load replaces rows by key without a per-row comparison, so every row it carries counts."""
    hasil: Cakupan = {}
    for t in tabel:
        kolom = {r[0] for r in con.execute(f"DESCRIBE massal_{t}").fetchall()}
        if t == "skala_predikat":
            sql = "SELECT NULL, NULL, count(*) FROM massal_skala_predikat"
        elif t == "instansi":
            sql = "SELECT kode, NULL, count(*) FROM massal_instansi GROUP BY ALL"
        elif "instansi" in kolom:
            sql = f"SELECT instansi, {'tahun' if 'tahun' in kolom else 'NULL'}, count(*) FROM massal_{t} GROUP BY ALL"
        else:
            continue
        for k, y, n in con.execute(sql).fetchall():
            kunci = (k, None if y is None else int(y))
            hasil[kunci] = hasil.get(kunci, 0) + int(n)
    return hasil
