"""Mengumpulkan berkas jawaban tes dari satu folder dan menghitung rekapnya.

Alurnya: cari semua berkas ``.json`` di folder (termasuk subfolder — mis. satu flash disk berisi
folder dari banyak laptop), baca dan periksa setiap berkas (``p3pd.tes_jawaban``), lalu pilih
satu jawaban per peserta dan per tes. Yang tidak dihitung dicatat beserta alasannya: tidak
terbaca, bukan berkas jawaban, versi soal lain, isi berubah (checksum), salinan persis,
jawaban yang sudah digantikan, atau jawaban ganda untuk kode yang sama. Tidak ada berkas yang
diubah. Rekap: nilai per peserta, per soal, per tujuan; kenaikan tes awal → tes akhir per kelas
dan per provinsi (hanya peserta yang mengikuti keduanya, dipasangkan menurut kode); dan soal
yang paling sering salah.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from p3pd.galat import GalatP3PD
from p3pd.tes_jawaban import BerkasDitolak, BerkasJawaban, baca_berkas_jawaban
from p3pd.tes_soal import JENIS_TES, TUJUAN, benar, daftar_soal, nama_layanan, versi_soal

__all__ = [
    "Dilewati",
    "Kumpulan",
    "Rekap",
    "kumpulkan",
    "tabel_nilai",
    "hitung_rekap",
]

JUMLAH_PALING_SALAH = 5
"""Banyaknya soal yang paling sering salah yang didaftar untuk setiap tes."""


@dataclass(frozen=True)
class Dilewati:
    """Satu berkas yang tidak dihitung, dengan alasannya."""

    berkas: str
    alasan: str


@dataclass
class Kumpulan:
    """Hasil membaca satu folder: jawaban yang dihitung, berkas yang dilewati, dan catatan."""

    folder: Path
    jawaban: list[BerkasJawaban]
    dilewati: list[Dilewati]
    catatan: list[str] = field(default_factory=list)
    berkas_json: int = 0
    berkas_lain: int = 0


def _relatif(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:  # pragma: no cover - semua berkas berasal dari folder itu
        return str(path)


def _waktu(teks: str) -> datetime.datetime:
    try:
        w = datetime.datetime.fromisoformat(teks)
    except ValueError:
        return datetime.datetime.max.replace(tzinfo=datetime.timezone.utc)
    return w if w.tzinfo else w.replace(tzinfo=datetime.timezone.utc)


def kumpulkan(folder: str | Path, kecuali: Path | None = None) -> Kumpulan:
    """Baca semua berkas ``.json`` di ``folder`` dan subfoldernya; satu jawaban per peserta per tes.

    ``kecuali``: folder yang tidak ditelusuri (mis. folder keluaran di dalam ``folder``).
    Berkas sementara (``.*.tmp``) dan folder tersembunyi dilewati tanpa dicatat; berkas lain
    yang bukan ``.json`` hanya dihitung banyaknya.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GalatP3PD(f"Folder '{folder}' tidak ada atau bukan folder.")
    kecuali_r = kecuali.resolve() if kecuali is not None else None
    if kecuali_r is not None and (
        kecuali_r == folder.resolve() or kecuali_r in folder.resolve().parents
    ):
        kecuali_r = None  # folder keluaran = folder masukan (atau di atasnya): tetap telusuri semua
    sah: list[BerkasJawaban] = []
    dilewati: list[Dilewati] = []
    kumpulan = Kumpulan(folder, [], dilewati)
    for path in sorted(folder.rglob("*")):
        bagian = path.relative_to(folder).parts
        if any(b.startswith(".") for b in bagian) or not path.is_file():
            continue
        if kecuali_r is not None and kecuali_r in path.resolve().parents:
            continue
        if path.suffix.lower() != ".json":
            kumpulan.berkas_lain += 1
            continue
        kumpulan.berkas_json += 1
        try:
            sah.append(baca_berkas_jawaban(path))
        except BerkasDitolak as g:
            dilewati.append(Dilewati(_relatif(path, folder), str(g)))
    kumpulan.jawaban = _satu_per_peserta(sah, folder, dilewati)
    if kumpulan.berkas_lain:
        kumpulan.catatan.append(
            f"{kumpulan.berkas_lain} berkas lain (bukan .json) di folder itu tidak diperiksa."
        )
    return kumpulan


def _satu_per_peserta(
    sah: list[BerkasJawaban], folder: Path, dilewati: list[Dilewati]
) -> list[BerkasJawaban]:
    """Pilih satu jawaban untuk setiap (kode, jenis tes); catat yang lain beserta alasannya."""
    kelompok: dict[tuple[str, str], list[BerkasJawaban]] = {}
    for b in sah:
        kelompok.setdefault((b.kode_peserta, b.jenis), []).append(b)
    dipakai = []
    for (kode, jenis), daftar in sorted(kelompok.items()):
        unik: dict[str, BerkasJawaban] = {}
        for b in sorted(daftar, key=lambda b: str(b.path)):
            if b.checksum in unik:
                asal = _relatif(unik[b.checksum].path, folder)
                dilewati.append(Dilewati(_relatif(b.path, folder), f"salinan persis dari {asal}."))
            else:
                unik[b.checksum] = b
        calon = list(unik.values())
        digantikan = {b.menggantikan: b for b in calon if b.menggantikan}
        tersisa = []
        for b in calon:
            if b.checksum in digantikan:
                baru = _relatif(digantikan[b.checksum].path, folder)
                dilewati.append(
                    Dilewati(
                        _relatif(b.path, folder),
                        f"jawaban lama yang sudah digantikan peserta dengan {baru}.",
                    )
                )
            else:
                tersisa.append(b)
        tersisa.sort(key=lambda b: (_waktu(b.waktu), str(b.path)))
        pilih = tersisa[0]
        for b in tersisa[1:]:
            dilewati.append(
                Dilewati(
                    _relatif(b.path, folder),
                    f"jawaban ganda untuk {JENIS_TES[jenis].lower()} kode {kode} dengan isi berbeda; "
                    f"yang dihitung {_relatif(pilih.path, folder)} (tersimpan paling awal). "
                    "Periksa apakah dua peserta memakai kode yang sama.",
                )
            )
        dipakai.append(pilih)
    return dipakai


def tabel_nilai(jawaban: list[BerkasJawaban]) -> pd.DataFrame:
    """Satu baris per peserta × tes × soal: kode, kelas, provinsi, jenis, soal, benar, dijawab."""
    soal = daftar_soal()
    baris = []
    for b in jawaban:
        for s in soal:
            nilai = b.jawaban.get(s.id)
            baris.append(
                {
                    "kode_peserta": b.kode_peserta,
                    "kelas": b.kelas,
                    "provinsi": b.provinsi,
                    "jenis": b.jenis,
                    "soal": s.id,
                    "tujuan": s.tujuan,
                    "layanan": s.layanan,
                    "benar": benar(s, nilai),
                    "dijawab": nilai is not None,
                }
            )
    kolom = ["kode_peserta", "kelas", "provinsi", "jenis", "soal", "tujuan", "layanan"]
    return pd.DataFrame(baris, columns=[*kolom, "benar", "dijawab"])


@dataclass
class Rekap:
    """Semua tabel rekap satu pengumpulan (judul kolom berbahasa Indonesia)."""

    ringkasan: pd.DataFrame
    peserta: pd.DataFrame
    per_soal: pd.DataFrame
    per_tujuan: pd.DataFrame
    per_kelas: pd.DataFrame
    per_provinsi: pd.DataFrame
    paling_salah: pd.DataFrame
    dilewati: pd.DataFrame
    catatan: list[str]

    def lembar(self) -> dict[str, pd.DataFrame]:
        """Tabel per lembar buku kerja, dalam urutan yang dibaca pelatih."""
        return {
            "Ringkasan": self.ringkasan,
            "Kenaikan per kelas": self.per_kelas,
            "Kenaikan per provinsi": self.per_provinsi,
            "Soal paling sering salah": self.paling_salah,
            "Nilai per peserta": self.peserta,
            "Nilai per soal": self.per_soal,
            "Nilai per tujuan": self.per_tujuan,
            "Berkas dilewati": self.dilewati,
        }


def _persen(benar_: float, total: float) -> float | None:
    return round(100 * benar_ / total, 1) if total else None


def _identitas(jawaban: list[BerkasJawaban], catatan: list[str]) -> pd.DataFrame:
    """Kelas dan provinsi setiap peserta: dari tes awal bila ada (perbedaan dicatat)."""
    per_kode: dict[str, dict[str, BerkasJawaban]] = {}
    for b in jawaban:
        per_kode.setdefault(b.kode_peserta, {})[b.jenis] = b
    baris = []
    for kode, tes in sorted(per_kode.items()):
        utama = tes.get("awal") or tes["akhir"]
        if "awal" in tes and "akhir" in tes:
            for apa in ("kelas", "provinsi"):
                a, b = getattr(tes["awal"], apa), getattr(tes["akhir"], apa)
                if a != b:
                    catatan.append(
                        f"Kode {kode}: {apa} berbeda di tes awal ('{a}') dan tes akhir ('{b}'); "
                        "dipakai yang di tes awal."
                    )
        baris.append({"kode_peserta": kode, "kelas": utama.kelas, "provinsi": utama.provinsi})
    return pd.DataFrame(baris, columns=["kode_peserta", "kelas", "provinsi"])


def _kenaikan(peserta: pd.DataFrame, kunci: list[str]) -> pd.DataFrame:
    """Kenaikan rata-rata per kelompok, hanya peserta yang mengikuti kedua tes."""
    baris = []
    for nilai_kunci, kel in peserta.groupby(kunci, sort=True):
        nilai_kunci = nilai_kunci if isinstance(nilai_kunci, tuple) else (nilai_kunci,)
        baris.append(_baris_kenaikan(dict(zip(kunci, nilai_kunci, strict=True)), kel))
    return pd.DataFrame(baris)


def _baris_kenaikan(label: dict[str, str], kel: pd.DataFrame) -> dict[str, object]:
    """Kenaikan dihitung hanya atas peserta berpasangan; dua kolom terakhir memakai semua peserta
    tes itu (berguna sesudah tes awal, sebelum ada pasangan)."""
    awal = kel["persen_awal"].notna()
    akhir = kel["persen_akhir"].notna()
    pasang = kel[awal & akhir]
    return {
        **label,
        "peserta tes awal": int(awal.sum()),
        "peserta tes akhir": int(akhir.sum()),
        "peserta berpasangan": len(pasang),
        "rata-rata tes awal (%)": round(pasang["persen_awal"].mean(), 1) if len(pasang) else None,
        "rata-rata tes akhir (%)": round(pasang["persen_akhir"].mean(), 1) if len(pasang) else None,
        "kenaikan (poin)": round((pasang["persen_akhir"] - pasang["persen_awal"]).mean(), 1)
        if len(pasang)
        else None,
        "hanya tes awal": int((awal & ~akhir).sum()),
        "hanya tes akhir": int((akhir & ~awal).sum()),
        "tes awal, semua peserta (%)": _rata(kel["persen_awal"]),
        "tes akhir, semua peserta (%)": _rata(kel["persen_akhir"]),
    }


def _rata(nilai: pd.Series) -> float | None:
    """Rata-rata yang ada (dibulatkan satu desimal); ``None`` bila tidak ada nilai."""
    ada = nilai.dropna()
    return round(float(ada.mean()), 1) if len(ada) else None


def hitung_rekap(kumpulan: Kumpulan) -> Rekap:
    """Semua tabel rekap dari hasil :func:`kumpulkan` (persen dibulatkan satu desimal)."""
    catatan = list(kumpulan.catatan)
    soal = daftar_soal()
    n_soal = len(soal)
    nilai = tabel_nilai(kumpulan.jawaban)
    identitas = _identitas(kumpulan.jawaban, catatan)

    # Per peserta: banyak benar dan persen untuk setiap tes.
    skor = nilai.groupby(["kode_peserta", "jenis"])["benar"].sum().unstack("jenis")
    peserta = identitas.set_index("kode_peserta")
    for jenis in JENIS_TES:
        kolom = skor[jenis] if jenis in skor.columns else pd.Series(dtype=float)
        peserta[f"benar_{jenis}"] = kolom.reindex(peserta.index)
        peserta[f"persen_{jenis}"] = 100 * peserta[f"benar_{jenis}"] / n_soal
    peserta = peserta.reset_index()
    tabel_peserta = pd.DataFrame(
        {
            "kode peserta": peserta["kode_peserta"],
            "provinsi": peserta["provinsi"],
            "kelas": peserta["kelas"],
            "benar tes awal": peserta["benar_awal"].astype("Int64"),
            "tes awal (%)": peserta["persen_awal"].round(1),
            "benar tes akhir": peserta["benar_akhir"].astype("Int64"),
            "tes akhir (%)": peserta["persen_akhir"].round(1),
            "kenaikan (poin)": (peserta["persen_akhir"] - peserta["persen_awal"]).round(1),
        }
    )

    # Per soal.
    baris_soal = []
    for s in soal:
        b = {
            "soal": s.id,
            "tujuan": s.tujuan,
            "layanan": nama_layanan(s.layanan),
            "jenis soal": "pilihan ganda" if s.jenis == "pilihan" else "angka",
            "teks": s.teks.replace("**", ""),
            "kunci": s.teks_kunci(),
            "diajarkan di": s.diajarkan_di,
            "sumber": s.sumber,
        }
        for jenis in JENIS_TES:
            bagian = nilai[(nilai["soal"] == s.id) & (nilai["jenis"] == jenis)]
            b[f"peserta {JENIS_TES[jenis].lower()}"] = len(bagian)
            b[f"benar {JENIS_TES[jenis].lower()}"] = int(bagian["benar"].sum())
            b[f"{JENIS_TES[jenis].lower()} (%)"] = _persen(bagian["benar"].sum(), len(bagian))
        awal, akhir = b["tes awal (%)"], b["tes akhir (%)"]
        b["kenaikan (poin)"] = (
            round(akhir - awal, 1) if awal is not None and akhir is not None else None
        )
        baris_soal.append(b)
    per_soal = pd.DataFrame(baris_soal)

    # Per tujuan.
    baris_tujuan = []
    for kode, uraian in TUJUAN.items():
        b = {
            "tujuan": kode,
            "uraian": uraian,
            "banyak soal": sum(1 for s in soal if s.tujuan == kode),
        }
        for jenis in JENIS_TES:
            bagian = nilai[(nilai["tujuan"] == kode) & (nilai["jenis"] == jenis)]
            b[f"{JENIS_TES[jenis].lower()} (%)"] = _persen(bagian["benar"].sum(), len(bagian))
        awal, akhir = b["tes awal (%)"], b["tes akhir (%)"]
        b["kenaikan (poin)"] = (
            round(akhir - awal, 1) if awal is not None and akhir is not None else None
        )
        baris_tujuan.append(b)
    per_tujuan = pd.DataFrame(baris_tujuan)

    # Kenaikan per kelas dan per provinsi (dipasangkan menurut kode peserta).
    kolom_kenaikan = [
        "peserta tes awal",
        "peserta tes akhir",
        "peserta berpasangan",
        "rata-rata tes awal (%)",
        "rata-rata tes akhir (%)",
        "kenaikan (poin)",
        "hanya tes awal",
        "hanya tes akhir",
        "tes awal, semua peserta (%)",
        "tes akhir, semua peserta (%)",
    ]
    if len(peserta):
        per_kelas = _kenaikan(peserta, ["provinsi", "kelas"])
        per_provinsi = _kenaikan(peserta, ["provinsi"])
        semua = _baris_kenaikan({"provinsi": "Semua provinsi"}, peserta)
        per_provinsi = pd.concat([per_provinsi, pd.DataFrame([semua])], ignore_index=True)
    else:
        per_kelas = pd.DataFrame(columns=["provinsi", "kelas", *kolom_kenaikan])
        per_provinsi = pd.DataFrame(columns=["provinsi", *kolom_kenaikan])

    # Soal paling sering salah, per tes.
    baris_salah = []
    for jenis in JENIS_TES:
        kolom = f"{JENIS_TES[jenis].lower()} (%)"
        ikut = per_soal[f"peserta {JENIS_TES[jenis].lower()}"]
        ada = per_soal[(ikut > 0) & (per_soal[f"benar {JENIS_TES[jenis].lower()}"] < ikut)]
        urut = ada.sort_values([kolom, "soal"], kind="stable").head(JUMLAH_PALING_SALAH)
        for peringkat, (_, r) in enumerate(urut.iterrows(), start=1):
            peserta_tes = int(r[f"peserta {JENIS_TES[jenis].lower()}"])
            benar_tes = int(r[f"benar {JENIS_TES[jenis].lower()}"])
            baris_salah.append(
                {
                    "tes": JENIS_TES[jenis],
                    "peringkat": peringkat,
                    "soal": r["soal"],
                    "benar (%)": r[kolom],
                    "salah (peserta)": peserta_tes - benar_tes,
                    "tujuan": r["tujuan"],
                    "layanan": r["layanan"],
                    "teks": r["teks"],
                    "kunci": r["kunci"],
                    "ajarkan ulang dari": r["diajarkan di"],
                }
            )
    paling_salah = pd.DataFrame(
        baris_salah,
        columns=[
            "tes",
            "peringkat",
            "soal",
            "benar (%)",
            "salah (peserta)",
            "tujuan",
            "layanan",
            "teks",
            "kunci",
            "ajarkan ulang dari",
        ],
    )

    dilewati = pd.DataFrame(
        [{"berkas": d.berkas, "alasan": d.alasan} for d in kumpulan.dilewati],
        columns=["berkas", "alasan"],
    )
    jumlah = {j: sum(1 for b in kumpulan.jawaban if b.jenis == j) for j in JENIS_TES}
    ringkasan = pd.DataFrame(
        [
            ("Folder yang dikumpulkan", str(kumpulan.folder)),
            ("Versi soal", versi_soal()),
            ("Banyak soal", n_soal),
            ("Berkas .json diperiksa", kumpulan.berkas_json),
            ("Berkas dihitung", len(kumpulan.jawaban)),
            ("Berkas dilewati (lihat lembar 'Berkas dilewati')", len(kumpulan.dilewati)),
            ("Jawaban tes awal", jumlah["awal"]),
            ("Jawaban tes akhir", jumlah["akhir"]),
            ("Peserta (kode berbeda)", len(peserta)),
            (
                "Peserta yang mengikuti kedua tes",
                int(tabel_peserta["kenaikan (poin)"].notna().sum()),
            ),
            *[("Catatan", c) for c in catatan],
        ],
        columns=["keterangan", "nilai"],
    )
    return Rekap(
        ringkasan=ringkasan,
        peserta=tabel_peserta,
        per_soal=per_soal,
        per_tujuan=per_tujuan,
        per_kelas=per_kelas,
        per_provinsi=per_provinsi,
        paling_salah=paling_salah,
        dilewati=dilewati,
        catatan=catatan,
    )
