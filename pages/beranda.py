import streamlit as st

from dasbor import koneksi
from sakip_calc import store

st.title("SAKIP Dashboard — Dinas Sosial")
con = koneksi()
instansi = store.instansi(con)
tahun = store.tahun_data(con)
st.caption(f"{len(instansi)} instansi dalam basis data")
for r in instansi.itertuples():
    t = tahun[tahun["instansi_id"] == r.id]
    ringkas = ", ".join(f"{tab}: {min(g['tahun'])}–{max(g['tahun'])}" for tab, g in t.groupby("tabel"))
    st.markdown(f"**{r.nama}** ({r.kabupaten}, {r.provinsi}) — {ringkas}")
