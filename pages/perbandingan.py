import pandas as pd
import streamlit as st

import dasbor as d
from sakip_calc.calc import analisis
from sakip_calc.presentation import grafik, narasi
from sakip_calc.domain.spesifikasi import NAMA_SKALA

p = d.mulai("Perbandingan Antar Daerah {tahun}")
semua_instansi = d.instansi(p.versi)
provinsi_sendiri = semua_instansi.loc[semua_instansi["id"] == p.instansi_id, "provinsi"].iloc[0]
st.caption(f"Semua instansi di basis data, tahun {p.tahun} · predikat menurut satu skala untuk semua ({NAMA_SKALA.get(p.skala, p.skala)}) · "
           f"{p.nama} disorot")

f1, f2, f3 = st.columns([2, 5, 2])
provinsi = f1.selectbox("Provinsi", [None, *d.daftar_provinsi(p.versi)], key="pb_provinsi",
                        format_func=lambda x: "Semua provinsi" if x is None else x)
daftar = d.indikator_bersama(p.versi, p.tahun, provinsi, p.instansi_id)
nama_indikator = dict(zip(daftar["kunci"], daftar["nama"]))
jumlah_indikator = dict(zip(daftar["kunci"], daftar["jumlah_instansi"]))
awal = analisis.indikator_awal(daftar)
kunci = f2.selectbox("Indikator yang dibandingkan", list(nama_indikator), key="pb_indikator",
                     index=list(nama_indikator).index(awal) if awal else None, placeholder="(tidak ada indikator tahun ini)",
                     format_func=lambda k: f"{nama_indikator[k]} ({jumlah_indikator[k]} instansi)",
                     help="Indikator dianggap sama bila namanya sama setelah huruf kecil, tanda baca dan spasi berlebih "
                          "diabaikan. Kode tidak dipakai: tiap instansi memberi kode sendiri.")
urut = f3.selectbox("Urutkan menurut", list(analisis.UKURAN_BANDING), format_func=analisis.UKURAN_BANDING.get, key="pb_urut")

df = analisis.peringkat(d.banding_instansi(p.versi, p.tahun, provinsi, p.batas, p.skala, kunci), urut)
wilayah = provinsi or "di seluruh basis data"
if df.empty:
    d.kosong(f"Tidak ada instansi dengan data capaian atau anggaran tahun {p.tahun} {'di ' + provinsi if provinsi else ''}. "
             "Pilih tahun atau provinsi lain.")
    st.stop()
if provinsi and provinsi != provinsi_sendiri:
    st.caption(f"{p.nama} ada di provinsi {provinsi_sendiri}, tidak termasuk pilihan ini.")

sendiri = df[df["instansi_id"] == p.instansi_id]
k = st.columns(4)
for kolom, (ukuran, label) in zip(k, analisis.UKURAN_BANDING.items()):
    peringkat = analisis.peringkat(df, ukuran)
    baris = peringkat[peringkat["instansi_id"] == p.instansi_id]
    ada = len(baris) and pd.notna(baris[ukuran].iloc[0])
    satuan = analisis.SATUAN_BANDING[ukuran]
    d.kartu(kolom, f"Peringkat · {label}", f"{baris['peringkat'].iloc[0]} dari {peringkat[ukuran].notna().sum()}" if ada else "–",
            f"{d.angka(baris[ukuran].iloc[0], 2)} {satuan}; median {d.angka(peringkat[ukuran].median(), 2)} {satuan}" if ada else None)
label, satuan = analisis.UKURAN_BANDING[urut], analisis.SATUAN_BANDING[urut]
st.caption(narasi.kalimat_peringkat(p.nama, df, urut, label, satuan, wilayah))

d.grafik(grafik.peringkat_instansi(df, urut, f"{label} ({satuan})", p.kode, f"{label} per instansi, {p.tahun} ({satuan})",
                                   "basis data SAKIP Dashboard, semua instansi", garis=None if urut == "efisiensi" else 100),
         key="pb_peringkat")

st.subheader(f"Peringkat {len(df)} instansi")
tabel = pd.DataFrame({
    "Peringkat": df["peringkat"], "Instansi": df["nama"], "Provinsi": df["provinsi"],
    "Capaian rata-rata (%)": df["capaian"], "Predikat": df["predikat"],
    "Indikator terpilih (%)": df["skor_indikator"], "Serapan (%)": df["serapan"],
    "Efisiensi (poin)": df["efisiensi"], "Pagu": df["pagu"], "Realisasi": df["realisasi"],
    "Indikator di bawah target": df["di_bawah_target"],
    "_warna": [grafik.WARNA["aksen"] if i == p.instansi_id else None for i in df["instansi_id"]],
})
d.tabel(tabel, {"Peringkat": d.F_ANGKA, "Capaian rata-rata (%)": d.F_ANGKA2, "Indikator terpilih (%)": d.F_ANGKA2,
                "Serapan (%)": d.F_ANGKA2, "Efisiensi (poin)": d.F_ANGKA2, "Pagu": d.F_RUPIAH, "Realisasi": d.F_RUPIAH,
                "Indikator di bawah target": d.F_ANGKA}, warna_kolom="Instansi", height=420, key="pb_tabel")
st.caption("Capaian rata-rata: skor indikator sasaran (IKU), atau indikator program bila tidak ada; skor dibatasi menurut "
           "pilihan 'Skor capaian' di panel samping. Serapan: realisasi ÷ pagu seluruh program. "
           "Efisiensi: capaian − serapan (LKjIP Temanggung Tabel 3.10).")

kiri, kanan = st.columns([3, 2])
with kiri:
    d.grafik(grafik.sebaran_capaian_serapan(df, p.kode, f"Capaian vs serapan per instansi, {p.tahun} (%)",
                                            "basis data SAKIP Dashboard, semua instansi"),
             narasi.kalimat_peringkat(p.nama, analisis.peringkat(df, "efisiensi"), "efisiensi",
                                      analisis.UKURAN_BANDING["efisiensi"], "poin", wilayah), key="pb_sebaran")
with kanan:
    prov = d.banding_provinsi(p.versi, p.tahun, p.batas, p.skala, kunci)
    st.subheader("Rekap per provinsi")
    d.tabel(pd.DataFrame({
        "Provinsi": prov["provinsi"], "Instansi": prov["jumlah_instansi"], "Capaian rata-rata (%)": prov["capaian"],
        "Predikat": prov["predikat"], "Indikator terpilih (%)": prov["skor_indikator"], "Serapan (%)": prov["serapan"],
        "Efisiensi (poin)": prov["efisiensi"], "Pagu": prov["pagu"], "_warna": prov["warna"],
    }), {"Instansi": d.F_ANGKA, "Capaian rata-rata (%)": d.F_ANGKA2, "Indikator terpilih (%)": d.F_ANGKA2,
         "Serapan (%)": d.F_ANGKA2, "Efisiensi (poin)": d.F_ANGKA2, "Pagu": d.F_RUPIAH},
        warna_kolom="Predikat", height=420, key="pb_provinsi_tabel")
    st.caption("Capaian provinsi: rata-rata capaian instansinya. Serapan provinsi: jumlah realisasi ÷ jumlah pagu "
               "instansi yang melaporkan keduanya.")
d.grafik(grafik.batang_provinsi(prov, provinsi_sendiri, f"Capaian dan serapan rata-rata per provinsi, {p.tahun} (%)",
                                "basis data SAKIP Dashboard, semua instansi"), key="pb_provinsi_grafik")
