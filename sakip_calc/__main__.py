"""Command line: python -m sakip_calc build | import | undo | template | hash-sandi | synth | bulk | backtest |
akun | status | catatan | audit (see README; the last four in `sakip_calc.access.perintah`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from sakip_calc import store
from sakip_calc.access import perintah, sandi
from sakip_calc.calc import uji_mundur
from sakip_calc.domain.angka import format_angka
from sakip_calc.ingest import aturan, bawaan, impor, konvensi, massal, ragu, templat
from sakip_calc.tools import synth


def _cetak_hasil(hasil: list[impor.HasilImpor]) -> bool:
    semua_baik = True
    for h in hasil:
        r = h.rencana
        for m in aturan.ringkas_masalah(r.masalah):
            print(f"{r.nama_file}: {m}", file=sys.stderr if m.tingkat == "galat" else sys.stdout)
        hitung = r.jumlah()
        print(
            f"{r.nama_file}: {h.status} (impor #{h.impor_id}; baris baru {hitung.get('baru', 0)}, "
            f"berubah {hitung.get('berubah', 0)}, sama {hitung.get('sama', 0)})"
        )
        semua_baik &= h.status != "ditolak"
    return semua_baik


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m sakip_calc", description="SAKIP Dashboard: basis data dan impor")
    sub = p.add_subparsers(dest="perintah", required=True)
    b = sub.add_parser(
        "build",
        help="buat basis data dari buku kerja di data/, atau muat buku kerja bawaan yang berubah "
        "(impor lain dan riwayatnya tetap)",
    )
    b.add_argument("--db", default=str(store.DB_BAWAAN))
    b.add_argument(
        "--ganti-semua",
        action="store_true",
        help="mulai dari nol hanya dengan data bawaan; berkas lama disimpan sebagai salinan bertanggal",
    )
    i = sub.add_parser("import", help="impor buku kerja .xlsx atau CSV per lembar")
    i.add_argument("berkas", nargs="+")
    i.add_argument("--db", default=str(store.DB_BAWAAN))
    i.add_argument(
        "--baca",
        action="append",
        default=[],
        metavar="LEMBAR:KOLOM=CARA",
        help="cara membaca angka ragu (11.720) di satu kolom: ribuan (11720) atau desimal (11,72), "
        "mis. --baca Capaian:realisasi=ribuan; diingat untuk kolom itu di berkas itu",
    )
    i.add_argument(
        "--konvensi",
        action="append",
        default=[],
        metavar="KODE=SKALA,BATAS",
        help="konvensi laporan instansi baru: skala predikat dan batas capaian (angka, atau 'tanpa'), "
        "mis. --konvensi dinsos-x=permenpan,100; disimpan di tabel instansi",
    )
    u = sub.add_parser("undo", help="batalkan impor terakhir yang masih berlaku")
    u.add_argument("--db", default=str(store.DB_BAWAAN))
    t = sub.add_parser("template", help="tulis templat buku kerja")
    t.add_argument("keluaran")
    sub.add_parser(
        "hash-sandi", help="buat hash sandi admin untuk SAKIP_ADMIN_HASH (sandi dibaca dari terminal atau stdin)"
    )
    s = sub.add_parser("synth", help="bangkitkan data sintetis provinsi atau nasional (uji beban)")
    s.add_argument("--scale", choices=list(synth.UKURAN), default="province")
    s.add_argument("--db", required=True)
    s.add_argument("--seed", type=int, default=2024)
    m = sub.add_parser("bulk", help="impor massal: satu berkas .csv atau .parquet per tabel dalam satu folder")
    m.add_argument("folder")
    m.add_argument("--db", default=str(store.DB_BAWAAN))
    e = sub.add_parser(
        "bulk-export", help="tulis setiap tabel ke satu berkas .parquet (atau .csv) dalam format impor massal"
    )
    e.add_argument("folder")
    e.add_argument("--db", default=str(store.DB_BAWAAN))
    e.add_argument("--csv", action="store_true")
    u2 = sub.add_parser(
        "backtest", help="uji mundur proyeksi Pemantauan: sembunyikan triwulan terakhir, proyeksikan, bandingkan"
    )
    u2.add_argument("--db", default=str(store.DB_BAWAAN))
    u2.add_argument("--sembunyi", type=int, nargs="+", default=[1, 2], choices=[1, 2, 3])
    perintah.pasang(sub)
    for parser in (i, u, m):
        perintah.tambah_argumen_akun(parser)
    a = p.parse_args(argv)
    try:
        if a.perintah in ("akun", "status", "catatan", "audit"):
            return perintah.jalankan(a)
        return _jalankan(a)
    except (store.SkemaTerlaluBaru, FileNotFoundError, ValueError) as e:
        # a refused newer file, a missing database, a write the schema cannot hold: a message, not a traceback
        print(f"GALAT: {e}", file=sys.stderr)
        return 1


def _jalankan(a: argparse.Namespace) -> int:
    if a.perintah == "synth":
        synth.bangkitkan(a.db, a.scale, a.seed)
        return 0
    if a.perintah == "bulk":
        return _bulk(a.folder, a.db, perintah.pelaku(a))
    if a.perintah == "bulk-export":
        for tabel, n in massal.ekspor_folder(a.db, a.folder, "csv" if a.csv else "parquet").items():
            print(f"{tabel}: {n} baris")
        return 0
    if a.perintah == "build":
        return _bangun(a.db, a.ganti_semua)
    if a.perintah == "import":
        hilang = [f for f in a.berkas if not Path(f).exists()]
        for f in hilang:
            print(f"{f}: GALAT: berkas tidak ditemukan", file=sys.stderr)
        ada = [f for f in a.berkas if f not in hilang]
        pilihan, salah = ragu.urai_pilihan(a.baca)
        jawaban, salah_konvensi = konvensi.urai(a.konvensi)
        salah += salah_konvensi
        for s in salah:
            print(f"GALAT: {s}", file=sys.stderr)
        if salah:
            return 1
        baik = _cetak_hasil(impor.impor_berkas(ada, a.db, perintah.pelaku(a), pilihan, jawaban)) if ada else True
        return 0 if baik and not hilang else 1
    if a.perintah == "undo":
        hasil = impor.batalkan_terakhir(a.db, pelaku=perintah.pelaku(a))
        print(hasil.pesan, file=sys.stdout if hasil.dibatalkan is not None else sys.stderr)
        return 0 if hasil.dibatalkan is not None else 1
    if a.perintah == "hash-sandi":
        return _hash_sandi()
    if a.perintah == "backtest":
        return _uji_mundur(a.db, tuple(a.sembunyi))
    print(f"templat ditulis ke {templat.simpan_templat(a.keluaran)}")
    return 0


def _bangun(db: str, ganti_semua: bool) -> int:
    if ganti_semua:
        hasil, cadangan = bawaan.bangun_ulang(db)
        if cadangan:
            print(f"basis data lama disimpan sebagai {cadangan}")
    else:
        if not bawaan.perlu_dibangun(db):
            print(f"{db} sudah mutakhir")
            return 0
        hasil = bawaan.bangun(db)
    return 0 if _cetak_hasil(hasil) else 1


def _bulk(folder: str, db: str, pelaku) -> int:
    if not Path(folder).is_dir():
        print(f"{folder}: GALAT: folder tidak ditemukan", file=sys.stderr)
        return 1
    h = massal.impor_folder(folder, db, cetak=print, pelaku=pelaku)
    for m in h.masalah:
        print(m, file=sys.stderr if m.tingkat == "galat" else sys.stdout)
    if h.jumlah_masalah > len([m for m in h.masalah if m.tingkat == "galat"]):
        print(
            f"... {h.jumlah_masalah} galat seluruhnya; yang pertama {massal.BATAS_PESAN} ditampilkan", file=sys.stderr
        )
    rinci = ", ".join(f"{t} {v['baru']} baru/{v['diganti']} diganti" for t, v in h.perubahan.items())
    print(
        f"{h.folder}: {h.status} (impor #{h.impor_id}; {rinci or 'tidak ada yang ditulis'}; "
        f"{format_angka(h.baris)} baris dalam {format_angka(h.detik, 1)} s)"
    )
    return 0 if h.status == "berhasil" else 1


def _uji_mundur(db: str, sembunyi: tuple[int, ...]) -> int:
    if not Path(db).exists():
        raise FileNotFoundError(f"basis data {db} tidak ada")
    con = store.buka(db, read_only=True)
    try:
        ringkas = uji_mundur.ringkas(uji_mundur.uji_mundur(con, sembunyi))
    finally:
        con.close()
    if ringkas.empty:
        print("tidak ada instansi-tahun dengan data empat triwulan; tidak ada yang dapat diuji")
        return 0
    print(f"Uji mundur proyeksi Pemantauan Triwulan ({db})")
    for r in ringkas.itertuples():
        tepat = format_angka(r.tebakan_benar / r.tebakan_berisiko * 100, 0) if r.tebakan_berisiko else "–"
        print(
            f"sembunyikan {r.sembunyi} triwulan (proyeksi dari TW {4 - r.sembunyi}), {r.jenis.lower()}: "
            f"{r.n} baris dari {r.instansi_tahun} instansi-tahun; MAE {format_angka(r.mae, 1)} poin "
            f"(median {format_angka(r.median, 1)}); berisiko: {r.tebakan_benar} dari {r.tebakan_berisiko} "
            f"tebakan benar ({tepat} %), {r.tebakan_benar} dari {r.berisiko_nyata} yang berakhir berisiko "
            f"tertangkap; metode: {r.metode}"
        )
    return 0


def _hash_sandi() -> int:
    if sys.stdin.isatty():
        teks = getpass.getpass("Sandi admin baru: ")
        if getpass.getpass("Ulangi sandi: ") != teks:
            print("GALAT: kedua sandi berbeda", file=sys.stderr)
            return 1
    else:
        teks = sys.stdin.readline().rstrip("\r\n")
    if len(teks) < sandi.PANJANG_MIN:
        print(f"GALAT: sandi minimal {sandi.PANJANG_MIN} karakter", file=sys.stderr)
        return 1
    h = sandi.buat_hash(teks)
    print(h)
    print(
        f"# pasang sebagai variabel lingkungan SAKIP_ADMIN_HASH='{h}'\n"
        f'# atau di .streamlit/secrets.toml: sakip_admin_hash = "{h}"',
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
