"""Pasang setelan JupyterLab kurikulum ke lingkungan Python yang menjalankan skrip ini.

Menyalin ``labconfig/`` di samping skrip ini ke ``<sys.prefix>/etc/jupyter/labconfig/``:
pengumuman berita Jupyter dan cek pembaruan dimatikan (tidak ada notifikasi "Would you like
to get notified about official Jupyter news?" dan tidak ada permintaan ke internet), untuk
semua cara membuka JupyterLab di lingkungan itu (``make lab``, ``jupyter lab``, Binder).
Berkas setelan lain di folder itu tidak disentuh. Berjalan sama di Windows, macOS, dan Linux.

    python jupyter-config/pasang_setelan.py            # ke lingkungan python ini
    python jupyter-config/pasang_setelan.py --prefix P # ke lingkungan lain (folder prefix P)
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

SUMBER = Path(__file__).resolve().parent / "labconfig"


def pasang(prefix: Path) -> list[Path]:
    """Salin setiap berkas setelan ke ``prefix/etc/jupyter/labconfig``; kembalikan tujuannya."""
    tujuan_akar = Path(prefix) / "etc" / "jupyter" / "labconfig"
    hasil = []
    for berkas in sorted(SUMBER.rglob("*.json")):
        tujuan = tujuan_akar / berkas.relative_to(SUMBER)
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(berkas, tujuan)
        hasil.append(tujuan)
    return hasil


def main(argv: list[str] | None = None) -> int:
    """Titik masuk baris perintah."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", type=Path, default=Path(sys.prefix))
    args = parser.parse_args(argv)
    for tujuan in pasang(args.prefix):
        print(f"Setelan JupyterLab dipasang: {tujuan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
