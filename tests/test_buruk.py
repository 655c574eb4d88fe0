"""The bad-input corpus (tests/data/bad/ and tests/data/buat_bad.py), through the command line and
through the Impor page: every broken file is refused with a message that names the problem and
its sheet/row/column, the data tables stay exactly as they were; every awkward but valid file
(ambiguous numbers, CSV dialects, formula-like or HTML text) is stored exactly as meant."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from bantu import isi
from halaman import buka
from halaman import tabel as tabel_at

from dasbor import akses
from sakip_calc import store

AKAR = Path(__file__).resolve().parents[1]
BAD = AKAR / "tests" / "data" / "bad"
sys.path.insert(0, str(AKAR / "tests" / "data"))
import buat_bad  # noqa: E402

# case -> [(lembar, baris, kolom, part of the message)]; "" and None where the file has no place
DITOLAK = {
    "xls_berganti_nama.xlsx": [("", None, None, "Excel 97-2003 (.xls)")],
    "pdf_berganti_nama.xlsx": [("", None, None, "berkas ini PDF")],
    "csv_berganti_nama.xlsx": [("", None, None, "teks (mungkin CSV)")],
    "html_berganti_nama.xlsx": [("", None, None, "halaman HTML")],
    "zip_terpotong.xlsx": [("", None, None, "rusak atau terpotong")],
    "zip_data_rusak.xlsx": [("", None, None, "data terkompresi tidak utuh")],
    "zip_bukan_excel.xlsx": [("", None, None, "dokumen Word, bukan buku kerja")],
    "terenkripsi.xlsx": [("", None, None, "dilindungi kata sandi")],
    "makro.xlsm": [("", None, None, "bermakro (.xlsm)")],
    "makro_berganti_nama.xlsx": [("", None, None, "berisi makro (VBA)")],
    "bom_ukuran_palsu.xlsx": [("", None, None, "ditolak sebelum diurai karena ini ciri bom zip")],
    "bom_rasio.xlsx": [("", None, None, "mengembang")],
    "entitas_xml.xlsx": [("", None, None, "entitas XML")],
    "entitas_xml_tersembunyi.xlsx": [("", None, None, "entitas XML")],
    "terlalu_besar.xlsx": [("", None, None, "lebih besar dari batas 20 MB")],
    "lembar_salah_nama.xlsx": [("Capaian 2023", None, None, "ganti nama lembar menjadi 'Capaian'")],
    "tanpa_lembar_dikenal.xlsx": [("", None, None, "tidak ada lembar yang dikenal")],
    "tanpa_lembar_instansi.xlsx": [("Indikator", 2, "instansi", "tidak ada di lembar Instansi maupun di basis data")],
    "kolom_hilang.xlsx": [("Capaian", 1, None, "kolom wajib 'tahun' tidak ada")],
    "kolom_salah_nama.xlsx": [("Capaian", 1, "G", "Mungkin maksud Anda: realisasi")],
    "kolom_ganda.xlsx": [("Wilayah", 1, "I", "muncul dua kali (juga di kolom F)")],
    "sel_gabung.xlsx": [("Wilayah", 2, "kecamatan", "sel digabung (merge) C2:C3")],
    "semua_kosong.xlsx": [("", None, None, "tidak berisi baris data")],
    "lembar_tersembunyi.xlsx": [("Capaian", None, None, "lembar ini tersembunyi")],
    "hanya_lembar_tersembunyi.xlsx": [
        ("Instansi", None, None, "lembar ini tersembunyi"),
        ("Wilayah", None, None, "lembar ini tersembunyi"),
    ],
    "rumus_tanpa_nilai.xlsx": [("Anggaran", 3, "pagu", "rumus '=SUM(1000,2000)' tanpa nilai tersimpan")],
    "galat_excel.xlsx": [
        ("Anggaran", 3, "realisasi", "galat Excel '#REF!'"),
        ("Indikator", 3, "nama", "galat Excel '#N/A'"),
    ],
    "di_luar_rentang.xlsx": [
        ("Anggaran", 2, "pagu", "nilai -5 di luar rentang"),
        ("Capaian", 3, "triwulan", "nilai 5 di luar rentang"),
        ("Capaian", 4, "tahun", "nilai 1899 di luar rentang"),
        ("Wilayah", 4, "tahun", "nilai 2200 di luar rentang"),
        ("Wilayah", 2, "nilai", "harus bilangan bulat, bukan 12.5"),
    ],
    "kunci_ganda.xlsx": [("Capaian", 5, None, "baris ganda")],
    "kode_tak_dikenal.xlsx": [
        ("Capaian", 4, "indikator_kode", "Mungkin maksud Anda: IKU-02"),
        ("Wilayah", 3, "kecamatan", "Nama terdekat: Bumijawa"),
    ],
    "csv_biner": [("", None, None, "buku kerja Excel yang diberi nama .csv")],
    "csv_galat": [
        ("Capaian", 2, "realisasi", "galat Excel '#N/A'"),
        ("Capaian", 3, "tahun", "nilai 1899"),
        ("Capaian", 4, "triwulan", "nilai 5"),
        ("Capaian", 5, "indikator_kode", "Mungkin maksud Anda: SS-01"),
    ],
    "csv_nama_salah": [("", None, None, "Mungkin maksud Anda: Capaian")],
    "csv_kolom_salah": [("Wilayah", 1, "C", "Mungkin maksud Anda: kecamatan")],
}

# case -> [(SQL giving one value, expected value)] after a successful import
CAPAIAN_UJI = (
    "SELECT c.{kolom} FROM capaian c JOIN indikator d ON d.id = c.indikator_id "
    "JOIN instansi i ON i.id = d.instansi_id WHERE i.kode = '{kode}'"
)
WILAYAH_CSV = (
    "SELECT nilai FROM wilayah WHERE instansi_id = (SELECT id FROM instansi WHERE kode = 'dinsos-csv') AND kecamatan = "
)
DITERIMA = {
    "angka_ambigu.xlsx": [
        (
            "SELECT pagu FROM anggaran WHERE kode = '1.06.04.2.01' AND instansi_id = (SELECT id FROM instansi "
            "WHERE kode = 'dinsos-uji')",
            1234,
        ),
        (
            "SELECT serapan_dilaporkan FROM anggaran WHERE kode = '1.06.04.2.01' AND instansi_id = (SELECT id "
            "FROM instansi WHERE kode = 'dinsos-uji')",
            1.234,
        ),
    ],
    "teks_rumus.xlsx": [
        (
            "SELECT nama FROM indikator WHERE kode = 'IKU-01' AND instansi_id = (SELECT id FROM instansi WHERE "
            "kode = 'dinsos-uji')",
            '=HYPERLINK("http://contoh.invalid","klik")',
        ),
        (
            "SELECT nama FROM indikator WHERE kode = 'IKU-02' AND instansi_id = (SELECT id FROM instansi WHERE "
            "kode = 'dinsos-uji')",
            "+62 811 0000",
        ),
        (
            "SELECT nama FROM anggaran WHERE kode = '1.06.04.2.01' AND instansi_id = (SELECT id FROM instansi "
            "WHERE kode = 'dinsos-uji')",
            "-2+3 kegiatan",
        ),
        (
            CAPAIAN_UJI.format(kolom="catatan", kode="dinsos-uji") + " AND c.triwulan IS NULL AND d.kode = 'IKU-01'",
            "@SUM(A1:A9)",
        ),
    ],
    "html_nama.xlsx": [
        ("SELECT nama FROM instansi WHERE kode = 'dinsos-uji'", "<script>alert('xss')</script>Dinas Sosial Uji"),
        (
            "SELECT nama FROM indikator WHERE kode = 'IKU-01' AND instansi_id = (SELECT id FROM instansi WHERE "
            "kode = 'dinsos-uji')",
            '<img src=x onerror="alert(1)"> Persentase PPKS',
        ),
    ],
    "rumus_bernilai.xlsx": [
        (
            "SELECT pagu FROM anggaran WHERE kode = '1.06.04.2.01' AND instansi_id = (SELECT id FROM instansi "
            "WHERE kode = 'dinsos-uji')",
            3000,
        )
    ],
    "csv_latin1": [
        ("SELECT nama FROM instansi WHERE kode = 'dinsos-csv'", "Dinas Sosial Pidië Ñ"),
        (
            "SELECT nama FROM indikator WHERE kode = 'SS-01' AND instansi_id = (SELECT id FROM instansi WHERE "
            "kode = 'dinsos-csv')",
            "Persentase lansia terlantar (façade)",
        ),
    ],
    "csv_utf16_tab": [("SELECT nama FROM instansi WHERE kode = 'dinsos-csv'", "Dinas Sosial Unicode Ñ")],
    "csv_bom_titik_koma": [(WILAYAH_CSV + "'Suradadi'", 41_650), (WILAYAH_CSV + "'Jatinegara'", 2_892)],
    "csv_koma_desimal": [
        (CAPAIAN_UJI.format(kolom="target", kode="dinsos-csv"), 1234.5),
        (CAPAIAN_UJI.format(kolom="capaian_dilaporkan", kode="dinsos-csv"), 103.4),
    ],
    "csv_koma_kutip": [
        (CAPAIAN_UJI.format(kolom="target", kode="dinsos-csv"), 1234.5),
        (CAPAIAN_UJI.format(kolom="capaian_dilaporkan", kode="dinsos-csv"), 103.4),
    ],
    "csv_teks_berbahaya": [
        ("SELECT nama FROM instansi WHERE kode = 'dinsos-csv'", "<script>alert(1)</script> Dinas Sosial"),
        (
            "SELECT nama || '|' || sasaran || '|' || satuan FROM indikator WHERE kode = 'SS-01' AND instansi_id = "
            "(SELECT id FROM instansi WHERE kode = 'dinsos-csv')",
            "=1+2|+62 811 0000|-10%",
        ),
        (
            "SELECT nama || '|' || sasaran FROM indikator WHERE kode = 'SS-02' AND instansi_id = "
            "(SELECT id FROM instansi WHERE kode = 'dinsos-csv')",
            '=HYPERLINK("http://contoh.invalid";"klik")|@SUM(A1:A9)',
        ),
    ],
}
CATATAN = {
    "angka_ambigu.xlsx": [
        "dibaca sebagai 1234 (pemisah ribuan) karena kolom berisi rupiah",
        "dibaca sebagai 1,234 (pemisah desimal) karena kolom berisi persentase",
    ]
}


@pytest.fixture(scope="module")
def korpus(tmp_path_factory) -> dict[str, list[Path]]:
    """Case name -> its files: generated workbooks, and the committed CSV folders."""
    folder = tmp_path_factory.mktemp("bad")
    dibuat = buat_bad.buat_semua(folder)
    hasil = {nama: [jalur] for nama, jalur in dibuat.items() if "/" not in nama}
    for nama in {n.split("/")[0] for n in dibuat if "/" in n}:
        hasil[nama] = sorted((folder / nama).iterdir())
    for d in BAD.iterdir():
        if d.is_dir() and d.name.startswith("csv_"):
            hasil[d.name] = sorted(d.glob("*.csv"))
    return hasil


def test_korpus_lengkap(korpus):
    assert set(korpus) == set(DITOLAK) | set(DITERIMA), set(korpus) ^ (set(DITOLAK) | set(DITERIMA))


def status_impor(db: Path) -> list[str]:
    con = store.buka(db, read_only=True)
    try:
        return store.riwayat_impor(con)["status"].tolist()
    finally:
        con.close()


def satu_nilai(db: Path, sql: str):
    con = store.buka(db, read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


def cli(*arg) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sakip_calc", *map(str, arg)], cwd=AKAR, capture_output=True, text=True
    )


def tempat(lembar, baris, kolom) -> str:
    """The place as the command line prints it, e.g. "lembar 'Capaian', baris 4, kolom 'tahun'"."""
    bagian = [f"lembar '{lembar}'"] if lembar else []
    if baris is not None:
        bagian.append(f"baris {baris}")
    if kolom:
        bagian.append(f"kolom '{kolom}'")
    return ", ".join(bagian)


def cocok_baris(keluaran: list[str], lembar, baris, kolom, potongan) -> bool:
    awal = "GALAT " + tempat(lembar, baris, kolom) + ":" if lembar or baris or kolom else "GALAT:"
    return any(awal in b and potongan in b for b in keluaran)


def test_cli_menolak_setiap_berkas_rusak_tanpa_mengubah_data(korpus, db_salinan):
    sebelum, jumlah_impor = isi(db_salinan), len(status_impor(db_salinan))
    xlsx = [n for n in DITOLAK if n.endswith((".xlsx", ".xlsm"))]
    hasil = cli("import", *[korpus[n][0] for n in xlsx], "--db", db_salinan)
    assert hasil.returncode == 1
    keluaran = (hasil.stdout + hasil.stderr).splitlines()
    assert "Traceback" not in hasil.stderr
    for nama in xlsx:
        milik = [b for b in keluaran if b.startswith(f"{nama}: ")]
        assert f"{nama}: ditolak" in "\n".join(milik), (nama, milik)
        for harapan in DITOLAK[nama]:
            assert cocok_baris(milik, *harapan), (nama, harapan, milik)
    for nama in (n for n in DITOLAK if n not in xlsx):  # CSV: one import per folder
        hasil = cli("import", *korpus[nama], "--db", db_salinan)
        keluaran = (hasil.stdout + hasil.stderr).splitlines()
        assert hasil.returncode == 1 and "Traceback" not in hasil.stderr, hasil.stderr
        assert any(": ditolak (impor #" in b for b in keluaran), (nama, keluaran)
        for harapan in DITOLAK[nama]:
            assert cocok_baris(keluaran, *harapan), (nama, harapan, keluaran)
    assert isi(db_salinan) == sebelum
    assert status_impor(db_salinan)[: len(DITOLAK)] == ["ditolak"] * len(DITOLAK)
    assert len(status_impor(db_salinan)) == jumlah_impor + len(DITOLAK)


@pytest.mark.parametrize("nama", sorted(DITERIMA))
def test_cli_menyimpan_berkas_janggal_apa_adanya(nama, korpus, db_salinan):
    hasil = cli("import", *korpus[nama], "--db", db_salinan)
    assert hasil.returncode == 0, hasil.stderr
    assert "berhasil" in hasil.stdout
    for catatan in CATATAN.get(nama, []):
        assert catatan in hasil.stdout
    for sql, harapan in DITERIMA[nama]:
        nilai = satu_nilai(db_salinan, sql)
        assert nilai == (pytest.approx(harapan) if isinstance(harapan, (int, float)) else harapan), (nama, sql)


@pytest.fixture
def halaman_impor(db_salinan, monkeypatch):
    import streamlit as st

    import dasbor

    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setattr(dasbor, "DB", db_salinan)
    monkeypatch.delenv("SAKIP_ADMIN_HASH", raising=False)
    # no admin password: allowed only to this computer's browser, directly
    monkeypatch.setattr(akses, "_permintaan", lambda: ("127.0.0.1", {"Host": "localhost:8501"}))
    yield buka("dinsos-tegal", 2018, "impor")


def unggah(at, berkas: list[Path]):
    nilai = [(p.name, p.read_bytes(), "application/octet-stream") for p in berkas]
    at.get("file_uploader")[0].set_value(nilai if len(nilai) > 1 else nilai[0]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def tabel_masalah(at) -> pd.DataFrame:
    return next(df.value for df in tabel_at(at) if {"Lembar", "Baris", "Kolom", "Pesan"} <= set(df.value.columns))


def ada(df: pd.DataFrame, lembar, baris, kolom, potongan) -> bool:
    def sama(a, b):
        kosong = a is None or a == "" or (isinstance(a, float) and math.isnan(a))
        return kosong if b in (None, "") else a == b

    return any(
        sama(r.Lembar, lembar) and sama(r.Baris, baris) and sama(r.Kolom, kolom) and potongan in r.Pesan
        for r in df.itertuples()
    )


def test_halaman_menolak_setiap_berkas_rusak_tanpa_mengubah_data(korpus, db_salinan, halaman_impor):
    at = halaman_impor
    sebelum = isi(db_salinan)
    for nama, harapan in DITOLAK.items():
        unggah(at, korpus[nama])
        assert any("Ditolak" in e.value for e in at.error), nama
        df = tabel_masalah(at)
        for h in harapan:
            assert ada(df, *h), (nama, h, df.to_dict("records"))
        assert not [b for b in at.button if b.key == "im_tombol"], nama
    assert isi(db_salinan) == sebelum


def test_halaman_menyimpan_berkas_janggal_apa_adanya(korpus, db_salinan, halaman_impor):
    at = halaman_impor
    for nama in sorted(DITERIMA):
        unggah(at, korpus[nama])
        assert any("Siap diimpor" in s.value for s in at.success), (nama, [e.value for e in at.error])
        for catatan in CATATAN.get(nama, []):
            assert catatan in " ".join(tabel_masalah(at)["Pesan"])
        at.button(key="im_tombol").click().run()
        assert not at.exception, [e.value for e in at.exception]
        for sql, harapan in DITERIMA[nama]:
            nilai = satu_nilai(db_salinan, sql)
            assert nilai == (pytest.approx(harapan) if isinstance(harapan, (int, float)) else harapan), (nama, sql)


def test_nama_berisi_html_tampil_sebagai_teks(korpus, db_salinan, halaman_impor):
    at = halaman_impor
    unggah(at, korpus["html_nama.xlsx"])
    at.button(key="im_tombol").click().run()
    at.run()  # the sidebar was drawn before the import
    at.selectbox(key="instansi").set_value("dinsos-uji").run()
    at.switch_page(str(AKAR / "pages" / "ringkasan.py")).run()
    assert not at.exception
    # Streamlit shows HTML in markdown as text unless unsafe_allow_html; where the app allows
    # HTML (its own styled cards) the data in it is escaped
    teks = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert any("<script>alert('xss')</script>Dinas Sosial Uji" in t for t in teks), teks
    assert not [m.value for m in at.markdown if m.proto.allow_html and ("<script" in m.value or "onerror" in m.value)]


def test_csv_dengan_bait_di_luar_cp1252_dibaca_sebagai_latin1(tmp_path):
    from sakip_calc.ingest.baca import baca_berkas

    b = baca_berkas(
        "Instansi.csv",
        isi="kode;nama;kabupaten;provinsi\ndinsos-x;Dinas \x81Sosial;Tegal;Jawa Tengah\n".encode("latin-1"),
    )
    assert not b.masalah and b.lembar["Instansi"].baris[0][1]["nama"] == "Dinas \x81Sosial"


def test_berkas_terlalu_besar_tidak_dibaca_utuh_oleh_cli(tmp_path, monkeypatch):
    from sakip_calc.ingest import impor

    besar = tmp_path / "besar.xlsx"
    with open(besar, "wb") as f:
        f.truncate(200 * 2**20)  # sparse: 200 MB on paper
    ((nama, isi),) = impor._baca_jalur([besar])
    assert len(isi) == impor.UKURAN_MAKS + 1


def test_pesan_cli_tanpa_karakter_kendali():
    from sakip_calc.ingest.baca import Masalah

    assert "\x1b" not in str(Masalah("Capaian", 2, "nama", "nilai '\x1b[31mmerah' tidak dikenal"))


def test_korpus_yang_disimpan_kecil():
    assert all(p.stat().st_size < 4096 for p in BAD.rglob("*") if p.is_file())
