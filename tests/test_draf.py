"""The LKjIP Chapter III draft, read back with python-docx for the three embedded agency-years:
every table value equals the database, every number in the prose is a value computed here from
the database rows, each of the seven analyses is there or marked missing for every sasaran, and
a direction word never contradicts the numbers it describes."""

from __future__ import annotations

import io
import re

import docx
import pandas as pd
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.domain import rumus
from sakip_calc.export import ekspor
from sakip_calc.presentation import draf, narasi
from sakip_calc.presentation.tampilan import tampilan_koneksi

KASUS = (("dinsos-temanggung", 2023), ("dinsos-tegal", 2018), ("dinsos-tanjabbar", 2023))


@pytest.fixture(scope="module", autouse=True)
def penyaji():
    yield
    ekspor.hentikan_penyaji()


@pytest.fixture(scope="module")
def dokumen(con):
    hasil = {}
    for kode, tahun in KASUS:
        iid = analisis.id_instansi(con, kode)
        hasil[kode] = docx.Document(io.BytesIO(draf.draf_instansi(con, iid, tahun, tanda_draf=kode == KASUS[0][0])))
    return hasil


def blok(d) -> list[Paragraph | Table]:
    """The body in order: paragraphs and tables."""
    return [
        Paragraph(el, d) if el.tag == qn("w:p") else Table(el, d)
        for el in d.element.body.iterchildren()
        if el.tag in (qn("w:p"), qn("w:tbl"))
    ]


def tabel_berjudul(d, awal: str) -> list[tuple[str, Table]]:
    """(caption, table) of every table whose caption starts with `awal`."""
    hasil, judul = [], None
    for b in blok(d):
        if isinstance(b, Paragraph) and b.style.name == "Caption":
            judul = b.text
        elif isinstance(b, Table) and judul and re.match(r"Tabel 3\.\d+ " + re.escape(awal), judul):
            hasil.append((judul, b))
    return hasil


def angka(teks: str) -> float | None:
    """A cell or token as written by the draft: '1.234.567', '65,29', '–'."""
    t = teks.strip()
    return None if t in ("", "–") else float(t.replace(".", "").replace(",", "."))


def sama(teks: str, nilai) -> bool:
    """The printed figure equals `nilai` at the precision printed."""
    x = angka(teks)
    if x is None or nilai is None or pd.isna(nilai):
        return x is None and (nilai is None or pd.isna(nilai))
    desimal = len(teks.strip().split(",")[1]) if "," in teks else 0
    return abs(x - float(nilai)) <= 0.5 * 10**-desimal + 1e-9


def tahunan(con, kode: str) -> pd.DataFrame:
    """The agency's yearly indicator rows, straight from the store (no scoring code)."""
    df = store.indikator_capaian(con, analisis.id_instansi(con, kode))
    return df[df["triwulan"].isna() & df["tahun"].notna()]


@pytest.mark.parametrize("kode,tahun", KASUS)
def test_tabel_capaian_sama_dengan_basis_data(con, dokumen, kode, tahun):
    rows = tahunan(con, kode)
    info = analisis.info_instansi(con, analisis.id_instansi(con, kode))
    tabel = tabel_berjudul(dokumen[kode], "Capaian indikator")
    assert tabel
    dilihat = 0
    for _, t in tabel:
        for baris in t.rows[1:-1]:
            sel = [c.text for c in baris.cells]
            ini = rows[(rows["nama"] == sel[1]) & (rows["tahun"] == tahun)]
            assert len(ini) == 1, sel[1]
            r = ini.iloc[0]
            lalu = rows[(rows["indikator_id"] == r["indikator_id"]) & (rows["tahun"] == tahun - 1)]["realisasi"]
            assert sel[2] == (r["satuan"] or "–")
            assert sama(sel[3], lalu.iloc[0] if len(lalu) else None), sel
            assert sama(sel[4], r["target"]) and sama(sel[5], r["realisasi"]), sel
            assert sama(sel[6], rumus.capaian(r["target"], r["realisasi"], r["polaritas"], r["target_atas"])), sel
            assert sama(sel[8], r["target_akhir"]), sel
            dilihat += 1
        # the last row: the mean of the indicators' scores (capped at the agency's cap)
        skor = [
            rumus.skor(rumus.capaian(x.target, x.realisasi, x.polaritas, x.target_atas), info["batas_capaian"])
            for x in rows[(rows["tahun"] == tahun) & rows["nama"].isin([b.cells[1].text for b in t.rows[1:-1]])]
            .drop_duplicates("indikator_id")
            .itertuples()
        ]
        skor = [s for s in skor if s is not None]
        assert sama(t.rows[-1].cells[6].text, sum(skor) / len(skor) if skor else None)
    iku = rows[(rows["tahun"] == tahun) & rows["tingkat"].isin(["tujuan", "sasaran"])]
    assert dilihat == len(iku)  # every tujuan and sasaran indicator of the year, once


@pytest.mark.parametrize("kode,tahun", KASUS)
def program_dipakai(con, kode: str, tahun: int) -> pd.DataFrame:
    """Program rows from the store; a program stating no pagu/realisasi takes the sum of its
    kegiatan (README, Perhitungan: the row says so)."""
    ang = store.anggaran(con, analisis.id_instansi(con, kode), tahun)
    anak = ang.groupby("induk_kode")[["pagu", "realisasi"]].sum(min_count=1)
    program = ang[ang["tingkat"] == "program"].copy()
    for kolom in ("pagu", "realisasi"):
        program[kolom] = program[kolom].fillna(program["kode"].map(anak[kolom]))
    return program


@pytest.mark.parametrize("kode,tahun", KASUS)
def test_tabel_anggaran_sama_dengan_basis_data(con, dokumen, kode, tahun):
    program = program_dipakai(con, kode, tahun).set_index("kode")
    (_, t), *_ = tabel_berjudul(dokumen[kode], "Pagu dan realisasi")
    for baris in t.rows[1:-1]:
        sel = [c.text for c in baris.cells]
        p = program.loc[sel[1]]
        assert sama(sel[3], p["pagu"]) and sama(sel[4], p["realisasi"]), sel
        serapan = p["realisasi"] / p["pagu"] * 100 if p["pagu"] else None
        assert sama(sel[5], serapan), sel
    assert len(t.rows) - 2 == len(program)
    jumlah = [c.text for c in t.rows[-1].cells]
    assert sama(jumlah[3], program["pagu"].sum()) and sama(jumlah[4], program["realisasi"].sum(min_count=1))


def test_temanggung_angka_laporan(dokumen):
    """LKjIP Temanggung 2023 Tabel 3.9 and 3.10: 35.672.937.124 / 34.830.858.769, 97,64 %, efisiensi 2,36."""
    d = dokumen["dinsos-temanggung"]
    (_, t), *_ = tabel_berjudul(d, "Pagu dan realisasi")
    assert [c.text for c in t.rows[-1].cells][3:] == ["35.672.937.124", "34.830.858.769", "97,64"]
    (_, e), *_ = tabel_berjudul(d, "Efisiensi anggaran per sasaran")
    for baris in e.rows[1:]:  # the one sasaran, and the agency row
        assert [c.text for c in baris.cells][4:] == ["97,64", "100", "2,36"]
    teks = "\n".join(p.text for p in d.paragraphs).replace("\xa0", " ")
    assert "target 2023 63 %, realisasi 65,29 %, capaian 103,63 %" in teks
    assert "adalah 2,36 poin" in teks


# ---- the prose: every number is one computed here from the database ---------------------------


def nilai_sah(con, kode: str, tahun: int) -> set[float]:
    """Every value a sentence of the draft may print, computed from the store rows: the
    indicators' yearly figures, changes between years, gaps to the Renstra end target and the
    pace per remaining year, the budget of each program and of the agency, efficiency."""
    iid = analisis.id_instansi(con, kode)
    info = analisis.info_instansi(con, iid)
    rows = tahunan(con, kode).sort_values("tahun")
    sah: set[float] = set(range(0, 61))  # years, counts of indicators/programs/years
    sah |= set(rows["tahun"].astype(float))
    skor_tahun: dict[int, list] = {}
    kelompok: dict[tuple, list] = {}  # the mean of a tujuan's or sasaran's indicators
    for _, g in rows.groupby("indikator_id"):
        g = g[g["realisasi"].notna()]
        cap = [rumus.capaian(r.target, r.realisasi, r.polaritas, r.target_atas) for r in g.itertuples()]
        for r, c in zip(g.itertuples(), cap):
            sah |= {r.target, r.realisasi, r.capaian_dilaporkan, r.target_akhir, r.periode_akhir}
            if c is not None:
                sah |= {c, rumus.skor(c, info["batas_capaian"]), 100 - c}
                skor = rumus.skor(c, info["batas_capaian"])
                if r.tingkat in ("sasaran", "program"):
                    skor_tahun.setdefault(int(r.tahun), []).append(skor)
                kelompok.setdefault((int(r.tahun), r.tingkat, r.sasaran), []).append(skor)
            if rumus.ada(r.target_akhir):
                sah |= {rumus.capaian(r.target_akhir, r.realisasi, r.polaritas), abs(r.target_akhir - r.realisasi)}
                if rumus.ada(r.periode_akhir) and r.periode_akhir > r.tahun:
                    sah.add(abs(r.target_akhir - r.realisasi) / (r.periode_akhir - r.tahun))
        for (a, ca), (b, cb) in zip(list(zip(g.itertuples(), cap))[:-1], list(zip(g.itertuples(), cap))[1:]):
            sah.add(abs(b.realisasi - a.realisasi))
            if a.realisasi:
                sah.add(abs(b.realisasi - a.realisasi) / abs(a.realisasi) * 100)
            if ca is not None and cb is not None:
                sah.add(abs(cb - ca))
    rata = {t: sum(s) / len(s) for t, s in skor_tahun.items()}
    sah |= {sum(s) / len(s) for s in kelompok.values()}
    sah |= set(rata.values()) | {abs(rata[tahun] - rata[b]) for b in rata if b != tahun and tahun in rata}
    program = program_dipakai(con, kode, tahun)
    pagu, real = program["pagu"].sum(), program["realisasi"].sum(min_count=1)
    for p, r in [*zip(program["pagu"], program["realisasi"]), (pagu, real)]:
        sah |= {p, r, p / 1e9, p / 1e6}
        if rumus.ada(r) and not pd.isna(r):
            sah |= {r / 1e9, r / 1e6}
            if p:
                sah |= {r / p * 100, 100 - r / p * 100}  # serapan, and capaian 100 minus serapan
                if tahun in rata:
                    sah.add(rata[tahun] - r / p * 100)
    return {float(x) for x in sah if x is not None and not pd.isna(x)}


_ANGKA = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w])|(?<![\w.,])\d+(?:,\d+)?(?![\w])")


def buang_nama(teks: str, nama: list[str]) -> str:
    """The prose without the names and codes it quotes (an indicator's name may hold digits)."""
    for n in sorted(nama, key=len, reverse=True):
        teks = teks.replace(n, " ").replace(narasi._pendek(n, 90), " ").replace(narasi._pendek(n, 70), " ")
    teks = re.sub(r"\b(Tabel|Gambar) 3\.\d+", " ", teks)
    return re.sub(r"\b[A-Z]{2}-\d+\b|\b\d+(?:\.\d+){1,4}\b(?= )", " ", teks)


def prosa(d) -> list[str]:
    """Paragraphs of 3.1 and 3.2 (not tables, captions, source lines, the agency's notes or the
    data-problem list)."""
    hasil, di_dalam = [], False
    for p in d.paragraphs:
        if p.style.name.startswith("Heading"):
            di_dalam = p.text.startswith(("3.1", "3.2", "Tujuan", "Sasaran"))
            continue
        if di_dalam and p.style.name != "Caption" and not p.text.startswith("Sumber"):
            # the agency's own explanations are its words, not computed figures
            hasil.append(re.sub(r"Menurut penjelasan instansi,.*", "", p.text))
    return hasil


@pytest.mark.parametrize("kode,tahun", KASUS)
def test_setiap_angka_prosa_adalah_hitungan(con, dokumen, kode, tahun):
    sah = sorted(nilai_sah(con, kode, tahun))
    iid = analisis.id_instansi(con, kode)
    nama = list(store.indikator_capaian(con, iid)["nama"].unique())
    nama += list(store.anggaran(con, iid, tahun)["nama"]) + list(store.indikator_capaian(con, iid)["sasaran"].dropna())
    nama += [m.label for m in __import__("sakip_calc.calc.efisiensi", fromlist=["METODE"]).METODE.values()]
    diperiksa = 0
    for teks in prosa(dokumen[kode]):
        for m in _ANGKA.finditer(buang_nama(teks, nama)):
            token = m.group()
            assert any(sama(token, x) for x in sah), f"{token!r} bukan hitungan dari data: {teks}"
            diperiksa += 1
    assert diperiksa > 20


# ---- the seven analyses ----------------------------------------------------------------------

HILANG = (narasi.TIDAK_ADA, "[Diisi instansi", "dinilai per sasaran strategis")


def analisis_per_sasaran(d) -> dict[str, list[str]]:
    """Heading 3 -> the text of each analysis under it (label paragraph plus its bullets)."""
    hasil: dict[str, list[str]] = {}
    judul = None
    for p in d.paragraphs:
        if p.style.name == "Heading 3":
            judul = p.text
            hasil[judul] = []
        elif p.style.name.startswith("Heading"):
            judul = None
        elif judul and re.match(r"\(\d\) ", p.text):
            hasil[judul].append(p.text)
        elif judul and hasil[judul] and (p.style.name == "List Bullet" or p.text.startswith("[Diisi")):
            hasil[judul][-1] += " " + p.text
    return {j: [a.replace("\xa0", " ") for a in isi] for j, isi in hasil.items()}


@pytest.mark.parametrize("kode,tahun", KASUS)
def test_tujuh_analisis_ada_atau_ditandai_hilang(con, dokumen, kode, tahun):
    per = analisis_per_sasaran(dokumen[kode])
    rows = tahunan(con, kode)
    sasaran = rows[(rows["tahun"] == tahun) & (rows["tingkat"] == "sasaran")]["sasaran"].unique()
    assert sum(j.startswith("Sasaran strategis") for j in per) == len(sasaran)
    for judul, isi in per.items():
        assert [a[:3] for a in isi] == [f"({i})" for i in range(1, 8)], judul
        for a in isi:
            badan = re.sub(r"^\(\d\) [^.]*\.", "", a).strip()
            assert badan, (judul, a)  # never a bare label
        # what the data cannot know is always the agency's, or marked missing
        assert any(h in isi[3] for h in HILANG) or "penjelasan instansi" in isi[3]
        assert any(h in isi[4] for h in HILANG) or "penjelasan instansi" in isi[4]


def test_analisis_yang_hilang_disebut(dokumen):
    tanjab = analisis_per_sasaran(dokumen["dinsos-tanjabbar"])
    ss1 = next(v for k, v in tanjab.items() if k.startswith("Sasaran strategis 1"))
    assert "target akhir Renstra tidak tersedia" in ss1[2]  # target_akhir is empty in the workbook
    assert "tidak tersedia" in ss1[6] and "[Diisi instansi" in ss1[6]  # no program names this sasaran
    tegal = analisis_per_sasaran(dokumen["dinsos-tegal"])
    for judul, isi in tegal.items():
        if judul.startswith("Sasaran"):
            assert "Efisiensi tidak tersedia" in isi[5], judul  # several sasaran, no program names one
    (_, e), *_ = tabel_berjudul(dokumen["dinsos-tegal"], "Efisiensi anggaran per sasaran")
    instansi = [c.text for c in e.rows[-1].cells]
    assert [instansi[i] for i in (3, 4, 6)] == ["–"] * 3  # Tegal 2018 lists planned budgets only, no realisasi
    temanggung = analisis_per_sasaran(dokumen["dinsos-temanggung"])
    ss = next(v for k, v in temanggung.items() if k.startswith("Sasaran strategis 1"))
    assert "seluruh program instansi (7 program)" in ss[6] and "1.06.06 (94,72 %)" in ss[6]


def test_arah_perubahan_sesuai_angka(dokumen):
    """'naik dari A (t0) menjadi B' only when B > A; 'turun' only when B < A; 'membaik' by polarity."""
    dilihat = 0
    for d in dokumen.values():
        for p in d.paragraphs:
            for m in re.finditer(r"realisasi (naik|turun) dari ([\d.,]+)[^()]*\(\d{4}\) menjadi ([\d.,]+)", p.text):
                a, b = angka(m.group(2)), angka(m.group(3))
                assert (b > a) if m.group(1) == "naik" else (b < a), p.text
                dilihat += 1
    assert dilihat >= 5
    teks = "\n".join(p.text for p in dokumen["dinsos-tanjabbar"].paragraphs).replace("\xa0", " ")
    assert "realisasi turun dari 95 % (2022) menjadi 80 % (2023)" in teks and "artinya memburuk" in teks


def test_halaman_a4_nomor_halaman_dan_tanda_draf(dokumen):
    for kode, d in dokumen.items():
        s = d.sections[0]
        assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
        assert "PAGE" in s.footer._element.xml
        kepala = [p.text for p in s.header.paragraphs]
        assert ("DRAF" in kepala) == (kode == "dinsos-temanggung"), kepala
        gaya = {p.style.name for p in d.paragraphs}
        assert {"Heading 1", "Heading 2", "Heading 3", "Caption"} <= gaya
        assert all(t.style.name == "Table Grid" for t in d.tables)
        gambar = [p.text for p in d.paragraphs if p.style.name == "Caption" and p.text.startswith("Gambar 3.")]
        assert len(gambar) == len(d.inline_shapes) >= 3
        nomor = [
            int(re.match(r"Tabel 3\.(\d+)", p.text).group(1)) for p in d.paragraphs if p.text.startswith("Tabel 3.")
        ]
        assert nomor == list(range(1, len(d.tables) + 1))


def test_masalah_data_draf(con, dokumen):
    iid = analisis.id_instansi(con, "dinsos-temanggung")
    v = tampilan_koneksi(con, iid, 2023, 2022)
    masalah = draf.masalah_draf(analisis.masalah_data(con, iid), 2023, set(draf.capaian.tahun_ini(v)["kode"]))
    d = dokumen["dinsos-temanggung"]
    butir = [p.text for p in d.paragraphs if p.style.name == "List Bullet" and " — " in p.text]
    assert len(butir) == len(masalah) > 0
    assert any("Efisiensi dilaporkan berbeda" in b and "246.292.643" in b for b in butir)  # 001 line 963
