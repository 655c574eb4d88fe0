"""Charts of indicator results: capped scores, predikat counts, one indicator over the years, trends."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sakip_calc.domain.angka import format_angka, format_persen

from .dasar import URUTAN_WARNA, WARNA, _kosong, _potong, tata_letak


def batang_capaian(df: pd.DataFrame, judul: str, sumber: str, kolom: str = "skor") -> go.Figure:
    """Horizontal bars of each indicator's score, coloured by predikat, with the 100 % line.
    `kolom="capaian"`: the raw capaian instead, the indicators below target in red and the others
    grey (when every capped score is the same, the raw figures are what differs)."""
    isi = df[df[kolom].notna()].sort_values(kolom)
    if isi.empty:
        return _kosong(judul, sumber, "Belum ada capaian yang dapat dihitung")
    # short names: on a 1366 px laptop the chart has about 520 px, and the bars need most of them
    label = [f"{k} · {_potong(n, 34)}" for k, n in zip(isi["kode"], isi["nama"])]
    warna = (
        isi["warna"].fillna(WARNA["netral"])
        if kolom == "skor"
        else isi[kolom].map(lambda c: WARNA["buruk"] if c < 100 else WARNA["target"])
    )
    puncak = max(105.0, float(isi[kolom].max()) * 1.05)
    # raw capaian of 980 % would squash every other bar to a sliver: the axis stops at 200 %; the
    # longer bars run off it, and their true value is written at the axis end, marked "▸" (their
    # own label sits at the bar's end, out of sight). The bar keeps its true value (the deck too).
    ujung = puncak if kolom == "skor" else min(puncak, 200.0)
    # value labels inside the bar ends, so the 100 % reference line never runs through them
    fig = go.Figure(
        go.Bar(
            x=isi[kolom],
            y=label,
            orientation="h",
            marker_color=warna,
            text=[format_persen(v, 1) for v in isi[kolom]],
            textposition="inside",
            insidetextanchor="end",
            textfont={"color": "white", "size": 15},
            customdata=np.stack(
                [
                    isi["predikat"].fillna("–"),
                    isi["target"].map(lambda v: format_angka(v, 2)),
                    isi["realisasi"].map(lambda v: format_angka(v, 2)),
                ],
                axis=-1,
            ),
            hovertemplate="%{y}<br>" + ("Skor" if kolom == "skor" else "Capaian") + " %{x:.2f} %<br>"
            "Predikat %{customdata[0]}<br>Target %{customdata[1]} · Realisasi %{customdata[2]}<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color=WARNA["aksen"], layer="below")
    fig.update_xaxes(
        title="Skor capaian (%)" if kolom == "skor" else "Capaian sebelum batas (%)",
        range=[0, ujung],
    )
    for nilai, nama in zip(isi[kolom], label):
        if nilai > ujung:
            fig.add_annotation(
                x=ujung, y=nama, text=f"{format_persen(nilai, 1)} ▸", showarrow=False, xanchor="right",
                font={"color": "white", "size": 15},
            )  # fmt: skip
    return tata_letak(fig, judul, sumber, tinggi=max(420, 140 + 40 * len(isi)))


def batang_predikat(jumlah: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Indicators per predikat band, every band of the scale shown (zeros too), best on top."""
    if jumlah.empty or jumlah["jumlah"].sum() == 0:
        return _kosong(judul, sumber, "Belum ada indikator berpredikat")
    isi = jumlah.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=isi["jumlah"],
            y=isi["predikat"],
            orientation="h",
            marker_color=isi["warna"],
            text=isi["jumlah"],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x} indikator<extra></extra>",
        )
    )
    fig.update_xaxes(
        title="Jumlah indikator",
        rangemode="tozero",
        dtick=1 if jumlah["jumlah"].max() <= 10 else None,
        range=[0, jumlah["jumlah"].max() * 1.2 + 0.5],
    )
    return tata_letak(fig, judul, sumber, tinggi=max(380, 150 + 40 * len(isi)))


def tren_indikator(
    df: pd.DataFrame, judul: str, sumber: str, satuan: str = "", kondisi_awal=None, tahun_awal=None, target_akhir=None
) -> go.Figure:
    """Target and realisasi of one indicator over the years (lines), with the Renstra end target."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=df["tahun"],
            y=df["target"],
            name="Target",
            mode="lines+markers",
            line={"color": WARNA["target"], "dash": "dash", "width": 3},
            marker={"size": 10},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=df["tahun"],
            y=df["realisasi"],
            name="Realisasi",
            mode="lines+markers+text",
            line={"color": WARNA["utama"], "width": 4},
            marker={"size": 12},
            text=[format_angka(v, 2) for v in df["realisasi"]],
            textposition="top center",
            cliponaxis=False,
        )
    )
    if kondisi_awal is not None and tahun_awal is not None and pd.notna(kondisi_awal):
        fig.add_trace(
            go.Scatter(
                x=[tahun_awal],
                y=[kondisi_awal],
                name="Kondisi awal",
                mode="markers",
                marker={"color": WARNA["netral"], "size": 14, "symbol": "diamond"},
            )
        )
    if target_akhir is not None and pd.notna(target_akhir):
        fig.add_hline(
            y=target_akhir,
            line_dash="dot",
            line_color=WARNA["aksen"],
            annotation_text=f"Target akhir Renstra {format_angka(target_akhir, 2)}",
            annotation_position="bottom right",
        )
    fig.update_xaxes(dtick=1, title="Tahun")
    # from zero: a single year (Tegal SS-27) would otherwise get an axis of 57.999-58.001 whose
    # bottom label runs into the first year
    fig.update_yaxes(title=satuan or "Nilai", rangemode="tozero")
    return tata_letak(fig, judul, sumber)


GARIS = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
SIMBOL = ("circle", "square", "diamond", "triangle-up", "x", "star")


def garis_berimpit(df: pd.DataFrame) -> list[list[str]]:
    """Groups of indicators (codes, in order) whose score lines lie on top of each other: the
    same score in every year both have (at least two shared years). Only groups of two or more."""
    urut = df.sort_values("tahun", kind="stable")  # the order of the trend chart's lines
    seri = {k: g.set_index("tahun")["skor"].dropna() for k, g in urut.groupby("kode", sort=False)}
    kelompok: list[list[str]] = []
    for kode, s in seri.items():
        for k in kelompok:
            bersama = s.index.intersection(seri[k[0]].index)
            if len(bersama) >= 2 and np.allclose(s[bersama], seri[k[0]][bersama]):
                k.append(kode)
                break
        else:
            kelompok.append([kode])
    return [k for k in kelompok if len(k) > 1]


def tren_capaian(df: pd.DataFrame, judul: str, sumber: str, jenis: str = "garis") -> go.Figure:
    """Capaian (score) of several indicators over the years, as lines or grouped bars. Lines that
    lie on top of each other (`garis_berimpit`) stay distinguishable: each line its own dash and
    marker, the ones beneath drawn wider, and the legend says which one a line coincides with.
    The legend names the codes (on one row even on a 1024 px projector); hover gives the name."""
    fig = go.Figure()
    df = df.sort_values("tahun", kind="stable")  # the order of garis_berimpit: a group's first is drawn first
    berimpit = {kode: k for k in garis_berimpit(df) for kode in k}
    for i, (kode, g) in enumerate(df.groupby("kode", sort=False)):
        nama = g["nama"].iloc[0]
        warna = URUTAN_WARNA[i % len(URUTAN_WARNA)]
        if jenis == "batang":
            fig.add_trace(
                go.Bar(
                    x=g["tahun"],
                    y=g["skor"],
                    name=kode,
                    marker_color=warna,
                    text=[format_angka(v, 1) for v in g["skor"]],
                    textposition="outside",
                    hovertext=[nama] * len(g),
                )
            )
        else:
            kelompok = berimpit.get(kode, [kode])
            # within a group, each later line is drawn narrower on top of the earlier, wider ones
            lapis = len(kelompok) - 1 - kelompok.index(kode)
            fig.add_trace(
                go.Scatter(
                    x=g["tahun"],
                    y=g["skor"],
                    name=kode if kelompok[0] == kode else f"{kode} (= {kelompok[0]})",
                    mode="lines+markers",
                    line={"color": warna, "width": 3 + 4 * lapis, "dash": GARIS[i % len(GARIS)]},
                    marker={"size": 10 + 6 * lapis, "symbol": SIMBOL[i % len(SIMBOL)]},
                    hovertext=[nama] * len(g),
                )
            )
    fig.add_hline(y=100, line_dash="dash", line_color=WARNA["aksen"], layer="below")
    fig.update_layout(barmode="group")
    fig.update_xaxes(dtick=1, title="Tahun")
    # lines keep their own range (85-100 would all sit on one line from 0); bars must start at 0
    fig.update_yaxes(title="Skor capaian (%)", rangemode="tozero" if jenis == "batang" else "normal")
    fig.update_traces(hovertemplate="%{x}: %{y:.2f} %<br>%{hovertext}")
    return tata_letak(fig, judul, sumber)
