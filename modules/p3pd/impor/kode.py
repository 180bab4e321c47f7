"""Mengenali jenis kode wilayah di berkas sumber: Kemendagri, BPS, atau bukan kode wilayah.

Template ``p3pd`` memakai kode wilayah Kemendagri (``PP.KK.CC.NNNN``: provinsi 2 angka,
kabupaten 2, kecamatan 2, desa/kelurahan 4 yang diawali 2 untuk desa dan 1 untuk kelurahan).
Berkas publik sering memakai kode lain yang juga 10 angka, terutama kode BPS (``PPKKKKKDDD``:
provinsi 2, kabupaten 2, kecamatan 3, desa 3; dipakai Podes, Sensus, dan SIG BPS). Keduanya
tidak bisa diubah satu sama lain dengan aturan angka (nomor kabupaten dan kecamatannya bisa
berbeda), jadi kode BPS tidak pernah "dikonversi" diam-diam: ia dikenali, disebut namanya, dan
ditolak dengan petunjuk.

Aturan pengenalan satu kolom kode desa:

- kode 10 angka (bertitik atau tidak) yang angka ke-7-nya 1 atau 2 → kode Kemendagri;
- kode 10 angka yang angka ke-7-nya bukan 1 atau 2 (mis. ``3579010001``: kecamatan BPS ``010``)
  → kode BPS; bila satu saja nilai di kolom itu pasti kode BPS, seluruh kolom dianggap kode BPS
  (``5304021001`` bisa dibaca ``53.04.02.1001``, tetapi di kolom kode BPS artinya lain);
- 16 angka → mirip NIK; 7 angka → kode kecamatan BPS; 5 angka → mirip kode pos;
- kode Kemendagri yang polanya sah tetapi tidak ada di daftar nasional dicatat di laporan impor
  (desa baru atau salah ketik), tidak ditolak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from p3pd import wilayah

JENIS_NAMA = {
    "kemendagri": "kode Kemendagri",
    "bps": "kode BPS (10 angka: provinsi 2, kabupaten 2, kecamatan 3, desa 3)",
    "bps_kecamatan": "kode kecamatan BPS (7 angka)",
    "nik": "angka 16 digit mirip NIK",
    "kode_pos": "mirip kode pos (5 angka)",
    "lain": "bukan kode wilayah",
}
"""Nama setiap jenis kode untuk pesan dan laporan."""


@dataclass(frozen=True)
class Kenal:
    """Hasil mengenali satu nilai: jenis kode dan bentuk baku Kemendagri (bila Kemendagri)."""

    jenis: str
    baku: str | None = None


@lru_cache(maxsize=1)
def kode_desa_nasional() -> frozenset[str]:
    """Semua kode desa/kelurahan Kemendagri di daftar wilayah nasional (``PP.KK.CC.NNNN``)."""
    from p3pd import wilayah_nasional

    return frozenset(wilayah_nasional.daftar("desa")["kode"])


def _angka_saja(nilai: object) -> str:
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    teks = re.sub(r"\s+", "", str(nilai)).strip("'\"`")
    teks = re.sub(r"\.0+$", "", teks) if re.fullmatch(r"\d+\.0+", teks) else teks
    return teks


def kenali_kode(nilai: object) -> Kenal:
    """Jenis satu nilai kode desa: 'kemendagri', 'bps', 'bps_kecamatan', 'nik', 'kode_pos', 'lain'.

    Hanya melihat nilai itu sendiri (lihat aturan di docstring modul); keputusan per kolom
    dibuat :func:`kenali_kolom`.
    """
    teks = _angka_saja(nilai)
    polos = teks.replace(".", "")
    if not polos.isdigit():
        return Kenal("lain")
    if len(polos) == 16:
        return Kenal("nik")
    if len(polos) == 7 and "." not in teks:
        return Kenal("bps_kecamatan")
    if len(polos) == 5 and "." not in teks:
        return Kenal("kode_pos")
    if len(polos) != 10:
        return Kenal("lain")
    try:
        baku = wilayah.normalisasi_kode(teks)
        if wilayah.jenis_kode(baku) in ("desa", "kelurahan"):
            return Kenal("kemendagri", baku)
    except wilayah.KodeTidakValid:
        pass
    if "." in teks and teks.count(".") == 3:
        return Kenal("lain")  # bertitik tetapi salah pola: biarkan pemuat menjelaskan
    if 11 <= int(polos[:2]) <= 99:
        return Kenal("bps")
    return Kenal("lain")


@dataclass
class KodeKolom:
    """Hasil mengenali satu kolom kode desa."""

    baku: pd.Series
    """Kode Kemendagri baku per baris (NaN bila bukan kode Kemendagri atau kosong)."""
    jenis: pd.Series
    """Jenis per baris (lihat :func:`kenali_kode`; 'kosong' untuk sel kosong)."""
    kolom_bps: bool
    """Seluruh kolom dianggap kode BPS (ada nilai yang pasti kode BPS)."""
    tidak_di_daftar: list[str]
    """Kode Kemendagri berpola sah yang tidak ada di daftar nasional."""
    diubah: int
    """Banyaknya kode yang ditulis lain (tanpa titik, dengan spasi) dan diseragamkan."""


def kenali_kolom(seri: pd.Series) -> KodeKolom:
    """Kenali semua kode desa dalam satu kolom dan putuskan jenis kolomnya (lihat docstring modul)."""
    kosong = seri.isna() | (seri.astype(str).str.strip() == "")
    unik = pd.unique(seri[~kosong])
    hasil = {v: kenali_kode(v) for v in unik}
    nasional = kode_desa_nasional()
    kolom_bps = any(k.jenis == "bps" for k in hasil.values())
    jenis = {}
    baku = {}
    tidak_ada = []
    diubah = 0
    for v, k in hasil.items():
        j = k.jenis
        if j == "kemendagri" and kolom_bps:
            j = "bps"  # berpola Kemendagri, tetapi kolomnya kode BPS: angka yang sama, arti lain
        jenis[v] = j
        if j == "kemendagri":
            baku[v] = k.baku
            if nasional and k.baku not in nasional:
                tidak_ada.append(k.baku)
            if str(v) != k.baku:
                diubah += 1
    if kolom_bps:
        baku = {}
    jenis_seri = seri.map(lambda v: jenis.get(v, "lain")).where(~kosong, "kosong")
    baku_seri = seri.map(lambda v: baku.get(v, np.nan)).where(~kosong, np.nan)
    return KodeKolom(baku_seri, jenis_seri, kolom_bps, sorted(set(tidak_ada)), diubah)
