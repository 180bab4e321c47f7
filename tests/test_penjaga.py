"""Uji ``p3pd.penjaga``: penjelas terpasang di kernel sungguhan, jawaban dari sel gagal tidak dinilai.

Dijalankan dengan kernel Jupyter sungguhan (nbclient, seperti JupyterLab dan papermill), dengan
nbval, dan dengan shell IPython di dalam proses.
"""

from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from p3pd.notebook import KERNELSPEC, kelas_kernel_lingkungan_ini
from p3pd.penjaga import JawabanGagal, lepas, nama_jawaban, pasang

IMPOR = "from p3pd.cek import cek\nfrom p3pd.notebook import siapkan\n\nsiapkan(diam=True)"
GAGAL = {"tags": ["raises-exception"]}


def _notebook(*sel: str | tuple[str, dict]) -> nbformat.NotebookNode:
    isi = []
    for s in sel:
        kode, meta = s if isinstance(s, tuple) else (s, {})
        isi.append(new_code_cell(kode, metadata=meta))
    return new_notebook(cells=isi, metadata={"kernelspec": dict(KERNELSPEC)})


def _jalankan(nb: nbformat.NotebookNode, folder) -> list:
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        kernel_manager_class=kelas_kernel_lingkungan_ini(),
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    return nb.cells


def _teks(sel) -> str:
    bagian = []
    for k in sel.outputs:
        if k.output_type == "error":
            bagian.append("\n".join(k.traceback))
        elif k.output_type == "stream":
            bagian.append(k.text)
        else:
            bagian.append(k.get("data", {}).get("text/plain", ""))
    return "\n".join(bagian)


@pytest.mark.parametrize(
    "sumber, nama",
    [
        ("jawaban_2 = Namo Rambe", ["jawaban_2"]),
        ("x = 1\njawaban_1 = x + 1", ["jawaban_1"]),
        ("jawaban_1, jawaban_2 = 1, 2", ["jawaban_1", "jawaban_2"]),
        ("a = jawaban_3 = 5", ["jawaban_3"]),
        ("jawaban_4: int = 99,04", ["jawaban_4"]),
        ("cek(jawaban_1, 5)\njawaban_1 == 3", []),
        ("    jawaban_5 = (1,", ["jawaban_5"]),
        ("ambang = 25", []),
    ],
)
def test_nama_jawaban_dari_sumber_yang_tidak_sah_sekalipun(sumber, nama):
    assert nama_jawaban(sumber) == nama


def test_kernel_sungguhan_jawaban_sel_gagal_tidak_dinilai(tmp_path):
    nb = _notebook(
        IMPOR,
        'jawaban_2 = "Namo Rambe"',
        'cek(jawaban_2, "Namo Rambe")',
        ("jawaban_2 = Namo Rambe", GAGAL),
        'cek(jawaban_2, "Namo Rambe")',
        'jawaban_2 = "Namo Rambe"',
        'cek(jawaban_2, "Namo Rambe")',
        ("jawaban_1 = 99,04", GAGAL),
        "cek(jawaban_1, 99.04)",
        "jawaban_1 = ...",
        "cek(jawaban_1, 99.04)",
    )
    sel = _jalankan(nb, tmp_path)
    assert _teks(sel[2]).startswith("Benar!")
    # sel jawaban yang gagal: penjelasan Indonesia, pesan asli tetap ada
    gagal = sel[3]
    tampil = [k for k in gagal.outputs if k.output_type == "display_data"]
    assert len(tampil) == 1
    teks = tampil[0].data["text/plain"]
    assert teks.startswith("Sel ini gagal dijalankan — teks belum diapit tanda kutip.")
    assert 'jawaban_2 = "Namo Rambe"' in teks and "SyntaxError: invalid syntax" in teks
    html = tampil[0].data["text/html"]
    assert "<details" in html and "Pesan asli (bahasa Inggris)" in html
    galat = [k for k in gagal.outputs if k.output_type == "error"]
    assert len(galat) == 1 and galat[0].ename == "SyntaxError"
    assert "teks belum diapit tanda kutip" in galat[0].traceback[0]
    # sel cek sesudahnya tidak menilai nilai lama
    sesudah = _teks(sel[4])
    assert "Benar!" not in sesudah
    assert sesudah.startswith("Sel jawaban terakhir gagal dijalankan")
    assert "Nama ditulis di antara tanda kutip" in sesudah
    # setelah diperbaiki, nilainya berlaku lagi
    assert _teks(sel[6]).startswith("Benar!")
    assert "Pakai titik untuk desimal" in _teks(sel[8])
    assert _teks(sel[10]).startswith("Belum dijawab")


def test_kernel_sungguhan_sel_gagal_tetap_gagal_dan_balasan_membawa_traceback_lengkap(tmp_path):
    from nbclient.exceptions import CellExecutionError

    nb = _notebook(IMPOR, "import pandas as pd\ndata = pd.DataFrame({'a': [1]})", "data['b']")
    with pytest.raises(CellExecutionError) as info:
        _jalankan(nb, tmp_path)
    assert info.value.ename == "KeyError"
    pesan = re.sub(r"\x1b\[[0-9;]*m", "", str(info.value))
    assert "Traceback" in pesan and "KeyError: 'b'" in pesan  # traceback asli untuk pengembang
    assert "kolom atau label 'b' tidak ditemukan" in _teks(nb.cells[2])


def test_nbval_menjalankan_notebook_dengan_penjaga(tmp_path):
    nb = _notebook(
        IMPOR,
        'jawaban_2 = "Namo Rambe"',
        ("jawaban_2 = Namo Rambe", GAGAL),
        ('cek(jawaban_2, "Namo Rambe")', {"tags": ["nbval-check-output"]}),
        ("jawaban_3 = Getasan", GAGAL),
    )
    berkas = tmp_path / "coba.ipynb"
    _jalankan(nb, tmp_path)  # keluaran rujukan untuk sel nbval-check-output
    nbformat.write(nb, berkas)
    hasil = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--nbval-lax",
            "--nbval-current-env",
            str(berkas),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "5 passed" in hasil.stdout


def test_shell_ipython_dalam_proses():
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    try:
        assert pasang(ip)
        assert pasang(ip)  # dua kali: tetap satu pemasangan
        assert ip.events.callbacks["post_run_cell"].count(ip._p3pd_penjaga.sesudah_sel) == 1
        assert ip.run_cell('jawaban_9 = "Namo Rambe"').success
        hasil = ip.run_cell("jawaban_9 = Namo Rambe")
        assert not hasil.success and isinstance(hasil.error_before_exec, SyntaxError)
        nilai = ip.user_ns["jawaban_9"]
        assert isinstance(nilai, JawabanGagal) and "tanda kutip" in nilai.petunjuk
        assert "jawaban_9" in repr(nilai) and "gagal" in nilai._repr_html_()
        assert not ip.run_cell("jawaban_9 = 1 / 0").success
        assert "pembagian dengan nol" in ip.user_ns["jawaban_9"].petunjuk.lower()
        assert ip.run_cell("jawaban_9 = 3").success and ip.user_ns["jawaban_9"] == 3
        assert not ip.run_cell("lain = Namo Rambe").success  # bukan jawaban: tidak disentuh
        assert ip.user_ns["jawaban_9"] == 3
        lepas(ip)
        assert ip.custom_exceptions == ()
        assert not ip.run_cell("jawaban_9 = Namo Rambe").success
        assert ip.user_ns["jawaban_9"] == 3  # tanpa penjaga: perilaku IPython biasa
    finally:
        lepas(ip)
        InteractiveShell.clear_instance()  # uji lain tidak melihat shell ini lewat get_ipython()


def test_pasang_di_luar_ipython():
    assert pasang(None) is False
    assert pasang(object()) is False
