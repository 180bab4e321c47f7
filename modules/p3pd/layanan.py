"""Satu pemetaan layanan dasar untuk semua tabel: referensi di folder ``referensi/``.

Kurikulum ini memakai lima layanan dasar P3PD (``skema.LAYANAN``). Setiap tabel yang menyebut
layanan — belanja APBDes per sub-bidang, usulan desa, program perangkat daerah — memetakan
isinya ke layanan melalui **satu** sumber, yaitu tiga berkas di ``referensi/``:

* ``layanan.csv`` — setiap layanan → urusan pemerintahan (UU 23/2014 Pasal 12), bidang SPM
  (PP 2/2018 tentang Standar Pelayanan Minimal), perangkat daerah (OPD) penyedia, dan
  sub-bidang APBDes-nya;
* ``sub_bidang.csv`` — setiap sub-bidang belanja desa (Permendagri 20/2018) → layanan
  (kosong bila bukan layanan dasar);
* ``jenis_layanan.csv`` — setiap *jenis* usulan atau program (mis. ``rumah_layak_huni``) →
  layanan, sub-bidang tempat desa menganggarkan pekerjaan yang sama (kosong bila pekerjaan itu
  kewenangan kabupaten saja), dan **kewenangan**: ``desa`` (pekerjaan skala desa, dibiayai
  APBDes; mengirimnya ke Musrenbang kecamatan berarti salah alamat), ``kabupaten`` (tanpa
  sub-bidang APBDes; tempatnya Musrenbang), atau ``bersama`` (keduanya bisa), dengan
  ``dasar_kewenangan`` dalam kata-kata.

Aturan yang menjaga satu pemetaan: **bila sebuah jenis punya sub-bidang, layanannya sama
dengan layanan sub-bidang itu**. Jadi rehabilitasi rumah tidak layak huni, yang dianggarkan
desa di sub-bidang 2.4 (Kawasan Permukiman), masuk layanan air bersih & sanitasi di APBDes,
di usulan, dan di program kabupaten sekaligus. Jenis tanpa layanan (mis. pelatihan usaha, di
sub-bidang 4.5) bukan layanan dasar dan tidak dipakai di tabel usulan maupun program.
:func:`periksa_pemetaan` memeriksa aturan ini; generator data dan uji memanggilnya.

``kegiatan.csv`` menyimpan kegiatan sub-bidang 1.1 dan tanda mana yang termasuk batas 30 %
(PP 11/2019; lihat ``p3pd.apbdes``).

Berkas dibaca sekali saat pertama kali diminta; setiap fungsi mengembalikan salinan.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from p3pd.lokasi import folder_referensi
from p3pd.skema import LAYANAN

KEWENANGAN = ("desa", "bersama", "kabupaten")
"""Nilai kolom ``kewenangan`` di ``jenis_layanan.csv``."""


@cache
def _baca(nama: str) -> pd.DataFrame:
    df = pd.read_csv(folder_referensi() / nama, dtype=str, keep_default_na=False, encoding="utf-8")
    return df.apply(lambda s: s.str.strip())


def referensi_layanan() -> pd.DataFrame:
    """Tabel layanan dasar: urusan (UU 23/2014 Pasal 12), bidang SPM (PP 2/2018), OPD penyedia.

    Kolom: ``layanan`` (kunci ``skema.LAYANAN``), ``nama_layanan``, ``urusan_pemerintahan``,
    ``dasar_urusan``, ``bidang_spm``, ``opd_penyedia``, ``sub_bidang_apbdes``.
    """
    return _baca("layanan.csv").copy()


def referensi_sub_bidang() -> pd.DataFrame:
    """Sub-bidang belanja desa (Permendagri 20/2018) dan layanan dasarnya.

    Kolom: ``kode_sub_bidang`` (teks, mis. ``'2.1'``), ``kode_bidang``, ``nama_bidang``,
    ``nama_sub_bidang``, ``layanan`` (kunci ``skema.LAYANAN``, atau NaN bila bukan layanan dasar).
    """
    df = _baca("sub_bidang.csv").copy()
    df["layanan"] = df["layanan"].where(df["layanan"] != "", float("nan"))
    return df


def referensi_jenis() -> pd.DataFrame:
    """Jenis usulan/program → layanan dan sub-bidang APBDes tempat desa menganggarkannya.

    Kolom: ``jenis``, ``nama_jenis``, ``layanan`` (kosong = bukan layanan dasar),
    ``kode_sub_bidang`` (kosong = kewenangan kabupaten, tidak dianggarkan desa), ``kewenangan``
    (``desa``, ``bersama``, ``kabupaten``), ``dasar_kewenangan``.
    """
    return _baca("jenis_layanan.csv").copy()


def referensi_kegiatan() -> pd.DataFrame:
    """Kegiatan sub-bidang 1.1 dan tanda ``batas_30_persen`` (``'ya'``/``'tidak'``)."""
    return _baca("kegiatan.csv").copy()


def layanan_sub_bidang() -> dict[str, str]:
    """Peta kode sub-bidang → kunci layanan, hanya sub-bidang layanan dasar."""
    df = _baca("sub_bidang.csv")
    return {k: v for k, v in zip(df["kode_sub_bidang"], df["layanan"], strict=True) if v}


def layanan_jenis(jenis: str) -> str:
    """Kunci layanan untuk satu jenis usulan/program; pesan kesalahan bila jenisnya tidak dikenal atau
    bukan layanan dasar."""
    df = _baca("jenis_layanan.csv").set_index("jenis")
    if jenis not in df.index:
        raise KeyError(
            f"Jenis '{jenis}' tidak ada di referensi/jenis_layanan.csv. "
            f"Jenis yang ada: {', '.join(df.index)}."
        )
    layanan = df.at[jenis, "layanan"]
    if not layanan:
        raise ValueError(f"Jenis '{jenis}' bukan layanan dasar (kolom layanan kosong).")
    return str(layanan)


def kegiatan_dibatasi() -> tuple[str, ...]:
    """Kode kegiatan sub-bidang 1.1 yang termasuk batas 30 % (mis. ``('1.1.01', …)``)."""
    df = _baca("kegiatan.csv")
    return tuple(df.loc[df["batas_30_persen"] == "ya", "kode_kegiatan"])


def periksa_pemetaan() -> None:
    """Periksa bahwa ketiga referensi membentuk satu pemetaan; ``ValueError`` bila tidak.

    Diperiksa: setiap layanan ``skema.LAYANAN`` ada tepat sekali di ``layanan.csv`` dengan
    bidang SPM dan OPD penyedia terisi; sub-bidang di ``layanan.csv`` memetakan balik ke
    layanan yang sama di ``sub_bidang.csv``; setiap layanan di ``sub_bidang.csv`` dan
    ``jenis_layanan.csv`` dikenal; setiap jenis yang punya sub-bidang berlayanan sama dengan
    sub-bidang itu; kewenangan setiap jenis sah, dan jenis berkewenangan ``kabupaten`` tepat
    jenis yang tidak punya sub-bidang APBDes.
    """
    masalah: list[str] = []
    lay = _baca("layanan.csv")
    sub = _baca("sub_bidang.csv")
    jenis = _baca("jenis_layanan.csv")
    peta_sub = dict(zip(sub["kode_sub_bidang"], sub["layanan"], strict=True))
    if sorted(lay["layanan"]) != sorted(LAYANAN) or lay["layanan"].duplicated().any():
        masalah.append("layanan.csv harus memuat tepat kelima layanan: " + ", ".join(LAYANAN))
    for _, b in lay.iterrows():
        for kolom in ("bidang_spm", "opd_penyedia", "dasar_urusan"):
            if not b[kolom]:
                masalah.append(f"layanan.csv: '{b['layanan']}' tanpa {kolom}")
        for kode in filter(None, (k.strip() for k in b["sub_bidang_apbdes"].split(";"))):
            if peta_sub.get(kode) != b["layanan"]:
                masalah.append(
                    f"layanan.csv menyebut sub-bidang {kode} untuk '{b['layanan']}', tetapi "
                    f"sub_bidang.csv memetakannya ke '{peta_sub.get(kode) or '(kosong)'}'"
                )
    for kode, layanan in peta_sub.items():
        if layanan and layanan not in LAYANAN:
            masalah.append(f"sub_bidang.csv: layanan '{layanan}' (sub-bidang {kode}) tidak dikenal")
        if layanan and kode not in {
            k.strip() for s in lay["sub_bidang_apbdes"] for k in s.split(";")
        }:
            masalah.append(f"sub_bidang.csv: sub-bidang {kode} tidak disebut di layanan.csv")
    if jenis["jenis"].duplicated().any():
        masalah.append("jenis_layanan.csv: kolom jenis tidak unik")
    for _, b in jenis.iterrows():
        if b["layanan"] and b["layanan"] not in LAYANAN:
            masalah.append(f"jenis_layanan.csv: layanan '{b['layanan']}' tidak dikenal")
        if b["kode_sub_bidang"]:
            if b["kode_sub_bidang"] not in peta_sub:
                masalah.append(f"jenis_layanan.csv: sub-bidang {b['kode_sub_bidang']} tidak ada")
            elif peta_sub[b["kode_sub_bidang"]] != b["layanan"]:
                masalah.append(
                    f"jenis '{b['jenis']}' berlayanan '{b['layanan'] or '(kosong)'}' tetapi "
                    f"sub-bidangnya {b['kode_sub_bidang']} berlayanan "
                    f"'{peta_sub[b['kode_sub_bidang']] or '(kosong)'}'"
                )
        elif not b["layanan"]:
            masalah.append(f"jenis_layanan.csv: '{b['jenis']}' tanpa layanan dan tanpa sub-bidang")
        if b["kewenangan"] not in KEWENANGAN:
            masalah.append(
                f"jenis_layanan.csv: kewenangan '{b['kewenangan']}' ('{b['jenis']}') bukan salah"
                f" satu dari {', '.join(KEWENANGAN)}"
            )
        elif (b["kewenangan"] == "kabupaten") != (b["kode_sub_bidang"] == ""):
            masalah.append(
                f"jenis_layanan.csv: '{b['jenis']}' berkewenangan {b['kewenangan']} harus"
                + (" tanpa" if b["kewenangan"] == "kabupaten" else " dengan")
                + " sub-bidang APBDes"
            )
    if masalah:
        raise ValueError("Pemetaan layanan tidak konsisten:\n- " + "\n- ".join(masalah))
