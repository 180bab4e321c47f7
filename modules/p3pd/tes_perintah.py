"""Perintah ``p3pd tes``: formulir cetak, templat jawaban kertas, impor, dan rekap tes.

- ``p3pd tes formulir [--kunci] [--keluaran FOLDER]``: formulir tes (HTML + PDF A4), atau
  kunci jawabannya untuk pelatih;
- ``p3pd tes templat-kertas BERKAS.xlsx``: templat Excel untuk menyalin jawaban kertas;
- ``p3pd tes impor-kertas BERKAS --keluaran FOLDER``: jawaban kertas menjadi berkas jawaban;
- ``p3pd tes kumpulkan FOLDER --keluaran FOLDER``: rekap semua berkas jawaban di folder itu.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from p3pd.galat import GalatP3PD

__all__ = ["daftar_argumen", "jalankan"]


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan sub-perintah ``p3pd tes`` dan pilihannya."""
    sub = parser.add_subparsers(dest="tindakan", metavar="TINDAKAN", title="tindakan")
    p = sub.add_parser(
        "kumpulkan",
        help="rekap semua berkas jawaban di sebuah folder (juga subfoldernya)",
        description=(
            "Membaca semua berkas jawaban tes di FOLDER dan subfoldernya (mis. flash disk berisi "
            "folder dari banyak laptop), lalu menulis rekap: nilai per peserta, per soal, per "
            "tujuan; kenaikan tes awal → tes akhir per kelas dan per provinsi; soal yang paling "
            "sering salah; grafik PNG; dan buku kerja Excel. Berkas yang tidak dihitung didaftar "
            "beserta alasannya. Berkas masukan tidak pernah diubah."
        ),
    )
    p.add_argument("folder", metavar="FOLDER", help="folder berisi berkas jawaban (.json)")
    p.add_argument("--keluaran", metavar="FOLDER", required=True, help="folder hasil rekap")
    p.add_argument("--timpa", action="store_true", help="ganti berkas rekap yang sudah ada")
    p = sub.add_parser(
        "formulir",
        help="formulir tes untuk dicetak (HTML dan PDF A4), atau kunci jawabannya",
        description="Membuat formulir tes cetak (soal dan lembar jawaban) atau kunci jawabannya.",
    )
    p.add_argument("--kunci", action="store_true", help="kunci jawaban untuk pelatih")
    p.add_argument(
        "--keluaran", metavar="FOLDER", default=None, help="folder hasil (bawaan: handout/tes/)"
    )
    p.add_argument(
        "--format", nargs="+", choices=("html", "pdf"), default=["html", "pdf"], help="format"
    )
    p.add_argument("--timpa", action="store_true", help="ganti berkas yang sudah ada")
    p = sub.add_parser(
        "templat-kertas",
        help="templat Excel untuk menyalin jawaban tes kertas",
        description="Menulis templat Excel (.xlsx) untuk menyalin lembar jawaban kertas.",
    )
    p.add_argument("berkas", metavar="BERKAS", help="nama berkas .xlsx yang dibuat")
    p.add_argument("--timpa", action="store_true", help="ganti berkas yang sudah ada")
    p = sub.add_parser(
        "impor-kertas",
        help="ubah templat jawaban kertas yang sudah diisi menjadi berkas jawaban",
        description=(
            "Memeriksa templat jawaban kertas (CSV/XLSX) lalu menulis satu berkas jawaban per "
            "baris ke folder keluaran. Bila ada baris yang tidak sah, tidak ada yang ditulis."
        ),
    )
    p.add_argument("berkas", metavar="BERKAS", help="templat yang sudah diisi (.xlsx atau .csv)")
    p.add_argument("--keluaran", metavar="FOLDER", required=True, help="folder berkas jawaban")


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan tindakan ``p3pd tes``; kembalikan kode keluar."""
    tindakan = getattr(args, "tindakan", None)
    if tindakan is None:
        raise GalatP3PD(
            "Pilih tindakan: kumpulkan, formulir, templat-kertas, atau impor-kertas "
            "(lihat p3pd tes --help)."
        )
    if tindakan == "kumpulkan":
        return _kumpulkan(Path(args.folder), Path(args.keluaran), args.timpa)
    if tindakan == "formulir":
        from p3pd.lokasi import folder_proyek
        from p3pd.tes_formulir import tulis_formulir

        folder = Path(args.keluaran) if args.keluaran else folder_proyek() / "handout" / "tes"
        fmt = tuple(dict.fromkeys(args.format))
        for berkas in tulis_formulir(folder, kunci=args.kunci, format=fmt, timpa=args.timpa):
            print(f"Ditulis: {berkas}")
        return 0
    if tindakan == "templat-kertas":
        from p3pd.tes_kertas import tulis_templat_kertas

        print(f"Templat ditulis: {tulis_templat_kertas(args.berkas, timpa=args.timpa)}")
        return 0
    from p3pd.tes_kertas import impor_kertas

    ditulis = impor_kertas(args.berkas, args.keluaran)
    print(f"{len(ditulis)} berkas jawaban ditulis atau sudah ada di '{args.keluaran}'.")
    return 0


def _kumpulkan(folder: Path, keluaran: Path, timpa: bool) -> int:
    from p3pd.format import angka
    from p3pd.tes_keluaran import tulis_rekap
    from p3pd.tes_rekap import hitung_rekap, kumpulkan

    kumpulan = kumpulkan(folder, kecuali=keluaran)
    if not kumpulan.jawaban:
        pesan = f"Tidak ada berkas jawaban tes yang sah di '{folder}'."
        if kumpulan.dilewati:
            pesan += " Berkas yang dilewati:\n" + "\n".join(
                f"  {d.berkas}: {d.alasan}" for d in kumpulan.dilewati
            )
        raise GalatP3PD(pesan)
    rekap = hitung_rekap(kumpulan)
    ditulis = tulis_rekap(rekap, keluaran, timpa=timpa)
    print(
        f"{kumpulan.berkas_json} berkas .json diperiksa: {len(kumpulan.jawaban)} dihitung, "
        f"{len(kumpulan.dilewati)} dilewati."
    )
    for d in kumpulan.dilewati:
        print(f"  dilewati {d.berkas}: {d.alasan}")
    for c in rekap.catatan:
        print(f"  catatan: {c}")
    semua = rekap.per_provinsi.iloc[-1]
    if semua["peserta berpasangan"]:
        print(
            f"{semua['peserta berpasangan']} peserta mengikuti kedua tes: rata-rata "
            f"{angka(semua['rata-rata tes awal (%)'], 1)} % → "
            f"{angka(semua['rata-rata tes akhir (%)'], 1)} % "
            f"(naik {angka(semua['kenaikan (poin)'], 1)} poin)."
        )
    for jenis, kel in rekap.paling_salah.groupby("tes", sort=False):
        daftar = ", ".join(f"{r['soal']} ({angka(r['benar (%)'], 1)} %)" for _, r in kel.iterrows())
        print(f"Paling sering salah di {jenis.lower()}: {daftar}")
    print("Ditulis:")
    for b in ditulis:
        print(f"  {b}")
    return 0
