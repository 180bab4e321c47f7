"""Uji ``p3pd handout --bagian i/n`` (batch dibagi ke beberapa mesin) dan ``--data FOLDER``."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

import pytest
from test_handout import templat_kecil

from p3pd import handout, handout_cli
from p3pd.galat import GalatP3PD
from p3pd.handout_pilih import ambil_bagian, baca_bagian
from p3pd.lokasi import folder_data


def _args(*argumen: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    handout_cli.daftar_argumen(parser)
    return parser.parse_args(list(argumen))


@pytest.fixture(scope="module")
def kecamatan_semua() -> list[handout.Pekerjaan]:
    return handout.susun_pekerjaan(semua=True, tingkat="kecamatan")


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7, 93, 100])
def test_semua_bagian_memuat_setiap_handout_tepat_sekali(n, kecamatan_semua):
    daftar = kecamatan_semua
    potongan = [ambil_bagian(daftar, i, n) for i in range(1, n + 1)]
    gabungan = [p.nama for bagian in potongan for p in bagian]
    assert gabungan == [p.nama for p in daftar]  # urutan sama, tanpa ganda, tanpa yang hilang
    ukuran = [len(b) for b in potongan]
    assert max(ukuran) - min(ukuran) <= 1  # ukuran bagian hampir sama


def test_bagian_sama_di_pemanggilan_lain():
    a = [
        p.nama for p in ambil_bagian(handout.susun_pekerjaan(semua=True, tingkat="kecamatan"), 2, 5)
    ]
    b = [
        p.nama for p in ambil_bagian(handout.susun_pekerjaan(semua=True, tingkat="kecamatan"), 2, 5)
    ]
    assert a == b and len(a) in (18, 19)


@pytest.mark.parametrize(
    ("teks", "hasil"), [("2/4", (2, 4)), (" 1 / 1 ", (1, 1)), ("10/93", (10, 93))]
)
def test_baca_bagian_sah(teks, hasil):
    assert baca_bagian(teks) == hasil


@pytest.mark.parametrize(
    ("teks", "potongan_pesan"),
    [
        ("5/4", "nomor bagian harus 1 sampai 4"),
        ("0/3", "nomor bagian harus 1 sampai 3"),
        ("1/0", "jumlah bagian 1 atau lebih"),
        ("dua", "tidak dikenali"),
        ("2-4", "garis miring"),
    ],
)
def test_baca_bagian_salah_berpesan_indonesia(teks, potongan_pesan):
    with pytest.raises(GalatP3PD, match=potongan_pesan):
        baca_bagian(teks)


def test_cli_bagian_membangun_hanya_bagiannya(tmp_path, capsys):
    templat = templat_kecil(tmp_path)
    dibangun: list[str] = []
    for i in (1, 2):
        keluaran = tmp_path / f"bagian{i}"
        args = _args(
            "--semua",
            "--templat",
            str(templat),
            "--keluaran",
            str(keluaran),
            "--format",
            "html",
            "--tanpa-progres",
            "--pekerja",
            "1",
            "--bagian",
            f"{i}/2",
        )
        assert handout_cli.jalankan(args) == 0
        dibangun += sorted(p.stem for p in keluaran.glob("*.html"))
        assert f"Bagian {i}/2:" in capsys.readouterr().err
    semua = sorted(p.nama for p in handout.susun_pekerjaan(semua=True))
    assert sorted(dibangun) == semua  # 4 provinsi dibagi 2: tiap handout tepat sekali


def test_cli_bagian_kosong_tidak_membangun_apa_pun(tmp_path, capsys):
    args = _args(
        "--kecamatan",
        "Getasan",
        "--keluaran",
        str(tmp_path / "k"),
        "--tanpa-progres",
        "--bagian",
        "2/3",
    )
    assert handout_cli.jalankan(args) == 0
    assert "Bagian ini kosong" in capsys.readouterr().err
    assert not (tmp_path / "k").exists() or not any((tmp_path / "k").iterdir())


def test_cli_data_membaca_folder_lain_dan_memulihkan_lingkungan(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("P3PD_DATA", raising=False)
    salinan = tmp_path / "data saya"
    shutil.copytree(folder_data(), salinan)
    isi = "import os\nprint('DATA=' + os.environ.get('P3PD_DATA', ''))\n"
    templat = templat_kecil(tmp_path, isi)
    keluaran = tmp_path / "k"
    args = _args(
        "Jateng",
        "--data",
        str(salinan),
        "--templat",
        str(templat),
        "--keluaran",
        str(keluaran),
        "--format",
        "html",
        "--tanpa-progres",
        "--pekerja",
        "1",
    )
    assert handout_cli.jalankan(args) == 0
    assert "data di folder" in capsys.readouterr().err
    html = next(keluaran.glob("*.html")).read_text(encoding="utf-8")
    assert f"DATA={salinan.resolve()}" in html  # kernel pekerja membaca folder --data
    assert "P3PD_DATA" not in os.environ  # lingkungan pemanggil dipulihkan


def test_cli_data_folder_tidak_ada(tmp_path):
    with pytest.raises(GalatP3PD, match="tidak ada"):
        handout_cli.jalankan(_args("Jateng", "--data", str(tmp_path / "tidak_ada")))


def test_cli_data_ditolak_pemuat_dengan_pesan(tmp_path):
    salinan = tmp_path / "rusak"
    shutil.copytree(folder_data(), salinan)
    berkas = salinan / "indikator_desa.csv"
    baris = berkas.read_text(encoding="utf-8").splitlines()
    berkas.write_text("\n".join([baris[0].replace("kode_desa", "kode")] + baris[1:]) + "\n")
    with pytest.raises(GalatP3PD) as info:
        handout_cli.jalankan(
            _args("Jateng", "--data", str(salinan), "--keluaran", str(tmp_path / "k"))
        )
    assert "indikator_desa.csv" in str(info.value)
    assert not (tmp_path / "k").exists()
    assert Path(berkas).read_text(encoding="utf-8").startswith("kode,")  # masukan tidak diubah


def test_tahun_terakhir_per_kecamatan_sama_dengan_tahun_tersedia():
    """Tahun per kecamatan dihitung sekaligus, dengan aturan yang sama dengan ``tahun_tersedia``:
    tabel tahunan pertama yang berisi baris kecamatan itu menentukan."""
    import pandas as pd

    from p3pd import handout_pilih

    data = {
        "indikator": pd.DataFrame(
            {"kode_desa": ["33.22.01.2001", "33.22.01.2002"], "tahun": [2023.0, 2024.0]}
        ),
        "belanja": pd.DataFrame(
            {
                "kode_desa": ["33.22.01.2001", "33.22.02.2001", "33.22.03.2001"],
                "tahun": [2025.0, 2022.0, None],
            }
        ),
        "terbitan": pd.DataFrame({"kode_desa": ["33.22.03.2001"], "tahun": [2021.0]}),
    }
    hasil = handout_pilih._tahun_terakhir_per_wilayah(data, 8)
    assert hasil == {"33.22.01": 2024, "33.22.02": 2022, "33.22.03": 2021}
    for kode, th in hasil.items():
        assert handout_pilih.tahun_tersedia(data, kode)[-1] == th
    assert "33.22.04" not in hasil and handout_pilih.tahun_tersedia(data, "33.22.04") == []


def test_daftar_kecamatan_batch_tidak_dibangun_ulang_per_kecamatan(monkeypatch):
    """Folder nasional (ribuan kecamatan): daftar kecamatan dibuat sekali per batch, bukan sekali
    per kecamatan (dulu berjam-jam sebelum handout pertama dibangun)."""
    from p3pd import memo, wilayah

    memo.kosongkan_memo()
    panggil = []
    asli = wilayah._ref
    monkeypatch.setattr(wilayah, "_ref", lambda data: panggil.append(1) or asli(data))
    daftar = handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    assert len(daftar) == 93
    assert len(panggil) <= 8  # provinsi dan pencarian awal, tidak 93 kali
    contoh = daftar[::31]
    satu_per_satu = handout.susun_pekerjaan(kecamatan=[p.parameter["kecamatan"] for p in contoh])
    assert satu_per_satu == contoh  # sama dengan memilih kecamatan satu per satu


def test_provinsi_latihan_di_luar_daftar_desa_ditolak_dengan_pilihan_yang_sah(monkeypatch):
    """Daftar desa sendiri yang hanya memuat satu provinsi: meminta provinsi lain memberi
    galat pencarian yang menyebut pilihan yang sah, bukan daftar handout yang diam-diam kurang."""
    from p3pd import handout_pilih, muat
    from p3pd.galat import WilayahTidakDikenal

    tabel = muat.muat_folder(folder_data(), ("wilayah", "indikator"))
    hanya = {
        n: t[t["kode_desa"].astype(str).str.startswith("63.")].copy() for n, t in tabel.items()
    }
    monkeypatch.setattr(handout_pilih, "periksa_data_handout", lambda folder=None: hanya)
    assert len(handout.susun_pekerjaan(provinsi=["63"], tingkat="kecamatan")) == 20
    for minta in (["Jawa Tengah"], ["63", "Jawa Tengah"]):
        with pytest.raises(WilayahTidakDikenal, match="Kalimantan Selatan"):
            handout.susun_pekerjaan(provinsi=minta, tingkat="kecamatan")
