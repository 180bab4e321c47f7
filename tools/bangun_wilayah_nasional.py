"""Bangun ulang daftar wilayah nasional p3pd dari tarball paket npm ``idn-area-data``.

Cara pakai (di folder sementara di luar repositori)::

    npm pack idn-area-data@4.0.1
    python tools/bangun_wilayah_nasional.py idn-area-data-4.0.1.tgz

Menulis ``modules/p3pd/referensi/nasional/{provinsi,kabupaten,kecamatan,desa}.csv.gz``.
Isinya kode dan nama apa adanya dari ``data/*.csv`` paket (hanya nama kolom yang
di-Indonesia-kan, dan kode induk yang bisa dibaca dari kode desa tidak disimpan). Berkas gzip
ditulis tanpa tanggal dan nama berkas di kepalanya, sehingga tarball yang sama selalu
menghasilkan byte yang sama. Di akhir dicetak jumlah setiap tingkat.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import tarfile
from pathlib import Path

import pandas as pd

TUJUAN = Path(__file__).resolve().parents[1] / "modules" / "p3pd" / "referensi" / "nasional"

# berkas di paket → (berkas tujuan, {kolom paket: kolom p3pd})
PETA = {
    "provinces.csv": ("provinsi.csv.gz", {"code": "kode", "name": "nama"}),
    "regencies.csv": ("kabupaten.csv.gz", {"code": "kode", "name": "nama"}),
    "districts.csv": ("kecamatan.csv.gz", {"code": "kode", "name": "nama"}),
    "villages.csv": ("desa.csv.gz", {"code": "kode", "name": "nama"}),
}


def baca_tarball(tarball: Path) -> dict[str, pd.DataFrame]:
    """Tabel ``package/data/*.csv`` dari tarball npm (semua kolom sebagai teks)."""
    hasil = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for nama in PETA:
            anggota = tar.extractfile(f"package/data/{nama}")
            if anggota is None:
                raise SystemExit(f"{tarball}: package/data/{nama} tidak ada.")
            hasil[nama] = pd.read_csv(anggota, dtype=str, keep_default_na=False, encoding="utf-8")
    return hasil


def tulis_gzip_tetap(path: Path, teks: str) -> None:
    """Tulis ``teks`` sebagai gzip yang byte-nya tetap (mtime 0, tanpa nama berkas)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(teks.encode("utf-8"))
    path.write_bytes(buffer.getvalue())


def bangun(tarball: Path, tujuan: Path = TUJUAN) -> dict[str, int]:
    """Tulis keempat berkas ke ``tujuan``; kembalikan jumlah baris per berkas."""
    tujuan.mkdir(parents=True, exist_ok=True)
    jumlah = {}
    for nama, df in baca_tarball(tarball).items():
        berkas, kolom = PETA[nama]
        keluar = df[list(kolom)].rename(columns=kolom)
        keluar["nama"] = keluar["nama"].str.strip()
        keluar = keluar.sort_values("kode", kind="stable")
        if keluar["kode"].duplicated().any():
            raise SystemExit(f"{nama}: ada kode kembar.")
        tulis_gzip_tetap(tujuan / berkas, keluar.to_csv(index=False, lineterminator="\n"))
        jumlah[berkas] = len(keluar)
    return jumlah


def main(argv: list[str] | None = None) -> int:
    """Baris perintah: satu argumen, tarball ``idn-area-data-*.tgz``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path)
    parser.add_argument("--tujuan", type=Path, default=TUJUAN)
    args = parser.parse_args(argv)
    jumlah = bangun(args.tarball, args.tujuan)
    for berkas, n in jumlah.items():
        print(f"{berkas:<18} {n:>7} baris")
    desa = pd.read_csv(args.tujuan / "desa.csv.gz", dtype=str)["kode"].str[9]
    print(
        f"desa/kelurahan: {int((desa == '2').sum())} desa, {int((desa == '1').sum())} kelurahan, "
        f"{int((desa == '3').sum())} desa adat"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
