"""Numbers a workbook column does not decide: `11.720` in a target or realisasi is 11.720 (thousands)
or 11,72 (a decimal). aturan.ketik marks such a cell (aturan.Ragu) with both readings; here each
is decided, never guessed:
1. by the indicator's satuan: a count (orang, KK, lembaga, ...) reads thousands, a percentage or
   an index a decimal (a note says so);
2. by the user's choice for that column of that file (the Impor preview, or `import --baca
   Capaian:realisasi=ribuan`), remembered in `cara_baca` once the import succeeds;
3. otherwise the cell is an error naming both readings, and the import stops.
A letter grade (Nilai SAKIP "BB") in a target or realisasi whose indicator's satuan is a grade
(predikat, nilai) is read as its rank on the agency's predikat scale (D=1 ... AA=7 on permenpan),
so the capaian formula scores grades by their order; the grade as written goes to `catatan`.
A bulk file has no such cell: a program writes `11720` or `11.72` (aturan.sql_kolom).

This module must not read files or write to the database.
"""

from __future__ import annotations

import re

import pandas as pd

from sakip_calc import store
from sakip_calc.domain.spesifikasi import LEMBAR_BERNAMA
from sakip_calc.ingest.aturan import Huruf, Ragu, tulis_bacaan
from sakip_calc.ingest.baca import Masalah

CARA = ("ribuan", "desimal")
LABEL_CARA = {"ribuan": "pemisah ribuan", "desimal": "pemisah desimal"}
_SATUAN_RIBUAN = re.compile(
    r"(?i)\b(orang|jiwa|kk|keluarga|rumah tangga|rt|rtm|kpm|lembaga|panti|unit|paket|dokumen|laporan|"
    r"desa|kelurahan|kecamatan|anak|lansia|penerima|rupiah|rp|buah|kali|makam)\b"
)
_SATUAN_DESIMAL = re.compile(r"(?i)%|\b(persen|indeks|skor|poin|rasio)\b")
_SATUAN_HURUF = re.compile(r"(?i)\b(predikat|huruf|kategori|nilai)\b")  # Nilai SAKIP "BB"
# pembilang and penyebut count something other than the indicator's unit: its satuan says nothing
_KOLOM_SATUAN = {"Indikator": ("kondisi_awal", "target_akhir"), "Capaian": ("target", "target_atas", "realisasi")}


def cara_satuan(satuan: object) -> str | None:
    """How a unit reads `1.234`: 'ribuan' for counts, 'desimal' for percentages and indices."""
    if not isinstance(satuan, str):
        return None
    if _SATUAN_DESIMAL.search(satuan):
        return "desimal"
    return "ribuan" if _SATUAN_RIBUAN.search(satuan) else None


def urai_pilihan(teks: list[str]) -> tuple[dict[tuple[str, str], str], list[str]]:
    """`--baca Lembar:kolom=cara` options: the choices and the problems with them."""
    lembar = {n.lower(): n for n in LEMBAR_BERNAMA}
    hasil, salah = {}, []
    for t in teks:
        m = re.fullmatch(r"\s*(\w+)\s*:\s*(\w+)\s*=\s*(\w+)\s*", t)
        if not m or m.group(3).lower() not in CARA or m.group(1).lower() not in lembar:
            salah.append(f"--baca '{t}': tulis Lembar:kolom=ribuan atau =desimal, mis. Capaian:realisasi=ribuan")
            continue
        hasil[(lembar[m.group(1).lower()], m.group(2).lower())] = m.group(3).lower()
    return hasil, salah


def _satuan(data: dict[str, pd.DataFrame], con) -> dict[tuple[str, str], object]:
    """(agency, indicator code) -> satuan, from the Indikator sheet over the database."""
    hasil = {}
    if "Capaian" in data:
        for r in store.kunci_indikator(con, sorted(data["Capaian"]["instansi"].dropna().unique())).itertuples():
            hasil[(r.instansi, r.kode)] = r.satuan
    if "Indikator" in data:
        for r in data["Indikator"].itertuples():
            hasil[(r.instansi, r.kode)] = r.satuan
    return hasil


def _tempat(data, satuan, m: Masalah) -> tuple[pd.DataFrame, object, object, object]:
    """The cell's frame, index, agency and its indicator's satuan (None where the unit says nothing)."""
    df = data[m.lembar]
    baris = df.index[df["nomor_baris"] == m.baris][0]
    instansi, unit = df.at[baris, "instansi"] if "instansi" in df.columns else None, None
    if m.kolom in _KOLOM_SATUAN.get(m.lembar, ()):
        unit = satuan.get((instansi, df.at[baris, "kode" if m.lembar == "Indikator" else "indikator_kode"]))
    return df, baris, instansi, unit


def _skala(data, con) -> dict[str, tuple[str, list[str]]]:
    """Agency -> (its predikat scale, the scale's codes from the top band down)."""
    pita = store.skala_predikat(con)
    if "Skala" in data:
        baru = data["Skala"].dropna(subset=["nama", "kode"]).assign(urutan=lambda d: range(len(d)))
        pita = pd.concat([pita[~pita["nama"].isin(baru["nama"])], baru])
    kode = {nama: g.sort_values("urutan")["kode"].tolist() for nama, g in pita.groupby("nama")}
    nama = dict(zip(store.instansi(con)["kode"], store.instansi(con)["skala_predikat"]))
    if "Instansi" in data:
        nama |= {k: n for k, n in zip(data["Instansi"]["kode"], data["Instansi"]["skala_predikat"]) if n}
    return {i: (n, kode.get(n, [])) for i, n in nama.items() if isinstance(n, str)}


def putuskan(
    data: dict[str, pd.DataFrame], masalah: list[Masalah], con, pilihan: dict[tuple[str, str], str]
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], list[Ragu]]]:
    """Decide every Ragu and Huruf in `masalah` in place (its value set in `data`, a note or an
    error in its stead). Returns the user's choices that decided a cell, and per (sheet, column)
    the cells only the user decides (chosen or not yet), for the preview to ask about."""
    if not any(isinstance(m, (Ragu, Huruf)) for m in masalah):
        return {}, {}
    satuan, skala = _satuan(data, con), _skala(data, con)
    dipakai, tanya, ganti = {}, {}, {}
    for m in (m for m in masalah if isinstance(m, Huruf)):
        df, baris, instansi, unit = _tempat(data, satuan, m)
        ganti[id(m)] = _huruf(m, df, baris, unit, skala.get(instansi))
    for m in (m for m in masalah if isinstance(m, Ragu)):
        df, baris, _, unit = _tempat(data, satuan, m)
        cara, sebab = cara_satuan(unit), f"satuan indikator '{unit}'"
        if cara is None:
            tanya.setdefault((m.lembar, m.kolom), []).append(m)
        if cara is None and (m.lembar, m.kolom) in pilihan:
            cara, sebab = pilihan[(m.lembar, m.kolom)], "pilihan untuk kolom ini di berkas ini"
            dipakai[(m.lembar, m.kolom)] = cara
        if cara is None:
            ganti[id(m)] = Masalah(m.lembar, m.baris, m.kolom, pesan_ragu(m, unit))
            continue
        nilai = m.ribuan if cara == "ribuan" else m.desimal
        df.at[baris, m.kolom] = nilai
        ganti[id(m)] = Masalah(
            m.lembar,
            m.baris,
            m.kolom,
            f"'{m.teks}' dibaca sebagai {tulis_bacaan(nilai)} ({LABEL_CARA[cara]}) menurut {sebab}",
            "catatan",
        )
    masalah[:] = [ganti.get(id(m), m) for m in masalah]
    return dipakai, tanya


def _huruf(m: Huruf, df: pd.DataFrame, baris, unit, skala: tuple[str, list[str]] | None) -> Masalah:
    """A grade where the satuan is a grade: its rank on the agency's scale (the lowest band 1), so
    that capaian (realisasi / target) and every later figure score grades by their order."""
    if not (isinstance(unit, str) and _SATUAN_HURUF.search(unit)):
        return Masalah(
            m.lembar,
            m.baris,
            m.kolom,
            f"'{m.teks}' bukan angka; nilai huruf (mis. BB) hanya diterima untuk indikator bersatuan predikat "
            f"atau nilai (satuan indikator ini: {unit or 'kosong'})",
        )
    if skala is None or m.teks.upper() not in [k.upper() for k in skala[1]]:
        daftar = f"skala {skala[0]}: {', '.join(skala[1])}" if skala else "instansi belum menyebut skala_predikat"
        return Masalah(
            m.lembar,
            m.baris,
            m.kolom,
            f"'{m.teks}' bukan predikat skala instansi ini ({daftar}); tulis kode predikatnya",
        )
    kode = [k.upper() for k in reversed(skala[1])]  # lowest band first
    peringkat = kode.index(m.teks.upper()) + 1
    df.at[baris, m.kolom] = float(peringkat)
    if "catatan" in df.columns:  # the grade as written stays visible beside its rank
        tertulis = f"{m.kolom} tertulis '{m.teks}'"
        lama = df.at[baris, "catatan"]
        df.at[baris, "catatan"] = f"{lama}; {tertulis}" if isinstance(lama, str) and lama else tertulis
    return Masalah(
        m.lembar,
        m.baris,
        m.kolom,
        f"predikat '{m.teks}' dibaca sebagai peringkat {peringkat} dari {len(kode)} pada skala {skala[0]} "
        f"({' < '.join(kode)}); capaian dihitung dari peringkatnya",
        "catatan",
    )


def pesan_ragu(m: Ragu, satuan: object) -> str:
    tentang = f"satuan '{satuan}' tidak menentukan" if isinstance(satuan, str) else "kolom ini tidak menentukan"
    return (
        f"'{m.teks}' dapat dibaca {tulis_bacaan(m.ribuan)} (pemisah ribuan) atau "
        f"{tulis_bacaan(m.desimal)} (pemisah desimal); {tentang}. Pilih cara baca kolom '{m.kolom}' di pratinjau "
        f"Impor (perintah: --baca {m.lembar}:{m.kolom}=ribuan atau =desimal), atau tulis angkanya tanpa titik "
        f"ribuan ({tulis_bacaan(m.ribuan).replace('.', '')}) atau dengan koma desimal ({tulis_bacaan(m.desimal)})"
    )
