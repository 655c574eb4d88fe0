"""What a page asks for, per agency and year: store reads fed through the pure functions.

Pages call these and draw; they never compute or query themselves. Each function takes a
DuckDB connection (or cursor) and plain values, so it works the same in the app, in tests and
in scripts.
"""

from __future__ import annotations

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import anggaran as agg
from sakip_calc.calc import efisiensi, periksa, skor

BATAS_INSTANSI = "instansi"  # use the agency's own cap (instansi.batas_capaian)


def info_instansi(con, instansi_id: int) -> dict:
    df = store.instansi(con)
    baris = df[df["id"] == instansi_id]
    if baris.empty:
        raise KeyError(f"instansi {instansi_id} tidak ada")
    r = baris.iloc[0].to_dict()
    r["batas_capaian"] = None if pd.isna(r["batas_capaian"]) else float(r["batas_capaian"])
    r["skala_predikat"] = r["skala_predikat"] if isinstance(r["skala_predikat"], str) else "permendagri86"
    return r


def id_instansi(con, kode: str) -> int:
    df = store.instansi(con)
    return int(df.loc[df["kode"] == kode, "id"].iloc[0])


def skala(con, nama: str) -> pd.DataFrame:
    df = store.skala_predikat(con)
    return df[df["nama"] == nama].sort_values("urutan")


def skor_indikator(con, instansi_id: int, batas=BATAS_INSTANSI, nama_skala: str | None = None) -> pd.DataFrame:
    """Annual rows of every indicator of the agency, scored and rated."""
    info = info_instansi(con, instansi_id)
    batas = info["batas_capaian"] if batas == BATAS_INSTANSI else batas
    df = skor.tabel_capaian(store.indikator_capaian(con, instansi_id), batas)
    return skor.beri_predikat(df, skala(con, nama_skala or info["skala_predikat"]))


def triwulan_indikator(con, instansi_id: int, kode: str, tahun: int) -> pd.DataFrame:
    df = store.indikator_capaian(con, instansi_id)
    df = df[(df["kode"] == kode) & (df["tahun"] == tahun) & df["triwulan"].notna()]
    return df[["triwulan", "target", "realisasi", "capaian_dilaporkan", "sumber"]].reset_index(drop=True)


def anggaran_tahun(con, instansi_id: int, tahun: int) -> pd.DataFrame:
    return agg.tabel_anggaran(store.anggaran(con, instansi_id, tahun))


def total_anggaran(con, instansi_id: int, tahun: int) -> dict:
    return agg.total_instansi(anggaran_tahun(con, instansi_id, tahun))


def efisiensi_program(
    con, instansi_id: int, tahun: int, metode: str = agg.METODE_BAKU, batas=BATAS_INSTANSI
) -> pd.DataFrame:
    ind = skor_indikator(con, instansi_id, batas)
    return agg.efisiensi_program(anggaran_tahun(con, instansi_id, tahun), ind[ind["tahun"] == tahun], metode)


def efisiensi_sasaran(
    con, instansi_id: int, tahun: int, metode: str = agg.METODE_BAKU, batas=BATAS_INSTANSI
) -> pd.DataFrame:
    return agg.efisiensi_sasaran(efisiensi_program(con, instansi_id, tahun, metode, batas), metode)


def masalah_data(con, instansi_id: int | None = None) -> pd.DataFrame:
    """The stored findings (computed by the write that stored the rows)."""
    return periksa.temuan(con, instansi_id)


def rekonsiliasi(con, instansi_id: int | None = None) -> pd.DataFrame:
    """Per agency-year and class: stated figures compared, reconciled, not."""
    return periksa.rekonsiliasi_tersimpan(con, instansi_id)


def ringkasan(
    skor_df: pd.DataFrame,
    anggaran_df: pd.DataFrame,
    program_df: pd.DataFrame,
    masalah_df: pd.DataFrame,
    skala_df: pd.DataFrame,
    tahun: int,
    tahun_banding: int | None,
) -> dict:
    """The headline figures of one agency-year, from frames the page already holds."""
    ini = skor_df[skor_df["tahun"] == tahun]
    rata = skor.rata_rata_instansi(ini)
    rata_banding = skor.rata_rata_instansi(skor_df[skor_df["tahun"] == tahun_banding]) if tahun_banding else None
    iku = ini[ini["tingkat"].isin(skor.TINGKAT_IKU)]
    total = (
        agg.total_instansi(anggaran_df) if not anggaran_df.empty else {"pagu": None, "realisasi": None, "serapan": None}
    )
    pred = skor.predikat(rata, skala_df)
    return {
        "rata_capaian": rata,
        "predikat": pred["label"] if pred else None,
        "warna": pred["warna"] if pred else None,
        "rata_banding": rata_banding,
        "iku": iku,
        "jumlah_predikat": skor.jumlah_per_predikat(iku, skala_df),
        "anggaran": total,
        "efisiensi": agg.efisiensi(rata, total["serapan"]),  # the default method
        "program": program_df,
        "jumlah_masalah": len(masalah_df),
    }


# ---- comparison across agencies (province and national scale) ------------------------------
# The aggregation runs in DuckDB (store.banding_*); these only pass the page's choices through
# and rank the at most one-row-per-agency results.

UKURAN_BANDING = {
    "capaian": "Capaian rata-rata",
    "skor_indikator": "Skor indikator terpilih",
    "serapan": "Serapan anggaran",
    # store.banding_* compute the default method's formula in SQL (`SQL_EFISIENSI`)
    "efisiensi": f"Efisiensi ({efisiensi.metode(agg.METODE_BAKU).rumus})",
}
SATUAN_BANDING = {
    "capaian": "%",
    "skor_indikator": "%",
    "serapan": "%",
    "efisiensi": efisiensi.metode(agg.METODE_BAKU).satuan,
}


# the comparison rates every agency by the default method, in SQL: its one definition is the registry's
SQL_EFISIENSI = efisiensi.metode(agg.METODE_BAKU).sql


def _batas(batas) -> tuple[float | None, bool]:
    return (None, True) if batas == BATAS_INSTANSI else (batas, False)


def banding_instansi(
    con,
    tahun: int,
    provinsi: str | None = None,
    batas=BATAS_INSTANSI,
    nama_skala: str = "permendagri86",
    kunci: str | None = None,
) -> pd.DataFrame:
    """Every agency with data in `tahun` (of one provinsi, or all): capaian, predikat on one
    scale for all, the chosen indicator's score, serapan, efisiensi."""
    nilai, per_instansi = _batas(batas)
    return store.banding_instansi(con, tahun, provinsi, nilai, nama_skala, kunci, per_instansi, SQL_EFISIENSI)


def banding_provinsi(
    con, tahun: int, batas=BATAS_INSTANSI, nama_skala: str = "permendagri86", kunci: str | None = None
) -> pd.DataFrame:
    nilai, per_instansi = _batas(batas)
    return store.banding_provinsi(con, tahun, nilai, nama_skala, kunci, per_instansi, SQL_EFISIENSI)


def indikator_bersama(con, tahun: int, provinsi: str | None = None, instansi_id: int | None = None) -> pd.DataFrame:
    return store.indikator_bersama(con, tahun, provinsi, instansi_id)


def indikator_awal(daftar: pd.DataFrame) -> str | None:
    """The indicator a comparison starts with: of the selected agency's own indicators, the one
    the most agencies share; without any, the most shared one overall."""
    if daftar.empty:
        return None
    sendiri = daftar[daftar["milik_instansi"]]
    return (
        (sendiri if len(sendiri) else daftar)
        .sort_values("jumlah_instansi", ascending=False, kind="stable")["kunci"]
        .iloc[0]
    )


def peringkat(df: pd.DataFrame, kolom: str) -> pd.DataFrame:
    """Ranked by `kolom`, highest first (1 = best; ties share the better rank); agencies
    without a value come last, unranked."""
    hasil = df.assign(peringkat=df[kolom].rank(ascending=False, method="min").astype("Int64"))
    return hasil.sort_values([kolom, "nama"], ascending=[False, True], na_position="last").reset_index(drop=True)


BATAS_PILIHAN = (None, 100.0)  # the caps an agency's report may apply: none, or capaian capped at 100


def akibat_konvensi(con, instansi_id: int, nama_skala: list[str]) -> tuple[int | None, pd.DataFrame]:
    """The agency's latest year and, for each cap and predikat scale, its mean score and predikat
    that year: what each answer to the conventions question does (the Impor preview)."""
    baris = store.indikator_capaian(con, instansi_id)
    tahun = baris.loc[baris["realisasi"].notna(), "tahun"].max() if len(baris) else None
    if tahun is None or pd.isna(tahun):
        return None, pd.DataFrame(columns=["batas_capaian", "skala_predikat", "rata_rata", "predikat"])
    hasil = []
    for batas in BATAS_PILIHAN:
        df = skor.tabel_capaian(baris, batas)
        rata = skor.rata_rata_instansi(df[df["tahun"] == tahun])
        for nama in nama_skala:
            pita = skor.predikat(rata, skala(con, nama)) if rata is not None else None
            hasil.append(
                {
                    "batas_capaian": batas,
                    "skala_predikat": nama,
                    "rata_rata": rata,
                    "predikat": f"{pita['kode']} ({pita['label']})" if pita else None,
                }
            )
    return int(tahun), pd.DataFrame(hasil)
