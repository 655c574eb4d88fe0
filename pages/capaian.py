import pandas as pd
import streamlit as st

import dasbor as d
from sakip_calc.calc import skor
from sakip_calc.presentation import grafik, narasi
from sakip_calc.calc.skor import LABEL_STATUS
from sakip_calc.domain.spesifikasi import NAMA_SKALA

p = d.mulai("Capaian Kinerja {tahun}")
st.caption(d.aman(f"{p.nama} · skala {NAMA_SKALA.get(p.skala, p.skala)}"))

semua = d.skor_indikator(p.versi, p.instansi_id, p.batas, p.skala)
df = semua[semua["tahun"] == p.tahun]
if df.empty:
    d.kosong(f"Tidak ada data capaian indikator untuk {p.tahun}. Pilih tahun lain di panel samping.")
    st.stop()

f1, f2, f3, f4 = st.columns([2, 3, 2, 2])
tingkat = f1.multiselect("Tingkat", sorted(df["tingkat"].unique()), key="cp_tingkat", placeholder="Semua tingkat")
sasaran = f2.multiselect("Sasaran", sorted(df["sasaran"].dropna().unique()), key="cp_sasaran", placeholder="Semua sasaran")
predikat = f3.multiselect("Predikat", [x for x in df["predikat"].dropna().unique()], key="cp_predikat", placeholder="Semua predikat")
cari = f4.text_input("Cari indikator", key="cp_cari", placeholder="kode atau nama")
tampil = df
if tingkat:
    tampil = tampil[tampil["tingkat"].isin(tingkat)]
if sasaran:
    tampil = tampil[tampil["sasaran"].isin(sasaran)]
if predikat:
    tampil = tampil[tampil["predikat"].isin(predikat)]
if cari:
    tampil = tampil[tampil["nama"].str.contains(cari, case=False, regex=False) | tampil["kode"].str.contains(cari, case=False, regex=False)]

# the figures first, so they stay in view on a projector; the grouping columns after them
tabel = pd.DataFrame({
    "Kode": tampil["kode"], "Indikator": tampil["nama"], "Satuan": tampil["satuan"],
    "Target": tampil["target"], "Realisasi": tampil["realisasi"], "Capaian (%)": tampil["capaian"],
    "Skor (%)": tampil["skor"], "Predikat": tampil["predikat"],
    "Status": tampil["status"].map(lambda s: f"{s} ({LABEL_STATUS[s]})" if isinstance(s, str) else None),
    "Capaian dilaporkan (%)": tampil["capaian_dilaporkan"],
    "Beda dari laporan": tampil["beda_laporan"].map({True: "ya", False: ""}),
    "Tingkat": tampil["tingkat"], "Sasaran": tampil["sasaran"], "Program": tampil["program_kode"],
    "Polaritas": tampil["polaritas"], "_warna": tampil["warna"],
}).sort_values(["Sasaran", "Program", "Kode"], na_position="last")
st.caption(f"{len(tabel)} dari {len(df)} indikator. Klik judul kolom untuk mengurutkan; pilih satu baris untuk melihat rinciannya. "
           "Capaian = hitungan dari target dan realisasi; skor = capaian setelah batas; "
           "kolom 'Capaian dilaporkan' memuat angka laporan bila berbeda.")
pilih = d.tabel(tabel, {"Target": d.F_ANGKA2, "Realisasi": d.F_ANGKA2, "Capaian (%)": d.F_ANGKA2, "Skor (%)": d.F_ANGKA2,
                        "Capaian dilaporkan (%)": d.F_ANGKA2}, warna_kolom="Predikat",
                on_select="rerun", selection_mode="single-row", key="cp_tabel", height=420)

st.subheader("Rata-rata per sasaran dan program")
per_sasaran = skor.rata_rata(df[df["tingkat"] == "sasaran"], ["sasaran"])
per_program = skor.rata_rata(df[df["tingkat"] == "program"], ["program_kode"])
d.tabel(per_sasaran.rename(columns={"sasaran": "Sasaran", "rata_rata": "Rata-rata skor (%)", "jumlah_indikator": "Indikator"}),
        {"Rata-rata skor (%)": d.F_ANGKA2})
if not per_program.empty:
    d.tabel(per_program.rename(columns={"program_kode": "Program", "rata_rata": "Rata-rata skor (%)", "jumlah_indikator": "Indikator"}),
            {"Rata-rata skor (%)": d.F_ANGKA2})

if tabel.empty:
    d.kosong("Tidak ada indikator yang cocok dengan saringan.")
    st.stop()
baris = pilih.selection.rows if pilih and pilih.selection else []
kode = tabel.iloc[baris[0]]["Kode"] if baris else None
st.subheader("Rincian indikator")
kode = st.selectbox("Indikator", tabel["Kode"].tolist(), index=tabel["Kode"].tolist().index(kode) if kode else 0,
                    format_func=lambda k: f"{k} · {df.loc[df['kode'] == k, 'nama'].iloc[0]}", key=f"cp_rinci_{kode}")
satu = semua[semua["kode"] == kode].sort_values("tahun")
info = satu.iloc[0]
st.markdown(f"**{d.aman(info['nama'])}** — tingkat {info['tingkat']}, satuan {info['satuan'] or '–'}, polaritas {info['polaritas']}, "
            f"periode Renstra {d.tahun(info['periode_awal'])}–{d.tahun(info['periode_akhir'])}, "
            f"kondisi awal {d.angka(info['kondisi_awal'], 2)}, target akhir {d.angka(info['target_akhir'], 2)}")
if isinstance(info["nama_pembilang"], str):
    st.caption(d.aman(f"Pembilang: {info['nama_pembilang']} · Penyebut: {info['nama_penyebut'] or '–'}"))
kiri, kanan = st.columns([3, 2])
with kiri:
    d.grafik(grafik.tren_indikator(satu, f"{kode}: target dan realisasi per tahun ({info['satuan'] or 'nilai'})",
                                   d.sumber(p, "tabel capaian"), info["satuan"] or "", info["kondisi_awal"],
                                   info["periode_awal"] - 1 if pd.notna(info["periode_awal"]) else None, info["target_akhir"]),
             narasi.kalimat_tren(satu, info["nama"]), key="cp_tren")
with kanan:
    d.tabel(pd.DataFrame({"Tahun": satu["tahun"], "Target": satu["target"], "Realisasi": satu["realisasi"],
                          "Capaian (%)": satu["capaian"], "Dilaporkan (%)": satu["capaian_dilaporkan"],
                          "Pembilang": satu["pembilang"], "Penyebut": satu["penyebut"], "Sumber": satu["sumber"]}),
            {"Target": d.F_ANGKA2, "Realisasi": d.F_ANGKA2, "Capaian (%)": d.F_ANGKA2, "Dilaporkan (%)": d.F_ANGKA2,
             "Pembilang": d.F_ANGKA, "Penyebut": d.F_ANGKA, "Tahun": d.F_TAHUN})
    tw = d.triwulan_indikator(p.versi, p.instansi_id, kode, p.tahun)
    if not tw.empty:
        st.caption(f"Nilai per triwulan {p.tahun} (digabung menurut aturan '{info['agregasi_triwulan'] or 'akhir'}')")
        d.tabel(tw.rename(columns={"triwulan": "Triwulan", "target": "Target", "realisasi": "Realisasi",
                                   "capaian_dilaporkan": "Capaian dilaporkan (%)", "sumber": "Sumber"}),
                {"Triwulan": d.F_TAHUN, "Target": d.F_ANGKA2, "Realisasi": d.F_ANGKA2, "Capaian dilaporkan (%)": d.F_ANGKA2})
