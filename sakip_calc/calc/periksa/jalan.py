"""Running the checks: on the rows (`bandingkan_semua`), as the list of problems
(`periksa_semua`), as counts per agency-year and class (`rekonsiliasi`), and stored by every
write (`segarkan_temuan`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from sakip_calc import store
from sakip_calc.calc.anggaran import tabel_anggaran

from . import anggaran, capaian, laporan, rata, renja, wilayah
from .dasar import KOLOM, Data

# every check, in the order the page lists their classes; a new check = one entry here
CEK = (*capaian.CEK, *rata.CEK, *anggaran.CEK, *wilayah.CEK, *laporan.CEK, *renja.CEK)


def baca_data(con, instansi_id: int | tuple[int, int] | None = None) -> Data:
    return Data(
        ind=store.indikator_capaian(con, instansi_id),
        ang=tabel_anggaran(store.anggaran(con, instansi_id)),
        tw=store.anggaran_triwulan(con, instansi_id),
        wil=store.wilayah(con, instansi_id, ringkas=True),
        lap=store.angka_laporan(con, instansi_id),
        bel=store.belanja(con, instansi_id),
        batas=store.instansi(con).set_index("kode")["batas_capaian"].dropna().to_dict(),
    )


def bandingkan(d: Data) -> pd.DataFrame:
    """Every comparison every check made, agreeing or not."""
    bagian = [b for cek in CEK for b in cek(d) if len(b)]
    if not bagian:  # `cocok` stays boolean: an object column would make ~cocok select columns, not rows
        return pd.DataFrame(columns=KOLOM).astype({"cocok": bool})
    return pd.concat(bagian, ignore_index=True)


def bandingkan_semua(con, instansi_id: int | tuple[int, int] | None = None) -> pd.DataFrame:
    return bandingkan(baca_data(con, instansi_id))


def periksa_semua(con, instansi_id: int | None = None) -> pd.DataFrame:
    """Every problem found in the rows of one agency (or of all), computed now."""
    b = bandingkan_semua(con, instansi_id)
    return b[~b["cocok"]].drop(columns="cocok").reset_index(drop=True)


def rekonsiliasi(banding: pd.DataFrame) -> pd.DataFrame:
    """Per agency-year and class: stated figures compared, how many reconcile, how many do not."""
    if banding.empty:
        return pd.DataFrame(columns=["instansi", "tahun", "kelas", "jumlah", "cocok", "beda"])
    r = banding.groupby(["instansi", "tahun", "kelas"])["cocok"].agg(jumlah="size", cocok="sum").reset_index()
    r["beda"] = r["jumlah"] - r["cocok"]
    return r


def _versi() -> str:
    """The checks' version: a hash of the code that computes findings. Findings stored by another
    version are recomputed by the next write and, until then, computed live by the readers."""
    calc = Path(__file__).resolve().parents[1]
    berkas = sorted(Path(__file__).parent.glob("*.py")) + [
        calc / n for n in ("anggaran.py", "skor.py", "efisiensi.py", "sebaran.py")
    ]
    berkas += [calc.parent / "domain" / n for n in ("angka.py", "rumus.py")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in berkas)).hexdigest()[:16]


VERSI = _versi()
POTONGAN = 10


def segarkan_temuan(con, sebagian: bool = False) -> None:
    """Inside a write transaction: recompute the findings of every agency whose rows changed since
    they were last stored (the store fingerprints each agency's rows) and store them. `sebagian`:
    the write declared which agencies it changed, only those are fingerprinted; not when the
    stored findings are of other checks (all must then be recomputed)."""
    sebagian = sebagian and store.temuan_tersimpan(con, VERSI)
    # read in id ranges at most POTONGAN wide: memory stays bounded at national scale (all 514
    # agencies at once would hold 15 million rows in pandas) and one changed agency reads alone
    potongan: list[list[int]] = []
    for i in sorted(store.instansi_berubah(con, VERSI, sebagian)):
        if potongan and i - potongan[-1][0] < POTONGAN:
            potongan[-1].append(i)
        else:
            potongan.append([i])
    for ids in potongan:
        banding = bandingkan_semua(con, (ids[0], ids[-1]))
        store.simpan_temuan(
            con, set(ids), banding[~banding["cocok"]].drop(columns="cocok"), rekonsiliasi(banding), VERSI
        )


def temuan(con, instansi_id: int | None = None) -> pd.DataFrame:
    """The problems of one agency (or all): the stored ones, or computed now for a file whose
    findings were stored by other checks (or before they were stored)."""
    if store.temuan_tersimpan(con, VERSI):
        return store.baca_temuan(con, instansi_id)
    return periksa_semua(con, instansi_id)


def rekonsiliasi_tersimpan(con, instansi_id: int | None = None) -> pd.DataFrame:
    if store.temuan_tersimpan(con, VERSI):
        return store.baca_rekonsiliasi(con, instansi_id)
    return rekonsiliasi(bandingkan_semua(con, instansi_id))


store.daftar_turunan(segarkan_temuan, lambda con: not store.temuan_tersimpan(con, VERSI))


def skor_rekonsiliasi(rek: pd.DataFrame) -> float | None:
    """The share of stated figures that reconcile with the rows, in percent (None: nothing stated)."""
    jumlah = rek["jumlah"].sum() if len(rek) else 0
    return float(rek["cocok"].sum() / jumlah * 100) if jumlah else None
