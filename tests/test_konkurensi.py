"""Readers during an import: never blocked for more than a moment, never shown half an import.

The importer writes a copy of the database and renames it over the live file; readers attach
the file read-only in a fresh in-memory instance. First at the storage level, with the writer
held inside its open transaction; then with ten browser sessions (Playwright contexts) reading
the Ringkasan page of a running app while an import that changes all its numbers commits."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
import server_app
from bantu import isi

from sakip_calc import store

AKAR = Path(__file__).resolve().parents[1]
TEMANGGUNG = AKAR / "data" / "dinsos_temanggung_2023.xlsx"
SESI = 10
JEDA_TULIS = 20  # seconds the importer holds its open transaction (SAKIP_TITIK_UJI=tulis:20)


@pytest.fixture(scope="module")
def koreksi(tmp_path_factory) -> Path:
    """Temanggung 2023 with every indicator's realisasi cut by a fifth and every budget
    realisasi by a tenth: capaian, serapan, efisiensi and the data problems all change."""
    wb = openpyxl.load_workbook(TEMANGGUNG)
    for lembar, faktor in (("Capaian", 0.8), ("Anggaran", 0.9)):
        ws = wb[lembar]
        kepala = [c.value for c in ws[1]]
        for baris in ws.iter_rows(min_row=2):
            tahun, nilai = baris[kepala.index("tahun")], baris[kepala.index("realisasi")]
            if tahun.value == 2023 and isinstance(nilai.value, (int, float)):
                nilai.value = round(nilai.value * faktor, 2)
    tujuan = tmp_path_factory.mktemp("konkurensi") / "temanggung_koreksi.xlsx"
    wb.save(tujuan)
    return tujuan


def mulai_impor(db: Path, berkas: Path, titik: str) -> subprocess.Popen:
    env = dict(os.environ, SAKIP_TITIK_UJI=titik)
    return subprocess.Popen(
        [sys.executable, "-m", "sakip_calc", "import", str(berkas), "--db", str(db)],
        cwd=AKAR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def tunggu_titik(proses: subprocess.Popen, titik: str) -> None:
    for baris in proses.stderr:
        if baris.strip() == f"TITIK-UJI {titik}":
            return
    raise AssertionError(f"importer ended before {titik}: {proses.wait()}")


def test_pembaca_tidak_tertahan_dan_tidak_melihat_setengah_impor(db_salinan, koreksi, tmp_path):
    acuan = tmp_path / "acuan.duckdb"
    shutil.copy2(db_salinan, acuan)
    assert (
        subprocess.run([sys.executable, "-m", "sakip_calc", "import", koreksi, "--db", acuan], cwd=AKAR).returncode == 0
    )
    lama, baru = isi(db_salinan), isi(acuan)
    assert lama != baru

    tua = store.buka(db_salinan, read_only=True)  # a reader that stays open across the import
    proses = mulai_impor(db_salinan, koreksi, "tulis:4")
    tunggu_titik(proses, "tulis")  # every row written, lock held, not committed
    waktu = []
    for _ in range(5):
        t = time.monotonic()
        assert isi(db_salinan) == lama  # open, read everything, close
        waktu.append(time.monotonic() - t)
    assert max(waktu) < 2, waktu
    assert proses.wait(timeout=120) == 0
    assert isi(db_salinan) == baru  # a new reader sees all of it
    assert store.isi_semua_tabel(tua) == lama  # the open one keeps its whole snapshot
    tua.close()


# ---- ten browser sessions ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def aplikasi(db_bawaan, tmp_path_factory):
    if not Path(server_app.CHROMIUM).exists():
        pytest.skip("chromium is installed by ./test.sh")
    db = tmp_path_factory.mktemp("aplikasi") / "sakip.duckdb"
    shutil.copy2(db_bawaan, db)
    with server_app.jalankan(db, db.parent / "streamlit.log") as url:
        yield url, db


BACA_HALAMAN = """() => ({
    metrik: [...document.querySelectorAll('[data-testid="stMetric"]')]
        .map(m => m.innerText.replace(/\\s+/g, ' ').trim()),
    keterangan: [...document.querySelectorAll('[data-testid="stCaptionContainer"]')].map(c => c.innerText.trim()),
    galat: document.querySelectorAll('[data-testid="stException"], [data-testid="stAlertContentError"]').length,
})"""


async def baca_sekali(halaman, url: str) -> tuple[float, float, tuple, int]:
    mulai = time.monotonic()
    await halaman.goto(f"{url}/?instansi=Dinas+Sosial+Kabupaten+Temanggung&tahun=2023", wait_until="domcontentloaded")
    await halaman.wait_for_selector('[data-testid="stMetric"]', timeout=120_000)
    await halaman.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=120_000)
    await halaman.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=120_000)
    isi_halaman = await halaman.evaluate(BACA_HALAMAN)
    angka = tuple(isi_halaman["metrik"]) + tuple(
        k for k in isi_halaman["keterangan"] if "Serapan" in k or "Capaian" in k
    )
    return mulai, time.monotonic(), angka, isi_halaman["galat"]


async def sesi_membaca(browser, url: str, siap: asyncio.Semaphore, selesai: list[float], catatan: list) -> None:
    """One browser context loading the page again and again until one load began after the import."""
    konteks = await browser.new_context(viewport={"width": 1400, "height": 1000})
    halaman = await konteks.new_page()
    catatan.append(await baca_sekali(halaman, url))
    siap.release()
    while not (selesai and catatan[-1][0] > selesai[0]):
        catatan.append(await baca_sekali(halaman, url))
    await konteks.close()


async def jalankan_sesi(url: str, db: Path, koreksi: Path) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await server_app.chromium(p)
        awal = await browser.new_context()
        sebelum = await baca_sekali(await awal.new_page(), url)  # warm, and the old numbers
        await awal.close()
        siap, selesai = asyncio.Semaphore(0), []
        catatan: list[list] = [[] for _ in range(SESI)]
        tugas = [asyncio.create_task(sesi_membaca(browser, url, siap, selesai, c)) for c in catatan]
        for _ in range(SESI):  # every session has loaded once
            await siap.acquire()
        impor_mulai = time.monotonic()
        proses = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "sakip_calc",
            "import",
            str(koreksi),
            "--db",
            str(db),
            cwd=AKAR,
            env=dict(os.environ, SAKIP_TITIK_UJI=f"tulis:{JEDA_TULIS}"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        keluar, galat = await proses.communicate()
        impor_selesai = time.monotonic()
        selesai.append(impor_selesai)
        await asyncio.gather(*tugas)
        await browser.close()
    return {
        "sebelum": sebelum,
        "catatan": catatan,
        "impor": (impor_mulai, impor_selesai),
        "kode": proses.returncode,
        "galat_impor": galat.decode(),
    }


def test_sepuluh_sesi_browser_selama_impor(aplikasi, koreksi):
    url, db = aplikasi
    hasil = asyncio.run(jalankan_sesi(url, db, koreksi))
    assert hasil["kode"] == 0, hasil["galat_impor"]
    lama = hasil["sebelum"][2]
    semua = [c for sesi in hasil["catatan"] for c in sesi]
    baru = hasil["catatan"][0][-1][2]
    assert lama != baru and len(lama) == len(baru) >= 4, (lama, baru)
    assert all(galat == 0 for *_, galat in semua), "an error was shown on a page"
    campur = [angka for _, _, angka, _ in semua if angka not in (lama, baru)]
    assert not campur, f"a page showed neither all old nor all new numbers: {campur[:2]} (old {lama}, new {baru})"
    assert all(sesi[-1][2] == baru for sesi in hasil["catatan"]), "a session still shows old numbers after the import"
    mulai, selesai = hasil["impor"]
    selama = [(a, b, angka) for a, b, angka, _ in semua if a < selesai and b > mulai]
    assert len(selama) >= SESI and lama in [angka for *_, angka in selama], (
        "the sessions did not read during the import"
    )
    durasi = sorted(b - a for a, b, *_ in selama)
    dasar = sorted(b - a for a, b, *_ in semua if b <= mulai)
    print(
        f"\n{SESI} sesi, {len(semua)} kali muat halaman, {len(selama)} di antaranya selama impor "
        f"({selesai - mulai:.1f} s, transaksi terbuka {JEDA_TULIS} s): "
        f"{sum(a == lama for *_, a in selama)} angka lama, "
        f"{sum(a == baru for *_, a in selama)} angka baru, 0 campuran, 0 galat; lama muat selama impor "
        f"median {durasi[len(durasi) // 2]:.1f} s, maksimum {durasi[-1]:.1f} s (sebelum impor, 10 sesi bersamaan "
        f"dari cache kosong: median {dasar[len(dasar) // 2]:.1f} s)"
    )
