"""Jawaban tes di atas kertas: templat Excel untuk pelatih dan impor menjadi berkas jawaban.

Pelatih menyalin lembar jawaban kertas ke templat (satu baris per peserta dan per tes: kode
peserta, jenis tes, kelas, provinsi, lalu satu kolom per soal). Templat dibaca lewat satu pemuat
paket (``p3pd.muat.muat_tabel``: encoding, judul kolom, baris kosong, NIK dan nama orang
diperiksa di sana), lalu setiap baris menjadi satu berkas jawaban biasa (``sumber: kertas``)
yang dikumpulkan bersama berkas dari laptop.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid, GalatP3PD
from p3pd.tes_jawaban import simpan_jawaban, susun_rekaman
from p3pd.tes_soal import daftar_soal

__all__ = ["LEMBAR_KERTAS", "tabel_kertas", "tulis_templat_kertas", "impor_kertas"]


def tabel_kertas() -> skema.Tabel:
    """Skema templat jawaban kertas (satu kolom per soal bank soal yang berlaku)."""
    kolom = [
        skema.Kolom("kode_peserta", skema.TIPE_TEKS, "-", "Kode peserta dari pelatih (JTG-A-001)"),
        skema.Kolom(
            "jenis",
            skema.TIPE_KATEGORI,
            "-",
            "Jenis tes: awal atau akhir",
            pilihan=("awal", "akhir"),
        ),
        skema.Kolom("kelas", skema.TIPE_TEKS, "-", "Nama kelas"),
        skema.Kolom("provinsi", skema.TIPE_TEKS, "-", "Provinsi"),
        *(
            skema.Kolom(s.id.lower(), skema.TIPE_TEKS, "-", f"Jawaban soal {s.id}")
            for s in daftar_soal()
        ),
    ]
    return skema.Tabel(
        nama="jawaban_kertas",
        berkas="jawaban_kertas.xlsx",
        judul="Jawaban tes di atas kertas (satu baris per peserta dan per tes)",
        kunci=("kode_peserta", "jenis"),
        kolom=tuple(kolom),
    )


LEMBAR_KERTAS = "jawaban_kertas"
"""Nama lembar dan tabel templat jawaban kertas."""


def tulis_templat_kertas(tujuan: str | Path, *, timpa: bool = False) -> Path:
    """Tulis templat Excel jawaban kertas ke ``tujuan`` (.xlsx); tidak menimpa tanpa diminta."""
    from p3pd.excel import simpan_buku

    judul = ["kode_peserta", "jenis", "kelas", "provinsi", *(s.id for s in daftar_soal())]
    petunjuk = [
        ["petunjuk"],
        ["Isi lembar 'jawaban_kertas': satu baris untuk setiap lembar jawaban kertas."],
        ["kode_peserta: kode dari pelatih, mis. JTG-A-001. Jangan menulis nama atau NIK."],
        ["jenis: awal atau akhir."],
        ["kelas dan provinsi: seperti yang tertulis di lembar jawaban, mis. A dan Jawa Tengah."],
        ["Soal pilihan ganda: tulis hurufnya (A, B, C, atau D)."],
        ["Soal angka: tulis angkanya; koma atau titik desimal sama-sama boleh."],
        ["Soal yang tidak dijawab: biarkan kosong."],
        ["Lalu: p3pd tes impor-kertas BERKAS.xlsx --keluaran FOLDER"],
    ]
    try:
        return simpan_buku(
            {LEMBAR_KERTAS: [judul], "petunjuk": petunjuk},
            tujuan,
            timpa=timpa,
            lebar={"petunjuk": {"petunjuk": 90}},
        )
    except FileExistsError:
        raise GalatP3PD(
            f"Berkas '{tujuan}' sudah ada dan tidak ditimpa (mungkin sudah diisi). Pakai nama "
            "lain, atau tambahkan --timpa."
        ) from None
    except ValueError as g:
        raise GalatP3PD(str(g)) from None


def impor_kertas(berkas: str | Path, folder: str | Path) -> list[Path]:
    """Ubah setiap baris templat jawaban kertas menjadi berkas jawaban di ``folder``.

    Semua baris diperiksa dulu; bila ada yang tidak sah, tidak ada yang ditulis dan
    ``DataTidakValid`` menyebut barisnya. Jawaban yang sudah tersimpan dengan isi sama tidak
    ditulis ulang; yang berbeda tidak ditimpa (dilaporkan). Berkas templat tidak diubah.
    """
    from p3pd.muat import muat_tabel
    from p3pd.muat_berkas import baca_berkas, letak
    from p3pd.muat_masalah import Laporan

    tabel = tabel_kertas()
    data = muat_tabel(tabel, berkas)
    sumber = str(berkas)
    # Pemuat menganggap kolom yang tidak ada "tidak tersedia"; di lembar jawaban, kolom soal yang
    # hilang (mis. judul salah ketik) akan diam-diam menjadi "tidak dijawab", jadi ditolak.
    path, _ = letak(tabel, berkas)
    ada = set(baca_berkas(path, sumber, tabel, Laporan()).data.columns)
    hilang = [k for k in tabel.nama_kolom if k not in ada]
    if hilang:
        raise DataTidakValid(
            "kolom templat jawaban kertas tidak ada di berkas; salin judul kolom dari templat "
            "(p3pd tes templat-kertas) dan biarkan sel kosong untuk soal yang tidak dijawab.",
            berkas=sumber,
            kolom=hilang,
        )
    rekaman = []
    masalah = []
    for nomor, baris in enumerate(data.itertuples(index=False), start=1):
        isi = baris._asdict()
        jawaban = {
            s.id: (None if pd.isna(isi[s.id.lower()]) else isi[s.id.lower()]) for s in daftar_soal()
        }
        kunci = {
            k: (None if pd.isna(isi[k]) else isi[k])
            for k in ("jenis", "kode_peserta", "kelas", "provinsi")
        }
        try:
            susun_rekaman(jawaban, sumber="kertas", **kunci)
        except GalatP3PD as g:
            masalah.append(f"baris data ke-{nomor} (di bawah judul): {g}")
            continue
        rekaman.append((jawaban, kunci))
    if masalah:
        raise DataTidakValid(
            f"{len(masalah)} baris tidak sah; tidak ada berkas jawaban yang ditulis:\n  "
            + "\n  ".join(masalah),
            berkas=sumber,
        )
    ditulis, bentrok = [], []
    for jawaban, kunci in rekaman:
        try:
            ditulis.append(simpan_jawaban(jawaban, folder=folder, sumber="kertas", **kunci))
        except GalatP3PD as g:
            bentrok.append(str(g))
    if bentrok:
        raise GalatP3PD(
            f"{len(ditulis)} berkas jawaban ditulis ke '{folder}', {len(bentrok)} tidak:\n  "
            + "\n  ".join(bentrok)
        )
    return ditulis
