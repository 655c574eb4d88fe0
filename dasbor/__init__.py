"""Streamlit glue shared by the pages: connection, cached reads, the sidebar, small widgets.
The package also holds access (`dasbor.akses`) and presentation mode (`dasbor.presentasi`);
nothing outside it and pages/ imports Streamlit.

Caches are keyed by the database file's version (inode, mtime, size). An import replaces the
file atomically, so the next run sees a new version: the old connection is released and every
read is done again on the new data. Nothing else is recomputed on a rerun.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.export import ekspor
from sakip_calc.presentation import dek
from sakip_calc.domain.angka import format_angka, format_persen
from sakip_calc.domain.spesifikasi import NAMA_SKALA

DB = Path(os.environ.get("SAKIP_DB", store.DB_BAWAAN))
PILIHAN_BATAS = {"instansi": "Sesuai laporan instansi", "100": "Dibatasi 100 %", "tanpa": "Tanpa batas"}


def versi() -> str:
    return store.versi_data(DB)


@st.cache_resource(max_entries=3, on_release=lambda con: con.close())
def _koneksi(versi_data: str):
    return store.buka(DB, read_only=True)


def koneksi(versi_data: str | None = None):
    """A cursor on this process's read-only connection to the database file of `versi_data` (the
    version the page started with, so an import landing mid-render cannot mix old and new rows)."""
    return store.kursor(_koneksi(versi_data or versi()))


# ---- cached reads (the version argument is the cache key that an import changes) ----------

@st.cache_data(show_spinner=False, max_entries=64)
def instansi(versi_data: str) -> pd.DataFrame:
    return store.instansi(koneksi(versi_data))


@st.cache_data(show_spinner=False, max_entries=64)
def tahun_tersedia(versi_data: str, instansi_id: int) -> pd.DataFrame:
    return store.tahun_data(koneksi(versi_data), instansi_id)


@st.cache_data(show_spinner=False, max_entries=64)
def skala_tersedia(versi_data: str) -> list[str]:
    return sorted(store.skala_predikat(koneksi(versi_data))["nama"].unique())


@st.cache_data(show_spinner=False, max_entries=64)
def skor_indikator(versi_data: str, instansi_id: int, batas, nama_skala: str) -> pd.DataFrame:
    return analisis.skor_indikator(koneksi(versi_data), instansi_id, batas, nama_skala)


@st.cache_data(show_spinner=False, max_entries=64)
def skala(versi_data: str, nama: str) -> pd.DataFrame:
    return analisis.skala(koneksi(versi_data), nama)


@st.cache_data(show_spinner=False, max_entries=64)
def triwulan_indikator(versi_data: str, instansi_id: int, kode: str, tahun: int) -> pd.DataFrame:
    return analisis.triwulan_indikator(koneksi(versi_data), instansi_id, kode, tahun)


@st.cache_data(show_spinner=False, max_entries=64)
def anggaran_tahun(versi_data: str, instansi_id: int, tahun: int) -> pd.DataFrame:
    return analisis.anggaran_tahun(koneksi(versi_data), instansi_id, tahun)


@st.cache_data(show_spinner=False, max_entries=64)
def efisiensi_program(versi_data: str, instansi_id: int, tahun: int, metode: str, batas) -> pd.DataFrame:
    return analisis.efisiensi_program(koneksi(versi_data), instansi_id, tahun, metode, batas)


@st.cache_data(show_spinner=False, max_entries=64)
def efisiensi_sasaran(versi_data: str, instansi_id: int, tahun: int, metode: str, batas) -> pd.DataFrame:
    return analisis.efisiensi_sasaran(koneksi(versi_data), instansi_id, tahun, metode, batas)


@st.cache_data(show_spinner=False, max_entries=64)
def anggaran_triwulan(versi_data: str, instansi_id: int, tahun: int) -> pd.DataFrame:
    return store.anggaran_triwulan(koneksi(versi_data), instansi_id, tahun)


@st.cache_data(show_spinner=False, max_entries=64)
def belanja(versi_data: str, instansi_id: int, tahun: int) -> pd.DataFrame:
    return store.belanja(koneksi(versi_data), instansi_id, tahun)


@st.cache_data(show_spinner=False, max_entries=64)
def wilayah(versi_data: str, instansi_id: int) -> pd.DataFrame:
    return store.wilayah(koneksi(versi_data), instansi_id)


@st.cache_data(show_spinner=False, max_entries=64)
def masalah_data(versi_data: str, instansi_id: int) -> pd.DataFrame:
    return analisis.masalah_data(koneksi(versi_data), instansi_id)


@st.cache_data(show_spinner=False, max_entries=64)
def riwayat_impor(versi_data: str) -> pd.DataFrame:
    return store.riwayat_impor(koneksi(versi_data))


# cross-agency reads: aggregated in DuckDB, at most one row per agency
@st.cache_data(show_spinner=False, max_entries=64)
def daftar_provinsi(versi_data: str) -> list[str]:
    return store.daftar_provinsi(koneksi(versi_data))


@st.cache_data(show_spinner=False, max_entries=64)
def indikator_bersama(versi_data: str, tahun: int, provinsi: str | None, instansi_id: int) -> pd.DataFrame:
    return analisis.indikator_bersama(koneksi(versi_data), tahun, provinsi, instansi_id)


@st.cache_data(show_spinner=False, max_entries=64)
def banding_instansi(versi_data: str, tahun: int, provinsi: str | None, batas, nama_skala: str, kunci: str | None) -> pd.DataFrame:
    return analisis.banding_instansi(koneksi(versi_data), tahun, provinsi, batas, nama_skala, kunci)


@st.cache_data(show_spinner=False, max_entries=64)
def banding_provinsi(versi_data: str, tahun: int, batas, nama_skala: str, kunci: str | None) -> pd.DataFrame:
    return analisis.banding_provinsi(koneksi(versi_data), tahun, batas, nama_skala, kunci)


# ---- the sidebar: agency, year, comparison year, predikat scale, cap ------------------------

@dataclass(frozen=True)
class Pilihan:
    versi: str
    instansi_id: int
    kode: str
    nama: str
    kabupaten: str
    tahun: int
    tahun_banding: int | None
    skala: str
    batas: float | None | str      # a number, None (no cap) or analisis.BATAS_INSTANSI


def sidebar() -> Pilihan | None:
    """Draw the filters (bound to the URL so a view can be bookmarked) and return the choice."""
    if not DB.exists():
        st.error(f"Basis data {DB} belum ada. Jalankan `python -m sakip_calc build` atau impor buku kerja.")
        return None
    v = versi()
    daftar = instansi(v)
    if daftar.empty:
        st.sidebar.info("Basis data masih kosong. Impor buku kerja di halaman Impor Data.")
        return None
    nama = dict(zip(daftar["kode"], daftar["nama"]))
    sb = st.sidebar
    # wide enough for a full agency name in the selectbox
    st.html("<style>section[data-testid='stSidebar']{width:21rem !important}</style>")
    kode = sb.selectbox("Instansi", list(nama), format_func=nama.get, key="instansi", bind="query-params",
                        on_change=_instansi_berganti)
    baris = daftar[daftar["kode"] == kode].iloc[0]
    tahun_df = tahun_tersedia(v, int(baris["id"]))
    semua_tahun = [int(t) for t in sorted(set(tahun_df["tahun"]), reverse=True)]
    if not semua_tahun:
        sb.info("Instansi ini belum punya data.")
        return None
    # the computed default only on first show; afterwards the session (or the URL) holds the value
    bawaan = semua_tahun.index(_bawaan_instansi(v, kode)[0]) if "tahun" not in st.session_state else 0
    tahun = sb.selectbox("Tahun", semua_tahun, index=bawaan, key="tahun", bind="query-params")
    banding_opsi = [t for t in semua_tahun if t < tahun]
    banding = sb.selectbox("Tahun pembanding", banding_opsi, index=0 if banding_opsi else None,
                           key="banding", bind="query-params", placeholder="(tidak ada tahun sebelumnya)")
    skala_opsi = skala_tersedia(v)
    skala_bawaan = baris["skala_predikat"] if baris["skala_predikat"] in skala_opsi else skala_opsi[0]
    nama_skala = sb.selectbox("Skala predikat", skala_opsi, index=skala_opsi.index(skala_bawaan) if "skala" not in st.session_state else 0,
                              format_func=lambda s: NAMA_SKALA.get(s, s), key="skala", bind="query-params")
    batas_kode = sb.selectbox("Skor capaian", list(PILIHAN_BATAS), format_func=PILIHAN_BATAS.get, key="batas",
                              bind="query-params",
                              help="Temanggung menghitung capaian di atas 100 % sebagai 100; Tegal tidak membatasi.")
    batas = {"instansi": analisis.BATAS_INSTANSI, "100": 100.0, "tanpa": None}[batas_kode]
    p = Pilihan(v, int(baris["id"]), kode, baris["nama"], baris["kabupaten"], int(tahun),
                int(banding) if banding is not None else None, nama_skala, batas)
    _alat_presentasi(p)
    return p


def _bawaan_instansi(v: str, kode: str) -> tuple[int, int | None, str]:
    """The year (latest with indicator data), comparison year and scale a view of this agency starts with."""
    daftar = instansi(v)
    baris = daftar[daftar["kode"] == kode].iloc[0]
    tahun_df = tahun_tersedia(v, int(baris["id"]))
    capaian = tahun_df.loc[tahun_df["tabel"] == "capaian", "tahun"]
    tahun = int(capaian.max() if len(capaian) else tahun_df["tahun"].max())
    sebelum = tahun_df.loc[tahun_df["tahun"] < tahun, "tahun"]
    return tahun, (int(sebelum.max()) if len(sebelum) else None), baris["skala_predikat"]


def _instansi_berganti() -> None:
    # set rather than dropped: a URL-bound widget in the browser only shows a value the script gives it
    v = versi()
    tahun, banding, nama_skala = _bawaan_instansi(v, st.session_state["instansi"])
    st.session_state["tahun"] = tahun
    st.session_state["banding"] = banding
    if nama_skala in skala_tersedia(v):
        st.session_state["skala"] = nama_skala


def pilihan() -> Pilihan | None:
    """The sidebar choice made by app.py in this run (every page starts here)."""
    if PagesManager.uses_pages_directory:
        # A fresh server whose first request is a deep link runs the page file through
        # Streamlit's legacy pages/ mode, without app.py; st.navigation turns that mode off,
        # so turn it off here and run again through the router.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state.get("_pilihan")


# ---- small drawing helpers ------------------------------------------------------------------

def grafik(fig: go.Figure, kalimat: str | None = None, key: str | None = None) -> None:
    """A chart with its one-sentence reading under it, and PNG/SVG downloads of it."""
    st.plotly_chart(fig, config={"displaylogo": False, "locale": "id"}, key=key)
    if kalimat:
        st.caption(aman(kalimat))
    kunci = key or "g_" + hashlib.md5(ekspor.judul_grafik(fig).encode()).hexdigest()[:10]
    nama = _nama_berkas(ekspor.judul_grafik(fig))
    with st.container(horizontal=True, gap="small"):
        # rendered only when clicked (on a worker thread), so a rerun costs nothing
        for format, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            st.download_button(format.upper(), data=lambda f=format: _gambar(fig.to_json(), f, fig), file_name=f"{nama}.{format}",
                               mime=mime, on_click="ignore", type="tertiary", icon=":material/download:",
                               key=f"{kunci}_{format}", help=f"Unduh grafik ini sebagai {format.upper()}")


def kartu(kolom, label: str, nilai: str, catatan: str | None = None, help: str | None = None) -> None:
    kolom.metric(label, nilai, catatan, delta_color="off", delta_arrow="off", help=help, border=True)


def kartu_predikat(kolom, predikat: str | None, warna: str | None, nama_skala: str) -> None:
    """The predikat as a coloured word: a metric's big font cannot hold 'Sangat Memuaskan'."""
    with kolom.container(border=True, height="stretch"):
        st.markdown(f"<div style='font-size:0.875rem'>Predikat</div>"
                    f"<div style='font-size:1.7rem;font-weight:600;color:{html.escape(warna or '#262626')};line-height:1.3'>"
                    f"{html.escape(predikat or '–')}</div>"
                    f"<div style='font-size:0.8rem;color:#595959'>skala {html.escape(NAMA_SKALA.get(nama_skala, nama_skala))}</div>",
                    unsafe_allow_html=True)


def sumber(p: Pilihan, tabel: str) -> str:
    return f"Dinas Sosial Kab. {p.kabupaten}, {tabel}"


def persen(x, d: int = 2) -> str:
    return format_persen(x, d)


def angka(x, d: int = 0) -> str:
    return format_angka(x, d)


def mulai(judul: str) -> Pilihan:
    """Every page's first line: the sidebar choice and the page title ('{tahun}' is filled in)."""
    p = pilihan()
    if p is None:
        st.stop()
    st.title(judul.format(tahun=p.tahun))
    return p


def tahun(t) -> str:
    return "–" if pd.isna(t) else str(int(t))


_MARKDOWN = re.compile(r"([\\`*_\[\]()<>#|~$!{}])")


def aman(teks) -> str:
    """Text from a workbook shown through Markdown (captions, labels): its markup stays literal."""
    return _MARKDOWN.sub(r"\\\1", str(teks))


def kosong(pesan: str) -> None:
    st.info(pesan, icon="ℹ️")



def tabel(df: pd.DataFrame, format_kolom: dict, warna_kolom: str | None = None, **kw):
    """st.dataframe with Indonesian number display; values stay numeric so sorting works."""
    df = df.assign(**{k: pd.to_numeric(df[k], errors="coerce") for k in format_kolom if k in df.columns})
    gaya = df.style.format(na_rep="–").format({k: f for k, f in format_kolom.items() if k in df.columns}, na_rep="–")
    if warna_kolom and warna_kolom in df.columns and "_warna" in df.columns:
        warna = df["_warna"]
        gaya = gaya.apply(lambda s: [f"background-color: {w}; color: #111" if isinstance(w, str) else "" for w in warna],
                          subset=[warna_kolom])
    if "_warna" in df.columns:
        gaya = gaya.hide(["_warna"], axis="columns")
    hasil = st.dataframe(gaya, hide_index=True, **kw)
    format_excel = {k: FORMAT_EXCEL[f] for k, f in format_kolom.items() if f in FORMAT_EXCEL}
    kunci = kw.get("key") or "t_" + hashlib.md5(pd.util.hash_pandas_object(df.astype(str), index=False).values.tobytes()
                                                  + str(list(df.columns)).encode()).hexdigest()[:12]
    st.download_button("Excel", data=lambda: ekspor.tabel_excel(df, format_excel, warna_kolom=warna_kolom),
                       file_name=f"{_nama_berkas('tabel')}.xlsx", mime=MIME_XLSX, on_click="ignore", type="tertiary",
                       icon=":material/download:", key=f"{kunci}_xlsx", help="Unduh tabel ini sebagai buku kerja Excel")
    return hasil


F_PERSEN = lambda x: format_persen(x, 2)          # noqa: E731
F_ANGKA2 = lambda x: format_angka(x, 2)           # noqa: E731
F_ANGKA = lambda x: format_angka(x, 0)            # noqa: E731
F_TAHUN = lambda t: str(int(t))                   # noqa: E731
# rupiah and counts whole, percentages and ratios with two decimals
F_NILAI = lambda x: format_angka(x, 0 if abs(x) >= 1000 else 2)  # noqa: E731
F_RUPIAH = lambda x: "Rp " + format_angka(x, 0)   # noqa: E731
FORMAT_EXCEL = {F_PERSEN: ekspor.ID + '#,##0.00" %"', F_ANGKA2: ekspor.ID + "#,##0.00", F_ANGKA: ekspor.ID + "#,##0",
                F_TAHUN: "0", F_RUPIAH: ekspor.ID + '"Rp "#,##0'}
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


# ---- exports: images, the deck, presentation mode -------------------------------------------

def _nama_berkas(judul: str, p: Pilihan | None = None) -> str:
    """'dinsos-temanggung-2023-serapan-per-program-2023' (agency and year first, without extension)."""
    p = p or pilihan()
    return ekspor.nama_berkas(f"{p.kode} {p.tahun} {judul}" if p else judul)


@st.cache_data(show_spinner=False, max_entries=32)
def _gambar(fig_json: str, format: str, _fig: go.Figure) -> bytes:
    # keyed by the figure's JSON: a second click on the same chart is free
    return ekspor.gambar(_fig, format)


def opsi_dek(p: Pilihan) -> dek.OpsiDek:
    """The deck follows the sidebar and, for the page on screen, that page's own choices."""
    s = st.session_state
    return dek.OpsiDek(
        tahun_banding=p.tahun_banding, batas=p.batas, nama_skala=p.skala, metode=s.get("ag_metode", "selisih"),
        indikator_tren=tuple(s["tr_indikator"]) if s.get("tr_indikator") else None, bentuk_tren=s.get("tr_bentuk", "garis"),
        indikator_tren_satu=s.get("tr_satu"), tahun_wilayah=s.get("wl_tahun"), jenis_wilayah=s.get("wl_jenis"),
        kelompok_wilayah=s.get("wl_kelompok"), kecamatan_desa=s.get("wl_kec"), jenis_desa=s.get("wl_desa_jenis"))


def halaman_dek() -> tuple[str, ...]:
    """The pages ticked under 'Unduh Presentasi' (all by default); presentation mode shows the same."""
    return tuple(h for i, h in enumerate(dek.HALAMAN) if st.session_state.get(f"dek_{i}", True))


@st.cache_data(show_spinner="Menyiapkan grafik…", max_entries=16)
def grafik_dek(versi_data: str, instansi_id: int, tahun: int, halaman: tuple[str, ...], opsi: dek.OpsiDek) -> list[ekspor.Grafik]:
    return dek.grafik_dek(koneksi(versi_data), instansi_id, tahun, halaman, opsi)


def _alat_presentasi(p: Pilihan) -> None:
    sb = st.sidebar
    sb.divider()
    with sb.popover("Unduh Presentasi", icon=":material/slideshow:", width="stretch"):
        st.caption(f"PowerPoint 16:9 untuk {p.nama} {p.tahun}: grafik asli yang dapat disunting, satu per slide.")
        for i, h in enumerate(dek.HALAMAN):
            st.checkbox(h, value=True, key=f"dek_{i}")
        halaman, opsi = halaman_dek(), opsi_dek(p)
        # built on click; the chart list is the one presentation mode caches
        st.download_button("Unduh .pptx", data=lambda: ekspor.buat_dek(grafik_dek(p.versi, p.instansi_id, p.tahun, halaman, opsi),
                                                                       p.nama, p.tahun),
                           file_name=f"{_nama_berkas('presentasi', p)}.pptx", mime=MIME_PPTX, on_click="ignore",
                           type="primary", icon=":material/download:", disabled=not halaman, key="dek_unduh", width="stretch")
    sb.toggle("Mode presentasi", key="presentasi",
              help="Satu grafik sekali tampil, huruf besar, tanpa panel samping; untuk proyektor.")


def mode_presentasi() -> bool:
    return bool(st.session_state.get("presentasi")) and pilihan() is not None
