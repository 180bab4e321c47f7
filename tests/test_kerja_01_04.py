"""Uji ``p3pd kerja`` untuk notebook 01–04 atas data sendiri Kecamatan Batu (di luar wilayah latihan).

Folder data dibuat ``tests/data_sendiri.py`` (daftar desa dan fasilitas nyata dari cuplikan Podes
2024). Folder **tanpa indikator** (``indikator_desa.csv`` dihapus) meniru folder kasi PMD yang
belum punya tabel indikator: salinan notebook 01–04 harus berjalan dari atas ke bawah, bagian
indikator menampilkan kotak "Tidak ada data", dan keluarannya tidak menyebut data latihan, ``p3pd
data``, ``NaN``, atau peringatan berbahasa Inggris. Folder **sebagian** (dengan indikator kesehatan
yang diisi untuk uji) memeriksa tabel notebook 03 dan 04 dan sebutan pembanding lampu.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from data_sendiri import buat_batu_sebagian

from p3pd.kerja import siapkan_kerja
from p3pd.notebook import jalankan_notebook

NOTEBOOK = {
    "01": "01_kecamatan_rumah_bersama",
    "02": "02_membaca_data_desa",
    "03": "03_indikator_layanan_dasar",
    "04": "04_diagnosis_desa_prioritas",
}
TERLARANG = ("p3pd data", "sintetis", "data latihan", "NaN", "<NA>", "RuntimeWarning")
"""Kata yang tidak boleh muncul di keluaran salinan notebook atas data sendiri."""


def _jalankan(data: Path, akar: Path, nomor: list[str]) -> dict:
    """``p3pd kerja`` atas ``data`` (tahun 2024), lalu salinan notebook ``nomor`` dijalankan."""
    tujuan = akar / "salinan"
    siapkan_kerja(data, "Batu", tahun=2024, folder_kerja=tujuan)
    return {
        n: jalankan_notebook(tujuan / f"{NOTEBOOK[n]}.ipynb", batas_waktu=300, simpan=False)
        for n in nomor
    }


@pytest.fixture(scope="module")
def tanpa_indikator(tmp_path_factory: pytest.TempPathFactory) -> dict:
    akar = tmp_path_factory.mktemp("tanpa_indikator_0104")
    data = buat_batu_sebagian(akar / "data")
    (data / "indikator_desa.csv").unlink()
    return _jalankan(data, akar, list(NOTEBOOK))


@pytest.fixture(scope="module")
def dengan_indikator(tmp_path_factory: pytest.TempPathFactory) -> dict:
    akar = tmp_path_factory.mktemp("sebagian_0104")
    return _jalankan(buat_batu_sebagian(akar / "data"), akar, ["03", "04"])


def _keluaran(nb) -> str:
    """Semua keluaran (teks, HTML, galat) satu notebook sebagai satu teks."""
    return json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)


def _galat(nb) -> list[str]:
    return [
        f"sel {i}: {o.get('ename')}: {o.get('evalue')}"
        for i, sel in enumerate(nb.cells)
        for o in sel.get("outputs", [])
        if o.get("output_type") == "error"
    ]


@pytest.mark.parametrize("nomor", list(NOTEBOOK))
def test_tanpa_indikator_berjalan_dengan_kotak_tidak_ada_data(tanpa_indikator, nomor):
    nb = tanpa_indikator[nomor]
    assert _galat(nb) == []
    teks = _keluaran(nb)
    assert "Tidak ada data" in teks and "indikator_desa.csv" in teks
    for kata in TERLARANG:
        assert kata not in teks, kata


def test_tanpa_indikator_jumlah_desa_dan_kelurahan(tanpa_indikator):
    assert "2 desa/kelurahan" in _keluaran(tanpa_indikator["01"])
    assert (
        "Kecamatan BATU punya 2 desa/kelurahan — daftar desa Anda (wilayah_desa.csv) baru memuat "
        "2 dari 8 desa/kelurahan kecamatan ini menurut daftar wilayah nasional (Kepmendagri 2025: "
        "4 desa dan 4 kelurahan)."
    ) in _keluaran(tanpa_indikator["04"])


def test_tanpa_indikator_04_tetap_menampilkan_fasilitas(tanpa_indikator):
    teks = _keluaran(tanpa_indikator["04"])
    assert "jarak_puskesmas_km" in teks and "ORO-ORO OMBO" in teks


def test_contoh_kabupaten_latihan_dilewati_di_data_sendiri(tanpa_indikator, dengan_indikator):
    for nb in (tanpa_indikator["03"], dengan_indikator["03"]):
        teks = _keluaran(nb)
        assert "Kabupaten Semarang 2022" not in teks
        assert "dilewati untuk folder data sendiri" in teks


@pytest.mark.parametrize("nomor", ["03", "04"])
def test_dengan_indikator_tanpa_nan_dan_peringatan(dengan_indikator, nomor):
    nb = dengan_indikator[nomor]
    assert _galat(nb) == []
    teks = _keluaran(nb)
    assert "Tidak ada data" not in teks
    for kata in TERLARANG:
        assert kata not in teks, kata


def test_pembanding_lampu_bukan_kabupaten_bila_folder_sebagian(dengan_indikator):
    teks = _keluaran(dengan_indikator["04"])
    assert "Pembanding lampu: gabungan desa/kelurahan di data ini (2 dari 24 desa/kelurahan" in teks
