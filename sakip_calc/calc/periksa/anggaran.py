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
                instansi=ada["instansi"],
                tahun=ada["tahun"],
                tabel="anggaran",
                kunci=_kunci(ada),
                jenis=INDUK_BEDA,
                dilaporkan=ada[kolom],
                dihitung=ada[f"{kolom}_anak"],
                cocok=sama_persis(ada[kolom], ada[f"{kolom}_anak"]),
                sumber=ada["sumber"],
                keterangan=f"{nama} baris induk vs jumlah " + ada["jumlah_anak"].astype(str) + " rincian",
                rujukan="anggaran: rincian ber-induk " + ada["kode"].astype(str),
            )
        )
    return hasil


def cek_pagu_serapan(d: Data) -> list[pd.DataFrame]:
    a = d.ang
    lebih = a[a["pagu"].notna() & a["realisasi"].notna()]
    hasil = [
        bingkai(
            instansi=lebih["instansi"],
            tahun=lebih["tahun"],
            tabel="anggaran",
            kunci=_kunci(lebih),
            jenis=MELEBIHI_PAGU,
            dilaporkan=lebih["realisasi"],
            dihitung=lebih["pagu"],
            cocok=~(lebih["realisasi"] > lebih["pagu"] + 0.5),
            sumber=lebih["sumber"],
            keterangan="realisasi (dilaporkan) dibanding pagu (dihitung = batas)",
            rujukan="anggaran " + lebih["kode"].astype(str),
        )
    ]
    s = a[a["serapan_dilaporkan"].notna()]
    hitung = s["realisasi"].astype(float) / s["pagu"].astype(float).where(s["pagu"] != 0) * 100
    tanpa = s[hitung.isna() & s["realisasi"].notna()]
    ada = s[hitung.notna()]
    hasil.append(
        bingkai(
            instansi=tanpa["instansi"],
            tahun=tanpa["tahun"],
            tabel="anggaran",
            kunci=_kunci(tanpa),
            jenis=SERAPAN_TANPA_PAGU,
            dilaporkan=tanpa["serapan_dilaporkan"],
            dihitung=np.nan,
            cocok=False,
            sumber=tanpa["sumber"],
            rujukan="anggaran " + tanpa["kode"].astype(str),
        )
    )
    hitung = hitung[ada.index]
    hasil.append(
        bingkai(
            instansi=ada["instansi"],
            tahun=ada["tahun"],
            tabel="anggaran",
            kunci=_kunci(ada),
            jenis=SERAPAN_BEDA,
            dilaporkan=ada["serapan_dilaporkan"],
            dihitung=hitung,
            cocok=sesuai_cetak(ada["serapan_dilaporkan"], hitung),
            sumber=ada["sumber"],
            keterangan=[f"pagu {_rp(p)}, realisasi {_rp(r)}" for p, r in zip(ada["pagu"], ada["realisasi"])],
            rujukan="anggaran " + ada["kode"].astype(str),
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
            instansi=a["instansi"],
            tahun=a["tahun"],
            tabel="anggaran",
            kunci=_kunci(a),
            jenis=TRIWULAN_BEDA,
            dilaporkan=a["realisasi"],
            dihitung=a["jumlah"],
            cocok=sama_persis(a["realisasi"], a["jumlah"]),
            sumber=a["sumber"],
            keterangan="realisasi tahun vs jumlah " + a["n"].astype(str) + " triwulan",
            rujukan="anggaran_triwulan " + a["kode"].astype(str),
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
    daftar = (
        label.assign(isi=label["kode"] + " " + label["nama"])
        .groupby(["instansi", "tahun", "lingkup"])["isi"]
        .agg("; ".join)
    )
    ket = [daftar.loc[(i, t, lk)] for i, t, lk in zip(ganda["instansi"], ganda["tahun"], ganda["lingkup"])]
    return [
        bingkai(
            instansi=ganda["instansi"],
            tahun=ganda["tahun"],
            tabel="anggaran",
            kunci="nomor baris '" + ganda["kode_laporan"] + "'",
            jenis=KODE_GANDA,
            dilaporkan=ganda["n"],
            dihitung=1,
            cocok=False,
            sumber=ganda["sumber"],
            keterangan=ket,
            rujukan=ket,
        )
    ]


CEK = (cek_induk, cek_pagu_serapan, cek_triwulan, cek_kode_ganda)
