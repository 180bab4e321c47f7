"""Menulis rekap tes: buku kerja Excel (satu lembar per bagian) dan grafik PNG.

Semua berkas keluaran ditulis atomik (``p3pd.berkas.tulis_atomik``). Keluaran yang sudah ada
tidak ditimpa kecuali diminta (``timpa=True``); bila satu saja sudah ada, tidak ada yang ditulis.
Buku kerja lewat satu penulis Excel paket (``p3pd.excel``): judul kolom berbahasa Indonesia,
lebar kolom, baris judul dibekukan, dan teks tidak pernah menjadi rumus.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from p3pd.berkas import tulis_atomik
from p3pd.galat import GalatP3PD
from p3pd.tes_rekap import Rekap

__all__ = ["NAMA_BUKU", "NAMA_GRAFIK", "berkas_keluaran", "grafik_png", "tulis_rekap"]

NAMA_BUKU = "rekap_tes.xlsx"
"""Nama buku kerja rekap."""

NAMA_GRAFIK = {
    "per_tujuan": "grafik_nilai_per_tujuan.png",
    "per_kelas": "grafik_kenaikan_per_kelas.png",
    "per_provinsi": "grafik_kenaikan_per_provinsi.png",
    "per_soal": "grafik_benar_per_soal.png",
}
"""Nama berkas grafik menurut isinya."""

_WARNA = {"awal": "#9ecae1", "akhir": "#08519c"}
_LEBAR = {
    "Ringkasan": {"keterangan": 45, "nilai": 70},
    "Soal paling sering salah": {"teks": 60, "kunci": 30, "ajarkan ulang dari": 45},
    "Nilai per soal": {"teks": 60, "kunci": 30, "diajarkan di": 45, "sumber": 45},
    "Nilai per tujuan": {"uraian": 55},
    "Berkas dilewati": {"berkas": 45, "alasan": 80},
}


def berkas_keluaran(folder: str | Path) -> list[Path]:
    """Semua berkas yang ditulis :func:`tulis_rekap` ke ``folder``."""
    folder = Path(folder)
    return [folder / NAMA_BUKU, *(folder / n for n in NAMA_GRAFIK.values())]


def _batang(
    judul: str,
    label: list[str],
    awal: list[float | None],
    akhir: list[float | None],
    mendatar: bool = False,
) -> bytes:
    """Grafik batang berpasangan tes awal/akhir (persen), sebagai PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    n = max(len(label), 1)
    ukuran = (7, max(3.0, 0.32 * n + 1.2)) if mendatar else (max(6.0, 0.9 * n + 2), 4)
    fig = Figure(figsize=ukuran, dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    posisi = list(range(len(label)))
    lebar = 0.4
    for geser, nilai, jenis in ((-lebar / 2, awal, "awal"), (lebar / 2, akhir, "akhir")):
        angka = [float("nan") if v is None or pd.isna(v) else float(v) for v in nilai]
        tempat = [p + geser for p in posisi]
        teks = "Tes awal" if jenis == "awal" else "Tes akhir"
        if mendatar:
            ax.barh(tempat, angka, height=lebar, color=_WARNA[jenis], label=teks)
        else:
            ax.bar(tempat, angka, width=lebar, color=_WARNA[jenis], label=teks)
    if mendatar:
        ax.set_yticks(posisi, label)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("Jawaban benar (%)")
    else:
        ax.set_xticks(posisi, label, rotation=30 if n > 4 else 0, ha="right" if n > 4 else "center")
        ax.set_ylim(0, 100)
        ax.set_ylabel("Jawaban benar (%)")
    ax.set_title(judul, fontsize=11)
    ax.legend(loc="lower right" if mendatar else "upper left", fontsize=8)
    ax.grid(axis="x" if mendatar else "y", alpha=0.3)
    fig.tight_layout()
    penyangga = io.BytesIO()
    fig.savefig(penyangga, format="png")
    return penyangga.getvalue()


def _berpasangan(tabel: pd.DataFrame) -> bool:
    return bool(len(tabel)) and bool((tabel["peserta berpasangan"] > 0).any())


def _siapa(tabel: pd.DataFrame) -> str:
    """Keterangan peserta yang dirata-rata di grafik kelas/provinsi."""
    return "peserta yang mengikuti kedua tes" if _berpasangan(tabel) else "semua peserta"


def _kolom_rata(tabel: pd.DataFrame, jenis: str) -> list[float | None]:
    """Rata-rata peserta berpasangan bila ada pasangan; selain itu rata-rata semua peserta."""
    if not len(tabel):
        return []
    if _berpasangan(tabel):
        return list(tabel[f"rata-rata tes {jenis} (%)"])
    return list(tabel[f"tes {jenis}, semua peserta (%)"])


def grafik_png(rekap: Rekap) -> dict[str, bytes]:
    """Empat grafik rekap (PNG): per tujuan, kenaikan per kelas dan per provinsi, benar per soal."""
    t = rekap.per_tujuan
    k = rekap.per_kelas
    p = rekap.per_provinsi
    s = rekap.per_soal
    label_kelas = [
        f"{a} · {b}" for a, b in zip(k.get("provinsi", []), k.get("kelas", []), strict=True)
    ]
    return {
        "per_tujuan": _batang(
            "Jawaban benar per tujuan pelatihan",
            [f"Tujuan {x}" for x in t["tujuan"]],
            list(t["tes awal (%)"]),
            list(t["tes akhir (%)"]),
        ),
        "per_kelas": _batang(
            f"Rata-rata nilai per kelas ({_siapa(k)})",
            label_kelas,
            _kolom_rata(k, "awal"),
            _kolom_rata(k, "akhir"),
            mendatar=True,
        ),
        "per_provinsi": _batang(
            f"Rata-rata nilai per provinsi ({_siapa(p)})",
            list(p.get("provinsi", [])),
            _kolom_rata(p, "awal"),
            _kolom_rata(p, "akhir"),
        ),
        "per_soal": _batang(
            "Jawaban benar per soal",
            list(s["soal"]),
            list(s["tes awal (%)"]),
            list(s["tes akhir (%)"]),
            mendatar=True,
        ),
    }


def _penulis_buku(rekap: Rekap) -> Callable[[io.BufferedWriter], None]:
    from p3pd.excel import buat_buku, rapikan_buku

    buku = rapikan_buku(buat_buku(rekap.lembar()), _LEBAR)
    return buku.save


def tulis_rekap(rekap: Rekap, folder: str | Path, *, timpa: bool = False) -> list[Path]:
    """Tulis buku kerja dan grafik rekap ke ``folder``; kembalikan daftar berkas yang ditulis.

    Bila salah satu berkas keluaran sudah ada dan ``timpa`` tidak diminta, tidak ada yang
    ditulis dan ``GalatP3PD`` menyebut berkas-berkas itu.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise GalatP3PD(f"'{folder}' sudah ada dan bukan folder; pilih folder keluaran lain.")
    sudah = [b for b in berkas_keluaran(folder) if b.exists()]
    if sudah and not timpa:
        raise GalatP3PD(
            "Berkas keluaran sudah ada dan tidak ditimpa: "
            + ", ".join(str(b) for b in sudah)
            + ". Pakai folder keluaran lain, atau tambahkan --timpa bila memang ingin mengganti."
        )
    grafik = grafik_png(rekap)
    ditulis = [tulis_atomik(folder / NAMA_BUKU, _penulis_buku(rekap))]
    for kunci, nama in NAMA_GRAFIK.items():
        ditulis.append(tulis_atomik(folder / nama, grafik[kunci]))
    return ditulis
