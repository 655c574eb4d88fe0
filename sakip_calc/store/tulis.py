"""Writes of imported rows by natural key, the import log, and the history that undo reads."""

from __future__ import annotations

import duckdb
import pandas as pd

from .dasar import _ada_tabel, _ada_tabel_sementara, kursor
from .skema import TABEL_DATA


def _kunci_cocok(kunci: tuple[str, ...], kiri: str = "t", kanan: str = "b") -> str:
    return " AND ".join(f"{kiri}.{k} IS NOT DISTINCT FROM {kanan}.{k}" for k in kunci)


def _beda(kolom: list[str], kiri: str = "t", kanan: str = "b") -> str:
    return " OR ".join(f"{kiri}.{k} IS DISTINCT FROM {kanan}.{k}" for k in kolom) or "false"


# How each sheet's rows become rows of its table: natural keys resolved to surrogate ids.
_SELECT_BARU = {
    "instansi": "SELECT b.* FROM baru b",
    "skala_predikat": "SELECT b.* FROM baru b",
    "alias_wilayah": "SELECT b.* FROM baru b",
    "jenis_wilayah": "SELECT b.* FROM baru b",
    "indikator": (
        "SELECT i.id AS instansi_id, b.* EXCLUDE (instansi) FROM baru b JOIN instansi i ON i.kode = b.instansi"
    ),
    "capaian": (
        "SELECT d.id AS indikator_id, b.* EXCLUDE (instansi, indikator_kode) FROM baru b "
        "JOIN instansi i ON i.kode = b.instansi JOIN indikator d ON d.instansi_id = i.id AND d.kode = b.indikator_kode"
    ),
}
_SELECT_BARU["catatan_indikator"] = _SELECT_BARU["capaian"]  # keyed by indicator too
_SELECT_BARU_INSTANSI = (
    "SELECT i.id AS instansi_id, b.* EXCLUDE (instansi) FROM baru b JOIN instansi i ON i.kode = b.instansi"
)
KUNCI_TABEL = {
    "instansi": ("kode",),
    "skala_predikat": ("nama", "kode"),
    "indikator": ("instansi_id", "kode"),
    "capaian": ("indikator_id", "tahun", "triwulan"),
    "catatan_indikator": ("indikator_id", "tahun"),
    "anggaran": ("instansi_id", "tahun", "kode"),
    "anggaran_triwulan": ("instansi_id", "tahun", "kode", "triwulan"),
    "wilayah": ("instansi_id", "tahun", "periode", "kecamatan", "desa", "jenis"),
    "belanja": ("instansi_id", "tahun", "jenis_belanja"),
    "angka_laporan": ("instansi_id", "tahun", "sumber", "objek", "kode", "kecamatan", "besaran"),
    "alias_wilayah": ("induk", "alias"),
    "jenis_wilayah": ("kode",),
    "batas_instansi": ("instansi_id", "kecamatan", "desa"),
}
_BERID = ("instansi", "indikator")


def tulis_tabel(
    con: duckdb.DuckDBPyConnection, tabel: str, baris: pd.DataFrame, impor_id: int | None = None
) -> dict[str, int]:
    """Upsert rows by the table's natural key; rows not in `baris` stay. Returns the counts.
    With `impor_id` the rows it replaces and the keys it adds are kept for `batalkan_impor`."""
    if baris.empty:
        return {"baru": 0, "berubah": 0, "sama": 0}
    con.register("baru", baris)
    try:
        sql_baru = _SELECT_BARU.get(tabel, _SELECT_BARU_INSTANSI)
        con.execute(f"CREATE OR REPLACE TEMP TABLE masuk AS {sql_baru}")
    finally:
        con.unregister("baru")
    kunci = KUNCI_TABEL[tabel]
    kolom_tabel = {r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()}
    kolom_masuk = [r[0] for r in con.execute("DESCRIBE masuk").fetchall()]
    asing = [k for k in kolom_masuk if k not in kolom_tabel]
    if asing:
        # a value the file has no place for would be lost: the program is ahead of the file's
        # schema without a migration (or sends a column by mistake). Nothing is written.
        con.execute("DROP TABLE masuk")
        raise ValueError(
            f"Tabel {tabel} di basis data tidak punya kolom {', '.join(asing)}; tidak ada baris yang "
            f"ditulis. Kolom baru perlu migrasi skema (sakip_calc/store/migrasi.py)."
        )
    isi = [k for k in kolom_masuk if k not in kunci and k != "id"]
    cocok = _kunci_cocok(kunci, "t", "m")
    # only the stored rows that share the first key column (never NULL) can match: one agency's or
    # indicator's rows, not the whole national table
    dekat = f"(SELECT * FROM {tabel} WHERE {kunci[0]} IN (SELECT {kunci[0]} FROM masuk))"
    baru, berubah = con.execute(
        f"""SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM {dekat} t WHERE {cocok})),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM {dekat} t WHERE {cocok} AND ({_beda(isi, "t", "m")})))
              FROM masuk m"""
    ).fetchone()
    sama = len(baris) - baru - berubah
    if impor_id is not None:
        _simpan_riwayat(con, tabel, kunci, isi, impor_id, dekat)
        # the keys this import holds, for `hapus_usang` later in the same transaction
        con.execute(f"CREATE OR REPLACE TEMP TABLE kunci_{tabel} AS SELECT DISTINCT {', '.join(kunci)} FROM masuk")
    if tabel in _BERID:
        if isi:
            con.execute(
                f"UPDATE {tabel} t SET {', '.join(f'{k} = m.{k}' for k in isi)} FROM masuk m "
                f"WHERE {cocok} AND ({_beda(isi, 't', 'm')})"
            )
        kolom = ", ".join(kunci + tuple(isi))
        con.execute(
            f"INSERT INTO {tabel} (id, {kolom}) "
            f"SELECT (SELECT coalesce(max(id), 0) FROM {tabel}) + row_number() OVER (), "
            f"{', '.join('m.' + k for k in kunci + tuple(isi))} FROM masuk m "
            f"WHERE NOT EXISTS (SELECT 1 FROM {dekat} t WHERE {cocok})"
        )
    else:
        con.execute(
            f"DELETE FROM {tabel} t WHERE t.{kunci[0]} IN (SELECT {kunci[0]} FROM masuk) "
            f"AND EXISTS (SELECT 1 FROM masuk m WHERE {cocok})"
        )
        kolom = ", ".join(kunci + tuple(isi))
        con.execute(f"INSERT INTO {tabel} ({kolom}) SELECT {kolom} FROM masuk")
    con.execute("DROP TABLE masuk")
    return {"baru": int(baru), "berubah": int(berubah), "sama": int(sama)}


def catat_impor(
    con: duckdb.DuckDBPyConnection,
    nama_file: str,
    sha256: str,
    status: str,
    jumlah: dict[str, int],
    pesan: str,
    nomor: int | None = None,
    akun: str | None = None,
    alamat: str | None = None,
) -> int:
    nomor = nomor or nomor_impor_berikut(con)
    con.execute(
        "INSERT INTO impor (id, waktu, nama_file, sha256, status, baris_baru, baris_berubah, baris_sama, pesan, "
        "akun, alamat) VALUES (?, current_localtimestamp(), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            nomor,
            nama_file,
            sha256,
            status,
            jumlah.get("baru", 0),
            jumlah.get("berubah", 0),
            jumlah.get("sama", 0),
            pesan,
            akun,
            alamat,
        ],
    )
    return nomor


# ---- import history and undo ------------------------------------------------------------
# Every import keeps, in riwayat_<tabel>, the old version of each row it changed ('ubah') or
# removed ('hapus', only a refresh of shipped data removes rows) and the natural key of each row
# it added ('tambah'), written in the import's own transaction.
# This grows with what imports change, not with the database (a copy of the file per import
# would), and undoing the latest import restores exactly those rows.


def _simpan_riwayat(
    con, tabel: str, kunci: tuple[str, ...], isi: list[str], impor_id: int, dekat: str | None = None
) -> None:
    """Before an upsert from temp table `masuk`: old rows it will change, keys it will add.
    `dekat`: the stored rows that may match (the table, narrowed by the first key column)."""
    dekat = dekat or tabel
    kolom = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]
    cocok = _kunci_cocok(kunci, "t", "m")
    con.execute(
        f"INSERT INTO riwayat_{tabel} (impor_id, aksi, {', '.join(kolom)}) "
        f"SELECT ?, 'ubah', {', '.join('t.' + k for k in kolom)} FROM {dekat} t "
        f"WHERE EXISTS (SELECT 1 FROM masuk m WHERE {cocok} AND ({_beda(isi, 't', 'm')}))",
        [impor_id],
    )
    con.execute(
        f"INSERT INTO riwayat_{tabel} (impor_id, aksi, {', '.join(kunci)}) "
        f"SELECT ?, 'tambah', {', '.join('m.' + k for k in kunci)} FROM masuk m "
        f"WHERE NOT EXISTS (SELECT 1 FROM {dekat} t WHERE {cocok})",
        [impor_id],
    )


def simpan_cara_baca(con, nama_file: str, cara: dict[tuple[str, str], str], akun: str | None) -> None:
    """Remember the user's reading of each (sheet, column) of this file for its next imports."""
    for (lembar, kolom), c in cara.items():
        con.execute(
            "INSERT INTO cara_baca VALUES (?, ?, ?, ?, ?, current_timestamp) ON CONFLICT DO UPDATE "
            "SET cara = excluded.cara, akun = excluded.akun, waktu = excluded.waktu",
            [nama_file, lembar, kolom, c, akun],
        )


def nomor_impor_berikut(con) -> int:
    return con.execute("SELECT coalesce(max(id), 0) + 1 FROM impor").fetchall()[0][0]


def impor_terakhir(con) -> dict | None:
    """The import an undo would reverse: the latest one still in effect, with `ada_riwayat`
    False when it was made before history was kept (it cannot be undone)."""
    baris = kursor(con).execute("SELECT * FROM impor WHERE status = 'berhasil' ORDER BY id DESC LIMIT 1").df()
    if baris.empty:
        return None
    hasil = baris.iloc[0].to_dict()
    ada = [t for t in TABEL_DATA if _ada_tabel(con, f"riwayat_{t}")]
    hasil["ada_riwayat"] = bool(ada) and bool(
        kursor(con)
        .execute(
            " UNION ALL ".join(f"SELECT 1 FROM riwayat_{t} WHERE impor_id = ?" for t in ada) + " LIMIT 1",
            [int(hasil["id"])] * len(ada),
        )
        .fetchall()
    )
    return hasil


def batalkan_impor(con: duckdb.DuckDBPyConnection, impor_id: int) -> dict[str, dict[str, int]]:
    """Put back the rows import `impor_id` replaced and remove the rows it added, children first.
    Correct for the latest import in effect (later ones undone first). Returns counts per table."""
    hasil = {}
    for tabel in reversed(TABEL_DATA):
        kunci = KUNCI_TABEL[tabel]
        kolom = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]
        cocok = _kunci_cocok(kunci, "t", "r")
        tambah, ubah, hapus = con.execute(
            f"SELECT count(*) FILTER (WHERE aksi = 'tambah'), count(*) FILTER (WHERE aksi = 'ubah'), "
            f"count(*) FILTER (WHERE aksi = 'hapus') FROM riwayat_{tabel} WHERE impor_id = ?",
            [impor_id],
        ).fetchall()[0]
        if not tambah + ubah + hapus:
            continue
        kembali = (
            f"INSERT INTO {tabel} ({', '.join(kolom)}) SELECT {', '.join(kolom)} FROM riwayat_{tabel} "
            "WHERE impor_id = ? AND aksi IN "
        )
        if tabel in _BERID:
            con.execute(
                f"DELETE FROM {tabel} t WHERE EXISTS (SELECT 1 FROM riwayat_{tabel} r "
                f"WHERE r.impor_id = ? AND r.aksi = 'tambah' AND {cocok})",
                [impor_id],
            )
            isi = [k for k in kolom if k not in kunci and k != "id"]
            con.execute(
                f"UPDATE {tabel} t SET {', '.join(f'{k} = r.{k}' for k in isi)} FROM riwayat_{tabel} r "
                f"WHERE r.impor_id = ? AND r.aksi = 'ubah' AND t.id = r.id",
                [impor_id],
            )
            con.execute(kembali + "('hapus')", [impor_id])  # with their old ids, which children still name
        else:
            con.execute(
                f"DELETE FROM {tabel} t WHERE EXISTS (SELECT 1 FROM riwayat_{tabel} r "
                f"WHERE r.impor_id = ? AND {cocok})",
                [impor_id],
            )
            con.execute(kembali + "('ubah', 'hapus')", [impor_id])
        hasil[tabel] = {"dihapus": int(tambah), "dipulihkan": int(ubah + hapus)}
    con.execute("UPDATE impor SET status = 'dibatalkan' WHERE id = ?", [impor_id])
    return hasil


def hapus_usang(con: duckdb.DuckDBPyConnection, impor_id: int, asal: list[int]) -> dict[str, int]:
    """After import `impor_id` wrote its rows: remove the rows that the earlier imports `asal`
    added and that this import no longer holds (a refreshed shipped workbook replaces what its
    earlier versions brought, and nothing else). Removed rows go to the history for undo."""
    hasil = {}
    if not asal:
        return hasil
    daftar = ", ".join(str(int(a)) for a in asal)
    for tabel in reversed(TABEL_DATA):
        kunci = KUNCI_TABEL[tabel]
        dari_asal = (
            f"EXISTS (SELECT 1 FROM riwayat_{tabel} r WHERE r.impor_id IN ({daftar}) AND r.aksi = 'tambah' "
            f"AND {_kunci_cocok(kunci, 't', 'r')})"
        )
        masih = (
            f" AND NOT EXISTS (SELECT 1 FROM kunci_{tabel} k WHERE {_kunci_cocok(kunci, 't', 'k')})"
            if _ada_tabel_sementara(con, f"kunci_{tabel}")
            else ""
        )
        kolom = [r[0] for r in con.execute(f"DESCRIBE {tabel}").fetchall()]
        n = con.execute(
            f"INSERT INTO riwayat_{tabel} (impor_id, aksi, {', '.join(kolom)}) SELECT ?, 'hapus', "
            f"{', '.join('t.' + k for k in kolom)} FROM {tabel} t WHERE {dari_asal}{masih}",
            [impor_id],
        ).fetchall()[0][0]
        if n:
            con.execute(f"DELETE FROM {tabel} t WHERE {dari_asal}{masih}")
            hasil[tabel] = int(n)
    return hasil


def impor_berkas_bawaan(con, nama_file: tuple[str, ...]) -> tuple[list[int], str | None]:
    """The imports of a shipped workbook still in effect (under any of its recorded names), and
    the sha256 of the latest load: whether the file changed since. An undone load counts as
    seen, so that the next `build` does not bring back what the user undid."""
    baris = (
        kursor(con)
        .execute(
            f"SELECT id, sha256, status FROM impor WHERE nama_file IN ({', '.join('?' * len(nama_file))}) "
            "AND status IN ('berhasil', 'tanpa perubahan', 'dibatalkan') ORDER BY id",
            list(nama_file),
        )
        .fetchall()
    )
    return [r[0] for r in baris if r[2] == "berhasil"], (baris[-1][1] if baris else None)
