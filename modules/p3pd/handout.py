"""Perintah ``p3pd handout``: membangun handout per provinsi atau per kecamatan (HTML dan PDF A4).

Alur satu handout:

1. papermill menyuntikkan parameter (provinsi, kabupaten, kecamatan, tahun) ke notebook
   templat ``notebooks/handout_templat.ipynb`` lalu menjalankannya;
2. notebook hasil diperiksa: tidak ada galat (``metadata.papermill.exception``) dan ada
   sedikitnya satu gambar;
3. nbconvert mengubahnya menjadi HTML luring (templat ``templat/cetak``: tanpa kode, tanpa
   CDN, gambar tertanam);
4. WeasyPrint mencetak HTML itu menjadi PDF A4.

Kecepatan: setiap proses pekerja memelihara **satu kernel hangat** (pandas, matplotlib, dan
p3pd sudah diimpor). Handout berikutnya dijalankan di kernel yang sama setelah ruang nama
dikosongkan (seperti ``%reset -f``), sehingga biaya menyalakan kernel dan mengimpor pustaka hanya
dibayar sekali per pekerja. Bila sebuah handout gagal, kernelnya dinyalakan ulang sebelum
handout berikutnya, sehingga kegagalan tidak menular.

Ketahanan: satu handout yang gagal tidak menghentikan yang lain; notebook hasilnya disimpan
sebagai ``<nama>.GAGAL.ipynb`` untuk diperiksa; semua berkas ditulis atomik (berkas sementara
di folder yang sama, lalu ``os.replace``), jadi penghentian (Ctrl-C, ``kill``) tidak pernah
meninggalkan berkas setengah jadi di nama akhirnya.

Memilih handout ada di ``p3pd.handout_pilih``, kernel hangat di ``p3pd.kernel_hangat``; nama
publiknya tetap dapat dipakai dari modul ini.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p3pd.berkas import bersihkan_sementara, tulis_atomik
from p3pd.galat import GalatP3PD
from p3pd.handout_pilih import (  # noqa: F401 (API lama p3pd.handout tetap tersedia)
    TABEL_HANDOUT,
    TINGKAT_HANDOUT,
    Pekerjaan,
    ambil_bagian,
    baca_bagian,
    periksa_data_handout,
    susun_pekerjaan,
    tahun_data,
)
from p3pd.kernel_hangat import KernelHangat
from p3pd.kernel_hangat import daftarkan_mesin as _daftarkan_mesin
from p3pd.lokasi import folder_proyek

FORMAT = ("html", "pdf")
"""Format keluaran yang dikenal."""

BATAS_HALAMAN = {"provinsi": 6, "kecamatan": 5}
"""Jumlah halaman A4 paling banyak per tingkat handout (lebih dari ini dilaporkan)."""

TAG_DIBUANG = ("remove-cell", "parameters", "injected-parameters")
"""Sel dengan tag ini (beserta keluarannya) tidak masuk handout."""

AKHIRAN_GAGAL = ".GAGAL.ipynb"
"""Akhiran notebook hasil yang gagal, disimpan untuk diperiksa."""

PENANDA_LAMA = ".LAMA"
"""Sisipan nama untuk HTML/PDF lama dari handout yang kali ini gagal (mis. ``x.LAMA.pdf``)."""

PESAN_PDF = (
    "PDF tidak dibuat karena WeasyPrint atau pustaka sistemnya (Pango) belum terpasang{sebab}. "
    "HTML tetap dibuat dan dapat dicetak dari peramban. Untuk PDF, pasang salah satu:\n"
    "  - pip:   python -m pip install weasyprint   (Debian/Ubuntu: sudo apt-get install "
    "libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)\n"
    "  - conda: conda install -c conda-forge weasyprint"
)

# --------------------------------------------------------------------------- lokasi


def folder_templat() -> Path:
    """Folder templat nbconvert paket (berisi ``cetak/``: templat HTML dan CSS cetak A4)."""
    return Path(__file__).resolve().parent / "templat"


def templat_notebook() -> Path:
    """Notebook templat handout (berparameter papermill)."""
    return folder_proyek() / "notebooks" / "handout_templat.ipynb"


def folder_keluaran_bawaan() -> Path:
    """Folder keluaran bawaan: ``handout/`` di akar repositori (tidak ikut di-commit)."""
    return folder_proyek() / "handout"


# --------------------------------------------------------------------------- data kerja


@dataclass
class Hasil:
    """Hasil membangun satu handout."""

    pekerjaan: Pekerjaan
    berhasil: bool
    berkas: list[Path] = field(default_factory=list)
    pesan: str = ""
    notebook_gagal: Path | None = None
    halaman: int | None = None
    detik: float = 0.0
    berkas_lama: list[Path] = field(default_factory=list)
    """HTML/PDF dari pembangunan sebelumnya yang diganti nama menjadi ``*.LAMA.*`` karena gagal."""
    tahap: dict[str, float] = field(default_factory=dict)
    """Detik per tahap: ``jalan`` (notebook), ``html``, ``tata_letak`` dan ``tulis_pdf`` (WeasyPrint)."""


@dataclass
class Ringkasan:
    """Ringkasan satu kali membangun: hasil per handout, folder, dan catatan PDF."""

    hasil: list[Hasil]
    folder: Path
    detik: float
    catatan_pdf: str | None = None

    @property
    def dibangun(self) -> list[Hasil]:
        """Handout yang berhasil."""
        return [h for h in self.hasil if h.berhasil]

    @property
    def gagal(self) -> list[Hasil]:
        """Handout yang gagal."""
        return [h for h in self.hasil if not h.berhasil]

    def teks(self) -> str:
        """Ringkasan untuk dicetak di akhir perintah."""
        from p3pd.format import angka

        baris = [
            f"Selesai dalam {angka(self.detik, 1)} detik: {len(self.dibangun)} handout dibangun, "
            f"{len(self.gagal)} gagal.",
            f"Folder keluaran: {self.folder}",
        ]
        for h in sorted(self.dibangun, key=lambda h: h.pekerjaan.nama):
            jenis = ", ".join(b.suffix[1:].upper() for b in h.berkas)
            hal = f", {h.halaman} halaman" if h.halaman else ""
            batas = BATAS_HALAMAN.get(h.pekerjaan.tingkat)
            lebih = (
                f" — MELEBIHI batas {batas} halaman"
                if h.halaman and batas and h.halaman > batas
                else ""
            )
            baris.append(f"  {h.pekerjaan.nama} ({jenis}{hal}){lebih}")
        if self.gagal:
            baris.append(f"GAGAL ({len(self.gagal)}):")
            kelompok: dict[str, list[Hasil]] = {}
            for h in sorted(self.gagal, key=lambda h: h.pekerjaan.nama):
                kelompok.setdefault(h.pesan, []).append(h)
            for pesan, daftar in kelompok.items():
                if len(daftar) == 1:
                    baris.append(f"  {daftar[0].pekerjaan.nama}: {pesan}")
                else:
                    baris.append(f"  {len(daftar)} handout gagal dengan galat yang sama: {pesan}")
                    baris.append("    " + ", ".join(h.pekerjaan.nama for h in daftar))
                nb = [h.notebook_gagal.name for h in daftar if h.notebook_gagal]
                if nb:
                    baris.append("    notebook untuk diperiksa: " + ", ".join(nb))
                lama = [b.name for h in daftar for b in h.berkas_lama]
                if lama:
                    baris.append(
                        "    HTML/PDF dari pembangunan sebelumnya (bukan hasil terbaru) diganti "
                        "nama: " + ", ".join(lama)
                    )
        if self.catatan_pdf:
            baris.append(self.catatan_pdf)
        return "\n".join(baris)


# --------------------------------------------------------------------------- tulis atomik


def bersihkan_sisa(folder: Path, pid: Iterable[int] | None = None) -> list[Path]:
    """Hapus berkas sementara yang ditinggalkan proses yang sudah mati (mis. setelah ``kill -9``).

    Bila ``pid`` diberikan, hanya sisa proses-proses itu yang dihapus. Lihat
    ``p3pd.berkas.bersihkan_sementara`` (nomor proses yang dipakai ulang juga dikenali).
    """
    return bersihkan_sementara(folder, pid)


def periksa_jaringan_lokal() -> str | None:
    """``None`` bila antarmuka jaringan lokal (127.0.0.1) berfungsi; selain itu pesan galatnya.

    Kernel Jupyter berbicara dengan pembangun handout lewat soket TCP di 127.0.0.1. Tanpa
    antarmuka loopback (mis. di kontainer atau ``unshare -n`` tanpa ``ip link set lo up``)
    kernel tidak pernah tersambung dan pembangunan menunggu tanpa akhir; periksa dulu.
    """
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
            server.settimeout(3)
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            porta = server.getsockname()[1]
            with socket.create_connection(("127.0.0.1", porta), timeout=3):
                pass
    except OSError as galat:
        return (
            "Antarmuka jaringan lokal (loopback 127.0.0.1) tidak berfungsi "
            f"({galat.strerror or galat}), sehingga kernel Jupyter tidak dapat dinyalakan dan "
            "handout tidak dapat dibangun. Internet tidak diperlukan, tetapi loopback harus "
            "menyala: mis. jalankan `ip link set lo up` (di dalam `unshare -n`, kontainer, atau "
            "sandbox), lalu coba lagi."
        )
    return None


# --------------------------------------------------------------------------- HTML dan PDF


def periksa_weasyprint() -> str | None:
    """``None`` bila WeasyPrint siap dipakai; selain itu pesan cara memasangnya (pip dan conda)."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return PESAN_PDF.format(sebab="")
    except OSError as galat:  # pustaka sistem (Pango/GObject) tidak ditemukan
        return PESAN_PDF.format(sebab=f" ({galat})")
    return None


_EKSPORTIR: Any = None


def _eksportir() -> Any:
    global _EKSPORTIR
    if _EKSPORTIR is None:
        from nbconvert import HTMLExporter
        from traitlets.config import Config

        c = Config()
        c.TemplateExporter.extra_template_basedirs = [str(folder_templat())]
        c.HTMLExporter.template_name = "cetak"
        c.TemplateExporter.exclude_input = True
        c.TemplateExporter.exclude_input_prompt = True
        c.TemplateExporter.exclude_output_prompt = True
        c.HTMLExporter.embed_images = True
        c.HTMLExporter.language_code = "id"
        c.TagRemovePreprocessor.enabled = True
        c.TagRemovePreprocessor.remove_cell_tags = set(TAG_DIBUANG)
        c.CSSHTMLHeaderPreprocessor.enabled = False
        _EKSPORTIR = HTMLExporter(config=c)
    return _EKSPORTIR


def ke_html(nb: Any, judul: str | None = None) -> str:
    """Ubah notebook hasil menjadi HTML handout luring: tanpa kode, tanpa CDN, gambar tertanam."""
    import copy

    from p3pd.label import label_data

    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    label = label_data()  # teks pengganti gambar mengikuti label data (templat cetak)
    nb.metadata["alt_grafik"] = "Grafik — " + (
        "data sintetis untuk latihan" if label.sintetis else label.teks
    )
    if judul:
        nb.metadata["title"] = judul
    html, _ = _eksportir().from_notebook_node(
        nb, resources={"metadata": {"name": judul or "handout", "path": str(folder_templat())}}
    )
    return html


def ke_pdf(html: str, tujuan: Path) -> int:
    """Cetak HTML handout menjadi PDF A4 lewat WeasyPrint (ditulis atomik); kembalikan jumlah halaman."""
    isi, halaman = _pdf_bita(html)
    tulis_atomik(tujuan, isi)
    return halaman


def _pdf_bita(html: str, tahap: dict[str, float] | None = None) -> tuple[bytes, int]:
    """PDF A4 dari HTML handout di memori (belum menyentuh berkas); juga jumlah halamannya.

    ``tahap`` (bila diberikan) diisi detik tata letak dan detik menulis PDF.
    """
    import weasyprint

    for nama in ("weasyprint", "fontTools"):
        logging.getLogger(nama).setLevel(logging.ERROR)
    mulai = time.perf_counter()
    dokumen = weasyprint.HTML(string=html, base_url=str(folder_templat())).render()
    tengah = time.perf_counter()
    isi = dokumen.write_pdf()
    if tahap is not None:
        tahap["tata_letak"] = tengah - mulai
        tahap["tulis_pdf"] = time.perf_counter() - tengah
    return isi, len(dokumen.pages)


def _singkirkan_lama(folder: Path, nama: str) -> list[Path]:
    """Ganti nama HTML/PDF lama sebuah handout yang kali ini gagal menjadi ``nama.LAMA.*``.

    Dengan begitu tidak ada berkas bernama seperti hasil terbaru yang sebenarnya berasal dari
    pembangunan sebelumnya. Mengembalikan nama baru berkas-berkas itu.
    """
    dipindah = []
    for akhiran in FORMAT:
        lama = folder / f"{nama}.{akhiran}"
        if lama.is_file():
            baru = folder / f"{nama}{PENANDA_LAMA}.{akhiran}"
            with contextlib.suppress(OSError):
                os.replace(lama, baru)
                dipindah.append(baru)
    return dipindah


def jumlah_gambar(nb: Any) -> int:
    """Banyaknya keluaran ``image/png`` di notebook hasil."""
    return sum(
        1
        for sel in nb.cells
        if sel.cell_type == "code"
        for k in sel.get("outputs", [])
        if "image/png" in k.get("data", {})
    )


def grafik_hilang(nb: Any) -> str:
    """Pesan bila grafik notebook hasil tidak menjadi gambar (mis. ``MPLBACKEND=Agg``), atau ''.

    Grafik hilang: ada keluaran ``Figure`` tanpa ``image/png``, atau notebook tanpa gambar satu
    pun dan tanpa kotak "tidak ada data" di tempat grafik (data sendiri tanpa tabel untuk grafik
    itu, ``laporan_dasar.KELAS_GRAFIK_TANPA_DATA``).
    """
    from p3pd.laporan_dasar import KELAS_GRAFIK_TANPA_DATA

    tanpa_data = 0
    for sel in nb.cells:
        for k in sel.get("outputs", []) if sel.cell_type == "code" else []:
            isi = k.get("data", {})
            if "image/png" in isi:
                continue
            if "".join(isi.get("text/plain", "")).startswith("<Figure"):
                return "ada grafik yang tidak menjadi gambar (grafik hilang; periksa MPLBACKEND)"
            tanpa_data += KELAS_GRAFIK_TANPA_DATA in "".join(isi.get("text/html", ""))
    if jumlah_gambar(nb) == 0 and tanpa_data == 0:
        return "notebook hasil tidak berisi gambar satu pun (grafik hilang; periksa MPLBACKEND)"
    return ""


class _GalatDijalankan(Exception):
    """Galat saat notebook dijalankan (kernel sudah dinyalakan ulang oleh ``KernelHangat``)."""

    def __init__(self, asal: BaseException) -> None:
        super().__init__(str(asal))
        self.asal = asal


def _pesan_galat(galat: BaseException) -> str:
    if isinstance(galat, _GalatDijalankan):
        galat = galat.asal
    ename = getattr(galat, "ename", None)
    if ename:
        evalue = str(getattr(galat, "evalue", "")).strip()
        return f"{ename}: {evalue}" if evalue else ename
    teks = str(galat).strip().splitlines()
    return f"{type(galat).__name__}: {teks[0] if teks else ''}".rstrip(": ")


def _simpan_gagal(nb: Any, folder: Path, nama: str) -> Path | None:
    if nb is None:
        return None
    import nbformat

    tujuan = folder / f"{nama}{AKHIRAN_GAGAL}"
    tulis_atomik(tujuan, nbformat.writes(nb))
    return tujuan


def bangun_satu(
    kernel: KernelHangat,
    pekerjaan: Pekerjaan,
    keluaran: Path,
    format: Sequence[str] = FORMAT,
    templat: Path | None = None,
) -> Hasil:
    """Bangun satu handout di ``kernel``: jalankan, periksa, lalu tulis HTML dan/atau PDF."""
    mulai = time.perf_counter()
    keluaran = Path(keluaran)
    templat = Path(templat or templat_notebook())
    hasil = Hasil(pekerjaan, berhasil=False)
    nb, galat = kernel.jalankan(templat, pekerjaan.parameter)
    hasil.tahap["jalan"] = time.perf_counter() - mulai
    if galat is not None:
        galat = _GalatDijalankan(galat)
    else:
        if nb.metadata.get("papermill", {}).get("exception"):
            galat = RuntimeError("papermill mencatat galat di notebook hasil")
        elif grafik_hilang(nb):
            galat = RuntimeError(grafik_hilang(nb))
    gagal_lama = keluaran / f"{pekerjaan.nama}{AKHIRAN_GAGAL}"
    if galat is not None:
        hasil.pesan = _pesan_galat(galat)
        hasil.notebook_gagal = _simpan_gagal(nb, keluaran, pekerjaan.nama)
        hasil.berkas_lama = _singkirkan_lama(keluaran, pekerjaan.nama)
        hasil.detik = time.perf_counter() - mulai
        if not isinstance(galat, _GalatDijalankan):
            # Notebook selesai tetapi hasilnya tidak sah (mis. tanpa gambar): keadaan modul
            # di kernel bisa saja ikut berubah, jadi handout berikutnya mulai di kernel baru.
            with contextlib.suppress(Exception):
                kernel.nyalakan_ulang()
        return hasil
    try:
        # HTML dan PDF disiapkan di memori dulu: gagal di sini tidak menulis apa pun.
        sebelum_html = time.perf_counter()
        html = ke_html(nb, pekerjaan.judul)
        hasil.tahap["html"] = time.perf_counter() - sebelum_html
        pdf = _pdf_bita(html, hasil.tahap) if "pdf" in format else None
        if "html" in format:
            hasil.berkas.append(tulis_atomik(keluaran / f"{pekerjaan.nama}.html", html))
        if pdf is not None:
            hasil.berkas.append(tulis_atomik(keluaran / f"{pekerjaan.nama}.pdf", pdf[0]))
            hasil.halaman = pdf[1]
    except Exception as galat_konversi:
        hasil.pesan = "konversi gagal — " + _pesan_galat(galat_konversi)
        hasil.notebook_gagal = _simpan_gagal(nb, keluaran, pekerjaan.nama)
        hasil.berkas_lama = _singkirkan_lama(keluaran, pekerjaan.nama)
        hasil.detik = time.perf_counter() - mulai
        with contextlib.suppress(Exception):
            kernel.nyalakan_ulang()
        return hasil
    for sisa in [gagal_lama] + [
        keluaran / f"{pekerjaan.nama}{PENANDA_LAMA}.{akhiran}" for akhiran in FORMAT
    ]:
        with contextlib.suppress(FileNotFoundError):
            sisa.unlink()  # sisa kegagalan lama untuk handout yang kini berhasil
    hasil.berhasil = True
    hasil.detik = time.perf_counter() - mulai
    return hasil


# --------------------------------------------------------------------------- proses pekerja


def _lingkar_pekerja(
    nomor: int,
    antrean_tugas: Any,
    antrean_hasil: Any,
    keluaran: str,
    format: tuple[str, ...],
    templat: str,
    batas_waktu: int,
    lingkungan: dict[str, str],
) -> None:
    """Isi satu proses pekerja: nyalakan kernel hangat, lalu kerjakan tugas sampai habis."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C diurus proses induk
    # Proses forkserver menyimpan lingkungan saat ia dinyalakan; pakai lingkungan pemanggil
    # saat ini (mis. P3PD_DATA) supaya kernel membaca data yang sama dengan pemanggil.
    os.environ.clear()
    os.environ.update(lingkungan)

    def _berhenti(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _berhenti)
    # Galat per handout sudah dicatat di Hasil; log papermill/nbclient hanya menambah gaduh.
    for nama in ("papermill", "traitlets", "nbclient"):
        logging.getLogger(nama).setLevel(logging.CRITICAL)
    kernel = None
    galat_awal: str | None = None
    try:
        try:
            kernel = KernelHangat(Path(templat).parent, batas_waktu)
            _daftarkan_mesin()
            _eksportir()
            if "pdf" in format:
                import weasyprint  # noqa: F401
        except Exception as galat:
            galat_awal = "pekerja tidak dapat disiapkan — " + _pesan_galat(galat)
        induk = multiprocessing.parent_process()
        while True:
            try:
                tugas = antrean_tugas.get(timeout=1.0)
            except queue.Empty:
                if induk is not None and not induk.is_alive():
                    break  # proses induk mati (mis. kill -9): jangan menjadi yatim
                continue
            if tugas is None or (induk is not None and not induk.is_alive()):
                break
            indeks, pekerjaan = tugas
            antrean_hasil.put(("mulai", nomor, indeks, None))
            if galat_awal is not None or kernel is None:
                hasil = Hasil(pekerjaan, berhasil=False, pesan=galat_awal or "kernel tidak ada")
            else:
                try:
                    hasil = bangun_satu(kernel, pekerjaan, Path(keluaran), format, Path(templat))
                except Exception as galat:
                    hasil = Hasil(pekerjaan, berhasil=False, pesan=_pesan_galat(galat))
                    with contextlib.suppress(Exception):
                        kernel.nyalakan_ulang()
            antrean_hasil.put(("selesai", nomor, indeks, hasil))
    finally:
        if kernel is not None:
            kernel.tutup()


def _konteks_proses() -> Any:
    """Cara menyalakan pekerja: ``P3PD_METODE_PROSES`` (``spawn``/``forkserver``) bila diisi.

    Bawaan: ``forkserver`` di Linux, ``spawn`` di Windows dan macOS (satu-satunya/bawaan
    Python di sana). Uji menjalankan pembangunan handout dengan ``spawn`` supaya jalur
    Windows/macOS teruji juga di Linux. ``fork`` tidak dipakai (tidak aman bersama utas ZMQ).
    """
    tersedia = multiprocessing.get_all_start_methods()
    metode = os.environ.get("P3PD_METODE_PROSES", "").strip().lower()
    if metode not in ("spawn", "forkserver") or metode not in tersedia:
        metode = "forkserver" if "forkserver" in tersedia and sys.platform != "darwin" else "spawn"
    return multiprocessing.get_context(metode)


def jumlah_inti() -> int:
    """Banyaknya inti CPU yang boleh dipakai proses ini."""
    with contextlib.suppress(AttributeError):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class _Dihentikan(KeyboardInterrupt):
    """SIGTERM diperlakukan seperti Ctrl-C: berhenti dengan rapi."""


def bangun_handout(
    pekerjaan: Sequence[Pekerjaan],
    keluaran: Path | None = None,
    format: Sequence[str] = FORMAT,
    pekerja: int | None = None,
    templat: Path | None = None,
    progres: bool = True,
    batas_waktu: int = 600,
) -> Ringkasan:
    """Bangun banyak handout sekaligus dengan ``pekerja`` proses (bawaan: jumlah inti CPU).

    Setiap proses memakai satu kernel hangat. Satu handout yang gagal tidak menghentikan yang
    lain (notebook hasilnya disimpan sebagai ``<nama>.GAGAL.ipynb``); proses pekerja yang mati
    diganti. Bila WeasyPrint tidak tersedia, HTML tetap dibuat dan ``Ringkasan.catatan_pdf``
    menjelaskan cara memasangnya. Ctrl-C atau SIGTERM menghentikan semua pekerja dengan rapi
    (``KeyboardInterrupt`` diteruskan ke pemanggil); berkas yang sudah jadi tetap utuh.
    """
    mulai = time.perf_counter()
    format = tuple(dict.fromkeys(f.lower() for f in format))
    tidak_dikenal = [f for f in format if f not in FORMAT]
    if tidak_dikenal or not format:
        raise GalatP3PD(
            f"Format {', '.join(tidak_dikenal) or '(kosong)'} tidak dikenal. Pilihan: {', '.join(FORMAT)}."
        )
    keluaran = Path(keluaran or folder_keluaran_bawaan()).expanduser().resolve()
    templat = Path(templat or templat_notebook()).resolve()
    if not templat.exists():
        raise GalatP3PD(f"Notebook templat handout '{templat}' tidak ada.")
    try:
        keluaran.mkdir(parents=True, exist_ok=True)
    except OSError as galat:
        raise GalatP3PD(
            f"Folder keluaran '{keluaran}' tidak dapat dibuat: {galat.strerror or galat}."
        ) from None
    if not os.access(keluaran, os.W_OK):
        raise GalatP3PD(f"Folder keluaran '{keluaran}' tidak dapat ditulisi (periksa izinnya).")
    bersihkan_sisa(keluaran)

    catatan_pdf = None
    if "pdf" in format:
        catatan_pdf = periksa_weasyprint()
        if catatan_pdf:
            format = ("html",)  # tanpa WeasyPrint: HTML tetap dibuat (dapat dicetak dari peramban)

    pekerjaan = list(pekerjaan)
    if not pekerjaan:
        return Ringkasan([], keluaran, time.perf_counter() - mulai, catatan_pdf)
    jaringan = periksa_jaringan_lokal()
    if jaringan:
        raise GalatP3PD(jaringan)
    n = max(1, min(pekerja or jumlah_inti(), len(pekerjaan)))
    ctx = _konteks_proses()
    antrean_tugas = ctx.Queue()
    antrean_hasil = ctx.Queue()
    argumen = (
        antrean_tugas,
        antrean_hasil,
        str(keluaran),
        format,
        str(templat),
        batas_waktu,
        dict(os.environ),
    )

    proses: dict[int, Any] = {}
    semua_pid: set[int] = set()

    def _mulai_pekerja(nomor: int) -> None:
        pr = ctx.Process(target=_lingkar_pekerja, args=(nomor, *argumen), daemon=True)
        pr.start()
        proses[nomor] = pr
        if pr.pid:
            semua_pid.add(pr.pid)

    sinyal_lama = None
    if _di_utas_utama():

        def _sigterm(signum: int, frame: Any) -> None:
            raise _Dihentikan()

        sinyal_lama = signal.signal(signal.SIGTERM, _sigterm)

    hasil: dict[int, Hasil] = {}
    sudah_dilaporkan: set[str] = set()
    sedang: dict[int, int] = {}  # nomor pekerja → indeks pekerjaan yang sedang dikerjakan
    bar = None
    try:
        for nomor in range(n):
            _mulai_pekerja(nomor)
        for indeks, p in enumerate(pekerjaan):
            antrean_tugas.put((indeks, p))
        for _ in range(n):
            antrean_tugas.put(None)
        bar = _bilah(len(pekerjaan), progres)
        nomor_berikut = n
        while len(hasil) < len(pekerjaan):
            try:
                jenis, nomor, indeks, isi = antrean_hasil.get(timeout=0.5)
            except queue.Empty:  # tidak ada kabar: periksa pekerja yang mati
                for nomor, pr in list(proses.items()):
                    if pr.exitcode is not None and nomor in sedang:
                        indeks = sedang.pop(nomor)
                        hasil[indeks] = Hasil(
                            pekerjaan[indeks],
                            berhasil=False,
                            pesan=f"proses pekerja berhenti tak terduga (kode keluar {pr.exitcode})",
                        )
                        _laporkan(bar, hasil[indeks], sudah_dilaporkan)
                        del proses[nomor]
                        antrean_tugas.put(None)
                        _mulai_pekerja(nomor_berikut)
                        nomor_berikut += 1
                if not proses or all(pr.exitcode is not None for pr in proses.values()):
                    kode = sorted({pr.exitcode for pr in proses.values()})
                    for indeks, p in enumerate(pekerjaan):
                        if indeks not in hasil:
                            hasil[indeks] = Hasil(
                                p,
                                berhasil=False,
                                pesan="tidak dikerjakan: semua proses pekerja berhenti "
                                f"(kode keluar {', '.join(map(str, kode))})",
                            )
                            _laporkan(bar, hasil[indeks], sudah_dilaporkan)
                continue
            if jenis == "mulai":
                sedang[nomor] = indeks
            else:
                sedang.pop(nomor, None)
                hasil[indeks] = isi
                _laporkan(bar, isi, sudah_dilaporkan)
        for pr in proses.values():
            pr.join(timeout=30)
    except KeyboardInterrupt:
        _hentikan(proses.values())
        bersihkan_sisa(keluaran, semua_pid)
        raise
    finally:
        if bar is not None:
            bar.close()
        if sinyal_lama is not None:
            signal.signal(signal.SIGTERM, sinyal_lama)
        _hentikan(pr for pr in proses.values() if pr.is_alive())
        antrean_tugas.close()
        antrean_hasil.close()
    urut = [hasil[i] for i in range(len(pekerjaan))]
    for h in urut:
        if not h.berhasil and not h.berkas_lama:
            # Gagal di luar bangun_satu (pekerja mati, kernel tidak siap): HTML/PDF lama tetap
            # tidak boleh tampak seperti hasil terbaru.
            h.berkas_lama = _singkirkan_lama(keluaran, h.pekerjaan.nama)
    return Ringkasan(urut, keluaran, time.perf_counter() - mulai, catatan_pdf)


def _di_utas_utama() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _hentikan(daftar: Iterable[Any]) -> None:
    daftar = list(daftar)
    for pr in daftar:
        with contextlib.suppress(Exception):
            pr.terminate()
    batas = time.monotonic() + 10
    for pr in daftar:
        pr.join(timeout=max(0.1, batas - time.monotonic()))
        if pr.is_alive():
            with contextlib.suppress(Exception):
                pr.kill()
                pr.join(timeout=2)


def _bilah(total: int, aktif: bool) -> Any:
    from tqdm import tqdm

    # disable=None: bilah hanya tampil di terminal, tidak mengotori log CI.
    return tqdm(
        total=total,
        desc="Membangun handout",
        unit="handout",
        disable=None if aktif else True,
        file=sys.stderr,
    )


def _laporkan(bar: Any, hasil: Hasil, sudah: set[str] | None = None) -> None:
    """Majukan bilah; pesan gagal dicetak sekali per galat yang berbeda (rinciannya di ringkasan)."""
    if not hasil.berhasil:
        if sudah is None or hasil.pesan not in sudah:
            bar.write(f"GAGAL {hasil.pekerjaan.nama}: {hasil.pesan}", file=sys.stderr)
            if sudah is not None:
                sudah.add(hasil.pesan)
    bar.update(1)
