"""Label jujur sebuah folder data: data latihan sintetis, atau data milik siapa dan dari mana.

"DATA SINTETIS" hanya untuk data latihan bawaan, dan itu ditentukan oleh penanda yang ikut
bersama datanya, bukan ditebak dari nama folder atau berkas:

- ``DATA_SINTETIS.json`` ditulis ``p3pd data`` di samping CSV latihan. Isinya daftar berkas
  tabel beserta sidik SHA-256 isinya. Berkas tabel yang isinya masih sama dengan sidik itu
  adalah data latihan sintetis; yang berbeda sudah diganti data lain.
- Salinan CSV latihan yang dipindah ke folder lain tanpa penandanya tetap dikenali dari
  sidiknya (dibandingkan dengan penanda di folder ``data/`` proyek).
- Data sendiri membawa labelnya sendiri di ``SUMBER_DATA.yaml`` (ditulis pengguna atau
  ``p3pd impor``)::

      pemilik: Kecamatan Getasan, Kabupaten Semarang
      sumber: Daftar desa Kepmendagri 2025; Podes 2021 (BPS); register puskesmas 2024
      tahun: 2024            # opsional
      catatan: angka 2024 sementara   # opsional

  ``pemilik`` dan ``sumber`` wajib. Labelnya: "Data milik …, sumber: …".

Folder yang mencampur berkas data latihan sintetis dengan berkas data sendiri, atau yang
labelnya tidak sesuai isinya (penanda sintetis di samping data sendiri, label data sendiri di
samping CSV latihan), ditolak dengan penjelasan: angka sintetis tidak boleh tampil di bawah
nama desa sungguhan, dan sebaliknya.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from p3pd.galat import DataTidakValid

__all__ = [
    "BERKAS_PENANDA",
    "BERKAS_LABEL",
    "TEKS_SINTETIS",
    "LabelData",
    "label_data",
    "peringatan_impor",
    "tampilkan_peringatan_impor",
    "tulis_penanda_sintetis",
]

BERKAS_PENANDA = "DATA_SINTETIS.json"
"""Penanda data latihan sintetis, ditulis ``p3pd data`` (jangan disalin ke folder data sendiri)."""

BERKAS_LABEL = "SUMBER_DATA.yaml"
"""Label data sendiri: pemilik dan sumber (ditulis pengguna atau ``p3pd impor``)."""

TEKS_SINTETIS = "DATA SINTETIS UNTUK LATIHAN — bukan data desa sungguhan."
"""Label satu baris data latihan bawaan (sampul handout, ringkasan, ekspor)."""

KETERANGAN_SINTETIS = (
    "Data latihan ini sintetis. Nama dan kode kabupaten serta kecamatan nyata "
    "(Kepmendagri 100.1.1-6117/2022), tetapi desa, angka, dan anggaran dibuat oleh generator "
    "data latihan. Jangan mengutipnya sebagai data resmi."
)
"""Keterangan panjang data latihan bawaan (spanduk notebook)."""

_KUNCI_LABEL = ("pemilik", "sumber", "tahun", "catatan", "dibuat_oleh")
_KUNCI_DAFTAR = ("peringatan_impor",)  # ditulis `p3pd impor`: berkas tabel → daftar peringatan
_AKHIRAN_TABEL = (".csv", ".xlsx", ".xlsm", ".txt", ".tsv")


@dataclass(frozen=True)
class LabelData:
    """Label satu folder data.

    - ``teks``: satu baris untuk sampul handout, ringkasan, dan ekspor;
    - ``keterangan``: keterangan lebih panjang (spanduk notebook);
    - ``sintetis``: ``True`` hanya untuk data latihan bawaan (menurut penandanya);
    - ``pemilik``, ``sumber``, ``tahun``, ``catatan``: dari ``SUMBER_DATA.yaml`` data sendiri;
    - ``berkas_label``: berkas penanda/label yang dibaca (``None`` bila tidak ada).
    """

    teks: str
    keterangan: str
    sintetis: bool
    folder: Path
    pemilik: str | None = None
    sumber: str | None = None
    tahun: str | None = None
    catatan: str | None = None
    berkas_label: Path | None = None
    berkas_sintetis: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- sidik


@lru_cache(maxsize=256)
def _sidik_tersimpan(path: str, mtime_ns: int, ukuran: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while potongan := f.read(1 << 20):
            h.update(potongan)
    return h.hexdigest()


PESAN_TERKUNCI = (
    "berkas tidak dapat dibaca (izin ditolak). Mungkin sedang dibuka di Excel atau program "
    "lain. Tutup berkas itu, lalu ulangi perintah."
)
"""Pesan untuk berkas yang terkunci (di Windows: sedang dibuka di Excel)."""


def sidik(path: Path) -> str:
    """SHA-256 isi berkas (heksadesimal); disimpan di memori selama berkasnya tidak berubah.

    Berkas yang tidak dapat dibaca (mis. terkunci karena sedang dibuka di Excel) menimbulkan
    :class:`~p3pd.galat.DataTidakValid` yang menyebut nama berkasnya.
    """
    path = Path(path)
    try:
        st = path.stat()
        return _sidik_tersimpan(str(path.resolve()), st.st_mtime_ns, st.st_size)
    except PermissionError:
        raise DataTidakValid(PESAN_TERKUNCI, berkas=path.name) from None
    except IsADirectoryError:
        raise DataTidakValid("ini sebuah folder, bukan berkas data.", berkas=path.name) from None
    except OSError as e:
        raise DataTidakValid(
            f"berkas tidak dapat dibaca ({e.strerror or e}). Periksa berkasnya, lalu ulangi "
            "perintah.",
            berkas=path.name,
        ) from None


def tulis_penanda_sintetis(folder: Path, berkas: Iterable[Path]) -> Path:
    """Tulis ``DATA_SINTETIS.json`` di ``folder``: nama dan sidik SHA-256 setiap berkas tabel.

    Dipanggil ``p3pd data`` sesudah CSV latihan ditulis. Isinya selalu sama untuk CSV yang sama
    (tanpa tanggal), ditulis atomik.
    """
    from p3pd.berkas import tulis_atomik

    folder = Path(folder)
    isi = {
        "jenis": "sintetis",
        "label": TEKS_SINTETIS,
        "keterangan": KETERANGAN_SINTETIS,
        "dibuat_oleh": "p3pd data (generator data latihan p3pd.sintetis)",
        "berkas": {
            Path(b).name: sidik(Path(b)) for b in sorted(berkas, key=lambda p: Path(p).name)
        },
    }
    teks = json.dumps(isi, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return tulis_atomik(folder / BERKAS_PENANDA, teks.encode("utf-8"))


def _baca_penanda(path: Path) -> dict[str, str]:
    try:
        isi = json.loads(path.read_text(encoding="utf-8"))
        berkas = isi["berkas"]
        if isi.get("jenis") != "sintetis" or not isinstance(berkas, dict):
            raise ValueError
        return {str(k): str(v) for k, v in berkas.items()}
    except (OSError, ValueError, KeyError, TypeError):
        raise DataTidakValid(
            "penanda data sintetis rusak (bukan JSON dengan daftar 'berkas'). Buat ulang data "
            "latihan dengan `p3pd data`, atau hapus berkas ini bila foldernya berisi data sendiri.",
            berkas=str(path),
        ) from None


@lru_cache(maxsize=1)
def _sidik_latihan_bawaan(path: str, mtime_ns: int) -> frozenset[str]:
    try:
        return frozenset(_baca_penanda(Path(path)).values())
    except DataTidakValid:
        return frozenset()


def _sidik_sintetis_dikenal() -> frozenset[str]:
    """Sidik CSV latihan menurut penanda di folder ``data/`` proyek (kosong bila tidak ada)."""
    from p3pd.lokasi import folder_proyek

    path = folder_proyek() / "data" / BERKAS_PENANDA
    if not path.is_file():
        return frozenset()
    return _sidik_latihan_bawaan(str(path), path.stat().st_mtime_ns)


def _berkas_tabel(folder: Path, nama_penanda: Iterable[str]) -> list[Path]:
    """Berkas tabel di ``folder``: yang bernama seperti tabel skema atau tercatat di penanda."""
    from p3pd import skema

    semua = getattr(skema, "TABEL_DIKENAL", skema.SEMUA_TABEL)
    stem = {Path(t.berkas).stem for t in semua.values()}
    dicatat = set(nama_penanda)
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in _AKHIRAN_TABEL
        and (p.stem in stem or p.name in dicatat)
    )


# --------------------------------------------------------------------------- label sendiri


def _baca_label_sendiri(path: Path) -> dict[str, str]:
    import yaml

    try:
        isi = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as galat:
        baris = getattr(getattr(galat, "problem_mark", None), "line", None)
        letak = f" (sekitar baris {baris + 1})" if baris is not None else ""
        raise DataTidakValid(
            f"label data tidak dapat dibaca{letak}. Tulis satu keterangan per baris, mis. "
            "'pemilik: Kecamatan Getasan' dan 'sumber: Podes 2021 (BPS)'.",
            berkas=str(path),
        ) from None
    if not isinstance(isi, dict):
        raise DataTidakValid(
            "label data harus berisi baris 'pemilik: …' dan 'sumber: …'.", berkas=str(path)
        )
    masalah = []
    for k in isi:
        if str(k) not in _KUNCI_LABEL + _KUNCI_DAFTAR:
            usul = difflib.get_close_matches(str(k), _KUNCI_LABEL, n=1, cutoff=0.75)
            saran = f" (mungkin maksudnya '{usul[0]}')" if usul else ""
            masalah.append(f"keterangan '{k}' tidak dikenal{saran}")
    hasil = {}
    for k in _KUNCI_LABEL:
        v = isi.get(k)
        if v is not None and str(v).strip():
            hasil[k] = " ".join(str(v).split())
    for k in ("pemilik", "sumber"):
        if k not in hasil:
            masalah.append(f"'{k}' wajib diisi")
    if masalah:
        raise DataTidakValid(
            "label data belum lengkap: "
            + "; ".join(masalah)
            + ". Keterangan yang dikenal: "
            + ", ".join(_KUNCI_LABEL)
            + " (pemilik dan sumber wajib).",
            berkas=str(path),
        )
    return hasil


# --------------------------------------------------------------------------- label


def _daftar(nama: Iterable[str]) -> str:
    nama = list(nama)
    teks = ", ".join(f"'{n}'" for n in nama[:6])
    return teks + (f" … (dan {len(nama) - 6} lainnya)" if len(nama) > 6 else "")


def peringatan_impor(
    berkas: str,
    folder: str | Path | None = None,
    *,
    wilayah: str | None = None,
    tahun: int | None = None,
) -> list[dict]:
    """Peringatan ``p3pd impor`` untuk berkas tabel ``berkas`` (mis. ``'apbdes_belanja.csv'``).

    Dibaca dari kunci ``peringatan_impor`` di ``SUMBER_DATA.yaml`` folder data (bawaan: folder
    data aktif). Setiap peringatan: dict dengan ``pesan`` (teks lengkap, dengan berkas, baris,
    dan cara memperbaiki) dan, bila diketahui, ``kode_desa``, ``tahun``, ``kode``, ``bidang``,
    ``anggaran``, ``realisasi``, ``laporan`` (nama laporan impornya). ``wilayah`` (kode
    kecamatan/kabupaten/desa) dan ``tahun`` menyaring peringatan yang desa/tahunnya diketahui.
    Daftar kosong untuk data latihan, folder tanpa label, atau berkas tanpa peringatan. Mis.
    bidang APBDes yang belanjanya tanpa rincian sub-bidang: porsi di notebook dan handout
    berubah artinya, jadi peringatan ini perlu tampil di samping angkanya.
    """
    import yaml

    from p3pd.lokasi import folder_data

    path = (Path(folder).expanduser() if folder is not None else folder_data()) / BERKAS_LABEL
    try:
        isi = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    daftar = isi.get("peringatan_impor") if isinstance(isi, dict) else None
    pesan = daftar.get(berkas) if isinstance(daftar, dict) else None
    if isinstance(pesan, (str, dict)):
        pesan = [pesan]
    hasil = []
    for p in pesan if isinstance(pesan, list) else []:
        p = {"pesan": p} if isinstance(p, str) else p
        if not isinstance(p, dict) or not str(p.get("pesan", "")).strip():
            continue
        desa = str(p["kode_desa"]) if p.get("kode_desa") else None
        if wilayah and desa and not (desa == wilayah or desa.startswith(f"{wilayah}.")):
            continue
        try:
            tahun_p = int(p["tahun"]) if p.get("tahun") is not None else None
        except (TypeError, ValueError):
            tahun_p = None
        if tahun is not None and tahun_p is not None and tahun_p != int(tahun):
            continue
        hasil.append({**p, "pesan": " ".join(str(p["pesan"]).split()), "kode_desa": desa,
                      "tahun": tahun_p})  # fmt: skip
    return hasil


def tampilkan_peringatan_impor(
    berkas: str,
    folder: str | Path | None = None,
    *,
    wilayah: str | None = None,
    tahun: int | None = None,
) -> None:
    """Cetak peringatan :func:`peringatan_impor` untuk ``berkas`` (disaring ``wilayah`` dan
    ``tahun``); tidak mencetak apa pun bila tidak ada. Untuk notebook, di samping angka yang
    dihitung dari tabel itu."""
    for p in peringatan_impor(berkas, folder, wilayah=wilayah, tahun=tahun):
        laporan = p.get("laporan") or "LAPORAN_IMPOR_<peta>.md"
        print(f"⚠ Peringatan impor {berkas} (lengkapnya di {laporan} di folder data): {p['pesan']}")


def label_data(folder: str | Path | None = None) -> LabelData:
    """Label folder data ``folder`` (bawaan: folder data latihan, atau ``P3PD_DATA``).

    Data latihan sintetis (menurut penanda ``DATA_SINTETIS.json`` dan sidik isinya) →
    ``sintetis=True`` dan teks "DATA SINTETIS UNTUK LATIHAN …". Data sendiri → label dari
    ``SUMBER_DATA.yaml`` ("Data milik …, sumber: …"); tanpa berkas itu, teksnya menyebut
    folder dan bahwa pemilik dan sumbernya belum dicatat. Folder yang mencampur keduanya, atau
    yang labelnya bertentangan dengan isinya, menimbulkan ``DataTidakValid`` yang menjelaskan
    berkas mana yang sintetis dan mana yang bukan.
    """
    from p3pd.lokasi import folder_data

    folder = Path(folder).expanduser() if folder is not None else folder_data()
    if not folder.is_dir():
        raise DataTidakValid(f"folder data '{folder}' tidak ada.")
    penanda = folder / BERKAS_PENANDA
    label_sendiri = folder / BERKAS_LABEL
    tercatat = _baca_penanda(penanda) if penanda.is_file() else {}
    dikenal = set(tercatat.values()) | set(_sidik_sintetis_dikenal())
    berkas = _berkas_tabel(folder, tercatat)
    sintetis = [p.name for p in berkas if sidik(p) in dikenal]
    sendiri = [p.name for p in berkas if p.name not in sintetis]
    pisahkan = (
        " Pisahkan keduanya: data sendiri di folder sendiri (dengan SUMBER_DATA.yaml), data "
        "latihan tetap di folder data/ (buat ulang dengan `p3pd data`)."
    )
    if sintetis and sendiri:
        raise DataTidakValid(
            f"folder mencampur data latihan sintetis ({_daftar(sintetis)}: isinya sama dengan "
            f"data buatan `p3pd data`) dengan data lain ({_daftar(sendiri)}). Angka sintetis "
            "tidak boleh tampil di samping nama atau angka desa sungguhan." + pisahkan,
            berkas=str(folder),
        )
    if penanda.is_file() and label_sendiri.is_file():
        raise DataTidakValid(
            f"folder berisi penanda data sintetis ({BERKAS_PENANDA}) sekaligus label data "
            f"sendiri ({BERKAS_LABEL}); tidak jelas data siapa ini. Hapus salah satunya: "
            f"{BERKAS_PENANDA} hanya untuk data latihan buatan `p3pd data`.",
            berkas=str(folder),
        )
    if penanda.is_file() and sendiri:
        raise DataTidakValid(
            f"folder berisi penanda data sintetis ({BERKAS_PENANDA}), tetapi berkas "
            f"{_daftar(sendiri)} bukan data latihan (isinya berbeda dengan yang dibuat "
            f"`p3pd data`). Bila ini data sendiri, hapus {BERKAS_PENANDA} dan tulis "
            f"{BERKAS_LABEL} (pemilik dan sumber); bila data latihan, buat ulang dengan "
            "`p3pd data`.",
            berkas=str(folder),
        )
    if label_sendiri.is_file() and sintetis:
        raise DataTidakValid(
            f"folder berlabel data sendiri ({BERKAS_LABEL}), tetapi berkas {_daftar(sintetis)} "
            "adalah data latihan sintetis (isinya sama dengan data buatan `p3pd data`). Ganti "
            "berkas itu dengan data sendiri, atau hapus label bila ini memang data latihan.",
            berkas=str(folder),
        )
    if sintetis or penanda.is_file():
        return LabelData(
            teks=TEKS_SINTETIS,
            keterangan=KETERANGAN_SINTETIS,
            sintetis=True,
            folder=folder,
            berkas_label=penanda if penanda.is_file() else None,
            berkas_sintetis=tuple(sintetis),
        )
    if label_sendiri.is_file():
        isi = _baca_label_sendiri(label_sendiri)
        teks = f"Data milik {isi['pemilik']}, sumber: {isi['sumber']}."
        keterangan = teks
        if "tahun" in isi:
            keterangan += f" Tahun data: {isi['tahun']}."
        if "catatan" in isi:
            keterangan += f" Catatan: {isi['catatan']}."
        return LabelData(
            teks=teks,
            keterangan=keterangan,
            sintetis=False,
            folder=folder,
            pemilik=isi["pemilik"],
            sumber=isi["sumber"],
            tahun=isi.get("tahun"),
            catatan=isi.get("catatan"),
            berkas_label=label_sendiri,
        )
    teks = (
        f"Data dari folder '{folder}' (bukan data latihan bawaan); pemilik dan sumbernya belum "
        f"dicatat di {BERKAS_LABEL}."
    )
    return LabelData(teks=teks, keterangan=teks, sintetis=False, folder=folder)
