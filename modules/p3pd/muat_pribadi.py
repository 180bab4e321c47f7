"""Mengenali data pribadi di tabel: NIK, nomor KK, dan nama orang (menurut judul dan isi kolom).

Data latihan dan data kecamatan untuk pelatihan ini tidak boleh memuat data pribadi. Kolom yang
judulnya menandakan data pribadi, atau yang isinya tampak seperti NIK atau nama orang, ditolak
seperti NIK; angka dan nama yang ditemukan tidak pernah ditampilkan di pesan.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from p3pd.muat_masalah import Laporan, per_baris, teks_sel, urai_unik

POLA_PRIBADI = re.compile(
    r"^(?:(?:no|nomor)_?)?nik(?:_.*)?$"
    r"|^(?:(?:no|nomor)_?)?kk$|^(?:no|nomor)_kartu_keluarga$"
    r"|^nama_(?:kepala_keluarga|kk|penduduk|lengkap|warga|ibu|ayah|anak|balita|bayi|pasien"
    r"|siswa|murid|penerima|anggota_keluarga|orang_tua)(?:_.*)?$"
    r"|^(?:tanggal|tgl)_lahir$"
)
POLA_NIK = r"(?<!\d)\d{16}(?!\d)|\d[.,]\d+[eE]\+15"


# ------------------------------------------------------------------ antarbaris


def periksa_nik(seri: pd.Series, nama: str, baris: np.ndarray, laporan: Laporan) -> None:
    """Tolak angka 16 digit yang mirip NIK (tanpa menampilkan angkanya)."""
    if pd.api.types.is_bool_dtype(seri):
        return
    if pd.api.types.is_numeric_dtype(seri):
        nilai = np.abs(seri.to_numpy(dtype=float))
        mirip = (nilai >= 1e15) & (nilai < 1e16)
    else:
        kode, unik = urai_unik(seri)
        if not len(unik):
            return
        teks = pd.Series([teks_sel(v) for v in unik], dtype=object)
        rapat = teks.str.replace(r"\s+", "", regex=True)  # NIK kadang ditulis berkelompok
        mirip_unik = rapat.str.contains(POLA_NIK, regex=True) | teks.str.contains(
            POLA_NIK, regex=True
        )
        mirip = per_baris(mirip_unik.to_numpy(dtype=bool), kode)
    if mirip.any():
        laporan.tambah(
            "berisi angka 16 digit yang mirip NIK. Data pribadi tidak boleh ada di data ini; "
            "hapus nilai itu dari berkas (simpan sebagai salinan), lalu muat ulang.",
            nama,
            baris[mirip],
        )
