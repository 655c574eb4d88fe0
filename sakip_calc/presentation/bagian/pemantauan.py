"""Pemantauan triwulan: in the sidebar year, up to the chosen quarter (default: the latest with
data), which indicators and programs will miss their year-end target, how far, by which
projection method; the budget S-curve and one indicator's path with the projection cone.

Choices: `pt_triwulan` (data up to this quarter: the same view the backtest takes with later
quarters hidden) and `pt_indikator` (the indicator drawn; default the one farthest from target).
"""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc import analisis
from sakip_calc.calc import pemantauan as pm
from sakip_calc.domain.angka import format_angka, format_persen
from sakip_calc.presentation import grafik
from sakip_calc.presentation.tampilan import (
    F_ANGKA2,
    F_BILANGAN,
    F_PERSEN,
    Bagan,
    Kartu,
    Kosong,
    Tabel,
    Tampilan,
)

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI = {"pt_triwulan": "triwulan", "pt_indikator": "indikator"}
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _terakhir(v: Tampilan) -> int | None:
    return v.baca(pm.pantau, v.instansi_id, v.tahun, None)["terakhir"]


def opsi_triwulan(v: Tampilan) -> list[int]:
    terakhir = _terakhir(v)
    return list(range(1, terakhir + 1)) if terakhir else []


def triwulan(v: Tampilan) -> int | None:
    opsi = opsi_triwulan(v)
    return v.pilih("pt_triwulan", opsi, opsi[-1]) if opsi else None


def data(v: Tampilan) -> dict:
    return v.baca(pm.pantau, v.instansi_id, v.tahun, triwulan(v))


def kosong(v: Tampilan) -> str | None:
    """Why there is nothing to monitor, or None."""
    if triwulan(v) is None:
        return (
            f"{v.nama} belum punya data triwulan untuk {v.tahun}. Impor form Evaluasi terhadap Hasil Renja "
            "(halaman Impor Data) atau isi kolom triwulan di buku kerja untuk memantau tahun berjalan."
        )
    return None


def _tidak_aman(v: Tampilan) -> pd.DataFrame:
    b = data(v)["baris"]
    return b[b["status"].isin([pm.BERISIKO, pm.PERHATIAN])].sort_values("jarak")


def jumlah_berisiko(v: Tampilan) -> tuple[int, str] | None:
    """The Ringkasan card: rows at risk at the latest quarter with data (whatever quarter the
    page shows), and that quarter's name; None without quarterly data."""
    h = v.baca(pm.pantau, v.instansi_id, v.tahun, None)
    if h["triwulan"] is None:
        return None
    return int((h["baris"]["status"] == pm.BERISIKO).sum()), f"s.d. triwulan {ROMAWI[h['triwulan']]} {v.tahun}"


def judul_tw(v: Tampilan) -> str:
    return f"s.d. triwulan {ROMAWI[triwulan(v)]} {v.tahun}"


def kartu(v: Tampilan) -> list[Kartu]:
    b = data(v)["baris"]
    hitung = b["status"].value_counts()
    kurva = data(v)["kurva"]
    serapan = kurva["realisasi"].dropna().iloc[-1] if len(kurva) else None
    return [
        Kartu("Berisiko", format_angka(hitung.get(pm.BERISIKO, 0)), "proyeksi di bawah ambang"),
        Kartu("Perlu perhatian", format_angka(hitung.get(pm.PERHATIAN, 0))),
        Kartu("Aman", format_angka(hitung.get(pm.AMAN, 0))),
        Kartu("Serapan s.d. triwulan", format_persen(serapan, 1), f"triwulan {ROMAWI[triwulan(v)]}"),
    ]


def kalimat(v: Tampilan) -> str:
    b = data(v)["baris"]
    metode = ", ".join(sorted(b["metode"].dropna().unique()))
    ambang = pm.ambang(v.baca(analisis.skala, f"{pm.AWALAN_AMBANG}{triwulan(v)}"), triwulan(v))
    batas = ambang.sort_values("urutan")["batas_bawah"].dropna().tolist()
    return (
        f"Data {judul_tw(v)}: {len(b)} baris dipantau. Status dari proyeksi capaian (serapan untuk anggaran) "
        f"akhir tahun: aman ≥ {format_angka(batas[0], 1)} %, perlu perhatian ≥ {format_angka(batas[1], 1)} %, "
        f"di bawahnya berisiko (ambang triwulan {ROMAWI[triwulan(v)]}, skala pantau-tw{triwulan(v)}). "
        f"Metode proyeksi: {metode}."
    )


# what a 1366 px laptop must show without scrolling sideways first: which row, its status, the
# projection and the result so far; code, name and status stay pinned when scrolling on
_KOLOM = {
    "kode": "Kode",
    "nama": "Nama",
    "label": "Status",
    "persen_proyeksi": "Proyeksi akhir tahun (%)",
    "persen_sd": "Capaian/serapan s.d. triwulan (%)",
    "jenis": "Jenis",
    "persen_bawah": "Rentang bawah (%)",
    "persen_atas": "Rentang atas (%)",
    "target": "Target",
    "realisasi_sd": "Realisasi s.d. triwulan",
    "laju_perlu": "Laju perlu per triwulan",
    "metode": "Metode proyeksi",
    "serapan_program": "Serapan program s.d. triwulan (%)",
}
_FORMAT = {
    "Proyeksi akhir tahun (%)": F_PERSEN,
    "Rentang bawah (%)": F_PERSEN,
    "Rentang atas (%)": F_PERSEN,
    "Capaian/serapan s.d. triwulan (%)": F_PERSEN,
    # counts whole (446 anak, not 446,00), rupiah whole, measured values and percentages with two decimals
    "Target": F_BILANGAN,
    "Realisasi s.d. triwulan": F_BILANGAN,
    "Laju perlu per triwulan": F_ANGKA2,
    "Serapan program s.d. triwulan (%)": F_PERSEN,
}


def _tabel(df: pd.DataFrame) -> Tabel:
    isi = df[list(_KOLOM)].rename(columns=_KOLOM).assign(_warna=df["warna"].to_numpy())
    tetap = {"Kode": {"pinned": True}, "Nama": {"pinned": True, "width": 300}, "Status": {"pinned": True}}
    return Tabel(isi, _FORMAT, warna_kolom="Status", opsi={"column_config": tetap})


def tabel_berisiko(v: Tampilan) -> Tabel | Kosong:
    """The page's first table: rows not on track, farthest from target first."""
    df = _tidak_aman(v)
    if df.empty:
        return Kosong(f"Tidak ada indikator atau program yang berisiko {judul_tw(v)}.")
    return _tabel(df)


def tabel_semua(v: Tampilan) -> Tabel:
    return _tabel(data(v)["baris"].sort_values(["jenis", "kode"]))


def grafik_berisiko(v: Tampilan) -> Bagan | Kosong:
    if kosong(v):
        return Kosong(kosong(v))
    df = _tidak_aman(v)
    return Bagan(
        "pt_berisiko",
        grafik.batang_berisiko(
            df.head(20), f"Proyeksi akhir tahun yang belum aman, {judul_tw(v)} (%)", v.sumber("evaluasi triwulan")
        ),
        f"{len(df)} indikator/program belum aman; yang paling jauh dari target di atas.",
    )


def grafik_kurva_anggaran(v: Tampilan) -> Bagan | Kosong:
    if kosong(v):
        return Kosong(kosong(v))
    kurva = data(v)["kurva"]
    if kurva.empty:
        return Kosong(f"Tidak ada realisasi anggaran per triwulan untuk {v.tahun}.")
    akhir = kurva["proyeksi"].iloc[-1]
    return Bagan(
        "pt_kurva_anggaran",
        grafik.kurva_s(
            kurva, f"Kurva S realisasi anggaran {judul_tw(v)} (% pagu program)", v.sumber("realisasi per triwulan"), "%"
        ),
        f"Proyeksi serapan akhir tahun {format_persen(akhir, 1)} "
        f"(rentang {format_persen(kurva['bawah'].iloc[-1], 1)}–{format_persen(kurva['atas'].iloc[-1], 1)}); "
        f"metode: {kurva['metode'].iloc[0]}.",
    )


def opsi_indikator(v: Tampilan) -> dict[str, str]:
    b = data(v)["baris"]
    b = b[b["jenis"] == pm.INDIKATOR].sort_values("jarak")
    return dict(zip(b["kode"], b["kode"] + " · " + b["nama"].str.slice(0, 70)))


def indikator(v: Tampilan) -> str | None:
    opsi = list(opsi_indikator(v))
    return v.pilih("pt_indikator", opsi, opsi[0]) if opsi else None


def grafik_kurva_indikator(v: Tampilan) -> Bagan | Kosong:
    if kosong(v):
        return Kosong(kosong(v))
    kode = indikator(v)
    if kode is None:
        return Kosong(f"Tidak ada indikator bertarget dengan nilai triwulan untuk {v.tahun}.")
    kurva = v.baca(pm.kurva_indikator, v.instansi_id, kode, v.tahun, triwulan(v))
    baris = data(v)["baris"].set_index("kode").loc[kode]
    baris = baris.iloc[0] if isinstance(baris, pd.DataFrame) else baris
    satuan = baris["satuan"] if isinstance(baris["satuan"], str) else ""
    return Bagan(
        "pt_kurva_indikator",
        grafik.kurva_s(
            kurva, f"{kode}: realisasi vs jalur target, {judul_tw(v)}", v.sumber("capaian triwulan"), satuan
        ),
        f"{baris['nama']}: proyeksi capaian {format_persen(baris['persen_proyeksi'], 1)} "
        f"({baris['label']}); metode: {baris['metode']}.",
    )


GRAFIK = (grafik_berisiko, grafik_kurva_anggaran, grafik_kurva_indikator)
