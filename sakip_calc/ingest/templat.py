"""The workbook template: every sheet of the format, a note on every column, dropdowns."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from sakip_calc.domain.spesifikasi import JENIS_WILAYAH, LEMBAR

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_WAJIB_FILL = PatternFill("solid", fgColor="C00000")
_BARIS_DROPDOWN = 5000


def buat_templat() -> Workbook:
    """A fresh template workbook (unsaved)."""
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = "Petunjuk"
    _isi_petunjuk(petunjuk)
    for lembar in LEMBAR:
        ws = wb.create_sheet(lembar.nama)
        for i, kolom in enumerate(lembar.kolom, start=1):
            sel = ws.cell(row=1, column=i, value=kolom.nama)
            sel.font = Font(bold=True, color="FFFFFF")
            sel.fill = _WAJIB_FILL if kolom.wajib else _HEADER_FILL
            sel.alignment = Alignment(vertical="center")
            teks = kolom.catatan + (" (wajib diisi)" if kolom.wajib else "")
            sel.comment = Comment(teks, "SAKIP Dashboard", width=320, height=110)
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(45, len(kolom.nama) + 6))
            if kolom.pilihan:
                huruf = get_column_letter(i)
                dv = DataValidation(
                    type="list",
                    formula1=_rumus_pilihan(kolom.pilihan),
                    allow_blank=not kolom.wajib,
                    showErrorMessage=True,
                    errorTitle="Nilai tidak dikenal",
                    error=f"Pilih salah satu nilai {kolom.nama} dari daftar.",
                )
                dv.add(f"{huruf}2:{huruf}{_BARIS_DROPDOWN}")
                ws.add_data_validation(dv)
        ws.freeze_panes = "A2"
    return wb


def _rumus_pilihan(pilihan: tuple[str, ...]) -> str:
    teks = ",".join(pilihan)
    if len(teks) <= 250:
        return f'"{teks}"'
    # Excel caps inline lists at 255 characters; long lists point at the Petunjuk sheet.
    return f"Petunjuk!$A$3:$A${2 + len(pilihan)}"


def _isi_petunjuk(ws) -> None:
    ws["A1"] = "Kode jenis wilayah (kolom 'jenis' di lembar Wilayah)"
    ws["A1"].font = Font(bold=True)
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "kode", "nama", "kelompok", "satuan"
    for r, (kode, nama, kelompok, satuan) in enumerate(JENIS_WILAYAH, start=3):
        ws.cell(row=r, column=1, value=kode)
        ws.cell(row=r, column=2, value=nama)
        ws.cell(row=r, column=3, value=kelompok)
        ws.cell(row=r, column=4, value=satuan)
    baris = 4 + len(JENIS_WILAYAH)
    ws.cell(row=baris, column=1, value="Lembar").font = Font(bold=True)
    ws.cell(row=baris, column=2, value="Isi").font = Font(bold=True)
    for i, lembar in enumerate(LEMBAR, start=baris + 1):
        ws.cell(row=i, column=1, value=lembar.nama)
        ws.cell(row=i, column=2, value=lembar.catatan + " Kunci: " + ", ".join(lembar.kunci) + ".")
    ws.cell(
        row=baris + len(LEMBAR) + 2,
        column=1,
        value="Angka boleh ditulis 1.234.567,89 atau 1,234,567.89; 'Rp', '%' dan ',-' diabaikan; "
        "'-', 'n.a', 'na' dan sel kosong berarti tidak ada data. Kolom merah wajib diisi.",
    )
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 60


def simpan_templat(tujuan: str | Path) -> Path:
    """Write the template workbook to `tujuan` (the `template` command)."""
    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    buat_templat().save(tujuan)
    return tujuan
