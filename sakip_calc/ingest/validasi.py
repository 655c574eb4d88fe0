"""Workbook sheets typed cell by cell (the rules of aturan.py) and checked across sheets and
against the database: duplicates, agencies, scales, Renstra periods, indicator codes, budget
parents, kecamatan names. Problems are appended to the caller's list; nothing is written.

The bulk path checks the same references in SQL (store/rujukan_massal.py); tests/test_dua_jalur.py
feeds the same rows, good and bad, through both and finds the same problems.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb
import pandas as pd

from sakip_calc import store
from sakip_calc.domain.skala import SKALA_BAWAAN
from sakip_calc.domain.spesifikasi import (
    DESIMAL,
    JENIS_WILAYAH,
    JUMLAH,
    LEMBAR_BERNAMA,
    PERSEN,
    RUPIAH,
    TAHUN,
    TRIWULAN,
)
from sakip_calc.ingest import aturan, aturan_wilayah, dtsen
from sakip_calc.ingest.baca import LembarMentah, Masalah, saran
from sakip_calc.store import rujukan_wilayah

_ANGKA = (RUPIAH, PERSEN, DESIMAL, JUMLAH, TAHUN, TRIWULAN)


def ketik_lembar(mentah: LembarMentah, masalah: list[Masalah]) -> pd.DataFrame:
    lembar = mentah.lembar
    baris = []
    for nomor, sel in mentah.baris:
        rekam: dict[str, object] = {"nomor_baris": nomor}
        for kolom in lembar.kolom:
            rekam[kolom.nama] = aturan.ketik(kolom, sel.get(kolom.nama), lembar.nama, nomor, masalah)
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


def _instansi_kabkota(df: pd.DataFrame, db_instansi: pd.DataFrame, lembar: str, masalah: list[Masalah]) -> None:
    """Rows of a layout that names a kabupaten/kota instead of an agency (DTSEN: `kabkota:33.28`)
    belong to the agency whose name points at that kabupaten/kota."""
    tanda = df["instansi"].astype("string").str.startswith(dtsen.AWALAN_INSTANSI).fillna(False)
    per_kode: dict[str | None, list[str]] = defaultdict(list)
    for r in db_instansi.itertuples() if tanda.any() else ():
        kode = getattr(r, "kabkota_kode", None)  # stored since migration 3; else from the agency's name
        per_kode[kode if isinstance(kode, str) else rujukan_wilayah.kabkota_instansi(r.nama, r.kabupaten)].append(
            r.kode
        )
    for tulisan in df.loc[tanda, "instansi"].unique():
        kode = tulisan.removeprefix(dtsen.AWALAN_INSTANSI)
        calon = per_kode.get(kode, [])
        if len(calon) == 1:
            df.loc[df["instansi"] == tulisan, "instansi"] = calon[0]
            continue
        nama = rujukan_wilayah.cari_kabkota(kode)["nama"].iloc[0]
        pesan = "lebih dari satu instansi (" + ", ".join(calon) + ")" if calon else "tidak ada instansi"
        baris = int(df.loc[df["instansi"] == tulisan, "nomor_baris"].min())
        masalah.append(Masalah(lembar, baris, "instansi", f"{pesan} untuk {nama} ({kode}) di basis data"))


def validasi_silang(
    data: dict[str, pd.DataFrame], con: duckdb.DuckDBPyConnection, masalah: list[Masalah]
) -> list[aturan_wilayah.EjaanBaru]:
    """Checks across sheets and against the database; returns the place names not in the official
    list, which an admin may confirm as other spellings (impor.konfirmasi_ejaan)."""
    db_instansi = store.instansi(con)
    for nama in ("Wilayah", "Batas"):  # DTSEN rows and GeoJSON polygons name a kabupaten/kota
        if nama in data:
            _instansi_kabkota(data[nama], db_instansi, nama, masalah)
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
                masalah.append(
                    Masalah(
                        nama,
                        r.nomor_baris,
                        "instansi",
                        f"instansi '{r.instansi}' tidak ada di lembar Instansi "
                        "maupun di basis data." + saran(r.instansi, list(kabupaten)),
                    )
                )
    if "Instansi" in data:
        for r in data["Instansi"].itertuples():
            if r.skala_predikat and r.skala_predikat not in skala:
                masalah.append(
                    Masalah(
                        "Instansi",
                        r.nomor_baris,
                        "skala_predikat",
                        f"skala '{r.skala_predikat}' tidak dikenal; "
                        "skala: " + ", ".join(sorted(skala)) + "." + saran(r.skala_predikat, sorted(skala)),
                    )
                )
    if "Skala" in data:
        cek_skala(data["Skala"], store.skala_predikat(con), masalah)
    if "Indikator" in data:
        for r in data["Indikator"].itertuples():
            if pd.notna(r.periode_awal) and pd.notna(r.periode_akhir) and r.periode_awal > r.periode_akhir:
                masalah.append(
                    Masalah(
                        "Indikator",
                        r.nomor_baris,
                        "periode_akhir",
                        f"periode_akhir {r.periode_akhir} sebelum periode_awal {r.periode_awal}",
                    )
                )
    _cek_jenis(data, store.kode_jenis_wilayah(con), masalah)
    _cek_indikator_dikenal(data, con, set(kabupaten), masalah)
    _cek_induk_anggaran(data, con, masalah)
    alias_lama = store.alias_kecamatan(con)
    kabkota = _kabkota(data, db_instansi, set(alias_lama["kabupaten"].map(aturan.normal_nama)), masalah)
    peta = aturan_wilayah.PetaWilayah(alias_lama, store.alias_wilayah(con))
    for nama in ("Wilayah", "AngkaLaporan", "Batas"):
        if nama in data:
            _petakan_wilayah(data[nama], nama, kabkota, peta, masalah)
            # one place spelt two ways in one sheet is a duplicate once the names are mapped
            _duplikat(data[nama], nama, LEMBAR_BERNAMA[nama].kunci, masalah)
    return list(peta.ejaan_baru.values())


def cek_skala(df: pd.DataFrame, tersimpan: pd.DataFrame, masalah: list[Masalah]) -> None:
    """Every score falls in exactly one band only if, down the sheet, lower bounds strictly
    decrease, the last band has none, and no band of the scale is left over from before."""
    for nama, grup in df[df["nama"].notna()].groupby("nama", sort=False):
        batas, nomor = grup["batas_bawah"].tolist(), grup["nomor_baris"].tolist()
        inklusif = [v is True or v == "ya" for v in grup["inklusif"]]
        for i, b in enumerate(batas):
            if i == len(batas) - 1:
                if pd.notna(b):
                    masalah.append(
                        Masalah(
                            "Skala",
                            nomor[i],
                            "batas_bawah",
                            f"predikat terbawah skala '{nama}' harus tanpa "
                            "batas_bawah (kosong) agar setiap skor, juga yang terendah, mendapat predikat",
                        )
                    )
            elif pd.isna(b):
                masalah.append(
                    Masalah(
                        "Skala",
                        nomor[i],
                        "batas_bawah",
                        f"hanya predikat terbawah skala '{nama}' yang boleh "
                        "tanpa batas_bawah; tulis predikat dari yang tertinggi ke yang terendah",
                    )
                )
            # equal bounds are one band holding only that score: '>= b' under '> b'
            elif (
                i
                and pd.notna(batas[i - 1])
                and not (b < batas[i - 1] or (b == batas[i - 1] and inklusif[i] and not inklusif[i - 1]))
            ):
                masalah.append(
                    Masalah(
                        "Skala",
                        nomor[i],
                        "batas_bawah",
                        f"batas_bawah {b:g} harus lebih kecil dari {batas[i - 1]:g} "
                        f"(baris {nomor[i - 1]}): predikat ditulis dari yang tertinggi ke yang terendah",
                    )
                )
        lain = set(tersimpan.loc[tersimpan["nama"] == nama, "kode"]) - set(grup["kode"])
        if lain:
            masalah.append(
                Masalah(
                    "Skala",
                    nomor[0],
                    "kode",
                    f"skala '{nama}' di basis data juga punya predikat "
                    f"{', '.join(sorted(lain))}; sertakan semua predikat skala ini di lembar Skala",
                )
            )


def cek_jenis(wilayah: pd.DataFrame, jenis: pd.DataFrame, dikenal: list[str], lembar: str = "Wilayah"):
    """Problems of the data kinds, as (sheet, row, column, message): a Jenis row may not redefine a
    built-in kind; an unknown `jenis` is one problem at its first row listing all its rows."""
    hasil = []
    bawaan = {j[0]: j[1:] for j in JENIS_WILAYAH}
    for r in jenis[jenis["kode"].isin(list(bawaan))].itertuples():
        # a built-in kind written as it is (an exported list) is no change; another definition is
        if (r.nama, r.kelompok, r.satuan) != bawaan[r.kode] or r.dapat_dijumlah == "tidak":
            hasil.append(("Jenis", r.nomor_baris, "kode", aturan.pesan_jenis_bawaan(r.kode)))
    semua = sorted(set(dikenal) | set(jenis["kode"].dropna()))
    tak = wilayah[wilayah["jenis"].notna() & ~wilayah["jenis"].isin(semua)]
    for kode, grup in tak.groupby("jenis", sort=True):
        baris = grup["nomor_baris"].tolist()
        hasil.append((lembar, min(baris), "jenis", aturan.pesan_jenis_tak_dikenal(kode, baris, semua)))
    return hasil


def _cek_jenis(data, dikenal: list[str], masalah) -> None:
    kosong = pd.DataFrame({"nomor_baris": [], "kode": [], "jenis": []})
    wilayah = data.get("Wilayah", kosong)
    masalah.extend(Masalah(*m) for m in cek_jenis(wilayah, data.get("Jenis", kosong), dikenal))


def _cek_indikator_dikenal(data, con, instansi: set[str], masalah) -> None:
    """Indicator codes of known agencies (a row of an unknown agency is reported once, for that)."""
    lembar = [n for n in ("Capaian", "Penjelasan") if n in data]
    if not lembar:
        return
    dikenal = store.kunci_indikator(con, sorted({i for n in lembar for i in data[n]["instansi"].dropna()}))
    kode = defaultdict(set)
    for r in dikenal.itertuples():
        kode[r.instansi].add(r.kode)
    if "Indikator" in data:
        for r in data["Indikator"].itertuples():
            kode[r.instansi].add(r.kode)
    for nama, r in ((n, r) for n in lembar for r in data[n].itertuples()):
        if r.indikator_kode and r.instansi in instansi and r.indikator_kode not in kode[r.instansi]:
            masalah.append(
                Masalah(
                    nama,
                    r.nomor_baris,
                    "indikator_kode",
                    f"kode indikator '{r.indikator_kode}' tidak ada di lembar "
                    f"Indikator maupun di basis data untuk {r.instansi}."
                    + saran(r.indikator_kode, sorted(kode[r.instansi])),
                )
            )


def _cek_induk_anggaran(data, con, masalah) -> None:
    if "Anggaran" not in data:
        return
    tingkat: dict[tuple, str] = {}
    for r in store.kunci_anggaran(con, sorted(data["Anggaran"]["instansi"].dropna().unique())).itertuples():
        tingkat[(r.instansi, r.tahun, r.kode)] = r.tingkat
    df = data["Anggaran"]
    for r in df.itertuples():
        tingkat[(r.instansi, r.tahun, r.kode)] = r.tingkat
    induk_sah = {"kegiatan": "program", "subkegiatan": "kegiatan"}
    for r in df.itertuples():
        if r.tingkat == "program":
            if r.induk_kode:
                masalah.append(
                    Masalah("Anggaran", r.nomor_baris, "induk_kode", "program tidak punya induk; kosongkan induk_kode")
                )
            continue
        if not r.induk_kode:
            if r.tingkat:
                masalah.append(
                    Masalah(
                        "Anggaran",
                        r.nomor_baris,
                        "induk_kode",
                        f"{r.tingkat} wajib punya induk ({induk_sah[r.tingkat]})",
                    )
                )
            continue
        induk = tingkat.get((r.instansi, r.tahun, r.induk_kode))
        if induk is None:
            sekeluarga = [k[2] for k in tingkat if k[0] == r.instansi and k[1] == r.tahun and k[2] != r.kode]
            masalah.append(
                Masalah(
                    "Anggaran",
                    r.nomor_baris,
                    "induk_kode",
                    f"induk '{r.induk_kode}' tidak ada untuk tahun {r.tahun}." + saran(r.induk_kode, sekeluarga),
                )
            )
        elif r.tingkat in induk_sah and induk != induk_sah[r.tingkat]:
            masalah.append(
                Masalah(
                    "Anggaran",
                    r.nomor_baris,
                    "induk_kode",
                    f"induk {r.tingkat} harus {induk_sah[r.tingkat]}, tetapi '{r.induk_kode}' adalah {induk}",
                )
            )


def _kabkota(data, db_instansi: pd.DataFrame, daftar_lama: set[str], masalah) -> dict:
    """Each agency's kabupaten/kota (aturan_wilayah.Kabkota): the sheet's rows are resolved (their
    codes join the Instansi rows, an unresolved one is an error); the database's are as stored."""
    hasil = {}
    for r in db_instansi.itertuples():
        hasil[r.kode] = aturan_wilayah.Kabkota(r.kabkota_kode, r.kabkota_jenis, r.kabupaten)
        if isinstance(r.kabkota_kode, str):  # missing is NaN (pandas string column), not None
            hasil[r.kode] = aturan_wilayah.Kabkota(r.kabkota_kode, r.kabkota_jenis, _nama_resmi(r.kabkota_kode))
    if "Instansi" in data:
        df = data["Instansi"]
        kode, jenis = [], []
        for r in df.itertuples():
            kab, galat = (None, None)
            if r.kabupaten:
                kab, galat = aturan_wilayah.tentukan_kabkota(r.kabupaten, r.nama, r.provinsi, daftar_lama)
            if galat:
                masalah.append(Masalah("Instansi", r.nomor_baris, "kabupaten", galat))
            hasil[r.kode] = kab
            kode.append(kab.kode if kab else None)
            jenis.append(kab.jenis if kab else None)
        df["kabkota_kode"] = pd.Series(kode, index=df.index, dtype="object")
        df["kabkota_jenis"] = pd.Series(jenis, index=df.index, dtype="object")
    return hasil


def _nama_resmi(kode: str) -> str:
    return aturan_wilayah.rujukan_wilayah.cari_kabkota(kode)["nama"].iloc[0]


def _petakan_wilayah(df: pd.DataFrame, lembar: str, kabkota: dict, peta, masalah) -> None:
    """Kecamatan and desa names to their official names and codes (aturan_wilayah), in place."""
    ada_desa = "desa" in df.columns
    hasil = []
    for r in df.itertuples():
        *tempat, galat = peta.petakan(kabkota.get(r.instansi), r.kecamatan, r.desa if ada_desa else None)
        masalah.extend(Masalah(lembar, r.nomor_baris, kolom, pesan) for kolom, pesan in galat)
        hasil.append(tempat)
    tempat = pd.DataFrame(hasil, columns=["kecamatan", "kecamatan_kode", "desa", "desa_kode"], index=df.index)
    for kolom in ("kecamatan", "kecamatan_kode", "desa", "desa_kode") if ada_desa else ("kecamatan",):
        df[kolom] = tempat[kolom].astype("object").where(tempat[kolom].notna(), None)
