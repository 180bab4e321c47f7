"""Uji ``p3pd kerja``: notebook pelajaran atas data sendiri untuk kecamatan di luar wilayah latihan.

Data sendiri di uji ini (Kecamatan Batu, Kota Batu, Jawa Timur — di luar empat kabupaten
latihan):

- **nyata**: daftar desa (``wilayah_desa.csv``) dan fasilitas (``fasilitas_desa.csv``) dibuat
  ``p3pd.impor`` dengan preset ``podes_fasilitas`` dari cuplikan Podes 2024 BPS di
  ``tests/data_nyata/podes2024_kota_batu_cuplikan.csv`` (dua wilayah: Kelurahan Songgokerto dan
  Desa Oro-Oro Ombo);
- **diisi untuk uji (bukan angka nyata)**: ``indikator_desa.csv`` tahun 2024 dengan kolom
  kesehatan saja (penduduk, rumah tangga, stunting, imunisasi, persalinan). Kolom indikator lain
  sengaja tidak ada, jadi notebook harus berjalan dengan data sebagian. Tabel lain (APBDes,
  usulan, program, pemangku) tidak ada.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from p3pd.cli import main
from p3pd.impor import impor
from p3pd.impor.peta import baca_peta
from p3pd.kerja import TAG_SPANDUK, notebook_pelajaran
from p3pd.lokasi import folder_proyek
from p3pd.notebook import jalankan_notebook

PROYEK = folder_proyek()
SAMPEL = PROYEK / "tests" / "data_nyata" / "podes2024_kota_batu_cuplikan.csv"
PRESET = PROYEK / "modules" / "p3pd" / "impor" / "preset" / "podes_fasilitas.yaml"

INDIKATOR_ISIAN = """kode_desa,tahun,jumlah_penduduk,jumlah_rumah_tangga,balita_diukur,balita_stunting,anak_12_23_bulan,anak_idl,persalinan,persalinan_fasyankes
35.79.01.1003,2024,9500,2900,610,71,150,131,140,139
35.79.01.2006,2024,6900,2100,430,66,105,88,98,95
"""


def _sidik(folder: Path) -> dict[str, str]:
    return {
        b.name: hashlib.sha256(b.read_bytes()).hexdigest()
        for b in sorted(folder.iterdir())
        if b.is_file()
    }


@pytest.fixture(scope="module")
def data_batu(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder data sendiri Kecamatan Batu (lihat docstring modul: apa yang nyata, apa yang diisi)."""
    folder = tmp_path_factory.mktemp("data") / "batu"
    impor(SAMPEL, baca_peta(PRESET), folder, pemilik="Kecamatan Batu")
    (folder / "indikator_desa.csv").write_text(INDIKATOR_ISIAN, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kerja(data_batu: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """Jalankan ``p3pd kerja --tanpa-buka`` sekali; kembalikan folder kerja dan sidik data."""
    sebelum = _sidik(data_batu)
    tujuan = tmp_path_factory.mktemp("kerja") / "batu"
    kode = main(
        ["kerja", "--data", str(data_batu), "--kecamatan", "Batu", "--tanpa-buka",
         "--folder-kerja", str(tujuan)]
    )  # fmt: skip
    assert kode == 0
    return tujuan, sebelum


def test_salinan_ditulis_dengan_parameter_spanduk_dan_tanpa_keluaran(data_batu, kerja):
    tujuan, sebelum = kerja
    pelajaran = notebook_pelajaran()
    assert pelajaran, "tidak ada notebook pelajaran dengan sel parameters"
    assert sorted(b.name for b in tujuan.glob("*.ipynb")) == [b.name for b in pelajaran]
    assert not (tujuan / "00_mulai_di_sini.ipynb").exists()
    assert not (tujuan / "handout_templat.ipynb").exists()
    for berkas in tujuan.glob("*.ipynb"):
        nb = nbformat.read(berkas, as_version=4)
        atas = nb.cells[0]
        assert atas.cell_type == "markdown" and TAG_SPANDUK in atas.metadata["tags"]
        assert "Data milik Kecamatan Batu" in atas.source
        assert "SINTETIS" not in atas.source.upper().replace("DATA LATIHAN SINTETIS", "")
        assert "bisa berbeda" in atas.source
        sisip = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(sisip) == 1, berkas.name
        assert 'KECAMATAN = "BATU"' in sisip[0].source
        assert "TAHUN = 2024" in sisip[0].source
        assert f'DATA = "{data_batu.resolve()}"' in sisip[0].source
        for sel in nb.cells:
            if sel.cell_type == "code":
                assert sel.outputs == [] and sel.execution_count is None, berkas.name
        assert "widgets" not in nb.metadata
    assert _sidik(data_batu) == sebelum


def test_salinan_lama_tidak_ditimpa(data_batu, kerja, capsys):
    tujuan, sebelum = kerja
    salinan = tujuan / "03_indikator_layanan_dasar.ipynb"
    salinan.write_text(
        salinan.read_text(encoding="utf-8").replace("KECAMATAN", "KECAMATAN"), "utf-8"
    )
    nb = nbformat.read(salinan, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Catatan peserta sendiri."))
    nbformat.write(nb, salinan)
    isi = salinan.read_bytes()
    hilang = tujuan / "04_diagnosis_desa_prioritas.ipynb"
    hilang.unlink()
    capsys.readouterr()
    assert main(["kerja", "--data", str(data_batu), "--kecamatan", "35.79.01",
                 "--tanpa-buka", "--folder-kerja", str(tujuan)]) == 0  # fmt: skip
    keluar = capsys.readouterr().out
    assert salinan.read_bytes() == isi
    assert re.search(r"sudah ada\s+03_indikator_layanan_dasar\.ipynb \(tidak ditimpa", keluar)
    assert re.search(r"ditulis\s+04_diagnosis_desa_prioritas\.ipynb", keluar)
    assert hilang.exists()
    assert _sidik(data_batu) == sebelum


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--kecamatan", "Getasan"], "Getasan"),
        (["--kecamatan", "Batu", "--data", "/tidak/ada"], "tidak ditemukan"),
    ],
)
def test_galat_berbahasa_indonesia_tanpa_traceback(data_batu, tmp_path, capsys, argumen, pesan):
    semua = [
        "kerja",
        "--data",
        str(data_batu),
        "--tanpa-buka",
        "--folder-kerja",
        str(tmp_path / "k"),
    ]
    assert main(semua + argumen) == 2
    err = capsys.readouterr().err
    assert err.startswith("PESAN KESALAHAN:") and pesan in err
    assert "Traceback" not in err
    assert not (tmp_path / "k").exists() or not list((tmp_path / "k").iterdir())


def test_tahun_wajib_bila_data_tanpa_tahun(data_batu, tmp_path, capsys):
    folder = tmp_path / "tanpa_tahun"
    folder.mkdir()
    for nama in ("wilayah_desa.csv", "fasilitas_desa.csv", "SUMBER_DATA.yaml"):
        (folder / nama).write_bytes((data_batu / nama).read_bytes())
    argumen = ["kerja", "--data", str(folder), "--kecamatan", "Batu", "--tanpa-buka",
               "--folder-kerja", str(tmp_path / "k")]  # fmt: skip
    assert main(argumen) == 2
    assert "--tahun" in capsys.readouterr().err
    assert main([*argumen, "--tahun", "2024"]) == 0


@pytest.mark.parametrize("nama", ["03_indikator_layanan_dasar", "04_diagnosis_desa_prioritas"])
def test_salinan_berjalan_atas_data_sebagian(kerja, tmp_path, nama):
    tujuan, _ = kerja
    asli = tujuan / f"{nama}.ipynb"
    salinan = tmp_path / asli.name
    salinan.write_bytes(asli.read_bytes())
    nb = jalankan_notebook(salinan, batas_waktu=120, simpan=False)
    teks = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
    assert "BATU" in teks
    assert "Kecamatan Tuntang" not in teks and "Lubuk Pakam" not in teks


def _nama_latihan() -> list[str]:
    kec = pd.read_csv(PROYEK / "modules" / "p3pd" / "referensi" / "kecamatan.csv", dtype=str)
    desa = pd.read_csv(PROYEK / "data" / "wilayah_desa.csv", dtype=str)
    return sorted(set(kec["nama_kecamatan"]) | set(desa["nama_desa"]))


def test_tidak_ada_nama_kecamatan_atau_desa_latihan_di_sel_kode():
    pola = re.compile(r"\b(" + "|".join(re.escape(n) for n in _nama_latihan()) + r")\b")
    temuan = []
    for berkas in sorted((PROYEK / "notebooks").glob("0[1-9]_*.ipynb")):
        nb = nbformat.read(berkas, as_version=4)
        for i, sel in enumerate(nb.cells):
            if sel.cell_type != "code" or "parameters" in sel.metadata.get("tags", []):
                continue
            for cocok in pola.finditer(sel.source):
                temuan.append(f"{berkas.name} sel {i}: {cocok.group(0)}")
    assert temuan == [], (
        "nama wilayah latihan di sel kode (pindahkan ke sel parameters):\n" + "\n".join(temuan)
    )


def test_jalur_relatif_tetap_menunjuk_berkas_yang_sama(kerja):
    tujuan, _ = kerja
    nb = nbformat.read(tujuan / "02_membaca_data_desa.ipynb", as_version=4)
    kode = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    jalur = re.findall(r'"([^"]*/data/contoh_berantakan/[^"]+)"', kode)
    assert jalur
    for j in jalur:
        assert (tujuan / j).resolve().is_file(), j


PELAJARAN_DATA = ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
"""Notebook pelajaran yang membaca folder data dari parameter ``DATA``."""


@pytest.mark.parametrize("nomor", PELAJARAN_DATA)
def test_notebook_pelajaran_punya_parameter_data(nomor):
    kurang = []
    for berkas in [b for b in notebook_pelajaran() if b.name.startswith(nomor + "_")]:
        nb = nbformat.read(berkas, as_version=4)
        sel = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        for nama in ("KECAMATAN", "TAHUN", "DATA"):
            if not re.search(rf"^{nama}\s*=", sel.source, re.M):
                kurang.append(f"{berkas.name}: {nama}")
        if "pakai_data(DATA)" not in "".join(c.source for c in nb.cells if c.cell_type == "code"):
            kurang.append(f"{berkas.name}: pakai_data(DATA)")
    assert kurang == []


def test_tanpa_tanpa_buka_jupyterlab_dijalankan_di_folder_kerja(data_batu, tmp_path, monkeypatch):
    panggilan = {}

    def palsu(perintah, cwd, env):
        panggilan.update(perintah=perintah, cwd=cwd, env=env)
        return 0

    monkeypatch.setattr("p3pd.kerja.subprocess.call", palsu)
    tujuan = tmp_path / "k"
    assert main(["kerja", "--data", str(data_batu), "--kecamatan", "Batu",
                 "--folder-kerja", str(tujuan)]) == 0  # fmt: skip
    assert panggilan["perintah"][1:] == ["-m", "jupyterlab"]
    assert Path(panggilan["cwd"]) == tujuan.resolve()
    assert panggilan["env"]["P3PD_DATA"] == str(data_batu.resolve())
    assert panggilan["env"]["P3PD_KERJA"] == str(tujuan.resolve() / "kerja_saya")


def test_folder_kerja_mengikuti_p3pd_kerja(tmp_path, monkeypatch):
    from p3pd.notebook import folder_kerja

    monkeypatch.delenv("P3PD_KERJA", raising=False)
    assert folder_kerja() == PROYEK / "kerja_saya"
    monkeypatch.setenv("P3PD_KERJA", str(tmp_path / "batu" / "kerja_saya"))
    assert folder_kerja() == tmp_path / "batu" / "kerja_saya"
    assert folder_kerja().is_dir()


def test_laporan_menyebut_perintah_membuka_lagi_yang_jalan_di_windows(data_batu, tmp_path, capsys):
    tujuan = tmp_path / "k"
    assert main(["kerja", "--data", str(data_batu), "--kecamatan", "Batu", "--tanpa-buka",
                 "--folder-kerja", str(tujuan)]) == 0  # fmt: skip
    keluar = capsys.readouterr().out
    assert f'p3pd kerja --data "{data_batu.resolve()}" --kecamatan "' in keluar
    assert "P3PD_DATA=" not in keluar and "&&" not in keluar
    assert str(tujuan.resolve() / "kerja_saya") in keluar
