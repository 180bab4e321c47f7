"""Handout atas data sendiri yang sebagian: Kecamatan Batu, Kota Batu (di luar wilayah latihan).

Tiga folder (dari ``tests/data_sendiri.py``; daftar desa dan fasilitas nyata dari cuplikan Podes
2024, angka lain diisi untuk uji):

- ``desa``: hanya daftar desa (``wilayah_desa.csv``) dan labelnya;
- ``sebagian``: daftar desa, fasilitas, dan beberapa kolom indikator kesehatan; tanpa APBDes,
  usulan, program, atau pemangku;
- ``terbitan``: ``sebagian`` ditambah ``angka_terbitan.csv`` (skor bergaya IDM).

Folder ``desa`` dan ``terbitan`` dibangun sekali lewat ``p3pd handout --data … --kecamatan Batu``
(PDF hanya untuk ``desa``, yang paling sedikit datanya; ``terbitan`` juga tanpa APBDes); uji lain
memeriksa bagian handout di proses ini.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml
from data_sendiri import (
    KODE_DESA,
    KODE_KECAMATAN,
    KODE_KELURAHAN,
    PEMILIK,
    TERBITAN_ISIAN,
    buat_batu_sebagian,
)

from p3pd import handout, handout_pilih, laporan, laporan_html, wilayah_nasional
from p3pd.cli import main
from p3pd.format import TIDAK_BERLAKU_KELURAHAN
from p3pd.laporan_dasar import KELAS_GRAFIK_TANPA_DATA
from p3pd.notebook import TIDAK_ADA_DATA

KATA_SINTETIS = re.compile(r"sintetis|data latihan", re.I)
SUMBER_TERBITAN = "angka terbitan bergaya IDM diisi untuk uji, bukan angka nyata"


def _sidik(folder: Path) -> dict[str, str]:
    return {
        b.name: hashlib.sha256(b.read_bytes()).hexdigest()
        for b in sorted(folder.iterdir())
        if b.is_file()
    }


def _teks_tampil(html: str) -> str:
    """Teks yang dilihat pembaca handout: tanpa <style>/<script>, tag diganti spasi, ``alt`` ikut."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S | re.I)
    alt = " ".join(re.findall(r'\balt="([^"]*)"', html))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html) + " " + alt)


def _buat_folder(jenis: str, induk: Path) -> Path:
    folder = buat_batu_sebagian(induk / f"sumber_{jenis}")
    if jenis == "sebagian":
        return folder
    if jenis == "terbitan":
        (folder / "angka_terbitan.csv").write_text(TERBITAN_ISIAN, encoding="utf-8")
        label = yaml.safe_load((folder / "SUMBER_DATA.yaml").read_text(encoding="utf-8"))
        label["sumber"] += f"; {SUMBER_TERBITAN}"
        (folder / "SUMBER_DATA.yaml").write_text(
            yaml.safe_dump(label, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        return folder
    # jenis "desa": hanya daftar desa nyata dan labelnya (sumbernya: Podes 2024)
    hanya = induk / "desa"
    hanya.mkdir()
    shutil.copy(folder / "wilayah_desa.csv", hanya)
    label = yaml.safe_load((folder / "SUMBER_DATA.yaml").read_text(encoding="utf-8"))
    label["sumber"] = label["sumber"].split(";")[0]
    (hanya / "SUMBER_DATA.yaml").write_text(
        yaml.safe_dump(label, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return hanya


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Ketiga folder data sendiri, dibuat sekali (uji yang mengubah folder memakai salinan)."""
    return {
        j: _buat_folder(j, tmp_path_factory.mktemp(j)) for j in ("desa", "sebagian", "terbitan")
    }


@pytest.fixture(scope="module")
def dibangun(folder: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Bangun handout Kecamatan Batu untuk ketiga folder lewat CLI; catat sidik sebelum dan sesudah."""
    hasil = {}
    for jenis, format_ in (("desa", ["html", "pdf"]), ("terbitan", ["html"])):
        sebelum = _sidik(folder[jenis])
        keluaran = tmp_path_factory.mktemp(f"handout_{jenis}")
        kode = main(
            ["handout", "--data", str(folder[jenis]), "--kecamatan", "Batu", "--keluaran",
             str(keluaran), "--format", *format_, "--pekerja", "1", "--tanpa-progres"]
        )  # fmt: skip
        hasil[jenis] = {
            "kode": kode,
            "sebelum": sebelum,
            "sesudah": _sidik(folder[jenis]),
            "keluaran": keluaran,
        }
    return hasil


def _html(dibangun: dict, jenis: str) -> str:
    berkas = sorted(dibangun[jenis]["keluaran"].glob("*.html"))
    assert len(berkas) == 1, sorted(dibangun[jenis]["keluaran"].iterdir())
    return berkas[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("jenis", ["desa", "terbitan"])
def test_handout_dibangun_berlabel_sendiri_dan_masukan_utuh(dibangun, jenis):
    info = dibangun[jenis]
    assert info["kode"] == 0
    assert info["sesudah"] == info["sebelum"]  # masukan tidak diubah
    html = _html(dibangun, jenis)
    # Sampul (dan kaki halaman cetak, yang membaca elemen ini) membawa label data sendiri.
    assert f'class="catatan-sintetis"><strong>Data milik {PEMILIK}' in html
    tampil = _teks_tampil(html)
    temuan = sorted({m.group(0) for m in KATA_SINTETIS.finditer(tampil)})
    assert not temuan, f"handout data sendiri menyebut {temuan}"
    assert not re.search(r"\bnan\b", tampil, re.I), "nilai NaN tercetak di handout"
    assert "Kecamatan BATU" in tampil


def test_hanya_daftar_desa_pdf_dan_setiap_bagian_tidak_ada_data(dibangun):
    pdf = sorted(dibangun["desa"]["keluaran"].glob("*.pdf"))
    assert len(pdf) == 1 and pdf[0].read_bytes().startswith(b"%PDF")
    html = _html(dibangun, "desa")
    tampil = _teks_tampil(html)
    assert "Tahun data: tidak ada data" in tampil
    # Satu baris "tidak ada data" yang menyebut berkasnya, bukan tabel kosong.
    for bagian in (
        "capaian indikator layanan dasar",
        "grafik capaian",
        "tabel lampu",
        "desa prioritas",
        "rancangan agenda dari diagnosis",
    ):
        assert f"Tidak ada data untuk {bagian}: berkas indikator_desa.csv tidak ada" in tampil
    assert "Tidak ada data untuk grafik porsi APBDes: berkas apbdes_belanja.csv" in tampil
    assert (
        "Tidak ada data untuk kebutuhan dan penyediaan layanan: berkas indikator_desa.csv, "
        "usulan_desa.csv, program_opd.csv dan apbdes_belanja.csv" in tampil
    )
    assert "<img" not in html  # tidak ada grafik kosong
    assert html.count(KELAS_GRAFIK_TANPA_DATA) == 2
    assert 'class="lampu"' not in html and 'class="prioritas"' not in html


def test_tanpa_belanja_bagian_lain_tetap_ditulis(dibangun):
    html = _html(dibangun, "terbitan")
    tampil = _teks_tampil(html)
    assert html.count("<img") == 1  # grafik capaian ada; grafik APBDes diganti satu baris
    assert "Tidak ada data untuk grafik porsi APBDes: berkas apbdes_belanja.csv" in tampil
    assert "Tidak ada data untuk kolom porsi APBDes: berkas apbdes_belanja.csv" in tampil
    assert "APBDes untuk layanan dasar</th>" not in html  # kolom porsi tidak dicetak
    # Indikator yang ada datanya tampil; yang tidak ada disebut dalam satu baris.
    assert 'data-indikator="stunting"' in html
    assert 'data-indikator="apm_smp"' not in html
    assert "Tidak ada data untuk 6 indikator" in tampil and "APM SMP" in tampil
    # Fasilitas nyata ada: daftar desa berkebutuhan tinggi tetap dihitung.
    assert "berkebutuhan tinggi" in tampil
    assert "usulan_desa.csv, program_opd.csv dan apbdes_belanja.csv" in tampil
    assert "ORO-ORO OMBO" in tampil  # rancangan agenda dari diagnosis, tanpa belanja
    # Tanpa tabel program dan usulan: isu tidak mengaku "tanpa program" atau "0 usulan".
    assert "desa merah (program OPD: tidak ada data), usulan: tidak ada data" in tampil
    assert "desa merah tanpa program," not in tampil
    assert "Capaian wilayah ini menurut data ini" in tampil


def test_angka_terbitan_di_samping_indikator_dengan_sumbernya(dibangun):
    tampil = _teks_tampil(_html(dibangun, "terbitan"))
    assert "Angka terbitan per desa" in tampil
    assert "Indeks Desa Membangun (IDM) 2024" in tampil
    assert "0,80 (Maju)" in tampil  # nilai apa adanya, dengan kategorinya
    assert "diisi untuk uji (bukan angka nyata IDM)" in tampil  # sumbernya
    assert "tidak dijumlahkan" in tampil


# --------------------------------------------------------------------------- di proses ini


@pytest.fixture
def pakai(folder: dict[str, Path], monkeypatch: pytest.MonkeyPatch):
    """Pakai salah satu folder sebagai folder data (``P3PD_DATA``); kembalikan jalurnya."""

    def _pakai(jenis: str) -> Path:
        monkeypatch.setenv("P3PD_DATA", str(folder[jenis]))
        return folder[jenis]

    return _pakai


def test_muat_data_dan_periksa_hanya_daftar_desa_wajib(pakai):
    hanya_desa = pakai("desa")
    data = laporan.muat_data(hanya_desa)
    assert not data.ada("indikator") and not data.ada("belanja") and data.terbitan is None
    assert set(data.tidak_ada) == set(handout_pilih.TABEL_HANDOUT) - {"wilayah"}
    assert data.tahun() == []
    assert list(handout_pilih.periksa_data_handout(hanya_desa)) == ["wilayah"]
    (pekerjaan,) = handout_pilih.susun_pekerjaan(kecamatan=["Batu"])
    assert pekerjaan.parameter["kecamatan"] == KODE_KECAMATAN
    assert pekerjaan.parameter["tahun"] == handout_pilih.tahun_tanpa_data()


def test_tabel_tambahan_handout_dibaca_dan_masuk_kunci_simpanan(folder, tmp_path, monkeypatch):
    for nama in ("usulan_tindak_lanjut", "program_desa", "terbitan"):
        assert nama in handout_pilih.TABEL_HANDOUT
    salinan = shutil.copytree(folder["terbitan"], tmp_path / "salinan")
    monkeypatch.setenv("P3PD_DATA", str(salinan))
    data = laporan._muat_data_tersimpan(salinan)
    assert data.ada("terbitan") and data.tahun() == [2024]
    assert laporan._muat_data_tersimpan(salinan) is data
    # Berkas tabel tambahan yang baru ditambahkan membuat data dibaca ulang.
    (salinan / "program_desa.csv").write_text(
        "id_program,kode_desa,tahun,jenis,indikator_keluaran,satuan,target_volume,anggaran,"
        "sumber_dana\nPB-1,35.79.01.2006,2025,posyandu_gizi,Kader terlatih,orang,20,70000000,"
        "DAK nonfisik\n",
        encoding="utf-8",
    )
    baru = laporan._muat_data_tersimpan(salinan)
    assert baru is not data and baru.ada("program_desa")


def test_tahun_tersedia_berurutan_indikator_belanja_terbitan():
    th = pd.DataFrame({"tahun": [2023.0, 2024.0]})
    assert handout_pilih.tahun_tersedia({"indikator": th.head(1), "belanja": th}) == [2023]
    assert handout_pilih.tahun_tersedia({"belanja": th, "terbitan": th.head(1)}) == [2023, 2024]
    assert handout_pilih.tahun_tersedia({"terbitan": th.tail(1)}) == [2024]
    assert handout_pilih.tahun_tersedia({"wilayah": pd.DataFrame({"kode_desa": ["1"]})}) == []


def test_tanpa_angka_terbitan_tanpa_tabel_terbitan(pakai):
    pakai("sebagian")
    h = laporan.Handout("JAWA TIMUR", kecamatan="Batu", tanggal="2024-07-09")
    assert h.angka_terbitan().empty
    assert "Angka terbitan per desa" not in h.tabel_angka_kunci().isi
    assert "angka terbitan per desa" not in h.pengantar_angka_kunci().isi


def test_angka_terbitan_wilayah_apa_adanya(pakai):
    pakai("terbitan")
    h = laporan.Handout("JAWA TIMUR", kecamatan="Batu", tanggal="2024-07-09")
    terbit = h.angka_terbitan()
    assert list(terbit["kode_desa"]) == [KODE_DESA]
    assert terbit["nilai"].tolist() == [0.8] and terbit["kategori"].tolist() == ["Maju"]
    # Capaian cacah tidak tercampur: angka kunci tidak punya baris IDM.
    assert "idm" not in set(h.angka_kunci()["indikator"])


def test_pertanyaan_tanpa_data_menyebut_berkas_dan_tetap_bertanya(pakai):
    pakai("desa")
    h = laporan.Handout("JAWA TIMUR", kecamatan="Batu", tanggal="2024-07-09")
    daftar = [
        p for ps in laporan.pertanyaan_diskusi(h.data, h.wilayah, h.tahun).values() for p in ps
    ]
    assert len(daftar) == 8 and all(p.endswith("?") for p in daftar)
    assert sum(TIDAK_ADA_DATA in p for p in daftar) == 6
    assert any("apbdes_belanja.csv" in p for p in daftar)
    assert not any(KATA_SINTETIS.search(p) for p in daftar)


def _nb(*keluaran: dict) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    sel = nbformat.v4.new_code_cell("x")
    sel.outputs = [nbformat.v4.new_output("display_data", data=k) for k in keluaran]
    nb.cells.append(sel)
    return nb


def test_grafik_hilang_membedakan_tanpa_data_dari_backend_tanpa_gambar():
    kotak = {"text/html": f'<div class="p3pd-kotak {KELAS_GRAFIK_TANPA_DATA}">x</div>'}
    assert handout.grafik_hilang(_nb(kotak, kotak)) == ""
    assert handout.grafik_hilang(_nb({"image/png": "iVBO", "text/plain": "<Figure>"})) == ""
    figur_tanpa_png = {"text/plain": "<Figure size 700x500 with 1 Axes>"}
    assert "tidak menjadi gambar" in handout.grafik_hilang(_nb(kotak, figur_tanpa_png))
    assert "tidak berisi gambar" in handout.grafik_hilang(_nb({"text/plain": "1"}))


# --------------------------------------------------------------------------- temuan pengguna data sendiri


BELANJA_ISIAN = """kode_desa,tahun,kode_sub_bidang,anggaran,realisasi
35.79.01.2006,2024,1.1,735000000,722300000
35.79.01.2006,2024,1.3,100000000,90000000
35.79.01.2006,2024,2.1,90000000,86000000
35.79.01.2006,2024,2.2,200000000,190600000
35.79.01.2006,2024,2.3,480000000,455000000
35.79.01.2006,2024,2.4,350000000,319000000
35.79.01.2006,2024,3.2,95000000,90500000
35.79.01.2006,2024,4.5,130000000,119000000
35.79.01.2006,2024,5.3,150000000,133000000
"""
"""APBDes 2024 Desa Oro-Oro Ombo saja (kelurahan tidak punya APBDes) — diisi untuk uji."""

KEGIATAN_ISIAN = """kode_desa,tahun,kode_kegiatan,anggaran,realisasi
35.79.01.2006,2024,1.1.01,60000000,60000000
35.79.01.2006,2024,1.1.02,420000000,420000000
35.79.01.2006,2024,1.1.03,30000000,28800000
35.79.01.2006,2024,1.1.04,120000000,115500000
35.79.01.2006,2024,1.1.05,60000000,60000000
35.79.01.2006,2024,1.1.06,25000000,23000000
35.79.01.2006,2024,1.1.07,20000000,15000000
"""
"""Rincian 1.1 (diisi untuk uji): seluruh 1.1 di atas 30 %, pos yang dibatasi di bawahnya."""


@pytest.fixture(scope="module")
def lengkap(folder: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder ``sebagian`` ditambah APBDes 2024 untuk desa saja (bukan kelurahan)."""
    hasil = shutil.copytree(folder["sebagian"], tmp_path_factory.mktemp("apbdes") / "batu")
    (hasil / "apbdes_belanja.csv").write_text(BELANJA_ISIAN, encoding="utf-8")
    (hasil / "apbdes_belanja_kegiatan.csv").write_text(KEGIATAN_ISIAN, encoding="utf-8")
    return hasil


def _handout(folder: Path, monkeypatch: pytest.MonkeyPatch) -> laporan.Handout:
    monkeypatch.setenv("P3PD_DATA", str(folder))
    return laporan.Handout("JAWA TIMUR", kecamatan="Batu", tanggal="2024-07-09")


def _baris(html: str, kode: str) -> str:
    (baris,) = re.findall(rf'<tr data-kode="{re.escape(kode)}">.*?</tr>', html)
    return baris


def test_porsi_apbdes_kelurahan_tidak_berlaku(lengkap, monkeypatch):
    h = _handout(lengkap, monkeypatch)
    # daftar berisi kelurahan: kepala kolom menyebutnya (data latihan: "Desa" saja)
    assert "<th>Desa/kelurahan</th>" in h.tabel_prioritas().isi
    from p3pd.lokasi import folder_proyek

    data_latihan = laporan.muat_data(folder_proyek() / "data")
    latihan = laporan.Handout("Jawa Tengah", kecamatan="Getasan", data=data_latihan)
    assert "<th>Desa</th>" in latihan.tabel_prioritas().isi
    for tabel in (h.tabel_lampu().isi, h.tabel_prioritas().isi):
        kel = _baris(tabel, KODE_KELURAHAN)
        assert TIDAK_BERLAKU_KELURAHAN in kel and TIDAK_ADA_DATA not in kel
        assert TIDAK_BERLAKU_KELURAHAN not in _baris(tabel, KODE_DESA)  # desa punya APBDes
    assert TIDAK_BERLAKU_KELURAHAN == "tidak berlaku (kelurahan)"


def test_pembanding_folder_sebagian_kabupaten_disebut_rata_rata_desa_di_data_ini(
    pakai, monkeypatch
):
    h = _handout(pakai("sebagian"), monkeypatch)
    assert not h.pembanding.lengkap and (h.pembanding.n, h.pembanding.total) == (2, 24)
    keterangan = "2 dari 24 desa/kelurahan Kota Batu"
    kunci = _teks_tampil(h.tabel_angka_kunci().isi)
    assert "Rata-rata desa di data ini" in kunci and keterangan in kunci
    assert "Kota Batu data ini" not in kunci
    lampu = _teks_tampil(h.tabel_lampu().isi)
    assert f"lebih buruk dari gabungan desa/kelurahan di data ini ({keterangan})" in lampu
    assert "dari kabupaten" not in lampu
    assert "bukan capaian Kota Batu" in h.pengantar_angka_kunci().isi
    pp = _teks_tampil(h.tabel_permintaan_penyediaan().isi)
    assert "median desa di data ini" in pp and "median kabupaten" not in pp
    # Folder yang memuat semua desa/kelurahan kabupaten: tetap "kabupaten".
    semua = laporan.pembanding_kabupaten(
        wilayah_nasional.daftar("desa", "35.79")["kode"], ["35.79"], "Kota Batu", sintetis=False
    )
    assert semua.lengkap and semua.nama == "kabupaten" and semua.kalimat == ""


def test_ringkasan_kabupaten_sebagian_bukan_angka_kabupaten(folder):
    from p3pd import ringkasan
    from p3pd.label import label_data

    teks = ringkasan.susun_ringkasan(
        ringkasan.periksa_folder(folder["sebagian"]), label=label_data(folder["sebagian"])
    )
    assert "Kota Batu*" in teks
    assert (
        "* Kota Batu: gabungan desa/kelurahan di data ini (2 dari 24 desa/kelurahan Kota Batu)"
        in teks
    )


def test_stunting_data_sendiri_administratif_bukan_survei(pakai, monkeypatch):
    h = _handout(pakai("sebagian"), monkeypatch)
    assert h.angka_kunci().set_index("indikator").loc["stunting", "jenis_data"] == "administratif"
    baris = re.search(r'<tr data-indikator="stunting">.*?</tr>', h.tabel_angka_kunci().isi)
    teks = _teks_tampil(baris.group())
    assert "data desa: administratif (e-PPGBM/puskesmas)" in teks
    assert "data desa: survei" not in teks
    # SKI (survei) berjenis lain: tampil miring sebagai pembanding.
    assert 'style="font-style:italic"' in baris.group()


def test_sampul_data_sendiri_netral(pakai, monkeypatch):
    h = _handout(pakai("sebagian"), monkeypatch)
    sampul = h.sampul().isi
    assert laporan_html.SAMPUL_DATA_SENDIRI in sampul and PEMILIK in sampul
    assert "9–12 Juli 2024" not in sampul and "Pelatihan" not in sampul
    assert "Tahun data 2024" in sampul


def test_belanja_tanpa_baris_tahun_ini_disebut_begitu(folder, tmp_path, monkeypatch):
    salinan = shutil.copytree(folder["sebagian"], tmp_path / "salinan")
    (salinan / "apbdes_belanja.csv").write_text(
        "kode_desa,tahun,kode_sub_bidang,anggaran,realisasi\n"
        f"{KODE_DESA},2023,1.1,735000000,722300000\n",
        encoding="utf-8",
    )
    h = _handout(salinan, monkeypatch)
    assert h.tahun == 2024  # tahun indikator kecamatan ini, bukan tahun baris APBDes
    for kotak in (h.grafik_apbdes(), h.tabel_lampu()):
        teks = _teks_tampil(kotak.isi)
        assert "apbdes_belanja.csv tidak memuat baris untuk Kecamatan BATU tahun 2024" in teks
        assert "tidak ada (atau kosong)" not in teks
        assert "p3pd impor --preset siskeudes_apbdes" in teks


def test_tahun_dari_tabel_yang_berisi_baris_kecamatan_ini():
    lain = pd.DataFrame({"kode_desa": ["35.79.02.2001"], "tahun": [2023.0]})
    ini = pd.DataFrame({"kode_desa": [KODE_DESA], "tahun": [2024.0]})
    data = {"belanja": lain, "terbitan": ini}
    assert handout_pilih.tahun_tersedia(data) == [2023]
    assert handout_pilih.tahun_tersedia(data, KODE_KECAMATAN) == [2024]
    assert handout_pilih.tahun_tersedia({"belanja": lain}, KODE_KECAMATAN) == []


def test_tanpa_indikator_fasilitas_tetap_ditulis(folder, tmp_path, monkeypatch):
    salinan = shutil.copytree(folder["sebagian"], tmp_path / "salinan")
    (salinan / "indikator_desa.csv").unlink()
    h = _handout(salinan, monkeypatch)
    html = h.tabel_permintaan_penyediaan().isi
    assert "Penyediaan: fasilitas per desa" in html
    desa = _teks_tampil(_baris(html, KODE_DESA))
    assert "ORO-ORO OMBO" in desa and "2,5" in desa  # jarak ke puskesmas (km)
    teks = _teks_tampil(html)
    assert "indikator_desa.csv" in teks and "lihat data/KAMUS_DATA.md" in teks


def test_pertanyaan_jumlah_desa_prioritas_dan_pos_yang_dibatasi(lengkap, monkeypatch):
    h = _handout(lengkap, monkeypatch)
    daftar = [
        p for ps in laporan.pertanyaan_diskusi(h.data, h.wilayah, h.tahun).values() for p in ps
    ]
    teks = " ".join(daftar)
    assert "dua desa prioritas" in teks and "tiga desa prioritas" not in teks
    assert "masih di bawah 30% di 1 dari 1 desa itu" in teks


def test_prioritas_menyebut_layanan_tanpa_data_dan_skor_sebagian(pakai, monkeypatch):
    """Folder Batu hanya berisi indikator kesehatan: skor dari satu layanan, dan itu tertulis."""
    h = _handout(pakai("sebagian"), monkeypatch)
    tabel = h.tabel_prioritas().isi
    desa = _teks_tampil(_baris(tabel, KODE_DESA))
    assert "belum ada data: Pendidikan, Air bersih &amp; sanitasi" in _baris(tabel, KODE_DESA)
    assert "Administrasi kependudukan" in desa
    catatan = _teks_tampil(tabel)
    assert "dinilai hanya dari layanan yang ada datanya" in catatan
    assert "tidak diberi skor dan nomor" not in catatan  # setiap desa di sini punya data


def test_prioritas_desa_tanpa_data_indikator_tanpa_nomor_dan_diterangkan():
    from p3pd.laporan_html import html_prioritas

    tabel = pd.DataFrame(
        {
            "peringkat": [1, 2],
            "kode_desa": [KODE_DESA, "35.79.01.2002"],
            "nama_desa": ["Desa A", "Desa B"],
            "skor": [0.5, float("nan")],
            "rincian_layanan": [
                "Kesehatan 1/2; belum ada data: Pendidikan",
                "belum ada data indikator",
            ],
            "indikator_merah": ["Stunting", ""],
            "porsi_layanan_dasar": [20.0, float("nan")],
        }
    )
    isi = html_prioritas(tabel, "kecamatan").isi
    b = _baris(isi, "35.79.01.2002")
    assert '<td class="angka">–</td>' in b and "tidak ada data" in b  # tanpa nomor, tanpa skor
    assert '<td class="angka">1</td>' in _baris(isi, KODE_DESA)
    teks = _teks_tampil(isi)
    assert (
        "tidak diberi skor dan nomor" in teks and "bukan berarti masalahnya paling ringan" in teks
    )
    assert "dinilai hanya dari layanan yang ada datanya" in teks


def test_ringkasan_banyak_kabupaten_dalam_blok_dan_kolom_porsi_lurus():
    """Data banyak kabupaten (satu provinsi, nasional): tabel capaian dipecah per
    ``KOLOM_KABUPATEN`` kabupaten, setiap kabupaten tepat sekali; porsi APBDes tetap lurus walau
    namanya bertambah "(desa di data ini)"."""
    import math

    from p3pd import ringkasan, sintetis
    from p3pd.label import LabelData

    data = sintetis.buat_data(sintetis.wilayah_nasional(1_500))
    tabel = {k: data[k] for k in ("wilayah", "indikator", "belanja")}
    kab = sorted(set(tabel["wilayah"]["kode_kabupaten"]))
    assert len(kab) > ringkasan.KOLOM_KABUPATEN
    label = LabelData(
        teks="Data milik Tim uji",
        keterangan="",
        sintetis=False,
        folder=Path("."),
        pemilik="Tim uji",
    )
    teks = ringkasan.susun_ringkasan(tabel, 2024, label=label)
    kepala = [b for b in teks.splitlines() if b.startswith("  indikator ") and "baris" not in b]
    assert len(kepala) == math.ceil(len(kab) / ringkasan.KOLOM_KABUPATEN)
    semua_kepala = " ".join(kepala)
    for k in kab:
        assert semua_kepala.count(k) == 1, k
    assert all(len(b) <= 2 + 50 + 24 * ringkasan.KOLOM_KABUPATEN for b in kepala)
    stunting = [b for b in teks.splitlines() if b.startswith("  Prevalensi balita stunting")]
    assert len(stunting) == len(kepala)
    porsi = teks.split("Porsi belanja APBDes untuk layanan dasar")[1].splitlines()[1:]
    porsi = [b for b in porsi if b.startswith("  ")][: len(kab)]
    assert len(porsi) == len(kab) and any("(desa di data ini)" in b for b in porsi)
    assert len({len(b) for b in porsi}) == 1  # angka persen rata kanan di kolom yang sama
