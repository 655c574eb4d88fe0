"""Cross-agency charts: ranking, capaian vs serapan per agency, per provinsi. One mark per agency
(514 at national scale); above BATAS_TANDA marks a chart shows an even sample of the ranking plus
the highlighted agency, so a browser never draws more."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sakip_calc.domain.angka import format_angka, format_persen

from .dasar import WARNA, _kosong, _potong, bidang_efisiensi, tata_letak

BATAS_TANDA = 2000


def _sampel(df: pd.DataFrame, sorot_kolom: str, sorot) -> pd.DataFrame:
    if len(df) <= BATAS_TANDA:
        return df
    pilih = np.unique(np.linspace(0, len(df) - 1, BATAS_TANDA - 1).round().astype(int))
    return pd.concat([df.iloc[pilih], df[df[sorot_kolom] == sorot]]).drop_duplicates(sorot_kolom).sort_index()


def peringkat_instansi(
    df: pd.DataFrame, kolom: str, label: str, sorot: str | None, judul: str, sumber: str, garis: float | None = None
) -> go.Figure:
    """Agencies ranked by `kolom` (df sorted best first, columns kode, nama, provinsi), the
    selected agency (`sorot` = its kode) in the accent colour. Up to 40 agencies: named
    horizontal bars; more: one dot per rank, names on hover, the selected one annotated."""
    isi = df[df[kolom].notna()].reset_index(drop=True)
    if isi.empty:
        return _kosong(judul, sumber, "Belum ada nilai untuk dibandingkan")
    isi = _sampel(isi, "kode", sorot)
    warna = [WARNA["aksen"] if k == sorot else WARNA["utama"] for k in isi["kode"]]
    peringkat = isi.index + 1
    hover = "%{customdata[0]}<br>%{customdata[1]}<br>Peringkat %{customdata[2]}: %{customdata[3]}<extra></extra>"
    data = np.stack([isi["nama"], isi["provinsi"], peringkat, [format_angka(v, 2) for v in isi[kolom]]], axis=-1)
    if len(isi) <= 40:
        fig = go.Figure(
            go.Bar(
                x=isi[kolom][::-1],
                y=[f"{r}. {_potong(n, 50)}" for r, n in zip(peringkat, isi["nama"])][::-1],
                orientation="h",
                marker_color=warna[::-1],
                customdata=data[::-1],
                hovertemplate=hover,
                text=[format_angka(v, 2) for v in isi[kolom][::-1]],
                textposition="outside",
                cliponaxis=False,
            )
        )
        fig.update_xaxes(title=label)
        if garis is not None:
            fig.add_vline(x=garis, line_dash="dash", line_color=WARNA["netral"])
        return tata_letak(fig, judul, sumber, tinggi=max(420, 140 + 26 * len(isi)))
    # one dot per rank: bars from zero would flatten the differences that matter here
    fig = go.Figure(
        go.Scatter(
            x=peringkat,
            y=isi[kolom],
            mode="markers",
            customdata=data,
            hovertemplate=hover,
            marker={"color": warna, "size": np.where(isi["kode"] == sorot, 14, 6)},
        )
    )
    fig.update_xaxes(title=f"Peringkat (1 = tertinggi) dari {len(df[df[kolom].notna()])} instansi")
    fig.update_yaxes(title=label)
    if garis is not None:
        fig.add_hline(y=garis, line_dash="dash", line_color=WARNA["netral"])
    sendiri = isi[isi["kode"] == sorot]
    if len(sendiri):
        i = sendiri.index[0]
        fig.add_annotation(
            x=i + 1,
            y=float(sendiri[kolom].iloc[0]),
            text=f"{_potong(sendiri['nama'].iloc[0], 36)}<br>peringkat {i + 1}",
            showarrow=True,
            arrowhead=2,
            ax=40,
            ay=-50,
            font={"color": WARNA["aksen"], "size": 15},
        )
    return tata_letak(fig, judul, sumber)


def sebaran_capaian_serapan(df: pd.DataFrame, sorot: str | None, judul: str, sumber: str) -> go.Figure:
    """One point per agency: serapan (x) against capaian (y), coloured by predikat; above the
    diagonal results outran spending. The selected agency is larger and named."""
    isi = df[df["capaian"].notna() & df["serapan"].notna()].reset_index(drop=True)
    if isi.empty:
        return _kosong(judul, sumber, "Capaian atau serapan belum dapat dihitung")
    isi = _sampel(isi, "kode", sorot)
    sendiri = isi["kode"] == sorot
    rendah = float(min(isi["capaian"].min(), isi["serapan"].min())) - 3
    tinggi = float(max(isi["capaian"].max(), isi["serapan"].max(), 100)) + 3
    fig = go.Figure(
        go.Scatter(
            x=isi["serapan"],
            y=isi["capaian"],
            mode="markers",
            showlegend=False,
            marker={
                "color": isi["warna"].fillna(WARNA["netral"]),
                "size": np.where(sendiri, 18, 9),
                "opacity": 0.8,
                "line": {"width": np.where(sendiri, 3, 0.5), "color": np.where(sendiri, WARNA["aksen"], "white")},
            },
            customdata=np.stack([isi["nama"], isi["provinsi"], isi["predikat"].fillna("–")], axis=-1),
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<br>Serapan %{x:.2f} %<br>Capaian %{y:.2f} % "
            "(%{customdata[2]})<extra></extra>",
        )
    )
    bidang_efisiensi(fig, rendah, tinggi)
    if sendiri.any():
        r = isi[sendiri].iloc[0]
        fig.add_annotation(
            x=r["serapan"],
            y=r["capaian"],
            text=_potong(r["nama"], 36),
            showarrow=True,
            arrowhead=2,
            ax=50,
            ay=-40,
            font={"color": WARNA["aksen"], "size": 15},
        )
    return tata_letak(fig, judul, sumber, 600)


def batang_provinsi(df: pd.DataFrame, sorot: str | None, judul: str, sumber: str) -> go.Figure:
    """Mean capaian and serapan per provinsi (horizontal grouped bars); the provinsi of the
    selected agency is marked."""
    if df.empty:
        return _kosong(judul, sumber, "Belum ada provinsi dengan data")
    isi = df.iloc[::-1]
    label = [f"▶ {p}" if p == sorot else p for p in isi["provinsi"]]
    tertinggi = isi[["capaian", "serapan"]].max().max()
    fig = go.Figure(
        [
            go.Bar(
                y=label,
                x=isi["capaian"],
                name="Capaian rata-rata",
                orientation="h",
                marker_color=WARNA["utama"],
                text=[format_persen(v, 1) for v in isi["capaian"]],
                textposition="outside",
                cliponaxis=False,
            ),
            go.Bar(
                y=label,
                x=isi["serapan"],
                name="Serapan anggaran",
                orientation="h",
                marker_color=WARNA["pagu"],
                text=[format_persen(v, 1) for v in isi["serapan"]],
                textposition="outside",
                cliponaxis=False,
            ),
        ]
    )
    fig.add_vline(x=100, line_dash="dash", line_color=WARNA["netral"])
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title="Persen", range=[0, max(130, float(tertinggi) * 1.2 if pd.notna(tertinggi) else 0)])
    return tata_letak(fig, judul, sumber, tinggi=max(420, 150 + 36 * len(isi)))
