"""The pages' chart element: a figure drawn by the app's own plotly.js in the page itself (a
Streamlit component without an iframe), instead of st.plotly_chart.

Why: st.plotly_chart loads Streamlit's full plotly.js (4,7 MB) only when the first chart arrives,
and evaluating it was most of a chart page's load (issue 15 item 9). Ours (static/plotly-sakip.min.js,
1,6 MB, built by scripts/bangun_plotly.sh) holds only the trace types the sections draw, and pages
with charts start loading it at their first line (`muat_awal`), while the server still works.

`tema_layar.json` is the look Streamlit's chart put over the figures on the page (read off
Streamlit 1.67's chart in the browser), so the page looks as before; presentation mode draws the
figure's own enlarged fonts, as the PNG and the deck do.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import streamlit as st

_SINI = Path(__file__).resolve().parent
BUNDEL = _SINI.parent / "static" / "plotly-sakip.min.js"
# the bundle's hash in its URL: a rebuilt bundle is never taken from a browser's cache
URL_PLOTLY = f"./app/static/{BUNDEL.name}?v={hashlib.sha256(BUNDEL.read_bytes()).hexdigest()[:12]}"
_MUAT = (_SINI / "muat_plotly.js").read_text(encoding="utf-8").replace("__URL_PLOTLY__", URL_PLOTLY)
_KOMPONEN = st.components.v2.component(
    "sakip_grafik",
    js=_MUAT
    + (_SINI / "grafik_web.js")
    .read_text(encoding="utf-8")
    .replace("__TEMA_LAYAR__", (_SINI / "tema_layar.json").read_text(encoding="utf-8")),
    isolate_styles=False,  # plotly.js puts its styles (hover, toolbar) in the document's head
)


def muat_awal() -> None:
    """Start loading plotly.js now, before the page's first chart (pages with charts call it first)."""
    st.html(
        # the element takes no room on the page (no gap above the title)
        '<style>[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > #sakip-muat) {display: none}</style>'
        f'<script id="sakip-muat">{_MUAT}\nsakipMuatPlotly();</script>',
        unsafe_allow_javascript=True,
    )


def gambar(
    fig: go.Figure,
    key: str | None,
    config: dict[str, Any],
    tema: bool = True,
    penuh: bool = False,
    klik: bool = False,
) -> list[dict] | None:
    """Draw `fig`. With `klik`, returns the points of a click that reran the page (once), else []."""
    hasil = _KOMPONEN(
        data={"fig": fig.to_json(), "config": config, "tema": tema, "penuh": penuh, "klik": klik},
        key=key,
        height="stretch" if penuh else "content",
        # a trigger reaches Python only through a registered callback; the page reads the result
        **({"on_klik_change": _tanpa_aksi} if klik else {}),
    )
    return (hasil.get("klik") or []) if klik else None


def _tanpa_aksi() -> None:
    pass
