"""Angka terbitan (skor IDM, persen terbitan): tabel sendiri, tampil di samping, tidak dicampur."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import buat_tabel_contoh

from p3pd import indikator, muat, skema, terbitan
from p3pd.cli import main
from p3pd.galat import DataTidakValid

IDM = pd.DataFrame(
    {
        "kode_desa": ["33.22.01.2001", "33.22.01.2002", "33.22.01.2001", "33.22.01.2001"],
        "tahun": [2024, 2024, 2023, 2024],
        "ukuran": ["idm", "idm", "idm", "idm_iks"],
        "nilai": [0.69825396825397, 0.80968253968254, 0.69031746031746, 0.81142857142857],
        "satuan": "indeks 0–1",
        "kategori": ["Berkembang", "Maju", "Berkembang", ""],
        "sumber": "Kemendes PDTT, IDM (idm.kemendesa.go.id)",
    }
)


def _folder(tmp_path: Path, dengan_terbitan: bool) -> Path:
    folder = tmp_path / ("dengan" if dengan_terbitan else "tanpa")
    folder.mkdir()
    for nama, tabel in skema.SEMUA_TABEL.items():
        try:
            df = buat_tabel_contoh(nama)
        except KeyError:  # tabel tambahan yang belum punya contoh: opsional
            if tabel.opsional:
                continue
            raise
        df.to_csv(folder / tabel.berkas, index=False)
    if dengan_terbitan:
        IDM.to_csv(folder / skema.ANGKA_TERBITAN.berkas, index=False)
    return folder


def test_tabel_terbitan_opsional_dan_dikenal_pemuat(tmp_path):
    assert skema.ANGKA_TERBITAN.opsional
    assert "terbitan" in skema.TABEL_DIKENAL and "terbitan" not in skema.SEMUA_TABEL
    data = muat.muat_folder(_folder(tmp_path, True))
    assert len(data["terbitan"]) == 4
    assert data["terbitan"]["nilai"].iloc[0] == pytest.approx(0.69825396825397)
    assert "terbitan" not in muat.muat_folder(_folder(tmp_path, False))


def test_kunci_terbitan_kembar_ditolak(tmp_path):
    folder = tmp_path / "kembar"
    folder.mkdir()
    pd.concat([IDM, IDM.iloc[[0]]]).to_csv(folder / "angka_terbitan.csv", index=False)
    with pytest.raises(DataTidakValid, match="harus unik"):
        muat.muat_tabel("terbitan", folder / "angka_terbitan.csv")


def test_angka_terbitan_apa_adanya_dengan_nama_desa_dan_sumber(tmp_path):
    data = muat.muat_folder(_folder(tmp_path, True))
    tabel = terbitan.angka_terbitan(data, tahun=2024, ukuran="idm")
    assert list(tabel.columns) == terbitan.KOLOM_TERBITAN
    assert tabel["nilai"].tolist() == pytest.approx([0.69825396825397, 0.80968253968254])
    assert tabel["nama_desa"].tolist() == ["Contoh 1", "Contoh 2"]
    assert set(tabel["sumber"]) == {"Kemendes PDTT, IDM (idm.kemendesa.go.id)"}
    assert terbitan.angka_terbitan({"wilayah": data["wilayah"]}).empty


def test_ringkasan_terbitan_rentang_bukan_rata_rata(tmp_path):
    data = muat.muat_folder(_folder(tmp_path, True))
    r = terbitan.ringkas_terbitan(data).set_index("ukuran")
    assert r.loc["idm", "tahun"] == 2024 and r.loc["idm", "desa"] == 2
    assert r.loc["idm", "terkecil"] == pytest.approx(0.69825396825397)
    assert r.loc["idm", "terbesar"] == pytest.approx(0.80968253968254)
    assert r.loc["idm", "kategori"] == "Berkembang 1, Maju 1"
    rata = (0.69825396825397 + 0.80968253968254) / 2
    assert rata not in set(r["terkecil"]) | set(r["terbesar"])


def test_ringkasan_cli_menampilkan_terbitan_di_samping_capaian_tanpa_mencampur(tmp_path, capsys):
    assert main(["ringkasan", "--data", str(_folder(tmp_path, False))]) == 0
    tanpa = capsys.readouterr().out
    assert main(["ringkasan", "--data", str(_folder(tmp_path, True))]) == 0
    dengan = capsys.readouterr().out
    assert "Angka terbitan" not in tanpa
    assert "Angka terbitan (apa adanya, dengan sumbernya" in dengan
    assert "Indeks Desa Membangun (IDM), 2024: 2 desa, nilai 0,6983 sampai 0,8097" in dengan
    assert "Berkembang 1, Maju 1" in dengan
    assert "sumber: Kemendes PDTT, IDM (idm.kemendesa.go.id)" in dengan
    # Capaian indikator hitungan sama persis dengan atau tanpa angka terbitan (tidak dicampur).
    capaian = [b for b in tanpa.splitlines() if b.endswith("%")]
    assert capaian and all(b in dengan.splitlines() for b in capaian)
    assert "0,75" not in dengan  # rata-rata dua skor IDM 2024 tidak pernah dicetak


def test_indikator_hitungan_tidak_tersentuh_terbitan(tmp_path):
    tanpa = muat.muat_folder(_folder(tmp_path, False))
    dengan = muat.muat_folder(_folder(tmp_path, True))
    a = indikator.hitung_capaian(tanpa["indikator"], "kecamatan")
    b = indikator.hitung_capaian(dengan["indikator"], "kecamatan")
    pd.testing.assert_frame_equal(a, b)
    assert not set(a["indikator"]) & {"idm", "idm_iks"}


def test_kode_desa_terbitan_harus_ada_di_daftar_desa(tmp_path):
    folder = _folder(tmp_path, True)
    asing = IDM.copy()
    asing.loc[0, "kode_desa"] = "11.01.02.2001"
    asing.to_csv(folder / skema.ANGKA_TERBITAN.berkas, index=False)
    with pytest.raises(DataTidakValid, match="angka_terbitan.csv.*11.01.02.2001"):
        muat.muat_folder(folder)


def test_periksa_mengenali_angka_terbitan(tmp_path, capsys):
    path = tmp_path / "angka_terbitan.csv"
    IDM.to_csv(path, index=False)
    assert main(["periksa", str(path)]) == 0
    assert "terbitan — Angka terbitan per desa" in capsys.readouterr().out
    assert main(["periksa", str(path), "--tabel", "terbitan"]) == 0
