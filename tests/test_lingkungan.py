"""environment.yml (conda/Binder) harus mencerminkan dependensi pyproject.toml, tidak lebih dan tidak kurang."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
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


# --------------------------------------------------------------------------- Binder dan setelan


def test_environment_siap_binder():
    """repo2docker membaca environment.yml di akar, lalu menjalankan postBuild."""
    teks = (AKAR / "environment.yml").read_text(encoding="utf-8")
    kanal = teks.split("channels:", 1)[1].split("dependencies:", 1)[0]
    assert [b.strip("- ").strip() for b in kanal.splitlines() if b.strip()] == ["conda-forge"]
    conda, pip, _ = _environment()
    assert "jupyterlab" in conda and "ipywidgets" in conda
    post = AKAR / "postBuild"
    assert post.is_file() and os.access(post, os.X_OK), "postBuild harus ada dan dapat dijalankan"
    assert "jupyter-config/pasang_setelan.py" in post.read_text(encoding="utf-8")
    assert not (AKAR / "binder").exists(), (
        "folder binder/ akan membuat repo2docker mengabaikan akar"
    )


def test_setelan_jupyterlab_mematikan_berita_dan_cek_pembaruan(tmp_path):
    halaman = json.loads(
        (AKAR / "jupyter-config/labconfig/page_config.d/p3pd-kecamatan.json").read_text("utf-8")
    )
    assert halaman["disabledExtensions"]["@jupyterlab/apputils-extension:announcements"] is True
    setelan = json.loads(
        (
            AKAR / "jupyter-config/labconfig/default_setting_overrides.d/p3pd-kecamatan.json"
        ).read_text("utf-8")
    )
    notifikasi = setelan["@jupyterlab/apputils-extension:notification"]
    assert notifikasi == {"fetchNews": "false", "checkForUpdates": False}

    # Pemasang menyalin ke <prefix>/etc/jupyter/labconfig, dan JupyterLab membacanya dari sana.
    subprocess.run(
        [sys.executable, str(AKAR / "jupyter-config/pasang_setelan.py"), "--prefix", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    from jupyterlab_server.config import get_static_page_config

    lingkungan = {"JUPYTER_CONFIG_PATH": str(tmp_path / "etc" / "jupyter")}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in lingkungan.items():
            mp.setenv(k, v)
        mp.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "kosong"))
        konfigurasi = get_static_page_config(level="all")
    assert konfigurasi["disabledExtensions"]["@jupyterlab/apputils-extension:announcements"]


# --------------------------------------------------------------------------- pemasangan baru


def _salin_repo(tujuan: Path) -> Path:
    abaikan = shutil.ignore_patterns(
        ".git",
        ".venv",
        "venv",
        "keluaran",
        "handout",
        "build",
        "dist",
        "__pycache__",
        "*.egg-info",
        ".pytest_cache",
        ".ruff_cache",
        ".ipynb_checkpoints",
        "kerja_saya",
        "_data",
    )
    return Path(shutil.copytree(AKAR, tujuan, ignore=abaikan))


@pytest.mark.lambat
def test_pemasangan_baru_dari_pyproject_lalu_mulai_cepat(tmp_path):
    """venv baru + ``pip install -e`` dari salinan repositori, lalu perintah mulai cepat README."""
    repo = _salin_repo(tmp_path / "klon p3pd")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_ = venv / ("Scripts" if os.name == "nt" else "bin")
    py = bin_ / ("python.exe" if os.name == "nt" else "python")
    lingkungan = {k: v for k, v in os.environ.items() if k not in ("P3PD_DATA", "MPLBACKEND")}
    lingkungan.pop("VIRTUAL_ENV", None)

    def jalan(*perintah: str | Path) -> str:
        hasil = subprocess.run(
            [str(p) for p in perintah],
            cwd=repo,
            env=lingkungan,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
        assert hasil.returncode == 0, f"{perintah}:\n{hasil.stdout[-3000:]}\n{hasil.stderr[-3000:]}"
        return hasil.stdout

    jalan(py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", repo)
    jalan(py, "-m", "pip", "check")
    jalan(py, repo / "jupyter-config" / "pasang_setelan.py")

    assert "Penggunaan: p3pd" in jalan(bin_ / "p3pd", "--help")
    assert "Penggunaan: p3pd" in jalan(py, "-m", "p3pd", "--help")
    ringkasan = jalan(bin_ / "p3pd", "ringkasan")
    assert "SINTETIS" in ringkasan.upper()
    keluaran = tmp_path / "handout baru"
    jalan(bin_ / "p3pd", "handout", "Kalsel", "--format", "html", "--keluaran", keluaran,
          "--pekerja", "1", "--tanpa-progres")  # fmt: skip
    html = list(keluaran.glob("*.html"))
    assert len(html) == 1 and "Kalimantan Selatan" in html[0].read_text(encoding="utf-8")
    # Paket p3pd di venv baru adalah salinan ini (bukan .venv pengembang).
    lokasi = jalan(py, "-c", "import p3pd, pathlib; print(pathlib.Path(p3pd.__file__).resolve())")
    assert str(repo.resolve()) in lokasi
    # Setelan kurikulum terpasang: pengumuman berita JupyterLab mati di venv baru ini.
    daftar = subprocess.run(
        [str(bin_ / "jupyter"), "labextension", "list"],
        env=lingkungan,
        capture_output=True,
        text=True,
        check=True,
    )
    teks = daftar.stdout + daftar.stderr
    assert "Disabled extensions" in teks
    assert "@jupyterlab/apputils-extension:announcements" in teks.split("Disabled extensions")[1]


def test_setiap_target_make_punya_padanan_di_readme():
    """Di Windows tidak ada make: README memberi perintah biasa untuk setiap target."""
    makefile = (AKAR / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE).group(1).split()
    readme = (AKAR / "README.md").read_text(encoding="utf-8")
    baris = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^\| `make ([a-z]+)` \| (.+) \|$", readme, re.MULTILINE)
    }
    assert set(target) <= set(baris), f"tanpa padanan di README: {sorted(set(target) - set(baris))}"
    for nama in ("handout", "ringkasan", "data", "latihan", "segarkan"):
        assert "p3pd " in baris[nama], (nama, baris[nama])
        assert re.search(
            rf"\$\(VENV\)/bin/p3pd {re.escape(baris[nama].split('`')[1][5:])}", makefile
        )
