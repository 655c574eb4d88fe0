"""In-year monitoring (Pemantauan triwulan): per indicator and per program, the realisation to date
against the year's target, the pace still needed, the projected year end (calc/proyeksi.py) and
a status from on-track thresholds per quarter.

The thresholds are data: the scales `pantau-tw1` ... `pantau-tw4` (defaults in
skala.AMBANG_PANTAU; a workbook's Skala sheet with the same name replaces one, stored in
`skala_predikat` like any predikat scale).
A row's status is the band of its projected year-end capaian (serapan for a program's budget)
on the scale of the quarter the data reach.
"""

from __future__ import annotations

import pandas as pd

from sakip_calc import store
from sakip_calc.calc import proyeksi as pr
from sakip_calc.calc.anggaran import serapan
from sakip_calc.calc.skor import pita_skala
from sakip_calc.domain.rumus import ada, capaian, gabung_triwulan, pita_dari
from sakip_calc.domain.skala import AMBANG_PANTAU

AWALAN_AMBANG = "pantau-tw"
BERISIKO, PERHATIAN, AMAN = "BERISIKO", "PERHATIAN", "AMAN"
INDIKATOR, PROGRAM = "Indikator", "Anggaran program"
KOLOM = [
    "jenis", "kode", "nama", "satuan", "program_kode", "target", "realisasi_sd", "persen_sd", "laju_perlu",
    "proyeksi", "persen_proyeksi", "persen_bawah", "persen_atas", "metode", "status", "label", "warna", "jarak",
    "serapan_program",
]  # fmt: skip


def ambang(skala: pd.DataFrame, q: int) -> pd.DataFrame:
    """The thresholds of quarter `q`: the stored scale, else the default."""
    nama = f"{AWALAN_AMBANG}{q}"
    df = skala[skala["nama"] == nama] if len(skala) else skala
    if len(df):
        return df
    return pd.DataFrame(
        [
            {"urutan": i, "kode": k, "label": l, "batas_bawah": b, "inklusif": inc, "warna": w}
            for i, (k, l, b, inc, w) in enumerate(AMBANG_PANTAU[nama])
        ]
    )


# both run once per indicator and program: plain loops over the few rows, not a groupby each time
def _riwayat(df: pd.DataFrame, tahun: int, kolom: str) -> dict[int, list]:
    """Earlier years' four quarters of one series (the seasonal pattern), by year."""
    hasil: dict[int, list] = {}
    for t, k, v in zip(df["tahun"], df["triwulan"], df[kolom]):
        if t < tahun:
            baris = hasil.setdefault(int(t), [None] * 4)
            if k in (1, 2, 3, 4):
                baris[int(k) - 1] = v
    return dict(sorted(hasil.items()))


def _per_tw(g: pd.DataFrame, kolom: str) -> list:
    hasil = [None] * 4
    for k, v in zip(g["triwulan"], g[kolom]):
        if k in (1, 2, 3, 4) and ada(v):
            hasil[int(k) - 1] = v
    return hasil


def triwulan_terakhir(ind: pd.DataFrame, tw: pd.DataFrame, tahun: int) -> int | None:
    """The latest quarter of `tahun` with any realisation, indicators or budget."""
    q = [
        ind.loc[(ind["tahun"] == tahun) & ind["triwulan"].notna() & ind["realisasi"].notna(), "triwulan"].max(),
        tw.loc[(tw["tahun"] == tahun) & tw["realisasi"].notna(), "triwulan"].max(),
    ]
    q = [int(x) for x in q if ada(x)]
    return max(q) if q else None


def tabel_indikator(ind: pd.DataFrame, tahun: int, q: int, pita: list[dict]) -> list[dict]:
    tw = ind[ind["triwulan"].notna()]
    tahunan = ind[ind["triwulan"].isna() & (ind["tahun"] == tahun)].set_index("indikator_id")
    baris = []
    for iid, g in tw.groupby("indikator_id"):
        ini = g[g["tahun"] == tahun]
        if iid not in tahunan.index or ini.empty or not ini.loc[ini["triwulan"] <= q, "realisasi"].notna().any():
            continue
        r = tahunan.loc[iid]
        r = r.iloc[0] if isinstance(r, pd.DataFrame) else r
        if not ada(r["target"]):
            continue
        aturan = r["agregasi_triwulan"] if isinstance(r["agregasi_triwulan"], str) else "akhir"
        per_tw = _per_tw(ini, "realisasi")
        p = pr.proyeksi(per_tw, q, aturan, _riwayat(g, tahun, "realisasi"))
        sd = gabung_triwulan(per_tw[:q], aturan)
        perlu = (r["target"] - (sd or 0)) / (4 - q) if aturan == "jumlah" and q < 4 else r["target"]
        cap = [capaian(r["target"], x, r["polaritas"], r["target_atas"]) for x in (sd, p.nilai, p.bawah, p.atas)]
        baris.append(_baris(INDIKATOR, r, r["satuan"], r["program_kode"], r["target"], sd, perlu, p, cap, pita))
    return baris


def tabel_program(ang: pd.DataFrame, tw: pd.DataFrame, tahun: int, q: int, pita: list[dict]) -> list[dict]:
    program = ang[(ang["tahun"] == tahun) & (ang["tingkat"] == "program")]
    baris = []
    for r in program.itertuples():
        g = tw[tw["kode"] == r.kode]
        ini = g[g["tahun"] == tahun]
        pagu = r.pagu if ada(r.pagu) else None
        if not pagu or ini.empty:
            continue
        per_tw = _per_tw(ini, "realisasi")
        p = pr.proyeksi_jumlah(per_tw, q, _riwayat(g, tahun, "realisasi"))
        sd = sum(v for v in per_tw[:q] if ada(v))
        perlu = (pagu - sd) / (4 - q) if q < 4 else None
        cap = [serapan(pagu, x) for x in (sd, p.nilai, p.bawah, p.atas)]
        baris.append(_baris(PROGRAM, r._asdict(), "Rp", r.kode, pagu, sd, perlu, p, cap, pita))
    return baris


def _baris(jenis, r, satuan, program_kode, target, sd, perlu, p: pr.Proyeksi, cap, pita_q: list[dict]) -> dict:
    pita = pita_dari(cap[1], pita_q)
    return dict(
        zip(
            KOLOM,
            [
                jenis, r["kode"], r["nama"], satuan, program_kode, target, sd, cap[0], perlu, p.nilai, cap[1],
                min(cap[2], cap[3]) if ada(cap[2]) and ada(cap[3]) else cap[2], max(cap[2], cap[3])
                if ada(cap[2]) and ada(cap[3]) else cap[3], p.metode, pita["kode"] if pita else None,
                pita["label"] if pita else None, pita["warna"] if pita else None,
                cap[1] - 100 if ada(cap[1]) else None, None,
            ],
        )
    )  # fmt: skip


def pantau(con, instansi_id: int, tahun: int, q: int | None = None) -> dict:
    """The monitoring view of one agency-year up to quarter `q` (None: the latest with data)."""
    ind = store.indikator_capaian(con, instansi_id)
    ang = store.anggaran(con, instansi_id)
    tw = store.anggaran_triwulan(con, instansi_id)
    return hitung(ind, ang, tw, store.skala_predikat(con), tahun, q)


def hitung(ind, ang, tw, skala, tahun: int, q: int | None = None) -> dict:
    """`pantau` on frames already read (the backtest calls it with later quarters hidden)."""
    terakhir = triwulan_terakhir(ind, tw, tahun)
    if terakhir is None:
        return {"triwulan": None, "terakhir": None, "baris": pd.DataFrame(columns=KOLOM), "kurva": pd.DataFrame()}
    q = min(q or terakhir, terakhir)
    pita = pita_skala(ambang(skala, q))  # the quarter's bands, once for every row
    baris = pd.DataFrame(tabel_indikator(ind, tahun, q, pita) + tabel_program(ang, tw, tahun, q, pita), columns=KOLOM)
    serapan_prog = baris[baris["jenis"] == PROGRAM].set_index("kode")["persen_sd"]
    baris["serapan_program"] = baris["program_kode"].map(serapan_prog)
    return {"triwulan": q, "terakhir": terakhir, "baris": baris, "kurva": kurva_anggaran(ang, tw, tahun, q)}


def kurva_anggaran(ang: pd.DataFrame, tw: pd.DataFrame, tahun: int, q: int) -> pd.DataFrame:
    """The agency's budget S-curve (% of the programs' pagu): planned path, realised, projected cone."""
    program = ang[(ang["tingkat"] == "program")]
    kode = set(program["kode"])
    per_tahun = tw[tw["kode"].isin(kode)].groupby(["tahun", "triwulan"])["realisasi"].sum().reset_index()
    pagu = program.loc[program["tahun"] == tahun, "pagu"].sum()
    ini = per_tahun[per_tahun["tahun"] == tahun]
    if not pagu or ini.empty:
        return pd.DataFrame()
    per_tw = _per_tw(ini, "realisasi")
    p = pr.proyeksi_jumlah(per_tw, q, _riwayat(per_tahun, tahun, "realisasi"))
    df = pd.DataFrame(pr.kerucut(per_tw, q, p, kumulatif=True))
    for k in ("realisasi", "proyeksi", "bawah", "atas"):
        df[k] = df[k] / pagu * 100
    df["rencana"] = [s * 100 for s in p.pola]
    df["metode"] = p.metode
    return df


def kurva_indikator(con, instansi_id: int, kode: str, tahun: int, q: int) -> pd.DataFrame:
    """One indicator's path: target path, realised, projected cone (in the indicator's unit)."""
    ind = store.indikator_capaian(con, instansi_id)
    g = ind[(ind["kode"] == kode) & ind["triwulan"].notna()]
    r = ind[(ind["kode"] == kode) & ind["triwulan"].isna() & (ind["tahun"] == tahun)]
    ini = g[g["tahun"] == tahun]
    if ini.empty or r.empty:
        return pd.DataFrame()
    aturan = r["agregasi_triwulan"].iloc[0] if isinstance(r["agregasi_triwulan"].iloc[0], str) else "akhir"
    per_tw = _per_tw(ini, "realisasi")
    p = pr.proyeksi(per_tw, q, aturan, _riwayat(g, tahun, "realisasi"))
    df = pd.DataFrame(pr.kerucut(per_tw, q, p, kumulatif=aturan == "jumlah"))
    target = r["target"].iloc[0]
    df["rencana"] = [target * s for s in p.pola] if aturan == "jumlah" else [target] * 4
    df["metode"] = p.metode
    return df
