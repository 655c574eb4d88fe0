import pandas as pd
import streamlit as st

import dasbor as d
from sakip_calc.calc import sebaran
from sakip_calc.presentation import grafik, narasi

p = d.mulai("Sebaran Wilayah")
semua = d.wilayah(p.versi, p.instansi_id)
if semua.empty:
    d.kosong(f"{p.nama} belum punya data per kecamatan atau desa (PSKS, BDT/DTKS, PKH, ...). "
             "Tambahkan lembar Wilayah lewat halaman Impor Data.")
    st.stop()
tahun_ada = [int(t) for t in sorted(semua["tahun"].unique())]
bawaan = sebaran.tahun_wilayah(semua, p.tahun)
tahun = st.selectbox("Tahun data wilayah", tahun_ada, index=tahun_ada.index(bawaan), key="wl_tahun")
if tahun != p.tahun:
    st.caption(f"Data wilayah tahun {p.tahun} tidak ada; ditampilkan tahun {tahun}.")
data = semua[semua["tahun"] == tahun]
kab = sebaran.tingkat_kabupaten(semua, tahun)
jenis_kec = data[data["kecamatan"].notna()].drop_duplicates("jenis")
if not jenis_kec.empty:
    st.caption(d.aman(f"{p.nama} · {data['kecamatan'].nunique()} kecamatan · {len(jenis_kec)} jenis data per kecamatan"))

if not kab.empty:
    st.subheader(f"Angka tingkat kabupaten {tahun}")
    d.tabel(kab.rename(columns={"jenis": "Kode", "nama_jenis": "Jenis", "nilai": "Jumlah", "satuan": "Satuan"}), {"Jumlah": d.F_ANGKA})
if jenis_kec.empty:
    st.stop()

label = dict(zip(jenis_kec["jenis"], jenis_kec["nama_jenis"]))
satuan = dict(zip(jenis_kec["jenis"], jenis_kec["satuan"]))
kelompok = dict(zip(jenis_kec["jenis"], jenis_kec["kelompok"]))
jenis = st.selectbox("Jenis data", list(label), format_func=lambda j: f"{kelompok[j]} · {label[j]}", key="wl_jenis")
per_kecamatan = sebaran.sebaran(semua, tahun, jenis)
kiri, kanan = st.columns([3, 2])
with kiri:
    d.grafik(grafik.batang_wilayah(per_kecamatan, f"{label[jenis]} per kecamatan, {tahun} ({satuan[jenis]})",
                                   d.sumber(p, "tabel wilayah"), satuan[jenis]),
             narasi.kalimat_wilayah(per_kecamatan, label[jenis], satuan[jenis]), key="wl_batang")
with kanan:
    d.kartu(st, f"Jumlah {label[jenis]} kabupaten", d.angka(per_kecamatan["nilai"].sum()), satuan[jenis])
    d.tabel(per_kecamatan.rename(columns={"nama": "Kecamatan", "nilai": "Jumlah", "persen": "Pangsa (%)"}),
            {"Jumlah": d.F_ANGKA, "Pangsa (%)": d.F_ANGKA2}, height=460)

st.subheader(f"Kecamatan × jenis, {tahun}")
grup = sorted(set(kelompok.values()))
pilih_grup = st.selectbox("Kelompok", grup, index=grup.index(kelompok[jenis]), key="wl_kelompok")
mat = sebaran.matriks(semua, tahun, [j for j, k in kelompok.items() if k == pilih_grup])
mat.columns = [label.get(c, c) for c in mat.columns]
d.grafik(grafik.heatmap_wilayah(mat, f"{pilih_grup} per kecamatan, {tahun} (warna: % dari kabupaten)", d.sumber(p, "tabel wilayah")),
         key="wl_heatmap")

rasio = sebaran.rasio(semua, tahun)
st.subheader("Rasio turunan")
if rasio.empty:
    d.kosong(f"Rasio PKH per 1.000 BDT dan BDT tanpa NIK memerlukan jenis tersebut pada tahun yang sama ({tahun}).")
else:
    d.tabel(rasio.rename(columns={"wilayah": "Kecamatan", "pkh_per_1000_bdt": "PKH per 1.000 BDT",
                                  "persen_tanpa_nik_dari_total": "Tanpa NIK (% dari total BDT)",
                                  "rasio_tanpa_nik_terhadap_nik": "Tanpa NIK ÷ ber-NIK (%) — cara laporan"}),
            {"PKH per 1.000 BDT": d.F_ANGKA2, "Tanpa NIK (% dari total BDT)": d.F_ANGKA2,
             "Tanpa NIK ÷ ber-NIK (%) — cara laporan": d.F_ANGKA2}, height=460)
    st.caption("Laporan Tegal menulis persentase BDT tanpa NIK sebagai perbandingan terhadap data ber-NIK "
               "(mis. Adiwerna 12.704 ÷ 32.446 = 39,15 %); pangsa dari seluruh data BDT ditampilkan di sampingnya.")

desa_ada = sorted(semua.loc[semua["desa"].notna() & (semua["tahun"] == tahun), "kecamatan"].unique())
st.subheader("Rincian desa")
if not desa_ada:
    d.kosong("Tidak ada data per desa untuk tahun ini.")
else:
    kec = st.selectbox("Kecamatan", desa_ada, key="wl_kec")
    desa_jenis = sorted(semua.loc[semua["desa"].notna() & (semua["kecamatan"] == kec) & (semua["tahun"] == tahun), "jenis"].unique())
    jd = st.selectbox("Jenis data desa", desa_jenis, format_func=lambda j: label.get(j, j), key="wl_desa_jenis")
    per_desa = sebaran.sebaran(semua, tahun, jd, kec)
    k1, k2 = st.columns([3, 2])
    with k1:
        d.grafik(grafik.batang_wilayah(per_desa, f"{label.get(jd, jd)} per desa, Kec. {kec}, {tahun} ({satuan.get(jd, '')})",
                                       d.sumber(p, "tabel wilayah desa"), satuan.get(jd, "")),
                 narasi.kalimat_wilayah(per_desa, label.get(jd, jd), satuan.get(jd, ""), "Desa"), key="wl_desa")
    with k2:
        r_desa = sebaran.rasio(semua, tahun, kec)
        if not r_desa.empty:
            d.tabel(r_desa.rename(columns={"wilayah": "Desa", "pkh_per_1000_bdt": "PKH per 1.000 BDT",
                                           "persen_tanpa_nik_dari_total": "Tanpa NIK (% total)",
                                           "rasio_tanpa_nik_terhadap_nik": "Tanpa NIK ÷ ber-NIK (%)"}),
                    {"PKH per 1.000 BDT": d.F_ANGKA2, "Tanpa NIK (% total)": d.F_ANGKA2, "Tanpa NIK ÷ ber-NIK (%)": d.F_ANGKA2})
