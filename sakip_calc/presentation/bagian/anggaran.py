"""Anggaran & Efisiensi: budget cards, pagu/realisasi/serapan per program, the program tree, the
efficiency table per program and per sasaran, quadrant, quarterly curve and spending mix.
Default efficiency method: the first one `anggaran.METODE_EFISIENSI` lists."""

from __future__ import annotations

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import analisis
from sakip_calc.calc import anggaran as agg
from sakip_calc.calc import efisiensi as ef
from sakip_calc.domain.angka import format_persen, format_rupiah, format_rupiah_singkat
from sakip_calc.presentation import grafik, narasi
from sakip_calc.presentation.tampilan import F_ANGKA2, F_RUPIAH, Bagan, Kartu, Tabel, Tampilan

# the page's choices: session key -> its name in the link (halaman.TAUTAN)
KUNCI = {"ag_metode": "metode"}
KOLOM_RINCI = {
    "kode": "Kode",
    "kode_laporan": "No. laporan",
    "nama": "Nama",
    "pagu": "Pagu",
    "realisasi": "Realisasi",
    "serapan": "Serapan (%)",
    "serapan_dilaporkan": "Serapan dilaporkan (%)",
    "fisik_persen": "Fisik (%)",
    "pagu_anak": "Jumlah pagu rincian",
    "realisasi_anak": "Jumlah realisasi rincian",
}
FORMAT_RINCI = {
    "Pagu": F_RUPIAH,
    "Realisasi": F_RUPIAH,
    "Serapan (%)": F_ANGKA2,
    "Serapan dilaporkan (%)": F_ANGKA2,
    "Fisik (%)": F_ANGKA2,
    "Jumlah pagu rincian": F_RUPIAH,
    "Jumlah realisasi rincian": F_RUPIAH,
}
FORMAT_EFISIENSI = {
    "Pagu": F_RUPIAH,
    "Realisasi": F_RUPIAH,
    "Serapan (%)": F_ANGKA2,
    "Capaian (%)": F_ANGKA2,
    "Efisiensi": F_ANGKA2,
}


def data(v: Tampilan) -> pd.DataFrame:
    """Program, kegiatan and sub-kegiatan rows of the year (empty: no budget data)."""
    return v.baca(analisis.anggaran_tahun, v.instansi_id, v.tahun)


def opsi_metode() -> list[str]:
    return list(agg.METODE_EFISIENSI)


def metode(v: Tampilan) -> str:
    return v.pilih("ag_metode", opsi_metode(), agg.METODE_BAKU)


def program(v: Tampilan) -> pd.DataFrame:
    """Efficiency per program by the chosen method."""
    return v.baca(analisis.efisiensi_program, v.instansi_id, v.tahun, metode(v), v.batas)


def _total(v: Tampilan) -> dict:
    return agg.total_instansi(data(v))


def keterangan(v: Tampilan) -> str:
    return f"{v.nama} · efisiensi: {ef.metode(metode(v)).keterangan}"


def _kalimat_efisiensi(v: Tampilan) -> str:
    return narasi.kalimat_efisiensi(program(v), ef.metode(metode(v)))


def kartu(v: Tampilan) -> tuple[list[Kartu], str]:
    """Pagu, realisasi, serapan and what is left, and the budget reading."""
    total = v.sekali(_total)
    sisa = total["pagu"] - total["realisasi"] if total["serapan"] is not None else None
    return [
        Kartu(
            "Pagu",
            format_rupiah_singkat(total["pagu"]),
            f"{format_rupiah(total['pagu'])} · {total['jumlah_program']} program",
        ),
        Kartu("Realisasi", format_rupiah_singkat(total["realisasi"]), format_rupiah(total["realisasi"])),
        Kartu("Serapan", format_persen(total["serapan"]), "realisasi ÷ pagu"),
        Kartu("Sisa anggaran", format_rupiah_singkat(sisa), format_rupiah(sisa)),
    ], narasi.kalimat_anggaran(total, v.tahun)


def _baris_program(v: Tampilan) -> pd.DataFrame:
    df = data(v)
    return df[df["tingkat"] == "program"].assign(
        label=lambda x: [grafik.label_program(k, n) for k, n in zip(x["kode"], x["nama"])],
        pagu=lambda x: x["pagu_dipakai"],
        realisasi=lambda x: x["realisasi_dipakai"],
    )


def _kalimat_anggaran(v: Tampilan) -> str:
    return narasi.kalimat_anggaran(v.sekali(_total), v.tahun)


def grafik_pagu(v: Tampilan) -> Bagan | None:
    if data(v).empty:
        return None
    return Bagan(
        "ag_pagu",
        grafik.batang_pagu_realisasi(
            v.sekali(_baris_program), f"Pagu dan realisasi per program {v.tahun} (Rp)", v.sumber("tabel anggaran")
        ),
        catatan=_kalimat_anggaran(v),
    )


def grafik_serapan(v: Tampilan) -> Bagan | None:
    if data(v).empty:
        return None
    baris = v.sekali(_baris_program)
    return Bagan(
        "ag_serapan",
        grafik.batang_serapan(baris, f"Serapan per program {v.tahun} (%)", v.sumber("tabel anggaran")),
        catatan=_kalimat_efisiensi(v),
    )


def daftar_program(v: Tampilan) -> list[tuple[str, str]]:
    """(kode, expander title) of each program, for its table of kegiatan and sub-kegiatan."""
    df = data(v)
    return [
        (p.kode, f"{p.kode} {p.nama} — pagu {F_RUPIAH(p.pagu_dipakai)}, serapan {format_persen(p.serapan)}")
        for p in df[df["tingkat"] == "program"].itertuples()
    ]


def rincian_program(v: Tampilan, kode: str) -> Tabel:
    """One program with its kegiatan and sub-kegiatan, indented by level."""
    df = data(v)
    kegiatan = df[df["induk_kode"] == kode]["kode"].tolist()
    rinci = df[(df["kode"] == kode) | df["kode"].isin(kegiatan) | df["induk_kode"].isin(kegiatan)]
    rinci = rinci.assign(
        nama=[
            ("    " if t == "kegiatan" else "        " if t == "subkegiatan" else "") + n
            for t, n in zip(rinci["tingkat"], rinci["nama"])
        ]
    )
    return Tabel(rinci[list(KOLOM_RINCI)].rename(columns=KOLOM_RINCI), FORMAT_RINCI)


def grafik_struktur(v: Tampilan) -> Bagan | None:
    if data(v).empty:
        return None
    return Bagan(
        "ag_treemap",
        grafik.treemap_anggaran(
            data(v), f"Struktur pagu {v.tahun} (luas: pagu; warna: serapan %)", v.sumber("tabel anggaran")
        ),
        catatan=_kalimat_anggaran(v),
    )


def tabel_efisiensi(v: Tampilan) -> tuple[Tabel, str, Tabel]:
    """Efficiency per program, the method and its reading, and efficiency per sasaran."""
    prog = program(v)
    per_program = Tabel(
        prog[
            [
                "kode",
                "nama",
                "pagu",
                "realisasi",
                "serapan",
                "capaian",
                "sumber_capaian",
                "efisiensi",
                "status_efisiensi",
            ]
        ].rename(
            columns={
                "kode": "Kode",
                "nama": "Program",
                "pagu": "Pagu",
                "realisasi": "Realisasi",
                "serapan": "Serapan (%)",
                "capaian": "Capaian (%)",
                "sumber_capaian": "Asal capaian",
                "efisiensi": "Efisiensi",
                "status_efisiensi": "Status",
            }
        ),
        FORMAT_EFISIENSI,
    )
    kalimat = f"Efisiensi: {ef.metode(metode(v)).keterangan}. " + _kalimat_efisiensi(v)
    sasaran = v.baca(analisis.efisiensi_sasaran, v.instansi_id, v.tahun, metode(v), v.batas)
    per_sasaran = Tabel(
        sasaran.drop(columns=["metode_efisiensi"]).rename(
            columns={
                "sasaran": "Sasaran",
                "jumlah_program": "Program",
                "pagu": "Pagu",
                "realisasi": "Realisasi",
                "serapan": "Serapan (%)",
                "capaian": "Capaian (%)",
                "efisiensi": "Efisiensi",
            }
        ),
        FORMAT_EFISIENSI,
    )
    return per_program, kalimat, per_sasaran


def grafik_kuadran(v: Tampilan) -> Bagan | None:
    if data(v).empty:
        return None
    prog = program(v)
    return Bagan(
        "ag_kuadran",
        grafik.kuadran_efisiensi(
            prog, f"Capaian vs serapan per program {v.tahun} (%)", v.sumber("tabel anggaran dan capaian")
        ),
        _kalimat_efisiensi(v),
    )


def grafik_triwulan(v: Tampilan) -> Bagan | None:
    if data(v).empty:
        return None
    kurva = agg.kurva_triwulan(v.baca(store.anggaran_triwulan, v.instansi_id, v.tahun))
    return Bagan(
        "ag_triwulan",
        grafik.kurva_triwulan(
            kurva, f"Realisasi kumulatif per triwulan {v.tahun} (Rp)", v.sumber("evaluasi RKPD triwulan")
        ),
        catatan=_kalimat_anggaran(v),
    )


def grafik_belanja(v: Tampilan) -> Bagan | None:
    bel = v.baca(store.belanja, v.instansi_id, v.tahun)
    if data(v).empty or bel.empty:
        return None
    return Bagan(
        "ag_belanja",
        grafik.donat_belanja(bel, f"Komposisi realisasi belanja {v.tahun} (Rp)", v.sumber("komposisi belanja")),
        catatan=_kalimat_anggaran(v),
    )


GRAFIK = (grafik_pagu, grafik_serapan, grafik_struktur, grafik_kuadran, grafik_triwulan, grafik_belanja)
