"""Ringkasan: the headline cards and the three summary charts of one agency-year."""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc import analisis, efisiensi, periksa
from sakip_calc.domain.angka import format_angka, format_persen
from sakip_calc.presentation import grafik, narasi
from sakip_calc.presentation.bagian import pemantauan
from sakip_calc.presentation.tampilan import Bagan, Kartu, Kosong, Tampilan

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI: dict[str, str] = {}
# the summary's efficiency is always the default method, whatever Anggaran shows
METODE = efisiensi.metode(efisiensi.METODE_BAKU)


def _ringkasan(v: Tampilan) -> dict:
    # without the data-problem count: the deck does not show it, so its view runs no checks;
    # the page's card counts the problems itself
    return analisis.ringkasan(
        v.baca(analisis.skor_indikator, v.instansi_id, v.batas, v.skala),
        v.baca(analisis.anggaran_tahun, v.instansi_id, v.tahun),
        v.baca(analisis.efisiensi_program, v.instansi_id, v.tahun, METODE.kode, v.batas),
        pd.DataFrame(),
        v.baca(analisis.skala, v.skala),
        v.tahun,
        v.tahun_banding,
    )


def ringkasan(v: Tampilan) -> dict:
    """The agency-year summary every section of the page shares, computed once per view."""
    return v.sekali(_ringkasan)


def kartu(v: Tampilan) -> tuple[list[Kartu], str | None, str | None, str]:
    """The five cards (the second is the predikat: label, colour), and the page's reading."""
    r = ringkasan(v)
    selisih = (
        r["rata_capaian"] - r["rata_banding"]
        if r["rata_capaian"] is not None and r["rata_banding"] is not None
        else None
    )
    tanda = "+" if selisih and selisih > 0 else ""
    kartu = [
        Kartu(
            "Capaian rata-rata",
            format_persen(r["rata_capaian"], 1),
            f"{tanda}{format_angka(selisih, 1)} poin dari {v.tahun_banding}" if selisih is not None else None,
            "Rata-rata skor indikator sasaran (IKU); bila tidak ada, indikator program.",
        ),
        Kartu(
            "Serapan anggaran",
            format_persen(r["anggaran"]["serapan"]),
            f"pagu {format_angka(r['anggaran']['pagu'])}" if r["anggaran"]["pagu"] else None,
        ),
        Kartu(
            "Efisiensi",
            METODE.teks(r["efisiensi"]),
            METODE.rumus,
            f"Metode: {METODE.keterangan}.",
        ),
        Kartu(
            "Masalah data",
            format_angka(len(v.baca(analisis.masalah_data, v.instansi_id))),
            f"rekonsiliasi {format_persen(_skor_rekonsiliasi(v), 1)}",
            "Skor rekonsiliasi: bagian angka yang dinyatakan laporan tahun ini yang cocok dengan baris datanya "
            "(rinciannya di Kualitas Data).",
        ),
        _kartu_berisiko(v),
    ]
    kalimat = (
        narasi.kalimat_capaian(r["rata_capaian"], r["predikat"], v.tahun, r["rata_banding"], v.tahun_banding)
        + " "
        + narasi.kalimat_anggaran(r["anggaran"], v.tahun)
    )
    return kartu, r["predikat"], r["warna"], kalimat


def _skor_rekonsiliasi(v: Tampilan) -> float | None:
    rek = v.baca(analisis.rekonsiliasi, v.instansi_id)
    return periksa.skor_rekonsiliasi(rek[rek["tahun"] == v.tahun])


def _kartu_berisiko(v: Tampilan) -> Kartu:
    hitung = pemantauan.jumlah_berisiko(v)
    if hitung is None:
        return Kartu("Berisiko (triwulan)", "–", "tidak ada data triwulan")
    return Kartu("Berisiko (triwulan)", format_angka(hitung[0]), f"{hitung[1]} · lihat Pemantauan")


def grafik_capaian(v: Tampilan) -> Bagan | Kosong:
    r = ringkasan(v)
    if r["iku"].empty:
        return Kosong(f"Tidak ada indikator sasaran/program untuk {v.tahun}.")
    iku = r["iku"]
    if iku["skor"].nunique() == 1 and iku["capaian"].nunique() > 1:
        # every capped score the same (Temanggung: all 100): bars of 100 say nothing; the raw
        # capaian shows which indicators went past their target and which fell short
        return Bagan(
            "rk_capaian",
            grafik.batang_capaian(
                iku,
                f"Capaian indikator utama {v.tahun} sebelum batas skor (%)",
                v.sumber("tabel capaian"),
                kolom="capaian",
            ),
            f"Semua skor berbatas bernilai {format_angka(iku['skor'].iloc[0], 0)}; grafik memakai capaian "
            "sebelum batas. " + narasi.kalimat_predikat(iku),
        )
    return Bagan(
        "rk_capaian",
        grafik.batang_capaian(iku, f"Skor capaian indikator utama {v.tahun} (%)", v.sumber("tabel capaian")),
        narasi.kalimat_predikat(iku),
    )


def grafik_predikat(v: Tampilan) -> Bagan | Kosong:
    r = ringkasan(v)
    jumlah = r["jumlah_predikat"]
    terisi = jumlah[jumlah["jumlah"] > 0]
    if len(terisi) <= 1:
        # one bar and a row of zeros says less than one sentence
        kalimat = (
            f"Semua {int(terisi['jumlah'].iloc[0])} indikator utama {v.tahun} berpredikat {terisi['predikat'].iloc[0]}."
            if len(terisi)
            else f"Belum ada indikator utama berpredikat untuk {v.tahun}."
        )
        return Kosong(kalimat)
    # no reading under it on the page (the page's reading is at its top); the slide gets that reading
    return Bagan(
        "rk_predikat",
        grafik.batang_predikat(
            r["jumlah_predikat"], f"Jumlah indikator utama per predikat {v.tahun}", v.sumber("tabel capaian")
        ),
        catatan=narasi.kalimat_capaian(r["rata_capaian"], r["predikat"], v.tahun, r["rata_banding"], v.tahun_banding),
    )


def grafik_kuadran(v: Tampilan) -> Bagan | Kosong:
    program = ringkasan(v)["program"]
    if not program["serapan"].notna().any():
        return Kosong(f"Tidak ada realisasi anggaran per program untuk {v.tahun}.")
    return Bagan(
        "rk_kuadran",
        grafik.kuadran_efisiensi(program, f"Capaian vs serapan per program {v.tahun} (%)", v.sumber("tabel anggaran")),
        narasi.kalimat_efisiensi(program, METODE),
    )


GRAFIK = (grafik_capaian, grafik_predikat, grafik_kuadran)
