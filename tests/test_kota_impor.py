"""A kota imports from the Impor page on the first try, its regional data matched to the official
list (Kota Tangerang Selatan: 7 kecamatan, kelurahan; no kecamatan list edited anywhere), and
Sebaran Wilayah speaks of kota and kelurahan. A name not in the official list is confirmed as
another spelling from the preview, stored with history, and still known after a restart."""

from __future__ import annotations

from pathlib import Path

import bantu
from halaman import ke
from test_buruk import unggah

from sakip_calc.ingest import impor, templat

TANGSEL = "dinsos-tangsel"
KECAMATAN = ("SERPONG", "Serpong  Utara", "PONDOK AREN", "ciputat", "Ciputat Timur", "Pamulang", "Setu")


def workbook_tangsel(tujuan: Path, kecamatan=KECAMATAN, kelurahan=("rawa buntu", "Ciater")) -> Path:
    wb = templat.buat_templat()
    wb["Instansi"].append(
        [TANGSEL, "Dinas Sosial Kota Tangerang Selatan", "Kota Tangerang Selatan", "Banten", "permenpan", 100]
    )
    wb["Indikator"].append([TANGSEL, "IKU-1", "Persentase PPKS yang tertangani", "sasaran", "Sasaran 1", None, "%"])
    wb["Indikator"]["H2"] = "naik"
    wb["Capaian"].append([TANGSEL, "IKU-1", 2024, None, 80, None, 76])
    for i, kec in enumerate(kecamatan):
        wb["Wilayah"].append([TANGSEL, 2024, kec, None, "PKH", 100 + i, "uji"])
    for i, kel in enumerate(kelurahan):
        wb["Wilayah"].append([TANGSEL, 2024, "Serpong", kel, "PKH", 10 + i, "uji"])
    wb.save(tujuan)
    return tujuan


def _baca(db, sql):
    return bantu.baca(db, lambda con: con.execute(sql).fetchall())


def test_kota_terimpor_dari_halaman_dan_sebaran_menyebut_kelurahan(impor_lokal, db_salinan, tmp_path):
    at = unggah(impor_lokal(), [workbook_tangsel(tmp_path / "tangsel.xlsx")])
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    at.button(key="im_tombol").click().run()
    assert not at.exception
    assert _baca(
        db_salinan,
        "SELECT i.kabkota_kode, i.kabkota_jenis, count(DISTINCT w.kecamatan_kode), count(w.desa_kode) "
        f"FROM instansi i JOIN wilayah w ON w.instansi_id = i.id WHERE i.kode = '{TANGSEL}' GROUP BY ALL",
    ) == [("36.74", "kota", 7, 2)]
    assert _baca(
        db_salinan, "SELECT DISTINCT desa, desa_kode FROM wilayah WHERE desa_kode LIKE '36.74%' ORDER BY 1"
    ) == [
        ("Ciater", "36.74.01.1001"),
        ("Rawabuntu", "36.74.01.1002"),
    ]

    at.run()  # the sidebar was drawn before the import: the next run lists the new agency
    at.selectbox(key="instansi").set_value(TANGSEL).run()
    at.selectbox(key="tahun").set_value(2024).run()
    ke(at, "wilayah")
    teks = " ".join([s.value for s in at.subheader] + [m.label for m in at.metric] + [c.value for c in at.caption])
    assert "Rincian kelurahan" in teks and "Jumlah Program Keluarga Harapan (PKH) kota" in teks, teks
    assert "desa" not in teks.lower().replace("desa/", "") and "kabupaten" not in teks.lower(), teks
    judul = [c.label for c in at.selectbox]
    assert "Jenis data kelurahan" in judul


def test_ejaan_dikonfirmasi_di_pratinjau_bertahan_setelah_mulai_ulang(impor_lokal, db_salinan, tmp_path):
    salah = tuple(k if k != "Pamulang" else "PAMULANG BARAT" for k in KECAMATAN)
    xlsx = workbook_tangsel(tmp_path / "tangsel.xlsx", salah)
    at = unggah(impor_lokal(), [xlsx])
    assert any("Ditolak" in e.value for e in at.error)
    pilih = at.selectbox(key=next(s.key for s in at.selectbox if s.key.startswith("im_ejaan_")))
    assert "kecamatan 'PAMULANG BARAT' di Kota Tangerang Selatan (36.74)" in pilih.label
    assert pilih.options[0] == "Pamulang"  # the closest official name first
    pilih.set_value("36.74.06").run()
    at.button(key=next(b.key for b in at.button if b.key.startswith("im_ejaan_simpan_"))).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(
        "'PAMULANG BARAT' disimpan sebagai ejaan lain kecamatan Pamulang (36.74.06)" in s.value for s in at.success
    )
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    assert _baca(db_salinan, "SELECT induk, alias, kode FROM alias_wilayah") == [
        ("36.74", "PAMULANG BARAT", "36.74.06")
    ]
    assert _baca(db_salinan, "SELECT status FROM impor WHERE nama_file LIKE 'ejaan lain: PAMULANG BARAT%'") == [
        ("berhasil",)
    ]

    # a restart: a new session, empty caches; the command line sees the alias too
    at = unggah(impor_lokal(), [xlsx])
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    (h,) = impor.impor_berkas([xlsx], db_salinan)
    assert h.status == "berhasil"
    assert _baca(
        db_salinan,
        "SELECT w.kecamatan, w.kecamatan_kode FROM wilayah w JOIN instansi i ON i.id = w.instansi_id "
        f"WHERE i.kode = '{TANGSEL}' AND w.nilai = 105",
    ) == [("Pamulang", "36.74.06")]
    # the confirmation is undoable like an import, once the import after it is undone
    assert impor.batalkan_terakhir(db_salinan).dibatalkan == h.impor_id
    assert impor.batalkan_terakhir(db_salinan).dibatalkan is not None
    assert _baca(db_salinan, "SELECT count(*) FROM alias_wilayah") == [(0,)]
