"""Uji label data (p3pd.label): sintetis hanya menurut penanda/sidik, data sendiri dengan pemilik
dan sumbernya, folder campuran dan label yang salah ditolak."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import buat_tabel_contoh

from p3pd import label, skema
from p3pd.galat import DataTidakValid
from p3pd.label import BERKAS_LABEL, BERKAS_PENANDA, label_data
from p3pd.lokasi import folder_proyek

DATA = folder_proyek() / "data"


def _sendiri(folder: Path, tabel=("wilayah", "indikator")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for nama in tabel:
        buat_tabel_contoh(nama).to_csv(folder / skema.SEMUA_TABEL[nama].berkas, index=False)
    return folder


def _tulis_label(folder: Path, teks: str) -> None:
    (folder / BERKAS_LABEL).write_text(teks, encoding="utf-8")


def test_penanda_data_latihan_sesuai_isi_csv():
    """Penanda di data/ mencatat setiap CSV latihan dengan sidik isinya yang sekarang."""
    isi = json.loads((DATA / BERKAS_PENANDA).read_text(encoding="utf-8"))
    assert isi["jenis"] == "sintetis"
    csv = sorted(p.name for p in DATA.glob("*.csv"))
    assert sorted(isi["berkas"]) == csv
    for nama, sidik in isi["berkas"].items():
        assert label.sidik(DATA / nama) == sidik, f"{nama} berubah; jalankan: p3pd data"


def test_data_latihan_berlabel_sintetis():
    lab = label_data(DATA)
    assert lab.sintetis
    assert lab.teks == "DATA SINTETIS UNTUK LATIHAN — bukan data desa sungguhan."
    assert "Kepmendagri 100.1.1-6117/2022" in lab.keterangan
    assert "wilayah_desa.csv" in lab.berkas_sintetis


def test_salinan_csv_latihan_tanpa_penanda_tetap_sintetis(tmp_path):
    """Sidik isi ikut bersama berkas: nama folder atau berkas tidak menentukan."""
    folder = tmp_path / "data_kecamatan_kami"
    folder.mkdir()
    for nama in ("wilayah_desa.csv", "indikator_desa.csv"):
        shutil.copy(DATA / nama, folder / nama)
    lab = label_data(folder)
    assert lab.sintetis and lab.berkas_label is None


def test_folder_bernama_sintetis_berisi_data_sendiri_tidak_dicap_sintetis(tmp_path):
    folder = _sendiri(tmp_path / "data_sintetis")
    lab = label_data(folder)
    assert not lab.sintetis
    assert "SINTETIS" not in lab.teks
    assert f"Data dari folder '{folder}'" in lab.teks and BERKAS_LABEL in lab.teks


def test_data_sendiri_dengan_label(tmp_path):
    folder = _sendiri(tmp_path / "d")
    _tulis_label(
        folder,
        "pemilik: Kecamatan Getasan, Kabupaten Semarang\n"
        "sumber: Podes 2021 (BPS); register puskesmas 2024\n"
        "tahun: 2024\n"
        "catatan: angka 2024 sementara\n",
    )
    lab = label_data(folder)
    assert not lab.sintetis
    assert lab.teks == (
        "Data milik Kecamatan Getasan, Kabupaten Semarang, sumber: Podes 2021 (BPS); "
        "register puskesmas 2024."
    )
    assert lab.pemilik == "Kecamatan Getasan, Kabupaten Semarang"
    assert "Tahun data: 2024." in lab.keterangan and "sementara" in lab.keterangan


@pytest.mark.parametrize(
    ("isi", "potongan"),
    [
        ("pemilik: Kecamatan Uji\n", "'sumber' wajib diisi"),
        (
            "pemlik: Kecamatan Uji\nsumber: Podes\n",
            "'pemlik' tidak dikenal (mungkin maksudnya 'pemilik')",
        ),
        ("pemilik: [Kecamatan\n", "tidak dapat dibaca"),
        ("hanya satu baris teks\n", "'pemilik: …' dan 'sumber: …'"),
    ],
)
def test_label_sendiri_yang_salah_ditolak(tmp_path, isi, potongan):
    folder = _sendiri(tmp_path / "d")
    _tulis_label(folder, isi)
    with pytest.raises(DataTidakValid) as info:
        label_data(folder)
    assert potongan in str(info.value)
    assert BERKAS_LABEL in str(info.value)


def test_folder_campuran_ditolak_dengan_nama_berkas(tmp_path):
    folder = _sendiri(tmp_path / "d", ("indikator",))
    shutil.copy(DATA / "wilayah_desa.csv", folder / "wilayah_desa.csv")
    with pytest.raises(DataTidakValid) as info:
        label_data(folder)
    pesan = str(info.value)
    assert "mencampur data latihan sintetis ('wilayah_desa.csv'" in pesan
    assert "data lain ('indikator_desa.csv')" in pesan


def test_data_latihan_dengan_satu_berkas_diganti_ditolak(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("contoh_berantakan"))
    buat_tabel_contoh("indikator").to_csv(folder / "indikator_desa.csv", index=False)
    with pytest.raises(DataTidakValid, match="mencampur data latihan sintetis"):
        label_data(folder)


def test_penanda_sintetis_di_samping_data_sendiri_ditolak(tmp_path):
    folder = _sendiri(tmp_path / "d")
    shutil.copy(DATA / BERKAS_PENANDA, folder / BERKAS_PENANDA)
    with pytest.raises(DataTidakValid) as info:
        label_data(folder)
    assert f"hapus {BERKAS_PENANDA} dan tulis {BERKAS_LABEL}" in str(info.value)


def test_label_sendiri_di_samping_csv_latihan_ditolak(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copy(DATA / "wilayah_desa.csv", folder / "wilayah_desa.csv")
    _tulis_label(folder, "pemilik: Kecamatan Uji\nsumber: Podes\n")
    with pytest.raises(DataTidakValid, match="adalah data latihan sintetis"):
        label_data(folder)


def test_penanda_dan_label_sendiri_sekaligus_ditolak(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copy(DATA / BERKAS_PENANDA, folder / BERKAS_PENANDA)
    _tulis_label(folder, "pemilik: Kecamatan Uji\nsumber: Podes\n")
    with pytest.raises(DataTidakValid, match="sekaligus label data"):
        label_data(folder)


def test_penanda_rusak_ditolak(tmp_path):
    folder = _sendiri(tmp_path / "d")
    (folder / BERKAS_PENANDA).write_text("{bukan json", encoding="utf-8")
    with pytest.raises(DataTidakValid, match="penanda data sintetis rusak"):
        label_data(folder)


def test_tulis_penanda_tetap_dan_dikenali(tmp_path):
    folder = _sendiri(tmp_path / "d")
    berkas = sorted(folder.glob("*.csv"))
    label.tulis_penanda_sintetis(folder, berkas)
    pertama = (folder / BERKAS_PENANDA).read_bytes()
    label.tulis_penanda_sintetis(folder, reversed(berkas))
    assert (folder / BERKAS_PENANDA).read_bytes() == pertama
    assert label_data(folder).sintetis


def test_folder_tidak_ada(tmp_path):
    with pytest.raises(DataTidakValid, match="tidak ada"):
        label_data(tmp_path / "tidak_ada")


def test_spanduk_notebook_mengikuti_label(tmp_path, monkeypatch):
    from p3pd.notebook import catatan_data, catatan_sintetis

    assert repr(catatan_data()).startswith("Data latihan ini sintetis.")
    folder = _sendiri(tmp_path / "d")
    _tulis_label(folder, "pemilik: Kecamatan Uji\nsumber: Podes 2021 (BPS)\n")
    monkeypatch.setenv("P3PD_DATA", str(folder))
    for kotak in (catatan_data("Tabel: desa"), catatan_sintetis("Tabel: desa")):
        assert repr(kotak) == "Data milik Kecamatan Uji, sumber: Podes 2021 (BPS). Tabel: desa"
        assert "sintetis" not in repr(kotak).lower()
    shutil.copy(DATA / "fasilitas_desa.csv", folder / "fasilitas_desa.csv")
    with pytest.raises(DataTidakValid, match="mencampur data latihan sintetis"):
        catatan_data()


def test_tanda_gambar_mengikuti_label(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from p3pd.grafik import TANDA_SINTETIS, tandai_sintetis

    fig, _ = plt.subplots()
    assert tandai_sintetis(fig).get_text() == TANDA_SINTETIS
    folder = _sendiri(tmp_path / "d")
    _tulis_label(folder, "pemilik: Kecamatan Uji\nsumber: Podes 2021 (BPS)\n")
    monkeypatch.setenv("P3PD_DATA", str(folder))
    fig2, _ = plt.subplots()
    assert tandai_sintetis(fig2).get_text() == "Data milik Kecamatan Uji, sumber: Podes 2021 (BPS)."
    plt.close("all")


@pytest.mark.parametrize(
    "perintah",
    [
        ["ringkasan"],
        ["handout", "--kecamatan", "Batu", "--format", "html", "--keluaran", "KELUAR"],
        ["kerja", "--kecamatan", "Batu", "--tanpa-buka", "--folder-kerja", "KELUAR"],
    ],
)
def test_berkas_terkunci_di_excel_pesan_jelas_tanpa_traceback(
    tmp_path, monkeypatch, capsys, perintah
):
    """Berkas yang sedang dibuka di Excel (Windows: PermissionError 13) → pesan, keluar ≠ 0."""
    import builtins
    import io

    import pandas as pd
    from data_sendiri import buat_batu_sebagian

    from p3pd import cli

    folder = buat_batu_sebagian(tmp_path / "data_kami")
    csv = folder / "indikator_desa.csv"
    pd.read_csv(csv, dtype=str).to_excel(folder / "indikator_desa.xlsx", index=False)
    csv.unlink()
    terkunci = str((folder / "indikator_desa.xlsx").resolve())
    buka_asli = builtins.open

    def buka(berkas, *a, **k):
        if isinstance(berkas, (str, Path)) and str(Path(berkas).resolve()) == terkunci:
            raise PermissionError(13, "Permission denied", str(berkas))
        return buka_asli(berkas, *a, **k)

    monkeypatch.setattr(builtins, "open", buka)
    monkeypatch.setattr(io, "open", buka)
    argumen = [str(tmp_path / "keluar") if a == "KELUAR" else a for a in perintah[1:]]
    kode = cli.main([perintah[0], "--data", str(folder), *argumen])
    keluaran = capsys.readouterr()
    assert kode != 0
    assert "indikator_desa.xlsx" in keluaran.err
    assert "izin ditolak" in keluaran.err and "dibuka di Excel" in keluaran.err
    assert "Tutup berkas itu, lalu ulangi perintah." in keluaran.err
    assert "Traceback" not in keluaran.err + keluaran.out


def test_sidik_berkas_terkunci_galat_p3pd(tmp_path, monkeypatch):
    berkas = tmp_path / "wilayah_desa.csv"
    berkas.write_text("a\n", encoding="utf-8")

    def tolak(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(label, "_sidik_tersimpan", tolak)
    with pytest.raises(DataTidakValid, match="wilayah_desa.csv.*izin ditolak"):
        label.sidik(berkas)


def test_peringatan_impor_disimpan_di_label_dan_diganti_saat_impor_ulang(tmp_path, capsys):
    """`p3pd impor` menyimpan peringatan per tabel di SUMBER_DATA.yaml; notebook mengulanginya."""
    import yaml

    from p3pd.impor.tulis import isi_label
    from p3pd.label import label_data, peringatan_impor, tampilkan_peringatan_impor

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "SUMBER_DATA.yaml"
    pesan = "bidang 5.3 (Rp184,0 juta anggaran) tidak punya baris sub-bidang"
    path.write_text(
        isi_label(
            folder, "Kec. A", "Siskeudes", "p3pd impor", False, {"apbdes_belanja.csv": [pesan]}
        ),
        encoding="utf-8",
    )
    assert [p["pesan"] for p in peringatan_impor("apbdes_belanja.csv", folder)] == [pesan]
    assert peringatan_impor("indikator_desa.csv", folder) == []
    assert label_data(folder).pemilik == "Kec. A"  # kunci peringatan_impor bukan "tidak dikenal"
    # impor lain ke folder yang sama: peringatan belanja tetap; tabel lain ditambahkan
    path.write_text(
        isi_label(folder, "Kec. A", "Podes", "p3pd impor", False, {"fasilitas_desa.csv": ["x"]}),
        encoding="utf-8",
    )
    isi = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isi["peringatan_impor"] == {"apbdes_belanja.csv": [pesan], "fasilitas_desa.csv": ["x"]}
    assert "Siskeudes; Podes" == isi["sumber"]
    # belanja diimpor ulang tanpa peringatan: peringatannya hilang
    path.write_text(
        isi_label(folder, "Kec. A", "Siskeudes", "p3pd impor", False, {"apbdes_belanja.csv": []}),
        encoding="utf-8",
    )
    assert peringatan_impor("apbdes_belanja.csv", folder) == []
    tampilkan_peringatan_impor("fasilitas_desa.csv", folder)
    assert capsys.readouterr().out.startswith("⚠ Peringatan impor fasilitas_desa.csv")
    tampilkan_peringatan_impor("apbdes_belanja.csv", folder)
    assert capsys.readouterr().out == ""


def test_peringatan_impor_kosong_untuk_data_latihan_dan_label_rusak(tmp_path):
    from p3pd.label import peringatan_impor
    from p3pd.lokasi import folder_data

    assert peringatan_impor("apbdes_belanja.csv", folder_data()) == []
    (tmp_path / "SUMBER_DATA.yaml").write_text("pemilik: [rusak", encoding="utf-8")
    assert peringatan_impor("apbdes_belanja.csv", tmp_path) == []
