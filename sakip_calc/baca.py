"""Reading workbooks (.xlsx) and per-sheet CSV files into raw rows, with every problem found.

Nothing here interprets values; it finds the sheets and the header, maps header names to the
format's columns (suggesting the right name for a misspelt one) and hands back raw cells with
their sheet, row and column so that every later message can point at the cell.
"""
from __future__ import annotations

import csv
import difflib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .spesifikasi import LEMBAR, Lembar

UKURAN_MAKS = 50 * 1024 * 1024


@dataclass(frozen=True)
class Masalah:
    """One problem, addressed the way a planner finds it in Excel."""
    lembar: str
    baris: int | None
    kolom: str | None
    pesan: str
    tingkat: str = "galat"          # "galat" blocks the import; "catatan" informs

    def __str__(self) -> str:
        tempat = [f"lembar '{self.lembar}'"] if self.lembar else []
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom '{self.kolom}'")
        awalan = "GALAT" if self.tingkat == "galat" else "CATATAN"
        return f"{awalan} {', '.join(tempat)}: {self.pesan}"


@dataclass
class LembarMentah:
    lembar: Lembar
    posisi: dict[str, int]                           # column name -> 0-based position in the row
    baris: list[tuple[int, dict[str, object]]] = field(default_factory=list)


@dataclass
class BacaanBerkas:
    nama_file: str
    lembar: dict[str, LembarMentah] = field(default_factory=dict)
    masalah: list[Masalah] = field(default_factory=list)


def saran(nama: str, pilihan: list[str] | tuple[str, ...], n: int = 3) -> str:
    """' Mungkin maksud Anda: a, b?' for the closest known names, or ''."""
    mirip = difflib.get_close_matches(nama.lower(), [p.lower() for p in pilihan], n=n, cutoff=0.5)
    asli = {p.lower(): p for p in pilihan}
    return f" Mungkin maksud Anda: {', '.join(asli[m] for m in mirip)}?" if mirip else ""


def baca_berkas(jalur: str | Path, isi: bytes | None = None, nama_file: str | None = None) -> BacaanBerkas:
    """Read one .xlsx file or one per-sheet .csv file (named after its sheet, e.g. Capaian.csv)."""
    jalur = Path(jalur)
    nama_file = nama_file or jalur.name
    hasil = BacaanBerkas(nama_file)
    if isi is None:
        try:
            isi = jalur.read_bytes()
        except OSError as e:
            hasil.masalah.append(Masalah("", None, None, f"berkas tidak dapat dibuka: {e.strerror}"))
            return hasil
    if len(isi) > UKURAN_MAKS:
        hasil.masalah.append(Masalah("", None, None, f"berkas {len(isi) / 1e6:.1f} MB melebihi batas {UKURAN_MAKS // 2**20} MB"))
        return hasil
    akhiran = Path(nama_file).suffix.lower()
    if akhiran == ".csv":
        _baca_csv(isi, nama_file, hasil)
    elif akhiran == ".xlsx":
        _baca_xlsx(isi, hasil)
    else:
        hasil.masalah.append(Masalah("", None, None, f"jenis berkas '{akhiran or nama_file}' tidak didukung; gunakan .xlsx atau .csv per lembar"))
    return hasil


def _baca_xlsx(isi: bytes, hasil: BacaanBerkas) -> None:
    if not zipfile.is_zipfile(io.BytesIO(isi)):
        hasil.masalah.append(Masalah("", None, None, "berkas bukan buku kerja .xlsx yang sah (bukan arsip zip; mungkin .xls lama, PDF, atau rusak)"))
        return
    try:
        wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many types for broken files
        hasil.masalah.append(Masalah("", None, None, f"buku kerja tidak dapat dibaca: {type(e).__name__}"))
        return
    try:
        dikenal = {l.nama.lower(): l for l in LEMBAR}
        for ws in wb.worksheets:
            lembar = dikenal.get(ws.title.strip().lower())
            if lembar is None:
                continue
            baris_iter = ws.iter_rows(values_only=True)
            header = next(baris_iter, None)
            mentah = _petakan_header(lembar, list(header or []), hasil)
            if mentah is None:
                continue
            for nomor, nilai in enumerate(baris_iter, start=2):
                _tambah_baris(mentah, nomor, nilai)
            hasil.lembar[lembar.nama] = mentah
    finally:
        wb.close()
    if not hasil.lembar and not hasil.masalah:
        hasil.masalah.append(Masalah("", None, None, "tidak ada lembar yang dikenal; nama lembar yang diharapkan: "
                                     + ", ".join(l.nama for l in LEMBAR)))


def _baca_csv(isi: bytes, nama_file: str, hasil: BacaanBerkas) -> None:
    batang = Path(nama_file).stem
    lembar = next((l for l in LEMBAR if batang.lower() == l.nama.lower() or batang.lower().endswith("_" + l.nama.lower())), None)
    if lembar is None:
        hasil.masalah.append(Masalah("", None, None, f"nama berkas CSV '{nama_file}' harus nama lembar, mis. Capaian.csv; "
                                     "lembar: " + ", ".join(l.nama for l in LEMBAR) + "." + saran(batang, [l.nama for l in LEMBAR])))
        return
    for kodek in ("utf-8-sig", "cp1252"):
        try:
            teks = isi.decode(kodek)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialek = csv.Sniffer().sniff(teks[:4096], delimiters=";,\t")
        pemisah = dialek.delimiter
    except csv.Error:
        pemisah = ";" if teks.split("\n", 1)[0].count(";") > teks.split("\n", 1)[0].count(",") else ","
    pembaca = csv.reader(io.StringIO(teks), delimiter=pemisah)
    header = next(pembaca, None)
    mentah = _petakan_header(lembar, list(header or []), hasil)
    if mentah is None:
        return
    for nomor, nilai in enumerate(pembaca, start=2):
        _tambah_baris(mentah, nomor, [v if v.strip() else None for v in nilai])
    hasil.lembar[lembar.nama] = mentah


def _petakan_header(lembar: Lembar, header: list[object], hasil: BacaanBerkas) -> LembarMentah | None:
    nama_kolom = lembar.nama_kolom
    posisi: dict[str, int] = {}
    for i, sel in enumerate(header):
        if sel is None or str(sel).strip() == "":
            continue
        nama = str(sel).strip().lower().replace(" ", "_")
        huruf = get_column_letter(i + 1)
        if nama not in nama_kolom:
            hasil.masalah.append(Masalah(lembar.nama, 1, huruf, f"kolom '{sel}' tidak dikenal.{saran(nama, nama_kolom)}"))
        elif nama in posisi:
            hasil.masalah.append(Masalah(lembar.nama, 1, huruf, f"kolom '{nama}' muncul dua kali (juga di kolom {get_column_letter(posisi[nama] + 1)})"))
        else:
            posisi[nama] = i
    hilang = [k.nama for k in lembar.kolom if k.wajib and k.nama not in posisi]
    for nama in hilang:
        hasil.masalah.append(Masalah(lembar.nama, 1, None, f"kolom wajib '{nama}' tidak ada di baris judul"))
    if hilang:
        return None
    return LembarMentah(lembar, posisi)


def _tambah_baris(mentah: LembarMentah, nomor: int, nilai) -> None:
    nilai = list(nilai or [])
    if all(v is None or (isinstance(v, str) and not v.strip()) for v in nilai):
        return
    mentah.baris.append((nomor, {k: (nilai[i] if i < len(nilai) else None) for k, i in mentah.posisi.items()}))
