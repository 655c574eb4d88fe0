"""Stored findings of the consistency checks: `temuan` (one row per disagreement), `rekonsiliasi`
(per agency-year and class: compared, reconciled, not) and `sidik_temuan` (a fingerprint of each
agency's rows when its findings were computed). The checks themselves are `calc.periksa`; every
write recomputes the findings of the agencies whose fingerprint changed, before it commits."""

from __future__ import annotations

import pandas as pd

from .dasar import _ada_tabel, _df
from .migrasi import baca_meta, tulis_meta

KUNCI_VERSI_TEMUAN = "versi_temuan"

# each agency's rows hashed: any insert, update or delete of its data changes it
_SQL_SIDIK = """
WITH h AS (
    SELECT id AS instansi_id, hash(i) AS h FROM instansi i WHERE true {saring_id}
    UNION ALL SELECT instansi_id, hash(d) FROM indikator d WHERE true {saring}
    UNION ALL SELECT d.instansi_id, hash(c) FROM capaian c JOIN indikator d ON d.id = c.indikator_id
               WHERE true {saring_d}
    UNION ALL SELECT instansi_id, hash(a) FROM anggaran a WHERE true {saring}
    UNION ALL SELECT instansi_id, hash(t) FROM anggaran_triwulan t WHERE true {saring}
    UNION ALL SELECT instansi_id, hash(w) FROM wilayah w WHERE true {saring}
    UNION ALL SELECT instansi_id, hash(b) FROM belanja b WHERE true {saring}
    UNION ALL SELECT instansi_id, hash(l) FROM angka_laporan l WHERE true {saring}
)
SELECT instansi_id, bit_xor(h)::VARCHAR || '-' || count(*) AS sidik FROM h GROUP BY instansi_id
"""


def instansi_berubah(con, versi: str, sebagian: bool = False) -> set[int]:
    """Agencies whose rows (or the checks' version) changed since their findings were stored:
    among all, or (`sebagian`) among those a write declared (`koneksi.batasi_turunan`), the
    others' rows being untouched. Findings of agencies that no longer exist are dropped here."""
    saring = {"saring": "", "saring_d": "", "saring_id": ""}
    if sebagian:
        saring = {
            k: f"AND {a} IN (SELECT instansi_id FROM turunan_id)"
            for k, a in (("saring", "instansi_id"), ("saring_d", "d.instansi_id"), ("saring_id", "id"))
        }
    con.execute(
        "CREATE OR REPLACE TEMP TABLE sidik_baru AS "
        f"SELECT instansi_id, sidik || '|' || ? AS sidik FROM ({_SQL_SIDIK.format(**saring)})",
        [versi],
    )
    if not sebagian:
        for t in ("temuan", "rekonsiliasi", "sidik_temuan"):
            con.execute(f"DELETE FROM {t} WHERE instansi_id NOT IN (SELECT instansi_id FROM sidik_baru)")
    baris = con.execute(
        "SELECT b.instansi_id FROM sidik_baru b LEFT JOIN sidik_temuan s USING (instansi_id) "
        "WHERE s.sidik IS DISTINCT FROM b.sidik"
    ).fetchall()
    return {r[0] for r in baris}


def simpan_temuan(con, ids: set[int], temuan: pd.DataFrame, rekonsiliasi: pd.DataFrame, versi: str) -> None:
    """Replace the stored findings of agencies `ids` (frames keyed by instansi kode; rows of other
    agencies are ignored) and record their new fingerprints."""
    con.execute("CREATE OR REPLACE TEMP TABLE ganti_id AS SELECT unnest(?::INTEGER[]) AS instansi_id", [sorted(ids)])
    for t in ("temuan", "rekonsiliasi", "sidik_temuan"):
        con.execute(f"DELETE FROM {t} WHERE instansi_id IN (SELECT instansi_id FROM ganti_id)")
    for tabel, df in (("temuan", temuan), ("rekonsiliasi", rekonsiliasi)):
        if df.empty:
            continue
        kolom = [c for c in df.columns if c != "instansi"]
        con.register("temuan_baru", df)
        con.execute(
            f"INSERT INTO {tabel} (instansi_id, {', '.join(kolom)}) "
            f"SELECT i.id, {', '.join('b.' + c for c in kolom)} "
            "FROM temuan_baru b JOIN instansi i ON i.kode = b.instansi "
            "WHERE i.id IN (SELECT instansi_id FROM ganti_id)"
        )
        con.unregister("temuan_baru")
    con.execute(
        "INSERT INTO sidik_temuan SELECT instansi_id, sidik FROM sidik_baru "
        "WHERE instansi_id IN (SELECT instansi_id FROM ganti_id)"
    )
    tulis_meta(con, KUNCI_VERSI_TEMUAN, versi)


def temuan_tersimpan(con, versi: str) -> bool:
    """The file holds findings computed by checks of this version (else: compute them live)."""
    return _ada_tabel(con, "temuan") and baca_meta(con, KUNCI_VERSI_TEMUAN) == versi


def baca_temuan(con, instansi_id: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, t.tahun, t.kelas, t.tabel, t.kunci, t.jenis, t.dilaporkan, t.dihitung, t.sumber,
               t.keterangan, t.rujukan
          FROM temuan t JOIN instansi i ON i.id = t.instansi_id
         WHERE ? IS NULL OR t.instansi_id = ?
    """,
        [instansi_id, instansi_id],
    )


def baca_rekonsiliasi(con, instansi_id: int | None = None) -> pd.DataFrame:
    return _df(
        con,
        """
        SELECT i.kode AS instansi, r.tahun, r.kelas, r.jumlah, r.cocok, r.beda
          FROM rekonsiliasi r JOIN instansi i ON i.id = r.instansi_id
         WHERE ? IS NULL OR r.instansi_id = ?
         ORDER BY r.tahun, r.kelas
    """,
        [instansi_id, instansi_id],
    )
