"""Audit: who imported, undid, noted, verified or changed an account, when, from where, and what.
Read only: the app has no way to change the log."""

import streamlit as st

import dasbor as d
from dasbor import akses
from sakip_calc import store
from sakip_calc.access import peran
from sakip_calc.presentation.bagian import audit as bagian

st.title("Audit")
st.caption(
    "Setiap impor, pembatalan, catatan, perubahan status verifikasi dan perubahan akun: siapa, kapan, dari alamat "
    "mana, apa (instansi, tahun, jumlah baris). Log ini hanya dapat dibaca; aplikasi tidak dapat mengubahnya."
)
pelaku = akses.gerbang("lihat_audit", "melihat log audit")
if pelaku is None or not d.DB.exists():
    st.stop()
log = peran.saring_audit(pelaku, d.baca(d.versi(), "baca_audit", (), store.baca_audit))
if pelaku.peran != "admin":
    st.caption(f"Hanya baris instansi akun ini: {', '.join(sorted(pelaku.instansi))}.")
kol = st.columns(4)
akun = kol[0].multiselect("Akun", bagian.opsi(log, "akun"), key="au_akun", placeholder="Semua")
aksi = kol[1].multiselect("Aksi", bagian.opsi(log, "aksi"), key="au_aksi", placeholder="Semua")
instansi = kol[2].multiselect("Instansi", bagian.opsi(log, "instansi"), key="au_instansi", placeholder="Semua")
tahun = kol[3].multiselect("Tahun", bagian.opsi(log, "tahun"), key="au_tahun", placeholder="Semua")
rentang = st.date_input("Tanggal", value=(), key="au_tanggal", format="DD-MM-YYYY")
dari, sampai = (tuple(rentang) + (None, None))[:2] if rentang else (None, None)
hasil = bagian.saring(log, akun, aksi, instansi, tahun, dari, sampai or dari)
st.write(f"{d.angka(len(hasil))} dari {d.angka(len(log))} baris")
if hasil.empty:
    d.kosong("Tidak ada baris audit untuk saringan ini.")
else:
    d.tabel(hasil, {}, key="au_tabel")
