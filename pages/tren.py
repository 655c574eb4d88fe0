"""Tren Antar Tahun: draws the sections of `presentation.bagian.tren`."""

import streamlit as st

import dasbor as d
from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.presentation.bagian import capaian
from sakip_calc.presentation.bagian import tren as bagian

v = d.mulai("Tren Antar Tahun")
if capaian.semua(v).empty:
    d.kosong("Instansi ini belum punya data capaian indikator.")
    st.stop()
st.caption(d.aman(f"{v.nama} · data {capaian.rentang(v)} · skala {NAMA_SKALA.get(v.skala, v.skala)}"))

nama = bagian.nama_indikator(v)
pilih = d.pilih(
    st.multiselect,
    "Indikator",
    list(nama),
    "tr_indikator",
    bagian.indikator(v),
    format_func=lambda k: f"{k} · {nama[k]}",
    placeholder="Pilih indikator",
)
d.pilih(
    st.radio, "Bentuk grafik", bagian.BENTUK, "tr_bentuk", bagian.bentuk(v), horizontal=True, format_func=str.capitalize
)
if not pilih:
    d.kosong("Pilih satu indikator atau lebih.")
    st.stop()
d.bagan(bagian.grafik_capaian(v))

kiri, kanan = st.columns(2)
with kiri:
    st.subheader(f"Perubahan {v.tahun} dibanding {v.tahun_banding or '–'}")
    if (ubah := bagian.tabel_perubahan(v)) is None:
        d.kosong("Pilih tahun pembanding di panel samping.")
    else:
        d.tabel(ubah)
with kanan:
    st.subheader("Kemajuan menuju target akhir Renstra")
    d.tabel(bagian.tabel_kemajuan(v))
    st.caption("Status: TT (Telah Tercapai) bila capaian terhadap target akhir ≥ 100 %, UK (Upaya Keras) bila kurang.")

st.subheader("Target dan realisasi per indikator")
d.pilih(st.selectbox, "Indikator", pilih, "tr_satu", bagian.satu(v), format_func=lambda k: f"{k} · {nama[k]}")
d.bagan(bagian.grafik_satu(v))
