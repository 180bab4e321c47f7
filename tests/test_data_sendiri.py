"""Data kecamatan sendiri: yang diterima pemeriksa harus bisa diproses handout, dan yang akan
merusak handout harus ditolak pemeriksa lebih dulu (``p3pd periksa`` / ``p3pd ringkasan``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import buat_tabel_contoh

from p3pd import handout, muat, ringkasan, skema
from p3pd.galat import DataTidakValid, GalatP3PD

TABEL = ("wilayah", "indikator", "belanja", "fasilitas", "usulan", "program", "pemangku")


def _stem(nama: str) -> str:
    return Path(skema.SEMUA_TABEL[nama].berkas).stem


def folder_canggung(folder: Path) -> Path:
    """Semua tabel contoh, ditulis seperti kiriman kecamatan: XLSX, UTF-16, ';', baris judul."""
    folder.mkdir(parents=True, exist_ok=True)
    for nama in TABEL:
        df = buat_tabel_contoh(nama)
        stem = _stem(nama)
        if nama == "indikator":
            teks = "Data indikator Kecamatan Uji;;\n\n" + df.to_csv(sep=";", index=False)
            (folder / f"{stem}.csv").write_bytes(teks.encode("utf-16"))
        elif nama == "wilayah":
            df.to_excel(folder / f"{stem}.xlsx", index=False)
        elif nama == "belanja":
            teks = df.to_csv(sep=";", index=False, lineterminator="\r\n")
            (folder / f"{stem}.csv").write_bytes(teks.encode("utf-8-sig"))
        else:
            df.to_csv(folder / f"{stem}.csv", index=False)
    return folder


def test_handout_dari_data_yang_diterima_pemeriksa(tmp_path, monkeypatch):
    folder = folder_canggung(tmp_path / "data")
    monkeypatch.setenv("P3PD_DATA", str(folder))
    ringkasan.periksa_folder(
        folder, TABEL
    )  # pemeriksa menerima semuanya (XLSX, UTF-16, ';', judul)
    assert handout.tahun_data(folder) == list(skema.TAHUN_DATA)  # dulu: pd.read_csv mentah
    pekerjaan = handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    assert [p.parameter["kecamatan"] for p in pekerjaan] == ["33.22.01"]  # hanya yang ada di data
    r = handout.bangun_handout(
        pekerjaan, keluaran=tmp_path / "k", format=("html",), progres=False, pekerja=1
    )
    assert not r.gagal, r.teks()
    html = (tmp_path / "k" / f"{pekerjaan[0].nama}.html").read_text(encoding="utf-8")
    assert "Contoh 1" in html  # nama desa dari daftar desa XLSX


def test_wilayah_yang_tidak_ada_di_data_ditolak_jelas(tmp_path, monkeypatch):
    folder = folder_canggung(tmp_path / "data")
    monkeypatch.setenv("P3PD_DATA", str(folder))
    with pytest.raises(GalatP3PD, match="tidak ada di tabel indikator"):
        handout.susun_pekerjaan(kecamatan=["Bancak"])
    with pytest.raises(GalatP3PD, match="tidak berisi desa di wilayah yang diminta"):
        handout.susun_pekerjaan(provinsi=["NTT"])


def _tulis_wilayah(folder: Path, ubah) -> Path:
    df = buat_tabel_contoh("wilayah")
    df = ubah(df)
    path = folder / "wilayah_desa.csv"
    df.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (lambda d: d.assign(nama_kecamatan=[""] * len(d)), "nama wilayah kosong"),
        (
            lambda d: d.assign(nama_desa=["Sukamaju"] * 2 + list(d["nama_desa"][2:])),
            "dua desa berbeda di satu kecamatan bernama sama",
        ),
        (
            lambda d: d.assign(nama_kecamatan=["Uji"] * 3 + ["Uji Lain"] * (len(d) - 3)),
            "satu kode kecamatan ditulis dengan nama berbeda-beda",
        ),
        (
            lambda d: pd.concat(
                [
                    d,
                    d.assign(
                        kode_desa=[k.replace("33.22.01", "33.22.02") for k in d["kode_desa"]],
                        kode_kecamatan="33.22.02",
                    ),
                ]
            ),
            "dua kecamatan berbeda di satu provinsi bernama sama",
        ),
    ],
    ids=["nama-kosong", "desa-kembar", "kecamatan-dua-nama", "kecamatan-kembar"],
)
def test_nama_wilayah_yang_merusak_handout_ditolak_pemeriksa(tmp_path, ubah, pesan):
    path = _tulis_wilayah(tmp_path, ubah)
    galat = str(pytest.raises(DataTidakValid, muat.muat_wilayah, path).value)
    assert pesan in galat
    assert "baris " in galat


def test_kode_desa_tanpa_daftar_desa_dilaporkan_ringkasan(tmp_path):
    folder = folder_canggung(tmp_path / "data")
    ind = buat_tabel_contoh("indikator")
    ind.loc[0, "kode_desa"] = "33.22.01.2999"
    (folder / "indikator_desa.csv").unlink()
    ind.to_csv(folder / "indikator_desa.csv", index=False)
    bel = buat_tabel_contoh("belanja")
    bel = bel[bel["tahun"] != 2024]
    bel.to_csv(folder / "apbdes_belanja.csv", index=False)
    with pytest.raises(GalatP3PD) as info:
        ringkasan.periksa_folder(folder, TABEL)
    teks = str(info.value)
    assert "33.22.01.2999" in teks and "tidak ada di daftar desa 'wilayah_desa.xlsx'" in teks
    assert "kolom 'kode_desa', baris 2:" in teks
    # Tahun yang berbeda antartabel dilaporkan (catatan), bukan ditolak sendiri (issue #10).
    assert "Catatan: Tahun data berbeda antartabel" in teks
    assert "'apbdes_belanja.csv' 2022, 2023" in teks


def test_csv_dan_xlsx_bersamaan_ditolak(tmp_path):
    folder = folder_canggung(tmp_path / "data")
    buat_tabel_contoh("wilayah").to_csv(folder / "wilayah_desa.csv", index=False)
    with pytest.raises(GalatP3PD, match="tidak jelas mana yang dipakai"):
        ringkasan.periksa_folder(folder, TABEL)
    with pytest.raises(DataTidakValid, match="wilayah_desa.csv, wilayah_desa.xlsx"):
        muat.berkas_tabel(folder, "wilayah")


def test_ringkasan_data_sendiri_xlsx_tanpa_cap_sintetis(tmp_path, capsys):
    from p3pd.cli import main

    folder = folder_canggung(tmp_path / "data")
    for nama in skema.SEMUA_TABEL:
        if nama not in TABEL:
            buat_tabel_contoh(nama).to_excel(folder / f"{_stem(nama)}.xlsx", index=False)
    assert main(["ringkasan", "--data", str(folder)]) == 0
    keluar = capsys.readouterr().out
    assert f"Data dari folder '{folder}'" in keluar
    assert "DATA SINTETIS" not in keluar
    assert "wilayah            15 baris" in keluar
