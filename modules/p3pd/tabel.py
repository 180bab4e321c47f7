"""Pembantu membaca dan menyimpan tabel di notebook: jenis isi kolom, dan simpan ke Excel.

- ``ringkas_kolom(data)`` menjelaskan setiap kolom sebuah tabel dengan kata sehari-hari
  ("teks", "bilangan bulat", "bilangan desimal", …), dengan satu contoh isi dan banyaknya sel
  terisi dan kosong. Berguna untuk melihat apa yang terjadi ketika berkas dibaca apa adanya
  (misalnya angka yang ikut terbaca sebagai teks).
- ``simpan_excel(data, nama_berkas)`` menyimpan tabel ke berkas Excel (.xlsx) di folder
  ``kerja_saya/`` **tanpa pernah menimpa** berkas yang sudah ada, dan secara atomik (berkas
  sementara di folder yang sama, lalu ``os.replace``).

Mengimpor modul ini tidak mengubah apa pun dan tidak menyentuh berkas.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from p3pd.berkas import bersihkan_sementara, tulis_atomik
from p3pd.excel import isi_buku, xlsx_bita
from p3pd.galat import GalatP3PD

__all__ = ["JENIS", "jenis_isi", "ringkas_kolom", "simpan_excel", "LEMBAR_DATA", "LEMBAR_CATATAN"]

JENIS = {
    "string": "teks",
    "boolean": "ya/tidak",
    "integer": "bilangan bulat",
    "floating": "bilangan desimal",
    "mixed-integer-float": "bilangan desimal",
    "decimal": "bilangan desimal",
    "datetime64": "tanggal",
    "datetime": "tanggal",
    "date": "tanggal",
    "categorical": "kategori",
    "empty": "kosong semua",
}
"""Jenis isi kolom menurut ``pandas.api.types.infer_dtype`` → kata sehari-hari."""

CAMPURAN = "campuran"
"""Jenis isi kolom yang berisi teks dan angka (atau jenis lain) bercampur."""

LEMBAR_DATA = "data"
"""Nama lembar kerja berisi tabel di berkas Excel hasil ``simpan_excel``."""

LEMBAR_CATATAN = "catatan"
"""Nama lembar kerja berisi catatan (mis. "data sintetis") bila ``catatan`` diisi."""

_AKHIRAN_LAIN = {".csv", ".txt", ".tsv", ".xls", ".xlsm", ".xlsb", ".ods", ".json", ".ipynb"}
"""Akhiran berkas data lain: ditolak agar isi Excel tidak tersimpan dengan akhiran yang salah."""

_BATAS_NOMOR = 1000  # nama baru paling banyak "nama (1000).xlsx"


def jenis_isi(seri: pd.Series) -> str:
    """Jenis isi satu kolom dengan kata sehari-hari.

    Hasilnya salah satu dari: ``'teks'``, ``'bilangan bulat'``, ``'bilangan desimal'``,
    ``'ya/tidak'``, ``'tanggal'``, ``'kategori'``, ``'kosong semua'``, atau ``'campuran'``
    (misalnya angka dan teks bercampur dalam satu kolom). Sel kosong tidak dihitung.
    """
    if isinstance(seri.dtype, pd.CategoricalDtype):
        return JENIS["categorical"]
    if pd.api.types.is_bool_dtype(seri.dtype):
        return JENIS["boolean"]
    if pd.api.types.is_integer_dtype(seri.dtype):
        return JENIS["integer"]
    if pd.api.types.is_float_dtype(seri.dtype):
        return JENIS["floating"] if seri.notna().any() else JENIS["empty"]
    if pd.api.types.is_datetime64_any_dtype(seri.dtype):
        return JENIS["datetime64"]
    return JENIS.get(pd.api.types.infer_dtype(seri, skipna=True), CAMPURAN)


def ringkas_kolom(data: pd.DataFrame) -> pd.DataFrame:
    """Satu baris per kolom ``data``: nama kolom, jenis isi, satu contoh isi, sel terisi dan kosong.

    Kolom hasil: ``kolom``, ``jenis`` (lihat :func:`jenis_isi`), ``contoh`` (isi pertama
    yang tidak kosong, ditulis seperti yang disimpan Python, mis. ``'1.84'``), ``terisi``, dan
    ``kosong`` (banyaknya sel). Tabel ``data`` tidak diubah.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError("ringkas_kolom membutuhkan tabel (DataFrame) pandas.")
    baris = []
    for posisi, nama in enumerate(data.columns):
        seri = data.iloc[:, posisi]
        isi = seri.dropna()
        baris.append(
            {
                "kolom": str(nama),
                "jenis": jenis_isi(seri),
                "contoh": str(isi.iloc[0]) if len(isi) else "",
                "terisi": int(seri.notna().sum()),
                "kosong": int(seri.isna().sum()),
            }
        )
    return pd.DataFrame(baris, columns=["kolom", "jenis", "contoh", "terisi", "kosong"])


# --------------------------------------------------------------------------- simpan ke Excel


def simpan_excel(
    data: pd.DataFrame | pd.Series,
    nama_berkas: str,
    folder: str | Path | None = None,
    *,
    catatan: str = "",
) -> Path:
    """Simpan tabel ke berkas Excel baru, tanpa menimpa berkas yang sudah ada; kembalikan letaknya.

    ``nama_berkas`` hanya nama (tanpa folder); akhiran ``.xlsx`` ditambahkan bila tidak ada
    (nama berakhiran jenis berkas lain, mis. ``.csv``, ditolak).
    ``folder`` bawaannya ``kerja_saya/`` (lihat ``p3pd.notebook.folder_kerja``). Tabel ditulis
    ke lembar ``data``; label baris (indeks) yang bernama, misalnya nama kecamatan hasil
    ``groupby``, ikut menjadi kolom, sedangkan nomor baris tanpa nama tidak ikut. ``catatan`` (mis. keterangan "data sintetis") ditulis ke
    lembar ``catatan``.

    - Berkas belum ada: ditulis secara atomik (berkas sementara di folder yang sama, lalu
      ``os.replace``), sehingga tidak pernah ada berkas setengah jadi.
    - Berkas sudah ada dengan isi yang sama (mis. sel dijalankan ulang): tidak ditulis ulang.
    - Berkas sudah ada dengan isi berbeda (mis. sudah Anda sunting di Excel): berkas itu
      **dibiarkan**, dan tabel disimpan dengan nama baru ``nama (2).xlsx``, ``nama (3).xlsx``, …
    - Teks yang diawali ``=``, ``+``, ``-``, ``@``, tab, atau CR disimpan sebagai teks, tidak
      pernah sebagai rumus yang hidup (lihat ``p3pd.excel``).
    """
    from p3pd.notebook import folder_kerja

    tabel = _siapkan_tabel(data)
    tujuan_folder = folder_kerja() if folder is None else Path(folder)
    if not tujuan_folder.is_dir():
        raise GalatP3PD(f"Folder '{tujuan_folder}' tidak ada; buat dulu foldernya.")
    dasar = _nama_xlsx(nama_berkas)
    bersihkan_sementara(tujuan_folder)  # sisa simpan yang terputus (mis. kernel dimatikan paksa)
    isi = _xlsx_bita(tabel, catatan)
    for nomor in range(1, _BATAS_NOMOR + 1):
        nama = dasar if nomor == 1 else f"{Path(dasar).stem} ({nomor}).xlsx"
        tujuan = tujuan_folder / nama
        if not tujuan.exists():
            _tulis_xlsx_atomik(isi, tujuan)
            return tujuan
        if _isi_sama(tujuan, isi):
            return tujuan
    raise GalatP3PD(
        f"Sudah ada {_BATAS_NOMOR} berkas bernama '{Path(dasar).stem} (…).xlsx' di "
        f"'{tujuan_folder}'; pakai nama berkas lain."
    )


def _siapkan_tabel(data: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """Tabel yang akan ditulis: Series menjadi tabel, indeks bermakna menjadi kolom."""
    if isinstance(data, pd.Series):
        data = data.to_frame(name=data.name if data.name is not None else "nilai")
    if not isinstance(data, pd.DataFrame):
        raise TypeError("simpan_excel membutuhkan tabel (DataFrame) atau Series pandas.")
    if isinstance(data.columns, pd.MultiIndex):
        raise GalatP3PD(
            "Tabel ini punya judul kolom bertingkat; Excel hanya menerima satu baris judul. "
            "Ratakan dulu judul kolomnya, mis. dengan .reset_index() atau memilih kolom."
        )
    # Indeks bernama (mis. hasil groupby) bermakna; indeks tanpa nama hanya nomor baris.
    bernama = any(n is not None for n in data.index.names)
    tabel = data.reset_index(drop=not bernama)
    tabel.columns = [str(k) for k in tabel.columns]
    kembar = sorted({k for k in tabel.columns if list(tabel.columns).count(k) > 1})
    if kembar:
        raise GalatP3PD(
            "Nama kolom harus berbeda-beda; kolom ini muncul lebih dari sekali: "
            + ", ".join(f"'{k}'" for k in kembar)
            + "."
        )
    return tabel


def _nama_xlsx(nama_berkas: str) -> str:
    nama = str(nama_berkas).strip()
    if not nama or re.search(r"[/\\:*?\"<>|]", nama) or nama in (".", ".."):
        raise GalatP3PD(
            f"Nama berkas '{nama_berkas}' tidak dapat dipakai: tulis nama saja, tanpa folder dan "
            'tanpa tanda / \\ : * ? " < > |, mis. "penduduk_per_kecamatan.xlsx".'
        )
    akhiran = Path(nama).suffix.lower()
    if akhiran == ".xlsx":
        return nama
    if akhiran in _AKHIRAN_LAIN:
        raise GalatP3PD(
            f"Nama berkas '{nama}' berakhiran '{akhiran}'; simpan_excel hanya menulis berkas .xlsx."
        )
    return nama + ".xlsx"  # tanpa akhiran, atau titik di dalam nama (mis. "kecamatan_33.22")


def _xlsx_bita(tabel: pd.DataFrame, catatan: str) -> bytes:
    """Isi berkas .xlsx di memori; gagal di sini berarti belum ada berkas yang disentuh."""
    lembar: dict[str, pd.DataFrame] = {LEMBAR_DATA: tabel}
    if catatan.strip():
        lembar[LEMBAR_CATATAN] = pd.DataFrame({"catatan": [catatan.strip()]})
    return xlsx_bita(lembar)


def _tulis_xlsx_atomik(isi: bytes, tujuan: Path) -> None:
    try:
        tulis_atomik(tujuan, isi)
    except PermissionError:
        raise GalatP3PD(
            f"Berkas '{tujuan.name}' tidak dapat ditulis (izin ditolak). Mungkin foldernya "
            "hanya-baca atau berkasnya sedang dibuka program lain."
        ) from None


def _isi_sama(berkas: Path, isi_baru: bytes) -> bool:
    """Benar bila ``berkas`` berisi lembar dan sel yang sama persis dengan ``isi_baru``.

    Dibandingkan sel demi sel seperti tersimpan (teks tetap teks, angka tetap angka), sehingga
    menyimpan ulang tabel yang sama tidak pernah membuat salinan "(2)".
    """
    try:
        lama = isi_buku(berkas)
    except Exception:  # bukan .xlsx yang dapat dibaca: anggap berbeda, jangan ditimpa
        return False
    return lama == isi_buku(io.BytesIO(isi_baru))
