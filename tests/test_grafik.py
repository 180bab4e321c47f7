"""Uji p3pd.grafik: gaya tanpa kebocoran, tanda sintetis, label Indonesia, aturan lampu."""

from __future__ import annotations

import io
import subprocess
import sys

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb

from p3pd import grafik
from p3pd.grafik import (
    GID_TANDA,
    TANDA_SINTETIS,
    TANPA_DATA,
    WARNA_LAMPU,
    css_lampu,
    gaya,
    grafik_batang,
    grafik_sebar,
    tandai_sintetis,
    terapkan_gaya,
)


@pytest.fixture(autouse=True)
def _tutup_gambar():
    yield
    plt.close("all")


def _tanda(fig) -> list:
    return [t for t in fig.texts if t.get_gid() == GID_TANDA]


def _salin_rc() -> dict:
    return {k: v for k, v in mpl.rcParams.items()}


# --- Gaya ---------------------------------------------------------------------------------


def test_impor_tidak_mengubah_rcparams() -> None:
    kode = (
        "import matplotlib as mpl\n"
        "sebelum = dict(mpl.rcParams)\n"
        "import p3pd.grafik\n"
        "assert dict(mpl.rcParams) == sebelum, 'rcParams berubah saat impor'\n"
        "print('ok')\n"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, check=False
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "ok"


def test_gaya_berlaku_di_dalam_blok_dan_pulih_sesudahnya() -> None:
    sebelum = _salin_rc()
    with gaya():
        assert mpl.rcParams["figure.dpi"] == grafik.DPI
        assert mpl.rcParams["image.cmap"] == "cividis"
        assert mpl.rcParams["axes.spines.top"] is False
        fig, _ = plt.subplots()
    assert _salin_rc() == sebelum
    assert fig.dpi == grafik.DPI  # gambar yang dibuat di dalam blok tetap bergaya


def test_gaya_pulih_walau_terjadi_galat() -> None:
    sebelum = _salin_rc()
    with pytest.raises(RuntimeError), gaya():
        raise RuntimeError("uji")
    assert _salin_rc() == sebelum


def test_fungsi_grafik_tidak_membocorkan_gaya() -> None:
    sebelum = _salin_rc()
    grafik_batang(pd.Series([1.0, 2.0], index=["a", "b"]), "Uji")
    grafik_sebar(pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [3.0, 1.0, 2.0]}), "x", "y")
    assert _salin_rc() == sebelum


def test_terapkan_gaya_mengubah_sesi_atas_permintaan() -> None:
    with mpl.rc_context():  # agar uji lain tidak terpengaruh
        terapkan_gaya()
        assert mpl.rcParams["figure.dpi"] == grafik.DPI
        warna = mpl.rcParams["axes.prop_cycle"].by_key()["color"]
        assert [w.upper() for w in warna] == list(grafik.URUTAN_WARNA)
    assert (
        mpl.rcParams["figure.dpi"] != grafik.DPI or mpl.rcParamsDefault["figure.dpi"] == grafik.DPI
    )


def test_ukuran_gambar_kecil_untuk_a4() -> None:
    ax = grafik_batang(pd.Series(np.arange(30.0), index=[f"Desa {i}" for i in range(30)]), "Uji")
    lebar, tinggi = ax.figure.get_size_inches()
    assert lebar <= 7.0 and tinggi <= 4.0
    assert ax.figure.dpi == grafik.DPI
    penyangga = io.BytesIO()
    ax.figure.savefig(penyangga, format="png")
    assert len(penyangga.getvalue()) < 150_000


# --- Tanda sintetis -----------------------------------------------------------------------


def test_tandai_sintetis_pada_axes_dan_tidak_ganda() -> None:
    fig, ax = plt.subplots()
    t1 = tandai_sintetis(ax)
    t2 = tandai_sintetis(fig)
    assert t1 is t2
    assert len(_tanda(fig)) == 1
    assert t1.get_text() == TANDA_SINTETIS == "Data sintetis — untuk latihan"
    assert t1.get_visible()


def test_tandai_sintetis_teks_lain_dan_tipe_salah() -> None:
    fig, _ = plt.subplots()
    assert tandai_sintetis(fig, "Data sintetis").get_text() == "Data sintetis"
    assert tandai_sintetis(fig, "Data sintetis (2024)").get_text() == "Data sintetis (2024)"
    assert len(_tanda(fig)) == 1
    with pytest.raises(TypeError, match="Figure atau Axes"):
        tandai_sintetis("bukan gambar")


def test_tanda_tetap_di_dalam_gambar_dan_tidak_menimpa_label_sumbu() -> None:
    panjang = "Persentase anak 12–23 bulan dengan imunisasi dasar lengkap menurut desa (persen)"
    ax = grafik_batang(pd.Series([10.0, 20.0], index=["a", "b"]), "Uji", label_sumbu=panjang)
    fig = ax.figure
    fig.canvas.draw()
    (tanda,) = _tanda(fig)
    kotak = tanda.get_window_extent()
    gambar = fig.bbox
    assert kotak.x0 >= gambar.x0 and kotak.x1 <= gambar.x1
    assert kotak.y0 >= gambar.y0 and kotak.y1 <= gambar.y1
    assert not kotak.overlaps(ax.xaxis.label.get_window_extent())


def test_setiap_grafik_bertanda_sintetis() -> None:
    ax1 = grafik_batang(pd.Series([1.0], index=["a"]), "Satu")
    ax2 = grafik_sebar(pd.DataFrame({"x": [1.0, 2.0], "y": [2.0, 1.0]}), "x", "y")
    assert len(_tanda(ax1.figure)) == 1
    assert len(_tanda(ax2.figure)) == 1


# --- Grafik batang ------------------------------------------------------------------------


def _teks_anotasi(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def test_grafik_batang_label_indonesia_urutan_dan_target() -> None:
    data = pd.Series(
        [45.6, 78.25, np.nan, 12.0], index=["Sumberejo", "Kaliwungu", "Ngrawan", "Tegalsari"]
    )
    ax = grafik_batang(data, "Imunisasi dasar lengkap", target=95)
    assert isinstance(ax, mpl.axes.Axes)
    assert ax.get_title(loc="left") == "Imunisasi dasar lengkap"
    assert ax.get_xlabel() == "Persen (%)"
    # Terbesar di atas: label sumbu y dari bawah ke atas naik; nilai kosong paling bawah.
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Ngrawan",
        "Tegalsari",
        "Sumberejo",
        "Kaliwungu",
    ]
    label = _teks_anotasi(ax)
    assert label == ["tidak ada data", "12,0%", "45,6%", "78,3%"]
    garis = [g for g in ax.get_lines() if g.get_linestyle() == "--"]
    assert len(garis) == 1 and garis[0].get_xdata()[0] == 95
    legenda = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legenda == ["Target 95,0%"]
    assert ax.get_xlim()[1] > 95  # label dan garis target muat
    berjenis = grafik_batang(data, "Stunting", target=14, jenis_target="resmi")
    assert [t.get_text() for t in berjenis.get_legend().get_texts()] == ["Target 14,0% (resmi)"]


def test_grafik_batang_sumbu_memakai_koma_desimal() -> None:
    ax = grafik_batang(pd.Series([0.5, 1.2], index=["a", "b"]), "Kecil")
    ax.figure.canvas.draw()
    teks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert any("," in t for t in teks)
    assert not any("." in t for t in teks)
    assert all(t.endswith("%") for t in teks)


def test_grafik_batang_tanpa_urut_mempertahankan_urutan() -> None:
    data = pd.Series([3.0, 1.0, 2.0], index=["pertama", "kedua", "ketiga"])
    ax = grafik_batang(data, "Urutan", urut=False)
    # Dari atas ke bawah = urutan data; label sumbu y dibaca dari bawah ke atas.
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ketiga", "kedua", "pertama"]


def test_grafik_batang_dataframe_beberapa_seri() -> None:
    df = pd.DataFrame({"2023": [40.0, 60.0], "2024": [50.0, 55.0]}, index=["Getasan", "Suruh"])
    ax = grafik_batang(df, "Porsi layanan dasar")
    legenda = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legenda == ["2023", "2024"]
    assert len(ax.patches) == 4
    warna = {tuple(np.round(p.get_facecolor()[:3], 3)) for p in ax.patches}
    assert len(warna) == 2
    assert "55,0%" in _teks_anotasi(ax)


def test_grafik_batang_rupiah_dan_satuan_lain() -> None:
    ax = grafik_batang(pd.Series([1.2e9, 9.5e8], index=["A", "B"]), "Belanja", satuan="Rp")
    assert _teks_anotasi(ax) == ["Rp950 juta", "Rp1,2 miliar"]
    assert ax.get_xlabel() == "Rupiah"
    ax2 = grafik_batang(pd.Series([1500.0], index=["A"]), "Penduduk", satuan="jiwa", desimal=0)
    assert _teks_anotasi(ax2) == ["1.500 jiwa"]
    assert ax2.get_xlabel() == "jiwa"


def test_grafik_batang_masukan_salah() -> None:
    with pytest.raises(ValueError, match="Terlalu banyak kategori"):
        grafik_batang(pd.Series(np.arange(31.0)), "Banyak")
    with pytest.raises(TypeError, match="bukan angka"):
        grafik_batang(pd.Series(["a", "b"]), "Teks")
    with pytest.raises(ValueError, match="kosong"):
        grafik_batang(pd.Series([], dtype="float64"), "Kosong")


def test_grafik_batang_ke_axes_yang_ada() -> None:
    fig, (ax1, ax2) = plt.subplots(1, 2)
    hasil = grafik_batang(pd.Series([1.0, 2.0], index=["a", "b"]), "Kiri", ax=ax1)
    assert hasil is ax1
    grafik_batang(pd.Series([3.0], index=["c"]), "Kanan", ax=ax2)
    assert len(_tanda(fig)) == 1


def test_grafik_batang_tidak_mengubah_data() -> None:
    data = pd.Series([3.0, 1.0, np.nan], index=["a", "b", "c"])
    salinan = data.copy()
    grafik_batang(data, "Uji")
    pd.testing.assert_series_equal(data, salinan)


# --- Grafik sebar -------------------------------------------------------------------------


def _data_sebar() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    df = pd.DataFrame(
        {
            "kesenjangan_stunting": rng.normal(5, 1, 30),
            "porsi_layanan_dasar": rng.normal(25, 1, 30),
            "nama_desa": [f"Desa {i}" for i in range(30)],
        }
    )
    df.loc[3, ["kesenjangan_stunting", "porsi_layanan_dasar"]] = [20.0, 5.0]
    df.loc[17, ["kesenjangan_stunting", "porsi_layanan_dasar"]] = [-10.0, 45.0]
    df.loc[5, "porsi_layanan_dasar"] = np.nan
    return df


def test_grafik_sebar_menamai_titik_menonjol() -> None:
    ax = grafik_sebar(
        _data_sebar(), "kesenjangan_stunting", "porsi_layanan_dasar", label="nama_desa", sorot=2
    )
    assert sorted(_teks_anotasi(ax)) == ["Desa 17", "Desa 3"]
    assert ax.get_xlabel() == "Kesenjangan stunting (%)"
    assert ax.get_ylabel() == "Porsi layanan dasar (%)"
    assert ax.get_title(loc="left") == "Porsi layanan dasar (%) dan Kesenjangan stunting (%)"
    titik = sum(len(c.get_offsets()) for c in ax.collections)
    assert titik == 29  # satu baris kosong dilewati
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Desa", "Disorot"]
    median = [g for g in ax.get_lines() if g.get_linestyle() == ":"]
    assert len(median) == 2


def test_grafik_sebar_sorot_daftar_nama_dan_tanpa_label() -> None:
    df = _data_sebar()
    ax = grafik_sebar(
        df,
        "kesenjangan_stunting",
        "porsi_layanan_dasar",
        label="nama_desa",
        sorot=["Desa 0", "Desa 1"],
        judul="Kesenjangan dan belanja",
    )
    assert sorted(_teks_anotasi(ax)) == ["Desa 0", "Desa 1"]
    assert ax.get_title(loc="left") == "Kesenjangan dan belanja"
    ax2 = grafik_sebar(df, "kesenjangan_stunting", "porsi_layanan_dasar", garis_median=False)
    assert _teks_anotasi(ax2) == []
    assert ax2.get_legend() is None
    assert not [g for g in ax2.get_lines() if g.get_linestyle() == ":"]


def test_grafik_sebar_masukan_salah() -> None:
    df = _data_sebar()
    with pytest.raises(KeyError, match="'tidak_ada'"):
        grafik_sebar(df, "tidak_ada", "porsi_layanan_dasar")
    with pytest.raises(TypeError, match="angka"):
        grafik_sebar(df, "nama_desa", "porsi_layanan_dasar")


# --- Lampu --------------------------------------------------------------------------------


def test_css_lampu() -> None:
    assert css_lampu("merah") == f"background-color: {WARNA_LAMPU['merah']}; color: #FFFFFF"
    assert css_lampu("kuning").endswith("color: #000000")
    assert "background-color" in css_lampu(TANPA_DATA)
    assert css_lampu("ungu") == ""
    assert css_lampu(None) == ""


# --- Warna aman untuk buta warna ----------------------------------------------------------

# Simulasi buta warna Machado, Oliveira & Fernandes (2009), keparahan 1,0, pada RGB linear.
_DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)
_PROTANOPIA = np.array(
    [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]
)


def _linear(rgb: tuple[float, float, float]) -> np.ndarray:
    c = np.asarray(rgb)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


@pytest.mark.parametrize("simulasi", [np.eye(3), _DEUTERANOPIA, _PROTANOPIA])
def test_warna_lampu_terbedakan_oleh_buta_warna(simulasi: np.ndarray) -> None:
    lab = {k: _lab(simulasi @ _linear(to_rgb(v))) for k, v in WARNA_LAMPU.items()}
    for a, b in [("hijau", "kuning"), ("hijau", "merah"), ("kuning", "merah")]:
        assert np.linalg.norm(lab[a] - lab[b]) >= 30, (a, b)


def test_warna_lampu_terbedakan_dalam_cetak_hitam_putih() -> None:
    terang = sorted(_lab(_linear(to_rgb(v)))[0] for v in WARNA_LAMPU.values())
    assert min(np.diff(terang)) >= 15
