"""Satu gaya grafik untuk seluruh kurikulum: terbaca di layar proyektor dan di cetakan A4.

Pilihan warna (aman untuk buta warna):

* ``WARNA`` — palet Okabe–Ito (Okabe & Ito, 2008, "Color Universal Design"), delapan warna
  yang tetap dapat dibedakan oleh penyandang buta warna merah-hijau. Batang utama biru,
  sorotan oranye, garis target hitam putus-putus (tetap jelas bila dicetak hitam-putih).
* Peta warna berurutan ``'cividis'`` (dirancang agar sama terbaca oleh penyandang
  deuteranopia) dan divergen ``'PuOr'`` (ungu–oranye, ColorBrewer "colorblind safe").
* ``WARNA_LAMPU`` — tiga warna lampu lalu lintas: hijau kebiruan dan kuning dari Okabe–Ito,
  dan merah bata yang lebih gelap daripada oranye-merah Okabe–Ito (``#D55E00``). Dengan
  simulasi Machado dkk. (2009), jarak warna CIELAB antarpasangan tetap ≥ 30 untuk
  deuteranopia dan protanopia, dan kecerahan (L*) ketiganya berbeda jelas (≈ 58, 89, 37),
  sehingga hijau dan merah juga terbedakan pada cetakan hitam-putih. Tetap tuliskan
  kategorinya ("hijau/kuning/merah") di tabel: warna tidak boleh jadi satu-satunya penanda.

Mengimpor modul ini tidak mengubah pengaturan matplotlib. Gaya dipakai lewat
``with gaya(): ...`` (kembali seperti semula setelah blok selesai) atau, bila memang
diinginkan untuk seluruh sesi, ``terapkan_gaya()``. Fungsi ``grafik_*`` memakai gaya ini
dengan sendirinya dan selalu memberi tanda "Data sintetis" pada gambarnya.

Ukuran gambar paling besar 7 × 4 inci pada 110 dpi (PNG kecil untuk notebook dan handout).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from p3pd.format import KOSONG, angka, persen, rupiah

WARNA: dict[str, str] = {
    "biru": "#0072B2",
    "oranye": "#E69F00",
    "hijau_kebiruan": "#009E73",
    "merah_oranye": "#D55E00",
    "biru_langit": "#56B4E9",
    "ungu_kemerahan": "#CC79A7",
    "kuning": "#F0E442",
    "hitam": "#000000",
    # Peran warna dalam grafik kurikulum:
    "utama": "#0072B2",
    "sorotan": "#D55E00",
    "target": "#000000",
    "netral": "#8C8C8C",
    "tanda": "#555555",
}
"""Palet Okabe–Ito (delapan warna pertama) dan peran warnanya dalam grafik."""

URUTAN_WARNA: tuple[str, ...] = (
    WARNA["biru"],
    WARNA["oranye"],
    WARNA["hijau_kebiruan"],
    WARNA["merah_oranye"],
    WARNA["biru_langit"],
    WARNA["ungu_kemerahan"],
    WARNA["kuning"],
    WARNA["hitam"],
)
"""Urutan warna untuk beberapa seri dalam satu grafik."""

PETA_WARNA = {"berurutan": "cividis", "divergen": "PuOr"}
"""Peta warna (colormap) yang aman untuk buta warna."""

WARNA_LAMPU: dict[str, str] = {"hijau": "#009E73", "kuning": "#F0E442", "merah": "#A0301C"}
"""Warna lampu lalu lintas untuk tabel capaian; aturan lampunya ada di ``p3pd.diagnosis``."""

WARNA_TEKS_LAMPU: dict[str, str] = {"hijau": "#FFFFFF", "kuning": "#000000", "merah": "#FFFFFF"}
"""Warna tulisan yang kontras di atas setiap warna lampu."""

TANPA_DATA = "tanpa data"
"""Kategori untuk nilai kosong (sama dengan ``p3pd.diagnosis``)."""

WARNA_TANPA_DATA = "#D9D9D9"
"""Warna sel tanpa data (abu-abu muda, tulisan hitam)."""

TANDA_SINTETIS = "Data sintetis — untuk latihan"
"""Teks bawaan tanda data sintetis."""

GID_TANDA = "p3pd-tanda-sintetis"
"""Penanda (gid) teks tanda sintetis, untuk menemukannya kembali di gambar."""

UKURAN = (7.0, 4.0)
"""Ukuran gambar bawaan (inci): muat di lebar halaman A4 dengan margin."""

DPI = 110
"""Resolusi gambar: cukup tajam di proyektor dan di cetakan, PNG tetap kecil."""

BATAS_BATANG = 30
"""Banyak kategori paling banyak dalam :func:`grafik_batang` (lebih dari itu tidak terbaca)."""

_RC: dict[str, Any] = {
    "figure.figsize": UKURAN,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "savefig.bbox": "tight",
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.constrained_layout.use": True,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.prop_cycle": cycler(color=list(URUTAN_WARNA)),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "axes.grid": False,
    "grid.color": "#D9D9D9",
    "grid.linewidth": 0.8,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "image.cmap": PETA_WARNA["berurutan"],
}


def gaya() -> Any:
    """Konteks gaya grafik kurikulum: ``with gaya(): ...``.

    Di dalam blok, pengaturan matplotlib memakai gaya kurikulum; setelah blok selesai semua
    pengaturan kembali seperti semula (dibuat dengan ``matplotlib.rc_context``).
    """
    return mpl.rc_context(rc=_RC)


def terapkan_gaya() -> None:
    """Pakai gaya grafik kurikulum untuk seluruh sesi (mengubah ``matplotlib.rcParams``).

    Dipanggil sekali di awal notebook bila semua grafik, termasuk ``DataFrame.plot()``,
    harus bergaya sama. Untuk mengembalikan: ``matplotlib.rcdefaults()``.
    """
    mpl.rcParams.update(_RC)


def _gambar_dari(fig_or_ax: Figure | SubFigure | Axes) -> Figure:
    if isinstance(fig_or_ax, Axes):
        fig = fig_or_ax.figure
    elif isinstance(fig_or_ax, Figure | SubFigure):
        fig = fig_or_ax
    else:
        raise TypeError("tandai_sintetis membutuhkan Figure atau Axes matplotlib.")
    # SubFigure → gambar induk paling atas.
    while isinstance(fig, SubFigure):
        fig = fig.figure
    return fig


def tanda_data() -> str:
    """Tanda gambar menurut label folder data (``p3pd.label``): "Data sintetis — untuk latihan"
    hanya untuk data latihan; data sendiri ditandai "Data milik …, sumber: …"."""
    from p3pd.label import label_data

    label = label_data()
    return TANDA_SINTETIS if label.sintetis else label.teks


def tandai_sintetis(fig_or_ax: Figure | SubFigure | Axes, teks: str | None = None) -> Text:
    """Tulis tanda data di pojok kanan bawah gambar dan kembalikan teksnya.

    ``teks`` kosong berarti tanda menurut label data (:func:`tanda_data`): "Data sintetis —
    untuk latihan" untuk data latihan, label pemilik dan sumber untuk data sendiri. Aman dipanggil berkali-kali: bila gambar sudah bertanda, tanda itu yang dikembalikan
    (teksnya diganti bila ``teks`` berbeda). Pada gambar dengan tata letak *constrained*
    (gaya kurikulum), satu lajur di bawah disisakan agar tanda tidak menimpa label sumbu.
    """
    fig = _gambar_dari(fig_or_ax)
    if teks is None:
        teks = tanda_data()
    for t in fig.texts:
        if t.get_gid() == GID_TANDA:
            t.set_text(teks)
            return t
    ukuran_huruf = 8
    tanda = fig.text(
        0.995,
        0.005,
        teks,
        ha="right",
        va="bottom",
        fontsize=ukuran_huruf,
        style="italic",
        color=WARNA["tanda"],
        gid=GID_TANDA,
    )
    mesin = fig.get_layout_engine()
    if isinstance(mesin, ConstrainedLayoutEngine):
        lajur = min(0.2, (ukuran_huruf * 1.8 / 72) / fig.get_figheight())
        mesin.set(rect=(0.0, lajur, 1.0, 1.0 - lajur))
    return tanda


def _format_nilai(satuan: str, desimal: int) -> Any:
    """Fungsi teks nilai (label batang) menurut satuan."""
    if satuan == "%":
        return lambda v: persen(v, desimal)
    if satuan.lower() == "rp":
        return lambda v: rupiah(v)
    akhiran = f" {satuan}" if satuan else ""
    return lambda v: KOSONG if pd.isna(v) else angka(v, desimal) + akhiran


def _pemformat_sumbu(satuan: str) -> FuncFormatter:
    """Label angka sumbu gaya Indonesia (koma desimal); desimal hanya bila perlu."""

    def teks(v: float, _pos: Any = None) -> str:
        d = 0 if float(v).is_integer() else 1
        if satuan == "%":
            return persen(v, d)
        if satuan.lower() == "rp":
            return rupiah(v)
        return angka(v, d)

    return FuncFormatter(teks)


def _label_sumbu(satuan: str) -> str:
    if satuan == "%":
        return "Persen (%)"
    if satuan.lower() == "rp":
        return "Rupiah"
    return satuan


def _label_kolom(nama: str, satuan: str) -> str:
    teks = str(nama).replace("_", " ").strip()
    teks = teks[:1].upper() + teks[1:]
    return f"{teks} ({satuan})" if satuan else teks


def grafik_batang(
    data: pd.Series | pd.DataFrame,
    judul: str,
    satuan: str = "%",
    target: float | None = None,
    urut: bool = True,
    ax: Axes | None = None,
    *,
    desimal: int = 1,
    label_sumbu: str | None = None,
    jenis_target: str | None = None,
) -> Axes:
    """Grafik batang mendatar dengan label nilai, garis target (opsional), dan tanda sintetis.

    ``data``: Series (label = indeks, mis. nama desa) atau DataFrame (satu kelompok batang per
    kolom, mis. per tahun). ``satuan``: ``'%'`` (nilai sudah dalam persen), ``'Rp'``, atau
    satuan lain (mis. ``'jiwa'``). ``target``: garis putus-putus hitam bertuliskan
    "Target …" (ditambah jenisnya bila ``jenis_target`` diberikan, mis. ``"resmi"``, ``"SPM"``,
    ``"asumsi pelatihan"``). ``urut=True`` mengurutkan menurut kolom pertama, terbesar di atas; ``False``
    mempertahankan urutan data dari atas ke bawah. Nilai kosong tidak digambar dan berlabel
    ``–``. Paling banyak ``BATAS_BATANG`` kategori. Mengembalikan Axes.
    """
    tabel = data.to_frame() if isinstance(data, pd.Series) else data.copy()
    if not isinstance(tabel, pd.DataFrame):
        raise TypeError("data harus berupa Series atau DataFrame pandas.")
    if tabel.empty:
        raise ValueError("Tidak ada data untuk digambar (tabel kosong).")
    bukan_angka = [str(k) for k in tabel.columns if not pd.api.types.is_numeric_dtype(tabel[k])]
    if bukan_angka:
        raise TypeError("Kolom berikut bukan angka: " + ", ".join(bukan_angka))
    if len(tabel) > BATAS_BATANG:
        raise ValueError(
            f"Terlalu banyak kategori ({len(tabel)}); grafik batang paling banyak "
            f"{BATAS_BATANG}. Pilih dulu, mis. data.nlargest(15) atau data.head(15)."
        )
    if urut:
        tabel = tabel.sort_values(tabel.columns[0], ascending=True, na_position="first")
    else:
        tabel = tabel.iloc[::-1]
    fmt = _format_nilai(satuan, desimal)
    n_kat, n_seri = tabel.shape

    with gaya():
        if ax is None:
            tinggi = float(np.clip(1.2 + 0.25 * n_kat * max(1.0, 0.6 * n_seri), 2.2, UKURAN[1]))
            _, ax = plt.subplots(figsize=(UKURAN[0], tinggi))
        y = np.arange(n_kat)
        tebal = 0.8 / n_seri
        for j, kolom in enumerate(tabel.columns):
            nilai = tabel[kolom].to_numpy(dtype="float64", na_value=np.nan)
            posisi = y - 0.4 + tebal * (j + 0.5)
            warna = WARNA["utama"] if n_seri == 1 else URUTAN_WARNA[j % len(URUTAN_WARNA)]
            batang = ax.barh(
                posisi,
                np.nan_to_num(nilai, nan=0.0),
                height=tebal * 0.92,
                color=warna,
                label=str(kolom) if n_seri > 1 else None,
            )
            ax.bar_label(batang, labels=[fmt(v) for v in nilai], padding=3, fontsize=8)
        ax.set_yticks(y, labels=[str(i) for i in tabel.index])
        ax.tick_params(axis="y", length=0)
        ax.set_title(judul, loc="left")
        ax.set_xlabel(label_sumbu if label_sumbu is not None else _label_sumbu(satuan))
        ax.xaxis.set_major_formatter(_pemformat_sumbu(satuan))
        ax.grid(axis="x")

        semua = tabel.to_numpy(dtype="float64", na_value=np.nan).ravel()
        if target is not None:
            semua = np.append(semua, float(target))
            ax.axvline(
                float(target),
                color=WARNA["target"],
                linestyle="--",
                linewidth=1.5,
                label=f"Target {fmt(target)}" + (f" ({jenis_target})" if jenis_target else ""),
            )
        batas_atas = np.nanmax(np.append(semua, 0.0))
        batas_bawah = np.nanmin(np.append(semua, 0.0))
        rentang = (batas_atas - batas_bawah) or 1.0
        # Ruang untuk label nilai di ujung batang.
        ax.set_xlim(
            batas_bawah - (0.18 * rentang if batas_bawah < 0 else 0), batas_atas + 0.18 * rentang
        )
        ax.set_ylim(-0.6, n_kat - 0.4)
        if n_seri > 1 or target is not None:
            ax.legend(loc="lower right")
        tandai_sintetis(ax)
    return ax


def _pilih_sorotan(tabel: pd.DataFrame, x: str, y: str, label: str, sorot: Any) -> pd.Series:
    """Baris yang diberi nama: N titik terjauh dari median (dalam satuan simpangan baku) atau daftar nama."""
    if sorot is None or (isinstance(sorot, int) and sorot <= 0):
        return pd.Series(False, index=tabel.index)
    if isinstance(sorot, int) and not isinstance(sorot, bool):
        jarak = pd.Series(0.0, index=tabel.index)
        for kolom in (x, y):
            simpangan = tabel[kolom].std()
            if simpangan and np.isfinite(simpangan):
                jarak += ((tabel[kolom] - tabel[kolom].median()) / simpangan) ** 2
        terpilih = jarak.nlargest(sorot).index
        return pd.Series(tabel.index.isin(terpilih), index=tabel.index)
    nama = [sorot] if isinstance(sorot, str) else list(sorot)
    return tabel[label].isin(nama)


def grafik_sebar(
    df: pd.DataFrame,
    x: str,
    y: str,
    label: str | None = None,
    judul: str | None = None,
    ax: Axes | None = None,
    *,
    sorot: int | Sequence[str] | None = 5,
    satuan_x: str = "%",
    satuan_y: str = "%",
    label_x: str | None = None,
    label_y: str | None = None,
    garis_median: bool = True,
) -> Axes:
    """Grafik sebar dua ukuran (mis. kesenjangan layanan vs porsi belanja layanan dasar).

    ``x``, ``y``: nama kolom angka; ``label``: kolom nama (mis. ``nama_desa``) untuk menamai
    titik yang menonjol. ``sorot``: bilangan N → N titik terjauh dari titik tengah (median,
    diukur dalam simpangan baku tiap sumbu) diberi warna sorotan dan nama; daftar nama → titik
    dengan nama itu; ``None`` atau 0 → tanpa nama. ``garis_median`` menggambar garis median
    kedua sumbu (membagi grafik menjadi empat kuadran untuk dibahas). Label sumbu bawaan
    diambil dari nama kolom dan satuannya. Baris dengan x atau y kosong dilewati. Mengembalikan
    Axes bertanda "Data sintetis".
    """
    kolom = [x, y] + ([label] if label is not None else [])
    hilang = [k for k in kolom if k not in df.columns]
    if hilang:
        raise KeyError("Kolom tidak ada di tabel: " + ", ".join(f"'{k}'" for k in hilang))
    for k in (x, y):
        if not pd.api.types.is_numeric_dtype(df[k]):
            raise TypeError(f"Kolom '{k}' harus berisi angka.")
    tabel = df[kolom].dropna(subset=[x, y])
    if tabel.empty:
        raise ValueError("Tidak ada titik untuk digambar (semua nilai kosong).")
    sorotan = (
        _pilih_sorotan(tabel, x, y, label, sorot)
        if label is not None
        else pd.Series(False, index=tabel.index)
    )
    teks_x = label_x if label_x is not None else _label_kolom(x, satuan_x)
    teks_y = label_y if label_y is not None else _label_kolom(y, satuan_y)

    with gaya():
        if ax is None:
            _, ax = plt.subplots(figsize=UKURAN)
        biasa = tabel[~sorotan]
        ax.scatter(
            biasa[x],
            biasa[y],
            s=30,
            color=WARNA["utama"],
            alpha=0.7,
            edgecolors="white",
            linewidths=0.5,
            label="Desa" if sorotan.any() else None,
        )
        if sorotan.any():
            pilih = tabel[sorotan]
            ax.scatter(
                pilih[x],
                pilih[y],
                s=45,
                color=WARNA["sorotan"],
                edgecolors="black",
                linewidths=0.6,
                label="Disorot",
                zorder=3,
            )
            for _, baris in pilih.iterrows():
                ax.annotate(
                    str(baris[label]),
                    (baris[x], baris[y]),
                    xytext=(4, 4),
                    textcoords="offset points",
                    fontsize=8,
                )
        if garis_median:
            ax.axvline(tabel[x].median(), color=WARNA["netral"], linestyle=":", linewidth=1)
            ax.axhline(tabel[y].median(), color=WARNA["netral"], linestyle=":", linewidth=1)
        ax.set_xlabel(teks_x)
        ax.set_ylabel(teks_y)
        ax.xaxis.set_major_formatter(_pemformat_sumbu(satuan_x))
        ax.yaxis.set_major_formatter(_pemformat_sumbu(satuan_y))
        ax.grid(True)
        ax.set_title(judul if judul is not None else f"{teks_y} dan {teks_x}", loc="left")
        if sorotan.any():
            ax.legend(loc="best")
        tandai_sintetis(ax)
    return ax


def css_lampu(kategori: str | None) -> str:
    """CSS latar dan tulisan untuk satu sel tabel lampu, mis. untuk ``Styler.map``.

    ``df.style.map(css_lampu, subset=["lampu"])``. ``'tanpa data'`` → abu-abu muda;
    teks lain → tanpa gaya (string kosong).
    """
    if kategori == TANPA_DATA:
        return f"background-color: {WARNA_TANPA_DATA}; color: #000000"
    if kategori not in WARNA_LAMPU:
        return ""
    return f"background-color: {WARNA_LAMPU[kategori]}; color: {WARNA_TEKS_LAMPU[kategori]}"
