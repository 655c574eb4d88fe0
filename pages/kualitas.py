"""Kualitas Data: draws the sections of `presentation.bagian.kualitas`."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import kualitas as bagian

v = d.mulai("Kualitas Data")
st.caption(
    d.aman(v.nama) + " · angka laporan yang saling bertentangan. Aplikasi tidak memperbaikinya: keduanya ditampilkan."
)
d.pilih(st.multiselect, "Tahun", bagian.opsi_tahun(v), "kd_tahun", bagian.tahun(v), placeholder="Semua tahun")
kiri, kanan = st.columns(2)
kiri.metric(
    "Skor rekonsiliasi",
    d.persen(bagian.skor(v)),
    border=True,
    help="Bagian angka yang dinyatakan laporan yang cocok dengan baris datanya.",
)
kanan.metric("Masalah ditemukan", d.angka(len(bagian.masalah(v))), border=True)
st.caption(d.aman(bagian.kalimat(v)))
st.subheader("Rekonsiliasi per tahun dan kelas")
d.tabel(bagian.tabel_rekonsiliasi(v))
if bagian.masalah(v).empty:
    st.stop()
for jenis, jumlah, tabel in bagian.per_jenis(v):
    with st.expander(f"{jenis} ({jumlah})", expanded=jumlah <= 5):
        d.tabel(tabel)
