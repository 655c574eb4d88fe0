"""No silent misreads (issue 9, item 4): an ambiguous number stops the import with both readings
until the user picks one per column (remembered for that column of that file); through the import
command and the Impor page."""

from __future__ import annotations

from pathlib import Path

import bantu
import pytest
from test_buruk import tabel_masalah, unggah
from test_impor import _cli

from sakip_calc.ingest import impor, templat

UJI = "dinsos-uji"


def workbook_ragu(tujuan: Path) -> Path:
    """`11.720` in three indicators: unit 'hari' decides nothing, 'orang' reads thousands, '%' a decimal."""
    wb = templat.buat_templat()
    wb["Instansi"].append([UJI, "Dinas Sosial Kabupaten Tegal", "Kab. Tegal", "Jawa Tengah", "permenpan", 100])
    for kode, satuan in (("IKU-1", "hari"), ("IKU-2", "orang"), ("IKU-3", "%")):
        wb["Indikator"].append([UJI, kode, f"Indikator {kode}", "sasaran", "Sasaran 1", None, satuan, "naik"])
    wb["Capaian"].append([UJI, "IKU-1", 2024, None, "10.500", None, "11.720"])
    wb["Capaian"].append([UJI, "IKU-2", 2024, None, "11.000", None, "11.720"])
    wb["Capaian"].append([UJI, "IKU-3", 2024, None, "95", None, "97.125"])
    wb.save(tujuan)
    return tujuan


def _nilai(db) -> dict:
    return dict(
        bantu.baca(
            db,
            lambda con: con.execute(
                "SELECT d.kode || '/' || c.tahun, [c.target, c.realisasi] FROM capaian c "
                "JOIN indikator d ON d.id = c.indikator_id JOIN instansi i ON i.id = d.instansi_id "
                f"WHERE i.kode = '{UJI}'"
            ).fetchall(),
        )
    )


def test_angka_ragu_menghentikan_impor_dengan_dua_bacaan(db_salinan, tmp_path):
    hasil = impor.impor_berkas([workbook_ragu(tmp_path / "ragu.xlsx")], db_salinan)[0]
    assert hasil.status == "ditolak"
    galat = {(m.lembar, m.baris, m.kolom): m.pesan for m in hasil.rencana.galat}
    assert set(galat) == {("Capaian", 2, "target"), ("Capaian", 2, "realisasi")}, galat
    pesan = galat[("Capaian", 2, "realisasi")]
    assert "11.720 (pemisah ribuan) atau 11,72 (pemisah desimal)" in pesan and "satuan 'hari'" in pesan
    assert "--baca Capaian:realisasi=ribuan" in pesan
    catatan = {(m.baris, m.kolom): m.pesan for m in hasil.rencana.masalah if m.tingkat == "catatan"}
    assert "dibaca sebagai 11.720 (pemisah ribuan) menurut satuan indikator 'orang'" in catatan[(3, "realisasi")]
    assert "dibaca sebagai 97,125 (pemisah desimal) menurut satuan indikator '%'" in catatan[(4, "realisasi")]
    assert set(hasil.rencana.tanya_baca) == {("Capaian", "target"), ("Capaian", "realisasi")}
    assert _nilai(db_salinan) == {}


def test_perintah_impor_memilih_cara_baca_dan_mengingatnya(db_salinan, tmp_path):
    berkas = workbook_ragu(tmp_path / "ragu.xlsx")
    tanpa = _cli("import", berkas, "--db", db_salinan)
    assert tanpa.returncode == 1 and "--baca Capaian:realisasi=ribuan" in tanpa.stderr
    assert _cli("import", berkas, "--db", db_salinan, "--baca", "Capaian:realisasi=lain").returncode == 1
    ok = _cli(
        "import", berkas, "--db", db_salinan, "--baca", "capaian:realisasi=ribuan", "--baca", "Capaian:target=desimal"
    )
    assert ok.returncode == 0, ok.stderr
    assert "menurut pilihan untuk kolom ini di berkas ini" in ok.stdout
    nilai = _nilai(db_salinan)
    assert nilai["IKU-1/2024"] == [pytest.approx(10.5), 11720]
    assert nilai["IKU-2/2024"] == [11000, 11720] and nilai["IKU-3/2024"] == [95, pytest.approx(97.125)]
    # remembered for that column of that file: the next import needs no option
    lagi = _cli("import", berkas, "--db", db_salinan)
    assert lagi.returncode == 0 and "tanpa perubahan" in lagi.stdout, lagi.stderr
    tersimpan = bantu.baca(
        db_salinan, lambda con: con.execute("SELECT nama_file, lembar, kolom, cara FROM cara_baca").fetchall()
    )
    assert sorted(tersimpan) == [
        ("ragu.xlsx", "Capaian", "realisasi", "ribuan"),
        ("ragu.xlsx", "Capaian", "target", "desimal"),
    ]


def test_halaman_impor_menanyakan_cara_baca_per_kolom(impor_lokal, db_salinan, tmp_path):
    at = unggah(impor_lokal(), [workbook_ragu(tmp_path / "ragu.xlsx")])
    assert any("Ditolak: 2 galat" in e.value for e in at.error), [e.value for e in at.error]
    masalah = tabel_masalah(at)
    assert masalah["Pesan"].str.contains("11.720 (pemisah ribuan) atau 11,72 (pemisah desimal)", regex=False).any()
    radio = at.radio(key="im_baca|ragu.xlsx|Capaian|realisasi")
    assert radio.value is None and radio.format_func("ribuan") == "11.720 (pemisah ribuan)"
    radio.set_value("ribuan").run()
    at.radio(key="im_baca|ragu.xlsx|Capaian|target").set_value("desimal").run()
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    at.button(key="im_tombol").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _nilai(db_salinan)["IKU-1/2024"] == [pytest.approx(10.5), 11720]


def workbook_persen(tujuan: Path) -> Path:
    """Percentages as Excel stores them: 0,0971 shown `9.71%`; a literal `"%"` in a format is no scaling."""
    wb = templat.buat_templat()
    wb["Instansi"].append([UJI, "Dinas Sosial Kabupaten Tegal", "Kab. Tegal", "Jawa Tengah", "permenpan", 100])
    wb["Indikator"].append([UJI, "IKU-1", "Persentase PPKS tertangani", "sasaran", "Sasaran 1", None, "%", "naik"])
    wb["Capaian"].append([UJI, "IKU-1", 2024, None, 0.1, None, 0.0971, 97.1])
    wb["Capaian"]["E2"].number_format = "0%"
    wb["Capaian"]["G2"].number_format = "0.00%"
    wb["Capaian"]["H2"].number_format = '0.0"%"'
    wb.save(tujuan)
    return tujuan


def test_sel_berformat_persen_dibaca_seperti_tampilannya(db_salinan, tmp_path):
    ok = _cli("import", workbook_persen(tmp_path / "persen.xlsx"), "--db", db_salinan)
    assert ok.returncode == 0, ok.stderr
    assert _nilai(db_salinan)["IKU-1/2024"] == [10, 9.71]  # exactly: not 9.709999999999999
    dilaporkan = bantu.baca(
        db_salinan,
        lambda con: con.execute(
            "SELECT capaian_dilaporkan FROM capaian c "
            "JOIN indikator d ON d.id = c.indikator_id JOIN instansi i ON i.id = d.instansi_id "
            f"WHERE i.kode = '{UJI}'"
        ).fetchall(),
    )
    assert dilaporkan == [(97.1,)]


def test_halaman_impor_membaca_sel_persen_seperti_tampilannya(impor_lokal, db_salinan, tmp_path):
    at = unggah(impor_lokal(), [workbook_persen(tmp_path / "persen.xlsx")])
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    at.button(key="im_tombol").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _nilai(db_salinan)["IKU-1/2024"] == [10, 9.71]


def workbook_huruf(tujuan: Path, satuan: str = "predikat") -> Path:
    """Nilai SAKIP as the reports write it: target A, realisasi BB (permenpan: D=1 ... AA=7)."""
    wb = templat.buat_templat()
    wb["Instansi"].append([UJI, "Dinas Sosial Kabupaten Tegal", "Kab. Tegal", "Jawa Tengah", "permenpan", 100])
    wb["Indikator"].append([UJI, "IKU-1", "Nilai SAKIP Dinas Sosial", "sasaran", "Sasaran 1", None, satuan, "naik"])
    wb["Capaian"].append([UJI, "IKU-1", 2024, None, "A", None, "bb"])
    wb.save(tujuan)
    return tujuan


def test_predikat_huruf_dinilai_menurut_urutan_skala(db_salinan, tmp_path):
    from sakip_calc import store
    from sakip_calc.calc import analisis

    ok = _cli("import", workbook_huruf(tmp_path / "huruf.xlsx"), "--db", db_salinan)
    assert ok.returncode == 0, ok.stderr
    assert "predikat 'bb' dibaca sebagai peringkat 5 dari 7 pada skala permenpan" in ok.stdout
    assert _nilai(db_salinan)["IKU-1/2024"] == [6, 5]
    con = store.buka(db_salinan, read_only=True)
    s = analisis.skor_indikator(con, analisis.id_instansi(con, UJI)).set_index("kode")
    catatan = con.execute(
        "SELECT catatan FROM capaian c JOIN indikator d ON d.id = c.indikator_id "
        "WHERE d.kode = 'IKU-1' AND c.tahun = 2024 AND d.nama LIKE 'Nilai SAKIP%'"
    ).fetchone()[0]
    con.close()
    assert s.loc["IKU-1", "capaian"] == pytest.approx(5 / 6 * 100)  # BB is one band below A
    assert catatan == "target tertulis 'A'; realisasi tertulis 'bb'"


def test_predikat_huruf_ditolak_bila_satuan_bukan_predikat(db_salinan, tmp_path):
    hasil = impor.impor_berkas([workbook_huruf(tmp_path / "huruf.xlsx", satuan="%")], db_salinan)[0]
    assert hasil.status == "ditolak"
    pesan = {(m.baris, m.kolom): m.pesan for m in hasil.rencana.galat}
    assert "nilai huruf (mis. BB) hanya diterima untuk indikator bersatuan predikat" in pesan[(2, "realisasi")]


def test_halaman_impor_menerima_predikat_huruf(impor_lokal, db_salinan, tmp_path):
    at = unggah(impor_lokal(), [workbook_huruf(tmp_path / "huruf.xlsx")])
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    masalah = tabel_masalah(at)
    assert masalah["Pesan"].str.contains("dibaca sebagai peringkat 6 dari 7", regex=False).any()
    at.button(key="im_tombol").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _nilai(db_salinan)["IKU-1/2024"] == [6, 5]
