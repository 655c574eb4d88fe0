"""Reads of one agency's rows for the pages, and of the keys the importer checks against."""

from __future__ import annotations

import pandas as pd

from .dasar import _df
from .skema import TABEL_DATA


def instansi(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM instansi ORDER BY nama")


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
         WHERE ? IS NULL OR d.instansi_id = ?
         ORDER BY d.instansi_id, d.urutan, d.kode, c.tahun, c.triwulan NULLS FIRST
    """,
        [instansi_id, instansi_id],
    )


def anggaran(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, a.* FROM anggaran a JOIN instansi i ON i.id = a.instansi_id
         WHERE (? IS NULL OR a.instansi_id = ?) AND (? IS NULL OR a.tahun = ?)
         ORDER BY a.instansi_id, a.tahun, a.urutan, a.kode
    """,
        [instansi_id, instansi_id, tahun, tahun],
    )


def anggaran_triwulan(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT t.*, a.tingkat, a.nama, a.pagu FROM anggaran_triwulan t
          JOIN anggaran a USING (instansi_id, tahun, kode)
         WHERE (? IS NULL OR t.instansi_id = ?) AND (? IS NULL OR t.tahun = ?)
         ORDER BY t.instansi_id, t.tahun, t.kode, t.triwulan
    """,
        [instansi_id, instansi_id, tahun, tahun],
    )


def wilayah(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, w.*, j.nama AS nama_jenis, j.kelompok, j.satuan
          FROM wilayah w JOIN instansi i ON i.id = w.instansi_id LEFT JOIN jenis_wilayah j ON j.kode = w.jenis
         WHERE (? IS NULL OR w.instansi_id = ?) AND (? IS NULL OR w.tahun = ?)
         ORDER BY w.instansi_id, w.tahun, w.jenis, w.kecamatan NULLS FIRST, w.desa NULLS FIRST
    """,
        [instansi_id, instansi_id, tahun, tahun],
    )


def belanja(con, instansi_id: int | None = None, tahun: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, b.* FROM belanja b JOIN instansi i ON i.id = b.instansi_id
         WHERE (? IS NULL OR b.instansi_id = ?) AND (? IS NULL OR b.tahun = ?)
         ORDER BY b.instansi_id, b.tahun, b.realisasi DESC
    """,
        [instansi_id, instansi_id, tahun, tahun],
    )


def angka_laporan(con, instansi_id: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, a.* FROM angka_laporan a JOIN instansi i ON i.id = a.instansi_id
         WHERE ? IS NULL OR a.instansi_id = ?
         ORDER BY a.instansi_id, a.tahun, a.objek, a.kode, a.besaran, a.sumber
    """,
        [instansi_id, instansi_id],
    )


def alias_kecamatan(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM kecamatan_alias ORDER BY kabupaten, kecamatan")


def alias_wilayah(con) -> pd.DataFrame:
    """Confirmed spellings of official kecamatan and desa/kelurahan: induk, alias, kode, nama."""
    return _df(con, "SELECT induk, alias, kode, nama FROM alias_wilayah ORDER BY induk, alias")


def kunci_indikator(con) -> pd.DataFrame:
    return _df(con, "SELECT i.kode AS instansi, d.kode FROM indikator d JOIN instansi i ON i.id = d.instansi_id")


def kunci_anggaran(con) -> pd.DataFrame:
    return _df(
        con,
        "SELECT i.kode AS instansi, a.tahun, a.kode, a.tingkat FROM anggaran a JOIN instansi i ON i.id = a.instansi_id",
    )


def riwayat_impor(con) -> pd.DataFrame:
    return _df(con, "SELECT * FROM impor ORDER BY id DESC")


def isi_semua_tabel(con) -> dict[str, list[tuple]]:
    """Every data table's rows, sorted: what 'the database did not change' is compared on."""
    hasil = {}
    for tabel in TABEL_DATA:
        rows = con.execute(f"SELECT * FROM {tabel}").fetchall()
        hasil[tabel] = sorted(rows, key=repr)
    return hasil
