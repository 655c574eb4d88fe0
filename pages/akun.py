"""Akun: the admin adds accounts (role, agencies, password), disables or enables them and resets
passwords; every change is audited. The same is on the command line (`python -m sakip_calc akun`)."""

import streamlit as st

import dasbor as d
from dasbor import akses
from sakip_calc import store
from sakip_calc.access import kelola, peran

st.title("Akun")
st.caption(
    "admin: semuanya · operator: impor, pembatalan, catatan dan pengajuan verifikasi untuk instansinya · "
    "verifikator: memverifikasi atau mengembalikan angka instansi yang ditugaskan · pembaca: melihat. "
    "Sandi disimpan sebagai hash scrypt."
)
pelaku = akses.gerbang("kelola_akun", "mengelola akun")
if pelaku is None or not d.DB.exists():
    st.stop()
if pesan := st.session_state.pop("ak_pesan", None):
    (st.success if pesan[0] else st.error)(pesan[1])
con = d.koneksi()
daftar = store.daftar_akun(con)
if daftar.empty:
    d.kosong("Belum ada akun.")
else:
    d.tabel(daftar.rename(columns=str.capitalize), {}, key="ak_daftar")


def selesai(h: kelola.Hasil) -> None:
    st.session_state["ak_pesan"] = (h.ok, h.pesan)
    st.rerun()


st.subheader("Tambah akun", anchor=False)
with st.form("ak_tambah", clear_on_submit=True):
    kiri, kanan = st.columns(2)
    nama = kiri.text_input("Nama akun", key="ak_nama")
    peran_ = kanan.selectbox("Peran", peran.PERAN, index=1, key="ak_peran")
    instansi = st.multiselect(
        "Instansi (operator: instansinya; verifikator: yang ditugaskan)",
        store.kode_instansi(con),
        key="ak_instansi",
        placeholder="Pilih instansi",
    )
    sandi_baru = st.text_input("Sandi (minimal 10 karakter)", type="password", key="ak_sandi")
    if st.form_submit_button("Tambah akun", type="primary"):
        selesai(kelola.tambah_akun(d.DB, pelaku, nama, sandi_baru, peran_, instansi))

if not daftar.empty:
    st.subheader("Ubah akun", anchor=False)
    nama = st.selectbox("Akun", daftar["nama"], key="ak_pilih")
    aktif = bool(daftar.loc[daftar["nama"] == nama, "aktif"].iloc[0])
    kiri, kanan = st.columns(2)
    if kiri.button("Nonaktifkan" if aktif else "Aktifkan", key="ak_aktif"):
        selesai(kelola.ubah_akun(d.DB, pelaku, nama, aktif=not aktif))
    with kanan.form("ak_reset", clear_on_submit=True):
        baru = st.text_input("Sandi baru", type="password", key="ak_sandi_baru")
        if st.form_submit_button("Atur ulang sandi"):
            selesai(kelola.ubah_akun(d.DB, pelaku, nama, sandi_baru=baru))
