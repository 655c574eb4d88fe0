"""The Evaluasi Renja form, once read (renja.py), as rows of the template's Indikator, Capaian and
Anggaran sheets: from here on the import is the workbook's own (typing, checks, preview, undo)."""

from __future__ import annotations

import re

from sakip_calc.domain.angka import baca_angka
from sakip_calc.domain.spesifikasi import LEMBAR_BERNAMA, PERSEN
from sakip_calc.ingest.baca import BacaanBerkas, LembarMentah, Masalah

_SATUAN_AKHIR = ("%", "persen", "indeks", "nilai", "skor", "predikat")


def agregasi(satuan: str | None) -> str:
    """Percentages and indices carry their level each quarter; counts add up."""
    return "akhir" if satuan and satuan.strip().lower() in _SATUAN_AKHIR else "jumlah"


def kode_instansi(kabupaten: str) -> str:
    return "dinsos-" + re.sub(r"[^a-z0-9]+", "-", kabupaten.lower()).strip("-")


def isi_lembar(form, nama_file: str, hasil: BacaanBerkas) -> None:
    instansi, tahun = kode_instansi(form.kabupaten), form.tahun
    sumber = f"Evaluasi Renja {tahun}: {nama_file}"
    ind_baris, cap_baris, ang_baris = [], [], []
    program = {k: e for k, e in form.entitas.items() if e.tingkat == "program"}
    for e in form.entitas.values():
        ang_baris.append(
            (e.nomor, dict(instansi=instansi, tahun=tahun, kode=e.kode, tingkat=e.tingkat, nama=e.nama,
                           induk_kode=e.induk, pagu=e.pagu, realisasi=e.realisasi, sumber=sumber,
                           **{f"realisasi_tw{q + 1}": e.rp[q] for q in range(4)}))
        )  # fmt: skip
        prog = next((p for k, p in program.items() if e.kode == k or e.kode.startswith(k + ".")), e)
        for n, ind in enumerate(e.indikator):
            kode = f"RJ-{e.kode}-{n + 1}"
            ind_baris.append(
                (ind.nomor, dict(instansi=instansi, kode=kode, nama=ind.nama, tingkat=e.tingkat, sasaran=prog.nama,
                                 program_kode=e.kode, satuan=ind.satuan, polaritas="naik",
                                 agregasi_triwulan=agregasi(ind.satuan)))
            )  # fmt: skip
            umum = dict(instansi=instansi, indikator_kode=kode, tahun=tahun, sumber=sumber)
            cap_baris.append(
                (ind.nomor, umum | dict(target=ind.target, realisasi=ind.realisasi, catatan=ind.keterangan))
            )
            for q in range(4):
                if ind.k[q] is not None or ind.persen[q] is not None:
                    cap_baris.append(
                        (ind.nomor, umum | dict(triwulan=q + 1, realisasi=ind.k[q], capaian_dilaporkan=ind.persen[q]))
                    )
    for nama, baris in (("Anggaran", ang_baris), ("Indikator", ind_baris), ("Capaian", cap_baris)):
        if baris:
            lembar = LEMBAR_BERNAMA[nama]
            hasil.lembar[nama] = LembarMentah(lembar, {k: i for i, k in enumerate(lembar.nama_kolom)}, baris)
    hasil.masalah.append(
        Masalah(
            "",
            None,
            None,
            f"form Evaluasi Renja {tahun} dibaca untuk instansi '{instansi}': {len(ang_baris)} baris "
            f"anggaran, {len(ind_baris)} indikator, {len(cap_baris)} baris capaian",
            "catatan",
        )
    )


def angka(v) -> float | None:
    """A cell as a number for the form's own checks (typing and its messages happen later)."""
    return baca_angka(v, PERSEN).nilai if v is not None else None
