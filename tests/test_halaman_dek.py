"""Page and deck draw the same charts: for every page in the registry that goes into the deck,
every shipped agency and every year it has, the charts a user sees on the page (through AppTest)
equal the deck's charts for the same view (titles, trace names, categories, values); and a
choice made on a page (an indicator opened on Capaian Kinerja, a Tren selection, ...) reaches
the deck, even when the deck is taken from another page."""

from __future__ import annotations

import json
import math

import pytest
from halaman import INSTANSI, buka, cache_bersih, grafik, ke  # noqa: F401 (autouse fixture)
from streamlit.testing.v1 import AppTest

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.export import ekspor
from sakip_calc.presentation import dek
from sakip_calc.presentation import halaman as registri
from sakip_calc.presentation.bagian import wilayah as bagian_wilayah
from sakip_calc.presentation.tampilan import tampilan_koneksi

BATAS = {"instansi": analisis.BATAS_INSTANSI, "100": 100.0, "tanpa": None}


def _nilai(x):
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


def ringkas(spec: dict) -> dict:
    """What a chart says: title, and per trace its type, name and data arrays (typed arrays decoded)."""
    jejak = []
    for t in spec["data"]:
        larik = {
            k: [_nilai(x) for x in _rata(ekspor.larik(t[k]))]
            for k in ("x", "y", "z", "labels", "values", "parents")
            if k in t
        }
        jejak.append({"type": t.get("type"), "name": t.get("name"), **larik})
    # a long title is wrapped with <br> for narrow columns (issue 15); the deck's is one line
    return {"judul": spec["layout"]["title"]["text"].replace("<br>", " "), "jejak": jejak}


def _rata(x):
    # a heatmap's z is a list of rows
    return [v for baris in x for v in (baris if isinstance(baris, list) else [baris])]


def grafik_halaman(at: AppTest) -> list[dict]:
    """The page's charts that have data (the deck leaves empty ones out)."""
    hasil = [ringkas(g) for g in grafik(at)]
    return [g for g in hasil if g["jejak"]]


def tampilan_sesi(con, at: AppTest, kode: str):
    """The view the app has in this AppTest session: sidebar values and every registered choice."""
    s = at.session_state
    pilihan = {k: s[k] for k in registri.KUNCI if k in s}
    return tampilan_koneksi(
        con,
        analisis.id_instansi(con, kode),
        int(at.selectbox(key="tahun").value),
        at.selectbox(key="banding").value,
        BATAS[at.selectbox(key="batas").value],
        at.selectbox(key="skala").value,
        pilihan,
    )


def grafik_dek(con, at: AppTest, kode: str, h: registri.Halaman) -> list[dict]:
    v = tampilan_sesi(con, at, kode)
    return [ringkas(json.loads(g.fig.to_json())) for g in dek.grafik_tampilan(v, (h.judul,))]


@pytest.mark.parametrize("kode", INSTANSI)
def test_dek_sama_dengan_halaman_setiap_tahun(con, kode):
    tahun = sorted(set(store.tahun_data(con, analisis.id_instansi(con, kode))["tahun"]))
    at = buka(kode)
    dibanding = 0
    for t in tahun:
        at.selectbox(key="tahun").set_value(int(t)).run()
        for h in registri.DEK:
            ke(at, h.id)
            halaman = grafik_halaman(at)
            assert grafik_dek(con, at, kode, h) == halaman, f"{kode} {t} {h.id}"
            dibanding += len(halaman)
    assert dibanding >= len(tahun)


def _judul_presentasi(at: AppTest) -> list[str]:
    """Every slide title, stepping through presentation mode."""
    at.toggle(key="presentasi").set_value(True).run()
    jumlah = int(at.markdown[0].value.split(" · ", 1)[0].split(" / ")[1])  # "1 / 8 · **Ringkasan** · ..."
    judul = []
    for _ in range(jumlah):
        judul.append(grafik(at)[0]["layout"]["title"]["text"])
        at.button(key="pr_berikut").click().run()
    at.button(key="pr_keluar").click().run()
    return judul


def test_pilihan_di_halaman_sampai_ke_dek(con):
    """Non-default choices on four pages, then the deck taken from Ringkasan: every slide is the
    chart the user left on its page."""
    at = buka("dinsos-tegal", 2018, "capaian")
    pertama = at.selectbox(key="cp_indikator").value
    lain = at.selectbox(key="cp_indikator").options[3]
    kode_lain = lain.split(" · ")[0]
    assert kode_lain != pertama
    at.selectbox(key="cp_indikator").set_value(kode_lain).run()
    capaian = grafik_halaman(at)
    assert capaian[0]["judul"].startswith(f"{kode_lain}: target dan realisasi per tahun")

    ke(at, "tren")
    semua = [o.split(" · ")[0] for o in at.multiselect(key="tr_indikator").options]
    bawaan = at.multiselect(key="tr_indikator").value
    pilih = [k for k in semua if k not in bawaan][:2]
    at.multiselect(key="tr_indikator").set_value(pilih).run()
    at.radio(key="tr_bentuk").set_value("batang").run()
    at.selectbox(key="tr_satu").set_value(pilih[1]).run()
    tren = grafik_halaman(at)
    assert {j["type"] for j in tren[0]["jejak"]} == {"bar"} and tren[1]["judul"].startswith(f"{pilih[1]}:")

    ke(at, "wilayah")
    label = bagian_wilayah.label(tampilan_sesi(con, at, "dinsos-tegal"))
    jenis = list(label)[-1]
    assert at.selectbox(key="wl_jenis").value != jenis
    at.selectbox(key="wl_jenis").set_value(jenis).run()
    wilayah = grafik_halaman(at)
    assert wilayah[0]["judul"].startswith(f"{label[jenis]} per kecamatan")

    ke(at, "anggaran")
    at.selectbox(key="ag_metode").set_value("sisa").run()
    anggaran = grafik_halaman(at)

    # the deck from another page: the choices were kept for the session and reach the slides
    ke(at, "ringkasan")
    for h in registri.DEK:
        assert grafik_dek(con, at, "dinsos-tegal", h) == {
            "capaian": capaian,
            "tren": tren,
            "wilayah": wilayah,
            "anggaran": anggaran,
            "pemantauan": [],  # Tegal 2018 has no quarterly data: the page shows its empty state, no slide
        }.get(h.id, grafik_halaman(at)), h.id
    # and through the app's own deck (presentation mode shows the deck's chart list): only Capaian and Tren ticked
    for i, h in enumerate(registri.DEK):
        if h.id not in ("capaian", "tren"):
            at.checkbox(key=f"dek_{i}").uncheck().run()
    assert _judul_presentasi(at) == [g["judul"] for g in capaian + tren]


def test_pilihan_tahun_wilayah_mulai_lagi_saat_tahun_berganti():
    """The year of regional data follows the sidebar year: chosen on the page, it starts afresh
    when the sidebar year changes, so the slide and the page show the new year's data."""
    at = buka("dinsos-tegal", 2018, "wilayah")
    at.selectbox(key="wl_tahun").set_value(2017).run()
    assert at.selectbox(key="wl_tahun").value == 2017
    ke(at, "ringkasan")
    at.selectbox(key="tahun").set_value(2017).run()
    at.selectbox(key="tahun").set_value(2018).run()
    ke(at, "wilayah")
    assert at.selectbox(key="wl_tahun").value == 2018
