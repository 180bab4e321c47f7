"""Uji p3pd.pemantauan: rencana pemantauan, lembar pelacakan, ringkasan empat hari, buku kerja RTL."""

from __future__ import annotations

import math
import re

import openpyxl
import pandas as pd
import pytest
from conftest import buat_tabel_contoh

from p3pd import apbdes, diagnosis, muat, skema
from p3pd import pemantauan as pm
from p3pd.format import persen
from p3pd.indikator import INDIKATOR, SURVEI

KEC = "33.22.01"


TABEL = ("wilayah", "indikator", "belanja", "pemangku")
"""Tabel yang dipakai rencana pemantauan dan ringkasan empat hari (tanpa rincian kegiatan 1.1)."""


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    for nama in TABEL:
        buat_tabel_contoh(nama).to_csv(folder / skema.SEMUA_TABEL[nama].berkas, index=False)
    return muat.muat_folder(folder, TABEL)


@pytest.fixture(scope="module")
def rencana(data):
    return pm.rencana_pemantauan(data, KEC)


def test_referensi_mencakup_semua_indikator_dan_survei_tahunan():
    ref = pm.referensi_pemantauan()
    assert sorted(ref["kode_indikator"]) == sorted(INDIKATOR)
    assert set(ref["irama_pantau"]) <= set(pm.IRAMA)
    assert (ref["sumber_data"].str.len() > 0).all() and (ref["pelapor"].str.len() > 0).all()
    survei = ref[ref["kode_indikator"].map(lambda k: INDIKATOR[k].jenis_data == SURVEI)]
    assert not survei.empty and (survei["irama_pantau"] == "tahunan").all()


def test_kecamatan_dicari_di_data_menurut_nama_atau_kode(data):
    assert pm.cari_kecamatan_data(data, "uji") == (KEC, "Uji")
    assert pm.cari_kecamatan_data(data, KEC) == (KEC, "Uji")
    with pytest.raises(KeyError, match="tidak ada di tabel wilayah"):
        pm.cari_kecamatan_data(data, "Getasan")


def test_rencana_mengikuti_indikator_merah_desa_prioritas(data, rencana):
    prioritas = diagnosis.desa_prioritas(data["indikator"], wilayah=KEC, jumlah=5)
    matriks = diagnosis.matriks_masalah(data["indikator"])
    merah = matriks[
        (matriks["lampu"] == "merah") & matriks["kode_desa"].isin(prioritas["kode_desa"])
    ]
    banyak = merah["indikator"].value_counts()
    ambang = math.ceil(prioritas["kode_desa"].nunique() / 2)
    harapan = set(banyak[banyak >= ambang].index)
    assert harapan, "data contoh harus punya indikator merah bersama"
    assert set(rencana["kode_indikator"]) == harapan
    assert (rencana["jumlah_desa_merah"] >= ambang).all()
    for r in rencana.itertuples():
        assert r.jumlah_desa_merah == banyak[r.kode_indikator]
        assert len(r.desa_merah.split(", ")) == r.jumlah_desa_merah


def test_baseline_dijumlahkan_dulu_baru_dibagi(data, rencana):
    ind = data["indikator"]
    tahun = int(ind["tahun"].max())
    baris = ind[ind["tahun"] == tahun]
    for r in rencana.itertuples():
        i = INDIKATOR[r.kode_indikator]
        harapan = baris[i.pembilang].sum() / baris[i.penyebut].sum() * 100
        assert r.baseline == pytest.approx(round(harapan, 1))
        assert r.tahun_baseline == tahun


def test_target_jenis_dan_irama_dari_metadata(rencana):
    ref = pm.referensi_pemantauan().set_index("kode_indikator")
    for r in rencana.itertuples():
        i = INDIKATOR[r.kode_indikator]
        assert (r.jenis_target, r.sumber_target, r.jenis_data) == (
            i.jenis_target,
            i.sumber_target,
            i.jenis_data,
        )
        assert (pd.isna(r.target) and i.target is None) or r.target == i.target
        assert r.irama_pantau == ref.loc[r.kode_indikator, "irama_pantau"]
        assert r.sumber_data == ref.loc[r.kode_indikator, "sumber_data"]
        if r.jenis_data == SURVEI:
            assert r.irama_pantau == "tahunan"


def test_pelapor_dari_tabel_pemangku_kecamatan(data, rencana):
    kesehatan = rencana[rencana["layanan"] == "Kesehatan"]
    if kesehatan.empty:
        pytest.skip("tidak ada indikator kesehatan di rencana data contoh")
    # tabel pemangku contoh punya lembaga "Puskesmas" di kecamatan uji
    assert (kesehatan["pelapor"] == "Puskesmas").all()
    ubah = dict(data)
    ubah["pemangku"] = data["pemangku"].replace({"Puskesmas": "Puskesmas Uji Raya"})
    lain = pm.rencana_pemantauan(ubah, KEC)
    assert (lain.loc[lain["layanan"] == "Kesehatan", "pelapor"] == "Puskesmas Uji Raya").all()
    pendidikan = rencana[rencana["layanan"] == "Pendidikan"]
    if not pendidikan.empty:  # pilihan pertama bila tidak ada yang cocok, pilihan kedua bila ada
        assert (pendidikan["pelapor"] == "UPT Pendidikan").all()
        tambah = pd.DataFrame(
            {"kode_kecamatan": [KEC], "lembaga": ["Koordinator Wilayah Pendidikan Uji"]}
        )
        ubah["pemangku"] = pd.concat([data["pemangku"], tambah], ignore_index=True)
        lain = pm.rencana_pemantauan(ubah, KEC)
        pelapor = lain.loc[lain["layanan"] == "Pendidikan", "pelapor"]
        assert (pelapor == "Koordinator Wilayah Pendidikan Uji").all()


def test_ambang_desa_merah_dan_agenda(data, rencana):
    semua = pm.rencana_pemantauan(data, KEC, min_desa_merah=1)
    ketat = pm.rencana_pemantauan(data, KEC, min_desa_merah=5)
    assert set(ketat["kode_indikator"]) <= set(rencana["kode_indikator"])
    assert set(rencana["kode_indikator"]) <= set(semua["kode_indikator"])
    assert not rencana["di_agenda"].any()
    luar = next(k for k in INDIKATOR if k not in set(ketat["kode_indikator"]))
    agenda = pd.DataFrame({"indikator": [luar, "bukan_indikator", None]})
    dengan = pm.rencana_pemantauan(data, KEC, min_desa_merah=5, agenda=agenda)
    assert set(dengan["kode_indikator"]) == set(ketat["kode_indikator"]) | {luar}
    assert dengan.set_index("kode_indikator").loc[luar, "di_agenda"]


def test_lembar_pelacakan_satu_baris_per_indikator_dan_wilayah(data, rencana):
    lacak = pm.lembar_pelacakan(rencana, data, KEC)
    assert len(lacak) == len(rencana) + rencana["jumlah_desa_merah"].sum()
    assert list(lacak.columns) == list(pm.JUDUL_PELACAKAN)
    kec = lacak[lacak["wilayah"] == "Kecamatan Uji"]
    assert list(kec["indikator"]) == list(rencana["indikator"])
    assert list(kec["baseline"]) == list(rencana["baseline"])
    for r in lacak.itertuples(index=False):
        isian = [getattr(r, f"_{9 + n}") for n in range(4)]  # kolom Triwulan I–IV
        if r.jenis_data == SURVEI:
            assert isian == [pm.ISIAN_SURVEI] * 3 + [""]
        else:
            assert isian == [""] * 4
        assert r.tindak_lanjut == ""


def test_sintesis_dihitung_dari_fungsi_hari_sebelumnya(data, rencana):
    s = pm.sintesis(data, KEC, rencana=rencana).set_index("bagian")
    prioritas = diagnosis.desa_prioritas(data["indikator"], wilayah=KEC, jumlah=5)
    nama = data["wilayah"].set_index("kode_desa")["nama_desa"]
    teks_prioritas = s.filter(like="Desa prioritas", axis=0)["temuan"].iloc[0]
    for kode in prioritas["kode_desa"]:
        assert nama[kode] in teks_prioritas
    tahun = int(data["belanja"]["tahun"].max())
    porsi = apbdes.porsi_layanan_dasar(data["belanja"], "kecamatan", tahun=tahun)
    teks_porsi = s.loc[f"Porsi APBDes untuk layanan dasar ({tahun})", "temuan"]
    assert teks_porsi.startswith(persen(porsi["porsi_layanan_dasar"].iloc[0]))
    batas = apbdes.batas_30_persen(data["belanja"], tahun=tahun)
    teks_batas = s.loc[f"Batas 30 % PP 11/2019 ({tahun})", "temuan"]
    assert teks_batas.startswith(f"{int(batas['indikasi'].sum())} dari {len(batas)} desa")
    assert "siltap" not in teks_batas  # tanpa rincian kegiatan: hanya indikasi
    assert s.loc["Indikator yang dipantau", "temuan"].startswith(f"{len(rencana)} indikator")
    assert "Baris agenda terpadu" not in s.index
    agenda = pd.DataFrame(
        {
            "bagian": ["desa", "desa", "kabupaten"],
            "jenis_binwas": ["pembinaan"] * 2 + ["pengawasan"],
        }
    )
    dengan = pm.sintesis(data, KEC, rencana=rencana, agenda=agenda)
    assert dengan.set_index("bagian").loc["Baris agenda terpadu", "temuan"] == (
        "3 baris: 2 pembinaan, 1 pengawasan; 1 isu untuk kabupaten"
    )


def _buku(data, rencana, tujuan, **kw):
    lacak = pm.lembar_pelacakan(rencana, data, KEC)
    ringkas = pm.sintesis(data, KEC, rencana=rencana)
    lembar = pm.lembar_rtl(rencana, lacak, "Uji", 2024, "Data latihan ini sintetis.", ringkas)
    return pm.simpan_rtl(lembar, tujuan, **kw), lacak, ringkas


def test_buku_rtl_lembar_judul_lebar_beku_dan_isi(data, rencana, tmp_path):
    berkas, lacak, ringkas = _buku(data, rencana, tmp_path / "rtl.xlsx")
    buku = openpyxl.load_workbook(berkas)
    assert buku.sheetnames == [
        "Rencana pemantauan",
        "Pelacakan triwulan",
        "Ringkasan 4 hari",
        "Petunjuk",
    ]
    ws = buku["Rencana pemantauan"]
    judul = [c.value for c in ws[1]]
    assert judul == list(pm.JUDUL_RENCANA.values())
    assert all(c.font.bold for c in ws[1]) and ws.freeze_panes == "A2"
    assert ws.max_row == len(rencana) + 1
    kolom = {j: i for i, j in enumerate(judul)}
    for r, baris in zip(
        rencana.itertuples(), ws.iter_rows(min_row=2, values_only=True), strict=True
    ):
        assert baris[kolom["Indikator"]] == r.indikator
        assert baris[kolom["Baseline kecamatan (%)"]] == pytest.approx(r.baseline)
        assert baris[kolom["Jenis data"]] == r.jenis_data
        assert baris[kolom["Ada di agenda terpadu"]] == "tidak"
    for nama_lembar, lebar in pm.LEBAR_RTL.items():
        ws = buku[nama_lembar]
        assert ws.freeze_panes == "A2"
        judul = [c.value for c in ws[1]]
        for j, w in lebar.items():
            huruf = openpyxl.utils.get_column_letter(judul.index(j) + 1)
            assert ws.column_dimensions[huruf].width == w
    ws = buku["Pelacakan triwulan"]
    assert [c.value for c in ws[1]] == list(pm.JUDUL_PELACAKAN.values())
    assert ws.max_row == len(lacak) + 1
    assert buku["Ringkasan 4 hari"].max_row == len(ringkas) + 1
    petunjuk = [r[0] for r in buku["Petunjuk"].iter_rows(values_only=True)]
    assert "Data latihan ini sintetis." in petunjuk


def test_buku_rtl_teks_bukan_rumus_dan_tidak_menimpa(data, rencana, tmp_path):
    jahat = rencana.copy()
    jahat.loc[0, "catatan"] = '=HYPERLINK("http://contoh.invalid","klik")'
    jahat.loc[0, "pelapor"] = "@SUM(A1)"
    tujuan = tmp_path / "rtl.xlsx"
    _buku(data, jahat, tujuan)
    ws = openpyxl.load_workbook(tujuan)["Rencana pemantauan"]
    judul = [c.value for c in ws[1]]
    for kolom, teks in (("Catatan", jahat.loc[0, "catatan"]), ("Pelapor", "@SUM(A1)")):
        sel = ws.cell(row=2, column=judul.index(kolom) + 1)
        assert sel.value == teks and sel.data_type == "s" and sel.quotePrefix
    lama = tujuan.read_bytes()
    with pytest.raises(FileExistsError, match="tidak ditimpa"):
        _buku(data, rencana, tujuan)
    assert tujuan.read_bytes() == lama
    _buku(data, rencana, tujuan, timpa=True)
    ws = openpyxl.load_workbook(tujuan)["Rencana pemantauan"]
    assert ws.cell(row=2, column=judul.index("Pelapor") + 1).value == rencana.loc[0, "pelapor"]
    assert [p.name for p in tmp_path.iterdir()] == ["rtl.xlsx"]  # tanpa sisa berkas sementara


def test_waktu_lapor_mengikuti_forum_koordinasi_berirama_sama():
    from p3pd.koordinasi import referensi_forum

    forum = referensi_forum()
    bulanan = forum.loc[forum["irama"] == "bulanan", "forum"].iloc[0]
    assert pm.waktu_lapor("bulanan", "adminduk").startswith(f"{bulanan} (setiap bulan;")
    tri = forum[forum["irama"] == "triwulanan"]
    khusus = tri[tri["layanan"].str.split(";").map(lambda v: "kesehatan" in v)]
    umum = tri[tri["layanan"] == ""]
    assert not khusus.empty and not umum.empty
    assert pm.waktu_lapor("triwulanan", "kesehatan").startswith(khusus["forum"].iloc[0])
    assert pm.waktu_lapor("triwulanan", "jaminan_sosial").startswith(umum["forum"].iloc[0])
    tahunan = pm.waktu_lapor("tahunan", "pendidikan")
    assert tahunan.startswith("sebelum ") and all(k in tahunan for k in pm.FORUM_TAHUNAN)
    with pytest.raises(ValueError, match="tidak dikenal"):
        pm.waktu_lapor("mingguan", "kesehatan")


def test_sintesis_mitra_dari_koordinasi(data, rencana):
    s = pm.sintesis(data, KEC, rencana=rencana).set_index("bagian")
    assert s.loc["Mitra swasta/CSR untuk layanan yang merah", "temuan"] == "tidak ada"
    tambah = pd.DataFrame(
        {
            "kode_kecamatan": KEC,
            "lembaga": ["PT Contoh Sehat", "Dinas Kesehatan"],
            "jenis": ["swasta/CSR", "perangkat daerah"],
            "layanan": ["kesehatan", "kesehatan"],
            "peran": ["Mitra CSR; mendanai posyandu", "pemegang urusan kesehatan"],
            "pengaruh": ["rendah", "tinggi"],
            "kepentingan": ["sedang", "tinggi"],
        }
    )
    ubah = dict(data)
    ubah["pemangku"] = pd.concat([data["pemangku"], tambah], ignore_index=True)
    teks = pm.sintesis(ubah, KEC, rencana=rencana).set_index("bagian")
    mitra = teks.loc["Mitra swasta/CSR untuk layanan yang merah", "temuan"]
    matriks = diagnosis.matriks_masalah(data["indikator"])
    merah_kes = matriks[(matriks["lampu"] == "merah") & (matriks["layanan"] == "kesehatan")]
    if merah_kes.empty:
        assert mitra == "tidak ada"
    else:
        n = merah_kes["kode_desa"].nunique()
        assert mitra == f"Kesehatan: PT Contoh Sehat ({n} desa merah)"


def test_sintesis_isu_dari_kolom_isu(data, rencana):
    isu = pd.DataFrame({"peringkat": [1, 2, 3, 4], "isu": ["A", "B", "C", "D"]})
    s = pm.sintesis(data, KEC, rencana=rencana, isu=isu).set_index("bagian")
    assert s.loc["Isu teratas untuk Musrenbang kecamatan", "temuan"] == "A; B; C"


# --------------------------------------------------------------------------- data sebagian


def _tanpa(data, *nama):
    return {k: v for k, v in data.items() if k not in nama}


def test_tanpa_belanja_dan_pemangku_ringkasan_menyebut_tidak_ada_data(data, rencana):
    sebagian = _tanpa(data, "belanja", "pemangku")
    r = pm.rencana_pemantauan(sebagian, KEC)
    pd.testing.assert_frame_equal(
        r.drop(columns="pelapor"), rencana.drop(columns="pelapor"), check_dtype=False
    )
    # pelapor tanpa tabel pemangku: nama rujukan (pilihan pertama), bukan nama lembaga kecamatan
    ref = pm.referensi_pemantauan().set_index("kode_indikator")["pelapor"]
    assert (r["pelapor"] == r["kode_indikator"].map(lambda k: ref[k].split("|")[0])).all()
    ringkas = pm.sintesis(sebagian, KEC, rencana=r).set_index("bagian")["temuan"]
    assert ringkas["Porsi APBDes untuk layanan dasar"] == "tidak ada data (apbdes_belanja.csv)"
    mitra = ringkas["Mitra swasta/CSR untuk layanan yang merah"]
    assert mitra == "tidak ada data (pemangku_kepentingan.csv)"
    assert not any("Batas 30 %" in b for b in ringkas.index)
    assert ringkas["Indikator yang dipantau"].startswith(f"{len(r)} indikator")


def test_tanpa_indikator_rencana_dan_pelacakan_kosong_buku_tetap_ditulis(data, tmp_path):
    hanya_desa = {"wilayah": data["wilayah"]}
    with pytest.raises(pm.GalatP3PD, match="sebutkan tahunnya"):
        pm.rencana_pemantauan(hanya_desa, KEC)
    r = pm.rencana_pemantauan(hanya_desa, KEC, 2024)
    assert r.empty and list(r.columns) == list(pm.JUDUL_RENCANA)
    lacak = pm.lembar_pelacakan(r, hanya_desa, KEC, 2024)
    assert lacak.empty and list(lacak.columns) == list(pm.JUDUL_PELACAKAN)
    ringkas = pm.sintesis(hanya_desa, KEC, 2024).set_index("bagian")["temuan"]
    assert ringkas["Desa prioritas dan alasannya (merah/berdata)"].startswith("tidak ada data")
    assert ringkas["Indikator yang dipantau"] == "0 indikator (tidak ada data indikator)"
    label = "Data milik Kecamatan Uji, sumber: uji."
    lembar = pm.lembar_rtl(r, lacak, "Uji", 2024, label, ringkas.reset_index())
    berkas = pm.simpan_rtl(lembar, tmp_path / "rtl.xlsx")
    buku = openpyxl.load_workbook(berkas)
    assert [ws.max_row for ws in buku][:2] == [1, 1]  # judul kolom saja
    semua = " ".join(str(c.value) for ws in buku for row in ws.iter_rows() for c in row)
    assert label in semua and "sintetis" not in semua.lower()


def test_sintesis_desa_tanpa_lampu_merah_disebut_bukan_kurung_kosong(tmp_path):
    from data_sendiri import buat_batu_sebagian

    data = muat.muat_folder(buat_batu_sebagian(tmp_path / "batu"))
    temuan = pm.sintesis(data, "Batu", 2024).iloc[0]["temuan"]
    assert (
        "SONGGOKERTO (tidak ada lampu merah di layanan yang ada datanya; belum ada data: Pendidikan,"
        in temuan
    )
    assert "()" not in temuan and not re.search(r"\bnan\b", temuan)
