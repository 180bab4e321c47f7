"""Grafik handout: capaian indikator per layanan dasar terhadap target, dan porsi APBDes untuk
layanan dasar. Setiap fungsi mengembalikan ``matplotlib.figure.Figure`` bercap label data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from p3pd.laporan_dasar import (
    LABEL_PENDEK,
    WilayahHandout,
    _di,
    _nama_kabupaten_data,
    _persen,
    _singkat_kab,
)
from p3pd.skema import LAYANAN, NAIK

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.laporan import DataLaporan

# --------------------------------------------------------------------------- grafik


def _gambar_baru(lebar: float, tinggi: float) -> Any:
    """Gambar baru lewat pyplot (memuat backend, mis. *inline* di Jupyter), lalu langsung ditutup.

    Ditutup agar Jupyter tidak menampilkannya dua kali: sekali otomatis di akhir sel dan sekali
    sebagai nilai akhir sel. Gambar yang ditutup tetap dapat ditampilkan dan disimpan.
    """
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(lebar, tinggi))
    plt.close(fig)
    return fig


def _sumbu_persen() -> Any:
    from matplotlib.ticker import FuncFormatter

    from p3pd.format import persen

    return FuncFormatter(lambda v, _pos=None: persen(v, 0))


def grafik_capaian(
    data: DataLaporan,
    wil: WilayahHandout,
    tahun: int,
    kunci: pd.DataFrame | None = None,
    *,
    label_pembanding: str | None = None,
) -> Any:
    """Grafik capaian 16 indikator per layanan dasar: wilayah (dan kabupaten) terhadap target.

    ``kunci`` (hasil :func:`angka_kunci`) boleh diberikan supaya tidak dihitung ulang.
    ``label_pembanding``: label batang kabupaten (bawaan: nama kabupaten), mis. "Desa di data
    ini (2 dari 24)" bila folder tidak memuat seluruh kabupaten.
    Mengembalikan ``matplotlib.figure.Figure`` (tampil sekali di notebook bila menjadi nilai
    akhir sel).
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from p3pd import grafik

    if kunci is None:
        from p3pd.laporan import angka_kunci

        kunci = angka_kunci(data, wil, tahun)
    dua = wil.tingkat == "kecamatan"
    kab = label_pembanding or _singkat_kab(_nama_kabupaten_data(data, wil))
    label_wil = wil.kecamatan.nama if dua else kab
    posisi, label, y = [], [], 0.0
    kelompok: list[tuple[float, str]] = []
    for nama_layanan, bagian in kunci.groupby("layanan", sort=False):
        kelompok.append((y, str(nama_layanan)))
        y += 0.9
        for _, b in bagian.iterrows():
            posisi.append((y, b))
            label.append(LABEL_PENDEK[b["indikator"]] + (" ↓" if b["arah"] != NAIK else ""))
            y += 1.0
        y += 0.3
    with grafik.gaya():
        fig = _gambar_baru(7.0, (0.165 if dua else 0.15) * y + 0.8)
        ax = fig.subplots()
        tebal = 0.4 if dua else 0.7
        # Satu panggilan barh per seri (bukan per indikator): gambarnya sama, artis lebih
        # sedikit untuk dibuat.
        yy_semua = [yy for yy, _ in posisi]
        geser = tebal / 2 if dua else 0.0
        ax.barh(
            [yy - geser for yy in yy_semua],
            [b["wilayah"] for _, b in posisi],
            height=tebal,
            color=grafik.WARNA["utama"],
        )
        if dua:
            ax.barh(
                [yy + geser for yy in yy_semua],
                [b["kabupaten"] for _, b in posisi],
                height=tebal,
                color=grafik.WARNA["biru_langit"],
            )
        for yy, b in posisi:
            # Nilai ditulis di lajur kanan (di luar 0–100 %), tidak bertabrakan dengan batang
            # atau garis target.
            ax.text(
                102,
                yy,
                _persen(b["wilayah"]),
                va="center",
                ha="left",
                fontsize=7.5,
                color=grafik.WARNA["utama"],
                fontweight="bold",
            )
            if not pd.isna(b["target"]):
                ax.plot([b["target"]] * 2, [yy - 0.45, yy + 0.45], color="black", linewidth=1.6)
        for yy, nama_layanan in kelompok:
            ax.text(-1, yy, nama_layanan, ha="right", va="center", fontsize=8.5, fontweight="bold")
        ax.set_yticks([p for p, _ in posisi], labels=label, fontsize=8)
        ax.set_ylim(y - 0.2, -0.8)
        ax.set_xlim(0, 114)
        ax.set_xticks(range(0, 101, 20))
        ax.xaxis.set_major_formatter(_sumbu_persen())
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x")
        # y tetap (1.0, letak bawaannya di sini): matplotlib tidak perlu mencari letak judul
        # dari kotak label sumbu pada setiap gambar; hasilnya sama piksel demi piksel.
        ax.set_title(f"Capaian layanan dasar {tahun}", loc="left", pad=16, y=1.0)
        tanda = [Patch(color=grafik.WARNA["utama"], label=label_wil)]
        if dua:
            tanda.append(Patch(color=grafik.WARNA["biru_langit"], label=kab))
        tanda.append(Line2D([], [], color="black", linewidth=1.6, label="Target"))
        ax.legend(
            handles=tanda,
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncol=len(tanda),
            fontsize=8,
            borderaxespad=0.2,
        )
        grafik.tandai_sintetis(fig)
    return fig


def grafik_porsi_apbdes(
    data: DataLaporan, wil: WilayahHandout, tahun: int, *, label_pembanding: str | None = None
) -> Any:
    """Grafik batang bertumpuk: porsi realisasi APBDes per layanan dasar, per tahun data.

    Handout kecamatan menambahkan satu batang kabupaten (tahun ``tahun``) sebagai pembanding;
    ``label_pembanding`` menggantikan nama kabupaten di labelnya (data yang tidak memuat
    seluruh kabupaten).
    Mengembalikan ``matplotlib.figure.Figure``.
    """
    from p3pd import apbdes, grafik

    tahun_ada = [t for t in data.tahun() if t <= tahun][-3:]
    bel = data.belanja[_di(data.belanja["kode_desa"], wil.kode)]
    porsi = apbdes.porsi_layanan_dasar(bel, wil.tingkat_data, tahun=tahun_ada)
    porsi = porsi[porsi["kode_wilayah"] == wil.kode].sort_values("tahun")
    nama_wil = (
        wil.kecamatan.nama
        if wil.kecamatan is not None
        else _singkat_kab(_nama_kabupaten_data(data, wil))
    )
    baris = [
        (f"{nama_wil} {int(t)}", r)
        for t, r in zip(porsi["tahun"], porsi.to_dict("records"), strict=True)
    ]
    if wil.tingkat == "kecamatan":
        kb = data.belanja[_di(data.belanja["kode_desa"], wil.kabupaten.kode)]
        pk = apbdes.porsi_layanan_dasar(kb, "kabupaten", tahun=tahun).iloc[0].to_dict()
        nama_kab = label_pembanding or _singkat_kab(wil.kabupaten.nama)
        baris.append((f"{nama_kab} {tahun}", pk))
    with grafik.gaya():
        fig = _gambar_baru(7.0, 0.42 * len(baris) + 1.3)
        ax = fig.subplots()
        # Satu panggilan barh per layanan (semua baris sekaligus), bertumpuk lewat ``left``.
        kiri = [0.0] * len(baris)
        for j, kunci in enumerate(LAYANAN):
            nilai = [float(r[f"porsi_{kunci}"]) for _, r in baris]
            ax.barh(
                range(len(baris)),
                nilai,
                left=kiri,
                color=grafik.URUTAN_WARNA[j],
                height=0.62,
                label=LAYANAN[kunci],
            )
            kiri = [a + b for a, b in zip(kiri, nilai, strict=True)]
        for i, (_, r) in enumerate(baris):
            ax.text(
                kiri[i] + 0.4,
                i,
                _persen(r["porsi_layanan_dasar"]),
                va="center",
                fontsize=8,
                fontweight="bold",
            )
        ax.set_yticks(range(len(baris)), labels=[b for b, _ in baris], fontsize=8.5)
        ax.invert_yaxis()
        batas = max(float(r["porsi_layanan_dasar"]) for _, r in baris)
        ax.set_xlim(0, batas * 1.15 + 1)
        ax.xaxis.set_major_formatter(_sumbu_persen())
        ax.set_xlabel("Persen dari seluruh realisasi belanja desa")
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        ax.set_title("Porsi APBDes untuk layanan dasar (realisasi)", loc="left", y=1.0)
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.42 if len(baris) < 4 else -0.3),
            ncol=5,
            fontsize=7.5,
            handlelength=1.2,
            columnspacing=1.0,
        )
        grafik.tandai_sintetis(fig)
    return fig
