"""The sidebar: agency, year, comparison year, predikat scale and cap (bound to the URL so a view
can be bookmarked), the deck's download with its page ticks, and the LKjIP Chapter III draft.
The deck's charts come from the page sections (`presentation.dek`) with the view on screen, the
draft from `presentation.draf`; nothing here builds a chart or writes a sentence."""

from __future__ import annotations

import streamlit as st

import dasbor as _paket
from dasbor import akses, tautan
from dasbor.data import Pilihan, pembaca, pilihan, pilihan_sekarang, tampilan, versi
from dasbor.widget import MIME_DOCX, MIME_PPTX, nama_berkas
from sakip_calc import store
from sakip_calc.access import peran
from sakip_calc.calc import analisis
from sakip_calc.calc.pemantauan import AWALAN_AMBANG
from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.export import ekspor
from sakip_calc.presentation import dek, draf
from sakip_calc.presentation import halaman as registri

# the sidebar's choices read from the link (the projector option is on or off, never wrong)
KUNCI_TAUTAN = tuple(k for k in registri.TAUTAN_SIDEBAR if k != "kontras")
PILIHAN_BATAS = {"instansi": "Sesuai laporan instansi", "100": "Dibatasi 100 %", "tanpa": "Tanpa batas"}


def skala_tersedia(v: str) -> list[str]:
    # the monitoring thresholds (pantau-tw1..4) are scales too, but not predikat scales
    return sorted(n for n in pembaca(v)(store.skala_predikat)["nama"].unique() if not n.startswith(AWALAN_AMBANG))


def sidebar() -> Pilihan | None:
    """Draw the filters and return the choice."""
    if not _paket.DB.exists():
        st.error(f"Basis data {_paket.DB} belum ada. Jalankan `python -m sakip_calc build` atau impor buku kerja.")
        return None
    v = versi()
    baca = pembaca(v)
    try:
        daftar = baca(store.instansi)
    except store.SkemaTerlaluBaru as e:  # a file from a newer program: said, never read wrongly
        st.error(str(e))
        return None
    if daftar.empty:
        st.sidebar.info("Basis data masih kosong. Impor buku kerja di halaman Impor Data.")
        return None
    nama = dict(zip(daftar["kode"], daftar["nama"]))
    sb = st.sidebar
    # wide enough for a full agency name in the selectbox
    st.html("<style>section[data-testid='stSidebar']{width:21rem !important}</style>")
    _dari_tautan("instansi", list(nama), nama.get, daftar["kode"].iloc[0], "Instansi")
    kode = sb.selectbox("Instansi", list(nama), format_func=nama.get, key="instansi", on_change=_instansi_berganti)
    baris = daftar[daftar["kode"] == kode].iloc[0]
    tahun_df = baca(store.tahun_data, int(baris["id"]))
    semua_tahun = [int(t) for t in sorted(set(tahun_df["tahun"]), reverse=True)]
    if not semua_tahun:
        sb.info("Instansi ini belum punya data.")
        _peringatan()
        return None
    tahun_bawaan, _, skala_bawaan = _bawaan_instansi(v, kode)
    _dari_tautan("tahun", semua_tahun, str, tahun_bawaan, f"Tahun untuk {baris['nama']}")
    tahun = sb.selectbox("Tahun", semua_tahun, key="tahun", on_change=_lupakan_pilihan_tahun)
    akses.lencana(v, kode, int(tahun))
    banding_opsi = [t for t in semua_tahun if t < tahun]
    # the year before the chosen one, whichever year the link or the user chose
    bawaan = banding_opsi[0] if banding_opsi else None
    _dari_tautan("banding", banding_opsi, str, bawaan, "Tahun pembanding", boleh_kosong=True)
    banding = sb.selectbox(
        "Tahun pembanding",
        banding_opsi,
        index=None,
        key="banding",
        placeholder="(tidak ada tahun sebelumnya)" if not banding_opsi else "(tanpa pembanding)",
    )
    skala_opsi = skala_tersedia(v)
    label_skala = lambda s: NAMA_SKALA.get(s, s)  # noqa: E731
    skala_bawaan = skala_bawaan if skala_bawaan in skala_opsi else skala_opsi[0]
    _dari_tautan("skala", skala_opsi, label_skala, skala_bawaan, "Skala predikat")
    nama_skala = sb.selectbox("Skala predikat", skala_opsi, format_func=label_skala, key="skala")
    _dari_tautan("batas", list(PILIHAN_BATAS), PILIHAN_BATAS.get, "instansi", "Skor capaian")
    batas_kode = sb.selectbox(
        "Skor capaian",
        list(PILIHAN_BATAS),
        format_func=PILIHAN_BATAS.get,
        key="batas",
        help="Temanggung menghitung capaian di atas 100 % sebagai 100; Tegal tidak membatasi.",
    )
    if "kontras" not in st.session_state:
        st.session_state["kontras"] = st.query_params.get("kontras") == "ya"
    _peringatan()
    _tulis_tautan(
        instansi=nama[kode],
        tahun=tahun,
        banding=banding,
        skala=label_skala(nama_skala),
        batas=PILIHAN_BATAS[batas_kode],
    )
    batas = {"instansi": analisis.BATAS_INSTANSI, "100": 100.0, "tanpa": None}[batas_kode]
    p = Pilihan(
        int(baris["id"]),
        kode,
        baris["nama"],
        baris["kabupaten"],
        int(tahun),
        int(banding) if banding is not None else None,
        nama_skala,
        batas,
        versi=v,
    )
    _alat_presentasi(p)
    return p


def _dari_tautan(kunci: str, opsi: list, label, bawaan, apa: str, boleh_kosong: bool = False) -> None:
    """Before a sidebar choice is drawn: on a session's first run its value comes from the link
    (by the label shown), else the agency's default (`dasbor.tautan`). A value no longer among the
    options (the agency changed) returns to the default."""
    alasan = "tidak ada di basis data"
    dibaca = tautan.baca(kunci, opsi, bawaan, apa, label, label, boleh_kosong=boleh_kosong, alasan=alasan)
    nilai = st.session_state.get(kunci)
    if not dibaca and nilai not in opsi and not (boleh_kosong and nilai is None):
        st.session_state[kunci] = bawaan


def _tulis_tautan(**nilai) -> None:
    """Every sidebar choice into the URL, defaults too (`dasbor.tautan`). The projector option only
    when on (?kontras=ya)."""
    if st.session_state.get("kontras"):
        nilai["kontras"] = "ya"
    elif "kontras" in st.query_params:
        del st.query_params["kontras"]
    tautan.tulis(nilai)


def _peringatan() -> None:
    # shown while the choice is the one shown instead of the link's
    tautan.peringatan(KUNCI_TAUTAN)


def _bawaan_instansi(v: str, kode: str) -> tuple[int, int | None, str]:
    """The year (latest with indicator data), comparison year and scale a view of this agency starts with."""
    daftar = pembaca(v)(store.instansi)
    baris = daftar[daftar["kode"] == kode].iloc[0]
    tahun_df = pembaca(v)(store.tahun_data, int(baris["id"]))
    capaian = tahun_df.loc[tahun_df["tabel"] == "capaian", "tahun"]
    tahun = int(capaian.max() if len(capaian) else tahun_df["tahun"].max())
    sebelum = tahun_df.loc[tahun_df["tahun"] < tahun, "tahun"]
    return tahun, (int(sebelum.max()) if len(sebelum) else None), baris["skala_predikat"]


def _lupakan_pilihan_tahun() -> None:
    tautan.lupakan(KUNCI_TAUTAN)
    # a page choice that follows the sidebar year (the year of regional data) starts afresh
    for kunci in registri.KUNCI_TAHUN:
        st.session_state.pop(kunci, None)


def _instansi_berganti() -> None:
    # set rather than dropped: a URL-bound widget in the browser only shows a value the script gives it
    v = versi()
    tahun, banding, nama_skala = _bawaan_instansi(v, st.session_state["instansi"])
    st.session_state["tahun"] = tahun
    st.session_state["banding"] = banding
    if nama_skala in skala_tersedia(v):
        st.session_state["skala"] = nama_skala
    _lupakan_pilihan_tahun()


# ---- the deck: the ticked pages' sections with the view on screen ---------------------------


def halaman_dek() -> tuple[str, ...]:
    """The pages ticked under 'Unduh Presentasi' (all by default); presentation mode shows the same."""
    return tuple(h.judul for i, h in enumerate(registri.DEK) if st.session_state.get(f"dek_{i}", True))


@st.cache_data(show_spinner="Menyiapkan grafik…", max_entries=16)
def _grafik_dek(p: Pilihan, halaman: tuple[str, ...], pilihan_halaman: tuple) -> list[ekspor.Grafik]:
    # keyed by the sidebar choice (its data version included), the ticked pages and every page choice
    return dek.grafik_tampilan(tampilan(p, dict(pilihan_halaman)), halaman)


def grafik_dek(p: Pilihan, halaman: tuple[str, ...] | None = None) -> list[ekspor.Grafik]:
    """The deck's charts: what the ticked pages show for this view and the choices made on them."""
    return _grafik_dek(p, halaman_dek() if halaman is None else halaman, pilihan_sekarang())


def _alat_presentasi(p: Pilihan) -> None:
    sb = st.sidebar
    sb.divider()
    # figures not verified yet carry DRAF on every slide and every page of the document
    belum_final = peran.draf(akses.status_angka(p.versi, p.kode, p.tahun))
    with sb.popover("Unduh Presentasi", icon=":material/slideshow:", width="stretch"):
        st.caption(f"PowerPoint 16:9 untuk {p.nama} {p.tahun}: grafik asli yang dapat disunting, satu per slide.")
        for i, h in enumerate(registri.DEK):
            st.checkbox(h.judul, value=True, key=f"dek_{i}")
        if not ekspor.penyaji_tersedia():
            st.warning(ekspor.pesan_tanpa_penyaji(), icon=":material/warning:")
        halaman, pilihan_halaman = halaman_dek(), pilihan_sekarang()
        # built on click; the chart list is the one presentation mode caches
        st.download_button(
            "Unduh .pptx",
            data=lambda: ekspor.buat_dek(
                _grafik_dek(p, halaman, pilihan_halaman),
                p.nama,
                p.tahun,
                draf=belum_final,
            ),
            file_name=f"{nama_berkas('presentasi', p)}.pptx",
            mime=MIME_PPTX,
            on_click="ignore",
            type="primary",
            icon=":material/download:",
            disabled=not halaman,
            key="dek_unduh",
            width="stretch",
        )
    # the draft follows the sidebar and the efficiency method chosen on Anggaran; built on click, from
    # the choices as they stand now (the deferred call runs outside this script run)
    pilihan_draf = dict(pilihan_sekarang())
    sb.download_button(
        "Unduh Draf LKjIP Bab III",
        data=lambda: draf.draf_docx(tampilan(p, pilihan_draf), tanda_draf=belum_final),
        file_name=f"{nama_berkas('draf-lkjip-bab-iii', p)}.docx",
        mime=MIME_DOCX,
        on_click="ignore",
        icon=":material/description:",
        key="draf_unduh",
        width="stretch",
        help="Dokumen Word (A4) yang dapat disunting: tabel capaian per sasaran, tujuh analisis, anggaran, grafik.",
    )
    sb.toggle(
        "Kontras tinggi (proyektor)",
        key="kontras",
        help="Teks dan garis sumbu hitam, kisi lebih gelap: untuk proyektor yang pucat. Tersimpan di tautan.",
    )
    sb.toggle(
        "Mode presentasi",
        key="presentasi",
        help="Satu grafik sekali tampil, huruf besar, tanpa panel samping; untuk proyektor.",
    )


def mode_presentasi() -> bool:
    return bool(st.session_state.get("presentasi")) and pilihan() is not None
