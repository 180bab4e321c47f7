"""Data handout: tabel yang dibaca (:class:`DataLaporan`), pemuatnya (:func:`muat_data`), dan
simpanan di memori untuk kernel hangat pembangun handout.

Hanya daftar desa yang wajib; tabel lain boleh tidak ada (data sendiri yang sebagian). Nama
publiknya juga dapat diimpor dari ``p3pd.laporan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd


@dataclass
class DataLaporan:
    """Tabel yang dipakai handout: data latihan, atau data sendiri yang boleh sebagian.

    Hanya daftar desa (``wilayah``) yang wajib. Tabel lain yang berkasnya tidak ada menjadi
    tabel kosong berkolom skema (tabel tambahan: ``None``) dan namanya dicatat di
    ``tidak_ada``; bagiannya di handout menulis "tidak ada data" (lihat :meth:`ada`).
    """

    wilayah: pd.DataFrame
    indikator: pd.DataFrame
    belanja: pd.DataFrame
    fasilitas: pd.DataFrame
    usulan: pd.DataFrame
    program: pd.DataFrame
    #: Tabel perencanaan tambahan (opsional): jalur dan tindak lanjut usulan, program per desa.
    usulan_tindak_lanjut: pd.DataFrame | None = None
    program_desa: pd.DataFrame | None = None
    #: Angka terbitan per desa (IDM, persentase terbitan; ``p3pd.terbitan``), bila ada.
    terbitan: pd.DataFrame | None = None
    #: Rincian kegiatan sub-bidang 1.1 APBDes (pos yang dibatasi 30 %), bila ada.
    belanja_kegiatan: pd.DataFrame | None = None
    #: Nama tabel handout yang berkasnya tidak ada di folder data.
    tidak_ada: tuple[str, ...] = ()
    #: Potongan (:func:`potong_data`): tabel yang berisi baris di folder data utuh.
    berisi_di_folder: frozenset[str] | None = None
    #: Potongan (:func:`potong_data`): tahun data folder utuh (:meth:`tahun` tanpa kode).
    tahun_di_folder: tuple[int, ...] | None = None

    def ada(self, nama: str) -> bool:
        """``True`` bila tabel ``nama`` ada di folder data dan berisi sedikitnya satu baris.

        Pada potongan (:func:`potong_data`) jawabannya tentang folder data utuh: tabel yang
        berisi baris di wilayah lain tetap "ada" (bagiannya lalu menulis bahwa wilayah ini
        tidak punya baris, bukan bahwa berkasnya tidak ada)."""
        if self.berisi_di_folder is not None:
            return nama in self.berisi_di_folder
        tabel = getattr(self, nama, None)
        return nama not in self.tidak_ada and tabel is not None and len(tabel) > 0

    def tabel(self) -> dict[str, pd.DataFrame]:
        """Tabel yang ada (bentuk ``muat.muat_folder``: tabel yang tidak ada tidak disertakan)."""
        return {
            k: v
            for k, v in vars(self).items()
            if isinstance(v, pd.DataFrame) and k not in self.tidak_ada
        }

    def tahun(self, kode: str | None = None) -> list[int]:
        """Tahun data: tahun di tabel indikator; tanpa indikator, tahun belanja APBDes atau
        angka terbitan (``handout_pilih.tahun_tersedia``); daftar kosong bila tidak ada.
        ``kode``: hanya baris desa wilayah itu (kode kecamatan/kabupaten/provinsi). Pada
        potongan (:func:`potong_data`), tanpa ``kode``: tahun folder data utuh."""
        from p3pd.handout_pilih import tahun_tersedia

        if kode is None and self.tahun_di_folder is not None:
            return list(self.tahun_di_folder)
        return tahun_tersedia(self.tabel(), kode)


TABEL_HANDOUT_OPSIONAL = ("indikator", "belanja", "fasilitas", "usulan", "program")
"""Tabel handout yang boleh tidak ada di data sendiri: tabel kosong, bagiannya "tidak ada data"."""

TABEL_HANDOUT_TAMBAHAN = ("usulan_tindak_lanjut", "program_desa", "terbitan", "belanja_kegiatan")
"""Tabel tambahan yang dipakai bila ada (``None`` bila berkasnya tidak ada)."""


def _tabel_kosong(nama: str) -> pd.DataFrame:
    """Tabel tanpa baris dengan kolom skema ``nama`` (tabel yang tidak tersedia)."""
    from p3pd import skema

    angka = (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH, skema.TIPE_DESIMAL)
    tabel = skema.TABEL_DIKENAL[nama]
    return pd.DataFrame(
        {k.nama: pd.Series(dtype="float64" if k.tipe in angka else object) for k in tabel.kolom}
    )


def muat_data(folder: str | Path | None = None) -> DataLaporan:
    """Muat dan periksa tabel yang dipakai handout dari ``folder`` (bawaan: folder data latihan).

    Hanya daftar desa wajib. Indikator, belanja, fasilitas, usulan, dan program
    (``TABEL_HANDOUT_OPSIONAL``) yang berkasnya tidak ada menjadi tabel kosong; tabel tambahan
    (``TABEL_HANDOUT_TAMBAHAN``) menjadi ``None``. Semuanya dicatat di ``DataLaporan.tidak_ada``,
    dan bagiannya di handout menulis "tidak ada data".
    """
    from p3pd import muat
    from p3pd.lokasi import folder_data

    folder = Path(folder) if folder is not None else folder_data()
    tidak_ada: list[str] = []

    def berkas(nama: str) -> Path:
        return muat.berkas_tabel(folder, nama)  # .csv atau .xlsx, seperti p3pd ringkasan

    def opsional(nama: str) -> pd.DataFrame:
        path = berkas(nama)
        if path.exists():
            return muat.muat_tabel(nama, path)
        tidak_ada.append(nama)
        return _tabel_kosong(nama)

    def tambahan(nama: str) -> pd.DataFrame | None:
        path = berkas(nama)
        if path.exists():
            return muat.muat_tabel(nama, path)
        tidak_ada.append(nama)
        return None

    tabel: dict[str, Any] = {"wilayah": muat.muat_wilayah(berkas("wilayah"))}
    tabel.update({n: opsional(n) for n in TABEL_HANDOUT_OPSIONAL})
    tabel.update({n: tambahan(n) for n in TABEL_HANDOUT_TAMBAHAN})
    return DataLaporan(**tabel, tidak_ada=tuple(tidak_ada))


_POTONGAN: dict[tuple[int, str], tuple[DataLaporan, DataLaporan]] = {}
_POTONGAN_PALING_BANYAK = 4


def potong_data(data: DataLaporan, kode: str, *, ingat: bool = True) -> DataLaporan:
    """Data yang hanya memuat baris desa berawalan ``kode`` (kabupaten atau provinsi handout).

    Handout kecamatan hanya membaca baris kecamatannya dan kabupatennya (pembanding), handout
    provinsi hanya baris provinsinya; angka provinsi dan Indonesia di handout adalah angka
    terbitan, bukan hitungan dari data. Dari folder data nasional, setiap bagian handout lalu
    menyaring tabel satu kabupaten, bukan tabel seluruh Indonesia.

    Tabel tanpa kolom ``kode_desa``, tabel yang seluruh barisnya sudah di wilayah itu, dan tabel
    yang tidak punya satu baris pun di wilayah itu tidak disalin (objek yang sama: pembacanya
    tetap melihat tabel yang ada tetapi tanpa baris wilayah ini, seperti tanpa potongan); bila
    semua tabel begitu, ``data`` sendiri dikembalikan. Indeks baris asli dipertahankan.
    ``ingat=True`` (data yang dimuat :class:`~p3pd.laporan.Handout` sendiri): potongan terakhir
    diingat per objek ``data``, jadi handout-handout satu kabupaten di kernel hangat memakai
    potongan yang sama; seperti ``data``, potongan itu dipakai bersama, jadi **jangan diubah**.
    Data yang diberikan pemanggil dipotong baru setiap kali (``ingat=False``).
    """
    import numpy as np

    kunci = (id(data), kode)
    simpanan = _POTONGAN.get(kunci) if ingat else None
    if simpanan is not None and simpanan[0] is data:
        return simpanan[1]
    isi: dict[str, Any] = {}
    berubah = False
    for nama, tabel in vars(data).items():
        if isinstance(tabel, pd.DataFrame) and "kode_desa" in tabel and len(tabel):
            teks = np.asarray(tabel["kode_desa"], dtype=object).astype(str)
            pilih = np.strings.startswith(teks, kode)
            if pilih.any() and not pilih.all():
                tabel = tabel[pilih]
                # Daftar catatan pemuat (attrs) tidak dipakai handout; tanpa itu pandas tidak
                # menyalinnya (deepcopy) di setiap operasi atas potongan. Asal berkas tetap.
                tabel.attrs = {k: v for k, v in tabel.attrs.items() if isinstance(v, str)}
                berubah = True
        isi[nama] = tabel
    if not berubah:
        hasil = data
    else:
        isi["berisi_di_folder"] = frozenset(
            nama
            for nama in vars(data)
            if isinstance(vars(data)[nama], pd.DataFrame) and data.ada(nama)
        )
        isi["tahun_di_folder"] = tuple(data.tahun())
        hasil = DataLaporan(**isi)
    if ingat:
        if len(_POTONGAN) >= _POTONGAN_PALING_BANYAK:
            _POTONGAN.pop(next(iter(_POTONGAN)))
        _POTONGAN[kunci] = (data, hasil)
    return hasil


_SIMPANAN: dict[tuple, DataLaporan] = {}


def _muat_data_tersimpan(folder: str | Path | None = None) -> DataLaporan:
    """Seperti :func:`muat_data`, tetapi hasilnya disimpan di memori selama berkasnya tidak berubah.

    Dipakai :class:`Handout`: di kernel hangat pembangun handout, data cukup dibaca sekali untuk
    banyak handout. Kuncinya: jalur, waktu ubah, dan ukuran setiap berkas tabel handout
    (``handout_pilih.TABEL_HANDOUT``; berkas yang tidak ada juga tercatat, jadi berkas yang baru
    ditambahkan membuat data dibaca ulang). Tabel hasilnya dipakai bersama, jadi **jangan
    diubah**.
    """
    from p3pd import muat
    from p3pd.handout_pilih import TABEL_HANDOUT
    from p3pd.lokasi import folder_data

    folder = Path(folder) if folder is not None else folder_data()
    tanda: list[tuple] = []
    for nama in TABEL_HANDOUT:
        berkas = muat.berkas_tabel(folder, nama)
        try:
            st = berkas.stat()
        except FileNotFoundError:
            if nama == "wilayah":
                return muat_data(folder)  # pesan kesalahan yang jelas datang dari pemuat
            tanda.append((str(berkas.absolute()), None, None))
            continue
        tanda.append((str(berkas.resolve()), st.st_mtime_ns, st.st_size))
    kunci = tuple(tanda)
    if kunci not in _SIMPANAN:
        _SIMPANAN.clear()
        _POTONGAN.clear()  # potongan data lama tidak ikut tertahan di memori
        _SIMPANAN[kunci] = muat_data(folder)
    return _SIMPANAN[kunci]
