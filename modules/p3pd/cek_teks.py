"""Membandingkan jawaban teks latihan dengan toleransi yang aman, untuk ``p3pd.cek``.

Dianggap sama (jawaban diterima):

- huruf besar/kecil, spasi berlebih, tanda kutip miring;
- garis bawah, tanda hubung, dan tanda baca lain sebagai pemisah kata (``jaminan sosial`` =
  ``jaminan_sosial``), ``&`` = ``dan``; tanda di antara angka tidak diabaikan (``1.3`` ≠ ``13``,
  ``1.3`` ≠ ``1,3``), jadi kode tetap harus persis;
- awalan wilayah di depan nama (``Desa``, ``Kecamatan``, ``Kabupaten`` …);
- keterangan tingkat pemerintahan di dalam kurung (``Disdukcapil`` = ``Disdukcapil (kabupaten)``),
  selama kedua sisi tidak menulis keterangan yang berbeda;
- singkatan nama lembaga yang baku (``SINGKATAN``: ``Disdukcapil`` = ``Dinas Kependudukan dan
  Pencatatan Sipil``) dan bentuk lain yang baku untuk nama yang sama (``FRASA_SETARA``:
  ``Sekretaris Camat`` = ``Sekretaris Kecamatan``, ``BUM Desa`` = ``BUMDes``);
- bentuk lain yang diberikan notebook (``alias``).

Jawaban yang hampir benar tetapi tidak diterima mendapat pesan yang menyebut bedanya ("hampir
benar: …"): kata tambahan, jawaban yang baru sebagian, ejaan satu kata, tanda pemisah angka, atau
nama tampilan sebagai ganti kode layanan/indikator. Pesan itu tidak menyebut jawaban harapan,
kecuali bila jawaban peserta sudah menunjuk hal yang sama dalam bentuk lain (nama vs kode).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

SINGKATAN: dict[str, str] = {
    "disdukcapil": "dinas kependudukan dan pencatatan sipil",
    "dukcapil": "kependudukan dan pencatatan sipil",
    "dinkes": "dinas kesehatan",
    "dinsos": "dinas sosial",
    "disdik": "dinas pendidikan",
    "dindik": "dinas pendidikan",
    "dpmd": "dinas pemberdayaan masyarakat dan desa",
    "pmd": "pemberdayaan masyarakat dan desa",
    "pupr": "pekerjaan umum dan penataan ruang",
    "perkim": "perumahan dan kawasan permukiman",
    "bappeda": "badan perencanaan pembangunan daerah",
    "bpd": "badan permusyawaratan desa",
    "upt": "unit pelaksana teknis",
    "bumdes": "badan usaha milik desa",
    "bumdesa": "badan usaha milik desa",
    "puskesmas": "pusat kesehatan masyarakat",
    "sekcam": "sekretaris kecamatan",
}
"""Singkatan nama lembaga pemerintahan yang baku → kepanjangannya (huruf kecil).

Hanya singkatan yang artinya tunggal di materi ini. "KUA" sengaja tidak ada: di kalender
perencanaan artinya Kebijakan Umum APBD ("KUA-PPAS"), bukan Kantor Urusan Agama. "BPD" di
tingkat desa berarti Badan Permusyawaratan Desa (bukan Bank Pembangunan Daerah).
"""

FRASA_SETARA: dict[tuple[str, ...], tuple[str, ...]] = {
    ("sekretaris", "camat"): ("sekretaris", "kecamatan"),
    ("perumahan", "rakyat", "dan", "kawasan", "permukiman"): (
        "perumahan",
        "dan",
        "kawasan",
        "permukiman",
    ),
    ("pemberdayaan", "masyarakat", "desa"): ("pemberdayaan", "masyarakat", "dan", "desa"),
    ("bum", "desa"): ("badan", "usaha", "milik", "desa"),
}
"""Bentuk lain yang baku untuk nama yang sama → bentuk yang dipakai membandingkan.

"Sekretaris Camat" = "Sekretaris Kecamatan" (Sekcam); "Perumahan Rakyat dan Kawasan
Permukiman" (nama urusan, UU 23/2014) = kepanjangan "Perkim"; "Pemberdayaan Masyarakat Desa"
= "Pemberdayaan Masyarakat dan Desa" (PMD); "BUM Desa" (bentuk resmi sejak UU 11/2020 dan
PP 11/2021) = "Badan Usaha Milik Desa" (BUMDes).
"""

AWALAN_WILAYAH = frozenset(
    {"desa", "kelurahan", "kecamatan", "kec", "kabupaten", "kab", "provinsi"}
)
"""Kata awalan wilayah yang boleh ada atau tidak di depan nama."""

KATA_TINGKAT = frozenset(
    {"desa", "kelurahan", "kecamatan", "kec", "kabupaten", "kab", "kota", "provinsi", "pusat"}
)
"""Keterangan tingkat di dalam kurung yang boleh ditulis atau tidak: "(kabupaten)"."""

_KATA = re.compile(r"\d+(?:[.,:/-]\d+)+|[^\W_]+")
_KURUNG = re.compile(r"\(([^()]*)\)")
_PEMISAH_ANGKA = re.compile(r"[.,:/-]")

_FRASA_URUT = sorted(FRASA_SETARA, key=len, reverse=True)

Alias = dict[str, frozenset[tuple[str, ...]]]
"""Bentuk ternormal jawaban harapan → bentuk ternormal lain yang juga diterima."""


def normal_sederhana(teks: str) -> str:
    """Huruf kecil, spasi tunggal, tanda kutip miring menjadi lurus (aturan lama yang paling ketat)."""
    teks = unicodedata.normalize("NFKC", teks).casefold()
    teks = teks.replace("’", "'").replace("‘", "'")
    return " ".join(teks.split())


@lru_cache(maxsize=4096)
def _kata(teks: str) -> tuple[str, ...]:
    """Kata-kata ``teks``: huruf kecil, tanda baca sebagai pemisah, singkatan dibuka."""
    teks = normal_sederhana(teks).replace("&", " dan ")
    hasil: list[str] = []
    for kata in _KATA.findall(teks):
        hasil += SINGKATAN.get(kata, kata).split()
    hasil = _setarakan(hasil)
    if len(hasil) > 1 and hasil[0] in AWALAN_WILAYAH:
        hasil = hasil[1:]
    return tuple(hasil)


def _setarakan(kata: list[str]) -> list[str]:
    """Ganti setiap frasa ``FRASA_SETARA`` (yang terpanjang lebih dulu) dengan bentuk bandingnya."""
    hasil: list[str] = []
    i = 0
    while i < len(kata):
        for frasa in _FRASA_URUT:
            if tuple(kata[i : i + len(frasa)]) == frasa:
                hasil += FRASA_SETARA[frasa]
                i += len(frasa)
                break
        else:
            hasil.append(kata[i])
            i += 1
    return hasil


def _pisah_tingkat(teks: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(kata tanpa keterangan tingkat dalam kurung, kata keterangan tingkatnya)."""
    tingkat: list[str] = []

    def buang(m: re.Match[str]) -> str:
        isi = _kata(m.group(1))
        if isi and set(isi) <= KATA_TINGKAT:
            tingkat.extend(isi)
            return " "
        return m.group(0)

    inti = _KURUNG.sub(buang, normal_sederhana(teks))
    return _kata(inti), tuple(tingkat)


def siapkan_alias(alias: Mapping[str, object] | Iterable[str] | None, harapan: object) -> Alias:
    """Ubah ``alias`` dari notebook menjadi ``Alias``.

    ``alias`` berupa daftar teks (bentuk lain untuk jawaban harapan ``harapan`` yang berupa satu
    teks) atau kamus ``{jawaban_harapan: bentuk_lain atau [bentuk_lain, …]}`` (untuk daftar,
    Series, atau tabel). Salah pakai menimbulkan ``ValueError`` (kekeliruan penulis notebook,
    bukan peserta).
    """
    if alias is None:
        return {}
    if isinstance(alias, str):
        alias = [alias]
    if not isinstance(alias, Mapping):
        if not isinstance(harapan, str):
            raise ValueError(
                "alias berupa daftar hanya untuk jawaban harapan satu teks; untuk daftar atau "
                'tabel tulis kamus {"jawaban_harapan": ["bentuk lain", …]}.'
            )
        alias = {harapan: list(alias)}
    hasil: dict[str, set[tuple[str, ...]]] = {}
    for kunci, lain in alias.items():
        daftar = [lain] if isinstance(lain, str) else list(lain)  # type: ignore[call-overload]
        if not all(isinstance(x, str) for x in daftar) or not isinstance(kunci, str):
            raise ValueError("alias hanya berisi teks: {jawaban_harapan: [bentuk lain, …]}.")
        hasil.setdefault(" ".join(_kata(kunci)), set()).update(_kata(x) for x in daftar)
    return {k: frozenset(v) for k, v in hasil.items()}


def sama_teks(jawaban: str, harapan: str, alias: Alias | None = None) -> bool:
    """Apakah ``jawaban`` diterima sebagai ``harapan`` (aturan di awal modul ini)."""
    j, h = _kata(jawaban), _kata(harapan)
    if not j and not h:
        return normal_sederhana(jawaban) == normal_sederhana(harapan)
    if j == h:
        return True
    (j_inti, j_tingkat), (h_inti, h_tingkat) = _pisah_tingkat(jawaban), _pisah_tingkat(harapan)
    if j_inti and j_inti == h_inti and not (j_tingkat and h_tingkat):
        return True
    lain = (alias or {}).get(" ".join(h), frozenset())
    return j in lain or bool(j_inti and j_inti in lain)


def bandingkan_teks(jawaban: str, harapan: str, alias: Alias | None = None) -> tuple[bool, str]:
    """Bandingkan dua teks; kembalikan ``(diterima, pesan)``.

    Bila diterima, ``pesan`` berisi catatan bentuk baku (kosong bila hanya berbeda huruf
    besar/kecil, spasi, atau awalan wilayah). Bila tidak diterima, ``pesan`` adalah petunjuk
    "hampir benar: …" untuk jawaban yang dekat, atau kosong.
    """
    if sama_teks(jawaban, harapan, alias):
        return True, _catatan(jawaban, harapan)
    j, h = _kata(jawaban), _kata(harapan)
    pesan = _hampir(jawaban, harapan, j, h, _pisah_tingkat(jawaban), _pisah_tingkat(harapan))
    if not pesan:
        # dekat dengan bentuk lain yang diterima (mis. "akhir Septmber" untuk alias
        # "akhir September"): petunjuk ejaan atau kata yang tidak diminta tetap berguna
        for lain in sorted((alias or {}).get(" ".join(h), frozenset())):
            teks = " ".join(lain)
            pesan = _hampir(jawaban, teks, j, lain, _pisah_tingkat(jawaban), (lain, ()))
            if pesan:
                break
    return False, pesan


def _catatan(jawaban: str, harapan: str) -> str:
    j, h = normal_sederhana(jawaban), normal_sederhana(harapan)
    if j == h:
        return ""
    lepas = [
        re.sub(r"^(desa|kelurahan|kecamatan|kec\.|kabupaten|kab\.|provinsi)\s+", "", x)
        for x in (j, h)
    ]
    if lepas[0] == lepas[1]:
        return ""
    return f'bentuk bakunya: "{harapan.strip()}".'


def _hampir(
    jawaban: str,
    harapan: str,
    j: tuple[str, ...],
    h: tuple[str, ...],
    jt: tuple[tuple[str, ...], tuple[str, ...]],
    ht: tuple[tuple[str, ...], tuple[str, ...]],
) -> str:
    if jt[0] == ht[0] and jt[1] and ht[1]:
        return (
            f'hampir benar: namanya sudah tepat, tetapi keterangan "({" ".join(jt[1])})" di '
            "dalam kurung belum tepat."
        )
    angka = _beda_pemisah_angka(j, h)
    if angka:
        return angka
    bentuk = _bentuk_lain(jawaban, harapan)
    if bentuk:
        return bentuk
    if len(j) > len(h) and _memuat(j, h):
        lebih = _sisa(j, h)
        if len(lebih) > 3:
            return (
                "jawaban Anda memuat yang diminta, tetapi juga banyak kata lain; tulis hanya "
                "yang diminta, seperti di tabel."
            )
        return (
            f"hampir benar: hapus kata yang tidak diminta ({_daftar_kata(lebih, jawaban)}); "
            "bagian lainnya sudah tepat."
        )
    if len(j) < len(h) and _memuat(h, j):
        awal = "hampir benar, tetapi baru" if 2 * len(j) >= len(h) else "jawaban Anda baru"
        return f"{awal} sebagian dari yang diminta; salin lengkap dari tabel."
    if "".join(j) == "".join(h):
        return "hampir benar: hurufnya sudah sama, tetapi spasi di antara katanya berbeda."
    beda = _salah_ketik(j, h)
    if beda:
        apa = "angka" if any(c.isdigit() for k in beda for c in k) else "ejaan"
        return (
            f"hampir benar: periksa {apa} {_daftar_kata(beda, jawaban)}; salin persis dari tabel."
        )
    ejaan = _salah_eja_saja(j, h)
    if ejaan:
        return (
            f"hampir benar: periksa ejaan {_daftar_kata(ejaan, jawaban)}; salin persis dari tabel."
        )
    if len(j) == len(h):
        return ""
    if (
        difflib.SequenceMatcher(None, normal_sederhana(jawaban), normal_sederhana(harapan)).ratio()
        >= 0.8
    ):
        return "sudah mirip; periksa ejaannya dan salin persis dari tabel."
    return ""


def _beda_pemisah_angka(j: tuple[str, ...], h: tuple[str, ...]) -> str:
    """Petunjuk bila angka-angkanya sama tetapi tanda pemisahnya berbeda (``1,3`` untuk ``1.3``)."""
    if not any(any(c.isdigit() for c in k) for k in h):
        return ""
    tanpa = [tuple(_PEMISAH_ANGKA.sub("", k) for k in x) for x in (j, h)]
    if tanpa[0] != tanpa[1]:
        gabung = ["".join(_PEMISAH_ANGKA.sub("", k) for k in x) for x in (j, h)]
        if gabung[0] != gabung[1]:
            return ""
    pemisah_h = sorted(set(_PEMISAH_ANGKA.findall(" ".join(h))))
    pemisah_j = sorted(set(_PEMISAH_ANGKA.findall(" ".join(j))))
    if pemisah_h and pemisah_j and pemisah_h != pemisah_j:
        return (
            f'hampir benar: angkanya sudah tepat, tetapi tanda pemisahnya "{pemisah_j[0]}"; di '
            f'tabel dipakai "{pemisah_h[0]}". Salin persis dari tabel.'
        )
    return (
        "hampir benar: angkanya sudah tepat, tetapi tanda pemisah di antara angkanya belum sama "
        "dengan di tabel. Salin persis dari tabel."
    )


@lru_cache(maxsize=1)
def _bentuk_dikenal() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(kata nama tampilan, kode, jenis kode) untuk layanan dan indikator."""
    hasil = []
    try:
        from p3pd import indikator, skema

        for kode, nama in skema.LAYANAN.items():
            hasil.append((_kata(nama), kode, "kunci layanan"))
        tabel = indikator.daftar_indikator()
        for kode, nama in zip(tabel["kode"], tabel["indikator"], strict=True):
            hasil.append((_kata(nama), kode, "kode indikator"))
    except Exception:  # daftar rujukan tidak wajib ada untuk memeriksa jawaban
        return ()
    return tuple(hasil)


def _bentuk_lain(jawaban: str, harapan: str) -> str:
    """Nama tampilan ditulis sebagai ganti kode (atau sebaliknya) untuk hal yang sama."""
    j, h = _kata(jawaban), _kata(harapan)
    for kata, kode, jenis in _bentuk_dikenal():
        if j == kata and h == _kata(kode):
            return (
                f'hampir benar: "{jawaban.strip()}" adalah nama tampilannya; yang diminta '
                f'{jenis}, seperti di tabel: "{harapan.strip()}".'
            )
        if j == _kata(kode) and h == kata:
            return (
                f'hampir benar: "{jawaban.strip()}" adalah {jenis}; yang diminta nama '
                f'tampilannya, seperti di tabel: "{harapan.strip()}".'
            )
    return ""


def _memuat(besar: tuple[str, ...], kecil: tuple[str, ...]) -> bool:
    n = len(kecil)
    return n > 0 and any(besar[i : i + n] == kecil for i in range(len(besar) - n + 1))


def _sisa(besar: tuple[str, ...], kecil: tuple[str, ...]) -> list[str]:
    n = len(kecil)
    for i in range(len(besar) - n + 1):
        if besar[i : i + n] == kecil:
            return list(besar[:i] + besar[i + n :])
    return []


def _salah_ketik(j: tuple[str, ...], h: tuple[str, ...]) -> list[str]:
    """Kata jawaban yang salah ketik: kata lain sama, tiap kata yang berbeda mirip pasangannya."""
    if len(j) != len(h):
        return []
    beda = [(a, b) for a, b in zip(j, h, strict=True) if a != b]
    if len(beda) > max(1, len(h) // 2):
        return []
    if all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.6 for a, b in beda):
        return [a for a, _ in beda]
    return []


def _salah_eja_saja(j: tuple[str, ...], h: tuple[str, ...]) -> list[str]:
    """Kata jawaban yang salah eja bila setiap kata lain ada di harapan (panjang boleh berbeda).

    ``("septmber",)`` untuk ``("akhir", "september")``: jawaban baru sebagian dan salah eja.
    Kata berangka tidak dihitung (kode harus persis; lihat ``_beda_pemisah_angka``).
    """
    salah = []
    for kata in j:
        if kata in h:
            continue
        if any(c.isdigit() for c in kata):
            return []
        mirip = difflib.get_close_matches(kata, [k for k in h if k not in j], n=1, cutoff=0.75)
        if not mirip:
            return []
        salah.append(kata)
    return salah


def _daftar_kata(kata: list[str], jawaban: str) -> str:
    """Kata-kata dalam tanda kutip, sedapat mungkin dengan ejaan asli di jawaban peserta."""
    asli = []
    for k in dict.fromkeys(kata):
        cocok = re.search(re.escape(k), unicodedata.normalize("NFKC", jawaban), re.IGNORECASE)
        asli.append(f'"{cocok.group(0) if cocok else k}"')
    return ", ".join(asli)
