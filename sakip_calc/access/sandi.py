"""Admin password hashes and the lockout after repeated failures (no Streamlit here).

A hash is `scrypt$<n>$<r>$<p>$<garam base64>$<hash base64>`, made by `python -m sakip_calc
hash-sandi`. Only the hash is configured; comparison is constant-time; scrypt makes each guess
cost tens of milliseconds and memory, and `PenjagaPercobaan` stops guessing after a few misses.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
import time
from dataclasses import dataclass, field

N, R, P = 2**14, 8, 1
PANJANG_MIN = 10


def buat_hash(sandi: str, garam: bytes | None = None) -> str:
    garam = garam or os.urandom(16)
    kunci = hashlib.scrypt(sandi.encode(), salt=garam, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${base64.b64encode(garam).decode()}${base64.b64encode(kunci).decode()}"


def hash_sah(tersimpan: str | None) -> bool:
    """True when `tersimpan` has the shape `buat_hash` writes (a typo in the setting shows up)."""
    return _urai(tersimpan) is not None


def _urai(tersimpan: str | None):
    try:
        nama, n, r, p, garam, kunci = (tersimpan or "").strip().split("$")
        n, r, p = int(n), int(r), int(p)
        if nama != "scrypt" or not (2**10 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
            return None
        garam, kunci = base64.b64decode(garam, validate=True), base64.b64decode(kunci, validate=True)
        # a short key would accept other passwords too (a truncated setting must not weaken it)
        return (n, r, p, garam, kunci) if len(garam) >= 16 and len(kunci) == 32 else None
    except ValueError:
        return None


def cocok(sandi: str, tersimpan: str | None) -> bool:
    """Whether `sandi` matches the stored hash; a malformed hash matches nothing."""
    urai = _urai(tersimpan)
    if urai is None:
        return False
    n, r, p, garam, kunci = urai
    try:
        coba = hashlib.scrypt(sandi.encode(), salt=garam, n=n, r=r, p=p, maxmem=2**27, dklen=32)
    except ValueError:  # parameters beyond the memory cap
        return False
    return hmac.compare_digest(coba, kunci)


@dataclass
class PenjagaPercobaan:
    """Lock a key (a client address, or everyone) for `kunci_detik` after `maks` failures
    within `jendela_detik`. Shared by all sessions of the process, hence the lock."""

    maks: int = 5
    jendela_detik: float = 15 * 60
    kunci_detik: float = 15 * 60
    _gagal: dict[str, list[float]] = field(default_factory=dict)
    _sampai: dict[str, float] = field(default_factory=dict)
    _kunci: threading.Lock = field(default_factory=threading.Lock)

    def sisa_kunci(self, kunci: str, sekarang: float | None = None) -> float:
        """Seconds until `kunci` may try again (0 when it may now)."""
        sekarang = time.monotonic() if sekarang is None else sekarang
        with self._kunci:
            return max(0.0, self._sampai.get(kunci, 0.0) - sekarang)

    def gagal(self, kunci: str, sekarang: float | None = None) -> int:
        """Record a failure; returns the tries left before the lock (0 = now locked)."""
        sekarang = time.monotonic() if sekarang is None else sekarang
        with self._kunci:
            baru = [t for t in self._gagal.get(kunci, []) if sekarang - t < self.jendela_detik] + [sekarang]
            if len(baru) >= self.maks:
                self._sampai[kunci] = sekarang + self.kunci_detik
                baru = []
            self._gagal[kunci] = baru
            return 0 if not baru else self.maks - len(baru)

    def berhasil(self, kunci: str) -> None:
        with self._kunci:
            self._gagal.pop(kunci, None)
            self._sampai.pop(kunci, None)
