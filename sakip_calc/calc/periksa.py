"""Consistency checks: one row per problem, with the reported and the computed value.

The reports contradict themselves (DOMAIN.md, 'What real input looks like'); the app shows
both numbers and says so. A reported percentage agrees with the computed one when it is the
computed value rounded or truncated to the precision printed: within 1 point for a whole
number (90 % for 50/55 = 90,9 %), within 0,05 for a value printed with decimals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import efisiensi, sebaran
from sakip_calc.calc.anggaran import serapan, tabel_anggaran
from sakip_calc.calc.skor import _ada, capaian, selaras

_NOMOR_PENUH = re.compile(r"^\d+(\.\d+)+\.?$")
KOLOM = ["instansi", "tahun", "tabel", "kunci", "jenis", "dilaporkan", "dihitung", "sumber", "keterangan"]

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


# Checks other modules register: each gets (indikator_capaian, anggaran, masalah) and appends rows.
CEK_TAMBAHAN: list[Callable[[pd.DataFrame, pd.DataFrame, list], None]] = []


def _sama_nilai(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.5, 1e-9 * abs(b))  # rupiah and counts: exact to the unit


def _baris(masalah: list, instansi, tahun, tabel, kunci, jenis, dilaporkan, dihitung, sumber, keterangan="") -> None:
    masalah.append(
        dict(zip(KOLOM, [instansi, tahun, tabel, kunci, jenis, dilaporkan, dihitung, sumber or "", keterangan]))
    )


def periksa_semua(con, instansi_id: int | None = None) -> pd.DataFrame:
    """Every problem found in the data of one agency (or of all)."""
    ind = store.indikator_capaian(con, instansi_id)
    ang = store.anggaran(con, instansi_id)
    wil = store.wilayah(con, instansi_id)
    lap = store.angka_laporan(con, instansi_id)
    bel = store.belanja(con, instansi_id)
    batas = store.instansi(con).set_index("kode")["batas_capaian"].to_dict()
    masalah: list[dict] = []
    anggaran = {k: tabel_anggaran(g) for k, g in ang.groupby(["instansi", "tahun"])}  # shared by two checks
    _cek_capaian(ind, batas, masalah)
    _cek_anggaran(anggaran, masalah)
    _cek_wilayah(wil, masalah)
    _cek_angka_laporan(lap, ind, anggaran, wil, bel, masalah)
    for cek in CEK_TAMBAHAN:
        cek(ind, ang, masalah)
    return pd.DataFrame(masalah, columns=KOLOM)


def _cek_capaian(ind: pd.DataFrame, batas: dict, masalah: list) -> None:
    """A reported capaian agrees when it matches the raw value or the agency's capped score."""
    for r in ind[ind["capaian_dilaporkan"].notna()].itertuples():
        dihitung = capaian(r.target, r.realisasi, r.polaritas, r.target_atas)
        if dihitung is None:
            continue
        b = batas.get(r.instansi)
        if not selaras(r.capaian_dilaporkan, dihitung) and not (
            _ada(b) and selaras(r.capaian_dilaporkan, min(dihitung, b))
        ):
            tw = f", triwulan {int(r.triwulan)}" if _ada(r.triwulan) else ""
            _baris(
                masalah,
                r.instansi,
                r.tahun,
                "capaian",
                f"{r.kode} {r.nama}{tw}",
                CAPAIAN_BEDA,
                r.capaian_dilaporkan,
                dihitung,
                r.sumber,
                f"target {r.target:g}, realisasi {r.realisasi:g}, polaritas {r.polaritas}",
            )


def _cek_anggaran(anggaran: dict[tuple, pd.DataFrame], masalah: list) -> None:
    for (instansi, tahun), df in anggaran.items():
        for r in df.itertuples():
            kunci = f"{r.kode} {r.nama}"
            for kolom, anak in (("pagu", r.pagu_anak), ("realisasi", r.realisasi_anak)):
                nilai = getattr(r, kolom)
                if r.jumlah_anak and _ada(nilai) and _ada(anak) and not _sama_nilai(nilai, anak):
                    _baris(
                        masalah,
                        instansi,
                        tahun,
                        "anggaran",
                        kunci,
                        INDUK_BEDA,
                        nilai,
                        anak,
                        r.sumber,
                        f"{kolom} baris induk vs jumlah {r.jumlah_anak} rincian",
                    )
            if _ada(r.pagu) and _ada(r.realisasi) and r.realisasi > r.pagu + 0.5:
                _baris(
                    masalah,
                    instansi,
                    tahun,
                    "anggaran",
                    kunci,
                    MELEBIHI_PAGU,
                    r.realisasi,
                    r.pagu,
                    r.sumber,
                    "realisasi (dilaporkan) dibanding pagu (dihitung = batas)",
                )
            if _ada(r.serapan_dilaporkan):
                hitung = serapan(r.pagu, r.realisasi)
                if hitung is None and _ada(r.realisasi):
                    _baris(
                        masalah,
                        instansi,
                        tahun,
                        "anggaran",
                        kunci,
                        SERAPAN_TANPA_PAGU,
                        r.serapan_dilaporkan,
                        None,
                        r.sumber,
                    )
                elif hitung is not None and not selaras(r.serapan_dilaporkan, hitung):
                    _baris(
                        masalah,
                        instansi,
                        tahun,
                        "anggaran",
                        kunci,
                        SERAPAN_BEDA,
                        r.serapan_dilaporkan,
                        hitung,
                        r.sumber,
                        f"pagu {r.pagu:,.0f}, realisasi {r.realisasi:,.0f}".replace(",", "."),
                    )
        # letters such as 'a.' restart under every parent; a full number such as '6.1.1' may not repeat anywhere
        label = df[df["kode_laporan"].notna()].copy()
        label["lingkup"] = [
            k if _NOMOR_PENUH.match(k) else f"{k}|{i}" for k, i in zip(label["kode_laporan"], label["induk_kode"])
        ]
        ganda = label.groupby("lingkup").filter(lambda g: len(g) > 1)
        for _, g in ganda.groupby("lingkup"):
            kode_laporan = g["kode_laporan"].iloc[0]
            _baris(
                masalah,
                instansi,
                tahun,
                "anggaran",
                f"nomor baris '{kode_laporan}'",
                KODE_GANDA,
                len(g),
                1,
                g["sumber"].iloc[0],
                "; ".join(f"{k} {n}" for k, n in zip(g["kode"], g["nama"])),
            )


def _cek_wilayah(wil: pd.DataFrame, masalah: list) -> None:
    if wil.empty:
        return
    kunci = ["instansi", "tahun", "kecamatan", "desa"]
    lebar = wil.pivot_table(index=kunci, columns="jenis", values="nilai", aggfunc="sum", dropna=False).reset_index()
    if {"BDT", "BDT_NIK", "BDT_NON_NIK"} <= set(lebar.columns):
        for r in lebar.dropna(subset=["BDT", "BDT_NIK", "BDT_NON_NIK"]).itertuples():
            if not _sama_nilai(r.BDT, r.BDT_NIK + r.BDT_NON_NIK):
                _baris(
                    masalah,
                    r.instansi,
                    r.tahun,
                    "wilayah",
                    _tempat(r.kecamatan, r.desa),
                    TOTAL_BEDA,
                    r.BDT,
                    r.BDT_NIK + r.BDT_NON_NIK,
                    "",
                    "BDT dibanding BDT ber-NIK + tanpa NIK",
                )
    # desa rows against their kecamatan row: two tables of one report
    desa = wil[wil["desa"].notna()].groupby(["instansi", "tahun", "kecamatan", "jenis"])["nilai"].sum().rename("jumlah")
    kec = wil[wil["desa"].isna() & wil["kecamatan"].notna()].set_index(["instansi", "tahun", "kecamatan", "jenis"])
    # compared all at once: a national database has thousands of kecamatan per agency
    gab = desa.to_frame().join(kec[["nilai", "sumber"]], how="inner")
    beda = gab[(gab["nilai"] - gab["jumlah"]).abs() > (1e-9 * gab["jumlah"].abs()).clip(lower=0.5)]
    for idx, r in zip(beda.index, beda.itertuples(index=False)):
        _baris(
            masalah,
            idx[0],
            idx[1],
            "wilayah",
            f"{idx[2]} · {idx[3]}",
            ANTAR_TABEL,
            r.nilai,
            r.jumlah,
            f"{r.sumber} / jumlah desa",
            "angka kecamatan dibanding jumlah angka desanya",
        )


def _str(x) -> str:
    return x if isinstance(x, str) else ""


def _tempat(kecamatan, desa) -> str:
    return " · ".join(x for x in (kecamatan, desa) if isinstance(x, str)) or "tingkat kabupaten"


def _cek_angka_laporan(lap, ind, anggaran, wil, bel, masalah) -> None:
    if lap.empty:
        return
    per_sumber = defaultdict(dict)  # (instansi, tahun, sumber, objek, kode) -> {besaran: nilai}
    for r in lap.itertuples():
        per_sumber[(r.instansi, r.tahun, r.sumber, r.objek, r.kode, r.kecamatan)][r.besaran] = r.nilai
    tahunan = ind[ind["triwulan"].isna()].set_index(["instansi", "kode", "tahun"])
    for r in lap[lap["nilai"].notna()].itertuples():
        kunci_tampil = " · ".join(x for x in (f"{r.objek} {_str(r.kode)}".strip(), _str(r.kecamatan)) if x)

        def lapor(jenis, dihitung, ket="", r=r, kunci_tampil=kunci_tampil):
            _baris(masalah, r.instansi, r.tahun, "angka_laporan", kunci_tampil, jenis, r.nilai, dihitung, r.sumber, ket)

        if r.objek == "indikator":
            kolom = {"target": "target", "realisasi": "realisasi", "capaian": "capaian_dilaporkan"}.get(r.besaran)
            if kolom and (r.instansi, r.kode, r.tahun) in tahunan.index:
                utama = tahunan.loc[(r.instansi, r.kode, r.tahun)]
                utama = utama.iloc[0] if isinstance(utama, pd.DataFrame) else utama
                if _ada(utama[kolom]) and not _sama_nilai_persen(r.nilai, utama[kolom]):
                    lapor(ANTAR_TABEL, utama[kolom], f"{r.besaran} di tabel utama ({utama['sumber']})")
        elif r.objek == "anggaran":
            df = anggaran.get((r.instansi, r.tahun))
            baris = None if df is None else df[df["kode"] == r.kode]
            if baris is None or baris.empty:
                continue
            b = baris.iloc[0]
            kolom = {
                "pagu": "pagu",
                "pagu_renja": "pagu_renja",
                "pagu_renstra": "pagu_renstra",
                "realisasi_anggaran": "realisasi",
                "serapan": "serapan_dilaporkan",
                "fisik_persen": "fisik_persen",
            }.get(r.besaran)
            if kolom and _ada(b[kolom]) and not _sama_nilai_persen(r.nilai, b[kolom]):
                lapor(ANTAR_TABEL, b[kolom], f"{r.besaran} di tabel utama ({b['sumber']})")
        elif r.objek in ("instansi", "program"):
            df = anggaran.get((r.instansi, r.tahun))
            if df is None:
                continue
            if r.objek == "instansi":
                program = df[df["tingkat"] == "program"]
                pagu, realisasi = (
                    program["pagu_dipakai"].sum(min_count=1),
                    program["realisasi_dipakai"].sum(min_count=1),
                )
            else:
                b = df[df["kode"] == r.kode]
                if b.empty:
                    continue
                pagu, realisasi = b["pagu_dipakai"].iloc[0], b["realisasi_dipakai"].iloc[0]
            dihitung = {
                "pagu": pagu,
                "realisasi_anggaran": realisasi,
                "serapan": serapan(pagu, realisasi),
                "efisiensi_rupiah": (pagu - realisasi) if _ada(pagu) and _ada(realisasi) else None,
            }.get(r.besaran)
            if r.besaran == "serapan" and dihitung is None and not _ada(realisasi):
                continue
            if r.besaran == "serapan" and dihitung is None:
                lapor(SERAPAN_TANPA_PAGU, None, "pagu 0 atau kosong")
            elif dihitung is not None and not _cocok(r.besaran, r.nilai, dihitung):
                jenis = {"serapan": SERAPAN_BEDA, "efisiensi_rupiah": EFISIENSI_BEDA}.get(r.besaran, TOTAL_BEDA)
                lapor(
                    jenis,
                    dihitung,
                    "dihitung dari baris anggaran" + (" (pagu − realisasi)" if r.besaran == "efisiensi_rupiah" else ""),
                )
        elif r.objek == "wilayah" and r.besaran == "jumlah":
            w = wil[(wil["instansi"] == r.instansi) & (wil["tahun"] == r.tahun) & (wil["jenis"] == r.kode)]
            w = (
                w[w["desa"].notna() & (w["kecamatan"] == r.kecamatan)]
                if _str(r.kecamatan)
                else w[w["desa"].isna() & w["kecamatan"].notna()]
            )
            if not w.empty and not _sama_nilai(r.nilai, w["nilai"].sum()):
                lapor(
                    TOTAL_BEDA,
                    float(w["nilai"].sum()),
                    f"jumlah {len(w)} baris {'desa' if _str(r.kecamatan) else 'kecamatan'}",
                )
        elif r.objek == "wilayah" and r.besaran == "rasio" and sebaran.rasio_laporan(r.kode):
            w = wil[(wil["instansi"] == r.instansi) & (wil["tahun"] == r.tahun) & wil["desa"].isna()]
            w = w[w["kecamatan"] == r.kecamatan] if _str(r.kecamatan) else w[w["kecamatan"].notna()]
            rasio = sebaran.rasio_laporan(r.kode)
            pembilang, penyebut = (w.loc[w["jenis"].isin(j), "nilai"].sum() for j in (rasio.pembilang, rasio.penyebut))
            if penyebut and not selaras(r.nilai, pembilang / penyebut * rasio.skala):
                lapor(RASIO_BEDA, pembilang / penyebut * rasio.skala, rasio.rumus)
        elif r.objek == "belanja" and r.besaran == "realisasi_anggaran":
            b = bel[(bel["instansi"] == r.instansi) & (bel["tahun"] == r.tahun)]
            if not b.empty and not _sama_nilai(r.nilai, b["realisasi"].sum()):
                lapor(TOTAL_BEDA, float(b["realisasi"].sum()), "jumlah jenis belanja")
        if r.objek == "sasaran" or (r.objek in ("program", "instansi") and r.besaran in ("efisiensi",)):
            _cek_dalam_sumber(r, per_sumber[(r.instansi, r.tahun, r.sumber, r.objek, r.kode, r.kecamatan)], lapor)


def _cek_dalam_sumber(r, isi: dict, lapor) -> None:
    """A statement checked against the other figures of the same source and object."""
    pagu, realisasi = isi.get("pagu"), isi.get("realisasi_anggaran")
    if r.besaran == "realisasi_anggaran" and _ada(pagu) and r.nilai > pagu + 0.5:
        lapor(MELEBIHI_PAGU, pagu, "pagu yang dinyatakan di tempat yang sama")
    if r.besaran == "serapan" and r.objek == "sasaran" and _ada(pagu) and _ada(realisasi):
        hitung = serapan(pagu, realisasi)
        if hitung is not None and not selaras(r.nilai, hitung):
            lapor(SERAPAN_BEDA, hitung, "dari pagu dan realisasi yang dinyatakan di tempat yang sama")
    if r.besaran == "efisiensi":
        s = isi.get("serapan")
        if not _ada(s) and _ada(pagu) and _ada(realisasi):
            s = serapan(pagu, realisasi)
        if not _ada(s):
            return
        dihitung = efisiensi.dari_laporan(isi.get("capaian"), s)
        if dihitung is None:
            return
        hitung, cara = dihitung
        if not selaras(r.nilai, hitung):
            lapor(EFISIENSI_BEDA, hitung, f"{cara.rumus} dari angka di tempat yang sama")


def _sama_nilai_persen(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _cocok(besaran: str, dilaporkan: float, dihitung: float) -> bool:
    if besaran in ("serapan", "capaian", "efisiensi", "rata_capaian", "fisik_persen"):
        return selaras(dilaporkan, dihitung)
    return _sama_nilai(dilaporkan, dihitung)


from sakip_calc.calc import periksa_triwulan  # noqa: E402, F401  (registers the quarterly-form checks)
