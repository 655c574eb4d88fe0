"""Ringkasan Rapat: draws the sections of `presentation.bagian.rapat` on one printable page."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import rapat as bagian
from sakip_calc.presentation.tampilan import Kosong

# printed (Ctrl+P, or a PDF): A4 without the sidebar, header and buttons, scaled so the page fits
CETAK = """<style>
@media print {
  @page {size: A4 portrait; margin: 10mm;}
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stDownloadButton"],
  .st-key-rp_petunjuk {display: none !important;}
  [data-testid="stAppViewContainer"], [data-testid="stMain"] {position: static !important;
    overflow: visible !important;}
  [data-testid="stMainBlockContainer"] {padding: 0 !important; max-width: 100% !important; zoom: 0.5;}
  .st-key-rp_istilah {column-count: 2; column-gap: 1.5rem;}
  .st-key-rp_istilah p {font-size: 0.8rem; margin-bottom: 0.2rem;}
  [data-testid="stTable"] td, [data-testid="stTable"] th {font-size: 0.8rem; padding: 0.15rem 0.4rem;}
}
</style>"""

v = d.mulai("Ringkasan Rapat {tahun}")
st.html(CETAK)
st.caption(d.aman(v.nama))
with st.container(key="rp_petunjuk"):
    st.caption(
        ":material/print: Cetak halaman ini (Ctrl+P) atau simpan sebagai PDF: satu halaman A4 tanpa panel samping."
    )

kartu, predikat, warna, kalimat = bagian.kartu(v)
k = st.columns(5)
d.kartu(k[0], kartu[0])
d.kartu_predikat(k[1], predikat, warna, v.skala)
for kolom, isi in zip(k[2:], kartu[1:]):
    d.kartu(kolom, isi)
st.caption(d.aman(kalimat))

d.bagan(bagian.grafik_capaian(v))

for judul, (teks, isi) in (
    ("Indikator di bawah target", bagian.di_bawah_target(v)),
    ("Masalah data", bagian.masalah_tahun(v)),
):
    st.subheader(judul)
    if teks:
        st.caption(d.aman(teks))
    if isinstance(isi, Kosong):
        d.kosong(isi.pesan)
    else:
        d.tabel_cetak(isi)

st.subheader("Daftar istilah")
with st.container(key="rp_istilah"):
    for i in bagian.glosarium():
        st.markdown(f"**{d.aman(i.istilah)}** ({d.aman(i.kepanjangan)}): {d.aman(i.arti)}")
