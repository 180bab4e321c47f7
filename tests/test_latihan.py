"""Uji pembuat notebook latihan: penanda solusi, pembersihan, determinisme, perlindungan, CLI."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from p3pd import latihan
from p3pd.galat import GalatP3PD
from p3pd.latihan import buat_latihan, buat_semua, susun_latihan, ubah_sumber
from p3pd.notebook import baca_notebook, jalankan_notebook, teks_notebook


def _solusi() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Py", "language": "python"}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    judul = new_markdown_cell("# Latihan 01\n\nPengantar.")
    jawab = new_code_cell(
        "x = 40\njawaban_1 = x + 2  # SOLUSI\n",
        metadata={
            "tags": ["jawaban"],
            "collapsed": False,
            "execution": {"iopub.status.idle": "2024-07-09T08:00:00"},
        },
    )
    jawab.outputs = [new_output("stream", name="stdout", text="42\n")]
    jawab.execution_count = 1
    blok = new_code_cell(
        "### BEGIN SOLUTION\nsementara = 3\njawaban_2 = sementara * 2\nprint(sementara)\n"
        "### END SOLUTION\n### BEGIN HIDDEN TESTS\nassert jawaban_2 == 6\n### END HIDDEN TESTS\n"
        "cek(jawaban_2, 6)"
    )
    hanya_tes = new_code_cell(
        "### BEGIN HIDDEN TESTS\nassert jawaban_1 == 42\n### END HIDDEN TESTS"
    )
    fasil = new_markdown_cell("Kunci: 42", metadata={"tags": ["fasilitator"]})
    fasil_kode = new_code_cell("print('kunci')", metadata={"tags": ["fasilitator", "x"]})
    nb.cells = [judul, jawab, blok, hanya_tes, fasil, fasil_kode]
    return nb


def _tulis(nb: nbformat.NotebookNode, berkas: Path) -> Path:
    berkas.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, os.fspath(berkas))
    return berkas


# --- mengubah isi sel --------------------------------------------------------------------------


def test_akhiran_solusi_menyisakan_ruas_kiri_dan_indentasi():
    assert ubah_sumber("a = 1\njawaban_1 = a + 1  # SOLUSI") == "a = 1\njawaban_1 = ..."
    assert ubah_sumber("if True:\n    b = hitung()  # SOLUSI") == "if True:\n    b = ..."
    assert ubah_sumber("x, y = 1, 2  # SOLUSI") == "x, y = ..."
    assert ubah_sumber("tampilkan(tabel)  #SOLUSI") == "..."
    assert ubah_sumber("a = 1  # catatan # SOLUSI") == "a = ..."


def test_akhiran_solusi_dengan_nilai_awal_untuk_ubah_parameter():
    assert ubah_sumber("ambang = 30  # SOLUSI: 20\ntabel[tabel.x > ambang]") == (
        "ambang = 20\ntabel[tabel.x > ambang]"
    )
    assert ubah_sumber('nama = "Banjar"  # SOLUSI: "Semarang"') == 'nama = "Semarang"'


def test_blok_solusi_menyisakan_setiap_penugasan_atau_elipsis():
    sumber = "### BEGIN SOLUTION\na = 1\nb: int = a + 1\nprint(b)\n### END SOLUTION\ncek(b, 2)"
    assert ubah_sumber(sumber) == "a = ...\nb: int = ...\ncek(b, 2)"
    assert ubah_sumber("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION") == "..."
    bersarang = (
        "for i in range(2):\n    ### BEGIN SOLUTION\n    print(i)\n    ### END SOLUTION\n    pass"
    )
    assert ubah_sumber(bersarang) == "for i in range(2):\n    ...\n    pass"


def test_blok_tes_tersembunyi_dihapus():
    sumber = "a = 1\n### BEGIN HIDDEN TESTS\nassert a == 1\n### END HIDDEN TESTS\na"
    assert ubah_sumber(sumber) == "a = 1\na"


@pytest.mark.parametrize(
    "sumber, potongan",
    [
        ("### BEGIN SOLUTION\na = 1", "tidak ditutup"),
        ("a = 1\n### END SOLUTION", "tanpa penanda pembukanya"),
        ("### BEGIN HIDDEN TESTS\n### BEGIN SOLUTION\n### END HIDDEN TESTS", "di dalam blok"),
        ("total = (a +  # SOLUSI\n    b)", "tidak lagi sah"),
    ],
)
def test_penanda_rusak_memberi_galat_dengan_lokasi(sumber, potongan):
    with pytest.raises(GalatP3PD, match=potongan) as info:
        ubah_sumber(sumber, "solutions/09_x.ipynb, sel 4")
    assert "solutions/09_x.ipynb, sel 4" in str(info.value)


def test_penanda_di_sel_markdown_ditolak():
    nb = _solusi()
    nb.cells.append(new_markdown_cell("Jawaban:\n### BEGIN SOLUTION\n42\n### END SOLUTION"))
    with pytest.raises(GalatP3PD, match="hanya berlaku di sel kode"):
        susun_latihan(nb, "solutions/01_a.ipynb")


# --- satu notebook -----------------------------------------------------------------------------


def test_susun_latihan_membersihkan_notebook():
    solusi = _solusi()
    nb = susun_latihan(solusi, "solutions/01_a.ipynb")
    teks = teks_notebook(nb)
    # fasilitator, tes tersembunyi, dan jawaban hilang; sel yang kosong setelahnya ikut hilang
    assert "Kunci" not in teks and "kunci" not in teks
    assert "HIDDEN" not in teks and "SOLUSI" not in teks and "sementara * 2" not in teks
    kode = [s for s in nb.cells if s.cell_type == "code"]
    assert [s.source for s in kode] == [
        "x = 40\njawaban_1 = ...",
        "sementara = ...\njawaban_2 = ...\ncek(jawaban_2, 6)",
    ]
    assert all(s.outputs == [] and s.execution_count is None for s in kode)
    assert kode[0].metadata == {"tags": ["jawaban"]}
    assert set(nb.metadata) == {"kernelspec", "p3pd"}
    assert nb.metadata["p3pd"]["sumber"] == "solutions/01_a.ipynb"
    # catatan disisipkan tepat setelah judul, dengan id tetap, dan menunjuk ke kerja_saya/
    assert nb.cells[0].source.startswith("# Latihan 01")
    assert nb.cells[1].id == latihan.ID_CATATAN
    assert "kerja_saya/01_a.ipynb" in nb.cells[1].source
    # id sel lain sama dengan di solusi
    assert kode[0].id == solusi.cells[1].id
    # solusi asli tidak berubah
    assert solusi.cells[1].outputs and "# SOLUSI" in solusi.cells[1].source


def test_hasil_deterministik_dan_diakhiri_baris_baru(tmp_path):
    berkas = _tulis(_solusi(), tmp_path / "solutions" / "01_a.ipynb")
    buat_latihan(berkas, tmp_path / "a.ipynb")
    buat_latihan(berkas, tmp_path / "b.ipynb")
    isi = (tmp_path / "a.ipynb").read_bytes()
    assert isi == (tmp_path / "b.ipynb").read_bytes()
    assert isi.endswith(b"}\n")
    assert nbformat.validate(nbformat.reads(isi.decode(), as_version=4)) is None


# --- semua notebook dan perlindungan -----------------------------------------------------------


@pytest.fixture
def proyek(tmp_path: Path) -> Path:
    _tulis(_solusi(), tmp_path / "solutions" / "01_a.ipynb")
    kedua = _solusi()
    kedua.cells[0].source = "# Latihan 02"
    _tulis(kedua, tmp_path / "solutions" / "02_b.ipynb")
    return tmp_path


def test_buat_semua_lalu_periksa(proyek):
    ditulis = buat_semua(proyek / "solutions", proyek / "exercises")
    assert [b.name for b in ditulis] == ["01_a.ipynb", "02_b.ipynb"]
    # tidak ada berkas sementara yang tertinggal
    assert sorted(p.name for p in (proyek / "exercises").iterdir()) == ["01_a.ipynb", "02_b.ipynb"]
    assert buat_semua(proyek / "solutions", proyek / "exercises") == []  # tidak ada perubahan
    diperiksa = buat_semua(proyek / "solutions", proyek / "exercises", periksa_saja=True)
    assert len(diperiksa) == 2


def test_periksa_melaporkan_latihan_yang_menyimpang(proyek):
    latihan_dir = proyek / "exercises"
    buat_semua(proyek / "solutions", latihan_dir)
    berubah = latihan_dir / "02_b.ipynb"
    berubah.write_text(berubah.read_text(encoding="utf-8").replace("Latihan 02", "Latihan 2"))
    (latihan_dir / "01_a.ipynb").unlink()
    _tulis(_solusi(), latihan_dir / "07_yatim.ipynb")
    with pytest.raises(GalatP3PD) as info:
        buat_semua(proyek / "solutions", latihan_dir, periksa_saja=True)
    pesan = str(info.value)
    assert "01_a.ipynb: belum ada" in pesan
    assert "02_b.ipynb: berbeda" in pesan
    assert "07_yatim.ipynb: tidak punya solusi" in pesan
    assert not (latihan_dir / "01_a.ipynb").exists()  # periksa tidak menulis apa pun


def test_latihan_yang_sudah_dijalankan_tidak_ditimpa_kecuali_dipaksa(proyek):
    sol, lat = proyek / "solutions", proyek / "exercises"
    buat_semua(sol, lat)
    dikerjakan = baca_notebook(lat / "01_a.ipynb")
    sel = next(s for s in dikerjakan.cells if s.cell_type == "code")
    sel.source = "x = 40\njawaban_1 = 42"
    sel.outputs = [new_output("stream", name="stdout", text="42\n")]
    sel.execution_count = 3
    _tulis(dikerjakan, lat / "01_a.ipynb")
    milik_peserta = (lat / "01_a.ipynb").read_bytes()
    # solusi diperbarui: kedua latihan perlu dibuat ulang
    for nama in ("01_a.ipynb", "02_b.ipynb"):
        nb = baca_notebook(sol / nama)
        nb.cells.append(new_markdown_cell("## Ringkasan"))
        _tulis(nb, sol / nama)
    with pytest.raises(GalatP3PD) as info:
        buat_semua(sol, lat)
    assert "01_a.ipynb" in str(info.value) and "sudah dijalankan" in str(info.value)
    assert "kerja_saya/" in str(info.value) and "--paksa" in str(info.value)
    assert (lat / "01_a.ipynb").read_bytes() == milik_peserta
    assert "## Ringkasan" in (lat / "02_b.ipynb").read_text(
        encoding="utf-8"
    )  # yang lain tetap dibuat
    assert buat_semua(sol, lat, paksa=True) == [lat / "01_a.ipynb"]
    assert "## Ringkasan" in (lat / "01_a.ipynb").read_text(encoding="utf-8")


def test_latihan_yang_isinya_diubah_tanpa_dijalankan_juga_dilindungi(proyek):
    sol, lat = proyek / "solutions", proyek / "exercises"
    buat_semua(sol, lat)
    nb = baca_notebook(lat / "02_b.ipynb")
    nb.cells.append(new_markdown_cell("Catatan saya"))
    _tulis(nb, lat / "02_b.ipynb")
    assert latihan.alasan_dilindungi(lat / "02_b.ipynb") == "isi selnya sudah diubah sejak dibuat"
    assert latihan.alasan_dilindungi(lat / "01_a.ipynb") is None


def test_penulisan_atomik_tidak_merusak_berkas_lama(proyek, monkeypatch):
    sol, lat = proyek / "solutions", proyek / "exercises"
    buat_semua(sol, lat)
    lama = (lat / "01_a.ipynb").read_bytes()
    nb = baca_notebook(sol / "01_a.ipynb")
    nb.cells[0].source = "# Judul baru"
    _tulis(nb, sol / "01_a.ipynb")

    def gagal(*_a, **_k):
        raise OSError("disk penuh")

    monkeypatch.setattr(os, "replace", gagal)
    with pytest.raises(OSError, match="disk penuh"):
        buat_latihan(sol / "01_a.ipynb", lat / "01_a.ipynb")
    assert (lat / "01_a.ipynb").read_bytes() == lama
    assert sorted(p.name for p in lat.iterdir()) == ["01_a.ipynb", "02_b.ipynb"]


# --- perintah baris ----------------------------------------------------------------------------


def _cli(*argumen: str) -> int:
    parser = argparse.ArgumentParser()
    latihan.daftar_argumen(parser)
    return latihan.jalankan(parser.parse_args(list(argumen)))


def test_cli_membuat_lalu_memeriksa(proyek, capsys):
    assert _cli("--proyek", str(proyek), "02") == 0
    assert capsys.readouterr().out.strip() == "ditulis exercises/02_b.ipynb"
    assert not (proyek / "exercises" / "01_a.ipynb").exists()
    with pytest.raises(GalatP3PD, match="01_a.ipynb: belum ada"):
        _cli("--proyek", str(proyek), "--periksa")
    assert _cli("--proyek", str(proyek)) == 0
    assert _cli("--proyek", str(proyek), "--periksa") == 0
    assert "2 notebook latihan sesuai" in capsys.readouterr().out
    with pytest.raises(GalatP3PD, match="tidak dapat digabung"):
        _cli("--proyek", str(proyek), "--periksa", "--paksa")


# --- menjalankan notebook (satu kernel per notebook; lambat sedikit) ----------------------------


def test_segarkan_menjalankan_notebook_lalu_membuat_latihan(tmp_path, capsys):
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Py", "language": "python"}
    nb.cells = [
        new_markdown_cell("# Latihan 03"),
        new_code_cell("from pathlib import Path\nfrom p3pd.cek import cek\nPath.cwd().name"),
        new_code_cell("jawaban_1 = 6 * 7  # SOLUSI"),
        new_code_cell("cek(jawaban_1, sum(range(10)) - 3)"),
    ]
    _tulis(nb, tmp_path / "solutions" / "03_c.ipynb")
    rusak = new_notebook()
    rusak.cells = [new_code_cell("1 + 1"), new_code_cell("{}['tidak_ada']")]
    berkas_rusak = _tulis(rusak, tmp_path / "notebooks" / "04_rusak.ipynb")
    isi_rusak = berkas_rusak.read_bytes()

    with pytest.raises(GalatP3PD) as info:
        _cli("--proyek", str(tmp_path), "--segarkan")
    pesan = str(info.value)
    assert "04_rusak.ipynb: sel kode ke-2 gagal — KeyError" in pesan
    assert berkas_rusak.read_bytes() == isi_rusak  # berkas yang gagal tidak diubah
    keluaran = capsys.readouterr().out
    assert "GAGAL   notebooks/04_rusak.ipynb" in keluaran
    assert "selesai solutions/03_c.ipynb" in keluaran

    solusi = baca_notebook(tmp_path / "solutions" / "03_c.ipynb")
    kode = [s for s in solusi.cells if s.cell_type == "code"]
    assert [s.execution_count for s in kode] == [1, 2, 3]
    assert (
        kode[0].outputs[0]["data"]["text/plain"] == "'solutions'"
    )  # folder kerja = folder notebook
    assert kode[2].outputs[0]["data"]["text/plain"] == "Benar!"
    assert all("execution" not in s.metadata for s in kode)
    assert "version" not in solusi.metadata.get("language_info", {})

    # latihan tetap dibuat walaupun notebook lain gagal, dan berjalan tanpa galat: "Belum dijawab"
    dijalankan = jalankan_notebook(tmp_path / "exercises" / "03_c.ipynb", simpan=False)
    terakhir = [s for s in dijalankan.cells if s.cell_type == "code"][-1]
    assert terakhir.outputs[0]["data"]["text/plain"].startswith("Belum dijawab")
    assert "Belum dijawab" in terakhir.outputs[0]["data"]["text/html"]
