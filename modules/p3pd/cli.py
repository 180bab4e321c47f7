"""Perintah baris ``p3pd``: memeriksa data, meringkas, membuat data latihan, latihan, dan handout.

Setiap sub-perintah tinggal di modulnya sendiri, yang menyediakan ``daftar_argumen(parser)``
dan ``jalankan(args) -> int``. Galat untuk pengguna (``GalatP3PD``) ditampilkan sebagai pesan
berbahasa Indonesia, tanpa traceback, dengan kode keluar bukan nol.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from p3pd.galat import GalatP3PD

# nama sub-perintah → (modul, keterangan singkat)
SUB_PERINTAH: dict[str, tuple[str, str]] = {
    "periksa": ("p3pd.periksa", "memeriksa berkas data (CSV/XLSX) dan menjelaskan kesalahannya"),
    "ringkasan": (
        "p3pd.ringkasan",
        "memeriksa seluruh data latihan dan mencetak ringkasan capaian",
    ),
    "data": ("p3pd.sintetis", "membuat ulang data latihan sintetis (benih tetap)"),
    "latihan": ("p3pd.latihan", "membuat notebook latihan dari notebook solusi"),
    "handout": ("p3pd.handout_cli", "membangun handout per provinsi/kecamatan (HTML dan PDF)"),
    "impor": (
        "p3pd.impor.perintah",
        "berkas publik (Podes, IDM, ekspor Siskeudes, …) ke template data sendiri",
    ),
    "tes": ("p3pd.tes_perintah", "tes awal/akhir: formulir cetak, jawaban kertas, dan rekap"),
    "kurikulum": ("p3pd.kurikulum", "jadwal empat hari dari kurikulum; tabel jadwal README"),
    "panduan": ("p3pd.panduan", "membangun panduan pelatih (HTML dan PDF A4)"),
    "kerja": ("p3pd.kerja", "membuka notebook pelajaran atas data sendiri untuk satu kecamatan"),
}


class _FormatBantuan(argparse.RawDescriptionHelpFormatter):
    """Format bantuan dengan awalan berbahasa Indonesia."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(
            usage, actions, groups, "Penggunaan: " if prefix is None else prefix
        )


_TERJEMAHAN = (
    ("the following arguments are required", "argumen berikut wajib diisi"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("invalid choice", "pilihan tidak sah"),
    ("choose from", "pilih dari"),
    ("expected one argument", "perlu satu nilai"),
    ("invalid int value", "bukan bilangan bulat"),
    ("not allowed with argument", "tidak boleh bersama argumen"),
)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser yang menulis pesan galatnya dalam bahasa Indonesia."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _FormatBantuan)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"

    def error(self, message: str) -> NoReturn:
        """Cetak cara pakai dan pesan galat berbahasa Indonesia, lalu keluar dengan kode 2."""
        for asli, terjemahan in _TERJEMAHAN:
            message = message.replace(asli, terjemahan)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="p3pd",
        description=(
            "Alat bantu pelatihan aparatur kecamatan P3PD sub-komponen 1D.\n"
            "Data latihan bersifat sintetis (bukan data desa sungguhan)."
        ),
        epilog="Bantuan tiap perintah: p3pd PERINTAH --help",
    )
    sub = parser.add_subparsers(dest="perintah", metavar="PERINTAH", title="perintah")
    for nama, (modul, bantuan) in SUB_PERINTAH.items():
        p = sub.add_parser(nama, help=bantuan, description=bantuan)
        p.set_defaults(_modul=modul)
        importlib.import_module(modul).daftar_argumen(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Titik masuk perintah ``p3pd``; mengembalikan kode keluar.

    Galat pengguna dicetak tanpa traceback (kode 2); Ctrl-C memberi kode 130; pipa yang ditutup
    pembacanya (``p3pd ringkasan | head``) diakhiri dengan tenang.
    """
    try:
        return _main(argv)
    except BrokenPipeError:
        _buang_keluaran()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "perintah", None):
        parser.print_help()
        return 2
    try:
        kode = int(importlib.import_module(args._modul).jalankan(args) or 0)
        sys.stdout.flush()
        return kode
    except GalatP3PD as galat:
        with contextlib.suppress(BrokenPipeError):
            print(f"PESAN KESALAHAN: {galat}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        with contextlib.suppress(BrokenPipeError):
            print("Dihentikan oleh pengguna.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Pembaca keluaran sudah berhenti (mis. `p3pd ringkasan | head`): bukan galat. Arahkan
        # sisa keluaran ke /dev/null agar Python tidak mencetak galat saat menutup stdout.
        _buang_keluaran()
        return 0


def _buang_keluaran() -> None:
    """Arahkan stdout ke /dev/null (setelah pipa ditutup pembacanya)."""
    with contextlib.suppress(OSError, ValueError):
        kosong = os.open(os.devnull, os.O_WRONLY)
        os.dup2(kosong, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
