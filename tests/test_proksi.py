"""Import behind a real reverse proxy on the same machine (issue 16, part 1).

Debian's nginx, started by the test, proxies HTTP and the websocket to `streamlit run app.py`
listening on 127.0.0.1, as the README's security section sets it up. Without an admin password a
visitor through the proxy finds import and undo closed, with the reason; the same app opened
directly on this computer keeps them open; with a password the proxy visitor gets the login form
and, logged in, the uploader. The AppTest side of the rule, case by case: tests/test_akses.py.

Run: .venv/bin/python -m pytest -q tests/test_proksi.py   (about half a minute on an idle machine)
"""

from __future__ import annotations

import os
import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest
import server_app

from sakip_calc.access import sandi

NGINX = Path("/usr/sbin/nginx")
CHROMIUM = Path("/usr/bin/chromium")
if not NGINX.exists():
    pytest.skip(
        "the proxy test needs Debian's nginx at /usr/sbin/nginx (./test.sh installs it)", allow_module_level=True
    )
if not CHROMIUM.exists():
    pytest.skip(
        "the proxy test needs Debian's chromium at /usr/bin/chromium (./test.sh installs it)", allow_module_level=True
    )

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

AKAR = Path(__file__).resolve().parents[1]
ARTEFAK = AKAR / "tests" / "artifacts"
BATAS = 60_000  # ms, every browser wait
SANDI = "sandi-admin-proksi-123"

# The server block the README recommends, on loopback ports. Host is $http_host (with the port), so
# that the browser's Origin matches it and Streamlit accepts the websocket as same-origin.
SERVER = """
    server {{
        listen 127.0.0.1:{dengar};
        location / {{
            proxy_pass http://127.0.0.1:{aplikasi};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 86400;
            proxy_buffering off;   # no temp files: nginx's workers may run as a user that cannot write here
        }}
    }}"""

NGINX_CONF = """daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{servers}
}}
"""


@pytest.fixture(scope="module")
def alamat(db_bawaan, tmp_path_factory):
    """Two apps on a private copy of the database, one without and one with SAKIP_ADMIN_HASH, each
    behind its own nginx server block; yields their direct and proxied base URLs."""
    tmp = tmp_path_factory.mktemp("proksi")
    db = tmp / "sakip.duckdb"
    shutil.copy2(db_bawaan, db)
    env = {k: v for k, v in os.environ.items() if k != "SAKIP_ADMIN_HASH"}
    jenis = {"terbuka": env, "sandi": env | {"SAKIP_ADMIN_HASH": sandi.buat_hash(SANDI)}}
    port = {(j, sisi): server_app.port_bebas() for j in jenis for sisi in ("langsung", "proksi")}
    url = {k: f"http://127.0.0.1:{p}" for k, p in port.items()}
    with ExitStack() as tumpukan:
        for j, e in jenis.items():
            tumpukan.enter_context(server_app.jalankan(db, tmp / f"streamlit_{j}.log", e, port[j, "langsung"]))
        servers = "".join(SERVER.format(dengar=port[j, "proksi"], aplikasi=port[j, "langsung"]) for j in jenis)
        (tmp / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp, servers=servers))
        # -e: nginx opens its error log before reading the config; keep that one in tmp as well
        perintah = [str(NGINX), "-c", str(tmp / "nginx.conf"), "-p", str(tmp), "-e", str(tmp / "error.log")]
        nginx = tumpukan.enter_context(server_app.proses(perintah, tmp / "nginx.out"))
        for j in jenis:
            server_app.tunggu_sehat(url[j, "proksi"], nginx, tmp / "error.log", detik=15)
        yield url


@pytest.fixture(scope="module")
def peramban():
    with sync_playwright() as p:
        b = server_app.chromium(p, headless=True, timeout=BATAS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(peramban):
    kontek = peramban.new_context(viewport={"width": 1400, "height": 1000})
    halaman = kontek.new_page()
    halaman.set_default_timeout(BATAS)
    yield halaman
    kontek.close()


def tunggu(page: Page) -> None:
    """Connected over the websocket (through the proxy, too), the script finished, nothing pending."""
    page.wait_for_timeout(150)  # let a rerun that a click has just asked for start
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']")
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    page.wait_for_selector("[data-testid='stSkeleton']", state="detached")


def buka_impor(page: Page, url: str) -> Page:
    """The root first (a fresh server's first deep link takes Streamlit's legacy pages path, see
    tests/test_browser.py), then the sidebar link, as a user would."""
    page.goto(url + "/")
    tunggu(page)
    page.get_by_test_id("stSidebarNavLink").filter(has=page.get_by_text("Impor Data", exact=True)).click()
    page.wait_for_url(url + "/impor**")
    tunggu(page)
    expect(page.locator("h1").first).to_have_text("Impor Data")
    expect(page.get_by_text("Riwayat impor", exact=True)).to_be_visible()  # history: open to everyone
    return page


def unggahan(page: Page):
    return page.get_by_test_id("stFileUploader")


def tombol_batal(page: Page):
    return page.get_by_role("button", name="Batalkan impor")


def test_lewat_proksi_tanpa_sandi_impor_tertutup(page, alamat):
    buka_impor(page, alamat["terbuka", "proksi"])
    peringatan = page.get_by_test_id("stAlertContentWarning")
    expect(peringatan).to_contain_text("dinonaktifkan: belum ada sandi admin")
    expect(peringatan).to_contain_text("permintaan ini datang melalui proxy (header X-Forwarded-For")
    expect(peringatan).to_contain_text("SAKIP_ADMIN_HASH")
    expect(unggahan(page)).to_have_count(0)
    expect(tombol_batal(page)).to_have_count(0)
    expect(page.get_by_text("Batalkan impor terakhir")).to_have_count(0)
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFAK / "proksi_impor_tertutup.png"), full_page=True)


def test_langsung_di_komputer_ini_impor_terbuka(page, alamat):
    buka_impor(page, alamat["terbuka", "langsung"])
    expect(page.get_by_test_id("stAlertContentInfo").first).to_contain_text("langsung dari komputer ini")
    expect(unggahan(page)).to_be_visible()
    expect(page.get_by_text("Batalkan impor terakhir")).to_be_visible()
    expect(page.get_by_test_id("stAlertContentWarning")).to_have_count(0)


def test_lewat_proksi_dengan_sandi_minta_masuk(page, alamat):
    buka_impor(page, alamat["sandi", "proksi"])
    expect(page.get_by_test_id("stAlertContentInfo").first).to_contain_text("Hanya admin yang boleh")
    expect(unggahan(page)).to_have_count(0)
    page.get_by_label("Sandi admin").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    tunggu(page)
    expect(page.get_by_text("Masuk sebagai admin.")).to_be_visible()
    expect(unggahan(page)).to_be_visible()
