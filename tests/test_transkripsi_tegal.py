"""Issue 13 item 2, Tegal LKjIP 2018 (seed 000): every figure the report states is in AngkaLaporan
(data/TRANSKRIPSI.md, Tegal section), each on the line it cites, and the checks compare it with
the primary table: the report's own contradictions are findings, its agreeing restatements reconcile."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sakip_calc import store
from sakip_calc.calc import analisis, periksa

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_0ca9ee8b18b5a3d7.txt"


@pytest.fixture(scope="module")
def lap(con):
    return store.angka_laporan(con, analisis.id_instansi(con, "dinsos-tegal"))


@pytest.fixture(scope="module")
def banding(con):
    b = periksa.bandingkan_semua(con, analisis.id_instansi(con, "dinsos-tegal"))
    return b[b["instansi"] == "dinsos-tegal"]


def _dari(b, sumber: str, **isi):
    x = b[b["sumber"].str.contains(sumber, regex=False)]
    for k, v in isi.items():
        x = x[x[k] == v]
    return x


def test_setiap_pernyataan_indikator_tersimpan(lap):
    ind = lap[lap["objek"] == "indikator"]
    per_tabel = {
        "Tabel Perbandingan Realisasi dan Capaian 2016-2018 (kolom 2018)": 77,  # 26 x 3, SS-26 capaian 'App'
        "Tabel 3.3 baris": 51,  # realisasi and capaian; its TARGET is Indikator.target_akhir
        "Standar Nasional": 52,
        "(Perjanjian Kinerja)": 25,  # SS-26 is not in the PK table
        "(ulangan Bab III)": 25,
        "(setelah Bab IV)": 57,  # cut off after HIV/AIDS (SS-19)
    }
    for nama, n in per_tabel.items():
        assert ind["sumber"].str.contains(nama, regex=False).sum() == n, nama
    teks = ind[ind["sumber"].str.contains("teks baris")]
    # Bab II plan (25 targets), analisis penyebab (11 indicators, line 823 without realisasi), per program
    # (26 x 3), LKSA (line 1018)
    assert len(teks) == 25 + 32 + 78 + 1


def test_angka_ada_di_baris_yang_dirujuk(lap):
    if not SEED.exists():
        pytest.skip(f"seed tidak ada: {SEED}")
    baris = SEED.read_text(encoding="utf-8").split("\n")
    ind = lap[lap["objek"] == "indikator"]
    for r in ind.itertuples():
        n = int(re.search(r"baris (\d+)", r.sumber).group(1))
        teks = " ".join(baris[n - 1 : n + 2] if "teks baris" in r.sumber else baris[n - 1 : n])
        if isinstance(r.teks_asli, str):
            assert r.teks_asli in teks, (r.sumber, r.teks_asli)
            continue
        bulat, _, pecahan = f"{r.nilai:g}".partition(".")
        pola = r"(?<![\d,.])" + bulat + (("," + pecahan) if pecahan else "") + r"(,?0*)?(?![\d])"
        assert re.search(pola, teks), (r.sumber, r.kode, r.besaran, r.nilai)


def test_pertentangan_laporan_menjadi_temuan(banding):
    at = banding[banding["kelas"] == "antar_tabel"]
    # SS-08 realisasi: Tabel 3.1 line 682 prints 29, lines 720, 760, 913 and 1289 print 30
    s08 = at[at["kunci"].eq("indikator SS-08") & at["dilaporkan"].eq(30) & at["dihitung"].eq(29)]
    assert set(s08["sumber"].str.extract(r"baris (\d+)")[0]) == {"720", "760", "913", "1289"}
    assert not s08["cocok"].any()
    # SS-18 realisasi: Tabel 3.1 line 695 prints 6, lines 733/773 print 5,4, line 958 prints 5,3
    s18 = at[at["kunci"].eq("indikator SS-18") & at["dihitung"].eq(6) & at["dilaporkan"].isin([5.4, 5.3])]
    assert len(s18) == 3 and not s18["cocok"].any()
    # the PK target of SS-01 (100, lines 545, 850, 577) against Tabel 3.1's 175; line 823 says target 175,
    # line 894 target and realisasi 175
    s01 = at[at["kunci"].eq("indikator SS-01") & at["dihitung"].eq(175)]
    assert set(s01.loc[~s01["cocok"], "dilaporkan"]) == {100}
    assert len(_dari(s01, "teks baris 823", cocok=True)) == 1 and len(_dari(s01, "teks baris 894", cocok=True)) == 2


def test_pernyataan_yang_sama_cocok(banding):
    # the standar nasional table (lines 789-817) restates Tabel 3.1 exactly: 52 comparisons, all agree
    sn = _dari(banding, "Standar Nasional")
    assert len(sn) == 52 and sn["cocok"].all()
    # line 1006 "baru terbentuk 1 LK3" = the PSKS table's 18 kecamatan rows for LK3
    lk3 = _dari(banding, "teks baris 1006")
    assert lk3[["kelas", "dilaporkan", "dihitung", "cocok"]].values.tolist() == [["jumlah", 1, 1, True]]
    # words beside digits: "2 (Dua) sasaran strategis" and "3 (Tiga) misi" agree, line 444's amount does not
    kata = banding[banding["kelas"] == "terbilang"].set_index("sumber")["cocok"].to_dict()
    assert kata == {
        "LKjIP 2018 teks baris 367 (jumlah misi) (terbilang)": True,
        "LKjIP 2018 teks baris 415 (jumlah sasaran strategis) (terbilang)": True,
        "LKjIP 2018 teks baris 444 (terbilang)": False,
    }


def test_angka_tanpa_kelas_pemeriksaan_tersimpan_tidak_dibandingkan(lap, banding):
    # "16 program 52 kegiatan" (line 444): the budget table prints 58 kegiatan rows; no check counts them
    kegiatan = lap[lap["sumber"] == "LKjIP 2018 teks baris 444 (jumlah kegiatan)"]
    assert kegiatan["nilai"].tolist() == [52]
    assert _dari(banding, "(jumlah kegiatan)").empty
    pegawai = lap[lap["sumber"].str.contains("Daftar Pegawai")]
    assert set(pegawai["tahun"]) == {2017} and pegawai["nilai"].iloc[0] == 35


@pytest.mark.app
def test_halaman_kualitas_data_menghitung_setiap_pernyataan(con, banding):
    import streamlit as st
    from halaman import buka
    from halaman import tabel as tabel_at

    import dasbor as d

    st.cache_data.clear()  # AppTest runs in this process: start from empty caches, as tests/halaman.py does
    st.cache_resource.clear()
    at = buka("dinsos-tegal", None, "kualitas")
    skor = periksa.skor_rekonsiliasi(periksa.rekonsiliasi(banding))
    assert {m.label: m.value for m in at.metric}["Skor rekonsiliasi"] == d.persen(skor)
    tabel = tabel_at(at)[0].value
    baris = tabel[(tabel["Tahun"] == 2018) & (tabel["Kelas pemeriksaan"] == "Angka yang sama di dua tempat")]
    # 422 indicator restatements with a primary value (423 rows less line 994's capaian of SS-26, printed 'App' in
    # Tabel 3.1) and Dukuhwaru's 3 kecamatan figures against its desa (lines 1172 and 1200)
    assert baris["Angka dinyatakan"].tolist() == [422 + 3]
    at_2018 = banding[(banding["kelas"] == "antar_tabel") & (banding["tahun"] == 2018)]
    assert baris["Tidak cocok"].tolist() == [int((~at_2018["cocok"]).sum())]
