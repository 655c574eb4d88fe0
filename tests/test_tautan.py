"""Bookmarks hold page choices (issue 15 item 6), through AppTest: a page opened with a link sets
its widgets from it, a widget change is written back, an unknown value is said and the default
shown, and a link is the bookmark of the page it opens only."""

from __future__ import annotations

from halaman import AKAR, cache_bersih, grafik  # noqa: F401
from streamlit.testing.v1 import AppTest

from sakip_calc.presentation import halaman as registri

TEMANGGUNG = "Dinas Sosial Kabupaten Temanggung"
TEGAL = "Dinas Sosial Kabupaten Tegal"


def buka_tautan(halaman: str, **param) -> AppTest:
    """A fresh session opening `/<halaman>?param` (a list: the key repeated)."""
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60)
    for k, x in param.items():
        at.query_params[k] = x
    at.switch_page(str(AKAR / "pages" / f"{halaman}.py"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def url(at: AppTest, kunci: str) -> list[str]:
    """The link's values under `kunci` (AppTest gives one value as a string)."""
    x = at.query_params[kunci]
    return x if isinstance(x, list) else [x]


def peringatan(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if "dari tautan" in w.value]


def test_setiap_pilihan_halaman_punya_nama_tautan():
    """Every registered page choice has its name in the link (the deck follows the same keys)."""
    assert set(registri.TAUTAN) == set(registri.KUNCI)
    assert registri.TAUTAN["ag_metode"] == "metode" and registri.TAUTAN["tr_satu"] == "rinci"


def test_metode_efisiensi_dari_tautan_dan_kembali_ke_tautan(cache_bersih):  # noqa: F811
    at = buka_tautan("anggaran", instansi=TEMANGGUNG, metode="sisa")
    assert at.selectbox(key="ag_metode").value == "sisa"
    assert url(at, "metode") == ["sisa"] and peringatan(at) == []
    # the caption names the chosen method, so the page really shows it
    assert any("Sisa anggaran" in c.value for c in at.caption)
    at.selectbox(key="ag_metode").set_value("rasio").run()
    assert url(at, "metode") == ["rasio"]


def test_nilai_tautan_tak_dikenal_diperingatkan_dan_bawaan(cache_bersih):  # noqa: F811
    at = buka_tautan("anggaran", instansi=TEMANGGUNG, metode="tebakan")
    assert at.selectbox(key="ag_metode").value == "selisih"
    assert peringatan(at) == [
        'Metode efisiensi "tebakan" dari tautan bukan pilihan di halaman ini; yang ditampilkan: '
        "Selisih capaian kinerja dan serapan anggaran."
    ]
    assert url(at, "metode") == ["selisih"]
    # the warning lasts while the default it names is shown; another choice ends it
    at.selectbox(key="ag_metode").set_value("rasio").run()
    assert peringatan(at) == []


def test_tren_indikator_daftar_rinci_dan_bentuk(cache_bersih):  # noqa: F811
    at = buka_tautan("tren", instansi=TEMANGGUNG, indikator=["PG-01", "PG-02", "XX-99"], rinci="PG-02", bentuk="batang")
    assert at.multiselect(key="tr_indikator").value == ["PG-01", "PG-02"]
    assert at.selectbox(key="tr_satu").value == "PG-02"
    assert at.radio(key="tr_bentuk").value == "batang"
    assert peringatan(at) == [
        'Indikator "XX-99" dari tautan bukan pilihan di halaman ini; yang ditampilkan: PG-01, PG-02.'
    ]
    # the chart is the linked view: two indicators as bars
    fig = grafik(at)[0]
    assert [(t["type"], t["name"]) for t in fig["data"]] == [("bar", "PG-01"), ("bar", "PG-02")]
    at.selectbox(key="tr_satu").set_value("PG-01").run()
    assert url(at, "rinci") == ["PG-01"] and url(at, "indikator") == ["PG-01", "PG-02"]


def test_tren_tanpa_indikator_tetap_kosong(cache_bersih):  # noqa: F811
    """An empty choice is written as one empty value, and read back as empty, not as the default."""
    at = buka_tautan("tren", instansi=TEMANGGUNG)
    at.multiselect(key="tr_indikator").set_value([]).run()
    assert url(at, "indikator") == [""]
    baru = buka_tautan("tren", instansi=TEMANGGUNG, indikator="")
    assert baru.multiselect(key="tr_indikator").value == []


def test_wilayah_jenis_kecamatan_dan_tahun(cache_bersih):  # noqa: F811
    at = buka_tautan("wilayah", instansi=TEGAL, jenis="PKH", kelompok="PSKS", kecamatan="Dukuhwaru", jenis_desa="BPNT")
    assert at.selectbox(key="wl_jenis").value == "PKH"
    assert at.selectbox(key="wl_kelompok").value == "PSKS"
    assert at.selectbox(key="wl_kec").value == "Dukuhwaru"
    assert at.selectbox(key="wl_desa_jenis").value == "BPNT"
    assert url(at, "tahun_wilayah") == ["2018"] and url(at, "jenis") == ["PKH"] and peringatan(at) == []
    # the year of regional data other than the sidebar's, and a kelompok that year does not have
    lalu = buka_tautan("wilayah", instansi=TEGAL, tahun_wilayah="2017", kelompok="PSKS")
    assert lalu.selectbox(key="wl_tahun").value == 2017
    assert peringatan(lalu) == [
        'Kelompok "PSKS" dari tautan bukan pilihan di halaman ini; yang ditampilkan: Bantuan sosial.'
    ]


def test_capaian_saringan_dan_cari(cache_bersih):  # noqa: F811
    at = buka_tautan("capaian", instansi=TEGAL, tingkat="sasaran", cari="SS-2", indikator="SS-24")
    assert at.multiselect(key="cp_tingkat").value == ["sasaran"]
    assert at.text_input(key="cp_cari").value == "SS-2"
    assert at.selectbox(key="cp_indikator").value == "SS-24"
    assert url(at, "cari") == ["SS-2"]


def test_tautan_milik_halaman_yang_dibuka_saja(cache_bersih):  # noqa: F811
    """Tren's 'indikator' is not Capaian's: moving on drops Tren's names, and Capaian's indicator
    starts from its own default, without a warning."""
    at = buka_tautan("tren", instansi=TEMANGGUNG, indikator=["PG-03"], rinci="PG-03", bentuk="batang")
    at.switch_page(str(AKAR / "pages" / "capaian.py"))
    at.run()
    assert not at.exception
    assert "rinci" not in at.query_params and "bentuk" not in at.query_params
    assert at.selectbox(key="cp_indikator").value != "PG-03" and peringatan(at) == []
    assert url(at, "instansi") == [TEMANGGUNG]
