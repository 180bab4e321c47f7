"""Desa hasil impor dan daftar desa folder tujuan (``wilayah_desa.csv``).

- Tabel berkode desa (mis. APBDes dari Siskeudes) yang menyebut desa yang belum ada di daftar
  desa folder: desa itu ditambahkan dari daftar wilayah nasional (Kepmendagri 2025), seperti
  preset Podes/IDM menambahkan desanya; kode yang tidak ada di daftar nasional ditolak saat impor
  dengan nama berkas, kolom, dan baris sumbernya.
- Desa hasil impor di luar kabupaten/kota yang sudah ada di folder atau yang disebut di
  ``--pemilik``: peringatan (bukan penolakan), agar desa provinsi lain tidak tercampur tanpa sadar.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid
from p3pd.impor.peta import Peta
from p3pd.impor.sumber import Sumber
from p3pd.impor.ubah import HasilTabel

__all__ = ["tambah_desa_nasional", "peringatan_kabupaten"]


def _kode_tabel(hasil: dict[str, HasilTabel]) -> dict[str, set[str]]:
    """Kode desa setiap tabel hasil impor selain daftar desa (nama tabel → kode)."""
    return {
        nama: set(h.data["kode_desa"].dropna().astype(str).str.strip())
        for nama, h in hasil.items()
        if nama != skema.WILAYAH.nama and len(h.data) and "kode_desa" in h.data.columns
    }


def baca_daftar_lama(path: Path) -> pd.DataFrame:
    """Daftar desa pengguna yang sudah ada, dibaca pemuat (CSV apa pun pemisah/encoding-nya,
    XLSX) dengan sel sebagai teks apa adanya (sel kosong = ``""``); berkas rusak ditolak dengan
    pesan pemuat."""
    from p3pd.muat_berkas import baca_berkas
    from p3pd.muat_masalah import Laporan

    laporan = Laporan()
    mentah = baca_berkas(path, str(path), skema.WILAYAH, laporan)
    if laporan.masalah:
        raise laporan.galat(str(path), skema.WILAYAH)
    return mentah.data.astype(object).where(mentah.data.notna(), "").astype(str)


def _daftar_lama(folder: Path) -> tuple[pd.DataFrame | None, Path]:
    """Daftar desa yang sudah ada di ``folder`` (teks apa adanya) dan berkasnya."""
    for akhiran in (".csv", ".xlsx", ".xlsm"):
        path = folder / (Path(skema.WILAYAH.berkas).stem + akhiran)
        if path.is_file():
            return baca_daftar_lama(path), path
    return None, folder / skema.WILAYAH.berkas


def _digit(teks: object) -> str:
    return re.sub(r"\D", "", str(teks))


def tambah_desa_nasional(
    folder: Path, hasil: dict[str, HasilTabel], peta: Peta, sumber: Sumber
) -> tuple[Path, str, str] | None:
    """Desa di tabel hasil impor yang belum ada di daftar desa: tambahkan dari daftar nasional.

    Bila impor ini juga menghasilkan daftar desa (``hasil['wilayah']``), baris baru ditambahkan
    ke sana. Folder tanpa daftar desa mendapat daftar baru: semua desa dan kelurahan kecamatan
    yang disebut (:func:`_daftar_baru_kecamatan`). Selain itu mengembalikan
    ``(path, isi_csv, catatan)``: daftar desa folder (lama + baru) untuk ditulis bersama hasil
    impor lain; ``None`` bila tidak ada yang perlu ditambah.
    Kode yang tidak ada di daftar nasional → :class:`DataTidakValid` (berkas, kolom, baris
    sumber); tidak ada yang ditulis.
    """
    from p3pd.impor.tulis import teks_csv
    from p3pd.wilayah_nasional import PEMBERITAHUAN_ODBL, baris_daftar_desa

    per_tabel = _kode_tabel(hasil)
    if not per_tabel:
        return None
    wil = hasil.get(skema.WILAYAH.nama)
    lama, path = _daftar_lama(folder)
    tanpa_wil = wil is None or not len(wil.data)
    if tanpa_wil and lama is None:
        baru_kec = _daftar_baru_kecamatan(folder, per_tabel)
        if baru_kec is None:
            pertama = next(h for h in hasil.values() if len(h.data))
            pertama.asumsi.append(
                f"`{skema.WILAYAH.berkas}` tidak dibuat: ada kode desa yang tidak ada di daftar "
                "wilayah nasional (lihat di atas). Buat daftar desa folder ini dulu (kode dan "
                "nama setiap desa/kelurahan, lihat data/KAMUS_DATA.md), lalu ulangi impor ini."
            )
        return baru_kec
    if tanpa_wil and "kode_desa" not in lama.columns:
        return None  # daftar desa tanpa kolom kode: pemuat menjelaskan yang salah
    dikenal: set[str] = set()
    if wil is not None and len(wil.data):
        dikenal |= set(wil.data["kode_desa"].dropna().astype(str).str.strip())
    elif lama is not None and "kode_desa" in lama.columns:
        dikenal |= set(lama["kode_desa"].astype(str).str.strip())
    kurang = set().union(*per_tabel.values()) - dikenal
    if not kurang:
        return None
    baru, tidak_dikenal = baris_daftar_desa(kurang)
    if tidak_dikenal:
        _tolak_tidak_dikenal(tidak_dikenal, folder, per_tabel, peta, sumber)
    daftar = ", ".join(
        f"{k} {n}" for k, n in zip(baru["kode_desa"], baru["nama_desa"], strict=True)
    )
    catatan = (
        f"{len(baru)} desa belum ada di daftar desa folder ini dan ditambahkan ke "
        f"`{skema.WILAYAH.berkas}` dari daftar wilayah nasional (Kepmendagri 2025, "
        f"p3pd.wilayah_nasional): {daftar}. {PEMBERITAHUAN_ODBL}"
    )
    if wil is not None and len(wil.data):
        wil.data = pd.concat([wil.data, baru.reindex(columns=wil.data.columns)], ignore_index=True)
        wil.asumsi.append(catatan)
        return None
    if lama is not None and path.suffix != ".csv":
        raise DataTidakValid(
            "desa "
            + daftar
            + f" belum ada di daftar desa ini. Tambahkan desa itu ke {path.name} (atau simpan "
            "daftar desa sebagai .csv agar p3pd impor dapat menambahkannya), lalu ulangi.",
            berkas=str(path),
        )
    lama = lama.copy()
    lama["kode_desa"] = lama["kode_desa"].astype(str).str.strip()
    isi = pd.concat([lama, baru.reindex(columns=list(lama.columns))], ignore_index=True)
    isi = isi.replace("", np.nan)
    teks, _ = teks_csv(isi, skema.WILAYAH)
    return path, teks, catatan


def _kabupaten_pemilik(pemilik: str) -> set[str]:
    """Kode kabupaten/kota yang disebut di ``pemilik`` (mis. "Kecamatan Batu, Kota Batu")."""
    from p3pd.galat import WilayahTidakDikenal
    from p3pd.wilayah_nasional import cari

    kode = set()
    for bagian in re.split(r"[,;/]", pemilik):
        if re.match(r"\s*(kab(upaten)?\.?|kota)\s", bagian, re.I):
            try:
                kode.add(cari(bagian.strip(), "kabupaten").kode)
            except WilayahTidakDikenal:
                continue
    return kode


def peringatan_kabupaten(
    folder: Path, hasil: dict[str, HasilTabel], pemilik: str, kode_lama: set[str]
) -> list[str]:
    """Peringatan bila desa hasil impor berada di luar kabupaten/kota folder atau ``pemilik``.

    ``kode_lama`` = kode desa yang sudah ada di folder sebelum impor ini. Tanpa kabupaten acuan
    (folder baru, pemilik tidak menyebut kabupaten/kota) tidak ada peringatan.
    """
    from p3pd.wilayah_nasional import WilayahTidakDikenal, wilayah

    acuan = {k[:5] for k in kode_lama if len(k) >= 5} | _kabupaten_pemilik(pemilik)
    if not acuan:
        return []
    kode: set[str] = set()
    for h in hasil.values():
        if len(h.data) and "kode_desa" in h.data.columns:
            kode |= set(h.data["kode_desa"].dropna().astype(str).str.strip())
    luar = sorted({k[:5] for k in kode if k[:5] not in acuan})
    if not luar:
        return []

    def nama(k: str) -> str:
        try:
            return f"{wilayah(k).nama} ({k})"
        except WilayahTidakDikenal:
            return k

    jumlah = sum(1 for k in kode if k[:5] not in acuan)
    return [
        f"{jumlah} desa hasil impor berada di luar kabupaten/kota data ini ("
        + ", ".join(nama(k) for k in sorted(acuan))
        + "): "
        + ", ".join(nama(k) for k in luar[:5])
        + (" …" if len(luar) > 5 else "")
        + f". Periksa apakah berkas sumbernya benar dan folder '{folder}' memang untuk wilayah "
        "itu; bila tidak, hapus hasil impor ini dan impor ke folder lain."
    ]


def _tolak_tidak_dikenal(
    tidak_dikenal: list[str],
    folder: Path,
    per_tabel: dict[str, set[str]],
    peta: Peta,
    sumber: Sumber,
) -> None:
    """Tolak kode desa yang tidak ada di daftar nasional: berkas, kolom, dan baris sumbernya."""
    posisi: list[int] = []
    kolom: list[str] = []
    cari = {_digit(k) for k in tidak_dikenal}
    for nama in per_tabel:
        aturan = peta.tabel[nama].kolom.get("kode_desa")
        for k in aturan.kolom_sumber() if aturan is not None else []:
            if k in sumber.data.columns:
                cocok = sumber.data[k].map(_digit).isin(cari).to_numpy(dtype=bool)
                if cocok.any():
                    kolom.append(k)
                    posisi += np.flatnonzero(cocok).tolist()
    asal = f" ({sumber.asal(sorted(set(posisi)))})" if posisi else ""
    raise DataTidakValid(
        "kode desa "
        + ", ".join(tidak_dikenal[:10])
        + (" …" if len(tidak_dikenal) > 10 else "")
        + f"{asal} tidak ada di daftar desa folder '{folder}' dan tidak ada di daftar "
        "wilayah nasional (Kepmendagri 2025). Periksa kode desanya di berkas sumber, atau "
        f"tambahkan desa itu dulu ke {skema.WILAYAH.berkas}. Tidak ada berkas yang ditulis.",
        berkas=", ".join(sumber.nama),
        kolom=sorted(set(kolom)) or "kode_desa",
    )


def _daftar_baru_kecamatan(
    folder: Path, per_tabel: dict[str, set[str]]
) -> tuple[Path, str, str] | None:
    """Folder tanpa daftar desa: daftar desa dibuat dari daftar wilayah nasional.

    Isinya semua desa dan kelurahan kecamatan yang disebut tabel hasil impor (bukan hanya desa
    yang ada di berkas sumber), supaya desa tanpa data tampil sebagai "tidak ada data" dan
    perbandingan tahu seluruh kecamatannya. Bila ada kode yang tidak ada di daftar nasional,
    daftar tidak dibuat (``None``; laporan impor mencatat kode itu).
    """
    from p3pd.impor.tulis import teks_csv
    from p3pd.wilayah_nasional import PEMBERITAHUAN_ODBL, baris_daftar_desa, daftar, wilayah

    kode = set().union(*per_tabel.values())
    _, tidak_dikenal = baris_daftar_desa(kode)
    if tidak_dikenal:
        # mis. desa baru sesudah Kepmendagri 2025: dicatat di laporan impor; daftar desa
        # tidak dibuat setengah, pemuat memintanya (dengan kode-kode itu)
        return None
    kecamatan = sorted({k[:8] for k in kode})
    semua = [k for kec in kecamatan for k in daftar("desa", kec)["kode"]]
    baru, _ = baris_daftar_desa(semua)
    kelurahan = baru["kode_desa"].str[9].eq("1")
    rincian = "; ".join(
        f"Kecamatan {wilayah(kec).nama} ({kec}), {wilayah(kec[:5]).nama}: "
        f"{int((~kelurahan & baru['kode_desa'].str.startswith(kec)).sum())} desa dan "
        f"{int((kelurahan & baru['kode_desa'].str.startswith(kec)).sum())} kelurahan"
        for kec in kecamatan
    )
    catatan = (
        f"Folder ini belum punya daftar desa: `{skema.WILAYAH.berkas}` dibuat dari daftar "
        "wilayah nasional (Kepmendagri 2025, p3pd.wilayah_nasional) dengan semua desa dan "
        f"kelurahan kecamatan yang disebut berkas sumber — {rincian}. "
        f"{_banyak(kode)}ada di berkas sumber"
        + (
            f'; {_banyak(lain_desa, "lain")}tampil "tidak ada data" sampai datanya diisi. '
            if (lain_desa := {k for k in set(baru["kode_desa"]) - kode if k[9:10] != "1"})
            else ". "
        )
        + (
            f"{int(kelurahan.sum())} kelurahan tidak menyusun APBDes, jadi tidak dihitung di "
            "tabel APBDes; untuk indikator layanan dasar, datanya tetap perlu diisi. "
            if kelurahan.any()
            else ""
        )
        + f"Periksa daftar itu dan hapus atau tambah baris bila perlu. {PEMBERITAHUAN_ODBL}"
    )
    teks, _ = teks_csv(baru, skema.WILAYAH)
    return folder / skema.WILAYAH.berkas, teks, catatan


def _banyak(kode: set[str], sifat: str = "") -> str:
    """``"11 desa lain dan 5 kelurahan "``: banyak desa dan kelurahan di ``kode`` (dengan spasi)."""
    kel = sum(1 for k in kode if str(k)[9:10] == "1")
    desa = len(kode) - kel
    bagian = [f"{desa} desa {sifat}".strip()] if desa else []
    if kel:
        bagian.append(f"{kel} kelurahan")
    return (" dan ".join(bagian) or "tidak ada desa") + " "
