"""Pembantu uji peramban: JupyterLab sungguhan di localhost dan Chromium Debian lewat Playwright.

Dipakai ``tests/test_browser.py`` dan ``tests/test_offline.py``. Tidak ada unduhan peramban:
Playwright diarahkan ke Chromium yang dipasang dari apt (``/usr/bin/chromium``), tidak pernah
``playwright install``. JupyterLab berjalan dengan folder setelan, runtime, dan konfigurasi
sementara (setelan pengguna di komputer ini tidak ikut), ditambah setelan kurikulum dari
``jupyter-config/`` — yang sama dengan yang dipasang ``make pasang``, ``postBuild`` (Binder),
dan ``python jupyter-config/pasang_setelan.py``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

AKAR = Path(__file__).resolve().parents[1]

FLAG_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
"""Bendera Chromium tanpa layar: tanpa sambungan latar ke internet (pembaruan, sinkronisasi)."""

UKURAN_LAYAR = {"width": 1366, "height": 768}
"""Layar laptop kantor yang paling umum."""

CARA_PASANG_CHROMIUM = "apt-get install -y --no-install-recommends chromium"


def cari_chromium() -> str | None:
    """Jalur Chromium (``P3PD_CHROMIUM``, ``/usr/bin/chromium``, atau di PATH); ``None`` bila tidak ada."""
    for calon in (os.environ.get("P3PD_CHROMIUM"), "/usr/bin/chromium"):
        if calon and Path(calon).is_file():
            return calon
    for nama in ("chromium", "chromium-browser"):
        jalur = shutil.which(nama)
        if jalur:
            return jalur
    return None


def folder_tangkapan() -> Path:
    """Folder tangkapan layar uji (tidak di-commit: ``keluaran/`` ada di .gitignore)."""
    folder = Path(os.environ.get("P3PD_TANGKAPAN", AKAR / "keluaran" / "tangkapan_layar"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def alamat_lokal(url: str) -> bool:
    """Benar bila ``url`` tidak keluar dari komputer ini (localhost, 127.0.0.1, data:, blob:, file:)."""
    bagian = urlparse(url)
    if bagian.scheme in ("data", "blob", "file", "about"):
        return True
    return bagian.hostname in ("localhost", "127.0.0.1", "::1")


def _porta_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """Satu server JupyterLab di 127.0.0.1 dengan token acak, folder kerja ``kerja``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.kerja = self.folder / "kerja"
        self.kerja.mkdir(parents=True, exist_ok=True)
        self.token = secrets.token_hex(16)
        self.porta = _porta_bebas()
        self.proses: subprocess.Popen | None = None
        self.log = self.folder / "jupyterlab.log"

    @property
    def dasar(self) -> str:
        """Alamat dasar server."""
        return f"http://127.0.0.1:{self.porta}"

    def salin(self, relatif: str, nama: str | None = None) -> str:
        """Salin notebook repositori ke folder kerja (notebook asli tidak pernah diubah)."""
        nama = nama or Path(relatif).name
        shutil.copyfile(AKAR / relatif, self.kerja / nama)
        return nama

    def url(self, nama: str) -> str:
        """Alamat untuk membuka notebook ``nama`` di JupyterLab."""
        return f"{self.dasar}/lab/tree/{nama}?token={self.token}"

    def mulai(self, batas_tunggu: float = 120) -> None:
        """Nyalakan JupyterLab dan tunggu sampai menjawab."""
        lingkungan = dict(os.environ)
        lingkungan.pop("MPLBACKEND", None)
        lingkungan.update(
            JUPYTER_CONFIG_DIR=str(self.folder / "konfigurasi"),
            JUPYTER_CONFIG_PATH=str(AKAR / "jupyter-config"),
            JUPYTERLAB_SETTINGS_DIR=str(self.folder / "setelan"),
            JUPYTERLAB_WORKSPACES_DIR=str(self.folder / "ruang_kerja"),
            JUPYTER_RUNTIME_DIR=str(self.folder / "runtime"),
            PYDEVD_DISABLE_FILE_VALIDATION="1",
        )
        perintah = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.porta}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.kerja}",
            # Hanya agar uji dapat memanggil perintah JupyterLab (mis. "Run All Cells").
            "--LabApp.expose_app_in_browser=True",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            perintah.append("--allow-root")
        with open(self.log, "wb") as log:
            self.proses = subprocess.Popen(
                perintah, env=lingkungan, cwd=self.kerja, stdout=log, stderr=subprocess.STDOUT
            )
        akhir = time.monotonic() + batas_tunggu
        while True:
            if self.proses.poll() is not None:
                raise RuntimeError(f"JupyterLab berhenti saat menyala:\n{self.catatan()}")
            try:
                with urllib.request.urlopen(
                    f"{self.dasar}/api/status?token={self.token}", timeout=2
                ):
                    return
            except OSError:
                if time.monotonic() > akhir:
                    raise RuntimeError(
                        f"JupyterLab tidak menjawab di {self.dasar}:\n{self.catatan()}"
                    ) from None
                time.sleep(0.3)

    def catatan(self) -> str:
        """Akhir log server (untuk pesan galat)."""
        with contextlib.suppress(OSError):
            return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]
        return ""

    def hentikan(self) -> None:
        """Matikan server (dan kernelnya)."""
        if self.proses is None or self.proses.poll() is not None:
            return
        self.proses.terminate()
        try:
            self.proses.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proses.kill()
            self.proses.wait(timeout=10)


@contextlib.contextmanager
def jupyterlab(folder: Path) -> Iterator[Lab]:
    """``with jupyterlab(tmp) as lab:`` — server hidup selama blok, lalu dimatikan."""
    lab = Lab(folder)
    try:
        lab.mulai()
        yield lab
    finally:
        lab.hentikan()


@contextlib.contextmanager
def chromium(jalur: str) -> Iterator[object]:
    """Peramban Chromium tanpa layar (Playwright, ``executable_path`` = Chromium Debian)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        peramban = p.chromium.launch(executable_path=jalur, headless=True, args=FLAG_CHROMIUM)
        try:
            yield peramban
        finally:
            peramban.close()


# --------------------------------------------------------------------------- di dalam halaman

NOTEBOOK_AKTIF = ".jp-NotebookPanel:not(.lm-mod-hidden)"
"""Pemilih CSS tab notebook yang sedang tampil (tab lain yang masih terbuka tersembunyi)."""

JS_NOTEBOOK_SIAP = """async () => {
  const w = window.jupyterapp.shell.currentWidget;
  await w.context.ready;
  await w.sessionContext.ready;
  return w.sessionContext.session !== null && w.sessionContext.session.kernel !== null;
}"""

JS_SELESAI = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.sessionContext || !w.sessionContext.session) return false;
  const k = w.sessionContext.session.kernel;
  const sibuk = [...w.node.querySelectorAll('.jp-InputPrompt')].some(e => e.textContent.includes('*'));
  return k !== null && k.status === 'idle' && !sibuk;
}"""

JS_KELUARAN = """() => window.jupyterapp.shell.currentWidget.context.model.toJSON()"""


def buka_notebook(halaman, lab: Lab, nama: str) -> None:
    """Buka notebook di tab JupyterLab dan tunggu kernelnya siap."""
    halaman.goto(lab.url(nama))
    halaman.wait_for_function(
        "(nama) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " return !!(w && w.context && w.context.path === nama && w.sessionContext); }",
        arg=nama,
        timeout=120_000,
    )
    assert halaman.evaluate(JS_NOTEBOOK_SIAP), f"kernel untuk {nama} tidak menyala"


def jalankan_semua(halaman) -> None:
    """Run → Run All Cells, lalu tunggu sampai semua sel selesai dan kernel diam."""
    halaman.evaluate(
        "async () => await window.jupyterapp.commands.execute('notebook:run-all-cells')"
    )
    halaman.wait_for_function(JS_SELESAI, timeout=300_000)


def keluaran_galat(halaman) -> list[str]:
    """Semua keluaran galat notebook yang terbuka (``ename: evalue``)."""
    nb = halaman.evaluate(JS_KELUARAN)
    return [
        f"sel {i}: {o.get('ename')}: {o.get('evalue')}"
        for i, sel in enumerate(nb["cells"])
        if sel["cell_type"] == "code"
        for o in sel.get("outputs", [])
        if o.get("output_type") == "error"
    ]


def jumlah_notifikasi(halaman) -> int:
    """Banyaknya notifikasi (toast) JupyterLab yang sedang tampil."""
    return halaman.locator(".jp-toastContainer .Toastify__toast").count()
