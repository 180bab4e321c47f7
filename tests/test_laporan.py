"""Uji ``p3pd.laporan``: isi handout dihitung dengan benar dari data latihan."""

from __future__ import annotations

import datetime as dt
import html as html_mod
import os
import re
import shutil

import numpy as np
import pandas as pd
import pytest

from p3pd import diagnosis, laporan, wilayah
from p3pd.format import persen
from p3pd.galat import GalatP3PD, WilayahTidakDikenal
from p3pd.indikator import DAFTAR_INDIKATOR, INDIKATOR, hitung_capaian
from p3pd.lokasi import folder_data
from p3pd.skema import LAYANAN, NAIK, SEMUA_TABEL


@pytest.fixture(scope="module")
def data() -> laporan.DataLaporan:
    return laporan.muat_data()


@pytest.fixture(scope="module")
def tahun(data) -> int:
    return data.tahun()[-1]


@pytest.fixture(scope="module")
def jateng() -> laporan.WilayahHandout:
    return laporan.pilih_wilayah("Jawa Tengah")


@pytest.fixture(scope="module")
def getasan() -> laporan.WilayahHandout:
    return laporan.pilih_wilayah("Jateng", kecamatan="Getasan")


# --------------------------------------------------------------------------- wilayah


def test_pilih_wilayah(jateng, getasan):
    assert (jateng.tingkat, jateng.kode, jateng.nama) == ("provinsi", "33", "Provinsi Jawa Tengah")
    assert jateng.tingkat_data == "provinsi"
    assert (getasan.tingkat, getasan.kode, getasan.nama) == (
        "kecamatan",
        "33.22.01",
        "Kecamatan Getasan",
    )
    assert getasan.kabupaten.nama == "Kabupaten Semarang"
    kab = laporan.pilih_wilayah("NTT", kabupaten="TTS")
    assert (kab.kode, kab.tingkat_data) == ("53.02", "kabupaten")


def test_pilih_wilayah_galat():
    with pytest.raises(WilayahTidakDikenal, match="Pilihan yang sah: .*Jawa Tengah"):
        laporan.pilih_wilayah("Jawa Barat")
    with pytest.raises(WilayahTidakDikenal, match="Getasan"):
        laporan.pilih_wilayah("Jawa Tengah", kecamatan="Getasn")
    with pytest.raises(WilayahTidakDikenal):  # Getasan bukan di Sumatera Utara
        laporan.pilih_wilayah("Sumatera Utara", kecamatan="Getasan")
    with pytest.raises(GalatP3PD, match="bukan Jawa Tengah"):
        laporan.pilih_wilayah("Jawa Tengah", kabupaten="Banjar")


# --------------------------------------------------------------------------- angka kunci


def test_angka_kunci_sama_dengan_hitung_capaian(data, tahun, jateng, getasan):
    ind = data.indikator
    for wil, tingkat in ((jateng, "provinsi"), (getasan, "kecamatan")):
        kunci = laporan.angka_kunci(data, wil, tahun).set_index("indikator")
        harap = hitung_capaian(ind, tingkat, tahun=tahun)
        harap = harap[harap["kode_wilayah"] == wil.kode].set_index("indikator")["capaian"]
        assert list(kunci.index) == [i.kode for i in DAFTAR_INDIKATOR]
        np.testing.assert_allclose(kunci["wilayah"], harap.loc[kunci.index])
    kab = hitung_capaian(ind, "kabupaten", tahun=tahun)
    kab = kab[kab["kode_wilayah"] == "33.22"].set_index("indikator")["capaian"]
    kunci = laporan.angka_kunci(data, getasan, tahun).set_index("indikator")
    np.testing.assert_allclose(kunci["kabupaten"], kab.loc[kunci.index])


def test_angka_kunci_hitung_tangan_stunting(data, tahun, getasan):
    """Jumlahkan cacah desa Getasan dengan tangan, lalu bagi (bukan rata-rata persen desa)."""
    ind = data.indikator
    desa = ind[(ind["tahun"] == tahun) & ind["kode_desa"].str.startswith("33.22.01.")]
    harap = desa["balita_stunting"].sum() / desa["balita_diukur"].sum() * 100
    kunci = laporan.angka_kunci(data, getasan, tahun).set_index("indikator")
    assert kunci.loc["stunting", "wilayah"] == pytest.approx(harap)


def test_angka_kunci_acuan_terbitan(data, tahun, jateng):
    kunci = laporan.angka_kunci(data, jateng, tahun).set_index("indikator")
    stunting = INDIKATOR["stunting"]
    assert kunci.loc["stunting", "provinsi_terbitan"] == stunting.acuan_untuk("33", tahun).nilai
    assert kunci.loc["stunting", "nasional_terbitan"] == stunting.acuan_untuk("ID", tahun).nilai
    assert kunci.loc["stunting", "kabupaten_terbitan"] == stunting.acuan_untuk("33.22", tahun).nilai
    assert "SSGI" in kunci.loc["stunting", "provinsi_terbitan_sumber"]
    # indikator tanpa acuan: kosong, bukan angka karangan
    assert pd.isna(kunci.loc["apm_sd", "provinsi_terbitan"])
    assert kunci.loc["apm_sd", "provinsi_terbitan_sumber"] == ""


def test_html_angka_kunci_bernomor_sumber(data, tahun, jateng):
    h = laporan.Handout("Jawa Tengah", tahun=tahun, data=data)
    html = str(h.tabel_angka_kunci())
    kunci = h.angka_kunci().set_index("indikator")
    assert f'data-kolom="wilayah">{persen(kunci.loc["stunting", "wilayah"], 1)}<' in html
    nomor = [int(n) for n in re.findall(r"<sup>(\d+)</sup>", html)]
    daftar = re.findall(r"<li>(.*?)</li>", html)
    assert nomor and max(nomor) == len(daftar) == len(set(daftar))
    assert any("SSGI 2022" in s for s in daftar)


# --------------------------------------------------------------------------- lampu


def test_lampu_provinsi_per_kecamatan(data, tahun, jateng):
    lampu = laporan.lampu_wilayah(data, jateng, tahun)
    n_kec = len(wilayah.daftar_kecamatan("Jawa Tengah"))
    assert lampu["kode_wilayah"].nunique() == n_kec
    assert len(lampu) == n_kec * len(laporan.INDIKATOR_LAMPU)
    assert lampu["nama"].notna().all()
    assert set(lampu["lampu"]) <= {"hijau", "kuning", "merah"}
    # capaian kecamatan = jumlah cacah desa kecamatan itu, dibagi
    harap = hitung_capaian(data.indikator, "kecamatan", tahun=tahun)
    gabung = lampu.merge(
        harap[["kode_wilayah", "indikator", "capaian"]], on=["kode_wilayah", "indikator"]
    )
    np.testing.assert_allclose(gabung["capaian_x"], gabung["capaian_y"])
    # aturan lampu: hijau ⇔ target tercapai; merah ⇒ lebih buruk dari kabupaten
    naik = lampu["indikator"].map(lambda k: INDIKATOR[k].arah == NAIK)
    capai = np.where(naik, lampu["capaian"] >= lampu["target"], lampu["capaian"] <= lampu["target"])
    assert ((lampu["lampu"] == "hijau") == capai).all()
    merah = lampu[lampu["lampu"] == "merah"]
    naik_m = naik[merah.index]
    lebih_buruk = np.where(
        naik_m, merah["capaian"] < merah["pembanding"], merah["capaian"] > merah["pembanding"]
    )
    assert lebih_buruk.all()
    kab = hitung_capaian(data.indikator, "kabupaten", tahun=tahun)
    kab = kab[kab["kode_wilayah"] == "33.22"].set_index("indikator")["capaian"]
    np.testing.assert_allclose(lampu["pembanding"], lampu["indikator"].map(kab))


def test_lampu_kecamatan_per_desa_sama_dengan_diagnosis(data, tahun, getasan):
    lampu = laporan.lampu_wilayah(data, getasan, tahun)
    desa = data.wilayah[data.wilayah["kode_kecamatan"] == "33.22.01"]
    assert set(lampu["kode_wilayah"]) == set(desa["kode_desa"])
    kab = data.indikator[data.indikator["kode_desa"].str.startswith("33.22.")]
    harap = diagnosis.matriks_masalah(kab, tahun, laporan.INDIKATOR_LAMPU)
    harap = harap[harap["kode_desa"].str.startswith("33.22.01.")]
    assert lampu.set_index(["kode_wilayah", "indikator"])["lampu"].sort_index().tolist() == (
        harap.set_index(["kode_desa", "indikator"])["lampu"].sort_index().tolist()
    )


def test_html_tabel_lampu(data, tahun, getasan):
    h = laporan.Handout("Jawa Tengah", kecamatan="Getasan", tahun=tahun, data=data)
    html = str(h.tabel_lampu())
    lampu = laporan.lampu_wilayah(data, getasan, tahun)
    assert html.count("<tr data-kode=") == lampu["kode_wilayah"].nunique()
    for warna in ("hijau", "kuning", "merah"):
        n = int((lampu["lampu"] == warna).sum())
        assert html.count(f"lampu-{warna}") == n
    porsi = laporan.porsi_apbdes(data, getasan, tahun)
    assert persen(porsi["porsi_layanan_dasar"].iloc[0], 1) in html


# --------------------------------------------------------------------------- prioritas


def test_prioritas_sama_dengan_diagnosis(data, tahun, getasan):
    prio = laporan.prioritas(data, getasan, tahun, jumlah=5)
    kab = data.indikator[data.indikator["kode_desa"].str.startswith("33.22.")]
    harap = diagnosis.desa_prioritas(kab, tahun, wilayah="33.22.01", jumlah=5)
    assert prio["kode_desa"].tolist() == harap["kode_desa"].tolist()
    assert prio["peringkat"].tolist() == [1, 2, 3, 4, 5]
    assert (prio["nama_kecamatan"] == "Getasan").all()
    nama = data.wilayah.set_index("kode_desa")["nama_desa"]
    assert prio["nama_desa"].tolist() == nama.loc[prio["kode_desa"]].tolist()
    assert prio["porsi_layanan_dasar"].between(0, 100).all()


def test_prioritas_provinsi_menyebut_kecamatan(data, tahun, jateng):
    prio = laporan.prioritas(data, jateng, tahun, jumlah=10)
    assert len(prio) == 10
    assert prio["kode_desa"].str.startswith("33.").all()
    assert prio["skor"].is_monotonic_decreasing
    html = str(laporan.html_prioritas(prio, "provinsi"))
    assert "<th>Kecamatan</th>" in html and html.count("<tr data-kode=") == 10
    # handout menunjukkan mengapa desa di atas: layanan berlampu merah beserta angkanya
    pertama = prio.iloc[0]
    assert pertama["rincian_layanan"]
    assert html_mod.escape(pertama["rincian_layanan"]) in html
    assert "setiap layanan berbobot sama" in html


def test_angka_kunci_menandai_jenis_target_dan_jenis_data(data, tahun, jateng):
    kunci = laporan.angka_kunci(data, jateng, tahun).set_index("indikator")
    assert kunci.loc["stunting", "jenis_target"] == "resmi"
    assert kunci.loc["apm_sd", "jenis_target"] == "SPM"
    assert kunci.loc["imunisasi_dasar_lengkap", "jenis_data"] == "administratif"
    # DTKS tidak disandingkan dengan P0 BPS: tidak ada angka terbitan di barisnya
    assert (
        kunci.loc["penduduk_dtks"][["kabupaten_terbitan", "provinsi_terbitan", "nasional_terbitan"]]
        .isna()
        .all()
    )
    html = str(laporan.html_angka_kunci(kunci.reset_index(), jateng, "Kabupaten Semarang"))
    assert "asumsi" in html and "SPM" in html and "(data desa: adm.)" in html


# --------------------------------------------------------------------------- kebutuhan vs penyediaan


def test_permintaan_penyediaan_hitung_langsung(data, tahun, getasan):
    pp = laporan.permintaan_penyediaan(data, getasan, tahun).set_index("layanan")
    assert list(pp.index) == list(LAYANAN)
    desa = set(data.wilayah.loc[data.wilayah["kode_kecamatan"] == "33.22.01", "kode_desa"])
    us = data.usulan[(data.usulan["tahun"] == tahun) & data.usulan["kode_desa"].isin(desa)]
    for kunci in LAYANAN:
        u = us[us["layanan"] == kunci]
        assert pp.loc[kunci, "usulan"] == len(u)
        assert pp.loc[kunci, "usulan_prioritas_tinggi"] == (u["prioritas"] == "tinggi").sum()
        if len(u):
            assert pp.loc[kunci, "persen_diakomodasi"] == pytest.approx(
                u["diakomodasi"].mean() * 100
            )
        program = data.program[
            (data.program["tahun"] == tahun) & (data.program["layanan"] == kunci)
        ]
        sasaran = [set(t.split(";")) & desa for t in program["desa_sasaran"]]
        assert pp.loc[kunci, "program_opd"] == sum(1 for s in sasaran if s)
        assert pp.loc[kunci, "desa_sasaran_opd"] == len(set().union(*sasaran))
    assert (pp["desa"] == len(desa)).all()
    assert (pp["desa_merah_tanpa_program"] <= pp["desa_merah"]).all()


def test_desa_kebutuhan_tinggi(data, tahun, getasan):
    kt = laporan.desa_kebutuhan_tinggi(data, getasan, tahun)
    assert kt["kode_desa"].str.startswith("33.22.01.").all()
    assert kt["indeks_kebutuhan"].is_monotonic_decreasing
    assert kt["nama_desa"].notna().all()


# --------------------------------------------------------------------------- pertanyaan, agenda


def test_pertanyaan_diskusi_per_hari(data, tahun, jateng):
    tanya = laporan.pertanyaan_diskusi(data, jateng, tahun)
    assert list(tanya) == [h for h, _ in laporan.HARI_PELATIHAN]
    assert all(len(d) >= 2 for d in tanya.values())
    kunci = laporan.angka_kunci(data, jateng, tahun).set_index("indikator")
    hari2 = " ".join(tanya[laporan.HARI_PELATIHAN[1][0]])
    assert persen(kunci.loc["stunting", "wilayah"], 1) in hari2
    prio = laporan.prioritas(data, jateng, tahun, jumlah=3)
    assert all(n in hari2 for n in prio["nama_desa"])
    html = str(laporan.html_pertanyaan(tanya))
    assert html.count("<h3>") == 4 and html.count("<li>") == sum(len(d) for d in tanya.values())


def test_agenda_kosong_dan_sampul(jateng):
    html = str(laporan.html_agenda(7))
    assert html.count('<td class="angka">') == 7
    assert html.count("<td></td>") == 7 * 6
    assert "Penanggung jawab" in html
    sampul = str(laporan.html_sampul(jateng, "Kabupaten Semarang", 2024, dt.date(2024, 7, 9)))
    assert "Provinsi Jawa Tengah" in sampul and "9 Juli 2024" in sampul
    assert "Data sintetis untuk latihan" in sampul and "Tahun data 2024" in sampul


def test_agenda_terisi_dari_susun_agenda(data, tahun, jateng):
    from p3pd import agenda

    kode = laporan.kecamatan_agenda(data, jateng, tahun)
    prio = laporan.prioritas(data, jateng, tahun, 10)["kode_desa"].str[:8]
    assert (prio == kode).sum() == prio.value_counts().max()
    rancangan = laporan.rancangan_agenda(data, jateng, tahun)
    tabel = {k: v for k, v in vars(data).items() if isinstance(v, pd.DataFrame)}
    penuh = agenda.susun_agenda(tabel, kode, tahun, isu=pd.DataFrame())
    harapan = penuh[penuh["bagian"] == "desa"].head(4).reset_index(drop=True)
    pd.testing.assert_frame_equal(rancangan, harapan)
    html = str(laporan.html_agenda_terisi(rancangan, kosong=3))
    assert html.count('<td class="angka">') == len(rancangan) + 3
    assert html.count("<td></td>") == 3 * 6
    for r in rancangan.itertuples():
        assert html_mod.escape(r.nama_desa, quote=True) in html
        assert persen(r.capaian_awal, 1) in html and persen(r.target, 1) in html
        assert html_mod.escape(r.penanggung_jawab, quote=True) in html
        assert r.jenis_binwas.capitalize() in html


def test_nama_diloloskan_sebagai_html():
    """Nama dengan apostrof (Kot'olin) tidak merusak HTML."""
    wil = laporan.pilih_wilayah("NTT", kecamatan="Kot'olin")
    html = str(laporan.html_sampul(wil, wil.kabupaten.nama, 2024, dt.date(2024, 7, 9)))
    assert "Kot&#x27;olin" in html and "Kot'olin" not in html


# --------------------------------------------------------------------------- grafik


@pytest.mark.parametrize("kecamatan", [None, "Getasan"])
def test_grafik_bertanda_sintetis(data, tahun, kecamatan):
    from matplotlib.figure import Figure

    from p3pd import grafik

    h = laporan.Handout("Jawa Tengah", kecamatan=kecamatan, tahun=tahun, data=data)
    for fig in (h.grafik_capaian(), h.grafik_apbdes()):
        assert isinstance(fig, Figure)
        assert any(t.get_gid() == grafik.GID_TANDA for t in fig.texts)
        assert fig.get_figwidth() == pytest.approx(7.0)
    ax = h.grafik_capaian().axes[0]
    label = [t.get_text() for t in ax.get_yticklabels()]
    assert len(label) == len(DAFTAR_INDIKATOR)
    assert "Stunting ↓" in label
    batang = [p for p in ax.patches if p.get_width() > 0]
    assert len(batang) >= len(DAFTAR_INDIKATOR) * (2 if kecamatan else 1) - 2
    ax2 = h.grafik_apbdes().axes[0]
    n_baris = len(ax2.get_yticklabels())
    assert n_baris == min(3, len(data.tahun())) + (1 if kecamatan else 0)


# --------------------------------------------------------------------------- Handout dan data


def test_handout_tahun_dan_tanggal(data):
    with pytest.raises(GalatP3PD, match="Tahun 2019 tidak ada di data"):
        laporan.Handout("Jawa Tengah", tahun=2019, data=data)
    h = laporan.Handout("Jawa Tengah", tanggal="2024-07-09", data=data)
    assert h.tahun == data.tahun()[-1] and h.tanggal == dt.date(2024, 7, 9)
    assert h.nama_kabupaten == "Kabupaten Semarang"
    assert h.tingkat == "provinsi"
    agenda_html = str(h.agenda())
    assert agenda_html.count('<td class="angka">') == 8 and agenda_html.count('"terisi"') == 4
    assert "2 baris rancangan dan 1 baris kosong" in repr(h.agenda(2, 1))


def test_data_tersimpan_dipakai_ulang_sampai_berkas_berubah(tmp_path):
    for t in SEMUA_TABEL.values():
        if (folder_data() / t.berkas).exists():
            shutil.copy(folder_data() / t.berkas, tmp_path / t.berkas)
    pertama = laporan._muat_data_tersimpan(tmp_path)
    assert laporan._muat_data_tersimpan(tmp_path) is pertama
    berkas = tmp_path / SEMUA_TABEL["usulan"].berkas
    st = berkas.stat()
    os.utime(berkas, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    kedua = laporan._muat_data_tersimpan(tmp_path)
    assert kedua is not pertama
    pd.testing.assert_frame_equal(kedua.usulan, pertama.usulan)
    # muat_data() biasa selalu memuat baru
    assert laporan.muat_data(tmp_path) is not laporan.muat_data(tmp_path)


def test_html_repr_teks():
    h = laporan.Html("<b>x</b>", "x polos")
    assert str(h) == "<b>x</b>" and h._repr_html_() == "<b>x</b>" and repr(h) == "x polos"


@pytest.mark.parametrize("nama", ["NTT", "Jawa Tengah"])
def test_pertanyaan_hari_1_memakai_bagian_sel_merah_per_layanan(data, tahun, nama):
    """Layanan yang disebut = bagian sel merah terbesar (bukan jumlah sel), target berjenis."""
    wil = laporan.pilih_wilayah(nama)
    lampu = laporan.lampu_wilayah(data, wil, tahun, [i.kode for i in DAFTAR_INDIKATOR])
    lampu = lampu[lampu["lampu"].notna()]
    bagian = (
        (lampu["lampu"] == "merah")
        .groupby(lampu["indikator"].map({i.kode: i.layanan for i in DAFTAR_INDIKATOR}))
        .mean()
    )
    pertanyaan = laporan.pertanyaan_diskusi(data, wil, tahun)
    pertama, kedua = pertanyaan[laporan.HARI_PELATIHAN[0][0]]
    assert f"layanan {LAYANAN[bagian.idxmax()].lower()} punya bagian sel merah terbesar" in pertama
    assert persen(100 * bagian.max()) in pertama
    assert re.search(r"target [\d,]+%, (resmi|SPM|asumsi pelatihan)\)", kedua)
    stunting = pertanyaan[laporan.HARI_PELATIHAN[1][0]][0]
    assert f"(sintetis, {tahun})" in stunting and "survei" in stunting
    assert laporan.CATATAN_HARI in laporan.html_pertanyaan(pertanyaan).teks


def test_isu_musrenbang_handout_sama_dengan_perencanaan(data, tahun, jateng, getasan):
    from p3pd import perencanaan

    tabel = {k: v for k, v in vars(data).items() if isinstance(v, pd.DataFrame)}
    assert data.usulan_tindak_lanjut is not None and data.program_desa is not None
    for wil in (getasan, jateng):
        isu = laporan.isu_handout(data, wil, tahun)
        kode = laporan.kecamatan_agenda(data, wil, tahun)
        harap = perencanaan.isu_musrenbang(tabel, kode, tahun).head(5)
        pd.testing.assert_frame_equal(isu.reset_index(drop=True), harap.reset_index(drop=True))
    assert laporan.kecamatan_agenda(data, getasan, tahun) == getasan.kecamatan.kode
    teks = str(laporan.html_isu_musrenbang(isu, kosong=2, keterangan="contoh"))
    assert teks.count('<tr class="terisi">') == len(isu)
    assert teks.count("<tr><td") == 2
    assert "Dibawa ke" in teks
    for r in isu.itertuples():
        assert html_mod.escape(r.opd) in teks
        assert html_mod.escape(laporan._bukti_singkat(r.bukti)) in teks


def test_isu_musrenbang_handout_tanpa_tabel_perencanaan(data, tahun, getasan):
    """Data sendiri tanpa usulan dan program: bagian isu tetap tampil, dari lampu saja."""
    kosong = laporan.DataLaporan(
        wilayah=data.wilayah,
        indikator=data.indikator,
        belanja=data.belanja,
        fasilitas=data.fasilitas,
        usulan=laporan._tabel_kosong("usulan"),
        program=laporan._tabel_kosong("program"),
    )
    isu = laporan.isu_handout(kosong, getasan, tahun)
    assert isu["usulan_tertunda"].isna().all() and isu["desa_usulan_tertunda"].isna().all()
    # tanpa tabel program: "tidak ada data" (NaN), bukan 0 program atau "semua desa tanpa program"
    assert isu["program_opd"].isna().all() and isu["desa_merah_tanpa_program"].isna().all()
    assert (isu["skor"] == 2 * isu["desa_merah"]).all()
    bagian = laporan.html_isu_musrenbang(isu)
    assert "Isu Musrenbang" in repr(bagian)
    html = bagian._repr_html_()
    assert "program OPD: tidak ada data" in html and "usulan: tidak ada data" in html


def test_data_latihan_lengkap_tanpa_baris_tidak_ada_data(data):
    """Data latihan memuat semua tabel handout: tidak ada bagian yang menulis "tidak ada data"."""
    assert data.tidak_ada == ("terbitan",)  # angka terbitan per desa hanya ada di data sendiri
    h = laporan.Handout("Jawa Tengah", kecamatan="Getasan", data=data, tanggal="2024-07-09")
    for bagian in (
        h.tabel_angka_kunci,
        h.pengantar_angka_kunci,
        h.tabel_lampu,
        h.tabel_prioritas,
        h.tabel_permintaan_penyediaan,
        h.isu_musrenbang,
        h.agenda,
    ):
        assert "tidak ada data" not in bagian().isi.lower(), bagian.__name__
    assert "di data latihan" in h.pengantar_angka_kunci().isi
    for grafik in (h.grafik_capaian(), h.grafik_apbdes()):
        assert not isinstance(grafik, laporan.Html)


def test_html_tidak_ada_data_menyebut_berkas(monkeypatch, tmp_path):
    monkeypatch.setenv("P3PD_DATA", str(tmp_path))
    baris = laporan.html_tidak_ada_data(["usulan", "belanja"], "kolom usulan")
    assert repr(baris) == (
        "Tidak ada data untuk kolom usulan: berkas usulan_desa.csv dan apbdes_belanja.csv "
        f"tidak ada (atau kosong) di folder data '{tmp_path.name}'; cara mengisinya: "
        "apbdes_belanja.csv lewat p3pd impor --preset siskeudes_apbdes (dari ekspor Siskeudes); "
        "usulan_desa.csv: isi sendiri di Excel, lihat data/KAMUS_DATA.md."
    )
    tanpa_baris = laporan.html_tidak_ada_data(
        "belanja", "grafik", tanpa_baris=["belanja"], wilayah="Kecamatan X tahun 2024"
    )
    assert repr(tanpa_baris) == (
        "Tidak ada data untuk grafik: berkas apbdes_belanja.csv tidak memuat baris untuk "
        "Kecamatan X tahun 2024 (kelurahan tidak punya APBDes); cara mengisinya: "
        "p3pd impor --preset siskeudes_apbdes (dari ekspor Siskeudes)."
    )
    assert "grafik-tanpa-data" not in str(baris)
    assert "grafik-tanpa-data" in str(laporan.html_tidak_ada_data("belanja", grafik=True))


def test_data_latihan_sampul_pelatihan_pembanding_kabupaten_stunting_survei(data):
    from p3pd.laporan_html import SAMPUL_LATIHAN

    h = laporan.Handout("Jateng", kecamatan="Getasan", data=data)
    assert SAMPUL_LATIHAN in h.sampul().isi and "9–12 Juli 2024" in SAMPUL_LATIHAN
    assert h.pembanding.lengkap and h.pembanding.kalimat == ""
    assert "lebih buruk dari kabupaten." in h.tabel_lampu().isi
    assert "Rata-rata desa di data ini" not in h.tabel_angka_kunci().isi
    assert "(data desa: survei)" in h.tabel_angka_kunci().isi
    assert h.angka_kunci().set_index("indikator").loc["stunting", "asal_data"] == ""
