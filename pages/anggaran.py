import pandas as pd
import streamlit as st

import dasbor as d
from sakip_calc.calc import anggaran as agg
from sakip_calc.presentation import grafik, narasi
from sakip_calc.domain.angka import format_rupiah, format_rupiah_singkat

p = d.mulai("Anggaran & Efisiensi {tahun}")
df = d.anggaran_tahun(p.versi, p.instansi_id, p.tahun)
if df.empty:
    d.kosong(f"{p.nama} tidak punya data anggaran untuk {p.tahun}. Pilih tahun lain di panel samping.")
    st.stop()
metode = st.selectbox("Metode efisiensi", list(agg.METODE_EFISIENSI), format_func=agg.METODE_EFISIENSI.get, key="ag_metode")
st.caption(d.aman(f"{p.nama} · efisiensi: {agg.METODE_EFISIENSI[metode]}"))

total = agg.total_instansi(df)
program = d.efisiensi_program(p.versi, p.instansi_id, p.tahun, metode, p.batas)
k = st.columns(4)
sisa = total["pagu"] - total["realisasi"] if total["serapan"] is not None else None
d.kartu(k[0], "Pagu", format_rupiah_singkat(total["pagu"]), f"{format_rupiah(total['pagu'])} · {total['jumlah_program']} program")
d.kartu(k[1], "Realisasi", format_rupiah_singkat(total["realisasi"]), format_rupiah(total["realisasi"]))
d.kartu(k[2], "Serapan", d.persen(total["serapan"]), "realisasi ÷ pagu")
d.kartu(k[3], "Sisa anggaran", format_rupiah_singkat(sisa), format_rupiah(sisa))
st.caption(d.aman(narasi.kalimat_anggaran(total, p.tahun)))

baris_program = df[df["tingkat"] == "program"].assign(label=lambda x: x["kode"] + " " + x["nama"], pagu=lambda x: x["pagu_dipakai"],
                                                     realisasi=lambda x: x["realisasi_dipakai"])
kiri, kanan = st.columns([3, 2])
with kiri:
    d.grafik(grafik.batang_pagu_realisasi(baris_program, f"Pagu dan realisasi per program {p.tahun} (Rp)", d.sumber(p, "tabel anggaran")),
             key="ag_pagu")
with kanan:
    d.grafik(grafik.batang_serapan(baris_program.assign(label=baris_program["kode"]), f"Serapan per program {p.tahun} (%)",
                                   d.sumber(p, "tabel anggaran")), key="ag_serapan")

st.subheader("Program, kegiatan dan sub-kegiatan")
kolom = {"kode": "Kode", "kode_laporan": "No. laporan", "nama": "Nama", "pagu": "Pagu", "realisasi": "Realisasi",
         "serapan": "Serapan (%)", "serapan_dilaporkan": "Serapan dilaporkan (%)", "fisik_persen": "Fisik (%)",
         "pagu_anak": "Jumlah pagu rincian", "realisasi_anak": "Jumlah realisasi rincian"}
format_anggaran = {"Pagu": d.F_RUPIAH, "Realisasi": d.F_RUPIAH, "Serapan (%)": d.F_ANGKA2, "Serapan dilaporkan (%)": d.F_ANGKA2,
                   "Fisik (%)": d.F_ANGKA2, "Jumlah pagu rincian": d.F_RUPIAH, "Jumlah realisasi rincian": d.F_RUPIAH}
for prog in df[df["tingkat"] == "program"].itertuples():
    judul = f"{prog.kode} {prog.nama} — pagu {d.F_RUPIAH(prog.pagu_dipakai)}, serapan {d.persen(prog.serapan)}"
    # a table is built only once its program is opened: up to 16 closed tables made every rerun slow
    with st.expander(d.aman(judul), key=f"ag_program_{prog.kode}", on_change="rerun") as bagian:
        if bagian.open:
            kegiatan = df[df["induk_kode"] == prog.kode]["kode"].tolist()
            rinci = df[(df["kode"] == prog.kode) | df["kode"].isin(kegiatan) | df["induk_kode"].isin(kegiatan)]
            rinci = rinci.assign(nama=[("    " if t == "kegiatan" else "        " if t == "subkegiatan" else "") + n
                                       for t, n in zip(rinci["tingkat"], rinci["nama"])])
            d.tabel(rinci[list(kolom)].rename(columns=kolom), format_anggaran)
d.grafik(grafik.treemap_anggaran(df, f"Struktur pagu {p.tahun} (luas: pagu; warna: serapan %)", d.sumber(p, "tabel anggaran")),
         key="ag_treemap")

st.subheader("Efisiensi per program")
d.tabel(program[["kode", "nama", "pagu", "realisasi", "serapan", "capaian", "sumber_capaian", "efisiensi", "status_efisiensi"]].rename(columns={
    "kode": "Kode", "nama": "Program", "pagu": "Pagu", "realisasi": "Realisasi", "serapan": "Serapan (%)", "capaian": "Capaian (%)",
    "sumber_capaian": "Asal capaian", "efisiensi": "Efisiensi", "status_efisiensi": "Status"}),
    {"Pagu": d.F_RUPIAH, "Realisasi": d.F_RUPIAH, "Serapan (%)": d.F_ANGKA2, "Capaian (%)": d.F_ANGKA2, "Efisiensi": d.F_ANGKA2})
st.caption(d.aman(f"Efisiensi: {agg.METODE_EFISIENSI[metode]}. " + narasi.kalimat_efisiensi(program)))
per_sasaran = d.efisiensi_sasaran(p.versi, p.instansi_id, p.tahun, metode, p.batas)
d.tabel(per_sasaran.drop(columns=["metode_efisiensi"]).rename(columns={
    "sasaran": "Sasaran", "jumlah_program": "Program", "pagu": "Pagu", "realisasi": "Realisasi", "serapan": "Serapan (%)",
    "capaian": "Capaian (%)", "efisiensi": "Efisiensi"}),
    {"Pagu": d.F_RUPIAH, "Realisasi": d.F_RUPIAH, "Serapan (%)": d.F_ANGKA2, "Capaian (%)": d.F_ANGKA2, "Efisiensi": d.F_ANGKA2})

kiri, kanan = st.columns(2)
with kiri:
    d.grafik(grafik.kuadran_efisiensi(program, f"Capaian vs serapan per program {p.tahun} (%)", d.sumber(p, "tabel anggaran dan capaian")),
             narasi.kalimat_efisiensi(program), key="ag_kuadran")
with kanan:
    kurva = agg.kurva_triwulan(d.anggaran_triwulan(p.versi, p.instansi_id, p.tahun))
    d.grafik(grafik.kurva_triwulan(kurva, f"Realisasi kumulatif per triwulan {p.tahun} (Rp)", d.sumber(p, "evaluasi RKPD triwulan")),
             key="ag_triwulan")
bel = d.belanja(p.versi, p.instansi_id, p.tahun)
if not bel.empty:
    d.grafik(grafik.donat_belanja(bel, f"Komposisi realisasi belanja {p.tahun} (Rp)", d.sumber(p, "komposisi belanja")), key="ag_belanja")
