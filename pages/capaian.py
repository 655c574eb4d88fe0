"""Capaian Kinerja: draws the sections of `presentation.bagian.capaian`."""

import streamlit as st

import dasbor as d
from dasbor.penjelasan import penjelasan
from sakip_calc.domain.skala import NAMA_SKALA
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
d.pilih(f4.text_input, "Cari indikator", None, "cp_cari", bagian.cari(v), placeholder="kode atau nama")

kode = bagian.opsi_indikator(v)


def _baris_dipilih() -> None:
    # a row clicked in the table (any of its cells) opens that indicator beside the table, where
    # the user is looking
    baris = d.baris_dipilih("cp_tabel")
    if baris is not None:
        st.session_state["cp_indikator"] = kode[baris]
        st.session_state["cp_panel"] = True


def rincian(akhiran: str = "") -> None:
    """The opened indicator: its description, target and realisasi per year, its quarters."""
    nama, rinci, pecahan = bagian.keterangan_indikator(v)
    st.markdown(f"**{d.aman(nama)}** — {rinci}")
    if pecahan:
        st.caption(d.aman(pecahan))
    b = bagian.grafik_tren(v)
    if akhiran:  # the side panel: its own widget keys, stacked in one column
        b.kunci += akhiran
        d.bagan(b)
        d.tabel(bagian.tabel_per_tahun(v), key=f"cp_per_tahun{akhiran}")
    else:
        kiri, kanan = st.columns([3, 2])
        with kiri:
            d.bagan(b)
        with kanan:
            d.tabel(bagian.tabel_per_tahun(v))
    if triwulan := bagian.tabel_triwulan(v):
        st.caption(triwulan[0])
        d.tabel(triwulan[1], key=f"cp_triwulan{akhiran}")


@st.dialog("Rincian indikator", width="large", position="right")
def panel() -> None:
    rincian("_panel")


st.caption(bagian.keterangan_tabel(v))
d.tabel(
    bagian.tabel_indikator(v),
    pilih=_baris_dipilih if kode else None,
    key="cp_tabel",
    height=420,
)
if st.session_state.pop("cp_panel", False) and kode:
    panel()

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
rincian()
penjelasan(v)
