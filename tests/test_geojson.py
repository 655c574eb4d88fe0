"""An agency's own boundaries as GeoJSON (ingest/geojson.py): made files of ten real desa of Kec.
Dukuhwaru, Kabupaten Tegal (tests/data/buat_geojson.py), imported through the Impor page and the
command line, shown on Sebaran Wilayah as a desa map, and undone."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
from halaman import AKAR, grafik, ke
from test_buruk import ada, tabel_masalah, unggah

from sakip_calc import store
from sakip_calc.ingest import impor
from sakip_calc.presentation.bagian import wilayah
from sakip_calc.presentation.tampilan import tampilan_koneksi
from sakip_calc.store import batas

DATA = AKAR / "tests" / "data" / "geojson"
DESA, ASING, TERTUKAR = (DATA / f"tegal_{n}.geojson" for n in ("dukuhwaru_desa", "dukuhwaru_asing", "tertukar"))
DUKUHWARU = [f"33.28.18.20{i:02d}" for i in range(1, 11)]


def _poligon(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        if not con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'batas_instansi'").fetchall():
            return []  # the file is not migrated yet: nothing was ever written
        return con.execute("SELECT desa_kode, kecamatan, desa FROM batas_instansi ORDER BY desa_kode").fetchall()
    finally:
        con.close()


def _pratinjau(berkas, db) -> impor.Rencana:
    return impor.pratinjau([(berkas.name, berkas.read_bytes())], db)


def test_berkas_tertukar_dan_fitur_asing_ditolak_dengan_pesannya(db_salinan):
    r = _pratinjau(TERTUKAR, db_salinan)
    assert not r.sah and len(r.galat) == 1
    assert "koordinat tampak tertukar" in r.galat[0].pesan and "[lintang, bujur]" in r.galat[0].pesan
    r = _pratinjau(ASING, db_salinan)
    assert [(m.lembar, m.baris, m.kolom) for m in r.galat] == [("Batas", 11, "desa")]
    assert "'Sukamaju Baru' tidak ada di daftar resmi Kecamatan Dukuhwaru (33.28.18)" in r.galat[0].pesan
    # the note says which properties were read
    assert any("nama desa dari properti 'nama_desa'" in m.pesan for m in r.masalah if m.tingkat == "catatan")
    assert _poligon(db_salinan) == []


def test_bentuk_salah_ditolak(db_salinan):
    def tolak(isi: dict) -> list[str]:
        r = impor.pratinjau([("b.geojson", json.dumps(isi).encode())], db_salinan)
        assert not r.sah
        return [str(m) for m in r.galat]

    assert "FeatureCollection" in tolak({"type": "Feature"})[0]
    fitur = json.loads(DESA.read_text())["features"]
    titik = {**fitur[0], "geometry": {"type": "Point", "coordinates": [109.1, -7.0]}}
    assert tolak({"type": "FeatureCollection", "features": [titik, *fitur[1:]]}) == [
        "GALAT lembar 'Batas', baris 1, kolom 'geometry': geometri 'Point' tidak didukung; hanya Polygon atau "
        "MultiPolygon"
    ]
    utm = {**fitur[0], "geometry": {"type": "Polygon", "coordinates": [[[3e5, 9.2e6], [3.1e5, 9.2e6], [3e5, 9.1e6],
                                                                        [3e5, 9.2e6]]]}}  # fmt: skip
    assert "tampaknya meter" in tolak({"type": "FeatureCollection", "features": [utm, *fitur[1:]]})[0]


def test_impor_lewat_halaman_peta_desa_dan_batal(impor_lokal, db_salinan):
    at = unggah(impor_lokal(), [ASING])
    assert ada(tabel_masalah(at), "Batas", 11, "desa", "'Sukamaju Baru' tidak ada di daftar resmi")
    assert "im_tombol" not in [b.key for b in at.button]  # refused: nothing to import
    at = unggah(at, [TERTUKAR])
    assert ada(tabel_masalah(at), "", None, None, "koordinat tampak tertukar")
    at = unggah(at, [DESA])
    assert any("10 baris baru" in s.value for s in at.success)
    at.button(key="im_tombol").click().run()
    assert any("Data baru sudah tampil" in s.value for s in at.success)
    assert [k for k, *_ in _poligon(db_salinan)] == DUKUHWARU
    # Sebaran Wilayah, Tegal 2018: the desa map after the kecamatan map, its places the data's desa
    ke(at, "wilayah")
    assert not at.exception
    peta = {g["layout"]["title"]["text"].replace("<br>", " "): g for g in grafik(at)}
    judul = next(j for j in peta if j.startswith("Peta Basis Data Terpadu (BDT/DTKS) per desa"))
    lokasi = sorted(x for t in peta[judul]["data"] if t["type"] == "choropleth" for x in t["locations"])
    con = store.buka(db_salinan, read_only=True)
    try:
        data_desa = con.execute(
            "SELECT DISTINCT desa_kode FROM wilayah w JOIN instansi i ON i.id = w.instansi_id "
            "WHERE i.kode = 'dinsos-tegal' AND tahun = 2018 AND jenis = 'BDT' AND desa IS NOT NULL ORDER BY 1"
        ).fetchall()
    finally:
        con.close()
    assert lokasi == [k for (k,) in data_desa] == DUKUHWARU
    # undo on the Impor page removes the polygons
    ke(at, "impor")
    at.checkbox(key="im_batal_yakin").check().run()
    at.button(key="im_batal").click().run()
    assert not at.exception and _poligon(db_salinan) == []


def test_perintah_impor_dan_poligon_menggantikan_bawaan(db_salinan, tmp_path):
    perintah = [sys.executable, "-m", "sakip_calc", "import", str(DESA), "--db", str(db_salinan)]
    keluaran = subprocess.run(perintah, cwd=AKAR, capture_output=True, text=True, timeout=300)
    assert keluaran.returncode == 0, keluaran.stderr
    assert len(_poligon(db_salinan)) == 10
    # a kecamatan polygon of the agency's own replaces the shipped one of that code
    kec = json.loads(DESA.read_text())
    kec["features"] = [{**kec["features"][0], "properties": {"kode": "33.28.18"}}]
    berkas = tmp_path / "kec.geojson"
    berkas.write_text(json.dumps(kec))
    assert impor.impor_berkas([berkas], db_salinan)[0].status == "berhasil"
    con = store.buka(db_salinan, read_only=True)
    try:
        semua = batas.batas(con, "33.28", 2)
        v = tampilan_koneksi(con, 2, 2018)
        peta = wilayah.grafik_peta(v)
    finally:
        con.close()
    dukuhwaru = semua.set_index("kode").loc["33.28.18"]
    assert dukuhwaru["asal"] == "instansi" and dukuhwaru["geometri"] == json.dumps(
        kec["features"][0]["geometry"], separators=(",", ":")
    )
    assert (semua["tingkat"] == "kecamatan").sum() == 18 and (semua["tingkat"] == "desa").sum() == 10
    assert any("batas: Kemendagri dan unggahan instansi" in a.text for a in peta.fig.layout.annotations)
