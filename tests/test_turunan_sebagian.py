"""A write that declares which agencies it changed refreshes the derived tables (aggregates,
stored findings) for those alone: what it leaves is what a full rebuild computes."""

from __future__ import annotations

import pytest

from sakip_calc import store
from sakip_calc.calc import periksa
from sakip_calc.ingest import impor
from sakip_calc.tools import synth

KOLOM_TEMUAN = ["instansi", "tahun", "kelas", "tabel", "kunci", "jenis", "dilaporkan", "dihitung", "sumber"]


def _baris(df, kolom) -> list[tuple]:
    return sorted(map(tuple, df[kolom].astype(str).values))


def sama_dengan_penuh(db) -> None:
    """The stored aggregates and findings equal those computed now from every row."""
    con = store.buka(db)
    try:
        for tabel, sql in store.AGREGAT.items():
            disimpan = con.execute(f"SELECT * FROM {tabel} ORDER BY ALL").fetchall()
            assert disimpan == con.execute(f"SELECT * FROM ({sql}) ORDER BY ALL").fetchall(), tabel
        assert store.temuan_tersimpan(con, periksa.jalan.VERSI)
        assert _baris(store.baca_temuan(con), KOLOM_TEMUAN) == _baris(periksa.periksa_semua(con), KOLOM_TEMUAN)
        kolom = ["instansi", "tahun", "kelas", "jumlah", "cocok", "beda"]
        dihitung = periksa.rekonsiliasi(periksa.bandingkan_semua(con))
        assert _baris(store.baca_rekonsiliasi(con), kolom) == _baris(dihitung, kolom)
    finally:
        con.close()


@pytest.fixture
def dicatat(monkeypatch) -> list[tuple[int, int]]:
    """The id ranges whose findings a write recomputed."""
    dibaca: list[tuple[int, int]] = []
    asli = periksa.jalan.bandingkan_semua

    def catat(con, instansi_id=None):
        dibaca.append(instansi_id)
        return asli(con, instansi_id)

    monkeypatch.setattr(periksa.jalan, "bandingkan_semua", catat)
    return dibaca


def test_impor_menyegarkan_hanya_instansinya_dan_hasilnya_sama_dengan_penuh(db_salinan, tmp_path, dicatat):
    db = db_salinan
    synth.bangkitkan(db, "tiny", cetak=lambda _: None)  # the seeds and five synthetic agencies: a full refresh
    sama_dengan_penuh(db)
    con = store.buka(db)
    id_tj = con.execute("SELECT id FROM instansi WHERE kode = 'dinsos-tanjabbar'").fetchone()[0]
    kode, tahun, target, realisasi = con.execute(
        "SELECT d.kode, c.tahun, c.target, c.realisasi FROM capaian c JOIN indikator d ON d.id = c.indikator_id "
        "WHERE d.instansi_id = ? AND c.triwulan IS NULL AND c.realisasi > 0 ORDER BY ALL LIMIT 1",
        [id_tj],
    ).fetchone()
    con.close()

    # one agency's capaian and one stated average change: only it is recomputed, the tables follow
    dicatat.clear()
    folder = tmp_path / "unggah"
    folder.mkdir()
    (folder / "Capaian.csv").write_text(
        f"instansi;indikator_kode;tahun;triwulan;target;realisasi\n"
        f"dinsos-tanjabbar;{kode};{tahun};;{target};{realisasi * 2}\n",
        encoding="utf-8",
    )
    (folder / "AngkaLaporan.csv").write_text(
        "instansi;tahun;sumber;objek;kode;besaran;nilai\n"
        "dinsos-tanjabbar;2023;LAKIP 2023 Tabel 3.2 baris 551;instansi;;rata_capaian;97\n",
        encoding="utf-8",
    )
    berkas = sorted(folder.iterdir())
    hasil = impor.impor_berkas(berkas, db)
    assert [h.status for h in hasil] == ["berhasil"], [str(m) for h in hasil for m in h.rencana.masalah]
    assert dicatat == [(id_tj, id_tj)]
    sama_dengan_penuh(db)
    con = store.buka(db)
    assert con.execute(
        "SELECT realisasi FROM agregat_capaian a JOIN indikator d ON d.id = a.indikator_id "
        "WHERE d.instansi_id = ? AND d.kode = ? AND a.tahun = ?",
        [id_tj, kode, tahun],
    ).fetchone()[0] == pytest.approx(realisasi * 2)
    con.close()

    # the same files again change nothing: nothing is recomputed
    dicatat.clear()
    assert [h.status for h in impor.impor_berkas(berkas, db)] == ["tanpa perubahan"]
    assert dicatat == []

    # undo: the same agency again, the tables as a full rebuild gives them
    impor.batalkan_terakhir(db)
    assert dicatat == [(id_tj, id_tj)]
    sama_dengan_penuh(db)


def test_tulis_tanpa_pernyataan_menyegarkan_semua(tmp_path, dicatat):
    """A write that says nothing about its agencies is refreshed in full (the safe default)."""
    db = tmp_path / "sakip.duckdb"
    synth.bangkitkan(db, "tiny", cetak=lambda _: None)
    with store.transaksi_tulis(db) as con:
        con.execute("UPDATE capaian SET realisasi = realisasi + 1 WHERE triwulan IS NULL AND realisasi IS NOT NULL")
    sama_dengan_penuh(db)
    # and one that names a shared list (None) too
    with store.transaksi_tulis(db) as con:
        con.execute("UPDATE capaian SET realisasi = realisasi + 1 WHERE triwulan IS NULL AND realisasi IS NOT NULL")
        store.batasi_turunan(con, [None])
    sama_dengan_penuh(db)


def test_instansi_tanpa_perbandingan_disegarkan_sendiri(con):
    """A partial refresh may check one agency with nothing to compare (a new, small workbook):
    its empty comparison frame still selects rows, not columns."""
    b = periksa.bandingkan_semua(con, (10**6, 10**6))
    assert b.empty and b[~b["cocok"]].columns.tolist() == b.columns.tolist()
