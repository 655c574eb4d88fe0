"""What the bytes of an uploaded workbook really are, judged before anything is parsed.

The container is identified by its bytes, not its name (an .xls, a PDF, an HTML page or an
encrypted workbook renamed .xlsx); zip bombs are refused from the sizes the archive declares,
before anything is inflated; a failure while parsing is explained in the user's words. This
module must not read cells or sheets (baca.py does).
"""

from __future__ import annotations

import codecs
import io
import struct
import zipfile
import zlib

from defusedxml import DefusedXmlException

# Limits on what an .xlsx may declare it inflates to, checked before anything is inflated. Real
# workbooks compress their XML 3-20 times (data/*.xlsx); a part inflating 100 times beyond 1 MiB
# is a zip bomb, as is anything past 200 MiB in all.
TERURAI_MAKS = 200 * 1024 * 1024
RASIO_MAKS = 100
BAGIAN_MAKS = 2000
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, .doc, encrypted OOXML


def format_mb(n: int) -> str:
    return f"{n / 2**20:.1f}".replace(".", ",") + " MB"


def _nama_aliran_cfb(isi: bytes) -> set[str]:
    """Stream names in an OLE compound file's directory (enough to tell .xls from an encrypted
    workbook); an empty set when the directory cannot be followed."""
    try:
        ukuran = 1 << struct.unpack_from("<H", isi, 0x1E)[0]
        jumlah_fat, sektor_dir = struct.unpack_from("<I", isi, 0x2C)[0], struct.unpack_from("<I", isi, 0x30)[0]
        fat_sektor = struct.unpack_from("<109I", isi, 0x4C)[: min(jumlah_fat, 109)]
        fat = []
        for s in fat_sektor:
            awal = (s + 1) * ukuran
            fat.extend(struct.unpack_from(f"<{ukuran // 4}I", isi, awal))
        nama, dilihat = set(), set()
        while sektor_dir < 0xFFFFFFFA and sektor_dir not in dilihat and len(dilihat) < 1000:
            dilihat.add(sektor_dir)
            awal = (sektor_dir + 1) * ukuran
            for e in range(awal, awal + ukuran, 128):
                panjang = struct.unpack_from("<H", isi, e + 64)[0]
                if 2 <= panjang <= 64:
                    nama.add(isi[e : e + panjang - 2].decode("utf-16-le", "replace"))
            sektor_dir = fat[sektor_dir]
        return nama
    except (struct.error, IndexError):
        return set()


def _wadah_salah(isi: bytes) -> str | None:
    """Why these bytes are not an .xlsx (a zip), or None when they are a zip."""
    if isi.startswith(_CFB):
        aliran = _nama_aliran_cfb(isi)
        if {"EncryptionInfo", "EncryptedPackage"} & aliran:
            return (
                "buku kerja dilindungi kata sandi (terenkripsi) sehingga isinya tidak dapat dibaca. Di Excel buka "
                "File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan kata sandinya, lalu "
                "simpan lagi"
            )
        if {"Workbook", "Book"} & aliran:
            return (
                "berkas ini buku kerja Excel 97-2003 (.xls) yang diberi nama .xlsx; buka di Excel lalu "
                "Simpan Sebagai > Buku Kerja Excel (.xlsx)"
            )
        return "berkas ini dokumen Office lama (format OLE), bukan buku kerja .xlsx"
    if isi.startswith(b"%PDF"):
        return "berkas ini PDF, bukan buku kerja; salin tabelnya ke templat .xlsx (unduh templat di halaman Impor)"
    if zipfile.is_zipfile(io.BytesIO(isi)):
        return None
    if isi.startswith(b"PK"):
        return "arsip .xlsx rusak atau terpotong (mungkin unggahan/unduhan tidak selesai); simpan ulang dari Excel"
    awal = isi[:4096]
    if b"\x00" not in awal and awal.lstrip().lower().startswith((b"<html", b"<!doctype html", b"<table")):
        return "berkas ini halaman HTML yang diberi nama .xlsx (ekspor web); buka di Excel lalu Simpan Sebagai .xlsx"
    if b"\x00" not in awal:
        return (
            "berkas ini teks (mungkin CSV) yang diberi nama .xlsx; beri akhiran .csv dengan nama lembarnya, "
            "mis. Capaian.csv, atau simpan sebagai .xlsx dari Excel"
        )
    return "berkas bukan buku kerja .xlsx (bukan arsip zip); gunakan templat .xlsx"


def _arsip_salah(zf: zipfile.ZipFile) -> str | None:
    """Refuse an archive from its directory alone: nothing has been inflated yet."""
    bagian = zf.infolist()
    if len(bagian) > BAGIAN_MAKS:
        return f"arsip berisi {len(bagian)} bagian (batas {BAGIAN_MAKS}); ini bukan buku kerja biasa"
    total = sum(b.file_size for b in bagian)
    if total > TERURAI_MAKS:
        return (
            f"arsip mengaku berisi {format_mb(total)} setelah diurai (batas {TERURAI_MAKS // 2**20} MB); "
            "ditolak sebelum diurai karena ini ciri bom zip"
        )
    for b in bagian:
        if b.file_size > 2**20 and b.file_size > RASIO_MAKS * max(b.compress_size, 1):
            return (
                f"bagian '{b.filename}' mengembang {b.file_size // max(b.compress_size, 1)} kali "
                f"({format_mb(b.compress_size)} menjadi {format_mb(b.file_size)}); ditolak sebelum diurai karena "
                "ini ciri bom zip"
            )
    if any(b.flag_bits & 0x1 for b in bagian):
        return "arsip zip dilindungi kata sandi; simpan buku kerja tanpa kata sandi"
    nama = {b.filename for b in bagian}
    if any(n.lower().endswith("vbaproject.bin") for n in nama):
        return (
            "buku kerja berisi makro (VBA) walau bernama .xlsx; makro tidak diterima. "
            "Di Excel pilih Simpan Sebagai > Buku Kerja Excel (.xlsx) agar makronya dibuang"
        )
    if "xl/workbook.bin" in nama:
        return "berkas ini buku kerja biner (.xlsb); simpan sebagai Buku Kerja Excel (.xlsx)"
    if "xl/workbook.xml" not in nama:
        jenis = (
            "dokumen Word"
            if "word/document.xml" in nama
            else "presentasi PowerPoint"
            if "ppt/presentation.xml" in nama
            else "arsip zip"
        )
        return f"berkas ini {jenis}, bukan buku kerja Excel (.xlsx)"
    for b in bagian:
        if b.filename.endswith((".xml", ".rels", ".vml")) and b.file_size:
            with zf.open(b) as f:
                awal = f.read(65536)
            if b"<!DOCTYPE" in awal or b"<!ENTITY" in awal:
                return _PESAN_DTD + f" (bagian '{b.filename}')"
    return None


_PESAN_DTD = (
    "buku kerja berisi deklarasi DTD/entitas XML yang tidak pernah ditulis Excel (pola serangan "
    "'billion laughs'); ditolak tanpa diurai. Simpan ulang dari Excel"
)


def _sebab(e: BaseException) -> str:
    """A planner's reading of an exception from inside openpyxl or zipfile."""
    rantai = []
    while e is not None and len(rantai) < 10:
        rantai.append(e)
        e = e.__cause__ or e.__context__
    if any(isinstance(x, DefusedXmlException) for x in rantai):
        return _PESAN_DTD
    if any(isinstance(x, (zipfile.BadZipFile, zlib.error, EOFError)) for x in rantai):
        return "isi arsip .xlsx rusak (data terkompresi tidak utuh); simpan ulang dari Excel"
    return f"buku kerja tidak dapat dibaca ({type(rantai[0]).__name__}); simpan ulang dari Excel sebagai .xlsx"


def _teks_csv(isi: bytes) -> tuple[str | None, str | None]:
    """Decoded text, or why the bytes are not a CSV file."""
    if isi.startswith((b"PK", _CFB)):
        return (
            None,
            "berkas ini buku kerja Excel yang diberi nama .csv; beri akhiran .xlsx, atau simpan sebagai CSV dari Excel",
        )
    if isi.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return isi.decode("utf-16"), None  # Excel's "Unicode Text"
    if b"\x00" in isi[:4096]:
        return None, "berkas bukan teks CSV (berisi bait biner)"
    for kodek in ("utf-8-sig", "cp1252", "latin-1"):  # latin-1 decodes anything
        try:
            return isi.decode(kodek), None
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")
