"""Perintah ``p3pd kerja``: notebook pelajaran di atas data sendiri, untuk satu kecamatan.

``p3pd kerja --data FOLDER --kecamatan NAMA [--tahun T] [--folder-kerja DIR] [--tanpa-buka]``

1. Folder data diperiksa lewat pemuat yang sama dengan notebook (``p3pd.muat.muat_folder``;
   hanya daftar desa yang wajib ada).
2. Kecamatan dicari di daftar desa pengguna itu sendiri (``wilayah.cari_kecamatan(...,
   data=...)``), jadi kecamatan mana pun di Indonesia dapat dipilih.
3. Tahun: yang diberikan, atau tahun terakhir di data.
4. Salinan notebook pelajaran (``notebooks/01``–``09`` yang punya sel ``parameters``) ditulis ke
   folder kerja (bawaan ``kerja_saya/<kecamatan>/``) dengan parameter ``KECAMATAN``, ``TAHUN``
   dan ``DATA`` disisipkan (cara papermill, tanpa menjalankan), keluaran dikosongkan (keluaran
   dari data latihan tidak boleh tampil di samping data sendiri), dan satu sel spanduk di atas:
   label data dan pengingat bahwa angka di teks ditulis untuk data latihan.
5. Salinan yang sudah ada tidak pernah ditimpa (bisa berisi pekerjaan peserta).
6. Kecuali ``--tanpa-buka``: JupyterLab dijalankan di folder kerja dengan ``P3PD_DATA``
   menunjuk folder data.

Berkas di folder data tidak pernah diubah.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from p3pd.galat import GalatP3PD
from p3pd.lokasi import folder_proyek

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from nbformat import NotebookNode

TAG_SPANDUK = "kerja-spanduk"
"""Tag sel markdown spanduk yang ditambahkan di atas setiap salinan."""

POLA_PELAJARAN = re.compile(r"^(0[1-9])_.+\.ipynb$")
"""Notebook pelajaran yang disalin: 01–09 (00 dan templat handout tidak)."""

PENGINGAT_ANGKA = (
    "Angka yang disebut dalam teks notebook ini ditulis untuk data latihan sintetis dan bisa "
    "berbeda dari tabel yang dihitung notebook dari data Anda. Yang berlaku adalah tabel dan "
    "grafik hasil perhitungan; bagian yang tabelnya tidak ada di data Anda menampilkan "
    '"tidak ada data".'
)


@dataclass
class HasilKerja:
    """Hasil ``siapkan_kerja``: folder kerja dan salinan yang ditulis atau dipertahankan."""

    folder: Path
    data: Path
    kecamatan: str
    kode_kecamatan: str
    tahun: int
    ditulis: list[Path] = field(default_factory=list)
    dipertahankan: list[Path] = field(default_factory=list)
    tanpa_data: list[str] = field(default_factory=list)
    """Notebook yang sel ``parameters``-nya belum punya ``DATA`` (membaca data dari P3PD_DATA)."""
    asal_tahun: str = ""
    """Dari mana tahun dipilih (mis. "tahun terakhir di indikator_desa.csv untuk kecamatan ini")."""


def slug(nama: str) -> str:
    """Nama folder dari nama kecamatan: huruf kecil, selain huruf/angka menjadi ``_``."""
    hasil = re.sub(r"[^0-9a-z]+", "_", nama.lower()).strip("_")
    return hasil or "kecamatan"


def notebook_pelajaran(proyek: Path | None = None) -> list[Path]:
    """Notebook pelajaran ``notebooks/01``–``09`` yang punya sel bertag ``parameters``."""
    from p3pd.notebook import baca_notebook

    folder = (Path(proyek) if proyek is not None else folder_proyek()) / "notebooks"
    hasil = []
    for berkas in sorted(folder.glob("*.ipynb")):
        if not POLA_PELAJARAN.match(berkas.name):
            continue
        nb = baca_notebook(berkas)
        if _sel_parameter(nb) is not None:
            hasil.append(berkas)
    return hasil


def _sel_parameter(nb: NotebookNode):  # -> NotebookNode | None
    for sel in nb.cells:
        if sel.cell_type == "code" and "parameters" in sel.metadata.get("tags", []):
            return sel
    return None


def _baris_kecamatan(tabel: pd.DataFrame, kode_kecamatan: str) -> pd.DataFrame | None:
    """Baris ``tabel`` untuk satu kecamatan (menurut kode desa/kecamatan); ``None`` bila tabel
    itu tidak berkode desa atau kecamatan."""
    if "kode_desa" in tabel.columns:
        kode = tabel["kode_desa"].astype(str).str.strip()
        return tabel[kode.str.startswith(kode_kecamatan + ".")]
    if "kode_kecamatan" in tabel.columns:
        return tabel[tabel["kode_kecamatan"].astype(str).str.strip() == kode_kecamatan]
    return None


def pilih_tahun(
    data: dict[str, pd.DataFrame], kode_kecamatan: str | None = None
) -> tuple[int, str] | None:
    """Tahun terakhir dan tabel yang menentukannya: ``(tahun, nama_tabel)`` atau ``None``.

    Dengan ``kode_kecamatan`` hanya baris kecamatan itu yang dihitung (APBDes desa kecamatan
    lain di folder yang sama tidak menentukan tahun). Tabel indikator didahulukan; bila
    indikator tidak punya baris kecamatan itu, tahun terakhir di antara tabel lain yang punya.
    Bila tidak ada: tabel tanpa kode desa/kecamatan (mis. program OPD), lalu tabel mana pun.
    """
    hasil = _pilih_tahun(data, kode_kecamatan)
    return None if hasil is None else (hasil[0], hasil[1])


def _pilih_tahun(
    data: dict[str, pd.DataFrame], kode_kecamatan: str | None
) -> tuple[int, str, str] | None:
    """Seperti :func:`pilih_tahun`, ditambah caranya: ``kecamatan``, ``tanpa_kode``, ``lain``."""
    import pandas as pd

    def tahun_tabel(nama: str, cara: str) -> int | None:
        tabel = data.get(nama)
        if tabel is None or "tahun" not in tabel.columns:
            return None
        if kode_kecamatan is not None and cara != "lain":
            sub = _baris_kecamatan(tabel, kode_kecamatan)
            if (sub is None) != (cara == "tanpa_kode"):
                return None
            tabel = tabel if sub is None else sub
        tahun = pd.to_numeric(tabel["tahun"], errors="coerce").dropna()
        return int(tahun.max()) if len(tahun) else None

    urutan = list(data)
    for cara in ("kecamatan", "tanpa_kode", "lain") if kode_kecamatan is not None else ("lain",):
        t = tahun_tabel("indikator", cara)
        if t is not None:
            return t, "indikator", cara
        calon = [
            (t, nama)
            for nama in urutan
            if nama != "indikator" and (t := tahun_tabel(nama, cara)) is not None
        ]
        if calon:
            t, nama = max(calon, key=lambda c: (c[0], -urutan.index(c[1])))
            return t, nama, cara
    return None


def tahun_terakhir(data: dict[str, pd.DataFrame], kode_kecamatan: str | None = None) -> int | None:
    """Tahun terakhir di data (lihat :func:`pilih_tahun`); ``None`` bila tidak ada tahun."""
    hasil = pilih_tahun(data, kode_kecamatan)
    return None if hasil is None else hasil[0]


def _asal_tahun(tabel: pd.DataFrame, nama: str, cara: str) -> str:
    """Kalimat asal tahun terpilih, untuk layar ``p3pd kerja``."""
    from p3pd import skema

    berkas = Path(str(tabel.attrs.get("berkas") or skema.SEMUA_TABEL[nama].berkas)).name
    if cara == "kecamatan":
        return f"tahun terakhir di {berkas} untuk kecamatan ini"
    if cara == "tanpa_kode":
        return (
            f"tahun terakhir di {berkas}; tabel berkode desa tidak punya tahun untuk kecamatan ini"
        )
    return (
        f"tahun terakhir di {berkas}, dari desa kecamatan lain: tidak ada tabel bertahun untuk "
        "kecamatan ini; pilih tahun lain dengan --tahun bila perlu"
    )


def spanduk(teks_label: str, kecamatan: str, tahun: int) -> str:
    """Isi sel spanduk salinan: label data, kecamatan dan tahun, dan pengingat angka di teks."""
    return (
        "> **Salinan untuk data sendiri — Kecamatan "
        f"{kecamatan}, tahun {tahun}.**\n>\n"
        f"> {teks_label}\n>\n"
        f"> {PENGINGAT_ANGKA}"
    )


def buat_salinan(
    nb: NotebookNode, parameter: dict[str, object], teks_spanduk: str, akar: str = ".."
) -> NotebookNode:
    """Salinan notebook: parameter disisipkan (papermill), keluaran kosong, spanduk di atas.

    Jalur relatif di sel kode yang ditulis dari ``notebooks/`` (``"../data/…"``) diganti agar
    tetap menunjuk berkas yang sama dari folder salinan (``akar`` = jalur akar proyek dilihat
    dari folder salinan).
    """
    import nbformat
    from papermill.parameterize import parameterize_notebook

    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    nb.metadata.setdefault("kernelspec", {"name": "python3", "language": "python"})
    nb.metadata["kernelspec"].setdefault("language", "python")
    nb.metadata["papermill"] = {}  # papermill mencatat parameter di sini (dibuang lagi di bawah)
    for sel in nb.cells:
        sel.metadata.setdefault("tags", [])  # papermill membaca tag setiap sel
    nb = parameterize_notebook(nb, parameter, comment="Parameter dari p3pd kerja")
    nb.metadata.pop("papermill", None)
    for sel in nb.cells:
        if sel.cell_type == "code":
            if akar != "..":
                sel.source = re.sub(
                    r"""(["'])\.\./""", lambda m: f"{m.group(1)}{akar}/", sel.source
                )
            sel.outputs = []
            sel.execution_count = None
        sel.metadata.pop("papermill", None)
        sel.metadata.pop("execution", None)
    atas = nbformat.v4.new_markdown_cell(teks_spanduk)
    atas.metadata["tags"] = [TAG_SPANDUK]
    nb.cells.insert(0, atas)
    return nb


def siapkan_kerja(
    data: str | Path,
    kecamatan: str,
    tahun: int | None = None,
    folder_kerja: str | Path | None = None,
    proyek: Path | None = None,
) -> HasilKerja:
    """Periksa data, cari kecamatan dan tahun, lalu tulis salinan notebook ke folder kerja.

    Salinan yang sudah ada dipertahankan (tidak ditimpa). Galat pengguna (folder tidak ada,
    data tidak sah, kecamatan tidak ada di daftar desa) menjadi ``GalatP3PD`` berbahasa
    Indonesia. Folder data hanya dibaca.
    """
    from p3pd import wilayah
    from p3pd.label import label_data
    from p3pd.muat import muat_folder
    from p3pd.notebook import baca_notebook, rapikan_metadata, tulis_notebook

    folder_data = Path(data).expanduser()
    if not folder_data.is_dir():
        raise GalatP3PD(
            f"Folder data '{folder_data}' tidak ditemukan (atau bukan folder). Sebutkan folder "
            "yang berisi wilayah_desa.csv dan tabel lain, mis. hasil `p3pd impor`."
        )
    folder_data = folder_data.resolve()
    tabel = muat_folder(folder_data)
    kec = wilayah.cari_kecamatan(kecamatan, data=tabel["wilayah"])
    asal_tahun = "dipilih dengan --tahun"
    if tahun is None:
        pilihan = _pilih_tahun(tabel, kec.kode)
        if pilihan is None:
            raise GalatP3PD(
                f"Data di '{folder_data}' tidak punya kolom tahun yang terisi; sebutkan tahunnya "
                "dengan --tahun, mis. --tahun 2024."
            )
        tahun, nama_tabel, cara = pilihan
        asal_tahun = _asal_tahun(tabel[nama_tabel], nama_tabel, cara)
    label = label_data(folder_data)
    tujuan = (
        Path(folder_kerja).expanduser()
        if folder_kerja is not None
        else (Path(proyek) if proyek is not None else folder_proyek())
        / "kerja_saya"
        / slug(kec.nama)
    )
    daftar = notebook_pelajaran(proyek)
    if not daftar:
        raise GalatP3PD("Tidak ada notebook pelajaran dengan sel 'parameters' di notebooks/.")
    try:
        tujuan.mkdir(parents=True, exist_ok=True)
    except OSError as galat:
        raise GalatP3PD(f"Folder kerja '{tujuan}' tidak dapat dibuat: {galat.strerror}.") from galat
    hasil = HasilKerja(
        tujuan.resolve(), folder_data, kec.nama, kec.kode, int(tahun), asal_tahun=asal_tahun
    )
    parameter = {"KECAMATAN": kec.nama, "TAHUN": int(tahun), "DATA": str(folder_data)}
    teks = spanduk(label.keterangan, kec.nama, int(tahun))
    for berkas in daftar:
        salinan = tujuan / berkas.name
        nb = baca_notebook(berkas)
        if "DATA" not in _sel_parameter(nb).source:
            hasil.tanpa_data.append(berkas.name)
        if salinan.exists():
            hasil.dipertahankan.append(salinan)
            continue
        akar = Path(os.path.relpath(berkas.parent.parent, tujuan.resolve())).as_posix()
        baru = rapikan_metadata(buat_salinan(nb, parameter, teks, akar))
        try:
            tulis_notebook(baru, salinan)
        except OSError as galat:
            raise GalatP3PD(
                f"Salinan '{salinan}' tidak dapat ditulis: {galat.strerror}."
            ) from galat
        hasil.ditulis.append(salinan)
    return hasil


def laporan(hasil: HasilKerja) -> str:
    """Teks untuk layar: apa yang ditulis, apa yang dipertahankan, dan cara membukanya."""
    baris = [
        f"Kecamatan {hasil.kecamatan} ({hasil.kode_kecamatan}), tahun {hasil.tahun}"
        + (f" ({hasil.asal_tahun})" if hasil.asal_tahun else "")
        + f"; data: {hasil.data}",
        f"Folder kerja: {hasil.folder}",
    ]
    for b in hasil.ditulis:
        baris.append(f"  ditulis        {b.name}")
    for b in hasil.dipertahankan:
        baris.append(
            f"  sudah ada      {b.name} (tidak ditimpa; hapus atau ganti namanya untuk salinan baru)"
        )
    if hasil.tanpa_data:
        baris.append(
            "Catatan: notebook berikut belum membaca parameter DATA dan memakai data dari "
            "P3PD_DATA: " + ", ".join(hasil.tanpa_data)
        )
    baris.append(
        "Membuka lagi nanti (salinan yang ada tidak ditimpa): "
        f'p3pd kerja --data "{hasil.data}" --kecamatan "{hasil.kecamatan}" '
        f'--tahun {hasil.tahun} --folder-kerja "{hasil.folder}"'
    )
    baris.append(f"Hasil ekspor notebook (Excel, PDF) tersimpan di {folder_ekspor(hasil)}")
    return "\n".join(baris)


def folder_ekspor(hasil: HasilKerja) -> Path:
    """Folder hasil ekspor salinan: ``kerja_saya/`` di dalam folder kerja (``P3PD_KERJA``)."""
    return hasil.folder / "kerja_saya"


def buka_lab(hasil: HasilKerja) -> int:
    """Jalankan JupyterLab (Python ini) di folder kerja dengan ``P3PD_DATA`` = folder data.

    ``P3PD_KERJA`` menunjuk :func:`folder_ekspor`, sehingga buku kerja yang diekspor salinan
    ("Tersimpan: kerja_saya/…") berada di samping salinannya, bukan di kerja_saya/ latihan.
    """
    lingkungan = dict(os.environ, P3PD_DATA=str(hasil.data), P3PD_KERJA=str(folder_ekspor(hasil)))
    try:
        return subprocess.call(
            [sys.executable, "-m", "jupyterlab"], cwd=hasil.folder, env=lingkungan
        )
    except KeyboardInterrupt:
        return 0
    except OSError as galat:
        raise GalatP3PD(f"JupyterLab tidak dapat dijalankan: {galat.strerror}.") from galat


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Argumen ``p3pd kerja``."""
    parser.description = (
        "Menyalin notebook pelajaran 01–09 ke folder kerja untuk satu kecamatan di data Anda "
        "sendiri (parameter KECAMATAN, TAHUN, DATA terisi; keluaran data latihan dikosongkan), "
        "lalu membuka JupyterLab di folder itu. Salinan yang sudah ada tidak ditimpa."
    )
    parser.add_argument(
        "--data",
        required=True,
        metavar="FOLDER",
        help="folder data sendiri (minimal wilayah_desa.csv)",
    )
    parser.add_argument(
        "--kecamatan",
        required=True,
        metavar="NAMA",
        help="nama atau kode kecamatan di daftar desa data itu",
    )
    parser.add_argument(
        "--tahun", type=int, metavar="T", help="tahun data (bawaan: tahun terakhir di data)"
    )
    parser.add_argument(
        "--folder-kerja", metavar="DIR", help="folder salinan (bawaan: kerja_saya/<kecamatan>/)"
    )
    parser.add_argument(
        "--tanpa-buka", action="store_true", help="hanya menulis salinan, tidak membuka JupyterLab"
    )


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd kerja``; galat pengguna menjadi ``GalatP3PD``."""
    hasil = siapkan_kerja(args.data, args.kecamatan, args.tahun, args.folder_kerja)
    print(laporan(hasil))
    if args.tanpa_buka:
        return 0
    print("Membuka JupyterLab (hentikan dengan Ctrl-C)…", flush=True)
    return buka_lab(hasil)
