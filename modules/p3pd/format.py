"""Format angka, persen, rupiah, dan tanggal gaya Indonesia (lewat Babel, lokal ``id_ID``).

Semua tampilan angka di notebook, grafik, dan handout memakai modul ini, sehingga pemisah
ribuan (titik), pemisah desimal (koma), dan nama satuan selalu sama::

    >>> angka(1234.5, desimal=1)
    '1.234,5'
    >>> persen(45.6)
    '45,6%'
    >>> rupiah(1_234_567_890)
    'Rp1,2 miliar'
    >>> tanggal(datetime.date(2024, 7, 9))
    '9 Juli 2024'

Keputusan yang dipakai di seluruh kurikulum:

* Tanda persen mengikuti pola CLDR/Babel untuk bahasa Indonesia (``#,##0%``): ditulis
  **rapat** dengan angkanya, tanpa spasi — ``45,6%``. Tidak ada spasi biasa maupun
  spasi tak terputus (U+00A0) di antara angka dan ``%``.
* Rupiah singkat memakai bentuk panjang Babel (``ribu``, ``juta``, ``miliar``, ``triliun``)
  dengan spasi biasa: ``Rp1,2 miliar``. Nilai di bawah satu juta ditulis lengkap
  (``Rp750.000``) karena "Rp750 ribu" jarang dipakai dalam dokumen anggaran.
* Pembulatan **setengah ke atas** (2,5 → 3), sama seperti Excel, bukan pembulatan
  bankir bawaan modul ``decimal``; peserta sering mencocokkan angka dengan Excel.
* Nilai kosong (``None``, NaN, ``pd.NA``, ``NaT``) berarti datanya tidak tersedia dan ditulis
  ``tidak ada data`` (:data:`TIDAK_ADA_DATA`, sama dengan ``p3pd.notebook.TIDAK_ADA_DATA``),
  tidak pernah ``nan`` atau tanda pisah. Tanda pisah pendek ``–`` (:data:`TIDAK_BERLAKU`)
  hanya untuk sel yang memang **tidak berlaku**, mis. target indikator yang tidak punya
  target; pemanggil memintanya dengan ``kosong=TIDAK_BERLAKU`` (atau ``tidak_berlaku=[…]``
  di :func:`tabel_rapi`).
"""

from __future__ import annotations

import datetime as _dt
import decimal
import math
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
)

# p3pd.notebook ringan (tanpa pandas) dan tidak mengimpor modul ini: tidak ada impor melingkar.
from p3pd.notebook import TIDAK_ADA_DATA as _TIDAK_ADA_DATA

LOKAL = "id_ID"
"""Lokal Babel yang dipakai semua fungsi format."""

TIDAK_ADA_DATA: str = _TIDAK_ADA_DATA
"""Teks untuk nilai kosong/NaN (data tidak tersedia): ``'tidak ada data'``."""

TIDAK_BERLAKU = "\u2013"
"""Teks untuk sel yang tidak berlaku (bukan data yang hilang): tanda pisah pendek ``–``."""

TIDAK_BERLAKU_KELURAHAN = "tidak berlaku (kelurahan)"
"""Teks untuk sel APBDes/RKPDes milik kelurahan: kelurahan bukan desa dan tidak punya APBDes
atau RKPDes, jadi nilainya *tidak berlaku*, bukan "tidak ada data"."""

KOSONG = TIDAK_ADA_DATA
"""Teks bawaan untuk nilai kosong di semua fungsi format (= :data:`TIDAK_ADA_DATA`)."""

BATAS_SINGKAT = 1_000_000
"""Rupiah dengan nilai mutlak di bawah batas ini selalu ditulis lengkap (``Rp750.000``)."""


def _kosong(x: Any) -> bool:
    """Benar bila ``x`` adalah nilai kosong (None, NaN, pd.NA, NaT)."""
    if x is None:
        return True
    if isinstance(x, str | bytes):
        return False
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # larik/daftar: bukan nilai tunggal
        return False


def _ke_decimal(x: Any) -> decimal.Decimal:
    """Ubah bilangan (Python, NumPy, Decimal) menjadi Decimal tanpa kesalahan pembulatan biner tambahan."""
    if isinstance(x, decimal.Decimal):
        return x
    if isinstance(x, bool):
        raise TypeError(f"Nilai {x!r} bukan bilangan.")
    try:
        f = float(x)
    except (TypeError, ValueError) as e:
        raise TypeError(f"Nilai {x!r} bukan bilangan; tidak dapat diformat.") from e
    if math.isinf(f):
        raise ValueError(f"Nilai tak hingga ({x!r}) tidak dapat diformat.")
    # repr(float) adalah representasi desimal terpendek yang tepat: 45.65 tetap 45.65.
    return decimal.Decimal(repr(f))


@contextmanager
def _pembulatan() -> Iterator[None]:
    """Babel membulatkan menurut konteks ``decimal`` yang aktif: pakai setengah ke atas."""
    with decimal.localcontext() as konteks:
        konteks.rounding = decimal.ROUND_HALF_UP
        yield


def _pola_desimal(desimal: int) -> str:
    if not isinstance(desimal, int) or isinstance(desimal, bool) or desimal < 0:
        raise ValueError(f"Banyak desimal harus bilangan bulat >= 0, bukan {desimal!r}.")
    return "#,##0" + ("." + "0" * desimal if desimal else "")


@lru_cache(maxsize=8)
def _pola_persen(desimal: int) -> str:
    """Pola persen lokal (``#,##0%`` untuk id) dengan banyak desimal yang tetap."""
    pola_lokal = Locale.parse(LOKAL).percent_formats[None].pattern
    # Ganti bagian angka pola lokal (mis. "#,##0") dengan versi berdesimal tetap,
    # sehingga letak dan spasi tanda % tetap mengikuti lokal.
    return re.sub(r"[#,0.]+", _pola_desimal(desimal), pola_lokal, count=1)


@lru_cache(maxsize=1)
def _pola_rupiah() -> str:
    """Pola mata uang lokal (``¤#,##0.00`` untuk id) tanpa sen: rupiah ditulis bulat."""
    pola_lokal = Locale.parse(LOKAL).currency_formats["standard"].pattern
    return re.sub(r"[#,0.]+", _pola_desimal(0), pola_lokal, count=1)


def _bulatkan_ringkas(nilai: decimal.Decimal) -> decimal.Decimal:
    """Bulatkan ke satu desimal pada satuan ribu/juta/miliar/triliun, sebelum Babel.

    Dengan begitu 999.960.000 menjadi 1.000.000.000 ("1 miliar", bukan "1000 juta") di semua
    versi Babel.
    """
    pangkat = min(12, (len(str(int(nilai))) - 1) // 3 * 3)
    satuan = decimal.Decimal(10) ** pangkat
    bulat = (nilai / satuan).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)
    return bulat * satuan


def angka(x: Any, desimal: int = 0, *, kosong: str = TIDAK_ADA_DATA) -> str:
    """Tulis bilangan gaya Indonesia: ``angka(1234)`` → ``'1.234'``, ``angka(1234.5, 1)`` → ``'1.234,5'``.

    ``desimal`` adalah banyak angka di belakang koma (tetap, dibulatkan setengah ke atas).
    Nilai kosong menjadi ``kosong`` (bawaan ``'tidak ada data'``; ``TIDAK_BERLAKU`` = ``'–'``).
    """
    if _kosong(x):
        return kosong
    pola = _pola_desimal(desimal)
    with _pembulatan():
        return format_decimal(_ke_decimal(x), format=pola, locale=LOKAL)


def persen(x: Any, desimal: int = 1, *, kosong: str = TIDAK_ADA_DATA) -> str:
    """Tulis nilai yang **sudah dalam persen**: ``persen(45.6)`` → ``'45,6%'``.

    Jadi 45,6 berarti 45,6 persen (bukan 0,456). Tanda ``%`` rapat dengan angka, mengikuti
    pola Babel untuk lokal id. Nilai kosong menjadi ``kosong`` (bawaan ``'tidak ada data'``).
    """
    if _kosong(x):
        return kosong
    pola = _pola_persen(desimal)
    nilai = _ke_decimal(x) / 100
    with _pembulatan():
        return format_percent(nilai, format=pola, locale=LOKAL)


def rupiah(x: Any, singkat: bool = True, *, kosong: str = TIDAK_ADA_DATA) -> str:
    """Tulis nilai rupiah: ``rupiah(1_234_567_890)`` → ``'Rp1,2 miliar'``.

    Dengan ``singkat=True`` (bawaan) nilai mulai satu juta ditulis dengan satuan
    ``juta``/``miliar``/``triliun`` dan satu desimal (``'Rp950 juta'``, ``'Rp12,5 triliun'``);
    nilai di bawah satu juta ditulis lengkap (``'Rp750.000'``). Dengan ``singkat=False``
    selalu lengkap tanpa sen: ``'Rp1.234.567'``. Nilai negatif: ``'-Rp1,2 miliar'``.
    Nilai kosong menjadi ``kosong`` (bawaan ``'tidak ada data'``).
    """
    if _kosong(x):
        return kosong
    nilai = _ke_decimal(x)
    with _pembulatan():
        if singkat and abs(nilai) >= BATAS_SINGKAT:
            teks = format_compact_decimal(
                _bulatkan_ringkas(abs(nilai)), format_type="long", locale=LOKAL, fraction_digits=1
            )
            tanda = "-" if nilai < 0 else ""
            return f"{tanda}{get_currency_symbol('IDR', locale=LOKAL)}{teks}"
        return format_currency(
            nilai, "IDR", format=_pola_rupiah(), currency_digits=False, locale=LOKAL
        )


def tanggal(d: Any, *, kosong: str = TIDAK_ADA_DATA) -> str:
    """Tulis tanggal panjang gaya Indonesia: ``tanggal(date(2024, 7, 9))`` → ``'9 Juli 2024'``.

    Menerima ``datetime.date``, ``datetime.datetime``, ``pandas.Timestamp``, atau teks
    ISO (``'2024-07-09'``). Nilai kosong menjadi ``kosong`` (bawaan ``'tidak ada data'``).
    """
    if _kosong(d):
        return kosong
    if isinstance(d, str):
        try:
            d = _dt.date.fromisoformat(d.strip()[:10])
        except ValueError as e:
            raise ValueError(f"Teks {d!r} bukan tanggal berformat TTTT-BB-HH.") from e
    elif isinstance(d, pd.Timestamp):
        d = d.date()
    elif isinstance(d, _dt.datetime):
        d = d.date()
    if not isinstance(d, _dt.date):
        raise TypeError(f"Nilai {d!r} bukan tanggal.")
    return format_date(d, format="long", locale=LOKAL)


def _kolom_ada(df: pd.DataFrame, kolom: Iterable[str]) -> list[str]:
    daftar = [kolom] if isinstance(kolom, str) else list(kolom)
    hilang = [k for k in daftar if k not in df.columns]
    if hilang:
        raise KeyError(
            "Kolom tidak ada di tabel: "
            + ", ".join(f"'{k}'" for k in hilang)
            + ". Kolom yang ada: "
            + ", ".join(f"'{k}'" for k in df.columns)
        )
    return daftar


def tabel_rapi(
    df: pd.DataFrame,
    kolom_persen: Iterable[str] = (),
    kolom_rupiah: Iterable[str] = (),
    kolom_angka: Iterable[str] = (),
    *,
    desimal_persen: int = 1,
    desimal_angka: int = 0,
    rupiah_singkat: bool = True,
    tidak_berlaku: Iterable[str] = (),
) -> pd.DataFrame:
    """Salinan ``df`` dengan kolom terpilih diubah menjadi teks berformat Indonesia.

    Kolom di ``kolom_persen`` ditulis dengan :func:`persen` (nilainya sudah dalam persen),
    ``kolom_rupiah`` dengan :func:`rupiah`, ``kolom_angka`` dengan :func:`angka`. Sel kosong
    (NaN, ``None``, ``pd.NA``) di kolom **mana pun** ditulis ``'tidak ada data'``
    (:data:`TIDAK_ADA_DATA`), kecuali di kolom ``tidak_berlaku`` — kolom yang selnya kosong
    karena memang tidak berlaku (mis. ``target`` indikator tanpa target) — yang ditulis ``'–'``
    (:data:`TIDAK_BERLAKU`). Sel lain di kolom yang tidak diformat tidak diubah. Tabel asli
    tidak diubah. Hasilnya DataFrame biasa (tampil rapi di notebook, HTML, dan PDF, dan
    keluarannya stabil untuk nbval) — **hanya untuk ditampilkan**: kolom yang sudah diformat
    berisi teks, jadi jangan dipakai untuk menghitung.

    Contoh: ``tabel_rapi(ringkas, kolom_persen=["porsi_layanan_dasar"], kolom_rupiah=["total_realisasi"])``.
    """
    persen_ = _kolom_ada(df, kolom_persen)
    rupiah_ = _kolom_ada(df, kolom_rupiah)
    angka_ = _kolom_ada(df, kolom_angka)
    berlaku_tidak = set(_kolom_ada(df, tidak_berlaku))
    ganda = {k for k in persen_ if k in rupiah_ or k in angka_} | (set(rupiah_) & set(angka_))
    if ganda:
        raise ValueError(
            "Kolom berikut diminta dengan dua format sekaligus: "
            + ", ".join(f"'{k}'" for k in sorted(ganda))
        )

    def teks_kosong(k: str) -> str:
        return TIDAK_BERLAKU if k in berlaku_tidak else TIDAK_ADA_DATA

    hasil = df.copy()
    for k in persen_:
        hasil[k] = [persen(v, desimal_persen, kosong=teks_kosong(k)) for v in df[k]]
    for k in rupiah_:
        hasil[k] = [rupiah(v, rupiah_singkat, kosong=teks_kosong(k)) for v in df[k]]
    for k in angka_:
        hasil[k] = [angka(v, desimal_angka, kosong=teks_kosong(k)) for v in df[k]]
    diformat = set(persen_) | set(rupiah_) | set(angka_)
    for k in df.columns:
        if k in diformat:
            continue
        hilang = df[k].isna().to_numpy()
        if hilang.any():
            kolom = df[k].astype(object).to_numpy(copy=True)
            kolom[hilang] = teks_kosong(k)
            hasil[k] = kolom
    return hasil
