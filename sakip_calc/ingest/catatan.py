"""An admin's note on one indicator-year (causes, obstacles, solutions, national target), saved as
a one-row `Penjelasan` sheet through the ordinary import: the same rules, checks, history and undo
as a workbook, and an `impor` row saying when and from where."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from sakip_calc import store
from sakip_calc.access.peran import Pelaku
from sakip_calc.domain.spesifikasi import LEMBAR_BERNAMA
from sakip_calc.ingest.impor import HasilImpor, impor_data

LEMBAR = LEMBAR_BERNAMA["Penjelasan"]
ISI = ("penyebab", "hambatan", "solusi", "target_nasional")


def simpan_catatan(
    instansi: str,
    indikator_kode: str,
    tahun: int,
    isi: dict[str, str],
    penulis: str,
    db: str | Path = store.DB_BAWAAN,
    waktu: datetime | None = None,
    pelaku: Pelaku | None = None,
) -> HasilImpor:
    """Import the note as `Penjelasan.csv`; an empty field empties the stored one. `pelaku`: who
    writes (the role rules and the final-year lock apply as to any import; the audit names them)."""
    baris = {
        "instansi": instansi,
        "indikator_kode": indikator_kode,
        "tahun": int(tahun),
        **{k: (isi.get(k) or "").strip() for k in ISI},
        "penulis": penulis.strip(),
        "diubah": f"{(waktu or datetime.now(UTC)):%Y-%m-%d %H:%M} UTC",
    }
    csv = io.StringIO()
    pd.DataFrame([baris], columns=[k.nama for k in LEMBAR.kolom]).to_csv(csv, index=False, sep=";")
    return impor_data([(f"{LEMBAR.nama}.csv", csv.getvalue().encode("utf-8"))], db, pelaku=pelaku)
