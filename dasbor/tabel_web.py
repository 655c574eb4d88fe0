"""The pages' short tables: a section's table drawn whole as HTML (`Tabel.html`) in a Streamlit
component without an iframe, which keeps pinned columns in view and lets a page pick a row by
clicking it. Longer tables stay in st.dataframe (`dasbor.widget.tabel` chooses).

Why: Streamlit's grid draws on a canvas and cost a page 200-400 ms to load (issue 15 item 9); HTML
also prints, and a click anywhere on a row picks it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from sakip_calc.presentation.tampilan import Tabel

_KOMPONEN = st.components.v2.component(
    "sakip_tabel",
    js=(Path(__file__).resolve().parent / "tabel_web.js").read_text(encoding="utf-8"),
    isolate_styles=False,  # the page's table style (dasbor.widget.GAYA)
)


def tampil(t: Tabel, key: str | None = None, pilih: Callable[[], None] | None = None) -> None:
    """Draw `t`. With `pilih`, a click on a row calls it before the rerun; the row's number (in
    `t.df`'s order) is then `baris_dipilih(key)`."""
    _KOMPONEN(
        data={"html": t.html(), "tetap": len(t.tetap()), "pilih": pilih is not None},
        key=key,
        height="content",
        **({"on_baris_change": pilih} if pilih is not None else {}),
    )


def baris_dipilih(key: str) -> int | None:
    """The row just clicked in the table drawn with `key` (inside its `pilih` callback)."""
    hasil = st.session_state.get(key) or {}
    return hasil.get("baris")
