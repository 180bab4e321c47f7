"""Pembuat folder data sendiri untuk uji: Kecamatan Batu, Kota Batu, Jawa Timur (kode 35.79.01).

Kecamatan Batu berada di luar empat kabupaten latihan; folder-folder ini dipakai uji yang
menjalankan notebook pelajaran dan handout atas data sendiri. Dua pembuat:

- :func:`buat_batu_sebagian` — daftar desa dan fasilitas **nyata** (dibuat ``p3pd.impor`` dengan
  preset ``podes_fasilitas`` dari cuplikan Podes 2024 BPS
  ``tests/data_nyata/podes2024_kota_batu_cuplikan.csv``: Kelurahan Songgokerto
  ``35.79.01.1003`` dan Desa Oro-Oro Ombo ``35.79.01.2006``) ditambah ``indikator_desa.csv``
  tahun 2024 dengan kolom kesehatan saja, **diisi untuk uji, bukan angka nyata**. Tidak ada
  APBDes, usulan, program, pemangku, atau angka terbitan.
- :func:`buat_batu_lengkap` — folder sebagian ditambah tabel yang semuanya **diisi untuk uji,
  bukan angka nyata**: APBDes 2024 (belanja per sub-bidang, rincian 1.1, pendapatan) hanya
  untuk Desa Oro-Oro Ombo — kelurahan tidak punya APBDes — lewat preset ``siskeudes_apbdes``
  dari ekspor bergaya Siskeudes (:data:`SISKEUDES_ISIAN`); usulan desa, tindak lanjut usulan,
  program OPD kota dan rinciannya per desa, lembaga pemangku kepentingan (tanpa nama orang),
  dan angka terbitan (kolom ``sumber`` menyebut "diisi untuk uji").

Keduanya lolos ``p3pd.muat.muat_folder`` (termasuk pemeriksaan antartabel) dan berlabel data
sendiri (``SUMBER_DATA.yaml``, pemilik :data:`PEMILIK`). Nama fungsi dan konstanta di sini
dipakai banyak berkas uji; jangan diganti namanya.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from p3pd.impor import impor
from p3pd.lokasi import folder_proyek

PROYEK = folder_proyek()
DATA_NYATA = PROYEK / "tests" / "data_nyata"
SAMPEL_PODES = DATA_NYATA / "podes2024_kota_batu_cuplikan.csv"
"""Cuplikan Podes 2024 Kota Batu (asal-usul: ``tests/data_nyata/README.md``)."""

PEMILIK = "Kecamatan Batu"
"""Pemilik di label ``SUMBER_DATA.yaml`` kedua folder (label: "Data milik Kecamatan Batu, …")."""

KECAMATAN = "Batu"
KODE_KECAMATAN = "35.79.01"
KODE_KABUPATEN = "35.79"
TAHUN = 2024
KODE_DESA = "35.79.01.2006"
"""Desa Oro-Oro Ombo: satu-satunya desa (bukan kelurahan) di folder; hanya ia yang ber-APBDes."""
KODE_KELURAHAN = "35.79.01.1003"
"""Kelurahan Songgokerto (tanpa APBDes)."""

CATATAN_ISIAN = "diisi untuk uji, bukan angka nyata"

INDIKATOR_ISIAN = """kode_desa,tahun,jumlah_penduduk,jumlah_rumah_tangga,balita_diukur,balita_stunting,anak_12_23_bulan,anak_idl,persalinan,persalinan_fasyankes
35.79.01.1003,2024,9500,2900,610,71,150,131,140,139
35.79.01.2006,2024,6900,2100,430,66,105,88,98,95
"""
"""Indikator kesehatan 2024 — diisi untuk uji, bukan angka nyata (sama dengan tests/test_kerja.py)."""

SISKEUDES_ISIAN = """Kode Desa,Tahun,Kode Rekening,Uraian,Anggaran,Realisasi
35.79.01.2006,2024,4.,PENDAPATAN,2350000000,2298000000
35.79.01.2006,2024,4.1.,Pendapatan Asli Desa,180000000,171500000
35.79.01.2006,2024,4.2.,Pendapatan Transfer,2170000000,2126500000
35.79.01.2006,2024,4.2.1.,Dana Desa,1050000000,1050000000
35.79.01.2006,2024,4.2.2.,Bagi Hasil Pajak dan Retribusi Daerah,95000000,88500000
35.79.01.2006,2024,4.2.3.,Alokasi Dana Desa,925000000,893000000
35.79.01.2006,2024,4.2.4.,Bantuan Keuangan Provinsi,100000000,95000000
35.79.01.2006,2024,5.,BELANJA,2330000000,2205400000
35.79.01.2006,2024,1.,BIDANG PENYELENGGARAN PEMERINTAHAN DESA,835000000,812300000
35.79.01.2006,2024,1.1.,Penyelenggaraan Belanja Siltap Tunjangan dan Operasional Pemerintahan Desa,735000000,722300000
35.79.01.2006,2024,1.1.01.,Penyediaan Penghasilan Tetap dan Tunjangan Kepala Desa,60000000,60000000
35.79.01.2006,2024,1.1.02.,Penyediaan Penghasilan Tetap dan Tunjangan Perangkat Desa,420000000,420000000
35.79.01.2006,2024,1.1.03.,Penyediaan Jaminan Sosial bagi Kepala Desa dan Perangkat Desa,30000000,28800000
35.79.01.2006,2024,1.1.04.,Penyediaan Operasional Pemerintah Desa,120000000,115500000
35.79.01.2006,2024,1.1.05.,Penyediaan Tunjangan BPD,60000000,60000000
35.79.01.2006,2024,1.1.06.,Penyediaan Operasional BPD,25000000,23000000
35.79.01.2006,2024,1.1.07.,Penyediaan Insentif/Operasional RT/RW,20000000,15000000
35.79.01.2006,2024,1.3.,Sub Bidang Administrasi Kependudukan Pencatatan Sipil Statistik dan Kearsipan,100000000,90000000
35.79.01.2006,2024,1.3.01.,Pelayanan Administrasi Umum dan Kependudukan,100000000,90000000
35.79.01.2006,2024,2.,BIDANG PELAKSANAAN PEMBANGUNAN DESA,1120000000,1050600000
35.79.01.2006,2024,2.1.01.,Penyelenggaraan PAUD/TK/TPA/TKA/TPQ/Madrasah Non-Formal Milik Desa,90000000,86000000
35.79.01.2006,2024,2.2.01.,Penyelenggaraan Pos Kesehatan Desa (PKD)/Polindes Milik Desa,60000000,52000000
35.79.01.2006,2024,2.2.02.,Penyelenggaraan Posyandu (Makanan Tambahan Kelas Ibu Hamil Kelas Lansia Insentif Kader),140000000,138600000
35.79.01.2006,2024,2.3.01.,Pemeliharaan Jalan Desa,480000000,455000000
35.79.01.2006,2024,2.4.03.,Pembangunan/Rehabilitasi/Peningkatan Sumber Air Bersih Milik Desa,350000000,319000000
35.79.01.2006,2024,3.,BIDANG PEMBINAAN KEMASYARAKATAN,95000000,90500000
35.79.01.2006,2024,3.2.01.,Pembinaan Karang Taruna/Klub Kepemudaan/Olahraga,95000000,90500000
35.79.01.2006,2024,4.,BIDANG PEMBERDAYAAN MASYARAKAT,130000000,119000000
35.79.01.2006,2024,4.5.01.,Pelatihan dan Penyuluhan Usaha Mikro Kecil dan Menengah,130000000,119000000
35.79.01.2006,2024,5.,BIDANG PENANGGULANGAN BENCANA DARURAT DAN MENDESAK DESA,150000000,133000000
35.79.01.2006,2024,5.3.01.,Keadaan Mendesak (BLT Dana Desa),150000000,133000000
35.79.01.2006,2024,6.,PEMBIAYAAN,20000000,20000000
"""
"""Ekspor realisasi APBDes 2024 bergaya Siskeudes (satu baris per kode rekening) untuk Desa
Oro-Oro Ombo — diisi untuk uji, bukan angka nyata. Kode dan uraian mengikuti Permendagri
20/2018; baris judul (``4.``, ``1.``, …), pendapatan transfer ``4.2.``, dan pembiayaan ``6.``
sengaja ada agar saringan preset ikut diuji."""

USULAN_ISIAN = """id_usulan,kode_desa,tahun,layanan,uraian,perkiraan_biaya,prioritas,diakomodasi
UB25-2006-01,35.79.01.2006,2025,kesehatan,Makanan tambahan balita gizi kurang dan kelas ibu hamil,45000000,tinggi,ya
UB25-2006-02,35.79.01.2006,2025,air_sanitasi,Sambungan air bersih ke rumah tangga dusun atas,320000000,tinggi,tidak
UB25-2006-03,35.79.01.2006,2025,adminduk,Pelayanan akta kelahiran jemput bola,15000000,sedang,ya
UB25-1003-01,35.79.01.1003,2025,kesehatan,Penambahan jadwal posyandu balita,20000000,tinggi,ya
UB25-1003-02,35.79.01.1003,2025,pendidikan,Ruang kelas tambahan SD,450000000,sedang,tidak
"""
"""Usulan Musrenbang untuk tahun rencana 2025 (kelurahan boleh mengusulkan) — diisi untuk uji."""

TINDAK_LANJUT_ISIAN = """id_usulan,tahun_usulan,jenis,jalur,ditampung_oleh
UB25-2006-01,2024,posyandu_gizi,RKPDes,APBDes
UB25-2006-02,2024,air_minum,Musrenbang,tidak
UB25-2006-03,2024,layanan_adminduk,Musrenbang,PB25-3579-01
UB25-1003-01,2024,posyandu_gizi,Musrenbang,PB25-3579-02
UB25-1003-02,2024,sekolah_dasar,Musrenbang,tidak
"""
"""Jalur dan tindak lanjut usulan di atas — diisi untuk uji."""

PROGRAM_ISIAN = """id_program,kode_kabupaten,tahun,opd,program,layanan,desa_sasaran,anggaran
PB25-3579-01,35.79,2025,Dinas Kependudukan dan Pencatatan Sipil,Pelayanan dokumen kependudukan jemput bola,adminduk,35.79.01.2006,40000000
PB25-3579-02,35.79,2025,Dinas Kesehatan,Penguatan posyandu dan pelatihan kader,kesehatan,35.79.01.1003;35.79.01.2006,150000000
"""
"""Program OPD Kota Batu tahun rencana 2025 — diisi untuk uji, bukan program nyata."""

PROGRAM_DESA_ISIAN = """id_program,kode_desa,tahun,jenis,indikator_keluaran,satuan,target_volume,anggaran,sumber_dana
PB25-3579-01,35.79.01.2006,2025,layanan_adminduk,Akta kelahiran terbit lewat jemput bola,dokumen,120,40000000,APBD kabupaten
PB25-3579-02,35.79.01.1003,2025,posyandu_gizi,Kader posyandu terlatih,orang,25,80000000,DAK nonfisik
PB25-3579-02,35.79.01.2006,2025,posyandu_gizi,Kader posyandu terlatih,orang,20,70000000,DAK nonfisik
"""
"""Rincian program per desa sasaran — diisi untuk uji."""

PEMANGKU_ISIAN = """kode_kecamatan,lembaga,jenis,layanan,peran,pengaruh,kepentingan
35.79.01,Pemerintah Kecamatan Batu (seksi pemberdayaan masyarakat desa),pemerintah kecamatan,,Pembinaan dan pengawasan desa; fasilitasi Musrenbang kecamatan,tinggi,tinggi
35.79.01,Puskesmas kecamatan,unit layanan,kesehatan,Pelayanan kesehatan dasar dan pembinaan posyandu,tinggi,tinggi
35.79.01,Dinas Kesehatan (kota),perangkat daerah,kesehatan,Program kesehatan kota dan penempatan tenaga kesehatan,tinggi,sedang
35.79.01,Dinas Kependudukan dan Pencatatan Sipil (kota),perangkat daerah,adminduk,Penerbitan dokumen kependudukan,tinggi,sedang
35.79.01,Bappeda (kota),perangkat daerah,,Perencanaan pembangunan daerah dan Musrenbang,tinggi,rendah
35.79.01,Pendamping desa,pendamping desa,,Pendampingan penyusunan RKPDes dan APBDes,sedang,tinggi
35.79.01,Pemerintah Desa Oro-Oro Ombo,pemerintah desa,,Penyusunan dan pelaksanaan RKPDes dan APBDes,tinggi,tinggi
35.79.01,Kader posyandu,lembaga desa/masyarakat,kesehatan,Penyelenggaraan posyandu bulanan,sedang,tinggi
"""
"""Lembaga pemangku kepentingan Kecamatan Batu, tanpa nama orang — diisi untuk uji."""

TERBITAN_ISIAN = """kode_desa,tahun,ukuran,nilai,satuan,kategori,sumber
35.79.01.2006,2024,idm,0.8,indeks 0–1,Maju,diisi untuk uji (bukan angka nyata IDM)
"""
"""Satu angka terbitan bergaya IDM — diisi untuk uji, bukan skor IDM nyata."""

SUMBER_INDIKATOR = f"indikator kesehatan 2024 {CATATAN_ISIAN}"
"""Sumber yang ditambahkan ke label folder sebagian (indikator bukan dari berkas nyata)."""

SUMBER_ISIAN = (
    "usulan, tindak lanjut usulan, program OPD, pemangku kepentingan, dan angka terbitan "
    f"{CATATAN_ISIAN}"
)
"""Sumber yang ditambahkan ke label folder lengkap untuk tabel yang ditulis langsung."""


def _tambah_sumber(folder: Path, sumber: str) -> None:
    """Tambahkan ``sumber`` ke label ``SUMBER_DATA.yaml`` folder (dipisah "; ")."""
    path = folder / "SUMBER_DATA.yaml"
    label = yaml.safe_load(path.read_text(encoding="utf-8"))
    label["sumber"] = f"{label['sumber']}; {sumber}"
    path.write_text(yaml.safe_dump(label, allow_unicode=True, sort_keys=False), encoding="utf-8")


def buat_batu_sebagian(folder: str | Path) -> Path:
    """Tulis folder data sendiri Kecamatan Batu yang sebagian ke ``folder`` (harus belum ada).

    Isi: ``wilayah_desa.csv`` dan ``fasilitas_desa.csv`` nyata dari cuplikan Podes 2024 (lewat
    preset ``podes_fasilitas``, beserta ``LAPORAN_IMPOR_podes_fasilitas.md`` dan
    ``SUMBER_DATA.yaml``), dan ``indikator_desa.csv`` 2024 dengan kolom kesehatan saja
    (:data:`INDIKATOR_ISIAN`, diisi untuk uji, bukan angka nyata; label ``SUMBER_DATA.yaml``
    menyebutnya, :data:`SUMBER_INDIKATOR`). Mengembalikan ``folder``.
    """
    folder = Path(folder)
    impor(SAMPEL_PODES, "podes_fasilitas", folder, pemilik=PEMILIK)
    (folder / "indikator_desa.csv").write_text(INDIKATOR_ISIAN, encoding="utf-8")
    _tambah_sumber(folder, SUMBER_INDIKATOR)
    return folder


def buat_batu_lengkap(folder: str | Path) -> Path:
    """Tulis folder data sendiri Kecamatan Batu yang lengkap ke ``folder`` (harus belum ada).

    Folder :func:`buat_batu_sebagian` ditambah (semua **diisi untuk uji, bukan angka nyata**):
    APBDes 2024 Desa Oro-Oro Ombo lewat preset ``siskeudes_apbdes`` dari :data:`SISKEUDES_ISIAN`
    (``apbdes_belanja.csv``, ``apbdes_belanja_kegiatan.csv``, ``apbdes_pendapatan.csv``; tidak
    ada APBDes untuk Kelurahan Songgokerto), ``usulan_desa.csv``, ``usulan_tindak_lanjut.csv``,
    ``program_opd.csv``, ``program_desa.csv``, ``pemangku_kepentingan.csv``, dan
    ``angka_terbitan.csv``. Sumber di ``SUMBER_DATA.yaml`` menyebut bahwa angka itu diisi untuk
    uji. Ekspor Siskeudes ditulis di folder sementara di samping ``folder`` lalu dihapus.
    Mengembalikan ``folder``.
    """
    folder = buat_batu_sebagian(folder)
    unduhan = folder.parent / f"{folder.name}_unduhan_siskeudes"
    unduhan.mkdir()
    try:
        ekspor = unduhan / "realisasi_apbdes_2024.csv"
        ekspor.write_text(SISKEUDES_ISIAN, encoding="utf-8")
        impor(
            ekspor,
            "siskeudes_apbdes",
            folder,
            pemilik=PEMILIK,
            sumber_data=f"Realisasi APBDes 2024 gaya Siskeudes ({CATATAN_ISIAN})",
        )
    finally:
        shutil.rmtree(unduhan)
    for nama, isi in (
        ("usulan_desa.csv", USULAN_ISIAN),
        ("usulan_tindak_lanjut.csv", TINDAK_LANJUT_ISIAN),
        ("program_opd.csv", PROGRAM_ISIAN),
        ("program_desa.csv", PROGRAM_DESA_ISIAN),
        ("pemangku_kepentingan.csv", PEMANGKU_ISIAN),
        ("angka_terbitan.csv", TERBITAN_ISIAN),
    ):
        (folder / nama).write_text(isi, encoding="utf-8")
    _tambah_sumber(folder, SUMBER_ISIAN)
    return folder


def merahkan_kelurahan(folder: str | Path) -> Path:
    """Ubah baris indikator 2024 Kelurahan Songgokerto (:data:`KODE_KELURAHAN`) di ``folder``
    hasil :func:`buat_batu_sebagian`/:func:`buat_batu_lengkap` menjadi berlampu merah kesehatan
    (diisi untuk uji). Mengembalikan ``folder``."""
    folder = Path(folder)
    berkas = folder / "indikator_desa.csv"
    asli = f"{KODE_KELURAHAN},2024,9500,2900,610,71,150,131,140,139"
    teks = berkas.read_text(encoding="utf-8")
    if asli not in teks:
        raise AssertionError(f"baris kelurahan {asli!r} tidak ada di {berkas}")
    merah = f"{KODE_KELURAHAN},2024,9500,2900,610,150,150,95,140,120"
    berkas.write_text(teks.replace(asli, merah), encoding="utf-8")
    return folder
