"""The DTSEN desil export (SIKS-NG), one row per desa, read into the template's Wilayah sheet.

Layout: NMKAB, NMKEC, NMDESA, kdkab, kdkec, kddesa, DESIL 1, DESIL 2, DESIL 3, DESIL 4, TOTAL D1-D4,
DESIL 5, DESIL 6, DESIL 7-10, DESIL NULL, TOTAL (families). Codes may be BPS-style (kdkab 3328) or
Kemendagri (33.28); the kabupaten/kota is taken from its code, else its name. Each bucket becomes
one Wilayah row per desa (jenis DESIL_1 .. DESIL_NULL; merged buckets stay merged) plus one per
kecamatan (the sum of its desa). The update period (DTSEN is updated quarterly) comes from a
PERIODE column or the file name (`DTSEN_Tegal_2025-06.xlsx`), and every period is kept.

Reported, without blocking the import: a TOTAL column that is not the sum of its buckets, and a
desa that is not in the official Kemendagri list of its kecamatan. The agency is the one whose name
points at the file's kabupaten/kota (`validasi`, `instansi` = `kabkota:<kode>` until then).
"""

from __future__ import annotations

import re

from sakip_calc.domain.angka import baca_angka, format_angka
from sakip_calc.domain.spesifikasi import JUMLAH, LEMBAR_BERNAMA
from sakip_calc.ingest.baca import FORMAT_LAIN, BacaanBerkas, LembarMentah, Masalah
from sakip_calc.store import rujukan_wilayah

AWALAN_INSTANSI = "kabkota:"
EMBER = {  # header (lower case, single spaces) -> jenis
    "desil 1": "DESIL_1",
    "desil 2": "DESIL_2",
    "desil 3": "DESIL_3",
    "desil 4": "DESIL_4",
    "desil 5": "DESIL_5",
    "desil 6": "DESIL_6",
    "desil 7-10": "DESIL_7_10",
    "desil null": "DESIL_NULL",
}
TOTAL = {"total d1-d4": ("desil 1", "desil 2", "desil 3", "desil 4"), "total": tuple(EMBER)}
WAJIB = ("nmkec", "nmdesa", *EMBER)
_PERIODE = re.compile(r"(20\d\d)[-_ .]?(0[1-9]|1[0-2])(?!\d)")


def _kepala(sel) -> str:
    return re.sub(r"\s+", " ", str(sel or "").strip().lower().replace("_", " ").replace("–", "-"))


def _resmi(kode: str) -> dict[str, dict[str, str]]:
    """Official desa/kelurahan names by name key, per kecamatan name key, for one kabupaten/kota."""
    semua = rujukan_wilayah.bawahan(kode)
    kec = semua[semua["tingkat"] == "kecamatan"]
    nama_kec = dict(zip(kec["kode"], kec["nama"].map(rujukan_wilayah.kunci_nama)))
    desa = semua[semua["tingkat"] == "desa"]
    hasil: dict[str, dict[str, str]] = {k: {} for k in nama_kec.values()}
    for induk, nama in zip(desa["induk"], desa["nama"]):
        hasil.setdefault(nama_kec.get(induk, ""), {})[rujukan_wilayah.kunci_nama(nama)] = nama
    return hasil


def baca_dtsen(nama: str, baris: list[list], nama_file: str, hasil: BacaanBerkas) -> bool:
    """If `baris` (header first) is a DTSEN desil export, add its rows to hasil's Wilayah sheet."""
    if not baris:
        return False
    kepala = {_kepala(s): i for i, s in enumerate(baris[0]) if _kepala(s)}
    if not all(k in kepala for k in WAJIB):
        return False
    ambil = lambda r, k: r[kepala[k]] if k in kepala and kepala[k] < len(r) else None  # noqa: E731
    isi = [(nomor, r) for nomor, r in enumerate(baris[1:], start=2) if any(v not in (None, "") for v in r)]
    periode = next((str(ambil(r, "periode")) for _, r in isi if ambil(r, "periode")), None)
    cocok = _PERIODE.search(periode or nama_file)
    if cocok is None:
        hasil.masalah.append(
            Masalah(
                nama,
                None,
                None,
                "periode DTSEN tidak diketahui: tulis di nama berkas (mis. DTSEN_Tegal_2025-06.xlsx) "
                "atau di kolom PERIODE (YYYY-MM)",
            )
        )
        return True
    periode = f"{cocok.group(1)}-{cocok.group(2)}"
    lembar = LEMBAR_BERNAMA["Wilayah"]
    mentah = hasil.lembar.setdefault("Wilayah", LembarMentah(lembar, {k: i for i, k in enumerate(lembar.nama_kolom)}))
    resmi: dict[str, dict[str, dict[str, str]]] = {}
    jumlah_kec: dict[tuple, list] = {}
    for nomor, r in isi:
        kab = rujukan_wilayah.kabkota_dari(ambil(r, "kdkab"), ambil(r, "nmkab"))
        kec, desa = (str(ambil(r, k) or "").strip() for k in ("nmkec", "nmdesa"))
        if kab is None:
            hasil.masalah.append(
                Masalah(
                    nama, nomor, "kdkab", f"kabupaten/kota '{ambil(r, 'nmkab')}' ({ambil(r, 'kdkab')}) tidak dikenal"
                )
            )
            continue
        nilai = {k: baca_angka(ambil(r, k), JUMLAH).nilai for k in (*EMBER, *TOTAL)}
        for total, ember in TOTAL.items():
            jumlah = sum(nilai[e] or 0 for e in ember)
            if total in kepala and nilai[total] is not None and nilai[total] != jumlah:
                hasil.masalah.append(
                    Masalah(
                        nama,
                        nomor,
                        total.upper(),
                        f"{total.upper()} desa {desa} tertulis {format_angka(nilai[total])}, jumlah kolomnya "
                        f"{format_angka(jumlah)}; yang disimpan adalah tiap desil",
                        "catatan",
                    )
                )
        desa_resmi = resmi.setdefault(kab, _resmi(kab)).get(rujukan_wilayah.kunci_nama(kec))
        dikenal = True
        if desa_resmi and rujukan_wilayah.kunci_nama(desa) in desa_resmi:
            desa = desa_resmi[rujukan_wilayah.kunci_nama(desa)]  # the official spelling, not SIKS-NG's capitals
        elif desa_resmi is not None:
            dikenal = False
            hasil.masalah.append(
                Masalah(
                    nama,
                    nomor,
                    "NMDESA",
                    f"desa '{desa}' tidak ada di daftar resmi Kemendagri Kec. {kec}: angkanya masuk jumlah "
                    "kecamatan, tetapi tidak disimpan sebagai desa; perbaiki ejaan atau kodenya lalu impor lagi",
                    "catatan",
                )
            )
        dasar = {"instansi": AWALAN_INSTANSI + kab, "tahun": int(periode[:4]), "periode": periode, "kecamatan": kec}
        for k, jenis in EMBER.items():
            if nilai[k] is None:
                continue
            sumber = f"DTSEN {periode}, {nama_file}"
            # a desa the official list lacks would block the whole file (a Wilayah rule): its
            # families still count in its kecamatan, and the note above says so
            if dikenal:
                mentah.baris.append(
                    (nomor, {**dasar, "desa": desa, "jenis": jenis, "nilai": nilai[k], "sumber": sumber})
                )
            jumlah_kec.setdefault((kab, kec, jenis), [nomor, 0, sumber])[1] += nilai[k]
    for (kab, kec, jenis), (nomor, total, sumber) in jumlah_kec.items():
        dasar = {"instansi": AWALAN_INSTANSI + kab, "tahun": int(periode[:4]), "periode": periode, "kecamatan": kec}
        mentah.baris.append((nomor, {**dasar, "desa": None, "jenis": jenis, "nilai": total, "sumber": sumber}))
    return True


FORMAT_LAIN.append(baca_dtsen)
