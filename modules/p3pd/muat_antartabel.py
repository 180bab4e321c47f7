"""Pemeriksaan yang melihat lebih dari satu baris atau satu tabel: nama wilayah dan kode antartabel.

Tabel yang sah sendiri-sendiri masih bisa merusak notebook dan handout, mis. dua kecamatan
bernama sama (tabel per nama berisi entri kembar), nama kecamatan yang kosong, atau kode desa
di tabel indikator yang tidak ada di daftar desa (namanya hilang di handout). Yang merusak
notebook atau handout dilaporkan di sini lebih dulu, oleh ``p3pd periksa`` (satu tabel) dan
``p3pd ringkasan`` (satu folder), dengan nama berkas, kolom, dan baris atau kodenya.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.muat_masalah import KolomHasil, Laporan

__all__ = ["periksa_nama_wilayah", "periksa_antartabel", "TABEL_BERKODE_DESA"]

_JENJANG = (
    ("kode_kecamatan", "nama_kecamatan", "kecamatan", "kode_provinsi"),
    ("kode_kabupaten", "nama_kabupaten", "kabupaten", "kode_provinsi"),
    ("kode_provinsi", "nama_provinsi", "provinsi", None),
)

TABEL_BERKODE_DESA = ("indikator", "belanja", "pendapatan", "fasilitas", "usulan")
"""Tabel yang setiap barisnya menyebut satu desa dari daftar desa (tabel wilayah)."""


def _contoh_baris(baris: np.ndarray, pilih: np.ndarray, batas: int = 4) -> str:
    return ", ".join(str(b) for b in baris[pilih][:batas])


def periksa_nama_wilayah(hasil: dict[str, KolomHasil], baris: np.ndarray, laporan: Laporan) -> None:
    """Tabel wilayah: nama wajib diisi, satu nama per kode, dan nama yang bisa dibedakan.

    - setiap desa, kecamatan, kabupaten, dan provinsi bernama (tidak kosong);
    - satu kode kecamatan/kabupaten/provinsi hanya punya satu nama di seluruh tabel;
    - dua kecamatan berbeda di satu provinsi tidak bernama sama, dan dua desa berbeda di satu
      kecamatan tidak bernama sama (tabel dan grafik handout disusun menurut nama).
    """
    for nama in ("nama_desa", "nama_kecamatan", "nama_kabupaten", "nama_provinsi"):
        if nama not in hasil:
            continue
        nilai = hasil[nama].nilai
        kosong = (nilai.isna() | (nilai.astype(str).str.strip() == "")).to_numpy(dtype=bool)
        if kosong.any():
            laporan.tambah(
                "nama wilayah kosong; setiap baris perlu nama (dipakai di tabel dan grafik "
                "notebook dan handout).",
                nama,
                baris[kosong],
            )
    for kode, nama, apa, _ in _JENJANG:
        if kode not in hasil or nama not in hasil:
            continue
        bingkai = pd.DataFrame(
            {"kode": hasil[kode].nilai.to_numpy(), "nama": hasil[nama].nilai.to_numpy()}
        )
        sah = hasil[kode].sah & bingkai["nama"].notna().to_numpy()
        b = bingkai[sah]
        jumlah_nama = b.groupby("kode")["nama"].nunique()
        ganda = jumlah_nama[jumlah_nama > 1]
        if len(ganda):
            pilih = sah & bingkai["kode"].isin(ganda.index).to_numpy()
            contoh = "; ".join(
                f"{k}: "
                + " / ".join(f"'{n}'" for n in sorted(b.loc[b["kode"] == k, "nama"].unique())[:3])
                for k in ganda.index[:3]
            )
            laporan.tambah(
                f"satu kode {apa} ditulis dengan nama berbeda-beda ({contoh}). Seragamkan "
                f"namanya agar setiap {apa} punya satu nama.",
                (kode, nama),
                baris[pilih],
            )
    _nama_kembar(hasil, baris, laporan, "kode_kecamatan", "nama_kecamatan", "kode_provinsi",
                 "kecamatan", "provinsi")  # fmt: skip
    _nama_kembar(hasil, baris, laporan, "kode_desa", "nama_desa", "kode_kecamatan", "desa",
                 "kecamatan")  # fmt: skip


def _nama_kembar(
    hasil: dict[str, KolomHasil],
    baris: np.ndarray,
    laporan: Laporan,
    kode: str,
    nama: str,
    induk: str,
    apa: str,
    apa_induk: str,
) -> None:
    if not all(k in hasil for k in (kode, nama, induk)):
        return
    bingkai = pd.DataFrame(
        {
            "kode": hasil[kode].nilai.to_numpy(),
            "nama": hasil[nama].nilai.astype(str).str.strip().str.lower().to_numpy(),
            "induk": hasil[induk].nilai.to_numpy(),
        }
    )
    sah = hasil[kode].sah & hasil[induk].sah & hasil[nama].nilai.notna().to_numpy()
    b = bingkai[sah]
    jumlah_kode = b.groupby(["induk", "nama"])["kode"].nunique()
    kembar = jumlah_kode[jumlah_kode > 1]
    if not len(kembar):
        return
    kunci = pd.MultiIndex.from_frame(bingkai[["induk", "nama"]])
    pilih = sah & kunci.isin(kembar.index)
    contoh = "; ".join(
        f"'{n}' di {apa_induk} {i} ("
        + ", ".join(sorted(b.loc[(b["induk"] == i) & (b["nama"] == n), "kode"].unique())[:3])
        + ")"
        for i, n in kembar.index[:3]
    )
    laporan.tambah(
        f"dua {apa} berbeda di satu {apa_induk} bernama sama: {contoh}. Tabel dan grafik handout "
        f"disusun menurut nama, jadi nama {apa} perlu dibedakan (mis. tambahkan keterangan "
        "dalam kurung), atau perbaiki kodenya bila sebenarnya wilayah yang sama.",
        (kode, nama),
        baris[pilih],
    )


def periksa_antartabel(tabel: dict[str, pd.DataFrame], berkas: dict[str, str]) -> list[str]:
    """Masalah antartabel satu folder data (kosong = tidak ada); setiap pesan menyebut berkasnya.

    ``tabel`` berisi tabel yang sudah lolos pemuat (nama pendek → DataFrame), ``berkas`` nama
    berkasnya untuk pesan. Diperiksa: setiap kode desa di tabel berkode desa ada di daftar desa;
    setiap desa sasaran program ada di daftar desa; setiap kabupaten program ada di daftar desa;
    dan tahun di tabel belanja mencakup tahun tabel indikator.
    """
    masalah: list[str] = []
    wil = tabel.get("wilayah")
    if wil is None:
        return masalah
    desa = set(wil["kode_desa"])
    nama_wil = berkas.get("wilayah", skema.WILAYAH.berkas)
    for nama in TABEL_BERKODE_DESA:
        if nama not in tabel:
            continue
        kode = tabel[nama]["kode_desa"]
        asing = kode[~kode.isin(desa)]
        if len(asing):
            unik = sorted(asing.unique())
            contoh = ", ".join(unik[:5]) + (
                f" … (dan {len(unik) - 5} lainnya)" if len(unik) > 5 else ""
            )
            masalah.append(
                f"Berkas '{berkas.get(nama, nama)}', kolom 'kode_desa': {len(unik)} kode desa "
                f"({len(asing)} baris) tidak ada di daftar desa '{nama_wil}': {contoh}. Tanpa "
                "daftar desa, nama desa dan kecamatannya tidak dapat ditampilkan; tambahkan desa "
                "itu ke daftar desa atau perbaiki kodenya."
            )
    if "program" in tabel:
        prog = tabel["program"]
        sasaran = {k for v in prog["desa_sasaran"].dropna() for k in str(v).split(";") if k}
        asing_s = sorted(sasaran - desa)
        if asing_s:
            masalah.append(
                f"Berkas '{berkas.get('program', 'program')}', kolom 'desa_sasaran': "
                f"{len(asing_s)} kode desa sasaran tidak ada di daftar desa '{nama_wil}' "
                f"(mis. {', '.join(asing_s[:5])})."
            )
        kab = set(wil["kode_kabupaten"])
        asing_k = sorted(set(prog["kode_kabupaten"]) - kab)
        if asing_k:
            masalah.append(
                f"Berkas '{berkas.get('program', 'program')}', kolom 'kode_kabupaten': kabupaten "
                f"{', '.join(asing_k[:5])} tidak ada di daftar desa '{nama_wil}'."
            )
    if "indikator" in tabel and "belanja" in tabel:
        kurang = sorted(set(tabel["indikator"]["tahun"]) - set(tabel["belanja"]["tahun"]))
        if kurang:
            masalah.append(
                f"Berkas '{berkas.get('belanja', 'belanja')}', kolom 'tahun': tidak ada data "
                f"belanja untuk tahun {', '.join(map(str, kurang))}, padahal tahun itu ada di "
                f"'{berkas.get('indikator', 'indikator')}' (handout tahun itu memerlukan "
                "keduanya)."
            )
    return masalah
