"""Membuat notebook latihan (``exercises/``) dari notebook solusi (``solutions/``).

Satu sumber: pelatih hanya menyunting ``solutions/NN_….ipynb``; perintah ``p3pd latihan``
membuat ``exercises/NN_….ipynb`` darinya, dan uji gagal bila keduanya tidak lagi sesuai.

Aturan penulisan notebook solusi:

- Jawaban di sel kode ditandai dengan akhiran ``# SOLUSI`` pada satu baris
  (``jawaban_1 = tabel["x"].sum()  # SOLUSI`` menjadi ``jawaban_1 = ...``). Untuk latihan
  *ubah parameter*, akhiran ``# SOLUSI: nilai_awal`` menaruh nilai awal di latihan
  (``ambang = 30  # SOLUSI: 20`` menjadi ``ambang = 20``): solusi memakai nilai yang sudah
  diubah, latihan memperlihatkan nilai yang harus diubah peserta. Jawaban juga dapat ditandai
  dengan blok
  ``### BEGIN SOLUTION`` … ``### END SOLUTION``. Di latihan, setiap penugasan di dalam blok
  menyisakan ruas kirinya (``nama = ...``); blok tanpa penugasan menjadi ``...``. Dengan
  begitu notebook latihan tetap berjalan dari atas ke bawah walau belum dijawab.
- Blok ``### BEGIN HIDDEN TESTS`` … ``### END HIDDEN TESTS`` dihapus dari latihan (sel yang
  lalu kosong ikut dihapus). Di solusi, blok ini boleh berisi ``assert`` tambahan.
- Sel bertag ``fasilitator`` (catatan untuk fasilitator) dihapus dari latihan.
- Keluaran dan nomor eksekusi dibersihkan; metadata hanya menyisakan ``kernelspec``, ``tags``,
  dan ``p3pd`` (asal berkas dan sidik isi, untuk mengenali latihan yang sudah dikerjakan).
- Setelah sel judul, latihan mendapat satu sel catatan: latihan dibuat otomatis, dan peserta
  menyimpan salinannya sendiri di ``kerja_saya/`` (File → Save Notebook As…).

Bentuk satu latihan: sel Markdown berjudul ``### Latihan N · baca & tafsirkan`` (atau
``ubah parameter``, ``tulis kode``) berisi tugas dan ``<details><summary>Petunjuk</summary>``;
sel jawaban; lalu sel ``cek(jawaban_N, <nilai harapan dihitung dari data>)`` bertag
``nbval-check-output``.

Berkas latihan yang sudah dijalankan (ada keluaran) atau isinya berbeda dari saat dibuat
dianggap hasil kerja peserta dan tidak ditimpa, kecuali dengan ``--paksa``. Semua penulisan
atomik.
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import json
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from p3pd.berkas import tulis_atomik
from p3pd.galat import GalatP3PD
from p3pd.lokasi import folder_proyek
from p3pd.notebook import baca_notebook, pilih_berkas, rapikan_metadata, teks_notebook

if TYPE_CHECKING:  # pragma: no cover
    from nbformat import NotebookNode

AWAL_SOLUSI = "### BEGIN SOLUTION"
AKHIR_SOLUSI = "### END SOLUTION"
AWAL_TES = "### BEGIN HIDDEN TESTS"
AKHIR_TES = "### END HIDDEN TESTS"
TAG_FASILITATOR = "fasilitator"
FOLDER_KERJA = "kerja_saya"
ID_CATATAN = "catatan-latihan"

_AKHIRAN_SOLUSI = re.compile(r"\s*#\s*SOLUSI\s*(?::\s*(?P<awal>.*?))?\s*$")
_SEMUA_PENANDA = (AWAL_SOLUSI, AKHIR_SOLUSI, AWAL_TES, AKHIR_TES)


def catatan_latihan(sumber: str, nama: str) -> str:
    """Teks sel catatan yang disisipkan setelah judul setiap notebook latihan."""
    return (
        f"> **Notebook latihan.** Berkas ini dibuat otomatis dari `{sumber}` dengan perintah "
        "`p3pd latihan`, dan akan dibuat ulang bila materi diperbarui.\n"
        "> Sebelum mengisi jawaban, simpan salinan Anda sendiri: menu **File → Save Notebook "
        f"As…**, lalu tulis `{FOLDER_KERJA}/{nama}`. Salinan di `{FOLDER_KERJA}/` tidak pernah "
        "ditimpa."
    )


# --- mengubah satu sel -------------------------------------------------------------------------


def _rangka(kode: str, indentasi: str, pengganti: str = "...") -> list[str]:
    """Ganti kode jawaban dengan ``pengganti``; penugasan menyisakan ruas kirinya."""
    teks = textwrap.dedent(kode)
    try:
        pohon = ast.parse(teks)
    except SyntaxError:
        return [indentasi + pengganti]
    hasil = []
    for st in pohon.body:
        if isinstance(st, ast.Assign):
            kiri = " = ".join(ast.get_source_segment(teks, t) or "_" for t in st.targets)
        elif isinstance(st, ast.AnnAssign) and st.value is not None:
            kiri = f"{ast.get_source_segment(teks, st.target)}: {ast.get_source_segment(teks, st.annotation)}"
        else:
            continue
        hasil.append(f"{indentasi}{kiri} = {pengganti}")
    return hasil or [indentasi + pengganti]


def _bisa_diurai(kode: str) -> bool:
    """Apakah kode Python (tanpa baris magic IPython ``%``/``!``) dapat diurai."""
    baris = [b for b in kode.splitlines() if not b.lstrip().startswith(("%", "!"))]
    try:
        ast.parse("\n".join(baris))
    except SyntaxError:
        return False
    return True


def ubah_sumber(sumber: str, lokasi: str = "sel") -> str:
    """Ubah isi satu sel kode solusi menjadi isi sel latihan (lihat aturan di docstring modul).

    ``lokasi`` (misalnya ``"solutions/01_x.ipynb, sel 7"``) dipakai dalam pesan kesalahan bila
    penanda tidak berpasangan atau hasilnya bukan kode Python yang sah.
    """
    keluar: list[str] = []
    blok: list[str] | None = None
    indentasi = ""
    dalam_tes = False
    for baris in sumber.splitlines():
        penanda = baris.strip()
        if dalam_tes:
            if penanda == AKHIR_TES:
                dalam_tes = False
            elif penanda in _SEMUA_PENANDA:
                raise GalatP3PD(f"{lokasi}: '{penanda}' di dalam blok '{AWAL_TES}'.")
            continue
        if blok is not None:
            if penanda == AKHIR_SOLUSI:
                keluar.extend(_rangka("\n".join(blok), indentasi))
                blok = None
            elif penanda in _SEMUA_PENANDA:
                raise GalatP3PD(f"{lokasi}: '{penanda}' di dalam blok '{AWAL_SOLUSI}'.")
            else:
                blok.append(baris)
            continue
        if penanda == AWAL_SOLUSI:
            blok, indentasi = [], baris[: len(baris) - len(baris.lstrip())]
        elif penanda == AWAL_TES:
            dalam_tes = True
        elif penanda in (AKHIR_SOLUSI, AKHIR_TES):
            raise GalatP3PD(f"{lokasi}: '{penanda}' tanpa penanda pembukanya.")
        elif cocok := _AKHIRAN_SOLUSI.search(baris):
            kode = baris[: cocok.start()]
            indent = baris[: len(baris) - len(baris.lstrip())]
            keluar.extend(_rangka(kode, indent, cocok.group("awal") or "..."))
        else:
            keluar.append(baris)
    if blok is not None or dalam_tes:
        terbuka = AWAL_SOLUSI if blok is not None else AWAL_TES
        raise GalatP3PD(f"{lokasi}: '{terbuka}' tidak ditutup.")
    hasil = "\n".join(keluar).strip("\n")
    if _bisa_diurai(sumber) and not _bisa_diurai(hasil):
        raise GalatP3PD(
            f"{lokasi}: setelah jawaban diganti '...', kode tidak lagi sah. Tandai seluruh "
            f"pernyataan dengan '{AWAL_SOLUSI}' … '{AKHIR_SOLUSI}'."
        )
    return hasil


# --- satu notebook -----------------------------------------------------------------------------


def sidik(nb: NotebookNode) -> str:
    """Sidik isi (jenis dan teks sel) notebook; berubah bila ada sel yang disunting."""
    isi = [[sel.cell_type, sel.source] for sel in nb.cells]
    return hashlib.sha256(json.dumps(isi, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def susun_latihan(solusi: NotebookNode, sumber: str) -> NotebookNode:
    """Notebook latihan dari notebook solusi (tanpa membaca atau menulis berkas).

    ``sumber`` adalah nama berkas solusi relatif terhadap akar proyek, misalnya
    ``"solutions/00_mulai_di_sini.ipynb"``; ia dicatat di metadata dan di sel catatan.
    """
    nb = copy.deepcopy(solusi)
    sel_baru = []
    for nomor, sel in enumerate(nb.cells, start=1):
        if TAG_FASILITATOR in sel.metadata.get("tags", []):
            continue
        if nb.nbformat_minor >= 5 and not sel.get("id"):
            sel["id"] = f"sel-{nomor}"
        if sel.cell_type == "code":
            sel.source = ubah_sumber(sel.source, f"{sumber}, sel {nomor}")
            if not sel.source.strip():
                continue
            sel.outputs = []
            sel.execution_count = None
        else:
            penanda = [p for p in _SEMUA_PENANDA if p in sel.source] + (
                ["# SOLUSI"]
                if any(_AKHIRAN_SOLUSI.search(b) for b in sel.source.splitlines())
                else []
            )
            if penanda:
                raise GalatP3PD(
                    f"{sumber}, sel {nomor}: penanda '{penanda[0]}' hanya berlaku di sel kode; "
                    f"untuk teks khusus fasilitator pakai tag '{TAG_FASILITATOR}'."
                )
        sel_baru.append(sel)
    nb.cells = sel_baru
    rapikan_metadata(nb, tag_saja=True)
    _sisipkan_catatan(nb, sumber)
    nb.metadata["p3pd"] = {"sumber": sumber, "sidik": sidik(nb)}
    return nb


def _sisipkan_catatan(nb: NotebookNode, sumber: str) -> None:
    import nbformat

    sel = nbformat.v4.new_markdown_cell(catatan_latihan(sumber, Path(sumber).name))
    if nb.nbformat_minor >= 5:
        sel["id"] = ID_CATATAN
    else:
        sel.pop("id", None)
    posisi = next(
        (
            i + 1
            for i, s in enumerate(nb.cells)
            if s.cell_type == "markdown" and re.search(r"^# ", s.source, re.M)
        ),
        0,
    )
    nb.cells.insert(posisi, sel)


def _nama_sumber(solusi: Path) -> str:
    return f"{solusi.parent.name}/{solusi.name}"


def alasan_dilindungi(berkas: Path) -> str | None:
    """Alasan berkas latihan yang ada tidak boleh ditimpa (hasil kerja peserta), atau ``None``.

    Dilindungi bila berkas sudah dijalankan (ada keluaran atau nomor eksekusi), atau bila isi
    selnya berbeda dari sidik yang dicatat saat dibuat. Berkas yang tidak bisa dibaca juga
    dilindungi.
    """
    if not berkas.exists():
        return None
    try:
        lama = baca_notebook(berkas)
    except GalatP3PD:
        return "berkasnya tidak bisa dibaca sebagai notebook"
    if any(
        s.cell_type == "code" and (s.get("outputs") or s.get("execution_count")) for s in lama.cells
    ):
        return "berkas ini sudah dijalankan (ada keluaran)"
    tercatat = lama.metadata.get("p3pd", {}).get("sidik")
    if tercatat and tercatat != sidik(lama):
        return "isi selnya sudah diubah sejak dibuat"
    return None


def buat_latihan(solusi: Path, tujuan: Path | None = None, paksa: bool = False) -> NotebookNode:
    """Buat notebook latihan dari berkas solusi; bila ``tujuan`` diberikan, tulis ke sana.

    Berkas tujuan hanya ditulis bila isinya berubah. Berkas yang tampak sudah dikerjakan
    peserta (lihat ``alasan_dilindungi``) tidak ditimpa kecuali ``paksa=True``: yang terjadi
    adalah ``GalatP3PD``.
    """
    solusi = Path(solusi)
    nb = susun_latihan(baca_notebook(solusi), _nama_sumber(solusi))
    if tujuan is not None:
        tujuan = Path(tujuan)
        teks = teks_notebook(nb)
        if tujuan.exists() and tujuan.read_text(encoding="utf-8") == teks:
            return nb
        alasan = None if paksa else alasan_dilindungi(tujuan)
        if alasan:
            raise GalatP3PD(
                f"'{tujuan}' tidak ditimpa: {alasan}. Simpan dulu salinannya ke {FOLDER_KERJA}/, "
                "lalu ulangi, atau pakai --paksa untuk menimpanya."
            )
        tulis_atomik(tujuan, teks)
    return nb


def buat_semua(
    folder_solusi: Path,
    folder_latihan: Path,
    periksa_saja: bool = False,
    paksa: bool = False,
    pilih: Iterable[str] = (),
) -> list[Path]:
    """Buat (atau periksa) semua notebook latihan dari ``folder_solusi``.

    Mengembalikan berkas latihan yang ditulis (atau, bila ``periksa_saja``, yang diperiksa).
    ``periksa_saja=True`` tidak menulis apa pun dan menimbulkan ``GalatP3PD`` berisi daftar
    berkas yang tidak sesuai dengan solusinya (hilang, berbeda, atau tanpa solusi).
    Berkas yang dilindungi dilewati; daftar semuanya dilaporkan di akhir sebagai ``GalatP3PD``.
    """
    folder_solusi, folder_latihan = Path(folder_solusi), Path(folder_latihan)
    pilih = list(pilih)
    daftar = pilih_berkas(folder_solusi.glob("*.ipynb"), pilih)
    if not daftar:
        raise GalatP3PD(f"Tidak ada notebook solusi yang cocok di '{folder_solusi}'.")
    masalah, hasil = [], []
    for solusi in daftar:
        tujuan = folder_latihan / solusi.name
        if periksa_saja:
            teks = teks_notebook(susun_latihan(baca_notebook(solusi), _nama_sumber(solusi)))
            if not tujuan.exists():
                masalah.append(f"{tujuan.name}: belum ada")
            elif tujuan.read_text(encoding="utf-8") != teks:
                masalah.append(f"{tujuan.name}: berbeda dari hasil {_nama_sumber(solusi)}")
            hasil.append(tujuan)
            continue
        lama = tujuan.read_bytes() if tujuan.exists() else None
        try:
            buat_latihan(solusi, tujuan, paksa=paksa)
        except GalatP3PD as galat:
            masalah.append(str(galat))
            continue
        if tujuan.read_bytes() != lama:
            hasil.append(tujuan)
    if periksa_saja and not pilih:
        nama_solusi = {s.name for s in daftar}
        for yatim in sorted(folder_latihan.glob("*.ipynb")):
            if yatim.name not in nama_solusi:
                masalah.append(f"{yatim.name}: tidak punya solusi di '{folder_solusi.name}/'")
    if masalah:
        if periksa_saja:
            raise GalatP3PD(
                "Notebook latihan tidak sesuai dengan solusinya (jalankan 'p3pd latihan'):\n- "
                + "\n- ".join(masalah)
            )
        raise GalatP3PD("Sebagian latihan tidak dibuat:\n- " + "\n- ".join(masalah))
    return hasil


# --- perintah baris ----------------------------------------------------------------------------


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan argumen sub-perintah ``p3pd latihan``."""
    parser.add_argument(
        "nama",
        nargs="*",
        help="batasi ke notebook tertentu: nomor ('03') atau nama berkas (bawaan: semua)",
    )
    parser.add_argument(
        "--periksa",
        action="store_true",
        help="hanya periksa bahwa exercises/ sesuai dengan solutions/ (tidak menulis apa pun)",
    )
    parser.add_argument(
        "--segarkan",
        action="store_true",
        help="jalankan ulang notebooks/ dan solutions/ dari atas ke bawah, simpan keluarannya, "
        "lalu buat ulang exercises/",
    )
    parser.add_argument(
        "--paksa",
        action="store_true",
        help="timpa juga latihan yang sudah dikerjakan (ada keluaran atau isinya diubah)",
    )
    parser.add_argument(
        "--batas-waktu",
        type=int,
        default=600,
        metavar="DETIK",
        help="batas waktu per sel saat --segarkan (bawaan: 600)",
    )
    parser.add_argument(
        "--proyek",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="akar repositori (bawaan: folder tempat paket p3pd berada)",
    )


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan sub-perintah ``p3pd latihan``; mengembalikan kode keluar."""
    proyek = args.proyek if args.proyek is not None else folder_proyek()
    solusi, latihan = proyek / "solutions", proyek / "exercises"
    if args.periksa and (args.segarkan or args.paksa):
        raise GalatP3PD("--periksa tidak dapat digabung dengan --segarkan atau --paksa.")
    if args.periksa:
        diperiksa = buat_semua(solusi, latihan, periksa_saja=True, pilih=args.nama)
        print(f"{len(diperiksa)} notebook latihan sesuai dengan solusinya.")
        return 0
    galat_segarkan = None
    if args.segarkan:
        from p3pd.notebook import segarkan

        try:
            segarkan(proyek, pilih=args.nama, batas_waktu=args.batas_waktu)
        except GalatP3PD as galat:  # latihan hanya bergantung pada isi sel: tetap dibuat
            galat_segarkan = galat
    ditulis = buat_semua(solusi, latihan, paksa=args.paksa, pilih=args.nama)
    for berkas in ditulis:
        print(f"ditulis {berkas.parent.name}/{berkas.name}")
    if not ditulis:
        print("Semua notebook latihan sudah sesuai; tidak ada yang ditulis.")
    if galat_segarkan is not None:
        raise galat_segarkan
    return 0
