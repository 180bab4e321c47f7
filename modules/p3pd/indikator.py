"""Indikator layanan dasar: satu daftar definisi, capaian di setiap tingkat wilayah, kesenjangan.

Capaian selalu dihitung dari **jumlah** (pembilang dan penyebut): di tingkat kecamatan,
kabupaten, atau provinsi, pembilang dan penyebut dijumlahkan dulu, baru dibagi. Merata-ratakan
persentase desa memberi bobot yang sama pada desa kecil dan desa besar, dan hasilnya keliru.

Angka acuan (``Acuan``) adalah angka terbitan dengan sumbernya, bertanda **survei** atau
**administratif**. Setiap indikator menyebut jenis data desanya (``jenis_data``): data desa
dikalibrasi hanya ke acuan yang sejenis; acuan jenis lain ditampilkan sebagai pembanding dengan
labelnya ("bandingkan hanya yang sejenis"). Definisi dan angka acuannya (dengan sumber) ada di
:mod:`p3pd.indikator_daftar`; semua namanya juga tersedia lewat modul ini.

Setiap target membawa jenis dan sumbernya (``jenis_target``): **resmi** (ditetapkan peraturan,
mis. stunting 14 % pada 2024, Perpres 72/2021 Pasal 4), **SPM** (Standar Pelayanan Minimal,
PP 2/2018 beserta peraturan menteri bidangnya), atau **asumsi pelatihan** (dipilih untuk
latihan, bukan ketentuan).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from p3pd.indikator_daftar import ACUAN_PEMBANDING as ACUAN_PEMBANDING
from p3pd.indikator_daftar import ADMINISTRATIF as ADMINISTRATIF
from p3pd.indikator_daftar import ASUMSI as ASUMSI
from p3pd.indikator_daftar import ASUMSI_PELATIHAN as ASUMSI_PELATIHAN
from p3pd.indikator_daftar import DAFTAR_INDIKATOR as DAFTAR_INDIKATOR
from p3pd.indikator_daftar import INDIKATOR as INDIKATOR
from p3pd.indikator_daftar import JENIS_DATA as JENIS_DATA
from p3pd.indikator_daftar import JENIS_TARGET as JENIS_TARGET
from p3pd.indikator_daftar import RESMI as RESMI
from p3pd.indikator_daftar import SPM as SPM
from p3pd.indikator_daftar import SURVEI as SURVEI
from p3pd.indikator_daftar import TANPA_TARGET as TANPA_TARGET
from p3pd.indikator_daftar import Acuan as Acuan
from p3pd.indikator_daftar import Indikator as Indikator
from p3pd.skema import LAYANAN, NAIK

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.label import LabelData

TINGKAT = ("desa", "kecamatan", "kabupaten", "provinsi")
"""Tingkat wilayah yang dikenal, dari terkecil ke terbesar."""

_PANJANG_KODE = {"desa": 13, "kecamatan": 8, "kabupaten": 5, "provinsi": 2}


def _sintetis(sintetis: bool | None, label: LabelData | None = None) -> bool:
    """``sintetis`` bila diberikan, selain itu menurut ``label`` atau label folder data yang dipakai."""
    if sintetis is not None:
        return bool(sintetis)
    if label is None:
        from p3pd.label import label_data

        label = label_data()
    return label.sintetis


def daftar_indikator(layanan: str | None = None, *, sintetis: bool | None = None) -> pd.DataFrame:
    """Tabel definisi indikator: kode, nama, layanan, pembilang, penyebut, arah, target, jenis dan
    sumber target, jenis data desa (survei/administratif), definisi, catatan.

    ``catatan`` mengikuti data yang dipakai (``sintetis=None``: menurut ``p3pd.label``): untuk
    data sendiri, catatan tentang data latihan diganti catatan yang berlaku untuk data apa pun.
    """
    untuk_latihan = _sintetis(sintetis)
    baris = [
        {
            "kode": i.kode,
            "indikator": i.nama,
            "layanan": LAYANAN[i.layanan],
            "pembilang": i.pembilang,
            "penyebut": i.penyebut,
            "satuan": i.satuan,
            "arah": "makin tinggi makin baik" if i.arah == NAIK else "makin rendah makin baik",
            "target": i.target,
            "jenis_target": i.jenis_target,
            "sumber_target": i.sumber_target,
            "jenis_data": i.jenis_data,
            "definisi": i.definisi,
            "catatan": i.catatan_untuk(untuk_latihan),
        }
        for i in DAFTAR_INDIKATOR
        if layanan is None or i.layanan == layanan
    ]
    return pd.DataFrame(baris)


def ambil_indikator(kode: str) -> Indikator:
    """Definisi indikator menurut kodenya; pesan kesalahan berbahasa Indonesia bila tidak dikenal."""
    try:
        return INDIKATOR[kode]
    except KeyError:
        import difflib

        mirip = difflib.get_close_matches(kode, list(INDIKATOR), n=1)
        saran = f" Mungkin maksud Anda '{mirip[0]}'?" if mirip else ""
        raise KeyError(
            f"Indikator '{kode}' tidak dikenal.{saran} Pilihan: {', '.join(INDIKATOR)}"
        ) from None


def kode_wilayah(kode_desa: pd.Series, tingkat: str) -> pd.Series:
    """Potong kode desa menjadi kode kecamatan/kabupaten/provinsi (awalan kode Kemendagri)."""
    if tingkat not in _PANJANG_KODE:
        raise ValueError(f"Tingkat '{tingkat}' tidak dikenal. Pilihan: {', '.join(TINGKAT)}")
    if tingkat == "desa":
        return kode_desa.astype(str)
    return kode_desa.astype(str).str.slice(0, _PANJANG_KODE[tingkat])


def _pilih(indikator: Iterable[str] | str | None) -> list[Indikator]:
    if indikator is None:
        return list(DAFTAR_INDIKATOR)
    if isinstance(indikator, str):
        indikator = [indikator]
    return [ambil_indikator(k) for k in indikator]


def jumlahkan(
    data: pd.DataFrame, tingkat: str = "kecamatan", tahun: int | Sequence[int] | None = None
) -> pd.DataFrame:
    """Jumlahkan semua kolom jumlah (pembilang/penyebut) tabel indikator desa per wilayah dan tahun.

    Hasilnya punya kolom ``kode_wilayah``, ``tahun``, lalu semua kolom pembilang/penyebut. Sel
    kosong (data tidak tersedia) dilewati; jumlah wilayah yang semua selnya kosong tetap kosong.
    """
    df = data
    if tahun is not None:
        tahun_list = [tahun] if isinstance(tahun, int) else list(tahun)
        df = df[df["tahun"].isin(tahun_list)]
    kolom = sorted(
        {c for i in DAFTAR_INDIKATOR for c in (i.pembilang, i.penyebut) if c in df.columns}
    )
    kunci = kode_wilayah(df["kode_desa"], tingkat).rename("kode_wilayah")
    hasil = df[kolom].groupby([kunci, df["tahun"]], sort=True, observed=True).sum(min_count=1)
    return hasil.reset_index()


def _jumlah_pasangan(
    data: pd.DataFrame,
    total: pd.DataFrame,
    ind: Indikator,
    tingkat: str,
    tahun: int | Sequence[int] | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Jumlah pembilang dan penyebut satu indikator per baris ``total``.

    Desa yang pembilang atau penyebutnya kosong (tidak tersedia) tidak ikut di keduanya, agar
    capaian tidak dihitung dari pembilang dan penyebut desa yang berbeda. Wilayah tanpa satu
    desa pun yang lengkap mendapat NaN ("tidak ada data").
    """
    if ind.pembilang not in data.columns or ind.penyebut not in data.columns:
        kosong = np.full(len(total), np.nan)
        return kosong, kosong.copy()
    kosong_desa = data[ind.pembilang].isna() | data[ind.penyebut].isna()
    if not kosong_desa.any():
        return (
            total[ind.pembilang].to_numpy(dtype="float64"),
            total[ind.penyebut].to_numpy(dtype="float64"),
        )
    lengkap = data.loc[~kosong_desa, ["kode_desa", "tahun", ind.pembilang, ind.penyebut]]
    sebagian = jumlahkan(lengkap, tingkat, tahun).set_index(["kode_wilayah", "tahun"])
    kunci = pd.MultiIndex.from_frame(total[["kode_wilayah", "tahun"]])
    sebagian = sebagian.reindex(kunci)
    return (
        sebagian[ind.pembilang].to_numpy(dtype="float64"),
        sebagian[ind.penyebut].to_numpy(dtype="float64"),
    )


def hitung_capaian(
    data: pd.DataFrame,
    tingkat: str = "kecamatan",
    tahun: int | Sequence[int] | None = None,
    indikator: Iterable[str] | str | None = None,
    bentuk: str = "panjang",
) -> pd.DataFrame:
    """Capaian indikator (persen) per wilayah dan tahun, dengan menjumlahkan pembilang dan penyebut lebih dulu.

    ``data`` adalah tabel indikator desa (lihat ``p3pd.muat.muat_indikator``).
    ``bentuk="panjang"`` memberi satu baris per wilayah × tahun × indikator dengan kolom
    ``kode_wilayah, tahun, indikator, layanan, pembilang, penyebut, capaian, target, kesenjangan,
    memenuhi_target``; ``bentuk="lebar"`` memberi satu baris per wilayah × tahun dan satu kolom
    capaian per indikator.
    """
    daftar = _pilih(indikator)
    total = jumlahkan(data, tingkat, tahun)
    bagian = []
    for ind in daftar:
        pemb, peny = _jumlah_pasangan(data, total, ind, tingkat, tahun)
        with np.errstate(divide="ignore", invalid="ignore"):
            nilai = np.where(peny > 0, pemb / peny * 100.0, np.nan)
        bagian.append(
            pd.DataFrame(
                {
                    "kode_wilayah": total["kode_wilayah"].to_numpy(),
                    "tahun": total["tahun"].to_numpy(),
                    "indikator": ind.kode,
                    "layanan": ind.layanan,
                    "pembilang": pemb,
                    "penyebut": peny,
                    "capaian": nilai,
                }
            )
        )
    hasil = pd.concat(bagian, ignore_index=True)
    hasil = tambah_kesenjangan(hasil)
    if bentuk == "lebar":
        lebar = hasil.pivot(index=["kode_wilayah", "tahun"], columns="indikator", values="capaian")
        lebar = lebar[[i.kode for i in daftar]]
        lebar.columns.name = None
        return lebar.reset_index()
    if bentuk != "panjang":
        raise ValueError("bentuk harus 'panjang' atau 'lebar'")
    return hasil


def tambah_kesenjangan(capaian: pd.DataFrame) -> pd.DataFrame:
    """Tambahkan kolom ``target``, ``kesenjangan`` (poin persen ke target), ``memenuhi_target``.

    Kesenjangan selalu positif bila target belum tercapai, apa pun arah indikatornya:
    untuk indikator "makin tinggi makin baik" = target − capaian; untuk "makin rendah makin
    baik" = capaian − target. Nilai negatif berarti target sudah terlampaui.
    """
    hasil = capaian.copy()
    # cari posisi tiap kode di daftar sekali (cepat untuk jutaan baris), lalu ambil dengan numpy
    posisi = pd.Index([i.kode for i in DAFTAR_INDIKATOR]).get_indexer(hasil["indikator"])
    if (posisi < 0).any():
        ambil_indikator(str(hasil["indikator"].to_numpy()[np.argmin(posisi)]))
    target = np.array([np.nan if i.target is None else i.target for i in DAFTAR_INDIKATOR])[posisi]
    naik = np.array([i.arah == NAIK for i in DAFTAR_INDIKATOR])[posisi]
    nilai = hasil["capaian"].to_numpy(dtype="float64")
    selisih = np.where(naik, target - nilai, nilai - target)
    hasil["target"] = target
    hasil["kesenjangan"] = selisih
    memenuhi = pd.array(selisih <= 0, dtype="boolean")
    memenuhi[np.isnan(selisih)] = pd.NA
    hasil["memenuhi_target"] = memenuhi
    return hasil


def rata_rata_keliru(
    data: pd.DataFrame, indikator: str, tingkat: str = "kecamatan", tahun: int | None = None
) -> pd.DataFrame:
    """Bandingkan capaian yang benar (jumlahkan lalu bagi) dengan rata-rata persentase desa (keliru).

    Untuk pelajaran "mengapa tidak merata-ratakan persentase": kolom ``capaian_benar``,
    ``rata_rata_desa``, dan ``selisih`` (poin persen).
    """
    ind = ambil_indikator(indikator)
    df = data if tahun is None else data[data["tahun"] == tahun]
    with np.errstate(divide="ignore", invalid="ignore"):
        persen_desa = df[ind.pembilang] / df[ind.penyebut].where(df[ind.penyebut] > 0) * 100
    kunci = kode_wilayah(df["kode_desa"], tingkat).rename("kode_wilayah")
    keliru = persen_desa.groupby([kunci, df["tahun"]]).mean().rename("rata_rata_desa")
    benar = hitung_capaian(df, tingkat, indikator=indikator).set_index(["kode_wilayah", "tahun"])[
        "capaian"
    ]
    hasil = pd.concat([benar.rename("capaian_benar"), keliru], axis=1)
    hasil["selisih"] = hasil["rata_rata_desa"] - hasil["capaian_benar"]
    return hasil.reset_index()


def bandingkan_acuan(data: pd.DataFrame, tahun: int | None = None) -> pd.DataFrame:
    """Bandingkan capaian data dengan setiap angka acuan terbitan yang wilayahnya ada di data.

    Untuk acuan kabupaten/provinsi, capaian dihitung di tingkat yang sama; acuan nasional
    ('ID') dibandingkan dengan seluruh data. Tahun data yang dipakai adalah tahun acuan bila
    tersedia di data, selain itu tahun data terdekat. Kolom: ``indikator, wilayah, tahun_acuan,
    acuan, jenis, sejenis, sumber, tahun_data, capaian_data, selisih``; ``sejenis`` bernilai
    ``True`` bila jenis acuan sama dengan jenis data desa indikator itu (hanya baris ini yang
    boleh dibaca sebagai "data mendekati angka terbitan").
    """
    tahun_ada = sorted(int(t) for t in data["tahun"].unique())
    if tahun is not None:
        tahun_ada = [tahun]
    baris = []
    prefiks = {
        t: set(kode_wilayah(data["kode_desa"].drop_duplicates(), t))
        for t in ("kabupaten", "provinsi")
    }
    for ind in DAFTAR_INDIKATOR:
        for a in ind.acuan:
            if a.wilayah == "ID":
                tingkat = None
            elif len(a.wilayah) == 5 and a.wilayah in prefiks["kabupaten"]:
                tingkat = "kabupaten"
            elif len(a.wilayah) == 2 and a.wilayah in prefiks["provinsi"]:
                tingkat = "provinsi"
            else:
                continue
            th = min(tahun_ada, key=lambda t: (abs(t - a.tahun), -t))
            df = data[data["tahun"] == th]
            if tingkat is not None:
                df = df[kode_wilayah(df["kode_desa"], tingkat) == a.wilayah]
            pemb, peny = df[ind.pembilang].sum(), df[ind.penyebut].sum()
            nilai = float(pemb) / float(peny) * 100 if peny else np.nan
            baris.append(
                {
                    "indikator": ind.kode,
                    "wilayah": a.wilayah,
                    "tahun_acuan": a.tahun,
                    "acuan": a.nilai,
                    "jenis": a.jenis,
                    "sejenis": a.jenis == ind.jenis_data,
                    "sumber": a.sumber,
                    "tahun_data": th,
                    "capaian_data": nilai,
                    "selisih": nilai - a.nilai,
                }
            )
    return pd.DataFrame(baris)


def target_kalibrasi() -> pd.DataFrame:
    """Target kalibrasi data sintetis: per kabupaten latihan × indikator, acuan kabupaten bila ada,
    selain itu acuan provinsinya. Hanya acuan bertahun 2022–2024 yang **sejenis** dengan data
    desa indikator itu (``Indikator.jenis_data``: survei atau administratif); angka jenis lain
    tidak pernah menjadi target kalibrasi. Kolom: ``kode_kabupaten, indikator, tahun, target,
    sumber, tingkat_acuan, jenis``.
    """
    from p3pd.skema import TAHUN_DATA

    kabupaten = ("33.22", "12.07", "53.02", "63.03")
    baris = []
    for kab in kabupaten:
        for ind in DAFTAR_INDIKATOR:
            sejenis = [a for a in ind.acuan if a.jenis == ind.jenis_data and a.tahun in TAHUN_DATA]
            pilihan = [a for a in sejenis if a.wilayah == kab]
            tingkat = "kabupaten"
            if not pilihan:
                pilihan = [a for a in sejenis if a.wilayah == kab[:2]]
                tingkat = "provinsi"
            if not pilihan:
                continue
            a = max(pilihan, key=lambda x: x.tahun)
            baris.append(
                {
                    "kode_kabupaten": kab,
                    "indikator": ind.kode,
                    "tahun": a.tahun,
                    "target": a.nilai,
                    "sumber": a.sumber,
                    "tingkat_acuan": tingkat,
                    "jenis": a.jenis,
                }
            )
    return pd.DataFrame(baris)


# --- Pembanding sumber data dan tangga wilayah (notebook 03) ------------------------------------

DATA_LATIHAN = "data latihan (sintetis)"
"""Isi kolom ``jenis`` untuk angka yang dihitung dari data latihan."""

DATA_SENDIRI = "data sendiri"
"""Awal isi kolom ``jenis`` untuk angka yang dihitung dari data sendiri (lihat :func:`jenis_data_desa`)."""


def jenis_data_desa(label: LabelData | None = None) -> str:
    """Isi kolom ``jenis`` untuk angka yang dihitung dari data desa folder yang dipakai.

    Data latihan → :data:`DATA_LATIHAN`; data sendiri → ``'data sendiri'`` dengan pemiliknya
    bila tercatat (``'data sendiri (Kecamatan Batu)'``), tidak pernah "latihan"/"sintetis".
    ``label``: hasil ``p3pd.label.label_data()``; ``None`` = label folder data yang dipakai.
    """
    if label is None:
        from p3pd.label import label_data

        label = label_data()
    if label.sintetis:
        return DATA_LATIHAN
    return f"{DATA_SENDIRI} ({label.pemilik})" if label.pemilik else DATA_SENDIRI


_TINGKAT_KODE = {2: "provinsi", 5: "kabupaten", 8: "kecamatan", 13: "desa"}


def _tingkat_kode(kode: str) -> str:
    """Tingkat wilayah sebuah kode: 'nasional' untuk 'ID', selain itu menurut panjang kode."""
    if kode == "ID":
        return "nasional"
    return _TINGKAT_KODE.get(len(kode), "tidak dikenal")


def nama_wilayah(kode: pd.Series, wilayah_desa: pd.DataFrame | None = None) -> pd.Series:
    """Nama wilayah untuk setiap kode: provinsi, kabupaten, kecamatan (referensi nyata), 'ID'.

    Nama desa diambil dari ``wilayah_desa`` (tabel ``p3pd.muat.muat_wilayah()``,
    kolom ``kode_desa`` dan ``nama_desa``) bila diberikan; dari tabel itu juga nama kecamatan,
    kabupaten, dan provinsi di luar wilayah latihan (data sendiri). Kode yang tidak dikenal, atau kode
    desa tanpa ``wilayah_desa``, bernama kosong (``""``). Indeks ``kode`` dipertahankan.
    """
    from p3pd.wilayah import daftar_kecamatan

    ref = daftar_kecamatan()
    peta: dict[str, str] = {"ID": "Indonesia"}
    for kolom_kode, kolom_nama in (
        ("kode_provinsi", "nama_provinsi"),
        ("kode_kabupaten", "nama_kabupaten"),
        ("kode_kecamatan", "nama_kecamatan"),
    ):
        peta.update(zip(ref[kolom_kode].astype(str), ref[kolom_nama].astype(str), strict=True))
    if wilayah_desa is not None:
        peta.update(
            zip(
                wilayah_desa["kode_desa"].astype(str),
                wilayah_desa["nama_desa"].astype(str),
                strict=True,
            )
        )
    if wilayah_desa is not None:
        # wilayah di luar 93 kecamatan latihan (data sendiri): nama induk dari daftar desa itu
        for kolom_kode, kolom_nama in (
            ("kode_provinsi", "nama_provinsi"),
            ("kode_kabupaten", "nama_kabupaten"),
            ("kode_kecamatan", "nama_kecamatan"),
        ):
            if {kolom_kode, kolom_nama} <= set(wilayah_desa.columns):
                pasangan = wilayah_desa[[kolom_kode, kolom_nama]].dropna().astype(str)
                for k, n in zip(pasangan[kolom_kode], pasangan[kolom_nama], strict=True):
                    peta.setdefault(k, n)
    teks = kode.astype(str)
    return pd.Series(
        [peta.get(k, "") for k in teks], index=kode.index, name="nama_wilayah", dtype=object
    )


def daftar_acuan(
    indikator: str, wilayah: str | Iterable[str] | None = None, *, pembanding: bool = True
) -> pd.DataFrame:
    """Semua angka terbitan untuk satu indikator, satu baris per angka, dengan jenis dan sumbernya.

    ``wilayah``: satu kode atau daftar kode (mis. ``"33"``, ``["33", "33.22", "ID"]``);
    ``None`` = semua wilayah. ``pembanding=True`` menyertakan :data:`ACUAN_PEMBANDING`
    (kolom ``pembanding`` bernilai ``True`` untuk baris itu). Urutan: kabupaten, provinsi,
    nasional; lalu tahun; survei sebelum administratif. Kolom: ``indikator, tingkat, wilayah,
    nama_wilayah, tahun, nilai, jenis, sumber, catatan, pembanding``.
    """
    ind = ambil_indikator(indikator)
    if isinstance(wilayah, str):
        wilayah = [wilayah]
    pilih = None if wilayah is None else set(wilayah)
    semua = [(a, False) for a in ind.acuan]
    if pembanding:
        semua += [(a, True) for a in ACUAN_PEMBANDING.get(ind.kode, ())]
    urutan_tingkat = {"kecamatan": 0, "kabupaten": 1, "provinsi": 2, "nasional": 3}
    baris = [
        {
            "indikator": ind.kode,
            "tingkat": _tingkat_kode(a.wilayah),
            "wilayah": a.wilayah,
            "tahun": a.tahun,
            "nilai": a.nilai,
            "jenis": a.jenis,
            "sumber": a.sumber,
            "catatan": a.catatan,
            "pembanding": lagi,
        }
        for a, lagi in semua
        if pilih is None or a.wilayah in pilih
    ]
    kolom = [
        "indikator",
        "tingkat",
        "wilayah",
        "nama_wilayah",
        "tahun",
        "nilai",
        "jenis",
        "sumber",
        "catatan",
        "pembanding",
    ]
    if not baris:
        return pd.DataFrame(columns=kolom)
    hasil = pd.DataFrame(baris)
    hasil["nama_wilayah"] = nama_wilayah(hasil["wilayah"])
    hasil = hasil.assign(
        _tingkat=hasil["tingkat"].map(urutan_tingkat).fillna(9),
        _jenis=(hasil["jenis"] != "survei").astype(int),
    ).sort_values(["_tingkat", "wilayah", "tahun", "_jenis"], kind="stable")
    return hasil[kolom].reset_index(drop=True)


def tangga_capaian(
    data: pd.DataFrame,
    kecamatan: str,
    indikator: str,
    tahun: int,
    wilayah_desa: pd.DataFrame | None = None,
    *,
    label: LabelData | None = None,
) -> pd.DataFrame:
    """Capaian satu indikator dari desa sampai nasional, dengan jenis dan sumber setiap angka.

    Baris dari data desa (``data`` = tabel indikator desa, tahun ``tahun``): desa dengan
    capaian terendah dan tertinggi di ``kecamatan`` (kode ``PP.KK.CC``), kecamatan itu, dan
    kabupatennya; kecamatan dan kabupaten dihitung dengan menjumlahkan pembilang dan penyebut lalu membagi.
    Pada data sendiri yang tidak memuat seluruh desa kecamatan atau kabupaten/kota itu, barisnya
    bertingkat "gabungan desa/kelurahan di data ini (…)" (``p3pd.diagnosis.nama_pembanding``),
    bukan "kecamatan"/"kabupaten".
    Lalu angka terbitan (registri indikator, tanpa :data:`ACUAN_PEMBANDING`) untuk kabupaten,
    provinsi, dan Indonesia: untuk setiap wilayah dan jenis (survei/administratif), angka yang
    tahunnya paling dekat dengan ``tahun``. Nama desa diambil dari ``wilayah_desa`` bila
    diberikan. Kolom: ``tingkat, kode_wilayah, nama_wilayah, tahun, capaian, jenis, sumber``.
    Kolom ``jenis`` baris data desa: :func:`jenis_data_desa` (``label``; bawaan label folder
    data yang dipakai) — "data latihan (sintetis)" hanya untuk data latihan; untuk data sendiri
    ``sumber`` juga menyebut sumber di label datanya.
    """
    ind = ambil_indikator(indikator)
    kecamatan = str(kecamatan)
    if len(kecamatan) != _PANJANG_KODE["kecamatan"]:
        raise ValueError(
            f"Kode kecamatan '{kecamatan}' tidak sah: tulis seperti '33.22.01' "
            "(mis. wilayah.cari_kecamatan('Getasan').kode)."
        )
    df = data[data["tahun"] == tahun]
    df = df[kode_wilayah(df["kode_desa"], "kabupaten") == kecamatan[:5]]
    di_kecamatan = df[kode_wilayah(df["kode_desa"], "kecamatan") == kecamatan]
    if di_kecamatan.empty:
        raise ValueError(
            f"Tidak ada desa kecamatan {kecamatan} pada tahun {tahun} di data. "
            "Periksa kode kecamatan dan tahunnya."
        )
    if label is None:
        from p3pd.label import label_data

        label = label_data()
    jenis_desa = jenis_data_desa(label)
    asal = "" if label.sintetis or not label.sumber else f" (sumber: {label.sumber})"
    sumber_desa = f"indikator_desa.csv: {ind.pembilang} ÷ {ind.penyebut}{asal}"
    sumber_jumlah = f"indikator_desa.csv: jumlah {ind.pembilang} ÷ jumlah {ind.penyebut}{asal}"
    baris: list[dict] = []
    desa = hitung_capaian(di_kecamatan, "desa", indikator=ind.kode).dropna(subset=["capaian"])
    if not desa.empty:
        terendah = desa.loc[desa["capaian"].idxmin()]
        tertinggi = desa.loc[desa["capaian"].idxmax()]
        for tingkat_desa, b in (("desa terendah", terendah), ("desa tertinggi", tertinggi)):
            baris.append(
                {
                    "tingkat": tingkat_desa,
                    "kode_wilayah": b["kode_wilayah"],
                    "tahun": tahun,
                    "capaian": float(b["capaian"]),
                    "jenis": jenis_desa,
                    "sumber": sumber_desa,
                }
            )
    from p3pd.diagnosis import nama_pembanding

    # Baris kecamatan dan kabupaten dari data desa: "kecamatan"/"kabupaten" hanya bila data
    # memuat seluruh desanya (atau data latihan); selain itu "gabungan desa/kelurahan di data
    # ini (…)".
    teks_kode = df.astype({"kode_desa": str})
    sebutan_kab = nama_pembanding(teks_kode, kecamatan[:5], sintetis=label.sintetis)
    sebutan_kec = nama_pembanding(
        teks_kode, kecamatan[:5], "kecamatan", sintetis=label.sintetis, kode_kecamatan=kecamatan
    )
    for tingkat, sebutan, bagian in (
        ("kecamatan", sebutan_kec, di_kecamatan),
        ("kabupaten", sebutan_kab, df),
    ):
        satu = hitung_capaian(bagian, tingkat, indikator=ind.kode).iloc[0]
        baris.append(
            {
                "tingkat": sebutan,
                "kode_wilayah": satu["kode_wilayah"],
                "tahun": tahun,
                "capaian": float(satu["capaian"]),
                "jenis": jenis_desa,
                "sumber": sumber_jumlah,
            }
        )
    for wilayah, tingkat in (
        (kecamatan[:5], "kabupaten"),
        (kecamatan[:2], "provinsi"),
        ("ID", "nasional"),
    ):
        for jenis in ("survei", "administratif"):
            cocok = [a for a in ind.acuan if a.wilayah == wilayah and a.jenis == jenis]
            if not cocok:
                continue
            a = min(cocok, key=lambda x: (abs(x.tahun - tahun), -x.tahun))
            baris.append(
                {
                    "tingkat": f"{tingkat} (terbitan)",
                    "kode_wilayah": a.wilayah,
                    "tahun": a.tahun,
                    "capaian": a.nilai,
                    "jenis": a.jenis,
                    "sumber": a.sumber,
                }
            )
    hasil = pd.DataFrame(baris)
    hasil["nama_wilayah"] = nama_wilayah(hasil["kode_wilayah"], wilayah_desa)
    kolom = ["tingkat", "kode_wilayah", "nama_wilayah", "tahun", "capaian", "jenis", "sumber"]
    return hasil[kolom]
