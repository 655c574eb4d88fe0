"""The Pemantauan Triwulan page through AppTest: Temanggung 2023 (quarterly data), the quarter
choice, Tegal 2018's empty state, and the count card on Ringkasan; and the Evaluasi Renja form
uploaded on the Impor page shows its notes in the preview and lands on the page."""

from __future__ import annotations

from halaman import buka, cache_bersih, grafik, ke  # noqa: F401 (autouse fixture)
from halaman import tabel as tabel_at

from sakip_calc import store
from sakip_calc.tools import form_renja as fr


def _metrik(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_temanggung_2023_berisiko_dulu_lalu_grafik():
    at = buka("dinsos-temanggung", 2023, "pemantauan")
    assert not at.exception
    assert at.subheader[0].value == "Berisiko dan perlu perhatian"
    tabel = tabel_at(at)[0]
    assert list(tabel.value["Kode"]) == ["SK-1.06.05.2.02.04", "SK-1.06.05.2.02.03", "SK-1.06.05.2.01.01", "1.06.06"]
    # 001 line 1284 (446 orang, 321 by TW IV) and line 525 (pagu 4.664.743.000): counts whole, never 446,00
    teks = tabel.tampil.set_index("Kode")
    assert teks.loc["SK-1.06.05.2.01.01", ["Target", "Realisasi s.d. triwulan"]].tolist() == ["446", "321"]
    assert teks.loc["1.06.06", "Target"] == "4.664.743.000"
    assert _metrik(at)["Berisiko"] == "3" and _metrik(at)["Serapan s.d. triwulan"] == "97,3 %"
    assert len(grafik(at)) == 3
    at.selectbox(key="pt_triwulan").set_value(2).run()
    assert _metrik(at)["Berisiko"] == "17"
    assert "laju rata-rata" in at.caption[0].value and "linier" in at.caption[0].value
    ke(at, "ringkasan")
    assert _metrik(at)["Berisiko (triwulan)"] == "3"  # the card follows the latest quarter, not the page's choice


def test_tanpa_data_triwulan_keadaan_kosong():
    at = buka("dinsos-tegal", 2018, "pemantauan")
    assert not at.exception
    assert "belum punya data triwulan untuk 2018" in at.info[0].value
    assert not grafik(at)
    ke(at, "ringkasan")
    assert _metrik(at)["Berisiko (triwulan)"] == "–"


def test_form_renja_lewat_halaman_impor(impor_lokal, db_salinan):
    con = store.buka(db_salinan, read_only=True)
    try:
        baris = fr.dari_basis_data(con)
    finally:
        con.close()
    at = impor_lokal("dinsos-temanggung", 2023)
    isi = fr.buat(baris, fr.Gaya(kode=False, persen_tw=True))
    at.get("file_uploader")[0].set_value(("evaluasi_renja_tw4.xlsx", isi, "application/octet-stream")).run()
    assert not at.exception
    assert any("Siap diimpor" in s.value for s in at.success), [e.value for e in at.error]
    pesan = " ".join(next(df.value for df in tabel_at(at) if "Pesan" in df.value.columns)["Pesan"])
    assert "form Evaluasi Renja 2023 dibaca untuk instansi 'dinsos-temanggung'" in pesan
    assert "melebihi target" in pesan and "tidak sama dengan jumlah" in pesan
    at.button(key="im_tombol").click().run()
    assert not at.exception
    ke(at, "pemantauan")
    # the form's codeless rows are monitored beside the workbook's: 35.892 of 60.290 KPM (seed line 1296)
    # as RJ-P05.K01.S04-1 (the form follows Tabel 3.9 as printed: "d." is the 4th item of kegiatan "8.",
    # 001 lines 1050-1054), and the disaster programme's budget as P06
    berisiko = list(tabel_at(at)[0].value["Kode"])
    assert {"SK-1.06.05.2.02.03", "RJ-P05.K01.S04-1", "1.06.06", "P06"} <= set(berisiko), berisiko
