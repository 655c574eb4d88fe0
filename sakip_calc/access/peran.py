"""Who may do what, and how an agency-year's figures move from draft to final: pure rules, no SQL,
no Streamlit. Every write path (the pages, the CLI, bulk) asks these functions.

Roles: admin (everything), operator of agencies (import, undo, notes, asking for verification, for
those agencies only), verifikator (verify or return the figures of the agencies assigned, notes),
pembaca (view). States per agency-year: draf -> diajukan -> terverifikasi (or dikembalikan, with a
reason) -> final. Final locks the agency-year: every write touching it is refused until an admin
unlocks it (with a reason), which brings it back to draf.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

PERAN = ("admin", "operator", "verifikator", "pembaca")
STATUS = ("draf", "diajukan", "terverifikasi", "dikembalikan", "final")
LABEL_STATUS = {
    "draf": "DRAF",
    "diajukan": "DIAJUKAN",
    "terverifikasi": "TERVERIFIKASI",
    "dikembalikan": "DIKEMBALIKAN",
    "final": "FINAL",
}
WARNA_STATUS = {
    "draf": "gray",
    "diajukan": "blue",
    "terverifikasi": "green",
    "dikembalikan": "orange",
    "final": "violet",
}

# action -> roles allowed (admin may do everything); agency-bound unless listed in _TANPA_INSTANSI
_BOLEH = {
    "impor": ("operator",),
    "batal": ("operator",),
    "catatan": ("operator", "verifikator"),
    "ajukan": ("operator",),
    "verifikasi": ("verifikator",),
    "kembalikan": ("verifikator",),
    "finalkan": (),
    "buka_kunci": (),
    "kelola_akun": (),
    "lihat_audit": ("operator", "verifikator"),
}
_TANPA_INSTANSI = ("kelola_akun", "lihat_audit")
NAMA_AKSI = {
    "impor": "mengimpor",
    "batal": "membatalkan impor",
    "catatan": "menulis catatan",
    "ajukan": "mengajukan verifikasi",
    "verifikasi": "memverifikasi",
    "kembalikan": "mengembalikan",
    "finalkan": "memfinalkan",
    "buka_kunci": "membuka kunci",
    "kelola_akun": "mengelola akun",
    "lihat_audit": "melihat audit",
}

TOMBOL = {
    "ajukan": "Ajukan verifikasi",
    "verifikasi": "Verifikasi",
    "kembalikan": "Kembalikan",
    "finalkan": "Finalkan (kunci)",
    "buka_kunci": "Buka kunci",
}

# action -> (states it starts from, the state it leads to, whether a reason is required)
TRANSISI = {
    "ajukan": (("draf", "dikembalikan"), "diajukan", False),
    "verifikasi": (("diajukan",), "terverifikasi", False),
    "kembalikan": (("diajukan", "terverifikasi"), "dikembalikan", True),
    "finalkan": (("terverifikasi",), "final", False),
    "buka_kunci": (("final",), "draf", True),
}


@dataclass(frozen=True)
class Pelaku:
    """Who is acting: the account name recorded in the audit, its role, its agencies (kode) and
    the address the request came from."""

    nama: str
    peran: str
    instansi: frozenset[str] = field(default_factory=frozenset)
    alamat: str | None = None


def konsol(pengguna: str) -> Pelaku:
    """The command line on the server: whoever runs it can write the file anyway, so it acts as admin,
    recorded under the operating-system user."""
    return Pelaku(f"konsol:{pengguna}", "admin", alamat="konsol")


def boleh(p: Pelaku | None, aksi: str, instansi: str | None = None) -> str | None:
    """None when `p` may do `aksi` (for agency `instansi`), else why not (a sentence for the page)."""
    if p is None:
        return f"masuk lebih dulu untuk {NAMA_AKSI[aksi]}"
    if p.peran == "admin":
        return None
    if p.peran not in _BOLEH[aksi]:
        return f"peran {p.peran} tidak boleh {NAMA_AKSI[aksi]}"
    if aksi not in _TANPA_INSTANSI and instansi not in p.instansi:
        return f"akun {p.nama} ({p.peran}) tidak boleh {NAMA_AKSI[aksi]} untuk instansi {instansi or '(bersama)'}"
    return None


def status_dari(tabel: Iterable[tuple[str, int, str]]) -> dict[tuple[str, int], str]:
    """(instansi, tahun) -> state from recorded rows; an agency-year not in it is draf."""
    return {(k, int(t)): s for k, t, s in tabel}


BERSAMA = (
    "skala predikat, jenis data wilayah dan ejaan wilayah dipakai bersama semua instansi; "
    "hanya admin yang boleh mengubahnya"
)


def tolak_tulis(
    p: Pelaku | None,
    aksi: str,
    cakupan: Collection[tuple[str | None, int | None]],
    status: Mapping[tuple[str, int], str],
) -> list[str]:
    """Why a write (import or undo) touching `cakupan` (agency, year; year None = the agency's own
    rows; (None, None) = a shared scale) is refused: the role, then every final agency-year."""
    alasan = []
    for kode in sorted({k for k, _ in cakupan if k is not None}):
        if (r := boleh(p, aksi, kode)) is not None:
            alasan.append(r)
    if (None, None) in cakupan and p is not None and p.peran != "admin":
        alasan.append(BERSAMA)
    for kode, tahun in sorted(cakupan, key=lambda c: (c[0] or "", c[1] or 0)):
        if kode is None:
            continue
        terkunci = sorted(t for (k, t), s in status.items() if k == kode and s == "final" and tahun in (None, t))
        for t in terkunci:
            alasan.append(
                f"{kode} tahun {t} sudah final (dikunci)"
                + ("" if tahun is not None else ": perubahan data instansi/indikator ikut mengubah angka tahun itu")
                + "; admin harus membuka kuncinya dengan alasan sebelum datanya diubah"
            )
    return list(dict.fromkeys(alasan))


def kembali_draf(
    cakupan: Collection[tuple[str | None, int | None]], status: Mapping[tuple[str, int], str]
) -> list[tuple[str, int]]:
    """Agency-years a write changed that were diajukan or terverifikasi: their figures are no longer
    the ones verified, so they go back to draf."""
    return sorted(
        (k, t)
        for (k, t), s in status.items()
        if s in ("diajukan", "terverifikasi") and ((k, t) in cakupan or (k, None) in cakupan)
    )


def langkah(status: str, aksi: str, alasan: str | None = None) -> tuple[str | None, str]:
    """The state after `aksi` from `status`, or (None, why not)."""
    asal, tujuan, perlu_alasan = TRANSISI[aksi]
    if status not in asal:
        return None, (
            f"tidak dapat {NAMA_AKSI[aksi]}: status sekarang {LABEL_STATUS[status]}, "
            f"harus {' atau '.join(LABEL_STATUS[s] for s in asal)}"
        )
    if perlu_alasan and not (alasan or "").strip():
        return None, f"{NAMA_AKSI[aksi].capitalize()} memerlukan alasan"
    return tujuan, f"status menjadi {LABEL_STATUS[tujuan]}"


def aksi_tersedia(p: Pelaku | None, instansi: str, status: str) -> list[str]:
    """The state changes `p` may make now on this agency-year (the page's buttons)."""
    return [a for a, (asal, _, _) in TRANSISI.items() if status in asal and boleh(p, a, instansi) is None]


def saring_audit(p: Pelaku | None, log):
    """The audit rows (a DataFrame with an `instansi` column) `p` may read: all for an admin, those
    of its agencies for an operator or verifikator, none otherwise."""
    if boleh(p, "lihat_audit") is not None:
        return log.iloc[0:0]
    return log if p.peran == "admin" else log[log["instansi"].isin(p.instansi)]


def draf(status: str) -> bool:
    """Figures not verified yet: decks and documents carry DRAF."""
    return status not in ("terverifikasi", "final")
