import streamlit as st

import dasbor as d
from sakip_calc.presentation import narasi

NAMA_TABEL = {"capaian": "Capaian", "anggaran": "Anggaran", "wilayah": "Wilayah", "angka_laporan": "Angka laporan lain"}

p = d.mulai("Kualitas Data")
st.caption(d.aman(p.nama) + " · angka laporan yang saling bertentangan. Aplikasi tidak memperbaikinya: keduanya ditampilkan.")
masalah = d.masalah_data(p.versi, p.instansi_id)
st.metric("Masalah ditemukan", d.angka(len(masalah)), border=True)
st.caption(d.aman(narasi.kalimat_masalah(masalah)))
if masalah.empty:
    st.stop()
tahun = st.multiselect("Tahun", sorted(masalah["tahun"].unique()), key="kd_tahun", placeholder="Semua tahun")
if tahun:
    masalah = masalah[masalah["tahun"].isin(tahun)]
for jenis, grup in masalah.groupby("jenis", sort=False):
    with st.expander(f"{jenis} ({len(grup)})", expanded=len(grup) <= 5):
        d.tabel(grup[["tahun", "tabel", "kunci", "dilaporkan", "dihitung", "sumber", "keterangan"]].assign(
            tabel=grup["tabel"].map(NAMA_TABEL).fillna(grup["tabel"])).rename(columns={
            "tahun": "Tahun", "tabel": "Tabel", "kunci": "Baris", "dilaporkan": "Dilaporkan", "dihitung": "Dihitung",
            "sumber": "Sumber di laporan", "keterangan": "Keterangan"}),
            {"Tahun": d.F_TAHUN, "Dilaporkan": d.F_NILAI, "Dihitung": d.F_NILAI})
