"""Capaian Kinerja: the indicator table with its filters, averages, and one indicator in detail.

The indicator in detail is the user's choice (`cp_indikator`, also set by selecting a table row);
by default the first row of the filtered table. The deck's Capaian slide is `grafik_tren` of the
same view, so it shows the indicator the user opened. The opened indicator's note for the year
(`catatan`) feeds analyses (4) and (5) of the Chapter III draft.
"""

from __future__ import annotations

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import analisis, skor
from sakip_calc.calc.skor import LABEL_STATUS
from sakip_calc.domain.angka import format_angka
from sakip_calc.presentation import grafik, narasi
from sakip_calc.presentation.tampilan import F_ANGKA, F_ANGKA2, F_BILANGAN, F_TAHUN, Bagan, Tabel, Tampilan, tahun_teks

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI = {
    "cp_tingkat": "tingkat",
    "cp_sasaran": "sasaran",
    "cp_predikat": "predikat",
    "cp_cari": "cari",
    "cp_indikator": "indikator",
}


def semua(v: Tampilan) -> pd.DataFrame:
    """Every year's indicator scores of the agency."""
    return v.baca(analisis.skor_indikator, v.instansi_id, v.batas, v.skala)


def rentang(v: Tampilan) -> str:
    """The years the agency has indicator data for, '2019–2023'."""
    tahun = sorted(semua(v)["tahun"].dropna().astype(int).unique())
    return f"{tahun[0]}–{tahun[-1]}"


def _tahun_ini(v: Tampilan) -> pd.DataFrame:
    df = semua(v)
    return df[df["tahun"] == v.tahun]


def tahun_ini(v: Tampilan) -> pd.DataFrame:
    return v.sekali(_tahun_ini)


def opsi_saringan(v: Tampilan) -> dict[str, list]:
    """The options of the three filters, by key."""
    df = tahun_ini(v)
    return {
        "cp_tingkat": sorted(df["tingkat"].unique()),
        "cp_sasaran": sorted(df["sasaran"].dropna().unique()),
        "cp_predikat": list(df["predikat"].dropna().unique()),
    }


def saringan(v: Tampilan) -> dict[str, list]:
    """The filters in force (a value no longer among the options is dropped)."""
    return {k: v.pilih_banyak(k, opsi, []) for k, opsi in opsi_saringan(v).items()}


def cari(v: Tampilan) -> str:
    return v.pilihan.get("cp_cari") or ""


def _tabel(v: Tampilan) -> pd.DataFrame:
    tampil = tahun_ini(v)
    for kunci, kolom in (("cp_tingkat", "tingkat"), ("cp_sasaran", "sasaran"), ("cp_predikat", "predikat")):
        if pilihan := saringan(v)[kunci]:
            tampil = tampil[tampil[kolom].isin(pilihan)]
    if teks := cari(v):
        tampil = tampil[
            tampil["nama"].str.contains(teks, case=False, regex=False)
            | tampil["kode"].str.contains(teks, case=False, regex=False)
        ]
    # the results right after the name, so a 1366 px laptop shows them without scrolling; the
    # grouping columns last
    return pd.DataFrame(
        {
            "Kode": tampil["kode"],
            "Indikator": tampil["nama"],
            "Capaian (%)": tampil["capaian"],
            "Skor (%)": tampil["skor"],
            "Predikat": tampil["predikat"],
            "Target": tampil["target"],
            "Realisasi": tampil["realisasi"],
            "Satuan": tampil["satuan"],
            "Status": tampil["status"].map(lambda s: f"{s} ({LABEL_STATUS[s]})" if isinstance(s, str) else None),
            "Capaian dilaporkan (%)": tampil["capaian_dilaporkan"],
            "Beda dari laporan": tampil["beda_laporan"].map({True: "ya", False: ""}),
            "Tingkat": tampil["tingkat"],
            "Sasaran": tampil["sasaran"],
            "Program": tampil["program_kode"],
            "Polaritas": tampil["polaritas"],
            "_warna": tampil["warna"],
        }
    ).sort_values(["Sasaran", "Program", "Kode"], na_position="last")


def tabel_indikator(v: Tampilan) -> Tabel:
    """The filtered indicator table, sorted by sasaran, program, kode."""
    return Tabel(
        v.sekali(_tabel),
        {
            "Target": F_BILANGAN,
            "Realisasi": F_BILANGAN,
            "Capaian (%)": F_ANGKA2,
            "Skor (%)": F_ANGKA2,
            "Capaian dilaporkan (%)": F_ANGKA2,
        },
        "Predikat",
        # code and name stay in view while scrolling sideways; the name no wider than 320 px
        {"column_config": {"Kode": {"pinned": True}, "Indikator": {"pinned": True, "width": 320}}},
    )


def keterangan_tabel(v: Tampilan) -> str:
    return (
        f"{len(v.sekali(_tabel))} dari {len(tahun_ini(v))} indikator. Klik judul kolom untuk mengurutkan; "
        "klik sebuah baris untuk membuka rinciannya di panel samping. Capaian = hitungan dari target dan realisasi; "
        "skor = capaian setelah batas; kolom 'Capaian dilaporkan' memuat angka laporan bila berbeda."
    )


def tabel_rata_rata(v: Tampilan) -> list[Tabel]:
    """Average scores per sasaran and, where there are program indicators, per program."""
    df = tahun_ini(v)
    kolom = {"rata_rata": "Rata-rata skor (%)", "jumlah_indikator": "Indikator"}
    hasil = [
        Tabel(
            skor.rata_rata(df[df["tingkat"] == "sasaran"], ["sasaran"]).rename(columns={"sasaran": "Sasaran", **kolom}),
            {"Rata-rata skor (%)": F_ANGKA2},
        )
    ]
    per_program = skor.rata_rata(df[df["tingkat"] == "program"], ["program_kode"])
    if not per_program.empty:
        hasil.append(
            Tabel(per_program.rename(columns={"program_kode": "Program", **kolom}), {"Rata-rata skor (%)": F_ANGKA2})
        )
    return hasil


def opsi_indikator(v: Tampilan) -> list[str]:
    """The indicators one can open: the rows of the filtered table, in its order."""
    return v.sekali(_tabel)["Kode"].tolist()


def indikator(v: Tampilan) -> str | None:
    """The indicator in detail: the chosen one, else the first row of the table (None: no rows)."""
    opsi = opsi_indikator(v)
    return v.pilih("cp_indikator", opsi, opsi[0] if opsi else None)


def _nama_tahun_ini(v: Tampilan) -> dict[str, str]:
    df = tahun_ini(v)
    return dict(zip(df["kode"], df["nama"]))


def label_indikator(v: Tampilan, kode: str) -> str:
    # the selectbox asks once per option on every rerun: one lookup table per view
    return f"{kode} · {v.sekali(_nama_tahun_ini)[kode]}"


def _satu(v: Tampilan, kode: str) -> pd.DataFrame:
    df = semua(v)
    return df[df["kode"] == kode].sort_values("tahun")


def keterangan_indikator(v: Tampilan) -> tuple[str, str, str | None]:
    """The opened indicator's name, its description line, and its numerator/denominator names."""
    info = _satu(v, indikator(v)).iloc[0]
    rinci = (
        f"tingkat {info['tingkat']}, satuan {info['satuan'] or '–'}, polaritas {info['polaritas']}, "
        f"periode Renstra {tahun_teks(info['periode_awal'])}–{tahun_teks(info['periode_akhir'])}, "
        f"kondisi awal {format_angka(info['kondisi_awal'], 2)}, target akhir {format_angka(info['target_akhir'], 2)}"
    )
    pecahan = (
        f"Pembilang: {info['nama_pembilang']} · Penyebut: {info['nama_penyebut'] or '–'}"
        if isinstance(info["nama_pembilang"], str)
        else None
    )
    return info["nama"], rinci, pecahan


def bagan_indikator(v: Tampilan, kode: str, judul: str, kunci: str) -> Bagan:
    """One indicator's target and realisation per year, with its Renstra start and end marks."""
    satu = _satu(v, kode)
    info = satu.iloc[0]
    fig = grafik.tren_indikator(
        satu,
        judul.format(kode=kode, satuan=info["satuan"] or "nilai"),
        v.sumber("tabel capaian"),
        info["satuan"] or "",
        info["kondisi_awal"],
        info["periode_awal"] - 1 if pd.notna(info["periode_awal"]) else None,
        info["target_akhir"],
    )
    return Bagan(kunci, fig, narasi.kalimat_tren(satu, info["nama"]))


def grafik_tren(v: Tampilan) -> Bagan | None:
    kode = indikator(v) if not tahun_ini(v).empty else None
    if kode is None:
        return None
    # the years in the title too: a slide or a downloaded image must say which years it shows
    b = bagan_indikator(v, kode, f"{{kode}}: target dan realisasi per tahun {rentang(v)} ({{satuan}})", "cp_tren")
    # the page draws it in a 3/5 column: a smaller title keeps the years and the unit in view
    b.fig.update_layout(title_font_size=18)
    return b


def tabel_per_tahun(v: Tampilan) -> Tabel:
    satu = _satu(v, indikator(v))
    return Tabel(
        pd.DataFrame(
            {
                "Tahun": satu["tahun"],
                "Target": satu["target"],
                "Realisasi": satu["realisasi"],
                "Capaian (%)": satu["capaian"],
                "Dilaporkan (%)": satu["capaian_dilaporkan"],
                "Pembilang": satu["pembilang"],
                "Penyebut": satu["penyebut"],
                "Sumber": satu["sumber"],
            }
        ),
        {
            "Target": F_BILANGAN,
            "Realisasi": F_BILANGAN,
            "Capaian (%)": F_ANGKA2,
            "Dilaporkan (%)": F_ANGKA2,
            "Pembilang": F_ANGKA,
            "Penyebut": F_ANGKA,
            "Tahun": F_TAHUN,
        },
    )


def tabel_triwulan(v: Tampilan) -> tuple[str, Tabel] | None:
    """The opened indicator's quarters of this year, with the roll-up rule in the caption."""
    kode = indikator(v)
    tw = v.baca(analisis.triwulan_indikator, v.instansi_id, kode, v.tahun)
    if tw.empty:
        return None
    aturan = _satu(v, kode).iloc[0]["agregasi_triwulan"] or "akhir"
    return (
        f"Nilai per triwulan {v.tahun} (digabung menurut aturan '{aturan}')",
        Tabel(
            tw.rename(
                columns={
                    "triwulan": "Triwulan",
                    "target": "Target",
                    "realisasi": "Realisasi",
                    "capaian_dilaporkan": "Capaian dilaporkan (%)",
                    "sumber": "Sumber",
                }
            ),
            {"Triwulan": F_TAHUN, "Target": F_BILANGAN, "Realisasi": F_BILANGAN, "Capaian dilaporkan (%)": F_ANGKA2},
        ),
    )


LABEL_CATATAN = {
    "penyebab": "Penyebab keberhasilan/kegagalan",
    "hambatan": "Hambatan",
    "solusi": "Solusi",
    "target_nasional": "Target nasional",
}


def catatan(v: Tampilan) -> tuple[dict[str, str], Tabel | None]:
    """The opened indicator's note for the year (field -> text; empty: none yet) and, when a
    note has been changed, all its versions with who wrote them and when."""
    versi = v.baca(store.riwayat_catatan, v.instansi_id, indikator(v), v.tahun)
    berlaku = versi[versi["versi"] == "berlaku"]
    isi = {k: berlaku.iloc[0][k] for k in LABEL_CATATAN if isinstance(berlaku.iloc[0][k], str)} if len(berlaku) else {}
    riwayat = (
        Tabel(versi.rename(columns={"versi": "Versi", "penulis": "Penulis", "diubah": "Diubah", **LABEL_CATATAN}), {})
        if len(versi) > 1
        else None
    )
    return isi, riwayat


GRAFIK = (grafik_tren,)
