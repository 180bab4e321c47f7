"""Agenda terpadu kecamatan: rancangan pembinaan dan pengawasan desa, diisi dulu dari diagnosis.

:func:`susun_agenda` menyusun rancangan agenda satu kecamatan untuk satu tahun data. Setiap
baris adalah satu tindakan: **pembinaan** atau **pengawasan** desa, atau **koordinasi** dengan
kabupaten (dengan dasar hukumnya), isu yang
disuarakan ke kabupaten beserta angkanya, penanggung jawab (seksi kantor camat), mitra, waktu
menurut kalender perencanaan, serta indikator dengan capaian awal dan targetnya. Rancangan ini
bahan diskusi: peserta menyunting, menambah, atau menghapus barisnya.

Aturan pengisian (transparan; dapat diubah lewat parameter):

1. **Desa prioritas** — urutan ``p3pd.diagnosis.desa_prioritas`` (pembanding kabupaten) untuk
   desa-desa kecamatan itu; diambil ``jumlah_desa`` desa teratas yang punya lampu merah.
2. **Layanan per desa** — untuk setiap desa prioritas, paling banyak ``layanan_per_desa``
   layanan dengan lampu merah terbanyak (seri: kesenjangan terbesar). Indikator baris itu adalah
   indikator merah dengan kesenjangan ke target terbesar di layanan itu; target dan jenis
   targetnya dari ``p3pd.indikator``.
3. **Pembinaan atau pengawasan** — bila ``p3pd.apbdes.uang_vs_kesenjangan`` menandai desa itu
   *perlu ditelaah* untuk layanan itu (kesenjangan di atas median kecamatan, porsi belanja di
   bawah median), tindakannya **pengawasan**: telaah porsi belanja saat evaluasi rancangan
   APBDes. Selain itu **pembinaan**: dampingi desa memasukkan kegiatan layanan itu ke RKPDes.
   Dua pengecualian berjenis **koordinasi**: *kelurahan* (kode ``PP.KK.CC.1NNN``) tidak punya
   RKPDes, APBDes, atau sub-bidang — masalahnya dibawa ke Musrenbang kelurahan dan kecamatan
   serta ke perangkat daerah yang bertanggung jawab; *jaminan sosial* (cakupan bantuan sosial)
   terutama urusan daftar penerima — koordinasi pemutakhiran DTKS dengan Dinas Sosial, bukan
   penganggaran desa.
4. **Batas 30 %** — desa yang kegiatan siltap dan tunjangannya di atas 30 % belanja
   (``p3pd.apbdes.batas_30_persen``, butuh tabel ``belanja_kegiatan``) mendapat satu baris
   pengawasan: cocokkan dugaan itu dengan dokumen APBDes.
5. **Isu untuk kabupaten** — isu Musrenbang kecamatan dari ``p3pd.perencanaan.isu_musrenbang``
   (hari 3) menjadi baris bagian ``kabupaten`` berjenis **koordinasi** (bukan pembinaan desa):
   bawa ke Musrenbang kecamatan dan Forum Perangkat Daerah. Baris desa yang cocok (desa dan layanan sama) membawa teks isu itu di kolom
   ``isu_kabupaten``.

Penanggung jawab dan mitra dibaca dari tabel ``pemangku`` kecamatan itu bila ada (seksi kantor
camat dan unit layanan yang menangani layanan itu), lalu perangkat daerah penyedia dari
``p3pd.layanan``; tanpa tabel ``pemangku`` penanggung jawabnya ``PENANGGUNG_JAWAB_BAWAAN`` dan
mitranya perangkat daerah penyedia saja.

**Data sebagian** (folder data sendiri): hanya tabel ``wilayah`` yang wajib. Tanpa ``belanja``
tidak ada baris pengawasan porsi belanja; ``bukti`` baris desa menyebut "porsi belanja: tidak
ada data (apbdes_belanja.csv)" (semua baris desa menjadi pembinaan RKPDes) dan satu baris
tambahan meminta APBDes dan laporan realisasinya dari desa; tanpa ``belanja_kegiatan`` tidak ada baris batas 30 %; tanpa
``indikator`` (atau tanpa baris indikator desa kecamatan itu) tidak ada baris desa; tanpa isu
Musrenbang tidak ada baris kabupaten. Tabel yang tidak ada dicatat di
``attrs["tabel_tidak_ada"]`` (tuple nama tabel ``TABEL_AGENDA`` yang tidak ada atau kosong), agar
notebook dan handout dapat menampilkan "tidak ada data" untuk bagian itu.

Tindakan dan dasar hukumnya ada di ``referensi/tindakan_binwas.csv``; butir PP 43/2014 Pasal 154
di sana dikutip dari sumber sekunder dan ditandai untuk dicocokkan dengan teks peraturannya.

Mengimpor modul ini tidak menyentuh berkas apa pun; tabel masukan tidak diubah.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from p3pd.galat import GalatP3PD
from p3pd.skema import LAYANAN

__all__ = [
    "BAGIAN",
    "JENIS_BINWAS",
    "KOLOM_AGENDA",
    "TABEL_AGENDA",
    "referensi_tindakan",
    "tabel_tidak_ada",
    "susun_agenda",
    "waktu_tahap",
]

BAGIAN = ("desa", "kabupaten")
"""Bagian agenda: tindakan pembinaan/pengawasan per desa, dan isu yang dibawa ke kabupaten."""

JENIS_BINWAS = ("pembinaan", "pengawasan", "koordinasi")
"""Jenis tindakan: pembinaan dan pengawasan desa (PP 17/2018 Pasal 10 ayat (1) huruf g), dan
koordinasi (huruf f: isu kabupaten, kelurahan, pemutakhiran DTKS)."""

KOLOM_AGENDA = (
    "no",
    "bagian",
    "kode_desa",
    "nama_desa",
    "layanan",
    "jenis_binwas",
    "tindakan",
    "dasar_hukum",
    "isu_kabupaten",
    "bukti",
    "penanggung_jawab",
    "mitra",
    "tahap",
    "waktu",
    "indikator",
    "nama_indikator",
    "satuan",
    "capaian_awal",
    "target",
    "jenis_target",
    "sumber_target",
)
"""Kolom hasil :func:`susun_agenda`, berurutan."""

TABEL_AGENDA = ("indikator", "belanja", "belanja_kegiatan", "pemangku", "usulan")
"""Tabel yang dipakai agenda selain ``wilayah``; yang tidak ada dicatat di ``attrs["tabel_tidak_ada"]``."""

PENANGGUNG_JAWAB_BAWAAN = (
    "Seksi Pemerintahan/PMD kantor camat (isian bawaan; sesuaikan dengan Perbup/Perwali tentang "
    "susunan organisasi kecamatan)"
)
"""Penanggung jawab bila tabel pemangku tidak menyebut seksi kantor camat.

Tugas membina dan mengawasi desa ada pada camat (PP 17/2018 Pasal 10 ayat (1) huruf g); nama
seksinya ditetapkan Perbup/Perwali tentang susunan organisasi kecamatan, jadi isian ini bawaan
yang perlu diganti."""

MITRA_PENGAWASAN = (
    "Dinas PMD kabupaten/kota (DPMD); Inspektorat kabupaten/kota (APIP); "
    "tenaga pendamping profesional desa"
)
"""Mitra tindakan pengawasan APBDes."""

MITRA_APBDES = (
    "Pemerintah desa; Dinas PMD kabupaten/kota (DPMD); tenaga pendamping profesional desa"
)
"""Mitra baris permintaan APBDes dan laporan realisasinya (bila ``belanja`` tidak ada)."""

MITRA_LAYANAN_TAMBAHAN: dict[str, str] = {
    "air_sanitasi": "Dinas Kesehatan (sanitasi, STBM, BABS)",
}
"""Mitra sesudah perangkat daerah penyedia (``p3pd.layanan``) untuk layanan tertentu."""

INDIKATOR_APBDES = "apbdes_diterima"
"""Kode indikator baris permintaan APBDes (bukan indikator ``p3pd.indikator``)."""

TAHAP_SEGERA = ("Tindak lanjut segera (di luar kalender perencanaan)", "segera, awal tahun {tahun}")
"""Tahap dan waktu tindakan ``segera`` (pemutakhiran DTKS, permintaan APBDes): awal tahun t + 1."""

_TAHAP: dict[str, tuple[str, int]] = {
    # kunci: (awal nama tahap di kalender perencanaan, tahun rencana N = tahun data + selisih)
    "rkpdes": ("Penyusunan dan penetapan RKPDes", 2),
    "apbdes": ("Evaluasi rancangan Perdes APBDes", 2),
    "musrenbang": ("Musrenbang RKPD di kecamatan", 2),
}
"""Tahap kalender perencanaan (``p3pd.perencanaan.kalender_perencanaan``) setiap tindakan.

Agenda disusun sesudah data tahun t lengkap (awal tahun t + 1): isu dibawa ke Musrenbang
kecamatan awal tahun t + 1 untuk RKPD tahun t + 2 (usulan Musrenbang tahun t masuk RKPD tahun
t + 1), RKPDes dan APBDes tahun t + 2 dibahas dan dievaluasi pada tahun t + 1. Bulan dan tandanya (pasti/perkiraan) dibaca dari kalender.
"""


_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def referensi_tindakan() -> pd.DataFrame:
    """Tindakan pembinaan dan pengawasan beserta dasar hukumnya (``referensi/tindakan_binwas.csv``).

    Kolom: ``kode``, ``jenis_binwas``, ``tindakan`` (templat teks), ``dasar_hukum``, ``tahap``,
    ``catatan_dasar`` (seberapa yakin sumbernya, apa yang perlu dicocokkan).
    """
    from p3pd.layanan import _baca

    return _baca("tindakan_binwas.csv").copy()


def waktu_tahap(tahap: str, tahun: int) -> tuple[str, str]:
    """Nama tahap kalender perencanaan dan waktunya, untuk agenda dari data tahun ``tahun``.

    ``tahap``: ``'rkpdes'``, ``'apbdes'``, ``'musrenbang'``, atau ``'segera'``. Bulan dan tanda
    ``perkiraan`` dari ``p3pd.perencanaan.kalender_perencanaan`` (tahap tahun N berlangsung pada
    tahun N − 1); ``'segera'`` tidak terikat kalender: awal tahun ``tahun + 1``
    (:data:`TAHAP_SEGERA`).
    Contoh untuk data 2024: ``('Penyusunan dan penetapan RKPDes — tahun rencana 2026',
    'Juli–September 2025 (ditetapkan paling lambat akhir September)')``.
    """
    if tahap == "segera":
        return TAHAP_SEGERA[0], TAHAP_SEGERA[1].format(tahun=int(tahun) + 1)
    if tahap not in _TAHAP:
        raise KeyError(f"Tahap '{tahap}' tidak dikenal. Pilihan: {', '.join(_TAHAP)}, segera.")
    return _waktu_tahap_kalender(tahap, int(tahun))


@functools.lru_cache(maxsize=64)
def _waktu_tahap_kalender(tahap: str, tahun: int) -> tuple[str, str]:
    """Isi :func:`waktu_tahap` dari kalender bawaan (berkas referensi tetap: hasilnya diingat)."""
    from p3pd.perencanaan import kalender_perencanaan

    awal, selisih = _TAHAP[tahap]
    kalender = kalender_perencanaan()
    cocok = kalender[kalender["tahap"].str.startswith(awal)]
    if cocok.empty:
        raise GalatP3PD(f"Tahap '{awal}' tidak ada di kalender perencanaan.")
    r = cocok.iloc[0]
    rencana = int(tahun) + selisih
    bulan, _, sisa = str(r["bulan"]).partition(" (")
    if bulan.split("–")[0] in _BULAN:
        waktu = f"{bulan} {rencana - 1}" + (f" ({sisa}" if sisa else "")
    else:
        waktu = f"{r['bulan']}, tahun {rencana - 1}"
    if r["status_bulan"] != "pasti":
        waktu += " (perkiraan)"
    return f"{r['tahap']} — tahun rencana {rencana}", waktu


# --------------------------------------------------------------------------- pembantu


def _angka(x: float, satuan: str = "%") -> str:
    from p3pd.format import angka, persen

    if pd.isna(x):
        return "–"
    return persen(x, 1) if satuan == "%" else angka(x, 1)


def _ada(data: Mapping[str, pd.DataFrame], nama: str) -> bool:
    tabel = data.get(nama)
    return tabel is not None and len(tabel) > 0


def tabel_tidak_ada(data: Mapping[str, pd.DataFrame]) -> tuple[str, ...]:
    """Nama tabel ``TABEL_AGENDA`` yang tidak ada (atau kosong) di ``data``, urutan ``TABEL_AGENDA``."""
    return tuple(n for n in TABEL_AGENDA if not _ada(data, n))


def _kosong() -> pd.DataFrame:
    """Tabel berkode desa dan tahun tanpa baris, pengganti tabel yang tidak ada."""
    return pd.DataFrame({"kode_desa": pd.Series(dtype=str), "tahun": pd.Series(dtype="int64")})


def _peran_pemangku(pemangku: pd.DataFrame | None, kode_kec: str) -> pd.DataFrame:
    """Baris pemangku kecamatan itu dengan daftar layanan yang dipecah (kosong = semua layanan)."""
    if pemangku is None or pemangku.empty:
        return pd.DataFrame(columns=["lembaga", "jenis", "layanan_set"])
    p = pemangku[pemangku["kode_kecamatan"].astype(str) == kode_kec].copy()
    p["layanan_set"] = [
        frozenset(str(x).split(";")) if isinstance(x, str) and x.strip() else frozenset()
        for x in p["layanan"]
    ]
    return p


_SEKSI = re.compile(r"\b(seksi|kasi|kepala seksi|sub ?bagian|subbag)\b", re.IGNORECASE)


def _baris_seksi(peran: pd.DataFrame) -> pd.DataFrame:
    """Baris seksi kantor camat: lembaga yang menyebut seksi/kasi/subbagian dan berjenis
    'pemerintah kecamatan' atau namanya diawali kata itu (mis. "Seksi PMD", "Kasi PMD",
    "Pemerintah Kecamatan Batu (seksi pemberdayaan masyarakat desa)")."""
    if peran.empty:
        return peran
    lembaga = peran["lembaga"].astype(str).str.strip()
    sebut = lembaga.map(lambda t: _SEKSI.search(t) is not None).astype(bool)
    awal = lembaga.map(lambda t: _SEKSI.match(t) is not None).astype(bool)
    kecamatan = peran["jenis"].astype(str).eq("pemerintah kecamatan")
    return peran[(sebut & kecamatan) | awal]


def _seksi(peran: pd.DataFrame, layanan: str | None) -> str:
    """Seksi kantor camat untuk layanan itu; seksi umum (tanpa layanan) bila tidak ada;
    :data:`PENANGGUNG_JAWAB_BAWAAN` bila tabel pemangku tidak menyebut seksi kantor camat."""
    seksi = _baris_seksi(peran)
    if layanan:
        cocok = seksi[np.array([layanan in s for s in seksi["layanan_set"]], dtype=bool)]
        if len(cocok):
            return str(cocok["lembaga"].iloc[0])
    umum = seksi[np.array([len(s) == 0 for s in seksi["layanan_set"]], dtype=bool)]
    return str(umum["lembaga"].iloc[0]) if len(umum) else PENANGGUNG_JAWAB_BAWAAN


def _mitra(peran: pd.DataFrame, layanan: str, opd: Mapping[str, str]) -> str:
    """Unit layanan di kecamatan yang menangani layanan itu, lalu OPD penyedianya."""
    cocok = np.array([layanan in s for s in peran["layanan_set"]], dtype=bool)
    unit = peran[(peran["jenis"] == "unit layanan").to_numpy(dtype=bool) & cocok]
    nama = list(dict.fromkeys(unit["lembaga"].astype(str)))[:2]
    nama.append(opd.get(layanan, ""))
    nama.append(MITRA_LAYANAN_TAMBAHAN.get(layanan, ""))
    return "; ".join(dict.fromkeys(n for n in nama if n))


def _isu_musrenbang(data: Mapping[str, pd.DataFrame], kecamatan: str, tahun: int) -> pd.DataFrame:
    """Isu Musrenbang kecamatan dari hari 3 (``p3pd.perencanaan.isu_musrenbang``).

    Tanpa tabel indikator tidak ada lampu, jadi tidak ada isu: tabel kosong.
    """
    from p3pd.perencanaan import isu_musrenbang

    if not _ada(data, "indikator"):
        return pd.DataFrame()
    return isu_musrenbang(data, kecamatan, tahun)


# --------------------------------------------------------------------------- susun agenda


def susun_agenda(
    data: Mapping[str, pd.DataFrame],
    kecamatan: str,
    tahun: int | None = None,
    *,
    jumlah_desa: int = 5,
    layanan_per_desa: int = 2,
    isu: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rancangan agenda terpadu satu kecamatan, diisi dari diagnosis (aturan di docstring modul).

    ``data``: tabel-tabel hasil ``muat.muat_folder`` (butuh ``wilayah``; ``indikator``,
    ``belanja``, ``belanja_kegiatan``, ``pemangku`` dan isu Musrenbang dipakai bila ada — lihat
    "Data sebagian" di docstring modul). ``kecamatan``: nama atau kode kecamatan. ``tahun``:
    tahun data (bawaan: tahun terakhir tabel indikator; wajib bila tabel indikator tidak ada).
    ``isu``: hasil ``perencanaan.isu_musrenbang`` bila sudah dihitung (tabel kosong = tanpa isu
    kabupaten); bila ``None`` dihitung di sini.

    Kolom (``KOLOM_AGENDA``): ``no``, ``bagian`` (``'desa'``/``'kabupaten'``), ``kode_desa``,
    ``nama_desa``, ``layanan`` (kunci ``skema.LAYANAN``, kosong untuk batas 30 %),
    ``jenis_binwas`` (``'pembinaan'``/``'pengawasan'``/``'koordinasi'``), ``tindakan``,
    ``dasar_hukum``,
    ``isu_kabupaten`` (teks dengan angka, kosong bila tidak dibawa ke kabupaten), ``bukti``
    (angka dari data), ``penanggung_jawab``, ``mitra``, ``tahap``, ``waktu``, ``indikator``
    (kode ``p3pd.indikator``), ``nama_indikator``, ``satuan``, ``capaian_awal``, ``target``,
    ``jenis_target``, ``sumber_target``. Urutan: baris desa menurut peringkat prioritas, lalu
    baris permintaan APBDes (bila tanpa ``belanja``), lalu baris kabupaten menurut peringkat isu.
    Kode ``kode_desa`` kelurahan (``PP.KK.CC.1NNN``) mendapat tindakan koordinasi, bukan RKPDes
    atau APBDes. ``attrs``: ``kecamatan``, ``kode_kecamatan``,
    ``kabupaten``, ``tahun``, ``tabel_tidak_ada`` (lihat :func:`tabel_tidak_ada`).
    """
    from p3pd import apbdes, diagnosis, wilayah
    from p3pd.indikator import INDIKATOR
    from p3pd.layanan import referensi_layanan

    if jumlah_desa < 1 or layanan_per_desa < 1:
        raise ValueError("jumlah_desa dan layanan_per_desa paling sedikit 1.")
    if "wilayah" not in data:
        raise GalatP3PD(
            "Tabel 'wilayah' (daftar desa) tidak ada di data; susun_agenda membutuhkan hasil "
            "muat.muat_folder."
        )
    daftar = data["wilayah"]
    kec = wilayah.cari("kecamatan", kecamatan, data=daftar)  # juga kecamatan di luar 93 latihan
    indikator = data["indikator"] if _ada(data, "indikator") else _kosong()
    belanja = data["belanja"] if _ada(data, "belanja") else _kosong()
    if tahun is None:
        if indikator.empty:
            raise GalatP3PD(
                "Tahun data tidak dapat diambil dari tabel indikator karena tabel itu tidak ada; "
                "sebutkan tahunnya, mis. susun_agenda(data, kecamatan, 2024)."
            )
        tahun = int(indikator["tahun"].max())
    tahun = int(tahun)
    ind_kec = indikator[indikator["kode_desa"].astype(str).str.startswith(kec.kode + ".")]
    bel_kec = belanja[belanja["kode_desa"].astype(str).str.startswith(kec.kode + ".")]
    if len(ind_kec) and not (ind_kec["tahun"] == tahun).any():
        ada = ", ".join(map(str, sorted(ind_kec["tahun"].unique())))
        raise GalatP3PD(f"Tidak ada data indikator tahun {tahun} untuk {kec.nama}; ada: {ada}.")

    nama_desa = daftar.drop_duplicates("kode_desa").set_index("kode_desa")["nama_desa"]
    ref = referensi_tindakan().set_index("kode")
    ref_layanan = referensi_layanan().set_index("layanan")
    opd = ref_layanan["opd_penyedia"].to_dict()
    sub_bidang = ref_layanan["sub_bidang_apbdes"].to_dict()
    peran = _peran_pemangku(data.get("pemangku"), kec.kode)

    if ind_kec.empty:  # tanpa indikator desa kecamatan ini: tidak ada lampu, tidak ada baris desa
        matriks = pd.DataFrame(columns=["kode_desa", "layanan", "indikator", "lampu"])
        prio = pd.DataFrame(columns=["kode_desa", "merah"])
    else:
        matriks = diagnosis.matriks_masalah(indikator, tahun)
        matriks = matriks[matriks["kode_desa"].str.startswith(kec.kode + ".")]
        prio = diagnosis.desa_prioritas(indikator, tahun, wilayah=kec.kode, jumlah=None)
        prio = prio[prio["merah"] > 0].head(jumlah_desa)

    uang: dict[str, pd.DataFrame] = {}
    if not bel_kec.empty and (bel_kec["tahun"] == tahun).any():
        per_layanan = apbdes.uang_vs_kesenjangan_per_layanan(bel_kec, ind_kec, tahun=tahun)
        uang = {k: u.set_index("kode_desa") for k, u in per_layanan.items()}
    if isu is None:
        isu = _isu_musrenbang(data, kec.kode, tahun)
    isu_per = _isu_per_desa_layanan(isu)

    sebutan = _sebutan_pembanding(data, indikator, kec.kabupaten.kode)
    batas30 = _batas_30_kecamatan(data, bel_kec, tahun)
    baris: list[dict[str, Any]] = []
    for _, p in prio.iterrows():
        kode = p["kode_desa"]
        m = matriks[(matriks["kode_desa"] == kode) & (matriks["lampu"] == "merah")]
        m = m.assign(senjang=m["kesenjangan"].clip(lower=0).fillna(0))
        per_layanan = (
            m.groupby("layanan")
            .agg(merah=("indikator", "size"), senjang=("senjang", "sum"))
            .sort_values(["merah", "senjang"], ascending=False)
        )
        for lay in per_layanan.index[:layanan_per_desa]:
            pilih = m[m["layanan"] == lay].sort_values(
                ["senjang", "indikator"], ascending=[False, True]
            )
            b = pilih.iloc[0]
            info = INDIKATOR[b["indikator"]]
            u = uang.get(lay)
            kel = wilayah.jenis_kode(kode) == "kelurahan"
            telaah = bool(
                not kel
                and lay != "jaminan_sosial"
                and u is not None
                and kode in u.index
                and u.at[kode, "perlu_ditelaah"]
            )
            bukti = (
                f"{info.nama} {_angka(b['capaian'])} (target {_angka(b['target'])}; "
                f"{sebutan} {_angka(b['pembanding'])}); {int(per_layanan.at[lay, 'merah'])} "
                f"indikator {LAYANAN[lay].lower()} berlampu merah; "
                + _bukti_porsi(u, kode, kel, LAYANAN[lay].lower(), belanja, bel_kec, tahun)
            )
            if lay == "jaminan_sosial":
                kunci = "dtks"  # cakupan bansos: daftar penerima (Dinas Sosial), bukan APBDes
            elif kel:
                kunci = "kelurahan"  # tanpa RKPDes/APBDes (keputusan F1)
            else:
                kunci = "apbdes" if telaah else "rkpdes"
            r = ref.loc[kunci]
            tahap, waktu = waktu_tahap(r["tahap"], tahun)
            if kel:
                mitra = "; ".join(
                    dict.fromkeys(["Lurah", *_mitra(peran, lay, opd).split("; "), "Bappeda"])
                )
            else:
                mitra = MITRA_PENGAWASAN if telaah else _mitra(peran, lay, opd)
            baris.append(
                {
                    "bagian": "desa",
                    "kode_desa": kode,
                    "nama_desa": nama_desa.get(kode, ""),
                    "layanan": lay,
                    "jenis_binwas": r["jenis_binwas"],
                    "tindakan": r["tindakan"].format(
                        layanan=LAYANAN[lay].lower(),
                        sub_bidang=sub_bidang.get(lay, ""),
                        indikator=info.nama.lower(),
                        tempat="kelurahan" if kel else "desa",
                    ),
                    "dasar_hukum": r["dasar_hukum"],
                    "isu_kabupaten": isu_per.get((kode, lay), ""),
                    "bukti": bukti,
                    "penanggung_jawab": _seksi(peran, None if telaah else lay),
                    "mitra": mitra,
                    "tahap": tahap,
                    "waktu": waktu,
                    "indikator": info.kode,
                    "nama_indikator": info.nama,
                    "satuan": info.satuan,
                    "capaian_awal": float(b["capaian"]),
                    "target": info.target,
                    "jenis_target": info.jenis_target,
                    "sumber_target": info.sumber_target,
                }
            )
        baris.extend(_baris_batas_30(batas30, kode, tahun, nama_desa, ref, peran))

    if not uang:  # tanpa APBDes kecamatan ini: minta dokumennya dari desa
        porsi = _bukti_porsi(None, "", False, "", belanja, bel_kec, tahun)
        baris.extend(_baris_minta_apbdes(baris, daftar, kec.kode, tahun, ref, peran, porsi))
    baris.extend(_baris_kabupaten(isu, tahun, ref, peran, opd))
    hasil = pd.DataFrame(baris, columns=[k for k in KOLOM_AGENDA if k != "no"])
    hasil.insert(0, "no", np.arange(1, len(hasil) + 1, dtype=np.int64))
    hasil["capaian_awal"] = hasil["capaian_awal"].astype("float64")
    hasil["target"] = hasil["target"].astype("float64")
    hasil.attrs["kecamatan"] = kec.nama
    hasil.attrs["kode_kecamatan"] = kec.kode
    hasil.attrs["kabupaten"] = kec.kabupaten.nama
    hasil.attrs["tahun"] = tahun
    hasil.attrs["tabel_tidak_ada"] = tabel_tidak_ada(data)
    return hasil


def _batas_30_kecamatan(
    data: Mapping[str, pd.DataFrame], bel_kec: pd.DataFrame, tahun: int
) -> pd.DataFrame | None:
    """``apbdes.batas_30_persen`` semua desa kecamatan tahun ``tahun`` (indeks kode desa).

    ``None`` bila tidak ada rincian kegiatan atau belanja kecamatan tahun itu.
    """
    from p3pd import apbdes

    kegiatan = data.get("belanja_kegiatan")
    if kegiatan is None or kegiatan.empty or bel_kec.empty:
        return None
    bel = bel_kec[bel_kec["tahun"] == tahun]
    if bel.empty:
        return None
    keg = kegiatan[kegiatan["kode_desa"].isin(bel["kode_desa"].unique())]
    return apbdes.batas_30_persen(bel, keg, tahun=tahun).set_index("kode_wilayah")


def _baris_batas_30(
    batas30: pd.DataFrame | None,
    kode: str,
    tahun: int,
    nama_desa: pd.Series,
    ref: pd.DataFrame,
    peran: pd.DataFrame,
) -> list[dict[str, Any]]:
    """Satu baris pengawasan bila kegiatan siltap dan tunjangan desa ini di atas 30 % belanja."""
    from p3pd import apbdes

    if batas30 is None or kode not in batas30.index:
        return []
    b = batas30.loc[kode]
    if not bool(b["melebihi_batas"]):
        return []
    r = ref.loc["batas30"]
    tahap, waktu = waktu_tahap(r["tahap"], tahun)
    return [
        {
            "bagian": "desa",
            "kode_desa": kode,
            "nama_desa": nama_desa.get(kode, ""),
            "layanan": "",
            "jenis_binwas": r["jenis_binwas"],
            "tindakan": r["tindakan"],
            "dasar_hukum": r["dasar_hukum"],
            "isu_kabupaten": "",
            "bukti": (
                f"kegiatan yang dibatasi {_angka(b['porsi_dibatasi'])} dari anggaran belanja "
                f"{tahun}; seluruh sub-bidang 1.1 {_angka(b['porsi_1_1'])}"
            ),
            "penanggung_jawab": _seksi(peran, None),
            "mitra": MITRA_PENGAWASAN,
            "tahap": tahap,
            "waktu": waktu,
            "indikator": "porsi_dibatasi",
            "nama_indikator": "Porsi belanja siltap dan tunjangan (kegiatan 1.1.01, 1.1.02, 1.1.05)",
            "satuan": "%",
            "capaian_awal": float(b["porsi_dibatasi"]),
            "target": apbdes.BATAS_30_PERSEN,
            "jenis_target": "resmi",
            "sumber_target": "PP 43/2014 Pasal 100 sebagaimana diubah PP 11/2019: paling banyak 30 %",
        }
    ]


def _sebutan_pembanding(
    data: Mapping[str, pd.DataFrame], indikator: pd.DataFrame, kode_kab: str
) -> str:
    """Sebutan pembanding lampu di ``bukti``: "kabupaten" hanya bila data latihan atau data
    memuat semua desa/kelurahan kabupaten itu; selain itu "gabungan desa/kelurahan di data ini (…)"
    (``p3pd.diagnosis.nama_pembanding``). Label dibaca dari folder asal tabel ``wilayah`` bila
    diketahui (``attrs["berkas"]`` hasil ``p3pd.muat``), selain itu dari folder data aktif."""
    from pathlib import Path

    from p3pd.diagnosis import nama_pembanding
    from p3pd.label import label_data

    berkas = data["wilayah"].attrs.get("berkas")
    sintetis = None
    if berkas:
        try:
            sintetis = label_data(Path(str(berkas)).parent).sintetis
        except GalatP3PD:
            sintetis = None
    if indikator.empty:
        return "kabupaten"
    return nama_pembanding(indikator.astype({"kode_desa": str}), kode_kab, sintetis=sintetis)


def _bukti_porsi(
    u: pd.DataFrame | None,
    kode: str,
    kelurahan: bool,
    layanan: str,
    belanja: pd.DataFrame,
    bel_kec: pd.DataFrame,
    tahun: int,
) -> str:
    """Bagian ``bukti`` tentang porsi belanja APBDes desa ini untuk layanan itu.

    Kelurahan: "tidak berlaku (kelurahan)"; tanpa tabel belanja: "tidak ada data
    (apbdes_belanja.csv)"; tabel ada tetapi tanpa baris desa/tahun ini: disebut apa yang tidak ada.
    """
    from p3pd.format import TIDAK_ADA_DATA, TIDAK_BERLAKU_KELURAHAN

    if kelurahan:
        return f"porsi belanja: {TIDAK_BERLAKU_KELURAHAN}"
    if belanja.empty:
        return f"porsi belanja: {TIDAK_ADA_DATA} (apbdes_belanja.csv)"
    if u is None:
        sebab = (
            f"tidak memuat tahun {tahun} untuk kecamatan ini"
            if len(bel_kec)
            else "tidak memuat desa kecamatan ini"
        )
        return f"porsi belanja: {TIDAK_ADA_DATA} (apbdes_belanja.csv {sebab})"
    if kode not in u.index or pd.isna(u.at[kode, "porsi_belanja"]):
        return f"porsi belanja: {TIDAK_ADA_DATA} (apbdes_belanja.csv tidak memuat desa ini)"
    median = u["porsi_belanja"].median()
    return (
        f"porsi belanja {layanan} {_angka(u.at[kode, 'porsi_belanja'])} "
        f"(median desa kecamatan {_angka(median)})"
    )


def _baris_minta_apbdes(
    baris: list[dict[str, Any]],
    daftar: pd.DataFrame,
    kode_kec: str,
    tahun: int,
    ref: pd.DataFrame,
    peran: pd.DataFrame,
    porsi: str,
) -> list[dict[str, Any]]:
    """Satu baris pengawasan "minta APBDes dan realisasinya" bila agenda punya baris desa
    (bukan kelurahan) tetapi porsi belanjanya tidak dapat dihitung (tanpa ``belanja``)."""
    from p3pd.indikator_daftar import ASUMSI

    desa_agenda = list(
        dict.fromkeys(b["kode_desa"] for b in baris if b["kode_desa"][9:10] not in ("", "1"))
    )
    if not desa_agenda:
        return []
    kode = daftar["kode_desa"].astype(str).drop_duplicates()
    desa_kec = kode[kode.str.startswith(kode_kec + ".") & (kode.str[9] != "1")]
    r = ref.loc["minta_apbdes"]
    tahap, waktu = waktu_tahap(r["tahap"], tahun)
    return [
        {
            "bagian": "desa",
            "kode_desa": "",
            "nama_desa": f"Semua desa di kecamatan ({len(desa_kec)} desa)",
            "layanan": "",
            "jenis_binwas": r["jenis_binwas"],
            "tindakan": r["tindakan"].format(tahun=tahun),
            "dasar_hukum": r["dasar_hukum"],
            "isu_kabupaten": "",
            "bukti": (
                f"{porsi}; {len(desa_agenda)} desa "
                "di agenda ini menjadi pembinaan RKPDes karena porsi belanjanya tidak dapat "
                "dibandingkan"
            ),
            "penanggung_jawab": _seksi(peran, None),
            "mitra": MITRA_APBDES,
            "tahap": tahap,
            "waktu": waktu,
            "indikator": INDIKATOR_APBDES,
            "nama_indikator": "Desa yang APBDes dan laporan realisasinya diterima kecamatan",
            "satuan": "%",
            "capaian_awal": np.nan,
            "target": 100.0,
            "jenis_target": ASUMSI,
            "sumber_target": "usulan agenda: semua desa di kecamatan (bukan ketentuan resmi)",
        }
    ]


def _isu_per_desa_layanan(isu: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Peta (kode desa, layanan) → teks isu, dari kolom desa isu Musrenbang."""
    hasil: dict[tuple[str, str], str] = {}
    if isu is None or isu.empty or "kode_desa" not in isu.columns:
        return hasil
    for _, r in isu.iterrows():
        for kode in str(r.get("kode_desa", "")).split(";"):
            kunci = (kode.strip(), str(r.get("layanan", "")))
            hasil.setdefault(kunci, str(r.get("isu", "")))
    return hasil


def _baris_kabupaten(
    isu: pd.DataFrame,
    tahun: int,
    ref: pd.DataFrame,
    peran: pd.DataFrame,
    opd: Mapping[str, str],
) -> list[dict[str, Any]]:
    """Baris bagian kabupaten: setiap isu Musrenbang kecamatan dibawa ke Musrenbang dan Forum PD."""
    from p3pd.indikator import INDIKATOR

    if isu is None or isu.empty:
        return []
    r = ref.loc["musrenbang"]
    tahap, waktu = waktu_tahap(r["tahap"], tahun)
    baris = []
    for _, i in isu.iterrows():
        lay = str(i.get("layanan", ""))
        kode_ind = str(i.get("indikator", ""))
        info = INDIKATOR.get(kode_ind)
        baris.append(
            {
                "bagian": "kabupaten",
                "kode_desa": str(i.get("kode_desa", "")),
                "nama_desa": str(i.get("nama_desa", "")),
                "layanan": lay,
                "jenis_binwas": r["jenis_binwas"],
                "tindakan": r["tindakan"].format(layanan=LAYANAN.get(lay, lay).lower()),
                "dasar_hukum": r["dasar_hukum"],
                "isu_kabupaten": str(i.get("isu", "")),
                "bukti": str(i.get("bukti", "")),
                "penanggung_jawab": _seksi(peran, lay or None),
                "mitra": "Bappeda; " + opd.get(lay, "") if opd.get(lay) else "Bappeda",
                "tahap": tahap,
                "waktu": waktu,
                "indikator": info.kode if info else "",
                "nama_indikator": info.nama if info else "",
                "satuan": info.satuan if info else "",
                "capaian_awal": float(i["capaian"])
                if "capaian" in i and pd.notna(i["capaian"])
                else np.nan,
                "target": info.target if info else np.nan,
                "jenis_target": info.jenis_target if info else "",
                "sumber_target": info.sumber_target if info else "",
            }
        )
    return baris
