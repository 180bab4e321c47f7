"""Menulis berkas secara atomik: pembaca tidak pernah melihat berkas setengah jadi.

Isi ditulis ke berkas sementara tersembunyi di folder yang sama
(``.NAMA.<pid>.<acak>.tmp``), disimpan ke disk, lalu menggantikan berkas tujuan sekaligus
dengan ``os.replace``. Bila penulisan terputus (galat, Ctrl-C), berkas sementara dihapus dan
berkas tujuan tidak tersentuh. Proses yang dibunuh paksa (``kill -9``) tidak sempat menghapus
berkas sementaranya; ``bersihkan_sementara`` menghapus sisa seperti itu dengan aman (hanya
berkas berpola nama di atas, dan hanya bila prosesnya sudah mati).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import secrets
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

POLA_SEMENTARA = re.compile(r"^\.(?P<nama>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
"""Pola nama berkas sementara (untuk membersihkan sisa proses yang mati mendadak)."""


def tulis_atomik(tujuan: str | Path, isi: str | bytes | Callable[[IO[bytes]], Any]) -> Path:
    """Tulis ``isi`` ke ``tujuan`` lewat berkas sementara di folder yang sama, lalu ``os.replace``.

    ``isi`` berupa teks (ditulis UTF-8 apa adanya, tanpa mengubah akhir baris), bita, atau
    fungsi yang menulis ke berkas biner yang terbuka. Folder tujuan dibuat bila belum ada.
    Sisa berkas sementara untuk tujuan yang sama dari proses yang sudah mati (``kill -9``)
    dihapus lebih dulu. Mengembalikan ``tujuan``.
    """
    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    _bersihkan_sisa_tujuan(tujuan)
    sementara = tujuan.with_name(f".{tujuan.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(sementara, "xb") as f:
            if callable(isi):
                isi(f)
            else:
                f.write(isi.encode("utf-8") if isinstance(isi, str) else isi)
            f.flush()
            os.fsync(f.fileno())
        os.replace(sementara, tujuan)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(sementara)
        raise
    return tujuan


def _awal_proses(pid: int) -> float | None:
    """Waktu (epoch) proses ``pid`` dimulai, dari /proc (Linux); ``None`` bila tidak diketahui."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        detak = int(stat.rsplit(")", 1)[1].split()[19])
        boot = next(
            int(b.split()[1])
            for b in Path("/proc/stat").read_text().splitlines()
            if b.startswith("btime ")
        )
        return boot + detak / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _milik_proses_hidup(pid: int, waktu_berkas: float) -> bool:
    """Benar bila proses ``pid`` masih hidup dan sudah ada saat berkas itu ditulis.

    Nomor proses dipakai ulang (terutama di kontainer): proses hidup yang baru dimulai *sesudah*
    berkas ditulis bukan pemiliknya, jadi berkas itu sisa proses lama yang sudah mati.
    """
    if pid == os.getpid():
        awal = _awal_proses(pid)
        return awal is None or awal <= waktu_berkas + 1
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    awal = _awal_proses(pid)
    return awal is None or awal <= waktu_berkas + 1


def _bersihkan_sisa_tujuan(tujuan: Path) -> None:
    """Hapus sisa berkas sementara untuk ``tujuan`` yang sama dari proses yang sudah mati."""
    if os.name != "posix":
        return
    for berkas in tujuan.parent.glob(f".{glob.escape(tujuan.name)}.*.tmp"):
        cocok = POLA_SEMENTARA.match(berkas.name)
        if not cocok or cocok["nama"] != tujuan.name:
            continue
        with contextlib.suppress(OSError):
            if not _milik_proses_hidup(int(cocok["pid"]), berkas.stat().st_mtime):
                berkas.unlink()


def bersihkan_sementara(folder: str | Path, pid: Iterable[int] | None = None) -> list[Path]:
    """Hapus berkas sementara ``tulis_atomik`` yang ditinggalkan proses yang sudah mati.

    Hanya berkas berpola ``POLA_SEMENTARA`` di ``folder`` (tidak masuk subfolder). Bila ``pid``
    diberikan, sisa proses-proses itu dihapus tanpa syarat (dipakai setelah menghentikan pekerja
    sendiri). Tanpa ``pid``: dihapus bila prosesnya sudah mati, atau nomor prosesnya kini dipakai
    proses lain yang dimulai sesudah berkas itu ditulis. Hanya di POSIX. Mengembalikan daftar
    berkas yang dihapus.
    """
    folder = Path(folder)
    if os.name != "posix" or not folder.is_dir():
        return []
    sasaran = set(pid) if pid is not None else None
    dihapus = []
    for berkas in folder.glob(".*.tmp"):
        cocok = POLA_SEMENTARA.match(berkas.name)
        if not cocok or not berkas.is_file():
            continue
        p = int(cocok["pid"])
        try:
            waktu = berkas.stat().st_mtime
        except OSError:
            continue
        if sasaran is not None:
            hapus = p in sasaran
        else:
            hapus = not _milik_proses_hidup(p, waktu) or waktu < time.time() - 7 * 24 * 3600
        if hapus:
            with contextlib.suppress(OSError):
                berkas.unlink()
                dihapus.append(berkas)
    return dihapus
