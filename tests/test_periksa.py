"""Uji sub-perintah ``p3pd periksa`` (p3pd.periksa) lewat ``p3pd.cli``."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from p3pd import cli, periksa
from p3pd.galat import DataTidakValid


def sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def jalankan_cli(*argumen: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "p3pd.cli", *argumen], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def berkas_belanja_kacau(tmp_path: Path) -> Path:
    path = tmp_path / "belanja_kacau.csv"
    path.write_text(
        "kode_desa;tahun;kode_sub_bidang;anggaran;realisasi\n"
        "33.22.01.2001;2024;2.1;1.500.000;n/a\n"
        "33.22.1.2002;2024;2.2;2.000.000;0\n",
        encoding="utf-8",
    )
    return path


def test_berkas_rapi_dilaporkan_ok(tmp_path, tabel_contoh, capsys):
    path = tmp_path / "usulan_kecamatan_kami.csv"
    data = tabel_contoh("usulan")
    data["catatan"] = "-"
    data.to_csv(path, index=False, sep=";")
    sebelum = sidik(path)
    assert cli.main(["periksa", str(path)]) == 0
    keluaran = capsys.readouterr().out
    assert "Tabel              : usulan" in keluaran
    assert "ditebak dari nama berkas dan judul kolom" in keluaran
    assert "Baris data         : 30" in keluaran
    assert "Kolom tambahan     : catatan" in keluaran
    assert "Pemisah kolom ';' (titik koma) dikenali." in keluaran
    assert "OK" in keluaran
    assert sidik(path) == sebelum


def test_berkas_bermasalah_kode_keluar_2_dan_pesan(berkas_belanja_kacau, capsys):
    sebelum = sidik(berkas_belanja_kacau)
    assert cli.main(["periksa", str(berkas_belanja_kacau)]) == 2
    tangkap = capsys.readouterr()
    assert tangkap.out == ""
    assert tangkap.err.startswith("PESAN KESALAHAN: Berkas '")
    assert "belanja_kacau.csv" in tangkap.err
    assert "Kolom 'realisasi', baris 2: berisi teks" in tangkap.err
    assert "Kolom 'kode_desa', baris 3" in tangkap.err
    assert "Traceback" not in tangkap.err
    assert sidik(berkas_belanja_kacau) == sebelum


def test_tabel_dipilih_dan_salah_nama(tmp_path, tabel_contoh, capsys):
    path = tmp_path / "data.csv"
    tabel_contoh("fasilitas").to_csv(path, index=False)
    assert cli.main(["periksa", str(path), "--tabel", "fasilitas"]) == 0
    assert "dipilih dengan --tabel" in capsys.readouterr().out
    assert cli.main(["periksa", str(path), "--tabel", "fasilitass"]) == 2
    assert "Mungkin maksud Anda: 'fasilitas'?" in capsys.readouterr().err


def test_wilayah_dikenal(tmp_path, tabel_contoh, capsys):
    path = tmp_path / "fasilitas.csv"
    tabel_contoh("fasilitas", kode_kecamatan="33.73.04").to_csv(path, index=False)
    assert cli.main(["periksa", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["periksa", str(path), "--wilayah-dikenal"]) == 2
    assert "tidak termasuk wilayah latihan" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("nama_berkas", "tabel", "alasan"),
    [
        ("apbdes_belanja.csv", "belanja", "nama berkas dan judul kolom"),
        ("kiriman_desa.csv", "belanja", "judul kolom"),
        ("belanja_2024.csv", "belanja", "nama berkas dan judul kolom"),
    ],
)
def test_tebak_tabel_dari_nama_dan_kolom(tmp_path, tabel_contoh, nama_berkas, tabel, alasan):
    path = tmp_path / nama_berkas
    tabel_contoh(tabel).to_csv(path, index=False)
    nama, teks = periksa.tebak_tabel(path)
    assert nama == tabel
    assert alasan in teks


def test_tebak_tabel_dari_nama_saja_lalu_kolom_hilang_dilaporkan(tmp_path, capsys):
    path = tmp_path / "pendapatan_desa.csv"
    path.write_text("kode_desa,tahun,dana_desa\n33.22.01.2001,2024,5\n")
    assert periksa.tebak_tabel(path) == ("pendapatan", "ditebak dari nama berkas")
    # Hanya kolom kunci yang wajib; kolom pendapatan lain opsional (tidak tersedia, issue #10).
    assert cli.main(["periksa", str(path)]) == 0
    keluar = capsys.readouterr().out
    assert "4 kolom tidak ada di berkas dan dianggap tidak tersedia" in keluar
    assert "Kolom              : 3 (3 sesuai skema, 0 tambahan; 4 kolom skema tidak" in keluar
    assert "alokasi_dana_desa" in keluar
    path.write_text("kode_desa,dana_desa\n33.22.01.2001,5\n")
    assert cli.main(["periksa", str(path)]) == 2
    assert "kolom wajib ini tidak ada" in capsys.readouterr().err


def test_tebak_tabel_gagal(tmp_path):
    path = tmp_path / "catatan.csv"
    path.write_text("kode_desa,warna\n33.22.01.2001,merah\n")
    with pytest.raises(DataTidakValid) as info:
        periksa.tebak_tabel(path)
    assert "--tabel NAMA" in str(info.value)
    assert "catatan.csv" in str(info.value)


def test_tebak_tabel_xlsx(tmp_path, tabel_contoh):
    path = tmp_path / "kiriman.xlsx"
    tabel_contoh("pemangku").to_excel(path, index=False)
    assert periksa.tebak_tabel(path)[0] == "pemangku"


def test_berkas_tidak_ada(tmp_path, capsys):
    assert cli.main(["periksa", str(tmp_path / "tidak_ada.csv")]) == 2
    err = capsys.readouterr().err
    assert "tidak_ada.csv" in err and "tidak ditemukan" in err


def test_subproses_berhasil(tmp_path, tabel_contoh):
    path = tmp_path / "wilayah_desa.csv"
    tabel_contoh("wilayah").to_csv(path, index=False)
    hasil = jalankan_cli("periksa", str(path))
    assert hasil.returncode == 0, hasil.stderr
    assert "Tabel              : wilayah" in hasil.stdout
    assert "Baris data         : 15" in hasil.stdout


def test_subproses_gagal_tanpa_traceback(berkas_belanja_kacau):
    hasil = jalankan_cli("periksa", str(berkas_belanja_kacau), "--tabel", "belanja")
    assert hasil.returncode == 2
    assert "PESAN KESALAHAN:" in hasil.stderr
    assert "belanja_kacau.csv" in hasil.stderr
    assert "'realisasi', baris 2" in hasil.stderr
    assert "Traceback" not in hasil.stderr
