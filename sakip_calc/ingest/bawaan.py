"""The `build` command: the shipped workbooks in data/ into the default database, without ever
losing an import (see `bangun`)."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from sakip_calc import store
from sakip_calc.ingest.impor import HasilImpor, _baca_semua, _nama_bawaan, impor_data


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
        alias_berubah = (
            alias.exists()
            and store.baca_meta(con, "sha256_kecamatan_alias") != hashlib.sha256(alias.read_bytes()).hexdigest()
        )
    finally:
        con.close()
    return berubah, alias_berubah


def perlu_dibangun(db: str | Path = store.DB_BAWAAN, folder: Path = store.AKAR / "data") -> bool:
    berubah, alias_berubah = bawaan_berubah(db, folder)
    return bool(berubah) or alias_berubah or (Path(db).exists() and store.turunan_basi(db))


def bangun(db: str | Path = store.DB_BAWAAN, folder: Path = store.AKAR / "data") -> list[HasilImpor]:
    """The `build` command. Never loses an import: a new database is made from the workbooks in
    data/; an existing one gets each shipped workbook that changed since it was loaded as an
    ordinary import (recorded, undoable) that replaces only what that workbook brought before,
    and the shipped kecamatan list when it changed. Every other agency and the history stay."""
    db = Path(db)
    if not db.exists():
        return _bangun_baru(db, folder)
    berubah, alias_berubah = bawaan_berubah(db, folder)
    if (alias_berubah or store.turunan_basi(db)) and not berubah:
        # opening for writing loads the shipped list and recomputes derived tables of other code
        with store.transaksi_tulis(db):
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


def bangun_ulang(
    db: str | Path = store.DB_BAWAAN, folder: Path = store.AKAR / "data"
) -> tuple[list[HasilImpor], Path | None]:
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
