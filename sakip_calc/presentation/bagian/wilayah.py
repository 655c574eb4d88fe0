"""Sebaran Wilayah: kabupaten figures, one jenis per kecamatan, kecamatan x jenis, derived ratios
and one kecamatan's desa. Defaults: the agency year (or the nearest with data), the first jenis,
that jenis's group, the first kecamatan with desa rows and its first jenis."""

from __future__ import annotations

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import peta, sebaran
from sakip_calc.domain.angka import format_angka
from sakip_calc.presentation import grafik, narasi
from sakip_calc.presentation.tampilan import F_ANGKA, F_ANGKA2, Bagan, Kartu, Kosong, Tabel, Tampilan
from sakip_calc.store import batas, rujukan_wilayah

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI = {
    "wl_tahun": "tahun_wilayah",
    "wl_jenis": "jenis",
    "wl_kelompok": "kelompok",
    "wl_kec": "kecamatan",
    "wl_desa_jenis": "jenis_desa",
    "wl_peta": "peta",
    "wl_dtsen": "dtsen",
}
# the year of regional data follows the sidebar year: a new sidebar year starts it afresh
KUNCI_TAHUN = ("wl_tahun",)


# the ratios' labels come from their registry (calc.sebaran.RASIO): a new ratio shows up here by itself
def _semua(v: Tampilan) -> pd.DataFrame:
    return sebaran.periode_terakhir(v.baca(store.wilayah, v.instansi_id))


def semua(v: Tampilan) -> pd.DataFrame:
    """The agency's regional rows, each year in its latest update period (`sebaran.periode_terakhir`)."""
    return v.sekali(_semua)


def _opsi_tahun(v: Tampilan) -> list[int]:
    return [int(t) for t in sorted(semua(v)["tahun"].unique())]


def opsi_tahun(v: Tampilan) -> list[int]:
    return v.sekali(_opsi_tahun)


def _tahun_bawaan(v: Tampilan) -> int | None:
    return sebaran.tahun_wilayah(semua(v), v.tahun)


def tahun(v: Tampilan) -> int | None:
    # the options and the default are computed once per view; the choice itself is read live
    return v.pilih("wl_tahun", opsi_tahun(v), v.sekali(_tahun_bawaan))


def _jenis_kecamatan(v: Tampilan) -> pd.DataFrame:
    df = semua(v)
    data = df[df["tahun"] == tahun(v)]
    return data[data["kecamatan"].notna()].drop_duplicates("jenis")


def jenis_kecamatan(v: Tampilan) -> pd.DataFrame:
    """One row per jenis reported per kecamatan in the shown year: jenis, nama_jenis, satuan, kelompok."""
    return v.sekali(_jenis_kecamatan)


def label(v: Tampilan) -> dict[str, str]:
    j = jenis_kecamatan(v)
    return dict(zip(j["jenis"], j["nama_jenis"]))


def satuan(v: Tampilan) -> dict[str, str]:
    j = jenis_kecamatan(v)
    return dict(zip(j["jenis"], j["satuan"]))


def kelompok(v: Tampilan) -> dict[str, str]:
    j = jenis_kecamatan(v)
    return dict(zip(j["jenis"], j["kelompok"]))


def keterangan(v: Tampilan) -> str | None:
    df = semua(v)
    j = jenis_kecamatan(v)
    if j.empty:
        return None
    jumlah_kec = df.loc[df["tahun"] == tahun(v), "kecamatan"].nunique()
    return f"{v.nama} · {jumlah_kec} kecamatan · {len(j)} jenis data per kecamatan"


def tabel_kabupaten(v: Tampilan) -> Tabel | None:
    kab = sebaran.tingkat_kabupaten(semua(v), tahun(v))
    if kab.empty:
        return None
    return Tabel(
        kab.rename(columns={"jenis": "Kode", "nama_jenis": "Jenis", "nilai": "Jumlah", "satuan": "Satuan"}),
        {"Jumlah": F_ANGKA},
    )


def jenis(v: Tampilan) -> str | None:
    opsi = list(label(v))
    return v.pilih("wl_jenis", opsi, opsi[0] if opsi else None)


def _per_kecamatan(v: Tampilan) -> pd.DataFrame:
    return sebaran.sebaran(semua(v), tahun(v), jenis(v))


def grafik_kecamatan(v: Tampilan) -> Bagan | None:
    j = jenis(v)
    if j is None:
        return None
    per = v.sekali(_per_kecamatan)
    lb, st = label(v)[j], satuan(v)[j]
    return Bagan(
        "wl_batang",
        grafik.batang_wilayah(per, f"{lb} per kecamatan, {tahun(v)} ({st})", v.sumber("tabel wilayah"), st),
        narasi.kalimat_wilayah(per, lb, st),
    )


def kecamatan(v: Tampilan) -> tuple[Kartu, Tabel]:
    """The chosen jenis: its kabupaten/kota total and its table per kecamatan."""
    j = jenis(v)
    per = v.sekali(_per_kecamatan)
    return (
        Kartu(f"Jumlah {label(v)[j]} {v.kata('kabkota')}", format_angka(per["nilai"].sum()), satuan(v)[j]),
        Tabel(
            per.rename(columns={"nama": "Kecamatan", "nilai": "Jumlah", "persen": "Pangsa (%)"}),
            {"Jumlah": F_ANGKA, "Pangsa (%)": F_ANGKA2},
            opsi={"height": 460},
        ),
    )


def opsi_kelompok(v: Tampilan) -> list[str]:
    return sorted(set(kelompok(v).values()))


def pilihan_kelompok(v: Tampilan) -> str | None:
    j = jenis(v)
    return v.pilih("wl_kelompok", opsi_kelompok(v), kelompok(v)[j] if j else None)


def grafik_matriks(v: Tampilan) -> Bagan | None:
    grup = pilihan_kelompok(v)
    if grup is None:
        return None
    lb = label(v)
    mat = sebaran.matriks(semua(v), tahun(v), [j for j, k in kelompok(v).items() if k == grup])
    mat.columns = [lb.get(c, c) for c in mat.columns]
    j = jenis(v)
    # no reading under the heatmap on the page; its slide carries the per-kecamatan reading
    return Bagan(
        "wl_heatmap",
        grafik.heatmap_wilayah(
            mat,
            f"{grup} per kecamatan, {tahun(v)} (warna: % dari {v.kata('kabkota')})",
            v.sumber("tabel wilayah"),
            v.kata("kabkota"),
        ),
        catatan=narasi.kalimat_wilayah(v.sekali(_per_kecamatan), lb[j], satuan(v)[j]),
    )


def tabel_rasio(v: Tampilan) -> Tabel | Kosong:
    rasio = rasio_kecamatan(v)
    if rasio.empty:
        perlu = sorted({j for r in sebaran.RASIO.values() for j in (*r.pembilang, *r.penyebut)})
        return Kosong(
            f"Rasio turunan ({'; '.join(r.label for r in sebaran.RASIO.values())}) memerlukan jenis "
            f"{', '.join(perlu)} pada tahun yang sama ({tahun(v)})."
        )
    return _tabel_rasio(rasio, "Kecamatan", opsi={"height": 460})


def _tabel_rasio(rasio: pd.DataFrame, wilayah: str, **kw) -> Tabel:
    label = {r.kode: r.label for r in sebaran.RASIO.values()}
    return Tabel(rasio.rename(columns={"wilayah": wilayah, **label}), {k: F_ANGKA2 for k in label.values()}, **kw)


def catatan_rasio() -> str:
    """The notes of the registered ratios, for the caption under their table."""
    return " ".join(r.catatan for r in sebaran.RASIO.values() if r.catatan)


def _desa(v: Tampilan) -> pd.DataFrame:
    df = semua(v)
    return df[df["desa"].notna() & (df["tahun"] == tahun(v))]


def opsi_kecamatan_desa(v: Tampilan) -> list[str]:
    return sorted(v.sekali(_desa)["kecamatan"].unique())


def kecamatan_desa(v: Tampilan) -> str | None:
    opsi = opsi_kecamatan_desa(v)
    return v.pilih("wl_kec", opsi, opsi[0] if opsi else None)


def opsi_jenis_desa(v: Tampilan) -> list[str]:
    desa = v.sekali(_desa)
    return sorted(desa.loc[desa["kecamatan"] == kecamatan_desa(v), "jenis"].unique())


def jenis_desa(v: Tampilan) -> str | None:
    opsi = opsi_jenis_desa(v)
    return v.pilih("wl_desa_jenis", opsi, opsi[0] if opsi else None)


def grafik_desa(v: Tampilan) -> Bagan | None:
    kec, jd = kecamatan_desa(v), jenis_desa(v)
    if kec is None or jd is None or jenis(v) is None:
        return None
    per_desa = sebaran.sebaran(semua(v), tahun(v), jd, kec)
    lb, st = label(v).get(jd, jd), satuan(v).get(jd, "")
    return Bagan(
        "wl_desa",
        grafik.batang_wilayah(
            per_desa,
            f"{lb} per {v.kata('desa')}, Kec. {kec}, {tahun(v)} ({st})",
            v.sumber(f"tabel wilayah {v.kata('desa')}"),
            st,
        ),
        narasi.kalimat_wilayah(per_desa, lb, st, v.kata("desa").capitalize()),
    )


def tabel_rasio_desa(v: Tampilan) -> Tabel | None:
    r_desa = sebaran.rasio(semua(v), tahun(v), kecamatan_desa(v))
    if r_desa.empty:
        return None
    return _tabel_rasio(r_desa, v.kata("desa").capitalize())


# ---- the map ---------------------------------------------------------------------------------

# map layers besides the chosen jenis itself: its change since the previous year, and each ratio
JENIS, PERUBAHAN = "jenis", "perubahan"


def kode_kabkota(v: Tampilan) -> str | None:
    """The Kemendagri code of the agency's kabupaten/kota, None when its name does not decide it."""
    return rujukan_wilayah.kabkota_instansi(v.nama, v.kabupaten)


def _batas(v: Tampilan, tingkat: str) -> pd.DataFrame:
    """The polygons of one level: shipped, or the agency's own imported GeoJSON where it has one."""
    kode = kode_kabkota(v)
    semua_batas = v.baca(batas.batas, kode, v.instansi_id) if kode else pd.DataFrame(columns=[*batas.KOLOM, "asal"])
    return semua_batas[semua_batas["tingkat"] == tingkat].reset_index(drop=True)


def _sumber_batas(v: Tampilan, poligon: pd.DataFrame) -> str:
    sendiri = poligon["asal"].eq("instansi")
    if sendiri.all():
        return "; batas: unggahan instansi (GeoJSON)"
    return "; batas: Kemendagri" + (" dan unggahan instansi" if sendiri.any() else "")


def _sebelumnya(v: Tampilan) -> tuple[str, pd.DataFrame] | None:
    j = jenis(v)
    return sebaran.sebelumnya(v.baca(store.wilayah, v.instansi_id), tahun(v), j) if j else None


def sebelumnya(v: Tampilan) -> tuple[str, pd.DataFrame] | None:
    """The chosen jenis per kecamatan in the period before the shown one (for the change layer)."""
    return v.sekali(_sebelumnya)


def _rasio_kecamatan(v: Tampilan) -> pd.DataFrame:
    return sebaran.rasio(semua(v), tahun(v))


def rasio_kecamatan(v: Tampilan) -> pd.DataFrame:
    """The derived ratios per kecamatan of the shown year, computed once per view."""
    return v.sekali(_rasio_kecamatan)


def _opsi_peta(v: Tampilan) -> dict[str, str]:
    j = jenis(v)
    if j is None:
        return {}
    opsi = {JENIS: f"{label(v)[j]} ({satuan(v)[j]})"}
    if (lalu := sebelumnya(v)) is not None:
        opsi[PERUBAHAN] = f"Perubahan {label(v)[j]} sejak {lalu[0]} ({satuan(v)[j]})"
    rasio = v.sekali(_rasio_kecamatan)
    # "Desil 1-4 (% keluarga DTSEN)" already says its unit
    return opsi | {
        r.kode: r.label if f"({r.satuan}" in r.label else f"{r.label} ({r.satuan})"
        for r in sebaran.RASIO.values()
        if r.kode in rasio
    }


def opsi_peta(v: Tampilan) -> dict[str, str]:
    """Map layers, code -> label: the chosen jenis, its change since the previous year that has it,
    and every derived ratio with data this year."""
    return v.sekali(_opsi_peta)


def lapisan_peta(v: Tampilan) -> str | None:
    opsi = list(opsi_peta(v))
    return v.pilih("wl_peta", opsi, opsi[0] if opsi else None)


def _nilai_lapisan(v: Tampilan, kode: str) -> tuple[pd.DataFrame, str, str, int]:
    """The layer's values per kecamatan (nama, nilai), its colour scale kind, unit and decimals."""
    j = jenis(v)
    if kode in sebaran.RASIO:
        r = sebaran.RASIO[kode]
        tabel = v.sekali(_rasio_kecamatan)
        tabel = tabel[tabel["wilayah"] != "JUMLAH"]
        return pd.DataFrame({"nama": tabel["wilayah"], "nilai": tabel[kode]}), "rasio", r.satuan, 2
    if kode == PERUBAHAN:
        kini = v.sekali(_per_kecamatan).set_index("nama")["nilai"]
        lalu = sebelumnya(v)[1].groupby("nama")["nilai"].sum()
        beda = kini.sub(lalu)  # a kecamatan missing in one of the years has no change, not 0
        return beda.rename("nilai").rename_axis("nama").reset_index(), "perubahan", satuan(v)[j], 0
    return v.sekali(_per_kecamatan)[["nama", "nilai"]], "jumlah", satuan(v)[j], 0


def grafik_peta(v: Tampilan) -> Bagan | Kosong | None:
    """The chosen layer on the kecamatan map of the agency's kabupaten/kota."""
    kode = lapisan_peta(v)
    if kode is None:
        return None
    kec = v.sekali(_batas, "kecamatan")
    if kec.empty:
        return Kosong(
            f"Batas kecamatan untuk {v.nama} tidak ditemukan: nama instansi tidak menunjuk satu kabupaten/kota."
        )
    nilai, skala, st, desimal = _nilai_lapisan(v, kode)
    lapis, tak = peta.lapisan(nilai, kec, bagi_total=skala == "jumlah")
    nama = sebaran.RASIO[kode].label if kode in sebaran.RASIO else opsi_peta(v)[kode].rsplit(" (", 1)[0]
    ada = lapis[lapis["nilai"].notna()]
    kalimat = None
    if not ada.empty:
        puncak = ada.sort_values("nilai", ascending=False).iloc[0]
        kalimat = (
            f"{nama}: tertinggi di Kecamatan {puncak['nama']} ({format_angka(puncak['nilai'], desimal)} {st}); "
            f"{len(ada)} dari {len(lapis)} kecamatan berdata."
        )
    return Bagan(
        "wl_peta_grafik",
        grafik.peta_wilayah(
            lapis,
            kec,
            f"Peta {nama} per kecamatan, {tahun(v)}",
            v.sumber("tabel wilayah") + _sumber_batas(v, kec),
            st,
            skala,
            tak,
            desimal,
        ),
        kalimat,
    )


def grafik_peta_desa(v: Tampilan) -> Bagan | None:
    """The chosen jenis per desa on the agency's own desa polygons (an imported GeoJSON), where the
    agency has both; None otherwise (the shipped boundaries stop at kecamatan)."""
    j, poligon = jenis(v), v.sekali(_batas, "desa")
    desa = v.sekali(_desa)
    desa = desa[desa["jenis"] == j]
    if j is None or poligon.empty or desa.empty:
        return None
    nilai = pd.DataFrame({"nama": desa["desa"], "kode": desa["desa_kode"], "nilai": desa["nilai"]})
    lapis, tak = peta.lapisan(nilai, poligon)
    kata, lb, st = v.kata("desa"), label(v)[j], satuan(v)[j]
    ada = lapis[lapis["nilai"].notna()]
    return Bagan(
        "wl_peta_desa",
        grafik.peta_wilayah(
            lapis,
            poligon,
            f"Peta {lb} per {kata}, {tahun(v)}",
            v.sumber(f"tabel wilayah {kata}") + _sumber_batas(v, poligon),
            st,
            # a GeoJSON of a few desa beside data of every desa: a count, not hundreds of names
            tak_terpetakan=tak if len(tak) <= 12 else [*tak[:5], f"… ({len(tak)} {kata})"],
            sebab_tak=f"{kata} tanpa batas di GeoJSON unggahan",
        ),
        f"{lb}: {len(ada)} dari {len(lapis)} {kata} yang batasnya diunggah berdata"
        + (f"; {len(tak)} {kata} berdata tanpa batas." if tak else "."),
    )


GRAFIK = (grafik_kecamatan, grafik_peta, grafik_peta_desa, grafik_matriks, grafik_desa)
