"""Bulk loads: a folder with one CSV or Parquet file per table, for loads too large for workbooks.

Files are named after their table or sheet (`capaian.parquet`, `Anggaran.csv`, ...), plus two
that only bulk loads know: `anggaran_triwulan` (instansi, tahun, kode, triwulan, realisasi: one row
per quarter instead of realisasi_tw1..4 columns) and `kecamatan_alias` (kabupaten, kecamatan,
alias: the kecamatan list of new kabupaten; a file's list replaces that kabupaten's list).
Columns and rules are the workbook format's (spesifikasi.py) and the workbook import's own
(aturan.py): text normalisation, types, allowed values, ranges, required cells, kecamatan and desa
names, natural-key duplicates, references to the other files and to the database. Only the number
format is stricter: CSV numbers are written the machine way (`1234567.89`), because a bulk file
comes from a program, not from a report.

Everything runs as SQL over DuckDB's own readers (store/massal.py, store/rujukan_massal.py) inside
one copy-on-write transaction: every problem is reported with its file, row and column, and any
error leaves the data unchanged (one `impor` row records the attempt). Rows: CSV rows count the
header as row 1, as a spreadsheet does; Parquet rows are record numbers from 1. Only the kecamatan
and desa names, a few thousand distinct ones, go through Python (the workbook's own functions).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from sakip_calc import store
from sakip_calc.access import peran
from sakip_calc.access.peran import Pelaku
from sakip_calc.domain.angka import format_angka
from sakip_calc.domain.skala import SKALA_BAWAAN
from sakip_calc.domain.spesifikasi import KODE, LEMBAR, LEMBAR_BERNAMA, RUPIAH, TEKS, TRIWULAN, Kolom, Lembar
from sakip_calc.ingest import aturan, aturan_wilayah, jaga, validasi
from sakip_calc.ingest.baca import Masalah, saran
from sakip_calc.store import rujukan_massal, rujukan_wilayah

_TAHUN = LEMBAR_BERNAMA["Capaian"].kolom_bernama("tahun")  # the format's own year rule
TAMBAHAN = (
    Lembar(
        "anggaran_triwulan",
        "anggaran_triwulan",
        ("instansi", "tahun", "kode", "triwulan"),
        (
            Kolom("instansi", KODE, "", wajib=True),
            _TAHUN,
            Kolom("kode", KODE, "", wajib=True),
            Kolom("triwulan", TRIWULAN, "", wajib=True, minimum=1, maksimum=4),
            Kolom("realisasi", RUPIAH, "", minimum=0),
        ),
    ),
    Lembar(
        "kecamatan_alias",
        "kecamatan_alias",
        ("kabupaten", "kecamatan", "alias"),
        (Kolom("kabupaten", TEKS, "", wajib=True), Kolom("kecamatan", TEKS, "", wajib=True), Kolom("alias", TEKS, "")),
    ),
)
# table -> its format, in write order (parents before children)
FORMAT = {l.tabel: l for l in (*LEMBAR, *TAMBAHAN)}
# (the data tables' own order, with the scales before the agencies that name them)
URUTAN = ("kecamatan_alias", "skala_predikat", *(t for t in store.TABEL_DATA if t in FORMAT and t != "skala_predikat"))
_NAMA_BERKAS = {n.lower(): t for t, l in FORMAT.items() for n in (t, l.nama)}
_JENIS_ANGKA_SQL = (
    "DOUBLE",
    "FLOAT",
    "INTEGER",
    "BIGINT",
    "SMALLINT",
    "TINYINT",
    "HUGEINT",
    "DECIMAL",
    "UBIGINT",
    "UINTEGER",
    "USMALLINT",
    "UTINYINT",
)
BATAS_PESAN = 1000


@dataclass
class HasilMassal:
    folder: str
    status: str  # berhasil | ditolak
    masalah: list[Masalah] = field(default_factory=list)
    jumlah_masalah: int = 0  # all problems; `masalah` holds the first BATAS_PESAN
    perubahan: dict[str, dict[str, int]] = field(default_factory=dict)
    impor_id: int | None = None
    detik: float = 0.0

    @property
    def baris(self) -> int:
        return sum(h["baru"] + h["diganti"] for h in self.perubahan.values())


def temukan_berkas(folder: Path) -> tuple[dict[str, Path], list[Masalah]]:
    """Which file holds which table: by name, case-insensitive; .csv or .parquet."""
    berkas, masalah = {}, []
    for jalur in sorted(folder.iterdir()):
        if jalur.suffix.lower() not in (".csv", ".parquet"):
            continue
        tabel = _NAMA_BERKAS.get(jalur.stem.lower())
        if tabel is None:
            masalah.append(
                Masalah(
                    jalur.name,
                    None,
                    None,
                    "nama berkas bukan nama tabel; diabaikan. Nama yang dikenal: "
                    + ", ".join(URUTAN)
                    + "."
                    + saran(jalur.stem, list(URUTAN)),
                    "catatan",
                )
            )
        elif tabel in berkas:
            masalah.append(Masalah(jalur.name, None, None, f"tabel {tabel} sudah diberikan oleh {berkas[tabel].name}"))
        else:
            berkas[tabel] = jalur
    if not berkas and not masalah:
        masalah.append(Masalah(folder.name, None, None, "folder tidak berisi berkas .csv atau .parquet"))
    return berkas, masalah


def _aturan(
    lembar: Lembar, kolom_berkas: list[tuple[str, str]], nama: str, masalah: list[Masalah]
) -> dict[str, tuple[str, list[tuple[str, str]]]] | None:
    """Map the file's header to the format's columns (as the workbook reader does), and each
    column to its typing SQL (the import rules, aturan.py)."""
    posisi: dict[str, tuple[str, str]] = {}
    for asli, jenis in kolom_berkas:
        kunci = asli.strip().lower().replace(" ", "_")
        if kunci not in lembar.nama_kolom:
            masalah.append(Masalah(nama, 1, asli, f"kolom '{asli}' tidak dikenal.{saran(kunci, lembar.nama_kolom)}"))
        elif kunci in posisi:
            masalah.append(Masalah(nama, 1, asli, f"kolom '{kunci}' muncul dua kali"))
        else:
            posisi[kunci] = (asli, jenis)
    hilang = [k.nama for k in lembar.kolom if k.wajib and k.nama not in posisi]
    for k in hilang:
        masalah.append(Masalah(nama, 1, None, f"kolom wajib '{k}' tidak ada di baris judul"))
    if hilang:
        return None
    sql = {}
    for k in lembar.kolom:
        asli, jenis_sql = posisi.get(k.nama, (None, ""))
        sql[k.nama] = aturan.sql_kolom(k, asli, jenis_sql.split("(")[0] in _JENIS_ANGKA_SQL)
    return sql


def _kabkota(con: duckdb.DuckDBPyConnection, ada: dict[str, str], alias_lama: pd.DataFrame) -> set[str]:
    """The file's agencies' kabupaten/kota by the workbook's rule (aturan_wilayah.tentukan_kabkota);
    returns the agencies whose kabupaten/kota is unknown (reported once, on their Instansi row)."""
    if "instansi" not in ada:
        return set()
    daftar_lama = set(alias_lama["kabupaten"].map(aturan.normal_nama))
    baris = con.execute(
        "SELECT DISTINCT ON (kode) kode, nama, kabupaten, provinsi FROM massal_instansi WHERE kode IS NOT NULL"
    ).df()
    hasil = []
    for r in baris.itertuples():
        kab, galat = (None, None)
        if r.kabupaten:
            kab, galat = aturan_wilayah.tentukan_kabkota(r.kabupaten, r.nama, r.provinsi, daftar_lama)
        hasil.append((r.kode, kab.kode if kab else None, kab.jenis if kab else None, galat))
    rujukan_massal.kabkota_massal(
        con,
        ada["instansi"],
        pd.DataFrame(hasil, columns=["kode", "kabkota_kode", "kabkota_jenis", "galat"], dtype="object"),
    )
    return {kode for kode, *_, galat in hasil if galat}


def _petakan_nama(con: duckdb.DuckDBPyConnection, ada: dict[str, str]) -> None:
    """Kecamatan and desa names by the workbook's own rule (aturan_wilayah.PetaWilayah), applied to
    each distinct (agency, kecamatan, desa) once and joined back in SQL."""
    alias_lama = rujukan_massal.alias_massal(con, "kecamatan_alias" in ada)
    tak_dikenal = _kabkota(con, ada, alias_lama)
    peta = None
    for tabel in ("wilayah", "angka_laporan"):
        if tabel not in ada:
            continue
        peta = peta or aturan_wilayah.PetaWilayah(alias_lama, store.alias_wilayah(con), "berkas kecamatan_alias")
        nama = rujukan_massal.nama_berbeda_massal(con, tabel)
        kabkota: dict[str, aturan_wilayah.Kabkota | None] = {}
        baris = []
        for r in nama.itertuples():
            if r.instansi in tak_dikenal:
                kabkota[r.instansi] = None
            elif r.instansi not in kabkota:
                kode = r.kabkota_kode if isinstance(r.kabkota_kode, str) else None
                resmi = rujukan_wilayah.cari_kabkota(kode)["nama"].iloc[0] if kode else r.kabupaten
                kabkota[r.instansi] = aturan_wilayah.Kabkota(kode, r.kabkota_jenis if kode else None, resmi)
            kec, kode_kec, desa, kode_desa, galat = peta.petakan(
                kabkota[r.instansi], r.kecamatan, r.desa if isinstance(r.desa, str) else None
            )
            baris.append((r.instansi, r.kecamatan, r.desa, kec, kode_kec, desa, kode_desa, None, None))
            baris.extend((r.instansi, r.kecamatan, r.desa, *[None] * 4, k, g) for k, g in galat)
        peta_df = pd.DataFrame(
            baris,
            columns=[
                "instansi",
                "kecamatan",
                "desa",
                "kanonik",
                "kecamatan_kode",
                "desa_baku",
                "desa_kode",
                "kolom",
                "galat",
            ],
            dtype="object",
        )
        rujukan_massal.petakan_massal(con, ada[tabel], tabel, peta_df)


def _sidik(berkas: dict[str, Path]) -> str:
    h = hashlib.sha256()
    for tabel in sorted(berkas):
        with open(berkas[tabel], "rb") as f:
            while blok := f.read(1 << 22):
                h.update(blok)
    return h.hexdigest()


def impor_folder(
    folder: str | Path,
    db: str | Path = store.DB_BAWAAN,
    cetak: Callable[[str], None] = lambda _: None,
    pelaku: Pelaku | None = None,
) -> HasilMassal:
    """Validate every file of `folder`, then write all of them in one transaction, or nothing.
    `pelaku` (the console when None) must be allowed to write every agency-year the files name,
    none of them final."""
    p = jaga.atau_konsol(pelaku)
    folder = Path(folder)
    mulai = time.perf_counter()
    berkas, masalah = temukan_berkas(folder)
    hasil = HasilMassal(folder.name, "ditolak", masalah)
    with store.transaksi_tulis(db) as con:
        store.mulai_massal(con)
        aturan.daftarkan_fungsi(con)
        ada: dict[str, str] = {}
        for tabel in URUTAN:
            if tabel not in berkas:
                continue
            jalur = berkas[tabel]
            try:
                relasi, nomor, kolom = store.baca_massal(con, jalur, f"mentah_{tabel}")
            except duckdb.Error as e:
                masalah.append(Masalah(jalur.name, None, None, f"berkas tidak terbaca: {str(e).splitlines()[0]}"))
                continue
            sql = _aturan(FORMAT[tabel], kolom, jalur.name, masalah)
            if sql is None:
                continue
            store.ketik_massal(con, jalur.name, relasi, nomor, f"massal_{tabel}", sql)
            ada[tabel] = jalur.name
            cetak(f"  dibaca dan diperiksa: {jalur.name} ({format_angka(time.perf_counter() - mulai, 1)} s)")
        rujukan_massal.cek_rujukan_massal(con, ada, tuple(SKALA_BAWAAN))
        _petakan_nama(con, ada)
        if "skala_predikat" in ada:
            # a few rows per scale: the workbook's own check, on the typed rows
            skala: list[Masalah] = []
            validasi.cek_skala(store.baris_massal(con, "skala_predikat"), store.skala_predikat(con), skala)
            for m in skala:
                store.masalah_massal(con, ada["skala_predikat"], m.baris, m.kolom, m.pesan)
        if "wilayah" in ada or "jenis_wilayah" in ada:
            # few distinct kinds: the workbook's own check, on the typed rows
            kosong = pd.DataFrame({"nomor_baris": [], "kode": [], "jenis": []})
            for lembar, baris, kolom, pesan in validasi.cek_jenis(
                rujukan_massal.jenis_asing_massal(con) if "wilayah" in ada else kosong,
                store.baris_massal(con, "jenis_wilayah") if "jenis_wilayah" in ada else kosong,
                store.kode_jenis_wilayah(con),
            ):
                nama = ada["jenis_wilayah" if lembar == "Jenis" else "wilayah"]
                store.masalah_massal(con, nama, baris, kolom, pesan)
        if "anggaran" in ada and "anggaran_triwulan" in ada:
            rujukan_massal.cek_triwulan_ganda_massal(con, ada["anggaran_triwulan"])
        for tabel, nama in ada.items():
            if tabel != "kecamatan_alias":  # alias rows of one kecamatan may repeat its name
                rujukan_massal.cek_ganda_massal(con, nama, f"massal_{tabel}", FORMAT[tabel].kunci)
        jumlah, daftar = store.daftar_masalah_massal(con, BATAS_PESAN)
        hasil.jumlah_masalah = jumlah + sum(m.tingkat == "galat" for m in masalah)
        masalah.extend(Masalah(b, r, k, pesan) for b, r, k, pesan in daftar)
        cakupan = store.cakupan_massal(con, list(ada)) if ada else {}
        if not any(m.tingkat == "galat" for m in masalah):
            alasan = peran.tolak_tulis(p, "impor", cakupan, jaga.status(con))
            masalah.extend(Masalah(folder.name, None, None, a) for a in alasan)
            hasil.jumlah_masalah += len(alasan)
        if not any(m.tingkat == "galat" for m in masalah) and ada:
            hasil.status = "berhasil"
            for tabel in URUTAN:
                if tabel in ada or (tabel == "anggaran_triwulan" and "anggaran" in ada):
                    hasil.perubahan[tabel] = store.tulis_massal(con, tabel, set(ada))
                    cetak(f"  ditulis: {tabel} ({format_angka(time.perf_counter() - mulai, 1)} s)")
        jumlah_baris = {
            "baru": sum(h["baru"] for h in hasil.perubahan.values()),
            "berubah": sum(h["diganti"] for h in hasil.perubahan.values()),
        }
        pesan = json.dumps(
            [
                {"lembar": m.lembar, "baris": m.baris, "kolom": m.kolom, "pesan": m.pesan, "tingkat": m.tingkat}
                for m in masalah
            ],
            ensure_ascii=False,
        )
        hasil.impor_id = store.catat_impor(
            con, f"{folder.name}/ (massal)", _sidik(berkas), hasil.status, jumlah_baris, pesan, None, p.nama, p.alamat
        )
        rincian = f"impor massal #{hasil.impor_id} {folder.name}/: {hasil.status}"
        if hasil.status == "berhasil":
            jaga.catat(con, p, "impor massal", cakupan, rincian)
        else:
            jaga.audit(con, p, "impor massal ditolak", cakupan, rincian)
        cetak(f"  menyimpan: tabel agregat, commit, checkpoint… ({format_angka(time.perf_counter() - mulai, 1)} s)")
    hasil.detik = time.perf_counter() - mulai
    return hasil


def ekspor_folder(db: str | Path, folder: str | Path, format: str = "parquet") -> dict[str, int]:
    """Every table of `db` as one file per table in the bulk format (natural keys, no ids):
    what `impor_folder` reads back, and what any other DuckDB, Spark or pandas client can read."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    con = store.buka(db)
    try:
        return {
            tabel: store.ekspor_massal(con, tabel, FORMAT[tabel].nama_kolom, folder / f"{tabel}.{format}", format)
            for tabel in URUTAN
        }
    finally:
        con.close()
