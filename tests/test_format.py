"""Uji p3pd.format: angka, persen, rupiah, dan tanggal gaya Indonesia lewat Babel."""

from __future__ import annotations

import datetime as dt
import decimal

import numpy as np
import pandas as pd
import pytest
from babel.numbers import format_percent

from p3pd import notebook
from p3pd.format import (
    KOSONG,
    TIDAK_ADA_DATA,
    TIDAK_BERLAKU,
    angka,
    persen,
    rupiah,
    tabel_rapi,
    tanggal,
)


@pytest.mark.parametrize(
    ("nilai", "desimal", "harapan"),
    [
        (1234, 0, "1.234"),
        (1234.5, 1, "1.234,5"),
        (1234567.891, 2, "1.234.567,89"),
        (0, 0, "0"),
        (-1234.5, 1, "-1.234,5"),
        (1234, 1, "1.234,0"),
        (np.int64(75000), 0, "75.000"),
        (np.float32(1.5), 1, "1,5"),
    ],
)
def test_angka(nilai: object, desimal: int, harapan: str) -> None:
    assert angka(nilai, desimal) == harapan


def test_angka_dibulatkan_setengah_ke_atas_seperti_excel() -> None:
    # Pembulatan bawaan decimal (bankir) akan memberi "2" dan "0,12".
    assert angka(2.5) == "3"
    assert angka(0.125, 2) == "0,13"
    assert angka(3.5) == "4"


@pytest.mark.parametrize("kosong", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_nilai_kosong_jadi_tidak_ada_data(kosong: object) -> None:
    assert TIDAK_ADA_DATA == "tidak ada data" == KOSONG
    assert TIDAK_ADA_DATA is notebook.TIDAK_ADA_DATA  # satu konstanta untuk seluruh paket
    for hasil in (angka(kosong), persen(kosong), rupiah(kosong), tanggal(kosong)):
        assert hasil == "tidak ada data"
        assert "nan" not in hasil.replace("tidak ada data", "") and "\u2013" not in hasil


@pytest.mark.parametrize("kosong", [None, np.nan, pd.NA])
def test_nilai_tidak_berlaku_memakai_tanda_pisah_bila_diminta(kosong: object) -> None:
    assert TIDAK_BERLAKU == "\u2013"
    assert angka(kosong, kosong=TIDAK_BERLAKU) == "\u2013"
    assert persen(kosong, 2, kosong=TIDAK_BERLAKU) == "\u2013"
    assert rupiah(kosong, kosong=TIDAK_BERLAKU) == "\u2013"
    assert tanggal(kosong, kosong=TIDAK_BERLAKU) == "\u2013"
    # nilai yang ada tetap diformat biasa
    assert persen(45.6, kosong=TIDAK_BERLAKU) == "45,6%"


def test_angka_menolak_teks_dan_desimal_salah() -> None:
    with pytest.raises(TypeError, match="bukan bilangan"):
        angka("seratus")
    with pytest.raises(ValueError, match="desimal"):
        angka(1, -1)
    with pytest.raises(ValueError, match="tak hingga"):
        angka(float("inf"))


@pytest.mark.parametrize(
    ("nilai", "desimal", "harapan"),
    [
        (45.6, 1, "45,6%"),
        (45.65, 1, "45,7%"),  # 45.65/100 dalam float akan menjadi 45,6 bila tidak hati-hati
        (100, 0, "100%"),
        (0.05, 2, "0,05%"),
        (1234.5, 1, "1.234,5%"),
        (-3.25, 1, "-3,3%"),
    ],
)
def test_persen(nilai: float, desimal: int, harapan: str) -> None:
    assert persen(nilai, desimal) == harapan


def test_persen_sama_dengan_pola_babel_lokal_id() -> None:
    # Keputusan terdokumentasi: ikuti pola Babel untuk id (tanda % rapat, tanpa spasi/NBSP).
    assert persen(46, 0) == format_percent(0.46, locale="id_ID")
    assert " " not in persen(45.6) and "\u00a0" not in persen(45.6)


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (1_234_567_890, "Rp1,2 miliar"),
        (950_000_000, "Rp950 juta"),
        (12_500_000_000_000, "Rp12,5 triliun"),
        (750_000, "Rp750.000"),
        (999_999, "Rp999.999"),
        (1_000_000, "Rp1 juta"),
        (2_500_000, "Rp2,5 juta"),
        (1_050_000_000, "Rp1,1 miliar"),  # setengah ke atas
        (999_960_000, "Rp1 miliar"),
        (-1_200_000_000, "-Rp1,2 miliar"),
        (0, "Rp0"),
    ],
)
def test_rupiah_singkat(nilai: float, harapan: str) -> None:
    assert rupiah(nilai) == harapan


def test_rupiah_lengkap() -> None:
    assert rupiah(1_234_567, singkat=False) == "Rp1.234.567"
    assert rupiah(1_234_567_890, singkat=False) == "Rp1.234.567.890"
    assert rupiah(1_234_567.5, singkat=False) == "Rp1.234.568"
    assert rupiah(-1_234_567, singkat=False) == "-Rp1.234.567"


def test_rupiah_singkat_memakai_spasi_biasa() -> None:
    teks = rupiah(1_234_567_890)
    assert "\u00a0" not in teks
    assert teks.split(" ")[1] == "miliar"


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (dt.date(2024, 7, 9), "9 Juli 2024"),
        (dt.datetime(2024, 7, 12, 15, 30), "12 Juli 2024"),
        (pd.Timestamp("2024-01-01"), "1 Januari 2024"),
        ("2024-08-17", "17 Agustus 2024"),
        (dt.date(2023, 12, 31), "31 Desember 2023"),
    ],
)
def test_tanggal(nilai: object, harapan: str) -> None:
    assert tanggal(nilai) == harapan


def test_tanggal_menolak_teks_bukan_tanggal() -> None:
    with pytest.raises(ValueError, match="TTTT-BB-HH"):
        tanggal("9 Juli")
    with pytest.raises(TypeError, match="bukan tanggal"):
        tanggal(20240709)


def test_fungsi_tidak_mengubah_konteks_decimal() -> None:
    sebelum = decimal.getcontext().rounding
    angka(2.5)
    persen(1.25)
    rupiah(1_050_000_000)
    assert decimal.getcontext().rounding == sebelum


def test_tabel_rapi_memformat_kolom_terpilih_saja() -> None:
    df = pd.DataFrame(
        {
            "desa": ["Sumberejo", "Kaliwungu"],
            "porsi": [25.0, np.nan],
            "belanja": [1_234_567_890, 750_000],
            "penduduk": [12345, 987],
            "catatan": ["a", "b"],
        }
    )
    asli = df.copy()
    hasil = tabel_rapi(
        df, kolom_persen=["porsi"], kolom_rupiah=["belanja"], kolom_angka=["penduduk"]
    )
    assert hasil["porsi"].tolist() == ["25,0%", "tidak ada data"]
    assert hasil["belanja"].tolist() == ["Rp1,2 miliar", "Rp750.000"]
    assert hasil["penduduk"].tolist() == ["12.345", "987"]
    assert hasil["catatan"].tolist() == ["a", "b"]
    assert list(hasil.columns) == list(df.columns)
    pd.testing.assert_frame_equal(df, asli)  # masukan tidak berubah


def test_tabel_rapi_pilihan_desimal_dan_rupiah_lengkap() -> None:
    df = pd.DataFrame({"p": [12.345], "r": [1_500_000], "a": [2.25]})
    hasil = tabel_rapi(df, "p", "r", "a", desimal_persen=2, desimal_angka=1, rupiah_singkat=False)
    assert hasil.iloc[0].tolist() == ["12,35%", "Rp1.500.000", "2,3"]


def test_tabel_rapi_kolom_salah() -> None:
    df = pd.DataFrame({"a": [1.0]})
    with pytest.raises(KeyError, match="'b'"):
        tabel_rapi(df, kolom_persen=["b"])
    with pytest.raises(ValueError, match="dua format"):
        tabel_rapi(df, kolom_persen=["a"], kolom_angka=["a"])


def test_tabel_rapi_sel_kosong_di_semua_kolom_tidak_ada_data() -> None:
    df = pd.DataFrame(
        {
            "desa": ["Sumberejo", None],
            "capaian": [np.nan, 80.0],
            "target": [np.nan, 95.0],
            "jumlah": [3.0, np.nan],
            "memenuhi": pd.array([True, pd.NA], dtype="boolean"),
        }
    )
    asli = df.copy()
    hasil = tabel_rapi(df, kolom_persen=["capaian", "target"], tidak_berlaku=["target"])
    assert hasil["capaian"].tolist() == ["tidak ada data", "80,0%"]
    assert hasil["target"].tolist() == [TIDAK_BERLAKU, "95,0%"]
    assert hasil["desa"].tolist() == ["Sumberejo", "tidak ada data"]
    assert hasil["jumlah"].tolist() == [3.0, "tidak ada data"]
    assert hasil["memenuhi"].tolist() == [True, "tidak ada data"]
    teks = hasil.to_string()
    assert "NaN" not in teks and "<NA>" not in teks and "None" not in teks
    pd.testing.assert_frame_equal(df, asli)  # masukan tidak berubah


def test_tabel_rapi_kolom_tidak_berlaku_harus_ada() -> None:
    with pytest.raises(KeyError, match="'target'"):
        tabel_rapi(pd.DataFrame({"a": [1.0]}), tidak_berlaku=["target"])


@pytest.mark.parametrize(
    "urutan", ["import p3pd.format", "import p3pd.notebook; import p3pd.format"]
)
def test_tidak_ada_data_tanpa_impor_melingkar(urutan: str) -> None:
    """format mengambil TIDAK_ADA_DATA dari notebook; notebook tetap ringan (tanpa pandas)."""
    import subprocess
    import sys

    kode = (
        f"{urutan}; import sys; "
        "from p3pd import format, notebook; "
        "assert format.TIDAK_ADA_DATA is notebook.TIDAK_ADA_DATA; "
        "print('p3pd.format' in sys.modules)"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    ringan = subprocess.run(
        [sys.executable, "-c", "import sys, p3pd.notebook; print('pandas' in sys.modules)"],
        capture_output=True,
        text=True,
    )
    assert ringan.stdout.strip() == "False", ringan.stderr
