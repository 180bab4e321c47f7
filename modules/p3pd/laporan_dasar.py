"""Dasar handout: nama pendek indikator, teks tetap (hari pelatihan, catatan data sintetis),
potongan HTML (:class:`Html`), dan wilayah satu handout (:class:`WilayahHandout`,
:func:`pilih_wilayah`).

Dipakai bersama oleh ``p3pd.laporan`` dan modul bagiannya (``laporan_html``,
``laporan_agenda``, ``laporan_grafik``); nama publiknya juga dapat diimpor dari
``p3pd.laporan``.
"""

from __future__ import annotations

import html as _html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from p3pd.galat import GalatP3PD
from p3pd.kurikulum import baca_kurikulum

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.laporan import DataLaporan

INDIKATOR_LAMPU: tuple[str, ...] = (
    "stunting",
    "imunisasi_dasar_lengkap",
    "apm_smp",
    "anak_tidak_sekolah",
    "air_minum_layak",
    "sanitasi_layak",
    "peserta_jkn",
    "akta_kelahiran",
)
"""Indikator kolom tabel lampu: sedikitnya satu per layanan dasar, muat selebar A4."""

LABEL_PENDEK: dict[str, str] = {
    "stunting": "Stunting",
    "imunisasi_dasar_lengkap": "Imunisasi dasar lengkap",
    "persalinan_fasyankes": "Persalinan di fasyankes",
    "ibu_hamil_spm": "Ibu hamil (SPM)",
    "balita_spm": "Balita (SPM)",
    "apm_sd": "APM SD",
    "apm_smp": "APM SMP",
    "anak_tidak_sekolah": "Anak tidak sekolah",
    "partisipasi_paud": "PAUD 3–6 tahun",
    "air_minum_layak": "Air minum layak",
    "sanitasi_layak": "Sanitasi layak",
    "babs": "BABS",
    "penduduk_dtks": "Penduduk terdaftar DTKS",
    "peserta_jkn": "Peserta JKN",
    "keluarga_miskin_bansos": "Keluarga DTKS dapat bansos",
    "akta_kelahiran": "Akta kelahiran 0–17",
    "perekaman_ktp_el": "Perekaman KTP-el",
}
"""Nama indikator yang pendek untuk tabel dan grafik."""

_JENIS_SINGKAT = {"survei": "survei", "administratif": "adm."}
_TARGET_SINGKAT = {"resmi": "resmi", "SPM": "SPM", "asumsi pelatihan": "asumsi"}

_KURIKULUM = baca_kurikulum(periksa=False)

HARI_PELATIHAN: tuple[tuple[str, str], ...] = tuple((h.judul, h.tema) for h in _KURIKULUM.hari)
"""Empat hari pelatihan dan temanya, dari ``referensi/kurikulum.toml`` (p3pd.kurikulum)."""

CATATAN_HARI = _KURIKULUM.catatan
"""Catatan di bawah judul pertanyaan diskusi (dari kurikulum: jadwal adalah usulan)."""

TEKS_SINTETIS = (
    "Data sintetis untuk latihan. Nama dan kode provinsi, kabupaten, dan kecamatan nyata, "
    "tetapi desa, angka capaian, dan anggaran di handout ini dibuat oleh generator data "
    "latihan — bukan data resmi dan tidak boleh dikutip sebagai data resmi. Hanya angka "
    "kolom “terbitan” yang berasal dari sumber resmi (lihat daftar sumber)."
)

_KOLOM_AGENDA = (
    "No",
    "Desa / masalah",
    "Tindakan pembinaan & pengawasan",
    "Penanggung jawab",
    "Mitra",
    "Waktu",
    "Indikator keberhasilan",
)


# --------------------------------------------------------------------------- tampilan HTML


class Html:
    """Potongan HTML yang tampil rapi di Jupyter dan di handout; ``str()`` memberi HTML-nya."""

    def __init__(self, isi: str, teks: str = "") -> None:
        self.isi = isi
        self.teks = teks or "(tabel HTML)"

    def _repr_html_(self) -> str:
        return self.isi

    def __str__(self) -> str:
        return self.isi

    def __repr__(self) -> str:
        return self.teks


def _e(teks: Any) -> str:
    return _html.escape(str(teks), quote=True)


def _persen(x: Any) -> str:
    from p3pd.format import persen

    return persen(x, 1)


def _desimal(x: Any) -> str:
    from p3pd.format import angka

    return angka(x, 2)


def gabung_html(bagian: Sequence[Html]) -> Html:
    """Beberapa potongan :class:`Html` menjadi satu, berurutan."""
    return Html("".join(b.isi for b in bagian), "\n".join(b.teks for b in bagian))


KELAS_GRAFIK_TANPA_DATA = "grafik-tanpa-data"
"""Kelas HTML kotak "tidak ada data" di tempat grafik (pembangun handout tidak menuntut gambarnya)."""


CARA_MENGISI: dict[str, str] = {
    "fasilitas": "p3pd impor --preset podes_fasilitas (dari Podes BPS)",
    "belanja": "p3pd impor --preset siskeudes_apbdes (dari ekspor Siskeudes)",
    "terbitan": "p3pd impor --preset idm (dari berkas IDM)",
}
"""Cara mendapatkan tabel yang punya preset ``p3pd impor``; tabel lain diisi sendiri."""

CARA_LAIN = "isi sendiri di Excel, lihat data/KAMUS_DATA.md"
"""Cara mendapatkan tabel tanpa preset impor."""


def _jamak(berkas: Sequence[str]) -> str:
    return "berkas " + (", ".join(berkas[:-1]) + " dan " if len(berkas) > 1 else "") + berkas[-1]


def cara_mengisi(nama_tabel: Sequence[str]) -> str:
    """Satu anak kalimat cara mendapatkan tabel ``nama_tabel`` (preset ``p3pd impor`` bila
    ada, selain itu isi sendiri), mis. "cara mengisinya: p3pd impor --preset idm (…)"."""
    from p3pd.skema import TABEL_DIKENAL

    def berkas(n: str) -> str:
        return TABEL_DIKENAL[n].berkas if n in TABEL_DIKENAL else f"{n}.csv"

    banyak = len(nama_tabel) > 1
    cara = [
        f"{berkas(n)} lewat {CARA_MENGISI[n]}" if banyak else CARA_MENGISI[n]
        for n in nama_tabel
        if n in CARA_MENGISI
    ]
    lain = [berkas(n) for n in nama_tabel if n not in CARA_MENGISI]
    if lain:
        cara.append(f"{', '.join(lain)}: {CARA_LAIN}" if banyak else CARA_LAIN)
    return "cara mengisinya: " + "; ".join(cara)


def html_tidak_ada_data(
    nama_tabel: str | Sequence[str],
    bagian: str = "",
    *,
    grafik: bool = False,
    tanpa_baris: Sequence[str] = (),
    wilayah: str = "",
) -> Html:
    """Satu baris "tidak ada data" untuk bagian handout yang tabelnya tidak ada di folder data.

    ``nama_tabel``: nama tabel ``p3pd.skema`` (mis. ``'belanja'``), atau beberapa nama; baris
    menyebut berkasnya (mis. ``apbdes_belanja.csv``) dan folder data yang dipakai. Nama yang
    juga ada di ``tanpa_baris`` adalah berkas yang ada tetapi tidak memuat baris untuk
    ``wilayah`` (mis. "kecamatan dan tahun ini"); baris itu mengatakannya (APBDes: kelurahan
    tidak punya APBDes), bukan "tidak ada". Baris ditutup cara mendapatkan datanya
    (:func:`cara_mengisi`). ``bagian`` (opsional) menyebut apa yang tidak dapat ditulis.
    ``grafik=True`` menandai kotak sebagai pengganti grafik (kelas
    :data:`KELAS_GRAFIK_TANPA_DATA`).
    """
    from p3pd.kotak import gaya_kotak
    from p3pd.lokasi import folder_data
    from p3pd.notebook import TIDAK_ADA_DATA
    from p3pd.skema import TABEL_DIKENAL

    daftar = [nama_tabel] if isinstance(nama_tabel, str) else list(nama_tabel)
    nama_berkas = {n: TABEL_DIKENAL[n].berkas if n in TABEL_DIKENAL else f"{n}.csv" for n in daftar}
    hilang = [nama_berkas[n] for n in daftar if n not in tanpa_baris]
    kosong = [n for n in daftar if n in tanpa_baris]
    alasan = []
    if hilang:
        alasan.append(
            f"{_jamak(hilang)} tidak ada (atau kosong) di folder data '{folder_data().name}'"
        )
    if kosong:
        apbdes = any(n in ("belanja", "belanja_kegiatan", "pendapatan") for n in kosong)
        alasan.append(
            f"{_jamak([nama_berkas[n] for n in kosong])} tidak memuat baris untuk "
            f"{wilayah or 'wilayah dan tahun ini'}"
            + (" (kelurahan tidak punya APBDes)" if apbdes else "")
        )
    apa = f" untuk {bagian}" if bagian else ""
    teks = f"{TIDAK_ADA_DATA.capitalize()}{apa}: {'; '.join(alasan)}; {cara_mengisi(daftar)}."
    kelas = f"p3pd-kotak p3pd-tidak_ada{' ' + KELAS_GRAFIK_TANPA_DATA if grafik else ''}"
    isi = (
        f'<div class="{kelas}" style="{gaya_kotak("tidak_ada")}">'
        f"<strong>{_e(TIDAK_ADA_DATA.capitalize())}</strong>{_e(teks[len(TIDAK_ADA_DATA) :])}</div>"
    )
    return Html(isi, teks)


# --------------------------------------------------------------------------- wilayah dan data


@dataclass(frozen=True)
class WilayahHandout:
    """Wilayah yang dibahas satu handout: satu provinsi (boleh dibatasi ke satu kabupaten) atau satu kecamatan."""

    tingkat: str
    provinsi: Any
    kabupaten: Any = None
    kecamatan: Any = None

    @property
    def kode(self) -> str:
        """Awalan kode desa wilayah ini (kode kecamatan, kabupaten, atau provinsi)."""
        for w in (self.kecamatan, self.kabupaten, self.provinsi):
            if w is not None:
                return w.kode
        raise AssertionError("wilayah kosong")

    @property
    def nama(self) -> str:
        """Nama tampilan: 'Kecamatan Getasan' atau 'Provinsi Jawa Tengah'."""
        if self.kecamatan is not None:
            return f"Kecamatan {self.kecamatan.nama}"
        return f"Provinsi {self.provinsi.nama}"

    @property
    def tingkat_data(self) -> str:
        """Tingkat agregasi angka wilayah ini (kecamatan, kabupaten, atau provinsi)."""
        if self.kecamatan is not None:
            return "kecamatan"
        return "kabupaten" if self.kabupaten is not None else "provinsi"


def pilih_wilayah(
    provinsi: str,
    kabupaten: str | None = None,
    kecamatan: str | None = None,
    *,
    data: pd.DataFrame | None = None,
) -> WilayahHandout:
    """Wilayah handout dari nama/kode provinsi, dan (opsional) kabupaten dan kecamatan.

    ``data`` (daftar desa, tabel ``wilayah``) membuat wilayah mana pun di daftar desa itu dapat
    dipilih, di mana pun di Indonesia (lihat ``p3pd.wilayah.cari``). Nama yang tidak dikenal
    menimbulkan ``WilayahTidakDikenal`` yang menyebut pilihan yang sah; kabupaten/kecamatan di
    luar provinsinya menimbulkan ``GalatP3PD``.
    """
    from p3pd import wilayah

    prov = wilayah.cari("provinsi", provinsi, data=data)
    kab = wilayah.cari("kabupaten", kabupaten, data=data) if kabupaten else None
    if kab is not None and kab.provinsi.kode != prov.kode:
        raise GalatP3PD(f"{kab.nama} ada di provinsi {kab.provinsi.nama}, bukan {prov.nama}.")
    if kecamatan:
        kec = wilayah.cari("kecamatan", kecamatan, prov.kode, data=data)
        if kab is not None and kec.kabupaten.kode != kab.kode:
            raise GalatP3PD(f"Kecamatan {kec.nama} ada di {kec.kabupaten.nama}, bukan {kab.nama}.")
        return WilayahHandout("kecamatan", prov, kec.kabupaten, kec)
    return WilayahHandout("provinsi", prov, kab, None)


_KODE_DIINGAT: dict[int, tuple[Any, Any, Any]] = {}
"""Kode kolom besar sebagai larik teks NumPy: id(larik) → (larik, salinan isinya, larik teks)."""


def _di(kode_desa: pd.Series, awalan: str) -> pd.Series:
    """Baris yang kode desanya berawalan ``awalan`` (kode kecamatan, kabupaten, provinsi).

    Kolom besar (mis. belanja, puluhan ribu baris) diubah sekali menjadi larik teks NumPy dan
    diingat per larik pandas; sebelum dipakai ulang isinya dibandingkan dengan salinannya,
    jadi kolom yang diubah tidak pernah memakai larik lama.
    """
    import numpy as np

    larik = kode_desa.array
    if len(kode_desa) < 5000:
        return kode_desa.astype(str).str.startswith(awalan)
    objek = np.asarray(larik, dtype=object)
    ingat = _KODE_DIINGAT.get(id(larik))
    if ingat is None or ingat[0] is not larik or not np.array_equal(objek, ingat[1]):
        if len(_KODE_DIINGAT) >= 8:
            _KODE_DIINGAT.clear()
        ingat = (larik, objek.copy(), objek.astype(str))
        _KODE_DIINGAT[id(larik)] = ingat
    return pd.Series(np.strings.startswith(ingat[2], awalan), index=kode_desa.index)


def _nama_kabupaten_data(data: DataLaporan, wil: WilayahHandout) -> str:
    """Nama kabupaten wilayah di data (mis. 'Kabupaten Semarang'); beberapa nama digabung."""
    if wil.kabupaten is not None:
        return wil.kabupaten.nama
    nama = data.wilayah.loc[_di(data.wilayah["kode_desa"], wil.kode), "nama_kabupaten"]
    unik = list(dict.fromkeys(nama))
    return " dan ".join(unik) if unik else wil.provinsi.nama


def kelurahan(kode_desa: Any) -> bool:
    """``True`` bila kode ``PP.KK.CC.1NNN`` adalah kelurahan (tanpa APBDes dan RKPDes)."""
    kode = str(kode_desa)
    return len(kode) == 13 and kode[9] == "1"


def sel_porsi_apbdes(kode_desa: Any, nilai: Any) -> str:
    """Teks sel porsi APBDes satu baris: persen; kelurahan tanpa nilai → "tidak berlaku
    (kelurahan)" (``format.TIDAK_BERLAKU_KELURAHAN``), bukan "tidak ada data"."""
    from p3pd.format import TIDAK_BERLAKU_KELURAHAN

    if kelurahan(kode_desa) and pd.isna(nilai):
        return TIDAK_BERLAKU_KELURAHAN
    return _persen(nilai)


@dataclass(frozen=True)
class Pembanding:
    """Pembanding "kabupaten" handout: kabupaten utuh, atau gabungan desa/kelurahan di data ini.

    Angka pembanding dihitung dari desa di folder data. Folder yang tidak memuat semua
    desa/kelurahan kabupaten (menurut ``p3pd.wilayah_nasional``) tidak boleh disebut
    "kabupaten": labelnya "gabungan desa/kelurahan di data ini (n dari N desa/kelurahan …)"
    (pembilang dan penyebut desa-desa itu dijumlahkan lalu dibagi, bukan rata-rata persen).
    """

    lengkap: bool
    n: int = 0
    total: int = 0
    nama_kabupaten: str = ""

    @property
    def nama(self) -> str:
        """'kabupaten' atau 'gabungan desa/kelurahan di data ini' (untuk kalimat dan legenda)."""
        from p3pd.diagnosis import GABUNGAN_DATA_INI

        return "kabupaten" if self.lengkap else GABUNGAN_DATA_INI

    @property
    def keterangan(self) -> str:
        """'(n dari N desa/kelurahan Kota Batu)'; kosong bila kabupaten utuh."""
        if self.lengkap:
            return ""
        dari = f" dari {self.total}" if self.total else ""
        return f"({self.n}{dari} desa/kelurahan {self.nama_kabupaten})".replace(" )", ")")

    @property
    def label(self) -> str:
        """Nama dengan keterangannya: 'gabungan desa/kelurahan di data ini (2 dari 24 …)' atau
        'kabupaten'."""
        return f"{self.nama} {self.keterangan}".strip()

    @property
    def kalimat(self) -> str:
        """Satu kalimat penjelas untuk handout (kosong bila kabupaten utuh)."""
        if self.lengkap:
            return ""
        kab = self.nama_kabupaten or "kabupaten"
        jumlah = (
            f"{self.n} dari {self.total} desa/kelurahan {kab}"
            if self.total
            else f"{self.n} desa/kelurahan {kab} (jumlah seluruhnya tidak diketahui)"
        )
        return (
            f"Data ini hanya memuat {jumlah}; pembanding di handout ini adalah gabungan "
            f"desa/kelurahan di data ini (jumlahkan lalu bagi), bukan capaian {kab}."
        )


def pembanding_kabupaten(
    kode_desa: pd.Series, kode_kabupaten: Sequence[str], nama_kabupaten: str, *, sintetis: bool
) -> Pembanding:
    """Apakah desa ``kode_desa`` (desa yang dipakai menghitung pembanding) mencakup semua
    desa/kelurahan ``kode_kabupaten`` menurut daftar nasional (``p3pd.wilayah_nasional``).

    Data latihan (``sintetis``) adalah kabupaten latihan utuh. Kabupaten yang tidak ada di
    daftar nasional dianggap tidak utuh (jumlahnya tidak diketahui).
    """
    if sintetis:
        return Pembanding(True)
    from p3pd import wilayah_nasional

    kode = pd.Series(kode_desa, dtype=object).astype(str).drop_duplicates()
    n = total = 0
    for kab in kode_kabupaten:
        n += int(kode.str.startswith(f"{kab}.").sum())
        total += len(wilayah_nasional.daftar("desa", kab))
    lengkap = total > 0 and n >= total
    return Pembanding(lengkap, n, total, nama_kabupaten)


def _singkat_kab(nama: str) -> str:
    return nama.replace("Kabupaten ", "Kab. ")
