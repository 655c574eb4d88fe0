"""Reading the quarterly "Evaluasi terhadap Hasil Renja/RKPD" form (Permendagri 86/2017) into the
template's sheets (Indikator, Capaian, Anggaran), so that typing, checks, preview, commit and undo
are the workbook import's own.

The layout is found, not assumed: the column-number row (`1, 2, ... 13 = 9+10+11+12`) ends the
header; the header rows above it (merged cells filled across their range) name each column; the
unit row tells K, % and Rp apart. Rows are program/kegiatan/sub-kegiatan by their Permendagri 90
code when there is one, by wording ("Program ...") and position when not; a row with only an
indicator is a further indicator of the row above. The signature block ends the table.
The form's own mistakes are notes in the preview (renja_cek.py), never silently corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from sakip_calc.domain.spesifikasi import LEMBAR
from sakip_calc.ingest.baca import (
    BARIS_MAKS,
    BENTUK_XLSX,
    BacaanBerkas,
    Masalah,
    SelRusak,
    _nilai_sel,
    _pindai_xml,
)
from sakip_calc.ingest.renja_isi import isi_lembar

_LEMBAR_TEMPLAT = {l.nama.lower() for l in LEMBAR}
_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_KODE_P90 = re.compile(r"^\d{1,2}\.\d{2}(\.\d{2}(\.\d\.\d{2}(\.\d{2,4})?)?)?$")
_TINGKAT_SEGMEN = {2: "bidang", 3: "program", 5: "kegiatan", 6: "subkegiatan"}
_AKHIR = re.compile(r"^(faktor|tindak lanjut|disusun|mengetahui|kepala|nip)", re.I)
_LEWATI = re.compile(r"^(jumlah|total|rata-rata|predikat)", re.I)
_BERNOMOR = re.compile(r"(?:^|\s)\d{1,2}[.)]\s+")


def kenali(wb) -> bool:
    """A workbook is the form when it has none of the template's sheets and a sheet's first rows
    name it ("Evaluasi terhadap Hasil Renja/RKPD")."""
    if any(ws.title.strip().lower() in _LEMBAR_TEMPLAT for ws in wb.worksheets):
        return False
    for ws in wb.worksheets:
        teks = " ".join(str(v) for r in ws.iter_rows(max_row=12, values_only=True) for v in r if isinstance(v, str))
        if re.search(r"evaluasi\b.{0,30}\bhasil\b.{0,40}\b(renja|rkpd)", teks, re.I | re.S):
            return True
    return False


@dataclass
class Indikator:
    nama: str
    nomor: int
    satuan: str | None = None
    target: object = None
    k: list = field(default_factory=lambda: [None] * 4)
    persen: list = field(default_factory=lambda: [None] * 4)
    realisasi: object = None
    keterangan: str | None = None


@dataclass
class Entitas:
    kode: str
    nama: str
    tingkat: str
    induk: str | None
    lembar: str
    nomor: int
    pagu: object = None
    rp: list = field(default_factory=lambda: [None] * 4)
    realisasi: object = None
    indikator: list[Indikator] = field(default_factory=list)


@dataclass
class Form:
    """What one file holds once its sheets are merged (later sheets fill in later quarters)."""

    tahun: int | None = None
    kabupaten: str | None = None
    entitas: dict[str, Entitas] = field(default_factory=dict)


def baca_form(wb, zf, nama_file: str, hasil: BacaanBerkas) -> None:
    """Fill `hasil` with Indikator, Capaian and Anggaran rows read from the form."""
    from sakip_calc.ingest import renja_cek

    form = Form()
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            _baca_lembar(ws, zf, form, hasil)
    if not form.entitas:
        if not any(m.tingkat == "galat" for m in hasil.masalah):
            hasil.galat(
                "form Evaluasi Renja dikenali, tetapi tidak ada baris program/kegiatan di bawah baris nomor kolom"
            )
        return
    if form.tahun is None or form.kabupaten is None:
        hasil.galat(
            "tahun dan kabupaten/kota tidak ditemukan di judul form (mis. 'KABUPATEN TEMANGGUNG', 'TAHUN 2023'); "
            "tuliskan di baris judul"
        )
        return
    renja_cek.periksa(form, hasil)
    isi_lembar(form, nama_file, hasil)


# ---- one sheet ----------------------------------------------------------------------------


def _baca_lembar(ws, zf, form: Form, hasil: BacaanBerkas) -> None:
    rumus, gabung = _pindai_xml(zf, ws._worksheet_path)
    ws.reset_dimensions()
    grid = []
    for nomor, sel in enumerate(ws.iter_rows(), start=1):
        if nomor > BARIS_MAKS:
            break
        grid.append([_nilai_sel(c, nomor, i + 1, rumus) for i, c in enumerate(sel)])
    judul = "  ".join(str(v).strip() for r in grid[:12] for v in r if isinstance(v, str))
    form.tahun = form.tahun or _cari_int(r"tahun\s+(?:anggaran\s+)?(\d{4})", judul)
    form.kabupaten = form.kabupaten or _cari_kabupaten(judul)
    nomor_baris = next((i for i, r in enumerate(grid) if _baris_nomor(r)), None)
    if nomor_baris is None:
        hasil.masalah.append(
            Masalah(ws.title, None, None, "baris nomor kolom (1, 2, 3, ...) tidak ditemukan; diabaikan", "catatan")
        )
        return
    atas = _awal_header(grid, nomor_baris)
    _isi_gabung(grid, gabung, atas, nomor_baris)
    peta = _petakan(grid[atas:nomor_baris])
    hilang = [k for k in ("nama", "target") if k not in peta]
    if hilang:
        hasil.masalah.append(
            Masalah(ws.title, nomor_baris, None, "kolom " + ", ".join(hilang) + " tidak dikenali di judul form")
        )
        return
    _baris_data(ws.title, grid, nomor_baris + 1, peta, form, hasil)


def _cari_int(pola: str, teks: str) -> int | None:
    m = re.search(pola, teks, re.I)
    return int(m.group(1)) if m else None


def _cari_kabupaten(teks: str) -> str | None:
    m = re.search(r"\b(kabupaten|kota)\s+([a-z][a-z .'-]*?)(?=\s{2,}|\s+(?:tahun|periode|provinsi)\b|$)", teks, re.I)
    if not m:
        return None
    nama = m.group(2).strip().title()
    return nama if m.group(1).lower() == "kabupaten" else f"Kota {nama}"


def _awal_int(v) -> int | None:
    if isinstance(v, int | float) and not isinstance(v, bool) and float(v).is_integer():
        return int(v)
    m = re.match(r"^\s*(\d{1,2})\b", v) if isinstance(v, str) else None
    return int(m.group(1)) if m else None


def _baris_nomor(baris: list) -> bool:
    """The column-number row: 1, 2, 3, ... (a number may repeat over its K/Rp cells)."""
    angka = [_awal_int(v) for v in baris if v is not None and str(v).strip()]
    if len(angka) < 5 or None in angka or angka[0] != 1:
        return False
    return all(b >= a for a, b in zip(angka, angka[1:])) and len(set(angka)) >= 5


def _awal_header(grid: list, nomor_baris: int) -> int:
    for i in range(max(0, nomor_baris - 6), nomor_baris):
        teks = " ".join(str(v).lower() for v in grid[i] if isinstance(v, str))
        if any(k in teks for k in ("kode", "indikator", "program", "urusan", "no")):
            return i
    return max(0, nomor_baris - 3)


def _isi_gabung(grid: list, gabung: list[str], atas: int, bawah: int) -> None:
    """A merged header cell names every column and row it covers."""
    for ref in gabung:
        kiri, a, kanan, b = range_boundaries(ref)
        if b - 1 < atas or a - 1 >= bawah:
            continue
        nilai = grid[a - 1][kiri - 1] if kiri - 1 < len(grid[a - 1]) else None
        for r in range(a - 1, min(b, bawah)):
            while len(grid[r]) < kanan:
                grid[r].append(None)
            for c in range(kiri - 1, kanan):
                grid[r][c] = nilai


def _petakan(header: list[list]) -> dict[str, int]:
    """Meaning -> 0-based column, from the words above each column and its unit."""
    lebar = max(len(r) for r in header)
    peta: dict[str, int] = {}
    for c in range(lebar):
        sel = [str(r[c]).strip() for r in header if c < len(r) and r[c] is not None and str(r[c]).strip()]
        jalur = " ".join(dict.fromkeys(s.lower() for s in sel))
        satuan = sel[-1].lower().rstrip(".") if sel and sel[-1].lower().rstrip(".") in ("k", "rp", "%") else None
        romawi = next((_ROMAWI[s.lower()] for s in sel if s.lower() in _ROMAWI), None)
        kunci = _arti(jalur, satuan, romawi)
        if kunci and kunci not in peta:
            peta[kunci] = c
    return peta


def _arti(jalur: str, satuan: str | None, tw: int | None) -> str | None:
    if "triwulan" in jalur or "tri wulan" in jalur:
        return {"k": f"k{tw}", "%": f"p{tw}", "rp": f"rp{tw}"}.get(satuan or "") if tw else None
    if "kode" in jalur:
        return "kode"
    if "indikator" in jalur:
        return "indikator"
    if "satuan" in jalur:
        return "satuan"
    if jalur.startswith("ket"):
        return "ket"
    if "target" in jalur and "renstra pd pada" not in jalur and "akhir periode" not in jalur:
        return {"k": "target", "rp": "pagu"}.get(satuan or "")
    if "realisasi" in jalur and ("dievaluasi" in jalur or re.search(r"realisasi \d{4}$", jalur)):
        return {"k": "real_k", "rp": "real_rp"}.get(satuan or "")
    if "program" in jalur or "urusan" in jalur or "kegiatan" in jalur:
        return "nama"
    return None


# ---- rows ---------------------------------------------------------------------------------


def _baris_data(lembar: str, grid, mulai: int, peta: dict, form: Form, hasil: BacaanBerkas) -> None:
    tumpukan: dict[str, Entitas] = {}  # the current program / kegiatan
    urut: dict[str | None, int] = {}  # children numbered so far per parent (codeless forms)
    kini: Entitas | None = None
    for i in range(mulai, len(grid)):
        baris, nomor = grid[i], i + 1

        def sel(kunci, baris=baris, nomor=nomor):
            c = peta.get(kunci)
            v = baris[c] if c is not None and c < len(baris) else None
            if isinstance(v, SelRusak):
                hasil.masalah.append(Masalah(lembar, nomor, get_column_letter(c + 1), v.pesan))
                return None
            return v.strip() or None if isinstance(v, str) else v

        nama, kode, teks_ind = _teks(sel("nama")), _teks(sel("kode")), _teks(sel("indikator"))
        pertama = next((str(v).strip() for v in baris if isinstance(v, str) and v.strip()), "")
        if _AKHIR.match(pertama) or (nama and _AKHIR.match(nama)):
            break  # the signature block and the closing remarks
        if _baris_nomor(baris) or (nama and _LEWATI.match(nama)) or _LEWATI.match(pertama):
            continue
        if teks_ind and "indikator kinerja" in teks_ind.lower() and not kode:
            continue  # the header repeated on a new page
        if nama:
            kini = _entitas(lembar, nomor, kode, nama, tumpukan, urut, form, hasil)
            if kini is None:
                continue
            kini.pagu = _lebih(kini.pagu, sel("pagu"))
            kini.realisasi = _lebih(kini.realisasi, sel("real_rp"))
            for q in range(4):
                kini.rp[q] = _lebih(kini.rp[q], sel(f"rp{q + 1}"))
        if not teks_ind or kini is None:
            continue
        _indikator(kini, teks_ind, nomor, sel, peta, lembar, hasil)


def _teks(v) -> str | None:
    return re.sub(r"\s+", " ", str(v)).strip() or None if v is not None else None


def _lebih(lama, baru):
    """A later sheet's value fills or replaces an earlier one; an empty cell keeps it."""
    return lama if baru is None or (isinstance(baru, str) and baru.strip() in ("", "-")) else baru


def _entitas(lembar, nomor, kode, nama, tumpukan, urut, form: Form, hasil) -> Entitas | None:
    kode_baku = _kode_baku(kode)
    tingkat = None
    if kode_baku and _KODE_P90.match(kode_baku):
        tingkat = _TINGKAT_SEGMEN.get(len(kode_baku.split(".")), "urusan")
    else:
        awal = nama.lower()
        if awal.startswith(("urusan", "bidang")):
            tingkat = "bidang"
        elif awal.startswith("program"):
            tingkat = "program"
        elif awal.startswith(("sub kegiatan", "sub-kegiatan", "subkegiatan")):
            tingkat = "subkegiatan"
        elif awal.startswith("kegiatan"):
            tingkat = "kegiatan"
        else:
            tingkat = "subkegiatan" if "kegiatan" in tumpukan else "kegiatan" if "program" in tumpukan else "program"
        if kode:
            hasil.masalah.append(
                Masalah(
                    lembar,
                    nomor,
                    "kode",
                    f"kode '{kode}' tidak berpola Permendagri 90; tingkat '{tingkat}' ditentukan dari letak barisnya",
                    "catatan",
                )
            )
    if tingkat not in ("program", "kegiatan", "subkegiatan"):
        return None
    induk_tingkat = {"program": None, "kegiatan": "program", "subkegiatan": "kegiatan"}[tingkat]
    induk = tumpukan.get(induk_tingkat) if induk_tingkat else None
    if not (kode_baku and _KODE_P90.match(kode_baku)):
        kunci = induk.kode if induk else None
        urut[kunci] = urut.get(kunci, 0) + 1
        awalan = {"program": "P", "kegiatan": "K", "subkegiatan": "S"}[tingkat]
        kode_baku = (f"{induk.kode}." if induk else "") + f"{awalan}{urut[kunci]:02d}"
    for t in ("program", "kegiatan", "subkegiatan")[("program", "kegiatan", "subkegiatan").index(tingkat) :]:
        tumpukan.pop(t, None)
    ent = form.entitas.get(kode_baku)
    if ent is None:
        ent = Entitas(kode_baku, nama, tingkat, induk.kode if induk else None, lembar, nomor)
        form.entitas[kode_baku] = ent
    tumpukan[tingkat] = ent
    return ent


def _kode_baku(kode: str | None) -> str | None:
    """'01.06.01' and '1.06.01' are the same Permendagri 90 code."""
    if not kode:
        return None
    kode = kode.strip().rstrip(".")
    bagian = kode.split(".")
    if bagian[0].isdigit():
        bagian[0] = str(int(bagian[0]))
    return ".".join(bagian)


def _indikator(ent: Entitas, teks: str, nomor: int, sel, peta, lembar, hasil) -> None:
    nama = [n.strip() for n in _BERNOMOR.split(teks) if n.strip()]
    nama = nama if len(nama) > 1 and _BERNOMOR.match(teks) else [teks]
    if len(nama) > 1:
        hasil.masalah.append(
            Masalah(
                lembar,
                nomor,
                "indikator",
                f"satu sel berisi {len(nama)} indikator; dipisah menjadi "
                f"{len(nama)} indikator, nilai per kolom dibagi bila sel nilainya juga bernomor",
                "catatan",
            )
        )
    for n, nm in enumerate(nama):

        def pecah(v, n=n):
            return _bagian(v, n, len(nama))

        idx = next((j for j, x in enumerate(ent.indikator) if x.nama == nm), None)
        ind = ent.indikator[idx] if idx is not None else Indikator(nm, nomor)
        if idx is None:
            ent.indikator.append(ind)
        ind.satuan = _lebih(ind.satuan, _teks(sel("satuan")))
        ind.target = _lebih(ind.target, pecah(sel("target")))
        ind.realisasi = _lebih(ind.realisasi, pecah(sel("real_k")))
        ind.keterangan = _lebih(ind.keterangan, _teks(sel("ket")))
        for q in range(4):
            ind.k[q] = _lebih(ind.k[q], pecah(sel(f"k{q + 1}")))
            # a fraction formatted as a percentage is already read as shown (baca._nilai_sel)
            ind.persen[q] = _lebih(ind.persen[q], pecah(sel(f"p{q + 1}")))


def _bagian(v, n: int, total: int):
    """The n-th of a numbered cell ('1. 75  2. 80') when an indicator cell held several."""
    if total == 1 or not isinstance(v, str):
        return v if n == 0 else None
    bagian = [b.strip() for b in _BERNOMOR.split(v) if b.strip()]
    return bagian[n] if len(bagian) == total else (v if n == 0 else None)


BENTUK_XLSX.append((kenali, baca_form))
