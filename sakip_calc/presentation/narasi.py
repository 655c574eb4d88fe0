"""One-sentence readings of the data, in Indonesian, for pages and speaker notes."""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc.efisiensi import TIDAK_DAPAT_DINILAI, MetodeEfisiensi
from sakip_calc.calc.skor import _ada
from sakip_calc.domain.angka import format_angka, format_persen, format_rupiah_singkat


def _poin(selisih: float) -> str:
    arah = "naik" if selisih > 0 else "turun"
    return f"{arah} {format_angka(abs(selisih), 1)} poin"


def kalimat_capaian(rata, predikat: str | None, tahun: int, rata_banding=None, tahun_banding=None) -> str:
    if not _ada(rata):
        return f"Belum ada capaian indikator yang dapat dihitung untuk {tahun}."
    kalimat = f"Capaian rata-rata {tahun} {format_persen(rata, 1)}" + (f" ({predikat})" if predikat else "")
    if _ada(rata_banding) and tahun_banding:
        selisih = rata - rata_banding
        kalimat += (
            f", sama dengan {tahun_banding}" if abs(selisih) < 0.05 else f", {_poin(selisih)} dari {tahun_banding}"
        )
    return kalimat + "."


def kalimat_predikat(df: pd.DataFrame) -> str:
    """`df`: scored indicators of one year (skor, predikat)."""
    isi = df[df["skor"].notna()]
    if isi.empty:
        return "Belum ada indikator yang dapat dinilai."
    terbanyak = isi["predikat"].value_counts()
    di_bawah = int((isi["capaian"] < 100).sum())
    return f"{terbanyak.iloc[0]} dari {len(isi)} indikator berpredikat {terbanyak.index[0]}; " + (
        f"{di_bawah} indikator di bawah target." if di_bawah else "semua indikator mencapai target."
    )


def kalimat_anggaran(total: dict, tahun: int) -> str:
    if not _ada(total.get("pagu")):
        return f"Tidak ada data anggaran {tahun}."
    if not _ada(total.get("serapan")):
        return f"Pagu {tahun} {format_rupiah_singkat(total['pagu'])}; realisasinya tidak dilaporkan."
    return (
        f"Serapan anggaran {tahun} {format_persen(total['serapan'])}: {format_rupiah_singkat(total['realisasi'])} "
        f"dari pagu {format_rupiah_singkat(total['pagu'])}."
    )


def kalimat_efisiensi(per_program: pd.DataFrame, metode: MetodeEfisiensi) -> str:
    """The reading of `per_program` (from calc.anggaran.efisiensi_program) by the method it was
    computed with: its own threshold and words; programs without their own indicator said apart."""
    isi = per_program[per_program["status_efisiensi"].notna()]
    if isi.empty:
        return "Efisiensi program belum dapat dihitung (capaian atau serapan kosong)."
    dinilai = isi[isi["status_efisiensi"] != TIDAK_DAPAT_DINILAI]
    ambang, di_atas, _ = metode.baca
    bagian = []
    if len(dinilai):
        atas = int((dinilai["status_efisiensi"] == di_atas).sum())
        bagian.append(
            f"{atas} dari {len(dinilai)} program {di_atas} ({metode.rumus} ≥ {format_angka(ambang)} {metode.satuan})"
        )
    if tanpa := len(isi) - len(dinilai):
        bagian.append(f"{tanpa} program {TIDAK_DAPAT_DINILAI} karena tidak punya indikator program sendiri")
    terendah = isi.sort_values("serapan").iloc[0]
    bagian.append(f"serapan terendah {_pendek(terendah['nama'])} {format_persen(terendah['serapan'])}")
    kalimat = "; ".join(bagian)
    return kalimat[0].upper() + kalimat[1:] + "."


def kalimat_wilayah(df: pd.DataFrame, nama_jenis: str, satuan: str, tingkat: str = "Kecamatan") -> str:
    """`df`: columns nama, nilai, persen for one jenis."""
    if df.empty:
        return f"Tidak ada data {nama_jenis}."
    puncak = df.sort_values("nilai", ascending=False).iloc[0]
    total = df["nilai"].sum()
    return (
        f"{tingkat} {puncak['nama']} mencatat {nama_jenis} terbanyak: {format_angka(puncak['nilai'])} {satuan} "
        f"({format_persen(puncak['persen'], 1)} dari total {format_angka(total)})."
    )


def kalimat_tren(df: pd.DataFrame, nama: str) -> str:
    """`df`: one indicator's yearly rows with realisasi and capaian, sorted by year."""
    isi = df[df["realisasi"].notna()].sort_values("tahun")
    if len(isi) < 2:
        return f"{_pendek(nama)}: data kurang dari dua tahun."
    awal, akhir = isi.iloc[0], isi.iloc[-1]
    arah = (
        "naik"
        if akhir["realisasi"] > awal["realisasi"]
        else "turun"
        if akhir["realisasi"] < awal["realisasi"]
        else "tetap"
    )
    capai = int((isi["capaian"] >= 100).sum())
    return (
        f"{_pendek(nama)}: realisasi {arah} dari {format_angka(awal['realisasi'], 2)} ({int(awal['tahun'])}) "
        f"ke {format_angka(akhir['realisasi'], 2)} ({int(akhir['tahun'])}); target tercapai {capai} dari {len(isi)} "
        "tahun."
    )


def kalimat_masalah(masalah: pd.DataFrame) -> str:
    if masalah.empty:
        return "Tidak ditemukan angka yang saling bertentangan."
    jenis = masalah["jenis"].value_counts()
    return f"{len(masalah)} masalah data ditemukan; terbanyak: {jenis.index[0].lower()} ({jenis.iloc[0]})."


def _pendek(teks: str, n: int = 60) -> str:
    teks = str(teks)
    return teks if len(teks) <= n else teks[: n - 1].rstrip() + "…"


def kalimat_peringkat(
    nama: str, df: pd.DataFrame, kolom: str, label: str, satuan: str, wilayah: str, minimum: int = 1
) -> str:
    """Where one agency stands among the ranked agencies (`df` from analisis.peringkat); with
    fewer than `minimum` agencies, their values side by side without a rank or a median."""
    berisi = df[df[kolom].notna()]
    sendiri = berisi[berisi["nama"] == nama]
    if berisi.empty:
        return f"Belum ada nilai {label.lower()} untuk dibandingkan."
    if len(berisi) < minimum:
        nilai = "; ".join(f"{r['nama']} {format_angka(r[kolom], 2)} {satuan}" for _, r in berisi.iterrows())
        return f"Hanya {len(berisi)} instansi {wilayah} punya nilai {label.lower()} ({nilai}): peringkat tidak disusun."
    median = f"{format_angka(berisi[kolom].median(), 2)} {satuan}"
    if sendiri.empty:
        return f"{nama} tidak punya nilai {label.lower()} tahun ini; median {len(berisi)} instansi {wilayah} {median}."
    r = sendiri.iloc[0]
    return (
        f"{nama} berada di peringkat {r['peringkat']} dari {len(berisi)} instansi {wilayah} menurut {label.lower()} "
        f"({format_angka(r[kolom], 2)} {satuan}; median {median})."
    )
