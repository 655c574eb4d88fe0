"""Bulk import: a folder of CSV/Parquet files per table, the workbook rules in SQL, all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sakip_calc import store
from sakip_calc.__main__ import main
from sakip_calc.ingest import massal
from sakip_calc.tools import synth

BERKAS = {
    "instansi.csv": """kode;nama;kabupaten;provinsi;skala_predikat;batas_capaian
dinsos-uji;Dinas Sosial Kabupaten Uji;Tegal;Jawa Tengah;permenpan;100
""",
    "Indikator.csv": """instansi;kode;nama;tingkat;sasaran;polaritas;satuan;agregasi_triwulan
dinsos-uji;SS-01;Persentase PPKS yang ditangani;sasaran;Meningkatnya kesejahteraan PPKS;naik;%;akhir
dinsos-uji;SS-02;Angka kemiskinan;Sasaran;Menurunnya kemiskinan;TURUN;%;
""",
    "capaian.csv": """instansi;indikator_kode;tahun;triwulan;target;realisasi
dinsos-uji;SS-01;2023;;80;76
dinsos-uji;SS-02;2023;;10.5;10
dinsos-uji;SS-01;2023;4;80;76
""",
    "anggaran.csv": """instansi;tahun;kode;tingkat;nama;induk_kode;pagu;realisasi;realisasi_tw1;realisasi_tw4
dinsos-uji;2023;1.06.04;program;PROGRAM REHABILITASI SOSIAL;;1000000;950000;;
dinsos-uji;2023;1.06.04.2.01;kegiatan;Rehabilitasi Sosial Dasar;1.06.04;1000000;950000;;
dinsos-uji;2023;1.06.04.2.01.01;subkegiatan;Penyediaan Permakanan;1.06.04.2.01;1000000;950000;150000;800000
""",
    "wilayah.csv": """instansi;tahun;kecamatan;desa;jenis;nilai
dinsos-uji;2023;BUMBUAWA;;PKH;120
dinsos-uji;2023;Bumijawa;si gedong;PKH;120
dinsos-uji;2023;;;PBI_JKN_APBD2;5000
""",
}


def tulis(folder: Path, berkas: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for nama, isi in berkas.items():
        (folder / nama).write_text(isi, encoding="utf-8")
    return folder


def satu(con, sql):
    return con.execute(sql).fetchall()[0][0]


def test_folder_sah_terimpor(db_salinan, tmp_path):
    asli = store.isi_semua_tabel(store.buka(db_salinan))
    h = massal.impor_folder(tulis(tmp_path / "sah", BERKAS), db_salinan)
    assert h.status == "berhasil", [str(m) for m in h.masalah]
    con = store.buka(db_salinan)
    iid = satu(con, "SELECT id FROM instansi WHERE kode = 'dinsos-uji'")
    assert iid == 4  # after the three seeds
    assert satu(con, f"SELECT polaritas FROM indikator WHERE instansi_id = {iid} AND kode = 'SS-02'") == "turun"
    assert (
        satu(
            con, f"SELECT count(*) FROM capaian c JOIN indikator d ON d.id = c.indikator_id WHERE d.instansi_id = {iid}"
        )
        == 3
    )
    # realisasi_tw columns become quarter rows, as in the workbook import
    tw = con.execute(
        f"SELECT triwulan, realisasi FROM anggaran_triwulan WHERE instansi_id = {iid} ORDER BY triwulan"
    ).fetchall()
    assert tw == [(1, 150000.0), (4, 800000.0)]
    # kecamatan and desa spelling mapped to the official names; kabupaten-level row kept
    wil = con.execute(
        f"SELECT kecamatan, desa, nilai FROM wilayah WHERE instansi_id = {iid} ORDER BY desa NULLS FIRST, "
        "kecamatan NULLS FIRST"
    ).fetchall()
    assert wil == [(None, None, 5000.0), ("Bumijawa", None, 120.0), ("Bumijawa", "Sigedong", 120.0)]
    # the seeds did not move; the import is logged
    sekarang = store.isi_semua_tabel(con)
    assert [r for r in sekarang["anggaran"] if r[0] != iid] == asli["anggaran"]
    assert satu(con, "SELECT status FROM impor ORDER BY id DESC LIMIT 1") == "berhasil"
    # the comparison page's derived tables include the new agency
    assert satu(con, f"SELECT round(realisasi / pagu * 100, 2) FROM agregat_anggaran WHERE instansi_id = {iid}") == 95.0

    # the same folder again: the same rows replace themselves, nothing changes
    sebelum = store.isi_semua_tabel(store.buka(db_salinan))
    lagi = massal.impor_folder(tmp_path / "sah", db_salinan)
    assert lagi.status == "berhasil" and lagi.perubahan["capaian"] == {"baru": 0, "diganti": 3}
    assert store.isi_semua_tabel(store.buka(db_salinan)) == sebelum


RUSAK = {
    "instansi.csv": BERKAS["instansi.csv"].replace("permenpan", "permenpann"),
    "Indikator.csv": BERKAS["Indikator.csv"],
    "capaian.csv": """instansi;indikator_kode;tahun;triwulan;target;realisasi;warna
dinsos-uji;SS-01;20x3;;80;76;
dinsos-uji;SS-09;2023;;10.5;10;
dinsos-uji;SS-01;2023;5;80;76,5;
dinsos-lain;SS-01;2023;;80;76;
dinsos-uji;SS-02;2023;;10.5;10;
dinsos-uji;SS-02;2023;;10.5;10;
""",
    "anggaran.csv": """instansi;tahun;kode;tingkat;nama;induk_kode;pagu;realisasi
dinsos-uji;2023;1.06.04;program;PROGRAM REHABILITASI SOSIAL;1.06;1000000;950000
dinsos-uji;2023;1.06.04.2.01;kegiatan;Rehabilitasi Sosial Dasar;;1000000;-5
dinsos-uji;2023;1.06.04.2.01.01;sub;Penyediaan Permakanan;1.06.04.2.09;1000000;950000
""",
    "wilayah.csv": """instansi;tahun;kecamatan;desa;jenis;nilai
dinsos-uji;2023;Bumijawi;;PKH;120
dinsos-uji;2023;Bumijawa;;PKH;12.5
""",
    "catatan.csv": "apa;saja\n1;2\n",
}


def test_folder_rusak_ditolak_dengan_berkas_baris_kolom(db_salinan, tmp_path):
    asli = store.isi_semua_tabel(store.buka(db_salinan))
    h = massal.impor_folder(tulis(tmp_path / "rusak", RUSAK), db_salinan)
    assert h.status == "ditolak"
    galat = {(m.lembar, m.baris, m.kolom): m.pesan for m in h.masalah if m.tingkat == "galat"}
    harap = {
        ("instansi.csv", 2, "skala_predikat"): "skala 'permenpann' tidak dikenal",
        ("capaian.csv", 1, "warna"): "kolom 'warna' tidak dikenal",
        ("capaian.csv", 2, "tahun"): "'20x3' bukan angka",
        ("capaian.csv", 3, "indikator_kode"): "kode indikator 'SS-09' tidak ada",
        ("capaian.csv", 4, "triwulan"): "nilai 5 di luar rentang yang sah (1 sampai 4)",
        ("capaian.csv", 4, "realisasi"): "'76,5' bukan angka",
        ("capaian.csv", 5, "instansi"): "instansi 'dinsos-lain' tidak ada",
        (
            "capaian.csv",
            7,
            None,
        ): "baris ganda: kunci (instansi=dinsos-uji, indikator_kode=SS-02, tahun=2023) sudah ada di baris 6",
        ("anggaran.csv", 2, "induk_kode"): "program tidak punya induk",
        ("anggaran.csv", 3, "induk_kode"): "kegiatan wajib punya induk (program)",
        ("anggaran.csv", 3, "realisasi"): "nilai -5 di luar rentang yang sah (0 atau lebih)",
        ("anggaran.csv", 4, "tingkat"): "nilai 'sub' tidak dikenal; pilihan: program, kegiatan, subkegiatan.",
        (
            "wilayah.csv",
            2,
            "kecamatan",
        ): "kecamatan 'Bumijawi' tidak ada di daftar resmi Kabupaten Tegal (33.28). Nama terdekat: Bumijawa.",
        ("wilayah.csv", 3, "nilai"): "jumlah (orang, KK, lembaga) harus bilangan bulat, bukan 12.5",
    }
    for tempat, awal in harap.items():
        assert tempat in galat, (tempat, sorted(galat))
        assert galat[tempat].startswith(awal), (tempat, galat[tempat])
    assert any(m.lembar == "catatan.csv" and m.tingkat == "catatan" for m in h.masalah)
    # nothing but the log row changed
    con = store.buka(db_salinan)
    assert store.isi_semua_tabel(con) == asli
    assert satu(con, "SELECT status FROM impor ORDER BY id DESC LIMIT 1") == "ditolak"


def test_parquet_pulang_pergi_dan_cli(tmp_path, capsys):
    sumber = tmp_path / "sumber.duckdb"
    synth.bangkitkan(sumber, "tiny", cetak=lambda _: None)
    assert main(["bulk-export", str(tmp_path / "pq"), "--db", str(sumber)]) == 0
    assert (tmp_path / "pq" / "wilayah.parquet").exists()
    tujuan = tmp_path / "tujuan.duckdb"
    assert main(["bulk", str(tmp_path / "pq"), "--db", str(tujuan)]) == 0
    a, b = store.isi_semua_tabel(store.buka(sumber)), store.isi_semua_tabel(store.buka(tujuan))
    for tabel in store.TABEL_DATA:
        if tabel in ("indikator", "anggaran"):  # `urutan` is the row in the file, as in the workbook import
            continue
        assert a[tabel] == b[tabel], tabel
    assert "berhasil" in capsys.readouterr().out
    # a broken Parquet file: the whole folder is refused, exit code 1
    shutil.copy(tmp_path / "pq" / "instansi.parquet", tmp_path / "pq" / "capaian.parquet")
    assert main(["bulk", str(tmp_path / "pq"), "--db", str(tujuan)]) == 1
    assert "kolom wajib 'indikator_kode' tidak ada di baris judul" in capsys.readouterr().err
    assert main(["bulk", str(tmp_path / "tidak-ada"), "--db", str(tujuan)]) == 1


@pytest.mark.parametrize("nama", ["capaian.csv", "Capaian.CSV"])
def test_nama_berkas(tmp_path, nama):
    (tmp_path / nama).write_text("x\n")
    berkas, masalah = massal.temukan_berkas(tmp_path)
    assert berkas == {"capaian": tmp_path / nama} and not masalah
