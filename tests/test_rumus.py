"""Each formula has one definition (domain/rumus.py) with a Python and an SQL form; the pandas path
(calc/skor.py, calc/anggaran.py) and the SQL path (the derived tables, the comparison) agree on the
three seed agencies and on a tiny synthetic national set, and on grids of awkward values."""

from __future__ import annotations

import itertools
import math
import shutil

import duckdb
import pandas as pd
import pytest

from sakip_calc import store
from sakip_calc.calc import analisis, skor
from sakip_calc.domain import rumus
from sakip_calc.store import banding
from sakip_calc.tools import synth


@pytest.fixture(scope="module")
def con_campur(tmp_path_factory, db_bawaan):
    """The seeds plus the tiny synthetic set, written through the normal write path, read-only."""
    db = tmp_path_factory.mktemp("rumus") / "campur.duckdb"
    shutil.copy2(db_bawaan, db)
    synth.bangkitkan(db, "tiny", cetak=lambda _: None)
    with store.transaksi_tulis(db) as c:
        # years reported only by their quarters, under each roll-up rule (the seeds have jumlah and
        # akhir with annual values; these make the SQL and pandas roll-ups do the work)
        c.execute("""UPDATE indikator SET agregasi_triwulan = CASE id % 4 WHEN 0 THEN 'jumlah' WHEN 1 THEN 'rata'
                                                                      WHEN 2 THEN 'akhir' END
                      WHERE id IN (SELECT indikator_id FROM capaian WHERE triwulan IS NOT NULL) AND id % 3 = 0""")
        c.execute("""UPDATE capaian SET realisasi = NULL WHERE triwulan IS NULL AND indikator_id % 3 = 0
                       AND indikator_id IN (SELECT indikator_id FROM capaian WHERE triwulan IS NOT NULL)""")
    con = store.buka(db, read_only=True)
    yield con
    con.close()


def _sama(a, b) -> bool:
    kosong_a, kosong_b = a is None or pd.isna(a), b is None or pd.isna(b)
    return kosong_a == kosong_b and (kosong_a or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9))


def _instansi(con) -> list[int]:
    ids = [int(i) for i in store.instansi(con)["id"]]
    assert len(ids) >= 8  # three seeds and five synthetic agencies
    return ids


def test_capaian_dan_triwulan_sql_sama_dengan_pandas(con_campur):
    sql = con_campur.execute("SELECT indikator_id, tahun, realisasi, capaian FROM agregat_capaian").df()
    sql = sql.set_index(["indikator_id", "tahun"])
    dibandingkan = dari_triwulan = 0
    for iid in _instansi(con_campur):
        pandas = skor.tabel_capaian(store.indikator_capaian(con_campur, iid))
        for r in pandas.itertuples():
            s = sql.loc[(r.indikator_id, r.tahun)]
            assert _sama(r.realisasi, s["realisasi"]), (iid, r.kode, r.tahun, r.realisasi, s["realisasi"])
            assert _sama(r.capaian, s["capaian"]), (iid, r.kode, r.tahun, r.capaian, s["capaian"])
            dibandingkan += 1
            dari_triwulan += bool(r.realisasi_dari_triwulan)
    assert dibandingkan == len(sql) and dari_triwulan > 20


def test_gabung_triwulan_vektor_sama_dengan_rumus(con_campur):
    baris = store.indikator_capaian(con_campur)
    triwulan = baris[baris["triwulan"].notna() & baris["tahun"].notna()]
    vektor = skor.gabung_triwulan_semua(triwulan).set_index(["indikator_id", "tahun"])["realisasi_triwulan"]
    satu_satu = {
        k: rumus.gabung_triwulan(g.sort_values("triwulan")["realisasi"].tolist(), g["agregasi_triwulan"].iloc[0])
        for k, g in triwulan.groupby(["indikator_id", "tahun"])
    }
    satu_satu = {k: v for k, v in satu_satu.items() if v is not None}
    assert set(vektor.index) == set(satu_satu) and len(satu_satu) > 0
    assert all(_sama(vektor[k], v) for k, v in satu_satu.items())
    aturan = set(triwulan["agregasi_triwulan"].dropna())
    assert {"jumlah", "rata", "akhir"} <= aturan, aturan


def test_total_sql_sama_dengan_pandas(con_campur):
    sql = con_campur.execute("SELECT * FROM agregat_anggaran").df().set_index(["instansi_id", "tahun"])
    for (iid, tahun), s in sql.iterrows():
        total = analisis.total_anggaran(con_campur, int(iid), int(tahun))
        for kolom in ("pagu", "realisasi", "jumlah_program"):
            assert _sama(total[kolom], s[kolom]), (iid, tahun, kolom, total[kolom], s[kolom])


NILAI = [
    None,
    -10.0,
    0.0,
    12.5,
    29.99,
    30.0,
    30.01,
    50.0,
    50.0001,
    60.0,
    65.0,
    70.0,
    75.0,
    80.0,
    85.0,
    90.0,
    90.5,
    99.99,
    100.0,
    118.0,
    250.0,
]


def test_predikat_sql_sama_dengan_python(con_campur):
    skala = store.skala_predikat(con_campur)
    cur = store.kursor(con_campur)
    for nama, grup in skala.groupby("nama"):
        nilai = sorted(set(NILAI[1:]) | {float(b) for b in grup["batas_bawah"].dropna()})
        cur.execute("CREATE OR REPLACE TEMP TABLE nilai_uji AS SELECT unnest(?::DOUBLE[]) AS nilai", [[None, *nilai]])
        sql = cur.execute(banding._sql_predikat("nilai_uji", "nilai"), {"skala": nama}).df()
        for r in sql.itertuples():
            python = skor.predikat(r.nilai, grup)
            assert (python or {}).get("label") == (None if pd.isna(r.predikat) else r.predikat), (nama, r.nilai)


TARGET = [None, 0.0, 10.0, 80.0, -5.0]
REALISASI = [None, 0.0, 8.0, 10.0, 12.0, 80.0, 100.0, -3.0]


def test_capaian_dan_skor_python_sama_dengan_sql():
    baris = [
        (t, r, p, ta) for t, r, p, ta in itertools.product(TARGET, REALISASI, ("naik", "turun"), [None, 0.0, 12.0, 5.0])
    ]
    con = duckdb.connect()
    con.register(
        "baris_uji",
        pd.DataFrame(baris, columns=["target", "realisasi", "polaritas", "target_atas"]).astype(
            {"target": float, "realisasi": float, "target_atas": float}
        ),
    )
    sql = con.execute(
        f"SELECT {rumus.sql_capaian()} AS c, {rumus.sql_skor(rumus.sql_capaian(), '100.0')} AS s FROM baris_uji"
    ).df()
    for (t, r, p, ta), c, s in zip(baris, sql["c"], sql["s"]):
        python = rumus.capaian(t, r, p, ta)
        assert _sama(python, c), (t, r, p, ta, python, c)
        assert _sama(rumus.skor(python, 100.0), s), (t, r, p, ta)


def test_rata_rata_instansi_sql_sama_dengan_python():
    df = pd.DataFrame(
        {"skor": [80.0, None, 90.0, 70.0, 60.0], "tingkat": ["sasaran", "sasaran", "program", "program", "kegiatan"]}
    )
    con = duckdb.connect()
    for bagian in (df, df[df["tingkat"] != "sasaran"], df[df["tingkat"] == "kegiatan"], df[df["skor"].isna()]):
        con.register("bagian", bagian)
        ((sql,),) = con.execute(f"SELECT {rumus.sql_rata_rata_instansi('skor', 'tingkat')} FROM bagian").fetchall()
        assert _sama(skor.rata_rata_instansi(bagian), sql)
