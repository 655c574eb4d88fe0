"""Year-end projection of one quarterly series, with a plain range and the method's name.

A series is the per-quarter values of one indicator or one budget line in one year (not
cumulative), known up to quarter `q`. Sums (budget realisasi, counted outputs) are projected
from the cumulative value so far divided by the share of the year that earlier years had
reached by the same quarter (their seasonal pattern: budget realisation is back-loaded), or by
q/4 when there is no earlier year with four quarters. Levels (percentages, indices) carry their
last value (scaled by earlier years' climb to their year end, when known), or the mean for
indicators averaged over the year. The range says how far the
projection could plausibly be off: the earliest and latest pattern of the earlier years, or,
without them, the rest of the year at this year's slowest and fastest quarter.
"""

from __future__ import annotations

from dataclasses import dataclass

from sakip_calc.domain.rumus import ada

LINIER = "laju rata-rata (linier)"
AKHIR = "nilai triwulan terakhir"
RATA = "rata-rata triwulan"
NYATA = "realisasi setahun"


@dataclass(frozen=True)
class Proyeksi:
    nilai: float | None
    bawah: float | None
    atas: float | None
    metode: str
    pola: tuple[float, float, float, float] = (0.25, 0.5, 0.75, 1.0)  # cumulative share by quarter


def pola_musiman(riwayat: dict[int, list]) -> dict[int, tuple[float, ...]]:
    """Cumulative share of the year reached by each quarter, per earlier year with four quarters."""
    hasil = {}
    for tahun, nilai in sorted(riwayat.items()):
        if len(nilai) != 4 or not all(ada(v) for v in nilai):
            continue
        total = sum(nilai)
        if total > 0:
            kum, bagian = 0.0, []
            for v in nilai:
                kum += v
                bagian.append(kum / total)
            hasil[tahun] = tuple(bagian)
    return hasil


def proyeksi_jumlah(per_tw: list, q: int, riwayat: dict[int, list] | None = None) -> Proyeksi:
    """A summed series: cumulative so far over the share of the year usually reached by `q`."""
    nilai = [float(v) if ada(v) else 0.0 for v in per_tw[:q]]
    kum = sum(nilai)
    if q >= 4:
        return Proyeksi(kum, kum, kum, NYATA)
    pola = pola_musiman(riwayat or {})
    pola = {t: p for t, p in pola.items() if p[q - 1] > 0}
    if pola:
        rata = tuple(sum(p[i] for p in pola.values()) / len(pola) for i in range(4))
        nama = f"pola musiman {', '.join(str(t) for t in pola)}"
        if len(pola) >= 2:
            bagian = [p[q - 1] for p in pola.values()]
            return Proyeksi(kum / rata[q - 1], kum / max(bagian), kum / min(bagian), nama, rata)
        bawah, atas = _laju(nilai, q, kum)
        return Proyeksi(kum / rata[q - 1], min(bawah, kum / rata[q - 1]), max(atas, kum / rata[q - 1]), nama, rata)
    bawah, atas = _laju(nilai, q, kum)
    return Proyeksi(kum * 4 / q, bawah, atas, LINIER)


def _laju(nilai: list[float], q: int, kum: float) -> tuple[float, float]:
    """The rest of the year at this year's slowest and at its fastest quarter so far."""
    return kum + (4 - q) * min(nilai), kum + (4 - q) * max(nilai)


def proyeksi_tingkat(per_tw: list, q: int, aturan: str | None, riwayat: dict[int, list] | None = None) -> Proyeksi:
    """A level (percentage, index): the last quarter's value, scaled by how far earlier years'
    level at this quarter stood from their year-end level when they are known; or the mean for
    averaged indicators."""
    isi = [float(v) for v in per_tw[:q] if ada(v)]
    if not isi:
        return Proyeksi(None, None, None, AKHIR)
    if aturan == "rata":
        return Proyeksi(sum(isi) / len(isi), min(isi), max(isi), RATA)
    if q >= 4:
        return Proyeksi(isi[-1], isi[-1], isi[-1], NYATA)
    rasio = {
        t: v[q - 1] / v[3]
        for t, v in sorted((riwayat or {}).items())
        if len(v) == 4 and all(ada(x) for x in v) and v[3] and v[q - 1] > 0
    }
    if rasio:
        nilai = isi[-1] / (sum(rasio.values()) / len(rasio))
        ujung = [isi[-1] / r for r in rasio.values()] if len(rasio) >= 2 else [min(isi), max(isi)]
        nama = f"pola musiman {', '.join(str(t) for t in rasio)}"
        return Proyeksi(nilai, min(*ujung, nilai), max(*ujung, nilai), nama)
    return Proyeksi(isi[-1], min(isi), max(isi), AKHIR)


def proyeksi(per_tw: list, q: int, aturan: str | None, riwayat: dict[int, list] | None = None) -> Proyeksi:
    """By the indicator's own roll-up rule (indikator.agregasi_triwulan; budgets are 'jumlah')."""
    if aturan == "jumlah":
        return proyeksi_jumlah(per_tw, q, riwayat)
    return proyeksi_tingkat(per_tw, q, aturan, riwayat)


def kerucut(per_tw: list, q: int, p: Proyeksi, kumulatif: bool) -> list[dict]:
    """Per quarter 1-4: the realised value up to `q` (cumulative for sums), and from `q` on the
    projection and its range opening towards quarter IV along the pattern used."""
    baris, kum = [], 0.0
    for k in range(1, 5):
        v = per_tw[k - 1] if k <= len(per_tw) else None
        kum += float(v) if kumulatif and ada(v) else 0.0
        nyata = (kum if kumulatif else (float(v) if ada(v) else None)) if k <= q else None
        baris.append({"triwulan": k, "realisasi": nyata, "proyeksi": None, "bawah": None, "atas": None})
    awal = baris[q - 1]["realisasi"] if q >= 1 else None
    if awal is None or p.nilai is None:
        return baris
    s_q = p.pola[q - 1] if kumulatif else 0.0
    for k in range(q, 5):
        t = 1.0 if q == 4 else ((p.pola[k - 1] - s_q) / (1 - s_q) if kumulatif and s_q < 1 else (k - q) / (4 - q))
        for kolom, ujung in (("proyeksi", p.nilai), ("bawah", p.bawah), ("atas", p.atas)):
            baris[k - 1][kolom] = awal + (ujung - awal) * t
    return baris
