"""Synthetic data (tiny scale): the real schema, a consistent hierarchy, values like the reports."""

from __future__ import annotations

import shutil

import pytest

from sakip_calc import store
from sakip_calc.__main__ import main
from sakip_calc.calc import analisis, periksa
from sakip_calc.store import rujukan_wilayah
from sakip_calc.tools import katalog_sintetis, synth


@pytest.fixture(scope="module")
def db_sintetis(tmp_path_factory):
    db = tmp_path_factory.mktemp("synth") / "tiny.duckdb"
    assert main(["synth", "--scale", "tiny", "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="module")
def con(db_sintetis):
    c = store.buka(db_sintetis)
    yield c
    c.close()


def satu(con, sql, param=None):
    return con.execute(sql, param or []).fetchall()[0][0]


def test_jumlah_baris(con):
    # tiny: 5 agencies in 2 provinsi, 2 years, 30 indicators with 1 annual + 4 quarterly rows each
    assert satu(con, "SELECT count(*) FROM instansi") == 5
    assert satu(con, "SELECT count(DISTINCT provinsi) FROM instansi") == 2
    assert satu(con, "SELECT count(*) FROM indikator") == 5 * 30
    assert satu(con, "SELECT count(*) FROM capaian") == 5 * 30 * 2 * 5
    per_tahun = con.execute("SELECT count(*) FROM anggaran GROUP BY instansi_id, tahun").fetchall()
    assert len(per_tahun) == 10 and all(250 <= n <= 300 for (n,) in per_tahun)
    assert satu(con, "SELECT count(*) FROM anggaran_triwulan") == 4 * satu(con, "SELECT count(*) FROM anggaran")
    kec = con.execute("SELECT count(DISTINCT kecamatan) FROM wilayah GROUP BY instansi_id").fetchall()
    desa = con.execute(
        "SELECT count(DISTINCT (kecamatan, desa)) FROM wilayah WHERE desa IS NOT NULL GROUP BY instansi_id"
    ).fetchall()
    assert all(10 <= n <= 18 for (n,) in kec) and all(70 <= n <= 270 for (n,) in desa)
    assert satu(con, "SELECT count(DISTINCT jenis) FROM wilayah WHERE periode IS NULL") == 8
    # every place has all 8 jenis in both years, and the 8 DTSEN desil buckets in two periods of the last
    tempat = satu(con, "SELECT count(*) FROM (SELECT DISTINCT instansi_id, kecamatan, desa FROM wilayah)")
    assert satu(con, "SELECT count(*) FROM wilayah WHERE periode IS NULL") == 8 * 2 * tempat
    desil = con.execute(
        "SELECT tahun, periode, count(*), count(DISTINCT jenis) FROM wilayah WHERE periode IS NOT NULL "
        "GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    tahun = satu(con, "SELECT max(tahun) FROM wilayah")
    assert desil == [(tahun, f"{tahun}-06", 8 * tempat, 8), (tahun, f"{tahun}-12", 8 * tempat, 8)]


def test_hierarki_anggaran_konsisten(con):
    # each kegiatan / sub-kegiatan has a parent of the right level in the same agency-year ...
    yatim = satu(
        con,
        """
        SELECT count(*) FROM anggaran a LEFT JOIN anggaran i
            ON i.instansi_id = a.instansi_id AND i.tahun = a.tahun AND i.kode = a.induk_kode
         WHERE a.tingkat <> 'program'
           AND (i.kode IS NULL OR i.tingkat <> CASE a.tingkat WHEN 'kegiatan' THEN 'program' ELSE 'kegiatan' END)""",
    )
    assert yatim == 0
    assert (
        satu(
            con,
            "SELECT count(*) FROM anggaran WHERE tingkat = 'program' "
            "AND (induk_kode IS NOT NULL OR kode NOT LIKE '1.06.__')",
        )
        == 0
    )
    assert (
        satu(
            con,
            "SELECT count(*) FROM anggaran WHERE tingkat = 'subkegiatan' "
            "AND NOT regexp_full_match(kode, '1\\.06\\.\\d\\d\\.2\\.\\d\\d\\.\\d\\d')",
        )
        == 0
    )
    # ... and parents are the sums of their children, quarters the sum of the year
    beda = satu(
        con,
        """
        SELECT count(*) FROM anggaran i JOIN (SELECT instansi_id, tahun, induk_kode, sum(pagu) p, sum(realisasi) r
                                                FROM anggaran GROUP BY ALL) a
            ON a.instansi_id = i.instansi_id AND a.tahun = i.tahun AND a.induk_kode = i.kode
         WHERE abs(a.p - i.pagu) > 0.5 OR abs(a.r - i.realisasi) > 0.5""",
    )
    assert beda == 0
    assert (
        satu(
            con,
            """
        SELECT count(*) FROM anggaran a
          JOIN (SELECT instansi_id, tahun, kode, sum(realisasi) r FROM anggaran_triwulan GROUP BY ALL) t
            USING (instansi_id, tahun, kode) WHERE abs(t.r - a.realisasi) > 0.5""",
        )
        == 0
    )


def test_nilai_mirip_laporan(con):
    # serapan of sub-kegiatan mostly 85-100 %, agency totals in the range the reports show
    share = satu(
        con,
        "SELECT avg(CASE WHEN realisasi / pagu BETWEEN 0.85 AND 1.0 THEN 1 ELSE 0 END) FROM anggaran "
        "WHERE tingkat = 'subkegiatan'",
    )
    assert 0.75 <= share <= 0.95
    total = con.execute(
        "SELECT sum(realisasi) / sum(pagu) * 100 FROM anggaran WHERE tingkat = 'program' GROUP BY instansi_id, tahun"
    ).fetchall()
    assert all(80 <= s <= 100 for (s,) in total)
    # some indicators below target, some lower-is-better
    skor = analisis.skor_indikator(con, satu(con, "SELECT min(id) FROM instansi"))
    assert 0.1 <= (skor["capaian"] < 100).mean() <= 0.6
    assert set(skor["polaritas"]) == {"naik", "turun"}
    # the same 30 codes and names in every agency, so they compare
    assert satu(con, "SELECT count(DISTINCT (kode, nama)) FROM indikator") == 30


def test_pemeriksaan_hanya_menemukan_kesalahan_sengaja(con):
    masalah = periksa.periksa_semua(con)
    # The generator draws each line's Renja pagu on its own (not the sum of its children) and the
    # quarters of a 'rata' indicator around the year's value: the Renja and quarter checks of
    # issue 13 find those. Everything else drawn is consistent.
    renja = masalah["keterangan"].str.startswith("pagu Renja")
    rata = masalah["keterangan"].str.endswith("(rata)")
    sisa = masalah[~renja & ~rata]
    assert renja.any() and rata.any()
    assert not sisa["jenis"].isin([periksa.INDUK_BEDA, periksa.ANTAR_TABEL, periksa.TOTAL_BEDA]).any()
    assert set(sisa["jenis"]) <= {periksa.CAPAIAN_BEDA, periksa.MELEBIHI_PAGU, periksa.SERAPAN_BEDA}
    # the stored findings are the same as the ones computed now
    assert len(analisis.masalah_data(con)) == len(masalah)


def test_tetap_dan_mengganti_data_sintetis_lama(db_bawaan, tmp_path):
    db = tmp_path / "campur.duckdb"
    shutil.copy2(db_bawaan, db)
    asli = store.isi_semua_tabel(store.buka(db))
    synth.bangkitkan(db, "tiny", seed=7, cetak=lambda _: None)
    pertama = store.isi_semua_tabel(store.buka(db))
    synth.bangkitkan(db, "tiny", seed=7, cetak=lambda _: None)
    con = store.buka(db)
    assert store.isi_semua_tabel(con) == pertama  # same seed, same data
    assert satu(con, "SELECT count(*) FROM instansi") == 3 + 5  # replaced, not added
    seed = [r for r in con.execute("SELECT * FROM instansi WHERE NOT starts_with(kode, 'sintetis-')").fetchall()]
    assert sorted(seed, key=repr) == asli["instansi"]  # the three seeds stay as they were
    assert satu(con, "SELECT min(id) FROM instansi WHERE starts_with(kode, 'sintetis-')") == 4
    synth.bangkitkan(db, "tiny", seed=8, cetak=lambda _: None)
    assert store.isi_semua_tabel(store.buka(db))["capaian"] != pertama["capaian"]


def test_kecamatan_terdaftar_di_tabel_alias(con):
    tanpa_alias = satu(
        con,
        """
        SELECT count(*)
          FROM (SELECT DISTINCT i.kabupaten, w.kecamatan FROM wilayah w JOIN instansi i ON i.id = w.instansi_id) w
         WHERE NOT EXISTS (SELECT 1 FROM kecamatan_alias a
                            WHERE a.kabupaten = w.kabupaten AND a.kecamatan = w.kecamatan)""",
    )
    assert tanpa_alias == 0


def test_nama_kabupaten_sintetis_bukan_kabupaten_nyata():
    """No synthetic agency takes a real kabupaten/kota's name: an import checks a real one's kecamatan
    against the official list, and the invented ones fail it (bench/run.py's national export and
    bulk import stopped on 'Sukarejo' in Kabupaten Banyuwangi). The two real names of the pool move
    aside; the other names stay as they were."""
    nama = katalog_sintetis.nama_kabupaten(514, 2024)  # the national scale, the default seed
    assert len(set(nama)) == 514
    assert not [n for n in nama if len(rujukan_wilayah.cari_kabkota(n))]
    assert "Banyuwangi Selatan" in nama and "Banyuwangi" not in nama
    assert len(rujukan_wilayah.cari_kabkota("Banyuwangi")) and len(rujukan_wilayah.cari_kabkota("Purworejo"))
