"""Uji data latihan yang tersimpan di ``data/``: sama dengan generator, geografi, skema,
kalibrasi, korelasi, APBDes, usulan, program, dan pemangku kepentingan.

Data dibaca langsung dengan pandas (tanpa ``p3pd.muat``) supaya uji ini tidak bergantung
pada pemuat yang sedang diuji di tempat lain.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from p3pd import layanan, sintetis, skema
from p3pd.indikator import INDIKATOR, target_kalibrasi
from p3pd.lokasi import folder_referensi

DATA = Path(__file__).resolve().parents[1] / "data"
POLA_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.2\d{3}$")
TEKS = (
    skema.TIPE_KODE_DESA,
    skema.TIPE_KODE_KECAMATAN,
    skema.TIPE_KODE_KABUPATEN,
    skema.TIPE_TEKS,
    skema.TIPE_KATEGORI,
    skema.TIPE_BOOL,
)


def _baca(nama: str) -> pd.DataFrame:
    tabel = skema.SEMUA_TABEL[nama]
    tipe = {k.nama: str for k in tabel.kolom if k.tipe in TEKS}
    return pd.read_csv(DATA / tabel.berkas, dtype=tipe, keep_default_na=False)


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    return {nama: _baca(nama) for nama in skema.SEMUA_TABEL}


def _spearman(x: pd.Series, y: pd.Series) -> float:
    return float(x.rank().corr(y.rank()))


def _laju(df: pd.DataFrame, kode: str) -> pd.Series:
    ind = INDIKATOR[kode]
    return df[ind.pembilang] / df[ind.penyebut]


# --- sama dengan generator -------------------------------------------------------------------


def test_berkas_tersimpan_sama_byte_demi_byte_dengan_generator(tmp_path):
    ditulis = sintetis.tulis_data_latihan(tmp_path)
    nama = sorted(p.name for p in ditulis)
    assert nama == sorted(
        [t.berkas for t in skema.SEMUA_TABEL.values()]
        + ["KAMUS_DATA.md", "KALIBRASI.md", "SUMBER.md", "DATA_SINTETIS.json"]
    )
    for path in ditulis:
        tersimpan = DATA / path.name
        assert tersimpan.exists(), f"{path.name} belum ada di data/ (jalankan: p3pd data)"
        assert tersimpan.read_bytes() == path.read_bytes(), (
            f"{path.name} berbeda dari keluaran generator (jalankan: p3pd data)"
        )


def test_ukuran_data_latihan_kecil():
    total = sum(p.stat().st_size for p in DATA.glob("*.csv"))
    assert total < 10 * 1024 * 1024


# --- skema dan kunci -------------------------------------------------------------------------


@pytest.mark.parametrize("nama", list(skema.SEMUA_TABEL))
def test_judul_kolom_persis_seperti_skema(nama):
    tabel = skema.SEMUA_TABEL[nama]
    with open(DATA / tabel.berkas, encoding="utf-8", newline="") as f:
        judul = f.readline()
    assert judul == ",".join(tabel.nama_kolom) + "\n"


@pytest.mark.parametrize("nama", list(skema.SEMUA_TABEL))
def test_kunci_unik_dan_baris_terurut(data, nama):
    tabel = skema.SEMUA_TABEL[nama]
    df = data[nama]
    kunci = list(tabel.kunci)
    assert not df.duplicated(kunci).any()
    urut = df.sort_values(kunci, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(df, urut)


@pytest.mark.parametrize("nama", list(skema.SEMUA_TABEL))
def test_kategori_dan_angka_sah(data, nama):
    tabel = skema.SEMUA_TABEL[nama]
    df = data[nama]
    for k in tabel.kolom:
        if k.pilihan:
            assert set(df[k.nama]) <= set(k.pilihan), k.nama
        if k.tipe == skema.TIPE_BOOL:
            assert set(df[k.nama]) <= {"ya", "tidak"}, k.nama
        if k.tipe in (skema.TIPE_CACAH, skema.TIPE_RUPIAH, skema.TIPE_TAHUN):
            assert pd.api.types.is_integer_dtype(df[k.nama]), k.nama
            assert (df[k.nama] >= 0).all(), k.nama
        if k.tipe == skema.TIPE_TAHUN:  # tahun Musrenbang = tahun rencana − 1
            geser = 1 if k.nama == "tahun_usulan" else 0
            assert set(df[k.nama]) == {t - geser for t in skema.TAHUN_DATA}, k.nama


def test_kode_desa_semua_tabel_dikenal(data):
    dikenal = set(data["wilayah"]["kode_desa"])
    for nama in ("indikator", "belanja", "pendapatan", "fasilitas", "usulan"):
        assert set(data[nama]["kode_desa"]) == dikenal, nama
    assert set(data["pemangku"]["kode_kecamatan"]) == set(data["wilayah"]["kode_kecamatan"])


# --- geografi --------------------------------------------------------------------------------


def test_geografi_sama_dengan_referensi(data):
    ref = pd.read_csv(folder_referensi() / "kecamatan.csv", dtype=str)
    ref["jumlah_desa"] = ref["jumlah_desa"].astype(int)
    wil = data["wilayah"]
    assert len(wil) == 1131
    assert wil["kode_kecamatan"].nunique() == 93
    hitung = wil.groupby("kode_kecamatan").size()
    harap = ref.set_index("kode_kecamatan")["jumlah_desa"]
    pd.testing.assert_series_equal(hitung.sort_index(), harap.sort_index(), check_names=False)
    nama = ref.set_index("kode_kecamatan")["nama_kecamatan"]
    assert (wil["nama_kecamatan"] == wil["kode_kecamatan"].map(nama)).all()
    assert wil.groupby("kode_kabupaten").size().to_dict() == {
        "12.07": 380,
        "33.22": 208,
        "53.02": 266,
        "63.03": 277,
    }


def test_kode_desa_berpola_dan_berurutan_tanpa_kelurahan(data):
    wil = data["wilayah"]
    assert wil["kode_desa"].str.match(POLA_DESA).all()
    assert (wil["kode_desa"].str.slice(0, 8) == wil["kode_kecamatan"]).all()
    assert (wil["kode_kecamatan"].str.slice(0, 5) == wil["kode_kabupaten"]).all()
    assert (wil["kode_kabupaten"].str.slice(0, 2) == wil["kode_provinsi"]).all()
    assert not wil["kode_desa"].str.slice(9, 10).eq("1").any()
    nomor = wil["kode_desa"].str.slice(9).astype(int)
    for _, grup in nomor.groupby(wil["kode_kecamatan"]):
        assert list(grup) == list(range(2001, 2001 + len(grup)))


def test_nama_desa_unik_di_kecamatan_dan_bergaya_daerah(data):
    wil = data["wilayah"]
    assert not wil.duplicated(["kode_kecamatan", "nama_desa"]).any()
    assert (wil["nama_desa"].str.len() > 2).all()
    tts = wil[wil["kode_kabupaten"] == "53.02"]["nama_desa"]
    assert tts.str.match(r"^(Oe|Noe|Fatu|Bi|Tu|Kuan|Ne|Nule|Toi|Ni|Tob|Sa)").all()
    banjar = wil[wil["kode_kabupaten"] == "63.03"]["nama_desa"]
    assert banjar.str.match(
        r"^(Sungai|Tambak|Handil|Teluk|Pematang|Lok|Banua|Padang|Kampung|Tanjung) "
    ).all()


# --- cacah: pembilang ≤ penyebut, penyebut > 0 ------------------------------------------------


@pytest.mark.parametrize("nama", ["indikator", "fasilitas"])
def test_pembilang_tidak_melebihi_penyebut(data, nama):
    df = data[nama]
    for p in skema.SEMUA_TABEL[nama].pasangan:
        assert (df[p.pembilang] <= df[p.penyebut]).all(), f"{p.pembilang} > {p.penyebut}"


def test_penyebut_indikator_selalu_positif(data):
    df = data["indikator"]
    for ind in INDIKATOR.values():
        assert (df[ind.penyebut] > 0).all(), ind.penyebut


def test_kelompok_umur_dan_rumah_tangga_masuk_akal(data):
    df = data["indikator"]
    pend = df["jumlah_penduduk"]
    assert (df["anak_7_12"] + df["anak_13_15"] <= df["anak_7_18"]).all()
    assert (df["anak_12_23_bulan"] <= df["balita_sasaran"]).all()
    assert (df["balita_diukur"] <= df["balita_sasaran"]).all()
    assert (df["rt_sanitasi_layak"] + df["rt_babs"] <= df["jumlah_rumah_tangga"]).all()
    assert (df["jumlah_keluarga_miskin"] <= df["jumlah_rumah_tangga"]).all()
    kab = df["kode_desa"].str.slice(0, 5)
    rerata = pend.groupby(kab).mean()
    assert 4000 <= rerata["33.22"] <= 5200
    assert 3800 <= rerata["12.07"] <= 5200
    assert 1400 <= rerata["53.02"] <= 2000
    assert 1700 <= rerata["63.03"] <= 2400
    ukuran_rt = pend.groupby(kab).sum() / df["jumlah_rumah_tangga"].groupby(kab).sum()
    assert ukuran_rt["53.02"] > ukuran_rt["33.22"]
    pangsa = (df["anak_0_17"].groupby(kab).sum() / pend.groupby(kab).sum()) * 100
    assert ((pangsa > 28) & (pangsa < 38)).all()
    assert pangsa["53.02"] == pangsa.max()


# --- kalibrasi -------------------------------------------------------------------------------


def test_setiap_target_kalibrasi_dalam_sepuluh_persen(data):
    df = data["indikator"]
    kab = df["kode_desa"].str.slice(0, 5)
    target = target_kalibrasi()
    assert len(target) >= 12  # hanya acuan yang sejenis dengan data desa
    for t in target.itertuples(index=False):
        ind = INDIKATOR[t.indikator]
        pilih = df[(kab == t.kode_kabupaten) & (df["tahun"] == t.tahun)]
        capaian = pilih[ind.pembilang].sum() / pilih[ind.penyebut].sum() * 100
        selisih = abs(capaian - t.target) / t.target
        assert selisih <= 0.10, f"{t.indikator} {t.kode_kabupaten} {t.tahun}: {capaian:.2f}"


def _angka_id(teks: str) -> float:
    return float(teks.replace(".", "").replace(",", "."))


def test_kalibrasi_md_sama_dengan_hitungan_ulang(data):
    df = data["indikator"]
    kab = df["kode_desa"].str.slice(0, 5)
    baris = [
        [s.strip() for s in b.strip().strip("|").split("|")]
        for b in (DATA / "KALIBRASI.md").read_text(encoding="utf-8").splitlines()
        if re.match(r"^\| `\w+` \| \d{2}\.\d{2} ", b)
    ]
    target = target_kalibrasi()
    assert len(baris) == len(target)
    for sel, t in zip(baris, target.itertuples(index=False), strict=True):
        assert sel[0] == f"`{t.indikator}`"
        assert sel[1].startswith(t.kode_kabupaten)
        assert int(sel[2]) == t.tahun
        assert _angka_id(sel[3]) == pytest.approx(t.target, abs=0.005)
        ind = INDIKATOR[t.indikator]
        pilih = df[(kab == t.kode_kabupaten) & (df["tahun"] == t.tahun)]
        capaian = pilih[ind.pembilang].sum() / pilih[ind.penyebut].sum() * 100
        assert _angka_id(sel[7]) == pytest.approx(capaian, abs=0.005)
        assert _angka_id(sel[8]) == pytest.approx((capaian - t.target) / t.target * 100, abs=0.005)


def test_tren_tahunan_sedang(data):
    df = data["indikator"]
    kab = df["kode_desa"].str.slice(0, 5)
    jumlah = df.groupby([kab, "tahun"]).sum(numeric_only=True)
    stunting = jumlah["balita_stunting"] / jumlah["balita_diukur"] * 100
    for k in ("33.22", "12.07", "53.02", "63.03"):
        beda = stunting[k].diff().dropna()
        assert ((beda < 0) & (beda > -3)).all(), k


# --- korelasi --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def desa_2024(data) -> pd.DataFrame:
    ind = data["indikator"]
    return ind[ind["tahun"] == 2024].merge(data["fasilitas"], on="kode_desa")


def test_desa_miskin_sanitasinya_lebih_buruk(desa_2024):
    miskin = _laju(desa_2024, "penduduk_dtks")
    sanitasi = _laju(desa_2024, "sanitasi_layak")
    # jelas negatif, tetapi tidak sempurna: faktor khusus layanan membuat profil desa beragam
    assert _spearman(miskin, sanitasi) < -0.25
    kab = desa_2024["kode_desa"].str.slice(0, 5)
    for k, idx in desa_2024.groupby(kab).groups.items():
        assert _spearman(miskin[idx], sanitasi[idx]) < -0.15, k


def test_desa_miskin_dokumen_lebih_rendah_stunting_dan_babs_lebih_tinggi(desa_2024):
    miskin = _laju(desa_2024, "penduduk_dtks")
    assert _spearman(miskin, _laju(desa_2024, "akta_kelahiran")) < 0
    assert _spearman(miskin, _laju(desa_2024, "air_minum_layak")) < 0
    assert _spearman(miskin, _laju(desa_2024, "stunting")) > 0
    assert _spearman(miskin, _laju(desa_2024, "babs")) > 0


def test_desa_jauh_persalinan_fasyankes_posyandu_aktif_dan_idl_lebih_rendah(desa_2024):
    jarak = desa_2024["jarak_puskesmas_km"]
    assert _spearman(jarak, _laju(desa_2024, "persalinan_fasyankes")) < -0.2
    aktif = desa_2024["posyandu_aktif"] / desa_2024["jumlah_posyandu"]
    assert _spearman(jarak, aktif) < 0
    assert _spearman(jarak, _laju(desa_2024, "imunisasi_dasar_lengkap")) < 0


def test_desa_miskin_lebih_banyak_bansos_tetapi_tidak_penuh(desa_2024):
    miskin = _laju(desa_2024, "penduduk_dtks")
    bansos = _laju(desa_2024, "keluarga_miskin_bansos")
    assert _spearman(miskin, bansos) > 0
    total = desa_2024["keluarga_miskin_bansos"].sum() / desa_2024["jumlah_keluarga_miskin"].sum()
    assert 0.6 < total < 0.9


def test_air_perpipaan_berkaitan_dengan_air_minum_layak(desa_2024):
    air = _laju(desa_2024, "air_minum_layak")
    pipa = desa_2024["air_perpipaan"] == "ya"
    assert air[pipa].median() > air[~pipa].median()


# --- fasilitas -------------------------------------------------------------------------------


def test_fasilitas_dalam_rentang(data):
    f = data["fasilitas"]
    assert f["jumlah_sd"].between(1, 4).all()
    assert f["jumlah_smp"].between(0, 2).all()
    assert (f["jumlah_smp"] == 0).mean() > 0.3
    assert f["jumlah_paud"].between(0, 4).all()
    assert f["jumlah_posyandu"].between(2, 8).all()
    assert f["jumlah_pustu_polindes"].between(0, 2).all()
    assert f["bidan_desa"].between(0, 2).all()
    assert (f["jarak_puskesmas_km"] > 0).all()
    jarak = f["jarak_puskesmas_km"].groupby(f["kode_desa"].str.slice(0, 5)).median()
    assert jarak["53.02"] > jarak["33.22"] and jarak["63.03"] > jarak["33.22"]


# --- APBDes ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def belanja_desa(data) -> pd.DataFrame:
    """Per desa-tahun: total anggaran/realisasi, porsi siltap dan porsi layanan dasar."""
    b = data["belanja"]
    ref = pd.read_csv(folder_referensi() / "sub_bidang.csv", dtype=str, keep_default_na=False)
    layanan = set(ref.loc[ref["layanan"] != "", "kode_sub_bidang"])
    kunci = ["kode_desa", "tahun"]
    total = b.groupby(kunci)[["anggaran", "realisasi"]].sum()
    siltap = b[b["kode_sub_bidang"] == "1.1"].set_index(kunci)["anggaran"]
    dasar = b[b["kode_sub_bidang"].isin(layanan)].groupby(kunci)["realisasi"].sum()
    return pd.DataFrame(
        {
            "anggaran": total["anggaran"],
            "realisasi": total["realisasi"],
            "porsi_siltap": siltap / total["anggaran"],
            "porsi_layanan": dasar / total["realisasi"],
        }
    )


def test_sub_bidang_belanja(data):
    b = data["belanja"]
    ref = pd.read_csv(folder_referensi() / "sub_bidang.csv", dtype=str)
    assert set(b["kode_sub_bidang"]) <= set(ref["kode_sub_bidang"])
    per_desa = b.groupby(["kode_desa", "tahun"])["kode_sub_bidang"].agg(set)
    assert len(per_desa) == 1131 * 3
    wajib = {"1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "5.3"}
    assert per_desa.map(lambda s: wajib <= s).all()
    banyak = per_desa.map(len)
    assert 12 <= banyak.median() <= 18
    assert banyak.between(12, 18).mean() > 0.8
    assert (b["anggaran"] > 0).all()


def test_realisasi_umumnya_tujuh_puluh_sampai_seratus_persen(data):
    b = data["belanja"]
    laju = b["realisasi"] / b["anggaran"]
    assert (laju <= 1).all()
    assert (laju >= 0.7).mean() > 0.9
    assert (laju < 0.7).any()


def test_pendapatan_dana_desa_add_dan_keseimbangan(data, belanja_desa):
    p = data["pendapatan"].set_index(["kode_desa", "tahun"])
    dd = p["dana_desa"].groupby(level="tahun").mean()
    assert ((dd > 0.85e9) & (dd < 1.05e9)).all()
    rasio_add = p["alokasi_dana_desa"] / p["dana_desa"]
    assert rasio_add.between(0.2, 0.45).mean() > 0.95
    assert (p["pendapatan_asli_desa"] < p["dana_desa"]).mean() > 0.95
    assert 0.05 < (p["bantuan_keuangan"] > 0).mean() < 0.6
    imbang = belanja_desa["anggaran"] / p.sum(axis=1)
    assert imbang.between(0.92, 1.09).all()


def test_batas_30_persen_dari_kegiatan_1_1(data, belanja_desa):
    """Batas PP 11/2019 dari rincian kegiatan 1.1: jarang dilanggar, walau seluruh 1.1 sering > 30 %."""
    keg = data["belanja_kegiatan"]
    kunci = ["kode_desa", "tahun"]
    rincian = keg.groupby(kunci)[["anggaran", "realisasi"]].sum()
    baris_1_1 = data["belanja"].query("kode_sub_bidang == '1.1'").set_index(kunci)
    pd.testing.assert_frame_equal(
        rincian.sort_index(), baris_1_1[["anggaran", "realisasi"]].sort_index()
    )
    kena = keg[keg["kode_kegiatan"].isin(["1.1.01", "1.1.02", "1.1.05"])]
    porsi = kena.groupby(kunci)["anggaran"].sum() / belanja_desa["anggaran"]
    assert 0.01 < (porsi > 0.30).mean() < 0.08
    assert porsi.between(0.12, 0.40).all()
    # seluruh 1.1 di atas 30 % jauh lebih sering: indikasi, bukan pelanggaran
    assert (belanja_desa["porsi_siltap"] > 0.30).mean() > 3 * (porsi > 0.30).mean()


def _skor_kesenjangan(indikator: pd.DataFrame, tahun: int) -> pd.Series:
    """Rata-rata peringkat kesenjangan desa (0–1, 1 = terburuk) di dalam kabupaten."""
    df = indikator[indikator["tahun"] == tahun].set_index("kode_desa")
    kab = df.index.str.slice(0, 5)
    peringkat = []
    for ind in INDIKATOR.values():
        if ind.kode == "penduduk_miskin":
            continue
        laju = df[ind.pembilang] / df[ind.penyebut]
        buruk = -laju if ind.arah == skema.NAIK else laju
        peringkat.append(buruk.groupby(kab).rank(pct=True))
    return pd.concat(peringkat, axis=1).mean(axis=1)


def test_belanja_mengikuti_kesenjangan_tetapi_ada_desa_salah_belanja(data, belanja_desa):
    skor = _skor_kesenjangan(data["indikator"], 2024)
    porsi = belanja_desa.xs(2024, level="tahun")["porsi_layanan"]
    gabung = pd.DataFrame({"skor": skor, "porsi": porsi}).dropna()
    assert _spearman(gabung["skor"], gabung["porsi"]) > 0.2
    terburuk = gabung[gabung["skor"] >= gabung["skor"].quantile(0.75)]
    salah = terburuk["porsi"] < gabung["porsi"].median()
    assert salah.sum() >= 10
    assert salah.mean() < 0.5


def test_blt_di_sub_bidang_lima_tiga_berkelipatan_kpm(data):
    b = data["belanja"]
    blt = b[b["kode_sub_bidang"] == "5.3"]
    assert (blt["anggaran"] % 3_600_000 == 0).all()


# --- usulan, program, pemangku ---------------------------------------------------------------


def test_usulan_desa(data):
    u = data["usulan"]
    assert u["id_usulan"].str.match(r"^U\d{2}-\d{10}-\d{2}$").all()
    tahun = "20" + u["id_usulan"].str.slice(1, 3)
    assert (tahun.astype(int) == u["tahun"]).all()
    assert (u["id_usulan"].str.slice(4, 14) == u["kode_desa"].str.replace(".", "")).all()
    banyak = u.groupby(["kode_desa", "tahun"]).size()
    assert len(banyak) == 1131 * 3 and banyak.between(2, 6).all()
    assert not u.duplicated(["kode_desa", "tahun", "uraian"]).any()
    ya = u["diakomodasi"] == "ya"
    assert 0.25 <= ya.mean() <= 0.6
    per_prioritas = ya.groupby(u["prioritas"]).mean()
    assert per_prioritas["tinggi"] > per_prioritas["rendah"]
    assert (u["perkiraan_biaya"] > 0).all()


@pytest.fixture(scope="module")
def usulan_lengkap(data):
    """Usulan digabung dengan tindak lanjutnya dan referensi jenis (kewenangan, sub-bidang)."""
    ref = layanan.referensi_jenis().set_index("jenis")
    u = data["usulan"].merge(data["usulan_tindak_lanjut"], on="id_usulan", validate="one_to_one")
    assert len(u) == len(data["usulan"]) == len(data["usulan_tindak_lanjut"])
    u["kewenangan"] = u["jenis"].map(ref["kewenangan"])
    u["kode_sub_bidang"] = u["jenis"].map(ref["kode_sub_bidang"])
    return u


def test_tahun_usulan_setahun_sebelum_tahun_rencana(usulan_lengkap):
    u = usulan_lengkap
    assert (u["tahun_usulan"] == u["tahun"] - 1).all()


def test_jenis_usulan_sesuai_uraian_layanan_dan_kewenangan(usulan_lengkap):
    u = usulan_lengkap
    assert (u["jenis"] == u["uraian"].map(sintetis.JENIS_USULAN)).all()
    assert u["kewenangan"].isin(["desa", "bersama", "kabupaten"]).all()
    assert (u["layanan"] == u["jenis"].map(layanan.layanan_jenis)).all()
    # pekerjaan kabupaten selalu lewat Musrenbang; sebagian pekerjaan desa salah alamat
    assert (u.loc[u["kewenangan"] == "kabupaten", "jalur"] == "Musrenbang").all()
    salah = (u["kewenangan"] == "desa") & (u["jalur"] == "Musrenbang")
    porsi_salah = salah.sum() / (u["kewenangan"] == "desa").sum()
    assert 0.2 < porsi_salah < 0.4


def test_tindak_lanjut_konsisten_dengan_program_desa(data, usulan_lengkap):
    """Setiap rujukan program ada dan menyasar desa, jenis, dan layanan usulan pada tahun rencananya;
    usulan 'tidak' tidak punya program yang cocok; diakomodasi = ditampung oleh siapa pun."""
    u = usulan_lengkap
    prog = data["program"].set_index("id_program")
    pdesa = data["program_desa"]
    oleh = u["ditampung_oleh"]
    ke_program = oleh.str.match(r"^P\d{2}-\d{4}-\d{2}$")
    assert (ke_program | oleh.isin(["APBDes", "provinsi", "tidak"])).all()
    assert ke_program.any() and (oleh == "APBDes").any() and (oleh == "provinsi").any()
    rujuk = u[ke_program]
    assert rujuk["ditampung_oleh"].isin(prog.index).all()
    assert (prog.loc[rujuk["ditampung_oleh"], "tahun"].to_numpy() == rujuk["tahun"]).all()
    assert (prog.loc[rujuk["ditampung_oleh"], "layanan"].to_numpy() == rujuk["layanan"]).all()
    sasaran = set(zip(pdesa["id_program"], pdesa["kode_desa"], pdesa["jenis"], strict=True))
    for t in rujuk.itertuples(index=False):
        assert (t.ditampung_oleh, t.kode_desa, t.jenis) in sasaran
        assert t.kode_desa in prog.at[t.ditampung_oleh, "desa_sasaran"].split(";")
    cocok = set(zip(pdesa["kode_desa"], pdesa["tahun"], pdesa["jenis"], strict=True))
    ada = [
        (k, t, j) in cocok for k, t, j in zip(u["kode_desa"], u["tahun"], u["jenis"], strict=True)
    ]
    ada = pd.Series(ada, index=u.index)
    assert not (ada & (oleh == "tidak")).any()
    # usulan Musrenbang yang desanya disasar program berjenis sama selalu ditampung program
    assert ke_program[ada & (u["jalur"] == "Musrenbang")].all()
    assert ((u["diakomodasi"] == "ya") == (oleh != "tidak")).all()


def test_usulan_ke_apbdes_muat_di_anggaran_sub_bidang(data, usulan_lengkap):
    u = usulan_lengkap
    apb = u[u["ditampung_oleh"] == "APBDes"]
    assert (apb["kode_sub_bidang"] != "").all()
    assert (apb["kewenangan"] != "kabupaten").all()
    jumlah = apb.groupby(["kode_desa", "tahun", "kode_sub_bidang"])["perkiraan_biaya"].sum()
    pagu = data["belanja"].set_index(["kode_desa", "tahun", "kode_sub_bidang"])["anggaran"]
    assert (jumlah <= pagu.reindex(jumlah.index)).all()
    assert (u.loc[u["ditampung_oleh"] == "provinsi", "kewenangan"] != "desa").all()


def test_program_opd(data):
    prog = data["program"]
    wil = data["wilayah"]
    assert prog["id_program"].str.match(r"^P\d{2}-\d{4}-\d{2}$").all()
    banyak = prog.groupby(["kode_kabupaten", "tahun"]).size()
    assert len(banyak) == 4 * 3 and banyak.between(15, 30).all()
    desa_kab = wil.set_index("kode_desa")["kode_kabupaten"]
    for t in prog.itertuples(index=False):
        kode = t.desa_sasaran.split(";")
        assert 5 <= len(kode) <= 40 and len(set(kode)) == len(kode)
        assert (desa_kab[kode] == t.kode_kabupaten).all()
    assert (prog["anggaran"] > 0).all()
    assert prog["opd"].str.startswith(("Dinas", "Bappeda", "Disdukcapil")).all()


def test_program_desa_merinci_program_opd(data):
    prog = data["program"].set_index("id_program")
    pd_ = data["program_desa"]
    panjang = {(i, k) for i, s in prog["desa_sasaran"].items() for k in s.split(";")}
    assert set(zip(pd_["id_program"], pd_["kode_desa"], strict=True)) == panjang
    assert len(pd_) == len(panjang)
    assert (pd_.groupby("id_program")["anggaran"].sum() == prog["anggaran"]).all()
    assert (pd_["tahun"].to_numpy() == prog.loc[pd_["id_program"], "tahun"].to_numpy()).all()
    tetap = pd_.groupby("id_program")[["jenis", "indikator_keluaran", "satuan", "sumber_dana"]]
    assert (tetap.nunique() == 1).all().all()
    assert (
        pd_["jenis"]
        == prog.loc[pd_["id_program"], "program"].map(sintetis.JENIS_PROGRAM).to_numpy()
    ).all()
    assert (pd_["target_volume"] > 0).all() and (pd_["anggaran"] > 0).all()
    assert set(pd_["sumber_dana"]) >= {"APBD kabupaten", "DAK fisik"}


def test_ada_pasokan_tanpa_permintaan_dan_permintaan_tanpa_pasokan(data, usulan_lengkap):
    u = usulan_lengkap
    pd_ = data["program_desa"]
    diminta = set(zip(u["kode_desa"], u["tahun"], u["jenis"], strict=True))
    tanpa_usulan = [
        (k, t, j) not in diminta
        for k, t, j in zip(pd_["kode_desa"], pd_["tahun"], pd_["jenis"], strict=True)
    ]
    assert 0.3 < sum(tanpa_usulan) / len(pd_) < 0.95
    mus = u[(u["jalur"] == "Musrenbang") & (u["kewenangan"] != "desa")]
    assert 0.2 < (mus["ditampung_oleh"] == "tidak").mean() < 0.9


def test_program_opd_sebagian_sesuai_kebutuhan_sebagian_tidak(data):
    ind = data["indikator"].set_index(["kode_desa", "tahun"])
    kab = ind.index.get_level_values("kode_desa").str.slice(0, 5)
    tahun = ind.index.get_level_values("tahun")
    skor = {}
    for lay in skema.LAYANAN:
        peringkat = []
        for i in INDIKATOR.values():
            if i.layanan == lay:
                laju = ind[i.pembilang] / ind[i.penyebut]
                buruk = -laju if i.arah == skema.NAIK else laju
                peringkat.append(buruk.groupby([kab, tahun]).rank(pct=True))
        skor[lay] = pd.concat(peringkat, axis=1).mean(axis=1)
    skor = pd.DataFrame(skor)
    porsi_butuh = []
    for t in data["program"].itertuples(index=False):
        semua = skor.xs(t.tahun, level="tahun")[t.layanan]
        semua = semua[semua.index.str.startswith(t.kode_kabupaten)]
        sasaran = semua[t.desa_sasaran.split(";")]
        porsi_butuh.append((sasaran > semua.median()).mean())
    porsi_butuh = pd.Series(porsi_butuh)
    assert 0.6 < porsi_butuh.mean() < 0.9
    assert (porsi_butuh <= 0.55).mean() >= 0.1


def test_pemangku_kepentingan(data):
    pm = data["pemangku"]
    banyak = pm.groupby("kode_kecamatan").size()
    assert len(banyak) == 93
    assert banyak.min() >= 20 and banyak.max() <= 32 and 24 <= banyak.median() <= 28
    swasta = pm[pm["jenis"] == "swasta/CSR"]
    assert len(swasta) > 0 and swasta["lembaga"].str.startswith("PT Sintetis ").all()
    assert swasta["peran"].str.startswith("Mitra CSR; mendanai ").all()
    assert (swasta["layanan"] != "").all()  # bidang yang didanai selalu disebut
    assert swasta.groupby("kode_kecamatan").size().between(1, 3).all()
    # perangkat daerah kabupaten yang disebut isu #8 ada di setiap kecamatan
    for opd in ("Bappeda", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas PMD", "Disdukcapil"):
        ada = pm["lembaga"].str.startswith(opd + " (kabupaten)").groupby(pm["kode_kecamatan"])
        assert ada.sum().eq(1).all(), opd
    for opd in ("Dinas Sosial", "Dinas PUPR", "Inspektorat"):
        assert pm["lembaga"].str.startswith(opd).groupby(pm["kode_kecamatan"]).any().all(), opd
    assert set(pm["jenis"]) == set(skema.PEMANGKU.kolom_bernama("jenis").pilihan)
    # perangkat daerah: layanan = urusan yang dipegang; setiap layanan punya pemegang urusan
    pd_ = pm[pm["jenis"] == "perangkat daerah"]
    urusan = pd_["layanan"].str.split(";").explode()
    assert set(urusan[urusan != ""]) == set(skema.LAYANAN)
    assert (
        pm["lembaga"].str.startswith("Puskesmas ").groupby(pm["kode_kecamatan"]).sum().eq(1).all()
    )
    lay = pm["layanan"].str.split(";").explode()
    assert set(lay[lay != ""]) <= set(skema.LAYANAN)
    # tidak ada nama orang: tidak ada gelar atau sapaan
    assert not pm["lembaga"].str.contains(r"\b(?:Bapak|Ibu|Drs?\.|S\.\w+|H\.)", regex=True).any()


# --- dokumen ---------------------------------------------------------------------------------


def test_kamus_data_menyebut_setiap_kolom():
    teks = (DATA / "KAMUS_DATA.md").read_text(encoding="utf-8")
    for tabel in skema.SEMUA_TABEL.values():
        assert f"`{tabel.berkas}`" in teks
        for k in tabel.kolom:
            assert f"| `{k.nama}` |" in teks, k.nama
    for kode in INDIKATOR:
        assert f"`{kode}`" in teks


def test_sumber_menyatakan_sintetis_lisensi_benih_dan_kode_wilayah():
    teks = (DATA / "SUMBER.md").read_text(encoding="utf-8")
    assert "**Data sintetis.**" in teks
    assert "CC BY 4.0" in teks
    assert str(sintetis.BENIH) in teks
    assert "cahyadsn/wilayah" in teks and "100.1.1-6117" in teks
    assert "p3pd data" in teks
    assert "kebetulan" in teks


@pytest.mark.parametrize("nama", list(skema.SEMUA_TABEL))
def test_data_lolos_pemuat(nama):
    muat = pytest.importorskip("p3pd.muat")
    hasil = muat.muat_tabel(nama, DATA / skema.SEMUA_TABEL[nama].berkas, wilayah_dikenal=True)
    assert len(hasil) == len(_baca(nama))
    assert not np.any(hasil.columns != skema.SEMUA_TABEL[nama].nama_kolom)


# --- penduduk kecamatan berjangkar (p3pd.penduduk) --------------------------------------------


def test_penduduk_setiap_kecamatan_dalam_sepuluh_persen_jangkarnya(data):
    from p3pd import penduduk

    target = penduduk.target_latihan().set_index("kode_kecamatan")
    assert len(target) == 93
    ind = data["indikator"]
    dasar = ind[ind["tahun"] == sintetis.TAHUN_DASAR]
    hasil = dasar.groupby(dasar["kode_desa"].str.slice(0, 8))["jumlah_penduduk"].sum()
    relatif = (hasil / target["penduduk_desa_dasar"] - 1).abs()
    assert relatif.max() <= 0.10, relatif.sort_values().tail()
    # angka terbitan yang ditemukan dipakai sebagai jangkar kecamatannya
    acuan = penduduk.acuan_penduduk().set_index("kode_wilayah")
    ditemukan = target[target["status"] == penduduk.DITEMUKAN]
    assert {"12.07.26", "12.07.02", "33.22.01"} <= set(ditemukan.index)
    for kode, b in ditemukan.iterrows():
        assert b["penduduk_acuan"] == acuan.at[kode, "penduduk"]
        assert acuan.at[kode, "sumber_url"].startswith("http")


def test_penduduk_kecamatan_masuk_akal(data):
    """Percut Sei Tuan (≈ 417 ribu, proyeksi BPS 2023) jauh lebih besar dari Gunung Meriah."""
    ind = data["indikator"]
    d = ind[ind["tahun"] == 2023]
    kec = d.groupby(d["kode_desa"].str.slice(0, 8))["jumlah_penduduk"].sum()
    # bagian desa Percut Sei Tuan: 18 desa + 2 kelurahan
    assert 300_000 < kec["12.07.26"] < 420_000
    assert kec["12.07.01"] < 0.1 * kec["12.07.26"]
    assert d["jumlah_penduduk"].max() < 60_000 and d["jumlah_penduduk"].min() >= 150
    # kabupaten: bagian desa dari angka kabupaten terbitan (tidak melebihinya)
    kab = d.groupby(d["kode_desa"].str.slice(0, 5))["jumlah_penduduk"].sum()
    assert 1_500_000 < kab["12.07"] < 2_100_000
    assert 380_000 < kab["53.02"] < 480_000


# --- sejenis: data administratif dikalibrasi ke angka administratif ----------------------------


def test_idl_desa_dikalibrasi_ke_cakupan_program_bukan_survei(data):
    ind = data["indikator"]
    d = ind[ind["tahun"] == 2023]
    kab = d.groupby(d["kode_desa"].str.slice(0, 5))[["anak_idl", "anak_12_23_bulan"]].sum()
    idl = kab["anak_idl"] / kab["anak_12_23_bulan"] * 100
    # Jateng (cakupan program 2023) 93,3 %; tidak ada kabupaten di sekitar Susenas Sumut 41 %
    assert idl["33.22"] == pytest.approx(93.3, rel=0.05)
    assert idl.min() > 70
    # sebagian desa memenuhi target 95 % di setiap kecamatan yang cukup besar
    desa = d.assign(idl=d["anak_idl"] / d["anak_12_23_bulan"] * 100)
    capai = (desa["idl"] >= 95).groupby(desa["kode_desa"].str.slice(0, 8)).mean()
    assert capai.mean() > 0.2


# --- variasi profil desa per layanan dan urutan prioritas ---------------------------------------


def test_profil_desa_berbeda_antarlayanan_dan_prioritas_tanpa_seri_besar(data):
    from p3pd import diagnosis

    ind = data["indikator"]
    for kab in sintetis.KABUPATEN_LATIHAN:
        bagian = ind[ind["kode_desa"].str.startswith(kab)]
        matriks = diagnosis.matriks_masalah(bagian, 2024)
        merah = diagnosis.merah_per_layanan(matriks).drop(columns="jumlah")
        # desa yang lemah di satu layanan tidak otomatis lemah di layanan lain
        korelasi = merah.corr().to_numpy()
        antar = korelasi[~np.eye(len(korelasi), dtype=bool)]
        assert antar.mean() < 0.4, (kab, antar.mean())
        prio = diagnosis.desa_prioritas(bagian, 2024, jumlah=None)
        sepuluh = prio.head(10)
        # sepuluh teratas: paling banyak dua desa berskor sama, dan paling banyak satu desa merah
        # di semua indikator
        assert sepuluh["skor"].value_counts().max() <= 3, (kab, sepuluh["skor"].tolist())
        assert (prio["merah"] == matriks["indikator"].nunique()).sum() <= 1
        assert prio["skor"].nunique() > len(prio) / 4
        assert (sepuluh["rincian_layanan"].str.len() > 0).all()
