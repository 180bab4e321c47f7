"""Membaca berkas data pengguna (CSV, TXT, TSV, XLSX) menjadi tabel mentah, dengan toleransi.

Menebak encoding (UTF-8, BOM, UTF-16, Windows-1252), pemisah kolom, letak baris judul, dan lembar
kerja; mengenali berkas yang bukan tabel (biner, ODS, arsip lain) dengan pesan yang menyebut
jenisnya. Nilai sel belum diperiksa di sini (lihat ``p3pd.muat_nilai``).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import importlib.util
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid, ringkas_baris
from p3pd.lokasi import folder_data
from p3pd.muat_masalah import Laporan, Mentah

_EKSTENSI_CSV = {".csv", ".txt", ".tsv"}
_EKSTENSI_XLSX = {".xlsx", ".xlsm"}
_PEMISAH = {",": "koma", ";": "titik koma", "\t": "tab", "|": "garis tegak"}
_BARIS_CONTOH = 30  # baris awal yang dipakai menebak pemisah dan letak judul kolom


# --------------------------------------------------------------------------- letak berkas


def tabel_skema(nama_tabel: str) -> skema.Tabel:
    """Definisi skema tabel ``nama_tabel``; nama yang salah ditolak dengan usulan nama yang mirip."""
    if isinstance(nama_tabel, skema.Tabel):
        return nama_tabel
    if nama_tabel not in skema.TABEL_DIKENAL:
        usul = difflib.get_close_matches(str(nama_tabel), list(skema.TABEL_DIKENAL), n=1)
        saran = f" Mungkin maksud Anda: '{usul[0]}'?" if usul else ""
        raise DataTidakValid(
            f"Tabel '{nama_tabel}' tidak dikenal.{saran} Pilihan: "
            + ", ".join(skema.TABEL_DIKENAL)
            + "."
        )
    return skema.TABEL_DIKENAL[nama_tabel]


def cari_berkas_tabel(folder: Path, tabel: skema.Tabel) -> Path:
    """Berkas ``tabel`` di ``folder``: nama baku dengan akhiran .csv atau .xlsx (bukan keduanya)."""
    stem = Path(tabel.berkas).stem
    ada = [
        folder / f"{stem}{akhiran}"
        for akhiran in (".csv", ".xlsx", ".xlsm")
        if (folder / f"{stem}{akhiran}").is_file()
    ]
    if len(ada) > 1:
        raise DataTidakValid(
            f"tabel '{tabel.nama}' ada dalam {len(ada)} berkas ("
            + ", ".join(p.name for p in ada)
            + "); tidak jelas mana yang dipakai. Pindahkan atau hapus berkas yang lama sehingga "
            "tinggal satu.",
            berkas=str(folder),
        )
    return ada[0] if ada else folder / tabel.berkas


def letak(tabel: skema.Tabel, berkas: str | Path | None) -> tuple[Path, str]:
    """Letak berkas yang dimuat dan namanya untuk pesan; berkas latihan bila ``berkas`` kosong."""
    if berkas is None:
        path = cari_berkas_tabel(folder_data(), tabel)
        pastikan_ada(path, str(path), tabel)
        return path, str(path)
    path = Path(berkas).expanduser()
    pastikan_ada(path, str(berkas), None, tabel=tabel)
    return path, str(berkas)


def pastikan_ada(
    path: Path,
    sumber: str,
    tabel_latihan: skema.Tabel | None,
    *,
    tabel: skema.Tabel | None = None,
) -> None:
    """Pastikan ``path`` berkas yang ada; bila tidak, tolak dengan pesan yang menyebut berkas mirip."""
    if path.is_file():
        return
    if path.is_dir():
        raise DataTidakValid("ini sebuah folder, bukan berkas data.", berkas=sumber)
    if tabel_latihan is not None and _folder_latihan(path.parent):
        raise DataTidakValid(
            "berkas data latihan belum ada. Buat dulu dengan perintah `p3pd data` di terminal "
            "(data latihan bersifat sintetis), atau arahkan variabel P3PD_DATA ke folder data.",
            berkas=sumber,
        )
    if tabel_latihan is not None:
        from p3pd.notebook import cara_mengisi

        raise DataTidakValid(
            f"tabel ini ({tabel_latihan.judul}) tidak ada di folder data '{path.parent}'. "
            f"{cara_mengisi(tabel_latihan.nama)} Notebook pelajaran melewati bagian yang "
            "memerlukan tabel ini.",
            berkas=sumber,
        )
    pesan = "berkas tidak ditemukan."
    folder = path.parent
    if not folder.is_dir():
        pesan += f" Folder '{folder}' juga tidak ada."
    else:
        usul = berkas_mirip(path, [p.name for p in folder.iterdir() if p.is_file()], tabel)
        if usul:
            pesan += " Berkas yang mirip di folder itu: " + ", ".join(f"'{u}'" for u in usul) + "."
    pesan += " Periksa nama dan foldernya."
    raise DataTidakValid(pesan, berkas=sumber)


def _folder_latihan(folder: Path) -> bool:
    """``True`` bila ``folder`` folder data latihan bawaan, atau folder berlabel data sintetis.

    Hanya untuk folder seperti itu berkas yang hilang dibuat dengan ``p3pd data``; folder data
    sendiri (atau yang labelnya tidak terbaca) tidak pernah diarahkan ke data latihan.
    """
    from p3pd.label import label_data
    from p3pd.lokasi import folder_proyek

    if folder.resolve() == (folder_proyek() / "data").resolve():
        return True
    try:
        return label_data(folder).sintetis
    except (DataTidakValid, OSError):
        return False


def berkas_mirip(path: Path, nama_lain: list[str], tabel: skema.Tabel | None = None) -> list[str]:
    """Nama berkas di folder yang mungkin dimaksud sebagai ``path`` (salah ketik nama).

    Berkas baku tabel lain (mis. ``apbdes_pendapatan.csv`` bila tabel belanja yang dimuat) tidak
    pernah diusulkan: isinya tabel lain, bukan salah ketik. ``tabel`` = tabel yang sedang
    dimuat; tanpa itu, berkas baku tabel lain hanya dilewati bila ``path`` sendiri bernama baku.
    Hanya nama yang benar-benar mirip (``difflib`` ≥ 0,8), atau nama yang sama dengan akhiran
    lain.
    """
    semua = getattr(skema, "TABEL_DIKENAL", skema.SEMUA_TABEL)
    stem_tabel = {Path(t.berkas).stem.lower() for t in semua.values()}
    dicari = path.stem.lower()
    if tabel is not None:
        milik = Path(tabel.berkas).stem.lower()
    elif dicari in stem_tabel:
        milik = dicari
    else:
        milik = None
    calon = [
        n
        for n in nama_lain
        if n != path.name
        and not (
            milik is not None
            and Path(n).stem.lower() in stem_tabel
            and Path(n).stem.lower() != milik
        )
    ]
    sama_stem = [n for n in calon if Path(n).stem.lower() == dicari]
    lain = difflib.get_close_matches(path.name, calon, n=3, cutoff=0.8)
    return list(dict.fromkeys(sama_stem + lain))[:3]


# --------------------------------------------------------------------------- membaca


def nama_kolom(teks: object) -> str:
    """Bentuk baku nama kolom: huruf kecil, kata dipisah garis bawah."""
    if teks is None or (isinstance(teks, float) and teks != teks):
        return ""
    t = str(teks).replace("\ufeff", "").strip().lower()
    return re.sub(r"[^0-9a-z]+", "_", t).strip("_")


def _cari_judul(baris_awal: list[list], dikenal: set[str]) -> int:
    """Indeks baris judul kolom: baris awal yang paling banyak memuat nama kolom skema."""
    terbaik, skor_terbaik = None, 0
    for i, baris in enumerate(baris_awal):
        skor = len({nama_kolom(c) for c in baris} & dikenal)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = i, skor
    if terbaik is not None and skor_terbaik >= min(2, len(dikenal)):
        return terbaik
    for i, baris in enumerate(baris_awal):
        if any(nama_kolom(c) for c in baris):
            return i
    return 0


BATAS_PANJANG_SEL = 32_767
"""Panjang sel terbesar (karakter) yang diterima: batas satu sel di Excel."""

_JENIS_BUKAN_TABEL = {
    "pdf": "dokumen PDF",
    "png": "gambar PNG",
    "jpeg": "gambar JPEG",
    "gif": "gambar GIF",
    "gzip": "arsip terkompresi (gzip)",
    "zip": "arsip ZIP",
    "docx": "dokumen Word (.docx)",
    "pptx": "presentasi PowerPoint (.pptx)",
    "odt": "dokumen OpenDocument teks (.odt)",
    "biner": "data biner (bukan teks), mungkin berkas rusak atau berkas program lain",
}


@contextlib.contextmanager
def _sel_panjang_diizinkan() -> Iterator[None]:
    """Modul csv menolak sel > 131.072 karakter; naikkan sementara agar bisa dilaporkan rapi."""
    lama = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(lama)


def kenali_isi(path: Path) -> str:
    """Jenis isi berkas menurut bita awalnya, bukan menurut akhiran namanya.

    Hasil: 'xlsx', 'ods', 'xls' (Excel 97–2003 atau dokumen Office lama), 'html', 'teks',
    'utf-16-le'/'utf-16-be' (teks UTF-16 tanpa BOM), atau salah satu kunci jenis yang bukan
    tabel ('pdf', 'png', 'zip', 'docx', 'biner', …).
    """
    with open(path, "rb") as f:
        awal = f.read(8192)
    if awal.startswith(b"PK\x03\x04"):
        return _jenis_zip(path)
    for tanda, jenis in (
        (b"\xd0\xcf\x11\xe0", "xls"),
        (b"%PDF", "pdf"),
        (b"\x89PNG", "png"),
        (b"\xff\xd8\xff", "jpeg"),
        (b"GIF8", "gif"),
        (b"\x1f\x8b", "gzip"),
    ):
        if awal.startswith(tanda):
            return jenis
    if awal.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "teks"
    genap, ganjil = awal[0::2], awal[1::2]
    if len(awal) >= 4:
        nol_genap, nol_ganjil = genap.count(0) / len(genap), ganjil.count(0) / max(1, len(ganjil))
        if nol_ganjil > 0.3 and nol_genap < 0.05:
            return "utf-16-le"
        if nol_genap > 0.3 and nol_ganjil < 0.05:
            return "utf-16-be"
    kendali = sum(1 for b in awal if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in awal or kendali > max(2, len(awal) // 100):
        return "biner"
    if re.match(rb"\s*<(?:!doctype html|html|table|\?xml)", awal[:200].lower()):
        return "html"
    return "teks"


def _jenis_zip(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as arsip:
            nama = set(arsip.namelist())
            mime = arsip.read("mimetype").decode("ascii", "ignore") if "mimetype" in nama else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return "zip"
    if "opendocument.spreadsheet" in mime:
        return "ods"
    if "opendocument.text" in mime:
        return "odt"
    if any(n.startswith("xl/") for n in nama):
        return "xlsx"
    if any(n.startswith("word/") for n in nama):
        return "docx"
    if any(n.startswith("ppt/") for n in nama):
        return "pptx"
    return "zip"


_PESAN_ODS = (
    "berkas ini berformat OpenDocument Spreadsheet (.ods, mis. dari LibreOffice Calc). Pemuat "
    "membaca .xlsx dan CSV. Buka berkas di LibreOffice Calc, pilih File → Simpan Sebagai (Save "
    "As), jenis 'Excel 2007-365 (.xlsx)' atau 'Teks CSV (.csv)', lalu periksa berkas baru itu."
)


def baca_berkas(path: Path, sumber: str, tabel: skema.Tabel, laporan: Laporan) -> Mentah:
    """Baca berkas pengguna menjadi tabel mentah (kolom bernama baku, nomor baris spreadsheet).

    Jenis isi dikenali dari bita awalnya: CSV/teks, XLSX (juga bila akhirannya salah), ODS (bila
    pustaka odfpy terpasang), dan berkas yang bukan tabel ditolak dengan menyebut jenisnya.
    """
    akhiran = path.suffix.lower()
    try:
        if path.stat().st_size == 0:
            raise DataTidakValid(
                "berkas kosong (0 bita): tidak ada judul kolom maupun data.", berkas=sumber
            )
        isi = kenali_isi(path)
        if isi == "xlsx":
            if akhiran not in _EKSTENSI_XLSX:
                laporan.catat(
                    f"Berkas berakhiran '{akhiran or '(tanpa akhiran)'}' ternyata buku kerja Excel "
                    "(.xlsx); dibaca sebagai Excel."
                )
            return _baca_xlsx(path, sumber, tabel, laporan)
        if isi == "ods":
            if importlib.util.find_spec("odf") is None:
                raise DataTidakValid(_PESAN_ODS, berkas=sumber)
            return _baca_ods(path, sumber, tabel, laporan)
        if isi == "xls" and akhiran in _EKSTENSI_XLSX:
            raise DataTidakValid(
                "berkas Excel ini terkunci kata sandi (terenkripsi), sehingga isinya tidak dapat "
                "dibaca. Buka di Excel, hapus kata sandinya (File → Info → Lindungi Buku Kerja), "
                "simpan, lalu periksa lagi.",
                berkas=sumber,
            )
        if isi == "xls":
            raise DataTidakValid(
                "format Excel lama (.xls) — Excel 97–2003 — tidak didukung. Buka di "
                "Excel/LibreOffice lalu simpan sebagai .xlsx atau CSV.",
                berkas=sumber,
            )
        if isi == "html":
            raise DataTidakValid(
                "isinya halaman web (HTML), bukan tabel CSV atau Excel (sebagian aplikasi "
                "mengekspor tabel HTML dengan akhiran .xls). Buka di Excel/LibreOffice lalu "
                "simpan sebagai .xlsx atau CSV.",
                berkas=sumber,
            )
        if isi in _JENIS_BUKAN_TABEL:
            raise DataTidakValid(
                f"ini bukan tabel teks (CSV) maupun Excel: isinya {_JENIS_BUKAN_TABEL[isi]}. "
                "Pilih berkas data yang benar (CSV atau .xlsx).",
                berkas=sumber,
            )
        if akhiran in _EKSTENSI_XLSX:
            raise DataTidakValid(
                f"bukan berkas Excel {akhiran} yang sah: isinya teks biasa. Bila ini tabel CSV, "
                "ganti akhiran namanya menjadi .csv; bila bukan, buka di Excel/LibreOffice lalu "
                "simpan ulang sebagai .xlsx.",
                berkas=sumber,
            )
        if akhiran in (".xls", ".ods"):
            laporan.catat(
                f"Berkas berakhiran '{akhiran}' ternyata berisi teks biasa (CSV); dibaca sebagai CSV."
            )
        elif akhiran not in _EKSTENSI_CSV:
            raise DataTidakValid(
                f"jenis berkas '{akhiran or '(tanpa akhiran)'}' tidak dikenal. Pakai berkas .csv "
                "atau .xlsx.",
                berkas=sumber,
            )
        return _baca_csv(path, sumber, tabel, laporan, isi)
    except PermissionError:
        raise DataTidakValid(
            "berkas tidak dapat dibaca (izin ditolak). Mungkin sedang dibuka di Excel atau "
            "program lain. Tutup berkas itu, lalu ulangi perintah.",
            berkas=sumber,
        ) from None
    except IsADirectoryError:
        raise DataTidakValid("ini sebuah folder, bukan berkas data.", berkas=sumber) from None


def _tebak_encoding(path: Path, isi: str = "teks") -> tuple[str, str | None]:
    """Encoding berkas teks dan catatan bila bukan UTF-8 biasa."""
    with open(path, "rb") as f:
        awal = f.read(4)
    if awal.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "Tanda BOM UTF-8 di awal berkas dilewati."
    if awal.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "Berkas ber-encoding UTF-16 (ekspor 'Unicode text' Excel) dibaca."
    if isi in ("utf-16-le", "utf-16-be"):
        return isi, (
            f"Berkas ber-encoding UTF-16 tanpa tanda BOM ({isi.upper()}) dikenali dan dibaca."
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
            b = f.readline(1 << 20)
            if not b:
                break
            baris_teks.append(b.rstrip("\r\n"))
    pilihan = []
    with _sel_panjang_diizinkan():
        for urutan, pemisah in enumerate(_PEMISAH):
            baris = [next(csv.reader([b], delimiter=pemisah), []) for b in baris_teks]
            idx = _cari_judul(baris, dikenal)
            judul = baris[idx] if baris else []
            skor = len({nama_kolom(c) for c in judul} & dikenal)
            lebar = [len(b) for b in baris[idx + 1 :] if any(c.strip() for c in b)]
            konsisten = (
                len(judul)
                if len(judul) > 1 and lebar and all(w == len(judul) for w in lebar)
                else 0
            )
            pilihan.append((skor, konsisten, len(judul) > 1, -urutan, pemisah, idx, judul))
    pilihan.sort(reverse=True)
    _, _, _, _, pemisah, idx, judul = pilihan[0]
    return pemisah, idx, judul


def _siapkan_judul(
    judul_mentah: list, tabel: skema.Tabel, laporan: Laporan, huruf_kolom: bool
) -> list[str]:
    """Nama kolom baku; mencatat judul yang diseragamkan dan melaporkan judul kembar."""
    nama, diubah, dipakai = [], [], {}
    for i, mentah in enumerate(judul_mentah):
        baku = nama_kolom(mentah)
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


def _baca_csv(
    path: Path, sumber: str, tabel: skema.Tabel, laporan: Laporan, isi: str = "teks"
) -> Mentah:
    encoding, catatan = _tebak_encoding(path, isi)
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
            with warnings.catch_warnings():
                # Bilangan raksasa (mis. '1e20') diubah paksa ke int64 dengan peringatan berbahasa
                # Inggris dan nilai yang terbungkus: jadikan galat, lalu baca sebagai teks.
                warnings.simplefilter("error", RuntimeWarning)
                warnings.simplefilter("ignore", pd.errors.DtypeWarning)  # pesan Inggris
                data = pd.read_csv(path, dtype=tipe_cepat, **argumen)
        except pd.errors.ParserError:
            raise
        except (ValueError, OverflowError, RuntimeWarning):
            # Ada sel yang bukan bilangan bulat polos: baca sebagai teks, periksa satu per satu.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", pd.errors.DtypeWarning)  # pesan Inggris
                data = pd.read_csv(path, dtype=tipe_teks, **argumen)
        baris = np.arange(len(data), dtype=np.int64) + idx + 2
    except pd.errors.ParserError:
        # Baris rusak (isian berlebih, tanda kutip tak tertutup): baca dengan modul csv agar
        # baris rusak dilaporkan dan baris lain tetap diperiksa (semua masalah sekaligus).
        data, baris = _baca_csv_toleran(path, encoding, pemisah, idx, nama, laporan)
    except pd.errors.EmptyDataError:
        data = pd.DataFrame({n: pd.Series(dtype=object) for n in nama})
        baris = np.zeros(0, dtype=np.int64)
    _periksa_kutip(path, encoding, idx, laporan)
    # Kolom tanpa judul yang seluruhnya kosong (pemisah berlebih di ujung baris, khas Excel).
    kosong = [
        n for n in data.columns if n.startswith("kolom_tanpa_judul_") and data[n].isna().all()
    ]
    if kosong:
        data = data.drop(columns=kosong)
    _periksa_sel_panjang(data, baris, laporan)
    return _buang_baris_kosong(Mentah(data, baris), laporan)


def _baca_csv_toleran(
    path: Path, encoding: str, pemisah: str, idx: int, nama: list[str], laporan: Laporan
) -> tuple[pd.DataFrame, np.ndarray]:
    """Baca CSV baris demi baris; baris berisian berlebih dilaporkan lalu dilewati."""
    lebar = len(nama)
    isi: list[list[str | None]] = []
    nomor: list[int] = []
    rusak: list[int] = []
    contoh = None
    with _sel_panjang_diizinkan(), open(path, encoding=encoding, newline="") as f:
        for i, rekaman in enumerate(csv.reader(f, delimiter=pemisah), start=1):
            if i <= idx + 1:
                continue
            if len(rekaman) > lebar:
                if not any(c.strip() for c in rekaman[lebar:]):
                    rekaman = rekaman[:lebar]  # pemisah berlebih di ujung baris
                else:
                    rusak.append(i)
                    contoh = contoh or (i, len(rekaman))
                    continue
            rekaman = [c if c != "" else None for c in rekaman]
            isi.append(rekaman + [None] * (lebar - len(rekaman)))
            nomor.append(i)
    if rusak:
        pesan = f"baris ini berisi lebih banyak isian daripada {lebar} judul kolom"
        if contoh:
            pesan += f" (mis. baris {contoh[0]}: {contoh[1]} isian)"
        if pemisah == ",":
            pesan += (
                ". Mungkin ada angka dengan koma desimal atau teks berkoma tanpa tanda kutip; "
                "simpan ulang dengan pemisah ';' atau beri tanda kutip"
            )
        else:
            pesan += f". Mungkin ada teks yang memuat pemisah '{pemisah}' tanpa tanda kutip"
        laporan.tambah(
            pesan + ". Baris-baris ini dilewati; masalah lain di bawah berasal dari baris lainnya.",
            baris=rusak,
        )
    data = pd.DataFrame(isi, columns=nama, dtype=object)
    return data, np.asarray(nomor, dtype=np.int64)


def _periksa_kutip(path: Path, encoding: str, idx: int, laporan: Laporan) -> None:
    """Laporkan tanda kutip yang dibuka tetapi tidak ditutup, dengan baris tempat ia dibuka.

    Tanda kutip ganda dihitung per baris teks: di CSV yang sah jumlahnya genap pada setiap
    rekaman. Bila ganjil sampai akhir berkas, kutip dibuka di baris itu dan tidak pernah ditutup
    (semua baris sesudahnya terbaca sebagai satu sel). Sel bertanda kutip yang memuat ganti
    baris dan ditutup dengan benar tetap sah.
    """
    terbuka_di = None
    with open(path, encoding=encoding, newline="") as f:
        for nomor, teks in enumerate(f, start=1):
            if nomor <= idx or '"' not in teks:
                continue
            if teks.count('"') % 2:
                terbuka_di = nomor if terbuka_di is None else None
    if terbuka_di is not None:
        laporan.tambah(
            'tanda kutip (") dibuka di baris ini tetapi tidak pernah ditutup, sehingga semua '
            "baris sesudahnya terbaca sebagai satu sel. Tambahkan tanda kutip penutup atau hapus "
            "tanda kutip pembukanya (baris dihitung seperti di editor teks).",
            baris=[terbuka_di],
        )


def _periksa_sel_panjang(data: pd.DataFrame, baris: np.ndarray, laporan: Laporan) -> None:
    """Tolak sel yang lebih panjang daripada yang dapat ditampung satu sel Excel."""
    for n in data.columns:
        seri = data[n]
        if not (pd.api.types.is_object_dtype(seri) or pd.api.types.is_string_dtype(seri)):
            continue
        panjang = seri.map(lambda v: len(v) if isinstance(v, str) else 0).to_numpy()
        terlalu = panjang > BATAS_PANJANG_SEL
        if terlalu.any():
            terbesar = f"{int(panjang.max()):,}".replace(",", ".")
            laporan.tambah(
                f"sel terlalu panjang ({terbesar} karakter; Excel menampung paling banyak "
                "32.767 karakter per sel). Biasanya tanda kutip yang tidak ditutup atau isi yang "
                "tersalin berulang; periksa sel itu.",
                n,
                baris[terlalu],
            )
            data[n] = seri.where(~terlalu, None)


def _buka_lembar(path: Path, sumber: str, dikenal: set[str], tabel: skema.Tabel | None):
    """Buka buku kerja dan pilih lembar: yang bernama seperti tabel, atau yang judulnya paling cocok."""
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl memperingatkan dalam bahasa Inggris tentang gaya/validasi yang tidak
            # dikenalnya; tidak berpengaruh pada nilai sel, jadi tidak diteruskan ke pengguna.
            warnings.simplefilter("ignore")
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
            nama_cocok = {nama_kolom(tabel.nama), nama_kolom(Path(tabel.berkas).stem)}
        dipilih = next((ws for ws in lembar if nama_kolom(ws.title) in nama_cocok), None)
        alasan = "namanya sesuai tabel"
        if dipilih is None:
            skor_terbaik = -1
            for ws in lembar:
                awal = [
                    list(r)
                    for r in ws.iter_rows(min_row=1, max_row=_BARIS_CONTOH, values_only=True)
                ]
                skor = max((len({nama_kolom(c) for c in r} & dikenal) for r in awal), default=0)
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


def _baca_xlsx(path: Path, sumber: str, tabel: skema.Tabel, laporan: Laporan) -> Mentah:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # peringatan openpyxl berbahasa Inggris (gaya, validasi)
        judul_lembar, semua, catatan = _buka_lembar(path, sumber, set(tabel.nama_kolom), tabel)
    if catatan:
        laporan.catat(catatan)
    return _tabel_dari_baris(judul_lembar, semua, sumber, tabel, laporan)


def _tabel_dari_baris(
    judul_lembar: str, semua: list[list], sumber: str, tabel: skema.Tabel, laporan: Laporan
) -> Mentah:
    """Tabel mentah dari isi satu lembar kerja (daftar baris sel, baris 1 = baris pertama)."""
    dikenal = set(tabel.nama_kolom)
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
    _periksa_sel_panjang(data, baris, laporan)
    return _buang_baris_kosong(Mentah(data, baris), laporan)


def _baca_ods(path: Path, sumber: str, tabel: skema.Tabel, laporan: Laporan) -> Mentah:
    """Baca .ods lewat pandas (mesin odf); hanya dipanggil bila pustaka odfpy terpasang."""
    try:
        lembar = pd.read_excel(path, sheet_name=None, header=None, engine="odf", dtype=object)
    except Exception:  # berkas .ods rusak atau terkunci
        raise DataTidakValid(
            "berkas .ods tidak dapat dibaca (rusak atau terkunci). " + _PESAN_ODS, berkas=sumber
        ) from None
    if not lembar:
        raise DataTidakValid("buku kerja tidak berisi lembar kerja.", berkas=sumber)
    dikenal = set(tabel.nama_kolom)
    per_lembar = {
        judul: [[None if pd.isna(v) else v for v in r] for r in df.itertuples(index=False)]
        for judul, df in lembar.items()
    }

    def skor(judul: str) -> int:
        awal = per_lembar[judul][:_BARIS_CONTOH]
        return max((len({nama_kolom(c) for c in r} & dikenal) for r in awal), default=0)

    dipilih = max(per_lembar, key=skor)
    if len(per_lembar) > 1:
        laporan.catat(f"Buku kerja punya {len(per_lembar)} lembar; dipakai lembar '{dipilih}'.")
    laporan.catat("Berkas OpenDocument (.ods) dibaca.")
    return _tabel_dari_baris(dipilih, per_lembar[dipilih], sumber, tabel, laporan)


def judul_kolom_berkas(berkas: str | Path) -> list[str]:
    """Nama kolom baku sebuah berkas CSV/XLSX (untuk menebak tabelnya); isi tidak diperiksa."""
    path = Path(berkas)
    sumber = str(berkas)
    pastikan_ada(path, sumber, None)
    dikenal = {k for t in skema.TABEL_DIKENAL.values() for k in t.nama_kolom}
    isi = kenali_isi(path) if path.stat().st_size else "kosong"
    if isi == "xlsx":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, baris_awal, _ = _buka_lembar(path, sumber, dikenal, None)
        judul = baris_awal[_cari_judul(baris_awal[:_BARIS_CONTOH], dikenal)] if baris_awal else []
    elif isi in ("teks", "utf-16-le", "utf-16-be"):
        encoding, _ = _tebak_encoding(path, isi)
        _, _, judul = _tebak_pemisah(path, encoding, dikenal)
    else:  # bukan tabel, kosong, atau .ods: pesan yang sama dengan pemuat
        semua = skema.Tabel(
            "semua",
            path.name,
            "",
            (),
            tuple(skema.Kolom(n, skema.TIPE_TEKS, "-", "") for n in sorted(dikenal)),
        )
        return list(baca_berkas(path, sumber, semua, Laporan()).data.columns)
    return [n for n in (nama_kolom(j) for j in judul) if n]


def _isi(nilai: object) -> bool:
    return nilai is not None and not (isinstance(nilai, str) and not nilai.strip())


def _sel(nilai: object) -> object:
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return np.nan
    return nilai


def _buang_baris_kosong(mentah: Mentah, laporan: Laporan) -> Mentah:
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
        mentah = Mentah(data, mentah.baris[~kosong])
    return mentah
