"""Tren Antar Tahun: chosen indicators' scores over the years, year-on-year change, Renstra
progress, and one of them in detail. Defaults: the first four IKU, lines, the first chosen one."""

from __future__ import annotations

import pandas as pd

from sakip_calc.calc import skor
from sakip_calc.presentation import grafik, narasi
from sakip_calc.presentation.bagian import capaian
from sakip_calc.presentation.tampilan import F_ANGKA2, F_BILANGAN, F_TAHUN, Bagan, Tabel, Tampilan

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI = {"tr_indikator": "indikator", "tr_bentuk": "bentuk", "tr_satu": "rinci"}
BENTUK = ("garis", "batang")
JUMLAH_BAWAAN = 4


def _nama_indikator(v: Tampilan) -> dict[str, str]:
    df = capaian.semua(v)
    return dict(zip(df["kode"], df["nama"]))


def nama_indikator(v: Tampilan) -> dict[str, str]:
    # the options and the default are computed once per view (a rerun asks for them often);
    # the user's choice itself is read live by `indikator`
    return v.sekali(_nama_indikator)


def _indikator_bawaan(v: Tampilan) -> list[str]:
    df = capaian.semua(v)
    return df[df["tingkat"].isin(skor.TINGKAT_IKU)]["kode"].drop_duplicates().tolist()[:JUMLAH_BAWAAN]


def indikator_bawaan(v: Tampilan) -> list[str]:
    return v.sekali(_indikator_bawaan)


def indikator(v: Tampilan) -> list[str]:
    return v.pilih_banyak("tr_indikator", list(nama_indikator(v)), indikator_bawaan(v))


def bentuk(v: Tampilan) -> str:
    return v.pilih("tr_bentuk", BENTUK, BENTUK[0])


def satu(v: Tampilan) -> str | None:
    pilih = indikator(v)
    return v.pilih("tr_satu", pilih, pilih[0] if pilih else None)


def _terpilih(v: Tampilan) -> pd.DataFrame:
    df = capaian.semua(v)
    return df[df["kode"].isin(indikator(v))]


def grafik_capaian(v: Tampilan) -> Bagan | None:
    if capaian.semua(v).empty or not indikator(v):
        return None
    terpilih = _terpilih(v)
    tren = [narasi.kalimat_tren(g, g["nama"].iloc[0]) for _, g in terpilih.groupby("kode", sort=False)]
    # lines on top of each other are said first: a reader sees fewer lines than were chosen
    berimpit = narasi.kalimat_berimpit(grafik.garis_berimpit(terpilih)) if bentuk(v) == "garis" else ""
    return Bagan(
        "tr_capaian",
        grafik.tren_capaian(terpilih, f"Skor capaian {capaian.rentang(v)} (%)", v.sumber("tabel capaian"), bentuk(v)),
        " ".join([berimpit, *tren]).strip(),
    )


def tabel_perubahan(v: Tampilan) -> Tabel | None:
    """The chosen indicators this year against the comparison year (None without one)."""
    t, b = v.tahun, v.tahun_banding
    if b is None:
        return None
    ubah = skor.perubahan_tahunan(_terpilih(v), t, b)
    df = pd.DataFrame(
        {
            "Kode": ubah["kode"],
            f"Realisasi {b}": ubah["realisasi_banding"],
            f"Realisasi {t}": ubah["realisasi"],
            "Selisih": ubah["selisih_realisasi"],
            "Perubahan (%)": ubah["persen_perubahan_realisasi"],
            f"Skor {b} (%)": ubah["skor_banding"],
            f"Skor {t} (%)": ubah["skor"],
            "Selisih skor (poin)": ubah["selisih_skor"],
        }
    )
    # realisasi in the indicator's unit: counts whole; percentages and score points with two decimals
    bilangan = [c for c in df.columns if c.startswith("Realisasi") or c == "Selisih"]
    return Tabel(df, {c: F_BILANGAN if c in bilangan else F_ANGKA2 for c in df.columns[1:]})


def tabel_kemajuan(v: Tampilan) -> Tabel:
    maju = skor.kemajuan_renstra(_terpilih(v))
    return Tabel(
        pd.DataFrame(
            {
                "Kode": maju["kode"],
                "Tahun terakhir": maju["tahun_terakhir"],
                "Kondisi awal": maju["kondisi_awal"],
                "Target akhir": maju["target_akhir"],
                "Realisasi terakhir": maju["realisasi"],
                "Capaian thd target akhir (%)": maju["capaian_target_akhir"],
                "Status": maju["status_renstra"],
            }
        ),
        {
            "Tahun terakhir": F_TAHUN,
            "Kondisi awal": F_BILANGAN,
            "Target akhir": F_BILANGAN,
            "Realisasi terakhir": F_BILANGAN,
            "Capaian thd target akhir (%)": F_ANGKA2,
        },
    )


def grafik_satu(v: Tampilan) -> Bagan | None:
    kode = satu(v) if not capaian.semua(v).empty else None
    if kode is None:
        return None
    return capaian.bagan_indikator(
        v, kode, f"{{kode}}: target dan realisasi {capaian.rentang(v)} ({{satuan}})", "tr_satu_grafik"
    )


GRAFIK = (grafik_capaian, grafik_satu)
