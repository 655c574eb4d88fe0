"""Issue 13: every check class, with the reports' own figures where they have such a case, the
precision rule on both sides of each boundary, and the stored findings (every write, undo)."""

from __future__ import annotations

import pandas as pd
import pytest

from sakip_calc import store
from sakip_calc.calc import analisis, periksa
from sakip_calc.domain.angka import desimal_cetak, sama_persis, sesuai_cetak
from sakip_calc.ingest import impor

# ---- the printed-precision rule: [d - u/2, d + u), nothing looser --------------------------


@pytest.mark.parametrize(
    ("dilaporkan", "dihitung", "cocok"),
    [
        (96.42, 96.4149, False),  # below half a unit
        (96.42, 96.415, True),  # rounds up to 96,42
        (96.42, 96.4299, True),  # truncates to 96,42
        (96.42, 96.43, False),  # one unit above: neither
        (90, 89.49, False),
        (90, 89.5, True),
        (90, 90.909, True),  # 50/55 printed as 90 (truncated)
        (90, 91.0, False),
        (3.1, 3.11, True),  # Tegal 000 line 841: 100 - 96,89 printed 3,10
        (3.1, 3.2, False),
        (-2.36, -2.3649, True),  # below zero truncation goes towards zero
        (-2.36, -2.3699, True),
        (-2.36, -2.37, False),
        (-2.36, -2.3549, False),
        (0, 0.99, True),
        (0, 1.0, False),
        (0, -0.99, True),
    ],
)
def test_ketelitian_cetak_kedua_sisi_batas(dilaporkan, dihitung, cocok):
    assert sesuai_cetak(dilaporkan, dihitung) is cocok


def test_desimal_dan_rupiah_persis():
    assert desimal_cetak(96.42) == 2 and desimal_cetak(3.1) == 1 and desimal_cetak(96.0) == 0
    assert list(desimal_cetak([98.7, 100.0, 0.125])) == [1, 0, 3]
    # rupiah and counts: the last digits count (a relative tolerance let these pass)
    assert sama_persis(35_672_937_124, 35_672_937_124.3)
    assert not sama_persis(35_672_937_124, 35_672_937_125)
    assert not sama_persis(4_960_000_000, 4_904_882_000)


# ---- each class, on the seeds ----------------------------------------------------------------


@pytest.fixture(scope="module")
def banding(db_bawaan):
    con = store.buka(db_bawaan)
    yield periksa.bandingkan_semua(con)
    con.close()


def _baris(b, instansi, kelas, **isi):
    x = b[(b["instansi"] == instansi) & (b["kelas"] == kelas)]
    for k, v in isi.items():
        x = x[x[k].astype(str).str.contains(v, regex=False)]
    return x


def test_rata_rata_dinyatakan(banding):
    # 004 line 551: five indicators 90, 94, 100, 100, 100 would give 96,8; the rows give 97,01 vs 96 stated
    tj = _baris(banding, "dinsos-tanjabbar", "rata_rata", sumber="Tabel 3.2 baris 551")
    assert len(tj) == 1 and not tj["cocok"].iloc[0] and tj["dilaporkan"].iloc[0] == 96
    assert tj["dihitung"].iloc[0] == pytest.approx(97.005, abs=0.01)
    # 000 lines 1211-1217: program 09 stated 100, its two indicators average 97,5
    p09 = _baris(banding, "dinsos-tegal", "rata_rata", kunci="program 09")
    assert not p09["cocok"].iloc[0] and p09["dihitung"].iloc[0] == pytest.approx(97.5)
    # Temanggung caps at 100: the sasaran averages of 100 agree with the capped mean
    tm = _baris(banding, "dinsos-temanggung", "rata_rata", sumber="Tabel 3.3 baris 633")
    assert len(tm) and tm["cocok"].all()
    # the physical-progress average (004 line 869: 99,67) against the programs' fisik %
    fisik = _baris(banding, "dinsos-tanjabbar", "rata_rata", sumber="baris 869")
    assert fisik["dihitung"].iloc[0] == pytest.approx(99.6217, abs=1e-3) and not fisik["cocok"].iloc[0]


def test_renstra_dan_renja_induk_rincian(banding):
    # 000 line 522: program 15's Renstra 16.345.000.000 vs its kegiatan 4.345.000.000 (TRANSKRIPSI.md §3)
    p15 = _baris(banding, "dinsos-tegal", "induk", kunci="15 ", keterangan="pagu Renstra")
    assert p15[["dilaporkan", "dihitung", "cocok"]].values.tolist() == [[16_345_000_000, 4_345_000_000, False]]
    p01 = _baris(banding, "dinsos-tegal", "induk", kunci="01 ", keterangan="pagu Renstra")
    assert p01["cocok"].all()
    # Temanggung's Renja column is compared too (001 line 517)
    assert len(_baris(banding, "dinsos-temanggung", "induk", keterangan="pagu Renja")) > 0


def test_triwulan_dan_tahun(banding):
    # 001 lines 1206-1330: program 1.06.01's four quarters do not add up to Tabel 3.9's realisasi
    p = _baris(banding, "dinsos-temanggung", "triwulan", kunci="1.06.01 PROGRAM")
    assert p[["dilaporkan", "cocok"]].values.tolist() == [[pytest.approx(5_414_650_000, abs=1e4), False]]
    assert p["dihitung"].iloc[0] != p["dilaporkan"].iloc[0]
    cocok = _baris(banding, "dinsos-temanggung", "triwulan")
    assert cocok["cocok"].sum() > 50  # most lines reconcile


def test_pembilang_penyebut(banding):
    # 001 lines 1126-1128: Angka Kemiskinan 2020 = 77.330 / 794.055 = 9,74 %, printed 9,96
    tj = _baris(banding, "dinsos-temanggung", "pecahan", kunci="TJ-01")
    salah = tj[~tj["cocok"]]
    assert 9.96 in set(salah["dilaporkan"]) and salah["dihitung"].min() == pytest.approx(9.0459, abs=1e-3)
    # 2019: 72.570 / 770.382 = 9,42 printed 9,42 agrees
    assert tj[tj["dilaporkan"] == 9.42]["cocok"].all()
    # PG-12 2023: 96.974 / 148.539 = 65,285... printed 65,29 (rounded) agrees
    assert _baris(banding, "dinsos-temanggung", "pecahan", kunci="PG-12")["cocok"].all()


def test_terbilang_dan_digit(banding):
    # 000 line 444: Rp 4.960.000.000 in digits, "Empat Milyar Sembilan Ratus Empat Juta ..." in words
    t = _baris(banding, "dinsos-tegal", "terbilang", sumber="teks baris 444")
    assert t[["dilaporkan", "dihitung", "cocok"]].values.tolist() == [[4_904_882_000, 4_960_000_000, False]]
    # 004 lines 610-792: every amount the narrative writes in words beside its digits; only line 790 differs
    tj = _baris(banding, "dinsos-tanjabbar", "terbilang")
    assert sorted(tj.loc[~tj["cocok"], ["dilaporkan", "dihitung"]].values.tolist()) == [
        [369_534_350, 369_534_305],
        [387_938_700, 380_938_700],
    ]
    baris = tj.loc[tj["cocok"], "sumber"].str.extract(r"baris ([\d-]+)")[0]
    # 610, 622, 658, 679, 681-683, 687 (2022), 792: pagu and realisasi; 639: pagu (its realisasi is garbled)
    assert sorted(baris.value_counts().items()) == [
        ("610", 2),
        ("622", 2),
        ("639", 1),
        ("658", 2),
        ("679", 2),
        ("681-683", 2),
        ("687", 2),
        ("792", 2),
    ]


def test_tanjabbar_tabel_kedua_dan_narasi(banding):
    """004 re-read line by line: the second tables and the narrative restate the main tables."""
    # Tabel 2 (Alokasi Anggaran, lines 462-510): 47 pagu lines, each equal to the main table's
    t2 = _baris(banding, "dinsos-tanjabbar", "antar_tabel", sumber="Tabel 2 (Alokasi Anggaran)")
    assert len(t2) == 47 and t2["cocok"].all()
    total = _baris(banding, "dinsos-tanjabbar", "jumlah", sumber="Tabel 2 (Alokasi Anggaran) baris 511")
    assert total[["dilaporkan", "cocok"]].values.tolist() == [[5_164_657_747, True]]
    # Perjanjian Kinerja (lines 449-454): only the AKIP target 69 differs from Tabel 3.2's 68
    pk = _baris(banding, "dinsos-tanjabbar", "antar_tabel", sumber="Perjanjian Kinerja")
    assert len(pk) == 5 and pk.loc[~pk["cocok"], ["dilaporkan", "dihitung"]].values.tolist() == [[69, 68]]
    # the PK (55), Tabel 3.3 and the text under it (lines 563, 565) repeat SS-01's 58, 57/50 and 55/50
    ss01 = _baris(banding, "dinsos-tanjabbar", "antar_tabel", kunci="SS-01")
    assert len(ss01) == 8 and ss01["cocok"].all()
    # line 608 as printed: "realisasi pada tahun 2022 sebanyak 105 orang", then 2022 = 65 orang
    lansia = _baris(banding, "dinsos-tanjabbar", "antar_tabel", sumber="baris 608")
    assert lansia[["tahun", "dilaporkan", "dihitung", "cocok"]].values.tolist() == [[2022, 105, 65, False]] * 2
    # the Ikhtisar (line 73): keuangan 96,53 % agrees with the programs, fisik 99,67 % does not (99,62)
    ikhtisar = banding[(banding["instansi"] == "dinsos-tanjabbar") & banding["sumber"].str.endswith("teks baris 73")]
    assert sorted(ikhtisar[["kelas", "dilaporkan", "cocok"]].values.tolist()) == [
        ["rata_rata", 99.67, False],
        ["serapan", 96.53, True],
    ]
    # the narrative budget digits (lines 610-683): pagu and realisasi equal the table's
    for baris, kode in (("610", "1.06.04.2.01.01"), ("622", "1.06.04.2.02.13"), ("658", "1.06.05.2.02.02")):
        teks = _baris(banding, "dinsos-tanjabbar", "antar_tabel", sumber=f"teks baris {baris}", kunci=kode)
        assert len(teks) >= 3 and teks["cocok"].all(), baris


def test_setiap_kelas_terdaftar_dan_rekonsiliasi(banding):
    assert set(banding["kelas"]) <= set(periksa.KELAS)
    rek = periksa.rekonsiliasi(banding)
    assert (rek["jumlah"] == rek["cocok"] + rek["beda"]).all()
    tg = rek[rek["instansi"] == "dinsos-tegal"]
    skor = periksa.skor_rekonsiliasi(tg)
    assert 0 < skor < 100 and skor == pytest.approx(tg["cocok"].sum() / tg["jumlah"].sum() * 100)


def test_kelas_sintetis():
    """Cases the seeds lack: a count restated exactly, a quarter sum that agrees."""
    tw = pd.DataFrame(
        {"instansi_id": [1] * 4, "tahun": [2024] * 4, "kode": ["1.06.01"] * 4, "realisasi": [1, 2, 3, 4.0]}
    )
    ang = pd.DataFrame(
        {
            "instansi": ["x"],
            "instansi_id": [1],
            "tahun": [2024],
            "kode": ["1.06.01"],
            "nama": ["P"],
            "realisasi": [10.0],
            "sumber": ["uji"],
        }
    )
    d = periksa.Data(pd.DataFrame(), ang, tw, pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), {})
    (b,) = periksa.anggaran.cek_triwulan(d)
    assert b["cocok"].tolist() == [True]
    d.ang = ang.assign(realisasi=[11.0])
    (b,) = periksa.anggaran.cek_triwulan(d)
    assert b["cocok"].tolist() == [False] and b["dihitung"].tolist() == [10.0]


# ---- stored findings: every write, undo -----------------------------------------------------


def test_temuan_tersimpan_sama_dengan_hitungan_dan_ikut_pembatalan(db_salinan, tmp_path):
    con = store.buka(db_salinan)
    tersimpan, sekarang = analisis.masalah_data(con), periksa.periksa_semua(con)
    assert store.temuan_tersimpan(con, periksa.jalan.VERSI)
    kolom = ["instansi", "tahun", "kelas", "jenis", "kunci", "dilaporkan"]
    assert sorted(map(tuple, tersimpan[kolom].astype(str).values)) == sorted(
        map(tuple, sekarang[kolom].astype(str).values)
    )
    con.close()
    # an import that changes one stated average: the stored findings follow, and undo restores them
    berkas = tmp_path / "rata.csv"
    berkas.write_text(
        "instansi;tahun;sumber;objek;kode;besaran;nilai\n"
        "dinsos-tanjabbar;2023;LAKIP 2023 Tabel 3.2 baris 551;instansi;;rata_capaian;97\n",
        encoding="utf-8",
    )
    (berkas.parent / "AngkaLaporan.csv").write_bytes(berkas.read_bytes())
    hasil = impor.impor_berkas([berkas.parent / "AngkaLaporan.csv"], db_salinan)
    assert all(h.status == "berhasil" for h in hasil), [str(m) for h in hasil for m in h.rencana.masalah]
    con = store.buka(db_salinan)
    rata = analisis.masalah_data(con)
    assert not (rata["sumber"].str.contains("Tabel 3.2 baris 551") & (rata["dilaporkan"] == 97)).any()
    con.close()
    impor.batalkan_terakhir(db_salinan)
    con = store.buka(db_salinan)
    kembali = analisis.masalah_data(con)
    assert (kembali["sumber"].str.contains("Tabel 3.2 baris 551") & (kembali["dilaporkan"] == 96)).any()
    assert len(kembali) == len(tersimpan)
    con.close()
