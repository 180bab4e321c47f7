"""Kualitas belanja desa dari tabel belanja APBDes (kode Permendagri 20/2018).

Ukuran-ukuran, masing-masing di tingkat desa, kecamatan, kabupaten, atau provinsi:

* **porsi layanan dasar** — bagian belanja yang masuk ke sub-bidang layanan dasar
  (:func:`porsi_layanan_dasar`);
* **batas 30 %** — bagian belanja yang dibatasi PP 11/2019 (:func:`batas_30_persen`, aturannya
  di bawah);
* **belanja layanan dasar per kapita** — rupiah per penduduk (:func:`belanja_per_kapita`);
* **persentase realisasi** — realisasi dibagi anggaran (:func:`realisasi`);

dan satu tabel gabungan (:func:`ringkasan_apbdes`). Untuk pertanyaan "apakah uang desa
mengalir ke tempat kesenjangannya?", :func:`uang_vs_kesenjangan` menggabungkan kesenjangan
indikator layanan per desa (``p3pd.indikator``) dengan porsi belanja layanan yang sama.

Di tingkat kecamatan, kabupaten, dan provinsi, **rupiah dijumlahkan dulu, baru dibagi**
(sama seperti jumlah warga pada indikator layanan dasar). Rata-rata porsi desa memberi bobot
yang sama pada desa berbelanja kecil dan besar, dan hasilnya keliru. Kode wilayah diambil dari
awalan kode desa: ``PP.KK.CC`` (8 karakter) untuk kecamatan, ``PP.KK`` (5) untuk kabupaten,
``PP`` (2) untuk provinsi.

**Aturan batas 30 %** (PP 43/2014 Pasal 100 sebagaimana diubah PP 11/2019). Belanja desa
paling banyak 30 % dipakai untuk (1) penghasilan tetap dan tunjangan kepala desa, sekretaris
desa, dan perangkat desa lainnya, dan (2) tunjangan BPD. Operasional pemerintahan desa dan
insentif RT/RW ada di sisi paling sedikit 70 %, bersama pembangunan, pembinaan, pemberdayaan,
dan penanggulangan bencana. Pendapatan dari hasil tanah bengkok (atau sebutan lain) tidak ikut
dihitung. Dalam kode kegiatan sub-bidang 1.1, pos yang dibatasi adalah 1.1.01 (siltap dan
tunjangan kepala desa), 1.1.02 (siltap dan tunjangan perangkat desa), dan 1.1.05 (tunjangan
BPD); daftarnya ada di ``referensi/kegiatan.csv`` (lihat ``referensi/SUMBER.md``). Hitungannya:

* porsi yang dibatasi = belanja kegiatan 1.1.01 + 1.1.02 + 1.1.05 ÷ total belanja desa × 100;
  **melebihi batas** hanya bila porsi itu di atas 30 % (tepat 30 % masih memenuhi). Itu
  **dugaan pelanggaran** yang tetap harus dicocokkan dengan dokumen APBDes;
* porsi seluruh sub-bidang 1.1 (termasuk operasional dan RT/RW) di atas 30 % hanyalah
  **indikasi untuk ditelaah**, bukan pelanggaran: sub-bidang 1.1 memuat pos yang tidak dibatasi;
* bila desa tidak punya rincian kegiatan 1.1, porsinya yang dibatasi tidak diketahui; bila
  seluruh 1.1-nya ≤ 30 %, pos yang dibatasi pasti ≤ 30 % juga;
* tanah bengkok: data latihan tidak memuat pendapatan bengkok (dianggap nol). Desa yang
  membayar sebagian siltap dari hasil bengkok harus mengeluarkan belanja itu dari pembilang
  dan penyebut sebelum membandingkan dengan 30 %.

Pemetaan sub-bidang ke layanan dasar dibaca dari satu referensi, ``p3pd.layanan``
(``referensi/sub_bidang.csv``): 1.3 → adminduk, 2.1 → pendidikan, 2.2 → kesehatan,
2.4 → air bersih & sanitasi, dan 5.3 → jaminan sosial. Pemetaan 5.3 (Keadaan Mendesak) adalah
**asumsi**: BLT Dana Desa lazim dianggarkan di sub-bidang itu, tetapi itu kebiasaan praktik,
bukan ketentuan peraturan.

Semua fungsi mengembalikan tabel dengan kolom kunci ``kode_wilayah`` dan ``tahun`` (sama
seperti ``p3pd.indikator.hitung_capaian``, sehingga keduanya dapat digabung dengan
``merge(on=["kode_wilayah", "tahun"])``), diurutkan menurut kode lalu tahun. Porsi dan
persentase dalam persen (0–100); pembagian dengan nol menghasilkan NaN. Tabel masukan tidak
pernah diubah.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from p3pd.apbdes_rekap import (
    _K_1_1,
    _LAYANAN,
    KODE_1_1,
    NILAI,
    TABEL_APBDES,
    TINGKAT,
    _awal_tabel,
    _bagi,
    _contoh,
    _faktor,
    _ke_tingkat,
    _nomor_baris,
    _periksa_kolom,
    _periksa_nilai,
    _periksa_rupiah,
    _periksa_tingkat,
    _porsi,
    _Rekap,
    _rekap_desa,
    ada_data,
    atau_tidak_ada,
    cakupan_desa,
    kode_kelurahan,
    tabel_data,
    tandai_kelurahan,
    teks_tabel,
    teks_tidak_ada,
)
from p3pd.galat import DataTidakValid
from p3pd.layanan import kegiatan_dibatasi as _kegiatan_dibatasi_referensi
from p3pd.layanan import referensi_sub_bidang
from p3pd.skema import BELANJA, LAYANAN

__all__ = [
    "BATAS_30_PERSEN",
    "KODE_1_1",
    "NILAI",
    "STATUS_BATAS",
    "TABEL_APBDES",
    "TINGKAT",
    "ada_data",
    "atau_tidak_ada",
    "batas_30_persen",
    "belanja_per_kapita",
    "cakupan_desa",
    "kegiatan_dibatasi",
    "kode_kelurahan",
    "porsi_layanan_dasar",
    "realisasi",
    "referensi_sub_bidang",
    "ringkasan_apbdes",
    "tabel_data",
    "tandai_kelurahan",
    "teks_tabel",
    "teks_tidak_ada",
    "uang_vs_kesenjangan",
]

BATAS_30_PERSEN = 30.0
"""Batas porsi belanja untuk siltap dan tunjangan kepala desa, sekdes, perangkat desa, dan
tunjangan BPD (persen dari total belanja desa). PP 43/2014 Pasal 100 sebagaimana diubah
PP 11/2019: paling banyak 30 %. Porsi tepat 30 % masih memenuhi ketentuan."""

STATUS_BATAS = {
    "melebihi": "melebihi batas (cocokkan dengan dokumen APBDes)",
    "indikasi": "indikasi: seluruh 1.1 > 30 %, perlu ditelaah",
    "memenuhi": "memenuhi",
    "tanpa_data": "tanpa data",
}
"""Status :func:`batas_30_persen` per desa (kunci → teks yang ditampilkan)."""


def kegiatan_dibatasi() -> tuple[str, ...]:
    """Kode kegiatan sub-bidang 1.1 yang termasuk batas 30 %: ``('1.1.01', '1.1.02', '1.1.05')``.

    Dibaca dari ``referensi/kegiatan.csv`` (kolom ``batas_30_persen``).
    """
    return _kegiatan_dibatasi_referensi()


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


def _di_atas_batas(bagian: np.ndarray, total: np.ndarray) -> np.ndarray:
    """bagian > 30 % total, dibandingkan dalam rupiah (tanpa selisih pembulatan persen)."""
    return (total > 0) & (bagian * 100.0 > BATAS_30_PERSEN * total)


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


def _dibatasi_per_desa(
    kegiatan: pd.DataFrame,
    rekap: _Rekap,
    nilai: str,
    dibatasi: Sequence[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Belanja kegiatan yang dibatasi dan tanda "ada rincian" untuk setiap baris rekap desa.

    Rincian kegiatan harus berjumlah sama dengan baris 1.1 di tabel belanja (anggaran dan
    realisasi); bila tidak, pesan kesalahan menyebut desanya.
    """
    wajib = ["kode_desa", "tahun", "kode_kegiatan", "anggaran", "realisasi"]
    _periksa_kolom(kegiatan, wajib, "belanja_kegiatan")
    n_tahun = len(rekap.tahun_unik)
    n_sel = len(rekap.desa) * n_tahun
    dibatasi_sel = np.zeros(n_sel)
    ada_sel = np.zeros(n_sel, dtype=bool)
    jumlah_sel = {k: np.zeros(n_sel) for k in NILAI}
    if len(kegiatan):
        kode, unik = _faktor(kegiatan, "kode_kegiatan", "belanja_kegiatan")
        unik = np.array([str(u).strip() for u in unik], dtype=object)
        salah = np.array([not u.startswith(KODE_1_1 + ".") for u in unik], dtype=bool)
        if salah.any():
            raise DataTidakValid(
                "kode kegiatan di tabel belanja_kegiatan harus kegiatan sub-bidang 1.1 "
                "(mis. '1.1.01'); ditemukan " + _contoh(unik[salah]) + ".",
                kolom="kode_kegiatan",
                baris=_nomor_baris(kegiatan, np.isin(kode, np.flatnonzero(salah))),
            )
        i_desa = pd.Index(rekap.desa).get_indexer(kegiatan["kode_desa"].astype(str))
        i_tahun = pd.Index(rekap.tahun_unik).get_indexer(kegiatan["tahun"])
        pakai = (i_desa >= 0) & (i_tahun >= 0)
        sel = i_desa[pakai].astype(np.int64) * n_tahun + i_tahun[pakai]
        kena = np.isin(unik, list(dibatasi))[kode][pakai]
        rupiah = {k: _periksa_rupiah(kegiatan, k, "belanja_kegiatan")[pakai] for k in NILAI}
        dibatasi_sel = np.bincount(sel, weights=rupiah[nilai] * kena, minlength=n_sel)
        ada_sel = np.bincount(sel, minlength=n_sel) > 0
        jumlah_sel = {k: np.bincount(sel, weights=v, minlength=n_sel) for k, v in rupiah.items()}
    baris = rekap.indeks_desa.astype(np.int64) * n_tahun + rekap.indeks_tahun
    ada = ada_sel[baris]
    for k in NILAI:
        beda = ada & ~np.isclose(jumlah_sel[k][baris], getattr(rekap, k)[:, _K_1_1], atol=0.5)
        if beda.any():
            contoh = [
                f"{d} ({t})" for d, t in zip(rekap.kode[beda], rekap.tahun[beda], strict=True)
            ]
            raise DataTidakValid(
                f"jumlah {k} kegiatan 1.1 di tabel belanja_kegiatan tidak sama dengan {k} "
                f"sub-bidang 1.1 di tabel belanja untuk {int(beda.sum())} desa-tahun: "
                + _contoh(contoh)
                + ". Periksa apakah kedua tabel berasal dari APBDes yang sama.",
                kolom=["kode_desa", "tahun", k],
            )
    return dibatasi_sel[baris], ada


def batas_30_persen(
    belanja: pd.DataFrame,
    kegiatan: pd.DataFrame | None = None,
    tingkat: str = "desa",
    tahun: int | Iterable[int] | None = None,
    nilai: str = "anggaran",
    *,
    dibatasi: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Batas 30 % PP 11/2019: porsi pos yang dibatasi dan porsi seluruh sub-bidang 1.1.

    ``belanja``: tabel belanja APBDes per sub-bidang. ``kegiatan``: rincian kegiatan sub-bidang
    1.1 (tabel ``belanja_kegiatan``: ``kode_desa, tahun, kode_kegiatan, anggaran, realisasi``);
    tanpa rincian, hanya indikasi yang dapat dihitung. ``dibatasi``: kode kegiatan yang dibatasi
    (bawaan :func:`kegiatan_dibatasi`, yaitu 1.1.01, 1.1.02, 1.1.05). Batas berlaku pada APBDes
    yang ditetapkan, jadi bawaan ``nilai='anggaran'``. Penyebut: total belanja desa (semua
    sub-bidang). Aturan lengkap dan soal tanah bengkok: lihat keterangan modul.

    Kolom hasil: ``kode_wilayah``, ``tahun``, ``jumlah_desa`` (di atas tingkat desa),
    ``total_belanja``, ``belanja_1_1`` (Rp), ``porsi_1_1`` (%), ``indikasi`` (porsi 1.1 > 30 %),
    ``belanja_dibatasi`` (Rp; NaN tanpa rincian), ``porsi_dibatasi`` (%; NaN tanpa rincian),
    ``melebihi_batas`` (porsi yang dibatasi > 30 %; salah bila tidak diketahui), dan di tingkat
    desa ``status`` (teks ``STATUS_BATAS``); di atas tingkat desa ``jumlah_desa_indikasi``,
    ``jumlah_desa_melebihi_batas``, ``jumlah_desa_tanpa_rincian`` (porsi yang dibatasi wilayah
    NaN bila ada desa tanpa rincian). Total belanja nol → porsi NaN, tanda salah.
    """
    _periksa_tingkat(tingkat)
    _periksa_nilai(nilai)
    dibatasi = kegiatan_dibatasi() if dibatasi is None else tuple(dibatasi)
    desa = _rekap_desa(belanja, tahun)
    jumlah = getattr(desa, nilai)
    total, satu = jumlah.sum(axis=1), jumlah[:, _K_1_1]
    if kegiatan is None:
        batas, ada = np.zeros(len(total)), np.zeros(len(total), dtype=bool)
    else:
        batas, ada = _dibatasi_per_desa(kegiatan, desa, nilai, dibatasi)
    indikasi = _di_atas_batas(satu, total)
    lewat = ada & _di_atas_batas(batas, total)
    tanpa = ~ada & (total > 0)
    tambahan = {
        "batas": batas,
        "indikasi": indikasi.astype(np.int64),
        "lewat": lewat.astype(np.int64),
        "tanpa": tanpa.astype(np.int64),
    }
    rekap, tambah = _ke_tingkat(desa, tingkat, tambahan)
    jumlah = getattr(rekap, nilai)
    total, satu = jumlah.sum(axis=1), jumlah[:, _K_1_1]
    diketahui = tambah["tanpa"] == 0
    belanja_batas = np.where(diketahui, tambah["batas"], np.nan)
    kolom = _awal_tabel(rekap, tingkat) | {
        "total_belanja": total,
        "belanja_1_1": satu,
        "porsi_1_1": _porsi(satu, total),
        "indikasi": _di_atas_batas(satu, total),
        "belanja_dibatasi": belanja_batas,
        "porsi_dibatasi": _porsi(belanja_batas, total),
        "melebihi_batas": diketahui & _di_atas_batas(np.nan_to_num(belanja_batas), total),
    }
    if tingkat == "desa":
        kolom["status"] = np.select(
            [total <= 0, kolom["melebihi_batas"], ~diketahui & kolom["indikasi"]],
            [STATUS_BATAS["tanpa_data"], STATUS_BATAS["melebihi"], STATUS_BATAS["indikasi"]],
            STATUS_BATAS["memenuhi"],
        ).astype(object)
    else:
        kolom["jumlah_desa_indikasi"] = tambah["indikasi"].astype(np.int64)
        kolom["jumlah_desa_melebihi_batas"] = tambah["lewat"].astype(np.int64)
        kolom["jumlah_desa_tanpa_rincian"] = tambah["tanpa"].astype(np.int64)
    return pd.DataFrame(kolom)


def _penduduk_per_desa(penduduk: pd.DataFrame, rekap: _Rekap) -> np.ndarray:
    """Jumlah penduduk untuk setiap baris rekap desa; sel kosong atau desa-tahun yang tidak ada → NaN.

    Data sendiri boleh sebagian: jumlah penduduk yang tidak tersedia membuat belanja per
    penduduk desa itu "tidak ada data" (NaN), bukan kesalahan. Baris ganda tetap ditolak.
    """
    _periksa_kolom(penduduk, ["kode_desa", "tahun", "jumlah_penduduk"], "penduduk")
    jiwa = _periksa_rupiah(penduduk, "jumlah_penduduk", "penduduk", boleh_kosong=True)
    i_desa = pd.Index(rekap.desa).get_indexer(penduduk["kode_desa"].astype(str))
    i_tahun = pd.Index(rekap.tahun_unik).get_indexer(penduduk["tahun"])
    pakai = (i_desa >= 0) & (i_tahun >= 0)
    n_tahun = len(rekap.tahun_unik)
    sel = i_desa[pakai].astype(np.int64) * n_tahun + i_tahun[pakai]
    banyak = np.bincount(sel, minlength=len(rekap.desa) * n_tahun)
    if (banyak > 1).any():
        ganda = np.zeros(len(penduduk), dtype=bool)
        ganda[np.flatnonzero(pakai)[np.isin(sel, np.flatnonzero(banyak > 1))]] = True
        raise DataTidakValid(
            "baris ganda di tabel penduduk: kombinasi kode_desa dan tahun yang sama muncul "
            "lebih dari sekali.",
            kolom=["kode_desa", "tahun"],
            baris=_nomor_baris(penduduk, ganda),
        )
    peta = np.full(len(rekap.desa) * n_tahun, np.nan)
    peta[sel] = jiwa[pakai]
    return peta[rekap.indeks_desa.astype(np.int64) * n_tahun + rekap.indeks_tahun]


def _kolom_per_kapita(rekap: _Rekap, jiwa: np.ndarray, nilai: str) -> dict[str, np.ndarray]:
    dasar = rekap.layanan_dasar(nilai)
    return {
        # bilangan bulat bila semua diketahui; NaN (tidak ada data) membuat kolomnya desimal
        "jumlah_penduduk": jiwa if np.isnan(jiwa).any() else jiwa.astype(np.int64),
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
    desa). Hanya desa yang ada di tabel belanja yang dihitung. Desa-tahun tanpa jumlah
    penduduk (sel kosong, atau tidak ada di tabel penduduk) mendapat NaN ("tidak ada data"); di
    atas tingkat desa, wilayah dengan desa seperti itu juga NaN. Di atas tingkat desa, rupiah
    dan penduduk **masing-masing dijumlahkan dulu**, baru dibagi. Tabel belanja tanpa baris
    menghasilkan tabel tanpa baris dengan kolom yang sama.

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
    kegiatan: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Satu tabel kualitas belanja: realisasi, porsi layanan dasar, batas 30 %, per kapita.

    ``nilai`` (bawaan ``'realisasi'``) dipakai untuk porsi layanan dasar dan belanja per
    kapita; kolom batas 30 % selalu dihitung dari **anggaran**, karena batas itu berlaku pada
    APBDes yang ditetapkan (lihat :func:`batas_30_persen`; ``kegiatan`` = rincian kegiatan 1.1,
    tanpa itu hanya indikasi).

    Kolom hasil: ``kode_wilayah``, ``tahun``, ``jumlah_desa`` (hanya di atas tingkat desa),
    ``total_anggaran``, ``total_realisasi``, ``persen_realisasi``, ``belanja_layanan_dasar``
    (Rp, menurut ``nilai``), ``porsi_layanan_dasar``, ``porsi_pendidikan``,
    ``porsi_kesehatan``, ``porsi_air_sanitasi``, ``porsi_jaminan_sosial``, ``porsi_adminduk``
    (%), ``porsi_1_1``, ``indikasi``, ``porsi_dibatasi``, ``melebihi_batas`` (dari anggaran),
    di atas tingkat desa ``jumlah_desa_indikasi`` dan ``jumlah_desa_melebihi_batas``, lalu
    ``jumlah_penduduk``, ``belanja_layanan_dasar_per_kapita`` (Rp/jiwa).
    """
    _periksa_tingkat(tingkat)
    _periksa_nilai(nilai)
    desa = _rekap_desa(belanja, tahun)
    rekap, tambah = _ke_tingkat(desa, tingkat, {"jiwa": _penduduk_per_desa(penduduk, desa)})
    batas = batas_30_persen(belanja, kegiatan, tingkat, tahun)
    layanan = _kolom_layanan_dasar(rekap, nilai)
    real = _kolom_realisasi(rekap)
    kolom = _awal_tabel(rekap, tingkat) | {
        "total_anggaran": real["total_anggaran"],
        "total_realisasi": real["total_realisasi"],
        "persen_realisasi": real["persen_realisasi"],
        "belanja_layanan_dasar": layanan["belanja_layanan_dasar"],
        "porsi_layanan_dasar": layanan["porsi_layanan_dasar"],
    }
    kolom |= {f"porsi_{k}": layanan[f"porsi_{k}"] for k in _LAYANAN}
    salin = ["porsi_1_1", "indikasi", "porsi_dibatasi", "melebihi_batas"]
    if tingkat != "desa":
        salin += ["jumlah_desa_indikasi", "jumlah_desa_melebihi_batas"]
    kolom |= {k: batas[k].to_numpy() for k in salin}
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


def _saring_awalan(
    df: pd.DataFrame, wilayah: str | None, nama_tabel: str, boleh_kosong: bool = False
) -> pd.DataFrame:
    """Baris yang kode desanya berawalan ``wilayah`` (kode kecamatan/kabupaten/provinsi)."""
    if wilayah is None:
        return df
    from p3pd.wilayah import normalisasi_kode

    kode = normalisasi_kode(wilayah)
    hasil = df[df["kode_desa"].astype(str).str.startswith(kode)]
    if hasil.empty and not boleh_kosong:
        raise DataTidakValid(
            f"tidak ada desa berkode awalan '{kode}' di tabel {nama_tabel}.", kolom="kode_desa"
        )
    return hasil


def _indikator_bertarget(layanan: str | None) -> list:
    """Indikator bertarget satu layanan (atau semua layanan bila ``layanan`` ``None``)."""
    from p3pd.indikator import DAFTAR_INDIKATOR

    return [
        i
        for i in DAFTAR_INDIKATOR
        if i.target is not None and (layanan is None or i.layanan == layanan)
    ]


def _capaian_bertarget(indikator: pd.DataFrame, layanan: str | None, tahun: int) -> pd.DataFrame:
    """Capaian desa (bentuk panjang, ``hitung_capaian``) untuk indikator bertarget ``layanan``.

    Tabel tanpa baris bila tabel indikator tidak punya baris tahun ``tahun``.
    """
    from p3pd.indikator import hitung_capaian

    daftar = _indikator_bertarget(layanan)
    _periksa_kolom(
        indikator,
        ["kode_desa", "tahun"] + sorted({c for i in daftar for c in (i.pembilang, i.penyebut)}),
        "indikator",
    )
    if not (indikator["tahun"] == tahun).any():
        return pd.DataFrame(columns=["kode_wilayah", "layanan", "capaian", "kesenjangan"])
    return hitung_capaian(indikator, "desa", tahun=tahun, indikator=[i.kode for i in daftar])


def _ringkas_per_layanan(panjang: pd.DataFrame) -> pd.DataFrame:
    """Per desa × layanan: rata-rata kesenjangan positif, banyak belum tercapai, banyak berdata."""
    panjang = panjang.assign(
        positif=panjang["kesenjangan"].clip(lower=0),
        belum=(panjang["kesenjangan"] > 0).astype(np.int64),
        ada=panjang["capaian"].notna().astype(np.int64),
    )
    return panjang.groupby(["kode_wilayah", "layanan"], sort=True).agg(
        kesenjangan=("positif", "mean"), belum=("belum", "sum"), ada=("ada", "sum")
    )


def _tabel_senjang(per_desa: pd.DataFrame | None) -> pd.DataFrame:
    """Kolom kesenjangan hasil :func:`uang_vs_kesenjangan` dari ringkasan per desa (indeks kode
    desa; kolom ``kesenjangan, belum, ada``); ``None``: tabel tanpa baris (tanpa indikator)."""
    if per_desa is None:
        return pd.DataFrame(
            {
                "kode_desa": pd.Series(dtype=object),
                "kesenjangan": pd.Series(dtype="float64"),
                "indikator_belum_tercapai": pd.Series(dtype=np.int64),
                "jumlah_indikator": pd.Series(dtype=np.int64),
            }
        )
    return pd.DataFrame(
        {
            "kode_desa": per_desa.index.astype(str),
            "kesenjangan": per_desa["kesenjangan"].to_numpy(dtype="float64"),
            "indikator_belum_tercapai": per_desa["belum"].to_numpy(dtype=np.int64),
            "jumlah_indikator": per_desa["ada"].to_numpy(dtype=np.int64),
        }
    )


def _kesenjangan_desa(panjang: pd.DataFrame) -> pd.DataFrame:
    """Rata-rata kesenjangan positif (poin persen) per desa dari capaian bentuk panjang."""
    if panjang.empty:
        # tabel indikator tidak ada, atau tidak ada baris tahun itu (data sendiri): tanpa kesenjangan
        return _tabel_senjang(None)
    # Rata-rata per layanan dulu, lalu (bila semua layanan) rata-rata kelima layanan: setiap
    # layanan berbobot sama, berapa pun banyak indikatornya.
    per_desa = (
        _ringkas_per_layanan(panjang)
        .groupby(level="kode_wilayah", sort=True)
        .agg(kesenjangan=("kesenjangan", "mean"), belum=("belum", "sum"), ada=("ada", "sum"))
    )
    return _tabel_senjang(per_desa)


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
    ``'semua'``/``None`` untuk kelima layanan dasar. ``tahun``: lihat di bawah.
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

    Baris hasil: desa di tabel belanja (setelah disaring); desa di tabel indikator tanpa
    belanja dilewati. Data sendiri boleh sebagian: desa tanpa baris indikator tahun itu mendapat
    kesenjangan NaN (juga semua desa bila tabel indikator tidak punya baris tahun itu), dan bila
    tabel belanja tidak berisi baris (tanpa APBDes), hasilnya sisi
    kesenjangan saja — satu baris per desa di tabel indikator tahun itu, porsi belanja NaN;
    keduanya berkelompok ``'tanpa data'``. ``tahun`` bawaan: tahun terakhir di tabel belanja,
    atau di tabel indikator bila belanja kosong. Kolom hasil: ``kode_desa``,
    (``nama_desa``), ``tahun``, ``layanan`` (kunci atau ``'semua'``), ``kesenjangan``,
    ``indikator_belum_tercapai`` (``Int64``; NA bila desa itu tidak punya indikator berdata),
    ``jumlah_indikator``, ``belanja`` (Rp), ``total_belanja``
    (Rp), ``porsi_belanja`` (%), ``kelompok``, ``perlu_ditelaah``; urut menurut kode desa.
    Tabel masukan tidak diubah.
    """
    layanan = _pilih_layanan(layanan)
    belanja, indikator, tahun = _siapkan_uang(belanja, indikator, tahun, wilayah, nilai)
    porsi = porsi_layanan_dasar(belanja, "desa", tahun=tahun, nilai=nilai) if len(belanja) else None
    senjang = _kesenjangan_desa(_capaian_bertarget(indikator, layanan, tahun))
    return _uang_dan_senjang(
        porsi, senjang, layanan, tahun, daftar_desa, batas_kesenjangan, batas_porsi
    )


def uang_vs_kesenjangan_per_layanan(
    belanja: pd.DataFrame,
    indikator: pd.DataFrame,
    tahun: int | None = None,
    wilayah: str | None = None,
    nilai: str = "realisasi",
    *,
    daftar_desa: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """:func:`uang_vs_kesenjangan` untuk kelima layanan sekaligus: ``{kunci layanan: hasil}``.

    Hasil setiap layanan sama dengan ``uang_vs_kesenjangan(belanja, indikator, kunci, tahun,
    wilayah, nilai, daftar_desa=daftar_desa)``, tetapi capaian indikator dan porsi belanja
    dihitung sekali untuk kelima layanan (dipakai agenda terpadu per kecamatan).
    """
    belanja, indikator, tahun = _siapkan_uang(belanja, indikator, tahun, wilayah, nilai)
    porsi = porsi_layanan_dasar(belanja, "desa", tahun=tahun, nilai=nilai) if len(belanja) else None
    semua = _capaian_bertarget(indikator, None, tahun)
    # satu groupby untuk kelima layanan; untuk satu layanan, rata-rata per desa = nilai layanan itu
    per_layanan = _ringkas_per_layanan(semua) if len(semua) else None
    hasil = {}
    for k in LAYANAN:
        ada = per_layanan is not None and k in per_layanan.index.get_level_values("layanan")
        senjang = _tabel_senjang(per_layanan.xs(k, level="layanan") if ada else None)
        hasil[k] = _uang_dan_senjang(porsi, senjang, k, tahun, daftar_desa, None, None)
    return hasil


def _siapkan_uang(
    belanja: pd.DataFrame,
    indikator: pd.DataFrame,
    tahun: int | None,
    wilayah: str | None,
    nilai: str,
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Periksa dan saring masukan :func:`uang_vs_kesenjangan`; tentukan tahunnya."""
    _periksa_nilai(nilai)
    _periksa_kolom(belanja, BELANJA.nama_kolom, "belanja")
    _periksa_kolom(indikator, ["kode_desa", "tahun"], "indikator")
    belanja = _saring_awalan(belanja, wilayah, "belanja", boleh_kosong=True)
    indikator = _saring_awalan(indikator, wilayah, "indikator", boleh_kosong=indikator.empty)
    if tahun is None:
        sumber_tahun = belanja if len(belanja) else indikator
        if sumber_tahun.empty:
            raise DataTidakValid("tabel belanja dan tabel indikator tidak berisi baris data.")
        tahun = int(pd.to_numeric(sumber_tahun["tahun"]).max())
    return belanja, indikator, int(tahun)


def _uang_dan_senjang(
    porsi: pd.DataFrame | None,
    senjang: pd.DataFrame,
    layanan: str | None,
    tahun: int,
    daftar_desa: pd.DataFrame | None,
    batas_kesenjangan: float | None,
    batas_porsi: float | None,
) -> pd.DataFrame:
    """Gabungkan porsi belanja per desa dan kesenjangan per desa menjadi hasil :func:`uang_vs_kesenjangan`."""
    kunci = "layanan_dasar" if layanan is None else layanan
    if porsi is not None:
        uang = pd.DataFrame(
            {
                "kode_desa": porsi["kode_wilayah"].astype(str).to_numpy(),
                "belanja": porsi[f"belanja_{kunci}"].to_numpy(dtype="float64"),
                "total_belanja": porsi["total_belanja"].to_numpy(dtype="float64"),
                "porsi_belanja": porsi[f"porsi_{kunci}"].to_numpy(dtype="float64"),
            }
        )
    else:  # tanpa APBDes: sisi kesenjangan saja, porsi belanja "tidak ada data"
        kosong = np.full(len(senjang), np.nan)
        uang = pd.DataFrame(
            {
                "kode_desa": senjang["kode_desa"].astype(str).to_numpy(),
                "belanja": kosong,
                "total_belanja": kosong,
                "porsi_belanja": kosong,
            }
        )
    hasil = uang.merge(senjang, on="kode_desa", how="left", validate="one_to_one")
    hasil["jumlah_indikator"] = hasil["jumlah_indikator"].fillna(0)
    # desa tanpa indikator berdata: banyak indikator belum tercapai "tidak ada data" (NA), bukan 0
    hasil["indikator_belum_tercapai"] = (
        hasil["indikator_belum_tercapai"].astype("Int64").mask(hasil["jumlah_indikator"].eq(0))
    )

    ada = hasil["kesenjangan"].notna() & hasil["porsi_belanja"].notna()
    bk = hasil.loc[ada, "kesenjangan"].median() if batas_kesenjangan is None else batas_kesenjangan
    bp = hasil.loc[ada, "porsi_belanja"].median() if batas_porsi is None else batas_porsi
    besar = (hasil["kesenjangan"] > bk).to_numpy()
    kecil = (hasil["porsi_belanja"] < bp).to_numpy()
    kelompok = np.select(
        [besar & kecil, besar & ~kecil, ~besar & kecil], list(KELOMPOK_UANG[:3]), KELOMPOK_UANG[3]
    )
    kelompok = np.where(ada.to_numpy(), kelompok, TANPA_DATA)
    # kelurahan tidak menyusun APBDes: porsinya tidak berlaku, bukan "tanpa data"
    from p3pd.format import TIDAK_BERLAKU_KELURAHAN

    kelompok = np.where(
        kode_kelurahan(hasil["kode_desa"]).to_numpy(dtype=bool), TIDAK_BERLAKU_KELURAHAN, kelompok
    )

    kolom: dict[str, object] = {"kode_desa": hasil["kode_desa"].to_numpy(dtype=object)}
    if daftar_desa is not None:
        _periksa_kolom(daftar_desa, ["kode_desa", "nama_desa"], "desa")
        nama = daftar_desa.drop_duplicates("kode_desa").set_index("kode_desa")["nama_desa"]
        kolom["nama_desa"] = hasil["kode_desa"].map(nama).to_numpy(dtype=object)
    kolom |= {
        "tahun": np.full(len(hasil), tahun, dtype=np.int64),
        "layanan": SEMUA_LAYANAN if layanan is None else layanan,
        "kesenjangan": hasil["kesenjangan"].to_numpy(),
        "indikator_belum_tercapai": hasil["indikator_belum_tercapai"].array,
        "jumlah_indikator": hasil["jumlah_indikator"].to_numpy(dtype=np.int64),
        "belanja": hasil["belanja"].to_numpy(),
        "total_belanja": hasil["total_belanja"].to_numpy(),
        "porsi_belanja": hasil["porsi_belanja"].to_numpy(),
        "kelompok": kelompok.astype(object),
        "perlu_ditelaah": kelompok == KELOMPOK_UANG[0],
    }
    return pd.DataFrame(kolom)
