"""Without a browser for kaleido (chromium not installed, or BROWSER_PATH pointing nowhere) the image
features say so in Indonesian with how to install it: no PNG/SVG buttons that would fail on click,
a warning in the deck's popover, and a deck that is still whole (its image slides carry the
message). Never a traceback."""

from __future__ import annotations

import io

import plotly.graph_objects as go
import pytest
from halaman import buka, grafik
from pptx import Presentation

from sakip_calc.export import ekspor, gambar

HILANG = "/tidak/ada/chromium"


@pytest.fixture
def tanpa_peramban(monkeypatch, db_bawaan):
    gambar.hentikan_penyaji()  # a renderer started by an earlier test would still answer
    monkeypatch.setattr(gambar, "PERAMBAN", HILANG)
    monkeypatch.setenv("BROWSER_PATH", HILANG)  # kaleido reads it too
    yield
    gambar.hentikan_penyaji()


def test_gambar_menjelaskan_yang_hilang(tanpa_peramban):
    assert not ekspor.penyaji_tersedia()
    with pytest.raises(ekspor.PenyajiTidakAda) as e:
        ekspor.gambar_png(go.Figure(go.Bar(x=["a"], y=[1])))
    pesan = str(e.value)
    assert HILANG in pesan and "./run.sh" in pesan and "apt-get install chromium" in pesan


def test_halaman_tanpa_tombol_gambar_dan_dengan_pesan(tanpa_peramban):
    at = buka("dinsos-temanggung", 2023)
    assert not at.exception
    jumlah = len(grafik(at))
    assert jumlah >= 2  # the charts themselves are drawn by the browser, as always
    label = [b.proto.label for b in at.get("download_button")]
    assert "PNG" not in label and "SVG" not in label
    assert "Unduh .pptx" in label  # the deck still downloads
    keterangan = [c for c in at.caption if "PNG/SVG tidak tersedia" in c.value]
    assert len(keterangan) == jumlah and "./run.sh" in keterangan[0].proto.help  # one per chart
    assert any("./run.sh" in w.value and HILANG in w.value for w in at.sidebar.warning)


def test_dek_tetap_utuh_dengan_pesan_di_slide_gambar(tanpa_peramban):
    peta = go.Figure(go.Treemap(labels=["a", "b"], parents=["", "a"], values=[2, 1]))  # an image slide
    peta.update_layout(title="Peta pohon")
    batang = go.Figure(go.Bar(x=["x", "y"], y=[1, 2]))  # a native chart
    batang.update_layout(title="Batang")
    daftar = [ekspor.Grafik("Ringkasan", peta), ekspor.Grafik("Ringkasan", batang)]
    prs = Presentation(io.BytesIO(ekspor.buat_dek(daftar, "Dinas Sosial Kabupaten Temanggung", 2023)))
    slide = list(prs.slides)
    assert len(slide) == 3
    teks = [s.text_frame.text for s in slide[1].shapes if s.has_text_frame]
    assert any("./run.sh" in t and "Chromium" in t for t in teks)
    assert not [s for s in slide[1].shapes if s.shape_type == 13]  # no picture
    assert any(s.has_chart for s in slide[2].shapes)
