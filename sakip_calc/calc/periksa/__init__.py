"""Consistency checks: every figure a report states, compared with what its rows give.

Each check class (`KELAS`) names its rule and tolerance; each check function (`CEK`) returns one
row per comparison it made, agreeing or not (`cocok`), so that the reconciliation can count the
stated figures as well as the disagreements. Percentages agree at the precision printed
(`domain.angka.sesuai_cetak`); rupiah and counts compare exactly (`domain.angka.sama_persis`).

`periksa_semua` runs them on the rows of one agency (or all); the write transaction stores the
result (`segarkan_temuan`, registered with the store) so the pages read a table.
"""

from __future__ import annotations

from .dasar import (  # noqa: F401  (this package's API: the kinds tests and pages name)
    ANTAR_TABEL,
    CAPAIAN_BEDA,
    EFISIENSI_BEDA,
    INDUK_BEDA,
    KELAS,
    KODE_GANDA,
    KOLOM,
    MELEBIHI_PAGU,
    MELEBIHI_TARGET,
    PECAHAN_BEDA,
    PERSEN_DIJUMLAH,
    RASIO_BEDA,
    RATA_BEDA,
    SERAPAN_BEDA,
    SERAPAN_TANPA_PAGU,
    TERBILANG_BEDA,
    TOTAL_BEDA,
    TRIWULAN_BEDA,
    Data,
    Kelas,
)
from .jalan import (  # noqa: F401
    bandingkan_semua,
    periksa_semua,
    rekonsiliasi,
    rekonsiliasi_tersimpan,
    segarkan_temuan,
    skor_rekonsiliasi,
    temuan,
)
