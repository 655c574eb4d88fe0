"""Anggaran & Efisiensi: draws the sections of `presentation.bagian.anggaran`."""

import streamlit as st

import dasbor as d
from sakip_calc.calc import anggaran as agg
from sakip_calc.presentation.bagian import anggaran as bagian

v = d.mulai("Anggaran & Efisiensi {tahun}")
if bagian.data(v).empty:
    d.kosong(f"{v.nama} tidak punya data anggaran untuk {v.tahun}. Pilih tahun lain di panel samping.")
    st.stop()
d.pilih(
    st.selectbox,
    "Metode efisiensi",
    bagian.opsi_metode(),
    "ag_metode",
    bagian.metode(v),
    format_func=agg.METODE_EFISIENSI.get,
)
st.caption(d.aman(bagian.keterangan(v)))

kartu, kalimat = bagian.kartu(v)
for kolom, isi in zip(st.columns(4), kartu):
    d.kartu(kolom, isi)
st.caption(d.aman(kalimat))

# full width: beside another chart on a 1366 px laptop the program names and Rp labels were cut
d.bagan(bagian.grafik_pagu(v))
d.bagan(bagian.grafik_serapan(v))

st.subheader("Program, kegiatan dan sub-kegiatan")
for kode, judul in bagian.daftar_program(v):
    # a table is built only once its program is opened: up to 16 closed tables made every rerun slow
    with st.expander(d.aman(judul), key=f"ag_program_{kode}", on_change="rerun") as isi:
        if isi.open:
            d.tabel(bagian.rincian_program(v, kode))
d.bagan(bagian.grafik_struktur(v))

st.subheader("Efisiensi per program")
per_program, kalimat_efisiensi, per_sasaran = bagian.tabel_efisiensi(v)
d.tabel(per_program)
st.caption(d.aman(kalimat_efisiensi))
d.tabel(per_sasaran)

kiri, kanan = st.columns(2)
with kiri:
    d.bagan(bagian.grafik_kuadran(v))
with kanan:
    d.bagan(bagian.grafik_triwulan(v))
d.bagan(bagian.grafik_belanja(v))
