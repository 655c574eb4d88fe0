"""Rows of one synthetic agency for every table: indicators with annual and quarterly values,
the budget hierarchy with quarters, belanja and report statements, kecamatan and desa counts.

Owns the drawing of values (numpy, one generator per agency) and their Arrow form; must not
write to the store (synth.py does, in one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from sakip_calc.calc.sebaran import DESIL_SEMUA
from sakip_calc.tools.desil_sintetis import kolom_desil
from sakip_calc.tools.katalog_sintetis import (
    EJAAN_LAIN,
    INDIKATOR,
    JENIS_BELANJA,
    JENIS_WILAYAH,
    JUMLAH_SATUAN,
    KATALOG_ANGGARAN,
    POSISI,
    SUMBER,
    Ukuran,
    nama_unik,
)


@dataclass(frozen=True)
class Instansi:
    nomor: int  # 1-based number among the synthetic agencies
    id: int
    kode: str
    kabupaten: str
    kota: bool
    provinsi: str


class Teks:
    """A string column as dictionary codes: millions of rows, a few hundred distinct strings."""

    def __init__(self) -> None:
        self.kamus: dict[str, int] = {}

    def kode(self, nilai: list[str | None]) -> np.ndarray:
        return np.array([-1 if v is None else self.kamus.setdefault(v, len(self.kamus)) for v in nilai], dtype=np.int32)

    def arrow(self, kode: np.ndarray) -> pa.Array:
        kamus = pa.array(list(self.kamus), pa.string())
        return pa.DictionaryArray.from_arrays(pa.array(kode, pa.int32(), mask=kode < 0), kamus)


def _bulat(x: np.ndarray, kelipatan: float = 1) -> np.ndarray:
    return np.round(x / kelipatan) * kelipatan


class Pembangkit:
    """Builds every table's rows for one agency at a time; columns are numpy arrays or Teks codes."""

    def __init__(self, ukuran: Ukuran, seed: int, id_indikator_awal: int):
        self.tahun = np.array(ukuran.tahun)
        self.seed = seed
        self.id_indikator_awal = id_indikator_awal
        self.teks: dict[tuple[str, str], Teks] = {}

    def _t(self, tabel: str, kolom: str, nilai: list) -> np.ndarray:
        return self.teks.setdefault((tabel, kolom), Teks()).kode(nilai)

    def instansi(self, a: Instansi, rng: np.random.Generator) -> dict:
        return {
            "id": a.id,
            "kode": a.kode,
            "kabupaten": a.kabupaten,
            "provinsi": a.provinsi,
            "nama": f"Dinas Sosial {'Kota' if a.kota else 'Kabupaten'} {a.kabupaten}",
            "skala_predikat": "permenpan" if rng.random() < 0.6 else "permendagri86",
            "batas_capaian": 100.0 if rng.random() < 0.5 else None,
        }

    def agensi(self, a: Instansi) -> dict[str, dict]:
        rng = np.random.default_rng([self.seed, a.nomor])
        ukuran = float(rng.lognormal(0, 0.45)) * (0.55 if a.kota else 1.0)  # budget and population size
        kinerja = float(rng.normal(0, 0.05))  # the agency's tendency to meet targets
        hasil = {"instansi": self.instansi(a, rng)}
        hasil.update(self._indikator(a, rng, ukuran, kinerja))
        hasil.update(self._anggaran(a, rng, ukuran))
        hasil.update(self._wilayah(a, rng, ukuran))
        return hasil

    # indicators: annual rows, then quarterly rows, per indicator
    def _indikator(self, a: Instansi, rng, ukuran: float, kinerja: float) -> dict[str, dict]:
        n_tahun, k = len(self.tahun), len(INDIKATOR)
        awal_renstra = int(self.tahun[-1]) - 3
        ids = self.id_indikator_awal + (a.nomor - 1) * k + np.arange(k)
        jumlah = np.array([i.satuan in JUMLAH_SATUAN for i in INDIKATOR])
        persen = np.array([i.satuan == "%" for i in INDIKATOR])
        turun = np.array([i.polaritas == "turun" for i in INDIKATOR])
        skala = np.where(jumlah, ukuran, 1.0)
        dasar = np.array([i.target for i in INDIKATOR]) * skala * rng.uniform(0.85, 1.15, k)
        langkah = np.array([i.langkah for i in INDIKATOR]) * skala
        t = np.arange(n_tahun)
        target = dasar[:, None] + langkah[:, None] * t[None, :]  # k x years
        target = np.where(persen[:, None], np.clip(target, 1, 100), target)
        target = np.where(jumlah[:, None], np.maximum(_bulat(target), 1), np.round(target, 2))
        # realisasi / target: most near or above 1, about a third below, a few far below
        rasio = rng.normal(1.02 + kinerja, 0.07, (k, n_tahun))
        jauh = rng.random((k, n_tahun)) < 0.04
        rasio = np.where(jauh, rng.uniform(0.4, 0.8, (k, n_tahun)), rasio).clip(0.2, 1.5)
        realisasi = np.where(turun[:, None], target * (2 - rasio), target * rasio)
        realisasi = np.where(persen[:, None], np.clip(realisasi, 0, 100), realisasi)
        realisasi = np.where(jumlah[:, None], _bulat(realisasi), np.round(realisasi, 2))
        # ratio indicators carry their numerator and denominator
        berpembilang = np.array([i.pembilang is not None for i in INDIKATOR])
        penyebut = np.where(
            berpembilang[:, None], _bulat(rng.uniform(800, 4000, (k, 1)) * ukuran * (1 + 0.02 * t)), np.nan
        )
        pembilang = np.where(berpembilang[:, None], _bulat(realisasi / 100 * penyebut), np.nan)
        realisasi = np.where(berpembilang[:, None], np.round(pembilang / penyebut * 100, 2), realisasi)
        cap = np.where(turun[:, None], (target - (realisasi - target)) / target * 100, realisasi / target * 100)
        dilaporkan = np.round(cap, 2)
        salah = rng.random((k, n_tahun)) < 0.01  # a misprinted percentage now and then, as in the reports
        dilaporkan = np.where(salah, np.round(dilaporkan + rng.choice([-10.0, 10.0], (k, n_tahun)), 2), dilaporkan)

        indikator = {
            "id": ids,
            "instansi_id": np.full(k, a.id),
            "kode": self._t("indikator", "kode", [i.kode for i in INDIKATOR]),
            "nama": self._t("indikator", "nama", [i.nama for i in INDIKATOR]),
            "tingkat": self._t("indikator", "tingkat", [i.tingkat for i in INDIKATOR]),
            "sasaran": self._t("indikator", "sasaran", [i.sasaran for i in INDIKATOR]),
            "program_kode": self._t("indikator", "program_kode", [i.program_kode for i in INDIKATOR]),
            "satuan": self._t("indikator", "satuan", [i.satuan for i in INDIKATOR]),
            "polaritas": self._t("indikator", "polaritas", [i.polaritas for i in INDIKATOR]),
            "kondisi_awal": realisasi[:, max(0, n_tahun - 5)],
            "target_akhir": np.where(
                jumlah, _bulat(target[:, -1] + 2 * langkah), np.round(target[:, -1] + 2 * langkah, 2)
            ),
            "periode_awal": np.full(k, awal_renstra),
            "periode_akhir": np.full(k, awal_renstra + 4),
            "agregasi_triwulan": self._t("indikator", "agregasi_triwulan", [i.agregasi for i in INDIKATOR]),
            "nama_pembilang": self._t("indikator", "nama_pembilang", [i.pembilang for i in INDIKATOR]),
            "nama_penyebut": self._t("indikator", "nama_penyebut", [i.penyebut for i in INDIKATOR]),
            "urutan": np.arange(1, k + 1),
        }
        # quarters: 'jumlah' splits target and realisasi, 'akhir' climbs to the year's value, 'rata' varies around it
        agregasi = np.array([i.agregasi for i in INDIKATOR])
        bagi = rng.dirichlet([4, 5, 5, 6], (k, n_tahun))  # k x years x 4
        naik = np.array([0.4, 0.6, 0.8, 1.0]) * rng.uniform(0.95, 1.05, (k, n_tahun, 4))
        naik[..., 3] = 1.0
        goyang = rng.normal(1, 0.03, (k, n_tahun, 4))
        kali = np.where(
            (agregasi == "jumlah")[:, None, None], bagi, np.where((agregasi == "akhir")[:, None, None], naik, goyang)
        )
        tw_real = realisasi[..., None] * kali
        tw_real = np.where(jumlah[:, None, None], _bulat(tw_real), np.round(tw_real, 2))
        # a 'jumlah' indicator's quarters add up to the year exactly
        selisih = realisasi - tw_real.sum(axis=2)
        tw_real[..., 3] += np.where(agregasi == "jumlah", 1, 0)[:, None] * selisih
        tw_target = np.where(
            (agregasi == "jumlah")[:, None, None], target[..., None] / 4, target[..., None] * np.ones(4)
        )
        tw_target = np.round(tw_target, 2)

        # rows per indicator: its annual rows for every year, then its quarters
        n_tahunan, n_tw = k * n_tahun, k * n_tahun * 4
        ind_t = np.repeat(ids, n_tahun)
        th_t = np.tile(self.tahun, k)
        ind_q = np.repeat(ids, n_tahun * 4)
        th_q = np.tile(np.repeat(self.tahun, 4), k)
        tw_q = np.tile(np.arange(1, 5), k * n_tahun)
        sumber = self._t("capaian", "sumber", [SUMBER])[0]
        capaian = {
            "indikator_id": np.concatenate([ind_t, ind_q]),
            "tahun": np.concatenate([th_t, th_q]),
            "triwulan": np.concatenate([np.full(n_tahunan, -1), tw_q]),
            "target": np.concatenate([target.ravel(), tw_target.ravel()]),
            "realisasi": np.concatenate([realisasi.ravel(), tw_real.ravel()]),
            "capaian_dilaporkan": np.concatenate([dilaporkan.ravel(), np.full(n_tw, np.nan)]),
            "pembilang": np.concatenate([pembilang.ravel(), np.full(n_tw, np.nan)]),
            "penyebut": np.concatenate([penyebut.ravel(), np.full(n_tw, np.nan)]),
            "sumber": np.full(n_tahunan + n_tw, sumber, dtype=np.int32),
        }
        # annual first then quarters, per indicator: order rows by indicator id, year, quarter
        urut = np.lexsort((capaian["triwulan"], capaian["tahun"], capaian["indikator_id"]))
        capaian = {kol: v[urut] for kol, v in capaian.items()}
        return {"indikator": indikator, "capaian": capaian}

    # budget: sub-kegiatan drawn, kegiatan and program are the sums of their children
    def _anggaran(self, a: Instansi, rng, ukuran: float) -> dict[str, dict]:
        sub_idx = np.array([i for i, b in enumerate(KATALOG_ANGGARAN) if b.tingkat == "subkegiatan"])
        bobot = np.array([KATALOG_ANGGARAN[i].bobot for i in sub_idx])
        induk_k = np.array([POSISI[KATALOG_ANGGARAN[i].induk] for i in sub_idx])  # kegiatan position
        induk_p = np.array([POSISI[KATALOG_ANGGARAN[j].induk] for j in induk_k])  # program position
        n_baris, n_tahun, n_sub = len(KATALOG_ANGGARAN), len(self.tahun), len(sub_idx)
        total = 9e9 * ukuran  # ~Rp 9 M a year
        pagu_all, real_all, ada_all, tw_all = [], [], [], []
        for j in range(n_tahun):
            ada = rng.random(n_sub) < 0.97
            pagu = _bulat(total * (1.05**j) * bobot / bobot.sum() * rng.lognormal(0, 0.25, n_sub), 1000) * ada
            pagu = np.maximum(pagu, 5_000_000 * ada)
            # serapan: around the agency-year's own level (mostly 85-100 %), some lines 60-85 %, a few
            # far lower; now and then above the pagu
            tingkat = min(rng.normal(94.5, 3), 99.5)
            u = rng.random(n_sub)
            serapan = np.where(
                u < 0.88,
                np.minimum(rng.normal(tingkat, 4, n_sub), 100),
                np.where(u < 0.97, rng.uniform(60, 85, n_sub), rng.uniform(15, 60, n_sub)),
            )
            serapan = np.where(rng.random(n_sub) < 0.003, rng.uniform(100.5, 104, n_sub), serapan)
            real = _bulat(pagu * serapan / 100)
            # quarters: a slow first half, most spent in the fourth quarter
            bagi = rng.dirichlet([2, 3, 4, 7], n_sub)
            tw = _bulat(real[:, None] * bagi)
            tw[:, 3] = real - tw[:, :3].sum(axis=1)
            p, r, t4 = np.zeros(n_baris), np.zeros(n_baris), np.zeros((n_baris, 4))
            p[sub_idx], r[sub_idx], t4[sub_idx] = pagu, real, tw
            np.add.at(p, induk_k, pagu)
            np.add.at(r, induk_k, real)
            np.add.at(t4, induk_k, tw)
            np.add.at(p, induk_p, pagu)
            np.add.at(r, induk_p, real)
            np.add.at(t4, induk_p, tw)
            pagu_all.append(p)
            real_all.append(r)
            tw_all.append(t4)
            ada_all.append(p > 0)
        # years x lines
        pagu, real, tw, ada = np.stack(pagu_all), np.stack(real_all), np.stack(tw_all), np.stack(ada_all)
        th, baris = np.nonzero(ada)
        p, r = pagu[th, baris], real[th, baris]
        serapan_lap = np.round(r / p * 100, 2)
        fisik = np.clip(np.round(serapan_lap + rng.normal(1.5, 2.5, len(p)), 2), 0, 100)
        kat = KATALOG_ANGGARAN
        anggaran = {
            "instansi_id": np.full(len(p), a.id),
            "tahun": self.tahun[th],
            "kode": self._t("anggaran", "kode", [b.kode for b in kat])[baris],
            "tingkat": self._t("anggaran", "tingkat", [b.tingkat for b in kat])[baris],
            "nama": self._t("anggaran", "nama", [b.nama for b in kat])[baris],
            "induk_kode": self._t("anggaran", "induk_kode", [b.induk for b in kat])[baris],
            "pagu": p,
            "pagu_renja": _bulat(p * rng.uniform(0.97, 1.06, len(p)), 1000),
            "realisasi": r,
            "serapan_dilaporkan": serapan_lap,
            "fisik_persen": fisik,
            "sumber_dana": self._t("anggaran", "sumber_dana", ["APBD", "DAK"])[(rng.random(len(p)) < 0.08).astype(int)],
            "sumber": np.full(len(p), self._t("anggaran", "sumber", [SUMBER])[0], dtype=np.int32),
            "urutan": baris + 1,
        }
        triwulan = {
            "instansi_id": np.full(len(p) * 4, a.id),
            "tahun": np.repeat(anggaran["tahun"], 4),
            "kode": np.repeat(self._t("anggaran_triwulan", "kode", [b.kode for b in kat])[baris], 4),
            "triwulan": np.tile(np.arange(1, 5), len(p)),
            "realisasi": tw[th, baris].ravel(),
        }
        # belanja by type: shares of the agency's total, the last type takes the rounding rest
        prog = np.array([b.tingkat == "program" for b in kat])
        tot_p, tot_r = (pagu * prog).sum(axis=1), (real * prog).sum(axis=1)
        bagi = rng.dirichlet([30, 45, 10, 3, 12], n_tahun)
        bel_p, bel_r = _bulat(tot_p[:, None] * bagi), _bulat(tot_r[:, None] * bagi)
        bel_p[:, -1] = tot_p - bel_p[:, :-1].sum(axis=1)
        bel_r[:, -1] = tot_r - bel_r[:, :-1].sum(axis=1)
        nb = len(JENIS_BELANJA)
        belanja = {
            "instansi_id": np.full(n_tahun * nb, a.id),
            "tahun": np.repeat(self.tahun, nb),
            "jenis_belanja": np.tile(self._t("belanja", "jenis_belanja", list(JENIS_BELANJA)), n_tahun),
            "pagu": bel_p.ravel(),
            "realisasi": bel_r.ravel(),
            "sumber": np.full(n_tahun * nb, self._t("belanja", "sumber", [SUMBER])[0], dtype=np.int32),
        }
        # what the report states about the whole agency; a few serapan misprinted (000/001 show such contradictions)
        serapan_tot = np.round(tot_r / tot_p * 100, 2)
        serapan_tot = np.where(
            rng.random(n_tahun) < 0.03, serapan_tot - np.round(rng.uniform(1, 3, n_tahun), 2), serapan_tot
        )
        besaran = ("pagu", "realisasi_anggaran", "serapan")
        angka = {
            "instansi_id": np.full(n_tahun * 3, a.id),
            "tahun": np.repeat(self.tahun, 3),
            "sumber": np.full(
                n_tahun * 3, self._t("angka_laporan", "sumber", ["LKjIP Bab III (sintetis)"])[0], dtype=np.int32
            ),
            "objek": np.full(n_tahun * 3, self._t("angka_laporan", "objek", ["instansi"])[0], dtype=np.int32),
            "besaran": np.tile(self._t("angka_laporan", "besaran", list(besaran)), n_tahun),
            "nilai": np.column_stack([tot_p, tot_r, serapan_tot]).ravel(),
        }
        return {"anggaran": anggaran, "anggaran_triwulan": triwulan, "belanja": belanja, "angka_laporan": angka}

    # wilayah: desa values drawn, kecamatan rows are the sums of their desa
    def _wilayah(self, a: Instansi, rng, ukuran: float) -> dict[str, dict]:
        n_kec = int(rng.integers(10, 19))
        kecamatan = nama_unik(rng, n_kec)
        n_desa = rng.integers(7, 16, n_kec)
        desa_kec = np.repeat(np.arange(n_kec), n_desa)
        desa = [n for j in range(n_kec) for n in nama_unik(rng, int(n_desa[j]))]
        nd, nt, nj = len(desa), len(self.tahun), len(JENIS_WILAYAH)
        penduduk = rng.lognormal(np.log(3200), 0.45, nd) * min(ukuran, 2.5) ** 0.3
        tumbuh = (1 + 0.015 * np.arange(nt))[None, :] * rng.normal(1, 0.03, (nd, nt))  # desa x years
        nik = _bulat(penduduk[:, None] * rng.uniform(0.15, 0.4, (nd, 1)) * tumbuh)
        non_nik = _bulat(nik * rng.uniform(0.02, 0.2, (nd, 1)))
        bdt = nik + non_nik
        nilai = np.stack(
            [
                bdt,
                nik,
                non_nik,
                _bulat(bdt * rng.uniform(0.05, 0.12, (nd, 1))),
                _bulat(bdt * rng.uniform(0.08, 0.18, (nd, 1))),
                _bulat(bdt * rng.uniform(0.5, 0.8, (nd, 1))),
                rng.poisson(2, (nd, nt)).astype(float),
                1 + rng.poisson(2, (nd, nt)).astype(float),
            ],
            axis=2,
        )
        kec_nilai = np.zeros((n_kec, nt, nj))
        np.add.at(kec_nilai, desa_kec, nilai)
        # one agency's rows: per year, per kecamatan its own row then its desa, 8 jenis each
        kode_kec = self._t("wilayah", "kecamatan", kecamatan)
        kode_desa = self._t("wilayah", "desa", desa + [None])
        tanpa_desa = kode_desa[-1]
        kode_jenis = self._t("wilayah", "jenis", list(JENIS_WILAYAH))
        tempat_kec = np.concatenate([np.arange(n_kec), desa_kec])
        tempat_desa = np.concatenate([np.full(n_kec, -1), np.arange(nd)])
        urut = np.lexsort((tempat_desa, tempat_kec))
        tempat_kec, tempat_desa = tempat_kec[urut], tempat_desa[urut]
        semua_nilai = np.concatenate([kec_nilai, nilai])[urut]  # places x years x jenis
        n_tempat = len(tempat_kec)
        nilai_baris = semua_nilai.transpose(1, 0, 2).ravel()  # year, place, jenis
        wilayah = {
            "instansi_id": np.full(nilai_baris.size, a.id),
            "tahun": np.repeat(self.tahun, n_tempat * nj),
            "kecamatan": np.tile(np.repeat(kode_kec[tempat_kec], nj), nt),
            "desa": np.tile(
                np.repeat(np.where(tempat_desa < 0, tanpa_desa, kode_desa[np.maximum(tempat_desa, 0)]), nj), nt
            ),
            "jenis": np.tile(kode_jenis, n_tempat * nt),
            "nilai": nilai_baris,
            "sumber": np.full(nilai_baris.size, self._t("wilayah", "sumber", [SUMBER])[0], dtype=np.int32),
            "periode": np.full(nilai_baris.size, self._t("wilayah", "periode", [None])[0], dtype=np.int32),
        }
        # DTSEN desil in the last year, two periods; an rng of its own keeps the other draws as they were
        rng_desil = np.random.default_rng([a.id, 2025])
        d_nilai, d_periode, d_tempat = kolom_desil(rng_desil, bdt[:, -1], desa_kec, n_kec, urut, self.tahun[-1])
        desil = {
            "instansi_id": np.full(d_nilai.size, a.id),
            "tahun": np.full(d_nilai.size, self.tahun[-1]),
            "kecamatan": kode_kec[tempat_kec][d_tempat],
            "desa": np.where(tempat_desa < 0, tanpa_desa, kode_desa[np.maximum(tempat_desa, 0)])[d_tempat],
            "jenis": np.tile(self._t("wilayah", "jenis", list(DESIL_SEMUA)), d_nilai.size // 8),
            "nilai": d_nilai,
            "sumber": np.full(d_nilai.size, wilayah["sumber"][0], dtype=np.int32),
            "periode": self._t("wilayah", "periode", d_periode),
        }
        wilayah = {k: np.concatenate([wilayah[k], desil[k]]) for k in wilayah}
        # the kecamatan list of this kabupaten, and a second spelling for some, as the reports have
        alias = [EJAAN_LAIN[k] if rng.random() < 0.15 else None for k in kecamatan]
        kec_alias = {
            "kabupaten": self._t("kecamatan_alias", "kabupaten", [a.kabupaten] * n_kec),
            "kecamatan": self._t("kecamatan_alias", "kecamatan", kecamatan),
            "alias": self._t("kecamatan_alias", "alias", alias),
        }
        return {"wilayah": wilayah, "kecamatan_alias": kec_alias}

    def arrow(self, tabel: str, bagian: list[dict]) -> pa.Table:
        kolom = {}
        for nama in bagian[0]:
            nilai = [b[nama] for b in bagian]
            if (tabel, nama) in self.teks:
                kolom[nama] = self.teks[(tabel, nama)].arrow(np.concatenate(nilai))
            elif tabel == "instansi":
                kolom[nama] = pa.array(nilai)
            else:
                v = np.concatenate([np.atleast_1d(x) for x in nilai])
                # -1 marks a missing quarter (annual row); NaN a missing measurement
                kolom[nama] = pa.array(
                    v, mask=(v < 0) if nama == "triwulan" else (np.isnan(v) if v.dtype.kind == "f" else None)
                )
        return pa.table(kolom)
