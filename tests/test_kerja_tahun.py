"""``p3pd kerja`` memilih tahun dari baris kecamatan yang dipilih, dan menyebut asalnya."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from data_sendiri import PEMILIK, TERBITAN_ISIAN, buat_batu_sebagian

from p3pd.cli import main
from p3pd.impor import impor
from p3pd.kerja import pilih_tahun, tahun_terakhir

LEBIH = Path(__file__).parent / "data_nyata" / "realisasi_apbdes_desa_lebih_2023_cuplikan.csv"


def _tabel(**kolom) -> pd.DataFrame:
    return pd.DataFrame(kolom)


def test_tahun_dari_baris_kecamatan_terpilih_bukan_kecamatan_lain():
    data = {
        "wilayah": _tabel(kode_desa=["35.79.01.2006", "51.04.03.2004"]),
        "belanja": _tabel(kode_desa=["51.04.03.2004"], tahun=[2023]),
        "fasilitas": _tabel(kode_desa=["35.79.01.2006"], tahun=[2024]),
    }
    assert pilih_tahun(data, "35.79.01") == (2024, "fasilitas")
    assert pilih_tahun(data, "51.04.03") == (2023, "belanja")
    assert tahun_terakhir(data, "35.79.01") == 2024


def test_indikator_kecamatan_didahulukan_dan_tabel_tanpa_kode_terakhir():
    data = {
        "belanja": _tabel(kode_desa=["35.79.01.2006"], tahun=[2025]),
        "indikator": _tabel(kode_desa=["35.79.01.2006", "51.04.03.2004"], tahun=[2024, 2026]),
        "program": _tabel(kode_kabupaten=["35.79"], tahun=[2027]),
    }
    assert pilih_tahun(data, "35.79.01") == (2024, "indikator")
    # kecamatan tanpa baris di tabel berkode mana pun: baru tabel tanpa kode desa/kecamatan
    assert pilih_tahun(data, "35.79.02") == (2027, "program")
    assert pilih_tahun({"wilayah": _tabel(kode_desa=["35.79.01.2006"])}, "35.79.01") is None


def test_kerja_tidak_memakai_tahun_apbdes_kecamatan_lain(tmp_path, capsys):
    """Folder Kota Batu tanpa indikator (Podes + angka terbitan 2024, diisi untuk uji) ditambah
    APBDes 2023 Desa Lebih (Gianyar) lewat impor: tahun kerja Batu tetap 2024."""
    folder = buat_batu_sebagian(tmp_path / "data_kami")
    (folder / "indikator_desa.csv").unlink()
    impor(LEBIH, "siskeudes_apbdes", folder, pemilik=PEMILIK)
    (folder / "angka_terbitan.csv").write_text(TERBITAN_ISIAN, encoding="utf-8")
    assert "2024" in TERBITAN_ISIAN and "2025" not in TERBITAN_ISIAN
    tujuan = tmp_path / "kerja"
    argumen = ["kerja", "--data", str(folder), "--kecamatan", "Batu", "--tanpa-buka",
               "--folder-kerja", str(tujuan)]  # fmt: skip
    assert main(argumen) == 0
    keluaran = capsys.readouterr().out
    assert "tahun 2024 (tahun terakhir di angka_terbitan.csv untuk kecamatan ini)" in keluaran
    # kecamatan Gianyar (hanya APBDes 2023 Desa Lebih)
    argumen[4] = "51.04.03"
    argumen[-1] = str(tmp_path / "kerja_gianyar")
    assert main(argumen) == 0
    assert "tahun 2023 (tahun terakhir di apbdes_belanja.csv untuk kecamatan ini)" in (
        capsys.readouterr().out
    )
