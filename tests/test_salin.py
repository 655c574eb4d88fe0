"""The copy behind every copy-on-write write (`store.salin_berkas`): the copy is the database
byte for byte, whether the kernel copies it (copy_file_range) or, where it cannot, Python does,
also after the kernel stopped half-way."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import bantu
import pytest

from sakip_calc import store


@pytest.fixture
def asal(db_salinan) -> Path:
    """A real database file (the seeds), with a mode of its own to carry over."""
    db_salinan.chmod(0o640)
    return db_salinan


def _sama(a: Path, b: Path) -> None:
    assert a.read_bytes() == b.read_bytes()
    assert a.stat().st_mode == b.stat().st_mode
    assert a.stat().st_mtime_ns == b.stat().st_mtime_ns


def test_salinan_sama_persis(asal, tmp_path):
    tujuan = tmp_path / "salinan.duckdb"
    store.salin_berkas(asal, tujuan)
    _sama(asal, tujuan)
    assert bantu.isi(tujuan) == bantu.isi(asal)


@pytest.mark.parametrize("setengah", [False, True], ids=["tidak-didukung", "berhenti-di-tengah"])
def test_tanpa_copy_file_range_disalin_python(asal, tmp_path, monkeypatch, setengah):
    """A filesystem or kernel without copy_file_range (or one failing after a first chunk, e.g.
    EXDEV across filesystems): the copy is still exact, not the first chunk plus the rest appended."""
    asli = os.copy_file_range
    panggil = []

    def gagal(src, dst, count, *a):
        panggil.append(count)
        if setengah and len(panggil) == 1:
            return asli(src, dst, min(count, 65536), *a)
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", gagal)
    tujuan = tmp_path / "salinan.duckdb"
    tujuan.write_bytes(b"sisa berkas lama yang lebih panjang " * 100_000)
    store.salin_berkas(asal, tujuan)
    assert len(panggil) == (2 if setengah else 1)
    _sama(asal, tujuan)
