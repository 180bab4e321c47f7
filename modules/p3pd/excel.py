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

__all__ = [
    "AWALAN_RUMUS",
    "mirip_rumus",
    "nilai_sel",
    "buat_buku",
    "rapikan_buku",
    "xlsx_bita",
    "simpan_buku",
    "isi_buku",
]

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


def rapikan_buku(
    buku: Any,
    lebar: Mapping[str, Mapping[str, float]] | None = None,
    lebar_maks: float = 60,
) -> Any:
    """Rapikan setiap lembar ``buku`` (hasil :func:`buat_buku`) untuk dibaca dan dicetak.

    Baris 1 (judul kolom) ditebalkan, berlatar abu-abu, dan dibekukan (tetap tampak saat
    menggulir); teks dibungkus di dalam sel. Lebar kolom menurut ``lebar[nama_lembar][judul]``
    (satuan karakter) bila ada, selain itu menurut isi terpanjang kolom itu (8 sampai
    ``lebar_maks`` karakter). Isi sel tidak diubah. Mengembalikan ``buku`` yang sama.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    lebar = lebar or {}
    latar = PatternFill("solid", fgColor="DDDDDD")
    for ws in buku.worksheets:
        judul = [c.value for c in ws[1]] if ws.max_row >= 1 else []
        atur = lebar.get(ws.title, {})
        for nomor, kolom in enumerate(ws.iter_cols(), start=1):
            nama = judul[nomor - 1] if nomor <= len(judul) else None
            if nama in atur:
                lebar_kolom = float(atur[nama])
            else:
                panjang = max(
                    (
                        max(map(len, str(c.value).splitlines() or [""]))
                        for c in kolom
                        if c.value is not None
                    ),
                    default=0,
                )
                lebar_kolom = min(max(panjang + 2, 8), lebar_maks)
            ws.column_dimensions[get_column_letter(nomor)].width = lebar_kolom
            for sel in kolom:
                sel.alignment = Alignment(wrap_text=True, vertical="top")
        for sel in ws[1] if ws.max_row >= 1 else ():
            sel.font = Font(bold=True)
            sel.fill = latar
        ws.freeze_panes = "A2"
    return buku


def simpan_buku(
    lembar: Mapping[str, pd.DataFrame | Sequence[Sequence[object]]],
    tujuan: str | Path,
    *,
    timpa: bool = False,
    lebar: Mapping[str, Mapping[str, float]] | None = None,
) -> Path:
    """Tulis buku kerja rapi (:func:`buat_buku` lalu :func:`rapikan_buku`) ke ``tujuan``.

    Berkas yang sudah ada **tidak ditimpa** (``FileExistsError`` berbahasa Indonesia) kecuali
    ``timpa=True``. Penulisan atomik (``p3pd.berkas.tulis_atomik``): tidak pernah ada berkas
    setengah jadi. Mengembalikan letak berkas.
    """
    from p3pd.berkas import tulis_atomik

    tujuan = Path(tujuan)
    if tujuan.suffix.lower() != ".xlsx":
        raise ValueError(f"Nama berkas '{tujuan.name}' harus berakhiran .xlsx.")
    if tujuan.exists() and not timpa:
        raise FileExistsError(
            f"Berkas '{tujuan}' sudah ada dan tidak ditimpa (mungkin sudah Anda isi). "
            "Pakai nama lain, atau minta ditimpa dengan timpa=True."
        )
    buku = rapikan_buku(buat_buku(lembar), lebar)
    return tulis_atomik(tujuan, buku.save)


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
