"""Daftar indikator layanan dasar: definisi, target berjenis dan bersumber, dan angka acuan terbitan.

Modul data: satu tempat untuk semua definisi (``DAFTAR_INDIKATOR``, ``INDIKATOR``) dan angka
terbitan (``Acuan``, ``ACUAN_PEMBANDING``). Perhitungannya ada di :mod:`p3pd.indikator`, yang
juga menyediakan semua nama di sini.

Setiap angka acuan bersumber dari catatan referensi proyek (angka terbitan dengan sumber dan
tingkat keyakinannya); angka yang sumbernya tidak ditemukan tidak dimasukkan. Tahun yang tidak
tertulis di sumber dan hanya disimpulkan dari konteks disebut di ``catatan`` acuannya.
"""

from __future__ import annotations

from dataclasses import dataclass

from p3pd.skema import NAIK, TURUN

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
    asal_data_sendiri: str = ""
    """Asal lazim angka desa di data sendiri (mis. "e-PPGBM/puskesmas"), untuk labelnya."""

    def jenis_data_untuk(self, sintetis: bool) -> str:
        """Jenis data desa: data latihan → ``jenis_data`` (jenis acuan kalibrasinya); data
        sendiri → administratif (catatan desa, puskesmas, sekolah, Dukcapil), bukan survei."""
        return self.jenis_data if sintetis else ADMINISTRATIF

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
        asal_data_sendiri="e-PPGBM/puskesmas",
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
