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


def kalimat_berimpit(kelompok: list[list[str]]) -> str:
    """Which trend lines lie on top of each other ('' when none do)."""
    if not kelompok:
        return ""
    jumlah = sum(len(k) for k in kelompok)
    daftar = "; ".join(", ".join(k[:-1]) + f" dan {k[-1]}" for k in kelompok)
    return (
        f"{jumlah} garis berimpit ({daftar}): skornya sama pada setiap tahun yang sama-sama berdata; "
        "garis di bawah digambar lebih lebar."
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


# ---- the seven analyses of LKjIP Chapter III (PermenPANRB 53/2014), per indicator or sasaran ----
# Every figure a sentence prints is a value of the row it is given or one subtraction/division of
# two of them; a comparison the data cannot make is said to be missing, never left out.

TIDAK_ADA = "tidak tersedia"  # the words that mark an analysis the data cannot make


def nilai(x) -> str:
    """A report figure as the reports print it: whole numbers bare, others with two decimals."""
    return format_angka(x, 0 if float(x).is_integer() else 2)


def persen(x) -> str:
    return f"{nilai(x)}\u00a0%"  # no line break between a figure and its sign


def _satuan(satuan) -> str:
    s = str(satuan or "").strip()
    return "" if s in ("", "%") else f" {s}"


def _ukur(x, satuan) -> str:
    """A value with its unit: '65,29 %', '175 orang', '68 nilai'."""
    return persen(x) if str(satuan or "").strip() == "%" else f"{nilai(x)}{_satuan(satuan)}"


def _arah(selisih: float, polaritas: str) -> tuple[str, str]:
    """('naik'|'turun'|'tetap', 'membaik'|'memburuk'|'') for a change of a value of this polarity."""
    if selisih == 0:
        return "tetap", ""
    naik = selisih > 0
    return ("naik" if naik else "turun"), ("membaik" if naik == (polaritas != "turun") else "memburuk")


def analisis_target(r, tahun: int) -> str:
    """(1) This year's realisation against this year's target, for one scored indicator row."""
    nama = _pendek(r["nama"], 90)
    if not _ada(r["target"]) or not _ada(r["realisasi"]):
        kosong = "target" if not _ada(r["target"]) else "realisasi"
        return f"{nama}: {kosong} {tahun} {TIDAK_ADA}, sehingga capaian tidak dapat dihitung."
    kalimat = (
        f"{nama}: target {tahun} {_ukur(r['target'], r['satuan'])}, realisasi {_ukur(r['realisasi'], r['satuan'])}"
    )
    if r["polaritas"] == "turun":
        kalimat += " (makin kecil makin baik)"
    if not _ada(r["capaian"]):
        return kalimat + "; capaian tidak dapat dihitung (target 0)."
    kalimat += f", capaian {persen(r['capaian'])}" + (f" ({r['predikat']})" if isinstance(r["predikat"], str) else "")
    if r["capaian"] >= 100:
        kalimat += "; target tercapai"
        if _ada(r["skor"]) and r["skor"] < r["capaian"]:
            kalimat += f" dan dinilai {persen(r['skor'])} setelah batas skor"
    else:
        kalimat += f"; {nilai(100 - r['capaian'])} poin di bawah target"
    kalimat += "."
    if r.get("beda_laporan") is True and _ada(r["capaian_dilaporkan"]):
        kalimat += f" Laporan mencantumkan capaian {persen(r['capaian_dilaporkan'])}, berbeda dari hitungan ini."
    return kalimat


def analisis_tahun_lalu(riwayat: pd.DataFrame, tahun: int) -> str:
    """(2) Against last year and the earlier years: `riwayat` is one indicator's yearly rows."""
    riwayat = riwayat.sort_values("tahun")
    ini = riwayat[riwayat["tahun"] == tahun]
    nama = _pendek(riwayat["nama"].iloc[0], 90)
    sebelum = riwayat[(riwayat["tahun"] < tahun) & riwayat["realisasi"].notna()]
    if sebelum.empty:
        return f"{nama}: realisasi sebelum {tahun} {TIDAK_ADA}, sehingga perbandingan antartahun tidak dapat dibuat."
    if ini.empty or not _ada(ini["realisasi"].iloc[0]):
        return f"{nama}: realisasi {tahun} {TIDAK_ADA}, sehingga perbandingan antartahun tidak dapat dibuat."
    r, b = ini.iloc[0], sebelum.iloc[-1]
    satuan, tb = r["satuan"], int(b["tahun"])
    selisih = r["realisasi"] - b["realisasi"]
    arah, mutu = _arah(selisih, r["polaritas"])
    if arah == "tetap":
        kalimat = f"{nama}: realisasi {tahun} sama dengan {tb} ({_ukur(r['realisasi'], satuan)})"
    else:
        kalimat = (
            f"{nama}: realisasi {arah} dari {_ukur(b['realisasi'], satuan)} ({tb}) menjadi "
            f"{_ukur(r['realisasi'], satuan)} ({tahun}), selisih {nilai(abs(selisih))}{_satuan(satuan) or ' poin'}"
        )
        if b["realisasi"] != 0:
            kalimat += f" atau {persen(abs(selisih) / abs(b['realisasi']) * 100)}"
        kalimat += f", artinya {mutu}"
    if _ada(r["capaian"]) and _ada(b["capaian"]):
        beda = r["capaian"] - b["capaian"]
        ubah = "naik" if beda > 0 else "turun"
        kalimat += (
            f"; capaian tetap {persen(r['capaian'])}"
            if abs(beda) < 0.005
            else f"; capaian {ubah} {nilai(abs(beda))} poin dari {persen(b['capaian'])}"
        )
    kalimat += "."
    if len(sebelum) >= 2:
        deret = "; ".join(f"{int(t)}: {_ukur(x, satuan)}" for t, x in zip(sebelum["tahun"], sebelum["realisasi"]))
        capai = int((sebelum["capaian"] >= 100).sum())
        kalimat += (
            f" Realisasi tahun-tahun sebelumnya: {deret}; target tercapai pada {capai} dari {len(sebelum)} tahun itu."
        )
    return kalimat


def analisis_renstra(r, tahun: int, capaian_akhir) -> str:
    """(3) Against the Renstra end target: the gap and the yearly pace that closes it.
    `capaian_akhir`: the realisation scored against the end target (domain.rumus.capaian)."""
    nama = _pendek(r["nama"], 90)
    if not _ada(r["target_akhir"]):
        return f"{nama}: target akhir Renstra {TIDAK_ADA} di data, sehingga perbandingan tidak dapat dibuat."
    if not _ada(r["realisasi"]):
        return f"{nama}: realisasi {tahun} {TIDAK_ADA}, sehingga jarak ke target akhir Renstra tidak dapat dihitung."
    satuan, akhir = r["satuan"], r["target_akhir"]
    periode = int(r["periode_akhir"]) if _ada(r["periode_akhir"]) else None
    kalimat = f"{nama}: target akhir Renstra{f' {periode}' if periode else ''} {_ukur(akhir, satuan)}"
    if _ada(capaian_akhir):
        kalimat += f"; realisasi {tahun} setara {persen(capaian_akhir)} dari target itu"
    tercapai = _ada(capaian_akhir) and capaian_akhir >= 100
    if tercapai:
        kalimat += " (Telah Tercapai)"
        if periode and periode > tahun:
            kalimat += f", {periode - tahun} tahun sebelum akhir periode"
        return kalimat + "."
    jarak = abs(akhir - r["realisasi"])
    arah = "turun" if r["polaritas"] == "turun" else "naik"
    kalimat += f" (Upaya Keras); realisasi perlu {arah} {nilai(jarak)}{_satuan(satuan) or ' poin'} lagi"
    if periode and periode > tahun:
        sisa = periode - tahun
        kalimat += (
            f", rata-rata {nilai(jarak / sisa)}{_satuan(satuan) or ' poin'} per tahun selama {sisa} tahun tersisa"
        )
    elif periode:
        kalimat += f"; {tahun} adalah tahun akhir periode Renstra"
    return kalimat + "."


def analisis_efisiensi(baris: dict | None, label_metode: str, satuan_metode: str) -> str:
    """(6) Efficiency of one sasaran: `baris` from calc.anggaran.efisiensi_sasaran (None: no budget)."""
    if baris is None or not _ada(baris.get("pagu")):
        return f"Efisiensi {TIDAK_ADA}: tidak ada anggaran program yang tertaut ke sasaran ini."
    dasar = f"pagu program pendukung Rp {format_angka(baris['pagu'], 0)}"
    if not _ada(baris.get("serapan")):
        return f"Efisiensi {TIDAK_ADA}: {dasar}, tetapi realisasinya tidak dilaporkan."
    kalimat = (
        f"Dengan {dasar} dan realisasi Rp {format_angka(baris['realisasi'], 0)} (serapan {persen(baris['serapan'])})"
    )
    if not _ada(baris.get("capaian")) or not _ada(baris.get("efisiensi")):
        return kalimat + f", efisiensi {TIDAK_ADA} karena capaian sasaran tidak dapat dihitung."
    status = "efisien" if baris["capaian"] >= baris["serapan"] else "tidak efisien"
    return (
        kalimat + f" dan capaian sasaran {persen(baris['capaian'])}, efisiensi menurut metode '{label_metode}' "
        f"adalah {nilai(baris['efisiensi'])} {satuan_metode}: {status} (capaian "
        f"{'≥' if status == 'efisien' else '<'} serapan)."
    )


def analisis_program(program: pd.DataFrame, satu_sasaran: bool) -> str:
    """(7) The programs linked to a sasaran, with their serapan (`program`: rows of
    calc.anggaran.efisiensi_program). `satu_sasaran`: the agency has this one sasaran only."""
    if program.empty:
        return (
            f"Program pendukung {TIDAK_ADA}: data tidak menautkan program mana pun ke sasaran ini "
            "(indikator program tidak menyebut sasaran ini)."
        )
    dasar = (
        "Sebagai satu-satunya sasaran strategis, sasaran ini didukung seluruh program instansi"
        if satu_sasaran
        else "Program yang indikatornya tertaut ke sasaran ini"
    )
    daftar = "; ".join(
        f"{p.kode} {_pendek(p.nama, 70)} (serapan {persen(p.serapan) if _ada(p.serapan) else TIDAK_ADA})"
        for p in program.itertuples()
    )
    kalimat = f"{dasar} ({len(program)} program): {daftar}."
    isi = program[program["serapan"].notna()]
    if len(isi) >= 2:
        rendah = isi.sort_values("serapan").iloc[0]
        kalimat += f" Serapan terendah pada {rendah['kode']} ({persen(rendah['serapan'])})."
    return kalimat
