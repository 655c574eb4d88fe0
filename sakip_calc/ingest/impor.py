"""Importing workbooks: validate everything, report all problems at once, commit all or nothing.

`rencanakan` reads and validates files and computes what would change (the preview);
`impor_berkas` commits a valid plan in one copy-on-write transaction and records every attempt
in `impor`; `bangun` rebuilds the database from the workbooks shipped in data/.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from sakip_calc import store
from sakip_calc.domain.angka import baca_angka
from sakip_calc.ingest.baca import UKURAN_MAKS, BacaanBerkas, LembarMentah, Masalah, SelRusak, baca_berkas, saran
from sakip_calc.domain.spesifikasi import (
    KODE, LEMBAR_BERNAMA, PERSEN, RUPIAH, JUMLAH, DESIMAL, SKALA_BAWAAN, TAHUN, TEKS, TRIWULAN, Kolom,
)

_ANGKA = (RUPIAH, PERSEN, DESIMAL, JUMLAH, TAHUN, TRIWULAN)
_KOLOM_TRIWULAN = ("realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4")


@dataclass
class Rencana:
    """What an import would do: typed rows per sheet, the problems, the counts per table."""
    nama_file: str
    sha256: str
    masalah: list[Masalah] = field(default_factory=list)
    data: dict[str, pd.DataFrame] = field(default_factory=dict)
    perubahan: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def galat(self) -> list[Masalah]:
        return [m for m in self.masalah if m.tingkat == "galat"]

    @property
    def sah(self) -> bool:
        return not self.galat

    def jumlah(self) -> dict[str, int]:
        total = defaultdict(int)
        for hitung in self.perubahan.values():
            for k, v in hitung.items():
                total[k] += v
        return dict(total)


@dataclass
class HasilImpor:
    rencana: Rencana
    status: str          # berhasil | tanpa perubahan | ditolak
    impor_id: int


# ---- typing and per-cell validation -------------------------------------------------------

def _teks(nilai: object) -> str | None:
    """Text as written, whitespace collapsed and control characters dropped. A leading =, +, -
    or @ stays: it is stored as inert text and never evaluated."""
    if nilai is None:
        return None
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    teks = re.sub(r"\s+", " ", _KONTROL.sub("", str(nilai))).strip()
    return teks or None


_KONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _ketik(kolom: Kolom, nilai: object, lembar: str, nomor: int, masalah: list[Masalah]) -> object:
    if isinstance(nilai, SelRusak):
        masalah.append(Masalah(lembar, nomor, kolom.nama, nilai.pesan))
        return None
    if kolom.jenis in (TEKS, KODE):
        teks = _teks(nilai)
        if teks is not None and kolom.pilihan:
            cocok = {p.lower(): p for p in kolom.pilihan}.get(teks.lower())
            if cocok is None:
                masalah.append(Masalah(lembar, nomor, kolom.nama, f"nilai '{teks}' tidak dikenal; pilihan: "
                                       + ", ".join(kolom.pilihan) + "." + saran(teks, kolom.pilihan)))
            return cocok
        return teks
    hasil = baca_angka(nilai, kolom.jenis)
    if hasil.galat:
        masalah.append(Masalah(lembar, nomor, kolom.nama, hasil.galat))
        return None
    if hasil.keterangan:
        masalah.append(Masalah(lembar, nomor, kolom.nama, hasil.keterangan, "catatan"))
    x = hasil.nilai
    if x is None:
        return None
    if kolom.jenis in (TAHUN, TRIWULAN, JUMLAH) and not float(x).is_integer():
        jenis = {TAHUN: "tahun", TRIWULAN: "triwulan", JUMLAH: "jumlah (orang, KK, lembaga)"}[kolom.jenis]
        masalah.append(Masalah(lembar, nomor, kolom.nama, f"{jenis} harus bilangan bulat, bukan {x:g}"))
        return None
    if kolom.minimum is not None and x < kolom.minimum or kolom.maksimum is not None and x > kolom.maksimum:
        batas = f"{kolom.minimum:g}" + (f" sampai {kolom.maksimum:g}" if kolom.maksimum is not None else " atau lebih")
        masalah.append(Masalah(lembar, nomor, kolom.nama, f"nilai {x:g} di luar rentang yang sah ({batas})"))
        return None
    return int(x) if kolom.jenis in (TAHUN, TRIWULAN) else x


def _ketik_lembar(mentah: LembarMentah, masalah: list[Masalah]) -> pd.DataFrame:
    lembar = mentah.lembar
    baris = []
    for nomor, sel in mentah.baris:
        rekam: dict[str, object] = {"nomor_baris": nomor}
        for kolom in lembar.kolom:
            rekam[kolom.nama] = _ketik(kolom, sel.get(kolom.nama), lembar.nama, nomor, masalah)
            if kolom.wajib and rekam[kolom.nama] is None and sel.get(kolom.nama) is None:
                masalah.append(Masalah(lembar.nama, nomor, kolom.nama, "wajib diisi"))
        baris.append(rekam)
    df = pd.DataFrame(baris, columns=["nomor_baris", *lembar.nama_kolom])
    for kolom in lembar.kolom:
        if kolom.jenis in _ANGKA:
            df[kolom.nama] = pd.to_numeric(df[kolom.nama], errors="coerce")
            if kolom.jenis in (TAHUN, TRIWULAN):
                df[kolom.nama] = df[kolom.nama].astype("Int64")
        else:
            df[kolom.nama] = df[kolom.nama].astype("object").where(df[kolom.nama].notna(), None)
    return df


# ---- cross-sheet validation ---------------------------------------------------------------

def _duplikat(df: pd.DataFrame, lembar: str, kunci: tuple[str, ...], masalah: list[Masalah]) -> None:
    # a key cell already rejected reads as empty; comparing it would report a duplicate that is not
    rusak = {m.baris for m in masalah if m.lembar == lembar and m.kolom in kunci and m.tingkat == "galat"}
    df = df[~df["nomor_baris"].isin(rusak)]
    if df.empty:
        return
    k = df[list(kunci)].astype("string").fillna("\0")
    ganda = k.duplicated(keep=False)
    for _, grup in df[ganda].groupby([k[c] for c in kunci], sort=False):
        nomor = grup["nomor_baris"].tolist()
        nilai = ", ".join(f"{c}={grup.iloc[0][c]}" for c in kunci if pd.notna(grup.iloc[0][c]))
        for n in nomor[1:]:
            masalah.append(Masalah(lembar, n, None, f"baris ganda: kunci ({nilai}) sudah ada di baris {nomor[0]}"))


def _normal(nama: str) -> str:
    return re.sub(r"\s+", " ", nama).strip().upper()


class PetaKecamatan:
    """Canonical kecamatan per kabupaten from data/kecamatan_alias.csv; unknown names are errors."""

    def __init__(self, alias: pd.DataFrame):
        self._peta: dict[str, dict[str, str]] = defaultdict(dict)
        for r in alias.itertuples():
            kab = _normal(r.kabupaten)
            self._peta[kab][_normal(r.kecamatan)] = r.kecamatan
            if isinstance(r.alias, str) and r.alias.strip():
                self._peta[kab][_normal(r.alias)] = r.kecamatan

    def kanonik(self, kabupaten: str, nama: str) -> tuple[str | None, str | None]:
        peta = self._peta.get(_normal(kabupaten))
        if not peta:
            return None, (f"kabupaten '{kabupaten}' belum punya daftar kecamatan di data/kecamatan_alias.csv; "
                          "tambahkan nama kecamatannya di sana")
        hasil = peta.get(_normal(nama))
        if hasil:
            return hasil, None
        mirip = difflib.get_close_matches(_normal(nama), list(peta), n=3, cutoff=0.6)
        usul = sorted({peta[m] for m in mirip})
        teks = f" Nama terdekat: {', '.join(usul)}." if usul else ""
        return None, (f"kecamatan '{nama}' tidak dikenal di Kabupaten {kabupaten}.{teks} "
                      "Bila ini ejaan lain, tambahkan ke data/kecamatan_alias.csv")


def _validasi_silang(data: dict[str, pd.DataFrame], con: duckdb.DuckDBPyConnection, masalah: list[Masalah]) -> None:
    db_instansi = store.instansi(con)
    kabupaten = dict(zip(db_instansi["kode"], db_instansi["kabupaten"]))
    if "Instansi" in data:
        kabupaten.update(dict(zip(data["Instansi"]["kode"], data["Instansi"]["kabupaten"])))
    skala = set(store.skala_predikat(con)["nama"]) | set(SKALA_BAWAAN)
    if "Skala" in data:
        skala |= set(data["Skala"]["nama"].dropna())
    for nama, df in data.items():
        lembar = LEMBAR_BERNAMA[nama]
        if "kecamatan" not in df.columns:  # those are checked once their names are mapped
            _duplikat(df, nama, lembar.kunci, masalah)
        if "instansi" in df.columns and nama != "Instansi":
            for r in df[df["instansi"].notna() & ~df["instansi"].isin(list(kabupaten))].itertuples():
                masalah.append(Masalah(nama, r.nomor_baris, "instansi", f"instansi '{r.instansi}' tidak ada di lembar Instansi "
                                       "maupun di basis data." + saran(r.instansi, list(kabupaten))))
    if "Instansi" in data:
        for r in data["Instansi"].itertuples():
            if r.skala_predikat and r.skala_predikat not in skala:
                masalah.append(Masalah("Instansi", r.nomor_baris, "skala_predikat", f"skala '{r.skala_predikat}' tidak dikenal; "
                                       "skala: " + ", ".join(sorted(skala)) + "." + saran(r.skala_predikat, sorted(skala))))
    if "Skala" in data:
        cek_skala(data["Skala"], store.skala_predikat(con), masalah)
    if "Indikator" in data:
        for r in data["Indikator"].itertuples():
            if pd.notna(r.periode_awal) and pd.notna(r.periode_akhir) and r.periode_awal > r.periode_akhir:
                masalah.append(Masalah("Indikator", r.nomor_baris, "periode_akhir", f"periode_akhir {r.periode_akhir} sebelum periode_awal {r.periode_awal}"))
    _cek_indikator_dikenal(data, con, masalah)
    _cek_induk_anggaran(data, con, masalah)
    peta = PetaKecamatan(store.alias_kecamatan(con))
    for nama in ("Wilayah", "AngkaLaporan"):
        if nama in data:
            _petakan_kecamatan(data[nama], nama, kabupaten, peta, masalah)
            # one place spelt two ways in one sheet is a duplicate once the names are mapped
            _duplikat(data[nama], nama, LEMBAR_BERNAMA[nama].kunci, masalah)


def cek_skala(df: pd.DataFrame, tersimpan: pd.DataFrame, masalah: list[Masalah]) -> None:
    """Every score falls in exactly one band only if, down the sheet, lower bounds strictly
    decrease, the last band has none, and no band of the scale is left over from before."""
    for nama, grup in df[df["nama"].notna()].groupby("nama", sort=False):
        batas, nomor = grup["batas_bawah"].tolist(), grup["nomor_baris"].tolist()
        inklusif = [v is True or v == "ya" for v in grup["inklusif"]]
        for i, b in enumerate(batas):
            if i == len(batas) - 1:
                if pd.notna(b):
                    masalah.append(Masalah("Skala", nomor[i], "batas_bawah", f"predikat terbawah skala '{nama}' harus tanpa "
                                           "batas_bawah (kosong) agar setiap skor, juga yang terendah, mendapat predikat"))
            elif pd.isna(b):
                masalah.append(Masalah("Skala", nomor[i], "batas_bawah", f"hanya predikat terbawah skala '{nama}' yang boleh "
                                       "tanpa batas_bawah; tulis predikat dari yang tertinggi ke yang terendah"))
            # equal bounds are one band holding only that score: '>= b' under '> b'
            elif i and pd.notna(batas[i - 1]) and not (b < batas[i - 1] or (b == batas[i - 1] and inklusif[i] and not inklusif[i - 1])):
                masalah.append(Masalah("Skala", nomor[i], "batas_bawah", f"batas_bawah {b:g} harus lebih kecil dari {batas[i - 1]:g} "
                                       f"(baris {nomor[i - 1]}): predikat ditulis dari yang tertinggi ke yang terendah"))
        lain = set(tersimpan.loc[tersimpan["nama"] == nama, "kode"]) - set(grup["kode"])
        if lain:
            masalah.append(Masalah("Skala", nomor[0], "kode", f"skala '{nama}' di basis data juga punya predikat "
                                   f"{', '.join(sorted(lain))}; sertakan semua predikat skala ini di lembar Skala"))


def _cek_indikator_dikenal(data, con, masalah) -> None:
    if "Capaian" not in data:
        return
    dikenal = store.kunci_indikator(con)
    kode = defaultdict(set)
    for r in dikenal.itertuples():
        kode[r.instansi].add(r.kode)
    if "Indikator" in data:
        for r in data["Indikator"].itertuples():
            kode[r.instansi].add(r.kode)
    for r in data["Capaian"].itertuples():
        if r.indikator_kode and r.instansi and r.indikator_kode not in kode[r.instansi]:
            masalah.append(Masalah("Capaian", r.nomor_baris, "indikator_kode", f"kode indikator '{r.indikator_kode}' tidak ada di lembar "
                                   f"Indikator maupun di basis data untuk {r.instansi}." + saran(r.indikator_kode, sorted(kode[r.instansi]))))


def _cek_induk_anggaran(data, con, masalah) -> None:
    if "Anggaran" not in data:
        return
    tingkat: dict[tuple, str] = {}
    for r in store.kunci_anggaran(con).itertuples():
        tingkat[(r.instansi, r.tahun, r.kode)] = r.tingkat
    df = data["Anggaran"]
    for r in df.itertuples():
        tingkat[(r.instansi, r.tahun, r.kode)] = r.tingkat
    induk_sah = {"kegiatan": "program", "subkegiatan": "kegiatan"}
    for r in df.itertuples():
        if r.tingkat == "program":
            if r.induk_kode:
                masalah.append(Masalah("Anggaran", r.nomor_baris, "induk_kode", "program tidak punya induk; kosongkan induk_kode"))
            continue
        if not r.induk_kode:
            if r.tingkat:
                masalah.append(Masalah("Anggaran", r.nomor_baris, "induk_kode", f"{r.tingkat} wajib punya induk ({induk_sah[r.tingkat]})"))
            continue
        induk = tingkat.get((r.instansi, r.tahun, r.induk_kode))
        if induk is None:
            sekeluarga = [k[2] for k in tingkat if k[0] == r.instansi and k[1] == r.tahun and k[2] != r.kode]
            masalah.append(Masalah("Anggaran", r.nomor_baris, "induk_kode", f"induk '{r.induk_kode}' tidak ada untuk tahun {r.tahun}."
                                   + saran(r.induk_kode, sekeluarga)))
        elif r.tingkat in induk_sah and induk != induk_sah[r.tingkat]:
            masalah.append(Masalah("Anggaran", r.nomor_baris, "induk_kode", f"induk {r.tingkat} harus {induk_sah[r.tingkat]}, "
                                   f"tetapi '{r.induk_kode}' adalah {induk}"))


def _petakan_kecamatan(df: pd.DataFrame, lembar: str, kabupaten: dict, peta: PetaKecamatan, masalah) -> None:
    kanonik = []
    for r in df.itertuples():
        if not r.kecamatan or r.instansi not in kabupaten:
            kanonik.append(r.kecamatan)
            continue
        nama, galat = peta.kanonik(kabupaten[r.instansi], r.kecamatan)
        if galat:
            masalah.append(Masalah(lembar, r.nomor_baris, "kecamatan", galat))
        kanonik.append(nama)
    df["kecamatan"] = pd.Series(kanonik, index=df.index, dtype="object")
    if "desa" in df.columns:
        df["desa"] = df["desa"].map(lambda d: d.title() if isinstance(d, str) else None).astype("object")


# ---- plan and commit ----------------------------------------------------------------------

def _baca_semua(berkas: list[tuple[str, bytes]]) -> tuple[list[BacaanBerkas], str, str]:
    bacaan = [baca_berkas(nama, isi=isi, nama_file=nama) for nama, isi in berkas]
    sidik = hashlib.sha256()
    for nama, isi in sorted(berkas):
        sidik.update(hashlib.sha256(isi).digest())
    return bacaan, ", ".join(nama for nama, _ in berkas), sidik.hexdigest()


def rencanakan(berkas: list[tuple[str, bytes]], con: duckdb.DuckDBPyConnection) -> Rencana:
    """Read, type and validate one import unit (one .xlsx, or several per-sheet .csv files)."""
    store.titik_uji("baca")
    bacaan, nama_file, sha = _baca_semua(berkas)
    rencana = Rencana(Path(nama_file).name if len(berkas) == 1 else nama_file, sha)
    for b in bacaan:
        rencana.masalah.extend(b.masalah)
        for nama, mentah in b.lembar.items():
            if nama in rencana.data:
                rencana.masalah.append(Masalah(nama, None, None, f"lembar {nama} diberikan lebih dari sekali"))
                continue
            rencana.data[nama] = _ketik_lembar(mentah, rencana.masalah)
    store.titik_uji("validasi")
    if any(len(df) for df in rencana.data.values()):
        _validasi_silang(rencana.data, con, rencana.masalah)
    elif not rencana.galat:
        rencana.masalah.append(Masalah("", None, None, "berkas tidak berisi baris data: lembar yang dikenal kosong atau "
                                       "hanya berisi baris judul"))
    return rencana


def _bingkai_tabel(rencana: Rencana) -> list[tuple[str, pd.DataFrame]]:
    """The sheets' rows in table layout, in write order."""
    hasil = []
    for tabel in store.TABEL_DATA:
        if tabel == "anggaran_triwulan":
            continue
        nama = next((n for n, l in LEMBAR_BERNAMA.items() if l.tabel == tabel), None)
        if nama not in rencana.data:
            continue
        df = rencana.data[nama].copy()
        if tabel in ("indikator", "anggaran"):
            df["urutan"] = df["nomor_baris"]
        if tabel == "skala_predikat":
            df["urutan"] = df.groupby("nama").cumcount()
            df["inklusif"] = df["inklusif"].eq("ya")
        if tabel == "anggaran":
            tw = df[["instansi", "tahun", "kode", *_KOLOM_TRIWULAN]].melt(
                         id_vars=["instansi", "tahun", "kode"], value_vars=list(_KOLOM_TRIWULAN),
                         var_name="triwulan", value_name="realisasi").dropna(subset=["realisasi"])
            tw["triwulan"] = tw["triwulan"].str[-1].astype(int)
            df = df.drop(columns=list(_KOLOM_TRIWULAN))
            hasil.append((tabel, df.drop(columns=["nomor_baris"])))
            hasil.append(("anggaran_triwulan", tw))
            continue
        hasil.append((tabel, df.drop(columns=["nomor_baris"])))
    return hasil


def _terapkan(con: duckdb.DuckDBPyConnection, rencana: Rencana, impor_id: int | None = None) -> dict[str, dict[str, int]]:
    return {tabel: store.tulis_tabel(con, tabel, df, impor_id) for tabel, df in _bingkai_tabel(rencana)}


def pratinjau(berkas: list[tuple[str, bytes]], db: str | Path = store.DB_BAWAAN) -> Rencana:
    """The preview: problems and rows added/changed/unchanged, computed on a scratch copy."""
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "pratinjau.duckdb"
        if Path(db).exists():
            shutil.copy2(db, salinan)
        con = store.buka(salinan, read_only=False)
        try:
            rencana = rencanakan(berkas, con)
            if rencana.sah:
                rencana.perubahan = _terapkan(con, rencana)
        finally:
            con.close()
    return rencana


def _pesan(rencana: Rencana) -> str:
    return json.dumps([{"lembar": m.lembar, "baris": m.baris, "kolom": m.kolom, "pesan": m.pesan, "tingkat": m.tingkat}
                       for m in rencana.masalah], ensure_ascii=False)


def impor_data(berkas: list[tuple[str, bytes]], db: str | Path = store.DB_BAWAAN, bawaan: bool = False) -> HasilImpor:
    """Import one unit. With any error nothing but the `impor` log row changes. What it replaces
    is kept in the same transaction, so `batalkan_terakhir` can undo it.

    `bawaan`: a workbook shipped in data/, recorded as such; rows that its earlier loads added
    and this version no longer has are removed (and kept for undo). Other rows are never removed."""
    with store.transaksi_tulis(db) as con:
        nomor = store.nomor_impor_berikut(con)
        rencana = rencanakan(berkas, con)
        if bawaan:
            rencana.nama_file = AWALAN_BAWAAN + rencana.nama_file
        if not rencana.sah:
            status = "ditolak"
        else:
            rencana.perubahan = _terapkan(con, rencana, nomor)
            if bawaan:
                asal, _ = store.impor_berkas_bawaan(con, _nama_bawaan(rencana.nama_file))
                for tabel, n in store.hapus_usang(con, nomor, asal).items():
                    rencana.perubahan.setdefault(tabel, {"baru": 0, "berubah": 0, "sama": 0})["berubah"] += n
            hitung = rencana.jumlah()
            status = "berhasil" if hitung.get("baru", 0) + hitung.get("berubah", 0) else "tanpa perubahan"
        store.catat_impor(con, rencana.nama_file, rencana.sha256, status, rencana.jumlah(), _pesan(rencana), nomor)
        store.titik_uji("tulis")
    return HasilImpor(rencana, status, nomor)


@dataclass
class HasilBatal:
    pesan: str                       # what happened, for the page and the command line
    dibatalkan: int | None = None    # the import undone
    nomor: int | None = None         # the `impor` row recording the undo
    perubahan: dict[str, dict[str, int]] = field(default_factory=dict)


def batalkan_terakhir(db: str | Path = store.DB_BAWAAN, harapan: int | None = None) -> HasilBatal:
    """The `undo` command: reverse the latest import still in effect, recorded in `impor` (that
    import becomes 'dibatalkan', a new 'pembatalan' row says what was restored). With `harapan`
    nothing happens unless that import is still the latest (someone else may have imported)."""
    with store.transaksi_tulis(db) as con:
        target = store.impor_terakhir(con)
        if target is None:
            return HasilBatal("tidak ada impor yang dapat dibatalkan")
        nomor_target = int(target["id"])
        if harapan is not None and harapan != nomor_target:
            return HasilBatal(f"impor terakhir sekarang #{nomor_target}, bukan #{harapan}; periksa riwayat lalu coba lagi")
        if not target["ada_riwayat"]:
            return HasilBatal(f"impor #{nomor_target} ({target['nama_file']}) tidak menyimpan riwayat perubahan (impor massal, "
                              "atau dibuat sebelum riwayat disimpan) sehingga tidak dapat dibatalkan")
        perubahan = store.batalkan_impor(con, nomor_target)
        dihapus = sum(h["dihapus"] for h in perubahan.values())
        dipulihkan = sum(h["dipulihkan"] for h in perubahan.values())
        pesan = (f"impor #{nomor_target} ({target['nama_file']}) dibatalkan: {dihapus} baris tambahannya dihapus, "
                 f"{dipulihkan} baris yang diubahnya dikembalikan")
        nomor = store.catat_impor(con, f"pembatalan impor #{nomor_target}: {target['nama_file']}", target["sha256"],
                                  "pembatalan", {"baru": 0, "berubah": dihapus + dipulihkan, "sama": 0},
                                  json.dumps({"membatalkan": nomor_target, "tabel": perubahan}, ensure_ascii=False))
    return HasilBatal(pesan, nomor_target, nomor, perubahan)


def kelompokkan(berkas: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes]]]:
    """Each .xlsx is one import; all .csv files given together form one import."""
    csv = [b for b in berkas if b[0].lower().endswith(".csv")]
    return [[b] for b in berkas if b not in csv] + ([csv] if csv else [])


def _baca_jalur(jalur: list[str | Path]) -> list[tuple[str, bytes]]:
    """Each file's bytes; past the size cap only enough to know it is too big."""
    hasil = []
    for j in map(Path, jalur):
        try:
            with open(j, "rb") as f:
                hasil.append((str(j), f.read(UKURAN_MAKS + 1)))
        except OSError:
            hasil.append((str(j), b""))
    return hasil


def impor_berkas(jalur: list[str | Path], db: str | Path = store.DB_BAWAAN) -> list[HasilImpor]:
    """The `import` command: import each unit in turn."""
    return [impor_data(unit, db) for unit in kelompokkan(_baca_jalur(jalur))]


AWALAN_BAWAAN = "data bawaan: "


def _nama_bawaan(nama_file: str) -> tuple[str, str]:
    """The names a shipped workbook's loads are recorded under (before this prefix, the bare name)."""
    polos = nama_file.removeprefix(AWALAN_BAWAAN)
    return AWALAN_BAWAAN + polos, polos


def workbook_bawaan(folder: Path = store.AKAR / "data") -> list[Path]:
    return sorted(folder.glob("*.xlsx"))


def _sidik_berkas(jalur: Path) -> str:
    return _baca_semua([(str(jalur), jalur.read_bytes())])[2]


def bawaan_berubah(db: str | Path = store.DB_BAWAAN, folder: Path = store.AKAR / "data") -> tuple[list[Path], bool]:
    """The shipped workbooks not yet loaded in this version, and whether the shipped kecamatan
    list changed since it was loaded. A missing database: every workbook."""
    db, semua = Path(db), workbook_bawaan(folder)
    if not db.exists():
        return semua, True
    con = store.buka(db, read_only=True)
    try:
        berubah = [w for w in semua if store.impor_berkas_bawaan(con, _nama_bawaan(w.name))[1] != _sidik_berkas(w)]
        alias = folder / "kecamatan_alias.csv"
        alias_berubah = alias.exists() and store.baca_meta(con, "sha256_kecamatan_alias") != hashlib.sha256(alias.read_bytes()).hexdigest()
    finally:
        con.close()
    return berubah, alias_berubah


def perlu_dibangun(db: str | Path = store.DB_BAWAAN, folder: Path = store.AKAR / "data") -> bool:
    berubah, alias_berubah = bawaan_berubah(db, folder)
    return bool(berubah) or alias_berubah


def bangun(db: str | Path = store.DB_BAWAAN, folder: Path = store.AKAR / "data") -> list[HasilImpor]:
    """The `build` command. Never loses an import: a new database is made from the workbooks in
    data/; an existing one gets each shipped workbook that changed since it was loaded as an
    ordinary import (recorded, undoable) that replaces only what that workbook brought before,
    and the shipped kecamatan list when it changed. Every other agency and the history stay."""
    db = Path(db)
    if not db.exists():
        return _bangun_baru(db, folder)
    berubah, alias_berubah = bawaan_berubah(db, folder)
    if alias_berubah and not berubah:
        with store.transaksi_tulis(db):   # opening for writing loads the shipped list
            pass
    return [impor_data([(str(w), w.read_bytes())], db, bawaan=True) for w in berubah]


def _bangun_baru(db: Path, folder: Path) -> list[HasilImpor]:
    """All shipped workbooks into a new file that replaces `db` only when every one imported."""
    baru = db.with_name(db.name + ".build")
    baru.unlink(missing_ok=True)
    hasil = [impor_data([(str(w), w.read_bytes())], baru, bawaan=True) for w in workbook_bawaan(folder)]
    if all(h.status != "ditolak" for h in hasil):
        baru.replace(db)
    else:
        baru.unlink(missing_ok=True)
    return hasil


def bangun_ulang(db: str | Path = store.DB_BAWAAN, folder: Path = store.AKAR / "data") -> tuple[list[HasilImpor], Path | None]:
    """`build --ganti-semua`: start over from the shipped workbooks alone. The old file is kept
    beside it as a dated copy (returned), so even this explicit request loses nothing."""
    db = Path(db)
    cadangan = None
    if db.exists():
        cadangan = db.with_name(f"{db.name}.cadangan-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(db, cadangan)
    hasil = _bangun_baru(db.with_name(db.name + ".ulang"), folder)
    if all(h.status != "ditolak" for h in hasil):
        db.with_name(db.name + ".ulang").replace(db)
    return hasil, cadangan
