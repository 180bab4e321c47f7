"""Kualitas belanja desa dari tabel belanja APBDes (kode sub-bidang Permendagri 20/2018).

Empat ukuran, masing-masing di tingkat desa, kecamatan, kabupaten, atau provinsi:

* **porsi layanan dasar** — bagian belanja yang masuk ke sub-bidang layanan dasar
  (:func:`porsi_layanan_dasar`);
* **porsi siltap** — bagian sub-bidang 1.1 (siltap, tunjangan, dan operasional pemerintah
  desa) terhadap batas 30 % (:func:`porsi_siltap`);
* **belanja layanan dasar per kapita** — rupiah per penduduk (:func:`belanja_per_kapita`);
* **persentase realisasi** — realisasi dibagi anggaran (:func:`realisasi`);

dan satu tabel gabungan (:func:`ringkasan_apbdes`). Untuk pertanyaan "apakah uang desa
mengalir ke tempat kesenjangannya?", :func:`uang_vs_kesenjangan` menggabungkan kesenjangan
indikator layanan per desa (``p3pd.indikator``) dengan porsi belanja layanan yang sama.

Di tingkat kecamatan, kabupaten, dan provinsi, **rupiah dijumlahkan dulu, baru dibagi**
(sama seperti cacah pada indikator layanan dasar). Rata-rata porsi desa memberi bobot yang
sama pada desa berbelanja kecil dan besar, dan hasilnya keliru. Kode wilayah diambil dari
awalan kode desa: ``PP.KK.CC`` (8 karakter) untuk kecamatan, ``PP.KK`` (5) untuk kabupaten,
``PP`` (2) untuk provinsi.

Pemetaan sub-bidang ke layanan dasar ada di ``referensi/sub_bidang.csv`` (kolom ``layanan``):
1.3 → adminduk, 2.1 → pendidikan, 2.2 → kesehatan, 2.4 → air bersih & sanitasi, dan
5.3 → jaminan sosial. Pemetaan 5.3 (Keadaan Mendesak) adalah **asumsi**: BLT Dana Desa lazim
dianggarkan di sub-bidang itu, tetapi itu kebiasaan praktik, bukan ketentuan peraturan.

Semua fungsi mengembalikan tabel dengan kolom kunci ``kode_wilayah`` dan ``tahun`` (sama
seperti ``p3pd.indikator.hitung_capaian``, sehingga keduanya dapat digabung dengan
``merge(on=["kode_wilayah", "tahun"])``), diurutkan menurut kode lalu tahun. Porsi dan
persentase dalam persen (0–100); pembagian dengan nol menghasilkan NaN. Tabel masukan tidak
pernah diubah.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from p3pd.galat import DataTidakValid
from p3pd.lokasi import folder_referensi
from p3pd.skema import BELANJA, LAYANAN

TINGKAT = ("desa", "kecamatan", "kabupaten", "provinsi")
"""Tingkat wilayah, dari terkecil ke terbesar."""

BATAS_SILTAP = 30.0
"""Batas porsi belanja siltap, tunjangan, dan operasional pemerintah desa (persen).

PP 43/2014 sebagaimana telah diubah, Pasal 100: paling banyak 30 % dari jumlah anggaran
belanja desa. Porsi tepat 30 % masih memenuhi ketentuan."""

KODE_SILTAP = "1.1"
"""Sub-bidang Penyelenggaraan Belanja Siltap, Tunjangan dan Operasional Pemerintahan Desa."""

NILAI = ("anggaran", "realisasi")
"""Kolom rupiah yang dapat dipakai sebagai dasar hitungan."""

_PANJANG_KODE = {"kecamatan": 8, "kabupaten": 5, "provinsi": 2}
_POLA_KODE_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
_KUNCI = ["kode_wilayah", "tahun"]
# Kategori internal tiap sub-bidang: 0–4 = layanan (urutan skema.LAYANAN), lalu siltap, lainnya.
_LAYANAN = tuple(LAYANAN)
_K_SILTAP = len(_LAYANAN)
_K_LAIN = _K_SILTAP + 1
_N_KATEGORI = _K_LAIN + 1


# --- Referensi ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _baca_referensi() -> pd.DataFrame:
    df = pd.read_csv(
        folder_referensi() / "sub_bidang.csv", dtype=str, keep_default_na=False, encoding="utf-8"
    )
    df["layanan"] = df["layanan"].replace("", np.nan)
    return df


def referensi_sub_bidang() -> pd.DataFrame:
    """Tabel referensi sub-bidang belanja desa (Permendagri 20/2018) dan layanan dasarnya.

    Kolom: ``kode_sub_bidang`` (teks, mis. ``'2.1'``), ``kode_bidang``, ``nama_bidang``,
    ``nama_sub_bidang``, ``layanan`` (kunci ``skema.LAYANAN`` atau kosong/NaN bila bukan
    layanan dasar). Berkas dibaca sekali saat pertama kali diminta; setiap panggilan
    mengembalikan salinan, jadi mengubah hasilnya tidak mengubah referensi.
    """
    return _baca_referensi().copy()


@lru_cache(maxsize=1)
def _kategori_per_kode() -> dict[str, int]:
    ref = _baca_referensi()
    hasil = {}
    for kode, layanan in zip(ref["kode_sub_bidang"], ref["layanan"], strict=True):
        if isinstance(layanan, str):
            hasil[kode] = _LAYANAN.index(layanan)
        elif kode == KODE_SILTAP:
            hasil[kode] = _K_SILTAP
        else:
            hasil[kode] = _K_LAIN
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


def _periksa_rupiah(df: pd.DataFrame, kolom: str, nama_tabel: str) -> np.ndarray:
    """Kembalikan kolom sebagai float64 setelah memastikan angka, tidak kosong, tidak negatif."""
    seri = df[kolom]
    if not pd.api.types.is_numeric_dtype(seri.dtype) or pd.api.types.is_bool_dtype(seri.dtype):
        raise DataTidakValid(
            f"kolom di tabel {nama_tabel} harus berisi angka (rupiah/jiwa), bukan teks.",
            kolom=kolom,
        )
    nilai = seri.to_numpy(dtype="float64", na_value=np.nan)
    kosong = np.isnan(nilai)
    if kosong.any():
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
    if df.empty:
        raise DataTidakValid("tabel belanja tidak berisi baris data.")

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
    cacah = np.bincount(kunci_lengkap, minlength=n_desa * n_tahun * n_sub)
    if (cacah > 1).any():
        ganda = np.isin(kunci_lengkap, np.flatnonzero(cacah > 1))
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


def _kolom_layanan_dasar(rekap: _Rekap, nilai: str) -> dict[str, np.ndarray]:
    jumlah = getattr(rekap, nilai)
    total = rekap.total(nilai)
    dasar = rekap.layanan_dasar(nilai)
    kolom = {
        "total_belanja": total,
        "belanja_layanan_dasar": dasar,
        "porsi_layanan_dasar": _porsi(dasar, total),
    }
    for j, kunci in enumerate(_LAYANAN):
        kolom[f"porsi_{kunci}"] = _porsi(jumlah[:, j], total)
    for j, kunci in enumerate(_LAYANAN):
        kolom[f"belanja_{kunci}"] = jumlah[:, j]
    return kolom


def _melebihi(siltap: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Siltap > 30 % total, dibandingkan dalam rupiah (tanpa galat pembulatan persen)."""
    return (total > 0) & (siltap * 100.0 > BATAS_SILTAP * total)


# --- Fungsi publik ------------------------------------------------------------------------


def porsi_layanan_dasar(
    belanja: pd.DataFrame,
    tingkat: str = "desa",
    tahun: int | Iterable[int] | None = None,
    nilai: str = "realisasi",
) -> pd.DataFrame:
    """Porsi belanja desa untuk layanan dasar, total dan per layanan, per wilayah dan tahun.

    ``belanja`` adalah tabel belanja APBDes (kolom ``kode_desa, tahun, kode_sub_bidang,
    anggaran, realisasi``). ``tingkat``: ``'desa'``, ``'kecamatan'``, ``'kabupaten'``, atau
    ``'provinsi'``. ``tahun``: satu tahun, daftar tahun, atau ``None`` (semua). ``nilai``:
    ``'realisasi'`` (bawaan) atau ``'anggaran'``. Di atas tingkat desa, rupiah dijumlahkan dulu
    lalu dibagi.

    Kolom hasil: ``kode_wilayah``, ``tahun``, ``jumlah_desa`` (hanya di atas tingkat desa),
    ``total_belanja`` (Rp, semua sub-bidang), ``belanja_layanan_dasar`` (Rp),
    ``porsi_layanan_dasar`` (%), ``porsi_pendidikan``, ``porsi_kesehatan``,
    ``porsi_air_sanitasi``, ``porsi_jaminan_sosial``, ``porsi_adminduk`` (% dari total
    belanja), lalu ``belanja_pendidikan`` … ``belanja_adminduk`` (Rp). Total belanja nol → NaN.
    Catatan: jaminan sosial = sub-bidang 5.3 (asumsi, lihat keterangan modul).
    """
    _periksa_tingkat(tingkat)
    _periksa_nilai(nilai)
    rekap, _ = _ke_tingkat(_rekap_desa(belanja, tahun), tingkat)
    return pd.DataFrame(_awal_tabel(rekap, tingkat) | _kolom_layanan_dasar(rekap, nilai))


def porsi_siltap(
    belanja: pd.DataFrame,
    tingkat: str = "desa",
    tahun: int | Iterable[int] | None = None,
    nilai: str = "anggaran",
) -> pd.DataFrame:
    """Porsi belanja sub-bidang 1.1 (siltap, tunjangan, operasional) terhadap batas 30 %.

    Batas: PP 43/2014 sebagaimana telah diubah, Pasal 100 — paling banyak 30 % dari jumlah
    anggaran belanja desa (``BATAS_SILTAP``). Karena batas itu berlaku pada APBDes yang
    ditetapkan, bawaan ``nilai='anggaran'``; ``nilai='realisasi'`` memeriksa realisasinya.
    Sub-bidang 1.1 dipakai sebagai pendekatan pos yang dibatasi. Tepat 30 % **tidak**
    melebihi batas.

    Kolom hasil: ``kode_wilayah``, ``tahun``, ``jumlah_desa`` (hanya di atas tingkat desa),
    ``total_belanja`` (Rp), ``belanja_siltap`` (Rp), ``porsi_siltap`` (%), ``melebihi_batas``
    (benar bila porsi wilayah itu > 30 %; total nol → salah dan porsi NaN), dan di atas tingkat
    desa ``jumlah_desa_melebihi_batas`` (banyak desa yang porsinya sendiri > 30 %).
    """
    _periksa_tingkat(tingkat)
    _periksa_nilai(nilai)
    desa = _rekap_desa(belanja, tahun)
    jumlah = getattr(desa, nilai)
    lewat_desa = _melebihi(jumlah[:, _K_SILTAP], jumlah.sum(axis=1)).astype(np.int64)
    rekap, tambah = _ke_tingkat(desa, tingkat, {"jumlah_desa_melebihi_batas": lewat_desa})
    jumlah = getattr(rekap, nilai)
    total = jumlah.sum(axis=1)
    siltap = jumlah[:, _K_SILTAP]
    kolom = _awal_tabel(rekap, tingkat) | {
        "total_belanja": total,
        "belanja_siltap": siltap,
        "porsi_siltap": _porsi(siltap, total),
        "melebihi_batas": _melebihi(siltap, total),
    }
    if tingkat != "desa":
        kolom["jumlah_desa_melebihi_batas"] = tambah["jumlah_desa_melebihi_batas"].astype(np.int64)
    return pd.DataFrame(kolom)


def _penduduk_per_desa(penduduk: pd.DataFrame, rekap: _Rekap) -> np.ndarray:
    """Jumlah penduduk untuk setiap baris rekap desa; desa-tahun yang tidak ada → galat."""
    _periksa_kolom(penduduk, ["kode_desa", "tahun", "jumlah_penduduk"], "penduduk")
    jiwa = _periksa_rupiah(penduduk, "jumlah_penduduk", "penduduk")
    i_desa = pd.Index(rekap.desa).get_indexer(penduduk["kode_desa"].astype(str))
    i_tahun = pd.Index(rekap.tahun_unik).get_indexer(penduduk["tahun"])
    pakai = (i_desa >= 0) & (i_tahun >= 0)
    n_tahun = len(rekap.tahun_unik)
    sel = i_desa[pakai].astype(np.int64) * n_tahun + i_tahun[pakai]
    cacah = np.bincount(sel, minlength=len(rekap.desa) * n_tahun)
    if (cacah > 1).any():
        ganda = np.zeros(len(penduduk), dtype=bool)
        ganda[np.flatnonzero(pakai)[np.isin(sel, np.flatnonzero(cacah > 1))]] = True
        raise DataTidakValid(
            "baris ganda di tabel penduduk: kombinasi kode_desa dan tahun yang sama muncul "
            "lebih dari sekali.",
            kolom=["kode_desa", "tahun"],
            baris=_nomor_baris(penduduk, ganda),
        )
    peta = np.full(len(rekap.desa) * n_tahun, np.nan)
    peta[sel] = jiwa[pakai]
    hasil = peta[rekap.indeks_desa.astype(np.int64) * n_tahun + rekap.indeks_tahun]
    hilang = np.isnan(hasil)
    if hilang.any():
        contoh = [
            f"{k} ({t})" for k, t in zip(rekap.kode[hilang], rekap.tahun[hilang], strict=True)
        ]
        raise DataTidakValid(
            f"{int(hilang.sum())} pasangan desa-tahun ada di tabel belanja tetapi tidak ada di "
            "tabel penduduk: " + _contoh(contoh) + ".",
            kolom=["kode_desa", "tahun", "jumlah_penduduk"],
        )
    return hasil


def _kolom_per_kapita(rekap: _Rekap, jiwa: np.ndarray, nilai: str) -> dict[str, np.ndarray]:
    dasar = rekap.layanan_dasar(nilai)
    return {
        "jumlah_penduduk": jiwa.astype(np.int64),
        "belanja_layanan_dasar_per_kapita": _bagi(dasar, jiwa),
    }


def belanja_per_kapita(
    belanja: pd.DataFrame,
    penduduk: pd.DataFrame,
    tingkat: str = "desa",
    tahun: int | Iterable[int] | None = None,
    nilai: str = "realisasi",
) -> pd.DataFrame:
    """Belanja layanan dasar per penduduk (Rp/jiwa), per wilayah dan tahun.

    ``penduduk`` memuat ``kode_desa``, ``tahun``, ``jumlah_penduduk`` (mis. tabel indikator
    desa). Hanya desa yang ada di tabel belanja yang dihitung; setiap desa-tahun di tabel
    belanja harus punya jumlah penduduk (bila tidak, muncul galat yang menyebut desanya). Di
    atas tingkat desa, rupiah dan penduduk **masing-masing dijumlahkan dulu**, baru dibagi.

    Kolom hasil: ``kode_wilayah``, ``tahun``, ``jumlah_desa`` (hanya di atas tingkat desa),
    ``belanja_layanan_dasar`` (Rp), ``jumlah_penduduk`` (jiwa),
    ``belanja_layanan_dasar_per_kapita`` (Rp/jiwa; penduduk nol → NaN).
    """
    _periksa_tingkat(tingkat)
    _periksa_nilai(nilai)
    desa = _rekap_desa(belanja, tahun)
    rekap, tambah = _ke_tingkat(desa, tingkat, {"jiwa": _penduduk_per_desa(penduduk, desa)})
    kolom = _awal_tabel(rekap, tingkat) | {"belanja_layanan_dasar": rekap.layanan_dasar(nilai)}
    return pd.DataFrame(kolom | _kolom_per_kapita(rekap, tambah["jiwa"], nilai))


def _kolom_realisasi(rekap: _Rekap) -> dict[str, np.ndarray]:
    ta, tr = rekap.total("anggaran"), rekap.total("realisasi")
    da, dr = rekap.layanan_dasar("anggaran"), rekap.layanan_dasar("realisasi")
    return {
        "total_anggaran": ta,
        "total_realisasi": tr,
        "persen_realisasi": _porsi(tr, ta),
        "anggaran_layanan_dasar": da,
        "realisasi_layanan_dasar": dr,
        "persen_realisasi_layanan_dasar": _porsi(dr, da),
    }


def realisasi(
    belanja: pd.DataFrame,
    tingkat: str = "desa",
    tahun: int | Iterable[int] | None = None,
) -> pd.DataFrame:
    """Persentase realisasi belanja (realisasi ÷ anggaran × 100), total dan layanan dasar.

    Kolom hasil: ``kode_wilayah``, ``tahun``, ``jumlah_desa`` (hanya di atas tingkat desa),
    ``total_anggaran``, ``total_realisasi`` (Rp), ``persen_realisasi`` (%),
    ``anggaran_layanan_dasar``, ``realisasi_layanan_dasar`` (Rp),
    ``persen_realisasi_layanan_dasar`` (%). Anggaran nol → NaN. Di atas tingkat desa, rupiah
    dijumlahkan dulu lalu dibagi.
    """
    _periksa_tingkat(tingkat)
    rekap, _ = _ke_tingkat(_rekap_desa(belanja, tahun), tingkat)
    return pd.DataFrame(_awal_tabel(rekap, tingkat) | _kolom_realisasi(rekap))


def ringkasan_apbdes(
    belanja: pd.DataFrame,
    penduduk: pd.DataFrame,
    tingkat: str = "desa",
    tahun: int | Iterable[int] | None = None,
    nilai: str = "realisasi",
) -> pd.DataFrame:
    """Satu tabel kualitas belanja: realisasi, porsi layanan dasar, porsi siltap, per kapita.

    Tabel belanja dibaca sekali untuk semua ukuran. ``nilai`` (bawaan ``'realisasi'``) dipakai
    untuk porsi layanan dasar dan belanja per kapita; porsi siltap selalu dihitung dari
    **anggaran**, karena batas 30 % berlaku pada APBDes yang ditetapkan (lihat
    :func:`porsi_siltap`).

    Kolom hasil: ``kode_wilayah``, ``tahun``, ``jumlah_desa`` (hanya di atas tingkat desa),
    ``total_anggaran``, ``total_realisasi``, ``persen_realisasi``, ``belanja_layanan_dasar``
    (Rp, menurut ``nilai``), ``porsi_layanan_dasar``, ``porsi_pendidikan``,
    ``porsi_kesehatan``, ``porsi_air_sanitasi``, ``porsi_jaminan_sosial``, ``porsi_adminduk``
    (%), ``porsi_siltap`` (%, dari anggaran), ``melebihi_batas``,
    ``jumlah_desa_melebihi_batas`` (hanya di atas tingkat desa), ``jumlah_penduduk``,
    ``belanja_layanan_dasar_per_kapita`` (Rp/jiwa).
    """
    _periksa_tingkat(tingkat)
    _periksa_nilai(nilai)
    desa = _rekap_desa(belanja, tahun)
    lewat_desa = _melebihi(desa.anggaran[:, _K_SILTAP], desa.total("anggaran")).astype(np.int64)
    tambahan = {"jiwa": _penduduk_per_desa(penduduk, desa), "lewat": lewat_desa}
    rekap, tambah = _ke_tingkat(desa, tingkat, tambahan)

    layanan = _kolom_layanan_dasar(rekap, nilai)
    siltap, total_a = rekap.anggaran[:, _K_SILTAP], rekap.total("anggaran")
    real = _kolom_realisasi(rekap)
    kolom = _awal_tabel(rekap, tingkat) | {
        "total_anggaran": real["total_anggaran"],
        "total_realisasi": real["total_realisasi"],
        "persen_realisasi": real["persen_realisasi"],
        "belanja_layanan_dasar": layanan["belanja_layanan_dasar"],
        "porsi_layanan_dasar": layanan["porsi_layanan_dasar"],
    }
    kolom |= {f"porsi_{k}": layanan[f"porsi_{k}"] for k in _LAYANAN}
    kolom |= {"porsi_siltap": _porsi(siltap, total_a), "melebihi_batas": _melebihi(siltap, total_a)}
    if tingkat != "desa":
        kolom["jumlah_desa_melebihi_batas"] = tambah["lewat"].astype(np.int64)
    kolom |= _kolom_per_kapita(rekap, tambah["jiwa"], nilai)
    return pd.DataFrame(kolom)


# --- Uang dan kesenjangan -----------------------------------------------------------------

KELOMPOK_UANG = (
    "kesenjangan besar, porsi kecil",
    "kesenjangan besar, porsi besar",
    "kesenjangan kecil, porsi kecil",
    "kesenjangan kecil, porsi besar",
)
"""Empat kelompok :func:`uang_vs_kesenjangan`; yang pertama adalah desa yang perlu ditelaah."""

TANPA_DATA = "tanpa data"
"""Kelompok desa yang kesenjangan atau porsi belanjanya tidak dapat dihitung."""


SEMUA_LAYANAN = "semua"
"""Nilai ``layanan`` untuk kelima layanan dasar sekaligus (sama dengan ``None``)."""


def _pilih_layanan(layanan: str | None) -> str | None:
    """Kunci layanan yang sah, atau ``None`` untuk semua layanan dasar."""
    if layanan is None or layanan == SEMUA_LAYANAN:
        return None
    if layanan not in LAYANAN:
        raise ValueError(
            f"Layanan '{layanan}' tidak dikenal. Pilihan: {', '.join(LAYANAN)}, "
            f"atau '{SEMUA_LAYANAN}' untuk kelima layanan dasar."
        )
    return layanan


def _saring_awalan(df: pd.DataFrame, wilayah: str | None, nama_tabel: str) -> pd.DataFrame:
    """Baris yang kode desanya berawalan ``wilayah`` (kode kecamatan/kabupaten/provinsi)."""
    if wilayah is None:
        return df
    from p3pd.wilayah import normalisasi_kode

    kode = normalisasi_kode(wilayah)
    hasil = df[df["kode_desa"].astype(str).str.startswith(kode)]
    if hasil.empty:
        raise DataTidakValid(
            f"tidak ada desa berkode awalan '{kode}' di tabel {nama_tabel}.", kolom="kode_desa"
        )
    return hasil


def _kesenjangan_desa(indikator: pd.DataFrame, layanan: str | None, tahun: int) -> pd.DataFrame:
    """Rata-rata kesenjangan positif (poin persen) per desa untuk satu layanan atau semua layanan."""
    from p3pd.indikator import DAFTAR_INDIKATOR, hitung_capaian

    daftar = [
        i
        for i in DAFTAR_INDIKATOR
        if i.target is not None and (layanan is None or i.layanan == layanan)
    ]
    _periksa_kolom(
        indikator,
        ["kode_desa", "tahun"] + sorted({c for i in daftar for c in (i.pembilang, i.penyebut)}),
        "indikator",
    )
    if not (indikator["tahun"] == tahun).any():
        ada = sorted(pd.unique(indikator["tahun"].dropna()).tolist())
        raise DataTidakValid(
            f"tidak ada baris indikator untuk tahun {tahun}. "
            f"Tahun yang ada: {', '.join(map(str, ada)) or '(tabel kosong)'}.",
            kolom="tahun",
        )
    panjang = hitung_capaian(indikator, "desa", tahun=tahun, indikator=[i.kode for i in daftar])
    panjang = panjang.assign(
        positif=panjang["kesenjangan"].clip(lower=0),
        belum=(panjang["kesenjangan"] > 0).astype(np.int64),
        ada=panjang["capaian"].notna().astype(np.int64),
    )
    # Rata-rata per layanan dulu, lalu (bila semua layanan) rata-rata kelima layanan: setiap
    # layanan berbobot sama, berapa pun banyak indikatornya.
    per_layanan = panjang.groupby(["kode_wilayah", "layanan"], sort=True).agg(
        kesenjangan=("positif", "mean"), belum=("belum", "sum"), ada=("ada", "sum")
    )
    per_desa = per_layanan.groupby(level="kode_wilayah", sort=True).agg(
        kesenjangan=("kesenjangan", "mean"), belum=("belum", "sum"), ada=("ada", "sum")
    )
    return pd.DataFrame(
        {
            "kode_desa": per_desa.index.astype(str),
            "kesenjangan": per_desa["kesenjangan"].to_numpy(dtype="float64"),
            "indikator_belum_tercapai": per_desa["belum"].to_numpy(dtype=np.int64),
            "jumlah_indikator": per_desa["ada"].to_numpy(dtype=np.int64),
        }
    )


def uang_vs_kesenjangan(
    belanja: pd.DataFrame,
    indikator: pd.DataFrame,
    layanan: str | None = None,
    tahun: int | None = None,
    wilayah: str | None = None,
    nilai: str = "realisasi",
    *,
    daftar_desa: pd.DataFrame | None = None,
    batas_kesenjangan: float | None = None,
    batas_porsi: float | None = None,
) -> pd.DataFrame:
    """Apakah uang desa mengalir ke tempat kesenjangannya? Kesenjangan dan porsi belanja per desa.

    ``belanja`` adalah tabel belanja APBDes, ``indikator`` tabel indikator desa (pembilang dan
    penyebut). ``layanan``: satu kunci ``skema.LAYANAN`` (mis. ``'kesehatan'``), atau
    ``'semua'``/``None`` untuk kelima layanan dasar. ``tahun``: bawaan tahun terakhir di tabel belanja.
    ``wilayah``: kode kecamatan/kabupaten/provinsi (mis. ``'33.22.02'``) untuk membatasi desa.
    ``nilai``: ``'realisasi'`` (bawaan) atau ``'anggaran'``. ``daftar_desa`` (opsional, mis.
    ``muat.muat_wilayah()``) menambahkan kolom ``nama_desa``.

    - **Kesenjangan** (poin persen): untuk setiap indikator layanan itu yang punya target
      (``p3pd.indikator``), jarak capaian desa ke target; 0 bila target sudah tercapai. Lalu
      dirata-rata per layanan. Untuk semua layanan: rata-rata kelima layanan (setiap layanan
      berbobot sama). Indikator tanpa data di desa itu dilewati.
    - **Porsi belanja** (%): belanja sub-bidang layanan itu dibagi total belanja desa (lihat
      :func:`porsi_layanan_dasar`; jaminan sosial = sub-bidang 5.3, sebuah asumsi).
    - **Kelompok**: kesenjangan "besar" bila di atas ``batas_kesenjangan``, porsi "kecil" bila
      di bawah ``batas_porsi``; kedua batas bawaannya median desa-desa di hasil ini, jadi
      kelompok bersifat relatif terhadap desa lain di wilayah yang sama.
      ``perlu_ditelaah`` benar untuk kelompok "kesenjangan besar, porsi kecil".

    Setiap desa di tabel belanja (setelah disaring) harus ada di tabel indikator pada tahun
    itu; desa di tabel indikator tanpa belanja dilewati. Kolom hasil: ``kode_desa``,
    (``nama_desa``), ``tahun``, ``layanan`` (kunci atau ``'semua'``), ``kesenjangan``,
    ``indikator_belum_tercapai``, ``jumlah_indikator``, ``belanja`` (Rp), ``total_belanja``
    (Rp), ``porsi_belanja`` (%), ``kelompok``, ``perlu_ditelaah``; urut menurut kode desa.
    Tabel masukan tidak diubah.
    """
    layanan = _pilih_layanan(layanan)
    _periksa_nilai(nilai)
    _periksa_kolom(belanja, BELANJA.nama_kolom, "belanja")
    _periksa_kolom(indikator, ["kode_desa", "tahun"], "indikator")
    belanja = _saring_awalan(belanja, wilayah, "belanja")
    indikator = _saring_awalan(indikator, wilayah, "indikator")
    if belanja.empty:
        raise DataTidakValid("tabel belanja tidak berisi baris data.")
    if tahun is None:
        tahun = int(pd.to_numeric(belanja["tahun"]).max())
    tahun = int(tahun)

    porsi = porsi_layanan_dasar(belanja, "desa", tahun=tahun, nilai=nilai)
    kunci = "layanan_dasar" if layanan is None else layanan
    uang = pd.DataFrame(
        {
            "kode_desa": porsi["kode_wilayah"].astype(str).to_numpy(),
            "belanja": porsi[f"belanja_{kunci}"].to_numpy(dtype="float64"),
            "total_belanja": porsi["total_belanja"].to_numpy(dtype="float64"),
            "porsi_belanja": porsi[f"porsi_{kunci}"].to_numpy(dtype="float64"),
        }
    )
    senjang = _kesenjangan_desa(indikator, layanan, tahun)
    hilang = ~uang["kode_desa"].isin(senjang["kode_desa"])
    if hilang.any():
        raise DataTidakValid(
            f"{int(hilang.sum())} desa ada di tabel belanja tahun {tahun} tetapi tidak ada di "
            "tabel indikator: " + _contoh(uang.loc[hilang, "kode_desa"]) + ".",
            kolom=["kode_desa", "tahun"],
        )
    hasil = uang.merge(senjang, on="kode_desa", how="left", validate="one_to_one")

    ada = hasil["kesenjangan"].notna() & hasil["porsi_belanja"].notna()
    bk = hasil.loc[ada, "kesenjangan"].median() if batas_kesenjangan is None else batas_kesenjangan
    bp = hasil.loc[ada, "porsi_belanja"].median() if batas_porsi is None else batas_porsi
    besar = (hasil["kesenjangan"] > bk).to_numpy()
    kecil = (hasil["porsi_belanja"] < bp).to_numpy()
    kelompok = np.select(
        [besar & kecil, besar & ~kecil, ~besar & kecil], list(KELOMPOK_UANG[:3]), KELOMPOK_UANG[3]
    )
    kelompok = np.where(ada.to_numpy(), kelompok, TANPA_DATA)

    kolom: dict[str, object] = {"kode_desa": hasil["kode_desa"].to_numpy(dtype=object)}
    if daftar_desa is not None:
        _periksa_kolom(daftar_desa, ["kode_desa", "nama_desa"], "desa")
        nama = daftar_desa.drop_duplicates("kode_desa").set_index("kode_desa")["nama_desa"]
        kolom["nama_desa"] = hasil["kode_desa"].map(nama).to_numpy(dtype=object)
    kolom |= {
        "tahun": np.full(len(hasil), tahun, dtype=np.int64),
        "layanan": SEMUA_LAYANAN if layanan is None else layanan,
        "kesenjangan": hasil["kesenjangan"].to_numpy(),
        "indikator_belum_tercapai": hasil["indikator_belum_tercapai"].to_numpy(dtype=np.int64),
        "jumlah_indikator": hasil["jumlah_indikator"].to_numpy(dtype=np.int64),
        "belanja": hasil["belanja"].to_numpy(),
        "total_belanja": hasil["total_belanja"].to_numpy(),
        "porsi_belanja": hasil["porsi_belanja"].to_numpy(),
        "kelompok": kelompok.astype(object),
        "perlu_ditelaah": kelompok == KELOMPOK_UANG[0],
    }
    return pd.DataFrame(kolom)
