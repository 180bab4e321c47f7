"""Uji kotak "tidak ada data" untuk notebook yang berjalan di atas data sebagian."""

from __future__ import annotations

import pandas as pd

from p3pd.notebook import TIDAK_ADA_DATA, ada_tabel, tidak_ada_data


def test_kotak_menyebut_berkas_judul_dan_bagian():
    kotak = tidak_ada_data("belanja", "porsi APBDes per layanan")
    assert kotak.teks.startswith("Tidak ada data")
    assert "apbdes_belanja.csv" in kotak.teks
    assert "porsi APBDes per layanan" in kotak.teks
    assert "p3pd impor" in kotak.teks
    assert "tidak ada data" in kotak._repr_html_().lower()


def test_tabel_tak_dikenal_tetap_disebut_namanya():
    assert "rahasia.csv" in tidak_ada_data("rahasia").teks


def test_ada_tabel(capsys):
    data = {"wilayah": pd.DataFrame({"kode_desa": ["1"]}), "belanja": pd.DataFrame()}
    assert ada_tabel(data, "wilayah") is True
    assert capsys.readouterr().out == ""
    assert ada_tabel(data, "belanja", "porsi") is False
    assert ada_tabel(data, "usulan") is False
    keluar = capsys.readouterr().out
    assert keluar.count("Tidak ada data") == 2
    assert "usulan_desa.csv" in keluar and "apbdes_belanja.csv" in keluar
    assert TIDAK_ADA_DATA == "tidak ada data"
