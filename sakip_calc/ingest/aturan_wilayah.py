"""Regions in an import, matched to the official Kemendagri list (store/rujukan_wilayah.py).

One rule for both import paths (workbook: validasi.py; bulk: massal.py on distinct names):
- an agency's kabupaten/kota comes from its Instansi row: a code (`33.28`) or a name ('Kota Tegal',
  'Kab. Tegal', 'Tegal'); a bare name both a kabupaten and a kota carry is decided by the agency's
  own name ('Dinas Sosial Kota Tegal') and provinsi, else it is an error listing the candidates;
- kecamatan and desa/kelurahan names are matched in that kabupaten/kota: exact, then normalised
  spelling (case, spaces, hyphens, dots), then known aliases (the shipped list of real-report
  variants and the aliases an admin confirmed); an unknown name is an error naming the closest.
A kabupaten that is not official but has its own kecamatan list (bulk loads of synthetic data)
keeps the old name-only matching (aturan.PetaKecamatan) and stores no codes.

This module must not write to the database.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from sakip_calc.ingest.aturan import PetaKecamatan, nama_desa, normal_nama
from sakip_calc.store import rujukan_wilayah

_KOTA = re.compile(r"\bkota\b", re.IGNORECASE)
_KABUPATEN = re.compile(r"\bkab(upaten|\.)?(?=\s|\.|$)", re.IGNORECASE)
TEMPAT_ALIAS = "pratinjau Impor (konfirmasi ejaan lain)"


def kunci_ejaan(nama: str) -> str:
    """Normalised spelling: case, accents, spaces and punctuation ignored ('Gunung-agung' =
    'GUNUNGAGUNG', 'Bénda' = 'BENDA')."""
    polos = unicodedata.normalize("NFKD", str(nama)).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]", "", polos.upper())


@dataclass(frozen=True)
class Kabkota:
    kode: str | None  # None: not official (a synthetic kabupaten with its own kecamatan list)
    jenis: str | None  # kabupaten | kota
    nama: str  # 'Kabupaten Tegal', 'Kota Tangerang Selatan'; the given name when not official


def _daftar(calon: pd.DataFrame) -> str:
    return "; ".join(f"{r.nama} ({r.kode}, {r.provinsi})" for r in calon.itertuples())


def tentukan_kabkota(
    kabupaten: str, nama_instansi: str | None, provinsi: str | None, daftar_lama: set[str]
) -> tuple[Kabkota | None, str | None]:
    """The agency's kabupaten/kota from its Instansi row, or an error message.
    `daftar_lama`: kabupaten names (normal_nama) that have a kecamatan list of their own."""
    calon = rujukan_wilayah.cari_kabkota(kabupaten)
    if len(calon) > 1 and provinsi:
        sama = calon[calon["provinsi"].map(normal_nama) == normal_nama(provinsi)]
        calon = sama if len(sama) else calon
    if len(calon) > 1 and nama_instansi:
        # 'Dinas Sosial Kota Tegal' / 'Dinas Sosial Kabupaten Tegal': the agency names its kind
        inti, teks = kunci_ejaan(kabupaten), kunci_ejaan(nama_instansi)
        jenis = "kota" if "KOTA" + inti in teks else "kabupaten" if re.search("KAB(UPATEN)?" + inti, teks) else None
        if jenis is None and bool(_KOTA.search(nama_instansi)) != bool(_KABUPATEN.search(nama_instansi)):
            jenis = "kota" if _KOTA.search(nama_instansi) else "kabupaten"
        if jenis:
            calon = calon[calon["jenis"] == jenis]
    if len(calon) == 1:
        r = calon.iloc[0]
        return Kabkota(r["kode"], r["jenis"], r["nama"]), None
    if len(calon) > 1:
        return None, (
            f"kabupaten/kota '{kabupaten}' tidak tunggal: {_daftar(calon)}. Tulis 'Kabupaten {kabupaten}' atau "
            f"'Kota {kabupaten}', atau kodenya"
        )
    if normal_nama(kabupaten) in daftar_lama:
        return Kabkota(None, None, kabupaten), None
    semua = rujukan_wilayah.daftar_kabkota()
    mirip = difflib.get_close_matches(kunci_ejaan(kabupaten), list(semua["nama"].map(kunci_ejaan)), n=3, cutoff=0.6)
    usul = semua[semua["nama"].map(kunci_ejaan).isin(mirip)]
    inti = semua["nama"].str.replace(r"^(Kabupaten|Kota) ", "", regex=True).map(kunci_ejaan)
    usul = pd.concat([usul, semua[inti.isin(difflib.get_close_matches(kunci_ejaan(kabupaten), list(inti), n=3))]])
    petunjuk = f" Nama terdekat: {_daftar(usul.drop_duplicates('kode').head(4))}." if len(usul) else ""
    return None, (
        f"kabupaten/kota '{kabupaten}' tidak ada di daftar wilayah resmi Kemendagri.{petunjuk} "
        "Tulis nama resminya atau kodenya (mis. 33.28)"
    )


class PetaWilayah:
    """Kecamatan and desa/kelurahan names of import rows to official names and codes.
    `alias_lama`: the name-keyed kecamatan lists (kecamatan_alias: shipped seed, bulk files);
    `alias_resmi`: confirmed aliases (alias_wilayah: induk, alias, kode, nama)."""

    def __init__(self, alias_lama: pd.DataFrame, alias_resmi: pd.DataFrame, tempat: str = "data/kecamatan_alias.csv"):
        self.lama = PetaKecamatan(alias_lama, tempat)
        self._alias_lama = alias_lama
        self._resmi: dict[str, dict[str, tuple[str, str]]] = {}
        for r in alias_resmi.itertuples():
            self._resmi.setdefault(r.induk, {})[kunci_ejaan(r.alias)] = (r.kode, r.nama)
        self._kamus: dict[str, dict[str, dict[str, tuple[str, str]]]] = {}

    def _kamus_kabkota(self, kab: Kabkota) -> dict[str, dict[str, tuple[str, str]]]:
        """Per parent code (the kabkota, each kecamatan): normalised name -> (code, official name)."""
        if kab.kode not in self._kamus:
            semua = rujukan_wilayah.bawahan(kab.kode)
            kamus: dict[str, dict[str, tuple[str, str]]] = {}
            for r in semua.itertuples():
                kamus.setdefault(r.induk, {}).setdefault(kunci_ejaan(r.nama), (r.kode, r.nama))
            kec = kamus.get(kab.kode, {})
            # the shipped variants (BUMBUAWA, LEBAKSU, ...) of a kabupaten of this name, where they
            # name an official kecamatan of this one
            inti = re.sub(r"^(Kabupaten|Kota) ", "", kab.nama)
            lama = self._alias_lama[self._alias_lama["kabupaten"].map(normal_nama) == normal_nama(inti)]
            for r in lama.itertuples():
                tuju = kec.get(kunci_ejaan(r.kecamatan))
                if tuju and isinstance(r.alias, str) and r.alias.strip():
                    kec.setdefault(kunci_ejaan(r.alias), tuju)
            for induk, alias in self._resmi.items():
                if induk == kab.kode or induk.startswith(kab.kode + "."):
                    for k, v in alias.items():
                        kamus.setdefault(induk, {}).setdefault(k, v)
            self._kamus[kab.kode] = kamus
        return self._kamus[kab.kode]

    def kecamatan(self, kab: Kabkota, nama: str) -> tuple[str | None, str | None, str | None]:
        """(official name, code, error) of a kecamatan of `kab`."""
        if kab.kode is None:
            kanonik, galat = self.lama.kanonik(kab.nama, nama)
            return kanonik, None, galat
        kec = self._kamus_kabkota(kab).get(kab.kode, {})
        return self._cari(kec, nama, "kecamatan", f"{kab.nama} ({kab.kode})")

    def desa(
        self, kab: Kabkota, kode_kecamatan: str | None, nama_kec: str | None, nama: str
    ) -> tuple[str | None, str | None, str | None]:
        """(name as stored, code, error) of a desa/kelurahan; without codes the old spelling rule."""
        if kab.kode is None or kode_kecamatan is None:
            return nama_desa(nama), None, None
        desa = self._kamus_kabkota(kab).get(kode_kecamatan, {})
        jenis = "kelurahan" if kab.jenis == "kota" else "desa/kelurahan"
        return self._cari(desa, nama, jenis, f"Kecamatan {nama_kec} ({kode_kecamatan})")

    def petakan(
        self, kab: Kabkota | None, kecamatan: str | None, desa: str | None
    ) -> tuple[str | None, str | None, str | None, str | None, list[tuple[str, str]]]:
        """One row's place: (kecamatan, its code, desa, its code, [(column, error)]). Without a
        known kabupaten/kota (reported on its Instansi row) names stay as written."""
        galat = []
        kode = kode_desa = None
        if kecamatan and kab:
            kecamatan, kode, g = self.kecamatan(kab, kecamatan)
            if g:
                galat.append(("kecamatan", g))
        if desa:
            if kab and kecamatan:
                desa, kode_desa, g = self.desa(kab, kode, kecamatan, desa)
                if g:
                    galat.append(("desa", g))
            else:
                desa = nama_desa(desa)
        return kecamatan, kode, desa, kode_desa, galat

    @staticmethod
    def _cari(kamus: dict[str, tuple[str, str]], nama: str, jenis: str, tempat: str):
        hasil = kamus.get(kunci_ejaan(nama))
        if hasil:
            return hasil[1], hasil[0], None
        resmi = sorted({v[1] for v in kamus.values()})
        mirip = difflib.get_close_matches(nama.title(), resmi, n=3, cutoff=0.6)
        mirip += [v[1] for k, v in kamus.items() if k in difflib.get_close_matches(kunci_ejaan(nama), kamus, n=3)]
        usul = list(dict.fromkeys(mirip))[:3]
        petunjuk = f" Nama terdekat: {', '.join(usul)}." if usul else ""
        return (
            None,
            None,
            (
                f"{jenis} '{nama}' tidak ada di daftar resmi {tempat}.{petunjuk} "
                f"Perbaiki ejaannya, atau bila ini ejaan lain konfirmasikan di {TEMPAT_ALIAS}"
            ),
        )
