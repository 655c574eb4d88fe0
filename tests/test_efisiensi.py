"""The efficiency-method registry: every method computes a report's numbers, the SQL form equals
the Python one, and a method registered in one place appears everywhere the methods are read."""

import duckdb
import pandas as pd
import pytest

from sakip_calc.calc import anggaran, efisiensi
from sakip_calc.calc.efisiensi import MetodeEfisiensi
from sakip_calc.calc.skor import selaras

# Temanggung 2023 agency total (001 table 3.9, line 999) and Table 3.10: capaian 100 %, serapan 97,64 %
PAGU, REALISASI = 35_672_937_124, 34_830_858_769
SERAPAN = REALISASI / PAGU * 100

# one expected value per registered method: a method added without its seed number fails here
SEED = {
    # Temanggung Tabel 3.10 (001 line 1076): 100 - 97,64 = 2,36
    "selisih": (dict(capaian=100, serapan=97.64), 2.36),
    # Tegal (000 line 841): 100 % - 96,89 % spent; the report prints 3,10 (checked with selaras below)
    "sisa": (dict(serapan=96.89), 3.11),
    "rasio": (dict(capaian=100, serapan=97.64), 100 / 97.64),
    # capaian 100 %: the unspent share of the pagu, 2,36 % as in Table 3.10's Rata-Rata row
    "tertimbang": (dict(capaian=100, serapan=SERAPAN, pagu=PAGU, realisasi=REALISASI), 100 - SERAPAN),
}


@pytest.mark.parametrize("kode", list(efisiensi.METODE))
def test_setiap_metode_menghitung_angka_laporan(kode):
    assert kode in SEED, f"metode {kode} belum punya angka uji di SEED"
    masukan, harapan = SEED[kode]
    assert efisiensi.nilai(kode, **masukan) == pytest.approx(harapan)
    m = efisiensi.METODE[kode]
    assert m.label and m.rumus and m.satuan


def test_angka_cetak_laporan():
    assert round(efisiensi.nilai("selisih", 100, SERAPAN), 2) == 2.36
    assert selaras(3.10, efisiensi.nilai("sisa", serapan=96.89))  # Tegal prints 3,10


def test_metode_baku_dan_label():
    assert efisiensi.METODE_BAKU in efisiensi.METODE
    assert anggaran.METODE_BAKU == efisiensi.METODE_BAKU
    assert dict(anggaran.METODE_EFISIENSI) == {k: m.label for k, m in efisiensi.METODE.items()}
    with pytest.raises(ValueError):
        anggaran.efisiensi(100, 90, "tidak-ada")


@pytest.mark.parametrize("kode", [k for k, m in efisiensi.METODE.items() if m.sql])
def test_bentuk_sql_sama_dengan_python(kode):
    m = efisiensi.METODE[kode]
    baris = [
        (100.0, 97.64, 1000.0, 976.4),
        (85.0, 90.0, 200.0, 180.0),
        (None, 90.0, 200.0, 180.0),
        (100.0, None, None, None),
        (100.0, 0.0, 0.0, 0.0),
        (100.0, SERAPAN, PAGU, REALISASI),
    ]
    con = duckdb.connect()
    con.register("baris", pd.DataFrame(baris, columns=["capaian", "serapan", "pagu", "realisasi"]))
    sql = con.execute(f"SELECT {m.sql} AS e FROM baris").df()["e"].tolist()
    for (c, s, p, r), e in zip(baris, sql):
        py = m.hitung(c, s, p, r)
        assert (py is None and pd.isna(e)) or py == pytest.approx(e), (c, s, p, r)


def test_cek_laporan_memakai_bentuk_yang_dicetak():
    hasil, m = efisiensi.dari_laporan(100, 97.64)
    assert m.kode == "selisih" and hasil == pytest.approx(2.36)
    hasil, m = efisiensi.dari_laporan(None, 96.89)
    assert m.kode == "sisa" and m.rumus == "100 − serapan" and hasil == pytest.approx(3.11)


def _anggaran_dan_skor():
    baris = pd.DataFrame(
        [
            dict(
                kode="1.06.02",
                tingkat="program",
                induk_kode=None,
                nama="Pemberdayaan",
                pagu=430_750_000.0,
                realisasi=430_694_450.0,
            ),
            dict(
                kode="1.06.04",
                tingkat="program",
                induk_kode=None,
                nama="Rehabilitasi",
                pagu=751_786_272.0,
                realisasi=750_027_197.0,
            ),
        ]
    )
    skor = pd.DataFrame(
        [
            dict(program_kode="1.06.02", skor=100.0, tingkat="program", sasaran="A"),
            dict(program_kode="1.06.04", skor=90.0, tingkat="program", sasaran="A"),
            dict(program_kode=None, skor=95.0, tingkat="sasaran", sasaran="A"),
        ]
    )
    return anggaran.tabel_anggaran(baris), skor


def test_metode_baru_cukup_satu_entri(monkeypatch):
    """Registered in the test only: it shows in the selector's mapping and computes per program
    and per sasaran without any other code knowing it."""
    baru = MetodeEfisiensi(
        kode="uji",
        label="Capaian kinerja − 2 × serapan (uji)",
        rumus="capaian − 2 × serapan",
        satuan="poin",
        hitung=lambda c, s, p, r: None if c is None or s is None else c - 2 * s,
    )
    monkeypatch.setitem(efisiensi.METODE, "uji", baru)
    assert anggaran.METODE_EFISIENSI["uji"] == baru.label and "uji" in list(anggaran.METODE_EFISIENSI)
    ang, skor = _anggaran_dan_skor()
    program = anggaran.efisiensi_program(ang, skor, "uji").set_index("kode")
    assert program.loc["1.06.04", "efisiensi"] == pytest.approx(90 - 2 * program.loc["1.06.04", "serapan"])
    assert set(program["metode_efisiensi"]) == {baru.label}
    sasaran = anggaran.efisiensi_sasaran(program.reset_index(), "uji").iloc[0]
    assert sasaran["efisiensi"] == pytest.approx(sasaran["capaian"] - 2 * sasaran["serapan"])
    assert efisiensi.dari_laporan(100, 97.64)[1].kode == "selisih"  # not a reported form: checks unchanged
    monkeypatch.undo()
    assert "uji" not in anggaran.METODE_EFISIENSI


def test_gabungan_sasaran_per_metode():
    ang, skor = _anggaran_dan_skor()
    program = anggaran.efisiensi_program(ang, skor)
    pagu, realisasi = program["pagu"].sum(), program["realisasi"].sum()
    for kode, m in efisiensi.METODE.items():
        e = anggaran.efisiensi_sasaran(program, kode)["efisiensi"].iloc[0]
        harapan = (
            m.gabung(program)
            if m.gabung
            else m.hitung(program["capaian"].mean(), anggaran.serapan(pagu, realisasi), pagu, realisasi)
        )
        assert e == pytest.approx(harapan), kode
