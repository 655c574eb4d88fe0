"""The embedded default data: numbers from the rows in data/sakip.duckdb agree with the reports,
and the consistency checks find the contradictions the reports contain."""

from __future__ import annotations

import pytest

from sakip_calc import store
from sakip_calc.calc import analisis, periksa


@pytest.fixture(scope="module")
def masalah(con):
    return analisis.masalah_data(con)


def iid(con, kode):
    return analisis.id_instansi(con, kode)


def test_tiga_instansi_dan_tahunnya(con):
    tahun = store.tahun_data(con)
    rentang = {
        kode: sorted(set(tahun.loc[tahun["instansi_id"] == iid(con, kode), "tahun"]))
        for kode in ("dinsos-tegal", "dinsos-temanggung", "dinsos-tanjabbar")
    }
    assert {2016, 2017, 2018} <= set(rentang["dinsos-tegal"])
    assert set(range(2019, 2024)) <= set(rentang["dinsos-temanggung"])
    assert {2021, 2022, 2023} <= set(rentang["dinsos-tanjabbar"])


def test_temanggung_2023_total_anggaran(con):
    total = analisis.total_anggaran(con, iid(con, "dinsos-temanggung"), 2023)
    assert total["pagu"] == 35_672_937_124
    assert total["realisasi"] == 34_830_858_769
    assert round(total["serapan"], 2) == 97.64


# Tabel 3.10 (001 lines 1079-1088): program -> (% realisasi anggaran, efisiensi)
TABEL_3_10 = {
    "1.06.02": (99.99, 0.01),
    "1.06.04": (99.77, 0.23),
    "1.06.05": (97.84, 2.16),
    "1.06.06": (94.72, 5.28),
    "1.06.07": (97.06, 2.94),
    "1.06.01": (98.78, 1.22),
}


def test_temanggung_tabel_3_10_setiap_baris(con, masalah):
    i = iid(con, "dinsos-temanggung")
    efisiensi = analisis.efisiensi_program(con, i, 2023, "selisih").set_index("kode")
    for kode, (serapan, efisien) in TABEL_3_10.items():
        assert round(efisiensi.loc[kode, "serapan"], 2) == serapan, kode
        assert round(efisiensi.loc[kode, "capaian"], 2) == 100, kode
        assert round(efisiensi.loc[kode, "efisiensi"], 2) == efisien, kode
    # Penunjang has no indicator of its own: it takes the agency's mean score, and says so
    assert "rata-rata instansi" in efisiensi.loc["1.06.01", "sumber_capaian"]
    # Row 2 (Migran) states 100 % of a zero pagu: no serapan can be computed, the check says so
    assert (
        efisiensi.loc["1.06.03", "pagu"] == 0
        and efisiensi.loc["1.06.03", "serapan"] != efisiensi.loc["1.06.03", "serapan"]
    )
    migran = masalah[(masalah["instansi"] == "dinsos-temanggung") & (masalah["kunci"] == "program 1.06.03")]
    assert periksa.SERAPAN_TANPA_PAGU in set(migran["jenis"]) and 100 in set(migran["dilaporkan"])
    # Rata-Rata row: 97,64 % and 2,36 %
    total = analisis.total_anggaran(con, i, 2023)
    assert round(100 - total["serapan"], 2) == 2.36
    # Every stated Tabel 3.10 serapan/efisiensi except Migran agrees with the computed one
    t310 = masalah[(masalah["instansi"] == "dinsos-temanggung") & masalah["sumber"].str.contains("Tabel 3.10")]
    assert set(t310["kunci"]) == {"program 1.06.03"}


def test_temanggung_inefisiensi_tmp_dan_angka_beda_tabel(masalah):
    tm = masalah[masalah["instansi"] == "dinsos-temanggung"]
    # 001 line 963: "efisiensi Rp 246.292.643" on a 52.9 million budget
    tmp = tm[(tm["kunci"] == "program 1.06.07") & (tm["jenis"] == periksa.EFISIENSI_BEDA)]
    assert tmp["dilaporkan"].iloc[0] == 246_292_643 and tmp["dihitung"].iloc[0] == 52_919_550 - 51_364_750
    # the same program at 97,06 % in Tabel 3.9 and 94,72 % in the text
    teks = tm[(tm["kunci"] == "program 1.06.07") & (tm["jenis"] == periksa.SERAPAN_BEDA)]
    assert teks["dilaporkan"].iloc[0] == 94.72 and round(teks["dihitung"].iloc[0], 2) == 97.06


def test_tanjabbar_2023_total_dan_predikat(con):
    i = iid(con, "dinsos-tanjabbar")
    total = analisis.total_anggaran(con, i, 2023)
    assert total["pagu"] == 5_164_657_747
    assert total["realisasi"] == 4_985_477_325
    assert round(total["serapan"], 2) == 96.53
    s = analisis.skor_indikator(con, i)
    iku = s[(s["tahun"] == 2023) & (s["tingkat"] == "sasaran")]
    assert len(iku) == 5
    assert sorted(iku["capaian_dilaporkan"]) == [90, 94, 100, 100, 100]
    from sakip_calc.calc.skor import predikat, rata_rata_instansi

    rata = rata_rata_instansi(s[s["tahun"] == 2023])
    assert rata == pytest.approx((50 / 55 + 80 / 85 + 3) / 5 * 100)
    assert predikat(rata, analisis.skala(con, "permendagri86"))["label"] == "Sangat Tinggi"


def test_tanjabbar_persentase_tercetak_tidak_cocok(masalah):
    tj = masalah[(masalah["instansi"] == "dinsos-tanjabbar") & (masalah["jenis"] == periksa.SERAPAN_BEDA)]
    # 004 line 825: 1.3 Administrasi Kepegawaian, 28.178.000 of 38.250.000 printed as 99,81
    kepeg = tj[tj["kunci"].str.contains("Administrasi Kepegawaian")]
    assert kepeg["dilaporkan"].iloc[0] == 99.81
    assert round(kepeg["dihitung"].iloc[0], 2) == 73.67
    assert len(tj) >= 5
    # the duplicated row number 6.1.1
    ganda = masalah[(masalah["instansi"] == "dinsos-tanjabbar") & (masalah["jenis"] == periksa.KODE_GANDA)]
    assert "6.1.1" in ganda["kunci"].iloc[0]


# Every place 004 disagrees with itself once each table is kept as printed and every stated figure
# is in AngkaLaporan (data/TRANSKRIPSI.md, Tanjung Jabung Barat): (class, line, stated, computed)
TANJABBAR_TEMUAN = sorted(
    [
        ("antar_tabel", "baris 451", 69, 68),  # PK target AKIP vs Tabel 3.2
        ("antar_tabel", "baris 608 (tahun tertulis 2022)", 105, 65),  # "tahun 2022 sebanyak 105" then 2022 = 65
        ("antar_tabel", "baris 608 (tahun tertulis 2022)", 105, 65),
        ("antar_tabel", "baris 639", 97, 100),  # fisik in the text vs the table
        ("antar_tabel", "baris 639", 96.12, 96.21),
        ("antar_tabel", "baris 790", 97.1, 97.01),
        ("antar_tabel", "baris 790 (terbilang)", 369_534_350, 369_534_305),
        ("antar_tabel", "baris 790 (terbilang)", 387_938_700, 380_938_700),
        ("antar_tabel", "baris 792", 100, 98.8),  # TAGANA: 15 million for sub-kegiatan Penyediaan Makanan
        ("antar_tabel", "baris 792", 15_000_000, 61_670_500),
        ("antar_tabel", "baris 792", 15_000_000, 62_420_500),
        ("antar_tabel", "baris 792 (terbilang)", 15_000_000, 61_670_500),
        ("antar_tabel", "baris 792 (terbilang)", 15_000_000, 62_420_500),
        ("antar_tabel", "baris 811", 68.23, 68),
        ("induk", "baris 818", 3_698_220_902, 3_672_524_652),
        ("induk", "baris 822", 2_650_240_735, 2_633_906_735),
        ("kode", "baris 867", 2, 1),  # 6.1.1 printed twice
        ("rata_rata", "baris 551", 96, 97.01),
        ("rata_rata", "baris 73", 99.67, 99.62),  # the Ikhtisar repeats TOTAL DANA's fisik 99,67
        ("rata_rata", "baris 869", 99.67, 99.62),
        ("rata_rata", "baris 890", 96, 97.01),
        ("serapan", "baris 822", 97.17, 94.45),
        ("serapan", "baris 825", 99.81, 73.67),
        ("serapan", "baris 826", 99.81, 73.67),
        ("serapan", "baris 827", 96.73, 98.74),
        ("serapan", "baris 835", 98.78, 97.70),
        ("serapan", "baris 838", 99.35, 99.47),
        ("serapan", "baris 842", 96.02, 97.38),
        ("serapan", "baris 849", 98.37, 98.44),
        ("serapan", "baris 850", 98.44, 98.85),
        ("terbilang", "baris 790 (terbilang)", 369_534_350, 369_534_305),
        ("terbilang", "baris 790 (terbilang)", 387_938_700, 380_938_700),
    ]
)


def test_tanjabbar_setiap_pertentangan_laporan(masalah):
    tj = masalah[masalah["instansi"] == "dinsos-tanjabbar"]
    baris = tj["sumber"].str.extract(r"(baris \d+(?:-\d+)?(?: \(.*\))?)$")[0]
    temuan = sorted(zip(tj["kelas"], baris, tj["dilaporkan"], tj["dihitung"].round(2)))
    assert [t[:3] for t in temuan] == [t[:3] for t in TANJABBAR_TEMUAN]
    assert [t[3] for t in temuan] == pytest.approx([t[3] for t in TANJABBAR_TEMUAN], abs=0.005)


def test_tegal_bdt_dan_jaminan_sosial(con):
    w = store.wilayah(con, iid(con, "dinsos-tegal"))
    kec = w[w["desa"].isna() & w["kecamatan"].notna()]
    assert kec[(kec["jenis"] == "BDT") & (kec["tahun"] == 2018)]["nilai"].sum() == 722_124
    assert kec[(kec["jenis"] == "PKH") & (kec["tahun"] == 2017)]["nilai"].sum() == 59_809
    assert kec[(kec["jenis"] == "PBI_JKN_APBN") & (kec["tahun"] == 2017)]["nilai"].sum() == 742_380
    # one canonical name per kecamatan: 18 kecamatan in every Tegal table
    for jenis in ("BDT", "PKH", "PSKS_TKSK", "BDT_NIK"):
        assert kec[kec["jenis"] == jenis]["kecamatan"].nunique() == 18, jenis
    assert {"Bumijawa", "Kedungbanteng", "Lebaksiu", "Suradadi", "Warureja", "Jatinegara"} <= set(kec["kecamatan"])
    desa = w[w["desa"].notna()]
    assert set(desa["kecamatan"]) == {"Dukuhwaru"} and desa["desa"].nunique() == 10
    assert desa[desa["jenis"] == "BDT"]["nilai"].sum() == 27_833


def test_tegal_capaian_40_untuk_65_dari_65(masalah):
    tg = masalah[(masalah["instansi"] == "dinsos-tegal") & (masalah["jenis"] == periksa.CAPAIAN_BEDA)]
    narkoba = tg[(tg["tahun"] == 2018) & tg["kunci"].str.contains("narkoba") & (tg["dilaporkan"] == 40)]
    assert len(narkoba) == 1 and narkoba["dihitung"].iloc[0] == 100


def test_tegal_jumlah_psks_tidak_sama_dengan_barisnya(masalah):
    tg = masalah[(masalah["instansi"] == "dinsos-tegal") & (masalah["jenis"] == periksa.TOTAL_BEDA)]
    psks = {r.kunci: (r.dilaporkan, r.dihitung) for r in tg.itertuples() if "PSKS" in r.kunci}
    assert psks["wilayah PSKS_KARANG_TARUNA"] == (206, 266)
    assert psks["wilayah PSKS_TKSK"] == (10, 18)


def test_tegal_angka_lain(masalah):
    tg = masalah[masalah["instansi"] == "dinsos-tegal"]
    # "Rp 603.085.000 dari anggaran Rp. 611.000,-" (000 line 845): kept as printed, flagged
    assert ((tg["jenis"] == periksa.MELEBIHI_PAGU) & (tg["dilaporkan"] == 603_085_000)).any()
    # Dukuhwaru: desa NIK total 21.243 vs kecamatan table 21,240
    duk = tg[(tg["jenis"] == periksa.ANTAR_TABEL) & tg["kunci"].str.contains("Dukuhwaru")]
    assert {(r.dilaporkan, r.dihitung) for r in duk.itertuples()} >= {(21_240, 21_243), (6_593, 6_590)}
    # program 12 states 460.000.000 but its kegiatan add to 335.000.000
    induk = tg[tg["jenis"] == periksa.INDUK_BEDA]
    assert ((induk["dilaporkan"] == 460_000_000) & (induk["dihitung"] == 335_000_000)).any()


# ---- Temanggung LKjIP 2023 transcribed as printed (issue 13 item 2, data/TRANSKRIPSI.md) -------------


@pytest.fixture(scope="module")
def banding_tm(con):
    return periksa.bandingkan_semua(con, iid(con, "dinsos-temanggung"))


def _kolom(x, *kolom):
    return x[list(kolom)].values.tolist()


def test_temanggung_tabel_3_9_seperti_tercetak(con, banding_tm):
    ang = store.anggaran(con, iid(con, "dinsos-temanggung")).set_index("kode")
    # 001 lines 1050-1055: "b. Pengelolaan Data Fakir Miskin" (23.165.837.150 = c + d + e) and c-e are printed
    # as the lettered items of kegiatan "8." (1.125.290.850); they stay there, the official reading is in catatan
    b = ang.loc["1.06.05.2.02"]
    assert (b["tingkat"], b["induk_kode"], b["kode_laporan"]) == ("subkegiatan", "1.06.05.2.01", "b.")
    assert "1.06.05.2.02 (RKPD baris 1285)" in b["catatan"]
    assert set(ang.loc[["1.06.05.2.02.01", "1.06.05.2.02.03", "1.06.05.2.02.04"], "induk_kode"]) == {"1.06.05.2.01"}
    # line 1045 "7." is printed before line 1046 "a. Pemberian Layanan Rujukan"
    assert ang.loc["1.06.04.2.02", "urutan"] < ang.loc["1.06.04.2.01.12", "urutan"]
    induk = banding_tm[(banding_tm["kelas"] == "induk") & banding_tm["keterangan"].str.startswith("pagu baris")]
    keg8 = induk[induk["kunci"].str.startswith("1.06.05.2.01 ")]
    rincian = 1_125_290_850 + 2 * 23_165_837_150  # a. + b. + (c. + d. + e. = b.)
    assert _kolom(keg8, "dilaporkan", "dihitung", "cocok") == [[1_125_290_850, rincian, False]]
    prog = induk[induk["kunci"].str.startswith("1.06.05 ")]
    assert _kolom(prog, "dilaporkan", "dihitung", "cocok") == [[24_291_128_000, 1_125_290_850, False]]
    # the programs carry what the table prints: the agency total does not move
    assert analisis.total_anggaran(con, iid(con, "dinsos-temanggung"), 2023)["pagu"] == 35_672_937_124


def test_temanggung_angka_narasi_dan_terbilang(con, banding_tm):
    # 001 line 987: Rp. 35.672.937.124,00 and "Tiga Puluh Lima Milyar ... Seratus Dua Puluh Empat Rupiah"
    t = banding_tm[banding_tm["kelas"] == "terbilang"]
    assert _kolom(t, "dilaporkan", "dihitung", "cocok") == [[35_672_937_124, 35_672_937_124, True]]
    # the budget sentences (agency 607 and 1070, programs 643, 762, 836, 918) agree with Tabel 3.9
    for baris in (607, 643, 762, 836, 918, 1070):
        x = banding_tm[banding_tm["sumber"] == f"LKjIP 2023 teks baris {baris}"]
        assert len(x) >= 3 and x["cocok"].all(), baris
    # line 963: the TMP pagu and realisasi agree; its 94,72 % and Rp 246.292.643 do not
    x = banding_tm[banding_tm["sumber"] == "LKjIP 2023 teks baris 963"]
    assert sorted(x.loc[~x["cocok"], "dilaporkan"]) == [94.72, 246_292_643]
    assert {52_919_550, 51_364_750} <= set(x.loc[x["cocok"], "dilaporkan"])
    # line 723: the text gives PG-07 a target of 100 %; Tabel 3.5 and the main table print 1,22
    x = banding_tm[banding_tm["sumber"] == "LKjIP 2023 teks baris 723"]
    assert _kolom(x[~x["cocok"]], "dilaporkan", "dihitung") == [[100, 1.22]]
    # line 809: "capaian tahun sebelumnya yang hanya sebesar 98,22 %"; the five indicators' capped 2022 scores give 100
    x = banding_tm[banding_tm["sumber"] == "LKjIP 2023 teks baris 809"]
    salah = x[~x["cocok"]]
    assert _kolom(salah, "tahun", "dilaporkan") == [[2022, 98.22]] and "berbatas 100,00" in salah["keterangan"].iloc[0]
    # figures in the narrative without a check of their own are stored all the same (96.974 PPKS, line 609)
    lap = store.angka_laporan(con, iid(con, "dinsos-temanggung"))
    ppks = lap[(lap["sumber"] == "LKjIP 2023 teks baris 609") & (lap["besaran"] == "jumlah")]
    assert _kolom(ppks, "kode", "nilai") == [["SS-01", 96_974]]


def test_temanggung_tabel_kedua_setiap_angka(con, banding_tm):
    lap = store.angka_laporan(con, iid(con, "dinsos-temanggung"))
    assert len(lap) == 511  # every stated figure the re-read found (TRANSKRIPSI.md, Temanggung §7)
    at = banding_tm[banding_tm["kelas"] == "antar_tabel"]
    # Tabel 3.2-3.8 (001 lines 584-941): every column of every row; the disagreements are the report's own
    # (PG-10's "100" for 100,34 agrees at the precision printed)
    t3 = at[at["sumber"].str.match(r"LKjIP 2023 Tabel 3\.[2-8] ")]
    assert len(t3) == 15 * 6 - 1  # SS-01 prints no realisasi 2022 (its column is "Capaian 2022")
    beda = {(r.kunci, r.tahun, r.dilaporkan, r.dihitung) for r in t3[~t3["cocok"]].itertuples()}
    assert beda == {
        ("indikator PG-07", 2022, 100, 11.58),
        ("indikator PG-07", 2023, 100, 8.82),
        ("indikator PG-07", 2023, 100, 1.22),  # 'Taget akhir 2023' 100, target 2023 1,22 (line 715)
        ("indikator PG-12", 2022, 100, 61.7),
        ("indikator PG-12", 2023, 100, 65.29),
    }
    # the Perubahan Perjanjian Kinerja (lines 1401-1765): 15 targets and 13 program budgets
    pk = at[at["sumber"].str.contains("Perubahan Perjanjian Kinerja")]
    assert len(pk) == 28
    assert set(pk.loc[~pk["cocok"], "sumber"].str[-4:].astype(int)) == {1670, 1758, 1759, 1760}
    # Tabel 2.2's IKU targets (lines 493-508) equal the main table's 2023 targets, PG-07's 1,22 included
    t22 = at[at["sumber"].str.contains("Tabel 2.2 ")]
    assert len(t22) == 15 and t22["cocok"].all()
    # Tabel 2.3's APBD column (lines 518-526) and the RKPD table's DPA where it equals Tabel 3.9
    t23 = at[at["sumber"].str.match(r"LKjIP 2023 Tabel 2\.3 baris 5(1[89]|2[0-6])$")]
    assert len(t23) == 6 and t23["cocok"].all()
    rkpd = at[at["sumber"].str.contains("Evaluasi RKPD") & (at["kunci"] == "anggaran 1.06.04.2.01.12")]
    rkpd = rkpd.sort_values("dilaporkan")
    assert _kolom(rkpd, "dilaporkan", "cocok") == [[98.65, True], [1_973_000, True], [2_000_000, True]]
