"""The official region list shipped in data/wilayah.parquet (scripts/bangun_wilayah.py)."""

import pandas as pd

from sakip_calc.store import rujukan_wilayah as rw


def test_lengkap_dan_berlisensi():
    kab = rw.daftar_kabkota()
    assert len(kab) == 514 and kab["kode"].is_unique
    assert set(kab["jenis"]) == {"kabupaten", "kota"}
    assert "MIT" in (rw.BERKAS.parent / "LISENSI-wilayah.txt").read_text()


def test_kota_dan_kabupaten_bernama_sama_dibedakan_oleh_kode():
    assert rw.cari_kabkota("Tegal")["kode"].tolist() == ["33.28", "33.76"]
    assert rw.cari_kabkota("Kab. Tegal")["nama"].tolist() == ["Kabupaten Tegal"]
    assert rw.cari_kabkota("KOTA TEGAL")["kode"].tolist() == ["33.76"]
    assert rw.cari_kabkota("33.76")["jenis"].tolist() == ["kota"]
    assert rw.cari_kabkota("Tangerang")["nama"].tolist() == ["Kabupaten Tangerang", "Kota Tangerang"]
    assert rw.cari_kabkota("Kabupaten Tanjung Jabung Barat")["kode"].tolist() == ["15.06"]
    assert rw.cari_kabkota("Kabupaten Antah Berantah").empty


def test_kecamatan_seed_tegal_ada_di_daftar_resmi():
    # the canonical names of data/kecamatan_alias.csv are the official spellings of Kabupaten Tegal
    alias = pd.read_csv(rw.BERKAS.parent / "kecamatan_alias.csv")
    seed = set(alias.loc[alias["kabupaten"] == "Tegal", "kecamatan"])
    resmi = rw.kecamatan("33.28")
    assert len(resmi) == 18 and seed == set(resmi["nama"])
    assert resmi["kode"].str.startswith("33.28.").all()


def test_kota_punya_kelurahan():
    bawah = rw.bawahan("36.74")  # Kota Tangerang Selatan
    assert len(rw.kecamatan("36.74")) == 7
    assert set(bawah.loc[bawah["tingkat"] == "desa", "jenis"]) == {"kelurahan"}
    assert (bawah.loc[bawah["tingkat"] == "desa", "induk"].isin(rw.kecamatan("36.74")["kode"])).all()


def test_kabkota_dari_kode_atau_nama():
    """One rule for DTSEN's kdkab/nmkab and a GeoJSON's codes: a BPS or Kemendagri code of the
    kabupaten/kota or of a place in it, as text or a spreadsheet number, else a name that means one."""
    kabkota_dari = rw.kabkota_dari
    assert kabkota_dari("3328") == kabkota_dari(3328.0) == kabkota_dari("33.28.18.2001") == "33.28"
    assert kabkota_dari(None, "Kabupaten Tegal") == "33.28" and kabkota_dari("", "Kota Tegal") == "33.76"
    assert kabkota_dari(None, "Tegal") is None  # Kabupaten and Kota Tegal
    assert kabkota_dari("9999", "Tidak Ada") is None
    assert rw.kode_bertitik(rw.angka_kode(3328182001)) == "33.28.18.2001"
