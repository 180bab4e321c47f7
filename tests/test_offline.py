"""Bukti luring: pelatihan berjalan tanpa internet (hotel tanpa jaringan, kantor di balik proxy).

Dua lapis bukti:

- **Dijalankan tanpa jaringan.** Empat pelajaran (``PELAJARAN_LURING``: memuat data, berkas
  Excel berantakan, APBDes, ekspor rencana tindak lanjut), ``p3pd handout`` satu provinsi (laporan,
  grafik, agenda, PDF), dan sesi JupyterLab di Chromium (``tests/test_browser.py``: pelajaran 00
  dengan pemeriksaan latihan dan 04 dengan widget) dijalankan di dalam namespace jaringan yang
  hanya punya loopback (``unshare -n`` lalu ``ip link set lo up``): setiap upaya ke internet gagal
  seketika. Sesudahnya handout HTML dibuka di Chromium dan setiap permintaannya dicatat: tidak
  satu pun boleh keluar dari komputer ini. Dilewati (dengan alasan) bila namespace jaringan tidak
  diizinkan di sini.
- **Dibaca.** Tidak satu pun sel kode di notebook, latihan, dan solusi memuat alamat web atau
  pustaka jaringan, dan satu-satunya pemakaian soket di ``p3pd`` adalah pemeriksaan loopback
  handout. Pelajaran lain tetap dijalankan utuh oleh nbval di uji biasa.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import peramban
import pytest

pytestmark = [pytest.mark.luring, pytest.mark.lambat]

AKAR = Path(__file__).resolve().parents[1]

PELAJARAN_LURING = (
    "01_kecamatan_rumah_bersama",
    "02_membaca_data_desa",
    "05_belanja_desa_berkualitas",
    "09_rencana_tindak_lanjut",
)
"""Pelajaran yang dijalankan di namespace tanpa jaringan (00 dan 04 dijalankan di peramban)."""

_POLA_JARINGAN = re.compile(
    r"https?://|\bftp://|\burllib\b|\brequests\b|\bhttpx\b|\bsocket\b|\burlopen\b|"
    r"\bhttp\.client\b|\baiohttp\b|\bpooch\b|\bwget\b|\bcurl\b"
)

_CEK_TERPUTUS = """
import socket
for tujuan in [("1.1.1.1", 80), ("pypi.org", 443)]:
    try:
        socket.create_connection(tujuan, timeout=3).close()
    except OSError:
        continue
    raise SystemExit(f"jaringan masih tersambung ke {tujuan}")
print("JARINGAN TERPUTUS")
"""


_JALANKAN_NOTEBOOK = """
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

keluaran = Path(sys.argv[1])
for jalur in map(Path, sys.argv[2:]):
    nb = nbformat.read(jalur, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(jalur.parent)}}).execute()
    galat = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if o.output_type == "error"]
    if galat:
        raise SystemExit(f"{jalur.name}: {galat[0].ename}: {galat[0].evalue}")
    nbformat.write(nb, keluaran / jalur.name)
    print("OK", jalur.name)
"""


def _awalan_namespace() -> list[str]:
    """Perintah pembuka namespace jaringan hanya-loopback, atau skip dengan alasan yang jelas."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.skip("unshare/ip tidak ada (pasang util-linux dan iproute2) — uji luring dilewati")
    for awalan in (["unshare", "-n"], ["unshare", "-rn"]):
        coba = subprocess.run(
            [*awalan, "sh", "-c", "ip link set lo up"], capture_output=True, check=False
        )
        if coba.returncode == 0:
            return awalan
    pytest.skip(
        "namespace jaringan tidak diizinkan di sini (perlu root atau user namespace): "
        + coba.stderr.decode(errors="replace").strip()
    )


def _luring(awalan: list[str], *perintah: str, folder: Path) -> subprocess.CompletedProcess:
    """Jalankan ``perintah`` di namespace baru yang hanya punya loopback."""
    skrip = 'ip link set lo up && exec "$@"'
    lingkungan = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    lingkungan.update(P3PD_TANGKAPAN=str(folder / "tangkapan"), PYTHONDONTWRITEBYTECODE="1")
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        lingkungan.pop(proxy, None)
    return subprocess.run(
        [*awalan, "sh", "-c", skrip, "luring", *perintah],
        cwd=AKAR,
        env=lingkungan,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def test_notebook_handout_dan_jupyterlab_tanpa_jaringan(tmp_path):
    awalan = _awalan_namespace()
    py = sys.executable

    terputus = _luring(awalan, py, "-c", _CEK_TERPUTUS, folder=tmp_path)
    assert "JARINGAN TERPUTUS" in terputus.stdout, terputus.stdout + terputus.stderr

    # Notebook pelajaran dijalankan dari atas ke bawah (salinan di folder sementara; angka
    # kuncinya dibandingkan oleh nbval di uji biasa, di sini cukup: tanpa galat, tanpa jaringan).
    notebook = [str(AKAR / "notebooks" / f"{nama}.ipynb") for nama in PELAJARAN_LURING]
    assert all(Path(n).exists() for n in notebook), notebook
    jalan = _luring(awalan, py, "-c", _JALANKAN_NOTEBOOK, str(tmp_path), *notebook, folder=tmp_path)
    assert jalan.returncode == 0, jalan.stdout[-6000:] + jalan.stderr[-3000:]
    assert jalan.stdout.count("OK ") == len(notebook), jalan.stdout

    keluaran = tmp_path / "handout luring"
    bangun = _luring(
        awalan,
        py,
        "-m",
        "p3pd",
        "handout",
        "NTT",
        "--keluaran",
        str(keluaran),
        "--pekerja",
        "1",
        "--tanpa-progres",
        folder=tmp_path,
    )
    assert bangun.returncode == 0, bangun.stdout + bangun.stderr
    html = sorted(keluaran.glob("*.html"))
    assert len(html) == 1 and sorted(keluaran.glob("*.pdf")), sorted(keluaran.iterdir())

    chromium = peramban.cari_chromium()
    if chromium is not None:
        sesi = _luring(
            awalan,
            py,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "tests/test_browser.py",
            folder=tmp_path,
        )
        assert sesi.returncode == 0, sesi.stdout[-6000:] + sesi.stderr[-2000:]
        assert "3 passed" in sesi.stdout, sesi.stdout[-3000:]

        # Handout HTML dibuka di peramban: semua permintaannya tetap di komputer ini.
        with peramban.chromium(chromium) as b:
            halaman = b.new_page(viewport=peramban.UKURAN_LAYAR)
            permintaan: list[str] = []
            halaman.on("request", lambda r: permintaan.append(r.url))
            halaman.goto(html[0].as_uri(), wait_until="networkidle")
            assert "Nusa Tenggara Timur" in halaman.inner_text("body")
            assert halaman.locator("img").count() > 0
            halaman.screenshot(
                path=str(peramban.folder_tangkapan() / "handout_luring.png"), full_page=False
            )
        luar = sorted({u for u in permintaan if not peramban.alamat_lokal(u)})
        assert not luar, f"handout HTML meminta alamat di luar komputer ini: {luar}"
        assert permintaan and permintaan[0].startswith("file:"), permintaan[:3]
    else:
        pytest.skip(
            "notebook dan handout lulus luring; sesi peramban dilewati karena Chromium tidak "
            f"ditemukan ({peramban.CARA_PASANG_CHROMIUM})"
        )


def _sel_kode(berkas: Path) -> list[str]:
    nb = json.loads(berkas.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("folder", ["notebooks", "exercises", "solutions"])
def test_sel_kode_tanpa_alamat_web_atau_pustaka_jaringan(folder):
    berkas = sorted((AKAR / folder).glob("*.ipynb"))
    assert berkas
    temuan = [
        f"{b.name}: {m.group(0)!r}"
        for b in berkas
        for sumber in _sel_kode(b)
        for m in [_POLA_JARINGAN.search(sumber)]
        if m
    ]
    assert not temuan, temuan


def test_pola_jaringan_mengenali_pemanggilan_internet():
    for sumber in (
        'pd.read_csv("https://data.go.id/x.csv")',
        "import urllib.request",
        "import requests",
        "from socket import create_connection",
    ):
        assert _POLA_JARINGAN.search(sumber), sumber
    assert not _POLA_JARINGAN.search("from p3pd import muat\nmuat.muat_wilayah()")


def test_modul_p3pd_hanya_memakai_soket_loopback():
    pemakai = {
        p.relative_to(AKAR).as_posix()
        for p in (AKAR / "modules" / "p3pd").rglob("*.py")
        if re.search(
            r"^\s*(import|from)\s+(socket|urllib|requests|httpx|http\.client|aiohttp)\b",
            p.read_text(encoding="utf-8"),
            flags=re.M,
        )
    }
    assert pemakai == {"modules/p3pd/handout.py"}, pemakai
    sumber = (AKAR / "modules" / "p3pd" / "handout.py").read_text(encoding="utf-8")
    assert set(re.findall(r"create_connection\(\((.*?),", sumber)) == {'"127.0.0.1"'}
