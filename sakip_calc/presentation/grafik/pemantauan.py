"""Charts of the in-year monitoring: the rows at risk, and a cumulative path per quarter (S-curve)
against its target path with the projection cone to quarter IV."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sakip_calc.domain.angka import format_angka, format_persen

from .dasar import WARNA, _kosong, _potong, tata_letak

_TW = ["TW I", "TW II", "TW III", "TW IV"]


def batang_berisiko(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Projected year-end capaian (serapan for budgets) of the rows not on track, farthest on top."""
    if df.empty:
        return _kosong(judul, sumber, "Semua indikator dan program diperkirakan aman")
    isi = df.sort_values("jarak", ascending=False)
    label = [f"{k} · {_potong(n, 40)}" for k, n in zip(isi["kode"], isi["nama"])]
    fig = go.Figure(
        go.Bar(
            x=isi["persen_proyeksi"],
            y=label,
            orientation="h",
            marker_color=isi["warna"].fillna(WARNA["netral"]),
            text=[format_persen(v, 1) for v in isi["persen_proyeksi"]],
            textposition="outside",
            customdata=np.stack(
                [isi["label"].fillna("–"), isi["metode"], isi["persen_bawah"].round(1), isi["persen_atas"].round(1)],
                axis=-1,
            ),
            hovertemplate="%{y}<br>Proyeksi %{x:.1f} % (%{customdata[2]}–%{customdata[3]} %)<br>"
            "%{customdata[0]} · metode: %{customdata[1]}<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color=WARNA["aksen"], layer="below")
    fig.update_xaxes(title="Proyeksi capaian / serapan akhir tahun (%)", range=[0, 115])
    return tata_letak(fig, judul, sumber, tinggi=max(420, 150 + 38 * len(isi)))


def kurva_s(df: pd.DataFrame, judul: str, sumber: str, satuan: str) -> go.Figure:
    """Realised cumulative value per quarter against the target path, and the projection with its
    range from the latest quarter to quarter IV (the cone)."""
    if df.empty:
        return _kosong(judul, sumber, "Tidak ada data triwulan")
    metode = df["metode"].iloc[0]
    fig = go.Figure(
        [
            go.Scatter(
                x=_TW,
                y=df["rencana"],
                name="Jalur target",
                mode="lines+markers",
                line={"color": WARNA["target"], "width": 3, "dash": "dot"},
            ),
            go.Scatter(
                x=_TW,
                y=df["bawah"],
                name="Batas bawah proyeksi",
                mode="lines",
                line={"color": WARNA["pagu"], "width": 1},
            ),
            go.Scatter(
                x=_TW,
                y=df["atas"],
                name="Batas atas proyeksi",
                mode="lines",
                line={"color": WARNA["pagu"], "width": 1},
                fill="tonexty",
                fillcolor="rgba(157, 195, 230, 0.35)",
            ),
            go.Scatter(
                x=_TW,
                y=df["proyeksi"],
                name=f"Proyeksi ({metode})",
                mode="lines+markers",
                line={"color": WARNA["aksen"], "width": 3, "dash": "dash"},
            ),
            go.Scatter(
                x=_TW,
                y=df["realisasi"],
                name="Realisasi",
                mode="lines+markers+text",
                line={"color": WARNA["utama"], "width": 4},
                marker={"size": 12},
                text=[_label(v, satuan) for v in df["realisasi"]],
                textposition="top left",
            ),
        ]
    )
    fig.update_yaxes(title=satuan, rangemode="tozero")
    return tata_letak(fig, judul, sumber)


def _label(v, satuan: str) -> str:
    if pd.isna(v):
        return ""
    return format_persen(v, 1) if satuan == "%" else format_angka(v, 0 if float(v).is_integer() else 2)
