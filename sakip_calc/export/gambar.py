"""Static chart images (PNG, SVG) from one kaleido renderer that stays warm for the process.

Owns the renderer's life (Debian's chromium); must not change a figure beyond its size.
"""

from __future__ import annotations

import os
import shutil
import threading

import kaleido
import plotly.graph_objects as go

PERAMBAN = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
LEBAR_GAMBAR = 1280  # layout px: the figures' fonts are sized for about this width
SKALA_PNG = 1.5  # 1280 x 1.5 = 1920 px, above the 1600 px a projector slide needs
_kunci_penyaji = threading.Lock()
_penyaji_hidup = False


class PenyajiTidakAda(RuntimeError):
    """No browser for kaleido: the message says what is missing and how to install it."""


def pesan_tanpa_penyaji() -> str:
    return (
        f"Gambar grafik (unduhan PNG/SVG dan slide bergambar di presentasi) memerlukan peramban Chromium, "
        f"yang tidak ditemukan di {PERAMBAN}. Jalankan `./run.sh` (memasang chromium lewat apt-get) atau "
        f"`sudo apt-get install chromium`, lalu mulai ulang aplikasi."
    )


def penyaji_tersedia() -> bool:
    """Whether kaleido can find a browser, without starting one: the configured path, or (when
    BROWSER_PATH is not set) a chromium/chrome on PATH, where kaleido looks too."""
    if os.path.exists(PERAMBAN):
        return True
    return "BROWSER_PATH" not in os.environ and any(
        shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "chrome")
    )


def siapkan_penyaji() -> None:
    """Start the process's one kaleido renderer (a chromium tab) if it is not running yet.

    Starting a browser costs ~2.5 s; a warm one renders an image in a few tenths of a second.
    """
    global _penyaji_hidup
    with _kunci_penyaji:
        if not _penyaji_hidup:
            if not penyaji_tersedia():
                raise PenyajiTidakAda(pesan_tanpa_penyaji())
            kwargs = {"path": PERAMBAN} if os.path.exists(PERAMBAN) else {}
            # mathjax=False: no CDN fetch; plotly.js comes from the installed plotly package
            try:
                kaleido.start_sync_server(mathjax=False, silence_warnings=True, **kwargs)
            except Exception as e:  # kaleido's own "Chrome not found" and a browser that will not start
                raise PenyajiTidakAda(f"{pesan_tanpa_penyaji()} ({type(e).__name__})") from e
            _penyaji_hidup = True


def hentikan_penyaji() -> None:
    """Close the renderer now rather than from an exit hook, where chromium's pipe may already be
    half torn down (it then logs JSON errors)."""
    global _penyaji_hidup
    with _kunci_penyaji:
        if _penyaji_hidup:
            kaleido.stop_sync_server(silence_warnings=True)
            _penyaji_hidup = False


def gambar(
    fig: go.Figure,
    format: str = "png",
    lebar: int = LEBAR_GAMBAR,
    tinggi: int | None = None,
    skala: float | None = None,
) -> bytes:
    """PNG or SVG bytes of a figure. Width is in layout pixels; a PNG is `lebar * skala` wide."""
    siapkan_penyaji()
    tinggi = tinggi or fig.layout.height or 520
    skala = skala if skala is not None else (SKALA_PNG if format == "png" else 1)
    opsi = {"format": format, "width": lebar, "height": tinggi, "scale": skala}
    # the sync server hands out answers in queue order: one caller at a time
    with _kunci_penyaji:
        return kaleido.calc_fig_sync(fig.to_dict(), opts=opsi)


def gambar_png(fig: go.Figure) -> bytes:
    return gambar(fig, "png")


def gambar_svg(fig: go.Figure) -> bytes:
    return gambar(fig, "svg")
