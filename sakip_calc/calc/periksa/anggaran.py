"""Budget lines against themselves: parent vs children (pagu, realisasi, Renja, Renstra),
realisasi vs pagu, stated serapan, the quarters vs the year, duplicate line numbers.
All at once over every agency-year: a national database has 1,4 million lines."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from sakip_calc.domain.angka import sama_persis, sesuai_cetak

from .dasar import INDUK_BEDA, KODE_GANDA, MELEBIHI_PAGU, SERAPAN_BEDA, SERAPAN_TANPA_PAGU, TRIWULAN_BEDA, Data, bingkai

_NOMOR_PENUH = re.compile(r"^\d+(\.\d+)+\.?$")
_KOLOM_INDUK = {"pagu": "pagu", "realisasi": "realisasi", "pagu_renja": "pagu Renja", "pagu_renstra": "pagu Renstra"}


def _rp(v) -> str:
    return f"{v:,.0f}".replace(",", ".") if pd.notna(v) else "–"


def _kunci(df: pd.DataFrame) -> pd.Series:
    return df["kode"].astype(str) + " " + df["nama"].astype(str)


def _rujukan(df: pd.DataFrame) -> pd.Series:
    return "anggaran " + df["kode"].astype(str)


def cek_induk(d: Data) -> list[pd.DataFrame]:
    """Each parent column against the sum of its children's same column."""
    df = d.ang[d.ang["jumlah_anak"] > 0]
    hasil = []
    for kolom, nama in _KOLOM_INDUK.items():
        if f"{kolom}_anak" not in df:
            continue
        ada = df[df[kolom].notna() & df[f"{kolom}_anak"].notna()]
        hasil.append(
            bingkai(
                ada,
                sama_persis(ada[kolom], ada[f"{kolom}_anak"]),
                INDUK_BEDA,
                tabel="anggaran",
                kunci=_kunci,
                dilaporkan=ada[kolom],
                dihitung=ada[f"{kolom}_anak"],
                sumber=ada["sumber"],
                keterangan=lambda b, nama=nama: (
                    f"{nama} baris induk vs jumlah " + b["jumlah_anak"].astype(str) + " rincian"
                ),
                rujukan=lambda b: "anggaran: rincian ber-induk " + b["kode"].astype(str),
            )
        )
    return hasil


def cek_pagu_serapan(d: Data) -> list[pd.DataFrame]:
    a = d.ang
    lebih = a[a["pagu"].notna() & a["realisasi"].notna()]
    hasil = [
        bingkai(
            lebih,
            ~(lebih["realisasi"] > lebih["pagu"] + 0.5),
            MELEBIHI_PAGU,
            tabel="anggaran",
            kunci=_kunci,
            dilaporkan=lebih["realisasi"],
            dihitung=lebih["pagu"],
            sumber=lebih["sumber"],
            keterangan="realisasi (dilaporkan) dibanding pagu (dihitung = batas)",
            rujukan=_rujukan,
        )
    ]
    s = a[a["serapan_dilaporkan"].notna()]
    hitung = s["realisasi"].astype(float) / s["pagu"].astype(float).where(s["pagu"] != 0) * 100
    tanpa = s[hitung.isna() & s["realisasi"].notna()]
    ada = s[hitung.notna()]
    hasil.append(
        bingkai(
            tanpa,
            False,
            SERAPAN_TANPA_PAGU,
            tabel="anggaran",
            kunci=_kunci,
            dilaporkan=tanpa["serapan_dilaporkan"],
            dihitung=np.nan,
            sumber=tanpa["sumber"],
            rujukan=_rujukan,
        )
    )
    hitung = hitung[ada.index]
    hasil.append(
        bingkai(
            ada,
            sesuai_cetak(ada["serapan_dilaporkan"], hitung),
            SERAPAN_BEDA,
            tabel="anggaran",
            kunci=_kunci,
            dilaporkan=ada["serapan_dilaporkan"],
            dihitung=hitung,
            sumber=ada["sumber"],
            keterangan=lambda b: [f"pagu {_rp(p)}, realisasi {_rp(r)}" for p, r in zip(b["pagu"], b["realisasi"])],
            rujukan=_rujukan,
        )
    )
    return hasil


def cek_triwulan(d: Data) -> list[pd.DataFrame]:
    """The four quarters' realisasi (not cumulative) add up to the year's realisasi."""
    if d.tw.empty:
        return []
    jumlah = d.tw.groupby(["instansi_id", "tahun", "kode"])["realisasi"].agg(jumlah="sum", n="count").reset_index()
    a = d.ang.merge(jumlah, on=["instansi_id", "tahun", "kode"])
    a = a[a["realisasi"].notna() & (a["n"] > 0)]
    return [
        bingkai(
            a,
            sama_persis(a["realisasi"], a["jumlah"]),
            TRIWULAN_BEDA,
            tabel="anggaran",
            kunci=_kunci,
            dilaporkan=a["realisasi"],
            dihitung=a["jumlah"],
            sumber=a["sumber"],
            keterangan=lambda b: "realisasi tahun vs jumlah " + b["n"].astype(str) + " triwulan",
            rujukan=lambda b: "anggaran_triwulan " + b["kode"].astype(str),
        )
    ]


def cek_kode_ganda(d: Data) -> list[pd.DataFrame]:
    """Letters such as 'a.' restart under every parent; a full number such as '6.1.1' may not repeat."""
    label = d.ang[d.ang["kode_laporan"].notna()]
    if label.empty:
        return []
    lingkup = np.where(
        label["kode_laporan"].str.match(_NOMOR_PENUH.pattern),
        label["kode_laporan"],
        label["kode_laporan"] + "|" + label["induk_kode"].fillna(""),
    )
    label = label.assign(lingkup=lingkup)
    g = label.groupby(["instansi", "tahun", "lingkup"])
    ringkas = g.agg(
        n=("kode", "size"), kode_laporan=("kode_laporan", "first"), sumber=("sumber", "first")
    ).reset_index()
    ganda = ringkas[ringkas["n"] > 1]
    # the rows of the duplicated numbers only: a national database has a million numbers
    isi = label.merge(ganda[["instansi", "tahun", "lingkup"]], on=["instansi", "tahun", "lingkup"])
    daftar = (isi["kode"] + " " + isi["nama"]).groupby([isi["instansi"], isi["tahun"], isi["lingkup"]]).agg("; ".join)
    ket = [daftar.loc[(i, t, lk)] for i, t, lk in zip(ganda["instansi"], ganda["tahun"], ganda["lingkup"])]
    return [
        bingkai(
            ganda,
            False,
            KODE_GANDA,
            tabel="anggaran",
            kunci="nomor baris '" + ganda["kode_laporan"] + "'",
            dilaporkan=ganda["n"],
            dihitung=1,
            sumber=ganda["sumber"],
            keterangan=ket,
            rujukan=ket,
        )
    ]


CEK = (cek_induk, cek_pagu_serapan, cek_triwulan, cek_kode_ganda)
