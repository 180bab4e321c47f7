"""Memeriksa jawaban latihan dengan umpan balik langsung berbahasa Indonesia, tanpa server.

Pakai di sel pemeriksa, di baris terakhir sel::

    cek(jawaban_1, tabel["kode_kecamatan"].nunique(), petunjuk="hitung kecamatan, bukan desa")

Nilai harapan selalu dihitung oleh notebook dari data (bukan angka yang disimpan).
Hasilnya satu baris: "Benar!", "Belum tepat — petunjuk: …", atau "Belum dijawab — …"
(bila jawaban masih ``...`` atau ``None``), atau "Sel jawaban terakhir gagal dijalankan, jadi nilai … tidak dinilai"
(bila sel jawabannya gagal; nilai lamanya tidak dinilai, lihat ``p3pd.penjaga``). ``cek`` tidak
pernah menimbulkan pesan kesalahan karena jawaban peserta; di Jupyter barisnya berwarna, di
tempat lain berupa teks polos.
"""

from __future__ import annotations

import difflib
import math
import numbers
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from p3pd.kotak import kotak_html
from p3pd.penjaga import JawabanGagal

BENAR = "benar"
BELUM_TEPAT = "belum_tepat"
BELUM_DIJAWAB = "belum_dijawab"
SEL_GAGAL = "gagal"

PESAN_BELUM_DIJAWAB = "Belum dijawab — ganti ... dengan jawaban Anda, jalankan sel jawaban, lalu jalankan sel ini lagi."
PETUNJUK_UMUM = "baca lagi soal dan keluaran di atasnya, lalu coba lagi."

_AWALAN_WILAYAH = re.compile(r"^(desa|kelurahan|kecamatan|kec\.|kabupaten|kab\.|provinsi)\s+")
_YA = {"ya", "benar", "true", "iya", "betul"}
_TIDAK = {"tidak", "salah", "false", "bukan"}


@dataclass(frozen=True)
class Hasil:
    """Hasil satu pemeriksaan: ``status`` (benar/belum_tepat/belum_dijawab/gagal) dan ``petunjuk``."""

    status: str
    petunjuk: str = ""

    @property
    def benar(self) -> bool:
        """``True`` bila jawaban benar."""
        return self.status == BENAR

    @property
    def pesan(self) -> str:
        """Pesan satu baris untuk peserta."""
        if self.status == BENAR:
            return "Benar!"
        if self.status == BELUM_DIJAWAB:
            return PESAN_BELUM_DIJAWAB
        if self.status == SEL_GAGAL:
            return self.petunjuk
        return f"Belum tepat — petunjuk: {self.petunjuk}"

    def __bool__(self) -> bool:
        return self.benar

    def __repr__(self) -> str:
        return self.pesan

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return kotak_html(self.pesan, self.status)


def cek(
    jawaban: object,
    harapan: object,
    toleransi: float = 0.0,
    petunjuk: str = "",
    *,
    toleransi_relatif: float = 1e-9,
    abaikan_urutan: bool = False,
) -> Hasil:
    """Bandingkan ``jawaban`` peserta dengan ``harapan`` dan kembalikan ``Hasil``.

    - Angka: sama bila selisihnya paling banyak ``toleransi`` (mutlak, dalam satuan soal) atau
      ``toleransi_relatif`` (bagian dari nilainya). Salah tulis persen vs pecahan (23 vs 0,23),
      satuan ribu/juta/miliar, dan angka yang ditulis sebagai teks diberi petunjuk khusus.
    - Teks (misalnya nama desa): huruf besar/kecil, spasi berlebih, dan awalan "Desa"/
      "Kecamatan"/"Kabupaten" diabaikan.
    - Daftar/himpunan: urutan diabaikan untuk himpunan atau bila ``abaikan_urutan=True``.
    - pandas Series/DataFrame: nilai dibandingkan menurut label indeks (dan nama kolom, tanpa
      memedulikan urutan kolom); ``abaikan_urutan=True`` juga mengabaikan urutan baris.

    ``petunjuk`` ditampilkan bila jawaban belum tepat. Jawaban ``...`` atau ``None`` (juga
    daftar/tabel yang masih memuat ``...``) menghasilkan "Belum dijawab". Jawaban dari sel
    jawaban yang gagal dijalankan (``JawabanGagal``) tidak dinilai. Koma desimal (``99,4``
    terbaca sebagai dua nilai) dan titik ribuan (``33.449`` untuk 33449) diberi petunjuk
    khusus. Fungsi ini tidak menimbulkan pesan kesalahan karena jawaban peserta.
    """
    gagal = _jawaban_gagal(jawaban)
    if gagal is not None:
        return Hasil(SEL_GAGAL, gagal.pesan)
    if _belum_dijawab(jawaban):
        return Hasil(BELUM_DIJAWAB)
    aturan = _Aturan(float(toleransi), float(toleransi_relatif), bool(abaikan_urutan))
    try:
        cocok, khusus = _bandingkan(jawaban, harapan, aturan)
    except Exception:  # jawaban yang tidak dapat dibandingkan sama sekali
        cocok, khusus = (
            False,
            f"jawaban Anda berupa {_jenis(jawaban)}, soal meminta {_jenis(harapan)}.",
        )
    if cocok:
        return Hasil(BENAR)
    bagian = [k for k in (khusus, petunjuk.strip()) if k]
    teks = (
        " ".join(_kalimat(b if i == 0 else b[:1].upper() + b[1:]) for i, b in enumerate(bagian))
        if bagian
        else PETUNJUK_UMUM
    )
    return Hasil(BELUM_TEPAT, teks)


# --- belum dijawab -----------------------------------------------------------------------------


def _jawaban_gagal(x: object) -> JawabanGagal | None:
    """``JawabanGagal`` di ``x`` atau langsung di dalam daftar/kamus ``x``."""
    if isinstance(x, JawabanGagal):
        return x
    if isinstance(x, (list, tuple, set, frozenset)):
        return next((v for v in x if isinstance(v, JawabanGagal)), None)
    if isinstance(x, dict):
        return next((v for v in x.values() if isinstance(v, JawabanGagal)), None)
    return None


def _belum_dijawab(x: object) -> bool:
    if x is None or x is Ellipsis:
        return True
    if isinstance(x, pd.DataFrame):
        return any(_memuat_elipsis(x.iloc[:, i]) for i in range(x.shape[1]))
    if isinstance(x, (pd.Series, pd.Index, np.ndarray)):
        return _memuat_elipsis(x)
    if isinstance(x, dict):
        return any(v is Ellipsis or _belum_dijawab_isi(v) for v in x.values())
    if isinstance(x, (list, tuple, set, frozenset)):
        return any(_belum_dijawab_isi(v) for v in x)
    return False


def _belum_dijawab_isi(v: object) -> bool:
    """Unsur di dalam wadah: hanya ``...`` (bukan ``None``) yang berarti belum dijawab."""
    return v is Ellipsis or (v is not None and not isinstance(v, str) and _belum_dijawab(v))


def _memuat_elipsis(x: pd.Series | pd.Index | np.ndarray) -> bool:
    if getattr(getattr(x, "dtype", None), "kind", "") != "O":
        return False
    return any(v is Ellipsis for v in np.asarray(x, dtype=object).ravel())


# --- membandingkan -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Aturan:
    mutlak: float
    relatif: float
    abaikan_urutan: bool


def _bandingkan(jawaban: object, harapan: object, a: _Aturan) -> tuple[bool, str]:
    if isinstance(harapan, pd.DataFrame):
        return _bandingkan_tabel(jawaban, harapan, a)
    if isinstance(harapan, pd.Series):
        return _bandingkan_series(jawaban, harapan, a)
    if _daftar(harapan):
        if not _daftar(jawaban):
            isi = list(harapan)
            if len(isi) == 1:
                return _bandingkan_skalar(jawaban, isi[0], a)
            return False, f'soal meminta daftar berisi {len(isi)} unsur, misalnya ["A", "B"].'
        urut = not (a.abaikan_urutan or isinstance(harapan, (set, frozenset)))
        return _bandingkan_daftar(list(jawaban), list(harapan), urut, a)
    if _daftar(jawaban) and not isinstance(jawaban, (pd.Series, pd.DataFrame)):
        isi = list(jawaban)
        if len(isi) == 1:
            return _bandingkan_skalar(isi[0], harapan, a)
        if isinstance(jawaban, tuple) and _angka(harapan):
            koma = _petunjuk_koma(isi, float(harapan), a)
            if koma:
                return False, koma
        return False, f"soal meminta satu nilai, jawaban Anda berisi {len(isi)} unsur."
    return _bandingkan_skalar(jawaban, harapan, a)


def _petunjuk_koma(isi: list, harapan: float, a: _Aturan) -> str:
    """Petunjuk untuk angka yang ditulis dengan koma (Python membacanya sebagai beberapa nilai).

    ``99,4`` menjadi ``(99, 4)``: koma desimal. ``33,449`` menjadi ``(33, 449)``: bila
    digabung sama dengan harapan, itu pemisah ribuan.
    """
    if not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in isi):
        return ""
    bagian = [int(v) for v in isi]
    if all(0 <= v < 1000 for v in bagian[1:]):
        gabung = int(str(bagian[0]) + "".join(f"{v:03d}" for v in bagian[1:]))
        if _dekat(float(gabung), harapan, a):
            ditulis = ",".join([str(bagian[0])] + [f"{v:03d}" for v in bagian[1:]])
            return f"hapus pemisah ribuan: tulis {gabung}, bukan {ditulis}."
    if len(bagian) == 2 and bagian[1] >= 0:
        desimal = f"{bagian[0]}.{bagian[1]}"
        return (
            f"pakai titik untuk desimal: tulis {desimal}, bukan {bagian[0]},{bagian[1]}. "
            "Di Python, koma memisahkan dua nilai."
        )
    return ""


def _daftar(x: object) -> bool:
    if isinstance(x, np.ndarray):
        return x.ndim == 1
    return isinstance(x, (list, tuple, set, frozenset, pd.Index, pd.Series))


def _angka(x: object) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


def _kosong(x: object) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _bandingkan_skalar(jawaban: object, harapan: object, a: _Aturan) -> tuple[bool, str]:
    if _kosong(harapan) or _kosong(jawaban):
        if _kosong(harapan) and _kosong(jawaban):
            return True, ""
        if _kosong(jawaban):
            return False, "jawaban Anda kosong (NaN); pilih nilai yang ada di tabel."
        return False, ""
    if isinstance(harapan, (bool, np.bool_)):
        return _bandingkan_ya_tidak(jawaban, bool(harapan))
    if _angka(harapan):
        return _bandingkan_angka(jawaban, float(harapan), a)
    if isinstance(harapan, str):
        if not isinstance(jawaban, str):
            return (
                False,
                'soal meminta teks: tulis jawabannya di antara tanda kutip ("seperti ini").',
            )
        return _bandingkan_teks(jawaban, harapan)
    return bool(jawaban == harapan), ""


def _bandingkan_ya_tidak(jawaban: object, harapan: bool) -> tuple[bool, str]:
    if isinstance(jawaban, (bool, np.bool_)):
        return bool(jawaban) == harapan, ""
    if isinstance(jawaban, str):
        kata = _normal(jawaban)
        if kata in _YA | _TIDAK:
            return (kata in _YA) == harapan, ""
    return False, "soal meminta jawaban ya/tidak: tulis True atau False."


def _bandingkan_angka(jawaban: object, harapan: float, a: _Aturan) -> tuple[bool, str]:
    if isinstance(jawaban, str):
        saran = "tulis angka tanpa tanda kutip"
        if re.fullmatch(r"\s*-?\d{1,3}(\.\d{3})+\s*", jawaban):
            saran += f" dan hapus titik ribuan, misalnya {jawaban.strip().replace('.', '')}"
        elif "," in jawaban:
            saran += " dan pakai titik sebagai tanda desimal, misalnya 23.4 (bukan 23,4)"
        return False, saran + "."
    if isinstance(jawaban, (bool, np.bool_)) or not _angka(jawaban):
        return False, f"soal meminta angka, jawaban Anda berupa {_jenis(jawaban)}."
    nilai = float(jawaban)
    if _dekat(nilai, harapan, a):
        return True, ""
    if harapan != 0:
        ribuan = _titik_ribuan(nilai, harapan, a)
        if ribuan:
            return False, ribuan
        if _dekat(nilai * 100, harapan, a, skala=100):
            return False, "sepertinya Anda menulis pecahan; soal meminta persen (kalikan 100)."
        if _dekat(nilai / 100, harapan, a, skala=0.01):
            return False, "sepertinya Anda menulis persen; soal meminta pecahan (bagi 100)."
        for faktor, nama in ((1e3, "seribu"), (1e6, "sejuta"), (1e9, "semiliar")):
            if _dekat(nilai * faktor, harapan, a, skala=faktor) or _dekat(
                nilai / faktor, harapan, a, skala=1 / faktor
            ):
                return False, f"periksa satuannya: jawaban Anda berbeda {nama} kali lipat."
        if _dekat(-nilai, harapan, a):
            return False, "tanda positif/negatifnya terbalik."
        if abs(nilai - harapan) <= 0.02 * abs(harapan):
            return False, "sudah dekat; periksa pembulatan dan angka di belakang koma."
    return False, ""


def _titik_ribuan(nilai: float, harapan: float, a: _Aturan) -> str:
    """Petunjuk bila ``nilai`` tampak seperti angka bertitik ribuan yang terbaca sebagai desimal.

    ``33.449`` (disalin dari "33.449 jiwa") terbaca tiga puluh tiga koma empat: bila nilai
    kali 1.000 sama dengan harapan dan angkanya paling banyak 3 angka di belakang titik.
    """
    if abs(harapan) < 1000 or not _dekat(nilai * 1000, harapan, a, skala=1000):
        return ""
    ribuan = round(nilai * 1000)
    if abs(nilai * 1000 - ribuan) > 1e-6 * max(1.0, abs(ribuan)):
        return ""
    ditulis = f"{nilai:.3f}"
    return (
        f"hapus titik ribuan: tulis {ribuan}, bukan {ditulis}. Di Python, titik adalah tanda "
        "desimal, jadi {ditulis} terbaca {koma}.".format(
            ditulis=ditulis, koma=ditulis.replace(".", ",")
        )
    )


def _dekat(nilai: float, harapan: float, a: _Aturan, skala: float = 1.0) -> bool:
    """``math.isclose`` dengan toleransi mutlak ikut diskalakan bila jawaban diskalakan."""
    return math.isclose(nilai, harapan, rel_tol=a.relatif, abs_tol=a.mutlak * abs(skala))


def _normal(teks: str) -> str:
    teks = unicodedata.normalize("NFKC", teks).casefold()
    teks = teks.replace("’", "'").replace("‘", "'")
    return " ".join(teks.split())


def _bandingkan_teks(jawaban: str, harapan: str) -> tuple[bool, str]:
    j, h = _normal(jawaban), _normal(harapan)
    if j == h or _AWALAN_WILAYAH.sub("", j) == _AWALAN_WILAYAH.sub("", h):
        return True, ""
    if difflib.SequenceMatcher(None, j, h).ratio() >= 0.8:
        return False, "sudah mirip; periksa ejaannya."
    return False, ""


def _sama_skalar(jawaban: object, harapan: object, a: _Aturan) -> bool:
    try:
        return _bandingkan_skalar(jawaban, harapan, a)[0]
    except Exception:
        return False


def _bandingkan_daftar(jawaban: list, harapan: list, urut: bool, a: _Aturan) -> tuple[bool, str]:
    if len(jawaban) != len(harapan):
        teks = f"soal meminta {len(harapan)} unsur, jawaban Anda berisi {len(jawaban)}."
        if (
            len(jawaban) == 2 * len(harapan)
            and all(_angka(h) for h in harapan)
            and all(isinstance(j, (int, np.integer)) and not isinstance(j, bool) for j in jawaban)
        ):
            teks += " Angka desimal ditulis dengan titik: [12.5, 3.4], bukan [12,5, 3,4]."
        return False, teks
    if urut:
        salah = sum(not _sama_skalar(j, h, a) for j, h in zip(jawaban, harapan, strict=True))
        if salah == 0:
            return True, ""
        if _cocok_tanpa_urutan(jawaban, harapan, a) == len(harapan):
            return False, "isinya sudah benar, tetapi urutannya belum."
        return False, f"{salah} dari {len(harapan)} unsur belum tepat."
    benar = _cocok_tanpa_urutan(jawaban, harapan, a)
    if benar == len(harapan):
        return True, ""
    return False, f"{len(harapan) - benar} dari {len(harapan)} unsur belum tepat."


def _cocok_tanpa_urutan(jawaban: Sequence, harapan: Sequence, a: _Aturan) -> int:
    """Banyaknya unsur harapan yang punya pasangan di jawaban (tiap unsur jawaban dipakai sekali)."""
    sisa = list(jawaban)
    cocok = 0
    for h in harapan:
        for i, j in enumerate(sisa):
            if _sama_skalar(j, h, a):
                del sisa[i]
                cocok += 1
                break
    return cocok


def _bandingkan_series(jawaban: object, harapan: pd.Series, a: _Aturan) -> tuple[bool, str]:
    if isinstance(jawaban, pd.DataFrame) and jawaban.shape[1] == 1:
        jawaban = jawaban.iloc[:, 0]
    if not isinstance(jawaban, pd.Series):
        return (
            False,
            f"soal meminta satu kolom pandas (Series), jawaban Anda berupa {_jenis(jawaban)}.",
        )
    if len(jawaban) != len(harapan):
        return False, f"soal meminta {len(harapan)} baris, jawaban Anda {len(jawaban)} baris."
    if a.abaikan_urutan:
        jawaban, harapan = _urut_indeks(jawaban), _urut_indeks(harapan)
    if not _label_sama(jawaban.index, harapan.index, a):
        if _nilai_sama(jawaban, harapan, a) == 0:
            return False, (
                "nilainya sudah benar, tetapi barisnya berbeda (label baris/indeks tidak sama)."
            )
        return False, (
            "baris yang terpilih (label baris/indeks) berbeda dari yang diminta: periksa arah urutan "
            "(ascending) atau syarat saringannya."
        )
    salah = _nilai_sama(jawaban, harapan, a)
    if salah:
        return False, f"{salah} dari {len(harapan)} nilai belum tepat."
    return True, ""


def _bandingkan_tabel(jawaban: object, harapan: pd.DataFrame, a: _Aturan) -> tuple[bool, str]:
    if not isinstance(jawaban, pd.DataFrame):
        return False, f"soal meminta tabel (DataFrame), jawaban Anda berupa {_jenis(jawaban)}."
    kol_j = {str(k): k for k in jawaban.columns}
    kol_h = [str(k) for k in harapan.columns]
    kurang = [k for k in kol_h if k not in kol_j]
    lebih = [k for k in kol_j if k not in set(kol_h)]
    if kurang or lebih:
        bagian = []
        if kurang:
            bagian.append("kolom yang belum ada: " + ", ".join(kurang))
        if lebih:
            bagian.append("kolom yang tidak diminta: " + ", ".join(lebih))
        return False, "; ".join(bagian) + "."
    if len(jawaban) != len(harapan):
        return False, f"soal meminta {len(harapan)} baris, jawaban Anda {len(jawaban)} baris."
    if a.abaikan_urutan:
        jawaban, harapan = _urut_indeks(jawaban), _urut_indeks(harapan)
    if not _label_sama(jawaban.index, harapan.index, a):
        return False, (
            "baris yang terpilih (label baris/indeks) berbeda dari yang diminta: periksa arah urutan "
            "(ascending) atau syarat saringannya."
        )
    salah = {
        k: _nilai_sama(jawaban[kol_j[k]], h, a)
        for k, h in zip(kol_h, (harapan[c] for c in harapan.columns), strict=True)
    }
    salah = {k: n for k, n in salah.items() if n}
    if salah:
        return False, "nilai yang belum tepat ada di kolom " + ", ".join(salah) + "."
    return True, ""


def _urut_indeks(x: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
    try:
        return x.sort_index()
    except TypeError:
        return x.iloc[np.argsort([str(v) for v in x.index], kind="stable")]


def _label_sama(j: pd.Index, h: pd.Index, a: _Aturan) -> bool:
    return all(_sama_skalar(x, y, a) for x, y in zip(j, h, strict=True))


def _nilai_sama(jawaban: pd.Series, harapan: pd.Series, a: _Aturan) -> int:
    """Banyaknya nilai yang berbeda, berurutan posisi."""
    j, h = jawaban.to_numpy(), harapan.to_numpy()
    if pd.api.types.is_numeric_dtype(jawaban.dtype) and pd.api.types.is_numeric_dtype(
        harapan.dtype
    ):
        if not (
            pd.api.types.is_bool_dtype(jawaban.dtype) or pd.api.types.is_bool_dtype(harapan.dtype)
        ):
            jf, hf = np.asarray(j, dtype=float), np.asarray(h, dtype=float)
            dekat = np.isclose(jf, hf, rtol=0.0, atol=0.0, equal_nan=True)
            batas = np.maximum(a.mutlak, a.relatif * np.maximum(np.abs(jf), np.abs(hf)))
            dekat |= np.abs(jf - hf) <= batas
            return int((~dekat).sum())
    return sum(not _sama_skalar(x, y, a) for x, y in zip(j, h, strict=True))


# --- teks bantu --------------------------------------------------------------------------------


def _jenis(x: object) -> str:
    if isinstance(x, pd.DataFrame):
        return "tabel (DataFrame)"
    if isinstance(x, pd.Series):
        return "kolom pandas (Series)"
    if isinstance(x, (bool, np.bool_)):
        return "ya/tidak (True/False)"
    if _angka(x):
        return "angka"
    if isinstance(x, str):
        return "teks"
    if isinstance(x, (set, frozenset)):
        return "himpunan"
    if _daftar(x):
        return "daftar"
    return f"nilai berjenis {type(x).__name__}"


def _kalimat(teks: str) -> str:
    teks = teks.strip()
    return teks if teks.endswith((".", "!", "?")) else teks + "."
