"""Uji diagnosis: aturan lampu, desa prioritas, kebutuhan vs penyediaan."""

from __future__ import annotations

import pandas as pd
import pytest

from p3pd import diagnosis, memo
from p3pd.skema import FASILITAS, INDIKATOR_DESA


def _data() -> pd.DataFrame:
    """Empat desa, satu kabupaten. Stunting desa: 10 %, 16 %, 30 %, 12 % (target 14, turun)."""
    baris = []
    for kode, stunting, sanitasi in (
        ("33.22.01.2001", 10, 95),
        ("33.22.01.2002", 16, 85),
        ("33.22.02.2001", 30, 60),
        ("33.22.02.2002", 12, 80),
    ):
        r = {k: 0 for k in INDIKATOR_DESA.nama_kolom}
        r.update(kode_desa=kode, tahun=2024, balita_diukur=100, balita_stunting=stunting)
        r.update(
            jumlah_rumah_tangga=100,
            rt_sanitasi_layak=sanitasi,
            jumlah_penduduk=1000,
            penduduk_miskin=0,
        )
        r.update(anak_13_15=50, anak_13_15_sekolah_smp=40, persalinan=20, persalinan_fasyankes=18)
        r.update(anak_7_12=100, anak_3_6=60)
        baris.append(r)
    return pd.DataFrame(baris)


def test_lampu_mengikuti_target_dan_pembanding():
    m = diagnosis.matriks_masalah(_data(), indikator=["stunting", "sanitasi_layak"])
    lampu = m.set_index(["kode_desa", "indikator"])["lampu"]
    # kabupaten: stunting 68/400 = 17 %; sanitasi 320/400 = 80 % (target 90)
    assert lampu[("33.22.01.2001", "stunting")] == "hijau"  # 10 ≤ 14
    assert lampu[("33.22.01.2002", "stunting")] == "kuning"  # 16 > 14 tetapi lebih baik dari 17
    assert lampu[("33.22.02.2001", "stunting")] == "merah"  # 30 > 17
    assert lampu[("33.22.01.2001", "sanitasi_layak")] == "hijau"  # 95 ≥ 90
    assert (
        lampu[("33.22.02.2002", "sanitasi_layak")] == "kuning"
    )  # 80 = pembanding, tidak lebih buruk
    assert lampu[("33.22.02.2001", "sanitasi_layak")] == "merah"


def test_toleransi_melunakkan_merah():
    m = diagnosis.matriks_masalah(_data(), indikator=["stunting"], toleransi=20)
    assert "merah" not in set(m["lampu"])


def test_pembanding_kecamatan_mengubah_hasil():
    # kecamatan 33.22.02: stunting 42/200 = 21 %, desa 2002 (12 %) lebih baik → bukan merah
    kec = diagnosis.matriks_masalah(_data(), indikator=["stunting"], pembanding="kecamatan")
    lampu = kec.set_index("kode_desa")["lampu"]
    assert lampu["33.22.02.2001"] == "merah"
    assert lampu["33.22.02.2002"] == "hijau"


def test_indikator_tanpa_target_memakai_pembanding_saja():
    d = _data()
    d.loc[0, "penduduk_miskin"] = 300  # DTKS 30 % vs kabupaten 7,5 %
    m = diagnosis.matriks_masalah(d, indikator=["penduduk_dtks"]).set_index("kode_desa")["lampu"]
    assert m["33.22.01.2001"] == "merah"
    assert m["33.22.01.2002"] == "hijau"  # 0 % lebih baik dari 7,5 %


def test_desa_prioritas_urut_dan_bobot():
    p = diagnosis.desa_prioritas(_data(), indikator=["stunting", "sanitasi_layak"], jumlah=None)
    assert p.iloc[0]["kode_desa"] == "33.22.02.2001"
    # dua layanan, masing-masing 1/1 indikator merah → skor 1
    assert p.iloc[0]["merah"] == 2 and p.iloc[0]["skor"] == 1
    assert p.iloc[0]["layanan_merah"] == 2
    assert p.iloc[0]["rincian_layanan"] == "Kesehatan 1/1; Air bersih & sanitasi 1/1"
    assert "Prevalensi balita stunting" in p.iloc[0]["indikator_merah"]
    assert list(p["peringkat"]) == [1, 2, 3, 4]
    berbobot = diagnosis.desa_prioritas(
        _data(), indikator=["stunting", "sanitasi_layak"], bobot_layanan={"kesehatan": 3}, jumlah=1
    )
    assert berbobot.iloc[0]["skor"] == 1  # (3 × 1 + 1 × 1) ÷ (3 + 1)
    with pytest.raises(KeyError, match="Layanan tidak dikenal"):
        diagnosis.desa_prioritas(_data(), bobot_layanan={"jalan": 2})
    with pytest.raises(ValueError, match="negatif"):
        diagnosis.desa_prioritas(_data(), bobot_layanan={"kesehatan": -1})


def test_skor_per_layanan_tidak_memberatkan_layanan_berindikator_banyak():
    """Kesehatan (5 indikator) tidak lebih berat daripada adminduk (2 indikator)."""
    baris = []
    for kode, stunting, persalinan, akta in (
        ("33.22.01.2001", 40, 20, 100),  # 2 indikator kesehatan merah, adminduk baik
        ("33.22.01.2002", 10, 20, 20),  # 1 indikator adminduk merah (dari 1), kesehatan baik
        ("33.22.01.2003", 10, 20, 100),  # semua baik
    ):
        r = {k: 0 for k in INDIKATOR_DESA.nama_kolom}
        r.update(kode_desa=kode, tahun=2024, balita_diukur=100, balita_stunting=stunting)
        r.update(persalinan=20, persalinan_fasyankes=persalinan if kode != kode else 0)
        r.update(anak_0_17=100, anak_0_17_akta=akta)
        baris.append(r)
    d = pd.DataFrame(baris)
    d.loc[0, "persalinan_fasyankes"] = 5  # desa 1: persalinan 25 % (merah)
    d.loc[[1, 2], "persalinan_fasyankes"] = 20
    p = diagnosis.desa_prioritas(
        d, indikator=["stunting", "persalinan_fasyankes", "akta_kelahiran"], jumlah=None
    ).set_index("kode_desa")
    # desa 1: kesehatan 2/2 merah, adminduk 0/1 → (1 + 0) / 2 = 0,5
    # desa 2: kesehatan 0/2, adminduk 1/1 → (0 + 1) / 2 = 0,5 — sama berat, walau merahnya satu
    assert p.loc["33.22.01.2001", "skor"] == pytest.approx(0.5)
    assert p.loc["33.22.01.2002", "skor"] == pytest.approx(0.5)
    assert p.loc["33.22.01.2003", "skor"] == 0


def test_desa_prioritas_dibatasi_wilayah():
    p = diagnosis.desa_prioritas(_data(), indikator=["stunting"], wilayah="33.22.01", jumlah=None)
    assert set(p["kode_desa"]) == {"33.22.01.2001", "33.22.01.2002"}


def test_kebutuhan_penyediaan_mengelompokkan():
    fas = pd.DataFrame(
        {
            "kode_desa": _data()["kode_desa"],
            "jumlah_sd": [2, 2, 1, 2],
            "jumlah_smp": [1, 1, 0, 1],
            "jumlah_paud": [2, 2, 0, 1],
            "jumlah_posyandu": [4, 4, 4, 4],
            "posyandu_aktif": [4, 4, 1, 3],
            "jumlah_pustu_polindes": [1, 1, 0, 1],
            "jarak_puskesmas_km": [2.0, 3.0, 25.0, 5.0],
            "bidan_desa": [1, 1, 0, 1],
            "air_perpipaan": [True, True, False, True],
        }
    )[FASILITAS.nama_kolom]
    kp = diagnosis.kebutuhan_penyediaan(_data(), fas).set_index("kode_wilayah")
    assert kp.loc["33.22.02.2001", "kelompok"] == "kebutuhan tinggi, penyediaan rendah"
    assert kp.loc["33.22.02.2001", "posyandu_aktif_persen"] == 25
    ring = diagnosis.ringkas_kelompok(kp.reset_index())
    assert ring["jumlah"].sum() == 4
    kec = diagnosis.kebutuhan_penyediaan(_data(), fas, tingkat="kecamatan").set_index(
        "kode_wilayah"
    )
    assert kec.loc["33.22.02", "stunting"] == pytest.approx(21.0)
    assert kec.loc["33.22.02", "jarak_puskesmas_km"] == pytest.approx(15.0)


def test_merah_per_layanan_menghitung_per_desa_dan_layanan():
    m = diagnosis.matriks_masalah(_data(), indikator=["stunting", "sanitasi_layak"])
    t = diagnosis.merah_per_layanan(m)
    # hanya layanan yang ada di matriks, urut seperti skema.LAYANAN, lalu jumlah
    assert list(t.columns) == ["kesehatan", "air_sanitasi", "jumlah"]
    assert t.loc["33.22.02.2001"].tolist() == [1, 1, 2]  # stunting 30 % dan sanitasi 60 %
    assert t.loc["33.22.01.2001"].tolist() == [0, 0, 0]  # desa tanpa merah tetap tercantum
    assert t["jumlah"].sum() == (m["lampu"] == "merah").sum()
    satu_kecamatan = diagnosis.merah_per_layanan(m[m["kode_desa"].str.startswith("33.22.01.")])
    assert list(satu_kecamatan.index) == ["33.22.01.2001", "33.22.01.2002"]


def test_desa_menonjol_hanya_kebutuhan_tinggi_penyediaan_rendah():
    kp = pd.DataFrame(
        {
            "kode_wilayah": ["A", "B", "C", "D", "E"],
            "indeks_kebutuhan": [0.9, 0.8, 0.9, 0.2, 0.7],
            "indeks_penyediaan": [0.1, 0.1, 0.2, 0.1, 0.9],
            "kelompok": [
                "kebutuhan tinggi, penyediaan rendah",
                "kebutuhan tinggi, penyediaan rendah",
                "kebutuhan tinggi, penyediaan rendah",
                "kebutuhan rendah, penyediaan rendah",
                "kebutuhan tinggi, penyediaan memadai",
            ],
        }
    )
    hasil = diagnosis.desa_menonjol(kp, jumlah=2)
    assert list(hasil["kode_wilayah"]) == ["A", "B"]  # selisih 0,8 lalu 0,7 (seri B–C: kode)
    assert hasil["selisih_indeks"].tolist() == pytest.approx([0.8, 0.7])
    assert list(diagnosis.desa_menonjol(kp)["kode_wilayah"]) == ["A", "B", "C"]
    assert "selisih_indeks" not in kp.columns  # masukan tidak diubah
    with pytest.raises(ValueError, match="jumlah"):
        diagnosis.desa_menonjol(kp, jumlah=-1)


# --------------------------------------------------------------------------- memo


def test_memo_hasil_sama_dengan_hitungan_segar():
    diagnosis.kosongkan_memo()
    data = _data()
    segar = diagnosis._matriks_masalah(data, 2024, ["stunting", "sanitasi_layak"], "kabupaten", 0)
    pertama = diagnosis.matriks_masalah(data, 2024, ["stunting", "sanitasi_layak"])
    kedua = diagnosis.matriks_masalah(data.copy(), 2024, ["stunting", "sanitasi_layak"])
    pd.testing.assert_frame_equal(pertama, segar)
    pd.testing.assert_frame_equal(kedua, segar)
    assert len(memo._MEMO) == 1  # salinan berisi sama memakai hasil yang diingat


def test_memo_tidak_basi_bila_data_berubah():
    diagnosis.kosongkan_memo()
    data = _data()
    sebelum = diagnosis.matriks_masalah(data, indikator=["stunting"])
    assert sebelum.set_index("kode_desa").loc["33.22.01.2001", "lampu"] == "hijau"
    data.loc[0, "balita_stunting"] = 40  # tabel yang sama, isinya berubah
    sesudah = diagnosis.matriks_masalah(data, indikator=["stunting"])
    assert sesudah.set_index("kode_desa").loc["33.22.01.2001", "lampu"] == "merah"
    segar = diagnosis._matriks_masalah(data, 2024, ["stunting"], "kabupaten", 0)
    pd.testing.assert_frame_equal(sesudah, segar)
    # parameter lain = hasil lain, bukan hasil yang diingat untuk parameter pertama
    lunak = diagnosis.matriks_masalah(data, indikator=["stunting"], toleransi=50)
    assert "merah" not in set(lunak["lampu"])


def test_mengubah_hasil_tidak_mengubah_memo():
    diagnosis.kosongkan_memo()
    data = _data()
    hasil = diagnosis.matriks_masalah(data, indikator=["stunting"])
    hasil["lampu"] = "diubah"
    hasil["kolom_baru"] = 1
    lagi = diagnosis.matriks_masalah(data, indikator=["stunting"])
    assert "kolom_baru" not in lagi.columns
    assert "diubah" not in set(lagi["lampu"])


def test_prioritas_wilayah_sama_dengan_dihitung_dari_matriks_wilayah_itu():
    # Peringkat disaring dari peringkat semua desa yang diingat: harus sama dengan
    # menghitung skor hanya atas baris matriks desa-desa kecamatan itu.
    diagnosis.kosongkan_memo()
    data = _data()
    semua = diagnosis.desa_prioritas(data, jumlah=None)
    kec = diagnosis.desa_prioritas(data, wilayah="33.22.02", jumlah=None)
    assert list(kec["peringkat"]) == [1, 2]
    assert set(kec["kode_desa"]) == {"33.22.02.2001", "33.22.02.2002"}
    urut_semua = [k for k in semua["kode_desa"] if k.startswith("33.22.02")]
    assert list(kec["kode_desa"]) == urut_semua
    pd.testing.assert_frame_equal(
        kec.drop(columns="peringkat"),
        semua[semua["kode_desa"].str.startswith("33.22.02")]
        .drop(columns="peringkat")
        .reset_index(drop=True),
    )
    assert len(diagnosis.desa_prioritas(data, wilayah="33.22.02", jumlah=1)) == 1


def test_kebutuhan_penyediaan_memo_mengikuti_fasilitas():
    diagnosis.kosongkan_memo()
    data = _data()
    fas = pd.DataFrame({k: [0] * 4 for k in FASILITAS.nama_kolom})
    fas["kode_desa"] = data["kode_desa"]
    fas["jarak_puskesmas_km"] = [1.0, 2.0, 3.0, 4.0]
    pertama = diagnosis.kebutuhan_penyediaan(data, fas)
    fas2 = fas.assign(jarak_puskesmas_km=[4.0, 3.0, 2.0, 1.0])
    kedua = diagnosis.kebutuhan_penyediaan(data, fas2)
    assert list(pertama["jarak_puskesmas_km"]) != list(kedua["jarak_puskesmas_km"])
    pd.testing.assert_frame_equal(kedua, diagnosis._kebutuhan_penyediaan(data, fas2, 2024, "desa"))


def test_sidik_tabel_membedakan_nama_kolom_dan_tipe():
    a = pd.DataFrame({"x": [1, 2]})
    assert diagnosis.sidik_tabel(a) == diagnosis.sidik_tabel(a.copy())
    assert diagnosis.sidik_tabel(a) != diagnosis.sidik_tabel(a.rename(columns={"x": "y"}))
    assert diagnosis.sidik_tabel(a) != diagnosis.sidik_tabel(a.astype(float))
    assert diagnosis.sidik_tabel(a) != diagnosis.sidik_tabel(a.set_axis([5, 6]))


def test_memo_dibatasi_banyak_hasil_dan_baris(monkeypatch):
    diagnosis.kosongkan_memo()
    data = _data()
    monkeypatch.setattr(memo, "MEMO_MAKS", 2)
    for t in (0, 1, 2):
        diagnosis.matriks_masalah(data, indikator=["stunting"], toleransi=t)
    assert len(memo._MEMO) == 2
    monkeypatch.setattr(memo, "MEMO_BARIS_MAKS", 5)  # satu hasil = 4 baris
    diagnosis.matriks_masalah(data, indikator=["stunting"], toleransi=9)
    assert len(memo._MEMO) == 1
    hasil = diagnosis.matriks_masalah(data, indikator=["stunting"], toleransi=9)
    assert len(hasil) == 4


def test_kebutuhan_penyediaan_atas_data_sebagian_kosong_bukan_tak_hingga(tmp_path):
    import numpy as np
    from data_sendiri import buat_batu_sebagian

    from p3pd import muat

    data = muat.muat_folder(buat_batu_sebagian(tmp_path / "batu"))
    hasil = diagnosis.kebutuhan_penyediaan(data["indikator"], data["fasilitas"], 2024)
    angka = hasil.select_dtypes("number")
    assert not np.isinf(angka.to_numpy(dtype=float)).any()
    # kolom anak sekolah tidak ada di data Batu: rasionya kosong, bukan 0 atau tak hingga
    assert hasil["sd_smp_per_1000_anak"].isna().all()
    assert hasil["stunting"].notna().all()


def test_nama_pembanding_jujur_untuk_folder_sebagian():
    # Kota Batu (35.79) punya 24 desa/kelurahan menurut Kepmendagri; folder ini hanya memuat dua.
    sebagian = pd.DataFrame({"kode_desa": ["35.79.01.2006", "35.79.01.1003"]})
    teks = diagnosis.nama_pembanding(sebagian, "35.79", sintetis=False)
    assert teks == "gabungan desa/kelurahan di data ini (2 dari 24 desa/kelurahan Kota Batu)"
    assert diagnosis.nama_pembanding(sebagian, "35.79", sintetis=True) == "kabupaten"
    assert diagnosis.nama_pembanding(sebagian, "35.79", "kecamatan", sintetis=False) == "kecamatan"


def test_nama_pembanding_kabupaten_bila_semua_desa_ada():
    from p3pd import wilayah_nasional

    semua = wilayah_nasional.daftar("desa", "35.79").rename(columns={"kode": "kode_desa"})
    assert diagnosis.nama_pembanding(semua, "35.79", sintetis=False) == "kabupaten"


def test_merah_per_layanan_tanpa_kolom_untuk_layanan_tanpa_data():
    m = pd.DataFrame(
        {
            "kode_desa": ["a", "a", "b", "b"],
            "layanan": ["kesehatan", "pendidikan", "kesehatan", "pendidikan"],
            "lampu": ["merah", "tanpa data", "hijau", "tanpa data"],
        }
    )
    tabel = diagnosis.merah_per_layanan(m)
    assert list(tabel.columns) == ["kesehatan", "jumlah"]  # bukan "pendidikan 0"
    assert tabel.loc["a", "jumlah"] == 1 and tabel.loc["b", "jumlah"] == 0


def test_prioritas_menyebut_layanan_tanpa_data_dan_desa_tanpa_data_bukan_nol():
    """Data sebagian: skor hanya dari layanan berdata, dan itu tertulis di rincian."""
    d = _data()
    kosong = "33.22.02.2003"  # desa di daftar tanpa satu pun indikator berdata
    baris = dict.fromkeys(INDIKATOR_DESA.nama_kolom, float("nan"))
    baris.update(kode_desa=kosong, tahun=2024)
    d = pd.concat([d, pd.DataFrame([baris])], ignore_index=True)
    p = diagnosis.desa_prioritas(d, jumlah=None)
    akhir = p.iloc[-1]
    assert akhir["kode_desa"] == kosong
    assert pd.isna(akhir["skor"])  # bukan 0 ("tidak ada masalah")
    assert akhir["rincian_layanan"] == "belum ada data indikator"
    rinci = p.set_index("kode_desa")["rincian_layanan"]
    # data uji tanpa indikator adminduk (penyebutnya 0)
    assert rinci["33.22.02.2001"].endswith("; belum ada data: Administrasi kependudukan")
    assert rinci["33.22.01.2001"].startswith(
        "tidak ada lampu merah di layanan yang ada datanya; belum ada data:"
    )
    # hanya layanan dari indikator yang dipilih yang dihitung
    satu = diagnosis.desa_prioritas(d, indikator=["stunting"], jumlah=None)
    assert not satu["rincian_layanan"].str.contains("belum ada data:").any()


def test_anggap_tabel_tetap_sidik_sekali_per_objek(monkeypatch):
    """Mode kernel handout: sidik satu objek tabel dihitung sekali; di luar mode, setiap kali."""
    hitung = []
    asli = memo._sidik_isi
    monkeypatch.setattr(memo, "_sidik_isi", lambda t: hitung.append(1) or asli(t))
    d = _data()
    memo.sidik_tabel(d), memo.sidik_tabel(d)
    assert len(hitung) == 2  # bawaan: dihitung setiap kali (tabel boleh diubah peserta)
    try:
        memo.anggap_tabel_tetap()
        pertama = memo.sidik_tabel(d)
        assert memo.sidik_tabel(d) == pertama and len(hitung) == 3
        d["kolom_baru"] = 1  # bentuk berubah: dihitung ulang
        assert memo.sidik_tabel(d) != pertama and len(hitung) == 4
        lain = d.copy()  # objek lain, isi sama: sidik sama, dihitung sendiri
        assert memo.sidik_tabel(lain) == memo.sidik_tabel(d) and len(hitung) == 5
        del lain
        assert id(d) in memo._SIDIK_OBJEK and len(memo._SIDIK_OBJEK) == 1  # yang mati dibuang
    finally:
        memo.anggap_tabel_tetap(False)
    assert not memo._SIDIK_OBJEK
    memo.sidik_tabel(d)
    assert len(hitung) == 6
