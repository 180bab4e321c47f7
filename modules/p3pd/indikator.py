"""Indikator layanan dasar: satu daftar definisi, capaian di setiap tingkat wilayah, kesenjangan.

Capaian selalu dihitung dari **jumlah** (pembilang dan penyebut): di tingkat kecamatan,
kabupaten, atau provinsi, pembilang dan penyebut dijumlahkan dulu, baru dibagi. Merata-ratakan
persentase desa memberi bobot yang sama pada desa kecil dan desa besar, dan hasilnya keliru.

Angka acuan (``Acuan``) adalah angka terbitan dengan sumbernya, bertanda **survei** atau
**administratif**. Setiap indikator menyebut jenis data desanya (``jenis_data``): data desa
dikalibrasi hanya ke acuan yang sejenis; acuan jenis lain ditampilkan sebagai pembanding dengan
labelnya ("bandingkan hanya yang sejenis"). Setiap angka acuan bersumber dari catatan referensi
proyek (angka terbitan dengan sumber dan tingkat keyakinannya); angka yang sumbernya tidak
ditemukan tidak dimasukkan. Tahun yang tidak tertulis di sumber dan hanya disimpulkan dari
konteks disebut di ``catatan`` acuannya.

Setiap target membawa jenis dan sumbernya (``jenis_target``): **resmi** (ditetapkan peraturan,
mis. stunting 14 % pada 2024, Perpres 72/2021 Pasal 4), **SPM** (Standar Pelayanan Minimal,
PP 2/2018 beserta peraturan menteri bidangnya), atau **asumsi pelatihan** (dipilih untuk
latihan, bukan ketentuan).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from p3pd.skema import LAYANAN, NAIK, TURUN

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.label import LabelData

ASUMSI_PELATIHAN = "asumsi pelatihan (bukan target resmi)"

RESMI = "resmi"
SPM = "SPM"
ASUMSI = "asumsi pelatihan"
TANPA_TARGET = "tanpa target"
JENIS_TARGET = (RESMI, SPM, ASUMSI, TANPA_TARGET)
"""Jenis target: ditetapkan peraturan, Standar Pelayanan Minimal, asumsi pelatihan, atau tidak ada."""

SURVEI = "survei"
ADMINISTRATIF = "administratif"
JENIS_DATA = (SURVEI, ADMINISTRATIF)
"""Jenis data: survei rumah tangga (Susenas, SSGI/SKI, pendataan desa) atau catatan administratif
(register puskesmas, Dukcapil, BPJS, DTKS, Dapodik)."""

_SPM_PENDIDIKAN = (
    "SPM Pendidikan (PP 2/2018; Permendikbud 32/2018): 100 % anak 7–15 tahun ikut pendidikan dasar"
)

TINGKAT = ("desa", "kecamatan", "kabupaten", "provinsi")
"""Tingkat wilayah yang dikenal, dari terkecil ke terbesar."""

_PANJANG_KODE = {"desa": 13, "kecamatan": 8, "kabupaten": 5, "provinsi": 2}


@dataclass(frozen=True)
class Acuan:
    """Angka terbitan resmi untuk satu wilayah (kode Kemendagri, atau 'ID' untuk Indonesia)."""

    wilayah: str
    nilai: float
    tahun: int
    sumber: str
    jenis: str  # "survei" atau "administratif"
    catatan: str = ""


@dataclass(frozen=True)
class Indikator:
    """Definisi satu indikator: pembilang/penyebut dari tabel indikator desa, arah, target, acuan."""

    kode: str
    nama: str
    layanan: str
    pembilang: str
    penyebut: str
    arah: str
    target: float | None
    sumber_target: str
    definisi: str
    satuan: str = "%"
    acuan: tuple[Acuan, ...] = ()
    jenis_target: str = ASUMSI
    jenis_data: str = SURVEI
    catatan: str = ""
    catatan_data_sendiri: str | None = None
    """Catatan pengganti untuk data sendiri, bila ``catatan`` berbicara tentang data latihan
    (``None`` = ``catatan`` berlaku untuk data apa pun)."""

    def catatan_untuk(self, sintetis: bool) -> str:
        """Catatan yang ditampilkan: untuk data latihan (``sintetis``) atau untuk data sendiri."""
        if sintetis or self.catatan_data_sendiri is None:
            return self.catatan
        return self.catatan_data_sendiri

    def acuan_untuk(self, wilayah: str, tahun: int | None = None) -> Acuan | None:
        """Acuan untuk kode wilayah tertentu (tahun terdekat bila ``tahun`` diberikan)."""
        cocok = [a for a in self.acuan if a.wilayah == wilayah]
        if not cocok:
            return None
        if tahun is None:
            return max(cocok, key=lambda a: a.tahun)
        return min(cocok, key=lambda a: (abs(a.tahun - tahun), -a.tahun))


_SSGI22 = "Kemenkes, SSGI 2022"
_BPS_SANITASI22 = "BPS, Statistik Indonesia 2023 (sanitasi layak 2022)"

DAFTAR_INDIKATOR: tuple[Indikator, ...] = (
    # --- Kesehatan -------------------------------------------------------------------------
    Indikator(
        "stunting",
        "Prevalensi balita stunting",
        "kesehatan",
        "balita_stunting",
        "balita_diukur",
        TURUN,
        14.0,
        "Perpres 72/2021 tentang Percepatan Penurunan Stunting, Pasal 4: target nasional 14 % pada 2024",
        "Balita 0–59 bulan dengan tinggi badan menurut umur di bawah −2 SD standar WHO, dibagi balita yang diukur.",
        acuan=(
            Acuan("33.22", 18.7, 2022, _SSGI22 + " (Kab. Semarang)", "survei"),
            Acuan("12.07", 13.9, 2022, _SSGI22 + " (Kab. Deli Serdang)", "survei"),
            Acuan("63.03", 26.4, 2022, _SSGI22 + " (Kab. Banjar)", "survei"),
            Acuan("33", 20.8, 2022, _SSGI22, "survei"),
            Acuan("12", 21.1, 2022, _SSGI22, "survei"),
            Acuan("53", 35.3, 2022, _SSGI22, "survei"),
            Acuan("63", 24.6, 2022, _SSGI22, "survei"),
            Acuan("ID", 21.6, 2022, _SSGI22, "survei"),
            Acuan("12", 18.9, 2023, "Kemenkes, SKI 2023", "survei"),
            Acuan("53", 37.9, 2023, "Kemenkes, SKI 2023", "survei"),
            Acuan("ID", 21.5, 2023, "Kemenkes, SKI 2023", "survei"),
            Acuan(
                "33",
                11.9,
                2022,
                "Data penimbangan e-PPGBM Jawa Tengah 2022 (dikutip Okezone, 28 Juni 2023)",
                "administratif",
                "Data administratif; jauh di bawah angka survei SSGI pada tahun yang sama.",
            ),
        ),
        jenis_target=RESMI,
        jenis_data=SURVEI,
        catatan=(
            "Data latihan dikalibrasi ke angka survei (SSGI/SKI), sejenis dengan target 14 %. "
            "Angka penimbangan posyandu (e-PPGBM) di desa nyata biasanya lebih rendah."
        ),
        catatan_data_sendiri=(
            "Target 14 % dan angka acuan SSGI/SKI adalah angka survei. Angka penimbangan "
            "posyandu (e-PPGBM) biasanya lebih rendah; bandingkan hanya angka yang sejenis."
        ),
    ),
    Indikator(
        "imunisasi_dasar_lengkap",
        "Cakupan imunisasi dasar lengkap (IDL, data program)",
        "kesehatan",
        "anak_idl",
        "anak_12_23_bulan",
        NAIK,
        95.0,
        "asumsi pelatihan, mengikuti target cakupan IDL Dinkes Prov. Jawa Tengah 2023 (95 %)",
        "Anak yang tercatat di register imunisasi puskesmas sudah mendapat BCG, DPT 3 kali, polio 4 kali, campak 1 kali, dan hepatitis B 4 kali, dibagi sasaran anak (kolom templat: anak umur 12–23 bulan).",
        acuan=(
            Acuan(
                "33",
                93.3,
                2023,
                "Dinkes Prov. Jawa Tengah, Profil Kesehatan Jawa Tengah 2023",
                "administratif",
                "Cakupan program: bayi dengan IDL ÷ sasaran bayi; target 95 %; bisa > 100 %.",
            ),
            Acuan("12", 41.04, 2023, "BPS, Profil Statistik Kesehatan 2023 (Susenas)", "survei"),
            Acuan("ID", 63.58, 2023, "BPS, Profil Statistik Kesehatan 2023 (Susenas)", "survei"),
            Acuan("33", 75.46, 2024, "BPS, Susenas 2024 (dikutip GoodStats)", "survei"),
            Acuan("53", 72.35, 2024, "BPS, Susenas 2024 (dikutip GoodStats)", "survei"),
            Acuan("ID", 63.69, 2024, "BPS, Susenas 2024 (dikutip GoodStats)", "survei"),
        ),
        jenis_data=ADMINISTRATIF,
        catatan=(
            "Data desa meniru cakupan program (register puskesmas) dan dikalibrasi ke angka "
            "administratif; angka survei Susenas (pengakuan rumah tangga, 60–75 %) hanya pembanding."
        ),
        catatan_data_sendiri=(
            "Angka register puskesmas adalah cakupan program (administratif, bisa > 100 %); "
            "angka survei Susenas (pengakuan rumah tangga, 60–75 %) hanya pembanding."
        ),
    ),
    Indikator(
        "persalinan_fasyankes",
        "Persalinan di fasilitas kesehatan",
        "kesehatan",
        "persalinan_fasyankes",
        "persalinan",
        NAIK,
        100.0,
        "SPM Kesehatan, Permenkes 4/2019 (pelayanan ibu bersalin)",
        "Persalinan yang terjadi di fasilitas pelayanan kesehatan, dibagi semua persalinan.",
        acuan=(
            Acuan(
                "33", 99.6, 2023, "Dinkes Prov. Jawa Tengah, Profil Kesehatan 2023", "administratif"
            ),
        ),
        jenis_target=SPM,
        jenis_data=ADMINISTRATIF,
    ),
    Indikator(
        "ibu_hamil_spm",
        "Pelayanan ibu hamil sesuai standar (SPM)",
        "kesehatan",
        "ibu_hamil_dilayani",
        "ibu_hamil_sasaran",
        NAIK,
        100.0,
        "SPM Kesehatan, Permenkes 4/2019",
        "Ibu hamil yang mendapat pelayanan kesehatan sesuai standar, dibagi sasaran ibu hamil.",
        jenis_target=SPM,
        jenis_data=ADMINISTRATIF,
    ),
    Indikator(
        "balita_spm",
        "Pelayanan balita sesuai standar (SPM)",
        "kesehatan",
        "balita_dilayani",
        "balita_sasaran",
        NAIK,
        100.0,
        "SPM Kesehatan, Permenkes 4/2019",
        "Balita yang mendapat pelayanan kesehatan sesuai standar, dibagi sasaran balita.",
        jenis_target=SPM,
        jenis_data=ADMINISTRATIF,
    ),
    # --- Pendidikan ------------------------------------------------------------------------
    Indikator(
        "apm_sd",
        "Angka partisipasi murni (APM) SD",
        "pendidikan",
        "anak_7_12_sekolah_sd",
        "anak_7_12",
        NAIK,
        100.0,
        _SPM_PENDIDIKAN,
        "Murid umur 7–12 di SD/MI/Paket A, dibagi penduduk umur 7–12 (definisi BPS).",
        jenis_target=SPM,
        jenis_data=ADMINISTRATIF,
        catatan="SPM mengukur partisipasi 7–15 di jenjang mana pun; APM SD adalah bagian 7–12.",
    ),
    Indikator(
        "apm_smp",
        "Angka partisipasi murni (APM) SMP",
        "pendidikan",
        "anak_13_15_sekolah_smp",
        "anak_13_15",
        NAIK,
        100.0,
        _SPM_PENDIDIKAN,
        "Murid umur 13–15 di SMP/MTs/Paket B, dibagi penduduk umur 13–15 (definisi BPS).",
        jenis_target=SPM,
        jenis_data=ADMINISTRATIF,
        catatan="SPM mengukur partisipasi 7–15 di jenjang mana pun; APM SMP adalah bagian 13–15.",
    ),
    Indikator(
        "anak_tidak_sekolah",
        "Anak tidak sekolah (ATS) umur 7–18",
        "pendidikan",
        "anak_tidak_sekolah",
        "anak_7_18",
        TURUN,
        5.0,
        ASUMSI_PELATIHAN,
        "Anak umur 7–18 yang tidak bersekolah, dibagi penduduk umur 7–18.",
        jenis_data=ADMINISTRATIF,
    ),
    Indikator(
        "partisipasi_paud",
        "Partisipasi PAUD umur 3–6",
        "pendidikan",
        "anak_3_6_paud",
        "anak_3_6",
        NAIK,
        75.0,
        ASUMSI_PELATIHAN,
        "Anak umur 3–6 yang terdaftar di PAUD (TK/KB/SPS), dibagi anak umur 3–6.",
        jenis_data=ADMINISTRATIF,
        catatan=(
            "SPM Pendidikan (PP 2/2018; Permendikbud 32/2018) menargetkan 100 % anak umur 5–6 di "
            "PAUD; indikator ini mencakup umur 3–6, jadi target SPM tidak dipakai langsung."
        ),
    ),
    # --- Air bersih & sanitasi -------------------------------------------------------------
    Indikator(
        "air_minum_layak",
        "Rumah tangga dengan air minum layak",
        "air_sanitasi",
        "rt_air_minum_layak",
        "jumlah_rumah_tangga",
        NAIK,
        100.0,
        "akses universal (SDGs Desa tujuan 6); asumsi pelatihan",
        "Rumah tangga yang sumber utama air minumnya layak (definisi BPS), dibagi semua rumah tangga.",
        acuan=(
            Acuan("63", 76.29, 2023, "BPS, Statistik Indonesia 2024 (dikutip Kompas)", "survei"),
            Acuan("ID", 91.72, 2023, "BPS, Statistik Indonesia 2024 (dikutip Kompas)", "survei"),
        ),
    ),
    Indikator(
        "sanitasi_layak",
        "Rumah tangga dengan sanitasi layak",
        "air_sanitasi",
        "rt_sanitasi_layak",
        "jumlah_rumah_tangga",
        NAIK,
        90.0,
        ASUMSI_PELATIHAN,
        "Rumah tangga dengan kloset leher angsa dan pembuangan ke tangki septik/IPAL (di perdesaan lubang tanah juga), dibagi semua rumah tangga.",
        acuan=(
            Acuan("33", 84.37, 2022, _BPS_SANITASI22, "survei"),
            Acuan("63", 82.55, 2022, _BPS_SANITASI22, "survei"),
            Acuan("12", 82.3, 2022, _BPS_SANITASI22, "survei"),
            Acuan("53", 73.7, 2022, "BPS 2022 (dikutip Kompas, 27 Mei 2023)", "survei"),
            Acuan("ID", 80.92, 2022, _BPS_SANITASI22, "survei"),
        ),
    ),
    Indikator(
        "babs",
        "Rumah tangga buang air besar sembarangan (BABS)",
        "air_sanitasi",
        "rt_babs",
        "jumlah_rumah_tangga",
        TURUN,
        0.0,
        "desa bebas BABS (ODF); asumsi pelatihan",
        "Rumah tangga yang masih buang air besar di tempat terbuka, dibagi semua rumah tangga.",
        acuan=(Acuan("ID", 5.86, 2022, "BPS 2022 (dikutip Kompas, 27 Mei 2023)", "survei"),),
    ),
    # --- Jaminan sosial --------------------------------------------------------------------
    Indikator(
        "penduduk_dtks",
        "Penduduk terdaftar DTKS",
        "jaminan_sosial",
        "penduduk_miskin",
        "jumlah_penduduk",
        TURUN,
        None,
        "tidak ada target desa",
        "Penduduk dalam keluarga yang terdaftar di Data Terpadu Kesejahteraan Sosial (DTKS, "
        "register Kemensos; di banyak daerah juga P3KE), dibagi seluruh penduduk. Register ini "
        "mencatat keluarga miskin dan rentan calon penerima bantuan; isinya bukan angka "
        "kemiskinan BPS (P0).",
        jenis_target=TANPA_TARGET,
        jenis_data=ADMINISTRATIF,
        catatan=(
            "BPS tidak menerbitkan angka kemiskinan (P0) per desa; P0 kabupaten berasal dari survei "
            "(Susenas) dengan garis kemiskinan, sedangkan DTKS adalah daftar nama yang diusulkan "
            "desa. Keduanya tidak dapat dibandingkan satu lawan satu."
        ),
    ),
    Indikator(
        "peserta_jkn",
        "Penduduk terdaftar JKN",
        "jaminan_sosial",
        "peserta_jkn",
        "jumlah_penduduk",
        NAIK,
        100.0,
        "SDGs Desa indikator 1.2.1 (Permendesa PDTT 13/2020; target 100 %)",
        "Penduduk yang terdaftar sebagai peserta JKN, dibagi seluruh penduduk.",
        acuan=(
            Acuan(
                "33",
                87.67,
                2022,
                "Setda Prov. Jawa Tengah, per 1 Des 2022 (dikutip Tribun Jateng)",
                "administratif",
            ),
            Acuan(
                "63.03",
                97.79,
                2024,
                "BPJS Kesehatan Cab. Banjarmasin, Juni 2024 (dikutip bakabar.com)",
                "administratif",
                "Berita bertanggal 26 Juni tanpa tahun; tahun 2024 disimpulkan dari berita Mata "
                "Banua 26 Juni 2024 yang mengutip narasumber yang sama.",
            ),
            Acuan(
                "63",
                97.83,
                2024,
                "BPJS Kesehatan Cab. Banjarmasin, Juni 2024 (dikutip Mata Banua)",
                "administratif",
            ),
            Acuan(
                "ID",
                90.79,
                2023,
                "BPJS Kesehatan, 1 Maret 2023 (dikutip Bisnis.com)",
                "administratif",
            ),
        ),
        jenis_target=RESMI,
        jenis_data=ADMINISTRATIF,
    ),
    Indikator(
        "keluarga_miskin_bansos",
        "Keluarga terdaftar DTKS penerima bantuan sosial",
        "jaminan_sosial",
        "keluarga_miskin_bansos",
        "jumlah_keluarga_miskin",
        NAIK,
        100.0,
        "SDGs Desa indikator 1.3 (Permendesa PDTT 13/2020; target 100 %)",
        "Keluarga terdaftar DTKS yang menerima bantuan sosial, dibagi seluruh keluarga terdaftar DTKS.",
        jenis_target=RESMI,
        jenis_data=ADMINISTRATIF,
    ),
    # --- Administrasi kependudukan ---------------------------------------------------------
    Indikator(
        "akta_kelahiran",
        "Anak 0–17 memiliki akta kelahiran",
        "adminduk",
        "anak_0_17_akta",
        "anak_0_17",
        NAIK,
        100.0,
        ASUMSI_PELATIHAN,
        "Anak umur 0–17 yang memiliki akta kelahiran, dibagi seluruh anak umur 0–17.",
        acuan=(
            Acuan("53", 69.47, 2022, "BPS, Susenas Maret 2022 (dikutip Databoks)", "survei"),
            Acuan("12", 85.14, 2022, "BPS, Susenas Maret 2022 (dikutip Databoks)", "survei"),
            Acuan("ID", 90.41, 2022, "BPS, Susenas Maret 2022 (dikutip Databoks)", "survei"),
        ),
        jenis_data=ADMINISTRATIF,
        catatan=(
            "Data desa meniru register Dukcapil; angka terbitan yang ditemukan berasal dari survei "
            "Susenas dan hanya dipakai sebagai pembanding."
        ),
        catatan_data_sendiri=(
            "Angka register Dukcapil bersifat administratif; angka terbitan yang ditemukan "
            "berasal dari survei Susenas dan hanya dipakai sebagai pembanding."
        ),
    ),
    Indikator(
        "perekaman_ktp_el",
        "Perekaman KTP-el",
        "adminduk",
        "wajib_ktp_rekam",
        "wajib_ktp",
        NAIK,
        99.04,
        "Ditjen Dukcapil, target nasional 2024 (dikutip Antara)",
        "Penduduk wajib KTP-el yang sudah merekam data, dibagi seluruh wajib KTP-el.",
        acuan=(
            Acuan(
                "ID",
                97.19,
                2024,
                "Ditjen Dukcapil, Semester I 2024 (dikutip Antara)",
                "administratif",
            ),
        ),
        jenis_target=RESMI,
        jenis_data=ADMINISTRATIF,
    ),
)
"""Semua indikator layanan dasar yang dihitung dari tabel indikator desa."""

INDIKATOR: dict[str, Indikator] = {i.kode: i for i in DAFTAR_INDIKATOR}
"""Indikator menurut kodenya."""


def _sintetis(sintetis: bool | None, label: LabelData | None = None) -> bool:
    """``sintetis`` bila diberikan, selain itu menurut ``label`` atau label folder data yang dipakai."""
    if sintetis is not None:
        return bool(sintetis)
    if label is None:
        from p3pd.label import label_data

        label = label_data()
    return label.sintetis


def daftar_indikator(layanan: str | None = None, *, sintetis: bool | None = None) -> pd.DataFrame:
    """Tabel definisi indikator: kode, nama, layanan, pembilang, penyebut, arah, target, jenis dan
    sumber target, jenis data desa (survei/administratif), definisi, catatan.

    ``catatan`` mengikuti data yang dipakai (``sintetis=None``: menurut ``p3pd.label``): untuk
    data sendiri, catatan tentang data latihan diganti catatan yang berlaku untuk data apa pun.
    """
    untuk_latihan = _sintetis(sintetis)
    baris = [
        {
            "kode": i.kode,
            "indikator": i.nama,
            "layanan": LAYANAN[i.layanan],
            "pembilang": i.pembilang,
            "penyebut": i.penyebut,
            "satuan": i.satuan,
            "arah": "makin tinggi makin baik" if i.arah == NAIK else "makin rendah makin baik",
            "target": i.target,
            "jenis_target": i.jenis_target,
            "sumber_target": i.sumber_target,
            "jenis_data": i.jenis_data,
            "definisi": i.definisi,
            "catatan": i.catatan_untuk(untuk_latihan),
        }
        for i in DAFTAR_INDIKATOR
        if layanan is None or i.layanan == layanan
    ]
    return pd.DataFrame(baris)


def ambil_indikator(kode: str) -> Indikator:
    """Definisi indikator menurut kodenya; pesan kesalahan berbahasa Indonesia bila tidak dikenal."""
    try:
        return INDIKATOR[kode]
    except KeyError:
        import difflib

        mirip = difflib.get_close_matches(kode, list(INDIKATOR), n=1)
        saran = f" Mungkin maksud Anda '{mirip[0]}'?" if mirip else ""
        raise KeyError(
            f"Indikator '{kode}' tidak dikenal.{saran} Pilihan: {', '.join(INDIKATOR)}"
        ) from None


def kode_wilayah(kode_desa: pd.Series, tingkat: str) -> pd.Series:
    """Potong kode desa menjadi kode kecamatan/kabupaten/provinsi (awalan kode Kemendagri)."""
    if tingkat not in _PANJANG_KODE:
        raise ValueError(f"Tingkat '{tingkat}' tidak dikenal. Pilihan: {', '.join(TINGKAT)}")
    if tingkat == "desa":
        return kode_desa.astype(str)
    return kode_desa.astype(str).str.slice(0, _PANJANG_KODE[tingkat])


def _pilih(indikator: Iterable[str] | str | None) -> list[Indikator]:
    if indikator is None:
        return list(DAFTAR_INDIKATOR)
    if isinstance(indikator, str):
        indikator = [indikator]
    return [ambil_indikator(k) for k in indikator]


def jumlahkan(
    data: pd.DataFrame, tingkat: str = "kecamatan", tahun: int | Sequence[int] | None = None
) -> pd.DataFrame:
    """Jumlahkan semua kolom jumlah (pembilang/penyebut) tabel indikator desa per wilayah dan tahun.

    Hasilnya punya kolom ``kode_wilayah``, ``tahun``, lalu semua kolom pembilang/penyebut. Sel
    kosong (data tidak tersedia) dilewati; jumlah wilayah yang semua selnya kosong tetap kosong.
    """
    df = data
    if tahun is not None:
        tahun_list = [tahun] if isinstance(tahun, int) else list(tahun)
        df = df[df["tahun"].isin(tahun_list)]
    kolom = sorted(
        {c for i in DAFTAR_INDIKATOR for c in (i.pembilang, i.penyebut) if c in df.columns}
    )
    kunci = kode_wilayah(df["kode_desa"], tingkat).rename("kode_wilayah")
    hasil = df[kolom].groupby([kunci, df["tahun"]], sort=True, observed=True).sum(min_count=1)
    return hasil.reset_index()


def _jumlah_pasangan(
    data: pd.DataFrame,
    total: pd.DataFrame,
    ind: Indikator,
    tingkat: str,
    tahun: int | Sequence[int] | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Jumlah pembilang dan penyebut satu indikator per baris ``total``.

    Desa yang pembilang atau penyebutnya kosong (tidak tersedia) tidak ikut di keduanya, agar
    capaian tidak dihitung dari pembilang dan penyebut desa yang berbeda. Wilayah tanpa satu
    desa pun yang lengkap mendapat NaN ("tidak ada data").
    """
    if ind.pembilang not in data.columns or ind.penyebut not in data.columns:
        kosong = np.full(len(total), np.nan)
        return kosong, kosong.copy()
    kosong_desa = data[ind.pembilang].isna() | data[ind.penyebut].isna()
    if not kosong_desa.any():
        return (
            total[ind.pembilang].to_numpy(dtype="float64"),
            total[ind.penyebut].to_numpy(dtype="float64"),
        )
    lengkap = data.loc[~kosong_desa, ["kode_desa", "tahun", ind.pembilang, ind.penyebut]]
    sebagian = jumlahkan(lengkap, tingkat, tahun).set_index(["kode_wilayah", "tahun"])
    kunci = pd.MultiIndex.from_frame(total[["kode_wilayah", "tahun"]])
    sebagian = sebagian.reindex(kunci)
    return (
        sebagian[ind.pembilang].to_numpy(dtype="float64"),
        sebagian[ind.penyebut].to_numpy(dtype="float64"),
    )


def hitung_capaian(
    data: pd.DataFrame,
    tingkat: str = "kecamatan",
    tahun: int | Sequence[int] | None = None,
    indikator: Iterable[str] | str | None = None,
    bentuk: str = "panjang",
) -> pd.DataFrame:
    """Capaian indikator (persen) per wilayah dan tahun, dengan menjumlahkan pembilang dan penyebut lebih dulu.

    ``data`` adalah tabel indikator desa (lihat ``p3pd.muat.muat_indikator``).
    ``bentuk="panjang"`` memberi satu baris per wilayah × tahun × indikator dengan kolom
    ``kode_wilayah, tahun, indikator, layanan, pembilang, penyebut, capaian, target, kesenjangan,
    memenuhi_target``; ``bentuk="lebar"`` memberi satu baris per wilayah × tahun dan satu kolom
    capaian per indikator.
    """
    daftar = _pilih(indikator)
    total = jumlahkan(data, tingkat, tahun)
    bagian = []
    for ind in daftar:
        pemb, peny = _jumlah_pasangan(data, total, ind, tingkat, tahun)
        with np.errstate(divide="ignore", invalid="ignore"):
            nilai = np.where(peny > 0, pemb / peny * 100.0, np.nan)
        bagian.append(
            pd.DataFrame(
                {
                    "kode_wilayah": total["kode_wilayah"].to_numpy(),
                    "tahun": total["tahun"].to_numpy(),
                    "indikator": ind.kode,
                    "layanan": ind.layanan,
                    "pembilang": pemb,
                    "penyebut": peny,
                    "capaian": nilai,
                }
            )
        )
    hasil = pd.concat(bagian, ignore_index=True)
    hasil = tambah_kesenjangan(hasil)
    if bentuk == "lebar":
        lebar = hasil.pivot(index=["kode_wilayah", "tahun"], columns="indikator", values="capaian")
        lebar = lebar[[i.kode for i in daftar]]
        lebar.columns.name = None
        return lebar.reset_index()
    if bentuk != "panjang":
        raise ValueError("bentuk harus 'panjang' atau 'lebar'")
    return hasil


def tambah_kesenjangan(capaian: pd.DataFrame) -> pd.DataFrame:
    """Tambahkan kolom ``target``, ``kesenjangan`` (poin persen ke target), ``memenuhi_target``.

    Kesenjangan selalu positif bila target belum tercapai, apa pun arah indikatornya:
    untuk indikator "makin tinggi makin baik" = target − capaian; untuk "makin rendah makin
    baik" = capaian − target. Nilai negatif berarti target sudah terlampaui.
    """
    hasil = capaian.copy()
    # cari posisi tiap kode di daftar sekali (cepat untuk jutaan baris), lalu ambil dengan numpy
    posisi = pd.Index([i.kode for i in DAFTAR_INDIKATOR]).get_indexer(hasil["indikator"])
    if (posisi < 0).any():
        ambil_indikator(str(hasil["indikator"].to_numpy()[np.argmin(posisi)]))
    target = np.array([np.nan if i.target is None else i.target for i in DAFTAR_INDIKATOR])[posisi]
    naik = np.array([i.arah == NAIK for i in DAFTAR_INDIKATOR])[posisi]
    nilai = hasil["capaian"].to_numpy(dtype="float64")
    selisih = np.where(naik, target - nilai, nilai - target)
    hasil["target"] = target
    hasil["kesenjangan"] = selisih
    memenuhi = pd.array(selisih <= 0, dtype="boolean")
    memenuhi[np.isnan(selisih)] = pd.NA
    hasil["memenuhi_target"] = memenuhi
    return hasil


def rata_rata_keliru(
    data: pd.DataFrame, indikator: str, tingkat: str = "kecamatan", tahun: int | None = None
) -> pd.DataFrame:
    """Bandingkan capaian yang benar (jumlahkan lalu bagi) dengan rata-rata persentase desa (keliru).

    Untuk pelajaran "mengapa tidak merata-ratakan persentase": kolom ``capaian_benar``,
    ``rata_rata_desa``, dan ``selisih`` (poin persen).
    """
    ind = ambil_indikator(indikator)
    df = data if tahun is None else data[data["tahun"] == tahun]
    with np.errstate(divide="ignore", invalid="ignore"):
        persen_desa = df[ind.pembilang] / df[ind.penyebut].where(df[ind.penyebut] > 0) * 100
    kunci = kode_wilayah(df["kode_desa"], tingkat).rename("kode_wilayah")
    keliru = persen_desa.groupby([kunci, df["tahun"]]).mean().rename("rata_rata_desa")
    benar = hitung_capaian(df, tingkat, indikator=indikator).set_index(["kode_wilayah", "tahun"])[
        "capaian"
    ]
    hasil = pd.concat([benar.rename("capaian_benar"), keliru], axis=1)
    hasil["selisih"] = hasil["rata_rata_desa"] - hasil["capaian_benar"]
    return hasil.reset_index()


def bandingkan_acuan(data: pd.DataFrame, tahun: int | None = None) -> pd.DataFrame:
    """Bandingkan capaian data dengan setiap angka acuan terbitan yang wilayahnya ada di data.

    Untuk acuan kabupaten/provinsi, capaian dihitung di tingkat yang sama; acuan nasional
    ('ID') dibandingkan dengan seluruh data. Tahun data yang dipakai adalah tahun acuan bila
    tersedia di data, selain itu tahun data terdekat. Kolom: ``indikator, wilayah, tahun_acuan,
    acuan, jenis, sejenis, sumber, tahun_data, capaian_data, selisih``; ``sejenis`` bernilai
    ``True`` bila jenis acuan sama dengan jenis data desa indikator itu (hanya baris ini yang
    boleh dibaca sebagai "data mendekati angka terbitan").
    """
    tahun_ada = sorted(int(t) for t in data["tahun"].unique())
    if tahun is not None:
        tahun_ada = [tahun]
    baris = []
    prefiks = {
        t: set(kode_wilayah(data["kode_desa"].drop_duplicates(), t))
        for t in ("kabupaten", "provinsi")
    }
    for ind in DAFTAR_INDIKATOR:
        for a in ind.acuan:
            if a.wilayah == "ID":
                tingkat = None
            elif len(a.wilayah) == 5 and a.wilayah in prefiks["kabupaten"]:
                tingkat = "kabupaten"
            elif len(a.wilayah) == 2 and a.wilayah in prefiks["provinsi"]:
                tingkat = "provinsi"
            else:
                continue
            th = min(tahun_ada, key=lambda t: (abs(t - a.tahun), -t))
            df = data[data["tahun"] == th]
            if tingkat is not None:
                df = df[kode_wilayah(df["kode_desa"], tingkat) == a.wilayah]
            pemb, peny = df[ind.pembilang].sum(), df[ind.penyebut].sum()
            nilai = float(pemb) / float(peny) * 100 if peny else np.nan
            baris.append(
                {
                    "indikator": ind.kode,
                    "wilayah": a.wilayah,
                    "tahun_acuan": a.tahun,
                    "acuan": a.nilai,
                    "jenis": a.jenis,
                    "sejenis": a.jenis == ind.jenis_data,
                    "sumber": a.sumber,
                    "tahun_data": th,
                    "capaian_data": nilai,
                    "selisih": nilai - a.nilai,
                }
            )
    return pd.DataFrame(baris)


def target_kalibrasi() -> pd.DataFrame:
    """Target kalibrasi data sintetis: per kabupaten latihan × indikator, acuan kabupaten bila ada,
    selain itu acuan provinsinya. Hanya acuan bertahun 2022–2024 yang **sejenis** dengan data
    desa indikator itu (``Indikator.jenis_data``: survei atau administratif); angka jenis lain
    tidak pernah menjadi target kalibrasi. Kolom: ``kode_kabupaten, indikator, tahun, target,
    sumber, tingkat_acuan, jenis``.
    """
    from p3pd.skema import TAHUN_DATA

    kabupaten = ("33.22", "12.07", "53.02", "63.03")
    baris = []
    for kab in kabupaten:
        for ind in DAFTAR_INDIKATOR:
            sejenis = [a for a in ind.acuan if a.jenis == ind.jenis_data and a.tahun in TAHUN_DATA]
            pilihan = [a for a in sejenis if a.wilayah == kab]
            tingkat = "kabupaten"
            if not pilihan:
                pilihan = [a for a in sejenis if a.wilayah == kab[:2]]
                tingkat = "provinsi"
            if not pilihan:
                continue
            a = max(pilihan, key=lambda x: x.tahun)
            baris.append(
                {
                    "kode_kabupaten": kab,
                    "indikator": ind.kode,
                    "tahun": a.tahun,
                    "target": a.nilai,
                    "sumber": a.sumber,
                    "tingkat_acuan": tingkat,
                    "jenis": a.jenis,
                }
            )
    return pd.DataFrame(baris)


# --- Pembanding sumber data dan tangga wilayah (notebook 03) ------------------------------------

ACUAN_PEMBANDING: dict[str, tuple[Acuan, ...]] = {
    "stunting": (
        Acuan("63", 30.0, 2021, "Kemenkes, SSGI 2021", "survei"),
        Acuan(
            "63",
            10.64,
            2021,
            "Data e-PPGBM Kalimantan Selatan 2021 (dikutip Transnews)",
            "administratif",
            "Data penimbangan balita di posyandu; jauh di bawah angka survei SSGI tahun yang sama.",
        ),
    ),
    "imunisasi_dasar_lengkap": (
        Acuan(
            "33",
            86.7,
            2021,
            "Dinkes Prov. Jawa Tengah, Profil Kesehatan Jawa Tengah 2021",
            "administratif",
            "Cakupan program: bayi dengan IDL ÷ sasaran bayi; bisa > 100 %.",
        ),
        Acuan(
            "33.22",
            73.6,
            2021,
            "Dinkes Prov. Jawa Tengah, Profil Kesehatan Jawa Tengah 2021",
            "administratif",
            "Cakupan program: bayi dengan IDL ÷ sasaran bayi; bisa > 100 %.",
        ),
    ),
}
"""Angka terbitan tambahan, khusus untuk membandingkan sumber data (survei vs administratif).

Angka ini **tidak** dipakai untuk kalibrasi data latihan, :func:`bandingkan_acuan`, atau
handout: tahunnya di luar 2022–2024.
"""

DATA_LATIHAN = "data latihan (sintetis)"
"""Isi kolom ``jenis`` untuk angka yang dihitung dari data latihan."""

DATA_SENDIRI = "data sendiri"
"""Awal isi kolom ``jenis`` untuk angka yang dihitung dari data sendiri (lihat :func:`jenis_data_desa`)."""


def jenis_data_desa(label: LabelData | None = None) -> str:
    """Isi kolom ``jenis`` untuk angka yang dihitung dari data desa folder yang dipakai.

    Data latihan → :data:`DATA_LATIHAN`; data sendiri → ``'data sendiri'`` dengan pemiliknya
    bila tercatat (``'data sendiri (Kecamatan Batu)'``), tidak pernah "latihan"/"sintetis".
    ``label``: hasil ``p3pd.label.label_data()``; ``None`` = label folder data yang dipakai.
    """
    if label is None:
        from p3pd.label import label_data

        label = label_data()
    if label.sintetis:
        return DATA_LATIHAN
    return f"{DATA_SENDIRI} ({label.pemilik})" if label.pemilik else DATA_SENDIRI


_TINGKAT_KODE = {2: "provinsi", 5: "kabupaten", 8: "kecamatan", 13: "desa"}


def _tingkat_kode(kode: str) -> str:
    """Tingkat wilayah sebuah kode: 'nasional' untuk 'ID', selain itu menurut panjang kode."""
    if kode == "ID":
        return "nasional"
    return _TINGKAT_KODE.get(len(kode), "tidak dikenal")


def nama_wilayah(kode: pd.Series, wilayah_desa: pd.DataFrame | None = None) -> pd.Series:
    """Nama wilayah untuk setiap kode: provinsi, kabupaten, kecamatan (referensi nyata), 'ID'.

    Nama desa diambil dari ``wilayah_desa`` (tabel ``p3pd.muat.muat_wilayah()``,
    kolom ``kode_desa`` dan ``nama_desa``) bila diberikan. Kode yang tidak dikenal, atau kode
    desa tanpa ``wilayah_desa``, bernama kosong (``""``). Indeks ``kode`` dipertahankan.
    """
    from p3pd.wilayah import daftar_kecamatan

    ref = daftar_kecamatan()
    peta: dict[str, str] = {"ID": "Indonesia"}
    for kolom_kode, kolom_nama in (
        ("kode_provinsi", "nama_provinsi"),
        ("kode_kabupaten", "nama_kabupaten"),
        ("kode_kecamatan", "nama_kecamatan"),
    ):
        peta.update(zip(ref[kolom_kode].astype(str), ref[kolom_nama].astype(str), strict=True))
    if wilayah_desa is not None:
        peta.update(
            zip(
                wilayah_desa["kode_desa"].astype(str),
                wilayah_desa["nama_desa"].astype(str),
                strict=True,
            )
        )
    teks = kode.astype(str)
    return pd.Series(
        [peta.get(k, "") for k in teks], index=kode.index, name="nama_wilayah", dtype=object
    )


def daftar_acuan(
    indikator: str, wilayah: str | Iterable[str] | None = None, *, pembanding: bool = True
) -> pd.DataFrame:
    """Semua angka terbitan untuk satu indikator, satu baris per angka, dengan jenis dan sumbernya.

    ``wilayah``: satu kode atau daftar kode (mis. ``"33"``, ``["33", "33.22", "ID"]``);
    ``None`` = semua wilayah. ``pembanding=True`` menyertakan :data:`ACUAN_PEMBANDING`
    (kolom ``pembanding`` bernilai ``True`` untuk baris itu). Urutan: kabupaten, provinsi,
    nasional; lalu tahun; survei sebelum administratif. Kolom: ``indikator, tingkat, wilayah,
    nama_wilayah, tahun, nilai, jenis, sumber, catatan, pembanding``.
    """
    ind = ambil_indikator(indikator)
    if isinstance(wilayah, str):
        wilayah = [wilayah]
    pilih = None if wilayah is None else set(wilayah)
    semua = [(a, False) for a in ind.acuan]
    if pembanding:
        semua += [(a, True) for a in ACUAN_PEMBANDING.get(ind.kode, ())]
    urutan_tingkat = {"kecamatan": 0, "kabupaten": 1, "provinsi": 2, "nasional": 3}
    baris = [
        {
            "indikator": ind.kode,
            "tingkat": _tingkat_kode(a.wilayah),
            "wilayah": a.wilayah,
            "tahun": a.tahun,
            "nilai": a.nilai,
            "jenis": a.jenis,
            "sumber": a.sumber,
            "catatan": a.catatan,
            "pembanding": lagi,
        }
        for a, lagi in semua
        if pilih is None or a.wilayah in pilih
    ]
    kolom = [
        "indikator",
        "tingkat",
        "wilayah",
        "nama_wilayah",
        "tahun",
        "nilai",
        "jenis",
        "sumber",
        "catatan",
        "pembanding",
    ]
    if not baris:
        return pd.DataFrame(columns=kolom)
    hasil = pd.DataFrame(baris)
    hasil["nama_wilayah"] = nama_wilayah(hasil["wilayah"])
    hasil = hasil.assign(
        _tingkat=hasil["tingkat"].map(urutan_tingkat).fillna(9),
        _jenis=(hasil["jenis"] != "survei").astype(int),
    ).sort_values(["_tingkat", "wilayah", "tahun", "_jenis"], kind="stable")
    return hasil[kolom].reset_index(drop=True)


def tangga_capaian(
    data: pd.DataFrame,
    kecamatan: str,
    indikator: str,
    tahun: int,
    wilayah_desa: pd.DataFrame | None = None,
    *,
    label: LabelData | None = None,
) -> pd.DataFrame:
    """Capaian satu indikator dari desa sampai nasional, dengan jenis dan sumber setiap angka.

    Baris dari data desa (``data`` = tabel indikator desa, tahun ``tahun``): desa dengan
    capaian terendah dan tertinggi di ``kecamatan`` (kode ``PP.KK.CC``), kecamatan itu, dan
    kabupatennya; kecamatan dan kabupaten dihitung dengan menjumlahkan pembilang dan penyebut lalu membagi.
    Lalu angka terbitan (registri indikator, tanpa :data:`ACUAN_PEMBANDING`) untuk kabupaten,
    provinsi, dan Indonesia: untuk setiap wilayah dan jenis (survei/administratif), angka yang
    tahunnya paling dekat dengan ``tahun``. Nama desa diambil dari ``wilayah_desa`` bila
    diberikan. Kolom: ``tingkat, kode_wilayah, nama_wilayah, tahun, capaian, jenis, sumber``.
    Kolom ``jenis`` baris data desa: :func:`jenis_data_desa` (``label``; bawaan label folder
    data yang dipakai) — "data latihan (sintetis)" hanya untuk data latihan; untuk data sendiri
    ``sumber`` juga menyebut sumber di label datanya.
    """
    ind = ambil_indikator(indikator)
    kecamatan = str(kecamatan)
    if len(kecamatan) != _PANJANG_KODE["kecamatan"]:
        raise ValueError(
            f"Kode kecamatan '{kecamatan}' tidak sah: tulis seperti '33.22.01' "
            "(mis. wilayah.cari_kecamatan('Getasan').kode)."
        )
    df = data[data["tahun"] == tahun]
    df = df[kode_wilayah(df["kode_desa"], "kabupaten") == kecamatan[:5]]
    di_kecamatan = df[kode_wilayah(df["kode_desa"], "kecamatan") == kecamatan]
    if di_kecamatan.empty:
        raise ValueError(
            f"Tidak ada desa kecamatan {kecamatan} pada tahun {tahun} di data. "
            "Periksa kode kecamatan dan tahunnya."
        )
    if label is None:
        from p3pd.label import label_data

        label = label_data()
    jenis_desa = jenis_data_desa(label)
    asal = "" if label.sintetis or not label.sumber else f" (sumber: {label.sumber})"
    sumber_desa = f"indikator_desa.csv: {ind.pembilang} ÷ {ind.penyebut}{asal}"
    sumber_jumlah = f"indikator_desa.csv: jumlah {ind.pembilang} ÷ jumlah {ind.penyebut}{asal}"
    baris: list[dict] = []
    desa = hitung_capaian(di_kecamatan, "desa", indikator=ind.kode).dropna(subset=["capaian"])
    if not desa.empty:
        terendah = desa.loc[desa["capaian"].idxmin()]
        tertinggi = desa.loc[desa["capaian"].idxmax()]
        for label, b in (("desa terendah", terendah), ("desa tertinggi", tertinggi)):
            baris.append(
                {
                    "tingkat": label,
                    "kode_wilayah": b["kode_wilayah"],
                    "tahun": tahun,
                    "capaian": float(b["capaian"]),
                    "jenis": jenis_desa,
                    "sumber": sumber_desa,
                }
            )
    for tingkat, bagian in (("kecamatan", di_kecamatan), ("kabupaten", df)):
        satu = hitung_capaian(bagian, tingkat, indikator=ind.kode).iloc[0]
        baris.append(
            {
                "tingkat": tingkat,
                "kode_wilayah": satu["kode_wilayah"],
                "tahun": tahun,
                "capaian": float(satu["capaian"]),
                "jenis": jenis_desa,
                "sumber": sumber_jumlah,
            }
        )
    for wilayah, tingkat in (
        (kecamatan[:5], "kabupaten"),
        (kecamatan[:2], "provinsi"),
        ("ID", "nasional"),
    ):
        for jenis in ("survei", "administratif"):
            cocok = [a for a in ind.acuan if a.wilayah == wilayah and a.jenis == jenis]
            if not cocok:
                continue
            a = min(cocok, key=lambda x: (abs(x.tahun - tahun), -x.tahun))
            baris.append(
                {
                    "tingkat": f"{tingkat} (terbitan)",
                    "kode_wilayah": a.wilayah,
                    "tahun": a.tahun,
                    "capaian": a.nilai,
                    "jenis": a.jenis,
                    "sumber": a.sumber,
                }
            )
    hasil = pd.DataFrame(baris)
    hasil["nama_wilayah"] = nama_wilayah(hasil["kode_wilayah"], wilayah_desa)
    kolom = ["tingkat", "kode_wilayah", "nama_wilayah", "tahun", "capaian", "jenis", "sumber"]
    return hasil[kolom]
