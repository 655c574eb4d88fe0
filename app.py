"""SAKIP Dashboard: the router. Pages live in pages/; they read filters, call sakip_calc, draw."""
import streamlit as st

st.set_page_config(page_title="SAKIP Dashboard", page_icon="📊", layout="wide")
halaman = st.navigation([st.Page("pages/beranda.py", title="Beranda", icon="🏠", default=True)])
halaman.run()
