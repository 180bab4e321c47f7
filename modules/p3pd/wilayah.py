"""Kode dan nama wilayah: provinsi, kabupaten, dan kecamatan wilayah latihan atau data sendiri.

Referensi berisi empat kabupaten nyata (33.22 Kab. Semarang, 12.07 Kab. Deli Serdang,
53.02 Kab. Timor Tengah Selatan, 63.03 Kab. Banjar) dengan 93 kecamatannya, menurut
Kepmendagri 100.1.1-6117 Tahun 2022 (berkas ``referensi/kecamatan.csv``). Berkas itu baru
dibaca saat pertama kali diperlukan, lalu disimpan di memori.

Untuk data kecamatan sendiri (di mana pun di Indonesia), fungsi ``daftar_*`` dan ``cari_*``
menerima ``data=``: daftar desa pengguna (tabel ``wilayah`` dari ``p3pd.muat``). Pilihan yang
sah lalu diambil dari daftar desa itu, bukan dari 93 kecamatan latihan. Daftar semua wilayah
Indonesia dan pencocokan nama ada di ``p3pd.wilayah_nasional``.

Kode wilayah Kemendagri:

- provinsi ``PP`` (mis. ``33``),
- kabupaten/kota ``PP.KK`` (kabupaten 01–69, kota 71–99),
- kecamatan ``PP.KK.CC``,
- desa/kelurahan ``PP.KK.CC.NNNN``: angka pertama ``2`` berarti desa, ``1`` berarti kelurahan,
  ``3`` desa adat (14 desa adat di Kabupaten Jayapura, daftar nasional 2025).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from p3pd.galat import DataTidakValid, WilayahTidakDikenal
from p3pd.lokasi import folder_referensi

__all__ = [
    "KodeTidakValid",
    "teks_cakupan",
    "Provinsi",
    "Kabupaten",
    "Kecamatan",
    "normalisasi_kode",
    "jenis_kode",
    "daftar_provinsi",
    "daftar_kabupaten",
    "daftar_kecamatan",
    "cari_provinsi",
    "cari_kabupaten",
    "cari_kecamatan",
    "semua_kecamatan",
    "cari",
    "kecamatan_dari_data",
]

# Pola kode bertitik yang sah. Dipakai juga oleh pemuat untuk memeriksa ribuan kode sekaligus.
POLA_PROVINSI = r"[1-9]\d"
POLA_KABUPATEN = POLA_PROVINSI + r"\.(?!00)\d{2}"
POLA_KECAMATAN = POLA_KABUPATEN + r"\.(?!00)\d{2}"
POLA_DESA = POLA_KECAMATAN + r"\.[23](?!000)\d{3}"
POLA_KELURAHAN = POLA_KECAMATAN + r"\.1(?!000)\d{3}"

_PANJANG_TANPA_TITIK = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}
_TINGKAT = {1: "provinsi", 2: "kabupaten", 3: "kecamatan"}
_KUTIP = "'\"`‘’“”"

# Singkatan provinsi yang lazim dipakai (hanya empat provinsi wilayah latihan).
SINGKATAN_PROVINSI = {"33": "Jateng", "12": "Sumut", "53": "NTT", "63": "Kalsel"}
SINGKATAN_KABUPATEN = {"53.02": "TTS"}


class KodeTidakValid(DataTidakValid, ValueError):
    """Kode wilayah yang bentuknya salah (juga sebuah ``ValueError``)."""


@dataclass(frozen=True)
class Provinsi:
    """Satu provinsi: kode dua angka dan nama."""

    kode: str
    nama: str


@dataclass(frozen=True)
class Kabupaten:
    """Satu kabupaten beserta provinsinya."""

    kode: str
    nama: str
    provinsi: Provinsi


@dataclass(frozen=True)
class Kecamatan:
    """Satu kecamatan beserta kabupaten (dan provinsi) serta jumlah desa/kelurahannya."""

    kode: str
    nama: str
    kabupaten: Kabupaten
    jumlah_desa: int
    jumlah_kelurahan: int

    @property
    def provinsi(self) -> Provinsi:
        """Provinsi tempat kecamatan ini berada."""
        return self.kabupaten.provinsi


def teks_cakupan(kec: Kecamatan, *, sintetis: bool | None = None) -> str:
    """``" — daftar desa Anda (wilayah_desa.csv) baru memuat 2 dari 8 desa/kelurahan kecamatan ini
    menurut daftar wilayah nasional (Kepmendagri 2025: 4 desa dan 4 kelurahan)"`` bila daftar desa
    data sendiri tidak memuat semua desa/kelurahan kecamatan itu menurut daftar
    wilayah nasional; ``""`` bila lengkap, bila kecamatan tidak ada di daftar nasional, dan
    untuk data latihan (``sintetis``; bawaan: label folder data yang dipakai). Ditulis di
    belakang kalimat "Kecamatan …: N desa", agar jumlah itu tidak terbaca sebagai seluruh
    kecamatan."""
    from p3pd import wilayah_nasional

    if sintetis is None:
        from p3pd.label import label_data

        sintetis = label_data().sintetis
    if sintetis:
        return ""
    try:
        kode = wilayah_nasional.daftar("desa", kec.kode)["kode"].astype(str)
    except ValueError:  # kode yang tidak baku: tanpa catatan
        return ""
    ada = kec.jumlah_desa + kec.jumlah_kelurahan
    if kode.empty or ada >= len(kode):
        return ""
    kel = int(kode.str[9].eq("1").sum())
    return (
        f" — daftar desa Anda (wilayah_desa.csv) baru memuat {ada}"
        f" dari {len(kode)} desa/kelurahan kecamatan ini menurut daftar wilayah nasional "
        f"(Kepmendagri 2025: {len(kode) - kel} desa dan {kel} kelurahan)"
    )


# --------------------------------------------------------------------------- kode


def normalisasi_kode(teks: str | int) -> str:
    """Seragamkan kode wilayah ke bentuk bertitik Kemendagri.

    Menerima kode bertitik atau tanpa titik, dengan spasi atau tanda kutip yang tersesat:
    ``'3322012001'`` → ``'33.22.01.2001'``, ``'332201'`` → ``'33.22.01'``, ``' 33.22 '`` →
    ``'33.22'``. Angka yang kehilangan nol di depan (mis. ``'33.22.1'`` atau ``'332212001'``)
    tidak bisa ditebak dan menimbulkan ``KodeTidakValid`` (sekaligus ``ValueError``).
    """
    asli = teks
    if isinstance(teks, bool):
        raise KodeTidakValid(f"{asli!r} bukan kode wilayah.")
    if isinstance(teks, int):
        teks = str(teks)
    elif isinstance(teks, float):
        if teks != teks or not teks.is_integer():
            raise KodeTidakValid(
                f"{asli!r} bukan kode wilayah (kode ditulis sebagai teks, mis. '33.22.01')."
            )
        teks = str(int(teks))
    elif not isinstance(teks, str):
        raise KodeTidakValid(f"{asli!r} bukan kode wilayah.")
    bersih = re.sub(r"\s+", "", teks).strip(_KUTIP)
    if not bersih:
        raise KodeTidakValid("kode wilayah kosong.")
    # Angka dari Excel yang tersimpan sebagai pecahan: '3322012001.0'.
    cocok = re.fullmatch(r"(\d+)\.0+", bersih)
    if cocok and len(cocok.group(1)) in (4, 6, 10):
        bersih = cocok.group(1)
    if bersih.isdigit():
        panjang = _PANJANG_TANPA_TITIK.get(len(bersih))
        if panjang is None:
            raise KodeTidakValid(
                f"kode '{teks.strip()}' punya {len(bersih)} angka; kode tanpa titik harus 2, 4, 6, "
                "atau 10 angka (provinsi, kabupaten, kecamatan, desa). Mungkin ada angka 0 di "
                "depan yang hilang (mis. karena Excel); tulis kode sebagai teks, mis. '33.22.01.2001'."
            )
        bagian, awal = [], 0
        for p in panjang:
            bagian.append(bersih[awal : awal + p])
            awal += p
    else:
        bagian = bersih.split(".")
        if not all(b.isdigit() for b in bagian) or len(bagian) > 4:
            raise KodeTidakValid(
                f"'{teks.strip()}' bukan kode wilayah: kode hanya berisi angka dan titik, "
                "mis. '33.22.01.2001'."
            )
        harap = _PANJANG_TANPA_TITIK[{1: 2, 2: 4, 3: 6, 4: 10}[len(bagian)]]
        if tuple(len(b) for b in bagian) != harap:
            raise KodeTidakValid(
                f"kode '{teks.strip()}' tidak mengikuti pola PP.KK.CC.NNNN (2, 2, 2, dan 4 angka). "
                "Mungkin ada angka 0 di depan yang hilang; kode tidak bisa ditebak."
            )
    _periksa_bagian(bagian, teks.strip())
    return ".".join(bagian)


def _periksa_bagian(bagian: list[str], asli: str) -> None:
    if bagian[0][0] == "0":
        raise KodeTidakValid(f"kode '{asli}': kode provinsi '{bagian[0]}' tidak ada (11–99).")
    for nama, isi in zip(("kabupaten", "kecamatan"), bagian[1:3], strict=False):
        if isi == "00":
            raise KodeTidakValid(f"kode '{asli}': nomor {nama} '00' tidak ada.")
    if len(bagian) == 4:
        nomor = bagian[3]
        if nomor[0] not in "123":
            raise KodeTidakValid(
                f"kode '{asli}': nomor desa/kelurahan harus diawali 2 (desa), 1 (kelurahan), "
                f"atau 3 (desa adat), bukan '{nomor[0]}'."
            )
        if nomor[1:] == "000":
            raise KodeTidakValid(f"kode '{asli}': nomor desa/kelurahan '{nomor}' tidak ada.")


def jenis_kode(kode: str | int) -> str:
    """Jenis wilayah sebuah kode: 'provinsi', 'kabupaten', 'kecamatan', 'desa', atau 'kelurahan'.

    Kode kota (``PP.71``–``PP.99``) juga disebut 'kabupaten' (tingkat kabupaten/kota); desa adat
    (nomor diawali 3) disebut 'desa'.
    """
    bagian = normalisasi_kode(kode).split(".")
    if len(bagian) < 4:
        return _TINGKAT[len(bagian)]
    return "kelurahan" if bagian[3][0] == "1" else "desa"


# --------------------------------------------------------------------------- referensi


@lru_cache(maxsize=1)
def _referensi() -> pd.DataFrame:
    berkas = folder_referensi() / "kecamatan.csv"
    tabel = pd.read_csv(
        berkas,
        dtype={"kode_provinsi": str, "kode_kabupaten": str, "kode_kecamatan": str},
        encoding="utf-8",
    )
    return tabel


_KOLOM_DAFTAR_DESA = (
    "kode_desa",
    "kode_kecamatan",
    "nama_kecamatan",
    "kode_kabupaten",
    "nama_kabupaten",
    "kode_provinsi",
    "nama_provinsi",
)


def kecamatan_dari_data(data: pd.DataFrame) -> pd.DataFrame:
    """Tabel kecamatan (kolom sama dengan referensi latihan) dari daftar desa pengguna.

    ``data`` tabel ``wilayah`` hasil ``p3pd.muat`` (satu baris per desa/kelurahan). Jumlah desa
    dan kelurahan dihitung dari nomor kode desanya (2 atau 3 desa, 1 kelurahan). Hasilnya
    diingat menurut isi ``data`` (``p3pd.memo``).
    """
    from p3pd.memo import ingat

    return ingat("kecamatan_dari_data", (data,), (), lambda: _kecamatan_dari_data(data))


def _kecamatan_dari_data(data: pd.DataFrame) -> pd.DataFrame:
    kurang = [k for k in _KOLOM_DAFTAR_DESA if k not in data.columns]
    if kurang:
        raise DataTidakValid(
            "daftar desa tidak punya kolom " + ", ".join(f"'{k}'" for k in kurang) + "."
        )
    kelurahan = data["kode_desa"].astype(str).str[9] == "1"
    tabel = data.assign(_kel=kelurahan.astype(int), _desa=(~kelurahan).astype(int))
    hasil = (
        tabel.groupby(list(_KOLOM_DAFTAR_DESA[1:]), sort=False, dropna=False)
        .agg(jumlah_desa=("_desa", "sum"), jumlah_kelurahan=("_kel", "sum"))
        .reset_index()
    )
    urutan = [
        "kode_provinsi",
        "nama_provinsi",
        "kode_kabupaten",
        "nama_kabupaten",
        "kode_kecamatan",
        "nama_kecamatan",
        "jumlah_desa",
        "jumlah_kelurahan",
    ]
    return hasil[urutan].sort_values("kode_kecamatan").reset_index(drop=True)


def _ref(data: pd.DataFrame | None) -> pd.DataFrame:
    """Referensi latihan (``data`` kosong) atau tabel kecamatan dari daftar desa pengguna."""
    return _referensi() if data is None else kecamatan_dari_data(data)


def daftar_provinsi(data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tabel provinsi wilayah latihan (atau daftar desa ``data``): kode, nama, singkatan, jumlah."""
    ref = _ref(data)
    hasil = (
        ref.groupby(["kode_provinsi", "nama_provinsi"], sort=True)
        .agg(
            jumlah_kabupaten=("kode_kabupaten", "nunique"),
            jumlah_kecamatan=("kode_kecamatan", "nunique"),
        )
        .reset_index()
    )
    hasil.insert(2, "singkatan", [SINGKATAN_PROVINSI.get(k, "") for k in hasil["kode_provinsi"]])
    return hasil


def daftar_kabupaten(provinsi: str | None = None, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tabel kabupaten wilayah latihan atau daftar desa ``data`` (boleh disaring menurut provinsi)."""
    ref = _saring_provinsi(_ref(data), provinsi, data)
    return (
        ref.groupby(
            ["kode_kabupaten", "nama_kabupaten", "kode_provinsi", "nama_provinsi"], sort=True
        )
        .agg(
            jumlah_kecamatan=("kode_kecamatan", "nunique"),
            jumlah_desa=("jumlah_desa", "sum"),
            jumlah_kelurahan=("jumlah_kelurahan", "sum"),
        )
        .reset_index()
    )


def daftar_kecamatan(provinsi: str | None = None, data: pd.DataFrame | None = None) -> pd.DataFrame:
    """Tabel 93 kecamatan wilayah latihan, atau kecamatan daftar desa ``data`` (boleh disaring
    menurut provinsi: nama, singkatan, atau kode)."""
    return _saring_provinsi(_ref(data), provinsi, data).reset_index(drop=True).copy()


def _saring_provinsi(
    ref: pd.DataFrame, provinsi: str | None, data: pd.DataFrame | None = None
) -> pd.DataFrame:
    if provinsi is None:
        return ref
    prov = cari_provinsi(provinsi, data=data)
    return ref[ref["kode_provinsi"] == prov.kode]


# --------------------------------------------------------------------------- pencarian


def _kunci(teks: str) -> str:
    """Kunci pencocokan nama: huruf kecil, tanpa spasi, tanda baca, atau kutip."""
    return re.sub(r"[^0-9a-z]", "", str(teks).lower())


def _buang_awalan(teks: str, awalan: tuple[str, ...]) -> str:
    bersih = " ".join(str(teks).split())
    for a in awalan:
        cocok = re.match(rf"(?i){a}(\.\s*|\s+)", bersih)
        if cocok and cocok.end() < len(bersih):
            return bersih[cocok.end() :]
    return bersih


def _tidak_dikenal(
    jenis: str, dicari: object, nama_sah: list[str], kunci_ke_nama: dict[str, str]
) -> WilayahTidakDikenal:
    teks = str(dicari).strip()
    usul = difflib.get_close_matches(_kunci(teks), list(kunci_ke_nama), n=1, cutoff=0.6)
    if not usul:
        usul = difflib.get_close_matches(teks, nama_sah, n=1, cutoff=0.5)
        saran = usul[0] if usul else None
    else:
        saran = kunci_ke_nama[usul[0]]
    pesan = f"{jenis} '{teks}' tidak dikenal."
    if saran:
        pesan += f" Mungkin maksud Anda: '{saran}'?"
    pesan += " Pilihan yang sah: " + ", ".join(nama_sah) + "."
    return WilayahTidakDikenal(pesan)


def _kode_tidak_dikenal(jenis: str, dicari: object, semua: dict) -> WilayahTidakDikenal:
    tampil = {_kunci(kode): f"{wil.nama} ({kode})" for kode, wil in semua.items()}
    return _tidak_dikenal(jenis, dicari, list(tampil.values()), tampil)


def _kode_atau_none(teks: str | int, tingkat: str, jenis: str) -> str | None:
    """Kembalikan kode bila ``teks`` berupa kode wilayah tingkat ``tingkat``; None bila berupa nama."""
    mentah = re.sub(r"\s+", "", str(teks)).strip(_KUTIP)
    if not re.fullmatch(r"[\d.]+", mentah):
        return None
    try:
        kode = normalisasi_kode(teks)
        jenis_ini = jenis_kode(kode)
    except KodeTidakValid as galat:
        raise WilayahTidakDikenal(
            f"{jenis} '{str(teks).strip()}' tidak dikenal: {galat.pesan}"
        ) from None
    if jenis_ini != tingkat:
        raise WilayahTidakDikenal(
            f"'{str(teks).strip()}' adalah kode {jenis_ini}, bukan kode {tingkat}."
        )
    return kode


def cari_provinsi(nama_or_kode: str | int, *, data: pd.DataFrame | None = None) -> Provinsi:
    """Cari provinsi wilayah latihan menurut nama, singkatan ('Jateng', 'NTT') atau kode ('33').

    Dengan ``data`` (daftar desa pengguna) dicari di provinsi daftar desa itu. Huruf
    besar/kecil dan spasi tidak berpengaruh. Bila tidak ditemukan, menimbulkan
    ``WilayahTidakDikenal`` dengan usulan nama terdekat dan daftar pilihan yang sah.
    """
    ref = _ref(data)
    prov = ref.drop_duplicates("kode_provinsi").sort_values("kode_provinsi")
    semua = {
        k: Provinsi(k, n) for k, n in zip(prov["kode_provinsi"], prov["nama_provinsi"], strict=True)
    }
    kode = _kode_atau_none(nama_or_kode, "provinsi", "Provinsi")
    if kode is not None:
        if kode in semua:
            return semua[kode]
        raise _kode_tidak_dikenal("Provinsi", nama_or_kode, semua)
    kunci_ke_nama: dict[str, str] = {}
    for k, p in semua.items():
        kunci_ke_nama[_kunci(p.nama)] = p.nama
        kunci_ke_nama[_kunci(_buang_awalan(p.nama, ("provinsi", "prov")))] = p.nama
        if k in SINGKATAN_PROVINSI:
            kunci_ke_nama[_kunci(SINGKATAN_PROVINSI[k])] = p.nama
    dicari = _kunci(_buang_awalan(str(nama_or_kode), ("provinsi", "prov")))
    for p in semua.values():
        if kunci_ke_nama.get(dicari) == p.nama:
            return p
    raise _tidak_dikenal("Provinsi", nama_or_kode, [p.nama for p in semua.values()], kunci_ke_nama)


def cari_kabupaten(nama_or_kode: str | int, *, data: pd.DataFrame | None = None) -> Kabupaten:
    """Cari kabupaten wilayah latihan menurut nama ('Semarang', 'Kab. Banjar', 'TTS') atau kode ('33.22').

    Dengan ``data`` (daftar desa pengguna) dicari di kabupaten daftar desa itu. Huruf
    besar/kecil, spasi, dan awalan 'Kabupaten'/'Kab.' tidak berpengaruh. Bila tidak ditemukan,
    menimbulkan ``WilayahTidakDikenal`` dengan usulan nama terdekat.
    """
    ref = _ref(data).drop_duplicates("kode_kabupaten").sort_values("kode_kabupaten")
    semua = {
        r.kode_kabupaten: Kabupaten(
            r.kode_kabupaten, r.nama_kabupaten, Provinsi(r.kode_provinsi, r.nama_provinsi)
        )
        for r in ref.itertuples(index=False)
    }
    kode = _kode_atau_none(nama_or_kode, "kabupaten", "Kabupaten")
    if kode is not None:
        if kode in semua:
            return semua[kode]
        raise _kode_tidak_dikenal("Kabupaten", nama_or_kode, semua)
    kunci_ke_nama: dict[str, str] = {}
    for kd, k in semua.items():
        kunci_ke_nama[_kunci(k.nama)] = k.nama
        kunci_ke_nama[_kunci(_buang_awalan(k.nama, ("kabupaten",)))] = k.nama
        if kd in SINGKATAN_KABUPATEN:
            kunci_ke_nama[_kunci(SINGKATAN_KABUPATEN[kd])] = k.nama
    dicari = _kunci(_buang_awalan(str(nama_or_kode), ("kabupaten", "kab")))
    for k in semua.values():
        if kunci_ke_nama.get(dicari) == k.nama:
            return k
    raise _tidak_dikenal("Kabupaten", nama_or_kode, [k.nama for k in semua.values()], kunci_ke_nama)


def semua_kecamatan(data: pd.DataFrame | None = None) -> tuple[Kecamatan, ...]:
    """Semua kecamatan wilayah latihan (atau daftar desa ``data``), urut kode.

    Dibuat sekali per isi ``data`` (``p3pd.memo``): memilih ribuan kecamatan satu per satu dari
    daftar desa nasional tidak membangun ulang daftar ini untuk setiap kecamatan.
    """
    from p3pd.memo import ingat

    def buat() -> tuple[Kecamatan, ...]:
        return tuple(
            Kecamatan(
                r.kode_kecamatan,
                r.nama_kecamatan,
                Kabupaten(
                    r.kode_kabupaten, r.nama_kabupaten, Provinsi(r.kode_provinsi, r.nama_provinsi)
                ),
                int(r.jumlah_desa),
                int(r.jumlah_kelurahan),
            )
            for r in _ref(data).itertuples(index=False)
        )

    return ingat("semua_kecamatan", (data,), (), buat)


def cari_kecamatan(
    nama_or_kode: str | int, provinsi: str | None = None, *, data: pd.DataFrame | None = None
) -> Kecamatan:
    """Cari kecamatan wilayah latihan menurut nama ('Getasan', 'Kec. Kot'olin') atau kode ('33.22.01').

    ``provinsi`` (nama, singkatan, atau kode) membatasi pencarian ke satu provinsi. Dengan
    ``data`` (daftar desa pengguna, tabel ``wilayah``) kecamatan mana pun yang ada di daftar desa
    itu dapat dipilih, di mana pun di Indonesia. Huruf besar/kecil, spasi, tanda hubung dan
    apostrof tidak berpengaruh. Bila tidak ditemukan, menimbulkan ``WilayahTidakDikenal`` dengan
    usulan nama terdekat dan daftar nama yang sah.
    """
    daftar = semua_kecamatan(data=data)
    di = ""
    if provinsi is not None:
        prov = cari_provinsi(provinsi, data=data)
        daftar = tuple(k for k in daftar if k.kabupaten.provinsi.kode == prov.kode)
        di = f" di provinsi {prov.nama}"
    semua = {k.kode: k for k in daftar}
    kode = _kode_atau_none(nama_or_kode, "kecamatan", "Kecamatan")
    if kode is not None:
        if kode in semua:
            return semua[kode]
        raise _kode_tidak_dikenal(f"Kecamatan{di} dengan kode", nama_or_kode, semua)
    dicari = _kunci(_buang_awalan(str(nama_or_kode), ("kecamatan", "kec")))
    cocok = [
        k
        for k in semua.values()
        if dicari in (_kunci(k.nama), _kunci(_buang_awalan(k.nama, ("kecamatan", "kec"))))
    ]
    if len(cocok) == 1:
        return cocok[0]
    if len(cocok) > 1:
        raise WilayahTidakDikenal(
            f"Kecamatan '{str(nama_or_kode).strip()}' ada di lebih dari satu kabupaten ("
            + ", ".join(f"{k.kode} {k.kabupaten.nama}" for k in cocok)
            + "); sebut provinsinya atau pakai kode kecamatan."
        )
    kunci_ke_nama = {_kunci(k.nama): k.nama for k in semua.values()}
    raise _tidak_dikenal(
        f"Kecamatan{di}", nama_or_kode, [k.nama for k in semua.values()], kunci_ke_nama
    )


def cari(
    tingkat: str,
    nama_or_kode: str | int,
    provinsi: str | None = None,
    *,
    data: pd.DataFrame | None = None,
) -> Provinsi | Kabupaten | Kecamatan:
    """Cari provinsi, kabupaten, atau kecamatan: di daftar desa ``data`` dulu, lalu di wilayah latihan.

    Dipakai notebook dan handout yang diberi folder data: kecamatan mana pun yang ada di daftar
    desa pengguna dapat dipilih (di mana pun di Indonesia), dan nama wilayah latihan tetap
    dikenal. ``provinsi`` membatasi pencarian kecamatan. Tanpa ``data`` sama dengan
    ``cari_provinsi``/``cari_kabupaten``/``cari_kecamatan``. Bila tidak ditemukan di keduanya,
    pesan yang dipakai adalah pesan pencarian di daftar desa (pilihan yang sah dari data itu).
    """
    fungsi = {"provinsi": cari_provinsi, "kabupaten": cari_kabupaten, "kecamatan": cari_kecamatan}
    if tingkat not in fungsi:
        raise ValueError(f"Tingkat '{tingkat}' tidak dikenal. Pilihan: {', '.join(fungsi)}.")
    argumen = (nama_or_kode, provinsi) if tingkat == "kecamatan" else (nama_or_kode,)
    if data is None:
        return fungsi[tingkat](*argumen)
    try:
        return fungsi[tingkat](*argumen, data=data)
    except WilayahTidakDikenal as galat_data:
        try:
            return fungsi[tingkat](*argumen)
        except WilayahTidakDikenal:
            raise galat_data from None
