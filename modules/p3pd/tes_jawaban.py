"""Berkas jawaban tes: satu berkas JSON per peserta dan per tes, dengan sidik isi (checksum).

Berkas ``<jenis>_<KODE>.json`` (mis. ``awal_JTG-A-001.json``) berisi jenis tes, kode peserta
dari pelatih (bukan nama, bukan NIK), kelas, provinsi, versi bank soal, waktu simpan, dan
jawaban per soal. ``checksum`` adalah SHA-256 seluruh isi lainnya: berkas yang disunting
sesudah disimpan (sengaja atau rusak saat disalin) dikenali dan tidak dihitung. Sidik ini
mendeteksi perubahan, bukan pengaman terhadap orang yang sengaja menghitung ulang sidiknya.

Berkas ditulis atomik (``p3pd.berkas``) dan tidak pernah menimpa jawaban lain diam-diam:
menyimpan ulang jawaban yang berbeda ditolak, kecuali diminta ``ganti=True``; jawaban lama
lalu dipindah ke subfolder ``lama/`` dan jawaban baru mencatat sidik jawaban yang digantikannya.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from p3pd.berkas import tulis_atomik
from p3pd.galat import GalatP3PD
from p3pd.tes_soal import JENIS_TES, daftar_soal, rapikan_jawaban, soal_menurut_id, versi_soal

__all__ = [
    "FORMAT",
    "VERSI_FORMAT",
    "POLA_KODE",
    "BerkasDitolak",
    "BerkasJawaban",
    "periksa_kode_peserta",
    "periksa_kelas",
    "rapikan_provinsi",
    "susun_rekaman",
    "checksum",
    "nama_berkas",
    "folder_tes_bawaan",
    "simpan_jawaban",
    "baca_berkas_jawaban",
]

FORMAT = "p3pd-tes-jawaban"
"""Penanda berkas jawaban tes (kolom ``format``)."""

VERSI_FORMAT = 1
"""Versi susunan berkas jawaban."""

POLA_KODE = re.compile(r"^[A-Z]{2,5}-[A-Z0-9]{1,3}-\d{3}$")
"""Kode peserta: PROVINSI-KELAS-NOMOR, mis. ``JTG-A-001`` (dibagikan pelatih)."""

_BATAS_UKURAN = 256 * 1024
"""Berkas jawaban sungguhan berukuran beberapa kilobita; yang jauh lebih besar bukan berkas jawaban."""

_PROVINSI = {
    "jateng": "Jawa Tengah",
    "jawatengah": "Jawa Tengah",
    "sumut": "Sumatera Utara",
    "sumaterautara": "Sumatera Utara",
    "sumatrautara": "Sumatera Utara",
    "ntt": "Nusa Tenggara Timur",
    "nusatenggaratimur": "Nusa Tenggara Timur",
    "kalsel": "Kalimantan Selatan",
    "kalimantanselatan": "Kalimantan Selatan",
}

_CONTOH_KODE = "JTG-A-001"


class BerkasDitolak(GalatP3PD):
    """Berkas yang bukan jawaban tes yang sah; pesannya alasan yang dicatat pengumpul."""


@dataclass(frozen=True)
class BerkasJawaban:
    """Isi satu berkas jawaban yang sah, beserta letaknya."""

    path: Path
    jenis: str
    kode_peserta: str
    kelas: str
    provinsi: str
    waktu: str
    sumber: str
    jawaban: dict[str, str | float | None]
    checksum: str
    menggantikan: str | None


def periksa_kode_peserta(kode: object) -> str:
    """Kode peserta dalam bentuk baku (huruf besar); tolak yang bukan kode dari pelatih.

    Kode berbentuk ``PROV-KELAS-NOMOR`` (mis. ``JTG-A-001``). Yang tampak seperti NIK (deret
    angka panjang) atau nama orang ditolak tanpa mengulang isinya di pesan.
    """
    teks = "" if kode is None else str(kode).strip()
    if not teks:
        raise GalatP3PD(
            f"Kode peserta belum diisi. Tulis kode dari pelatih, mis. {_CONTOH_KODE} — bukan nama."
        )
    angka = re.sub(r"\D", "", teks)
    if len(angka) >= 10:
        raise GalatP3PD(
            "Kode peserta berisi deret angka panjang yang mirip NIK atau nomor pribadi. Jangan "
            f"menulis NIK; tulis kode dari pelatih, mis. {_CONTOH_KODE}."
        )
    baku = teks.upper()
    if POLA_KODE.match(baku):
        return baku
    if re.search(r"[A-Za-z]{2,}\s+[A-Za-z]", teks) or re.fullmatch(r"[A-Za-z' .]{3,}", teks):
        raise GalatP3PD(
            "Kode peserta tampak seperti nama orang. Nama tidak disimpan di tes ini; tulis kode "
            f"dari pelatih, mis. {_CONTOH_KODE}."
        )
    raise GalatP3PD(
        f"Kode peserta '{teks[:20]}' tidak sesuai pola PROV-KELAS-NOMOR (mis. {_CONTOH_KODE}: "
        "2–5 huruf provinsi, 1–3 huruf/angka kelas, 3 angka nomor, dipisah tanda hubung). "
        "Tanyakan kode Anda kepada pelatih."
    )


def periksa_kelas(kelas: object) -> str:
    """Nama kelas yang sah (1–20 huruf, angka, spasi, titik, garis); tolak yang kosong."""
    teks = " ".join(("" if kelas is None else str(kelas)).split())
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,19}", teks):
        raise GalatP3PD(
            "Kelas belum diisi atau tidak sah. Tulis nama kelas dari pelatih, mis. 'A' atau "
            "'Kelas 2' (paling banyak 20 huruf/angka)."
        )
    if len(re.sub(r"\D", "", teks)) >= 10:
        raise GalatP3PD("Kelas berisi deret angka panjang yang mirip nomor pribadi.")
    return teks


def rapikan_provinsi(provinsi: object) -> str:
    """Nama provinsi baku: singkatan dikenal (Jateng, Sumut, NTT, Kalsel) ditulis lengkap."""
    teks = " ".join(("" if provinsi is None else str(provinsi)).split())
    kunci = re.sub(r"[^a-z]", "", teks.lower())
    if kunci in _PROVINSI:
        return _PROVINSI[kunci]
    if not re.fullmatch(r"[A-Za-z][A-Za-z .'-]{2,39}", teks):
        raise GalatP3PD(
            "Provinsi belum diisi atau tidak sah. Tulis nama provinsi, mis. 'Jawa Tengah' atau "
            "singkatannya (Jateng, Sumut, NTT, Kalsel)."
        )
    return teks.title() if teks.islower() or teks.isupper() else teks


def checksum(rekaman: Mapping[str, Any]) -> str:
    """SHA-256 (heksadesimal) isi rekaman jawaban tanpa kolom ``checksum``, dalam JSON baku."""
    isi = {k: v for k, v in rekaman.items() if k != "checksum"}
    teks = json.dumps(isi, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


def susun_rekaman(
    jawaban: Mapping[str, object],
    *,
    jenis: str,
    kode_peserta: str,
    kelas: str,
    provinsi: str,
    sumber: str = "notebook",
    waktu: str | None = None,
    menggantikan: str | None = None,
) -> dict[str, Any]:
    """Rekaman jawaban yang siap disimpan (sudah diperiksa dan berchecksum).

    ``jawaban`` memetakan nomor soal ke jawaban; soal yang tidak ada, ``...``, atau kosong
    dicatat ``null`` (tidak dijawab). Nomor soal yang tidak dikenal ditolak.
    """
    if jenis not in JENIS_TES:
        raise GalatP3PD(f"Jenis tes '{jenis}' tidak dikenal; pilih 'awal' atau 'akhir'.")
    soal = soal_menurut_id()
    asing = sorted(str(k) for k in jawaban if k not in soal)
    if asing:
        raise GalatP3PD(
            "Nomor soal tidak dikenal: " + ", ".join(asing[:5]) + ". Nomor yang sah: "
            f"{daftar_soal()[0].id} sampai {daftar_soal()[-1].id}."
        )
    rekaman: dict[str, Any] = {
        "format": FORMAT,
        "versi_format": VERSI_FORMAT,
        "versi_soal": versi_soal(),
        "jenis": jenis,
        "kode_peserta": periksa_kode_peserta(kode_peserta),
        "kelas": periksa_kelas(kelas),
        "provinsi": rapikan_provinsi(provinsi),
        "waktu": waktu or datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "sumber": sumber,
        "jawaban": {s.id: rapikan_jawaban(s, jawaban.get(s.id)) for s in daftar_soal()},
    }
    if menggantikan:
        rekaman["menggantikan"] = menggantikan
    rekaman["checksum"] = checksum(rekaman)
    return rekaman


def nama_berkas(jenis: str, kode_peserta: str) -> str:
    """Nama berkas jawaban: ``<jenis>_<KODE>.json``."""
    return f"{jenis}_{periksa_kode_peserta(kode_peserta)}.json"


def folder_tes_bawaan() -> Path:
    """Folder jawaban bawaan di laptop peserta: ``kerja_saya/tes/``."""
    from p3pd.notebook import folder_kerja

    return folder_kerja() / "tes"


def _teks_berkas(rekaman: Mapping[str, Any]) -> str:
    return json.dumps(rekaman, ensure_ascii=False, indent=1) + "\n"


def simpan_jawaban(
    jawaban: Mapping[str, object],
    *,
    jenis: str,
    kode_peserta: str,
    kelas: str,
    provinsi: str,
    folder: str | Path | None = None,
    ganti: bool = False,
    sumber: str = "notebook",
) -> Path:
    """Simpan jawaban satu peserta untuk satu tes ke ``folder`` (bawaan ``kerja_saya/tes/``).

    Berkas ditulis atomik. Bila berkas jawaban tes dan kode yang sama sudah ada: jawaban yang
    sama tidak ditulis ulang; jawaban yang berbeda ditolak (``GalatP3PD``), kecuali
    ``ganti=True`` — jawaban lama lalu dipindah ke ``lama/`` (tidak dihapus) dan jawaban baru
    mencatat sidiknya di ``menggantikan``. Mengembalikan letak berkas.
    """
    tujuan_folder = folder_tes_bawaan() if folder is None else Path(folder)
    tujuan = tujuan_folder / nama_berkas(jenis, kode_peserta)
    kunci = dict(jenis=jenis, kode_peserta=kode_peserta, kelas=kelas, provinsi=provinsi)
    rekaman = susun_rekaman(jawaban, sumber=sumber, **kunci)
    if not tujuan.exists():
        tulis_atomik(tujuan, _teks_berkas(rekaman))
        return tujuan
    try:
        lama = baca_berkas_jawaban(tujuan)
    except BerkasDitolak:
        lama = None
    sama = lama is not None and all(
        getattr(lama, k) == rekaman[k] for k in ("jenis", "kode_peserta", "kelas", "provinsi")
    )
    if sama and lama is not None and lama.jawaban == rekaman["jawaban"]:
        return tujuan
    if not ganti:
        waktu = f" (disimpan {lama.waktu})" if lama is not None else ""
        raise GalatP3PD(
            f"{JENIS_TES[jenis]} untuk kode {rekaman['kode_peserta']} sudah tersimpan di "
            f"'{tujuan}'{waktu}, dengan isi yang berbeda. Jawaban itu tidak ditimpa. Bila kode "
            "Anda benar dan jawaban memang ingin diganti, tanyakan pelatih, lalu simpan dengan "
            "ganti=True (jawaban lama dipindah ke subfolder 'lama', tidak dihapus)."
        )
    _pindah_ke_lama(tujuan)
    rekaman = susun_rekaman(
        jawaban, sumber=sumber, menggantikan=lama.checksum if lama is not None else None, **kunci
    )
    tulis_atomik(tujuan, _teks_berkas(rekaman))
    return tujuan


def _pindah_ke_lama(berkas: Path) -> Path:
    """Pindahkan ``berkas`` ke ``lama/<nama>.<waktu>.json`` tanpa menimpa apa pun."""
    folder = berkas.parent / "lama"
    folder.mkdir(exist_ok=True)
    cap = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for nomor in range(1, 1000):
        akhiran = "" if nomor == 1 else f"-{nomor}"
        tujuan = folder / f"{berkas.stem}.{cap}{akhiran}.json"
        if not tujuan.exists():
            os.replace(berkas, tujuan)
            return tujuan
    raise GalatP3PD(f"Folder '{folder}' penuh salinan lama; rapikan dulu.")  # pragma: no cover


def baca_berkas_jawaban(path: str | Path) -> BerkasJawaban:
    """Baca dan periksa satu berkas jawaban; ``BerkasDitolak`` menyebut alasannya.

    Alasan penolakan: tidak terbaca (bukan JSON utuh), bukan berkas jawaban tes p3pd, isi
    berubah sesudah disimpan (checksum tidak cocok), versi soal lain, atau isi tidak sah.
    Berkas tidak pernah diubah.
    """
    path = Path(path)
    try:
        if path.stat().st_size > _BATAS_UKURAN:
            raise BerkasDitolak("terlalu besar untuk berkas jawaban tes; bukan berkas jawaban.")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except BerkasDitolak:
        raise
    except OSError as g:
        raise BerkasDitolak(f"tidak dapat dibaca ({g.strerror or g}).") from None
    except (UnicodeDecodeError, ValueError):
        raise BerkasDitolak(
            "tidak terbaca: bukan JSON yang utuh (mungkin terpotong saat disalin atau disunting)."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BerkasDitolak("bukan berkas jawaban tes p3pd (penanda 'format' tidak ada).")
    if data.get("versi_format") != VERSI_FORMAT:
        raise BerkasDitolak(f"versi susunan berkas {data.get('versi_format')!r} tidak dikenal.")
    if data.get("checksum") != checksum(data):
        raise BerkasDitolak(
            "isi berubah sesudah disimpan (checksum tidak cocok); berkas disunting atau rusak."
        )
    if data.get("versi_soal") != versi_soal():
        raise BerkasDitolak(
            f"dijawab dengan versi soal lain ({data.get('versi_soal')}; versi sekarang "
            f"{versi_soal()}); nilainya tidak dapat dibandingkan."
        )
    try:
        if data.get("jenis") not in JENIS_TES:
            raise GalatP3PD(f"jenis tes {data.get('jenis')!r} tidak dikenal")
        kode = periksa_kode_peserta(data.get("kode_peserta"))
        kelas = periksa_kelas(data.get("kelas"))
        provinsi = rapikan_provinsi(data.get("provinsi"))
        jawaban = data.get("jawaban")
        ids = [s.id for s in daftar_soal()]
        if not isinstance(jawaban, dict) or sorted(jawaban) != sorted(ids):
            raise GalatP3PD("daftar jawaban tidak sesuai daftar soal")
        if not isinstance(data.get("waktu"), str):
            raise GalatP3PD("waktu simpan tidak ada")
    except GalatP3PD as g:
        raise BerkasDitolak(f"isi tidak sah: {g}") from None
    return BerkasJawaban(
        path=path,
        jenis=data["jenis"],
        kode_peserta=kode,
        kelas=kelas,
        provinsi=provinsi,
        waktu=data["waktu"],
        sumber=str(data.get("sumber", "")),
        jawaban=dict(jawaban),
        checksum=data["checksum"],
        menggantikan=data.get("menggantikan"),
    )
