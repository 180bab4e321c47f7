"""Soal tes awal dan tes akhir pelatihan: satu bank soal, dinilai dengan satu aturan.

Soal disimpan sekali sebagai data paket, ``referensi/soal_tes.csv``: nomor soal, tujuan
pelatihan (a–d), layanan dasar, jenis (``pilihan`` atau ``angka``), teks, pilihan A–D, kunci,
toleransi untuk jawaban angka, satuan, tempat materinya diajarkan, dan sumber fakta atau aturan
yang disebut soal. Tes awal dan tes akhir
memakai soal yang sama. **Versi** bank soal adalah sidik isi berkas itu (SHA-256, 12 huruf
pertama): berkas jawaban mencatatnya, sehingga jawaban atas versi soal lain dikenali.

Mengimpor modul ini tidak membaca berkas apa pun; bank soal dibaca saat pertama diminta.
"""

from __future__ import annotations

import csv
import hashlib
import html
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from p3pd.lokasi import folder_referensi
from p3pd.skema import LAYANAN

__all__ = [
    "TUJUAN",
    "JENIS_TES",
    "Soal",
    "berkas_soal",
    "daftar_soal",
    "versi_soal",
    "soal_menurut_id",
    "nama_layanan",
    "urai_angka",
    "rapikan_jawaban",
    "benar",
    "teks_html",
]

TUJUAN: dict[str, str] = {
    "a": "a. Analisis masalah layanan dasar dan kualitas belanja desa berbasis data",
    "b": "b. Sinkronisasi perencanaan desa dan kabupaten (Rumah Bersama)",
    "c": "c. Koordinasi di dalam kecamatan dan jejaring dengan swasta",
    "d": "d. Agenda terpadu: pembinaan dan pengawasan desa, isu ke kabupaten",
}
"""Empat tujuan pelatihan (a–d) dan uraiannya."""

JENIS_TES: dict[str, str] = {"awal": "Tes awal", "akhir": "Tes akhir"}
"""Dua jenis tes; soalnya sama."""

_JENIS_SOAL = ("pilihan", "angka")
_HURUF = ("A", "B", "C", "D")


@dataclass(frozen=True)
class Soal:
    """Satu soal tes: pilihan ganda (``pilihan``) atau jawaban angka (``angka``)."""

    id: str
    tujuan: str
    layanan: str
    jenis: str
    teks: str
    pilihan: tuple[str, ...]
    kunci: str
    toleransi: float
    satuan: str
    diajarkan_di: str
    sumber: str = ""
    """Sumber fakta atau aturan yang disebut soal (kosong untuk hitungan atas desa rekaan)."""

    @property
    def kunci_angka(self) -> float:
        """Kunci soal angka sebagai bilangan."""
        return float(self.kunci)

    def teks_kunci(self) -> str:
        """Kunci dalam bentuk yang dibaca pelatih (huruf dan pilihannya, atau angka dan satuannya)."""
        if self.jenis == "pilihan":
            return f"{self.kunci}. {self.pilihan[_HURUF.index(self.kunci)]}"
        angka = f"{self.kunci_angka:g}".replace(".", ",")
        return f"{angka} {self.satuan}".strip()


def berkas_soal() -> Path:
    """Letak bank soal (``referensi/soal_tes.csv`` di dalam paket)."""
    return folder_referensi() / "soal_tes.csv"


@lru_cache(maxsize=1)
def _bank() -> tuple[tuple[Soal, ...], str]:
    isi = berkas_soal().read_bytes()
    versi = hashlib.sha256(isi).hexdigest()[:12]
    baris = list(csv.DictReader(isi.decode("utf-8").splitlines()))
    soal = tuple(_soal_dari_baris(b, nomor) for nomor, b in enumerate(baris, start=2))
    ids = [s.id for s in soal]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{berkas_soal()}: nomor soal ganda.")
    return soal, versi


def _soal_dari_baris(b: dict[str, str], nomor: int) -> Soal:
    """Satu soal dari baris CSV; bank soal yang rusak adalah kesalahan paket (ValueError)."""
    jenis = b["jenis"].strip()
    tempat = f"{berkas_soal().name} baris {nomor}"
    if jenis not in _JENIS_SOAL:
        raise ValueError(f"{tempat}: jenis '{jenis}' tidak dikenal.")
    if b["tujuan"] not in TUJUAN:
        raise ValueError(f"{tempat}: tujuan '{b['tujuan']}' tidak dikenal.")
    if b["layanan"] not in LAYANAN and b["layanan"] != "lintas":
        raise ValueError(f"{tempat}: layanan '{b['layanan']}' tidak dikenal.")
    pilihan = tuple(b[f"pilihan_{h.lower()}"].strip() for h in _HURUF)
    if jenis == "pilihan":
        if not all(pilihan) or b["kunci"] not in _HURUF:
            raise ValueError(f"{tempat}: soal pilihan perlu empat pilihan dan kunci A–D.")
        toleransi = 0.0
    else:
        float(b["kunci"])
        toleransi = float(b["toleransi"] or 0)
        pilihan = ()
    return Soal(
        id=b["id"].strip(),
        tujuan=b["tujuan"],
        layanan=b["layanan"],
        jenis=jenis,
        teks=b["teks"].strip(),
        pilihan=pilihan,
        kunci=b["kunci"].strip(),
        toleransi=toleransi,
        satuan=b["satuan"].strip(),
        diajarkan_di=b["diajarkan_di"].strip(),
        sumber=(b.get("sumber") or "").strip(),
    )


def daftar_soal() -> tuple[Soal, ...]:
    """Semua soal tes, dalam urutan bank soal (sama untuk tes awal dan tes akhir)."""
    return _bank()[0]


def versi_soal() -> str:
    """Versi bank soal: 12 huruf pertama SHA-256 isi ``soal_tes.csv``."""
    return _bank()[1]


def soal_menurut_id() -> dict[str, Soal]:
    """Peta nomor soal (mis. ``"S01"``) → soal."""
    return {s.id: s for s in daftar_soal()}


def nama_layanan(kunci: str) -> str:
    """Nama tampilan layanan soal (``lintas`` → "Lintas layanan")."""
    return LAYANAN.get(kunci, "Lintas layanan")


_POLA_RIBUAN = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def urai_angka(teks: object) -> float | None:
    """Baca jawaban angka seperti yang diketik orang Indonesia; ``None`` bila bukan angka.

    Menerima ``22,5`` dan ``22.5``, tanda ``%`` atau ``Rp`` dan spasi, titik ribuan
    (``120.000``), dan titik ribuan bersama koma desimal (``1.234,5``).
    """
    if teks is None or isinstance(teks, bool):
        return None
    if isinstance(teks, (int, float)):
        x = float(teks)
        return x if math.isfinite(x) else None
    s = str(teks).strip().replace("\u00a0", " ")
    s = re.sub(r"(?i)^rp\.?|%$|\s", "", s).strip()
    if not s:
        return None
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".")
    elif _POLA_RIBUAN.match(s):
        s = s.replace(".", "")
    try:
        x = float(s)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def rapikan_jawaban(soal: Soal, jawaban: object) -> str | float | None:
    """Jawaban dalam bentuk baku: huruf A–D, bilangan, atau ``None`` bila kosong/tidak terbaca.

    ``...`` (belum dijawab), ``None``, dan teks kosong menjadi ``None``. Untuk soal pilihan,
    huruf kecil dan tanda titik (``"b."``) diterima. Jawaban yang tidak terbaca dikembalikan
    sebagai teks aslinya (dinilai salah), supaya tidak ada jawaban yang hilang diam-diam.
    """
    if jawaban is None or jawaban is Ellipsis:
        return None
    if isinstance(jawaban, str) and not jawaban.strip():
        return None
    if soal.jenis == "pilihan":
        huruf = str(jawaban).strip().rstrip(".)").strip().upper()
        return huruf if huruf in _HURUF else str(jawaban).strip()
    x = urai_angka(jawaban)
    return x if x is not None else str(jawaban).strip()


def benar(soal: Soal, jawaban: object) -> bool:
    """Benar bila ``jawaban`` (sudah atau belum dirapikan) sesuai kunci soal.

    Soal angka: selisih dengan kunci paling banyak ``toleransi`` (ditambah sedikit kelonggaran
    pembulatan bilangan komputer).
    """
    nilai = rapikan_jawaban(soal, jawaban)
    if nilai is None:
        return False
    if soal.jenis == "pilihan":
        return nilai == soal.kunci
    if not isinstance(nilai, float):
        return False
    return abs(nilai - soal.kunci_angka) <= soal.toleransi + 1e-9


def teks_html(teks: str) -> str:
    """Teks soal sebagai HTML aman: ``**tebal**`` menjadi ``<b>tebal</b>``."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(teks))
