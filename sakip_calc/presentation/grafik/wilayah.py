"""Charts of regional distributions: one kind per kecamatan or desa, kecamatan x kind."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sakip_calc.domain.angka import format_angka, format_persen

from .dasar import URUTAN_WARNA, WARNA, _kosong, catatan_bawah, tata_letak


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
    # room right of the longest bar for its label ('58.941 (8,2 %)') in a 3/5 column at 1366x768
    fig.update_xaxes(title=satuan, range=[0, float(isi["nilai"].max()) * 1.45], tickformat=",.0f")
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


# desil 1-4 (the aid's target) in warm colours, 5-6 pale, 7-10 grey, unranked light grey
WARNA_DESIL = ("#67000d", "#a50f15", "#ef3b2c", "#fc9272", "#fdd0a2", "#fee6ce", "#9e9e9e", "#d9d9d9")


def desil_wilayah(lebar: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """DTSEN families per place (rows) and desil bucket (columns, in order, labelled): stacked bars
    of each bucket's share of the place, the count in the hover; places sorted by the first four."""
    if lebar.empty:
        return _kosong(judul, sumber, "Tidak ada data DTSEN untuk pilihan ini")
    pangsa = lebar.div(lebar.sum(axis=1), axis=0) * 100
    urut = pangsa.iloc[:, :4].sum(axis=1).sort_values().index
    pangsa, lebar = pangsa.loc[urut], lebar.loc[urut]  # sorted once, not per bucket
    fig = go.Figure(
        [
            go.Bar(
                x=pangsa[kolom].to_numpy(),
                y=list(urut),
                orientation="h",
                name=kolom,
                marker_color=warna,
                customdata=[format_angka(v) for v in lebar[kolom].tolist()],
                hovertemplate="%{y} · " + kolom + ": %{customdata} keluarga (%{x:.1f} %)<extra></extra>",
            )
            for kolom, warna in zip(lebar.columns, WARNA_DESIL)
        ]
    )
    fig.update_xaxes(title="% keluarga DTSEN di wilayah itu", range=[0, 100], ticksuffix=" %")
    fig.update_yaxes(dtick=1)  # every place named, also on a slide
    fig = tata_letak(fig, judul, sumber, tinggi=max(460, 170 + 26 * len(lebar)))
    return fig.update_layout(barmode="stack", legend_traceorder="normal")


def cakupan_wilayah(lebar: pd.DataFrame, judul: str, sumber: str, satuan: str, definisi: str) -> go.Figure:
    """Coverage ratios per place (rows) and aid (columns): grouped bars, the definition under the plot."""
    if lebar.empty:
        return _kosong(judul, sumber, "Tidak ada data untuk pilihan ini")
    urut = lebar.mean(axis=1).sort_values().index
    fig = go.Figure(
        [
            go.Bar(
                x=lebar.loc[urut, kolom],
                y=list(urut),
                orientation="h",
                name=kolom,
                marker_color=warna,
                hovertemplate="%{y} · " + kolom + ": %{x:,.1f} " + satuan + "<extra></extra>",
            )
            for kolom, warna in zip(lebar.columns, URUTAN_WARNA)
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(title=satuan, tickformat=",.0f")
    fig.update_yaxes(dtick=1)
    fig = tata_letak(fig, judul, sumber, tinggi=max(480, 200 + 40 * len(lebar)))  # one screen for 18 places
    catatan_bawah(fig, definisi, -50)
    return fig
