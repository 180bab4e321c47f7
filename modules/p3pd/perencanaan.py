"""Sinkronisasi perencanaan desa–kabupaten untuk satu kecamatan: usulan, program, dan isu Musrenbang.

Kecamatan adalah engsel antara dua siklus yang tidak serentak: desa menyusun RKPDes pada
Juli–September dan APBDes sampai akhir tahun, sedangkan kabupaten menggelar Musrenbang
kecamatan, Forum Perangkat Daerah, dan Musrenbang kabupaten di awal tahun untuk RKPD tahun
berikutnya (``kalender_perencanaan``). Usulan Musrenbang tahun t masuk RKPD tahun t + 1.

Semua fungsi menerima ``data`` = kamus hasil ``p3pd.muat.muat_folder`` (tabel ``wilayah``,
``indikator``, ``belanja``, ``usulan``, ``program``; bila ada juga ``usulan_tindak_lanjut`` dan
``program_desa``). Data sendiri boleh sebagian: hanya ``wilayah`` yang wajib; tabel lain yang
tidak ada dibaca sebagai tabel tanpa baris (``apbdes.tabel_data``), sehingga lampu tanpa
indikator menjadi ``'tanpa data'``, porsi APBDes NaN, dan tanpa tabel program isu tidak
menyebut "tanpa program" (yang tidak diketahui). Fungsi juga menerima ``kecamatan`` (nama
atau kode) dan ``tahun`` = **tahun rencana** yang
ditelaah: lampu indikator tahun itu, belanja APBDes tahun itu, usulan untuk tahun itu (disusun di
Musrenbang tahun sebelumnya), dan program OPD tahun itu.

Aturan yang dipakai (sama dengan yang ditulis di notebook 06):

- **Lampu layanan** satu desa = lampu terburuk indikator layanan itu (``p3pd.diagnosis``):
  merah bila ada satu indikator merah, kuning bila ada kuning, selain itu hijau.
- **Program menyasar** desa × layanan bila desa itu ada di desa sasaran program OPD berlayanan
  sama pada tahun itu.
- **Kebutuhan tak terpenuhi**: (a) desa × layanan berlampu merah yang tidak disasar program mana
  pun; (b) usulan yang ``ditampung_oleh`` = ``tidak``.
- **Pasokan tanpa permintaan**: program × desa sasaran yang di layanan itu tidak merah **dan**
  tidak mengusulkan apa pun untuk layanan itu.
- **Usulan salah alamat**: usulan jalur Musrenbang yang jenisnya berkewenangan ``desa``
  (``referensi/jenis_layanan.csv``) — pekerjaan skala desa yang seharusnya masuk RKPDes/APBDes.
- **Isu Musrenbang** (``isu_musrenbang``): satu isu per layanan yang punya desa merah tanpa
  program atau usulan berkewenangan kabupaten/bersama yang belum ditampung. Skor isu =
  2 × desa merah tanpa program + 1 × desa yang usulannya belum ditampung; diurutkan dari skor
  tertinggi, lalu banyak desa merah, lalu urutan layanan. Usulan salah alamat tidak dihitung:
  tempatnya di APBDes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from p3pd.apbdes_rekap import tabel_data
from p3pd.memo import ingat
from p3pd.skema import LAYANAN

TIDAK_ADA_DATA = "tidak ada data"
"""Teks untuk data yang tidak tersedia (sama dengan ``p3pd.notebook.TIDAK_ADA_DATA``)."""

TIDAK_DITAMPUNG = "tidak"
"""Nilai ``ditampung_oleh`` untuk usulan yang tidak ditampung siapa pun."""

KOLOM_ISU = (
    "peringkat",
    "layanan",
    "nama_layanan",
    "isu",
    "opd",
    "skor",
    "desa_merah",
    "desa_merah_tanpa_program",
    "desa_usulan_tertunda",
    "usulan_tertunda",
    "biaya_usulan_tertunda",
    "indikator",
    "nama_indikator",
    "capaian",
    "target",
    "porsi_apbdes",
    "program_opd",
    "kode_desa",
    "nama_desa",
    "bukti",
)
"""Kolom hasil ``isu_musrenbang``, berurutan."""


def kalender_perencanaan() -> pd.DataFrame:
    """Kalender perencanaan desa dan kabupaten untuk tahun rencana N (``referensi/kalender_perencanaan.csv``).

    Kolom: ``urutan, tahap, tingkat, bulan, tahun`` (``N−1`` = setahun sebelum tahun rencana),
    ``status_bulan`` (``pasti`` bila bulannya bersumber, ``perkiraan`` bila tidak),
    ``dasar_hukum, catatan_sumber, peran_camat``.
    """
    from p3pd.layanan import _baca

    hasil = _baca("kalender_perencanaan.csv").copy()
    hasil["urutan"] = hasil["urutan"].astype(int)
    return hasil


def _kecamatan(data: Mapping[str, pd.DataFrame], kecamatan: str) -> Any:
    from p3pd import wilayah

    return wilayah.cari_kecamatan(kecamatan, data=data.get("wilayah"))


def _desa_kecamatan(data: Mapping[str, pd.DataFrame], kode_kec: str) -> pd.DataFrame:
    wil = data["wilayah"]
    desa = wil.loc[wil["kode_kecamatan"] == kode_kec, ["kode_desa", "nama_desa"]]
    return desa.sort_values("kode_desa").reset_index(drop=True)


def _kewenangan() -> pd.Series:
    from p3pd.layanan import referensi_jenis

    return referensi_jenis().set_index("jenis")["kewenangan"]


def tindak_lanjut_usulan(data: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Usulan desa dengan tahun Musrenbang, jenis, kewenangan, jalur, dan siapa yang menampungnya.

    Kolom ``usulan_desa`` ditambah ``tahun_usulan, jenis, kewenangan`` (``desa``, ``bersama``,
    ``kabupaten``), ``jalur`` (``RKPDes``/``Musrenbang``), ``ditampung_oleh`` (nomor program,
    ``APBDes``, ``provinsi``, ``tidak``) dan ``cara_tampung`` (``program OPD``, ``APBDes``,
    ``provinsi``, ``tidak``). Tanpa tabel ``usulan_tindak_lanjut`` (data sendiri) kolom tambahan
    diisi ``'tidak diketahui'`` dan ``cara_tampung`` dari ``diakomodasi`` (sel kosong:
    ``'tidak diketahui'``). Tanpa tabel ``usulan``: tabel tanpa baris dengan kolom yang sama.
    """
    return ingat(
        "tindak_lanjut_usulan",
        (data.get("usulan"), data.get("usulan_tindak_lanjut")),
        (),
        lambda: _tindak_lanjut_usulan(data),
    )


def _tindak_lanjut_usulan(data: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    u = tabel_data(data, "usulan").copy()
    tl = data.get("usulan_tindak_lanjut")
    if tl is not None and len(tl):
        u = u.merge(tl, on="id_usulan", how="left", validate="one_to_one")
        u["kewenangan"] = u["jenis"].map(_kewenangan()).fillna("tidak diketahui")
        oleh = u["ditampung_oleh"].fillna(TIDAK_DITAMPUNG).astype(str)
        u["ditampung_oleh"] = oleh
        u["cara_tampung"] = np.where(oleh.str.match(r"^P\d"), "program OPD", oleh)
    else:
        u["tahun_usulan"] = u["tahun"] - 1
        for kolom in ("jenis", "kewenangan", "jalur", "ditampung_oleh"):
            u[kolom] = "tidak diketahui"
        ya = u["diakomodasi"].astype("boolean")
        u["cara_tampung"] = np.select(
            [ya.isna().to_numpy(), ya.fillna(False).to_numpy(dtype=bool)],
            ["tidak diketahui", "ditampung (rincian tidak diketahui)"],
            TIDAK_DITAMPUNG,
        )
    return u


def program_per_desa(data: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Program OPD dalam bentuk panjang: satu baris per program × desa sasaran.

    Kolom: ``id_program, kode_desa, tahun, opd, program, layanan`` lalu, bila tabel
    ``program_desa`` ada, ``jenis, indikator_keluaran, satuan, target_volume, anggaran,
    sumber_dana``. Tanpa ``program_desa`` (data sendiri) kolom ``desa_sasaran`` dipecah dan
    kolom rincian itu (termasuk ``anggaran`` per desa) dibiarkan kosong (NaN). Tanpa tabel
    ``program``: tabel tanpa baris dengan kolom yang sama.
    """
    return ingat(
        "program_per_desa",
        (data.get("program"), data.get("program_desa")),
        (),
        lambda: _program_per_desa(data),
    )


def _program_per_desa(data: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    prog = tabel_data(data, "program")
    panjang = prog.assign(kode_desa=prog["desa_sasaran"].astype(str).str.split(";")).explode(
        "kode_desa"
    )
    panjang["kode_desa"] = panjang["kode_desa"].str.strip()
    panjang = panjang[panjang["kode_desa"] != ""]
    dasar = panjang[["id_program", "kode_desa", "tahun", "opd", "program", "layanan"]]
    rinci = data.get("program_desa")
    if rinci is not None and len(rinci):
        dasar = dasar.merge(rinci.drop(columns="tahun"), on=["id_program", "kode_desa"], how="left")
    else:  # tanpa rincian per desa: kolom rincian ada, isinya "tidak ada data" (NaN)
        kolom = [
            "jenis",
            "indikator_keluaran",
            "satuan",
            "target_volume",
            "anggaran",
            "sumber_dana",
        ]
        dasar = dasar.assign(**dict.fromkeys(kolom, np.nan))
    return dasar.reset_index(drop=True)


def _lampu_layanan(data: Mapping[str, pd.DataFrame], kode: list[str], tahun: int) -> pd.DataFrame:
    """Lampu terburuk dan banyak indikator merah per desa × layanan."""
    from p3pd.diagnosis import matriks_masalah

    ind = tabel_data(data, "indikator")
    if not (ind["kode_desa"].isin(kode) & (ind["tahun"] == tahun)).any():
        # tanpa indikator desa-desa ini tahun itu: semua lampu "tanpa data"
        return pd.DataFrame(columns=["kode_desa", "layanan", "indikator_merah", "lampu"])
    m = matriks_masalah(ind, tahun=tahun)
    m = m[m["kode_desa"].isin(kode)]
    urut = {"tanpa data": -1, "hijau": 0, "kuning": 1, "merah": 2}
    m = m.assign(_u=m["lampu"].map(urut), _merah=m["lampu"].eq("merah"))
    g = m.groupby(["kode_desa", "layanan"])
    hasil = g.agg(_u=("_u", "max"), indikator_merah=("_merah", "sum")).reset_index()
    balik = {v: k for k, v in urut.items()}
    hasil["lampu"] = hasil["_u"].map(balik)
    return hasil.drop(columns="_u")


def _porsi_apbdes(data: Mapping[str, pd.DataFrame], kode: list[str], tahun: int) -> pd.DataFrame:
    """Porsi realisasi APBDes per desa × layanan (%) dari ``apbdes.porsi_layanan_dasar``."""
    from p3pd.apbdes import porsi_layanan_dasar

    bel = tabel_data(data, "belanja")
    bel = bel[bel["kode_desa"].isin(kode) & (bel["tahun"] == tahun)]
    if bel.empty:
        return pd.DataFrame(columns=["kode_desa", "layanan", "porsi_apbdes"])
    p = porsi_layanan_dasar(bel, "desa", tahun)
    panjang = p.melt(
        id_vars="kode_wilayah",
        value_vars=[f"porsi_{k}" for k in LAYANAN],
        var_name="layanan",
        value_name="porsi_apbdes",
    )
    panjang["layanan"] = panjang["layanan"].str.removeprefix("porsi_")
    return panjang.rename(columns={"kode_wilayah": "kode_desa"})


def _ada(data: Mapping[str, pd.DataFrame], nama: str) -> bool:
    """``True`` bila tabel ``nama`` ada di ``data`` dan berisi baris."""
    tabel = data.get(nama)
    return tabel is not None and len(tabel) > 0


KOLOM_TABEL = {
    "merah": "indikator",
    "indikator_merah": "indikator",
    "usulan": "usulan",
    "usulan_musrenbang": "usulan",
    "usulan_ditampung": "usulan",
    "program": "program",
    "disasar": "program",
    "anggaran_program": "program",
}
"""Kolom hitungan di tampilan desa × layanan dan tabel asalnya (``p3pd.skema``)."""


def tandai_tidak_ada(tabel: pd.DataFrame, data: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Salinan ``tabel`` untuk ditampilkan: kolom hitungan (:data:`KOLOM_TABEL`) dari tabel yang
    tidak ada di ``data`` ditulis "tidak ada data (tabel …)", bukan 0.

    Mis. ringkasan per layanan ``merah, disasar, usulan, usulan_ditampung`` dari folder tanpa
    ``usulan_desa.csv``: kolom ``usulan`` berisi "tidak ada data (tabel usulan_desa.csv)".
    Bila semua tabel ada, ``tabel`` dikembalikan tanpa perubahan.
    """
    from p3pd.apbdes_rekap import teks_tidak_ada

    hilang = {k: t for k, t in KOLOM_TABEL.items() if k in tabel.columns and not _ada(data, t)}
    if not hilang:
        return tabel
    hasil = tabel.copy()
    for kolom, nama in hilang.items():
        hasil[kolom] = teks_tidak_ada(nama)
    return hasil


def tampilan_desa_layanan(
    data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int
) -> pd.DataFrame:
    """Satu baris per desa × layanan: lampu | porsi APBDes | usulan | program, untuk tahun ``tahun``.

    Kolom: ``kode_desa, nama_desa, layanan, lampu, indikator_merah`` (``Int64``; NA bila lampu
    layanan itu "tanpa data"), ``porsi_apbdes`` (% realisasi
    belanja desa untuk layanan itu), ``usulan`` (usulan untuk tahun itu), ``usulan_musrenbang``
    (yang diteruskan ke Musrenbang), ``usulan_ditampung``, ``program`` (banyak program OPD yang
    menyasar desa itu di layanan itu), ``anggaran_program`` (Rp, dari ``program_desa``; NaN bila
    tidak ada rinciannya). Bila tabel usulan atau program OPD tidak ada di ``data``, kolomnya
    NaN ("tidak ada data"), bukan 0. Atribut ``attrs``: ``kecamatan``, ``kode_kecamatan``, ``tahun``.
    """
    kec = _kecamatan(data, kecamatan)
    desa = _desa_kecamatan(data, kec.kode)
    kode = desa["kode_desa"].tolist()
    kerangka = desa.merge(pd.DataFrame({"layanan": list(LAYANAN)}), how="cross")
    hasil = kerangka.merge(
        _lampu_layanan(data, kode, tahun), on=["kode_desa", "layanan"], how="left"
    )
    hasil["lampu"] = hasil["lampu"].fillna("tanpa data")
    # layanan tanpa indikator berdata di desa itu: banyak indikator merah "tidak ada data" (NA),
    # bukan 0 — 0 berarti "ada data dan tidak ada yang merah"
    hasil["indikator_merah"] = (
        hasil["indikator_merah"].astype("Int64").mask(hasil["lampu"].eq("tanpa data"))
    )
    hasil = hasil.merge(_porsi_apbdes(data, kode, tahun), on=["kode_desa", "layanan"], how="left")

    u = tindak_lanjut_usulan(data)
    u = u[u["kode_desa"].isin(kode) & (u["tahun"] == tahun)]
    hitung_u = (
        u.assign(_mus=u["jalur"].eq("Musrenbang"), _ya=u["cara_tampung"].ne(TIDAK_DITAMPUNG))
        .groupby(["kode_desa", "layanan"])
        .agg(
            usulan=("id_usulan", "size"),
            usulan_musrenbang=("_mus", "sum"),
            usulan_ditampung=("_ya", "sum"),
        )
        .reset_index()
    )
    p = program_per_desa(data)
    p = p[p["kode_desa"].isin(kode) & (p["tahun"] == tahun)]
    hitung_p = (
        p.groupby(["kode_desa", "layanan"])
        .agg(program=("id_program", "nunique"), anggaran_program=("anggaran", "sum"))
        .reset_index()
    )
    if p["anggaran"].isna().all():
        hitung_p["anggaran_program"] = np.nan
    hasil = hasil.merge(hitung_u, on=["kode_desa", "layanan"], how="left").merge(
        hitung_p, on=["kode_desa", "layanan"], how="left"
    )
    for kolom in ("usulan", "usulan_musrenbang", "usulan_ditampung", "program"):
        hasil[kolom] = hasil[kolom].fillna(0).astype(int)
    hasil.loc[hasil["program"] == 0, "anggaran_program"] = 0.0
    # tabel yang tidak ada di folder: "tidak ada data" (NaN), bukan 0 usulan/program/rupiah
    if not _ada(data, "usulan"):
        hasil[["usulan", "usulan_musrenbang", "usulan_ditampung"]] = np.nan
    if not _ada(data, "program"):
        hasil[["program", "anggaran_program"]] = np.nan
    hasil["porsi_apbdes"] = hasil["porsi_apbdes"].astype("float64")
    hasil.attrs.update(kecamatan=kec.nama, kode_kecamatan=kec.kode, tahun=int(tahun))
    return hasil


def kesenjangan_tanpa_program(
    data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int
) -> pd.DataFrame:
    """Desa × layanan berlampu merah yang tidak disasar program OPD mana pun pada tahun itu.

    Kolom sama dengan ``tampilan_desa_layanan``, ditambah ``opd`` (perangkat daerah penyedia
    layanan itu, ``referensi/layanan.csv``). Diurutkan menurut layanan lalu indikator merah.
    """
    from p3pd.layanan import referensi_layanan

    v = tampilan_desa_layanan(data, kecamatan, tahun)
    opd = referensi_layanan().set_index("layanan")["opd_penyedia"]
    hasil = v[(v["lampu"] == "merah") & (v["program"].fillna(0) == 0)].copy()
    hasil["opd"] = hasil["layanan"].map(opd)
    urut = {k: i for i, k in enumerate(LAYANAN)}
    hasil = hasil.sort_values(
        ["layanan", "indikator_merah", "kode_desa"],
        key=lambda s: s.map(urut) if s.name == "layanan" else s,
        ascending=[True, False, True],
    )
    hasil.attrs.update(v.attrs)
    return hasil.reset_index(drop=True)


def _usulan_kecamatan(
    data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int
) -> tuple[pd.DataFrame, Any]:
    kec = _kecamatan(data, kecamatan)
    desa = _desa_kecamatan(data, kec.kode)
    u = tindak_lanjut_usulan(data)
    u = u[u["kode_desa"].isin(desa["kode_desa"]) & (u["tahun"] == tahun)]
    u = u.merge(desa, on="kode_desa", how="left")
    return u.sort_values("id_usulan").reset_index(drop=True), kec


def usulan_tak_ditampung(
    data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int
) -> pd.DataFrame:
    """Usulan desa kecamatan itu untuk tahun ``tahun`` yang tidak ditampung siapa pun.

    Kolom: semua kolom ``tindak_lanjut_usulan`` ditambah ``nama_desa``.
    """
    u, kec = _usulan_kecamatan(data, kecamatan, tahun)
    hasil = u[u["cara_tampung"] == TIDAK_DITAMPUNG].reset_index(drop=True)
    hasil.attrs.update(kecamatan=kec.nama, kode_kecamatan=kec.kode, tahun=int(tahun))
    return hasil


def usulan_salah_alamat(
    data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int
) -> pd.DataFrame:
    """Usulan jalur Musrenbang yang jenisnya berkewenangan desa: tempatnya RKPDes/APBDes.

    Kolom: semua kolom ``tindak_lanjut_usulan`` ditambah ``nama_desa`` dan ``kode_sub_bidang``
    (sub-bidang APBDes tempat desa dapat menganggarkannya). Kosong bila jalur tidak diketahui.
    """
    from p3pd.layanan import referensi_jenis

    u, kec = _usulan_kecamatan(data, kecamatan, tahun)
    hasil = u[(u["jalur"] == "Musrenbang") & (u["kewenangan"] == "desa")].copy()
    sub = referensi_jenis().set_index("jenis")["kode_sub_bidang"]
    hasil["kode_sub_bidang"] = hasil["jenis"].map(sub)
    hasil.attrs.update(kecamatan=kec.nama, kode_kecamatan=kec.kode, tahun=int(tahun))
    return hasil.reset_index(drop=True)


def pasokan_tanpa_permintaan(
    data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int
) -> pd.DataFrame:
    """Program × desa sasaran yang di layanan itu tidak berlampu merah dan tanpa usulan desa.

    Kolom: ``id_program, opd, program, layanan, kode_desa, nama_desa, lampu, anggaran`` (Rp per
    desa bila ada rinciannya). Bukan berarti program itu salah: bisa saja program pencegahan;
    tetapi pertanyaannya layak diajukan di Forum Perangkat Daerah.
    """
    v = tampilan_desa_layanan(data, kecamatan, tahun)
    p = program_per_desa(data)
    p = p[p["kode_desa"].isin(v["kode_desa"]) & (p["tahun"] == tahun)]
    p = p.merge(
        v[["kode_desa", "nama_desa", "layanan", "lampu", "usulan"]],
        on=["kode_desa", "layanan"],
        how="left",
    )
    hasil = p[(p["lampu"] != "merah") & (p["usulan"].fillna(0) == 0)]
    kolom = [
        "id_program",
        "opd",
        "program",
        "layanan",
        "kode_desa",
        "nama_desa",
        "lampu",
        "anggaran",
    ]
    hasil = hasil[kolom].sort_values(["id_program", "kode_desa"]).reset_index(drop=True)
    hasil.attrs.update(v.attrs)
    return hasil


def _daftar(nama: pd.Series, batas: int = 6) -> str:
    nama = [str(x) for x in nama]
    if len(nama) <= batas:
        return ", ".join(nama)
    return ", ".join(nama[:batas]) + f", dan {len(nama) - batas} desa/kelurahan lain"


def isu_musrenbang(data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int) -> pd.DataFrame:
    """Daftar isu berperingkat untuk Musrenbang kecamatan, satu baris per isu (per layanan).

    Bukti tahun ``tahun``: desa berlampu merah yang tidak disasar program OPD, dan usulan jalur
    Musrenbang berkewenangan kabupaten/bersama yang tidak ditampung (``ditampung_oleh`` =
    ``tidak``). Skor = 2 × ``desa_merah_tanpa_program`` + 1 × ``desa_usulan_tertunda`` (banyak desa,
    bukan banyak usulan); layanan tanpa keduanya tidak menjadi isu. Urutan: skor, lalu ``desa_merah``,
    lalu urutan layanan. Kolom (``KOLOM_ISU``): ``peringkat, layanan, nama_layanan, isu`` (satu
    kalimat), ``opd`` (perangkat daerah penyedia), ``skor, desa_merah,
    desa_merah_tanpa_program, usulan_tertunda, biaya_usulan_tertunda`` (Rp), ``indikator``
    (kode indikator bertarget dengan desa merah terbanyak), ``nama_indikator, capaian`` (capaian
    kecamatan, %), ``target, porsi_apbdes`` (% realisasi belanja desa se-kecamatan untuk
    layanan itu), ``program_opd`` (banyak program OPD tahun itu di layanan itu yang menyasar desa
    kecamatan), ``kode_desa`` dan ``nama_desa`` (desa yang disebut, dipisah ``;``), ``bukti``
    (angka dan nama desa dalam kalimat). Atribut ``attrs``: ``kecamatan``, ``kode_kecamatan``,
    ``kabupaten``, ``tahun``. Tanpa tabel program OPD (data sendiri) ``desa_merah_tanpa_program``
    dan ``program_opd`` kosong (NaN, "tidak ada data"), dan skor memakai semua desa merah
    (programnya tidak diketahui); kalimat isu menyebutnya. Tanpa tabel usulan, kolom usulan
    kosong (NaN) dan tidak menambah skor. Bila kecamatan punya kelurahan, kalimat isu menghitung
    "desa/kelurahan".
    """
    from p3pd.apbdes import porsi_layanan_dasar
    from p3pd.diagnosis import matriks_masalah
    from p3pd.format import persen, rupiah
    from p3pd.indikator import INDIKATOR, hitung_capaian
    from p3pd.layanan import referensi_layanan

    kec = _kecamatan(data, kecamatan)
    v = tampilan_desa_layanan(data, kec.kode, tahun)
    nama = dict(zip(v["kode_desa"], v["nama_desa"], strict=False))
    u, _ = _usulan_kecamatan(data, kec.kode, tahun)
    tertunda = u[
        (u["cara_tampung"] == TIDAK_DITAMPUNG)
        & (u["jalur"] != "RKPDes")
        & (u["kewenangan"] != "desa")
    ]
    ind = tabel_data(data, "indikator")
    ind_kec = ind[ind["kode_desa"].isin(v["kode_desa"])]
    if (ind_kec["tahun"] == tahun).any():
        m = matriks_masalah(ind, tahun=tahun)
        m = m[m["kode_desa"].isin(v["kode_desa"]) & (m["lampu"] == "merah")]
        capaian = hitung_capaian(ind_kec, "kecamatan", tahun=tahun).set_index("indikator")
    else:  # tanpa indikator tahun itu: tidak ada desa merah dan tidak ada capaian
        m = pd.DataFrame(columns=["kode_desa", "layanan", "indikator", "lampu"])
        capaian = pd.DataFrame(columns=["capaian"])
    bel = tabel_data(data, "belanja")
    bel = bel[bel["kode_desa"].isin(v["kode_desa"]) & (bel["tahun"] == tahun)]
    porsi = porsi_layanan_dasar(bel, "kecamatan", tahun) if len(bel) else pd.DataFrame()
    opd = referensi_layanan().set_index("layanan")["opd_penyedia"]
    # Tanpa tabel program atau usulan (data sendiri) "tanpa program"/"tertunda" tidak diketahui:
    # teksnya tidak mengklaim, kolomnya "tidak ada data" (NaN).
    ada_program = len(tabel_data(data, "program")) > 0
    ada_usulan = len(tabel_data(data, "usulan")) > 0
    prog = program_per_desa(data)
    prog = prog[(prog["tahun"] == tahun) & prog["kode_desa"].isin(v["kode_desa"])]
    program_layanan = prog.groupby("layanan")["id_program"].nunique()

    baris = []
    for lay, nama_lay in LAYANAN.items():
        vl = v[v["layanan"] == lay]
        merah = vl[vl["lampu"] == "merah"]
        tanpa = merah[merah["program"].fillna(0) == 0]
        ul = tertunda[tertunda["layanan"] == lay]
        desa_u = sorted(set(ul["kode_desa"]))
        skor = 2 * len(tanpa) + len(desa_u)
        if skor == 0:
            continue
        ml = m[m["layanan"] == lay]
        # indikator bertarget lebih dulu (lampu tanpa target hanya pembanding), lalu desa merah
        hitung = ml["indikator"].value_counts().sort_index()
        bertarget = [k for k in hitung.index if INDIKATOR[k].target is not None]
        kode_ind = str(hitung[bertarget or list(hitung.index)].idxmax()) if len(ml) else ""
        info = INDIKATOR.get(kode_ind)
        cap = float(capaian.at[kode_ind, "capaian"]) if kode_ind in capaian.index else np.nan
        porsi_l = float(porsi[f"porsi_{lay}"].iloc[0]) if len(porsi) else np.nan
        disebut = sorted(set(tanpa["kode_desa"]) | set(desa_u))
        n_prog = int(program_layanan.get(lay, 0))
        satuan = "desa/kelurahan" if vl["kode_desa"].astype(str).str[9].eq("1").any() else "desa"
        bagian = [f"{len(merah)} dari {len(vl)} {satuan} berlampu merah {nama_lay.lower()}"]
        if len(tanpa) and ada_program:
            bagian.append(f"{len(tanpa)} di antaranya tanpa program OPD")
        elif len(tanpa):
            bagian.append(
                "tabel program OPD belum ada di data ini, jadi belum diketahui apakah "
                f"{satuan} merah itu sudah disasar program"
            )
        if len(ul):
            bagian.append(f"{len(ul)} usulan dari {len(desa_u)} desa belum ditampung")
        isu = f"{nama_lay}: " + "; ".join(bagian) + f" — dibawa ke {opd[lay]}"
        bukti = []
        if info is not None and not np.isnan(cap):
            target = f" (target {persen(info.target)})" if info.target is not None else ""
            bukti.append(f"{info.nama} kecamatan {persen(cap)}{target}")
        if len(tanpa):
            awal = f"{satuan} merah tanpa program: " if ada_program else f"{satuan} merah: "
            bukti.append(awal + _daftar(tanpa["nama_desa"]))
        if len(ul):
            contoh = ul.sort_values("perkiraan_biaya", ascending=False).head(3)
            bukti.append(
                "usulan tertunda: "
                + "; ".join(
                    f"{r.uraian} (Desa {r.nama_desa}, {rupiah(r.perkiraan_biaya)})"
                    for r in contoh.itertuples()
                )
                + (f"; dan {len(ul) - 3} usulan lain" if len(ul) > 3 else "")
            )
        if not np.isnan(porsi_l):
            bukti.append(f"porsi APBDes untuk layanan ini {persen(porsi_l)}")
        n_teks = str(n_prog) if ada_program else TIDAK_ADA_DATA
        bukti.append(f"program OPD tahun {tahun} di kecamatan: {n_teks}")
        baris.append(
            {
                "layanan": lay,
                "nama_layanan": nama_lay,
                "isu": isu,
                "opd": opd[lay],
                "skor": skor,
                "desa_merah": len(merah),
                "desa_merah_tanpa_program": len(tanpa) if ada_program else np.nan,
                "desa_usulan_tertunda": len(desa_u) if ada_usulan else np.nan,
                "usulan_tertunda": len(ul) if ada_usulan else np.nan,
                "biaya_usulan_tertunda": int(ul["perkiraan_biaya"].sum()) if ada_usulan else np.nan,
                "indikator": kode_ind,
                "nama_indikator": info.nama if info else "",
                "capaian": cap,
                "target": info.target if info and info.target is not None else np.nan,
                "porsi_apbdes": porsi_l,
                "program_opd": n_prog if ada_program else np.nan,
                "kode_desa": ";".join(disebut),
                "nama_desa": "; ".join(nama[k] for k in disebut),
                "bukti": "; ".join(bukti) + ".",
                "_urut": list(LAYANAN).index(lay),
            }
        )
    hasil = pd.DataFrame(baris, columns=[*KOLOM_ISU[1:], "_urut"])
    hasil = hasil.sort_values(["skor", "desa_merah", "_urut"], ascending=[False, False, True])
    hasil = hasil.drop(columns="_urut").reset_index(drop=True)
    hasil.insert(0, "peringkat", np.arange(1, len(hasil) + 1))
    hasil.attrs.update(
        kecamatan=kec.nama, kode_kecamatan=kec.kode, kabupaten=kec.kabupaten.nama, tahun=int(tahun)
    )
    return hasil


JUDUL_EKSPOR = {
    "peringkat": "Peringkat",
    "nama_layanan": "Layanan",
    "isu": "Isu",
    "opd": "Perangkat daerah tujuan",
    "skor": "Skor",
    "desa_merah": "Desa berlampu merah",
    "desa_merah_tanpa_program": "Desa merah tanpa program",
    "desa_usulan_tertunda": "Desa dengan usulan belum ditampung",
    "usulan_tertunda": "Usulan belum ditampung",
    "biaya_usulan_tertunda": "Biaya usulan belum ditampung (Rp)",
    "nama_indikator": "Indikator",
    "capaian": "Capaian kecamatan (%)",
    "target": "Target (%)",
    "porsi_apbdes": "Porsi APBDes (%)",
    "program_opd": "Program OPD",
    "nama_desa": "Desa",
    "bukti": "Bukti",
}
"""Judul kolom berbahasa Indonesia untuk lembar isu di ``ekspor_isu``."""


def ekspor_isu(isu: pd.DataFrame, tujuan: str | Path, *, timpa: bool = False) -> Path:
    """Simpan daftar isu Musrenbang ke buku Excel rapi (lembar "Isu Musrenbang" dan "Kalender").

    Judul kolom berbahasa Indonesia (``JUDUL_EKSPOR``), baris judul dibekukan, teks tidak pernah
    menjadi rumus (``p3pd.excel``). Baris pertama lembar isu menyebut kecamatan, tahun, dan
    label data (sintetis atau milik siapa). Berkas yang sudah ada tidak ditimpa kecuali
    ``timpa=True`` (``FileExistsError``).
    """
    from p3pd.excel import simpan_buku
    from p3pd.label import label_data

    tabel = isu[list(JUDUL_EKSPOR)].round({"capaian": 1, "target": 1, "porsi_apbdes": 1})
    tabel = tabel.rename(columns=JUDUL_EKSPOR)
    tabel = tabel.astype(object).where(tabel.notna(), "")
    judul = (
        f"Isu Musrenbang kecamatan {isu.attrs.get('kecamatan', '')}, bukti tahun"
        f" {isu.attrs.get('tahun', '')}. {label_data().teks}"
    )
    baris = [[judul], list(tabel.columns), *tabel.itertuples(index=False, name=None)]
    kal = kalender_perencanaan()
    return simpan_buku({"Isu Musrenbang": baris, "Kalender": kal}, tujuan, timpa=timpa)
