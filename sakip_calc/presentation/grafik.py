"""Chart builders: pure functions from DataFrames to plotly figures.

One figure feeds the page, the PNG/SVG download and the slide deck, so every figure carries its
own title (subject, unit, year) and source line, Indonesian number separators, and fonts large
enough for a projector. Colours: predikat bands use their scale's colours; everything else uses
the small house palette below.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sakip_calc.domain.angka import format_angka, format_persen, format_rupiah_singkat

WARNA = {
    "utama": "#1f4e79",      # realisasi
    "target": "#a6a6a6",     # target, pagu
    "pagu": "#9dc3e6",
    "aksen": "#c55a11",      # reference lines, highlights
    "netral": "#595959",
    "baik": "#1a9850",
    "buruk": "#d73027",
}
URUTAN_WARNA = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#843c0c", "#385723"]
HURUF = "Source Sans Pro, Arial, sans-serif"


def tata_letak(fig: go.Figure, judul: str, sumber: str, tinggi: int = 520) -> go.Figure:
    """House style: title, source line, Indonesian separators, projector-sized fonts."""
    fig.update_layout(
        title={"text": judul, "x": 0.0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 22}},
        template="plotly_white",
        font={"family": HURUF, "size": 16, "color": "#262626"},
        separators=",.",
        height=tinggi,
        margin={"l": 20, "r": 30, "t": 110, "b": 105},
        # the legend gets its own row between the title and the plot
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "font": {"size": 15}},
        hoverlabel={"font_size": 15},
    )
    # pinned in pixels below the plot area so it never meets the axis title, whatever the height, and
    # right-aligned so long category labels on the left cannot push it off the figure
    fig.add_annotation(text=f"Sumber: {sumber}", xref="paper", yref="paper", x=1, y=0, yshift=-78, xanchor="right",
                       yanchor="top", showarrow=False, font={"size": 13, "color": WARNA["netral"]})
    return fig


def _potong(teks: str, n: int = 48) -> str:
    teks = str(teks)
    return teks if len(teks) <= n else teks[: n - 1].rstrip() + "…"


def _kosong(judul: str, sumber: str, pesan: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=pesan, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return tata_letak(fig, judul, sumber, 300)


# ---- capaian ------------------------------------------------------------------------------

def batang_capaian(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Horizontal bars of each indicator's score, coloured by predikat, with the 100 % line."""
    isi = df[df["skor"].notna()].sort_values("skor")
    if isi.empty:
        return _kosong(judul, sumber, "Belum ada capaian yang dapat dihitung")
    label = [f"{k} · {_potong(n)}" for k, n in zip(isi["kode"], isi["nama"])]
    # value labels inside the bar ends, so the 100 % reference line never runs through them
    fig = go.Figure(go.Bar(
        x=isi["skor"], y=label, orientation="h", marker_color=isi["warna"].fillna(WARNA["netral"]),
        text=[format_persen(v, 1) for v in isi["skor"]], textposition="inside", insidetextanchor="end",
        textfont={"color": "white", "size": 15},
        customdata=np.stack([isi["predikat"].fillna("–"), isi["target"].map(lambda v: format_angka(v, 2)),
                             isi["realisasi"].map(lambda v: format_angka(v, 2))], axis=-1),
        hovertemplate="%{y}<br>Skor %{x:.2f} %<br>Predikat %{customdata[0]}<br>Target %{customdata[1]} · "
                      "Realisasi %{customdata[2]}<extra></extra>",
    ))
    fig.add_vline(x=100, line_dash="dash", line_color=WARNA["aksen"], layer="below")
    fig.update_xaxes(title="Skor capaian (%)", range=[0, max(105.0, float(isi["skor"].max()) * 1.05)])
    return tata_letak(fig, judul, sumber, tinggi=max(420, 140 + 40 * len(isi)))


def batang_predikat(jumlah: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Indicators per predikat band, every band of the scale shown (zeros too), best on top."""
    if jumlah.empty or jumlah["jumlah"].sum() == 0:
        return _kosong(judul, sumber, "Belum ada indikator berpredikat")
    isi = jumlah.iloc[::-1]
    fig = go.Figure(go.Bar(x=isi["jumlah"], y=isi["predikat"], orientation="h", marker_color=isi["warna"],
                           text=isi["jumlah"], textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x} indikator<extra></extra>"))
    fig.update_xaxes(title="Jumlah indikator", rangemode="tozero", dtick=1 if jumlah["jumlah"].max() <= 10 else None,
                     range=[0, jumlah["jumlah"].max() * 1.2 + 0.5])
    return tata_letak(fig, judul, sumber, tinggi=max(380, 150 + 40 * len(isi)))


def tren_indikator(df: pd.DataFrame, judul: str, sumber: str, satuan: str = "", kondisi_awal=None,
                   tahun_awal=None, target_akhir=None) -> go.Figure:
    """Target and realisasi of one indicator over the years (lines), with the Renstra end target."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=df["tahun"], y=df["target"], name="Target", mode="lines+markers",
                             line={"color": WARNA["target"], "dash": "dash", "width": 3}, marker={"size": 10}))
    fig.add_trace(go.Scatter(x=df["tahun"], y=df["realisasi"], name="Realisasi", mode="lines+markers+text",
                             line={"color": WARNA["utama"], "width": 4}, marker={"size": 12},
                             text=[format_angka(v, 2) for v in df["realisasi"]], textposition="top center", cliponaxis=False))
    if kondisi_awal is not None and tahun_awal is not None and pd.notna(kondisi_awal):
        fig.add_trace(go.Scatter(x=[tahun_awal], y=[kondisi_awal], name="Kondisi awal", mode="markers",
                                 marker={"color": WARNA["netral"], "size": 14, "symbol": "diamond"}))
    if target_akhir is not None and pd.notna(target_akhir):
        fig.add_hline(y=target_akhir, line_dash="dot", line_color=WARNA["aksen"],
                      annotation_text=f"Target akhir Renstra {format_angka(target_akhir, 2)}", annotation_position="bottom right")
    fig.update_xaxes(dtick=1, title="Tahun")
    fig.update_yaxes(title=satuan or "Nilai")
    return tata_letak(fig, judul, sumber)


def tren_capaian(df: pd.DataFrame, judul: str, sumber: str, jenis: str = "garis") -> go.Figure:
    """Capaian (score) of several indicators over the years, as lines or grouped bars."""
    fig = go.Figure()
    for i, (kode, g) in enumerate(df.sort_values("tahun").groupby("kode", sort=False)):
        nama = f"{kode} · {_potong(g['nama'].iloc[0], 32)}"
        warna = URUTAN_WARNA[i % len(URUTAN_WARNA)]
        if jenis == "batang":
            fig.add_trace(go.Bar(x=g["tahun"], y=g["skor"], name=nama, marker_color=warna,
                                 text=[format_angka(v, 1) for v in g["skor"]], textposition="outside"))
        else:
            fig.add_trace(go.Scatter(x=g["tahun"], y=g["skor"], name=nama, mode="lines+markers",
                                     line={"color": warna, "width": 3}, marker={"size": 10}))
    fig.add_hline(y=100, line_dash="dash", line_color=WARNA["aksen"], layer="below")
    fig.update_layout(barmode="group")
    fig.update_xaxes(dtick=1, title="Tahun")
    # lines keep their own range (85-100 would all sit on one line from 0); bars must start at 0
    fig.update_yaxes(title="Skor capaian (%)", rangemode="tozero" if jenis == "batang" else "normal")
    return tata_letak(fig, judul, sumber)


# ---- wilayah ------------------------------------------------------------------------------

def batang_wilayah(df: pd.DataFrame, judul: str, sumber: str, satuan: str, sorot: str | None = None) -> go.Figure:
    """Sorted bars per kecamatan (or desa): columns nama, nilai, persen (share of total)."""
    if df.empty:
        return _kosong(judul, sumber, "Tidak ada data untuk pilihan ini")
    isi = df.sort_values("nilai")
    warna = [WARNA["aksen"] if n == sorot else WARNA["utama"] for n in isi["nama"]]
    fig = go.Figure(go.Bar(
        x=isi["nilai"], y=isi["nama"], orientation="h", marker_color=warna,
        text=[f"{format_angka(v)} ({format_persen(p, 1)})" for v, p in zip(isi["nilai"], isi["persen"])],
        textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x:,.0f} " + satuan + "<extra></extra>",
    ))
    fig.update_xaxes(title=satuan, range=[0, float(isi["nilai"].max()) * 1.3], tickformat=",.0f")
    return tata_letak(fig, judul, sumber, tinggi=max(420, 140 + 30 * len(isi)))


def heatmap_wilayah(lebar: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Kecamatan x jenis: colour = share of the kabupaten total of that jenis, text = the count."""
    if lebar.empty:
        return _kosong(judul, sumber, "Tidak ada data untuk pilihan ini")
    pangsa = lebar.div(lebar.sum(axis=0), axis=1) * 100
    teks = lebar.map(lambda v: "" if pd.isna(v) else format_angka(v))
    fig = go.Figure(go.Heatmap(
        z=pangsa.values, x=list(lebar.columns), y=list(lebar.index), text=teks.values, texttemplate="%{text}",
        textfont={"size": 13}, colorscale="Blues", colorbar={"title": {"text": "% kab."}},
        hovertemplate="%{y} · %{x}<br>%{text} (%{z:.1f} % dari kabupaten)<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    return tata_letak(fig, judul, sumber, tinggi=max(480, 120 + 28 * len(lebar)))


# ---- anggaran -----------------------------------------------------------------------------

def batang_pagu_realisasi(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Pagu vs realisasi per line (columns label, pagu, realisasi, serapan), horizontal so long
    program names stay readable."""
    if df.empty:
        return _kosong(judul, sumber, "Tidak ada data anggaran")
    isi = df.iloc[::-1]
    label = [_potong(x, 44) for x in isi["label"]]
    fig = go.Figure([
        go.Bar(y=label, x=isi["pagu"], name="Pagu", orientation="h", marker_color=WARNA["pagu"],
               text=[format_rupiah_singkat(v) for v in isi["pagu"]], textposition="outside", cliponaxis=False,
               hovertemplate="%{y}<br>Pagu Rp %{x:,.0f}<extra></extra>"),
        go.Bar(y=label, x=isi["realisasi"], name="Realisasi", orientation="h", marker_color=WARNA["utama"],
               text=[f"{format_rupiah_singkat(v)} ({format_persen(s, 1)})" for v, s in zip(isi["realisasi"], isi["serapan"])],
               textposition="outside", cliponaxis=False, hovertemplate="%{y}<br>Realisasi Rp %{x:,.0f}<extra></extra>"),
    ])
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title="Rupiah", tickformat=",.0f", range=[0, float(np.nanmax(isi[["pagu", "realisasi"]].to_numpy(dtype=float))) * 1.5])
    return tata_letak(fig, judul, sumber, tinggi=max(420, 150 + 60 * len(isi)))


def batang_serapan(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    isi = df[df["serapan"].notna()].sort_values("serapan")
    if isi.empty:
        return _kosong(judul, sumber, "Serapan tidak dapat dihitung (realisasi atau pagu kosong)")
    warna = [WARNA["baik"] if s >= 90 else WARNA["aksen"] if s >= 75 else WARNA["buruk"] for s in isi["serapan"]]
    fig = go.Figure(go.Bar(x=isi["serapan"], y=[_potong(x, 48) for x in isi["label"]], orientation="h",
                           marker_color=warna, text=[format_persen(s, 2) for s in isi["serapan"]],
                           textposition="outside", cliponaxis=False))
    fig.add_vline(x=100, line_dash="dash", line_color=WARNA["netral"])
    fig.update_xaxes(title="Serapan (%)", range=[0, max(130, float(isi["serapan"].max()) * 1.3)])
    return tata_letak(fig, judul, sumber, tinggi=max(400, 140 + 40 * len(isi)))


def treemap_anggaran(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """The budget hierarchy sized by pagu, coloured by serapan."""
    isi = df[df["pagu_dipakai"].fillna(0) > 0]
    if isi.empty:
        return _kosong(judul, sumber, "Tidak ada pagu")
    # without any realisasi there is no serapan to colour by: one neutral colour, not a red alarm
    warna = ({"colors": isi["serapan"].fillna(0), "colorscale": [[0, WARNA["buruk"]], [0.75, "#fee08b"], [1, WARNA["baik"]]],
              "cmin": 50, "cmax": 100, "colorbar": {"title": {"text": "Serapan %"}}}
             if isi["serapan"].notna().any() else {"colors": [WARNA["pagu"]] * len(isi)})
    fig = go.Figure(go.Treemap(
        ids=isi["kode"], labels=[_potong(n, 40) for n in isi["nama"]], parents=isi["induk_kode"].fillna(""),
        values=isi["pagu_dipakai"], branchvalues="total" if _konsisten(isi) else "remainder", marker=warna,
        customdata=np.stack([isi["pagu_dipakai"].map(format_rupiah_singkat), isi["serapan"].map(lambda s: format_persen(s, 2))], axis=-1),
        hovertemplate="%{label}<br>Pagu %{customdata[0]}<br>Serapan %{customdata[1]}<extra></extra>",
        texttemplate="%{label}<br>%{customdata[0]}",
    ))
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
    fig = go.Figure([
        go.Bar(x=label, y=df["realisasi"], name="Realisasi triwulan", marker_color=WARNA["pagu"]),
        go.Scatter(x=label, y=df["kumulatif"], name="Realisasi kumulatif", mode="lines+markers+text",
                   line={"color": WARNA["utama"], "width": 4}, marker={"size": 12},
                   text=[format_persen(p, 1) for p in df["persen_kumulatif"]], textposition="top left"),
    ])
    fig.add_hline(y=float(df["pagu"].iloc[0]), line_dash="dash", line_color=WARNA["aksen"],
                  annotation_text=f"Pagu {format_rupiah_singkat(float(df['pagu'].iloc[0]))}", annotation_position="top left")
    fig.update_yaxes(title="Rupiah", tickformat=",.0f")
    return tata_letak(fig, judul, sumber)


def kuadran_efisiensi(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    """Capaian vs serapan per program: above the diagonal, results outran spending (efisien)."""
    isi = df[df["capaian"].notna() & df["serapan"].notna()]
    if isi.empty:
        return _kosong(judul, sumber, "Capaian atau serapan program belum dapat dihitung")
    warna = [WARNA["baik"] if s == "efisien" else WARNA["buruk"] for s in isi["status_efisiensi"]]
    batas_bawah = float(min(isi["capaian"].min(), isi["serapan"].min())) - 4
    batas_atas = float(max(isi["capaian"].max(), isi["serapan"].max(), 100)) + 3
    # programs often cluster at 100 % capaian: short codes as labels, full names on hover
    fig = go.Figure(go.Scatter(
        x=isi["serapan"], y=isi["capaian"], mode="markers+text", text=isi["kode"], customdata=isi["nama"],
        textposition=[POSISI_LABEL[i % len(POSISI_LABEL)] for i in range(len(isi))], textfont={"size": 13},
        marker={"size": np.clip(np.sqrt(isi["pagu"].fillna(0) / 1e6) * 1.5, 10, 45),
                "color": warna, "opacity": 0.75, "line": {"width": 1, "color": "white"}},
        hovertemplate="%{text} %{customdata}<br>Serapan %{x:.2f} %<br>Capaian %{y:.2f} %<extra></extra>",
    ))
    fig.add_shape(type="line", x0=batas_bawah, y0=batas_bawah, x1=batas_atas, y1=batas_atas,
                  line={"dash": "dash", "color": WARNA["netral"]})
    fig.add_annotation(x=batas_bawah + 1, y=batas_atas - 1, text="efisien", showarrow=False, xanchor="left",
                       font={"color": WARNA["baik"], "size": 16})
    fig.add_annotation(x=batas_atas - 1, y=batas_bawah + 1, text="tidak efisien", showarrow=False, xanchor="right",
                       font={"color": WARNA["buruk"], "size": 16})
    fig.update_xaxes(title="Serapan anggaran (%)", range=[batas_bawah, batas_atas])
    fig.update_yaxes(title="Capaian kinerja (%)", range=[batas_bawah, batas_atas])
    return tata_letak(fig, judul, sumber, 560)


POSISI_LABEL = ("top center", "bottom center", "middle left", "middle right")


def donat_belanja(df: pd.DataFrame, judul: str, sumber: str) -> go.Figure:
    if df.empty:
        return _kosong(judul, sumber, "Komposisi belanja tidak dilaporkan")
    fig = go.Figure(go.Pie(labels=df["jenis_belanja"], values=df["realisasi"], hole=0.5, sort=True,
                           marker={"colors": URUTAN_WARNA}, texttemplate="%{label}<br>%{percent:.1%}", textfont={"size": 15}))
    fig.update_layout(showlegend=False)
    return tata_letak(fig, judul, sumber, 480)


# ---- perbandingan antar daerah --------------------------------------------------------------
# One mark per agency (514 at national scale); above BATAS_TANDA marks a chart shows an even
# sample of the ranking plus the highlighted agency, so a browser never draws more.
BATAS_TANDA = 2000


def _sampel(df: pd.DataFrame, sorot_kolom: str, sorot) -> pd.DataFrame:
    if len(df) <= BATAS_TANDA:
        return df
    pilih = np.unique(np.linspace(0, len(df) - 1, BATAS_TANDA - 1).round().astype(int))
    return pd.concat([df.iloc[pilih], df[df[sorot_kolom] == sorot]]).drop_duplicates(sorot_kolom).sort_index()


def peringkat_instansi(df: pd.DataFrame, kolom: str, label: str, sorot: str | None, judul: str, sumber: str,
                       garis: float | None = None) -> go.Figure:
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
        fig = go.Figure(go.Bar(x=isi[kolom][::-1], y=[f"{r}. {_potong(n, 50)}" for r, n in zip(peringkat, isi["nama"])][::-1],
                               orientation="h", marker_color=warna[::-1], customdata=data[::-1], hovertemplate=hover,
                               text=[format_angka(v, 2) for v in isi[kolom][::-1]], textposition="outside", cliponaxis=False))
        fig.update_xaxes(title=label)
        if garis is not None:
            fig.add_vline(x=garis, line_dash="dash", line_color=WARNA["netral"])
        return tata_letak(fig, judul, sumber, tinggi=max(420, 140 + 26 * len(isi)))
    # one dot per rank: bars from zero would flatten the differences that matter here
    fig = go.Figure(go.Scatter(x=peringkat, y=isi[kolom], mode="markers", customdata=data, hovertemplate=hover,
                               marker={"color": warna, "size": np.where(isi["kode"] == sorot, 14, 6)}))
    fig.update_xaxes(title=f"Peringkat (1 = tertinggi) dari {len(df[df[kolom].notna()])} instansi")
    fig.update_yaxes(title=label)
    if garis is not None:
        fig.add_hline(y=garis, line_dash="dash", line_color=WARNA["netral"])
    sendiri = isi[isi["kode"] == sorot]
    if len(sendiri):
        i = sendiri.index[0]
        fig.add_annotation(x=i + 1, y=float(sendiri[kolom].iloc[0]), text=f"{_potong(sendiri['nama'].iloc[0], 36)}<br>peringkat {i + 1}",
                           showarrow=True, arrowhead=2, ax=40, ay=-50, font={"color": WARNA["aksen"], "size": 15})
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
    fig = go.Figure(go.Scatter(
        x=isi["serapan"], y=isi["capaian"], mode="markers", showlegend=False,
        marker={"color": isi["warna"].fillna(WARNA["netral"]), "size": np.where(sendiri, 18, 9), "opacity": 0.8,
                "line": {"width": np.where(sendiri, 3, 0.5), "color": np.where(sendiri, WARNA["aksen"], "white")}},
        customdata=np.stack([isi["nama"], isi["provinsi"], isi["predikat"].fillna("–")], axis=-1),
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}<br>Serapan %{x:.2f} %<br>Capaian %{y:.2f} % "
                      "(%{customdata[2]})<extra></extra>",
    ))
    fig.add_shape(type="line", x0=rendah, y0=rendah, x1=tinggi, y1=tinggi, line={"dash": "dash", "color": WARNA["netral"]})
    fig.add_annotation(x=rendah + 1, y=tinggi - 1, text="efisien", showarrow=False, xanchor="left",
                       font={"color": WARNA["baik"], "size": 16})
    fig.add_annotation(x=tinggi - 1, y=rendah + 1, text="tidak efisien", showarrow=False, xanchor="right",
                       font={"color": WARNA["buruk"], "size": 16})
    if sendiri.any():
        r = isi[sendiri].iloc[0]
        fig.add_annotation(x=r["serapan"], y=r["capaian"], text=_potong(r["nama"], 36), showarrow=True, arrowhead=2,
                           ax=50, ay=-40, font={"color": WARNA["aksen"], "size": 15})
    fig.update_xaxes(title="Serapan anggaran (%)", range=[rendah, tinggi])
    fig.update_yaxes(title="Capaian kinerja (%)", range=[rendah, tinggi])
    return tata_letak(fig, judul, sumber, 600)


def batang_provinsi(df: pd.DataFrame, sorot: str | None, judul: str, sumber: str) -> go.Figure:
    """Mean capaian and serapan per provinsi (horizontal grouped bars); the provinsi of the
    selected agency is marked."""
    if df.empty:
        return _kosong(judul, sumber, "Belum ada provinsi dengan data")
    isi = df.iloc[::-1]
    label = [f"▶ {p}" if p == sorot else p for p in isi["provinsi"]]
    tertinggi = isi[["capaian", "serapan"]].max().max()
    fig = go.Figure([
        go.Bar(y=label, x=isi["capaian"], name="Capaian rata-rata", orientation="h", marker_color=WARNA["utama"],
               text=[format_persen(v, 1) for v in isi["capaian"]], textposition="outside", cliponaxis=False),
        go.Bar(y=label, x=isi["serapan"], name="Serapan anggaran", orientation="h", marker_color=WARNA["pagu"],
               text=[format_persen(v, 1) for v in isi["serapan"]], textposition="outside", cliponaxis=False),
    ])
    fig.add_vline(x=100, line_dash="dash", line_color=WARNA["netral"])
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title="Persen", range=[0, max(130, float(tertinggi) * 1.2 if pd.notna(tertinggi) else 0)])
    return tata_letak(fig, judul, sumber, tinggi=max(420, 150 + 36 * len(isi)))
