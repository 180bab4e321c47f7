"""Ukur kecepatan membangun handout: ``p3pd.handout`` dibandingkan dengan lingkar biasa satu proses.

Dua cara mengerjakan pekerjaan yang SAMA (notebook templat yang sama, templat HTML cetak yang
sama, PDF A4 lewat WeasyPrint), diukur dalam satu proses Python yang sama, berurutan:

- **lingkar biasa** (pembanding): yang ditulis pengguna cakap dengan API pustaka, satu handout
  demi satu handout dalam SATU proses — ``papermill.execute_notebook`` (kernel baru per
  notebook, seperti bawaan papermill) → ``nbconvert.HTMLExporter`` (satu eksportir dipakai ulang)
  → ``weasyprint.HTML(...).write_pdf``;
- **p3pd**: ``p3pd.handout.bangun_handout`` dengan pekerja paralel (bawaan = jumlah inti); setiap
  pekerja memakai satu kernel hangat untuk banyak handout.

Beban: 4 handout provinsi dan 93 handout kecamatan (HTML + PDF). Dicetak: waktu dinding, detik per
handout, rasio terhadap lingkar biasa, perkiraan untuk 1.007 kecamatan program 1D (sekali jalan
dan dibagi ``--bagian i/n`` ke beberapa mesin), dan target di mesin 2 inti yang tenang:
≤ 0,7 s per handout kecamatan (93 dalam ≤ 65 s) dan 4 provinsi ≤ 8 s. Ini benchmark, bukan uji:
angkanya dicetak, tidak dibandingkan otomatis; jalankan di mesin yang tidak sedang sibuk.

Pemakaian::

    python benchmarks/bench_handout.py                    # lengkap (lingkar biasa 93 kecamatan ± 10 menit)
    python benchmarks/bench_handout.py --sampel-biasa 10  # lingkar biasa kecamatan: 10 contoh, diperkirakan untuk 93
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import resource
import tempfile
import time
from pathlib import Path

from p3pd import handout

TARGET_KECAMATAN = 0.7
"""Target detik per handout kecamatan (93 handout ≤ 65 s di mesin 2 inti)."""
TARGET_PROVINSI = 8.0
"""Target detik untuk 4 handout provinsi."""
KECAMATAN_PROGRAM = 1007
"""Kecamatan yang dijangkau P3PD 1D (lihat README)."""


def _cpu_anak() -> float:
    pakai = resource.getrusage(resource.RUSAGE_CHILDREN)
    return pakai.ru_utime + pakai.ru_stime


def lingkar_biasa(pekerjaan: list[handout.Pekerjaan], keluaran: Path) -> float:
    """Lingkar biasa satu proses: papermill → HTMLExporter → WeasyPrint, satu per satu."""
    import papermill
    import weasyprint

    for nama in ("papermill", "traitlets", "nbclient", "weasyprint", "fontTools"):
        logging.getLogger(nama).setLevel(logging.ERROR)
    templat = handout.templat_notebook()
    eksportir = handout._eksportir()  # konfigurasi templat cetak yang sama dengan p3pd
    keluaran.mkdir(parents=True, exist_ok=True)
    lama = os.environ.pop("MPLBACKEND", None)  # kernel papermill juga harus menggambar grafik
    mulai = time.perf_counter()
    try:
        for p in pekerjaan:
            nb = papermill.execute_notebook(
                str(templat),
                str(keluaran / f"{p.nama}.ipynb"),
                parameters=p.parameter,
                cwd=str(templat.parent),
                progress_bar=False,
                kernel_name="python3",
            )
            nb.metadata["title"] = p.judul
            html, _ = eksportir.from_notebook_node(nb)
            (keluaran / f"{p.nama}.html").write_text(html, encoding="utf-8")
            weasyprint.HTML(string=html, base_url=str(handout.folder_templat())).write_pdf(
                keluaran / f"{p.nama}.pdf"
            )
    finally:
        if lama is not None:
            os.environ["MPLBACKEND"] = lama
    return time.perf_counter() - mulai


def dengan_p3pd(pekerjaan: list[handout.Pekerjaan], keluaran: Path) -> float:
    """``p3pd.handout.bangun_handout`` (pekerja paralel, kernel hangat)."""
    mulai = time.perf_counter()
    ringkasan = handout.bangun_handout(pekerjaan, keluaran=keluaran, progres=False)
    detik = time.perf_counter() - mulai
    if ringkasan.gagal:
        raise SystemExit(ringkasan.teks())
    return detik


def _hitung(folder: Path, n: int) -> None:
    for akhiran in ("html", "pdf"):
        ada = len(list(folder.glob(f"*.{akhiran}")))
        if ada != n:
            raise SystemExit(f"{folder}: {ada} berkas .{akhiran}, seharusnya {n}")


def _baris(judul: str, n: int, t_biasa: float, t_p3pd: float, target: str, catatan: str) -> str:
    return (
        f"{judul:<24}{t_biasa:>9.1f}{t_p3pd:>9.1f}{t_p3pd / n:>10.2f}{t_biasa / t_p3pd:>8.1f}×"
        f"   {target}" + (f"  ({catatan})" if catatan else "")
    )


def main() -> None:
    """Jalankan benchmark dan cetak waktu, rasio, target, dan perkiraan skala program."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sampel-biasa",
        type=int,
        default=None,
        metavar="N",
        help="lingkar biasa untuk kecamatan hanya N contoh, lalu diperkirakan untuk semua",
    )
    parser.add_argument(
        "--lewati-kecamatan", action="store_true", help="hanya mengukur 4 handout provinsi"
    )
    args = parser.parse_args()

    provinsi = handout.susun_pekerjaan(semua=True)
    kecamatan = handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    inti = handout.jumlah_inti()
    print(
        f"Mesin: {inti} inti, {platform.machine()}, Python {platform.python_version()}, "
        f"beban rata-rata 1 menit saat mulai: {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    baris = []
    with tempfile.TemporaryDirectory(prefix="bench_handout_") as tmp:
        tmp = Path(tmp)
        t_p = dengan_p3pd(provinsi, tmp / "p3pd_provinsi")
        _hitung(tmp / "p3pd_provinsi", len(provinsi))
        t_b = lingkar_biasa(provinsi, tmp / "biasa_provinsi")
        _hitung(tmp / "biasa_provinsi", len(provinsi))
        tanda = "tercapai" if t_p <= TARGET_PROVINSI else "BELUM"
        baris.append(
            _baris("4 provinsi", 4, t_b, t_p, f"target ≤ {TARGET_PROVINSI:.0f} s: {tanda}", "")
        )
        print(baris[-1], flush=True)
        if not args.lewati_kecamatan:
            t_p = dengan_p3pd(kecamatan, tmp / "p3pd_kecamatan")
            _hitung(tmp / "p3pd_kecamatan", len(kecamatan))
            contoh = kecamatan
            if args.sampel_biasa:
                langkah = max(1, len(kecamatan) // args.sampel_biasa)
                contoh = kecamatan[::langkah][: args.sampel_biasa]
            t_b = lingkar_biasa(contoh, tmp / "biasa_kecamatan")
            _hitung(tmp / "biasa_kecamatan", len(contoh))
            catatan = ""
            if len(contoh) < len(kecamatan):
                catatan = f"lingkar biasa diperkirakan dari {len(contoh)} contoh: {t_b:.1f} s"
                t_b = t_b / len(contoh) * len(kecamatan)
            per = t_p / len(kecamatan)
            tanda = "tercapai" if per <= TARGET_KECAMATAN else "BELUM"
            baris.append(
                _baris(
                    f"{len(kecamatan)} kecamatan",
                    len(kecamatan),
                    t_b,
                    t_p,
                    f"target ≤ {TARGET_KECAMATAN} s/handout: {tanda}",
                    catatan,
                )
            )
            print(baris[-1], flush=True)
            program = per * KECAMATAN_PROGRAM
            print(
                f"\nPerkiraan {KECAMATAN_PROGRAM:,} kecamatan program 1D di mesin ini: "
                f"{program / 60:.0f} menit sekali jalan; dengan --bagian i/4 di empat mesin "
                f"serupa ± {program / 4 / 60:.0f} menit per mesin; lingkar biasa "
                f"± {t_b / len(kecamatan) * KECAMATAN_PROGRAM / 60:.0f} menit.".replace(",", ".")
            )
    print(f"\nWaktu CPU proses anak (kernel dan pekerja) seluruhnya: {_cpu_anak():.0f} s")
    print()
    print(f"{'':<24}{'biasa(s)':>9}{'p3pd(s)':>9}{'s/handout':>10}{'rasio':>9}")
    for b in baris:
        print(b)


if __name__ == "__main__":
    main()
