"""Importing workbooks: validate everything, report all problems at once, commit all or nothing.

`rencanakan` reads files, types and checks them (validasi.py, by the rules of aturan.py) and
computes what would change (the preview);
`impor_berkas` commits a valid plan in one copy-on-write transaction and records every attempt
in `impor`; `bangun` rebuilds the database from the workbooks shipped in data/.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from sakip_calc import store
from sakip_calc.access import peran
from sakip_calc.access.peran import Pelaku
from sakip_calc.calc import analisis
from sakip_calc.domain.spesifikasi import LEMBAR_BERNAMA
from sakip_calc.ingest import aturan_wilayah, jaga, konvensi, ragu, validasi
from sakip_calc.ingest.baca import UKURAN_MAKS, BacaanBerkas, Masalah, baca_berkas
from sakip_calc.ingest.validasi import cek_skala  # noqa: F401  (tests/test_properti.py imports it from here)

_KOLOM_TRIWULAN = ("realisasi_tw1", "realisasi_tw2", "realisasi_tw3", "realisasi_tw4")


@dataclass
class Rencana:
    """What an import would do: typed rows per sheet, the problems, the counts per table."""

    nama_file: str
    sha256: str
    masalah: list[Masalah] = field(default_factory=list)
    data: dict[str, pd.DataFrame] = field(default_factory=dict)
    perubahan: dict[str, dict[str, int]] = field(default_factory=dict)
    ejaan_baru: list[aturan_wilayah.EjaanBaru] = field(default_factory=list)  # confirmable as aliases
    cara_baca: dict[tuple[str, str], str] = field(default_factory=dict)  # choices that decided a number
    tanya_baca: dict[tuple[str, str], list] = field(default_factory=dict)  # numbers the user decides
    instansi_baru: list[str] = field(default_factory=list)  # their conventions are asked (konvensi.py)
    akibat: dict[str, tuple] = field(default_factory=dict)  # new agency -> analisis.akibat_konvensi

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
    status: str  # berhasil | tanpa perubahan | ditolak
    impor_id: int


# ---- plan and commit ----------------------------------------------------------------------


def _baca_semua(berkas: list[tuple[str, bytes]]) -> tuple[list[BacaanBerkas], str, str]:
    bacaan = [baca_berkas(nama, isi=isi, nama_file=nama) for nama, isi in berkas]
    sidik = hashlib.sha256()
    for _nama, isi in sorted(berkas):
        sidik.update(hashlib.sha256(isi).digest())
    return bacaan, ", ".join(nama for nama, _ in berkas), sidik.hexdigest()


Pilihan = dict[tuple[str, str], str]  # (sheet, column) -> 'ribuan' | 'desimal' (ragu.py)


def nama_unit(berkas: list[tuple[str, bytes]]) -> str:
    """The name an import unit is recorded (and its reading choices remembered) under."""
    return Path(berkas[0][0]).name if len(berkas) == 1 else ", ".join(nama for nama, _ in berkas)


def baca_unit(berkas: list[tuple[str, bytes]]) -> Rencana:
    """Read and type one import unit (one .xlsx, or several per-sheet .csv files): the part of the
    plan that needs no database."""
    bacaan, _, sha = _baca_semua(berkas)
    rencana = Rencana(nama_unit(berkas), sha)
    for b in bacaan:
        rencana.masalah.extend(b.masalah)
        for nama, mentah in b.lembar.items():
            if nama in rencana.data:
                rencana.masalah.append(Masalah(nama, None, None, f"lembar {nama} diberikan lebih dari sekali"))
                continue
            rencana.data[nama] = validasi.ketik_lembar(mentah, rencana.masalah)
    return rencana


@contextlib.contextmanager
def _dibaca_sambil(berkas: list[tuple[str, bytes]]) -> Iterator[Future]:
    """`baca_unit` in a thread while the caller copies the database (copy-on-write): the copy is
    kernel work outside the GIL, so on two cores the reading costs no wall time."""
    with ThreadPoolExecutor(1, thread_name_prefix="baca-impor") as kerja:
        yield kerja.submit(baca_unit, berkas)


def rencanakan(
    berkas: list[tuple[str, bytes]],
    con: duckdb.DuckDBPyConnection,
    pilihan: Pilihan | None = None,
    jawaban: konvensi.Jawaban | None = None,
    tanya: bool = True,
    dibaca: Future | None = None,
) -> Rencana:
    """Read, type (`baca_unit`, or its run in a thread: `dibaca`) and validate one import unit.
    `pilihan`: how to read the ambiguous numbers of a column, over the choices remembered for the
    file; `jawaban`: the conventions of new agencies, asked unless `tanya` is False (konvensi.py)."""
    # crash-test points in this thread, the copy made: 'baca' while the workbook may still be read
    store.titik_uji("baca")
    rencana = dibaca.result() if dibaca else baca_unit(berkas)
    store.titik_uji("validasi")
    pilihan = {**store.cara_baca(con, rencana.nama_file), **(pilihan or {})}
    rencana.cara_baca, rencana.tanya_baca = ragu.putuskan(rencana.data, rencana.masalah, con, pilihan)
    rencana.instansi_baru = konvensi.terapkan(rencana.data, con, jawaban, rencana.masalah if tanya else [])
    if any(len(df) for df in rencana.data.values()):
        rencana.ejaan_baru = validasi.validasi_silang(rencana.data, con, rencana.masalah)
    elif not rencana.galat:
        rencana.masalah.append(
            Masalah(
                "",
                None,
                None,
                "berkas tidak berisi baris data: lembar yang dikenal kosong atau hanya berisi baris judul",
            )
        )
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
        if tabel == "jenis_wilayah":
            df["dapat_dijumlah"] = df["dapat_dijumlah"].ne("tidak")
        if tabel == "anggaran":
            tw = (
                df[["instansi", "tahun", "kode", *_KOLOM_TRIWULAN]]
                .melt(
                    id_vars=["instansi", "tahun", "kode"],
                    value_vars=list(_KOLOM_TRIWULAN),
                    var_name="triwulan",
                    value_name="realisasi",
                )
                .dropna(subset=["realisasi"])
            )
            tw["triwulan"] = tw["triwulan"].str[-1].astype(int)
            df = df.drop(columns=list(_KOLOM_TRIWULAN))
            hasil.append((tabel, df.drop(columns=["nomor_baris"])))
            hasil.append(("anggaran_triwulan", tw))
            continue
        hasil.append((tabel, df.drop(columns=["nomor_baris"])))
    return hasil


def _terapkan(
    con: duckdb.DuckDBPyConnection, rencana: Rencana, impor_id: int | None = None
) -> dict[str, dict[str, int]]:
    return {tabel: store.tulis_tabel(con, tabel, df, impor_id) for tabel, df in _bingkai_tabel(rencana)}


def pratinjau(
    berkas: list[tuple[str, bytes]],
    db: str | Path = store.DB_BAWAAN,
    pelaku: Pelaku | None = None,
    pilihan: Pilihan | None = None,
    jawaban: konvensi.Jawaban | None = None,
) -> Rencana:
    """The preview: problems and rows added/changed/unchanged, computed on a scratch copy, and
    whether `pelaku` may make those changes (the import itself checks again)."""
    with tempfile.TemporaryDirectory() as tmp, _dibaca_sambil(berkas) as dibaca:
        salinan = Path(tmp) / "pratinjau.duckdb"
        if Path(db).exists():
            store.salin_berkas(db, salinan)
        con = store.buka(salinan, read_only=False)
        try:
            rencana = rencanakan(berkas, con, pilihan, jawaban, dibaca=dibaca)
            # an unanswered convention alone still previews: its answers' effects need the rows applied
            if all(isinstance(m, konvensi.KonvensiKurang) for m in rencana.galat):
                nomor = store.nomor_impor_berikut(con)
                rencana.perubahan = _terapkan(con, rencana, nomor)
                skala = sorted(store.skala_predikat(con)["nama"].unique())
                for kode in rencana.instansi_baru:
                    rencana.akibat[kode] = analisis.akibat_konvensi(con, analisis.id_instansi(con, kode), skala)
            if rencana.sah:
                cakupan = store.cakupan_impor(con, nomor)
                alasan = peran.tolak_tulis(jaga.atau_konsol(pelaku), "impor", cakupan, jaga.status(con))
                rencana.masalah.extend(Masalah("", None, None, a) for a in alasan)
        finally:
            con.close()
    return rencana


def _pesan(rencana: Rencana) -> str:
    return json.dumps(
        [
            {"lembar": m.lembar, "baris": m.baris, "kolom": m.kolom, "pesan": m.pesan, "tingkat": m.tingkat}
            for m in rencana.masalah
        ],
        ensure_ascii=False,
    )


def impor_data(
    berkas: list[tuple[str, bytes]],
    db: str | Path = store.DB_BAWAAN,
    bawaan: bool = False,
    pelaku: Pelaku | None = None,
    pilihan: Pilihan | None = None,
    jawaban: konvensi.Jawaban | None = None,
) -> HasilImpor:
    """Import one unit. With any error nothing but the `impor` log row changes. What it replaces
    is kept in the same transaction, so `batalkan_terakhir` can undo it. `pelaku` (the console when
    None) must be allowed to change every agency-year whose rows change, none of them final
    (`jaga.periksa`); it is recorded in `impor` and in the audit.

    `bawaan`: a workbook shipped in data/, recorded as such; rows that its earlier loads added
    and this version no longer has are removed (and kept for undo). Other rows are never removed."""
    p = jaga.atau_konsol(pelaku)
    try:
        with _dibaca_sambil(berkas) as dibaca, store.transaksi_tulis(db) as con:
            nomor = store.nomor_impor_berikut(con)
            # a shipped workbook's Instansi sheet is its conventions as its maintainers stated them
            rencana = rencanakan(berkas, con, pilihan, jawaban, tanya=not bawaan, dibaca=dibaca)
            if bawaan:
                rencana.nama_file = AWALAN_BAWAAN + rencana.nama_file
            cakupan: store.Cakupan = {}
            if not rencana.sah:
                status = "ditolak"
            else:
                rencana.perubahan = _terapkan(con, rencana, nomor)
                if bawaan:
                    asal, _ = store.impor_berkas_bawaan(con, _nama_bawaan(rencana.nama_file))
                    for tabel, n in store.hapus_usang(con, nomor, asal).items():
                        rencana.perubahan.setdefault(tabel, {"baru": 0, "berubah": 0, "sama": 0})["berubah"] += n
                cakupan = store.cakupan_impor(con, nomor)
                jaga.periksa(con, p, "impor", cakupan)
                store.simpan_cara_baca(con, rencana.nama_file, rencana.cara_baca, p.nama)
                hitung = rencana.jumlah()
                status = "berhasil" if hitung.get("baru", 0) + hitung.get("berubah", 0) else "tanpa perubahan"
            # its history rows name every agency whose rows changed: only theirs are recomputed
            store.batasi_turunan(con, (k for k, _ in cakupan))
            store.catat_impor(
                con,
                rencana.nama_file,
                rencana.sha256,
                status,
                rencana.jumlah(),
                _pesan(rencana),
                nomor,
                p.nama,
                p.alamat,
            )
            jaga.catat(con, p, "impor", cakupan, f"impor #{nomor} {rencana.nama_file}: {status}")
            store.titik_uji("tulis")
    except jaga.Ditolak as e:
        # rolled back: the data stay as they were; the refused attempt is recorded on its own
        rencana.masalah.extend(Masalah("", None, None, a) for a in e.alasan)
        rencana.perubahan, status = {}, "ditolak"
        with store.transaksi_tulis(db) as con:
            store.batasi_turunan(con, ())  # no data row changes
            store.catat_impor(
                con, rencana.nama_file, rencana.sha256, status, {}, _pesan(rencana), nomor, p.nama, p.alamat
            )
            jaga.audit(con, p, "impor ditolak", e.cakupan, f"impor #{nomor} {rencana.nama_file}: {'; '.join(e.alasan)}")
    return HasilImpor(rencana, status, nomor)


@dataclass
class HasilBatal:
    pesan: str  # what happened, for the page and the command line
    dibatalkan: int | None = None  # the import undone
    nomor: int | None = None  # the `impor` row recording the undo
    perubahan: dict[str, dict[str, int]] = field(default_factory=dict)


def batalkan_terakhir(
    db: str | Path = store.DB_BAWAAN, harapan: int | None = None, pelaku: Pelaku | None = None
) -> HasilBatal:
    """The `undo` command: reverse the latest import still in effect, recorded in `impor` (that
    import becomes 'dibatalkan', a new 'pembatalan' row says what was restored). With `harapan`
    nothing happens unless that import is still the latest (someone else may have imported).
    `pelaku` must be allowed to change every agency-year the import changed, none final."""
    p = jaga.atau_konsol(pelaku)
    with store.transaksi_tulis(db) as con:
        target = store.impor_terakhir(con)
        if target is None:
            return HasilBatal("tidak ada impor yang dapat dibatalkan")
        nomor_target = int(target["id"])
        if harapan is not None and harapan != nomor_target:
            return HasilBatal(
                f"impor terakhir sekarang #{nomor_target}, bukan #{harapan}; periksa riwayat lalu coba lagi"
            )
        if not target["ada_riwayat"]:
            return HasilBatal(
                f"impor #{nomor_target} ({target['nama_file']}) tidak menyimpan riwayat perubahan (impor massal, "
                "atau dibuat sebelum riwayat disimpan) sehingga tidak dapat dibatalkan"
            )
        cakupan = store.cakupan_impor(con, nomor_target)
        if alasan := peran.tolak_tulis(p, "batal", cakupan, jaga.status(con)):
            jaga.audit(con, p, "pembatalan ditolak", cakupan, f"impor #{nomor_target}: {'; '.join(alasan)}")
            return HasilBatal(f"impor #{nomor_target} tidak dapat dibatalkan: {'; '.join(alasan)}")
        perubahan = store.batalkan_impor(con, nomor_target)
        store.batasi_turunan(con, (k for k, _ in cakupan))  # the rows it restores are the ones it changed
        dihapus = sum(h["dihapus"] for h in perubahan.values())
        dipulihkan = sum(h["dipulihkan"] for h in perubahan.values())
        pesan = (
            f"impor #{nomor_target} ({target['nama_file']}) dibatalkan: {dihapus} baris tambahannya dihapus, "
            f"{dipulihkan} baris yang diubahnya dikembalikan"
        )
        nomor = store.catat_impor(
            con,
            f"pembatalan impor #{nomor_target}: {target['nama_file']}",
            target["sha256"],
            "pembatalan",
            {"baru": 0, "berubah": dihapus + dipulihkan, "sama": 0},
            json.dumps({"membatalkan": nomor_target, "tabel": perubahan}, ensure_ascii=False),
            akun=p.nama,
            alamat=p.alamat,
        )
        jaga.catat(con, p, "pembatalan", cakupan, f"pembatalan impor #{nomor_target} {target['nama_file']}")
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


def impor_berkas(
    jalur: list[str | Path],
    db: str | Path = store.DB_BAWAAN,
    pelaku: Pelaku | None = None,
    pilihan: Pilihan | None = None,
    jawaban: konvensi.Jawaban | None = None,
) -> list[HasilImpor]:
    """The `import` command: import each unit in turn."""
    unit = kelompokkan(_baca_jalur(jalur))
    return [impor_data(u, db, pelaku=pelaku, pilihan=pilihan, jawaban=jawaban) for u in unit]


AWALAN_BAWAAN = "data bawaan: "


def _nama_bawaan(nama_file: str) -> tuple[str, str]:
    """The names a shipped workbook's loads are recorded under (before this prefix, the bare name)."""
    polos = nama_file.removeprefix(AWALAN_BAWAAN)
    return AWALAN_BAWAAN + polos, polos
