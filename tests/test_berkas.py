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
