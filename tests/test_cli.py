"""Uji perintah baris p3pd: bantuan berbahasa Indonesia, galat tanpa traceback, ringkasan data."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from p3pd import cli, format, indikator, muat
from p3pd.cli import SUB_PERINTAH
from p3pd.lokasi import folder_data


def _jalankan(*argumen: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "p3pd.cli", *argumen], capture_output=True, text=True, timeout=120
    )


def test_bantuan_utama_berbahasa_indonesia():
    hasil = _jalankan("--help")
    assert hasil.returncode == 0
    assert hasil.stdout.startswith("Penggunaan: p3pd")
    assert "sintetis" in hasil.stdout and "perintah" in hasil.stdout
    for nama in SUB_PERINTAH:
        assert nama in hasil.stdout
    assert "usage:" not in hasil.stdout and "show this help" not in hasil.stdout


@pytest.mark.parametrize("perintah", sorted(SUB_PERINTAH))
def test_bantuan_setiap_perintah(perintah, capsys):
    with pytest.raises(SystemExit) as keluar:
        cli.main([perintah, "--help"])
    assert keluar.value.code == 0
    teks = capsys.readouterr().out
    assert teks.startswith(f"Penggunaan: p3pd {perintah}")
    assert "Penggunaan: Penggunaan:" not in teks
    assert "tampilkan bantuan ini" in teks


def test_perintah_tidak_dikenal_dan_tanpa_perintah(capsys):
    with pytest.raises(SystemExit) as keluar:
        cli.main(["hapus-semua"])
    assert keluar.value.code == 2
    galat = capsys.readouterr().err
    assert "pilihan tidak sah" in galat and "invalid choice" not in galat
    assert cli.main([]) == 2


def test_ringkasan_data_latihan_sesuai_perhitungan(capsys):
    assert cli.main(["ringkasan", "--tahun", "2023"]) == 0
    teks = capsys.readouterr().out
    assert teks.startswith("DATA SINTETIS UNTUK LATIHAN")
    assert "1.131 desa di 93 kecamatan, 4 kabupaten." in teks
    data = muat.muat_indikator()
    kab = indikator.hitung_capaian(data, "kabupaten", tahun=2023, indikator="stunting")
    semarang = kab.set_index("kode_wilayah").loc["33.22", "capaian"]
    baris = next(b for b in teks.splitlines() if b.strip().startswith("Prevalensi balita stunting"))
    assert format.persen(semarang) in baris


def test_ringkasan_folder_rusak_menyebut_berkas_dan_keluar_2(tmp_path):
    for berkas in folder_data().glob("*.csv"):
        shutil.copy(berkas, tmp_path / berkas.name)
    sasaran = tmp_path / "fasilitas_desa.csv"
    baris = sasaran.read_text(encoding="utf-8").splitlines()
    kolom = baris[0].split(",")
    isi = baris[3].split(",")
    isi[kolom.index("posyandu_aktif")] = "-5"
    baris[3] = ",".join(isi)
    sasaran.write_text("\n".join(baris) + "\n", encoding="utf-8")
    hasil = _jalankan("ringkasan", "--data", str(tmp_path))
    assert hasil.returncode == 2
    assert "fasilitas_desa.csv" in hasil.stderr and "posyandu_aktif" in hasil.stderr
    assert "baris 4" in hasil.stderr
    assert "Traceback" not in hasil.stderr


def test_ringkasan_folder_tidak_ada(tmp_path, capsys):
    assert cli.main(["ringkasan", "--data", str(tmp_path / "tidak_ada")]) == 2
    assert "p3pd data" in capsys.readouterr().err


def test_ringkasan_tahun_tidak_ada(capsys):
    assert cli.main(["ringkasan", "--tahun", "2019"]) == 2
    assert "Tahun 2019 tidak ada" in capsys.readouterr().err
