"""Memuat tabel data (CSV atau XLSX) dan memeriksanya menurut skema.

Satu fungsi per tabel (``muat_indikator``, ``muat_belanja``, …) dan satu fungsi umum
``muat_tabel``. Hasilnya DataFrame dengan tipe yang benar: kode wilayah sebagai teks
bertitik, tahun dan cacah sebagai bilangan bulat, rupiah sebagai angka, ya/tidak sebagai
``bool``.

Yang jelas maksudnya dirapikan dan dicatat (lihat ``data.attrs["catatan_muat"]``): kode
bertitik atau tanpa titik, koma desimal dan titik ribuan (``1.234,5``), spasi di tepi nilai,
``ya/tidak/Ya/1/0``, BOM dan encoding Windows, pemisah ``;``. Yang tidak jelas ditolak
dengan pesan berbahasa Indonesia yang menyebut berkas, kolom, dan nomor baris (seperti di
Excel: baris 1 = judul kolom). Semua masalah satu berkas dilaporkan sekaligus. Berkas asli
tidak pernah diubah.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from p3pd import skema, wilayah
from p3pd.galat import DataTidakValid, ringkas_baris
from p3pd.lokasi import folder_data, folder_referensi

__all__ = [
    "TAHUN_MINIMUM",
    "TAHUN_MAKSIMUM",
    "Masalah",
    "muat_tabel",
    "muat_wilayah",
    "muat_indikator",
    "muat_belanja",
    "muat_pendapatan",
    "muat_fasilitas",
    "muat_usulan",
    "muat_program",
    "muat_pemangku",
    "baca_judul_kolom",
]

TAHUN_MINIMUM = 2014
"""Tahun terawal yang diterima (UU Desa 6/2014; Dana Desa mulai 2015)."""
TAHUN_MAKSIMUM = 2035
"""Tahun terakhir yang diterima; tahun lebih besar hampir pasti salah ketik."""

_EKSTENSI_CSV = {".csv", ".txt", ".tsv"}
_EKSTENSI_XLSX = {".xlsx", ".xlsm"}
_PEMISAH = {",": "koma", ";": "titik koma", "\t": "tab", "|": "garis tegak"}
_BARIS_CONTOH = 30  # baris awal yang dipakai menebak pemisah dan letak judul kolom
_BATAS_BARIS_DISIMPAN = 1000

_YA = {"ya", "y", "yes", "true", "benar", "ada", "1", "1.0"}
_TIDAK = {"tidak", "tdk", "t", "no", "n", "false", "salah", "tidak ada", "0", "0.0"}
_YA_TIDAK_BAKU = {"ya", "tidak", "true", "false"}

_POLA_PRIBADI = re.compile(
    r"^(?:(?:no|nomor)_?)?nik(?:_.*)?$"
    r"|^(?:(?:no|nomor)_?)?kk$|^(?:no|nomor)_kartu_keluarga$"
    r"|^nama_(?:kepala_keluarga|kk|penduduk|lengkap|warga|ibu|ayah|anak|balita|bayi|pasien"
    r"|siswa|murid|penerima|anggota_keluarga|orang_tua)(?:_.*)?$"
    r"|^(?:tanggal|tgl)_lahir$"
)
_POLA_NIK = r"(?<!\d)\d{16}(?!\d)|\d[.,]\d+[eE]\+15"

_POLA_KODE = {
    "provinsi": wilayah.POLA_PROVINSI,
    "kabupaten": wilayah.POLA_KABUPATEN,
    "kecamatan": wilayah.POLA_KECAMATAN,
    "desa": wilayah.POLA_DESA,
}
_TINGKAT_KODE = {
    skema.TIPE_KODE_DESA: "desa",
    skema.TIPE_KODE_KECAMATAN: "kecamatan",
    skema.TIPE_KODE_KABUPATEN: "kabupaten",
}
_CONTOH_KODE = {
    "provinsi": "33",
    "kabupaten": "33.22",
    "kecamatan": "33.22.01",
    "desa": "33.22.01.2001",
}
_TIPE_ANGKA = (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH, skema.TIPE_DESIMAL)


@dataclass(frozen=True)
class Masalah:
    """Satu masalah pada berkas: pesan, kolom, nomor baris (seperti di Excel), dan jumlah baris."""

    pesan: str
    kolom: tuple[str, ...] = ()
    baris: tuple[int, ...] = ()
    jumlah_baris: int = 0

    def __str__(self) -> str:
        bagian = []
        if self.kolom:
            bagian.append("kolom " + ", ".join(f"'{k}'" for k in self.kolom))
        if self.baris:
            bagian.append("baris " + _ringkas_baris(self.baris, self.jumlah_baris))
        awal = ", ".join(bagian)
        teks = f"{awal}: {self.pesan}" if awal else self.pesan
        return teks[:1].upper() + teks[1:]


def _ringkas_baris(baris: tuple[int, ...], jumlah: int, batas: int = 10) -> str:
    """Nomor baris yang pertama (paling banyak ``batas``) dan berapa baris lainnya."""
    teks = ", ".join(str(b) for b in baris[:batas])
    sisa = max(jumlah, len(baris)) - min(len(baris), batas)
    return teks + (f" … (dan {sisa} baris lain)" if sisa > 0 else "")


@dataclass
class _Laporan:
    """Kumpulan masalah dan catatan perapian selama satu berkas dimuat."""

    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)

    def tambah(self, pesan: str, kolom: str | tuple[str, ...] = (), baris=()) -> None:
        kolom_t = (kolom,) if isinstance(kolom, str) else tuple(kolom)
        baris_a = np.unique(np.asarray(baris, dtype=np.int64))
        simpan = tuple(int(b) for b in baris_a[:_BATAS_BARIS_DISIMPAN])
        self.masalah.append(Masalah(pesan, kolom_t, simpan, int(baris_a.size)))

    def catat(self, teks: str) -> None:
        self.catatan.append(teks)

    def galat(self, sumber: str, tabel: skema.Tabel) -> DataTidakValid:
        jumlah = len(self.masalah)
        baris_isi = [f"  {i}. {m}" for i, m in enumerate(self.masalah, start=1)]
        pesan = (
            f"tidak dapat dipakai sebagai tabel '{tabel.nama}'; {jumlah} masalah ditemukan:\n"
            + "\n".join(baris_isi)
            + "\nBerkas asli tidak diubah. Perbaiki masalah di atas, lalu muat ulang."
        )
        galat = DataTidakValid(pesan, berkas=sumber)
        galat.kolom = sorted({k for m in self.masalah for k in m.kolom})
        galat.baris = sorted({b for m in self.masalah for b in m.baris})
        galat.masalah = list(self.masalah)
        return galat


@dataclass
class _Mentah:
    """Isi berkas sebelum diperiksa: kolom bernama baku dan nomor baris spreadsheet."""

    data: pd.DataFrame
    baris: np.ndarray


# --------------------------------------------------------------------------- API


def muat_tabel(
    nama_tabel: str, berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat dan periksa satu tabel data (CSV atau XLSX) menurut skemanya.

    ``nama_tabel`` salah satu dari ``skema.SEMUA_TABEL`` ('wilayah', 'indikator', 'belanja',
    'pendapatan', 'fasilitas', 'usulan', 'program', 'pemangku'). ``berkas`` kosong berarti
    berkas data latihan di ``folder_data()``. Dengan ``wilayah_dikenal=True`` kode kecamatan
    dan kabupaten juga harus termasuk empat kabupaten wilayah latihan; tanpa itu hanya pola
    kodenya yang diperiksa (sehingga data kecamatan mana pun bisa dimuat).

    Menimbulkan ``DataTidakValid`` yang mendaftar semua masalah berkas (kolom dan nomor baris
    seperti di Excel). Catatan tentang apa yang dirapikan ada di ``data.attrs["catatan_muat"]``.
    """
    tabel = _tabel(nama_tabel)
    path, sumber = _letak(tabel, berkas)
    laporan = _Laporan()
    mentah = _baca(path, sumber, tabel, laporan)
    if len(mentah.data) == 0:
        raise DataTidakValid(
            "tidak ada baris data di bawah judul kolom; berkas hanya berisi judul.", berkas=sumber
        )
    data = _periksa(mentah, tabel, laporan, wilayah_dikenal)
    if laporan.masalah:
        raise laporan.galat(sumber, tabel)
    data.attrs["berkas"] = sumber
    data.attrs["tabel"] = tabel.nama
    data.attrs["catatan_muat"] = list(laporan.catatan)
    return data


def muat_wilayah(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat daftar desa (kode dan nama desa, kecamatan, kabupaten, provinsi)."""
    return muat_tabel("wilayah", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_indikator(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat indikator layanan dasar per desa dan tahun (pembilang dan penyebut)."""
    return muat_tabel("indikator", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_belanja(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat belanja APBDes per desa, tahun, dan sub-bidang (anggaran dan realisasi)."""
    return muat_tabel("belanja", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_pendapatan(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat pendapatan APBDes per desa dan tahun menurut sumber."""
    return muat_tabel("pendapatan", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_fasilitas(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat fasilitas layanan per desa (sekolah, posyandu, jarak ke puskesmas, …)."""
    return muat_tabel("fasilitas", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_usulan(berkas: str | Path | None = None, *, wilayah_dikenal: bool = False) -> pd.DataFrame:
    """Muat usulan desa ke perencanaan kabupaten (Musrenbang)."""
    return muat_tabel("usulan", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_program(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat program perangkat daerah (OPD) kabupaten beserta desa sasarannya."""
    return muat_tabel("program", berkas, wilayah_dikenal=wilayah_dikenal)


def muat_pemangku(
    berkas: str | Path | None = None, *, wilayah_dikenal: bool = False
) -> pd.DataFrame:
    """Muat lembaga pemangku kepentingan per kecamatan."""
    return muat_tabel("pemangku", berkas, wilayah_dikenal=wilayah_dikenal)


def baca_judul_kolom(berkas: str | Path) -> list[str]:
    """Nama kolom sebuah berkas CSV/XLSX dalam bentuk baku (huruf kecil, garis bawah).

    Dipakai untuk menebak tabel sebuah berkas; isi berkas tidak diperiksa.
    """
    path = Path(berkas)
    sumber = str(berkas)
    _pastikan_ada(path, sumber, None)
    dikenal = {k for t in skema.SEMUA_TABEL.values() for k in t.nama_kolom}
    if path.suffix.lower() in _EKSTENSI_XLSX:
        _, baris_awal, _ = _buka_lembar(path, sumber, dikenal, None)
        idx = _cari_judul(baris_awal, dikenal)
        judul = baris_awal[idx] if baris_awal else []
    else:
        encoding, _ = _tebak_encoding(path, sumber)
        _, idx, judul = _tebak_pemisah(path, encoding, dikenal)
    return [n for n in (_nama_kolom(j) for j in judul) if n]


# --------------------------------------------------------------------------- letak berkas


def _tabel(nama_tabel: str) -> skema.Tabel:
    if isinstance(nama_tabel, skema.Tabel):
        return nama_tabel
    if nama_tabel not in skema.SEMUA_TABEL:
        usul = difflib.get_close_matches(str(nama_tabel), list(skema.SEMUA_TABEL), n=1)
        saran = f" Mungkin maksud Anda: '{usul[0]}'?" if usul else ""
        raise DataTidakValid(
            f"Tabel '{nama_tabel}' tidak dikenal.{saran} Pilihan: "
            + ", ".join(skema.SEMUA_TABEL)
            + "."
        )
    return skema.SEMUA_TABEL[nama_tabel]


def _letak(tabel: skema.Tabel, berkas: str | Path | None) -> tuple[Path, str]:
    if berkas is None:
        path = folder_data() / tabel.berkas
        _pastikan_ada(path, str(path), tabel)
        return path, str(path)
    path = Path(berkas).expanduser()
    _pastikan_ada(path, str(berkas), None)
    return path, str(berkas)


def _pastikan_ada(path: Path, sumber: str, tabel_latihan: skema.Tabel | None) -> None:
    if path.is_file():
        return
    if path.is_dir():
        raise DataTidakValid("ini sebuah folder, bukan berkas data.", berkas=sumber)
    if tabel_latihan is not None:
        raise DataTidakValid(
            "berkas data latihan belum ada. Buat dulu dengan perintah `p3pd data` di terminal "
            "(data latihan bersifat sintetis), atau arahkan variabel P3PD_DATA ke folder data.",
            berkas=sumber,
        )
    pesan = "berkas tidak ditemukan."
    folder = path.parent
    if not folder.is_dir():
        pesan += f" Folder '{folder}' juga tidak ada."
    else:
        nama_lain = [p.name for p in folder.iterdir() if p.is_file()]
        usul = difflib.get_close_matches(path.name, nama_lain, n=3, cutoff=0.6)
        if usul:
            pesan += " Berkas yang mirip di folder itu: " + ", ".join(f"'{u}'" for u in usul) + "."
    pesan += " Periksa nama dan foldernya."
    raise DataTidakValid(pesan, berkas=sumber)


# --------------------------------------------------------------------------- membaca


def _nama_kolom(teks: object) -> str:
    """Bentuk baku nama kolom: huruf kecil, kata dipisah garis bawah."""
    if teks is None or (isinstance(teks, float) and teks != teks):
        return ""
    t = str(teks).replace("\ufeff", "").strip().lower()
    return re.sub(r"[^0-9a-z]+", "_", t).strip("_")


def _cari_judul(baris_awal: list[list], dikenal: set[str]) -> int:
    """Indeks baris judul kolom: baris awal yang paling banyak memuat nama kolom skema."""
    terbaik, skor_terbaik = None, 0
    for i, baris in enumerate(baris_awal):
        skor = len({_nama_kolom(c) for c in baris} & dikenal)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = i, skor
    if terbaik is not None and skor_terbaik >= min(2, len(dikenal)):
        return terbaik
    for i, baris in enumerate(baris_awal):
        if any(_nama_kolom(c) for c in baris):
            return i
    return 0


def _baca(path: Path, sumber: str, tabel: skema.Tabel, laporan: _Laporan) -> _Mentah:
    akhiran = path.suffix.lower()
    try:
        if path.stat().st_size == 0:
            raise DataTidakValid(
                "berkas kosong (0 bita): tidak ada judul kolom maupun data.", berkas=sumber
            )
        if akhiran in _EKSTENSI_XLSX:
            return _baca_xlsx(path, sumber, tabel, laporan)
        if akhiran == ".xls":
            raise DataTidakValid(
                "format Excel lama (.xls) tidak didukung. Buka di Excel/LibreOffice lalu simpan "
                "sebagai .xlsx atau CSV.",
                berkas=sumber,
            )
        if akhiran == ".ods":
            raise DataTidakValid(
                "format .ods tidak didukung. Simpan ulang sebagai .xlsx atau CSV.", berkas=sumber
            )
        if akhiran not in _EKSTENSI_CSV:
            raise DataTidakValid(
                f"jenis berkas '{akhiran or '(tanpa akhiran)'}' tidak dikenal. Pakai berkas .csv atau .xlsx.",
                berkas=sumber,
            )
        return _baca_csv(path, sumber, tabel, laporan)
    except PermissionError:
        raise DataTidakValid(
            "berkas tidak dapat dibaca (izin ditolak). Mungkin sedang dibuka program lain.",
            berkas=sumber,
        ) from None


def _tebak_encoding(path: Path, sumber: str) -> tuple[str, str | None]:
    """Encoding berkas teks dan catatan bila bukan UTF-8 biasa."""
    with open(path, "rb") as f:
        awal = f.read(4)
    if awal.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "Tanda BOM UTF-8 di awal berkas dilewati."
    if awal.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "Berkas ber-encoding UTF-16 (ekspor 'Unicode text' Excel) dibaca."
    if awal[:2] == b"PK":
        raise DataTidakValid(
            "isinya berkas Excel (.xlsx), bukan CSV. Ganti akhiran namanya menjadi .xlsx.",
            berkas=sumber,
        )
    for encoding, catatan in (
        ("utf-8", None),
        ("cp1252", "Berkas bukan UTF-8; dibaca sebagai Windows-1252 (ekspor Excel lama)."),
    ):
        if _bisa_didekode(path, encoding):
            return encoding, catatan
    return "latin-1", "Berkas bukan UTF-8; dibaca sebagai Latin-1. Periksa huruf non-ASCII."


def _bisa_didekode(path: Path, encoding: str) -> bool:
    pendekode = codecs.getincrementaldecoder(encoding)()
    with open(path, "rb") as f:
        while potongan := f.read(1 << 22):
            if encoding == "utf-8" and potongan.isascii():
                continue
            try:
                pendekode.decode(potongan)
            except UnicodeDecodeError:
                return False
    try:
        pendekode.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _tebak_pemisah(path: Path, encoding: str, dikenal: set[str]) -> tuple[str, int, list[str]]:
    """Tebak pemisah kolom dan letak judul dari baris-baris awal berkas."""
    with open(path, encoding=encoding, newline="") as f:
        baris_teks = []
        for _ in range(_BARIS_CONTOH):
            b = f.readline()
            if not b:
                break
            baris_teks.append(b.rstrip("\r\n"))
    pilihan = []
    for urutan, pemisah in enumerate(_PEMISAH):
        baris = [next(csv.reader([b], delimiter=pemisah), []) for b in baris_teks]
        idx = _cari_judul(baris, dikenal)
        judul = baris[idx] if baris else []
        skor = len({_nama_kolom(c) for c in judul} & dikenal)
        lebar = [len(b) for b in baris[idx + 1 :] if any(c.strip() for c in b)]
        konsisten = (
            len(judul) if len(judul) > 1 and lebar and all(w == len(judul) for w in lebar) else 0
        )
        pilihan.append((skor, konsisten, len(judul) > 1, -urutan, pemisah, idx, judul))
    pilihan.sort(reverse=True)
    _, _, _, _, pemisah, idx, judul = pilihan[0]
    return pemisah, idx, judul


def _siapkan_judul(
    judul_mentah: list, tabel: skema.Tabel, laporan: _Laporan, huruf_kolom: bool
) -> list[str]:
    """Nama kolom baku; mencatat judul yang diseragamkan dan melaporkan judul kembar."""
    nama, diubah, dipakai = [], [], {}
    for i, mentah in enumerate(judul_mentah):
        baku = _nama_kolom(mentah)
        if not baku:
            baku = f"kolom_tanpa_judul_{_huruf_kolom(i)}"
        elif str(mentah).strip() != baku:
            diubah.append(f"'{str(mentah).strip()}' → '{baku}'")
        if baku in dipakai:
            posisi = (
                f"kolom {_huruf_kolom(dipakai[baku])} dan {_huruf_kolom(i)}"
                if huruf_kolom
                else f"kolom ke-{dipakai[baku] + 1} dan ke-{i + 1}"
            )
            laporan.tambah(
                f"judul kolom ini muncul dua kali ({posisi}); hapus salah satunya.", baku
            )
            baku = f"{baku}__{i + 1}"
        else:
            dipakai[baku] = i
        nama.append(baku)
    if diubah:
        laporan.catat(
            "Judul kolom diseragamkan: "
            + ", ".join(diubah[:8])
            + (" …" if len(diubah) > 8 else "")
            + "."
        )
    return nama


def _huruf_kolom(indeks: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(indeks + 1)


def _baca_csv(path: Path, sumber: str, tabel: skema.Tabel, laporan: _Laporan) -> _Mentah:
    encoding, catatan = _tebak_encoding(path, sumber)
    if catatan:
        laporan.catat(catatan)
    pemisah, idx, judul = _tebak_pemisah(path, encoding, set(tabel.nama_kolom))
    if not any(str(j).strip() for j in judul):
        raise DataTidakValid("berkas kosong: tidak ada judul kolom maupun data.", berkas=sumber)
    if pemisah != ",":
        laporan.catat(f"Pemisah kolom '{pemisah}' ({_PEMISAH[pemisah]}) dikenali.")
    if idx > 0:
        laporan.catat(f"{idx} baris di atas judul kolom dilewati (baris 1–{idx}).")
    nama = _siapkan_judul(judul, tabel, laporan, huruf_kolom=True)
    skema_kolom = {k.nama: k for k in tabel.kolom}
    tipe_cepat, tipe_teks = {}, {}
    for n in nama:
        kolom = skema_kolom.get(n)
        if kolom is None:
            continue
        if kolom.tipe in (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH):
            tipe_cepat[n] = "int64"
        else:
            tipe_cepat[n] = object
        tipe_teks[n] = object
    argumen = dict(
        sep=pemisah,
        encoding=encoding,
        header=None,
        names=nama,
        skiprows=idx + 1,
        index_col=False,
        keep_default_na=False,
        na_values=[""],
        skip_blank_lines=False,
        engine="c",
    )
    try:
        try:
            data = pd.read_csv(path, dtype=tipe_cepat, **argumen)
        except pd.errors.ParserError:
            raise
        except (ValueError, OverflowError):
            # Ada sel yang bukan bilangan bulat polos: baca sebagai teks, periksa satu per satu.
            data = pd.read_csv(path, dtype=tipe_teks, **argumen)
    except pd.errors.ParserError:
        _laporkan_baris_rusak(path, encoding, pemisah, idx, len(nama), laporan)
        raise laporan.galat(sumber, tabel) from None
    except pd.errors.EmptyDataError:
        data = pd.DataFrame({n: pd.Series(dtype=object) for n in nama})
    # Kolom tanpa judul yang seluruhnya kosong (pemisah berlebih di ujung baris, khas Excel).
    kosong = [
        n for n in data.columns if n.startswith("kolom_tanpa_judul_") and data[n].isna().all()
    ]
    if kosong:
        data = data.drop(columns=kosong)
    baris = np.arange(len(data), dtype=np.int64) + idx + 2
    return _buang_baris_kosong(_Mentah(data, baris), laporan)


def _laporkan_baris_rusak(
    path: Path, encoding: str, pemisah: str, idx: int, lebar: int, laporan: _Laporan
) -> None:
    """Cari semua baris yang isiannya lebih banyak daripada judul kolom (hanya di jalur galat)."""
    rusak, contoh = [], None
    with open(path, encoding=encoding, newline="") as f:
        pembaca = csv.reader(f, delimiter=pemisah)
        for nomor, isi in enumerate(pembaca, start=1):
            if nomor > idx + 1 and len(isi) > lebar:
                rusak.append(nomor)
                if contoh is None:
                    contoh = (nomor, len(isi))
    pesan = f"baris ini berisi lebih banyak isian daripada {lebar} judul kolom"
    if contoh:
        pesan += f" (mis. baris {contoh[0]}: {contoh[1]} isian)"
    if pemisah == ",":
        pesan += (
            ". Mungkin ada angka dengan koma desimal atau teks berkoma tanpa tanda kutip; "
            "simpan ulang dengan pemisah ';' atau beri tanda kutip."
        )
    else:
        pesan += f". Mungkin ada teks yang memuat pemisah '{pemisah}' tanpa tanda kutip."
    laporan.tambah(pesan, baris=rusak)


def _buka_lembar(path: Path, sumber: str, dikenal: set[str], tabel: skema.Tabel | None):
    """Buka buku kerja dan pilih lembar: yang bernama seperti tabel, atau yang judulnya paling cocok."""
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        buku = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise DataTidakValid(
            "bukan berkas Excel .xlsx yang sah (rusak, terkunci kata sandi, atau sebenarnya "
            "berkas lain). Buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx atau CSV.",
            berkas=sumber,
        ) from None
    try:
        lembar = list(buku.worksheets)
        for ws in lembar:
            # Sebagian program menulis ukuran lembar yang salah; baca semua sel yang ada.
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()
        if not lembar:
            raise DataTidakValid("buku kerja tidak berisi lembar kerja.", berkas=sumber)
        nama_cocok = set()
        if tabel is not None:
            nama_cocok = {_nama_kolom(tabel.nama), _nama_kolom(Path(tabel.berkas).stem)}
        dipilih = next((ws for ws in lembar if _nama_kolom(ws.title) in nama_cocok), None)
        alasan = "namanya sesuai tabel"
        if dipilih is None:
            skor_terbaik = -1
            for ws in lembar:
                awal = [
                    list(r)
                    for r in ws.iter_rows(min_row=1, max_row=_BARIS_CONTOH, values_only=True)
                ]
                skor = max((len({_nama_kolom(c) for c in r} & dikenal) for r in awal), default=0)
                if skor > skor_terbaik:
                    dipilih, skor_terbaik = ws, skor
            alasan = "judul kolomnya paling cocok" if dipilih is not lembar[0] else "lembar pertama"
        semua = [list(r) for r in dipilih.iter_rows(min_row=1, values_only=True)]
        judul_lembar = dipilih.title
    finally:
        buku.close()
    catatan = None
    if len(lembar) > 1:
        catatan = (
            f"Buku kerja punya {len(lembar)} lembar; dipakai lembar '{judul_lembar}' ({alasan})."
        )
    return judul_lembar, semua, catatan


def _baca_xlsx(path: Path, sumber: str, tabel: skema.Tabel, laporan: _Laporan) -> _Mentah:
    dikenal = set(tabel.nama_kolom)
    judul_lembar, semua, catatan = _buka_lembar(path, sumber, dikenal, tabel)
    if catatan:
        laporan.catat(catatan)
    if not any(any(_isi(c) for c in r) for r in semua):
        raise DataTidakValid(
            f"lembar '{judul_lembar}' kosong: tidak ada judul kolom maupun data.", berkas=sumber
        )
    idx = _cari_judul(semua[:_BARIS_CONTOH], dikenal)
    if idx > 0:
        laporan.catat(f"{idx} baris di atas judul kolom dilewati (baris 1–{idx}).")
    judul = list(semua[idx])
    isi = semua[idx + 1 :]
    lebar = max([len(judul)] + [len(r) for r in isi])
    # Kolom tanpa judul dan tanpa isi di ujung kanan (format sel saja) dibuang.
    while (
        lebar > 0
        and not _isi(judul[lebar - 1] if lebar - 1 < len(judul) else None)
        and not any(_isi(r[lebar - 1]) for r in isi if len(r) >= lebar)
    ):
        lebar -= 1
    judul = (judul + [None] * lebar)[:lebar]
    nama = _siapkan_judul(judul, tabel, laporan, huruf_kolom=True)
    kolom = {}
    for j, n in enumerate(nama):
        nilai = [_sel(r[j]) if j < len(r) else np.nan for r in isi]
        seri = pd.Series(nilai, dtype=object)
        angka = seri.dropna()
        if len(angka) and all(
            isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in angka
        ):
            seri = pd.to_numeric(seri)
        kolom[n] = seri
    data = pd.DataFrame(kolom, index=pd.RangeIndex(len(isi)))
    baris = np.arange(len(isi), dtype=np.int64) + idx + 2
    return _buang_baris_kosong(_Mentah(data, baris), laporan)


def _isi(nilai: object) -> bool:
    return nilai is not None and not (isinstance(nilai, str) and not nilai.strip())


def _sel(nilai: object) -> object:
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return np.nan
    return nilai


def _buang_baris_kosong(mentah: _Mentah, laporan: _Laporan) -> _Mentah:
    data = mentah.data
    if data.shape[1] == 0 or any(
        pd.api.types.is_integer_dtype(t) or pd.api.types.is_bool_dtype(t) for t in data.dtypes
    ):
        return mentah  # kolom bilangan bulat tanpa sel kosong: tidak mungkin ada baris kosong
    kosong = data.isna().all(axis=1).to_numpy()
    if kosong.any():
        nomor = mentah.baris[kosong]
        if not kosong.all():
            laporan.catat(
                f"{int(kosong.sum())} baris kosong dilewati (baris {ringkas_baris(nomor)})."
            )
        data = data.loc[~kosong].reset_index(drop=True)
        mentah = _Mentah(data, mentah.baris[~kosong])
    return mentah


# --------------------------------------------------------------------------- memeriksa


@dataclass
class _Kolom:
    """Hasil mengubah satu kolom: nilai bertipe, baris yang sah, dan kode faktor (-1 = tidak sah)."""

    nilai: pd.Series
    sah: np.ndarray
    faktor: np.ndarray | None = None


def _periksa(
    mentah: _Mentah, tabel: skema.Tabel, laporan: _Laporan, wilayah_dikenal: bool
) -> pd.DataFrame:
    data, baris = mentah.data, mentah.baris
    # Data pribadi menurut nama kolom.
    pribadi = [n for n in data.columns if _POLA_PRIBADI.match(n)]
    if pribadi:
        laporan.tambah(
            "kolom berisi data pribadi (NIK, nomor KK, atau nama orang) tidak boleh ada di data "
            "ini. Hapus kolom itu dari berkas (simpan sebagai salinan), lalu muat ulang.",
            tuple(pribadi),
        )
    # Kolom wajib yang hilang, dengan usulan untuk judul yang salah eja.
    lain = [n for n in data.columns if n not in tabel.nama_kolom]
    hilang = [k for k in tabel.nama_kolom if k not in data.columns]
    if hilang:
        usulan = []
        for k in hilang:
            mirip = difflib.get_close_matches(k, lain, n=1, cutoff=0.75)
            if mirip:
                usulan.append(f"'{mirip[0]}' mungkin maksudnya '{k}'")
        pesan = (
            f"{len(hilang)} kolom wajib tidak ada di berkas"
            if len(hilang) > 1
            else "kolom wajib ini tidak ada di berkas"
        )
        if usulan:
            pesan += ". Judul yang mirip: " + "; ".join(usulan) + " (ganti judulnya)"
        laporan.tambah(pesan + ".", tuple(hilang))
    hasil: dict[str, _Kolom] = {}
    for kolom in tabel.kolom:
        if kolom.nama in data.columns:
            wajib = kolom.nama in tabel.kunci
            hasil[kolom.nama] = _ubah_kolom(
                data[kolom.nama], kolom, baris, laporan, wilayah_dikenal, wajib
            )
    # Kolom tambahan dibiarkan apa adanya, tetapi diperiksa dari angka mirip NIK.
    for n in lain:
        if n not in pribadi:
            _periksa_nik(data[n], n, baris, laporan)
    for kolom in tabel.kolom:
        if kolom.tipe == skema.TIPE_TEKS and kolom.nama in hasil:
            _periksa_nik(hasil[kolom.nama].nilai, kolom.nama, baris, laporan)
    # Pemeriksaan antarbaris dan antarkolom, hanya atas baris yang nilainya sah.
    if len(data) and all(k in hasil for k in tabel.kunci):
        _periksa_kunci(hasil, tabel, baris, laporan)
    for pasangan in tabel.pasangan:
        if pasangan.pembilang in hasil and pasangan.penyebut in hasil:
            _periksa_pasangan(hasil, pasangan, baris, laporan)
    if tabel.nama == skema.WILAYAH.nama:
        _periksa_jenjang_wilayah(hasil, baris, laporan)
    if laporan.masalah:
        return data
    keluaran = pd.DataFrame({n: h.nilai for n, h in hasil.items()}, index=pd.RangeIndex(len(data)))
    for n in lain:
        keluaran[n] = _rapikan_tambahan(data[n].reset_index(drop=True), n, laporan)
    return keluaran


def _rapikan_tambahan(seri: pd.Series, nama: str, laporan: _Laporan) -> pd.Series:
    """Kolom tambahan dibiarkan apa adanya, kecuali spasi di tepi teks yang dibuang."""
    if not (pd.api.types.is_object_dtype(seri) or pd.api.types.is_string_dtype(seri)):
        return seri
    kode, unik = _faktor(seri)
    rapi = np.array([v.strip() if isinstance(v, str) else v for v in unik], dtype=object)
    diubah = int(sum(1 for a, b in zip(unik, rapi, strict=True) if a is not b and a != b))
    if not diubah:
        return seri
    laporan.catat(f"Kolom '{nama}': spasi di awal/akhir {diubah} nilai dibuang.")
    nilai = np.append(rapi, np.nan)[kode]
    if all(isinstance(v, str) for v in rapi):
        return _sebagai_teks(nilai)
    return pd.Series(nilai, dtype=object)


def _ubah_kolom(
    seri: pd.Series,
    kolom: skema.Kolom,
    baris: np.ndarray,
    laporan: _Laporan,
    wilayah_dikenal: bool,
    wajib: bool,
) -> _Kolom:
    tipe = kolom.tipe
    if tipe in _TINGKAT_KODE:
        return _ubah_kode(seri, kolom.nama, _TINGKAT_KODE[tipe], baris, laporan, wilayah_dikenal)
    if kolom.nama == "kode_provinsi":
        return _ubah_kode(seri, kolom.nama, "provinsi", baris, laporan, wilayah_dikenal)
    if tipe in _TIPE_ANGKA:
        return _ubah_angka(seri, kolom, baris, laporan)
    if tipe == skema.TIPE_BOOL:
        return _ubah_ya_tidak(seri, kolom.nama, baris, laporan)
    if tipe == skema.TIPE_KATEGORI:
        return _ubah_kategori(seri, kolom, baris, laporan)
    if kolom.nama == "desa_sasaran":
        return _ubah_daftar_kode_desa(seri, kolom.nama, baris, laporan)
    if kolom.nama == "layanan":
        return _ubah_daftar_layanan(seri, kolom.nama, baris, laporan)
    return _ubah_teks(seri, kolom.nama, baris, laporan, wajib)


# ------------------------------------------------------------------ bantu: nilai unik


def _faktor(seri: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Kode bilangan per baris (-1 = kosong) dan nilai unik kolom."""
    kode, unik = pd.factorize(seri, use_na_sentinel=True)
    return np.asarray(kode), np.asarray(unik, dtype=object)


def _per_baris(pilih_unik: np.ndarray, kode: np.ndarray, kosong: bool = False) -> np.ndarray:
    """Mask per baris dari mask atas nilai unik; baris kosong (kode -1) bernilai ``kosong``."""
    return np.append(np.asarray(pilih_unik, dtype=bool), kosong)[kode]


def _tampil(nilai: object) -> str:
    teks = _teks_sel(nilai)
    teks = re.sub(r"\d{15,17}", "«angka 16 digit disembunyikan»", teks)
    return repr(teks if len(teks) <= 40 else teks[:37] + "…")


def _contoh(kode: np.ndarray, unik: np.ndarray, pilih_unik: np.ndarray, baris: np.ndarray) -> str:
    """Paling banyak tiga contoh nilai bermasalah beserta baris pertamanya (jalur galat saja)."""
    pertama: dict[int, int] = {}
    for pos in np.flatnonzero(_per_baris(pilih_unik, kode)):
        k = int(kode[pos])
        if k not in pertama:
            pertama[k] = int(pos)
            if len(pertama) >= 3:
                break
    return ", ".join(f"{_tampil(unik[k])} di baris {baris[p]}" for k, p in pertama.items())


def _contoh_posisi(teks: list[str], posisi: np.ndarray, baris: np.ndarray) -> str:
    return ", ".join(f"{t} di baris {baris[p]}" for t, p in zip(teks, posisi[:3], strict=False))


def _laporkan_kosong(kode: np.ndarray, nama: str, baris: np.ndarray, laporan: _Laporan) -> None:
    kosong = kode == -1
    if kosong.any():
        laporan.tambah("sel kosong; kolom ini wajib diisi di setiap baris.", nama, baris[kosong])


def _sebagai_teks(nilai: np.ndarray) -> pd.Series:
    """Kolom teks dengan tipe teks bawaan pandas (sel kosong tetap NaN)."""
    return pd.Series(nilai, dtype=str)


def _teks_sel(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# ------------------------------------------------------------------ kode wilayah


def _ubah_kode(
    seri: pd.Series,
    nama: str,
    tingkat: str,
    baris: np.ndarray,
    laporan: _Laporan,
    wilayah_dikenal: bool,
) -> _Kolom:
    kode, unik = _faktor(seri)
    _laporkan_kosong(kode, nama, baris, laporan)
    teks_unik = pd.Series(unik, dtype=object)
    adalah_teks = teks_unik.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    baku = adalah_teks & teks_unik.astype(str).str.fullmatch(_POLA_KODE[tingkat]).to_numpy(
        dtype=bool
    )
    hasil = unik.copy()
    salah = np.zeros(len(unik), dtype=bool)
    kelurahan = np.zeros(len(unik), dtype=bool)
    kelompok: dict[str, list[int]] = {}
    diubah = []
    for i in np.flatnonzero(~baku):
        v = unik[i]
        try:
            normal = wilayah.normalisasi_kode(v)
            jenis = wilayah.jenis_kode(normal)
        except wilayah.KodeTidakValid as galat:
            salah[i] = True
            pesan = _jenis_galat_kode(galat.pesan)
            if re.fullmatch(r"\d{15,17}", re.sub(r"\D", "", _teks_sel(v))):
                pesan = "angka 16 digit mirip NIK, bukan kode wilayah"
            kelompok.setdefault(pesan, []).append(i)
            continue
        if jenis == "kelurahan" and tingkat == "desa":
            kelurahan[i] = True
        elif jenis != tingkat:
            salah[i] = True
            kelompok.setdefault(f"ini kode {jenis}, bukan kode {tingkat}", []).append(i)
        else:
            hasil[i] = normal
            if normal != v:
                diubah.append(i)
    for jenis_galat, indeks in kelompok.items():
        pilih = np.zeros(len(unik), dtype=bool)
        pilih[indeks] = True
        laporan.tambah(
            f"kode {tingkat} tidak sah ({jenis_galat}); contoh: {_contoh(kode, unik, pilih, baris)}. "
            f"Bentuk yang benar mis. '{_CONTOH_KODE[tingkat]}'.",
            nama,
            baris[_per_baris(pilih, kode)],
        )
    if kelurahan.any():
        laporan.tambah(
            "kode kelurahan (nomor diawali 1) padahal tabel ini untuk desa (nomor diawali 2); "
            f"kelurahan tidak punya APBDes. Contoh: {_contoh(kode, unik, kelurahan, baris)}.",
            nama,
            baris[_per_baris(kelurahan, kode)],
        )
    if diubah:
        laporan.catat(
            f"Kolom '{nama}': {len(diubah)} kode berbeda ditulis tanpa titik atau dengan "
            f"spasi/tanda kutip; diseragamkan (mis. {_tampil(unik[diubah[0]])} → "
            f"'{hasil[diubah[0]]}')."
        )
    tidak_sah = salah | kelurahan
    if wilayah_dikenal:
        tidak_sah |= _periksa_wilayah_dikenal(
            kode, unik, hasil, tidak_sah, nama, tingkat, baris, laporan
        )
    if diubah or not adalah_teks.all():
        nilai = np.append(hasil.astype(object), np.nan)[kode]
        faktor_unik, _ = pd.factorize(pd.Series(hasil, dtype=object))
    else:
        nilai = seri.to_numpy(dtype=object)
        faktor_unik = np.arange(len(unik))
    faktor_unik = np.where(tidak_sah, -1, faktor_unik)
    faktor = np.append(faktor_unik, -1)[kode]
    return _Kolom(_sebagai_teks(nilai), faktor >= 0, faktor)


def _jenis_galat_kode(pesan: str) -> str:
    """Ringkas pesan galat kode agar kode-kode dengan kesalahan serupa dikelompokkan."""
    if "angka; kode tanpa titik" in pesan:
        return "jumlah angkanya bukan 2, 4, 6, atau 10; mungkin angka 0 di depan hilang"
    if "tidak mengikuti pola" in pesan:
        return "tidak mengikuti pola PP.KK.CC.NNNN; mungkin angka 0 di depan hilang"
    if "hanya berisi angka" in pesan or "bukan kode wilayah" in pesan:
        return "bukan susunan angka dan titik"
    return re.sub(r"^kode '[^']*': ", "", pesan).rstrip(".")


def _periksa_wilayah_dikenal(
    kode: np.ndarray,
    unik: np.ndarray,
    hasil: np.ndarray,
    abaikan: np.ndarray,
    nama: str,
    tingkat: str,
    baris: np.ndarray,
    laporan: _Laporan,
) -> np.ndarray:
    ref = wilayah.daftar_kecamatan()
    if tingkat in ("desa", "kecamatan"):
        sah, panjang, apa = set(ref["kode_kecamatan"]), 8, "kecamatan"
    elif tingkat == "kabupaten":
        sah, panjang, apa = set(ref["kode_kabupaten"]), 5, "kabupaten"
    else:
        sah, panjang, apa = set(ref["kode_provinsi"]), 2, "provinsi"
    asing = np.array(
        [not abaikan[i] and str(hasil[i])[:panjang] not in sah for i in range(len(unik))],
        dtype=bool,
    )
    if asing.any():
        laporan.tambah(
            f"kode {apa} tidak termasuk wilayah latihan (Kab. Semarang, Deli Serdang, Timor "
            f"Tengah Selatan, Banjar); contoh: {_contoh(kode, unik, asing, baris)}. Untuk data "
            "kecamatan sendiri, muat tanpa wilayah_dikenal=True.",
            nama,
            baris[_per_baris(asing, kode)],
        )
    return asing


# ------------------------------------------------------------------ angka


# Angka dengan pemisah ribuan tidak pernah diawali 0, jadi '0.123' pasti pecahan.
_P_BULAT = r"[+-]?\d+"
_P_TITIK_1 = r"[+-]?[1-9]\d{0,2}\.\d{3}"
_P_TITIK_N = r"[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}"
_P_KOMA_1 = r"[+-]?[1-9]\d{0,2},\d{3}"
_P_KOMA_N = r"[+-]?[1-9]\d{0,2}(?:,\d{3}){2,}"
_P_DESIMAL_KOMA = r"[+-]?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d*),\d+"
_P_DESIMAL_TITIK = (
    r"[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d*)\.\d+(?:[eE][+-]?\d+)?|[+-]?\d+[eE][+-]?\d+"
)


def _urai_angka(unik: np.ndarray, bulat: bool) -> tuple[np.ndarray, ...]:
    """Urai nilai unik (teks atau angka) menjadi angka.

    Mengembalikan (nilai, teks, ambigu, dirapikan): ``teks`` = bukan angka, ``ambigu`` =
    '1.234' atau '1,234' yang tidak bisa dipastikan, ``dirapikan`` = angka yang ditulis dengan
    pemisah ribuan, koma desimal, spasi, atau 'Rp'. Cara menulis (titik ribuan/koma desimal
    atau sebaliknya) ditentukan dari seluruh kolom; untuk kolom bilangan bulat, '1.234' dan
    '1,234' dibaca seribu dua ratus tiga puluh empat.
    """
    nilai = np.full(len(unik), np.nan)
    seri = pd.Series(unik, dtype=object)
    angka_asli = seri.map(
        lambda v: isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_))
    ).to_numpy(dtype=bool)
    if angka_asli.any():
        nilai[angka_asli] = seri[angka_asli].astype(float).to_numpy()
    teks0 = seri.where(~angka_asli, "0").astype(str)
    t = teks0.str.replace(r"[\s\u00a0\u202f]+", "", regex=True)
    rp = t.str.match(r"(?i)rp\.?").to_numpy(dtype=bool)
    t = t.str.replace(r"^(?i:rp)\.?", "", regex=True)

    def cocok(pola: str) -> np.ndarray:
        return t.str.fullmatch(pola).to_numpy(dtype=bool) & ~angka_asli

    bulat_ = cocok(_P_BULAT)
    titik1, titikn = cocok(_P_TITIK_1), cocok(_P_TITIK_N)
    koma1, koman = cocok(_P_KOMA_1), cocok(_P_KOMA_N)
    des_koma = cocok(_P_DESIMAL_KOMA) & ~koma1
    des_titik = cocok(_P_DESIMAL_TITIK) & ~titik1
    gaya_id = titikn | des_koma  # titik ribuan, koma desimal
    gaya_en = koman | des_titik  # koma ribuan, titik desimal
    sinyal_id, sinyal_en = bool(gaya_id.any()), bool(gaya_en.any())
    ambigu = np.zeros(len(unik), dtype=bool)
    if sinyal_id and not sinyal_en:
        gaya_id = gaya_id | titik1 | koma1
    elif sinyal_en and not sinyal_id:
        gaya_en = gaya_en | titik1 | koma1
    elif bulat and not sinyal_id:
        gaya_id = gaya_id | titik1  # bilangan bulat: '1.234' dan '1,234' = 1234
        gaya_en = gaya_en | koma1
    else:
        ambigu = titik1 | koma1
    baku = pd.Series(np.nan, index=t.index, dtype=object)
    baku[bulat_] = t[bulat_]
    baku[gaya_id] = t[gaya_id].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    baku[gaya_en] = t[gaya_en].str.replace(",", "", regex=False)
    terurai = bulat_ | gaya_id | gaya_en
    if terurai.any():
        nilai[terurai] = pd.to_numeric(baku[terurai], errors="coerce").to_numpy(dtype=float)
    teks = ~(terurai | ambigu | angka_asli)
    polos = bulat_ | (des_titik & ~t.str.contains(",", regex=False).to_numpy(dtype=bool))
    berubah = rp | (t != teks0).to_numpy(dtype=bool)
    dirapikan = terurai & (~polos | berubah)
    return nilai, teks, ambigu, dirapikan


def _ubah_angka(
    seri: pd.Series, kolom: skema.Kolom, baris: np.ndarray, laporan: _Laporan
) -> _Kolom:
    nama = kolom.nama
    if pd.api.types.is_integer_dtype(seri) and not pd.api.types.is_bool_dtype(seri):
        nilai = seri.to_numpy(dtype=np.int64)
        _periksa_batas(nilai.astype(float), np.ones(len(nilai), dtype=bool), kolom, baris, laporan)
        return _Kolom(pd.Series(nilai), np.ones(len(nilai), dtype=bool))
    if pd.api.types.is_float_dtype(seri):
        nilai_f = seri.to_numpy(dtype=float)
        _laporkan_kosong(np.where(np.isnan(nilai_f), -1, 0), nama, baris, laporan)
        return _akhiri_angka(nilai_f, ~np.isnan(nilai_f), kolom, baris, laporan)
    kode, unik = _faktor(seri)
    _laporkan_kosong(kode, nama, baris, laporan)
    bulat = kolom.tipe in (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH)
    nilai_u, teks, ambigu, dirapikan = _urai_angka(unik, bulat)
    if teks.any():
        laporan.tambah(
            f"berisi teks, bukan angka (contoh: {_contoh(kode, unik, teks, baris)}). Tulis "
            "angkanya saja, tanpa satuan, tanda %, atau keterangan; sel yang datanya memang "
            "belum ada perlu dilengkapi.",
            nama,
            baris[_per_baris(teks, kode)],
        )
    if ambigu.any():
        laporan.tambah(
            "angka ini bisa dibaca dua cara ('1.234' bisa seribu lebih atau satu koma sekian); "
            f"contoh: {_contoh(kode, unik, ambigu, baris)}. Tulis semua angka di kolom ini dengan "
            "cara yang sama, mis. koma untuk desimal dan tanpa pemisah ribuan.",
            nama,
            baris[_per_baris(ambigu, kode)],
        )
    if dirapikan.any():
        i = int(np.flatnonzero(dirapikan)[0])
        laporan.catat(
            f"Kolom '{nama}': {int(dirapikan.sum())} nilai berbeda ditulis dengan pemisah ribuan, "
            f"koma desimal, spasi, atau 'Rp'; dibaca sebagai angka (mis. {_tampil(unik[i])} → "
            f"{_angka_tampil(nilai_u[i])})."
        )
    nilai = np.append(nilai_u, np.nan)[kode]
    sah = _per_baris(~(teks | ambigu), kode) & ~np.isnan(nilai)
    return _akhiri_angka(nilai, sah, kolom, baris, laporan)


def _angka_tampil(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _akhiri_angka(
    nilai: np.ndarray, sah: np.ndarray, kolom: skema.Kolom, baris: np.ndarray, laporan: _Laporan
) -> _Kolom:
    if kolom.tipe in (skema.TIPE_TAHUN, skema.TIPE_CACAH):
        pecahan = sah & (np.mod(np.where(sah, nilai, 0), 1) != 0)
        if pecahan.any():
            posisi = np.flatnonzero(pecahan)
            contoh = _contoh_posisi([_angka_tampil(nilai[p]) for p in posisi[:3]], posisi, baris)
            laporan.tambah(
                f"harus bilangan bulat, tetapi berisi pecahan (contoh: {contoh}).",
                kolom.nama,
                baris[pecahan],
            )
        sah = sah & ~pecahan
    _periksa_batas(nilai, sah, kolom, baris, laporan)
    isi = np.where(sah, nilai, 0.0)
    if kolom.tipe == skema.TIPE_DESIMAL or (
        kolom.tipe == skema.TIPE_RUPIAH and not np.all(np.mod(isi, 1) == 0)
    ):
        return _Kolom(pd.Series(np.where(sah, nilai, np.nan)), sah)
    return _Kolom(pd.Series(isi.astype(np.int64)), sah)


def _periksa_batas(
    nilai: np.ndarray, sah: np.ndarray, kolom: skema.Kolom, baris: np.ndarray, laporan: _Laporan
) -> None:
    if kolom.tipe == skema.TIPE_TAHUN:
        luar = sah & ((nilai < TAHUN_MINIMUM) | (nilai > TAHUN_MAKSIMUM))
        pesan = f"tahun di luar rentang {TAHUN_MINIMUM}–{TAHUN_MAKSIMUM}"
    else:
        luar = sah & (nilai < 0)
        pesan = "tidak boleh negatif"
    if luar.any():
        posisi = np.flatnonzero(luar)
        contoh = _contoh_posisi([_angka_tampil(nilai[p]) for p in posisi[:3]], posisi, baris)
        laporan.tambah(f"{pesan} (contoh: {contoh}).", kolom.nama, baris[luar])


# ------------------------------------------------------------------ ya/tidak, kategori, teks


def _ubah_ya_tidak(seri: pd.Series, nama: str, baris: np.ndarray, laporan: _Laporan) -> _Kolom:
    if pd.api.types.is_bool_dtype(seri):
        nilai = seri.to_numpy(dtype=bool)
        return _Kolom(pd.Series(nilai), np.ones(len(nilai), dtype=bool))
    kode, unik = _faktor(seri)
    _laporkan_kosong(kode, nama, baris, laporan)
    teks = [" ".join(_teks_sel(v).lower().split()) for v in unik]
    ya = np.array([t in _YA for t in teks], dtype=bool)
    asing = np.array([t not in _YA and t not in _TIDAK for t in teks], dtype=bool)
    if asing.any():
        laporan.tambah(
            f"harus 'ya' atau 'tidak' (contoh isi lain: {_contoh(kode, unik, asing, baris)}).",
            nama,
            baris[_per_baris(asing, kode)],
        )
    lain = sorted(
        {_teks_sel(unik[i]) for i, t in enumerate(teks) if t not in _YA_TIDAK_BAKU and not asing[i]}
    )
    if lain:
        laporan.catat(
            f"Kolom '{nama}': nilai "
            + ", ".join(f"'{x}'" for x in lain[:6])
            + " dibaca sebagai ya/tidak."
        )
    return _Kolom(pd.Series(_per_baris(ya, kode)), _per_baris(~asing, kode))


@lru_cache(maxsize=1)
def _kode_sub_bidang() -> tuple[str, ...]:
    ref = pd.read_csv(folder_referensi() / "sub_bidang.csv", dtype=str, encoding="utf-8")
    return tuple(ref["kode_sub_bidang"])


def _pilihan_kolom(kolom: skema.Kolom) -> dict[str, str]:
    """Peta bentuk tulisan yang diterima (huruf kecil) → nilai baku."""
    if kolom.nama == "kode_sub_bidang":
        return {k: k for k in _kode_sub_bidang()}
    peta = {}
    for p in kolom.pilihan:
        peta[p.lower()] = p
        peta[p.lower().replace("_", " ")] = p
    if set(kolom.pilihan) == set(skema.LAYANAN):
        for kunci, judul in skema.LAYANAN.items():
            peta[judul.lower()] = kunci
    return peta


def _hasil_teks(
    kode: np.ndarray, hasil_unik: np.ndarray, sah_unik: np.ndarray | None = None
) -> _Kolom:
    nilai = np.append(np.asarray(hasil_unik, dtype=object), np.nan)[kode]
    faktor_unik, _ = pd.factorize(pd.Series(hasil_unik, dtype=object))
    if sah_unik is not None:
        faktor_unik = np.where(sah_unik, faktor_unik, -1)
    faktor = np.append(faktor_unik, -1)[kode]
    return _Kolom(_sebagai_teks(nilai), faktor >= 0, faktor)


def _ubah_kategori(
    seri: pd.Series, kolom: skema.Kolom, baris: np.ndarray, laporan: _Laporan
) -> _Kolom:
    nama = kolom.nama
    kode, unik = _faktor(seri)
    _laporkan_kosong(kode, nama, baris, laporan)
    rapi = np.array([" ".join(_teks_sel(v).split()) for v in unik], dtype=object)
    peta = _pilihan_kolom(kolom)
    hasil, asing = rapi.copy(), np.zeros(len(unik), dtype=bool)
    if peta:
        baku = [peta.get(r.lower()) for r in rapi]
        asing = np.array([b is None for b in baku], dtype=bool)
        hasil = np.array(
            [r if b is None else b for r, b in zip(rapi, baku, strict=True)], dtype=object
        )
        if asing.any():
            sah = list(dict.fromkeys(peta.values()))
            contoh = rapi[np.flatnonzero(asing)[0]].lower()
            mirip = difflib.get_close_matches(contoh, list(peta), n=1)
            saran = f" Mungkin maksudnya '{peta[mirip[0]]}'?" if mirip else ""
            laporan.tambah(
                f"nilai di luar pilihan (contoh: {_contoh(kode, unik, asing, baris)}).{saran} "
                "Pilihan yang sah: " + ", ".join(sah) + ".",
                nama,
                baris[_per_baris(asing, kode)],
            )
    diubah = [i for i in range(len(unik)) if not asing[i] and hasil[i] != _teks_sel(unik[i])]
    if diubah:
        laporan.catat(
            f"Kolom '{nama}': {len(diubah)} nilai diseragamkan (mis. {_tampil(unik[diubah[0]])} "
            f"→ '{hasil[diubah[0]]}')."
        )
    return _hasil_teks(kode, hasil, ~asing)


def _ubah_teks(
    seri: pd.Series, nama: str, baris: np.ndarray, laporan: _Laporan, wajib: bool
) -> _Kolom:
    kode, unik = _faktor(seri)
    if wajib:
        _laporkan_kosong(kode, nama, baris, laporan)
    rapi = np.array([_teks_sel(v).strip() for v in unik], dtype=object)
    diubah = sum(1 for i in range(len(unik)) if isinstance(unik[i], str) and rapi[i] != unik[i])
    if diubah:
        laporan.catat(f"Kolom '{nama}': spasi di awal/akhir {diubah} nilai dibuang.")
    return _hasil_teks(kode, rapi)


def _ubah_daftar_kode_desa(
    seri: pd.Series, nama: str, baris: np.ndarray, laporan: _Laporan
) -> _Kolom:
    kode, unik = _faktor(seri)
    hasil = np.empty(len(unik), dtype=object)
    salah = np.zeros(len(unik), dtype=bool)
    for i, v in enumerate(unik):
        baku = []
        for bagian in re.split(r"[;\n]", _teks_sel(v)):
            if not bagian.strip():
                continue
            try:
                normal = wilayah.normalisasi_kode(bagian)
            except wilayah.KodeTidakValid:
                salah[i] = True
                break
            if wilayah.jenis_kode(normal) != "desa":
                salah[i] = True
                break
            baku.append(normal)
        hasil[i] = ";".join(baku)
    if salah.any():
        laporan.tambah(
            "berisi kode yang bukan kode desa PP.KK.CC.2NNN; tulis kode desa dipisah titik koma "
            f"(contoh isi yang salah: {_contoh(kode, unik, salah, baris)}).",
            nama,
            baris[_per_baris(salah, kode)],
        )
    return _hasil_teks(kode, hasil, ~salah)


def _ubah_daftar_layanan(
    seri: pd.Series, nama: str, baris: np.ndarray, laporan: _Laporan
) -> _Kolom:
    kode, unik = _faktor(seri)
    peta = {k: k for k in skema.LAYANAN}
    peta.update({j.lower(): k for k, j in skema.LAYANAN.items()})
    peta.update({k.replace("_", " "): k for k in skema.LAYANAN})
    hasil = np.empty(len(unik), dtype=object)
    salah = np.zeros(len(unik), dtype=bool)
    for i, v in enumerate(unik):
        bagian = [" ".join(b.split()).lower() for b in _teks_sel(v).split(";") if b.strip()]
        baku = [peta.get(b) for b in bagian]
        salah[i] = any(b is None for b in baku)
        hasil[i] = ";".join(b for b in baku if b)
    if salah.any():
        laporan.tambah(
            f"berisi layanan yang tidak dikenal (contoh: {_contoh(kode, unik, salah, baris)}). "
            "Pilihan yang sah (dipisah titik koma; kosong = lintas layanan): "
            + ", ".join(skema.LAYANAN)
            + ".",
            nama,
            baris[_per_baris(salah, kode)],
        )
    return _hasil_teks(kode, hasil, ~salah)


# ------------------------------------------------------------------ antarbaris


def _periksa_nik(seri: pd.Series, nama: str, baris: np.ndarray, laporan: _Laporan) -> None:
    """Tolak angka 16 digit yang mirip NIK (tanpa menampilkan angkanya)."""
    if pd.api.types.is_bool_dtype(seri):
        return
    if pd.api.types.is_numeric_dtype(seri):
        nilai = np.abs(seri.to_numpy(dtype=float))
        mirip = (nilai >= 1e15) & (nilai < 1e16)
    else:
        kode, unik = _faktor(seri)
        if not len(unik):
            return
        teks = pd.Series([_teks_sel(v) for v in unik], dtype=object)
        rapat = teks.str.replace(r"\s+", "", regex=True)  # NIK kadang ditulis berkelompok
        mirip_unik = rapat.str.contains(_POLA_NIK, regex=True) | teks.str.contains(
            _POLA_NIK, regex=True
        )
        mirip = _per_baris(mirip_unik.to_numpy(dtype=bool), kode)
    if mirip.any():
        laporan.tambah(
            "berisi angka 16 digit yang mirip NIK. Data pribadi tidak boleh ada di data ini; "
            "hapus nilai itu dari berkas (simpan sebagai salinan), lalu muat ulang.",
            nama,
            baris[mirip],
        )


def _periksa_kunci(
    hasil: dict[str, _Kolom], tabel: skema.Tabel, baris: np.ndarray, laporan: _Laporan
) -> None:
    kunci = list(tabel.kunci)
    sah = np.logical_and.reduce([hasil[k].sah for k in kunci])
    if not sah.any():
        return
    gabungan = np.zeros(int(sah.sum()), dtype=np.int64)
    for k in kunci:
        faktor = hasil[k].faktor
        if faktor is None:
            faktor, _ = pd.factorize(hasil[k].nilai.to_numpy()[sah])
        else:
            faktor = faktor[sah]
        faktor = np.asarray(faktor, dtype=np.int64)
        gabungan = gabungan * (int(faktor.max(initial=0)) + 1) + faktor
    if int(gabungan.max(initial=0)) < 4 * len(gabungan) + 10_000_000:
        kembar = np.bincount(gabungan)[gabungan] > 1  # cepat: kunci gabungan berupa bilangan kecil
    else:
        kembar = pd.Series(gabungan).duplicated(keep=False).to_numpy()
    if not kembar.any():
        return
    posisi = np.flatnonzero(sah)[kembar]
    bingkai = pd.DataFrame({n: h.nilai.to_numpy()[posisi] for n, h in hasil.items()})
    persis = bingkai.duplicated(keep=False).to_numpy()
    kelompok = pd.Series(posisi).groupby(gabungan[kembar], sort=False).agg(list)
    contoh = "; ".join(
        "baris "
        + " dan ".join(str(baris[p]) for p in pos[:4])
        + " ("
        + ", ".join(_teks_sel(hasil[k].nilai.iloc[pos[0]]) for k in kunci)
        + ")"
        for pos in kelompok.iloc[:3]
    )
    if persis.all():
        jenis = "baris kembar persis (tersalin dua kali)"
    elif not persis.any():
        jenis = "baris dengan kunci sama tetapi isi berbeda"
    else:
        jenis = "baris kembar (sebagian sama persis, sebagian isinya berbeda)"
    laporan.tambah(
        f"gabungan {' + '.join(kunci)} harus unik, tetapi ada {len(kelompok)} kelompok {jenis}: "
        f"{contoh}. Hapus salinannya atau perbaiki kodenya.",
        tuple(kunci),
        baris[posisi],
    )


def _periksa_pasangan(
    hasil: dict[str, _Kolom], pasangan: skema.Pasangan, baris: np.ndarray, laporan: _Laporan
) -> None:
    atas, bawah = hasil[pasangan.pembilang], hasil[pasangan.penyebut]
    a, b = atas.nilai.to_numpy(), bawah.nilai.to_numpy()
    lebih = atas.sah & bawah.sah & (a > b)
    if lebih.any():
        posisi = np.flatnonzero(lebih)
        teks = [f"{_angka_tampil(a[p])} > {_angka_tampil(b[p])}" for p in posisi[:3]]
        laporan.tambah(
            f"'{pasangan.pembilang}' tidak boleh lebih besar daripada '{pasangan.penyebut}' "
            f"(contoh: {_contoh_posisi(teks, posisi, baris)}).",
            (pasangan.pembilang, pasangan.penyebut),
            baris[lebih],
        )


def _periksa_jenjang_wilayah(
    hasil: dict[str, _Kolom], baris: np.ndarray, laporan: _Laporan
) -> None:
    for anak, induk, panjang in (
        ("kode_desa", "kode_kecamatan", 8),
        ("kode_kecamatan", "kode_kabupaten", 5),
        ("kode_kabupaten", "kode_provinsi", 2),
    ):
        if anak not in hasil or induk not in hasil:
            continue
        a, i = hasil[anak], hasil[induk]
        sah = a.sah & i.sah
        beda = sah & (a.nilai.str[:panjang] != i.nilai).to_numpy(dtype=bool)
        if beda.any():
            p = int(np.flatnonzero(beda)[0])
            laporan.tambah(
                f"'{anak}' tidak berada di dalam '{induk}' (mis. baris {baris[p]}: "
                f"{a.nilai.iloc[p]} bukan bagian dari {i.nilai.iloc[p]}).",
                (anak, induk),
                baris[beda],
            )
