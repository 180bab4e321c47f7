"""Preset p3pd impor pada cuplikan data publik nyata (tests/data_nyata, lihat README-nya)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import buat_tabel_contoh

from p3pd import muat, skema
from p3pd.galat import DataTidakValid
from p3pd.impor import daftar_preset, impor

NYATA = Path(__file__).parent / "data_nyata"
PODES = NYATA / "podes2024_kota_batu_cuplikan.csv"
IDM = sorted((NYATA / "idm").glob("*.json"))
BPS = NYATA / "bps_desa_kota_soe_cuplikan.csv"


def _sidik(paths: list[Path]) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_preset_tersedia():
    assert {"podes_fasilitas", "idm", "siskeudes_apbdes"} <= set(daftar_preset())


def test_podes_fasilitas_pada_cuplikan_nyata(tmp_path):
    sebelum = _sidik([PODES])
    hasil = impor(PODES, "podes_fasilitas", tmp_path / "k", pemilik="Kecamatan Batu, Kota Batu")
    assert _sidik([PODES]) == sebelum
    fas = hasil.tabel["fasilitas"].data.set_index("kode_desa")
    # 12 baris sarana → 2 desa/kelurahan; kode dari R106B (Kemendagri), bukan IDDESA (BPS)
    assert list(fas.index) == ["35.79.01.1003", "35.79.01.2006"]
    oro = fas.loc["35.79.01.2006"]  # Desa Oro-Oro Ombo
    assert oro["jumlah_sd"] == 4  # SD 3 + 1, MI 0
    assert oro["jumlah_smp"] == 1
    assert oro["jumlah_paud"] == 10  # Pos PAUD 5 + TK 4 + RA 1
    assert (oro["jumlah_posyandu"], oro["posyandu_aktif"]) == (7, 7)
    assert oro["jarak_puskesmas_km"] == 2.5  # terdekat dari 9,0 dan 2,5
    assert oro["bidan_desa"] == 3
    assert fas.loc["35.79.01.1003", "jarak_puskesmas_km"] == 1.4
    wil = hasil.tabel["wilayah"].data.set_index("kode_desa")
    assert wil.loc["35.79.01.2006", "nama_desa"] == "ORO-ORO OMBO"
    assert wil.loc["35.79.01.2006", "kode_kecamatan"] == "35.79.01"
    teks = hasil.teks_laporan
    assert "12 baris sumber digabung menjadi 2 baris" in teks
    assert "`air_perpipaan`" in teks and "tidak tersedia" in teks
    assert "BPS, Pendataan Potensi Desa (Podes) 2024" in teks
    muat.muat_folder(tmp_path / "k", ["wilayah"])
    try:
        muat.muat_folder(tmp_path / "k", ["wilayah", "fasilitas"])
    except DataTidakValid as galat:  # pemuat yang belum menerima kolom opsional
        assert set(galat.kolom) <= {"air_perpipaan"}, str(galat)


def test_podes_baris_sarana_dihitung_per_desa(tmp_path):
    peta = tmp_path / "hitung.yaml"
    peta.write_text(
        yaml.safe_dump(
            {
                "sumber_data": "BPS, Podes 2024",
                "tabel": {
                    "fasilitas": {
                        "kelompok": True,
                        "kolom": {
                            "kode_desa": "R106B",
                            "jumlah_paud": {"hitung": {"kolom": "JENIS", "awalan": ["r701b"]}},
                            "jumlah_sd": {
                                "hitung": {"kolom": "JENIS", "salah_satu": ["r701dk2", "r701dk3"]}
                            },
                        },
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    data = impor(PODES, peta, tmp_path / "k", pemilik="Kecamatan Batu").tabel["fasilitas"].data
    data = data.set_index("kode_desa")
    assert data.loc["35.79.01.2006", "jumlah_paud"] == 3  # 3 baris TK di cuplikan
    assert data.loc["35.79.01.1003", "jumlah_sd"] == 2  # SD negeri + SDIT


def test_iddesa_podes_adalah_kode_bps(tmp_path):
    peta = tmp_path / "salah.yaml"
    peta.write_text(
        "sumber_data: Podes\ntabel:\n  fasilitas:\n    kelompok: true\n    kolom:\n"
        "      kode_desa: IDDESA\n      bidan_desa: {kolom: R706C, agregasi: sama}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataTidakValid) as galat:
        impor(PODES, peta, tmp_path / "k", pemilik="Kecamatan Batu")
    pesan = str(galat.value)
    assert "ini kode BPS, bukan kode Kemendagri" in pesan and "R106B" in pesan
    assert "'3579010001' di baris 2" in pesan


def test_daftar_desa_berkode_bps_kota_soe_ditolak(tmp_path):
    peta = tmp_path / "wilayah.yaml"
    peta.write_text(
        "sumber_data: daftar desa\ntabel:\n  wilayah:\n    kolom:\n      kode_desa: kode_desa\n"
        "      nama_desa: nama_desa\n",
        encoding="utf-8",
    )
    with pytest.raises(DataTidakValid) as galat:
        impor(BPS, peta, tmp_path / "k", pemilik="Kecamatan Kota Soe")
    pesan = str(galat.value)
    assert "ini kode BPS, bukan kode Kemendagri" in pesan
    assert "bps_desa_kota_soe_cuplikan.csv" in pesan and "'5304030001' di baris 2" in pesan
    assert not (tmp_path / "k").exists()


def test_idm_json_pada_cuplikan_nyata(tmp_path):
    assert len(IDM) == 3
    sebelum = _sidik(IDM)
    keluar = tmp_path / "k"
    hasil = impor(IDM, "idm", keluar, pemilik="Kecamatan Kluet Utara, Kabupaten Aceh Selatan")
    assert _sidik(IDM) == sebelum
    t = hasil.tabel["terbitan"].data
    assert len(t) == 10  # 4 + 3 + 3 ukuran ringkasan
    idm = t[t["ukuran"] == "idm"].set_index(["kode_desa", "tahun"])
    assert idm.loc[("11.01.02.2001", 2024), "nilai"] == pytest.approx(0.69825396825397)
    assert idm.loc[("11.01.02.2001", 2024), "kategori"] == "Berkembang"
    assert idm.loc[("11.01.02.2001", 2023), "nilai"] == pytest.approx(0.69031746031746)
    assert idm.loc[("11.01.02.2002", 2024), "kategori"] == "Maju"
    assert set(t["satuan"]) == {"indeks 0–1"}
    wil = hasil.tabel["wilayah"].data
    assert wil["nama_desa"].tolist() == ["FAJAR HARAPAN", "KRUENG BATEE"]
    assert set(wil["kode_kecamatan"]) == {"11.01.02"}
    assert "baris skor per indikator" in hasil.teks_laporan or "dibuang" in hasil.teks_laporan
    dimuat = muat.muat_folder(keluar, ["wilayah", "terbitan"])
    assert len(dimuat["terbitan"]) == 10


SISKEUDES = """\
Kode Desa;Tahun;Kode Rekening;Uraian;Anggaran;Realisasi
33.22.01.2001;2024;4.;PENDAPATAN;1.500.000.000;1.480.000.000
33.22.01.2001;2024;4.1.;Pendapatan Asli Desa;50.000.000;45.000.000
33.22.01.2001;2024;4.2.1.;Dana Desa;900.000.000;900.000.000
33.22.01.2001;2024;4.2.2.;Bagi Hasil Pajak dan Retribusi;30.000.000;30.000.000
33.22.01.2001;2024;4.2.3.;Alokasi Dana Desa;400.000.000;390.000.000
33.22.01.2001;2024;4.2.4.;Bantuan Keuangan Provinsi;70.000.000;70.000.000
33.22.01.2001;2024;4.2.5.;Bantuan Keuangan Kabupaten;50.000.000;45.000.000
33.22.01.2001;2024;1.;BIDANG PENYELENGGARAAN PEMERINTAHAN DESA;;
33.22.01.2001;2024;1.1.01.;Siltap dan tunjangan kepala desa;60.000.000;60.000.000
33.22.01.2001;2024;1.1.02.;Siltap dan tunjangan perangkat;300.000.000;295.000.000
33.22.01.2001;2024;2.2.01.;Pemeliharaan jalan desa;200.000.000;180.000.000
33.22.01.2001;2024;2.2.02.;Pembangunan jalan usaha tani;100.000.000;100.000.000
33.22.01.2001;2024;;JUMLAH BELANJA;660.000.000;635.000.000
"""
"""Contoh buatan (angka karangan, bukan data desa) berbentuk laporan realisasi Siskeudes."""


def test_siskeudes_pada_contoh_buatan(tmp_path):
    sumber = tmp_path / "realisasi.csv"
    sumber.write_text(SISKEUDES, encoding="utf-8")
    keluar = tmp_path / "k"
    keluar.mkdir()
    buat_tabel_contoh("wilayah").to_csv(keluar / "wilayah_desa.csv", index=False)
    hasil = impor(sumber, "siskeudes_apbdes", keluar, pemilik="Kecamatan Uji")
    bel = hasil.tabel["belanja"].data.set_index("kode_sub_bidang")
    assert bel.loc["1.1", "anggaran"] == 360_000_000 and bel.loc["2.2", "realisasi"] == 280_000_000
    keg = hasil.tabel["belanja_kegiatan"].data
    assert keg["kode_kegiatan"].tolist() == ["1.1.01", "1.1.02"]
    pend = hasil.tabel["pendapatan"].data.iloc[0]
    assert pend["dana_desa"] == 900_000_000 and pend["alokasi_dana_desa"] == 390_000_000
    assert pend["pendapatan_asli_desa"] == 45_000_000
    assert pend["bantuan_keuangan"] == 115_000_000  # 4.2.4 + 4.2.5
    assert "bukan baris kegiatan (1.1.01, 01.01.01)" in hasil.teks_laporan
    muat.muat_folder(keluar, ["wilayah", "belanja", "belanja_kegiatan", "pendapatan"])


def test_hasil_preset_lolos_ringkasan_lewat_cli(tmp_path, capsys):
    from p3pd.cli import main

    keluar = tmp_path / "data_kami"
    argumen = ["--keluar", str(keluar), "--pemilik", "Kecamatan Kluet Utara"]
    assert main(["impor", *map(str, IDM), "--preset", "idm", *argumen]) == 0
    capsys.readouterr()
    assert main(["ringkasan", "--data", str(keluar)]) == 0
    out = capsys.readouterr().out
    assert "Data milik Kecamatan Kluet Utara" in out and "DATA SINTETIS" not in out
    assert "Indeks Desa Membangun (IDM), 2024: 2 desa" in out
    podes = tmp_path / "podes"
    assert (
        main(
            [
                "impor",
                str(PODES),
                "--preset",
                "podes_fasilitas",
                "--keluar",
                str(podes),
                "--pemilik",
                "Kecamatan Batu",
            ]
        )
        == 0
    )
    assert set(muat.muat_folder(podes)) >= {"wilayah", "fasilitas"}


LEBIH = NYATA / "realisasi_apbdes_desa_lebih_2023_cuplikan.csv"


def test_siskeudes_pada_cuplikan_nyata_desa_lebih(tmp_path):
    """Laporan realisasi APBDes 2023 Desa Lebih (situs desa; lihat data_nyata/README.md)."""
    sebelum = _sidik([LEBIH])
    keluar = tmp_path / "k"
    keluar.mkdir()
    (keluar / "wilayah_desa.csv").write_text("kode_desa,nama_desa\n51.04.03.2004,Lebih\n", "utf-8")
    hasil = impor(LEBIH, "siskeudes_apbdes", keluar, pemilik="Kecamatan Gianyar (uji)")
    assert _sidik([LEBIH]) == sebelum
    bel = hasil.tabel["belanja"].data.set_index("kode_sub_bidang")
    # baris 5.1.1 dan 5.2.1 (sub-bidang); baris bidang 5.1, 5.2, 5.3 tidak dijumlah lagi
    assert list(bel.index) == ["1.1", "2.1"]
    assert (bel.loc["1.1", "anggaran"], bel.loc["1.1", "realisasi"]) == (1_412_387_680, 675_982_385)
    assert (bel.loc["2.1", "anggaran"], bel.loc["2.1", "realisasi"]) == (611_394_000, 369_389_777)
    assert hasil.tabel["belanja_kegiatan"].data.empty
    assert not (keluar / "apbdes_belanja_kegiatan.csv").exists()  # tidak ada baris 1.1.0x
    pend = hasil.tabel["pendapatan"].data.iloc[0]
    assert pend["kode_desa"] == "51.04.03.2004" and pend["tahun"] == 2023
    assert pend["pendapatan_asli_desa"] == 57_634_195  # baris 4.1, bukan 4.1 + 4.1.4
    assert pend["dana_desa"] == 606_303_600
    assert pend["bagi_hasil_pajak_retribusi"] == 448_705_000
    assert pend["alokasi_dana_desa"] == 491_243_683
    assert pend["bantuan_keuangan"] == 28_200_000  # 4.2.4 saja; 4.2.5 tidak ada
    teks = hasil.teks_laporan
    # bidang 5.3 (Rp184.076.000) tanpa baris sub-bidang di cuplikan: diperingatkan, bukan diam
    awal = "baris 5.3 laporan (Bidang Pembinaan Kemasyarakatan Desa; anggaran Rp184,1 juta, "
    bidang = [p for p in hasil.peringatan if p.startswith(awal)]
    assert len(bidang) == 1 and "baris 18" in bidang[0] and "porsi sub-bidang lain" in bidang[0]
    assert "realisasi Rp105,2 juta; desa 51.04.03.2004; tahun 2023" in bidang[0]
    assert f"PERINGATAN: {bidang[0]}" in teks
    assert not any(p.startswith(("baris 5.1", "baris 5.2")) for p in hasil.peringatan)
    # disimpan terstruktur di label: notebook dan handout menyaringnya per desa dan tahun
    from p3pd.label import peringatan_impor

    (disimpan,) = peringatan_impor("apbdes_belanja.csv", keluar)
    assert disimpan["pesan"] == bidang[0] and disimpan["kode"] == "5.3"
    assert (disimpan["kode_desa"], disimpan["tahun"]) == ("51.04.03.2004", 2023)
    assert disimpan["anggaran"] == 184_076_000 and disimpan["laporan"].startswith("LAPORAN_IMPOR_")
    assert peringatan_impor("apbdes_belanja.csv", keluar, wilayah="51.04.04") == []
    assert peringatan_impor("apbdes_belanja.csv", keluar, tahun=2024) == []
    assert len(peringatan_impor("apbdes_belanja.csv", keluar, wilayah="51.04.03", tahun=2023)) == 1
    assert "kolom 'anggaran_rp' dibaca sebagai 'anggaran'" in teks
    assert "kolom 'realisasi_rp' dibaca sebagai 'realisasi'" in teks
    data = muat.muat_folder(keluar)
    assert {"wilayah", "belanja", "pendapatan"} <= set(data)


def test_apbdes_saja_ke_folder_kosong_membuat_daftar_desa_kecamatannya(tmp_path):
    """Tim kecamatan yang hanya punya laporan APBDes: daftar desa dibuat dari daftar nasional
    untuk seluruh kecamatannya (desa tanpa data tampil "tidak ada data"), dicatat di laporan."""
    from p3pd.wilayah_nasional import daftar

    keluar = tmp_path / "k"
    hasil = impor(LEBIH, "siskeudes_apbdes", keluar, pemilik="Kecamatan Gianyar (uji)")
    wil = pd.read_csv(keluar / "wilayah_desa.csv", dtype=str)
    nasional = daftar("desa", "51.04.03")
    assert sorted(wil["kode_desa"]) == sorted(nasional["kode"])
    assert "51.04.03.2004" in set(wil["kode_desa"])
    baris = wil.set_index("kode_desa").loc["51.04.03.2004"]
    assert baris["nama_desa"] == "Lebih" and baris["kode_kecamatan"] == "51.04.03"
    assert baris["nama_kabupaten"] == "Kabupaten Gianyar"
    kel = int(wil["kode_desa"].str[9].eq("1").sum())
    teks = hasil.teks_laporan
    assert "Folder ini belum punya daftar desa" in teks
    assert f"{len(wil) - kel} desa dan {kel} kelurahan" in teks
    assert '1 desa ada di berkas sumber; 11 desa lain tampil "tidak ada data"' in teks
    assert "5 kelurahan tidak menyusun APBDes, jadi tidak dihitung di tabel APBDes" in teks
    from p3pd.wilayah_nasional import PEMBERITAHUAN_ODBL, SUMBER_DAFTAR

    assert PEMBERITAHUAN_ODBL in teks
    label = yaml.safe_load((keluar / "SUMBER_DATA.yaml").read_text(encoding="utf-8"))
    assert SUMBER_DAFTAR in label["sumber"]
    data = muat.muat_folder(keluar)  # pemuat menerima folder ini tanpa daftar desa buatan tangan
    assert {"wilayah", "belanja", "pendapatan"} <= set(data)
    assert len(data["wilayah"]) == len(nasional)


SISKEUDES_BERNOL = """Kode Desa,Tahun,Kode,Uraian,Anggaran (Rp),Realisasi (Rp)
33.22.01.2001,2025,4.2.1.,Dana Desa,Rp 964.073.000,Rp 964.073.000
33.22.01.2001,2025,4.2.1.01.,Dana Desa,Rp 964.073.000,Rp 964.073.000
33.22.01.2001,2025,01,BIDANG PENYELENGGARAN PEMERINTAHAN DESA,Rp 681.922.621,Rp 600.000.000
33.22.01.2001,2025,01.01,Penyelenggaran Belanja Siltap,Rp 571.602.121,Rp 500.000.000
33.22.01.2001,2025,01.01.01,Penyediaan Penghasilan Tetap Kepala Desa,Rp 58.200.000,Rp 58.200.000
33.22.01.2001,2025,5.1.1.01. [01.01.01],Penghasilan Tetap Kepala Desa,Rp 52.200.000,Rp 52.200.000
33.22.01.2001,2025,01.01.02,Penyediaan Penghasilan Tetap Perangkat Desa,Rp 328.175.000,Rp 300.000.000
33.22.01.2001,2025,02.02.02.,Penyelenggaraan Posyandu,Rp 40.000.000,Rp 38.000.000
33.22.01.2001,2025,05.03.01,Keadaan Mendesak,Rp 90.000.000,Rp 90.000.000
"""
"""Contoh buatan (angka karangan) dengan bentuk kode Siskeudes bernol (01.01.01), judul "Kode" dan
"Anggaran (Rp)", angka "Rp …", dan baris rincian 4.2.1.01. / 5.1.1.01. [01.01.01]."""


def test_siskeudes_kode_bernol_judul_lain_dan_rincian(tmp_path):
    sumber = tmp_path / "penjabaran.csv"
    sumber.write_text(SISKEUDES_BERNOL, encoding="utf-8")
    keluar = tmp_path / "k"
    keluar.mkdir()
    buat_tabel_contoh("wilayah").to_csv(keluar / "wilayah_desa.csv", index=False)
    hasil = impor(sumber, "siskeudes_apbdes", keluar, pemilik="Kecamatan Uji")
    bel = hasil.tabel["belanja"].data.set_index("kode_sub_bidang")
    assert sorted(bel.index) == ["1.1", "2.2", "5.3"]  # 05.03.01 tetap 5.3, bukan 3.1
    assert bel.loc["1.1", "anggaran"] == 58_200_000 + 328_175_000  # rincian 5.1.1.01. tidak
    assert bel.loc["2.2", "realisasi"] == 38_000_000
    keg = hasil.tabel["belanja_kegiatan"].data
    assert keg["kode_kegiatan"].tolist() == ["1.1.01", "1.1.02"]
    assert hasil.tabel["pendapatan"].data.iloc[0]["dana_desa"] == 964_073_000  # 4.2.1. saja
    assert "kolom 'kode' dibaca sebagai 'kode_rekening'" in hasil.teks_laporan


def test_impor_kedua_ke_folder_yang_sama_menggabung_daftar_desa(tmp_path, capsys):
    """README: Podes lalu IDM ke satu folder data; daftar desa digabung, bukan ditolak/ditimpa."""
    from p3pd.cli import main

    keluar = tmp_path / "data_kami"
    (keluar).mkdir()
    # daftar desa yang diketik sendiri (cukup kode dan nama), nama Oro-Oro Ombo ditulis lain
    (keluar / "wilayah_desa.csv").write_text(
        "kode_desa,nama_desa\n35.79.01.2006,Oro-oro Ombo\n", encoding="utf-8"
    )
    umum = ["--keluar", str(keluar), "--pemilik", "Kecamatan Batu"]
    assert main(["impor", str(PODES), "--preset", "podes_fasilitas", *umum]) == 0
    assert main(["impor", *map(str, IDM), "--preset", "idm", *umum]) == 0
    wil = pd.read_csv(keluar / "wilayah_desa.csv", dtype=str).set_index("kode_desa")
    assert list(wil.index) == ["35.79.01.2006", "35.79.01.1003", "11.01.02.2001", "11.01.02.2002"]
    assert wil.loc["35.79.01.2006", "nama_desa"] == "Oro-oro Ombo"  # baris lama tetap
    assert wil.loc["35.79.01.1003", "nama_kecamatan"] == "BATU"
    laporan = (keluar / "LAPORAN_IMPOR_podes_fasilitas.md").read_text(encoding="utf-8")
    assert "1 baris lama dipertahankan, 1 desa baru ditambahkan, 1 desa sudah ada" in laporan
    assert "35.79.01.2006 ('Oro-oro Ombo' tetap, bukan 'ORO-ORO OMBO')" not in laporan  # huruf saja
    data = muat.muat_folder(keluar)
    assert {"wilayah", "fasilitas", "terbitan"} <= set(data)
    capsys.readouterr()
    # tabel lain tetap tidak ditimpa tanpa --timpa
    assert main(["impor", str(PODES), "--preset", "podes_fasilitas", *umum]) == 2
    assert "fasilitas_desa.csv" in capsys.readouterr().err


def test_gabung_daftar_desa_mencatat_nama_yang_berbeda(tmp_path):
    keluar = tmp_path / "k"
    keluar.mkdir()
    (keluar / "wilayah_desa.csv").write_text(
        "kode_desa,nama_desa\n35.79.01.2006,Desa Oro Oro Ombo Lama\n", encoding="utf-8"
    )
    hasil = impor(PODES, "podes_fasilitas", keluar, pemilik="Kecamatan Batu")
    assert "35.79.01.2006 ('Desa Oro Oro Ombo Lama' tetap, bukan 'ORO-ORO OMBO')" in (
        hasil.teks_laporan
    )
    wil = muat.muat_folder(keluar)["wilayah"].set_index("kode_desa")
    assert wil.loc["35.79.01.2006", "nama_desa"] == "Desa Oro Oro Ombo Lama"
    assert wil.loc["35.79.01.2006", "nama_kecamatan"] == "BATU"  # dari baris Podes berinduk sama


def test_nama_kabupaten_tanpa_awalan_menjadi_nama_baku(tmp_path):
    hasil = impor(PODES, "podes_fasilitas", tmp_path / "k", pemilik="Kecamatan Batu")
    wil = muat.muat_folder(tmp_path / "k")["wilayah"]
    assert set(wil["nama_kabupaten"]) == {"Kota Batu"}  # Podes menulis 'BATU'
    assert set(wil["nama_kecamatan"]) == {"BATU"}  # nama lain tetap seperti di sumber
    assert "nama_kabupaten 'BATU' (kode 35.79) ditulis 'Kota Batu'" in hasil.teks_laporan


def test_nama_kabupaten_berawalan_atau_berbeda_tidak_diganti():
    from p3pd.impor.tulis import seragamkan_nama_kabupaten
    from p3pd.impor.ubah import HasilTabel

    data = pd.DataFrame(
        {
            "kode_kabupaten": ["35.79", "35.07", "99.99", "35.73"],
            "nama_kabupaten": ["KOTA BATU", "Malang Raya", "BATU", "malang"],
        }
    )
    h = HasilTabel(skema.WILAYAH, data.copy(), list(data.columns), [])
    seragamkan_nama_kabupaten(h)
    assert list(h.data["nama_kabupaten"]) == ["KOTA BATU", "Malang Raya", "BATU", "Kota Malang"]
    assert len(h.asumsi) == 1


JENIS_BELANJA = """Kode Desa,Tahun,Kode Rekening,Uraian,Anggaran,Realisasi
51.04.03.2004,2023,5,BELANJA,,
51.04.03.2004,2023,5.1,Belanja Pegawai,"900.000.000,00","850.000.000,00"
51.04.03.2004,2023,5.1.2,Penghasilan Tetap dan Tunjangan Perangkat Desa,"600.000.000,00","580.000.000,00"
51.04.03.2004,2023,5.2,Belanja Barang dan Jasa,"500.000.000,00","400.000.000,00"
51.04.03.2004,2023,5.2.1,Belanja Barang Perlengkapan,"120.000.000,00","100.000.000,00"
51.04.03.2004,2023,5.3,Belanja Modal,"300.000.000,00","250.000.000,00"
51.04.03.2004,2023,5.3.3,Belanja Modal Jalan,"300.000.000,00","250.000.000,00"
"""
"""Contoh buatan (angka karangan): laporan realisasi menurut JENIS belanja (Permendagri 20/2018)."""


def _folder_lebih(tmp_path: Path) -> Path:
    keluar = tmp_path / "k"
    keluar.mkdir()
    (keluar / "wilayah_desa.csv").write_text("kode_desa,nama_desa\n51.04.03.2004,Lebih\n", "utf-8")
    return keluar


def test_siskeudes_laporan_menurut_jenis_belanja_ditolak(tmp_path):
    sumber = tmp_path / "realisasi_jenis.csv"
    sumber.write_text(JENIS_BELANJA, encoding="utf-8")
    keluar = _folder_lebih(tmp_path)
    with pytest.raises(DataTidakValid) as galat:
        impor(sumber, "siskeudes_apbdes", keluar, pemilik="Kecamatan Uji")
    teks = str(galat.value)
    assert "realisasi_jenis.csv" in teks and "'Kode Rekening'" in teks and "'Uraian'" in teks
    assert "JENIS belanja" in teks and "bukan menurut bidang/sub-bidang" in teks
    assert "baris 4, 6, 8" in teks  # 5.1.2, 5.2.1, 5.3.3 (baris 1 = judul)
    assert sorted(p.name for p in keluar.iterdir()) == ["wilayah_desa.csv"]


def test_siskeudes_sub_bidang_tanpa_baris_bidang_dikenali_dari_namanya(tmp_path):
    """Baris 5.B.S tanpa baris 5.B: diterima bila uraiannya nama sub-bidang B.S."""
    sumber = tmp_path / "sub.csv"
    sumber.write_text(
        "Kode Desa,Tahun,Kode Rekening,Uraian,Anggaran,Realisasi\n"
        "51.04.03.2004,2023,5.2.2,Sub Bidang Kesehatan,100,90\n"
        "51.04.03.2004,2023,5.1.3,"
        '"Administrasi Kependudukan, Pencatatan Sipil, Statistik dan Kearsipan",50,40\n',
        encoding="utf-8",
    )
    hasil = impor(sumber, "siskeudes_apbdes", _folder_lebih(tmp_path), pemilik="Kecamatan Uji")
    assert sorted(hasil.tabel["belanja"].data["kode_sub_bidang"]) == ["1.3", "2.2"]
    sumber.write_text(
        "Kode Desa,Tahun,Kode Rekening,Uraian,Anggaran,Realisasi\n"
        "51.04.03.2004,2023,5.2.2,Belanja Jasa Honorarium,100,90\n",
        encoding="utf-8",
    )
    with pytest.raises(DataTidakValid, match="JENIS belanja"):
        impor(sumber, "siskeudes_apbdes", tmp_path / "k2", pemilik="Kecamatan Uji")


BATU = "kode_desa,nama_desa\n35.79.01.2006,ORO-ORO OMBO\n"


def test_siskeudes_desa_di_luar_daftar_ditambah_dari_daftar_nasional(tmp_path, capsys):
    from p3pd.cli import main

    keluar = tmp_path / "data_kami"
    keluar.mkdir()
    (keluar / "wilayah_desa.csv").write_text(BATU, encoding="utf-8")
    kode = main(
        [
            "impor",
            str(LEBIH),
            "--preset",
            "siskeudes_apbdes",
            "--keluar",
            str(keluar),
            "--pemilik",
            "Kecamatan Batu, Kota Batu",
        ]
    )
    keluaran = capsys.readouterr().out
    assert kode == 0
    daftar = pd.read_csv(keluar / "wilayah_desa.csv", dtype=str)
    assert daftar["kode_desa"].tolist() == ["35.79.01.2006", "51.04.03.2004"]
    assert daftar["nama_desa"].tolist() == ["ORO-ORO OMBO", "Lebih"]
    assert "51.04.03.2004 Lebih" in keluaran and "daftar wilayah nasional" in keluaran
    # desa Gianyar di folder Kota Batu: peringatan, bukan penolakan
    assert "PERINGATAN" in keluaran and "Kabupaten Gianyar" in keluaran
    assert "Kota Batu (35.79)" in keluaran
    laporan = (keluar / "LAPORAN_IMPOR_siskeudes_apbdes.md").read_text(encoding="utf-8")
    assert "51.04.03.2004 Lebih" in laporan and "PERINGATAN" in laporan
    data = muat.muat_folder(keluar)  # ringkasan kini mengenali desanya
    assert "51.04.03.2004" in set(data["belanja"]["kode_desa"])
    assert data["wilayah"].set_index("kode_desa").loc["51.04.03.2004", "nama_kabupaten"] == (
        "Kabupaten Gianyar"
    )


def test_siskeudes_kode_desa_tidak_dikenal_ditolak_saat_impor(tmp_path):
    sumber = tmp_path / "realisasi.csv"
    sumber.write_text(
        LEBIH.read_text(encoding="utf-8").replace("51.04.03.2004", "51.04.03.2999"), "utf-8"
    )
    keluar = tmp_path / "k"
    keluar.mkdir()
    (keluar / "wilayah_desa.csv").write_text(BATU, encoding="utf-8")
    with pytest.raises(DataTidakValid) as galat:
        impor(sumber, "siskeudes_apbdes", keluar, pemilik="Kecamatan Batu, Kota Batu")
    teks = str(galat.value)
    assert "realisasi.csv" in teks and "'kode_desa'" in teks and "51.04.03.2999" in teks
    assert "tidak ada di daftar wilayah nasional" in teks and "baris 2, 3" in teks
    assert sorted(p.name for p in keluar.iterdir()) == ["wilayah_desa.csv"]
    assert (keluar / "wilayah_desa.csv").read_text(encoding="utf-8") == BATU


def test_idm_desa_provinsi_lain_ke_folder_kota_batu_diperingatkan(tmp_path):
    keluar = tmp_path / "k"
    hasil = impor(IDM, "idm", keluar, pemilik="Kecamatan Batu, Kota Batu")
    assert {k[:5] for k in hasil.tabel["wilayah"].data["kode_desa"]} == {"11.01"}  # Aceh Selatan
    assert len(hasil.peringatan) == 1
    assert "di luar kabupaten/kota data ini (Kota Batu (35.79))" in hasil.peringatan[0]
    assert "Kabupaten Aceh Selatan (11.01)" in hasil.peringatan[0]
    sama = impor(IDM, "idm", tmp_path / "k2", pemilik="Kecamatan Kluet Utara, Kab. Aceh Selatan")
    assert sama.peringatan == []


def test_daftar_desa_dengan_sel_induk_kosong_diisi_pemuat(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    kolom = (
        "kode_desa,nama_desa,kode_kecamatan,nama_kecamatan,kode_kabupaten,nama_kabupaten,"
        "kode_provinsi,nama_provinsi\n"
    )
    isi = (
        kolom
        + "35.79.01.2006,ORO-ORO OMBO,35.79.01,BATU,35.79,Kota Batu,35,JAWA TIMUR\n"
        + "35.79.01.1003,SONGGOKERTO,,,,,,\n"
        + "51.04.03.2004,LEBIH,,,,,,\n"
    )
    (folder / "wilayah_desa.csv").write_text(isi, encoding="utf-8")
    data = muat.muat_folder(folder)
    assert (folder / "wilayah_desa.csv").read_text(encoding="utf-8") == isi  # berkas tidak diubah
    w = data["wilayah"].set_index("kode_desa")
    # nama yang sudah dipakai berkas untuk kode yang sama menang (satu nama per kecamatan)
    assert w.loc["35.79.01.1003", "nama_kecamatan"] == "BATU"
    assert w.loc["35.79.01.1003", "nama_provinsi"] == "JAWA TIMUR"
    assert w.loc["51.04.03.2004", "kode_kecamatan"] == "51.04.03"
    assert w.loc["51.04.03.2004", "nama_kabupaten"] == "Kabupaten Gianyar"
    assert w.loc["51.04.03.2004", "nama_provinsi"] == "Bali"
    catatan = " ".join(data["wilayah"].attrs["catatan_muat"])
    assert "baris 3, 4" in catatan and "daftar wilayah nasional" in catatan


def test_siskeudes_kegiatan_bidang_5_bukan_baris_jenis_belanja(tmp_path):
    """``5.3.01.`` = kegiatan 01 sub-bidang 5.3 (Penanggulangan Bencana), bukan baris 5.B.S."""
    sumber = tmp_path / "kegiatan.csv"
    sumber.write_text(
        "Kode Desa,Tahun,Kode Rekening,Uraian,Anggaran,Realisasi\n"
        "51.04.03.2004,2023,5.,BIDANG PENANGGULANGAN BENCANA DARURAT DAN MENDESAK DESA,150,133\n"
        "51.04.03.2004,2023,5.3.01.,Keadaan Mendesak (BLT Dana Desa),150,133\n",
        encoding="utf-8",
    )
    hasil = impor(sumber, "siskeudes_apbdes", _folder_lebih(tmp_path), pemilik="Kecamatan Uji")
    assert hasil.tabel["belanja"].data["kode_sub_bidang"].tolist() == ["5.3"]


def test_daftar_desa_lama_bertitik_koma_digabung_lewat_pemuat(tmp_path):
    keluar = tmp_path / "k"
    keluar.mkdir()
    # daftar desa yang disimpan Excel berbahasa Indonesia: pemisah ';'
    (keluar / "wilayah_desa.csv").write_text(
        "kode_desa;nama_desa\n35.79.01.2006;Oro-oro Ombo\n", encoding="utf-8"
    )
    impor(PODES, "podes_fasilitas", keluar, pemilik="Kecamatan Batu")
    wil = muat.muat_folder(keluar)["wilayah"].set_index("kode_desa")
    assert wil.loc["35.79.01.2006", "nama_desa"] == "Oro-oro Ombo"  # baris lama tetap
    assert "35.79.01.1003" in wil.index  # desa baru dari Podes ditambahkan
