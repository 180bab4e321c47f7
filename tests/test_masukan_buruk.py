"""Masukan buruk seperti dari dunia nyata: tidak ada traceback, tidak ada nilai salah yang diam-diam.

Satu bagian per kelas masalah: angka di luar rentang (tidak pernah terbungkus), nama orang,
rumus spreadsheet, CSV rusak (kutip tak tertutup, sel sangat panjang), semua masalah dilaporkan
sekaligus, dan pesan yang menyebut sebab sebenarnya (ODS, biner, UTF-16 tanpa BOM, spasi tak
terlihat, tahun di masa depan).
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from p3pd import excel, muat, skema
from p3pd.cli import main
from p3pd.galat import DataTidakValid
from p3pd.tabel import simpan_excel

BELANJA_JUDUL = "kode_desa,tahun,kode_sub_bidang,anggaran,realisasi\n"


def tulis(folder: Path, nama: str, teks: str, encoding: str = "utf-8") -> Path:
    path = folder / nama
    path.write_bytes(teks.encode(encoding))
    return path


def galat(fungsi, *args) -> str:
    with pytest.raises(DataTidakValid) as info:
        fungsi(*args)
    return str(info.value)


def belanja(baris: list[str]) -> str:
    return BELANJA_JUDUL + "".join(b + "\n" for b in baris)


# --------------------------------------------------------------------------- 1. rentang angka


@pytest.mark.parametrize(
    "anggaran",
    ["12345678901234567890", "99999999999999999999", "9223372036854775808", "1e20"],
)
def test_angka_raksasa_ditolak_tidak_terbungkus(tmp_path, anggaran):
    path = tulis(tmp_path, "b.csv", belanja([f"33.22.01.2001,2024,2.1,{anggaran},4"]))
    pesan = galat(muat.muat_belanja, path)
    assert "Kolom 'anggaran', baris 2: di luar rentang yang masuk akal" in pesan
    assert "-9223372036854775808" not in pesan


def test_angka_raksasa_di_xlsx_dan_kolom_cacah(tmp_path, tabel_contoh):
    data = tabel_contoh("indikator", n_desa=2).astype(object)
    data.loc[1, "jumlah_penduduk"] = 10**19
    data.loc[2, "balita_diukur"] = 2_000_000  # lebih dari 500.000 jiwa per desa
    path = tmp_path / "i.xlsx"
    data.to_excel(path, index=False)
    pesan = galat(muat.muat_indikator, path)
    assert "Kolom 'jumlah_penduduk', baris 3: di luar rentang" in pesan
    assert "Kolom 'balita_diukur', baris 4: di luar rentang" in pesan
    assert "0–500.000 jiwa" in pesan


def test_rentang_ada_di_skema_untuk_setiap_kolom_angka():
    for tabel in skema.SEMUA_TABEL.values():
        for kolom in tabel.kolom:
            rentang = skema.rentang_kolom(kolom)
            angka = kolom.tipe in (
                skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH, skema.TIPE_DESIMAL
            )  # fmt: skip
            assert (rentang is not None) == angka, (tabel.nama, kolom.nama)
            if rentang:
                assert rentang[0] < rentang[1] < 1e15
                assert skema.teks_rentang(kolom)


def test_angka_besar_tetapi_wajar_diterima(tmp_path):
    path = tulis(tmp_path, "b.csv", belanja(["33.22.01.2001,2024,2.1,95000000000,4"]))
    assert muat.muat_belanja(path)["anggaran"].tolist() == [95_000_000_000]


def test_tahun_masa_depan_ditolak_dengan_baris(tmp_path, monkeypatch):
    monkeypatch.setattr(skema, "tahun_berjalan", lambda: 2026)
    path = tulis(
        tmp_path, "b.csv", belanja(["33.22.01.2001,2027,2.1,5,4", "33.22.01.2001,2028,2.2,5,4"])
    )
    pesan = galat(muat.muat_belanja, path)
    # Belanja boleh tahun depan (APBDes disusun setahun sebelumnya), tetapi tidak dua tahun lagi.
    assert "tahun di masa depan (sesudah 2027" in pesan and "baris 3" in pesan
    assert "baris 2," not in pesan
    data = pd.DataFrame({"kode_desa": ["33.22.01.2001"], "tahun": [2027]})
    ind = tmp_path / "i.csv"
    data.to_csv(ind, index=False)
    pesan = galat(muat.muat_indikator, ind)
    assert "Kolom 'tahun', baris 2: tahun di masa depan (sesudah 2026" in pesan


# --------------------------------------------------------------------------- 4. nama orang


@pytest.mark.parametrize(
    ("judul", "isi"),
    [
        ("nama_pengusul", ["Siti Aminah", "Budi Santoso", "Agus"]),
        ("nama_bidan", ["Rina", "Dewi", "Yuli"]),
        ("penanggung_jawab", ["Kepala Desa", "Sekdes", "Kaur"]),
        ("kontak", ["Pak Slamet", "Bu Tini", "Pak Joko"]),
        ("no_hp", ["081234567890", "081298765432", "085211112222"]),
    ],
)
def test_kolom_nama_orang_menurut_judul(tmp_path, tabel_contoh, judul, isi):
    data = tabel_contoh("usulan", n_desa=3).head(3).copy()
    data[judul] = isi
    path = tmp_path / "u.csv"
    data.to_csv(path, index=False)
    pesan = galat(muat.muat_usulan, path)
    assert f"'{judul}'" in pesan and "data pribadi" in pesan


@pytest.mark.parametrize(
    ("judul", "isi"),
    [
        ("pengurus", ["Bpk. Sutrisno", "Ibu Wahyuni", "Hj. Maryam"]),
        ("catatan_lapangan", ["Sri Lestari, S.Pd", "Eko, A.Md.Keb", "Dr. Hasan"]),
        ("keterangan", ["Siti Nurhaliza", "Ahmad Fauzi", "Dewi Sartika"]),
    ],
)
def test_nama_orang_menurut_isi_tanpa_menampilkan_namanya(tmp_path, tabel_contoh, judul, isi):
    data = tabel_contoh("fasilitas", n_desa=3)
    data[judul] = isi
    path = tmp_path / "f.csv"
    data.to_csv(path, index=False)
    pesan = galat(muat.muat_fasilitas, path)
    assert f"Kolom '{judul}'" in pesan and "nama orang" in pesan
    assert not any(n.split(",")[0] in pesan for n in isi)


def test_nama_bergelar_di_kolom_teks_skema(tmp_path, tabel_contoh):
    data = tabel_contoh("pemangku")
    data.loc[1, "peran"] = "dikoordinir Ibu Ratna, S.Kep"
    path = tmp_path / "p.csv"
    data.to_csv(path, index=False)
    assert "Kolom 'peran', baris 3: berisi nama orang" in galat(muat.muat_pemangku, path)


def test_nama_desa_lembaga_dan_uraian_tidak_dikira_nama_orang(tmp_path, tabel_contoh):
    data = tabel_contoh("pemangku")
    data["lembaga"] = ["Puskesmas Getasan", "Kantor Kecamatan", "PKK Kecamatan"]
    data["peran"] = ["Pelayanan ibu hamil", "Koordinasi Ibu Hamil dan Balita", "penggerak posyandu"]
    data["lokasi"] = ["Sumber Rejo", "Karang Anyar", "Kali Putih"]  # tempat, bukan orang
    data["jumlah_kader"] = [12, 8, 20]
    data["bidan_desa"] = [1, 2, 1]
    path = tmp_path / "p.csv"
    data.to_csv(path, index=False)
    hasil = muat.muat_pemangku(path)
    assert len(hasil) == 3
    wil = tabel_contoh("wilayah", n_desa=3)
    wil["nama_desa"] = ["Sukamaju Lor", "Banyu Biru", "Tegal Sari"]
    wil["nama_kabupaten"] = "Kabupaten Semarang"
    path = tmp_path / "w.csv"
    wil.to_csv(path, index=False)
    assert muat.muat_wilayah(path)["nama_desa"].tolist() == list(wil["nama_desa"])


# --------------------------------------------------------------------------- 5. rumus spreadsheet


BERBAHAYA = [
    '=HYPERLINK("http://contoh.invalid","klik")',
    "+62 812",
    "-1+2",
    "@SUM(A1)",
    "\tx",
    "\rx",
]


def test_simpan_excel_tidak_menulis_rumus_hidup(tmp_path):
    data = pd.DataFrame({"teks": BERBAHAYA + ["-", "biasa"], "angka": range(8)})
    path = simpan_excel(data, "bahaya", tmp_path)
    buku = openpyxl.load_workbook(path)
    sel = [c for baris in buku["data"].iter_rows() for c in baris]
    assert all(c.data_type != "f" for c in sel)
    nilai = [c.value for c in buku["data"]["A"][1:]]
    # Teks kembali sama (XML menyimpan CR sebagai ganti baris biasa).
    assert nilai == [b.replace("\r", "\n") for b in BERBAHAYA] + ["-", "biasa"]
    assert [c.value for c in buku["data"]["B"][1:]] == list(range(8))  # angka tetap angka
    assert all(c.quotePrefix for c in buku["data"]["A"][1:7])


def test_simpan_ulang_isi_sama_tidak_membuat_salinan(tmp_path):
    data = pd.DataFrame(
        {"teks": BERBAHAYA, "angka": [1.5, np.nan, 3, 4, 5, 6], "ya": [True, False] * 3}
    )
    pertama = simpan_excel(data, "ulang", tmp_path)
    for _ in range(3):
        assert simpan_excel(data, "ulang", tmp_path) == pertama
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ulang.xlsx"]
    data.loc[0, "angka"] = 2.5  # isi berbeda: berkas lama dibiarkan, salinan baru
    assert simpan_excel(data, "ulang", tmp_path).name == "ulang (2).xlsx"


def test_penulis_excel_satu_untuk_semua_ekspor():
    isi = excel.xlsx_bita({"a": [["=1+1", 2]], "b": pd.DataFrame({"k": ["@x"]})})
    lembar = excel.isi_buku(io.BytesIO(isi))
    assert lembar == {"a": [("=1+1", 2)], "b": [("k",), ("@x",)]}
    assert excel.mirip_rumus("=x") and excel.mirip_rumus("\t") and not excel.mirip_rumus("-")


def test_periksa_memperingatkan_sel_mirip_rumus(tmp_path, tabel_contoh, capsys):
    data = tabel_contoh("usulan", n_desa=2)
    data.loc[0, "uraian"] = '=HYPERLINK("http://contoh.invalid")'
    data.loc[2, "uraian"] = "@perbaikan"
    path = tmp_path / "usulan.csv"
    data.to_csv(path, index=False)
    hasil = muat.muat_usulan(path)  # tetap dapat dipakai: teks biasa
    assert hasil.loc[0, "uraian"].startswith("=HYPERLINK")
    (peringatan,) = hasil.attrs["peringatan_muat"]
    assert "Kolom 'uraian': 2 sel" in peringatan and "baris 2, 4" in peringatan
    assert main(["periksa", str(path)]) == 0
    assert "Perhatian" in capsys.readouterr().out


# --------------------------------------------------------------------------- 6. CSV rusak


def test_kutip_tak_tertutup_di_berkas_kecil_menyebut_barisnya(tmp_path):
    baris = [f"33.22.01.{2001 + i},2024,2.1,5,4" for i in range(8)]
    baris[4] = '33.22.01.2005,2024,"2.1,5,4'
    pesan = galat(muat.muat_belanja, tulis(tmp_path, "b.csv", belanja(baris)))
    assert "Baris 6: tanda kutip" in pesan and "tidak pernah ditutup" in pesan


def test_kutip_tak_tertutup_di_berkas_besar_tanpa_traceback(tmp_path):
    baris = [
        f"33.22.01.{2001 + i % 900},{2022 + i // 900},1.{i % 3 + 1},1000,900" for i in range(2700)
    ]
    baris[1000] = baris[1000].replace(",1000,", ',"1000,')
    pesan = galat(muat.muat_belanja, tulis(tmp_path, "b.csv", belanja(baris)))
    assert "Baris 1002: tanda kutip" in pesan
    assert "field larger" not in pesan


@pytest.mark.parametrize("panjang", [200_000, 40_000])
def test_sel_sangat_panjang_ditolak_jelas(tmp_path, panjang):
    teks = (
        BELANJA_JUDUL
        + "33.22.01.2001,2024,2.1,5,4\n"
        + f'33.22.01.2002,2024,"{"x" * panjang}",5,4\n'
    )
    pesan = galat(muat.muat_belanja, tulis(tmp_path, "b.csv", teks))
    assert "Kolom 'kode_sub_bidang', baris 3: sel terlalu panjang" in pesan
    assert "32.767" in pesan


def test_sel_panjang_wajar_diterima(tmp_path, tabel_contoh):
    data = tabel_contoh("usulan", n_desa=1)
    data.loc[0, "uraian"] = "perbaikan " * 2000  # 20.000 karakter
    path = tmp_path / "u.csv"
    data.to_csv(path, index=False)
    assert len(muat.muat_usulan(path).loc[0, "uraian"]) == 19_999


def test_sel_multibaris_berkutip_yang_ditutup_tetap_sah(tmp_path, tabel_contoh):
    data = tabel_contoh("usulan", n_desa=1)
    data.loc[0, "uraian"] = "baris satu\nbaris dua"
    path = tmp_path / "u.csv"
    data.to_csv(path, index=False)
    assert muat.muat_usulan(path).loc[0, "uraian"] == "baris satu\nbaris dua"


# --------------------------------------------------------------------------- 7. semua sekaligus


def test_baris_berisian_lebih_tidak_menyembunyikan_masalah_lain(tmp_path):
    baris = [
        "33.22.01.2001,2024,2.1,5,4",
        "33.22.01.2002,2024,2.1,5,4,lebih",  # isian berlebih
        "33.22.01.2003,2024,2.1,banyak,4",  # teks di kolom angka
        "33.22.01.2004,3024,2.1,5,4",  # tahun salah
        "33.22.01.2005,2024,9.9,5,4",  # sub-bidang tidak dikenal
        "33.22.01.2001,2024,2.1,5,4",  # kembar dengan baris 2
        "33.22.01.2006,2024,2.1,5,4,,",  # pemisah berlebih kosong: boleh
    ]
    pesan = galat(muat.muat_belanja, tulis(tmp_path, "b.csv", belanja(baris)))
    assert "Baris 3: baris ini berisi lebih banyak isian" in pesan
    assert "Kolom 'anggaran', baris 4" in pesan
    assert "Kolom 'tahun', baris 5" in pesan
    assert "Kolom 'kode_sub_bidang', baris 6" in pesan
    assert "baris 2 dan 7" in pesan
    assert "baris 8" not in pesan


# --------------------------------------------------------------------------- 8. pesan yang tepat


def test_ods_disebut_ods_dengan_cara_ekspor(tmp_path):
    for nama in ("data.ods", "data.xlsx", "data.csv"):
        path = tmp_path / nama
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", "<office:document-content/>")
        pesan = galat(muat.muat_belanja, path)
        assert "OpenDocument Spreadsheet (.ods" in pesan and "Simpan Sebagai" in pesan
        assert "Ganti akhiran" not in pesan


@pytest.mark.parametrize(
    ("isi", "jenis"),
    [
        (bytes(range(256)) * 20, "data biner"),
        (np.random.default_rng(3).integers(0, 256, 5000, dtype=np.uint8).tobytes(), "data biner"),
        (b"%PDF-1.7\n...", "dokumen PDF"),
        (b"\x89PNG\r\n\x1a\n....", "gambar PNG"),
    ],
)
def test_bita_acak_bukan_tabel_teks(tmp_path, isi, jenis):
    pesan = galat(muat.muat_belanja, tulis_bita(tmp_path / "x.csv", isi))
    assert "bukan tabel teks" in pesan and jenis in pesan
    assert "lebih banyak isian" not in pesan


def tulis_bita(path: Path, isi: bytes) -> Path:
    path.write_bytes(isi)
    return path


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_tanpa_bom_dikenali(tmp_path, tabel_contoh, encoding):
    data = tabel_contoh("indikator", n_desa=2)
    path = tmp_path / "i.csv"
    path.write_bytes(data.to_csv(index=False, sep="\t").encode(encoding))
    assert not path.read_bytes().startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    hasil = muat.muat_indikator(path)
    assert len(hasil) == len(data)
    assert any("UTF-16 tanpa tanda BOM" in c for c in hasil.attrs["catatan_muat"])


@pytest.mark.parametrize("aneh", ["\u00a0", "\u202f", "\u200b", "\ufeff"])
def test_spasi_tak_terlihat_di_kode_dibersihkan(tmp_path, aneh):
    kode = f"33.22.01.{aneh}2001"
    path = tulis(
        tmp_path, "b.csv", belanja([f"{kode},2024,2.1,5,4", f"33.22.01.2002{aneh},2024,2.1,5,4"])
    )
    hasil = muat.muat_belanja(path)
    assert hasil["kode_desa"].tolist() == ["33.22.01.2001", "33.22.01.2002"]
    assert any("tak terlihat" in c for c in hasil.attrs["catatan_muat"])


def test_periksa_cli_tanpa_traceback_untuk_semua_kasus(tmp_path, capsys):
    berkas = [
        tulis_bita(tmp_path / "acak.csv", bytes(range(256)) * 4),
        tulis(tmp_path / "..", "kutip.csv", belanja(['33.22.01.2001,2024,"2.1,5,4'])),
        tulis(tmp_path, "besar.csv", belanja(["33.22.01.2001,2024,2.1,123456789012345678901,4"])),
    ]
    for path in berkas:
        assert main(["periksa", str(path), "--tabel", "belanja"]) == 2
        keluaran = capsys.readouterr()
        assert "Traceback" not in keluaran.err and "PESAN KESALAHAN" in keluaran.err


def test_ods_dibaca_bila_pustaka_odf_ada(tmp_path, monkeypatch, tabel_contoh):
    from p3pd import muat_berkas

    path = tmp_path / "belanja.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    data = tabel_contoh("belanja", n_desa=1)
    lembar = pd.DataFrame([list(data.columns), *data.itertuples(index=False, name=None)])

    def baca_palsu(berkas, **kwargs):
        assert kwargs["engine"] == "odf"
        return {"Judul": pd.DataFrame([["catatan"]]), "belanja": lembar}

    monkeypatch.setattr(muat_berkas.importlib.util, "find_spec", lambda nama: object())
    monkeypatch.setattr(muat_berkas.pd, "read_excel", baca_palsu)
    hasil = muat.muat_belanja(path)
    assert len(hasil) == len(data)
    assert any("OpenDocument (.ods) dibaca" in c for c in hasil.attrs["catatan_muat"])


def test_tidak_ada_peringatan_berbahasa_inggris(tmp_path, tabel_contoh, recwarn):
    data = tabel_contoh("usulan", n_desa=40)
    data["campuran"] = [i if i % 2 else f"teks {i}" for i in range(len(data))]
    data.to_csv(tmp_path / "u.csv", index=False)
    data.to_excel(tmp_path / "u.xlsx", index=False)
    besar = belanja(["33.22.01.2001,2024,2.1,1e20,4", "33.22.01.2002,2024,2.1,5,4"])
    tulis(tmp_path, "b.csv", besar)
    muat.muat_usulan(tmp_path / "u.csv")
    muat.muat_usulan(tmp_path / "u.xlsx")
    with pytest.raises(DataTidakValid):
        muat.muat_belanja(tmp_path / "b.csv")
    assert [str(w.message) for w in recwarn] == []


@pytest.mark.parametrize(
    ("peran", "nama_orang"),
    [
        ("Rina, SKM", True),
        ("Pak Joko", True),
        ("Pelaksanaan SKM di kecamatan", False),
        ("Bapak Camat membuka rapat", False),
        ("Pak Kades dan Bu Bidan Desa", False),
        ("Kelas Ibu Hamil", False),
        ("Survei (SKM) 2024", False),
    ],
)
def test_sapaan_jabatan_dan_singkatan_tidak_dikira_nama(tmp_path, tabel_contoh, peran, nama_orang):
    data = tabel_contoh("pemangku")
    data.loc[0, "peran"] = peran
    path = tmp_path / "p.csv"
    data.to_csv(path, index=False)
    if nama_orang:
        assert "Kolom 'peran', baris 2: berisi nama orang" in galat(muat.muat_pemangku, path)
    else:
        assert muat.muat_pemangku(path).loc[0, "peran"] == peran


def test_xlsx_terkunci_kata_sandi_disebut_terkunci(tmp_path):
    # Buku kerja Excel yang dienkripsi tersimpan sebagai wadah OLE2 (seperti .xls lama).
    path = tulis_bita(tmp_path / "rahasia.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    pesan = galat(muat.muat_belanja, path)
    assert "terkunci kata sandi" in pesan and "Excel lama" not in pesan
