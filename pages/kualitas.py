"""Kualitas Data: draws the sections of `presentation.bagian.kualitas`."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import kualitas as bagian

v = d.mulai("Kualitas Data")
st.caption(
    d.aman(v.nama) + " · angka laporan yang saling bertentangan. Aplikasi tidak memperbaikinya: keduanya ditampilkan."
)
st.metric("Masalah ditemukan", d.angka(len(bagian.masalah(v))), border=True)
st.caption(d.aman(bagian.kalimat(v)))
if bagian.masalah(v).empty:
    st.stop()
d.pilih(st.multiselect, "Tahun", bagian.opsi_tahun(v), "kd_tahun", bagian.tahun(v), placeholder="Semua tahun")
for jenis, jumlah, tabel in bagian.per_jenis(v):
    with st.expander(f"{jenis} ({jumlah})", expanded=jumlah <= 5):
        d.tabel(tabel)
