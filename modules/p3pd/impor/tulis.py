"""Menulis hasil impor: CSV template, laporan asumsi (Markdown), dan label data sendiri.

Semua berkas ditulis atomik (``p3pd.berkas.tulis_atomik``). Berkas keluaran yang sudah ada
tidak ditimpa kecuali diminta (``timpa=True``), dan berkas sumber tidak pernah menjadi tujuan
tulis. Label data sendiri ditulis ke ``SUMBER_DATA.yaml`` (format ``p3pd.label``): bila sudah
ada dengan pemilik yang sama, sumber baru ditambahkan ke daftar sumbernya.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.berkas import tulis_atomik
from p3pd.excel import mirip_rumus
from p3pd.galat import DataTidakValid
from p3pd.impor.peta import Peta
from p3pd.impor.sumber import Sumber
from p3pd.impor.ubah import HasilTabel

BERKAS_LABEL = "SUMBER_DATA.yaml"
"""Label data sendiri yang dibaca ``p3pd.label`` (pemilik, sumber, dibuat_oleh)."""


@dataclass
class HasilImpor:
    """Hasil ``p3pd.impor.impor``: tabel yang ditulis, laporannya, dan labelnya."""

    folder: Path
    tabel: dict[str, HasilTabel]
    berkas: list[Path] = field(default_factory=list)
    laporan: Path | None = None
    label: Path | None = None
    teks_laporan: str = ""
    catatan: list[str] = field(default_factory=list)
    """Yang ditambahkan di luar tabel peta (mis. desa dari daftar wilayah nasional)."""
    peringatan: list[str] = field(default_factory=list)
    """Hal yang perlu diperiksa pengguna (mis. desa di luar kabupaten data ini)."""


def nama_laporan(peta: Peta) -> str:
    """Nama berkas laporan impor untuk peta ini, mis. ``LAPORAN_IMPOR_podes_fasilitas.md``."""
    stem = Path(peta.berkas).stem if peta.berkas else "peta"
    return f"LAPORAN_IMPOR_{stem}.md"


def teks_csv(data: pd.DataFrame, tabel: skema.Tabel) -> tuple[str, int]:
    """Isi CSV template (UTF-8, koma, titik desimal) dan banyaknya sel teks yang dinetralkan.

    ya/tidak ditulis ``ya``/``tidak``; teks yang akan dibaca spreadsheet sebagai rumus (diawali
    ``=``, ``+``, ``-``, ``@``) diberi tanda kutip tunggal di depannya.
    """
    keluar = data.copy()
    netral = 0
    for k in tabel.kolom:
        if k.nama not in keluar.columns:
            continue
        seri = keluar[k.nama]
        if k.tipe == skema.TIPE_BOOL:
            keluar[k.nama] = seri.map({True: "ya", False: "tidak"}).where(seri.notna(), "")
        elif k.tipe in (skema.TIPE_TEKS, skema.TIPE_KATEGORI):
            rumus = seri.map(mirip_rumus).fillna(False).astype(bool)
            netral += int(rumus.sum())
            keluar[k.nama] = seri.where(~rumus, "'" + seri.astype(str))
    return keluar.to_csv(index=False, lineterminator="\n"), netral


def _tujuan(folder: Path, hasil: dict[str, HasilTabel], peta: Peta) -> list[Path]:
    berkas = [folder / h.tabel.berkas for h in hasil.values() if len(h.data)]
    return berkas + [folder / nama_laporan(peta)]


def _lengkapi_induk(lama: pd.DataFrame, baru: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    """Isi kode dan nama induk yang kosong di baris lama (daftar desa yang diketik tanpa kolom
    itu): kode dari awalan kode desa, nama dari baris baru berkode induk sama, lalu dari daftar
    wilayah nasional."""
    from p3pd.wilayah_nasional import lengkapi_daftar_desa

    isian, _ = lengkapi_daftar_desa(lama["kode_desa"], ada=[])
    isian = {k: v.astype(object) for k, v in isian.items()}
    kosong = pd.Series(np.nan, index=lama.index, dtype=object)
    lama = lama.astype(object)
    for kode_kol, nama_kol in (
        ("kode_kecamatan", "nama_kecamatan"),
        ("kode_kabupaten", "nama_kabupaten"),
        ("kode_provinsi", "nama_provinsi"),
    ):
        if kode_kol in kolom:
            lama[kode_kol] = lama.get(kode_kol, kosong).fillna(isian[kode_kol])
        if nama_kol in kolom and kode_kol in baru.columns and nama_kol in baru.columns:
            dari_baru = dict(zip(baru[kode_kol], baru[nama_kol], strict=False))
            nama = lama.get(nama_kol, kosong)
            nama = nama.fillna(isian[kode_kol].map(dari_baru).astype(object))
            nama = nama.fillna(isian[nama_kol])
            lama[nama_kol] = nama
    return lama


def seragamkan_nama_kabupaten(h: HasilTabel) -> None:
    """Nama kabupaten/kota tanpa awalan diganti nama baku daftar wilayah nasional.

    Sumber BPS (mis. Podes) menulis ``BATU`` untuk Kota Batu; template memakai nama lengkap
    ("Kabupaten Semarang", "Kota Batu") agar sampul handout tidak terbaca "Kecamatan BATU, BATU".
    Hanya nama yang sama dengan nama baku (tanpa memandang awalan, huruf besar, tanda baca) dan
    yang belum berawalan kabupaten/kota yang diganti; setiap penggantian dicatat di ``h.asumsi``.
    """
    from p3pd.wilayah_nasional import WilayahTidakDikenal, kunci_nama, wilayah

    data = h.data
    if not {"kode_kabupaten", "nama_kabupaten"} <= set(data.columns):
        return
    ganti: dict[tuple[str, str], str] = {}
    for kode, nama in set(zip(data["kode_kabupaten"], data["nama_kabupaten"], strict=False)):
        if not isinstance(kode, str) or not isinstance(nama, str) or not nama.strip():
            continue
        if re.match(r"\s*(kab(upaten)?|kota(madya)?|kodya)\b", nama, re.I):
            continue
        try:
            baku = wilayah(kode.strip())
        except WilayahTidakDikenal:  # kode di luar daftar nasional: nama dibiarkan
            continue
        if baku.tingkat == "kabupaten" and kunci_nama(nama, "kabupaten") == kunci_nama(
            baku.nama, "kabupaten"
        ):
            ganti[(kode, nama)] = baku.nama
    if not ganti:
        return
    pasangan = pd.Series(list(zip(data["kode_kabupaten"], data["nama_kabupaten"], strict=False)))
    baru = pasangan.map(ganti)
    data["nama_kabupaten"] = baru.where(baru.notna(), data["nama_kabupaten"].to_numpy()).to_numpy()
    for (kode, nama), baku in sorted(ganti.items()):
        h.asumsi.append(
            f"nama_kabupaten '{nama}' (kode {kode}) ditulis '{baku}' seperti di daftar wilayah "
            "nasional: namanya sama, hanya awalan kabupaten/kota dan huruf besarnya diseragamkan."
        )


def gabung_daftar_desa(folder: Path, h: HasilTabel) -> None:
    """Gabungkan daftar desa hasil impor dengan ``wilayah_desa.csv`` yang sudah ada di ``folder``.

    Impor kedua ke folder yang sama (mis. Podes lalu IDM) menambah desa yang belum ada; baris
    lama dipertahankan apa adanya (nama lama menang bila namanya berbeda) dan kolom yang hanya
    ada di salah satu berkas diisi kosong di berkas lain. Semuanya dicatat di ``h.asumsi``.
    """
    from p3pd.impor.desa import baca_daftar_lama

    path = folder / h.tabel.berkas
    lama = baca_daftar_lama(path)
    if "kode_desa" not in lama.columns:
        raise DataTidakValid(
            "daftar desa yang sudah ada tidak punya kolom 'kode_desa'; tidak dapat digabung dengan "
            "hasil impor. Perbaiki berkas itu atau pilih folder keluaran lain.",
            berkas=str(path),
        )
    lama["kode_desa"] = lama["kode_desa"].str.strip()
    baru = h.data.copy()
    ada = set(lama["kode_desa"])
    tambah = baru[~baru["kode_desa"].isin(ada)]
    sama = baru[baru["kode_desa"].isin(ada)]
    beda = []
    if "nama_desa" in lama.columns and "nama_desa" in baru.columns and len(sama):
        nama_lama = dict(zip(lama["kode_desa"], lama["nama_desa"], strict=False))
        beda = [
            f"{k} ('{nama_lama[k]}' tetap, bukan '{n}')"
            for k, n in zip(sama["kode_desa"], sama["nama_desa"], strict=False)
            if str(n).strip().casefold() != str(nama_lama[k]).strip().casefold()
        ]
    urutan = [k.nama for k in h.tabel.kolom if k.nama in set(lama.columns) | set(baru.columns)]
    urutan += [c for c in lama.columns if c not in urutan]
    lama = lama.replace("", np.nan)
    lama = _lengkapi_induk(lama, baru, [c for c in urutan if c in baru.columns])
    h.data = pd.concat([lama, tambah], ignore_index=True).reindex(columns=urutan)
    teks = (
        f"Daftar desa digabung dengan `{h.tabel.berkas}` yang sudah ada: {len(lama)} baris lama "
        f"dipertahankan, {len(tambah)} desa baru ditambahkan, {len(sama)} desa sudah ada."
    )
    if beda:
        teks += " Nama berbeda (nama lama dipakai): " + "; ".join(beda[:10]) + "."
    h.asumsi.append(teks)


def periksa_tujuan(
    folder: Path,
    hasil: dict[str, HasilTabel],
    peta: Peta,
    sumber: Sumber,
    sumber_path: list[Path],
    timpa: bool,
) -> None:
    """Tolak tujuan yang sudah ada (tanpa ``timpa``), tujuan yang sama dengan berkas sumber, dan
    berkas template berformat lain yang akan membuat folder mendua (``.csv`` dan ``.xlsx``)."""
    if folder.exists() and not folder.is_dir():
        raise DataTidakValid("tujuan keluaran adalah berkas, bukan folder.", berkas=str(folder))
    asli = {p.resolve() for p in sumber_path}
    tujuan = _tujuan(folder, hasil, peta)
    sama = [p for p in tujuan if p.resolve() in asli]
    if sama:
        raise DataTidakValid(
            "berkas sumber tidak boleh ditimpa hasil impor: "
            + ", ".join(p.name for p in sama)
            + ". Pilih folder keluaran lain (--keluar).",
            berkas=str(folder),
        )
    gabung = folder / skema.WILAYAH.berkas if "wilayah" in hasil else None
    ada = [p for p in tujuan if p.exists() and p != gabung]
    if ada and not timpa:
        raise DataTidakValid(
            f"Folder '{folder}' sudah berisi "
            + ", ".join(p.name for p in ada)
            + " dari impor sebelumnya; berkas itu tidak ditimpa. Pilih folder keluaran lain "
            "(--keluar), pindahkan berkas lama, atau ulangi perintah dengan pilihan --timpa bila "
            "memang ingin menggantinya."
        )
    lain = []
    for h in hasil.values():
        stem = Path(h.tabel.berkas).stem
        lain += [
            folder / f"{stem}{a}" for a in (".xlsx", ".xlsm") if (folder / f"{stem}{a}").exists()
        ]
    if lain:
        raise DataTidakValid(
            "folder keluaran sudah berisi tabel yang sama dalam format lain: "
            + ", ".join(p.name for p in lain)
            + ". Pemuat tidak tahu mana yang dipakai; pindahkan berkas itu atau pilih folder lain.",
            berkas=str(folder),
        )


def _baca_label(path: Path) -> dict:
    import yaml

    try:
        isi = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise DataTidakValid(
            "label data yang sudah ada tidak dapat dibaca; perbaiki atau pindahkan dulu.",
            berkas=str(path),
        ) from None
    return isi if isinstance(isi, dict) else {}


def isi_label(
    folder: Path,
    pemilik: str,
    sumber: str,
    dibuat_oleh: str,
    timpa: bool,
    peringatan_tabel: dict[str, list[dict]] | None = None,
) -> str:
    """Isi ``SUMBER_DATA.yaml``: label baru, atau label lama dengan sumber baru ditambahkan.

    ``peringatan_tabel`` (berkas tabel → peringatan impor, mis. bidang APBDes tanpa rincian)
    disimpan di kunci ``peringatan_impor`` supaya notebook dapat mengulanginya di samping
    angkanya; berkas yang ditulis ulang tanpa peringatan dihapus dari situ.
    """
    import yaml

    path = folder / BERKAS_LABEL
    label = {"pemilik": pemilik, "sumber": sumber, "dibuat_oleh": dibuat_oleh}
    if path.exists() and not timpa:
        lama = _baca_label(path)
        pemilik_lama = " ".join(str(lama.get("pemilik", "")).split())
        if pemilik_lama and pemilik_lama != " ".join(pemilik.split()):
            raise DataTidakValid(
                f"folder ini sudah berlabel milik '{pemilik_lama}', bukan '{pemilik}'. Satu folder "
                "untuk satu pemilik data; pilih folder lain atau ulangi dengan --timpa.",
                berkas=str(path),
            )
        sumber_lama = [s.strip() for s in str(lama.get("sumber", "")).split(";") if s.strip()]
        for baru in [t.strip() for t in sumber.split(";") if t.strip()]:
            if baru not in sumber_lama:
                sumber_lama.append(baru)
        oleh = [s.strip() for s in str(lama.get("dibuat_oleh", "")).split(";") if s.strip()]
        if dibuat_oleh not in oleh:
            oleh.append(dibuat_oleh)
        label = {
            **{k: v for k, v in lama.items() if v is not None},
            "pemilik": pemilik,
            "sumber": "; ".join(sumber_lama),
            "dibuat_oleh": "; ".join(oleh),
        }
    lama_p = label.pop("peringatan_impor", None)
    peringatan = dict(lama_p) if isinstance(lama_p, dict) and not timpa else {}
    for berkas, daftar in (peringatan_tabel or {}).items():
        if daftar:
            peringatan[berkas] = list(daftar)
        else:
            peringatan.pop(berkas, None)
    if peringatan:
        label["peringatan_impor"] = peringatan
    return yaml.safe_dump(label, allow_unicode=True, sort_keys=False, width=1000)


def _tabel_md(kepala: list[str], baris: list[list[str]]) -> str:
    teks = "| " + " | ".join(kepala) + " |\n|" + "---|" * len(kepala) + "\n"
    return teks + "".join("| " + " | ".join(b) + " |\n" for b in baris)


def teks_laporan(
    peta: Peta,
    sumber: Sumber,
    hasil: dict[str, HasilTabel],
    folder: Path,
    pemilik: str,
    sumber_data: str,
    putaran: list[str],
    waktu: datetime.datetime,
    putaran_kosong: int = 0,
) -> str:
    """Laporan impor (Markdown, bahasa Indonesia): setiap asumsi yang dibuat, dalam kata-kata."""
    bagian = [
        "# Laporan impor data sendiri\n",
        f"Dibuat oleh `p3pd impor` pada {waktu:%Y-%m-%d %H.%M} UTC. **Data milik {pemilik}; "
        f"sumber: {sumber_data}.** Ini data sendiri, bukan data latihan sintetis.\n",
        f"Peta: *{peta.nama}* (`{peta.berkas}`)."
        + (f" {peta.keterangan}" if peta.keterangan else "")
        + "\n",
        "## Berkas sumber (tidak diubah)\n",
        _tabel_md(
            ["Berkas", "Baris/rekaman", "SHA-256"],
            [
                [f"`{n}`", str(j), f"`{s}`"]
                for n, j, s in zip(sumber.nama, sumber.jumlah_baris, sumber.sidik, strict=True)
            ],
        ),
    ]
    if sumber.catatan:
        bagian.append("Yang dirapikan pemuat saat membaca:\n")
        bagian.append("".join(f"- {c}\n" for c in sumber.catatan))
    if putaran:
        bagian.append(
            "Kolom per tahun diputar menjadi baris per tahun (lebar → panjang): "
            + ", ".join(f"`{p}`" for p in putaran)
            + (
                f"; {putaran_kosong} sel kosong di kolom itu tidak dijadikan baris (angka tahun itu "
                "tidak tersedia)"
                if putaran_kosong
                else ""
            )
            + ".\n"
        )
    if peta.saring:
        bagian.append(
            "Saringan untuk semua tabel: "
            + "; ".join(s.alasan or s.uraian() for s in peta.saring)
            + ".\n"
        )
    dipakai: set[str] = set()
    for h in hasil.values():
        aturan = peta.tabel[h.tabel.nama]
        bagian.append(f"## `{h.tabel.berkas}` — {h.tabel.judul}\n")
        bagian.append(
            f"{len(h.data)} baris ditulis (dari {h.baris_sumber} baris sumber yang lolos "
            "saringan).\n"
        )
        baris = []
        for k in h.kolom_dipetakan:
            a = aturan.kolom[k]
            dipakai.update(a.kolom_sumber())
            baris.append([f"`{k}`", a.uraian()])
        bagian.append("Kolom yang dipetakan:\n")
        bagian.append(_tabel_md(["Kolom templat", "Asal nilai"], baris))
        if h.kolom_tidak_dipetakan:
            bagian.append(
                "Kolom templat yang tidak dipetakan (tidak ditulis; artinya *tidak tersedia*, "
                "bukan nol): " + ", ".join(f"`{k}`" for k in h.kolom_tidak_dipetakan) + ".\n"
            )
        for s in aturan.saring:
            dipakai.add(s.kolom)
        if h.dibuang:
            bagian.append("Baris yang dibuang:\n")
            bagian.append("".join(f"- {d}\n" for d in h.dibuang))
        else:
            bagian.append("Tidak ada baris yang dibuang.\n")
        if h.asumsi:
            bagian.append("Asumsi, penggabungan, dan perapian:\n")
            bagian.append("".join(f"- {a}\n" for a in h.asumsi))
    dipakai.update(s.kolom for s in peta.saring)
    lain = [c for c in sumber.data.columns if c not in dipakai]
    bagian.append("## Yang tidak disalin\n")
    bagian.append(
        f"{len(lain)} kolom sumber lain tidak disalin ke templat (termasuk nama orang atau data "
        "pribadi bila ada di sumber)"
        + (
            ": " + ", ".join(f"`{c}`" for c in lain[:40]) + (" …" if len(lain) > 40 else "")
            if lain
            else ""
        )
        + ".\n"
    )
    bagian.append("## Langkah berikutnya\n")
    bagian.append(
        f"Periksa hasilnya dengan `p3pd ringkasan --data {folder}`. Angka di folder ini milik "
        f"{pemilik}; label dan sumbernya ada di `{BERKAS_LABEL}`.\n"
    )
    return "\n".join(bagian)


def tulis_hasil(
    folder: Path,
    peta: Peta,
    sumber: Sumber,
    hasil: dict[str, HasilTabel],
    *,
    pemilik: str,
    sumber_data: str,
    putaran: list[str],
    timpa: bool,
    putaran_kosong: int = 0,
) -> HasilImpor:
    """Tulis CSV template, laporan, dan label (atomik) ke ``folder``; kembalikan ringkasannya."""
    waktu = datetime.datetime.now(datetime.timezone.utc)
    dibuat_oleh = f"p3pd impor (peta: {peta.nama})"
    isi_label(folder, pemilik, sumber_data, dibuat_oleh, timpa)  # tolak sebelum menulis
    from p3pd.impor.desa import _daftar_lama, peringatan_kabupaten, tambah_desa_nasional

    lama, _ = _daftar_lama(folder)
    kode_lama = (
        set(lama["kode_desa"].astype(str).str.strip())
        if lama is not None and "kode_desa" in lama.columns
        else set()
    )
    wil = hasil.get("wilayah")
    if wil is not None and len(wil.data):
        seragamkan_nama_kabupaten(wil)
    if wil is not None and len(wil.data) and not timpa and (folder / wil.tabel.berkas).is_file():
        gabung_daftar_desa(
            folder, wil
        )  # sebelum menulis apa pun: galat di sini tidak setengah jalan
    daftar_baru = tambah_desa_nasional(folder, hasil, peta, sumber)  # bisa menolak: belum ditulis
    if daftar_baru is not None:  # daftar desa dari daftar nasional: sumbernya ikut di label
        from p3pd.wilayah_nasional import SUMBER_DAFTAR

        sumber_data = f"{sumber_data}; {SUMBER_DAFTAR}"
    # peringatan per tabel (mis. bidang APBDes tanpa sub-bidang) ikut label: notebook mengulanginya
    peringatan_tabel = {
        h.tabel.berkas: [{**d, "laporan": nama_laporan(peta)} for d in h.peringatan_data]
        for h in hasil.values()
        if len(h.data)
    }
    isi = isi_label(folder, pemilik, sumber_data, dibuat_oleh, timpa, peringatan_tabel)
    peringatan = peringatan_kabupaten(folder, hasil, pemilik, kode_lama)
    catatan = [daftar_baru[2]] if daftar_baru is not None else []
    pertama = next((h for h in hasil.values() if len(h.data)), None)
    if pertama is not None:
        pertama.asumsi.extend(catatan + [f"PERINGATAN: {p}" for p in peringatan])
    ditulis = []
    if daftar_baru is not None:
        ditulis.append(tulis_atomik(daftar_baru[0], daftar_baru[1]))
    for h in hasil.values():
        if not len(h.data):
            h.asumsi.append(
                f"Tidak ada baris sumber untuk tabel ini; `{h.tabel.berkas}` tidak ditulis (tabel "
                "itu tidak tersedia, bukan kosong)."
            )
            continue
        teks, netral = teks_csv(h.data, h.tabel)
        if netral:
            h.asumsi.append(
                f"{netral} sel teks yang diawali =, +, -, atau @ diberi tanda kutip tunggal di "
                "depannya agar tidak dibaca sebagai rumus oleh program spreadsheet."
            )
        ditulis.append(tulis_atomik(folder / h.tabel.berkas, teks))
    label = tulis_atomik(folder / BERKAS_LABEL, isi)
    laporan_teks = teks_laporan(
        peta, sumber, hasil, folder, pemilik, sumber_data, putaran, waktu, putaran_kosong
    )
    laporan = tulis_atomik(folder / nama_laporan(peta), laporan_teks)
    peringatan = peringatan + [  # peringatan per tabel (mis. bidang APBDes tanpa sub-bidang)
        a.removeprefix("PERINGATAN: ")
        for h in hasil.values()
        for a in h.asumsi
        if a.startswith("PERINGATAN: ") and a.removeprefix("PERINGATAN: ") not in peringatan
    ]
    return HasilImpor(
        folder, hasil, ditulis, laporan, label, laporan_teks, catatan=catatan, peringatan=peringatan
    )
