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

Angka wilayah dihitung dari data folder yang dipakai (data latihan **sintetis**, atau data
sendiri dengan labelnya, ``p3pd.label``); angka pembanding provinsi dan nasional adalah angka
terbitan resmi dengan sumbernya (``p3pd.indikator``).

Modul ini memuat data dan menghitung isi setiap bagian; bagian lain ada di modul bernama:
``laporan_data`` (tabel yang dibaca dan pemuatnya, :class:`DataLaporan`),
``laporan_dasar`` (nama pendek, teks tetap, :class:`Html`, wilayah handout, pembanding),
``laporan_html`` (tabel HTML bagian handout dan sampul), ``laporan_agenda`` (pertanyaan
diskusi, isu Musrenbang, rancangan agenda), ``laporan_grafik`` (dua grafik). Nama publiknya
tetap dapat diimpor dari ``p3pd.laporan``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from p3pd.galat import GalatP3PD
from p3pd.indikator import DAFTAR_INDIKATOR, hitung_capaian, jumlahkan
from p3pd.laporan_agenda import (
    _bukti_singkat as _bukti_singkat,
)
from p3pd.laporan_agenda import (
    html_agenda,
    html_agenda_terisi,
    html_isu_musrenbang,
    html_pertanyaan,
    isu_handout,
    kecamatan_agenda,
    pertanyaan_diskusi,
    rancangan_agenda,
)
from p3pd.laporan_dasar import (
    CATATAN_HARI,
    HARI_PELATIHAN,
    INDIKATOR_LAMPU,
    LABEL_PENDEK,
    TEKS_SINTETIS,
    Html,
    Pembanding,
    WilayahHandout,
    _di,
    _e,
    _nama_kabupaten_data,
    gabung_html,
    html_tidak_ada_data,
    pembanding_kabupaten,
    pilih_wilayah,
)
from p3pd.laporan_data import (
    TABEL_HANDOUT_OPSIONAL as TABEL_HANDOUT_OPSIONAL,
)
from p3pd.laporan_data import (
    TABEL_HANDOUT_TAMBAHAN as TABEL_HANDOUT_TAMBAHAN,
)
from p3pd.laporan_data import DataLaporan, muat_data
from p3pd.laporan_data import _muat_data_tersimpan as _muat_data_tersimpan
from p3pd.laporan_data import _tabel_kosong as _tabel_kosong
from p3pd.laporan_data import potong_data as potong_data
from p3pd.laporan_grafik import grafik_capaian, grafik_porsi_apbdes
from p3pd.laporan_html import (
    html_angka_kunci,
    html_angka_terbitan,
    html_fasilitas,
    html_indikator_tanpa_data,
    html_permintaan_penyediaan,
    html_prioritas,
    html_sampul,
    html_tabel_lampu,
)
from p3pd.skema import LAYANAN

# --------------------------------------------------------------------------- angka kunci


def _capaian_wilayah(data: pd.DataFrame, awalan: str, tingkat: str, tahun: int) -> pd.Series:
    """Capaian semua indikator untuk satu wilayah (jumlahkan pembilang dan penyebut, lalu bagi).

    Diingat menurut isi ``data`` (``p3pd.memo``): capaian kabupaten pembanding dihitung sekali
    untuk semua handout kecamatan kabupaten itu.
    """
    from p3pd.memo import ingat

    return ingat(
        "capaian_wilayah",
        (data,),
        (awalan, tingkat, int(tahun)),
        lambda: _hitung_capaian_wilayah(data, awalan, tingkat, tahun),
    )


def _hitung_capaian_wilayah(data: pd.DataFrame, awalan: str, tingkat: str, tahun: int) -> pd.Series:
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
    ``jenis_data`` adalah jenis angka desa: data latihan → jenis acuan kalibrasinya; data sendiri
    → administratif (``Indikator.jenis_data_untuk``), dengan asal lazimnya di ``asal_data``.
    """
    from p3pd.label import label_data

    sintetis = label_data().sintetis
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
            "jenis_data": i.jenis_data_untuk(sintetis),
            "asal_data": "" if sintetis else i.asal_data_sendiri,
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


def angka_terbitan_wilayah(data: DataLaporan, wil: WilayahHandout, tahun: int) -> pd.DataFrame:
    """Angka terbitan per desa wilayah ini (IDM, persentase terbitan; ``p3pd.terbitan``).

    Per ukuran hanya tahun terbaru yang tidak lewat dari ``tahun`` (bila tidak ada: tahun
    terbaru yang ada). Nilai apa adanya dengan satuan, kategori, dan sumbernya: tidak pernah
    dijumlahkan atau dirata-ratakan, dan tidak dicampur dengan indikator cacah. Kolom seperti
    ``p3pd.terbitan.KOLOM_TERBITAN``; tabel kosong bila folder tidak punya angka terbitan.
    """
    from p3pd.terbitan import angka_terbitan

    if data.terbitan is None:
        return angka_terbitan({})
    hasil = angka_terbitan(data.tabel(), kode_kecamatan=wil.kode)
    pilih = []
    for _, bagian in hasil.groupby("ukuran", sort=False):
        th = bagian["tahun"]
        sampai = th[th <= tahun]
        pilih.append(bagian[th == (sampai.max() if len(sampai) else th.max())])
    return pd.concat(pilih, ignore_index=True) if pilih else hasil


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


# --------------------------------------------------------------------------- satu handout


class Handout:
    """Semua isi satu handout untuk satu wilayah dan tahun; setiap metode = satu bagian.

    ``Handout("Jawa Tengah")`` (provinsi) atau ``Handout("Jawa Tengah", kecamatan="Getasan")``.
    ``tahun=None`` berarti tahun terakhir di data; ``tanggal=None`` berarti hari ini.
    ``data`` boleh diberikan (hasil :func:`muat_data`) supaya tidak memuat ulang.

    Data sendiri boleh sebagian (hanya daftar desa yang wajib): bagian yang tabelnya tidak ada
    menulis satu baris "tidak ada data" yang menyebut berkasnya, dan bagian lain tetap ditulis.
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
        from p3pd.handout_pilih import tahun_tanpa_data

        penuh = data if data is not None else _muat_data_tersimpan()
        self.wilayah = pilih_wilayah(provinsi, kabupaten, kecamatan, data=penuh.wilayah)
        # Handout hanya membaca baris kabupatennya (atau provinsinya): dari folder nasional,
        # setiap bagian menyaring tabel satu kabupaten, bukan seluruh Indonesia.
        cakupan = self.wilayah.kabupaten or self.wilayah.provinsi
        self.data = potong_data(penuh, cakupan.kode, ingat=data is None)
        self._penuh = penuh
        # Tahun dari tabel yang berisi baris wilayah ini (baris wilayah lain tidak menentukan).
        ada = self.data.tahun(self.wilayah.kode)
        if tahun is None:
            tahun = ada[-1] if ada else tahun_tanpa_data()
        elif ada and int(tahun) not in ada and int(tahun) not in penuh.tahun():
            raise GalatP3PD(
                f"Tahun {tahun} tidak ada di data. Tahun yang ada: {', '.join(map(str, ada))}."
            )
        self.tahun = int(tahun)
        self.ada_tahun = bool(ada)
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

    def _ada(self, nama: str, tahun: bool = False) -> bool:
        """Tabel ``nama`` ada dan berisi baris untuk wilayah handout ini (``tahun=True``: dan
        untuk tahun handout)."""
        if not self.data.ada(nama):
            return False
        tabel = getattr(self.data, nama)
        if "kode_desa" not in tabel:
            return True
        pilih = _di(tabel["kode_desa"], self.wilayah.kode)
        if tahun and "tahun" in tabel:
            pilih &= tabel["tahun"] == self.tahun
        return bool(pilih.any())

    def _tanpa_data(
        self, nama: str | Sequence[str], bagian: str, *, grafik: bool = False, tahun: bool = False
    ) -> Html:
        """Baris "tidak ada data" untuk ``nama``: berkas yang tidak ada, atau berkas yang ada
        tetapi tidak memuat baris wilayah ini (``tahun=True``: dan tahun handout)."""
        daftar = [nama] if isinstance(nama, str) else list(nama)
        wilayah = self.wilayah.nama + (f" tahun {self.tahun}" if tahun else "")
        return html_tidak_ada_data(
            daftar,
            bagian,
            grafik=grafik,
            tanpa_baris=[n for n in daftar if self.data.ada(n)],
            wilayah=wilayah,
        )

    def tidak_ada(self, *nama: str) -> list[str]:
        """Tabel di antara ``nama`` yang tidak ada (atau tanpa baris untuk wilayah ini)."""
        return [n for n in nama if not self._ada(n)]

    @property
    def pembanding(self) -> Pembanding:
        """Pembanding "kabupaten": kabupaten utuh, atau gabungan desa/kelurahan di data ini bila folder
        data sendiri tidak memuat semua desa/kelurahan kabupatennya (``p3pd.wilayah_nasional``)."""
        if "pembanding" not in self._hasil:
            from p3pd.label import label_data

            wil = self.data.wilayah
            if self.wilayah.kabupaten is not None:
                kab = [self.wilayah.kabupaten.kode]
            else:
                di = _di(wil["kode_desa"], self.wilayah.kode)
                kab = sorted(set(wil.loc[di, "kode_kabupaten"].astype(str)))
            ind = self.data.indikator
            dasar = (
                ind.loc[ind["tahun"] == self.tahun, "kode_desa"] if self._ada("indikator") else ()
            )
            # Tahun ini ada di folder tetapi tidak di kabupaten ini: pembandingnya 0 desa
            # berdata, bukan seluruh daftar desa.
            tahun_di_folder = self._ada("indikator") and bool(
                (self._penuh.indikator["tahun"] == self.tahun).any()
            )
            kode = dasar if len(dasar) or tahun_di_folder else wil["kode_desa"]
            self._hasil["pembanding"] = pembanding_kabupaten(
                kode, kab, self.nama_kabupaten, sintetis=label_data().sintetis
            )
        return self._hasil["pembanding"]

    def sampul(self) -> Html:
        """Sampul: judul, wilayah, tahun data, tanggal cetak, label data (sintetis atau sendiri)."""
        from p3pd.label import label_data

        return html_sampul(
            self.wilayah,
            self.nama_kabupaten,
            self.tahun,
            self.tanggal,
            label_data(),
            ada_tahun=self.ada_tahun,
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

    def angka_terbitan(self) -> pd.DataFrame:
        """Angka terbitan per desa (IDM dan sejenisnya) di wilayah ini (lihat :func:`angka_terbitan_wilayah`)."""
        return self._simpan(
            "terbitan", lambda: angka_terbitan_wilayah(self.data, self.wilayah, self.tahun)
        )

    def pengantar_angka_kunci(self) -> Html:
        """Paragraf pembuka bagian angka kunci; asal datanya mengikuti label data (data latihan
        disebut "data latihan", data sendiri tidak pernah)."""
        from p3pd.label import label_data

        if not self._ada("indikator"):
            return Html("", "")  # bagian ini hanya berisi baris "tidak ada data"
        asal = (
            "di data latihan"
            if label_data().sintetis
            else "menurut data ini (pemilik dan sumbernya tertulis di sampul)"
        )
        teks = (
            f"Capaian wilayah ini {asal}, dibandingkan dengan target dan dengan angka terbitan "
            "untuk provinsi dan Indonesia. Capaian dihitung dengan menjumlahkan pembilang dan "
            "penyebut semua desa lebih dulu, baru dibagi. Setiap target bertanda jenisnya (resmi, "
            "SPM, asumsi pelatihan), dan setiap angka terbitan bertanda jenisnya (survei atau "
            "administratif): bandingkan hanya yang sejenis dengan data desa. Penduduk terdaftar "
            "DTKS adalah register keluarga miskin dan rentan, bukan angka kemiskinan BPS; BPS "
            "tidak menerbitkan angka kemiskinan per desa."
        )
        if self.pembanding.kalimat:
            teks += " " + self.pembanding.kalimat
        if self.tingkat == "kecamatan" and len(self.angka_terbitan()):
            teks += (
                " Di bawah tabel: angka terbitan per desa (mis. IDM) apa adanya, dengan "
                "sumbernya; angka itu tidak dijumlahkan atau dirata-ratakan dengan indikator cacah."
            )
        return Html(f'<p class="pengantar">{_e(teks)}</p>', teks)

    def tabel_angka_kunci(self) -> Html:
        """Angka kunci dengan pembanding terbitan dan sumbernya (HTML); indikator tanpa data
        disebut dalam satu baris, dan angka terbitan per desa (bila ada) ditulis di bawahnya."""
        if not self._ada("indikator"):
            bagian = [self._tanpa_data("indikator", "capaian indikator layanan dasar")]
        else:
            kunci = self.angka_kunci()
            kosong = kunci["wilayah"].isna() & kunci["kabupaten"].isna()
            bagian = [
                html_angka_kunci(kunci[~kosong], self.wilayah, self.nama_kabupaten, self.pembanding)
            ]
            if kosong.any():
                bagian.append(html_indikator_tanpa_data(kunci.loc[kosong, "indikator"]))
        if self.tingkat == "kecamatan" and len(self.angka_terbitan()):
            bagian.append(html_angka_terbitan(self.angka_terbitan()))
        return gabung_html(bagian)

    def tabel_lampu(self) -> Html:
        """Tabel lampu per kecamatan (handout provinsi) atau per desa (handout kecamatan)."""
        if not self._ada("indikator"):
            return self._tanpa_data("indikator", "tabel lampu")
        lampu = lampu_wilayah(self.data, self.wilayah, self.tahun)
        ada_porsi = self._ada("belanja", tahun=True)
        porsi = porsi_apbdes(self.data, self.wilayah, self.tahun) if ada_porsi else None
        judul = "Desa" if self.tingkat == "kecamatan" else "Kecamatan"
        bagian = [html_tabel_lampu(lampu, porsi, judul, self.pembanding)]
        if porsi is None:
            bagian.append(self._tanpa_data("belanja", "kolom porsi APBDes", tahun=True))
        return gabung_html(bagian)

    def tabel_prioritas(self) -> Html:
        """Desa prioritas (10 untuk provinsi, 5 untuk kecamatan) sebagai HTML."""
        if not self._ada("indikator"):
            return self._tanpa_data("indikator", "desa prioritas")
        apbdes = self._ada("belanja", tahun=True)
        bagian = [html_prioritas(self.prioritas(), self.tingkat, apbdes=apbdes)]
        if not apbdes:
            bagian.append(self._tanpa_data("belanja", "kolom porsi APBDes", tahun=True))
        return gabung_html(bagian)

    def tabel_permintaan_penyediaan(self) -> Html:
        """Kebutuhan vs penyediaan per layanan dasar sebagai HTML (kolom yang tabelnya tidak
        ada dilewati dan disebut dalam satu baris "tidak ada data")."""
        kurang = self.tidak_ada("indikator", "usulan", "program", "belanja")
        # Tanpa indikator, sisi penyediaan (fasilitas per desa) tetap ditulis bila ada.
        fasilitas = (
            [html_fasilitas(self.data.fasilitas, self.data.wilayah, self.wilayah.kode)]
            if "indikator" in kurang and self._ada("fasilitas")
            else []
        )
        if len(kurang) == 4:
            tanpa = self._tanpa_data(kurang, "kebutuhan dan penyediaan layanan")
            return gabung_html([tanpa, *fasilitas])
        kurang_kt = self.tidak_ada("indikator", "fasilitas")
        kt = None if kurang_kt else desa_kebutuhan_tinggi(self.data, self.wilayah, self.tahun)
        isi = html_permintaan_penyediaan(
            self.permintaan_penyediaan(),
            kt,
            tidak_ada=kurang,
            tidak_ada_kebutuhan=kurang_kt,
            pembanding=self.pembanding,
            tanpa_data=self._tanpa_data,
        )
        return gabung_html([isi, *fasilitas])

    def pertanyaan(self) -> Html:
        """Pertanyaan diskusi untuk setiap hari pelatihan."""
        ada_ind = self._ada("indikator")
        return html_pertanyaan(
            pertanyaan_diskusi(
                self.data,
                self.wilayah,
                self.tahun,
                kunci=self.angka_kunci(),
                pp=self.permintaan_penyediaan(),
                prio=self.prioritas() if ada_ind else None,
                tidak_ada=[
                    *self.tidak_ada("indikator", "program"),
                    *([] if self._ada("belanja", tahun=True) else ["belanja"]),
                ],
            )
        )

    def isu(self) -> pd.DataFrame:
        """Daftar isu Musrenbang kecamatan sebagai DataFrame (lihat :func:`isu_handout`)."""
        return self._simpan("isu", lambda: isu_handout(self.data, self.wilayah, self.tahun))

    def _contoh_kecamatan(self) -> str:
        """Keterangan kecamatan contoh untuk isu dan agenda handout provinsi ('' untuk kecamatan)."""
        if self.tingkat == "kecamatan":
            return ""
        from p3pd.wilayah import cari

        kode = kecamatan_agenda(self.data, self.wilayah, self.tahun)
        nama = cari("kecamatan", kode, data=self.data.wilayah).nama
        return f"contoh Kecamatan {nama}, kecamatan dengan desa prioritas terbanyak"

    def isu_musrenbang(self) -> Html:
        """Daftar isu hari ke-3 untuk Musrenbang kecamatan, dengan bukti dan baris kosong."""
        jumlah = 3 if self.tingkat == "kecamatan" else 5
        if not self._ada("indikator"):
            kosong = html_isu_musrenbang(pd.DataFrame(), 1 + jumlah, tulis_catatan=False)
            tanpa = self._tanpa_data("indikator", "isu dari data")
            return gabung_html([tanpa, kosong])
        kurang = self.tidak_ada("usulan", "program")
        isu = self.isu().head(jumlah)
        bagian = [html_isu_musrenbang(isu, 1, self._contoh_kecamatan(), tidak_ada=kurang)]
        if kurang:
            bagian.append(self._tanpa_data(kurang, "usulan dan program OPD di skor isu"))
        return gabung_html(bagian)

    def agenda(self, terisi: int | None = None, kosong: int | None = None) -> Html:
        """Rancangan agenda terpadu dari diagnosis (:func:`rancangan_agenda`) dan baris kosong."""
        terisi = 4 if terisi is None else terisi
        kosong = (3 if self.tingkat == "kecamatan" else 4) if kosong is None else kosong
        if not self._ada("indikator"):
            tanpa = self._tanpa_data("indikator", "rancangan agenda dari diagnosis")
            return gabung_html([tanpa, html_agenda(terisi + kosong)])
        rancangan = rancangan_agenda(self.data, self.wilayah, self.tahun, terisi)
        return html_agenda_terisi(rancangan, kosong, self._contoh_kecamatan())

    def grafik_capaian(self) -> Any:
        """Grafik capaian per layanan dasar (Figure) untuk indikator yang ada datanya; tanpa
        data indikator: satu baris "tidak ada data" (Html) di tempat grafik."""
        if not self._ada("indikator"):
            return self._tanpa_data("indikator", "grafik capaian", grafik=True)
        kunci = self.angka_kunci()
        ada = kunci["wilayah"].notna() | kunci["kabupaten"].notna()
        if not ada.any():
            return self._tanpa_data("indikator", "grafik capaian", grafik=True)
        return grafik_capaian(
            self.data, self.wilayah, self.tahun, kunci[ada], label_pembanding=self._label_grafik()
        )

    def grafik_apbdes(self) -> Any:
        """Grafik porsi APBDes untuk layanan dasar (Figure); tanpa belanja APBDes wilayah ini
        sampai tahun handout: satu baris "tidak ada data" (Html) di tempat grafik."""
        if not self._ada("belanja", tahun=True):
            kapan = f" {self.tahun}" if self.data.ada("belanja") else ""
            return self._tanpa_data(
                "belanja", f"grafik porsi APBDes{kapan}", grafik=True, tahun=True
            )
        return grafik_porsi_apbdes(
            self.data, self.wilayah, self.tahun, label_pembanding=self._label_grafik()
        )

    def catatan_apbdes(self) -> Html | None:
        """Peringatan impor tabel belanja (``label.peringatan_impor``), untuk di bawah grafik
        porsi APBDes; ``None`` (sel tanpa keluaran) bila tidak ada, selalu untuk data latihan."""
        from p3pd.format import rupiah
        from p3pd.label import peringatan_impor
        from p3pd.skema import BELANJA

        # folder data aktif (seperti label sampul); hanya desa wilayah ini, tahun handout ini
        pesan = peringatan_impor(BELANJA.berkas, wilayah=self.wilayah.kode, tahun=self.tahun)
        if not pesan:
            return None
        nama = self.data.wilayah.drop_duplicates("kode_desa").set_index("kode_desa")["nama_desa"]
        teks = []
        for p in pesan:
            if not p.get("bidang"):  # peringatan lama tanpa rincian: teks lengkapnya
                teks.append(f"⚠ Catatan data: {p['pesan']}")
                continue
            desa = p.get("kode_desa")
            siapa = f" di Desa {nama.get(desa, desa)}" if desa else ""
            kapan = f" tahun {p['tahun']}" if p.get("tahun") else ""
            uang = [f"anggaran {rupiah(p['anggaran'])}"] if p.get("anggaran") is not None else []
            if p.get("realisasi") is not None:
                uang.append(f"realisasi {rupiah(p['realisasi'])}")
            teks.append(
                f"⚠ Catatan data: belanja {p['bidang']}{siapa}{kapan}"
                + (f" ({', '.join(uang)})" if uang else "")
                + " tercatat tanpa rincian sub-bidang, jadi tidak ikut dihitung: porsi APBDes "
                "desa itu (dan angka kecamatan yang memuatnya) kurang tepat sampai datanya "
                "dilengkapi."
            )
        isi = "".join(f'<div class="catatan-kecil peringatan">{_e(t)}</div>' for t in teks)
        return Html(isi, "\n".join(teks))

    def _label_grafik(self) -> str | None:
        """Label batang pembanding di grafik: ``None`` (nama kabupaten) bila kabupaten utuh."""
        pb = self.pembanding
        return None if pb.lengkap else f"Desa di data ini ({pb.n} dari {pb.total})"


def siapkan_handout() -> None:
    """Siapkan notebook handout: grafik tampil sebagai gambar (backend *inline*, juga bila
    ``MPLBACKEND=Agg``) dan opsi tampilan pandas kurikulum; tanpa pesan."""
    from p3pd import memo, notebook

    notebook.siapkan(diam=True)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython selalu terpasang bersama ipykernel
        return
    ip = get_ipython()
    if ip is not None and getattr(ip, "kernel", None) is not None:
        ip.run_line_magic("matplotlib", "inline")
        # kernel handout: tabel data dipakai bersama dan tidak diubah (memo.anggap_tabel_tetap)
        memo.anggap_tabel_tetap()


__all__ = [
    "INDIKATOR_LAMPU",
    "LABEL_PENDEK",
    "CATATAN_HARI",
    "HARI_PELATIHAN",
    "TEKS_SINTETIS",
    "Html",
    "WilayahHandout",
    "DataLaporan",
    "Handout",
    "pilih_wilayah",
    "muat_data",
    "angka_kunci",
    "lampu_wilayah",
    "porsi_apbdes",
    "angka_terbitan_wilayah",
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
