"""Uji kotak "tidak ada data" untuk notebook yang berjalan di atas data sebagian."""

from __future__ import annotations

import pandas as pd
import pytest

from p3pd.lokasi import folder_proyek
from p3pd.notebook import TIDAK_ADA_DATA, ada_tabel, tidak_ada_data
from p3pd.skema import TABEL_DIKENAL


def test_kotak_menyebut_berkas_judul_dan_bagian():
    kotak = tidak_ada_data("belanja", "porsi APBDes per layanan")
    assert kotak.teks.startswith("Tidak ada data")
    assert "apbdes_belanja.csv" in kotak.teks
    assert "porsi APBDes per layanan" in kotak.teks
    assert "p3pd impor --preset siskeudes_apbdes" in kotak.teks
    assert "tidak ada data" in kotak._repr_html_().lower()


@pytest.mark.parametrize(
    ("nama", "preset"),
    [("fasilitas", "podes_fasilitas"), ("pendapatan", "siskeudes_apbdes"), ("terbitan", "idm")],
)
def test_tabel_berpreset_diisi_dengan_p3pd_impor(nama, preset):
    teks = tidak_ada_data(nama).teks
    assert f"p3pd impor --preset {preset}" in teks
    assert "isi sendiri" not in teks


@pytest.mark.parametrize(
    "nama",
    ["indikator", "usulan", "usulan_tindak_lanjut", "program", "program_desa", "pemangku"],
)
def test_tabel_tanpa_preset_diisi_sendiri_lalu_diperiksa(nama):
    berkas = TABEL_DIKENAL[nama].berkas
    teks = tidak_ada_data(nama).teks
    assert "p3pd impor" not in teks
    assert f"isi sendiri di Excel dengan kolom seperti data/{berkas}" in teks
    assert "data/KAMUS_DATA.md" in teks and "p3pd periksa" in teks
    assert (folder_proyek() / "data" / berkas).is_file()


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
