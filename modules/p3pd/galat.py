"""Galat (exception) paket p3pd dengan pesan berbahasa Indonesia untuk pengguna."""

from __future__ import annotations

from collections.abc import Sequence


class GalatP3PD(Exception):
    """Galat yang pesannya ditujukan langsung ke pengguna (tanpa traceback)."""


class DataTidakValid(GalatP3PD):
    """Berkas data tidak dapat dipakai: menyebut berkas, kolom, dan baris yang bermasalah.

    ``baris`` memakai nomor baris seperti terlihat di Excel/editor teks: baris 1 adalah
    judul kolom, baris data pertama adalah baris 2.
    """

    def __init__(
        self,
        pesan: str,
        berkas: str | None = None,
        kolom: str | Sequence[str] | None = None,
        baris: Sequence[int] | None = None,
    ) -> None:
        self.pesan = pesan
        self.berkas = berkas
        self.kolom = [kolom] if isinstance(kolom, str) else list(kolom or [])
        self.baris = list(baris or [])
        super().__init__(self._susun())

    def _susun(self) -> str:
        bagian = []
        if self.berkas:
            bagian.append(f"Berkas '{self.berkas}'")
        if self.kolom:
            bagian.append("kolom " + ", ".join(f"'{k}'" for k in self.kolom))
        if self.baris:
            bagian.append("baris " + ringkas_baris(self.baris))
        awal = ", ".join(bagian)
        return f"{awal}: {self.pesan}" if awal else self.pesan


class WilayahTidakDikenal(GalatP3PD):
    """Nama atau kode wilayah (provinsi/kabupaten/kecamatan/desa) tidak ditemukan."""


def ringkas_baris(baris: Sequence[int], batas: int = 10) -> str:
    """Tulis daftar nomor baris secara ringkas: ``2, 5, 7 … (dan 12 baris lain)``."""
    urut = sorted(set(int(b) for b in baris))
    teks = ", ".join(str(b) for b in urut[:batas])
    if len(urut) > batas:
        teks += f" … (dan {len(urut) - batas} baris lain)"
    return teks
