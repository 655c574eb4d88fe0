"""Choropleth maps of kecamatan (or desa): one layer of values on the region polygons, drawn
without background tiles so it works offline and exports to PNG/SVG/slides like any chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from sakip_calc.calc.peta import geojson
from sakip_calc.domain.angka import format_angka, format_persen

from .dasar import _kosong, catatan_bawah, tata_letak

__all__ = ["peta_wilayah"]

# counts and ratios: sequential (more = darker); changes between periods: diverging around zero
# (the sequential ones start at a tint, not white, so the lowest value never reads as "no data")
SKALA_WARNA = {
    "jumlah": [[0, "#c6dbef"], [0.5, "#4292c6"], [1, "#08306b"]],
    "rasio": [[0, "#dadaeb"], [0.5, "#807dba"], [1, "#3f007d"]],
    "perubahan": "RdBu",
}
ABU = "#d9d9d9"


def _teks_nilai(x: float, desimal: int) -> str:
    return "tidak ada data" if pd.isna(x) else format_angka(x, desimal)


def peta_wilayah(
    lapisan: pd.DataFrame,
    batas: pd.DataFrame,
    judul: str,
    sumber: str,
    satuan: str,
    jenis_skala: str = "jumlah",
    tak_terpetakan: list[str] | tuple[str, ...] = (),
    desimal: int = 0,
    sebab_tak: str = "nama tidak ada di daftar resmi",
) -> go.Figure:
    """`lapisan`: kode, nama, nilai (NaN = no data), persen, peringkat per region drawn
    (`calc.peta.lapisan`); `batas`: kode, lat, lng, geometri of the same regions (`store.batas`).
    Regions without data are grey and say so; names that match no region are listed under the map."""
    gambar = batas[batas["kode"].isin(lapisan["kode"])]
    if gambar.empty:
        return _kosong(judul, sumber, "Batas wilayah untuk kabupaten/kota ini tidak tersedia")
    gj = geojson(gambar)
    ada = lapisan[lapisan["nilai"].notna()]
    kosong = lapisan[lapisan["nilai"].isna()]
    n = len(lapisan)
    fig = go.Figure()
    # The names go first: plotly.js fetches its world topojson from the internet when the geo's first
    # trace has a `locationmode` (every geojson choropleth has one) or a base layer is shown. Names
    # (plain lat/lon) first and no base layers keep the map offline (tests/test_peta.py renders it).
    label = gambar.set_index("kode").loc[lapisan["kode"]]
    fig.add_trace(
        go.Scattergeo(
            lat=label["lat"],
            lon=label["lng"],
            text=lapisan["nama"],
            mode="text",
            # a white halo keeps the names readable on the darkest polygons too
            textfont={"size": 12 if n <= 25 else 9, "color": "#262626", "shadow": "0 0 3px white, 0 0 2px white"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    if not kosong.empty:
        fig.add_trace(
            go.Choropleth(
                geojson=gj,
                locations=kosong["kode"],
                z=[0] * len(kosong),
                colorscale=[[0, ABU], [1, ABU]],
                showscale=False,
                marker_line={"color": "white", "width": 1},
                customdata=kosong[["nama"]],
                hovertemplate="<b>%{customdata[0]}</b><br>tidak ada data<extra></extra>",
                name="tidak ada data",
            )
        )
    if not ada.empty:
        perubahan = jenis_skala == "perubahan"
        batas_abs = float(ada["nilai"].abs().max()) or 1.0
        fig.add_trace(
            go.Choropleth(
                geojson=gj,
                locations=ada["kode"],
                z=ada["nilai"],
                colorscale=SKALA_WARNA[jenis_skala],
                reversescale=perubahan,  # RdBu runs red->blue: a rise is blue, a fall red
                zmid=0 if perubahan else None,
                zmin=-batas_abs if perubahan else None,
                zmax=batas_abs if perubahan else None,
                marker_line={"color": "white", "width": 1},
                colorbar={
                    "title": {"text": satuan, "side": "top"},
                    "tickformat": f",.{min(desimal, 1)}f",
                    "thickness": 18,
                    "len": 0.75,
                },
                customdata=list(
                    zip(
                        ada["nama"],
                        [_teks_nilai(x, desimal) for x in ada["nilai"]],
                        [format_persen(p, 1) for p in ada["persen"]],
                        [f"{int(r)} dari {n}" for r in ada["peringkat"]],
                    )
                ),
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]} " + satuan + "<br>pangsa %{customdata[2]}"
                    "<br>peringkat %{customdata[3]}<extra></extra>"
                ),
                name=satuan,
            )
        )
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator", bgcolor="rgba(0,0,0,0)")
    catatan = []
    if not kosong.empty:
        catatan.append(f"Abu-abu: tidak ada data ({len(kosong)} dari {n} wilayah)")
    if tak_terpetakan:
        catatan.append(f"Tidak dapat dipetakan ({sebab_tak}): " + ", ".join(tak_terpetakan))
    fig = tata_letak(fig, judul, sumber, tinggi=640)
    fig.update_layout(margin={"l": 20, "r": 10, "t": 80, "b": 105}, showlegend=False)
    if catatan:
        catatan_bawah(fig, "<br>".join(catatan), -40)
    return fig
