"""Synthetic province and national data in the real schema, for load tests and the benchmark.

`bangkitkan(db, "national")` writes 514 Dinas Sosial in 38 provinsi (the real count per
provinsi), 10 years each: ~30 indicators with annual and quarterly rows, ~290 budget lines per
agency-year in the Permendagri 90/2019 hierarchy (program 1.06.xx, kegiatan, sub-kegiatan) with
quarterly realisasi, wilayah rows for every kecamatan (~14) and desa (~160) for 8 jenis, belanja
and a few report statements. Values are drawn to look like the three reports: serapan mostly
85-100 %, about a third of the indicators below target, some lower-is-better indicators, parents
equal to the sum of their children, a few deliberate contradictions for the checks to find.

Every agency draws from its own generator seeded by (seed, agency number), so the data are the
same on every run and independent of how the work is chunked. Rows are built with numpy per
agency, handed to DuckDB as Arrow tables a chunk of agencies at a time (no row-by-row inserts),
all inside one copy-on-write transaction: readers see the old file until the end.
Synthetic agencies have codes `sintetis-NNN`; a new run replaces the previous synthetic ones and
keeps every other agency (e.g. the three seeds).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow as pa

from sakip_calc import store
from sakip_calc.domain.angka import format_angka

AWALAN_KODE = "sintetis-"

# Kabupaten/kota per provinsi (38 provinsi, 514 in all).
PROVINSI: tuple[tuple[str, int], ...] = (
    ("Aceh", 23), ("Sumatera Utara", 33), ("Sumatera Barat", 19), ("Riau", 12), ("Jambi", 11),
    ("Sumatera Selatan", 17), ("Bengkulu", 10), ("Lampung", 15), ("Kepulauan Bangka Belitung", 7),
    ("Kepulauan Riau", 7), ("DKI Jakarta", 6), ("Jawa Barat", 27), ("Jawa Tengah", 35),
    ("DI Yogyakarta", 5), ("Jawa Timur", 38), ("Banten", 8), ("Bali", 9), ("Nusa Tenggara Barat", 10),
    ("Nusa Tenggara Timur", 22), ("Kalimantan Barat", 14), ("Kalimantan Tengah", 14),
    ("Kalimantan Selatan", 13), ("Kalimantan Timur", 10), ("Kalimantan Utara", 5), ("Sulawesi Utara", 15),
    ("Sulawesi Tengah", 13), ("Sulawesi Selatan", 24), ("Sulawesi Tenggara", 17), ("Gorontalo", 6),
    ("Sulawesi Barat", 6), ("Maluku", 11), ("Maluku Utara", 10), ("Papua", 9), ("Papua Barat", 7),
    ("Papua Selatan", 4), ("Papua Tengah", 8), ("Papua Pegunungan", 8), ("Papua Barat Daya", 6),
)


@dataclass(frozen=True)
class Ukuran:
    provinsi: tuple[tuple[str, int], ...]
    tahun: tuple[int, ...]


_SEPULUH_TAHUN = tuple(range(2015, 2025))
UKURAN = {
    "national": Ukuran(PROVINSI, _SEPULUH_TAHUN),
    "province": Ukuran((("Jawa Tengah", 35),), _SEPULUH_TAHUN),
    # the test suite's scale: the same structure, small enough for seconds
    "tiny": Ukuran((("Jawa Tengah", 3), ("Jambi", 2)), (2022, 2023)),
}

# ---- names ---------------------------------------------------------------------------------
# Place names are built from common Indonesian name parts; unique within their scope.
_DEPAN = ("Suka", "Karang", "Sido", "Tanjung", "Sumber", "Mekar", "Banyu", "Wono", "Cipta", "Jati",
          "Kali", "Batu", "Pasir", "Teluk", "Bukit", "Tegal", "Pangkal", "Muara", "Sungai", "Padang",
          "Gunung", "Rawa", "Labuhan", "Kuta", "Lubuk", "Selo", "Ngadi", "Purwo", "Mulyo", "Bandar")
_BELAKANG = ("maju", "sari", "rejo", "jaya", "makmur", "agung", "asri", "harjo", "luhur", "mulya",
             "indah", "baru", "raya", "wangi", "jati", "mukti", "arum", "kencana", "lestari", "tengah",
             "kerto", "utomo", "sejati", "permai")
_ARAH = ("", " Utara", " Selatan", " Barat", " Timur", " Tengah", " Hilir", " Hulu")
NAMA_TEMPAT = tuple(d + b for d in _DEPAN for b in _BELAKANG)           # 720 names
EJAAN_LAIN = {d + b: f"{d} {b}".upper() for d in _DEPAN for b in _BELAKANG}   # 'KARANG SARI' for Karangsari


def _nama_unik(rng: np.random.Generator, n: int, pilihan: tuple[str, ...] = NAMA_TEMPAT) -> list[str]:
    return [pilihan[i] for i in rng.choice(len(pilihan), size=n, replace=False)]


def _nama_kabupaten(n: int, seed: int) -> list[str]:
    # kabupaten names must be unique nationally (the alias table is keyed by them)
    rng = np.random.default_rng([seed, 0])
    semua = [t + a for a in _ARAH for t in NAMA_TEMPAT]
    return [semua[i] for i in rng.choice(len(NAMA_TEMPAT) * 2, size=n, replace=False)]


# ---- catalogues ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Indikator:
    kode: str
    nama: str
    tingkat: str
    sasaran: str
    program_kode: str | None
    satuan: str
    polaritas: str
    agregasi: str
    target: float          # target in the first year; counts are scaled by the agency's size
    langkah: float         # change of the target per year (sign follows polaritas)
    pembilang: str | None = None
    penyebut: str | None = None


_S_PPKS = "Meningkatnya kesejahteraan sosial Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
_S_PSKS = "Meningkatnya peran Potensi dan Sumber Kesejahteraan Sosial (PSKS)"
_S_TATA = "Meningkatnya kualitas pelayanan publik, akuntabilitas kinerja dan keuangan"
_S_REHAB = "Meningkatnya rehabilitasi sosial"
_S_LINJAMSOS = "Meningkatnya perlindungan dan jaminan sosial"
_S_BENCANA = "Terlaksananya penanganan bencana"
_S_TMP = "Meningkatnya pengelolaan Taman Makam Pahlawan"

# 30 indicators every synthetic agency reports: the same codes and names, so they compare.
INDIKATOR: tuple[Indikator, ...] = (
    Indikator("TJ-01", "Angka kemiskinan", "tujuan", _S_PPKS, None, "%", "turun", "akhir", 11.5, -0.3),
    Indikator("SS-01", "Persentase Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang ditangani", "sasaran", _S_PPKS,
              None, "%", "naik", "akhir", 62, 3, "PPKS yang ditangani", "Jumlah PPKS"),
    Indikator("SS-02", "Persentase peningkatan peran PSKS", "sasaran", _S_PSKS, "1.06.02", "%", "naik", "akhir", 55, 3,
              "PSKS yang berperan aktif", "Jumlah PSKS"),
    Indikator("SS-03", "Nilai AKIP (Akuntabilitas Kinerja Instansi Pemerintah)", "sasaran", _S_TATA, None, "nilai",
              "naik", "akhir", 62, 1.2),
    Indikator("SS-04", "Rata-rata Indeks Kepuasan Masyarakat (IKM)", "sasaran", _S_TATA, None, "nilai", "naik", "rata", 76, 0.8),
    Indikator("SS-05", "Persentase temuan Inspektorat yang belum ditindaklanjuti", "sasaran", _S_TATA, None, "%",
              "turun", "akhir", 20, -1.5),
    Indikator("PG-02", "Cakupan pemberdayaan PSKS perorangan, keluarga, masyarakat, dan kelembagaan", "program", _S_PSKS,
              "1.06.02", "%", "naik", "akhir", 60, 3, "PSKS yang diberdayakan", "Jumlah PSKS"),
    Indikator("PG-03", "Persentase warga negara migran korban tindak kekerasan yang dipulangkan ke desa/kelurahan asal",
              "program", _S_REHAB, "1.06.03", "%", "naik", "akhir", 85, 1.5, "Migran yang dipulangkan", "Migran korban kekerasan"),
    Indikator("PG-04", "Persentase anak terlantar yang memperoleh rehabilitasi sosial di luar panti", "program", _S_REHAB,
              "1.06.04", "%", "naik", "akhir", 58, 3, "Anak terlantar yang direhabilitasi", "Jumlah anak terlantar"),
    Indikator("PG-05", "Persentase penyandang disabilitas terlantar yang memperoleh rehabilitasi sosial di luar panti",
              "program", _S_REHAB, "1.06.04", "%", "naik", "akhir", 55, 3, "Penyandang disabilitas yang direhabilitasi",
              "Jumlah penyandang disabilitas terlantar"),
    Indikator("PG-06", "Persentase PPKS yang memperoleh bantuan sosial untuk pemenuhan kebutuhan dasar", "program",
              _S_LINJAMSOS, "1.06.05", "%", "naik", "akhir", 64, 2.5, "PPKS penerima bantuan", "Jumlah PPKS"),
    Indikator("PG-07", "Persentase korban bencana yang mendapatkan layanan perlindungan sosial", "program", _S_BENCANA,
              "1.06.06", "%", "naik", "akhir", 90, 1, "Korban bencana yang dilayani", "Jumlah korban bencana"),
    Indikator("PG-08", "Persentase terpeliharanya Taman Makam Pahlawan", "program", _S_TMP, "1.06.07", "%", "naik",
              "akhir", 88, 1.2),
    Indikator("PG-09", "Persentase penduduk miskin yang belum terdata dalam DTKS", "program", _S_LINJAMSOS, "1.06.05",
              "%", "turun", "akhir", 18, -1.2),
    Indikator("PG-10", "Nilai evaluasi SAKIP perangkat daerah", "program", _S_TATA, "1.06.01", "nilai", "naik", "akhir", 64, 1),
    Indikator("KG-01", "Jumlah korban bencana alam yang ditangani", "kegiatan", _S_BENCANA, "1.06.06.2.01", "jiwa", "naik",
              "jumlah", 420, 10),
    Indikator("KG-02", "Jumlah lanjut usia terlantar yang mendapat rehabilitasi sosial dasar", "kegiatan", _S_REHAB,
              "1.06.04.2.01", "orang", "naik", "jumlah", 160, 6),
    Indikator("KG-03", "Jumlah fakir miskin cakupan daerah yang didata", "kegiatan", _S_LINJAMSOS, "1.06.05.2.02",
              "orang", "naik", "jumlah", 9000, 250),
    Indikator("KG-04", "Jumlah lembaga kesejahteraan sosial yang dibina", "kegiatan", _S_PSKS, "1.06.02.2.03", "lembaga",
              "naik", "jumlah", 24, 1),
    Indikator("KG-05", "Persentase dokumen perencanaan dan pelaporan yang tepat waktu", "kegiatan", _S_TATA,
              "1.06.01.2.01", "%", "naik", "akhir", 90, 1),
    Indikator("SK-1.06.04.2.01.01", "Jumlah orang yang mendapatkan pemenuhan kebutuhan permakanan sesuai standar gizi minimal",
              "subkegiatan", _S_REHAB, "1.06.04.2.01.01", "orang", "naik", "jumlah", 140, 5),
    Indikator("SK-1.06.04.2.01.02", "Jumlah orang yang menerima pakaian dan kelengkapan lainnya", "subkegiatan", _S_REHAB,
              "1.06.04.2.01.02", "orang", "naik", "jumlah", 90, 4),
    Indikator("SK-1.06.04.2.01.03", "Jumlah orang yang mendapatkan alat bantu sesuai kebutuhan", "subkegiatan", _S_REHAB,
              "1.06.04.2.01.03", "orang", "naik", "jumlah", 45, 2),
    Indikator("SK-1.06.04.2.01.10", "Jumlah orang yang mendapatkan pelayanan kedaruratan", "subkegiatan", _S_REHAB,
              "1.06.04.2.01.10", "orang", "naik", "jumlah", 60, 2),
    Indikator("SK-1.06.04.2.02.01", "Jumlah gelandangan dan pengemis yang masih dijumpai di jalan", "subkegiatan", _S_REHAB,
              "1.06.04.2.02.01", "orang", "turun", "akhir", 70, -4),
    Indikator("SK-1.06.05.2.01.01", "Jumlah anak-anak terlantar yang dijangkau", "subkegiatan", _S_LINJAMSOS,
              "1.06.05.2.01.01", "orang", "naik", "jumlah", 75, 3),
    Indikator("SK-1.06.05.2.02.03", "Jumlah keluarga penerima manfaat yang mendapatkan bantuan sosial kesejahteraan keluarga",
              "subkegiatan", _S_LINJAMSOS, "1.06.05.2.02.03", "keluarga", "naik", "jumlah", 600, 20),
    Indikator("SK-1.06.06.2.01.01", "Jumlah orang yang mendapatkan makanan pada masa tanggap darurat", "subkegiatan",
              _S_BENCANA, "1.06.06.2.01.01", "orang", "naik", "jumlah", 300, 10),
    Indikator("SK-1.06.06.2.02.02", "Jumlah orang yang melaksanakan koordinasi dan sosialisasi Taruna Siaga Bencana",
              "subkegiatan", _S_BENCANA, "1.06.06.2.02.02", "orang", "naik", "jumlah", 50, 2),
    Indikator("SK-1.06.07.2.01.02", "Jumlah makam yang terpenuhi pemeliharaannya pada Taman Makam Pahlawan", "subkegiatan",
              _S_TMP, "1.06.07.2.01.02", "makam", "naik", "akhir", 1, 0),
)
_JUMLAH_SATUAN = frozenset({"jiwa", "orang", "lembaga", "keluarga", "makam"})


@dataclass(frozen=True)
class Baris:
    kode: str
    tingkat: str
    nama: str
    induk: str | None
    bobot: float           # relative size of a sub-kegiatan's pagu


_PROGRAM = (
    ("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
    ("1.06.02", "PROGRAM PEMBERDAYAAN SOSIAL"),
    ("1.06.03", "PROGRAM PENANGANAN WARGA NEGARA MIGRAN KORBAN TINDAK KEKERASAN"),
    ("1.06.04", "PROGRAM REHABILITASI SOSIAL"),
    ("1.06.05", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL"),
    ("1.06.06", "PROGRAM PENANGANAN BENCANA"),
    ("1.06.07", "PROGRAM PENGELOLAAN TAMAN MAKAM PAHLAWAN"),
)
# kegiatan per program: (code suffix, name, number of sub-kegiatan, names known from the reports)
_KEGIATAN = {
    "1.06.01": (
        ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 7, (
            "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
            "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "Koordinasi dan Penyusunan DPA-SKPD",
            "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
            "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
            "Evaluasi Kinerja Perangkat Daerah")),
        ("2.02", "Administrasi Keuangan Perangkat Daerah", 7, (
            "Penyediaan Gaji dan Tunjangan ASN", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
            "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "Koordinasi dan Pelaksanaan Akuntansi SKPD",
            "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
            "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan",
            "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD")),
        ("2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah", 6, ()),
        ("2.05", "Administrasi Kepegawaian Perangkat Daerah", 8, (
            "Peningkatan Sarana dan Prasarana Disiplin Pegawai", "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya")),
        ("2.06", "Administrasi Umum Perangkat Daerah", 10, (
            "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor", "Penyediaan Peralatan dan Perlengkapan Kantor",
            "Penyediaan Peralatan Rumah Tangga", "Penyediaan Bahan Logistik Kantor", "Penyediaan Barang Cetakan dan Penggandaan",
            "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", "Penyediaan Bahan/Material", "Fasilitasi Kunjungan Tamu",
            "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
            "Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD")),
        ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", 6, (
            "Pengadaan Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
            "Pengadaan Kendaraan Dinas Operasional atau Lapangan")),
        ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 4, (
            "Penyediaan Jasa Surat Menyurat", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
            "Penyediaan Jasa Peralatan dan Perlengkapan Kantor", "Penyediaan Jasa Pelayanan Umum Kantor")),
        ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 8, ()),
    ),
    "1.06.02": (
        ("2.01", "Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)", 6, ()),
        ("2.02", "Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota", 5, ()),
        ("2.03", "Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota", 8, ()),
        ("2.04", "Pembinaan Lembaga Kesejahteraan Sosial", 6, ()),
        ("2.05", "Pemberdayaan Karang Taruna", 6, ()),
        ("2.06", "Pengembangan Pekerja Sosial Masyarakat", 6, ()),
    ),
    "1.06.03": (
        ("2.01", "Pemulangan Warga Negara Migran Korban Tindak Kekerasan dari Titik Debarkasi di Daerah Kabupaten/Kota "
                 "untuk dipulangkan ke Desa/Kelurahan Asal", 5, ()),
        ("2.02", "Pendampingan Warga Negara Migran Korban Tindak Kekerasan", 5, ()),
    ),
    "1.06.04": (
        ("2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta "
                 "Gelandangan Pengemis di Luar Panti Sosial", 12, (
                     "Penyediaan Permakanan", "Penyediaan Sandang", "Penyediaan Alat Bantu",
                     "Pemberian Pelayanan Reunifikasi Keluarga", "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial",
                     "Pemberian Bimbingan Sosial kepada Keluarga dan Masyarakat",
                     "Fasilitasi Pembuatan Nomor Induk Kependudukan, Akta Kelahiran, Surat Nikah, dan Kartu Identitas Anak",
                     "Pemberian Akses ke Layanan Pendidikan dan Kesehatan Dasar", "Pemberian Layanan Data dan Pengaduan",
                     "Pemberian Layanan Kedaruratan", "Pemberian Pelayanan Penelusuran Keluarga", "Pemberian Layanan Rujukan")),
        ("2.02", "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya Bukan Korban HIV/AIDS dan NAPZA "
                 "di Luar Panti Sosial", 13, ()),
        ("2.03", "Rehabilitasi Sosial Penyandang Disabilitas Terlantar di Luar Panti", 8, ()),
        ("2.04", "Rehabilitasi Sosial Anak Terlantar di Luar Panti", 8, ()),
        ("2.05", "Rehabilitasi Sosial Lanjut Usia Terlantar di Luar Panti", 8, ()),
        ("2.06", "Rehabilitasi Sosial Gelandangan dan Pengemis di Luar Panti", 7, ()),
        ("2.07", "Rehabilitasi Sosial Korban Penyalahgunaan NAPZA", 6, ()),
        ("2.08", "Rehabilitasi Sosial Orang dengan HIV/AIDS", 6, ()),
    ),
    "1.06.05": (
        ("2.01", "Pemeliharaan Anak-Anak Terlantar", 8, ("Penjangkauan Anak-Anak Terlantar",)),
        ("2.02", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota", 8, (
            "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
            "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", "Fasilitasi Bantuan Pengembangan Ekonomi Masyarakat")),
        ("2.03", "Penyaluran Bantuan Sosial Pangan", 7, ()),
        ("2.04", "Jaminan Kesehatan bagi Fakir Miskin", 6, ()),
        ("2.05", "Perlindungan Sosial bagi Lanjut Usia", 6, ()),
        ("2.06", "Pemberdayaan Ekonomi Keluarga Miskin", 7, ()),
    ),
    "1.06.06": (
        ("2.01", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota", 10, (
            "Penyediaan Makanan", "Penyediaan Sandang", "Penyediaan Tempat Penampungan Pengungsi",
            "Penanganan Khusus bagi Kelompok Rentan")),
        ("2.02", "Penyelenggaraan Pemberdayaan Masyarakat terhadap Kesiapsiagaan Bencana Kabupaten/Kota", 8, (
            "Penyediaan Logistik Penyelenggaraan Kampung Siaga Bencana",
            "Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana")),
        ("2.03", "Pemulihan Sosial Pascabencana", 7, ()),
    ),
    "1.06.07": (
        ("2.01", "Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota", 6, (
            "Pendataan Taman Makam Pahlawan", "Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota",
            "Pengamanan Taman Makam Pahlawan Nasional Kabupaten/Kota")),
    ),
}
# sub-kegiatan without a name from the reports: an activity for a group, as in the nomenclature
_KEGIATAN_UMUM = ("Penyediaan Permakanan", "Pemberian Bimbingan Sosial", "Pelatihan Keterampilan", "Pendampingan",
                  "Pemberian Layanan Rujukan", "Fasilitasi Bantuan Sosial", "Penjangkauan", "Pendataan dan Verifikasi",
                  "Koordinasi dan Sinkronisasi", "Penyediaan Alat Bantu", "Monitoring dan Evaluasi", "Sosialisasi")
_SASARAN_UMUM = ("bagi Lanjut Usia Terlantar", "bagi Anak Terlantar", "bagi Penyandang Disabilitas",
                 "bagi Gelandangan dan Pengemis", "bagi Korban Bencana", "bagi Fakir Miskin",
                 "bagi Korban Tindak Kekerasan", "bagi Komunitas Adat Terpencil", "bagi Pekerja Sosial Masyarakat",
                 "bagi Karang Taruna", "bagi Lembaga Kesejahteraan Sosial")


def _katalog_anggaran() -> tuple[Baris, ...]:
    """~300 budget lines in nomenclature order: program, its kegiatan, each with its sub-kegiatan."""
    rng = np.random.default_rng(90_2019)
    baris = []
    for kode_p, nama_p in _PROGRAM:
        baris.append(Baris(kode_p, "program", nama_p, None, 0))
        for akhiran, nama_k, n_sub, nama_sub in _KEGIATAN[kode_p]:
            kode_k = f"{kode_p}.{akhiran}"
            baris.append(Baris(kode_k, "kegiatan", nama_k, kode_p, 0))
            for i in range(n_sub):
                nama = nama_sub[i] if i < len(nama_sub) else (
                    f"{_KEGIATAN_UMUM[rng.integers(len(_KEGIATAN_UMUM))]} {_SASARAN_UMUM[rng.integers(len(_SASARAN_UMUM))]}")
                bobot = float(rng.lognormal(0, 0.8))
                if kode_k == "1.06.01.2.02" and i == 0:
                    bobot = 30.0       # salaries: the largest line of every Dinas Sosial
                baris.append(Baris(f"{kode_k}.{i + 1:02d}", "subkegiatan", nama, kode_k, bobot))
    return tuple(baris)


KATALOG_ANGGARAN = _katalog_anggaran()
JENIS_WILAYAH = ("BDT", "BDT_NIK", "BDT_NON_NIK", "PKH", "BPNT", "PBI_JKN_APBN", "KUBE", "PSKS_PSM")
JENIS_BELANJA = ("Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal", "Belanja Hibah", "Belanja Bantuan Sosial")
SUMBER = "data sintetis (python -m sakip_calc synth)"

# ---- one agency ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Instansi:
    nomor: int              # 1-based number among the synthetic agencies
    id: int
    kode: str
    kabupaten: str
    kota: bool
    provinsi: str


class Teks:
    """A string column as dictionary codes: millions of rows, a few hundred distinct strings."""

    def __init__(self) -> None:
        self.kamus: dict[str, int] = {}

    def kode(self, nilai: list[str | None]) -> np.ndarray:
        return np.array([-1 if v is None else self.kamus.setdefault(v, len(self.kamus)) for v in nilai], dtype=np.int32)

    def arrow(self, kode: np.ndarray) -> pa.Array:
        kamus = pa.array(list(self.kamus), pa.string())
        return pa.DictionaryArray.from_arrays(pa.array(kode, pa.int32(), mask=kode < 0), kamus)


def _bulat(x: np.ndarray, kelipatan: float = 1) -> np.ndarray:
    return np.round(x / kelipatan) * kelipatan


class Pembangkit:
    """Builds every table's rows for one agency at a time; columns are numpy arrays or Teks codes."""

    def __init__(self, ukuran: Ukuran, seed: int, id_indikator_awal: int):
        self.tahun = np.array(ukuran.tahun)
        self.seed = seed
        self.id_indikator_awal = id_indikator_awal
        self.teks: dict[tuple[str, str], Teks] = {}

    def _t(self, tabel: str, kolom: str, nilai: list) -> np.ndarray:
        return self.teks.setdefault((tabel, kolom), Teks()).kode(nilai)

    def instansi(self, a: Instansi, rng: np.random.Generator) -> dict:
        return {
            "id": a.id, "kode": a.kode, "kabupaten": a.kabupaten, "provinsi": a.provinsi,
            "nama": f"Dinas Sosial {'Kota' if a.kota else 'Kabupaten'} {a.kabupaten}",
            "skala_predikat": "permenpan" if rng.random() < 0.6 else "permendagri86",
            "batas_capaian": 100.0 if rng.random() < 0.5 else None,
        }

    def agensi(self, a: Instansi) -> dict[str, dict]:
        rng = np.random.default_rng([self.seed, a.nomor])
        ukuran = float(rng.lognormal(0, 0.45)) * (0.55 if a.kota else 1.0)     # budget and population size
        kinerja = float(rng.normal(0, 0.05))                                   # the agency's tendency to meet targets
        hasil = {"instansi": self.instansi(a, rng)}
        hasil.update(self._indikator(a, rng, ukuran, kinerja))
        hasil.update(self._anggaran(a, rng, ukuran))
        hasil.update(self._wilayah(a, rng, ukuran))
        return hasil

    # indicators: annual rows, then quarterly rows, per indicator
    def _indikator(self, a: Instansi, rng, ukuran: float, kinerja: float) -> dict[str, dict]:
        n_tahun, k = len(self.tahun), len(INDIKATOR)
        awal_renstra = int(self.tahun[-1]) - 3
        ids = self.id_indikator_awal + (a.nomor - 1) * k + np.arange(k)
        jumlah = np.array([i.satuan in _JUMLAH_SATUAN for i in INDIKATOR])
        persen = np.array([i.satuan == "%" for i in INDIKATOR])
        turun = np.array([i.polaritas == "turun" for i in INDIKATOR])
        skala = np.where(jumlah, ukuran, 1.0)
        dasar = np.array([i.target for i in INDIKATOR]) * skala * rng.uniform(0.85, 1.15, k)
        langkah = np.array([i.langkah for i in INDIKATOR]) * skala
        t = np.arange(n_tahun)
        target = dasar[:, None] + langkah[:, None] * t[None, :]                 # k x years
        target = np.where(persen[:, None], np.clip(target, 1, 100), target)
        target = np.where(jumlah[:, None], np.maximum(_bulat(target), 1), np.round(target, 2))
        # realisasi / target: most near or above 1, about a third below, a few far below
        rasio = rng.normal(1.02 + kinerja, 0.07, (k, n_tahun))
        jauh = rng.random((k, n_tahun)) < 0.04
        rasio = np.where(jauh, rng.uniform(0.4, 0.8, (k, n_tahun)), rasio).clip(0.2, 1.5)
        realisasi = np.where(turun[:, None], target * (2 - rasio), target * rasio)
        realisasi = np.where(persen[:, None], np.clip(realisasi, 0, 100), realisasi)
        realisasi = np.where(jumlah[:, None], _bulat(realisasi), np.round(realisasi, 2))
        # ratio indicators carry their numerator and denominator
        berpembilang = np.array([i.pembilang is not None for i in INDIKATOR])
        penyebut = np.where(berpembilang[:, None], _bulat(rng.uniform(800, 4000, (k, 1)) * ukuran * (1 + 0.02 * t)), np.nan)
        pembilang = np.where(berpembilang[:, None], _bulat(realisasi / 100 * penyebut), np.nan)
        realisasi = np.where(berpembilang[:, None], np.round(pembilang / penyebut * 100, 2), realisasi)
        cap = np.where(turun[:, None], (target - (realisasi - target)) / target * 100, realisasi / target * 100)
        dilaporkan = np.round(cap, 2)
        salah = rng.random((k, n_tahun)) < 0.01        # a misprinted percentage now and then, as in the reports
        dilaporkan = np.where(salah, np.round(dilaporkan + rng.choice([-10.0, 10.0], (k, n_tahun)), 2), dilaporkan)

        indikator = {
            "id": ids, "instansi_id": np.full(k, a.id),
            "kode": self._t("indikator", "kode", [i.kode for i in INDIKATOR]),
            "nama": self._t("indikator", "nama", [i.nama for i in INDIKATOR]),
            "tingkat": self._t("indikator", "tingkat", [i.tingkat for i in INDIKATOR]),
            "sasaran": self._t("indikator", "sasaran", [i.sasaran for i in INDIKATOR]),
            "program_kode": self._t("indikator", "program_kode", [i.program_kode for i in INDIKATOR]),
            "satuan": self._t("indikator", "satuan", [i.satuan for i in INDIKATOR]),
            "polaritas": self._t("indikator", "polaritas", [i.polaritas for i in INDIKATOR]),
            "kondisi_awal": realisasi[:, max(0, n_tahun - 5)],
            "target_akhir": np.where(jumlah, _bulat(target[:, -1] + 2 * langkah), np.round(target[:, -1] + 2 * langkah, 2)),
            "periode_awal": np.full(k, awal_renstra), "periode_akhir": np.full(k, awal_renstra + 4),
            "agregasi_triwulan": self._t("indikator", "agregasi_triwulan", [i.agregasi for i in INDIKATOR]),
            "nama_pembilang": self._t("indikator", "nama_pembilang", [i.pembilang for i in INDIKATOR]),
            "nama_penyebut": self._t("indikator", "nama_penyebut", [i.penyebut for i in INDIKATOR]),
            "urutan": np.arange(1, k + 1),
        }
        # quarters: 'jumlah' splits target and realisasi, 'akhir' climbs to the year's value, 'rata' varies around it
        agregasi = np.array([i.agregasi for i in INDIKATOR])
        bagi = rng.dirichlet([4, 5, 5, 6], (k, n_tahun))                                    # k x years x 4
        naik = np.array([0.4, 0.6, 0.8, 1.0]) * rng.uniform(0.95, 1.05, (k, n_tahun, 4))
        naik[..., 3] = 1.0
        goyang = rng.normal(1, 0.03, (k, n_tahun, 4))
        kali = np.where((agregasi == "jumlah")[:, None, None], bagi, np.where((agregasi == "akhir")[:, None, None], naik, goyang))
        tw_real = realisasi[..., None] * kali
        tw_real = np.where(jumlah[:, None, None], _bulat(tw_real), np.round(tw_real, 2))
        # a 'jumlah' indicator's quarters add up to the year exactly
        selisih = realisasi - tw_real.sum(axis=2)
        tw_real[..., 3] += np.where(agregasi == "jumlah", 1, 0)[:, None] * selisih
        tw_target = np.where((agregasi == "jumlah")[:, None, None], target[..., None] / 4, target[..., None] * np.ones(4))
        tw_target = np.round(tw_target, 2)

        # rows per indicator: its annual rows for every year, then its quarters
        n_tahunan, n_tw = k * n_tahun, k * n_tahun * 4
        ind_t = np.repeat(ids, n_tahun)
        th_t = np.tile(self.tahun, k)
        ind_q = np.repeat(ids, n_tahun * 4)
        th_q = np.tile(np.repeat(self.tahun, 4), k)
        tw_q = np.tile(np.arange(1, 5), k * n_tahun)
        sumber = self._t("capaian", "sumber", [SUMBER])[0]
        capaian = {
            "indikator_id": np.concatenate([ind_t, ind_q]),
            "tahun": np.concatenate([th_t, th_q]),
            "triwulan": np.concatenate([np.full(n_tahunan, -1), tw_q]),
            "target": np.concatenate([target.ravel(), tw_target.ravel()]),
            "realisasi": np.concatenate([realisasi.ravel(), tw_real.ravel()]),
            "capaian_dilaporkan": np.concatenate([dilaporkan.ravel(), np.full(n_tw, np.nan)]),
            "pembilang": np.concatenate([pembilang.ravel(), np.full(n_tw, np.nan)]),
            "penyebut": np.concatenate([penyebut.ravel(), np.full(n_tw, np.nan)]),
            "sumber": np.full(n_tahunan + n_tw, sumber, dtype=np.int32),
        }
        # annual first then quarters, per indicator: order rows by indicator id, year, quarter
        urut = np.lexsort((capaian["triwulan"], capaian["tahun"], capaian["indikator_id"]))
        capaian = {kol: v[urut] for kol, v in capaian.items()}
        return {"indikator": indikator, "capaian": capaian}

    # budget: sub-kegiatan drawn, kegiatan and program are the sums of their children
    def _anggaran(self, a: Instansi, rng, ukuran: float) -> dict[str, dict]:
        sub_idx = np.array([i for i, b in enumerate(KATALOG_ANGGARAN) if b.tingkat == "subkegiatan"])
        bobot = np.array([KATALOG_ANGGARAN[i].bobot for i in sub_idx])
        induk_k = np.array([_POSISI[KATALOG_ANGGARAN[i].induk] for i in sub_idx])          # kegiatan position
        induk_p = np.array([_POSISI[KATALOG_ANGGARAN[j].induk] for j in induk_k])          # program position
        n_baris, n_tahun, n_sub = len(KATALOG_ANGGARAN), len(self.tahun), len(sub_idx)
        total = 9e9 * ukuran                                                                # ~Rp 9 M a year
        pagu_all, real_all, ada_all, tw_all = [], [], [], []
        for j in range(n_tahun):
            ada = rng.random(n_sub) < 0.97
            pagu = _bulat(total * (1.05 ** j) * bobot / bobot.sum() * rng.lognormal(0, 0.25, n_sub), 1000) * ada
            pagu = np.maximum(pagu, 5_000_000 * ada)
            # serapan: around the agency-year's own level (mostly 85-100 %), some lines 60-85 %, a few
            # far lower; now and then above the pagu
            tingkat = min(rng.normal(94.5, 3), 99.5)
            u = rng.random(n_sub)
            serapan = np.where(u < 0.88, np.minimum(rng.normal(tingkat, 4, n_sub), 100),
                               np.where(u < 0.97, rng.uniform(60, 85, n_sub), rng.uniform(15, 60, n_sub)))
            serapan = np.where(rng.random(n_sub) < 0.003, rng.uniform(100.5, 104, n_sub), serapan)
            real = _bulat(pagu * serapan / 100)
            # quarters: a slow first half, most spent in the fourth quarter
            bagi = rng.dirichlet([2, 3, 4, 7], n_sub)
            tw = _bulat(real[:, None] * bagi)
            tw[:, 3] = real - tw[:, :3].sum(axis=1)
            p, r, t4 = np.zeros(n_baris), np.zeros(n_baris), np.zeros((n_baris, 4))
            p[sub_idx], r[sub_idx], t4[sub_idx] = pagu, real, tw
            np.add.at(p, induk_k, pagu)
            np.add.at(r, induk_k, real)
            np.add.at(t4, induk_k, tw)
            np.add.at(p, induk_p, pagu)
            np.add.at(r, induk_p, real)
            np.add.at(t4, induk_p, tw)
            pagu_all.append(p)
            real_all.append(r)
            tw_all.append(t4)
            ada_all.append(p > 0)
        pagu, real, tw, ada = np.stack(pagu_all), np.stack(real_all), np.stack(tw_all), np.stack(ada_all)  # years x lines
        th, baris = np.nonzero(ada)
        p, r = pagu[th, baris], real[th, baris]
        serapan_lap = np.round(r / p * 100, 2)
        fisik = np.clip(np.round(serapan_lap + rng.normal(1.5, 2.5, len(p)), 2), 0, 100)
        kat = KATALOG_ANGGARAN
        anggaran = {
            "instansi_id": np.full(len(p), a.id), "tahun": self.tahun[th],
            "kode": self._t("anggaran", "kode", [b.kode for b in kat])[baris],
            "tingkat": self._t("anggaran", "tingkat", [b.tingkat for b in kat])[baris],
            "nama": self._t("anggaran", "nama", [b.nama for b in kat])[baris],
            "induk_kode": self._t("anggaran", "induk_kode", [b.induk for b in kat])[baris],
            "pagu": p, "pagu_renja": _bulat(p * rng.uniform(0.97, 1.06, len(p)), 1000), "realisasi": r,
            "serapan_dilaporkan": serapan_lap, "fisik_persen": fisik,
            "sumber_dana": self._t("anggaran", "sumber_dana", ["APBD", "DAK"])[(rng.random(len(p)) < 0.08).astype(int)],
            "sumber": np.full(len(p), self._t("anggaran", "sumber", [SUMBER])[0], dtype=np.int32),
            "urutan": baris + 1,
        }
        triwulan = {
            "instansi_id": np.full(len(p) * 4, a.id), "tahun": np.repeat(anggaran["tahun"], 4),
            "kode": np.repeat(self._t("anggaran_triwulan", "kode", [b.kode for b in kat])[baris], 4),
            "triwulan": np.tile(np.arange(1, 5), len(p)),
            "realisasi": tw[th, baris].ravel(),
        }
        # belanja by type: shares of the agency's total, the last type takes the rounding rest
        prog = np.array([b.tingkat == "program" for b in kat])
        tot_p, tot_r = (pagu * prog).sum(axis=1), (real * prog).sum(axis=1)
        bagi = rng.dirichlet([30, 45, 10, 3, 12], n_tahun)
        bel_p, bel_r = _bulat(tot_p[:, None] * bagi), _bulat(tot_r[:, None] * bagi)
        bel_p[:, -1] = tot_p - bel_p[:, :-1].sum(axis=1)
        bel_r[:, -1] = tot_r - bel_r[:, :-1].sum(axis=1)
        nb = len(JENIS_BELANJA)
        belanja = {
            "instansi_id": np.full(n_tahun * nb, a.id), "tahun": np.repeat(self.tahun, nb),
            "jenis_belanja": np.tile(self._t("belanja", "jenis_belanja", list(JENIS_BELANJA)), n_tahun),
            "pagu": bel_p.ravel(), "realisasi": bel_r.ravel(),
            "sumber": np.full(n_tahun * nb, self._t("belanja", "sumber", [SUMBER])[0], dtype=np.int32),
        }
        # what the report states about the whole agency; a few serapan misprinted (000/001 show such contradictions)
        serapan_tot = np.round(tot_r / tot_p * 100, 2)
        serapan_tot = np.where(rng.random(n_tahun) < 0.03, serapan_tot - np.round(rng.uniform(1, 3, n_tahun), 2), serapan_tot)
        besaran = ("pagu", "realisasi_anggaran", "serapan")
        angka = {
            "instansi_id": np.full(n_tahun * 3, a.id), "tahun": np.repeat(self.tahun, 3),
            "sumber": np.full(n_tahun * 3, self._t("angka_laporan", "sumber", ["LKjIP Bab III (sintetis)"])[0], dtype=np.int32),
            "objek": np.full(n_tahun * 3, self._t("angka_laporan", "objek", ["instansi"])[0], dtype=np.int32),
            "besaran": np.tile(self._t("angka_laporan", "besaran", list(besaran)), n_tahun),
            "nilai": np.column_stack([tot_p, tot_r, serapan_tot]).ravel(),
        }
        return {"anggaran": anggaran, "anggaran_triwulan": triwulan, "belanja": belanja, "angka_laporan": angka}

    # wilayah: desa values drawn, kecamatan rows are the sums of their desa
    def _wilayah(self, a: Instansi, rng, ukuran: float) -> dict[str, dict]:
        n_kec = int(rng.integers(10, 19))
        kecamatan = _nama_unik(rng, n_kec)
        n_desa = rng.integers(7, 16, n_kec)
        desa_kec = np.repeat(np.arange(n_kec), n_desa)
        desa = [n for j in range(n_kec) for n in _nama_unik(rng, int(n_desa[j]))]
        nd, nt, nj = len(desa), len(self.tahun), len(JENIS_WILAYAH)
        penduduk = rng.lognormal(np.log(3200), 0.45, nd) * min(ukuran, 2.5) ** 0.3
        tumbuh = (1 + 0.015 * np.arange(nt))[None, :] * rng.normal(1, 0.03, (nd, nt))        # desa x years
        nik = _bulat(penduduk[:, None] * rng.uniform(0.15, 0.4, (nd, 1)) * tumbuh)
        non_nik = _bulat(nik * rng.uniform(0.02, 0.2, (nd, 1)))
        bdt = nik + non_nik
        nilai = np.stack([bdt, nik, non_nik, _bulat(bdt * rng.uniform(0.05, 0.12, (nd, 1))),
                          _bulat(bdt * rng.uniform(0.08, 0.18, (nd, 1))), _bulat(bdt * rng.uniform(0.5, 0.8, (nd, 1))),
                          rng.poisson(2, (nd, nt)).astype(float), 1 + rng.poisson(2, (nd, nt)).astype(float)], axis=2)
        kec_nilai = np.zeros((n_kec, nt, nj))
        np.add.at(kec_nilai, desa_kec, nilai)
        # one agency's rows: per year, per kecamatan its own row then its desa, 8 jenis each
        kode_kec = self._t("wilayah", "kecamatan", kecamatan)
        kode_desa = self._t("wilayah", "desa", desa + [None])
        tanpa_desa = kode_desa[-1]
        kode_jenis = self._t("wilayah", "jenis", list(JENIS_WILAYAH))
        tempat_kec = np.concatenate([np.arange(n_kec), desa_kec])
        tempat_desa = np.concatenate([np.full(n_kec, -1), np.arange(nd)])
        urut = np.lexsort((tempat_desa, tempat_kec))
        tempat_kec, tempat_desa = tempat_kec[urut], tempat_desa[urut]
        semua_nilai = np.concatenate([kec_nilai, nilai])[urut]                                  # places x years x jenis
        n_tempat = len(tempat_kec)
        nilai_baris = semua_nilai.transpose(1, 0, 2).ravel()                                    # year, place, jenis
        wilayah = {
            "instansi_id": np.full(nilai_baris.size, a.id),
            "tahun": np.repeat(self.tahun, n_tempat * nj),
            "kecamatan": np.tile(np.repeat(kode_kec[tempat_kec], nj), nt),
            "desa": np.tile(np.repeat(np.where(tempat_desa < 0, tanpa_desa, kode_desa[np.maximum(tempat_desa, 0)]), nj), nt),
            "jenis": np.tile(kode_jenis, n_tempat * nt),
            "nilai": nilai_baris,
            "sumber": np.full(nilai_baris.size, self._t("wilayah", "sumber", [SUMBER])[0], dtype=np.int32),
        }
        # the kecamatan list of this kabupaten, and a second spelling for some, as the reports have
        alias = [EJAAN_LAIN[k] if rng.random() < 0.15 else None for k in kecamatan]
        kec_alias = {
            "kabupaten": self._t("kecamatan_alias", "kabupaten", [a.kabupaten] * n_kec),
            "kecamatan": self._t("kecamatan_alias", "kecamatan", kecamatan),
            "alias": self._t("kecamatan_alias", "alias", alias),
        }
        return {"wilayah": wilayah, "kecamatan_alias": kec_alias}

    def arrow(self, tabel: str, bagian: list[dict]) -> pa.Table:
        kolom = {}
        for nama in bagian[0]:
            nilai = [b[nama] for b in bagian]
            if (tabel, nama) in self.teks:
                kolom[nama] = self.teks[(tabel, nama)].arrow(np.concatenate(nilai))
            elif tabel == "instansi":
                kolom[nama] = pa.array(nilai)
            else:
                v = np.concatenate([np.atleast_1d(x) for x in nilai])
                # -1 marks a missing quarter (annual row); NaN a missing measurement
                kolom[nama] = pa.array(v, mask=(v < 0) if nama == "triwulan" else (np.isnan(v) if v.dtype.kind == "f" else None))
        return pa.table(kolom)


_POSISI = {b.kode: i for i, b in enumerate(KATALOG_ANGGARAN)}
URUTAN_TABEL = ("instansi", "indikator", "capaian", "anggaran", "anggaran_triwulan", "belanja", "angka_laporan",
                "wilayah", "kecamatan_alias")


def daftar_instansi(ukuran: Ukuran, seed: int, id_awal: int) -> list[Instansi]:
    n = sum(j for _, j in ukuran.provinsi)
    nama = _nama_kabupaten(n, seed)
    rng = np.random.default_rng([seed, 1])
    hasil = []
    for provinsi, jumlah in ukuran.provinsi:
        for _ in range(jumlah):
            nomor = len(hasil) + 1
            hasil.append(Instansi(nomor, id_awal + nomor, f"{AWALAN_KODE}{nomor:03d}", nama[nomor - 1],
                                  bool(rng.random() < 0.19), provinsi))
    return hasil


def bangkitkan(db: str | Path, skala: str = "province", seed: int = 2024, cetak: Callable[[str], None] = print) -> dict[str, int]:
    """Write the synthetic data set `skala` into `db` in one copy-on-write transaction; rows per table."""
    ukuran = UKURAN[skala]
    mulai = time.perf_counter()
    jumlah = {t: 0 for t in URUTAN_TABEL}
    with store.transaksi_tulis(db) as con:
        store.mulai_muat_massal(con)
        store.hapus_instansi_berawalan(con, AWALAN_KODE)
        id_instansi, id_indikator = store.id_terakhir(con)
        agensi = daftar_instansi(ukuran, seed, id_instansi)
        gen = Pembangkit(ukuran, seed, id_indikator + 1)
        cetak(f"synth {skala}: {len(agensi)} instansi di {len(ukuran.provinsi)} provinsi, "
              f"{len(ukuran.tahun)} tahun ({ukuran.tahun[0]}-{ukuran.tahun[-1]}), seed {seed}")
        per_potong = -(-len(agensi) // 10)        # ten inserts per table, and a progress line after each
        for awal in range(0, len(agensi), per_potong):
            potong = [gen.agensi(a) for a in agensi[awal:awal + per_potong]]
            for tabel in URUTAN_TABEL:
                data = gen.arrow(tabel, [p[tabel] for p in potong])
                store.sisip_massal(con, tabel, data)
                jumlah[tabel] += data.num_rows
            gen.teks.clear()
            persen = (awal + len(potong)) * 100 // len(agensi)
            cetak(f"  {persen:3d} %  {awal + len(potong)} instansi, {format_angka(sum(jumlah.values()))} baris, "
                  f"{format_angka(time.perf_counter() - mulai, 1)} s")
        cetak("  menyimpan: tabel agregat, commit, checkpoint…")
    detik = time.perf_counter() - mulai
    for tabel, n in jumlah.items():
        cetak(f"  {tabel:<18} {format_angka(n):>12} baris")
    total = sum(jumlah.values())
    cetak(f"selesai: {format_angka(total)} baris dalam {format_angka(detik, 1)} s ({format_angka(total / detik)} baris/s)")
    return jumlah
