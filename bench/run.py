"""Benchmark at agency, province and national scale, on this machine. Not part of the test suite.

    .venv/bin/python bench/run.py [--keluaran /tmp/sakip-bench] [--pakai-ulang] [--tanpa-peramban]

Builds three databases (the three seeds from data/*.xlsx; `synth --scale province`; `synth --scale
national`), then prints one line per figure, each with its goal and OK / MELESET (miss):
  - generation + load time, rows per second and peak RSS of synth (province, national), and of
    a Parquet export + bulk import of the national set;
  - for every page of the app and every scale: the cold first run (all caches and the connection
    dropped) and the median and max of 5 warm reruns, server-side, through AppTest;
  - each sakip_calc read a page asks for (the functions behind dasbor's cached reads), median of
    5 warm calls;
  - the cross-agency aggregations of the Perbandingan page, in DuckDB (derived tables, and from
    the raw tables) against the same aggregations written naively in pandas (load the tables,
    groupby, merge), and the ratio;
  - in a real browser (Playwright, Debian chromium) at national scale: first load of Ringkasan and
    a filter change, median of 5; on the seeds (bench/peramban.py): every page of the registry
    opened from its bookmark in a fresh session until its charts are drawn, sidebar navigation
    and a year change, medians with the goals of issue 15;
  - peak RSS of this process (the AppTest runs and reads) and of the Streamlit server;
  - preview and import of a 500-row Evaluasi Renja form (sakip_calc.tools.form_renja).
  - preview and import of one agency's workbook (Tegal) into a fresh copy of the national database,
    3 times: wall and CPU of each (the goal is on the median import wall), with the load average.
Generation, bulk load and the pandas path run in their own processes so that each RSS is theirs.
Every line is also written to <keluaran>/hasil.txt.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing as mp
import os
import platform
import queue
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(AKAR / "tests"))  # halaman.py: the AppTest PagesManager patch

from sakip_calc.presentation.halaman import DAFTAR  # noqa: E402

HALAMAN = tuple(h.id for h in DAFTAR)

ULANG = 5
SASARAN = {  # goals of issue 5
    "halaman_instansi": 0.300,
    "halaman_nasional": 1.0,
    "halaman_nasional_dingin": 3.0,
    "kueri": 0.300,
    "masalah_data": 0.050,  # issue 13: the findings are a stored table
    "bagian_peta": 0.200,
    "synth_nasional": 60.0,
    "rss_mb": 2048,
    "rasio_pandas": 5.0,
    "muat_peramban": 2.5,
    "ganti_filter": 1.0,
    "impor_nasional": 2.0,  # issue 9
    "impor_form_renja": 2.0,  # issue 11: a 500-row Evaluasi Renja form
}
_BERKAS_HASIL: Path | None = None


def angka(x: float, d: int = 0) -> str:
    from sakip_calc.domain.angka import format_angka

    return format_angka(x, d)


def ms(detik: float) -> str:
    return f"{angka(detik * 1000)} ms"


def detik(x: float) -> str:
    return ms(x) if x < 10 else f"{angka(x, 1)} s"


def cetak(
    teks: str, batas: float | None = None, nilai: float | None = None, minimal: bool = False, tulis=detik
) -> None:
    """One figure per line; with a goal (an upper bound, or a lower one when `minimal`), OK or
    MELESET (miss) after it."""
    if batas is not None and nilai is not None:
        baik = nilai >= batas if minimal else nilai < batas
        teks += f"   [{'OK' if baik else 'MELESET'}; sasaran {'≥' if minimal else '<'} {tulis(batas)}]"
    print(teks, flush=True)
    if _BERKAS_HASIL:
        with open(_BERKAS_HASIL, "a") as f:
            f.write(teks + "\n")


def mb(x: float) -> str:
    return f"{angka(x)} MB"


def beban() -> str:
    """The machine's load average: other processes on these 2 cores slow every figure."""
    return "beban " + " / ".join(angka(x, 1) for x in os.getloadavg())


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- work done in a fresh process (spawn), so that its peak RSS is its own --------------------


def _jalankan(antre, nama: str, argumen: tuple) -> None:
    logging.disable(logging.WARNING)
    hasil = globals()[nama](*argumen)
    antre.put((hasil, rss_mb()))


def di_proses_baru(nama: str, *argumen):
    ctx = mp.get_context("spawn")
    antre = ctx.Queue()
    p = ctx.Process(target=_jalankan, args=(antre, nama, argumen))
    p.start()
    # a child that fails ends the bench with its error, not a wait for a result that never comes
    while True:
        try:
            hasil = antre.get(timeout=1)
            break
        except queue.Empty:
            if not p.is_alive() and antre.empty():
                raise RuntimeError(f"{nama} gagal (kode {p.exitcode})") from None
    p.join()
    if p.exitcode:
        raise RuntimeError(f"{nama} gagal (kode {p.exitcode})")
    return hasil


def bangun_seed(db: str) -> dict:
    from sakip_calc.ingest import bawaan

    mulai = time.perf_counter()
    hasil = bawaan.bangun(db)
    assert all(h.status != "ditolak" for h in hasil)
    return {"detik": time.perf_counter() - mulai, "baris": sum(h.rencana.jumlah().get("baru", 0) for h in hasil)}


def ukur_form_renja(db: Path, tujuan: Path) -> None:
    """Preview and import of a 500-row Evaluasi Renja form into a copy of the seed database."""
    from sakip_calc.ingest import impor
    from sakip_calc.tools import form_renja

    baris = form_renja.baris_contoh()
    isi = form_renja.buat(baris, form_renja.Gaya(tahun=2024))
    shutil.copy2(db, tujuan)
    mulai = time.perf_counter()
    rencana = impor.pratinjau([("form_renja_500.xlsx", isi)], tujuan)
    pratinjau = time.perf_counter() - mulai
    assert rencana.sah, [str(m) for m in rencana.galat]
    mulai, cpu = time.perf_counter(), time.process_time()
    hasil = impor.impor_data([("form_renja_500.xlsx", isi)], tujuan)
    detik_impor, cpu = time.perf_counter() - mulai, time.process_time() - cpu
    assert hasil.status == "berhasil"
    cetak(
        f"impor   form Evaluasi Renja {len(baris)} baris ({angka(len(isi) / 1024)} KB): pratinjau {ms(pratinjau)}, "
        f"impor {ms(detik_impor)} (CPU {ms(cpu)}), {angka(hasil.rencana.jumlah().get('baru', 0))} baris baru",
        SASARAN["impor_form_renja"],
        detik_impor,
    )
    tujuan.unlink(missing_ok=True)


def bangun_synth(db: str, skala: str) -> dict:
    from sakip_calc.tools import synth

    mulai = time.perf_counter()
    jumlah = synth.bangkitkan(db, skala, cetak=lambda _: None)
    return {"detik": time.perf_counter() - mulai, "baris": sum(jumlah.values())}


def ekspor_dan_muat(db: str, folder: str, tujuan: str) -> dict:
    from sakip_calc.ingest import massal

    mulai = time.perf_counter()
    massal.ekspor_folder(db, folder)
    ekspor = time.perf_counter() - mulai
    h = massal.impor_folder(folder, tujuan)
    assert h.status == "berhasil", [str(m) for m in h.masalah[:5]]
    return {"ekspor": ekspor, "muat": h.detik, "baris": h.baris}


def impor_ke_nasional(db: str, salinan: str, ulang: int = 3) -> dict:
    """One agency's workbook (Tegal's, as a user imports it: preview, then import, answering the
    conventions step) into a fresh copy of the national database, `ulang` times; wall and CPU
    (all threads, DuckDB's included) of each, and the load average at the end of each."""
    from sakip_calc import store
    from sakip_calc.ingest import impor

    tegal = store.AKAR / "data" / "dinsos_tegal_2018.xlsx"
    berkas = [(tegal.name, tegal.read_bytes())]
    jawaban = {"dinsos-tegal": ("tegal2018", 100.0)}
    hasil: dict = {"pratinjau": [], "impor": [], "beban": [], "mb": Path(db).stat().st_size / 2**20}
    for _ in range(ulang):
        shutil.copy2(db, salinan)
        for langkah in ("pratinjau", "impor"):
            mulai, cpu = time.perf_counter(), time.process_time()
            if langkah == "pratinjau":
                assert impor.pratinjau(berkas, salinan, jawaban=jawaban).sah
            else:
                h = impor.impor_data(berkas, salinan, jawaban=jawaban)
                assert h.status == "berhasil", [str(m) for m in h.rencana.galat[:5]]
            hasil[langkah].append((time.perf_counter() - mulai, time.process_time() - cpu))
        hasil["beban"].append(os.getloadavg()[0])
        hasil["baris"] = h.rencana.jumlah()["baru"]
        Path(salinan).unlink()
    return hasil


def cetak_impor_nasional(h: dict, rss: float) -> None:
    def median_wall_cpu(langkah: str) -> tuple[float, str]:
        wall = statistics.median(w for w, _ in h[langkah])
        semua = ", ".join(f"{detik(w)} (CPU {detik(c)})" for w, c in h[langkah])
        return wall, f"median {detik(wall)} [{semua}]"

    _, teks_pratinjau = median_wall_cpu("pratinjau")
    wall_impor, teks_impor = median_wall_cpu("impor")
    cetak(
        f"impor   nasional  satu buku kerja (Tegal, {angka(h['baris'])} baris) ke basis data {angka(h['mb'])} MB, "
        f"{len(h['impor'])} kali: pratinjau {teks_pratinjau}; impor {teks_impor}; RSS puncak {angka(rss)} MB; "
        f"beban {' / '.join(angka(b, 1) for b in h['beban'])}",
        SASARAN["impor_nasional"],
        wall_impor,
    )


def pandas_naif(db: str, tahun: int, skala: str, kunci: str) -> dict:
    """The Perbandingan aggregations the way a pandas script would do them: load the tables,
    filter, groupby, merge. Returns its timings and its results (to check against DuckDB)."""
    import numpy as np
    import pandas as pd

    from sakip_calc import store

    con = store.buka(db)
    mulai = time.perf_counter()
    t = {
        n: con.execute(f"SELECT * FROM {n}").df()
        for n in ("instansi", "indikator", "capaian", "anggaran", "skala_predikat")
    }
    dimuat = time.perf_counter()
    ind = t["indikator"].rename(columns={"id": "indikator_id"})
    ind["kunci"] = ind["nama"].str.lower().str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip()
    cap = t["capaian"][t["capaian"]["tahun"] == tahun].merge(ind, on="indikator_id")
    tw = (
        cap[cap["triwulan"].notna() & cap["realisasi"].notna()]
        .sort_values("triwulan")
        .groupby("indikator_id")
        .agg(
            jumlah=("realisasi", "sum"),
            rata=("realisasi", "mean"),
            akhir=("realisasi", "last"),
            aturan=("agregasi_triwulan", "first"),
        )
    )
    tw["dari_tw"] = np.where(
        tw["aturan"] == "jumlah", tw["jumlah"], np.where(tw["aturan"] == "rata", tw["rata"], tw["akhir"])
    )
    th = cap[cap["triwulan"].isna()].merge(tw[["dari_tw"]], left_on="indikator_id", right_index=True, how="left")
    th["realisasi"] = th["realisasi"].fillna(th["dari_tw"])
    th = th.merge(t["instansi"][["id", "batas_capaian"]], left_on="instansi_id", right_on="id")
    turun = th["polaritas"] == "turun"
    c = np.where(
        turun,
        (th["target"] - (th["realisasi"] - th["target"])) / th["target"] * 100,
        th["realisasi"] / th["target"] * 100,
    )
    rentang = th["target_atas"].notna()
    dalam = rentang & (th["realisasi"] >= th["target"]) & (th["realisasi"] <= th["target_atas"])
    bawah = rentang & (th["realisasi"] < th["target"])
    atas = rentang & (th["realisasi"] > th["target_atas"])
    c = np.where(
        dalam,
        100.0,
        np.where(
            bawah,
            th["realisasi"] / th["target"] * 100,
            np.where(atas, (th["target_atas"] - (th["realisasi"] - th["target_atas"])) / th["target_atas"] * 100, c),
        ),
    )
    c = np.where(th["target"] == 0, np.nan, c)
    th["skor"] = np.where(th["batas_capaian"].notna(), np.minimum(c, th["batas_capaian"]), c)
    sas = th[th["tingkat"] == "sasaran"].groupby("instansi_id")["skor"].mean()
    prog = th[th["tingkat"] == "program"].groupby("instansi_id")["skor"].mean()
    kinerja = pd.DataFrame({"capaian": sas.reindex(sas.index.union(prog.index)).fillna(prog)})
    kinerja["skor_indikator"] = th[th["kunci"] == kunci].groupby("instansi_id")["skor"].mean()
    ang = t["anggaran"][t["anggaran"]["tahun"] == tahun]
    anak = ang[ang["induk_kode"].notna()].groupby(["instansi_id", "induk_kode"])[["pagu", "realisasi"]].sum(min_count=1)
    prg = ang[ang["tingkat"] == "program"].merge(
        anak, left_on=["instansi_id", "kode"], right_index=True, how="left", suffixes=("", "_anak")
    )
    prg["pagu"] = prg["pagu"].fillna(prg["pagu_anak"])
    prg["realisasi"] = prg["realisasi"].fillna(prg["realisasi_anak"])
    uang = prg.groupby("instansi_id")[["pagu", "realisasi"]].sum(min_count=1)
    per = t["instansi"].set_index("id")[["kode", "provinsi"]].join(kinerja, how="left").join(uang, how="left")
    per = per[per["capaian"].notna() | per["pagu"].notna()]
    per["serapan"] = per["realisasi"] / per["pagu"] * 100
    per["efisiensi"] = per["capaian"] - per["serapan"]
    pita = t["skala_predikat"][t["skala_predikat"]["nama"] == skala].sort_values("urutan")

    def predikat(x):
        if pd.isna(x):
            return None
        for r in pita.itertuples():
            if pd.isna(r.batas_bawah) or x > r.batas_bawah or (r.inklusif and x == r.batas_bawah):
                return r.label
        return pita["label"].iloc[-1]

    per["predikat"] = per["capaian"].map(predikat)
    lengkap = per[per["pagu"].notna() & per["realisasi"].notna()]
    prov = per.groupby("provinsi").agg(jumlah_instansi=("kode", "size"), capaian=("capaian", "mean"))
    uang_p = lengkap.groupby("provinsi")[["pagu", "realisasi"]].sum()
    prov = prov.join(uang_p)
    prov["serapan"] = prov["realisasi"] / prov["pagu"] * 100
    daftar = th.groupby("kunci").agg(jumlah_instansi=("instansi_id", "nunique"))
    selesai = time.perf_counter()
    return {
        "muat": dimuat - mulai,
        "hitung": selesai - dimuat,
        "instansi": per[["kode", "capaian", "serapan"]].reset_index(drop=True),
        "provinsi": prov[["serapan", "capaian"]],
        "jumlah_indikator": len(daftar),
    }


# ---- pages through AppTest --------------------------------------------------------------------


def ukur_halaman(
    skala: str, db: Path, instansi: list[tuple[str, int | None]], sasaran_hangat: float, sasaran_dingin: float | None
) -> list[tuple]:
    """Cold first run and 5 warm reruns of every page; returns the reads each page asked for."""
    # outside a server, clearing or calling a cache warns every time; AppTest resets log levels
    for nama in (
        "streamlit.runtime.caching.cache_data_api",
        "streamlit.runtime.caching.cache_resource_api",
        "streamlit.runtime.scriptrunner_utils.script_run_context",
    ):
        logging.getLogger(nama).disabled = True
    import halaman  # noqa: F401  (applies the AppTest PagesManager patch)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import dasbor

    dasbor.DB = db
    tercatat: list[tuple] = []
    asli = {
        n: f
        for n, f in vars(dasbor).items()
        if hasattr(f, "__wrapped__") and hasattr(f, "clear") and n not in ("_koneksi", "_gambar", "grafik_dek")
    }

    def catat(nama, f):
        def pembungkus(*a, **k):
            tercatat.append((nama, a, k))
            return f(*a, **k)

        return pembungkus

    for nama, f in asli.items():
        setattr(dasbor, nama, catat(nama, f))
    kueri = []
    try:
        for kode, tahun in instansi:
            st.cache_data.clear()
            st.cache_resource.clear()
            at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=600)
            at.run()
            at.selectbox(key="instansi").set_value(kode).run()
            if tahun:
                at.selectbox(key="tahun").set_value(tahun).run()
            tahun = at.selectbox(key="tahun").value
            for h in HALAMAN:
                st.cache_data.clear()
                st.cache_resource.clear()
                tercatat.clear()
                at.switch_page(str(AKAR / "pages" / f"{h}.py"))
                mulai = time.perf_counter()
                at.run()
                dingin = time.perf_counter() - mulai
                assert not at.exception, (h, [e.value for e in at.exception])
                hangat = []
                for _ in range(ULANG):
                    mulai = time.perf_counter()
                    at.run()
                    hangat.append(time.perf_counter() - mulai)
                median = statistics.median(hangat)
                cetak(
                    f"halaman {skala:<9} {kode:<18} {tahun} {h:<12} median hangat {ms(median):>9}, maks "
                    f"{ms(max(hangat)):>9}, "
                    f"dingin {ms(dingin):>9}",
                    sasaran_hangat,
                    median,
                )
                if sasaran_dingin:
                    cetak(
                        f"halaman {skala:<9} {kode:<18} {tahun} {h:<12} dingin (cache kosong) {ms(dingin):>9}",
                        sasaran_dingin,
                        dingin,
                    )
                kueri += [(h, nama, a, k) for nama, a, k in tercatat]
    finally:
        for nama, f in asli.items():
            setattr(dasbor, nama, f)
    return [(h, nama, asli[nama], a, k) for h, nama, a, k in kueri]


def ukur_peta(db: Path, instansi: list[tuple[str, int, str]]) -> None:
    """The map section of Sebaran Wilayah, server side: section + figure JSON (what the chart
    element, dasbor.grafik_web, sends), median of 5 warm runs. Warm as in the app: reads memoised
    (the app's `dasbor.baca`), a fresh view per run (the page's own once-per-view memo starts empty on every rerun)."""
    from sakip_calc import store
    from sakip_calc.calc import analisis
    from sakip_calc.presentation.bagian import wilayah
    from sakip_calc.presentation.tampilan import Tampilan, pembaca_koneksi

    con = store.buka(db, read_only=True)

    def sekali(info: dict, tahun: int, lapisan: str, baca) -> float:
        lingkup = (info["nama"], info["kabupaten"], tahun, None, info["skala_predikat"], analisis.BATAS_INSTANSI)
        v = Tampilan(info["id"], info["kode"], *lingkup, pilihan={"wl_peta": lapisan}, baca=baca)
        mulai = time.perf_counter()
        wilayah.grafik_peta(v).fig.to_json()
        return time.perf_counter() - mulai

    try:
        for kode, tahun, lapisan in instansi:
            info = analisis.info_instansi(con, analisis.id_instansi(con, kode))
            baca = pembaca_koneksi(con)
            dingin = sekali(info, tahun, lapisan, baca)
            hangat = [sekali(info, tahun, lapisan, baca) for _ in range(ULANG)]
            median = statistics.median(hangat)
            cetak(
                f"peta    instansi  {kode:<18} {tahun} {lapisan:<12} median hangat {ms(median):>9}, maks "
                f"{ms(max(hangat)):>9}, dingin {ms(dingin):>9}",
                SASARAN["bagian_peta"],
                median,
            )
    finally:
        con.close()


def ukur_wilayah_dtsen(db: Path, salinan: Path, dtsen_dibuka: bool = False) -> None:
    """Sebaran Wilayah with DTSEN data (the seeds plus tests/data/dtsen imported into a copy):
    Tegal and Tanjung Jabung Barat in 2025, median CPU and wall time of 5 warm reruns, in this
    process through AppTest. `dtsen_dibuka`: with the DTSEN charts switched on (toggle wl_dtsen)."""
    import halaman  # noqa: F401  (applies the AppTest PagesManager patch)
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    import dasbor
    from sakip_calc.ingest import impor

    shutil.copy2(db, salinan)
    data = AKAR / "tests" / "data" / "dtsen"
    berkas = ["DTSEN_Tegal_2025-03.xlsx", "DTSEN_Tegal_2025-06.xlsx", "Bansos_Tegal_2025_Wilayah.csv",
              "DTSEN_TanjungJabungBarat_2025-06.xlsx"]  # fmt: skip
    assert all(h.status == "berhasil" for h in impor.impor_berkas([data / b for b in berkas], salinan))
    dasbor.DB = salinan
    for kode, tahun in (("dinsos-tegal", 2018), ("dinsos-tanjabbar", 2023)):
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=600)
        at.run()
        at.selectbox(key="instansi").set_value(kode).run()
        at.selectbox(key="tahun").set_value(tahun).run()
        at.switch_page(str(AKAR / "pages" / "wilayah.py"))
        at.run()
        at.selectbox(key="wl_tahun").set_value(2025).run()
        if dtsen_dibuka:
            at.toggle(key="wl_dtsen").set_value(True).run()
        assert not at.exception, [e.value for e in at.exception]
        cpu, dinding = [], []
        for _ in range(ULANG):
            mulai, c = time.perf_counter(), time.process_time()
            at.run()
            cpu.append(time.process_time() - c)
            dinding.append(time.perf_counter() - mulai)
        cetak(
            f"halaman instansi  {kode:<18} 2025 wilayah DTSEN{' dibuka' if dtsen_dibuka else ''}: median hangat CPU "
            f"{ms(statistics.median(cpu)):>9} (dinding {ms(statistics.median(dinding))}), {beban()}",
            SASARAN["halaman_instansi"],
            statistics.median(cpu),
        )
    salinan.unlink(missing_ok=True)


def ukur_kueri(skala: str, kueri: list[tuple]) -> None:
    """Each distinct read once per scale: median of 5 warm calls of the uncached function."""
    dilihat: dict[tuple, list[str]] = {}
    fungsi = {}
    for h, nama, f, a, k in kueri:
        # a[0] is the data version; dasbor.baca(version, read name, args, function) is named by its read
        kunci = (a[1], a[2], ()) if nama == "baca" else (nama, a[1:], tuple(sorted(k.items())))
        dilihat.setdefault(kunci, [])
        if h not in dilihat[kunci]:
            dilihat[kunci].append(h)
        fungsi[kunci] = (f, a, k)
    for kunci, halaman in dilihat.items():
        f, a, k = fungsi[kunci]
        f.__wrapped__(*a, **k)
        waktu = []
        for _ in range(ULANG):
            mulai = time.perf_counter()
            f.__wrapped__(*a, **k)
            waktu.append(time.perf_counter() - mulai)
        argumen = ", ".join(str(x) for x in kunci[1])
        cetak(
            f"kueri   {skala:<9} {kunci[0]}({argumen})  [{', '.join(halaman)}]  median {ms(statistics.median(waktu))}",
            SASARAN.get(kunci[0], SASARAN["kueri"]),
            statistics.median(waktu),
        )


def banding_duckdb(db: Path, tahun: int, skala: str, kunci: str, mentah: bool) -> tuple[float, object]:
    from sakip_calc import store
    from sakip_calc.calc import analisis
    from sakip_calc.store import banding

    con = store.buka(db)
    asli = banding._relasi_agregat
    if mentah:  # as a file without the derived tables: the same SQL over the raw tables
        banding._relasi_agregat = lambda c: {t: f"({sql})" for t, sql in store.AGREGAT.items()}
    try:

        def semua():
            return (
                analisis.banding_instansi(con, tahun, None, analisis.BATAS_INSTANSI, skala, kunci),
                analisis.banding_provinsi(con, tahun, analisis.BATAS_INSTANSI, skala, kunci),
                analisis.indikator_bersama(con, tahun),
            )

        semua()
        waktu = []
        for _ in range(ULANG):
            mulai = time.perf_counter()
            hasil = semua()
            waktu.append(time.perf_counter() - mulai)
    finally:
        banding._relasi_agregat = asli
        con.close()
    return statistics.median(waktu), hasil


def ukur_pandas(skala: str, db: Path, tahun: int, nama_skala: str, kunci: str) -> None:
    import pandas as pd

    dd, (inst, prov, daftar) = banding_duckdb(db, tahun, nama_skala, kunci, mentah=False)
    dm, _ = banding_duckdb(db, tahun, nama_skala, kunci, mentah=True)
    pd_hasil, rss = di_proses_baru("pandas_naif", str(db), tahun, nama_skala, kunci)
    # the same numbers, or the comparison means nothing
    a = inst.set_index("kode")[["capaian", "serapan"]].sort_index()
    b = pd_hasil["instansi"].set_index("kode")[["capaian", "serapan"]].sort_index()
    pd.testing.assert_frame_equal(a, b, check_dtype=False, check_names=False, rtol=1e-9)
    assert len(daftar) == pd_hasil["jumlah_indikator"] and len(prov) == len(pd_hasil["provinsi"])
    total = pd_hasil["muat"] + pd_hasil["hitung"]
    cetak(
        f"banding {skala:<9} pandas naif (muat {ms(pd_hasil['muat'])} + hitung {ms(pd_hasil['hitung'])}) {ms(total)}, "
        f"RSS puncak {angka(rss)} MB; hasil sama dengan DuckDB"
    )
    cetak(
        f"banding {skala:<9} DuckDB tabel agregat {ms(dd)}: {angka(total / dd, 1)}x lebih cepat dari pandas",
        SASARAN["rasio_pandas"],
        total / dd,
        minimal=True,
        tulis=lambda x: f"{angka(x)}x",
    )
    # not the app's path (it reads the derived tables): what a file written before them costs
    cetak(
        f"banding {skala:<9} DuckDB dari tabel mentah {ms(dm)}: {angka(total / dm, 1)}x lebih cepat dari pandas "
        f"(hanya hitung: {angka(pd_hasil['hitung'] / dm, 1)}x; bukan jalur aplikasi, untuk berkas tanpa tabel agregat)"
    )


# ---- a real browser ---------------------------------------------------------------------------

_JUDUL = """([judul]) => { const h1 = document.querySelector('h1'); return !!h1 && h1.innerText.includes(judul); }"""


def ukur_peramban(db: Path, nama_instansi: list[str], tahun: int) -> None:
    import server_app
    from peramban import tab_baru  # bench/peramban.py
    from playwright.sync_api import sync_playwright

    port = server_app.port_bebas()
    log = db.parent / "streamlit.log"
    url = f"http://127.0.0.1:{port}"
    with server_app.proses(server_app.perintah_streamlit(port), log, dict(os.environ, SAKIP_DB=str(db))) as server:
        server_app.tunggu_sehat(url, server, log, detik=120)
        with sync_playwright() as p:
            peramban = server_app.chromium(p)

            # one browser profile, as a returning user has: the app's scripts come from its HTTP cache
            konteks = peramban.new_context(viewport={"width": 1600, "height": 1000})

            judul_tampil = []

            def muat(nama: str, k=None) -> tuple[float, object]:
                halaman = tab_baru(k or konteks)  # a new tab is a new Streamlit session
                mulai = time.perf_counter()
                halaman.goto(f"{url}/?instansi={nama.replace(' ', '+')}&tahun={tahun}")
                halaman.wait_for_function(_JUDUL, arg=[f"Ringkasan Kinerja {tahun}"], timeout=120_000, polling=50)
                judul_tampil.append(time.perf_counter() - mulai)
                halaman.wait_for_function(
                    server_app.SIAP, arg=[f"Ringkasan Kinerja {tahun}", ""], timeout=120_000, polling=50
                )
                return time.perf_counter() - mulai, halaman

            # a fresh server runs its first request through Streamlit's legacy page path: not a user's view
            pertama, halaman = muat(nama_instansi[0])
            halaman.close()
            cetak(
                f"peramban nasional  muat pertama setelah server hidup (cache server dan peramban kosong) {ms(pertama)}"
            )
            baru, sama = [], []
            for nama in nama_instansi[1 : ULANG + 1]:
                d, halaman = muat(nama)
                baru.append(d)
                halaman.close()
            for _ in range(ULANG):
                d, halaman = muat(nama_instansi[1])
                sama.append(d)
                halaman.close()
            cetak(
                "peramban nasional  muat pertama Ringkasan, sesi baru, instansi baru: median "
                f"{ms(statistics.median(baru))}, "
                f"maks {ms(max(baru))} (judul dan kartu tampil: median "
                f"{ms(statistics.median(judul_tampil[1 : ULANG + 1]))}; "
                "sisanya menggambar grafik di peramban)",
                SASARAN["muat_peramban"],
                statistics.median(baru),
            )
            cetak(
                "peramban nasional  muat pertama Ringkasan, sesi baru, instansi sudah dilihat: median "
                f"{ms(statistics.median(sama))}, "
                f"maks {ms(max(sama))}",
                SASARAN["muat_peramban"],
                statistics.median(sama),
            )
            kosong = peramban.new_context(viewport={"width": 1600, "height": 1000})
            d, halaman = muat(nama_instansi[1], kosong)
            kosong.close()
            cetak(f"peramban nasional  muat Ringkasan dengan cache peramban kosong (pengunjung pertama kali) {ms(d)}")
            # filter change: the year in the sidebar, five years not yet shown for this agency
            d, halaman = muat(nama_instansi[0])
            ganti = []
            for t in range(tahun - 1, tahun - 1 - ULANG, -1):
                halaman.get_by_test_id("stSidebar").get_by_role("combobox", name="Tahun", exact=True).click()
                opsi = halaman.get_by_test_id("stSelectboxVirtualDropdown").get_by_role(
                    "option", name=str(t), exact=True
                )
                opsi.wait_for()
                mulai = time.perf_counter()
                opsi.click()
                halaman.wait_for_function(
                    server_app.SIAP, arg=[f"Ringkasan Kinerja {t}", ""], timeout=120_000, polling=50
                )
                ganti.append(time.perf_counter() - mulai)
            konteks.close()
            cetak(
                f"peramban nasional  ganti filter Tahun di Ringkasan: median {ms(statistics.median(ganti))}, maks "
                f"{ms(max(ganti))}",
                SASARAN["ganti_filter"],
                statistics.median(ganti),
            )
            peramban.close()
        with open(f"/proc/{server.pid}/status") as f:
            puncak = next(int(b.split()[1]) for b in f if b.startswith("VmHWM")) / 1024
        cetak(
            f"RSS     server Streamlit nasional (setelah uji peramban): puncak {angka(puncak)} MB",
            SASARAN["rss_mb"],
            puncak,
            tulis=mb,
        )


# ---- main ---------------------------------------------------------------------------------------


def main() -> None:
    global _BERKAS_HASIL
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--keluaran", default="/tmp/sakip-bench", help="folder for the databases and hasil.txt")
    p.add_argument("--pakai-ulang", action="store_true", help="reuse databases already built there")
    p.add_argument("--tanpa-peramban", action="store_true", help="skip the browser measurements")
    a = p.parse_args()
    keluaran = Path(a.keluaran)
    keluaran.mkdir(parents=True, exist_ok=True)
    _BERKAS_HASIL = keluaran / "hasil.txt"
    _BERKAS_HASIL.write_text("")

    import duckdb
    import pandas
    import streamlit

    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next(
        (b.split(":", 1)[1].strip() for b in open("/proc/cpuinfo") if b.startswith("model name")), platform.processor()
    )
    cetak(
        f"mesin   {os.cpu_count()} inti ({cpu}), RAM {angka(ram, 1)} GiB, {platform.platform()}, Python "
        f"{platform.python_version()}, "
        f"DuckDB {duckdb.__version__}, pandas {pandas.__version__}, Streamlit {streamlit.__version__}"
    )
    cetak(
        f"mesin   mulai {time.strftime('%Y-%m-%d %H:%M:%S')}, {beban()}, perintah: .venv/bin/python bench/run.py "
        f"{' '.join(sys.argv[1:])}"
    )

    db = {
        "instansi": keluaran / "seed.duckdb",
        "provinsi": keluaran / "provinsi.duckdb",
        "nasional": keluaran / "nasional.duckdb",
    }
    if not (a.pakai_ulang and all(d.exists() for d in db.values())):
        for d in db.values():
            d.unlink(missing_ok=True)
        h, rss = di_proses_baru("bangun_seed", str(db["instansi"]))
        cetak(
            f"muat    instansi  3 buku kerja seed: {angka(h['baris'])} baris, {angka(h['detik'], 1)} s, RSS puncak "
            f"{angka(rss)} MB"
        )
        for skala, nama in (("provinsi", "province"), ("nasional", "national")):
            h, rss = di_proses_baru("bangun_synth", str(db[skala]), nama)
            cetak(
                f"synth   {skala:<9} pembangkitan + muat: {angka(h['baris'])} baris, {angka(h['detik'], 1)} s, "
                f"{angka(h['baris'] / h['detik'])} baris/s",
                SASARAN["synth_nasional"] if skala == "nasional" else None,
                h["detik"],
            )
            cetak(f"synth   {skala:<9} RSS puncak proses pembangkit {angka(rss)} MB", SASARAN["rss_mb"], rss, tulis=mb)
        folder, tujuan = keluaran / "nasional_parquet", keluaran / "nasional_massal.duckdb"
        shutil.rmtree(folder, ignore_errors=True)
        tujuan.unlink(missing_ok=True)
        h, rss = di_proses_baru("ekspor_dan_muat", str(db["nasional"]), str(folder), str(tujuan))
        cetak(
            f"massal  nasional  ekspor Parquet {angka(h['ekspor'], 1)} s; impor massal (periksa + tulis) "
            f"{angka(h['baris'])} baris, "
            f"{angka(h['muat'], 1)} s, {angka(h['baris'] / h['muat'])} baris/s, RSS puncak {angka(rss)} MB"
        )
        tujuan.unlink(missing_ok=True)

    cetak_impor_nasional(
        *di_proses_baru("impor_ke_nasional", str(db["nasional"]), str(keluaran / "nasional_impor.duckdb"))
    )

    ukur_form_renja(db["instansi"], keluaran / "form_renja.duckdb")
    # the pandas path first: AppTest swaps __main__, after which a spawned process cannot start
    cetak(f"mesin   {beban()} (sebelum perbandingan pandas)")
    for skala in ("provinsi", "nasional"):
        ukur_pandas(skala, db[skala], 2024, "permenpan", "angka kemiskinan")
    from sakip_calc import store

    con = store.buka(db["nasional"])
    contoh = store.instansi(con)
    con.close()
    pilihan = {
        "instansi": [("dinsos-temanggung", 2023), ("dinsos-tanjabbar", 2023), ("dinsos-tegal", 2018)],
        "provinsi": [("sintetis-010", None)],
        "nasional": [("sintetis-200", None)],
    }
    for skala, daftar in pilihan.items():
        cetak(f"mesin   {beban()} (sebelum halaman skala {skala})")
        kueri = ukur_halaman(
            skala,
            db[skala],
            daftar,
            SASARAN["halaman_instansi" if skala == "instansi" else "halaman_nasional"],
            SASARAN["halaman_nasional_dingin"] if skala == "nasional" else None,
        )
        ukur_kueri(skala, kueri)
        if skala == "instansi":
            ukur_peta(
                db[skala], [("dinsos-tegal", 2018, "jenis"), ("dinsos-tegal", 2018, "persen_tanpa_nik_dari_total")]
            )
            for dibuka in (False, True):
                ukur_wilayah_dtsen(db[skala], keluaran / "dtsen.duckdb", dibuka)
    cetak(
        f"RSS     proses benchmark (AppTest dan pembacaan, 3 skala): puncak {angka(rss_mb())} MB",
        SASARAN["rss_mb"],
        rss_mb(),
        tulis=mb,
    )
    if not a.tanpa_peramban:
        cetak(f"mesin   {beban()} (sebelum uji peramban)")
        nama = contoh.sort_values("id")["nama"].tolist()
        ukur_peramban(db["nasional"], [nama[199], *nama[300 : 300 + ULANG]], 2024)
        import peramban

        cetak(f"mesin   {beban()} (sebelum uji peramban per halaman)")
        peramban.ukur(db["instansi"], "Dinas Sosial Kabupaten Temanggung", 2023, cetak)
    cetak(f"mesin   selesai {time.strftime('%Y-%m-%d %H:%M:%S')}, {beban()}")


if __name__ == "__main__":
    main()
