"""Memuat tabel data (CSV atau XLSX) dan memeriksanya menurut skema.

Satu fungsi per tabel (``muat_indikator``, ``muat_belanja``, …) dan satu fungsi umum
``muat_tabel``. Hasilnya DataFrame dengan tipe yang benar: kode wilayah sebagai teks
bertitik, tahun dan cacah sebagai bilangan bulat, rupiah sebagai angka, ya/tidak sebagai
``bool``.

Yang jelas maksudnya dirapikan dan dicatat (lihat ``data.attrs["catatan_muat"]``): kode
bertitik atau tanpa titik, koma desimal dan titik ribuan (``1.234,5``), spasi di tepi nilai,
``ya/tidak/Ya/1/0``, BOM dan encoding Windows, pemisah ``;``. Yang tidak jelas ditolak
dengan pesan berbahasa Indonesia yang menyebut berkas, kolom, dan nomor baris (seperti di
Excel: baris 1 = judul kolom). Semua masalah satu berkas dilaporkan sekaligus. Berkas asli
tidak pernah diubah.

Modul ini hanya pintu masuknya. Pekerjaannya dibagi menurut tahap yang bisa disebut:
``muat_berkas`` (membaca berkas: encoding, pemisah, judul, lembar), ``muat_nilai``
(memeriksa nilai per kolom dan antarbaris), ``muat_pribadi`` (NIK dan nama orang),
``muat_antartabel`` (pemeriksaan antartabel satu folder data), dan ``muat_masalah`` (daftar
masalah yang dilaporkan sekaligus).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid
from p3pd.muat_berkas import baca_berkas, cari_berkas_tabel, judul_kolom_berkas, letak, tabel_skema
from p3pd.muat_masalah import Laporan, Masalah
from p3pd.muat_nilai import periksa_tabel

__all__ = [
    "TAHUN_MINIMUM",
    "Masalah",
    "muat_tabel",
    "muat_wilayah",
    "muat_indikator",
    "muat_belanja",
    "muat_pendapatan",
    "muat_fasilitas",
    "muat_usulan",
    "muat_program",
    "muat_pemangku",
    "baca_judul_kolom",
    "berkas_tabel",
    "muat_folder",
]

TAHUN_MINIMUM = skema.TAHUN_MINIMUM
"""Tahun terawal yang diterima (UU Desa 6/2014; Dana Desa mulai 2015). Batas atasnya tahun
berjalan (lihat ``skema.rentang_kolom``)."""


# --------------------------------------------------------------------------- API


def muat_tabel(
    nama_tabel: str, berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat dan periksa satu tabel data (CSV atau XLSX) menurut skemanya.

    ``nama_tabel`` salah satu dari ``skema.SEMUA_TABEL`` ('wilayah', 'indikator', 'belanja',
    'pendapatan', 'fasilitas', 'usulan', 'program', 'pemangku'). ``berkas`` kosong berarti
    berkas data latihan di ``folder_data()`` (``.csv`` atau ``.xlsx``, lihat
    :func:`berkas_tabel`). Dengan
    ``wilayah_dikenal=True`` kode kecamatan dan kabupaten juga harus termasuk empat kabupaten
    wilayah latihan; tanpa itu hanya pola kodenya yang diperiksa (sehingga data kecamatan mana
    pun bisa dimuat).

    Menimbulkan ``DataTidakValid`` yang mendaftar semua masalah berkas (kolom dan nomor baris
    seperti di Excel). Catatan tentang apa yang dirapikan ada di ``data.attrs["catatan_muat"]``,
    peringatan (mis. sel yang diawali '=' dan bisa menjadi rumus di Excel) di
    ``data.attrs["peringatan_muat"]``.
    """
    tabel = tabel_skema(nama_tabel)
    path, sumber = letak(tabel, berkas)
    laporan = Laporan()
    mentah = baca_berkas(path, sumber, tabel, laporan)
    if len(mentah.data) == 0 and not laporan.masalah:
        raise DataTidakValid(
            "tidak ada baris data di bawah judul kolom; berkas hanya berisi judul.", berkas=sumber
        )
    data = periksa_tabel(mentah, tabel, laporan, wilayah_dikenal)
    if laporan.masalah:
        raise laporan.galat(sumber, tabel)
    data.attrs["berkas"] = sumber
    data.attrs["tabel"] = tabel.nama
    data.attrs["catatan_muat"] = list(laporan.catatan)
    data.attrs["peringatan_muat"] = list(laporan.peringatan)
    return data


def muat_wilayah(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat daftar desa (kode dan nama desa, kecamatan, kabupaten, provinsi)."""
    return muat_tabel("wilayah", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_indikator(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat indikator layanan dasar per desa dan tahun (pembilang dan penyebut)."""
    return muat_tabel("indikator", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_belanja(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat belanja APBDes per desa, tahun, dan sub-bidang (anggaran dan realisasi)."""
    return muat_tabel("belanja", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_pendapatan(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat pendapatan APBDes per desa dan tahun menurut sumber."""
    return muat_tabel("pendapatan", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_fasilitas(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat fasilitas layanan per desa (sekolah, posyandu, jarak ke puskesmas, …)."""
    return muat_tabel("fasilitas", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_usulan(berkas: str | Path | None = None, *, wilayah_dikenal: bool = False) -> pd.DataFrame:
    """Muat usulan desa ke perencanaan kabupaten (Musrenbang)."""
    return muat_tabel("usulan", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_program(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat program perangkat daerah (OPD) kabupaten beserta desa sasarannya."""
    return muat_tabel("program", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_pemangku(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat lembaga pemangku kepentingan per kecamatan."""
    return muat_tabel("pemangku", berkas, wilayah_dikenal=wilayah_dikenal)


def baca_judul_kolom(berkas: str | Path) -> list[str]:
    """Nama kolom sebuah berkas CSV/XLSX dalam bentuk baku (huruf kecil, garis bawah).

    Dipakai untuk menebak tabel sebuah berkas; isi berkas tidak diperiksa.
    """
    return judul_kolom_berkas(berkas)


def berkas_tabel(folder: str | Path, nama_tabel: str) -> Path:
    """Berkas tabel ``nama_tabel`` di ``folder``: ``<nama>.csv`` atau ``<nama>.xlsx``.

    Mis. tabel indikator dicari sebagai ``indikator_desa.csv`` lalu ``indikator_desa.xlsx``.
    Bila keduanya ada, menimbulkan ``DataTidakValid`` (tidak jelas mana yang dimaksud); bila
    tidak ada satu pun, mengembalikan nama ``.csv`` (pesan "tidak ditemukan" datang dari pemuat).
    """
    return cari_berkas_tabel(Path(folder), tabel_skema(nama_tabel))


def muat_folder(
    folder: str | Path,
    nama_tabel: Sequence[str] | None = None,
    *,
    wajib: Sequence[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Muat dan periksa tabel di ``folder`` (bawaan: semua tabel skema), lalu periksa antartabel.

    Dengan daftar bawaan, tabel tambahan (``opsional`` di skema, mis. ``belanja_kegiatan`` dan
    ``terbitan`` = angka terbitan) yang berkasnya tidak ada dilewati; yang ada tetap diperiksa.

    Data sendiri boleh sebagian: dengan daftar bawaan hanya daftar desa (``wilayah``) yang
    wajib ada; tabel lain yang berkasnya tidak ada tidak tersedia (tidak ada di hasil). Dengan
    ``nama_tabel`` diberikan, semua tabel itu wajib, kecuali ``wajib`` menyebut daftar lain.

    Setiap tabel dicari sebagai ``.csv`` atau ``.xlsx`` (lihat :func:`berkas_tabel`). Semua
    masalah semua tabel dikumpulkan dulu, lalu dilaporkan sekaligus dalam satu
    ``DataTidakValid``; yang lolos di sini dapat diproses notebook dan handout. Folder yang
    mencampur data latihan sintetis dengan data sendiri ditolak (``p3pd.label``). Catatan
    antartabel yang tidak merusak (desa tanpa data, tahun yang berbeda) ada di
    ``hasil["wilayah"].attrs["catatan_antartabel"]``.
    """
    from p3pd.label import label_data
    from p3pd.muat_antartabel import catatan_antartabel, periksa_antartabel

    folder = Path(folder)
    daftar = list(nama_tabel) if nama_tabel is not None else list(skema.TABEL_DIKENAL)
    tabel: dict[str, pd.DataFrame] = {}
    berkas: dict[str, str] = {}
    galat: list[str] = []
    if wajib is not None:
        harus_ada = set(wajib)
    elif nama_tabel is None:
        harus_ada = {"wilayah"}
    else:
        harus_ada = set(daftar)
    for nama in daftar:
        try:
            path = berkas_tabel(folder, nama)
            if nama not in harus_ada and not path.exists():
                continue  # tabel yang tidak disertakan: tidak tersedia, bukan masalah
            berkas[nama] = path.name
            tabel[nama] = muat_tabel(nama, path)
        except DataTidakValid as g:
            galat.append(str(g))
    if not galat:
        galat.extend(periksa_antartabel(tabel, berkas))
    try:
        label_data(folder)  # campuran data sintetis dan data sendiri ditolak
    except DataTidakValid as g:
        galat.append(str(g))
    catatan = catatan_antartabel(tabel, berkas) if "wilayah" in tabel else []
    if galat:
        raise DataTidakValid(
            f"{len(galat)} masalah pada {len(daftar)} tabel di '{folder}':\n\n"
            + "\n\n".join(galat)
            + "".join(f"\n\nCatatan: {c}" for c in catatan)
        )
    if "wilayah" in tabel:
        tabel["wilayah"].attrs["catatan_antartabel"] = catatan
    return tabel
