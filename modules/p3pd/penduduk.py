"""Jangkar penduduk kecamatan: angka terbitan (Sensus 2020 / proyeksi BPS) untuk data latihan.

Penduduk desa latihan dibagi dari penduduk **kecamatan nyata** supaya peserta melihat
kecamatannya sendiri dalam ukuran yang wajar. Aturannya (semua asumsi tertulis di sini dan di
``data/KALIBRASI.md``):

1. Angka yang ditemukan ada di ``referensi/penduduk_wilayah.csv`` (kecamatan atau kabupaten,
   dengan tahun, jenis, dan alamat sumbernya).
2. Kecamatan **tanpa angka** (TIDAK DITEMUKAN) mendapat sisa penduduk kabupatennya, dibagi
   menurut bobot (jumlah desa + 1,5 × jumlah kelurahan) × pengali jarak⁻¹ — kecamatan yang
   jauh dari puskesmas (pengali ``sintetis.KECAMATAN_JAUH`` > 1) dianggap lebih jarang
   penduduknya. Ini **asumsi**, bukan angka terbitan.
3. Semua angka digeser ke tahun dasar data latihan (2022) dengan pertumbuhan penduduk
   profil kabupaten (asumsi, ``sintetis.PROFIL``).
4. Kelurahan tidak ada di data latihan (tidak punya APBDes), jadi bagian kelurahan dikurangi:
   satu kelurahan dianggap berpenduduk 1,5 kali rata-rata desa di kecamatan yang sama
   (asumsi). Yang tersisa adalah penduduk semua desa kecamatan itu.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

BOBOT_KELURAHAN = 1.5
"""Penduduk satu kelurahan dibanding rata-rata satu desa di kecamatan yang sama (asumsi)."""

EKSPONEN_JAUH = 1.0
"""Pangkat pengali jarak untuk membagi sisa penduduk ke kecamatan tanpa angka (asumsi)."""

DITEMUKAN = "ditemukan"
TIDAK_DITEMUKAN = "TIDAK DITEMUKAN (asumsi)"


def acuan_penduduk() -> pd.DataFrame:
    """Tabel angka penduduk terbitan (``referensi/penduduk_wilayah.csv``), satu baris per wilayah.

    Kolom: ``kode_wilayah, nama_wilayah, penduduk, tahun, jenis, sumber_url, catatan``.
    Kode 5 karakter = kabupaten, 8 karakter = kecamatan.
    """
    import pandas as pd

    from p3pd.lokasi import folder_referensi

    tabel = pd.read_csv(
        folder_referensi() / "penduduk_wilayah.csv", dtype=str, keep_default_na=False
    )
    tabel["penduduk"] = tabel["penduduk"].astype("int64")
    tabel["tahun"] = tabel["tahun"].astype("int64")
    return tabel


def target_penduduk_kecamatan(
    kecamatan: pd.DataFrame, pertumbuhan: Mapping[str, float], tahun_dasar: int = 2022
) -> pd.DataFrame:
    """Penduduk desa setiap kecamatan pada ``tahun_dasar`` menurut aturan di docstring modul.

    ``kecamatan``: satu baris per kecamatan dengan ``kode_kabupaten, kode_kecamatan,
    nama_kecamatan, jumlah_desa, jumlah_kelurahan, jauh``. ``pertumbuhan``: laju pertumbuhan
    penduduk per tahun menurut kode kabupaten. Hanya kabupaten yang punya angka kabupaten di
    ``acuan_penduduk()`` yang diberi target; kecamatan lain tidak ada di hasil.

    Kolom hasil: ``kode_kecamatan, nama_kecamatan, status, penduduk_acuan, tahun_acuan,
    jenis, sumber_url, penduduk_kecamatan_dasar, pangsa_desa, penduduk_desa_dasar``.
    """
    import numpy as np
    import pandas as pd

    acuan = acuan_penduduk()
    kab_acuan = acuan[acuan["kode_wilayah"].str.len() == 5].set_index("kode_wilayah")
    kec_acuan = acuan[acuan["kode_wilayah"].str.len() == 8].set_index("kode_wilayah")
    bagian = []
    for kab, kec in kecamatan.groupby("kode_kabupaten", sort=True):
        if kab not in kab_acuan.index:
            continue
        g = float(pertumbuhan[kab])

        def ke_dasar(nilai: float, tahun: int, g: float = g) -> float:
            return nilai * (1.0 + g) ** (tahun_dasar - tahun)

        k = kec.copy()
        ada = k["kode_kecamatan"].isin(kec_acuan.index).to_numpy()
        a = kec_acuan.reindex(k["kode_kecamatan"])
        dasar = np.array(
            [
                ke_dasar(float(p), int(t)) if ok else np.nan
                for p, t, ok in zip(a["penduduk"], a["tahun"], ada, strict=True)
            ]
        )
        total = ke_dasar(float(kab_acuan.at[kab, "penduduk"]), int(kab_acuan.at[kab, "tahun"]))
        sisa = total - np.nansum(dasar)
        desa = k["jumlah_desa"].to_numpy(dtype="float64")
        kel = k["jumlah_kelurahan"].to_numpy(dtype="float64")
        bobot = (desa + BOBOT_KELURAHAN * kel) * k["jauh"].to_numpy(dtype="float64") ** (
            -EKSPONEN_JAUH
        )
        bobot = np.where(ada, 0.0, bobot)
        if bobot.sum() > 0:
            if sisa <= 0:
                raise ValueError(f"Penduduk kecamatan berjangkar melebihi kabupaten {kab}")
            dasar = np.where(ada, dasar, sisa * bobot / bobot.sum())
        k["status"] = np.where(ada, DITEMUKAN, TIDAK_DITEMUKAN)
        k["penduduk_acuan"] = a["penduduk"].to_numpy()
        k["tahun_acuan"] = a["tahun"].to_numpy()
        k["jenis"] = np.where(ada, a["jenis"].to_numpy(), "asumsi: sisa penduduk kabupaten")
        k["sumber_url"] = np.where(ada, a["sumber_url"].to_numpy(), "")
        k["penduduk_kecamatan_dasar"] = np.round(dasar).astype("int64")
        k["pangsa_desa"] = desa / (desa + BOBOT_KELURAHAN * kel)
        k["penduduk_desa_dasar"] = np.round(dasar * k["pangsa_desa"]).astype("int64")
        bagian.append(k)
    kolom = [
        "kode_kecamatan",
        "nama_kecamatan",
        "status",
        "penduduk_acuan",
        "tahun_acuan",
        "jenis",
        "sumber_url",
        "penduduk_kecamatan_dasar",
        "pangsa_desa",
        "penduduk_desa_dasar",
    ]
    if not bagian:
        return pd.DataFrame(columns=kolom)
    return pd.concat(bagian, ignore_index=True)[kolom]


def target_latihan() -> pd.DataFrame:
    """:func:`target_penduduk_kecamatan` untuk 93 kecamatan empat kabupaten latihan (tahun 2022)."""
    from p3pd.sintetis import PROFIL, TAHUN_DASAR, wilayah_latihan

    tumbuh = {k: p.pertumbuhan for k, p in PROFIL.items()}
    return target_penduduk_kecamatan(wilayah_latihan(), tumbuh, TAHUN_DASAR)
