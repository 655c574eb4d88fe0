"""What the Impor page shows beside the importer's own messages: for now, what each answer to a new
agency's conventions does to its mean and predikat (`ingest.impor.Rencana.akibat`). No Streamlit."""

from __future__ import annotations

import pandas as pd

from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.presentation.tampilan import F_BILANGAN, Tabel


def tabel_akibat_konvensi(akibat: pd.DataFrame) -> Tabel:
    """One row per (scale, cap) answer: the scale by its name, the cap as "tanpa batas" or its
    value, the mean (numeric, so it sorts) and the predikat it gives."""
    df = pd.DataFrame(
        {
            "Skala predikat": akibat["skala_predikat"].map(lambda n: NAMA_SKALA.get(n, n)),
            "Batas capaian": akibat["batas_capaian"].map(lambda b: "tanpa batas" if pd.isna(b) else f"{b:g}"),
            "Rata-rata": pd.to_numeric(akibat["rata_rata"], errors="coerce"),
            "Predikat": akibat["predikat"],
        }
    )
    return Tabel(df, {"Rata-rata": F_BILANGAN})
