import pandas as pd
import streamlit as st

import dasbor as d
from sakip_calc.calc import skor
from sakip_calc.presentation import grafik, narasi
from sakip_calc.domain.spesifikasi import NAMA_SKALA

p = d.mulai("Tren Antar Tahun")
semua = d.skor_indikator(p.versi, p.instansi_id, p.batas, p.skala)
if semua.empty:
    d.kosong("Instansi ini belum punya data capaian indikator.")
    st.stop()
tahun = sorted(semua["tahun"].dropna().astype(int).unique())
st.caption(d.aman(f"{p.nama} · data {tahun[0]}–{tahun[-1]} · skala {NAMA_SKALA.get(p.skala, p.skala)}"))

nama = dict(zip(semua["kode"], semua["nama"]))
utama = semua[semua["tingkat"].isin(skor.TINGKAT_IKU)]["kode"].drop_duplicates().tolist()
pilih = st.multiselect("Indikator", list(nama), default=utama[:4], format_func=lambda k: f"{k} · {nama[k]}", key="tr_indikator",
                       placeholder="Pilih indikator")
bentuk = st.radio("Bentuk grafik", ["garis", "batang"], horizontal=True, format_func=str.capitalize, key="tr_bentuk")
if not pilih:
    d.kosong("Pilih satu indikator atau lebih.")
    st.stop()
terpilih = semua[semua["kode"].isin(pilih)]
d.grafik(grafik.tren_capaian(terpilih, f"Skor capaian {tahun[0]}–{tahun[-1]} (%)", d.sumber(p, "tabel capaian"), bentuk),
         " ".join(narasi.kalimat_tren(g, g["nama"].iloc[0]) for _, g in terpilih.groupby("kode", sort=False)), key="tr_capaian")

kiri, kanan = st.columns(2)
with kiri:
    st.subheader(f"Perubahan {p.tahun} dibanding {p.tahun_banding or '–'}")
    if p.tahun_banding is None:
        d.kosong("Pilih tahun pembanding di panel samping.")
    else:
        ubah = skor.perubahan_tahunan(terpilih, p.tahun, p.tahun_banding)
        d.tabel(pd.DataFrame({
            "Kode": ubah["kode"], f"Realisasi {p.tahun_banding}": ubah["realisasi_banding"], f"Realisasi {p.tahun}": ubah["realisasi"],
            "Selisih": ubah["selisih_realisasi"], "Perubahan (%)": ubah["persen_perubahan_realisasi"],
            f"Skor {p.tahun_banding} (%)": ubah["skor_banding"], f"Skor {p.tahun} (%)": ubah["skor"], "Selisih skor (poin)": ubah["selisih_skor"],
        }), {c: d.F_ANGKA2 for c in [f"Realisasi {p.tahun_banding}", f"Realisasi {p.tahun}", "Selisih", "Perubahan (%)",
                                     f"Skor {p.tahun_banding} (%)", f"Skor {p.tahun} (%)", "Selisih skor (poin)"]})
with kanan:
    st.subheader("Kemajuan menuju target akhir Renstra")
    maju = skor.kemajuan_renstra(terpilih)
    d.tabel(pd.DataFrame({
        "Kode": maju["kode"], "Tahun terakhir": maju["tahun_terakhir"], "Kondisi awal": maju["kondisi_awal"],
        "Target akhir": maju["target_akhir"], "Realisasi terakhir": maju["realisasi"],
        "Capaian thd target akhir (%)": maju["capaian_target_akhir"], "Status": maju["status_renstra"],
    }), {"Tahun terakhir": d.F_TAHUN, "Kondisi awal": d.F_ANGKA2, "Target akhir": d.F_ANGKA2, "Realisasi terakhir": d.F_ANGKA2,
         "Capaian thd target akhir (%)": d.F_ANGKA2})
    st.caption("Status: TT (Telah Tercapai) bila capaian terhadap target akhir ≥ 100 %, UK (Upaya Keras) bila kurang.")

st.subheader("Target dan realisasi per indikator")
satu_kode = st.selectbox("Indikator", pilih, format_func=lambda k: f"{k} · {nama[k]}", key="tr_satu")
satu = semua[semua["kode"] == satu_kode].sort_values("tahun")
info = satu.iloc[0]
d.grafik(grafik.tren_indikator(satu, f"{satu_kode}: target dan realisasi {tahun[0]}–{tahun[-1]} ({info['satuan'] or 'nilai'})",
                               d.sumber(p, "tabel capaian"), info["satuan"] or "", info["kondisi_awal"],
                               info["periode_awal"] - 1 if pd.notna(info["periode_awal"]) else None, info["target_akhir"]),
         narasi.kalimat_tren(satu, info["nama"]), key="tr_satu_grafik")
