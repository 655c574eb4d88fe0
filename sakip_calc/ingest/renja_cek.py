"""The Evaluasi Renja form's own mistakes, reported as notes in the import preview.

They are the form's arithmetic, not ours: column 13 = 9+10+11+12 applied to a percentage or an
index (100 + 100 = 200 %), realisation above target with no note saying why, and parent Rp that
do not equal the sum of their children. The values are imported as written; Kualitas Data
reports the same mistakes on the stored rows (calc/periksa/renja.py).
"""

from __future__ import annotations

from sakip_calc.domain.angka import format_angka
from sakip_calc.ingest.baca import BacaanBerkas, Masalah
from sakip_calc.ingest.renja import Form
from sakip_calc.ingest.renja_isi import agregasi, angka


def periksa(form: Form, hasil: BacaanBerkas) -> None:
    for e in form.entitas.values():
        for ind in e.indikator:
            _persen_dijumlah(e.lembar, ind, hasil)
            _melebihi_target(e.lembar, ind, hasil)
    _jumlah_rincian(form, hasil)


def persen_dijumlah(satuan, per_tw: list, tahunan) -> bool:
    """The year's value of a level indicator equals the sum of two or more quarters above it."""
    tw = [v for v in per_tw if v is not None]
    if agregasi(satuan) != "akhir" or tahunan is None or len([v for v in tw if v]) < 2:
        return False
    return abs(tahunan - sum(tw)) < 1e-6 * max(1, abs(tahunan)) and tahunan > max(tw)


def _persen_dijumlah(lembar: str, ind, hasil: BacaanBerkas) -> None:
    tw, tahunan = [angka(v) for v in ind.k], angka(ind.realisasi)
    if persen_dijumlah(ind.satuan, tw, tahunan):
        hasil.masalah.append(
            Masalah(
                lembar,
                ind.nomor,
                "realisasi",
                f"'{ind.nama}' ({ind.satuan}): kolom 13 = 9+10+11+12 menjumlahkan nilai triwulan "
                f"({' + '.join(format_angka(v, 2) for v in tw if v is not None)} = {format_angka(tahunan, 2)}); "
                "untuk persentase/indeks nilai tahunan adalah nilai triwulan terakhir. Diimpor apa adanya; "
                "perbaiki di form bila salah",
                "catatan",
            )
        )


def _melebihi_target(lembar: str, ind, hasil: BacaanBerkas) -> None:
    target, tahunan = angka(ind.target), angka(ind.realisasi)
    if tahunan is None:
        tw = [angka(v) for v in ind.k if angka(v) is not None]
        tahunan = (tw[-1] if agregasi(ind.satuan) == "akhir" else sum(tw)) if tw else None
    if target and tahunan is not None and tahunan > target and not ind.keterangan:
        hasil.masalah.append(
            Masalah(
                lembar,
                ind.nomor,
                "keterangan",
                f"'{ind.nama}': realisasi {format_angka(tahunan, 2)} melebihi target {format_angka(target, 2)} "
                "tanpa keterangan; tuliskan sebabnya di kolom Keterangan",
                "catatan",
            )
        )


def _jumlah_rincian(form: Form, hasil: BacaanBerkas) -> None:
    anak: dict[str, list] = {}
    for e in form.entitas.values():
        if e.induk:
            anak.setdefault(e.induk, []).append(e)
    for kode, rincian in anak.items():
        induk = form.entitas.get(kode)
        if induk is None:
            continue
        for nama, ambil in (
            ("pagu", lambda x: x.pagu),
            ("realisasi", lambda x: x.realisasi),
            *((f"Rp triwulan {q + 1}", lambda x, q=q: x.rp[q]) for q in range(4)),
        ):
            nilai = [angka(ambil(r)) for r in rincian]
            dinyatakan = angka(ambil(induk))
            if dinyatakan is None or all(v is None for v in nilai):
                continue
            jumlah = sum(v for v in nilai if v is not None)
            if abs(dinyatakan - jumlah) > 0.5:
                selisih = format_angka(dinyatakan - jumlah)
                hasil.masalah.append(
                    Masalah(
                        induk.lembar,
                        induk.nomor,
                        nama,
                        f"{induk.kode} {nama} Rp {format_angka(dinyatakan)} tidak sama dengan jumlah "
                        f"{len(rincian)} rinciannya Rp {format_angka(jumlah)} (selisih {selisih})",
                        "catatan",
                    )
                )
