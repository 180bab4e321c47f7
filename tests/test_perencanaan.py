"""Uji p3pd.perencanaan: tampilan desa × layanan, kebutuhan tak terpenuhi, isu Musrenbang."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from p3pd import muat, perencanaan
from p3pd.diagnosis import matriks_masalah
from p3pd.lokasi import folder_data
from p3pd.skema import LAYANAN

KEC = "Mataraman"
TAHUN = 2024


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return muat.muat_folder(folder_data())


@pytest.fixture(scope="module")
def tampilan(data) -> pd.DataFrame:
    return perencanaan.tampilan_desa_layanan(data, KEC, TAHUN)


def test_kalender_bulan_bersumber_atau_perkiraan() -> None:
    k = perencanaan.kalender_perencanaan()
    assert k["urutan"].tolist() == list(range(1, len(k) + 1))
    assert set(k["status_bulan"]) == {"pasti", "perkiraan"}
    assert (k["dasar_hukum"] != "").all() and (k["peran_camat"] != "").all()
    pasti = k[k["status_bulan"] == "pasti"]
    # hanya RKPDes yang bulannya bersumber (Permendesa PDTT 21/2020 Pasal 22 ayat (4))
    assert pasti["tahap"].str.contains("RKPDes").all()
    assert pasti["dasar_hukum"].str.contains("21/2020").all()
    for tahap in ("Musrenbang RKPD di kecamatan", "Forum Perangkat Daerah", "Penetapan RKPD"):
        assert k["tahap"].str.contains(tahap).any(), tahap
    assert k.loc[k["tahap"].str.contains("Evaluasi"), "dasar_hukum"].str.contains("37").all()


def test_tampilan_satu_baris_per_desa_layanan(data, tampilan) -> None:
    wil = data["wilayah"]
    n = int((wil["nama_kecamatan"] == KEC).sum())
    assert len(tampilan) == n * len(LAYANAN)
    assert not tampilan.duplicated(["kode_desa", "layanan"]).any()
    assert tampilan.attrs["kecamatan"] == KEC and tampilan.attrs["tahun"] == TAHUN
    assert set(tampilan["lampu"]) <= {"hijau", "kuning", "merah", "tanpa data"}


def test_tampilan_lampu_terburuk_dan_hitungan_cocok_dengan_tabel(data, tampilan) -> None:
    m = matriks_masalah(data["indikator"], tahun=TAHUN)
    baris = tampilan.iloc[7]
    mm = m[(m["kode_desa"] == baris["kode_desa"]) & (m["layanan"] == baris["layanan"])]
    harap = "merah" if (mm["lampu"] == "merah").any() else None
    if harap:
        assert baris["lampu"] == "merah"
    assert baris["indikator_merah"] == (mm["lampu"] == "merah").sum()
    u = data["usulan"]
    u = u[(u["kode_desa"] == baris["kode_desa"]) & (u["tahun"] == TAHUN)]
    assert baris["usulan"] == (u["layanan"] == baris["layanan"]).sum()
    pd_ = data["program_desa"].merge(data["program"][["id_program", "layanan"]], on="id_program")
    pd_ = pd_[
        (pd_["kode_desa"] == baris["kode_desa"])
        & (pd_["tahun"] == TAHUN)
        & (pd_["layanan"] == baris["layanan"])
    ]
    assert baris["program"] == pd_["id_program"].nunique()
    assert baris["anggaran_program"] == pd_["anggaran"].sum()


def test_kesenjangan_tanpa_program_hanya_merah_tanpa_program(data, tampilan) -> None:
    k = perencanaan.kesenjangan_tanpa_program(data, KEC, TAHUN)
    assert len(k) > 0
    assert (k["lampu"] == "merah").all() and (k["program"] == 0).all()
    harap = ((tampilan["lampu"] == "merah") & (tampilan["program"] == 0)).sum()
    assert len(k) == harap
    assert k["opd"].notna().all()


def test_usulan_tak_ditampung_dan_salah_alamat(data) -> None:
    tak = perencanaan.usulan_tak_ditampung(data, KEC, TAHUN)
    assert len(tak) > 0 and (tak["cara_tampung"] == "tidak").all()
    assert (~tak["diakomodasi"]).all()
    salah = perencanaan.usulan_salah_alamat(data, KEC, TAHUN)
    assert len(salah) > 0
    assert (salah["jalur"] == "Musrenbang").all() and (salah["kewenangan"] == "desa").all()
    assert (salah["kode_sub_bidang"] != "").all()


def test_pasokan_tanpa_permintaan(data, tampilan) -> None:
    p = perencanaan.pasokan_tanpa_permintaan(data, KEC, TAHUN)
    assert len(p) > 0
    gabung = p.merge(tampilan, on=["kode_desa", "layanan"], suffixes=("", "_v"))
    assert (gabung["lampu"] != "merah").all() and (gabung["usulan"] == 0).all()


def test_tindak_lanjut_tanpa_tabel_rincian(data) -> None:
    """Data sendiri tanpa usulan_tindak_lanjut/program_desa tetap bisa dipakai."""
    sendiri = {k: v for k, v in data.items() if k not in ("usulan_tindak_lanjut", "program_desa")}
    u = perencanaan.tindak_lanjut_usulan(sendiri)
    assert (u["jalur"] == "tidak diketahui").all()
    assert set(u["cara_tampung"]) == {"tidak", "ditampung (rincian tidak diketahui)"}
    p = perencanaan.program_per_desa(sendiri)
    assert p["anggaran"].isna().all()
    assert len(p) == len(data["program_desa"])
    isu = perencanaan.isu_musrenbang(sendiri, KEC, TAHUN)
    assert len(isu) > 0


@pytest.fixture(scope="module")
def isu(data) -> pd.DataFrame:
    return perencanaan.isu_musrenbang(data, KEC, TAHUN)


def test_isu_musrenbang_kolom_dan_peringkat(isu) -> None:
    assert tuple(isu.columns) == perencanaan.KOLOM_ISU
    assert isu["peringkat"].tolist() == list(range(1, len(isu) + 1))
    assert isu["skor"].is_monotonic_decreasing
    assert (isu["skor"] > 0).all()
    assert isu["layanan"].is_unique and set(isu["layanan"]) <= set(LAYANAN)
    assert isu.attrs["kecamatan"] == KEC and isu.attrs["tahun"] == TAHUN
    assert isu.attrs["kode_kecamatan"] == "63.03.12"


def test_isu_musrenbang_skor_dari_bukti(data, tampilan, isu) -> None:
    u = perencanaan.usulan_tak_ditampung(data, KEC, TAHUN)
    u = u[(u["jalur"] == "Musrenbang") & (u["kewenangan"] != "desa")]
    for b in isu.itertuples():
        v = tampilan[tampilan["layanan"] == b.layanan]
        tanpa = v[(v["lampu"] == "merah") & (v["program"] == 0)]
        ul = u[u["layanan"] == b.layanan]
        assert b.desa_merah == (v["lampu"] == "merah").sum()
        assert b.desa_merah_tanpa_program == len(tanpa)
        assert b.usulan_tertunda == len(ul)
        assert b.biaya_usulan_tertunda == ul["perkiraan_biaya"].sum()
        assert b.skor == 2 * len(tanpa) + ul["kode_desa"].nunique()
        disebut = set(tanpa["kode_desa"]) | set(ul["kode_desa"])
        assert set(b.kode_desa.split(";")) == disebut
        assert len(b.nama_desa.split("; ")) == len(disebut)
        assert b.opd and b.nama_layanan in b.isu and b.opd in b.isu
        assert b.bukti.endswith(".")
        if b.desa_merah_tanpa_program:
            assert "desa merah tanpa program" in b.bukti


def test_isu_musrenbang_tidak_menghitung_usulan_salah_alamat(data, isu) -> None:
    salah = perencanaan.usulan_salah_alamat(data, KEC, TAHUN)
    tak = salah[salah["cara_tampung"] == "tidak"]
    total_tertunda = isu["usulan_tertunda"].sum()
    semua_tak = perencanaan.usulan_tak_ditampung(data, KEC, TAHUN)
    assert total_tertunda <= len(semua_tak) - len(tak)


def test_isu_musrenbang_kecamatan_tanpa_masalah_kosong(data) -> None:
    """Bila semua indikator hijau dan semua usulan ditampung, tidak ada isu (tabel kosong berkolom)."""
    bersih = dict(data)
    ind = data["indikator"].copy()
    from p3pd.indikator import INDIKATOR

    for i in INDIKATOR.values():
        ind[i.pembilang] = ind[i.penyebut] if i.arah == "naik" else 0
    bersih["indikator"] = ind
    tl = data["usulan_tindak_lanjut"].copy()
    tl["ditampung_oleh"] = "APBDes"
    bersih["usulan_tindak_lanjut"] = tl
    isu = perencanaan.isu_musrenbang(bersih, KEC, TAHUN)
    assert isu.empty and tuple(isu.columns) == perencanaan.KOLOM_ISU


def test_kecamatan_tidak_dikenal(data) -> None:
    from p3pd.wilayah import WilayahTidakDikenal

    with pytest.raises(WilayahTidakDikenal):
        perencanaan.isu_musrenbang(data, "Kecamatan Khayalan", TAHUN)


def test_capaian_isu_sama_dengan_capaian_kecamatan(data, isu) -> None:
    from p3pd.indikator import hitung_capaian

    cap = hitung_capaian(data["indikator"], "kecamatan", tahun=TAHUN)
    cap = cap[cap["kode_wilayah"] == "63.03.12"].set_index("indikator")["capaian"]
    for b in isu.itertuples():
        if b.indikator:
            assert b.capaian == pytest.approx(cap[b.indikator])
        else:
            assert np.isnan(b.capaian)


def test_ekspor_isu_buku_excel_dan_tidak_menimpa(isu, tmp_path) -> None:
    from p3pd.excel import isi_buku

    tujuan = tmp_path / "isu.xlsx"
    perencanaan.ekspor_isu(isu, tujuan)
    buku = isi_buku(tujuan)
    assert list(buku) == ["Isu Musrenbang", "Kalender"]
    lembar = buku["Isu Musrenbang"]
    assert KEC in lembar[0][0] and "SINTETIS" in lembar[0][0]
    assert list(lembar[1]) == list(perencanaan.JUDUL_EKSPOR.values())
    assert len(lembar) == 2 + len(isu)
    assert [r[0] for r in lembar[2:]] == isu["peringkat"].tolist()
    assert [r[2] for r in lembar[2:]] == isu["isu"].tolist()
    assert len(buku["Kalender"]) == 1 + len(perencanaan.kalender_perencanaan())
    isi = tujuan.read_bytes()
    with pytest.raises(FileExistsError):
        perencanaan.ekspor_isu(isu, tujuan)
    assert tujuan.read_bytes() == isi


# --- Data sendiri sebagian (Kecamatan Batu, tests/data_sendiri.py) ---------------------------


@pytest.fixture(scope="module")
def batu_sebagian(tmp_path_factory) -> dict[str, pd.DataFrame]:
    from data_sendiri import buat_batu_sebagian

    return muat.muat_folder(buat_batu_sebagian(tmp_path_factory.mktemp("d") / "batu"))


def test_tabel_yang_tidak_ada_menjadi_tabel_kosong_berkolom(batu_sebagian) -> None:
    from p3pd.apbdes import tabel_data
    from p3pd.skema import TABEL_DIKENAL

    assert "usulan" not in batu_sebagian and "belanja" not in batu_sebagian
    for nama in ("usulan", "program", "belanja", "usulan_tindak_lanjut", "program_desa"):
        kosong = tabel_data(batu_sebagian, nama)
        assert kosong.empty and list(kosong.columns) == TABEL_DIKENAL[nama].nama_kolom
    assert tabel_data(batu_sebagian, "wilayah") is batu_sebagian["wilayah"]


def test_perencanaan_berjalan_tanpa_usulan_program_dan_apbdes(batu_sebagian) -> None:
    from data_sendiri import KODE_DESA, KODE_KELURAHAN

    v = perencanaan.tampilan_desa_layanan(batu_sebagian, "Batu", 2024)
    assert sorted(v["kode_desa"].unique()) == [KODE_KELURAHAN, KODE_DESA]
    assert len(v) == 2 * len(LAYANAN)
    assert v["porsi_apbdes"].isna().all()
    # tabel usulan dan program tidak ada: "tidak ada data" (NaN), bukan 0 usulan / Rp0
    kolom = ["usulan", "usulan_musrenbang", "usulan_ditampung", "program", "anggaran_program"]
    assert v[kolom].isna().all().all()
    # hanya kolom kesehatan yang diisi: layanan lain tanpa data, kesehatan berlampu
    assert set(v.loc[v["layanan"] != "kesehatan", "lampu"]) == {"tanpa data"}
    assert v.loc[v["layanan"] == "kesehatan", "lampu"].ne("tanpa data").all()
    # banyak indikator merah: NA ("tidak ada data") untuk layanan tanpa data, bukan 0
    tanpa = v["lampu"].eq("tanpa data")
    assert v.loc[tanpa, "indikator_merah"].isna().all()
    assert v.loc[~tanpa, "indikator_merah"].notna().all()
    assert str(v["indikator_merah"].dtype) == "Int64"
    for fungsi in (
        perencanaan.usulan_tak_ditampung,
        perencanaan.usulan_salah_alamat,
        perencanaan.pasokan_tanpa_permintaan,
    ):
        assert fungsi(batu_sebagian, "Batu", 2024).empty
    assert perencanaan.program_per_desa(batu_sebagian).empty
    isu = perencanaan.isu_musrenbang(batu_sebagian, "35.79.01", 2024)
    assert tuple(isu.columns) == perencanaan.KOLOM_ISU
    # tanpa tabel program, isu tidak mengklaim "tanpa program"
    teks = " ".join(isu["isu"]) + " ".join(isu["bukti"])
    assert "tanpa program" not in teks
    if len(isu):
        assert "program OPD tahun 2024 di kecamatan: tidak ada data" in isu["bukti"].iloc[0]


def test_perencanaan_tanpa_indikator_tahun_itu(batu_sebagian) -> None:
    v = perencanaan.tampilan_desa_layanan(batu_sebagian, "Batu", 2023)
    assert set(v["lampu"]) == {"tanpa data"}
    assert perencanaan.isu_musrenbang(batu_sebagian, "Batu", 2023).empty


def test_usulan_tanpa_tindak_lanjut_dan_diakomodasi_kosong(data) -> None:
    u = data["usulan"].head(3).astype({"diakomodasi": "boolean"})
    u.loc[u.index[0], "diakomodasi"] = pd.NA
    hasil = perencanaan.tindak_lanjut_usulan({"usulan": u})
    assert hasil["cara_tampung"].iloc[0] == "tidak diketahui"
    assert (hasil["jalur"] == "tidak diketahui").all()


def test_tandai_tidak_ada_hanya_kolom_dari_tabel_yang_hilang():
    ringkas = pd.DataFrame({"merah": [1], "disasar": [0], "usulan": [0]}, index=["kesehatan"])
    data = {"indikator": pd.DataFrame({"x": [1]}), "usulan": pd.DataFrame({"x": [1]})}
    hasil = perencanaan.tandai_tidak_ada(ringkas, data)
    assert hasil.loc["kesehatan", "disasar"] == "tidak ada data (tabel program_opd.csv)"
    assert hasil.loc["kesehatan", "merah"] == 1 and hasil.loc["kesehatan", "usulan"] == 0
    data["program"] = pd.DataFrame({"x": [1]})
    assert perencanaan.tandai_tidak_ada(ringkas, data) is ringkas


def test_isu_data_sendiri_berkelurahan_tanpa_program_tidak_mengklaim(tmp_path):
    import data_sendiri as ds

    folder = ds.merahkan_kelurahan(ds.buat_batu_sebagian(tmp_path / "batu"))
    isu = perencanaan.isu_musrenbang(muat.muat_folder(folder), ds.KECAMATAN, ds.TAHUN)
    kes = isu.set_index("layanan").loc["kesehatan"]
    assert " desa/kelurahan berlampu merah kesehatan" in kes["isu"]
    assert "tabel program OPD belum ada di data ini" in kes["isu"]
    assert "kabupaten" not in kes["isu"]  # Kota Batu: bukan kabupaten
    assert pd.isna(kes["usulan_tertunda"]) and pd.isna(kes["desa_usulan_tertunda"])
    assert pd.isna(kes["desa_merah_tanpa_program"]) and pd.isna(kes["program_opd"])
    assert kes["skor"] >= 2 * kes["desa_merah"]
    assert "program OPD tahun 2024 di kecamatan: tidak ada data" in kes["bukti"]
