"""Streamlit glue shared by the pages: the cached read-only connection and cached reads.

Every cache is keyed by the database file's version (inode, mtime, size), so an import, which
replaces the file atomically, refreshes exactly the data read after it.
"""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from sakip_calc import store

DB = Path(os.environ.get("SAKIP_DB", store.DB_BAWAAN))


def versi() -> str:
    return store.versi_data(DB)


@st.cache_resource(max_entries=2, on_release=lambda con: con.close())
def _koneksi(versi_data: str):
    return store.buka(DB, read_only=True)


def koneksi():
    """A cursor on this process's read-only connection to the current database file."""
    return _koneksi(versi()).cursor()
