"""Excel tables as the app shows them: bold header, Indonesian number formats, column widths,
frozen header, colours, and text that a spreadsheet would run as a formula kept as text.

Owns openpyxl; must not compute figures (it writes the frame it is given).
"""

from __future__ import annotations

import io
import math
import re
from datetime import datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from sakip_calc.domain.angka import format_angka
from sakip_calc.export.office import ID, warna_rgb

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def aman_excel(sel, nilai) -> None:
    """Write `nilai` into an openpyxl cell. Text a spreadsheet would run as a formula (=, +, -, @)
    is stored as a plain string with Excel's quote prefix, so it shows and stays as typed."""
    if hasattr(nilai, "item"):  # numpy scalars
        nilai = nilai.item()
    if nilai is None or (isinstance(nilai, float) and not math.isfinite(nilai)) or nilai is pd.NA or nilai is pd.NaT:
        sel.value = None
        return
    if isinstance(nilai, pd.Timestamp):
        nilai = nilai.to_pydatetime()
    if isinstance(nilai, datetime) and nilai.tzinfo is not None:
        nilai = nilai.replace(tzinfo=None)  # openpyxl cannot store time zones
    if isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS):
        sel.value = nilai
        sel.data_type = "s"
        sel.quotePrefix = True
        return
    sel.value = nilai


FORMAT_EXCEL_BAWAAN = {"float": ID + "#,##0.00", "int": ID + "#,##0"}


def tabel_excel(
    df: pd.DataFrame,
    format_kolom: dict[str, str] | None = None,
    judul_lembar: str = "Data",
    warna_kolom: str | None = None,
) -> bytes:
    """An .xlsx of a table as the app shows it: bold header, number formats, widths, frozen header.

    `format_kolom` maps a column to an Excel number format; other numeric columns get
    #,##0 / #,##0.00 (shown 1.234,56 in Indonesian Excel). A `_warna` column, if any, colours
    `warna_kolom` the way the app does and is not written.
    """
    format_kolom = format_kolom or {}
    warna = df["_warna"].tolist() if "_warna" in df.columns else None
    df = df.drop(columns=["_warna"], errors="ignore")
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", " ", judul_lembar)[:31] or "Data"
    tepi = Border(bottom=Side(style="thin", color="808080"))
    for j, kolom in enumerate(df.columns, start=1):
        sel = ws.cell(row=1, column=j)
        aman_excel(sel, str(kolom))
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="1F4E79")
        sel.alignment = Alignment(vertical="center", wrap_text=True)
        sel.border = tepi
    for j, kolom in enumerate(df.columns, start=1):
        seri = df[kolom]
        fmt = format_kolom.get(kolom)
        if fmt is None and pd.api.types.is_numeric_dtype(seri) and not pd.api.types.is_bool_dtype(seri):
            bulat = pd.api.types.is_integer_dtype(seri) or bool(seri.dropna().map(float.is_integer).all())
            fmt = FORMAT_EXCEL_BAWAAN["int" if bulat else "float"]
        for i, v in enumerate(seri.tolist(), start=2):
            sel = ws.cell(row=i, column=j)
            aman_excel(sel, v)
            if fmt and isinstance(sel.value, (int, float)) and not isinstance(sel.value, bool):
                sel.number_format = fmt
            elif isinstance(sel.value, datetime):
                sel.number_format = "dd/mm/yyyy hh:mm"
            if warna and kolom == warna_kolom and isinstance(warna[i - 2], str) and warna_rgb(warna[i - 2]):
                sel.fill = PatternFill("solid", fgColor=str(warna_rgb(warna[i - 2])))
        panjang = [len(str(kolom))] + [len(_tampil(v, fmt)) for v in seri.head(500).tolist()]
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(8, max(panjang) + 2))
    ws.freeze_panes = "A2"
    if len(df.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _tampil(v, fmt: str | None) -> str:
    """Roughly what the cell shows, to size its column."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return format_angka(v, 2 if fmt and ".00" in fmt else 0) + (" " * 4 if fmt and '"' in fmt else "")
    return str(v)
