"""The cell rules of an import, each defined once and used by both import paths.

A workbook cell is typed by the Python form (`ketik`); a bulk file's column by the SQL form
(`sql_kolom`), which runs set-based over millions of rows. Both are built here from the same
pieces: the column's declaration in spesifikasi.py (kind, required, choices, range), the text
normalisation, the messages. Where a rule has a Python and an SQL form, tests/test_aturan.py holds
them equal over tricky inputs. Rules that need a lookup over few distinct values (desa spelling,
kecamatan names) have only the Python form; the bulk path applies it to the distinct values.

This module must not read files or write to the database.
"""

from __future__ import annotations

import difflib
import functools
import re
import string
from collections import defaultdict
from dataclasses import dataclass

import duckdb
import pandas as pd
from duckdb.sqltypes import VARCHAR

from sakip_calc.domain.angka import PLACEHOLDER, baca_angka, format_angka
from sakip_calc.domain.spesifikasi import DESIMAL, JUMLAH, KODE, TAHUN, TEKS, TRIWULAN, Kolom
from sakip_calc.ingest.baca import Masalah, SelRusak, saran
from sakip_calc.store import rujukan_massal

# ---- text: whitespace collapsed, control characters dropped, nothing else changed -----------
# A leading =, +, - or @ stays: it is stored as inert text and never evaluated.

_KONTROL = "\x00-\x08\x0e-\x1f\x7f-\x9f"
# What Python's \s matches (str.isspace) once the control characters are gone; RE2's \s is ASCII only.
_SPASI = "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_KONTROL_RE = re.compile(f"[{_KONTROL}]")
_SPASI_RE = re.compile(f"[{_SPASI}]+")


def teks(nilai: object) -> str | None:
    """Text as written, whitespace collapsed to one space and trimmed, control characters
    dropped; None when nothing is left. A whole number stored as a float reads as an integer."""
    if nilai is None:
        return None
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    hasil = _SPASI_RE.sub(" ", _KONTROL_RE.sub("", str(nilai))).strip(" ")
    return hasil or None


def _kelas_re2(kelas: str) -> str:
    return "".join(c if c == "-" else f"\\x{{{ord(c):x}}}" for c in kelas)


def sql_teks(ekspresi: str) -> str:
    """`teks` in DuckDB SQL. The regular expressions run only on values that need them: most
    cells are plain printable ASCII with single spaces, which cheap tests let through (GLOB and
    byte/character lengths cost a tenth of one regular expression over millions of rows)."""
    v = f"CAST({ekspresi} AS VARCHAR)"
    penuh = (
        f"trim(regexp_replace(regexp_replace({v}, '[{_kelas_re2(_KONTROL)}]', '', 'g'), "
        f"'[{_kelas_re2(_SPASI)}]+', ' ', 'g'), ' ')"
    )
    perlu = (
        f"strlen({v}) <> length({v}) OR contains({v}, '  ') OR starts_with({v}, ' ') OR ends_with({v}, ' ') "
        f"OR contains({v}, chr(0)) OR {v} GLOB '*[' || chr(1) || '-' || chr(31) || chr(127) || ']*'"
    )
    return f"nullif(CASE WHEN {perlu} THEN {penuh} ELSE {v} END, '')"


def nama_desa(nama: str | None) -> str | None:
    """A desa as the workbook import has always stored it: str.title(), so `kali-bening`,
    `KALI-BENING` and `Kali-bening` are one desa (`Kali-Bening`); `2a` reads `2A`."""
    return nama.title() if isinstance(nama, str) else None


@functools.lru_cache(maxsize=2**16)  # the same few hundred kabupaten names, over every alias row
def normal_nama(nama: str) -> str:
    """The key a kecamatan or kabupaten is matched on: case and repeated spaces ignored."""
    return _SPASI_RE.sub(" ", nama).strip(" ").upper()


class PetaKecamatan:
    """Canonical kecamatan per kabupaten from the alias list; unknown names are errors.
    `tempat`: where the user adds a missing spelling (the shipped CSV, or a bulk folder's file)."""

    def __init__(self, alias: pd.DataFrame, tempat: str = "data/kecamatan_alias.csv"):
        self.tempat = tempat
        self._peta: dict[str, dict[str, str]] = defaultdict(dict)
        for r in alias.itertuples():
            kab = normal_nama(r.kabupaten)
            self._peta[kab][normal_nama(r.kecamatan)] = r.kecamatan
            if isinstance(r.alias, str) and r.alias.strip():
                self._peta[kab][normal_nama(r.alias)] = r.kecamatan

    def kanonik(self, kabupaten: str, nama: str) -> tuple[str | None, str | None]:
        peta = self._peta.get(normal_nama(kabupaten))
        if not peta:
            return None, (
                f"kabupaten '{kabupaten}' belum punya daftar kecamatan di {self.tempat}; "
                "tambahkan nama kecamatannya di sana"
            )
        hasil = peta.get(normal_nama(nama))
        if hasil:
            return hasil, None
        mirip = difflib.get_close_matches(normal_nama(nama), list(peta), n=3, cutoff=0.6)
        usul = sorted({peta[m] for m in mirip})
        petunjuk = f" Nama terdekat: {', '.join(usul)}." if usul else ""
        return None, (
            f"kecamatan '{nama}' tidak dikenal di Kabupaten {kabupaten}.{petunjuk} "
            f"Bila ini ejaan lain, tambahkan ke {self.tempat}"
        )


# A code's letters a-z upper-cased, nothing else (the same in Python and in SQL, whatever the unicode)
_BESAR = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)

# ---- data kinds: the built-in ones and those a Jenis sheet adds ------------------------------


def daftar_baris(nomor) -> str:
    """Row numbers as a message lists them: '3, 5, 7-12'."""
    urut = sorted({int(n) for n in nomor})
    bagian, awal = [], None
    for i, n in enumerate(urut):
        awal = n if awal is None else awal
        if i + 1 == len(urut) or urut[i + 1] != n + 1:
            bagian.append(str(n) if n == awal else f"{awal}-{n}")
            awal = None
    return ", ".join(bagian)


def ringkas_masalah(masalah: list[Masalah]) -> list[Masalah]:
    """For display: a message repeated on several rows of one sheet and column shown once, at its
    first row, with the list of the rows ('... (baris 2-40, 52)'); order and others unchanged."""
    kelompok: dict[tuple, list[Masalah]] = defaultdict(list)
    for m in masalah:
        kelompok[(m.lembar, m.kolom, m.pesan, m.tingkat)].append(m)
    hasil = []
    for m in masalah:
        sama = kelompok[(m.lembar, m.kolom, m.pesan, m.tingkat)]
        if len(sama) == 1 or m.baris is None:
            hasil.append(m)
        elif m is sama[0]:
            baris = [x.baris for x in sama if x.baris is not None]
            hasil.append(Masalah(m.lembar, m.baris, m.kolom, f"{m.pesan} (baris {daftar_baris(baris)})", m.tingkat))
    return hasil


def pesan_jenis_tak_dikenal(kode: str, baris, dikenal: list[str]) -> str:
    """One message for every row of an unknown `jenis`, saying how to add a new kind."""
    return (
        f"jenis '{kode}' tidak dikenal (baris {daftar_baris(baris)}).{saran(kode, dikenal)} "
        "Untuk jenis data baru, tambahkan lembar Jenis (kode, nama, kelompok, satuan, dapat_dijumlah) "
        "di berkas yang sama, lalu impor lagi. Jenis yang ada: " + ", ".join(sorted(dikenal)) + "."
    )


def pesan_jenis_bawaan(kode: str) -> str:
    return f"jenis '{kode}' sudah jenis bawaan dan tidak dapat diubah; pakai kode lain untuk jenis baru"


# ---- one cell by its column's declaration --------------------------------------------------

_TAK_HINGGA = baca_angka(float("nan")).galat
LABEL_BULAT = {TAHUN: "tahun", TRIWULAN: "triwulan", JUMLAH: "jumlah (orang, KK, lembaga)"}
WAJIB = "wajib diisi"


def rentang(kolom: Kolom) -> str:
    """The allowed range as messages state it: '0 sampai 4', '0 atau lebih'."""
    return f"{kolom.minimum:g}" + (f" sampai {kolom.maksimum:g}" if kolom.maksimum is not None else " atau lebih")


def _pesan_pilihan(kolom: Kolom, nilai: str) -> str:
    return f"nilai '{nilai}' tidak dikenal; pilihan: " + ", ".join(kolom.pilihan) + "."


def ketik(kolom: Kolom, nilai: object, lembar: str, nomor: int, masalah: list[Masalah]) -> object:
    """One workbook cell typed by its column's rule; a problem is appended and the cell is None.
    A required cell that holds nothing once typed (empty, spaces only, a number placeholder such
    as '-') is 'wajib diisi', unless its content was already reported as wrong."""
    sebelum = len(masalah)
    hasil = _ketik(kolom, nilai, lembar, nomor, masalah)
    if kolom.wajib and hasil is None and not any(m.tingkat == "galat" for m in masalah[sebelum:]):
        masalah.append(Masalah(lembar, nomor, kolom.nama, WAJIB))
    return hasil


def _ketik(kolom: Kolom, nilai: object, lembar: str, nomor: int, masalah: list[Masalah]) -> object:
    if isinstance(nilai, SelRusak):
        masalah.append(Masalah(lembar, nomor, kolom.nama, nilai.pesan))
        return None
    if kolom.jenis in (TEKS, KODE):
        isi = teks(nilai)
        if isi is not None and kolom.huruf_besar:
            isi = isi.translate(_BESAR)
        if isi is not None and kolom.pilihan:
            cocok = {p.lower(): p for p in kolom.pilihan}.get(isi.lower())
            if cocok is None:
                masalah.append(
                    Masalah(lembar, nomor, kolom.nama, _pesan_pilihan(kolom, isi) + saran(isi, kolom.pilihan))
                )
            return cocok
        return isi
    isi = teks(nilai)
    if kolom.jenis == DESIMAL and isi and isi.lower() not in PLACEHOLDER and _HURUF.fullmatch(isi):
        masalah.append(Huruf(lembar, nomor, kolom.nama, f"'{isi}' bukan angka", "ragu", isi))
        return None
    hasil = baca_angka(nilai, kolom.jenis)
    if hasil.galat:
        masalah.append(Masalah(lembar, nomor, kolom.nama, hasil.galat))
        return None
    if hasil.keterangan:
        masalah.append(Masalah(lembar, nomor, kolom.nama, hasil.keterangan, "catatan"))
    x = hasil.nilai
    if hasil.ribuan is not None:
        pesan = f"'{isi}' dapat dibaca {tulis_bacaan(hasil.ribuan)} atau {tulis_bacaan(x)}"
        masalah.append(Ragu(lembar, nomor, kolom.nama, pesan, "ragu", isi, hasil.ribuan, x))
    if x is None:
        return None
    if kolom.jenis in LABEL_BULAT and not float(x).is_integer():
        masalah.append(
            Masalah(lembar, nomor, kolom.nama, f"{LABEL_BULAT[kolom.jenis]} harus bilangan bulat, bukan {x:g}")
        )
        return None
    if kolom.minimum is not None and x < kolom.minimum or kolom.maksimum is not None and x > kolom.maksimum:
        masalah.append(Masalah(lembar, nomor, kolom.nama, f"nilai {x:g} di luar rentang yang sah ({rentang(kolom)})"))
        return None
    return int(x) if kolom.jenis in (TAHUN, TRIWULAN) else x


@dataclass(frozen=True)
class Ragu(Masalah):
    """A number the column does not decide ('11.720' in a target): both readings, decided after
    typing by the indicator's satuan or the user's choice (ragu.py). Not an error by itself."""

    teks: str = ""
    ribuan: float = 0.0
    desimal: float = 0.0


@dataclass(frozen=True)
class Huruf(Masalah):
    """A letter grade ('BB') in a measured value: its rank on the agency's predikat scale where the
    indicator's satuan is a grade, an error elsewhere (ragu.py). Not an error by itself."""

    teks: str = ""


_HURUF = re.compile(r"[A-Za-z]{1,3}[+-]?")  # AA, BB, ST, SR, B+


def tulis_bacaan(x: float) -> str:
    """A reading as the messages name it: 11.720 or 11,72."""
    return format_angka(x, 3).rstrip("0").rstrip(",")


# `saran` (the closest known names) in SQL: a Python function of the connection, called only for
# the rows with a problem, so that both paths suggest the same names.
SQL_SARAN = rujukan_massal.SARAN


def daftarkan_fungsi(con: duckdb.DuckDBPyConnection) -> None:
    """Make the SQL forms' Python helpers callable on `con` (before running `sql_kolom`'s SQL)."""
    try:
        con.remove_function(SQL_SARAN)  # registered before on this connection
    except duckdb.InvalidInputException:
        pass
    con.create_function(
        SQL_SARAN, lambda nama, pilihan: saran(nama, pilihan), [VARCHAR, duckdb.list_type(VARCHAR)], VARCHAR
    )


def _q(isi: str) -> str:
    return "'" + str(isi).replace("'", "''") + "'"


def _id(nama: str) -> str:
    return '"' + nama.replace('"', '""') + '"'


def sql_kosong(isi: str) -> str:
    """A number cell that holds nothing: empty, a placeholder (`-`, `n.a`, ...) or only `#`."""
    tanda = ", ".join(_q(p) for p in sorted(PLACEHOLDER))
    return f"({isi} IS NULL OR lower({isi}) IN ({tanda}) OR ltrim({isi}, '#') = '')"


def sql_kolom(kolom: Kolom, sumber: str | None, sumber_angka: bool) -> tuple[str, list[tuple[str, str]]]:
    """`ketik` for a bulk file's column `sumber` (None: the file lacks it; `sumber_angka`: the file
    stores numbers, Parquet): (typed value, [(problem condition, message expression)]). Numbers
    are read the machine way (`1234.5`), the one deliberate difference: a bulk file comes from a
    program. Only functions DuckDB runs cheaply per row or once per distinct value."""
    angka_ok = kolom.jenis not in (TEKS, KODE)
    if sumber is None:
        return ("NULL::DOUBLE" if angka_ok else "NULL::VARCHAR"), []
    # a number cell is read as written, only trimmed (baca_angka's own reading); text is normalised
    isi = f"nullif(trim(CAST({_id(sumber)} AS VARCHAR)), '')" if angka_ok else sql_teks(_id(sumber))
    if kolom.huruf_besar:
        isi = f"translate({isi}, '{string.ascii_lowercase}', '{string.ascii_uppercase}')"
    masalah = []
    if not angka_ok:
        nilai = isi
        if kolom.pilihan:
            # one lookup: a CASE would repeat the cell's expression once per choice
            asli, kecil = (", ".join(map(_q, daftar)) for daftar in (kolom.pilihan, [p.lower() for p in kolom.pilihan]))
            nilai = f"[{asli}][list_position([{kecil}], lower({isi}))]"
            pesan = (
                _q(_pesan_pilihan(kolom, "\0")).replace("\0", "' || " + isi + " || '")
                + f" || {SQL_SARAN}({isi}, [{', '.join(map(_q, kolom.pilihan))}])"
            )
            masalah.append((f"{isi} IS NOT NULL AND {nilai} IS NULL", pesan))
        if kolom.wajib:
            masalah.append((f"{isi} IS NULL", _q(WAJIB)))
        return nilai, masalah
    if sumber_angka:
        # NaN and infinity are no numbers, as in baca_angka
        angka = f"CASE WHEN isfinite({_id(sumber)}) THEN CAST({_id(sumber)} AS DOUBLE) END"
        kosong = f"{_id(sumber)} IS NULL"
        masalah.append((f"NOT isfinite({_id(sumber)})", _q(_TAK_HINGGA)))
    else:
        kosong = sql_kosong(isi)
        baca = f"TRY_CAST({isi} AS DOUBLE)"
        angka = f"CASE WHEN {kosong} OR NOT isfinite({baca}) THEN NULL ELSE {baca} END"
        masalah.append(
            (
                f"NOT {kosong} AND coalesce(NOT isfinite({baca}), true)",
                f"'''' || {isi} || ''' bukan angka (berkas massal: titik desimal, tanpa pemisah ribuan)'",
            )
        )
    salah = []
    if kolom.jenis in LABEL_BULAT:
        salah.append(f"{angka} <> round({angka})")
        masalah.append(
            (salah[-1], f"'{LABEL_BULAT[kolom.jenis]} harus bilangan bulat, bukan ' || printf('%g', {angka})")
        )
    if kolom.minimum is not None or kolom.maksimum is not None:
        syarat = " OR ".join(
            s
            for s in (
                f"{angka} < {kolom.minimum}" if kolom.minimum is not None else "",
                f"{angka} > {kolom.maksimum}" if kolom.maksimum is not None else "",
            )
            if s
        )
        salah.append(f"({syarat})")
        bulat = f"{angka} = round({angka}) AND " if kolom.jenis in LABEL_BULAT else ""  # a fraction is reported once
        masalah.append(
            (
                f"{bulat}({syarat})",
                f"'nilai ' || printf('%g', {angka}) || ' di luar rentang yang sah ({rentang(kolom)})'",
            )
        )
    if kolom.wajib:
        masalah.append((kosong, _q(WAJIB)))
    nilai = f"CASE WHEN {' OR '.join(salah)} THEN NULL ELSE {angka} END" if salah else angka
    if kolom.jenis in (TAHUN, TRIWULAN):
        nilai = f"CAST({nilai} AS INTEGER)"
    return nilai, masalah
