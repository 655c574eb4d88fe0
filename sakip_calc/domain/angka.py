"""Reading and writing numbers the way Indonesian reports do.

Reports mix `1.234.567,89`, `49,422,100` and `98.42` in one table and decorate numbers with
`Rp`, `%` and `,-`. A lone separator followed by exactly three digits is ambiguous (`1.234`);
the column's meaning decides it: money and counts read it as thousands, percentages as a decimal
point, and the parser says which reading it took. A measured value (a target, a realisasi) does
not decide it: the parser gives both readings and the importer asks (ingest/ragu.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from sakip_calc.domain.spesifikasi import DESIMAL, JUMLAH, PERSEN, RUPIAH, TAHUN, TRIWULAN

PLACEHOLDER = frozenset({"", "-", "--", "—", "n.a", "n.a.", "na", "n/a", "app", "nihil", "#####"})
_DEKORASI = re.compile(r"(?i)^rp\.?|rupiah|%|,-+$|\.-+$|\s+")
_KELOMPOK_RIBUAN = re.compile(r"^\d{1,3}(\d{3})*$")
_ANGKA_BULAT = (RUPIAH, JUMLAH, TAHUN, TRIWULAN)


@dataclass(frozen=True)
class HasilAngka:
    nilai: float | None
    galat: str | None = None  # why the text is not a number (an import error)
    keterangan: str | None = None  # how an ambiguous text was read (an import note)
    ribuan: float | None = None  # the thousands reading, when the column decides nothing (`nilai` the decimal one)


def _placeholder(teks: str) -> bool:
    t = teks.strip().lower()
    return t in PLACEHOLDER or set(t) == {"#"}


def baca_angka(nilai: object, jenis: str = DESIMAL) -> HasilAngka:
    """Parse one cell. `jenis` is the column's kind from spesifikasi (RUPIAH, PERSEN, ...)."""
    if nilai is None:
        return HasilAngka(None)
    if isinstance(nilai, bool):
        return HasilAngka(None, "nilai benar/salah (TRUE/FALSE) bukan angka")
    if isinstance(nilai, (int, float)):
        if isinstance(nilai, float) and not math.isfinite(nilai):
            return HasilAngka(None, "angka tidak terhingga atau NaN")
        return HasilAngka(float(nilai))
    teks = str(nilai).strip()
    if _placeholder(teks):
        return HasilAngka(None)
    if teks.startswith("#"):
        return HasilAngka(None, f"sel berisi galat spreadsheet '{teks}'")
    # the sign may stand before or after the decoration: -Rp 5.000, Rp -5.000, (Rp 5.000)
    kurung = teks.startswith("(") and teks.endswith(")")
    tanda_luar, inti = _tanda(teks[1:-1].strip() if kurung else teks)
    if _placeholder(_DEKORASI.sub("", inti)):
        return HasilAngka(None)  # 'Rp -', 'Rp. -,-': nothing reported
    tanda_dalam, inti = _tanda(_DEKORASI.sub("", inti))
    if (
        not re.fullmatch(r"[0-9.,]*[0-9][0-9.,]*", inti)
        or (tanda_luar and tanda_dalam)
        or (kurung and (tanda_luar or tanda_dalam))
    ):
        return HasilAngka(None, f"'{teks}' bukan angka")
    hasil = _tanpa_tanda(inti, jenis, teks)
    if hasil.nilai is not None and not math.isfinite(hasil.nilai):
        return HasilAngka(None, f"'{teks[:30]}' terlalu besar untuk sebuah angka")
    if hasil.nilai is not None and (kurung or tanda_luar == "-" or tanda_dalam == "-"):
        ribuan = -hasil.ribuan if hasil.ribuan is not None else None
        return HasilAngka(-hasil.nilai, hasil.galat, hasil.keterangan, ribuan)
    return hasil


def _tanda(teks: str) -> tuple[str, str]:
    """A leading sign ('-', the minus sign U+2212 as '-', or '+') and the rest."""
    if teks[:1] in ("-", "\u2212", "+"):
        return ("+" if teks[0] == "+" else "-"), teks[1:].lstrip()
    return "", teks


def _tanpa_tanda(s: str, jenis: str, asli: str) -> HasilAngka:
    titik, koma = s.count("."), s.count(",")
    if titik and koma:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        if s.count(desimal) > 1:
            return HasilAngka(None, f"'{asli}' tidak terbaca: pemisah desimal '{desimal}' muncul lebih dari sekali")
        bulat, pecahan = s.split(desimal)
        if not _KELOMPOK_RIBUAN.match(bulat.replace(ribuan, "")) or not _ribuan_sah(bulat, ribuan):
            return HasilAngka(None, f"'{asli}' tidak terbaca: pengelompokan ribuan tidak teratur")
        return HasilAngka(float(bulat.replace(ribuan, "") + "." + pecahan))
    pemisah = "." if titik else "," if koma else None
    if pemisah is None:
        return HasilAngka(float(s))
    if s.count(pemisah) > 1:
        if not _ribuan_sah(s, pemisah):
            return HasilAngka(None, f"'{asli}' tidak terbaca: pengelompokan ribuan tidak teratur")
        return HasilAngka(float(s.replace(pemisah, "")))
    bulat, pecahan = s.split(pemisah)
    if not bulat or not pecahan:
        return HasilAngka(None, f"'{asli}' tidak terbaca: pemisah '{pemisah}' tanpa angka di salah satu sisinya")
    if len(pecahan) == 3 and jenis in _ANGKA_BULAT:
        return HasilAngka(
            float(bulat + pecahan),
            keterangan=f"'{asli}' dibaca sebagai {bulat}{pecahan} (pemisah ribuan) karena kolom berisi "
            + ("rupiah" if jenis == RUPIAH else "bilangan bulat"),
        )
    ket = ribuan = None
    if len(pecahan) == 3 and jenis == PERSEN:
        ket = f"'{asli}' dibaca sebagai {bulat},{pecahan} (pemisah desimal) karena kolom berisi persentase"
    elif len(pecahan) == 3 and bulat.strip("0"):  # '0.725' is no thousands
        ribuan = float(bulat + pecahan)
    return HasilAngka(float(bulat + "." + pecahan), keterangan=ket, ribuan=ribuan)


def _ribuan_sah(bulat: str, pemisah: str) -> bool:
    bagian = bulat.split(pemisah)
    return 1 <= len(bagian[0]) <= 3 and all(len(b) == 3 for b in bagian[1:])


# ---- formatting for the interface: 1.234.567,89; 97,64 %; Rp 35,67 M --------------------


def format_angka(x: float | None, desimal: int = 0, kosong: str = "–") -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return kosong
    teks = f"{x:,.{desimal}f}"
    if teks.startswith("-") and not teks.strip("-0.,"):
        teks = teks[1:]  # -0,001 rounded is 0, not "-0,00"
    return teks.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_bilangan(x: float | None, desimal: int = 2, kosong: str = "–") -> str:
    """A whole number without decimals (21 orang, not 21,00); any other with `desimal` of them."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return kosong
    return format_angka(x, 0 if round(x, desimal) == round(x) else desimal)


def format_persen(x: float | None, desimal: int = 2, kosong: str = "–") -> str:
    return kosong if x is None or (isinstance(x, float) and not math.isfinite(x)) else f"{format_angka(x, desimal)} %"


def format_rupiah(x: float | None, kosong: str = "–") -> str:
    return kosong if x is None or (isinstance(x, float) and not math.isfinite(x)) else f"Rp {format_angka(x, 0)}"


_SATUAN_RUPIAH = ((1e12, "T"), (1e9, "M"), (1e6, "jt"), (1e3, "rb"))


def format_rupiah_singkat(x: float | None, kosong: str = "–") -> str:
    """Rp 35,67 M (miliar), Rp 430,75 jt (juta): for cards and chart labels."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return kosong
    for batas, akhiran in _SATUAN_RUPIAH:
        if abs(x) >= batas:
            return f"Rp {format_angka(x / batas, 2)} {akhiran}"
    return format_rupiah(x)


# ---- printed precision: when does a stated figure agree with a computed one ----------------
# The one rule for every percentage (or other measured value) a report prints: it agrees when it
# equals the computed value rounded OR truncated to the digits printed. With u = one unit of the
# last printed digit that is the interval [d - u/2, d + u) around the printed d (mirrored below
# zero: truncation goes towards zero). 96,42 accepts 96,415 up to (not incl.) 96,43; 90 accepts
# 89,5 up to 91. Nothing looser. Rupiah and counts are not percentages: they compare exactly.
_EPS = 1e-9
DESIMAL_MAKS = 6


def desimal_cetak(nilai):
    """Digits after the decimal separator with which `nilai` is written at its shortest
    (96.42 -> 2, 3.1 -> 1, 96.0 -> 0). A stored float keeps no trailing zeros: '3,10' counts
    as one digit, which accepts one unit of the second digit more than the print does."""
    x = np.abs(np.asarray(nilai, dtype=float))
    k = np.full(x.shape, DESIMAL_MAKS)
    for d in range(DESIMAL_MAKS - 1, -1, -1):
        k = np.where(np.abs(np.round(x, d) - x) <= _EPS * np.maximum(1.0, x), d, k)
    return k if k.ndim else int(k)


def sesuai_cetak(dilaporkan, dihitung, desimal=None):
    """True where the printed `dilaporkan` equals `dihitung` rounded or truncated to `desimal`
    digits (default: the digits `dilaporkan` is written with). Scalars or arrays; NaN never agrees."""
    d = np.asarray(dilaporkan, dtype=float)
    c = np.asarray(dihitung, dtype=float)
    k = desimal_cetak(d) if desimal is None else np.asarray(desimal)
    u = 10.0 ** -np.asarray(k, dtype=float)
    eps = _EPS * np.maximum(1.0, np.abs(c))
    dibulatkan = np.abs(c - d) <= u / 2 + eps
    dipotong = (
        ((np.sign(c) == np.sign(d)) | (d == 0)) & (np.abs(c) >= np.abs(d) - eps) & (np.abs(c) < np.abs(d) + u - eps)
    )
    hasil = dibulatkan | dipotong
    return bool(hasil) if np.ndim(hasil) == 0 else hasil


def sama_persis(dilaporkan, dihitung):
    """Rupiah and counts: equal to the unit (a float sum may carry a fraction of a rupiah)."""
    hasil = np.abs(np.asarray(dilaporkan, dtype=float) - np.asarray(dihitung, dtype=float)) < 0.5
    return bool(hasil) if np.ndim(hasil) == 0 else hasil
