"""An agency's own boundaries uploaded as GeoJSON (e.g. desa polygons), read into the Batas sheet.

The file is a FeatureCollection of Polygon/MultiPolygon features in longitude/latitude (WGS 84, as
GeoJSON requires). Each feature becomes one row: its kecamatan and desa/kelurahan names, taken from
a Kemendagri code property when there is one (`kode`, `kode_desa`, `KDEPUM`, ...) and otherwise from
name properties (`nama_desa`, `NAMOBJ`, `WADMKD`, `nmkec`, ...). The names are then matched like a
Wilayah sheet's (validasi: official list, confirmed spellings), so a feature that cannot be placed
is an error at its index. The kabupaten/kota comes from the codes or a `kdkab`/`nmkab` property and
the rows belong to the agency of that kabupaten/kota, as with DTSEN (`kabkota:<kode>`).

Refused with a message, never guessed: coordinates that look like [lat, lng] (swapped), projected
coordinates (metres), points outside Indonesia, other geometry types.
"""

from __future__ import annotations

import json
import re
from collections import Counter

from sakip_calc.domain.angka import format_angka
from sakip_calc.domain.spesifikasi import DESIMAL, LEMBAR_BERNAMA, TEKS, Kolom, Lembar
from sakip_calc.ingest.baca import PEMBACA, BacaanBerkas, LembarMentah, Masalah
from sakip_calc.ingest.dtsen import AWALAN_INSTANSI
from sakip_calc.store import rujukan_wilayah

_WILAYAH = LEMBAR_BERNAMA["Wilayah"]
# Not a template sheet: the polygons, one row per feature, typed, checked (names as in Wilayah) and
# written like a sheet, so that the import keeps its history and undo. Registered in LEMBAR_BERNAMA.
LEMBAR_BATAS = Lembar(
    "Batas",
    "batas_instansi",
    ("instansi", "kecamatan", "desa"),
    (
        _WILAYAH.kolom_bernama("instansi"),
        Kolom("kecamatan", TEKS, "Nama kecamatan, dicocokkan dengan daftar resmi seperti lembar Wilayah.", wajib=True),
        Kolom("desa", TEKS, "Nama desa/kelurahan; kosong untuk batas kecamatan."),
        Kolom("geometri", TEKS, "Geometri GeoJSON (Polygon/MultiPolygon, bujur-lintang).", wajib=True),
        Kolom("lat", DESIMAL, "Lintang titik label."),
        Kolom("lng", DESIMAL, "Bujur titik label."),
        _WILAYAH.kolom_bernama("sumber"),
    ),
    "Batas wilayah unggahan instansi sendiri (GeoJSON), di peta menggantikan batas bawaan.",
)
LEMBAR = LEMBAR_BATAS.nama
FITUR_MAKS = 10_000
# Indonesia with a margin: longitude 94-142 E, latitude 11.5 S - 6.5 N
BUJUR, LINTANG = (94.0, 142.0), (-11.5, 6.5)
# accepted property names (lower case, non-alphanumerics as '_'), in order of preference
PROPERTI_KODE = ("kode", "kode_wilayah", "kode_kemendagri", "kode_desa", "kd_desa", "kddesa", "kdepum", "kode_kec",
                 "kd_kec", "kdkec", "kdcpum")  # fmt: skip
PROPERTI_DESA = ("nama_desa", "nmdesa", "desa", "kelurahan", "desa_kelurahan", "nama_kel", "wadmkd", "namobj")
PROPERTI_KEC = ("nama_kec", "nmkec", "kecamatan", "nama_kecamatan", "wadmkc")
PROPERTI_NAMA = ("nama", "name")
PROPERTI_KAB = ("kdkab", "kode_kab", "kdpkab", "nmkab", "kabupaten", "kabkota", "kab_kota", "wadmkk")


def _kunci(k: object) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(k).lower()).strip("_")


def _cincin(geometri: dict) -> list[list]:
    """The rings of a Polygon or MultiPolygon (outer first in each polygon)."""
    k = geometri.get("coordinates")
    return k if geometri.get("type") == "Polygon" else [c for p in k for c in p]


def _geometri_salah(geometri: object) -> str | None:
    if not isinstance(geometri, dict) or geometri.get("type") not in ("Polygon", "MultiPolygon"):
        jenis = geometri.get("type") if isinstance(geometri, dict) else "kosong"
        return f"geometri '{jenis}' tidak didukung; hanya Polygon atau MultiPolygon"
    try:
        cincin = _cincin(geometri)
        sah = cincin and all(
            len(c) >= 4 and all(len(t) >= 2 and all(isinstance(x, int | float) for x in t[:2]) for t in c)
            for c in cincin
        )
    except TypeError:
        sah = False
    return None if sah else "koordinat poligon tidak sah: tiap cincin minimal 4 titik [bujur, lintang]"


def _di(nilai: float, rentang: tuple[float, float]) -> bool:
    return rentang[0] <= nilai <= rentang[1]


def _letak_salah(titik: list[list]) -> str | None:
    """Why these [x, y] points are not lon/lat in Indonesia, or None."""
    if all(_di(x, BUJUR) and _di(y, LINTANG) for x, y, *_ in titik):
        return None
    if all(_di(y, BUJUR) and _di(x, LINTANG) for x, y, *_ in titik):
        x, y = titik[0][:2]
        return (
            f"koordinat tampak tertukar: titik pertama [{format_angka(x, 4)}, {format_angka(y, 4)}] adalah "
            "[lintang, bujur], padahal GeoJSON menulis [bujur, lintang] (bujur Indonesia 94-142). Tukar urutan "
            "koordinatnya lalu unggah lagi; berkas tidak diimpor dan tidak ditukar otomatis"
        )
    if any(abs(x) > 180 or abs(y) > 90 for x, y, *_ in titik):
        return (
            "koordinat bukan derajat (tampaknya meter, mis. UTM): simpan ulang dalam WGS 84 / EPSG:4326 "
            "(di QGIS: Ekspor > Simpan Fitur Sebagai, CRS EPSG:4326)"
        )
    return "koordinat di luar Indonesia (bujur 94-142, lintang -11,5 s.d. 6,5)"


def _titik_label(geometri: dict) -> tuple[float, float]:
    """(lat, lng) of the mean vertex of the largest outer ring: inside for the compact desa shapes."""
    luar = [geometri["coordinates"][0]] if geometri["type"] == "Polygon" else [p[0] for p in geometri["coordinates"]]
    terbesar = max(luar, key=len)
    return sum(t[1] for t in terbesar) / len(terbesar), sum(t[0] for t in terbesar) / len(terbesar)


def _properti(fitur: list[dict], calon: tuple[str, ...]) -> str | None:
    """The first accepted property name (as written in the file) that some feature carries."""
    ada = {}
    for f in fitur:
        for k in f.get("properties") or {}:
            ada.setdefault(_kunci(k), k)
    return next((ada[c] for c in calon if c in ada), None)


def _kabkota(fitur: list[dict], p_kode: str | None, p_kab: str | None) -> str | None:
    """The kabupaten/kota the features are in: most of their codes, else the kdkab/nmkab property
    (a code or a name)."""

    def nilai(p: str | None) -> list[str]:
        return [str((f.get("properties") or {}).get(p) or "") for f in fitur] if p else []

    kode = Counter(rujukan_wilayah.angka_kode(x)[:4] for x in nilai(p_kode))  # by kabupaten/kota
    for x, _ in [*kode.most_common(), *Counter(nilai(p_kab)).most_common()]:
        if x and (kab := rujukan_wilayah.kabkota_dari(x, x)):
            return kab
    return None


def baca_geojson(isi: bytes, nama_file: str, hasil: BacaanBerkas) -> None:
    """Read a GeoJSON FeatureCollection of kecamatan or desa polygons into the Batas sheet."""
    try:
        data = json.loads(isi.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        hasil.galat(f"bukan GeoJSON yang sah (JSON tidak terbaca: {e})")
        return
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not data.get("features"):
        hasil.galat("GeoJSON harus sebuah FeatureCollection berisi fitur (type: FeatureCollection, features: [...])")
        return
    fitur = data["features"]
    if not isinstance(fitur, list) or len(fitur) > FITUR_MAKS:
        hasil.galat(f"features harus daftar berisi paling banyak {format_angka(FITUR_MAKS)} fitur")
        return
    fitur = [f if isinstance(f, dict) else {} for f in fitur]
    salah = {n: g for n, f in enumerate(fitur, start=1) if (g := _geometri_salah(f.get("geometry")))}
    for n, pesan in salah.items():
        hasil.masalah.append(Masalah(LEMBAR, n, "geometry", pesan))
    titik = {n: [t for c in _cincin(f["geometry"]) for t in c] for n, f in enumerate(fitur, start=1) if n not in salah}
    semua = [t for tt in titik.values() for t in tt]
    if semua and (pesan := _letak_salah(semua)) and "tertukar" in pesan:
        hasil.galat(pesan)  # the whole file is [lat, lng]: one message, not one per feature
        return
    for n, tt in titik.items():
        if pesan := _letak_salah(tt):
            hasil.masalah.append(Masalah(LEMBAR, n, "geometry", pesan))
    p_kode, p_desa, p_kec = (_properti(fitur, c) for c in (PROPERTI_KODE, PROPERTI_DESA, PROPERTI_KEC))
    p_nama, p_kab = _properti(fitur, PROPERTI_NAMA), _properti(fitur, PROPERTI_KAB)
    kab = _kabkota(fitur, p_kode, p_kab)
    if kab is None:
        hasil.galat(
            "kabupaten/kota fitur tidak diketahui: beri tiap fitur kode Kemendagri (properti 'kode', mis. "
            "33.28.01.2001) atau properti 'kdkab'/'nmkab' (mis. 3328 atau Kabupaten Tegal)"
        )
        return
    resmi = rujukan_wilayah.bawahan(kab).set_index("kode")
    kec_nama = resmi.loc[resmi["tingkat"] == "kecamatan", "nama"]
    desa = resmi[resmi["tingkat"] == "desa"]
    kec_desa: dict[str, set[str]] = {}
    for d, induk in zip(desa["nama"].map(rujukan_wilayah.kunci_nama), desa["induk"]):
        kec_desa.setdefault(d, set()).add(kec_nama[induk])
    # a bare 'nama' names desa when more features match desa names than kecamatan names
    if p_desa is None and p_kec is None and p_nama:
        nama = [rujukan_wilayah.kunci_nama((f.get("properties") or {}).get(p_nama) or "") for f in fitur]
        per_desa = sum(n in kec_desa for n in nama) > sum(
            n in set(kec_nama.map(rujukan_wilayah.kunci_nama)) for n in nama
        )
        p_desa, p_kec = (p_nama, None) if per_desa else (None, p_nama)
    mentah = hasil.lembar.setdefault(
        LEMBAR, LembarMentah(LEMBAR_BATAS, {k: i for i, k in enumerate(LEMBAR_BATAS.nama_kolom)})
    )
    for n, f in enumerate(fitur, start=1):
        if n not in titik or any(m.baris == n and m.lembar == LEMBAR for m in hasil.masalah):
            continue
        sifat = f.get("properties") or {}
        tempat = _tempat(sifat, p_kode, p_desa, p_kec, resmi, kec_desa)
        if isinstance(tempat, str):
            hasil.masalah.append(Masalah(LEMBAR, n, p_desa or p_kec or p_kode or "properties", tempat))
            continue
        lat, lng = _titik_label(f["geometry"])
        mentah.baris.append(
            (
                n,
                {
                    "instansi": AWALAN_INSTANSI + kab,
                    "kecamatan": tempat[0],
                    "desa": tempat[1],
                    "geometri": json.dumps(f["geometry"], separators=(",", ":")),
                    "lat": lat,
                    "lng": lng,
                    "sumber": f"GeoJSON {nama_file}, fitur {n}",
                },
            )
        )
    dibaca = ", ".join(f"{peran} dari properti '{p}'" for peran, p in (("kode", p_kode), ("nama desa", p_desa),
                       ("nama kecamatan", p_kec)) if p)  # fmt: skip
    hasil.masalah.append(
        Masalah(
            LEMBAR,
            None,
            None,
            f"{len(fitur)} fitur, {rujukan_wilayah.cari_kabkota(kab)['nama'].iloc[0]} "
            f"({kab}); {dibaca or 'tanpa properti kode atau nama yang dikenal'}",
            "catatan",
        )  # fmt: skip
    )


def _tempat(sifat: dict, p_kode, p_desa, p_kec, resmi, kec_desa) -> tuple[str, str | None] | str:
    """(kecamatan, desa or None) as written or official, for the Wilayah name rule; or why not."""
    kode = rujukan_wilayah.kode_bertitik(rujukan_wilayah.angka_kode(sifat.get(p_kode))) if p_kode else ""
    if kode in resmi.index:  # an official code decides, whatever the names say
        r = resmi.loc[kode]
        return (r["nama"], None) if r["tingkat"] == "kecamatan" else (resmi.loc[r["induk"], "nama"], r["nama"])
    nama_desa = str(sifat.get(p_desa) or "").strip() if p_desa else ""
    nama_kec = str(sifat.get(p_kec) or "").strip() if p_kec else ""
    if nama_desa and not nama_kec:
        calon = sorted(kec_desa.get(rujukan_wilayah.kunci_nama(nama_desa), ()))
        if len(calon) != 1:
            sebab = f"ada di beberapa kecamatan ({', '.join(calon)})" if calon else "tidak ada di daftar resmi"
            return f"desa '{nama_desa}' {sebab}: beri properti kecamatan (mis. 'nmkec') atau kode Kemendagri"
        nama_kec = calon[0]
    if not nama_kec:
        awal = f"kode '{sifat.get(p_kode)}' tidak ada di daftar resmi; " if p_kode and sifat.get(p_kode) else ""
        return awal + "fitur tanpa nama kecamatan atau desa: beri properti 'kode', 'nama_desa' atau 'nmkec'"
    return nama_kec, nama_desa or None


LEMBAR_BERNAMA[LEMBAR] = LEMBAR_BATAS
PEMBACA[".geojson"] = baca_geojson
PEMBACA[".json"] = baca_geojson
