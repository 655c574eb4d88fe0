"""Capaian Kinerja: draws the sections of `presentation.bagian.capaian`."""

import streamlit as st

import dasbor as d
from dasbor import akses
from sakip_calc import store
from sakip_calc.domain.spesifikasi import NAMA_SKALA
from sakip_calc.ingest import catatan
from sakip_calc.presentation.bagian import capaian as bagian

v = d.mulai("Capaian Kinerja {tahun}")
st.caption(d.aman(f"{v.nama} · skala {NAMA_SKALA.get(v.skala, v.skala)}"))
if bagian.tahun_ini(v).empty:
    d.kosong(f"Tidak ada data capaian indikator untuk {v.tahun}. Pilih tahun lain di panel samping.")
    st.stop()

opsi, saringan = bagian.opsi_saringan(v), bagian.saringan(v)
f1, f2, f3, f4 = st.columns([2, 3, 2, 2])
d.pilih(
    f1.multiselect, "Tingkat", opsi["cp_tingkat"], "cp_tingkat", saringan["cp_tingkat"], placeholder="Semua tingkat"
)
d.pilih(
    f2.multiselect, "Sasaran", opsi["cp_sasaran"], "cp_sasaran", saringan["cp_sasaran"], placeholder="Semua sasaran"
)
d.pilih(
    f3.multiselect,
    "Predikat",
    opsi["cp_predikat"],
    "cp_predikat",
    saringan["cp_predikat"],
    placeholder="Semua predikat",
)
f4.text_input("Cari indikator", key="cp_cari", placeholder="kode atau nama", persist_state="session")

kode = bagian.opsi_indikator(v)


def _baris_dipilih() -> None:
    # a row picked in the table opens that indicator (unpicking it: the first row)
    baris = st.session_state["cp_tabel"]["selection"]["rows"]
    st.session_state["cp_indikator"] = kode[baris[0]] if baris else kode[0]


st.caption(bagian.keterangan_tabel(v))
d.tabel(
    bagian.tabel_indikator(v),
    on_select=_baris_dipilih if kode else "rerun",
    selection_mode="single-row",
    key="cp_tabel",
    height=420,
)

st.subheader("Rata-rata per sasaran dan program")
for t in bagian.tabel_rata_rata(v):
    d.tabel(t)

if not kode:
    d.kosong("Tidak ada indikator yang cocok dengan saringan.")
    st.stop()
st.subheader("Rincian indikator")
d.pilih(
    st.selectbox,
    "Indikator",
    kode,
    "cp_indikator",
    bagian.indikator(v),
    format_func=lambda k: bagian.label_indikator(v, k),
)
nama, rinci, pecahan = bagian.keterangan_indikator(v)
st.markdown(f"**{d.aman(nama)}** — {rinci}")
if pecahan:
    st.caption(d.aman(pecahan))
kiri, kanan = st.columns([3, 2])
with kiri:
    d.bagan(bagian.grafik_tren(v))
with kanan:
    d.tabel(bagian.tabel_per_tahun(v))
    if triwulan := bagian.tabel_triwulan(v):
        st.caption(triwulan[0])
        d.tabel(triwulan[1])

st.subheader(f"Penjelasan instansi {v.tahun}")
st.caption("Yang tidak ada di angka: masuk ke Draf LKjIP Bab III sebagai analisis (4) dan (5).")
isi, riwayat = bagian.catatan(v)
if pesan := st.session_state.pop("cp_catatan_pesan", None):
    (st.success if pesan[0] else st.error)(pesan[1])
for k, teks in isi.items():
    st.markdown(f"**{bagian.LABEL_CATATAN[k]}:** {d.aman(teks)}")
if not isi:
    st.caption("Belum ada penjelasan untuk indikator-tahun ini.")
if riwayat:
    with st.expander("Riwayat penjelasan"):
        d.tabel(riwayat)
with st.expander("Tulis penjelasan (admin)"):
    if akses.gerbang_admin("menulis penjelasan"):
        # keyed by indicator-year: another indicator's form starts from its own note
        ke = f"{bagian.indikator(v)}_{v.tahun}"
        with st.form(f"cp_catatan_{ke}"):
            baru = {
                k: st.text_area(label, value=isi.get(k, ""), key=f"cp_catatan_{k}_{ke}")
                for k, label in bagian.LABEL_CATATAN.items()
            }
            penulis = st.text_input("Nama penulis", key="cp_catatan_penulis")
            if st.form_submit_button("Simpan penjelasan", type="primary"):
                if not penulis.strip():
                    st.error("Isi nama penulis: riwayat penjelasan mencatat siapa yang menulisnya.")
                else:
                    try:
                        hasil = catatan.simpan_catatan(v.kode, bagian.indikator(v), v.tahun, baru, penulis, d.DB)
                        pesan = (hasil.status != "ditolak", f"Penjelasan: {hasil.status} (impor #{hasil.impor_id}).")
                        if hasil.status == "ditolak":
                            pesan = (False, "; ".join(str(m) for m in hasil.rencana.galat))
                    except (store.SkemaTerlaluBaru, ValueError) as e:  # a file this program cannot write
                        pesan = (False, f"Tidak dapat disimpan: {e}")
                    st.session_state["cp_catatan_pesan"] = pesan
                    st.rerun()
