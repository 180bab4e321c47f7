"""Pembantu notebook: menyiapkan tampilan, spanduk data sintetis, dan menjalankan ulang notebook.

Di dalam notebook cukup dua fungsi:

- ``siapkan()`` dipanggil sekali di sel impor. Grafik matplotlib tampil di notebook walaupun
  lingkungan memasang ``MPLBACKEND=Agg``, dan tabel pandas yang panjang diringkas
  (paling banyak 20 baris dan 10 kolom).
- ``pakai_data(DATA)`` (sesudah sel ``parameters``) memakai folder data ``DATA`` bila diisi,
  mis. oleh ``p3pd kerja``; ``None`` = data latihan (atau ``P3PD_DATA``).
- ``catatan_data()`` menampilkan spanduk label data di bawah sel: "Data latihan ini sintetis
  …" untuk data latihan bawaan, "Data milik …, sumber: …" untuk data sendiri (lihat
  ``p3pd.label``). ``catatan_sintetis()`` adalah nama lamanya dan tetap bisa dipakai.

Untuk pelatih dan pengelola repositori:

- ``tulis_notebook(nb, tujuan)`` menyimpan notebook dengan byte yang selalu sama untuk isi yang
  sama, secara atomik (berkas sementara di folder yang sama, lalu ``os.replace``).
- ``jalankan_notebook(berkas)`` menjalankan satu notebook dari atas ke bawah dan menyimpan
  keluarannya di berkas yang sama; ``segarkan()`` melakukannya untuk semua notebook di
  ``notebooks/`` dan ``solutions/`` (perintah ``p3pd latihan --segarkan``).

Mengimpor modul ini tidak mengubah apa pun; pustaka berat diimpor di dalam fungsi.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from p3pd.berkas import tulis_atomik
from p3pd.galat import GalatP3PD
from p3pd.kotak import Kotak as Kotak  # disediakan juga lewat p3pd.notebook
from p3pd.kotak import kotak_html as kotak_html
from p3pd.label import KETERANGAN_SINTETIS
from p3pd.lokasi import folder_proyek

if TYPE_CHECKING:  # pragma: no cover
    from nbformat import NotebookNode

TIDAK_ADA_DATA = "tidak ada data"
"""Teks untuk data yang tidak tersedia (sel kosong atau tabel yang tidak ada)."""

MAKS_BARIS = 20
"""Tabel pandas yang lebih panjang dari ini diringkas menjadi 10 baris awal dan akhir."""

MAKS_KOLOM = 10
"""Tabel pandas yang lebih lebar dari ini diringkas (kolom tengah disembunyikan)."""

PESAN_SIAP = (
    "Notebook siap: grafik tampil di bawah sel, tabel panjang diringkas "
    f"(paling banyak {MAKS_BARIS} baris dan {MAKS_KOLOM} kolom)."
)

TEKS_SINTETIS = KETERANGAN_SINTETIS
"""Keterangan data latihan sintetis (sama dengan ``p3pd.label.KETERANGAN_SINTETIS``)."""

FOLDER_DIJALANKAN = ("notebooks", "solutions")
"""Folder yang notebook-nya disimpan bersama keluaran satu kali jalan dari atas ke bawah."""

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_KUNCI_LANGUAGE_INFO = (
    "codemirror_mode",
    "file_extension",
    "mimetype",
    "name",
    "nbconvert_exporter",
    "pygments_lexer",
)


def siapkan(diam: bool = False, penjelas: bool = True) -> None:
    """Siapkan notebook; panggil sekali di sel impor.

    - Di dalam kernel Jupyter: aktifkan backend *inline* (``%matplotlib inline``) agar grafik
      tetap tampil, juga bila ``MPLBACKEND=Agg`` terpasang di lingkungan.
    - Opsi tampilan pandas: paling banyak ``MAKS_BARIS`` baris dan ``MAKS_KOLOM`` kolom.
    - Di dalam IPython (kecuali ``penjelas=False``): pesan kesalahan dijelaskan dalam bahasa
      Indonesia (pesan asli tetap satu klik di bawahnya), dan jawaban dari sel jawaban yang
      gagal tidak dinilai ``cek`` (lihat ``p3pd.penjaga``).
    - Mencetak satu baris pesan tetap (kecuali ``diam=True``).
    """
    import pandas as pd

    pd.set_option("display.max_rows", MAKS_BARIS)
    pd.set_option("display.min_rows", 10)
    pd.set_option("display.max_columns", MAKS_KOLOM)

    ip = _ipython_kernel()
    if ip is not None:
        # Selalu aktifkan backend inline sejak awal: tahan terhadap MPLBACKEND=Agg, dan grafik
        # pertama yang digambar di dalam `grafik.gaya()` (rc_context) tidak mematikan tampilan
        # grafik-grafik berikutnya.
        ip.run_line_magic("matplotlib", "inline")
    if penjelas:
        from IPython import get_ipython

        from p3pd.penjaga import pasang

        pasang(get_ipython())
    if not diam:
        print(PESAN_SIAP)


def _ipython_kernel():  # -> InteractiveShell | None
    """Shell IPython bila kode berjalan di dalam kernel Jupyter, selain itu ``None``."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython selalu terpasang bersama ipykernel
        return None
    ip = get_ipython()
    return ip if ip is not None and getattr(ip, "kernel", None) is not None else None


def folder_kerja() -> Path:
    """Folder kerja peserta; dibuat bila belum ada.

    Bawaan: ``kerja_saya/`` di akar proyek. Bila ``P3PD_KERJA`` terpasang (``p3pd kerja``
    memasangnya ke ``kerja_saya/`` di folder kerja data sendiri), folder itulah yang dipakai,
    sehingga hasil ekspor data sendiri tidak tercampur dengan hasil latihan. Salinan latihan
    yang disimpan di sini tidak pernah ditimpa oleh ``p3pd latihan``.
    """
    lain = os.environ.get("P3PD_KERJA")
    folder = Path(lain).expanduser() if lain else folder_proyek() / "kerja_saya"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pakai_data(folder: str | Path | None = None) -> Path:
    """Pakai folder data ``folder`` untuk semua pemuatan berikutnya di kernel ini.

    Dipanggil notebook pelajaran dengan parameter ``DATA`` (diisi ``p3pd kerja``):
    ``folder=None`` tidak mengubah apa pun (data latihan, atau ``P3PD_DATA`` bila terpasang);
    folder lain dipasang sebagai ``P3PD_DATA`` di proses kernel, sehingga ``muat``, label data
    dan spanduk membaca folder itu. Folder yang tidak ada menjadi ``GalatP3PD``. Mengembalikan
    folder data yang berlaku.
    """
    from p3pd.lokasi import folder_data

    if folder is None:
        return folder_data()
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise GalatP3PD(f"Folder data '{path}' (parameter DATA) tidak ditemukan.")
    os.environ["P3PD_DATA"] = os.fspath(path.resolve())
    return folder_data()


def catatan_data(keterangan: str = "", folder: str | Path | None = None) -> Kotak:
    """Spanduk label data yang sedang dipakai; letakkan di baris terakhir sel agar tampil.

    Label diambil dari ``p3pd.label.label_data(folder)`` (bawaan: folder data, atau
    ``P3PD_DATA``): "Data latihan ini sintetis …" hanya untuk data latihan bawaan; data sendiri
    mendapat "Data milik …, sumber: …". ``keterangan`` (opsional) ditambahkan di akhir,
    misalnya nama tabel yang ditampilkan. Folder yang mencampur data sintetis dan data sendiri
    menimbulkan ``DataTidakValid`` dengan penjelasannya.
    """
    from p3pd.label import label_data

    label = label_data(folder)
    teks = label.keterangan + (f" {keterangan.strip()}" if keterangan.strip() else "")
    return Kotak(teks, "info")


def catatan_sintetis(keterangan: str = "") -> Kotak:
    """Nama lama :func:`catatan_data`: spanduk label data folder data yang dipakai.

    Untuk data latihan bawaan tetap "Data latihan ini sintetis …"; bila ``P3PD_DATA`` menunjuk
    data sendiri, yang tampil label data sendiri (tidak pernah dicap sintetis).
    """
    return catatan_data(keterangan)


def ada_tabel(data: Mapping[str, object], nama: str, bagian: str = "") -> bool:
    """``True`` bila tabel ``nama`` ada di ``data`` (hasil ``muat.muat_folder``) dan berisi baris.

    Bila tidak ada, kotak "tidak ada data" (:func:`tidak_ada_data`) langsung ditampilkan di
    bawah sel, sehingga notebook pada data sebagian cukup menulis::

        if ada_tabel(data, "belanja", "porsi APBDes per layanan"):
            ...
    """
    tabel = data.get(nama)
    if tabel is not None and len(tabel) > 0:  # type: ignore[arg-type]
        return True
    _tampilkan(tidak_ada_data(nama, bagian))
    return False


def tidak_ada_data(nama: str, bagian: str = "") -> Kotak:
    """Kotak "tidak ada data": tabel ``nama`` tidak ada di folder data yang dipakai.

    ``nama`` adalah nama tabel di ``p3pd.skema`` (mis. ``'belanja'``, ``'usulan'``); ``bagian``
    (opsional) menyebut bagian notebook yang dilewati. Kotak menyebut berkas yang dibutuhkan dan
    cara mengisinya (:func:`cara_mengisi`: ``p3pd impor`` dengan presetnya, atau isi sendiri di
    Excel lalu ``p3pd periksa``); sel lain tetap berjalan.
    """
    from p3pd.lokasi import folder_data
    from p3pd.skema import TABEL_DIKENAL

    tabel = TABEL_DIKENAL.get(nama)
    berkas = tabel.berkas if tabel else f"{nama}.csv"
    judul = f" ({tabel.judul})" if tabel else ""
    apa = f"Bagian \u201c{bagian}\u201d dilewati" if bagian else "Bagian ini dilewati"
    teks = (
        f"{TIDAK_ADA_DATA.capitalize()}: folder data '{folder_data().name}' tidak memiliki "
        f"berkas {berkas}{judul}, atau berkas itu kosong. {apa}; sel lain tetap berjalan. "
        f"{cara_mengisi(nama)}"
    )
    return Kotak(teks, "tidak_ada")


PRESET_IMPOR = {
    "fasilitas": "podes_fasilitas",
    "belanja": "siskeudes_apbdes",
    "belanja_kegiatan": "siskeudes_apbdes",
    "pendapatan": "siskeudes_apbdes",
    "terbitan": "idm",
}
"""Tabel yang punya preset ``p3pd impor`` (tabel lain diisi sendiri di Excel)."""


def cara_mengisi(nama: str) -> str:
    """Satu kalimat cara mengisi tabel ``nama`` (sama dengan README, bagian 'Data sendiri').

    Tabel yang punya bentuk publik (fasilitas Podes, APBDes Siskeudes, IDM) diubah dengan
    ``p3pd impor --preset …``; tabel lain (indikator, usulan, program, pemangku, daftar desa)
    diisi sendiri di Excel dengan kolom seperti berkas contoh di ``data/``, lalu diperiksa
    dengan ``p3pd periksa``.
    """
    from p3pd.skema import TABEL_DIKENAL

    tabel = TABEL_DIKENAL.get(nama)
    berkas = tabel.berkas if tabel else f"{nama}.csv"
    preset = PRESET_IMPOR.get(nama)
    if preset:
        kelurahan = (
            " (desa saja; kelurahan tidak punya APBDes)" if preset == "siskeudes_apbdes" else ""
        )
        return (
            f"Untuk mengisinya, ubah berkas sumber Anda dengan p3pd impor --preset {preset}"
            f"{kelurahan} (README, bagian 'Data sendiri')."
        )
    return (
        f"Untuk mengisinya, isi sendiri di Excel dengan kolom seperti data/{berkas} (lihat "
        f"data/KAMUS_DATA.md), lalu periksa dengan p3pd periksa (README, bagian 'Data sendiri')."
    )


def _tampilkan(obj: object) -> None:
    """Tampilkan ``obj`` di bawah sel bila berjalan di kernel; di luar kernel cetak teksnya."""
    try:
        from IPython.display import display

        if _ipython_kernel() is not None:
            display(obj)
            return
    except ImportError:  # pragma: no cover - IPython selalu ada bersama jupyterlab
        pass
    print(getattr(obj, "teks", obj))


# --- berkas notebook -------------------------------------------------------------------------


def baca_notebook(berkas: Path) -> NotebookNode:
    """Baca notebook (format 4); berkas rusak menjadi ``GalatP3PD`` yang menyebut berkasnya."""
    import nbformat

    try:
        return nbformat.read(os.fspath(berkas), as_version=4)
    except (OSError, ValueError) as galat:
        raise GalatP3PD(f"Notebook '{berkas}' tidak dapat dibaca: {galat}") from galat


def teks_notebook(nb: NotebookNode) -> str:
    """Teks JSON notebook yang selalu sama untuk isi yang sama (kunci urut, baris baru di akhir)."""
    import nbformat

    return nbformat.writes(nb) + "\n"


def tulis_notebook(nb: NotebookNode, tujuan: Path) -> None:
    """Simpan notebook secara atomik: tulis berkas sementara di folder yang sama, lalu ganti."""
    tulis_atomik(tujuan, teks_notebook(nb))


def rapikan_metadata(nb: NotebookNode, tag_saja: bool = False) -> NotebookNode:
    """Buang metadata yang berubah antarmesin/antarjalan; kembalikan ``nb`` yang sama.

    Notebook: hanya ``kernelspec`` (baku ``python3``) dan ``language_info`` tanpa versi.
    Sel: hanya ``tags`` (dan ``jupyter``: sel yang dilipat, kecuali ``tag_saja=True``).
    """
    info = {
        k: v for k, v in nb.metadata.get("language_info", {}).items() if k in _KUNCI_LANGUAGE_INFO
    }
    lama = dict(nb.metadata)
    nb.metadata.clear()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    if info and not tag_saja:
        nb.metadata["language_info"] = info
    if "p3pd" in lama:
        nb.metadata["p3pd"] = lama["p3pd"]
    simpan = ("tags",) if tag_saja else ("tags", "jupyter")
    for sel in nb.cells:
        sisa = {k: sel.metadata[k] for k in simpan if sel.metadata.get(k)}
        sel.metadata.clear()
        sel.metadata.update(sisa)
    return nb


# --- menjalankan notebook ----------------------------------------------------------------------


def kelas_kernel_lingkungan_ini() -> type:
    """Kelas KernelManager yang selalu memakai Python ini (seperti ``nbval --nbval-current-env``).

    Tanpa ini, nama kernel ``python3`` bisa mengarah ke Python lain yang kebetulan terdaftar
    lebih dulu di jalur Jupyter.
    """
    from ipykernel.kernelspec import get_kernel_dict
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class _SpekLingkunganIni(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(resource_dir="", **get_kernel_dict())

    class _KernelLingkunganIni(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _spek_bawaan(self) -> KernelSpecManager:
            return _SpekLingkunganIni(data_dir=self.data_dir)

        @default("client_factory")
        def _klien_bawaan(self) -> type:
            return kelas_klien_tangguh()

    return _KernelLingkunganIni


SELANG_TUNGGU = 1.0
"""Detik paling lama satu kali menunggu pesan kernel sebelum kotak pesan diperiksa lagi."""


def kelas_klien_tangguh() -> type:
    """Klien kernel async yang menunggu pesan dalam selang pendek (``SELANG_TUNGGU``).

    Di pyzmq asyncio, tanda "ada pesan" dari soket ZMQ kadang terlewat (soket dipantau
    *edge-triggered*; lihat jupyter/nbclient#312): ``get_msg(timeout=600)`` lalu baru kembali
    sesudah 600 detik, walaupun balasan kernel sudah lama tiba. Dengan menunggu paling lama
    satu detik sekali lalu memeriksa lagi, tanda yang terlewat paling banyak menunda satu
    detik; batas waktu keseluruhan tetap sama.
    """
    from jupyter_client.asynchronous.client import AsyncKernelClient
    from jupyter_client.channels import AsyncZMQSocketChannel
    from traitlets import Type

    class _SaluranTangguh(AsyncZMQSocketChannel):
        async def get_msg(self, timeout: float | None = None) -> dict:
            return await tunggu_pesan(self, timeout)

    class _KlienTangguh(AsyncKernelClient):
        shell_channel_class = Type(_SaluranTangguh)
        iopub_channel_class = Type(_SaluranTangguh)
        stdin_channel_class = Type(_SaluranTangguh)
        control_channel_class = Type(_SaluranTangguh)

    return _KlienTangguh


async def tunggu_pesan(saluran: object, timeout: float | None = None) -> dict:
    """Pesan berikutnya dari ``saluran`` (soket ZMQ async), ditunggu dalam selang ≤ 1 detik.

    ``timeout`` ``None`` = tunggu sampai ada pesan; bila batasnya lewat tanpa pesan,
    ``queue.Empty`` (seperti ``get_msg`` jupyter_client).
    """
    from queue import Empty

    batas = None if timeout is None else time.monotonic() + timeout
    while True:
        sisa = SELANG_TUNGGU if batas is None else max(0.0, batas - time.monotonic())
        if await saluran.socket.poll(int(min(sisa, SELANG_TUNGGU) * 1000)):  # type: ignore[attr-defined]
            return await saluran._recv()  # type: ignore[attr-defined]
        if batas is not None and time.monotonic() >= batas:
            raise Empty


def jalankan_notebook(berkas: Path, batas_waktu: int = 600, simpan: bool = True) -> NotebookNode:
    """Jalankan notebook dari atas ke bawah (folder kerja = folder notebook) dengan Python ini.

    Keluaran lama diganti keluaran baru dan metadata dirapikan; bila ``simpan``, hasilnya
    ditulis atomik ke berkas yang sama. Sel yang gagal menjadi ``GalatP3PD`` yang menyebut
    berkas, nomor sel kode, dan pesan kesalahannya; berkas asli tidak diubah.
    ``batas_waktu`` adalah batas detik per sel.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    berkas = Path(berkas)
    nb = baca_notebook(berkas)
    klien = NotebookClient(
        nb,
        timeout=batas_waktu,
        kernel_name="python3",
        kernel_manager_class=kelas_kernel_lingkungan_ini(),
        record_timing=False,
        resources={"metadata": {"path": os.fspath(berkas.parent.resolve())}},
    )
    try:
        klien.execute()
    except CellTimeoutError as galat:
        raise GalatP3PD(
            f"{berkas}: sel kode ke-{_nomor_sel_terakhir(nb)} melewati batas waktu {batas_waktu} detik."
        ) from galat
    except CellExecutionError as galat:
        raise GalatP3PD(
            f"{berkas}: sel kode ke-{_nomor_sel_galat(nb)} gagal — {galat.ename}: {galat.evalue}"
        ) from galat
    rapikan_metadata(nb)
    gabung_aliran(nb)
    if simpan:
        tulis_notebook(nb, berkas)
    return nb


def gabung_aliran(nb: NotebookNode) -> NotebookNode:
    """Gabungkan keluaran ``stream`` berurutan yang sama namanya (stdout/stderr) di setiap sel.

    Kernel kadang mengirim satu ``print`` dalam dua potong (mis. teks dan baris barunya);
    digabung, keluaran yang disimpan sama di setiap jalan. Mengembalikan ``nb`` yang sama.
    """
    for sel in nb.cells:
        keluaran = sel.get("outputs")
        if not keluaran:
            continue
        hasil: list = []
        for o in keluaran:
            sebelum = hasil[-1] if hasil else None
            if (
                o.get("output_type") == "stream"
                and sebelum is not None
                and sebelum.get("output_type") == "stream"
                and sebelum.get("name") == o.get("name")
            ):
                sebelum["text"] = sebelum["text"] + o["text"]
            else:
                hasil.append(o)
        sel["outputs"] = hasil
    return nb


def _nomor_sel_galat(nb: NotebookNode) -> int:
    kode = [s for s in nb.cells if s.cell_type == "code"]
    for i, sel in enumerate(kode, start=1):
        if any(k.get("output_type") == "error" for k in sel.get("outputs", [])):
            return i
    return _nomor_sel_terakhir(nb)


def _nomor_sel_terakhir(nb: NotebookNode) -> int:
    kode = [s for s in nb.cells if s.cell_type == "code"]
    dijalankan = [i for i, s in enumerate(kode, start=1) if s.get("execution_count")]
    return (dijalankan[-1] + 1) if dijalankan else 1


def pilih_berkas(berkas: Iterable[Path], pilih: Iterable[str] = ()) -> list[Path]:
    """Saring notebook menurut nama: ``"03"`` memilih ``03_…``, ``"03_x"`` atau ``"03_x.ipynb"`` tepat."""
    pilih = [p.strip() for p in pilih if p.strip()]
    hasil = []
    for b in sorted(berkas):
        if not pilih or any(
            b.name == p or b.stem == p or b.name.startswith(p + "_") for p in pilih
        ):
            hasil.append(b)
    return hasil


def segarkan(
    proyek: Path | None = None,
    pilih: Iterable[str] = (),
    batas_waktu: int = 600,
    lapor: Callable[[str], None] | None = print,
) -> list[Path]:
    """Jalankan ulang notebook di ``notebooks/`` dan ``solutions/`` dan simpan keluarannya.

    Satu notebook yang gagal tidak menghentikan yang lain; di akhir, semua kegagalan
    dilaporkan sekaligus sebagai ``GalatP3PD`` (berkas yang gagal tidak diubah).
    ``pilih`` membatasi ke nama tertentu (lihat ``pilih_berkas``). Mengembalikan berkas yang
    berhasil disegarkan.
    """
    from babel.numbers import format_decimal

    proyek = Path(proyek) if proyek is not None else folder_proyek()
    semua = [b for nama in FOLDER_DIJALANKAN for b in sorted((proyek / nama).glob("*.ipynb"))]
    daftar = pilih_berkas(semua, pilih)
    daftar.sort(key=lambda b: (FOLDER_DIJALANKAN.index(b.parent.name), b.name))
    if not daftar:
        raise GalatP3PD(f"Tidak ada notebook yang cocok di {', '.join(FOLDER_DIJALANKAN)}/.")
    berhasil, gagal = [], []
    for b in daftar:
        nama = f"{b.parent.name}/{b.name}"
        mulai = time.perf_counter()
        try:
            jalankan_notebook(b, batas_waktu=batas_waktu)
        except GalatP3PD as galat:
            gagal.append(str(galat))
            if lapor:
                lapor(f"GAGAL   {nama}")
            continue
        berhasil.append(b)
        if lapor:
            detik = format_decimal(time.perf_counter() - mulai, format="#,##0.0", locale="id_ID")
            lapor(f"selesai {nama} ({detik} detik)")
    if gagal:
        raise GalatP3PD(
            f"{len(gagal)} notebook gagal dijalankan (berkasnya tidak diubah):\n- "
            + "\n- ".join(gagal)
        )
    return berhasil
