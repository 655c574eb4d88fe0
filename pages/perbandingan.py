"""Perbandingan Antar Daerah: draws the sections of `presentation.bagian.perbandingan`."""

import streamlit as st

import dasbor as d
from sakip_calc.calc import analisis
from sakip_calc.presentation.bagian import perbandingan as bagian

v = d.mulai("Perbandingan Antar Daerah {tahun}")
st.caption(bagian.keterangan(v))

f1, f2, f3 = st.columns([2, 5, 2])
d.pilih(
    f1.selectbox,
    "Provinsi",
    bagian.opsi_provinsi(v),
    "pb_provinsi",
    bagian.provinsi(v),
    format_func=lambda x: "Semua provinsi" if x is None else x,
)
daftar = bagian.daftar_indikator(v)
nama_indikator = dict(zip(daftar["kunci"], daftar["nama"]))
jumlah_indikator = dict(zip(daftar["kunci"], daftar["jumlah_instansi"]))
d.pilih(
    f2.selectbox,
    "Indikator yang dibandingkan",
    list(nama_indikator),
    "pb_indikator",
    bagian.indikator(v),
    placeholder="(tidak ada indikator tahun ini)",
    format_func=lambda k: f"{nama_indikator[k]} ({jumlah_indikator[k]} instansi)",
    help="Indikator dianggap sama bila namanya sama setelah huruf kecil, tanda baca dan spasi berlebih "
    "diabaikan. Kode tidak dipakai: tiap instansi memberi kode sendiri.",
)
d.pilih(
    f3.selectbox,
    "Urutkan menurut",
    list(analisis.UKURAN_BANDING),
    "pb_urut",
    bagian.urut(v),
    format_func=analisis.UKURAN_BANDING.get,
)

if kosong := bagian.kosong(v):
    d.kosong(kosong.pesan)
    st.stop()
if catatan := bagian.catatan_provinsi(v):
    st.caption(catatan)

kartu, kalimat = bagian.kartu(v)
for kolom, isi in zip(st.columns(4), kartu):
    d.kartu(kolom, isi)
st.caption(kalimat)
d.bagan(bagian.grafik_peringkat(v))

st.subheader(bagian.judul_tabel(v))
d.tabel(bagian.tabel_peringkat(v))
st.caption(bagian.CATATAN_PERINGKAT)

kiri, kanan = st.columns([3, 2])
with kiri:
    d.bagan(bagian.grafik_sebaran(v))
with kanan:
    st.subheader("Rekap per provinsi")
    d.tabel(bagian.tabel_provinsi(v))
    st.caption(
        "Capaian provinsi: rata-rata capaian instansinya. Serapan provinsi: jumlah realisasi ÷ jumlah pagu "
        "instansi yang melaporkan keduanya."
    )
d.bagan(bagian.grafik_provinsi(v))
