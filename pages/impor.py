"""Impor Data: template download, upload with a preview of every problem before anything is written,
the import itself with progress, undo of the latest import, and the import history. Changing data
is behind `dasbor.akses.gerbang_admin`."""

import io
import re

import pandas as pd
import streamlit as st

import dasbor as d
from dasbor import akses
from sakip_calc import store
from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.ingest import aturan, ejaan, impor, konvensi, ragu, templat
from sakip_calc.presentation.bagian import impor as bagian

st.title("Impor Data")
st.caption(
    "Unggah buku kerja dalam format templat. Semua masalah diperiksa dulu; tidak ada yang berubah "
    "sampai Anda menekan Impor, dan berkas dengan satu galat pun ditolak seluruhnya."
)


@st.cache_data(show_spinner=False)
def templat_xlsx() -> bytes:
    buf = io.BytesIO()
    templat.buat_templat().save(buf)
    return buf.getvalue()


@st.cache_data(show_spinner=False, max_entries=16)
def pratinjau(versi_data: str, unit: tuple[tuple[str, bytes], ...], pelaku, pilihan: tuple, jawaban: tuple):
    return impor.pratinjau(list(unit), d.DB, pelaku, dict(pilihan), dict(jawaban))


def jawaban_konvensi(unit) -> dict:
    """The conventions answered on this page for the new agencies of this unit (konvensi.py)."""
    awalan = f"im_konv|{impor.nama_unit(unit)}|"
    skala = {k.removeprefix(awalan)[:-6]: v for k, v in st.session_state.items() if _kunci(k, awalan, "|skala") and v}
    batas = {k.removeprefix(awalan)[:-6]: v for k, v in st.session_state.items() if _kunci(k, awalan, "|batas") and v}
    return {kode: (skala[kode], None if batas[kode] == konvensi.TANPA else 100.0) for kode in skala if kode in batas}


def _kunci(k, awalan: str, akhiran: str) -> bool:
    return isinstance(k, str) and k.startswith(awalan) and k.endswith(akhiran)


def tanya_konvensi(r: impor.Rencana) -> None:
    """A new agency's conventions: stated in its Instansi sheet (shown), or asked here, with what
    each answer does to its mean and predikat for its latest year."""
    instansi = r.data["Instansi"].set_index("kode")
    kurang = {m.instansi for m in r.galat if isinstance(m, konvensi.KonvensiKurang)}
    for kode in r.instansi_baru:
        tahun, akibat = r.akibat.get(kode, (None, None))
        st.markdown(f"**Konvensi laporan instansi baru {polos(kode)}**")
        if akibat is not None and len(akibat):
            st.caption(f"Akibat setiap pilihan pada rata-rata capaian dan predikat instansi tahun {tahun}:")
            d.tabel(bagian.tabel_akibat_konvensi(akibat))
        kunci = f"im_konv|{r.nama_file}|{kode}"
        if kode not in kurang and f"{kunci}|skala" not in st.session_state:  # stated, never asked here
            b = instansi.at[kode, "batas_capaian"]
            st.info(
                f"Dinyatakan di lembar Instansi: skala {instansi.at[kode, 'skala_predikat']}, "
                + ("capaian dibatasi " + f"{b:g}" if pd.notna(b) else "capaian tanpa batas")
            )
            continue
        kiri, kanan = st.columns(2)
        kiri.selectbox(
            "Skala predikat laporannya",
            sorted(akibat["skala_predikat"].unique()) if akibat is not None and len(akibat) else [],
            index=None,
            placeholder="Pilih skala",
            format_func=lambda n: NAMA_SKALA.get(n, n),
            key=f"{kunci}|skala",
        )
        kanan.radio(
            "Apakah laporannya membatasi capaian pada 100?",
            ("100", konvensi.TANPA),
            index=None,
            format_func={"100": "ya, dibatasi 100", konvensi.TANPA: "tidak, tanpa batas"}.get,
            key=f"{kunci}|batas",
        )


def pilihan_baca(unit) -> dict:
    """The reading chosen on this page for each ambiguous column of this unit (cara_baca)."""
    awalan = f"im_baca|{impor.nama_unit(unit)}|"
    return {
        tuple(k.removeprefix(awalan).split("|")): v
        for k, v in st.session_state.items()
        if isinstance(k, str) and k.startswith(awalan) and v
    }


def tanya_baca(r: impor.Rencana) -> None:
    """Numbers neither the column nor the unit decides: the user picks the reading per column."""
    st.markdown(
        "**Angka ragu**: titik/koma di angka berikut dapat berarti pemisah ribuan atau desimal. "
        "Pilih cara baca setiap kolom (diingat untuk kolom ini di berkas ini), atau perbaiki selnya."
    )
    for (lembar, kolom), sel in r.tanya_baca.items():
        m = sel[0]
        st.radio(
            f"Lembar {lembar}, kolom {kolom} (baris {aturan.daftar_baris(x.baris for x in sel)}), mis. '{m.teks}'",
            ragu.CARA,
            index=ragu.CARA.index(r.cara_baca[(lembar, kolom)]) if (lembar, kolom) in r.cara_baca else None,
            format_func=lambda c, m=m: (
                f"{aturan.tulis_bacaan(m.ribuan if c == 'ribuan' else m.desimal)} ({ragu.LABEL_CARA[c]})"
            ),
            key=f"im_baca|{r.nama_file}|{lembar}|{kolom}",
            horizontal=True,
        )


def polos(teks: str) -> str:
    """A file name shown as typed: markdown characters in it are not formatting."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~$:])", r"\\\1", teks)


def tanpa_jejak(fungsi, *argumen):
    """Run an import step; a database the program cannot write (newer schema, a column it lacks)
    is a message on the page, not a traceback."""
    try:
        return fungsi(*argumen)
    except (store.SkemaTerlaluBaru, ValueError) as e:
        st.error(f"Tidak dapat diproses: {e}")
        st.stop()


def unggah(pelaku) -> None:
    # .xls and .xlsm are accepted by the widget only to be refused with a message saying what to do
    unggahan = st.file_uploader(
        "Buku kerja (.xlsx), CSV per lembar (mis. Capaian.csv), atau batas wilayah sendiri (.geojson)",
        type=["xlsx", "csv", "xls", "xlsm", "geojson", "json"],
        accept_multiple_files=True,
        key="im_berkas",
    )
    if pesan := st.session_state.pop("im_ejaan_pesan", None):
        st.success(pesan)
    if not unggahan:
        return
    unit = impor.kelompokkan([(f.name, f.getvalue()) for f in unggahan])
    kemajuan = st.progress(0.0, "Memeriksa berkas…")
    rencana = []
    for i, u in enumerate(unit):
        kemajuan.progress(i / len(unit), f"Memeriksa {', '.join(n for n, _ in u)} ({i + 1}/{len(unit)})")
        pilihan = tuple(sorted(pilihan_baca(u).items()))
        jawaban = tuple(sorted(jawaban_konvensi(u).items()))
        rencana.append(tanpa_jejak(pratinjau, d.versi(), tuple(u), pelaku, pilihan, jawaban))
    kemajuan.progress(1.0, "Pemeriksaan selesai")
    for r in rencana:
        st.subheader(polos(r.nama_file), anchor=False)
        if r.sah:
            st.success(
                f"Siap diimpor: {r.jumlah().get('baru', 0)} baris baru, {r.jumlah().get('berubah', 0)} berubah, "
                f"{r.jumlah().get('sama', 0)} sama."
            )
            st.dataframe(
                pd.DataFrame(
                    [
                        {"Tabel": t, "Baru": h["baru"], "Berubah": h["berubah"], "Sama": h["sama"]}
                        for t, h in r.perubahan.items()
                    ]
                ),
                hide_index=True,
            )
        elif all(isinstance(m, konvensi.KonvensiKurang) for m in r.galat):
            st.warning("Belum dapat diimpor: pilih konvensi laporan instansi baru di bawah. Basis data tidak diubah.")
        else:
            st.error(f"Ditolak: {len(r.galat)} galat. Perbaiki lalu unggah lagi; basis data tidak diubah.")
        if r.masalah:
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "Jenis": "galat" if m.tingkat == "galat" else "catatan",
                            "Lembar": m.lembar,
                            "Baris": m.baris,
                            "Kolom": m.kolom,
                            "Pesan": m.pesan,
                        }
                        for m in aturan.ringkas_masalah(r.masalah)
                    ]
                ),
                hide_index=True,
                key=f"im_masalah_{r.sha256}",
            )
        if r.tanya_baca:
            tanya_baca(r)  # also once chosen: the choice stays on the page
        if r.instansi_baru:
            tanya_konvensi(r)
        if r.ejaan_baru:
            ejaan_baru(r, pelaku)
    sah = [u for u, r in zip(unit, rencana) if r.sah]
    if sah and st.button(f"Impor {len(sah)} berkas yang sah", type="primary", key="im_tombol"):
        with st.status("Mengimpor…", expanded=True) as status:
            for i, u in enumerate(sah):
                st.write(polos(f"{', '.join(n for n, _ in u)} ({i + 1}/{len(sah)})"))
                hasil = tanpa_jejak(impor.impor_data, u, d.DB, False, pelaku, pilihan_baca(u), jawaban_konvensi(u))
                st.write(f"→ {hasil.status} (impor #{hasil.impor_id})")
            status.update(label="Impor selesai", state="complete")
        st.success("Data baru sudah tampil di semua halaman. Impor terakhir dapat dibatalkan di bawah.")


def ejaan_baru(r: impor.Rencana, pelaku) -> None:
    """Names not in the official region list: the admin may confirm each as another spelling of
    an official name; it is stored in the database (with history) and the preview is rechecked."""
    st.markdown("**Ejaan nama wilayah**: nama berikut tidak ada di daftar resmi Kemendagri.")
    if pelaku.peran != "admin":  # spellings serve every agency
        st.info("Hanya admin yang dapat menyimpan ejaan lain; mintalah admin mengonfirmasinya.")
        return
    for i, e in enumerate(r.ejaan_baru):
        kiri, kanan = st.columns([3, 1], vertical_alignment="bottom")
        pilih = kiri.selectbox(
            f"{e.tingkat} '{e.nama}' di {e.tempat} adalah ejaan lain dari",
            [k for k, _ in e.pilihan],
            format_func=dict(e.pilihan).get,
            key=f"im_ejaan_{r.sha256}_{i}",
        )
        if kanan.button("Simpan ejaan ini", key=f"im_ejaan_simpan_{r.sha256}_{i}"):
            nomor, pesan = tanpa_jejak(ejaan.konfirmasi_ejaan, e.nama, pilih, d.DB, pelaku)
            st.session_state["im_ejaan_pesan"] = f"{pesan} (impor #{nomor}). Pratinjau diperiksa ulang."
            st.rerun()


def batalkan(pelaku) -> None:
    st.subheader("Batalkan impor terakhir", anchor=False)
    if pesan := st.session_state.pop("im_batal_pesan", None):
        (st.success if pesan[0] else st.error)(pesan[1])
    if not d.DB.exists():
        return
    t = store.impor_terakhir(d.koneksi())
    if t is None:
        d.kosong("Belum ada impor yang dapat dibatalkan.")
        return
    nomor = int(t["id"])
    ringkas = (
        f"Impor #{nomor} · {t['nama_file']} · {t['waktu']:%d-%m-%Y %H:%M} · "
        f"{int(t['baris_baru'])} baris baru, {int(t['baris_berubah'])} berubah"
    )
    if not t["ada_riwayat"]:
        st.info(
            polos(ringkas) + "  \nImpor ini tidak menyimpan riwayat perubahan (impor massal, atau dibuat sebelum "
            "riwayat disimpan), jadi tidak dapat dibatalkan."
        )
        return
    st.write(polos(ringkas))
    yakin = st.checkbox(
        "Saya paham: baris yang ditambahkan impor ini dihapus dan baris yang diubahnya dikembalikan "
        "seperti sebelum impor.",
        key="im_batal_yakin",
    )
    if st.button(f"Batalkan impor #{nomor}", disabled=not yakin, key="im_batal"):
        hasil = tanpa_jejak(impor.batalkan_terakhir, d.DB, nomor, pelaku)
        st.session_state["im_batal_pesan"] = (hasil.dibatalkan is not None, hasil.pesan)
        st.session_state.pop("im_batal_yakin", None)
        st.rerun()


if pelaku := akses.gerbang_admin():
    st.download_button(
        "⬇️ Unduh templat buku kerja",
        templat_xlsx(),
        file_name="templat_sakip.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="im_templat",
    )
    unggah(pelaku)
    batalkan(pelaku)

st.subheader("Riwayat impor", anchor=False)
riwayat = d.riwayat_impor(d.versi()) if d.DB.exists() else pd.DataFrame()
if riwayat.empty:
    d.kosong("Belum ada impor.")
else:
    d.tabel(
        riwayat.reindex(
            columns=[
                "id",
                "waktu",
                "nama_file",
                "status",
                "akun",
                "baris_baru",
                "baris_berubah",
                "baris_sama",
                "sha256",
            ]
        ).rename(
            columns={
                "id": "#",
                "waktu": "Waktu",
                "nama_file": "Berkas",
                "status": "Status",
                "akun": "Oleh",
                "baris_baru": "Baru",
                "baris_berubah": "Berubah",
                "baris_sama": "Sama",
                "sha256": "SHA-256",
            }
        ),
        {},
    )
