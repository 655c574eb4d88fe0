"""Perbandingan Antar Daerah: SQL aggregation equal to the per-agency pandas path, the page for
the three seeds (AppTest), the matching rule, and charts that stay small at any scale."""

from __future__ import annotations

import shutil

import duckdb
import numpy as np
import pandas as pd
import pytest
from halaman import INSTANSI, buka, cache_bersih  # noqa: F401 (autouse fixture)
from halaman import grafik as grafik_at
from halaman import tabel as tabel_at

from sakip_calc import store
from sakip_calc.calc import analisis, skor
from sakip_calc.export.ekspor import larik
from sakip_calc.presentation import grafik
from sakip_calc.tools import synth


@pytest.fixture(scope="module")
def db_campur(tmp_path_factory, db_bawaan):
    """The seeds plus the tiny synthetic set, written through the normal write path."""
    db = tmp_path_factory.mktemp("banding") / "campur.duckdb"
    shutil.copy2(db_bawaan, db)
    synth.bangkitkan(db, "tiny", cetak=lambda _: None)
    return db


def per_instansi_pandas(con, batas) -> pd.DataFrame:
    """The same figures the single-agency pages show, agency by agency, year by year."""
    baris = []
    for iid in store.instansi(con)["id"]:
        skor_df = analisis.skor_indikator(con, int(iid), batas)
        for tahun in sorted(set(store.tahun_data(con, int(iid))["tahun"])):
            total = analisis.total_anggaran(con, int(iid), int(tahun))
            baris.append(
                {
                    "instansi_id": int(iid),
                    "tahun": int(tahun),
                    "serapan": total["serapan"],
                    "capaian": skor.rata_rata_instansi(skor_df[skor_df["tahun"] == tahun]),
                }
            )
    return pd.DataFrame(baris)


@pytest.mark.parametrize("batas", [analisis.BATAS_INSTANSI, 100.0, None])
def test_sql_sama_dengan_jalur_per_instansi(db_campur, batas):
    con = store.buka(db_campur)
    harap = per_instansi_pandas(con, batas)
    for tahun, grup in harap.groupby("tahun"):
        sql = analisis.banding_instansi(con, int(tahun), batas=batas).set_index("instansi_id")
        for r in grup.itertuples():
            if r.capaian is None and r.serapan is None:
                continue
            hasil = sql.loc[r.instansi_id]
            for kolom in ("capaian", "serapan"):
                a, b = getattr(r, kolom), hasil[kolom]
                assert (a is None or pd.isna(a)) == pd.isna(b), (tahun, r.instansi_id, kolom, a, b)
                if not pd.isna(b):
                    assert a == pytest.approx(b), (tahun, r.instansi_id, kolom)


def test_angka_laporan_dan_predikat_seed(con):
    df = analisis.banding_instansi(con, 2023, nama_skala="permendagri86").set_index("kode")
    assert round(df.loc["dinsos-temanggung", "serapan"], 2) == 97.64
    assert round(df.loc["dinsos-tanjabbar", "serapan"], 2) == 96.53
    assert round(df.loc["dinsos-temanggung", "efisiensi"], 2) == 2.36  # Tabel 3.10: 100 - 97,64
    assert round(df.loc["dinsos-tanjabbar", "capaian"], 1) == 97.0
    assert df.loc["dinsos-tanjabbar", "predikat"] == "Sangat Tinggi"
    assert "dinsos-tegal" not in df.index  # no 2023 data
    prov = analisis.banding_provinsi(con, 2023, nama_skala="permenpan").set_index("provinsi")
    assert prov.loc["Jawa Tengah", "jumlah_instansi"] == 1 and round(prov.loc["Jambi", "serapan"], 2) == 96.53


def test_rekap_provinsi_menjumlahkan_instansinya(db_campur):
    con = store.buka(db_campur)
    inst = analisis.banding_instansi(con, 2023)
    prov = analisis.banding_provinsi(con, 2023).set_index("provinsi")
    for provinsi, g in inst.groupby("provinsi"):
        lengkap = g[g["pagu"].notna() & g["realisasi"].notna()]
        assert prov.loc[provinsi, "jumlah_instansi"] == len(g)
        assert prov.loc[provinsi, "serapan"] == pytest.approx(lengkap["realisasi"].sum() / lengkap["pagu"].sum() * 100)
        assert prov.loc[provinsi, "capaian"] == pytest.approx(g["capaian"].mean())


def test_aturan_pencocokan_indikator(tmp_path):
    db = tmp_path / "cocok.duckdb"
    synth.bangkitkan(db, "tiny", cetak=lambda _: None)
    with store.transaksi_tulis(db) as c:
        # another spelling and code of one indicator in one agency: still the same indicator
        c.execute(
            "UPDATE indikator SET kode = 'IKU-9', nama = '  ANGKA   Kemiskinan. ' WHERE instansi_id = 1 AND kode = "
            "'TJ-01'"
        )
    con = store.buka(db)
    daftar = analisis.indikator_bersama(con, 2023, instansi_id=1).set_index("kunci")
    assert daftar.loc["angka kemiskinan", "jumlah_instansi"] == 5 and daftar.loc["angka kemiskinan", "milik_instansi"]
    assert analisis.indikator_awal(daftar.reset_index()) == daftar.index[0]
    df = analisis.banding_instansi(con, 2023, kunci="angka kemiskinan")
    assert df["jumlah_indikator_terpilih"].tolist() == [1] * 5 and df["skor_indikator"].notna().all()


def test_berkas_lama_tanpa_tabel_agregat(db_campur, tmp_path):
    lama = tmp_path / "lama.duckdb"
    shutil.copy2(db_campur, lama)
    c = duckdb.connect(str(lama))
    c.execute("DROP TABLE agregat_capaian; DROP TABLE agregat_anggaran")
    c.close()
    a = analisis.banding_instansi(store.buka(db_campur), 2023, kunci="angka kemiskinan")
    b = analisis.banding_instansi(store.buka(lama), 2023, kunci="angka kemiskinan")
    pd.testing.assert_frame_equal(a, b)
    assert store.tahun_semua(store.buka(lama)) == [2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016]


def test_grafik_tidak_melebihi_batas_tanda():
    n = 6000
    df = pd.DataFrame(
        {
            "kode": [f"k{i}" for i in range(n)],
            "nama": [f"Instansi {i}" for i in range(n)],
            "provinsi": "P",
            "capaian": np.linspace(120, 60, n),
            "serapan": np.linspace(99, 70, n),
            "predikat": "A",
            "warna": "#1a9850",
        }
    )
    for fig in (
        grafik.peringkat_instansi(df, "capaian", "Capaian (%)", "k4321", "judul", "sumber"),
        grafik.sebaran_capaian_serapan(df, "k4321", "judul", "sumber"),
    ):
        data = fig.to_plotly_json()["data"][0]
        assert len(data["x"]) <= grafik.BATAS_TANDA
        assert "Instansi 4321" in [c[0] for c in data["customdata"]]


def grafik_halaman(at) -> list[dict]:
    # a long title is wrapped with <br> to fit a narrow column (issue 15): read it as one line
    spek = grafik_at(at)
    for s in spek:
        s["layout"]["title"]["text"] = s["layout"]["title"]["text"].replace("<br>", " ")
    return spek


@pytest.mark.parametrize("kode", INSTANSI)
def test_halaman_untuk_setiap_seed(kode, con):
    iid = analisis.id_instansi(con, kode)
    nama = store.instansi(con).set_index("kode").loc[kode, "nama"]
    tahun = max(store.tahun_data(con, iid)["tahun"])
    at = buka(kode, int(tahun), "perbandingan")
    assert at.title[0].value == f"Perbandingan Antar Daerah {tahun}"
    peringkat = next(g for g in grafik_halaman(at) if "per instansi" in g["layout"]["title"]["text"])
    batang = peringkat["data"][0]
    # the selected agency is drawn in the accent colour, the others not
    sorot = [w == grafik.WARNA["aksen"] for w in batang["marker"]["color"]]
    assert sum(sorot) == 1 and nama in batang["y"][sorot.index(True)]
    # two agencies or fewer are compared, not ranked (issue 15): no Peringkat column then
    tabel = next(df.value for df in tabel_at(at) if {"Instansi", "Provinsi"} <= set(df.value.columns))
    assert nama in tabel["Instansi"].tolist()
    assert ("Peringkat" in tabel.columns) == (len(tabel) >= 3)


def test_halaman_temanggung_dan_tanjabbar_2023():
    at = buka("dinsos-temanggung", 2023, "perbandingan")
    tabel = next(df.value for df in tabel_at(at) if {"Instansi", "Provinsi"} <= set(df.value.columns))
    tabel = tabel.set_index("Instansi")
    assert round(tabel.loc["Dinas Sosial Kabupaten Temanggung", "Serapan (%)"], 2) == 97.64
    assert round(tabel.loc["Dinas Sosial Kabupaten Tanjung Jabung Barat", "Serapan (%)"], 2) == 96.53
    # two agencies: their values side by side, no "1 dari 2" and no median (issue 15)
    assert "Peringkat" not in tabel.columns
    kartu = {m.label: m for m in at.metric}
    assert kartu["Serapan anggaran"].value == "97,64 %"
    assert kartu["Serapan anggaran"].delta == "hanya 2 instansi bernilai: tanpa peringkat"
    at.selectbox(key="pb_urut").set_value("serapan").run()
    peringkat = next(g for g in grafik_halaman(at) if "per instansi" in g["layout"]["title"]["text"])
    assert [round(x, 2) for x in larik(peringkat["data"][0]["x"])] == [96.53, 97.64]  # drawn bottom-up
    at.selectbox(key="pb_provinsi").set_value("Jambi").run()
    assert "tidak termasuk pilihan ini" in "\n".join(c.value for c in at.caption)
    tabel = next(df.value for df in tabel_at(at) if {"Instansi", "Provinsi"} <= set(df.value.columns))
    assert tabel["Instansi"].tolist() == ["Dinas Sosial Kabupaten Tanjung Jabung Barat"]


def test_halaman_skala_provinsi_sintetis(db_campur, monkeypatch):
    import dasbor

    monkeypatch.setattr(dasbor, "DB", db_campur)
    at = buka("sintetis-002", 2023, "perbandingan")
    tabel = next(df.value for df in tabel_at(at) if "Peringkat" in df.value.columns)
    assert len(tabel) == 2 + 5  # Temanggung and Tanjung Jabung Barat report 2023 too
    sebaran = next(g for g in grafik_halaman(at) if "Capaian vs serapan" in g["layout"]["title"]["text"])
    assert (
        len(larik(sebaran["data"][0]["x"])) == tabel[["Capaian rata-rata (%)", "Serapan (%)"]].notna().all(axis=1).sum()
    )


def test_rincian_program_anggaran_dibangun_saat_dibuka():
    """Speed at every scale: the Anggaran page builds a program's table only when it is opened."""
    at = buka("dinsos-temanggung", 2023, "anggaran")
    assert not [df for df in tabel_at(at) if "No. laporan" in df.value.columns]
    assert any(e.label.startswith("1.06.04 PROGRAM REHABILITASI SOSIAL") for e in at.expander)
    at.session_state["ag_program_1.06.04"] = True
    at.run()
    rinci = next(df.value for df in tabel_at(at) if "No. laporan" in df.value.columns)
    assert rinci["Kode"].tolist()[:3] == ["1.06.04", "1.06.04.2.01", "1.06.04.2.01.01"]
