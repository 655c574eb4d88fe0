"""Module size: every layer of sakip_calc is split by concern; no module grows past ~400 lines."""

from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1] / "sakip_calc"
BATAS = 400


@pytest.mark.parametrize("paket", sorted(p.name for p in AKAR.iterdir() if (p / "__init__.py").exists()))
def test_modul_tidak_lebih_dari_batas(paket):
    besar = {
        p.name: n
        for p in sorted((AKAR / paket).rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > BATAS
    }
    assert not besar, f"pisahkan menurut urusan: {besar}"


def test_wajah_publik_ekspor_tetap():
    """Pages, deck and bench import these from sakip_calc.export.ekspor."""
    from sakip_calc.export import ekspor

    for nama in (
        "buat_dek",
        "Grafik",
        "gambar",
        "gambar_png",
        "gambar_svg",
        "tabel_excel",
        "bagan_asli",
        "larik",
        "judul_grafik",
        "nama_berkas",
        "aman_excel",
        "ID",
        "siapkan_penyaji",
        "hentikan_penyaji",
        "LEBAR_GAMBAR",
        "SKALA_PNG",
    ):
        assert hasattr(ekspor, nama), nama
