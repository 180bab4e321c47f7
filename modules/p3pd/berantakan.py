"""Sampel data berantakan untuk latihan membersihkan data (notebook 02).

``buat_sampel_berantakan`` mengambil satu kecamatan (±15 desa, satu tahun) dari data latihan
yang bersih, lalu sengaja menanam masalah yang lazim di berkas Excel kiriman desa: koma
desimal dan titik ribuan, kode bertitik dan tanpa titik bercampur, baris kembar, kolom yang
hilang, teks di kolom angka, spasi tersesat, dan pembilang yang melebihi penyebutnya. Hasilnya
satu CSV, satu XLSX, dan README yang mendaftar setiap masalah beserta baris dan kolomnya.
Data latihan yang bersih tidak diubah. Semua isinya sintetis.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.berkas import bersihkan_sementara, tulis_atomik

__all__ = ["buat_sampel_berantakan", "NAMA_CSV", "NAMA_XLSX", "NAMA_README"]

NAMA_CSV = "indikator_berantakan.csv"
NAMA_XLSX = "indikator_berantakan.xlsx"
NAMA_README = "README.md"

_KOLOM_HILANG = "anak_0_17_akta"
_JUDUL_BERANTAKAN = {"jumlah_penduduk": " Jumlah Penduduk ", "tahun": "Tahun"}
_WAKTU_TETAP = (2024, 7, 9, 8, 0, 0)  # waktu di dalam arsip XLSX, agar berkasnya selalu sama


@dataclass(frozen=True)
class _Tanaman:
    """Satu masalah yang sengaja ditanam: uraian, kolom, dan baris (nomor seperti di Excel)."""

    uraian: str
    kolom: str
    baris: tuple[int, ...]
    galat: bool  # True = ditolak pemuat; False = dirapikan otomatis


def buat_sampel_berantakan(
    folder_keluaran: Path, benih: int = 7, *, folder_sumber: Path | None = None
) -> list[Path]:
    """Buat sampel indikator desa yang berantakan (CSV, XLSX, README) di ``folder_keluaran``.

    Sumbernya ``wilayah_desa.csv`` dan ``indikator_desa.csv`` di ``folder_sumber`` (bawaan:
    ``folder_data()``), dimuat lewat ``p3pd.muat``. Satu kecamatan dengan ±15 desa dan tahun
    terakhir dipilih; ``benih`` menentukan kecamatan dan letak masalah, sehingga hasilnya
    selalu sama (sama persis sampai ke bita) untuk data dan benih yang sama. Penanda data
    sintetis (``DATA_SINTETIS.json``, lihat ``p3pd.label``) ikut ditulis. Mengembalikan daftar
    berkas yang ditulis.
    """
    from p3pd import muat
    from p3pd.lokasi import folder_data

    sumber = Path(folder_sumber) if folder_sumber is not None else folder_data()
    folder = Path(folder_keluaran)
    folder.mkdir(parents=True, exist_ok=True)
    bersihkan_sementara(folder)  # sisa penulisan yang terputus (mis. kill -9)
    wilayah = muat.muat_wilayah(sumber / skema.WILAYAH.berkas)
    indikator = muat.muat_indikator(sumber / skema.INDIKATOR_DESA.berkas)
    acak = np.random.default_rng(benih)
    bersih = _pilih_sampel(wilayah, indikator, acak)
    tabel, tanaman = _tanam_masalah(bersih, acak)
    kode_kec = str(bersih["kode_desa"].iloc[0])[:8]
    nama_kec = str(wilayah.loc[wilayah["kode_kecamatan"] == kode_kec, "nama_kecamatan"].iloc[0])
    tahun = int(bersih["tahun"].iloc[0])

    berkas_csv = folder / NAMA_CSV
    berkas_xlsx = folder / NAMA_XLSX
    berkas_readme = folder / NAMA_README
    tulis_atomik(berkas_csv, _isi_csv(tabel))
    tulis_atomik(berkas_xlsx, _isi_xlsx(tabel, nama_kec, kode_kec, tahun))
    teks = _isi_readme(tanaman, nama_kec, kode_kec, tahun, len(tabel), benih)
    tulis_atomik(berkas_readme, teks.encode("utf-8"))
    from p3pd.label import tulis_penanda_sintetis  # contoh ini juga data sintetis

    penanda = tulis_penanda_sintetis(folder, [berkas_csv, berkas_xlsx])
    return [berkas_csv, berkas_xlsx, berkas_readme, penanda]


# --------------------------------------------------------------------------- memilih sampel


def _pilih_sampel(
    wilayah: pd.DataFrame, indikator: pd.DataFrame, acak: np.random.Generator
) -> pd.DataFrame:
    """Satu kecamatan (sebaiknya 12–18 desa), tahun terakhir, paling banyak 15 desa."""
    tahun = int(indikator["tahun"].max())
    ada = indikator.loc[indikator["tahun"] == tahun, "kode_desa"]
    wil = wilayah[wilayah["kode_desa"].isin(ada)]
    banyak = wil.groupby("kode_kecamatan")["kode_desa"].nunique().sort_index()
    calon = banyak[(banyak >= 12) & (banyak <= 18)]
    if calon.empty:
        calon = banyak[banyak == banyak.max()]
    kode_kec = str(calon.index[int(acak.integers(len(calon)))])
    desa = wil[wil["kode_kecamatan"] == kode_kec].sort_values("kode_desa").head(15)
    sampel = indikator[
        (indikator["tahun"] == tahun) & indikator["kode_desa"].isin(desa["kode_desa"])
    ]
    sampel = sampel.merge(desa[["kode_desa", "nama_desa"]], on="kode_desa", how="left")
    kolom = ["kode_desa", "nama_desa"] + [
        k for k in skema.INDIKATOR_DESA.nama_kolom if k != "kode_desa"
    ]
    return sampel[kolom].sort_values("kode_desa").reset_index(drop=True)


# --------------------------------------------------------------------------- menanam masalah


def _tanam_masalah(
    bersih: pd.DataFrame, acak: np.random.Generator
) -> tuple[pd.DataFrame, list[_Tanaman]]:
    """Ubah salinan tabel bersih menjadi tabel teks yang berantakan, dan catat masalahnya."""
    from p3pd.format import angka

    n = len(bersih)
    if n < 6:
        raise ValueError("Sampel berantakan perlu paling sedikit 6 desa.")
    tabel = bersih.drop(columns=[_KOLOM_HILANG]).astype(object)
    # Kolom turunan gaya Excel: persen stunting dengan koma desimal.
    persen = (
        100 * bersih["balita_stunting"] / bersih["balita_diukur"].where(bersih["balita_diukur"] > 0)
    )
    tabel["persen_stunting"] = [angka(p, desimal=1) if pd.notna(p) else "" for p in persen]
    tabel["jumlah_penduduk"] = [angka(v) for v in bersih["jumlah_penduduk"]]

    # Letak masalah: baris-baris berbeda yang dipilih acak (tetap untuk benih yang sama).
    urut = [int(i) for i in acak.permutation(n)]
    i_na, i_strip, i_jiwa, i_lebih, i_spasi, i_kembar = urut[:6]
    tanpa_titik = sorted(int(i) for i in acak.choice(n, size=max(2, n // 3), replace=False))

    # Masalah yang dirapikan otomatis oleh pemuat (lenient):
    for i in tanpa_titik:
        tabel.at[i, "kode_desa"] = str(tabel.at[i, "kode_desa"]).replace(".", "")
    tabel.at[i_spasi, "kode_desa"] = f" {tabel.at[i_spasi, 'kode_desa']} "
    tabel.at[i_spasi, "nama_desa"] = f"  {tabel.at[i_spasi, 'nama_desa']} "
    # Masalah yang ditolak pemuat:
    tabel.at[i_na, "balita_diukur"] = "n/a"
    tabel.at[i_strip, "anak_idl"] = "-"
    tabel.at[i_jiwa, "anak_7_12"] = f"{bersih.at[i_jiwa, 'anak_7_12']} jiwa"
    lebih = int(bersih.at[i_lebih, "balita_diukur"]) + 7
    tabel.at[i_lebih, "balita_stunting"] = lebih

    # Baris kembar: satu salinan persis di akhir tabel.
    tabel = pd.concat([tabel, tabel.iloc[[i_kembar]]], ignore_index=True)

    def baris(i: int) -> int:
        return i + 2  # nomor baris Excel: judul kolom = baris 1

    b_kembar = (baris(i_kembar), baris(len(tabel) - 1))

    tanaman = [
        _Tanaman(
            "Kolom indikator tidak ada sama sekali: pemuat mencatatnya sebagai tidak tersedia "
            "(bukan galat), dan indikatornya tampil 'tidak ada data'.",
            _KOLOM_HILANG,
            (),
            False,
        ),
        _Tanaman("Teks 'n/a' di kolom angka.", "balita_diukur", (baris(i_na),), True),
        _Tanaman("Teks '-' di kolom angka.", "anak_idl", (baris(i_strip),), True),
        _Tanaman(
            "Angka dengan satuan ('… jiwa') di kolom angka.", "anak_7_12", (baris(i_jiwa),), True
        ),
        _Tanaman(
            f"Pembilang melebihi penyebut: balita_stunting ({lebih}) > balita_diukur "
            f"({bersih.at[i_lebih, 'balita_diukur']}).",
            "balita_stunting",
            (baris(i_lebih),),
            True,
        ),
        _Tanaman(
            "Baris kembar persis: baris terakhir adalah salinan baris lain (kunci kode_desa + "
            "tahun muncul dua kali).",
            "kode_desa, tahun",
            b_kembar,
            True,
        ),
        _Tanaman(
            f"Kode desa tanpa titik (mis. {str(tabel.at[tanpa_titik[0], 'kode_desa']).strip()}) bercampur "
            "dengan kode bertitik.",
            "kode_desa",
            tuple(baris(i) for i in tanpa_titik),
            False,
        ),
        _Tanaman(
            "Spasi tersesat di awal/akhir kode dan nama desa.",
            "kode_desa, nama_desa",
            (baris(i_spasi),),
            False,
        ),
        _Tanaman(
            "Titik ribuan gaya Indonesia (mis. 1.234) di kolom jumlah penduduk (hanya di CSV; "
            "di XLSX sel ini berupa angka).",
            "jumlah_penduduk",
            tuple(baris(i) for i in range(n) if bersih.at[i, "jumlah_penduduk"] >= 1000),
            False,
        ),
        _Tanaman(
            "Kolom tambahan berisi persen dengan koma desimal (mis. 12,5): boleh ada, tetapi "
            "sebaiknya persen dihitung ulang dari pembilang dan penyebut.",
            "persen_stunting",
            (),
            False,
        ),
        _Tanaman(
            "Judul kolom tidak baku: ' Jumlah Penduduk ' dan 'Tahun' (huruf besar, spasi).",
            "jumlah_penduduk, tahun",
            (1,),
            False,
        ),
    ]
    tabel = tabel.rename(columns=_JUDUL_BERANTAKAN)
    return tabel, tanaman


# --------------------------------------------------------------------------- menulis


def _isi_csv(tabel: pd.DataFrame) -> bytes:
    """CSV gaya ekspor Excel Indonesia: pemisah titik koma, UTF-8 dengan BOM."""
    teks = tabel.to_csv(sep=";", index=False, lineterminator="\r\n")
    return teks.encode("utf-8-sig")


def _nilai_xlsx(kolom: str, nilai: object) -> object:
    """Nilai sel seperti yang disimpan Excel: angka jadi angka, teks yang bukan angka tetap teks."""
    if isinstance(nilai, (int, np.integer)):
        return int(nilai)
    teks = str(nilai)
    if kolom == _JUDUL_BERANTAKAN["jumlah_penduduk"]:
        return int(teks.replace(".", ""))  # di Excel titik ribuan hanya tampilan
    if kolom == "persen_stunting":
        return float(teks.replace(",", ".")) if teks else None
    if kolom == "kode_desa" and teks.isdigit():
        return int(teks)  # Excel mengubah kode tanpa titik menjadi angka
    return teks


def _isi_xlsx(tabel: pd.DataFrame, nama_kec: str, kode_kec: str, tahun: int) -> bytes:
    """Buku kerja dengan lembar 'indikator' (data) dan 'keterangan' (penanda data sintetis)."""
    from datetime import datetime

    from p3pd.excel import buat_buku

    data = [list(tabel.columns)] + [
        [_nilai_xlsx(k, v) for k, v in zip(tabel.columns, baris, strict=True)]
        for baris in tabel.itertuples(index=False)
    ]
    keterangan = [
        ["DATA SINTETIS untuk latihan membersihkan data (bukan data desa sungguhan)."],
        [f"Kecamatan {nama_kec} ({kode_kec}), tahun {tahun}; masalahnya sengaja ditanam."],
        ["Daftar masalah: lihat README.md di folder yang sama."],
    ]
    buku = buat_buku({"indikator": data, "keterangan": keterangan})
    buku.properties.creator = "p3pd"
    buku.properties.created = datetime(*_WAKTU_TETAP)
    buku.properties.modified = datetime(*_WAKTU_TETAP)
    sementara = io.BytesIO()
    buku.save(sementara)
    return _zip_tetap(sementara.getvalue())


def _zip_tetap(isi: bytes) -> bytes:
    """Tulis ulang arsip XLSX dengan waktu tetap, agar berkas yang sama selalu sama persis."""
    keluar = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(isi)) as masuk,
        zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as tulis,
    ):
        for info in masuk.infolist():
            data = masuk.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
                    rb"<dcterms:modified\1>2024-07-09T08:00:00Z</dcterms:modified>",
                    data,
                )
            baru = zipfile.ZipInfo(info.filename, date_time=_WAKTU_TETAP)
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = info.external_attr
            tulis.writestr(baru, data)
    return keluar.getvalue()


def _isi_readme(
    tanaman: list[_Tanaman], nama_kec: str, kode_kec: str, tahun: int, n_baris: int, benih: int
) -> str:
    baris = [
        "# Contoh data berantakan (DATA SINTETIS)",
        "",
        f"Sampel indikator desa Kecamatan {nama_kec} ({kode_kec}), tahun {tahun}: {n_baris} baris "
        "data, diambil dari data latihan sintetis lalu **sengaja dibuat berantakan** untuk "
        "latihan membersihkan data (notebook 02). Bukan data desa sungguhan.",
        "",
        f"- `{NAMA_CSV}` — ekspor gaya Excel Indonesia: pemisah titik koma (`;`), UTF-8 dengan BOM.",
        f"- `{NAMA_XLSX}` — isi yang sama dalam buku kerja Excel (lembar `indikator`).",
        "",
        "Nomor baris seperti di Excel: baris 1 adalah judul kolom, data mulai baris 2.",
        "",
        "## Masalah yang membuat berkas ditolak",
        "",
        "`p3pd periksa` dan `p3pd.muat.muat_indikator(...)` menolak berkas ini dan menyebut "
        "masalah-masalah berikut:",
        "",
        "| No | Masalah | Kolom | Baris |",
        "|---|---|---|---|",
    ]
    nomor = 0
    for galat in (True, False):
        if not galat:
            baris += [
                "",
                "## Masalah yang dirapikan otomatis (dicatat, tidak ditolak)",
                "",
                "| No | Masalah | Kolom | Baris |",
                "|---|---|---|---|",
            ]
        for t in tanaman:
            if t.galat is galat:
                nomor += 1
                teks_baris = ", ".join(str(b) for b in t.baris) if t.baris else "–"
                baris.append(f"| {nomor} | {t.uraian} | `{t.kolom}` | {teks_baris} |")
    baris += [
        "",
        "## Membuat ulang",
        "",
        "```python",
        "from pathlib import Path",
        "from p3pd.berantakan import buat_sampel_berantakan",
        f"buat_sampel_berantakan(Path('data/contoh_berantakan'), benih={benih})",
        "```",
        "",
        "Berkas ini dibuat dari data latihan bersih; data bersih itu sendiri tidak diubah.",
        "",
    ]
    return "\n".join(baris)
