"""Uji p3pd.apbdes dengan tabel kecil yang hasilnya dihitung dengan tangan.

Desa uji (kode fiktif): A dan B di kecamatan 33.22.01, C di kecamatan 33.22.02 (kabupaten
33.22, provinsi 33), D di 12.07.01 (provinsi 12). Rupiah dibuat kecil agar mudah dihitung.

Tahun 2024 (anggaran/realisasi per sub-bidang):
  A: 1.1 300/300, 2.1 200/100, 2.2 100/100, 2.3 400/300  → total 1000/800
  B: 1.1 500/500, 2.4 100/50,  5.3 100/100, 1.3 300/250  → total 1000/900
  C: 1.1 0/0,     2.1 0/0                                → total 0/0
  D: 1.1 100/100, 2.2 100/80                             → total 200/180
Tahun 2023: A: 1.1 100/100, 2.1 100/50                   → total 200/150
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from p3pd import apbdes
from p3pd.apbdes import (
    BATAS_30_PERSEN,
    STATUS_BATAS,
    batas_30_persen,
    belanja_per_kapita,
    porsi_layanan_dasar,
    realisasi,
    referensi_sub_bidang,
    ringkasan_apbdes,
    uang_vs_kesenjangan,
)
from p3pd.galat import DataTidakValid
from p3pd.skema import LAYANAN

A, B, C, D = "33.22.01.2001", "33.22.01.2002", "33.22.02.2001", "12.07.01.2001"


def _belanja() -> pd.DataFrame:
    baris = [
        (A, 2024, "1.1", 300, 300),
        (A, 2024, "2.1", 200, 100),
        (A, 2024, "2.2", 100, 100),
        (A, 2024, "2.3", 400, 300),
        (B, 2024, "1.1", 500, 500),
        (B, 2024, "2.4", 100, 50),
        (B, 2024, "5.3", 100, 100),
        (B, 2024, "1.3", 300, 250),
        (C, 2024, "1.1", 0, 0),
        (C, 2024, "2.1", 0, 0),
        (D, 2024, "1.1", 100, 100),
        (D, 2024, "2.2", 100, 80),
        (A, 2023, "1.1", 100, 100),
        (A, 2023, "2.1", 100, 50),
    ]
    return pd.DataFrame(
        baris, columns=["kode_desa", "tahun", "kode_sub_bidang", "anggaran", "realisasi"]
    )


def _penduduk() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode_desa": [A, B, C, D, A, "33.22.09.2999"],  # desa terakhir tidak berbelanja
            "tahun": [2024, 2024, 2024, 2024, 2023, 2024],
            "jumlah_penduduk": [100, 300, 50, 80, 100, 1_000_000],
        }
    )


def _baris(df: pd.DataFrame, kode: str, tahun: int = 2024) -> pd.Series:
    pilih = df[(df["kode_wilayah"] == kode) & (df["tahun"] == tahun)]
    assert len(pilih) == 1, f"harus tepat satu baris untuk {kode} {tahun}"
    return pilih.iloc[0]


# --- Referensi ----------------------------------------------------------------------------


def test_referensi_sub_bidang() -> None:
    ref = referensi_sub_bidang()
    assert len(ref) == 27
    peta = ref.dropna(subset=["layanan"]).set_index("kode_sub_bidang")["layanan"].to_dict()
    assert peta == {
        "1.3": "adminduk",
        "2.1": "pendidikan",
        "2.2": "kesehatan",
        "2.4": "air_sanitasi",
        "5.3": "jaminan_sosial",
    }
    ref.loc[0, "nama_sub_bidang"] = "diubah"  # salinan: referensi tersimpan tidak berubah
    assert referensi_sub_bidang().loc[0, "nama_sub_bidang"] != "diubah"


# --- Porsi layanan dasar ------------------------------------------------------------------


def test_porsi_layanan_dasar_desa() -> None:
    hasil = porsi_layanan_dasar(_belanja(), "desa", tahun=2024)
    assert list(hasil.columns) == [
        "kode_wilayah",
        "tahun",
        "total_belanja",
        "belanja_layanan_dasar",
        "porsi_layanan_dasar",
        "porsi_pendidikan",
        "porsi_kesehatan",
        "porsi_air_sanitasi",
        "porsi_jaminan_sosial",
        "porsi_adminduk",
        "belanja_pendidikan",
        "belanja_kesehatan",
        "belanja_air_sanitasi",
        "belanja_jaminan_sosial",
        "belanja_adminduk",
    ]
    assert hasil["kode_wilayah"].tolist() == [D, A, B, C]  # urut menurut kode
    a, b, c, d = (_baris(hasil, k) for k in (A, B, C, D))
    assert a["total_belanja"] == 800 and a["belanja_layanan_dasar"] == 200
    assert a["porsi_layanan_dasar"] == pytest.approx(25.0)
    assert a["porsi_pendidikan"] == pytest.approx(12.5)
    assert a["porsi_kesehatan"] == pytest.approx(12.5)
    assert a["porsi_air_sanitasi"] == 0
    assert b["porsi_layanan_dasar"] == pytest.approx(400 / 900 * 100)
    assert b["porsi_air_sanitasi"] == pytest.approx(50 / 900 * 100)
    assert b["porsi_jaminan_sosial"] == pytest.approx(100 / 900 * 100)
    assert b["porsi_adminduk"] == pytest.approx(250 / 900 * 100)
    assert b["belanja_adminduk"] == 250
    assert np.isnan(c["porsi_layanan_dasar"]) and np.isnan(c["porsi_pendidikan"])  # total nol
    assert d["porsi_layanan_dasar"] == pytest.approx(80 / 180 * 100)


def test_porsi_layanan_dasar_anggaran() -> None:
    a = _baris(porsi_layanan_dasar(_belanja(), tahun=2024, nilai="anggaran"), A)
    assert a["total_belanja"] == 1000
    assert a["porsi_layanan_dasar"] == pytest.approx(30.0)


def test_kecamatan_jumlahkan_dulu_baru_bagi() -> None:
    hasil = porsi_layanan_dasar(_belanja(), "kecamatan", tahun=2024)
    kec = _baris(hasil, "33.22.01")
    assert kec["jumlah_desa"] == 2
    assert kec["total_belanja"] == 1700 and kec["belanja_layanan_dasar"] == 600
    assert kec["porsi_layanan_dasar"] == pytest.approx(600 / 1700 * 100)  # 35,29 %
    rata_rata_porsi_desa = (25.0 + 400 / 900 * 100) / 2  # 34,72 %: cara yang keliru
    assert kec["porsi_layanan_dasar"] != pytest.approx(rata_rata_porsi_desa, abs=0.1)
    assert np.isnan(_baris(hasil, "33.22.02")["porsi_layanan_dasar"])
    assert hasil["kode_wilayah"].tolist() == ["12.07.01", "33.22.01", "33.22.02"]


def test_kabupaten_dan_provinsi_dari_awalan_kode() -> None:
    kab = porsi_layanan_dasar(_belanja(), "kabupaten", tahun=2024)
    assert kab["kode_wilayah"].tolist() == ["12.07", "33.22"]
    assert kab["jumlah_desa"].tolist() == [1, 3]
    assert _baris(kab, "33.22")["porsi_layanan_dasar"] == pytest.approx(600 / 1700 * 100)
    prov = porsi_layanan_dasar(_belanja(), "provinsi")
    assert sorted(zip(prov["kode_wilayah"], prov["tahun"], strict=True)) == [
        ("12", 2024),
        ("33", 2023),
        ("33", 2024),
    ]
    assert _baris(prov, "12")["porsi_kesehatan"] == pytest.approx(80 / 180 * 100)
    assert _baris(prov, "33", 2023)["porsi_layanan_dasar"] == pytest.approx(50 / 150 * 100)


def test_saringan_tahun() -> None:
    semua = porsi_layanan_dasar(_belanja())
    assert sorted(semua["tahun"].unique().tolist()) == [2023, 2024]
    assert len(semua) == 5
    t2023 = porsi_layanan_dasar(_belanja(), tahun=2023)
    assert t2023["kode_wilayah"].tolist() == [A]
    assert t2023["porsi_layanan_dasar"].iloc[0] == pytest.approx(50 / 150 * 100)
    daftar = porsi_layanan_dasar(_belanja(), tahun=[2023, 2024])
    pd.testing.assert_frame_equal(daftar, semua)
    assert pd.api.types.is_integer_dtype(semua["tahun"])
    with pytest.raises(DataTidakValid, match=r"tahun 2025.*Tahun yang ada: 2023, 2024"):
        porsi_layanan_dasar(_belanja(), tahun=2025)


# --- Batas 30 % (PP 11/2019) ---------------------------------------------------------------
#
# Rincian kegiatan 1.1 tahun 2024 (anggaran/realisasi):
#   A (1.1 = 300 dari total 1000): 1.1.01 60/60, 1.1.02 150/150, 1.1.04 60/60, 1.1.07 30/30
#       → dibatasi 210 = 21 %; seluruh 1.1 = 30 % (tepat batas, bukan indikasi)
#   B (1.1 = 500 dari 1000): 1.1.01 80/80, 1.1.02 170/170, 1.1.04 150/150, 1.1.05 20/20,
#       1.1.07 80/80 → dibatasi 270 = 27 % (memenuhi) walau seluruh 1.1 = 50 % (indikasi)
#   D (1.1 = 100 dari 200): 1.1.02 70/70, 1.1.05 10/10, 1.1.06 20/20 → dibatasi 80 = 40 %
#   C: tanpa rincian (dan total nol).


def _kegiatan() -> pd.DataFrame:
    baris = [
        (A, 2024, "1.1.01", 60, 60),
        (A, 2024, "1.1.02", 150, 150),
        (A, 2024, "1.1.04", 60, 60),
        (A, 2024, "1.1.07", 30, 30),
        (B, 2024, "1.1.01", 80, 80),
        (B, 2024, "1.1.02", 170, 170),
        (B, 2024, "1.1.04", 150, 150),
        (B, 2024, "1.1.05", 20, 20),
        (B, 2024, "1.1.07", 80, 80),
        (D, 2024, "1.1.02", 70, 70),
        (D, 2024, "1.1.05", 10, 10),
        (D, 2024, "1.1.06", 20, 20),
    ]
    return pd.DataFrame(
        baris, columns=["kode_desa", "tahun", "kode_kegiatan", "anggaran", "realisasi"]
    )


def test_kegiatan_dibatasi_menurut_pp_11_2019() -> None:
    assert BATAS_30_PERSEN == 30.0
    # siltap dan tunjangan kades/perangkat, tunjangan BPD; bukan operasional atau RT/RW
    assert apbdes.kegiatan_dibatasi() == ("1.1.01", "1.1.02", "1.1.05")


def test_batas_dihitung_dari_rincian_kegiatan_bukan_seluruh_1_1() -> None:
    hasil = batas_30_persen(_belanja(), _kegiatan(), tahun=2024)  # bawaan: anggaran
    assert list(hasil.columns) == [
        "kode_wilayah",
        "tahun",
        "total_belanja",
        "belanja_1_1",
        "porsi_1_1",
        "indikasi",
        "belanja_dibatasi",
        "porsi_dibatasi",
        "melebihi_batas",
        "status",
    ]
    a, b, c, d = (_baris(hasil, k) for k in (A, B, C, D))
    # B: seluruh 1.1 = 50 % (cara lama: "melebihi batas"), tetapi pos yang dibatasi 27 %
    assert b["porsi_1_1"] == pytest.approx(50.0) and b["indikasi"]
    assert b["porsi_dibatasi"] == pytest.approx(27.0) and not b["melebihi_batas"]
    assert b["status"] == STATUS_BATAS["memenuhi"]
    # A: seluruh 1.1 tepat 30 % bukan indikasi; dibatasi 21 %
    assert a["porsi_1_1"] == 30.0 and not a["indikasi"]
    assert a["porsi_dibatasi"] == pytest.approx(21.0) and not a["melebihi_batas"]
    # D: pos yang dibatasi 40 % (operasional BPD 1.1.06 tidak dihitung)
    assert d["belanja_dibatasi"] == 80 and d["porsi_dibatasi"] == pytest.approx(40.0)
    assert d["melebihi_batas"] and d["status"] == STATUS_BATAS["melebihi"]
    # C: anggaran nol
    assert np.isnan(c["porsi_1_1"]) and not c["melebihi_batas"]
    assert c["status"] == STATUS_BATAS["tanpa_data"]
    assert hasil["melebihi_batas"].dtype == bool and hasil["indikasi"].dtype == bool


def test_tanpa_rincian_hanya_indikasi_tidak_pernah_melebihi() -> None:
    hasil = batas_30_persen(_belanja(), tahun=2024)
    assert not hasil["melebihi_batas"].any()
    assert hasil["porsi_dibatasi"].isna().all()
    b, a = _baris(hasil, B), _baris(hasil, A)
    assert b["indikasi"] and b["status"] == STATUS_BATAS["indikasi"]
    assert a["status"] == STATUS_BATAS["memenuhi"]  # seluruh 1.1 ≤ 30 %: pasti memenuhi


def test_daftar_kegiatan_dibatasi_dapat_diganti() -> None:
    # Bila petunjuk kabupaten juga membatasi operasional BPD (1.1.06): D = 100/200 = 50 %.
    hasil = batas_30_persen(
        _belanja(), _kegiatan(), tahun=2024, dibatasi=["1.1.01", "1.1.02", "1.1.05", "1.1.06"]
    )
    assert _baris(hasil, D)["porsi_dibatasi"] == pytest.approx(50.0)


def test_batas_bebas_galat_pembulatan() -> None:
    # 3/10*100 = 30.000000000000004 dalam float; porsi dan bendera harus tetap tepat 30 %.
    df = pd.DataFrame(
        {
            "kode_desa": [A, A, B, B],
            "tahun": [2024] * 4,
            "kode_sub_bidang": ["1.1", "2.3", "1.1", "2.3"],
            "anggaran": [3, 7, 300_001, 699_999],
            "realisasi": [3, 7, 300_001, 699_999],
        }
    )
    keg = pd.DataFrame(
        {
            "kode_desa": [A, B],
            "tahun": [2024, 2024],
            "kode_kegiatan": ["1.1.02", "1.1.02"],
            "anggaran": [3, 300_001],
            "realisasi": [3, 300_001],
        }
    )
    hasil = batas_30_persen(df, keg)
    assert _baris(hasil, A)["porsi_dibatasi"] == 30.0
    assert not _baris(hasil, A)["melebihi_batas"]
    assert _baris(hasil, B)["melebihi_batas"]  # 30,0001 %


def test_batas_kecamatan_dan_realisasi() -> None:
    hasil = batas_30_persen(_belanja(), _kegiatan(), "kecamatan", tahun=2024)
    assert list(hasil.columns)[-3:] == [
        "jumlah_desa_indikasi",
        "jumlah_desa_melebihi_batas",
        "jumlah_desa_tanpa_rincian",
    ]
    kec = _baris(hasil, "33.22.01")
    assert kec["porsi_1_1"] == pytest.approx(40.0)  # 800 / 2000
    assert kec["porsi_dibatasi"] == pytest.approx(24.0)  # (210 + 270) / 2000
    assert kec["indikasi"] and not kec["melebihi_batas"]
    assert kec["jumlah_desa_indikasi"] == 1  # hanya B; A tepat 30 %
    assert kec["jumlah_desa_melebihi_batas"] == 0
    prov = _baris(batas_30_persen(_belanja(), _kegiatan(), "provinsi", tahun=2024), "12")
    assert prov["jumlah_desa_melebihi_batas"] == 1  # D
    # C (total nol) tidak dihitung sebagai tanpa rincian
    assert _baris(hasil, "33.22.02")["jumlah_desa_tanpa_rincian"] == 0
    nyata = batas_30_persen(_belanja(), _kegiatan(), tahun=2024, nilai="realisasi")
    assert _baris(nyata, A)["porsi_dibatasi"] == pytest.approx(210 / 800 * 100)


def test_rincian_harus_sama_dengan_baris_1_1() -> None:
    keg = _kegiatan()
    keg.loc[0, "anggaran"] = 61
    with pytest.raises(DataTidakValid, match=r"33\.22\.01\.2001 \(2024\)"):
        batas_30_persen(_belanja(), keg, tahun=2024)
    keg = _kegiatan()
    keg.loc[0, "kode_kegiatan"] = "2.4.01"
    with pytest.raises(DataTidakValid, match="sub-bidang 1.1"):
        batas_30_persen(_belanja(), keg, tahun=2024)


def test_batas_dari_data_latihan_sama_dengan_hitungan_pandas() -> None:
    """Hitung ulang batas dari baris kegiatan data latihan dengan pandas biasa."""
    from p3pd import muat

    belanja, keg = muat.muat_belanja(), muat.muat_tabel("belanja_kegiatan")
    belanja, keg = belanja[belanja["tahun"] == 2024], keg[keg["tahun"] == 2024]
    total = belanja.groupby("kode_desa")["anggaran"].sum()
    kena = keg[keg["kode_kegiatan"].isin(["1.1.01", "1.1.02", "1.1.05"])]
    porsi = kena.groupby("kode_desa")["anggaran"].sum() / total * 100
    satu = belanja[belanja["kode_sub_bidang"] == "1.1"].set_index("kode_desa")["anggaran"]
    hasil = batas_30_persen(belanja, keg).set_index("kode_wilayah")
    pd.testing.assert_series_equal(
        hasil["porsi_dibatasi"], porsi.reindex(hasil.index), check_names=False
    )
    assert (hasil["melebihi_batas"] == (porsi.reindex(hasil.index) > 30)).all()
    # Pelajarannya: jauh lebih banyak desa berindikasi (seluruh 1.1 > 30 %) daripada melebihi.
    lama = (satu / total * 100).reindex(hasil.index) > 30
    assert lama.sum() > 5 * hasil["melebihi_batas"].sum() > 0
    assert not (hasil["melebihi_batas"] & ~hasil["indikasi"]).any()


# --- Per kapita ---------------------------------------------------------------------------


def test_belanja_per_kapita_desa_dan_agregat() -> None:
    desa = belanja_per_kapita(_belanja(), _penduduk(), tahun=2024)
    assert list(desa.columns) == [
        "kode_wilayah",
        "tahun",
        "belanja_layanan_dasar",
        "jumlah_penduduk",
        "belanja_layanan_dasar_per_kapita",
    ]
    assert _baris(desa, A)["belanja_layanan_dasar_per_kapita"] == pytest.approx(2.0)
    assert _baris(desa, B)["belanja_layanan_dasar_per_kapita"] == pytest.approx(400 / 300)
    assert _baris(desa, C)["belanja_layanan_dasar_per_kapita"] == 0.0
    kec = belanja_per_kapita(_belanja(), _penduduk(), "kecamatan", tahun=2024)
    k = _baris(kec, "33.22.01")
    assert k["jumlah_penduduk"] == 400
    assert k["belanja_layanan_dasar_per_kapita"] == pytest.approx(1.5)  # bukan rata-rata 1,67
    kab = belanja_per_kapita(_belanja(), _penduduk(), "kabupaten", tahun=2024)
    # Desa di tabel penduduk yang tidak berbelanja (33.22.09.2999) tidak ikut dihitung.
    assert _baris(kab, "33.22")["jumlah_penduduk"] == 450
    assert _baris(kab, "33.22")["belanja_layanan_dasar_per_kapita"] == pytest.approx(600 / 450)


def test_belanja_per_kapita_penduduk_nol_dan_tidak_lengkap() -> None:
    pend = _penduduk()
    pend.loc[pend["kode_desa"] == C, "jumlah_penduduk"] = 0
    desa = belanja_per_kapita(_belanja(), pend, tahun=2024)
    assert np.isnan(_baris(desa, C)["belanja_layanan_dasar_per_kapita"])
    # Data sebagian: desa tanpa baris penduduk atau dengan sel kosong → "tidak ada data" (NaN).
    kurang = _penduduk()[lambda d: d["kode_desa"] != B]
    desa = belanja_per_kapita(_belanja(), kurang, tahun=2024)
    assert np.isnan(_baris(desa, B)["belanja_layanan_dasar_per_kapita"])
    assert _baris(desa, A)["belanja_layanan_dasar_per_kapita"] == pytest.approx(2.0)
    kec = belanja_per_kapita(_belanja(), kurang, "kecamatan", tahun=2024)
    assert np.isnan(_baris(kec, "33.22.01")["belanja_layanan_dasar_per_kapita"])
    kosong = _penduduk().astype({"jumlah_penduduk": "float64"})
    kosong.loc[kosong["kode_desa"] == A, "jumlah_penduduk"] = np.nan
    desa = belanja_per_kapita(_belanja(), kosong, tahun=2024)
    assert np.isnan(_baris(desa, A)["jumlah_penduduk"])
    assert _baris(desa, B)["belanja_layanan_dasar_per_kapita"] == pytest.approx(400 / 300)
    with pytest.raises(DataTidakValid, match="negatif"):
        belanja_per_kapita(_belanja(), _penduduk().assign(jumlah_penduduk=-1))
    ganda = pd.concat([_penduduk(), _penduduk().iloc[[0]]], ignore_index=True)
    with pytest.raises(DataTidakValid, match=r"baris 2, 8: baris ganda di tabel penduduk"):
        belanja_per_kapita(_belanja(), ganda)
    with pytest.raises(DataTidakValid, match="jumlah_penduduk"):
        belanja_per_kapita(_belanja(), _penduduk().drop(columns="jumlah_penduduk"))


# --- Realisasi ----------------------------------------------------------------------------


def test_realisasi() -> None:
    hasil = realisasi(_belanja(), tahun=2024)
    assert list(hasil.columns) == [
        "kode_wilayah",
        "tahun",
        "total_anggaran",
        "total_realisasi",
        "persen_realisasi",
        "anggaran_layanan_dasar",
        "realisasi_layanan_dasar",
        "persen_realisasi_layanan_dasar",
    ]
    a = _baris(hasil, A)
    assert a["persen_realisasi"] == pytest.approx(80.0)
    assert a["anggaran_layanan_dasar"] == 300 and a["realisasi_layanan_dasar"] == 200
    assert a["persen_realisasi_layanan_dasar"] == pytest.approx(200 / 300 * 100)
    assert _baris(hasil, B)["persen_realisasi_layanan_dasar"] == pytest.approx(80.0)
    assert np.isnan(_baris(hasil, C)["persen_realisasi"])  # anggaran nol → NaN
    kec = _baris(realisasi(_belanja(), "kecamatan", tahun=2024), "33.22.01")
    assert kec["persen_realisasi"] == pytest.approx(85.0)  # 1700 / 2000


# --- Ringkasan ----------------------------------------------------------------------------


def test_ringkasan_sama_dengan_fungsi_tunggal() -> None:
    for tingkat in apbdes.TINGKAT:
        ring = ringkasan_apbdes(_belanja(), _penduduk(), tingkat)
        kunci = ["kode_wilayah", "tahun"]
        porsi = porsi_layanan_dasar(_belanja(), tingkat)
        siltap = batas_30_persen(_belanja(), None, tingkat)  # anggaran
        kapita = belanja_per_kapita(_belanja(), _penduduk(), tingkat)
        real = realisasi(_belanja(), tingkat)
        for sumber, kolom in [
            (porsi, ["belanja_layanan_dasar", "porsi_layanan_dasar", "porsi_adminduk"]),
            (siltap, ["porsi_1_1", "indikasi", "porsi_dibatasi", "melebihi_batas"]),
            (kapita, ["jumlah_penduduk", "belanja_layanan_dasar_per_kapita"]),
            (real, ["total_anggaran", "total_realisasi", "persen_realisasi"]),
        ]:
            pd.testing.assert_frame_equal(ring[kunci + kolom], sumber[kunci + kolom])
        if tingkat != "desa":
            assert ring["jumlah_desa_indikasi"].tolist() == (
                siltap["jumlah_desa_indikasi"].tolist()
            )


def test_ringkasan_kolom_tetap() -> None:
    ring = ringkasan_apbdes(_belanja(), _penduduk(), "kecamatan", tahun=2024)
    assert list(ring.columns) == [
        "kode_wilayah",
        "tahun",
        "jumlah_desa",
        "total_anggaran",
        "total_realisasi",
        "persen_realisasi",
        "belanja_layanan_dasar",
        "porsi_layanan_dasar",
        "porsi_pendidikan",
        "porsi_kesehatan",
        "porsi_air_sanitasi",
        "porsi_jaminan_sosial",
        "porsi_adminduk",
        "porsi_1_1",
        "indikasi",
        "porsi_dibatasi",
        "melebihi_batas",
        "jumlah_desa_indikasi",
        "jumlah_desa_melebihi_batas",
        "jumlah_penduduk",
        "belanja_layanan_dasar_per_kapita",
    ]
    desa = ringkasan_apbdes(_belanja(), _penduduk(), "desa", tahun=2024)
    assert "jumlah_desa" not in desa.columns
    assert "jumlah_desa_melebihi_batas" not in desa.columns


# --- Jenis masukan ------------------------------------------------------------------------


def test_masukan_tidak_diubah() -> None:
    belanja, penduduk = _belanja(), _penduduk()
    salin_b, salin_p = belanja.copy(), penduduk.copy()
    ringkasan_apbdes(belanja, penduduk, "kecamatan", tahun=2024)
    pd.testing.assert_frame_equal(belanja, salin_b)
    pd.testing.assert_frame_equal(penduduk, salin_p)


def test_kategori_dan_kode_sub_bidang_angka_dari_csv() -> None:
    harapan = ringkasan_apbdes(_belanja(), _penduduk(), "kecamatan")
    kategori = _belanja().astype({"kode_desa": "category", "kode_sub_bidang": "category"})
    pd.testing.assert_frame_equal(ringkasan_apbdes(kategori, _penduduk(), "kecamatan"), harapan)
    # read_csv tanpa dtype membaca "2.1" sebagai bilangan 2.1
    dari_csv = pd.read_csv(io.StringIO(_belanja().to_csv(index=False)))
    assert pd.api.types.is_float_dtype(dari_csv["kode_sub_bidang"])
    pd.testing.assert_frame_equal(ringkasan_apbdes(dari_csv, _penduduk(), "kecamatan"), harapan)


def test_cocok_dengan_groupby_pandas_sederhana() -> None:
    rng = np.random.default_rng(3)
    kode_sub = referensi_sub_bidang()["kode_sub_bidang"].to_numpy()
    desa = [
        f"{p}.{k:02d}.{c:02d}.2{n:03d}"
        for p in ("33", "53")
        for k in (1, 2)
        for c in (1, 2, 3)
        for n in (1, 2)
    ]
    baris = [
        (d, t, s)
        for d in desa
        for t in (2023, 2024)
        for s in rng.choice(kode_sub, 8, replace=False)
    ]
    df = pd.DataFrame(baris, columns=["kode_desa", "tahun", "kode_sub_bidang"])
    df["anggaran"] = rng.integers(0, 10**9, len(df))
    df["realisasi"] = (df["anggaran"] * rng.uniform(0.5, 1, len(df))).round()
    layanan = referensi_sub_bidang().set_index("kode_sub_bidang")["layanan"]
    df2 = df.assign(
        kode_wilayah=df["kode_desa"].str[:8],
        dasar=np.where(df["kode_sub_bidang"].map(layanan).notna(), df["realisasi"], 0.0),
    )
    acuan = df2.groupby(["kode_wilayah", "tahun"])[["realisasi", "dasar"]].sum()
    acuan = (acuan["dasar"] / acuan["realisasi"] * 100).rename("porsi_layanan_dasar").reset_index()
    hasil = porsi_layanan_dasar(df, "kecamatan")
    pd.testing.assert_frame_equal(
        hasil[["kode_wilayah", "tahun", "porsi_layanan_dasar"]], acuan, check_dtype=False
    )


# --- Masukan salah ------------------------------------------------------------------------


def test_kolom_wajib_hilang() -> None:
    with pytest.raises(DataTidakValid, match="kolom 'realisasi'.*wajib"):
        porsi_layanan_dasar(_belanja().drop(columns="realisasi"))


def test_rupiah_berupa_teks() -> None:
    df = _belanja().astype({"anggaran": str})
    with pytest.raises(DataTidakValid, match="kolom 'anggaran'.*angka"):
        realisasi(df)


def test_sel_kosong_dan_negatif_menyebut_baris_berkas() -> None:
    df = _belanja().astype({"realisasi": "float64"})
    df.loc[2, "realisasi"] = np.nan  # indeks 2 = baris 4 di berkas (judul = baris 1)
    with pytest.raises(DataTidakValid, match=r"kolom 'realisasi', baris 4: .*sel kosong"):
        porsi_layanan_dasar(df)
    df = _belanja()
    df.loc[5, "anggaran"] = -1
    with pytest.raises(DataTidakValid, match=r"kolom 'anggaran', baris 7: .*negatif"):
        batas_30_persen(df)


def test_kode_sub_bidang_tidak_dikenal() -> None:
    df = _belanja()
    df.loc[3, "kode_sub_bidang"] = "9.9"
    with pytest.raises(DataTidakValid, match=r"kode_sub_bidang', baris 5: .*'9\.9'"):
        porsi_layanan_dasar(df)


def test_kode_desa_salah_pola() -> None:
    df = _belanja()
    df.loc[[0, 1], "kode_desa"] = "3322012001"
    with pytest.raises(DataTidakValid, match=r"kode_desa', baris 2, 3: .*'3322012001'"):
        porsi_layanan_dasar(df, "kecamatan")


def test_baris_ganda() -> None:
    df = pd.concat([_belanja(), _belanja().iloc[[4]]], ignore_index=True)
    with pytest.raises(DataTidakValid, match=r"baris 6, 16: baris ganda"):
        porsi_layanan_dasar(df)


def test_tabel_belanja_kosong_memberi_hasil_kosong_berkolom() -> None:
    """Data sendiri tanpa APBDes: tabel tanpa baris → hasil tanpa baris dengan kolom yang sama."""
    kosong = _belanja().iloc[0:0]
    for tingkat in ("desa", "kecamatan"):
        for fungsi, kolom in [
            (porsi_layanan_dasar, "porsi_layanan_dasar"),
            (realisasi, "persen_realisasi"),
            (batas_30_persen, "melebihi_batas"),
        ]:
            hasil = fungsi(kosong, tingkat=tingkat, tahun=2024)
            penuh = fungsi(_belanja(), tingkat=tingkat, tahun=2024)
            assert hasil.empty and list(hasil.columns) == list(penuh.columns)
            assert kolom in hasil.columns
        hasil = belanja_per_kapita(kosong, _penduduk(), tingkat, tahun=2024)
        assert hasil.empty and "belanja_layanan_dasar_per_kapita" in hasil.columns
    # tabel berisi tetapi tahunnya tidak ada tetap kesalahan yang menyebut tahun yang ada
    with pytest.raises(DataTidakValid, match=r"tahun 2030.*Tahun yang ada: 2023, 2024"):
        realisasi(_belanja(), tahun=2030)


def test_tingkat_dan_nilai_salah() -> None:
    with pytest.raises(ValueError, match="Tingkat 'kota' tidak dikenal"):
        porsi_layanan_dasar(_belanja(), "kota")
    with pytest.raises(ValueError, match="nilai harus"):
        porsi_layanan_dasar(_belanja(), nilai="pagu")
    with pytest.raises(TypeError, match="DataFrame"):
        porsi_layanan_dasar([1, 2, 3])  # type: ignore[arg-type]


# --- Uang dan kesenjangan -----------------------------------------------------------------
#
# Indikator 2024 (angka dipilih agar kesenjangan mudah dihitung; target dari p3pd.indikator):
#   A: stunting 20 % (target 14 → 6 poin), air minum 90 % (target 100 → 10),
#      bansos 50 % (target 100 → 50); penduduk miskin 90 % (tanpa target, tidak dihitung)
#   B: stunting 10 % (0), IDL 85 % (10), persalinan fasyankes 80 % (20), balita SPM 90 % (10)
#   C: kesehatan jauh dari target (belanjanya nol, jadi "tanpa data")
#   D: IDL tanpa anak 12–23 bulan (capaian kosong), selebihnya tercapai
# Belanja kesehatan (realisasi, lihat _belanja): A 100/800, B 0/900, C 0/0, D 80/180.


def _indikator() -> pd.DataFrame:
    baik = {
        "jumlah_penduduk": 1000,
        "jumlah_rumah_tangga": 100,
        "jumlah_keluarga_miskin": 10,
        "balita_diukur": 100,
        "balita_stunting": 0,
        "anak_12_23_bulan": 100,
        "anak_idl": 100,
        "persalinan": 10,
        "persalinan_fasyankes": 10,
        "ibu_hamil_sasaran": 10,
        "ibu_hamil_dilayani": 10,
        "balita_sasaran": 100,
        "balita_dilayani": 100,
        "anak_7_12": 100,
        "anak_7_12_sekolah_sd": 100,
        "anak_13_15": 100,
        "anak_13_15_sekolah_smp": 100,
        "anak_7_18": 100,
        "anak_tidak_sekolah": 0,
        "anak_3_6": 100,
        "anak_3_6_paud": 100,
        "rt_air_minum_layak": 100,
        "rt_sanitasi_layak": 100,
        "rt_babs": 0,
        "penduduk_miskin": 50,
        "peserta_jkn": 1000,
        "keluarga_miskin_bansos": 10,
        "anak_0_17": 100,
        "anak_0_17_akta": 100,
        "wajib_ktp": 100,
        "wajib_ktp_rekam": 100,
    }
    ubah = {
        A: {
            "balita_stunting": 20,
            "rt_air_minum_layak": 90,
            "keluarga_miskin_bansos": 5,
            "penduduk_miskin": 900,
        },
        B: {
            "anak_idl": 85,
            "persalinan_fasyankes": 8,
            "balita_dilayani": 90,
            "balita_stunting": 10,
        },
        C: {
            "balita_stunting": 30,
            "anak_idl": 75,
            "persalinan_fasyankes": 6,
            "balita_dilayani": 50,
        },
        D: {"anak_12_23_bulan": 0, "anak_idl": 0},
    }
    baris = [{"kode_desa": k, "tahun": 2024} | baik | ubah[k] for k in (A, B, C, D)]
    baris.append({"kode_desa": A, "tahun": 2023} | baik)
    return pd.DataFrame(baris)


def _desa() -> pd.DataFrame:
    return pd.DataFrame({"kode_desa": [A, B, C, D], "nama_desa": ["Alfa", "Beta", "Gama", "Delta"]})


def _per_desa(df: pd.DataFrame, kode: str) -> pd.Series:
    pilih = df[df["kode_desa"] == kode]
    assert len(pilih) == 1, f"harus tepat satu baris untuk {kode}"
    return pilih.iloc[0]


def test_uang_vs_kesenjangan_satu_layanan() -> None:
    hasil = uang_vs_kesenjangan(_belanja(), _indikator(), "kesehatan")  # tahun terakhir: 2024
    assert list(hasil.columns) == [
        "kode_desa",
        "tahun",
        "layanan",
        "kesenjangan",
        "indikator_belum_tercapai",
        "jumlah_indikator",
        "belanja",
        "total_belanja",
        "porsi_belanja",
        "kelompok",
        "perlu_ditelaah",
    ]
    assert hasil["kode_desa"].tolist() == [D, A, B, C]
    assert set(hasil["tahun"]) == {2024} and set(hasil["layanan"]) == {"kesehatan"}
    a, b, c, d = (_per_desa(hasil, k) for k in (A, B, C, D))
    # A: hanya stunting (6 poin) dari 5 indikator kesehatan; air minum dan bansos tidak ikut.
    assert a["kesenjangan"] == pytest.approx(6 / 5)
    assert a["indikator_belum_tercapai"] == 1 and a["jumlah_indikator"] == 5
    assert a["belanja"] == 100 and a["total_belanja"] == 800
    assert a["porsi_belanja"] == pytest.approx(12.5)
    # B: stunting 10 % sudah di bawah target 14 % → 0, bukan −4.
    assert b["kesenjangan"] == pytest.approx((0 + 10 + 20 + 0 + 10) / 5)
    assert b["indikator_belum_tercapai"] == 3
    assert b["porsi_belanja"] == 0
    # D: IDL tanpa data dilewati (4 indikator, semuanya tercapai).
    assert d["kesenjangan"] == 0 and d["jumlah_indikator"] == 4
    assert d["porsi_belanja"] == pytest.approx(80 / 180 * 100)
    # Batas bawaan = median desa yang lengkap (A, B, D): kesenjangan 1,2; porsi 12,5 %.
    assert a["kelompok"] == "kesenjangan kecil, porsi besar"  # tepat di median: bukan besar/kecil
    assert b["kelompok"] == "kesenjangan besar, porsi kecil" and b["perlu_ditelaah"]
    assert d["kelompok"] == "kesenjangan kecil, porsi besar"
    assert c["kesenjangan"] == pytest.approx((16 + 20 + 40 + 0 + 50) / 5)
    assert np.isnan(c["porsi_belanja"]) and c["kelompok"] == "tanpa data"
    assert hasil["perlu_ditelaah"].tolist() == [False, False, True, False]
    assert hasil["perlu_ditelaah"].dtype == bool


def test_uang_vs_kesenjangan_semua_layanan_berbobot_sama() -> None:
    hasil = uang_vs_kesenjangan(_belanja(), _indikator(), "semua", tahun=2024)
    assert set(hasil["layanan"]) == {"semua"}
    a = _per_desa(hasil, A)
    # Rata-rata per layanan dulu: kesehatan 6/5, pendidikan 0, air & sanitasi 10/3,
    # jaminan sosial 50/2 (penduduk miskin tanpa target tidak dihitung), adminduk 0.
    assert a["kesenjangan"] == pytest.approx((6 / 5 + 0 + 10 / 3 + 50 / 2 + 0) / 5)
    assert a["indikator_belum_tercapai"] == 3 and a["jumlah_indikator"] == 16
    assert a["belanja"] == 200 and a["porsi_belanja"] == pytest.approx(25.0)
    b = _per_desa(hasil, B)
    assert b["porsi_belanja"] == pytest.approx(400 / 900 * 100)
    pd.testing.assert_frame_equal(uang_vs_kesenjangan(_belanja(), _indikator(), None), hasil)


def test_uang_vs_kesenjangan_wilayah_batas_nilai_dan_nama() -> None:
    kec = uang_vs_kesenjangan(_belanja(), _indikator(), "kesehatan", wilayah="332201")
    assert kec["kode_desa"].tolist() == [A, B]  # kode tanpa titik diseragamkan
    # median dua desa: kesenjangan 4,6 dan porsi 6,25 %
    assert kec["kelompok"].tolist() == [
        "kesenjangan kecil, porsi besar",
        "kesenjangan besar, porsi kecil",
    ]
    tetap = uang_vs_kesenjangan(
        _belanja(), _indikator(), "kesehatan", batas_kesenjangan=0.5, batas_porsi=20
    )
    assert tetap.set_index("kode_desa")["perlu_ditelaah"].to_dict() == {
        D: False,
        A: True,
        B: True,
        C: False,
    }
    pagu = uang_vs_kesenjangan(_belanja(), _indikator(), "kesehatan", nilai="anggaran")
    assert _per_desa(pagu, A)["porsi_belanja"] == pytest.approx(10.0)  # 100 / 1000
    nama = uang_vs_kesenjangan(_belanja(), _indikator(), "kesehatan", daftar_desa=_desa())
    assert list(nama.columns[:2]) == ["kode_desa", "nama_desa"]
    assert nama["nama_desa"].tolist() == ["Delta", "Alfa", "Beta", "Gama"]
    lama = uang_vs_kesenjangan(_belanja(), _indikator(), "kesehatan", tahun=2023)
    assert lama["kode_desa"].tolist() == [A] and lama["kesenjangan"].iloc[0] == 0


def test_uang_vs_kesenjangan_masukan_tidak_diubah() -> None:
    belanja, indikator, desa = _belanja(), _indikator(), _desa()
    salinan = [belanja.copy(), indikator.copy(), desa.copy()]
    uang_vs_kesenjangan(belanja, indikator, "semua", wilayah="33.22", daftar_desa=desa)
    for asli, salin in zip([belanja, indikator, desa], salinan, strict=True):
        pd.testing.assert_frame_equal(asli, salin)


def test_uang_vs_kesenjangan_masukan_salah() -> None:
    with pytest.raises(ValueError, match=r"Layanan 'sanitasi' tidak dikenal.*air_sanitasi"):
        uang_vs_kesenjangan(_belanja(), _indikator(), "sanitasi")
    # indikator tanpa baris tahun itu: kesenjangan "tanpa data", bukan kesalahan
    lama = uang_vs_kesenjangan(
        _belanja(), _indikator()[lambda d: d["tahun"] == 2023], "kesehatan", tahun=2024
    )
    assert lama["kesenjangan"].isna().all() and (lama["kelompok"] == apbdes.TANPA_DATA).all()
    with pytest.raises(DataTidakValid, match=r"kolom 'balita_stunting'.*tabel indikator"):
        uang_vs_kesenjangan(_belanja(), _indikator().drop(columns="balita_stunting"), "kesehatan")
    # kolom pendidikan tidak diperlukan untuk layanan kesehatan
    cukup = _indikator().drop(columns=["anak_7_12", "anak_7_12_sekolah_sd"])
    assert len(uang_vs_kesenjangan(_belanja(), cukup, "kesehatan")) == 4
    with pytest.raises(DataTidakValid, match=r"awalan '63\.03'"):
        uang_vs_kesenjangan(_belanja(), _indikator(), wilayah="63.03")
    with pytest.raises(DataTidakValid, match="tidak berisi baris"):
        uang_vs_kesenjangan(_belanja().iloc[0:0], _indikator().iloc[0:0])
    with pytest.raises(ValueError, match="nilai harus"):
        uang_vs_kesenjangan(_belanja(), _indikator(), nilai="pagu")


def test_uang_vs_kesenjangan_data_sebagian() -> None:
    """Desa tanpa indikator: kesenjangan NaN; tanpa APBDes: sisi kesenjangan saja, porsi NaN."""
    tanpa_b = _indikator()[lambda d: d["kode_desa"] != B]
    hasil = uang_vs_kesenjangan(_belanja(), tanpa_b, "kesehatan", tahun=2024).set_index("kode_desa")
    assert np.isnan(hasil.loc[B, "kesenjangan"]) and hasil.loc[B, "kelompok"] == apbdes.TANPA_DATA
    assert not hasil.loc[B, "perlu_ditelaah"]
    assert hasil.loc[A, "kelompok"] != apbdes.TANPA_DATA
    # tanpa indikator berdata: "belum tercapai" tidak diketahui (NA), bukan 0
    assert (
        pd.isna(hasil.loc[B, "indikator_belum_tercapai"]) and hasil.loc[B, "jumlah_indikator"] == 0
    )
    assert hasil.loc[A, "indikator_belum_tercapai"] >= 0
    assert str(hasil["indikator_belum_tercapai"].dtype) == "Int64"

    penuh = uang_vs_kesenjangan(_belanja(), _indikator(), "kesehatan", tahun=2024)
    tanpa_apbdes = uang_vs_kesenjangan(_belanja().iloc[0:0], _indikator(), "kesehatan")
    assert list(tanpa_apbdes.columns) == list(penuh.columns)
    assert tanpa_apbdes["tahun"].unique().tolist() == [2024]  # tahun terakhir tabel indikator
    desa_2024 = sorted(_indikator().query("tahun == 2024")["kode_desa"])
    assert tanpa_apbdes["kode_desa"].tolist() == desa_2024
    assert tanpa_apbdes["porsi_belanja"].isna().all()
    assert (tanpa_apbdes["kelompok"] == apbdes.TANPA_DATA).all()
    # kesenjangan sama dengan hitungan bila APBDes ada
    sama = penuh.set_index("kode_desa")["kesenjangan"]
    ada = tanpa_apbdes.set_index("kode_desa")["kesenjangan"].reindex(sama.index)
    pd.testing.assert_series_equal(ada, sama)


def test_tabel_data_dan_ada_data_untuk_folder_sebagian(tmp_path, monkeypatch, capsys) -> None:
    """Tabel yang tidak ada → tabel kosong berkolom; kotak menyebut berkas atau baris yang tidak ada."""
    from p3pd.skema import BELANJA

    kosong = apbdes.tabel_data({}, "belanja")
    assert kosong.empty and list(kosong.columns) == BELANJA.nama_kolom
    assert pd.api.types.is_integer_dtype(kosong["anggaran"])
    assert apbdes.ada_data(_belanja(), "belanja")
    assert capsys.readouterr().out == ""

    monkeypatch.setenv("P3PD_DATA", str(tmp_path))
    assert not apbdes.ada_data(kosong, "belanja", "porsi layanan dasar")
    keluar = capsys.readouterr().out
    assert "Tidak ada data" in keluar and "apbdes_belanja.csv" in keluar
    assert "“porsi layanan dasar” dilewati" in keluar

    _belanja().to_csv(tmp_path / "apbdes_belanja.csv", index=False)
    assert not apbdes.ada_data(kosong, "belanja", "batas 30 %")
    keluar = capsys.readouterr().out
    assert "tidak memuat baris untuk kecamatan dan tahun yang dipilih" in keluar
    assert "kelurahan tidak punya APBDes" in keluar


def test_atau_tidak_ada_tabel_hilang_hasil_kosong_dan_berisi():
    from p3pd.kotak import Kotak

    kosong = pd.DataFrame({"a": []})
    kotak = apbdes.atau_tidak_ada(kosong, "belanja")
    assert isinstance(kotak, Kotak) and kotak.teks == "tidak ada data (tabel apbdes_belanja.csv)"
    # tabel dasar berisi tetapi hasilnya 0 baris: bukan "tidak ada data"
    kotak = apbdes.atau_tidak_ada(pd.Series([], dtype=int), "belanja", dasar=[1])
    assert kotak.teks == "tidak ada baris yang memenuhi syarat (0 baris)"
    assert "tidak ada data" not in kotak.teks
    isi = pd.DataFrame({"a": [1]})
    assert apbdes.atau_tidak_ada(isi, "belanja") is isi


def test_tandai_kelurahan_hanya_baris_kelurahan():
    tabel = pd.DataFrame(
        {"kode_desa": ["35.79.01.2001", "35.79.01.1002"], "porsi": ["12,0%", "tidak ada data"]}
    )
    hasil = apbdes.tandai_kelurahan(tabel, ["porsi"])
    assert hasil["porsi"].tolist() == ["12,0%", "tidak berlaku (kelurahan)"]
    assert tabel["porsi"].tolist() == ["12,0%", "tidak ada data"]  # masukan tidak diubah
    hanya_desa = tabel.iloc[:1]
    assert apbdes.tandai_kelurahan(hanya_desa, ["porsi"]) is hanya_desa


def test_teks_tabel_nama_manusia_dan_yang_tidak_ada():
    data = {"wilayah": pd.DataFrame({"x": [1]}), "indikator": pd.DataFrame({"x": []})}
    teks = apbdes.teks_tabel(data, ["belanja", "indikator", "wilayah"])
    assert teks == "Tabel: daftar desa. Tidak ada data: belanja APBDes, indikator layanan dasar."


def test_cakupan_desa_menyebut_desa_berdata_tanpa_kelurahan():
    # kecamatan di luar daftar nasional: jumlah desa dari daftar desa pengguna saja
    daftar = pd.DataFrame(
        {"kode_desa": ["99.04.03.2004", "99.04.03.2005", "99.04.03.1003", "99.04.04.2001"]}
    )
    satu = pd.DataFrame({"kode_desa": ["99.04.03.2004"]})
    assert apbdes.cakupan_desa(satu, daftar, "99.04.03") == " (1 dari 2 desa berdata)"
    dua = pd.DataFrame({"kode_desa": ["99.04.03.2004", "99.04.03.2005", "99.04.03.2005"]})
    assert apbdes.cakupan_desa(dua, daftar, "99.04.03") == ""  # kelurahan tidak dihitung
    assert apbdes.cakupan_desa(satu.iloc[:0], daftar, "99.04.03") == " (0 dari 2 desa berdata)"
    assert apbdes.cakupan_desa(satu, daftar, "99.04.09") == ""  # kecamatan tanpa desa
    # daftar desa pengguna yang sebagian (hanya Desa Lebih): jumlah desa dari daftar nasional
    # (Kecamatan Gianyar: 12 desa dan 5 kelurahan)
    lebih = pd.DataFrame({"kode_desa": ["51.04.03.2004"]})
    assert apbdes.cakupan_desa(lebih, lebih, "51.04.03", sintetis=False) == (
        " (1 dari 12 desa berdata)"
    )
    assert apbdes.cakupan_desa(lebih, lebih, "51.04.03", sintetis=True) == ""


def test_cakupan_desa_data_latihan_lengkap_di_semua_kecamatan():
    """Desa data latihan fiktif (kode tidak ada di daftar nasional): tanpa catatan cakupan."""
    from p3pd import muat

    desa, belanja = muat.muat_wilayah(), muat.muat_belanja()
    tahun = belanja[belanja["tahun"] == belanja["tahun"].max()]
    catatan = {k: apbdes.cakupan_desa(tahun, desa, k) for k in desa["kode_kecamatan"].unique()}
    assert len(catatan) == 93 and not any(catatan.values()), catatan


@pytest.mark.parametrize("kode_kec", ["33.22.01", "53.02.02", "63.03.14", "12.07.01"])
def test_uang_vs_kesenjangan_per_layanan_sama_dengan_satu_per_satu(kode_kec) -> None:
    """Versi lima layanan sekaligus (agenda) = lima panggilan terpisah, pada data latihan."""
    from p3pd import muat

    bel, ind, desa = muat.muat_belanja(), muat.muat_indikator(), muat.muat_wilayah()
    bel = bel[bel["kode_desa"].str.startswith(kode_kec + ".")]
    ind = ind[ind["kode_desa"].str.startswith(kode_kec + ".")]
    assert len(bel) and len(ind)
    sekaligus = apbdes.uang_vs_kesenjangan_per_layanan(bel, ind, tahun=2024, daftar_desa=desa)
    assert list(sekaligus) == list(LAYANAN)
    for k, hasil in sekaligus.items():
        satu = uang_vs_kesenjangan(bel, ind, k, tahun=2024, daftar_desa=desa)
        pd.testing.assert_frame_equal(hasil, satu)


def test_uang_vs_kesenjangan_per_layanan_data_sebagian() -> None:
    tanpa_b = _indikator()[lambda d: d["kode_desa"] != B]
    for bel in (_belanja(), _belanja().iloc[0:0]):
        sekaligus = apbdes.uang_vs_kesenjangan_per_layanan(bel, tanpa_b, tahun=2024)
        for k, hasil in sekaligus.items():
            pd.testing.assert_frame_equal(hasil, uang_vs_kesenjangan(bel, tanpa_b, k, tahun=2024))
