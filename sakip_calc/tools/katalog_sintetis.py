"""What the synthetic data are made of: provinsi and their kabupaten counts, the scales, place
names, the 30 indicators every synthetic agency reports, the budget nomenclature (program,
kegiatan, sub-kegiatan) and the jenis of the regional and spending tables.

Constants only, fixed for every run; must not draw values (pembangkit_sintetis.py does).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sakip_calc.store import rujukan_wilayah

# the catalogue tables stay compact, an entry a line as written; the formatter would split every item
# fmt: off

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


def nama_unik(rng: np.random.Generator, n: int, pilihan: tuple[str, ...] = NAMA_TEMPAT) -> list[str]:
    return [pilihan[i] for i in rng.choice(len(pilihan), size=n, replace=False)]


def nama_kabupaten(n: int, seed: int) -> list[str]:
    # kabupaten names must be unique nationally (the alias table is keyed by them) and none may be a
    # real one: an import checks a real kabupaten's kecamatan against the official list, and the
    # invented kecamatan are not on it. The two of the pool that are real (Banyuwangi, Purworejo)
    # take a direction the draw never uses ("Banyuwangi Selatan"), so every other name stays.
    rng = np.random.default_rng([seed, 0])
    semua = [t + a for a in _ARAH for t in NAMA_TEMPAT]
    nama = [semua[i] for i in rng.choice(len(NAMA_TEMPAT) * 2, size=n, replace=False)]
    return [x + _ARAH[2] if len(rujukan_wilayah.cari_kabkota(x)) else x for x in nama]


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
    Indikator("SS-04", "Rata-rata Indeks Kepuasan Masyarakat (IKM)", "sasaran", _S_TATA, None, "nilai", "naik", "rata",
              76, 0.8),
    Indikator("SS-05", "Persentase temuan Inspektorat yang belum ditindaklanjuti", "sasaran", _S_TATA, None, "%",
              "turun", "akhir", 20, -1.5),
    Indikator("PG-02", "Cakupan pemberdayaan PSKS perorangan, keluarga, masyarakat, dan kelembagaan", "program",
              _S_PSKS, "1.06.02", "%", "naik", "akhir", 60, 3, "PSKS yang diberdayakan", "Jumlah PSKS"),
    Indikator("PG-03", "Persentase warga negara migran korban tindak kekerasan yang dipulangkan ke desa/kelurahan asal",
              "program", _S_REHAB, "1.06.03", "%", "naik", "akhir", 85, 1.5, "Migran yang dipulangkan",
              "Migran korban kekerasan"),
    Indikator("PG-04", "Persentase anak terlantar yang memperoleh rehabilitasi sosial di luar panti", "program",
              _S_REHAB, "1.06.04", "%", "naik", "akhir", 58, 3, "Anak terlantar yang direhabilitasi",
              "Jumlah anak terlantar"),
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
    Indikator("PG-10", "Nilai evaluasi SAKIP perangkat daerah", "program", _S_TATA, "1.06.01", "nilai", "naik",
              "akhir", 64, 1),
    Indikator("KG-01", "Jumlah korban bencana alam yang ditangani", "kegiatan", _S_BENCANA, "1.06.06.2.01", "jiwa",
              "naik", "jumlah", 420, 10),
    Indikator("KG-02", "Jumlah lanjut usia terlantar yang mendapat rehabilitasi sosial dasar", "kegiatan", _S_REHAB,
              "1.06.04.2.01", "orang", "naik", "jumlah", 160, 6),
    Indikator("KG-03", "Jumlah fakir miskin cakupan daerah yang didata", "kegiatan", _S_LINJAMSOS, "1.06.05.2.02",
              "orang", "naik", "jumlah", 9000, 250),
    Indikator("KG-04", "Jumlah lembaga kesejahteraan sosial yang dibina", "kegiatan", _S_PSKS, "1.06.02.2.03",
              "lembaga", "naik", "jumlah", 24, 1),
    Indikator("KG-05", "Persentase dokumen perencanaan dan pelaporan yang tepat waktu", "kegiatan", _S_TATA,
              "1.06.01.2.01", "%", "naik", "akhir", 90, 1),
    Indikator("SK-1.06.04.2.01.01",
              "Jumlah orang yang mendapatkan pemenuhan kebutuhan permakanan sesuai standar gizi minimal",
              "subkegiatan", _S_REHAB, "1.06.04.2.01.01", "orang", "naik", "jumlah", 140, 5),
    Indikator("SK-1.06.04.2.01.02", "Jumlah orang yang menerima pakaian dan kelengkapan lainnya", "subkegiatan",
              _S_REHAB, "1.06.04.2.01.02", "orang", "naik", "jumlah", 90, 4),
    Indikator("SK-1.06.04.2.01.03", "Jumlah orang yang mendapatkan alat bantu sesuai kebutuhan", "subkegiatan",
              _S_REHAB, "1.06.04.2.01.03", "orang", "naik", "jumlah", 45, 2),
    Indikator("SK-1.06.04.2.01.10", "Jumlah orang yang mendapatkan pelayanan kedaruratan", "subkegiatan", _S_REHAB,
              "1.06.04.2.01.10", "orang", "naik", "jumlah", 60, 2),
    Indikator("SK-1.06.04.2.02.01", "Jumlah gelandangan dan pengemis yang masih dijumpai di jalan", "subkegiatan",
              _S_REHAB, "1.06.04.2.02.01", "orang", "turun", "akhir", 70, -4),
    Indikator("SK-1.06.05.2.01.01", "Jumlah anak-anak terlantar yang dijangkau", "subkegiatan", _S_LINJAMSOS,
              "1.06.05.2.01.01", "orang", "naik", "jumlah", 75, 3),
    Indikator("SK-1.06.05.2.02.03",
              "Jumlah keluarga penerima manfaat yang mendapatkan bantuan sosial kesejahteraan keluarga",
              "subkegiatan", _S_LINJAMSOS, "1.06.05.2.02.03", "keluarga", "naik", "jumlah", 600, 20),
    Indikator("SK-1.06.06.2.01.01", "Jumlah orang yang mendapatkan makanan pada masa tanggap darurat", "subkegiatan",
              _S_BENCANA, "1.06.06.2.01.01", "orang", "naik", "jumlah", 300, 10),
    Indikator("SK-1.06.06.2.02.02", "Jumlah orang yang melaksanakan koordinasi dan sosialisasi Taruna Siaga Bencana",
              "subkegiatan", _S_BENCANA, "1.06.06.2.02.02", "orang", "naik", "jumlah", 50, 2),
    Indikator("SK-1.06.07.2.01.02", "Jumlah makam yang terpenuhi pemeliharaannya pada Taman Makam Pahlawan",
              "subkegiatan", _S_TMP, "1.06.07.2.01.02", "makam", "naik", "akhir", 1, 0),
)
JUMLAH_SATUAN = frozenset({"jiwa", "orang", "lembaga", "keluarga", "makam"})


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
            "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
            "Koordinasi dan Pelaksanaan Akuntansi SKPD",
            "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
            "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan",
            "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD")),
        ("2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah", 6, ()),
        ("2.05", "Administrasi Kepegawaian Perangkat Daerah", 8, (
            "Peningkatan Sarana dan Prasarana Disiplin Pegawai",
            "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya")),
        ("2.06", "Administrasi Umum Perangkat Daerah", 10, (
            "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
            "Penyediaan Peralatan dan Perlengkapan Kantor",
            "Penyediaan Peralatan Rumah Tangga", "Penyediaan Bahan Logistik Kantor",
            "Penyediaan Barang Cetakan dan Penggandaan",
            "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", "Penyediaan Bahan/Material",
            "Fasilitasi Kunjungan Tamu", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
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
        ("2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia "
                 "Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial", 12, (
                     "Penyediaan Permakanan", "Penyediaan Sandang", "Penyediaan Alat Bantu",
                     "Pemberian Pelayanan Reunifikasi Keluarga",
                     "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial",
                     "Pemberian Bimbingan Sosial kepada Keluarga dan Masyarakat",
                     "Fasilitasi Pembuatan Nomor Induk Kependudukan, Akta Kelahiran, Surat Nikah, dan Kartu "
                     "Identitas Anak",
                     "Pemberian Akses ke Layanan Pendidikan dan Kesehatan Dasar",
                     "Pemberian Layanan Data dan Pengaduan",
                     "Pemberian Layanan Kedaruratan", "Pemberian Pelayanan Penelusuran Keluarga",
                     "Pemberian Layanan Rujukan")),
        ("2.02", "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya Bukan Korban "
                 "HIV/AIDS dan NAPZA di Luar Panti Sosial", 13, ()),
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
            "Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota",
            "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota",
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
                    f"{_KEGIATAN_UMUM[rng.integers(len(_KEGIATAN_UMUM))]} "
                    f"{_SASARAN_UMUM[rng.integers(len(_SASARAN_UMUM))]}")
                bobot = float(rng.lognormal(0, 0.8))
                if kode_k == "1.06.01.2.02" and i == 0:
                    bobot = 30.0       # salaries: the largest line of every Dinas Sosial
                baris.append(Baris(f"{kode_k}.{i + 1:02d}", "subkegiatan", nama, kode_k, bobot))
    return tuple(baris)


KATALOG_ANGGARAN = _katalog_anggaran()
JENIS_WILAYAH = ("BDT", "BDT_NIK", "BDT_NON_NIK", "PKH", "BPNT", "PBI_JKN_APBN", "KUBE", "PSKS_PSM")
JENIS_BELANJA = ("Belanja Pegawai", "Belanja Barang dan Jasa", "Belanja Modal", "Belanja Hibah",
                 "Belanja Bantuan Sosial")
SUMBER = "data sintetis (python -m sakip_calc synth)"
POSISI = {b.kode: i for i, b in enumerate(KATALOG_ANGGARAN)}

# fmt: on
