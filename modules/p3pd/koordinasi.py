"""Koordinasi dan jejaring kecamatan: matriks peran, kisi pengaruh × kepentingan, mitra, irama rapat.

Semua hitungan berangkat dari tabel pemangku kepentingan (``pemangku_kepentingan.csv``, satu
baris per lembaga per kecamatan; lihat ``p3pd.skema.PEMANGKU``) dan dari rujukan forum
koordinasi (``referensi/forum_koordinasi.csv``).

**Aturan matriks peran (RACI)** — untuk setiap lembaga dan setiap layanan dasar:

1. Lembaga yang kolom ``layanan``-nya **menyebut** layanan itu:
   perangkat daerah → **A** (pemegang urusan, menanggung hasil layanan; UU 23/2014 Pasal 12);
   unit layanan, pemerintah desa, lembaga desa/masyarakat → **R** (melaksanakan layanan);
   pemerintah kecamatan, pendamping desa, swasta/CSR → **C** (diajak berunding: mengoordinasikan,
   mendampingi, atau mendanai).
2. Lembaga **lintas layanan** (kolom ``layanan`` kosong): pemerintah desa → **R** di semua
   layanan (desa membiayai kewenangannya sendiri); pemerintah kecamatan dan pendamping desa →
   **C** di semua layanan; lembaga lain (mis. Bappeda, Dinas PMD, Inspektorat, Forum BPD) →
   **C** bila pengaruhnya paling sedikit ``ambang_konsultasi``, selain itu **I** (diberi tahu).
3. Selain itu sel kosong: lembaga itu tidak berperan di layanan itu.

Matriks yang sehat punya **tepat satu A** dan paling sedikit satu R di setiap layanan;
:func:`periksa_raci` menandai yang tidak. Dua A (mis. air bersih & sanitasi dipegang dua dinas)
bukan salah data, tetapi tanda bahwa pembagian tugas perlu disepakati.

**Aturan kisi pengaruh × kepentingan** — pengaruh dan kepentingan berskala urut rendah < sedang <
tinggi. Tingkat yang paling sedikit ``ambang`` dihitung "tinggi": pengaruh tinggi dan kepentingan
tinggi → *libatkan penuh*; pengaruh tinggi saja → *jaga dukungan*; kepentingan tinggi saja →
*beri informasi*; keduanya rendah → *pantau*.

**Aturan mitra untuk kesenjangan** — sebuah layanan "bermasalah" di desa yang punya paling
sedikit satu indikator layanan itu berlampu merah (aturan lampu ``p3pd.diagnosis``). Mitra
swasta/CSR cocok untuk layanan yang ada di kolom ``layanan``-nya (bidang yang didanai).

**Irama pertemuan** — bulan setiap forum diambil dari kolom ``bulan`` rujukan; bila kosong,
dari iramanya: bulanan = setiap bulan, triwulanan = Maret, Juni, September, Desember,
semesteran = Juni dan Desember.

**Data sebagian** (folder data sendiri): tanpa tabel pemangku, :func:`pemangku_kecamatan` dengan
``boleh_kosong=True`` memberi tabel tanpa baris (kolom skema ``pemangku``), sehingga matriks peran
dan kisi kosong, sedangkan mitra untuk kesenjangan tetap mendaftar desa merah per layanan (tanpa
mitra). Tanpa tabel indikator, :func:`matriks_kecamatan` memberi matriks tanpa baris.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from p3pd.galat import GalatP3PD
from p3pd.grafik import UKURAN, WARNA, gaya, plt, tandai_sintetis
from p3pd.lokasi import folder_referensi
from p3pd.skema import LAYANAN

TINGKAT = ("rendah", "sedang", "tinggi")
"""Skala urut pengaruh dan kepentingan, dari rendah ke tinggi."""

ARTI_RACI: dict[str, str] = {
    "R": "melaksanakan (Responsible)",
    "A": "pemegang urusan, menanggung hasil (Accountable)",
    "C": "diajak berunding (Consulted)",
    "I": "diberi tahu (Informed)",
}
"""Arti setiap huruf matriks peran."""

_PERAN_MENYEBUT = {
    "perangkat daerah": "A",
    "unit layanan": "R",
    "pemerintah desa": "R",
    "lembaga desa/masyarakat": "R",
    "pemerintah kecamatan": "C",
    "pendamping desa": "C",
    "swasta/CSR": "C",
}
_PERAN_LINTAS = {"pemerintah desa": "R", "pemerintah kecamatan": "C", "pendamping desa": "C"}

STRATEGI = ("libatkan penuh", "jaga dukungan", "beri informasi", "pantau")
"""Empat strategi kisi pengaruh × kepentingan."""

_WARNA_STRATEGI = {
    "libatkan penuh": WARNA["oranye"],
    "jaga dukungan": WARNA["biru_langit"],
    "beri informasi": WARNA["hijau_kebiruan"],
    "pantau": WARNA["netral"],
}

BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
"""Singkatan nama bulan (kolom tabel irama pertemuan)."""

_BULAN_IRAMA = {
    "bulanan": tuple(range(1, 13)),
    "triwulanan": (3, 6, 9, 12),
    "semesteran": (6, 12),
}

_AWALAN_MITRA = "Mitra CSR; mendanai "


def _menyebut(kolom: pd.Series, layanan: str) -> pd.Series:
    """Series boolean (indeks sama dengan ``kolom``): sel yang daftarnya memuat ``layanan``."""
    return pd.Series([layanan in _daftar(v) for v in kolom], index=kolom.index, dtype=bool)


def _daftar(teks: object) -> list[str]:
    """Isi sel berpemisah titik koma → daftar (sel kosong → daftar kosong)."""
    if not isinstance(teks, str):
        return []
    return [b.strip() for b in teks.split(";") if b.strip()]


def _tingkat(nilai: str, kolom: str) -> int:
    if nilai not in TINGKAT:
        raise GalatP3PD(
            f"Kolom '{kolom}' berisi '{nilai}'; pilihan yang sah: {', '.join(TINGKAT)}."
        )
    return TINGKAT.index(nilai) + 1


def pemangku_kecamatan(
    pemangku: pd.DataFrame | None, kode_kecamatan: str, *, boleh_kosong: bool = False
) -> pd.DataFrame:
    """Baris tabel pemangku untuk satu kecamatan (kode ``PP.KK.CC``), urut menurut lembaga.

    ``GalatP3PD`` bila kecamatan itu tidak punya baris sama sekali (atau ``pemangku`` ``None``:
    tabelnya tidak ada di folder data), kecuali ``boleh_kosong=True``: maka tabel tanpa baris
    dengan kolom skema ``pemangku`` (untuk notebook pada data sebagian).
    """
    from p3pd.skema import PEMANGKU

    if pemangku is None:
        pemangku = pd.DataFrame({k: pd.Series(dtype=str) for k in PEMANGKU.nama_kolom})
    pilih = pemangku[pemangku["kode_kecamatan"] == kode_kecamatan]
    if pilih.empty and boleh_kosong:
        return pilih.reset_index(drop=True)
    if pilih.empty:
        raise GalatP3PD(
            f"Tabel pemangku kepentingan tidak punya baris untuk kecamatan {kode_kecamatan}. "
            "Isi daftar lembaganya dulu (berkas pemangku_kepentingan)."
        )
    return pilih.sort_values("lembaga", kind="stable").reset_index(drop=True)


def matriks_kecamatan(
    data: Mapping[str, pd.DataFrame], kode_kecamatan: str, tahun: int | None = None
) -> pd.DataFrame:
    """Matriks masalah (``p3pd.diagnosis.matriks_masalah``, pembanding kabupaten) desa-desa satu
    kecamatan; tanpa baris (kolom sama) bila ``data`` tidak punya tabel indikator."""
    from p3pd import diagnosis

    indikator = data.get("indikator")
    if indikator is None or indikator.empty:
        kolom = ["kode_desa", "tahun", "indikator", "layanan", "capaian", "target",
                 "pembanding", "kesenjangan", "lampu"]  # fmt: skip
        return pd.DataFrame(columns=kolom)
    matriks = diagnosis.matriks_masalah(indikator, tahun=tahun)
    return matriks[matriks["kode_desa"].str.startswith(kode_kecamatan + ".")]


def matriks_raci(pemangku: pd.DataFrame, ambang_konsultasi: str = "tinggi") -> pd.DataFrame:
    """Matriks peran lembaga × layanan (huruf R/A/C/I atau ``""``) menurut aturan modul ini.

    ``pemangku``: baris satu kecamatan (lihat :func:`pemangku_kecamatan`). Indeks ``lembaga``;
    kolom ``jenis`` lalu satu kolom per layanan (urutan ``p3pd.skema.LAYANAN``).
    ``ambang_konsultasi`` (``"rendah"``, ``"sedang"``, ``"tinggi"``): pengaruh paling rendah
    lembaga lintas layanan yang masih diajak berunding (C); di bawahnya I.
    """
    batas = _tingkat(ambang_konsultasi, "ambang_konsultasi")
    baris = {}
    for r in pemangku.itertuples(index=False):
        disebut = set(_daftar(r.layanan))
        if disebut:
            huruf = _PERAN_MENYEBUT.get(r.jenis, "I")
            isi = {lay: (huruf if lay in disebut else "") for lay in LAYANAN}
        else:
            huruf = _PERAN_LINTAS.get(r.jenis)
            if huruf is None:
                huruf = "C" if _tingkat(r.pengaruh, "pengaruh") >= batas else "I"
            isi = dict.fromkeys(LAYANAN, huruf)
        baris[r.lembaga] = {"jenis": r.jenis, **isi}
    hasil = pd.DataFrame.from_dict(baris, orient="index", columns=["jenis", *LAYANAN])
    return hasil.rename_axis("lembaga")


def _uuid_isi(df: pd.DataFrame) -> str:
    """Pengenal tabel berwarna dari isinya: keluaran notebook sama setiap kali dijalankan."""
    isi = pd.util.hash_pandas_object(df.reset_index(), index=False).to_numpy().tobytes()
    return "p3pd" + hashlib.sha256(isi + repr(list(df.columns)).encode()).hexdigest()[:8]


def gaya_raci(raci: pd.DataFrame) -> Any:
    """Matriks peran sebagai tabel berwarna (pandas Styler): A oranye, R biru, C hijau, I abu-abu.

    Hurufnya tetap tertulis di setiap sel, jadi warna bukan satu-satunya penanda.
    """
    warna = {"A": WARNA["oranye"], "R": WARNA["biru_langit"], "C": "#A8DDC9", "I": "#E0E0E0"}

    def _css(nilai: object) -> str:
        latar = warna.get(str(nilai))
        return f"background-color: {latar}; text-align: center; font-weight: bold" if latar else ""

    return raci.style.set_uuid(_uuid_isi(raci)).map(_css, subset=list(LAYANAN))


def tabel_utuh(df: pd.DataFrame, tidak_ada: str | None = None) -> Any:
    """Tabel untuk dibaca utuh di notebook (pandas Styler): semua baris dan kolom, teks tidak
    dipotong, tanpa nomor baris; kolom bulan (``●``) rata tengah. Hanya untuk ditampilkan.

    Tabel tanpa baris tidak tampil mentah: bila ``tidak_ada`` (nama tabel ``p3pd.skema``, mis.
    ``'pemangku'``) diisi, hasilnya kotak "tidak ada data (tabel <berkas>)"; selain itu kotak
    "tidak ada baris yang memenuhi syarat (0 baris)" (``apbdes.atau_tidak_ada``).
    """
    if df.empty:
        from p3pd.apbdes_rekap import atau_tidak_ada

        return atau_tidak_ada(df, tidak_ada or "", dasar=None if tidak_ada else [0])
    gaya_tabel = (
        df.style.set_uuid(_uuid_isi(df)).hide(axis="index").set_properties(**{"text-align": "left"})
    )
    bulan = [b for b in BULAN if b in df.columns]
    if bulan:
        gaya_tabel = gaya_tabel.set_properties(subset=bulan, **{"text-align": "center"})
    return gaya_tabel


def periksa_raci(raci: pd.DataFrame) -> pd.DataFrame:
    """Ringkasan per layanan: banyaknya R, A, C, I, nama pemegang urusan (A), dan catatan.

    Catatan menyebut layanan **tanpa A**, dengan **lebih dari satu A**, atau **tanpa R**
    (kosong bila matriks untuk layanan itu sehat). Matriks tanpa lembaga (tabel pemangku tidak
    ada) tidak dinilai: catatannya "tidak ada data".
    """
    from p3pd.notebook import TIDAK_ADA_DATA

    baris = []
    for lay in LAYANAN:
        kolom = raci[lay]
        jumlah = {h: int((kolom == h).sum()) for h in "RACI"}
        catatan = []
        if raci.empty:
            catatan.append(f"{TIDAK_ADA_DATA} (tabel pemangku)")
        elif jumlah["A"] == 0:
            catatan.append("tanpa A: tidak ada pemegang urusan")
        elif jumlah["A"] > 1:
            catatan.append(f"{jumlah['A']} A: sepakati pembagian tugasnya")
        if jumlah["R"] == 0 and not raci.empty:
            catatan.append("tanpa R: tidak ada pelaksana")
        baris.append(
            {
                "layanan": lay,
                **jumlah,
                "pemegang_urusan": "; ".join(kolom.index[kolom == "A"]),
                "catatan": "; ".join(catatan),
            }
        )
    return pd.DataFrame(baris)


def kisi_pengaruh(pemangku: pd.DataFrame, ambang: str = "tinggi") -> pd.DataFrame:
    """Tempat setiap lembaga di kisi pengaruh × kepentingan, dengan strateginya.

    Kolom: ``lembaga, jenis, pengaruh, kepentingan, skor_pengaruh, skor_kepentingan``
    (1 rendah … 3 tinggi) dan ``strategi`` (salah satu ``STRATEGI``; aturannya di docstring
    modul). ``ambang``: tingkat paling rendah yang dihitung "tinggi".
    """
    batas = _tingkat(ambang, "ambang")
    hasil = pemangku[["lembaga", "jenis", "pengaruh", "kepentingan"]].copy()
    hasil["skor_pengaruh"] = [_tingkat(v, "pengaruh") for v in hasil["pengaruh"]]
    hasil["skor_kepentingan"] = [_tingkat(v, "kepentingan") for v in hasil["kepentingan"]]
    p = hasil["skor_pengaruh"] >= batas
    k = hasil["skor_kepentingan"] >= batas
    hasil["strategi"] = [
        STRATEGI[0] if a and b else STRATEGI[1] if a else STRATEGI[2] if b else STRATEGI[3]
        for a, b in zip(p, k, strict=True)
    ]
    return hasil.reset_index(drop=True)


def pemegang_urusan(
    pemangku: pd.DataFrame, desa_merah: Mapping[str, int], ambang: str = "tinggi"
) -> pd.DataFrame:
    """Pemegang urusan (A) setiap layanan dengan kepentingan, strategi kisi, dan desa merahnya.

    ``desa_merah``: banyaknya desa berlampu merah per layanan (mis. dari
    ``diagnosis.merah_per_layanan``). Satu baris per layanan × pemegang urusan; kolom
    ``layanan, lembaga, kepentingan, strategi, desa_merah``. Pemegang urusan yang kepentingannya
    rendah di layanan dengan banyak desa merah adalah yang pertama didatangi dengan data.
    """
    kisi = kisi_pengaruh(pemangku, ambang).set_index("lembaga")
    raci = matriks_raci(pemangku)
    baris = [
        {
            "layanan": lay,
            "lembaga": lembaga,
            "kepentingan": kisi.loc[lembaga, "kepentingan"],
            "strategi": kisi.loc[lembaga, "strategi"],
            "desa_merah": int(desa_merah.get(lay, 0)),
        }
        for lay in LAYANAN
        for lembaga in raci.index[raci[lay] == "A"]
    ]
    kolom = ["layanan", "lembaga", "kepentingan", "strategi", "desa_merah"]
    return pd.DataFrame(baris, columns=kolom)


def _singkat(nama: str, maks: int = 34) -> str:
    nama = nama.replace(" (kabupaten)", " (kab.)").replace("Kecamatan", "Kec.")
    return nama if len(nama) <= maks else nama[: maks - 1].rstrip() + "…"


def grafik_kisi(
    kisi: pd.DataFrame, judul: str | None = None, ax: Axes | None = None, ambang: str = "tinggi"
) -> Axes:
    """Gambar kisi 3 × 3 (kepentingan mendatar, pengaruh tegak) dengan nama lembaga di selnya.

    ``kisi``: hasil :func:`kisi_pengaruh` dengan ``ambang`` yang sama (dipakai untuk mewarnai
    sel menurut strategi). Paling banyak 9 nama per sel; sisanya ditulis "+N lainnya".
    Mengembalikan Axes bertanda label data (``p3pd.grafik.tandai_sintetis``: "Data sintetis"
    hanya untuk data latihan; data sendiri mendapat "Data milik …").
    """
    batas = _tingkat(ambang, "ambang")
    with gaya():
        if ax is None:
            _, ax = plt.subplots(figsize=UKURAN)
        for x in range(1, 4):
            for y in range(1, 4):
                strategi = STRATEGI[
                    0 if x >= batas and y >= batas else 1 if y >= batas else 2 if x >= batas else 3
                ]
                ax.add_patch(
                    Rectangle(
                        (x - 0.5, y - 0.5),
                        1,
                        1,
                        facecolor=_WARNA_STRATEGI[strategi],
                        alpha=0.18,
                        edgecolor="white",
                        linewidth=2,
                    )
                )
                nama = kisi.loc[
                    (kisi["skor_kepentingan"] == x) & (kisi["skor_pengaruh"] == y), "lembaga"
                ].tolist()
                teks = [_singkat(n) for n in nama[:9]]
                if len(nama) > 9:
                    teks.append(f"+{len(nama) - 9} lainnya")
                ax.text(
                    x - 0.46, y + 0.44, "\n".join(teks), fontsize=6, va="top", ha="left",
                    linespacing=1.15,
                )  # fmt: skip
        ax.set_xlim(0.5, 3.5)
        ax.set_ylim(0.5, 3.5)
        ax.set_xticks([1, 2, 3], [t.capitalize() for t in TINGKAT])
        ax.set_yticks([1, 2, 3], [t.capitalize() for t in TINGKAT])
        ax.set_xlabel("Kepentingan / keterlibatan saat ini")
        ax.set_ylabel("Pengaruh terhadap layanan dasar")
        ax.spines[["left", "bottom"]].set_visible(False)
        ax.tick_params(length=0)
        ax.legend(
            handles=[Patch(facecolor=_WARNA_STRATEGI[s], alpha=0.35, label=s) for s in STRATEGI],
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=8,
        )
        ax.set_title(judul or "Kisi pengaruh × kepentingan", loc="left")
        tandai_sintetis(ax)
    return ax


def _mitra(pemangku: pd.DataFrame) -> pd.DataFrame:
    mitra = pemangku[pemangku["jenis"] == "swasta/CSR"].copy()
    mitra["kegiatan"] = mitra["peran"].str.removeprefix(_AWALAN_MITRA)
    return mitra


def _nama(kode: pd.Index | list[str], nama_desa: pd.Series | None) -> list[str]:
    if nama_desa is None:
        return [str(k) for k in kode]
    return [str(nama_desa.get(k, k)) for k in kode]


def mitra_untuk_kesenjangan(
    pemangku: pd.DataFrame, matriks: pd.DataFrame, nama_desa: pd.Series | None = None
) -> pd.DataFrame:
    """Per layanan: desa berlampu merah, indikator merahnya, pemegang urusan, dan mitra CSR.

    ``pemangku``: baris satu kecamatan; ``matriks``: hasil ``p3pd.diagnosis.matriks_masalah``
    untuk desa-desa kecamatan itu; ``nama_desa``: Series kode desa → nama (opsional). Kolom:
    ``layanan, desa_merah`` (banyak desa), ``daftar_desa`` (terbanyak indikator merah dulu),
    ``indikator_merah``, ``pemegang_urusan`` (perangkat daerah yang menyebut layanan itu),
    ``mitra``, ``kegiatan_mitra``, ``langkah``.
    """
    merah = matriks[matriks["lampu"] == "merah"]
    mitra = _mitra(pemangku)
    opd = pemangku[pemangku["jenis"] == "perangkat daerah"]
    baris = []
    for lay in LAYANAN:
        m = merah[merah["layanan"] == lay]
        per_desa = m.groupby("kode_desa").size()
        per_desa = per_desa.sort_values(ascending=False, kind="stable")
        per_ind = m.groupby("indikator")["kode_desa"].nunique().sort_values(ascending=False)
        # Saring dengan Series boolean ber-indeks: daftar kosong pada tabel kosong akan
        # memilih kolom, bukan baris (KeyError 'lembaga' untuk kecamatan tanpa mitra/OPD).
        cocok = mitra[_menyebut(mitra["layanan"], lay)]
        pemegang = opd[_menyebut(opd["layanan"], lay)]["lembaga"]
        if per_desa.empty:
            langkah = "tidak ada desa berlampu merah"
        elif len(cocok):
            langkah = "undang mitra ke forum CSR; tawarkan desa-desa ini"
        else:
            langkah = "belum ada mitra: bawa ke pemegang urusan atau cari mitra baru"
        baris.append(
            {
                "layanan": lay,
                "desa_merah": len(per_desa),
                "daftar_desa": "; ".join(_nama(per_desa.index.tolist(), nama_desa)),
                "indikator_merah": "; ".join(f"{i} ({n} desa)" for i, n in per_ind.items()),
                "pemegang_urusan": "; ".join(pemegang),
                "mitra": "; ".join(cocok["lembaga"]),
                "kegiatan_mitra": "; ".join(cocok["kegiatan"]),
                "langkah": langkah,
            }
        )
    return pd.DataFrame(baris)


def desa_untuk_mitra(
    pemangku: pd.DataFrame,
    matriks: pd.DataFrame,
    nama_desa: pd.Series | None = None,
    jumlah: int = 3,
) -> pd.DataFrame:
    """Per mitra swasta/CSR: desa yang paling membutuhkan bidang yang didanainya.

    Desa diurutkan menurut banyaknya indikator merah di layanan yang didanai mitra (nilai seri
    menurut kode desa); paling banyak ``jumlah`` desa. Kolom: ``lembaga, layanan, kegiatan,
    desa_merah`` (banyak desa berlampu merah di layanan itu), ``desa_usulan``.
    """
    if jumlah < 1:
        raise ValueError("jumlah harus bilangan bulat ≥ 1.")
    merah = matriks[matriks["lampu"] == "merah"]
    baris = []
    for r in _mitra(pemangku).itertuples(index=False):
        m = merah[merah["layanan"].isin(_daftar(r.layanan))]
        per_desa = m.groupby("kode_desa").size().reset_index(name="n")
        per_desa = per_desa.sort_values(["n", "kode_desa"], ascending=[False, True])
        baris.append(
            {
                "lembaga": r.lembaga,
                "layanan": r.layanan,
                "kegiatan": r.kegiatan,
                "desa_merah": len(per_desa),
                "desa_usulan": "; ".join(_nama(per_desa["kode_desa"].head(jumlah), nama_desa)),
            }
        )
    kolom = ["lembaga", "layanan", "kegiatan", "desa_merah", "desa_usulan"]
    return pd.DataFrame(baris, columns=kolom)


def referensi_forum() -> pd.DataFrame:
    """Forum koordinasi kecamatan (``referensi/forum_koordinasi.csv``), semua kolom teks.

    Kolom: ``forum, penyelenggara, peserta, layanan, irama, kali_setahun, bulan`` (nomor bulan
    dipisah titik koma, kosong = menurut irama), ``status_waktu`` (bersumber / perkiraan /
    asumsi), ``dasar_hukum`` (kosong bila belum diperiksa), ``keterangan``.
    """
    berkas = folder_referensi() / "forum_koordinasi.csv"
    return pd.read_csv(berkas, dtype=str, keep_default_na=False, encoding="utf-8")


def bulan_forum(baris: Mapping[str, str]) -> tuple[int, ...]:
    """Nomor bulan (1–12) sebuah forum: kolom ``bulan`` bila terisi, selain itu menurut iramanya."""
    isi = _daftar(baris.get("bulan", ""))
    if isi:
        bulan = tuple(int(b) for b in isi)
    elif baris.get("irama") in _BULAN_IRAMA:
        bulan = _BULAN_IRAMA[baris["irama"]]
    else:
        raise GalatP3PD(
            f"Forum '{baris.get('forum')}': kolom 'bulan' kosong dan irama "
            f"'{baris.get('irama')}' tidak menentukan bulan. Isi bulannya (mis. 1;2)."
        )
    if any(b < 1 or b > 12 for b in bulan):
        raise GalatP3PD(f"Forum '{baris.get('forum')}': nomor bulan harus 1–12 ({bulan}).")
    return bulan


def irama_pertemuan(forum: pd.DataFrame | None = None) -> pd.DataFrame:
    """Kalender setahun: satu baris per forum, satu kolom per bulan (``●`` = ada pertemuan).

    ``forum``: tabel seperti :func:`referensi_forum` (bawaan: rujukan itu). Kolom: ``forum,
    penyelenggara, irama, status_waktu``, lalu ``Jan`` … ``Des``; urut menurut bulan pertama.
    """
    forum = referensi_forum() if forum is None else forum
    baris = []
    for r in forum.to_dict("records"):
        bulan = bulan_forum(r)
        baris.append(
            {
                "forum": r["forum"],
                "penyelenggara": r["penyelenggara"],
                "irama": r["irama"],
                "status_waktu": r["status_waktu"],
                **{nama: ("●" if i in bulan else "") for i, nama in enumerate(BULAN, start=1)},
                "_awal": min(bulan),
            }
        )
    hasil = pd.DataFrame(baris).sort_values(["_awal", "forum"], kind="stable")
    return hasil.drop(columns="_awal").reset_index(drop=True)


def pertemuan_bulan(irama: pd.DataFrame, bulan: int) -> list[str]:
    """Nama forum yang bertemu pada ``bulan`` (1–12) menurut tabel :func:`irama_pertemuan`."""
    if not 1 <= int(bulan) <= 12:
        raise ValueError("bulan harus 1–12.")
    return irama.loc[irama[BULAN[int(bulan) - 1]] == "●", "forum"].tolist()


def lembar_ekspor(
    raci: pd.DataFrame, mitra: pd.DataFrame, irama: pd.DataFrame, label: str
) -> dict[str, pd.DataFrame]:
    """Lembar buku kerja bawa pulang: matriks peran, mitra dan kesenjangan, irama, keterangan.

    Judul kolom berbahasa Indonesia; ``label`` (``p3pd.label.label_data().keterangan``: tanda
    data sintetis, atau pemilik dan sumber data sendiri) ditulis di lembar Keterangan bersama arti
    huruf matriks peran dan status waktu forum.
    """
    peran = raci.reset_index().rename(columns={"lembaga": "Lembaga", "jenis": "Jenis"})
    peran = peran.rename(columns=LAYANAN)
    mitra = mitra.rename(
        columns={
            "layanan": "Layanan",
            "desa_merah": "Desa berlampu merah",
            "daftar_desa": "Desa",
            "indikator_merah": "Indikator merah",
            "pemegang_urusan": "Pemegang urusan (A)",
            "mitra": "Mitra CSR",
            "kegiatan_mitra": "Yang didanai mitra",
            "langkah": "Langkah",
        }
    )
    mitra["Layanan"] = mitra["Layanan"].map(LAYANAN)
    irama = irama.rename(
        columns={
            "forum": "Forum",
            "penyelenggara": "Penyelenggara",
            "irama": "Irama",
            "status_waktu": "Status waktu",
        }
    )
    keterangan = pd.DataFrame(
        {
            "Keterangan": [
                label,
                *(f"{h}: {arti}" for h, arti in ARTI_RACI.items()),
                "Status waktu: bersumber = bulan tertulis di peraturan; perkiraan = kebiasaan"
                " yang lazim; asumsi = usulan kurikulum, sesuaikan dengan kabupaten Anda.",
            ]
        }
    )
    return {
        "Matriks peran": peran,
        "Mitra dan kesenjangan": mitra,
        "Irama pertemuan": irama,
        "Keterangan": keterangan,
    }


def ekspor_excel(
    lembar: Mapping[str, pd.DataFrame],
    tujuan: str | Path,
    *,
    timpa: bool = False,
    nama_baru: bool = False,
) -> Path:
    """Tulis ``lembar`` (lihat :func:`lembar_ekspor`) ke buku kerja Excel rapi; kembalikan letaknya.

    Berkas yang sudah ada dengan isi sama dibiarkan (menjalankan ulang notebook aman); dengan
    isi lain ``GalatP3PD`` kecuali ``timpa=True`` (ditimpa) atau ``nama_baru=True`` (ditulis
    sebagai ``nama (2).xlsx``, …, seperti ``p3pd.agenda_ekspor``) — hasil suntingan peserta
    tidak pernah ditimpa.
    """
    from p3pd.agenda_ekspor import _sama_isi_buku, _tujuan_akhir
    from p3pd.excel import buat_buku, rapikan_buku, simpan_buku

    tujuan = Path(tujuan)
    if tujuan.exists() and not timpa:
        penyangga = io.BytesIO()
        rapikan_buku(buat_buku(lembar)).save(penyangga)
        berkas, tulis = _tujuan_akhir(
            {tujuan: _sama_isi_buku(penyangga.getvalue())}, False, nama_baru
        )[tujuan]
        if not tulis:
            return berkas
        return simpan_buku(lembar, berkas, timpa=True)
    return simpan_buku(lembar, tujuan, timpa=True)
