"""Uji p3pd.koordinasi: matriks peran, kisi pengaruh × kepentingan, mitra, irama, ekspor."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from p3pd import koordinasi as ko
from p3pd.galat import GalatP3PD
from p3pd.grafik import GID_TANDA
from p3pd.skema import LAYANAN

matplotlib.use("Agg")


def _pemangku() -> pd.DataFrame:
    baris = [
        # lembaga, jenis, layanan, peran, pengaruh, kepentingan
        ("Dinas Kesehatan", "perangkat daerah", "kesehatan", "urusan", "tinggi", "sedang"),
        ("Dinas PUPR", "perangkat daerah", "air_sanitasi", "urusan", "tinggi", "rendah"),
        ("Dinas Perkim", "perangkat daerah", "air_sanitasi", "urusan", "sedang", "sedang"),
        ("Bappeda", "perangkat daerah", "", "rencana", "tinggi", "sedang"),
        ("Inspektorat", "perangkat daerah", "", "awasi", "sedang", "rendah"),
        ("Camat", "pemerintah kecamatan", "", "koordinasi", "tinggi", "tinggi"),
        ("Seksi Kesos", "pemerintah kecamatan", "kesehatan;pendidikan", "x", "sedang", "tinggi"),
        ("Puskesmas", "unit layanan", "kesehatan;air_sanitasi", "x", "tinggi", "tinggi"),
        ("Pemerintah desa", "pemerintah desa", "", "x", "tinggi", "tinggi"),
        ("Pendamping desa", "pendamping desa", "", "x", "rendah", "tinggi"),
        ("PKK", "lembaga desa/masyarakat", "kesehatan", "x", "rendah", "rendah"),
        ("Forum BPD", "lembaga desa/masyarakat", "", "x", "sedang", "sedang"),
        ("PT Sintetis A", "swasta/CSR", "air_sanitasi", "Mitra CSR; mendanai sumur bor", "rendah", "sedang"),
        ("PT Sintetis B", "swasta/CSR", "kesehatan;pendidikan", "Mitra CSR; mendanai gizi", "rendah", "tinggi"),
    ]  # fmt: skip
    df = pd.DataFrame(
        baris, columns=["lembaga", "jenis", "layanan", "peran", "pengaruh", "kepentingan"]
    )
    df.insert(0, "kode_kecamatan", "33.22.06")
    return df


def _matriks() -> pd.DataFrame:
    """Matriks masalah kecil: desa × indikator dengan lampu (bentuk panjang)."""
    baris = [
        ("33.22.06.2001", "stunting", "kesehatan", "merah"),
        ("33.22.06.2001", "imunisasi_dasar_lengkap", "kesehatan", "merah"),
        ("33.22.06.2002", "stunting", "kesehatan", "merah"),
        ("33.22.06.2003", "stunting", "kesehatan", "kuning"),
        ("33.22.06.2003", "akta_kelahiran", "adminduk", "merah"),
        ("33.22.06.2002", "air_minum_layak", "air_sanitasi", "hijau"),
        ("33.22.06.2001", "apm_sd", "pendidikan", "merah"),
    ]
    return pd.DataFrame(baris, columns=["kode_desa", "indikator", "layanan", "lampu"])


NAMA = pd.Series(
    {"33.22.06.2001": "Satu", "33.22.06.2002": "Dua", "33.22.06.2003": "Tiga"}, name="nama_desa"
)


# --- matriks peran -----------------------------------------------------------------------------


def test_matriks_raci_mengikuti_aturan():
    raci = ko.matriks_raci(_pemangku())
    assert list(raci.columns) == ["jenis", *LAYANAN]
    assert raci.loc["Dinas Kesehatan", "kesehatan"] == "A"
    assert raci.loc["Dinas Kesehatan", "pendidikan"] == ""
    assert raci.loc["Puskesmas", "air_sanitasi"] == "R"
    assert raci.loc["PKK", "kesehatan"] == "R"
    assert raci.loc["Seksi Kesos", "pendidikan"] == "C"
    assert raci.loc["Seksi Kesos", "adminduk"] == ""
    assert raci.loc["PT Sintetis A", "air_sanitasi"] == "C"
    # lintas layanan
    assert set(raci.loc["Pemerintah desa", list(LAYANAN)]) == {"R"}
    assert set(raci.loc["Camat", list(LAYANAN)]) == {"C"}
    assert set(raci.loc["Pendamping desa", list(LAYANAN)]) == {"C"}
    assert set(raci.loc["Bappeda", list(LAYANAN)]) == {"C"}  # pengaruh tinggi
    assert set(raci.loc["Inspektorat", list(LAYANAN)]) == {"I"}  # pengaruh sedang < tinggi
    assert set(raci.loc["Forum BPD", list(LAYANAN)]) == {"I"}


def test_gaya_raci_mewarnai_huruf_dan_mempertahankan_isi():
    raci = ko.matriks_raci(_pemangku())
    html = ko.gaya_raci(raci).to_html()
    assert "background-color: #E69F00" in html  # A
    assert ">A<" in html.replace(" ", "") and "Dinas Kesehatan" in html


def test_tabel_utuh_tidak_memotong_teks_dan_baris():
    panjang = pd.DataFrame({"forum": [f"Forum {'x' * 80} {i}" for i in range(40)], "Jan": "●"})
    html = ko.tabel_utuh(panjang).to_html()
    assert f"Forum {'x' * 80} 39" in html and "..." not in html
    assert "text-align: center" in html


def test_ambang_konsultasi_mengubah_c_dan_i():
    sedang = ko.matriks_raci(_pemangku(), ambang_konsultasi="sedang")
    assert sedang.loc["Inspektorat", "kesehatan"] == "C"
    assert sedang.loc["Forum BPD", "kesehatan"] == "C"
    with pytest.raises(GalatP3PD, match="ambang_konsultasi"):
        ko.matriks_raci(_pemangku(), ambang_konsultasi="besar")


def test_periksa_raci_menandai_a_ganda_tanpa_a_dan_tanpa_r():
    hasil = ko.periksa_raci(ko.matriks_raci(_pemangku())).set_index("layanan")
    assert hasil.loc["kesehatan", "A"] == 1 and hasil.loc["kesehatan", "catatan"] == ""
    assert hasil.loc["kesehatan", "pemegang_urusan"] == "Dinas Kesehatan"
    assert hasil.loc["air_sanitasi", "A"] == 2
    assert "2 A" in hasil.loc["air_sanitasi", "catatan"]
    assert "tanpa A" in hasil.loc["adminduk", "catatan"]
    tanpa_r = ko.matriks_raci(_pemangku()[lambda d: d["jenis"] != "pemerintah desa"])
    assert "tanpa R" in ko.periksa_raci(tanpa_r).set_index("layanan").loc["adminduk", "catatan"]


def test_data_latihan_setiap_layanan_punya_a_dan_r_di_setiap_kecamatan(data_pemangku):
    for kode, kelompok in data_pemangku.groupby("kode_kecamatan"):
        cek = ko.periksa_raci(ko.matriks_raci(kelompok))
        assert (cek["A"] >= 1).all() and (cek["R"] >= 1).all(), kode


@pytest.fixture(scope="module")
def data_pemangku() -> pd.DataFrame:
    from p3pd import muat

    return muat.muat_pemangku()


def test_pemangku_kecamatan(data_pemangku):
    tuntang = ko.pemangku_kecamatan(data_pemangku, "33.22.06")
    assert set(tuntang["kode_kecamatan"]) == {"33.22.06"}
    assert tuntang["lembaga"].is_monotonic_increasing
    with pytest.raises(GalatP3PD, match="33.22.99"):
        ko.pemangku_kecamatan(data_pemangku, "33.22.99")


# --- kisi pengaruh × kepentingan ---------------------------------------------------------------


def test_kisi_pengaruh_strategi_dan_ambang():
    kisi = ko.kisi_pengaruh(_pemangku()).set_index("lembaga")
    assert kisi.loc["Camat", "strategi"] == "libatkan penuh"
    assert kisi.loc["Dinas PUPR", "strategi"] == "jaga dukungan"
    assert kisi.loc["Pendamping desa", "strategi"] == "beri informasi"
    assert kisi.loc["Forum BPD", "strategi"] == "pantau"
    assert kisi.loc["Forum BPD", ["skor_pengaruh", "skor_kepentingan"]].tolist() == [2, 2]
    sedang = ko.kisi_pengaruh(_pemangku(), ambang="sedang").set_index("lembaga")
    assert sedang.loc["Forum BPD", "strategi"] == "libatkan penuh"
    assert sedang.loc["PKK", "strategi"] == "pantau"


def test_pemegang_urusan_dengan_kepentingan_dan_desa_merah():
    hasil = ko.pemegang_urusan(_pemangku(), {"kesehatan": 4, "air_sanitasi": 2})
    assert list(hasil["layanan"]) == ["kesehatan", "air_sanitasi", "air_sanitasi"]
    assert list(hasil["lembaga"]) == ["Dinas Kesehatan", "Dinas PUPR", "Dinas Perkim"]
    assert list(hasil["desa_merah"]) == [4, 2, 2]
    assert hasil.loc[1, "kepentingan"] == "rendah" and hasil.loc[1, "strategi"] == "jaga dukungan"
    sedang = ko.pemegang_urusan(_pemangku(), {}, ambang="sedang")
    assert sedang.loc[0, "strategi"] == "libatkan penuh" and sedang["desa_merah"].eq(0).all()


def test_kisi_menolak_tingkat_asing():
    rusak = _pemangku()
    rusak.loc[0, "pengaruh"] = "besar"
    with pytest.raises(GalatP3PD, match="Kolom 'pengaruh' berisi 'besar'"):
        ko.kisi_pengaruh(rusak)


def test_grafik_kisi_memuat_nama_dan_tanda_sintetis():
    kisi = ko.kisi_pengaruh(_pemangku())
    ax = ko.grafik_kisi(kisi, judul="Uji")
    teks = "\n".join(t.get_text() for t in ax.texts)
    for nama in ("Camat", "Dinas PUPR", "Forum BPD", "PT Sintetis A"):
        assert nama in teks
    assert any(t.get_gid() == GID_TANDA for t in ax.figure.texts)
    assert ax.get_title(loc="left") == "Uji"
    matplotlib.pyplot.close(ax.figure)


def test_grafik_kisi_meringkas_sel_penuh():
    banyak = pd.concat([_pemangku().iloc[[5]]] * 12, ignore_index=True)
    banyak["lembaga"] = [f"Lembaga {i}" for i in range(12)]
    ax = ko.grafik_kisi(ko.kisi_pengaruh(banyak))
    teks = "\n".join(t.get_text() for t in ax.texts)
    assert "+3 lainnya" in teks and "Lembaga 9" not in teks
    matplotlib.pyplot.close(ax.figure)


# --- mitra untuk kesenjangan -------------------------------------------------------------------


def test_mitra_untuk_kesenjangan():
    hasil = ko.mitra_untuk_kesenjangan(_pemangku(), _matriks(), NAMA).set_index("layanan")
    assert list(hasil.index) == list(LAYANAN)
    kes = hasil.loc["kesehatan"]
    assert kes["desa_merah"] == 2
    assert kes["daftar_desa"] == "Satu; Dua"  # Satu punya dua indikator merah
    assert kes["indikator_merah"] == "stunting (2 desa); imunisasi_dasar_lengkap (1 desa)"
    assert kes["pemegang_urusan"] == "Dinas Kesehatan"
    assert kes["mitra"] == "PT Sintetis B" and kes["kegiatan_mitra"] == "gizi"
    assert kes["langkah"].startswith("undang mitra")
    assert hasil.loc["air_sanitasi", "desa_merah"] == 0
    assert hasil.loc["air_sanitasi", "langkah"] == "tidak ada desa berlampu merah"
    assert hasil.loc["adminduk", "langkah"].startswith("belum ada mitra")
    assert hasil.loc["adminduk", "daftar_desa"] == "Tiga"
    tanpa_nama = ko.mitra_untuk_kesenjangan(_pemangku(), _matriks())
    assert tanpa_nama.loc[1, "daftar_desa"] == "33.22.06.2001; 33.22.06.2002"


def test_desa_untuk_mitra():
    hasil = ko.desa_untuk_mitra(_pemangku(), _matriks(), NAMA).set_index("lembaga")
    assert list(hasil.index) == ["PT Sintetis A", "PT Sintetis B"]
    assert hasil.loc["PT Sintetis A", "desa_merah"] == 0
    assert hasil.loc["PT Sintetis A", "desa_usulan"] == ""
    # B mendanai kesehatan dan pendidikan: Satu (3 merah), Dua (1)
    assert hasil.loc["PT Sintetis B", "desa_usulan"] == "Satu; Dua"
    assert hasil.loc["PT Sintetis B", "kegiatan"] == "gizi"
    satu = ko.desa_untuk_mitra(_pemangku(), _matriks(), NAMA, jumlah=1)
    assert satu.set_index("lembaga").loc["PT Sintetis B", "desa_usulan"] == "Satu"
    with pytest.raises(ValueError):
        ko.desa_untuk_mitra(_pemangku(), _matriks(), jumlah=0)
    kosong = ko.desa_untuk_mitra(_pemangku()[lambda d: d["jenis"] != "swasta/CSR"], _matriks())
    assert kosong.empty and list(kosong.columns)[0] == "lembaga"


# --- irama pertemuan ---------------------------------------------------------------------------


def test_referensi_forum_jujur_tentang_waktu():
    forum = ko.referensi_forum()
    assert {"forum", "penyelenggara", "irama", "bulan", "status_waktu", "dasar_hukum"} <= set(
        forum.columns
    )
    assert set(forum["status_waktu"]) <= {"bersumber", "perkiraan", "asumsi"}
    # bulan yang "bersumber" selalu menyebut dasar hukumnya
    assert (forum.loc[forum["status_waktu"] == "bersumber", "dasar_hukum"] != "").all()
    assert forum["forum"].is_unique
    assert forum["forum"].str.contains("Musrenbang").any()
    assert forum["forum"].str.contains("stunting", case=False).any()
    assert forum["forum"].str.contains("CSR").any()


def test_bulan_forum_menurut_kolom_atau_irama():
    assert ko.bulan_forum({"forum": "x", "irama": "bulanan", "bulan": ""}) == tuple(range(1, 13))
    assert ko.bulan_forum({"forum": "x", "irama": "triwulanan", "bulan": ""}) == (3, 6, 9, 12)
    assert ko.bulan_forum({"forum": "x", "irama": "triwulanan", "bulan": "2;5"}) == (2, 5)
    with pytest.raises(GalatP3PD, match="kolom 'bulan' kosong"):
        ko.bulan_forum({"forum": "x", "irama": "tahunan", "bulan": ""})
    with pytest.raises(GalatP3PD, match="1–12"):
        ko.bulan_forum({"forum": "x", "irama": "tahunan", "bulan": "13"})


def test_irama_pertemuan_dan_pertemuan_bulan():
    irama = ko.irama_pertemuan()
    forum = ko.referensi_forum()
    assert len(irama) == len(forum)
    assert list(irama.columns[-12:]) == list(ko.BULAN)
    bulanan = irama.set_index("forum").loc["Rapat koordinasi kecamatan", list(ko.BULAN)]
    assert (bulanan == "●").all()
    rkpdes = irama[irama["forum"].str.startswith("Musyawarah desa RKPDes")].iloc[0]
    assert [b for b in ko.BULAN if rkpdes[b] == "●"] == ["Jul", "Agu", "Sep"]
    assert "Musrenbang RKPD kecamatan" in ko.pertemuan_bulan(irama, 1)
    assert "Musrenbang RKPD kecamatan" not in ko.pertemuan_bulan(irama, 5)
    # setiap bulan paling sedikit satu pertemuan (rapat koordinasi bulanan)
    assert all(ko.pertemuan_bulan(irama, b) for b in range(1, 13))
    with pytest.raises(ValueError):
        ko.pertemuan_bulan(irama, 0)


# --- ekspor ------------------------------------------------------------------------------------


def _lembar() -> dict[str, pd.DataFrame]:
    pm = _pemangku()
    pm.loc[0, "lembaga"] = "=Dinas Kesehatan"  # teks mirip rumus tetap teks
    return ko.lembar_ekspor(
        ko.matriks_raci(pm),
        ko.mitra_untuk_kesenjangan(pm, _matriks(), NAMA),
        ko.irama_pertemuan(),
        label="Data latihan ini sintetis.",
    )


def test_ekspor_excel_lembar_judul_dan_tidak_menimpa(tmp_path):
    from openpyxl import load_workbook

    tujuan = tmp_path / "koordinasi.xlsx"
    lembar = _lembar()
    assert ko.ekspor_excel(lembar, tujuan) == tujuan
    buku = load_workbook(tujuan)
    assert buku.sheetnames == [
        "Matriks peran",
        "Mitra dan kesenjangan",
        "Irama pertemuan",
        "Keterangan",
    ]
    peran = buku["Matriks peran"]
    judul = [c.value for c in peran[1]]
    assert judul == ["Lembaga", "Jenis", *LAYANAN.values()]
    assert peran.freeze_panes == "A2"
    nilai = [r[0] for r in peran.iter_rows(min_row=2, values_only=True)]
    assert "=Dinas Kesehatan" in nilai and peran.max_row == len(_pemangku()) + 1
    assert all(c.data_type != "f" for r in peran.iter_rows() for c in r)
    mitra = buku["Mitra dan kesenjangan"]
    assert [c.value for c in mitra[1]][:2] == ["Layanan", "Desa berlampu merah"]
    assert mitra["A3"].value == "Kesehatan" and mitra["B3"].value == 2
    assert buku["Keterangan"]["A2"].value == "Data latihan ini sintetis."
    assert buku["Irama pertemuan"].max_row == len(ko.referensi_forum()) + 1
    # dijalankan ulang dengan isi sama: dibiarkan; isi lain: ditolak kecuali timpa=True
    waktu = tujuan.stat().st_mtime_ns
    assert ko.ekspor_excel(_lembar(), tujuan) == tujuan
    assert tujuan.stat().st_mtime_ns == waktu
    lain = _lembar()
    lain["Keterangan"].loc[0, "Keterangan"] = "Data sendiri."
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        ko.ekspor_excel(lain, tujuan)
    baru = ko.ekspor_excel(lain, tujuan, nama_baru=True)
    assert baru == tmp_path / "koordinasi (2).xlsx"
    assert load_workbook(baru)["Keterangan"]["A2"].value == "Data sendiri."
    assert ko.ekspor_excel(lain, tujuan, nama_baru=True) == baru  # isi sama: dibiarkan
    assert load_workbook(tujuan)["Keterangan"]["A2"].value == "Data latihan ini sintetis."
    ko.ekspor_excel(lain, tujuan, timpa=True)
    assert load_workbook(tujuan)["Keterangan"]["A2"].value == "Data sendiri."


def test_ekspor_tidak_menimpa_berkas_bukan_excel(tmp_path):
    tujuan = tmp_path / "catatan.xlsx"
    tujuan.write_text("catatan peserta", encoding="utf-8")
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        ko.ekspor_excel(_lembar(), tujuan)
    assert tujuan.read_text(encoding="utf-8") == "catatan peserta"


def test_mitra_untuk_kesenjangan_tanpa_mitra_dan_tanpa_opd():
    """Kecamatan tanpa baris swasta/CSR dan tanpa perangkat daerah: tidak ada KeyError."""
    pemangku = _pemangku()
    sisa = pemangku[~pemangku["jenis"].isin(["swasta/CSR", "perangkat daerah"])]
    hasil = ko.mitra_untuk_kesenjangan(sisa, _matriks(), NAMA).set_index("layanan")
    assert list(hasil.index) == list(LAYANAN)
    assert (hasil["mitra"] == "").all() and (hasil["pemegang_urusan"] == "").all()
    assert hasil.loc["kesehatan", "desa_merah"] == 2
    assert hasil.loc["kesehatan", "langkah"].startswith("belum ada mitra")
    assert ko.desa_untuk_mitra(sisa, _matriks(), NAMA).empty


def test_data_sebagian_tanpa_pemangku_dan_tanpa_indikator():
    """Folder data sendiri tanpa tabel pemangku atau indikator: tabel kosong berkolom, tanpa galat."""
    kosong = ko.pemangku_kecamatan(None, "35.79.01", boleh_kosong=True)
    assert kosong.empty and {"lembaga", "jenis", "layanan", "peran"} <= set(kosong.columns)
    with pytest.raises(GalatP3PD, match="35.79.01"):
        ko.pemangku_kecamatan(None, "35.79.01")
    raci = ko.matriks_raci(kosong)
    assert raci.empty and list(raci.columns) == ["jenis", *LAYANAN]
    cek = ko.periksa_raci(raci)
    assert (cek["catatan"] == "tidak ada data (tabel pemangku)").all()
    assert ko.kisi_pengaruh(kosong).empty
    matriks = ko.matriks_kecamatan({"wilayah": pd.DataFrame()}, "35.79.01", 2024)
    assert matriks.empty and "lampu" in matriks.columns
    mitra = ko.mitra_untuk_kesenjangan(kosong, matriks)
    assert list(mitra["layanan"]) == list(LAYANAN)
    assert (mitra["langkah"] == "tidak ada desa berlampu merah").all()
    assert ko.desa_untuk_mitra(kosong, matriks).empty


def test_tabel_berwarna_sama_setiap_kali_dan_beda_untuk_isi_lain():
    a = pd.DataFrame({"forum": ["Musrenbang"], "Jan": ["●"]})
    b = pd.DataFrame({"forum": ["Rakor"], "Jan": ["●"]})
    assert ko.tabel_utuh(a).to_html() == ko.tabel_utuh(a.copy()).to_html()
    assert ko.tabel_utuh(a).uuid != ko.tabel_utuh(b).uuid
    raci = pd.DataFrame({lay: ["R"] for lay in LAYANAN}, index=pd.Index(["Dinkes"], name="lembaga"))
    assert ko.gaya_raci(raci).to_html() == ko.gaya_raci(raci.copy()).to_html()


def test_tabel_utuh_kosong_menjadi_kotak_bukan_tabel_mentah():
    kosong = pd.DataFrame({"layanan": []})
    assert ko.tabel_utuh(kosong, tidak_ada="pemangku").teks == (
        "tidak ada data (tabel pemangku_kepentingan.csv)"
    )
    assert ko.tabel_utuh(kosong).teks == "tidak ada baris yang memenuhi syarat (0 baris)"
