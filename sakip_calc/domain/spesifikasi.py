"""What a SAKIP workbook holds: sheets, columns, their meaning and their allowed values.

One declaration feeds the template (headers, notes, dropdowns), the importer (parsing and
validation) and the README, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of value; the number parser decides ambiguous separators by the kind (see angka.py).
TEKS = "teks"
KODE = "kode"  # identifier: kept as text, never parsed as a number
RUPIAH = "rupiah"  # money, whole rupiah
PERSEN = "persen"  # a percentage value, e.g. 97,64
DESIMAL = "desimal"  # any measured value (targets and realisasi of indicators)
JUMLAH = "jumlah"  # a count of people, households, institutions: whole numbers
TAHUN = "tahun"
TRIWULAN = "triwulan"

TINGKAT_INDIKATOR = ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")
TINGKAT_ANGGARAN = ("program", "kegiatan", "subkegiatan")
POLARITAS = ("naik", "turun")
# How quarterly values of one indicator make the year's value.
AGREGASI_TRIWULAN = ("jumlah", "akhir", "rata")
OBJEK_ANGKA_LAPORAN = ("indikator", "anggaran", "wilayah", "sasaran", "program", "instansi", "belanja")
BESARAN_ANGKA_LAPORAN = (
    "target",
    "realisasi",
    "capaian",
    "pagu",
    "pagu_renja",
    "pagu_renstra",
    "realisasi_anggaran",
    "serapan",
    "efisiensi",
    "efisiensi_rupiah",
    "jumlah",
    "rasio",
    "rata_capaian",
    "fisik_persen",
)

# Regional figures: code, name, group, unit. Codes are what a workbook's `jenis` column holds.
JENIS_WILAYAH: tuple[tuple[str, str, str, str], ...] = (
    ("PSKS_PEKSOS", "Pekerja Sosial Profesional", "PSKS", "orang"),
    ("PSKS_PSM", "Pekerja Sosial Masyarakat (PSM)", "PSKS", "orang"),
    ("PSKS_TAGANA", "Taruna Siaga Bencana (TAGANA)", "PSKS", "orang"),
    ("PSKS_LKS", "Lembaga Kesejahteraan Sosial (LKS)", "PSKS", "lembaga"),
    ("PSKS_KARANG_TARUNA", "Karang Taruna", "PSKS", "lembaga"),
    ("PSKS_LK3", "Lembaga Konsultasi Kesejahteraan Keluarga (LK3)", "PSKS", "lembaga"),
    ("PSKS_KELUARGA_PIONIR", "Keluarga Pionir", "PSKS", "keluarga"),
    ("PSKS_WKSBM", "Wahana Kesejahteraan Sosial Berbasis Masyarakat (WKSBM)", "PSKS", "lembaga"),
    ("PSKS_WPKS", "Wanita Pemimpin Kesejahteraan Sosial (WPKS)", "PSKS", "orang"),
    ("PSKS_PENYULUH", "Penyuluh Sosial", "PSKS", "orang"),
    ("PSKS_TKSK", "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", "PSKS", "orang"),
    ("PSKS_DUNIA_USAHA", "Dunia Usaha", "PSKS", "lembaga"),
    ("BDT", "Basis Data Terpadu (BDT/DTKS)", "BDT/DTKS", "jiwa"),
    ("BDT_NIK", "BDT/DTKS ber-NIK", "BDT/DTKS", "jiwa"),
    ("BDT_NON_NIK", "BDT/DTKS tanpa NIK", "BDT/DTKS", "jiwa"),
    ("PKH", "Program Keluarga Harapan (PKH)", "Bantuan sosial", "KPM"),
    ("BPNT", "Bantuan Pangan Non Tunai (BPNT/Sembako)", "Bantuan sosial", "KPM"),
    ("RASTRA", "Beras Sejahtera (RASTRA)", "Bantuan sosial", "KPM"),
    ("KJS", "Kartu Jateng Sejahtera (KJS)", "Bantuan sosial", "orang"),
    ("KUBE", "Kelompok Usaha Bersama (KUBE/UEP)", "Bantuan sosial", "kelompok"),
    ("PBI_JKN_APBN", "PBI JKN dari APBN", "Jaminan kesehatan", "jiwa"),
    ("PBI_JKN_APBD1", "PBI JKN dari APBD I (provinsi)", "Jaminan kesehatan", "jiwa"),
    ("PBI_JKN_APBD2", "PBI JKN dari APBD II (kabupaten)", "Jaminan kesehatan", "jiwa"),
    # DTSEN (Inpres 4/2025): families per welfare decile; the merged buckets of the SIKS-NG export
    # stay merged (7-10, and NULL = not yet ranked)
    ("DESIL_1", "DTSEN desil 1", "DTSEN", "keluarga"),
    ("DESIL_2", "DTSEN desil 2", "DTSEN", "keluarga"),
    ("DESIL_3", "DTSEN desil 3", "DTSEN", "keluarga"),
    ("DESIL_4", "DTSEN desil 4", "DTSEN", "keluarga"),
    ("DESIL_5", "DTSEN desil 5", "DTSEN", "keluarga"),
    ("DESIL_6", "DTSEN desil 6", "DTSEN", "keluarga"),
    ("DESIL_7_10", "DTSEN desil 7-10", "DTSEN", "keluarga"),
    ("DESIL_NULL", "DTSEN tanpa desil", "DTSEN", "keluarga"),
)
DESIL = tuple(j[0] for j in JENIS_WILAYAH if j[2] == "DTSEN")
KODE_JENIS_WILAYAH = tuple(j[0] for j in JENIS_WILAYAH)


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str
    catatan: str
    wajib: bool = False
    pilihan: tuple[str, ...] = ()
    minimum: float | None = None
    maksimum: float | None = None
    huruf_besar: bool = False  # a code read case-insensitively, stored upper-case (jenis: PKH = pkh)


@dataclass(frozen=True)
class Lembar:
    nama: str
    tabel: str  # the DuckDB table the sheet lands in
    kunci: tuple[str, ...]  # natural key: a re-import updates the row with the same key
    kolom: tuple[Kolom, ...] = field(default_factory=tuple)
    catatan: str = ""

    @property
    def nama_kolom(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom)

    def kolom_bernama(self, nama: str) -> Kolom:
        return next(k for k in self.kolom if k.nama == nama)


_INSTANSI = Kolom("instansi", KODE, "Kode singkat instansi dari lembar Instansi, mis. dinsos-temanggung.", wajib=True)
_TAHUN = Kolom("tahun", TAHUN, "Tahun anggaran/kinerja, 4 digit (2000-2100).", wajib=True, minimum=2000, maksimum=2100)
_SUMBER = Kolom("sumber", TEKS, "Asal angka di laporan, mis. 'LKjIP 2023 Tabel 3.9'. Untuk penelusuran.")
_CATATAN = Kolom("catatan", TEKS, "Catatan bebas, mis. keputusan transkripsi.")

LEMBAR: tuple[Lembar, ...] = (
    Lembar(
        "Instansi",
        "instansi",
        ("kode",),
        (
            Kolom(
                "kode", KODE, "Kode singkat unik instansi, huruf kecil dan tanda hubung, mis. dinsos-tegal.", wajib=True
            ),
            Kolom("nama", TEKS, "Nama lengkap instansi, mis. Dinas Sosial Kabupaten Tegal.", wajib=True),
            Kolom(
                "kabupaten",
                TEKS,
                "Kabupaten/kota menurut daftar resmi Kemendagri: nama (Kota Tegal, Kab. Tegal; Tegal saja bila nama "
                "instansi menyebut Kabupaten/Kota) atau kode (33.28).",
                wajib=True,
            ),
            Kolom("provinsi", TEKS, "Nama provinsi, mis. Jawa Tengah.", wajib=True),
            Kolom(
                "skala_predikat",
                KODE,
                "Skala predikat yang dipakai laporan: permenpan, permendagri86, tegal2018, atau nama skala di lembar "
                "Skala.",
            ),
            Kolom(
                "batas_capaian",
                PERSEN,
                "Batas atas skor capaian untuk penilaian, mis. 100. Kosong = tanpa batas.",
                minimum=0,
            ),
        ),
        "Satu baris per instansi (OPD).",
    ),
    Lembar(
        "Indikator",
        "indikator",
        ("instansi", "kode"),
        (
            _INSTANSI,
            Kolom("kode", KODE, "Kode indikator, unik per instansi, mis. IKU-01 atau 1.06.04-01.", wajib=True),
            Kolom("nama", TEKS, "Nama indikator seperti tertulis di laporan.", wajib=True),
            Kolom(
                "tingkat",
                KODE,
                "Tingkat: tujuan, sasaran, program, kegiatan, subkegiatan.",
                wajib=True,
                pilihan=TINGKAT_INDIKATOR,
            ),
            Kolom("sasaran", TEKS, "Sasaran strategis atau sasaran program yang diukur indikator ini.", wajib=True),
            Kolom("program_kode", KODE, "Kode baris anggaran (lembar Anggaran) yang mendanai indikator ini, bila ada."),
            Kolom("satuan", TEKS, "Satuan: %, orang, KK, lembaga, nilai, paket, ..."),
            Kolom(
                "polaritas",
                KODE,
                "naik = makin tinggi makin baik; turun = makin rendah makin baik (mis. angka kemiskinan).",
                wajib=True,
                pilihan=POLARITAS,
            ),
            Kolom("kondisi_awal", DESIMAL, "Nilai awal sebelum periode Renstra."),
            Kolom("target_akhir", DESIMAL, "Target akhir periode Renstra."),
            Kolom("periode_awal", TAHUN, "Tahun pertama periode Renstra.", minimum=2000, maksimum=2100),
            Kolom("periode_akhir", TAHUN, "Tahun terakhir periode Renstra.", minimum=2000, maksimum=2100),
            Kolom(
                "agregasi_triwulan",
                KODE,
                "Cara nilai triwulan menjadi nilai tahunan: jumlah, akhir (triwulan terakhir), rata.",
                pilihan=AGREGASI_TRIWULAN,
            ),
            Kolom("nama_pembilang", TEKS, "Arti pembilang (numerator) bila indikator berupa rasio."),
            Kolom("nama_penyebut", TEKS, "Arti penyebut (denominator) bila indikator berupa rasio."),
        ),
        "Satu baris per indikator kinerja.",
    ),
    Lembar(
        "Capaian",
        "capaian",
        ("instansi", "indikator_kode", "tahun", "triwulan"),
        (
            _INSTANSI,
            Kolom("indikator_kode", KODE, "Kode indikator dari lembar Indikator.", wajib=True),
            _TAHUN,
            Kolom("triwulan", TRIWULAN, "1-4 untuk nilai triwulan; kosong untuk nilai tahunan.", minimum=1, maksimum=4),
            Kolom("target", DESIMAL, "Target (atau batas bawah bila target berupa rentang)."),
            Kolom("target_atas", DESIMAL, "Batas atas bila target berupa rentang; kosong bila target tunggal."),
            Kolom("realisasi", DESIMAL, "Realisasi."),
            Kolom(
                "capaian_dilaporkan", PERSEN, "Persentase capaian seperti tertulis di laporan (tidak dihitung ulang)."
            ),
            Kolom("pembilang", DESIMAL, "Pembilang (numerator) realisasi bila ada."),
            Kolom("penyebut", DESIMAL, "Penyebut (denominator) realisasi bila ada."),
            _SUMBER,
            _CATATAN,
        ),
        "Target dan realisasi indikator per tahun (dan per triwulan bila ada).",
    ),
    Lembar(
        # not "Catatan": a bulk folder's catatan.csv is a note about the folder, not this sheet
        "Penjelasan",
        "catatan_indikator",
        ("instansi", "indikator_kode", "tahun"),
        (
            _INSTANSI,
            Kolom("indikator_kode", KODE, "Kode indikator dari lembar Indikator.", wajib=True),
            _TAHUN,
            Kolom("penyebab", TEKS, "Penyebab keberhasilan atau kegagalan capaian tahun ini (analisis 5 LKjIP)."),
            Kolom("hambatan", TEKS, "Hambatan atau kendala yang dihadapi."),
            Kolom("solusi", TEKS, "Solusi atau langkah yang ditempuh dan direncanakan."),
            Kolom("target_nasional", TEKS, "Target nasional (RPJMN/Renstra Kementerian) bila ada, dengan sumbernya."),
            Kolom("penulis", TEKS, "Siapa yang menulis penjelasan ini."),
            Kolom("diubah", TEKS, "Kapan penjelasan ini terakhir diubah, mis. 2024-03-01 10:00 UTC."),
        ),
        "Penjelasan instansi per indikator-tahun untuk Draf LKjIP Bab III (opsional): hal yang tidak ada di angka.",
    ),
    Lembar(
        "Anggaran",
        "anggaran",
        ("instansi", "tahun", "kode"),
        (
            _INSTANSI,
            _TAHUN,
            Kolom(
                "kode",
                KODE,
                "Kode resmi (Permendagri 90/2019), mis. 1.06.04, 1.06.04.2.01, 1.06.04.2.01.01.",
                wajib=True,
            ),
            Kolom("kode_laporan", KODE, "Nomor baris seperti tertulis di laporan (mis. 1.2.1 atau a.), bila berbeda."),
            Kolom("tingkat", KODE, "program, kegiatan, atau subkegiatan.", wajib=True, pilihan=TINGKAT_ANGGARAN),
            Kolom("nama", TEKS, "Nama program/kegiatan/sub-kegiatan.", wajib=True),
            Kolom(
                "induk_kode",
                KODE,
                "Kode induk: program untuk kegiatan, kegiatan untuk sub-kegiatan; kosong untuk program.",
            ),
            Kolom("pagu", RUPIAH, "Pagu anggaran (APBD/DPA) dalam rupiah.", minimum=0),
            Kolom("pagu_renja", RUPIAH, "Pagu menurut Renja, bila dilaporkan.", minimum=0),
            Kolom("pagu_renstra", RUPIAH, "Pagu menurut Renstra, bila dilaporkan.", minimum=0),
            Kolom("realisasi", RUPIAH, "Realisasi anggaran dalam rupiah.", minimum=0),
            Kolom("serapan_dilaporkan", PERSEN, "Persentase realisasi keuangan seperti tertulis di laporan."),
            Kolom("fisik_persen", PERSEN, "Realisasi fisik (%), bila dilaporkan.", minimum=0),
            Kolom("sumber_dana", TEKS, "Sumber dana, mis. APBD, DAK, APBN."),
            Kolom("realisasi_tw1", RUPIAH, "Realisasi anggaran triwulan I (bukan kumulatif).", minimum=0),
            Kolom("realisasi_tw2", RUPIAH, "Realisasi anggaran triwulan II (bukan kumulatif).", minimum=0),
            Kolom("realisasi_tw3", RUPIAH, "Realisasi anggaran triwulan III (bukan kumulatif).", minimum=0),
            Kolom("realisasi_tw4", RUPIAH, "Realisasi anggaran triwulan IV (bukan kumulatif).", minimum=0),
            _SUMBER,
            _CATATAN,
        ),
        "Pagu dan realisasi per program, kegiatan, sub-kegiatan.",
    ),
    Lembar(
        "Wilayah",
        "wilayah",
        ("instansi", "tahun", "periode", "kecamatan", "desa", "jenis"),
        (
            _INSTANSI,
            _TAHUN,
            Kolom(
                "kecamatan",
                TEKS,
                "Nama kecamatan, dicocokkan dengan daftar resmi Kemendagri (ejaan lain dikonfirmasi di pratinjau "
                "Impor). Kosong = angka tingkat kabupaten/kota.",
            ),
            Kolom("desa", TEKS, "Nama desa/kelurahan menurut daftar resmi; kosong untuk angka tingkat kecamatan."),
            Kolom(
                "jenis",
                KODE,
                "Jenis data: " + ", ".join(KODE_JENIS_WILAYAH) + ", atau kode jenis baru dari lembar Jenis.",
                wajib=True,
                huruf_besar=True,
            ),
            Kolom("nilai", JUMLAH, "Jumlah (orang, KK, lembaga, ...), bilangan bulat.", wajib=True, minimum=0),
            _SUMBER,
            # last, so that sheets written before it keep their column positions
            Kolom(
                "periode",
                TEKS,
                "Periode pemutakhiran data bila lebih dari satu per tahun, YYYY-MM (mis. DTSEN 2025-06); kosong = "
                "tahunan. Tiap periode disimpan; halaman memakai periode terakhir tiap tahun.",
            ),
        ),
        "Sebaran per kecamatan dan desa: PSKS, BDT/DTKS, PKH, BPNT/RASTRA, PBI-JKN, KJS.",
    ),
    Lembar(
        "Belanja",
        "belanja",
        ("instansi", "tahun", "jenis_belanja"),
        (
            _INSTANSI,
            _TAHUN,
            Kolom(
                "jenis_belanja", TEKS, "Jenis belanja: pegawai, barang dan jasa, modal, hibah, bansos, ...", wajib=True
            ),
            Kolom("pagu", RUPIAH, "Pagu jenis belanja, bila dilaporkan.", minimum=0),
            Kolom("realisasi", RUPIAH, "Realisasi jenis belanja.", minimum=0),
            _SUMBER,
        ),
        "Komposisi belanja menurut jenis, bila dilaporkan.",
    ),
    Lembar(
        "AngkaLaporan",
        "angka_laporan",
        ("instansi", "tahun", "sumber", "objek", "kode", "kecamatan", "besaran"),
        (
            _INSTANSI,
            _TAHUN,
            Kolom("sumber", TEKS, "Tabel atau halaman tempat angka ini tertulis, mis. 'Tabel 3.10'.", wajib=True),
            Kolom(
                "objek",
                KODE,
                "Yang diberi angka: " + ", ".join(OBJEK_ANGKA_LAPORAN) + ".",
                wajib=True,
                pilihan=OBJEK_ANGKA_LAPORAN,
            ),
            Kolom(
                "kode",
                TEKS,
                "Kode indikator/anggaran, jenis wilayah, nama sasaran; kosong untuk instansi.",
            ),
            Kolom(
                "kecamatan",
                TEKS,
                "Untuk jumlah wilayah per kecamatan (mis. jumlah desa); kosong untuk jumlah kabupaten.",
            ),
            Kolom(
                "besaran",
                KODE,
                "Besaran: " + ", ".join(BESARAN_ANGKA_LAPORAN) + ".",
                wajib=True,
                pilihan=BESARAN_ANGKA_LAPORAN,
            ),
            Kolom("nilai", DESIMAL, "Angka seperti tertulis di laporan."),
            Kolom("teks_asli", TEKS, "Teks asli bila angkanya tidak terbaca atau janggal, mis. '13,11,0'."),
            _CATATAN,
        ),
        "Angka yang dinyatakan laporan di tempat lain (jumlah, rata-rata, tabel kedua) untuk diperiksa, tidak untuk "
        "dijumlahkan.",
    ),
    Lembar(
        "Skala",
        "skala_predikat",
        ("nama", "kode"),
        (
            Kolom("nama", KODE, "Nama skala, mis. skala-kustom-2024.", wajib=True),
            Kolom("kode", KODE, "Kode predikat, mis. AA atau ST.", wajib=True),
            Kolom("label", TEKS, "Label predikat, mis. Sangat Memuaskan.", wajib=True),
            Kolom(
                "batas_bawah",
                PERSEN,
                "Skor di atas nilai ini (atau sama, bila inklusif) masuk predikat ini; kosong untuk predikat terendah.",
            ),
            Kolom(
                "inklusif", KODE, "ya bila batas bawah termasuk (>=), tidak bila tidak (>).", pilihan=("ya", "tidak")
            ),
            Kolom("warna", KODE, "Warna heksadesimal untuk grafik, mis. #1a9850."),
        ),
        "Skala predikat kustom (opsional). Predikat diperiksa dari batas tertinggi ke terendah.",
    ),
    Lembar(
        "Jenis",
        "jenis_wilayah",
        ("kode",),
        (
            Kolom("kode", KODE, "Kode jenis data wilayah baru, mis. PPKS_DTKS_VERVAL.", wajib=True, huruf_besar=True),
            Kolom("nama", TEKS, "Nama jenis data, mis. PPKS DTKS terverifikasi-validasi.", wajib=True),
            Kolom("kelompok", TEKS, "Kelompok, mis. BDT/DTKS, PSKS, Bantuan sosial.", wajib=True),
            Kolom("satuan", TEKS, "Satuan, mis. jiwa, KPM, orang, lembaga.", wajib=True),
            Kolom(
                "dapat_dijumlah",
                KODE,
                "ya bila angka per kecamatan boleh dijumlah menjadi angka kabupaten/kota (kosong = ya).",
                pilihan=("ya", "tidak"),
            ),
        ),
        "Jenis data wilayah baru (opsional), di luar jenis bawaan; dipakai kolom jenis lembar Wilayah.",
    ),
)

# Sheets outside the template register here too (ingest/geojson.py: Batas, an uploaded GeoJSON)
LEMBAR_BERNAMA = {l.nama: l for l in LEMBAR}
WAJIB_ADA = ("Instansi",)  # a workbook may carry any subset of the other sheets
