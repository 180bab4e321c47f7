"""Pembuat tabel sintetis pemangku kepentingan per kecamatan (bagian dari ``p3pd data``).

Setiap kecamatan latihan mendapat daftar **lembaga** (tidak pernah nama orang) yang duduk di
"Rumah Bersama" kecamatan: perangkat daerah kabupaten, unsur kantor kecamatan sendiri, unit
layanan (UPT) di kecamatan, pendamping desa, pemerintah desa, lembaga masyarakat (PKK, kader
posyandu, …), dan mitra swasta/CSR. Mitra swasta selalu **fiktif** ("PT Sintetis …").

Arti kolom untuk setiap jenis lembaga:

- ``layanan`` — layanan dasar yang dilayani; untuk perangkat daerah: layanan yang **urusannya
  dipegang** (UU 23/2014 Pasal 12, lihat ``referensi/layanan.csv``); untuk swasta/CSR:
  **bidang yang didanai**. Kosong = lintas layanan;
- ``peran`` — tugasnya dalam koordinasi; untuk swasta/CSR diawali "Mitra CSR; mendanai …";
- ``pengaruh`` dan ``kepentingan`` — skala urut ``rendah`` < ``sedang`` < ``tinggi``
  (dipakai kisi pengaruh × kepentingan di ``p3pd.koordinasi``).

Templat, peluang ada, dan tingkat dasar di bawah adalah **asumsi** data sintetis; tingkat
pengaruh dan kepentingan setiap kecamatan digeser satu langkah secara acak. Nama seksi kantor
kecamatan dan nama dinas berbeda antarkabupaten; di sini dipakai nama umum.

Modul ini tidak mengimpor numpy/pandas saat diimpor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

ALIRAN = 8
"""Nomor aliran bilangan acak tabel ini (terpisah dari tabel lain; lihat ``sintetis._rng``)."""

TINGKAT = ("rendah", "sedang", "tinggi")
"""Skala urut pengaruh dan kepentingan, dari rendah ke tinggi."""


def _baris(teks: str) -> list[list[str]]:
    """Pecah tabel teks (baris pertama judul, pemisah ``|``) menjadi daftar sel."""
    baris = [b for b in teks.strip().splitlines() if b.strip()]
    return [[s.strip() for s in b.split("|")] for b in baris[1:]]


_LEMBAGA_TEKS = """
lembaga                                           | jenis                   | layanan                             | peran                                                                                                   | pengaruh | kepentingan | peluang
Bappeda (kabupaten)                               | perangkat daerah        |                                     | Perencanaan pembangunan daerah; Musrenbang dan Forum Perangkat Daerah; konvergensi stunting kabupaten   | tinggi   | sedang      | 1.0
Dinas Kesehatan (kabupaten)                       | perangkat daerah        | kesehatan                           | Pemegang urusan kesehatan dan SPM kesehatan; membina puskesmas                                          | tinggi   | sedang      | 1.0
Dinas Pendidikan (kabupaten)                      | perangkat daerah        | pendidikan                          | Pemegang urusan pendidikan dan SPM pendidikan; SD, SMP, dan PAUD                                        | tinggi   | sedang      | 1.0
Dinas PMD (kabupaten)                             | perangkat daerah        |                                     | Pembinaan pemerintahan dan keuangan desa; koordinasi pendampingan desa; BLT Dana Desa                   | tinggi   | tinggi      | 1.0
Disdukcapil (kabupaten)                           | perangkat daerah        | adminduk                            | Pemegang urusan administrasi kependudukan: akta, KK, KTP-el; layanan jemput bola                        | tinggi   | sedang      | 1.0
Dinas Sosial (kabupaten)                          | perangkat daerah        | jaminan_sosial                      | Pemegang urusan sosial dan SPM sosial; DTKS, bantuan sosial, dan PBI JKN daerah                         | tinggi   | sedang      | 1.0
Dinas PUPR (kabupaten)                            | perangkat daerah        | air_sanitasi                        | Pemegang urusan pekerjaan umum: SPAM perdesaan dan air limbah domestik                                  | tinggi   | rendah      | 1.0
Dinas Perkim (kabupaten)                          | perangkat daerah        | air_sanitasi                        | Pemegang urusan perumahan dan kawasan permukiman: jamban keluarga, sanitasi, RTLH                       | sedang   | sedang      | 1.0
Inspektorat (kabupaten)                           | perangkat daerah        |                                     | Pengawasan (APIP) keuangan desa; menerima tembusan laporan pengawasan camat                             | sedang   | rendah      | 1.0
Camat dan Sekretaris Kecamatan                    | pemerintah kecamatan    |                                     | Mengoordinasikan perangkat daerah di kecamatan; membina dan mengawasi desa; memimpin Musrenbang kecamatan | tinggi   | tinggi      | 1.0
Seksi Pemerintahan                                | pemerintah kecamatan    | adminduk                            | Administrasi pemerintahan desa; evaluasi rancangan APBDes bila didelegasikan bupati; adminduk           | sedang   | tinggi      | 1.0
Seksi PMD                                         | pemerintah kecamatan    |                                     | Pembinaan perencanaan dan keuangan desa; fasilitasi Musrenbang; koordinasi pendamping desa              | sedang   | tinggi      | 0.8
Seksi Kesejahteraan Sosial                        | pemerintah kecamatan    | pendidikan;kesehatan;jaminan_sosial | Koordinasi bansos, pendidikan, dan kesehatan lintas desa                                                | sedang   | tinggi      | 1.0
Puskesmas {kecamatan}                             | unit layanan            | kesehatan;air_sanitasi              | Pelayanan kesehatan dasar, imunisasi, gizi, dan STBM; sumber data e-PPGBM                               | tinggi   | tinggi      | 1.0
UPT Pendidikan Kecamatan                          | unit layanan            | pendidikan                          | Pembinaan SD dan PAUD; data peserta didik dan anak tidak sekolah                                        | tinggi   | sedang      | 1.0
Layanan Disdukcapil di kecamatan                  | unit layanan            | adminduk                            | Perekaman KTP-el dan penerbitan dokumen di kecamatan; jemput bola ke desa                               | sedang   | sedang      | 0.7
KUA Kecamatan {kecamatan}                         | unit layanan            | adminduk                            | Pencatatan nikah; rujukan kelengkapan dokumen kependudukan                                              | sedang   | rendah      | 0.9
Pendamping PKH dan TKSK Kecamatan                 | unit layanan            | jaminan_sosial                      | Pendampingan penerima bansos; pemutakhiran data keluarga miskin                                         | sedang   | sedang      | 0.9
Penyuluh KB Kecamatan                             | unit layanan            | kesehatan                           | Penyuluhan KB dan pendampingan keluarga berisiko stunting                                               | rendah   | sedang      | 0.6
Pendamping desa (Tenaga Pendamping Profesional)   | pendamping desa         |                                     | Pendampingan penyusunan RKPDes dan APBDes; pemantauan penggunaan Dana Desa                              | sedang   | tinggi      | 1.0
Pemerintah desa se-kecamatan                      | pemerintah desa         |                                     | Menyusun RKPDes dan APBDes; membiayai kewenangan desa (posyandu, PAUD, air bersih desa)                 | tinggi   | tinggi      | 1.0
Kader Pembangunan Manusia (KPM) desa              | lembaga desa/masyarakat | kesehatan;pendidikan                | Memantau layanan bagi ibu hamil dan anak di desa; bahan rembuk stunting                                 | rendah   | tinggi      | 0.8
Tim Penggerak PKK Kecamatan                       | lembaga desa/masyarakat | kesehatan;pendidikan                | Penggerakan posyandu, PAUD, dan kesehatan keluarga                                                      | sedang   | tinggi      | 1.0
Forum kader posyandu kecamatan                    | lembaga desa/masyarakat | kesehatan                           | Pelaksana posyandu; penimbangan dan pengukuran balita                                                   | rendah   | tinggi      | 0.9
Forum BPD Kecamatan                               | lembaga desa/masyarakat |                                     | Pengawasan kinerja kepala desa dan APBDes; penyalur aspirasi warga                                      | sedang   | sedang      | 0.8
BUMDes Bersama Kecamatan                          | lembaga desa/masyarakat | air_sanitasi                        | Usaha antardesa; dapat mengelola layanan air bersih                                                     | rendah   | sedang      | 0.5
Asosiasi pengelola air minum perdesaan            | lembaga desa/masyarakat | air_sanitasi                        | Pengelolaan sarana air minum desa dan iuran pemakai                                                     | sedang   | sedang      | 0.4
Forum Anak Kecamatan                              | lembaga desa/masyarakat | pendidikan                          | Suara anak dalam Musrenbang kecamatan                                                                   | rendah   | sedang      | 0.2
"""
TEMPLAT_PEMANGKU: tuple[tuple[str, str, str, str, str, str, float], ...] = tuple(
    (b[0], b[1], b[2], b[3], b[4], b[5], float(b[6])) for b in _baris(_LEMBAGA_TEKS)
)
"""Templat lembaga (tanpa nama orang): lembaga, jenis, layanan, peran, pengaruh dasar,
kepentingan dasar, peluang ada di satu kecamatan — asumsi."""

_PERUSAHAAN_TEKS = """
nama                            | layanan              | didanai
PT Sintetis Agro Lestari        | air_sanitasi         | sarana air bersih di desa sekitar kebun
PT Sintetis Sawit Makmur        | kesehatan            | makanan tambahan balita dan ibu hamil
PT Sintetis Tani Sejahtera      | pendidikan           | beasiswa dan alat belajar PAUD
PT Sintetis Energi Nusantara    | air_sanitasi         | jamban sehat dan sumur bor
PT Sintetis Karya Mandiri       | pendidikan           | rehabilitasi ruang kelas
PT Sintetis Niaga Utama         | jaminan_sosial       | bantuan pangan lansia
PT Sintetis Semen Perkasa       | air_sanitasi         | penampungan air hujan
PT Sintetis Tambang Raya        | kesehatan            | ambulans desa dan alat ukur posyandu
PT Sintetis Bank Rakyat Desa    | adminduk             | perangkat layanan adminduk di kantor desa
PT Sintetis Perkebunan Harapan  | kesehatan;pendidikan | gizi anak sekolah dan PAUD
PT Sintetis Air Jernih          | air_sanitasi         | sambungan air minum rumah tangga
PT Sintetis Telekomunikasi Desa | adminduk             | jaringan internet untuk layanan adminduk desa
PT Sintetis Pangan Sehat        | kesehatan            | kelas ibu hamil dan pemantauan gizi
PT Sintetis Asuransi Bersama    | jaminan_sosial       | iuran JKN warga rentan yang belum terdaftar
"""
PERUSAHAAN_FIKTIF: tuple[tuple[str, str, str], ...] = tuple(
    (b[0], b[1], b[2]) for b in _baris(_PERUSAHAAN_TEKS)
)
"""Perusahaan swasta FIKTIF untuk contoh jejaring CSR: (nama, layanan yang didanai, kegiatan)."""

BANYAK_MITRA = (1, 2, 2, 3)
"""Banyak mitra swasta/CSR per kecamatan: dipilih seragam dari daftar ini (asumsi)."""


def _geser_tingkat(rng: np.random.Generator, dasar: str, n: int) -> Any:
    """Geser tingkat rendah/sedang/tinggi satu langkah secara acak (peluang 0,25 naik/turun)."""
    import numpy as np

    urutan = np.array(TINGKAT)
    i = TINGKAT.index(dasar)
    u = rng.random(n)
    geser = np.where(u < 0.25, -1, np.where(u > 0.75, 1, 0))
    return urutan[np.clip(i + geser, 0, 2)]


def buat_pemangku(kec: pd.DataFrame, benih: int) -> pd.DataFrame:
    """Tabel pemangku kepentingan untuk setiap kecamatan ``kec`` (kolom ``kode_kecamatan``,
    ``nama_kecamatan``), deterministik untuk ``benih`` yang sama.

    Kolom seperti ``p3pd.skema.PEMANGKU``; baris terurut menurut kecamatan dan lembaga.
    """
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng([int(benih), ALIRAN])
    kode = kec["kode_kecamatan"].to_numpy()
    nama = kec["nama_kecamatan"].to_numpy()
    n = len(kode)
    bagian = []
    for lembaga, jenis, lay, peran, pengaruh, kepentingan, peluang in TEMPLAT_PEMANGKU:
        ada = rng.random(n) < peluang
        bagian.append(
            pd.DataFrame(
                {
                    "kode_kecamatan": kode,
                    "lembaga": [lembaga.format(kecamatan=x) for x in nama],
                    "jenis": jenis,
                    "layanan": lay,
                    "peran": peran,
                    "pengaruh": _geser_tingkat(rng, pengaruh, n),
                    "kepentingan": _geser_tingkat(rng, kepentingan, n),
                }
            )[ada]
        )
    # mitra swasta fiktif, tidak berulang di kecamatan yang sama
    m = len(PERUSAHAAN_FIKTIF)
    banyak = rng.choice(np.array(BANYAK_MITRA), n)
    urutan = np.argsort(rng.random((n, m)), axis=1)
    for ke in range(max(BANYAK_MITRA)):
        pilih = urutan[:, ke]
        bagian.append(
            pd.DataFrame(
                {
                    "kode_kecamatan": kode,
                    "lembaga": [PERUSAHAAN_FIKTIF[i][0] for i in pilih],
                    "jenis": "swasta/CSR",
                    "layanan": [PERUSAHAAN_FIKTIF[i][1] for i in pilih],
                    "peran": [f"Mitra CSR; mendanai {PERUSAHAAN_FIKTIF[i][2]}" for i in pilih],
                    "pengaruh": _geser_tingkat(rng, "rendah", n),
                    "kepentingan": _geser_tingkat(rng, "sedang", n),
                }
            )[banyak > ke]
        )
    hasil = pd.concat(bagian, ignore_index=True)
    return hasil.sort_values(["kode_kecamatan", "lembaga"], kind="stable").reset_index(drop=True)


def teks_sumber() -> str:
    """Butir ``SUMBER.md`` (bagian usulan, program, pemangku) tentang tabel pemangku kepentingan."""
    mitra = "–".join(str(x) for x in (min(BANYAK_MITRA), max(BANYAK_MITRA)))
    return (
        "- Pemangku kepentingan (`pemangku_kepentingan.csv`): lembaga per kecamatan dari templat"
        f" {len(TEMPLAT_PEMANGKU)} lembaga (tanpa nama orang), masing-masing dengan peluang ada"
        " (asumsi): perangkat daerah kabupaten (Bappeda, Dinas Kesehatan, Dinas Pendidikan,"
        " Dinas PMD, Disdukcapil, Dinas Sosial, Dinas PUPR, Dinas Perkim, Inspektorat), camat"
        " dan seksi kantor kecamatan, unit layanan di kecamatan (puskesmas, UPT pendidikan,"
        " KUA, …), pendamping desa, pemerintah desa, dan lembaga masyarakat (PKK, kader"
        " posyandu, KPM, Forum BPD, …). Nama umum dipakai: **nama seksi kantor kecamatan dan"
        " nama dinas beragam antarkabupaten** (mis. seksi pemerintahan, PMD, atau kesejahteraan"
        " sosial/kesra); cocokkan dengan susunan organisasi kabupaten Anda. Untuk perangkat"
        " daerah, kolom `layanan` berisi layanan yang urusannya dipegang (UU 23/2014 Pasal 12,"
        " `modules/p3pd/referensi/layanan.csv`); urusan air bersih & sanitasi terbagi antara"
        " pekerjaan umum (Dinas PUPR) dan perumahan-kawasan permukiman (Dinas Perkim). Peran"
        " camat ditulis menurut PP 17/2018 Pasal 10 ayat (1) huruf f dan g.\n"
        "- Pengaruh dan kepentingan: skala urut rendah < sedang < tinggi. Tingkat dasar setiap"
        " lembaga adalah **asumsi** penyusun; di setiap kecamatan digeser satu tingkat secara"
        " acak (peluang 25 % naik, 25 % turun). Angka ini bukan penilaian atas lembaga"
        " sungguhan.\n"
        f"- Mitra swasta/CSR: {mitra} per kecamatan, dipilih tanpa pengulangan dari"
        f' {len(PERUSAHAAN_FIKTIF)} perusahaan yang semuanya **fiktif** ("PT Sintetis …");'
        " untuk mereka kolom `layanan` adalah bidang yang didanai dan `peran` menyebut"
        ' kegiatannya ("Mitra CSR; mendanai …").\n'
        "- Forum koordinasi dan iramanya ada di `modules/p3pd/referensi/forum_koordinasi.csv`"
        " (bukan data sintetis: rujukan kurikulum; bulan yang tidak bersumber ditandai"
        " *perkiraan* atau *asumsi*; sumbernya di `modules/p3pd/referensi/SUMBER.md`).\n"
    )
