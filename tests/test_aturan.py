"""The import rules' two forms agree: Python (workbook cells) and SQL (bulk columns), over tricky inputs."""

from __future__ import annotations

import re

import duckdb
import pytest

from sakip_calc.domain.spesifikasi import (
    JUMLAH,
    KODE,
    LEMBAR_BERNAMA,
    RUPIAH,
    TAHUN,
    TEKS,
    TRIWULAN,
    Kolom,
)
from sakip_calc.ingest import aturan

TEKS_SULIT = [
    None,
    "",
    " ",
    "-",
    "kali-bening",
    "KALI  BENING",
    "  Kali\tBening \n",
    "Kali\u00a0Bening",
    "Kali\u2003\u3000Bening",
    "Kali\x00Be\x07ning\x1f",
    "\x85x\x9f",
    "=SUM(A1:A2)",
    "+62 812",
    "@user",
    "Désa Ñusa",
    "İstanbul",
    "straße",
    "o'brien",
    "sido mulyo 2a",
    "1.234",
    "1,5",
    "13,11,0",
    "\u200bzero width",
    "a\x0bb\x0cc\rd",
    "\u2028baris\u2029",
    "tab\t",
    "emoji 😀 ok",
    "#####",
    "n.a",
    "Rp 5.000,-",
    "a  ",
    "  a",
    "a   b  c",
]


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect()
    aturan.daftarkan_fungsi(c)
    yield c
    c.close()


def _sql(con, ekspresi: str, nilai: list) -> list:
    return [
        r[0]
        for r in con.execute(
            f"SELECT {ekspresi} FROM unnest(?) WITH ORDINALITY AS t(x, i) ORDER BY i", [nilai]
        ).fetchall()
    ]


def test_spasi_sama_dengan_spasi_python():
    """The SQL whitespace class is Python's \\s once control characters are dropped."""
    kontrol = re.compile(f"[{aturan._KONTROL}]")
    python = {chr(c) for c in range(0x110000) if chr(c).isspace() and not kontrol.match(chr(c))}
    sql = {chr(c) for c in range(0x110000) if aturan._SPASI_RE.fullmatch(chr(c))}
    assert python == sql


def test_teks_python_sama_dengan_sql(con):
    semua = TEKS_SULIT + [f"a{chr(c)}b" for c in range(0x3100) if chr(c).isspace() or c < 0x20 or 0x7F <= c <= 0x9F]
    assert _sql(con, aturan.sql_teks("x"), semua) == [aturan.teks(t) for t in semua]


def test_desa_satu_ejaan():
    assert {aturan.nama_desa(aturan.teks(t)) for t in ("kali-bening", "KALI-BENING", "Kali-bening ")} == {"Kali-Bening"}
    assert aturan.nama_desa(aturan.teks("KALI  BENING")) == "Kali Bening"
    assert aturan.nama_desa(None) is None


# Columns of every kind, with the declarations of the format.
KOLOM = [
    LEMBAR_BERNAMA["Indikator"].kolom_bernama("tingkat"),  # a choice list
    LEMBAR_BERNAMA["Indikator"].kolom_bernama("nama"),  # required text
    Kolom("kode", KODE, ""),
    LEMBAR_BERNAMA["Capaian"].kolom_bernama("tahun"),  # whole, required, 2000-2100
    LEMBAR_BERNAMA["Capaian"].kolom_bernama("triwulan"),  # whole, 1-4
    LEMBAR_BERNAMA["Capaian"].kolom_bernama("realisasi"),  # desimal
    LEMBAR_BERNAMA["Anggaran"].kolom_bernama("pagu"),  # rupiah >= 0
    LEMBAR_BERNAMA["Wilayah"].kolom_bernama("nilai"),  # jumlah, required, >= 0
    LEMBAR_BERNAMA["Instansi"].kolom_bernama("batas_capaian"),  # persen >= 0
    Kolom("x", TEKS, "", wajib=True, pilihan=("ya", "tidak")),
]
ANGKA_SULIT = [
    None,
    "",
    " ",
    "-",
    "n.a",
    "NA",
    "#####",
    "App",
    "0",
    "5",
    "-5",
    "+5",
    " 12 ",
    "12.5",
    "1.234",
    "1,5",
    "13,11,0",
    "1.234.567,89",
    "49,422,100",
    "98.42",
    "Rp 611.000,-",
    "106.,250.000",
    "(5)",
    "2023",
    "2023.0",
    "1999",
    "2101",
    "4",
    "4.5",
    "1e3",
    "nan",
    "inf",
    "-inf",
    "=1+1",
    "abc",
    "SUB",
    "sasaran",
    "Program",
    "YA",
    "tidak ",
    "0.0001",
]


def _python(kolom: Kolom, nilai):
    masalah = []
    hasil = aturan.ketik(kolom, nilai, "L", 2, masalah)
    return hasil, sorted(m.pesan for m in masalah if m.tingkat == "galat")


def _massal(con, kolom: Kolom, nilai: list) -> list:
    ekspresi, cek = aturan.sql_kolom(kolom, "x", False)
    pesan = ", ".join(f"CASE WHEN {s} THEN {p} END" for s, p in cek) or "NULL"
    baris = con.execute(
        f"SELECT {ekspresi}, list_filter([{pesan}], lambda m: m IS NOT NULL) "
        "FROM (SELECT CAST(x AS VARCHAR) AS x, i FROM unnest(?) WITH ORDINALITY AS t(x, i)) ORDER BY i",
        [nilai],
    ).fetchall()
    return [(v, sorted(m or [])) for v, m in baris]


def _machine(teks) -> bool:
    """Numbers a program writes: the bulk format's syntax."""
    return teks is None or re.fullmatch(r"\s*[+-]?\d+(\.\d+)?\s*", teks) is not None


# Where the bulk reading differs on purpose: a lone '.' before three digits is a decimal point in a
# bulk file (a program wrote it) but thousands in a workbook's money, count, year and quarter columns.
BEDA_DISENGAJA = {("1.234", RUPIAH), ("1.234", JUMLAH), ("1.234", TAHUN), ("1.234", TRIWULAN)}


@pytest.mark.parametrize("kolom", KOLOM, ids=lambda k: f"{k.nama}-{k.jenis}")
def test_ketik_python_sama_dengan_sql(con, kolom):
    massal = _massal(con, kolom, ANGKA_SULIT + TEKS_SULIT)
    for nilai, (v_sql, m_sql) in zip(ANGKA_SULIT + TEKS_SULIT, massal):
        v_py, m_py = _python(kolom, nilai)
        angka = kolom.jenis not in (TEKS, KODE)
        if angka and aturan.teks(nilai) is not None and not _machine(aturan.teks(nilai)):
            # other syntax: the bulk file refuses what it cannot read the machine way, never guesses
            if any("bukan angka (berkas massal" in m for m in m_sql):
                assert v_sql is None, (nilai, v_sql)
                continue
            if re.fullmatch(r"\d+e\d+", aturan.teks(nilai)):  # exponent notation: machine syntax, bulk only
                continue
        if (aturan.teks(nilai), kolom.jenis) in BEDA_DISENGAJA:
            continue
        assert v_sql == v_py, (nilai, v_py, v_sql)
        assert m_sql == m_py, (nilai, m_py, m_sql)
