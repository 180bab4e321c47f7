"""Uji p3pd.tabel: jenis isi kolom dengan kata sehari-hari, dan simpan ke Excel tanpa menimpa."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import p3pd.notebook
from p3pd.galat import GalatP3PD
from p3pd.tabel import LEMBAR_CATATAN, LEMBAR_DATA, jenis_isi, ringkas_kolom, simpan_excel


def sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def isi_folder(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def contoh() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode_desa": ["33.22.01.2001", "33.22.01.2002", "33.22.01.2003"],
            "penduduk": [1840, 2630, 3199],
            "persen": [12.5, np.nan, 7.25],
            "aktif": [True, False, True],
        }
    )


# --- jenis_isi dan ringkas_kolom ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "dtype", "harapan"),
    [
        (["a", "b", None], None, "teks"),
        (["a", "b"], object, "teks"),
        ([1, 2, 3], "int64", "bilangan bulat"),
        ([1.5, np.nan], None, "bilangan desimal"),
        ([np.nan, np.nan], "float64", "kosong semua"),
        ([True, False], None, "ya/tidak"),
        (["2024-07-09", "2024-07-12"], "datetime64[ns]", "tanggal"),
        (["rendah", "tinggi"], "category", "kategori"),
        ([325, "325 jiwa"], object, "campuran"),
        ([1, 2.5], object, "bilangan desimal"),
    ],
)
def test_jenis_isi(nilai, dtype, harapan):
    assert jenis_isi(pd.Series(nilai, dtype=dtype)) == harapan


def test_ringkas_kolom_isi_dan_urutan(contoh):
    hasil = ringkas_kolom(contoh)
    assert list(hasil.columns) == ["kolom", "jenis", "contoh", "terisi", "kosong"]
    assert hasil["kolom"].tolist() == list(contoh.columns)
    assert hasil["jenis"].tolist() == ["teks", "bilangan bulat", "bilangan desimal", "ya/tidak"]
    assert hasil["contoh"].tolist() == ["33.22.01.2001", "1840", "12.5", "True"]
    assert hasil["terisi"].tolist() == [3, 3, 2, 3]
    assert hasil["kosong"].tolist() == [0, 0, 1, 0]


def test_ringkas_kolom_angka_ribuan_terbaca_desimal_dan_contoh_sel_pertama_terisi():
    # '1.840' (ribuan gaya Indonesia) yang dibaca pandas apa adanya menjadi 1.84
    mentah = pd.DataFrame({"penduduk": [np.nan, 1.84, 2.63], "anak_idl": [None, "-", "23"]})
    hasil = ringkas_kolom(mentah).set_index("kolom")
    assert hasil.loc["penduduk", "contoh"] == "1.84"
    assert hasil.loc["anak_idl", "contoh"] == "-"
    assert hasil.loc["anak_idl", "jenis"] == "teks"
    assert hasil.loc["penduduk", "kosong"] == 1


def test_ringkas_kolom_kolom_bernama_sama_dan_tabel_tidak_diubah(contoh):
    kembar = pd.concat([contoh[["penduduk"]], contoh[["kode_desa"]]], axis=1)
    kembar.columns = ["x", "x"]
    salinan = kembar.copy()
    hasil = ringkas_kolom(kembar)
    assert hasil["jenis"].tolist() == ["bilangan bulat", "teks"]
    pd.testing.assert_frame_equal(kembar, salinan)


def test_ringkas_kolom_tabel_kosong_dan_bukan_tabel():
    assert ringkas_kolom(pd.DataFrame()).empty
    with pytest.raises(TypeError, match="DataFrame"):
        ringkas_kolom([1, 2, 3])


# --- simpan_excel ------------------------------------------------------------------------------


def test_simpan_excel_menulis_berkas_baru_yang_terbaca_kembali(tmp_path, contoh):
    hasil = simpan_excel(contoh, "hasil", tmp_path, catatan="Data latihan sintetis.")
    assert hasil == tmp_path / "hasil.xlsx"
    assert isi_folder(tmp_path) == ["hasil.xlsx"]  # tidak ada sisa berkas sementara
    lembar = pd.read_excel(hasil, sheet_name=None)
    assert list(lembar) == [LEMBAR_DATA, LEMBAR_CATATAN]
    pd.testing.assert_frame_equal(lembar[LEMBAR_DATA], contoh, check_dtype=False)
    assert lembar[LEMBAR_CATATAN].iloc[0, 0] == "Data latihan sintetis."


def test_simpan_excel_tanpa_catatan_hanya_satu_lembar(tmp_path, contoh):
    hasil = simpan_excel(contoh, "hasil.xlsx", tmp_path)
    assert openpyxl.load_workbook(hasil).sheetnames == [LEMBAR_DATA]


def test_simpan_excel_isi_sama_tidak_ditulis_ulang(tmp_path, contoh):
    pertama = simpan_excel(contoh, "hasil.xlsx", tmp_path, catatan="c")
    sidik_awal, waktu_awal = sidik(pertama), pertama.stat().st_mtime_ns
    os.utime(pertama, ns=(waktu_awal - 10**9, waktu_awal - 10**9))
    kedua = simpan_excel(contoh.copy(), "hasil.xlsx", tmp_path, catatan="c")
    assert kedua == pertama
    assert sidik(kedua) == sidik_awal
    assert kedua.stat().st_mtime_ns == waktu_awal - 10**9  # tidak disentuh
    assert isi_folder(tmp_path) == ["hasil.xlsx"]


def test_simpan_excel_tidak_menimpa_berkas_yang_disunting(tmp_path, contoh):
    pertama = simpan_excel(contoh, "hasil.xlsx", tmp_path)
    buku = openpyxl.load_workbook(pertama)
    buku[LEMBAR_DATA]["B2"] = 9999  # peserta menyunting angka di Excel
    buku.save(pertama)
    sidik_sunting = sidik(pertama)

    kedua = simpan_excel(contoh, "hasil.xlsx", tmp_path)
    assert kedua == tmp_path / "hasil (2).xlsx"
    assert sidik(pertama) == sidik_sunting  # suntingan peserta utuh
    pd.testing.assert_frame_equal(pd.read_excel(kedua), contoh, check_dtype=False)
    # dijalankan lagi: memakai "hasil (2).xlsx" yang isinya sama, tidak membuat "(3)"
    assert simpan_excel(contoh, "hasil.xlsx", tmp_path) == kedua
    assert isi_folder(tmp_path) == ["hasil (2).xlsx", "hasil.xlsx"]


def test_simpan_excel_berkas_lain_bernama_sama_tidak_ditimpa(tmp_path, contoh):
    bukan_excel = tmp_path / "hasil.xlsx"
    bukan_excel.write_text("bukan buku kerja", encoding="utf-8")
    hasil = simpan_excel(contoh, "hasil", tmp_path)
    assert hasil.name == "hasil (2).xlsx"
    assert bukan_excel.read_text(encoding="utf-8") == "bukan buku kerja"


@pytest.mark.parametrize(
    ("ubah", "keterangan"),
    [
        (lambda d: d.assign(penduduk=d["penduduk"] + 1), "nilai berbeda"),
        (lambda d: d.iloc[:2], "baris lebih sedikit"),
        (lambda d: d[["penduduk", "kode_desa", "persen", "aktif"]], "urutan kolom"),
        (lambda d: d.rename(columns={"persen": "porsi"}), "nama kolom"),
    ],
)
def test_simpan_excel_isi_berbeda_diberi_nama_baru(tmp_path, contoh, ubah, keterangan):
    simpan_excel(contoh, "hasil.xlsx", tmp_path)
    assert simpan_excel(ubah(contoh), "hasil.xlsx", tmp_path).name == "hasil (2).xlsx", keterangan


def test_simpan_excel_catatan_berbeda_diberi_nama_baru(tmp_path, contoh):
    simpan_excel(contoh, "hasil.xlsx", tmp_path, catatan="lama")
    assert simpan_excel(contoh, "hasil.xlsx", tmp_path, catatan="baru").name == "hasil (2).xlsx"


def test_simpan_excel_indeks_bernama_menjadi_kolom_nomor_baris_tidak(tmp_path, contoh):
    per_desa = contoh.set_index("kode_desa")["penduduk"]
    hasil = pd.read_excel(simpan_excel(per_desa, "per_desa", tmp_path))
    assert list(hasil.columns) == ["kode_desa", "penduduk"]
    tersaring = contoh[contoh["penduduk"] > 2000]  # indeks tanpa nama: 1, 2
    hasil = pd.read_excel(simpan_excel(tersaring, "tersaring", tmp_path))
    assert list(hasil.columns) == list(contoh.columns)
    assert hasil["penduduk"].tolist() == [2630, 3199]


def test_simpan_excel_tabel_asli_tidak_diubah(tmp_path, contoh):
    data = contoh.set_index("kode_desa")
    salinan = data.copy()
    simpan_excel(data, "hasil", tmp_path)
    pd.testing.assert_frame_equal(data, salinan)


def test_simpan_excel_bawaan_ke_folder_kerja(tmp_path, monkeypatch, contoh):
    monkeypatch.setattr(p3pd.notebook, "folder_proyek", lambda: tmp_path)
    hasil = simpan_excel(contoh, "hasil")
    assert hasil == tmp_path / "kerja_saya" / "hasil.xlsx"
    assert hasil.is_file()


@pytest.mark.parametrize("nama", ["", "  ", "../hasil.xlsx", "sub/hasil.xlsx", "a:b.xlsx", ".."])
def test_simpan_excel_menolak_nama_berkas_dengan_folder(tmp_path, contoh, nama):
    with pytest.raises(GalatP3PD, match="tidak dapat dipakai"):
        simpan_excel(contoh, nama, tmp_path)
    assert isi_folder(tmp_path) == []


@pytest.mark.parametrize("nama", ["hasil.csv", "hasil.XLS", "hasil.ods"])
def test_simpan_excel_menolak_akhiran_berkas_data_lain(tmp_path, contoh, nama):
    with pytest.raises(GalatP3PD, match=r"hanya menulis berkas \.xlsx"):
        simpan_excel(contoh, nama, tmp_path)
    assert isi_folder(tmp_path) == []


@pytest.mark.parametrize(
    ("nama", "harapan"),
    [("kecamatan_33.22", "kecamatan_33.22.xlsx"), ("hasil.XLSX", "hasil.XLSX"), (" a ", "a.xlsx")],
)
def test_simpan_excel_akhiran_xlsx_ditambahkan_bila_perlu(tmp_path, contoh, nama, harapan):
    assert simpan_excel(contoh, nama, tmp_path).name == harapan


def test_simpan_excel_folder_tidak_ada(tmp_path, contoh):
    with pytest.raises(GalatP3PD, match="tidak ada"):
        simpan_excel(contoh, "hasil", tmp_path / "belum_dibuat")


def test_simpan_excel_menolak_judul_bertingkat_dan_kolom_kembar(tmp_path, contoh):
    lebar = contoh.pivot_table(index="aktif", values=["penduduk", "persen"], aggfunc=["sum"])
    with pytest.raises(GalatP3PD, match="bertingkat"):
        simpan_excel(lebar, "lebar", tmp_path)
    kembar = contoh.copy()
    kembar.columns = ["a", "a", "b", "c"]
    with pytest.raises(GalatP3PD, match="'a'"):
        simpan_excel(kembar, "kembar", tmp_path)
    with pytest.raises(TypeError):
        simpan_excel([1, 2], "daftar", tmp_path)
    assert isi_folder(tmp_path) == []


def test_simpan_excel_gagal_menulis_tidak_meninggalkan_sisa(tmp_path, contoh, monkeypatch):
    def gagal(*args, **kwargs):
        raise OSError("disk penuh")

    import openpyxl

    monkeypatch.setattr(openpyxl.Workbook, "save", gagal)
    with pytest.raises(OSError, match="disk penuh"):
        simpan_excel(contoh, "hasil", tmp_path)
    assert isi_folder(tmp_path) == []


def test_simpan_excel_izin_ditolak_pesan_indonesia_tanpa_sisa(tmp_path, contoh, monkeypatch):
    import p3pd.berkas

    def ditolak(*args, **kwargs):
        raise PermissionError("ditolak")

    monkeypatch.setattr(p3pd.berkas.os, "replace", ditolak)
    with pytest.raises(GalatP3PD, match="izin ditolak"):
        simpan_excel(contoh, "hasil", tmp_path)
    assert isi_folder(tmp_path) == []
