"""Kotak pesan berwarna: HTML berwarna di Jupyter, teks polos di tempat lain.

Dipakai oleh ``cek`` (Benar!/Belum tepat/Belum dijawab), spanduk data sintetis, dan penjelas
pesan kesalahan. Modul ini tidak bergantung pada modul ``p3pd`` lain.
"""

from __future__ import annotations

import html

WARNA = {
    # jenis: (garis tepi, latar)
    "benar": ("#1a7f37", "#e6f4ea"),
    "belum_tepat": ("#b35900", "#fff4e5"),
    "belum_dijawab": ("#57606a", "#f0f2f4"),
    "gagal": ("#c62828", "#fdecea"),
    "info": ("#0b5cad", "#e8f1fb"),
    "tidak_ada": ("#8c959f", "#f6f8fa"),
}
"""Warna setiap jenis kotak: (garis tepi kiri, latar)."""


class Kotak:
    """Satu baris pesan berwarna: HTML berwarna di Jupyter, teks polos di tempat lain."""

    def __init__(self, teks: str, jenis: str = "info") -> None:
        self.teks = teks
        self.jenis = jenis

    def __repr__(self) -> str:
        return self.teks

    def _repr_html_(self) -> str:
        return kotak_html(self.teks, self.jenis)


def gaya_kotak(jenis: str = "info") -> str:
    """Atribut ``style`` CSS sebaris untuk kotak ``jenis`` (tetap berwarna di notebook yang belum dipercaya)."""
    tepi, latar = WARNA.get(jenis, WARNA["info"])
    return f"border-left:5px solid {tepi};background:{latar};color:#1f2328;padding:6px 10px;margin:2px 0"


def kotak_html(teks: str, jenis: str = "info", isi_html: str = "") -> str:
    """HTML satu kotak pesan berwarna; bagian sebelum " — " atau ":" pertama dicetak tebal.

    ``jenis`` salah satu kunci ``WARNA`` (``benar``, ``belum_tepat``, ``belum_dijawab``,
    ``gagal``, ``info``). ``isi_html`` (HTML yang sudah aman) ditambahkan di bawah teksnya.
    """
    for pemisah in (" — ", ": "):
        kepala, ada, sisa = teks.partition(pemisah)
        if ada:
            isi = f"<strong>{html.escape(kepala)}</strong>{html.escape(pemisah + sisa)}"
            break
    else:
        isi = f"<strong>{html.escape(teks)}</strong>"
    return (
        f'<div class="p3pd-kotak p3pd-{html.escape(jenis)}" style="{gaya_kotak(jenis)}">'
        f"{isi}{isi_html}</div>"
    )
