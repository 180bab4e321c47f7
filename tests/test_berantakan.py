"""Uji sampel data berantakan (p3pd.berantakan)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from p3pd import muat, skema
from p3pd.berantakan import NAMA_CSV, NAMA_README, NAMA_XLSX, buat_sampel_berantakan
from p3pd.galat import DataTidakValid
from p3pd.label import label_data
from p3pd.lokasi import folder_proyek


def sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sampel(tmp_path, folder_data_contoh) -> list[Path]:
    return buat_sampel_berantakan(tmp_path / "keluaran")


def test_berkas_ditulis(sampel):
    assert [p.name for p in sampel] == [NAMA_CSV, NAMA_XLSX, NAMA_README, "DATA_SINTETIS.json"]
    assert label_data(sampel[0].parent).sintetis  # contoh berantakan juga data sintetis
    assert all(p.is_file() and p.stat().st_size > 0 for p in sampel)
    assert not list(sampel[0].parent.glob("*.tmp"))


def test_data_bersih_tidak_diubah(tmp_path, folder_data_contoh):
    sebelum = {p.name: sidik(p) for p in folder_data_contoh.iterdir()}
    buat_sampel_berantakan(tmp_path / "keluaran")
    assert {p.name: sidik(p) for p in folder_data_contoh.iterdir()} == sebelum
    muat.muat_indikator()  # tabel bersih tetap lolos pemeriksaan


def test_tetap_untuk_benih_sama_dan_berbeda_untuk_benih_lain(tmp_path, folder_data_contoh):
    a = buat_sampel_berantakan(tmp_path / "a", benih=7)
    b = buat_sampel_berantakan(tmp_path / "b", benih=7)
    c = buat_sampel_berantakan(tmp_path / "c", benih=8)
    assert [sidik(p) for p in a] == [sidik(p) for p in b]
    assert sidik(a[0]) != sidik(c[0])


def test_folder_sumber_eksplisit(tmp_path, folder_data_contoh, monkeypatch):
    monkeypatch.setenv("P3PD_DATA", str(tmp_path / "tidak_ada"))
    hasil = buat_sampel_berantakan(tmp_path / "k", folder_sumber=folder_data_contoh)
    assert hasil[0].is_file()


def _baris_readme(readme: str, kolom: str) -> list[int]:
    for baris in readme.splitlines():
        if f"`{kolom}`" in baris:
            isi = baris.rstrip(" |").rsplit("|", 1)[-1].strip()
            return [int(x) for x in isi.split(", ")] if isi != "–" else []
    raise AssertionError(kolom)


@pytest.mark.parametrize("indeks", [0, 1])
def test_masalah_yang_ditanam_ditemukan_pemuat(sampel, indeks):
    berkas = sampel[indeks]
    readme = sampel[2].read_text(encoding="utf-8")
    sebelum = sidik(berkas)
    with pytest.raises(DataTidakValid) as info:
        muat.muat_indikator(berkas)
    assert sidik(berkas) == sebelum
    galat = info.value
    pesan = str(galat)
    # Kolom indikator yang tidak ada = tidak tersedia (issue #10), bukan salah satu galat.
    assert len(galat.masalah) == 5
    assert "anak_0_17_akta" not in pesan
    for kolom, contoh in (("balita_diukur", "'n/a'"), ("anak_idl", "'-'"), ("anak_7_12", "jiwa")):
        (baris,) = _baris_readme(readme, kolom)
        assert f"Kolom '{kolom}', baris {baris}: berisi teks" in pesan
        assert contoh in pesan
    (baris,) = _baris_readme(readme, "balita_stunting")
    assert f"Kolom 'balita_stunting', 'balita_diukur', baris {baris}:" in pesan
    kembar = _baris_readme(readme, "kode_desa, tahun")
    assert f"baris {kembar[0]} dan {kembar[1]}" in pesan
    assert "kembar persis" in pesan


def test_hanya_masalah_lunak_bila_masalah_keras_diperbaiki(sampel):
    """Setelah masalah keras diperbaiki, berkas dimuat dan perapiannya dicatat."""
    import pandas as pd

    mentah = pd.read_csv(sampel[0], sep=";", dtype=str, keep_default_na=False)
    mentah = mentah.drop_duplicates().copy()
    for kolom in ("balita_diukur", "anak_idl", "anak_7_12"):
        mentah[kolom] = mentah[kolom].str.replace(r"\D", "", regex=True).replace("", "0")
    mentah["balita_diukur"] = mentah["balita_diukur"].astype(int).clip(lower=1000).astype(str)
    mentah["anak_idl"] = "0"
    path = sampel[0].with_name("diperbaiki.csv")
    mentah.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    data = muat.muat_indikator(path)
    assert len(data) == len(mentah)
    assert data["anak_0_17_akta"].isna().all()  # kolom yang tidak ada: tidak tersedia
    assert data["kode_desa"].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.2\d{3}").all()
    catatan = "\n".join(data.attrs["catatan_muat"])
    assert "BOM" in catatan
    assert "'Jumlah Penduduk' → 'jumlah_penduduk'" in catatan
    assert "Kolom 'kode_desa'" in catatan
    assert "Kolom 'jumlah_penduduk'" in catatan
    assert "Kolom 'nama_desa': spasi di awal/akhir 1 nilai dibuang." in catatan


def test_isi_csv_dan_xlsx(sampel):
    teks = sampel[0].read_bytes()
    assert teks.startswith(b"\xef\xbb\xbf")  # BOM seperti ekspor Excel
    judul = teks.decode("utf-8-sig").splitlines()[0].split(";")
    assert " Jumlah Penduduk " in judul and "persen_stunting" in judul
    assert "anak_0_17_akta" not in judul
    buku = openpyxl.load_workbook(sampel[1], read_only=True)
    try:
        assert buku.sheetnames == ["indikator", "keterangan"]
        assert "SINTETIS" in buku["keterangan"]["A1"].value
        baris = list(buku["indikator"].iter_rows(values_only=True))
    finally:
        buku.close()
    assert baris[0] == tuple(judul)
    assert len(baris) == len(teks.decode("utf-8-sig").splitlines())
    assert any(isinstance(r[0], int) for r in baris[1:])  # kode tanpa titik jadi angka di Excel


def test_readme_menyebut_sintetis_dan_semua_masalah(sampel):
    readme = sampel[2].read_text(encoding="utf-8")
    assert "DATA SINTETIS" in readme
    for kata in (
        "n/a",
        "'-'",
        "jiwa",
        "Pembilang melebihi penyebut",
        "kembar",
        "tanpa titik",
        "Spasi",
        "Titik ribuan",
        "koma desimal",
        "anak_0_17_akta",
    ):
        assert kata in readme, kata


def test_sampel_terlalu_kecil_ditolak(tmp_path, tabel_contoh):
    folder = tmp_path / "kecil"
    folder.mkdir()
    tabel_contoh("wilayah", n_desa=4).to_csv(folder / skema.WILAYAH.berkas, index=False)
    tabel_contoh("indikator", n_desa=4).to_csv(folder / skema.INDIKATOR_DESA.berkas, index=False)
    with pytest.raises(ValueError, match="paling sedikit 6 desa"):
        buat_sampel_berantakan(tmp_path / "k", folder_sumber=folder)


def test_sampel_di_repo_sama_dengan_hasil_pembuat(tmp_path):
    data = folder_proyek() / "data"
    tersimpan = data / "contoh_berantakan"
    if not (data / skema.INDIKATOR_DESA.berkas).is_file() or not tersimpan.is_dir():
        pytest.skip("data latihan atau sampel berantakan belum dibuat")
    baru = buat_sampel_berantakan(tmp_path / "baru", folder_sumber=data)
    for path in baru:
        assert sidik(path) == sidik(tersimpan / path.name), path.name
