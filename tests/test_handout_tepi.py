"""Uji tepi proses ``p3pd handout`` dan CLI: keluaran lama setelah gagal, galat berulang,
pipa yang ditutup, tanpa antarmuka jaringan lokal, dan sisa berkas sementara setelah ``kill -9``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_handout import _p, templat_kecil

from p3pd import berkas, handout
from p3pd.galat import GalatP3PD

P3PD = [sys.executable, "-m", "p3pd.cli"]


# --------------------------------------------------------------------------- keluaran lama


def test_handout_gagal_tidak_meninggalkan_berkas_yang_tampak_terbaru(tmp_path):
    keluaran = tmp_path / "k"
    keluaran.mkdir()
    for nama in ("galat", "b"):
        for akhiran in ("html", "pdf"):
            (keluaran / f"{nama}.{akhiran}").write_text("kemarin", encoding="utf-8")
    (keluaran / "b.LAMA.html").write_text("lama sekali", encoding="utf-8")
    templat = templat_kecil(tmp_path, "if provinsi == 'galat':\n    raise ValueError('rusak')\n")
    r = handout.bangun_handout(
        [_p("galat", "galat"), _p("b", "b")],
        keluaran=keluaran,
        templat=templat,
        pekerja=1,
        format=("html",),
        progres=False,
    )
    # Handout yang gagal: tidak ada lagi galat.html/galat.pdf; yang lama diberi nama .LAMA.
    assert not (keluaran / "galat.html").exists() and not (keluaran / "galat.pdf").exists()
    assert (keluaran / "galat.LAMA.html").read_text(encoding="utf-8") == "kemarin"
    assert (keluaran / "galat.LAMA.pdf").exists()
    assert (keluaran / "galat.GAGAL.ipynb").exists()
    teks = r.teks()
    assert "bukan hasil terbaru" in teks and "galat.LAMA.html" in teks and "galat.LAMA.pdf" in teks
    # Handout yang berhasil: HTML baru, sisa .LAMA dibersihkan.
    assert "kemarin" not in (keluaran / "b.html").read_text(encoding="utf-8")
    assert not (keluaran / "b.LAMA.html").exists()


def test_galat_sama_untuk_banyak_handout_dilaporkan_sekali(tmp_path, capsys):
    templat = templat_kecil(tmp_path, "raise RuntimeError('data tidak sah')\n")
    r = handout.bangun_handout(
        [_p(n, n) for n in ("a", "b", "c", "d")],
        keluaran=tmp_path / "k",
        templat=templat,
        pekerja=2,
        format=("html",),
        progres=False,
    )
    teks = r.teks()
    assert teks.count("RuntimeError: data tidak sah") == 1
    assert "4 handout gagal dengan galat yang sama" in teks
    assert "a, b, c, d" in teks
    assert capsys.readouterr().err.count("data tidak sah") <= 1


def test_ringkasan_galat_berbeda_tetap_terpisah(tmp_path):
    hasil = [
        handout.Hasil(_p("a"), False, pesan="X: satu"),
        handout.Hasil(_p("b"), False, pesan="X: dua"),
        handout.Hasil(_p("c"), False, pesan="X: satu"),
    ]
    teks = handout.Ringkasan(hasil, tmp_path, 1.0).teks()
    assert "GAGAL (3):" in teks
    assert "2 handout gagal dengan galat yang sama: X: satu" in teks
    assert "  b: X: dua" in teks


# --------------------------------------------------------------------------- jaringan lokal


def test_jaringan_lokal_normal_tidak_dilaporkan():
    assert handout.periksa_jaringan_lokal() is None


def test_tanpa_loopback_handout_berhenti_cepat_dengan_pesan(tmp_path, monkeypatch):
    import socket

    class SoketMati(socket.socket):
        def bind(self, alamat):  # seperti di `unshare -n` tanpa `ip link set lo up`
            raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(socket, "socket", SoketMati)
    pesan = handout.periksa_jaringan_lokal()
    assert pesan and "loopback 127.0.0.1" in pesan and "ip link set lo up" in pesan
    with pytest.raises(GalatP3PD, match="loopback"):
        handout.bangun_handout(
            [_p("a")], keluaran=tmp_path / "k", templat=templat_kecil(tmp_path), progres=False
        )


@pytest.mark.skipif(shutil.which("unshare") is None, reason="perlu unshare (util-linux)")
def test_tanpa_antarmuka_jaringan_sungguhan(tmp_path):
    coba = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if coba.returncode != 0:
        pytest.skip("unshare -n tidak diizinkan di sini")
    proses = subprocess.run(
        [
            "unshare",
            "-n",
            *P3PD,
            "handout",
            "Jateng",
            "--format",
            "html",
            "--keluaran",
            str(tmp_path / "k"),
            "--tanpa-progres",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proses.returncode == 2
    assert "loopback" in proses.stderr and "Traceback" not in proses.stderr


# --------------------------------------------------------------------------- pipa tertutup


@pytest.mark.parametrize(
    "argumen",
    [["periksa", "data/indikator_desa.csv"], ["--help"], ["periksa", "--help"]],
)
def test_pipa_ditutup_pembaca_tanpa_traceback(argumen):
    akar = Path(__file__).resolve().parents[1]
    proses = subprocess.Popen(
        [*P3PD, *argumen], cwd=akar, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proses.stdout.close()  # seperti `| head` yang sudah selesai membaca
    galat = proses.stderr.read().decode()
    proses.wait(timeout=60)
    assert "Traceback" not in galat and "BrokenPipe" not in galat
    assert proses.returncode == 0


# --------------------------------------------------------------------------- sisa berkas sementara


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="perlu /proc (Linux)")
def test_sisa_kill_9_dibersihkan_walau_nomor_proses_dipakai_ulang(tmp_path):
    # Nomor proses sendiri, tetapi berkasnya ditulis jauh sebelum proses ini mulai: sisa proses
    # lama yang kebetulan bernomor sama (lazim di kontainer) — harus dihapus.
    basi = tmp_path / f".a.html.{os.getpid()}.0123abcd.tmp"
    basi.write_bytes(b"")
    lampau = time.time() - 3 * 24 * 3600
    os.utime(basi, (lampau, lampau))
    baru = tmp_path / f".b.html.{os.getpid()}.89abcdef.tmp"
    baru.write_bytes(b"sedang ditulis")
    bukan_milik_kita = tmp_path / ".catatan.tmp"
    bukan_milik_kita.write_bytes(b"")
    assert berkas.bersihkan_sementara(tmp_path) == [basi]
    assert baru.exists() and bukan_milik_kita.exists()


def test_sisa_proses_yang_dibunuh_dibersihkan_saat_simpan(tmp_path):
    proses = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    sisa = tmp_path / f".hasil.xlsx.{proses.pid}.0123abcd.tmp"
    sisa.write_bytes(b"")
    proses.kill()  # kill -9
    proses.wait()
    assert berkas.bersihkan_sementara(tmp_path) == [sisa]
    assert berkas.bersihkan_sementara(tmp_path) == []
