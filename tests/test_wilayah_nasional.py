"""Uji daftar wilayah nasional dan pencocokan nama (p3pd.wilayah_nasional, wilayah(data=…))."""

from __future__ import annotations

import gzip
import subprocess
import sys

import pandas as pd
import pytest

from p3pd import wilayah, wilayah_nasional
from p3pd.galat import WilayahTidakDikenal
from p3pd.lokasi import folder_referensi

NASIONAL = folder_referensi() / "nasional"


def test_jumlah_wilayah_nasional():
    jumlah = wilayah_nasional.jumlah()
    print(jumlah)
    assert jumlah["provinsi"] == 38
    assert jumlah["kabupaten"] == 514
    assert jumlah["kecamatan"] == 7285
    assert jumlah["desa"] == 83762
    # Sama dengan hitungan dari cahyadsn/wilayah (domain-facts §3.1): 8.496 kelurahan,
    # 75.266 desa (di paket ini 14 di antaranya desa adat bernomor 3xxx).
    assert jumlah["kelurahan"] == 8496
    assert jumlah["desa_saja"] + jumlah["desa_adat"] == 75266
    kab = wilayah_nasional.daftar("kabupaten")
    assert (kab["jenis"] == "kabupaten").sum() == 416
    assert (kab["jenis"] == "kota").sum() == 98


def test_berkas_nasional_utuh_dan_berlisensi():
    for nama in ("provinsi", "kabupaten", "kecamatan", "desa"):
        with gzip.open(NASIONAL / f"{nama}.csv.gz", "rt", encoding="utf-8") as f:
            assert f.readline().strip() == "kode,nama"
    # gzip tanpa tanggal di kepalanya: dibangun ulang → byte yang sama
    assert (NASIONAL / "desa.csv.gz").read_bytes()[4:8] == b"\x00\x00\x00\x00"
    readme = (NASIONAL / "README.md").read_text(encoding="utf-8")
    assert "Open Database License" in readme and "idn-area-data" in readme
    assert "Kepmendagri" in readme or "Keputusan Menteri Dalam Negeri" in readme
    assert "Open Database License" in (NASIONAL / "LICENSE-ODbL.md").read_text(encoding="utf-8")
    assert "nasional/" in (folder_referensi() / "SUMBER.md").read_text(encoding="utf-8")


def test_kode_nasional_sama_dengan_referensi_latihan():
    ref = wilayah.daftar_kecamatan()
    nas = wilayah_nasional.daftar("kecamatan").set_index("kode")["nama"]
    assert set(ref["kode_kecamatan"]) <= set(nas.index)
    for r in ref.itertuples():
        kunci = wilayah_nasional.kunci_nama
        nama_nas = nas[r.kode_kecamatan]
        # STM Hilir/Hulu disingkat di referensi latihan; selebihnya sama setelah diseragamkan
        if not r.nama_kecamatan.startswith("STM"):
            assert kunci(r.nama_kecamatan, "kecamatan") == kunci(nama_nas, "kecamatan")


def test_wilayah_menurut_kode_dan_rantai():
    w = wilayah_nasional.wilayah("5302011001")
    assert (w.nama, w.tingkat, w.jenis, w.kode_induk) == ("SoE", "desa", "kelurahan", "53.02.01")
    assert wilayah_nasional.wilayah("53.02.01.2012").jenis == "desa"
    assert wilayah_nasional.wilayah("91.03.01.3007").jenis == "desa adat"
    assert wilayah_nasional.wilayah("33.74").jenis == "kota"
    assert [x.nama for x in wilayah_nasional.rantai("33.22.01.2001")] == [
        "Jawa Tengah",
        "Kabupaten Semarang",
        "Getasan",
        "Tajuk",
    ]
    with pytest.raises(WilayahTidakDikenal, match=r"Kabupaten 33\.22 \(Kabupaten Semarang\) ada"):
        wilayah_nasional.wilayah("33.22.14")
    with pytest.raises(WilayahTidakDikenal, match="angka 0 di depan"):
        wilayah_nasional.wilayah("33.22.1")


def test_daftar_disaring_induk():
    kec = wilayah_nasional.daftar("kecamatan", "33.22")
    assert len(kec) == 19
    desa = wilayah_nasional.daftar("desa", "53.02.01")
    assert list(desa["jenis"]).count("kelurahan") == 11
    assert list(desa["jenis"]).count("desa") == 2


@pytest.mark.parametrize(
    ("teks", "tingkat", "kode"),
    [
        ("KEC. GETASAN", "kecamatan", "33.22.01"),
        ("Kecamatan  biru biru", "kecamatan", "12.07.07"),
        ("kec kot'olin", "kecamatan", "53.02.20"),
        ("Kab. Semarang", "kabupaten", "33.22"),
        ("KOTA SEMARANG", "kabupaten", "33.74"),
        ("Kabupaten Timor Tengah Selatan", "kabupaten", "53.02"),
        ("DKI Jakarta", "provinsi", "31"),
        ("Prov. Jawa Tengah", "provinsi", "33"),
        ("NTT", "provinsi", "53"),
        ("33.22.01", "kecamatan", "33.22.01"),
    ],
)
def test_cari_nama_dengan_awalan_dan_huruf(teks, tingkat, kode):
    assert wilayah_nasional.cari(teks, tingkat).kode == kode


def test_cari_menolak_ganda_mirip_dan_tingkat_lain():
    with pytest.raises(WilayahTidakDikenal, match=r"lebih dari satu kabupaten.*33\.22.*33\.74"):
        wilayah_nasional.cari("Semarang", "kabupaten")
    with pytest.raises(WilayahTidakDikenal, match=r"Mungkin maksud Anda: Jawa Tengah \(33\)"):
        wilayah_nasional.cari("Jawa Tenga", "provinsi")
    with pytest.raises(WilayahTidakDikenal, match="kode kabupaten"):
        wilayah_nasional.cari("33.22", "kecamatan")


# Sampel nyata: kelurahan dan desa Kecamatan Kota Soe (53.02.01) dari daftar Kepmendagri di
# paket idn-area-data, ditulis seperti di berkas kiriman: huruf besar, awalan, spasi berlebih,
# ejaan lama, dan salah ketik kecil.
SAMPEL_SOE = [
    ("KEL. SOE", "53.02.01.1001", "ejaan"),
    ("Kelurahan  Cendana", "53.02.01.1002", "ejaan"),
    ("OEBESA", "53.02.01.1003", "sama"),  # huruf besar/kecil saja: sama
    ("Kel Oe-Kefan", "53.02.01.1009", "ejaan"),
    ("Kampoeng Baroe", "53.02.01.1011", "ejaan"),  # ejaan lama oe → u
    ("DESA KUATAE", "53.02.01.2012", "ejaan"),
    ("Noemeto", "53.02.01.2013", "sama"),
    ("Karang Sirieh", "53.02.01.1006", "mirip"),  # salah ketik
    ("Nonohonnis", "53.02.01.1005", "mirip"),
    ("Oeleu", None, "tidak cocok"),  # bukan desa di Kota Soe
    ("", None, "kosong"),
]


def test_cocokkan_sampel_nyata_kota_soe():
    hasil = wilayah_nasional.cocokkan([s[0] for s in SAMPEL_SOE], "desa", "53.02.01")
    assert list(hasil.tabel["kode"]) == [s[1] for s in SAMPEL_SOE]
    assert list(hasil.tabel["cara"]) == [s[2] for s in SAMPEL_SOE]
    assert len(hasil.tidak_cocok) == 2
    assert list(hasil.perlu_diperiksa["nama_baku"]) == ["Karang Sirih", "Nonohonis"]
    teks = hasil.laporan()
    assert "9 dari 11 nama desa mendapat kode." in teks
    assert "'Karang Sirieh' → Karang Sirih (53.02.01.1006)" in teks
    assert "'Oeleu' di 53.02.01: tidak ditemukan" in teks


def test_cocokkan_dengan_induk_per_baris_dan_usulan():
    hasil = wilayah_nasional.cocokkan(
        ["Tajuk", "Kopeng", "Samirana", "Kuatae"],
        "desa",
        ["33.22.01", "332201", "33.22.01", "53.02.01"],
    )
    assert list(hasil.kode) == ["33.22.01.2001", "33.22.01.2003", None, "53.02.01.2012"]
    assert hasil.tabel.loc[2, "usulan"] == ["Samirono (33.22.01.2008)"]


def test_cocokkan_tanpa_induk_nama_ganda():
    hasil = wilayah_nasional.cocokkan(["Kampung Baru"], "desa", "53")
    assert hasil.tabel.loc[0, "cara"] == "ganda"
    assert len(hasil.tabel.loc[0, "usulan"]) >= 2


def test_cari_kecamatan_dari_daftar_desa_pengguna():
    """Kecamatan di luar 93 kecamatan latihan dapat dipilih lewat daftar desa pengguna."""
    desa = wilayah_nasional.daftar("desa", "63.03.05")
    data = pd.DataFrame(
        {
            "kode_desa": desa["kode"],
            "nama_desa": desa["nama"],
            "kode_kecamatan": "63.03.05",
            "nama_kecamatan": "Martapura",
            "kode_kabupaten": "63.03",
            "nama_kabupaten": "Kabupaten Banjar",
            "kode_provinsi": "63",
            "nama_provinsi": "Kalimantan Selatan",
        }
    )
    kota = wilayah_nasional.daftar("desa", "35.78.01")  # Kota Surabaya, di luar wilayah latihan
    data = pd.concat(
        [
            data,
            pd.DataFrame(
                {
                    "kode_desa": kota["kode"],
                    "nama_desa": kota["nama"],
                    "kode_kecamatan": "35.78.01",
                    "nama_kecamatan": wilayah_nasional.wilayah("35.78.01").nama,
                    "kode_kabupaten": "35.78",
                    "nama_kabupaten": "Kota Surabaya",
                    "kode_provinsi": "35",
                    "nama_provinsi": "Jawa Timur",
                }
            ),
        ]
    )
    nama_kec = wilayah_nasional.wilayah("35.78.01").nama
    kec = wilayah.cari_kecamatan(f"KEC. {nama_kec.upper()}", data=data)
    assert kec.kode == "35.78.01" and kec.provinsi.nama == "Jawa Timur"
    assert kec.jumlah_kelurahan == len(kota) and kec.jumlah_desa == 0
    assert wilayah.cari_kecamatan("martapura", "Kalsel", data=data).jumlah_kelurahan == 7
    assert wilayah.cari_provinsi("35", data=data).nama == "Jawa Timur"
    assert list(wilayah.daftar_provinsi(data)["kode_provinsi"]) == ["35", "63"]
    assert len(wilayah.daftar_kecamatan("Jawa Timur", data=data)) == 1
    with pytest.raises(WilayahTidakDikenal) as info:
        wilayah.cari_kecamatan("Getasan", data=data)  # kecamatan latihan, tetapi bukan di data
    assert "Pilihan yang sah: " in str(info.value) and "Martapura" in str(info.value)
    # tanpa data: tetap 93 kecamatan latihan
    with pytest.raises(WilayahTidakDikenal, match="'35' tidak dikenal"):
        wilayah.cari_provinsi("35")


def test_impor_tanpa_membaca_daftar_nasional():
    kode = (
        "import p3pd.wilayah_nasional as w\n"
        "assert w._tabel.cache_info().currsize == 0\n"
        "w.wilayah('33')\n"
        "assert w._tabel.cache_info().currsize == 1\n"
        "print('ok')\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "ok"


def test_cari_daftar_desa_dulu_lalu_wilayah_latihan():
    kode = wilayah_nasional.daftar("desa", "33.24.01")  # Kab. Kendal, di luar wilayah latihan
    data = pd.DataFrame(
        {
            "kode_desa": kode["kode"],
            "nama_desa": kode["nama"],
            "kode_kecamatan": "33.24.01",
            "nama_kecamatan": "Kecamatan " + wilayah_nasional.wilayah("33.24.01").nama,
            "kode_kabupaten": "33.24",
            "nama_kabupaten": "Kab. Kendal",
            "kode_provinsi": "33",
            "nama_provinsi": "Provinsi Jawa Tengah",
        }
    )
    nama = wilayah_nasional.wilayah("33.24.01").nama
    kec = wilayah.cari("kecamatan", nama.upper(), "Jawa Tengah", data=data)
    assert kec.kode == "33.24.01" and kec.kabupaten.nama == "Kab. Kendal"
    # nama wilayah latihan yang tidak ada di daftar desa tetap dikenal
    assert wilayah.cari("kecamatan", "Getasan", data=data).kode == "33.22.01"
    assert wilayah.cari("provinsi", "Provinsi Jawa Tengah", data=data).kode == "33"
    with pytest.raises(WilayahTidakDikenal) as info:
        wilayah.cari("kecamatan", "Tidak Ada", data=data)
    assert f"Pilihan yang sah: {data['nama_kecamatan'][0]}" in str(info.value)
    with pytest.raises(ValueError):
        wilayah.cari("desa", "x")


def test_daftar_desa_cukup_kode_dan_nama_desa(tmp_path):
    """Daftar desa Kemendagri apa adanya (kode dan nama desa saja): induknya diisi dari kode."""
    from p3pd import muat
    from p3pd.galat import DataTidakValid

    desa = wilayah_nasional.daftar("desa", "53.02.01").head(4)
    path = tmp_path / "wilayah_desa.csv"
    desa.rename(columns={"kode": "kode_desa", "nama": "nama_desa"})[
        ["kode_desa", "nama_desa"]
    ].to_csv(path, index=False)
    data = muat.muat_wilayah(path)
    assert set(data["nama_kecamatan"]) == {"Kota Soe"}
    assert set(data["nama_kabupaten"]) == {"Kabupaten Timor Tengah Selatan"}
    assert set(data["kode_provinsi"]) == {"53"}
    assert "diisi dari awalan kode desa" in " ".join(data.attrs["catatan_muat"])
    # kode yang tidak ada di daftar nasional: nama induknya tidak bisa diisi → ditolak jelas
    path.write_text("kode_desa,nama_desa\n35.99.01.2001,Contoh\n", encoding="utf-8")
    with pytest.raises(DataTidakValid) as info:
        muat.muat_wilayah(path)
    assert "35.99" in str(info.value) and "daftar wilayah nasional" in str(info.value)
    path.write_text("nama_desa\nContoh\n", encoding="utf-8")
    with pytest.raises(DataTidakValid, match="kode_desa"):
        muat.muat_wilayah(path)


@pytest.mark.parametrize("induk", ["11", "11.01", "33.22", "33.22.01", "94.04", "94.04.07"])
def test_daftar_anak_wilayah_sama_dengan_menyaring_awalan(induk):
    """``daftar`` mencari anak-anak satu induk dengan pencarian biner di kode yang urut; hasilnya
    sama dengan menyaring seluruh daftar menurut awalan kode."""
    for tingkat in ("kecamatan", "desa"):
        if len(induk) >= (8 if tingkat == "kecamatan" else 13):
            continue
        semua = wilayah_nasional.daftar(tingkat)
        harap = semua[semua["kode"].str.startswith(induk + ".")].reset_index(drop=True)
        hasil = wilayah_nasional.daftar(tingkat, induk)
        assert len(hasil) > 0
        pd.testing.assert_frame_equal(hasil, harap)
