"""Uji ``p3pd.laporan_data.potong_data``: handout hanya membaca baris kabupaten/provinsinya."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from p3pd import laporan
from p3pd.galat import GalatP3PD
from p3pd.laporan_data import potong_data


@pytest.fixture(scope="module")
def data() -> laporan.DataLaporan:
    return laporan.muat_data()


def _tabel(d: laporan.DataLaporan) -> dict[str, pd.DataFrame]:
    return {k: v for k, v in vars(d).items() if isinstance(v, pd.DataFrame)}


def test_potongan_hanya_baris_kabupaten_dengan_indeks_asli(data):
    potongan = potong_data(data, "33.22")
    assert potongan is not data
    for nama, tabel in _tabel(potongan).items():
        utuh = getattr(data, nama)
        if "kode_desa" not in utuh:
            assert tabel is utuh
            continue
        harap = utuh[utuh["kode_desa"].astype(str).str.startswith("33.22")]
        assert len(harap) > 0, nama
        assert len(harap) < len(utuh), nama  # data latihan memuat empat kabupaten
        pd.testing.assert_frame_equal(tabel, harap)
        # asal berkas tetap diketahui (label data), daftar catatan pemuat tidak ikut
        assert tabel.attrs.get("berkas") == utuh.attrs.get("berkas")
        assert all(isinstance(v, str) for v in tabel.attrs.values())
    # potongan diingat: handout berikutnya di kabupaten yang sama memakai objek yang sama
    assert potong_data(data, "33.22") is potongan
    # memotong lagi ke wilayah yang sama tidak menyalin apa pun
    assert potong_data(potongan, "33.22") is potongan
    assert potongan.tidak_ada == data.tidak_ada


def test_tabel_tanpa_baris_di_kabupaten_tetap_tercatat_ada_di_folder(data):
    """Berkas yang hanya berisi kabupaten lain: handout menulis "tidak memuat baris untuk",
    bukan "berkas tidak ada"."""
    belanja_lain = data.belanja[data.belanja["kode_desa"].str.startswith("53.02")]
    lain = dataclasses.replace(data, belanja=belanja_lain)
    potongan = potong_data(lain, "33.22", ingat=False)
    # tanpa satu baris pun di kabupaten ini: tabelnya tidak dipotong (pembaca yang menyaring
    # menurut kode melihat tabel yang ada tetapi tanpa baris wilayah ini, seperti tanpa potongan)
    assert potongan.belanja is lain.belanja
    assert not potongan.belanja["kode_desa"].str.startswith("33.22").any()
    assert potongan.ada("belanja") and not potongan.ada("terbitan")
    h = laporan.Handout("Jawa Tengah", kecamatan="Getasan", data=lain, tanggal="2024-07-09")
    teks = h.grafik_apbdes()._repr_html_()
    assert "apbdes_belanja.csv tidak memuat baris untuk" in teks
    assert "tidak ada (atau kosong)" not in teks


def test_handout_sama_dengan_dan_tanpa_kabupaten_lain(data):
    """Baris kabupaten lain tidak mengubah satu angka pun di handout kecamatan."""
    hanya = potong_data(data, "33.22")
    pd.testing.assert_frame_equal(
        laporan.angka_kunci(hanya, laporan.pilih_wilayah("Jateng", kecamatan="Getasan"), 2024),
        laporan.angka_kunci(data, laporan.pilih_wilayah("Jateng", kecamatan="Getasan"), 2024),
    )
    dengan = laporan.Handout("Jawa Tengah", kecamatan="Getasan", data=data, tanggal="2024-07-09")
    tanpa = laporan.Handout("Jawa Tengah", kecamatan="Getasan", data=hanya, tanggal="2024-07-09")
    assert tanpa.data is hanya  # sudah satu kabupaten: tidak dipotong lagi
    pd.testing.assert_frame_equal(dengan.data.indikator, hanya.indikator)
    for bagian in ("tabel_angka_kunci", "tabel_lampu", "tabel_prioritas", "isu_musrenbang"):
        assert getattr(dengan, bagian)()._repr_html_() == getattr(tanpa, bagian)()._repr_html_()


def test_handout_provinsi_memotong_ke_provinsi(data):
    h = laporan.Handout("Nusa Tenggara Timur", data=data, tanggal="2024-07-09")
    assert set(h.data.wilayah["kode_provinsi"].astype(str)) == {"53"}
    assert set(h.data.indikator["kode_desa"].str[:2]) == {"53"}


def test_tahun_di_kabupaten_lain_tetap_sah(data):
    """Tahun yang hanya ada di kabupaten lain: diterima (seperti sebelum dipotong), tidak
    ditolak dengan pesan "tidak ada di data"."""
    ind = data.indikator
    tahun_akhir = int(ind["tahun"].max())
    lain = dataclasses.replace(
        data, indikator=ind[(ind["tahun"] < tahun_akhir) | ind["kode_desa"].str.startswith("53")]
    )
    h = laporan.Handout(
        "Jawa Tengah", kecamatan="Getasan", tahun=tahun_akhir, data=lain, tanggal="2024-07-09"
    )
    assert h.tahun == tahun_akhir
    with pytest.raises(GalatP3PD, match="tidak ada di data"):
        laporan.Handout("Jawa Tengah", kecamatan="Getasan", tahun=1990, data=lain)


def test_tahun_potongan_tanpa_kode_adalah_tahun_folder(data):
    """Grafik APBDes memakai tahun-tahun folder (``data.tahun()``): potongan kabupaten yang
    indikatornya hanya satu tahun tetap menjawab dengan tahun seluruh folder."""
    ind = data.indikator
    tahun_akhir = int(ind["tahun"].max())
    lain = dataclasses.replace(
        data,
        indikator=ind[(ind["tahun"] == tahun_akhir) | ~ind["kode_desa"].str.startswith("33.22")],
    )
    potongan = potong_data(lain, "33.22", ingat=False)
    assert len(lain.tahun()) > 1
    assert potongan.tahun() == lain.tahun()
    assert potongan.tahun("33.22") == [tahun_akhir]


def test_data_dari_pemanggil_tidak_diingat(data):
    """Data yang diberikan ke ``Handout`` lalu diganti pemanggil: handout berikutnya memakai
    isi yang baru, bukan potongan lama."""
    salinan = dataclasses.replace(data)
    pertama = laporan.Handout("Jawa Tengah", kecamatan="Getasan", data=salinan)
    tahun_akhir = pertama.tahun
    salinan.indikator = salinan.indikator[salinan.indikator["tahun"] != tahun_akhir]
    kedua = laporan.Handout("Jawa Tengah", kecamatan="Getasan", data=salinan)
    assert kedua.tahun == tahun_akhir - 1
    assert tahun_akhir not in set(kedua.data.indikator["tahun"])


def test_pembanding_tahun_yang_hanya_ada_di_kabupaten_lain(data, monkeypatch):
    """Tahun diminta yang ada di folder tetapi tidak di kabupaten ini: pembandingnya 0 desa
    berdata tahun itu (seperti tanpa potongan), bukan seluruh daftar desa kabupaten."""
    import types

    from p3pd import label

    ind = data.indikator
    tahun_akhir = int(ind["tahun"].max())
    lain = dataclasses.replace(
        data,
        indikator=ind[(ind["tahun"] < tahun_akhir) | ~ind["kode_desa"].str.startswith("33.22")],
    )
    monkeypatch.setattr(label, "label_data", lambda *a, **k: types.SimpleNamespace(sintetis=False))
    h = laporan.Handout(
        "Jawa Tengah", kecamatan="Getasan", tahun=tahun_akhir, data=lain, tanggal="2024-07-09"
    )
    assert h.pembanding.n == 0 and not h.pembanding.lengkap
