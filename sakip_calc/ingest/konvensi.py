"""The agency's own report conventions, asked once: when an import brings a new agency, its
predikat scale (`skala_predikat`) and whether its report caps capaian at 100 (`batas_capaian`).

A convention the Instansi sheet states is taken as stated (and shown so in the preview). One it
leaves empty is asked: the import stops (KonvensiKurang) until the user answers in the Impor
preview or with `import --konvensi kode=skala,batas`; the preview shows what each answer does to
the agency's mean and predikat for its latest year (calc.analisis.akibat_konvensi). The answer is
written into the Instansi rows, so it is stored in `instansi` with the import. Nothing is chosen
silently.

This module must not read files or write to the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from sakip_calc import store
from sakip_calc.ingest.baca import Masalah

TANPA = "tanpa"  # no cap
Jawaban = dict[str, tuple[str, float | None]]  # agency code -> (scale, cap or None)


@dataclass(frozen=True)
class KonvensiKurang(Masalah):
    """A new agency whose conventions are neither stated nor answered: an error that the preview
    turns into a question (the rest of the plan is still previewed)."""

    instansi: str = ""


def urai(teks: list[str]) -> tuple[Jawaban, list[str]]:
    """`--konvensi kode=skala,batas` options (batas: a number, or 'tanpa'): the answers and the problems."""
    hasil, salah = {}, []
    for t in teks:
        m = re.fullmatch(r"\s*([^=\s]+)\s*=\s*([^,\s]+)\s*,\s*(\S+)\s*", t)
        batas = m and (None if m.group(3).lower() == TANPA else _angka(m.group(3)))
        if not m or batas == "salah":
            salah.append(f"--konvensi '{t}': tulis kode=skala,batas, mis. dinsos-x=permenpan,100 atau =permenpan,tanpa")
            continue
        hasil[m.group(1)] = (m.group(2), batas)
    return hasil, salah


def _angka(teks: str) -> float | str:
    try:
        return float(teks.replace(",", "."))
    except ValueError:
        return "salah"


def terapkan(data: dict[str, pd.DataFrame], con, jawaban: Jawaban | None, masalah: list[Masalah]) -> list[str]:
    """New agencies of the Instansi sheet get the answered conventions written into their rows;
    one with a convention neither stated nor answered is a KonvensiKurang. Returns the new agencies."""
    if "Instansi" not in data:
        return []
    df = data["Instansi"]
    lama = set(store.instansi(con)["kode"])
    baru = [k for k in df["kode"].dropna() if k not in lama]
    for r in df[df["kode"].isin(baru)].itertuples():
        if r.kode in (jawaban or {}):
            skala, batas = jawaban[r.kode]
            df.loc[r.Index, "skala_predikat"] = skala
            df.loc[r.Index, "batas_capaian"] = batas if batas is not None else float("nan")
        elif pd.isna(r.skala_predikat) or pd.isna(r.batas_capaian):
            masalah.append(
                KonvensiKurang(
                    "Instansi",
                    r.nomor_baris,
                    "skala_predikat" if pd.isna(r.skala_predikat) else "batas_capaian",
                    f"instansi baru '{r.kode}': pilih konvensi laporannya, yaitu skala predikat dan apakah capaian "
                    "dibatasi 100 (batas_capaian), di pratinjau Impor (perintah: --konvensi "
                    f"{r.kode}=permenpan,100 atau {r.kode}=permenpan,tanpa), atau isi kedua kolom di lembar Instansi",
                    instansi=r.kode,
                )
            )
    return baru
