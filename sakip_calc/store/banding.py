"""Cross-agency comparison: one row per agency (or provinsi) for one year, aggregated in DuckDB.
Nothing here pulls a whole table into pandas."""

from __future__ import annotations

import pandas as pd

from sakip_calc.domain import rumus

from .agregat import _relasi_agregat
from .dasar import kursor

# ---- cross-agency comparison: one row per agency (or provinsi) for one year ----------------
# Parameters: tahun, provinsi (NULL = all), batas_instansi (each agency's own cap), batas (one
# cap for all, NULL = none), kunci (the indicator to compare), skala (the predikat scale).
_SQL_PER_INSTANSI = f"""
WITH ins AS (
    SELECT id, kode, nama, kabupaten, provinsi, CASE WHEN $batas_instansi THEN batas_capaian ELSE $batas END AS batas
      FROM instansi WHERE $provinsi IS NULL OR provinsi = $provinsi
), skor AS (
    SELECT a.*, {rumus.sql_skor("a.capaian", "ins.batas")} AS skor
      FROM {{agregat_capaian}} a JOIN ins ON ins.id = a.instansi_id WHERE a.tahun = $tahun
), kinerja AS (   -- skor.rata_rata_instansi: the IKU (sasaran), else the program indicators
    SELECT instansi_id,
           {rumus.sql_rata_rata_instansi("skor", "tingkat")} AS capaian,
           count(*) AS jumlah_indikator, count(skor) FILTER (WHERE skor < 100) AS di_bawah_target,
           avg(skor) FILTER (WHERE kunci = $kunci) AS skor_indikator,
           count(*) FILTER (WHERE kunci = $kunci) AS jumlah_indikator_terpilih,
           any_value(target) FILTER (WHERE kunci = $kunci) AS target_indikator,
           any_value(realisasi) FILTER (WHERE kunci = $kunci) AS realisasi_indikator
      FROM skor GROUP BY instansi_id
), per_instansi AS (
    SELECT ins.id AS instansi_id, ins.kode, ins.nama, ins.kabupaten, ins.provinsi,
           k.capaian, k.jumlah_indikator, k.di_bawah_target, k.skor_indikator, k.jumlah_indikator_terpilih,
           k.target_indikator, k.realisasi_indikator, u.pagu, u.realisasi,
           {rumus.sql_serapan("u.pagu", "u.realisasi")} AS serapan
      FROM ins LEFT JOIN kinerja k ON k.instansi_id = ins.id
      LEFT JOIN (SELECT * FROM {{agregat_anggaran}} WHERE tahun = $tahun) u ON u.instansi_id = ins.id
     WHERE k.instansi_id IS NOT NULL OR u.instansi_id IS NOT NULL
)
"""


def _sql_predikat(tabel: str, kolom: str) -> str:
    """rumus.pita_dari in SQL: the first band of scale $skala from the top that holds `kolom`,
    else the lowest band."""
    return f"""
    SELECT t.*, p.label AS predikat, p.warna FROM {tabel} t LEFT JOIN LATERAL (
        SELECT label, warna FROM skala_predikat s
         WHERE s.nama = $skala AND t.{kolom} IS NOT NULL
           AND ({rumus.sql_dalam_pita(f"t.{kolom}", "s.batas_bawah", "s.inklusif")}
                OR s.urutan = (SELECT max(urutan) FROM skala_predikat WHERE nama = $skala))
         ORDER BY s.urutan LIMIT 1) p ON true"""


def _param_banding(
    tahun: int, provinsi: str | None, batas, skala: str, kunci: str | None, batas_instansi: bool
) -> dict:
    return {
        "tahun": tahun,
        "provinsi": provinsi,
        "batas_instansi": batas_instansi,
        "batas": None if batas_instansi else batas,
        "skala": skala,
        "kunci": kunci,
    }


def banding_instansi(
    con,
    tahun: int,
    provinsi: str | None = None,
    batas=None,
    skala: str = "permendagri86",
    kunci: str | None = None,
    batas_instansi: bool = False,
    sql_efisiensi: str = "NULL",
) -> pd.DataFrame:
    """Per agency in `tahun`: mean score (IKU) and its predikat on `skala`, the score of indicator
    `kunci`, pagu, realisasi, serapan and efisiensi by `sql_efisiensi`, the chosen method's formula
    over capaian, serapan, pagu and realisasi (its one definition is the method's, in calc)."""
    cur = kursor(con)
    per_instansi = _SQL_PER_INSTANSI.format(**_relasi_agregat(cur))
    sql = f"""{per_instansi}, dinilai AS ({_sql_predikat("per_instansi", "capaian")})
        SELECT *, {sql_efisiensi} AS efisiensi FROM dinilai ORDER BY capaian DESC NULLS LAST, nama"""
    return cur.execute(sql, _param_banding(tahun, provinsi, batas, skala, kunci, batas_instansi)).df()


def banding_provinsi(
    con,
    tahun: int,
    batas=None,
    skala: str = "permendagri86",
    kunci: str | None = None,
    batas_instansi: bool = False,
    sql_efisiensi: str = "NULL",
) -> pd.DataFrame:
    """Per provinsi: agencies, the mean of their scores and its predikat, pagu and realisasi summed
    over the agencies reporting both, the serapan of those sums, efisiensi by `sql_efisiensi` (as in
    `banding_instansi`), the mean score of `kunci`."""
    cur = kursor(con)
    sql = f"""{_SQL_PER_INSTANSI.format(**_relasi_agregat(cur))}, provinsi AS (
        SELECT provinsi, count(*) AS jumlah_instansi, count(capaian) AS instansi_berkinerja,
               avg(capaian) AS capaian, avg(skor_indikator) AS skor_indikator,
               count(skor_indikator) AS instansi_berindikator,
               sum(pagu) FILTER (WHERE realisasi IS NOT NULL) AS pagu,
               sum(realisasi) FILTER (WHERE pagu IS NOT NULL) AS realisasi
          FROM per_instansi GROUP BY provinsi
    ), dinilai AS ({_sql_predikat("provinsi", "capaian")}
    ), berserapan AS (SELECT *, {rumus.sql_serapan("pagu", "realisasi")} AS serapan FROM dinilai)
    SELECT *, {sql_efisiensi} AS efisiensi FROM berserapan ORDER BY capaian DESC NULLS LAST, provinsi"""
    return cur.execute(sql, _param_banding(tahun, None, batas, skala, kunci, batas_instansi)).df()


def indikator_bersama(con, tahun: int, provinsi: str | None = None, instansi_id: int | None = None) -> pd.DataFrame:
    """Indicators with an annual row in `tahun`, grouped by the matching rule: the key, the most
    common spelling and unit, how many agencies report it, whether agency `instansi_id` does."""
    cur = kursor(con)
    return cur.execute(
        f"""
        SELECT a.kunci, mode(a.nama) AS nama, mode(a.satuan) AS satuan,
               count(DISTINCT a.instansi_id) AS jumlah_instansi,
               coalesce(bool_or(a.instansi_id = $instansi_id), false) AS milik_instansi
          FROM {_relasi_agregat(cur)["agregat_capaian"]} a JOIN instansi i ON i.id = a.instansi_id
         WHERE a.tahun = $tahun AND ($provinsi IS NULL OR i.provinsi = $provinsi)
         GROUP BY a.kunci ORDER BY jumlah_instansi DESC, nama
    """,
        {"tahun": tahun, "provinsi": provinsi, "instansi_id": instansi_id},
    ).df()


def daftar_provinsi(con) -> list[str]:
    return [r[0] for r in kursor(con).execute("SELECT DISTINCT provinsi FROM instansi ORDER BY provinsi").fetchall()]


def tahun_semua(con) -> list[int]:
    """Years with indicator or budget rows in any agency, newest first."""
    cur = kursor(con)
    rel = _relasi_agregat(cur)
    return [
        r[0]
        for r in cur.execute(
            f"SELECT tahun FROM {rel['agregat_capaian']} UNION SELECT tahun FROM {rel['agregat_anggaran']} ORDER "
            "BY tahun DESC"
        ).fetchall()
    ]
