"""Uji pembuat data sintetis ``p3pd.sintetis``: determinisme, kalibrasi, skala nasional,
penulisan atomik, dokumen, dan perintah ``p3pd data``."""

from __future__ import annotations

import os
import re

import numpy as np
import pandas as pd
import pytest

from p3pd import cli, sintetis, skema
from p3pd.indikator import INDIKATOR

POLA = {
    "desa": re.compile(r"^\d{2}\.\d{2}\.\d{2}\.2\d{3}$"),
    "kecamatan": re.compile(r"^\d{2}\.\d{2}\.\d{2}$"),
    "kabupaten": re.compile(r"^\d{2}\.\d{2}$"),
}


@pytest.fixture(scope="module")
def wilayah_kecil() -> pd.DataFrame:
    """Tiga kecamatan pertama setiap kabupaten latihan."""
    wil = sintetis.wilayah_latihan()
    return wil.groupby("kode_kabupaten", sort=True).head(3).reset_index(drop=True)


@pytest.fixture(scope="module")
def data_kecil(wilayah_kecil) -> dict[str, pd.DataFrame]:
    return sintetis.buat_data(wilayah_kecil)


@pytest.fixture(scope="module")
def nasional() -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    wil = sintetis.wilayah_nasional(n_desa=2000)
    return wil, sintetis.buat_data(wil)


def test_wilayah_latihan_93_kecamatan_1131_desa():
    wil = sintetis.wilayah_latihan()
    assert len(wil) == 93
    assert wil["jumlah_desa"].sum() == 1131
    assert wil["kode_kecamatan"].is_monotonic_increasing
    assert (wil["jauh"] > 0).all()
    assert wil.set_index("kode_kecamatan").loc["63.03.17", "jauh"] > 1


def test_buat_data_deterministik_dan_bergantung_benih(wilayah_kecil, data_kecil):
    lagi = sintetis.buat_data(wilayah_kecil)
    for nama, df in data_kecil.items():
        pd.testing.assert_frame_equal(df, lagi[nama])
        tabel = skema.SEMUA_TABEL[nama]
        assert sintetis.csv_tetap(df, tabel) == sintetis.csv_tetap(lagi[nama], tabel)
    lain = sintetis.buat_data(wilayah_kecil, benih=sintetis.BENIH + 1)
    assert not lain["indikator"].equals(data_kecil["indikator"])
    pd.testing.assert_frame_equal(
        lain["wilayah"][["kode_desa"]], data_kecil["wilayah"][["kode_desa"]]
    )


def test_kolom_sesuai_skema(data_kecil):
    assert list(data_kecil) == list(skema.SEMUA_TABEL)
    for nama, df in data_kecil.items():
        assert list(df.columns) == skema.SEMUA_TABEL[nama].nama_kolom


def test_buat_data_tidak_mengubah_masukan(wilayah_kecil):
    salinan = wilayah_kecil.copy()
    sintetis.buat_data(wilayah_kecil.sample(frac=1.0, random_state=3))
    pd.testing.assert_frame_equal(wilayah_kecil, salinan)


def test_urutan_baris_masukan_tidak_berpengaruh(wilayah_kecil, data_kecil):
    acak = sintetis.buat_data(wilayah_kecil.sample(frac=1.0, random_state=7))
    pd.testing.assert_frame_equal(acak["indikator"], data_kecil["indikator"])


def test_intersep_mencapai_target_berbobot():
    rng = np.random.default_rng(0)
    grup = np.repeat(np.arange(3), 400)
    x = rng.normal(0, 1.2, grup.size)
    bobot = rng.integers(1, 500, grup.size).astype(float)
    target = np.array([0.02, 0.5, 0.996])
    a = sintetis._intersep(x, bobot, grup, target, 3)
    p = 1 / (1 + np.exp(-(a[grup] + x)))
    capai = np.bincount(grup, bobot * p) / np.bincount(grup, bobot)
    np.testing.assert_allclose(capai, target, rtol=1e-8)


def test_calon_nama_desa_cukup_dan_bergaya():
    for gaya in ("jawa", "deli", "timor", "banjar"):
        nama = sintetis.calon_nama_desa(gaya)
        assert len(nama) >= 60 and len(set(nama)) == len(nama)
    assert "Sidorejo" in sintetis.calon_nama_desa("jawa")
    assert all(" " in n for n in sintetis.calon_nama_desa("banjar"))
    with pytest.raises(ValueError, match="tidak dikenal"):
        sintetis.calon_nama_desa("eropa")


def test_kabupaten_tanpa_profil_ditolak_dengan_pesan_jelas(wilayah_kecil):
    wil = wilayah_kecil.copy()
    wil["kode_kabupaten"] = wil["kode_kabupaten"].replace("33.22", "33.99")
    wil["kode_kecamatan"] = wil["kode_kecamatan"].str.replace("33.22.", "33.99.", regex=False)
    with pytest.raises(ValueError, match="33.99 tidak punya profil.*bobot_3322"):
        sintetis.buat_data(wil)


def test_wilayah_tanpa_kolom_wajib_ditolak(wilayah_kecil):
    with pytest.raises(ValueError, match="jumlah_desa"):
        sintetis.buat_data(wilayah_kecil.drop(columns=["jumlah_desa"]))


def test_profil_interpolasi_satu_profil_sama_dengan_kabupaten_latihan():
    """Kabupaten fiktif berbobot penuh satu profil dikalibrasi ke target kabupaten itu."""
    wil = pd.DataFrame(
        {
            "kode_provinsi": ["91", "91"],
            "nama_provinsi": ["Provinsi Sintetis 91"] * 2,
            "kode_kabupaten": ["91.01", "91.02"],
            "nama_kabupaten": ["Kabupaten Sintetis 91.01", "Kabupaten Sintetis 91.02"],
            "kode_kecamatan": ["91.01.01", "91.02.01"],
            "nama_kecamatan": ["Sintetis 0001", "Sintetis 0002"],
            "jumlah_desa": [300, 300],
            "bobot_3322": [1.0, 0.0],
            "bobot_1207": [0.0, 0.0],
            "bobot_5302": [0.0, 1.0],
            "bobot_6303": [0.0, 0.0],
        }
    )
    ind = sintetis.buat_data(wil)["indikator"]
    kab = ind["kode_desa"].str.slice(0, 5)

    def capaian(k: str, kode: str, tahun: int) -> float:
        i = INDIKATOR[kode]
        d = ind[(kab == k) & (ind["tahun"] == tahun)]
        return d[i.pembilang].sum() / d[i.penyebut].sum() * 100

    assert capaian("91.01", "stunting", 2022) == pytest.approx(18.7, rel=0.05)
    assert capaian("91.02", "stunting", 2023) == pytest.approx(37.9, rel=0.05)
    # DTKS TTS: asumsi 45 % (2022), tren −0,03 logit per tahun → 43,5 % pada 2024
    assert capaian("91.02", "penduduk_dtks", 2024) == pytest.approx(43.52, rel=0.05)
    nama = sintetis.buat_data(wil)["wilayah"]
    assert (
        nama.loc[nama["kode_kabupaten"] == "91.02", "nama_desa"]
        .str.match(r"^(Oe|Noe|Fatu|Bi|Tu|Kuan|Ne|Nule|Toi|Ni|Tob|Sa)")
        .all()
    )


def test_wilayah_nasional_ukuran_dan_pola_kode():
    wil = sintetis.wilayah_nasional(n_desa=2000)
    assert wil["jumlah_desa"].sum() == 2000
    assert (wil["jumlah_desa"] >= 1).all()
    assert wil["kode_kecamatan"].str.match(POLA["kecamatan"]).all()
    assert wil["kode_kabupaten"].str.match(POLA["kabupaten"]).all()
    assert wil["kode_kecamatan"].is_unique
    assert (wil["kode_kecamatan"].str.slice(0, 5) == wil["kode_kabupaten"]).all()
    assert (wil["kode_kabupaten"].str.slice(0, 2) == wil["kode_provinsi"]).all()
    nomor_kab = wil["kode_kabupaten"].str.slice(3).astype(int)
    assert nomor_kab.between(1, 69).all()
    assert wil["kode_provinsi"].astype(int).between(11, 94).all()
    assert wil["nama_kecamatan"].str.contains("Sintetis").all()
    assert wil["nama_kabupaten"].str.contains("Sintetis").all()
    bobot = wil[["bobot_3322", "bobot_1207", "bobot_5302", "bobot_6303"]].sum(axis=1)
    np.testing.assert_allclose(bobot, 1.0, atol=1e-5)
    pd.testing.assert_frame_equal(wil, sintetis.wilayah_nasional(n_desa=2000))


def test_wilayah_nasional_menolak_ukuran_tidak_sah():
    with pytest.raises(ValueError):
        sintetis.wilayah_nasional(n_desa=0)


def test_data_nasional_ukuran_kode_dan_aturan_cacah(nasional):
    wil, data = nasional
    desa = data["wilayah"]
    assert len(desa) == 2000
    assert desa["kode_desa"].is_unique
    assert desa["kode_desa"].str.match(POLA["desa"]).all()
    assert not desa.duplicated(["kode_kecamatan", "nama_desa"]).any()
    ind = data["indikator"]
    assert len(ind) == 2000 * len(skema.TAHUN_DATA)
    for p in skema.INDIKATOR_DESA.pasangan:
        assert (ind[p.pembilang] <= ind[p.penyebut]).all(), p.pembilang
    for i in INDIKATOR.values():
        assert (ind[i.penyebut] > 0).all(), i.penyebut
    fas = data["fasilitas"]
    assert (fas["posyandu_aktif"] <= fas["jumlah_posyandu"]).all()
    assert set(data["pemangku"]["kode_kecamatan"]) == set(wil["kode_kecamatan"])
    n_kab = wil["kode_kabupaten"].nunique()
    assert data["program"].groupby(["kode_kabupaten", "tahun"]).size().between(15, 30).all()
    assert data["program"]["kode_kabupaten"].nunique() == n_kab
    for nama, df in data.items():
        assert list(df.columns) == skema.SEMUA_TABEL[nama].nama_kolom
        assert not df.duplicated(list(skema.SEMUA_TABEL[nama].kunci)).any(), nama


def test_tabel_kalibrasi_memakai_jumlah_lalu_bagi():
    baris = []
    for kab, pemb, peny in (("33.22", 10, 100), ("33.22", 90, 100), ("12.07", 1, 10)):
        isi = {c: 1 for c in skema.INDIKATOR_DESA.nama_kolom[2:]}
        isi.update({"kode_desa": f"{kab}.01.2001", "tahun": 2022})
        isi["balita_stunting"], isi["balita_diukur"] = pemb, peny
        baris.append(isi)
    hasil = sintetis.tabel_kalibrasi(pd.DataFrame(baris))
    semarang = hasil[(hasil["kode_kabupaten"] == "33.22") & (hasil["indikator"] == "stunting")]
    assert semarang["capaian"].iloc[0] == pytest.approx(50.0)
    assert semarang["selisih_relatif"].iloc[0] == pytest.approx((50.0 - 18.7) / 18.7 * 100)
    assert set(hasil["jenis"]) <= {"survei", "administratif"}


def test_csv_tetap_mengurutkan_menurut_kunci(data_kecil):
    tabel = skema.BELANJA
    asli = sintetis.csv_tetap(data_kecil["belanja"], tabel)
    acak = data_kecil["belanja"].sample(frac=1.0, random_state=1)
    assert sintetis.csv_tetap(acak, tabel) == asli
    assert asli.startswith((",".join(tabel.nama_kolom) + "\n").encode())
    assert b"\r" not in asli


def test_tulis_data_atomik_tanpa_sisa_berkas_sementara(tmp_path, data_kecil):
    (tmp_path / "indikator_desa.csv").write_text("isi lama\n", encoding="utf-8")
    ditulis = sintetis.tulis_data(data_kecil, tmp_path)
    assert sorted(p.name for p in ditulis) == sorted(t.berkas for t in skema.SEMUA_TABEL.values())
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in ditulis)
    baca = pd.read_csv(tmp_path / "indikator_desa.csv", dtype={"kode_desa": str})
    assert len(baca) == len(data_kecil["indikator"])
    assert (tmp_path / "wilayah_desa.csv").stat().st_mode & 0o777 == 0o644


def test_tulis_data_latihan_dua_kali_identik(tmp_path):
    satu = {p.name: p.read_bytes() for p in sintetis.tulis_data_latihan(tmp_path / "a")}
    dua = {p.name: p.read_bytes() for p in sintetis.tulis_data_latihan(tmp_path / "b")}
    assert satu == dua
    assert {"KAMUS_DATA.md", "KALIBRASI.md", "SUMBER.md"} <= set(satu)


def test_dokumen_kamus_dari_skema(data_kecil):
    teks = sintetis.dokumen_kamus(data_kecil)
    for tabel in skema.SEMUA_TABEL.values():
        assert f"`{tabel.berkas}` — {tabel.judul}" in teks
        for k in tabel.kolom:
            assert f"| `{k.nama}` | {k.tipe} |" in teks
    assert "makin rendah makin baik" in teks and "**Data sintetis.**" in teks


def test_perintah_p3pd_data(tmp_path, capsys):
    kode = cli.main(["data", "--folder", str(tmp_path)])
    keluaran = capsys.readouterr().out
    assert kode == 0
    assert "SINTETIS" in keluaran
    assert (tmp_path / "indikator_desa.csv").exists()
    assert (tmp_path / "KALIBRASI.md").exists()
    import importlib.util

    if importlib.util.find_spec("p3pd.berantakan") is not None:
        assert (tmp_path / "contoh_berantakan").is_dir()
    else:
        assert "dilewati" in keluaran
