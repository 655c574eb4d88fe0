"""The view a page (or a slide) is drawn for, how sections read data, and what a section returns.

A section is a pure function `Tampilan -> Bagan | Tabel | ... | None` in one of the page
modules of `sakip_calc.presentation.bagian`; the page and the deck call the same function with
the same view, so they cannot disagree. This module must not import Streamlit and must not
read the database itself: reads go through `Tampilan.baca`, which the caller supplies (a
connection memo here, the Streamlit data cache in `dasbor`).
"""

from __future__ import annotations

import html
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import partial
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.domain.angka import format_angka, format_bilangan, format_persen
from sakip_calc.export import ekspor


def nama_baca(fungsi: Callable) -> str:
    """A read's stable name, the part of a cache key that says which function it is."""
    return f"{fungsi.__module__}.{fungsi.__qualname__}"


class Pembaca:
    """Calls read functions `f(con, *args)` through `ambil`, each (function, args) once per reader."""

    def __init__(self, ambil: Callable[[Callable, tuple], Any]):
        self._ambil = ambil
        self._memo: dict[tuple, Any] = {}

    def __call__(self, fungsi: Callable, *args) -> Any:
        kunci = (nama_baca(fungsi), args)
        if kunci not in self._memo:
            self._memo[kunci] = self._ambil(fungsi, args)
        return self._memo[kunci]


def pembaca_koneksi(con) -> Pembaca:
    """Outside Streamlit (deck in tests, bench, command line): straight from a connection."""
    return Pembaca(lambda fungsi, args: fungsi(con, *args))


@dataclass(frozen=True)
class Lingkup:
    """One agency-year as the sidebar sets it: agency, year, comparison year, predikat scale, cap."""

    instansi_id: int
    kode: str
    nama: str
    kabupaten: str
    tahun: int
    tahun_banding: int | None
    skala: str
    batas: float | None | str  # a number, None (no cap) or analisis.BATAS_INSTANSI

    def lingkup(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(Lingkup)}


@dataclass(frozen=True, eq=False)
class Tampilan(Lingkup):
    """The sidebar's agency-year plus the user's choices on the pages (by the keys the page
    registry lists). `pilihan` may lack a key: sections then use their default."""

    pilihan: Mapping[str, Any]
    baca: Pembaca
    _hitungan: dict = field(default_factory=dict, repr=False)

    def sumber(self, tabel: str) -> str:
        """The source line of a chart or table from this agency's own data, in its own name."""
        return f"{self.nama}, {tabel}"

    def kata(self, tingkat: str) -> str:
        """How this agency's places are called, from its official kabupaten/kota code: 'kabkota'
        is 'kabupaten' or 'kota', 'desa' is 'desa' or 'kelurahan' (a kota has kelurahan)."""
        kota = self.baca(store.jenis_kabkota, self.instansi_id) == "kota"
        return {"kabkota": "kota" if kota else "kabupaten", "desa": "kelurahan" if kota else "desa"}[tingkat]

    def sekali(self, fungsi: Callable[..., Any], *args) -> Any:
        """`fungsi(self, *args)` computed once per view: several sections share one intermediate."""
        kunci = (fungsi, args)
        if kunci not in self._hitungan:
            self._hitungan[kunci] = fungsi(self, *args)
        return self._hitungan[kunci]

    def pilih(self, kunci: str, opsi: Sequence, bawaan: Any) -> Any:
        """The user's choice under `kunci` while it is one of `opsi`, else the section's default."""
        nilai = self.pilihan.get(kunci)
        return nilai if nilai is not None and nilai in list(opsi) else bawaan

    def pilih_banyak(self, kunci: str, opsi: Sequence, bawaan: Sequence) -> list:
        """A multiple choice: the chosen values that are options (an empty choice stays empty);
        the default when nothing was chosen yet or none of the chosen values is an option here."""
        nilai = self.pilihan.get(kunci)
        if nilai is None:
            return list(bawaan)
        sah = [x for x in nilai if x in list(opsi)]
        return sah if sah or not list(nilai) else list(bawaan)


def tampilan_koneksi(
    con,
    instansi_id: int,
    tahun: int,
    tahun_banding: int | None = None,
    batas=analisis.BATAS_INSTANSI,
    skala: str | None = None,
    pilihan: Mapping[str, Any] | None = None,
) -> Tampilan:
    """A view read straight from a connection; the scale defaults to the agency's own."""
    info = analisis.info_instansi(con, instansi_id)
    return Tampilan(
        instansi_id,
        info["kode"],
        info["nama"],
        info["kabupaten"],
        tahun,
        tahun_banding,
        skala or info["skala_predikat"],
        batas,
        pilihan=dict(pilihan or {}),
        baca=pembaca_koneksi(con),
    )


# ---- what a section returns ----------------------------------------------------------------


@dataclass
class Bagan:
    """A chart: the figure (it carries its title and source line), the reading under it on the
    page, and the slide notes when they differ from that reading. `kunci` is the page's widget key."""

    kunci: str
    fig: go.Figure
    kalimat: str | None = None
    catatan: str | None = None

    @property
    def judul(self) -> str:
        return ekspor.judul_grafik(self.fig)

    @property
    def catatan_dek(self) -> str | None:
        return self.catatan or self.kalimat


@dataclass
class Tabel:
    """A table: values stay numeric; `format` maps a column to its display function (F_* below)."""

    df: pd.DataFrame
    format: dict
    warna_kolom: str | None = None
    opsi: dict = field(default_factory=dict)  # passed on to st.dataframe (height, key, ...)

    def angka(self) -> Tabel:
        """The same table with its formatted columns as numbers (a format is a number's display)."""
        df = self.df.assign(**{k: pd.to_numeric(self.df[k], errors="coerce") for k in self.format if k in self.df})
        return Tabel(df, self.format, self.warna_kolom, self.opsi)

    def tetap(self) -> list:
        """The columns the section pins (`column_config`), in its order."""
        konfigurasi = self.opsi.get("column_config", {})
        return [k for k, c in konfigurasi.items() if isinstance(c, dict) and c.get("pinned") and k in self.df]

    def html(self) -> str:
        """As HTML (`tabel_html`): the pinned columns come first."""
        t = self.angka()
        tetap = t.tetap()
        df = t.df[tetap + [k for k in t.df.columns if k not in tetap]]
        return tabel_html(df, t.format, t.warna_kolom, t.opsi.get("height"))

    def gaya(self):
        """For Streamlit's grid: a Styler with every cell as `sel` shows it (the HTML table's
        display), `warna_kolom` coloured by `_warna`. The `_` columns leave the frame: Streamlit
        sends what a Styler only hides."""
        t = self.angka()
        warna = t.df["_warna"].tolist() if "_warna" in t.df.columns else None
        df = t.df[[k for k in t.df.columns if not str(k).startswith("_")]]
        gaya = df.style.format({k: partial(sel, format=t.format.get(k)) for k in df.columns})
        if t.warna_kolom in df.columns and warna is not None:
            gaya = gaya.apply(lambda _: [gaya_warna(w) for w in warna], subset=[t.warna_kolom])
        return gaya


@dataclass
class Kartu:
    """A headline number with a small note under it."""

    label: str
    nilai: str
    catatan: str | None = None
    bantuan: str | None = None


@dataclass
class Kosong:
    """Nothing to show, and the sentence that says why."""

    pesan: str


# display formats of table columns (dasbor maps each to its Excel number format)
F_PERSEN = lambda x: format_persen(x, 2)  # noqa: E731
F_ANGKA2 = lambda x: format_angka(x, 2)  # noqa: E731
F_ANGKA = lambda x: format_angka(x, 0)  # noqa: E731
# target and realisasi: counts whole (21 orang), measured values and percentages with two decimals
F_BILANGAN = lambda x: format_bilangan(x, 2)  # noqa: E731
F_TAHUN = lambda t: str(int(t))  # noqa: E731
F_RUPIAH = lambda x: "Rp " + format_angka(x, 0)  # noqa: E731


def kosong(x) -> bool:
    """A missing cell (None, NaN, NA); text never is."""
    return x is None or (not isinstance(x, str) and bool(pd.isna(x)))


def gaya_warna(w) -> str:
    """The style of a cell coloured by its row's `_warna` (none when it has no colour)."""
    return f"background-color:{w};color:#111" if isinstance(w, str) else ""


def sel(x, format: Callable | None = None) -> str:
    """A cell as the page shows it: its column's format, "–" when missing, whole numbers without
    decimals and others with two where the column has no format."""
    if kosong(x):
        return "–"
    if format is not None:
        return format(x)
    if isinstance(x, numbers.Number) and not isinstance(x, bool):
        return format_bilangan(x, 2)
    return str(x)


def tabel_html(df: pd.DataFrame, format: dict, warna_kolom: str | None = None, tinggi: int | None = None) -> str:
    """A table as HTML (`sakip-tabel`, styled by the page): each cell as `sel` shows it, numbers
    right-aligned and carrying their value (`data-v`) for whoever reads the page, `warna_kolom`
    coloured by `_warna`; columns named `_...` are the section's internals and are left out.
    `tinggi` (px): taller tables scroll under a fixed header."""
    warna = df["_warna"].tolist() if "_warna" in df.columns else [None] * len(df)
    kolom = [k for k in df.columns if not str(k).startswith("_")]
    angka = {k: pd.api.types.is_numeric_dtype(df[k]) and not pd.api.types.is_bool_dtype(df[k]) for k in kolom}
    e = html.escape
    # a column of long text gets room to read instead of a word per line; short text (codes such
    # as SS-23) stays on one line
    lebar = {k: 0 if angka[k] or df.empty else df[k].astype(str).str.len().max() for k in kolom}
    kelas = {k: " class=panjang" if lebar[k] > 40 else " class=singkat" if lebar[k] <= 20 else "" for k in kolom}
    kelas.update({k: " class=angka" for k in kolom if angka[k]})
    kepala = "".join(f"<th{kelas[k]}>{e(str(k))}</th>" for k in kolom)
    baris = []
    for i, nilai in enumerate(df[kolom].itertuples(index=False, name=None)):
        isi = []
        for k, x in zip(kolom, nilai):
            if kosong(x):
                atribut = ' class="angka kosong"' if angka[k] else " class=kosong"
            else:
                atribut = f' class=angka data-v="{e(repr(float(x)))}"' if angka[k] else kelas[k]
            if k == warna_kolom and gaya_warna(warna[i]):
                atribut += f' style="{e(gaya_warna(warna[i]))}"'
            isi.append(f"<td{atribut}>{e(sel(x, format.get(k)))}</td>")
        baris.append(f"<tr>{''.join(isi)}</tr>")
    gaya = f' style="max-height:{int(tinggi)}px"' if tinggi else ""
    return (
        f'<div class="sakip-tabel"{gaya}><table><thead><tr>{kepala}</tr></thead>'
        f"<tbody>{''.join(baris)}</tbody></table></div>"
    )


def tahun_teks(t) -> str:
    return "–" if pd.isna(t) else str(int(t))
