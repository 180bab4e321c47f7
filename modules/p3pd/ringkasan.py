"""Perintah ``p3pd ringkasan``: periksa semua tabel data lalu cetak ringkasan capaian.

Berguna untuk pelatih sebelum sesi (apakah data lengkap dan sah?) dan untuk tim kecamatan
yang mengganti data latihan dengan data desanya sendiri (``--data FOLDER``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from p3pd.galat import GalatP3PD

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.label import LabelData


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


TIDAK_ADA_DATA = "tidak ada data"
"""Yang ditulis di ringkasan bila data tidak tersedia (tabel, kolom, tahun, atau wilayah)."""

KOLOM_KABUPATEN = 4
"""Kabupaten per blok tabel capaian ringkasan (data banyak kabupaten: beberapa blok)."""


def _tahun_ringkasan(tabel: dict[str, pd.DataFrame], tahun: int | None) -> int | None:
    ada = sorted(
        {int(t) for n in ("indikator", "belanja") if n in tabel for t in tabel[n]["tahun"].dropna()}
    )
    if tahun is None:
        if "indikator" in tabel and len(tabel["indikator"]):
            return int(tabel["indikator"]["tahun"].max())
        return ada[-1] if ada else None
    if ada and tahun not in ada:
        raise GalatP3PD(f"Tahun {tahun} tidak ada di data. Tahun yang ada: {ada}")
    return tahun


def susun_ringkasan(
    tabel: dict[str, pd.DataFrame],
    tahun: int | None = None,
    *,
    sumber: str | None = None,
    label: LabelData | None = None,
) -> str:
    """Teks ringkasan: label data, tabel yang ada, lalu capaian kabupaten per indikator dan porsi
    belanja layanan dasar untuk satu tahun.

    Hanya daftar desa (``tabel["wilayah"]``) yang wajib; tabel, kolom, tahun, atau kabupaten yang
    datanya tidak tersedia ditulis "tidak ada data", dan ringkasan berlanjut dengan yang ada.
    ``label`` (dari ``p3pd.label.label_data``) memberi baris pertama. Tanpa ``label``:
    ``sumber`` kosong berarti data latihan sintetis bawaan, selain itu nama folder data sendiri.
    """
    from p3pd import apbdes, format, indikator, skema, terbitan
    from p3pd.label import TEKS_SINTETIS
    from p3pd.laporan_dasar import pembanding_kabupaten

    tahun = _tahun_ringkasan(tabel, tahun)
    if label is not None:
        kepala = label.teks
    elif sumber is None:
        kepala = TEKS_SINTETIS
    else:
        kepala = f"Data dari folder '{sumber}' (bukan data latihan bawaan)."
    baris = [kepala, "", "Tabel yang diperiksa (semua sah):"]
    for nama, df in tabel.items():
        baris.append(f"  {nama:<11} {format.angka(len(df)):>9} baris")
    for nama, t in skema.SEMUA_TABEL.items():
        if nama not in tabel and not t.opsional:
            baris.append(f"  {nama:<11} {TIDAK_ADA_DATA} (berkas {Path(t.berkas).stem} tidak ada)")
    wil = tabel["wilayah"]
    n_kel = int((wil["kode_desa"].astype(str).str[9] == "1").sum())
    n_desa = wil["kode_desa"].nunique() - n_kel
    jumlah = f"{format.angka(n_desa)} desa" + (
        f" dan {format.angka(n_kel)} kelurahan" if n_kel else ""
    )
    baris.append(
        f"\n{jumlah} di {wil['kode_kecamatan'].nunique()} kecamatan, "
        f"{wil['kode_kabupaten'].nunique()} kabupaten."
    )
    if not (label.sintetis if label is not None else sumber is None):
        baris.extend(_cakupan_kecamatan(wil))
    for c in wil.attrs.get("catatan_antartabel", []):
        baris.append(f"Catatan: {c}")
    nama_kab = wil.drop_duplicates("kode_kabupaten").set_index("kode_kabupaten")["nama_kabupaten"]
    kab = sorted(nama_kab.index)
    judul_tahun = f", tahun {tahun}" if tahun is not None else ""
    sintetis = label.sintetis if label is not None else sumber is None
    data = tabel.get("indikator")
    dasar = (
        data.loc[data["tahun"] == tahun, "kode_desa"]
        if data is not None and tahun is not None
        else wil["kode_desa"]
    )
    sebagian = {}
    # Kode desa dikelompokkan per kabupaten sekali (data nasional: ratusan kabupaten).
    kode = (dasar if len(dasar) else wil["kode_desa"]).astype(str).drop_duplicates()
    per_kab = dict(tuple(kode.groupby(kode.str[:5])))
    for k in kab:
        pb = pembanding_kabupaten(
            per_kab.get(k, kode.iloc[:0]), [k], nama_kab[k], sintetis=sintetis
        )
        if not pb.lengkap:
            sebagian[k] = pb
    tanda = {k: "*" if k in sebagian else "" for k in kab}
    baris.append(
        f"\nCapaian per kabupaten{judul_tahun} (%)"
        + (
            "; * = bukan angka kabupaten/kota, hanya gabungan desa/kelurahan di data ini:"
            if sebagian
            else ":"
        )
    )
    if data is None or tahun is None or not (data["tahun"] == tahun).any():
        baris.append(f"  {TIDAK_ADA_DATA} (tabel indikator desa tidak ada untuk tahun ini)")
    else:
        capaian = indikator.hitung_capaian(data, "kabupaten", tahun=tahun, bentuk="lebar")
        capaian = capaian.set_index("kode_wilayah").reindex(kab)
        # Paling banyak KOLOM_KABUPATEN kabupaten per blok, supaya baris tetap terbaca di
        # terminal; data satu provinsi atau nasional menjadi beberapa blok berurutan.
        for awal in range(0, len(kab), KOLOM_KABUPATEN):
            blok = kab[awal : awal + KOLOM_KABUPATEN]
            if awal:
                baris.append("")
            baris.append(
                f"  {'indikator':<50}"
                + "".join(
                    f"{nama_kab.get(k, k).replace('Kabupaten ', '')[:21] + tanda[k]:>24}"
                    for k in blok
                )
            )
            for ind in indikator.DAFTAR_INDIKATOR:
                nilai = "".join(
                    f"{format.persen(v) if pd.notna(v) else TIDAK_ADA_DATA:>24}"
                    for v in capaian.loc[blok, ind.kode]
                )
                baris.append(f"  {ind.nama[:50]:<50}{nilai}")
    for pb in sebagian.values():
        baris.append(
            f"  * {pb.nama_kabupaten}: gabungan desa/kelurahan di data ini {pb.keterangan}."
        )
    baris.extend(terbitan.teks_ringkasan(tabel))  # di samping capaian, tidak dicampur
    baris.append(
        f"\nPorsi belanja APBDes untuk layanan dasar{judul_tahun.replace(', tahun', ',')}:"
    )
    belanja = tabel.get("belanja")
    if belanja is None or tahun is None or not (belanja["tahun"] == tahun).any():
        baris.append(f"  {TIDAK_ADA_DATA} (tabel belanja APBDes tidak ada untuk tahun ini)")
    else:
        porsi = apbdes.porsi_layanan_dasar(belanja, tingkat="kabupaten", tahun=tahun)
        porsi = porsi.set_index("kode_wilayah")["porsi_layanan_dasar"].reindex(kab)
        nama_porsi = {
            k: nama_kab.get(k, k) + (" (desa di data ini)" if k in sebagian else "") for k in kab
        }
        lebar = max([36, *(len(n) + 2 for n in nama_porsi.values())])
        for kode, v in porsi.items():
            teks = format.persen(v) if pd.notna(v) else TIDAK_ADA_DATA
            baris.append(f"  {nama_porsi[kode]:<{lebar}}{teks:>16}")
    return "\n".join(baris)


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd ringkasan``: periksa, lalu cetak ringkasan; galat → kode keluar 2."""
    from p3pd.label import label_data
    from p3pd.lokasi import folder_data

    folder = args.data if args.data is not None else folder_data()
    if not folder.is_dir():
        raise GalatP3PD(
            f"Folder data '{folder}' tidak ada. Buat data latihan dengan perintah: p3pd data"
        )
    tabel = periksa_folder(folder)
    print(susun_ringkasan(tabel, args.tahun, label=label_data(folder)))
    return 0


def _cakupan_kecamatan(wil: pd.DataFrame, batas: int = 10) -> list[str]:
    """Baris "Cakupan: …" untuk kecamatan yang desa/kelurahannya di daftar desa ini belum lengkap
    menurut daftar wilayah nasional (paling banyak ``batas`` kecamatan disebut)."""
    from p3pd.diagnosis import keterangan_cakupan

    kurang = []
    for kode, bagian in wil.groupby(wil["kode_kecamatan"].astype(str), sort=True):
        ket = keterangan_cakupan(int(bagian["kode_desa"].nunique()), kode)
        if ket is not None and " dari " in ket:
            kurang.append(f"{ket.strip('()')}")
    if not kurang:
        return []
    lebih = f"; dan {len(kurang) - batas} kecamatan lain" if len(kurang) > batas else ""
    return [
        "Cakupan menurut daftar wilayah nasional (Kepmendagri 2025): daftar desa ini baru memuat "
        + "; ".join(kurang[:batas])
        + lebih
        + ". Angka kecamatan dihitung dari desa/kelurahan yang ada saja."
    ]
