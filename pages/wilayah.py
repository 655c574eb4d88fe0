"""Sebaran Wilayah: draws the sections of `presentation.bagian.wilayah`."""

import streamlit as st

import dasbor as d
from sakip_calc.presentation.bagian import desil
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

st.subheader("Peta kecamatan")
opsi_peta = bagian.opsi_peta(v)
d.pilih(
    st.selectbox,
    "Lapisan peta",
    list(opsi_peta),
    "wl_peta",
    bagian.lapisan_peta(v),
    format_func=lambda k: opsi_peta[k],
)
klik = d.bagan(bagian.grafik_peta(v), klik=True)
st.caption(f"Klik satu kecamatan di peta untuk membuka rincian {v.kata('desa')}-nya (bila ada) di bawah.")
if (peta_desa := bagian.grafik_peta_desa(v)) is not None:  # the agency's own desa polygons
    d.bagan(peta_desa)

# a click on the map opens that kecamatan's desa (the click reaches this run only, so the
# selectbox below stays free to change)
if klik:
    nama_kec = (klik[0].get("customdata") or [None])[0]
    if nama_kec in bagian.opsi_kecamatan_desa(v):
        st.session_state["wl_kec"] = nama_kec
    elif nama_kec:
        st.toast(f"Kecamatan {nama_kec} belum punya data per desa.")

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

# charts in the order of the page registry (wilayah.GRAFIK, then desil.GRAFIK): the deck follows it.
# Built only once switched on: a collapsed expander still runs its content, a toggle does not.
if desil.ada(v):
    st.subheader("DTSEN: desil dan cakupan bansos")
    if d.pilih(
        st.toggle,
        "Tampilkan sebaran desil DTSEN dan cakupan bansos",
        None,
        "wl_dtsen",
        desil.dibuka(v),
        opsi_tautan=(False, True),
        help="Tiga grafik: desil per kecamatan, cakupan PKH/BPNT/PBI terhadap desil 1-4, desil per desa.",
    ):
        d.bagan(d.bagian(desil.grafik_desil))
        d.bagan(d.bagian(desil.grafik_cakupan))
        d.bagan(d.bagian(desil.grafik_desil_desa))
