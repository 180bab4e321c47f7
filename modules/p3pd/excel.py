"""Satu penulis buku kerja Excel (.xlsx) untuk semua ekspor: teks tetap teks, tidak pernah rumus.

Teks yang diawali ``=``, ``+``, ``-``, ``@``, tab, atau ganti baris (CR) dibaca Excel dan
LibreOffice sebagai rumus bila ditulis apa adanya, mis. ``=HYPERLINK(...)`` dari berkas
kiriman yang disalin ke tabel. Penulis ini menyimpan setiap teks sebagai sel teks dengan tanda
"awalan kutip" (seperti mengetik ``'=...`` di Excel): yang tampil dan yang terbaca kembali
persis teks aslinya, tetapi tidak pernah dijalankan sebagai rumus, juga setelah sel disunting.
Angka tetap angka, ya/tidak tetap ya/tidak, sel kosong tetap kosong.

Mengimpor modul ini tidak menyentuh berkas apa pun.
"""

from __future__ import annotations

import datetime
import decimal
import io
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

__all__ = ["AWALAN_RUMUS", "mirip_rumus", "nilai_sel", "buat_buku", "xlsx_bita", "isi_buku"]

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
"""Awalan teks yang bisa dibaca program spreadsheet sebagai rumus."""


def mirip_rumus(teks: object) -> bool:
    """Benar bila ``teks`` akan dibaca sebagai rumus bila diketik/diimpor apa adanya ke spreadsheet.

    Tanda ``-`` atau ``+`` sendirian (isian kosong yang lazim) tidak dihitung.
    """
    if not isinstance(teks, str) or not teks:
        return False
    if teks[0] in ("\t", "\r"):
        return True
    return teks[0] in AWALAN_RUMUS and len(teks.strip()) > 1


def nilai_sel(nilai: object) -> tuple[Any, bool]:
    """Nilai yang ditulis ke sel dan apakah ia teks yang harus dijaga dari pembacaan sebagai rumus."""
    if nilai is None or nilai is pd.NA or nilai is pd.NaT:
        return None, False
    if isinstance(nilai, (bool, np.bool_)):
        return bool(nilai), False
    if isinstance(nilai, (int, np.integer)):
        return int(nilai), False
    if isinstance(nilai, (float, np.floating)):
        x = float(nilai)
        if math.isnan(x):
            return None, False
        if math.isinf(x):
            return ("tak hingga" if x > 0 else "minus tak hingga"), False
        return x, False
    if isinstance(nilai, decimal.Decimal):
        return nilai, False
    if isinstance(nilai, pd.Timestamp):
        nilai = nilai.tz_localize(None) if nilai.tzinfo is not None else nilai
        return nilai.to_pydatetime(), False
    if isinstance(nilai, datetime.datetime):
        return (nilai.replace(tzinfo=None) if nilai.tzinfo else nilai), False
    if isinstance(nilai, (datetime.date, datetime.time)):
        return nilai, False
    teks = nilai if isinstance(nilai, str) else str(nilai)
    return teks, mirip_rumus(teks)


def _tulis_baris(lembar: Any, nomor: int, isi: Sequence[object]) -> None:
    for kolom, nilai in enumerate(isi, start=1):
        v, jaga = nilai_sel(nilai)
        if v is None:
            continue
        sel = lembar.cell(row=nomor, column=kolom)
        sel.value = v
        if isinstance(v, str):
            sel.data_type = "s"  # openpyxl menjadikan teks berawalan '=' rumus; paksa teks
            if jaga:
                sel.quotePrefix = True


def buat_buku(lembar: Mapping[str, pd.DataFrame | Sequence[Sequence[object]]]) -> Any:
    """Buku kerja openpyxl dari ``{nama_lembar: tabel}``; tabel berupa DataFrame atau daftar baris.

    DataFrame ditulis dengan satu baris judul kolom (indeks tidak ikut; ``reset_index`` dulu bila
    perlu). Semua teks ditulis sebagai teks (lihat docstring modul).
    """
    import openpyxl

    buku = openpyxl.Workbook()
    buku.remove(buku.active)
    for nama, isi in lembar.items():
        ws = buku.create_sheet(str(nama)[:31])
        if isinstance(isi, pd.DataFrame):
            baris: Sequence[Sequence[object]] = [
                [str(k) for k in isi.columns],
                *isi.itertuples(index=False, name=None),
            ]
        else:
            baris = isi
        for nomor, b in enumerate(baris, start=1):
            _tulis_baris(ws, nomor, list(b))
    return buku


def xlsx_bita(lembar: Mapping[str, pd.DataFrame | Sequence[Sequence[object]]]) -> bytes:
    """Isi berkas .xlsx (di memori) dari ``{nama_lembar: tabel}``; lihat :func:`buat_buku`."""
    penyangga = io.BytesIO()
    buat_buku(lembar).save(penyangga)
    return penyangga.getvalue()


def isi_buku(berkas: str | Path | IO[bytes]) -> dict[str, list[tuple]]:
    """Nilai semua sel per lembar, seperti tersimpan (rumus sebagai teksnya, bukan hasilnya).

    Dipakai untuk membandingkan dua berkas .xlsx menurut isinya, bukan menurut bitanya.
    """
    import openpyxl

    buku = openpyxl.load_workbook(berkas, read_only=True, data_only=False)
    try:
        return {
            ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in buku.worksheets
        }
    finally:
        buku.close()
