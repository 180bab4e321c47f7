"""Memilih handout yang dibangun ``p3pd handout``: wilayah, tingkat, tahun, dan data yang ada.

Sebelum satu kernel pun dinyalakan, tabel yang dibaca handout diperiksa seperti oleh
``p3pd ringkasan`` (juga antartabel); hanya wilayah yang benar-benar ada di daftar desa data
yang dibangun. Hanya daftar desa yang wajib; tabel lain boleh tidak ada.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from p3pd.galat import GalatP3PD

__all__ = [
    "Pekerjaan",
    "TINGKAT_HANDOUT",
    "TABEL_HANDOUT",
    "TABEL_TAHUNAN",
    "tahun_data",
    "tahun_tersedia",
    "tahun_tanpa_data",
    "susun_pekerjaan",
    "periksa_data_handout",
    "baca_bagian",
    "ambil_bagian",
]

TINGKAT_HANDOUT = ("provinsi", "kecamatan")
"""Tingkat handout: satu per provinsi, atau satu per kecamatan."""


@dataclass(frozen=True)
class Pekerjaan:
    """Satu handout yang akan dibangun: nama berkas (tanpa akhiran), judul, dan parameter."""

    nama: str
    judul: str
    tingkat: str
    parameter: dict[str, Any]


def _slug(teks: str) -> str:
    """Nama berkas aman: huruf kecil tanpa diakritik, kata dipisah tanda hubung."""
    polos = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", polos.lower()).strip("-")


def _pekerjaan_provinsi(prov: Any, kabupaten: Any, tahun: int) -> Pekerjaan:
    nama = f"provinsi_{_slug(prov.nama)}"
    judul = prov.nama
    if kabupaten is not None:
        nama += f"_{_slug(kabupaten.nama)}"
        judul += f" — {kabupaten.nama}"
    return Pekerjaan(
        nama=f"{nama}_{tahun}",
        judul=f"{judul} ({tahun})",
        tingkat="provinsi",
        parameter={
            "provinsi": prov.nama,
            "kabupaten": kabupaten.nama if kabupaten is not None else None,
            "kecamatan": None,
            "tahun": tahun,
        },
    )


def _pekerjaan_kecamatan(kec: Any, tahun: int) -> Pekerjaan:
    return Pekerjaan(
        nama=f"kecamatan_{kec.kode}_{_slug(kec.nama)}_{tahun}",
        judul=f"Kecamatan {kec.nama}, {kec.kabupaten.nama} ({tahun})",
        tingkat="kecamatan",
        parameter={
            "provinsi": kec.provinsi.nama,
            "kabupaten": kec.kabupaten.nama,
            "kecamatan": kec.kode,
            "tahun": tahun,
        },
    )


def tahun_data(folder: Path | None = None) -> list[int]:
    """Tahun yang ada di tabel indikator desa, dibaca lewat pemuat yang sama dengan ``p3pd periksa``.

    Berkas yang diterima ``periksa`` (pemisah ';', baris judul di atas, UTF-16, .xlsx, …) juga
    diterima di sini; berkas yang bermasalah menimbulkan ``DataTidakValid`` yang sama.
    """
    from p3pd import muat
    from p3pd.lokasi import folder_data

    berkas = muat.berkas_tabel(folder or folder_data(), "indikator")
    if not berkas.exists():
        raise GalatP3PD(
            f"Berkas data '{berkas}' tidak ada. Buat data latihan dulu dengan perintah: p3pd data"
        )
    return sorted({int(t) for t in muat.muat_indikator(berkas)["tahun"]})


def susun_pekerjaan(
    provinsi: Sequence[str] | None = None,
    tingkat: str = "provinsi",
    kabupaten: str | None = None,
    kecamatan: Sequence[str] | None = None,
    tahun: int | None = None,
    semua: bool = False,
) -> list[Pekerjaan]:
    """Daftar handout yang akan dibangun.

    - ``provinsi``: nama/singkatan/kode provinsi (satu atau lebih); ``semua=True`` = keempat provinsi.
    - ``tingkat="kecamatan"``: satu handout per kecamatan dari provinsi terpilih (93 bila semua).
    - ``kecamatan``: nama atau kode kecamatan tertentu (otomatis tingkat kecamatan).
    - ``kabupaten``: membatasi pada satu kabupaten.
    - ``tahun``: tahun data; bawaan tahun terakhir di data.

    Wilayah dicari di daftar desa data yang dipakai dulu (kecamatan mana pun di Indonesia yang
    ada di sana), lalu di wilayah latihan. Nama wilayah yang tidak dikenal menimbulkan
    ``WilayahTidakDikenal`` yang menyebut nama-nama yang sah.
    """
    from p3pd import wilayah

    if tingkat not in TINGKAT_HANDOUT:
        raise GalatP3PD(
            f"Tingkat '{tingkat}' tidak dikenal. Pilihan: {', '.join(TINGKAT_HANDOUT)}."
        )
    data = periksa_data_handout()
    wil = data["wilayah"]
    ada = tahun_tersedia(data)
    awalan = {k[:n] for k in wil["kode_desa"] for n in (2, 5, 8)}
    if tahun is not None and ada and tahun not in ada:
        raise GalatP3PD(
            f"Tahun {tahun} tidak ada di data. Tahun yang ada: {', '.join(map(str, ada))}."
        )
    provinsi = list(provinsi or [])
    kecamatan = list(kecamatan or [])
    if not (provinsi or kecamatan or semua or kabupaten):
        nama = ", ".join(wilayah.daftar_provinsi(wil)["nama_provinsi"])
        raise GalatP3PD(
            "Sebutkan provinsi (atau --kecamatan), atau pakai --semua. "
            f"Pilihan provinsi yang sah: {nama}."
        )
    daftar_prov = [wilayah.cari("provinsi", p, data=wil) for p in provinsi]
    if semua and not daftar_prov:
        tabel = wilayah.daftar_provinsi(wil)
        daftar_prov = [wilayah.cari("provinsi", k, data=wil) for k in tabel["kode_provinsi"]]
    kab = wilayah.cari("kabupaten", kabupaten, data=wil) if kabupaten else None
    if kab is not None:
        if daftar_prov and kab.provinsi.kode not in {p.kode for p in daftar_prov}:
            raise GalatP3PD(
                f"{kab.nama} ada di provinsi {kab.provinsi.nama}, bukan di "
                + ", ".join(p.nama for p in daftar_prov)
                + "."
            )
        daftar_prov = daftar_prov or [kab.provinsi]

    if kecamatan:
        hasil = []
        for k in kecamatan:
            kec = wilayah.cari(
                "kecamatan", k, daftar_prov[0].kode if len(daftar_prov) == 1 else None, data=wil
            )
            if kab is not None and kec.kabupaten.kode != kab.kode:
                raise GalatP3PD(f"Kecamatan {kec.nama} tidak ada di {kab.nama}.")
            if kec.kode not in awalan:
                raise GalatP3PD(
                    f"Kecamatan {kec.nama} ({kec.kode}) tidak ada di daftar desa data yang "
                    "dipakai; tidak ada yang bisa ditulis di handout-nya."
                )
            hasil.append(_pekerjaan_kecamatan(kec, _tahun_wilayah(data, kec.kode, tahun)))
        return _tanpa_ganda(hasil)
    if tingkat == "kecamatan":
        # Satu kali lewat untuk ribuan kecamatan (folder nasional): daftar kecamatan dan tahun
        # terakhir per kecamatan dihitung sekali, bukan sekali per kecamatan.
        semua_kec = wilayah.semua_kecamatan(data=wil)
        tahun_kec = _tahun_terakhir_per_wilayah(data, len("PP.KK.CC")) if tahun is None else {}
        ada_prov = {kec.provinsi.kode for kec in semua_kec}
        hasil = []
        for prov in daftar_prov:
            if prov.kode not in ada_prov:
                # provinsi latihan yang tidak ada di daftar desa: galat pencarian yang biasa
                wilayah.cari_provinsi(prov.kode, data=wil)
            for kec in semua_kec:
                if (
                    kec.provinsi.kode == prov.kode
                    and (kab is None or kec.kabupaten.kode == kab.kode)
                    and kec.kode in awalan
                ):
                    th = tahun if tahun is not None else tahun_kec.get(kec.kode)
                    hasil.append(
                        _pekerjaan_kecamatan(kec, int(th) if th is not None else tahun_tanpa_data())
                    )
        return _hanya_yang_ada(hasil)
    return _hanya_yang_ada(
        [
            _pekerjaan_provinsi(p, kab, _tahun_wilayah(data, kab.kode if kab else p.kode, tahun))
            for p in daftar_prov
            if (kab.kode if kab is not None else p.kode) in awalan
        ]
    )


TABEL_HANDOUT = (
    "wilayah",
    "indikator",
    "belanja",
    "fasilitas",
    "usulan",
    "usulan_tindak_lanjut",
    "program",
    "program_desa",
    "terbitan",
    "belanja_kegiatan",
)
"""Tabel yang dibaca handout (lihat ``p3pd.laporan.muat_data``); hanya ``wilayah`` yang wajib."""

TABEL_TAHUNAN = ("indikator", "belanja", "terbitan")
"""Tabel yang menentukan tahun data handout, berurutan: tabel pertama yang berisi tahun dipakai."""


def tahun_tersedia(data: Mapping[str, Any], kode: str | None = None) -> list[int]:
    """Tahun data handout dari tabel ``data`` (bentuk hasil ``muat.muat_folder``).

    Tahun di tabel indikator; bila indikator tidak ada, tahun belanja APBDes; bila itu pun tidak
    ada, tahun angka terbitan (:data:`TABEL_TAHUNAN`). Daftar kosong bila tidak ada tabel tahunan
    (mis. folder yang hanya berisi daftar desa). ``kode`` (kode kecamatan, kabupaten, atau
    provinsi): hanya baris desa wilayah itu yang dihitung, jadi baris wilayah lain (mis. satu
    baris APBDes desa lain tahun 2023) tidak menentukan tahun handout wilayah ini.
    """
    for nama in TABEL_TAHUNAN:
        tabel = data.get(nama)
        if tabel is None or "tahun" not in tabel:
            continue
        if kode is not None:
            if "kode_desa" not in tabel:
                continue
            tabel = tabel[tabel["kode_desa"].astype(str).str.startswith(kode)]
        if tabel["tahun"].notna().any():
            return sorted({int(t) for t in tabel["tahun"].dropna()})
    return []


def _tahun_terakhir_per_wilayah(data: Mapping[str, Any], panjang: int) -> dict[str, int]:
    """Tahun terakhir per wilayah (awalan kode desa sepanjang ``panjang``), sekaligus untuk semua.

    Sama dengan ``tahun_tersedia(data, kode)[-1]`` untuk setiap wilayah: tabel pertama di
    :data:`TABEL_TAHUNAN` yang berisi tahun untuk baris wilayah itu menentukan. Wilayah tanpa
    baris tahunan tidak ada di hasil.
    """
    hasil: dict[str, int] = {}
    for nama in TABEL_TAHUNAN:
        tabel = data.get(nama)
        if tabel is None or "tahun" not in tabel or "kode_desa" not in tabel:
            continue
        ada = tabel[tabel["tahun"].notna()]
        terakhir = ada.groupby(ada["kode_desa"].astype(str).str[:panjang])["tahun"].max()
        for kode, th in terakhir.items():
            hasil.setdefault(str(kode), int(th))
    return hasil


def _tahun_wilayah(data: Mapping[str, Any], kode: str, tahun: int | None) -> int:
    """Tahun handout wilayah ``kode``: ``tahun`` bila diminta; selain itu tahun terakhir tabel
    yang berisi baris wilayah ini (:func:`tahun_tersedia` dengan ``kode``); tanpa baris tahunan
    untuk wilayah ini: :func:`tahun_tanpa_data` (tahun baris wilayah lain tidak dipakai)."""
    if tahun is not None:
        return int(tahun)
    ada = tahun_tersedia(data, kode)
    return ada[-1] if ada else tahun_tanpa_data()


def tahun_tanpa_data() -> int:
    """Tahun handout bila data tidak punya tabel tahunan: tahun di label ``SUMBER_DATA.yaml``
    (``tahun:``) bila ada, selain itu tahun berjalan."""
    import datetime as dt

    from p3pd.label import label_data

    cocok = re.search(r"\d{4}", str(label_data().tahun or ""))
    return int(cocok.group()) if cocok else dt.date.today().year


def periksa_data_handout(folder: Path | None = None) -> dict[str, Any]:
    """Periksa tabel handout di ``folder`` seperti ``p3pd ringkasan`` (juga antartabel).

    Yang lolos pemeriksaan ini dapat diproses handout; yang tidak, dilaporkan sekali di sini
    (``GalatP3PD`` berisi semua masalah) sebelum satu kernel pun dinyalakan.
    """
    from p3pd import muat
    from p3pd.lokasi import folder_data, folder_proyek

    folder = Path(folder or folder_data())
    if not folder.is_dir():
        saran = (
            "Buat data latihan dulu dengan perintah: p3pd data"
            if folder.resolve() == (folder_proyek() / "data").resolve()
            else "Periksa --data atau P3PD_DATA: folder itu harus berisi sedikitnya "
            "wilayah_desa.csv (daftar desa)."
        )
        raise GalatP3PD(f"Folder data '{folder}' tidak ada. {saran}")
    # Hanya daftar desa wajib; bagian handout yang tabelnya tidak ada menulis "tidak ada data".
    return muat.muat_folder(folder, TABEL_HANDOUT, wajib=("wilayah",))


def _hanya_yang_ada(daftar: list[Pekerjaan]) -> list[Pekerjaan]:
    if not daftar:
        raise GalatP3PD(
            "Data yang dipakai tidak berisi desa di wilayah yang diminta; tidak ada handout "
            "yang bisa dibangun. Periksa folder data (P3PD_DATA) atau pilih wilayah lain."
        )
    return _tanpa_ganda(daftar)


def _tanpa_ganda(daftar: list[Pekerjaan]) -> list[Pekerjaan]:
    lihat: dict[str, Pekerjaan] = {}
    for p in daftar:
        lihat.setdefault(p.nama, p)
    return list(lihat.values())


def baca_bagian(teks: str) -> tuple[int, int]:
    """Baca ``--bagian`` berbentuk ``i/n`` (mis. ``2/4``: bagian kedua dari empat)."""
    cocok = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(teks))
    if not cocok:
        raise GalatP3PD(
            f"--bagian '{teks}' tidak dikenali. Tulis nomor bagian dan jumlah bagian dengan garis "
            "miring, mis. --bagian 2/4 (bagian kedua dari empat)."
        )
    i, n = int(cocok.group(1)), int(cocok.group(2))
    if n < 1 or not 1 <= i <= n:
        raise GalatP3PD(
            f"--bagian {i}/{n} tidak mungkin: nomor bagian harus 1 sampai {max(n, 1)} "
            "dan jumlah bagian 1 atau lebih."
        )
    return i, n


def ambil_bagian(daftar: Sequence[Pekerjaan], i: int, n: int) -> list[Pekerjaan]:
    """Bagian ke-``i`` dari ``n`` daftar handout: potongan berurutan yang ukurannya hampir sama.

    Semua bagian ``1/n`` … ``n/n`` bersama-sama memuat setiap handout tepat sekali, dalam urutan
    yang sama di mesin mana pun (daftar disusun dari data, bukan dari waktu atau acak), jadi
    beberapa mesin atau tugas larik penjadwal dapat membagi satu batch tanpa tumpang tindih.
    """
    if n < 1 or not 1 <= i <= n:
        raise GalatP3PD(f"Bagian {i}/{n} tidak mungkin.")
    jumlah = len(daftar)
    return list(daftar[(i - 1) * jumlah // n : i * jumlah // n])
