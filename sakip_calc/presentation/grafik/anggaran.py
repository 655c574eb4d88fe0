"""Budget charts: pagu vs realisasi, serapan, the budget treemap, quarterly curve, efficiency quadrant, spending."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sakip_calc.calc.efisiensi import TIDAK_DAPAT_DINILAI
from sakip_calc.domain.angka import format_persen, format_rupiah_singkat

from .dasar import URUTAN_WARNA, WARNA, _kosong, bidang_efisiensi, nama_pendek, tata_letak


def batang_pagu_realisasi(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Pagu vs realisasi per line (columns label, pagu, realisasi, serapan), horizontal so long
    program names stay readable."""
    if df.empty:
        return _kosong(judul, sumber, "Tidak ada data anggaran")
    isi = df.iloc[::-1]
    label = list(isi["label"])
    fig = go.Figure(
        [
            go.Bar(
                y=label,
                x=isi["pagu"],
                name="Pagu",
                orientation="h",
                marker_color=WARNA["pagu"],
                text=[format_rupiah_singkat(v) for v in isi["pagu"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}<br>Pagu Rp %{x:,.0f}<extra></extra>",
            ),
            go.Bar(
                y=label,
                x=isi["realisasi"],
                name="Realisasi",
                orientation="h",
                marker_color=WARNA["utama"],
                text=[
                    f"{format_rupiah_singkat(v)} ({format_persen(s, 1)})"
                    for v, s in zip(isi["realisasi"], isi["serapan"])
                ],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}<br>Realisasi Rp %{x:,.0f}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(
        title="Rupiah",
        tickformat=",.0f",
        range=[0, float(np.nanmax(isi[["pagu", "realisasi"]].to_numpy(dtype=float))) * 1.5],
    )
    return tata_letak(fig, judul, sumber, tinggi=max(420, 150 + 60 * len(isi)))


def batang_serapan(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    isi = df[df["serapan"].notna()].sort_values("serapan")
    if isi.empty:
        return _kosong(judul, sumber, "Serapan tidak dapat dihitung (realisasi atau pagu kosong)")
    warna = [WARNA["baik"] if s >= 90 else WARNA["aksen"] if s >= 75 else WARNA["buruk"] for s in isi["serapan"]]
    fig = go.Figure(
        go.Bar(
            x=isi["serapan"],
            y=list(isi["label"]),
            orientation="h",
            marker_color=warna,
            text=[format_persen(s, 2) for s in isi["serapan"]],
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color=WARNA["netral"])
    fig.update_xaxes(title="Serapan (%)", range=[0, max(130, float(isi["serapan"].max()) * 1.3)])
    return tata_letak(fig, judul, sumber, tinggi=max(400, 140 + 40 * len(isi)))


def treemap_anggaran(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """The budget hierarchy sized by pagu, coloured by serapan."""
    isi = df[df["pagu_dipakai"].fillna(0) > 0]
    if isi.empty:
        return _kosong(judul, sumber, "Tidak ada pagu")
    # without any realisasi there is no serapan to colour by: one neutral colour, not a red alarm
    warna = (
        {
            "colors": isi["serapan"].fillna(0),
            "colorscale": [[0, WARNA["buruk"]], [0.75, "#fee08b"], [1, WARNA["baik"]]],
            "cmin": 50,
            "cmax": 100,
            "colorbar": {"title": {"text": "Serapan %"}},
        }
        if isi["serapan"].notna().any()
        else {"colors": [WARNA["pagu"]] * len(isi)}
    )
    fig = go.Figure(
        go.Treemap(
            ids=isi["kode"],
            labels=[nama_pendek(n, 40) for n in isi["nama"]],
            parents=isi["induk_kode"].fillna(""),
            values=isi["pagu_dipakai"],
            branchvalues="total" if _konsisten(isi) else "remainder",
            marker=warna,
            customdata=np.stack(
                [isi["pagu_dipakai"].map(format_rupiah_singkat), isi["serapan"].map(lambda s: format_persen(s, 2))],
                axis=-1,
            ),
            hovertemplate="%{label}<br>Pagu %{customdata[0]}<br>Serapan %{customdata[1]}<extra></extra>",
            texttemplate="%{label}<br>%{customdata[0]}",
            textfont={"size": 16},
            # programs and their kegiatan; a click opens the sub-kegiatan (hundreds of tiny boxes
            # at once were unreadable)
            maxdepth=2,
        )
    )
    return tata_letak(fig, judul, sumber, 620)


def _konsisten(df: pd.DataFrame) -> bool:
    """Plotly's 'total' mode needs every parent to be at least the sum of its children."""
    anak = df[df["induk_kode"].notna()].groupby("induk_kode")["pagu_dipakai"].sum()
    induk = df.set_index("kode")["pagu_dipakai"]
    return bool(all(induk.get(k, 0) + 0.5 >= v for k, v in anak.items()))


def kurva_triwulan(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Cumulative realisasi per quarter against the pagu."""
    if df.empty:
        return _kosong(judul, sumber, "Laporan ini tidak memuat realisasi per triwulan")
    label = [f"TW {['I', 'II', 'III', 'IV'][t - 1]}" for t in df["triwulan"]]
    fig = go.Figure(
        [
            go.Bar(x=label, y=df["realisasi"], name="Realisasi triwulan", marker_color=WARNA["pagu"]),
            go.Scatter(
                x=label,
                y=df["kumulatif"],
                name="Realisasi kumulatif",
                mode="lines+markers+text",
                line={"color": WARNA["utama"], "width": 4},
                marker={"size": 12},
                text=[format_persen(p, 1) for p in df["persen_kumulatif"]],
                textposition="top left",
            ),
        ]
    )
    fig.add_hline(
        y=float(df["pagu"].iloc[0]),
        line_dash="dash",
        line_color=WARNA["aksen"],
        annotation_text=f"Pagu {format_rupiah_singkat(float(df['pagu'].iloc[0]))}",
        annotation_position="top left",
    )
    fig.update_yaxes(title="Rupiah", tickformat=",.0f")
    return tata_letak(fig, judul, sumber)


def kuadran_efisiensi(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Capaian vs serapan per program: above the diagonal, results outran spending (efisien). A
    program rated by the agency's mean score (no indicator of its own) is grey: not rated."""
    isi = df[df["capaian"].notna() & df["serapan"].notna()]
    if isi.empty:
        return _kosong(judul, sumber, "Capaian atau serapan program belum dapat dihitung")
    warna = [
        WARNA["netral"] if st == TIDAK_DAPAT_DINILAI else WARNA["baik"] if c >= s else WARNA["buruk"]
        for c, s, st in zip(isi["capaian"], isi["serapan"], isi["status_efisiensi"])
    ]
    batas_bawah = float(min(isi["capaian"].min(), isi["serapan"].min())) - 4
    batas_atas = float(max(isi["capaian"].max(), isi["serapan"].max(), 100)) + 3
    # programs often cluster at 100 % capaian: one stacked label per cluster, so codes never
    # print over each other; names on hover
    fig = go.Figure(
        go.Scatter(
            x=isi["serapan"],
            y=isi["capaian"],
            mode="markers",
            text=isi["kode"],
            customdata=isi["nama"],
            marker={
                "size": np.clip(np.sqrt(isi["pagu"].fillna(0) / 1e6) * 1.5, 10, 45),
                "color": warna,
                "opacity": 0.75,
                "line": {"width": 1, "color": "white"},
            },
            hovertemplate="%{text} %{customdata}<br>Serapan %{x:.2f} %<br>Capaian %{y:.2f} %<extra></extra>",
        )
    )
    dekat = (batas_atas - batas_bawah) / 12
    # a code is about a quarter of the plot wide: labels closer than that sideways share one
    kelompok = _kelompok(list(zip(isi["serapan"], isi["capaian"], isi["kode"])), dekat * 3, dekat)
    fig.add_trace(
        go.Scatter(
            x=[k[0] for k in kelompok],
            y=[k[1] + dekat * 0.4 for k in kelompok],
            mode="text",
            # stacked, so a label is one code wide whatever the size of its group
            text=["<br>".join(k[2]) for k in kelompok],
            textposition="top center",
            textfont={"size": 13},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_layout(showlegend=False)
    bidang_efisiensi(fig, batas_bawah, batas_atas)
    return tata_letak(fig, judul, sumber, 560)


def _kelompok(titik: list[tuple[float, float, str]], dx: float, dy: float) -> list[tuple[float, float, list[str]]]:
    """Points within (dx, dy) of a group's first point join that group: (mean x, top y, codes)."""
    grup: list[list[tuple[float, float, str]]] = []
    for t in sorted(titik, key=lambda t: (-t[1], t[0])):
        for g in grup:
            if abs(g[0][0] - t[0]) < dx and abs(g[0][1] - t[1]) < dy:
                g.append(t)
                break
        else:
            grup.append([t])
    return [(float(np.mean([t[0] for t in g])), max(t[1] for t in g), [t[2] for t in g]) for g in grup]


def donat_belanja(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    if df.empty:
        return _kosong(judul, sumber, "Komposisi belanja tidak dilaporkan")
    fig = go.Figure(
        go.Pie(
            labels=df["jenis_belanja"],
            values=df["realisasi"],
            hole=0.5,
            sort=True,
            marker={"colors": URUTAN_WARNA},
            texttemplate="%{label}<br>%{percent:.1%}",
            textfont={"size": 15},
        )
    )
    fig.update_layout(showlegend=False)
    return tata_letak(fig, judul, sumber, 480)
