"""Excel files laid out like the quarterly "Evaluasi terhadap Hasil Renja" form (Permendagri
86/2017), for the importer's tests and the benchmark.

The layout follows what OPDs fill: title rows, a merged multi-row header, the unit row (K, Rp,
or K, %, Rp per triwulan), the column-number row (`13 = 9+10+11+12`, ...), one row per
program/kegiatan/sub-kegiatan (continuation rows for a second indicator), and the signature
block. `dari_basis_data` makes the Dinas Sosial form from the quarterly tables already stored
(Temanggung 2023: LKjIP Tabel 3.9 and the RKPD evaluation, seed 001 lines 1200-1330).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

TW = ("I", "II", "III", "IV")


@dataclass
class BarisForm:
    """One line of the form. An entity line has `nama`; a continuation line only an indicator."""

    kode: str | None = None
    nama: str | None = None
    tingkat: str | None = None  # program / kegiatan / subkegiatan: the wording of a form without codes
    indikator: str | None = None
    satuan: str | None = None
    target: object = None  # K of the year's target (column 8)
    pagu: object = None  # Rp of the year's target
    k: list = field(default_factory=lambda: [None] * 4)  # K per triwulan
    rp: list = field(default_factory=lambda: [None] * 4)  # Rp per triwulan
    realisasi_k: object = None  # column 13 K; None = the form's formula 9+10+11+12 (cached)
    realisasi_rp: object = None
    keterangan: str | None = None


@dataclass
class Gaya:
    """The variants seen in real files."""

    kode: bool = True  # a Kode column with Permendagri 90 codes
    persen_tw: bool = False  # K, %, Rp per triwulan (the % stored as a fraction, 0,149 = 14,9 %)
    per_triwulan: bool = False  # one sheet per triwulan, each filled up to its quarter
    kabupaten: str = "Temanggung"
    tahun: int = 2023
    rumus_tanpa_nilai: tuple[int, int] | None = None  # (data row index, triwulan) as a formula with no cache


def _kolom(gaya: Gaya) -> list[tuple[str, str, str]]:
    """(group header, sub header, unit) per sheet column, left to right."""
    k = [("No", "", "")]
    if gaya.kode:
        k.append(("Kode", "", ""))
    k += [
        ("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", "", ""),
        ("Indikator Kinerja Program (outcome)/Kegiatan (output)", "", ""),
        ("Satuan", "", ""),
        (f"Target Renstra PD pada Tahun {gaya.tahun + 1} (akhir periode Renstra)", "", "K"),
        ("", "", "Rp."),
        (f"Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu ({gaya.tahun - 1})", "", "K"),
        ("", "", "Rp."),
        (f"Target Kinerja dan Anggaran Renja PD Tahun Berjalan ({gaya.tahun}) yang Dievaluasi", "", "K"),
        ("", "", "Rp."),
    ]
    for i, tw in enumerate(TW):
        satuan = ("K", "%", "Rp.") if gaya.persen_tw else ("K", "Rp.")
        for j, s in enumerate(satuan):
            k.append(("Realisasi Kinerja pada Triwulan" if i == 0 and j == 0 else "", tw if j == 0 else "", s))
    k += [
        ("Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi", "", "K"),
        ("", "", "Rp."),
        (f"Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun {gaya.tahun}", "", "K"),
        ("", "", "Rp."),
        (f"Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun {gaya.tahun} (%)", "", "K"),
        ("", "", "Rp."),
        ("Unit PD Penanggung Jawab", "", ""),
        ("Keterangan", "", ""),
    ]
    return k


def _nomor_kolom(gaya: Gaya) -> list[str]:
    """The column-number row: one number per form column, repeated over its K/Rp cells."""
    teks = {13: "13 = 9+10+11+12", 14: "14 = 7+13", 15: "15 = 14/6 x 100"}
    nomor, n = [], 0
    for grup, sub, satuan in _kolom(gaya):
        if grup or sub or not satuan:
            n += 1
        nomor.append(teks.get(n, str(n)))
    return nomor


def _tulis_lembar(ws, baris: list[BarisForm], gaya: Gaya, sampai_tw: int) -> None:
    kolom = _kolom(gaya)
    ws.append([f"EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN {gaya.kabupaten.upper()}"])
    ws.append([f"RENJA PERANGKAT DAERAH DINAS SOSIAL KABUPATEN {gaya.kabupaten.upper()}"])
    ws.append([f"PERIODE PELAKSANAAN: TRIWULAN {TW[sampai_tw - 1]} TAHUN {gaya.tahun}"])
    ws.append([])
    ws.append([g for g, _, _ in kolom])
    atas = ws.max_row
    ws.append([s for _, s, _ in kolom])
    ws.append([u for _, _, u in kolom])
    ws.append(_nomor_kolom(gaya))
    _gabung_header(ws, kolom, atas)
    posisi = {nama: i + 1 for i, nama in enumerate(_nama_posisi(gaya))}
    for n, b in enumerate(baris):
        r = ws.max_row + 1
        nilai = {
            "no": n + 1 if b.nama else None,
            "kode": b.kode,
            "nama": b.nama if gaya.kode or not b.nama else _dengan_awalan(b),
            "indikator": b.indikator,
            "satuan": b.satuan,
            "target": b.target,
            "pagu": b.pagu,
            "ket": b.keterangan,
        }
        for q in range(4):
            if q < sampai_tw:
                nilai[f"k{q}"], nilai[f"rp{q}"] = b.k[q], b.rp[q]
                if gaya.persen_tw and _angka(b.k[q]) and _angka(b.target):
                    nilai[f"p{q}"] = b.k[q] / b.target  # stored as a fraction, shown as 14,9 %
        for nama, v in nilai.items():
            if nama in posisi and v is not None:
                ws.cell(r, posisi[nama], v)
        for q in range(4):
            if f"p{q}" in nilai:
                ws.cell(r, posisi[f"p{q}"]).number_format = "0.0%"
        _kolom_13(ws, r, b, posisi, sampai_tw)
        if gaya.rumus_tanpa_nilai and gaya.rumus_tanpa_nilai[0] == n:
            ws.cell(r, posisi[f"k{gaya.rumus_tanpa_nilai[1] - 1}"], f"=F{r}/4")
    ws.append([])
    for teks in ("Faktor pendorong keberhasilan kinerja", "Disusun :", f"{gaya.kabupaten}, Februari {gaya.tahun + 1}"):
        ws.append([None, teks])
    ws.append([None, None, f"KEPALA DINAS SOSIAL KABUPATEN {gaya.kabupaten.upper()}"])
    ws.append([None, None, "HERI KARDONO, S.STP"])
    ws.append([None, None, "NIP. 197907091999121001"])


def _dengan_awalan(b: BarisForm) -> str:
    """Without codes a form says the level in the name: 'Program ...', 'Kegiatan ...', 'Sub Kegiatan ...'."""
    awalan = {"program": "Program", "kegiatan": "Kegiatan", "subkegiatan": "Sub Kegiatan"}.get(b.tingkat or "", "")
    return b.nama if not awalan or b.nama.lower().startswith(awalan.lower()) else f"{awalan} {b.nama}"


def _kolom_13(ws, r: int, b: BarisForm, posisi: dict, sampai_tw: int) -> None:
    """Column 13 = 9+10+11+12 as the form computes it: the cached sum unless given."""
    for kunci, tw, diberi in (("real_k", b.k, b.realisasi_k), ("real_rp", b.rp, b.realisasi_rp)):
        nilai = diberi
        if nilai is None and any(_angka(v) for v in tw[:sampai_tw]):
            nilai = sum(v for v in tw[:sampai_tw] if _angka(v))
        if nilai is not None:
            ws.cell(r, posisi[kunci], nilai)


def _angka(v) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _nama_posisi(gaya: Gaya) -> list[str]:
    nama = ["no", *(["kode"] if gaya.kode else []), "nama", "indikator", "satuan", "renstra_k", "renstra_rp"]
    nama += ["lalu_k", "lalu_rp", "target", "pagu"]
    for q in range(4):
        nama += [f"k{q}", *([f"p{q}"] if gaya.persen_tw else []), f"rp{q}"]
    return nama + ["real_k", "real_rp", "s_d_k", "s_d_rp", "tingkat_k", "tingkat_rp", "unit", "ket"]


def _gabung_header(ws, kolom, atas: int) -> None:
    """Merged cells as in the real form: a single header over three rows, a group over its K/Rp
    cells and two rows, the triwulan group over all quarters with each quarter over its cells."""
    i = 0
    while i < len(kolom):
        j = i + 1
        while j < len(kolom) and not kolom[j][0] and kolom[j][2]:
            j += 1
        if kolom[i][2] == "":  # No, Kode, Uraian, Indikator, Satuan, Unit, Keterangan
            ws.merge_cells(start_row=atas, start_column=i + 1, end_row=atas + 2, end_column=i + 1)
        elif kolom[i][1]:  # the triwulan group: I, II, III, IV below it
            ws.merge_cells(start_row=atas, start_column=i + 1, end_row=atas, end_column=j)
            awal = [n for n in range(i, j) if kolom[n][1]] + [j]
            for a, b in zip(awal, awal[1:]):
                ws.merge_cells(start_row=atas + 1, start_column=a + 1, end_row=atas + 1, end_column=b)
        else:
            ws.merge_cells(start_row=atas, start_column=i + 1, end_row=atas + 1, end_column=j)
        i = j
    ws.column_dimensions[get_column_letter(3)].width = 50


def buat(baris: list[BarisForm], gaya: Gaya | None = None) -> bytes:
    """The .xlsx bytes of one form."""
    gaya = gaya or Gaya()
    wb = Workbook()
    wb.remove(wb.active)
    for q in range(1, 5) if gaya.per_triwulan else (4,):
        _tulis_lembar(wb.create_sheet(f"TW {TW[q - 1]}" if gaya.per_triwulan else "Evaluasi Renja"), baris, gaya, q)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def dari_basis_data(con, instansi: str = "dinsos-temanggung", tahun: int = 2023) -> list[BarisForm]:
    """The form lines of one agency-year from the stored budget lines, their quarterly realisasi
    and the indicators tied to them (sub-kegiatan indicators by code, program indicators by
    program_kode)."""
    from sakip_calc import store

    daftar_instansi = store.instansi(con)
    iid = int(daftar_instansi.loc[daftar_instansi["kode"] == instansi, "id"].iloc[0])
    ang = store.anggaran(con, iid, tahun)
    tw = store.anggaran_triwulan(con, iid, tahun).set_index(["kode", "triwulan"])["realisasi"].to_dict()
    ind = store.indikator_capaian(con, iid)
    ind = ind[ind["tahun"] == tahun]
    hasil = []
    for a in ang.itertuples():
        rp = [tw.get((a.kode, q)) for q in range(1, 5)]
        program = (ind["program_kode"] == a.kode) & (ind["tingkat"] == "program")
        terkait = ind[(ind["kode"] == f"SK-{a.kode}") | program]
        daftar = list(terkait["kode"].drop_duplicates()) or [None]
        for n, kode_ind in enumerate(daftar):
            b = BarisForm(a.kode if n == 0 else None, a.nama if n == 0 else None, a.tingkat)
            if n == 0:
                b.pagu, b.rp = _bersih(a.pagu), [_bersih(v) for v in rp]
            if kode_ind:
                baris_ind = terkait[terkait["kode"] == kode_ind]
                tahunan = baris_ind[baris_ind["triwulan"].isna()]
                b.indikator, b.satuan = baris_ind["nama"].iloc[0], baris_ind["satuan"].iloc[0]
                b.target = _bersih(tahunan["target"].iloc[0]) if len(tahunan) else None
                per_tw = baris_ind.dropna(subset=["triwulan"]).set_index("triwulan")["realisasi"]
                b.k = [_bersih(per_tw.get(q)) for q in range(1, 5)]
                if len(tahunan) and baris_ind["agregasi_triwulan"].iloc[0] != "jumlah":
                    b.realisasi_k = _bersih(tahunan["realisasi"].iloc[0])  # the form's own year value
            hasil.append(b)
    return hasil


def _bersih(v):
    """A stored number as a cell value (whole numbers as int), NaN/None as an empty cell."""
    if v is None or v != v:
        return None
    return int(v) if float(v).is_integer() else float(v)


def baris_contoh(program: int = 10, kegiatan: int = 7, sub: int = 6, tahun_ke: int = 0) -> list[BarisForm]:
    """A large form for the benchmark: program x kegiatan x sub-kegiatan lines with Permendagri 90
    codes, each with an indicator, quarterly K and Rp, parents equal to the sum of their children
    (10 x 7 x 6 = 500 lines)."""
    hasil = []
    for p in range(1, program + 1):
        prog = BarisForm(f"1.06.{p:02d}", f"PROGRAM CONTOH {p}", "program", indikator=f"Cakupan program {p}")
        prog.satuan, prog.target, prog.k = "%", 100, [90, 95, 97, 99]
        prog.realisasi_k = 99
        hasil.append(prog)
        rp_prog = [0, 0, 0, 0]
        for k in range(1, kegiatan + 1):
            keg = BarisForm(f"1.06.{p:02d}.2.{k:02d}", f"Kegiatan contoh {p}.{k}", "kegiatan")
            hasil.append(keg)
            rp_keg = [0, 0, 0, 0]
            for s in range(1, sub + 1):
                rp = [1_000_000 * (q + 1) + 1000 * s + tahun_ke for q in range(4)]
                b = BarisForm(f"1.06.{p:02d}.2.{k:02d}.{s:02d}", f"Sub kegiatan contoh {p}.{k}.{s}", "subkegiatan")
                b.indikator, b.satuan, b.target = f"Jumlah layanan {p}.{k}.{s}", "Orang", 40
                b.k, b.pagu, b.rp = [8, 10, 10, 12], sum(rp), rp
                b.keterangan = "sesuai"
                hasil.append(b)
                rp_keg = [a + c for a, c in zip(rp_keg, rp)]
            keg.pagu, keg.rp = sum(rp_keg), rp_keg
            rp_prog = [a + c for a, c in zip(rp_prog, rp_keg)]
        prog.pagu, prog.rp = sum(rp_prog), rp_prog
    return hasil
