"""Ukur kecepatan membangun handout: cara naif dibandingkan dengan perintah ``p3pd handout``.

Dua cara mengerjakan pekerjaan yang SAMA (notebook templat yang sama, templat HTML cetak yang
sama, PDF A4 lewat WeasyPrint), masing-masing diukur dari luar sebagai waktu dinding:

- **naif**: satu handout demi satu handout, berurutan — ``papermill`` (CLI) menjalankan
  templat dengan parameter, ``jupyter nbconvert --to html --no-input`` mengubahnya menjadi HTML,
  lalu ``weasyprint`` (CLI) mencetak PDF. Setiap langkah adalah proses baru: menyalakan kernel,
  mengimpor pustaka, dan membaca data dibayar lagi untuk setiap handout;
- **p3pd**: satu perintah ``p3pd handout`` dengan pekerja paralel (bawaan = jumlah inti); setiap
  pekerja memakai satu kernel hangat untuk banyak handout.

Dua beban: 4 handout provinsi (HTML + PDF) dan 93 handout kecamatan (HTML + PDF).
Target di mesin 2 inti: 4 provinsi ≤ 10 s; 93 kecamatan ≤ 120 s dan ≥ 3× lebih cepat daripada
cara naif. Ini benchmark, bukan uji: angkanya dicetak, tidak dibandingkan otomatis.

Pemakaian::

    python benchmarks/bench_handout.py                 # lengkap (cara naif 93 kecamatan ± 10 menit)
    python benchmarks/bench_handout.py --sampel-naif 10   # naif kecamatan: 10 contoh, diperkirakan untuk 93
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from p3pd import handout


def _lingkungan() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # cara naif juga harus menghasilkan grafik
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def _jalan(perintah: list[str], cwd: Path | None = None) -> None:
    hasil = subprocess.run(
        perintah, cwd=cwd, env=_lingkungan(), capture_output=True, text=True, check=False
    )
    if hasil.returncode != 0:
        raise SystemExit(
            f"Perintah gagal ({hasil.returncode}): {' '.join(perintah)}\n{hasil.stderr[-2000:]}"
        )


def naif(pekerjaan: list[handout.Pekerjaan], keluaran: Path) -> float:
    """Cara naif: papermill CLI → jupyter nbconvert → weasyprint CLI, satu per satu."""
    py = sys.executable
    templat = handout.templat_notebook()
    folder_cetak = handout.folder_templat()
    keluaran.mkdir(parents=True, exist_ok=True)
    mulai = time.perf_counter()
    for p in pekerjaan:
        nb = keluaran / f"{p.nama}.ipynb"
        parameter = []
        for kunci, nilai in p.parameter.items():
            if nilai is None:
                continue
            parameter += ["-p" if isinstance(nilai, int) else "-r", kunci, str(nilai)]
        _jalan(
            [py, "-m", "papermill", str(templat), str(nb), *parameter]
            + ["--cwd", str(templat.parent), "--no-progress-bar", "--log-level", "ERROR"]
        )
        _jalan(
            [py, "-m", "nbconvert", "--to", "html", "--no-input", "--template", "cetak"]
            + [f"--TemplateExporter.extra_template_basedirs={folder_cetak}"]
            + ["--TagRemovePreprocessor.enabled=True"]
            + [
                "--TagRemovePreprocessor.remove_cell_tags="
                "['remove-cell', 'parameters', 'injected-parameters']"
            ]
            + ["--log-level", "ERROR", "--output-dir", str(keluaran), str(nb)]
        )
        _jalan(
            [py, "-m", "weasyprint", "-q", str(keluaran / f"{p.nama}.html")]
            + [str(keluaran / f"{p.nama}.pdf")]
        )
    return time.perf_counter() - mulai


def p3pd(argumen: list[str], keluaran: Path) -> float:
    """Perintah ``p3pd handout`` (satu proses baru, seperti dijalankan pelatih)."""
    mulai = time.perf_counter()
    _jalan(
        [sys.executable, "-m", "p3pd.cli", "handout", *argumen]
        + ["--keluaran", str(keluaran), "--tanpa-progres"],
        cwd=Path(tempfile.gettempdir()),
    )
    return time.perf_counter() - mulai


def _hitung(folder: Path, n: int) -> None:
    for akhiran in ("html", "pdf"):
        ada = len(list(folder.glob(f"*.{akhiran}")))
        if ada != n:
            raise SystemExit(f"{folder}: {ada} berkas .{akhiran}, seharusnya {n}")


def _baris(judul: str, t_naif: float, t_p3pd: float, target: str, catatan: str = "") -> str:
    return f"{judul:<26}{t_naif:>10.1f}{t_p3pd:>10.1f}{t_naif / t_p3pd:>8.1f}×   {target}" + (
        f"  ({catatan})" if catatan else ""
    )


def main() -> None:
    """Jalankan benchmark dan cetak waktu serta rasionya."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sampel-naif",
        type=int,
        default=None,
        metavar="N",
        help="cara naif untuk kecamatan hanya N contoh, lalu diperkirakan untuk semua (bawaan: semua)",
    )
    parser.add_argument(
        "--lewati-kecamatan", action="store_true", help="hanya mengukur 4 handout provinsi"
    )
    args = parser.parse_args()

    provinsi = handout.susun_pekerjaan(semua=True)
    kecamatan = handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    print(
        f"Mesin: {handout.jumlah_inti()} inti, Python {platform.python_version()}, "
        f"WeasyPrint {'ada' if handout.periksa_weasyprint() is None else 'TIDAK ADA'}"
    )
    baris = []
    with tempfile.TemporaryDirectory(prefix="bench_handout_") as tmp:
        tmp = Path(tmp)
        t_p = p3pd(["--semua"], tmp / "p3pd_provinsi")
        _hitung(tmp / "p3pd_provinsi", len(provinsi))
        t_n = naif(provinsi, tmp / "naif_provinsi")
        _hitung(tmp / "naif_provinsi", len(provinsi))
        baris.append(_baris("4 provinsi (HTML+PDF)", t_n, t_p, "target p3pd ≤ 10 s"))
        print(baris[-1], flush=True)
        if not args.lewati_kecamatan:
            t_p = p3pd(["--semua", "--tingkat", "kecamatan"], tmp / "p3pd_kecamatan")
            _hitung(tmp / "p3pd_kecamatan", len(kecamatan))
            contoh = kecamatan
            if args.sampel_naif:
                langkah = max(1, len(kecamatan) // args.sampel_naif)
                contoh = kecamatan[::langkah][: args.sampel_naif]
            t_n = naif(contoh, tmp / "naif_kecamatan")
            _hitung(tmp / "naif_kecamatan", len(contoh))
            catatan = ""
            if len(contoh) < len(kecamatan):
                catatan = f"naif diperkirakan dari {len(contoh)} contoh: {t_n:.1f} s"
                t_n = t_n / len(contoh) * len(kecamatan)
            baris.append(
                _baris(
                    f"{len(kecamatan)} kecamatan (HTML+PDF)",
                    t_n,
                    t_p,
                    "target p3pd ≤ 120 s dan ≥ 3×",
                    catatan,
                )
            )
            print(baris[-1], flush=True)
    print()
    print(f"{'':<26}{'naif (s)':>10}{'p3pd (s)':>10}{'rasio':>9}")
    for b in baris:
        print(b)


if __name__ == "__main__":
    main()
