"""Sebaran Wilayah, DTSEN part: the desil distribution per kecamatan and per desa of the chosen
kecamatan, and the coverage of PKH, BPNT/Sembako and PBI against desil 1-4 families. Shown when the
shown year has DTSEN rows (the latest update period of that year, `sebaran.periode_terakhir`)."""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc import sebaran
from sakip_calc.domain.angka import format_persen
from sakip_calc.presentation import grafik
from sakip_calc.presentation.bagian import wilayah
from sakip_calc.presentation.tampilan import Bagan, Tampilan

CAKUPAN = tuple(k for k in sebaran.RASIO if k.startswith("cakupan_"))


def _isi(v: Tampilan, kecamatan: str | None) -> pd.DataFrame:
    df = wilayah.semua(v)
    isi = df[(df["tahun"] == wilayah.tahun(v)) & df["jenis"].isin(sebaran.DESIL_SEMUA) & df["kecamatan"].notna()]
    return isi[isi["kecamatan"] == kecamatan] if kecamatan else isi


def ada(v: Tampilan) -> bool:
    """Whether the shown year has DTSEN rows (the page offers its charts then)."""
    return not _isi(v, None).empty


def dibuka(v: Tampilan) -> bool:
    """Whether the user opened the DTSEN part (closed by default: its charts cost 25-50 ms each)."""
    return v.pilih("wl_dtsen", (False, True), False)


def _bagan_desil(v: Tampilan, kecamatan: str | None) -> Bagan | None:
    isi = _isi(v, kecamatan)
    isi = isi[isi["desa"].notna()] if kecamatan else isi[isi["desa"].isna()]
    if isi.empty:
        return None
    tempat = "desa" if kecamatan else "kecamatan"
    lebar = isi.pivot_table(index=tempat, columns="jenis", values="nilai", aggfunc="sum")
    lebar = lebar.reindex(columns=[j for j in sebaran.DESIL_SEMUA if j in lebar.columns])
    lebar.columns = [wilayah.label(v).get(j, j).removeprefix("DTSEN ") for j in lebar.columns]
    periode = ", ".join(sorted(isi["periode"].dropna().unique())) or str(wilayah.tahun(v))
    di = f"per desa, Kec. {kecamatan}" if kecamatan else "per kecamatan"
    d14 = lebar.iloc[:, :4].sum().sum() / lebar.sum().sum() * 100
    return Bagan(
        "wl_desil_desa" if kecamatan else "wl_desil",
        grafik.desil_wilayah(lebar, f"Keluarga DTSEN menurut desil {di}, periode {periode}", v.sumber("DTSEN")),
        f"{format_persen(d14, 1)} keluarga DTSEN {('Kec. ' + kecamatan) if kecamatan else 'kabupaten'} ada di desil "
        "1-4. Batang diurutkan menurut pangsa desil 1-4.",
    )


def grafik_desil(v: Tampilan) -> Bagan | None:
    """Desil distribution per kecamatan (stacked shares, counts in the hover)."""
    return _bagan_desil(v, None)


def grafik_desil_desa(v: Tampilan) -> Bagan | None:
    """Desil distribution per desa of the kecamatan chosen for the desa detail."""
    kec = wilayah.kecamatan_desa(v)
    return _bagan_desil(v, kec) if kec else None


def grafik_cakupan(v: Tampilan) -> Bagan | None:
    """PKH, BPNT/Sembako and PBI recipients per 100 desil 1-4 families, per kecamatan, where both exist."""
    rasio = wilayah.rasio_kecamatan(v)  # the map layers computed it already
    ada = [k for k in CAKUPAN if k in rasio]
    if not ada:
        return None
    lebar = rasio[rasio["wilayah"] != "JUMLAH"].set_index("wilayah")[ada]
    lebar.columns = [sebaran.RASIO[k].label.removesuffix(" thd desil 1-4") for k in ada]
    definisi = "<br>".join(sebaran.RASIO[k].catatan for k in ada[:1]) + (
        "<br>Sama untuk " + ", ".join(c.removeprefix("Cakupan ") for c in lebar.columns[1:]) if len(ada) > 1 else ""
    )
    jumlah = rasio.set_index("wilayah").loc["JUMLAH", ada]
    kalimat = (
        "Kabupaten: "
        + "; ".join(f"{c} {jumlah[k]:.1f}".replace(".", ",") for c, k in zip(lebar.columns, ada))
        + " per 100 keluarga desil 1-4."
    )
    return Bagan(
        "wl_cakupan",
        grafik.cakupan_wilayah(
            lebar,
            f"Cakupan bansos terhadap keluarga desil 1-4 per kecamatan, {wilayah.tahun(v)}",
            v.sumber("tabel wilayah dan DTSEN"),
            "per 100 keluarga desil 1-4",
            definisi,
        ),
        kalimat,
        # a native PowerPoint chart has no room for the definition: the slide notes carry it
        kalimat + " " + " ".join(sebaran.RASIO[k].catatan for k in ada),
    )


GRAFIK = (grafik_desil, grafik_cakupan, grafik_desil_desa)
