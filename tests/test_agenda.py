"""Uji p3pd.agenda (rancangan agenda terpadu) dan p3pd.agenda_ekspor (Excel dan ringkasan isu)."""

from __future__ import annotations

import re

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from p3pd import agenda, apbdes, diagnosis, muat, wilayah
from p3pd import agenda_ekspor as ae
from p3pd.galat import GalatP3PD, WilayahTidakDikenal
from p3pd.indikator import INDIKATOR
from p3pd.lokasi import folder_data
from p3pd.skema import LAYANAN

KECAMATAN = "Mataraman"
TAHUN = 2024


@pytest.fixture(scope="module")
def data():
    return muat.muat_folder(folder_data())


@pytest.fixture(scope="module")
def rancangan(data):
    return agenda.susun_agenda(data, KECAMATAN, TAHUN)


# --------------------------------------------------------------------------- susun_agenda


def test_kolom_dan_nilai_sah(rancangan):
    assert tuple(rancangan.columns) == agenda.KOLOM_AGENDA
    assert rancangan["no"].tolist() == list(range(1, len(rancangan) + 1))
    assert set(rancangan["bagian"]) <= set(agenda.BAGIAN)
    assert set(rancangan["jenis_binwas"]) <= set(agenda.JENIS_BINWAS)
    for kolom in ("tindakan", "dasar_hukum", "penanggung_jawab", "mitra", "tahap", "waktu"):
        assert (rancangan[kolom].str.len() > 0).all(), kolom
    assert rancangan.attrs["tahun"] == TAHUN and rancangan.attrs["kecamatan"] == KECAMATAN


def test_desa_prioritas_dan_indikatornya_dari_diagnosis(data, rancangan):
    kec = wilayah.cari_kecamatan(KECAMATAN)
    prio = diagnosis.desa_prioritas(data["indikator"], TAHUN, wilayah=kec.kode, jumlah=5)
    desa = rancangan[rancangan["bagian"] == "desa"]
    assert list(dict.fromkeys(desa["kode_desa"])) == prio["kode_desa"].tolist()
    matriks = diagnosis.matriks_masalah(data["indikator"], TAHUN).set_index(
        ["kode_desa", "indikator"]
    )
    layanan = desa[desa["layanan"] != ""]
    assert layanan.groupby("kode_desa").size().max() <= 2
    for r in layanan.itertuples():
        m = matriks.loc[(r.kode_desa, r.indikator)]
        assert m["lampu"] == "merah" and m["layanan"] == r.layanan
        assert r.capaian_awal == pytest.approx(m["capaian"])
        info = INDIKATOR[r.indikator]
        assert r.target == pytest.approx(info.target)
        assert r.jenis_target == info.jenis_target and r.sumber_target == info.sumber_target
        assert LAYANAN[r.layanan].lower() in r.tindakan


def test_pengawasan_bila_uang_tidak_mengikuti_kesenjangan(data, rancangan):
    kec = wilayah.cari_kecamatan(KECAMATAN)
    bel = data["belanja"][data["belanja"]["kode_desa"].str.startswith(kec.kode)]
    ind = data["indikator"][data["indikator"]["kode_desa"].str.startswith(kec.kode)]
    layanan = rancangan[(rancangan["bagian"] == "desa") & (rancangan["layanan"] != "")]
    jenis = set()
    for r in layanan.itertuples():
        u = apbdes.uang_vs_kesenjangan(bel, ind, r.layanan, tahun=TAHUN).set_index("kode_desa")
        if r.layanan == "jaminan_sosial":  # cakupan bansos: koordinasi DTKS, bukan APBDes
            harapan = "koordinasi"
            assert "Dinas Sosial" in r.tindakan and "DTKS" in r.tindakan
            assert "RKPDes" not in r.tindakan and "Dinas Sosial" in r.mitra
        else:
            harapan = "pengawasan" if u.at[r.kode_desa, "perlu_ditelaah"] else "pembinaan"
        assert r.jenis_binwas == harapan
        assert ("Permendagri 20/2018 Pasal 37" in r.dasar_hukum) == (harapan == "pengawasan")
        assert "PP 17/2018 Pasal 10 ayat (1) huruf" in r.dasar_hukum and "huruf g" in r.dasar_hukum
        if harapan == "pengawasan":
            assert r.mitra == agenda.MITRA_PENGAWASAN and "DPMD" in r.mitra
        jenis.add(harapan)
        assert "; kabupaten " in r.bukti  # data latihan: pembandingnya kabupaten utuh
        porsi = u.at[r.kode_desa, "porsi_belanja"]
        assert f"porsi belanja {LAYANAN[r.layanan].lower()} " in r.bukti and pd.notna(porsi)
    assert jenis == {"pembinaan", "pengawasan", "koordinasi"}, "data latihan memuat ketiganya"


def test_baris_batas_30_persen_hanya_untuk_desa_melebihi_batas(data, rancangan):
    kec = wilayah.cari_kecamatan(KECAMATAN)
    pilih = data["belanja"]["kode_desa"].str.startswith(kec.kode)
    batas = apbdes.batas_30_persen(
        data["belanja"][pilih],
        data["belanja_kegiatan"][data["belanja_kegiatan"]["kode_desa"].str.startswith(kec.kode)],
        tahun=TAHUN,
    ).set_index("kode_wilayah")
    desa = set(rancangan.loc[rancangan["bagian"] == "desa", "kode_desa"])
    harapan = {k for k in desa if batas.at[k, "melebihi_batas"]}
    baris = rancangan[rancangan["indikator"] == "porsi_dibatasi"]
    assert set(baris["kode_desa"]) == harapan and harapan, "Mataraman punya desa melebihi batas"
    for r in baris.itertuples():
        assert r.capaian_awal == pytest.approx(batas.at[r.kode_desa, "porsi_dibatasi"])
        assert r.capaian_awal > 30 and r.target == 30 and r.jenis_binwas == "pengawasan"
        assert "PP 11/2019" in r.dasar_hukum


def test_waktu_mengikuti_kalender_dan_jeda_perencanaan(rancangan):
    from p3pd.perencanaan import kalender_perencanaan

    kal = kalender_perencanaan().set_index("urutan")
    tahap, waktu = agenda.waktu_tahap("rkpdes", 2024)
    # Data 2024 lengkap awal 2025: RKPDes 2026 disusun Juli–September 2025 (bukan sebelum datanya ada).
    assert tahap.startswith("Penyusunan dan penetapan RKPDes") and "tahun rencana 2026" in tahap
    assert waktu.startswith("Juli–September 2025") and kal.at[7, "bulan"].startswith(
        "Juli–September"
    )
    assert "perkiraan" not in waktu  # bulan RKPDes bersumber (Permendesa PDTT 21/2020)
    tahap, waktu = agenda.waktu_tahap("musrenbang", 2024)
    assert "tahun rencana 2026" in tahap and "2025" in waktu and "perkiraan" in waktu
    with pytest.raises(KeyError, match="tidak dikenal"):
        agenda.waktu_tahap("rkpd", 2024)
    assert agenda.waktu_tahap("segera", 2024)[1] == "segera, awal tahun 2025"
    tahap = ("rkpdes", "apbdes", "musrenbang", "segera")
    harapan = {agenda.waktu_tahap(k, TAHUN)[1] for k in tahap}
    assert set(rancangan["waktu"]) <= harapan


def test_isu_musrenbang_menjadi_baris_kabupaten(data, rancangan):
    desa = rancangan[(rancangan["bagian"] == "desa") & (rancangan["layanan"] != "")].iloc[0]
    isu = pd.DataFrame(
        {
            "isu": ["Balita belum terlayani sesuai SPM di 3 desa"],
            "layanan": [desa["layanan"]],
            "kode_desa": [desa["kode_desa"] + ";63.03.12.2999"],
            "nama_desa": [desa["nama_desa"]],
            "indikator": [desa["indikator"]],
            "capaian": [12.5],
            "bukti": ["3 desa berlampu merah"],
        }
    )
    hasil = agenda.susun_agenda(data, KECAMATAN, TAHUN, isu=isu)
    kab = hasil[hasil["bagian"] == "kabupaten"]
    assert len(kab) == 1 and kab.iloc[0]["isu_kabupaten"] == isu.at[0, "isu"]
    assert kab.iloc[0]["capaian_awal"] == 12.5 and "Bappeda" in kab.iloc[0]["mitra"]
    assert "Musrenbang" in kab.iloc[0]["tahap"]
    cocok = hasil[(hasil["kode_desa"] == desa["kode_desa"]) & (hasil["layanan"] == desa["layanan"])]
    assert (cocok["isu_kabupaten"] == isu.at[0, "isu"]).all()
    assert hasil["no"].tolist() == list(range(1, len(hasil) + 1))


def test_masukan_salah_dijelaskan(data):
    with pytest.raises(WilayahTidakDikenal):
        agenda.susun_agenda(data, "Bukan Kecamatan", TAHUN)
    with pytest.raises(GalatP3PD, match="tahun 1999"):
        agenda.susun_agenda(data, KECAMATAN, 1999)
    with pytest.raises(GalatP3PD, match="sebutkan tahunnya"):
        agenda.susun_agenda({"wilayah": data["wilayah"]}, KECAMATAN)
    with pytest.raises(GalatP3PD, match="'wilayah'"):
        agenda.susun_agenda({k: v for k, v in data.items() if k != "wilayah"}, KECAMATAN, TAHUN)
    with pytest.raises(ValueError):
        agenda.susun_agenda(data, KECAMATAN, TAHUN, jumlah_desa=0)


# --------------------------------------------------------------------------- data sebagian


def _tanpa(data, *nama):
    return {k: v for k, v in data.items() if k not in nama}


def test_data_latihan_lengkap_tanpa_tabel_yang_hilang(rancangan):
    assert rancangan.attrs["tabel_tidak_ada"] == ()


def test_tanpa_belanja_semua_baris_desa_pembinaan_porsi_tidak_ada_data(data, rancangan):
    hasil = agenda.susun_agenda(_tanpa(data, "belanja"), KECAMATAN, TAHUN, isu=pd.DataFrame())
    assert tuple(hasil.columns) == agenda.KOLOM_AGENDA
    assert hasil.attrs["tabel_tidak_ada"] == ("belanja",)
    desa = hasil[(hasil["bagian"] == "desa") & (hasil["layanan"] != "")]
    bukan_js = desa[desa["layanan"] != "jaminan_sosial"]
    assert len(bukan_js) and set(bukan_js["jenis_binwas"]) == {"pembinaan"}
    assert set(desa.loc[desa["layanan"] == "jaminan_sosial", "jenis_binwas"]) <= {"koordinasi"}
    assert desa["bukti"].str.endswith("; porsi belanja: tidak ada data (apbdes_belanja.csv)").all()
    assert (hasil["indikator"] != "porsi_dibatasi").all()
    # satu baris meminta APBDes dan realisasinya dari desa, sesudah baris desa
    minta = hasil[hasil["indikator"] == agenda.INDIKATOR_APBDES]
    assert len(minta) == 1 and minta.index[0] == desa.index[-1] + 1
    m = minta.iloc[0]
    assert m["bagian"] == "desa" and m["jenis_binwas"] == "pengawasan" and m["layanan"] == ""
    assert "APBDes 2024 dan laporan realisasinya" in m["tindakan"]
    assert "Permendagri 20/2018 Pasal 37 ayat (6)" in m["dasar_hukum"]
    assert m["bukti"].startswith("porsi belanja: tidak ada data (apbdes_belanja.csv)")
    assert m["nama_desa"] == "Semua desa di kecamatan (15 desa)"
    assert m["waktu"] == "segera, awal tahun 2025" and pd.isna(m["capaian_awal"])
    # desa prioritas dan indikatornya tetap dari diagnosis, sama dengan agenda lengkap
    lengkap = rancangan[(rancangan["bagian"] == "desa") & (rancangan["layanan"] != "")]
    assert desa["kode_desa"].unique().tolist() == lengkap["kode_desa"].unique().tolist()
    assert desa["indikator"].tolist() == lengkap["indikator"].tolist()
    # agenda lengkap (dengan APBDes) tidak meminta APBDes
    assert (rancangan["indikator"] != agenda.INDIKATOR_APBDES).all()


def test_tanpa_pemangku_penanggung_jawab_dan_mitra_dari_rujukan(data):
    from p3pd.layanan import referensi_layanan

    hasil = agenda.susun_agenda(_tanpa(data, "pemangku"), KECAMATAN, TAHUN, isu=pd.DataFrame())
    assert hasil.attrs["tabel_tidak_ada"] == ("pemangku",)
    assert set(hasil["penanggung_jawab"]) == {agenda.PENANGGUNG_JAWAB_BAWAAN}
    assert "isian bawaan" in agenda.PENANGGUNG_JAWAB_BAWAAN
    assert "Perbup" in agenda.PENANGGUNG_JAWAB_BAWAAN
    opd = referensi_layanan().set_index("layanan")["opd_penyedia"]
    bina = hasil[hasil["jenis_binwas"] == "pembinaan"]
    harapan = [
        "; ".join(x for x in (opd[k], agenda.MITRA_LAYANAN_TAMBAHAN.get(k)) if x)
        for k in bina["layanan"]
    ]
    assert len(bina) and bina["mitra"].tolist() == harapan
    catatan = ae.lembar_agenda(hasil, label="x")[ae.LEMBAR[3]]["Keterangan"]
    assert catatan.str.contains("adalah isian bawaan").any()
    assert (
        not ae.lembar_agenda(hasil.iloc[0:0], label="x")[ae.LEMBAR[3]]["Keterangan"]
        .str.contains("adalah isian bawaan")
        .any()
    )


def test_mitra_air_sanitasi_menyebut_dinas_kesehatan():
    peran = agenda._peran_pemangku(None, "63.03.12")
    mitra = agenda._mitra(peran, "air_sanitasi", {"air_sanitasi": "Dinas PUPR; Dinas Perkim"})
    assert mitra.startswith("Dinas PUPR; Dinas Perkim; Dinas Kesehatan")


@pytest.mark.parametrize(
    ("lembaga", "jenis"),
    [
        ("Kasi PMD", "pemerintah kecamatan"),
        ("Pemerintah Kecamatan Batu (seksi pemberdayaan masyarakat desa)", "pemerintah kecamatan"),
        ("Seksi Tata Pemerintahan", "pemerintah kecamatan"),
        ("Kepala Seksi Pemberdayaan Masyarakat", "pemerintah kecamatan"),
    ],
)
def test_seksi_kantor_camat_dikenali_dari_berbagai_nama(lembaga, jenis):
    pemangku = pd.DataFrame(
        {
            "kode_kecamatan": ["35.79.01"] * 3,
            "lembaga": ["Camat dan Sekretaris Kecamatan", lembaga, "Seksi Kesehatan Dinas X"],
            "jenis": ["pemerintah kecamatan", jenis, "perangkat daerah"],
            "layanan": ["", "", "kesehatan"],
        }
    )
    peran = agenda._peran_pemangku(pemangku, "35.79.01")
    # "Seksi Kesehatan Dinas X" diawali "Seksi" dan tetap dikenali (seperti sebelumnya) untuk
    # layanannya; seksi umum kantor camat untuk tindakan lintas layanan
    assert agenda._seksi(peran, None) == lembaga
    assert agenda._seksi(peran, "pendidikan") == lembaga


def test_tanpa_seksi_di_tabel_pemangku_memakai_isian_bawaan():
    pemangku = pd.DataFrame(
        {
            "kode_kecamatan": ["35.79.01", "35.79.01"],
            "lembaga": ["Camat dan Sekretaris Kecamatan", "Puskesmas Batu"],
            "jenis": ["pemerintah kecamatan", "unit layanan"],
            "layanan": ["", "kesehatan"],
        }
    )
    peran = agenda._peran_pemangku(pemangku, "35.79.01")
    assert agenda._seksi(peran, "kesehatan") == agenda.PENANGGUNG_JAWAB_BAWAAN


def test_tanpa_isu_tidak_ada_baris_kabupaten(data):
    hasil = agenda.susun_agenda(data, KECAMATAN, TAHUN, isu=pd.DataFrame())
    assert len(hasil) and (hasil["bagian"] == "desa").all()
    assert (hasil["isu_kabupaten"] == "").all()


def test_tanpa_indikator_agenda_kosong_berkolom_lengkap(data, tmp_path):
    sebagian = {"wilayah": data["wilayah"], "fasilitas": data["fasilitas"]}
    hasil = agenda.susun_agenda(sebagian, KECAMATAN, TAHUN)
    assert hasil.empty and tuple(hasil.columns) == agenda.KOLOM_AGENDA
    assert hasil.attrs["tabel_tidak_ada"] == agenda.TABEL_AGENDA
    assert hasil.attrs["kecamatan"] == KECAMATAN and hasil.attrs["tahun"] == TAHUN
    berkas = ae.ekspor_excel(hasil, tmp_path / "kosong.xlsx", label="Data milik uji.")
    catatan = [c.value for c in openpyxl.load_workbook(berkas)["Catatan"]["A"]]
    assert "Data milik uji." in catatan
    for nama in ("indikator_desa.csv", "apbdes_belanja.csv", "pemangku_kepentingan.csv"):
        assert any(str(c).startswith(f"Tidak ada data: {nama}") for c in catatan), nama


def test_hanya_indikator_sebagian_desa_dan_kolom(data):
    """Indikator hanya kolom kesehatan: baris desa hanya untuk layanan kesehatan."""
    from p3pd.skema import INDIKATOR_DESA

    kesehatan = ["kode_desa", "tahun", "jumlah_penduduk", "balita_diukur", "balita_stunting",
                 "anak_12_23_bulan", "anak_idl", "persalinan", "persalinan_fasyankes"]  # fmt: skip
    ind = data["indikator"].copy()
    for k in INDIKATOR_DESA.nama_kolom:
        if k not in kesehatan:
            ind[k] = float("nan")
    hasil = agenda.susun_agenda(
        {"wilayah": data["wilayah"], "indikator": ind}, KECAMATAN, TAHUN, isu=pd.DataFrame()
    )
    layanan = hasil[hasil["layanan"] != ""]
    assert len(layanan) and set(layanan["layanan"]) == {"kesehatan"}
    assert layanan["capaian_awal"].notna().all()
    # tanpa belanja: satu-satunya baris lain meminta APBDes dari desa
    assert hasil.loc[hasil["layanan"] == "", "indikator"].tolist() == [agenda.INDIKATOR_APBDES]


def test_ekspor_data_sebagian_tanpa_kata_sintetis(data, tmp_path):
    hasil = agenda.susun_agenda(_tanpa(data, "belanja", "pemangku", "usulan"), KECAMATAN, TAHUN,
                                isu=pd.DataFrame())  # fmt: skip
    label = "Data milik Kecamatan Contoh, sumber: uji."
    berkas = ae.ekspor_excel(hasil, tmp_path / "a.xlsx", label=label)
    buku = openpyxl.load_workbook(berkas)
    semua = " ".join(str(c.value) for ws in buku for row in ws.iter_rows() for c in row)
    assert label in semua and "sintetis" not in semua.lower()
    keluar = ae.ekspor_ringkasan_isu(hasil, tmp_path, "isu", label=label)
    html = keluar["html"].read_text(encoding="utf-8")
    teks = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))
    assert label in teks and "sintetis" not in teks.lower()


def test_masukan_tidak_diubah(data):
    salinan = {k: v.copy() for k, v in data.items()}
    agenda.susun_agenda(data, KECAMATAN, TAHUN)
    for k, v in data.items():
        pd.testing.assert_frame_equal(v, salinan[k])


def test_referensi_tindakan_menandai_sumber_sekunder():
    ref = agenda.referensi_tindakan()
    assert set(ref["jenis_binwas"]) == set(agenda.JENIS_BINWAS)
    pasal_154 = ref[ref["dasar_hukum"].str.contains("Pasal 154")]
    assert len(pasal_154) and pasal_154["catatan_dasar"].str.contains("cocokkan").all()


# --------------------------------------------------------------------------- Excel


def _nilai(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_buku_kerja_lembar_judul_lebar_beku_dan_baris(rancangan, tmp_path):
    berkas = ae.ekspor_excel(rancangan, tmp_path / "agenda.xlsx", label="LABEL UJI")
    buku = openpyxl.load_workbook(berkas)
    assert buku.sheetnames == list(ae.LEMBAR)
    harapan = ae.lembar_agenda(rancangan, label="LABEL UJI")
    for nama, tabel in harapan.items():
        ws = buku[nama]
        assert ws.freeze_panes == "A2"
        judul = [c.value for c in ws[1]]
        assert judul == list(tabel.columns)
        assert all(c.font.bold for c in ws[1])
        for i, j in enumerate(judul, start=1):
            lebar = ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
            assert lebar == pytest.approx(ae._LEBAR[j]), j
        isi = _nilai(ws)[1:]
        assert len(isi) == len(tabel)
        for baris, (_, b) in zip(isi, tabel.iterrows(), strict=True):
            for sel, v in zip(baris, b.tolist(), strict=True):
                if isinstance(v, float):
                    assert sel == pytest.approx(v, nan_ok=True) or (sel is None and pd.isna(v))
                else:
                    assert sel == (None if v == "" else v)
    desa = rancangan[rancangan["bagian"] == "desa"]
    ws = buku[ae.LEMBAR[0]]
    assert [r[0] for r in _nilai(ws)[1:]] == desa["no"].tolist()
    assert {"Jenis tindakan", "Desa/kelurahan"} <= {c.value for c in ws[1]}
    assert buku[ae.LEMBAR[3]]["A2"].value == "LABEL UJI"
    jadwal = _nilai(buku[ae.LEMBAR[2]])[1:]
    assert sum(r[2] for r in jadwal) == len(rancangan)


def test_teks_mirip_rumus_tetap_teks(rancangan, tmp_path):
    a = rancangan.copy()
    awalan = ['=HYPERLINK("http://x")', "+62 811", "-kurang", "@SUM(A1)"]
    a.loc[a.index[:4], "tindakan"] = awalan
    berkas = ae.ekspor_excel(a, tmp_path / "rumus.xlsx")
    ws = openpyxl.load_workbook(berkas)[ae.LEMBAR[0]]
    kolom = [c.value for c in ws[1]].index("Tindakan") + 1
    for baris, teks in enumerate(awalan, start=2):
        sel = ws.cell(row=baris, column=kolom)
        assert sel.value == teks and sel.data_type == "s" and sel.quotePrefix


def test_berkas_yang_ada_tidak_ditimpa(rancangan, tmp_path):
    tujuan = tmp_path / "agenda.xlsx"
    ae.ekspor_excel(rancangan, tujuan)
    waktu = tujuan.stat().st_mtime_ns
    assert ae.ekspor_excel(rancangan, tujuan) == tujuan  # isi sama: dibiarkan
    assert tujuan.stat().st_mtime_ns == waktu
    lama = tujuan.read_bytes()
    sunting = rancangan.copy()
    sunting.loc[sunting.index[0], "penanggung_jawab"] = "Sekretaris kecamatan"
    with pytest.raises(GalatP3PD, match="tidak ditimpa.*timpa=True"):
        ae.ekspor_excel(sunting, tujuan)
    assert tujuan.read_bytes() == lama
    ae.ekspor_excel(sunting, tujuan, timpa=True)
    ws = openpyxl.load_workbook(tujuan)[ae.LEMBAR[0]]
    kolom = [c.value for c in ws[1]].index("Penanggung jawab") + 1
    assert ws.cell(row=2, column=kolom).value == "Sekretaris kecamatan"
    tujuan.write_text("bukan excel")
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        ae.ekspor_excel(rancangan, tujuan)


def test_agenda_tanpa_kolom_dan_nama_salah_ditolak(rancangan, tmp_path):
    with pytest.raises(GalatP3PD, match="'mitra'"):
        ae.ekspor_excel(rancangan.drop(columns="mitra"), tmp_path / "a.xlsx")
    with pytest.raises(GalatP3PD, match=".xlsx"):
        ae.ekspor_excel(rancangan, tmp_path / "a.csv")
    with pytest.raises(GalatP3PD, match="tidak ada"):
        ae.ekspor_excel(rancangan, tmp_path / "tidak_ada" / "a.xlsx")


# --------------------------------------------------------------------------- ringkasan isu


def test_ringkasan_isu_satu_halaman_luring(rancangan, tmp_path):
    hasil = ae.ekspor_ringkasan_isu(rancangan, tmp_path, "isu", label="Data sintetis uji")
    pdf = PdfReader(hasil["pdf"])
    assert len(pdf.pages) == 1
    teks = pdf.pages[0].extract_text()
    assert "Mataraman" in teks and "Data sintetis uji" in teks
    html = hasil["html"].read_text(encoding="utf-8")
    assert 'src="http' not in html and "<link" not in html and "<script" not in html
    n = html.count('<td class="no">')
    assert 1 <= n <= ae.BATAS_ISU_RINGKASAN
    for r in ae.isu_ringkasan(rancangan, n).itertuples():
        assert ae._e(r.bukti) in html and ae._e(r.isu) in html
    semua = len(ae.isu_ringkasan(rancangan, 99))
    assert ("isu lain ada di buku kerja Excel" in html) == (semua > n)


def test_ringkasan_isu_panjang_tetap_satu_halaman(rancangan, tmp_path):
    a = rancangan.copy()
    a["isu_kabupaten"] = [f"Isu {n} yang sangat panjang " * 20 for n in range(len(a))]
    hasil = ae.ekspor_ringkasan_isu(a, tmp_path, "panjang")
    assert len(PdfReader(hasil["pdf"]).pages) == 1
    assert "isu lain ada di buku kerja Excel" in hasil["html"].read_text(encoding="utf-8")


def test_ringkasan_isu_tidak_ditimpa(rancangan, tmp_path):
    ae.ekspor_ringkasan_isu(rancangan, tmp_path, "isu")
    pdf = (tmp_path / "isu.pdf").read_bytes()
    ae.ekspor_ringkasan_isu(rancangan, tmp_path, "isu")  # isi sama: tidak apa-apa
    lain = rancangan.copy()
    lain["bukti"] = "angka lain"
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        ae.ekspor_ringkasan_isu(lain, tmp_path, "isu")
    assert (tmp_path / "isu.pdf").read_bytes() == pdf
    ae.ekspor_ringkasan_isu(lain, tmp_path, "isu", timpa=True)
    assert (tmp_path / "isu.pdf").read_bytes() != pdf


def test_teks_label_dari_p3pd_label():
    from p3pd.label import label_data

    assert label_data().sintetis
    assert ae.teks_label() == label_data().teks
    assert ae.teks_label(folder_data()) == label_data(folder_data()).teks


def test_nama_baru_bila_berkas_berisi_lain(rancangan, tmp_path):
    tujuan = tmp_path / "agenda.xlsx"
    tujuan.write_bytes(b"suntingan peserta")
    berkas = ae.ekspor_excel(rancangan, tujuan, nama_baru=True)
    assert berkas.name == "agenda (2).xlsx" and tujuan.read_bytes() == b"suntingan peserta"
    assert ae.ekspor_excel(rancangan, tujuan, nama_baru=True) == berkas  # isi sama: dipakai lagi
    (tmp_path / "isu.pdf").write_bytes(b"lama")
    hasil = ae.ekspor_ringkasan_isu(rancangan, tmp_path, "isu", nama_baru=True)
    assert hasil["html"].name == "isu (2).html" and hasil["pdf"].name == "isu (2).pdf"
    assert (tmp_path / "isu.pdf").read_bytes() == b"lama" and not (tmp_path / "isu.html").exists()


# --------------------------------------------------------------------------- menyunting


def test_sunting_tambah_hapus_memberi_salinan_bernomor_ulang(rancangan):
    from p3pd import agenda_sunting as s

    hasil = s.sunting_baris(rancangan, 2, mitra="Tim Penggerak PKK", target="80,5")
    assert hasil.loc[1, "mitra"] == "Tim Penggerak PKK" and hasil.loc[1, "target"] == 80.5
    assert rancangan.loc[1, "mitra"] != "Tim Penggerak PKK", "tabel asal tidak diubah"
    assert hasil.attrs == rancangan.attrs
    baru = s.tambah_baris(
        hasil,
        tindakan="Rapat koordinasi UPT dan puskesmas",
        jenis_binwas="pembinaan",
        penanggung_jawab="Sekretaris kecamatan",
        waktu="Agustus 2025",
    )
    assert len(baru) == len(rancangan) + 1 and baru.iloc[-1]["no"] == len(baru)
    assert baru.iloc[-1]["bagian"] == "desa" and pd.isna(baru.iloc[-1]["target"])
    sisa = s.hapus_baris(baru, 1, 3)
    assert sisa["no"].tolist() == list(range(1, len(baru) - 1))
    assert sisa.iloc[0]["tindakan"] == baru.iloc[1]["tindakan"]


def test_suntingan_salah_dijelaskan(rancangan):
    from p3pd import agenda_sunting as s

    with pytest.raises(GalatP3PD, match="nomor 999"):
        s.sunting_baris(rancangan, 999, mitra="x")
    with pytest.raises(GalatP3PD, match="angka"):
        s.sunting_baris(rancangan, 1, target="tinggi")
    with pytest.raises(GalatP3PD, match="'pembinaan', 'pengawasan', atau 'koordinasi'"):
        s.sunting_baris(rancangan, 1, jenis_binwas="teguran")
    with pytest.raises(GalatP3PD, match="'warna'"):
        s.sunting_baris(rancangan, 1, warna="merah")
    with pytest.raises(GalatP3PD, match="penanggung_jawab"):
        s.tambah_baris(rancangan, tindakan="x", jenis_binwas="pembinaan", waktu="Juli")


def test_penyunting_widget_memakai_sunting_baris(rancangan):
    from p3pd import agenda_sunting as s

    p = s.penyunting(rancangan)
    p._pilih.value = 3
    assert p._isian["tindakan"].value == rancangan.loc[2, "tindakan"]
    p._isian["mitra"].value = "Forum Kader Posyandu"
    p.terapkan()
    assert p.agenda.loc[2, "mitra"] == "Forum Kader Posyandu"
    assert rancangan.loc[2, "mitra"] != "Forum Kader Posyandu"
    p._isian["target"].value = "tinggi"
    p.terapkan()
    assert (
        "Belum diterapkan" in p._pesan.value and p.agenda.loc[2, "mitra"] == "Forum Kader Posyandu"
    )


def test_ringkasan_isu_tanpa_isu_ganda_kabupaten_lebih_dulu(rancangan):
    a = rancangan.copy()
    a["isu_kabupaten"] = ""
    a.loc[a.index[0], "isu_kabupaten"] = "Isu bersama"
    a.loc[a.index[-1], ["bagian", "isu_kabupaten"]] = ["kabupaten", "Isu bersama"]
    a.loc[a.index[1], "isu_kabupaten"] = "Isu desa"
    isu = ae.isu_ringkasan(a)
    assert isu["isu"].tolist() == ["Isu bersama", "Isu desa"]
    assert isu.iloc[0]["bukti"] == a.iloc[-1]["bukti"]


def test_penyunting_menyebut_baris_tambahan_dan_batas_30_dengan_benar(rancangan):
    from p3pd import agenda_sunting as s

    tambah = s.tambah_baris(
        rancangan,
        tindakan="Rapat koordinasi bulanan",
        jenis_binwas="pembinaan",
        penanggung_jawab="Camat",
        waktu="setiap bulan",
    )
    judul = dict((no, teks) for teks, no in s.penyunting(tambah)._pilih.options)
    assert judul[len(tambah)] == f"{len(tambah)}. kecamatan — Rapat koordinasi bulanan"
    batas = rancangan.loc[rancangan["indikator"] == "porsi_dibatasi", "no"]
    assert len(batas) and judul[int(batas.iloc[0])].endswith("— batas 30 % APBDes")
    kab = rancangan[rancangan["bagian"] == "kabupaten"].iloc[0]
    assert judul[int(kab["no"])].startswith(f"{kab['no']}. {kab['nama_desa'] or 'kabupaten'} — ")


# --------------------------------------------------------------------------- kelurahan


def _batu_kelurahan_merah(tmp_path, lengkap: bool):
    """Folder data sendiri Kecamatan Batu dengan indikator Kelurahan Songgokerto dibuat merah."""
    import data_sendiri as ds

    buat = ds.buat_batu_lengkap if lengkap else ds.buat_batu_sebagian
    folder = ds.merahkan_kelurahan(buat(tmp_path / ("lengkap" if lengkap else "sebagian")))
    return muat.muat_folder(folder)


@pytest.mark.parametrize("lengkap", [False, True], ids=["sebagian", "lengkap"])
def test_kelurahan_tanpa_rkpdes_apbdes_menjadi_koordinasi(tmp_path, lengkap):
    import data_sendiri as ds

    from p3pd.laporan_agenda import html_agenda_terisi

    data = _batu_kelurahan_merah(tmp_path, lengkap)
    hasil = agenda.susun_agenda(data, ds.KECAMATAN, ds.TAHUN)
    kel = hasil[(hasil["bagian"] == "desa") & (hasil["kode_desa"] == ds.KODE_KELURAHAN)]
    assert len(kel), "indikator kelurahan yang merah menghasilkan baris"
    for r in kel.itertuples():
        assert r.jenis_binwas == "koordinasi"
        assert r.tindakan.startswith(f"Bawa masalah {LAYANAN[r.layanan].lower()} kelurahan ini")
        assert "Musrenbang kelurahan dan Musrenbang kecamatan" in r.tindakan
        assert "tidak menyusun RKPDes atau APBDes" in r.tindakan
        assert "Dampingi" not in r.tindakan and "sub-bidang" not in r.tindakan
        assert "PP 43/2014" not in r.dasar_hukum
        assert (
            "PP 17/2018 Pasal 10 ayat (1) huruf g" in r.dasar_hukum and "huruf f" in r.dasar_hukum
        )
        assert r.bukti.endswith("porsi belanja: tidak berlaku (kelurahan)")
        # pembanding dari 2 desa/kelurahan di folder, bukan capaian kabupaten
        assert (
            "; gabungan desa/kelurahan di data ini (2 dari " in r.bukti
            and "; kabupaten " not in r.bukti
        )
        assert r.mitra.startswith("Lurah; ") and "Bappeda" in r.mitra
        assert "Musrenbang RKPD di kecamatan" in r.tahap
    # Desa Oro-Oro Ombo (desa) tetap dibina lewat RKPDes/APBDes bila merah
    desa = hasil[(hasil["bagian"] == "desa") & (hasil["kode_desa"] == ds.KODE_DESA)]
    assert set(desa["jenis_binwas"]) <= {"pembinaan", "pengawasan"}
    minta = hasil[hasil["indikator"] == agenda.INDIKATOR_APBDES]
    if lengkap:
        assert minta.empty and desa["bukti"].str.contains("porsi belanja kesehatan ").all()
        assert (hasil["penanggung_jawab"] != agenda.PENANGGUNG_JAWAB_BAWAAN).all()
        assert (
            hasil["penanggung_jawab"]
            == "Pemerintah Kecamatan Batu (seksi pemberdayaan masyarakat desa)"
        ).all()
    elif len(desa):
        assert len(minta) == 1 and minta.iloc[0]["nama_desa"] == "Semua desa di kecamatan (1 desa)"
    # handout: baris kelurahan bukan "Dampingi desa … RKPDes"
    html = str(html_agenda_terisi(hasil[hasil["bagian"] == "desa"]))
    assert "Koordinasi:</em> Bawa masalah kesehatan kelurahan ini ke Musrenbang kelurahan" in html
    nama_kel = kel.iloc[0]["nama_desa"]
    baris_kel = [b for b in html.split("<tr") if nama_kel in b]
    assert baris_kel and not any("Dampingi" in b or "RKPDes dan" in b for b in baris_kel)
    # buku kerja: judul Desa/kelurahan dan catatan kelurahan
    lembar = ae.lembar_agenda(hasil, label="Data milik uji.")
    assert "Desa/kelurahan" in lembar[ae.LEMBAR[0]].columns
    assert lembar[ae.LEMBAR[3]]["Keterangan"].str.startswith("Kelurahan (kode PP.KK.CC.1NNN)").any()
