"""Charts of regional distributions: one kind per kecamatan or desa, kecamatan x kind."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sakip_calc.domain.angka import format_angka, format_persen

from .dasar import WARNA, _kosong, tata_letak


def batang_wilayah(df: pd.DataFrame, judul: str, sumber: str, satuan: str, sorot: str | None = None) -> go.Figure:
    """Sorted bars per kecamatan (or desa): columns nama, nilai, persen (share of total)."""
    if df.empty:
        return _kosong(judul, sumber, "Tidak ada data untuk pilihan ini")
    isi = df.sort_values("nilai")
    warna = [WARNA["aksen"] if n == sorot else WARNA["utama"] for n in isi["nama"]]
    fig = go.Figure(
        go.Bar(
            x=isi["nilai"],
            y=isi["nama"],
            orientation="h",
            marker_color=warna,
            text=[f"{format_angka(v)} ({format_persen(p, 1)})" for v, p in zip(isi["nilai"], isi["persen"])],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,.0f} " + satuan + "<extra></extra>",
        )
    )
    fig.update_xaxes(title=satuan, range=[0, float(isi["nilai"].max()) * 1.3], tickformat=",.0f")
    return tata_letak(fig, judul, sumber, tinggi=max(420, 140 + 30 * len(isi)))


def heatmap_wilayah(lebar: pd.DataFrame, judul: str, sumber: str, kabkota: str = "kabupaten") -> go.Figure:
    """Kecamatan x jenis: colour = share of the kabupaten/kota total of that jenis, text = the count."""
    if lebar.empty:
        return _kosong(judul, sumber, "Tidak ada data untuk pilihan ini")
    pangsa = lebar.div(lebar.sum(axis=0), axis=1) * 100
    teks = lebar.map(lambda v: "" if pd.isna(v) else format_angka(v))
    fig = go.Figure(
        go.Heatmap(
            z=pangsa.values,
            x=list(lebar.columns),
            y=list(lebar.index),
            text=teks.values,
            texttemplate="%{text}",
            textfont={"size": 13},
            colorscale="Blues",
            colorbar={"title": {"text": "% kab." if kabkota == "kabupaten" else f"% {kabkota}"}},
            hovertemplate=f"%{{y}} · %{{x}}<br>%{{text}} (%{{z:.1f}} % dari {kabkota})<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return tata_letak(fig, judul, sumber, tinggi=max(480, 120 + 28 * len(lebar)))
