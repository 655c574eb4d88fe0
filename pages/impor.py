import io

import pandas as pd
import streamlit as st

import dasbor as d
from sakip_calc import impor, templat

st.title("Impor Data")
st.caption("Unggah buku kerja dalam format templat. Semua masalah diperiksa dulu; tidak ada yang berubah "
           "sampai Anda menekan Impor, dan berkas dengan satu galat pun ditolak seluruhnya.")


@st.cache_data(show_spinner=False)
def templat_xlsx() -> bytes:
    buf = io.BytesIO()
    templat.buat_templat().save(buf)
    return buf.getvalue()


@st.cache_data(show_spinner=False, max_entries=16)
def pratinjau(versi_data: str, unit: tuple[tuple[str, bytes], ...]):
    return impor.pratinjau(list(unit), d.DB)


st.download_button("⬇️ Unduh templat buku kerja", templat_xlsx(), file_name="templat_sakip.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="im_templat")
unggahan = st.file_uploader("Buku kerja (.xlsx) atau CSV per lembar (mis. Capaian.csv)", type=["xlsx", "csv"],
                            accept_multiple_files=True, key="im_berkas")
if unggahan:
    unit = impor.kelompokkan([(f.name, f.getvalue()) for f in unggahan])
    kemajuan = st.progress(0.0, "Memeriksa berkas…")
    rencana = []
    for i, u in enumerate(unit):
        kemajuan.progress(i / len(unit), f"Memeriksa {', '.join(n for n, _ in u)} ({i + 1}/{len(unit)})")
        rencana.append(pratinjau(d.versi(), tuple(u)))
    kemajuan.progress(1.0, "Pemeriksaan selesai")
    for r in rencana:
        st.subheader(r.nama_file)
        if r.sah:
            st.success(f"Siap diimpor: {r.jumlah().get('baru', 0)} baris baru, {r.jumlah().get('berubah', 0)} berubah, "
                       f"{r.jumlah().get('sama', 0)} sama.")
            st.dataframe(pd.DataFrame([{"Tabel": t, "Baru": h["baru"], "Berubah": h["berubah"], "Sama": h["sama"]}
                                       for t, h in r.perubahan.items()]), hide_index=True)
        else:
            st.error(f"Ditolak: {len(r.galat)} galat. Perbaiki lalu unggah lagi; basis data tidak diubah.")
        if r.masalah:
            st.dataframe(pd.DataFrame([{"Jenis": "galat" if m.tingkat == "galat" else "catatan", "Lembar": m.lembar,
                                        "Baris": m.baris, "Kolom": m.kolom, "Pesan": m.pesan} for m in r.masalah]),
                         hide_index=True, key=f"im_masalah_{r.sha256}")
    sah = [u for u, r in zip(unit, rencana) if r.sah]
    if sah and st.button(f"Impor {len(sah)} berkas yang sah", type="primary", key="im_tombol"):
        with st.status("Mengimpor…", expanded=True) as status:
            for i, u in enumerate(sah):
                st.write(f"{', '.join(n for n, _ in u)} ({i + 1}/{len(sah)})")
                hasil = impor.impor_data(u, d.DB)
                st.write(f"→ {hasil.status} (impor #{hasil.impor_id})")
            status.update(label="Impor selesai", state="complete")
        st.success("Data baru sudah tampil di semua halaman.")

st.subheader("Riwayat impor")
riwayat = d.riwayat_impor(d.versi())
if riwayat.empty:
    d.kosong("Belum ada impor.")
else:
    d.tabel(riwayat[["id", "waktu", "nama_file", "status", "baris_baru", "baris_berubah", "baris_sama", "sha256"]].rename(columns={
        "id": "#", "waktu": "Waktu", "nama_file": "Berkas", "status": "Status", "baris_baru": "Baru",
        "baris_berubah": "Berubah", "baris_sama": "Sama", "sha256": "SHA-256"}), {})
