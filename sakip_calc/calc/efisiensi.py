"""Budget efficiency methods: one registry entry per method, read by every place that offers or
computes an efisiensi (page selector, deck, per-program and per-sasaran tables, the agency
summary, the consistency checks, the comparison's label).

Owns the formulas and their wording. Must not read the store or draw anything; the callers in
`calc.anggaran` apply a method to the budget tables.

Adding a method: one `daftar(MetodeEfisiensi(...))` call below and a test with a report's numbers
(tests/test_efisiensi.py); it then appears in `METODE_EFISIENSI`, hence in the page selector.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import pandas as pd

from sakip_calc.calc.skor import _ada
from sakip_calc.domain.angka import format_angka

# the reading of a program whose capaian is not its own (no program indicator): its efficiency
# would only repeat the agency's mean score against its own spending
TIDAK_DAPAT_DINILAI = "tidak dapat dinilai"


@dataclass(frozen=True)
class MetodeEfisiensi:
    """One way of turning capaian and serapan (or pagu and realisasi) into an efisiensi.

    `hitung(capaian, serapan, pagu, realisasi)` gives the value of one program row, or None when
    an input it needs is missing. A group of programs (a sasaran) is rated by `gabung(programs)`
    when the method needs each program's own figures; without `gabung`, by `hitung` on the
    group's row (mean capaian, serapan of the summed pagu and realisasi).
    """

    kode: str
    label: str  # the neutral name: what it computes (the selector's option)
    rumus: str  # the short formula, for check messages and the comparison's column
    satuan: str  # "poin" for a difference of two percentages
    hitung: Callable[[float | None, float | None, float | None, float | None], float | None]
    # how one value reads: (threshold, word at or above it, word below it)
    baca: tuple[float, str, str] = (0, "efisien", "tidak efisien")
    dipakai: str | None = None  # the report that uses this form, shown as a note, never as the name
    pakai_capaian: bool = True  # False: the value does not depend on results (a program without
    # an indicator of its own can still be rated)
    gabung: Callable[[pd.DataFrame], float | None] | None = None
    # the same formula over columns capaian, serapan, pagu, realisasi, for queries that rate
    # many agencies at once (store.banding); tests/test_efisiensi.py holds it equal to `hitung`
    sql: str | None = None
    cek_laporan: bool = False  # a form the reports print: a stated efisiensi is checked against it

    @property
    def keterangan(self) -> str:
        """The name with its formula and, as a note, the report that uses it."""
        teks = f"{self.label} ({self.rumus}, satuan {self.satuan})"
        return teks + (f"; dipakai di {self.dipakai}" if self.dipakai else "")

    def status(self, nilai: float | None) -> str | None:
        """The word for one value by this method's own reading (None: no value)."""
        if not _ada(nilai):
            return None
        ambang, di_atas, di_bawah = self.baca
        return di_atas if nilai >= ambang else di_bawah

    def teks(self, nilai: float | None, desimal: int = 2) -> str:
        """'0,47 poin', '1,02 kali', '2,36 %'."""
        return "–" if not _ada(nilai) else f"{format_angka(nilai, desimal)} {self.satuan}"


METODE: dict[str, MetodeEfisiensi] = {}
METODE_BAKU = "selisih"  # the form of Temanggung's Table 3.10, used where no method is chosen


def daftar(metode: MetodeEfisiensi) -> MetodeEfisiensi:
    METODE[metode.kode] = metode
    return metode


def metode(kode: str) -> MetodeEfisiensi:
    try:
        return METODE[kode]
    except KeyError:
        raise ValueError(f"metode efisiensi tidak dikenal: {kode}") from None


class _Label(Mapping):
    """code -> label, read live from the registry: an entry registered later shows up too."""

    def __getitem__(self, kode: str) -> str:
        return METODE[kode].label

    def __iter__(self) -> Iterator[str]:
        return iter(METODE)

    def __len__(self) -> int:
        return len(METODE)

    def __repr__(self) -> str:
        return repr(dict(self))


METODE_EFISIENSI: Mapping[str, str] = _Label()


def tertimbang(pagu, capaian, realisasi) -> float | None:
    """E = sum(pagu_i x capaian_i - realisasi_i) / sum(pagu_i x capaian_i) x 100, capaian as a fraction."""
    df = pd.DataFrame({"pagu": pagu, "capaian": capaian, "realisasi": realisasi}).dropna()
    if df.empty:
        return None
    keluaran = (df["pagu"] * df["capaian"] / 100).sum()
    return None if keluaran == 0 else float((keluaran - df["realisasi"].sum()) / keluaran * 100)


def _selisih(c, s, p, r) -> float | None:
    return c - s if _ada(c) and _ada(s) else None


def _sisa(c, s, p, r) -> float | None:
    return 100 - s if _ada(s) else None


def _rasio(c, s, p, r) -> float | None:
    return c / s if _ada(c) and _ada(s) and s != 0 else None


# Registry order is the selector's order and the order the checks try the reported forms in.
daftar(
    MetodeEfisiensi(
        kode="selisih",
        label="Selisih capaian kinerja dan serapan anggaran",
        rumus="capaian − serapan",
        satuan="poin",
        hitung=_selisih,
        dipakai="LKjIP Temanggung 2023, Tabel 3.10",
        sql="capaian - serapan",
        cek_laporan=True,
    )
)
daftar(
    MetodeEfisiensi(
        kode="sisa",
        label="Sisa anggaran (bagian pagu yang tidak terserap)",
        rumus="100 − serapan",
        satuan="poin",
        hitung=_sisa,
        # the report calls what is left "efisiensi dana": it says nothing about results
        baca=(0, "ada sisa anggaran", "melebihi pagu"),
        dipakai="LKjIP Tegal 2018",
        pakai_capaian=False,
        sql="100 - serapan",
        cek_laporan=True,
    )
)
daftar(
    MetodeEfisiensi(
        kode="rasio",
        label="Rasio capaian kinerja terhadap serapan anggaran",
        rumus="capaian ÷ serapan",
        satuan="kali",
        hitung=_rasio,
        baca=(1, "efisien", "tidak efisien"),
        sql="capaian / NULLIF(serapan, 0)",
    )
)
daftar(
    MetodeEfisiensi(
        kode="tertimbang",
        label="Efisiensi tertimbang pagu (nilai keluaran − realisasi)",
        rumus="Σ(pagu × capaian − realisasi) ÷ Σ(pagu × capaian) × 100",
        satuan="%",
        hitung=lambda c, s, p, r: tertimbang([p], [c], [r]),
        dipakai="laporan kinerja pemerintah pusat",
        gabung=lambda g: tertimbang(g["pagu"], g["capaian"], g["realisasi"]),
        sql="(pagu * capaian / 100 - realisasi) / NULLIF(pagu * capaian / 100, 0) * 100",
    )
)


def nilai(kode: str, capaian=None, serapan=None, pagu=None, realisasi=None) -> float | None:
    """One row's efisiensi by method `kode`."""
    return metode(kode).hitung(capaian, serapan, pagu, realisasi)


def dari_laporan(capaian=None, serapan=None) -> tuple[float, MetodeEfisiensi] | None:
    """The value a report's stated efisiensi is checked against: the first reported form
    (`cek_laporan`) that the figures stated beside it allow, with that form."""
    for m in METODE.values():
        if m.cek_laporan:
            hasil = m.hitung(capaian, serapan, None, None)
            if hasil is not None:
                return hasil, m
    return None
