"""Jalur Windows dan macOS, diuji di Linux: proses ``spawn``, jalur berspasi/non-ASCII, CSV Excel.

Laptop pelatih dan kecamatan kebanyakan Windows. Di sana (dan di macOS) pekerja
``multiprocessing`` dinyalakan dengan ``spawn``, nama folder sering berspasi dan beraksen, dan
CSV disimpan Excel sebagai "CSV UTF-8": diawali BOM dan berakhir baris CRLF. Uji ini
menjalankan jalur yang sama: ``python -m p3pd handout`` dengan ``P3PD_METODE_PROSES=spawn``
pada data CRLF+BOM di folder "Data Kecamatan Ké". Ditambah pemeriksaan statis: paket tidak
memakai fungsi khusus POSIX, dan tidak ada dua berkas yang namanya hanya beda huruf besar/kecil.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from p3pd import handout

AKAR = Path(__file__).resolve().parents[1]
PAKET = AKAR / "modules" / "p3pd"

# Nama yang hanya ada di POSIX (atau berperilaku lain di Windows/macOS).
_KHUSUS_POSIX = {
    ("os", "fork"),
    ("os", "forkpty"),
    ("os", "setsid"),
    ("os", "killpg"),
    ("os", "getuid"),
    ("os", "geteuid"),
    ("os", "chown"),
    ("os", "sched_setaffinity"),
    ("signal", "SIGKILL"),
    ("signal", "SIGHUP"),
    ("signal", "SIGUSR1"),
    ("signal", "SIGUSR2"),
    ("signal", "SIGALRM"),
    ("signal", "SIGCHLD"),
    ("signal", "alarm"),
    ("signal", "pause"),
    ("signal", "setitimer"),
}
_MODUL_POSIX = {"fcntl", "pwd", "grp", "termios", "resource", "pty", "tty"}
_ARGUMEN_POSIX = {"preexec_fn", "start_new_session", "pass_fds"}
# os.kill(pid, 0) di Windows MENGHENTIKAN proses itu (TerminateProcess), bukan memeriksanya.
_KHUSUS_POSIX.add(("os", "kill"))
# Pemakaian yang sudah dijaga: berkas.py memanggil os.kill hanya di balik os.name == "posix".
_DIJAGA = {("berkas.py", "os", "kill")}


def _pelanggaran(berkas: Path) -> list[str]:
    pohon = ast.parse(berkas.read_text(encoding="utf-8"))
    hasil = []
    for simpul in ast.walk(pohon):
        if isinstance(simpul, ast.Import | ast.ImportFrom):
            nama = [a.name for a in simpul.names] if isinstance(simpul, ast.Import) else []
            if isinstance(simpul, ast.ImportFrom) and simpul.module:
                nama.append(simpul.module)
            hasil += [
                f"{berkas.name}:{simpul.lineno} import {n}"
                for n in nama
                if n.split(".")[0] in _MODUL_POSIX
            ]
        elif isinstance(simpul, ast.Attribute) and isinstance(simpul.value, ast.Name):
            kunci = (simpul.value.id, simpul.attr)
            if kunci in _KHUSUS_POSIX and (berkas.name, *kunci) not in _DIJAGA:
                hasil.append(f"{berkas.name}:{simpul.lineno} {'.'.join(kunci)}")
        elif isinstance(simpul, ast.keyword) and simpul.arg in _ARGUMEN_POSIX:
            hasil.append(f"{berkas.name}:{simpul.value.lineno} {simpul.arg}=")
        elif isinstance(simpul, ast.Constant) and simpul.value == "fork":
            hasil.append(f"{berkas.name}:{simpul.lineno} metode proses 'fork'")
    return hasil


def test_paket_tanpa_fungsi_khusus_posix():
    pelanggaran = [p for berkas in sorted(PAKET.rglob("*.py")) for p in _pelanggaran(berkas)]
    assert not pelanggaran, pelanggaran


def test_pemeriksa_posix_tidak_buta(tmp_path):
    contoh = tmp_path / "contoh.py"
    contoh.write_text(
        "import fcntl, os, signal, subprocess\n"
        "os.fork()\nsignal.signal(signal.SIGKILL, None)\n"
        "subprocess.Popen(['x'], start_new_session=True)\n",
        encoding="utf-8",
    )
    temuan = " ".join(_pelanggaran(contoh))
    for kata in ("fcntl", "os.fork", "signal.SIGKILL", "start_new_session"):
        assert kata in temuan


def test_tidak_ada_nama_berkas_kembar_beda_huruf_atau_terlarang_di_windows():
    berkas = subprocess.run(
        ["git", "ls-files"], cwd=AKAR, capture_output=True, text=True, check=False
    ).stdout.splitlines()
    if not berkas:
        pytest.skip("bukan klon git (git ls-files kosong)")
    kecil: dict[str, str] = {}
    kembar = []
    for nama in berkas:
        lain = kecil.setdefault(nama.lower(), nama)
        if lain != nama:
            kembar.append((lain, nama))
    assert not kembar, f"nama hanya beda huruf besar/kecil (bentrok di Windows/macOS): {kembar}"
    terlarang = [n for n in berkas if re.search(r'[<>:"|?*\\]|[ .]$', n) or re.search(r"[ .]/", n)]
    assert not terlarang, f"nama berkas yang tidak sah di Windows: {terlarang}"


def test_metode_proses_dapat_diatur(monkeypatch):
    monkeypatch.setenv("P3PD_METODE_PROSES", "spawn")
    assert handout._konteks_proses().get_start_method() == "spawn"
    monkeypatch.setenv("P3PD_METODE_PROSES", "fork")  # tidak diizinkan → bawaan yang aman
    assert handout._konteks_proses().get_start_method() in ("spawn", "forkserver")


def _simpan_seperti_excel(asal: Path, tujuan: Path) -> None:
    """CSV UTF-8 ala Excel di Windows: BOM di depan, akhir baris CRLF."""
    teks = asal.read_text(encoding="utf-8").replace("\r\n", "\n")
    tujuan.write_bytes(teks.replace("\n", "\r\n").encode("utf-8-sig"))


@pytest.fixture(scope="module")
def data_excel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("windows") / "Data Kecamatan Ké"
    folder.mkdir()
    for asal in sorted((AKAR / "data").glob("*.csv")):
        _simpan_seperti_excel(asal, folder / asal.name)
    contoh = (folder / "wilayah_desa.csv").read_bytes()
    assert contoh.startswith(b"\xef\xbb\xbf") and b"\r\n" in contoh
    return folder


def _p3pd(*argumen: str, data: Path | None = None, **tambahan: str):
    lingkungan = {k: v for k, v in os.environ.items() if k not in ("P3PD_DATA", "MPLBACKEND")}
    if data is not None:
        lingkungan["P3PD_DATA"] = str(data)
    lingkungan.update(tambahan)
    return subprocess.run(
        [sys.executable, "-m", "p3pd", *argumen],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=lingkungan,
        check=False,
    )


@pytest.mark.lambat
def test_ringkasan_data_excel_crlf_sama_dengan_data_asli(data_excel):
    asli = _p3pd("ringkasan")
    excel = _p3pd("ringkasan", data=data_excel)
    assert asli.returncode == 0, asli.stderr
    assert excel.returncode == 0, excel.stderr
    # Baris pertama menyebut asal data (bawaan vs folder lain); isi ringkasan harus sama.
    assert "Data Kecamatan Ké" in excel.stdout.splitlines()[0]
    # Salinan Excel bukan lagi data latihan (isinya berubah), jadi kabupaten yang desanya tidak
    # lengkap menurut daftar nasional ditandai "gabungan desa/kelurahan di data ini"; angkanya tetap sama.
    assert "gabungan desa/kelurahan di data ini" in excel.stdout
    assert "Cakupan menurut daftar wilayah nasional" in excel.stdout
    assert "Cakupan menurut" not in asli.stdout  # data latihan: tanpa catatan cakupan
    assert _tanpa_tanda_pembanding(excel.stdout)[1:] == _tanpa_tanda_pembanding(asli.stdout)[1:]


def _tanpa_tanda_pembanding(teks: str) -> list[str]:
    """Baris ringkasan tanpa tanda pembanding data sebagian (``*``, catatan kaki, keterangan)."""
    teks = teks.replace(
        "; * = bukan angka kabupaten/kota, hanya gabungan desa/kelurahan di data ini:", ":"
    )
    teks = teks.replace(" (desa di data ini)", "").replace("*", "")
    return [
        " ".join(b.split())
        for b in teks.splitlines()
        if "gabungan desa/kelurahan di data ini" not in b  # catatan kaki per kabupaten
        and not b.startswith("Cakupan menurut daftar wilayah nasional")  # cakupan kecamatan
    ]


@pytest.mark.lambat
def test_handout_spawn_di_folder_berspasi_dan_beraksen(data_excel):
    keluaran = data_excel.parent / "Handout Pelatihan Ké" / "keluaran saya"
    hasil = _p3pd(
        "handout",
        "Jateng",
        "--keluaran",
        str(keluaran),
        "--pekerja",
        "1",
        "--tanpa-progres",
        data=data_excel,
        P3PD_METODE_PROSES="spawn",
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    html = sorted(keluaran.glob("*.html"))
    pdf = sorted(keluaran.glob("*.pdf"))
    assert len(html) == 1 and len(pdf) == 1, sorted(p.name for p in keluaran.iterdir())
    isi = html[0].read_text(encoding="utf-8")
    assert "Jawa Tengah" in isi
    assert pdf[0].read_bytes().startswith(b"%PDF")
    assert not list(keluaran.glob("*.GAGAL.ipynb"))
    assert not list(keluaran.glob(".*.tmp"))
