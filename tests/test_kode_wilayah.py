"""Stored rows carry the official Kemendagri codes: the agency's kabupaten/kota resolved from its
Instansi row (name or code; Kota and Kabupaten Tegal are different), kecamatan and desa/kelurahan
matched to that kabupaten/kota's official list (exact, normalised spelling, the real reports'
variants), unknown names refused with the closest official names. Through the `import` command."""

from __future__ import annotations

from pathlib import Path

import bantu

from sakip_calc.__main__ import main
from sakip_calc.ingest import aturan_wilayah, impor, templat


def _baca(db: Path, sql: str) -> list[tuple]:
    return bantu.baca(db, lambda con: con.execute(sql).fetchall())


def test_tiga_instansi_bawaan_berkode(db_bawaan):
    assert _baca(db_bawaan, "SELECT kode, kabkota_kode, kabkota_jenis FROM instansi ORDER BY kode") == [
        ("dinsos-tanjabbar", "15.06", "kabupaten"),
        ("dinsos-tegal", "33.28", "kabupaten"),
        ("dinsos-temanggung", "33.23", "kabupaten"),
    ]
    # every kecamatan row of Tegal has its code, inside Kabupaten Tegal; the desa of Dukuhwaru too
    assert _baca(
        db_bawaan,
        "SELECT count(*), count(*) FILTER (WHERE starts_with(kecamatan_kode, '33.28.')) FROM wilayah "
        "WHERE instansi_id = 2 AND kecamatan IS NOT NULL",
    ) == [(428, 428)]
    assert ("Bumijawa", "33.28.02") in _baca(db_bawaan, "SELECT DISTINCT kecamatan, kecamatan_kode FROM wilayah")
    assert _baca(db_bawaan, "SELECT DISTINCT desa_kode FROM wilayah WHERE desa = 'Blubuk'") == [("33.28.18.2003",)]


def test_nama_kabkota_atau_kode():
    def kode(kabupaten, nama="Dinas Sosial", provinsi=None):
        kab, galat = aturan_wilayah.tentukan_kabkota(kabupaten, nama, provinsi, set())
        return kab.kode if kab else galat

    assert kode("Kota Tegal") == "33.76"
    assert kode("Kab. Tegal") == "33.28"
    assert kode("Kabupaten Tanjung Jabung Barat") == "15.06"
    assert kode("33.76") == "33.76"
    assert kode("Tegal", "Dinas Sosial Kota Tegal") == "33.76"
    assert kode("Tangerang", "Dinas Sosial Kabupaten Tangerang", "Banten") == "36.03"
    tak_tunggal = kode("Tegal")
    assert "tidak tunggal" in tak_tunggal and "Kabupaten Tegal (33.28" in tak_tunggal
    assert "Kota Tegal (33.76" in tak_tunggal
    salah = kode("Tanjung Jabung Brat")
    assert "tidak ada di daftar wilayah resmi" in salah and "Kabupaten Tanjung Jabung Barat (15.06" in salah


def _workbook(tujuan: Path, baris_instansi: list[list], wilayah: list[list]) -> Path:
    wb = templat.buat_templat()
    for b in baris_instansi:
        wb["Instansi"].append(b)
    for b in wilayah:
        wb["Wilayah"].append(b)
    wb.save(tujuan)
    return tujuan


def test_kota_dan_kabupaten_senama_punya_daftar_sendiri(db_salinan, tmp_path, capsys):
    xlsx = _workbook(
        tmp_path / "tegal.xlsx",
        [
            ["dinsos-kota-tegal", "Dinas Sosial Kota Tegal", "Tegal", "Jawa Tengah", "permenpan", 100],
            ["dinsos-kab-tegal", "Dinas Sosial P3A Kabupaten Tegal", "Kab. Tegal", "Jawa Tengah", "permenpan", 100],
        ],
        [
            ["dinsos-kota-tegal", 2024, "TEGAL  BARAT", None, "PKH", 10],
            ["dinsos-kota-tegal", 2024, "Margadana", "kaligangsa", "PKH", 3],
            ["dinsos-kab-tegal", 2024, "LEBAKSU", None, "PKH", 20],
            ["dinsos-kab-tegal", 2024, "REDUNGSANTENG", None, "PKH", 5],
        ],
    )
    assert main(["import", str(xlsx), "--db", str(db_salinan)]) == 0, capsys.readouterr()
    assert _baca(
        db_salinan,
        "SELECT i.kode, i.kabkota_kode, i.kabkota_jenis, w.kecamatan, w.kecamatan_kode, w.desa, w.desa_kode "
        "FROM wilayah w JOIN instansi i ON i.id = w.instansi_id WHERE i.kode LIKE 'dinsos-k%' ORDER BY ALL",
    ) == [
        ("dinsos-kab-tegal", "33.28", "kabupaten", "Kedungbanteng", "33.28.08", None, None),
        ("dinsos-kab-tegal", "33.28", "kabupaten", "Lebaksiu", "33.28.06", None, None),
        ("dinsos-kota-tegal", "33.76", "kota", "Margadana", "33.76.04", "Kaligangsa", "33.76.04.1001"),
        ("dinsos-kota-tegal", "33.76", "kota", "Tegal Barat", "33.76.01", None, None),
    ]


def test_kecamatan_kabupaten_di_kota_senama_ditolak_dengan_nama_terdekat(db_salinan, tmp_path, capsys):
    xlsx = _workbook(
        tmp_path / "kota.xlsx",
        [["dinsos-kota-tegal", "Dinas Sosial Kota Tegal", "Kota Tegal", "Jawa Tengah", "permenpan", 100]],
        [
            ["dinsos-kota-tegal", 2024, "Slawi", None, "PKH", 10],
            ["dinsos-kota-tegal", 2024, "Tegal Timr", None, "PKH", 10],
            ["dinsos-kota-tegal", 2024, "Margadana", "Kali Bening", "PKH", 3],
        ],
    )
    sebelum = _baca(db_salinan, "SELECT count(*) FROM wilayah")
    assert main(["import", str(xlsx), "--db", str(db_salinan)]) == 1
    err = capsys.readouterr().err
    assert "kecamatan 'Slawi' tidak ada di daftar resmi Kota Tegal (33.76)" in err
    assert "kecamatan 'Tegal Timr' tidak ada di daftar resmi Kota Tegal (33.76). Nama terdekat: Tegal Timur" in err
    assert "kelurahan 'Kali Bening' tidak ada di daftar resmi Kecamatan Margadana (33.76.04)" in err
    assert _baca(db_salinan, "SELECT count(*) FROM wilayah") == sebelum


def test_kabkota_tak_tunggal_ditolak_di_lembar_instansi(db_salinan, tmp_path):
    xlsx = _workbook(
        tmp_path / "tangerang.xlsx",
        [["dinsos-tangerang", "Dinas Sosial", "Tangerang", "Banten", "permenpan", 100]],
        [],
    )
    h = impor.impor_berkas([xlsx], db_salinan)[0]
    assert h.status == "ditolak"
    (m,) = h.rencana.galat
    assert (m.lembar, m.baris, m.kolom) == ("Instansi", 2, "kabupaten")
    assert "Kabupaten Tangerang (36.03, Banten); Kota Tangerang (36.71, Banten)" in m.pesan
