"""The importer on real workbooks and a real DuckDB file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from bantu import baca, isi

from sakip_calc import store
from sakip_calc.domain.spesifikasi import LEMBAR
from sakip_calc.ingest import impor, templat

AKAR = Path(__file__).resolve().parents[1]
TEGAL = AKAR / "data" / "dinsos_tegal_2018.xlsx"


def test_templat_punya_lembar_catatan_dan_dropdown(tmp_path):
    wb = openpyxl.load_workbook(templat.simpan_templat(tmp_path / "t.xlsx"))
    for lembar in LEMBAR:
        ws = wb[lembar.nama]
        header = [c.value for c in ws[1]]
        assert header == list(lembar.nama_kolom)
        assert all(c.comment is not None and c.comment.text for c in ws[1])
    dropdown = {ws.title: [dv.sqref for dv in ws.data_validations.dataValidation] for ws in wb.worksheets}
    assert any("D2" in str(r) for r in dropdown["Indikator"])  # tingkat
    assert any("H2" in str(r) for r in dropdown["Indikator"])  # polaritas
    assert any("E2" in str(r) for r in dropdown["Wilayah"])  # jenis


def _workbook_rusak(tmp_path) -> Path:
    wb = openpyxl.load_workbook(TEGAL)
    wb["Capaian"]["G5"] = "13,11,0"  # realisasi unreadable
    wb["Wilayah"]["C3"] = "BUMIJAWAA"  # unknown kecamatan
    wb["Anggaran"]["H4"] = -5  # negative pagu
    tujuan = tmp_path / "rusak.xlsx"
    wb.save(tujuan)
    return tujuan


def test_workbook_bergalat_tidak_mengubah_isi_basis_data(db_salinan, tmp_path):
    sebelum = isi(db_salinan)
    hasil = impor.impor_berkas([_workbook_rusak(tmp_path)], db_salinan)[0]
    assert hasil.status == "ditolak"
    assert isi(db_salinan) == sebelum
    tempat = {(m.lembar, m.baris, m.kolom) for m in hasil.rencana.galat}
    assert ("Capaian", 5, "realisasi") in tempat
    assert ("Wilayah", 3, "kecamatan") in tempat
    assert ("Anggaran", 4, "pagu") in tempat
    kec = next(m for m in hasil.rencana.galat if m.kolom == "kecamatan")
    assert "Bumijawa" in kec.pesan  # closest known name suggested
    riwayat = baca(db_salinan, store.riwayat_impor)
    assert riwayat.iloc[0]["status"] == "ditolak" and "BUMIJAWAA" in riwayat.iloc[0]["pesan"]


def test_impor_berkas_sama_dua_kali_tidak_mengubah_apa_pun(db_salinan):
    sebelum = isi(db_salinan)
    hasil = impor.impor_berkas([TEGAL], db_salinan)[0]
    assert hasil.status == "tanpa perubahan"
    assert hasil.rencana.jumlah()["baru"] == 0 and hasil.rencana.jumlah()["berubah"] == 0
    assert isi(db_salinan) == sebelum


def test_berkas_koreksi_memperbarui_baris_di_tempat(db_salinan, tmp_path):
    wb = openpyxl.load_workbook(TEGAL)
    ws = wb["Wilayah"]
    header = [c.value for c in ws[1]]
    baris = next(
        r
        for r in ws.iter_rows(min_row=2)
        if r[header.index("jenis")].value == "BDT" and r[header.index("kecamatan")].value == "MARGASARI"
    )
    baris[header.index("nilai")].value = 49_999
    tujuan = tmp_path / "koreksi.xlsx"
    wb.save(tujuan)
    con = store.buka(db_salinan, read_only=True)
    jumlah_baris = con.execute("SELECT count(*) FROM wilayah").fetchone()[0]
    con.close()
    hasil = impor.impor_berkas([tujuan], db_salinan)[0]
    assert hasil.status == "berhasil"
    assert hasil.rencana.perubahan["wilayah"]["berubah"] == 1
    assert hasil.rencana.perubahan["wilayah"]["baru"] == 0
    con = store.buka(db_salinan, read_only=True)
    assert con.execute("SELECT count(*) FROM wilayah").fetchone()[0] == jumlah_baris
    assert (
        con.execute(
            "SELECT nilai FROM wilayah w JOIN instansi i ON i.id = w.instansi_id "
            "WHERE i.kode = 'dinsos-tegal' AND kecamatan = 'Margasari' AND jenis = 'BDT'"
        ).fetchone()[0]
        == 49_999
    )
    con.close()


def test_pratinjau_tidak_menulis(db_salinan, tmp_path):
    sebelum = isi(db_salinan)
    rencana = impor.pratinjau([("t.xlsx", TEGAL.read_bytes())], db_salinan)
    assert rencana.sah and rencana.jumlah()["sama"] > 0
    assert isi(db_salinan) == sebelum


CSV_INSTANSI = (
    "kode;nama;kabupaten;provinsi;skala_predikat;batas_capaian\r\n"
    "dinsos-uji;Dinas Sosial Uji Ñ;Kab. Tegal;Jawa Tengah;permenpan;100\r\n"
)
CSV_WILAYAH = (
    "instansi;tahun;kecamatan;desa;jenis;nilai;sumber\r\n"
    "dinsos-uji;2018;SURODADI;;BDT;41.650;uji\r\n"
    "dinsos-uji;2018;JATI NEGARA;;PKH;2.892;uji\r\n"
)
CSV_INDIKATOR = (
    "instansi,kode,nama,tingkat,sasaran,polaritas\ndinsos-uji,SS-01,Persentase PPKS,sasaran,Sasaran A,naik\n"
)
CSV_CAPAIAN = "instansi;indikator_kode;tahun;target;realisasi;capaian_dilaporkan\ndinsos-uji;SS-01;2023;63;65,29;100\n"


def test_csv_per_lembar_latin1_bom_titik_koma_dan_koma_desimal(tmp_path):
    db = tmp_path / "csv.duckdb"
    (tmp_path / "Instansi.csv").write_bytes(CSV_INSTANSI.encode("cp1252"))
    (tmp_path / "Wilayah.csv").write_bytes(b"\xef\xbb\xbf" + CSV_WILAYAH.encode())
    (tmp_path / "uji_Indikator.csv").write_text(CSV_INDIKATOR)
    (tmp_path / "Capaian.csv").write_text(CSV_CAPAIAN)
    hasil = impor.impor_berkas(sorted(tmp_path.glob("*.csv")), db)
    assert [h.status for h in hasil] == ["berhasil"], [str(m) for h in hasil for m in h.rencana.masalah]
    con = store.buka(db, read_only=True)
    assert con.execute("SELECT nama FROM instansi").fetchone()[0] == "Dinas Sosial Uji Ñ"
    assert sorted(con.execute("SELECT kecamatan, nilai FROM wilayah").fetchall()) == [
        ("Jatinegara", 2892.0),
        ("Suradadi", 41650.0),
    ]
    assert con.execute("SELECT realisasi FROM capaian").fetchone()[0] == pytest.approx(65.29)
    con.close()


def test_kolom_salah_nama_dan_ganda(tmp_path):
    db = tmp_path / "x.duckdb"
    (tmp_path / "Indikator.csv").write_text("instansi,kode,nama,tingkat,sasaran,polaritass,kode\n")
    hasil = impor.impor_berkas([tmp_path / "Indikator.csv"], db)[0]
    pesan = " | ".join(str(m) for m in hasil.rencana.galat)
    assert "Mungkin maksud Anda: polaritas" in pesan
    assert "muncul dua kali" in pesan
    assert "kolom wajib 'polaritas'" in pesan


def test_baris_ganda_karena_ejaan_kecamatan(tmp_path, db_salinan):
    wb = templat.buat_templat()
    wb["Wilayah"].append(["dinsos-tegal", 2030, "KEDUNG BANTENG", None, "PKH", 1, "uji"])
    wb["Wilayah"].append(["dinsos-tegal", 2030, "REDUNGSANTENG", None, "PKH", 2, "uji"])
    tujuan = tmp_path / "ganda.xlsx"
    wb.save(tujuan)
    hasil = impor.impor_berkas([tujuan], db_salinan)[0]
    assert hasil.status == "ditolak"
    assert any("baris ganda" in m.pesan and m.baris == 3 for m in hasil.rencana.galat)


def _cli(*arg):
    return subprocess.run(
        [sys.executable, "-m", "sakip_calc", *map(str, arg)], cwd=AKAR, capture_output=True, text=True
    )


def test_cli_kode_keluar_dan_galat_per_baris(tmp_path, db_salinan):
    rusak = _workbook_rusak(tmp_path)
    hasil = _cli("import", rusak, "--db", db_salinan)
    assert hasil.returncode == 1
    galat = [b for b in hasil.stderr.splitlines() if "GALAT" in b]
    assert len(galat) >= 3 and any("lembar 'Capaian', baris 5, kolom 'realisasi'" in b for b in galat)
    ok = _cli("import", TEGAL, "--db", db_salinan)
    assert ok.returncode == 0, ok.stderr
    assert "tanpa perubahan" in ok.stdout
    assert _cli("import", tmp_path / "tidak_ada.xlsx", "--db", db_salinan).returncode == 1
    keluar = tmp_path / "templat.xlsx"
    assert _cli("template", keluar).returncode == 0 and keluar.exists()


def test_cli_build(tmp_path):
    db = tmp_path / "baru.duckdb"
    hasil = _cli("build", "--db", db)
    assert hasil.returncode == 0, hasil.stderr
    con = store.buka(db, read_only=True)
    assert {r[0] for r in con.execute("SELECT kode FROM instansi").fetchall()} >= {"dinsos-tegal", "dinsos-tanjabbar"}
    con.close()


def test_skala_kustom_dipilih_per_instansi(tmp_path, db_salinan):
    from sakip_calc.calc import analisis

    wb = templat.buat_templat()
    wb["Skala"].append(["skala-uji", "L", "Lulus", 95, "ya", "#00aa00"])
    wb["Skala"].append(["skala-uji", "G", "Gagal", None, "tidak", "#aa0000"])
    wb["Instansi"].append(
        [
            "dinsos-tanjabbar",
            "Dinas Sosial Kabupaten Tanjung Jabung Barat",
            "Tanjung Jabung Barat",
            "Jambi",
            "skala-uji",
            None,
        ]
    )
    tujuan = tmp_path / "skala.xlsx"
    wb.save(tujuan)
    hasil = impor.impor_berkas([tujuan], db_salinan)[0]
    assert hasil.status == "berhasil", [str(m) for m in hasil.rencana.masalah]
    con = store.buka(db_salinan, read_only=True)
    s = analisis.skor_indikator(con, analisis.id_instansi(con, "dinsos-tanjabbar"))
    iku = s[(s["tahun"] == 2023) & (s["tingkat"] == "sasaran")].set_index("kode")
    con.close()
    assert iku.loc["SS-01", "predikat"] == "Gagal"  # 90,9 < 95
    assert iku.loc["SS-03", "predikat"] == "Lulus"  # 100


def test_skala_tak_dikenal_ditolak(tmp_path, db_salinan):
    wb = templat.buat_templat()
    wb["Instansi"].append(["dinsos-baru", "Dinas Sosial Baru", "Tegal", "Jawa Tengah", "permenpann", None])
    tujuan = tmp_path / "x.xlsx"
    wb.save(tujuan)
    hasil = impor.impor_berkas([tujuan], db_salinan)[0]
    assert hasil.status == "ditolak"
    assert any("permenpan" in m.pesan and m.kolom == "skala_predikat" for m in hasil.rencana.galat)
