"""Uji kode dan nama wilayah (p3pd.wilayah)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from p3pd import wilayah
from p3pd.galat import DataTidakValid, WilayahTidakDikenal


@pytest.mark.parametrize(
    ("masukan", "hasil"),
    [
        ("3322012001", "33.22.01.2001"),
        ("332201", "33.22.01"),
        ("3322", "33.22"),
        ("33", "33"),
        ("33.22", "33.22"),
        (" 33.22 ", "33.22"),
        ("'33.22.01.2001'", "33.22.01.2001"),
        ('"3322012001"', "33.22.01.2001"),
        ("33. 22. 01", "33.22.01"),
        (3322012001, "33.22.01.2001"),
        (3322012001.0, "33.22.01.2001"),
        ("3322012001.0", "33.22.01.2001"),
        ("53.02.01.1001", "53.02.01.1001"),
    ],
)
def test_normalisasi_kode_menerima_bentuk_yang_jelas(masukan, hasil):
    assert wilayah.normalisasi_kode(masukan) == hasil


@pytest.mark.parametrize(
    ("masukan", "potongan_pesan"),
    [
        ("33.22.1", "tidak bisa ditebak"),  # angka 0 di depan hilang
        ("332212001", "9 angka"),
        ("3.22.01", "tidak mengikuti pola"),
        ("33.22.01.4001", "diawali 2 (desa), 1 (kelurahan), atau 3 (desa adat)"),
        ("33.00", "'00'"),
        ("33.22.00", "'00'"),
        ("33.22.01.2000", "'2000' tidak ada"),
        ("00.22", "provinsi"),
        ("Getasan", "bukan kode wilayah"),
        ("", "kosong"),
        ("33.22.01.2001.5", "bukan kode wilayah"),
        (33.5, "bukan kode wilayah"),
    ],
)
def test_normalisasi_kode_menolak_yang_tidak_bisa_ditebak(masukan, potongan_pesan):
    with pytest.raises(ValueError) as info:
        wilayah.normalisasi_kode(masukan)
    assert potongan_pesan in str(info.value)
    assert isinstance(info.value, DataTidakValid)


@pytest.mark.parametrize(
    ("kode", "jenis"),
    [
        ("33", "provinsi"),
        ("3322", "kabupaten"),
        ("33.73", "kabupaten"),
        ("33.22.01", "kecamatan"),
        ("33.22.01.2001", "desa"),
        ("3322011001", "kelurahan"),
    ],
)
def test_jenis_kode(kode, jenis):
    assert wilayah.jenis_kode(kode) == jenis


def test_daftar_wilayah_latihan_lengkap():
    prov = wilayah.daftar_provinsi()
    assert list(prov["kode_provinsi"]) == ["12", "33", "53", "63"]
    assert set(prov["singkatan"]) == {"Sumut", "Jateng", "NTT", "Kalsel"}
    assert prov["jumlah_kecamatan"].sum() == 93
    kab = wilayah.daftar_kabupaten()
    assert list(kab["kode_kabupaten"]) == ["12.07", "33.22", "53.02", "63.03"]
    assert kab.set_index("kode_kabupaten").loc["33.22", "jumlah_kecamatan"] == 19
    kec = wilayah.daftar_kecamatan()
    assert len(kec) == 93
    assert kec["kode_kecamatan"].is_unique
    assert len(wilayah.daftar_kecamatan("NTT")) == 32
    assert len(wilayah.daftar_kabupaten("Jateng")) == 1


def test_daftar_mengembalikan_salinan():
    kec = wilayah.daftar_kecamatan()
    kec.loc[0, "nama_kecamatan"] = "DIUBAH"
    assert wilayah.daftar_kecamatan().loc[0, "nama_kecamatan"] != "DIUBAH"


@pytest.mark.parametrize(
    ("teks", "kode"),
    [
        ("Jawa Tengah", "33"),
        ("jawa  tengah", "33"),
        ("JATENG", "33"),
        ("Prov. Jateng", "33"),
        ("Provinsi Sumatera Utara", "12"),
        ("Sumut", "12"),
        ("ntt", "53"),
        ("Nusa Tenggara Timur", "53"),
        ("Kalsel", "63"),
        ("63", "63"),
        (33, "33"),
    ],
)
def test_cari_provinsi(teks, kode):
    assert wilayah.cari_provinsi(teks).kode == kode


def test_cari_provinsi_gagal_dengan_usulan_dan_daftar_sah():
    with pytest.raises(WilayahTidakDikenal) as info:
        wilayah.cari_provinsi("Jawa Tenga")
    pesan = str(info.value)
    assert "'Jawa Tenga' tidak dikenal" in pesan
    assert "Mungkin maksud Anda: 'Jawa Tengah'?" in pesan
    assert "Pilihan yang sah:" in pesan
    for nama in ("Sumatera Utara", "Nusa Tenggara Timur", "Kalimantan Selatan"):
        assert nama in pesan


def test_cari_provinsi_kode_tidak_dikenal():
    with pytest.raises(WilayahTidakDikenal, match="'35' tidak dikenal"):
        wilayah.cari_provinsi("35")
    with pytest.raises(WilayahTidakDikenal, match="kode kabupaten, bukan kode provinsi"):
        wilayah.cari_provinsi("33.22")


@pytest.mark.parametrize(
    ("teks", "kode"),
    [
        ("Kabupaten Semarang", "33.22"),
        ("kab. semarang", "33.22"),
        ("Kab Banjar", "63.03"),
        ("Semarang", "33.22"),
        ("Deli Serdang", "12.07"),
        ("TTS", "53.02"),
        ("timor tengah selatan", "53.02"),
        ("5302", "53.02"),
    ],
)
def test_cari_kabupaten(teks, kode):
    kab = wilayah.cari_kabupaten(teks)
    assert kab.kode == kode
    assert kab.provinsi.kode == kode[:2]


def test_cari_kabupaten_gagal():
    with pytest.raises(WilayahTidakDikenal) as info:
        wilayah.cari_kabupaten("Semarag")
    assert "Mungkin maksud Anda: 'Kabupaten Semarang'?" in str(info.value)
    assert "Kabupaten Banjar" in str(info.value)


@pytest.mark.parametrize(
    ("teks", "kode"),
    [
        ("Getasan", "33.22.01"),
        ("  getasan ", "33.22.01"),
        ("Kec. Getasan", "33.22.01"),
        ("Kecamatan Ungaran Barat", "33.22.18"),
        ("Kot'olin", "53.02.20"),
        ("kotolin", "53.02.20"),
        ("KI'E", "53.02.10"),
        ("Biru Biru", "12.07.07"),
        ("Kota Soe", "53.02.01"),
        ("332201", "33.22.01"),
        ("63.03.20", "63.03.20"),
    ],
)
def test_cari_kecamatan(teks, kode):
    assert wilayah.cari_kecamatan(teks).kode == kode


def test_cari_kecamatan_induk_dan_jumlah_desa():
    kec = wilayah.cari_kecamatan("Getasan")
    assert kec.nama == "Getasan"
    assert kec.kabupaten.nama == "Kabupaten Semarang"
    assert kec.provinsi.nama == "Jawa Tengah"
    assert (kec.jumlah_desa, kec.jumlah_kelurahan) == (13, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        kec.nama = "lain"  # type: ignore[misc]


def test_cari_kecamatan_dengan_provinsi():
    assert wilayah.cari_kecamatan("getasan", provinsi="Jateng").kode == "33.22.01"
    with pytest.raises(WilayahTidakDikenal) as info:
        wilayah.cari_kecamatan("Getasan", provinsi="NTT")
    pesan = str(info.value)
    assert "di provinsi Nusa Tenggara Timur" in pesan
    assert "Kota Soe" in pesan  # daftar pilihan hanya kecamatan NTT
    assert "Tengaran" not in pesan


def test_cari_kecamatan_gagal():
    with pytest.raises(WilayahTidakDikenal) as info:
        wilayah.cari_kecamatan("Getasn")
    assert "Mungkin maksud Anda: 'Getasan'?" in str(info.value)
    with pytest.raises(WilayahTidakDikenal, match="kode kabupaten, bukan kode kecamatan"):
        wilayah.cari_kecamatan("33.22")
    with pytest.raises(WilayahTidakDikenal, match="'33.22.14' tidak dikenal"):
        wilayah.cari_kecamatan("33.22.14")  # nomor 14 tidak ada di Kab. Semarang
    with pytest.raises(WilayahTidakDikenal, match="angka 0 di depan"):
        wilayah.cari_kecamatan("33.22.1")


def test_impor_tanpa_membaca_berkas():
    kode = (
        "import p3pd.wilayah as w, p3pd.muat, p3pd.muat_nilai as m, p3pd.layanan as lay\n"
        "assert w._referensi.cache_info().currsize == 0\n"
        "assert m._kode_sub_bidang.cache_info().currsize == 0\n"
        "assert lay._baca.cache_info().currsize == 0\n"
        "print('ok')\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "ok"


def test_kecamatan_dari_data_diingat_menurut_isi_dan_tidak_basi():
    import pandas as pd

    from p3pd import memo

    memo.kosongkan_memo()
    data = pd.DataFrame(
        {
            "kode_desa": ["35.79.01.2001", "35.79.01.1002", "35.79.02.2001"],
            "nama_desa": ["Sidomulyo", "Sisir", "Oro-oro Ombo"],
            "kode_kecamatan": ["35.79.01", "35.79.01", "35.79.02"],
            "nama_kecamatan": ["Batu", "Batu", "Junrejo"],
            "kode_kabupaten": ["35.79"] * 3,
            "nama_kabupaten": ["Kota Batu"] * 3,
            "kode_provinsi": ["35"] * 3,
            "nama_provinsi": ["Jawa Timur"] * 3,
        }
    )
    pertama = wilayah.kecamatan_dari_data(data)
    assert list(pertama["jumlah_desa"]) == [1, 1] and list(pertama["jumlah_kelurahan"]) == [1, 0]
    pertama["jumlah_desa"] = 99  # mengubah hasil tidak mengubah yang diingat
    assert list(wilayah.kecamatan_dari_data(data.copy())["jumlah_desa"]) == [1, 1]
    assert len(memo._MEMO) == 1
    data.loc[2, "nama_kecamatan"] = "Bumiaji"  # isi berubah: dihitung ulang
    assert list(wilayah.kecamatan_dari_data(data)["nama_kecamatan"]) == ["Batu", "Bumiaji"]
    with pytest.raises(DataTidakValid, match="nama_kecamatan"):
        wilayah.kecamatan_dari_data(data.drop(columns="nama_kecamatan"))


def test_teks_cakupan_daftar_desa_sebagian():
    kec = wilayah.Kecamatan(
        "35.79.01",
        "BATU",
        wilayah.Kabupaten("35.79", "Kota Batu", wilayah.Provinsi("35", "Jawa Timur")),
        1,
        1,
    )
    teks = wilayah.teks_cakupan(kec, sintetis=False)
    assert teks == (
        " — daftar desa Anda (wilayah_desa.csv) baru memuat 2 dari 8 desa/kelurahan kecamatan ini "
        "menurut daftar wilayah nasional (Kepmendagri 2025: 4 desa dan 4 kelurahan)"
    )
    assert wilayah.teks_cakupan(kec, sintetis=True) == ""  # data latihan: tanpa catatan
    utuh = dataclasses.replace(kec, jumlah_desa=4, jumlah_kelurahan=4)
    assert wilayah.teks_cakupan(utuh, sintetis=False) == ""
    asing = dataclasses.replace(kec, kode="99.99.99")
    assert wilayah.teks_cakupan(asing, sintetis=False) == ""
