"""Ringkasan: draws the sections of `presentation.bagian.ringkasan`."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import ringkasan as bagian

v = d.mulai("Ringkasan Kinerja {tahun}")
st.caption(d.aman(v.nama))

kartu, predikat, warna, kalimat = bagian.kartu(v)
k = st.columns(len(kartu) + 1)
d.kartu(k[0], kartu[0])
d.kartu_predikat(k[1], predikat, warna, v.skala)
for kolom, isi in zip(k[2:], kartu[1:]):
    d.kartu(kolom, isi)
st.caption(d.aman(kalimat))

kiri, kanan = st.columns([3, 2])
with kiri:
    d.bagan(bagian.grafik_capaian(v))
with kanan:
    d.bagan(bagian.grafik_predikat(v))
    d.bagan(bagian.grafik_kuadran(v))
