"""What the Office files share: the Indonesian number-format tag, the house font and colours,
and reading a plotly colour as an RGB value.

Owns no file format of its own; must not import plotly or build a document.
"""

from __future__ import annotations

import re

from pptx.dml.color import RGBColor

# [$-421] marks a number format as Indonesian: LibreOffice then prints 1.234,56 in any locale;
# Microsoft Office prints the viewer's own separators (1.234,56 with Indonesian settings).
ID = "[$-421]"

HURUF = "Arial"
BIRU = RGBColor(0x1F, 0x4E, 0x79)
ABU = RGBColor(0x59, 0x59, 0x59)
ABU_MUDA = RGBColor(0xD9, 0xD9, 0xD9)
# figures not verified yet (access.peran.draf): the mark every slide and page of a deck or document carries
TANDA_DRAF = "DRAF"
MERAH_DRAF = RGBColor(0xC0, 0x00, 0x00)


def warna_rgb(warna: str | None) -> RGBColor | None:
    if not warna:
        return None
    w = warna.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", w):
        return RGBColor.from_string(w[1:].upper())
    if re.fullmatch(r"#[0-9a-fA-F]{3}", w):
        return RGBColor.from_string("".join(c * 2 for c in w[1:]).upper())
    m = re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+).*\)", w)
    return RGBColor(*(int(x) for x in m.groups())) if m else None
