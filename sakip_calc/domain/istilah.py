"""The glossary: each term the pages use, defined once (shown on the Ringkasan Rapat page)."""

from __future__ import annotations

from typing import NamedTuple


class Istilah(NamedTuple):
    istilah: str
    kepanjangan: str
    arti: str


DAFTAR: tuple[Istilah, ...] = (
    Istilah(
        "IKU",
        "Indikator Kinerja Utama",
        "Ukuran keberhasilan sasaran strategis yang dijanjikan dalam Perjanjian Kinerja dan dilaporkan di LKjIP.",
    ),
    Istilah(
        "Capaian",
        "Capaian kinerja",
        "Realisasi dibanding target dalam persen; untuk indikator yang makin kecil makin baik "
        "(mis. angka kemiskinan) dihitung (target − (realisasi − target)) / target × 100.",
    ),
    Istilah(
        "Skor",
        "Skor capaian",
        "Capaian yang dipakai untuk rata-rata dan predikat; dapat dibatasi 100 (aturan Temanggung) "
        "atau tidak dibatasi (Tegal), sesuai pilihan 'Skor capaian' di panel samping.",
    ),
    Istilah(
        "Predikat",
        "Predikat kinerja",
        "Kata penilaian skor menurut skala yang dipilih (PermenPAN-RB AA–D, Permendagri 86/2017, atau skala Tegal).",
    ),
    Istilah(
        "TT / UK",
        "Telah Tercapai / Upaya Keras",
        "Status indikator terhadap target: TT bila capaian 100 % atau lebih, UK bila di bawahnya.",
    ),
    Istilah("Serapan", "Serapan anggaran", "Realisasi anggaran dibagi pagu × 100: bagian anggaran yang dibelanjakan."),
    Istilah(
        "Efisiensi",
        "Efisiensi anggaran",
        "Perbandingan capaian kinerja dengan serapan anggaran; rumusnya menurut metode yang dipilih "
        "(mis. capaian − serapan, dalam poin). Program tanpa indikator sendiri tidak dapat dinilai.",
    ),
    Istilah(
        "PSKS",
        "Potensi dan Sumber Kesejahteraan Sosial",
        "Perorangan dan lembaga yang membantu penyelenggaraan kesejahteraan sosial: TKSK, PSM, Karang Taruna, "
        "TAGANA, LKS, Pekerja Sosial, dan lain-lain.",
    ),
    Istilah(
        "BDT / DTKS",
        "Basis Data Terpadu / Data Terpadu Kesejahteraan Sosial",
        "Basis data nasional keluarga miskin dan rentan, dihitung per kecamatan dan desa (dengan dan tanpa NIK).",
    ),
    Istilah(
        "KPM",
        "Keluarga Penerima Manfaat",
        "Keluarga yang menerima bantuan sosial (PKH, BPNT/Sembako) dalam satu periode.",
    ),
)
