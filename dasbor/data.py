"""Streamlit glue for data: the read-only connection, ONE data cache for every read, and the view
(`Tampilan`) pages and the deck are drawn for.

Caches are keyed by the database file's version (inode, mtime, size). An import replaces the
file atomically, so the next run sees a new version: the old connection is released and every
read is done again on the new data. Must not compute or format anything: sections do that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

import dasbor as _paket  # DB lives on the package: tests and bench point it at another file
from sakip_calc import store
from sakip_calc.presentation import halaman as registri
from sakip_calc.presentation.tampilan import Lingkup, Pembaca, Tampilan, nama_baca


def versi() -> str:
    return store.versi_data(_paket.DB)


@st.cache_resource(max_entries=3, on_release=lambda con: con.close())
def _koneksi(versi_data: str):
    return store.buka(_paket.DB, read_only=True)


def koneksi(versi_data: str | None = None):
    """A cursor on this process's read-only connection to the database file of `versi_data` (the
    version the page started with, so an import landing mid-render cannot mix old and new rows)."""
    return store.kursor(_koneksi(versi_data or versi()))


@st.cache_data(show_spinner=False, max_entries=512)
def baca(versi_data: str, nama: str, args: tuple, _fungsi: Callable) -> Any:
    # keyed by (data version, read name, args); the function itself is not hashed (leading _)
    return _fungsi(koneksi(versi_data), *args)


def pembaca(versi_data: str) -> Pembaca:
    """The accessor sections read through: every read `f(con, *args)` cached by `baca`, and
    memoised for the run so a frame several sections share is unpickled once."""
    # called through the package, so bench/run.py records every read by wrapping this one function
    return Pembaca(lambda fungsi, args: _paket.baca(versi_data, nama_baca(fungsi), args, fungsi))


def riwayat_impor(versi_data: str) -> pd.DataFrame:
    return pembaca(versi_data)(store.riwayat_impor)


@dataclass(frozen=True)
class Pilihan(Lingkup):
    """The sidebar's choice, and the data version the run started with."""

    versi: str


def pilihan() -> Pilihan | None:
    """The sidebar choice made by app.py in this run (every page starts here)."""
    if PagesManager.uses_pages_directory:
        # A fresh server whose first request is a deep link runs the page file through
        # Streamlit's legacy pages/ mode, without app.py; st.navigation turns that mode off,
        # so turn it off here and run again through the router.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state.get("_pilihan")


class PilihanSesi(Mapping):
    """The registered page choices as they stand in st.session_state now (read on every access,
    so a section called after its widget sees the widget's value)."""

    def __getitem__(self, kunci: str) -> Any:
        if kunci not in registri.KUNCI or kunci not in st.session_state:
            raise KeyError(kunci)
        return st.session_state[kunci]

    def __iter__(self) -> Iterator[str]:
        return (k for k in registri.KUNCI if k in st.session_state)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def pilihan_sekarang() -> tuple[tuple[str, Any], ...]:
    """A hashable snapshot of every registered page choice (lists as tuples), for cache keys."""
    return tuple((k, tuple(n) if isinstance(n, list) else n) for k, n in PilihanSesi().items())


@st.cache_data(show_spinner=False, max_entries=64)
def _bagian(nama: str, p: Pilihan, pilihan_halaman: tuple, _fungsi: Callable[[Tampilan], Any]) -> Any:
    # keyed like the deck's charts: the sidebar choice (its data version included) and every page choice
    return _fungsi(tampilan(p, dict(pilihan_halaman)))


def bagian(fungsi: Callable[[Tampilan], Any]) -> Any:
    """A section built once per view and set of page choices, for the costly ones a rerun would
    rebuild unchanged (the DTSEN charts: 25-50 ms each); an import changes the data version."""
    return _bagian(f"{fungsi.__module__}.{fungsi.__qualname__}", pilihan(), pilihan_sekarang(), fungsi)


def tampilan(p: Pilihan, pilihan_halaman: Mapping[str, Any] | None = None) -> Tampilan:
    """The view for the sidebar choice `p`: page choices live from the session unless given."""
    return Tampilan(
        **p.lingkup(), pilihan=PilihanSesi() if pilihan_halaman is None else pilihan_halaman, baca=pembaca(p.versi)
    )
