"""Jalur data sendiri dari awal sampai akhir, seperti README untuk kecamatan di luar wilayah latihan.

Folder uji dibuat ``tests/data_sendiri.py`` (Kecamatan Batu, Kota Batu; lihat docstring-nya
untuk apa yang nyata dan apa yang diisi untuk uji).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from data_sendiri import (
    KODE_DESA,
    KODE_KELURAHAN,
    PEMILIK,
    buat_batu_lengkap,
    buat_batu_sebagian,
)

from p3pd.label import label_data
from p3pd.muat import muat_folder
from p3pd.muat_antartabel import periksa_antartabel

TABEL_SEBAGIAN = {"wilayah", "fasilitas", "indikator"}
TABEL_LENGKAP = TABEL_SEBAGIAN | {
    "belanja",
    "belanja_kegiatan",
    "pendapatan",
    "usulan",
    "usulan_tindak_lanjut",
    "program",
    "program_desa",
    "pemangku",
    "terbitan",
}


@pytest.mark.parametrize(
    ("buat", "harapan"),
    [(buat_batu_sebagian, TABEL_SEBAGIAN), (buat_batu_lengkap, TABEL_LENGKAP)],
)
def test_folder_uji_batu_lolos_pemuat_dan_antartabel(tmp_path: Path, buat, harapan):
    folder = buat(tmp_path / "batu")
    data = muat_folder(folder)
    assert set(data) == harapan
    assert periksa_antartabel(data, {}) == []
    assert data["wilayah"].attrs["catatan_antartabel"] == []
    assert set(data["wilayah"]["kode_desa"]) == {KODE_DESA, KODE_KELURAHAN}
    assert set(data["wilayah"]["kode_kecamatan"]) == {"35.79.01"}
    label = label_data(folder)
    assert not label.sintetis
    assert label.teks.startswith(f"Data milik {PEMILIK}, sumber: BPS, Pendataan Potensi Desa")
    assert "diisi untuk uji, bukan angka nyata" in label.teks
    for nama in ("belanja", "belanja_kegiatan", "pendapatan"):
        if nama in data:
            assert set(data[nama]["kode_desa"]) == {KODE_DESA}, "APBDes hanya untuk desa"


def test_apbdes_uji_dari_preset_siskeudes_konsisten(tmp_path: Path):
    data = muat_folder(buat_batu_lengkap(tmp_path / "batu"))
    belanja, kegiatan = data["belanja"], data["belanja_kegiatan"]
    sub11 = belanja.loc[belanja["kode_sub_bidang"] == "1.1"].iloc[0]
    assert sub11["anggaran"] == kegiatan["anggaran"].sum() == 735_000_000
    assert sub11["realisasi"] == kegiatan["realisasi"].sum() == 722_300_000
    assert (belanja["realisasi"] <= belanja["anggaran"]).all()
    assert sorted(belanja["kode_sub_bidang"]) == [
        "1.1", "1.3", "2.1", "2.2", "2.3", "2.4", "3.2", "4.5", "5.3"
    ]  # fmt: skip
    assert data["pendapatan"].iloc[0]["dana_desa"] == 1_050_000_000
