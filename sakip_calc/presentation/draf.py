"""The LKjIP Chapter III draft of one agency-year: 3.1 indicator tables per sasaran with the seven
analyses of PermenPANRB 53/2014 written from the data, 3.2 the budget table, efficiency per
sasaran and the pages' charts, then the data problems touching the draft's figures.

What the data cannot know (causes, obstacles, solutions, a national target) comes from the
agency's notes per indicator-year (`store.catatan_instansi`) or stays a marked placeholder.
The sentences are narasi's; the charts are the pages' own sections; the figures come from the
same reads as the pages. This module arranges them and must not compute a formula of its own.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import analisis, efisiensi, skor
from sakip_calc.calc import anggaran as agg
from sakip_calc.domain import rumus
from sakip_calc.domain.angka import format_angka
from sakip_calc.export import dokumen_docx as dd
from sakip_calc.export.dek_pptx import judul_grafik, sumber_grafik, tanggal_indonesia
from sakip_calc.presentation import narasi
from sakip_calc.presentation.bagian import anggaran, capaian, ringkasan, tren
from sakip_calc.presentation.tampilan import Bagan, Tampilan, tampilan_koneksi

# the seven analyses, in the order the LKE checks them (label printed before each)
ANALISIS = (
    "(1) Realisasi terhadap target {tahun}.",
    "(2) Dibandingkan tahun-tahun sebelumnya.",
    "(3) Dibandingkan target akhir Renstra.",
    "(4) Dibandingkan target nasional.",
    "(5) Penyebab keberhasilan/kegagalan dan solusi.",
    "(6) Efisiensi penggunaan sumber daya.",
    "(7) Program dan kegiatan pendukung.",
)
ISIAN = "[Diisi instansi: {apa}]"
# one definition per chart: the sections the pages draw (a few, so the draft builds in seconds)
GRAFIK_31 = (ringkasan.grafik_capaian, tren.grafik_capaian)
GRAFIK_32 = (anggaran.grafik_pagu, anggaran.grafik_kuadran)
KOLOM_NOTA = ("penyebab", "hambatan", "solusi")


class _Nomor:
    def __init__(self, awalan: str):
        self.awalan, self.n = awalan, 0

    def __call__(self) -> str:
        self.n += 1
        return f"{self.awalan} 3.{self.n}"


def kelompok_sasaran(ini: pd.DataFrame) -> list[tuple[str, str, pd.DataFrame]]:
    """(tingkat, name, rows) of each tujuan and sasaran with indicators this year, in report order;
    an agency without sasaran indicators is grouped by its program ones (skor.TINGKAT_IKU)."""
    tingkat = ["tujuan"] + [next((t for t in rumus.TINGKAT_IKU if (ini["tingkat"] == t).any()), "sasaran")]
    hasil = []
    for t in tingkat:
        isi = ini[ini["tingkat"] == t].sort_values(["urutan", "kode"], na_position="last")
        for nama, g in isi.groupby(isi["sasaran"].fillna("(tanpa sasaran)"), sort=False):
            hasil.append((t, nama, g))
    return hasil


def program_sasaran(program: pd.DataFrame, nama: str, jumlah_sasaran: int) -> tuple[pd.DataFrame, bool]:
    """The programs supporting sasaran `nama`: those whose indicators name it; when the agency has
    one sasaran only and no program names it, all its programs (True)."""
    tertaut = program[program["sasaran"] == nama]
    if tertaut.empty and jumlah_sasaran == 1:
        return program, True
    return tertaut, False


def efisiensi_satu_sasaran(program: pd.DataFrame, capaian_sasaran, metode: str) -> dict | None:
    """The efficiency of one sasaran: its programs' pagu and realisasi against the sasaran's own
    mean score (LKjIP Temanggung 2023 Tabel 3.10: 100 - 97,64 = 2,36), by calc's method."""
    if program.empty:
        return None
    return agg.efisiensi_sasaran(program.assign(sasaran="s", capaian=capaian_sasaran), metode).iloc[0].to_dict()


def _nota(catatan: pd.DataFrame, kode: str, tahun: int) -> dict:
    baris = catatan[(catatan["kode"] == kode) & (catatan["tahun"] == tahun)]
    return {} if baris.empty else {k: v for k, v in baris.iloc[0].items() if isinstance(v, str) and v.strip()}


def _tabel_sasaran(v: Tampilan, nomor: str, nama: str, g: pd.DataFrame, semua: pd.DataFrame) -> dd.TabelDok:
    sebelum = semua[semua["tahun"] == v.tahun - 1].set_index("indikator_id")["realisasi"]
    baris = []
    for i, r in enumerate(g.itertuples(), 1):
        lalu = sebelum.get(r.indikator_id)
        baris.append(
            [
                str(i),
                r.nama,
                r.satuan or "–",
                _n(lalu),
                _n(r.target),
                _n(r.realisasi),
                _n(r.capaian),
                r.predikat if isinstance(r.predikat, str) else "–",
                _n(r.target_akhir),
            ]
        )
    rata = skor.rata_rata(g)["rata_rata"].iloc[0]
    baris.append(["", "Rata-rata skor capaian", "", "", "", "", _n(rata), "", ""])
    return dd.TabelDok(
        nomor,
        f"Capaian indikator {nama} tahun {v.tahun}",
        [
            "No",
            "Indikator",
            "Satuan",
            f"Realisasi {v.tahun - 1}",
            f"Target {v.tahun}",
            f"Realisasi {v.tahun}",
            "Capaian (%)",
            "Predikat",
            "Target akhir Renstra",
        ],
        baris,
        v.sumber("tabel capaian"),
        angka=(3, 4, 5, 6, 8),
        jumlah=True,
        lebar=(0.9, 3.6, 1.5, 1.6, 1.5, 1.6, 1.6, 1.9, 1.8),
    )


def _n(x) -> str:
    return narasi.nilai(x) if rumus.ada(x) and not pd.isna(x) else "–"


def _analisis(label: str, kalimat: list[str]) -> list[dd.Paragraf]:
    """One analysis: its label with the sentence, or the label and one bullet per indicator."""
    if len(kalimat) == 1:
        return [dd.Paragraf(kalimat[0], label)]
    return [dd.Paragraf("", label)] + [dd.Paragraf(k, butir=True) for k in kalimat]


def _isian(label: str, apa: str, sebab: str) -> list[dd.Paragraf]:
    return [dd.Paragraf(sebab, label), dd.Paragraf(ISIAN.format(apa=apa), isian=True)]


def _bagian_sasaran(v: Tampilan, k: dict, nomor_tabel: _Nomor, judul: str, t: str, nama: str, g) -> list:
    semua, catatan, metode = k["semua"], k["catatan"], k["metode"]
    label = [a.format(tahun=v.tahun) for a in ANALISIS]
    rata = skor.rata_rata(g)["rata_rata"].iloc[0]
    pred = skor.predikat(rata, k["skala"])
    nomor = nomor_tabel()
    isi: list = [dd.Judul(judul, 3)]
    pembuka = (
        f"Capaian rata-rata {len(g)} indikator {t} ini {narasi.persen(rata)}"
        + (f" ({pred['label']})" if pred else "")
        + f", sebagaimana {nomor}."
        if rumus.ada(rata) and not pd.isna(rata)
        else f"Capaian {t} ini tidak dapat dihitung untuk {v.tahun} ({nomor})."
    )
    isi += [dd.Paragraf(pembuka), _tabel_sasaran(v, nomor, nama, g, semua)]
    isi += _analisis(label[0], [narasi.analisis_target(r, v.tahun) for _, r in g.iterrows()])
    riwayat = [semua[semua["indikator_id"] == r["indikator_id"]] for _, r in g.iterrows()]
    isi += _analisis(label[1], [narasi.analisis_tahun_lalu(h, v.tahun) for h in riwayat])
    renstra = [
        narasi.analisis_renstra(r, v.tahun, rumus.capaian(r["target_akhir"], r["realisasi"], r["polaritas"]))
        for _, r in g.iterrows()
    ]
    isi += _analisis(label[2], renstra)
    nota = {r["kode"]: _nota(catatan, r["kode"], v.tahun) for _, r in g.iterrows()}
    nasional = [
        f"{r['nama']}: {nota[r['kode']]['target_nasional']}"
        for _, r in g.iterrows()
        if "target_nasional" in nota[r["kode"]]
    ]
    if nasional:
        isi += _analisis(label[3], [f"Menurut penjelasan instansi, target nasional {n}." for n in nasional])
    else:
        isi += _isian(
            label[3],
            "target nasional (RPJMN/Renstra Kementerian Sosial) indikator ini bila ada, dan perbandingannya",
            f"Target nasional {narasi.TIDAK_ADA} di data.",
        )
    sebab = [
        f"{r['nama']}: " + "; ".join(f"{kol} {nota[r['kode']][kol]}" for kol in KOLOM_NOTA if kol in nota[r["kode"]])
        for _, r in g.iterrows()
        if any(kol in nota[r["kode"]] for kol in KOLOM_NOTA)
    ]
    if sebab:
        isi += _analisis(label[4], [f"Menurut penjelasan instansi, {s}." for s in sebab])
    else:
        isi += _isian(
            label[4],
            "penyebab keberhasilan/kegagalan, hambatan, dan solusi yang ditempuh",
            f"Penyebab dan solusi {narasi.TIDAK_ADA} di data; tidak ditulis dari angka.",
        )
    if t == "tujuan":
        alasan = "dinilai per sasaran strategis, tidak per tujuan; lihat sasaran di bawah."
        isi += [dd.Paragraf(f"Efisiensi {alasan}", label[5]), dd.Paragraf(f"Program pendukung {alasan}", label[6])]
        return isi
    prog, satu = program_sasaran(k["program"], nama, k["jumlah_sasaran"])
    ef = efisiensi_satu_sasaran(prog, rata, metode)
    m = efisiensi.metode(metode)
    k["efisiensi"].append((nama, ef))
    isi += [dd.Paragraf(narasi.analisis_efisiensi(ef, m.label, m.satuan), label[5])]
    isi += [dd.Paragraf(narasi.analisis_program(prog, satu), label[6])]
    if prog.empty:
        isi.append(dd.Paragraf(ISIAN.format(apa="program dan kegiatan yang mendukung sasaran ini"), isian=True))
    return isi


def _gambar(v: Tampilan, bagian, nomor: _Nomor) -> list:
    hasil = []
    for b in (f(v) for f in bagian):
        if isinstance(b, Bagan) and b.fig.data:
            sumber = sumber_grafik(b.fig)
            hasil.append(dd.GambarDok(nomor(), judul_grafik(b.fig), b.fig, sumber))
    return hasil


def _tabel_anggaran(v: Tampilan, program: pd.DataFrame, total: dict, nomor: str) -> dd.TabelDok:
    baris = [
        [str(i), p.kode, p.nama, _rp(p.pagu), _rp(p.realisasi), _n(p.serapan)]
        for i, p in enumerate(program.itertuples(), 1)
    ]
    baris.append(["", "", "Jumlah", _rp(total["pagu"]), _rp(total["realisasi"]), _n(total["serapan"])])
    return dd.TabelDok(
        nomor,
        f"Pagu dan realisasi anggaran per program tahun {v.tahun}",
        ["No", "Kode", "Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
        baris,
        v.sumber("tabel anggaran"),
        angka=(3, 4, 5),
        jumlah=True,
        lebar=(0.8, 1.6, 5.0, 3.4, 3.4, 1.8),
    )


def _rp(x) -> str:
    return format_angka(x, 0) if rumus.ada(x) and not pd.isna(x) else "–"


def _tabel_efisiensi(v: Tampilan, daftar: list[tuple[str, dict | None]], metode: str, nomor: str) -> dd.TabelDok:
    m = efisiensi.metode(metode)
    baris = [
        [str(i), nama]
        + (
            [_rp(e["pagu"]), _rp(e["realisasi"]), _n(e["serapan"]), _n(e["capaian"]), _n(e["efisiensi"])]
            if e
            else ["–"] * 5
        )
        for i, (nama, e) in enumerate(daftar, 1)
    ]
    baris[-1][0] = ""  # the agency row is a total, not a numbered sasaran
    return dd.TabelDok(
        nomor,
        f"Efisiensi anggaran per sasaran strategis tahun {v.tahun} ({m.label})",
        ["No", "Sasaran", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)", "Capaian (%)", f"Efisiensi ({m.satuan})"],
        baris,
        v.sumber("tabel anggaran dan capaian"),
        angka=(2, 3, 4, 5, 6),
        jumlah=True,
        lebar=(0.7, 3.6, 3.3, 3.3, 1.6, 1.6, 1.9),
    )


def masalah_draf(masalah: pd.DataFrame, tahun: int, kode_indikator: set[str]) -> pd.DataFrame:
    """The data problems touching the draft's figures: those of its year, and those of earlier
    years about an indicator whose history the draft quotes."""
    sebut = masalah["kunci"].astype(str).map(lambda k: any(kd in k.split() for kd in kode_indikator))
    return masalah[(masalah["tahun"] == tahun) | ((masalah["tahun"] < tahun) & sebut)]


def _bagian_masalah(v: Tampilan, masalah: pd.DataFrame) -> list:
    isi: list = [dd.Judul("3.3 Catatan kualitas data", 2)]
    if masalah.empty:
        return isi + [dd.Paragraf("Pemeriksaan Kualitas Data tidak menemukan masalah pada angka draf ini.")]
    isi.append(
        dd.Paragraf(
            f"Pemeriksaan Kualitas Data menemukan {len(masalah)} masalah pada angka yang dipakai draf ini; "
            "periksa sebelum draf difinalkan:"
        )
    )
    for r in masalah.itertuples():
        angka = (
            f": dilaporkan {_n(r.dilaporkan)}, hitungan {_n(r.dihitung)}"
            if rumus.ada(r.dilaporkan) and not pd.isna(r.dilaporkan)
            else ""
        )
        isi.append(dd.Paragraf(f"{r.jenis} — {r.kunci} ({int(r.tahun)}){angka}. Sumber: {r.sumber}.", butir=True))
    return isi


def dokumen(v: Tampilan, tanggal: date | None = None) -> dd.Dokumen:
    """The draft's blocks for view `v` (agency, year, comparison year, scale and cap of the sidebar;
    the efficiency method chosen on Anggaran & Efisiensi, else the default)."""
    metode = anggaran.metode(v)
    semua = capaian.semua(v)
    ini = capaian.tahun_ini(v)
    skala = v.baca(analisis.skala, v.skala)
    program = v.baca(analisis.efisiensi_program, v.instansi_id, v.tahun, metode, v.batas)
    total = agg.total_instansi(v.baca(analisis.anggaran_tahun, v.instansi_id, v.tahun))
    kelompok = kelompok_sasaran(ini)
    k = {
        "semua": semua,
        "catatan": v.baca(store.catatan_instansi, v.instansi_id),
        "metode": metode,
        "skala": skala,
        "program": program,
        "jumlah_sasaran": sum(t != "tujuan" for t, _, _ in kelompok),
        "efisiensi": [],
    }
    tabel, gambar = _Nomor("Tabel"), _Nomor("Gambar")
    tgl = tanggal_indonesia(tanggal or date.today())
    r = ringkasan.ringkasan(v)
    isi: list = [
        dd.Judul("BAB III AKUNTABILITAS KINERJA", 1),
        dd.Paragraf(
            f"Draf dari data SAKIP Dashboard untuk {v.nama}, tahun {v.tahun}, dibuat {tgl}. Angka dan kalimat "
            "analisis dibangkitkan dari basis data; bagian bertanda kuning diisi instansi."
        ),
        dd.Judul("3.1 Capaian kinerja organisasi", 2),
        dd.Paragraf(
            narasi.kalimat_capaian(r["rata_capaian"], r["predikat"], v.tahun, r["rata_banding"], v.tahun_banding)
            + " "
            + narasi.kalimat_predikat(r["iku"])
        ),
    ]
    urut = {"tujuan": 0, "sasaran": 0, "program": 0}
    for t, nama, g in kelompok:
        urut[t] += 1
        judul = f"{'Tujuan' if t == 'tujuan' else 'Sasaran strategis'} {urut[t]}: {nama}"
        isi += _bagian_sasaran(v, k, tabel, judul, t, nama, g)
    isi += _gambar(v, GRAFIK_31, gambar)
    isi += [dd.Judul("3.2 Realisasi anggaran", 2), dd.Paragraf(narasi.kalimat_anggaran(total, v.tahun))]
    if not program.empty:
        isi.append(_tabel_anggaran(v, program, total, tabel()))
        # the agency row: all programs against the agency's mean score (Temanggung's 'Rata-rata' row)
        instansi = efisiensi_satu_sasaran(program, r["rata_capaian"], metode)
        isi.append(_tabel_efisiensi(v, k["efisiensi"] + [("Instansi (seluruh program)", instansi)], metode, tabel()))
        isi.append(dd.Paragraf(narasi.kalimat_efisiensi(program, efisiensi.metode(metode))))
    isi += _gambar(v, GRAFIK_32, gambar)
    masalah = masalah_draf(v.baca(analisis.masalah_data, v.instansi_id), v.tahun, set(ini["kode"]))
    isi += _bagian_masalah(v, masalah)
    return dd.Dokumen(f"LKjIP {v.nama} Tahun {v.tahun} — Bab III", isi)


def draf_docx(v: Tampilan, tanda_draf: bool = False, **kw) -> bytes:
    """The .docx of `dokumen(v)`; `tanda_draf` puts 'DRAF' in every page header (verification state)."""
    return dd.buat_docx(dokumen(v, **kw), tanda_draf)


def draf_instansi(con, instansi_id: int, tahun: int, tanda_draf: bool = False, **kw) -> bytes:
    """`draf_docx` straight from a connection (tests, bench); the comparison year is the year before."""
    return draf_docx(tampilan_koneksi(con, instansi_id, tahun, tahun - 1), tanda_draf, **kw)
