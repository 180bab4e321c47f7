"""Uji penulisan berkas atomik bersama (p3pd.berkas)."""

from __future__ import annotations

import pytest

from p3pd.berkas import POLA_SEMENTARA, tulis_atomik


def test_penulisan_terputus_tidak_menyentuh_tujuan(tmp_path):
    tujuan = tmp_path / "x.pdf"
    tujuan.write_bytes(b"lama")

    def putus(f):
        f.write(b"setengah")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        tulis_atomik(tujuan, putus)
    assert tujuan.read_bytes() == b"lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]


@pytest.mark.parametrize(
    ("isi", "harapan"),
    [("baru\nbaris ✓", "baru\nbaris ✓".encode()), (b"\x00\x01", b"\x00\x01")],
)
def test_teks_dan_bita_ditulis_apa_adanya(tmp_path, isi, harapan):
    tujuan = tulis_atomik(tmp_path / "sub" / "folder" / "a.txt", isi)  # folder dibuat
    assert tujuan.read_bytes() == harapan
    assert [p.name for p in tujuan.parent.iterdir()] == ["a.txt"]


def test_fungsi_penulis_dan_pola_nama_sementara(tmp_path):
    nama_sementara = []

    def penulis(f):
        nama_sementara.append(f.name)
        f.write(b"isi")

    tujuan = tulis_atomik(tmp_path / "b.html", penulis)
    assert tujuan.read_bytes() == b"isi"
    nama = nama_sementara[0].rsplit("/", 1)[-1]
    cocok = POLA_SEMENTARA.match(nama)
    assert cocok and cocok.group("nama") == "b.html"
    assert not POLA_SEMENTARA.match("b.html")


def test_tulis_atomik_menghapus_sisa_proses_mati_untuk_tujuan_sama(tmp_path):
    import os
    import subprocess
    import sys
    import time

    from p3pd.berkas import bersihkan_sementara

    proses = subprocess.Popen([sys.executable, "-c", "pass"])
    proses.wait()
    sisa = tmp_path / f".data.csv.{proses.pid}.0123abcd.tmp"
    sisa.write_bytes(b"")  # 0 bita, seperti setelah kill -9
    lain = tmp_path / f".lain.csv.{proses.pid}.0123abcd.tmp"
    lain.write_bytes(b"")
    hidup = tmp_path / f".data.csv.{os.getpid()}.89abcdef.tmp"
    hidup.write_bytes(b"sedang ditulis")
    tulis_atomik(tmp_path / "data.csv", "a,b\n")
    assert not sisa.exists()
    assert lain.exists() and hidup.exists()  # tujuan lain / proses yang masih hidup: dibiarkan
    lampau = time.time() - 10 * 24 * 3600
    os.utime(hidup, (lampau, lampau))
    assert sorted(bersihkan_sementara(tmp_path)) == sorted([lain, hidup])
