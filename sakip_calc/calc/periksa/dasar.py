"""What every check shares: the kinds of problem, the check classes with their rule and
tolerance, the input bundle and the shape of a comparison row."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

KOLOM = [
    "instansi",
    "tahun",
    "kelas",
    "tabel",
    "kunci",
    "jenis",
    "dilaporkan",
    "dihitung",
    "cocok",
    "sumber",
    "keterangan",
    "rujukan",
]

CAPAIAN_BEDA = "Capaian dilaporkan berbeda dari hitungan"
INDUK_BEDA = "Induk tidak sama dengan jumlah rinciannya"
TOTAL_BEDA = "Jumlah yang dinyatakan tidak sama dengan jumlah baris"
MELEBIHI_PAGU = "Realisasi melebihi pagu"
SERAPAN_BEDA = "Persentase serapan dilaporkan berbeda dari hitungan"
ANTAR_TABEL = "Angka yang sama berbeda antar tabel"
KODE_GANDA = "Kode ganda"
EFISIENSI_BEDA = "Efisiensi dilaporkan berbeda dari hitungan"
RASIO_BEDA = "Rasio dilaporkan berbeda dari hitungan"
SERAPAN_TANPA_PAGU = "Persentase dilaporkan tanpa pagu"
RATA_BEDA = "Rata-rata dilaporkan berbeda dari rata-rata indikatornya"
TRIWULAN_BEDA = "Jumlah triwulan tidak sama dengan angka tahunan"
PECAHAN_BEDA = "Pembilang ÷ penyebut berbeda dari realisasi"
TERBILANG_BEDA = "Angka dalam huruf berbeda dari angka dalam digit"
PERSEN_DIJUMLAH = "Persentase triwulan dijumlahkan (rumus 13 = 9+10+11+12)"
MELEBIHI_TARGET = "Realisasi melebihi target tanpa keterangan"

CETAK = (
    "sama dengan hitungan yang dibulatkan atau dipotong ke digit yang dicetak: [d − ½u, d + u), "
    "u = satu satuan digit terakhir"
)
PERSIS = "persis (selisih < Rp 1 / < 1 satuan)"


@dataclass(frozen=True)
class Kelas:
    kode: str
    label: str
    aturan: str
    toleransi: str


KELAS = {
    k.kode: k
    for k in (
        Kelas(
            "capaian",
            "Capaian indikator",
            "capaian dilaporkan = realisasi ÷ target × 100 (turun: (2·target − realisasi) ÷ target × 100), "
            "mentah atau berbatas",
            CETAK,
        ),
        Kelas(
            "rata_rata",
            "Rata-rata yang dinyatakan",
            "rata-rata capaian sasaran/program/instansi = rata-rata skor indikatornya (mentah atau berbatas)",
            CETAK,
        ),
        Kelas(
            "induk",
            "Induk dan rinciannya",
            "pagu, realisasi, pagu Renja dan pagu Renstra baris induk = jumlah rinciannya",
            PERSIS,
        ),
        Kelas(
            "triwulan",
            "Triwulan dan tahun",
            "Σ realisasi anggaran triwulan I-IV = realisasi tahun; "
            "triwulan indikator digabung (jumlah/akhir/rata) = realisasi tahun",
            PERSIS + " (anggaran, jumlah); indikator akhir/rata: " + CETAK,
        ),
        Kelas(
            "pecahan", "Pembilang dan penyebut", "pembilang ÷ penyebut × 100 = realisasi (indikator bersatuan %)", CETAK
        ),
        Kelas("serapan", "Persentase serapan", "serapan dilaporkan = realisasi ÷ pagu × 100", CETAK),
        Kelas("melebihi_pagu", "Realisasi dan pagu", "realisasi ≤ pagu", PERSIS),
        Kelas(
            "jumlah",
            "Jumlah yang dinyatakan",
            "jumlah/total dinyatakan = jumlah baris (program, jenis belanja, kecamatan, desa, BDT)",
            PERSIS,
        ),
        Kelas(
            "antar_tabel",
            "Angka yang sama di dua tempat",
            "angka yang dinyatakan di tempat lain = angka tabel utama",
            PERSIS + " (rupiah, jumlah); persentase: " + CETAK,
        ),
        Kelas(
            "terbilang",
            "Huruf dan digit",
            "angka dalam huruf (terbilang) = angka dalam digit di kalimat yang sama",
            PERSIS,
        ),
        Kelas(
            "efisiensi",
            "Efisiensi",
            "efisiensi dilaporkan = bentuk laporan (capaian − serapan, 100 − serapan) atau pagu − realisasi (rupiah)",
            CETAK + "; rupiah: " + PERSIS,
        ),
        Kelas("rasio", "Rasio wilayah", "rasio dilaporkan = rumus rasio terdaftar (`sebaran.RASIO`)", CETAK),
        Kelas("kode", "Kode baris", "satu nomor baris laporan per tempat", "tidak ada ganda"),
        Kelas(
            "form_renja",
            "Form Evaluasi Renja",
            "nilai tahunan indikator persentase/indeks = triwulan terakhir, bukan jumlah triwulannya; "
            "realisasi di atas target diberi keterangan",
            "persis",
        ),
    )
}

# a kind found by the statement checks -> its class
KELAS_JENIS = {
    CAPAIAN_BEDA: "capaian",
    INDUK_BEDA: "induk",
    TOTAL_BEDA: "jumlah",
    MELEBIHI_PAGU: "melebihi_pagu",
    SERAPAN_BEDA: "serapan",
    SERAPAN_TANPA_PAGU: "serapan",
    ANTAR_TABEL: "antar_tabel",
    KODE_GANDA: "kode",
    EFISIENSI_BEDA: "efisiensi",
    RASIO_BEDA: "rasio",
    RATA_BEDA: "rata_rata",
    TRIWULAN_BEDA: "triwulan",
    PECAHAN_BEDA: "pecahan",
    TERBILANG_BEDA: "terbilang",
    PERSEN_DIJUMLAH: "form_renja",
    MELEBIHI_TARGET: "form_renja",
}


@dataclass
class Data:
    """The rows of one agency (or all), read once for every check."""

    ind: pd.DataFrame  # store.indikator_capaian
    ang: pd.DataFrame  # calc.anggaran.tabel_anggaran over every agency-year
    tw: pd.DataFrame  # store.anggaran_triwulan
    wil: pd.DataFrame
    lap: pd.DataFrame
    bel: pd.DataFrame
    batas: dict  # instansi kode -> batas_capaian


def baris(instansi, tahun, tabel, kunci, jenis, dilaporkan, dihitung, cocok, sumber, keterangan="", rujukan="") -> dict:
    """One comparison made by a row-wise check."""
    return dict(
        zip(
            KOLOM,
            [
                instansi,
                tahun,
                KELAS_JENIS[jenis],
                tabel,
                kunci,
                jenis,
                dilaporkan,
                dihitung,
                bool(cocok),
                sumber or "",
                keterangan,
                rujukan,
            ],
        )
    )


def bingkai(df: pd.DataFrame, cocok, jenis: str, **kolom) -> pd.DataFrame:
    """Comparisons made all at once, one per row of `df`. Every one is counted (instansi, tahun,
    kelas, cocok); the other columns are filled for the disagreeing ones only, since a national
    database has millions of agreeing ones. A column is a scalar, an array or Series aligned with
    `df`, or a function of the disagreeing rows of `df`."""
    cocok = np.broadcast_to(np.asarray(cocok, dtype=bool), (len(df),))
    beda = df[~cocok]
    # .array keeps the columns' own (Arrow string) type: an object array would be parsed again
    isi = {"instansi": beda["instansi"].array, "tahun": beda["tahun"].to_numpy()}
    for k, v in kolom.items():
        if callable(v):
            v = v(beda)
        if isinstance(v, (pd.Series, np.ndarray, list)):
            v = np.asarray(v)
            v = v[~cocok] if len(v) == len(df) and len(v) != len(beda) else v
        isi[k] = v
    temuan = pd.DataFrame(isi, index=range(len(beda))).assign(jenis=jenis, cocok=False)
    for k in KOLOM:
        if k not in temuan:
            temuan[k] = ""
    temuan["sumber"] = temuan["sumber"].fillna("")
    cocok_saja = pd.DataFrame(
        {"instansi": df["instansi"].array[cocok], "tahun": df["tahun"].to_numpy()[cocok], "jenis": jenis}
    ).assign(cocok=True)
    hasil = pd.concat([temuan[KOLOM], cocok_saja], ignore_index=True) if cocok.any() else temuan[KOLOM]
    hasil["kelas"] = KELAS_JENIS[jenis]
    return hasil[KOLOM]


def dari_baris(daftar: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(daftar, columns=KOLOM)
