"""Ukur muat + validasi + semua indikator di semua tingkat + porsi APBDes pada data skala nasional.

Data sintetis berskala nasional (bawaan 75.000 desa × 3 tahun, skema sama dengan data latihan)
dibuat sekali ke ``benchmarks/_data/`` (tidak di-commit; waktu pembuatannya tidak dihitung).
Lalu dua cara mengerjakan pekerjaan yang SAMA diukur, masing-masing di proses terpisah agar
puncak memorinya terpisah:

- ``p3pd``: pemuat ``p3pd.muat`` (dengan semua pemeriksaan), ``indikator.hitung_capaian`` di
  empat tingkat, dan ``apbdes.ringkasan_apbdes`` (porsi layanan dasar, porsi siltap, per
  kapita, realisasi) di empat tingkat;
- ``naif``: satu putaran Python per baris/desa — baca CSV dengan modul ``csv``, periksa setiap
  nilai, jumlahkan per desa dalam kamus, lalu per wilayah, lalu bagi.

Target di mesin 2 inti: ≤ 10 s untuk seluruh pekerjaan p3pd dan ≤ 3 GB puncak memori.

Pemakaian: ``python benchmarks/bench_data.py [--desa 75000] [--lewati-naif]``
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "_data"
TINGKAT = ("desa", "kecamatan", "kabupaten", "provinsi")
PANJANG = {"desa": 13, "kecamatan": 8, "kabupaten": 5, "provinsi": 2}


def siapkan_data(n_desa: int) -> Path:
    """Buat data nasional sekali (dilewati bila sudah ada untuk n_desa yang sama)."""
    from p3pd import sintetis

    folder = FOLDER / f"desa_{n_desa}"
    tanda = folder / "SELESAI"
    if tanda.exists():
        return folder
    t0 = time.perf_counter()
    data = sintetis.buat_data(sintetis.wilayah_nasional(n_desa))
    sintetis.tulis_data(
        {k: data[k] for k in ("wilayah", "indikator", "belanja", "pendapatan", "fasilitas")}, folder
    )
    tanda.write_text("ok\n")
    print(
        f"data nasional dibuat: {n_desa:,} desa dalam {time.perf_counter() - t0:.1f} s → {folder}"
    )
    return folder


def kerja_p3pd(folder: Path) -> dict[str, float]:
    """Pekerjaan dengan paket p3pd; kembalikan waktu tiap tahap (detik)."""
    from p3pd import apbdes, indikator, muat

    waktu: dict[str, float] = {}
    t = time.perf_counter()
    ind = muat.muat_indikator(folder / "indikator_desa.csv")
    bel = muat.muat_belanja(folder / "apbdes_belanja.csv")
    waktu["muat + validasi"] = time.perf_counter() - t

    t = time.perf_counter()
    capaian = {tk: indikator.hitung_capaian(ind, tk) for tk in TINGKAT}
    waktu["indikator (4 tingkat)"] = time.perf_counter() - t

    t = time.perf_counter()
    penduduk = ind[["kode_desa", "tahun", "jumlah_penduduk"]]
    apb = {tk: apbdes.ringkasan_apbdes(bel, penduduk, tk) for tk in TINGKAT}
    waktu["apbdes (4 tingkat)"] = time.perf_counter() - t
    waktu["baris indikator"] = float(len(ind))
    waktu["baris belanja"] = float(len(bel))
    waktu["cek: capaian stunting provinsi pertama"] = float(
        capaian["provinsi"].query("indikator == 'stunting'")["capaian"].iloc[0]
    )
    waktu["cek: porsi layanan dasar provinsi pertama"] = float(
        apb["provinsi"]["porsi_layanan_dasar"].iloc[0]
    )
    return waktu


def kerja_naif(folder: Path) -> dict[str, float]:
    """Cara naif: putaran Python per baris dan per desa untuk pekerjaan yang sama."""
    import csv
    import re

    from p3pd.indikator import DAFTAR_INDIKATOR
    from p3pd.skema import INDIKATOR_DESA

    pola_desa = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.2\d{3}$")
    waktu: dict[str, float] = {}
    t = time.perf_counter()
    kolom_cacah = [k.nama for k in INDIKATOR_DESA.kolom if k.tipe == "cacah"]
    per_desa: dict[tuple[str, int], dict[str, int]] = {}
    with open(folder / "indikator_desa.csv", newline="", encoding="utf-8") as f:
        for nomor, baris in enumerate(csv.DictReader(f), start=2):
            kode = baris["kode_desa"].strip()
            if not pola_desa.match(kode):
                raise ValueError(f"baris {nomor}: kode desa salah")
            nilai = {}
            for k in kolom_cacah:
                v = int(baris[k])
                if v < 0:
                    raise ValueError(f"baris {nomor}: {k} negatif")
                nilai[k] = v
            for p in INDIKATOR_DESA.pasangan:
                if nilai[p.pembilang] > nilai[p.penyebut]:
                    raise ValueError(f"baris {nomor}: {p.pembilang} > {p.penyebut}")
            kunci = (kode, int(baris["tahun"]))
            if kunci in per_desa:
                raise ValueError(f"baris {nomor}: kunci ganda")
            per_desa[kunci] = nilai
    belanja: dict[tuple[str, int], dict[str, list[int]]] = {}
    with open(folder / "apbdes_belanja.csv", newline="", encoding="utf-8") as f:
        for nomor, baris in enumerate(csv.DictReader(f), start=2):
            kode = baris["kode_desa"].strip()
            if not pola_desa.match(kode):
                raise ValueError(f"baris {nomor}: kode desa salah")
            ang, real = int(baris["anggaran"]), int(baris["realisasi"])
            if ang < 0 or real < 0:
                raise ValueError(f"baris {nomor}: rupiah negatif")
            belanja.setdefault((kode, int(baris["tahun"])), {})[baris["kode_sub_bidang"]] = [
                ang,
                real,
            ]
    waktu["muat + validasi"] = time.perf_counter() - t

    t = time.perf_counter()
    hasil_ind = {}
    for tk in TINGKAT:
        jumlah: dict[tuple[str, int], dict[str, int]] = {}
        for (kode, tahun), nilai in per_desa.items():
            agg = jumlah.setdefault((kode[: PANJANG[tk]], tahun), dict.fromkeys(kolom_cacah, 0))
            for k in kolom_cacah:
                agg[k] += nilai[k]
        hasil_ind[tk] = {
            (w, th, i.kode): (agg[i.pembilang] / agg[i.penyebut] * 100 if agg[i.penyebut] else None)
            for (w, th), agg in jumlah.items()
            for i in DAFTAR_INDIKATOR
        }
    waktu["indikator (4 tingkat)"] = time.perf_counter() - t

    t = time.perf_counter()
    from p3pd.apbdes import referensi_sub_bidang

    ref = referensi_sub_bidang()
    layanan = {
        k
        for k, v in zip(ref["kode_sub_bidang"], ref["layanan"], strict=True)
        if isinstance(v, str) and v
    }
    hasil_apb = {}
    for tk in TINGKAT:
        jumlah2: dict[tuple[str, int], list[float]] = {}
        for (kode, tahun), pos in belanja.items():
            agg = jumlah2.setdefault((kode[: PANJANG[tk]], tahun), [0, 0, 0, 0, 0, 0])
            for sub, (ang, real) in pos.items():
                agg[0] += real
                agg[2] += ang
                if sub in layanan:
                    agg[1] += real
                if sub == "1.1":
                    agg[3] += ang
            agg[4] += per_desa[(kode, tahun)]["jumlah_penduduk"]
        hasil_apb[tk] = {
            w: (a[1] / a[0] * 100, a[3] / a[2] * 100, a[1] / a[4], a[0] / a[2] * 100)
            for w, a in jumlah2.items()
        }
    waktu["apbdes (4 tingkat)"] = time.perf_counter() - t
    pertama = sorted(hasil_ind["provinsi"])
    kunci = next(k for k in pertama if k[2] == "stunting")
    waktu["cek: capaian stunting provinsi pertama"] = hasil_ind["provinsi"][kunci]
    waktu["cek: porsi layanan dasar provinsi pertama"] = hasil_apb["provinsi"][
        min(hasil_apb["provinsi"])
    ][0]
    return waktu


def _ukur_di_proses(cara: str, folder: Path) -> dict[str, float]:
    keluaran = subprocess.run(
        [sys.executable, __file__, "--jalankan", cara, "--folder", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(keluaran.strip().splitlines()[-1])


def main() -> int:
    """Titik masuk: siapkan data, ukur kedua cara, cetak angka dan rasionya."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desa", type=int, default=75_000)
    parser.add_argument("--lewati-naif", action="store_true")
    parser.add_argument("--jalankan", choices=("p3pd", "naif"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.jalankan:
        t0 = time.perf_counter()
        hasil = (kerja_p3pd if args.jalankan == "p3pd" else kerja_naif)(args.folder)
        hasil["total"] = time.perf_counter() - t0
        hasil["puncak memori (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(hasil))
        return 0

    folder = siapkan_data(args.desa)
    kita = _ukur_di_proses("p3pd", folder)
    naif = None if args.lewati_naif else _ukur_di_proses("naif", folder)
    print(
        f"\nData: {int(kita['baris indikator']):,} baris indikator, {int(kita['baris belanja']):,} baris belanja"
    )
    print(f"{'tahap':<28}{'p3pd (s)':>12}{'naif (s)':>12}{'rasio':>9}")
    for tahap in ("muat + validasi", "indikator (4 tingkat)", "apbdes (4 tingkat)", "total"):
        n = naif[tahap] if naif else float("nan")
        print(f"{tahap:<28}{kita[tahap]:>12.2f}{n:>12.2f}{n / kita[tahap]:>8.1f}×")
    mem_n = naif["puncak memori (MB)"] if naif else float("nan")
    print(f"{'puncak memori (MB)':<28}{kita['puncak memori (MB)']:>12.0f}{mem_n:>12.0f}")
    if naif:
        for cek in (
            "cek: capaian stunting provinsi pertama",
            "cek: porsi layanan dasar provinsi pertama",
        ):
            sama = abs(kita[cek] - naif[cek]) < 1e-6
            print(
                f"{cek}: p3pd {kita[cek]:.4f} · naif {naif[cek]:.4f} → {'sama' if sama else 'BEDA'}"
            )
    print(
        f"\nTarget: total ≤ 10 s → {'tercapai' if kita['total'] <= 10 else 'TIDAK tercapai'}; "
        f"memori ≤ 3.072 MB → {'tercapai' if kita['puncak memori (MB)'] <= 3072 else 'TIDAK tercapai'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
