"""Build the GeoJSON test files in tests/data/geojson/ (committed; run again to rebuild).

    .venv/bin/python tests/data/buat_geojson.py

The ten official desa of Kec. Dukuhwaru, Kabupaten Tegal (the desa the Tegal 2018 seed has rows
for) as boxes in a 4 x 3 grid around the kecamatan's label point, with their Kemendagri code and
name; odd features carry only names (no code) so both ways of matching are used:
- tegal_dukuhwaru_desa.geojson: the ten, valid;
- tegal_dukuhwaru_asing.geojson: the ten plus 'Sukamaju Baru' (not an official desa of Dukuhwaru,
  code 33.28.18.2099 not official either), feature 11;
- tegal_tertukar.geojson: the ten with every point written [lat, lng].
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(AKAR))

from sakip_calc.store import batas, rujukan_wilayah  # noqa: E402

TUJUAN = Path(__file__).resolve().parent / "geojson"
KEC = "33.28.18"
SISI = 0.012  # degrees, about 1.3 km


def kotak(lat: float, lng: float) -> list[list[list[float]]]:
    return [[[lng, lat], [lng + SISI, lat], [lng + SISI, lat + SISI], [lng, lat + SISI], [lng, lat]]]


def fitur(i: int, kode: str, nama: str, lat0: float, lng0: float) -> dict:
    lat, lng = lat0 - SISI * 1.5 + SISI * (i // 4), lng0 - SISI * 2 + SISI * (i % 4)
    sifat = {"nama_desa": nama, "nmkec": "DUKUHWARU"}
    if i % 2 == 0:
        sifat = {"kode": kode, **sifat}
    return {"type": "Feature", "properties": sifat, "geometry": {"type": "Polygon", "coordinates": kotak(lat, lng)}}


def main() -> None:
    TUJUAN.mkdir(exist_ok=True)
    pusat = batas.batas_bawaan("33.28").set_index("kode").loc[KEC]
    semua = rujukan_wilayah.bawahan("33.28")
    desa = semua[(semua["tingkat"] == "desa") & (semua["induk"] == KEC)]
    sepuluh = [fitur(i, r.kode, r.nama, pusat["lat"], pusat["lng"]) for i, r in enumerate(desa.itertuples())]
    asing = fitur(11, "33.28.18.2099", "Sukamaju Baru", pusat["lat"], pusat["lng"])
    asing["properties"]["kode"] = "33.28.18.2099"
    tukar = json.loads(json.dumps(sepuluh))
    for f in tukar:
        f["geometry"]["coordinates"] = [[[y, x] for x, y in c] for c in f["geometry"]["coordinates"]]
    for nama, isi in (
        ("tegal_dukuhwaru_desa.geojson", sepuluh),
        ("tegal_dukuhwaru_asing.geojson", [*sepuluh, asing]),
        ("tegal_tertukar.geojson", tukar),
    ):
        teks = json.dumps({"type": "FeatureCollection", "features": isi}, ensure_ascii=False, indent=1)
        (TUJUAN / nama).write_text(teks + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
