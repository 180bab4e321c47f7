"""Uji penjelas pesan kesalahan (``p3pd.penjelas``): teks Indonesia, pesan asli tetap ada."""

from __future__ import annotations

import pandas as pd
import pytest

from p3pd.galat import DataTidakValid
from p3pd.penjelas import JUDUL_ASLI, Penjelasan, coba, jelaskan


def _jalankan(kode: str, ruang: dict | None = None) -> Penjelasan:
    """Jalankan ``kode`` seperti sel dan jelaskan pesan kesalahannya."""
    ruang = {} if ruang is None else ruang
    try:
        exec(compile(kode, "<sel>", "exec"), ruang)
    except Exception as galat:
        return jelaskan(galat, kode, ruang)
    raise AssertionError(f"kode ini seharusnya gagal: {kode!r}")


@pytest.mark.parametrize(
    "kode, judul, saran",
    [
        ("jawaban_1 = 99,04", "koma dipakai sebagai tanda desimal", "tulis 99.04, bukan 99,04"),
        ("jawaban = 12,5 %", "koma dipakai sebagai tanda desimal", "tulis 12.5"),
        ("jawaban = 1.500.000", "titik ribuan", "tulis 1500000"),
        ("jawaban_2 = Namo Rambe", "tanda kutip", 'jawaban_2 = "Namo Rambe"'),
        ('x = "Namo Rambe', "tanda kutip belum ditutup", '"Namo Rambe"'),
        ("x = “Namo Rambe”", "tanda kutip miring", "tanda kutip biasa"),
        ("x = sum([1, 2)", "kurung tutup", "pasangan"),
        ("x = max(1,\n  2", "kurung ( belum ditutup", "pasangan )"),
        ("x = [1, 2", "kurung [ belum ditutup", "pasangan ]"),
        ('d = {}\nd[d["t"] = 2024]', "= dipakai untuk membandingkan", "=="),
        ("x = 1\n  y = 2", "spasi berlebih", "Hapus spasi"),
        ("jawaban = Rp 1500", "satuan", "tanpa Rp"),
        ('jawaban_3 = ["Paramasan", Telaga Bauntung]', "tanda kutip", '"Telaga Bauntung"'),
        ("hasil = cek(jawaban_2, Namo Rambe)", "tanda kutip", '"Namo Rambe"'),
    ],
)
def test_syntaxerror_dijelaskan(kode, judul, saran):
    p = _jalankan(kode)
    assert p.jenis in {"SyntaxError", "IndentationError"}
    assert judul in p.judul and saran in p.saran, (p.judul, p.saran)
    assert p.baris is not None and p.kode.strip()
    assert "Error" in p.asli  # pesan asli (bahasa Inggris) tetap ada


def test_nameerror_teks_tanpa_kutip_dan_variabel_belum_dibuat():
    p = _jalankan("jawaban_3 = Getasan")
    assert p.judul == "nama Getasan belum dikenal"
    assert '"Getasan"' in p.saran and "tanda kutip" in p.saran
    p = _jalankan("total = kecamatan.sum()")
    assert "jalankan sel di atas dulu" in p.saran and "Restart Kernel" in p.saran
    p = _jalankan("y = kecamatn", {"kecamatan": 1})
    assert "'kecamatan'" in p.saran
    p = _jalankan("pd.DataFrame()")
    assert "sel Impor" in p.saran
    p = _jalankan("hasil = cek(1, 1)")
    assert "sel Impor" in p.saran
    # sel cek dijalankan sebelum sel jawabannya: bukan saran nama yang mirip (jawaban_1)
    p = _jalankan("cek(jawaban_2, 5)", {"jawaban_1": 3, "cek": lambda *a: None})
    assert p.judul == "jawaban_2 belum diisi" and "sel jawaban" in p.saran
    assert "jawaban_1" not in p.saran


def test_nameerror_jawaban_n_baris_jawaban_terhapus():
    """Latihan 08 no. 6: baris ``jawaban_6 = …`` dihapus, sel cek lalu dijalankan."""
    sel_cek = "harapan_6 = 1\ncek(\n    jawaban_6,\n    harapan_6,\n)"
    ruang = {"jawaban_5": "Teluk Putih", "cek": lambda *a: None}
    # riwayat Jupyter: sel jawaban dijalankan tanpa baris jawaban_6 = …, lalu sel cek
    ruang["In"] = ["", "jawaban_5 = 'Teluk Putih'", "sunting_baris(rancangan, 1)", sel_cek]
    p = _jalankan(sel_cek, ruang)
    assert p.judul == "jawaban_6 belum diisi"
    assert p.kepala == "Sel ini gagal dijalankan — jawaban_6 belum diisi."
    assert p.baris == 3 and p.kode.strip() == "jawaban_6,"
    assert "baris jawaban_6 = … di sel jawaban di atas sel ini" in p.saran
    assert "belum dijalankan sejak notebook dibuka" in p.saran
    assert "Sel yang Anda jalankan tepat sebelum ini tidak berisi jawaban_6 = …" in p.saran
    assert "Bila baris itu terhapus, tulis lagi di sel jawaban: jawaban_6 = lalu jawaban" in p.saran
    assert "jawaban_5" not in p.saran  # bukan saran nama yang mirip
    assert "Restart Kernel" not in p.saran and "Python menghentikan" not in p.judul


def test_nameerror_jawaban_n_tanpa_riwayat_dan_nama_lain():
    # tanpa riwayat sel (mis. di luar Jupyter): saran umum, tetap menyebut baris jawabannya
    p = _jalankan("cek(jawaban_12, 5)", {"cek": lambda *a: None})
    assert p.judul == "jawaban_12 belum diisi"
    assert p.saran.startswith("Jawaban disimpan oleh baris jawaban_12 = … di sel jawaban")
    assert "Jalankan sel jawaban itu dulu (Shift + Enter)" in p.saran
    assert "tulis lagi di sel jawaban: jawaban_12 = lalu jawaban Anda" in p.saran
    # sel pertama yang dijalankan: tidak ada "sel sebelum ini" untuk disebut
    p = _jalankan("jawaban_3", {"In": ["", "jawaban_3"]})
    assert "belum dijalankan sejak notebook dibuka" in p.saran
    assert "tepat sebelum ini" not in p.saran
    # baris jawaban pernah dijalankan (mis. lalu dihapus dengan del): saran umum
    p = _jalankan("jawaban_2", {"In": ["", "jawaban_2 = 5", "del jawaban_2", "jawaban_2"]})
    assert "Jalankan sel jawaban itu dulu" in p.saran and "belum dijalankan sejak" not in p.saran


def test_keyerror_kolom_salah_eja_diberi_nama_yang_mirip():
    ruang = {"data": pd.DataFrame({"jumlah_penduduk": [1], "kode_desa": ["a"]})}
    p = _jalankan('data["jumlah penduduk"].sum()', ruang)
    assert p.judul == "kolom atau label 'jumlah penduduk' tidak ditemukan"
    assert "'jumlah_penduduk'" in p.saran
    assert p.baris == 1 and "jumlah penduduk" in p.kode
    p = _jalankan('data[["kode_desa", "Jumlah_Penduduk"]]', ruang)
    assert "Jumlah_Penduduk" in p.judul and "'jumlah_penduduk'" in p.saran
    p = _jalankan('data["xyz"]', ruang)
    assert "ejaan" in p.saran


def test_typeerror_dan_valueerror_yang_sering():
    assert "angka bercampur teks" in _jalankan('x = 5 + "3"').judul
    tabel = {"data": pd.DataFrame({"a": [1, 2]})}
    assert "kurung siku" in _jalankan('data("a")', tabel).saran
    p = _jalankan('x = float("23,4")')
    assert p.judul == "koma dipakai sebagai tanda desimal" and "23.4" in p.saran
    assert "1840" in _jalankan('x = int("1.840")').saran
    p = _jalankan("data[data['a'] > 1 and data['a'] < 3]", tabel)
    assert "&" in p.saran
    p = _jalankan('data.sort_values("a", ascendin=False)', tabel)
    assert "ascendin" in p.judul


def test_kesalahan_lain_dan_galat_p3pd():
    assert _jalankan("x = 1 / 0").judul == "pembagian dengan nol"
    assert "../data/" in _jalankan('open("tidak_ada.csv")').saran
    tabel = {"data": pd.DataFrame({"jumlah_penduduk": [1]})}
    assert 'tabel["jumlah_penduduk"]' in _jalankan("data.jumlah_pendudk", tabel).saran
    p = jelaskan(DataTidakValid("kolom hilang", berkas="a.csv"))
    assert p.saran == "Berkas 'a.csv': kolom hilang"
    umum = _jalankan("raise RuntimeError('x')")
    assert "RuntimeError" in umum.judul and "fasilitator" in umum.saran


def test_tampilan_teks_dan_html_menyimpan_pesan_asli():
    p = _jalankan("jawaban_2 = Namo Rambe")
    teks = repr(p)
    assert teks.startswith("Sel ini gagal dijalankan — teks belum diapit tanda kutip.")
    assert f"{JUDUL_ASLI}:" in teks and "SyntaxError: invalid syntax" in teks
    bagian_html = p._repr_html_()
    assert "<details" in bagian_html and f"<summary>{JUDUL_ASLI}</summary>" in bagian_html
    assert "SyntaxError: invalid syntax" in bagian_html
    assert "&quot;Namo Rambe&quot;" in bagian_html  # teks di-escape
    assert p.petunjuk.startswith(
        "Teks belum diapit tanda kutip. Nama ditulis di antara tanda kutip"
    )


def test_aturan_yang_gagal_tidak_menyembunyikan_kesalahan():
    class Aneh(KeyError):
        @property
        def args(self):  # aturan KeyError akan gagal membaca argumennya
            raise RuntimeError("rusak")

    p = jelaskan(Aneh(), "x")
    assert "Aneh" in p.judul


def test_coba_untuk_contoh_di_notebook():
    p = coba("jawaban_2 = Namo Rambe")
    assert isinstance(p, Penjelasan) and p.judul == "teks belum diapit tanda kutip"
    assert p.asli.strip().endswith("SyntaxError: invalid syntax")
    assert "/" not in p.asli  # tanpa jalur berkas: sama di setiap mesin
    assert coba("jawaban_3 = Getasan").asli.strip() == "NameError: name 'Getasan' is not defined"
    assert repr(coba("x = 1")) == "Kode ini berjalan tanpa pesan kesalahan."
