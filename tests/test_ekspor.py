"""Exports: the .pptx deck read back with python-pptx against DuckDB, PNG/SVG images, Excel tables
(formula injection included), and the download buttons and presentation mode in the app."""

from __future__ import annotations

import base64
import io
import pickle
from datetime import UTC, date, datetime

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
from halaman import buka
from halaman import grafik as grafik_at
from halaman import tabel as tabel_at
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from sakip_calc import store
from sakip_calc.calc import analisis, sebaran
from sakip_calc.calc import anggaran as agg
from sakip_calc.export import ekspor
from sakip_calc.presentation import dek, grafik

TANGGAL = date(2026, 5, 14)


@pytest.fixture(scope="module", autouse=True)
def penyaji():
    """One warm renderer for the module's images, closed when the module is done."""
    yield
    ekspor.hentikan_penyaji()


def _slide(prs) -> list:
    return list(prs.slides)


def _teks(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text]


def _judul(slide) -> str:
    """The slide title: the largest text on the slide."""
    kotak = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text]
    return max(kotak, key=lambda s: s.text_frame.paragraphs[0].runs[0].font.size or 0).text_frame.text


def _grafik(slide):
    bagan = [s for s in slide.shapes if s.has_chart]
    return bagan[0].chart if bagan else None


def _gambar(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def _seri(chart) -> dict[str, tuple]:
    return {s.name: tuple(s.values) for plot in chart.plots for s in plot.series}


def _dek(con, kode: str, tahun: int, halaman=dek.HALAMAN, pilihan: dict | None = None):
    iid = analisis.id_instansi(con, kode)
    daftar = dek.grafik_dek(con, iid, tahun, halaman, pilihan)
    prs = Presentation(io.BytesIO(ekspor.buat_dek(daftar, analisis.info_instansi(con, iid)["nama"], tahun, TANGGAL)))
    return iid, daftar, prs


def _sama_dengan_gambar(chart, fig) -> None:
    """Every point of every plotly trace is in the PowerPoint series of the same name, exactly."""
    seri = {s.name: dict(zip(map(str, plot.categories), s.values)) for plot in chart.plots for s in plot.series}
    for t in fig.data:
        if t.type == "pie":
            pasangan = zip(t.labels, t.values)
        elif t.orientation == "h":
            pasangan = zip(t.y, t.x)
        else:
            pasangan = zip(t.x, t.y)
        for k, v in pasangan:
            k = str(int(k)) if isinstance(k, float) and k.is_integer() else str(k)
            assert seri[t.name or "Nilai"][k] == (None if pd.isna(v) else pytest.approx(float(v), abs=0)), (t.name, k)


def _slide_berjudul(prs, awal: str):
    cocok = [s for s in _slide(prs)[1:] if _judul(s).startswith(awal)]
    assert len(cocok) == 1, (awal, [_judul(s) for s in _slide(prs)])
    return cocok[0]


# ---- the deck, read back --------------------------------------------------------------------


@pytest.mark.parametrize(
    "kode,tahun", [("dinsos-temanggung", 2023), ("dinsos-tegal", 2018), ("dinsos-tanjabbar", 2023)]
)
def test_dek_lengkap_judul_sumber_catatan_dan_jenis(con, kode, tahun):
    iid, daftar, prs = _dek(con, kode, tahun)
    info = analisis.info_instansi(con, iid)
    slides = _slide(prs)
    assert len(slides) == 1 + len(daftar) >= 8
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.001
    pembuka = "\n".join(_teks(slides[0]))
    assert info["nama"] in pembuka and str(tahun) in pembuka and "14 Mei 2026" in pembuka
    for slide, g in zip(slides[1:], daftar):
        teks = _teks(slide)
        assert _judul(slide) == g.judul and str(tahun) in g.judul
        assert g.sumber in teks and g.sumber.startswith(f"Sumber: {info['nama']}, ")
        assert slide.notes_slide.notes_text_frame.text == g.kalimat and g.kalimat
        if ekspor.bagan_asli(g.fig) is not None:
            assert _grafik(slide) is not None and not _gambar(slide), g.judul
            _sama_dengan_gambar(_grafik(slide), g.fig)
        else:
            assert _grafik(slide) is None and len(_gambar(slide)) == 1, g.judul
    # the charts PowerPoint can draw are charts, the others pictures
    jenis = {g.judul.split(" 2")[0]: ekspor.bagan_asli(g.fig) is not None for g in daftar}
    # Temanggung's capped scores are all 100: its chart shows the raw capaian (issue 15)
    utama = next(v for k, v in jenis.items() if k.endswith("apaian indikator utama"))
    assert utama and jenis["Pagu dan realisasi per program"]
    assert not jenis["Struktur pagu"]


def test_dek_temanggung_2023_sama_dengan_duckdb(con):
    iid, daftar, prs = _dek(con, "dinsos-temanggung", 2023)
    df = analisis.anggaran_tahun(con, iid, 2023)
    program = df[df["tingkat"] == "program"].set_index("kode")

    pagu = _grafik(_slide_berjudul(prs, "Pagu dan realisasi per program 2023"))
    seri = _seri(pagu)
    kode = [k.split(" ")[0] for k in pagu.plots[0].categories]
    assert sorted(kode) == sorted(program.index)
    assert list(seri["Pagu"]) == [program.loc[k, "pagu_dipakai"] for k in kode]
    assert list(seri["Realisasi"]) == [program.loc[k, "realisasi_dipakai"] for k in kode]
    total = analisis.total_anggaran(con, iid, 2023)
    assert sum(seri["Pagu"]) == total["pagu"] == 35_672_937_124
    assert sum(seri["Realisasi"]) == total["realisasi"] == 34_830_858_769
    assert pagu.value_axis.tick_labels.number_format.startswith(ekspor.ID)

    serapan = _grafik(_slide_berjudul(prs, "Serapan per program 2023"))
    # categories: the code and the program's short name beside it (issue 15)
    per_kode = dict(zip((k.split(" ")[0] for k in serapan.plots[0].categories), serapan.plots[0].series[0].values))
    assert per_kode == pytest.approx(
        {k: program.loc[k, "serapan"] for k in program.index if pd.notna(program.loc[k, "serapan"])}
    )
    label = [p.data_label.text_frame.text for p in serapan.plots[0].series[0].points]
    assert "94,72 %" in label  # Indonesian decimals in the data labels

    # the quarterly curve: a native combination of bars (per quarter) and lines (cumulative, pagu)
    kurva = agg.kurva_triwulan(store.anggaran_triwulan(con, iid, 2023))
    tw = _grafik(_slide_berjudul(prs, "Realisasi kumulatif per triwulan 2023"))
    assert [type(p).__name__ for p in tw.plots] == ["BarPlot", "LinePlot"]
    assert list(tw.plots[0].categories) == ["TW I", "TW II", "TW III", "TW IV"]
    seri = _seri(tw)
    assert list(seri["Realisasi triwulan"]) == kurva["realisasi"].tolist()
    assert list(seri["Realisasi kumulatif"]) == kurva["kumulatif"].tolist()
    assert [s for n, s in seri.items() if n.startswith("Pagu")] == [(float(kurva["pagu"].iloc[0]),) * 4]

    belanja = store.belanja(con, iid, 2023)
    donat = _grafik(_slide_berjudul(prs, "Komposisi realisasi belanja 2023"))
    assert dict(zip(donat.plots[0].categories, donat.plots[0].series[0].values)) == dict(
        zip(belanja["jenis_belanja"], belanja["realisasi"])
    )

    skor_df = analisis.skor_indikator(con, iid)
    iku = skor_df[
        (skor_df["tahun"] == 2023) & skor_df["tingkat"].isin(("sasaran", "program")) & skor_df["skor"].notna()
    ]
    # every capped score is 100: the slide shows the raw capaian (issue 15)
    capaian = _grafik(_slide_berjudul(prs, "Capaian indikator utama 2023 sebelum batas skor"))
    assert sorted(capaian.plots[0].series[0].values) == pytest.approx(sorted(iku["capaian"]))
    assert len(capaian.plots[0].categories) == len(iku) == 15

    ss01 = skor_df[skor_df["kode"] == "SS-01"].sort_values("tahun")
    tren = _grafik(_slide_berjudul(prs, "SS-01: target dan realisasi 2019–2023"))
    tahun = list(tren.plots[0].categories)
    seri = _seri(tren)
    per_tahun = dict(zip(ss01["tahun"].astype(int).astype(str), ss01["realisasi"]))
    assert [v for t, v in zip(tahun, seri["Realisasi"]) if t in per_tahun] == [
        None if pd.isna(per_tahun[t]) else per_tahun[t] for t in tahun if t in per_tahun
    ]


def test_dek_tegal_2018_bdt_per_kecamatan(con):
    iid, daftar, prs = _dek(con, "dinsos-tegal", 2018, (dek.WILAYAH,), {"wl_jenis": "BDT"})
    assert {_judul(s).split(",")[0] for s in _slide(prs)[1:]} >= {"Basis Data Terpadu (BDT/DTKS) per kecamatan"}
    harapan = sebaran.sebaran(store.wilayah(con, iid), 2018, "BDT")
    bdt = _grafik(_slide_berjudul(prs, "Basis Data Terpadu (BDT/DTKS) per kecamatan, 2018"))
    per_kec = dict(zip(bdt.plots[0].categories, bdt.plots[0].series[0].values))
    assert per_kec == dict(zip(harapan["nama"], harapan["nilai"]))
    assert len(per_kec) == 18 and sum(per_kec.values()) == 722_124
    label = {p.data_label.text_frame.text for p in bdt.plots[0].series[0].points}
    assert "58.941 (8,2 %)" in label  # thousands with dots, as in the app
    heatmap = _slide_berjudul(prs, "BDT/DTKS per kecamatan, 2018")
    assert _grafik(heatmap) is None and _gambar(heatmap)[0].image.size[0] >= 2400


@pytest.mark.parametrize("kode", ["dinsos-temanggung", "dinsos-tegal", "dinsos-tanjabbar"])
def test_dek_setiap_tahun_halaman_terpilih(con, kode):
    """Every year of every agency, a deck of the pages without images: only the ticked pages."""
    iid = analisis.id_instansi(con, kode)
    for tahun in sorted(set(store.tahun_data(con, iid)["tahun"])):
        _, daftar, prs = _dek(con, kode, int(tahun), (dek.CAPAIAN, dek.TREN))
        assert len(_slide(prs)) == 1 + len(daftar)
        assert {g.halaman for g in daftar} <= {dek.CAPAIAN, dek.TREN}
        for slide in _slide(prs)[1:]:
            assert _grafik(slide) is not None and not _gambar(slide)
            assert slide.shapes[0].text_frame.text.split("  ·  ")[0] in (dek.CAPAIAN.upper(), dek.TREN.upper())


def test_dek_tanpa_halaman_hanya_judul(con):
    _, daftar, prs = _dek(con, "dinsos-tegal", 2018, ())
    assert daftar == [] and len(_slide(prs)) == 1


# ---- the converter on small figures -----------------------------------------------------------


def test_konversi_batang_garis_pai_persis():
    fig = go.Figure([go.Bar(x=["a", "b", "c"], y=[1.5, 2, None], name="P"), go.Bar(x=["b", "c"], y=[3, 4], name="Q")])
    b = ekspor.bagan_asli(fig)
    assert b.jenis == "kolom" and b.kategori == ["a", "b", "c"]
    assert [(s.nama, s.nilai) for s in b.seri] == [("P", [1.5, 2.0, None]), ("Q", [None, 3.0, 4.0])]
    garis = go.Figure(
        [go.Scatter(x=[2021, 2019], y=[5, 3], mode="lines"), go.Scatter(x=[2018.0], y=[1], mode="markers")]
    )
    b = ekspor.bagan_asli(garis)
    assert b.jenis == "garis" and b.kategori == ["2018", "2019", "2021"]
    assert b.seri[0].nilai == [None, 3.0, 5.0] and b.seri[1].penanda_saja
    pai = go.Figure(
        go.Pie(labels=["x", "y"], values=[1, 3], hole=0.5, textinfo="percent+label", marker_colors=["#111", "#222"])
    )
    b = ekspor.bagan_asli(pai)  # largest slice first, as plotly draws it, colours kept with their slice
    assert b.jenis == "donat" and b.kategori == ["y", "x"] and b.seri[0].nilai == [3.0, 1.0]
    assert b.seri[0].label == ["75,0 %", "25,0 %"] and b.seri[0].warna == ["#222", "#111"]
    b = ekspor.bagan_asli(go.Figure(go.Pie(labels=["x", "y"], values=[1, 3], sort=False)))
    assert b.jenis == "pai" and b.kategori == ["x", "y"] and b.seri[0].label == ["1", "3"]


@pytest.mark.parametrize("kode", ["dinsos-temanggung", "dinsos-tegal", "dinsos-tanjabbar"])
def test_konversi_sama_setelah_pickle(con, kode):
    """st.cache_data pickles the deck's chart list; plotly 7 unpickles numeric arrays as typed
    arrays {dtype, bdata}. The second download (served from the cache) must equal the first."""
    iid = analisis.id_instansi(con, kode)
    bertipe = 0
    for tahun in sorted(set(store.tahun_data(con, iid)["tahun"])):
        for g in dek.grafik_dek(con, iid, int(tahun)):
            salinan = pickle.loads(pickle.dumps(g.fig))
            bertipe += any(isinstance(t[k], dict) for t in salinan.data for k in ("x", "y", "values") if k in t)
            assert ekspor.bagan_asli(salinan) == ekspor.bagan_asli(g.fig), (tahun, g.judul)
    assert bertipe  # the cached form was exercised


def test_larik_semua_bentuk():
    import numpy as np

    spek = {"dtype": "f8", "bdata": base64.b64encode(np.array([1.5, 2.0]).tobytes()).decode()}
    assert ekspor.larik(spek) == [1.5, 2.0]
    spek = {"dtype": "i2", "bdata": base64.b64encode(np.arange(6, dtype="<i2").tobytes()).decode(), "shape": "2, 3"}
    assert ekspor.larik(spek) == [[0, 1, 2], [3, 4, 5]]
    for bentuk in ([1, 2], (1, 2), np.array([1, 2]), pd.Series([1, 2]), pd.Index([1, 2])):
        assert ekspor.larik(bentuk) == [1, 2] and all(type(v) is int for v in ekspor.larik(bentuk))
    assert ekspor.larik(None) == []


def test_grafik_tanpa_padanan_jadi_gambar():
    kuadran = grafik.kuadran_efisiensi(
        pd.DataFrame(
            {
                "kode": ["1", "2"],
                "nama": ["A", "B"],
                "capaian": [100.0, 90.0],
                "serapan": [95.0, 99.0],
                "pagu": [1e9, 2e9],
                "status_efisiensi": ["efisien", "tidak efisien"],
            }
        ),
        "Kuadran 2023 (%)",
        "uji",
    )
    assert ekspor.bagan_asli(kuadran) is None
    assert ekspor.bagan_asli(go.Figure(go.Heatmap(z=[[1, 2]]))) is None
    assert ekspor.bagan_asli(go.Figure(go.Treemap(labels=["a"], parents=[""], values=[1]))) is None


# ---- images ---------------------------------------------------------------------------------


def test_png_dan_svg():
    fig = grafik.batang_serapan(
        pd.DataFrame({"label": ["Program A", "Program B"], "serapan": [97.64, 80.5]}),
        "Serapan per program 2023 (%)",
        "Dinas Sosial Kab. Uji, tabel anggaran",
    )
    png = ekspor.gambar_png(fig)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert int.from_bytes(png[16:20], "big") >= 1600
    svg = ekspor.gambar_svg(fig).decode()
    assert svg.startswith("<svg") and "Serapan per program 2023 (%)" in svg and "97,64 %" in svg


# ---- Excel ----------------------------------------------------------------------------------


def test_excel_format_dan_rumus_tidak_dijalankan():
    df = pd.DataFrame(
        {
            "Kode": ["=1+1", "@SUM(A1)", "+62 812", "-5 kg", "biasa"],
            "Pagu": [35_672_937_124.0, 1.0, None, 2.5, 0.0],
            "Jumlah": [1, 2, 3, 4, 5],
            "Waktu": [datetime(2026, 5, 14, 8, 0, tzinfo=UTC)] * 5,
            "Predikat": ["Baik"] * 5,
            "_warna": ["#1a9850", None, None, None, None],
        }
    )
    wb = openpyxl.load_workbook(
        io.BytesIO(ekspor.tabel_excel(df, {"Pagu": ekspor.ID + '"Rp "#,##0'}, "Capaian 2023", warna_kolom="Predikat"))
    )
    ws = wb.active
    assert ws.title == "Capaian 2023"
    assert [c.value for c in ws[1]] == ["Kode", "Pagu", "Jumlah", "Waktu", "Predikat"]
    assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2"
    for baris, teks in zip(ws.iter_rows(min_row=2, max_col=1), df["Kode"]):
        sel = baris[0]
        assert sel.value == teks and sel.data_type == "s", teks  # text, never a formula
    assert ws["A2"].quotePrefix and ws["A3"].quotePrefix
    assert ws["B2"].value == 35_672_937_124 and ws["B2"].number_format == ekspor.ID + '"Rp "#,##0'
    assert ws["B4"].value is None
    assert ws["C2"].value == 1 and ws["C2"].number_format == ekspor.ID + "#,##0"
    assert ws["D2"].value == datetime(2026, 5, 14, 8, 0)
    assert ws["E2"].fill.fgColor.rgb.endswith("1A9850")
    assert ws.column_dimensions["B"].width > ws.column_dimensions["C"].width >= 8


def test_aman_excel_bersama():
    ws = openpyxl.Workbook().active
    for i, nilai in enumerate(['=HYPERLINK("http://x")', "@SUM(A1)", "-2+3", "\t=1", 12.5, None], start=1):
        ekspor.aman_excel(ws.cell(row=i, column=1), nilai)
    assert [ws.cell(row=i, column=1).data_type for i in range(1, 5)] == ["s"] * 4
    assert ws["A5"].value == 12.5 and ws["A5"].data_type == "n" and ws["A6"].value is None


# ---- the app: download buttons, the deck button, presentation mode -----------------------------


@pytest.fixture
def cache_bersih():
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def _tombol(at) -> list[str]:
    return [b.proto.id.split("-", 2)[-1] for b in at.get("download_button")]


@pytest.mark.app  # through AppTest
def test_tombol_unduh_di_setiap_grafik_dan_tabel(cache_bersih):
    at = buka("dinsos-temanggung", 2023, "anggaran")
    kunci = _tombol(at)
    for g in ("ag_pagu", "ag_serapan", "ag_treemap", "ag_kuadran", "ag_triwulan", "ag_belanja"):
        assert f"{g}_png" in kunci and f"{g}_svg" in kunci
    assert sum(k.endswith("_xlsx") for k in kunci) == len(tabel_at(at))
    assert "dek_unduh" in kunci
    assert [c.label for c in at.sidebar.checkbox] == list(dek.HALAMAN)


@pytest.mark.app  # through AppTest
def test_mode_presentasi_satu_grafik_sebelum_berikut(cache_bersih, con):
    at = buka("dinsos-temanggung", 2023, "ringkasan")
    at.checkbox(key="dek_1").uncheck().run()  # without Capaian Kinerja
    at.toggle(key="presentasi").set_value(True).run()
    assert not at.exception
    harapan = dek.grafik_dek(
        con, analisis.id_instansi(con, "dinsos-temanggung"), 2023, tuple(h for h in dek.HALAMAN if h != dek.CAPAIAN)
    )
    assert len(grafik_at(at)) == 1 and not at.title
    assert any('[data-testid="stSidebar"]' in h.proto.body and "display: none" in h.proto.body for h in at.get("html"))
    assert at.markdown[0].value.startswith(f"1 / {len(harapan)} · ")
    at.button(key="pr_berikut").click().run()
    assert at.markdown[0].value.startswith(f"2 / {len(harapan)} · ")
    at.button(key="pr_sebelum").click().run()
    at.button(key="pr_sebelum").click().run()
    assert at.markdown[0].value.startswith(f"{len(harapan)} / {len(harapan)} · ")
    at.button(key="pr_keluar").click().run()
    assert not at.toggle(key="presentasi").value and at.title[0].value.startswith("Ringkasan")
