"""Verifikasi: the state of the sidebar's agency-year (draf -> diajukan -> terverifikasi or
dikembalikan -> final), its history and notes, and the state changes the logged-in account may
make (the rules: `sakip_calc.access.peran`; the writes: `sakip_calc.access.kelola`)."""

import streamlit as st

import dasbor as d
from dasbor import akses
from sakip_calc import store
from sakip_calc.access import kelola, peran
from sakip_calc.presentation.bagian import audit as bagian

p = d.pilihan()
if p is None:
    st.stop()
st.title(f"Verifikasi {p.tahun}")
baris = kelola.status(d.koneksi(p.versi), p.kode, p.tahun)
status = baris["status"]
st.subheader(f"{d.aman(p.nama)} · {p.tahun}", anchor=False)
st.badge(peran.LABEL_STATUS[status], color=peran.WARNA_STATUS[status])
if baris["alasan"]:
    (st.warning if status == "dikembalikan" else st.caption)(f"Alasan: {d.aman(baris['alasan'])}")
st.caption(
    "Angka berjalan dari DRAF → DIAJUKAN (operator) → TERVERIFIKASI atau DIKEMBALIKAN dengan alasan (verifikator) "
    "→ FINAL (admin). Angka FINAL terkunci: setiap impor yang mengubahnya ditolak sampai admin membuka kuncinya "
    "dengan alasan. Impor yang mengubah angka DIAJUKAN/TERVERIFIKASI mengembalikannya ke DRAF."
)
if pesan := st.session_state.pop("vf_pesan", None):
    (st.success if pesan[0] else st.error)(pesan[1])

pelaku = akses.gerbang("catatan", "mengubah status dan menulis catatan", p.kode)
if pelaku is not None:
    aksi = peran.aksi_tersedia(pelaku, p.kode, status)
    if aksi:
        alasan = st.text_input("Alasan (wajib untuk mengembalikan dan membuka kunci)", key="vf_alasan")
        for kolom, a in zip(st.columns(len(aksi)), aksi):
            if kolom.button(peran.TOMBOL[a], key=f"vf_{a}", width="stretch"):
                h = kelola.ubah_status(d.DB, pelaku, p.kode, p.tahun, a, alasan)
                st.session_state["vf_pesan"] = (h.ok, h.pesan)
                st.rerun()
    else:
        st.caption(f"Tidak ada perubahan status yang dapat Anda lakukan dari {peran.LABEL_STATUS[status]}.")
    with st.form("vf_catatan", clear_on_submit=True):
        teks = st.text_area("Catatan untuk angka tahun ini", key="vf_teks")
        if st.form_submit_button("Simpan catatan"):
            h = kelola.tambah_catatan(d.DB, pelaku, p.kode, p.tahun, teks)
            st.session_state["vf_pesan"] = (h.ok, h.pesan)
            st.rerun()

st.subheader("Riwayat status dan catatan", anchor=False)
riwayat = bagian.riwayat_status(d.baca(p.versi, "baca_audit", (), store.baca_audit), p.kode, p.tahun)
if riwayat.empty:
    d.kosong("Belum ada perubahan status atau catatan untuk instansi-tahun ini.")
else:
    d.tabel(riwayat, {}, key="vf_riwayat")
