"""Perintah ``p3pd panduan``: panduan pelatih (HTML luring dan PDF A4) untuk empat hari pelatihan.

Isi panduan diturunkan, tidak ditulis ulang:

- jadwal, sesi, tujuan, alur menit demi menit, titik periksa, bahan, bagian opsional, dan
  pertanyaan diskusi sesi non-notebook dari kurikulum (``referensi/kurikulum.toml``,
  :mod:`p3pd.kurikulum`); alur sesi notebook dari tabel "Rencana waktu" notebook bila ada;
- tujuan pembelajaran setiap notebook dari bagian "Tujuan pembelajaran"-nya;
- catatan fasilitator dari sel Markdown bertag ``fasilitator`` di ``notebooks/NN_…`` dan
  ``solutions/NN_…`` (kesalahan umum, cara membantu, pertanyaan diskusi dan isi jawaban yang
  baik);
- letak materi, latihan, dan solusi setiap sesi.

Panduan dicetak lewat jalur yang sama dengan handout (:mod:`p3pd.handout`): notebook Markdown
di memori → HTML dengan templat cetak luring ``templat/cetak`` (tanpa CDN) → PDF A4 lewat
WeasyPrint. Berkas ditulis atomik; berkas lain bernama sama yang bukan panduan buatan perintah
ini (atau panduan yang diubah sesudah dibuat) tidak ditimpa tanpa ``--paksa``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p3pd.galat import GalatP3PD
from p3pd.kurikulum import (
    Hari,
    Kurikulum,
    Sesi,
    alur_sesi,
    baca_kurikulum,
    jam_tambah,
)
from p3pd.lokasi import folder_proyek

TAG_FASILITATOR = "fasilitator"
"""Tag sel catatan fasilitator (sama dengan ``p3pd.latihan.TAG_FASILITATOR``)."""

AWAL_CATATAN = "#### 🧑‍🏫 Catatan fasilitator — "
"""Baris judul wajib setiap sel catatan fasilitator."""

LABEL = (
    "Alur dan waktu",
    "Kesalahan umum",
    "Cara membantu",
    "Pertanyaan diskusi",
    "Jawaban yang baik memuat",
)
"""Label kelompok butir yang dikenal, dalam urutan tampilnya."""

NAMA_BERKAS = "panduan_pelatih"
"""Nama berkas keluaran (tanpa akhiran)."""

PENANDA = "p3pd panduan"
"""Isi ``<meta name="generator">`` panduan; juga tertulis sebagai pembuat PDF."""

FORMAT = ("html", "pdf")

_CSS_TAMBAHAN = """<style type="text/css">
@page { @bottom-left { content: "Panduan pelatih — jadwal usulan kurikulum, bukan jadwal resmi"; } }
.hari-baru { break-before: page; }
.catatan-sumber { color: #6b7280; font-size: 8pt; }
</style>
"""

_LABEL_BARIS = re.compile(r"^(?:- )?\*\*(?P<label>[^*]+?):\*\*(?P<isi>.*)$")


@dataclass(frozen=True)
class CatatanFasilitator:
    """Satu sel catatan fasilitator: asal, topik, dan butir per label."""

    berkas: str
    """Jalur relatif terhadap akar proyek, mis. ``notebooks/01_….ipynb``."""
    topik: str
    butir: dict[str, list[str]] = field(default_factory=dict)

    @property
    def solusi(self) -> bool:
        """Apakah catatan ini dari notebook solusi (latihan)."""
        return self.berkas.startswith("solutions/")


# --------------------------------------------------------------------------- membaca notebook


def baca_catatan(teks: str, asal: str) -> CatatanFasilitator:
    """Urai isi satu sel catatan fasilitator; ``GalatP3PD`` (menyebut ``asal``) bila bentuknya salah.

    Bentuknya: baris pertama ``#### 🧑‍🏫 Catatan fasilitator — <topik>``, lalu kelompok butir,
    masing-masing dibuka label tebal (lihat :data:`LABEL`). Dua cara menulis diterima: label
    sendirian (``**Kesalahan umum:**``) diikuti butir ``- …``, atau label di awal butir
    (``- **Kesalahan umum:** …``). Baris menjorok menyambung butir sebelumnya.
    """
    baris = teks.strip().splitlines()
    if not baris or not baris[0].startswith(AWAL_CATATAN) or not baris[0][len(AWAL_CATATAN) :]:
        raise GalatP3PD(f"{asal}: sel catatan fasilitator harus diawali '{AWAL_CATATAN}<topik>'.")
    topik = baris[0][len(AWAL_CATATAN) :].strip()
    butir: dict[str, list[str]] = {}
    label: str | None = None
    for nomor, isi in enumerate(baris[1:], start=2):
        if not isi.strip():
            continue
        cocok = _LABEL_BARIS.match(isi.strip())
        if cocok:
            label = cocok.group("label")
            if label not in LABEL:
                raise GalatP3PD(
                    f"{asal}, baris {nomor}: label '{label}' tidak dikenal; pakai salah satu dari: "
                    + ", ".join(f"**{x}:**" for x in LABEL)
                )
            butir.setdefault(label, [])
            if cocok.group("isi").strip():
                butir[label].append(cocok.group("isi").strip())
        elif label is None:
            raise GalatP3PD(f"{asal}, baris {nomor}: teks sebelum label pertama ({isi.strip()!r}).")
        elif isi.startswith((" ", "\t")) and butir[label]:
            butir[label][-1] += " " + isi.strip()
        elif isi.lstrip().startswith("- "):
            butir[label].append(isi.lstrip()[2:].strip())
        else:
            raise GalatP3PD(f"{asal}, baris {nomor}: di bawah label, tulis butir '- …'.")
    kosong = [x for x, daftar in butir.items() if not daftar]
    if not butir or kosong:
        raise GalatP3PD(f"{asal}: catatan tanpa butir ({', '.join(kosong) or 'tidak ada label'}).")
    if "Pertanyaan diskusi" in butir and "Jawaban yang baik memuat" not in butir:
        raise GalatP3PD(f"{asal}: pertanyaan diskusi tanpa '**Jawaban yang baik memuat:**'.")
    return CatatanFasilitator(asal, topik, butir)


def catatan_notebook(berkas: Path, akar: Path | None = None) -> list[CatatanFasilitator]:
    """Semua catatan fasilitator (sel bertag ``fasilitator``) sebuah notebook, urut dari atas."""
    import nbformat

    akar = akar or folder_proyek()
    nama = berkas.relative_to(akar).as_posix() if berkas.is_relative_to(akar) else berkas.name
    nb = nbformat.read(berkas, as_version=4)
    hasil = []
    for nomor, sel in enumerate(nb.cells, start=1):
        if TAG_FASILITATOR not in sel.metadata.get("tags", []):
            continue
        if sel.cell_type != "markdown":
            raise GalatP3PD(f"{nama}, sel {nomor}: catatan fasilitator harus sel Markdown.")
        hasil.append(baca_catatan(sel.source, f"{nama}, sel {nomor}"))
    return hasil


def tujuan_pembelajaran(berkas: Path) -> list[str]:
    """Butir bernomor bagian "## Tujuan pembelajaran" sebuah notebook (kosong bila tidak ada)."""
    import nbformat

    nb = nbformat.read(berkas, as_version=4)
    for sel in nb.cells:
        if sel.cell_type == "markdown" and sel.source.lstrip().startswith("## Tujuan pembelajaran"):
            butir: list[str] = []
            for baris in sel.source.splitlines():
                cocok = re.match(r"^\s*\d+\.\s+(.*)$", baris)
                if cocok:
                    butir.append(cocok.group(1).strip())
                elif butir and baris.startswith("   ") and baris.strip():
                    butir[-1] += " " + baris.strip()
            return butir
    return []


# --------------------------------------------------------------------------- menyusun


@dataclass
class Panduan:
    """Panduan yang sudah disusun: notebook Markdown (untuk dicetak) dan ringkasan isinya."""

    nb: Any
    catatan: list[CatatanFasilitator]
    notebook_belum_ada: list[str]


def _e(teks: str) -> str:
    """Teks biasa yang aman di sel tabel Markdown."""
    return teks.replace("|", "\\|").replace("\n", " ")


def _huruf(s: Sesi) -> str:
    return ", ".join(s.tujuan_pelatihan) if s.tujuan_pelatihan else "–"


def _jadwal(kur: Kurikulum) -> str:
    bagian = ["## Jadwal empat hari", "", f"*{kur.catatan}*", ""]
    for h in kur.hari:
        bagian += [
            f"### {h.judul}: {h.tema}",
            "",
            "| Jam | Menit | Sesi | Tujuan |",
            "|---|---|---|---|",
        ]
        for s in h.sesi:
            nama = f"{s.judul} (`{s.notebook}`)" if s.notebook else s.judul
            if s.jenis == "istirahat":
                nama = f"*{nama}*"
            bagian.append(f"| {s.mulai}–{s.selesai} | {s.menit} | {_e(nama)} | {_huruf(s)} |")
        bagian.append("")
    return "\n".join(bagian)


def _letak_bahan(kur: Kurikulum) -> str:
    baris = [
        "## Letak materi, latihan, dan solusi",
        "",
        "Solusi hanya untuk pelatih: `solutions/` memuat jawaban dan catatan fasilitator; "
        "`exercises/` (untuk peserta) dibuat dari `solutions/` dengan `p3pd latihan`, tanpa "
        "jawaban dan tanpa catatan fasilitator.",
        "",
        "| No | Materi | Latihan peserta | Solusi (pelatih) |",
        "|---|---|---|---|",
    ]
    for _, s in kur.sesi_notebook():
        n = s.notebook
        baris.append(
            f"| {s.nomor} | `notebooks/{n}.ipynb` | `exercises/{n}.ipynb` | `solutions/{n}.ipynb` |"
        )
    return "\n".join(baris)


def _alur(s: Sesi, akar: Path) -> str:
    alur = alur_sesi(s, akar)
    baris = ["| Jam | Menit ke- | Bagian | Lama |", "|---|---|---|---|"]
    menit = 0
    periksa = sorted(s.periksa, key=lambda p: p.menit)
    for langkah in alur:
        baris.append(
            f"| {jam_tambah(s.mulai, menit)} | {menit} | {_e(langkah.bagian)} | {langkah.menit} menit |"
        )
        akhir = menit + langkah.menit
        for p in [p for p in periksa if menit < p.menit <= akhir or (p.menit == 0 == menit)]:
            baris.append(
                f"| {jam_tambah(s.mulai, p.menit)} | {p.menit} | **Titik periksa:** {_e(p.teks)} | |"
            )
        menit = akhir
    return "\n".join(baris)


def _daftar(butir: Sequence[str]) -> str:
    return "\n".join(f"- {b}" for b in butir)


def _catatan_md(c: CatatanFasilitator) -> str:
    bagian = [f"#### {c.topik}", "", f'<p class="catatan-sumber">Dari {c.berkas}</p>', ""]
    for label in LABEL:
        if label in c.butir:
            bagian += [f"**{label}:**", "", _daftar(c.butir[label]), ""]
    return "\n".join(bagian)


def _sesi_md(h: Hari, s: Sesi, akar: Path, catatan: list[CatatanFasilitator]) -> tuple[str, bool]:
    """Markdown satu sesi; juga apakah notebook sesi itu sudah ada."""
    ada = True
    judul = f"### {s.mulai}–{s.selesai} · {s.judul}"
    info = [f"**Jenis:** {s.jenis}", f"**Lama:** {s.menit} menit"]
    if s.notebook:
        info[1] += f" ({s.menit_materi} materi, {s.menit_latihan} latihan)"
    if s.tujuan_pelatihan:
        info.append(f"**Tujuan pelatihan:** {_huruf(s)}")
    bagian = [judul, "", " · ".join(info), "", "**Tujuan sesi:**", "", _daftar(s.tujuan), ""]
    if s.notebook:
        materi = akar / "notebooks" / f"{s.notebook}.ipynb"
        ada = materi.is_file()
        if ada:
            tujuan = tujuan_pembelajaran(materi)
            if tujuan:
                bagian += ["**Tujuan pembelajaran notebook:**", ""]
                bagian += [f"{i}. {t}" for i, t in enumerate(tujuan, start=1)] + [""]
        else:
            bagian += [f"*Notebook `{s.notebook}` belum ada di repositori ini.*", ""]
    bagian += ["**Alur menit demi menit:**", "", _alur(s, akar), ""]
    bahan = list(s.bahan)
    if s.notebook:
        bahan = [
            f"Materi: `notebooks/{s.notebook}.ipynb`",
            f"Latihan peserta: `exercises/{s.notebook}.ipynb`",
            f"Solusi (pelatih): `solutions/{s.notebook}.ipynb`",
            *bahan,
        ]
    bagian += ["**Bahan:**", "", _daftar(bahan), ""]
    if s.opsional:
        bagian += [
            "**Bagian opsional** (lewati bila sesi tertinggal lebih dari 5 menit):",
            "",
            _daftar(s.opsional),
            "",
        ]
    if s.pertanyaan:
        bagian += ["**Pertanyaan diskusi dan isi jawaban yang baik:**", ""]
        for i, p in enumerate(s.pertanyaan, start=1):
            bagian += [f"{i}. {p.tanya}", "", f"   *Jawaban yang baik memuat:* {p.jawaban}", ""]
    milik = [c for c in catatan if s.notebook and f"/{s.notebook}.ipynb" in c.berkas]
    if milik:
        bagian += ["**Catatan fasilitator** (kesalahan umum, cara membantu, diskusi):", ""]
        bagian += [_catatan_md(c) for c in milik]
    elif s.notebook and ada:
        bagian += ["*Notebook ini belum memuat catatan fasilitator.*", ""]
    return "\n".join(bagian), ada


def susun_panduan(kur: Kurikulum | None = None, akar: Path | None = None) -> Panduan:
    """Susun panduan pelatih sebagai notebook Markdown di memori (belum menulis apa pun)."""
    from nbformat.v4 import new_markdown_cell, new_notebook

    kur = kur or baca_kurikulum()
    akar = akar or folder_proyek()
    catatan: list[CatatanFasilitator] = []
    for _, s in kur.sesi_notebook():
        for folder in ("notebooks", "solutions"):
            berkas = akar / folder / f"{s.notebook}.ipynb"
            if berkas.is_file():
                catatan += catatan_notebook(berkas, akar)
    sel = [
        new_markdown_cell(
            "\n".join(
                [
                    f"# Panduan pelatih — {kur.judul}",
                    "",
                    f"**Peserta:** {kur.peserta}.  ",
                    f"**Pelatih:** {kur.pelatih}.",
                    "",
                    f"*{kur.catatan}*",
                    "",
                    "**Empat tujuan pelatihan:**",
                    "",
                    *[f"- **{k}.** {v}" for k, v in sorted(kur.tujuan_pelatihan.items())],
                    "",
                    "Panduan ini dibuat oleh `p3pd panduan` dari kurikulum "
                    "(`modules/p3pd/referensi/kurikulum.toml`) dan catatan fasilitator di "
                    "notebook materi dan solusi. Angka desa di notebook adalah data latihan "
                    "sintetis.",
                ]
            )
        ),
        new_markdown_cell(_jadwal(kur)),
        new_markdown_cell(_letak_bahan(kur)),
    ]
    belum = []
    for h in kur.hari:
        sel.append(
            new_markdown_cell(
                f'<div class="hari-baru"></div>\n\n## {h.judul}: {h.tema}\n\n{h.mulai}–{h.selesai}'
            )
        )
        for s in h.sesi:
            if s.jenis == "istirahat":
                continue
            teks, ada = _sesi_md(h, s, akar, catatan)
            if not ada and s.notebook:
                belum.append(s.notebook)
            sel.append(new_markdown_cell(teks))
    for nomor, isi in enumerate(sel, start=1):
        isi["id"] = f"panduan-{nomor}"  # tetap, supaya HTML yang sama dari isi yang sama
    nb = new_notebook(cells=sel, metadata={"title": f"Panduan pelatih — {kur.judul}"})
    return Panduan(nb, catatan, belum)


def ke_html(panduan: Panduan) -> str:
    """HTML luring panduan lewat templat cetak handout (tanpa CDN), bertanda ``p3pd panduan``."""
    from p3pd.handout import ke_html as _ke_html

    html = _ke_html(panduan.nb, panduan.nb.metadata["title"])
    html, n = re.subn(
        r"<meta[^>]*\bname=\"generator\"[^>]*>",
        f'<meta name="generator" content="{PENANDA}"/>',
        html,
        count=1,
    )
    if n != 1 or "</head>" not in html:
        raise GalatP3PD("Templat cetak berubah: penanda generator atau </head> tidak ditemukan.")
    return html.replace("</head>", _CSS_TAMBAHAN + "</head>", 1)


# --------------------------------------------------------------------------- menulis


def _berkas_sidik(keluaran: Path) -> Path:
    return keluaran / f".{NAMA_BERKAS}.sidik.json"


def _sidik(isi: bytes) -> str:
    import hashlib

    return hashlib.sha256(isi).hexdigest()


def _buatan_panduan(berkas: Path) -> bool:
    """Apakah ``berkas`` panduan buatan perintah ini yang belum diubah sejak ditulis.

    Setiap pembangunan mencatat sidik SHA-256 berkasnya di ``.panduan_pelatih.sidik.json`` di
    folder keluaran; berkas yang sidiknya masih sama boleh diganti tanpa ``--paksa``.
    """
    import json

    try:
        catatan = json.loads(_berkas_sidik(berkas.parent).read_text(encoding="utf-8"))
        return catatan.get(berkas.name) == _sidik(berkas.read_bytes())
    except (OSError, ValueError, AttributeError):
        return False


def bangun_panduan(
    keluaran: Path | None = None,
    format: Sequence[str] = FORMAT,
    paksa: bool = False,
    progres: bool = True,
    kurikulum: Path | None = None,
) -> tuple[list[Path], list[str]]:
    """Bangun panduan pelatih ke ``keluaran`` (bawaan: ``handout/``); kembalikan (berkas, pesan).

    Berkas ditulis atomik. Berkas bernama sama yang bukan panduan buatan ``p3pd panduan`` tidak
    ditimpa tanpa ``paksa``; panduan lama diganti dan disebut dalam pesan. Tanpa WeasyPrint,
    HTML tetap dibuat dan pesan menjelaskan cara memasang PDF.
    """
    from tqdm import tqdm

    from p3pd.berkas import tulis_atomik
    from p3pd.handout import _pdf_bita, folder_keluaran_bawaan, periksa_weasyprint

    format = tuple(dict.fromkeys(f.lower() for f in format))
    if not format or any(f not in FORMAT for f in format):
        raise GalatP3PD(f"Format tidak dikenal: {', '.join(format) or '(kosong)'}; pilih html/pdf.")
    keluaran = Path(keluaran or folder_keluaran_bawaan()).expanduser().resolve()
    try:
        keluaran.mkdir(parents=True, exist_ok=True)
    except OSError as galat:
        raise GalatP3PD(
            f"Folder keluaran '{keluaran}' tidak dapat dibuat: {galat.strerror or galat}."
        ) from None
    if not os.access(keluaran, os.W_OK):
        raise GalatP3PD(f"Folder keluaran '{keluaran}' tidak dapat ditulisi (periksa izinnya).")
    tujuan = {f: keluaran / f"{NAMA_BERKAS}.{f}" for f in format}
    asing = [b for b in tujuan.values() if b.exists() and not (b.is_file() and _buatan_panduan(b))]
    if asing and not paksa:
        raise GalatP3PD(
            "Berkas berikut sudah ada dan bukan panduan buatan 'p3pd panduan' (atau sudah diubah "
            "sesudah dibuat), jadi tidak ditimpa: "
            + ", ".join(str(b) for b in asing)
            + ". Pilih folder lain dengan --keluaran, atau timpa dengan --paksa."
        )
    pesan: list[str] = []
    if "pdf" in format:
        catatan_pdf = periksa_weasyprint()
        if catatan_pdf:
            pesan.append(catatan_pdf)
            format = tuple(f for f in format if f != "pdf") or ("html",)
            tujuan = {f: keluaran / f"{NAMA_BERKAS}.{f}" for f in format}
    langkah = ["kurikulum dan catatan fasilitator", "HTML", *(["PDF"] if "pdf" in format else [])]
    bar = tqdm(
        total=len(langkah) + 1,
        desc="Membangun panduan pelatih",
        unit="langkah",
        disable=None if progres else True,
        file=sys.stderr,
    )
    try:
        bar.set_postfix_str(langkah[0])
        panduan = susun_panduan(baca_kurikulum(kurikulum))
        bar.update(1)
        bar.set_postfix_str("HTML")
        html = ke_html(panduan)
        bar.update(1)
        isi: dict[str, str | bytes] = {"html": html}
        if "pdf" in format:
            bar.set_postfix_str("PDF")
            isi["pdf"], halaman = _pdf_bita(html)
            pesan.append(f"PDF A4: {halaman} halaman.")
            bar.update(1)
        bar.set_postfix_str("menulis berkas")
        ditulis = []
        sidik = {}
        for f in format:
            lama = tujuan[f].exists()
            data = isi[f].encode("utf-8") if isinstance(isi[f], str) else isi[f]
            ditulis.append(tulis_atomik(tujuan[f], data))
            sidik[tujuan[f].name] = _sidik(data)
            if lama:
                pesan.append(f"{tujuan[f].name}: menggantikan versi sebelumnya.")
        _catat_sidik(keluaran, sidik)
        bar.update(1)
    finally:
        bar.close()
    if panduan.notebook_belum_ada:
        pesan.append(
            "Notebook belum ada (panduan menyebutnya tanpa tujuan dan catatan): "
            + ", ".join(panduan.notebook_belum_ada)
        )
    pesan.append(f"{len(panduan.catatan)} catatan fasilitator dimuat.")
    return ditulis, pesan


def _catat_sidik(keluaran: Path, sidik: dict[str, str]) -> None:
    import json

    from p3pd.berkas import tulis_atomik

    catatan: dict[str, str] = {}
    try:
        catatan = dict(json.loads(_berkas_sidik(keluaran).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    catatan.update(sidik)
    tulis_atomik(_berkas_sidik(keluaran), json.dumps(catatan, indent=1, sort_keys=True) + "\n")


# --------------------------------------------------------------------------- CLI


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan argumen sub-perintah ``panduan``."""
    parser.description = (
        "Membangun panduan pelatih (HTML luring dan PDF A4): jadwal empat hari, tujuan dan alur "
        "setiap sesi menit demi menit dengan titik periksa, catatan fasilitator dari notebook "
        "materi dan solusi, pertanyaan diskusi dengan isi jawaban yang baik, dan letak solusi. "
        "Contoh: 'p3pd panduan', 'p3pd panduan --format pdf --keluaran cetak/'."
    )
    parser.add_argument(
        "--keluaran",
        type=Path,
        metavar="FOLDER",
        help="folder keluaran (bawaan: handout/ di akar repositori)",
    )
    parser.add_argument(
        "--format",
        nargs="+",
        choices=FORMAT,
        default=list(FORMAT),
        help="format keluaran (bawaan: html pdf)",
    )
    parser.add_argument(
        "--paksa",
        action="store_true",
        help="timpa berkas bernama sama walaupun bukan panduan buatan perintah ini",
    )
    parser.add_argument(
        "--kurikulum", type=Path, metavar="TOML", help="berkas kurikulum lain (bawaan: milik paket)"
    )
    parser.add_argument("--tanpa-progres", action="store_true", help="tanpa bilah kemajuan")


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd panduan``; kode keluar 0 bila berkas panduan jadi."""
    berkas, pesan = bangun_panduan(
        keluaran=args.keluaran,
        format=args.format,
        paksa=args.paksa,
        progres=not args.tanpa_progres,
        kurikulum=args.kurikulum,
    )
    print("Panduan pelatih dibangun:")
    for b in berkas:
        print(f"  {b}")
    for p in pesan:
        print(p)
    return 0
