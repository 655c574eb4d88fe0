"""Notes per indicator-year: written by an admin on Capaian Kinerja (the path the user takes),
stored through the ordinary import with history and undo, carried by the workbook (sheet
`Penjelasan`) and the bulk export/import, and written into the Chapter III draft."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
import pandas as pd
import pytest
from bantu import baca, isi
from halaman import buka
from halaman import tabel as tabel_at
from openpyxl import load_workbook

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.export import ekspor
from sakip_calc.ingest import impor, massal, templat
from sakip_calc.ingest.catatan import simpan_catatan
from sakip_calc.presentation import draf

WAKTU = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)
PERTAMA = {
    "penyebab": "Dukungan APBD II, APBD I dan APBN serta sistem sumber lain.",
    "hambatan": "Exclusion dan inclusion error dalam DTKS.",
    "target_nasional": "tidak ada target nasional untuk indikator ini",
}


@pytest.fixture(scope="module", autouse=True)
def penyaji():
    yield
    ekspor.hentikan_penyaji()


def _catatan(db):
    return baca(db, lambda con: store.catatan_instansi(con, analisis.id_instansi(con, "dinsos-temanggung")))


def test_simpan_riwayat_dan_batal(db_salinan):
    h = simpan_catatan("dinsos-temanggung", "SS-01", 2023, PERTAMA, "Kabid Linjamsos", db_salinan, WAKTU)
    assert h.status == "berhasil"
    h2 = simpan_catatan("dinsos-temanggung", "SS-01", 2023, {"penyebab": "versi dua"}, "Sekretaris", db_salinan)
    assert h2.status == "berhasil" and h2.impor_id == h.impor_id + 1
    versi = baca(db_salinan, lambda con: store.riwayat_catatan(con, 3, "SS-01", 2023))
    assert list(versi["versi"]) == ["berlaku", f"diganti impor #{h2.impor_id}"]
    assert list(versi["penulis"]) == ["Sekretaris", "Kabid Linjamsos"]
    assert versi["diubah"].iloc[1] == "2024-03-01 10:00 UTC"
    assert pd.isna(versi["hambatan"].iloc[0])  # an emptied field is emptied, not kept
    # undo (Impor page, `python -m sakip_calc undo`) brings the first version back
    assert impor.batalkan_terakhir(db_salinan).dibatalkan == h2.impor_id
    c = _catatan(db_salinan)
    assert c.iloc[0]["penyebab"] == PERTAMA["penyebab"] and c.iloc[0]["penulis"] == "Kabid Linjamsos"


def test_kode_tidak_dikenal_ditolak_tanpa_perubahan(db_salinan):
    sebelum = isi(db_salinan)
    h = simpan_catatan("dinsos-temanggung", "SS-99", 2023, {"penyebab": "x"}, "a", db_salinan)
    assert h.status == "ditolak"
    (m,) = h.rencana.galat
    assert (m.lembar, m.kolom) == ("Penjelasan", "indikator_kode") and "Mungkin maksud Anda: SS-01" in m.pesan
    assert isi(db_salinan) == sebelum


def test_lembar_catatan_di_buku_kerja(db_salinan, tmp_path):
    wb = templat.buat_templat()
    ws = wb["Penjelasan"]
    judul = [c.value for c in ws[1]]
    ws.append(
        [{"instansi": "dinsos-tegal", "indikator_kode": "SS-12", "tahun": 2018}.get(k, PERTAMA.get(k)) for k in judul]
    )
    berkas = tmp_path / "catatan.xlsx"
    wb.save(berkas)
    assert load_workbook(berkas)["Penjelasan"].max_row == 2
    (h,) = impor.impor_berkas([berkas], db_salinan)
    assert h.status == "berhasil", [str(m) for m in h.rencana.masalah]
    c = baca(db_salinan, lambda con: store.catatan_instansi(con, analisis.id_instansi(con, "dinsos-tegal")))
    assert c[["kode", "tahun", "hambatan"]].values.tolist() == [["SS-12", 2018, PERTAMA["hambatan"]]]


def test_ekspor_impor_massal_membawa_catatan(db_salinan, tmp_path):
    simpan_catatan("dinsos-temanggung", "SS-01", 2023, PERTAMA, "Kabid Linjamsos", db_salinan, WAKTU)
    simpan_catatan("dinsos-temanggung", "TJ-01", 2022, {"solusi": "rujukan"}, "Sekretaris", db_salinan, WAKTU)
    jumlah = massal.ekspor_folder(db_salinan, tmp_path / "csv", "csv")
    assert jumlah["catatan_indikator"] == 2
    tujuan = tmp_path / "baru.duckdb"
    h = massal.impor_folder(tmp_path / "csv", tujuan)
    assert h.status == "berhasil", h
    assert _catatan(tujuan).to_dict("records") == _catatan(db_salinan).to_dict("records")


def test_catatan_masuk_draf(db_salinan):
    simpan_catatan("dinsos-temanggung", "SS-01", 2023, PERTAMA, "Kabid Linjamsos", db_salinan, WAKTU)
    d = docx.Document(io.BytesIO(baca(db_salinan, lambda con: draf.draf_instansi(con, 3, 2023))))
    teks = [p.text for p in d.paragraphs]
    i = teks.index(next(t for t in teks if t.startswith("Sasaran strategis 1")))
    bagian = teks[i:]
    lima = next(t for t in bagian if t.startswith("(5)"))
    empat = next(t for t in bagian if t.startswith("(4)"))
    assert "Menurut penjelasan instansi" in lima and PERTAMA["penyebab"].rstrip(".") in lima
    assert "hambatan Exclusion dan inclusion error" in lima
    assert PERTAMA["target_nasional"] in empat
    # the tujuan has no note: its placeholders stay
    tujuan = teks[:i]
    assert any(t.startswith("[Diisi instansi: penyebab") for t in tujuan)


@pytest.mark.app
def test_admin_menulis_catatan_di_halaman_capaian(db_salinan, monkeypatch):
    """On Capaian Kinerja, a local admin (no password set, request from this computer) writes a
    note for the opened indicator; it shows, with its history after a second save."""
    import streamlit as st

    import dasbor
    from dasbor import akses

    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr(dasbor, "DB", db_salinan)
    monkeypatch.delenv("SAKIP_ADMIN_HASH", raising=False)
    monkeypatch.setattr(akses, "_permintaan", lambda: ("127.0.0.1", {"Host": "localhost:8501"}))
    at = buka("dinsos-temanggung", 2023, "capaian")
    at.selectbox(key="cp_indikator").set_value("SS-01").run()
    ke = "SS-01_2023"
    at.text_area(key=f"cp_catatan_penyebab_{ke}").input("Dukungan tiga sumber APBD/APBN.")
    at.text_input(key="cp_catatan_penulis").input("Kabid Linjamsos")
    next(b for b in at.button if b.label == "Simpan penjelasan").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("berhasil" in s.value for s in at.success), [s.value for s in at.success]
    assert any("Dukungan tiga sumber APBD/APBN." in m.value for m in at.markdown)
    assert _catatan(db_salinan)["penulis"].tolist() == ["Kabid Linjamsos"]
    # a second save: the history lists both versions
    at.text_area(key=f"cp_catatan_penyebab_{ke}").input("Versi kedua.")
    at.text_input(key="cp_catatan_penulis").input("Sekretaris")
    next(b for b in at.button if b.label == "Simpan penjelasan").click().run()
    riwayat = [df.value for df in tabel_at(at) if "Versi" in df.value.columns]
    assert riwayat and riwayat[0]["Penulis"].tolist() == ["Sekretaris", "Kabid Linjamsos"]
