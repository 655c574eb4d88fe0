"""The Evaluasi Renja form import: files built by sakip_calc.tools.form_renja from the
Temanggung 2023 quarterly tables (seed 001 lines 1200-1330) and small forms with the form's own
mistakes, imported through the same plan/commit/undo as the workbook (command and Impor page)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bantu import baca, isi

from sakip_calc import store
from sakip_calc.calc import periksa
from sakip_calc.ingest import impor
from sakip_calc.tools import form_renja as fr
from sakip_calc.tools.form_renja import BarisForm, Gaya

VARIAN = {
    "kode_k_rp": Gaya(),
    "tanpa_kode": Gaya(kode=False),
    "k_persen_rp": Gaya(persen_tw=True),
    "per_triwulan": Gaya(per_triwulan=True),
    "per_triwulan_tanpa_kode": Gaya(kode=False, per_triwulan=True, persen_tw=True),
}


@pytest.fixture(scope="module")
def baris_temanggung(db_bawaan):
    return baca(db_bawaan, fr.dari_basis_data)


def _capaian(db, nama_indikator: str) -> dict:
    """{triwulan or 0: (target, realisasi, capaian_dilaporkan)} of the form's indicator with that name."""
    df = baca(
        db,
        lambda con: con.execute(
            """SELECT coalesce(c.triwulan, 0), c.target, c.realisasi, c.capaian_dilaporkan
                 FROM capaian c JOIN indikator d ON d.id = c.indikator_id
                WHERE d.kode LIKE 'RJ-%' AND d.nama = ?""",
            [nama_indikator],
        ).fetchall(),
    )
    return {r[0]: r[1:] for r in df}


KEDARURATAN = "Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan Kewenangan Kabupaten/Kota"


@pytest.mark.parametrize("varian", list(VARIAN))
def test_setiap_varian_terimpor_ke_baris_yang_diharapkan(varian, baris_temanggung, db_salinan):
    gaya = VARIAN[varian]
    hasil = impor.impor_data([(f"{varian}.xlsx", fr.buat(baris_temanggung, gaya))], db_salinan)
    assert hasil.status == "berhasil", [str(m) for m in hasil.rencana.galat]
    # seed line 1275: target 89, quarters 5 / 76 / 73 / 66, year 220
    cap = _capaian(db_salinan, KEDARURATAN)
    assert cap[0][:2] == (89, 220)
    assert [cap[q][1] for q in range(1, 5)] == [5, 76, 73, 66]
    if gaya.persen_tw:  # stored as the fraction 5/89 = 0,0562 in a 0.0% cell: read as 5,62 %
        assert cap[1][2] == pytest.approx(5 / 89 * 100)
    n_ind = baca(db_salinan, lambda c: c.execute("SELECT count(*) FROM indikator WHERE kode LIKE 'RJ-%'").fetchone()[0])
    assert n_ind == 48
    kode_bencana = "1.06.06" if gaya.kode else "P06"
    tw = baca(
        db_salinan,
        lambda c: c.execute(
            "SELECT triwulan, realisasi FROM anggaran_triwulan t JOIN instansi i ON i.id = t.instansi_id "
            "WHERE i.kode = 'dinsos-temanggung' AND tahun = 2023 AND t.kode = ? ORDER BY 1",
            [kode_bencana],
        ).fetchall(),
    )
    # PROGRAM PENANGANAN BENCANA per triwulan (seed line 1311)
    assert tw == [(1, 860090850), (2, 738826600), (3, 18941000), (4, 2800591907)]
    if not gaya.kode:
        induk = baca(
            db_salinan,
            lambda c: c.execute(
                "SELECT tingkat, induk_kode FROM anggaran WHERE kode = 'P06.K01.S01' AND tahun = 2023"
            ).fetchone(),
        )
        assert induk == ("subkegiatan", "P06.K01")


def _id(con, kode: str) -> int:
    daftar = store.instansi(con)
    return int(daftar.loc[daftar["kode"] == kode, "id"].iloc[0])


def _form_bermasalah(**ubah) -> list[BarisForm]:
    prog = BarisForm("1.06.04", "PROGRAM REHABILITASI SOSIAL", "program", pagu=1000, rp=[100, 200, 300, 399])
    prog2 = BarisForm(indikator="Persentase PPKS yang tertangani", satuan="%", target=100, k=[100, 100, 0, 0])
    prog2.realisasi_k = 200  # the form's 13 = 9+10+11+12 on a percentage
    keg = BarisForm("1.06.04.2.01", "Rehabilitasi Sosial Dasar", "kegiatan", pagu=1000, rp=[100, 200, 300, 400])
    sub = BarisForm("1.06.04.2.01.01", "Penyediaan Permakanan", "subkegiatan")
    sub.indikator, sub.satuan, sub.target, sub.k = "Jumlah orang", "Orang", 20, [5, 5, 10, 5]
    sub.pagu, sub.rp = 1000, [100, 200, 300, 400]
    ganda = BarisForm(indikator="1. Nilai LHE AKIP  2. IKM", satuan="nilai", target="1. 70  2. 80")
    ganda.k = ["1. 65  2. 78", None, None, None]
    baris = [prog, prog2, keg, sub, ganda]
    for k, v in ubah.items():
        setattr(baris[3], k, v)
    return baris


def test_kesalahan_form_dilaporkan_di_pratinjau_dan_kualitas_data(db_salinan):
    isi_berkas = fr.buat(_form_bermasalah())
    rencana = impor.pratinjau([("bermasalah.xlsx", isi_berkas)], db_salinan)
    assert rencana.sah, [str(m) for m in rencana.galat]
    pesan = [str(m) for m in rencana.masalah]
    assert any("13 = 9+10+11+12" in p and "100,00 + 100,00" in p and "200,00" in p for p in pesan), pesan
    assert any("realisasi 25,00 melebihi target 20,00 tanpa keterangan" in p for p in pesan), pesan
    assert any("1.06.04 Rp triwulan 4 Rp 399 tidak sama dengan jumlah 1 rinciannya Rp 400" in p for p in pesan)
    assert any("satu sel berisi 2 indikator" in p for p in pesan)
    assert impor.impor_data([("bermasalah.xlsx", isi_berkas)], db_salinan).status == "berhasil"
    masalah = baca(db_salinan, lambda c: periksa.periksa_semua(c, _id(c, "dinsos-temanggung")))
    jenis = masalah.groupby("jenis")["kunci"].apply(list).to_dict()
    assert any("Persentase PPKS" in k for k in jenis[periksa.PERSEN_DIJUMLAH])
    assert any("Jumlah orang" in k for k in jenis[periksa.MELEBIHI_TARGET])
    # two indicators from one cell, each with its own value
    akip, ikm = _capaian(db_salinan, "Nilai LHE AKIP"), _capaian(db_salinan, "IKM")
    assert (akip[0][0], akip[1][1]) == (70, 65)
    assert (ikm[0][0], ikm[1][1]) == (80, 78)


def test_keterangan_membungkam_catatan_melebihi_target(db_salinan):
    rencana = impor.pratinjau([("f.xlsx", fr.buat(_form_bermasalah(keterangan="ada tambahan kuota")))], db_salinan)
    assert not any("melebihi target" in str(m) and "Jumlah orang" in str(m) for m in rencana.masalah)


def test_rumus_tanpa_nilai_ditolak_dengan_pesan(db_salinan, tmp_path):
    sebelum = isi(db_salinan)
    berkas = tmp_path / "rumus.xlsx"
    berkas.write_bytes(fr.buat(_form_bermasalah(), Gaya(rumus_tanpa_nilai=(3, 2))))
    hasil = subprocess.run(
        [sys.executable, "-m", "sakip_calc", "import", str(berkas), "--db", str(db_salinan)],
        capture_output=True,
        text=True,
    )
    assert hasil.returncode == 1
    assert "buka dan simpan ulang di Excel" in hasil.stderr and "lembar 'Evaluasi Renja', baris 12" in hasil.stderr
    assert isi(db_salinan) == sebelum


def test_impor_lalu_batal_mengembalikan_data(baris_temanggung, db_salinan):
    sebelum = isi(db_salinan)
    hasil = impor.impor_data([("tw.xlsx", fr.buat(baris_temanggung, Gaya(per_triwulan=True)))], db_salinan)
    assert hasil.status == "berhasil"
    assert isi(db_salinan) != sebelum
    batal = impor.batalkan_terakhir(db_salinan)
    assert batal.dibatalkan == hasil.impor_id
    assert isi(db_salinan) == sebelum
