"""The charts of a presentation for one agency-year: the figures the pages draw, page by page.

Each section calls the same analisis/wilayah functions, grafik builders and narasi readings as
its page, with the page's default choices unless `OpsiDek` carries the user's current ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import analisis, skor, sebaran
from sakip_calc.export import ekspor
from sakip_calc.presentation import grafik, narasi
from sakip_calc.calc import anggaran as agg
from sakip_calc.export.ekspor import Grafik

RINGKASAN, CAPAIAN, TREN, WILAYAH, ANGGARAN = (
    "Ringkasan", "Capaian Kinerja", "Tren Antar Tahun", "Sebaran Wilayah", "Anggaran & Efisiensi")
HALAMAN = (RINGKASAN, CAPAIAN, TREN, WILAYAH, ANGGARAN)


@dataclass(frozen=True)
class OpsiDek:
    """The view the deck follows: sidebar filters and, where set, the pages' own choices."""
    tahun_banding: int | None = None
    batas: float | None | str = analisis.BATAS_INSTANSI
    nama_skala: str | None = None
    metode: str = "selisih"                      # Anggaran: efisiensi method
    indikator_capaian: str | None = None         # Capaian: the indicator in detail
    indikator_tren: tuple[str, ...] | None = None
    bentuk_tren: str = "garis"
    indikator_tren_satu: str | None = None
    tahun_wilayah: int | None = None
    jenis_wilayah: str | None = None
    kelompok_wilayah: str | None = None
    kecamatan_desa: str | None = None
    jenis_desa: str | None = None


class _Data:
    """One agency-year's reads, each done once however many sections use it."""

    def __init__(self, con, instansi_id: int, tahun: int, opsi: OpsiDek):
        self.con, self.iid, self.tahun, self.opsi = con, instansi_id, tahun, opsi
        self.info = analisis.info_instansi(con, instansi_id)
        self.nama_skala = opsi.nama_skala or self.info["skala_predikat"]
        self.skor = analisis.skor_indikator(con, instansi_id, opsi.batas, self.nama_skala)
        self._program: dict[str, pd.DataFrame] = {}

    @cached_property
    def anggaran(self) -> pd.DataFrame:
        return analisis.anggaran_tahun(self.con, self.iid, self.tahun)

    def program(self, metode: str) -> pd.DataFrame:
        if metode not in self._program:
            self._program[metode] = analisis.efisiensi_program(self.con, self.iid, self.tahun, metode, self.opsi.batas)
        return self._program[metode]

    def sumber(self, tabel: str) -> str:
        return f"Dinas Sosial Kab. {self.info['kabupaten']}, {tabel}"       # as dasbor.sumber


def grafik_dek(con, instansi_id: int, tahun: int, halaman=HALAMAN, opsi: OpsiDek = OpsiDek()) -> list[Grafik]:
    """The charts of the chosen pages, in page order. Empty charts are left out, and a chart two
    pages share (the efficiency quadrant) appears once."""
    data = _Data(con, instansi_id, tahun, opsi)
    bagian = {RINGKASAN: _ringkasan, CAPAIAN: _capaian, TREN: _tren, WILAYAH: _wilayah, ANGGARAN: _anggaran}
    hasil, judul = [], set()
    for h in HALAMAN:
        if h not in halaman:
            continue
        for g in bagian[h](data):
            if g.fig.data and g.judul not in judul:
                judul.add(g.judul)
                hasil.append(g)
    return hasil


def dek_instansi(con, instansi_id: int, tahun: int, halaman=HALAMAN, opsi: OpsiDek = OpsiDek(),
                 tanggal: date | None = None) -> bytes:
    """The .pptx of `grafik_dek`."""
    info = analisis.info_instansi(con, instansi_id)
    return ekspor.buat_dek(grafik_dek(con, instansi_id, tahun, halaman, opsi), info["nama"], tahun, tanggal)


def _ringkasan(d: _Data) -> list[Grafik]:
    t, sumber = d.tahun, d.sumber("tabel capaian")
    # the deck does not show the page's data-problem count, so no checks are run for it
    r = analisis.ringkasan(d.skor, d.anggaran, d.program("selisih"), pd.DataFrame(), analisis.skala(d.con, d.nama_skala),
                           t, d.opsi.tahun_banding)
    hasil = []
    if not r["iku"].empty:
        hasil.append(Grafik(RINGKASAN, grafik.batang_capaian(r["iku"], f"Skor capaian indikator utama {t} (%)", sumber),
                            narasi.kalimat_predikat(r["iku"])))
    hasil.append(Grafik(RINGKASAN, grafik.batang_predikat(r["jumlah_predikat"], f"Jumlah indikator utama per predikat {t}", sumber),
                        narasi.kalimat_capaian(r["rata_capaian"], r["predikat"], t, r["rata_banding"], d.opsi.tahun_banding)))
    if r["program"]["serapan"].notna().any():
        hasil.append(Grafik(RINGKASAN, grafik.kuadran_efisiensi(r["program"], f"Capaian vs serapan per program {t} (%)",
                                                                d.sumber("tabel anggaran")),
                            narasi.kalimat_efisiensi(r["program"])))
    return hasil


def _tren_satu(d: _Data, kode: str, halaman: str) -> Grafik:
    tahun = sorted(d.skor["tahun"].dropna().astype(int).unique())
    satu = d.skor[d.skor["kode"] == kode].sort_values("tahun")
    i = satu.iloc[0]
    fig = grafik.tren_indikator(satu, f"{kode}: target dan realisasi {tahun[0]}–{tahun[-1]} ({i['satuan'] or 'nilai'})",
                                d.sumber("tabel capaian"), i["satuan"] or "", i["kondisi_awal"],
                                i["periode_awal"] - 1 if pd.notna(i["periode_awal"]) else None, i["target_akhir"])
    return Grafik(halaman, fig, narasi.kalimat_tren(satu, i["nama"]))


def _capaian(d: _Data) -> list[Grafik]:
    df = d.skor[d.skor["tahun"] == d.tahun]
    if df.empty:
        return []
    # the page opens on the first row of its table (sorted by sasaran, program, kode)
    kode = d.opsi.indikator_capaian or df.sort_values(["sasaran", "program_kode", "kode"], na_position="last")["kode"].iloc[0]
    return [_tren_satu(d, kode, CAPAIAN)]


def _tren(d: _Data) -> list[Grafik]:
    if d.skor.empty:
        return []
    ada = sorted(d.skor["tahun"].dropna().astype(int).unique())
    utama = d.skor[d.skor["tingkat"].isin(skor.TINGKAT_IKU)]["kode"].drop_duplicates().tolist()
    pilih = list(d.opsi.indikator_tren or utama[:4])
    if not pilih:
        return []
    terpilih = d.skor[d.skor["kode"].isin(pilih)]
    fig = grafik.tren_capaian(terpilih, f"Skor capaian {ada[0]}–{ada[-1]} (%)", d.sumber("tabel capaian"), d.opsi.bentuk_tren)
    kalimat = " ".join(narasi.kalimat_tren(g, g["nama"].iloc[0]) for _, g in terpilih.groupby("kode", sort=False))
    satu = d.opsi.indikator_tren_satu if d.opsi.indikator_tren_satu in pilih else pilih[0]
    return [Grafik(TREN, fig, kalimat), _tren_satu(d, satu, TREN)]


def _wilayah(d: _Data) -> list[Grafik]:
    o = d.opsi
    semua = store.wilayah(d.con, d.iid)
    if semua.empty:
        return []
    tw = o.tahun_wilayah if o.tahun_wilayah in set(semua["tahun"]) else sebaran.tahun_wilayah(semua, d.tahun)
    data = semua[semua["tahun"] == tw]
    jenis_kec = data[data["kecamatan"].notna()].drop_duplicates("jenis")
    if jenis_kec.empty:
        return []
    label = dict(zip(jenis_kec["jenis"], jenis_kec["nama_jenis"]))
    satuan = dict(zip(jenis_kec["jenis"], jenis_kec["satuan"]))
    kelompok = dict(zip(jenis_kec["jenis"], jenis_kec["kelompok"]))
    jenis = o.jenis_wilayah if o.jenis_wilayah in label else next(iter(label))
    sumber = d.sumber("tabel wilayah")
    per_kecamatan = sebaran.sebaran(semua, tw, jenis)
    kalimat = narasi.kalimat_wilayah(per_kecamatan, label[jenis], satuan[jenis])
    hasil = [Grafik(WILAYAH, grafik.batang_wilayah(per_kecamatan, f"{label[jenis]} per kecamatan, {tw} ({satuan[jenis]})",
                                                   sumber, satuan[jenis]), kalimat)]
    grup = o.kelompok_wilayah if o.kelompok_wilayah in set(kelompok.values()) else kelompok[jenis]
    mat = sebaran.matriks(semua, tw, [j for j, k in kelompok.items() if k == grup])
    mat.columns = [label.get(c, c) for c in mat.columns]
    hasil.append(Grafik(WILAYAH, grafik.heatmap_wilayah(mat, f"{grup} per kecamatan, {tw} (warna: % dari kabupaten)", sumber),
                        kalimat))
    desa = semua[semua["desa"].notna() & (semua["tahun"] == tw)]
    if not desa.empty:
        ada_kec = sorted(desa["kecamatan"].unique())
        kec = o.kecamatan_desa if o.kecamatan_desa in ada_kec else ada_kec[0]
        ada_jenis = sorted(desa.loc[desa["kecamatan"] == kec, "jenis"].unique())
        jd = o.jenis_desa if o.jenis_desa in ada_jenis else ada_jenis[0]
        per_desa = sebaran.sebaran(semua, tw, jd, kec)
        hasil.append(Grafik(WILAYAH, grafik.batang_wilayah(
            per_desa, f"{label.get(jd, jd)} per desa, Kec. {kec}, {tw} ({satuan.get(jd, '')})",
            d.sumber("tabel wilayah desa"), satuan.get(jd, "")),
            narasi.kalimat_wilayah(per_desa, label.get(jd, jd), satuan.get(jd, ""), "Desa")))
    return hasil


def _anggaran(d: _Data) -> list[Grafik]:
    df, t = d.anggaran, d.tahun
    if df.empty:
        return []
    total = agg.total_instansi(df)
    program = d.program(d.opsi.metode)
    baris_program = df[df["tingkat"] == "program"].assign(label=lambda x: x["kode"] + " " + x["nama"],
                                                         pagu=lambda x: x["pagu_dipakai"],
                                                         realisasi=lambda x: x["realisasi_dipakai"])
    sumber = d.sumber("tabel anggaran")
    kal_anggaran = narasi.kalimat_anggaran(total, t)
    kal_efisiensi = narasi.kalimat_efisiensi(program)
    hasil = [
        Grafik(ANGGARAN, grafik.batang_pagu_realisasi(baris_program, f"Pagu dan realisasi per program {t} (Rp)", sumber),
               kal_anggaran),
        Grafik(ANGGARAN, grafik.batang_serapan(baris_program.assign(label=baris_program["kode"]),
                                               f"Serapan per program {t} (%)", sumber), kal_efisiensi),
        Grafik(ANGGARAN, grafik.treemap_anggaran(df, f"Struktur pagu {t} (luas: pagu; warna: serapan %)", sumber),
               kal_anggaran),
        Grafik(ANGGARAN, grafik.kuadran_efisiensi(program, f"Capaian vs serapan per program {t} (%)",
                                                  d.sumber("tabel anggaran dan capaian")), kal_efisiensi),
        Grafik(ANGGARAN, grafik.kurva_triwulan(agg.kurva_triwulan(store.anggaran_triwulan(d.con, d.iid, t)),
                                               f"Realisasi kumulatif per triwulan {t} (Rp)",
                                               d.sumber("evaluasi RKPD triwulan")), kal_anggaran),
    ]
    bel = store.belanja(d.con, d.iid, t)
    if not bel.empty:
        hasil.append(Grafik(ANGGARAN, grafik.donat_belanja(bel, f"Komposisi realisasi belanja {t} (Rp)",
                                                           d.sumber("komposisi belanja")), kal_anggaran))
    return hasil
