"""Uji notebook 05 (belanja desa) dan 06 (sinkronisasi perencanaan) atas data sendiri.

Salinan ``p3pd kerja`` untuk Kecamatan Batu (Kota Batu, di luar wilayah latihan) dijalankan dari
atas ke bawah atas dua folder dari ``tests/data_sendiri.py``:

- **sebagian**: daftar desa dan fasilitas nyata (Podes) dan indikator kesehatan 2024 diisi untuk
  uji; tidak ada APBDes, usulan, program. Bagian yang membutuhkan tabel itu harus menampilkan
  kotak "tidak ada data" dan notebook berjalan terus;
- **lengkap**: ditambah APBDes 2024 Desa Oro-Oro Ombo (lewat preset ``siskeudes_apbdes``; kelurahan
  tidak punya APBDes), usulan dan program untuk tahun rencana 2025 (semua diisi untuk uji).

Di semua salinan: tidak ada sel yang gagal, nama kecamatan BATU tampil, tidak ada nama kecamatan
atau kode wilayah latihan, dan tidak ada kata "sintetis"/"data latihan" di keluaran.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from data_sendiri import KECAMATAN, buat_batu_lengkap, buat_batu_sebagian

from p3pd.cli import main
from p3pd.lokasi import folder_proyek
from p3pd.notebook import jalankan_notebook

PROYEK = folder_proyek()
NOTEBOOK = {"05": "05_belanja_desa_berkualitas", "06": "06_sinkronisasi_perencanaan"}
KOTAK = "Tidak ada data: folder data"
"""Awal teks kotak ``p3pd.notebook.tidak_ada_data`` (berkas tabel tidak ada di folder)."""


def _siapkan(folder_data: Path, tujuan: Path, tahun: int | None = None) -> Path:
    argumen = ["kerja", "--data", str(folder_data), "--kecamatan", KECAMATAN, "--tanpa-buka",
               "--folder-kerja", str(tujuan)]  # fmt: skip
    if tahun is not None:
        argumen += ["--tahun", str(tahun)]
    assert main(argumen) == 0
    return tujuan


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Folder data sendiri sebagian dan lengkap, dan salinan ``p3pd kerja`` untuk keduanya."""
    akar = tmp_path_factory.mktemp("batu")
    sebagian = buat_batu_sebagian(akar / "data_sebagian")
    lengkap = buat_batu_lengkap(akar / "data_lengkap")
    return {
        "sebagian": _siapkan(sebagian, akar / "kerja_sebagian"),
        "lengkap": _siapkan(lengkap, akar / "kerja_lengkap"),
        "lengkap_2025": _siapkan(lengkap, akar / "kerja_lengkap_2025", tahun=2025),
    }


@pytest.fixture(scope="module")
def hasil(folder: dict[str, Path]):
    """Jalankan salinan sekali per (folder, nomor); kembalikan fungsi pengambil teks keluaran."""
    simpanan: dict[tuple[str, str], str] = {}
    isu = PROYEK / "kerja_saya"
    sebelum = {b.name for b in isu.glob("isu_musrenbang_BATU_*.xlsx")}

    def ambil(nama: str, nomor: str) -> str:
        if (nama, nomor) not in simpanan:
            nb = jalankan_notebook(folder[nama] / f"{NOTEBOOK[nomor]}.ipynb", 180, simpan=False)
            keluaran = [c.get("outputs", []) for c in nb.cells if c.cell_type == "code"]
            for sel in keluaran:
                for k in sel:
                    k.get("data", {}).pop("image/png", None)
            simpanan[(nama, nomor)] = json.dumps(keluaran, ensure_ascii=False)
        return simpanan[(nama, nomor)]

    yield ambil
    # Notebook 06 menyimpan daftar isu di kerja_saya/ proyek; buang yang dibuat uji ini saja.
    for b in isu.glob("isu_musrenbang_BATU_*.xlsx"):
        if b.name not in sebelum:
            b.unlink()


def _nama_wilayah_latihan() -> list[str]:
    kec = pd.read_csv(PROYEK / "modules" / "p3pd" / "referensi" / "kecamatan.csv", dtype=str)
    return sorted(set(kec["nama_kecamatan"]) | set(kec["nama_kabupaten"]))


KASUS = [("sebagian", "05"), ("sebagian", "06"), ("lengkap", "05"), ("lengkap", "06"),
         ("lengkap_2025", "05"), ("lengkap_2025", "06")]  # fmt: skip


@pytest.mark.parametrize(("nama", "nomor"), KASUS)
def test_berjalan_untuk_batu_tanpa_wilayah_latihan_dan_tanpa_kata_sintetis(hasil, nama, nomor):
    teks = hasil(nama, nomor)  # sel yang gagal menjadi GalatP3PD di jalankan_notebook
    assert '"output_type": "error"' not in teks
    assert "Kecamatan BATU" in teks
    assert "Data milik Kecamatan Batu" in teks
    pola = re.compile(r"\b(" + "|".join(map(re.escape, _nama_wilayah_latihan())) + r")\b")
    assert pola.findall(teks) == []
    assert not re.search(r"\b(33\.22|12\.07|53\.02|63\.03)\.", teks)
    assert not re.search(r"sintetis|data latihan", teks, re.IGNORECASE)


def test_05_tanpa_apbdes_kotak_tidak_ada_data_lalu_sisi_kesenjangan(hasil):
    teks = hasil("sebagian", "05")
    for berkas in ("apbdes_belanja.csv", "apbdes_pendapatan.csv"):
        assert f"{KOTAK} 'data_sebagian' tidak memiliki berkas {berkas}" in teks
    for bagian in (
        "APBDes satu desa",
        "batas 30 %",
        "realisasi kecamatan",
        "desa yang perlu ditelaah",
    ):
        assert (
            f"Bagian \\u201c{bagian}\\u201d dilewati" in teks
            or f"Bagian “{bagian}” dilewati" in teks
        )
    # bagian 8 tetap menunjukkan sisi kesenjangan desa dan kelurahan (porsi "tanpa data")
    assert "ORO-ORO OMBO" in teks and "SONGGOKERTO" in teks and "tanpa data" in teks
    # Kecamatan Batu punya 4 desa (dan 4 kelurahan) menurut daftar nasional; tidak satu pun berdata
    assert (
        "Rata-rata realisasi Dana Desa per desa, BATU 2024 (data sendiri) (0 dari 4 desa berdata): "
        "tidak ada data"
    ) in teks
    assert "Melebihi batas" not in teks and "Perlu ditelaah (" not in teks


def test_05_dengan_apbdes_desa_dihitung_dan_kelurahan_tidak(hasil):
    teks = hasil("lengkap", "05")
    assert KOTAK not in teks
    assert "Desa ORO-ORO OMBO, APBDes 2024: anggaran belanja" in teks
    # hanya Oro-Oro Ombo yang ber-APBDes di folder uji: 1 dari 4 desa Kecamatan Batu
    assert "Porsi layanan dasar Kecamatan BATU 2024 (1 dari 4 desa berdata):" in teks
    assert "1 dari 1 desa" in teks  # batas 30 %: hanya desa, kelurahan tanpa APBDes
    assert "Realisasi belanja layanan dasar:" in teks
    assert "Perlu ditelaah (semua, 2024):" in teks
    assert "(data sendiri)" in teks


def test_05_tahun_tanpa_apbdes_menyebut_berkas_tanpa_baris_untuk_tahun_itu(hasil):
    teks = hasil("lengkap_2025", "05")
    assert "apbdes_belanja.csv (Belanja APBDes" in teks
    assert "tidak memuat baris untuk kecamatan dan tahun yang dipilih" in teks
    assert "kelurahan tidak punya APBDes" in teks


def test_06_tanpa_usulan_dan_program_kotak_dan_isu_tanpa_klaim_program(hasil):
    teks = hasil("sebagian", "06")
    for berkas in ("apbdes_belanja.csv", "usulan_desa.csv", "program_opd.csv", "program_desa.csv",
                   "usulan_tindak_lanjut.csv"):  # fmt: skip
        assert f"{KOTAK} 'data_sebagian' tidak memiliki berkas {berkas}" in teks, berkas
    assert "10 baris = 2 desa × 5 layanan" in teks
    # daftar desa uji memuat 2 dari 8 desa/kelurahan Kecamatan Batu: disebut, bukan disembunyikan
    assert "daftar desa Anda (wilayah_desa.csv) baru memuat 2 dari 8 desa/kelurahan" in teks
    assert "tanpa program OPD" not in teks and "tanpa program kabupaten" not in teks
    assert "program OPD tahun 2024 di kecamatan: tidak ada data" in teks
    assert "Tersimpan: kerja_saya/isu_musrenbang_BATU_2024.xlsx" in teks or "sudah ada" in teks


def test_06_dengan_usulan_dan_program_tahun_rencana(hasil):
    teks = hasil("lengkap_2025", "06")
    assert KOTAK not in teks
    assert "usulan untuk 2025 tidak ditampung siapa pun" in teks
    assert "Ruang kelas tambahan SD" in teks  # usulan kabupaten yang belum ditampung → isu
    teks_2024 = hasil("lengkap", "06")
    assert KOTAK not in teks_2024
    assert "porsi APBDes untuk layanan ini" in teks_2024


def _teks_polos(teks_json: str) -> str:
    """Teks polos (stream dan text/plain) dari JSON keluaran ``hasil``."""
    bagian = []
    for sel in json.loads(teks_json):
        for o in sel:
            t = o.get("text") or o.get("data", {}).get("text/plain", "")
            bagian.append("".join(t) if isinstance(t, list) else str(t))
    return "\n".join(bagian)


@pytest.mark.parametrize(("nama", "nomor"), KASUS)
def test_data_hilang_tidak_tampil_mentah_sebagai_nol_nan_atau_tabel_kosong(hasil, nama, nomor):
    teks = _teks_polos(hasil(nama, nomor))
    assert "Series([]" not in teks and "Empty DataFrame" not in teks
    assert not re.search(r"^\{\}$", teks, re.M)
    assert "NaN" not in teks
    # 1 desa + 1 kelurahan: jumlah disebut lengkap, sama dengan notebook 04/09
    assert "Kota Batu: 1 desa dan 1 kelurahan" in teks


def _baris_html(teks_json: str, nama: str) -> list[str]:
    """Isi baris tabel HTML (``<tr>…</tr>``) yang memuat sel ``nama`` (tabel lebar terlipat)."""
    return re.findall(rf"<tr>(?:(?!</tr>).)*<td>{nama}</td>(?:(?!</tr>).)*</tr>", teks_json, re.S)


def test_05_kelurahan_tidak_berlaku_dan_spanduk_menyebut_tabel_yang_ada(hasil):
    teks = _teks_polos(hasil("sebagian", "05"))
    assert "Tabel: indikator layanan dasar, daftar desa. Tidak ada data: belanja APBDes" in teks
    baris = _baris_html(hasil("sebagian", "05"), "SONGGOKERTO")
    assert baris and all("tidak berlaku (kelurahan)" in b for b in baris)
    assert not any("tidak ada data" in b for b in baris)
    assert "p3pd impor --preset siskeudes_apbdes" in teks
    assert "bukan layanan dasar" in teks  # referensi sub-bidang tanpa NaN
    lengkap = _teks_polos(hasil("lengkap", "05"))
    assert "Tabel: belanja APBDes," in lengkap


def test_06_tanpa_usulan_dan_program_bukan_nol(hasil):
    teks = _teks_polos(hasil("sebagian", "06"))
    assert "Rp0" not in teks
    assert "tidak ada data (tabel usulan_desa.csv)" in teks
    assert "tidak ada data (tabel program_opd.csv)" in teks
    assert "isi sendiri di Excel dengan kolom seperti data/usulan_desa.csv" in teks
    assert "p3pd impor --preset" not in teks.split("usulan_desa.csv (", 1)[1].split("\n", 1)[0]
    # porsi APBDes kelurahan di tampilan desa × layanan
    baris = _baris_html(hasil("sebagian", "06"), "SONGGOKERTO")
    assert baris and all("tidak berlaku (kelurahan)" in b for b in baris)
