"""Menulis berkas secara atomik: pembaca tidak pernah melihat berkas setengah jadi.

Isi ditulis ke berkas sementara tersembunyi di folder yang sama
(``.NAMA.<pid>.<acak>.tmp``), disimpan ke disk, lalu menggantikan berkas tujuan sekaligus
dengan ``os.replace``. Bila penulisan terputus (galat, Ctrl-C), berkas sementara dihapus dan
berkas tujuan tidak tersentuh.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

POLA_SEMENTARA = re.compile(r"^\.(?P<nama>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
"""Pola nama berkas sementara (untuk membersihkan sisa proses yang mati mendadak)."""


def tulis_atomik(tujuan: str | Path, isi: str | bytes | Callable[[IO[bytes]], Any]) -> Path:
    """Tulis ``isi`` ke ``tujuan`` lewat berkas sementara di folder yang sama, lalu ``os.replace``.

    ``isi`` berupa teks (ditulis UTF-8 apa adanya, tanpa mengubah akhir baris), bita, atau
    fungsi yang menulis ke berkas biner yang terbuka. Folder tujuan dibuat bila belum ada.
    Mengembalikan ``tujuan``.
    """
    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
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
