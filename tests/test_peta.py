"""The kecamatan map: shipped boundaries, placing names on codes, the figure, and the page."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from halaman import buka
from halaman import grafik as grafik_at

from sakip_calc.calc import peta
from sakip_calc.export import gambar
from sakip_calc.export.ekspor import larik
from sakip_calc.presentation import dek, grafik
from sakip_calc.presentation.bagian import wilayah
from sakip_calc.presentation.tampilan import Bagan, tampilan_koneksi
from sakip_calc.store import baca, batas, rujukan_wilayah


def _di_dalam(x: float, y: float, cincin: list) -> bool:
    dalam = False
    for (xa, ya), (xb, yb) in zip(cincin, cincin[1:] + cincin[:1]):
        if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
            dalam = not dalam
    return dalam


@pytest.mark.parametrize("kode, jumlah", [("33.28", 18), ("15.06", 13)])
def test_setiap_kecamatan_resmi_punya_poligon(kode, jumlah):
    resmi = rujukan_wilayah.kecamatan(kode)
    b = batas.batas_bawaan(kode)
    kec = b[b["tingkat"] == "kecamatan"]
    assert len(resmi) == jumlah and set(kec["kode"]) == set(resmi["kode"])
    # only this kabupaten's rows were read, and the label point of each lies in its own polygon:
    # [lng, lat] order (a swapped pair would put Tegal at 109°S)
    assert set(b["kode"]) == {kode, *resmi["kode"]}
    for r in kec.itertuples():
        g = json.loads(r.geometri)
        poligon = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        assert all(-11 < lat < 6 and 95 < lng < 141 for p in poligon for c in p for lng, lat in c)
        assert any(_di_dalam(r.lng, r.lat, p[0]) for p in poligon), r.nama


def test_kecamatan_tegal_yang_diimpor_semua_terpetakan(con):
    df = baca.wilayah(con, 2)  # dinsos-tegal
    nama = pd.Series(sorted(df["kecamatan"].dropna().unique()))
    kode = peta.petakan(nama, rujukan_wilayah.kecamatan("33.28"))
    assert len(nama) == 18 and kode.notna().all()
    assert dict(zip(nama, kode))["Dukuhwaru"] == "33.28.18"
    polygon = set(batas.batas_bawaan("33.28")["kode"])
    assert set(kode) <= polygon


def test_lapisan_tanpa_data_bukan_nol_dan_nama_asing():
    resmi = pd.DataFrame({"kode": ["33.28.01", "33.28.02", "33.28.03"], "nama": ["Margasari", "Bumijawa", "Bojong"]})
    nilai = pd.DataFrame({"nama": ["Kec. MARGASARI", "Bumi Jawa", "Atlantis"], "nilai": [30, 10, 5]})
    lapis, tak = peta.lapisan(nilai, resmi)
    assert lapis["nilai"].tolist()[:2] == [30, 10]
    assert pd.isna(lapis.loc[2, "nilai"]) and tak == ["Atlantis"]
    assert lapis["persen"].round(1).tolist()[:2] == [75.0, 25.0] and lapis["peringkat"].tolist()[:2] == [1, 2]
    # codes the rows carry win over their names
    kode = peta.petakan(pd.Series(["Apa saja"]), resmi, pd.Series(["33.28.03"]))
    assert kode.tolist() == ["33.28.03"]


def _peta_tegal(con, pilihan=None) -> Bagan:
    v = tampilan_koneksi(con, 2, 2018, pilihan=pilihan or {"wl_jenis": "BDT"})
    return wilayah.grafik_peta(v)


def test_peta_tegal_lokasi_sama_dengan_data(con):
    b = _peta_tegal(con)
    isi = [t for t in b.fig.data if t.type == "choropleth" and t.name != "tidak ada data"][0]
    df = baca.wilayah(con, 2)
    kec = df[(df["tahun"] == 2018) & (df["jenis"] == "BDT") & df["kecamatan"].notna() & df["desa"].isna()]
    kode_data = set(peta.petakan(kec["kecamatan"], rujukan_wilayah.kecamatan("33.28")))
    assert set(isi.locations) == kode_data and len(kode_data) == 18
    assert sum(isi.z) == 722_124
    nilai = dict(zip(isi.locations, isi.z))
    assert nilai["33.28.11"] == kec.set_index("kecamatan").loc["Adiwerna", "nilai"]
    # hover: value in Indonesian format, share and rank; the first trace is the names (keeps it offline)
    assert b.fig.data[0].type == "scattergeo" and b.fig.data[0].mode == "text"
    adiwerna = [c for c in isi.customdata if c[0] == "Adiwerna"][0]
    assert "." in adiwerna[1] and adiwerna[3].endswith("dari 18")
    assert b.fig.layout.geo.fitbounds == "locations" and b.fig.layout.geo.visible is False


def test_peta_lapisan_rasio_dan_perubahan(con):
    rasio = _peta_tegal(con, {"wl_jenis": "BDT", "wl_peta": "rasio_tanpa_nik_terhadap_nik"})
    isi = [t for t in rasio.fig.data if t.type == "choropleth"][-1]
    adiwerna = dict(zip(isi.locations, isi.z))["33.28.11"]
    assert round(adiwerna, 2) == 39.15 and isi.colorscale[0][1] != "#d9d9d9"
    # 2018 has PKH only per desa of Dukuhwaru: no kecamatan map of it, so no change layer either
    # (the change since the previous DTSEN period: tests/test_dtsen.py)
    v = tampilan_koneksi(con, 2, 2018, pilihan={"wl_jenis": "PKH"})
    assert "perubahan" not in wilayah.opsi_peta(v)
    v = tampilan_koneksi(con, 2, 2017, pilihan={"wl_jenis": "PKH"})
    assert "perubahan" not in wilayah.opsi_peta(v) and "jenis" in wilayah.opsi_peta(v)
    resmi = rujukan_wilayah.kecamatan("33.28")
    lapis, _ = peta.lapisan(pd.DataFrame({"nama": ["Slawi", "Talang"], "nilai": [-40, 10]}), resmi, bagi_total=False)
    fig = grafik.peta_wilayah(lapis, batas.batas_bawaan("33.28"), "uji", "uji", "KPM", "perubahan")
    isi = fig.data[-1]
    assert isi.zmid == 0 and (isi.zmin, isi.zmax) == (-40, 40) and isi.colorscale[0][1] != "#d9d9d9"


def test_peta_tanpa_data_abu_abu():
    resmi = rujukan_wilayah.kecamatan("15.06")
    b = batas.batas_bawaan("15.06")
    lapis, _ = peta.lapisan(pd.DataFrame({"nama": ["Tungkal Ilir"], "nilai": [7]}), resmi)
    fig = grafik.peta_wilayah(lapis, b, "uji", "uji", "orang")
    abu = [t for t in fig.data if t.name == "tidak ada data"][0]
    assert len(abu.locations) == 12 and "15.06.02" not in abu.locations
    assert "tidak ada data (12 dari 13" in fig.layout.annotations[-1].text


def test_peta_digambar_tanpa_internet(con):
    """kaleido renders with plotly.js's own files; a map that needed the world topojson from the
    CDN would fail here (this machine has no internet)."""
    png = gambar.gambar_png(_peta_tegal(con).fig)
    svg = gambar.gambar_svg(_peta_tegal(con).fig).decode()
    assert png[:4] == b"\x89PNG" and len(png) > 20_000
    assert "Adiwerna" in svg and svg.count("choropleth") >= 1


def test_peta_di_dek(con):
    judul = [
        g.fig.layout.title.text.replace("<br>", " ")
        for g in dek.grafik_dek(con, 2, 2018, (dek.WILAYAH,), {"wl_jenis": "BDT"})
    ]
    assert judul[1] == "Peta Basis Data Terpadu (BDT/DTKS) per kecamatan, 2018"


@pytest.mark.app
def test_halaman_peta_dan_klik_desa():
    at = buka("dinsos-tegal", 2018, "wilayah")
    at.selectbox(key="wl_jenis").set_value("BDT").run()
    assert at.selectbox(key="wl_peta").value == "jenis"
    spek = grafik_at(at)
    peta_ = [s for s in spek if s["layout"]["title"]["text"].startswith("Peta ")][0]
    lokasi = [x for t in peta_["data"] if t["type"] == "choropleth" for x in larik(t["locations"])]
    assert len(lokasi) == 18
    at.selectbox(key="wl_peta").set_value("persen_tanpa_nik_dari_total").run()
    assert not at.exception
    spek = grafik_at(at)
    assert any(s["layout"]["title"]["text"].startswith("Peta Tanpa NIK") for s in spek)
    # the map follows the jenis chosen above it
    at.selectbox(key="wl_peta").set_value("jenis").run()
    at.selectbox(key="wl_jenis").set_value("PSKS_PSM").run()
    spek = grafik_at(at)
    assert any(s["layout"]["title"]["text"].startswith("Peta Pekerja Sosial Masyarakat (PSM)") for s in spek)
