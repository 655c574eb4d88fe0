"""Reading workbooks (.xlsx) and per-sheet CSV files into raw rows, with every problem found.

Nothing here interprets values; it finds the sheets and the header, maps header names to the
format's columns (suggesting the right name for a misspelt one) and hands back raw cells with
their sheet, row and column so that every later message can point at the cell.

Uploaded files are hostile until proven otherwise: the container is identified by its bytes, not
its name, and zip bombs are refused from the declared sizes before anything is inflated (wadah.py);
XML with entity declarations is refused (openpyxl parses worksheets with defusedxml), and cells a
planner cannot see in Excel's grid the way the importer reads them (formulas without a stored
value, error values, merged cells, hidden sheets) are errors rather than silently empty data.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from defusedxml.ElementTree import iterparse
from openpyxl import load_workbook
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries

from sakip_calc.domain.spesifikasi import LEMBAR, Lembar
from sakip_calc.ingest.wadah import _arsip_salah, _sebab, _teks_csv, _wadah_salah

# The upload cap; .streamlit/config.toml sets server.maxUploadSize to the same number of MB.
UKURAN_MAKS = 20 * 1024 * 1024
BARIS_MAKS = 200_000  # data rows per sheet

# fmt: off
GALAT_EXCEL = frozenset(ERROR_CODES) | {"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!",
                                        "#GETTING_DATA"}
# fmt: on
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TEKS_FORMAT = re.compile(r'"[^"]*"|\\.')  # a quoted or escaped '%' in a number format is only shown


@dataclass(frozen=True)
class Masalah:
    """One problem, addressed the way a planner finds it in Excel."""

    lembar: str
    baris: int | None
    kolom: str | None
    pesan: str
    tingkat: str = "galat"  # "galat" blocks the import; "catatan" informs

    def __str__(self) -> str:
        tempat = [f"lembar '{self.lembar}'"] if self.lembar else []
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom '{self.kolom}'")
        awalan = "GALAT" if self.tingkat == "galat" else "CATATAN"
        return _CONTROL.sub("?", " ".join([awalan, *([", ".join(tempat)] if tempat else [])]) + f": {self.pesan}")


@dataclass(frozen=True)
class SelRusak:
    """A cell whose content cannot be read as data (error value, formula without stored value).
    The typing step reports it at its sheet, row and column."""

    pesan: str


@dataclass
class LembarMentah:
    lembar: Lembar
    posisi: dict[str, int]  # column name -> 0-based position in the row
    baris: list[tuple[int, dict[str, object]]] = field(default_factory=list)


@dataclass
class BacaanBerkas:
    nama_file: str
    lembar: dict[str, LembarMentah] = field(default_factory=dict)
    masalah: list[Masalah] = field(default_factory=list)

    def galat(self, pesan: str) -> None:
        self.masalah.append(Masalah("", None, None, pesan))


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
            hasil.galat(f"berkas tidak dapat dibuka: {e.strerror}")
            return hasil
    if len(isi) > UKURAN_MAKS:
        hasil.galat(
            f"berkas lebih besar dari batas {UKURAN_MAKS // 2**20} MB; "
            "pecah menjadi beberapa berkas, mis. satu berkas per instansi atau per lembar"
        )
        return hasil
    if not isi:
        hasil.galat("berkas kosong (0 bait)")
        return hasil
    akhiran = Path(nama_file).suffix.lower()
    if baca := PEMBACA.get(akhiran):
        baca(isi, nama_file, hasil)
    else:
        hasil.galat(DITOLAK.get(akhiran) or f"jenis berkas '{akhiran or nama_file}' tidak didukung; {_PAKAI}")
    return hasil


# ---- .xlsx --------------------------------------------------------------------------------


def _baca_xlsx(isi: bytes, nama_file: str, hasil: BacaanBerkas) -> None:
    pesan = _wadah_salah(isi)
    if pesan:
        hasil.galat(pesan)
        return
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as zf:
            pesan = _arsip_salah(zf)
            if pesan:
                hasil.galat(pesan)
                return
            wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
            try:
                bentuk = next((b for kenali, b in BENTUK_XLSX if kenali(wb)), None)
                bentuk(wb, zf, nama_file, hasil) if bentuk else _baca_lembar_xlsx(wb, zf, hasil)
            finally:
                wb.close()
    except Exception as e:  # openpyxl and zipfile raise many types for broken files
        hasil.lembar.clear()
        hasil.galat(_sebab(e))
        return
    if not hasil.lembar and not any(m.tingkat == "galat" for m in hasil.masalah):
        hasil.galat("tidak ada lembar yang dikenal; nama lembar yang diharapkan: " + ", ".join(l.nama for l in LEMBAR))


def _baca_lembar_xlsx(wb, zf: zipfile.ZipFile, hasil: BacaanBerkas) -> None:
    dikenal = {l.nama.lower(): l for l in LEMBAR}
    judul = [ws.title.strip() for ws in wb.worksheets]
    for ws in wb.worksheets:
        nama = ws.title.strip()
        lembar = dikenal.get(nama.lower())
        if lembar is None:
            if not any(f(nama, [list(b) for b in ws.values], hasil.nama_file, hasil) for f in FORMAT_LAIN):
                _lembar_asing(nama, judul, hasil)
            continue
        if ws.sheet_state != "visible":
            hasil.masalah.append(
                Masalah(
                    lembar.nama,
                    None,
                    None,
                    "lembar ini tersembunyi; isi lembar tersembunyi tidak diimpor "
                    "agar tidak ada data yang tak terlihat. Tampilkan lembarnya (klik kanan tab > Tampilkan) "
                    "bila isinya memang harus diimpor, atau hapus lembarnya",
                )
            )
            continue
        rumus, gabung = _pindai_xml(zf, ws._worksheet_path)  # read-only sheets expose neither
        ws.reset_dimensions()  # some writers store a wrong used range; read every row there is
        baris_iter = ws.iter_rows()
        header = next(baris_iter, None)
        if header is None or all(c.value is None for c in header):
            hasil.masalah.append(
                Masalah(lembar.nama, None, None, "lembar kosong (tanpa baris judul); diabaikan", "catatan")
            )
            continue
        mentah = _petakan_header(lembar, [c.value for c in header], hasil)
        if mentah is None:
            continue
        for ref in gabung:
            _lapor_gabung(mentah, ref, hasil)
        for nomor, sel in enumerate(baris_iter, start=2):
            if nomor - 1 > BARIS_MAKS:
                hasil.masalah.append(_terlalu_panjang(lembar, nomor))
                break
            _tambah_baris(mentah, nomor, [_nilai_sel(c, nomor, i + 1, rumus) for i, c in enumerate(sel)])
        hasil.lembar[lembar.nama] = mentah


def _lembar_asing(nama: str, judul: list[str], hasil: BacaanBerkas) -> None:
    """A sheet that is not part of the format. One that looks like a known sheet missing from
    the workbook is a misnamed sheet whose data would otherwise be silently left out."""
    if nama.lower() == "petunjuk":
        return
    ada = {j.lower() for j in judul}
    hilang = [l.nama for l in LEMBAR if l.nama.lower() not in ada]
    polos = re.sub(r"[^a-z]", "", nama.lower())
    mirip = [h for h in hilang if h.lower() in polos or difflib.SequenceMatcher(None, polos, h.lower()).ratio() >= 0.75]
    if mirip:
        hasil.masalah.append(
            Masalah(
                nama,
                None,
                None,
                f"lembar '{nama}' tidak dikenal, padahal lembar '{mirip[0]}' tidak ada; "
                f"ganti nama lembar menjadi '{mirip[0]}' agar datanya ikut diimpor",
            )
        )
    else:
        hasil.masalah.append(Masalah(nama, None, None, "lembar ini bukan bagian format templat; diabaikan", "catatan"))


def _pindai_xml(zf: zipfile.ZipFile, jalur: str) -> tuple[dict[tuple[int, int], str], list[str]]:
    """Formulas without a stored value ((row, column) -> formula) and merged ranges of one sheet."""
    rumus: dict[tuple[int, int], str] = {}
    gabung: list[str] = []
    with zf.open(jalur.lstrip("/")) as f:
        for _, el in iterparse(f, events=("end",)):
            if el.tag == _NS + "c":
                f_el, v_el = el.find(_NS + "f"), el.find(_NS + "v")
                if f_el is not None and (v_el is None or v_el.text is None) and el.get("r"):
                    huruf, baris = coordinate_from_string(el.get("r"))
                    rumus[(baris, column_index_from_string(huruf))] = f_el.text or "(rumus bersama)"
            elif el.tag == _NS + "row":
                el.clear()
            elif el.tag == _NS + "mergeCell" and el.get("ref"):
                gabung.append(el.get("ref"))
    return rumus, gabung


def _nilai_sel(sel, nomor: int, kolom: int, rumus: dict) -> object:
    nilai = getattr(sel, "value", None)
    if type(nilai) in (int, float) and "%" in _TEKS_FORMAT.sub("", getattr(sel, "number_format", None) or ""):
        return float(Decimal(repr(nilai)) * 100)  # shown 9,71 % though stored 0,0971: read as shown
    if getattr(sel, "data_type", None) == "e" or (isinstance(nilai, str) and nilai.strip() in GALAT_EXCEL):
        return _galat_excel(str(nilai))
    if nilai is None and (nomor, kolom) in rumus:
        return SelRusak(
            f"sel berisi rumus '={rumus[(nomor, kolom)]}' tanpa nilai tersimpan (berkas dibuat program lain "
            "atau belum dihitung); buka dan simpan ulang di Excel, atau salin lalu tempel sebagai nilai"
        )
    return nilai


def _galat_excel(kode: str) -> SelRusak:
    return SelRusak(
        f"sel berisi galat Excel '{kode.strip()}' (biasanya rumus dengan rujukan yang terhapus atau data "
        "yang tidak ditemukan); ganti dengan angka/teks yang benar atau kosongkan"
    )


def _lapor_gabung(mentah: LembarMentah, ref: str, hasil: BacaanBerkas) -> None:
    kiri, atas, kanan, _ = range_boundaries(ref)
    nama = {i + 1: k for k, i in mentah.posisi.items()}
    kolom = next((nama[i] for i in range(kiri, kanan + 1) if i in nama), get_column_letter(kiri))
    hasil.masalah.append(
        Masalah(
            mentah.lembar.nama,
            atas,
            kolom,
            f"sel digabung (merge) {ref}: hanya sel kiri atasnya yang "
            "berisi nilai, sel lain terbaca kosong. Pisahkan gabungan (Merge & Center > Unmerge) "
            "lalu isi setiap baris",
        )
    )


# ---- .csv ---------------------------------------------------------------------------------


def _pemisah(teks: str) -> str:
    """The separator from the header line: column names never contain one (Indonesian Excel
    writes ';', most other tools ',')."""
    baris = next((b for b in teks.splitlines() if b.strip()), "")
    return max((";", ",", "\t"), key=baris.count) if any(p in baris for p in ";,\t") else ","


def _baca_csv(isi: bytes, nama_file: str, hasil: BacaanBerkas) -> None:
    batang = Path(nama_file).stem
    lembar = next(
        (l for l in LEMBAR if batang.lower() == l.nama.lower() or batang.lower().endswith("_" + l.nama.lower())), None
    )
    teks, pesan = _teks_csv(isi)
    if lembar is None and teks and any(f(batang, _baris_csv(teks), nama_file, hasil) for f in FORMAT_LAIN):
        return
    if lembar is None:
        hasil.galat(
            f"nama berkas CSV '{nama_file}' harus nama lembar, mis. Capaian.csv; "
            "lembar: " + ", ".join(l.nama for l in LEMBAR) + "." + saran(batang, [l.nama for l in LEMBAR])
        )
        return
    if pesan:
        hasil.galat(pesan)
        return
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=_pemisah(teks))
    try:
        header = next(pembaca, None)
        mentah = _petakan_header(lembar, list(header or []), hasil)
        if mentah is None:
            return
        for nomor, nilai in enumerate(pembaca, start=2):
            if nomor - 1 > BARIS_MAKS:
                hasil.masalah.append(_terlalu_panjang(lembar, nomor))
                break
            _tambah_baris(mentah, nomor, [_nilai_csv(v) for v in nilai])
    except csv.Error as e:
        hasil.masalah.append(Masalah(lembar.nama, pembaca.line_num, None, f"CSV tidak terbaca: {e}"))
        return
    hasil.lembar[lembar.nama] = mentah


def _baris_csv(teks: str) -> list[list]:
    return [[_nilai_csv(v) for v in b] for b in csv.reader(io.StringIO(teks, newline=""), delimiter=_pemisah(teks))]


def _nilai_csv(v: str) -> object:
    if not v.strip():
        return None
    return _galat_excel(v) if v.strip() in GALAT_EXCEL else v


# ---- header and rows ----------------------------------------------------------------------


def _terlalu_panjang(lembar: Lembar, nomor: int) -> Masalah:
    return Masalah(lembar.nama, nomor, None, f"lebih dari {BARIS_MAKS:,} baris data; pecah berkasnya".replace(",", "."))


def _petakan_header(lembar: Lembar, header: list[object], hasil: BacaanBerkas) -> LembarMentah | None:
    nama_kolom = lembar.nama_kolom
    posisi: dict[str, int] = {}
    for i, sel in enumerate(header):
        if sel is None or str(sel).strip() == "":
            continue
        nama = str(sel).strip().lower().replace(" ", "_")
        huruf = get_column_letter(i + 1)
        if nama not in nama_kolom:
            hasil.masalah.append(
                Masalah(lembar.nama, 1, huruf, f"kolom '{sel}' tidak dikenal.{saran(nama, nama_kolom)}")
            )
        elif nama in posisi:
            hasil.masalah.append(
                Masalah(
                    lembar.nama,
                    1,
                    huruf,
                    f"kolom '{nama}' muncul dua kali (juga di kolom {get_column_letter(posisi[nama] + 1)})",
                )
            )
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


# Readers by file ending: each fills `hasil` with the template's sheets it finds. A new import
# format is one entry here plus its test; an ending it refuses says what to do instead.
# Registered by their modules too: ingest/geojson.py (.geojson/.json boundaries, see ingest/__init__).
PEMBACA: dict[str, Callable[[bytes, str, BacaanBerkas], None]] = {".xlsx": _baca_xlsx, ".csv": _baca_csv}
# Layouts other than the template inside those files (a sheet or CSV the template does not name),
# recognised by their header: f(sheet name, rows with the header first, file name, hasil) fills
# template sheets and returns True. Registered by their modules: ingest/dtsen.py (DTSEN desil).
FORMAT_LAIN: list[Callable[[str, list[list], str, BacaanBerkas], bool]] = []
_MAKRO = (
    "buku kerja bermakro (.xlsm) tidak diterima: makro bisa berbahaya dan tidak dibutuhkan. "
    "Di Excel pilih Simpan Sebagai > Buku Kerja Excel (.xlsx)"
)
_PAKAI = "gunakan .xlsx atau .csv per lembar"
BENTUK_XLSX: list[tuple[Callable, Callable[..., None]]] = []  # other .xlsx layouts, known by content
DITOLAK = {".xlsm": _MAKRO, ".xltm": _MAKRO} | {
    a: f"format {a} tidak didukung; buka di Excel/LibreOffice lalu Simpan Sebagai > Buku Kerja Excel (.xlsx)"
    for a in (".xls", ".ods", ".xlsb")
}

from sakip_calc.ingest import renja  # noqa: E402, F401  (the Evaluasi Renja form registers in BENTUK_XLSX)
