"""Exports for evaluation meetings: a 16:9 slide deck, chart images, and Excel tables.

The public face of the export package: pages, the deck builder, bench scripts and tests import
these names from here (`from sakip_calc.export import ekspor`); the work is done by one module
per concern, and this module must not grow code of its own:
- office.py      the Indonesian number-format tag, house font and colours, plotly colour -> RGB
- gambar.py      PNG/SVG images from one kaleido renderer (Debian's chromium) kept warm per process
- bagan_data.py  a plotly figure read as native chart data: the figure's own categories and numbers
- bagan_pptx.py  that data drawn as an editable PowerPoint chart in the house style
- dek_pptx.py    the chart spec `Grafik` and the deck: title slide, one slide per chart
- excel.py       .xlsx tables as the app shows them
- dokumen_docx.py  an editable Word document from headings, paragraphs, numbered tables and figures
                 (the LKjIP Chapter III draft; `presentation.draf` writes its blocks)

The deck is built from the same plotly figures the pages draw. Bar, line and pie figures become
native PowerPoint charts the user can restyle and edit; figures PowerPoint cannot draw
(treemap, heatmap, labelled scatter) go in as high-resolution images.
"""

from __future__ import annotations

from sakip_calc.export.bagan_data import BaganAsli, Seri, bagan_asli, format_untuk, larik
from sakip_calc.export.bagan_pptx import FORMAT_SUMBU_BESAR, tambah_bagan
from sakip_calc.export.dek_pptx import (
    BULAN,
    KOTAK_GRAFIK,
    LEBAR_SLIDE,
    TEPI,
    TINGGI_SLIDE,
    Grafik,
    buat_dek,
    judul_grafik,
    nama_berkas,
    sumber_grafik,
    tanggal_indonesia,
    untuk_slide,
)
from sakip_calc.export.excel import AWALAN_RUMUS, FORMAT_EXCEL_BAWAAN, aman_excel, tabel_excel
from sakip_calc.export.gambar import (
    LEBAR_GAMBAR,
    PERAMBAN,
    SKALA_PNG,
    PenyajiTidakAda,
    gambar,
    gambar_png,
    gambar_svg,
    hentikan_penyaji,
    penyaji_tersedia,
    pesan_tanpa_penyaji,
    siapkan_penyaji,
)
from sakip_calc.export.office import ABU, ABU_MUDA, BIRU, HURUF, ID, warna_rgb

__all__ = [
    "ABU",
    "ABU_MUDA",
    "AWALAN_RUMUS",
    "BIRU",
    "BULAN",
    "BaganAsli",
    "FORMAT_EXCEL_BAWAAN",
    "FORMAT_SUMBU_BESAR",
    "Grafik",
    "HURUF",
    "ID",
    "KOTAK_GRAFIK",
    "LEBAR_GAMBAR",
    "LEBAR_SLIDE",
    "PERAMBAN",
    "PenyajiTidakAda",
    "SKALA_PNG",
    "Seri",
    "TEPI",
    "TINGGI_SLIDE",
    "aman_excel",
    "bagan_asli",
    "buat_dek",
    "format_untuk",
    "gambar",
    "gambar_png",
    "gambar_svg",
    "hentikan_penyaji",
    "judul_grafik",
    "larik",
    "nama_berkas",
    "penyaji_tersedia",
    "pesan_tanpa_penyaji",
    "siapkan_penyaji",
    "sumber_grafik",
    "tabel_excel",
    "tambah_bagan",
    "tanggal_indonesia",
    "untuk_slide",
    "warna_rgb",
]
