"""The rules of who may do what and how an agency-year moves from draf to final
(`sakip_calc.access.peran`): pure functions, every role and every transition."""

from __future__ import annotations

import pandas as pd
import pytest

from sakip_calc.access import peran
from sakip_calc.access.peran import Pelaku

ADMIN = Pelaku("kepala", "admin")
OP_TEGAL = Pelaku("op-tegal", "operator", frozenset({"dinsos-tegal"}))
VERIF = Pelaku("verif", "verifikator", frozenset({"dinsos-tegal", "dinsos-temanggung"}))
PEMBACA = Pelaku("baca", "pembaca")

# action -> who may do it for dinsos-tegal (admin, operator of tegal, verifikator of tegal, pembaca)
MATRIKS = {
    "impor": (True, True, False, False),
    "batal": (True, True, False, False),
    "catatan": (True, True, True, False),
    "ajukan": (True, True, False, False),
    "verifikasi": (True, False, True, False),
    "kembalikan": (True, False, True, False),
    "finalkan": (True, False, False, False),
    "buka_kunci": (True, False, False, False),
    "kelola_akun": (True, False, False, False),
    "lihat_audit": (True, True, True, False),
}


@pytest.mark.parametrize("aksi", list(MATRIKS))
def test_matriks_peran(aksi):
    boleh = tuple(peran.boleh(p, aksi, "dinsos-tegal") is None for p in (ADMIN, OP_TEGAL, VERIF, PEMBACA))
    assert boleh == MATRIKS[aksi]
    assert peran.boleh(None, aksi, "dinsos-tegal") == f"masuk lebih dulu untuk {peran.NAMA_AKSI[aksi]}"


def test_operator_hanya_instansinya():
    assert peran.boleh(OP_TEGAL, "impor", "dinsos-temanggung") == (
        "akun op-tegal (operator) tidak boleh mengimpor untuk instansi dinsos-temanggung"
    )
    assert peran.boleh(VERIF, "verifikasi", "dinsos-temanggung") is None
    assert peran.boleh(VERIF, "verifikasi", "dinsos-tanjabbar") is not None


def test_alur_status():
    s = "draf"
    for aksi, berikut in [("ajukan", "diajukan"), ("kembalikan", "dikembalikan"), ("ajukan", "diajukan")]:
        s, _ = peran.langkah(s, aksi, "angka PKH belum cocok" if aksi == "kembalikan" else None)
        assert s == berikut
    assert peran.langkah(s, "verifikasi") == ("terverifikasi", "status menjadi TERVERIFIKASI")
    assert peran.langkah("terverifikasi", "finalkan")[0] == "final"
    assert peran.langkah("final", "buka_kunci", "revisi realisasi triwulan IV")[0] == "draf"


@pytest.mark.parametrize(
    "status, aksi, alasan, pesan",
    [
        ("draf", "verifikasi", None, "tidak dapat memverifikasi: status sekarang DRAF, harus DIAJUKAN"),
        ("draf", "finalkan", None, "tidak dapat memfinalkan: status sekarang DRAF, harus TERVERIFIKASI"),
        (
            "final",
            "ajukan",
            None,
            "tidak dapat mengajukan verifikasi: status sekarang FINAL, harus DRAF atau DIKEMBALIKAN",
        ),
        ("diajukan", "kembalikan", " ", "Mengembalikan memerlukan alasan"),
        ("final", "buka_kunci", None, "Membuka kunci memerlukan alasan"),
    ],
)
def test_langkah_yang_ditolak(status, aksi, alasan, pesan):
    assert peran.langkah(status, aksi, alasan) == (None, pesan)


def test_aksi_tersedia_menurut_peran_dan_status():
    assert peran.aksi_tersedia(OP_TEGAL, "dinsos-tegal", "draf") == ["ajukan"]
    assert peran.aksi_tersedia(VERIF, "dinsos-tegal", "diajukan") == ["verifikasi", "kembalikan"]
    assert peran.aksi_tersedia(ADMIN, "dinsos-tegal", "terverifikasi") == ["kembalikan", "finalkan"]
    assert peran.aksi_tersedia(ADMIN, "dinsos-tegal", "final") == ["buka_kunci"]
    assert peran.aksi_tersedia(PEMBACA, "dinsos-tegal", "draf") == []


def test_tulisan_ke_tahun_final_ditolak_untuk_siapa_pun():
    status = {("dinsos-tegal", 2018): "final", ("dinsos-tegal", 2017): "terverifikasi"}
    final = (
        "dinsos-tegal tahun 2018 sudah final (dikunci); "
        "admin harus membuka kuncinya dengan alasan sebelum datanya diubah"
    )
    assert peran.tolak_tulis(ADMIN, "impor", {("dinsos-tegal", 2018): 1}, status) == [final]
    assert peran.tolak_tulis(ADMIN, "impor", {("dinsos-tegal", 2017): 3}, status) == []
    # a change to the agency's own rows (an indicator's definition) changes the final year's figures too
    [alasan] = peran.tolak_tulis(ADMIN, "impor", {("dinsos-tegal", None): 1}, status)
    assert "dinsos-tegal tahun 2018 sudah final" in alasan and "instansi/indikator" in alasan
    assert peran.tolak_tulis(ADMIN, "impor", {("dinsos-temanggung", None): 1}, status) == []


def test_tulisan_menurut_peran():
    tegal = {("dinsos-tegal", 2018): 5}
    assert peran.tolak_tulis(OP_TEGAL, "impor", tegal, {}) == []
    assert peran.tolak_tulis(OP_TEGAL, "impor", {**tegal, ("dinsos-uji", None): 1}, {}) == [
        "akun op-tegal (operator) tidak boleh mengimpor untuk instansi dinsos-uji"
    ]
    assert peran.tolak_tulis(VERIF, "impor", tegal, {}) == ["peran verifikator tidak boleh mengimpor"]
    assert peran.tolak_tulis(OP_TEGAL, "impor", {(None, None): 3}, {}) == [peran.BERSAMA]
    assert "hanya admin" in peran.BERSAMA
    assert peran.tolak_tulis(ADMIN, "impor", {(None, None): 3}, {}) == []


def test_angka_yang_diubah_kembali_draf():
    status = {
        ("dinsos-tegal", 2018): "terverifikasi",
        ("dinsos-tegal", 2017): "diajukan",
        ("dinsos-tegal", 2016): "dikembalikan",
        ("dinsos-temanggung", 2023): "terverifikasi",
    }
    assert peran.kembali_draf({("dinsos-tegal", 2018): 1}, status) == [("dinsos-tegal", 2018)]
    assert peran.kembali_draf({("dinsos-tegal", None): 1}, status) == [("dinsos-tegal", 2017), ("dinsos-tegal", 2018)]
    assert peran.kembali_draf({("dinsos-tanjabbar", 2023): 1}, status) == []


def test_draf_dan_audit_yang_boleh_dibaca():
    assert [s for s in peran.STATUS if peran.draf(s)] == ["draf", "diajukan", "dikembalikan"]
    log = pd.DataFrame({"instansi": ["dinsos-tegal", "dinsos-tanjabbar", None], "aksi": ["impor"] * 3})
    assert len(peran.saring_audit(ADMIN, log)) == 3
    assert peran.saring_audit(OP_TEGAL, log)["instansi"].tolist() == ["dinsos-tegal"]
    assert peran.saring_audit(PEMBACA, log).empty and peran.saring_audit(None, log).empty
