"""Reads of one agency's rows for the pages, and of the keys the importer checks against."""

from __future__ import annotations

import pandas as pd

from .dasar import _ada_tabel, _df
from .skema import TABEL_DATA


def _rentang(instansi_id) -> list:
    """One agency (an id), a run of agencies (a (first, last) pair: the checks read agencies in
    chunks) or all (None), as the parameters of `? IS NULL OR instansi_id BETWEEN ? AND ?`."""
    awal, akhir = instansi_id if isinstance(instansi_id, tuple) else (instansi_id, instansi_id)
    return [awal, awal, akhir]


def instansi(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM instansi ORDER BY nama")


def jenis_kabkota(con, instansi_id: int) -> str | None:
    """'kabupaten' or 'kota' by the agency's official code; None without one."""
    baris = _df(con, "SELECT kabkota_jenis FROM instansi WHERE id = ?", [instansi_id])
    return baris["kabkota_jenis"].iloc[0] if len(baris) else None


def kode_instansi_dikenal(con) -> set[str]:
    return set(instansi(con)["kode"])


def skala_predikat(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM skala_predikat ORDER BY nama, urutan")


def tahun_data(con, instansi_id: int | None = None) -> pd.DataFrame:
    """Years present per agency, per table (the placeholder app and the sidebar use it)."""
    sql = """
        SELECT instansi_id, tahun, 'capaian' AS tabel, count(*) AS baris
          FROM capaian c JOIN indikator d ON d.id = c.indikator_id GROUP BY ALL
        UNION ALL SELECT instansi_id, tahun, 'anggaran', count(*) FROM anggaran GROUP BY ALL
        UNION ALL SELECT instansi_id, tahun, 'wilayah', count(*) FROM wilayah GROUP BY ALL
    """
    df = _df(
        con,
        f"SELECT * FROM ({sql}) WHERE ? IS NULL OR instansi_id = ? ORDER BY instansi_id, tahun, tabel",
        [instansi_id, instansi_id],
    )
    return df


def indikator_capaian(con, instansi_id: int | None = None) -> pd.DataFrame:
    """Every indicator with its yearly and quarterly values, one row per (indikator, tahun, triwulan)."""
    return _df(
        con,
        """
        SELECT i.kode AS instansi, d.instansi_id, d.id AS indikator_id, d.kode, d.nama, d.tingkat, d.sasaran,
               d.program_kode, d.satuan, d.polaritas, d.kondisi_awal, d.target_akhir, d.periode_awal,
               d.periode_akhir, d.agregasi_triwulan, d.nama_pembilang, d.nama_penyebut, d.urutan,
               c.tahun, c.triwulan, c.target, c.target_atas, c.realisasi, c.capaian_dilaporkan,
               c.pembilang, c.penyebut, c.sumber, c.catatan
          FROM indikator d JOIN instansi i ON i.id = d.instansi_id
          LEFT JOIN capaian c ON c.indikator_id = d.id
         WHERE ? IS NULL OR d.instansi_id BETWEEN ? AND ?
         ORDER BY d.instansi_id, d.urutan, d.kode, c.tahun, c.triwulan NULLS FIRST
    """,
        [*_rentang(instansi_id)],
    )


KOLOM_CATATAN = ("penyebab", "hambatan", "solusi", "target_nasional", "penulis", "diubah")


def catatan_instansi(con, instansi_id: int) -> pd.DataFrame:
    """The agency's notes per indicator-year (kode, tahun, penyebab, ..., penulis, diubah); empty
    for a file written before the table existed."""
    if not _ada_tabel(con, "catatan_indikator"):
        return pd.DataFrame(columns=["kode", "tahun", *KOLOM_CATATAN])
    return _df(
        con,
        "SELECT d.kode, c.* EXCLUDE (indikator_id) FROM catatan_indikator c JOIN indikator d ON d.id = c.indikator_id "
        "WHERE d.instansi_id = ? ORDER BY d.kode, c.tahun",
        [instansi_id],
    )


def riwayat_catatan(con, instansi_id: int, kode: str, tahun: int) -> pd.DataFrame:
    """Every version of one note, newest first: the one in force, then each one an import replaced
    (riwayat_catatan_indikator), with who wrote it and when, and the import that replaced it."""
    kolom = ", ".join(f"c.{k}" for k in KOLOM_CATATAN)
    if not _ada_tabel(con, "catatan_indikator"):
        return pd.DataFrame(columns=["versi", *KOLOM_CATATAN])
    return _df(
        con,
        # newest first: the version in force, then by the import that replaced each (two saves may
        # share a minute, so not by `diubah`)
        f"""SELECT * EXCLUDE (urut) FROM (
            SELECT 'berlaku' AS versi, {kolom}, NULL AS urut FROM catatan_indikator c
              JOIN indikator d ON d.id = c.indikator_id WHERE d.instansi_id = ? AND d.kode = ? AND c.tahun = ?
            UNION ALL
            SELECT 'diganti impor #' || c.impor_id, {kolom}, c.impor_id FROM riwayat_catatan_indikator c
              JOIN indikator d ON d.id = c.indikator_id
             WHERE c.aksi = 'ubah' AND d.instansi_id = ? AND d.kode = ? AND c.tahun = ?
            ) ORDER BY urut DESC NULLS FIRST""",
        [instansi_id, kode, tahun] * 2,
    )


def anggaran(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, a.* FROM anggaran a JOIN instansi i ON i.id = a.instansi_id
         WHERE (? IS NULL OR a.instansi_id BETWEEN ? AND ?) AND (? IS NULL OR a.tahun = ?)
         ORDER BY a.instansi_id, a.tahun, a.urutan, a.kode
    """,
        [*_rentang(instansi_id), tahun, tahun],
    )


def anggaran_triwulan(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT t.*, a.tingkat, a.nama, a.pagu FROM anggaran_triwulan t
          JOIN anggaran a USING (instansi_id, tahun, kode)
         WHERE (? IS NULL OR t.instansi_id BETWEEN ? AND ?) AND (? IS NULL OR t.tahun = ?)
         ORDER BY t.instansi_id, t.tahun, t.kode, t.triwulan
    """,
        [*_rentang(instansi_id), tahun, tahun],
    )


def wilayah(con, instansi_id: int | None = None, tahun: int | None = None, ringkas: bool = False) -> pd.DataFrame:
    """`ringkas`: only the columns the checks read. The biggest table (7 million rows nationally)
    costs most in its conversion to pandas, a column at a time."""
    # an update period (DTSEN) is its own table for the checks; files before migration 8 have none
    periode = (
        ", w.periode" if "periode" in {d[0] for d in con.execute("SELECT * FROM wilayah LIMIT 0").description} else ""
    )
    kolom = (
        f"w.tahun, w.kecamatan, w.desa, w.jenis, w.nilai, w.sumber{periode}"
        if ringkas
        else "w.*, j.nama AS nama_jenis, j.kelompok, j.satuan"
    )
    return _df(
        con,
        f"""
        SELECT i.kode AS instansi, {kolom}
          FROM wilayah w JOIN instansi i ON i.id = w.instansi_id LEFT JOIN jenis_wilayah j ON j.kode = w.jenis
         WHERE (? IS NULL OR w.instansi_id BETWEEN ? AND ?) AND (? IS NULL OR w.tahun = ?)
         ORDER BY w.instansi_id, w.tahun, w.jenis, w.kecamatan NULLS FIRST, w.desa NULLS FIRST
    """,
        [*_rentang(instansi_id), tahun, tahun],
        arrow=ringkas,  # VARCHAR, tahun and nilai NOT NULL
    )


def belanja(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, b.* FROM belanja b JOIN instansi i ON i.id = b.instansi_id
         WHERE (? IS NULL OR b.instansi_id BETWEEN ? AND ?) AND (? IS NULL OR b.tahun = ?)
         ORDER BY b.instansi_id, b.tahun, b.realisasi DESC
    """,
        [*_rentang(instansi_id), tahun, tahun],
    )


def angka_laporan(con, instansi_id: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, a.* FROM angka_laporan a JOIN instansi i ON i.id = a.instansi_id
         WHERE ? IS NULL OR a.instansi_id BETWEEN ? AND ?
         ORDER BY a.instansi_id, a.tahun, a.objek, a.kode, a.besaran, a.sumber
    """,
        [*_rentang(instansi_id)],
    )


def alias_kecamatan(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM kecamatan_alias ORDER BY kabupaten, kecamatan")


def kode_jenis_wilayah(con) -> list[str]:
    """Every data kind's code: the built-in ones and those Jenis sheets added."""
    return _df(con, "SELECT kode FROM jenis_wilayah ORDER BY kode")["kode"].tolist()


def alias_wilayah(con) -> pd.DataFrame:
    """Confirmed spellings of official kecamatan and desa/kelurahan: induk, alias, kode, nama."""
    return _df(con, "SELECT induk, alias, kode, nama FROM alias_wilayah ORDER BY induk, alias")


def kunci_indikator(con, instansi: list[str]) -> pd.DataFrame:
    """The indicator codes and units of these agencies (an import reads only its own, whatever the
    database size)."""
    return _df(
        con,
        "SELECT i.kode AS instansi, d.kode, d.satuan FROM indikator d JOIN instansi i ON i.id = d.instansi_id "
        "WHERE list_contains(?, i.kode)",
        [instansi],
    )


def cara_baca(con, nama_file: str) -> dict[tuple[str, str], str]:
    """How the user chose to read the ambiguous numbers of each (sheet, column) of this file."""
    if not _ada_tabel(con, "cara_baca"):  # a file not yet migrated
        return {}
    df = _df(con, "SELECT lembar, kolom, cara FROM cara_baca WHERE nama_file = ?", [nama_file])
    return {(r.lembar, r.kolom): r.cara for r in df.itertuples()}


def kunci_anggaran(con, instansi: list[str]) -> pd.DataFrame:
    """The budget lines' keys and levels of these agencies."""
    return _df(
        con,
        "SELECT i.kode AS instansi, a.tahun, a.kode, a.tingkat FROM anggaran a JOIN instansi i ON i.id = a.instansi_id "
        "WHERE list_contains(?, i.kode)",
        [instansi],
    )


def riwayat_impor(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM impor ORDER BY id DESC")


def isi_semua_tabel(con) -> dict[str, list[tuple]]:
    """Every data table's rows, sorted: what 'the database did not change' is compared on."""
    hasil = {}
    for tabel in TABEL_DATA:
        # a file from before a table's migration holds no rows of it
        rows = con.execute(f"SELECT * FROM {tabel}").fetchall() if _ada_tabel(con, tabel) else []
        hasil[tabel] = sorted(rows, key=repr)
    return hasil
