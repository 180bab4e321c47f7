"""Memo hasil hitungan menurut **isi** tabel masukan: dihitung sekali, dipakai ulang.

Pembangun handout menjalankan hitungan yang sama untuk setiap kecamatan satu kabupaten
(matriks masalah, capaian indikator, kesenjangan desa, tabel kecamatan dari daftar desa); di
kernel yang dipakai ulang, hasilnya diingat di sini. Kunci memo adalah nama hitungan, sidik isi
setiap tabel masukan (nilai, indeks, nama dan tipe kolom), dan parameternya: tabel yang diubah
selalu dihitung ulang. Hasil tabel diberikan sebagai salinan dangkal (pandas ≥ 3 memakai
copy-on-write), jadi mengubah hasil tidak mengubah yang diingat. Memo dibatasi banyak hasil
(``MEMO_MAKS``) dan jumlah baris (``MEMO_BARIS_MAKS``); yang paling lama tidak dipakai dibuang
dulu. Mengimpor modul ini tidak mengubah apa pun.
"""

from __future__ import annotations

import hashlib
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import pandas as pd

__all__ = [
    "MEMO_MAKS",
    "MEMO_BARIS_MAKS",
    "anggap_tabel_tetap",
    "ingat",
    "kosongkan_memo",
    "sidik_tabel",
]

MEMO_MAKS = 64
"""Banyak hasil paling banyak yang diingat (yang paling lama tidak dipakai dibuang dulu)."""

MEMO_BARIS_MAKS = 2_000_000
"""Jumlah baris semua hasil yang diingat paling banyak (data nasional tidak menumpuk di memori)."""

_MEMO: OrderedDict[Hashable, Any] = OrderedDict()

_TETAP = False
# id(tabel) → (rujukan lemah ke tabel, (bentuk, kolom), sidik); hanya saat _TETAP
_SIDIK_OBJEK: dict[int, tuple[weakref.ref, tuple, str]] = {}

T = TypeVar("T")


def kosongkan_memo() -> None:
    """Lupakan semua hasil yang diingat."""
    _MEMO.clear()
    _SIDIK_OBJEK.clear()


def anggap_tabel_tetap(aktif: bool = True) -> None:
    """Anggap tabel masukan tidak pernah diubah di tempat: sidik isinya dihitung sekali per objek.

    Hanya untuk kernel pembangun handout (``laporan.siapkan_handout``): di sana semua handout
    memakai bersama tabel data yang sudah dibaca dan tidak ada kode pengguna yang mengubahnya,
    jadi menghitung ulang sidik tabel besar (beberapa milidetik tiap kali) pada setiap
    hitungan tidak perlu. Tabel yang bentuk atau nama kolomnya berubah tetap dihitung ulang.
    Di notebook pelajaran mode ini tidak aktif: tabel yang diubah peserta selalu dihitung ulang.
    """
    global _TETAP
    if _TETAP != bool(aktif):
        _SIDIK_OBJEK.clear()
    _TETAP = bool(aktif)


def _sidik_isi(tabel: pd.DataFrame) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((list(tabel.columns), [str(t) for t in tabel.dtypes], tabel.shape)).encode())
    h.update(pd.util.hash_pandas_object(tabel, index=True).to_numpy().tobytes())
    return h.hexdigest()


def sidik_tabel(tabel: pd.DataFrame) -> str:
    """Sidik isi ``tabel``: sama bila nilai, indeks, nama kolom, dan tipe kolomnya sama.

    Dipakai sebagai kunci memo; tabel yang isinya tidak dapat di-hash memunculkan ``TypeError``.
    Dengan :func:`anggap_tabel_tetap` sidik satu objek tabel dihitung sekali.
    """
    if not _TETAP:
        return _sidik_isi(tabel)
    kunci = id(tabel)
    tanda = (tabel.shape, tuple(map(str, tabel.columns)))
    simpan = _SIDIK_OBJEK.get(kunci)
    if simpan is not None and simpan[0]() is tabel and simpan[1] == tanda:
        return simpan[2]
    sidik = _sidik_isi(tabel)
    try:
        rujukan = weakref.ref(tabel, lambda _r, k=kunci: _SIDIK_OBJEK.pop(k, None))
    except TypeError:  # objek tanpa rujukan lemah: tidak diingat
        return sidik
    _SIDIK_OBJEK[kunci] = (rujukan, tanda, sidik)
    return sidik


def _baris(hasil: Any) -> int:
    return len(hasil) if isinstance(hasil, (pd.DataFrame, pd.Series)) else 1


def ingat(
    nama: str, tabel: tuple[pd.DataFrame | None, ...], parameter: tuple, hitung: Callable[[], T]
) -> T:
    """Hasil ``hitung()`` yang diingat menurut isi ``tabel`` dan ``parameter``.

    ``tabel`` boleh berisi ``None`` (tabel yang tidak ada). Tabel pandas dikembalikan sebagai
    salinan dangkal; hasil lain (mis. objek wilayah) harus tidak dapat diubah. Isi atau
    parameter yang tidak dapat di-hash: dihitung tanpa memo.
    """
    try:
        kunci = (nama, *(None if t is None else sidik_tabel(t) for t in tabel), parameter)
        hash(kunci)
    except TypeError:
        return hitung()
    if kunci in _MEMO:
        _MEMO.move_to_end(kunci)
    else:
        _MEMO[kunci] = hitung()
        while len(_MEMO) > 1 and (
            len(_MEMO) > MEMO_MAKS or sum(_baris(h) for h in _MEMO.values()) > MEMO_BARIS_MAKS
        ):
            _MEMO.popitem(last=False)
    hasil = _MEMO[kunci]
    if isinstance(hasil, (pd.DataFrame, pd.Series)):
        return hasil.copy(deep=False)  # type: ignore[return-value]
    return hasil
