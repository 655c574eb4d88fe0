"""The official region list shipped in `data/wilayah.parquet` (built by `scripts/bangun_wilayah.py`
from the Kemendagri reference, MIT licence in `data/LISENSI-wilayah.txt`).

A kabupaten/kota is its code (`33.28` Kabupaten Tegal, `33.76` Kota Tegal); its kecamatan and
desa/kelurahan are read one kabupaten/kota at a time, so nothing loads the whole country per run.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

BERKAS = Path(__file__).resolve().parents[2] / "data" / "wilayah.parquet"
KODE_KABKOTA = re.compile(r"^\d{2}\.\d{2}$")
# "Kab. Tegal", "Kabupaten  Tegal", "KOTA TEGAL", "Kota Adm. Jakarta Selatan": the kind and the bare name
_AWALAN = re.compile(r"^\s*(kabupaten|kab\.?|kota(?:\s+adm(?:inistrasi|\.)?)?)\s+", re.IGNORECASE)


def _sql(query: str, *param) -> pd.DataFrame:
    con = duckdb.connect()
    try:
        return con.execute(query.replace("WILAYAH", f"read_parquet('{BERKAS}')"), list(param)).df()
    finally:
        con.close()


def _kunci(nama: str) -> str:
    return re.sub(r"[^a-z0-9]", "", nama.lower())


# "Kec. Slawi", "Kecamatan Slawi", "Desa Blubuk", "Kel. Procot": the kind is not part of the name
_AWALAN_TEMPAT = re.compile(r"^\s*(kecamatan|kec\.?|desa|kelurahan|kel\.?)\s+", re.IGNORECASE)


def kunci_nama(nama: str) -> str:
    """Spelling-insensitive key of a kecamatan or desa name: no prefix, case, spaces or punctuation."""
    return _kunci(_AWALAN_TEMPAT.sub("", str(nama)))


@lru_cache(maxsize=1)
def daftar_kabkota() -> pd.DataFrame:
    """Every kabupaten/kota: kode, nama ('Kabupaten Tegal'), jenis (kabupaten/kota), provinsi."""
    return _sql(
        "SELECT k.kode, k.nama, k.jenis, p.nama AS provinsi FROM WILAYAH k "
        "JOIN WILAYAH p ON p.kode = k.induk WHERE k.tingkat = 'kabkota' ORDER BY k.kode"
    )


def angka_kode(kode: object) -> str:
    """A BPS or Kemendagri code as its digits: '33.28.01.2001', 3328012001 or 3328.0 (a spreadsheet
    number) -> '3328012001' / '3328'."""
    return re.sub(r"\D", "", str(kode or "").removesuffix(".0"))


def kode_bertitik(angka: str) -> str:
    """The Kemendagri form of a code's digits: '3328012001' -> '33.28.01.2001'; '3328' -> '33.28'."""
    return ".".join(p for p in (angka[:2], angka[2:4], angka[4:6], angka[6:]) if p)


def kabkota_dari(kode: object, nama: object = None) -> str | None:
    """The kabupaten/kota ('33.28') of a code of it or of a place in it ('3328', '33.28.01.2001'),
    else of a name that means exactly one; None when neither decides."""
    angka = angka_kode(kode)
    if len(angka) >= 4 and not cari_kabkota(kode_bertitik(angka[:4])).empty:
        return kode_bertitik(angka[:4])
    calon = cari_kabkota(str(nama)) if nama else []
    return str(calon["kode"].iloc[0]) if len(calon) == 1 else None


def cari_kabkota(teks: str) -> pd.DataFrame:
    """The kabupaten/kota a name or code may mean: one row when it is decided, several when the
    name is ambiguous ('Tegal' is Kabupaten and Kota Tegal), none when unknown.
    'Kab. X' / 'Kabupaten X' / 'Kota X' decide the kind; a bare name matches both."""
    daftar = daftar_kabkota()
    teks = str(teks).strip()
    if KODE_KABKOTA.match(teks):
        return daftar[daftar["kode"] == teks].reset_index(drop=True)
    awalan = _AWALAN.match(teks)
    jenis = None
    if awalan:
        jenis = "kota" if awalan.group(1).lower().startswith("kota") else "kabupaten"
        teks = teks[awalan.end() :]
    cocok = daftar[(_inti_kabkota() == _kunci(teks)) & ((daftar["jenis"] == jenis) if jenis else True)]
    return cocok.reset_index(drop=True)


@lru_cache(maxsize=1)
def _inti_kabkota() -> pd.Series:
    # each kabupaten/kota's name without its kind, spelling-insensitive ('banyuwangi'), in list order
    return daftar_kabkota()["nama"].str.replace(_AWALAN, "", regex=True).map(_kunci)


@lru_cache(maxsize=64)
def bawahan(kode_kabkota: str) -> pd.DataFrame:
    """The kecamatan and desa/kelurahan of one kabupaten/kota: kode, nama, tingkat, induk, jenis
    (kecamatan, desa or kelurahan), in code order."""
    return _sql(
        "SELECT kode, nama, tingkat, induk, jenis FROM WILAYAH WHERE starts_with(kode, ?) ORDER BY kode",
        kode_kabkota + ".",
    )


def kecamatan(kode_kabkota: str) -> pd.DataFrame:
    """The official kecamatan of one kabupaten/kota: kode, nama."""
    semua = bawahan(kode_kabkota)
    return semua.loc[semua["tingkat"] == "kecamatan", ["kode", "nama"]].reset_index(drop=True)


_KABKOTA_DI_NAMA = re.compile(r"\b(kabupaten|kab\.|kota)\s+.+$", re.IGNORECASE)


@lru_cache(maxsize=1024)
def kabkota_instansi(nama: str, kabupaten: str) -> str | None:
    """The kabupaten/kota code of an agency from its name ('Dinas Sosial Kabupaten Tegal' ->
    33.28; 'Tegal' alone is both Kabupaten and Kota) or else its kabupaten; None when undecided."""
    cocok = _KABKOTA_DI_NAMA.search(str(nama))
    kandidat = cari_kabkota(cocok.group(0) if cocok else str(kabupaten))
    return str(kandidat["kode"].iloc[0]) if len(kandidat) == 1 else None
