"""Uji pemeriksa jawaban ``cek``: tiga status, petunjuk khusus, dan tampilan."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from p3pd.cek import BELUM_DIJAWAB, BELUM_TEPAT, BENAR, PETUNJUK_UMUM, SEL_GAGAL, Hasil, cek
from p3pd.penjaga import JawabanGagal


@pytest.mark.parametrize(
    "jawaban",
    [
        ...,
        None,
        [..., "Getasan"],
        (1, ...),
        {"a": ...},
        pd.Series([1, ...]),
        pd.DataFrame({"a": [...]}),
    ],
)
def test_jawaban_kosong_belum_dijawab(jawaban):
    hasil = cek(jawaban, 5)
    assert hasil.status == BELUM_DIJAWAB
    assert repr(hasil).startswith("Belum dijawab")
    assert not hasil


def test_none_di_dalam_daftar_bukan_belum_dijawab():
    assert cek([None, "a"], ["b", "a"]).status == BELUM_TEPAT


# --- angka -------------------------------------------------------------------------------------


def test_angka_tepat_dan_toleransi():
    assert cek(93, 93).benar
    assert cek(np.int64(93), 93).benar and cek(93, np.float64(93.0)).benar
    assert not cek(92, 93).benar
    assert cek(23.4, 23.4178, toleransi=0.05).benar
    assert not cek(23.3, 23.4178, toleransi=0.05).benar
    assert cek(1_000_500, 1_000_000, toleransi_relatif=0.001).benar
    assert not cek(1_002_000, 1_000_000, toleransi_relatif=0.001).benar


def test_pecahan_dan_persen_tertukar_diberi_petunjuk_khusus():
    hasil = cek(0.234, 23.4178, toleransi=0.05)
    assert hasil.status == BELUM_TEPAT
    assert (
        "pecahan" in hasil.petunjuk
        and "persen" in hasil.petunjuk
        and "kalikan 100" in hasil.petunjuk
    )
    assert "bagi 100" in cek(23.4, 0.234, toleransi=0.0005).petunjuk


@pytest.mark.parametrize(
    "jawaban, harapan, potongan",
    [
        ("23,4", 23.4, "titik sebagai tanda desimal"),
        ("23", 23, "tanpa tanda kutip"),
        (1_500_000, 1.5, "sejuta kali lipat"),
        (1.5, 1_500_000_000, "semiliar kali lipat"),
        (-5, 5, "terbalik"),
        (23.5, 23.4, "pembulatan"),
        (True, 1, "soal meminta angka"),
    ],
)
def test_petunjuk_khusus_angka(jawaban, harapan, potongan):
    hasil = cek(jawaban, harapan)
    assert hasil.status == BELUM_TEPAT
    assert potongan in hasil.petunjuk


def test_koma_desimal_dan_titik_ribuan_disebut_kekeliruannya():
    # jawaban = 99,4 dan 48,0 dibaca Python sebagai pasangan (99, 4) dan (48, 0)
    hasil = cek((99, 4), 99.04, toleransi=0.005)
    assert hasil.status == BELUM_TEPAT
    assert "pakai titik untuk desimal: tulis 99.4, bukan 99,4" in hasil.petunjuk
    assert "unsur" not in hasil.petunjuk
    hasil = cek((48, 0), 48.0)
    assert "tulis 48.0, bukan 48,0" in hasil.petunjuk and "2 unsur" not in hasil.petunjuk
    # 33.449 disalin dari "33.449 jiwa": titik ribuan, bukan "seribu kali lipat"
    hasil = cek(33.449, 33449)
    assert "hapus titik ribuan: tulis 33449, bukan 33.449" in hasil.petunjuk
    assert "kali lipat" not in hasil.petunjuk
    assert "hapus titik ribuan" in cek(1.84, 1840).petunjuk
    assert "hapus titik ribuan" in cek("33.449", 33449).petunjuk
    # koma ribuan gaya Inggris: 33,449 menjadi (33, 449)
    assert "hapus pemisah ribuan: tulis 33449" in cek((33, 449), 33449).petunjuk
    assert "hapus pemisah ribuan: tulis 1500000" in cek((1, 500, 0), 1_500_000).petunjuk
    # yang bukan kekeliruan tanda angka tetap mendapat petunjuk biasa
    assert "hapus titik ribuan: tulis 33400, bukan 33.400" in cek(33.4, 33400).petunjuk
    assert "seribu kali lipat" in cek(33_449_000, 33449).petunjuk  # arah lain: satuan
    assert "3 unsur" in cek(("a", "b", "c"), 5).petunjuk
    # daftar angka desimal dengan koma: [12,5, 3,4] menjadi empat bilangan bulat
    assert "bukan [12,5, 3,4]" in cek([12, 5, 3, 4], [12.5, 3.4]).petunjuk
    assert "bukan [12,5" not in cek(["a", "b", "c", "d"], [12.5, 3.4]).petunjuk


def test_jawaban_dari_sel_gagal_tidak_dinilai():
    basi = JawabanGagal("jawaban_2", "Nama ditulis di antara tanda kutip.")
    hasil = cek(basi, "Namo Rambe")
    assert hasil.status == SEL_GAGAL and not hasil
    assert repr(hasil).startswith("Sel jawaban terakhir gagal dijalankan, jadi nilai jawaban_2")
    assert "Nama ditulis di antara tanda kutip" in repr(hasil)
    assert "p3pd-gagal" in hasil._repr_html_()
    assert cek([basi, "a"], ["Namo Rambe", "a"]).status == SEL_GAGAL


def test_petunjuk_penulis_dan_petunjuk_umum():
    assert (
        cek(1, 5, petunjuk="hitung kecamatan, bukan desa").petunjuk
        == "hitung kecamatan, bukan desa."
    )
    assert cek(1, 5).petunjuk == PETUNJUK_UMUM
    # salah tulis bentuk DAN nilai yang salah: petunjuk penulis tetap ditambahkan
    gabungan = cek("25,4", 23.4, petunjuk="Lihat kolom persen.").petunjuk
    assert gabungan.startswith("jawaban Anda ditulis sebagai teks: tulis 25.4 tanpa tanda kutip")
    assert "Nilainya pun belum tepat." in gabungan and gabungan.endswith("Lihat kolom persen.")
    # hanya salah tulis bentuk (nilainya benar): petunjuk isi soal tidak ditambahkan
    sendiri = cek("23,4", 23.4, petunjuk="Lihat kolom persen.").petunjuk
    assert sendiri.startswith("angkanya sudah benar") and "Lihat kolom persen" not in sendiri


def test_nan():
    assert cek(float("nan"), np.nan).benar
    assert "kosong (NaN)" in cek(float("nan"), 3.0).petunjuk


# --- teks dan ya/tidak -------------------------------------------------------------------------


def test_teks_abaikan_huruf_besar_spasi_dan_awalan_wilayah():
    assert cek("  namo   RAMBE ", "Namo Rambe").benar
    assert cek("Kecamatan Namo Rambe", "Namo Rambe").benar
    assert cek("KI’E", "KI'E").benar
    assert cek("Desa Sukamaju", "desa sukamaju").benar
    assert not cek("Pancur Batu", "Namo Rambe").benar


def test_teks_hampir_sama_dan_bukan_teks():
    assert "ejaan" in cek("Namo Rambee", "Namo Rambe").petunjuk
    assert "tanda kutip" in cek(12, "Namo Rambe").petunjuk


def test_ya_tidak():
    assert cek(True, True).benar and cek(np.bool_(False), False).benar
    assert cek("Ya", True).benar and cek("tidak", False).benar
    assert not cek("tidak", True).benar
    assert "True atau False" in cek(1, True).petunjuk


# --- daftar dan himpunan -----------------------------------------------------------------------


def test_daftar_berurutan_dan_tanpa_urutan():
    harapan = ["Paramasan", "Telaga Bauntung"]
    assert cek(["paramasan", "Telaga Bauntung"], harapan).benar
    urutan_salah = cek(["Telaga Bauntung", "Paramasan"], harapan)
    assert not urutan_salah.benar and "urutannya" in urutan_salah.petunjuk
    assert cek(["Telaga Bauntung", "Paramasan"], harapan, abaikan_urutan=True).benar
    assert cek(["Telaga Bauntung", "Paramasan"], set(harapan)).benar
    assert cek(("Telaga Bauntung", "Paramasan"), pd.Index(harapan), abaikan_urutan=True).benar
    assert "1 dari 2" in cek(["Paramasan", "Aranio"], harapan).petunjuk
    assert "2 unsur" in cek(["Paramasan"] * 3, harapan).petunjuk
    assert not cek(["Paramasan", "Paramasan"], set(harapan)).benar  # setiap unsur dipakai sekali


def test_satu_unsur_boleh_ditulis_tanpa_daftar():
    assert cek("Namo Rambe", pd.Index(["Namo Rambe"])).benar
    assert cek(["Namo Rambe"], "Namo Rambe").benar
    assert "satu nilai" in cek(["a", "b"], "a").petunjuk
    assert "daftar berisi 2" in cek("a", ["a", "b"]).petunjuk


def test_daftar_angka_dengan_toleransi():
    assert cek([1.01, 2.0], np.array([1.0, 2.0]), toleransi=0.05).benar
    assert cek(pd.Series([2.0, 1.0]), [1.0, 2.0], abaikan_urutan=True).benar


# --- pandas ------------------------------------------------------------------------------------


def test_series_nilai_indeks_dan_urutan():
    harapan = pd.Series([10.0, 20.0, 30.0], index=["a", "b", "c"], name="jumlah")
    assert cek(harapan.rename("lain") + 0.001, harapan, toleransi=0.01).benar
    acak = harapan.iloc[[2, 0, 1]]
    assert "indeks" in cek(acak, harapan).petunjuk
    assert cek(acak, harapan, abaikan_urutan=True).benar
    assert "nilainya sudah benar" in cek(harapan.reset_index(drop=True), harapan).petunjuk
    salah = harapan.copy()
    salah["b"] = 99
    assert "1 dari 3 nilai" in cek(salah, harapan).petunjuk
    assert "3 baris" in cek(harapan.iloc[:2], harapan).petunjuk
    assert cek(harapan.to_frame(), harapan).benar  # tabel satu kolom diterima
    assert "Series" in cek([10, 20, 30], harapan).petunjuk


def test_series_teks():
    harapan = pd.Series(["Getasan", "Tengaran"])
    assert cek(pd.Series(["getasan", " Tengaran"]), harapan).benar
    assert not cek(pd.Series(["Getasan", "Suruh"]), harapan).benar


def test_dataframe():
    harapan = pd.DataFrame({"kecamatan": ["Getasan", "Tengaran"], "desa": [13, 15]})
    assert cek(harapan[["desa", "kecamatan"]], harapan).benar  # urutan kolom tidak penting
    assert "kolom yang belum ada: desa" in cek(harapan[["kecamatan"]], harapan).petunjuk
    lebih = harapan.assign(catatan="x")
    assert "tidak diminta: catatan" in cek(lebih, harapan).petunjuk
    salah = harapan.assign(desa=[13, 16])
    assert "di kolom desa" in cek(salah, harapan).petunjuk
    terbalik = harapan.iloc[::-1]
    assert not cek(terbalik, harapan).benar
    assert cek(terbalik, harapan, abaikan_urutan=True).benar
    assert "DataFrame" in cek(harapan["desa"], harapan).petunjuk


def test_jawaban_aneh_tidak_menimbulkan_galat():
    class Aneh:
        def __eq__(self, lain):
            raise RuntimeError("tidak bisa dibandingkan")

    hasil = cek(Aneh(), object())
    assert hasil.status == BELUM_TEPAT
    assert "berjenis Aneh" in hasil.petunjuk


# --- tampilan ----------------------------------------------------------------------------------


def test_tampilan_teks_dan_html():
    benar, salah, kosong = cek(1, 1), cek(2, 1, petunjuk="a < b"), cek(..., 1)
    assert (repr(benar), str(benar)) == ("Benar!", "Benar!")
    assert repr(salah) == "Belum tepat — petunjuk: a < b."
    assert benar.status == BENAR and bool(benar) is True
    assert "p3pd-benar" in benar._repr_html_() and "#1a7f37" in benar._repr_html_()
    assert (
        "a &lt; b" in salah._repr_html_() and "<strong>Belum tepat</strong>" in salah._repr_html_()
    )
    assert "p3pd-belum_dijawab" in kosong._repr_html_()
    assert Hasil(BELUM_TEPAT, "x")._repr_html_() == Hasil(BELUM_TEPAT, "x")._repr_html_()
