"""Membaca berkas sumber impor (CSV, XLSX, JSON) menjadi satu tabel dengan asal setiap baris.

CSV dan XLSX dibaca oleh pemuat yang sama dengan berkas data (``p3pd.muat_berkas``: encoding,
pemisah, baris judul yang tidak di baris 1, lembar kerja), sehingga berkas berantakan ditangani
dengan cara dan pesan yang sama. JSON diratakan dengan ``pandas.json_normalize``: objek di
dalam objek menjadi kolom bernama ``induk_anak`` (mis. ``mapData.SUMMARIES.STATUS`` →
``mapdata_summaries_status``). Setiap baris mengingat berkas dan nomor barisnya (seperti di
Excel: baris 1 = judul kolom; di JSON: nomor rekaman) untuk pesan dan laporan.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid
from p3pd.impor.peta import Peta
from p3pd.muat_berkas import baca_berkas, letak, nama_kolom
from p3pd.muat_masalah import Laporan


@dataclass
class Sumber:
    """Isi semua berkas sumber: data (kolom bernama baku), asal tiap baris, dan catatan baca."""

    data: pd.DataFrame
    berkas: np.ndarray
    """Indeks berkas (ke ``nama``) untuk setiap baris."""
    baris: np.ndarray
    """Nomor baris di berkasnya (seperti di Excel; JSON: nomor rekaman)."""
    nama: list[str]
    sidik: list[str]
    """SHA-256 setiap berkas (untuk laporan dan metadata)."""
    jumlah_baris: list[int]
    catatan: list[str] = field(default_factory=list)

    def asal(self, posisi: np.ndarray | list[int]) -> str:
        """Asal beberapa baris dalam kata-kata: "berkas 'a.csv' baris 2, 5; berkas 'b.json' …"."""
        posisi = np.asarray(posisi, dtype=int)
        bagian = []
        for b in pd.unique(self.berkas[posisi]):
            nomor = self.baris[posisi][self.berkas[posisi] == b]
            satuan = "rekaman" if self.nama[b].lower().endswith(".json") else "baris"
            teks = ", ".join(str(int(n)) for n in nomor[:10])
            if len(nomor) > 10:
                teks += f" … (dan {len(nomor) - 10} lainnya)"
            bagian.append(f"berkas '{self.nama[b]}' {satuan} {teks}")
        return "; ".join(bagian)


def sidik_berkas(path: Path) -> str:
    """SHA-256 isi berkas (heksadesimal)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while potongan := f.read(1 << 20):
            h.update(potongan)
    return h.hexdigest()


def _tabel_baca(peta: Peta) -> skema.Tabel:
    """Tabel semu untuk pemuat: kolom sumber yang disebut peta (untuk menemukan judul/lembar)."""
    nama = set()
    for t in peta.tabel.values():
        for a in t.kolom.values():
            nama.update(a.kolom_sumber())
        nama.update(s.kolom for s in t.saring)
    nama.update(s.kolom for s in peta.saring)
    for lain in peta.judul_lain.values():
        nama.update(lain)
    kolom = tuple(skema.Kolom(n, skema.TIPE_TEKS, "-", "") for n in sorted(nama))
    judul = peta.lembar or "sumber"
    return skema.Tabel(nama_kolom(judul) or "sumber", f"{judul}.csv", judul, (), kolom)


def _baca_tabel(
    path: Path, sumber: str, peta: Peta, catatan: list[str]
) -> tuple[pd.DataFrame, np.ndarray]:
    tabel = _tabel_baca(peta)
    laporan = Laporan()
    mentah = baca_berkas(path, sumber, tabel, laporan)
    if laporan.masalah:
        raise laporan.galat(sumber, tabel)
    catatan.extend(f"{path.name}: {c}" for c in laporan.catatan)
    data = mentah.data.reset_index(drop=True)
    return data, np.asarray(mentah.baris, dtype=np.int64)


def _jalur(isi: object, jalur: str, sumber: str) -> object:
    for bagian in [b for b in jalur.split(".") if b]:
        if isinstance(isi, dict) and bagian in isi:
            isi = isi[bagian]
        elif isinstance(isi, list) and re.fullmatch(r"\d+", bagian) and int(bagian) < len(isi):
            isi = isi[int(bagian)]
        else:
            ada = ", ".join(list(isi)[:12]) if isinstance(isi, dict) else type(isi).__name__
            raise DataTidakValid(
                f"jalur JSON '{jalur}' tidak ada: bagian '{bagian}' tidak ditemukan (yang ada di "
                f"tingkat itu: {ada}). Periksa 'baca: json_rekaman/json_tetap' di peta.",
                berkas=sumber,
            )
    return isi


def _baca_json(path: Path, sumber: str, peta: Peta) -> tuple[pd.DataFrame, np.ndarray]:
    try:
        isi = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise DataTidakValid("berkas JSON bukan teks UTF-8.", berkas=sumber) from None
    except json.JSONDecodeError as galat:
        raise DataTidakValid(
            f"bukan JSON yang sah (baris {galat.lineno}, kolom {galat.colno}: {galat.msg}).",
            berkas=sumber,
        ) from None
    dokumen = isi if isinstance(isi, list) and peta.json_rekaman else [isi]
    potongan = []
    for dok in dokumen:
        rekaman = _jalur(dok, peta.json_rekaman, sumber) if peta.json_rekaman else dok
        if isinstance(rekaman, dict):
            rekaman = [rekaman]
        if not isinstance(rekaman, list) or not all(isinstance(r, dict) for r in rekaman):
            raise DataTidakValid(
                "isi JSON bukan daftar objek (rekaman); sebutkan letak daftar itu di peta, mis. "
                "'baca: {json_rekaman: data.items}'.",
                berkas=sumber,
            )
        df = pd.json_normalize(rekaman)
        for nama, jalur in peta.json_tetap.items():
            df[nama] = _jalur(dok, jalur, sumber)
        potongan.append(df)
    data = pd.concat(potongan, ignore_index=True) if potongan else pd.DataFrame()
    data.columns = [nama_kolom(c) for c in data.columns]
    data = data.loc[:, ~data.columns.duplicated()]
    data = data.astype(object).where(data.notna(), np.nan)
    return data, np.arange(1, len(data) + 1, dtype=np.int64)


def _pakai_judul_lain(
    df: pd.DataFrame, peta: Peta, berkas: str, catatan: list[str]
) -> pd.DataFrame:
    """Ganti judul lain (``baca.judul_lain``) dengan judul utamanya bila judul utama tidak ada."""
    for utama, lain in peta.judul_lain.items():
        if utama in df.columns:
            continue
        ada = [j for j in lain if j in df.columns]
        if ada:
            df = df.rename(columns={ada[0]: utama})
            catatan.append(f"{berkas}: kolom '{ada[0]}' dibaca sebagai '{utama}' (judul lain).")
    return df


def baca_sumber(berkas: list[str | Path], peta: Peta) -> Sumber:
    """Baca semua berkas sumber (CSV/XLSX lewat pemuat, JSON lewat json_normalize) lalu gabungkan.

    Berkas asli tidak diubah. Kolom yang ada di satu berkas saja berisi kosong di berkas lain.
    """
    if not berkas:
        raise DataTidakValid("tidak ada berkas sumber yang disebut.")
    data, asal_berkas, asal_baris, nama, sidik, jumlah, catatan = [], [], [], [], [], [], []
    for i, b in enumerate(berkas):
        path, sumber = letak(skema.WILAYAH, b)
        if path.suffix.lower() == ".json":
            df, baris = _baca_json(path, sumber, peta)
        else:
            df, baris = _baca_tabel(path, sumber, peta, catatan)
        df = _pakai_judul_lain(df, peta, path.name, catatan)
        data.append(df.astype(object))
        asal_berkas.append(np.full(len(df), i, dtype=np.int64))
        asal_baris.append(baris)
        nama.append(path.name)
        sidik.append(sidik_berkas(path))
        jumlah.append(len(df))
    gabung = pd.concat(data, ignore_index=True) if len(data) > 1 else data[0]
    return Sumber(
        gabung.reset_index(drop=True),
        np.concatenate(asal_berkas),
        np.concatenate(asal_baris),
        nama,
        sidik,
        jumlah,
        catatan,
    )


def lebar_ke_panjang(
    sumber: Sumber, pola: str, ke: str, nilai: str
) -> tuple[Sumber, list[str], int]:
    """Ubah kolom per tahun (judul cocok ``pola``, grup 1 = tahun) menjadi baris per tahun.

    Mengembalikan sumber baru (setiap baris asal menjadi satu baris per kolom tahun yang terisi,
    nomor barisnya tetap), daftar kolom yang diputar, dan banyaknya sel kosong yang tidak
    dijadikan baris (angka tahun itu tidak tersedia).
    """
    rx = re.compile(pola)
    putar = [c for c in sumber.data.columns if rx.search(c)]
    if not putar:
        raise DataTidakValid(
            f"lebar_ke_panjang: tidak ada judul kolom yang cocok dengan pola '{pola}'. Judul "
            "kolom dibandingkan dalam bentuk baku (huruf kecil, garis bawah), mis. 'idm_2024'. "
            "Kolom yang ada: " + ", ".join(list(sumber.data.columns)[:20]) + ".",
            berkas=", ".join(sumber.nama),
        )
    tetap = [c for c in sumber.data.columns if c not in putar]
    data = sumber.data.copy()
    data["__posisi"] = np.arange(len(data))
    panjang = data.melt(
        id_vars=tetap + ["__posisi"], value_vars=putar, var_name=ke, value_name=nilai
    )
    panjang[ke] = panjang[ke].map(lambda c: rx.search(c).group(1))
    kosong = panjang[nilai].isna() | (panjang[nilai].astype(str).str.strip() == "")
    panjang = panjang.loc[~kosong]
    panjang = panjang.sort_values(["__posisi", ke], kind="stable").reset_index(drop=True)
    posisi = panjang.pop("__posisi").to_numpy()
    baru = Sumber(
        panjang.astype(object),
        sumber.berkas[posisi],
        sumber.baris[posisi],
        sumber.nama,
        sumber.sidik,
        sumber.jumlah_baris,
        sumber.catatan,
    )
    return baru, putar, int(kosong.sum())
