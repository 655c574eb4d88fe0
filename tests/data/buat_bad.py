"""The binary half of the bad-input corpus (tests/data/bad/ holds the text half: CSV files).

Workbooks are built here rather than committed: a binary diff cannot be reviewed, and each case
below is one small, named change to one valid workbook (`buku_dasar`), so what each file tests
is readable. Run `python tests/data/buat_bad.py [FOLDER]` to look at the files in Excel
(default tests/data/bad/_dibuat/, ignored by git); the tests build them in a temporary folder.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

AKAR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(AKAR))

from sakip_calc.domain.spesifikasi import LEMBAR_BERNAMA  # noqa: E402
from sakip_calc.ingest.baca import UKURAN_MAKS  # noqa: E402

# One valid import for a new agency (kabupaten Tegal, whose kecamatan are known). Row 1 is the
# header, so the first data row of every sheet is row 2.
DASAR = {
    "Instansi": [
        {
            "kode": "dinsos-uji",
            "nama": "Dinas Sosial Kabupaten Uji",
            "kabupaten": "Kab. Tegal",
            "provinsi": "Jawa Tengah",
            "skala_predikat": "permenpan",
            "batas_capaian": 100,
        },
    ],
    "Indikator": [
        {
            "instansi": "dinsos-uji",
            "kode": "IKU-01",
            "nama": "Persentase PPKS yang tertangani",
            "tingkat": "sasaran",
            "sasaran": "Meningkatnya penanganan PPKS",
            "program_kode": "1.06.04",
            "satuan": "%",
            "polaritas": "naik",
            "kondisi_awal": 50,
            "target_akhir": 80,
            "periode_awal": 2021,
            "periode_akhir": 2026,
            "agregasi_triwulan": "akhir",
        },
        {
            "instansi": "dinsos-uji",
            "kode": "IKU-02",
            "nama": "Persentase PMKS terlantar",
            "tingkat": "sasaran",
            "sasaran": "Menurunnya PMKS terlantar",
            "satuan": "%",
            "polaritas": "turun",
        },
    ],
    "Capaian": [
        {
            "instansi": "dinsos-uji",
            "indikator_kode": "IKU-01",
            "tahun": 2023,
            "target": 70,
            "realisasi": 68.5,
            "capaian_dilaporkan": 97.86,
            "sumber": "uji",
        },
        {
            "instansi": "dinsos-uji",
            "indikator_kode": "IKU-01",
            "tahun": 2023,
            "triwulan": 1,
            "target": 60,
            "realisasi": 55,
        },
        {"instansi": "dinsos-uji", "indikator_kode": "IKU-02", "tahun": 2023, "target": 10, "realisasi": 9},
    ],
    "Anggaran": [
        {
            "instansi": "dinsos-uji",
            "tahun": 2023,
            "kode": "1.06.04",
            "tingkat": "program",
            "nama": "Program Perlindungan dan Jaminan Sosial",
            "pagu": 1_000_000_000,
            "realisasi": 950_000_000,
            "serapan_dilaporkan": 95,
        },
        {
            "instansi": "dinsos-uji",
            "tahun": 2023,
            "kode": "1.06.04.2.01",
            "tingkat": "kegiatan",
            "nama": "Pengelolaan Data Fakir Miskin",
            "induk_kode": "1.06.04",
            "pagu": 400_000_000,
            "realisasi": 390_000_000,
            "realisasi_tw1": 100_000_000,
        },
    ],
    "Wilayah": [
        {"instansi": "dinsos-uji", "tahun": 2023, "kecamatan": "MARGASARI", "jenis": "BDT", "nilai": 49_362},
        {"instansi": "dinsos-uji", "tahun": 2023, "kecamatan": "BUMIJAWA", "jenis": "PKH", "nilai": 1_200},
        {"instansi": "dinsos-uji", "tahun": 2023, "jenis": "PSKS_TKSK", "nilai": 18},
    ],
}


def buku_dasar(isi: dict[str, list[dict]] = DASAR) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    for nama, baris in isi.items():
        ws = wb.create_sheet(nama)
        kolom = LEMBAR_BERNAMA[nama].nama_kolom
        ws.append(list(kolom))
        for b in baris:
            ws.append([b.get(k) for k in kolom])
    return wb


def sel(wb: Workbook, lembar: str, baris: int, kolom: str):
    ws = wb[lembar]
    header = [c.value for c in ws[1]]
    return ws.cell(row=baris, column=header.index(kolom) + 1)


def bait(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def ganti_bagian(
    isi: bytes, ganti: dict[str, bytes], tambah: dict[str, bytes] | None = None, simpan: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """A copy of an .xlsx with some parts replaced or added."""
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as zin, zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, ganti.get(info.filename, zin.read(info.filename)))
        for nama, data in (tambah or {}).items():
            zout.writestr(zipfile.ZipInfo(nama), data, compress_type=simpan)
    return keluar.getvalue()


def jalur_lembar(isi: bytes, nama: str) -> str:
    wb = load_workbook(io.BytesIO(isi), read_only=True)
    return wb[nama]._worksheet_path.lstrip("/")


# ---- containers that are not .xlsx ---------------------------------------------------------


def cfb(aliran: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (v3, 512-byte sectors) holding the given streams; each stream
    is padded to 4096 bytes so it lives in regular sectors. This is the container of .xls files
    and of password-encrypted OOXML workbooks (streams EncryptionInfo, EncryptedPackage)."""
    assert 1 <= len(aliran) <= 3
    akhir, fatsect, bebas = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    data = [d.ljust(4096, b"\0") for d in aliran.values()]
    fat = [fatsect, akhir]  # sector 0: FAT, sector 1: directory
    awal = []
    for d in data:
        awal.append(len(fat))
        n = len(d) // 512
        fat += [len(fat) + i + 1 for i in range(n - 1)] + [akhir]
    fat += [bebas] * (128 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, akhir, 0, akhir, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", bebas) * 108
    )

    def entri(nama: str, jenis: int, kanan: int, anak: int, sektor: int, ukuran: int) -> bytes:
        n = nama.encode("utf-16-le") + b"\0\0"
        return (
            n.ljust(64, b"\0")
            + struct.pack("<HBB", len(n), jenis, 1)
            + struct.pack("<III", bebas, kanan, anak)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", sektor, ukuran)
        )

    nama = list(aliran)
    direktori = entri("Root Entry", 5, bebas, 1, akhir, 0)
    for i, (n, s) in enumerate(zip(nama, awal), start=1):
        direktori += entri(n, 2, i + 1 if i < len(nama) else bebas, bebas, s, len(aliran[n]))
    direktori = direktori.ljust(512, b"\0")
    return header + struct.pack("<128I", *fat) + direktori + b"".join(data)


def xls_lama() -> bytes:
    # a BIFF8 BOF record at the start of the Workbook stream, as Excel 97-2003 writes it
    return cfb({"Workbook": struct.pack("<HHHHHHI", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0) + b"\0" * 4})


def terenkripsi() -> bytes:
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption/>'
    return cfb({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 9000) + bytes(range(256)) * 8})


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# ---- zip bombs and XML attacks --------------------------------------------------------------


def bom_ukuran_palsu(isi: bytes, bagian: str) -> bytes:
    """Declare 4 GB for one part in the central directory and local header (nothing else changes)."""
    data = bytearray(isi)
    nama = bagian.encode()
    for tanda, posisi in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        i = data.find(tanda)
        while i >= 0:
            panjang_nama = struct.unpack_from("<H", data, i + (28 if tanda == b"PK\x01\x02" else 26))[0]
            awal_nama = i + (46 if tanda == b"PK\x01\x02" else 30)
            if bytes(data[awal_nama : awal_nama + panjang_nama]) == nama:
                struct.pack_into("<I", data, i + posisi, 0xFFFFFFF0)
            i = data.find(tanda, i + 4)
    return bytes(data)


def bom_rasio(isi: bytes, bagian: str) -> bytes:
    """The sheet's XML padded with 60 MB of whitespace: ~60 KB compressed, 1000 times the size."""
    asli = zipfile.ZipFile(io.BytesIO(isi)).read(bagian)
    awal, akhir = asli.split(b"</sheetData>")
    return ganti_bagian(isi, {bagian: awal + b" " * (60 * 2**20) + b"</sheetData>" + akhir})


LAUGHS = (
    b'<!DOCTYPE worksheet [<!ENTITY a "hahahahahahahahahaha">'
    + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
    + b"]>"
)


def entitas(isi: bytes, bagian: str, sembunyi: bool) -> bytes:
    """Billion laughs in a sheet: an inline-string cell holding &i; (10^9 characters once
    expanded). With `sembunyi` a 70 KB comment comes first, so only the XML parser can see it."""
    asli = zipfile.ZipFile(io.BytesIO(isi)).read(bagian)
    assert not asli.startswith(b"<?xml")  # openpyxl writes no declaration
    pengisi = b"<!--" + b" " * 70_000 + b"-->" if sembunyi else b""
    sisa = asli.replace(
        b"<sheetData>", b'<sheetData><row r="9"><c r="A9" t="inlineStr"><is><t>&i;</t></is></c></row>', 1
    )
    return ganti_bagian(isi, {bagian: b'<?xml version="1.0" encoding="UTF-8"?>' + pengisi + LAUGHS + sisa})


def makro(isi: bytes) -> bytes:
    ct = zipfile.ZipFile(io.BytesIO(isi)).read("[Content_Types].xml")
    ct = ct.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    ct = ct.replace(
        b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
    )
    return ganti_bagian(isi, {"[Content_Types].xml": ct}, {"xl/vbaProject.bin": cfb({"VBA": b"Attribute VB_Name"})})


def rumus_bernilai(isi: bytes, bagian: str) -> bytes:
    """Give the formula cells of one sheet the value Excel would have stored: SUM(1000,2000)."""
    asli = zipfile.ZipFile(io.BytesIO(isi)).read(bagian)
    baru = asli.replace(b"<f>SUM(1000,2000)</f><v></v>", b"<f>SUM(1000,2000)</f><v>3000</v>")
    assert baru != asli
    return ganti_bagian(isi, {bagian: baru})


def zip_crc_rusak(isi: bytes, bagian: str) -> bytes:
    """Flip bytes inside one part's compressed data; the directory stays intact."""
    zf = zipfile.ZipFile(io.BytesIO(isi))
    info = zf.getinfo(bagian)
    data = bytearray(isi)
    panjang_nama, panjang_ekstra = struct.unpack_from("<HH", data, info.header_offset + 26)
    mulai = info.header_offset + 30 + panjang_nama + panjang_ekstra
    for i in range(mulai + 10, mulai + min(info.compress_size, 60)):
        data[i] ^= 0x5A
    return bytes(data)


def bukan_excel() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", '<?xml version="1.0"?><document/>')
    return buf.getvalue()


# ---- the cases --------------------------------------------------------------------------------


def _dasar() -> bytes:
    return bait(buku_dasar())


def _ubah(*perubahan) -> bytes:
    """The base workbook with cells changed: (lembar, baris, kolom, nilai[, jenis data])."""
    wb = buku_dasar()
    for lembar, baris, kolom, nilai, *jenis in perubahan:
        c = sel(wb, lembar, baris, kolom)
        c.value = nilai
        if jenis:
            c.data_type = jenis[0]  # 's' keeps a leading '=' as text instead of a formula
    return bait(wb)


def _lembar(fungsi) -> bytes:
    wb = buku_dasar()
    fungsi(wb)
    return bait(wb)


def _tanpa_lembar_dikenal(wb):
    for ws in list(wb.worksheets):
        wb.remove(ws)
    ws = wb.create_sheet("Sheet1")
    ws.append(["Program", "Pagu", "Realisasi"])
    ws.append(["Perlindungan Sosial", 1_000_000, 900_000])


def _sembunyikan(*nama):
    def f(wb):
        for n in nama:
            wb[n].sheet_state = "hidden"

    return f


def _hanya_tersembunyi(wb):
    for ws in wb.worksheets:
        ws.sheet_state = "hidden"
    wb.create_sheet("Sampul")
    wb.active = len(wb.worksheets) - 1


def _gabung(wb):
    wb["Wilayah"].merge_cells("C2:C3")


def _kolom_ganda(wb):
    ws = wb["Wilayah"]
    ws.cell(row=1, column=ws.max_column + 1, value="nilai")


def _kunci_ganda(wb):
    ws = wb["Capaian"]
    ws.append([c.value for c in ws[2]])


def _rumus_tanpa_nilai() -> bytes:
    return _ubah(("Anggaran", 3, "pagu", "=SUM(1000,2000)"))


def _ganti_nama(lama, baru):
    def f(wb):
        wb[lama].title = baru

    return f


def _hapus_lembar(nama):
    def f(wb):
        wb.remove(wb[nama])

    return f


def _hapus_kolom(lembar, kolom):
    def f(wb):
        ws = wb[lembar]
        ws.delete_cols([c.value for c in ws[1]].index(kolom) + 1)

    return f


def _judul_kolom(lembar, lama, baru):
    def f(wb):
        sel(wb, lembar, 1, lama).value = baru

    return f


def _semua_kosong() -> bytes:
    return bait(buku_dasar({nama: [] for nama in DASAR}))


def _terlalu_besar() -> bytes:
    # stored, not compressed, so the file itself passes the cap
    return ganti_bagian(_dasar(), {}, {"xl/media/foto.bin": bytes(UKURAN_MAKS + 1024)}, simpan=zipfile.ZIP_STORED)


KASUS_XLSX = {
    "xls_berganti_nama.xlsx": xls_lama,
    "pdf_berganti_nama.xlsx": lambda: PDF,
    "csv_berganti_nama.xlsx": lambda: (
        b"kode;nama;kabupaten;provinsi\ndinsos-uji;Dinas Sosial Uji;Kab. Tegal;Jawa Tengah\n"
    ),
    "html_berganti_nama.xlsx": lambda: b"<html><body><table><tr><td>kode</td></tr></table></body></html>",
    "zip_terpotong.xlsx": lambda: _dasar()[: len(_dasar()) * 6 // 10],
    "zip_data_rusak.xlsx": lambda: zip_crc_rusak(_dasar(), jalur_lembar(_dasar(), "Capaian")),
    "zip_bukan_excel.xlsx": bukan_excel,
    "terenkripsi.xlsx": terenkripsi,
    "makro.xlsm": lambda: makro(_dasar()),
    "makro_berganti_nama.xlsx": lambda: makro(_dasar()),
    "bom_ukuran_palsu.xlsx": lambda: bom_ukuran_palsu(_dasar(), jalur_lembar(_dasar(), "Capaian")),
    "bom_rasio.xlsx": lambda: bom_rasio(_dasar(), jalur_lembar(_dasar(), "Wilayah")),
    "entitas_xml.xlsx": lambda: entitas(_dasar(), jalur_lembar(_dasar(), "Instansi"), sembunyi=False),
    "entitas_xml_tersembunyi.xlsx": lambda: entitas(_dasar(), jalur_lembar(_dasar(), "Instansi"), sembunyi=True),
    "terlalu_besar.xlsx": _terlalu_besar,
    "lembar_salah_nama.xlsx": lambda: _lembar(_ganti_nama("Capaian", "Capaian 2023")),
    "tanpa_lembar_dikenal.xlsx": lambda: _lembar(_tanpa_lembar_dikenal),
    "tanpa_lembar_instansi.xlsx": lambda: _lembar(_hapus_lembar("Instansi")),
    "kolom_hilang.xlsx": lambda: _lembar(_hapus_kolom("Capaian", "tahun")),
    "kolom_salah_nama.xlsx": lambda: _lembar(_judul_kolom("Capaian", "realisasi", "realisai")),
    "kolom_ganda.xlsx": lambda: _lembar(_kolom_ganda),
    "sel_gabung.xlsx": lambda: _lembar(_gabung),
    "semua_kosong.xlsx": _semua_kosong,
    "lembar_tersembunyi.xlsx": lambda: _lembar(_sembunyikan("Capaian")),
    "hanya_lembar_tersembunyi.xlsx": lambda: _lembar(_hanya_tersembunyi),
    "rumus_tanpa_nilai.xlsx": _rumus_tanpa_nilai,
    "galat_excel.xlsx": lambda: _ubah(("Anggaran", 3, "realisasi", "#REF!"), ("Indikator", 3, "nama", "#N/A")),
    "di_luar_rentang.xlsx": lambda: _ubah(
        ("Anggaran", 2, "pagu", -5),
        ("Capaian", 3, "triwulan", 5),
        ("Capaian", 4, "tahun", 1899),
        ("Wilayah", 4, "tahun", 2200),
        ("Wilayah", 2, "nilai", "12,5"),
    ),
    "kunci_ganda.xlsx": lambda: _lembar(_kunci_ganda),
    "kode_tak_dikenal.xlsx": lambda: _ubah(
        ("Capaian", 4, "indikator_kode", "IKU-2"), ("Wilayah", 3, "kecamatan", "BUMIJAWAA")
    ),
    # accepted, and stored exactly as meant
    "angka_ambigu.xlsx": lambda: _ubah(
        ("Anggaran", 3, "pagu", "1.234"), ("Anggaran", 3, "serapan_dilaporkan", "1.234")
    ),
    "teks_rumus.xlsx": lambda: _ubah(
        ("Indikator", 2, "nama", '=HYPERLINK("http://contoh.invalid","klik")', "s"),
        ("Indikator", 3, "nama", "+62 811 0000", "s"),
        ("Anggaran", 3, "nama", "-2+3 kegiatan", "s"),
        ("Capaian", 2, "catatan", "@SUM(A1:A9)", "s"),
    ),
    "html_nama.xlsx": lambda: _ubah(
        ("Instansi", 2, "nama", "<script>alert('xss')</script>Dinas Sosial Uji"),
        ("Indikator", 2, "nama", '<img src=x onerror="alert(1)"> Persentase PPKS'),
    ),
    "rumus_bernilai.xlsx": lambda: rumus_bernilai(_rumus_tanpa_nilai(), jalur_lembar(_rumus_tanpa_nilai(), "Anggaran")),
}

# CSV cases that have to be binary; the text ones are committed in tests/data/bad/<case>/.
KASUS_CSV_BINER = {
    "csv_biner/Capaian.csv": _dasar,
    # Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated
    "csv_utf16_tab/Instansi.csv": lambda: (
        "kode\tnama\tkabupaten\tprovinsi\tskala_predikat\tbatas_capaian\r\n"
        "dinsos-csv\tDinas Sosial Unicode Ñ\tKab. Tegal\tJawa Tengah\tpermenpan\t100\r\n"
    ).encode("utf-16"),
}


def buat_semua(folder: Path) -> dict[str, Path]:
    """Write every generated case into `folder`; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    hasil = {}
    for nama, buat in {**KASUS_XLSX, **KASUS_CSV_BINER}.items():
        jalur = folder / nama
        jalur.parent.mkdir(parents=True, exist_ok=True)
        jalur.write_bytes(buat())
        hasil[nama] = jalur
    return hasil


if __name__ == "__main__":
    tujuan = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "bad" / "_dibuat"
    for jalur in buat_semua(tujuan).values():
        print(f"{jalur.stat().st_size:>10}  {jalur}")
