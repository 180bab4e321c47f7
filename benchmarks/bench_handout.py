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
handout, rasio terhadap lingkar biasa, waktu CPU per handout (kernel, pekerja, dan proses ini;
di mesin yang sibuk angka ini lebih dapat dipercaya daripada waktu dinding), rincian per tahap
(menjalankan notebook, HTML, tata letak WeasyPrint, menulis PDF), memori puncak, perkiraan untuk
1.007 kecamatan program 1D (sekali jalan dan dibagi ``--bagian i/n`` ke beberapa mesin), dan
target di mesin 2 inti yang tenang: ≤ 0,7 s per handout kecamatan (93 dalam ≤ 65 s) dan
4 provinsi ≤ 8 s. Ini benchmark, bukan uji: angkanya dicetak, tidak dibandingkan otomatis;
jalankan di mesin yang tidak sedang sibuk (beban rata-rata dicetak di awal dan akhir).

Pemakaian::

    python benchmarks/bench_handout.py                    # lengkap (lingkar biasa 93 kecamatan ± 12 menit)
    python benchmarks/bench_handout.py --sampel-biasa 10  # lingkar biasa kecamatan: 10 contoh, diperkirakan untuk 93
    python benchmarks/bench_handout.py --jumlah 12 --sampel-biasa 4   # cepat, saat mencoba perubahan
    python benchmarks/bench_handout.py --data benchmarks/_data/desa_75000 --jumlah 40 --sampel-biasa 2

``--data FOLDER`` mengukur handout kecamatan dari folder data lain (mis. data berskala nasional
yang dibuat ``benchmarks/bench_data.py``): contohnya kabupaten utuh yang tersebar rata (program 1D
juga berjalan per kabupaten), handout provinsi dilewati.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import resource
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from p3pd import handout

TARGET_KECAMATAN = 0.7
"""Target detik per handout kecamatan (93 handout ≤ 65 s di mesin 2 inti)."""
TARGET_93 = 65.0
"""Target detik untuk 93 handout kecamatan."""
TARGET_PROVINSI = 8.0
"""Target detik untuk 4 handout provinsi."""
KECAMATAN_PROGRAM = 1007
"""Kecamatan yang dijangkau P3PD 1D (lihat README)."""
TAHAP = ("jalan", "html", "tata_letak", "tulis_pdf")
"""Tahap satu handout, urut (nama sama dengan ``p3pd.handout.Hasil.tahap``)."""


def _cpu_forkserver() -> float:
    """Detik CPU proses forkserver dan turunannya yang sudah selesai (Linux, lewat /proc).

    Pekerja ``p3pd handout`` di Linux dinyalakan oleh forkserver multiprocessing, jadi waktu
    CPU pekerja dan kernelnya tercatat di sana, bukan di ``RUSAGE_CHILDREN`` proses ini.
    """
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if not pid:
        return 0.0
    try:
        medan = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # setelah nama proses: utime, stime, cutime, cstime ada di medan ke-11..14 (mulai 0)
    return sum(int(x) for x in medan[11:15]) / os.sysconf("SC_CLK_TCK")


def _cpu() -> float:
    """Detik CPU proses ini ditambah semua proses turunan yang sudah selesai (kernel, pekerja)."""
    total = _cpu_forkserver()
    for siapa in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        pakai = resource.getrusage(siapa)
        total += pakai.ru_utime + pakai.ru_stime
    return total


def _mb(siapa: int) -> float:
    return resource.getrusage(siapa).ru_maxrss / 1024  # Linux: kB


class PengamatMemori(threading.Thread):
    """Setiap detik membaca /proc (Linux): memori proses ini dan semua turunannya.

    Mencatat puncak satu proses (VmHWM, mis. satu kernel) dan puncak jumlah RSS semua proses
    sekaligus. Di sistem tanpa /proc keduanya 0.
    """

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.puncak_satu = 0
        self.puncak_jumlah = 0
        self._berhenti = threading.Event()

    @staticmethod
    def _baca(pid: str) -> tuple[int, int, int]:
        """(ppid, VmRSS kB, VmHWM kB) satu proses."""
        ppid = rss = hwm = 0
        for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
            if baris.startswith("PPid:"):
                ppid = int(baris.split()[1])
            elif baris.startswith("VmRSS:"):
                rss = int(baris.split()[1])
            elif baris.startswith("VmHWM:"):
                hwm = int(baris.split()[1])
        return ppid, rss, hwm

    def _sekali(self) -> None:
        info = {}
        for berkas in Path("/proc").iterdir():
            if berkas.name.isdigit():
                try:
                    info[int(berkas.name)] = self._baca(berkas.name)
                except (OSError, ValueError, IndexError):
                    continue
        turunan, baru = {os.getpid()}, True
        while baru:
            baru = False
            for pid, (ppid, _, _) in info.items():
                if ppid in turunan and pid not in turunan:
                    turunan.add(pid)
                    baru = True
        anggota = [info[p] for p in turunan if p in info]
        self.puncak_satu = max([self.puncak_satu] + [h for _, _, h in anggota])
        self.puncak_jumlah = max(self.puncak_jumlah, sum(r for _, r, _ in anggota))

    def run(self) -> None:
        while not self._berhenti.wait(1.0):
            self._sekali()

    def berhenti(self) -> None:
        """Hentikan pengamatan (setelah satu bacaan terakhir)."""
        self._berhenti.set()
        self._sekali()


@dataclass
class Ukuran:
    """Satu pengukuran: waktu dinding, waktu CPU, dan jumlah detik per tahap (dijumlahkan)."""

    dinding: float
    cpu: float
    n: int
    tahap: dict[str, float] = field(default_factory=dict)

    def per(self) -> float:
        """Detik dinding per handout."""
        return self.dinding / self.n


def lingkar_biasa(pekerjaan: list[handout.Pekerjaan], keluaran: Path) -> Ukuran:
    """Lingkar biasa satu proses: papermill → HTMLExporter → WeasyPrint, satu per satu."""
    import papermill
    import weasyprint

    for nama in ("papermill", "traitlets", "nbclient", "weasyprint", "fontTools"):
        logging.getLogger(nama).setLevel(logging.ERROR)
    templat = handout.templat_notebook()
    eksportir = handout._eksportir()  # konfigurasi templat cetak yang sama dengan p3pd
    keluaran.mkdir(parents=True, exist_ok=True)
    lama = os.environ.pop("MPLBACKEND", None)  # kernel papermill juga harus menggambar grafik
    tahap = dict.fromkeys(TAHAP, 0.0)
    cpu = _cpu()
    mulai = time.perf_counter()
    try:
        for p in pekerjaan:
            t0 = time.perf_counter()
            nb = papermill.execute_notebook(
                str(templat),
                str(keluaran / f"{p.nama}.ipynb"),
                parameters=p.parameter,
                cwd=str(templat.parent),
                progress_bar=False,
                kernel_name="python3",
            )
            t1 = time.perf_counter()
            nb.metadata["title"] = p.judul
            html, _ = eksportir.from_notebook_node(nb)
            (keluaran / f"{p.nama}.html").write_text(html, encoding="utf-8")
            t2 = time.perf_counter()
            dokumen = weasyprint.HTML(string=html, base_url=str(handout.folder_templat())).render()
            t3 = time.perf_counter()
            dokumen.write_pdf(keluaran / f"{p.nama}.pdf")
            t4 = time.perf_counter()
            for nama, detik in zip(TAHAP, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                tahap[nama] += detik
    finally:
        if lama is not None:
            os.environ["MPLBACKEND"] = lama
    return Ukuran(time.perf_counter() - mulai, _cpu() - cpu, len(pekerjaan), tahap)


def dengan_p3pd(
    pekerjaan: list[handout.Pekerjaan], keluaran: Path, pekerja: int | None = None
) -> Ukuran:
    """``p3pd.handout.bangun_handout`` (pekerja paralel, kernel hangat)."""
    cpu = _cpu()
    mulai = time.perf_counter()
    ringkasan = handout.bangun_handout(pekerjaan, keluaran=keluaran, progres=False, pekerja=pekerja)
    detik = time.perf_counter() - mulai
    if ringkasan.gagal:
        raise SystemExit(ringkasan.teks())
    tahap = {t: sum(h.tahap.get(t, 0.0) for h in ringkasan.hasil) for t in TAHAP}
    return Ukuran(detik, _cpu() - cpu, len(pekerjaan), tahap)


def _hitung(folder: Path, n: int) -> None:
    for akhiran in ("html", "pdf"):
        ada = len(list(folder.glob(f"*.{akhiran}")))
        if ada != n:
            raise SystemExit(f"{folder}: {ada} berkas .{akhiran}, seharusnya {n}")


def _kode_kabupaten(p: handout.Pekerjaan) -> str:
    """Kode kabupaten sebuah handout kecamatan (nama berkas ``kecamatan_PP.KK.CC_…``)."""
    return p.nama.split("_")[1][:5]


def _contoh_kabupaten(daftar: list[handout.Pekerjaan], n: int | None) -> list[handout.Pekerjaan]:
    """Kecamatan dari kabupaten utuh yang tersebar rata di ``daftar``, sampai sedikitnya ``n``."""
    kabupaten: dict[str, list[handout.Pekerjaan]] = {}
    for p in daftar:
        kabupaten.setdefault(_kode_kabupaten(p), []).append(p)
    if not n or n >= len(daftar):
        return daftar
    hasil: list[handout.Pekerjaan] = []
    kode = list(kabupaten)
    per_kabupaten = len(daftar) / len(kode)
    langkah = max(1, int(len(kode) / (n / per_kabupaten + 1)))
    for k in kode[::langkah]:
        if len(hasil) >= n:
            break
        hasil.extend(kabupaten[k])
    return hasil


def _contoh(daftar: list, n: int | None) -> list:
    """``n`` contoh tersebar rata di ``daftar`` (semua kabupaten terwakili); ``None`` = semua."""
    if not n or n >= len(daftar):
        return daftar
    langkah = len(daftar) / n
    return [daftar[int(i * langkah)] for i in range(n)]


def _tahap(judul: str, u: Ukuran) -> str:
    isi = "  ".join(f"{t} {u.tahap.get(t, 0.0) / u.n:.2f}" for t in TAHAP)
    return f"  {judul:<14}s/handout per tahap (dinding, dalam pekerjanya): {isi}"


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
        "--jumlah",
        type=int,
        default=None,
        metavar="N",
        help="p3pd hanya N handout kecamatan (tersebar rata), lalu diperkirakan untuk 93",
    )
    parser.add_argument(
        "--pekerja", type=int, default=None, metavar="N", help="pekerja p3pd (bawaan: jumlah inti)"
    )
    parser.add_argument(
        "--lewati-kecamatan", action="store_true", help="hanya mengukur 4 handout provinsi"
    )
    parser.add_argument(
        "--lewati-provinsi", action="store_true", help="hanya mengukur handout kecamatan"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="folder data lain (mis. data nasional dari bench_data.py); handout provinsi dilewati",
    )
    args = parser.parse_args()
    if args.data is not None:
        os.environ["P3PD_DATA"] = str(args.data.expanduser().resolve())
        args.lewati_provinsi = True

    provinsi = handout.susun_pekerjaan(semua=True)
    semua_kec = handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    if args.data is not None:
        kecamatan = _contoh_kabupaten(semua_kec, args.jumlah)
        print(
            f"Data: {os.environ['P3PD_DATA']} ({len(semua_kec):,} kecamatan); contoh "
            f"{len(kecamatan)} kecamatan dari "
            f"{len({_kode_kabupaten(p) for p in kecamatan})} kabupaten utuh".replace(",", "."),
            flush=True,
        )
    else:
        kecamatan = _contoh(semua_kec, args.jumlah)
    inti = handout.jumlah_inti()
    pekerja = args.pekerja or inti
    beban_awal = os.getloadavg()[0]
    print(
        f"Mesin: {inti} inti, {platform.machine()}, Python {platform.python_version()}, "
        f"p3pd dengan {pekerja} pekerja; beban rata-rata 1 menit saat mulai: {beban_awal:.2f}",
        flush=True,
    )
    if beban_awal > 0.5 * inti:
        print(
            "PERINGATAN: mesin sedang sibuk; waktu dinding tidak mewakili mesin yang tenang "
            "(lihat baris CPU per handout).",
            flush=True,
        )
    baris = []
    pengamat = PengamatMemori()
    if Path("/proc/self/status").exists():
        pengamat.start()
    with tempfile.TemporaryDirectory(prefix="bench_handout_") as tmp:
        tmp = Path(tmp)
        if not args.lewati_provinsi:
            u_p = dengan_p3pd(provinsi, tmp / "p3pd_provinsi", args.pekerja)
            _hitung(tmp / "p3pd_provinsi", len(provinsi))
            u_b = lingkar_biasa(provinsi, tmp / "biasa_provinsi")
            _hitung(tmp / "biasa_provinsi", len(provinsi))
            tanda = "tercapai" if u_p.dinding <= TARGET_PROVINSI else "BELUM"
            baris.append(("4 provinsi", u_b, u_p, f"target ≤ {TARGET_PROVINSI:.0f} s: {tanda}", ""))
            _cetak_baris(*baris[-1])
        if not args.lewati_kecamatan:
            u_p = dengan_p3pd(kecamatan, tmp / "p3pd_kecamatan", args.pekerja)
            _hitung(tmp / "p3pd_kecamatan", len(kecamatan))
            contoh = _contoh(kecamatan, args.sampel_biasa)
            u_b = lingkar_biasa(contoh, tmp / "biasa_kecamatan")
            _hitung(tmp / "biasa_kecamatan", len(contoh))
            catatan = []
            if len(kecamatan) < len(semua_kec):
                catatan.append(f"p3pd: {len(kecamatan)} contoh, {u_p.dinding:.1f} s")
            if len(contoh) < len(semua_kec):
                catatan.append(f"lingkar biasa: {len(contoh)} contoh, {u_b.dinding:.1f} s")
            per = u_p.per()
            n = len(semua_kec) if args.data is None else len(kecamatan)
            tanda = "tercapai" if per <= TARGET_KECAMATAN else "BELUM"
            sasaran = (
                f"{n} dalam ≤ {TARGET_93:.0f} s (di sini {per * n:.0f} s)"
                if args.data is None
                else "data lain"
            )
            baris.append(
                (
                    f"{n} kecamatan",
                    u_b,
                    u_p,
                    f"target ≤ {TARGET_KECAMATAN} s/handout, {sasaran}: {tanda}",
                    "; ".join(catatan),
                )
            )
            _cetak_baris(*baris[-1])
            program = per * KECAMATAN_PROGRAM
            cpu_per = u_p.cpu / u_p.n
            print(
                f"\nPerkiraan {KECAMATAN_PROGRAM:,} kecamatan program 1D di mesin ini: "
                f"{program / 60:.0f} menit sekali jalan; dengan --bagian i/4 di empat mesin "
                f"serupa ± {program / 4 / 60:.0f} menit per mesin; lingkar biasa "
                f"± {u_b.per() * KECAMATAN_PROGRAM / 60:.0f} menit. Dari waktu CPU "
                f"({cpu_per:.2f} s CPU per handout) di {inti} inti yang tenang: "
                f"± {cpu_per / inti:.2f} s/handout, {KECAMATAN_PROGRAM:,} kecamatan "
                f"± {cpu_per / inti * KECAMATAN_PROGRAM / 60:.0f} menit.".replace(",", ".")
            )
    pengamat.berhenti()
    print(
        f"\nMemori puncak: proses ini {_mb(resource.RUSAGE_SELF):.0f} MB; satu proses turunan "
        f"(kernel atau pekerja) paling besar {pengamat.puncak_satu / 1024:.0f} MB; semua proses "
        f"sekaligus paling banyak {pengamat.puncak_jumlah / 1024:.0f} MB (dibaca setiap detik)."
    )
    print(f"Beban rata-rata 1 menit saat selesai: {os.getloadavg()[0]:.2f}")
    print()
    print(
        f"{'':<16}{'biasa(s)':>9}{'p3pd(s)':>9}{'s/handout':>10}{'rasio':>8}"
        f"{'CPU biasa':>11}{'CPU p3pd':>10}  (CPU = detik CPU per handout)"
    )
    for b in baris:
        _cetak_baris(*b, ringkas=True)
    print("\nRincian per tahap:")
    for judul, u_b, u_p, *_ in baris:
        print(judul)
        print(_tahap("lingkar biasa", u_b))
        print(_tahap("p3pd", u_p))


def _cetak_baris(
    judul: str, u_b: Ukuran, u_p: Ukuran, target: str, catatan: str, ringkas: bool = False
) -> None:
    """Satu baris hasil: dinding biasa dan p3pd (diperkirakan untuk semua), rasio, CPU, target."""
    n = 4 if judul.startswith("4 ") else int(judul.split()[0])
    t_b, t_p = u_b.per() * n, u_p.per() * n
    teks = (
        f"{judul:<16}{t_b:>9.1f}{t_p:>9.1f}{u_p.per():>10.2f}{t_b / t_p:>7.1f}×"
        f"{u_b.cpu / u_b.n:>11.2f}{u_p.cpu / u_p.n:>10.2f}"
    )
    if not ringkas:
        teks += f"   {target}" + (f"  ({catatan})" if catatan else "")
    else:
        teks += f"   {target.split(': ')[-1]}"
    print(teks, flush=True)


if __name__ == "__main__":
    main()
