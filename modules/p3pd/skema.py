"""Skema tabel data latihan: satu sumber untuk pemuat, validator, dan kamus data.

Setiap tabel punya daftar kolom dengan tipe, satuan, definisi, arah (lebih tinggi lebih
baik atau sebaliknya) dan sumber. Kamus data di ``data/KAMUS_DATA.md`` dibuat dari modul
ini, sehingga dokumentasi dan pemeriksaan tidak bisa berbeda.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# Tipe kolom yang dikenal pemuat.
TIPE_KODE_DESA = "kode_desa"
TIPE_KODE_KECAMATAN = "kode_kecamatan"
TIPE_KODE_KABUPATEN = "kode_kabupaten"
TIPE_TAHUN = "tahun"
TIPE_CACAH = "cacah"  # bilangan bulat >= 0 (jumlah orang, rumah tangga, unit)
TIPE_RUPIAH = "rupiah"  # bilangan >= 0, rupiah
TIPE_DESIMAL = "desimal"  # bilangan >= 0 dengan pecahan (km, dsb.)
TIPE_TEKS = "teks"
TIPE_KATEGORI = "kategori"
TIPE_BOOL = "ya_tidak"

NAIK = "naik"  # makin tinggi makin baik
TURUN = "turun"  # makin rendah makin baik
NETRAL = "-"

ASUMSI = "asumsi (data sintetis)"

LAYANAN = {
    "pendidikan": "Pendidikan",
    "kesehatan": "Kesehatan",
    "air_sanitasi": "Air bersih & sanitasi",
    "jaminan_sosial": "Jaminan sosial",
    "adminduk": "Administrasi kependudukan",
}
"""Lima layanan dasar P3PD: kunci pendek → nama tampilan."""

TAHUN_DATA = (2022, 2023, 2024)

TAHUN_MINIMUM = 2014
"""Tahun terawal yang diterima di kolom tahun (UU Desa 6/2014; Dana Desa mulai 2015)."""

BATAS_ATAS_SATUAN: dict[str, float] = {
    "jiwa": 500_000,
    "rumah tangga": 200_000,
    "keluarga": 200_000,
    "unit": 500,
    "orang": 500,
    "Rp": 100_000_000_000,
    "km": 500,
}
"""Nilai terbesar yang masuk akal per desa menurut satuan kolom (bila kolom tidak menyebut sendiri).

Desa terbesar di Indonesia berpenduduk puluhan ribu jiwa, dan satu pos APBDes desa berukuran
ratusan juta sampai beberapa miliar rupiah; batas di sini jauh di atas itu, sehingga hanya
menolak salah ketik dan angka yang rusak (mis. 20 digit), bukan desa yang besar.
"""


def tahun_berjalan() -> int:
    """Tahun kalender saat ini (dipakai sebagai batas atas kolom tahun)."""
    return datetime.date.today().year


@dataclass(frozen=True)
class Kolom:
    """Satu kolom tabel: nama, tipe, satuan, definisi, arah, dan sumber."""

    nama: str
    tipe: str
    satuan: str
    definisi: str
    arah: str = NETRAL
    sumber: str = ASUMSI
    pilihan: tuple[str, ...] = ()
    batas_atas: float | None = None
    """Nilai terbesar yang sah (kolom angka); ``None`` = menurut satuan (``BATAS_ATAS_SATUAN``)."""
    tahun_depan: int = 0
    """Kolom tahun: berapa tahun sesudah tahun berjalan masih sah (mis. 1 untuk rencana)."""


@dataclass(frozen=True)
class Pasangan:
    """Pembilang yang tidak boleh melebihi penyebutnya pada baris yang sama."""

    pembilang: str
    penyebut: str


@dataclass(frozen=True)
class Tabel:
    """Satu tabel data latihan beserta kunci unik, kolom, dan aturan pembilang/penyebut."""

    nama: str
    berkas: str
    judul: str
    kunci: tuple[str, ...]
    kolom: tuple[Kolom, ...]
    pasangan: tuple[Pasangan, ...] = field(default=())
    #: Tabel tambahan: bila berkasnya tidak ada di folder, pemeriksaan folder melewatinya.
    opsional: bool = False

    @property
    def nama_kolom(self) -> list[str]:
        """Nama semua kolom, dalam urutan berkas."""
        return [k.nama for k in self.kolom]

    def kolom_bernama(self, nama: str) -> Kolom:
        """Kembalikan definisi kolom ``nama``."""
        for k in self.kolom:
            if k.nama == nama:
                return k
        raise KeyError(nama)


def rentang_kolom(kolom: Kolom) -> tuple[float, float] | None:
    """Rentang nilai sah (terkecil, terbesar) sebuah kolom angka; ``None`` untuk kolom bukan angka.

    Tahun: ``TAHUN_MINIMUM`` sampai tahun berjalan (ditambah ``tahun_depan`` untuk kolom rencana).
    Cacah, rupiah, dan desimal: 0 sampai ``batas_atas`` kolom, atau batas menurut satuannya.
    """
    if kolom.tipe == TIPE_TAHUN:
        return float(TAHUN_MINIMUM), float(tahun_berjalan() + kolom.tahun_depan)
    if kolom.tipe not in (TIPE_CACAH, TIPE_RUPIAH, TIPE_DESIMAL):
        return None
    atas = kolom.batas_atas
    if atas is None:
        atas = BATAS_ATAS_SATUAN.get(kolom.satuan, 1_000_000_000)
    return 0.0, float(atas)


def teks_rentang(kolom: Kolom) -> str:
    """Rentang sah sebuah kolom angka dalam kata-kata (untuk pesan dan kamus data); '' bila bukan angka."""
    rentang = rentang_kolom(kolom)
    if rentang is None:
        return ""
    if kolom.tipe == TIPE_TAHUN:
        akhir = "tahun berjalan" + (f" + {kolom.tahun_depan}" if kolom.tahun_depan else "")
        return f"{TAHUN_MINIMUM}–{akhir}"
    atas = f"{rentang[1]:,.0f}".replace(",", ".")
    satuan = {"Rp": "rupiah", "-": ""}.get(kolom.satuan, kolom.satuan)
    return f"0–{atas}" + (f" {satuan}" if satuan else "")


def _cacah(nama: str, definisi: str, arah: str = NETRAL, satuan: str = "jiwa") -> Kolom:
    return Kolom(nama, TIPE_CACAH, satuan, definisi, arah)


_K_DESA = Kolom(
    "kode_desa",
    TIPE_KODE_DESA,
    "-",
    "Kode desa Kemendagri PP.KK.CC.2NNN (fiktif di dalam kecamatan nyata)",
    sumber="pola Kepmendagri 100.1.1-6117/2022; nomor desa fiktif",
)
_K_TAHUN = Kolom("tahun", TIPE_TAHUN, "tahun", "Tahun data (2022–2024)")
_K_TAHUN_RENCANA = Kolom(
    "tahun", TIPE_TAHUN, "tahun", "Tahun anggaran (2022–2024; boleh tahun depan)", tahun_depan=1
)

WILAYAH = Tabel(
    nama="wilayah",
    berkas="wilayah_desa.csv",
    judul="Daftar desa",
    kunci=("kode_desa",),
    kolom=(
        _K_DESA,
        Kolom("nama_desa", TIPE_TEKS, "-", "Nama desa (fiktif, dibuat generator)"),
        Kolom(
            "kode_kecamatan",
            TIPE_KODE_KECAMATAN,
            "-",
            "Kode kecamatan PP.KK.CC",
            sumber="Kepmendagri 100.1.1-6117/2022",
        ),
        Kolom(
            "nama_kecamatan",
            TIPE_TEKS,
            "-",
            "Nama kecamatan",
            sumber="Kepmendagri 100.1.1-6117/2022",
        ),
        Kolom(
            "kode_kabupaten",
            TIPE_KODE_KABUPATEN,
            "-",
            "Kode kabupaten PP.KK",
            sumber="Kepmendagri 100.1.1-6117/2022",
        ),
        Kolom(
            "nama_kabupaten",
            TIPE_TEKS,
            "-",
            "Nama kabupaten",
            sumber="Kepmendagri 100.1.1-6117/2022",
        ),
        Kolom(
            "kode_provinsi",
            TIPE_TEKS,
            "-",
            "Kode provinsi (2 angka)",
            sumber="Kepmendagri 100.1.1-6117/2022",
        ),
        Kolom(
            "nama_provinsi", TIPE_TEKS, "-", "Nama provinsi", sumber="Kepmendagri 100.1.1-6117/2022"
        ),
    ),
)

INDIKATOR_DESA = Tabel(
    nama="indikator",
    berkas="indikator_desa.csv",
    judul="Indikator layanan dasar per desa dan tahun (pembilang dan penyebut)",
    kunci=("kode_desa", "tahun"),
    kolom=(
        _K_DESA,
        _K_TAHUN,
        _cacah("jumlah_penduduk", "Jumlah penduduk desa"),
        _cacah("jumlah_rumah_tangga", "Jumlah rumah tangga", satuan="rumah tangga"),
        _cacah(
            "jumlah_keluarga_miskin",
            "Keluarga terdaftar DTKS (register, bukan P0 BPS)",
            satuan="keluarga",
        ),
        _cacah("balita_diukur", "Balita 0–59 bulan yang diukur tinggi badannya"),
        _cacah("balita_stunting", "Balita dengan tinggi menurut umur < −2 SD standar WHO", TURUN),
        _cacah("anak_12_23_bulan", "Anak umur 12–23 bulan (sasaran program imunisasi)"),
        _cacah("anak_idl", "Anak yang tercatat di register puskesmas sudah mendapat IDL", NAIK),
        _cacah("persalinan", "Jumlah persalinan dalam tahun itu"),
        _cacah("persalinan_fasyankes", "Persalinan di fasilitas pelayanan kesehatan", NAIK),
        _cacah("ibu_hamil_sasaran", "Sasaran ibu hamil (SPM)"),
        _cacah("ibu_hamil_dilayani", "Ibu hamil yang mendapat pelayanan sesuai standar SPM", NAIK),
        _cacah("balita_sasaran", "Sasaran balita (SPM)"),
        _cacah("balita_dilayani", "Balita yang mendapat pelayanan sesuai standar SPM", NAIK),
        _cacah("anak_7_12", "Penduduk umur 7–12 tahun"),
        _cacah("anak_7_12_sekolah_sd", "Umur 7–12 yang bersekolah di SD/MI/Paket A (APM SD)", NAIK),
        _cacah("anak_13_15", "Penduduk umur 13–15 tahun"),
        _cacah(
            "anak_13_15_sekolah_smp",
            "Umur 13–15 yang bersekolah di SMP/MTs/Paket B (APM SMP)",
            NAIK,
        ),
        _cacah("anak_7_18", "Penduduk umur 7–18 tahun"),
        _cacah("anak_tidak_sekolah", "Umur 7–18 yang tidak bersekolah (ATS)", TURUN),
        _cacah("anak_3_6", "Penduduk umur 3–6 tahun"),
        _cacah("anak_3_6_paud", "Umur 3–6 yang terdaftar di PAUD", NAIK),
        _cacah(
            "rt_air_minum_layak",
            "Rumah tangga dengan sumber air minum layak (definisi BPS)",
            NAIK,
            "rumah tangga",
        ),
        _cacah(
            "rt_sanitasi_layak",
            "Rumah tangga dengan sanitasi layak (definisi BPS)",
            NAIK,
            "rumah tangga",
        ),
        _cacah(
            "rt_babs", "Rumah tangga yang masih buang air besar sembarangan", TURUN, "rumah tangga"
        ),
        _cacah(
            "penduduk_miskin",
            "Penduduk dalam keluarga terdaftar DTKS (register Kemensos; bukan angka kemiskinan BPS)",
            TURUN,
        ),
        _cacah("peserta_jkn", "Penduduk terdaftar JKN", NAIK),
        _cacah(
            "keluarga_miskin_bansos",
            "Keluarga terdaftar DTKS penerima bantuan sosial",
            NAIK,
            "keluarga",
        ),
        _cacah("anak_0_17", "Penduduk umur 0–17 tahun"),
        _cacah("anak_0_17_akta", "Anak 0–17 yang memiliki akta kelahiran", NAIK),
        _cacah("wajib_ktp", "Penduduk wajib KTP-el"),
        _cacah("wajib_ktp_rekam", "Wajib KTP-el yang sudah merekam", NAIK),
    ),
    pasangan=(
        Pasangan("balita_stunting", "balita_diukur"),
        Pasangan("anak_idl", "anak_12_23_bulan"),
        Pasangan("persalinan_fasyankes", "persalinan"),
        Pasangan("ibu_hamil_dilayani", "ibu_hamil_sasaran"),
        Pasangan("balita_dilayani", "balita_sasaran"),
        Pasangan("anak_7_12_sekolah_sd", "anak_7_12"),
        Pasangan("anak_13_15_sekolah_smp", "anak_13_15"),
        Pasangan("anak_tidak_sekolah", "anak_7_18"),
        Pasangan("anak_3_6_paud", "anak_3_6"),
        Pasangan("rt_air_minum_layak", "jumlah_rumah_tangga"),
        Pasangan("rt_sanitasi_layak", "jumlah_rumah_tangga"),
        Pasangan("rt_babs", "jumlah_rumah_tangga"),
        Pasangan("penduduk_miskin", "jumlah_penduduk"),
        Pasangan("peserta_jkn", "jumlah_penduduk"),
        Pasangan("keluarga_miskin_bansos", "jumlah_keluarga_miskin"),
        Pasangan("anak_0_17_akta", "anak_0_17"),
        Pasangan("wajib_ktp_rekam", "wajib_ktp"),
        Pasangan("anak_0_17", "jumlah_penduduk"),
        Pasangan("wajib_ktp", "jumlah_penduduk"),
    ),
)

BELANJA = Tabel(
    nama="belanja",
    berkas="apbdes_belanja.csv",
    judul="Belanja APBDes per desa, tahun, dan sub-bidang (Permendagri 20/2018)",
    kunci=("kode_desa", "tahun", "kode_sub_bidang"),
    kolom=(
        _K_DESA,
        _K_TAHUN_RENCANA,
        Kolom(
            "kode_sub_bidang",
            TIPE_KATEGORI,
            "-",
            "Kode sub-bidang belanja (1.1 … 5.3)",
            sumber="Permendagri 20/2018",
        ),
        Kolom("anggaran", TIPE_RUPIAH, "Rp", "Pagu anggaran belanja sub-bidang"),
        Kolom("realisasi", TIPE_RUPIAH, "Rp", "Realisasi belanja sub-bidang", NAIK),
    ),
)

BELANJA_KEGIATAN = Tabel(
    nama="belanja_kegiatan",
    berkas="apbdes_belanja_kegiatan.csv",
    opsional=True,
    judul="Rincian belanja APBDes sub-bidang 1.1 per kegiatan (siltap, tunjangan, operasional)",
    kunci=("kode_desa", "tahun", "kode_kegiatan"),
    kolom=(
        _K_DESA,
        _K_TAHUN_RENCANA,
        Kolom(
            "kode_kegiatan",
            TIPE_KATEGORI,
            "-",
            "Kode kegiatan sub-bidang 1.1 (1.1.01 … 1.1.07); jumlah baris-barisnya sama dengan "
            "baris 1.1 di tabel belanja",
            sumber="Permendagri 20/2018 (daftar kegiatan Siskeudes)",
            pilihan=tuple(f"1.1.{n:02d}" for n in range(1, 8)),
        ),
        Kolom("anggaran", TIPE_RUPIAH, "Rp", "Pagu anggaran belanja kegiatan"),
        Kolom("realisasi", TIPE_RUPIAH, "Rp", "Realisasi belanja kegiatan", NAIK),
    ),
)

PENDAPATAN = Tabel(
    nama="pendapatan",
    berkas="apbdes_pendapatan.csv",
    judul="Pendapatan APBDes per desa dan tahun menurut sumber (realisasi)",
    kunci=("kode_desa", "tahun"),
    kolom=(
        _K_DESA,
        _K_TAHUN,
        Kolom(
            "dana_desa",
            TIPE_RUPIAH,
            "Rp",
            "Dana Desa (kode 4.2.1)",
            sumber="kode: Permendagri 20/2018; besaran: asumsi dikalibrasi ke ±Rp0,9–1,1 miliar per desa",
        ),
        Kolom(
            "alokasi_dana_desa",
            TIPE_RUPIAH,
            "Rp",
            "Alokasi Dana Desa/ADD (kode 4.2.3)",
            sumber="kode: Permendagri 20/2018; besaran: asumsi",
        ),
        Kolom(
            "pendapatan_asli_desa",
            TIPE_RUPIAH,
            "Rp",
            "Pendapatan Asli Desa/PADes (kode 4.1)",
            sumber="kode: Permendagri 20/2018; besaran: asumsi",
        ),
        Kolom(
            "bagi_hasil_pajak_retribusi",
            TIPE_RUPIAH,
            "Rp",
            "Bagi hasil pajak dan retribusi daerah (kode 4.2.2)",
            sumber="kode: Permendagri 20/2018; besaran: asumsi",
        ),
        Kolom(
            "bantuan_keuangan",
            TIPE_RUPIAH,
            "Rp",
            "Bantuan keuangan provinsi dan kabupaten (kode 4.2.4 dan 4.2.5)",
            sumber="kode: Permendagri 20/2018; besaran: asumsi",
        ),
    ),
)

FASILITAS = Tabel(
    nama="fasilitas",
    berkas="fasilitas_desa.csv",
    judul="Fasilitas dan sisi pasokan layanan per desa (keadaan 2024)",
    kunci=("kode_desa",),
    kolom=(
        _K_DESA,
        _cacah("jumlah_sd", "SD/MI di desa", NAIK, "unit"),
        _cacah("jumlah_smp", "SMP/MTs di desa", NAIK, "unit"),
        _cacah("jumlah_paud", "Lembaga PAUD (TK/KB/SPS) di desa", NAIK, "unit"),
        _cacah("jumlah_posyandu", "Posyandu", NAIK, "unit"),
        _cacah("posyandu_aktif", "Posyandu yang aktif (buka setiap bulan)", NAIK, "unit"),
        _cacah("jumlah_pustu_polindes", "Puskesmas pembantu dan polindes/poskesdes", NAIK, "unit"),
        Kolom(
            "jarak_puskesmas_km",
            TIPE_DESIMAL,
            "km",
            "Jarak dari kantor desa ke puskesmas terdekat",
            TURUN,
        ),
        _cacah("bidan_desa", "Bidan yang tinggal dan bertugas di desa", NAIK, "orang"),
        Kolom(
            "air_perpipaan", TIPE_BOOL, "ya/tidak", "Desa punya jaringan air minum perpipaan", NAIK
        ),
    ),
    pasangan=(Pasangan("posyandu_aktif", "jumlah_posyandu"),),
)

USULAN = Tabel(
    nama="usulan",
    berkas="usulan_desa.csv",
    judul=(
        "Usulan desa hasil Musrenbang desa per tahun rencana: untuk RKPDes/APBDes sendiri atau"
        " diteruskan ke Musrenbang kecamatan (jalur dan tindak lanjutnya di"
        " usulan_tindak_lanjut.csv)"
    ),
    kunci=("id_usulan",),
    kolom=(
        Kolom("id_usulan", TIPE_TEKS, "-", "Nomor usulan unik"),
        _K_DESA,
        _K_TAHUN_RENCANA,
        Kolom("layanan", TIPE_KATEGORI, "-", "Layanan dasar yang dituju", pilihan=tuple(LAYANAN)),
        Kolom("uraian", TIPE_TEKS, "-", "Uraian singkat usulan"),
        Kolom(
            "perkiraan_biaya",
            TIPE_RUPIAH,
            "Rp",
            "Perkiraan biaya usulan",
            batas_atas=1_000_000_000_000,
        ),
        Kolom(
            "prioritas",
            TIPE_KATEGORI,
            "-",
            "Prioritas menurut desa",
            pilihan=("tinggi", "sedang", "rendah"),
        ),
        Kolom(
            "diakomodasi",
            TIPE_BOOL,
            "ya/tidak",
            "Usulan ditampung di rencana tahun itu: program OPD kabupaten (RKPD/Renja OPD),"
            " APBDes, atau provinsi (rinciannya: usulan_tindak_lanjut.ditampung_oleh)",
            NAIK,
        ),
    ),
)

PROGRAM_OPD = Tabel(
    nama="program",
    berkas="program_opd.csv",
    judul="Program perangkat daerah (OPD) kabupaten dan desa sasarannya",
    kunci=("id_program",),
    kolom=(
        Kolom("id_program", TIPE_TEKS, "-", "Nomor program unik"),
        Kolom("kode_kabupaten", TIPE_KODE_KABUPATEN, "-", "Kabupaten pelaksana"),
        _K_TAHUN_RENCANA,
        Kolom("opd", TIPE_TEKS, "-", "Perangkat daerah pelaksana"),
        Kolom("program", TIPE_TEKS, "-", "Nama program/kegiatan"),
        Kolom("layanan", TIPE_KATEGORI, "-", "Layanan dasar yang dituju", pilihan=tuple(LAYANAN)),
        Kolom("desa_sasaran", TIPE_TEKS, "-", "Kode desa sasaran, dipisah titik koma"),
        Kolom(
            "anggaran",
            TIPE_RUPIAH,
            "Rp",
            "Anggaran program (semua sumber dana; rincian per desa di program_desa.csv)",
            batas_atas=10_000_000_000_000,
        ),
    ),
)

_K_JENIS = Kolom(
    "jenis",
    TIPE_TEKS,
    "-",
    "Jenis pekerjaan (kunci referensi/jenis_layanan.csv: layanan, sub-bidang APBDes, kewenangan)",
)

USULAN_TINDAK_LANJUT = Tabel(
    nama="usulan_tindak_lanjut",
    berkas="usulan_tindak_lanjut.csv",
    judul="Tindak lanjut usulan desa: jenis, tahun Musrenbang, jalur, dan siapa yang menampungnya",
    kunci=("id_usulan",),
    kolom=(
        Kolom("id_usulan", TIPE_TEKS, "-", "Nomor usulan (sama dengan usulan_desa.id_usulan)"),
        Kolom(
            "tahun_usulan",
            TIPE_TAHUN,
            "tahun",
            "Tahun Musrenbang tempat usulan disusun (tahun rencananya = usulan_desa.tahun,"
            " biasanya tahun_usulan + 1)",
        ),
        _K_JENIS,
        Kolom(
            "jalur",
            TIPE_KATEGORI,
            "-",
            "Ke mana desa membawa usulan: RKPDes (dibiayai APBDes sendiri) atau Musrenbang"
            " (diteruskan ke Musrenbang kecamatan untuk RKPD kabupaten)",
            pilihan=("RKPDes", "Musrenbang"),
        ),
        Kolom(
            "ditampung_oleh",
            TIPE_TEKS,
            "-",
            "Siapa yang menampung usulan: nomor program OPD (program_opd.id_program) yang"
            " menyasar desa itu dengan jenis yang sama pada tahun rencananya, 'APBDes',"
            " 'provinsi', atau 'tidak'",
        ),
    ),
    opsional=True,
)

PROGRAM_DESA = Tabel(
    nama="program_desa",
    berkas="program_desa.csv",
    judul="Rincian program OPD per desa sasaran: keluaran, volume, anggaran, sumber dana",
    kunci=("id_program", "kode_desa"),
    kolom=(
        Kolom("id_program", TIPE_TEKS, "-", "Nomor program (program_opd.id_program)"),
        _K_DESA,
        _K_TAHUN_RENCANA,
        _K_JENIS,
        Kolom("indikator_keluaran", TIPE_TEKS, "-", "Indikator keluaran program"),
        Kolom("satuan", TIPE_TEKS, "-", "Satuan indikator keluaran (orang, unit, SR, …)"),
        Kolom(
            "target_volume",
            TIPE_CACAH,
            "satuan keluaran",
            "Target volume keluaran di desa ini",
            NAIK,
            batas_atas=100_000,
        ),
        Kolom(
            "anggaran",
            TIPE_RUPIAH,
            "Rp",
            "Anggaran program untuk desa ini",
            batas_atas=1_000_000_000_000,
        ),
        Kolom(
            "sumber_dana",
            TIPE_KATEGORI,
            "-",
            "Sumber dana program",
            pilihan=("APBD kabupaten", "DAK fisik", "DAK nonfisik", "bantuan keuangan provinsi"),
        ),
    ),
    opsional=True,
)

PEMANGKU = Tabel(
    nama="pemangku",
    berkas="pemangku_kepentingan.csv",
    judul="Lembaga pemangku kepentingan per kecamatan (tanpa nama orang)",
    kunci=("kode_kecamatan", "lembaga"),
    kolom=(
        Kolom(
            "kode_kecamatan",
            TIPE_KODE_KECAMATAN,
            "-",
            "Kode kecamatan PP.KK.CC",
            sumber="Kepmendagri 100.1.1-6117/2022",
        ),
        Kolom("lembaga", TIPE_TEKS, "-", "Nama lembaga (fiktif bila swasta)"),
        Kolom(
            "jenis",
            TIPE_KATEGORI,
            "-",
            "Jenis lembaga",
            pilihan=(
                "pemerintah kecamatan",
                "unit layanan",
                "perangkat daerah",
                "pendamping desa",
                "pemerintah desa",
                "lembaga desa/masyarakat",
                "swasta/CSR",
            ),
        ),
        Kolom(
            "layanan",
            TIPE_TEKS,
            "-",
            "Layanan dasar yang dilayani (kunci layanan, dipisah titik koma; kosong = lintas"
            " layanan). Perangkat daerah: layanan yang urusannya dipegang; swasta/CSR: bidang"
            " yang didanai",
        ),
        Kolom(
            "peran",
            TIPE_TEKS,
            "-",
            "Peran dalam koordinasi kecamatan (swasta/CSR: kegiatan yang didanai)",
        ),
        Kolom(
            "pengaruh",
            TIPE_KATEGORI,
            "-",
            "Pengaruh terhadap layanan dasar di kecamatan (skala urut rendah < sedang < tinggi)",
            pilihan=("tinggi", "sedang", "rendah"),
        ),
        Kolom(
            "kepentingan",
            TIPE_KATEGORI,
            "-",
            "Kepentingan/keterlibatan saat ini (skala urut rendah < sedang < tinggi)",
            pilihan=("tinggi", "sedang", "rendah"),
        ),
    ),
)

ANGKA_TERBITAN = Tabel(
    nama="terbitan",
    berkas="angka_terbitan.csv",
    opsional=True,
    judul="Angka terbitan per desa: skor dan persentase yang diterbitkan lembaga (bukan cacah)",
    kunci=("kode_desa", "tahun", "ukuran"),
    kolom=(
        Kolom(
            "kode_desa",
            TIPE_KODE_DESA,
            "-",
            "Kode desa Kemendagri PP.KK.CC.NNNN",
            sumber="Kepmendagri 100.1.1-6117/2022",
        ),
        Kolom(
            "tahun",
            TIPE_TAHUN,
            "tahun",
            "Tahun yang disebut penerbit angka itu",
            sumber="penerbit angka (kolom `sumber`)",
        ),
        Kolom(
            "ukuran",
            TIPE_TEKS,
            "-",
            "Nama pendek ukuran, mis. `idm` (Indeks Desa Membangun), `idm_iks`, `idm_ike`, "
            "`idm_ikl`, atau persentase terbitan lain",
            sumber="ditulis pengguna atau preset impor",
        ),
        Kolom(
            "nilai",
            TIPE_DESIMAL,
            "-",
            "Nilai yang diterbitkan apa adanya (skor atau persen); tidak pernah dijumlahkan atau "
            "dirata-ratakan dengan indikator yang dihitung dari cacah",
            batas_atas=1_000_000,
            sumber="penerbit angka (kolom `sumber`)",
        ),
        Kolom(
            "satuan",
            TIPE_TEKS,
            "-",
            "Satuan nilai, mis. `indeks 0–1` atau `%`",
            sumber="penerbit angka (kolom `sumber`)",
        ),
        Kolom(
            "kategori",
            TIPE_TEKS,
            "-",
            "Kategori yang diterbitkan bersama nilai (mis. status IDM `Berkembang`); boleh kosong",
            sumber="penerbit angka (kolom `sumber`)",
        ),
        Kolom(
            "sumber",
            TIPE_TEKS,
            "-",
            "Penerbit dan terbitannya, mis. `Kemendes PDTT, IDM 2024`",
            sumber="ditulis pengguna atau preset impor",
        ),
    ),
)

SEMUA_TABEL: dict[str, Tabel] = {
    t.nama: t
    for t in (
        WILAYAH,
        INDIKATOR_DESA,
        BELANJA,
        BELANJA_KEGIATAN,
        PENDAPATAN,
        FASILITAS,
        USULAN,
        USULAN_TINDAK_LANJUT,
        PROGRAM_OPD,
        PROGRAM_DESA,
        PEMANGKU,
    )
}
"""Semua tabel data latihan menurut nama pendeknya."""

TABEL_TAMBAHAN: dict[str, Tabel] = {t.nama: t for t in (ANGKA_TERBITAN,)}
"""Tabel yang hanya ada di data sendiri (data latihan tidak memuatnya); semuanya opsional."""

TABEL_DIKENAL: dict[str, Tabel] = {**SEMUA_TABEL, **TABEL_TAMBAHAN}
"""Semua tabel yang dikenal pemuat: tabel data latihan ditambah tabel tambahan data sendiri."""
