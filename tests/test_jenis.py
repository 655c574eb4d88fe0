"""Data kinds are data: a `Jenis` sheet (or a bulk `Jenis.csv`) adds a regional data kind beside
the built-in ones; an unknown `jenis` is one error that lists its rows and says how to add one."""

from __future__ import annotations

from pathlib import Path

import bantu

from sakip_calc.__main__ import main
from sakip_calc.domain.spesifikasi import KODE_JENIS_WILAYAH
from sakip_calc.ingest import impor, massal, templat

I = "dinsos-tegal"
BARU = ["PPKS_VERVAL", "PPKS DTKS terverifikasi-validasi", "BDT/DTKS", "jiwa", "ya"]


def _workbook(tujuan: Path, jenis: list[list], wilayah: list[list]) -> Path:
    wb = templat.buat_templat()
    for b in jenis:
        wb["Jenis"].append(b)
    for b in wilayah:
        wb["Wilayah"].append([I, 2024, *b])
    wb.save(tujuan)
    return tujuan


def _baca(db, sql):
    return bantu.baca(db, lambda con: con.execute(sql).fetchall())


def test_lembar_jenis_menambah_jenis_data(db_salinan, tmp_path, capsys):
    xlsx = _workbook(
        tmp_path / "jenis.xlsx",
        [BARU],
        [["Bumijawa", None, "ppks_verval", 120, "uji"], ["Slawi", None, "PPKS_VERVAL", 80, "uji"]],
    )
    assert main(["import", str(xlsx), "--db", str(db_salinan)]) == 0, capsys.readouterr().err
    assert _baca(db_salinan, "SELECT * FROM jenis_wilayah WHERE kode = 'PPKS_VERVAL'") == [
        ("PPKS_VERVAL", "PPKS DTKS terverifikasi-validasi", "BDT/DTKS", "jiwa", True)
    ]
    assert _baca(db_salinan, "SELECT sum(nilai), count(kecamatan_kode) FROM wilayah WHERE jenis = 'PPKS_VERVAL'") == [
        (200.0, 2)
    ]
    # undone like any import: the kind goes with its rows; the built-in kinds stay
    assert main(["undo", "--db", str(db_salinan)]) == 0
    assert _baca(db_salinan, "SELECT count(*) FROM jenis_wilayah WHERE kode = 'PPKS_VERVAL'") == [(0,)]
    assert _baca(db_salinan, "SELECT count(*) FROM jenis_wilayah") == [(len(KODE_JENIS_WILAYAH),)]  # built-in only


def test_jenis_tak_dikenal_satu_galat_dengan_daftar_baris(db_salinan, tmp_path):
    xlsx = _workbook(
        tmp_path / "asing.xlsx",
        [["PKH", "PKH lain", "Bantuan sosial", "KPM", "tidak"]],
        [
            ["Bumijawa", None, "PPKS_VERVAL", 1, None],
            ["Slawi", None, "PPKS_VERVAL", 2, None],
            ["Talang", None, "PKH", 3, None],
            ["Tarub", None, "ppks_verval", 4, None],
        ],
    )
    h = impor.impor_berkas([xlsx], db_salinan)[0]
    assert h.status == "ditolak"
    galat = {(m.lembar, m.baris, m.kolom): m.pesan for m in h.rencana.galat}
    assert set(galat) == {("Jenis", 2, "kode"), ("Wilayah", 2, "jenis")}
    assert "sudah jenis bawaan" in galat[("Jenis", 2, "kode")]
    pesan = galat[("Wilayah", 2, "jenis")]
    assert pesan.startswith("jenis 'PPKS_VERVAL' tidak dikenal (baris 2-3, 5).")
    assert "tambahkan lembar Jenis (kode, nama, kelompok, satuan, dapat_dijumlah)" in pesan


def test_berkas_massal_jenis(db_salinan, tmp_path):
    folder = tmp_path / "massal"
    folder.mkdir()
    (folder / "Jenis.csv").write_text("kode;nama;kelompok;satuan;dapat_dijumlah\n" + ";".join(BARU) + "\n")
    (folder / "wilayah.csv").write_text(
        "instansi;tahun;kecamatan;desa;jenis;nilai\n"
        f"{I};2024;Bumijawa;;ppks_verval;120\n{I};2024;Slawi;;PPKS_LAIN;1\n{I};2024;Tarub;;PPKS_LAIN;1\n"
    )
    h = massal.impor_folder(folder, db_salinan)
    assert h.status == "ditolak"
    assert [(m.lembar, m.baris, m.kolom) for m in h.masalah if m.tingkat == "galat"] == [("wilayah.csv", 3, "jenis")]
    (folder / "wilayah.csv").write_text(
        f"instansi;tahun;kecamatan;desa;jenis;nilai\n{I};2024;Bumijawa;;ppks_verval;120\n"
    )
    assert massal.impor_folder(folder, db_salinan).status == "berhasil"
    assert _baca(db_salinan, "SELECT kode, dapat_dijumlah FROM jenis_wilayah WHERE kode = 'PPKS_VERVAL'") == [
        ("PPKS_VERVAL", True)
    ]
    assert _baca(db_salinan, "SELECT kecamatan_kode FROM wilayah WHERE jenis = 'PPKS_VERVAL'") == [("33.28.02",)]


def test_pesan_berulang_tampil_sekali_dengan_daftar_baris(db_salinan, tmp_path, capsys):
    xlsx = _workbook(
        tmp_path / "ulang.xlsx", [], [[k, None, "PKH", 1.5, None] for k in ("Bumijawa", "Slawi", "Talang")]
    )
    assert main(["import", str(xlsx), "--db", str(db_salinan)]) == 1
    err = capsys.readouterr().err.splitlines()
    baris = [b for b in err if "harus bilangan bulat" in b]
    assert baris == [
        "ulang.xlsx: GALAT lembar 'Wilayah', baris 2, kolom 'nilai': jumlah (orang, KK, lembaga) harus bilangan "
        "bulat, bukan 1.5 (baris 2-4)"
    ]
