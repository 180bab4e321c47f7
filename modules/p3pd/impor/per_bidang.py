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


def bidang_tanpa_rincian(
    sumber: Sumber, atur: dict, kolom_nilai: str, kolom_realisasi: str | None = None
) -> list[dict]:
    """Peringatan untuk baris bidang ``5.B`` bernilai yang tidak punya baris sub-bidang
    (``5.B.S``) atau kegiatan (``B.S.KK``) di laporan yang sama.

    Belanja bidang seperti itu tidak masuk tabel belanja per sub-bidang, jadi total belanja desa
    kurang dan porsi sub-bidang lain tampak lebih besar dari sebenarnya. ``kolom_nilai``: kolom
    sumber angka yang dibandingkan (mis. ``Anggaran``); ``kolom_realisasi`` (bila ada) ikut
    disebut, karena porsi di notebook dan handout dihitung dari realisasi. Tidak menolak apa pun.

    Setiap peringatan adalah dict: ``pesan`` (untuk laporan impor dan notebook, dengan berkas,
    baris, dan cara memperbaiki), ``kode`` (mis. ``'5.3'``), ``bidang`` (uraian baris itu, mis.
    "Bidang Pembinaan Kemasyarakatan Desa"), ``kode_desa`` dan ``tahun`` (bila kolom kelompok
    memuatnya), ``anggaran``, ``realisasi`` (Rp atau ``None``).
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
    real_kol = nama_kolom(kolom_realisasi) if kolom_realisasi else None
    realisasi = (
        _angka(data[real_kol], kolom_realisasi, np.arange(len(data)), Laporan())
        if real_kol in data.columns
        else None
    )
    uraian_kol = nama_kolom(atur["uraian"]) if atur.get("uraian") else None
    uraian = (
        data[uraian_kol].astype("string").str.strip().fillna("")
        if uraian_kol in data.columns
        else pd.Series([""] * len(data), index=data.index)
    )
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
    hasil = []
    for i, (g, k) in enumerate(zip(grup, kode, strict=True)):
        bid = _BIDANG.match(k)
        if not (bid and nilai[i] > 0 and (g, bid.group(1)) not in rinci):
            continue
        kode_baris = k.rstrip(".")
        b = bid.group(1)
        nama_bidang = str(uraian.iloc[i]) or f"Bidang {b}"
        desa, tahun = _desa_tahun(g)
        real = None if realisasi is None or np.isnan(realisasi[i]) else float(realisasi[i])
        letak = "; ".join(
            x
            for x in (
                f"desa {desa}" if desa else "",
                f"tahun {tahun}" if tahun else "",
                sumber.asal([i]),
            )
            if x
        )
        uang = f"anggaran {rupiah(nilai[i])}" + (
            f", realisasi {rupiah(real)}" if real is not None else ""
        )
        hasil.append(
            {
                "pesan": (
                    f"baris {kode_baris} laporan ({nama_bidang}; {uang}; {letak}) tidak punya "
                    f"baris sub-bidang (di laporan berkode {kode_baris}.1, {kode_baris}.2, …) "
                    f"atau kegiatan ({b}.1.01, …), jadi belanjanya tidak masuk tabel belanja: "
                    "total belanja desa kurang dan porsi sub-bidang lain tampak lebih besar. "
                    "Tambahkan baris sub-bidangnya di berkas sumber, atau ekspor laporan "
                    "realisasi per kegiatan dari Siskeudes, lalu jalankan ulang `p3pd impor`."
                ),
                "kode": kode_baris,
                "bidang": nama_bidang,
                "kode_desa": desa,
                "tahun": tahun,
                "anggaran": float(nilai[i]),
                "realisasi": real,
            }
        )
    return hasil


def _desa_tahun(grup: tuple) -> tuple[str | None, int | None]:
    """Kode desa (dinormalkan bila bisa) dan tahun dari nilai kolom kelompok sebuah laporan."""
    from p3pd.wilayah import normalisasi_kode

    desa, tahun = None, None
    for x in grup:
        x = str(x).strip()
        if not x or x == "nan":
            continue
        if re.fullmatch(r"(19|20)\d{2}(\.0)?", x) and tahun is None:
            tahun = int(float(x))
        elif desa is None:
            try:
                desa = normalisasi_kode(x)
            except ValueError:  # kode yang tidak dapat dinormalkan: ditulis apa adanya
                desa = x
    return desa, tahun
