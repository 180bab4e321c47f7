"""Uji pemeriksa jawaban ``cek``: tiga status, petunjuk khusus, dan tampilan."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from p3pd.cek import (
    BELUM_DIJAWAB,
    BELUM_TEPAT,
    BENAR,
    NILAI_LAMA,
    PETUNJUK_UMUM,
    SEL_GAGAL,
    Hasil,
    cek,
)
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
    html = hasil._repr_html_()
    assert "p3pd-gagal" in html
    # hanya kepala pesan yang tebal; "Petunjuk: Nama …" tetap teks biasa, tanpa spasi sisipan
    assert "<strong>Sel jawaban terakhir gagal dijalankan</strong>, jadi nilai" in html
    assert "Petunjuk: Nama ditulis" in html and "</strong>:" not in html
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


# --- salah tulis bentuk angka: pesan berdiri sendiri dan sesuai jenis jawaban ------------------

PETUNJUK_ISI = "sudahkah ambang diubah menjadi 25 dan selnya dijalankan ulang?"


@pytest.mark.parametrize(
    "jawaban, harapan, jenis, pesan",
    [
        # jumlah (harapan bilangan bulat): ditulis 16, bukan 16,0 / "16"
        (
            "16",
            16,
            None,
            "angkanya sudah benar, tetapi ditulis sebagai teks: tulis 16 tanpa tanda kutip.",
        ),
        (
            (16, 0),
            16,
            None,
            "angkanya sudah benar, tetapi jumlah ditulis sebagai bilangan bulat: tulis 16, bukan "
            "16,0. Di Python, koma memisahkan dua nilai.",
        ),
        (
            "16,0",
            np.int64(16),
            None,
            "angkanya sudah benar, tetapi ditulis sebagai teks: tulis 16 tanpa tanda kutip; "
            "jumlah ditulis sebagai bilangan bulat, tanpa koma.",
        ),
        (
            "16 desa",
            16,
            None,
            "angkanya sudah benar, tetapi ditulis sebagai teks: tulis 16 tanpa tanda kutip; tanpa "
            "kata satuan.",
        ),
        (
            "Rp 1.500.000",
            1_500_000,
            None,
            "angkanya sudah benar, tetapi ditulis sebagai teks: tulis 1500000 tanpa tanda kutip; "
            "hapus titik ribuan; tanpa Rp.",
        ),
        # desimal (harapan pecahan): titik sebagai tanda desimal
        (
            (48, 0),
            48.0,
            None,
            "angkanya sudah benar, tetapi pakai titik untuk desimal: tulis 48.0, bukan 48,0. Di "
            "Python, koma memisahkan dua nilai.",
        ),
        (
            "23,4",
            23.4,
            None,
            "angkanya sudah benar, tetapi ditulis sebagai teks: tulis 23.4 tanpa tanda kutip; "
            "pakai titik sebagai tanda desimal.",
        ),
        # persen
        (
            "21,4%",
            21.4,
            "persen",
            "angkanya sudah benar, tetapi ditulis sebagai teks: tulis 21.4 tanpa tanda kutip; "
            "pakai titik sebagai tanda desimal; tanpa tanda %.",
        ),
        (
            "21,4 %",
            0.214,
            None,
            "angkanya sudah benar, tetapi soal meminta pecahan, bukan persen: tulis 0.214 tanpa "
            "tanda kutip dan tanpa tanda %.",
        ),
        (
            0.214,
            21.4,
            "persen",
            "sepertinya Anda menulis pecahan; soal meminta persen (kalikan 100).",
        ),
        (
            (33, 449),
            33449,
            None,
            "angkanya sudah benar, tetapi hapus pemisah ribuan: tulis 33449, bukan 33,449. Di "
            "Python, koma memisahkan dua nilai.",
        ),
        # kode yang diminta sebagai teks, ditulis sebagai angka
        (
            2.4,
            "2.4",
            None,
            'nilainya sudah benar, tetapi soal meminta teks: tulis di antara tanda kutip, "2.4".',
        ),
    ],
)
def test_salah_tulis_bentuk_saja_tanpa_petunjuk_isi(jawaban, harapan, jenis, pesan):
    hasil = cek(jawaban, harapan, petunjuk=PETUNJUK_ISI, jenis=jenis)
    assert hasil.status == BELUM_TEPAT
    assert hasil.petunjuk == pesan
    assert "ambang" not in repr(hasil)


def test_salah_tulis_bentuk_dan_nilai_salah_tetap_diberi_petunjuk_isi():
    hasil = cek("17", 16, petunjuk=PETUNJUK_ISI)
    assert hasil.petunjuk == (
        "jawaban Anda ditulis sebagai teks: tulis 17 tanpa tanda kutip. Nilainya pun belum "
        "tepat. Sudahkah ambang diubah menjadi 25 dan selnya dijalankan ulang?"
    )
    # 16,5 untuk soal jumlah: bukan "tulis 16.5"
    hasil = cek((16, 5), 16, petunjuk=PETUNJUK_ISI)
    assert hasil.petunjuk.startswith(
        "soal meminta jumlah: tulis satu bilangan bulat tanpa koma, bukan 16,5."
    )
    assert "16.5" not in hasil.petunjuk and hasil.petunjuk.endswith("dijalankan ulang?")
    # nilai yang salah tidak pernah dibocorkan: hanya bentuk tulisan jawaban peserta sendiri
    assert "16" not in cek("17", 16).petunjuk
    assert "23.4" not in cek("25,1", 23.4).petunjuk
    hasil = cek("enam belas", 16, petunjuk=PETUNJUK_ISI)
    assert hasil.petunjuk.startswith(
        'soal meminta angka: tulis angkanya saja, tanpa tanda kutip (bukan "enam belas").'
    )


def test_jumlah_tidak_diberi_petunjuk_pembulatan_atau_persen():
    # 98 untuk 100 desa: bukan "periksa pembulatan" (jumlah tidak dibulatkan)
    assert cek(98, 100).petunjuk == PETUNJUK_UMUM
    assert "pembulatan" in cek(98.4, 100.0).petunjuk
    assert "pecahan" not in cek(0.16, 16).petunjuk
    assert cek(15.5, 16).petunjuk.startswith("soal meminta jumlah: tulis bilangan bulat")
    assert cek(16.0, 16).benar and cek(np.float64(16), 16).benar


def test_jenis_angka_harus_dikenal():
    with pytest.raises(ValueError, match="jenis harus salah satu dari jumlah, desimal, persen"):
        cek(1, 1, jenis="rupiah")


# --- teks: bentuk lain diterima, yang hampir benar disebut bedanya -----------------------------


@pytest.mark.parametrize(
    "jawaban, harapan",
    [
        ("jaminan sosial", "jaminan_sosial"),  # 06 latihan 5
        ("Jaminan Sosial", "jaminan_sosial"),
        (" jaminan-sosial ", "jaminan_sosial"),
        ("Disdukcapil", "Disdukcapil (kabupaten)"),  # 07 latihan 1
        ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil (kabupaten)"),
        ("Disdukcapil (kabupaten)", "Disdukcapil"),
        ("Dinas Dukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("Air bersih dan sanitasi", "Air bersih & sanitasi"),
        ("Biru Biru", "Biru-Biru"),
        ("Perekaman KTP-el", "perekaman_ktp_el"),
    ],
)
def test_teks_bentuk_lain_diterima_dengan_catatan_bentuk_baku(jawaban, harapan):
    hasil = cek(jawaban, harapan, petunjuk=PETUNJUK_ISI)
    assert hasil.benar
    assert hasil.petunjuk == f'bentuk bakunya: "{harapan}".'
    assert repr(hasil) == f'Benar! — bentuk bakunya: "{harapan}".'
    assert "<strong>Benar!</strong>" in hasil._repr_html_()


def test_teks_yang_tidak_boleh_ditoleransi():
    assert cek("Namo Rambe", "Namo Rambe").petunjuk == ""  # persis: tanpa catatan
    assert repr(cek("Kecamatan namo rambe", "Namo Rambe")) == "Benar!"
    assert not cek("13", "1.3").benar  # tanda di antara angka tetap dihitung
    assert not cek("1,3", "1.3").benar
    assert not cek("2.4", "2.3").benar
    assert not cek("Disdukcapil (provinsi)", "Disdukcapil (kabupaten)").benar
    assert not cek("Layanan Disdukcapil di kecamatan", "Disdukcapil (kabupaten)").benar
    assert not cek("Dinas Sosial", "Dinas Kesehatan").benar
    assert not cek("Kota Malang", "Kabupaten Malang").benar


def test_alias_dari_notebook():
    # 06 latihan 1: "akhir September" diterima bila notebook memberikannya sebagai alias
    assert not cek("akhir September", "September").benar
    hasil = cek("Akhir  september", "September", alias=["akhir September", "akhir bulan September"])
    assert hasil.benar and repr(hasil) == 'Benar! — bentuk bakunya: "September".'
    assert cek("akhir bulan September", "September", alias="akhir bulan September").benar
    # kamus untuk daftar: bentuk lain per unsur harapan
    harapan = ["Paramasan", "Telaga Bauntung"]
    alias = {"Telaga Bauntung": ["Tlg. Bauntung"]}
    assert cek(["Paramasan", "Tlg Bauntung"], harapan, alias=alias).benar
    assert not cek(["Tlg Bauntung", "Tlg Bauntung"], harapan, alias=alias).benar
    with pytest.raises(
        ValueError, match="alias berupa daftar hanya untuk jawaban harapan satu teks"
    ):
        cek(["a"], ["a"], alias=["b"])


@pytest.mark.parametrize(
    "jawaban, harapan, pesan",
    [
        (
            "akhir September",
            "September",
            'hampir benar: hapus kata yang tidak diminta ("akhir"); bagian lainnya sudah tepat.',
        ),
        (
            "Air bersih & sanitasi",
            "air_sanitasi",
            'hampir benar: "Air bersih & sanitasi" adalah nama tampilannya; yang diminta kunci '
            'layanan, seperti di tabel: "air_sanitasi".',
        ),
        (
            "Prevalensi balita stunting",
            "stunting",
            'hampir benar: "Prevalensi balita stunting" adalah nama tampilannya; yang diminta kode '
            'indikator, seperti di tabel: "stunting".',
        ),
        (
            "Disdukcapil (provinsi)",
            "Disdukcapil (kabupaten)",
            'hampir benar: namanya sudah tepat, tetapi keterangan "(provinsi)" di dalam kurung '
            "belum tepat.",
        ),
        (
            "Namo Rambee",
            "Namo Rambe",
            'hampir benar: periksa ejaan "Rambee"; salin persis dari tabel.',
        ),
        (
            "NamoRambe",
            "Namo Rambe",
            "hampir benar: hurufnya sudah sama, tetapi spasi di antara katanya berbeda.",
        ),
        (
            "Dinas Sosial",
            "Dinas Sosial Pemberdayaan",
            "hampir benar, tetapi baru sebagian dari yang diminta; salin lengkap dari tabel.",
        ),
        (
            "Dinas",
            "Dinas Sosial Pemberdayaan Perempuan",
            "jawaban Anda baru sebagian dari yang diminta; salin lengkap dari tabel.",
        ),
        (
            "1,3",
            "1.3",
            'hampir benar: angkanya sudah tepat, tetapi tanda pemisahnya ","; di tabel dipakai ".". '
            "Salin persis dari tabel.",
        ),
        ("1.31", "1.3", 'hampir benar: periksa angka "1.31"; salin persis dari tabel.'),
    ],
)
def test_teks_hampir_benar_menyebut_bedanya_tanpa_petunjuk_isi(jawaban, harapan, pesan):
    hasil = cek(jawaban, harapan, petunjuk=PETUNJUK_ISI)
    assert hasil.status == BELUM_TEPAT
    assert hasil.petunjuk == pesan


def test_teks_hampir_benar_tidak_membocorkan_jawaban():
    # desa lain yang namanya mirip: bukan "periksa ejaan", dan nama harapan tidak disebut
    hasil = cek("Tanjung Morawa B", "Tanjung Morawa A", petunjuk="baca baris teratas")
    assert hasil.petunjuk == "baca baris teratas."
    for jawaban, harapan in [
        ("Dinas", "Dinas Sosial Pemberdayaan Perempuan"),
        ("Namo Rambee", "Namo Rambe"),
        ("1.31", "1.3"),
        ("1,3", "1.3"),
        ("13", "1.3"),
        ("akhir September", "September"),
    ]:
        assert f'"{harapan}"' not in cek(jawaban, harapan).petunjuk
    # jawaban yang jauh berbeda: petunjuk penulis soal seperti biasa
    assert cek("Pancur Batu", "Namo Rambe", petunjuk=PETUNJUK_ISI).petunjuk == (
        "sudahkah ambang diubah menjadi 25 dan selnya dijalankan ulang?"
    )


def test_daftar_dengan_unsur_hampir_benar():
    kode = ["imunisasi_dasar_lengkap", "akta_kelahiran", "perekaman_ktp_el"]
    assert cek(["Imunisasi dasar lengkap", "akta kelahiran", "perekaman ktp el"], kode).benar
    hasil = cek(
        ["Prevalensi balita stunting", "akta_kelahiran"],
        ["stunting", "akta_kelahiran"],
        abaikan_urutan=True,
        petunjuk="tulis kode_indikator",
    )
    assert hasil.petunjuk == (
        '1 dari 2 unsur belum tepat. Unsur "Prevalensi balita stunting": hampir benar: '
        '"Prevalensi balita stunting" adalah nama tampilannya; yang diminta kode indikator, '
        'seperti di tabel: "stunting".'
    )
    hasil = cek(["Paramasan", "Telaga Bauntng"], ["Paramasan", "Telaga Bauntung"], petunjuk="x")
    assert hasil.petunjuk == (
        '1 dari 2 unsur belum tepat. Unsur "Telaga Bauntng": hampir benar: periksa ejaan '
        '"Bauntng"; salin persis dari tabel.'
    )
    # unsur yang jauh berbeda: petunjuk penulis ikut
    assert cek(
        ["Paramasan", "Aranio"], ["Paramasan", "Telaga Bauntung"], petunjuk="x"
    ).petunjuk == ("1 dari 2 unsur belum tepat. X.")


def test_series_teks_dengan_bentuk_lain():
    harapan = pd.Series(["jaminan_sosial", "air_sanitasi"], index=["a", "b"])
    assert cek(pd.Series(["Jaminan sosial", "air sanitasi"], index=["a", "b"]), harapan).benar


# --- nilai lama: riwayat sel Jupyter -----------------------------------------------------------


class _ShellPalsu:
    """Shell IPython tiruan: ``user_ns`` berisi ``In`` (sel terakhir = sel pemeriksa)."""

    def __init__(self, sel: list[str], **ruang: object) -> None:
        self.user_ns = {"In": ["", *sel], **ruang}


@pytest.fixture
def shell_palsu(monkeypatch):
    import p3pd.cek_riwayat as cek_riwayat

    def pasang(sel: list[str], **ruang: object) -> None:
        shell = _ShellPalsu(sel, **ruang)
        monkeypatch.setattr(cek_riwayat, "_shell", lambda: shell)

    return pasang


CEK_3 = (
    'cek(jawaban_3, stunting, toleransi=0.05, petunjuk="baca kolom baseline, bukan target (14)")'
)


def test_sel_jawaban_tanpa_penugasan_nilai_lama_tidak_dinilai(shell_palsu):
    shell_palsu(["jawaban_3 = 14", CEK_3, "28.9", CEK_3], jawaban_3=14)
    hasil = cek(14, 28.9, toleransi=0.05, petunjuk="baca kolom baseline, bukan target (14)")
    assert hasil.status == NILAI_LAMA and not hasil
    assert hasil.pesan.startswith("Belum dinilai — ")
    assert "jawaban_3 = 14" in hasil.pesan  # nilai lama disebut
    assert "Tulis jawaban_3 = 28.9" in hasil.pesan
    assert "baseline" not in hasil.pesan  # petunjuk soal tidak dipakai untuk nilai lama
    assert 'class="p3pd-kotak p3pd-belum_dijawab"' in hasil._repr_html_()


def test_nilai_lama_teks_persen_tidak_dinilai(shell_palsu):
    lama = "21.4 %"
    shell_palsu(
        ["jawaban_6 = '21.4 %'", "cek(jawaban_6, h, jenis='persen')", "21.4", "cek(jawaban_6, h)"],
        jawaban_6=lama,
    )
    hasil = cek(lama, 21.4, toleransi=0.05, jenis="persen")
    assert hasil.status == NILAI_LAMA
    assert "tanda kutip" not in hasil.pesan and "jawaban_6 = 21.4 " in hasil.pesan


def test_dua_tanda_sama_dengan_dan_nama_salah_tulis(shell_palsu):
    shell_palsu(["jawaban_3 = 14", "jawaban_3 == 28.9", CEK_3], jawaban_3=14)
    hasil = cek(14, 28.9)
    assert hasil.status == NILAI_LAMA and "jawaban_3 = 28.9" in hasil.pesan
    assert "dua tanda =" in hasil.pesan
    shell_palsu(["jawaban_3 = 14", "jawaban3 = 28.9", CEK_3], jawaban_3=14, jawaban3=28.9)
    hasil = cek(14, 28.9)
    assert hasil.status == NILAI_LAMA and "jawaban3, bukan jawaban_3" in hasil.pesan
    # salah ketik huruf (jawban_3, jawaban_e) juga dikenali; nama jawaban latihan lain tidak
    for salah in ("jawban_3", "jawaban_e", "Jawabn_3"):
        shell_palsu(["jawaban_3 = 14", f"{salah} = 28.9", CEK_3], jawaban_3=14)
        hasil = cek(14, 28.9)
        assert hasil.status == NILAI_LAMA, salah
        assert f"{salah}, bukan jawaban_3" in hasil.pesan
    shell_palsu(["jawaban_3 = 14", "jawaban_4 = 28.9", CEK_3], jawaban_3=14, jawaban_4=28.9)
    assert cek(14, 28.9).status == BELUM_TEPAT
    shell_palsu(["jawaban_3 = 14", "tabel = 28.9", CEK_3], jawaban_3=14)
    assert cek(14, 28.9).status == BELUM_TEPAT


def test_alur_biasa_dinilai_tanpa_catatan(shell_palsu):
    shell_palsu(["jawaban_3 = 28.9  # SOLUSI", CEK_3], jawaban_3=28.9)
    assert cek(28.9, 28.9).pesan == "Benar!"
    shell_palsu(["jawaban_3 = 14", CEK_3], jawaban_3=14)
    assert cek(14, 28.9, petunjuk="baca kolom baseline").pesan == (
        "Belum tepat — petunjuk: baca kolom baseline."
    )
    # penugasan dan cek di sel yang sama (contoh di notebook materi)
    shell_palsu(["x = 1", "jawaban_contoh = 5\ncek(jawaban_contoh, 5)"], jawaban_contoh=5)
    assert cek(5, 5).pesan == "Benar!"
    # angka langsung di cek, atau nilai yang bukan milik variabel jawaban
    shell_palsu(["28.9", "cek(0.344, persen_tts)"])
    assert cek(0.344, 34.4).status == BELUM_TEPAT
    shell_palsu(["28.9", CEK_3], jawaban_3=14)
    assert cek(28.9, 28.9).pesan == "Benar!"


def test_ragu_dinilai_dengan_catatan(shell_palsu):
    # sel lain dijalankan di antara sel jawaban dan sel pemeriksa
    shell_palsu(["jawaban_3 = 28.9", "rencana.head()", CEK_3], jawaban_3=28.9)
    assert cek(28.9, 28.9).pesan == "Benar! (yang dinilai: jawaban_3 = 28.9)"
    # sel pemeriksa dijalankan dua kali: mungkin sel jawaban diubah tanpa dijalankan
    lama = np.float64(14.0)
    shell_palsu(["jawaban_3 = 14", CEK_3, "", CEK_3], jawaban_3=lama)
    hasil = cek(lama, 28.9, petunjuk="baca kolom baseline")
    assert hasil.status == BELUM_TEPAT
    assert hasil.pesan.endswith("baca kolom baseline. (yang dinilai: jawaban_3 = 14.0)")
    # sel pemeriksa dijalankan lagi sesudah sel jawaban yang benar dijalankan: tanpa catatan
    shell_palsu(["jawaban_3 = 14", CEK_3, "jawaban_3 = 28.9", CEK_3], jawaban_3=28.9)
    assert cek(28.9, 28.9).pesan == "Benar!"
    # angka yang baru diketik sama dengan yang tersimpan: dinilai, dengan catatan
    tersimpan = 28.9
    shell_palsu(["jawaban_3 = 28.9", "28.9", CEK_3], jawaban_3=tersimpan)
    assert cek(tersimpan, 28.9).pesan == "Benar! (yang dinilai: jawaban_3 = 28.9)"


def test_riwayat_rusak_tidak_menghalangi_penilaian(shell_palsu, monkeypatch):
    import p3pd.cek_riwayat as cek_riwayat

    shell_palsu([CEK_3, None], jawaban_3=28.9)  # riwayat bukan teks
    assert cek(28.9, 28.9).pesan == "Benar!"

    def rusak():
        raise RuntimeError("tidak ada shell")

    monkeypatch.setattr(cek_riwayat, "_shell", rusak)
    assert cek(28.9, 28.9).pesan == "Benar!"


def test_di_luar_ipython_tanpa_riwayat():
    assert cek(14, 28.9, petunjuk="baca kolom baseline").pesan == (
        "Belum tepat — petunjuk: baca kolom baseline."
    )


# --- singkatan dan bentuk baku lembaga ---------------------------------------------------------


@pytest.mark.parametrize(
    "jawaban, harapan",
    [
        ("Sekretaris Camat", "Sekcam"),
        ("Sekretaris Camat", "Sekretaris Kecamatan"),
        ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "Dinas Perkim"),
        ("Dinas Perkim", "Dinas Perumahan dan Kawasan Permukiman"),
        ("Pemberdayaan Masyarakat Desa", "PMD"),
        ("Dinas Pemberdayaan Masyarakat Desa", "DPMD"),
        ("Seksi PMD", "Seksi Pemberdayaan Masyarakat dan Desa"),
        ("BUM Desa", "BUMDes"),
        ("BUM Desa Maju Bersama", "BUMDes Maju Bersama"),
        ("BUMDesa", "Badan Usaha Milik Desa"),
        ("BPD", "Badan Permusyawaratan Desa"),
        ("KUA-PPAS", "KUA PPAS"),
    ],
)
def test_bentuk_baku_lembaga_diterima(jawaban, harapan):
    hasil = cek(jawaban, harapan)
    assert hasil.benar, hasil.pesan
    assert "ejaan" not in hasil.pesan


def test_kua_bukan_kantor_urusan_agama_dan_bpd_bukan_bank():
    # KUA-PPAS (Kebijakan Umum APBD) tidak boleh dibaca sebagai Kantor Urusan Agama
    for jawaban, harapan in [
        ("KUA-PPAS", "Kantor Urusan Agama PPAS"),
        ("Kantor Urusan Agama", "KUA"),
        ("Bank Pembangunan Daerah", "BPD"),
    ]:
        hasil = cek(jawaban, harapan)
        assert hasil.status == BELUM_TEPAT
        assert "agama" not in hasil.pesan.lower() and "permusyawaratan" not in hasil.pesan


# --- ejaan jawaban teks yang dekat -------------------------------------------------------------


def test_salah_eja_bulan_diberi_petunjuk_ejaan():
    alias = ["akhir September", "akhir bulan September"]
    for jawaban, harapan, lain in [
        ("akhir Septmber", "September", alias),  # dekat dengan bentuk lain yang diterima
        ("Septmber", "akhir September", None),  # baru sebagian dan salah eja
        ("Septmber", "September", None),
    ]:
        hasil = cek(jawaban, harapan, alias=lain, petunjuk="baca baris berstatus pasti")
        assert hasil.pesan == (
            'Belum tepat — petunjuk: hampir benar: periksa ejaan "Septmber"; salin persis dari '
            "tabel."
        )
    # kata lain yang tidak mirip: tetap petunjuk penulis soal, bukan ejaan
    assert "ejaan" not in cek("akhir Oktober", "September", alias=alias).pesan
    assert "ejaan" not in cek("Dinas Sosial", "Dinas Kesehatan").pesan
