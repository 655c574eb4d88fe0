"""Ringkasan: draws the sections of `presentation.bagian.ringkasan`."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import ringkasan as bagian

v = d.mulai("Ringkasan Kinerja {tahun}")
st.caption(d.aman(v.nama))

kartu, predikat, warna, kalimat = bagian.kartu(v)
isi = [kartu[0], None, *kartu[1:]]  # None: the predikat card
# four to a row: a 1366 px laptop cuts labels and values of six or seven side by side
for awal in range(0, len(isi), 4):
    for kolom, k in zip(st.columns(4), isi[awal : awal + 4]):
        if k is None:
            d.kartu_predikat(kolom, predikat, warna, v.skala)
        else:
            d.kartu(kolom, k)
st.caption(d.aman(kalimat))

kiri, kanan = st.columns([3, 2])
with kiri:
    d.bagan(bagian.grafik_capaian(v))
with kanan:
    d.bagan(bagian.grafik_predikat(v))
    d.bagan(bagian.grafik_kuadran(v))
