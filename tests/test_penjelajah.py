"""Uji penjelajah: fungsi tampilan (tanpa widget), tabel lampu berwarna, dan sambungan ipywidgets."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from p3pd import penjelajah
from p3pd.galat import WilayahTidakDikenal
from p3pd.grafik import TANDA_SINTETIS, WARNA_LAMPU
from p3pd.notebook import jalankan_notebook
from p3pd.skema import INDIKATOR_DESA

# Empat desa di dua kecamatan satu kabupaten. Stunting (target 14, makin rendah makin baik):
# kabupaten 68/400 = 17 %; kecamatan 33.22.01 = 26/200 = 13 %, kecamatan 33.22.02 = 42/200 = 21 %.
DESA = (
    ("33.22.01.2001", "Sukamaju", 10, 95),
    ("33.22.01.2002", "Sukadamai", 16, 85),
    ("33.22.02.2001", "Mekarsari", 30, 60),
    ("33.22.02.2002", "Mekarjaya", 12, 80),
)


def _data() -> pd.DataFrame:
    baris = []
    for kode, _, stunting, sanitasi in DESA:
        r = {k: 0 for k in INDIKATOR_DESA.nama_kolom}
        r.update(kode_desa=kode, tahun=2024, balita_diukur=100, balita_stunting=stunting)
        r.update(jumlah_rumah_tangga=100, rt_sanitasi_layak=sanitasi, rt_air_minum_layak=100)
        r.update(jumlah_penduduk=1000, penduduk_miskin=0)
        r.update(persalinan=20, persalinan_fasyankes=20, anak_12_23_bulan=10, anak_idl=10)
        r.update(ibu_hamil_sasaran=10, ibu_hamil_dilayani=10, balita_sasaran=50, balita_dilayani=50)
        baris.append(r)
    return pd.DataFrame(baris)


def _wilayah() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode_desa": [d[0] for d in DESA],
            "nama_desa": [d[1] for d in DESA],
            "kode_kecamatan": [d[0][:8] for d in DESA],
            "nama_kecamatan": ["Barat", "Barat", "Timur", "Timur"],
            "kode_kabupaten": "33.22",
            "nama_kabupaten": "Kabupaten Uji",
            "kode_provinsi": "33",
            "nama_provinsi": "Provinsi Uji",
        }
    )


# --- tabel lampu berwarna ----------------------------------------------------------------------


def test_label_lampu_menulis_lambang_dan_nama():
    assert penjelajah.label_lampu("merah") == "✗ merah"
    assert penjelajah.label_lampu("kuning") == "! kuning"
    assert penjelajah.label_lampu("hijau") == "✓ hijau"
    assert penjelajah.label_lampu("tanpa data") == "– tidak ada data"
    assert penjelajah.label_lampu("lain") == "lain"
    assert penjelajah.label_lampu(None) == "tidak ada data"
    assert penjelajah.label_lampu(float("nan")) == "tidak ada data"


def test_gaya_lampu_mewarnai_dan_tetap_menulis_nama():
    lampu = pd.DataFrame(
        {"stunting": ["merah", "hijau"], "sanitasi_layak": ["kuning", "tanpa data"]},
        index=pd.Index(["Sukamaju", "Mekarsari"], name="desa"),
    )
    asli = lampu.copy()
    tabel = penjelajah.gaya_lampu(lampu, judul="Uji", sorot="Mekarsari")
    halaman = tabel._repr_html_()
    # warna sebagai atribut style di sel itu sendiri, dan nama lampu tetap tertulis
    assert f'background-color: {WARNA_LAMPU["merah"]}; color: #FFFFFF">✗ merah</td>' in halaman
    assert f'background-color: {WARNA_LAMPU["kuning"]}; color: #000000">! kuning</td>' in halaman
    assert f'background-color: {WARNA_LAMPU["hijau"]}; color: #FFFFFF">✓ hijau</td>' in halaman
    assert "– tidak ada data</td>" in halaman
    assert f"Uji ({TANDA_SINTETIS})</caption>" in halaman
    # kode indikator dikelompokkan di bawah nama layanannya; judul kode boleh dipatahkan
    assert '<th colspan="1"' in halaman and ">Air bersih &amp; sanitasi</th>" in halaman
    assert ">sanitasi_<wbr>layak</th>" in halaman
    assert 'text-decoration: underline">Mekarsari</th>' in halaman
    assert 'text-decoration: underline">Sukamaju' not in halaman
    pd.testing.assert_frame_equal(lampu, asli)
    tanpa_tanda = penjelajah.gaya_lampu(lampu, sintetis=False)._repr_html_()
    assert TANDA_SINTETIS not in tanpa_tanda and "underline" not in tanpa_tanda


def test_gaya_lampu_tanpa_blok_style_dan_punya_versi_teks():
    lampu = pd.DataFrame({"stunting": ["merah", "merah"]}, index=["A<b>", "B"])
    tabel = penjelajah.gaya_lampu(lampu)
    # blok <style> dibuang JupyterLab dari notebook yang belum dipercaya; atribut style tidak
    assert "<style" not in tabel.html and "<table" in tabel.html
    assert "A&lt;b&gt;" in tabel.html  # nama dari data di-escape
    assert tabel.html == penjelajah.gaya_lampu(lampu).html  # keluaran stabil
    baris = repr(tabel).splitlines()
    assert baris[0] == f"Lampu layanan dasar ({TANDA_SINTETIS})"
    assert baris[-1].split() == ["B", "✗", "merah"]
    with pytest.raises(TypeError, match="DataFrame"):
        penjelajah.gaya_lampu(["merah"])


# --- tampilan (fungsi murni) -------------------------------------------------------------------


def test_tampilan_memakai_pembanding_seluruh_kabupaten():
    t = penjelajah.tampilan(_data(), _wilayah(), "Barat", desa="Sukadamai")
    stunting = t.rincian.set_index("indikator").loc["Prevalensi balita stunting"]
    # 16 % > target 14, tetapi lebih baik dari kabupaten (17 %) → kuning. Bila pembanding
    # keliru dihitung dari kecamatan saja (13 %), hasilnya merah.
    assert stunting["pembanding"] == pytest.approx(17.0)
    assert stunting["lampu"] == "kuning"
    assert t.kode_desa == "33.22.01.2002" and t.kecamatan == "Barat"
    assert list(t.lampu.index) == ["Sukamaju", "Sukadamai"]


def test_tampilan_pembanding_kecamatan_dan_toleransi():
    kec = penjelajah.tampilan(
        _data(), _wilayah(), "33.22.01", desa="Sukadamai", pembanding="kecamatan"
    )
    assert kec.rincian.loc[0, "pembanding"] == pytest.approx(13.0)
    assert kec.rincian.loc[0, "lampu"] == "merah"  # 16 lebih buruk dari 13 lebih dari 0 poin
    longgar = penjelajah.tampilan(
        _data(), _wilayah(), "Barat", desa="Sukadamai", pembanding="kecamatan", toleransi=5
    )
    assert longgar.rincian.loc[0, "lampu"] == "kuning"  # selisih 3 poin ≤ toleransi 5
    assert "toleransi 5 poin" in longgar.teks


def test_tampilan_desa_kosong_memilih_desa_prioritas_teratas():
    t = penjelajah.tampilan(_data(), _wilayah(), "Timur", layanan="Air bersih & sanitasi")
    # Mekarsari: stunting 30 % dan sanitasi 60 % (kabupaten 80 %) → prioritas pertama
    assert t.desa == "Mekarsari"
    assert list(t.prioritas["desa"]) == ["Mekarsari", "Mekarjaya"]
    assert t.prioritas.loc[0, "merah"] == 2
    assert t.layanan == "air_sanitasi"
    assert t.merah == 1 and t.jumlah_desa == 2
    assert (
        t.ringkasan
        == "1 dari 2 desa punya paling sedikit satu lampu merah di layanan Air bersih & sanitasi."
    )
    assert list(t.lampu.columns) == ["air_minum_layak", "sanitasi_layak", "babs"]


def test_tampilan_teks_dan_html():
    t = penjelajah.tampilan(_data(), _wilayah(), "Timur", desa="33.22.02.2001", jumlah=1)
    teks = repr(t)
    assert teks.splitlines()[0].startswith("Kecamatan Timur (Kabupaten Uji) · Kesehatan")
    assert (
        "✗ merah: Prevalensi balita stunting 30,00% (target 14,00% resmi, kabupaten 17,00%)" in teks
    )
    # kesehatan 1/5 dan air & sanitasi 1/3 merah, jaminan sosial 0/2 → (0,2 + 0,33 + 0) ÷ 3
    assert "Desa prioritas: 1. Mekarsari (skor 0,18)" in teks
    assert teks.endswith(TANDA_SINTETIS)
    halaman = t._repr_html_()
    assert "Rincian desa Mekarsari" in halaman and "✗ merah" in halaman
    assert WARNA_LAMPU["merah"] in halaman and TANDA_SINTETIS in halaman
    assert len(t.prioritas) == 1
    tanpa = penjelajah.tampilan(_data(), _wilayah(), "Timur", sintetis=False)
    assert TANDA_SINTETIS not in tanpa.teks and TANDA_SINTETIS not in tanpa.html


def _folder_sendiri(tmp_path):
    """Folder data sendiri kecil berlabel SUMBER_DATA.yaml (isi tabel tidak dibaca label)."""
    folder = tmp_path / "data_kecamatan"
    folder.mkdir()
    _wilayah().to_csv(folder / "wilayah_desa.csv", index=False)
    (folder / "SUMBER_DATA.yaml").write_text(
        "pemilik: Kecamatan Uji\nsumber: daftar desa kecamatan, diisi untuk uji\n",
        encoding="utf-8",
    )
    return folder


def test_data_sendiri_berlabel_sendiri_tidak_pernah_sintetis(tmp_path, monkeypatch):
    from p3pd.label import label_data

    folder = _folder_sendiri(tmp_path)
    label = label_data(folder)
    assert not label.sintetis and label.teks.startswith("Data milik Kecamatan Uji")
    # bawaan (sintetis=None) membaca label folder data yang sedang dipakai (P3PD_DATA)
    monkeypatch.setenv("P3PD_DATA", str(folder))
    assert penjelajah.teks_tanda() == label.teks
    t = penjelajah.tampilan(_data(), _wilayah(), "Timur", desa="33.22.02.2001", jumlah=1)
    assert not t.sintetis and t.tanda == label.teks
    assert t.teks.endswith(label.teks)
    lampu = penjelajah.gaya_lampu(t.lampu, judul="Uji")
    for teks in (t.teks, t.html, lampu.html, lampu.teks):
        low = teks.lower()
        assert "sintetis" not in low and "data latihan" not in low
    assert "Data milik Kecamatan Uji" in t.html
    assert "<caption" in lampu.html and "Uji</caption>" in lampu.html
    assert "Data milik Kecamatan Uji" in lampu.html and lampu.teks.endswith(label.teks)
    # label juga bisa diberikan langsung, tanpa P3PD_DATA
    monkeypatch.delenv("P3PD_DATA")
    assert penjelajah.teks_tanda() == TANDA_SINTETIS  # folder data latihan bawaan
    assert penjelajah.teks_tanda(label=label) == label.teks
    assert penjelajah.teks_tanda(sintetis=False, label=label) == label.teks
    assert penjelajah.teks_tanda(sintetis=False) == ""
    assert penjelajah.teks_tanda(sintetis=True, label=label) == TANDA_SINTETIS
    t2 = penjelajah.tampilan(_data(), _wilayah(), "Timur", label=label)
    assert t2.tanda == label.teks


def test_tampilan_target_tidak_berlaku_dan_nilai_kosong(monkeypatch):
    d = _data()
    d.loc[d["kode_desa"] == "33.22.02.2001", "jumlah_penduduk"] = float("nan")
    t = penjelajah.tampilan(d, _wilayah(), "Timur", desa="33.22.02.2001", layanan="jaminan_sosial")
    # penduduk DTKS: tanpa target (tidak berlaku, "–"); capaian desa ini kosong (tidak ada data)
    baris = [b for b in t.teks.splitlines() if "DTKS" in b and "terdaftar DTKS penerima" not in b]
    assert len(baris) == 1
    assert "tidak ada data (target – " in baris[0]
    assert not re.search(r"\bnan\b", t.teks, re.IGNORECASE) and "NaN" not in t.html


def test_tampilan_masukan_salah_diberi_pesan_jelas():
    d, w = _data(), _wilayah()
    with pytest.raises(WilayahTidakDikenal, match="Mungkin maksud Anda 'Barat'"):
        penjelajah.tampilan(d, w, "Barar")
    with pytest.raises(WilayahTidakDikenal, match="Mekarsari"):
        penjelajah.tampilan(d, w, "Barat", desa="Mekarsari")  # desa kecamatan lain
    with pytest.raises(KeyError, match="Layanan 'jalan' tidak dikenal"):
        penjelajah.tampilan(d, w, "Barat", layanan="jalan")
    with pytest.raises(ValueError, match="pembanding"):
        penjelajah.tampilan(d, w, "Barat", pembanding="provinsi")
    with pytest.raises(ValueError, match="toleransi"):
        penjelajah.tampilan(d, w, "Barat", toleransi=-1)
    with pytest.raises(ValueError, match="jumlah"):
        penjelajah.tampilan(d, w, "Barat", jumlah=0)
    ganda = pd.concat(
        [
            w,
            w.assign(
                kode_kecamatan="33.22.03",
                kode_desa=w["kode_desa"].str.replace(".01.", ".03.", regex=False),
            ),
        ]
    )
    with pytest.raises(WilayahTidakDikenal, match="lebih dari sekali"):
        penjelajah.tampilan(d, ganda, "Barat")


def test_tampilan_tidak_mengubah_masukan():
    d, w = _data(), _wilayah()
    salinan_d, salinan_w = d.copy(), w.copy()
    penjelajah.tampilan(d, w, "Barat", toleransi=2)
    pd.testing.assert_frame_equal(d, salinan_d)
    pd.testing.assert_frame_equal(w, salinan_w)


# --- sambungan ipywidgets (tanpa peramban) -----------------------------------------------------


def _kotak(monkeypatch, **kw):
    """Penjelajah dengan ``tampilan`` dicatat: setiap gambar ulang menambah satu parameter."""
    catatan: list[dict] = []
    asli = penjelajah.tampilan

    def pencatat(*args, **parameter):
        catatan.append(parameter)
        return asli(*args, **parameter)

    monkeypatch.setattr(penjelajah, "tampilan", pencatat)
    return penjelajah.penjelajah(_data(), _wilayah(), **kw), catatan


def test_penjelajah_membuat_kontrol_ipywidgets(monkeypatch):
    import ipywidgets as widgets

    kotak, catatan = _kotak(monkeypatch, kecamatan="Timur", toleransi=2.5, jumlah=3)
    assert isinstance(kotak, widgets.VBox)
    assert isinstance(kotak.children[-1], widgets.Output)
    k = penjelajah.kontrol_penjelajah(kotak)
    assert isinstance(k["kecamatan"], widgets.Dropdown)
    assert isinstance(k["toleransi"], widgets.FloatSlider)
    assert isinstance(k["jumlah"], widgets.IntSlider)
    assert k["kecamatan"].value == "33.22.02" and k["toleransi"].value == 2.5
    assert [v for _, v in k["desa"].options] == ["", "33.22.02.2001", "33.22.02.2002"]
    # satu kali digambar saat dibuat, dengan parameter awal
    assert len(catatan) == 1
    assert catatan[0]["kecamatan"] == "33.22.02" and catatan[0]["jumlah"] == 3


def test_mengubah_nilai_kontrol_menggambar_ulang(monkeypatch, capsys):
    kotak, catatan = _kotak(monkeypatch, kecamatan="Barat")
    k = penjelajah.kontrol_penjelajah(kotak)
    k["toleransi"].value = 5.0
    assert catatan[-1]["toleransi"] == 5.0
    k["layanan"].value = "air_sanitasi"
    assert catatan[-1]["layanan"] == "air_sanitasi"
    k["desa"].value = "33.22.01.2002"
    assert catatan[-1]["desa"] == "33.22.01.2002"
    # di luar kernel, display() mencetak teks tampilan: gambar ulang sungguh terjadi
    keluaran = capsys.readouterr().out
    assert (
        "Air bersih & sanitasi · tahun 2024 · pembanding kabupaten · toleransi 5 poin" in keluaran
    )
    assert "Rincian desa Sukadamai" in keluaran


def test_mengganti_kecamatan_mengisi_ulang_pilihan_desa(monkeypatch):
    kotak, catatan = _kotak(monkeypatch, kecamatan="Barat", desa="Sukadamai")
    k = penjelajah.kontrol_penjelajah(kotak)
    assert k["desa"].value == "33.22.01.2002"
    k["kecamatan"].value = "33.22.02"
    assert [v for _, v in k["desa"].options] == ["", "33.22.02.2001", "33.22.02.2002"]
    assert k["desa"].value == ""
    # setiap gambar ulang memakai pasangan kecamatan–desa yang sah
    for p in catatan[1:]:
        assert p["kecamatan"] == "33.22.02" and p["desa"] == ""


def test_nilai_awal_di_luar_rentang_bawaan_tidak_dipotong(monkeypatch):
    kotak, catatan = _kotak(monkeypatch, kecamatan="Barat", toleransi=30, jumlah=20)
    k = penjelajah.kontrol_penjelajah(kotak)
    assert k["toleransi"].value == 30 and k["jumlah"].value == 20
    assert catatan[0]["toleransi"] == 30 and catatan[0]["jumlah"] == 20


def test_penjelajah_masukan_salah():
    with pytest.raises(WilayahTidakDikenal):
        penjelajah.penjelajah(_data(), _wilayah(), kecamatan="Utara")
    with pytest.raises(ValueError, match="pembanding"):
        penjelajah.penjelajah(_data(), _wilayah(), pembanding="desa")


def test_penjelajah_di_kernel_menggambar_ulang(tmp_path):
    """Di kernel sungguhan (nbclient): sel widget menghasilkan widget-view, dan mengubah
    ``.value`` kontrol lewat Python menggambar ulang keluaran tanpa galat."""
    sel = [
        "from p3pd import muat, penjelajah\n"
        "kotak = penjelajah.penjelajah(muat.muat_indikator(), muat.muat_wilayah(), kecamatan='Tuntang')\n"
        "kotak",
        "k = penjelajah.kontrol_penjelajah(kotak)\n"
        "k['toleransi'].value = 5\n"
        "k['layanan'].value = 'pendidikan'\n"
        "k['kecamatan'].value = '12.07.01'",
        "for o in kotak.children[-1].outputs:\n"
        "    print(o['output_type'], o.get('data', {}).get('text/plain', '').splitlines()[0])",
    ]
    nbformat.write(new_notebook(cells=[new_code_cell(s) for s in sel]), tmp_path / "uji.ipynb")
    hasil = [s for s in jalankan_notebook(tmp_path / "uji.ipynb", simpan=False).cells]
    data = hasil[0].outputs[0]["data"]
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"]
    assert not hasil[1].outputs  # tidak ada galat saat kontrol diubah
    cetak = hasil[2].outputs[0]["text"]
    assert cetak.startswith("display_data Kecamatan Gunung Meriah (Kabupaten Deli Serdang)")
    assert "Pendidikan · tahun 2024 · pembanding kabupaten · toleransi 5 poin" in cetak


def test_urutan_prioritas_menulis_nama_desa():
    from p3pd import diagnosis

    p = diagnosis.desa_prioritas(_data(), jumlah=2)
    assert (
        penjelajah.urutan_prioritas(p, _wilayah())
        == "1. Mekarsari (skor 0,18) · 2. Sukadamai (skor 0,00)"
    )
    assert penjelajah.urutan_prioritas(p).startswith("1. 33.22.02.2001 (skor 0,18)")
    # data uji ini tanpa indikator pendidikan dan adminduk: rincian menyebutnya
    assert p.iloc[0]["rincian_layanan"] == (
        "Kesehatan 1/5; Air bersih & sanitasi 1/3; "
        "belum ada data: Pendidikan, Administrasi kependudukan"
    )
    berbobot = diagnosis.desa_prioritas(_data(), bobot_layanan={"kesehatan": 1.5}, jumlah=1)
    # (1,5 × 0,2 + 0,33 + 0) ÷ 3,5 = 0,181
    assert berbobot.iloc[0]["skor"] == pytest.approx((1.5 * 0.2 + 1 / 3) / 3.5, abs=1e-4)


def test_data_sendiri_sebagian_menyebut_pembanding_dan_kelurahan_dengan_jujur(tmp_path):
    import data_sendiri as ds

    from p3pd import muat
    from p3pd.label import label_data

    folder = ds.buat_batu_sebagian(tmp_path / "batu")
    data = muat.muat_folder(folder)
    label = label_data(folder)
    t = penjelajah.tampilan(
        data["indikator"], data["wilayah"], ds.KECAMATAN, layanan="kesehatan", label=label
    )
    assert not t.sintetis and t.tanda == label.teks
    assert t.nama_pembanding.startswith("gabungan desa/kelurahan di data ini (")
    assert "pembanding kabupaten" not in t.judul and f"pembanding {t.nama_pembanding}" in t.judul
    assert t.jumlah_kelurahan > 0
    assert f"dari {t.jumlah_desa} desa/kelurahan punya" in t.ringkasan
    assert "pembanding: gabungan desa/kelurahan di data ini (" in t.html and "Kota Batu)" in t.html
    kec = penjelajah.tampilan(
        data["indikator"], data["wilayah"], ds.KECAMATAN, pembanding="kecamatan", label=label
    )
    # folder uji memuat 2 dari 8 desa/kelurahan Kecamatan Batu: bukan capaian kecamatan
    assert kec.nama_pembanding.endswith("desa/kelurahan Kecamatan Batu)")
    assert kec.nama_pembanding.startswith("gabungan desa/kelurahan di data ini (")
    # data latihan tetap menyebut kabupaten dan desa
    latihan = penjelajah.tampilan(_data(), _wilayah(), "Barat", sintetis=True)
    assert latihan.nama_pembanding == "kabupaten" and latihan.jumlah_kelurahan == 0
    assert " desa punya" in latihan.ringkasan
