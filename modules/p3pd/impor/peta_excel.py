"""Peta impor dalam lembar Excel: dibaca lewat pemuat yang sama, dan templat kosongnya ditulis.

Lembar ``peta`` (wajib) berkolom ``tabel``, ``kolom_templat``, ``kolom_sumber``,
``judul_lain``, ``nilai_tetap``, ``agregasi``, ``keterangan``. ``kolom_sumber`` berisi satu nama
kolom, beberapa kolom yang dijumlahkan (``R701DK2 + R701DK3``), atau kata ``hitung`` (banyaknya
baris sumber). ``judul_lain`` (opsional) berisi judul lain kolom sumber yang sama di berkas lain,
dipisah ``;`` (mis. ``Anggaran (Rp); Pagu``): dipakai bila judul di ``kolom_sumber`` tidak ada di
berkas itu (sama dengan ``baca.judul_lain`` peta YAML).
Lembar ``pengaturan`` (opsional) berkolom ``kunci`` dan ``nilai``. Berkas dibaca dengan
``p3pd.muat_berkas.baca_berkas`` sehingga baris kosong, judul yang tidak baku, encoding, dan
lembar yang salah urut ditangani sama seperti berkas data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from p3pd import skema
from p3pd.galat import DataTidakValid
from p3pd.muat_berkas import baca_berkas, nama_kolom
from p3pd.muat_masalah import Laporan

_KOLOM_PETA = (
    "tabel",
    "kolom_templat",
    "kolom_sumber",
    "judul_lain",
    "nilai_tetap",
    "agregasi",
    "keterangan",
)
_KOLOM_ATUR = ("kunci", "nilai")


def _tabel_lembar(nama: str, kolom: tuple[str, ...]) -> skema.Tabel:
    return skema.Tabel(
        nama,
        f"{nama}.csv",
        nama,
        (),
        tuple(skema.Kolom(k, skema.TIPE_TEKS, "-", "") for k in kolom),
    )


def _teks(v: object) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def _nilai_tetap(teks: str) -> object:
    try:
        return int(teks)
    except ValueError:
        try:
            return float(teks.replace(",", "."))
        except ValueError:
            return teks


def dict_dari_lembar(path: Path) -> dict:
    """Isi peta (bentuk dict seperti YAML) dari lembar ``peta`` dan ``pengaturan``."""
    sumber = str(path)
    mentah = baca_berkas(path, sumber, _tabel_lembar("peta", _KOLOM_PETA), Laporan())
    data, baris = mentah.data, mentah.baris
    hilang = [k for k in ("tabel", "kolom_templat", "kolom_sumber") if k not in data.columns]
    if hilang:
        raise DataTidakValid(
            "lembar 'peta' perlu kolom tabel, kolom_templat, dan kolom_sumber (buat templatnya "
            "dengan `p3pd impor --templat-peta peta.xlsx`).",
            berkas=sumber,
            kolom=hilang,
        )
    tabel: dict[str, dict] = {}
    judul_lain: dict[str, list[str]] = {}
    for i, r in enumerate(data.to_dict("records")):
        nama_tabel, target = _teks(r.get("tabel")), nama_kolom(_teks(r.get("kolom_templat")))
        asal, tetap = _teks(r.get("kolom_sumber")), _teks(r.get("nilai_tetap"))
        if not nama_tabel or not target or not (asal or tetap):
            continue  # baris yang belum diisi: kolom template itu tidak dipetakan
        if asal and tetap:
            raise DataTidakValid(
                "isi kolom_sumber atau nilai_tetap, jangan keduanya.",
                berkas=sumber,
                kolom=["kolom_sumber", "nilai_tetap"],
                baris=[int(baris[i])],
            )
        if tetap:
            aturan: dict = {"nilai": _nilai_tetap(tetap)}
        elif asal.lower() == "hitung":
            aturan = {"hitung": True}
        elif "+" in asal:
            aturan = {"jumlah": [a.strip() for a in asal.split("+") if a.strip()]}
        else:
            aturan = {"kolom": asal}
        lain = [j.strip() for j in _teks(r.get("judul_lain")).split(";") if j.strip()]
        if lain and "kolom" not in aturan:
            raise DataTidakValid(
                "judul_lain hanya untuk kolom_sumber yang berisi satu judul kolom (bukan "
                "penjumlahan, hitung, atau nilai_tetap).",
                berkas=sumber,
                kolom="judul_lain",
                baris=[int(baris[i])],
            )
        if lain:
            judul_lain.setdefault(asal, [])
            judul_lain[asal] += [j for j in lain if j not in judul_lain[asal]]
        agregasi = _teks(r.get("agregasi")).lower()
        if agregasi:
            aturan["agregasi"] = agregasi
        tabel.setdefault(nama_kolom(nama_tabel), {"kolom": {}})["kolom"][target] = aturan
    if not tabel:
        raise DataTidakValid(
            "lembar 'peta' belum berisi satu pun baris yang terisi (kolom_sumber atau "
            "nilai_tetap).",
            berkas=sumber,
        )
    isi: dict = {"tabel": tabel}
    if judul_lain:
        isi["baca"] = {"judul_lain": judul_lain}
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        atur = baca_berkas(path, sumber, _tabel_lembar("pengaturan", _KOLOM_ATUR), Laporan()).data
        if set(_KOLOM_ATUR) <= set(atur.columns):
            _terapkan_pengaturan(isi, atur, sumber)
    return isi


def _terapkan_pengaturan(isi: dict, atur: pd.DataFrame, sumber: str) -> None:
    nilai = {
        nama_kolom(_teks(k)): _teks(v) for k, v in zip(atur["kunci"], atur["nilai"], strict=True)
    }
    nilai = {k: v for k, v in nilai.items() if k and v}
    for kunci in ("nama", "sumber_data", "keterangan"):
        if kunci in nilai:
            isi[kunci] = nilai.pop(kunci)
    if "lembar" in nilai:
        isi.setdefault("baca", {})["lembar"] = nilai.pop("lembar")
    for nama in [t.strip() for t in nilai.pop("kelompok", "").split(",") if t.strip()]:
        if nama not in isi["tabel"]:
            raise DataTidakValid(
                f"lembar 'pengaturan': kelompok menyebut tabel '{nama}' yang tidak ada di lembar "
                "'peta'.",
                berkas=sumber,
            )
        isi["tabel"][nama]["kelompok"] = True
    lebar = {k: nilai.pop(f"lebar_{k}") for k in ("pola", "ke", "nilai") if f"lebar_{k}" in nilai}
    if lebar:
        isi["lebar_ke_panjang"] = lebar
    if nilai:
        raise DataTidakValid(
            "lembar 'pengaturan': kunci tidak dikenal: " + ", ".join(sorted(nilai)) + ". Yang "
            "dikenal: nama, sumber_data, keterangan, lembar, kelompok, lebar_pola, lebar_ke, "
            "lebar_nilai.",
            berkas=sumber,
        )


_KHUSUS_LATIHAN = re.compile(r"\s*\((?=[^()]*(?:fiktif|generator|2022–2024))[^()]*\)")
"""Keterangan dalam kurung yang hanya berlaku untuk data latihan sintetis (desa fiktif, 2022–2024)."""

PETUNJUK_PETA = (
    ("tabel", "Tabel template tujuan (mis. fasilitas, belanja). Jangan diubah."),
    ("kolom_templat", "Kolom tabel template (lihat data/KAMUS_DATA.md). Jangan diubah."),
    (
        "kolom_sumber",
        "Judul kolom di berkas Anda (mis. Jumlah SD); beberapa judul dijumlahkan dengan + "
        "(SD Negeri + SD Swasta + MI); atau kata hitung (banyaknya baris, untuk berkas per "
        "sarana). Kosong = kolom ini tidak diisi dari berkas Anda.",
    ),
    (
        "judul_lain",
        "Judul lain untuk kolom sumber yang sama di berkas tahun/desa lain, dipisah ; (mis. "
        "Jumlah Posyandu; Posyandu (unit)). Hanya bila kolom_sumber berisi satu judul.",
    ),
    (
        "nilai_tetap",
        "Nilai yang sama untuk semua baris (mis. tahun 2024), bila tidak ada kolomnya.",
    ),
    (
        "agregasi",
        "Bila satu desa muncul di banyak baris (tabel disebut di lembar pengaturan, kunci "
        "kelompok): jumlah, sama, pertama, terkecil, atau terbesar.",
    ),
    ("keterangan", "Arti kolom template, tipe, dan satuannya. Tidak dibaca p3pd."),
)
"""Isi lembar ``petunjuk`` templat peta: arti setiap kolom lembar ``peta``."""


def _keterangan_umum(teks: str) -> str:
    """Definisi kolom tanpa keterangan yang hanya berlaku untuk data latihan."""
    return _KHUSUS_LATIHAN.sub("", teks)


def lembar_templat_peta() -> dict[str, pd.DataFrame]:
    """Isi templat peta Excel kosong: satu baris per kolom setiap tabel template, siap diisi,
    ditambah lembar ``pengaturan`` dan lembar ``petunjuk`` (arti setiap kolom)."""
    baris = []
    for tabel in skema.TABEL_DIKENAL.values():
        for k in tabel.kolom:
            wajib = " (wajib: kunci tabel)" if k.nama in tabel.kunci else ""
            baris.append(
                {
                    "tabel": tabel.nama,
                    "kolom_templat": k.nama,
                    "kolom_sumber": "",
                    "judul_lain": "",
                    "nilai_tetap": "",
                    "agregasi": "",
                    "keterangan": f"{_keterangan_umum(k.definisi)} [{k.tipe}, {k.satuan}]{wajib}",
                }
            )
    atur = pd.DataFrame(
        {
            "kunci": [
                "nama",
                "sumber_data",
                "kelompok",
                "lembar",
                "lebar_pola",
                "lebar_ke",
                "lebar_nilai",
            ],
            "nilai": ["", "", "", "", "", "", ""],
            "keterangan": [
                "judul peta ini (muncul di laporan impor)",
                "lembaga dan terbitan data sumber, mis. 'BPS, Podes 2024'",
                "tabel yang barisnya digabung per kunci (mis. per desa), dipisah koma",
                "nama lembar berkas sumber .xlsx yang dibaca (kosong = ditebak)",
                "judul kolom per tahun, mis. ^idm_(\\d{4})$ (kosong = tidak dipakai)",
                "nama kolom tahun hasil putaran, mis. tahun",
                "nama kolom nilai hasil putaran, mis. nilai",
            ],
        }
    )
    petunjuk = pd.DataFrame(PETUNJUK_PETA, columns=["kolom", "cara_mengisi"])
    return {"peta": pd.DataFrame(baris), "pengaturan": atur, "petunjuk": petunjuk}
