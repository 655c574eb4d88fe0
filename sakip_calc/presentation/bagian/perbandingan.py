"""Perbandingan Antar Daerah: every agency of the year ranked, the selected one highlighted, and
the province roll-up. Defaults: all provinces, the indicator `analisis.indikator_awal` picks, the
first ranking measure. Not in the deck."""

from __future__ import annotations

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.calc import anggaran as agg
from sakip_calc.domain.angka import format_angka
from sakip_calc.domain.skala import NAMA_SKALA
from sakip_calc.presentation import grafik, narasi
from sakip_calc.presentation.tampilan import F_ANGKA, F_ANGKA2, F_RUPIAH, Bagan, Kartu, Kosong, Tabel, Tampilan

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI = {"pb_provinsi": "provinsi", "pb_indikator": "indikator", "pb_urut": "urut"}
SUMBER = "basis data SAKIP Dashboard, semua instansi"
EFISIENSI = f"Efisiensi ({analisis.SATUAN_BANDING['efisiensi']})"  # its unit is the default method's
KOLOM_UKURAN = {"capaian": "Capaian rata-rata (%)", "predikat": "Predikat", "skor_indikator": "Indikator terpilih (%)",
                "serapan": "Serapan (%)", "efisiensi": EFISIENSI, "pagu": "Pagu"}  # fmt: skip
FORMAT_UKURAN = {"Capaian rata-rata (%)": F_ANGKA2, "Indikator terpilih (%)": F_ANGKA2, "Serapan (%)": F_ANGKA2,
                 EFISIENSI: F_ANGKA2, "Pagu": F_RUPIAH}  # fmt: skip
CATATAN_PERINGKAT = (
    "Capaian rata-rata: skor indikator sasaran (IKU), atau indikator program bila tidak ada; skor dibatasi menurut "
    "pilihan 'Skor capaian' di panel samping. Serapan: realisasi ÷ pagu seluruh program. "
    f"Efisiensi: {agg.METODE_EFISIENSI[agg.METODE_BAKU]}."
)


def provinsi_sendiri(v: Tampilan) -> str:
    df = v.baca(store.instansi)
    return df.loc[df["id"] == v.instansi_id, "provinsi"].iloc[0]


def keterangan(v: Tampilan) -> str:
    return (
        f"Semua instansi di basis data, tahun {v.tahun} · predikat menurut satu skala untuk semua "
        f"({NAMA_SKALA.get(v.skala, v.skala)}) · {v.nama} disorot"
    )


def opsi_provinsi(v: Tampilan) -> list[str | None]:
    return [None, *v.baca(store.daftar_provinsi)]


def provinsi(v: Tampilan) -> str | None:
    return v.pilih("pb_provinsi", opsi_provinsi(v), None)


def daftar_indikator(v: Tampilan) -> pd.DataFrame:
    """Indicators shared by agencies of the chosen province: kunci, nama, jumlah_instansi."""
    return v.baca(analisis.indikator_bersama, v.tahun, provinsi(v), v.instansi_id)


def indikator(v: Tampilan) -> str | None:
    daftar = daftar_indikator(v)
    return v.pilih("pb_indikator", list(daftar["kunci"]), analisis.indikator_awal(daftar))


def urut(v: Tampilan) -> str:
    return v.pilih("pb_urut", list(analisis.UKURAN_BANDING), next(iter(analisis.UKURAN_BANDING)))


def _peringkat(v: Tampilan) -> pd.DataFrame:
    return analisis.peringkat(
        v.baca(analisis.banding_instansi, v.tahun, provinsi(v), v.batas, v.skala, indikator(v)), urut(v)
    )


def peringkat(v: Tampilan) -> pd.DataFrame:
    return v.sekali(_peringkat)


# a rank among one or two agencies ("1 dari 1", "median 902,00 %") says nothing
MIN_PERINGKAT = 3


def judul_tabel(v: Tampilan) -> str:
    n = len(peringkat(v))
    return f"Peringkat {n} instansi" if n >= MIN_PERINGKAT else f"{n} instansi (terlalu sedikit untuk diperingkat)"


def wilayah(v: Tampilan) -> str:
    return provinsi(v) or "di seluruh basis data"


def kosong(v: Tampilan) -> Kosong | None:
    if not peringkat(v).empty:
        return None
    prov = provinsi(v)
    return Kosong(
        f"Tidak ada instansi dengan data capaian atau anggaran tahun {v.tahun} {'di ' + prov if prov else ''}. "
        "Pilih tahun atau provinsi lain."
    )


def catatan_provinsi(v: Tampilan) -> str | None:
    prov, sendiri = provinsi(v), provinsi_sendiri(v)
    return f"{v.nama} ada di provinsi {sendiri}, tidak termasuk pilihan ini." if prov and prov != sendiri else None


def kartu(v: Tampilan) -> tuple[list[Kartu], str]:
    """The agency's rank by each measure, and the reading of the chosen measure."""
    df = peringkat(v)
    hasil = []
    for ukuran, label in analisis.UKURAN_BANDING.items():
        per = analisis.peringkat(df, ukuran)
        baris = per[per["instansi_id"] == v.instansi_id]
        ada = len(baris) and pd.notna(baris[ukuran].iloc[0])
        satuan = analisis.SATUAN_BANDING[ukuran]
        if (n := int(per[ukuran].notna().sum())) < MIN_PERINGKAT:
            hasil.append(
                Kartu(
                    label,
                    f"{format_angka(baris[ukuran].iloc[0], 2)} {satuan}" if ada else "–",
                    f"hanya {n} instansi bernilai: tanpa peringkat",
                )
            )
            continue
        hasil.append(
            Kartu(
                f"Peringkat · {label}",
                f"{baris['peringkat'].iloc[0]} dari {per[ukuran].notna().sum()}" if ada else "–",
                f"{format_angka(baris[ukuran].iloc[0], 2)} {satuan}; median "
                f"{format_angka(per[ukuran].median(), 2)} {satuan}"
                if ada
                else None,
            )
        )
    u = urut(v)
    return hasil, narasi.kalimat_peringkat(
        v.nama, df, u, analisis.UKURAN_BANDING[u], analisis.SATUAN_BANDING[u], wilayah(v), MIN_PERINGKAT
    )


def grafik_peringkat(v: Tampilan) -> Bagan:
    u = urut(v)
    label, satuan = analisis.UKURAN_BANDING[u], analisis.SATUAN_BANDING[u]
    return Bagan(
        "pb_peringkat",
        grafik.peringkat_instansi(
            peringkat(v),
            u,
            f"{label} ({satuan})",
            v.kode,
            f"{label} per instansi, {v.tahun} ({satuan})",
            SUMBER,
            garis=None if u == "efisiensi" else 100,
        ),
    )


def _ukuran(df: pd.DataFrame) -> dict[str, pd.Series]:
    """The measure columns both tables show, agency or province alike, in their order."""
    return {label: df[kolom] for kolom, label in KOLOM_UKURAN.items()}


def tabel_peringkat(v: Tampilan) -> Tabel:
    df = peringkat(v)
    tabel = pd.DataFrame(
        {
            "Peringkat": df["peringkat"],
            "Instansi": df["nama"],
            "Provinsi": df["provinsi"],
            **_ukuran(df),
            "Realisasi": df["realisasi"],
            "Indikator di bawah target": df["di_bawah_target"],
            "_warna": [grafik.WARNA["aksen"] if i == v.instansi_id else None for i in df["instansi_id"]],
        }
    )
    format = {"Peringkat": F_ANGKA, **FORMAT_UKURAN, "Realisasi": F_RUPIAH, "Indikator di bawah target": F_ANGKA}
    if len(tabel) < MIN_PERINGKAT:
        tabel = tabel.drop(columns=["Peringkat"])
    return Tabel(tabel, format, "Instansi", {"height": 420, "key": "pb_tabel"})


def grafik_sebaran(v: Tampilan) -> Bagan:
    df = peringkat(v)
    return Bagan(
        "pb_sebaran",
        grafik.sebaran_capaian_serapan(df, v.kode, f"Capaian vs serapan per instansi, {v.tahun} (%)", SUMBER),
        narasi.kalimat_peringkat(
            v.nama,
            analisis.peringkat(df, "efisiensi"),
            "efisiensi",
            analisis.UKURAN_BANDING["efisiensi"],
            analisis.SATUAN_BANDING["efisiensi"],
            wilayah(v),
        ),
    )


def _provinsi(v: Tampilan) -> pd.DataFrame:
    return v.baca(analisis.banding_provinsi, v.tahun, v.batas, v.skala, indikator(v))


def tabel_provinsi(v: Tampilan) -> Tabel:
    prov = _provinsi(v)
    tabel = pd.DataFrame(
        {"Provinsi": prov["provinsi"], "Instansi": prov["jumlah_instansi"], **_ukuran(prov), "_warna": prov["warna"]}
    )
    return Tabel(tabel, {"Instansi": F_ANGKA, **FORMAT_UKURAN}, "Predikat", {"height": 420, "key": "pb_provinsi_tabel"})


def grafik_provinsi(v: Tampilan) -> Bagan:
    return Bagan(
        "pb_provinsi_grafik",
        grafik.batang_provinsi(
            _provinsi(v), provinsi_sendiri(v), f"Capaian dan serapan rata-rata per provinsi, {v.tahun} (%)", SUMBER
        ),
    )


GRAFIK = (grafik_peringkat, grafik_sebaran, grafik_provinsi)
