"""Masalah dan catatan satu berkas selama dimuat, beserta pembantu contoh nilai untuk pesan.

Dipakai bersama oleh modul-modul pemuat (``muat_berkas``, ``muat_nilai``, ``muat_pribadi``,
``muat_antartabel``): setiap masalah menyebut kolom dan nomor baris seperti di Excel (baris 1 =
judul kolom), dan semua masalah satu berkas dikumpulkan dulu sebelum dilaporkan sekaligus.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid

_BATAS_BARIS_DISIMPAN = 1000


@dataclass(frozen=True)
class Masalah:
    """Satu masalah pada berkas: pesan, kolom, nomor baris (seperti di Excel), dan jumlah baris."""

    pesan: str
    kolom: tuple[str, ...] = ()
    baris: tuple[int, ...] = ()
    jumlah_baris: int = 0

    def __str__(self) -> str:
        bagian = []
        if self.kolom:
            bagian.append("kolom " + ", ".join(f"'{k}'" for k in self.kolom))
        if self.baris:
            bagian.append("baris " + _ringkas_baris(self.baris, self.jumlah_baris))
        awal = ", ".join(bagian)
        teks = f"{awal}: {self.pesan}" if awal else self.pesan
        return teks[:1].upper() + teks[1:]


def _ringkas_baris(baris: tuple[int, ...], jumlah: int, batas: int = 10) -> str:
    """Nomor baris yang pertama (paling banyak ``batas``) dan berapa baris lainnya."""
    teks = ", ".join(str(b) for b in baris[:batas])
    sisa = max(jumlah, len(baris)) - min(len(baris), batas)
    return teks + (f" … (dan {sisa} baris lain)" if sisa > 0 else "")


@dataclass
class Laporan:
    """Kumpulan masalah dan catatan perapian selama satu berkas dimuat."""

    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)

    def tambah(self, pesan: str, kolom: str | tuple[str, ...] = (), baris=()) -> None:
        """Catat satu masalah (pesan, kolom, dan baris spreadsheet) untuk dilaporkan nanti."""
        kolom_t = (kolom,) if isinstance(kolom, str) else tuple(kolom)
        baris_a = np.unique(np.asarray(baris, dtype=np.int64))
        simpan = tuple(int(b) for b in baris_a[:_BATAS_BARIS_DISIMPAN])
        self.masalah.append(Masalah(pesan, kolom_t, simpan, int(baris_a.size)))

    def catat(self, teks: str) -> None:
        """Catat sesuatu yang dirapikan otomatis (berkas tetap dapat dipakai)."""
        self.catatan.append(teks)

    def ingatkan(self, teks: str) -> None:
        """Catat peringatan: berkas dapat dipakai, tetapi ada yang perlu diperhatikan pengguna."""
        self.peringatan.append(teks)

    def galat(self, sumber: str, tabel: skema.Tabel) -> DataTidakValid:
        """Satu ``DataTidakValid`` yang mendaftar semua masalah berkas ``sumber``."""
        jumlah = len(self.masalah)
        baris_isi = [f"  {i}. {m}" for i, m in enumerate(self.masalah, start=1)]
        pesan = (
            f"tidak dapat dipakai sebagai tabel '{tabel.nama}'; {jumlah} masalah ditemukan:\n"
            + "\n".join(baris_isi)
            + "".join(f"\n  Perhatian: {p}" for p in self.peringatan)
            + "\nBerkas asli tidak diubah. Perbaiki masalah di atas, lalu muat ulang."
        )
        galat = DataTidakValid(pesan, berkas=sumber)
        galat.kolom = sorted({k for m in self.masalah for k in m.kolom})
        galat.baris = sorted({b for m in self.masalah for b in m.baris})
        galat.masalah = list(self.masalah)
        return galat


@dataclass
class Mentah:
    """Isi berkas sebelum diperiksa: kolom bernama baku dan nomor baris spreadsheet."""

    data: pd.DataFrame
    baris: np.ndarray


@dataclass
class KolomHasil:
    """Hasil mengubah satu kolom: nilai bertipe, baris yang sah, dan kode faktor (-1 = tidak sah)."""

    nilai: pd.Series
    sah: np.ndarray
    faktor: np.ndarray | None = None


# ------------------------------------------------------------------ bantu: nilai unik


def urai_unik(seri: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Kode bilangan per baris (-1 = kosong) dan nilai unik kolom."""
    kode, unik = pd.factorize(seri, use_na_sentinel=True)
    return np.asarray(kode), np.asarray(unik, dtype=object)


def per_baris(pilih_unik: np.ndarray, kode: np.ndarray, kosong: bool = False) -> np.ndarray:
    """Mask per baris dari mask atas nilai unik; baris kosong (kode -1) bernilai ``kosong``."""
    return np.append(np.asarray(pilih_unik, dtype=bool), kosong)[kode]


def tampil(nilai: object) -> str:
    """Nilai sel untuk pesan: dipendekkan, dan angka 16 digit (mirip NIK) disembunyikan."""
    teks = teks_sel(nilai)
    teks = re.sub(r"\d{15,17}", "«angka 16 digit disembunyikan»", teks)
    return repr(teks if len(teks) <= 40 else teks[:37] + "…")


def contoh(kode: np.ndarray, unik: np.ndarray, pilih_unik: np.ndarray, baris: np.ndarray) -> str:
    """Paling banyak tiga contoh nilai bermasalah beserta baris pertamanya (jalur galat saja)."""
    pertama: dict[int, int] = {}
    for pos in np.flatnonzero(per_baris(pilih_unik, kode)):
        k = int(kode[pos])
        if k not in pertama:
            pertama[k] = int(pos)
            if len(pertama) >= 3:
                break
    return ", ".join(f"{tampil(unik[k])} di baris {baris[p]}" for k, p in pertama.items())


def contoh_posisi(teks: list[str], posisi: np.ndarray, baris: np.ndarray) -> str:
    """Teks contoh beserta nomor barisnya (paling banyak tiga)."""
    return ", ".join(f"{t} di baris {baris[p]}" for t, p in zip(teks, posisi[:3], strict=False))


def laporkan_kosong(kode: np.ndarray, nama: str, baris: np.ndarray, laporan: Laporan) -> None:
    """Laporkan sel kosong di kolom wajib (kode -1 dari ``urai_unik``)."""
    kosong = kode == -1
    if kosong.any():
        laporan.tambah("sel kosong; kolom ini wajib diisi di setiap baris.", nama, baris[kosong])


def sebagai_teks(nilai: np.ndarray) -> pd.Series:
    """Kolom teks dengan tipe teks bawaan pandas (sel kosong tetap NaN)."""
    return pd.Series(nilai, dtype=str)


def teks_sel(v: object) -> str:
    """Isi sel sebagai teks; bilangan bulat yang terbaca sebagai pecahan ditulis tanpa '.0'."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# ------------------------------------------------------------------ kolom wajib dan opsional

TABEL_APBDES = ("belanja", "belanja_kegiatan", "pendapatan")
"""Tabel APBDes: hanya untuk desa (kelurahan tidak punya APBDes)."""

_TIPE_KODE = (skema.TIPE_KODE_DESA, skema.TIPE_KODE_KECAMATAN, skema.TIPE_KODE_KABUPATEN)


KOLOM_WAJIB_DAFTAR_DESA = ("kode_desa", "nama_desa")
"""Kolom wajib daftar desa; kode dan nama kecamatan, kabupaten, provinsi boleh tidak ada (diisi
dari awalan kode desa dan daftar wilayah nasional, ``p3pd.wilayah_nasional``)."""


def kolom_wajib(tabel: skema.Tabel) -> frozenset[str]:
    """Kolom yang wajib ada dan terisi di setiap baris ``tabel``; kolom lain boleh tidak ada.

    Daftar desa (tabel ``wilayah``): kode dan nama desa (induknya diisi dari kode desa dan
    daftar wilayah nasional bila tidak ada). Tabel lain: kolom kunci, kolom kode
    wilayah, dan kolom tahun; kolom isi (indikator, anggaran, fasilitas, …) opsional, dan sel
    yang kosong berarti "tidak tersedia".
    """
    if tabel.nama == skema.WILAYAH.nama:
        return frozenset(KOLOM_WAJIB_DAFTAR_DESA)
    return frozenset(
        k.nama
        for k in tabel.kolom
        if k.nama in tabel.kunci or k.tipe in _TIPE_KODE or k.tipe == skema.TIPE_TAHUN
    )


# ------------------------------------------------------------------ kode wilayah


def angka_tampil(x: float) -> str:
    """Angka untuk pesan: bilangan bulat tanpa '.0', pecahan apa adanya."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


# ------------------------------------------------------------------ usulan judul kolom


_SINONIM_JUDUL = {
    "kode_desa": ("iddesa", "id_desa", "kd_desa", "kddesa", "kdesa", "kode_desa_kemendagri"),
    "kode_kecamatan": ("idkec", "id_kec", "id_kecamatan", "kd_kec", "kdkec", "kode_kec"),
    "kode_kabupaten": ("idkab", "id_kab", "id_kabupaten", "kd_kab", "kdkab", "kode_kab"),
    "kode_provinsi": ("idprov", "id_prov", "id_provinsi", "kd_prov", "kdprov", "kode_prov"),
}
"""Judul yang lazim untuk kolom kode wilayah (dari ekspor aplikasi desa dan Podes)."""

BATAS_JUDUL_MIRIP = 0.85
"""Kemiripan judul (``difflib``) terkecil agar judul asing diusulkan sebagai kolom skema."""


def usulan_judul(hilang: list[str], lain: list[str]) -> dict[str, str]:
    """Kolom yang hilang → judul asing di berkas yang mungkin dimaksudkan sebagai kolom itu.

    Hanya di antara kolom tabel yang sama, dan hanya bila benar-benar mirip: sinonim kode
    wilayah yang lazim ('iddesa' → 'kode_desa'), atau kemiripan ejaan ≥ ``BATAS_JUDUL_MIRIP``
    dengan pasangan yang saling paling mirip (satu judul asing untuk satu kolom). Jadi
    'iddesa' tidak pernah diusulkan sebagai 'bidan_desa'.
    """
    hasil: dict[str, str] = {}
    dipakai: set[str] = set()
    for k in hilang:
        for n in lain:
            if n in _SINONIM_JUDUL.get(k, ()) and n not in dipakai:
                hasil[k] = n
                dipakai.add(n)
                break
    skor = []
    for k in hilang:
        if k in hasil:
            continue
        for n in lain:
            if n in dipakai:
                continue
            r = difflib.SequenceMatcher(None, k, n).ratio()
            if r >= BATAS_JUDUL_MIRIP:
                skor.append((r, k, n))
    for _r, k, n in sorted(skor, reverse=True):
        if k not in hasil and n not in dipakai:
            hasil[k] = n
            dipakai.add(n)
    return hasil
