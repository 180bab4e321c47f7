"""Pemeriksaan laporan APBDes: belanja ``5.B.S`` hanya dari laporan menurut BIDANG.

Laporan realisasi APBDes disusun menurut bidang/sub-bidang (5.1 Bidang Penyelenggaraan
Pemerintahan Desa, 5.2.1 Sub Bidang Pendidikan, …) atau menurut JENIS belanja (klasifikasi
ekonomi Permendagri 20/2018: 5.1 Belanja Pegawai, 5.2 Belanja Barang dan Jasa, 5.3 Belanja Modal,
5.4 Belanja Tak Terduga; mis. 5.1.2 Penghasilan Tetap, 5.2.1 Belanja Barang Perlengkapan). Kodenya
sama bentuknya, jadi baris ``5.B.S`` baru dibaca sebagai sub-bidang ``B.S`` bila laporannya
jelas menurut bidang: baris ``5.B`` laporan itu berjudul "Bidang …", atau uraian baris ``5.B.S``
berbunyi "Sub Bidang …" atau mirip nama sub-bidang ``B.S`` di ``referensi/sub_bidang.csv``. Yang
lain ditolak, agar belanja pegawai tidak terbaca sebagai belanja pendidikan.

Dipakai peta lewat kunci tabel ``periksa_per_bidang: {kode: KOLOM_KODE, uraian: KOLOM_URAIAN,
kelompok: [KOLOM, …]}`` (``kelompok`` = kolom yang memisahkan satu laporan dari laporan lain
dalam satu berkas, mis. ``Kode Desa`` dan ``Tahun``).
"""

from __future__ import annotations

import difflib
import re

import numpy as np
import pandas as pd

from p3pd.galat import DataTidakValid
from p3pd.impor.sumber import Sumber
from p3pd.muat_berkas import nama_kolom

__all__ = ["periksa_per_bidang", "PESAN_JENIS_BELANJA"]

PESAN_JENIS_BELANJA = (
    "laporan ini tampaknya disusun menurut JENIS belanja (5.1 Belanja Pegawai, 5.2 Barang dan "
    "Jasa, 5.3 Modal, 5.4 Tak Terduga), bukan menurut bidang/sub-bidang. Kode 5.B.S di laporan "
    "seperti itu bukan sub-bidang (5.2.1 = Belanja Barang Perlengkapan, bukan Sub Bidang "
    "Pendidikan), jadi tidak dapat dipakai untuk belanja per sub-bidang. Pakai laporan realisasi "
    "menurut bidang/sub-bidang atau menurut kegiatan (kode 1.1.01 / 01.01.01) dari Siskeudes. "
    "Tidak ada berkas yang ditulis."
)
"""Pesan penolakan laporan menurut jenis belanja (juga disebut README)."""

_SUB = re.compile(r"^5\.([1-5])\.(\d)\.?$")
"""Baris sub-bidang bergaya ``5.B.S`` (satu digit, seperti saringan preset); ``5.3.01.`` adalah
kegiatan 01 sub-bidang 5.3 (bidang 5, Penanggulangan Bencana) dan tidak diperiksa di sini."""
_BIDANG = re.compile(r"^5\.([1-5])\.?$")


def _baku(teks: object) -> str:
    t = re.sub(r"[^a-z ]+", " ", str(teks).lower())
    return " ".join(t.replace("penyelenggaran ", "penyelenggaraan ").split())


def _nama_sub_bidang() -> dict[str, str]:
    from p3pd.layanan import referensi_sub_bidang

    ref = referensi_sub_bidang()
    return {
        str(k): _baku(n)
        for k, n in zip(ref["kode_sub_bidang"], ref["nama_sub_bidang"], strict=True)
    }


def _mirip_sub_bidang(uraian: str, kode: str, nama: dict[str, str]) -> bool:
    u = _baku(uraian)
    if re.match(r"^sub ?bidang\b", u):
        return True
    acuan = nama.get(kode)
    return bool(acuan) and difflib.SequenceMatcher(None, u, acuan).ratio() >= 0.75


def periksa_per_bidang(sumber: Sumber, atur: dict, berkas: str) -> None:
    """Tolak baris ``5.B.S`` yang tidak jelas berasal dari laporan menurut bidang (lihat modul).

    ``atur`` = isi kunci peta ``periksa_per_bidang``. Menimbulkan :class:`DataTidakValid` yang
    menyebut berkas, kolom, dan baris sumbernya.
    """
    kode_kol = nama_kolom(atur["kode"])
    uraian_kol = nama_kolom(atur["uraian"])
    data = sumber.data
    if kode_kol not in data.columns:
        return  # kolom kode yang hilang dilaporkan oleh aturan kolom peta
    kode = data[kode_kol].astype("string").str.strip().fillna("")
    cocok = kode.str.extract(_SUB)
    sub = cocok[0].notna().to_numpy(dtype=bool)
    if not sub.any():
        return
    if uraian_kol not in data.columns:
        raise DataTidakValid(
            f"baris belanja berkode 5.B.S ada, tetapi kolom '{atur['uraian']}' tidak ada, jadi "
            "tidak dapat dipastikan laporan ini menurut bidang (bukan menurut jenis belanja). "
            f"Tambahkan kolom uraian laporan. ({sumber.asal(np.flatnonzero(sub)[:10])})",
            berkas=berkas,
            kolom=atur["uraian"],
        )
    uraian = data[uraian_kol].astype("string").fillna("")
    grup_kol = [nama_kolom(k) for k in atur.get("kelompok", []) if nama_kolom(k) in data.columns]
    grup = (
        pd.Series(list(zip(*(data[k].astype(str) for k in grup_kol), strict=True)))
        if grup_kol
        else pd.Series([()] * len(data))
    )
    bidang = kode.str.extract(_BIDANG)[0]
    judul_bidang = {
        (g, b)
        for g, b, u in zip(grup, bidang, uraian, strict=True)
        if isinstance(b, str) and re.match(r"^\s*bidang\b", str(u), re.I)
    }
    nama = _nama_sub_bidang()
    tolak = [
        i
        for i in np.flatnonzero(sub)
        if (grup.iloc[i], cocok.iloc[i, 0]) not in judul_bidang
        and not _mirip_sub_bidang(
            uraian.iloc[i], f"{cocok.iloc[i, 0]}.{int(cocok.iloc[i, 1])}", nama
        )
    ]
    if tolak:
        contoh = "; ".join(f"{kode.iloc[i]} {uraian.iloc[i]}" for i in tolak[:3])
        raise DataTidakValid(
            f"{PESAN_JENIS_BELANJA} Baris yang tidak dapat dipakai ({sumber.asal(tolak)}), mis.: "
            f"{contoh}.",
            berkas=berkas,
            kolom=[atur["kode"], atur["uraian"]],
        )


def bidang_tanpa_rincian(sumber: Sumber, atur: dict, kolom_nilai: str) -> list[str]:
    """Peringatan untuk baris bidang ``5.B`` bernilai yang tidak punya baris sub-bidang
    (``5.B.S``) atau kegiatan (``B.S.KK``) di laporan yang sama.

    Belanja bidang seperti itu tidak masuk tabel belanja per sub-bidang, jadi total belanja desa
    kurang dan porsi sub-bidang lain tampak lebih besar dari sebenarnya. ``kolom_nilai``: kolom
    sumber angka yang dibandingkan (mis. ``Anggaran``). Tidak menolak apa pun.
    """
    from p3pd.format import rupiah
    from p3pd.impor.ubah import _angka
    from p3pd.muat_masalah import Laporan

    kode_kol, nilai_kol = nama_kolom(atur["kode"]), nama_kolom(kolom_nilai)
    data = sumber.data
    if kode_kol not in data.columns or nilai_kol not in data.columns:
        return []
    kode = data[kode_kol].astype("string").str.strip().fillna("")
    nilai = _angka(data[nilai_kol], kolom_nilai, np.arange(len(data)), Laporan())
    grup_kol = [nama_kolom(k) for k in atur.get("kelompok", []) if nama_kolom(k) in data.columns]
    grup = (
        list(zip(*(data[k].astype(str) for k in grup_kol), strict=True))
        if grup_kol
        else [()] * len(data)
    )
    rinci: set[tuple] = set()
    for g, k in zip(grup, kode, strict=True):
        sub = _SUB.match(k) or re.match(r"^0?([1-5])\.0?\d+\.\d{2}\.?$", k)
        if sub:
            rinci.add((g, sub.group(1)))
    pesan = []
    for i, (g, k) in enumerate(zip(grup, kode, strict=True)):
        bid = _BIDANG.match(k)
        if bid and nilai[i] > 0 and (g, bid.group(1)) not in rinci:
            desa = " ".join(x for x in g if x and x != "nan")
            pesan.append(
                f"bidang {k.rstrip('.')} ({rupiah(nilai[i])} {kolom_nilai.lower()}"
                + (f", {desa}" if desa else "")
                + f"; {sumber.asal([i])}) tidak punya baris sub-bidang atau kegiatan di berkas "
                "ini, jadi belanjanya tidak ikut tabel belanja: total belanja desa kurang dan "
                "porsi sub-bidang lain tampak lebih besar. Tambahkan baris sub-bidangnya (mis. "
                f"{k.rstrip('.')}.1) atau pakai laporan per kegiatan."
            )
    return pesan
