"""Short tables drawn as HTML (`Tabel.html`, chosen by `dasbor.tabel`): what a page shows of a
section's table, with the seeds' numbers; workbook text stays text; the choice between HTML and
the grid (a table whose rows are picked is always HTML), through a Streamlit run."""

from __future__ import annotations

import pandas as pd
from halaman import baca_html
from streamlit.testing.v1 import AppTest

from sakip_calc.calc import analisis
from sakip_calc.presentation.bagian import anggaran
from sakip_calc.presentation.tampilan import F_BILANGAN, F_PERSEN, Tabel, tampilan_koneksi


def test_efisiensi_temanggung_seperti_laporan(con):
    v = tampilan_koneksi(con, analisis.id_instansi(con, "dinsos-temanggung"), 2023, 2022)
    per_program = anggaran.tabel_efisiensi(v)[0]
    t = baca_html(per_program.html())
    assert not [k for k in t.tampil.columns if k.startswith("_")]
    teks, nilai = t.tampil.set_index("Kode"), t.value.set_index("Kode")
    # 001 line 1027: PROGRAM PEMBERDAYAAN SOSIAL 430.750.000 430.694.450 99,99
    assert teks.loc["1.06.02", "Pagu"] == "Rp 430.750.000"
    assert teks.loc["1.06.02", "Realisasi"] == "Rp 430.694.450"
    assert teks.loc["1.06.02", "Serapan (%)"] == "99,99"
    assert nilai.loc["1.06.02", "Pagu"] == 430_750_000
    # a program without pagu has no serapan: shown "–", read as missing, never 0 or "nan"
    assert teks.loc["1.06.03", "Serapan (%)"] == "–" and pd.isna(nilai.loc["1.06.03", "Serapan (%)"])
    assert teks.loc["1.06.01", "Status"] == "tidak dapat dinilai"


def test_teks_buku_kerja_tetap_teks_dan_angka_seperti_di_layar():
    df = pd.DataFrame(
        {
            "Nama": ["<script>alert(1)</script>", "Fakir & miskin"],
            "Target": [58_000.0, 97.644],
            "Capaian": [95.5, None],
            "Jumlah": [3, 4],
            "_warna": ["#d73027", None],
        }
    )
    teks = Tabel(df, {"Target": F_BILANGAN, "Capaian": F_PERSEN}, warna_kolom="Capaian").html()
    assert "<script" not in teks and "&lt;script&gt;" in teks
    t = baca_html(teks)
    assert list(t.tampil.columns) == ["Nama", "Target", "Capaian", "Jumlah"]
    assert t.tampil["Nama"].tolist() == ["<script>alert(1)</script>", "Fakir & miskin"]
    # counts whole (58.000, not 58.000,00), measured values with two decimals, no "-0", "–" for none
    assert t.tampil["Target"].tolist() == ["58.000", "97,64"]
    assert t.tampil["Capaian"].tolist() == ["95,50 %", "–"]
    assert t.tampil["Jumlah"].tolist() == ["3", "4"]
    assert t.value["Target"].tolist() == [58_000, 97.644]
    assert 'style="background-color:#d73027;color:#111">95,50 %' in teks


def test_kolom_tetap_di_depan_dan_tinggi_tabel():
    df = pd.DataFrame({"Nilai": [1.0], "Kode": ["SK-1"], "Status": ["aman"]})
    konfigurasi = {"column_config": {"Kode": {"pinned": True}, "Status": {"pinned": True}}, "height": 460}
    teks = Tabel(df, {}, opsi=konfigurasi).html()
    assert list(baca_html(teks).tampil.columns) == ["Kode", "Status", "Nilai"]
    assert 'style="max-height:460px"' in teks


def _satu_tabel(baris: int, pilih: bool) -> None:
    import pandas as pd

    import dasbor as d

    df = pd.DataFrame({"Kode": [f"K{i}" for i in range(baris)], "Nilai": [float(i) for i in range(baris)]})
    d.tabel(df, {}, pilih=(lambda: None) if pilih else None, key="t")


def test_tabel_pendek_atau_dipilih_html_panjang_grid():
    from dasbor.widget import BARIS_HTML_MAKS

    kasus = ((BARIS_HTML_MAKS, False, 0), (BARIS_HTML_MAKS + 1, False, 1), (BARIS_HTML_MAKS + 1, True, 0))
    for baris, pilih, grid in kasus:
        at = AppTest.from_function(_satu_tabel, args=(baris, pilih))
        at.run()
        assert not at.exception
        html = [k for k in at.get("bidi_component") if k.proto.component_name == "sakip_tabel"]
        assert (len(at.dataframe), len(html)) == (grid, 1 - grid), (baris, pilih)
        # the Excel download is there either way
        assert [b.label for b in at.get("download_button")] == ["Excel"]


def _tabel_panjang() -> None:
    import pandas as pd

    import dasbor as d
    from dasbor.widget import BARIS_HTML_MAKS
    from sakip_calc.presentation.tampilan import F_PERSEN

    n = BARIS_HTML_MAKS + 1
    df = pd.DataFrame(
        {"Kode": [f"K{i}" for i in range(n)], "Capaian": [None] + [95.5] * (n - 1), "Jumlah": [58_000.0] * n}
    )
    d.tabel(df, {"Capaian": F_PERSEN})


def test_grid_dan_html_menampilkan_sel_yang_sama():
    """A long table (the grid) shows each cell as the HTML table would (`sel`, one definition)."""
    from halaman import tabel as tabel_at

    from sakip_calc.presentation.tampilan import F_PERSEN

    at = AppTest.from_function(_tabel_panjang)
    at.run()
    assert not at.exception and len(at.dataframe) == 1
    grid = tabel_at(at)[0]
    html = baca_html(Tabel(grid.value, {"Capaian": F_PERSEN}).html())
    assert grid.tampil.astype(str).values.tolist() == html.tampil.values.tolist()
    assert grid.tampil.iloc[0].tolist() == ["K0", "–", "58.000"]
