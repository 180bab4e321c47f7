"""Isi handout (dan laporan di notebook): angka kunci, tabel lampu, desa prioritas, kebutuhan vs
penyediaan, pertanyaan diskusi, rancangan agenda terpadu (dengan baris kosong), dan dua grafik.

Cara pakai di notebook (juga di ``notebooks/handout_templat.ipynb``)::

    from p3pd import laporan
    h = laporan.Handout("Jawa Tengah")                 # satu provinsi, tahun terakhir
    h = laporan.Handout("Jawa Tengah", kecamatan="Getasan")
    h.tabel_angka_kunci()                              # HTML siap cetak
    h.grafik_capaian()                                 # gambar matplotlib

Setiap bagian juga tersedia sebagai fungsi yang mengembalikan DataFrame biasa untuk diolah
lagi: :func:`angka_kunci`, :func:`lampu_wilayah`, :func:`prioritas`,
:func:`permintaan_penyediaan`, :func:`pertanyaan_diskusi`.

Aturan lampu sama dengan ``p3pd.diagnosis``: **hijau** = target tercapai; **merah** = belum
tercapai *dan* lebih buruk daripada capaian kabupaten; **kuning** = belum tercapai tetapi
tidak lebih buruk daripada kabupaten (indikator tanpa target hanya dibandingkan dengan
kabupaten). Desa prioritas diurutkan oleh ``p3pd.diagnosis.desa_prioritas`` (jumlah lampu
merah, lalu jumlah kuning, lalu total kesenjangan).

Semua angka wilayah dihitung dari data latihan **sintetis**; angka pembanding provinsi dan
nasional adalah angka terbitan resmi dengan sumbernya (``p3pd.indikator``).
"""

from __future__ import annotations

import datetime as _dt
import html as _html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from p3pd.galat import GalatP3PD
from p3pd.indikator import DAFTAR_INDIKATOR, INDIKATOR, hitung_capaian, jumlahkan
from p3pd.kurikulum import baca_kurikulum
from p3pd.skema import LAYANAN, NAIK

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.label import LabelData

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


@dataclass
class DataLaporan:
    """Tabel data latihan yang dipakai handout."""

    wilayah: pd.DataFrame
    indikator: pd.DataFrame
    belanja: pd.DataFrame
    fasilitas: pd.DataFrame
    usulan: pd.DataFrame
    program: pd.DataFrame
    #: Tabel perencanaan tambahan (opsional): jalur dan tindak lanjut usulan, program per desa.
    usulan_tindak_lanjut: pd.DataFrame | None = None
    program_desa: pd.DataFrame | None = None

    def tahun(self) -> list[int]:
        """Tahun yang ada di tabel indikator."""
        return sorted(int(t) for t in self.indikator["tahun"].unique())


TABEL_HANDOUT_OPSIONAL = ("fasilitas", "usulan", "program")
"""Tabel handout yang boleh tidak ada di data sendiri: bagiannya ditulis tanpa data ('–')."""


def _tabel_kosong(nama: str) -> pd.DataFrame:
    """Tabel tanpa baris dengan kolom skema ``nama`` (tabel yang tidak tersedia)."""
    from p3pd import skema

    angka = (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH, skema.TIPE_DESIMAL)
    tabel = skema.SEMUA_TABEL[nama]
    return pd.DataFrame(
        {k.nama: pd.Series(dtype="float64" if k.tipe in angka else object) for k in tabel.kolom}
    )


def muat_data(folder: str | Path | None = None) -> DataLaporan:
    """Muat dan periksa tabel yang dipakai handout dari ``folder`` (bawaan: folder data latihan).

    Daftar desa, indikator, dan belanja wajib; fasilitas, usulan, dan program
    (``TABEL_HANDOUT_OPSIONAL``) yang berkasnya tidak ada menjadi tabel kosong, sehingga
    bagiannya di handout ditulis tanpa data.
    """
    from p3pd import muat
    from p3pd.lokasi import folder_data

    folder = Path(folder) if folder is not None else folder_data()

    def berkas(nama: str) -> Path:
        return muat.berkas_tabel(folder, nama)  # .csv atau .xlsx, seperti p3pd ringkasan

    def opsional(nama: str) -> pd.DataFrame:
        path = berkas(nama)
        return muat.muat_tabel(nama, path) if path.exists() else _tabel_kosong(nama)

    def tambahan(nama: str) -> pd.DataFrame | None:
        path = berkas(nama)
        return muat.muat_tabel(nama, path) if path.exists() else None

    return DataLaporan(
        wilayah=muat.muat_wilayah(berkas("wilayah")),
        indikator=muat.muat_indikator(berkas("indikator")),
        belanja=muat.muat_belanja(berkas("belanja")),
        fasilitas=opsional("fasilitas"),
        usulan=opsional("usulan"),
        program=opsional("program"),
        usulan_tindak_lanjut=tambahan("usulan_tindak_lanjut"),
        program_desa=tambahan("program_desa"),
    )


_SIMPANAN: dict[tuple, DataLaporan] = {}


def _muat_data_tersimpan(folder: str | Path | None = None) -> DataLaporan:
    """Seperti :func:`muat_data`, tetapi hasilnya disimpan di memori selama berkasnya tidak berubah.

    Dipakai :class:`Handout`: di kernel hangat pembangun handout, data cukup dibaca sekali untuk
    banyak handout. Tabel hasilnya dipakai bersama, jadi **jangan diubah**.
    """
    from p3pd import muat
    from p3pd.lokasi import folder_data

    folder = Path(folder) if folder is not None else folder_data()
    tanda = []
    for nama in ("wilayah", "indikator", "belanja", "fasilitas", "usulan", "program"):
        berkas = muat.berkas_tabel(folder, nama)
        try:
            st = berkas.stat()
        except FileNotFoundError:
            return muat_data(folder)  # pesan kesalahan yang jelas datang dari pemuat
        tanda.append((str(berkas.resolve()), st.st_mtime_ns, st.st_size))
    kunci = tuple(tanda)
    if kunci not in _SIMPANAN:
        _SIMPANAN.clear()
        _SIMPANAN[kunci] = muat_data(folder)
    return _SIMPANAN[kunci]


def _di(kode_desa: pd.Series, awalan: str) -> pd.Series:
    return kode_desa.astype(str).str.startswith(awalan)


def _nama_kabupaten_data(data: DataLaporan, wil: WilayahHandout) -> str:
    """Nama kabupaten wilayah di data (mis. 'Kabupaten Semarang'); beberapa nama digabung."""
    if wil.kabupaten is not None:
        return wil.kabupaten.nama
    nama = data.wilayah.loc[_di(data.wilayah["kode_desa"], wil.kode), "nama_kabupaten"]
    unik = list(dict.fromkeys(nama))
    return " dan ".join(unik) if unik else wil.provinsi.nama


def _singkat_kab(nama: str) -> str:
    return nama.replace("Kabupaten ", "Kab. ")


# --------------------------------------------------------------------------- angka kunci


def _capaian_wilayah(data: pd.DataFrame, awalan: str, tingkat: str, tahun: int) -> pd.Series:
    """Capaian semua indikator untuk satu wilayah (jumlahkan pembilang dan penyebut, lalu bagi)."""
    bagian = data[_di(data["kode_desa"], awalan)]
    if bagian.empty:
        return pd.Series(np.nan, index=[i.kode for i in DAFTAR_INDIKATOR])
    hasil = hitung_capaian(bagian, tingkat, tahun=tahun)
    hasil = hasil[hasil["kode_wilayah"] == awalan]
    return hasil.set_index("indikator")["capaian"]


def angka_kunci(data: DataLaporan, wil: WilayahHandout, tahun: int) -> pd.DataFrame:
    """Angka kunci per indikator: capaian wilayah (data latihan) dan angka terbitan pembanding.

    Kolom: ``indikator, nama, layanan, arah, target, wilayah`` (capaian wilayah handout),
    ``kabupaten`` (capaian kabupaten di data; untuk handout kecamatan), ``kabupaten_terbitan``,
    ``provinsi_terbitan``, ``nasional_terbitan`` (nilai), masing-masing dengan ``_tahun`` dan
    ``_sumber``. Angka terbitan diambil dari ``p3pd.indikator`` (tahun terdekat dengan ``tahun``).
    """
    ind = data.indikator
    nilai = _capaian_wilayah(ind, wil.kode, wil.tingkat_data, tahun)
    kab_kode = wil.kabupaten.kode if wil.kabupaten is not None else None
    if kab_kode is None:
        kode_kab = sorted(
            set(data.wilayah.loc[_di(data.wilayah["kode_desa"], wil.kode), "kode_kabupaten"])
        )
        kab_kode = kode_kab[0] if len(kode_kab) == 1 else None
    nilai_kab = (
        _capaian_wilayah(ind, kab_kode, "kabupaten", tahun)
        if kab_kode is not None
        else pd.Series(dtype=float)
    )
    baris = []
    for i in DAFTAR_INDIKATOR:
        b: dict[str, Any] = {
            "indikator": i.kode,
            "nama": i.nama,
            "layanan": LAYANAN[i.layanan],
            "arah": i.arah,
            "target": i.target,
            "jenis_target": i.jenis_target,
            "sumber_target": i.sumber_target,
            "jenis_data": i.jenis_data,
            "wilayah": float(nilai.get(i.kode, np.nan)),
            "kabupaten": float(nilai_kab.get(i.kode, np.nan)),
        }
        for kunci, kode in (
            ("kabupaten_terbitan", kab_kode),
            ("provinsi_terbitan", wil.provinsi.kode),
            ("nasional_terbitan", "ID"),
        ):
            a = i.acuan_untuk(kode, tahun) if kode else None
            b[kunci] = a.nilai if a else np.nan
            b[f"{kunci}_tahun"] = a.tahun if a else pd.NA
            b[f"{kunci}_sumber"] = f"{a.sumber} — data {a.jenis}" if a else ""
            b[f"{kunci}_jenis"] = a.jenis if a else ""
        baris.append(b)
    return pd.DataFrame(baris)


def html_angka_kunci(tabel: pd.DataFrame, wil: WilayahHandout, nama_kabupaten: str) -> Html:
    """Tabel HTML angka kunci dengan nomor sumber untuk setiap angka terbitan."""
    sumber: list[str] = []

    def rujuk(teks: str) -> str:
        if not teks:
            return ""
        if teks not in sumber:
            sumber.append(teks)
        return f"<sup>{sumber.index(teks) + 1}</sup>"

    def terbitan(b: pd.Series, kunci: str) -> str:
        if pd.isna(b[kunci]):
            return "–"
        jenis = _JENIS_SINGKAT.get(b.get(kunci + "_jenis", ""), "")
        beda = b.get(kunci + "_jenis", "") != b.get("jenis_data", "")
        tanda = ' style="font-style:italic"' if beda else ""
        return (
            f"<span{tanda}>{_e(_persen(b[kunci]))} <small>({int(b[kunci + '_tahun'])}; "
            f"{jenis})</small></span>{rujuk(b[kunci + '_sumber'])}"
        )

    kab = _e(_singkat_kab(nama_kabupaten))
    from p3pd.label import label_data  # data sendiri tidak disebut "data latihan"

    asal = "data latihan" if label_data().sintetis else "data ini"
    if wil.tingkat == "kecamatan":
        kolom_data = [
            (f"{_e(wil.kecamatan.nama)}<br><small>{asal}</small>", "wilayah"),
            (f"{kab}<br><small>{asal}</small>", "kabupaten"),
        ]
        kolom_terbit = [("provinsi_terbitan", f"Prov. {_e(wil.provinsi.nama)}")]
    else:
        kolom_data = [(f"{kab}<br><small>{asal}</small>", "wilayah")]
        kolom_terbit = [
            ("kabupaten_terbitan", kab),
            ("provinsi_terbitan", f"Prov. {_e(wil.provinsi.nama)}"),
        ]
    kolom_terbit.append(("nasional_terbitan", "Indonesia"))
    kepala = "".join(f'<th class="angka">{k}</th>' for k, _ in kolom_data) + "".join(
        f'<th class="angka">{n}<br><small>terbitan</small></th>' for _, n in kolom_terbit
    )
    isi = []
    layanan_lalu = None
    n_kolom = 2 + len(kolom_data) + len(kolom_terbit)
    for _, b in tabel.iterrows():
        if b["layanan"] != layanan_lalu:
            isi.append(f'<tr class="kelompok"><th colspan="{n_kolom}">{_e(b["layanan"])}</th></tr>')
            layanan_lalu = b["layanan"]
        arah = "↓" if b["arah"] != NAIK else "↑"
        target = "–" if pd.isna(b["target"]) else _e(_persen(b["target"]))
        jt = _TARGET_SINGKAT.get(b.get("jenis_target", ""), "")
        target += f" <small>{_e(jt)}</small>" if jt else ""
        sel = "".join(
            f'<td class="angka" data-kolom="{k}">{_e(_persen(b[k]))}</td>' for _, k in kolom_data
        )
        sel += "".join(
            f'<td class="angka" data-kolom="{k}">{terbitan(b, k)}</td>' for k, _ in kolom_terbit
        )
        isi.append(
            f'<tr data-indikator="{_e(b["indikator"])}"><td>{_e(b["nama"])} '
            f'<small title="arah baik">{arah}</small>'
            f" <small>(data desa: {_e(_JENIS_SINGKAT.get(b.get('jenis_data', ''), ''))})</small>"
            "</td>"
            f'<td class="angka">{target}</td>{sel}</tr>'
        )
    daftar = "".join(f"<li>{_e(s)}</li>" for s in sumber)
    teks = (
        '<table class="angka-kunci"><thead><tr><th>Indikator</th><th class="angka">Target</th>'
        f"{kepala}</tr></thead><tbody>{''.join(isi)}</tbody></table>"
        '<div class="sumber">↑ makin tinggi makin baik; ↓ makin rendah makin baik. '
        "Di samping setiap target tertulis jenisnya: resmi (ditetapkan peraturan), SPM (Standar "
        "Pelayanan Minimal), atau asumsi (asumsi pelatihan, bukan ketentuan). "
        "Angka terbitan adalah angka kabupaten/provinsi/nasional yang sebenarnya, dari sumber "
        "berikut, dengan jenisnya (survei atau adm. = administratif). Bandingkan hanya yang "
        "sejenis dengan data desa; angka miring berjenis lain dan hanya pembanding. "
        f"<ol>{daftar}</ol></div>"
    )
    polos = tabel[["nama", "wilayah"]].to_string(index=False)
    return Html(teks, polos)


# --------------------------------------------------------------------------- tabel lampu


def lampu_wilayah(
    data: DataLaporan,
    wil: WilayahHandout,
    tahun: int,
    indikator: Sequence[str] = INDIKATOR_LAMPU,
) -> pd.DataFrame:
    """Status lampu per baris wilayah × indikator (bentuk panjang).

    Handout provinsi: satu baris per **kecamatan**; handout kecamatan: satu baris per **desa**.
    Pembanding selalu kabupaten. Kolom: ``kode_wilayah, nama, indikator, capaian, target,
    pembanding, kesenjangan, lampu``.
    """
    from p3pd import diagnosis

    ind = data.indikator
    if wil.tingkat == "kecamatan":
        kab = ind[_di(ind["kode_desa"], wil.kabupaten.kode)]
        matriks = diagnosis.matriks_masalah(kab, tahun, indikator, pembanding="kabupaten")
        matriks = matriks[_di(matriks["kode_desa"], wil.kode)]
        nama = data.wilayah.set_index("kode_desa")["nama_desa"]
    else:
        # Kecamatan diperlakukan sebagai "desa" besar: pembilang dan penyebut desa dijumlahkan per kecamatan,
        # lalu aturan lampu p3pd.diagnosis dipakai apa adanya (pembanding = kabupaten).
        bagian = ind[(ind["tahun"] == tahun) & _di(ind["kode_desa"], wil.kode)]
        per_kec = jumlahkan(bagian, "kecamatan", tahun).rename(
            columns={"kode_wilayah": "kode_desa"}
        )
        matriks = diagnosis.matriks_masalah(per_kec, tahun, indikator, pembanding="kabupaten")
        nama = data.wilayah.drop_duplicates("kode_kecamatan").set_index("kode_kecamatan")[
            "nama_kecamatan"
        ]
    hasil = matriks.rename(columns={"kode_desa": "kode_wilayah"})
    hasil.insert(1, "nama", hasil["kode_wilayah"].map(nama))
    return hasil.drop(columns=["tahun", "layanan"]).reset_index(drop=True)


def porsi_apbdes(data: DataLaporan, wil: WilayahHandout, tahun: int) -> pd.DataFrame:
    """Porsi realisasi APBDes untuk layanan dasar per baris tabel lampu (kecamatan atau desa)."""
    from p3pd import apbdes

    tingkat = "desa" if wil.tingkat == "kecamatan" else "kecamatan"
    bel = data.belanja[_di(data.belanja["kode_desa"], wil.kode)]
    return apbdes.porsi_layanan_dasar(bel, tingkat=tingkat, tahun=tahun)


def html_tabel_lampu(lampu: pd.DataFrame, porsi: pd.DataFrame | None, judul_baris: str) -> Html:
    """Tabel HTML berlampu: nilai capaian di setiap sel, warna latar dan huruf (H/K/M) menurut lampu."""
    urutan = [k for k in INDIKATOR if k in set(lampu["indikator"])]
    baris = lampu.drop_duplicates("kode_wilayah")[["kode_wilayah", "nama"]]
    baris = baris.sort_values("kode_wilayah")
    sel = lampu.set_index(["kode_wilayah", "indikator"])
    porsi_map = (
        porsi.set_index("kode_wilayah")["porsi_layanan_dasar"] if porsi is not None else None
    )
    huruf = {"hijau": "H", "kuning": "K", "merah": "M"}
    kepala = "".join(
        f'<th class="angka">{_e(LABEL_PENDEK.get(k, k))}'
        f"{' ↓' if INDIKATOR[k].arah != NAIK else ''}</th>"
        for k in urutan
    )
    if porsi_map is not None:
        kepala += '<th class="angka">APBDes untuk layanan dasar</th>'
    isi = []
    for kode, nama in baris.itertuples(index=False):
        td = []
        for k in urutan:
            b = sel.loc[(kode, k)]
            lampu_ini = b["lampu"] if b["lampu"] in huruf else "kosong"
            tanda = huruf.get(b["lampu"], "")
            td.append(
                f'<td class="angka lampu-{lampu_ini}" data-indikator="{k}">'
                f"{_e(_persen(b['capaian']))} <small>{tanda}</small></td>"
            )
        if porsi_map is not None:
            td.append(f'<td class="angka">{_e(_persen(porsi_map.get(kode, np.nan)))}</td>')
        isi.append(f'<tr data-kode="{_e(kode)}"><td>{_e(nama)}</td>{"".join(td)}</tr>')
    teks = (
        f'<table class="lampu"><thead><tr><th>{_e(judul_baris)}</th>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="legenda"><span class="kotak" style="background:#c9ecd4"></span>H = hijau: '
        "target tercapai"
        '<span class="kotak" style="background:#fdeeb0"></span>K = kuning: belum tercapai, '
        "tidak lebih buruk dari kabupaten"
        '<span class="kotak" style="background:#f7c6c4"></span>M = merah: belum tercapai dan '
        "lebih buruk dari kabupaten. ↓ = makin rendah makin baik. Kolom terakhir: porsi "
        "realisasi APBDes untuk layanan dasar (sub-bidang 1.3, 2.1, 2.2, 2.4, 5.3).</div>"
    )
    polos = lampu.pivot(index="nama", columns="indikator", values="lampu").to_string()
    return Html(teks, polos)


# --------------------------------------------------------------------------- desa prioritas


def prioritas(data: DataLaporan, wil: WilayahHandout, tahun: int, jumlah: int = 10) -> pd.DataFrame:
    """Desa prioritas wilayah ini menurut ``p3pd.diagnosis.desa_prioritas`` (pembanding kabupaten).

    Kolom: ``peringkat, kode_desa, nama_desa, nama_kecamatan, skor, layanan_merah, merah,
    kuning, rincian_layanan, indikator_merah, total_kesenjangan, porsi_layanan_dasar`` (porsi
    realisasi APBDes, %). ``rincian_layanan`` menunjukkan mengapa desa berada di atas.
    """
    from p3pd import apbdes, diagnosis

    kab_kode = wil.kabupaten.kode if wil.kabupaten is not None else None
    ind = data.indikator
    bagian = ind[_di(ind["kode_desa"], kab_kode)] if kab_kode else ind
    hasil = diagnosis.desa_prioritas(bagian, tahun, wilayah=wil.kode, jumlah=jumlah)
    nama = data.wilayah.set_index("kode_desa")
    hasil.insert(2, "nama_desa", hasil["kode_desa"].map(nama["nama_desa"]))
    hasil.insert(3, "nama_kecamatan", hasil["kode_desa"].map(nama["nama_kecamatan"]))
    bel = data.belanja[data.belanja["kode_desa"].isin(hasil["kode_desa"])]
    porsi = apbdes.porsi_layanan_dasar(bel, "desa", tahun=tahun).set_index("kode_wilayah")
    hasil["porsi_layanan_dasar"] = hasil["kode_desa"].map(porsi["porsi_layanan_dasar"])
    return hasil


def _singkat_indikator(daftar: str, batas: int = 6) -> str:
    nama_ke_kode = {i.nama: i.kode for i in DAFTAR_INDIKATOR}
    pendek = [LABEL_PENDEK.get(nama_ke_kode.get(n, ""), n) for n in daftar.split("; ") if n]
    if len(pendek) > batas:
        return ", ".join(pendek[:batas]) + f", dan {len(pendek) - batas} lainnya"
    return ", ".join(pendek)


def html_prioritas(tabel: pd.DataFrame, tingkat: str) -> Html:
    """Tabel HTML desa prioritas."""
    kec = tingkat != "kecamatan"
    kepala = (
        '<th class="angka">No</th><th>Desa</th>'
        + ("<th>Kecamatan</th>" if kec else "")
        + '<th class="angka">Skor</th><th>Layanan berlampu merah (merah/indikator)</th>'
        "<th>Indikator berlampu merah</th>"
        '<th class="angka">APBDes untuk layanan dasar</th>'
    )
    isi = []
    for _, b in tabel.iterrows():
        isi.append(
            f'<tr data-kode="{_e(b["kode_desa"])}"><td class="angka">{int(b["peringkat"])}</td>'
            f"<td>{_e(b['nama_desa'])}</td>"
            + (f"<td>{_e(b['nama_kecamatan'])}</td>" if kec else "")
            + f'<td class="angka">{_e(_desimal(b["skor"]))}</td>'
            f"<td>{_e(b['rincian_layanan'] or '–')}</td>"
            f"<td>{_e(_singkat_indikator(b['indikator_merah']))}</td>"
            f'<td class="angka">{_e(_persen(b["porsi_layanan_dasar"]))}</td></tr>'
        )
    teks = (
        f'<table class="prioritas"><thead><tr>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="catatan-kecil">Skor (0–1) = rata-rata, atas lima layanan, bagian indikator '
        "berlampu merah di setiap layanan; setiap layanan berbobot sama, berapa pun banyak "
        "indikatornya. Nilai seri: lebih banyak layanan bermasalah, lalu lebih banyak kuning, "
        "lalu total kesenjangan ke target. Aturan ini sengaja sederhana dan terbuka: bahas "
        "bersama apakah urutannya masuk akal di lapangan.</div>"
    )
    return Html(
        teks, tabel[["peringkat", "nama_desa", "skor", "rincian_layanan"]].to_string(index=False)
    )


# --------------------------------------------------------------------------- kebutuhan vs penyediaan


def permintaan_penyediaan(data: DataLaporan, wil: WilayahHandout, tahun: int) -> pd.DataFrame:
    """Ringkasan kebutuhan (permintaan) dan penyediaan per layanan dasar untuk wilayah ini.

    Kolom: ``layanan`` (kunci), ``nama``, ``desa``, ``desa_merah`` (desa dengan ≥1 indikator
    layanan itu berlampu merah), ``usulan`` (usulan desa tahun itu), ``usulan_prioritas_tinggi``,
    ``persen_diakomodasi`` (usulan yang ditampung: program OPD, APBDes, atau provinsi), ``program_opd`` (program
    kabupaten tahun itu yang menyasar sedikitnya satu desa wilayah ini), ``desa_sasaran_opd``
    (banyak desa wilayah ini yang disasar), ``desa_merah_tanpa_program`` (desa merah yang tidak
    disasar program OPD layanan itu), ``porsi_apbdes`` (porsi realisasi APBDes, %).
    """
    from p3pd import apbdes, diagnosis

    ind = data.indikator
    kab = wil.kabupaten.kode if wil.kabupaten is not None else wil.kode
    matriks = diagnosis.matriks_masalah(ind[_di(ind["kode_desa"], kab)], tahun)
    matriks = matriks[_di(matriks["kode_desa"], wil.kode)]
    desa_area = set(data.wilayah.loc[_di(data.wilayah["kode_desa"], wil.kode), "kode_desa"])
    us = data.usulan[(data.usulan["tahun"] == tahun) & data.usulan["kode_desa"].isin(desa_area)]
    pr = data.program[data.program["tahun"] == tahun]
    bel = data.belanja[_di(data.belanja["kode_desa"], wil.kode)]
    porsi = apbdes.porsi_layanan_dasar(bel, wil.tingkat_data, tahun=tahun)
    porsi = porsi[porsi["kode_wilayah"] == wil.kode]
    baris = []
    for kunci, nama in LAYANAN.items():
        merah = set(
            matriks.loc[(matriks["layanan"] == kunci) & (matriks["lampu"] == "merah"), "kode_desa"]
        )
        u = us[us["layanan"] == kunci]
        sasaran: set[str] = set()
        n_program = 0
        for teks in pr.loc[pr["layanan"] == kunci, "desa_sasaran"]:
            kena = {k.strip() for k in str(teks).split(";")} & desa_area
            if kena:
                n_program += 1
                sasaran |= kena
        baris.append(
            {
                "layanan": kunci,
                "nama": nama,
                "desa": len(desa_area),
                "desa_merah": len(merah),
                "usulan": len(u),
                "usulan_prioritas_tinggi": int((u["prioritas"] == "tinggi").sum()),
                "persen_diakomodasi": float(u["diakomodasi"].mean() * 100) if len(u) else np.nan,
                "program_opd": n_program,
                "desa_sasaran_opd": len(sasaran),
                "desa_merah_tanpa_program": len(merah - sasaran),
                "porsi_apbdes": float(porsi[f"porsi_{kunci}"].iloc[0]) if len(porsi) else np.nan,
            }
        )
    return pd.DataFrame(baris)


def desa_kebutuhan_tinggi(data: DataLaporan, wil: WilayahHandout, tahun: int) -> pd.DataFrame:
    """Desa wilayah ini yang berkebutuhan tinggi dan penyediaannya rendah (``p3pd.diagnosis``).

    Median pembagi kelompok dihitung atas seluruh desa kabupaten. Kolom: ``kode_desa,
    nama_desa, indeks_kebutuhan, indeks_penyediaan``, diurutkan dari kebutuhan tertinggi.
    """
    from p3pd import diagnosis

    kab = wil.kabupaten.kode if wil.kabupaten is not None else wil.kode
    ind = data.indikator
    fas = data.fasilitas[_di(data.fasilitas["kode_desa"], kab)]
    kp = diagnosis.kebutuhan_penyediaan(ind[_di(ind["kode_desa"], kab)], fas, tahun)
    kp = kp[
        _di(kp["kode_wilayah"], wil.kode)
        & (kp["kelompok"] == "kebutuhan tinggi, penyediaan rendah")
    ]
    kp = kp.sort_values(["indeks_kebutuhan", "kode_wilayah"], ascending=[False, True])
    nama = data.wilayah.set_index("kode_desa")["nama_desa"]
    hasil = kp.rename(columns={"kode_wilayah": "kode_desa"})[
        ["kode_desa", "indeks_kebutuhan", "indeks_penyediaan"]
    ]
    hasil.insert(1, "nama_desa", hasil["kode_desa"].map(nama))
    return hasil.reset_index(drop=True)


def html_permintaan_penyediaan(tabel: pd.DataFrame, kebutuhan_tinggi: pd.DataFrame) -> Html:
    """Tabel HTML kebutuhan vs penyediaan per layanan, ditambah daftar desa kebutuhan tinggi–penyediaan rendah."""
    isi = []
    for _, b in tabel.iterrows():
        isi.append(
            f'<tr data-layanan="{_e(b["layanan"])}"><td>{_e(b["nama"])}</td>'
            f'<td class="angka">{int(b["desa_merah"])} dari {int(b["desa"])}</td>'
            f'<td class="angka">{int(b["usulan"])} ({int(b["usulan_prioritas_tinggi"])})</td>'
            f'<td class="angka">{_e(_persen(b["persen_diakomodasi"]))}</td>'
            f'<td class="angka">{int(b["program_opd"])}</td>'
            f'<td class="angka">{int(b["desa_sasaran_opd"])}</td>'
            f'<td class="angka">{int(b["desa_merah_tanpa_program"])}</td>'
            f'<td class="angka">{_e(_persen(b["porsi_apbdes"]))}</td></tr>'
        )
    kepala = (
        '<tr><th rowspan="2">Layanan</th><th colspan="1" class="angka">Kebutuhan</th>'
        '<th colspan="2" class="angka">Usulan desa (bawah ke atas)</th>'
        '<th colspan="3" class="angka">Penyediaan program OPD kabupaten</th>'
        '<th class="angka">Belanja desa</th></tr>'
        '<tr><th class="angka">Desa berlampu merah</th><th class="angka">Usulan (prioritas tinggi)</th>'
        '<th class="angka">Diakomodasi</th><th class="angka">Program</th>'
        '<th class="angka">Desa disasar</th><th class="angka">Desa merah tanpa program</th>'
        '<th class="angka">Porsi APBDes</th></tr>'
    )
    if len(kebutuhan_tinggi):
        nama = ", ".join(kebutuhan_tinggi["nama_desa"].head(12))
        lebih = len(kebutuhan_tinggi) - 12
        nama += f", dan {lebih} desa lain" if lebih > 0 else ""
        kt = (
            f"<p><strong>{len(kebutuhan_tinggi)} desa berkebutuhan tinggi tetapi penyediaannya "
            f"rendah</strong> (fasilitas, tenaga, jarak ke puskesmas): {_e(nama)}.</p>"
        )
    else:
        kt = "<p>Tidak ada desa yang berkebutuhan tinggi sekaligus penyediaannya rendah.</p>"
    teks = (
        f'<table class="permintaan"><thead>{kepala}</thead><tbody>{"".join(isi)}</tbody></table>'
        + kt
        + '<div class="catatan-kecil">Kebutuhan tinggi/penyediaan rendah: di atas/di bawah median '
        "kabupaten pada indeks gabungan (stunting, persalinan di fasyankes, APM SMP, sanitasi; "
        "posyandu aktif, sekolah per anak, bidan, jarak ke puskesmas).</div>"
    )
    return Html(teks, tabel[["nama", "desa_merah", "usulan", "program_opd"]].to_string(index=False))


# --------------------------------------------------------------------------- pertanyaan diskusi


def pertanyaan_diskusi(
    data: DataLaporan,
    wil: WilayahHandout,
    tahun: int,
    *,
    kunci: pd.DataFrame | None = None,
    pp: pd.DataFrame | None = None,
    prio: pd.DataFrame | None = None,
) -> dict[str, list[str]]:
    """Pertanyaan diskusi untuk setiap hari pelatihan, memakai angka wilayah ini.

    Kunci: judul hari (lihat ``HARI_PELATIHAN``); nilai: daftar pertanyaan. ``kunci``, ``pp``,
    dan ``prio`` (hasil :func:`angka_kunci`, :func:`permintaan_penyediaan`, :func:`prioritas`)
    boleh diberikan supaya tidak dihitung ulang.
    """
    from p3pd import apbdes

    if kunci is None:
        kunci = angka_kunci(data, wil, tahun)
    lampu = lampu_wilayah(data, wil, tahun, [i.kode for i in DAFTAR_INDIKATOR])
    ada_target = kunci.dropna(subset=["target", "wilayah"])
    senjang = np.where(
        ada_target["arah"] == NAIK,
        ada_target["target"] - ada_target["wilayah"],
        ada_target["wilayah"] - ada_target["target"],
    )
    terburuk = ada_target.iloc[int(np.argmax(senjang))]
    # Bagian sel merah per layanan (bukan jumlah sel): layanan dengan lebih banyak indikator
    # tidak otomatis tampak lebih buruk (aturan bobot yang sama dengan skor prioritas).
    berlayanan = lampu.assign(
        layanan=lambda d: d["indikator"].map({i.kode: i.layanan for i in DAFTAR_INDIKATOR}),
        merah=lambda d: d["lampu"] == "merah",
    )
    bagian_merah = (
        berlayanan[berlayanan["lampu"].notna()]
        .groupby("layanan")["merah"]
        .mean()
        .reindex(list(LAYANAN))
        .fillna(0.0)
    )
    layanan_berat = LAYANAN[str(bagian_merah.idxmax())]
    unit = "desa" if wil.tingkat == "kecamatan" else "kecamatan"
    prio = (prioritas(data, wil, tahun, jumlah=3) if prio is None else prio).head(3)
    if pp is None:
        pp = permintaan_penyediaan(data, wil, tahun)
    bel = data.belanja[_di(data.belanja["kode_desa"], wil.kode)]
    ring = apbdes.batas_30_persen(bel, None, wil.tingkat_data, tahun=tahun)
    ring = ring[ring["kode_wilayah"] == wil.kode]
    porsi_ld = pp["porsi_apbdes"].sum()
    indikasi = int(ring["jumlah_desa_indikasi"].iloc[0]) if len(ring) else 0
    stunting = kunci.set_index("indikator").loc["stunting"]
    tingkat_acuan = "provinsi" if not pd.isna(stunting["provinsi_terbitan"]) else "nasional"
    kunci_acuan = f"{tingkat_acuan}_terbitan"
    pembanding = (
        f"angka terbitan {tingkat_acuan} {_persen(stunting[kunci_acuan])} "
        f"({stunting[f'{kunci_acuan}_sumber']}, {stunting[f'{kunci_acuan}_tahun']})"
    )
    desa_prio = ", ".join(prio["nama_desa"]) if len(prio) else "–"
    pp_i = pp.set_index("nama")
    tanpa = pp_i["desa_merah_tanpa_program"].idxmax()
    nama = wil.nama
    from p3pd.label import label_data  # data sendiri tidak pernah disebut sintetis

    asal = "data latihan (sintetis, " if label_data().sintetis else "data ini ("
    return {
        HARI_PELATIHAN[0][0]: [
            f"Di {nama}, layanan {layanan_berat.lower()} punya bagian sel merah terbesar "
            f"({_persen(100 * bagian_merah.max())} dari sel layanan itu di tabel {unit}). Unit "
            "layanan dan "
            "perangkat daerah mana yang bertanggung jawab, dan siapa yang perlu duduk bersama "
            "di kecamatan sebagai rumah bersama?",
            f"Indikator yang paling jauh dari target adalah {terburuk['nama'].lower()} "
            f"({_persen(terburuk['wilayah'])}, target {_persen(terburuk['target'])}, "
            f"{terburuk['jenis_target']}). Apa peran "
            "pembinaan dan pengawasan camat untuk indikator ini (PP 17/2018)?",
        ],
        HARI_PELATIHAN[1][0]: [
            f"Stunting di {asal}{tahun}) {_persen(stunting['wilayah'])}; "
            f"{pembanding}. Mengapa "
            "angka survei (SSGI/SKI) dan angka penimbangan (e-PPGBM) bisa berbeda jauh, dan "
            "angka mana yang dipakai untuk perencanaan?",
            f"Desa prioritas teratas: {desa_prio}. Apakah urutan ini sesuai dengan "
            "pengetahuan Anda di lapangan? Data apa yang perlu dicek ulang sebelum dipakai?",
        ],
        HARI_PELATIHAN[2][0]: [
            f"Porsi realisasi APBDes untuk layanan dasar {_persen(porsi_ld)}. Di {indikasi} "
            "desa seluruh sub-bidang 1.1 di atas 30% belanja: indikasi untuk ditelaah, bukan "
            "pelanggaran, karena batas 30% PP 11/2019 hanya untuk siltap dan tunjangan aparatur "
            "desa serta tunjangan BPD. Apakah belanja desa mengikuti kesenjangan layanan?",
            f"Untuk layanan {tanpa.lower()}, {int(pp_i.loc[tanpa, 'desa_merah_tanpa_program'])} "
            "desa berlampu merah belum disasar program OPD. Usulan mana yang perlu dibawa ke "
            "Musrenbang kecamatan dan forum perangkat daerah?",
        ],
        HARI_PELATIHAN[3][0]: [
            "Tindakan pembinaan dan pengawasan apa yang dilakukan kecamatan untuk tiga desa "
            "prioritas dalam 12 bulan ke depan, siapa penanggung jawabnya, dan bagaimana "
            "keberhasilannya diukur?",
            "Masalah mana yang tidak dapat diselesaikan desa sendiri dan perlu disuarakan ke "
            "kabupaten (Bappeda, Dinas Kesehatan, Dinas Pendidikan, Disdukcapil)? Mitra swasta "
            "atau CSR mana yang dapat dilibatkan?",
        ],
    }


def html_pertanyaan(pertanyaan: dict[str, list[str]]) -> Html:
    """Pertanyaan diskusi per hari sebagai HTML (judul hari dan tema, lalu daftar bernomor)."""
    tema = dict(HARI_PELATIHAN)
    bagian = []
    for hari, daftar in pertanyaan.items():
        butir = "".join(f"<li>{_e(p)}</li>" for p in daftar)
        bagian.append(
            f'<div class="tetap-bersama"><h3>{_e(hari)}: {_e(tema.get(hari, ""))}</h3>'
            f"<ol>{butir}</ol></div>"
        )
    teks = CATATAN_HARI + "\n" + "\n".join(f"{h}: " + " | ".join(d) for h, d in pertanyaan.items())
    catatan = f'<p class="catatan"><em>{_e(CATATAN_HARI)}</em></p>'
    return Html(f'<div class="pertanyaan">{catatan}{"".join(bagian)}</div>', teks)


def html_agenda(baris: int = 6) -> Html:
    """Tabel agenda terpadu kosong untuk diisi tangan (``baris`` baris bernomor)."""
    kepala = "".join(f"<th>{_e(k)}</th>" for k in _KOLOM_AGENDA)
    isi = "".join(
        f'<tr><td class="angka">{n}</td>' + "<td></td>" * (len(_KOLOM_AGENDA) - 1) + "</tr>"
        for n in range(1, baris + 1)
    )
    teks = f'<table class="agenda"><thead><tr>{kepala}</tr></thead><tbody>{isi}</tbody></table>'
    return Html(teks, f"Agenda kosong: {baris} baris, kolom {', '.join(_KOLOM_AGENDA)}")


def kecamatan_agenda(data: DataLaporan, wil: WilayahHandout, tahun: int) -> str:
    """Kode kecamatan rancangan agenda handout: kecamatan handout itu sendiri, atau (handout
    provinsi) kecamatan dengan desa terbanyak di antara 10 desa prioritas (seri: peringkat teratas)."""
    if wil.kecamatan is not None:
        return wil.kecamatan.kode
    prio = prioritas(data, wil, tahun, 10)
    kode = prio["kode_desa"].str[:8]
    return str(kode.value_counts(sort=False).sort_values(ascending=False, kind="stable").index[0])


def rancangan_agenda(
    data: DataLaporan, wil: WilayahHandout, tahun: int, jumlah: int = 4
) -> pd.DataFrame:
    """Baris desa teratas rancangan agenda (``p3pd.agenda.susun_agenda``) untuk handout.

    Kecamatannya :func:`kecamatan_agenda`; isu kabupaten tidak dihitung di sini (bagian handout
    sendiri). Paling banyak ``jumlah`` baris, urutan agenda.
    """
    from p3pd.agenda import susun_agenda

    tabel = {k: v for k, v in vars(data).items() if isinstance(v, pd.DataFrame)}
    kode = kecamatan_agenda(data, wil, tahun)
    hasil = susun_agenda(tabel, kode, tahun, isu=pd.DataFrame())
    return hasil[hasil["bagian"] == "desa"].head(jumlah).reset_index(drop=True)


def _sebelum_koma(teks: str) -> str:
    """Teks sampai koma/titik koma pertama di luar tanda kurung."""
    dalam = 0
    for i, c in enumerate(teks):
        dalam += (c == "(") - (c == ")")
        if dalam == 0 and c in ",;":
            return teks[:i]
    return teks


def _dasar_singkat(dasar: str) -> str:
    """Dasar hukum terakhir yang disebut, tanpa penjelasan dalam kurung (mis. 'PP 43/2014 Pasal 154')."""
    import re

    bagian = [b.strip() for b in dasar.split(";") if b.strip()]
    return re.sub(r"\s*\([^)]{5,}\)", "", bagian[-1] if bagian else "")


def html_agenda_terisi(rancangan: pd.DataFrame, kosong: int = 3, keterangan: str = "") -> Html:
    """Tabel agenda terpadu: baris rancangan dari diagnosis, lalu ``kosong`` baris untuk diisi tangan.

    ``rancangan``: baris hasil ``p3pd.agenda.susun_agenda`` (mis. :func:`rancangan_agenda`).
    Kolom sama dengan agenda kosong (:func:`html_agenda`).
    """
    kepala = "".join(f"<th>{_e(k)}</th>" for k in _KOLOM_AGENDA)
    isi = []
    for n, r in enumerate(rancangan.itertuples(), start=1):
        layanan = LAYANAN.get(r.layanan, "APBDes") if r.layanan else "APBDes"
        indikator = LABEL_PENDEK.get(r.indikator, r.nama_indikator)
        isi.append(
            f'<tr class="terisi"><td class="angka">{n}</td>'
            f"<td><strong>{_e(r.nama_desa)}</strong> — {_e(layanan)}: {_e(indikator)} "
            f"{_e(_persen(r.capaian_awal))}</td>"
            f"<td><em>{_e(r.jenis_binwas.capitalize())}:</em> {_e(_sebelum_koma(r.tindakan))} "
            f"<small>({_e(_dasar_singkat(r.dasar_hukum))})</small></td>"
            f"<td>{_e(r.penanggung_jawab)}</td><td>{_e(_sebelum_koma(r.mitra))}</td>"
            f"<td>{_e(r.waktu)}</td>"
            f"<td>{_e(indikator)}: {_e(_persen(r.capaian_awal))} → target "
            f"{_e(_persen(r.target))} <small>({_e(r.jenis_target)})</small></td></tr>"
        )
    awal = len(rancangan)
    isi += [
        f'<tr><td class="angka">{n}</td>' + "<td></td>" * (len(_KOLOM_AGENDA) - 1) + "</tr>"
        for n in range(awal + 1, awal + kosong + 1)
    ]
    catatan = (
        '<p class="catatan-kecil">Rancangan otomatis dari diagnosis data (p3pd.agenda)'
        + (f" — {_e(keterangan)}" if keterangan else "")
        + ": coret, ubah, atau lengkapi; baris kosong untuk tindakan tambahan tim kecamatan.</p>"
    )
    teks = (
        f'{catatan}<table class="agenda"><thead><tr>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
    )
    return Html(
        teks,
        f"Agenda: {awal} baris rancangan dan {kosong} baris kosong, kolom "
        f"{', '.join(_KOLOM_AGENDA)}",
    )


def isu_handout(
    data: DataLaporan, wil: WilayahHandout, tahun: int, jumlah: int = 5
) -> pd.DataFrame:
    """Daftar isu Musrenbang kecamatan (``p3pd.perencanaan.isu_musrenbang``) untuk handout.

    Kecamatannya sama dengan rancangan agenda (:func:`kecamatan_agenda`): kecamatan handout
    itu sendiri, atau contoh kecamatan untuk handout provinsi. Paling banyak ``jumlah`` isu.
    """
    from p3pd.perencanaan import isu_musrenbang

    tabel = {k: v for k, v in vars(data).items() if isinstance(v, pd.DataFrame)}
    kode = kecamatan_agenda(data, wil, tahun)
    hasil = isu_musrenbang(tabel, kode, tahun)
    return hasil.head(jumlah).copy()


def _bukti_singkat(bukti: str) -> str:
    """Bagian pertama bukti isu (capaian kecamatan terhadap target), untuk handout."""
    return bukti.rstrip(".").split("; ")[0]


def html_isu_musrenbang(isu: pd.DataFrame, kosong: int = 1, keterangan: str = "") -> Html:
    """Daftar isu Musrenbang berperingkat (isu dan buktinya, perangkat daerah tujuan), ringkas.

    Per isu: layanan dan skor, desa merah tanpa program dan usulan belum ditampung, capaian
    kecamatan terhadap target, dan sampai empat nama desa; lalu ``kosong`` baris untuk isu
    tambahan yang ditulis tangan.
    """
    kepala = "<tr><th>No</th><th>Isu dan bukti</th><th>Dibawa ke</th></tr>"
    isi = []
    for r in isu.itertuples():
        desa = [d for d in str(r.nama_desa).split("; ") if d]
        daftar = ", ".join(desa[:4]) + (f", dan {len(desa) - 4} desa lain" if len(desa) > 4 else "")
        isi.append(
            f'<tr class="terisi"><td class="angka">{int(r.peringkat)}</td>'
            f"<td><strong>{_e(r.nama_layanan)}</strong> (skor {int(r.skor)}): "
            f"{int(r.desa_merah_tanpa_program)} desa merah tanpa program, "
            f"{int(r.usulan_tertunda)} usulan belum ditampung. "
            f"<small>{_e(_bukti_singkat(r.bukti))}; desa: {_e(daftar)}.</small></td>"
            f"<td>{_e(r.opd)}</td></tr>"
        )
    isi += [
        f'<tr><td class="angka">{n}</td><td></td><td></td></tr>'
        for n in range(len(isu) + 1, len(isu) + kosong + 1)
    ]
    catatan = (
        '<p class="catatan-kecil">Otomatis dari data (p3pd.perencanaan)'
        + (f" — {_e(keterangan)}" if keterangan else "")
        + ". Skor = 2 × desa merah tanpa program + desa dengan usulan belum ditampung;"
        " usulan skala desa (salah alamat) tidak dihitung.</p>"
    )
    if isu.empty:
        catatan += '<p class="catatan-kecil">Tidak ada isu dari data tahun ini.</p>'
    teks = (
        f'{catatan}<table class="agenda isu"><thead>{kepala}</thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
    )
    ringkas = "; ".join(f"{r.peringkat}. {r.isu}" for r in isu.itertuples())
    return Html(teks, f"Isu Musrenbang: {len(isu)} isu dan {kosong} baris kosong. {ringkas}")


def html_sampul(
    wil: WilayahHandout,
    nama_kabupaten: str,
    tahun: int,
    tanggal: _dt.date,
    label: LabelData | None = None,
) -> Html:
    """Bagian sampul: judul, wilayah, tahun data, tanggal cetak, dan label data.

    ``label`` (``p3pd.label.label_data``): data latihan → catatan data sintetis; data sendiri →
    "Data milik …, sumber: …" (tanpa cap sintetis). Tanpa ``label`` = data latihan.
    """
    from p3pd.format import tanggal as fmt_tanggal

    if wil.tingkat == "kecamatan":
        judul = f"Profil Layanan Dasar {wil.nama}"
        bawah = f"{nama_kabupaten}, Provinsi {wil.provinsi.nama}"
    else:
        judul = f"Profil Layanan Dasar {wil.nama}"
        latihan = label is None or label.sintetis
        bawah = f"{'Wilayah latihan' if latihan else 'Wilayah'}: {nama_kabupaten}"
    teks = (
        '<div class="sampul">'
        '<div class="program">Pelatihan Aparatur Kecamatan P3PD Sub-komponen 1D · '
        "9–12 Juli 2024</div>"
        f"<h1>{_e(judul)}</h1>"
        f'<div class="wilayah">{_e(bawah)}</div>'
        f'<div class="keterangan">Tahun data {tahun} · dicetak {_e(fmt_tanggal(tanggal))}</div>'
        + (
            f'<div class="catatan-sintetis"><strong>Data sintetis untuk latihan.</strong> '
            f"{_e(TEKS_SINTETIS.split('. ', 1)[1])}</div></div>"
            if label is None or label.sintetis
            else f'<div class="catatan-sintetis"><strong>{_e(label.teks)}</strong></div></div>'
        )
    )
    return Html(teks, f"{judul} — {bawah} — tahun data {tahun}")


# --------------------------------------------------------------------------- grafik


def _gambar_baru(lebar: float, tinggi: float) -> Any:
    """Gambar baru lewat pyplot (memuat backend, mis. *inline* di Jupyter), lalu langsung ditutup.

    Ditutup agar Jupyter tidak menampilkannya dua kali: sekali otomatis di akhir sel dan sekali
    sebagai nilai akhir sel. Gambar yang ditutup tetap dapat ditampilkan dan disimpan.
    """
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(lebar, tinggi))
    plt.close(fig)
    return fig


def _sumbu_persen() -> Any:
    from matplotlib.ticker import FuncFormatter

    from p3pd.format import persen

    return FuncFormatter(lambda v, _pos=None: persen(v, 0))


def grafik_capaian(
    data: DataLaporan, wil: WilayahHandout, tahun: int, kunci: pd.DataFrame | None = None
) -> Any:
    """Grafik capaian 16 indikator per layanan dasar: wilayah (dan kabupaten) terhadap target.

    ``kunci`` (hasil :func:`angka_kunci`) boleh diberikan supaya tidak dihitung ulang.
    Mengembalikan ``matplotlib.figure.Figure`` (tampil sekali di notebook bila menjadi nilai
    akhir sel).
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from p3pd import grafik

    if kunci is None:
        kunci = angka_kunci(data, wil, tahun)
    dua = wil.tingkat == "kecamatan"
    kab = _singkat_kab(_nama_kabupaten_data(data, wil))
    label_wil = wil.kecamatan.nama if dua else kab
    posisi, label, y = [], [], 0.0
    kelompok: list[tuple[float, str]] = []
    for nama_layanan, bagian in kunci.groupby("layanan", sort=False):
        kelompok.append((y, str(nama_layanan)))
        y += 0.9
        for _, b in bagian.iterrows():
            posisi.append((y, b))
            label.append(LABEL_PENDEK[b["indikator"]] + (" ↓" if b["arah"] != NAIK else ""))
            y += 1.0
        y += 0.3
    with grafik.gaya():
        fig = _gambar_baru(7.0, (0.165 if dua else 0.15) * y + 0.8)
        ax = fig.subplots()
        tebal = 0.4 if dua else 0.7
        for yy, b in posisi:
            if dua:
                ax.barh(yy - tebal / 2, b["wilayah"], height=tebal, color=grafik.WARNA["utama"])
                ax.barh(
                    yy + tebal / 2, b["kabupaten"], height=tebal, color=grafik.WARNA["biru_langit"]
                )
            else:
                ax.barh(yy, b["wilayah"], height=tebal, color=grafik.WARNA["utama"])
            # Nilai ditulis di lajur kanan (di luar 0–100 %), tidak bertabrakan dengan batang
            # atau garis target.
            ax.text(
                102,
                yy,
                _persen(b["wilayah"]),
                va="center",
                ha="left",
                fontsize=7.5,
                color=grafik.WARNA["utama"],
                fontweight="bold",
            )
            if not pd.isna(b["target"]):
                ax.plot([b["target"]] * 2, [yy - 0.45, yy + 0.45], color="black", linewidth=1.6)
        for yy, nama_layanan in kelompok:
            ax.text(-1, yy, nama_layanan, ha="right", va="center", fontsize=8.5, fontweight="bold")
        ax.set_yticks([p for p, _ in posisi], labels=label, fontsize=8)
        ax.set_ylim(y - 0.2, -0.8)
        ax.set_xlim(0, 114)
        ax.set_xticks(range(0, 101, 20))
        ax.xaxis.set_major_formatter(_sumbu_persen())
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x")
        ax.set_title(f"Capaian layanan dasar {tahun}", loc="left", pad=16)
        tanda = [Patch(color=grafik.WARNA["utama"], label=label_wil)]
        if dua:
            tanda.append(Patch(color=grafik.WARNA["biru_langit"], label=kab))
        tanda.append(Line2D([], [], color="black", linewidth=1.6, label="Target"))
        ax.legend(
            handles=tanda,
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncol=len(tanda),
            fontsize=8,
            borderaxespad=0.2,
        )
        grafik.tandai_sintetis(fig)
    return fig


def grafik_porsi_apbdes(data: DataLaporan, wil: WilayahHandout, tahun: int) -> Any:
    """Grafik batang bertumpuk: porsi realisasi APBDes per layanan dasar, per tahun data.

    Handout kecamatan menambahkan satu batang kabupaten (tahun ``tahun``) sebagai pembanding.
    Mengembalikan ``matplotlib.figure.Figure``.
    """
    from p3pd import apbdes, grafik

    tahun_ada = [t for t in data.tahun() if t <= tahun][-3:]
    bel = data.belanja[_di(data.belanja["kode_desa"], wil.kode)]
    porsi = apbdes.porsi_layanan_dasar(bel, wil.tingkat_data, tahun=tahun_ada)
    porsi = porsi[porsi["kode_wilayah"] == wil.kode].sort_values("tahun")
    nama_wil = (
        wil.kecamatan.nama
        if wil.kecamatan is not None
        else _singkat_kab(_nama_kabupaten_data(data, wil))
    )
    baris = [
        (f"{nama_wil} {int(t)}", r)
        for t, r in zip(porsi["tahun"], porsi.to_dict("records"), strict=True)
    ]
    if wil.tingkat == "kecamatan":
        kb = data.belanja[_di(data.belanja["kode_desa"], wil.kabupaten.kode)]
        pk = apbdes.porsi_layanan_dasar(kb, "kabupaten", tahun=tahun).iloc[0].to_dict()
        baris.append((f"{_singkat_kab(wil.kabupaten.nama)} {tahun}", pk))
    with grafik.gaya():
        fig = _gambar_baru(7.0, 0.42 * len(baris) + 1.3)
        ax = fig.subplots()
        for i, (_, r) in enumerate(baris):
            kiri = 0.0
            for j, kunci in enumerate(LAYANAN):
                v = float(r[f"porsi_{kunci}"])
                ax.barh(
                    i,
                    v,
                    left=kiri,
                    color=grafik.URUTAN_WARNA[j],
                    height=0.62,
                    label=LAYANAN[kunci] if i == 0 else None,
                )
                kiri += v
            ax.text(
                kiri + 0.4,
                i,
                _persen(r["porsi_layanan_dasar"]),
                va="center",
                fontsize=8,
                fontweight="bold",
            )
        ax.set_yticks(range(len(baris)), labels=[b for b, _ in baris], fontsize=8.5)
        ax.invert_yaxis()
        batas = max(float(r["porsi_layanan_dasar"]) for _, r in baris)
        ax.set_xlim(0, batas * 1.15 + 1)
        ax.xaxis.set_major_formatter(_sumbu_persen())
        ax.set_xlabel("Persen dari seluruh realisasi belanja desa")
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        ax.set_title("Porsi APBDes untuk layanan dasar (realisasi)", loc="left")
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -0.42 if len(baris) < 4 else -0.3),
            ncol=5,
            fontsize=7.5,
            handlelength=1.2,
            columnspacing=1.0,
        )
        grafik.tandai_sintetis(fig)
    return fig


# --------------------------------------------------------------------------- satu handout


class Handout:
    """Semua isi satu handout untuk satu wilayah dan tahun; setiap metode = satu bagian.

    ``Handout("Jawa Tengah")`` (provinsi) atau ``Handout("Jawa Tengah", kecamatan="Getasan")``.
    ``tahun=None`` berarti tahun terakhir di data; ``tanggal=None`` berarti hari ini.
    ``data`` boleh diberikan (hasil :func:`muat_data`) supaya tidak memuat ulang.
    """

    def __init__(
        self,
        provinsi: str,
        kabupaten: str | None = None,
        kecamatan: str | None = None,
        tahun: int | None = None,
        tanggal: _dt.date | str | None = None,
        data: DataLaporan | None = None,
    ) -> None:
        self.data = data if data is not None else _muat_data_tersimpan()
        self.wilayah = pilih_wilayah(provinsi, kabupaten, kecamatan, data=self.data.wilayah)
        ada = self.data.tahun()
        if tahun is None:
            tahun = ada[-1]
        elif int(tahun) not in ada:
            raise GalatP3PD(
                f"Tahun {tahun} tidak ada di data. Tahun yang ada: {', '.join(map(str, ada))}."
            )
        self.tahun = int(tahun)
        if tanggal is None:
            tanggal = _dt.date.today()
        elif isinstance(tanggal, str):
            tanggal = _dt.date.fromisoformat(tanggal)
        self.tanggal = tanggal
        if not _di(self.data.wilayah["kode_desa"], self.wilayah.kode).any():
            raise GalatP3PD(f"{self.wilayah.nama} tidak punya desa di data.")
        self.nama_kabupaten = _nama_kabupaten_data(self.data, self.wilayah)
        self._hasil: dict[str, Any] = {}

    @property
    def tingkat(self) -> str:
        """'provinsi' atau 'kecamatan'."""
        return self.wilayah.tingkat

    def sampul(self) -> Html:
        """Sampul: judul, wilayah, tahun data, tanggal cetak, catatan data sintetis."""
        from p3pd.label import label_data

        return html_sampul(
            self.wilayah, self.nama_kabupaten, self.tahun, self.tanggal, label_data()
        )

    def _simpan(self, nama: str, buat: Any) -> Any:
        if nama not in self._hasil:
            self._hasil[nama] = buat()
        return self._hasil[nama]

    def angka_kunci(self) -> pd.DataFrame:
        """Angka kunci sebagai DataFrame (lihat :func:`angka_kunci`)."""
        return self._simpan("kunci", lambda: angka_kunci(self.data, self.wilayah, self.tahun))

    def prioritas(self) -> pd.DataFrame:
        """Desa prioritas sebagai DataFrame (10 untuk provinsi, 5 untuk kecamatan)."""
        n = 5 if self.tingkat == "kecamatan" else 10
        return self._simpan("prio", lambda: prioritas(self.data, self.wilayah, self.tahun, n))

    def permintaan_penyediaan(self) -> pd.DataFrame:
        """Kebutuhan vs penyediaan per layanan sebagai DataFrame."""
        return self._simpan(
            "pp", lambda: permintaan_penyediaan(self.data, self.wilayah, self.tahun)
        )

    def tabel_angka_kunci(self) -> Html:
        """Angka kunci dengan pembanding terbitan dan sumbernya (HTML)."""
        return html_angka_kunci(self.angka_kunci(), self.wilayah, self.nama_kabupaten)

    def tabel_lampu(self) -> Html:
        """Tabel lampu per kecamatan (handout provinsi) atau per desa (handout kecamatan)."""
        lampu = lampu_wilayah(self.data, self.wilayah, self.tahun)
        porsi = porsi_apbdes(self.data, self.wilayah, self.tahun)
        judul = "Desa" if self.tingkat == "kecamatan" else "Kecamatan"
        return html_tabel_lampu(lampu, porsi, judul)

    def tabel_prioritas(self) -> Html:
        """Desa prioritas (10 untuk provinsi, 5 untuk kecamatan) sebagai HTML."""
        return html_prioritas(self.prioritas(), self.tingkat)

    def tabel_permintaan_penyediaan(self) -> Html:
        """Kebutuhan vs penyediaan per layanan dasar sebagai HTML."""
        return html_permintaan_penyediaan(
            self.permintaan_penyediaan(),
            desa_kebutuhan_tinggi(self.data, self.wilayah, self.tahun),
        )

    def pertanyaan(self) -> Html:
        """Pertanyaan diskusi untuk setiap hari pelatihan."""
        return html_pertanyaan(
            pertanyaan_diskusi(
                self.data,
                self.wilayah,
                self.tahun,
                kunci=self.angka_kunci(),
                pp=self.permintaan_penyediaan(),
                prio=self.prioritas(),
            )
        )

    def isu(self) -> pd.DataFrame:
        """Daftar isu Musrenbang kecamatan sebagai DataFrame (lihat :func:`isu_handout`)."""
        return self._simpan("isu", lambda: isu_handout(self.data, self.wilayah, self.tahun))

    def isu_musrenbang(self) -> Html:
        """Daftar isu hari ke-3 untuk Musrenbang kecamatan, dengan bukti dan baris kosong."""
        keterangan = ""
        if self.tingkat != "kecamatan":
            from p3pd.wilayah import cari

            kode = kecamatan_agenda(self.data, self.wilayah, self.tahun)
            nama = cari("kecamatan", kode, data=self.data.wilayah).nama
            keterangan = f"contoh Kecamatan {nama}, kecamatan dengan desa prioritas terbanyak"
        jumlah = 3 if self.tingkat == "kecamatan" else 5
        return html_isu_musrenbang(self.isu().head(jumlah), 1, keterangan)

    def agenda(self, terisi: int | None = None, kosong: int | None = None) -> Html:
        """Rancangan agenda terpadu dari diagnosis (:func:`rancangan_agenda`) dan baris kosong."""
        terisi = 4 if terisi is None else terisi
        kosong = (3 if self.tingkat == "kecamatan" else 4) if kosong is None else kosong
        rancangan = rancangan_agenda(self.data, self.wilayah, self.tahun, terisi)
        keterangan = ""
        if self.tingkat != "kecamatan":
            from p3pd.wilayah import cari

            kode = kecamatan_agenda(self.data, self.wilayah, self.tahun)
            nama = cari("kecamatan", kode, data=self.data.wilayah).nama
            keterangan = f"contoh Kecamatan {nama}, kecamatan dengan desa prioritas terbanyak"
        return html_agenda_terisi(rancangan, kosong, keterangan)

    def grafik_capaian(self) -> Any:
        """Grafik capaian per layanan dasar (Figure)."""
        return grafik_capaian(self.data, self.wilayah, self.tahun, self.angka_kunci())

    def grafik_apbdes(self) -> Any:
        """Grafik porsi APBDes untuk layanan dasar (Figure)."""
        return grafik_porsi_apbdes(self.data, self.wilayah, self.tahun)


def siapkan_handout() -> None:
    """Siapkan notebook handout: grafik tampil sebagai gambar (backend *inline*, juga bila
    ``MPLBACKEND=Agg``) dan opsi tampilan pandas kurikulum; tanpa pesan."""
    from p3pd import notebook

    notebook.siapkan(diam=True)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython selalu terpasang bersama ipykernel
        return
    ip = get_ipython()
    if ip is not None and getattr(ip, "kernel", None) is not None:
        ip.run_line_magic("matplotlib", "inline")


__all__ = [
    "INDIKATOR_LAMPU",
    "LABEL_PENDEK",
    "CATATAN_HARI",
    "HARI_PELATIHAN",
    "Html",
    "WilayahHandout",
    "DataLaporan",
    "Handout",
    "pilih_wilayah",
    "muat_data",
    "angka_kunci",
    "lampu_wilayah",
    "porsi_apbdes",
    "prioritas",
    "permintaan_penyediaan",
    "desa_kebutuhan_tinggi",
    "pertanyaan_diskusi",
    "grafik_capaian",
    "grafik_porsi_apbdes",
    "html_angka_kunci",
    "html_tabel_lampu",
    "html_prioritas",
    "html_permintaan_penyediaan",
    "html_pertanyaan",
    "html_agenda",
    "html_agenda_terisi",
    "kecamatan_agenda",
    "rancangan_agenda",
    "html_sampul",
    "siapkan_handout",
]
