import streamlit as st

import dasbor as d
from sakip_calc.calc import analisis
from sakip_calc.presentation import grafik, narasi

p = d.mulai("Ringkasan Kinerja {tahun}")
st.caption(d.aman(p.nama))

skor_df = d.skor_indikator(p.versi, p.instansi_id, p.batas, p.skala)
r = analisis.ringkasan(skor_df, d.anggaran_tahun(p.versi, p.instansi_id, p.tahun),
                       d.efisiensi_program(p.versi, p.instansi_id, p.tahun, "selisih", p.batas),
                       d.masalah_data(p.versi, p.instansi_id), d.skala(p.versi, p.skala), p.tahun, p.tahun_banding)

k = st.columns(5)
selisih = (r["rata_capaian"] - r["rata_banding"]) if r["rata_capaian"] is not None and r["rata_banding"] is not None else None
d.kartu(k[0], "Capaian rata-rata", d.persen(r["rata_capaian"], 1),
        f"{'+' if selisih and selisih > 0 else ''}{d.angka(selisih, 1)} poin dari {p.tahun_banding}" if selisih is not None else None,
        help="Rata-rata skor indikator sasaran (IKU); bila tidak ada, indikator program.")
d.kartu_predikat(k[1], r["predikat"], r["warna"], p.skala)
d.kartu(k[2], "Serapan anggaran", d.persen(r["anggaran"]["serapan"]),
        f"pagu {d.angka(r['anggaran']['pagu'])}" if r["anggaran"]["pagu"] else None)
d.kartu(k[3], "Efisiensi", d.persen(r["efisiensi"]), "capaian − serapan",
        help="Metode LKjIP Temanggung Tabel 3.10: capaian kinerja dikurangi serapan anggaran.")
d.kartu(k[4], "Masalah data", d.angka(r["jumlah_masalah"]), "lihat Kualitas Data")

st.caption(d.aman(narasi.kalimat_capaian(r["rata_capaian"], r["predikat"], p.tahun, r["rata_banding"], p.tahun_banding)
                  + " " + narasi.kalimat_anggaran(r["anggaran"], p.tahun)))

kiri, kanan = st.columns([3, 2])
with kiri:
    if r["iku"].empty:
        d.kosong(f"Tidak ada indikator sasaran/program untuk {p.tahun}.")
    else:
        d.grafik(grafik.batang_capaian(r["iku"], f"Skor capaian indikator utama {p.tahun} (%)", d.sumber(p, "tabel capaian")),
                 narasi.kalimat_predikat(r["iku"]), key="rk_capaian")
with kanan:
    d.grafik(grafik.batang_predikat(r["jumlah_predikat"], f"Jumlah indikator utama per predikat {p.tahun}", d.sumber(p, "tabel capaian")),
             key="rk_predikat")
    if r["program"]["serapan"].notna().any():
        d.grafik(grafik.kuadran_efisiensi(r["program"], f"Capaian vs serapan per program {p.tahun} (%)", d.sumber(p, "tabel anggaran")),
                 narasi.kalimat_efisiensi(r["program"]), key="rk_kuadran")
    else:
        d.kosong(f"Tidak ada realisasi anggaran per program untuk {p.tahun}.")
