"""Pemantauan Triwulan: draws the sections of `presentation.bagian.pemantauan`."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import pemantauan as bagian
from sakip_calc.presentation.tampilan import Kosong

v = d.mulai("Pemantauan Triwulan {tahun}")
if pesan := bagian.kosong(v):
    d.kosong(pesan)
    st.stop()
d.pilih(
    st.selectbox,
    "Data sampai triwulan",
    bagian.opsi_triwulan(v),
    "pt_triwulan",
    bagian.triwulan(v),
    format_func=lambda q: f"Triwulan {bagian.ROMAWI[q]}",
)
st.subheader("Berisiko dan perlu perhatian")
berisiko = bagian.tabel_berisiko(v)
if isinstance(berisiko, Kosong):
    d.kosong(berisiko.pesan)
else:
    d.tabel(berisiko)
for kolom, isi in zip(st.columns(4), bagian.kartu(v)):
    d.kartu(kolom, isi)
st.caption(d.aman(bagian.kalimat(v)))
d.bagan(bagian.grafik_berisiko(v))
kiri, kanan = st.columns(2)
with kiri:
    d.bagan(bagian.grafik_kurva_anggaran(v))
with kanan:
    opsi = bagian.opsi_indikator(v)
    d.pilih(st.selectbox, "Indikator", list(opsi), "pt_indikator", bagian.indikator(v), format_func=opsi.get)
    d.bagan(bagian.grafik_kurva_indikator(v))
# built only once opened, like Anggaran's program tables: a styled table costs every rerun
with st.expander("Semua indikator dan program yang dipantau", key="pt_semua", on_change="rerun") as isi:
    if isi.open:
        d.tabel(bagian.tabel_semua(v))
