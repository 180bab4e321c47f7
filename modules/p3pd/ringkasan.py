"""Perintah ``p3pd ringkasan``: periksa semua tabel data lalu cetak ringkasan capaian.

Berguna untuk pelatih sebelum sesi (apakah data lengkap dan sah?) dan untuk tim kecamatan
yang mengganti data latihan dengan data desanya sendiri (``--data FOLDER``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from p3pd.galat import GalatP3PD


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan argumen sub-perintah ``ringkasan``."""
    parser.add_argument(
        "--data",
        metavar="FOLDER",
        type=Path,
        default=None,
        help="folder data (bawaan: folder data/ latihan)",
    )
    parser.add_argument(
        "--tahun", type=int, default=None, help="tahun ringkasan (bawaan: tahun terakhir di data)"
    )


def periksa_folder(
    folder: Path, nama_tabel: Sequence[str] | None = None
) -> dict[str, pd.DataFrame]:
    """Muat dan periksa tabel di ``folder`` beserta pemeriksaan antartabel (``muat.muat_folder``).

    Semua masalah semua tabel dilaporkan sekaligus dalam satu galat berbahasa Indonesia.
    """
    from p3pd import muat

    return muat.muat_folder(folder, nama_tabel)


def susun_ringkasan(
    tabel: dict[str, pd.DataFrame], tahun: int | None = None, *, sumber: str | None = None
) -> str:
    """Teks ringkasan: jumlah baris per tabel, lalu capaian kabupaten per indikator untuk satu tahun.

    ``sumber`` kosong berarti data latihan sintetis bawaan (ditandai begitu); selain itu nama
    folder data sendiri, yang disebut apa adanya (tidak dicap sintetis).
    """
    from p3pd import apbdes, format, indikator, terbitan

    data = tabel["indikator"]
    tahun = int(data["tahun"].max()) if tahun is None else tahun
    if tahun not in set(data["tahun"]):
        raise GalatP3PD(
            f"Tahun {tahun} tidak ada di data. Tahun yang ada: {sorted(set(data['tahun']))}"
        )
    if sumber is None:
        baris = ["DATA SINTETIS UNTUK LATIHAN — bukan data desa sungguhan.", ""]
    else:
        baris = [f"Data dari folder '{sumber}' (bukan data latihan bawaan).", ""]
    baris.append("Tabel yang diperiksa (semua sah):")
    for nama, df in tabel.items():
        baris.append(f"  {nama:<11} {format.angka(len(df)):>9} baris")
    wil = tabel["wilayah"]
    baris.append(
        f"\n{format.angka(wil['kode_desa'].nunique())} desa di "
        f"{wil['kode_kecamatan'].nunique()} kecamatan, {wil['kode_kabupaten'].nunique()} kabupaten."
    )
    capaian = indikator.hitung_capaian(data, "kabupaten", tahun=tahun, bentuk="lebar")
    nama_kab = wil.drop_duplicates("kode_kabupaten").set_index("kode_kabupaten")["nama_kabupaten"]
    baris.append(f"\nCapaian per kabupaten, tahun {tahun} (%):")
    kepala = f"  {'indikator':<50}" + "".join(
        f"{nama_kab.get(k, k).replace('Kabupaten ', '')[:22]:>24}" for k in capaian["kode_wilayah"]
    )
    baris.append(kepala)
    for ind in indikator.DAFTAR_INDIKATOR:
        nilai = "".join(f"{format.persen(v):>24}" for v in capaian[ind.kode])
        baris.append(f"  {ind.nama[:50]:<50}{nilai}")
    baris.extend(terbitan.teks_ringkasan(tabel))  # di samping capaian, tidak dicampur
    porsi = apbdes.porsi_layanan_dasar(tabel["belanja"], tingkat="kabupaten", tahun=tahun)
    baris.append(f"\nPorsi belanja APBDes untuk layanan dasar, {tahun}:")
    for _, r in porsi.iterrows():
        kode = r["kode_wilayah"]
        baris.append(
            f"  {nama_kab.get(kode, kode):<36}{format.persen(r['porsi_layanan_dasar']):>16}"
        )
    return "\n".join(baris)


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd ringkasan``: periksa, lalu cetak ringkasan; galat → kode keluar 2."""
    from p3pd.lokasi import folder_data, folder_proyek

    folder = args.data if args.data is not None else folder_data()
    if not folder.is_dir():
        raise GalatP3PD(
            f"Folder data '{folder}' tidak ada. Buat data latihan dengan perintah: p3pd data"
        )
    tabel = periksa_folder(folder)
    bawaan = Path(folder).resolve() == (folder_proyek() / "data").resolve()
    print(susun_ringkasan(tabel, args.tahun, sumber=None if bawaan else str(folder)))
    return 0
