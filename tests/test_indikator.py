"""Uji modul indikator: capaian dari cacah, kesenjangan, acuan, dan target kalibrasi."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from p3pd import indikator as ind
from p3pd.skema import INDIKATOR_DESA, LAYANAN


def _data() -> pd.DataFrame:
    """Tiga desa di dua kecamatan satu kabupaten, satu tahun; angka dipilih agar mudah dihitung."""
    baris = []
    for kode, diukur, stunting in (
        ("33.22.01.2001", 100, 10),
        ("33.22.01.2002", 900, 90),
        ("33.22.02.2001", 10, 5),
    ):
        r = {k: 0 for k in INDIKATOR_DESA.nama_kolom}
        r.update(kode_desa=kode, tahun=2022, balita_diukur=diukur, balita_stunting=stunting)
        r.update(jumlah_rumah_tangga=50, rt_sanitasi_layak=40, anak_12_23_bulan=0, anak_idl=0)
        baris.append(r)
    return pd.DataFrame(baris)


def test_registri_lengkap_dan_konsisten_dengan_skema():
    kolom = set(INDIKATOR_DESA.nama_kolom)
    assert len(ind.DAFTAR_INDIKATOR) >= 17
    assert {i.layanan for i in ind.DAFTAR_INDIKATOR} == set(LAYANAN)
    for i in ind.DAFTAR_INDIKATOR:
        assert i.pembilang in kolom and i.penyebut in kolom, i.kode
        assert i.arah in ("naik", "turun")
        for a in i.acuan:
            assert a.sumber and a.jenis in ("survei", "administratif")
            assert 0 <= a.nilai <= 100


def test_capaian_kecamatan_menjumlahkan_cacah_lalu_membagi():
    hasil = ind.hitung_capaian(_data(), "kecamatan", indikator="stunting")
    kec1 = hasil.set_index("kode_wilayah").loc["33.22.01"]
    assert kec1["pembilang"] == 100 and kec1["penyebut"] == 1000
    assert kec1["capaian"] == pytest.approx(10.0)
    kab = ind.hitung_capaian(_data(), "kabupaten", indikator="stunting").iloc[0]
    assert kab["capaian"] == pytest.approx(105 / 1010 * 100)


def test_rata_rata_persentase_desa_berbeda_dari_capaian_benar():
    hasil = ind.rata_rata_keliru(_data(), "stunting", "kabupaten").iloc[0]
    assert hasil["capaian_benar"] == pytest.approx(105 / 1010 * 100)
    assert hasil["rata_rata_desa"] == pytest.approx((10 + 10 + 50) / 3)
    assert hasil["selisih"] > 10


def test_penyebut_nol_memberi_nan_bukan_galat():
    hasil = ind.hitung_capaian(_data(), "desa", indikator="imunisasi_dasar_lengkap")
    assert hasil["capaian"].isna().all()
    assert hasil["memenuhi_target"].isna().all()


def test_kesenjangan_mengikuti_arah_indikator():
    hasil = ind.hitung_capaian(_data(), "desa", indikator=["stunting", "sanitasi_layak"])
    s = hasil.set_index(["kode_wilayah", "indikator"])
    # stunting (turun, target 14): 50 % → kesenjangan 36 poin, belum memenuhi
    assert s.loc[("33.22.02.2001", "stunting"), "kesenjangan"] == pytest.approx(36.0)
    assert not s.loc[("33.22.02.2001", "stunting"), "memenuhi_target"]
    # 10 % stunting sudah di bawah target 14 → kesenjangan negatif, memenuhi
    assert s.loc[("33.22.01.2001", "stunting"), "kesenjangan"] == pytest.approx(-4.0)
    assert bool(s.loc[("33.22.01.2001", "stunting"), "memenuhi_target"])
    # sanitasi (naik, target 90): 80 % → kesenjangan 10 poin
    assert s.loc[("33.22.01.2001", "sanitasi_layak"), "kesenjangan"] == pytest.approx(10.0)


def test_bentuk_lebar_satu_kolom_per_indikator():
    lebar = ind.hitung_capaian(
        _data(), "kecamatan", indikator=["stunting", "sanitasi_layak"], bentuk="lebar"
    )
    assert list(lebar.columns) == ["kode_wilayah", "tahun", "stunting", "sanitasi_layak"]
    assert len(lebar) == 2


def test_filter_tahun_dan_tingkat_tidak_dikenal():
    data = pd.concat([_data(), _data().assign(tahun=2023, balita_stunting=0)])
    hasil = ind.hitung_capaian(data, "kabupaten", tahun=2023, indikator="stunting")
    assert list(hasil["tahun"]) == [2023] and hasil["capaian"].iloc[0] == 0
    with pytest.raises(ValueError, match="Tingkat"):
        ind.hitung_capaian(data, "dusun")


def test_indikator_tidak_dikenal_menyarankan_yang_mirip():
    with pytest.raises(KeyError, match="stunting"):
        ind.ambil_indikator("stuntng")


def test_bandingkan_acuan_memakai_tingkat_dan_tahun_acuan():
    hasil = ind.bandingkan_acuan(_data())
    kab = hasil[(hasil["indikator"] == "stunting") & (hasil["wilayah"] == "33.22")].iloc[0]
    assert kab["acuan"] == 18.7 and kab["tahun_data"] == 2022
    assert kab["capaian_data"] == pytest.approx(105 / 1010 * 100)
    assert kab["selisih"] == pytest.approx(105 / 1010 * 100 - 18.7)
    # acuan wilayah lain (mis. Kab. Banjar) tidak ikut karena tidak ada di data
    assert "63.03" not in set(hasil["wilayah"])
    assert {"ID", "33", "33.22"} <= set(hasil["wilayah"])


def test_target_kalibrasi_memilih_kabupaten_lalu_provinsi():
    t = ind.target_kalibrasi().set_index(["kode_kabupaten", "indikator"])
    assert t.loc[("33.22", "stunting"), "target"] == 18.7
    assert t.loc[("33.22", "stunting"), "tingkat_acuan"] == "kabupaten"
    assert t.loc[("53.02", "sanitasi_layak"), "target"] == 73.7
    assert t.loc[("53.02", "sanitasi_layak"), "tingkat_acuan"] == "provinsi"
    # acuan administratif tidak dipakai untuk indikator berdata survei
    assert t.loc[("33.22", "stunting"), "sumber"].startswith("Kemenkes")
    assert all(2022 <= th <= 2024 for th in t["tahun"])


def test_target_kalibrasi_hanya_acuan_sejenis_dengan_data_desa():
    t = ind.target_kalibrasi()
    jenis_data = t["indikator"].map({i.kode: i.jenis_data for i in ind.DAFTAR_INDIKATOR})
    assert (t["jenis"] == jenis_data).all()
    # IDL desa = cakupan program (administratif): dikalibrasi ke Dinkes Jateng 93,3 %, bukan ke
    # angka survei Susenas (Sumut 41,04 %; Jateng 75,46 %)
    idl = t[t["indikator"] == "imunisasi_dasar_lengkap"].set_index("kode_kabupaten")
    assert idl.loc["33.22", "target"] == 93.3 and idl.loc["33.22", "jenis"] == "administratif"
    assert "12.07" not in idl.index  # Susenas Sumut tidak pernah jadi target
    assert 41.04 not in set(t["target"]) and 75.46 not in set(t["target"])


def test_setiap_target_punya_jenis_dan_sumber_yang_benar():
    for i in ind.DAFTAR_INDIKATOR:
        assert i.jenis_target in ind.JENIS_TARGET and i.jenis_data in ind.JENIS_DATA
        assert (i.target is None) == (i.jenis_target == ind.TANPA_TARGET)
        assert i.sumber_target
    stunting = ind.INDIKATOR["stunting"]
    assert stunting.target == 14.0 and stunting.jenis_target == ind.RESMI
    assert "Perpres 72/2021" in stunting.sumber_target
    for kode in ("apm_sd", "apm_smp"):
        i = ind.INDIKATOR[kode]
        assert i.target == 100.0 and i.jenis_target == ind.SPM and "PP 2/2018" in i.sumber_target
    assert ind.INDIKATOR["partisipasi_paud"].jenis_target == ind.ASUMSI
    tabel = ind.daftar_indikator()
    assert {"jenis_target", "jenis_data", "catatan"} <= set(tabel.columns)


def test_dtks_bukan_p0_bps_dan_tanpa_acuan_p0():
    dtks = ind.INDIKATOR["penduduk_dtks"]
    assert "DTKS" in dtks.nama and "P0" in dtks.definisi
    assert dtks.acuan == () and dtks.target is None
    assert "penduduk_miskin" not in ind.INDIKATOR


def test_acuan_untuk_memilih_tahun_terdekat():
    stunting = ind.INDIKATOR["stunting"]
    assert stunting.acuan_untuk("53", 2023).nilai == 37.9
    assert stunting.acuan_untuk("53", 2022).nilai == 35.3
    assert stunting.acuan_untuk("99") is None
    assert not math.isnan(stunting.acuan_untuk("ID").nilai)


# --- pembanding sumber data, nama wilayah, tangga capaian ----------------------------------------


def _data_tangga(tahun: int = 2022) -> pd.DataFrame:
    """Seperti ``_data()``, tetapi desa kedua kecamatan 33.22.01 berstunting 20 %."""
    data = _data().assign(tahun=tahun)
    data.loc[data["kode_desa"] == "33.22.01.2002", "balita_stunting"] = 180
    return data


def test_nama_wilayah_semua_tingkat_dan_desa_dari_tabel():
    kode = pd.Series(["33", "33.22", "33.22.01", "ID", "33.22.01.2001", "99"], index=list("abcdef"))
    tanpa = ind.nama_wilayah(kode)
    assert list(tanpa.index) == list("abcdef")
    assert list(tanpa) == ["Jawa Tengah", "Kabupaten Semarang", "Getasan", "Indonesia", "", ""]
    desa = pd.DataFrame({"kode_desa": ["33.22.01.2001"], "nama_desa": ["Sukamaju"]})
    assert ind.nama_wilayah(kode, desa)["e"] == "Sukamaju"


def test_daftar_acuan_survei_dan_administratif_dengan_sumber():
    jateng = ind.daftar_acuan("stunting", "33")
    tahun_2022 = jateng[jateng["tahun"] == 2022]
    assert list(tahun_2022["jenis"]) == ["survei", "administratif"]
    assert list(tahun_2022["nilai"]) == [20.8, 11.9]
    assert tahun_2022["sumber"].str.len().min() > 0
    assert not tahun_2022["pembanding"].any()
    assert set(jateng["nama_wilayah"]) == {"Jawa Tengah"}
    # urutan tingkat: kabupaten, provinsi, nasional
    semua = ind.daftar_acuan("stunting", ["ID", "33", "33.22"])
    assert list(dict.fromkeys(semua["tingkat"])) == ["kabupaten", "provinsi", "nasional"]


def test_daftar_acuan_pembanding_bisa_disertakan_atau_tidak():
    dengan = ind.daftar_acuan("imunisasi_dasar_lengkap", "33")
    tanpa = ind.daftar_acuan("imunisasi_dasar_lengkap", "33", pembanding=False)
    program = dengan[dengan["pembanding"]]
    assert 86.7 in set(program["nilai"]) and set(program["jenis"]) == {"administratif"}
    assert 93.3 in set(tanpa["nilai"])  # cakupan program 2023 kini acuan kalibrasi
    assert len(tanpa) == len(dengan) - len(program)
    assert not tanpa["pembanding"].any()
    kosong = ind.daftar_acuan("apm_sd", "33")
    assert kosong.empty and "sumber" in kosong.columns
    with pytest.raises(KeyError, match="stunting"):
        ind.daftar_acuan("stuntng")


def test_acuan_pembanding_sah_dan_tidak_ikut_kalibrasi():
    for kode, daftar in ind.ACUAN_PEMBANDING.items():
        registri = {(a.wilayah, a.tahun, a.jenis) for a in ind.INDIKATOR[kode].acuan}
        for a in daftar:
            assert a.sumber and a.jenis in ("survei", "administratif")
            assert 0 <= a.nilai <= 100
            assert (a.wilayah, a.tahun, a.jenis) not in registri
    dipakai = set(ind.bandingkan_acuan(_data())["acuan"]) | set(ind.target_kalibrasi()["target"])
    assert 86.7 not in dipakai and 10.64 not in dipakai


def test_tangga_capaian_dari_desa_sampai_nasional():
    data = _data_tangga()
    asli = data.copy()
    desa = pd.DataFrame(
        {"kode_desa": ["33.22.01.2001", "33.22.01.2002"], "nama_desa": ["Kecil", "Besar"]}
    )
    t = ind.tangga_capaian(data, "33.22.01", "stunting", 2022, desa)
    pd.testing.assert_frame_equal(data, asli)  # masukan tidak diubah
    assert list(t["tingkat"]) == [
        "desa terendah",
        "desa tertinggi",
        "kecamatan",
        "kabupaten",
        "kabupaten (terbitan)",
        "provinsi (terbitan)",
        "provinsi (terbitan)",
        "nasional (terbitan)",
    ]
    assert list(t["nama_wilayah"][:2]) == ["Kecil", "Besar"]
    assert list(t["capaian"][:4]) == pytest.approx([10.0, 20.0, 19.0, 195 / 1010 * 100])
    assert list(t["capaian"][4:]) == [18.7, 20.8, 11.9, 21.6]
    assert list(t["jenis"][4:]) == ["survei", "survei", "administratif", "survei"]
    assert (t["jenis"][:4] == ind.DATA_LATIHAN).all()
    assert t["sumber"].str.len().min() > 0


def test_tangga_capaian_memilih_tahun_acuan_terdekat_per_jenis():
    t = ind.tangga_capaian(_data_tangga(2024), "33.22.01", "stunting", 2024)
    nasional = t[t["tingkat"] == "nasional (terbitan)"].iloc[0]
    assert nasional["tahun"] == 2023 and nasional["capaian"] == 21.5
    assert set(t.loc[t["tingkat"] == "kecamatan", "tahun"]) == {2024}


def test_tangga_capaian_kode_salah_atau_kecamatan_tanpa_data():
    with pytest.raises(ValueError, match="tidak sah"):
        ind.tangga_capaian(_data(), "33.22", "stunting", 2022)
    with pytest.raises(ValueError, match="Tidak ada desa"):
        ind.tangga_capaian(_data(), "33.22.05", "stunting", 2022)
    with pytest.raises(ValueError, match="Tidak ada desa"):
        ind.tangga_capaian(_data(), "33.22.01", "stunting", 2030)


# --- data sendiri: tidak disebut "data latihan" -------------------------------------------------


def _label_sendiri(tmp_path, pemilik: str = "Kecamatan Uji"):
    from p3pd.label import label_data

    folder = tmp_path / "data_sendiri"
    folder.mkdir()
    pd.DataFrame({"kode_desa": ["33.22.01.2001"], "nama_desa": ["Kecil"]}).to_csv(
        folder / "wilayah_desa.csv", index=False
    )
    (folder / "SUMBER_DATA.yaml").write_text(
        f"pemilik: {pemilik}\nsumber: register puskesmas, diisi untuk uji\n", encoding="utf-8"
    )
    return folder, label_data(folder)


def test_tangga_capaian_data_sendiri_berlabel_sendiri(tmp_path, monkeypatch):
    folder, label = _label_sendiri(tmp_path)
    t = ind.tangga_capaian(_data_tangga(), "33.22.01", "stunting", 2022, label=label)
    desa = t[~t["tingkat"].str.contains("terbitan")]
    assert len(desa) == 4
    assert (desa["jenis"] == "data sendiri (Kecamatan Uji)").all()
    assert desa["sumber"].str.contains("register puskesmas, diisi untuk uji").all()
    teks = t.to_string().lower()
    assert "latihan" not in teks and "sintetis" not in teks
    # data uji hanya memuat sebagian desa Kabupaten Semarang (33.22): bukan capaian kabupaten
    tingkat = list(desa["tingkat"])
    assert "kabupaten" not in tingkat
    assert tingkat[3].startswith("gabungan desa/kelurahan di data ini (")
    assert tingkat[3].endswith("desa/kelurahan Kabupaten Semarang)")
    assert tingkat[2].startswith("gabungan desa/kelurahan di data ini (")
    assert tingkat[2].endswith("desa/kelurahan Kecamatan Getasan)")
    latihan = ind.tangga_capaian(_data_tangga(), "33.22.01", "stunting", 2022)
    assert list(latihan.loc[~latihan["tingkat"].str.contains("terbitan"), "tingkat"])[3] == (
        "kabupaten"
    )
    # tanpa label: label folder data yang sedang dipakai (P3PD_DATA)
    monkeypatch.setenv("P3PD_DATA", str(folder))
    assert ind.jenis_data_desa() == "data sendiri (Kecamatan Uji)"
    lagi = ind.tangga_capaian(_data_tangga(), "33.22.01", "stunting", 2022)
    pd.testing.assert_frame_equal(lagi, t)
    monkeypatch.delenv("P3PD_DATA")
    assert ind.jenis_data_desa() == ind.DATA_LATIHAN  # folder data latihan bawaan


def test_daftar_indikator_data_sendiri_tanpa_kata_data_latihan(tmp_path, monkeypatch):
    sendiri = ind.daftar_indikator(sintetis=False)
    for kolom in ("definisi", "catatan", "sumber_target"):
        teks = " ".join(sendiri[kolom]).lower()
        assert "data latihan" not in teks and "sintetis" not in teks and "meniru" not in teks
    latihan = ind.daftar_indikator(sintetis=True)
    assert list(latihan["catatan"]) == [i.catatan for i in ind.DAFTAR_INDIKATOR]
    assert "Data latihan dikalibrasi" in latihan.set_index("kode").at["stunting", "catatan"]
    # catatan yang tidak menyebut data latihan sama untuk keduanya
    sama = [i.kode for i in ind.DAFTAR_INDIKATOR if i.catatan_data_sendiri is None]
    pd.testing.assert_frame_equal(
        sendiri[sendiri["kode"].isin(sama)], latihan[latihan["kode"].isin(sama)]
    )
    folder, _ = _label_sendiri(tmp_path)
    monkeypatch.setenv("P3PD_DATA", str(folder))
    pd.testing.assert_frame_equal(ind.daftar_indikator(), sendiri)


# --- kejujuran angka acuan ---------------------------------------------------------------------

_TIDAK_DITEMUKAN = (
    # (indikator, wilayah, tahun, jenis): dicari di catatan referensi proyek, tidak ditemukan
    ("stunting", "33", 2023, "survei"),  # SKI 2023 Jawa Tengah
    ("stunting", "63", 2023, "survei"),  # SKI 2023 Kalimantan Selatan
    ("stunting", "53.02", 2022, "survei"),  # SSGI 2022 Kab. Timor Tengah Selatan
    ("air_minum_layak", "33", None, None),
    ("air_minum_layak", "12", None, None),
    ("air_minum_layak", "53", None, None),
    ("imunisasi_dasar_lengkap", "33", 2023, "survei"),
    ("imunisasi_dasar_lengkap", "53", 2023, "survei"),
    ("imunisasi_dasar_lengkap", "63", None, None),
    ("sanitasi_layak", "53", 2023, None),
    ("apm_sd", None, None, None),
    ("apm_smp", None, None, None),
    ("babs", "33", None, None),
    ("babs", "12", None, None),
    ("babs", "53", None, None),
    ("babs", "63", None, None),
    ("perekaman_ktp_el", "33", None, None),
    ("perekaman_ktp_el", "53", None, None),
    ("penduduk_dtks", None, None, None),
)


@pytest.mark.parametrize(("kode", "wilayah", "tahun", "jenis"), _TIDAK_DITEMUKAN)
def test_angka_yang_tidak_ditemukan_tidak_ada_sebagai_acuan(kode, wilayah, tahun, jenis):
    semua = ind.INDIKATOR[kode].acuan + ind.ACUAN_PEMBANDING.get(kode, ())
    cocok = [
        a
        for a in semua
        if (wilayah is None or a.wilayah == wilayah)
        and (tahun is None or a.tahun == tahun)
        and (jenis is None or a.jenis == jenis)
    ]
    assert cocok == []


def test_setiap_acuan_menyebut_sumber_jenis_dan_tahun_yang_masuk_akal():
    for i in ind.DAFTAR_INDIKATOR:
        for a in i.acuan + ind.ACUAN_PEMBANDING.get(i.kode, ()):
            assert a.jenis in ind.JENIS_DATA, (i.kode, a)
            assert 2019 <= a.tahun <= 2024, (i.kode, a)
            assert 0 <= a.nilai <= 110, (i.kode, a)
            # sumber menyebut penerbit atau survei, bukan hanya nama media
            assert any(
                p in a.sumber for p in ("BPS", "Kemenkes", "Dinkes", "BPJS", "Dukcapil", "Setda")
            ) or a.sumber.startswith("Data "), (i.kode, a.sumber)
    banjar = ind.INDIKATOR["peserta_jkn"].acuan_untuk("63.03")
    assert banjar is not None and "tanpa tahun" in banjar.catatan


def test_nama_wilayah_di_luar_wilayah_latihan_dari_daftar_desa(tmp_path):
    from data_sendiri import buat_batu_sebagian

    from p3pd import muat
    from p3pd.indikator import nama_wilayah

    desa = muat.muat_folder(buat_batu_sebagian(tmp_path / "batu"))["wilayah"]
    kode = pd.Series(["35.79.01", "35.79", "35", "35.79.01.2006", "99.99"])
    assert list(nama_wilayah(kode, desa)) == ["BATU", "Kota Batu", "JAWA TIMUR", "ORO-ORO OMBO", ""]
    # tanpa daftar desa: kecamatan di luar wilayah latihan tetap tidak bernama
    assert nama_wilayah(kode, None).iloc[0] == ""
