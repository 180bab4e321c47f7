"""Wilayah seluruh Indonesia: kode dan nama provinsi sampai desa/kelurahan, dan pencocokan nama.

Daftar nasional (38 provinsi, 514 kabupaten/kota, 7.285 kecamatan, 83.762 desa/kelurahan) ada
di ``referensi/nasional/`` (sumber dan lisensi: ``referensi/nasional/README.md``). Berkasnya
baru dibaca saat pertama kali diperlukan, lalu disimpan di memori; mengimpor modul ini tidak
membaca apa pun.

- :func:`wilayah` — satu wilayah menurut kodenya (``'33.22.01.2001'`` → desa, kecamatan, …).
- :func:`daftar` — tabel satu tingkat, boleh disaring menurut induknya.
- :func:`cari` — satu wilayah menurut nama atau kode; gagal → pesan dengan usulan.
- :func:`cocokkan` — banyak nama sekaligus (mis. kolom nama desa sebuah berkas) → kode,
  dengan cara cocoknya dan daftar yang tidak cocok beserta usulan.

Pencocokan nama tidak peka huruf besar/kecil, spasi, tanda baca, dan awalan ("KEC.",
"Kecamatan", "DESA", "Kel.", "Kab."), serta menyamakan ejaan lama (dj/j, tj/c, oe/u, nj/ny,
sj/sy, ch/kh). Nama yang hanya mirip (salah ketik kecil) dicocokkan dengan ``difflib`` bila
cukup dekat dan jelas lebih dekat daripada calon lain; hasilnya ditandai ``'mirip'`` agar
diperiksa.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from p3pd.galat import WilayahTidakDikenal
from p3pd.lokasi import folder_referensi

__all__ = [
    "TINGKAT",
    "WilayahNasional",
    "HasilCocok",
    "wilayah",
    "rantai",
    "daftar",
    "jumlah",
    "kunci_nama",
    "cari",
    "cocokkan",
    "lengkapi_daftar_desa",
    "isi_induk_kosong",
    "baris_daftar_desa",
]

TINGKAT = ("provinsi", "kabupaten", "kecamatan", "desa")
"""Tingkat wilayah, dari atas ke bawah (``desa`` = desa dan kelurahan)."""

_PANJANG_KODE = {"provinsi": 2, "kabupaten": 5, "kecamatan": 8, "desa": 13}
_TINGKAT_MENURUT_PANJANG = {v: k for k, v in _PANJANG_KODE.items()}
_INDUK = {"kabupaten": "provinsi", "kecamatan": "kabupaten", "desa": "kecamatan"}

# Awalan yang dibuang dari nama sebelum dicocokkan (urutan penting: yang panjang dulu).
_AWALAN = {
    "provinsi": ("provinsi", "prov"),
    "kabupaten": ("kabupaten", "kab", "kotamadya", "kodya", "kota"),
    "kecamatan": ("kecamatan", "kec", "distrik"),
    "desa": ("desa adat", "desa", "kelurahan", "kel", "ds"),
}

# Ejaan lama dan variasi yang lazim → ejaan baku (diterapkan pada kedua sisi).
_EJAAN = (("dj", "j"), ("tj", "c"), ("oe", "u"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"))

# Singkatan dan nama lain provinsi yang lazim (kunci nama → kode provinsi).
_SINGKATAN_PROVINSI = {
    "nad": "11", "nanggroeacehdarussalam": "11", "sumut": "12", "sumbar": "13", "sumsel": "16",
    "babel": "19", "bangkabelitung": "19", "kepri": "21", "dki": "31", "dkijakarta": "31",
    "jakarta": "31", "jabar": "32", "jateng": "33", "diy": "34", "yogyakarta": "34",
    "jogja": "34", "jogjakarta": "34", "jatim": "35", "ntb": "52", "ntt": "53", "kalbar": "61",
    "kalteng": "62", "kalsel": "63", "kaltim": "64", "kaltara": "65", "sulut": "71",
    "sulteng": "72", "sulsel": "73", "sultra": "74", "sulbar": "76", "malut": "82",
    "pabar": "92", "pbd": "96",
}  # fmt: skip

SUMBER_DAFTAR = (
    "daftar wilayah nasional idn-area-data 4.0.1 (Fityan; Kepmendagri kode wilayah 2025), ODbL 1.0"
)
"""Sebutan sumber daftar ini untuk label data (``SUMBER_DATA.yaml``) yang memakainya."""

PEMBERITAHUAN_ODBL = (
    "Berisi informasi dari idn-area-data (Fityan), yang tersedia di bawah Open Database "
    "License (ODbL)."
)
"""Pemberitahuan lisensi yang wajib menyertai hasil pakai daftar ini (referensi/nasional/README.md)."""

BATAS_MIRIP = 0.85
"""Kemiripan (``difflib``) terkecil agar nama yang tidak sama persis tetap dicocokkan."""

BATAS_USULAN = 0.6
"""Kemiripan terkecil agar sebuah nama disebut sebagai usulan untuk nama yang tidak cocok."""


@dataclass(frozen=True)
class WilayahNasional:
    """Satu wilayah: kode Kemendagri, nama, tingkat, dan jenis (kota, kelurahan, desa adat, …)."""

    kode: str
    nama: str
    tingkat: str
    jenis: str

    @property
    def kode_induk(self) -> str | None:
        """Kode wilayah satu tingkat di atasnya (``None`` untuk provinsi)."""
        induk = _INDUK.get(self.tingkat)
        return self.kode[: _PANJANG_KODE[induk]] if induk else None


# --------------------------------------------------------------------------- berkas


@cache
def _tabel(tingkat: str) -> pd.DataFrame:
    """Tabel satu tingkat (kode, nama), dibaca sekali dari ``referensi/nasional``."""
    berkas = folder_referensi() / "nasional" / f"{tingkat}.csv.gz"
    tabel = pd.read_csv(berkas, dtype=str, keep_default_na=False, encoding="utf-8")
    tabel["kode_induk"] = tabel["kode"].str[: _PANJANG_KODE.get(_INDUK.get(tingkat, ""), 0)]
    # Urut kode: wilayah satu induk menjadi satu potongan berurutan (lihat :func:`daftar`).
    return tabel.sort_values("kode", ignore_index=True)


@cache
def _kode_urut(tingkat: str) -> np.ndarray:
    """Kode wilayah satu tingkat sebagai larik teks urut (untuk pencarian biner)."""
    return _tabel(tingkat)["kode"].to_numpy(dtype=str)


@cache
def _nama_menurut_kode(tingkat: str) -> dict[str, str]:
    tabel = _tabel(tingkat)
    return dict(zip(tabel["kode"], tabel["nama"], strict=True))


@cache
def _kunci_menurut_induk(tingkat: str) -> dict[str, dict[str, list[str]]]:
    """Per kode induk: kunci nama → kode-kode wilayah (lebih dari satu bila namanya kembar)."""
    tabel = _tabel(tingkat)
    hasil: dict[str, dict[str, list[str]]] = {}
    for kode, nama, induk in zip(tabel["kode"], tabel["nama"], tabel["kode_induk"], strict=True):
        hasil.setdefault(induk, {}).setdefault(kunci_nama(nama, tingkat), []).append(kode)
    return hasil


def _jenis(kode: str, tingkat: str, nama: str) -> str:
    if tingkat == "kabupaten":
        return "kota" if int(kode[3:5]) >= 71 else "kabupaten"
    if tingkat == "desa":
        return {"1": "kelurahan", "2": "desa", "3": "desa adat"}.get(kode[9], "desa")
    return tingkat


def _buat(kode: str, tingkat: str) -> WilayahNasional:
    nama = _nama_menurut_kode(tingkat)[kode]
    return WilayahNasional(kode, nama, tingkat, _jenis(kode, tingkat, nama))


# --------------------------------------------------------------------------- kode


def _tingkat_kode(kode: str) -> str:
    tingkat = _TINGKAT_MENURUT_PANJANG.get(len(kode))
    if tingkat is None:
        raise WilayahTidakDikenal(f"'{kode}' bukan kode wilayah Kemendagri.")
    return tingkat


def _baku(kode: str | int) -> str:
    from p3pd.wilayah import KodeTidakValid, normalisasi_kode

    try:
        return normalisasi_kode(kode)
    except KodeTidakValid as galat:
        raise WilayahTidakDikenal(str(galat)) from None


def wilayah(kode: str | int) -> WilayahNasional:
    """Wilayah dengan kode Kemendagri ``kode`` (bertitik atau tanpa titik), tingkat mana pun.

    Kode yang bentuknya sah tetapi tidak ada di daftar nasional menimbulkan
    ``WilayahTidakDikenal`` yang menyebut induk terdekat yang ada.
    """
    baku = _baku(kode)
    tingkat = _tingkat_kode(baku)
    if baku in _nama_menurut_kode(tingkat):
        return _buat(baku, tingkat)
    pesan = f"Kode {tingkat} '{baku}' tidak ada di daftar wilayah nasional."
    for atas in reversed(TINGKAT[: TINGKAT.index(tingkat)]):
        awalan = baku[: _PANJANG_KODE[atas]]
        if awalan in _nama_menurut_kode(atas):
            pesan += f" {atas.capitalize()} {awalan} ({_nama_menurut_kode(atas)[awalan]}) ada."
            break
    raise WilayahTidakDikenal(pesan)


def rantai(kode: str | int) -> list[WilayahNasional]:
    """Wilayah ``kode`` beserta semua induknya, dari provinsi turun sampai wilayah itu sendiri."""
    akhir = wilayah(kode)
    hasil = []
    for tingkat in TINGKAT[: TINGKAT.index(akhir.tingkat) + 1]:
        hasil.append(wilayah(akhir.kode[: _PANJANG_KODE[tingkat]]))
    return hasil


def daftar(tingkat: str, induk: str | int | None = None) -> pd.DataFrame:
    """Tabel wilayah satu tingkat (kolom ``kode``, ``nama``, ``jenis``), boleh disaring induknya.

    ``induk`` kode wilayah di tingkat mana pun di atasnya (mis. ``'33.22'`` untuk semua kecamatan
    atau desa Kabupaten Semarang). Tabel hasil adalah salinan.
    """
    _periksa_tingkat(tingkat)
    tabel = _tabel(tingkat)
    if induk is not None:
        # Kode urut, jadi anak-anak satu induk berurutan: cari batasnya (dua pencarian biner),
        # tidak menyaring 83.000 kode desa setiap kali (dipanggil sekali per kecamatan).
        awalan = _baku(induk)
        kode = _kode_urut(tingkat)
        mulai, akhir = np.searchsorted(kode, [awalan + ".", awalan + "/"])
        tabel = tabel.iloc[mulai:akhir]
    hasil = tabel[["kode", "nama"]].reset_index(drop=True).copy()
    hasil["jenis"] = [
        _jenis(k, tingkat, n) for k, n in zip(hasil["kode"], hasil["nama"], strict=True)
    ]
    return hasil


def jumlah() -> dict[str, int]:
    """Jumlah wilayah per tingkat di daftar nasional (juga desa, kelurahan, desa adat terpisah)."""
    hasil = {t: len(_tabel(t)) for t in TINGKAT}
    digit = _tabel("desa")["kode"].str[9]
    hasil["desa_saja"] = int((digit == "2").sum())
    hasil["kelurahan"] = int((digit == "1").sum())
    hasil["desa_adat"] = int((digit == "3").sum())
    return hasil


def _periksa_tingkat(tingkat: str) -> None:
    if tingkat not in TINGKAT:
        raise ValueError(f"Tingkat '{tingkat}' tidak dikenal. Pilihan: {', '.join(TINGKAT)}.")


# --------------------------------------------------------------------------- nama


def kunci_nama(teks: object, tingkat: str) -> str:
    """Kunci pencocokan nama: tanpa awalan tingkat, tanda baca, spasi; huruf kecil; ejaan baku.

    ``kunci_nama('KEC. BIRU-BIRU', 'kecamatan') == kunci_nama('Biru Biru', 'kecamatan')``.
    """
    t = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode("ascii")
    t = " ".join(re.sub(r"[^0-9a-z]+", " ", t.lower()).split())
    for awalan in _AWALAN.get(tingkat, ()):
        if t.startswith(awalan + " ") and len(t) > len(awalan) + 1:
            t = t[len(awalan) + 1 :]
            break
    t = t.replace(" ", "")
    for lama, baru in _EJAAN:
        t = t.replace(lama, baru)
    return t


def _jenis_dari_awalan(teks: str) -> str | None:
    t = str(teks).strip().lower()
    if re.match(r"kota(madya)?\b|kodya\b", t):
        return "kota"
    if re.match(r"kab(upaten)?\b", t):
        return "kabupaten"
    return None


def _calon(tingkat: str, induk: str | None) -> dict[str, list[str]]:
    """Kunci nama → kode, untuk semua wilayah ``tingkat`` di bawah ``induk`` (kode, boleh kosong)."""
    per_induk = _kunci_menurut_induk(tingkat)
    if induk is not None and len(induk) == _PANJANG_KODE[_INDUK[tingkat]]:
        return per_induk.get(induk, {})
    hasil: dict[str, list[str]] = {}
    for kode_induk, peta in per_induk.items():
        if induk is None or kode_induk.startswith(induk):
            for k, v in peta.items():
                hasil.setdefault(k, []).extend(v)
    return hasil


@dataclass
class _Satu:
    kode: str | None
    cara: str
    usulan: list[str]


def _cocokkan_satu(teks: str, tingkat: str, induk: str | None) -> _Satu:
    kunci = kunci_nama(teks, tingkat)
    calon = _calon(tingkat, induk)
    if not kunci:
        return _Satu(None, "kosong", [])
    kode = calon.get(kunci)
    if kode is None and tingkat == "provinsi" and kunci in _SINGKATAN_PROVINSI:
        kode = [_SINGKATAN_PROVINSI[kunci]]
    cara = "sama"
    if kode is not None:
        nama_asli = " ".join(str(teks).split()).lower()
        if any(_nama_menurut_kode(tingkat)[k].lower() != nama_asli for k in kode):
            cara = "ejaan"  # sama setelah awalan/huruf/tanda baca/ejaan diseragamkan
    else:
        skor = sorted(
            ((difflib.SequenceMatcher(None, kunci, k).ratio(), k) for k in calon),
            reverse=True,
        )[:4]
        if (
            skor
            and skor[0][0] >= BATAS_MIRIP
            and (len(skor) == 1 or skor[1][0] < skor[0][0] - 0.05)
        ):
            kode, cara = calon[skor[0][1]], "mirip"
        else:
            usulan = [
                f"{_nama_menurut_kode(tingkat)[k]} ({k})"
                for s, kk in skor
                if s >= BATAS_USULAN
                for k in calon[kk]
            ]
            return _Satu(None, "tidak cocok", usulan[:3])
    if tingkat == "kabupaten" and len(kode) > 1:
        jenis = _jenis_dari_awalan(teks)
        if jenis is not None:
            kode = [k for k in kode if _jenis(k, tingkat, "") == jenis] or kode
    if len(kode) > 1:
        return _Satu(None, "ganda", [f"{_nama_menurut_kode(tingkat)[k]} ({k})" for k in kode])
    return _Satu(kode[0], cara, [])


@dataclass
class HasilCocok:
    """Hasil :func:`cocokkan`: satu baris per nama masukan, dalam urutan masukan.

    Kolom ``tabel``: ``nama_asli``, ``induk`` (kode induk yang dipakai, boleh kosong), ``kode``
    dan ``nama_baku`` (kosong bila tidak cocok), ``cara`` (``'sama'``, ``'ejaan'`` — sama setelah
    awalan, huruf, tanda baca, dan ejaan lama diseragamkan —, ``'mirip'`` — salah ketik kecil,
    periksa —, ``'kode'``, ``'tidak cocok'``, ``'ganda'``, ``'kosong'``), dan ``usulan`` (nama
    dan kode terdekat bila tidak cocok atau ganda).
    """

    tingkat: str
    tabel: pd.DataFrame

    @property
    def kode(self) -> pd.Series:
        """Kode hasil per baris masukan (kosong bila tidak cocok)."""
        return self.tabel["kode"]

    @property
    def tidak_cocok(self) -> pd.DataFrame:
        """Baris yang tidak mendapat kode (tidak cocok, ganda, atau kosong)."""
        return self.tabel[self.tabel["kode"].isna()]

    @property
    def perlu_diperiksa(self) -> pd.DataFrame:
        """Baris yang dicocokkan karena mirip (salah ketik kecil), bukan karena sama."""
        return self.tabel[self.tabel["cara"] == "mirip"]

    def laporan(self, batas: int = 10) -> str:
        """Ringkasan berbahasa Indonesia: berapa yang cocok, dan nama yang tidak cocok/mirip."""
        t = self.tabel
        n_cocok = int(t["kode"].notna().sum())
        baris = [f"{n_cocok} dari {len(t)} nama {self.tingkat} mendapat kode."]
        mirip = self.perlu_diperiksa
        if len(mirip):
            baris.append(f"{len(mirip)} nama dicocokkan karena mirip (periksa):")
            for r in mirip.head(batas).itertuples():
                baris.append(f"  - '{r.nama_asli}' → {r.nama_baku} ({r.kode})")
        gagal = self.tidak_cocok
        if len(gagal):
            baris.append(f"{len(gagal)} nama tidak mendapat kode:")
            for r in gagal.head(batas).itertuples():
                alasan = {
                    "ganda": "ada lebih dari satu wilayah bernama ini; pakai kode",
                    "kosong": "nama kosong",
                }.get(r.cara, "tidak ditemukan")
                usul = f"; mungkin: {', '.join(r.usulan)}" if r.usulan else ""
                di = f" di {r.induk}" if r.induk else ""
                baris.append(f"  - '{r.nama_asli}'{di}: {alasan}{usul}")
            if len(gagal) > batas:
                baris.append(f"  … dan {len(gagal) - batas} nama lain.")
        return "\n".join(baris)


def _mirip_kode(teks: str) -> bool:
    return bool(re.fullmatch(r"[\d.\s'\"]+", str(teks))) and any(c.isdigit() for c in str(teks))


def cocokkan(
    nama: Iterable[object], tingkat: str, induk: str | int | Sequence[object] | None = None
) -> HasilCocok:
    """Cocokkan banyak nama (atau kode) wilayah satu tingkat dengan daftar nasional.

    ``induk`` membatasi pencarian: satu kode (mis. kode kecamatan untuk semua nama desa), atau
    satu kode per nama (mis. kolom kode kecamatan di samping kolom nama desa). Tanpa induk,
    nama dicari di seluruh Indonesia (untuk desa lambat dan sering ganda; sebaiknya beri
    induk). Tidak menimbulkan galat untuk nama yang tidak cocok: lihat ``.tidak_cocok`` dan
    ``.laporan()``.
    """
    _periksa_tingkat(tingkat)
    daftar_nama = list(nama)
    if induk is None or isinstance(induk, (str, int)):
        daftar_induk = [induk] * len(daftar_nama)
    else:
        daftar_induk = list(induk)
        if len(daftar_induk) != len(daftar_nama):
            raise ValueError("Panjang 'induk' harus sama dengan panjang 'nama'.")
    baku_induk: dict[object, str | None] = {}
    baris = []
    tersimpan: dict[tuple[str, str | None], _Satu] = {}
    for teks, ind in zip(daftar_nama, daftar_induk, strict=True):
        if ind is None or (isinstance(ind, float) and ind != ind) or str(ind).strip() == "":
            kode_induk = None
        else:
            if ind not in baku_induk:
                baku_induk[ind] = _baku(ind)
            kode_induk = baku_induk[ind]
        kosong = teks is None or (isinstance(teks, float) and teks != teks)
        teks_s = "" if kosong else str(teks)
        if _mirip_kode(teks_s):
            try:
                w = wilayah(teks_s)
                satu = (
                    _Satu(w.kode, "kode", [])
                    if w.tingkat == tingkat
                    else _Satu(None, "tidak cocok", [])
                )
            except WilayahTidakDikenal:
                satu = _Satu(None, "tidak cocok", [])
        else:
            kunci = (teks_s, kode_induk)
            if kunci not in tersimpan:
                tersimpan[kunci] = _cocokkan_satu(teks_s, tingkat, kode_induk)
            satu = tersimpan[kunci]
        baris.append(
            {
                "nama_asli": teks_s,
                "induk": kode_induk,
                "kode": satu.kode,
                "nama_baku": _nama_menurut_kode(tingkat)[satu.kode] if satu.kode else None,
                "cara": satu.cara,
                "usulan": list(satu.usulan),
            }
        )
    kolom = ["nama_asli", "induk", "kode", "nama_baku", "cara", "usulan"]
    tabel = pd.DataFrame(baris, columns=kolom)
    for k in ("induk", "kode", "nama_baku"):
        tabel[k] = tabel[k].astype(object).where(tabel[k].notna(), None)
    return HasilCocok(tingkat, tabel)


def cari(nama_or_kode: str | int, tingkat: str, induk: str | int | None = None) -> WilayahNasional:
    """Satu wilayah ``tingkat`` menurut nama atau kode, di seluruh Indonesia atau di bawah ``induk``.

    Nama harus sama setelah huruf, spasi, tanda baca, awalan, dan ejaan lama diseragamkan; nama
    yang hanya mirip tidak ditebak, tetapi disebut sebagai usulan. Tidak ditemukan, ganda, atau kode tingkat lain → ``WilayahTidakDikenal`` berbahasa Indonesia
    dengan usulan nama terdekat.
    """
    hasil = cocokkan([nama_or_kode], tingkat, induk)
    r = hasil.tabel.iloc[0]
    if r["kode"] is not None and r["cara"] != "mirip":
        return _buat(r["kode"], tingkat)
    if r["cara"] == "mirip":  # satu nama yang diketik: jangan menebak, tawarkan saja
        r = r.copy()
        r["usulan"] = [f"{r['nama_baku']} ({r['kode']})"]
    teks = str(nama_or_kode).strip()
    di = f" di {wilayah(r['induk']).nama} ({r['induk']})" if r["induk"] else ""
    if _mirip_kode(teks):
        w = wilayah(teks)  # menimbulkan galat yang jelas bila kode tidak ada
        raise WilayahTidakDikenal(f"'{teks}' adalah kode {w.tingkat} ({w.nama}), bukan {tingkat}.")
    if r["cara"] == "ganda":
        raise WilayahTidakDikenal(
            f"Ada lebih dari satu {tingkat} bernama '{teks}'{di}: {', '.join(r['usulan'])}. "
            "Pakai kodenya, atau sebut induknya."
        )
    pesan = f"{tingkat.capitalize()} '{teks}' tidak ditemukan{di}."
    if r["usulan"]:
        pesan += f" Mungkin maksud Anda: {', '.join(r['usulan'])}?"
    raise WilayahTidakDikenal(pesan)


_KODE_INDUK = (
    ("kode_kecamatan", "nama_kecamatan", "kecamatan"),
    ("kode_kabupaten", "nama_kabupaten", "kabupaten"),
    ("kode_provinsi", "nama_provinsi", "provinsi"),
)


def lengkapi_daftar_desa(kode_desa: pd.Series, ada: Iterable[str]) -> tuple[dict, list[str]]:
    """Kolom kode dan nama kecamatan/kabupaten/provinsi yang tidak ada di daftar desa.

    Kode induk dibaca dari awalan ``kode_desa`` (kode Kemendagri bertingkat), namanya dari daftar
    nasional. ``ada`` = kolom yang sudah ada di berkas (tidak diganti). Mengembalikan
    ``(kolom, tidak_dikenal)``: kolom baru (nama kolom → Series) dan kode induk yang tidak ada di
    daftar nasional (namanya tidak dapat diisi).
    """
    ada = set(ada)
    kolom: dict[str, pd.Series] = {}
    tidak_dikenal: list[str] = []
    for kode_kol, nama_kol, tingkat in _KODE_INDUK:
        kode = kode_desa.astype(str).str[: _PANJANG_KODE[tingkat]]
        if kode_kol not in ada:
            kolom[kode_kol] = kode
        if nama_kol not in ada:
            peta = _nama_menurut_kode(tingkat)
            nama = kode.map(peta)
            tidak_dikenal.extend(sorted(set(kode[nama.isna()])))
            kolom[nama_kol] = nama
    return kolom, tidak_dikenal


_POLA_KODE_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")


def isi_induk_kosong(data: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """Isi sel kode/nama kecamatan, kabupaten, dan provinsi yang KOSONG di daftar desa.

    Untuk baris yang ``kode_desa``-nya berbentuk kode Kemendagri (``PP.KK.CC.DDDD``), sel induk
    yang kosong (mis. baris ``51.04.03.2004,LEBIH,,,,,,`` yang ditambahkan di Excel) diisi: kode
    dari awalan kode desa, nama dari daftar nasional (nama yang tidak dikenal tetap kosong). Sel
    yang sudah berisi tidak diubah. Hanya kolom yang ADA di ``data`` yang diisi (kolom yang tidak
    ada diisi :func:`lengkapi_daftar_desa`). Mengembalikan ``(data_baru, posisi)``: salinan
    ``data`` dan posisi baris (0 = baris data pertama) yang diisi.
    """
    if "kode_desa" not in data.columns or not len(data):
        return data, []
    kode_desa = data["kode_desa"].astype("string").str.strip()
    berkode = kode_desa.str.match(_POLA_KODE_DESA.pattern).fillna(False).to_numpy(dtype=bool)
    hasil = data.copy()
    diisi = pd.Series(False, index=data.index)
    for kode_kol, nama_kol, tingkat in _KODE_INDUK:
        kode = kode_desa.str[: _PANJANG_KODE[tingkat]]
        nama = kode.map(_nama_menurut_kode(tingkat))
        if kode_kol in data.columns and nama_kol in data.columns:
            # nama yang sudah dipakai berkas ini untuk kode induk yang sama menang (satu nama)
            ada = data[[kode_kol, nama_kol]].astype("string").apply(lambda s: s.str.strip())
            ada = ada[ada[kode_kol].notna() & (ada[nama_kol].fillna("") != "")]
            dipakai = dict(zip(ada[kode_kol], ada[nama_kol], strict=False))
            nama = kode.map(dipakai).astype(object).where(lambda s: s.notna(), nama)
        for kol, nilai in ((kode_kol, kode), (nama_kol, nama)):
            if kol not in data.columns:
                continue
            sel = data[kol]
            kosong = (sel.isna() | (sel.astype("string").str.strip() == "")).to_numpy(dtype=bool)
            isi = kosong & berkode & nilai.notna().to_numpy(dtype=bool)
            if isi.any():
                kolom = hasil[kol].astype(object)
                kolom[isi] = nilai[isi].astype(object)
                hasil[kol] = kolom
                diisi |= isi
    return hasil, [i for i, b in enumerate(diisi.to_numpy()) if b]


def baris_daftar_desa(kode_desa: Iterable[str]) -> tuple[pd.DataFrame, list[str]]:
    """Baris daftar desa (kolom tabel ``wilayah``) untuk kode desa dari daftar nasional.

    Mengembalikan ``(baris, tidak_dikenal)``: satu baris per kode yang ada di daftar wilayah
    nasional (Kepmendagri 2025), dan kode yang tidak ada di sana.
    """
    kode = sorted({str(k).strip() for k in kode_desa})
    nama_desa = _nama_menurut_kode("desa")
    dikenal = [k for k in kode if k in nama_desa]
    baris = pd.DataFrame(
        {"kode_desa": dikenal, "nama_desa": [nama_desa[k] for k in dikenal]}, dtype=object
    )
    baris["kode_desa"] = baris["kode_desa"].astype(str)
    for kode_kol, nama_kol, tingkat in _KODE_INDUK:
        induk = baris["kode_desa"].str[: _PANJANG_KODE[tingkat]]
        baris[kode_kol] = induk
        baris[nama_kol] = induk.map(_nama_menurut_kode(tingkat))
    urutan = ["kode_desa", "nama_desa"] + [k for kk, kn, _ in _KODE_INDUK for k in (kk, kn)]
    return baris[urutan], [k for k in kode if k not in nama_desa]
