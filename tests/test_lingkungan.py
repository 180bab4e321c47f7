"""environment.yml (conda/Binder) harus mencerminkan dependensi pyproject.toml, tidak lebih dan tidak kurang."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[1]

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

_NAMA = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _normal_nama(nama: str) -> str:
    return re.sub(r"[-_.]+", "-", nama).lower()


def _normal_batas(batas: str) -> str:
    """Samakan penulisan versi pip dan conda: '==0.11.*' (pip) setara '=0.11' (conda)."""
    batas = batas.replace(" ", "")
    batas = re.sub(r"^==([\d.]+)\.\*$", r"=\1", batas)
    return ",".join(sorted(batas.split(","))) if batas else ""


def _pisah(spek: str) -> tuple[str, str]:
    cocok = _NAMA.match(spek.split(";")[0].split("#")[0])
    assert cocok, spek
    return _normal_nama(cocok.group(1)), _normal_batas(cocok.group(2))


def _pyproject() -> dict[str, str]:
    data = tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))
    proyek = data["project"]
    semua = list(proyek["dependencies"]) + [
        d for ds in proyek["optional-dependencies"].values() for d in ds
    ]
    return dict(_pisah(d) for d in semua)


def _environment() -> tuple[dict[str, str], list[str], str]:
    conda: dict[str, str] = {}
    pip: list[str] = []
    python = ""
    di_pip = False
    teks = (AKAR / "environment.yml").read_text(encoding="utf-8")
    for baris in teks.split("\ndependencies:", 1)[1].splitlines():
        isi = baris.split("#")[0].rstrip()
        if not isi.strip().startswith("- "):
            continue
        item = isi.strip()[2:].strip()
        if item == "pip:":
            di_pip = True
            continue
        if di_pip and len(baris) - len(baris.lstrip()) > 4:
            pip.append(item)
            continue
        nama, batas = _pisah(item)
        if nama == "python":
            python = batas
        elif nama != "pip":
            conda[nama] = batas
    return conda, pip, python


def test_dependensi_sama_persis():
    proyek = _pyproject()
    conda, _, _ = _environment()
    assert set(conda) == set(proyek), {
        "hanya di pyproject": sorted(set(proyek) - set(conda)),
        "hanya di environment.yml": sorted(set(conda) - set(proyek)),
    }
    beda = {n: (proyek[n], conda[n]) for n in proyek if proyek[n] != conda[n]}
    assert not beda, f"batas versi berbeda (pyproject, conda): {beda}"


def test_binder_memasang_paket_dan_python_sama():
    _, pip, python = _environment()
    assert "-e ." in pip
    data = tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))
    assert _normal_batas(data["project"]["requires-python"]) == python
    assert data["project"]["scripts"]["p3pd"] == "p3pd.cli:main"


def test_pembanding_mengenali_perbedaan():
    """Pembanding tidak boleh buta: batas versi yang berbeda harus terlihat berbeda."""
    assert _pisah("nbval==0.11.*") == _pisah("nbval=0.11")
    assert _pisah("pandas>=2.2") != _pisah("pandas>=2.1")
    assert _pisah("pytest>=9,<10") == _pisah("pytest<10,>=9")
