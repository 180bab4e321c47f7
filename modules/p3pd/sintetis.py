"""Pembuat data latihan sintetis: deterministik (benih tetap), tervektorisasi, terdokumentasi.

Data latihan memakai **geografi nyata** (4 kabupaten dan 93 kecamatan, kode Kemendagri) dengan
**desa fiktif** (nama dan nomor desa dibuat generator). Angka-angkanya dibangkitkan dari model
laten (faktor kemiskinan dan keterpencilan desa) pada skala logit, lalu intersep setiap
kabupaten × indikator × tahun dicari supaya capaian kabupaten yang dihitung dengan
*jumlahkan-lalu-bagi* sama dengan angka acuan terbitan (``p3pd.indikator.target_kalibrasi``)
atau dengan asumsi yang ditulis di ``data/SUMBER.md``.

Fungsi utama:

- ``buat_data(wilayah, benih)`` — semua tabel (lihat ``p3pd.skema``) untuk daftar kecamatan apa pun;
- ``wilayah_latihan()`` — 93 kecamatan nyata empat kabupaten latihan;
- ``wilayah_nasional(n_desa, benih)`` — kecamatan/kabupaten fiktif berskala nasional (uji beban);
- ``tulis_data_latihan(folder)`` — menulis CSV latihan dan dokumennya (atomik, byte tetap).

Modul ini tidak mengimpor numpy/pandas saat diimpor (supaya ``p3pd --help`` tetap cepat).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from p3pd import skema
from p3pd.berkas import tulis_atomik
from p3pd.sintetis_perencanaan import (  # noqa: F401 (nama lama tetap tersedia)
    JENIS_PROGRAM,
    JENIS_USULAN,
    TEMPLAT_PROGRAM,
    TEMPLAT_USULAN,
)

if TYPE_CHECKING:  # pragma: no cover
    import argparse

    import numpy as np
    import pandas as pd

BENIH = 20240709
"""Benih tetap generator data latihan (hari pertama pelatihan, 9 Juli 2024)."""

KABUPATEN_LATIHAN = ("33.22", "12.07", "53.02", "63.03")
"""Empat kabupaten latihan (satu per provinsi), dalam urutan profil."""

TAHUN_DASAR = 2022
"""Tahun yang dipakai untuk menyatakan nilai asumsi indikator tak berjangkar."""

# ---------------------------------------------------------------------------------------------
# Parameter (semua angka di bagian ini ASUMSI; alasannya ditulis ke data/SUMBER.md)
# ---------------------------------------------------------------------------------------------


def _baris_teks(teks: str, pemisah: str | None = "|") -> list[list[str]]:
    """Pecah tabel teks (satu baris per entri, baris pertama judul) menjadi daftar sel."""
    baris = [b for b in teks.strip().splitlines() if b.strip()]
    return [[s.strip() for s in b.split(pemisah)] for b in baris[1:]]


@dataclass(frozen=True)
class Profil:
    """Parameter satu kabupaten latihan; kabupaten fiktif memakai interpolasi keempatnya."""

    gaya_nama: str  # gaya nama desa: jawa, deli, timor, banjar
    penduduk_median: float  # median penduduk desa 2022 (lognormal)
    penduduk_sigma: float  # simpangan baku log penduduk desa
    pertumbuhan: float  # pertumbuhan penduduk per tahun
    ukuran_rt: float  # rata-rata jiwa per rumah tangga
    pangsa_0_6: float  # kelompok umur lepas, pangsa dari penduduk
    pangsa_7_12: float
    pangsa_13_15: float
    pangsa_16_17: float
    pangsa_18: float
    pangsa_balita: float  # 0–59 bulan, dari penduduk
    pangsa_12_23: float  # 12–23 bulan, dari penduduk
    pangsa_3_6: float  # 3–6 tahun, dari penduduk
    kelahiran: float  # persalinan per penduduk per tahun
    cakupan_ukur: float  # balita yang diukur / balita
    jarak_median: float  # km ke puskesmas
    jarak_sigma: float  # simpangan baku log jarak
    pangsa_perpipaan: float  # desa dengan jaringan perpipaan
    peluang_bidan: float  # peluang per "kursi" bidan desa (2 kursi)
    posyandu_aktif: float  # peluang posyandu aktif (desa rata-rata)
    faktor_dana_desa: float  # pengali Dana Desa rata-rata nasional
    rasio_add: float  # ADD / Dana Desa
    pad_median: float  # median PADes (Rp)
    rasio_bagi_hasil: float  # bagi hasil pajak & retribusi / Dana Desa
    peluang_bantuan: float  # peluang desa-tahun menerima bantuan keuangan


_PROFIL_TEKS = """
parameter           33.22        12.07        53.02        63.03
gaya_nama           jawa         deli         timor        banjar
penduduk_median     4200         3300         1600         1600
penduduk_sigma      0.45         0.70         0.35         0.45
pertumbuhan         0.008        0.012        0.013        0.012
ukuran_rt           3.5          3.8          4.3          3.4
pangsa_0_6          0.115        0.125        0.135        0.120
pangsa_7_12         0.105        0.110        0.120        0.108
pangsa_13_15        0.052        0.055        0.058        0.054
pangsa_16_17        0.034        0.036        0.036        0.035
pangsa_18           0.017        0.018        0.017        0.017
pangsa_balita       0.085        0.092        0.100        0.090
pangsa_12_23        0.017        0.019        0.022        0.018
pangsa_3_6          0.070        0.075        0.080        0.072
kelahiran           0.015        0.018        0.023        0.018
cakupan_ukur        0.93         0.88         0.85         0.90
jarak_median        3.0          4.0          8.0          6.0
jarak_sigma         0.55         0.60         0.55         0.55
pangsa_perpipaan    0.55         0.45         0.30         0.35
peluang_bidan       0.55         0.50         0.35         0.45
posyandu_aktif      0.92         0.85         0.75         0.85
faktor_dana_desa    1.04         1.00         1.06         0.98
rasio_add           0.34         0.30         0.27         0.36
pad_median          45000000     15000000     4000000      10000000
rasio_bagi_hasil    0.030        0.025        0.010        0.020
peluang_bantuan     0.45         0.25         0.15         0.30
"""


def _baca_profil() -> dict[str, Profil]:
    baris = {b[0]: b[1:] for b in _baris_teks(_PROFIL_TEKS, None)}
    return {
        kab: Profil(
            **{
                f.name: baris[f.name][i] if f.name == "gaya_nama" else float(baris[f.name][i])
                for f in fields(Profil)
            }
        )
        for i, kab in enumerate(KABUPATEN_LATIHAN)
    }


PROFIL: dict[str, Profil] = _baca_profil()
"""Profil empat kabupaten latihan menurut kode kabupaten (semua nilainya asumsi)."""

# Skala interpolasi parameter profil untuk kabupaten fiktif (selain ini: linear).
_SKALA_PARAMETER = {
    **dict.fromkeys(["penduduk_median", "ukuran_rt", "jarak_median", "pad_median"], "log"),
    **dict.fromkeys(
        ["cakupan_ukur", "pangsa_perpipaan", "peluang_bidan", "posyandu_aktif", "peluang_bantuan"],
        "logit",
    ),
}

# Nilai asumsi (persen, TAHUN_DASAR) untuk pasangan kabupaten × indikator TANPA target di
# p3pd.indikator.target_kalibrasi(); "–" = kabupaten itu punya target (nilainya diambil dari sana).
_TINGKAT_TEKS = """
indikator               | 33.22 | 12.07 | 53.02 | 63.03 | alasan
imunisasi_dasar_lengkap | –     | 85.0  | 80.0  | 88.0  | cakupan program IDL (administratif) Sumut, NTT, Kalsel tidak ditemukan; di bawah angka Jateng 93,3 % (Dinkes, 2023) dan target 95 %; angka survei Susenas (Sumut 41,04 % 2023; NTT 72,35 % 2024) hanya pembanding
persalinan_fasyankes    | –     | 94.0  | 80.0  | 92.0  | angka persalinan di fasyankes per provinsi tidak ditemukan; di bawah angka persalinan ditolong nakes 2022 (Sumut 97,11; NTT 90,11; Kalsel 96,64)
ibu_hamil_spm           | 94.0  | 88.0  | 82.0  | 87.0  | capaian SPM ibu hamil tidak ditemukan; rentang wajar 80–98 %, NTT terendah
balita_spm              | 90.0  | 84.0  | 80.0  | 84.0  | capaian SPM balita tidak ditemukan; rentang wajar 80–98 %, NTT terendah
apm_sd                  | 98.6  | 98.2  | 96.5  | 97.8  | APM SD per provinsi tidak ditemukan; APM SD NTT 2017 (administratif) 98,93 %
apm_smp                 | 88.0  | 86.0  | 78.0  | 83.0  | APM SMP per provinsi tidak ditemukan; APM SMP NTT 2017 (administratif) 84,44 %, NTT dibuat terendah
anak_tidak_sekolah      | 6.0   | 7.0   | 12.0  | 9.0   | ATS 7–18 per provinsi tidak ditemukan; rentang 5–12 %, NTT tertinggi
partisipasi_paud        | 76.0  | 62.0  | 55.0  | 66.0  | partisipasi PAUD per provinsi tidak ditemukan; rentang 55–80 %
air_minum_layak         | 90.0  | 88.0  | 72.0  | –     | air minum layak Jateng, Sumut, NTT tidak ditemukan; di bawah angka nasional 91,72 % (2023), NTT terendah
babs                    | 2.0   | 3.5   | 14.0  | 6.0   | BABS per provinsi tidak ditemukan; nasional 5,86 % (2022); NTT dibuat tertinggi
peserta_jkn             | –     | 88.0  | 95.0  | –     | Sumut 94,29 % baru pada 2025; NTT ≥ 95 % (UHC, Maret 2023)
keluarga_miskin_bansos  | 75.0  | 70.0  | 82.0  | 65.0  | cakupan bansos keluarga miskin tidak ditemukan; 60–85 %, daerah termiskin tertinggi
akta_kelahiran          | 94.0  | 87.0  | 72.0  | 92.0  | angka register Dukcapil per kabupaten tidak ditemukan; dipilih sedikit di atas angka survei Susenas Maret 2022 (Sumut 85,14 %; NTT 69,47 %; nasional 90,41 %; Jateng dan Kalsel di atas nasional)
penduduk_dtks           | 20.0  | 11.0  | 45.0  | 8.0   | angka DTKS per kabupaten tidak ditemukan; sekitar 3 × P0 BPS 2022 (Kab. Semarang 7,27 %; Kab. Deli Serdang 3,62 %; Kab. Banjar 2,79 %) karena DTKS juga mencatat keluarga rentan; TTS dibatasi 45 % (P0 NTT Maret 2024 19,48 %)
perekaman_ktp_el        | 97.5  | 96.0  | 91.0  | 96.5  | per provinsi tidak ditemukan; nasional 97,19 % (Semester I 2024); NTT 88,35 % (2018)
"""

TINGKAT_ASUMSI: dict[str, dict[str, float]] = {
    kab: {b[0]: float(b[1 + i]) for b in _baris_teks(_TINGKAT_TEKS) if b[1 + i] != "–"}
    for i, kab in enumerate(KABUPATEN_LATIHAN)
}
"""Tingkat indikator tak berjangkar per kabupaten latihan (persen, tahun 2022) — asumsi."""
_ALASAN_TINGKAT = {b[0]: b[5] for b in _baris_teks(_TINGKAT_TEKS)}


@dataclass(frozen=True)
class ModelIndikator:
    """Model laten satu indikator: logit(p) = intersep + b·miskin + c·jauh + u_desa + e; tren/tahun."""

    tren: float
    b_miskin: float
    c_jauh: float
    sd_desa: float


# tren: perubahan logit per tahun (≈ 1–2 poin persen); b > 0: desa miskin lebih tinggi;
# c > 0: desa jauh lebih tinggi; sd: simpangan baku efek desa yang tetap antartahun.
_MODEL_TEKS = """
indikator                 tren     b       c       sd
penduduk_dtks            -0.03    0.55    0.15    0.35
stunting                 -0.08    0.35    0.15    0.25
imunisasi_dasar_lengkap   0.06   -0.30   -0.35    0.35
persalinan_fasyankes      0.08   -0.40   -0.60    0.30
ibu_hamil_spm             0.08   -0.25   -0.40    0.30
balita_spm                0.08   -0.25   -0.35    0.30
apm_sd                    0.05   -0.35   -0.25    0.30
apm_smp                   0.06   -0.35   -0.30    0.25
anak_tidak_sekolah       -0.06    0.40    0.30    0.25
partisipasi_paud          0.06   -0.30   -0.25    0.30
air_minum_layak           0.06   -0.40   -0.30    0.40
sanitasi_layak            0.07   -0.55   -0.20    0.40
babs                     -0.12    0.55    0.30    0.35
peserta_jkn               0.10    0.10   -0.25    0.30
keluarga_miskin_bansos    0.04    0.45   -0.20    0.35
akta_kelahiran            0.10   -0.45   -0.40    0.30
perekaman_ktp_el          0.10   -0.30   -0.40    0.30
"""

MODEL_INDIKATOR: dict[str, ModelIndikator] = {
    b[0]: ModelIndikator(*(float(x) for x in b[1:])) for b in _baris_teks(_MODEL_TEKS, None)
}
"""Model laten dan tren setiap indikator (asumsi)."""

SD_TAHUNAN = 0.08
"""Simpangan baku guncangan desa-tahun pada skala logit (asumsi)."""

EFEK_FASILITAS = {
    "imunisasi_dasar_lengkap": ("rasio posyandu aktif − 0,8", 0.8),
    "balita_spm": ("rasio posyandu aktif − 0,8", 0.8),
    "persalinan_fasyankes": ("ada bidan desa", 0.35),
    "ibu_hamil_spm": ("ada bidan desa", 0.35),
    "partisipasi_paud": ("ada lembaga PAUD", 0.5),
    "apm_smp": ("ada SMP di desa", 0.2),
    "air_minum_layak": ("ada jaringan perpipaan", 0.9),
}
"""Pengaruh fasilitas desa pada indikator (skala logit) — asumsi."""

BOBOT_LATEN_UMUM = 0.4
"""Pengali faktor umum (kemiskinan, keterpencilan) pada semua indikator — asumsi; < 1 supaya desa
yang lemah di satu layanan tidak otomatis lemah di layanan lain."""

SD_LAYANAN = 0.55
"""Simpangan baku faktor khusus layanan per desa (skala logit), sama untuk semua indikator satu
layanan dan bebas antarlayanan — asumsi (mis. desa bermasalah air belum tentu bermasalah adminduk)."""

# Pengali jarak ke puskesmas per kecamatan (>1 lebih jauh, <1 lebih dekat) — asumsi dari letak
# umumnya (pegunungan, pesisir selatan, pinggiran ibu kota kabupaten), bukan jarak terukur.
_JAUH_TEKS = """
33.22.01=1.3 33.22.09=1.3 33.22.12=1.2 33.22.16=1.3 33.22.10=0.6 33.22.13=0.7 33.22.18=0.6
33.22.19=0.6 12.07.01=1.8 12.07.03=1.5 12.07.04=1.3 12.07.08=1.4 12.07.09=1.4 12.07.20=1.8
12.07.02=0.7 12.07.21=0.7 12.07.22=0.5 12.07.23=0.7 12.07.26=0.7 12.07.28=0.5 53.02.12=1.6
53.02.15=1.8 53.02.16=1.7 53.02.17=1.5 53.02.19=1.6 53.02.20=1.7 53.02.21=1.5 53.02.25=1.6
53.02.31=1.5 53.02.01=0.4 53.02.02=0.8 63.03.09=1.5 63.03.10=1.7 63.03.11=2.0 63.03.16=1.4
63.03.17=2.5 63.03.18=2.2 63.03.02=0.6 63.03.03=0.7 63.03.05=0.5
"""
KECAMATAN_JAUH: dict[str, float] = {
    k: float(v) for k, v in (x.split("=") for x in _JAUH_TEKS.split())
}
"""Pengali jarak ke puskesmas per kode kecamatan (asumsi)."""

# ---------------------------------------------------------------------------------------------
# APBDes (semua asumsi: porsi belanja desa yang diterbitkan TIDAK DITEMUKAN)
# ---------------------------------------------------------------------------------------------

DANA_DESA_NASIONAL = {2022: 920_000_000, 2023: 935_000_000, 2024: 945_000_000}
"""Rata-rata Dana Desa per desa (Rp) per tahun; 2024 dari Rp71 T / 75.259 desa = Rp943,34 juta."""

DIBATASI_RERATA = 0.245
"""Rata-rata pangsa kegiatan 1.1 yang dibatasi 30 % (1.1.01, 1.1.02, 1.1.05) dari total anggaran
belanja (tetap per desa) — asumsi."""
DIBATASI_SD = 0.03
"""Simpangan baku pangsa itu antardesa (≈ 3–6 % desa melewati batas 30 %) — asumsi."""
# Kegiatan 1.1 (asumsi): kegiatan yang dibatasi (ya) berbagi pangsa DIBATASI_RERATA menurut
# bagiannya; kegiatan lain punya pangsa sendiri dari total anggaran belanja.
_KEGIATAN_1_1_TEKS = """
kode    dibatasi  bagian
1.1.01  ya        0.25
1.1.02  ya        0.66
1.1.03  tidak     0.006
1.1.04  tidak     0.035
1.1.05  ya        0.09
1.1.06  tidak     0.004
1.1.07  tidak     0.015
"""
KEGIATAN_1_1 = tuple(
    (b[0], b[1] == "ya", float(b[2])) for b in _baris_teks(_KEGIATAN_1_1_TEKS, None)
)
"""Kegiatan sub-bidang 1.1: (kode, dibatasi 30 %?, bagian). Untuk kegiatan yang dibatasi,
bagian = porsinya di dalam pangsa yang dibatasi; untuk yang lain, pangsa dari total belanja."""
PANGSA_BURUK = 0.18
"""Pangsa desa "salah belanja": kesenjangan besar tetapi uangnya lari ke infrastruktur (2.3)."""
BLT_PER_KPM = 3_600_000
"""BLT Dana Desa per keluarga penerima per tahun (Rp300.000 × 12 bulan)."""
BLT_BATAS_DD = {2022: 0.30, 2023: 0.25, 2024: 0.20}
"""Batas anggaran BLT sebagai pangsa Dana Desa dalam data sintetis (asumsi)."""
KETAHANAN_PANGAN_DD = 0.20
"""Ketahanan pangan (sub-bidang 4.2) ≈ 20 % Dana Desa pada 2023–2024."""
KINERJA_REALISASI = 0.95
"""Rata-rata realisasi belanja per desa-tahun (siltap ±97,5 %, BLT 9–12 bulan dari 12) — asumsi."""
PELUANG_REALISASI_RENDAH = 0.04
"""Peluang satu baris sub-bidang realisasinya jatuh ke 50–80 % dari laju biasanya — asumsi."""

# bobot: bagian relatif atas sisa belanja setelah siltap (1.1), BLT (5.3), dan ketahanan pangan;
# peluang: muncul di satu desa-tahun ("wajib" = selalu). 4.2 selalu ada pada 2023–2024.
_BELANJA_TEKS = """
kode  bobot  peluang
1.1   0      wajib
1.2   5.0    wajib
1.3   1.2    wajib
1.4   4.0    wajib
1.5   0.6    0.10
2.1   5.0    wajib
2.2   7.0    wajib
2.3   28.0   wajib
2.4   7.0    wajib
2.5   1.0    0.25
2.6   2.0    0.35
2.7   1.5    0.20
2.8   2.0    0.20
3.1   2.0    0.55
3.2   2.5    0.50
3.3   2.0    0.45
3.4   2.5    0.55
4.1   1.5    0.15
4.2   4.0    0.60
4.3   2.5    0.55
4.4   1.5    0.40
4.5   1.5    0.30
4.6   0.5    0.05
4.7   0.5    0.10
5.1   1.0    0.30
5.2   0.8    0.20
5.3   0      wajib
"""
SUB_BIDANG_WAJIB = tuple(b[0] for b in _baris_teks(_BELANJA_TEKS, None) if b[2] == "wajib")
"""Sub-bidang yang selalu ada di setiap desa-tahun."""
BOBOT_BELANJA = {b[0]: float(b[1]) for b in _baris_teks(_BELANJA_TEKS, None) if float(b[1]) > 0}
"""Bobot relatif sub-bidang atas sisa belanja (asumsi)."""
PELUANG_OPSIONAL = {b[0]: float(b[2]) for b in _baris_teks(_BELANJA_TEKS, None) if b[2] != "wajib"}
"""Peluang sub-bidang tidak wajib muncul di satu desa-tahun (asumsi)."""

# ---------------------------------------------------------------------------------------------
# Nama desa fiktif, usulan, program OPD, pemangku kepentingan
# ---------------------------------------------------------------------------------------------

_NAMA_GABUNG = {
    "jawa": (
        "Sido Karang Kali Wono Sumber Tegal Jati Banyu Tlogo Watu Gedong Ngemplak Ngemba".split(),
        (
            "rejo mulyo sari harjo makmur agung joyo luhur asri kerto wangi dadi arum tirto sobo"
            " kulon wetan lor kidul"
        ).split(),
    ),
    "timor": (
        "Oe Noe Fatu Bi Tu Kuan Ne Nule Toi Ni Tob Sa".split(),
        (
            "bena neno kolo mnasi lasi leu meto taen nis mau kuke leko bai nain tuke sufa molo"
            " mnanu sene baun hale ekam ufa manu feto ote"
        ).split(),
    ),
}
_NAMA_SPASI = {
    "deli": (
        "Sei Tanjung Bandar Kuta Lau Namo Pasar Sumber Bulu Durin".split(),
        (
            "Baru Rejo Mulia Jaya Tinggi Gading Meriah Pinang Durian Rambung Kelapa Beringin"
            " Selamat Rih Bekala Tualang Mbelin Julu Kuning Rampah Bening Permai Tengah Makmur"
            " Sari Sirih Mas Raja Lama"
        ).split(),
    ),
    "banjar": (
        "Sungai Tambak Handil Teluk Pematang Lok Banua Padang Kampung Tanjung".split(),
        (
            "Baru Rangas Lurus Alai Kayu Sirih Batung Bakung Laban Halat Rumbia Jingah Panjang"
            " Besar Hulu Hilir Tengah Raya Makmur Sari Kuning Putih Tabuk Pinang Karet Bangkal"
            " Danau Jambu Madang Paring Tiung Purun Lama"
        ).split(),
    ),
}


_AKHIRAN_PEMEKARAN = ("Baru", "Lama", "Tengah", "Utara", "Selatan", "Timur", "Barat")


def calon_nama_desa(gaya: str) -> list[str]:
    """Semua calon nama desa fiktif untuk satu gaya daerah (``jawa``, ``deli``, ``timor``, ``banjar``).

    Nama dibentuk dari awalan dan akhiran khas daerah; kemiripan dengan nama desa sungguhan
    hanyalah kebetulan. Deli Serdang mencampur gaya Melayu/Karo dengan gaya Jawa.
    """
    if gaya in _NAMA_GABUNG:
        awal, akhir = _NAMA_GABUNG[gaya]
        nama = [a + b for a in awal for b in akhir]
    elif gaya in _NAMA_SPASI:
        awal, akhir = _NAMA_SPASI[gaya]
        nama = [f"{a} {b}" for a in awal for b in akhir if a != b]
        if gaya == "deli":
            awal_j, akhir_j = _NAMA_GABUNG["jawa"]
            nama += [a + b for a in awal_j[:6] for b in akhir_j[:10]]
    else:
        raise ValueError(f"Gaya nama '{gaya}' tidak dikenal. Pilihan: jawa, deli, timor, banjar")
    return list(dict.fromkeys(nama))


# Templat usulan desa dan program OPD: p3pd.sintetis_perencanaan (dinamai ulang di sini).

_PROVINSI_NASIONAL = (
    "11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 "
    "71 72 73 74 75 76 81 82 91 94"
).split()
_KOLOM_BOBOT = {kab: "bobot_" + kab.replace(".", "") for kab in KABUPATEN_LATIHAN}


# ---------------------------------------------------------------------------------------------
# Alat bantu numerik
# ---------------------------------------------------------------------------------------------


def _expit(x: np.ndarray) -> np.ndarray:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-x))


def _logit(p: Any) -> Any:
    import numpy as np

    p = np.asarray(p, dtype="float64")
    return np.log(p / (1.0 - p))


def _rng(benih: int, aliran: int) -> np.random.Generator:
    """Aliran bilangan acak terpisah per bagian, supaya mengubah satu bagian tidak menggeser lainnya."""
    import numpy as np

    return np.random.default_rng([int(benih), aliran])


def _baku_grup(x: np.ndarray, grup: np.ndarray, n_grup: int) -> np.ndarray:
    """Bakukan ``x`` (rata-rata 0, simpangan baku 1) di dalam setiap grup."""
    import numpy as np

    n = np.bincount(grup, minlength=n_grup).astype("float64")
    rata = np.bincount(grup, x, minlength=n_grup) / np.maximum(n, 1)
    sisa = x - rata[grup]
    var = np.bincount(grup, sisa * sisa, minlength=n_grup) / np.maximum(n, 1)
    sd = np.sqrt(var)
    sd = np.where(sd > 1e-9, sd, 1.0)
    return sisa / sd[grup]


def _intersep(
    x: np.ndarray, bobot: np.ndarray, grup: np.ndarray, target: np.ndarray, n_grup: int
) -> np.ndarray:
    """Cari intersep per grup supaya Σ bobot·expit(a + x) = target · Σ bobot (Newton, tervektorisasi)."""
    import numpy as np

    bobot = bobot.astype("float64")
    total = np.bincount(grup, bobot, minlength=n_grup)
    rata_x = np.bincount(grup, bobot * x, minlength=n_grup) / np.maximum(total, 1e-12)
    a = _logit(target) - rata_x
    for _ in range(100):
        p = _expit(a[grup] + x)
        f = np.bincount(grup, bobot * p, minlength=n_grup) - target * total
        d = np.bincount(grup, bobot * p * (1.0 - p), minlength=n_grup)
        langkah = np.clip(f / np.maximum(d, 1e-12), -1.0, 1.0)
        a = a - langkah
        if np.all(np.abs(f) <= 1e-9 * np.maximum(total, 1.0)):
            break
    return a


def _binomial(rng: np.random.Generator, n: np.ndarray, p: np.ndarray) -> np.ndarray:
    import numpy as np

    return rng.binomial(n.astype("int64"), np.clip(p, 0.0, 1.0)).astype("int64")


def _persentil_grup(x: np.ndarray, grup: np.ndarray) -> np.ndarray:
    """Peringkat persentil ``x`` di dalam grup (0 < nilai ≤ 1); seri diberi peringkat rata-rata."""
    import pandas as pd

    return pd.Series(x).groupby(grup).rank(method="average", pct=True).to_numpy(dtype="float64")


# ---------------------------------------------------------------------------------------------
# Wilayah
# ---------------------------------------------------------------------------------------------


KOLOM_WILAYAH = (
    "kode_provinsi",
    "nama_provinsi",
    "kode_kabupaten",
    "nama_kabupaten",
    "kode_kecamatan",
    "nama_kecamatan",
    "jumlah_desa",
)
"""Kolom wajib tabel kecamatan masukan ``buat_data`` (satu baris per kecamatan)."""


def wilayah_latihan() -> pd.DataFrame:
    """Daftar 93 kecamatan nyata empat kabupaten latihan beserta jumlah desanya.

    Dibaca dari ``referensi/kecamatan.csv`` (Kepmendagri 100.1.1-6117/2022). Kolom ``jauh``
    adalah pengali jarak ke puskesmas (asumsi, lihat ``KECAMATAN_JAUH``); ``jumlah_kelurahan``
    dipakai untuk mengurangi bagian kelurahan dari penduduk kecamatan (``p3pd.penduduk``).
    """
    from p3pd import wilayah

    kec = wilayah.daftar_kecamatan()
    kec["jumlah_desa"] = kec["jumlah_desa"].astype("int64")
    kec["jumlah_kelurahan"] = kec["jumlah_kelurahan"].astype("int64")
    kec = kec[kec["jumlah_desa"] > 0].sort_values("kode_kecamatan").reset_index(drop=True)
    kec["jauh"] = kec["kode_kecamatan"].map(KECAMATAN_JAUH).fillna(1.0).astype("float64")
    return kec[[*KOLOM_WILAYAH, "jumlah_kelurahan", "jauh"]]


def _bagi_minimal_satu(rng: np.random.Generator, total: int, bobot: np.ndarray) -> np.ndarray:
    """Bagi ``total`` ke ``len(bobot)`` wadah, masing-masing minimal 1, sebanding dengan bobot."""
    n = len(bobot)
    if total < n:
        raise ValueError("total lebih kecil dari jumlah wadah")
    return 1 + rng.multinomial(total - n, bobot / bobot.sum()).astype("int64")


def wilayah_nasional(n_desa: int = 75_000, benih: int = BENIH) -> pd.DataFrame:
    """Kecamatan dan kabupaten FIKTIF berskala nasional untuk uji beban, dengan ``n_desa`` desa.

    Kode mengikuti pola Kemendagri (provinsi 11–94, kabupaten 01–69, kecamatan 01–99);
    nama jelas fiktif ("Kabupaten Sintetis 11.01", "Sintetis 0001"). Kolom ``bobot_3322``,
    ``bobot_1207``, ``bobot_5302``, ``bobot_6303`` memberi bobot interpolasi keempat profil.
    """
    import numpy as np
    import pandas as pd

    if n_desa < 1:
        raise ValueError("n_desa harus minimal 1")
    rng = _rng(benih, 90)
    n_kec = max(1, round(n_desa / 13))
    n_kab = max(1, round(n_kec / 14))
    n_prov = min(len(_PROVINSI_NASIONAL), n_kab)
    if n_kab > n_prov * 69 or n_kec > n_kab * 99 or n_desa > n_kec * 999:
        raise ValueError(f"n_desa={n_desa} terlalu besar untuk pola kode Kemendagri")
    desa_per_kec = _bagi_minimal_satu(rng, n_desa, rng.lognormal(0.0, 0.5, n_kec))
    kec_per_kab = _bagi_minimal_satu(rng, n_kec, rng.lognormal(0.0, 0.35, n_kab))
    kab_per_prov = _bagi_minimal_satu(rng, n_kab, np.ones(n_prov))
    if desa_per_kec.max() > 999 or kec_per_kab.max() > 99 or kab_per_prov.max() > 69:
        raise ValueError(f"n_desa={n_desa} terlalu besar untuk pola kode Kemendagri")

    prov_kode = np.array(_PROVINSI_NASIONAL[:n_prov])
    bobot_prov = rng.dirichlet(np.full(4, 0.6), n_prov)
    prov_kab = np.repeat(np.arange(n_prov), kab_per_prov)
    nomor_kab = np.concatenate([np.arange(1, k + 1) for k in kab_per_prov])
    kode_kab = np.array(
        [f"{prov_kode[p]}.{k:02d}" for p, k in zip(prov_kab, nomor_kab, strict=True)]
    )
    bobot_kab = np.array([rng.dirichlet(8.0 * bobot_prov[p] + 0.05) for p in prov_kab])

    kab_kec = np.repeat(np.arange(n_kab), kec_per_kab)
    nomor_kec = np.concatenate([np.arange(1, k + 1) for k in kec_per_kab])
    kode_kec = np.array([f"{kode_kab[k]}.{c:02d}" for k, c in zip(kab_kec, nomor_kec, strict=True)])
    hasil = pd.DataFrame(
        {
            "kode_provinsi": prov_kode[prov_kab[kab_kec]],
            "nama_provinsi": [f"Provinsi Sintetis {p}" for p in prov_kode[prov_kab[kab_kec]]],
            "kode_kabupaten": kode_kab[kab_kec],
            "nama_kabupaten": [f"Kabupaten Sintetis {k}" for k in kode_kab[kab_kec]],
            "kode_kecamatan": kode_kec,
            "nama_kecamatan": [f"Sintetis {i + 1:04d}" for i in range(n_kec)],
            "jumlah_desa": desa_per_kec,
            "jauh": np.round(rng.lognormal(0.0, 0.35, n_kec), 3),
        }
    )
    for j, kab in enumerate(KABUPATEN_LATIHAN):
        hasil[_KOLOM_BOBOT[kab]] = np.round(bobot_kab[kab_kec, j], 6)
    return hasil


# ---------------------------------------------------------------------------------------------
# Parameter per kabupaten
# ---------------------------------------------------------------------------------------------


def _tingkat_2022_profil() -> tuple[np.ndarray, list[list[str]]]:
    """Logit tingkat setiap indikator pada TAHUN_DASAR untuk keempat profil, dan sumbernya."""
    import numpy as np

    from p3pd.indikator import DAFTAR_INDIKATOR, target_kalibrasi

    target = target_kalibrasi()
    hasil = np.zeros((len(KABUPATEN_LATIHAN), len(DAFTAR_INDIKATOR)))
    sumber: list[list[str]] = []
    for i, kab in enumerate(KABUPATEN_LATIHAN):
        baris_sumber = []
        for j, ind in enumerate(DAFTAR_INDIKATOR):
            cocok = target[(target["kode_kabupaten"] == kab) & (target["indikator"] == ind.kode)]
            if len(cocok):
                nilai, tahun = float(cocok["target"].iloc[0]), int(cocok["tahun"].iloc[0])
                baris_sumber.append("acuan")
            elif ind.kode in TINGKAT_ASUMSI[kab]:
                nilai, tahun = TINGKAT_ASUMSI[kab][ind.kode], TAHUN_DASAR
                baris_sumber.append("asumsi")
            else:
                raise ValueError(f"Indikator '{ind.kode}' kabupaten {kab} tidak punya tingkat")
            hasil[i, j] = _logit(nilai / 100.0) - MODEL_INDIKATOR[ind.kode].tren * (
                tahun - TAHUN_DASAR
            )
        sumber.append(baris_sumber)
    return hasil, sumber


def _bobot_profil(kab: pd.DataFrame) -> np.ndarray:
    """Matriks bobot profil (kabupaten × 4) dari kolom bobot, atau dari kode kabupaten latihan."""
    import numpy as np

    kolom = [_KOLOM_BOBOT[k] for k in KABUPATEN_LATIHAN]
    if all(c in kab.columns for c in kolom):
        w = kab[kolom].to_numpy(dtype="float64")
        if np.any(w < 0) or np.any(w.sum(axis=1) <= 0):
            raise ValueError("Bobot profil harus ≥ 0 dan tidak semuanya nol")
        return w / w.sum(axis=1, keepdims=True)
    tidak_dikenal = sorted(set(kab["kode_kabupaten"]) - set(KABUPATEN_LATIHAN))
    if tidak_dikenal:
        raise ValueError(
            "Kabupaten "
            + ", ".join(tidak_dikenal)
            + " tidak punya profil. Beri kolom "
            + ", ".join(kolom)
            + " (bobot keempat profil)."
        )
    return np.array(
        [[1.0 if k == p else 0.0 for p in KABUPATEN_LATIHAN] for k in kab["kode_kabupaten"]]
    )


def _parameter_kabupaten(kab: pd.DataFrame) -> dict[str, Any]:
    """Parameter setiap kabupaten: interpolasi keempat profil pada skala log/logit/linear."""
    import numpy as np

    w = _bobot_profil(kab)
    par: dict[str, Any] = {}
    for f in fields(Profil):
        if f.name == "gaya_nama":
            continue
        nilai = np.array([getattr(PROFIL[k], f.name) for k in KABUPATEN_LATIHAN], dtype="float64")
        skala = _SKALA_PARAMETER.get(f.name, "linear")
        if skala == "log":
            par[f.name] = np.exp(w @ np.log(nilai))
        elif skala == "logit":
            par[f.name] = _expit(w @ _logit(nilai))
        else:
            par[f.name] = w @ nilai
    gaya = np.array([PROFIL[k].gaya_nama for k in KABUPATEN_LATIHAN])
    par["gaya_nama"] = gaya[np.argmax(w, axis=1)]
    tingkat, _ = _tingkat_2022_profil()
    par["tingkat_2022"] = w @ tingkat  # (kabupaten × indikator), skala logit
    return par


# ---------------------------------------------------------------------------------------------
# Pembuat data
# ---------------------------------------------------------------------------------------------


def _periksa_wilayah(wilayah: pd.DataFrame) -> None:
    kurang = [k for k in KOLOM_WILAYAH if k not in wilayah.columns]
    if kurang:
        raise ValueError("Tabel wilayah tidak punya kolom: " + ", ".join(kurang))
    if wilayah["kode_kecamatan"].duplicated().any():
        raise ValueError("Kode kecamatan di tabel wilayah harus unik")
    if (wilayah["jumlah_desa"].astype("int64") < 1).any():
        raise ValueError("Setiap kecamatan harus punya minimal 1 desa")
    if (wilayah["jumlah_desa"].astype("int64") > 999).any():
        raise ValueError("Nomor desa 2NNN hanya cukup untuk 999 desa per kecamatan")


def buat_data(wilayah: pd.DataFrame, benih: int = BENIH) -> dict[str, pd.DataFrame]:
    """Bangkitkan semua tabel data latihan untuk daftar kecamatan ``wilayah``.

    ``wilayah`` berisi satu baris per kecamatan dengan kolom kode/nama provinsi, kabupaten,
    kecamatan dan ``jumlah_desa``; opsional ``jauh`` (pengali jarak ke puskesmas) dan kolom
    bobot profil (lihat ``wilayah_nasional``). Hasilnya kamus nama tabel (``p3pd.skema``) →
    DataFrame dengan kolom persis seperti skema, baris terurut menurut kunci. Hasil sama persis
    untuk ``wilayah`` dan ``benih`` yang sama.
    """
    import pandas as pd

    _periksa_wilayah(wilayah)
    kec = wilayah.sort_values("kode_kecamatan").reset_index(drop=True)
    kab = (
        kec.drop_duplicates("kode_kabupaten")
        .sort_values("kode_kabupaten")
        .reset_index(drop=True)
        .drop(columns=["kode_kecamatan", "nama_kecamatan", "jumlah_desa"])
    )
    par = _parameter_kabupaten(kab)
    kab_dari_kec = (
        pd.Index(kab["kode_kabupaten"]).get_indexer(kec["kode_kecamatan"].str.slice(0, 5))
    ).astype("int64")
    if (kab_dari_kec < 0).any():
        raise ValueError("Kode kecamatan harus diawali kode kabupatennya (PP.KK.CC)")

    ruang = _Ruang.buat(kec, kab, kab_dari_kec, par, benih)
    _kependudukan(ruang)
    _fasilitas(ruang)
    _indikator(ruang)
    kebutuhan = _kebutuhan(ruang)
    apbdes = _apbdes(ruang, kebutuhan)
    from p3pd.sintetis_pemangku import buat_pemangku
    from p3pd.sintetis_perencanaan import buat_perencanaan

    hasil = {
        "wilayah": ruang.tabel_wilayah(),
        "indikator": ruang.tabel_indikator(),
        **apbdes,
        "fasilitas": ruang.tabel_fasilitas(),
        **buat_perencanaan(
            ruang, kebutuhan, apbdes["belanja"], _rng(benih, 6), _rng(benih, 5), _rng(benih, 21)
        ),
        "pemangku": buat_pemangku(ruang.kec, ruang.benih),
    }
    return {nama: hasil[nama][skema.SEMUA_TABEL[nama].nama_kolom] for nama in skema.SEMUA_TABEL}


@dataclass
class _Ruang:
    """Keadaan kerja generator: larik per desa (D) dan per desa-tahun (D×T, desa lebih dulu)."""

    benih: int
    kec: Any
    kab: Any
    par: dict[str, Any]
    kode_desa: Any
    nama_desa: Any
    kec_idx: Any
    kab_idx: Any
    tahun: Any  # larik tahun skema
    jarak: Any
    jauh: Any  # keterpencilan baku (per desa)
    miskin: Any  # faktor kemiskinan baku (per desa)
    kolom: dict[str, Any]  # kolom desa-tahun tabel indikator
    fas: dict[str, Any]  # kolom fasilitas per desa

    @property
    def n_desa(self) -> int:
        return len(self.kode_desa)

    @property
    def n_tahun(self) -> int:
        return len(self.tahun)

    def per_dt(self, x: Any) -> Any:
        """Ulangi larik per desa menjadi per desa-tahun."""
        import numpy as np

        return np.repeat(x, self.n_tahun)

    @property
    def tahun_dt(self) -> Any:
        import numpy as np

        return np.tile(self.tahun, self.n_desa)

    @property
    def grup_dt(self) -> Any:
        """Indeks grup kabupaten × tahun untuk setiap desa-tahun."""
        import numpy as np

        return self.per_dt(self.kab_idx) * self.n_tahun + np.tile(
            np.arange(self.n_tahun), self.n_desa
        )

    @classmethod
    def buat(cls, kec: Any, kab: Any, kab_dari_kec: Any, par: dict[str, Any], benih: int) -> _Ruang:
        import numpy as np

        rng = _rng(benih, 1)
        jumlah = kec["jumlah_desa"].to_numpy(dtype="int64")
        kec_idx = np.repeat(np.arange(len(kec)), jumlah)
        kab_idx = kab_dari_kec[kec_idx]
        nomor = np.concatenate([np.arange(1, n + 1) for n in jumlah]) + 2000
        kode_kec = kec["kode_kecamatan"].to_numpy()
        kode_desa = np.array(
            [f"{kode_kec[c]}.{n:04d}" for c, n in zip(kec_idx, nomor, strict=True)]
        )
        # nama desa: unik di dalam kecamatan
        calon = {g: np.array(calon_nama_desa(g)) for g in set(par["gaya_nama"])}
        nama = np.empty(len(kode_desa), dtype=object)
        awal = 0
        for c, n in enumerate(jumlah):
            daftar = calon[par["gaya_nama"][kab_dari_kec[c]]]
            if n > len(daftar):  # kecamatan sangat besar: tambah nama pemekaran ("… Baru", …)
                daftar = np.array(
                    list(daftar) + [f"{x} {a}" for a in _AKHIRAN_PEMEKARAN for x in daftar]
                )
            if n > len(daftar):
                raise ValueError(f"Calon nama desa tidak cukup untuk {n} desa satu kecamatan")
            nama[awal : awal + n] = daftar[rng.choice(len(daftar), n, replace=False)]
            awal += n

        # keterpencilan: jarak ke puskesmas lognormal (kabupaten × kecamatan × desa)
        n_kab, n_kec, n = len(kab), len(kec), len(kode_desa)
        jauh_kec = kec["jauh"].to_numpy(dtype="float64") if "jauh" in kec else np.ones(n_kec)
        efek_kec = rng.normal(0.0, 0.25, n_kec) + np.log(jauh_kec)
        log_jarak = (
            np.log(par["jarak_median"][kab_idx])
            + efek_kec[kec_idx]
            + par["jarak_sigma"][kab_idx] * rng.normal(0.0, 1.0, n)
        )
        jarak = np.round(np.clip(np.exp(log_jarak), 0.2, 60.0), 1)
        jauh = _baku_grup(np.log(jarak), kab_idx, n_kab)
        # kemiskinan: berkorelasi dengan keterpencilan dan kecamatan
        miskin_kec = rng.normal(0.0, 1.0, n_kec)
        miskin = _baku_grup(
            0.45 * jauh + 0.5 * miskin_kec[kec_idx] + 0.75 * rng.normal(0.0, 1.0, n),
            kab_idx,
            n_kab,
        )
        return cls(
            benih=benih,
            kec=kec,
            kab=kab,
            par=par,
            kode_desa=kode_desa,
            nama_desa=nama,
            kec_idx=kec_idx,
            kab_idx=kab_idx,
            tahun=np.array(skema.TAHUN_DATA, dtype="int64"),
            jarak=jarak,
            jauh=jauh,
            miskin=miskin,
            kolom={},
            fas={},
        )

    def tabel_wilayah(self) -> pd.DataFrame:
        import pandas as pd

        k = self.kec
        c = self.kec_idx
        return pd.DataFrame(
            {
                "kode_desa": self.kode_desa,
                "nama_desa": self.nama_desa.astype(str),
                "kode_kecamatan": k["kode_kecamatan"].to_numpy()[c],
                "nama_kecamatan": k["nama_kecamatan"].to_numpy()[c],
                "kode_kabupaten": k["kode_kabupaten"].to_numpy()[c],
                "nama_kabupaten": k["nama_kabupaten"].to_numpy()[c],
                "kode_provinsi": k["kode_provinsi"].astype(str).to_numpy()[c],
                "nama_provinsi": k["nama_provinsi"].to_numpy()[c],
            }
        )

    def tabel_indikator(self) -> pd.DataFrame:
        import pandas as pd

        data = {"kode_desa": self.per_dt(self.kode_desa), "tahun": self.tahun_dt}
        data.update(self.kolom)
        return pd.DataFrame(data)

    def tabel_fasilitas(self) -> pd.DataFrame:
        import numpy as np
        import pandas as pd

        data = {"kode_desa": self.kode_desa}
        data.update({k: v for k, v in self.fas.items() if k != "air_perpipaan"})
        data["jarak_puskesmas_km"] = self.jarak
        data["air_perpipaan"] = np.where(self.fas["air_perpipaan"], "ya", "tidak")
        return pd.DataFrame(data)


def _kependudukan(r: _Ruang) -> None:
    """Penduduk, rumah tangga, kelompok umur, dan persalinan per desa-tahun."""
    import numpy as np

    rng = _rng(r.benih, 2)
    p, k = r.par, r.kab_idx
    n_kec = len(r.kec)
    jauh_kec = r.kec["jauh"].to_numpy(dtype="float64") if "jauh" in r.kec else np.ones(n_kec)
    efek_kec = rng.normal(0.0, 0.2, n_kec) - 0.25 * np.log(jauh_kec)
    log_pend = (
        np.log(p["penduduk_median"][k])
        + efek_kec[r.kec_idx]
        + p["penduduk_sigma"][k] * rng.normal(0.0, 1.0, r.n_desa)
    )
    pend_2022 = np.clip(np.exp(log_pend), 350, 60_000)
    # kecamatan nyata berjangkar (p3pd.penduduk): sebaran desa tetap, jumlahnya = target 2022
    from p3pd.penduduk import target_penduduk_kecamatan

    kec = r.kec.copy()
    if "jumlah_kelurahan" not in kec:
        kec["jumlah_kelurahan"] = 0
    if "jauh" not in kec:
        kec["jauh"] = 1.0
    tumbuh_kab = dict(zip(r.kab["kode_kabupaten"], p["pertumbuhan"], strict=True))
    target = target_penduduk_kecamatan(kec, tumbuh_kab, int(r.tahun[0]))
    sasaran = (
        kec["kode_kecamatan"]
        .map(dict(zip(target["kode_kecamatan"], target["penduduk_desa_dasar"], strict=True)))
        .to_numpy(dtype="float64")
    )
    jumlah_kec = np.bincount(r.kec_idx, pend_2022, minlength=n_kec)
    skala = np.where(np.isnan(sasaran), 1.0, sasaran / jumlah_kec)
    pend_2022 = np.maximum(pend_2022 * skala[r.kec_idx], 150.0)
    tumbuh = rng.normal(p["pertumbuhan"][k], 0.004)
    selang = r.tahun_dt - r.tahun[0]
    pend = np.round(r.per_dt(pend_2022) * (1.0 + r.per_dt(tumbuh)) ** selang).astype("int64")
    ukuran_rt = p["ukuran_rt"][k] * np.exp(rng.normal(0.0, 0.06, r.n_desa) + 0.03 * r.miskin)
    rt = np.maximum(1, np.round(pend / r.per_dt(ukuran_rt))).astype("int64")

    # kelompok umur lepas: 0–6, 7–12, 13–15, 16–17, 18, 19+ (desa miskin sedikit lebih muda)
    muda = np.exp(0.05 * r.miskin + rng.normal(0.0, 0.04, r.n_desa))
    pangsa = np.column_stack(
        [p[f"pangsa_{g}"][k] * muda for g in ("0_6", "7_12", "13_15", "16_17", "18")]
    )
    pangsa = np.column_stack([pangsa, 1.0 - pangsa.sum(axis=1)])
    pita = rng.multinomial(pend, np.repeat(pangsa, r.n_tahun, axis=0)).astype("int64")
    pita[:, :5] = np.maximum(pita[:, :5], 1)
    pita[:, 5] = pend - pita[:, :5].sum(axis=1)
    u06, u712, u1315, u1617, u18 = (pita[:, i] for i in range(5))

    pk = r.per_dt(k)
    balita = np.maximum(1, _binomial(rng, u06, p["pangsa_balita"][pk] / p["pangsa_0_6"][pk]))
    a1223 = np.maximum(1, _binomial(rng, balita, p["pangsa_12_23"][pk] / p["pangsa_balita"][pk]))
    a36 = np.maximum(1, _binomial(rng, u06, p["pangsa_3_6"][pk] / p["pangsa_0_6"][pk]))
    ukur = _expit(_logit(p["cakupan_ukur"][pk]) - 0.3 * r.per_dt(r.jauh))
    diukur = np.maximum(1, _binomial(rng, balita, ukur))
    a17 = _binomial(rng, u1617, np.full(len(u1617), 0.5))
    lahir = np.maximum(
        1, _binomial(rng, pend, p["kelahiran"][pk] * np.exp(0.08 * r.per_dt(r.miskin)))
    )
    r.kolom.update(
        {
            "jumlah_penduduk": pend,
            "jumlah_rumah_tangga": rt,
            "balita_diukur": diukur,
            "anak_12_23_bulan": a1223,
            "persalinan": lahir,
            "ibu_hamil_sasaran": np.maximum(1, np.round(1.1 * lahir)).astype("int64"),
            "balita_sasaran": balita,
            "anak_7_12": u712,
            "anak_13_15": u1315,
            "anak_7_18": u712 + u1315 + u1617 + u18,
            "anak_3_6": a36,
            "anak_0_17": u06 + u712 + u1315 + u1617,
            "wajib_ktp": a17 + u18 + pita[:, 5],
        }
    )
    r.kolom["_ukuran_rt"] = r.per_dt(ukuran_rt)


def _fasilitas(r: _Ruang) -> None:
    """Fasilitas dan sisi pasokan per desa (keadaan tahun terakhir)."""
    import numpy as np

    rng = _rng(r.benih, 3)
    p, k, n = r.par, r.kab_idx, r.n_desa
    akhir = np.arange(n) * r.n_tahun + (r.n_tahun - 1)
    pend = r.kolom["jumlah_penduduk"][akhir].astype("float64")
    balita = r.kolom["balita_sasaran"][akhir].astype("float64")
    sd = np.clip(1 + rng.poisson(pend / 3000.0), 1, 4)
    smp = rng.binomial(2, _expit(-1.3 + 0.6 * np.log(pend / 2500.0) - 0.3 * r.jauh))
    paud = np.clip(rng.poisson(pend / 1800.0 * np.exp(-0.2 * r.miskin)), 0, 4)
    posyandu = np.clip(np.round(balita / 60.0 + rng.normal(0.0, 0.7, n)), 2, 8).astype("int64")
    aktif = rng.binomial(
        posyandu, _expit(_logit(p["posyandu_aktif"][k]) - 0.6 * r.jauh - 0.2 * r.miskin)
    )
    pustu = rng.binomial(2, np.full(n, 0.35))
    bidan = rng.binomial(2, _expit(_logit(p["peluang_bidan"][k]) - 0.4 * r.jauh))
    laten = -0.4 * r.miskin - 0.3 * r.jauh + rng.normal(0.0, 0.8, n)
    pipa = _persentil_grup(laten, k) > 1.0 - p["pangsa_perpipaan"][k]
    r.fas.update(
        {
            "jumlah_sd": sd.astype("int64"),
            "jumlah_smp": smp.astype("int64"),
            "jumlah_paud": paud.astype("int64"),
            "jumlah_posyandu": posyandu,
            "posyandu_aktif": aktif.astype("int64"),
            "jumlah_pustu_polindes": pustu.astype("int64"),
            "bidan_desa": bidan.astype("int64"),
            "air_perpipaan": pipa,
        }
    )


def _efek_fasilitas(r: _Ruang, kode: str) -> Any:
    import numpy as np

    f = r.fas
    if kode not in EFEK_FASILITAS:
        return np.zeros(r.n_desa)
    koef = EFEK_FASILITAS[kode][1]
    if kode in ("imunisasi_dasar_lengkap", "balita_spm"):
        x = f["posyandu_aktif"] / f["jumlah_posyandu"] - 0.8
    elif kode in ("persalinan_fasyankes", "ibu_hamil_spm"):
        x = (f["bidan_desa"] > 0).astype("float64")
    elif kode == "partisipasi_paud":
        x = (f["jumlah_paud"] > 0).astype("float64")
    elif kode == "apm_smp":
        x = (f["jumlah_smp"] > 0).astype("float64")
    else:  # air_minum_layak
        x = f["air_perpipaan"].astype("float64")
    return koef * x


def _indikator(r: _Ruang) -> None:
    """Pembilang semua indikator: model logit laten, intersep dikalibrasi, tarikan binomial."""
    import numpy as np

    from p3pd.indikator import INDIKATOR

    rng = _rng(r.benih, 4)
    kode_ind = list(INDIKATOR)
    grup = r.grup_dt
    n_grup = len(r.kab) * r.n_tahun
    kab_g = np.repeat(np.arange(len(r.kab)), r.n_tahun)
    selang_g = np.tile(r.tahun - TAHUN_DASAR, len(r.kab))

    def target_grup(kode: str) -> Any:
        j = kode_ind.index(kode)
        return _expit(r.par["tingkat_2022"][kab_g, j] + MODEL_INDIKATOR[kode].tren * selang_g)

    # faktor khusus layanan (positif = layanan itu lemah di desa ini): bagian kecamatan + desa
    rng_layanan = _rng(r.benih, 5)
    n_kec = len(r.kec)
    faktor = {
        lay: rng_layanan.normal(0.0, 0.25, n_kec)[r.kec_idx]
        + rng_layanan.normal(0.0, SD_LAYANAN, r.n_desa)
        for lay in skema.LAYANAN
    }

    def laten(kode: str) -> Any:
        m = MODEL_INDIKATOR[kode]
        ind = INDIKATOR[kode]
        arah = -1.0 if ind.arah == skema.NAIK else 1.0
        # DTKS mengukur kemiskinan itu sendiri (kebutuhan), bukan mutu layanan: faktor umum penuh
        umum, khusus = (1.0, 0.0) if kode == "penduduk_dtks" else (BOBOT_LATEN_UMUM, 1.0)
        desa = (
            umum * (m.b_miskin * r.miskin + m.c_jauh * r.jauh)
            + khusus * arah * faktor[ind.layanan]
            + rng.normal(0.0, m.sd_desa, r.n_desa)
            + _efek_fasilitas(r, kode)
        )
        return r.per_dt(desa) + rng.normal(0.0, SD_TAHUNAN, r.n_desa * r.n_tahun)

    def tarik(kode: str, penyebut: Any, target: Any | None = None) -> Any:
        x = laten(kode)
        t = target_grup(kode) if target is None else target
        a = _intersep(x, penyebut, grup, t, n_grup)
        return _binomial(rng, penyebut, _expit(a[grup] + x))

    kol = r.kolom
    for kode in kode_ind:
        ind = INDIKATOR[kode]
        if kode in ("babs", "keluarga_miskin_bansos"):
            continue
        kol[ind.pembilang] = tarik(kode, kol[ind.penyebut])
        if kode == "penduduk_dtks":
            kel = np.round(kol["penduduk_miskin"] / kol["_ukuran_rt"])
            kol["jumlah_keluarga_miskin"] = np.clip(kel, 1, kol["jumlah_rumah_tangga"]).astype(
                "int64"
            )
    # BABS hanya terjadi di rumah tangga tanpa sanitasi layak: kalibrasi atas sisa rumah tangga
    sisa = kol["jumlah_rumah_tangga"] - kol["rt_sanitasi_layak"]
    rt_g = np.bincount(grup, kol["jumlah_rumah_tangga"], minlength=n_grup)
    sisa_g = np.bincount(grup, sisa, minlength=n_grup)
    t_babs = np.clip(target_grup("babs") * rt_g / np.maximum(sisa_g, 1), 1e-6, 0.98)
    kol["rt_babs"] = tarik("babs", sisa, t_babs)
    kol["keluarga_miskin_bansos"] = tarik("keluarga_miskin_bansos", kol["jumlah_keluarga_miskin"])
    del kol["_ukuran_rt"]
    urutan = [c.nama for c in skema.INDIKATOR_DESA.kolom if c.nama not in ("kode_desa", "tahun")]
    r.kolom = {c: kol[c].astype("int64") for c in urutan}


def _kebutuhan(r: _Ruang) -> Any:
    """Skor kesenjangan per desa-tahun × layanan (peringkat di dalam kabupaten-tahun, 0 = tengah)."""
    import numpy as np

    from p3pd.indikator import INDIKATOR
    from p3pd.skema import NAIK

    grup = r.grup_dt
    skor = np.zeros((r.n_desa * r.n_tahun, len(skema.LAYANAN)))
    jumlah = np.zeros(len(skema.LAYANAN))
    for ind in INDIKATOR.values():
        j = list(skema.LAYANAN).index(ind.layanan)
        laju = r.kolom[ind.pembilang] / np.maximum(r.kolom[ind.penyebut], 1)
        arah = -1.0 if ind.arah == NAIK else 1.0
        skor[:, j] += (_persentil_grup(arah * laju, grup) - 0.5) * np.sqrt(12.0)
        jumlah[j] += 1
    return skor / jumlah


def _apbdes(r: _Ruang, kebutuhan: Any) -> dict[str, pd.DataFrame]:
    """Pendapatan (realisasi per sumber), belanja per sub-bidang, dan rincian kegiatan 1.1."""
    import numpy as np
    import pandas as pd

    from p3pd.layanan import layanan_sub_bidang, referensi_sub_bidang

    rng = _rng(r.benih, 7)
    p, n_dt = r.par, r.n_desa * r.n_tahun
    k_dt = r.per_dt(r.kab_idx)
    th = r.tahun_dt
    grup = r.grup_dt
    n_grup = len(r.kab) * r.n_tahun
    kol = r.kolom

    # --- pendapatan ---------------------------------------------------------------------
    dasar = np.array([DANA_DESA_NASIONAL[int(t)] for t in r.tahun], dtype="float64")
    pend = kol["jumlah_penduduk"].astype("float64")
    kel = kol["jumlah_keluarga_miskin"].astype("float64")
    n_g = np.bincount(grup, minlength=n_grup).astype("float64")
    rata_pend = np.bincount(grup, pend, minlength=n_grup) / np.maximum(n_g, 1)
    rata_kel = np.bincount(grup, kel, minlength=n_grup) / np.maximum(n_g, 1)
    formula = 0.6 * pend / rata_pend[grup] + 0.4 * kel / rata_kel[grup]
    pengali = np.clip(0.82 + 0.18 * formula, 0.75, 1.6)
    dd = (
        np.round(
            dasar[np.tile(np.arange(r.n_tahun), r.n_desa)]
            * p["faktor_dana_desa"][k_dt]
            * pengali
            / 1000
        )
        * 1000
    )
    add = np.round(dd * p["rasio_add"][k_dt] * np.exp(rng.normal(0.0, 0.12, n_dt)) / 1000) * 1000
    pad = np.round(p["pad_median"][k_dt] * np.exp(rng.normal(0.0, 0.8, n_dt)))
    bagi = np.round(dd * p["rasio_bagi_hasil"][k_dt] * np.exp(rng.normal(0.0, 0.25, n_dt)))
    dapat_bantuan = rng.random(n_dt) < p["peluang_bantuan"][k_dt]
    bantuan = np.where(
        dapat_bantuan, np.round(100_000_000 * np.exp(rng.normal(0.0, 0.5, n_dt)) / 1000) * 1000, 0
    )
    pendapatan = pd.DataFrame(
        {
            "kode_desa": r.per_dt(r.kode_desa),
            "tahun": th,
            "dana_desa": dd.astype("int64"),
            "alokasi_dana_desa": add.astype("int64"),
            "pendapatan_asli_desa": pad.astype("int64"),
            "bagi_hasil_pajak_retribusi": bagi.astype("int64"),
            "bantuan_keuangan": bantuan.astype("int64"),
        }
    )
    total_pendapatan = dd + add + pad + bagi + bantuan

    # --- belanja: anggaran -------------------------------------------------------------
    kode_sb = referensi_sub_bidang()["kode_sub_bidang"].tolist()
    sb_layanan = {lay: kode for kode, lay in layanan_sub_bidang().items()}
    tak_dikenal = (set(BOBOT_BELANJA) | set(SUB_BIDANG_WAJIB)) - set(kode_sb)
    if tak_dikenal:
        raise ValueError(
            "Kode sub-bidang tidak ada di referensi: " + ", ".join(sorted(tak_dikenal))
        )
    col = {kode: i for i, kode in enumerate(kode_sb)}
    total = total_pendapatan * np.clip(np.exp(rng.normal(0.01, 0.025, n_dt)), 0.93, 1.08)
    buruk = r.per_dt(rng.random(r.n_desa) < PANGSA_BURUK)
    # 1.1 per kegiatan: pangsa yang dibatasi 30 % tetap per desa (+ goyangan tahunan kecil),
    # dibagi ke 1.1.01/02/05; kegiatan lain (operasional, RT/RW, …) punya pangsa sendiri.
    dibatasi = np.clip(
        r.per_dt(rng.normal(DIBATASI_RERATA, DIBATASI_SD, r.n_desa)) + rng.normal(0, 0.005, n_dt),
        0.15,
        0.36,
    )
    bagian = np.array([b for _, _, b in KEGIATAN_1_1])
    kena = np.array([d for _, d, _ in KEGIATAN_1_1])
    goyang = np.exp(rng.normal(0.0, 0.15, (n_dt, len(KEGIATAN_1_1))))
    dalam = bagian[kena] * goyang[:, kena]
    pangsa_keg = np.zeros((n_dt, len(KEGIATAN_1_1)))
    pangsa_keg[:, kena] = dibatasi[:, None] * dalam / dalam.sum(axis=1, keepdims=True)
    pangsa_keg[:, ~kena] = bagian[~kena] * goyang[:, ~kena]
    siltap = pangsa_keg.sum(axis=1)
    kpm = np.minimum(
        np.round(kol["jumlah_keluarga_miskin"] * rng.uniform(0.4, 0.8, n_dt)) + 1,
        np.floor(np.array([BLT_BATAS_DD[int(t)] for t in th]) * dd / BLT_PER_KPM),
    )
    blt = np.maximum(kpm, 1) * BLT_PER_KPM
    pangan = np.where(th >= 2023, KETAHANAN_PANGAN_DD * dd * rng.uniform(0.9, 1.1, n_dt), 0.0)

    bobot = np.zeros((n_dt, len(kode_sb)))
    for kode, b in BOBOT_BELANJA.items():
        ada = np.ones(n_dt, dtype=bool)
        if kode not in SUB_BIDANG_WAJIB:
            ada = rng.random(n_dt) < PELUANG_OPSIONAL[kode]
        if kode == "4.2":
            ada &= th < 2023  # 2023–2024: 4.2 dihitung tetap dari Dana Desa (ketahanan pangan)
        bobot[:, col[kode]] = np.where(ada, b * np.exp(rng.normal(0.0, 0.25, n_dt)), 0.0)
    for j, lay in enumerate(skema.LAYANAN):
        sb = sb_layanan[lay]
        if sb not in BOBOT_BELANJA:  # 5.3 (BLT) dihitung tetap dari keluarga penerima
            continue
        # desa baik: belanja layanan mengikuti kesenjangan; desa "salah belanja": sebaliknya
        bobot[:, col[sb]] *= np.where(buruk, 0.45, np.exp(0.35 * kebutuhan[:, j]))
    bobot[:, col["2.3"]] *= np.where(buruk, 1.6, 1.0)
    sisa = total * (1.0 - siltap) - blt - pangan
    sisa = np.maximum(sisa, 0.15 * total)
    jumlah = np.zeros((n_dt, len(kode_sb)))
    jumlah[:] = sisa[:, None] * bobot / bobot.sum(axis=1, keepdims=True)
    jumlah[:, col["5.3"]] = blt
    jumlah[:, col["4.2"]] += pangan
    anggaran = np.round(jumlah / 1000) * 1000
    anggaran_keg = np.round(total[:, None] * pangsa_keg / 1000) * 1000
    anggaran[:, col["1.1"]] = anggaran_keg.sum(axis=1)
    anggaran[:, col["5.3"]] = blt

    # --- belanja: realisasi ------------------------------------------------------------
    kinerja = np.clip(rng.normal(KINERJA_REALISASI, 0.035, n_dt), 0.6, 1.0)
    laju = np.clip(kinerja[:, None] + rng.normal(0.0, 0.035, anggaran.shape), 0.3, 1.0)
    rendah = rng.random(anggaran.shape) < PELUANG_REALISASI_RENDAH
    laju = np.where(rendah, laju * rng.uniform(0.5, 0.8, anggaran.shape), laju)
    laju[:, col["5.3"]] = rng.choice([9, 10, 11, 12, 12, 12, 12], n_dt) / 12.0
    realisasi = np.floor(anggaran * laju)
    realisasi[:, col["5.3"]] = np.round(anggaran[:, col["5.3"]] * laju[:, col["5.3"]])
    laju_keg = np.clip(rng.normal(0.975, 0.015, anggaran_keg.shape), 0.9, 1.0)
    realisasi_keg = np.floor(anggaran_keg * laju_keg)
    realisasi[:, col["1.1"]] = realisasi_keg.sum(axis=1)

    baris, kolom = np.nonzero(anggaran > 0)
    belanja = pd.DataFrame(
        {
            "kode_desa": r.per_dt(r.kode_desa)[baris],
            "tahun": th[baris],
            "kode_sub_bidang": np.array(kode_sb, dtype=object)[kolom],
            "anggaran": anggaran[baris, kolom].astype("int64"),
            "realisasi": realisasi[baris, kolom].astype("int64"),
        }
    )
    baris, kolom = np.nonzero(anggaran_keg > 0)
    kegiatan = pd.DataFrame(
        {
            "kode_desa": r.per_dt(r.kode_desa)[baris],
            "tahun": th[baris],
            "kode_kegiatan": np.array([k for k, _, _ in KEGIATAN_1_1], dtype=object)[kolom],
            "anggaran": anggaran_keg[baris, kolom].astype("int64"),
            "realisasi": realisasi_keg[baris, kolom].astype("int64"),
        }
    )
    return {"belanja": belanja, "belanja_kegiatan": kegiatan, "pendapatan": pendapatan}


# ---------------------------------------------------------------------------------------------
# Kalibrasi: capaian data terhadap target
# ---------------------------------------------------------------------------------------------


def tabel_kalibrasi(indikator: pd.DataFrame) -> pd.DataFrame:
    """Bandingkan capaian data dengan setiap target ``p3pd.indikator.target_kalibrasi()``.

    Capaian kabupaten dihitung dengan menjumlahkan pembilang dan penyebut semua desanya pada
    tahun target, lalu membagi. Kolom: ``kode_kabupaten, indikator, tahun, target, sumber,
    tingkat_acuan, jenis, capaian, selisih_relatif`` (persen dari target); ``jenis`` adalah
    ``survei`` atau ``administratif``.
    """
    from p3pd.indikator import INDIKATOR, target_kalibrasi

    hasil = target_kalibrasi()
    capaian = []
    kab = indikator["kode_desa"].astype(str).str.slice(0, 5)
    for baris in hasil.itertuples(index=False):
        ind = INDIKATOR[baris.indikator]
        pilih = indikator[(kab == baris.kode_kabupaten) & (indikator["tahun"] == baris.tahun)]
        penyebut = float(pilih[ind.penyebut].sum())
        capaian.append(
            float(pilih[ind.pembilang].sum()) / penyebut * 100 if penyebut else float("nan")
        )
    hasil["capaian"] = capaian
    hasil["selisih_relatif"] = (hasil["capaian"] - hasil["target"]) / hasil["target"] * 100
    return hasil


# ---------------------------------------------------------------------------------------------
# Dokumen (Markdown, Bahasa Indonesia) yang dibuat dari skema, parameter, dan data
# ---------------------------------------------------------------------------------------------

_PERINGATAN = (
    "> **Data sintetis.** Semua angka desa di folder ini dibangkitkan komputer dari model dan\n"
    "> asumsi yang tertulis di `SUMBER.md`. Kabupaten dan kecamatannya nyata, desanya fiktif.\n"
    "> Jangan mengutip angka ini sebagai data desa, kecamatan, atau kabupaten sungguhan.\n"
)

_NAMA_TIPE = {
    skema.TIPE_KODE_DESA: "kode desa (teks `PP.KK.CC.NNNN`)",
    skema.TIPE_KODE_KECAMATAN: "kode kecamatan (teks `PP.KK.CC`)",
    skema.TIPE_KODE_KABUPATEN: "kode kabupaten (teks `PP.KK`)",
    skema.TIPE_TAHUN: "tahun (bilangan bulat)",
    skema.TIPE_CACAH: "jumlah orang, rumah tangga, atau keluarga (bilangan bulat ≥ 0)",
    skema.TIPE_RUPIAH: "rupiah (bilangan bulat ≥ 0)",
    skema.TIPE_DESIMAL: "desimal (≥ 0, satu angka di belakang titik)",
    skema.TIPE_TEKS: "teks",
    skema.TIPE_KATEGORI: "kategori (salah satu nilai yang disebut)",
    skema.TIPE_BOOL: "ya/tidak (teks `ya` atau `tidak`)",
}

_NAMA_ARAH = {
    skema.NAIK: "makin tinggi makin baik",
    skema.TURUN: "makin rendah makin baik",
    skema.NETRAL: "–",
}


def _sel(teks: object) -> str:
    return str(teks).replace("|", "\\|").replace("\n", " ")


def _tabel_md(judul: Sequence[str], baris: Sequence[Sequence[object]]) -> str:
    isi = ["| " + " | ".join(_sel(j) for j in judul) + " |"]
    isi.append("|" + "|".join("---" for _ in judul) + "|")
    isi += ["| " + " | ".join(_sel(x) for x in b) + " |" for b in baris]
    return "\n".join(isi) + "\n"


def _angka(x: float, desimal: int = 2) -> str:
    from p3pd.format import angka

    if round(float(x), desimal) == 0:
        x = 0.0  # hindari "-0,00"
    return angka(x, desimal=desimal)


def _nama_kabupaten() -> dict[str, str]:
    kec = wilayah_latihan()
    return dict(zip(kec["kode_kabupaten"], kec["nama_kabupaten"], strict=False))


def dokumen_kamus(data: dict[str, pd.DataFrame]) -> str:
    """Teks ``KAMUS_DATA.md``: setiap tabel dan kolom dari ``p3pd.skema``, plus daftar indikator."""
    from p3pd.indikator import DAFTAR_INDIKATOR

    bagian = [
        "# Kamus data latihan\n",
        _PERINGATAN,
        "Dibuat otomatis dari `p3pd.skema` dan `p3pd.indikator` oleh `p3pd data`; jangan disunting"
        " dengan tangan. Semua berkas CSV memakai UTF-8, pemisah koma, titik sebagai tanda"
        " desimal, dan satu baris judul kolom. Kolom *Sumber* menyebut asal definisi atau"
        ' besarannya; "asumsi" berarti nilainya dipilih untuk data sintetis (alasannya di'
        " `SUMBER.md`).\n",
        "## Tipe kolom\n",
        _tabel_md(["Tipe", "Arti"], [[f"`{k}`", v] for k, v in _NAMA_TIPE.items()]),
        "## Lima layanan dasar (nilai kolom `layanan`)\n",
        _tabel_md(["Kunci", "Layanan"], [[f"`{k}`", v] for k, v in skema.LAYANAN.items()]),
    ]
    for nomor, tabel in enumerate(skema.TABEL_DIKENAL.values(), start=1):
        n = len(data[tabel.nama]) if tabel.nama in data else 0
        bagian.append(f"## {nomor}. `{tabel.berkas}` — {tabel.judul}\n")
        jumlah = (
            "Tabel tambahan untuk data sendiri (opsional; data latihan tidak memuatnya; diisi mis. "
            "oleh `p3pd impor --preset idm`)"
            if tabel.nama in skema.TABEL_TAMBAHAN
            else f"Jumlah baris data latihan: {_angka(n, 0)}"
        )
        bagian.append(f"Kunci unik: {', '.join(f'`{k}`' for k in tabel.kunci)}. {jumlah}.\n")
        baris = []
        for k in tabel.kolom:
            definisi = k.definisi
            if k.pilihan:
                definisi += " (pilihan: " + ", ".join(f"`{p}`" for p in k.pilihan) + ")"
            if skema.teks_rentang(k):
                definisi += f" (rentang sah: {skema.teks_rentang(k)})"
            baris.append(
                [
                    f"`{k.nama}`",
                    k.tipe,
                    k.satuan,
                    definisi,
                    _NAMA_ARAH.get(k.arah, k.arah),
                    k.sumber,
                ]
            )
        bagian.append(_tabel_md(["Kolom", "Tipe", "Satuan", "Definisi", "Arah", "Sumber"], baris))
        if tabel.pasangan:
            bagian.append(
                "Aturan: pembilang tidak boleh melebihi penyebutnya pada baris yang sama — "
                + "; ".join(f"`{p.pembilang}` ≤ `{p.penyebut}`" for p in tabel.pasangan)
                + ".\n"
            )
    bagian.append("## Indikator yang dihitung dari `indikator_desa.csv`\n")
    bagian.append(
        "Capaian wilayah = jumlah pembilang semua desa ÷ jumlah penyebut semua desa × 100 "
        "(jumlahkan dulu, baru bagi; jangan merata-ratakan persentase desa).\n"
    )
    baris = [
        [
            f"`{i.kode}`",
            i.nama,
            skema.LAYANAN[i.layanan],
            f"`{i.pembilang}`",
            f"`{i.penyebut}`",
            _NAMA_ARAH[i.arah],
            "–" if i.target is None else _angka(i.target, 2),
            i.jenis_target,
            i.sumber_target,
            i.jenis_data,
            i.catatan or "–",
        ]
        for i in DAFTAR_INDIKATOR
    ]
    bagian.append(
        _tabel_md(
            [
                "Kode",
                "Indikator",
                "Layanan",
                "Pembilang",
                "Penyebut",
                "Arah",
                "Target (%)",
                "Jenis target",
                "Sumber target",
                "Jenis data desa",
                "Catatan",
            ],
            baris,
        )
    )
    bagian.append(
        "*Jenis target*: **resmi** = ditetapkan peraturan; **SPM** = Standar Pelayanan Minimal"
        " (PP 2/2018 dan peraturan menteri bidangnya); **asumsi pelatihan** = dipilih untuk"
        " latihan, bukan ketentuan. *Jenis data desa*: jenis sumber yang ditiru data latihan"
        " (survei rumah tangga atau catatan administratif); data desa hanya dibandingkan dengan"
        " angka terbitan yang sejenis.\n\n"
        "**Penduduk terdaftar DTKS bukan angka kemiskinan BPS.** BPS tidak menerbitkan angka"
        " kemiskinan (P0) per desa; P0 kabupaten dihitung dari survei Susenas dengan garis"
        " kemiskinan. Di desa yang tersedia adalah register DTKS (Kemensos) atau P3KE, yaitu"
        " daftar keluarga miskin dan rentan yang diusulkan desa. Kolom `penduduk_miskin` dan"
        " `jumlah_keluarga_miskin` berisi penduduk dan keluarga yang terdaftar di register itu."
        " Jangan menaruhnya berdampingan dengan P0 BPS seolah-olah sebanding.\n"
    )
    return "\n".join(bagian)


def _tabel_asumsi_tingkat() -> str:
    from p3pd.indikator import DAFTAR_INDIKATOR

    _, sumber = _tingkat_2022_profil()
    baris = []
    for j, ind in enumerate(DAFTAR_INDIKATOR):
        if all(sumber[i][j] == "acuan" for i in range(len(KABUPATEN_LATIHAN))):
            continue
        nilai = [
            _angka(TINGKAT_ASUMSI[kab][ind.kode], 1) if sumber[i][j] == "asumsi" else "(acuan)"
            for i, kab in enumerate(KABUPATEN_LATIHAN)
        ]
        baris.append([f"`{ind.kode}`", *nilai, _ALASAN_TINGKAT.get(ind.kode, "asumsi")])
    return _tabel_md(["Indikator", *KABUPATEN_LATIHAN, "Alasan"], baris)


def dokumen_kalibrasi(data: dict[str, pd.DataFrame]) -> str:
    """Teks ``KALIBRASI.md``: target, sumber, capaian data, selisih relatif, dan asumsi."""
    nama_kab = _nama_kabupaten()
    kal = tabel_kalibrasi(data["indikator"])
    baris = [
        [
            f"`{b.indikator}`",
            f"{b.kode_kabupaten} {nama_kab.get(b.kode_kabupaten, '')}".strip(),
            b.tahun,
            _angka(b.target, 2),
            b.sumber,
            b.tingkat_acuan,
            b.jenis,
            _angka(b.capaian, 2),
            _angka(b.selisih_relatif, 2),
        ]
        for b in kal.itertuples(index=False)
    ]
    maks = float(kal["selisih_relatif"].abs().max())
    tren = [[f"`{k}`", _angka(m.tren, 2)] for k, m in MODEL_INDIKATOR.items()]
    return "\n".join(
        [
            "# Kalibrasi data latihan sintetis\n",
            _PERINGATAN,
            "Dibuat otomatis oleh `p3pd data` dari data yang baru ditulisnya; jangan disunting"
            " dengan tangan.\n",
            "## Target dan capaian\n",
            "Target diambil dari `p3pd.indikator.target_kalibrasi()`: angka terbitan tingkat"
            " kabupaten bila ada, selain itu angka provinsinya (tahun 2022–2024), dan **hanya"
            " yang sejenis dengan data desa indikator itu**: indikator yang datanya meniru catatan"
            " administratif (IDL, persalinan, JKN, akta, KTP-el, …) dikalibrasi ke angka"
            " administratif, indikator survei (stunting, sanitasi, air minum) ke angka survei."
            " Angka survei untuk indikator administratif (mis. IDL Susenas Sumut 41,04 %) hanya"
            " ditampilkan sebagai pembanding berlabel survei. *Capaian data* dihitung dari `indikator_desa.csv`: pembilang dan"
            " penyebut semua desa kabupaten itu pada tahun target dijumlahkan, lalu dibagi."
            " *Selisih relatif* = (capaian − target) ÷ target × 100. Batas yang diuji: ±10 %;"
            f" sasaran ±2 %. Selisih relatif terbesar: {_angka(maks, 2)} %.\n",
            _tabel_md(
                [
                    "Indikator",
                    "Kabupaten",
                    "Tahun",
                    "Target (%)",
                    "Sumber",
                    "Tingkat acuan",
                    "Jenis",
                    "Capaian data (%)",
                    "Selisih relatif (%)",
                ],
                baris,
            ),
            "Selisih yang tersisa berasal dari tarikan acak binomial per desa; nilai harapannya"
            " sama persis dengan target. Pada tahun lain, target digeser dengan tren tahunan di"
            " bawah.\n",
            "## Indikator tanpa acuan: nilai asumsi (tahun 2022, persen)\n",
            "Untuk pasangan kabupaten × indikator tanpa angka terbitan, tingkat kabupaten tahun"
            " 2022 dipilih sebagai asumsi; intersep dikalibrasi ke nilai ini dengan cara yang"
            ' sama. "(acuan)" berarti kabupaten itu punya target di tabel atas.\n',
            _tabel_asumsi_tingkat(),
            "## Penduduk kecamatan: jangkar angka terbitan\n",
            _bagian_penduduk(data),
            "## Tren tahunan (skala logit, asumsi)\n",
            "Tahun lain = expit(logit(tingkat tahun acuan) + tren × selisih tahun); tren 0,08"
            " setara kira-kira 1–2 poin persen per tahun pada tingkat 20–80 %.\n",
            _tabel_md(["Indikator", "Tren per tahun"], tren),
        ]
    )


def _bagian_penduduk(data: dict[str, pd.DataFrame]) -> str:
    """Tabel jangkar penduduk 93 kecamatan: angka terbitan atau asumsi, target, hasil data."""
    from p3pd import penduduk

    target = penduduk.target_latihan()
    ind = data["indikator"]
    dasar = ind[ind["tahun"] == TAHUN_DASAR]
    hasil = dasar.groupby(dasar["kode_desa"].str.slice(0, 8))["jumlah_penduduk"].sum()
    baris, tidak = [], []
    for b in target.itertuples(index=False):
        data_kec = int(hasil.get(b.kode_kecamatan, 0))
        selisih = (data_kec - b.penduduk_desa_dasar) / b.penduduk_desa_dasar * 100
        ditemukan = b.status == penduduk.DITEMUKAN
        acuan = (
            f"{_angka(b.penduduk_acuan, 0)} ({int(b.tahun_acuan)}, {b.jenis}; {b.sumber_url})"
            if ditemukan
            else "TIDAK DITEMUKAN — asumsi: sisa penduduk kabupaten"
        )
        if not ditemukan:
            tidak.append(f"{b.kode_kecamatan} {b.nama_kecamatan}")
        baris.append(
            [
                f"{b.kode_kecamatan} {b.nama_kecamatan}",
                acuan,
                _angka(b.penduduk_kecamatan_dasar, 0),
                _angka(b.pangsa_desa * 100, 1),
                _angka(b.penduduk_desa_dasar, 0),
                _angka(data_kec, 0),
                _angka(selisih, 2),
            ]
        )
    maks = float(
        max(abs(float(x[-1].replace(".", "").replace(",", "."))) for x in baris) if baris else 0
    )
    kab = penduduk.acuan_penduduk()
    kab = kab[kab["kode_wilayah"].str.len() == 5]
    daftar_kab = "; ".join(
        f"{k.kode_wilayah} {k.nama_wilayah}: {_angka(k.penduduk, 0)} ({k.tahun}, {k.jenis};"
        f" {k.sumber_url})"
        for k in kab.itertuples(index=False)
    )
    return "\n".join(
        [
            "Penduduk desa latihan dibagi dari penduduk kecamatan nyata (`p3pd.penduduk`, angka di"
            " `modules/p3pd/referensi/penduduk_wilayah.csv`). Aturannya:\n",
            "1. Angka kecamatan yang ditemukan (Sensus Penduduk 2020 atau proyeksi BPS"
            " pertengahan 2023) dipakai apa adanya.",
            "2. Kecamatan yang angkanya **TIDAK DITEMUKAN** mendapat sisa penduduk kabupatennya"
            " (angka kabupaten: " + daftar_kab + "), dibagi menurut (jumlah desa +"
            f" {_angka(penduduk.BOBOT_KELURAHAN, 1)} × jumlah kelurahan) ÷ pengali jarak"
            " ke puskesmas (asumsi: kecamatan yang jauh lebih jarang penduduknya). Angka ini"
            " **asumsi**, bukan angka terbitan.",
            "3. Semua angka digeser ke tahun 2022 dengan pertumbuhan penduduk profil kabupaten"
            " (asumsi, tabel profil di `SUMBER.md`).",
            "4. Kelurahan tidak ada di data latihan, jadi bagiannya dikurangi: satu kelurahan"
            f" dianggap berpenduduk {_angka(penduduk.BOBOT_KELURAHAN, 1)} kali rata-rata desa di"
            " kecamatan yang sama (asumsi). *Bagian desa* = desa ÷ (desa +"
            f" {_angka(penduduk.BOBOT_KELURAHAN, 1)} × kelurahan).",
            "5. Di dalam kecamatan, penduduk dibagi ke desa secara acak (lognormal); jumlahnya"
            " sama dengan target. Batas yang diuji: ±10 %; selisih terbesar"
            f" {_angka(maks, 2)} %.\n",
            f"Kecamatan yang angkanya TIDAK DITEMUKAN ({len(tidak)} dari {len(baris)}): "
            + ", ".join(tidak)
            + ".\n",
            _tabel_md(
                [
                    "Kecamatan",
                    "Angka terbitan (tahun, jenis; sumber)",
                    "Kecamatan 2022",
                    "Bagian desa (%)",
                    "Target desa 2022",
                    "Data latihan 2022",
                    "Selisih (%)",
                ],
                baris,
            ),
        ]
    )


def _tabel_profil() -> str:
    judul = [
        ("penduduk_median", "Median penduduk desa 2022 (jiwa)", 0, 1),
        ("penduduk_sigma", "Simpangan baku log penduduk", 2, 1),
        ("pertumbuhan", "Pertumbuhan penduduk per tahun (%)", 1, 100),
        ("ukuran_rt", "Jiwa per rumah tangga", 1, 1),
        ("pangsa_0_6", "Umur 0–6 (% penduduk)", 1, 100),
        ("pangsa_7_12", "Umur 7–12 (%)", 1, 100),
        ("pangsa_13_15", "Umur 13–15 (%)", 1, 100),
        ("pangsa_16_17", "Umur 16–17 (%)", 1, 100),
        ("pangsa_18", "Umur 18 (%)", 1, 100),
        ("pangsa_balita", "Balita 0–59 bulan (%)", 1, 100),
        ("pangsa_12_23", "Anak 12–23 bulan (%)", 1, 100),
        ("pangsa_3_6", "Anak 3–6 tahun (%)", 1, 100),
        ("kelahiran", "Persalinan per penduduk per tahun (%)", 1, 100),
        ("cakupan_ukur", "Balita yang diukur (% balita)", 0, 100),
        ("jarak_median", "Median jarak ke puskesmas (km)", 1, 1),
        ("jarak_sigma", "Simpangan baku log jarak", 2, 1),
        ("pangsa_perpipaan", "Desa dengan jaringan perpipaan (%)", 0, 100),
        ("peluang_bidan", "Peluang tiap dari 2 kursi bidan desa terisi (%)", 0, 100),
        ("posyandu_aktif", "Peluang posyandu aktif, desa rata-rata (%)", 0, 100),
        ("faktor_dana_desa", "Dana Desa rata-rata ÷ rata-rata nasional", 2, 1),
        ("rasio_add", "ADD ÷ Dana Desa", 2, 1),
        ("pad_median", "Median PADes (juta Rp)", 0, 1e-6),
        ("rasio_bagi_hasil", "Bagi hasil pajak/retribusi ÷ Dana Desa (%)", 1, 100),
        ("peluang_bantuan", "Peluang desa-tahun menerima bantuan keuangan (%)", 0, 100),
    ]
    baris = [
        [teks] + [_angka(getattr(PROFIL[k], nama) * skala, d) for k in KABUPATEN_LATIHAN]
        for nama, teks, d, skala in judul
    ]
    return _tabel_md(["Parameter", *KABUPATEN_LATIHAN], baris)


def _tabel_model() -> str:
    baris = [
        [
            f"`{kode}`",
            _angka(m.tren, 2),
            _angka(m.b_miskin, 2),
            _angka(m.c_jauh, 2),
            _angka(m.sd_desa, 2),
            f"{EFEK_FASILITAS[kode][0]}: {_angka(EFEK_FASILITAS[kode][1], 2)}"
            if kode in EFEK_FASILITAS
            else "–",
        ]
        for kode, m in MODEL_INDIKATOR.items()
    ]
    return _tabel_md(
        ["Indikator", "Tren/tahun", "b (miskin)", "c (jauh)", "SD desa", "Efek fasilitas"], baris
    )


def dokumen_sumber(data: dict[str, pd.DataFrame]) -> str:
    """Teks ``SUMBER.md``: asal-usul, lisensi, geografi, metode kalibrasi, dan semua asumsi."""
    from p3pd.sintetis_pemangku import teks_sumber as teks_sumber_pemangku
    from p3pd.sintetis_perencanaan import teks_sumber as teks_sumber_perencanaan

    wil = data["wilayah"]
    nama_kab = _nama_kabupaten()
    geo = (
        wil.groupby("kode_kabupaten")
        .agg(kecamatan=("kode_kecamatan", "nunique"), desa=("kode_desa", "size"))
        .reset_index()
    )
    baris_geo = [
        [b.kode_kabupaten, nama_kab.get(b.kode_kabupaten, ""), b.kecamatan, _angka(b.desa, 0)]
        for b in geo.itertuples(index=False)
    ]
    baris_geo.append(["", "Jumlah", int(geo["kecamatan"].sum()), _angka(int(geo["desa"].sum()), 0)])
    kec = wilayah_latihan().set_index("kode_kecamatan")["nama_kecamatan"]
    jauh = [[k, kec.get(k, ""), _angka(v, 1)] for k, v in sorted(KECAMATAN_JAUH.items())]
    berkas = [
        [f"`{t.berkas}`", t.judul, _angka(len(data[t.nama]), 0)] for t in skema.SEMUA_TABEL.values()
    ]
    dd = [[str(t), _angka(v / 1e6, 0)] for t, v in DANA_DESA_NASIONAL.items()]
    kal = tabel_kalibrasi(data["indikator"])
    admin = "; ".join(
        f"`{b.indikator}` {b.kode_kabupaten} {b.tahun}"
        for b in kal[kal["jenis"] == "administratif"].itertuples(index=False)
    )
    bobot = [
        [
            f"`{k}`",
            _angka(BOBOT_BELANJA[k], 1) if k in BOBOT_BELANJA else "tetap (lihat di atas)",
            "wajib" if k in SUB_BIDANG_WAJIB else _angka(PELUANG_OPSIONAL[k] * 100, 0),
        ]
        for k in sorted(set(BOBOT_BELANJA) | set(SUB_BIDANG_WAJIB))
    ]
    blt = ", ".join(f"{t}: {_angka(v * 100, 0)} %" for t, v in BLT_BATAS_DD.items())
    return "\n".join(
        [
            "# Sumber dan asal-usul data latihan\n",
            _PERINGATAN,
            "Dibuat otomatis oleh `p3pd data` dari modul `p3pd.sintetis`; jangan disunting dengan"
            " tangan (ubah modulnya, lalu jalankan ulang perintahnya). Semua angka di bawah ini"
            " diambil dari parameter generator yang sama yang membuat data.\n",
            "## 1. Asal\n",
            f"- Generator: modul `p3pd.sintetis` (fungsi `buat_data`), benih tetap `{BENIH}`.\n"
            "- Membuat ulang: `p3pd data` (menulis ke folder `data/`), atau"
            " `p3pd data --folder FOLDER`. Berkas ditulis atomik (berkas sementara lalu"
            " diganti), dengan urutan kolom tetap, baris terurut menurut kunci, akhir baris `\\n`,"
            " dan format desimal tetap.\n"
            "- Hasilnya sama byte demi byte selama versi NumPy sama; aliran bilangan acak NumPy"
            " dapat berubah antarversi, sehingga angka desa dapat sedikit bergeser pada versi lain"
            " (kalibrasi tetap berlaku). `tests/test_data.py` memeriksa bahwa berkas di folder ini"
            " sama dengan keluaran generator.\n"
            "- Generator yang sama membuat data berskala nasional (kabupaten dan kecamatan"
            " fiktif, `wilayah_nasional`) untuk uji beban; data itu tidak disimpan di sini.\n",
            _tabel_md(["Berkas", "Isi", "Baris"], berkas),
            "## 2. Lisensi\n",
            "- Data latihan dan dokumen di folder ini: **CC BY 4.0** (Creative Commons Atribusi"
            " 4.0 Internasional).\n"
            "- Kode dan nama provinsi, kabupaten, dan kecamatan: Kepmendagri 100.1.1-6117 Tahun"
            " 2022, diolah dari repositori publik cahyadsn/wilayah (lisensi MIT, Copyright (c)"
            " Cahya DSN); lihat `modules/p3pd/referensi/SUMBER.md`.\n"
            "- Kode sub-bidang belanja dan sumber pendapatan: lampiran Permendagri 20/2018.\n"
            "- Angka acuan kalibrasi: terbitan BPS, Kemenkes, BPJS Kesehatan, dan instansi lain"
            " seperti disebut di `KALIBRASI.md`; hanya angka ringkas tingkat kabupaten/provinsi"
            " yang dipakai, sebagai target.\n",
            "## 3. Geografi\n",
            "- Empat kabupaten nyata (satu per provinsi) dengan **semua** kecamatannya dan jumlah"
            " desa yang sebenarnya:\n",
            _tabel_md(["Kode", "Kabupaten", "Kecamatan", "Desa"], baris_geo),
            "- Kode desa mengikuti pola `PP.KK.CC.2NNN`: nomor 2001, 2002, … berurutan di setiap"
            " kecamatan. Nomor ini **tidak** menunjuk desa sungguhan yang bernomor sama."
            " Kelurahan (`1NNN`) tidak dimasukkan karena tidak punya APBDes.\n"
            "- Nama desa dibentuk generator dari awalan dan akhiran khas daerah (Jawa untuk Kab."
            " Semarang; campuran Melayu, Karo, dan Jawa untuk Deli Serdang; Timor/Dawan untuk"
            " TTS; Banjar untuk Kab. Banjar) dan unik di dalam satu kecamatan. **Kemiripan dengan"
            " nama desa sungguhan hanyalah kebetulan.**\n"
            "- Keterpencilan: jarak desa ke puskesmas ditarik lognormal per kabupaten, dengan"
            " efek acak kecamatan. Kecamatan berikut diberi pengali jarak (asumsi dari letak"
            " umumnya — pegunungan, pesisir selatan, atau pinggiran ibu kota kabupaten — bukan"
            " jarak terukur):\n",
            _tabel_md(["Kode", "Kecamatan", "Pengali jarak"], jauh),
            "## 4. Metode kalibrasi\n",
            "1. Setiap desa mendapat dua faktor laten yang dibakukan di dalam kabupaten:"
            " **keterpencilan** (log jarak ke puskesmas) dan **kemiskinan** (0,45 × keterpencilan"
            " + 0,5 × efek kecamatan + 0,75 × acak, lalu dibakukan).\n"
            "2. Untuk setiap indikator: logit(p) = intersep(kabupaten, tahun) + b × kemiskinan +"
            " c × keterpencilan + efek fasilitas + u(desa) + e(desa, tahun), dengan u ~ N(0, SD"
            f" desa) tetap antartahun dan e ~ N(0; {_angka(SD_TAHUNAN, 2)}).\n"
            "3. Intersep setiap kabupaten × indikator × tahun dicari (metode Newton) sehingga"
            " capaian kabupaten **berbobot jumlah sasaran** (jumlah pembilang ÷ jumlah penyebut harapan)"
            " sama dengan target: angka acuan pada tahun acuannya, dan tahun lain digeser dengan"
            " tren tahunan. Indikator tanpa acuan memakai nilai asumsi tahun 2022.\n"
            "4. Pembilang ditarik **binomial** dari penyebut desa, sehingga pembilang tidak pernah"
            " melebihi penyebut. BABS hanya ditarik dari rumah tangga tanpa sanitasi layak.\n"
            "5. Hasil dan selisihnya ada di `KALIBRASI.md` (diuji: setiap target dalam ±10 %"
            " relatif; sasaran ±2 %).\n",
            "## 5. Asumsi\n",
            "Semua angka di bagian ini dipilih untuk data sintetis. Angka terbitan yang sesuai"
            " **tidak ditemukan** kecuali disebut lain.\n",
            "### 5.1 Kependudukan dan profil kabupaten\n",
            "Alasan besaran penduduk: penduduk Dukcapil (Desember 2024) dibagi jumlah desa dan"
            " kelurahan Kepmendagri memberi rata-rata sekitar 4.490 jiwa per desa/kelurahan di"
            " Jawa Tengah, 2.560 di Sumatera Utara (Deli Serdang, penyangga Kota Medan, dibuat"
            " lebih padat dan berekor panjang), 1.660 di NTT, dan 2.140 di Kalimantan Selatan."
            " Penduduk desa ditarik lognormal dengan efek kecamatan, lalu setiap kecamatan nyata"
            " disesuaikan dengan jangkar penduduknya (Sensus 2020 / proyeksi BPS, atau asumsi bila"
            " tidak ditemukan; rinciannya di `KALIBRASI.md`). Struktur umur: NTT lebih muda;"
            " desa yang lebih miskin sedikit lebih muda (pengali exp(0,05 × kemiskinan)). Sasaran"
            " ibu hamil = 1,1 × persalinan; sasaran balita = jumlah balita; wajib KTP-el = umur"
            " 17 ke atas (separuh kelompok 16–17 dianggap berumur 17).\n",
            _tabel_profil(),
            "Kolom `penduduk_miskin` berisi penduduk dalam keluarga terdaftar DTKS (indikator"
            " `penduduk_dtks`), bukan angka kemiskinan BPS: BPS tidak menerbitkan P0 per desa."
            " Keluarga terdaftar DTKS (`jumlah_keluarga_miskin`) = penduduk DTKS ÷ jiwa per rumah"
            " tangga, minimal 1.\n",
            "### 5.2 Tingkat indikator tanpa acuan (tahun 2022, persen)\n",
            _tabel_asumsi_tingkat(),
            "### 5.3 Struktur laten (skala logit)\n",
            "logit(p) = intersep + "
            f"{_angka(BOBOT_LATEN_UMUM, 1)} × (b × kemiskinan + c × keterpencilan) ± faktor"
            " layanan + efek desa + efek fasilitas. Faktor layanan (simpangan baku"
            f" {_angka(SD_LAYANAN, 2)} di tingkat desa, 0,25 di tingkat kecamatan) sama untuk semua"
            " indikator satu layanan dan bebas antarlayanan, supaya desa yang lemah di air bersih"
            " tidak otomatis lemah di adminduk (asumsi)."
            " b > 0: desa yang lebih miskin bernilai lebih tinggi; c > 0: desa yang lebih jauh"
            " bernilai lebih tinggi. Tujuannya korelasi yang masuk akal: desa miskin punya"
            " sanitasi, air minum, dan dokumen yang lebih buruk, BABS dan stunting lebih tinggi,"
            " serta cakupan bansos lebih tinggi (tetapi tidak 100 %); desa jauh punya persalinan"
            " di fasyankes, posyandu aktif, dan IDL yang lebih rendah.\n",
            _tabel_model(),
            "### 5.4 Fasilitas (keadaan 2024)\n",
            "- SD = 1 + Poisson(penduduk/3.000), dibatasi 1–4; SMP ~ Binomial(2, p) dengan p naik"
            " menurut penduduk dan turun menurut keterpencilan (banyak desa tanpa SMP); PAUD ~"
            " Poisson(penduduk/1.800), dibatasi 0–4, lebih sedikit di desa miskin.\n"
            "- Posyandu = balita/60 (dibulatkan, 2–8); posyandu aktif ~ Binomial(posyandu, p)"
            " dengan p turun menurut keterpencilan dan kemiskinan.\n"
            "- Pustu/polindes ~ Binomial(2; 0,35); bidan desa ~ Binomial(2, p) dengan p turun"
            " menurut keterpencilan.\n"
            "- Jaringan perpipaan: desa dengan skor laten (lebih kaya, lebih dekat, acak) di"
            " atas persentil kabupaten sesuai pangsa perpipaan di tabel 5.1; perpipaan menaikkan"
            " air minum layak.\n",
            "### 5.5 APBDes\n",
            "Porsi belanja desa per sub-bidang yang diterbitkan **tidak ditemukan**; semua porsi"
            " di bawah adalah asumsi untuk latihan.\n",
            "- Dana Desa rata-rata nasional per desa (juta Rp) per tahun; 2024 mengikuti Rp71"
            " triliun untuk 75.259 desa (± Rp943 juta), 2022–2023 asumsi. Dana Desa desa ="
            " rata-rata × pengali kabupaten (tabel 5.1) × (0,82 + 0,18 × (0,6 × penduduk relatif"
            " + 0,4 × keluarga miskin relatif)), dibatasi 0,75–1,6, dibulatkan ke ribuan.\n",
            _tabel_md(["Tahun", "Dana Desa rata-rata (juta Rp)"], dd),
            "- ADD = Dana Desa × rasio kabupaten × lognormal(σ 0,12); PADes lognormal (median"
            " kabupaten, σ 0,8); bagi hasil pajak/retribusi = Dana Desa × rasio kabupaten ×"
            " lognormal(σ 0,25); bantuan keuangan: sebagian desa-tahun (peluang kabupaten),"
            " median Rp100 juta. Pendapatan berisi realisasi.\n"
            "- Total anggaran belanja = total pendapatan × lognormal(rata-rata +1 %, σ 2,5 %),"
            " dibatasi −7 % sampai +8 % (selisihnya ditutup SiLPA atau menjadi SiLPA).\n"
            "- Sub-bidang 1.1 dibuat per kegiatan (tabel `apbdes_belanja_kegiatan.csv`; baris"
            " 1.1 di tabel belanja = jumlah kegiatannya). Kegiatan yang dibatasi 30 % (1.1.01"
            " siltap dan tunjangan kepala desa, 1.1.02 siltap dan tunjangan perangkat desa,"
            " 1.1.05 tunjangan BPD) bersama-sama ="
            f" N({_angka(DIBATASI_RERATA * 100, 1)} %; {_angka(DIBATASI_SD * 100, 0)} %) dari"
            " total anggaran, tetap per desa (+ N(0; 0,5 %) per tahun, dibatasi 15–36 %), dibagi"
            " ke ketiganya menurut bagian di tabel di bawah × lognormal(σ 0,15); sekitar 2–5 %"
            " desa-tahun melewati batas 30 %. Kegiatan 1.1 lain (jaminan sosial aparatur,"
            " operasional pemerintah desa, operasional BPD, insentif RT/RW) = pangsa di tabel ×"
            " lognormal(σ 0,15), sehingga seluruh 1.1 sekitar 30 % dan lebih dari separuh"
            " desa-tahun punya 1.1 > 30 % tanpa melanggar batas. Realisasi tiap kegiatan"
            " N(97,5 %; 1,5 %), dibatasi 90–100 %. Data ini tidak memuat pendapatan tanah"
            " bengkok (dianggap nol), jadi tidak ada belanja yang dikeluarkan dari hitungan."
            " Kode dan nama kegiatan 1.1: daftar kegiatan Permendagri 20/2018 yang dipakai"
            " Siskeudes, sama bunyinya di beberapa tabel referensi kegiatan desa yang terbit"
            " terpisah (keyakinan sedang-tinggi). Kegiatan yang dibatasi mengikuti bunyi PP"
            " 43/2014 Pasal 100 sebagaimana diubah PP 11/2019 (keyakinan tinggi); 1.1.03 dan"
            " 1.1.06 tidak dibatasi karena tidak disebut pasal itu (keyakinan sedang; satu"
            " matriks kode rekening memasukkan 1.1.06). Rinciannya:"
            " `modules/p3pd/referensi/SUMBER.md`.\n",
            _tabel_md(
                ["Kegiatan", "Dibatasi 30 %", "Bagian"],
                [
                    [k, "ya" if d else "tidak", _angka(b * 100, 1) + " %"]
                    for k, d, b in KEGIATAN_1_1
                ],
            ),
            "(Bagian: untuk kegiatan yang dibatasi, porsinya di dalam pangsa yang dibatasi;"
            " untuk kegiatan lain, pangsa dari total anggaran belanja.)\n"
            f"- BLT Dana Desa (5.3) = keluarga penerima × Rp{_angka(BLT_PER_KPM, 0)} per tahun;"
            " penerima = 40–80 % keluarga miskin terdata + 1, dibatasi pangsa Dana Desa"
            f" ({blt}). Realisasi = 9–12 bulan dari 12.\n"
            f"- Ketahanan pangan (4.2) pada 2023–2024 = {_angka(KETAHANAN_PANGAN_DD * 100, 0)} %"
            " Dana Desa × U(0,9; 1,1); pada 2022 4.2 adalah sub-bidang tidak wajib biasa.\n"
            "- Sisa anggaran dibagi ke sub-bidang lain menurut bobot × lognormal(σ 0,25)."
            " Sub-bidang wajib selalu ada; sub-bidang lain muncul dengan peluang di tabel.\n"
            "- Desa yang baik membelanjakan lebih banyak untuk layanan yang kesenjangannya besar:"
            " bobot 1.3, 2.1, 2.2, 2.4 dikali exp(0,35 × skor kesenjangan layanan itu)."
            f" Sebanyak {_angka(PANGSA_BURUK * 100, 0)} % desa adalah desa **salah belanja**:"
            " bobot layanan dasarnya dikali 0,45 dan bobot 2.3 (infrastruktur) dikali 1,6, apa"
            " pun kesenjangannya.\n"
            f"- Realisasi per baris = kinerja desa-tahun N({_angka(KINERJA_REALISASI * 100, 0)} %;"
            " 3,5 %) + acak N(0; 3,5 %), dibatasi 30–100 %; dengan peluang"
            f" {_angka(PELUANG_REALISASI_RENDAH * 100, 0)} % satu baris jatuh ke 50–80 % dari"
            " lajunya.\n",
            _tabel_md(["Sub-bidang", "Bobot", "Peluang muncul (%)"], bobot),
            "### 5.6 Usulan, program OPD, pemangku kepentingan\n",
            "- Layanan setiap usulan dan program diambil dari **jenis**-nya melalui satu"
            " pemetaan, `modules/p3pd/referensi/jenis_layanan.csv` (dibaca `p3pd.layanan`),"
            " yang juga memetakan sub-bidang APBDes (`sub_bidang.csv`). Jenis yang dianggarkan"
            " desa di sebuah sub-bidang berlayanan sama dengan sub-bidang itu: rehabilitasi"
            " rumah tidak layak huni (sub-bidang 2.4 Kawasan Permukiman) masuk air bersih &"
            " sanitasi di APBDes, usulan, dan program. Pelatihan usaha (sub-bidang 4.5) bukan"
            " layanan dasar dan tidak ada di templat. Kolom `kewenangan` di berkas yang sama"
            " memisahkan pekerjaan skala desa (`desa`, dibiayai APBDes), pekerjaan kabupaten"
            " (`kabupaten`, tanpa sub-bidang APBDes), dan yang bisa keduanya (`bersama`).\n",
            teks_sumber_perencanaan(),
            teks_sumber_pemangku(),
            "## 6. Batasan\n",
            "- Data ini tidak mewakili desa mana pun. Kabupaten dan kecamatannya nyata hanya agar"
            " kode wilayah, nama, dan jumlah desanya realistis.\n"
            "- Target kalibrasi mencampur tingkat kabupaten dan provinsi (kolom *Tingkat acuan*"
            " di `KALIBRASI.md`). Contoh: kemiskinan dan stunting TTS memakai angka provinsi NTT"
            " karena angka kabupatennya tidak ditemukan.\n"
            "- Sebagian besar target adalah angka **survei**; target berjenis **administratif**"
            f" ({admin}) dipakai karena angka survei tidak ditemukan (kolom *Jenis* di"
            " `KALIBRASI.md`). Angka survei dan administratif untuk indikator yang sama bisa"
            " berbeda jauh (misalnya stunting SSGI dan e-PPGBM).\n",
        ]
    )


# ---------------------------------------------------------------------------------------------
# Menulis berkas
# ---------------------------------------------------------------------------------------------


def csv_tetap(df: pd.DataFrame, tabel: skema.Tabel) -> bytes:
    """Isi CSV yang selalu sama untuk data yang sama: kolom skema, baris urut kunci, ``\\n``."""
    urut = df[tabel.nama_kolom].sort_values(list(tabel.kunci), kind="stable")
    teks = urut.to_csv(index=False, lineterminator="\n", float_format="%.1f")
    return teks.encode("utf-8")


def tulis_data(data: dict[str, pd.DataFrame], folder: Path) -> list[Path]:
    """Tulis setiap tabel ``data`` (nama skema → DataFrame) sebagai CSV ke ``folder`` (atomik)."""
    folder = Path(folder)
    return [
        tulis_atomik(
            folder / skema.SEMUA_TABEL[nama].berkas, csv_tetap(df, skema.SEMUA_TABEL[nama])
        )
        for nama, df in data.items()
    ]


def buat_data_latihan(benih: int = BENIH) -> dict[str, pd.DataFrame]:
    """Data latihan: 4 kabupaten, 93 kecamatan nyata, 1.131 desa fiktif, tahun 2022–2024."""
    return buat_data(wilayah_latihan(), benih)


def tulis_data_latihan(folder: Path) -> list[Path]:
    """Tulis semua CSV latihan serta ``KAMUS_DATA.md``, ``KALIBRASI.md``, ``SUMBER.md`` ke ``folder``,
    dan penanda data sintetis ``DATA_SINTETIS.json`` (sidik setiap CSV; lihat ``p3pd.label``).

    Berkas ditulis atomik dan byte-nya sama setiap kali (benih tetap). Mengembalikan daftar
    berkas yang ditulis.
    """
    folder = Path(folder)
    data = buat_data_latihan()
    ditulis = tulis_data(data, folder)
    for nama, isi in (
        ("KAMUS_DATA.md", dokumen_kamus(data)),
        ("KALIBRASI.md", dokumen_kalibrasi(data)),
        ("SUMBER.md", dokumen_sumber(data)),
    ):
        ditulis.append(tulis_atomik(folder / nama, isi.encode("utf-8")))
    # Penanda yang ikut bersama data: sidik setiap CSV (lihat p3pd.label).
    from p3pd.label import tulis_penanda_sintetis

    ditulis.append(tulis_penanda_sintetis(folder, [p for p in ditulis if p.suffix == ".csv"]))
    return ditulis


# ---------------------------------------------------------------------------------------------
# Perintah baris: p3pd data
# ---------------------------------------------------------------------------------------------


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Argumen sub-perintah ``p3pd data``."""
    parser.add_argument(
        "--folder",
        type=Path,
        default=None,
        help="folder tujuan (bawaan: folder data/ proyek, atau variabel lingkungan P3PD_DATA)",
    )


def jalankan(args: argparse.Namespace) -> int:
    """Buat ulang data latihan sintetis ke folder tujuan; lalu contoh berkas berantakan bila ada."""
    import importlib
    import importlib.util

    from p3pd.lokasi import folder_data

    folder = Path(args.folder) if getattr(args, "folder", None) else folder_data()
    ditulis = tulis_data_latihan(folder)
    print(f"Data latihan SINTETIS (benih {BENIH}) ditulis ke {folder}:")
    for path in ditulis:
        print(f"  {path.name}")
    if importlib.util.find_spec("p3pd.berantakan") is not None:
        berantakan = importlib.import_module("p3pd.berantakan")
        berantakan.buat_sampel_berantakan(folder / "contoh_berantakan", folder_sumber=folder)
        print(f"Contoh berkas berantakan ditulis ke {folder / 'contoh_berantakan'}.")
    else:
        print("Contoh berkas berantakan dilewati (modul p3pd.berantakan belum ada).")
    return 0
