"""A plotly figure read as native chart data (`BaganAsli`): categories, series values, colours and
labels copied exactly from the figure the page draws.

Owns the reading of plotly traces; must not touch python-pptx (bagan_pptx.py draws the data).
"""

from __future__ import annotations

import base64
import math
import re
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from sakip_calc.domain.angka import format_angka, format_persen
from sakip_calc.export.office import ID


@dataclass
class Seri:
    nama: str
    nilai: list[float | None]
    warna: list[str | None]  # one colour per point, or a single entry for the series
    label: list[str] | None = None  # text on each point, as the figure prints it
    garis: bool = False  # drawn as a line (a line chart, or the line of a combo)
    penanda_saja: bool = False  # markers without a line
    putus: str | None = None  # plotly dash style
    tebal: float | None = None  # line width, px
    acuan: bool = False  # a reference line (add_hline): no markers, no labels


@dataclass
class BaganAsli:
    jenis: str  # "kolom", "batang" (horizontal), "garis", "kombinasi", "pai", "donat"
    kategori: list[str]
    seri: list[Seri]
    judul_nilai: str | None = None  # value-axis title
    lubang: float | None = None  # doughnut hole, 0..1
    format_nilai: str = ID + "#,##0"
    rentang: tuple[float | None, float | None] = (None, None)  # value-axis min and max


def larik(v) -> list:
    """Any plotly array form as a plain Python list: list, tuple, numpy, pandas, or the typed array
    {dtype, bdata[, shape]}. Plotly 7 keeps a figure's numeric arrays in that typed form after a
    pickle round trip (st.cache_data), and offers no decoder for it."""
    if v is None:
        return []
    if isinstance(v, dict) and "bdata" in v and "dtype" in v:
        # plotly.js typed arrays are little-endian; "f8", "i4", "u1"... are numpy's own codes
        a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype("<" + v["dtype"]))
        if v.get("shape"):
            a = a.reshape([int(n) for n in str(v["shape"]).split(",")])
        return a.tolist()
    return v.tolist() if hasattr(v, "tolist") else list(v)


def _angka(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _kategori(v) -> str:
    """Category text: years stay '2023', not '2023.0'."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "item"):
        return _kategori(v.item())
    return str(v)


def _warna_titik(nilai, n: int) -> list[str | None]:
    if nilai is None:
        return [None]
    if isinstance(nilai, str):
        return [nilai]
    return [w if isinstance(w, str) else None for w in larik(nilai)][:n]


def _teks(trace, n: int) -> list[str] | None:
    t = trace.text
    if t is None or isinstance(t, str):
        return None
    t = [_teks_titik(x) for x in larik(t)]
    return t if len(t) == n and any(t) else None


def _teks_titik(x) -> str:
    """A point's label as the figure prints it; bare numbers get Indonesian separators."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    v = _angka(x)
    return "" if v is None else format_angka(v, 0 if v.is_integer() else 2)


def _seri_tertulis(trace) -> bool:
    if trace.type == "scatter":
        return "text" in (trace.mode or "")
    return trace.textposition != "none"


def _garis_acuan(fig: go.Figure) -> list[tuple[str, float]]:
    """Horizontal reference lines (add_hline) with the text of their annotation, if any."""
    hasil = []
    for s in fig.layout.shapes:
        if s.type == "line" and s.xref == "x domain" and s.yref == "y" and s.y0 == s.y1:
            nama = next(
                (
                    a.text
                    for a in fig.layout.annotations
                    if a.yref == "y" and a.xref == "x domain" and a.y == s.y0 and a.text
                ),
                None,
            )
            hasil.append((nama or f"Acuan {format_angka(s.y0, 0)}", float(s.y0)))
    return hasil


def bagan_asli(fig: go.Figure) -> BaganAsli | None:
    """The figure as native chart data, or None when PowerPoint cannot draw it natively.

    Bars (vertical or horizontal, grouped), line traces (markers-only traces may ride along),
    one bar + line combination, and one pie/doughnut convert; categories and values are copied
    exactly. Treemap, heatmap, stacked bars and a scatter without lines (the labelled quadrant) do not.
    """
    jejak = list(fig.data)
    if not jejak:
        return None
    jenis = {t.type for t in jejak}
    if jenis == {"pie"} and len(jejak) == 1:
        t = jejak[0]
        nilai = [_angka(v) for v in larik(t.values)]
        warna = _warna_titik(t.marker.colors, len(nilai)) if t.marker.colors is not None else [None] * len(nilai)
        titik = list(zip([_kategori(x) for x in larik(t.labels)], nilai, warna))
        if t.sort is not False:  # plotly draws the slices largest first unless sort=False
            titik.sort(key=lambda x: -(x[1] or 0))
        kategori, nilai, warna = (list(x) for x in zip(*titik))
        total = sum(v for v in nilai if v) or 1
        info = t.textinfo or "value"
        label = [
            format_persen(v / total * 100, 1) if "percent" in info else format_angka(v) for v in (v or 0 for v in nilai)
        ]
        return BaganAsli(
            "donat" if t.hole else "pai",
            kategori,
            [Seri(t.name or "Nilai", nilai, warna, label)],
            lubang=t.hole,
            format_nilai=format_untuk(nilai),
        )
    # stacked bars (DTSEN desil shares) would come out clustered: they go as an image
    if not jenis <= {"bar", "scatter"} or fig.layout.barmode == "stack":
        return None
    garis = [t for t in jejak if t.type == "scatter"]
    if garis and not any("lines" in (t.mode or "") for t in garis):
        return None
    mendatar = [t for t in jejak if t.type == "bar" and t.orientation == "h"]
    if mendatar and (len(mendatar) != len(jejak)):
        return None
    sumbu_kat, sumbu_nilai = ("y", "x") if mendatar else ("x", "y")

    kategori: list[str] = []
    for t in jejak:
        for v in larik(getattr(t, sumbu_kat)):
            k = _kategori(v)
            if k not in kategori:
                kategori.append(k)
    if all(re.fullmatch(r"-?\d+(\.\d+)?", k) for k in kategori):
        kategori.sort(key=float)

    seri = []
    for t in jejak:
        kat = [_kategori(v) for v in larik(getattr(t, sumbu_kat))]
        per_kat = dict(zip(kat, (_angka(v) for v in larik(getattr(t, sumbu_nilai)))))
        teks = dict(zip(kat, _teks(t, len(kat)) or [])) if _seri_tertulis(t) else {}
        nilai = [per_kat.get(k) for k in kategori]
        label = [teks.get(k, "") for k in kategori] if teks else None
        if t.type == "bar":
            warna = _warna_titik(t.marker.color, len(kat))
            if len(warna) > 1:  # per-point colours follow their category
                per = dict(zip(kat, warna))
                warna = [per.get(k) for k in kategori]
            seri.append(Seri(t.name or "Nilai", nilai, warna, label))
        else:
            mode = t.mode or "lines"
            seri.append(
                Seri(
                    t.name or "Nilai",
                    nilai,
                    [t.line.color or t.marker.color],
                    label,
                    garis=True,
                    penanda_saja="lines" not in mode,
                    putus=t.line.dash,
                    tebal=t.line.width,
                )
            )
    ada_batang = any(t.type == "bar" for t in jejak)
    ada_garis = any(s.garis for s in seri)
    if ada_garis:
        for nama, y in _garis_acuan(fig):
            seri.append(Seri(nama, [y] * len(kategori), ["#c55a11"], garis=True, putus="dash", tebal=2, acuan=True))
    jenis_bagan = (
        "kombinasi" if ada_batang and ada_garis else "garis" if ada_garis else "batang" if mendatar else "kolom"
    )
    sumbu = fig.layout.xaxis if mendatar else fig.layout.yaxis
    semua = [v for s in seri for v in s.nilai]
    return BaganAsli(
        jenis_bagan,
        kategori,
        seri,
        sumbu.title.text or None,
        format_nilai=format_untuk(semua),
        rentang=_rentang(sumbu, semua, ada_batang),
    )


def _rentang(sumbu, nilai: list[float | None], batang: bool) -> tuple[float | None, float | None]:
    """The figure's own value-axis range; bars and 'tozero' axes start at zero, as in plotly
    (PowerPoint would otherwise start a bar axis near the smallest bar)."""
    if sumbu.range is not None and None not in sumbu.range:
        return float(sumbu.range[0]), float(sumbu.range[1])
    isi = [v for v in nilai if v is not None]
    if (batang or sumbu.rangemode == "tozero") and isi and min(isi) >= 0:
        return 0.0, None
    return None, None


def format_untuk(nilai: list[float | None]) -> str:
    isi = [v for v in nilai if v is not None]
    return ID + ("#,##0" if all(float(v).is_integer() for v in isi) else "#,##0.00")
