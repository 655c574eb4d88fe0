"""Predikat scales as data: the built-in ones, the quarterly monitoring thresholds, their names."""

from __future__ import annotations

# Predikat scales the three reports use (DOMAIN.md). A band holds scores above its lower bound
# (or equal to it when inklusif); bands are tried from the top, the last one takes the rest,
# so every score falls in exactly one band. Integer ranges such as "91-100" read as "> 90".
SKALA_BAWAAN: dict[str, tuple[tuple[str, str, float | None, bool, str], ...]] = {
    # PermenPAN-RB AKIP scale (Temanggung LKjIP 2023, 001 line 555)
    "permenpan": (
        ("AA", "Sangat Memuaskan", 90, False, "#1a9850"),
        ("A", "Memuaskan", 80, False, "#66bd63"),
        ("BB", "Sangat Baik", 70, False, "#a6d96a"),
        ("B", "Baik", 60, False, "#fee08b"),
        ("CC", "Cukup", 50, False, "#fdae61"),
        ("C", "Kurang", 30, False, "#f46d43"),
        ("D", "Sangat Kurang", None, False, "#d73027"),
    ),
    # Permendagri 86/2017 style (Tanjung Jabung Barat 2023, 004 line 531; Temanggung RKPD)
    "permendagri86": (
        ("ST", "Sangat Tinggi", 90, False, "#1a9850"),
        ("T", "Tinggi", 75, False, "#91cf60"),
        ("S", "Sedang", 65, False, "#fee08b"),
        ("R", "Rendah", 50, False, "#fc8d59"),
        ("SR", "Sangat Rendah", None, False, "#d73027"),
    ),
    # Tegal LKjIP 2018 (000 line 646); its overlapping "sangat kurang >0-30" is not a band here
    "tegal2018": (
        ("M", "Memuaskan", 85, False, "#1a9850"),
        ("SB", "Sangat Baik", 75, False, "#91cf60"),
        ("B", "Baik", 65, False, "#fee08b"),
        ("C", "Cukup", 50, False, "#fc8d59"),
        ("K", "Kurang", None, False, "#d73027"),
    ),
}
# On-track thresholds of the Pemantauan triwulan page, one scale per quarter, in the form of the
# scales above. Not loaded into the database: a workbook's Skala sheet with a scale of the same
# name (pantau-tw1 ... pantau-tw4) replaces the default. The value rated is the projected year-end
# capaian (or serapan); early quarters leave more room because projections are rougher.
AMBANG_PANTAU: dict[str, tuple[tuple[str, str, float | None, bool, str], ...]] = {
    f"pantau-tw{q}": (
        ("AMAN", "Aman", aman, True, "#1a9850"),
        ("PERHATIAN", "Perlu perhatian", perhatian, True, "#fdae61"),
        ("BERISIKO", "Berisiko", None, False, "#d73027"),
    )
    for q, (aman, perhatian) in enumerate(((85, 70), (90, 75), (92.5, 80), (95, 85)), start=1)
}
NAMA_SKALA = {
    "permenpan": "PermenPAN-RB (AA–D)",
    "permendagri86": "Permendagri 86/2017",
    "tegal2018": "LKjIP Tegal 2018",
}
