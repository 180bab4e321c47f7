"""Perintah ``p3pd impor``: berkas publik (Podes, IDM, ekspor Siskeudes, …) ke template data.

Contoh::

    p3pd impor podes.csv --preset podes_fasilitas --keluar data_saya --pemilik "Kecamatan Batu"
    p3pd impor idm/*.json --preset idm --keluar data_saya --pemilik "Kecamatan Kluet Utara"
    p3pd impor sumber.xlsx --peta peta_saya.xlsx --keluar data_saya --pemilik "…"
    p3pd impor --daftar-preset
    p3pd impor --templat-peta peta_saya.xlsx
"""

from __future__ import annotations

import argparse
from pathlib import Path

from p3pd.galat import GalatP3PD


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan argumen sub-perintah ``impor``."""
    parser.add_argument("sumber", nargs="*", type=Path, help="berkas sumber (CSV, XLSX, JSON)")
    pilih = parser.add_mutually_exclusive_group()
    pilih.add_argument("--peta", type=Path, metavar="BERKAS", help="peta impor (.yaml atau .xlsx)")
    pilih.add_argument("--preset", metavar="NAMA", help="peta bawaan (lihat --daftar-preset)")
    parser.add_argument("--keluar", type=Path, metavar="FOLDER", help="folder tujuan template")
    parser.add_argument(
        "--pemilik", metavar="TEKS", help="pemilik data untuk label, mis. 'Kecamatan Getasan'"
    )
    parser.add_argument(
        "--sumber-data", metavar="TEKS", help="sumber data untuk label (bawaan: dari peta)"
    )
    parser.add_argument("--timpa", action="store_true", help="timpa berkas keluaran yang sudah ada")
    parser.add_argument("--daftar-preset", action="store_true", help="tampilkan preset lalu keluar")
    parser.add_argument(
        "--templat-peta",
        type=Path,
        metavar="BERKAS.xlsx",
        help="tulis lembar peta Excel kosong untuk diisi, lalu keluar",
    )


AKHIRAN_SUMBER = (".csv", ".xlsx", ".xlsm", ".json")
"""Berkas yang diambil dari folder sumber (``p3pd impor unduhan/idm``)."""


def uraikan_sumber(daftar: list[Path]) -> list[Path]:
    """Berkas sumber dari argumen: berkas apa adanya, folder → berkas CSV/XLSX/JSON di dalamnya
    (urut nama), pola ``*``/``?`` diuraikan di sini (Command Prompt Windows tidak menguraikannya).

    Folder atau pola yang tidak berisi berkas apa pun menjadi ``GalatP3PD`` yang menyebutnya.
    """
    hasil: list[Path] = []
    for path in daftar:
        if path.is_dir():
            isi = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in AKHIRAN_SUMBER
            )
            if not isi:
                raise GalatP3PD(
                    f"folder sumber '{path}' tidak berisi berkas " + ", ".join(AKHIRAN_SUMBER) + "."
                )
            hasil += isi
        elif not path.exists() and any(t in str(path) for t in "*?["):
            isi = sorted(p for p in path.parent.glob(path.name) if p.is_file())
            if not isi:
                raise GalatP3PD(f"tidak ada berkas yang cocok dengan '{path}'.")
            hasil += isi
        else:
            hasil.append(path)
    return hasil


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd impor``; galat pengguna → pesan Indonesia tanpa traceback (kode 2)."""
    from p3pd.impor import daftar_preset, impor

    if args.daftar_preset:
        for nama, judul in daftar_preset().items():
            print(f"  {nama:<22} {judul}")
        return 0
    if args.templat_peta is not None:
        from p3pd.excel import simpan_buku
        from p3pd.impor.peta_excel import lembar_templat_peta

        try:
            simpan_buku(lembar_templat_peta(), args.templat_peta, timpa=args.timpa)
        except (FileExistsError, ValueError) as galat:
            raise GalatP3PD(str(galat)) from None
        print(f"Templat peta ditulis: {args.templat_peta}")
        print("Isi kolom 'kolom_sumber' (atau 'nilai_tetap') untuk kolom yang Anda punya, lalu:")
        print(f"  p3pd impor BERKAS_SUMBER --peta {args.templat_peta} --keluar FOLDER --pemilik …")
        return 0
    kurang = []
    if not args.sumber:
        kurang.append("berkas sumber")
    if args.peta is None and args.preset is None:
        kurang.append("--peta BERKAS atau --preset NAMA")
    if args.keluar is None:
        kurang.append("--keluar FOLDER")
    if not args.pemilik:
        kurang.append('--pemilik "Kecamatan …"')
    if kurang:
        raise GalatP3PD(
            "p3pd impor perlu: " + ", ".join(kurang) + ". Contoh: p3pd impor podes.csv --preset "
            'podes_fasilitas --keluar data_saya --pemilik "Kecamatan Batu, Kota Batu". Daftar '
            "preset: p3pd impor --daftar-preset"
        )
    hasil = impor(
        uraikan_sumber(args.sumber),
        args.peta if args.peta is not None else args.preset,
        args.keluar,
        pemilik=args.pemilik,
        sumber_data=args.sumber_data,
        timpa=args.timpa,
    )
    print(f"Data milik {args.pemilik} (data sendiri).")
    for h in hasil.tabel.values():
        if len(h.data):
            print(f"  {h.tabel.berkas:<28} {len(h.data):>6} baris")
        else:
            print(f"  {h.tabel.berkas:<28} tidak ditulis (tidak ada baris sumber)")
    for c in hasil.catatan:
        print(f"  {c.replace('`', '')}")
    for p in hasil.peringatan:
        print(f"PERINGATAN: {p}")
    print(f"Laporan asumsi: {hasil.laporan}")
    print(f"Label data:     {hasil.label}")
    print(f"Periksa hasilnya: p3pd ringkasan --data {hasil.folder}")
    return 0
