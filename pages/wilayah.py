"""Sebaran Wilayah: draws the sections of `presentation.bagian.wilayah`."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import wilayah as bagian
from sakip_calc.presentation.tampilan import Kosong

v = d.mulai("Sebaran Wilayah")
if bagian.semua(v).empty:
    d.kosong(
        f"{v.nama} belum punya data per kecamatan atau {v.kata('desa')} (PSKS, BDT/DTKS, PKH, ...). "
        "Tambahkan lembar Wilayah lewat halaman Impor Data."
    )
    st.stop()
tahun = d.pilih(st.selectbox, "Tahun data wilayah", bagian.opsi_tahun(v), "wl_tahun", bagian.tahun(v))
if tahun != v.tahun:
    st.caption(f"Data wilayah tahun {v.tahun} tidak ada; ditampilkan tahun {tahun}.")
if keterangan := bagian.keterangan(v):
    st.caption(d.aman(keterangan))
if (kab := bagian.tabel_kabupaten(v)) is not None:
    st.subheader(f"Angka tingkat {v.kata('kabkota')} {tahun}")
    d.tabel(kab)
if bagian.jenis(v) is None:
    st.stop()

label, kelompok = bagian.label(v), bagian.kelompok(v)
d.pilih(
    st.selectbox,
    "Jenis data",
    list(label),
    "wl_jenis",
    bagian.jenis(v),
    format_func=lambda j: f"{kelompok[j]} · {label[j]}",
)
kiri, kanan = st.columns([3, 2])
with kiri:
    d.bagan(bagian.grafik_kecamatan(v))
with kanan:
    jumlah, per_kecamatan = bagian.kecamatan(v)
    d.kartu(st, jumlah)
    d.tabel(per_kecamatan)

st.subheader(f"Kecamatan × jenis, {tahun}")
d.pilih(st.selectbox, "Kelompok", bagian.opsi_kelompok(v), "wl_kelompok", bagian.pilihan_kelompok(v))
d.bagan(bagian.grafik_matriks(v))

st.subheader("Rasio turunan")
if isinstance(rasio := bagian.tabel_rasio(v), Kosong):
    d.kosong(rasio.pesan)
else:
    d.tabel(rasio)
    st.caption(d.aman(bagian.catatan_rasio()))

st.subheader(f"Rincian {v.kata('desa')}")
if not bagian.opsi_kecamatan_desa(v):
    d.kosong(f"Tidak ada data per {v.kata('desa')} untuk tahun ini.")
else:
    d.pilih(st.selectbox, "Kecamatan", bagian.opsi_kecamatan_desa(v), "wl_kec", bagian.kecamatan_desa(v))
    d.pilih(
        st.selectbox,
        f"Jenis data {v.kata('desa')}",
        bagian.opsi_jenis_desa(v),
        "wl_desa_jenis",
        bagian.jenis_desa(v),
        format_func=lambda j: label.get(j, j),
    )
    k1, k2 = st.columns([3, 2])
    with k1:
        d.bagan(bagian.grafik_desa(v))
    with k2:
        if (r_desa := bagian.tabel_rasio_desa(v)) is not None:
            d.tabel(r_desa)
