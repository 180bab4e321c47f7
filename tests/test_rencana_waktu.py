"""Uji rencana waktu fasilitator di notebook materi: satu sumber menit, titik waktu yang konsisten.

Menit sesi ditulis sekali di ``modules/p3pd/referensi/kurikulum.toml`` (README dan "Estimasi
waktu" notebook diuji sama dengannya oleh ``test_kurikulum``). Notebook yang padat memuat tabel "Rencana waktu" (bagian → menit) di sel
Estimasi waktu dan tanda "⏱ Menit ke-N dari M" di awal setiap bagian. Uji ini memastikan
menitnya berjumlah tepat Estimasi waktu, tanda waktunya sesuai dengan tabel, dan bagian
opsional ditandai "(opsional)" di judulnya.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
WAJIB_BERENCANA = ("02_membaca_data_desa.ipynb",)
"""Notebook yang isinya melebihi sesi bila semua bagian dibahas: wajib punya rencana waktu."""

_ESTIMASI = re.compile(r"Estimasi waktu:\*\*\s*(\d+)\s*menit")
_BARIS = re.compile(r"^\|\s*(?P<bagian>[^|]+?)\s*\|\s*(?P<menit>\d+)\s*\|\s*$", re.M)
_TITIK = re.compile(r"⏱ Menit ke-(\d+) dari (\d+)")
_JUDUL = re.compile(r"^##\s+(\d+)\.\s", re.M)


def _berencana() -> list[Path]:
    hasil = []
    for berkas in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        if "Rencana waktu" in berkas.read_text(encoding="utf-8") or berkas.name in WAJIB_BERENCANA:
            hasil.append(berkas)
    return hasil


@pytest.mark.parametrize("berkas", _berencana(), ids=lambda p: p.name)
def test_rencana_waktu_sesuai_estimasi_dan_titik_waktu(berkas):
    nb = nbformat.read(berkas, as_version=4)
    teks = [c.source for c in nb.cells if c.cell_type == "markdown"]
    sel_estimasi = next(t for t in teks if _ESTIMASI.search(t))
    estimasi = int(_ESTIMASI.search(sel_estimasi).group(1))
    assert "Rencana waktu" in sel_estimasi, "tabel 'Rencana waktu' ada di sel Estimasi waktu"
    rencana = [(m["bagian"], int(m["menit"])) for m in _BARIS.finditer(sel_estimasi)]
    assert rencana, "tabel rencana waktu kosong"
    assert sum(m for _, m in rencana) == estimasi, "menit rencana berjumlah Estimasi waktu"

    mulai, total = {}, 0
    for bagian, menit in rencana:
        nomor = re.match(r"(\d+)\.", bagian)
        mulai[int(nomor.group(1)) if nomor else bagian] = total
        total += menit
    latihan = next(b for b, _ in rencana if b.lower().startswith("latihan"))

    titik = []
    for t in teks:
        for m in _TITIK.finditer(t):
            assert int(m.group(2)) == estimasi, f"'{m.group(0)}': bukan dari {estimasi}"
            titik.append(int(m.group(1)))
        judul = _JUDUL.search(t)
        nomor = int(judul.group(1)) if judul else None
        if nomor in mulai and mulai[nomor] > 0:
            m = _TITIK.search(t)
            assert m and int(m.group(1)) == mulai[nomor], (
                f"bagian {nomor}: tanda '⏱ Menit ke-{mulai[nomor]} dari {estimasi}'"
            )
    assert titik == sorted(set(titik)), "tanda waktu naik dari atas ke bawah"
    assert titik[-1] == mulai[latihan], "tanda waktu terakhir: awal latihan"
    bagian_isi = {int(j) for t in teks for j in _JUDUL.findall(t)}
    assert bagian_isi == {k for k in mulai if isinstance(k, int)}, "setiap bagian ada di rencana"


@pytest.mark.parametrize("berkas", _berencana(), ids=lambda p: p.name)
def test_bagian_opsional_ditandai_di_judul(berkas):
    nb = nbformat.read(berkas, as_version=4)
    judul = [
        baris
        for c in nb.cells
        if c.cell_type == "markdown"
        for baris in c.source.splitlines()
        if baris.startswith("#")
    ]
    opsional = [j for j in judul if "(opsional)" in j]
    assert opsional, "bagian opsional ditandai '(opsional)' di judulnya"
    estimasi = next(c.source for c in nb.cells if _ESTIMASI.search(c.source))
    assert "*(opsional)*" in estimasi, "rencana waktu menyebut bagian opsional"


def test_notebook_padat_punya_rencana_waktu():
    assert {p.name for p in _berencana()} >= set(WAJIB_BERENCANA)
