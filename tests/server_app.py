"""The app as a user starts it (`streamlit run app.py`) and Debian's chromium, for the browser tests,
the benchmark and scripts/potret.py: one definition of the command, the health wait and the stop."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# Playwright cannot download its own browser here; Debian's runs with these (STACK_NOTES.md): without
# the background-networking flags it keeps trying hosts this machine cannot reach
ARG_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class AplikasiGagal(RuntimeError):
    """The app exited or did not answer in time; the message ends with its log."""


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ekor(log: Path, n: int = 3000) -> str:
    return log.read_text(errors="replace")[-n:] if log.exists() else "(no log)"


def perintah_streamlit(port: int) -> list[str]:
    """The app as the README starts it, on 127.0.0.1 only, without a browser or file watcher."""
    return [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
            "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false"]  # fmt: skip


@contextlib.contextmanager
def proses(perintah: list[str], log: Path, env: dict | None = None) -> Iterator[subprocess.Popen]:
    """A process run from the checkout with its output in `log`, stopped on exit (terminate, then
    kill, both bounded)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as keluaran:
        p = subprocess.Popen(perintah, cwd=AKAR, env=env, stdout=keluaran, stderr=subprocess.STDOUT)
    try:
        yield p
    finally:
        p.terminate()
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=15)


def tunggu_sehat(url: str, p: subprocess.Popen, log: Path, detik: float = 60) -> None:
    """Poll /_stcore/health (through a proxy too) until it answers ok; AplikasiGagal with the log
    when the process exits or time runs out."""
    batas = time.monotonic() + detik
    while True:
        if p.poll() is not None:
            raise AplikasiGagal(f"{p.args[0]} exited with code {p.returncode}:\n{ekor(log)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        if time.monotonic() > batas:
            raise AplikasiGagal(f"{url}/_stcore/health did not answer ok within {detik:.0f} s:\n{ekor(log)}")
        time.sleep(0.25)


@contextlib.contextmanager
def jalankan(db: Path, log: Path, env: dict | None = None, port: int | None = None, detik: float = 60) -> Iterator[str]:
    """`streamlit run app.py` on 127.0.0.1 with SAKIP_DB=db (and `env`, default this process's),
    its output in `log`; yields the base URL once /_stcore/health answers ok; stopped on exit."""
    port = port or port_bebas()
    url = f"http://127.0.0.1:{port}"
    with proses(perintah_streamlit(port), log, dict(env or os.environ, SAKIP_DB=str(db))) as p:
        tunggu_sehat(url, p, log, detik)
        yield url


def chromium(pw, **kw):
    """Debian's chromium through Playwright (sync or async API: the async one returns an awaitable)."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM, **kw)


# a drawn chart: dasbor/grafik_web.js marks its element once plotly.js is done
TERGAMBAR = ".sakip-grafik[data-tergambar]"
# every chart on the page is drawn and every table in place (the app's components: dasbor.grafik_web,
# dasbor.tabel_web)
GRAFIK_TERGAMBAR = f"""[...document.querySelectorAll("[data-testid='stBidiComponentRegular']")]
    .every(e => e.querySelector('{TERGAMBAR}, .sakip-tabel'))"""


# a view is ready (the bench's measure): connected, the run over, nothing stale or a skeleton, the
# title there (containing `judul`, and not the previous page's `lama`), every chart drawn
SIAP = (
    """([judul, lama]) => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || app.dataset.testScriptState !== 'notRunning') return false;
    if (app.dataset.testConnectionState !== 'CONNECTED') return false;
    if (document.querySelector("[data-testid='stSkeleton']")) return false;
    if (document.querySelector("[data-stale='true']")) return false;
    const h1 = document.querySelector('h1');
    if (!h1 || h1.innerText === lama || !h1.innerText.includes(judul)) return false;
    return """
    + GRAFIK_TERGAMBAR
    + "; }"
)


def tunggu(page, batas: float = 90_000) -> None:
    """Wait like Streamlit's own e2e tests: connected, script not running, no skeleton; then every
    chart drawn. The first pause lets a rerun that a click has just asked for start."""
    page.wait_for_timeout(150)
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=batas)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=batas)
    page.wait_for_selector("[data-testid='stSkeleton']", state="detached", timeout=batas)
    page.wait_for_function(f"() => {GRAFIK_TERGAMBAR}", timeout=batas)
