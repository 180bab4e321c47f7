"""Memeriksa jawaban latihan dengan umpan balik langsung berbahasa Indonesia, tanpa server.

Pakai di sel pemeriksa, di baris terakhir sel::

    cek(jawaban_1, tabel["kode_kecamatan"].nunique(), petunjuk="hitung kecamatan, bukan desa")

Nilai harapan selalu dihitung oleh notebook dari data (bukan angka yang disimpan).
Hasilnya satu baris: "Benar!" (dengan catatan bentuk baku bila jawaban teks ditulis dalam bentuk
lain yang diterima, mis. "Benar! — bentuk bakunya: "jaminan_sosial"."), "Belum tepat — petunjuk:
…", atau "Belum dijawab — …"
(bila jawaban masih ``...`` atau ``None``), atau "Sel jawaban terakhir gagal dijalankan, jadi nilai … tidak dinilai"
(bila sel jawabannya gagal; nilai lamanya tidak dinilai, lihat ``p3pd.penjaga``), atau "Belum
dinilai — …" (bila sel yang baru dijalankan tidak menyimpan jawabannya, lihat
``p3pd.cek_riwayat``). ``cek`` tidak
pernah menimbulkan pesan kesalahan karena jawaban peserta; di Jupyter barisnya berwarna, di
tempat lain berupa teks polos.
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from p3pd.cek_riwayat import telaah
from p3pd.cek_teks import Alias, bandingkan_teks, normal_sederhana, sama_teks, siapkan_alias
from p3pd.kotak import gaya_kotak, kotak_html
from p3pd.penjaga import JawabanGagal

BENAR = "benar"
BELUM_TEPAT = "belum_tepat"
BELUM_DIJAWAB = "belum_dijawab"
SEL_GAGAL = "gagal"
NILAI_LAMA = "nilai_lama"

PESAN_BELUM_DIJAWAB = "Belum dijawab — ganti ... dengan jawaban Anda, jalankan sel jawaban, lalu jalankan sel ini lagi."
PETUNJUK_UMUM = "baca lagi soal dan keluaran di atasnya, lalu coba lagi."

JENIS_ANGKA = ("jumlah", "desimal", "persen")
"""Jenis jawaban angka: jumlah (bilangan bulat), desimal, atau persen (0–100)."""

_YA = {"ya", "benar", "true", "iya", "betul"}
_TIDAK = {"tidak", "salah", "false", "bukan"}


class _Mandiri(str):
    """Petunjuk yang berdiri sendiri: petunjuk penulis soal tidak ditambahkan sesudahnya.

    Dipakai untuk salah tulis bentuk yang nilainya sudah benar (``"16"``, ``16,0``) dan jawaban
    teks yang hampir benar: petunjuk isi soal ("sudahkah ambang diubah?") justru menyesatkan.
    """


@dataclass(frozen=True)
class Hasil:
    """Hasil satu pemeriksaan: ``status`` (benar/belum_tepat/belum_dijawab/gagal) dan ``petunjuk``.

    Untuk jawaban benar yang ditulis dalam bentuk lain (``"jaminan sosial"`` untuk
    ``"jaminan_sosial"``), ``petunjuk`` berisi catatan bentuk bakunya.
    """

    status: str
    petunjuk: str = ""
    catatan: str = ""

    @property
    def benar(self) -> bool:
        """``True`` bila jawaban benar."""
        return self.status == BENAR

    @property
    def pesan(self) -> str:
        """Pesan satu baris untuk peserta (diakhiri ``catatan`` bila ada)."""
        return f"{self._pesan()} {self.catatan}" if self.catatan else self._pesan()

    def _pesan(self) -> str:
        if self.status == BENAR:
            return f"Benar! — {self.petunjuk}" if self.petunjuk else "Benar!"
        if self.status == BELUM_DIJAWAB:
            return PESAN_BELUM_DIJAWAB
        if self.status in (SEL_GAGAL, NILAI_LAMA):
            return self.petunjuk
        return f"Belum tepat — petunjuk: {self.petunjuk}"

    def __bool__(self) -> bool:
        return self.benar

    def __repr__(self) -> str:
        return self.pesan

    __str__ = __repr__

    def _repr_html_(self) -> str:
        jenis = BELUM_DIJAWAB if self.status == NILAI_LAMA else self.status
        if self.status == SEL_GAGAL:
            # tebal hanya "Sel jawaban terakhir gagal dijalankan", bukan sampai "Petunjuk:"
            kepala, koma, sisa = self.pesan.partition(", ")
            if koma:
                return (
                    f'<div class="p3pd-kotak p3pd-{jenis}" style="{gaya_kotak(jenis)}">'
                    f"<strong>{html.escape(kepala)}</strong>{html.escape(koma + sisa)}</div>"
                )
        return kotak_html(self.pesan, jenis)


def cek(
    jawaban: object,
    harapan: object,
    toleransi: float = 0.0,
    petunjuk: str = "",
    *,
    toleransi_relatif: float = 1e-9,
    abaikan_urutan: bool = False,
    alias: Mapping[str, object] | Iterable[str] | None = None,
    jenis: str | None = None,
) -> Hasil:
    """Bandingkan ``jawaban`` peserta dengan ``harapan`` dan kembalikan ``Hasil``.

    - Angka: sama bila selisihnya paling banyak ``toleransi`` (mutlak, dalam satuan soal) atau
      ``toleransi_relatif`` (bagian dari nilainya). Salah tulis persen vs pecahan (23 vs 0,23),
      satuan ribu/juta/miliar, dan angka yang ditulis sebagai teks diberi petunjuk khusus.
      ``jenis`` ("jumlah", "desimal", "persen"; bawaan: "jumlah" bila ``harapan`` bilangan
      bulat, selain itu "desimal") menentukan bentuk yang disarankan: jumlah ditulis ``16``,
      bukan ``16,0`` atau ``16.0``.
    - Teks (misalnya nama desa, kunci layanan): huruf besar/kecil, spasi, garis bawah vs spasi,
      tanda baca, ``&`` vs "dan", awalan "Desa"/"Kecamatan"/"Kabupaten", keterangan tingkat
      dalam kurung, dan singkatan lembaga yang baku diabaikan (lihat ``p3pd.cek_teks``).
      ``alias`` menambah bentuk lain yang diterima: daftar teks untuk satu jawaban teks, atau
      kamus ``{jawaban_harapan: [bentuk lain, …]}``. Jawaban benar dalam bentuk lain mendapat
      catatan bentuk bakunya; jawaban yang hampir benar mendapat petunjuk yang menyebut bedanya.
    - Daftar/himpunan: urutan diabaikan untuk himpunan atau bila ``abaikan_urutan=True``.
    - pandas Series/DataFrame: nilai dibandingkan menurut label indeks (dan nama kolom, tanpa
      memedulikan urutan kolom); ``abaikan_urutan=True`` juga mengabaikan urutan baris.

    ``petunjuk`` ditampilkan bila jawaban belum tepat, kecuali bila nilainya sudah benar dan
    hanya bentuk tulisannya yang keliru (``"16"``, ``16,0``, ``"23,4"``) atau jawaban teksnya
    hampir benar: petunjuk khusus itu berdiri sendiri. Jawaban ``...`` atau ``None`` (juga
    daftar/tabel yang masih memuat ``...``) menghasilkan "Belum dijawab". Jawaban dari sel
    jawaban yang gagal dijalankan (``JawabanGagal``) tidak dinilai. Di Jupyter, bila sel yang
    dijalankan tepat sebelum sel pemeriksa tampak seperti sel jawaban tanpa baris
    ``jawaban_N = …`` (misalnya hanya ``28.9``), nilai lama ``jawaban_N`` tidak dinilai; bila
    ragu, nilai dinilai dengan catatan "(yang dinilai: jawaban_N = …)" (lihat
    ``p3pd.cek_riwayat``). Koma desimal (``99,4``
    terbaca sebagai dua nilai) dan titik ribuan (``33.449`` untuk 33449) diberi petunjuk
    khusus. Fungsi ini tidak menimbulkan pesan kesalahan karena jawaban peserta; ``jenis`` atau
    ``alias`` yang salah tulis (kekeliruan penulis notebook) menimbulkan ``ValueError``.
    """
    gagal = _jawaban_gagal(jawaban)
    if gagal is not None:
        return Hasil(SEL_GAGAL, gagal.pesan)
    riwayat = telaah(jawaban)
    if riwayat is not None and riwayat.basi:
        return Hasil(NILAI_LAMA, riwayat.teks)
    if _belum_dijawab(jawaban):
        return Hasil(BELUM_DIJAWAB)
    hasil = _nilai(
        jawaban, harapan, toleransi, petunjuk, toleransi_relatif, abaikan_urutan, alias, jenis
    )
    if riwayat is not None:
        return Hasil(hasil.status, hasil.petunjuk, riwayat.teks)
    return hasil


def _nilai(
    jawaban: object,
    harapan: object,
    toleransi: float,
    petunjuk: str,
    toleransi_relatif: float,
    abaikan_urutan: bool,
    alias: Mapping[str, object] | Iterable[str] | None,
    jenis: str | None,
) -> Hasil:
    """Penilaian ``cek`` untuk jawaban yang sudah terisi."""
    if jenis is not None and jenis not in JENIS_ANGKA:
        raise ValueError(f"jenis harus salah satu dari {', '.join(JENIS_ANGKA)}, bukan {jenis!r}.")
    aturan = _Aturan(
        float(toleransi),
        float(toleransi_relatif),
        bool(abaikan_urutan),
        siapkan_alias(alias, harapan),
        jenis,
    )
    try:
        cocok, khusus = _bandingkan(jawaban, harapan, aturan)
    except Exception:  # jawaban yang tidak dapat dibandingkan sama sekali
        cocok, khusus = (
            False,
            f"jawaban Anda berupa {_jenis(jawaban)}, soal meminta {_jenis(harapan)}.",
        )
    if cocok:
        return Hasil(BENAR, _kalimat(khusus) if khusus else "")
    if isinstance(khusus, _Mandiri):
        return Hasil(BELUM_TEPAT, _kalimat(khusus))
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
    alias: Alias
    jenis: str | None = None

    def jenis_angka(self, harapan: object) -> str:
        """Jenis jawaban angka: dari ``jenis`` atau dari tipe ``harapan``."""
        if self.jenis:
            return self.jenis
        return "jumlah" if isinstance(harapan, (int, np.integer)) else "desimal"


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
            koma = _petunjuk_koma(isi, float(harapan), a.jenis_angka(harapan), a)
            if koma:
                return False, koma
        return False, f"soal meminta satu nilai, jawaban Anda berisi {len(isi)} unsur."
    return _bandingkan_skalar(jawaban, harapan, a)


def _petunjuk_koma(isi: list, harapan: float, jenis: str, a: _Aturan) -> str:
    """Petunjuk untuk angka yang ditulis dengan koma (Python membacanya sebagai beberapa nilai).

    ``99,4`` menjadi ``(99, 4)``: koma desimal. ``33,449`` menjadi ``(33, 449)``: bila
    digabung sama dengan harapan, itu pemisah ribuan. Untuk soal jumlah, ``16,0`` berarti
    ``16``. Bila nilainya sudah benar, petunjuk ini berdiri sendiri.
    """
    if not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in isi):
        return ""
    bagian = [int(v) for v in isi]
    koma = "Di Python, koma memisahkan dua nilai."
    if all(0 <= v < 1000 for v in bagian[1:]):
        gabung = int(str(bagian[0]) + "".join(f"{v:03d}" for v in bagian[1:]))
        if _dekat(float(gabung), harapan, a):
            ditulis = ",".join([str(bagian[0])] + [f"{v:03d}" for v in bagian[1:]])
            return _Mandiri(
                f"angkanya sudah benar, tetapi hapus pemisah ribuan: tulis {gabung}, bukan "
                f"{ditulis}. {koma}"
            )
    if len(bagian) != 2 or bagian[1] < 0:
        return ""
    depan, belakang = bagian
    ditulis = f"{depan},{belakang}"
    if jenis == "jumlah":
        if belakang == 0 and _dekat(float(depan), harapan, a):
            return _Mandiri(
                "angkanya sudah benar, tetapi jumlah ditulis sebagai bilangan bulat: tulis "
                f"{depan}, bukan {ditulis}. {koma}"
            )
        return f"soal meminta jumlah: tulis satu bilangan bulat tanpa koma, bukan {ditulis}. {koma}"
    desimal = f"{depan}.{belakang}"
    saran = f"pakai titik untuk desimal: tulis {desimal}, bukan {ditulis}. {koma}"
    if _dekat(float(desimal), harapan, a):
        return _Mandiri(f"angkanya sudah benar, tetapi {saran}")
    return _nilai_pun_salah(saran, float(desimal), harapan, jenis, a)


def _nilai_pun_salah(saran: str, nilai: float, harapan: float, jenis: str, a: _Aturan) -> str:
    """Saran bentuk tulisan, lalu kabar bahwa nilainya (sesudah diperbaiki) pun belum tepat."""
    lain = _petunjuk_angka(nilai, harapan, jenis, a)
    teks = f"{_kalimat(saran)} Nilainya pun belum tepat"
    if not lain:
        return teks + "."
    gabung = f"{teks}: {lain}"
    return _Mandiri(gabung) if isinstance(lain, _Mandiri) else gabung


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
        return _bandingkan_angka(jawaban, float(harapan), a.jenis_angka(harapan), a)
    if isinstance(harapan, str):
        if not isinstance(jawaban, str):
            return False, _bukan_teks(jawaban, harapan, a)
        cocok, pesan = bandingkan_teks(jawaban, harapan, a.alias)
        return cocok, _Mandiri(pesan) if pesan and not cocok else pesan
    return bool(jawaban == harapan), ""


def _bukan_teks(jawaban: object, harapan: str, a: _Aturan) -> str:
    """Petunjuk untuk angka yang diminta sebagai teks (mis. kode sub-bidang ``"2.4"``)."""
    if _angka(jawaban) and not isinstance(jawaban, (bool, np.bool_)):
        for bentuk in dict.fromkeys((str(jawaban), f"{float(jawaban):g}")):
            if bandingkan_teks(bentuk, harapan, a.alias)[0]:
                return _Mandiri(
                    "nilainya sudah benar, tetapi soal meminta teks: tulis di antara tanda "
                    f'kutip, "{bentuk}".'
                )
    return 'soal meminta teks: tulis jawabannya di antara tanda kutip ("seperti ini").'


def _bandingkan_ya_tidak(jawaban: object, harapan: bool) -> tuple[bool, str]:
    if isinstance(jawaban, (bool, np.bool_)):
        return bool(jawaban) == harapan, ""
    if isinstance(jawaban, str):
        kata = normal_sederhana(jawaban)
        if kata in _YA | _TIDAK:
            return (kata in _YA) == harapan, ""
    return False, "soal meminta jawaban ya/tidak: tulis True atau False."


def _bandingkan_angka(jawaban: object, harapan: float, jenis: str, a: _Aturan) -> tuple[bool, str]:
    if isinstance(jawaban, str):
        return False, _angka_sebagai_teks(jawaban, harapan, jenis, a)
    if isinstance(jawaban, (bool, np.bool_)) or not _angka(jawaban):
        return False, f"soal meminta angka, jawaban Anda berupa {_jenis(jawaban)}."
    nilai = float(jawaban)
    if _dekat(nilai, harapan, a):
        return True, ""
    lain = _petunjuk_angka(nilai, harapan, jenis, a)
    if lain:
        return False, lain
    if jenis == "jumlah" and math.isfinite(nilai) and not nilai.is_integer():
        return False, "soal meminta jumlah: tulis bilangan bulat, tanpa angka di belakang titik."
    return False, ""


def _petunjuk_angka(nilai: float, harapan: float, jenis: str, a: _Aturan) -> str:
    """Petunjuk untuk angka yang salah tulis: titik ribuan, persen vs pecahan, satuan, tanda.

    Petunjuk salah tulis berdiri sendiri (``_Mandiri``); "sudah dekat" tidak, karena jawaban
    yang dekat bisa juga berasal dari parameter yang belum diubah.
    """
    if harapan == 0:
        return ""
    ribuan = _titik_ribuan(nilai, harapan, a)
    if ribuan:
        return _Mandiri(ribuan)
    if jenis != "jumlah":
        if _dekat(nilai * 100, harapan, a, skala=100):
            return _Mandiri("sepertinya Anda menulis pecahan; soal meminta persen (kalikan 100).")
        if _dekat(nilai / 100, harapan, a, skala=0.01):
            return _Mandiri("sepertinya Anda menulis persen; soal meminta pecahan (bagi 100).")
    for faktor, nama in ((1e3, "seribu"), (1e6, "sejuta"), (1e9, "semiliar")):
        if _dekat(nilai * faktor, harapan, a, skala=faktor) or _dekat(
            nilai / faktor, harapan, a, skala=1 / faktor
        ):
            return _Mandiri(f"periksa satuannya: jawaban Anda berbeda {nama} kali lipat.")
    if _dekat(-nilai, harapan, a):
        return _Mandiri("tanda positif/negatifnya terbalik.")
    bulat = jenis == "jumlah" and float(nilai).is_integer()
    if not bulat and abs(nilai - harapan) <= 0.02 * abs(harapan):
        return "sudah dekat; periksa pembulatan dan angka di belakang koma."
    return ""


_TEKS_ANGKA = re.compile(
    r"^\s*(?P<rp>rp\.?\s*)?(?P<angka>[-+]?\d[\d.,]*)\s*(?P<persen>%|persen\b)?"
    r"\s*(?P<kata>[^\W\d_][^\d]*)?$",
    re.IGNORECASE,
)


def _baca_angka(teks: str) -> tuple[list[tuple[float, str, str]], set[str]]:
    """Tafsiran angka yang ditulis sebagai teks: ``[(nilai, cara, bentuk_python)]`` dan cirinya.

    ``cara``: "" (angka biasa), "ribuan" (titik ribuan), "koma" (koma desimal), "ribuan_koma"
    (koma pemisah ribuan gaya Inggris), "ribuan+koma" (``1.500,75``). Tafsiran yang paling
    lazim di Indonesia lebih dulu. Ciri: "rp", "persen", "satuan" (kata sesudah angka).
    """
    m = _TEKS_ANGKA.match(teks)
    if not m:
        return [], set()
    ciri = {k for k in ("rp", "persen") if m[k]} | ({"satuan"} if m["kata"] else set())
    angka = m["angka"]
    tanda = r"[-+]?"
    calon: list[tuple[str, str]] = []  # (cara, bentuk python)
    if re.fullmatch(tanda + r"\d+", angka):
        calon = [("", angka)]
    elif re.fullmatch(tanda + r"\d{1,3}(\.\d{3})+", angka):
        calon = [("ribuan", angka.replace(".", ""))]
        if angka.count(".") == 1:
            calon.append(("", angka))
    elif re.fullmatch(tanda + r"\d+\.\d+", angka):
        calon = [("", angka)]
    elif re.fullmatch(tanda + r"\d+,\d+", angka):
        calon = [("koma", angka.replace(",", "."))]
        if re.fullmatch(tanda + r"\d{1,3},\d{3}", angka):
            calon.append(("ribuan_koma", angka.replace(",", "")))
    elif re.fullmatch(tanda + r"\d{1,3}(,\d{3})+(\.\d+)?", angka):
        calon = [("ribuan_koma", angka.replace(",", ""))]
    elif re.fullmatch(tanda + r"\d{1,3}(\.\d{3})+,\d+", angka):
        calon = [("ribuan+koma", angka.replace(".", "").replace(",", "."))]
    return [(float(b), c, b) for c, b in calon], ciri


def _angka_sebagai_teks(teks: str, harapan: float, jenis: str, a: _Aturan) -> str:
    """Petunjuk untuk angka yang ditulis sebagai teks (``"16"``, ``"23,4"``, ``"1.500"``)."""
    calon, ciri = _baca_angka(teks)
    if not calon:
        return (
            f'soal meminta angka: tulis angkanya saja, tanpa tanda kutip (bukan "{teks.strip()}").'
        )
    for nilai, cara, bentuk in calon:
        if _dekat(nilai, harapan, a):
            saran = _saran_angka(nilai, cara, bentuk, ciri, jenis)
            return _Mandiri(f"angkanya sudah benar, tetapi ditulis sebagai teks: {saran}.")
        if "persen" in ciri and _dekat(nilai / 100, harapan, a, skala=0.01):
            return _Mandiri(
                "angkanya sudah benar, tetapi soal meminta pecahan, bukan persen: tulis "
                f"{nilai / 100:.10g} tanpa tanda kutip dan tanpa tanda %."
            )
    nilai, cara, bentuk = calon[0]
    saran = _saran_angka(nilai, cara, bentuk, ciri, jenis)
    if not saran.startswith(f"tulis {teks.strip()} "):
        saran += f' (bukan "{teks.strip()}")'
    return _nilai_pun_salah(
        f"jawaban Anda ditulis sebagai teks: {saran}",
        nilai,
        harapan,
        jenis,
        a,
    )


def _saran_angka(nilai: float, cara: str, bentuk: str, ciri: set[str], jenis: str) -> str:
    """ "tulis 16 tanpa tanda kutip; hapus titik ribuan; …" untuk nilai yang dibaca dari teks."""
    if jenis == "jumlah" and nilai.is_integer():
        bentuk = str(int(nilai))
    tambahan = []
    if cara in ("ribuan", "ribuan+koma"):
        tambahan.append("hapus titik ribuan")
    if cara == "ribuan_koma":
        tambahan.append("hapus koma pemisah ribuan")
    if cara in ("koma", "ribuan+koma"):
        if jenis == "jumlah" and nilai.is_integer():
            tambahan.append("jumlah ditulis sebagai bilangan bulat, tanpa koma")
        else:
            tambahan.append("pakai titik sebagai tanda desimal")
    if "persen" in ciri:
        tambahan.append("tanpa tanda %")
    if "rp" in ciri:
        tambahan.append("tanpa Rp")
    if "satuan" in ciri:
        tambahan.append("tanpa kata satuan")
    return f"tulis {bentuk} tanpa tanda kutip" + "".join(f"; {t}" for t in tambahan)


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


def _sama_skalar(jawaban: object, harapan: object, a: _Aturan) -> bool:
    if isinstance(jawaban, str) and isinstance(harapan, str):
        return sama_teks(jawaban, harapan, a.alias)  # tanpa menyusun petunjuk "hampir benar"
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
        pasangan = [
            (j, h) for j, h in zip(jawaban, harapan, strict=True) if not _sama_skalar(j, h, a)
        ]
        if not pasangan:
            return True, ""
        if len(_sisa_tanpa_urutan(jawaban, harapan, a)[0]) == 0:
            return False, "isinya sudah benar, tetapi urutannya belum."
        teks = f"{len(pasangan)} dari {len(harapan)} unsur belum tepat."
        return False, _hampir_unsur(teks, pasangan, a)
    sisa_j, sisa_h = _sisa_tanpa_urutan(jawaban, harapan, a)
    if not sisa_j:
        return True, ""
    teks = f"{len(sisa_h)} dari {len(harapan)} unsur belum tepat."
    pasangan = []
    for j in sisa_j:
        dekat = next((h for h in sisa_h if _hampir_teks(j, h, a)), None)
        pasangan.append((j, dekat))
    return False, _hampir_unsur(teks, pasangan, a)


def _hampir_teks(jawaban: object, harapan: object, a: _Aturan) -> str:
    """Petunjuk "hampir benar" untuk satu unsur teks, atau kosong."""
    if not (isinstance(jawaban, str) and isinstance(harapan, str)):
        return ""
    cocok, pesan = bandingkan_teks(jawaban, harapan, a.alias)
    return "" if cocok else pesan


def _hampir_unsur(teks: str, pasangan: list[tuple[object, object]], a: _Aturan) -> str:
    """``teks`` ditambah petunjuk "hampir benar" untuk unsur salah yang pertama (bila ada).

    Bila setiap unsur yang salah hampir benar, petunjuknya berdiri sendiri.
    """
    pesan = [(j, _hampir_teks(j, h, a)) for j, h in pasangan]
    ada = [(j, p) for j, p in pesan if p]
    if not ada:
        return teks
    j, p = ada[0]
    gabung = f'{teks} Unsur "{j}": {p}'
    return _Mandiri(gabung) if len(ada) == len(pesan) else gabung


def _sisa_tanpa_urutan(jawaban: Sequence, harapan: Sequence, a: _Aturan) -> tuple[list, list]:
    """Unsur jawaban dan unsur harapan yang tidak berpasangan (tiap unsur dipakai sekali)."""
    sisa_j = list(jawaban)
    sisa_h = []
    for h in harapan:
        for i, j in enumerate(sisa_j):
            if _sama_skalar(j, h, a):
                del sisa_j[i]
                break
        else:
            sisa_h.append(h)
    return sisa_j, sisa_h


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
