"""Mengenali data pribadi di tabel: NIK, nomor KK, dan nama orang (menurut judul dan isi kolom).

Data latihan dan data kecamatan untuk pelatihan ini tidak boleh memuat data pribadi. Kolom yang
judulnya menandakan data pribadi, atau yang isinya tampak seperti NIK atau nama orang, ditolak
seperti NIK; angka dan nama yang ditemukan tidak pernah ditampilkan di pesan.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from p3pd.muat_masalah import Laporan, per_baris, teks_sel, urai_unik

POLA_PRIBADI = re.compile(
    r"^(?:(?:no|nomor)_?)?nik(?:_.*)?$"
    r"|^(?:(?:no|nomor)_?)?kk$|^(?:no|nomor)_kartu_keluarga$"
    r"|^nama_(?:kepala_keluarga|kk|penduduk|lengkap|warga|ibu|ayah|anak|balita|bayi|pasien"
    r"|siswa|murid|penerima|anggota_keluarga|orang_tua)(?:_.*)?$"
    r"|^(?:tanggal|tgl)_lahir$"
)
POLA_NIK = r"(?<!\d)\d{16}(?!\d)|\d[.,]\d+[eE]\+15"


# ------------------------------------------------------------------ antarbaris


def periksa_nik(seri: pd.Series, nama: str, baris: np.ndarray, laporan: Laporan) -> None:
    """Tolak angka 16 digit yang mirip NIK (tanpa menampilkan angkanya)."""
    if pd.api.types.is_bool_dtype(seri):
        return
    if pd.api.types.is_numeric_dtype(seri):
        nilai = np.abs(seri.to_numpy(dtype=float))
        mirip = (nilai >= 1e15) & (nilai < 1e16)
    else:
        kode, unik = urai_unik(seri)
        if not len(unik):
            return
        teks = pd.Series([teks_sel(v) for v in unik], dtype=object)
        rapat = teks.str.replace(r"\s+", "", regex=True)  # NIK kadang ditulis berkelompok
        mirip_unik = rapat.str.contains(POLA_NIK, regex=True) | teks.str.contains(
            POLA_NIK, regex=True
        )
        mirip = per_baris(mirip_unik.to_numpy(dtype=bool), kode)
    if mirip.any():
        laporan.tambah(
            "berisi angka 16 digit yang mirip NIK. Data pribadi tidak boleh ada di data ini; "
            "hapus nilai itu dari berkas (simpan sebagai salinan), lalu muat ulang.",
            nama,
            baris[mirip],
        )


# --------------------------------------------------------------------------- nama orang

_KATA_PERAN = {
    "pengusul", "penanggung", "pj", "kontak", "narahubung", "pic", "petugas", "bidan", "kader",
    "ketua", "sekretaris", "bendahara", "kades", "lurah", "operator", "pendamping", "pemohon",
    "pelapor", "responden", "pasien", "penerima", "pengelola", "koordinator", "fasilitator",
    "perawat", "dokter", "guru", "kepala",
}  # fmt: skip
"""Kata di judul kolom yang menandakan orang (bila isinya teks, bukan cacah)."""

_KATA_KONTAK = {"hp", "telepon", "telp", "tlp", "whatsapp", "wa", "email", "surel", "ponsel"}
"""Kata di judul kolom yang menandakan kontak pribadi; ditolak apa pun isinya."""

_OBJEK_NAMA = {
    "desa", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "dusun", "wilayah",
    "lembaga", "instansi", "organisasi", "program", "kegiatan", "opd", "dinas", "sekolah",
    "posyandu", "puskesmas", "fasilitas", "indikator", "layanan", "bidang", "sub", "usulan",
    "jalan", "kelompok", "bumdes", "unit", "sumber", "jenis", "barang", "tabel", "kolom", "berkas",
    "lembar", "jabatan", "peran", "sasaran", "proyek", "paket", "kampung", "rt", "rw",
}  # fmt: skip
"""Kata sesudah ``nama_`` yang berarti nama benda/wilayah/lembaga, bukan nama orang."""

_SESUDAH_IBU_BAPAK = {
    "hamil", "menyusui", "nifas", "bersalin", "balita", "kota", "rumah", "tangga", "dan", "anak",
    "pkk", "bayi", "muda", "camat", "kepala", "kades", "lurah", "bupati", "wakil", "gubernur",
    "ketua", "sekdes", "sekretaris", "bidan", "guru", "kader", "dokter", "perawat", "kapolsek",
    "danramil", "babinsa", "pendamping", "petugas", "kasi", "kasubag", "direktur", "menteri",
}  # fmt: skip
"""Kata sesudah 'Ibu'/'Bapak' yang berarti kelompok sasaran atau jabatan, bukan nama orang."""

_POLA_SAPAAN = re.compile(
    r"(?<![\w.])(?:Bpk|Bapak|Pak|Ibu|Bu|Sdr|Sdri|Saudara|Saudari|Hj|Hajjah|Haji|KH|Drs|Dra|Dr|dr"
    r"|Ir|Prof|Ny|Nn|Tn|H\.)\.?\s+([A-Z][a-z]+)"
)
_GELAR_BERTITIK = (
    r"S\.\s?(?:Pd|Kep|ST|Tr|Sos|IP|Kom|Ag|Farm|Gz|KM|E|H|T|Si|P|Psi|Ked|Keb|AP)"
    r"|M\.\s?(?:Si|Pd|Kes|M|Ak|Sc|AP|Kom|T|H|E|PH)|A\.\s?Md(?:\.\s?[A-Z][a-z]+)?"
    r"|Amd\.\s?[A-Z][a-z]+|S\.Tr\.\s?Keb"
)
_POLA_GELAR = re.compile(
    # Gelar bertitik (S.Pd, A.Md.Keb) sesudah spasi atau koma; singkatan tanpa titik (SKM,
    # Ners) hanya sesudah koma, karena 'SKM' juga singkatan Survei Kepuasan Masyarakat.
    rf"(?:,\s*|\s)(?:{_GELAR_BERTITIK})(?=[\s,.;)]|$)|,\s*(?:SKM|SE|SH|ST|Ners|Ns)\b"
)
_KATA_BUKAN_ORANG = {
    # lembaga dan tempat layanan
    "desa", "kelurahan", "kecamatan", "kabupaten", "kab", "kota", "provinsi", "dusun", "rt", "rw",
    "jalan", "jl", "puskesmas", "pustu", "polindes", "poskesdes", "posyandu", "rumah", "sakit",
    "rsud", "klinik", "dinas", "badan", "kantor", "bappeda", "dukcapil", "disdukcapil", "bpjs",
    "bps", "sd", "smp", "sma", "smk", "mi", "mts", "ma", "tk", "paud", "kb", "sps", "sekolah",
    "madrasah", "pesantren", "pondok", "universitas", "yayasan", "koperasi", "bumdes", "pkk",
    "bpd", "lpm", "karang", "taruna", "kelompok", "forum", "tim", "pokja", "satgas", "unit",
    "pt", "cv", "tbk", "bank", "bri", "bni", "csr", "masjid", "gereja", "pura", "vihara", "balai",
    "gedung", "pasar", "pemerintah", "pemdes", "kementerian", "upt", "uptd", "lembaga", "dan",
    # kata tempat yang lazim di nama desa/dusun
    "lor", "kidul", "wetan", "kulon", "tengah", "baru", "lama", "jaya", "makmur", "sari", "rejo",
    "mulyo", "asri", "indah", "utara", "selatan", "timur", "barat", "hilir", "hulu", "atas",
    "bawah", "ilir", "ulu", "sumber", "tanjung", "sungai", "bukit", "gunung", "kali", "pulau",
    "teluk", "muara", "batu", "air", "kampung", "krajan", "pasir", "rawa", "sido", "tegal",
    "kebun", "talang", "padang", "lubuk", "kuala", "simpang", "dolok", "huta", "nagari",
    # kegiatan dan layanan
    "program", "kegiatan", "pembangunan", "rehabilitasi", "pengadaan", "pelatihan", "bersih",
    "sanitasi", "jamban", "sumur", "irigasi", "saluran", "embung", "drainase", "gizi",
    "stunting", "imunisasi", "layanan", "pelayanan", "dana", "anggaran", "kesehatan",
    "pendidikan", "sosial", "umum", "operasional", "honor", "insentif", "belanja",
}  # fmt: skip
_POLA_KATA_NAMA = re.compile(r"[A-Z][a-z]+(?:['-][A-Za-z][a-z]*)?")


def kolom_nama_orang(nama: str, seri: pd.Series) -> bool:
    """Benar bila judul kolom ``nama`` menandakan nama atau kontak orang.

    Judul seperti ``nama_pengusul``, ``nama_bidan``, ``penanggung_jawab``, ``kontak``,
    ``no_hp``; tetapi bukan ``nama_desa``/``nama_lembaga`` dan sejenisnya, dan bukan kolom cacah
    seperti ``jumlah_kader`` atau ``bidan_desa`` yang isinya angka.
    """
    kata = [k for k in nama.split("_") if k]
    if not kata:
        return False
    if set(kata) & _KATA_KONTAK:
        return True
    if kata[0] in ("jumlah", "banyak", "persen", "rasio", "total"):
        return False
    orang = kata[0] == "nama" and not (set(kata[1:]) & _OBJEK_NAMA) and len(kata) > 1
    orang = orang or (kata[0] == "nama" and len(kata) == 1)
    orang = orang or bool(set(kata) & _KATA_PERAN)
    if not orang:
        return False
    isi = seri.dropna()
    if not len(isi):
        return True
    angka = pd.to_numeric(isi.astype(str).str.replace(r"[\s.,]", "", regex=True), errors="coerce")
    return bool(angka.isna().mean() >= 0.5)


def _bergelar(teks: str) -> bool:
    for cocok in _POLA_SAPAAN.finditer(teks):
        if cocok.group(1).lower() not in _SESUDAH_IBU_BAPAK:
            return True
    return bool(_POLA_GELAR.search(teks))


def _mirip_nama_polos(teks: str, wilayah_dikenal: set[str]) -> bool:
    """Dua-tiga kata berhuruf kapital di awal, tanpa kata lembaga/tempat, bukan nama wilayah."""
    kata = teks.split()
    if not 2 <= len(kata) <= 3 or teks.lower() in wilayah_dikenal:
        return False
    return all(_POLA_KATA_NAMA.fullmatch(k) for k in kata) and not any(
        k.lower() in _KATA_BUKAN_ORANG for k in kata
    )


def periksa_nama_orang(
    seri: pd.Series,
    nama: str,
    baris: np.ndarray,
    laporan: Laporan,
    *,
    isi_bebas: bool,
    wilayah_dikenal: set[str],
) -> bool:
    """Laporkan sel yang tampak berisi nama orang (tanpa menampilkan namanya); benar bila ada.

    Selalu: nama bersapaan atau bergelar ('Bpk. …', 'Ibu …', 'Hj. …', '…, S.Pd', '…, A.Md.Keb').
    Bila ``isi_bebas`` (kolom tambahan di luar skema): juga kolom yang sebagian besar isinya dua
    atau tiga kata berhuruf kapital yang bukan nama lembaga, tempat, atau wilayah yang dikenal.
    """
    if not (pd.api.types.is_object_dtype(seri) or pd.api.types.is_string_dtype(seri)):
        return False
    kode, unik = urai_unik(seri)
    if not len(unik):
        return False
    teks = [" ".join(teks_sel(v).split()) for v in unik]
    gelar = np.array([_bergelar(t) for t in teks], dtype=bool)
    polos = np.zeros(len(unik), dtype=bool)
    if isi_bebas:
        calon = np.array([_mirip_nama_polos(t, wilayah_dikenal) for t in teks], dtype=bool)
        bermakna = np.array([bool(t) and not t.replace(".", "").isdigit() for t in teks])
        if calon.sum() >= 2 and calon.sum() >= 0.6 * max(1, bermakna.sum()):
            polos = calon
    pilih = gelar | polos
    if not pilih.any():
        return False
    laporan.tambah(
        "berisi nama orang (mis. bersapaan/bergelar seperti 'Bpk.', 'Ibu', 'Hj.', 'S.Pd', atau "
        "nama dua-tiga kata). Data pribadi tidak boleh ada di data ini; tulis jabatan atau "
        "lembaganya saja (mis. 'Bidan desa', 'Kepala Puskesmas'), atau hapus kolomnya, simpan "
        "sebagai salinan, lalu muat ulang.",
        nama,
        baris[per_baris(pilih, kode)],
    )
    return True
