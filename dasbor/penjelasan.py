"""The agency's explanation of one indicator-year on Capaian Kinerja (causes, obstacles, solutions,
national target): shown with its history, written by an admin through the ordinary import
(`ingest.catatan`), so every save is an `impor` row that can be undone."""

from __future__ import annotations

import streamlit as st

import dasbor as _paket  # DB lives on the package: tests point it at another file
from dasbor import akses
from dasbor.data import Pilihan
from dasbor.widget import aman, tabel
from sakip_calc import store
from sakip_calc.ingest import catatan
from sakip_calc.presentation.bagian import capaian as bagian


def penjelasan(v: Pilihan) -> None:
    st.subheader(f"Penjelasan instansi {v.tahun}")
    st.caption("Yang tidak ada di angka: masuk ke Draf LKjIP Bab III sebagai analisis (4) dan (5).")
    isi, riwayat = bagian.catatan(v)
    if pesan := st.session_state.pop("cp_catatan_pesan", None):
        (st.success if pesan[0] else st.error)(pesan[1])
    for k, teks in isi.items():
        st.markdown(f"**{bagian.LABEL_CATATAN[k]}:** {aman(teks)}")
    if not isi:
        st.caption("Belum ada penjelasan untuk indikator-tahun ini.")
    if riwayat:
        with st.expander("Riwayat penjelasan"):
            tabel(riwayat)
    with st.expander("Tulis penjelasan (admin)"):
        if pelaku := akses.gerbang_admin("menulis penjelasan"):
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
                        st.session_state["cp_catatan_pesan"] = _simpan(v, baru, penulis, pelaku)
                        st.rerun()


def _simpan(v: Pilihan, baru: dict[str, str], penulis: str, pelaku) -> tuple[bool, str]:
    """Save through the import; the message (ok, text) survives the rerun that shows the new note."""
    try:
        hasil = catatan.simpan_catatan(v.kode, bagian.indikator(v), v.tahun, baru, penulis, _paket.DB, pelaku=pelaku)
    except (store.SkemaTerlaluBaru, ValueError) as e:  # a file this program cannot write
        return False, f"Tidak dapat disimpan: {e}"
    if hasil.status == "ditolak":
        return False, "; ".join(str(m) for m in hasil.rencana.galat)
    return True, f"Penjelasan: {hasil.status} (impor #{hasil.impor_id})."
