"""SAKIP Dashboard: the router. The pages come from the registry (`sakip_calc.presentation.halaman`);
the sidebar is drawn here once; pages read the choice and draw their sections."""

from pathlib import Path

import streamlit as st

import dasbor
from dasbor import akses, grafik_web, presentasi, tautan
from sakip_calc.presentation import halaman as registri

HALAMAN = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="SAKIP Dashboard", page_icon=":material/monitoring:", layout="wide")
grup: dict[str, list] = {}
for h in registri.DAFTAR:
    grup.setdefault(h.grup, []).append(
        st.Page(str(HALAMAN / f"{h.id}.py"), title=h.judul, icon=h.ikon, url_path=h.id, default=h.bawaan)
    )
halaman = st.navigation(grup)
dipilih = next(h for h in registri.DAFTAR if h.judul == halaman.title)
tautan.halaman(dipilih)
akses.gerbang_lihat()
if dipilih.grafik or st.session_state.get("presentasi"):
    grafik_web.muat_awal()  # the chart library loads while the server builds the page
st.session_state["_pilihan"] = dasbor.sidebar()
if dasbor.mode_presentasi():
    presentasi.tampil(dasbor.pilihan())
else:
    dasbor.gaya_halaman()
    halaman.run()
