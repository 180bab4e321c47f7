"""Uji ``p3pd kerja`` untuk notebook 07–09 atas data sendiri Kecamatan Batu (di luar wilayah latihan).

Folder data dibuat ``tests/data_sendiri.py``: **sebagian** (daftar desa dan fasilitas nyata dari
cuplikan Podes 2024, indikator kesehatan diisi untuk uji; tanpa pemangku, APBDes, usulan,
program) dan **lengkap** (ditambah tabel-tabel itu, diisi untuk uji). Salinan ``p3pd kerja``
notebook 07, 08, dan 09 dijalankan dari atas ke bawah. ``folder_kerja()`` salinan diarahkan ke
folder ``kerja_saya/`` sementara (bukan kerja_saya/ proyek); buku kerja yang diekspor ke sana
harus membawa label data sendiri.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest
from data_sendiri import KODE_KECAMATAN, PEMILIK, buat_batu_lengkap, buat_batu_sebagian

from p3pd.cli import main
from p3pd.lokasi import folder_proyek
from p3pd.notebook import jalankan_notebook

PROYEK = folder_proyek()
NOTEBOOK = {
    "07": "07_koordinasi_dan_jejaring",
    "08": "08_agenda_terpadu",
    "09": "09_rencana_tindak_lanjut",
}
LABEL_SENDIRI = f"Data milik {PEMILIK}"

TIDAK_ADA = {
    "07": ["pemangku_kepentingan.csv"],
    "08": ["usulan_desa.csv", "pemangku_kepentingan.csv"],
    "09": ["pemangku_kepentingan.csv"],
}
"""Berkas yang kotak "Tidak ada data"-nya harus tampil di setiap notebook pada folder sebagian."""


def _arahkan_ekspor(berkas: Path, folder: Path) -> None:
    """Sisipkan sel setelah sel impor: ``folder_kerja()`` salinan ini menjadi ``folder``."""
    nb = nbformat.read(berkas, as_version=4)
    impor = next(
        i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "import" in c.source
    )
    kode = (
        "import pathlib as _pl\nimport p3pd.notebook as _nb\n"
        f"_nb.folder_kerja = lambda: _pl.Path({str(folder)!r})\n"
        "folder_kerja = _nb.folder_kerja"
    )
    nb.cells.insert(impor + 1, nbformat.v4.new_code_cell(kode))
    nbformat.write(nb, berkas)


def _jalankan(data: Path, akar: Path, tahun: int | None = None) -> tuple[dict, Path]:
    """``p3pd kerja`` atas ``data``, lalu salinan 07–09 dijalankan; (notebook, folder ekspor)."""
    tujuan, ekspor = akar / "salinan", akar / "kerja_saya"
    kode = main(
        ["kerja", "--data", str(data), "--kecamatan", "Batu", "--tanpa-buka",
         "--folder-kerja", str(tujuan)] + (["--tahun", str(tahun)] if tahun else [])
    )  # fmt: skip
    assert kode == 0
    ekspor.mkdir()
    hasil = {}
    for nomor, nama in NOTEBOOK.items():
        berkas = tujuan / f"{nama}.ipynb"
        _arahkan_ekspor(berkas, ekspor)
        hasil[nomor] = jalankan_notebook(berkas, batas_waktu=300, simpan=False)
    return hasil, ekspor


@pytest.fixture(scope="module")
def sebagian(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """Notebook 07–09 dijalankan atas folder sebagian; juga folder ekspornya."""
    akar = tmp_path_factory.mktemp("sebagian_0709")
    return _jalankan(buat_batu_sebagian(akar / "data"), akar)


@pytest.fixture(scope="module")
def lengkap(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    akar = tmp_path_factory.mktemp("lengkap_0709")
    return _jalankan(buat_batu_lengkap(akar / "data"), akar)


@pytest.fixture(scope="module")
def tanpa_indikator(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """Folder sebagian tanpa indikator_desa.csv: daftar desa dan fasilitas saja."""
    akar = tmp_path_factory.mktemp("tanpa_indikator_0709")
    data = buat_batu_sebagian(akar / "data")
    (data / "indikator_desa.csv").unlink()
    return _jalankan(data, akar, tahun=2024)


def _keluaran(nb) -> str:
    return json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)


def _teks_keluaran(nb) -> str:
    """Teks polos semua keluaran (stream dan text/plain), tanpa HTML."""
    bagian = []
    for sel in nb.cells:
        for o in sel.get("outputs", []):
            teks = o.get("text") or o.get("data", {}).get("text/plain", "")
            bagian.append("".join(teks) if isinstance(teks, list) else str(teks))
    return "\n".join(bagian)


def _nama_kecamatan_latihan() -> list[str]:
    kec = pd.read_csv(PROYEK / "modules" / "p3pd" / "referensi" / "kecamatan.csv", dtype=str)
    return sorted(set(kec["nama_kecamatan"]))


def _galat(nb) -> list[str]:
    return [
        f"sel {i}: {o.get('ename')}: {o.get('evalue')}"
        for i, sel in enumerate(nb.cells)
        for o in sel.get("outputs", [])
        if o.get("output_type") == "error"
    ]


@pytest.mark.parametrize("nomor", list(NOTEBOOK))
def test_berjalan_tanpa_galat_untuk_batu(sebagian, nomor):
    nb = sebagian[0][nomor]
    assert _galat(nb) == []
    teks = _teks_keluaran(nb)
    assert f"BATU ({KODE_KECAMATAN})" in teks or f"Kecamatan BATU ({KODE_KECAMATAN})" in teks
    assert LABEL_SENDIRI in teks


@pytest.mark.parametrize("nomor", list(NOTEBOOK))
def test_kotak_tidak_ada_data_untuk_tabel_yang_hilang(sebagian, nomor):
    teks = _teks_keluaran(sebagian[0][nomor])
    for berkas in TIDAK_ADA[nomor]:
        assert re.search(
            rf"Tidak ada data: folder data '[^']+' tidak memiliki berkas {berkas}", teks
        ), berkas


@pytest.mark.parametrize("nomor", list(NOTEBOOK))
def test_tanpa_kata_sintetis_dan_nama_wilayah_latihan(sebagian, lengkap, nomor):
    pola = re.compile(r"\b(" + "|".join(map(re.escape, _nama_kecamatan_latihan())) + r")\b")
    for nb in (sebagian[0][nomor], lengkap[0][nomor]):
        keluaran = _keluaran(nb)
        assert not re.search(r"sintetis|data latihan|fiktif", keluaran, re.I)
        temuan = sorted(set(pola.findall(_teks_keluaran(nb))) - {"Batu", "BATU"})
        assert temuan == []


def test_agenda_tanpa_belanja_hanya_pembinaan_dan_ringkasan_menyebut_tidak_ada(sebagian):
    teks08 = _teks_keluaran(sebagian[0]["08"])
    assert "ORO-ORO OMBO" in teks08 and "pembinaan" in teks08
    assert re.search(r"^pembinaan\s+1$", teks08, re.M)  # hitungan jenis_binwas
    # tanpa belanja, satu-satunya baris pengawasan meminta APBDes desa (bukan temuan belanja)
    assert re.search(r"^pengawasan\s+1$", teks08, re.M)
    assert "Desa yang APBDes dan laporan realisasinya" in teks08
    teks09 = _teks_keluaran(sebagian[0]["09"])
    assert "Porsi APBDes untuk layanan dasar:\n    tidak ada data (apbdes_belanja.csv)" in teks09
    assert "Mitra swasta/CSR untuk layanan yang merah:\n    tidak ada data" in teks09


@pytest.mark.parametrize("nomor", list(NOTEBOOK))
def test_folder_lengkap_tanpa_kotak_pemangku(lengkap, nomor):
    nb = lengkap[0][nomor]
    assert _galat(nb) == []
    teks = _teks_keluaran(nb)
    assert "pemangku_kepentingan.csv" not in teks
    assert LABEL_SENDIRI in teks


def _satu(folder: Path, pola: str) -> Path:
    calon = sorted(folder.glob(pola))
    assert len(calon) == 1, (pola, calon)
    return calon[0]


def _isi_buku(berkas: Path) -> str:
    buku = openpyxl.load_workbook(berkas, read_only=True)
    return " ".join(
        str(v) for ws in buku for row in ws.iter_rows(values_only=True) for v in row if v
    )


@pytest.mark.parametrize(
    "pola",
    [
        f"07_koordinasi_{KODE_KECAMATAN}_2024.xlsx",
        f"08_agenda_terpadu_{KODE_KECAMATAN}_2024.xlsx",
        f"08_agenda_saya_{KODE_KECAMATAN}_2024.xlsx",
        f"rtl_{KODE_KECAMATAN.replace('.', '_')}_2024.xlsx",
    ],
)
def test_buku_kerja_di_kerja_saya_berlabel_data_sendiri(sebagian, lengkap, pola):
    for _, ekspor in (sebagian, lengkap):
        isi = _isi_buku(_satu(ekspor, pola))
        assert LABEL_SENDIRI in isi
        assert "SINTETIS" not in isi.upper() and "data latihan" not in isi.lower()


def test_catatan_agenda_menyebut_tabel_yang_tidak_ada(sebagian, lengkap):
    nama = f"08_agenda_terpadu_{KODE_KECAMATAN}_2024.xlsx"
    catatan = [c.value for c in openpyxl.load_workbook(_satu(sebagian[1], nama))["Catatan"]["A"]]
    assert any(str(c).startswith("Tidak ada data: apbdes_belanja.csv") for c in catatan)
    assert any(str(c).startswith("Tidak ada data: pemangku_kepentingan.csv") for c in catatan)
    catatan = [c.value for c in openpyxl.load_workbook(_satu(lengkap[1], nama))["Catatan"]["A"]]
    assert not any(str(c).startswith("Tidak ada data: apbdes_belanja.csv") for c in catatan)


def test_ringkasan_isu_berlabel_data_sendiri(sebagian, lengkap):
    for _, ekspor in (sebagian, lengkap):
        html = _satu(ekspor, f"08_suara_desa_{KODE_KECAMATAN}_2024.html").read_text("utf-8")
        teks = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))
        assert LABEL_SENDIRI in teks and "sintetis" not in teks.lower()


@pytest.mark.parametrize("nomor", list(NOTEBOOK))
def test_data_hilang_tidak_tampil_mentah(sebagian, tanpa_indikator, lengkap, nomor):
    for hasil in (sebagian, tanpa_indikator, lengkap):
        nb = hasil[0][nomor]
        assert _galat(nb) == []
        teks = _teks_keluaran(nb)
        assert "Series([]" not in teks and "Empty DataFrame" not in teks
        assert not re.search(r"(^|: )\{\}$", teks, re.M)
        assert "NaN" not in teks
        if nomor != "09":  # 09 menyebut jumlah lewat kalimat sendiri, diuji di bawah
            assert "Kota Batu: 1 desa dan 1 kelurahan" in teks
    assert "Kecamatan BATU (35.79.01): 1 desa dan 1 kelurahan" in _teks_keluaran(sebagian[0]["09"])


def test_07_tanpa_pemangku_dan_indikator_bukan_nol(sebagian, tanpa_indikator):
    teks = _teks_keluaran(sebagian[0]["07"])
    assert (
        "Lembaga di meja Rumah Bersama BATU: tidak ada data (tabel pemangku_kepentingan.csv)"
        in teks
    )
    assert "0 lembaga" not in teks and "Mitra swasta/CSR: 0" not in teks
    assert "mitra CSR: tidak ada data (tabel pemangku_kepentingan.csv)" in teks
    assert "(dari 2 desa/kelurahan)" in teks
    assert "Tabel: daftar desa" not in teks  # urutan yang diminta: pemangku, indikator, daftar desa
    assert "Tabel: indikator layanan dasar, daftar desa. Tidak ada data: lembaga pemangku" in teks
    teks = _teks_keluaran(tanpa_indikator[0]["07"])
    assert "lampu merah per layanan: tidak ada data (tabel indikator_desa.csv)" in teks
    assert "dari 0 desa" not in teks
    assert "Layanan bermasalah: tidak ada data (tabel indikator_desa.csv)" in teks


def test_08_spanduk_nama_tabel_untuk_manusia(sebagian):
    teks = _teks_keluaran(sebagian[0]["08"])
    assert "Tabel: daftar desa, indikator layanan dasar, fasilitas" in teks
    assert "wilayah, " not in teks


def test_09_tanpa_indikator_tidak_ada_data(tanpa_indikator):
    teks = _teks_keluaran(tanpa_indikator[0]["09"])
    assert "Indikator diikuti: tidak ada data (tabel indikator_desa.csv)" in teks
    assert "Per layanan" not in teks
    assert "tidak ada data (tabel indikator_desa.csv)" in teks
