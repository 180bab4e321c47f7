"""Sub-perintah ``p3pd periksa``: memeriksa satu berkas data (CSV/XLSX) dan menjelaskan hasilnya.

Contoh di terminal::

    p3pd periksa data_desa_kami.xlsx
    p3pd periksa belanja_2024.csv --tabel belanja

Bila berkas bermasalah, semua masalahnya dicetak sekaligus (kolom dan nomor baris seperti di
Excel) dan perintah keluar dengan kode 2. Berkas asli tidak pernah diubah.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from p3pd.galat import DataTidakValid
from p3pd.skema import TABEL_DIKENAL

__all__ = ["daftar_argumen", "jalankan", "tebak_tabel", "laporan_periksa"]


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan argumen sub-perintah ``periksa``."""
    parser.add_argument("berkas", metavar="BERKAS", help="berkas CSV atau XLSX yang diperiksa")
    parser.add_argument(
        "--tabel",
        metavar="NAMA",
        default=None,
        help="jenis tabel: " + ", ".join(TABEL_DIKENAL) + " (bila kosong, ditebak dari nama "
        "berkas atau judul kolomnya)",
    )
    parser.add_argument(
        "--wilayah-dikenal",
        action="store_true",
        help="kode kecamatan/kabupaten juga harus termasuk empat kabupaten wilayah latihan",
    )


def tebak_tabel(berkas: str | Path) -> tuple[str, str]:
    """Tebak jenis tabel sebuah berkas dari judul kolom dan namanya; kembalikan (nama, alasan).

    Menimbulkan ``DataTidakValid`` bila tidak ada tabel yang cukup cocok.
    """
    from p3pd import muat

    judul = set(muat.baca_judul_kolom(berkas))
    kata = set(re.split(r"[^0-9a-z]+", Path(berkas).stem.lower()))
    stem = Path(berkas).stem.lower()
    calon = []
    for nama, tabel in TABEL_DIKENAL.items():
        cocok_kolom = len(judul & set(tabel.nama_kolom)) / len(tabel.nama_kolom)
        cocok_nama = nama in kata or stem == Path(tabel.berkas).stem
        calon.append((cocok_kolom + (0.5 if cocok_nama else 0.0), cocok_kolom, cocok_nama, nama))
    calon.sort(reverse=True)
    skor, cocok_kolom, cocok_nama, nama = calon[0]
    if cocok_kolom < 0.5 and not cocok_nama:
        raise DataTidakValid(
            "jenis tabel tidak dapat ditebak dari nama berkas maupun judul kolomnya. Sebutkan "
            "dengan --tabel NAMA (pilihan: " + ", ".join(TABEL_DIKENAL) + ").",
            berkas=str(berkas),
        )
    persen = round(cocok_kolom * 100)
    if cocok_nama and cocok_kolom >= 0.5:
        alasan = f"ditebak dari nama berkas dan judul kolom; {persen}% kolom skema ada"
    elif cocok_nama:
        alasan = "ditebak dari nama berkas"
    else:
        alasan = f"ditebak dari judul kolom; {persen}% kolom skema ada"
    return nama, alasan


def laporan_periksa(
    berkas: str | Path, tabel: str | None = None, *, wilayah_dikenal: bool = False
) -> str:
    """Periksa satu berkas dan kembalikan laporan berbahasa Indonesia bila berkas dapat dipakai.

    Bila berkas bermasalah, menimbulkan ``DataTidakValid`` yang mendaftar semua masalahnya.
    """
    from p3pd import muat
    from p3pd.format import angka

    if tabel is None:
        tabel, alasan = tebak_tabel(berkas)
    else:
        alasan = "dipilih dengan --tabel"
    # Nama tabel yang salah menimbulkan DataTidakValid dengan usulan nama yang mirip.
    data = muat.muat_tabel(tabel, berkas, wilayah_dikenal=wilayah_dikenal)
    skema_tabel = TABEL_DIKENAL[tabel]
    tambahan = [k for k in data.columns if k not in skema_tabel.nama_kolom]
    tidak_ada = list(data.attrs.get("kolom_tidak_tersedia", []))
    catatan = data.attrs.get("catatan_muat", [])
    di_berkas = data.shape[1] - len(tidak_ada)
    baris = [
        f"Pemeriksaan berkas : {berkas}",
        f"Tabel              : {tabel} — {skema_tabel.judul}",
        f"Pilihan tabel      : {alasan}",
        f"Baris data         : {angka(len(data))}",
        f"Kolom              : {angka(di_berkas)} ({angka(di_berkas - len(tambahan))} "
        f"sesuai skema, {angka(len(tambahan))} tambahan"
        + (f"; {angka(len(tidak_ada))} kolom skema tidak tersedia" if tidak_ada else "")
        + ")",
    ]
    if tambahan:
        daftar = ", ".join(tambahan[:20])
        if len(tambahan) > 20:
            daftar += f" … (dan {angka(len(tambahan) - 20)} lainnya)"
        baris.append(f"Kolom tambahan     : {daftar} (dibiarkan apa adanya)")
    if catatan:
        baris.append("Yang dirapikan     :")
        baris.extend(f"  - {c}" for c in catatan)
    else:
        baris.append("Yang dirapikan     : tidak ada; berkas sudah rapi.")
    peringatan = data.attrs.get("peringatan_muat", [])
    if peringatan:
        baris.append("Perhatian          :")
        baris.extend(f"  - {p}" for p in peringatan)
    baris.append(
        f"Hasil              : OK — berkas dapat dipakai, mis. dengan "
        f"p3pd.muat.muat_{tabel}({str(berkas)!r}). Berkas asli tidak diubah."
    )
    return "\n".join(baris)


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd periksa``: cetak laporan; galat data diteruskan ke ``p3pd.cli``."""
    print(laporan_periksa(args.berkas, args.tabel, wilayah_dikenal=args.wilayah_dikenal))
    return 0
