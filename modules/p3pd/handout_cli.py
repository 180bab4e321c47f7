"""Sub-perintah ``p3pd handout``: argumen baris perintah dan cara menjalankannya.

Pembangunannya sendiri (pekerja paralel, kernel hangat, HTML dan PDF) ada di ``p3pd.handout``;
pilihan wilayah dan pembagian batch (``--bagian i/n``) di ``p3pd.handout_pilih``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from p3pd.galat import GalatP3PD
from p3pd.handout import FORMAT, bangun_handout, jumlah_inti
from p3pd.handout_pilih import TINGKAT_HANDOUT, ambil_bagian, baca_bagian, susun_pekerjaan

__all__ = ["daftar_argumen", "jalankan"]


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan argumen sub-perintah ``handout``."""
    parser.description = (
        "Membangun handout per provinsi atau per kecamatan: HTML luring dan PDF A4, tanpa kode. "
        "Contoh: 'p3pd handout --semua' (empat provinsi), 'p3pd handout Jateng NTT', "
        "'p3pd handout --semua --tingkat kecamatan' (93 kecamatan), "
        "'p3pd handout --kecamatan Getasan'."
    )
    parser.add_argument(
        "provinsi",
        nargs="*",
        metavar="PROVINSI",
        help="nama, singkatan, atau kode provinsi (mis. 'Jawa Tengah', Jateng, 33)",
    )
    parser.add_argument(
        "--semua",
        action="store_true",
        help="semua provinsi (dengan --tingkat kecamatan: 93 kecamatan)",
    )
    parser.add_argument(
        "--tingkat",
        choices=TINGKAT_HANDOUT,
        default="provinsi",
        help="satu handout per provinsi (bawaan) atau per kecamatan",
    )
    parser.add_argument("--kabupaten", metavar="NAMA", help="batasi pada satu kabupaten")
    parser.add_argument(
        "--kecamatan",
        nargs="+",
        metavar="NAMA",
        help="handout untuk kecamatan tertentu (nama atau kode)",
    )
    parser.add_argument("--tahun", type=int, help="tahun data (bawaan: tahun terakhir di data)")
    parser.add_argument(
        "--keluaran",
        type=Path,
        metavar="FOLDER",
        help="folder keluaran (bawaan: handout/ di akar repositori)",
    )
    parser.add_argument(
        "--format",
        nargs="+",
        choices=FORMAT,
        default=list(FORMAT),
        help="format keluaran (bawaan: html pdf)",
    )
    parser.add_argument(
        "--pekerja",
        type=int,
        metavar="N",
        help=f"jumlah proses paralel (bawaan: jumlah inti CPU, di sini {jumlah_inti()})",
    )
    parser.add_argument(
        "--templat", type=Path, metavar="NOTEBOOK", help="notebook templat lain (untuk pengembang)"
    )
    parser.add_argument(
        "--batas-waktu",
        type=int,
        default=600,
        metavar="DETIK",
        help="batas waktu per sel notebook (bawaan: 600 detik)",
    )
    parser.add_argument("--tanpa-progres", action="store_true", help="tanpa bilah kemajuan")
    parser.add_argument(
        "--data",
        type=Path,
        metavar="FOLDER",
        help="folder data sendiri (bawaan: data latihan sintetis, atau P3PD_DATA bila diisi)",
    )
    parser.add_argument(
        "--bagian",
        metavar="i/n",
        help="bangun hanya bagian ke-i dari n bagian batch (mis. 2/4), untuk beberapa mesin "
        "atau tugas larik penjadwal; semua bagian bersama memuat setiap handout tepat sekali",
    )


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd handout``; kode keluar 0 bila semua handout jadi, 1 bila ada yang gagal."""
    if args.pekerja is not None and args.pekerja < 1:
        raise GalatP3PD("--pekerja harus 1 atau lebih.")
    bagian = baca_bagian(args.bagian) if getattr(args, "bagian", None) else None
    folder_data_sendiri = getattr(args, "data", None)
    if folder_data_sendiri is None:
        return _jalankan(args, bagian)
    folder_data_sendiri = Path(folder_data_sendiri).expanduser().resolve()
    if not folder_data_sendiri.is_dir():
        raise GalatP3PD(f"Folder data '{args.data}' tidak ada (argumen --data).")
    # Pekerja dan kernelnya mewarisi lingkungan ini, jadi semuanya membaca folder yang sama;
    # sesudahnya lingkungan pemanggil dipulihkan.
    lama = os.environ.get("P3PD_DATA")
    os.environ["P3PD_DATA"] = str(folder_data_sendiri)
    try:
        return _jalankan(args, bagian)
    finally:
        if lama is None:
            os.environ.pop("P3PD_DATA", None)
        else:
            os.environ["P3PD_DATA"] = lama


def _jalankan(args: argparse.Namespace, bagian: tuple[int, int] | None) -> int:
    pekerjaan = susun_pekerjaan(
        provinsi=args.provinsi,
        tingkat=args.tingkat,
        kabupaten=args.kabupaten,
        kecamatan=args.kecamatan,
        tahun=args.tahun,
        semua=args.semua,
    )
    semua_pekerjaan = len(pekerjaan)
    if bagian is not None:
        pekerjaan = ambil_bagian(pekerjaan, *bagian)
        print(
            f"Bagian {bagian[0]}/{bagian[1]}: {len(pekerjaan)} dari {semua_pekerjaan} handout.",
            file=sys.stderr,
        )
        if not pekerjaan:
            print("Bagian ini kosong; tidak ada yang dibangun.", file=sys.stderr)
            return 0
    from p3pd.lokasi import folder_data, folder_proyek

    data = folder_data()
    asal = (
        "data sintetis latihan"
        if data.resolve() == (folder_proyek() / "data").resolve()
        else f"data di folder '{data}'"
    )
    print(
        f"Membangun {len(pekerjaan)} handout ({', '.join(f.upper() for f in args.format)}) "
        f"dari {asal}…",
        file=sys.stderr,
    )
    ringkasan = bangun_handout(
        pekerjaan,
        keluaran=args.keluaran,
        format=args.format,
        pekerja=args.pekerja,
        templat=args.templat,
        progres=not args.tanpa_progres,
        batas_waktu=args.batas_waktu,
    )
    print(ringkasan.teks())
    return 1 if ringkasan.gagal else 0
