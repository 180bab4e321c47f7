"""Kernel Python hangat untuk ``p3pd handout``: satu kernel dipakai ulang untuk banyak handout.

Kernel dinyalakan sekali per proses pekerja (pandas, matplotlib, dan p3pd diimpor sekali);
sebelum setiap handout ruang namanya dikosongkan seperti ``%reset -f``. papermill menjalankan
notebook templat di kernel ini lewat mesin khusus yang tidak menyalakan atau mematikan kernel.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["KernelHangat", "daftarkan_mesin", "MESIN"]

MESIN = "p3pd-kernel-hangat"

# Kode yang dijalankan di kernel sebelum setiap handout: ruang nama pengguna dikosongkan,
# grafik inline, gaya matplotlib bawaan, folder kerja tetap. PNG dibuat dengan
# bbox_inches="tight" walaupun itu menggambar setiap grafik dua kali (±20 % waktu grafik): tanpa
# itu, teks di luar tata letak constrained (mis. label data sendiri yang panjang di pojok bawah)
# terpotong di tepi gambar. Modul yang sudah diimpor tetap
# tersimpan (sys.modules), jadi mengimpor ulang di notebook hampir tanpa biaya.
# Ruang nama dikosongkan seperti ``%reset -f`` (juga hasil sel ``_N`` yang disimpan IPython dan
# rujukan displayhook) tetapi tanpa gc.collect() penuh dan tanpa menyentuh riwayat (sqlite), yang
# di sini memakan ~0,3 detik per handout. Memori kernel tetap datar sepanjang batch.
_KODE_SETEL_ULANG = """\
import os as _os, matplotlib as _mpl, matplotlib.pyplot as _plt
_plt.close("all")
_mpl.style.use("default")
_os.chdir({cwd!r})
%config InlineBackend.print_figure_kwargs = {{"bbox_inches": "tight", "metadata": {{"Software": None}}}}
%matplotlib inline
def _kosongkan(ip=get_ipython()):
    import re
    ip.user_ns.get("Out", {{}}).clear()
    # _N (hasil sel ke-N) dan _iN (masukannya) didaftarkan IPython sebagai nama tersembunyi:
    # tanpa dihapus di sini, setiap grafik handout sebelumnya tetap hidup (±5 MB per handout).
    for nama in [n for n in ip.user_ns if re.fullmatch(r"_i?\\d+", n)]:
        del ip.user_ns[nama]
        ip.user_ns_hidden.pop(nama, None)
    tetap = set(ip.user_ns_hidden) | {{"__builtin__", "__builtins__", "__name__"}}
    for nama in [n for n in ip.user_ns if n not in tetap]:
        del ip.user_ns[nama]
    ip.displayhook._ = ip.displayhook.__ = ip.displayhook.___ = ""
    ip.user_ns.update({{"_": "", "__": "", "___": ""}})
_kosongkan()
"""

# Impor yang dibayar sekali per kernel (pemanasan).
_KODE_PEMANASAN = """\
import pandas, numpy, matplotlib.pyplot
try:
    import p3pd.laporan
except ImportError:
    pass
"""


def daftarkan_mesin() -> None:
    """Daftarkan mesin papermill yang memakai kernel (dan klien) yang sudah menyala."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class MesinKernelHangat(NBClientEngine):
        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man: Any,
            kernel_name: str,
            log_output: bool = False,
            stdout_file: Any = None,
            stderr_file: Any = None,
            start_timeout: int = 60,
            execution_timeout: int | None = None,
            km: Any = None,
            kc: Any = None,
            wadah: dict | None = None,
            **kwargs: Any,
        ) -> Any:
            if wadah is not None:
                wadah["nb_man"] = nb_man
            klien = PapermillNotebookClient(
                nb_man,
                km=km,
                timeout=execution_timeout,
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logging.getLogger("papermill"),
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            klien.kc = kc  # klien tidak menyalakan kernel baru dan tidak mematikannya
            return klien.execute()

    papermill_engines.register(MESIN, MesinKernelHangat)


class KernelHangat:
    """Satu kernel Python yang tetap menyala dan dipakai ulang untuk banyak handout.

    Kernel dinyalakan tanpa ``MPLBACKEND`` di lingkungannya (jebakan ``MPLBACKEND=Agg`` yang
    menghilangkan semua grafik) dan dengan folder kerja ``cwd`` (tidak bergantung pada folder
    kerja pemanggil).
    """

    def __init__(self, cwd: Path, batas_waktu: int = 600) -> None:
        from p3pd.notebook import kelas_kernel_lingkungan_ini

        self.cwd = Path(cwd).resolve()
        self.batas_waktu = batas_waktu
        self.km = kelas_kernel_lingkungan_ini()(kernel_name="python3")
        self.kc: Any = None
        self.jumlah_jalan = 0
        lingkungan = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
        lingkungan.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        # Keluaran kernel sendiri (mis. peringatan "running over TCP") tidak berguna bagi
        # pengguna; keluaran sel tetap tertangkap di notebook lewat saluran iopub.
        self._sinkron(self.km.start_kernel)(
            env=lingkungan, cwd=str(self.cwd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    @staticmethod
    def _sinkron(fungsi: Callable) -> Callable:
        from jupyter_core.utils import run_sync

        return run_sync(fungsi)

    def _klien(self) -> Any:
        if self.kc is None:
            kc = self.km.client()
            kc.start_channels()
            try:
                self._sinkron(kc.wait_for_ready)(timeout=120)
            except BaseException:
                kc.stop_channels()
                raise
            self.kc = kc
            self._jalankan_kode(_KODE_PEMANASAN)
        return self.kc

    def _jalankan_kode(self, kode: str) -> None:
        balasan = self._sinkron(self.kc.execute_interactive)(
            kode, store_history=False, timeout=self.batas_waktu, output_hook=lambda pesan: None
        )
        isi = balasan["content"]
        if isi.get("status") != "ok":
            raise RuntimeError(
                f"Kode persiapan kernel gagal: {isi.get('ename')}: {isi.get('evalue')}"
            )

    def siapkan(self) -> None:
        """Pastikan kernel hidup dan siap, lalu kosongkan ruang namanya untuk handout berikutnya."""
        for percobaan in (1, 2):
            try:
                if not self._sinkron(self.km.is_alive)():
                    self.nyalakan_ulang()
                self._klien()
                break
            except RuntimeError:
                # Kernel kadang mati saat baru menyala (mis. porta ZMQ sudah terpakai proses
                # lain): coba sekali lagi dengan kernel baru sebelum handout dianggap gagal.
                if percobaan == 2:
                    raise
                self.nyalakan_ulang()
        self._jalankan_kode(_KODE_SETEL_ULANG.format(cwd=str(self.cwd)))

    def nyalakan_ulang(self) -> None:
        """Matikan lalu nyalakan ulang kernel (setelah handout gagal, waktu habis, atau kernel mati)."""
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
            self.kc = None
        self._sinkron(self.km.restart_kernel)(now=True)

    def jalankan(
        self, templat: Path, parameter: dict[str, Any]
    ) -> tuple[Any, BaseException | None]:
        """Jalankan ``templat`` dengan ``parameter`` lewat papermill di kernel ini.

        Kembalikan ``(notebook_hasil, galat)``; ``galat`` ``None`` bila berhasil. Setelah
        galat apa pun, kernel dinyalakan ulang agar handout berikutnya mulai bersih.
        """
        import papermill

        self.siapkan()
        wadah: dict[str, Any] = {}
        self.jumlah_jalan += 1
        try:
            nb = papermill.execute_notebook(
                str(templat),
                None,
                parameters=parameter,
                engine_name=MESIN,
                kernel_name="python3",
                progress_bar=False,
                request_save_on_cell_execute=False,
                execution_timeout=self.batas_waktu,
                km=self.km,
                kc=self.kc,
                wadah=wadah,
            )
        except Exception as galat:
            nb_man = wadah.get("nb_man")
            with contextlib.suppress(Exception):
                self.nyalakan_ulang()
            return (nb_man.nb if nb_man is not None else None), galat
        return nb, None

    def tutup(self) -> None:
        """Matikan kernel dan tutup salurannya."""
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
            self.kc = None
        with contextlib.suppress(Exception):
            self._sinkron(self.km.shutdown_kernel)(now=True)
