"""Kurikulum empat hari: satu sumber jadwal (``referensi/kurikulum.toml``) dan turunannya.

Berkas ``kurikulum.toml`` memuat hari, sesi (jam mulai dan selesai, istirahat), notebook setiap
sesi, menit materi dan latihan, tujuan sesi, tujuan pelatihan (a–d) yang dilayani, bahan, alur
menit demi menit, titik periksa, dan bagian opsional. Modul ini membacanya
(:func:`baca_kurikulum`), memeriksanya (jam berurutan tanpa tumpang tindih, menit cocok,
notebook ada), dan menurunkan:

- tabel jadwal README (:func:`tabel_readme`, ditulis ``p3pd kurikulum --readme``);
- jadwal cetak per hari (:func:`teks_jadwal`, juga di panduan pelatih);
- pemeriksaan "Estimasi waktu" setiap notebook dan tabel README (:func:`periksa_turunan`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p3pd.galat import GalatP3PD
from p3pd.lokasi import folder_proyek, folder_referensi

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

JENIS_SESI = (
    "pembukaan",
    "tes awal",
    "notebook",
    "diskusi kelompok",
    "istirahat",
    "tes akhir",
    "penutupan",
)
"""Jenis sesi yang dikenal."""

HURUF_TUJUAN = ("a", "b", "c", "d")
"""Huruf empat tujuan pelatihan."""

_BULAN = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()

PENANDA_MULAI = "<!-- jadwal:mulai (dibuat oleh `p3pd kurikulum --readme`; jangan disunting) -->"
PENANDA_SELESAI = "<!-- jadwal:selesai -->"
"""Penanda tabel jadwal di README; isi di antaranya ditulis ulang dari kurikulum."""

_JAM = re.compile(r"^([01]\d|2[0-3])\.([0-5]\d)$")
_ESTIMASI = re.compile(r"Estimasi waktu:\*\*\s*(\d+)\s*menit")
_MATERI = re.compile(r"(\d+)\s*menit materi")
_LATIHAN = re.compile(r"(\d+)\s*menit latihan")
_BARIS_RENCANA = re.compile(r"^\|\s*(?P<bagian>[^|]+?)\s*\|\s*(?P<menit>\d+)\s*\|\s*$", re.M)


@dataclass(frozen=True)
class Langkah:
    """Satu bagian alur sesi: nama bagian dan lamanya (menit)."""

    bagian: str
    menit: int


@dataclass(frozen=True)
class TitikPeriksa:
    """Titik periksa fasilitator: menit ke berapa (dari awal sesi) dan apa yang diperiksa."""

    menit: int
    teks: str


@dataclass(frozen=True)
class Pertanyaan:
    """Pertanyaan diskusi dan isi jawaban yang baik."""

    tanya: str
    jawaban: str


@dataclass(frozen=True)
class Sesi:
    """Satu sesi dalam sehari (notebook, diskusi, tes, istirahat, …)."""

    jenis: str
    judul: str
    mulai: str
    selesai: str
    notebook: str | None = None
    menit_materi: int = 0
    menit_latihan: int = 0
    tujuan_pelatihan: tuple[str, ...] = ()
    tujuan: tuple[str, ...] = ()
    bahan: tuple[str, ...] = ()
    opsional: tuple[str, ...] = ()
    alur: tuple[Langkah, ...] = ()
    periksa: tuple[TitikPeriksa, ...] = ()
    pertanyaan: tuple[Pertanyaan, ...] = ()

    @property
    def menit(self) -> int:
        """Lama sesi dalam menit (selesai − mulai)."""
        return _menit_hari(self.selesai) - _menit_hari(self.mulai)

    @property
    def nomor(self) -> str | None:
        """Nomor notebook (``"03"``) atau ``None`` untuk sesi tanpa notebook."""
        return self.notebook[:2] if self.notebook else None


@dataclass(frozen=True)
class Hari:
    """Satu hari pelatihan dan sesi-sesinya."""

    nomor: int
    nama: str
    tanggal: dt.date
    tema: str
    sesi: tuple[Sesi, ...]

    @property
    def judul(self) -> str:
        """Judul hari, mis. ``"Hari 1 — Selasa, 9 Juli"``."""
        return f"Hari {self.nomor} — {self.label}"

    @property
    def label(self) -> str:
        """Nama hari dan tanggal, mis. ``"Selasa, 9 Juli"``."""
        return f"{self.nama}, {self.tanggal.day} {_BULAN[self.tanggal.month - 1]}"

    @property
    def mulai(self) -> str:
        """Jam mulai sesi pertama."""
        return self.sesi[0].mulai

    @property
    def selesai(self) -> str:
        """Jam selesai sesi terakhir."""
        return self.sesi[-1].selesai


@dataclass(frozen=True)
class Kurikulum:
    """Seluruh kurikulum: keterangan pelatihan, tujuan a–d, dan empat hari."""

    judul: str
    tahun: int
    peserta: str
    pelatih: str
    catatan: str
    tujuan_pelatihan: dict[str, str]
    hari: tuple[Hari, ...]
    berkas: Path = field(default=Path("kurikulum.toml"), compare=False)

    def sesi_notebook(self) -> list[tuple[Hari, Sesi]]:
        """Sesi bernotebook menurut urutan jadwal, masing-masing dengan harinya."""
        return [(h, s) for h in self.hari for s in h.sesi if s.notebook]

    def cari_notebook(self, nomor_atau_nama: str) -> tuple[Hari, Sesi]:
        """Sesi untuk notebook bernomor/bernama ``nomor_atau_nama`` (``"03"`` atau nama lengkap)."""
        for h, s in self.sesi_notebook():
            if nomor_atau_nama in (s.nomor, s.notebook):
                return h, s
        raise GalatP3PD(f"Notebook '{nomor_atau_nama}' tidak ada di kurikulum ({self.berkas}).")


# --------------------------------------------------------------------------- membaca


def berkas_kurikulum() -> Path:
    """Letak ``kurikulum.toml`` bawaan (ikut terpasang bersama paket)."""
    return folder_referensi() / "kurikulum.toml"


def _menit_hari(jam: str) -> int:
    cocok = _JAM.match(jam)
    if not cocok:
        raise ValueError(jam)
    return int(cocok.group(1)) * 60 + int(cocok.group(2))


def jam_tambah(jam: str, menit: int) -> str:
    """Jam ``"JJ.MM"`` ditambah ``menit`` menit, mis. ``jam_tambah("08.30", 45) == "09.15"``."""
    total = _menit_hari(jam) + menit
    return f"{total // 60:02d}.{total % 60:02d}"


def baca_kurikulum(berkas: str | Path | None = None, periksa: bool = True) -> Kurikulum:
    """Baca ``kurikulum.toml`` (bawaan: milik paket) dan, bila ``periksa``, periksa isinya.

    Galat membaca atau isi yang tidak konsisten menjadi ``GalatP3PD`` yang menyebut berkas,
    hari, dan sesinya. Pemeriksaan: lihat :func:`periksa_kurikulum`.
    """
    berkas = Path(berkas) if berkas else berkas_kurikulum()
    try:
        data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GalatP3PD(f"Berkas kurikulum '{berkas}' tidak ada.") from None
    except tomllib.TOMLDecodeError as galat:
        raise GalatP3PD(f"Berkas kurikulum '{berkas}' tidak dapat dibaca: {galat}.") from None
    try:
        kur = _dari_data(data, berkas)
    except (KeyError, TypeError, ValueError) as galat:
        raise GalatP3PD(
            f"Berkas kurikulum '{berkas}': isian wajib hilang atau berjenis salah ({galat!s})."
        ) from None
    if periksa:
        masalah = periksa_kurikulum(kur)
        if masalah:
            raise GalatP3PD(
                f"Berkas kurikulum '{berkas}' tidak konsisten:\n"
                + "\n".join(f"  - {m}" for m in masalah)
            )
    return kur


def _tuple(nilai: Any) -> tuple[str, ...]:
    if isinstance(nilai, str):
        raise TypeError(f"'{nilai}' harus berupa daftar, bukan teks")
    return tuple(str(v) for v in (nilai or ()))


def _sesi(d: dict[str, Any]) -> Sesi:
    return Sesi(
        jenis=str(d["jenis"]),
        judul=str(d["judul"]),
        mulai=str(d["mulai"]),
        selesai=str(d["selesai"]),
        notebook=d.get("notebook"),
        menit_materi=int(d.get("menit_materi", 0)),
        menit_latihan=int(d.get("menit_latihan", 0)),
        tujuan_pelatihan=_tuple(d.get("tujuan_pelatihan")),
        tujuan=_tuple(d.get("tujuan")),
        bahan=_tuple(d.get("bahan")),
        opsional=_tuple(d.get("opsional")),
        alur=tuple(Langkah(str(a["bagian"]), int(a["menit"])) for a in d.get("alur", ())),
        periksa=tuple(TitikPeriksa(int(p["menit"]), str(p["teks"])) for p in d.get("periksa", ())),
        pertanyaan=tuple(
            Pertanyaan(str(p["tanya"]), str(p["jawaban"])) for p in d.get("pertanyaan", ())
        ),
    )


def _dari_data(data: dict[str, Any], berkas: Path) -> Kurikulum:
    pel = data["pelatihan"]
    hari = []
    for h in data["hari"]:
        tanggal = h["tanggal"]
        if not isinstance(tanggal, dt.date):
            raise TypeError(f"tanggal hari {h.get('nomor')} harus berupa tanggal TOML (2024-07-09)")
        hari.append(
            Hari(
                int(h["nomor"]),
                str(h["nama"]),
                tanggal,
                str(h["tema"]),
                tuple(map(_sesi, h["sesi"])),
            )
        )
    return Kurikulum(
        judul=str(pel["judul"]),
        tahun=int(pel["tahun"]),
        peserta=str(pel["peserta"]),
        pelatih=str(pel["pelatih"]),
        catatan=str(pel["catatan"]),
        tujuan_pelatihan={str(k): str(v) for k, v in data["tujuan_pelatihan"].items()},
        hari=tuple(hari),
        berkas=berkas,
    )


# --------------------------------------------------------------------------- memeriksa


def periksa_kurikulum(kur: Kurikulum, akar: Path | None = None) -> list[str]:
    """Daftar masalah isi kurikulum (kosong bila konsisten).

    Diperiksa: tujuan pelatihan tepat a–d; hari bernomor 1, 2, … dengan tanggal berurutan dan
    nama hari yang cocok dengan tanggalnya; jam "JJ.MM"; sesi satu hari bersambung tanpa jeda dan
    tanpa tumpang tindih; jenis sesi dikenal; sesi notebook punya menit materi + latihan = lama
    sesi, tujuan pelatihan a–d, dan notebook yang tidak dipakai dua kali; ``alur`` berjumlah lama
    sesi; titik periksa di dalam sesi; diskusi punya pertanyaan; berkas bahan di ``data/`` dan
    berkas notebook (bila notebooknya sudah ada di ``akar``) serta bagian opsionalnya ada.
    """
    akar = akar or folder_proyek()
    masalah: list[str] = []
    if sorted(kur.tujuan_pelatihan) != list(HURUF_TUJUAN):
        masalah.append(f"tujuan_pelatihan harus tepat {', '.join(HURUF_TUJUAN)}")
    nama_hari = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    notebook_dipakai: dict[str, str] = {}
    for i, h in enumerate(kur.hari, start=1):
        if h.nomor != i:
            masalah.append(f"hari ke-{i} bernomor {h.nomor}")
        if nama_hari[h.tanggal.weekday()] != h.nama:
            masalah.append(f"hari {h.nomor}: {h.tanggal} adalah {nama_hari[h.tanggal.weekday()]}")
        if i > 1 and h.tanggal <= kur.hari[i - 2].tanggal:
            masalah.append(f"hari {h.nomor}: tanggal tidak sesudah hari sebelumnya")
        if not h.sesi:
            masalah.append(f"hari {h.nomor}: tidak ada sesi")
        sebelum: Sesi | None = None
        for s in h.sesi:
            tempat = f"hari {h.nomor}, sesi {s.mulai}–{s.selesai} '{s.judul}'"
            if not (_JAM.match(s.mulai) and _JAM.match(s.selesai)):
                masalah.append(f"{tempat}: jam harus ditulis JJ.MM")
                sebelum = None
                continue
            if s.menit <= 0:
                masalah.append(f"{tempat}: selesai tidak sesudah mulai")
            if sebelum is not None and s.mulai != sebelum.selesai:
                jenis = "tumpang tindih" if s.mulai < sebelum.selesai else "ada jeda"
                masalah.append(
                    f"{tempat}: {jenis} dengan sesi sebelumnya (selesai {sebelum.selesai})"
                )
            sebelum = s
            masalah.extend(_periksa_sesi(s, tempat, akar, notebook_dipakai))
    return masalah


def _periksa_sesi(s: Sesi, tempat: str, akar: Path, dipakai: dict[str, str]) -> list[str]:
    masalah = []
    if s.jenis not in JENIS_SESI:
        masalah.append(f"{tempat}: jenis '{s.jenis}' tidak dikenal ({', '.join(JENIS_SESI)})")
    salah = [t for t in s.tujuan_pelatihan if t not in HURUF_TUJUAN]
    if salah:
        masalah.append(f"{tempat}: tujuan pelatihan {salah} bukan a–d")
    if (s.jenis == "notebook") != bool(s.notebook):
        masalah.append(f"{tempat}: hanya sesi berjenis 'notebook' yang punya notebook")
    if s.notebook:
        if not re.fullmatch(r"\d{2}_[a-z0-9_]+", s.notebook):
            masalah.append(f"{tempat}: nama notebook '{s.notebook}' bukan NN_nama")
        if s.notebook in dipakai:
            masalah.append(f"{tempat}: notebook {s.notebook} juga dipakai di {dipakai[s.notebook]}")
        dipakai[s.notebook] = tempat
        if s.menit_materi + s.menit_latihan != s.menit:
            masalah.append(
                f"{tempat}: menit materi {s.menit_materi} + latihan {s.menit_latihan} "
                f"≠ lama sesi {s.menit}"
            )
        if not s.tujuan:
            masalah.append(f"{tempat}: tujuan sesi kosong")
        berkas = akar / "notebooks" / f"{s.notebook}.ipynb"
        if berkas.is_file():
            teks = teks_markdown(berkas)
            rencana = rencana_waktu_notebook(berkas)
            if not s.alur and not rencana:
                masalah.append(f"{tempat}: tidak ada alur, dan notebooknya tanpa 'Rencana waktu'")
            if s.alur and rencana:
                masalah.append(
                    f"{tempat}: alur ganda: {berkas.name} memuat 'Rencana waktu'; hapus 'alur' "
                    "sesi ini di kurikulum (satu sumber)"
                )
            for bagian in s.opsional:
                if not re.search(rf"#+ [^\n]*{re.escape(bagian)}[^\n]*\(opsional\)", teks):
                    masalah.append(
                        f"{tempat}: bagian opsional '{bagian}' tidak ada di {berkas.name}"
                    )
    elif s.jenis != "istirahat" and not s.alur:
        masalah.append(f"{tempat}: alur kosong")
    if s.alur and sum(a.menit for a in s.alur) != s.menit:
        masalah.append(
            f"{tempat}: menit alur berjumlah {sum(a.menit for a in s.alur)}, lama sesi {s.menit}"
        )
    for p in s.periksa:
        if not 0 <= p.menit <= s.menit:
            masalah.append(f"{tempat}: titik periksa menit {p.menit} di luar sesi")
    if s.jenis == "diskusi kelompok" and not s.pertanyaan:
        masalah.append(f"{tempat}: diskusi tanpa pertanyaan")
    for b in s.bahan:
        if b.startswith(("data/", "notebooks/")) and not (akar / b).exists():
            masalah.append(f"{tempat}: bahan '{b}' tidak ada")
    return masalah


# --------------------------------------------------------------------------- notebook


def estimasi_notebook(teks: str) -> tuple[int, int | None, int | None] | None:
    """(total, materi, latihan) dari baris "Estimasi waktu" sebuah notebook (JSON atau teks).

    ``materi``/``latihan`` ``None`` bila baris itu tidak menyebutnya. ``None`` bila tidak ada
    baris "Estimasi waktu: N menit".
    """
    cocok = _ESTIMASI.search(teks)
    if not cocok:
        return None
    baris = teks[cocok.start() : teks.find("\n", cocok.end()) + 1 or None]
    materi, latihan = _MATERI.search(baris), _LATIHAN.search(baris)
    return (
        int(cocok.group(1)),
        int(materi.group(1)) if materi else None,
        int(latihan.group(1)) if latihan else None,
    )


def rencana_waktu(teks: str) -> list[Langkah]:
    """Tabel "Rencana waktu" (bagian → menit) di sel Estimasi waktu notebook; kosong bila tidak ada.

    ``teks`` adalah isi sel Markdown (bukan JSON notebook); untuk berkas notebook pakai
    :func:`rencana_waktu_notebook`.
    """
    if "Rencana waktu" not in teks:
        return []
    awal = teks.index("Rencana waktu")
    return [
        Langkah(m["bagian"].replace("`", ""), int(m["menit"]))
        for m in _BARIS_RENCANA.finditer(teks[awal:])
    ]


def teks_markdown(berkas: Path) -> str:
    """Semua sel Markdown sebuah notebook, digabung (untuk mencari judul dan teks)."""
    import nbformat

    nb = nbformat.read(berkas, as_version=4)
    return "\n\n".join(sel.source for sel in nb.cells if sel.cell_type == "markdown")


def rencana_waktu_notebook(berkas: Path) -> list[Langkah]:
    """Tabel "Rencana waktu" sebuah berkas notebook (kosong bila notebook tidak memuatnya)."""
    import nbformat

    nb = nbformat.read(berkas, as_version=4)
    for sel in nb.cells:
        if sel.cell_type == "markdown" and _ESTIMASI.search(sel.source):
            return rencana_waktu(sel.source)
    return []


def alur_sesi(s: Sesi, akar: Path | None = None) -> list[Langkah]:
    """Alur sesi: tabel "Rencana waktu" notebook bila ada, selain itu ``alur`` di kurikulum.

    Sesi notebook tanpa keduanya (notebooknya belum ada): materi, lalu latihan.
    """
    if s.notebook:
        berkas = (akar or folder_proyek()) / "notebooks" / f"{s.notebook}.ipynb"
        if berkas.is_file():
            rencana = rencana_waktu_notebook(berkas)
            if rencana:
                return rencana
        if not s.alur:
            return [
                Langkah(f"Materi notebooks/{s.notebook}.ipynb", s.menit_materi),
                Langkah(f"Latihan exercises/{s.notebook}.ipynb", s.menit_latihan),
            ]
    return list(s.alur)


# --------------------------------------------------------------------------- turunan


def _label_tujuan(s: Sesi) -> str:
    return ", ".join(s.tujuan_pelatihan) if s.tujuan_pelatihan else "–"


def tabel_readme(kur: Kurikulum) -> str:
    """Tabel jadwal README: ``| No | Notebook | Hari | Menit | Tujuan |``, satu baris per notebook."""
    baris = ["| No | Notebook | Hari | Menit | Tujuan |", "|---|---|---|---|---|"]
    for h, s in kur.sesi_notebook():
        baris.append(
            f"| {s.nomor} | [`{s.notebook}`](notebooks/{s.notebook}.ipynb) | {h.label} "
            f"| {s.menit} | {_label_tujuan(s)} · {s.tujuan[0]} |"
        )
    return "\n".join(baris)


def blok_readme(kur: Kurikulum) -> str:
    """Tabel jadwal README di antara penandanya."""
    return f"{PENANDA_MULAI}\n{tabel_readme(kur)}\n{PENANDA_SELESAI}"


def readme_dengan_jadwal(teks: str, kur: Kurikulum) -> str:
    """Isi README dengan tabel jadwal (di antara penanda) yang dibuat ulang dari kurikulum."""
    if PENANDA_MULAI not in teks or PENANDA_SELESAI not in teks:
        raise GalatP3PD(
            "README tidak memuat penanda tabel jadwal. Tambahkan dua baris ini di tempat "
            f"tabelnya:\n{PENANDA_MULAI}\n{PENANDA_SELESAI}"
        )
    awal = teks.index(PENANDA_MULAI)
    akhir = teks.index(PENANDA_SELESAI, awal) + len(PENANDA_SELESAI)
    return teks[:awal] + blok_readme(kur) + teks[akhir:]


def teks_jadwal(kur: Kurikulum) -> str:
    """Jadwal cetak empat hari: per hari, setiap sesi dengan jam, lama, dan tujuan a–d."""
    baris = [f"Jadwal {kur.judul}", kur.catatan, ""]
    for h in kur.hari:
        baris.append(f"{h.judul} ({h.mulai}–{h.selesai}): {h.tema}")
        for s in h.sesi:
            nb = f" [{s.notebook}]" if s.notebook else ""
            tujuan = f" — tujuan {_label_tujuan(s)}" if s.tujuan_pelatihan else ""
            baris.append(f"  {s.mulai}–{s.selesai}  {s.menit:>3} menit  {s.judul}{nb}{tujuan}")
        baris.append("")
    return "\n".join(baris).rstrip() + "\n"


def periksa_turunan(kur: Kurikulum, akar: Path | None = None) -> list[str]:
    """Daftar penyimpangan turunan kurikulum: tabel README dan "Estimasi waktu" notebook.

    Untuk setiap notebook kurikulum yang sudah ada: "Estimasi waktu" di ``notebooks/`` = lama
    sesi (dan menit materi/latihan bila baris itu menyebutnya); di ``solutions/`` = menit
    latihan.
    Notebook bernomor di ``notebooks/`` yang tidak ada di kurikulum juga dilaporkan.
    """
    akar = akar or folder_proyek()
    masalah = []
    readme = akar / "README.md"
    if readme.is_file():
        teks = readme.read_text(encoding="utf-8")
        if PENANDA_MULAI not in teks or blok_readme(kur) not in teks:
            masalah.append("README.md: tabel jadwal tidak sama dengan kurikulum")
    for _, s in kur.sesi_notebook():
        for folder in ("notebooks", "solutions"):
            berkas = akar / folder / f"{s.notebook}.ipynb"
            if berkas.is_file():
                masalah.extend(_periksa_estimasi(berkas, s, f"{folder}/{berkas.name}"))
    dikenal = {s.notebook for _, s in kur.sesi_notebook()}
    for berkas in sorted((akar / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        if berkas.stem not in dikenal:
            masalah.append(f"notebooks/{berkas.name}: tidak ada di kurikulum")
    return masalah


def _periksa_estimasi(berkas: Path, s: Sesi, nama: str) -> list[str]:
    """Notebook materi: Estimasi = lama sesi (dan materi/latihan); solusi: Estimasi = latihan."""
    est = estimasi_notebook(teks_markdown(berkas))
    if est is None:
        return [f"{nama}: tidak ada baris '**⏱ Estimasi waktu:** N menit'"]
    total, materi, latihan = est
    if nama.startswith("solutions/"):
        if total != s.menit_latihan:
            return [
                f"{nama}: Estimasi waktu {total} menit, kurikulum {s.menit_latihan} menit latihan"
            ]
        return []
    masalah = []
    if total != s.menit:
        masalah.append(f"{nama}: Estimasi waktu {total} menit, kurikulum {s.menit} menit")
    if materi is not None and materi != s.menit_materi:
        masalah.append(f"{nama}: {materi} menit materi, kurikulum {s.menit_materi}")
    if latihan is not None and latihan != s.menit_latihan:
        masalah.append(f"{nama}: {latihan} menit latihan, kurikulum {s.menit_latihan}")
    return masalah


def jadwal_notebook(kur: Kurikulum | None = None, akar: Path | None = None) -> Any:
    """Jadwal notebook sebagai tabel pandas: hari, jam, notebook, menit, tujuan, tersedia.

    ``tersedia`` bernilai "ya" bila berkas ``notebooks/NN_….ipynb`` sudah ada di ``akar``,
    selain itu "belum". Dipakai notebook 00 supaya jadwal yang dilihat peserta selalu sama
    dengan kurikulum.
    """
    import pandas as pd

    kur = kur or baca_kurikulum()
    akar = akar or folder_proyek()
    return pd.DataFrame(
        [
            {
                "hari": h.label,
                "jam": f"{s.mulai}–{s.selesai}",
                "notebook": s.notebook,
                "menit": s.menit,
                "tujuan": _label_tujuan(s),
                "tersedia": "ya"
                if (akar / "notebooks" / f"{s.notebook}.ipynb").is_file()
                else "belum",
            }
            for h, s in kur.sesi_notebook()
        ]
    )


def ringkas_menit(kur: Kurikulum) -> dict[str, int]:
    """Menit per jenis sesi di seluruh pelatihan (mis. ``{"notebook": 885, …}``)."""
    hasil: dict[str, int] = {}
    for h in kur.hari:
        for s in h.sesi:
            hasil[s.jenis] = hasil.get(s.jenis, 0) + s.menit
    return hasil


# --------------------------------------------------------------------------- CLI


def daftar_argumen(parser: argparse.ArgumentParser) -> None:
    """Daftarkan argumen sub-perintah ``kurikulum``."""
    parser.description = (
        "Mencetak jadwal empat hari dari kurikulum (modules/p3pd/referensi/kurikulum.toml), "
        "menulis tabel jadwal README, atau memeriksa bahwa README dan 'Estimasi waktu' setiap "
        "notebook masih sama dengan kurikulum."
    )
    parser.add_argument(
        "--readme",
        action="store_true",
        help="tulis ulang tabel jadwal di README.md dari kurikulum (di antara penandanya)",
    )
    parser.add_argument(
        "--periksa",
        action="store_true",
        help="periksa README dan 'Estimasi waktu' notebook terhadap kurikulum (kode 1 bila menyimpang)",
    )
    parser.add_argument(
        "--berkas", type=Path, metavar="TOML", help="berkas kurikulum lain (bawaan: milik paket)"
    )


def jalankan(args: argparse.Namespace) -> int:
    """Jalankan ``p3pd kurikulum``."""
    from p3pd.berkas import tulis_atomik

    kur = baca_kurikulum(args.berkas)
    if args.readme:
        readme = folder_proyek() / "README.md"
        lama = readme.read_text(encoding="utf-8")
        baru = readme_dengan_jadwal(lama, kur)
        if baru == lama:
            print("README.md: tabel jadwal sudah sama dengan kurikulum; tidak ada yang diubah.")
        else:
            tulis_atomik(readme, baru)
            print(f"README.md: tabel jadwal ditulis ulang dari {kur.berkas.name}.")
        return 0
    if args.periksa:
        masalah = periksa_turunan(kur)
        if masalah:
            print("Turunan kurikulum menyimpang:", file=sys.stderr)
            for m in masalah:
                print(f"  - {m}", file=sys.stderr)
            print(
                "Perbaiki: 'p3pd kurikulum --readme' untuk README; baris Estimasi waktu "
                "notebook disunting tangan.",
                file=sys.stderr,
            )
            return 1
        print("README dan Estimasi waktu notebook sama dengan kurikulum.")
        return 0
    print(teks_jadwal(kur), end="")
    return 0


def semua_notebook(kur: Kurikulum) -> Iterable[str]:
    """Nama semua notebook kurikulum menurut urutan jadwal."""
    return (s.notebook for _, s in kur.sesi_notebook() if s.notebook)
