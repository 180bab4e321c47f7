"""Uji pemuat dan pemeriksa tabel (p3pd.muat): jalur mulus, perapian, dan masukan buruk."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from p3pd import muat, skema
from p3pd.galat import DataTidakValid

MUAT_PER_TABEL = {
    "wilayah": muat.muat_wilayah,
    "indikator": muat.muat_indikator,
    "belanja": muat.muat_belanja,
    "pendapatan": muat.muat_pendapatan,
    "fasilitas": muat.muat_fasilitas,
    "usulan": muat.muat_usulan,
    "program": muat.muat_program,
    "pemangku": muat.muat_pemangku,
}


def sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tulis(folder: Path, nama: str, teks: str, encoding: str = "utf-8") -> Path:
    path = folder / nama
    path.write_bytes(teks.encode(encoding))
    return path


def tulis_xlsx(path: Path, lembar: dict[str, list[list]]) -> Path:
    buku = openpyxl.Workbook()
    buku.remove(buku.active)
    for judul, baris in lembar.items():
        ws = buku.create_sheet(judul)
        for b in baris:
            ws.append(b)
    buku.save(path)
    return path


def galat_dari(fungsi, *args, **kwargs) -> DataTidakValid:
    with pytest.raises(DataTidakValid) as info:
        fungsi(*args, **kwargs)
    return info.value


BELANJA_JUDUL = "kode_desa,tahun,kode_sub_bidang,anggaran,realisasi\n"


# --------------------------------------------------------------------------- jalur mulus


@pytest.mark.parametrize("nama", list(skema.SEMUA_TABEL))
def test_semua_tabel_dimuat_dengan_tipe_skema(nama, folder_data_contoh):
    sebelum = sidik(folder_data_contoh / skema.SEMUA_TABEL[nama].berkas)
    muat_ini = MUAT_PER_TABEL.get(nama, lambda: muat.muat_tabel(nama))
    data = muat_ini()  # berkas bawaan: folder P3PD_DATA
    tabel = skema.SEMUA_TABEL[nama]
    assert list(data.columns) == tabel.nama_kolom
    assert len(data) > 0
    assert isinstance(data.index, pd.RangeIndex)
    for kolom in tabel.kolom:
        seri = data[kolom.nama]
        if kolom.tipe in (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH):
            assert seri.dtype == np.int64, kolom.nama
        elif kolom.tipe == skema.TIPE_DESIMAL:
            assert seri.dtype == np.float64, kolom.nama
        elif kolom.tipe == skema.TIPE_BOOL:
            assert seri.dtype == bool, kolom.nama
        else:
            assert pd.api.types.is_string_dtype(seri.dtype), kolom.nama
            assert all(isinstance(v, str) for v in seri.dropna()), kolom.nama
    assert data.attrs["tabel"] == nama
    assert data.attrs["catatan_muat"] == []
    assert sidik(folder_data_contoh / tabel.berkas) == sebelum


def test_muat_tabel_dengan_berkas_dan_wilayah_dikenal(tmp_path, tabel_contoh):
    path = tmp_path / "indikator.csv"
    tabel_contoh("indikator").to_csv(path, index=False)
    data = muat.muat_tabel("indikator", path, wilayah_dikenal=True)
    asli = tabel_contoh("indikator")
    assert data["kode_desa"].tolist() == asli["kode_desa"].tolist()
    assert data["jumlah_penduduk"].tolist() == asli["jumlah_penduduk"].tolist()
    assert muat.muat_indikator(str(path)).shape == asli.shape


def test_xlsx_sama_dengan_csv(tmp_path, tabel_contoh):
    asli = tabel_contoh("fasilitas")
    asli.to_csv(tmp_path / "f.csv", index=False)
    asli.to_excel(tmp_path / "f.xlsx", index=False, sheet_name="Sheet1")
    dari_csv = muat.muat_fasilitas(tmp_path / "f.csv")
    dari_xlsx = muat.muat_fasilitas(tmp_path / "f.xlsx")
    pd.testing.assert_frame_equal(dari_csv, dari_xlsx, check_dtype=True)


def test_xlsx_memilih_lembar_bernama_tabel_dan_melewati_judul(tmp_path, tabel_contoh):
    data = tabel_contoh("pendapatan")
    baris = [["Laporan pendapatan desa (sintetis)"], []] + [list(data.columns)]
    baris += [list(r) for r in data.itertuples(index=False)]
    path = tulis_xlsx(
        tmp_path / "kiriman.xlsx",
        {"catatan": [["bukan data"]], "pendapatan": baris},
    )
    sebelum = sidik(path)
    hasil = muat.muat_pendapatan(path)
    assert len(hasil) == len(data)
    assert hasil["dana_desa"].tolist() == data["dana_desa"].tolist()
    catatan = " ".join(hasil.attrs["catatan_muat"])
    assert "lembar 'pendapatan'" in catatan
    assert "2 baris di atas judul kolom dilewati" in catatan
    assert sidik(path) == sebelum


def test_xlsx_tanpa_nama_lembar_memilih_yang_judulnya_cocok(tmp_path, tabel_contoh):
    data = tabel_contoh("pemangku")
    path = tulis_xlsx(
        tmp_path / "x.xlsx",
        {
            "Sheet1": [["catatan rapat"], ["tidak ada tabel"]],
            "Sheet2": [list(data.columns)] + [list(r) for r in data.itertuples(index=False)],
        },
    )
    hasil = muat.muat_pemangku(path)
    assert hasil["lembaga"].tolist() == data["lembaga"].tolist()
    assert any("Sheet2" in c for c in hasil.attrs["catatan_muat"])


def test_xlsx_kode_angka_dan_nomor_baris(tmp_path):
    path = tulis_xlsx(
        tmp_path / "b.xlsx",
        {
            "data": [
                ["Kode Desa", "Tahun", "kode_sub_bidang", "anggaran", "realisasi"],
                [3322012001, 2024, 2.1, 1000, 900],
                [3322012002, 2024, "2.2", 1000, -5],
            ]
        },
    )
    galat = galat_dari(muat.muat_belanja, path)
    assert "'realisasi'" in str(galat)
    assert "baris 3" in str(galat)
    assert "tidak boleh negatif" in str(galat)
    path2 = tulis_xlsx(
        tmp_path / "b2.xlsx",
        {
            "data": [
                ["Kode Desa", "Tahun", "kode_sub_bidang", "anggaran", "realisasi"],
                [3322012001, 2024, 2.1, 1000, 900],
                ["33.22.01.2002", 2024, "2.2", 1000, 5],
            ]
        },
    )
    hasil = muat.muat_belanja(path2)
    assert hasil["kode_desa"].tolist() == ["33.22.01.2001", "33.22.01.2002"]
    assert hasil["kode_sub_bidang"].tolist() == ["2.1", "2.2"]


# --------------------------------------------------------------------------- perapian


def test_perapian_gaya_excel_indonesia(tmp_path):
    teks = (
        "Kode Desa ; TAHUN;kode_sub_bidang;Anggaran;realisasi;keterangan\r\n"
        "3322012001;2024;2.1;1.500.000;1.234.567,50;dana desa\r\n"
        " 33.22.01.2002 ;2024; 2.2 ;Rp 2.000.000;750000;\r\n"
        ";;;;;\r\n"
        "'33.22.01.2003';2024;5.3;12.000;0;BLT\r\n"
    )
    path = tulis(tmp_path, "belanja_kami.csv", teks, encoding="utf-8-sig")
    sebelum = sidik(path)
    data = muat.muat_belanja(path)
    assert sidik(path) == sebelum
    assert data["kode_desa"].tolist() == ["33.22.01.2001", "33.22.01.2002", "33.22.01.2003"]
    assert data["kode_sub_bidang"].tolist() == ["2.1", "2.2", "5.3"]
    assert data["anggaran"].tolist() == [1_500_000, 2_000_000, 12_000]
    assert data["realisasi"].dtype == np.float64  # ada pecahan rupiah
    assert data["realisasi"].tolist() == [1_234_567.5, 750_000.0, 0.0]
    assert list(data.columns)[-1] == "keterangan"  # kolom tambahan tetap ada
    catatan = "\n".join(data.attrs["catatan_muat"])
    assert "BOM" in catatan
    assert "';' (titik koma)" in catatan
    assert "'Kode Desa' → 'kode_desa'" in catatan
    assert "Kolom 'kode_desa'" in catatan and "'3322012001' → '33.22.01.2001'" in catatan
    assert "Kolom 'anggaran'" in catatan
    assert "1 baris kosong dilewati (baris 4)" in catatan


def test_angka_gaya_inggris_dan_desimal(tmp_path, tabel_contoh):
    data = tabel_contoh("fasilitas", n_desa=3)
    data["jarak_puskesmas_km"] = ["234.5", "12.25", "0.123"]
    data["jumlah_sd"] = ["1", "3", "4"]
    path = tmp_path / "fasilitas.csv"
    data.to_csv(path, index=False)
    hasil = muat.muat_fasilitas(path)
    assert hasil["jarak_puskesmas_km"].tolist() == [234.5, 12.25, 0.123]
    assert hasil["jumlah_sd"].tolist() == [1, 3, 4]
    belanja = tabel_contoh("belanja", n_desa=1).head(3).copy()
    belanja["anggaran"] = ["1,234,500", "12,000", "3"]
    belanja["realisasi"] = ["1,200.5", "0", "2"]
    path = tmp_path / "belanja.csv"
    belanja.to_csv(path, index=False)
    hasil = muat.muat_belanja(path)
    assert hasil["anggaran"].tolist() == [1234500, 12000, 3]
    assert hasil["realisasi"].tolist() == [1200.5, 0, 2]


def test_koma_desimal_di_kolom_desimal(tmp_path, tabel_contoh):
    data = tabel_contoh("fasilitas", n_desa=3)
    data["jarak_puskesmas_km"] = ["1,5", "1.234,5", "0,75"]  # koma desimal, titik ribuan
    path = tmp_path / "fasilitas.csv"
    data.to_csv(path, index=False, sep=";")
    galat = galat_dari(muat.muat_fasilitas, path)  # 1.234,5 km di luar rentang (0–500 km)
    assert "Kolom 'jarak_puskesmas_km', baris 3: di luar rentang" in str(galat)
    data["jarak_puskesmas_km"] = ["1,5", "234,5", "0,75"]
    data.to_csv(path, index=False, sep=";")
    hasil = muat.muat_fasilitas(path)
    assert hasil["jarak_puskesmas_km"].tolist() == [1.5, 234.5, 0.75]


def test_angka_ambigu_di_kolom_desimal_ditolak(tmp_path, tabel_contoh):
    data = tabel_contoh("fasilitas", n_desa=2)
    data["jarak_puskesmas_km"] = ["1.234", "2.500"]
    path = tmp_path / "fasilitas.csv"
    data.to_csv(path, index=False, sep=";")
    galat = galat_dari(muat.muat_fasilitas, path)
    assert "'jarak_puskesmas_km'" in str(galat)
    assert "bisa dibaca dua cara" in str(galat)
    assert "baris 2, 3" in str(galat)


def test_ya_tidak_dan_kategori_dirapikan(tmp_path, tabel_contoh):
    data = tabel_contoh("usulan", n_desa=3)
    data["diakomodasi"] = ["Ya", "TIDAK", "1", "0", " ya ", "tidak"]
    data["prioritas"] = ["Tinggi", " sedang", "RENDAH", "tinggi", "sedang", "rendah"]
    data.loc[0, "layanan"] = "Air bersih & sanitasi"
    data.loc[1, "layanan"] = "Jaminan Sosial"
    path = tmp_path / "usulan.csv"
    data.to_csv(path, index=False)
    hasil = muat.muat_usulan(path)
    assert hasil["diakomodasi"].tolist() == [True, False, True, False, True, False]
    assert hasil["prioritas"].tolist() == [
        "tinggi",
        "sedang",
        "rendah",
        "tinggi",
        "sedang",
        "rendah",
    ]
    assert hasil["layanan"].tolist()[:2] == ["air_sanitasi", "jaminan_sosial"]
    catatan = "\n".join(hasil.attrs["catatan_muat"])
    assert "Kolom 'diakomodasi'" in catatan and "dibaca sebagai ya/tidak" in catatan
    assert "Kolom 'prioritas'" in catatan


@pytest.mark.parametrize(
    ("encoding", "catatan"),
    [("cp1252", "Windows-1252"), ("utf-16", "UTF-16"), ("utf-8", None)],
)
def test_encoding_dikenali(tmp_path, tabel_contoh, encoding, catatan):
    data = tabel_contoh("wilayah", n_desa=2)
    data.loc[0, "nama_desa"] = "Sukaré"
    path = tmp_path / "wilayah.csv"
    path.write_bytes(data.to_csv(index=False).encode(encoding))
    hasil = muat.muat_wilayah(path)
    assert hasil.loc[0, "nama_desa"] == "Sukaré"
    if catatan:
        assert any(catatan in c for c in hasil.attrs["catatan_muat"])
    else:
        assert hasil.attrs["catatan_muat"] == []


def test_pemisah_tab_dan_judul_di_baris_ketiga(tmp_path, tabel_contoh):
    data = tabel_contoh("pendapatan", n_desa=2)
    teks = "Rekap pendapatan\n\n" + data.to_csv(index=False, sep="\t")
    path = tulis(tmp_path, "pendapatan.txt", teks)
    hasil = muat.muat_pendapatan(path)
    assert hasil["dana_desa"].tolist() == data["dana_desa"].tolist()
    catatan = " ".join(hasil.attrs["catatan_muat"])
    assert "tab" in catatan and "2 baris di atas judul kolom" in catatan
    # Nomor baris galat tetap seperti di editor: judul di baris 3, data mulai baris 4.
    data.loc[1, "dana_desa"] = -1
    path.write_text("Rekap pendapatan\n\n" + data.to_csv(index=False, sep="\t"))
    galat = galat_dari(muat.muat_pendapatan, path)
    assert "baris 5" in str(galat)


# --------------------------------------------------------------------------- berkas buruk


def test_berkas_latihan_belum_ada_menyarankan_p3pd_data(tmp_path, monkeypatch):
    import p3pd.lokasi

    (tmp_path / "data").mkdir()
    monkeypatch.setattr(p3pd.lokasi, "folder_proyek", lambda: tmp_path)
    monkeypatch.setenv("P3PD_DATA", str(tmp_path / "data"))
    galat = galat_dari(muat.muat_indikator)
    assert "p3pd data" in str(galat)
    assert "indikator_desa.csv" in str(galat)


def test_berkas_hilang_di_folder_data_sendiri_tidak_menyarankan_data_latihan(tmp_path, monkeypatch):
    sumber = skema.TABEL_DIKENAL["wilayah"].berkas
    (tmp_path / sumber).write_text(
        "kode_desa,nama_desa\n35.79.01.2006,Oro-Oro Ombo\n", encoding="utf-8"
    )
    (tmp_path / "SUMBER_DATA.yaml").write_text(
        "pemilik: Kecamatan Batu\nsumber: BPS\n", encoding="utf-8"
    )
    monkeypatch.setenv("P3PD_DATA", str(tmp_path))
    pesan = str(galat_dari(muat.muat_indikator))
    assert "indikator_desa.csv" in pesan
    assert "tidak ada di folder data" in pesan
    assert "data/KAMUS_DATA.md" in pesan and "p3pd periksa" in pesan  # indikator: isi sendiri
    for kata in ("p3pd data", "latihan", "sintetis"):
        assert kata not in pesan


def test_berkas_tidak_ditemukan_dengan_usulan(tmp_path):
    (tmp_path / "indikator_desa.csv").write_text("x\n1\n")
    galat = galat_dari(muat.muat_indikator, tmp_path / "indikator_dessa.csv")
    assert "tidak ditemukan" in str(galat)
    assert "'indikator_desa.csv'" in str(galat)
    galat = galat_dari(muat.muat_indikator, tmp_path / "tidak_ada" / "x.csv")
    assert "Folder" in str(galat) and "tidak ada" in str(galat)
    galat = galat_dari(muat.muat_indikator, tmp_path)
    assert "folder, bukan berkas" in str(galat)


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"", "berkas kosong"),
        (b"\n\n  \n", "berkas kosong"),
        (BELANJA_JUDUL.encode(), "tidak ada baris data"),
        ((BELANJA_JUDUL + ",,,,\n").encode(), "tidak ada baris data"),
    ],
)
def test_berkas_kosong(tmp_path, isi, pesan):
    path = tmp_path / "belanja.csv"
    path.write_bytes(isi)
    galat = galat_dari(muat.muat_belanja, path)
    assert pesan in str(galat)
    assert "belanja.csv" in str(galat)


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("lama.xls", b"\xd0\xcf\x11\xe0", "Excel lama (.xls)"),
        ("data.ods", b"PK\x03\x04", ".ods"),
        ("data.json", b"{}", "jenis berkas '.json'"),
        ("rusak.xlsx", b"bukan zip", "bukan berkas Excel .xlsx yang sah"),
        ("rusak2.xlsx", b"PK\x03\x04rusak", "arsip ZIP"),
        ("salah_nama.csv", b"PK\x03\x04isi rusak", "isinya arsip ZIP"),
    ],
)
def test_format_berkas_tidak_didukung(tmp_path, nama, isi, pesan):
    path = tmp_path / nama
    path.write_bytes(isi)
    galat = galat_dari(muat.muat_belanja, path)
    assert pesan in str(galat)
    assert path.read_bytes() == isi


def test_kolom_hilang_dengan_usulan_nama_mirip(tmp_path):
    path = tulis(
        tmp_path, "b.csv", "kode_desa,tahun,kode_subbidang,anggaran\n33.22.01.2001,2024,2.1,5\n"
    )
    galat = galat_dari(muat.muat_belanja, path)
    pesan = str(galat)
    # Kolom kunci wajib; 'realisasi' kolom isi yang opsional (tidak tersedia), bukan galat.
    assert "kolom wajib ini tidak ada" in pesan
    assert "'kode_sub_bidang'" in pesan and "'realisasi'" not in pesan
    assert "'kode_subbidang' mungkin maksudnya 'kode_sub_bidang'" in pesan
    assert galat.kolom == ["kode_sub_bidang"]


def test_judul_kolom_kembar(tmp_path):
    path = tulis(
        tmp_path,
        "b.csv",
        "kode_desa,tahun,kode_sub_bidang,anggaran,realisasi,Kode Desa\n"
        "33.22.01.2001,2024,2.1,5,4,33.22.01.2001\n",
    )
    galat = galat_dari(muat.muat_belanja, path)
    assert "muncul dua kali (kolom A dan F)" in str(galat)


def test_teks_di_kolom_angka_menyebut_baris_dan_contoh(tmp_path):
    path = tulis(
        tmp_path,
        "b.csv",
        BELANJA_JUDUL
        + "33.22.01.2001,2024,2.1,n/a,4\n"
        + "33.22.01.2002,2024,2.1,-,4\n"
        + "33.22.01.2003,2024,2.1,12 juta,4\n"
        + "33.22.01.2004,2024,2.1,,4\n",
    )
    galat = galat_dari(muat.muat_belanja, path)
    pesan = str(galat)
    assert "Berkas '" in pesan and "b.csv" in pesan
    assert "Kolom 'anggaran', baris 2, 3, 4: berisi teks, bukan angka" in pesan
    assert "'n/a' di baris 2" in pesan and "'-' di baris 3" in pesan
    assert "'12 juta' di baris 4" in pesan
    # Sel kosong di kolom isi berarti "tidak tersedia" (issue #10), bukan kesalahan.
    assert "baris 5" not in pesan and "sel kosong" not in pesan
    assert galat.baris == [2, 3, 4]
    assert galat.kolom == ["anggaran"]


def test_pecahan_dan_negatif_di_kolom_cacah(tmp_path, tabel_contoh):
    data = tabel_contoh("fasilitas", n_desa=4).astype({"jumlah_sd": object})
    data.loc[1, "jumlah_sd"] = "2.5"
    data.loc[2, "jumlah_smp"] = -1
    path = tmp_path / "f.csv"
    data.to_csv(path, index=False)
    pesan = str(galat_dari(muat.muat_fasilitas, path))
    assert "Kolom 'jumlah_sd', baris 3: harus bilangan bulat" in pesan
    assert "Kolom 'jumlah_smp', baris 4: tidak boleh negatif (contoh: -1 di baris 4)" in pesan


@pytest.mark.parametrize(
    ("kode", "potongan"),
    [
        ("33.22.1.2001", "mungkin angka 0 di depan hilang"),
        ("332201201", "jumlah angkanya bukan 2, 4, 6, atau 10"),
        ("33.22.01", "ini kode kecamatan, bukan kode desa"),
        ("desa satu", "bukan susunan angka dan titik"),
        ("33.22.01.1001", "kode kelurahan (nomor diawali 1)"),
    ],
)
def test_kode_desa_tidak_sah(tmp_path, kode, potongan):
    path = tulis(
        tmp_path, "b.csv", BELANJA_JUDUL + f"33.22.01.2001,2024,2.1,5,4\n{kode},2024,2.1,5,4\n"
    )
    galat = galat_dari(muat.muat_belanja, path)
    assert potongan in str(galat)
    assert "Kolom 'kode_desa', baris 3" in str(galat)


def test_kode_mirip_nik_tidak_ditampilkan(tmp_path):
    nik = "3322010101900001"
    path = tulis(tmp_path, "b.csv", BELANJA_JUDUL + f"{nik},2024,2.1,5,4\n")
    pesan = str(galat_dari(muat.muat_belanja, path))
    assert nik not in pesan
    assert "mirip NIK" in pesan


def test_baris_kembar(tmp_path):
    path = tulis(
        tmp_path,
        "b.csv",
        BELANJA_JUDUL
        + "33.22.01.2001,2024,2.1,5,4\n"
        + "33.22.01.2002,2024,2.1,5,4\n"
        + "3322012001,2024,2.1,5,4\n",
    )
    galat = galat_dari(muat.muat_belanja, path)
    pesan = str(galat)
    assert "kode_desa + tahun + kode_sub_bidang harus unik" in pesan
    assert "baris kembar persis" in pesan
    assert "baris 2 dan 4 (33.22.01.2001, 2024, 2.1)" in pesan
    path2 = tulis(
        tmp_path,
        "b2.csv",
        BELANJA_JUDUL + "33.22.01.2001,2024,2.1,5,4\n" + "33.22.01.2001,2024,2.1,9,4\n",
    )
    assert "kunci sama tetapi isi berbeda" in str(galat_dari(muat.muat_belanja, path2))


def test_kembar_dicari_walau_ada_kode_salah_di_baris_lain(tmp_path):
    path = tulis(
        tmp_path,
        "b.csv",
        BELANJA_JUDUL
        + "33.22.01.2001,2024,2.1,5,4\n"
        + "33.22.1.2002,2024,2.1,5,4\n"
        + "33.22.01.2001,2024,2.1,5,4\n",
    )
    galat = galat_dari(muat.muat_belanja, path)
    assert len(galat.masalah) == 2
    assert "baris 2 dan 4" in str(galat)


def test_pembilang_melebihi_penyebut(tmp_path, tabel_contoh):
    data = tabel_contoh("indikator", n_desa=3)
    data.loc[4, "balita_stunting"] = data.loc[4, "balita_diukur"] + 3
    data.loc[2, "posyandu_aktif"] = 0  # kolom tambahan, tidak diperiksa
    path = tmp_path / "i.csv"
    data.to_csv(path, index=False)
    galat = galat_dari(muat.muat_indikator, path)
    pesan = str(galat)
    assert "Kolom 'balita_stunting', 'balita_diukur', baris 6" in pesan
    assert "tidak boleh lebih besar daripada 'balita_diukur'" in pesan
    assert len(galat.masalah) == 1


def test_nilai_di_luar_pilihan_dengan_usulan(tmp_path, tabel_contoh):
    data = tabel_contoh("usulan", n_desa=2)
    data.loc[2, "layanan"] = "kesehatn"
    data.loc[3, "prioritas"] = "mendesak"
    path = tmp_path / "u.csv"
    data.to_csv(path, index=False)
    pesan = str(galat_dari(muat.muat_usulan, path))
    assert "Kolom 'layanan', baris 4: nilai di luar pilihan" in pesan
    assert "Mungkin maksudnya 'kesehatan'?" in pesan
    assert "Pilihan yang sah: pendidikan, kesehatan, air_sanitasi" in pesan
    assert "Kolom 'prioritas', baris 5" in pesan


def test_kode_sub_bidang_tidak_dikenal(tmp_path):
    path = tulis(tmp_path, "b.csv", BELANJA_JUDUL + "33.22.01.2001,2024,9.9,5,4\n")
    pesan = str(galat_dari(muat.muat_belanja, path))
    assert "Kolom 'kode_sub_bidang', baris 2: nilai di luar pilihan" in pesan
    assert "'9.9'" in pesan


def test_tahun_di_luar_rentang(tmp_path):
    path = tulis(
        tmp_path,
        "b.csv",
        BELANJA_JUDUL + "33.22.01.2001,1024,2.1,5,4\n33.22.01.2001,2024,2.2,5,4\n",
    )
    pesan = str(galat_dari(muat.muat_belanja, path))
    assert f"tahun sebelum {muat.TAHUN_MINIMUM}" in pesan
    assert "1024 di baris 2" in pesan


def test_ya_tidak_tidak_dikenal(tmp_path, tabel_contoh):
    data = tabel_contoh("fasilitas", n_desa=2)
    data.loc[1, "air_perpipaan"] = "mungkin"
    path = tmp_path / "f.csv"
    data.to_csv(path, index=False)
    pesan = str(galat_dari(muat.muat_fasilitas, path))
    assert "Kolom 'air_perpipaan', baris 3: harus 'ya' atau 'tidak'" in pesan


def test_wilayah_dikenal_hanya_bila_diminta(tmp_path, tabel_contoh):
    # Data kecamatan dari kabupaten lain (Kota Salatiga 33.73) dimuat tanpa masalah…
    data = tabel_contoh("belanja", n_desa=2, kode_kecamatan="33.73.04")
    path = tmp_path / "b.csv"
    data.to_csv(path, index=False)
    assert len(muat.muat_belanja(path)) == len(data)
    # …tetapi ditolak bila kode harus termasuk wilayah latihan.
    galat = galat_dari(muat.muat_belanja, path, wilayah_dikenal=True)
    assert "tidak termasuk wilayah latihan" in str(galat)
    assert "'33.73.04.2001'" in str(galat)


def test_jenjang_kode_wilayah_tidak_cocok(tmp_path, tabel_contoh):
    data = tabel_contoh("wilayah", n_desa=3)
    data.loc[1, "kode_desa"] = "33.22.02.2002"
    path = tmp_path / "w.csv"
    data.to_csv(path, index=False)
    pesan = str(galat_dari(muat.muat_wilayah, path))
    assert "'kode_desa' tidak berada di dalam 'kode_kecamatan'" in pesan
    assert "baris 3" in pesan


def test_daftar_desa_sasaran_dan_layanan(tmp_path, tabel_contoh):
    program = tabel_contoh("program")
    program.loc[0, "desa_sasaran"] = "3322012001; 33.22.01.2002"
    path = tmp_path / "p.csv"
    program.to_csv(path, index=False)
    assert muat.muat_program(path).loc[0, "desa_sasaran"] == "33.22.01.2001;33.22.01.2002"
    program.loc[1, "desa_sasaran"] = "33.22.01.2001;33.22.1"
    program.to_csv(path, index=False)
    assert "Kolom 'desa_sasaran', baris 3" in str(galat_dari(muat.muat_program, path))
    pemangku = tabel_contoh("pemangku")
    pemangku.loc[2, "layanan"] = "kesehatan;olahraga"
    path = tmp_path / "pk.csv"
    pemangku.to_csv(path, index=False)
    assert "Kolom 'layanan', baris 4: berisi layanan yang tidak dikenal" in str(
        galat_dari(muat.muat_pemangku, path)
    )


@pytest.mark.parametrize(
    "judul", ["nik", "No KK", "nama_kepala_keluarga", "Nama Penduduk", "NIK Ibu"]
)
def test_kolom_data_pribadi_ditolak(tmp_path, tabel_contoh, judul):
    data = tabel_contoh("fasilitas", n_desa=2)
    data[judul] = ["x", "y"]
    path = tmp_path / "f.csv"
    data.to_csv(path, index=False)
    pesan = str(galat_dari(muat.muat_fasilitas, path))
    assert "data pribadi" in pesan


def test_nilai_mirip_nik_ditolak_tanpa_ditampilkan(tmp_path, tabel_contoh):
    nik = "3322015505900002"
    data = tabel_contoh("usulan", n_desa=2)
    data.loc[1, "uraian"] = f"bantuan untuk warga {nik}"
    data["catatan"] = ["", "", nik, ""]
    path = tmp_path / "u.csv"
    data.to_csv(path, index=False)
    galat = galat_dari(muat.muat_usulan, path)
    pesan = str(galat)
    assert nik not in pesan
    assert "Kolom 'uraian', baris 3: berisi angka 16 digit yang mirip NIK" in pesan
    assert "Kolom 'catatan', baris 4: berisi angka 16 digit yang mirip NIK" in pesan


def test_koma_desimal_tanpa_kutip_di_csv_berkoma(tmp_path):
    path = tulis(
        tmp_path,
        "b.csv",
        BELANJA_JUDUL
        + "33.22.01.2001,2024,2.1,5,4\n33.22.01.2002,2024,2.1,5,5\n33.22.01.2003,2024,2.1,5,4,5\n",
    )
    pesan = str(galat_dari(muat.muat_belanja, path))
    assert "baris 4" in pesan
    assert "lebih banyak isian daripada 5 judul kolom" in pesan
    assert "koma desimal" in pesan


def test_semua_masalah_dilaporkan_sekaligus(tmp_path):
    path = tulis(
        tmp_path,
        "belanja kacau.csv",
        "kode_desa,tahun,kode_sub_bidang,anggaran,realisasi,nik\n"
        + "33.22.1.2001,2024,2.1,5,4,x\n"
        + "33.22.01.2002,1999,2.1,lima,4,x\n"
        + "33.22.01.2003,2024,7.7,5,-4,x\n",
    )
    sebelum = sidik(path)
    galat = galat_dari(muat.muat_belanja, path)
    assert sidik(path) == sebelum
    pesan = str(galat)
    assert pesan.startswith(f"Berkas '{path}'")
    assert "6 masalah ditemukan" in pesan
    for i in range(1, 7):
        assert f"\n  {i}. " in pesan
    assert "\n  7. " not in pesan
    assert len(galat.masalah) == 6
    assert galat.baris == [2, 3, 4]
    assert {"kode_desa", "tahun", "anggaran", "realisasi", "kode_sub_bidang", "nik"} == set(
        galat.kolom
    )
    assert "Berkas asli tidak diubah" in pesan


def test_banyak_baris_salah_diringkas(tmp_path):
    baris = "".join(f"33.22.01.{2001 + i},2024,2.1,x,4\n" for i in range(25))
    path = tulis(tmp_path, "b.csv", BELANJA_JUDUL + baris)
    galat = galat_dari(muat.muat_belanja, path)
    assert "baris 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 … (dan 15 baris lain)" in str(galat)
    assert galat.masalah[0].jumlah_baris == 25


def test_xlsx_buruk_tidak_diubah(tmp_path):
    path = tulis_xlsx(
        tmp_path / "i.xlsx",
        {
            "Sheet": [
                ["kode_desa", "tahun", "kode_sub_bidang", "anggaran", "realisasi"],
                ["33.22.01.1001", 2024, "2.1", "n/a", 1],
            ]
        },
    )
    sebelum = sidik(path)
    pesan = str(galat_dari(muat.muat_belanja, path))
    assert "kode kelurahan" in pesan and "'n/a' di baris 2" in pesan
    assert sidik(path) == sebelum


def test_nama_tabel_tidak_dikenal():
    pesan = str(galat_dari(muat.muat_tabel, "belanjaa"))
    assert "Mungkin maksud Anda: 'belanja'?" in pesan


def test_tabel_besar_dimuat_benar(tmp_path):
    """Jalur cepat (tanpa pengulangan per baris) memberi hasil yang sama pada ribuan baris."""
    acak = np.random.default_rng(3)
    n_desa, sub = 2000, ["1.1", "2.1", "2.2", "2.4", "5.3"]
    desa = np.array(
        [f"33.22.{1 + i // 900:02d}.{2001 + i % 900}" for i in range(n_desa)], dtype=object
    )
    data = pd.DataFrame(
        {
            "kode_desa": np.repeat(desa, 3 * len(sub)),
            "tahun": np.tile(np.repeat([2022, 2023, 2024], len(sub)), n_desa),
            "kode_sub_bidang": np.tile(sub, 3 * n_desa),
            "anggaran": acak.integers(0, 10**9, 15 * n_desa),
        }
    )
    data["realisasi"] = data["anggaran"] // 2
    path = tmp_path / "besar.csv"
    data.to_csv(path, index=False)
    hasil = muat.muat_belanja(path)
    assert len(hasil) == 30_000
    assert hasil["anggaran"].sum() == data["anggaran"].sum()
    assert hasil["kode_desa"].tolist() == data["kode_desa"].tolist()
    data.loc[[100, 29_999], "kode_desa"] = data.loc[0, "kode_desa"]
    data.loc[[100, 29_999], ["tahun", "kode_sub_bidang"]] = [2022, "1.1"]
    data.to_csv(path, index=False)
    galat = galat_dari(muat.muat_belanja, path)
    assert galat.baris == [2, 102, 30_001]


def test_latin1_bila_bukan_cp1252(tmp_path, tabel_contoh):
    data = tabel_contoh("wilayah", n_desa=2)
    path = tmp_path / "wilayah.csv"
    # 0x81 tidak terpakai di Windows-1252, jadi hanya Latin-1 yang bisa membacanya.
    path.write_bytes(data.to_csv(index=False).replace("Contoh 2", "Contoh\x81").encode("latin-1"))
    hasil = muat.muat_wilayah(path)
    assert hasil.loc[1, "nama_desa"] == "Contoh\x81"
    assert any("Latin-1" in c for c in hasil.attrs["catatan_muat"])


def test_pemisah_berlebih_di_ujung_baris(tmp_path):
    path = tulis(
        tmp_path,
        "b.csv",
        "kode_desa;tahun;kode_sub_bidang;anggaran;realisasi;\n33.22.01.2001;2024;2.1;5;4;\n",
    )
    hasil = muat.muat_belanja(path)
    assert list(hasil.columns) == skema.BELANJA.nama_kolom


def test_nik_berkelompok_ditolak_tetapi_nomor_usulan_tidak(tmp_path, tabel_contoh):
    data = tabel_contoh("usulan", n_desa=2)
    data["id_usulan"] = [f"U2024-33220120{i:02d}-01" for i in range(len(data))]
    path = tmp_path / "u.csv"
    data.to_csv(path, index=False)
    assert len(muat.muat_usulan(path)) == len(data)
    data.loc[0, "uraian"] = "penerima 3322 0155 0590 0002"
    data.to_csv(path, index=False)
    assert "Kolom 'uraian', baris 2: berisi angka 16 digit" in str(
        galat_dari(muat.muat_usulan, path)
    )


def test_baca_judul_kolom(tmp_path, tabel_contoh):
    path = tmp_path / "x.csv"
    path.write_text("Judul laporan\nKode Desa;Tahun;Dana Desa\n33.22.01.2001;2024;5\n")
    assert muat.baca_judul_kolom(path) == ["kode_desa", "tahun", "dana_desa"]
    tabel_contoh("pemangku").to_excel(tmp_path / "x.xlsx", index=False)
    assert muat.baca_judul_kolom(tmp_path / "x.xlsx") == skema.PEMANGKU.nama_kolom


def test_muat_folder_tanpa_tabel_tambahan_kegiatan(tmp_path):
    """Tabel opsional (rincian kegiatan 1.1) boleh tidak ada; bila ada, tetap diperiksa."""
    import shutil

    from p3pd import lokasi, muat

    for berkas in lokasi.folder_data().glob("*.csv"):
        if berkas.name != "apbdes_belanja_kegiatan.csv":
            shutil.copy(berkas, tmp_path / berkas.name)
    tabel = muat.muat_folder(tmp_path)
    assert "belanja_kegiatan" not in tabel and "belanja" in tabel
    (tmp_path / "apbdes_belanja_kegiatan.csv").write_text(
        "kode_desa,tahun,kode_kegiatan,anggaran,realisasi\n33.22.01.2001,2024,9.9.99,1,1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataTidakValid, match="apbdes_belanja_kegiatan"):
        muat.muat_folder(tmp_path)
