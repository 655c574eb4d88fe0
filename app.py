"""SAKIP Dashboard: the router. The sidebar is drawn here once; pages read the choice and draw."""
from pathlib import Path

import streamlit as st

from dasbor import akses
import dasbor
from dasbor import presentasi

HALAMAN = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="SAKIP Dashboard", page_icon=":material/monitoring:", layout="wide")
halaman = st.navigation({
    "Analisis": [
        st.Page(str(HALAMAN / "ringkasan.py"), title="Ringkasan", icon=":material/dashboard:", default=True),
        st.Page(str(HALAMAN / "capaian.py"), title="Capaian Kinerja", icon=":material/target:"),
        st.Page(str(HALAMAN / "tren.py"), title="Tren Antar Tahun", icon=":material/trending_up:"),
        st.Page(str(HALAMAN / "wilayah.py"), title="Sebaran Wilayah", icon=":material/map:"),
        st.Page(str(HALAMAN / "anggaran.py"), title="Anggaran & Efisiensi", icon=":material/payments:"),
        st.Page(str(HALAMAN / "perbandingan.py"), title="Perbandingan Antar Daerah", icon=":material/leaderboard:"),
    ],
    "Data": [
        st.Page(str(HALAMAN / "kualitas.py"), title="Kualitas Data", icon=":material/fact_check:"),
        st.Page(str(HALAMAN / "impor.py"), title="Impor Data", icon=":material/upload_file:"),
    ],
})
akses.gerbang_lihat()
st.session_state["_pilihan"] = dasbor.sidebar()
if dasbor.mode_presentasi():
    presentasi.tampil(dasbor.pilihan())
else:
    halaman.run()
