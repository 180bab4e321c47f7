"""Uji formulir tes cetak (HTML luring, PDF A4), jawaban kertas, dan notebook tes (tanpa widget)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import openpyxl
import pytest

from p3pd import tes_jawaban, tes_soal
from p3pd.galat import DataTidakValid, GalatP3PD
from p3pd.handout import periksa_weasyprint
from p3pd.lokasi import folder_proyek
from p3pd.tes_formulir import tulis_formulir
from p3pd.tes_kertas import impor_kertas, tulis_templat_kertas

NOTEBOOK = folder_proyek() / "notebooks" / "tes_awal_akhir.ipynb"


@pytest.fixture(scope="module")
def formulir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if periksa_weasyprint():
        pytest.skip("WeasyPrint/Pango belum terpasang")
    folder = tmp_path_factory.mktemp("formulir")
    tulis_formulir(folder)
    tulis_formulir(folder, kunci=True)
    return folder


def _teks_pdf(path: Path) -> tuple[str, list]:
    from pypdf import PdfReader

    pdf = PdfReader(path)
    return "\n".join(h.extract_text() for h in pdf.pages), pdf.pages


def test_formulir_pdf_a4_berisi_semua_soal_dan_lembar_jawaban(formulir: Path) -> None:
    teks, halaman = _teks_pdf(formulir / "formulir_tes.pdf")
    for h in halaman:  # A4: 595 × 842 pt
        assert float(h.mediabox.width) == pytest.approx(595.3, abs=1)
        assert float(h.mediabox.height) == pytest.approx(841.9, abs=1)
    rapat = " ".join(teks.split())
    for s in tes_soal.daftar_soal():
        assert f"{s.id}." in rapat, s.id
    assert "Lembar jawaban" in teks and "Kode peserta" in teks
    assert tes_soal.versi_soal() in teks
    assert "Data sintetis" not in teks  # kaki halaman handout diganti kaki formulir
    assert "Kunci:" not in teks
    assert f"Halaman {len(halaman)} dari {len(halaman)}" in teks


def test_kunci_jawaban_memuat_kunci_setiap_soal(formulir: Path) -> None:
    teks, _ = _teks_pdf(formulir / "kunci_tes.pdf")
    rapat = " ".join(teks.split())
    assert rapat.count("Kunci:") == len(tes_soal.daftar_soal())
    assert "Kunci: 22,5 %" in rapat
    assert "Diajarkan di:" in rapat


def test_formulir_html_luring(formulir: Path) -> None:
    html = (formulir / "formulir_tes.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", html)
    assert "cdn" not in html.lower()
    assert "<script" not in html.lower()
    assert all(s.id in html for s in tes_soal.daftar_soal())


def test_formulir_tidak_menimpa(formulir: Path) -> None:
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        tulis_formulir(formulir, format=("html",))


def _isi_templat(path: Path, baris: list[list[object]]) -> None:
    buku = openpyxl.load_workbook(path)
    for b in baris:
        buku["jawaban_kertas"].append(b)
    buku.save(path)


def test_jawaban_kertas_lewat_templat(tmp_path: Path) -> None:
    templat = tulis_templat_kertas(tmp_path / "kertas.xlsx")
    soal = tes_soal.daftar_soal()
    benar = [s.kunci if s.jenis == "pilihan" else s.kunci.replace(".", ",") for s in soal]
    kosong = [None] * len(soal)
    _isi_templat(
        templat,
        [
            ["NTT-B-001", "awal", "B", "NTT", *benar],
            ["NTT-B-002", "Akhir", "B", "Nusa Tenggara Timur", "b", *kosong[1:]],
        ],
    )
    sebelum = templat.read_bytes()
    ditulis = impor_kertas(templat, tmp_path / "jawaban")
    assert templat.read_bytes() == sebelum
    assert sorted(p.name for p in ditulis) == ["akhir_NTT-B-002.json", "awal_NTT-B-001.json"]
    pertama = tes_jawaban.baca_berkas_jawaban(tmp_path / "jawaban" / "awal_NTT-B-001.json")
    assert pertama.sumber == "kertas" and pertama.provinsi == "Nusa Tenggara Timur"
    assert all(tes_soal.benar(s, pertama.jawaban[s.id]) for s in soal)
    kedua = tes_jawaban.baca_berkas_jawaban(tmp_path / "jawaban" / "akhir_NTT-B-002.json")
    assert kedua.jawaban["S01"] is not None and kedua.jawaban["S02"] is None
    # Mengimpor ulang berkas yang sama tidak menulis apa pun yang baru.
    assert impor_kertas(templat, tmp_path / "jawaban") == ditulis
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        tulis_templat_kertas(templat)


@pytest.mark.parametrize(
    ("baris", "potongan"),
    [
        (["Siti Aminah", "awal", "A", "NTT"], "nama orang"),
        (["3322010101800001", "awal", "A", "NTT"], "NIK"),
        (["NTT-A-001", "tengah", "A", "NTT"], "awal, akhir"),
    ],
)
def test_jawaban_kertas_tidak_sah(tmp_path: Path, baris: list[object], potongan: str) -> None:
    templat = tulis_templat_kertas(tmp_path / "kertas.xlsx")
    _isi_templat(templat, [["NTT-A-002", "awal", "A", "NTT", "A"], baris + ["A"]])
    with pytest.raises(DataTidakValid, match=potongan):
        impor_kertas(templat, tmp_path / "jawaban")
    assert not (tmp_path / "jawaban").exists()  # tidak ada yang ditulis sebagian


def test_perintah_formulir_dan_kertas_tanpa_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from p3pd.cli import main

    def p3pd(*argumen: str) -> tuple[int, str, str]:
        kode = main(["tes", *argumen])
        keluaran = capsys.readouterr()
        assert "Traceback" not in keluaran.err
        return kode, keluaran.out, keluaran.err

    kode, _, _ = p3pd("formulir", "--keluaran", str(tmp_path), "--format", "html")
    assert kode == 0 and (tmp_path / "formulir_tes.html").is_file()
    kode, _, galat = p3pd("formulir", "--keluaran", str(tmp_path), "--format", "html")
    assert kode == 2 and "tidak ditimpa" in galat
    kode, _, galat = p3pd("impor-kertas", str(tmp_path / "tidak_ada.xlsx"), "--keluaran", "x")
    assert kode == 2 and "tidak ditemukan" in galat
    kode, _, galat = p3pd()
    assert kode == 2 and "Pilih tindakan" in galat
    # Satu kali lewat proses baru, seperti pelatih di terminal.
    bantuan = subprocess.run(
        [sys.executable, "-m", "p3pd", "tes", "kumpulkan", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bantuan.returncode == 0 and "Penggunaan" in bantuan.stdout
    assert "--keluaran" in bantuan.stdout and "Traceback" not in bantuan.stderr


def _jalankan_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    from p3pd.notebook import kelas_kernel_lingkungan_ini

    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        kernel_manager_class=kelas_kernel_lingkungan_ini(),
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    return nb


def test_notebook_jalan_tanpa_widget_menyimpan_jawaban(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    parameter = next(s for s in nb.cells if "parameters" in s.metadata.get("tags", []))
    parameter.source = (
        'JENIS = "akhir"\nKODE_PESERTA = "smg-b-007"\nKELAS = "B"\nPROVINSI = "Jateng"\n'
        f"FOLDER = {str(tmp_path)!r}"
    )
    isian = next(s for s in nb.cells if s.cell_type == "code" and s.source.startswith("JAWABAN"))
    # Peserta mengganti `...` dengan jawabannya, seperti di kelas.
    isian.source = isian.source.replace('"S01": ...', '"S01": "22,5"').replace(
        '"S03": ...', '"S03": "A"'
    )
    isian.source = isian.source.replace('"S04": ...', '"S04": "c"')
    hasil = _jalankan_notebook(nb)
    teks = "\n".join(
        str(k.get("data", {}).get("text/plain", k.get("text", "")))
        for s in hasil.cells
        if s.cell_type == "code"
        for k in s.outputs
    )
    assert "Siap — Tes akhir, kode SMG-B-007" in teks
    assert "Tersimpan — 3 jawaban di akhir_SMG-B-007.json" in teks
    berkas = tmp_path / "akhir_SMG-B-007.json"
    isi = json.loads(berkas.read_text(encoding="utf-8"))
    assert isi["jawaban"]["S01"] == 22.5 and isi["jawaban"]["S03"] == "A"
    assert isi["jawaban"]["S04"] == "C" and isi["jawaban"]["S02"] is None
    dibaca = tes_jawaban.baca_berkas_jawaban(berkas)
    assert (dibaca.kelas, dibaca.provinsi, dibaca.jenis) == ("B", "Jawa Tengah", "akhir")


def test_notebook_memuat_semua_nomor_soal() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    isian = next(s for s in nb.cells if s.cell_type == "code" and s.source.startswith("JAWABAN"))
    assert re.findall(r'"(S\d+)": \.\.\.', isian.source) == [s.id for s in tes_soal.daftar_soal()]


def test_formulir_widget_menyimpan_saat_tombol_diklik(tmp_path: Path) -> None:
    import ipywidgets as w

    from p3pd import tes_isian

    form = tes_isian.formulir("awal", "JTG-A-005", "A", "Jateng", folder=tmp_path)
    tombol = [c for c in form.children if isinstance(c, w.ToggleButtons)]
    angka = [c.children[0] for c in form.children if isinstance(c, w.HBox)]
    soal = tes_soal.daftar_soal()
    assert len(tombol) == sum(s.jenis == "pilihan" for s in soal)
    assert len(angka) == sum(s.jenis == "angka" for s in soal)
    angka[0].value = "22,5"  # S01
    tombol[0].value = "A"  # S03
    (simpan,) = [c for c in form.children if isinstance(c, w.Button)]
    simpan.click()
    isi = json.loads((tmp_path / "awal_JTG-A-005.json").read_text(encoding="utf-8"))
    assert isi["jawaban"]["S01"] == 22.5 and isi["jawaban"]["S03"] == "A"
    assert sum(v is not None for v in isi["jawaban"].values()) == 2
    tombol[0].value = "B"  # jawaban berubah: tidak menimpa tanpa centang "ganti"
    simpan.click()
    assert json.loads((tmp_path / "awal_JTG-A-005.json").read_text())["jawaban"]["S03"] == "A"
    (ganti,) = [c for c in form.children if isinstance(c, w.Checkbox)]
    ganti.value = True
    simpan.click()
    assert json.loads((tmp_path / "awal_JTG-A-005.json").read_text())["jawaban"]["S03"] == "B"
    assert len(list((tmp_path / "lama").iterdir())) == 1


def test_jawaban_kertas_dari_csv_excel_indonesia(tmp_path: Path) -> None:
    """CSV simpanan Excel berbahasa Indonesia: titik koma, koma desimal, BOM, CRLF."""
    soal = tes_soal.daftar_soal()
    judul = ["kode_peserta", "jenis", "kelas", "provinsi", *(s.id for s in soal)]
    jawaban = [s.kunci.replace(".", ",") if s.jenis == "angka" else s.kunci for s in soal]
    teks = ";".join(judul) + "\r\n" + ";".join(["KSL-A-001", "awal", "A", "Kalsel", *jawaban])
    berkas = tmp_path / "kertas.csv"
    berkas.write_bytes(b"\xef\xbb\xbf" + (teks + "\r\n").encode("utf-8"))
    (path,) = impor_kertas(berkas, tmp_path / "jawaban")
    dibaca = tes_jawaban.baca_berkas_jawaban(path)
    assert dibaca.provinsi == "Kalimantan Selatan"
    assert all(tes_soal.benar(s, dibaca.jawaban[s.id]) for s in soal)


def test_simpan_statis_koma_tanpa_kutip(tmp_path: Path) -> None:
    from p3pd import tes_isian

    pesan = tes_isian.simpan_statis(
        {"S01": (22, 5), "S02": ...}, "awal", "JTG-A-001", "A", "Jateng", folder=tmp_path
    )
    assert "S01" in pesan.teks and "koma" in pesan.teks and pesan.jenis == "belum_tepat"
    assert not list(tmp_path.iterdir())
    pesan = tes_isian.simpan_statis({"S01": "22,5"}, "awal", "Budi", "A", "Jateng", folder=tmp_path)
    assert pesan.teks.startswith("Belum tersimpan") and "nama orang" in pesan.teks
    assert not list(tmp_path.iterdir())


def test_jawaban_kertas_kolom_hilang_atau_kelas_kosong(tmp_path: Path) -> None:
    berkas = tmp_path / "kertas.csv"
    berkas.write_text("kode_peserta;jenis;kelas;provinsi;S01\nNTT-A-001;awal;A;NTT;B\n")
    with pytest.raises(DataTidakValid, match="S02|s02"):
        impor_kertas(berkas, tmp_path / "jawaban")
    soal = [s.id for s in tes_soal.daftar_soal()]
    baris = ["NTT-A-001", "awal", "", "NTT", *(["A"] * len(soal))]
    berkas.write_text(
        ";".join(["kode_peserta", "jenis", "kelas", "provinsi", *soal])
        + "\n"
        + ";".join(baris)
        + "\n"
    )
    with pytest.raises(DataTidakValid, match="Kelas belum diisi"):
        impor_kertas(berkas, tmp_path / "jawaban")
    assert not (tmp_path / "jawaban").exists()
