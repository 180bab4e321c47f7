"""Letak folder proyek dan data, terlepas dari folder kerja pemanggil."""

from __future__ import annotations

import os
from pathlib import Path

_PAKET = Path(__file__).resolve().parent


def folder_referensi() -> Path:
    """Folder berkas referensi yang ikut terpasang bersama paket (kode wilayah, sub-bidang)."""
    return _PAKET / "referensi"


def folder_proyek() -> Path:
    """Akar repositori kurikulum (folder yang berisi ``data/`` dan ``notebooks/``)."""
    return _PAKET.parents[1]


def folder_data() -> Path:
    """Folder data latihan. Variabel lingkungan ``P3PD_DATA`` dapat menunjuk folder lain."""
    lain = os.environ.get("P3PD_DATA")
    return Path(lain).expanduser().resolve() if lain else folder_proyek() / "data"
