"""Issue 15 (meeting-ready pages): clean tables, honest efficiency, bookmarks that hold, the
Capaian detail, charts that say something; through the pages a user opens (AppTest)."""

from __future__ import annotations

import pandas as pd
import pytest
from halaman import HALAMAN, INSTANSI, buka, cache_bersih, grafik, ke  # noqa: F401
from halaman import tabel as tabel_at

from sakip_calc.domain.angka import format_angka, format_bilangan


def test_angka_tanpa_nol_negatif_dan_jumlah_tanpa_desimal():
    assert format_angka(-0.001, 2) == "0,00" and format_angka(-0.4) == "0"
    assert format_angka(-0.5, 2) == "-0,50"
    assert format_bilangan(21.0) == "21" and format_bilangan(58000.0) == "58.000"
    assert format_bilangan(97.644) == "97,64" and format_bilangan(None) == "–"


@pytest.mark.parametrize("instansi", INSTANSI)
def test_tabel_bersih_di_setiap_halaman(instansi):
    at = None
    for halaman in (*HALAMAN, "perbandingan"):
        at = buka(instansi, halaman=halaman) if at is None else ke(at, halaman)
        for t in tabel_at(at):
            assert not [k for k in t.value.columns if str(k).startswith("_")], (halaman, list(t.value.columns))
            teks = t.tampil.astype(str)
            for kolom in teks.columns:
                isi = teks[kolom]
                assert not isi.isin(["None", "nan", "NaN", "<NA>"]).any(), (halaman, kolom)
                assert not isi.str.fullmatch(r"-0(,0+)?( %)?").any(), (halaman, kolom)


def test_target_jumlah_tanpa_desimal_di_capaian():
    at = buka("dinsos-tegal", halaman="capaian")
    teks = tabel_at(at)[0].tampil.set_index("Kode")
    assert teks.loc["SS-27", "Target"] == "58.000"  # keluarga: a count, not 58.000,00
    assert teks.loc["SS-27", "Realisasi"] == "–"


def _tabel_efisiensi(at) -> pd.DataFrame:
    return next(t.value for t in tabel_at(at) if "Asal capaian" in t.value.columns)


def test_program_tanpa_indikator_tidak_dapat_dinilai_dan_bacaan_ikut_metode():
    at = buka("dinsos-tanjabbar", halaman="anggaran")
    # no program of Tanjung Jabung Barat has an indicator of its own: none is called "tidak efisien"
    status = _tabel_efisiensi(at)["Status"]
    assert len(status) == 6 and set(status) == {"tidak dapat dinilai"}
    # neutral names in the selector; the report that uses a form is a note, not the name
    metode = at.selectbox(key="ag_metode")
    assert not [o for o in metode.options if "LKjIP" in o or "Temanggung" in o], metode.options
    teks = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "6 program tidak dapat dinilai" in teks and "dipakai di LKjIP Temanggung 2023" in teks
    metode.set_value("sisa").run()
    teks_sisa = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "6 dari 6 program ada sisa anggaran (100 − serapan ≥ 0 poin)" in teks_sisa
    assert set(_tabel_efisiensi(at)["Status"]) == {"ada sisa anggaran"}


def test_temanggung_penunjang_tidak_dinilai_lainnya_efisien_dan_kartu_poin():
    at = buka("dinsos-temanggung", halaman="anggaran")
    status = _tabel_efisiensi(at).set_index("Kode")["Status"]
    assert status["1.06.01"] == "tidak dapat dinilai" and status["1.06.06"] == "efisien"
    ke(at, "ringkasan")
    kartu = {m.label: m.value for m in at.metric}
    assert kartu["Efisiensi"].endswith(" poin"), kartu  # a difference of two percentages


def test_kontras_tinggi_untuk_proyektor():
    at = buka("dinsos-temanggung", halaman="anggaran")
    biasa = grafik(at)[0]
    assert biasa["layout"].get("font", {}).get("color") != "#000000"
    at.toggle(key="kontras").set_value(True).run()
    kontras = grafik(at)[0]
    assert kontras["layout"]["font"]["color"] == "#000000"
    assert kontras["layout"]["xaxis"]["linecolor"] == "#000000"
    # the same data, only the look changes
    assert kontras["data"][0]["x"] == biasa["data"][0]["x"]
