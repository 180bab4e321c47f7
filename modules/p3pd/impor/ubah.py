"""Menerapkan peta impor pada isi berkas sumber: saring, hitung kolom, kode, kelompokkan, periksa.

Urutan kerja untuk setiap tabel template (setiap langkah dicatat untuk laporan impor):

1. saring baris: syarat peta (``saring``) lalu syarat tabel; baris yang tidak lolos dibuang
   dengan alasannya;
2. hitung setiap kolom template menurut aturannya (salin, jumlah, terkecil, nilai tetap, hitung,
   kode induk), lalu ``ambil``, ``peta_nilai``, ``kali``, dan ``bila``;
3. kode desa: dikenali (``p3pd.impor.kode``); kode BPS dan angka yang bukan kode wilayah ditolak
   dengan nama jenisnya, kode Kemendagri tanpa titik diseragamkan;
4. baris yang kunci tabelnya kosong (mis. baris jumlah di bawah tabel) dibuang dan dicatat;
5. bila ``kelompok: true``: baris sumber digabung per kunci tabel menurut ``agregasi`` setiap
   kolom (``sama`` menolak kelompok yang nilainya berbeda-beda);
6. hasilnya diperiksa dengan pemeriksa pemuat (``p3pd.muat_nilai.periksa_tabel``) sehingga
   yang ditulis pasti lolos ``p3pd periksa``; masalah disebut dengan berkas dan baris sumbernya.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid
from p3pd.impor.kode import JENIS_NAMA, kenali_kolom
from p3pd.impor.peta import AturanKolom, AturanTabel, Peta, Syarat
from p3pd.impor.sumber import Sumber
from p3pd.muat_masalah import Laporan, Mentah
from p3pd.muat_nilai import _ubah_angka, periksa_tabel

_KOLOM_ANGKA = skema.Kolom("angka", skema.TIPE_DESIMAL, "-", "", batas_atas=1e18)


@dataclass
class HasilTabel:
    """Satu tabel template hasil impor beserta catatan asumsinya."""

    tabel: skema.Tabel
    data: pd.DataFrame
    kolom_dipetakan: list[str]
    kolom_tidak_dipetakan: list[str]
    asumsi: list[str] = field(default_factory=list)
    dibuang: list[str] = field(default_factory=list)
    baris_sumber: int = 0
    #: Peringatan yang mengubah arti angka tabel ini (dict, mis. dari ``per_bidang``); disimpan
    #: di label ``SUMBER_DATA.yaml`` agar notebook dan handout mengulanginya.
    peringatan_data: list[dict] = field(default_factory=list)


def _teks(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def _kosong(seri: pd.Series) -> np.ndarray:
    return (seri.isna() | (seri.astype(str).str.strip() == "")).to_numpy(dtype=bool)


def _ambil_kolom(sumber: Sumber, nama: str, konteks: str) -> pd.Series:
    if nama not in sumber.data.columns:
        import difflib

        mirip = difflib.get_close_matches(nama, list(sumber.data.columns), n=3, cutoff=0.6)
        saran = (" Judul yang mirip: " + ", ".join(f"'{m}'" for m in mirip) + ".") if mirip else ""
        raise DataTidakValid(
            f"kolom sumber '{nama}' (dipakai {konteks}) tidak ada di berkas sumber.{saran} Judul "
            "dibandingkan dalam bentuk baku: huruf kecil, spasi dan tanda baca menjadi '_'.",
            berkas=", ".join(sumber.nama),
            kolom=nama,
        )
    return sumber.data[nama]


def _cocok(syarat: Syarat, sumber: Sumber, konteks: str) -> np.ndarray:
    seri = _ambil_kolom(sumber, syarat.kolom, konteks)
    teks = seri.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else _teks(v))
    lipat = teks.str.casefold()
    if syarat.salah_satu:
        hasil = lipat.isin([s.casefold() for s in syarat.salah_satu])
    elif syarat.awalan:
        hasil = lipat.str.startswith(tuple(s.casefold() for s in syarat.awalan))
    else:
        rx = re.compile(syarat.pola or "")
        hasil = teks.map(lambda t: rx.search(t) is not None)
    hasil = hasil.to_numpy(dtype=bool)
    return ~hasil if syarat.kecuali else hasil


def _galat_laporan(
    laporan: Laporan, sumber: Sumber, judul: str, pakai_urutan: bool
) -> DataTidakValid:
    isi = [f"  {i}. {m}" for i, m in enumerate(laporan.masalah, start=1)]
    pesan = f"{judul}; {len(isi)} masalah:\n" + "\n".join(isi)
    if pakai_urutan:
        nomor = sorted({b for m in laporan.masalah for b in m.baris})[:10]
        pesan += (
            "\n  Nomor baris di atas adalah urutan gabungan semua berkas sumber; asalnya: "
            + sumber.asal([n - 1 for n in nomor])
            + "."
        )
    pesan += "\nBerkas sumber tidak diubah dan tidak ada templat yang ditulis."
    galat = DataTidakValid(pesan, berkas=", ".join(sumber.nama))
    galat.kolom = sorted({k for m in laporan.masalah for k in m.kolom})
    return galat


def _angka(seri: pd.Series, nama: str, nomor: np.ndarray, laporan: Laporan) -> np.ndarray:
    """Angka per baris (NaN untuk sel kosong); teks yang bukan angka dilaporkan ke ``laporan``."""
    hasil = np.full(len(seri), np.nan)
    isi = ~_kosong(seri)
    if isi.any():
        kolom = dataclasses.replace(_KOLOM_ANGKA, nama=nama)
        sub = seri[isi].reset_index(drop=True)
        h = _ubah_angka(sub, kolom, nomor[isi], laporan)
        nilai = h.nilai.to_numpy(dtype=float)
        hasil[np.flatnonzero(isi)[h.sah]] = nilai[h.sah]
    return hasil


def _nilai_aturan(
    aturan: AturanKolom,
    sumber: Sumber,
    nomor: np.ndarray,
    laporan: Laporan,
    kode_desa: pd.Series | None,
) -> pd.Series:
    """Nilai satu kolom template untuk setiap baris sumber (sebelum pengelompokan)."""
    konteks = f"untuk kolom templat '{aturan.target}'"
    n = len(sumber.data)
    if aturan.kolom:
        nilai = _ambil_kolom(sumber, aturan.kolom, konteks).copy()
    elif aturan.jumlah or aturan.terkecil:
        daftar = aturan.jumlah or aturan.terkecil
        angka = np.column_stack(
            [_angka(_ambil_kolom(sumber, k, konteks), k, nomor, laporan) for k in daftar]
        )
        if aturan.jumlah:
            total = angka.sum(axis=1)  # satu sel kosong → hasil kosong (tidak ditebak nol)
        else:
            total = np.where(
                np.isnan(angka).all(axis=1),
                np.nan,
                np.nanmin(np.where(np.isnan(angka), np.inf, angka), axis=1),
            )
        nilai = pd.Series(total, dtype=object).where(~np.isnan(total), np.nan)
    elif aturan.ada_nilai:
        nilai = pd.Series([aturan.nilai] * n, dtype=object)
    elif aturan.induk:
        potong = {"kecamatan": 3, "kabupaten": 2, "provinsi": 1}[aturan.induk]
        nilai = kode_desa.map(
            lambda k: ".".join(k.split(".")[:potong]) if isinstance(k, str) else np.nan
        )
    else:  # hitung
        nilai = pd.Series(np.ones(n), dtype=object)
        if isinstance(aturan.hitung, Syarat):
            nilai = pd.Series(_cocok(aturan.hitung, sumber, konteks).astype(float), dtype=object)
    nilai = nilai.reset_index(drop=True).astype(object)
    if aturan.ambil:
        rx = re.compile(aturan.ambil)

        def ambil(v: object) -> object:
            if v is None or (isinstance(v, float) and v != v):
                return np.nan
            m = rx.search(_teks(v))
            if not m:
                return np.nan
            return "".join(g for g in m.groups() if g is not None)

        nilai = nilai.map(ambil)
    if aturan.peta_nilai:
        tidak_ada = []

        def ganti(v: object) -> object:
            if v is None or (isinstance(v, float) and v != v):
                return np.nan
            t = _teks(v)
            if t in aturan.peta_nilai:
                return aturan.peta_nilai[t]
            if aturan.lainnya is not None:
                return aturan.lainnya
            tidak_ada.append(t)
            return v

        nilai = nilai.map(ganti)
        if tidak_ada:
            pilih = nilai.map(lambda v: _teks(v) in set(tidak_ada)).to_numpy(dtype=bool)
            laporan.tambah(
                "nilai ini tidak disebut di 'peta_nilai' dan tidak ada 'lainnya': "
                + ", ".join(f"'{t}'" for t in sorted(set(tidak_ada))[:5])
                + f" ({konteks}).",
                aturan.kolom or aturan.target,
                nomor[pilih],
            )
    if aturan.kali is not None:
        angka = _angka(nilai, aturan.kolom or aturan.target, nomor, laporan) * aturan.kali
        nilai = pd.Series(angka, dtype=object).where(~np.isnan(angka), np.nan)
    if aturan.nol_bila_ada:
        ada = np.column_stack(
            [
                _angka(_ambil_kolom(sumber, k, konteks), k, nomor, laporan)
                for k in aturan.nol_bila_ada
            ]
        )
        nilai = nilai.where(~(np.nan_to_num(ada) > 0).any(axis=1), 0)
    if aturan.bila is not None:
        cocok = _cocok(aturan.bila, sumber, konteks)
        nilai = nilai.where(cocok, np.nan)
    return nilai


def _kode_desa(
    nilai: pd.Series, aturan: AturanKolom, sumber: Sumber, nomor: np.ndarray, asumsi: list[str]
) -> pd.Series:
    """Kenali kode desa; kode BPS dan angka bukan kode wilayah ditolak dengan nama jenisnya."""
    hasil = kenali_kolom(nilai)
    asal = aturan.kolom or aturan.target
    if hasil.kolom_bps:
        bps = (hasil.jenis == "bps").to_numpy()
        contoh = ", ".join(
            f"'{_teks(v)}' di baris {b}"
            for v, b in zip(nilai[bps][:3], nomor[bps][:3], strict=False)
        )
        raise DataTidakValid(
            "ini kode BPS, bukan kode Kemendagri: kolom ini berisi "
            + JENIS_NAMA["bps"]
            + f" (contoh: {contoh}). Template memakai kode Kemendagri PP.KK.CC.NNNN (mis. "
            "'35.79.01.2006'); nomor kabupaten dan kecamatan BPS bisa berbeda, jadi kode BPS "
            "tidak diubah otomatis. Petakan kode_desa ke kolom yang berisi kode Kemendagri (di "
            "Podes 2024: R106B), atau tambahkan kode Kemendagri dari daftar desa Anda.",
            berkas=", ".join(sumber.nama),
            kolom=asal,
            baris=nomor[bps].tolist(),
        )
    for jenis in ("nik", "bps_kecamatan", "kode_pos"):
        pilih = (hasil.jenis == jenis).to_numpy()
        if pilih.any():
            raise DataTidakValid(
                f"kolom kode desa berisi {JENIS_NAMA[jenis]}, bukan kode desa Kemendagri "
                "(PP.KK.CC.NNNN). Periksa kolom mana yang dipetakan ke kode_desa.",
                berkas=", ".join(sumber.nama),
                kolom=asal,
                baris=nomor[pilih].tolist(),
            )
    if hasil.diubah:
        asumsi.append(
            f"Kode desa ditulis tanpa titik atau dengan spasi pada {hasil.diubah} kode berbeda; "
            "diseragamkan ke bentuk Kemendagri PP.KK.CC.NNNN."
        )
    if hasil.tidak_di_daftar:
        asumsi.append(
            f"{len(hasil.tidak_di_daftar)} kode desa berpola Kemendagri tetapi tidak ada di daftar "
            "wilayah nasional (desa baru atau salah ketik?): "
            + ", ".join(hasil.tidak_di_daftar[:10])
            + (" …" if len(hasil.tidak_di_daftar) > 10 else "")
            + ". Kode ditulis apa adanya; periksa di daftar desa."
        )
    return hasil.baku.where(hasil.baku.notna(), nilai)


def _gabung(
    data: pd.DataFrame,
    aturan: AturanTabel,
    nomor: np.ndarray,
    sumber: Sumber,
    urutan: np.ndarray,
) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    """Gabungkan baris per kunci tabel menurut agregasi setiap kolom."""
    kunci = list(aturan.tabel.kunci)
    laporan = Laporan()
    kelompok = data.groupby(kunci, sort=True, dropna=False).indices
    kolom_lain = [k for k in data.columns if k not in kunci]
    baris_hasil = []
    pertama = []
    for nilai_kunci, posisi in kelompok.items():
        nilai_kunci = nilai_kunci if isinstance(nilai_kunci, tuple) else (nilai_kunci,)
        baris = dict(zip(kunci, nilai_kunci, strict=True))
        for k in kolom_lain:
            a = aturan.kolom[k]
            cara = a.agregasi or "jumlah"
            isi = data[k].iloc[posisi]
            terisi = isi[~_kosong(isi)]
            if cara in ("jumlah", "terkecil", "terbesar"):
                angka = _angka(isi.reset_index(drop=True), k, nomor[posisi], laporan)
                ada = angka[~np.isnan(angka)]
                if not len(ada):
                    baris[k] = np.nan
                else:
                    baris[k] = {"jumlah": ada.sum, "terkecil": ada.min, "terbesar": ada.max}[cara]()
            elif cara == "pertama":
                baris[k] = terisi.iloc[0] if len(terisi) else np.nan
            else:  # sama
                beda = pd.unique(terisi.map(_teks))
                if len(beda) > 1:
                    laporan.tambah(
                        f"agregasi 'sama': kelompok {', '.join(map(str, nilai_kunci))} berisi "
                        f"nilai berbeda ({', '.join(repr(b) for b in beda[:4])}); pilih agregasi "
                        "lain (jumlah, pertama, …) atau perbaiki sumbernya.",
                        k,
                        urutan[posisi],
                    )
                baris[k] = terisi.iloc[0] if len(terisi) else np.nan
        baris_hasil.append(baris)
        pertama.append(int(posisi[0]))
    if laporan.masalah:
        raise _galat_laporan(
            laporan,
            sumber,
            f"tabel '{aturan.tabel.nama}' tidak dapat dikelompokkan",
            len(sumber.nama) > 1,
        )
    hasil = pd.DataFrame(baris_hasil, columns=list(data.columns))
    catatan = [
        f"{len(data)} baris sumber digabung menjadi {len(hasil)} baris, satu per "
        + " + ".join(kunci)
        + "; cara menggabung: "
        + ", ".join(f"{k} = {aturan.kolom[k].agregasi or 'jumlah'}" for k in kolom_lain)
        + "."
    ]
    return hasil, np.asarray(pertama, dtype=np.int64), catatan


def terapkan_tabel(peta: Peta, aturan: AturanTabel, sumber: Sumber) -> HasilTabel:
    """Isi satu tabel template dari sumber menurut peta (lihat docstring modul)."""
    tabel = aturan.tabel
    pakai_urutan = len(sumber.nama) > 1
    semua_nomor = (
        np.arange(1, len(sumber.data) + 1, dtype=np.int64) if pakai_urutan else sumber.baris
    )
    asumsi: list[str] = []
    dibuang: list[str] = []
    pilih = np.ones(len(sumber.data), dtype=bool)
    for syarat in tuple(peta.saring) + tuple(aturan.saring):
        cocok = _cocok(syarat, sumber, "untuk menyaring baris")
        buang = pilih & ~cocok
        if buang.any():
            alasan = syarat.alasan or f"tidak memenuhi syarat {syarat.uraian()}"
            dibuang.append(
                f"{int(buang.sum())} baris dibuang: {alasan} ({sumber.asal(np.flatnonzero(buang))})."
            )
        pilih &= cocok
    posisi = np.flatnonzero(pilih)
    sub = Sumber(
        sumber.data.iloc[posisi].reset_index(drop=True),
        sumber.berkas[posisi],
        sumber.baris[posisi],
        sumber.nama,
        sumber.sidik,
        sumber.jumlah_baris,
        sumber.catatan,
    )
    nomor = semua_nomor[posisi]
    laporan = Laporan()
    kolom: dict[str, pd.Series] = {}
    kode_desa = None
    urut = sorted(aturan.kolom, key=lambda k: (aturan.kolom[k].induk is not None, k != "kode_desa"))
    for target in urut:
        a = aturan.kolom[target]
        nilai = _nilai_aturan(a, sub, nomor, laporan, kode_desa)
        if tabel.kolom_bernama(target).tipe == skema.TIPE_KODE_DESA and not laporan.masalah:
            nilai = _kode_desa(nilai, a, sub, nomor, asumsi)
            kode_desa = nilai
        kolom[target] = nilai
    if laporan.masalah:
        raise _galat_laporan(
            laporan, sumber, f"nilai untuk tabel '{tabel.nama}' tidak dapat dihitung", pakai_urutan
        )
    urutan_kolom = [k for k in tabel.nama_kolom if k in kolom]
    data = pd.DataFrame({k: kolom[k] for k in urutan_kolom})
    kunci_kosong = np.logical_or.reduce([_kosong(data[k]) for k in tabel.kunci])
    if kunci_kosong.any():
        dibuang.append(
            f"{int(kunci_kosong.sum())} baris dibuang: kolom kunci ("
            + ", ".join(tabel.kunci)
            + f") kosong, mis. baris jumlah atau judul antara ({sub.asal(np.flatnonzero(kunci_kosong))})."
        )
        tetap = ~kunci_kosong
        data = data.loc[tetap].reset_index(drop=True)
        sub = Sumber(
            sub.data.loc[tetap].reset_index(drop=True),
            sub.berkas[tetap],
            sub.baris[tetap],
            sub.nama,
            sub.sidik,
            sub.jumlah_baris,
            sub.catatan,
        )
        nomor = nomor[tetap]
    baris_sumber = len(data)
    if aturan.kelompok:
        data, pertama, catatan = _gabung(data, aturan, nomor, sumber, nomor)
        asumsi.extend(catatan)
        nomor = nomor[pertama]
    # Periksa dengan pemeriksa pemuat, hanya atas kolom yang dipetakan.
    tabel_sub = dataclasses.replace(
        tabel,
        kolom=tuple(k for k in tabel.kolom if k.nama in urutan_kolom),
        pasangan=tuple(
            p for p in tabel.pasangan if p.pembilang in urutan_kolom and p.penyebut in urutan_kolom
        ),
    )
    laporan = Laporan()
    mentah = Mentah(data.astype(object).reset_index(drop=True), np.asarray(nomor, dtype=np.int64))
    bertipe = periksa_tabel(mentah, tabel_sub, laporan, False)
    if laporan.masalah:
        raise _galat_laporan(
            laporan,
            sumber,
            f"hasil pemetaan ke tabel '{tabel.nama}' ({tabel.berkas}) belum sah menurut pemuat",
            pakai_urutan,
        )
    asumsi.extend(laporan.catatan)
    bertipe = bertipe.sort_values(list(tabel.kunci), kind="stable").reset_index(drop=True)
    return HasilTabel(
        tabel=tabel,
        data=bertipe,
        kolom_dipetakan=urutan_kolom,
        kolom_tidak_dipetakan=[k for k in tabel.nama_kolom if k not in kolom],
        asumsi=asumsi,
        dibuang=dibuang,
        baris_sumber=baris_sumber,
    )
