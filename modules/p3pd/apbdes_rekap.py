"""Membaca dan merekap tabel belanja APBDes: pemeriksaan masukan dan jumlah per wilayah.

Lantai bawah ``p3pd.apbdes``: memeriksa tabel belanja (kolom, rupiah, kode desa, kode
sub-bidang, baris ganda) dengan pesan berbahasa Indonesia, lalu menjumlahkan rupiah per desa ×
tahun × kategori sub-bidang dalam satu lintasan (vektor, tanpa loop per desa), dan menaikkannya
ke tingkat kecamatan, kabupaten, atau provinsi (jumlahkan dulu, baru bagi). Kategori
sub-bidang diambil dari pemetaan layanan yang satu (``p3pd.layanan``): lima layanan dasar,
sub-bidang 1.1, dan lainnya. Ukuran-ukurannya sendiri ada di ``p3pd.apbdes``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from p3pd.galat import DataTidakValid
from p3pd.skema import BELANJA, LAYANAN

TINGKAT = ("desa", "kecamatan", "kabupaten", "provinsi")
"""Tingkat wilayah, dari terkecil ke terbesar."""

KODE_1_1 = "1.1"
"""Sub-bidang Penyelenggaraan Belanja Siltap, Tunjangan dan Operasional Pemerintahan Desa."""

NILAI = ("anggaran", "realisasi")
"""Kolom rupiah yang dapat dipakai sebagai dasar hitungan."""

_PANJANG_KODE = {"kecamatan": 8, "kabupaten": 5, "provinsi": 2}
_POLA_KODE_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
_KUNCI = ["kode_wilayah", "tahun"]
# Kategori internal tiap sub-bidang: 0–4 = layanan (urutan skema.LAYANAN), lalu 1.1, lainnya.
_LAYANAN = tuple(LAYANAN)
_K_1_1 = len(_LAYANAN)
_K_LAIN = _K_1_1 + 1
_N_KATEGORI = _K_LAIN + 1


@lru_cache(maxsize=1)
def _kategori_per_kode() -> dict[str, int]:
    from p3pd.layanan import layanan_sub_bidang, referensi_sub_bidang

    peta = layanan_sub_bidang()
    hasil = {}
    for kode in referensi_sub_bidang()["kode_sub_bidang"]:
        if kode in peta:
            hasil[kode] = _LAYANAN.index(peta[kode])
        elif kode == KODE_1_1:
            hasil[kode] = _K_1_1
        else:
            hasil[kode] = _K_LAIN
    return hasil


TABEL_APBDES = ("belanja", "belanja_kegiatan", "pendapatan")
"""Tabel APBDes: hanya desa yang menyusun APBDes (kelurahan tidak)."""


# --- Tabel dari folder data (boleh sebagian) ----------------------------------------------


def tabel_data(data: Mapping[str, pd.DataFrame], nama: str) -> pd.DataFrame:
    """Tabel ``nama`` dari ``data`` (hasil ``muat.muat_folder``), atau tabel kosong berkolom sama.

    Data sendiri boleh sebagian: tabel yang berkasnya tidak ada di folder tidak ada di
    ``data``. Di situ hasilnya tabel tanpa baris dengan kolom skema tabel itu (``p3pd.skema``),
    sehingga saringan dan hitungan berikutnya tetap berjalan dan memberi hasil kosong.
    """
    tabel = data.get(nama)
    if tabel is not None:
        return tabel
    from p3pd import skema

    jenis = {
        skema.TIPE_TAHUN: "int64",
        skema.TIPE_CACAH: "int64",
        skema.TIPE_RUPIAH: "int64",
        skema.TIPE_DESIMAL: "float64",
        skema.TIPE_BOOL: "boolean",
    }
    definisi = skema.TABEL_DIKENAL[nama]
    return pd.DataFrame({k.nama: pd.Series(dtype=jenis.get(k.tipe, "str")) for k in definisi.kolom})


def ada_data(tabel: pd.DataFrame | pd.Series, nama: str, bagian: str = "") -> bool:
    """``True`` bila ``tabel`` (mis. belanja satu kecamatan dan satu tahun; juga Series) berisi baris.

    Bila kosong, kotak "tidak ada data" langsung tampil di bawah sel: bila berkas tabel ``nama``
    tidak ada di folder data, kotak ``p3pd.notebook.tidak_ada_data``; bila berkasnya ada tetapi
    tidak memuat baris untuk wilayah dan tahun yang dipilih, kotak yang mengatakan itu (untuk
    tabel APBDes juga: kelurahan tidak menyusun APBDes). Dipakai notebook sebagai
    ``if apbdes.ada_data(belanja_tahun, "belanja", "porsi layanan dasar"):``.
    """
    if len(tabel) > 0:
        return True
    from p3pd.kotak import Kotak
    from p3pd.lokasi import folder_data
    from p3pd.muat import berkas_tabel
    from p3pd.notebook import TIDAK_ADA_DATA, _tampilkan, tidak_ada_data
    from p3pd.skema import TABEL_DIKENAL

    berkas = berkas_tabel(folder_data(), nama)
    if not berkas.exists():
        _tampilkan(tidak_ada_data(nama, bagian))
        return False
    apa = f"Bagian \u201c{bagian}\u201d dilewati" if bagian else "Bagian ini dilewati"
    teks = (
        f"{TIDAK_ADA_DATA.capitalize()}: berkas {berkas.name} ({TABEL_DIKENAL[nama].judul}) "
        "tidak memuat baris untuk kecamatan dan tahun yang dipilih. "
        + (
            "APBDes hanya disusun desa; kelurahan tidak punya APBDes. "
            if nama in TABEL_APBDES
            else ""
        )
        + f"{apa}; sel lain tetap berjalan."
    )
    _tampilkan(Kotak(teks, "tidak_ada"))
    return False


def teks_tidak_ada(nama: str) -> str:
    """Satu baris "tidak ada data (tabel <berkas>)" untuk tabel ``nama`` dari ``p3pd.skema``."""
    from p3pd.notebook import TIDAK_ADA_DATA
    from p3pd.skema import TABEL_DIKENAL

    tabel = TABEL_DIKENAL.get(nama)
    return f"{TIDAK_ADA_DATA} (tabel {tabel.berkas if tabel else nama})"


def atau_tidak_ada(hasil: object, nama: str, dasar: object = None) -> object:
    """``hasil`` bila berisi baris; bila ``dasar`` (bawaan: ``hasil``) kosong, satu baris
    "tidak ada data (tabel <berkas>)" sebagai kotak; bila hanya ``hasil`` yang kosong,
    kotak :data:`TIDAK_ADA_BARIS` (tabelnya ada, tetapi tidak ada baris yang memenuhi syarat).

    Untuk baris terakhir sel notebook, agar tabel atau Series kosong tidak tampil mentah
    (``Empty DataFrame``, ``Series([] …)``, ``{}``) dan angka dari tabel yang tidak ada tidak
    tampil sebagai ``NaN``::

        apbdes.atau_tidak_ada(tabel_rapi(porsi), "belanja")
        apbdes.atau_tidak_ada((per_sumber / per_sumber.sum() * 100).round(1), "pendapatan",
                              dasar=pendapatan_tahun)
    """
    from p3pd.kotak import Kotak

    acuan = hasil if dasar is None else dasar
    if acuan is None or len(acuan) == 0:  # type: ignore[arg-type]
        return Kotak(teks_tidak_ada(nama), "tidak_ada")
    if len(hasil) == 0:  # type: ignore[arg-type]
        return Kotak(TIDAK_ADA_BARIS, "info")
    return hasil


TIDAK_ADA_BARIS = "tidak ada baris yang memenuhi syarat (0 baris)"
"""Teks untuk hasil kosong dari tabel yang ada (bukan data yang hilang)."""


def _nama_pendek(nama: str) -> str:
    """Nama tabel untuk manusia: judul ``p3pd.skema`` sampai " per ", ":" atau " (" pertama."""
    from p3pd.skema import TABEL_DIKENAL

    tabel = TABEL_DIKENAL.get(nama)
    if tabel is None:
        return nama
    judul = re.split(r" per |: | \(| dan desa sasarannya", tabel.judul, maxsplit=1)[0]
    return judul[:1].lower() + judul[1:]


def teks_tabel(data: Mapping[str, object], nama: Sequence[str] | None = None) -> str:
    """ "Tabel: …." untuk spanduk: tabel ``nama`` (bawaan: semua di ``data``) yang ada dan berisi.

    Nama ditulis untuk manusia (judul singkat ``p3pd.skema``, mis. "belanja APBDes"); tabel
    yang diminta tetapi tidak ada atau kosong disebut sesudahnya ("Tidak ada data: …").
    """
    daftar = list(data) if nama is None else list(nama)
    ada = [n for n in daftar if data.get(n) is not None and len(data[n]) > 0]  # type: ignore[arg-type]
    hilang = [n for n in daftar if n not in ada]
    teks = "Tabel: " + (", ".join(map(_nama_pendek, ada)) or "tidak ada") + "."
    if hilang:
        from p3pd.notebook import TIDAK_ADA_DATA

        teks += f" {TIDAK_ADA_DATA.capitalize()}: " + ", ".join(map(_nama_pendek, hilang)) + "."
    return teks


def kode_kelurahan(kode: pd.Series) -> pd.Series:
    """``True`` untuk kode kelurahan (``PP.KK.CC.1NNN``: angka pertama nomor urut ``1``)."""
    return kode.astype(str).str.split(".").str[3].str[:1].eq("1")


def cakupan_desa(
    tabel: pd.DataFrame,
    daftar_desa: pd.DataFrame,
    kode_kecamatan: str,
    *,
    sintetis: bool | None = None,
) -> str:
    """Keterangan cakupan tabel APBDes satu kecamatan: ``" (1 dari 12 desa berdata)"`` bila
    ``tabel`` (berkolom ``kode_desa``) tidak memuat semua desa kecamatan itu di ``daftar_desa``
    dan (untuk data sendiri; ``sintetis``, bawaan: label folder data) di daftar wilayah nasional,
    ``""`` bila semua desa ada. Kelurahan tidak dihitung (tidak menyusun APBDes). Untuk ditulis
    di belakang angka kecamatan, agar angka dari sebagian desa tidak terbaca sebagai angka
    seluruh kecamatan."""
    from p3pd import wilayah_nasional
    from p3pd.galat import WilayahTidakDikenal

    kode = daftar_desa["kode_desa"].astype(str)
    desa = set(kode[kode.str.startswith(f"{kode_kecamatan}.") & ~kode_kelurahan(kode)])
    if sintetis is None:
        from p3pd.label import label_data

        sintetis = label_data().sintetis
    if not sintetis:  # data latihan: desa fiktif, daftar nasional tidak berlaku
        try:  # daftar desa pengguna bisa sebagian: jumlah desa diambil dari daftar nasional
            nasional = wilayah_nasional.daftar("desa", kode_kecamatan)["kode"].astype(str)
            desa |= set(nasional[~kode_kelurahan(nasional)])
        except (WilayahTidakDikenal, ValueError):
            pass
    if not desa:
        return ""
    ada = len(desa & set(tabel["kode_desa"].astype(str))) if "kode_desa" in tabel else 0
    return "" if ada >= len(desa) else f" ({ada} dari {len(desa)} desa berdata)"


def tandai_kelurahan(
    tabel: pd.DataFrame, kolom: Sequence[str], kode: pd.Series | None = None
) -> pd.DataFrame:
    """Salinan ``tabel`` dengan sel ``kolom`` milik kelurahan ditulis "tidak berlaku (kelurahan)".

    Kelurahan tidak menyusun APBDes/RKPDes, jadi porsi APBDes-nya tidak berlaku (bukan
    "tidak ada data"). ``kode`` adalah kode desa sejajar indeks ``tabel`` (bawaan: kolom
    ``kode_desa`` atau ``kode_wilayah`` tabel itu). Dipakai untuk tampilan, sesudah
    ``tabel_rapi``; tabel tanpa kelurahan dikembalikan tanpa perubahan isi.
    """
    from p3pd.format import TIDAK_BERLAKU_KELURAHAN

    if kode is None:
        nama_kode = "kode_desa" if "kode_desa" in tabel.columns else "kode_wilayah"
        kode = tabel[nama_kode]
    kel = kode_kelurahan(kode).reindex(tabel.index, fill_value=False).to_numpy(dtype=bool)
    if not kel.any():
        return tabel
    hasil = tabel.copy()
    for k in kolom:
        hasil[k] = hasil[k].astype(object)
        hasil.loc[kel, k] = TIDAK_BERLAKU_KELURAHAN
    return hasil


# --- Pemeriksaan masukan ------------------------------------------------------------------


def _nomor_baris(df: pd.DataFrame, salah: np.ndarray) -> list[int]:
    """Nomor baris berkas (judul = baris 1) untuk baris yang salah.

    Bila indeks tabel berupa bilangan bulat (seperti hasil ``read_csv``, juga setelah
    disaring), baris berkas = label indeks + 2; selain itu dipakai urutan baris + 2.
    """
    if pd.api.types.is_integer_dtype(df.index.dtype):
        return [int(i) + 2 for i in df.index[salah]]
    return [int(i) + 2 for i in np.flatnonzero(salah)]


def _periksa_tingkat(tingkat: str) -> None:
    if tingkat not in TINGKAT:
        raise ValueError(f"Tingkat '{tingkat}' tidak dikenal. Pilihan: {', '.join(TINGKAT)}.")


def _periksa_nilai(nilai: str) -> None:
    if nilai not in NILAI:
        raise ValueError(f"nilai harus 'anggaran' atau 'realisasi', bukan {nilai!r}.")


def _daftar_tahun(tahun: int | Iterable[int] | None) -> list[int] | None:
    if tahun is None:
        return None
    if isinstance(tahun, int | np.integer):
        return [int(tahun)]
    return [int(t) for t in tahun]


def _periksa_kolom(df: pd.DataFrame, wajib: Sequence[str], nama_tabel: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"Tabel {nama_tabel} harus berupa DataFrame pandas.")
    hilang = [k for k in wajib if k not in df.columns]
    if hilang:
        raise DataTidakValid(
            f"kolom wajib tidak ada di tabel {nama_tabel}. Kolom yang ada: "
            + ", ".join(str(k) for k in df.columns),
            kolom=hilang,
        )


def _periksa_rupiah(
    df: pd.DataFrame, kolom: str, nama_tabel: str, *, boleh_kosong: bool = False
) -> np.ndarray:
    """Kembalikan kolom sebagai float64 setelah memastikan angka, tidak kosong, tidak negatif.

    ``boleh_kosong=True``: sel kosong menjadi NaN (tidak ada data), kolom yang seluruhnya kosong
    boleh bertipe apa pun.
    """
    seri = df[kolom]
    if boleh_kosong and seri.isna().all():
        return np.full(len(seri), np.nan)
    if not pd.api.types.is_numeric_dtype(seri.dtype) or pd.api.types.is_bool_dtype(seri.dtype):
        raise DataTidakValid(
            f"kolom di tabel {nama_tabel} harus berisi angka (rupiah/jiwa), bukan teks.",
            kolom=kolom,
        )
    nilai = seri.to_numpy(dtype="float64", na_value=np.nan)
    kosong = np.isnan(nilai)
    if kosong.any() and not boleh_kosong:
        raise DataTidakValid(
            f"ada {int(kosong.sum())} sel kosong di tabel {nama_tabel}; isi dengan 0 bila memang nol.",
            kolom=kolom,
            baris=_nomor_baris(df, kosong),
        )
    negatif = nilai < 0
    if negatif.any():
        raise DataTidakValid(
            f"ada {int(negatif.sum())} nilai negatif di tabel {nama_tabel}.",
            kolom=kolom,
            baris=_nomor_baris(df, negatif),
        )
    return nilai


def _faktor(df: pd.DataFrame, kolom: str, nama_tabel: str) -> tuple[np.ndarray, np.ndarray]:
    """Kode bilangan bulat tiap baris dan nilai uniknya (terurut); sel kosong ditolak."""
    kode, unik = pd.factorize(df[kolom], sort=True)
    kosong = kode < 0
    if kosong.any():
        raise DataTidakValid(
            f"ada {int(kosong.sum())} sel kosong di tabel {nama_tabel}.",
            kolom=kolom,
            baris=_nomor_baris(df, kosong),
        )
    return kode, np.asarray(unik)


def _tolak_kode(
    df: pd.DataFrame, kolom: str, kode: np.ndarray, unik_salah: np.ndarray, pesan: str
) -> DataTidakValid:
    salah = np.isin(kode, unik_salah)
    return DataTidakValid(pesan, kolom=kolom, baris=_nomor_baris(df, salah))


def _contoh(nilai: Iterable[object], batas: int = 5) -> str:
    daftar = [str(v) for v in nilai]
    teks = ", ".join(f"'{v}'" for v in daftar[:batas])
    return teks + (f" (dan {len(daftar) - batas} lainnya)" if len(daftar) > batas else "")


# --- Rekap inti: satu lintasan atas tabel belanja -----------------------------------------


@dataclass
class _Rekap:
    """Jumlah rupiah per wilayah × tahun dan per kategori sub-bidang."""

    kode: np.ndarray  # kode wilayah per baris (teks)
    tahun: np.ndarray  # tahun per baris
    anggaran: np.ndarray  # bentuk (baris, _N_KATEGORI)
    realisasi: np.ndarray  # bentuk (baris, _N_KATEGORI)
    jumlah_desa: np.ndarray  # banyak desa per baris
    desa: np.ndarray  # kode desa unik (untuk rekap desa: indeks ke sini)
    indeks_desa: np.ndarray  # hanya untuk rekap desa: posisi desa per baris
    indeks_tahun: np.ndarray  # posisi tahun per baris di ``tahun_unik``
    tahun_unik: np.ndarray

    def total(self, nilai: str) -> np.ndarray:
        return getattr(self, nilai).sum(axis=1)

    def layanan_dasar(self, nilai: str) -> np.ndarray:
        return getattr(self, nilai)[:, : len(_LAYANAN)].sum(axis=1)


def _rekap_desa(belanja: pd.DataFrame, tahun: int | Iterable[int] | None) -> _Rekap:
    """Jumlahkan belanja per desa × tahun × kategori sub-bidang (vektor, tanpa loop per desa)."""
    _periksa_kolom(belanja, BELANJA.nama_kolom, "belanja")
    if belanja.empty:  # tabel tanpa baris (mis. data sendiri tanpa APBDes): hasil kosong
        return _rekap_kosong()
    df = belanja
    daftar_tahun = _daftar_tahun(tahun)
    if daftar_tahun is not None:
        df = df[df["tahun"].isin(daftar_tahun)]
        if df.empty:
            ada = sorted(pd.unique(belanja["tahun"].dropna()).tolist())
            raise DataTidakValid(
                f"tidak ada baris belanja untuk tahun {', '.join(map(str, daftar_tahun))}. "
                f"Tahun yang ada: {', '.join(map(str, ada)) or '(tabel kosong)'}.",
                kolom="tahun",
            )

    anggaran = _periksa_rupiah(df, "anggaran", "belanja")
    realisasi = _periksa_rupiah(df, "realisasi", "belanja")
    i_desa, desa = _faktor(df, "kode_desa", "belanja")
    i_tahun, tahun_unik = _faktor(df, "tahun", "belanja")
    i_sub, sub = _faktor(df, "kode_sub_bidang", "belanja")

    desa = desa.astype(str)
    salah = np.array([not _POLA_KODE_DESA.match(k) for k in desa], dtype=bool)
    if salah.any():
        raise _tolak_kode(
            df,
            "kode_desa",
            i_desa,
            np.flatnonzero(salah),
            "kode desa harus berpola PP.KK.CC.NNNN (mis. '33.22.01.2001'); ditemukan "
            + _contoh(desa[salah])
            + ".",
        )
    peta = _kategori_per_kode()
    sub_teks = [str(s).strip() for s in sub]
    tak_dikenal = np.array([s not in peta for s in sub_teks], dtype=bool)
    if tak_dikenal.any():
        raise _tolak_kode(
            df,
            "kode_sub_bidang",
            i_sub,
            np.flatnonzero(tak_dikenal),
            "kode sub-bidang tidak dikenal: "
            + _contoh(np.asarray(sub_teks)[tak_dikenal])
            + ". Kode yang sah ada di referensi_sub_bidang() (Permendagri 20/2018), mis. '2.1'.",
        )
    n_desa, n_tahun, n_sub = len(desa), len(tahun_unik), len(sub)

    # Satu baris per desa × tahun × sub-bidang: baris ganda akan terhitung dua kali.
    kunci_lengkap = (i_desa.astype(np.int64) * n_tahun + i_tahun) * n_sub + i_sub
    banyak = np.bincount(kunci_lengkap, minlength=n_desa * n_tahun * n_sub)
    if (banyak > 1).any():
        ganda = np.isin(kunci_lengkap, np.flatnonzero(banyak > 1))
        raise DataTidakValid(
            "baris ganda di tabel belanja: kombinasi kode_desa, tahun, dan kode_sub_bidang yang "
            "sama muncul lebih dari sekali (akan terhitung dua kali).",
            kolom=["kode_desa", "tahun", "kode_sub_bidang"],
            baris=_nomor_baris(df, ganda),
        )

    kategori = np.array([peta[s] for s in sub_teks], dtype=np.int64)[i_sub]
    sel = i_desa.astype(np.int64) * n_tahun + i_tahun
    kunci = sel * _N_KATEGORI + kategori
    ukuran = n_desa * n_tahun * _N_KATEGORI
    jumlah_a = np.bincount(kunci, weights=anggaran, minlength=ukuran).reshape(-1, _N_KATEGORI)
    jumlah_r = np.bincount(kunci, weights=realisasi, minlength=ukuran).reshape(-1, _N_KATEGORI)
    ada = np.flatnonzero(np.bincount(sel, minlength=n_desa * n_tahun) > 0)
    indeks_desa, indeks_tahun = np.divmod(ada, n_tahun)
    return _Rekap(
        kode=desa[indeks_desa],
        tahun=tahun_unik[indeks_tahun],
        anggaran=jumlah_a[ada],
        realisasi=jumlah_r[ada],
        jumlah_desa=np.ones(len(ada), dtype=np.int64),
        desa=desa,
        indeks_desa=indeks_desa,
        indeks_tahun=indeks_tahun,
        tahun_unik=tahun_unik,
    )


def _rekap_kosong() -> _Rekap:
    """Rekap tanpa baris: tabel belanja kosong (mis. data sendiri tanpa APBDes) → hasil kosong."""
    kosong = np.empty(0, dtype=np.int64)
    return _Rekap(
        kode=np.empty(0, dtype=object),
        tahun=kosong,
        anggaran=np.empty((0, _N_KATEGORI)),
        realisasi=np.empty((0, _N_KATEGORI)),
        jumlah_desa=kosong,
        desa=np.empty(0, dtype=object),
        indeks_desa=kosong,
        indeks_tahun=kosong,
        tahun_unik=kosong,
    )


def _kelompok(rekap: _Rekap, tingkat: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Untuk setiap baris rekap desa: nomor kelompok wilayah × tahun, kode wilayah unik, banyak kelompok."""
    awalan = pd.Index(rekap.desa).str.slice(0, _PANJANG_KODE[tingkat])
    i_wil_desa, wilayah = pd.factorize(awalan, sort=True)
    n_tahun = len(rekap.tahun_unik)
    grup = i_wil_desa[rekap.indeks_desa].astype(np.int64) * n_tahun + rekap.indeks_tahun
    return grup, np.asarray(wilayah, dtype=object), len(wilayah) * n_tahun


def _jumlahkan(grup: np.ndarray, n_grup: int, nilai: np.ndarray) -> np.ndarray:
    """Jumlah per kelompok untuk larik 1-D atau 2-D (kolom per kolom)."""
    if nilai.ndim == 1:
        return np.bincount(grup, weights=nilai, minlength=n_grup)
    return np.column_stack(
        [np.bincount(grup, weights=nilai[:, j], minlength=n_grup) for j in range(nilai.shape[1])]
    )


def _ke_tingkat(
    rekap: _Rekap, tingkat: str, tambahan: dict[str, np.ndarray] | None = None
) -> tuple[_Rekap, dict[str, np.ndarray]]:
    """Jumlahkan rekap desa (dan larik ``tambahan`` per baris desa) ke tingkat yang diminta."""
    tambahan = tambahan or {}
    if tingkat == "desa":
        return rekap, tambahan
    grup, wilayah, n_grup = _kelompok(rekap, tingkat)
    jumlah_desa = np.bincount(grup, minlength=n_grup)
    ada = np.flatnonzero(jumlah_desa > 0)
    i_wil, i_tahun = np.divmod(ada, len(rekap.tahun_unik))
    hasil = _Rekap(
        kode=wilayah[i_wil],
        tahun=rekap.tahun_unik[i_tahun],
        anggaran=_jumlahkan(grup, n_grup, rekap.anggaran)[ada],
        realisasi=_jumlahkan(grup, n_grup, rekap.realisasi)[ada],
        jumlah_desa=jumlah_desa[ada],
        desa=rekap.desa,
        indeks_desa=np.empty(0, dtype=np.int64),
        indeks_tahun=i_tahun,
        tahun_unik=rekap.tahun_unik,
    )
    return hasil, {k: _jumlahkan(grup, n_grup, v)[ada] for k, v in tambahan.items()}


def _porsi(pembilang: np.ndarray, penyebut: np.ndarray) -> np.ndarray:
    """100 × pembilang / penyebut; NaN bila penyebut nol (dihitung ×100 dulu agar 300/1000 tepat 30)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(penyebut > 0, pembilang * 100.0 / penyebut, np.nan)


def _bagi(pembilang: np.ndarray, penyebut: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(penyebut > 0, pembilang / penyebut, np.nan)


def _awal_tabel(rekap: _Rekap, tingkat: str) -> dict[str, np.ndarray]:
    kolom = {"kode_wilayah": rekap.kode.astype(object), "tahun": rekap.tahun}
    if tingkat != "desa":
        kolom["jumlah_desa"] = rekap.jumlah_desa
    return kolom
