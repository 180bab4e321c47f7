"""Penjelas pesan kesalahan Python dalam bahasa Indonesia, untuk peserta yang bukan pemrogram.

``jelaskan(galat, sumber)`` mengubah satu pesan kesalahan (*exception*) menjadi ``Penjelasan``:
judul singkat, saran yang menyebut kekeliruannya, baris sel yang bermasalah, dan pesan asli
berbahasa Inggris (selalu disertakan, di HTML dapat dibuka dengan satu klik). Yang dikenali:

- ``SyntaxError``: koma sebagai tanda desimal (``99,04``), titik ribuan (``1.500.000``), nama
  tanpa tanda kutip (``Namo Rambe``), kurung atau tanda kutip yang belum ditutup, tanda kutip
  miring dari Word/WhatsApp, ``=`` untuk membandingkan (seharusnya ``==``), spasi berlebih di
  awal baris.
- ``NameError``: nama tanpa tanda kutip (``Getasan``), variabel yang belum dibuat (jalankan
  sel di atas dulu, mulai dari sel Impor), salah ketik nama variabel.
- ``KeyError``: nama kolom atau label yang salah eja, dengan saran nama yang mirip.
- ``TypeError``/``ValueError`` yang sering: angka bercampur teks, koma desimal atau titik
  ribuan di dalam teks, syarat gabungan dengan ``and``/``or``, tabel dipanggil dengan kurung
  biasa, argumen fungsi yang salah eja.
- ``AttributeError``, ``FileNotFoundError``, ``ModuleNotFoundError``, ``ZeroDivisionError``,
  ``IndexError``, dan ``GalatP3PD`` (pesannya sudah berbahasa Indonesia).

Pesan kesalahan lain mendapat penjelasan umum. Modul ini tidak bergantung pada IPython;
pemasangannya di kernel Jupyter ada di ``p3pd.penjaga``.
"""

from __future__ import annotations

import difflib
import html
import re
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType

from p3pd.galat import GalatP3PD
from p3pd.kotak import Kotak, kotak_html

JUDUL_ASLI = "Pesan asli (bahasa Inggris)"

_KUTIP_MIRING = "“”‘’„«»"
_TEKS = re.compile(r"""("[^"\n]*"?|'[^'\n]*'?)""")
_KOMA_DESIMAL = re.compile(r"(?<![\w.])(-?\d+),(\d+)(?![\w.])")
_TITIK_RIBUAN = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{3}){2,}(?![\w.])")
_RUPIAH = re.compile(r"\bRp\.?\s*\d", re.IGNORECASE)
_NAMA_TANPA_KUTIP = re.compile(
    r"^(?P<kiri>\s*[A-Za-z_]\w*\s*=)\s*"
    r"(?P<kanan>[^\W\d_][\w'’.-]*(?:[ \t]+[\w'’.-]+)+)\s*(?:#.*)?$"
)
_KATA_TANPA_KUTIP = re.compile(r"\b[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)+\b")
_NAMA_IMPOR = {
    "pd": "import pandas as pd",
    "np": "import numpy as np",
    "plt": "import matplotlib.pyplot as plt",
}


@dataclass(frozen=True)
class Penjelasan:
    """Penjelasan berbahasa Indonesia untuk satu pesan kesalahan.

    ``judul`` menyebut kekeliruannya singkat; ``saran`` berisi cara memperbaikinya;
    ``baris``/``kode`` menunjuk baris sel yang bermasalah (bila diketahui); ``asli`` adalah
    pesan asli berbahasa Inggris (traceback teks polos).
    """

    jenis: str
    judul: str
    saran: str
    asli: str
    baris: int | None = None
    kode: str = ""

    @property
    def kepala(self) -> str:
        """Baris pertama: "Sel ini gagal dijalankan — <judul>."."""
        judul = self.judul.strip()
        return f"Sel ini gagal dijalankan — {judul}{'' if judul.endswith('.') else '.'}"

    @property
    def petunjuk(self) -> str:
        """Judul dan saran dalam satu kalimat, untuk ``cek`` dan pesan satu baris."""
        return f"{_kalimat(self.judul)} {_kalimat(self.saran)}".strip()

    @property
    def teks(self) -> str:
        """Seluruh penjelasan sebagai teks polos, diakhiri pesan asli berbahasa Inggris."""
        bagian = [self.kepala]
        if self.kode.strip():
            bagian.append(f"{self._letak()}: {self.kode.strip()}")
        bagian += [_kalimat(self.saran), "", f"{JUDUL_ASLI}:", self.asli.rstrip()]
        return "\n".join(bagian)

    def _letak(self) -> str:
        return f"Baris {self.baris}" if self.baris else "Baris"

    def __repr__(self) -> str:
        return self.teks

    __str__ = __repr__

    def _repr_html_(self) -> str:
        isi = ""
        if self.kode.strip():
            isi += (
                f'<div style="margin-top:4px">{self._letak()}: '
                f"<code>{html.escape(self.kode.strip())}</code></div>"
            )
        isi += f'<div style="margin-top:4px">{html.escape(_kalimat(self.saran))}</div>'
        isi += (
            f'<details style="margin-top:4px"><summary>{JUDUL_ASLI}</summary>'
            f'<pre style="white-space:pre-wrap;font-size:85%;margin:4px 0">'
            f"{html.escape(self.asli.rstrip())}</pre></details>"
        )
        return kotak_html(self.kepala, "gagal", isi)


def jelaskan(
    galat: BaseException,
    sumber: str = "",
    ruang: Mapping[str, object] | None = None,
    asli: str | None = None,
) -> Penjelasan:
    """Jelaskan ``galat`` dalam bahasa Indonesia.

    ``sumber`` adalah isi sel yang gagal (membantu menemukan baris dan kekeliruannya);
    ``ruang`` adalah ruang nama peserta (untuk menyarankan nama variabel atau kolom yang mirip);
    ``asli`` adalah teks pesan asli (bawaan: traceback Python biasa). Tidak pernah menimbulkan
    pesan kesalahan sendiri: bila aturan khusus gagal, penjelasan umum yang dipakai.
    """
    ruang = ruang or {}
    if asli is None:
        asli = "".join(traceback.format_exception(type(galat), galat, galat.__traceback__))
    baris, kode = _letak(galat, sumber)
    try:
        judul, saran = _aturan(galat, kode, sumber, ruang)
    except Exception:  # aturan khusus tidak boleh menyembunyikan kesalahan aslinya
        judul, saran = _umum(galat)
    return Penjelasan(type(galat).__name__, judul, saran, asli, baris, kode)


def coba(kode: str) -> Penjelasan | Kotak:
    """Jalankan potongan kode kecil di ruang nama kosong dan tampilkan penjelasan kesalahannya.

    Untuk contoh di notebook: kotak penjelasan tampil tanpa membuat sel itu gagal. Pesan asli
    diringkas menjadi baris kode dan baris kesalahannya (tanpa jalur berkas dan tanda ``^``
    yang berbeda antarversi Python), jadi keluarannya sama di setiap mesin.
    Kode tanpa kesalahan menghasilkan kotak "Kode ini berjalan tanpa pesan kesalahan.".
    """
    ruang: dict[str, object] = {}
    try:
        exec(compile(kode, "<sel>", "exec"), ruang)
    except Exception as galat:
        asli = f"{type(galat).__name__}: {galat}"
        if isinstance(galat, SyntaxError):
            asli = f"  line {galat.lineno}\n    {(galat.text or '').strip()}\n{type(galat).__name__}: {galat.msg}"
        return jelaskan(galat, kode, {}, asli=asli)
    return Kotak("Kode ini berjalan tanpa pesan kesalahan.", "benar")


# --- letak kesalahan di dalam sel --------------------------------------------------------------


def _letak(galat: BaseException, sumber: str) -> tuple[int | None, str]:
    baris_sumber = sumber.splitlines()
    if isinstance(galat, SyntaxError):
        nomor = galat.lineno
        teks = (galat.text or "").rstrip("\n")
        if nomor and 0 < nomor <= len(baris_sumber) and not teks:
            teks = baris_sumber[nomor - 1]
        return nomor, teks
    nomor = _baris_sel(galat.__traceback__)
    if nomor and 0 < nomor <= len(baris_sumber):
        return nomor, baris_sumber[nomor - 1]
    return None, ""


def _baris_sel(tb: TracebackType | None) -> int | None:
    """Nomor baris di sel tempat kesalahan terjadi: bingkai ``<module>`` pertama (kode sel).

    Bingkai sesudahnya berasal dari fungsi atau pustaka yang dipanggil sel itu.
    """
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "<module>":
            return tb.tb_lineno
        tb = tb.tb_next
    return None


# --- aturan ------------------------------------------------------------------------------------


def _aturan(
    galat: BaseException, kode: str, sumber: str, ruang: Mapping[str, object]
) -> tuple[str, str]:
    if isinstance(galat, GalatP3PD):
        return "pesan dari paket p3pd", str(galat)
    if isinstance(galat, SyntaxError):
        return _sintaks(galat, kode, sumber)
    if isinstance(galat, NameError):
        return _nama(galat, sumber, ruang)
    if isinstance(galat, KeyError):
        return _kunci(galat, ruang)
    if isinstance(galat, AttributeError):
        return _atribut(galat)
    if isinstance(galat, (TypeError, ValueError)):
        return _jenis_nilai(galat)
    if isinstance(galat, ModuleNotFoundError):
        return (
            f"modul {galat.name or ''} belum terpasang",
            "Lingkungan pelatihan belum lengkap; beri tahu fasilitator.",
        )
    if isinstance(galat, ImportError):
        return (
            "nama yang diimpor tidak ditemukan",
            "Periksa ejaan nama sesudah 'import'; bila sudah benar, beri tahu fasilitator "
            "(mungkin paket p3pd di laptop ini versi lama).",
        )
    if isinstance(galat, FileNotFoundError):
        return (
            f"berkas {galat.filename or ''} tidak ditemukan",
            "Periksa nama dan folder berkasnya. Notebook berjalan di foldernya sendiri, jadi "
            "berkas di folder data/ ditulis '../data/nama_berkas.csv'.",
        )
    if isinstance(galat, ZeroDivisionError):
        return (
            "pembagian dengan nol",
            "Penyebutnya 0: periksa apakah saringan di atasnya menghasilkan tabel kosong.",
        )
    if isinstance(galat, IndexError):
        return (
            "posisi di luar jangkauan",
            "Daftar atau tabel lebih pendek dari posisi yang diminta; periksa apakah saringan "
            "di atasnya menghasilkan tabel kosong.",
        )
    return _umum(galat)


def _umum(galat: BaseException) -> tuple[str, str]:
    return (
        f"Python menghentikan sel ini ({type(galat).__name__})",
        "Baca baris terakhir pesan asli di bawah; bila belum jelas, tanyakan kepada fasilitator.",
    )


def _tanpa_teks(kode: str) -> str:
    """Kode dengan isi teks berkutip diganti ``""`` dan komentar dibuang."""
    kode = _TEKS.sub('""', kode)
    return kode.split("#", 1)[0]


def _sintaks(galat: SyntaxError, kode: str, sumber: str = "") -> tuple[str, str]:
    pesan = str(galat.msg or "")
    bersih = _tanpa_teks(kode)
    if "invalid character" in pesan and any(k in pesan for k in _KUTIP_MIRING):
        return (
            "tanda kutip miring",
            "Pakai tanda kutip biasa \" atau ', bukan tanda kutip miring “ ” dari Word atau "
            'WhatsApp. Ketik ulang tanda kutipnya di notebook, misalnya "Namo Rambe".',
        )
    if "unterminated string" in pesan or "EOL while scanning" in pesan:
        return (
            "tanda kutip belum ditutup",
            'Teks diapit tanda kutip di awal dan di akhir, misalnya "Namo Rambe".',
        )
    if "incomplete input" in pesan and _kutip_terbuka(sumber or kode):
        return (
            "tanda kutip belum ditutup",
            'Teks diapit tanda kutip di awal dan di akhir, misalnya "Namo Rambe".',
        )
    if "was never closed" in pesan or "unexpected EOF" in pesan or "incomplete input" in pesan:
        kurung = re.search(r"'(.)' was never closed", pesan)
        buka = kurung.group(1) if kurung else _kurung_terbuka(sumber or kode)
        tutup = {"(": ")", "[": "]", "{": "}"}.get(buka, ")")
        return (
            f"kurung {buka} belum ditutup",
            f"Setiap {buka} perlu pasangan {tutup}. Hitung kurung buka dan kurung tutup di "
            "baris itu.",
        )
    if "unmatched" in pesan or "does not match opening" in pesan:
        return (
            "kurung tutup tanpa pasangan",
            "Ada kurung tutup ) ] } yang tidak punya kurung buka; hapus atau lengkapi pasangannya.",
        )
    koma = _KOMA_DESIMAL.search(bersih)
    if koma and ("leading zeros" in pesan or "invalid syntax" in pesan):
        return (
            "koma dipakai sebagai tanda desimal",
            f"Pakai titik untuk desimal: tulis {koma.group(1)}.{koma.group(2)}, bukan "
            f"{koma.group(0)}. Di Python, koma memisahkan dua nilai.",
        )
    if "leading zeros" in pesan:
        return (
            "angka diawali nol",
            "Angka tidak boleh diawali nol: tulis 7, bukan 07. Kode wilayah ditulis sebagai "
            'teks di antara tanda kutip, misalnya "33.22.01".',
        )
    ribuan = _TITIK_RIBUAN.search(bersih)
    if ribuan:
        return (
            "titik ribuan di dalam angka",
            f"Hapus titik ribuan: tulis {ribuan.group(0).replace('.', '')}, bukan "
            f"{ribuan.group(0)}. Di Python, titik adalah tanda desimal.",
        )
    if _RUPIAH.search(bersih):
        return (
            "satuan ditulis di dalam angka",
            "Tulis angkanya saja, tanpa Rp, tanpa titik ribuan, dan tanpa satuan.",
        )
    nama = _NAMA_TANPA_KUTIP.match(kode)
    if nama and not any(k in kode for k in "\"'"):
        kanan = " ".join(nama.group("kanan").split())
        return (
            "teks belum diapit tanda kutip",
            f'Nama ditulis di antara tanda kutip: {nama.group("kiri").strip()} "{kanan}".',
        )
    kata = _KATA_TANPA_KUTIP.search(bersih)
    if kata and not {"True", "False", "None"} & set(kata.group(0).split()):
        kata = kata if "invalid syntax" in pesan else None
    else:
        kata = None
    if kata:
        return (
            "teks belum diapit tanda kutip",
            f'Nama ditulis di antara tanda kutip: "{" ".join(kata.group(0).split())}".',
        )
    if "Maybe you meant '=='" in pesan or ("cannot assign" in pesan and "==" in pesan):
        return (
            "= dipakai untuk membandingkan",
            'Untuk membandingkan pakai dua tanda sama dengan ==, misalnya data["tahun"] == '
            "2024. Satu tanda = berarti menyimpan nilai dengan sebuah nama.",
        )
    if "expected ':'" in pesan:
        return (
            "titik dua belum ada",
            "Baris yang diawali if, for, def, atau else diakhiri titik dua (:).",
        )
    if isinstance(galat, IndentationError):
        if "unexpected indent" in pesan:
            return (
                "spasi berlebih di awal baris",
                "Hapus spasi di depan baris itu; baris biasa dimulai di tepi kiri.",
            )
        return (
            "letak awal baris (indentasi) tidak rata",
            "Baris sesudah titik dua (:) menjorok 4 spasi; baris lain sejajar dengan baris di "
            "atasnya.",
        )
    if "forgot a comma" in pesan:
        return (
            "koma terlupa",
            'Unsur-unsur daftar dipisah koma, misalnya ["Paramasan", "Telaga Bauntung"].',
        )
    return (
        "Python tidak dapat membaca kodenya",
        "Periksa tanda kutip, kurung, koma, dan titik di baris itu. Tanda ^ pada pesan asli "
        "menunjuk tempat Python berhenti membaca.",
    )


def _kutip_terbuka(kode: str) -> bool:
    """Apakah ada tanda kutip yang belum ditutup di salah satu baris ``kode``."""
    for baris in kode.splitlines():
        sisa = re.sub(r""""[^"]*"|'[^']*'""", "", baris).split("#", 1)[0]
        if '"' in sisa or "'" in sisa:
            return True
    return False


def _kurung_terbuka(kode: str) -> str:
    """Kurung buka terakhir yang belum ditutup di ``kode`` (di luar teks berkutip), atau ``(``."""
    tumpukan: list[str] = []
    for baris in kode.splitlines():
        for huruf in _tanpa_teks(baris):
            if huruf in "([{":
                tumpukan.append(huruf)
            elif huruf in ")]}" and tumpukan:
                tumpukan.pop()
    return tumpukan[-1] if tumpukan else "("


def _mirip(kata: str, calon: Iterable[str], batas: float = 0.75) -> list[str]:
    """Nama di ``calon`` yang mirip ``kata`` (huruf besar/kecil, spasi, dan _ disamakan dulu)."""
    calon = [c for c in dict.fromkeys(calon) if c != kata]
    kunci = _seragam(kata)
    sama = [c for c in calon if _seragam(c) == kunci]
    if sama:
        return sama[:3]
    peta = {_seragam(c): c for c in calon}
    return [peta[c] for c in difflib.get_close_matches(kunci, list(peta), n=3, cutoff=batas)]


def _seragam(teks: str) -> str:
    return re.sub(r"[\s_\-]+", "_", str(teks).strip().casefold())


def _daftar_nama(nama: list[str]) -> str:
    return " atau ".join(f"'{n}'" for n in nama)


def _nama(galat: NameError, sumber: str, ruang: Mapping[str, object]) -> tuple[str, str]:
    nama = getattr(galat, "name", None)
    if not nama:
        cocok = re.search(r"name '(\w+)' is not defined", str(galat))
        nama = cocok.group(1) if cocok else ""
    judul = f"nama {nama} belum dikenal"
    if nama.startswith("jawaban"):
        return f"{nama} belum diisi", _saran_jawaban(nama, sumber, ruang)
    impor = _NAMA_IMPOR.get(nama)
    if impor or (nama and _ada_di_p3pd(nama)):
        return (
            judul,
            f"{nama} disiapkan oleh sel Impor di bagian atas notebook. Jalankan sel Impor dulu, "
            "lalu sel-sel di bawahnya.",
        )
    variabel = [k for k in ruang if not k.startswith("_")]
    mirip = _mirip(nama, variabel)
    if mirip:
        return (
            judul,
            f"Mungkin maksud Anda {_daftar_nama(mirip)}? Nama variabel harus ditulis sama "
            "persis, termasuk huruf besar/kecil dan garis bawah.",
        )
    if _seperti_teks(nama, sumber):
        return (
            judul,
            f'Bila {nama} adalah nama (teks), tulis di antara tanda kutip: "{nama}". Bila itu '
            "nama variabel, jalankan dulu sel yang membuatnya.",
        )
    return (
        judul,
        f"Variabel {nama} belum dibuat: jalankan sel di atas dulu (mulai dari sel Impor), atau "
        "pilih menu Kernel → Restart Kernel and Run All Cells….",
    )


def _saran_jawaban(nama: str, sumber: str, ruang: Mapping[str, object]) -> str:
    """Saran untuk ``jawaban_N`` yang belum ada: sel jawabannya belum dijalankan atau barisnya terhapus.

    Bila riwayat sel Jupyter (``In``) tersedia, saran menyebut apakah baris ``jawaban_N = …``
    pernah dijalankan dan apakah sel yang dijalankan tepat sebelumnya memuatnya.
    """
    from p3pd.penjaga import nama_jawaban

    baris = f"{nama} = …"
    ulang = (
        f"Bila baris itu terhapus, tulis lagi di sel jawaban: {nama} = lalu jawaban Anda (atau "
        f"{nama} = ... bila belum tahu). Jalankan sel jawaban itu, lalu jalankan sel ini lagi."
    )
    riwayat = ruang.get("In")
    if isinstance(riwayat, list) and len(riwayat) >= 2 and all(isinstance(x, str) for x in riwayat):
        sebelum = [x for x in riwayat[:-1] if x.strip()]
        if not any(nama in nama_jawaban(x) for x in sebelum):
            teks = (
                f"Jawaban disimpan oleh baris {baris} di sel jawaban di atas sel ini, dan baris "
                "itu belum dijalankan sejak notebook dibuka (atau sejak kernel dimulai ulang)."
            )
            if sebelum:
                teks += (
                    f" Sel yang Anda jalankan tepat sebelum ini tidak berisi {baris}; bila itu "
                    "sel jawaban Anda, hasilnya hanya tampil dan tidak tersimpan."
                )
            return f"{teks} {ulang}"
    return (
        f"Jawaban disimpan oleh baris {baris} di sel jawaban di atas sel ini. Jalankan sel "
        f"jawaban itu dulu (Shift + Enter), lalu jalankan sel ini lagi. {ulang}"
    )


def _ada_di_p3pd(nama: str) -> bool:
    """Apakah ``nama`` adalah modul atau fungsi yang biasa diimpor dari paket p3pd."""
    import importlib.util

    if importlib.util.find_spec(f"p3pd.{nama}") is not None:
        return True
    return nama in {
        "cek",
        "siapkan",
        "catatan_sintetis",
        "catatan_data",
        "folder_kerja",
        "angka",
        "persen",
        "rupiah",
        "TEKS_SINTETIS",
        "DataTidakValid",
        "laporan_periksa",
    }


def _seperti_teks(nama: str, sumber: str) -> bool:
    """Nama yang tampak seperti nama tempat/orang: berhuruf besar dan berada di ruas kanan ``=``."""
    if not nama[:1].isupper():
        return False
    return (
        any(
            re.search(rf"=\s*[^=]*\b{re.escape(nama)}\b", b)
            or re.search(rf"\(\s*{re.escape(nama)}\b", b)
            for b in sumber.splitlines()
        )
        or not sumber
    )


def _label_di_ruang(ruang: Mapping[str, object], batas: int = 5000) -> list[str]:
    """Nama kolom dan label indeks (teks) semua tabel pandas di ruang nama peserta."""
    import pandas as pd

    hasil: list[str] = []
    for nilai in list(ruang.values()):
        if isinstance(nilai, pd.DataFrame):
            hasil += [str(k) for k in nilai.columns[:batas]]
            indeks = nilai.index
        elif isinstance(nilai, pd.Series):
            indeks = nilai.index
        else:
            continue
        if len(indeks) <= batas:
            hasil += [k for k in indeks if isinstance(k, str)]
    return hasil


def _kunci(galat: KeyError, ruang: Mapping[str, object]) -> tuple[str, str]:
    kunci = galat.args[0] if galat.args else ""
    if isinstance(kunci, str) and ("not in index" in kunci or "are in the" in kunci):
        nama = re.findall(r"'([^']*)'", kunci)
        kunci = nama[0] if nama else kunci
    if not isinstance(kunci, str):
        return (
            f"label {kunci!r} tidak ditemukan",
            "Label baris itu tidak ada di tabel. Untuk mengambil baris menurut urutannya, "
            "pakai .iloc[...], misalnya data.iloc[0].",
        )
    judul = f"kolom atau label '{kunci}' tidak ditemukan"
    mirip = _mirip(kunci, _label_di_ruang(ruang), batas=0.7)
    if mirip:
        return (
            judul,
            f"Mungkin maksud Anda {_daftar_nama(mirip)}? Nama kolom harus ditulis sama persis, "
            "termasuk huruf besar/kecil, spasi, dan garis bawah.",
        )
    return (
        judul,
        "Periksa ejaannya: huruf besar/kecil, spasi, dan garis bawah harus sama persis. Daftar "
        "kolom sebuah tabel terlihat dengan nama_tabel.columns.",
    )


def _atribut(galat: AttributeError) -> tuple[str, str]:
    nama = getattr(galat, "name", None) or ""
    objek = getattr(galat, "obj", None)
    jenis = type(objek).__name__ if objek is not None else "objek"
    judul = f"{jenis} tidak punya .{nama}" if nama else "nama sesudah titik tidak dikenal"
    if objek is None or not nama:
        return judul, "Periksa ejaan nama sesudah titik."
    kolom = [str(k) for k in getattr(objek, "columns", [])]
    mirip_kolom = _mirip(nama, kolom)
    if mirip_kolom or nama in kolom:
        pilihan = mirip_kolom[0] if mirip_kolom else nama
        return (
            judul,
            f'Kolom dipilih dengan kurung siku dan tanda kutip, misalnya tabel["{pilihan}"].',
        )
    mirip = _mirip(nama, [a for a in dir(objek) if not a.startswith("_")])
    if mirip:
        return judul, f"Mungkin maksud Anda .{mirip[0]}? Periksa ejaan nama sesudah titik."
    return judul, "Periksa ejaan nama sesudah titik."


def _jenis_nilai(galat: TypeError | ValueError) -> tuple[str, str]:
    pesan = str(galat)
    teks = re.search(r"""['"]([^'"]*)['"]\s*$""", pesan)
    isi = teks.group(1) if teks else ""
    if isinstance(galat, ValueError) and (
        "could not convert string to float" in pesan or "invalid literal for int()" in pesan
    ):
        if re.fullmatch(r"-?\d+,\d+", isi.strip()):
            return (
                "koma dipakai sebagai tanda desimal",
                f"Pakai titik untuk desimal: {isi.strip().replace(',', '.')}, bukan {isi.strip()}.",
            )
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", isi.strip()):
            return (
                "titik ribuan di dalam angka",
                f"Hapus titik ribuan: {isi.strip().replace('.', '')}, bukan {isi.strip()}.",
            )
        return (
            "teks tidak dapat dibaca sebagai angka",
            f"'{isi}' bukan angka. Tulis angkanya saja, tanpa satuan atau kata.",
        )
    if "truth value of a" in pesan and "ambiguous" in pesan:
        return (
            "syarat ganda ditulis dengan and/or",
            'Gabungkan syarat dengan & ("dan") atau | ("atau") dan beri kurung pada setiap '
            'syarat, misalnya data[(data["tahun"] == 2024) & (data["jumlah_penduduk"] > 5000)].',
        )
    if (
        "can only concatenate str" in pesan
        or re.search(r"unsupported operand type\(s\).*'str'", pesan)
        or re.search(r"not supported between instances of .*'str'", pesan)
        or re.search(r"Invalid comparison between dtype=(str|object)", pesan)
    ):
        return (
            "angka bercampur teks",
            'Angka ditulis tanpa tanda kutip (23, bukan "23"). Kolom yang berisi teks tidak '
            "dapat dihitung atau dibandingkan dengan angka.",
        )
    tidak_dipanggil = re.search(r"'(\w+)' object is not callable", pesan)
    if tidak_dipanggil:
        jenis = tidak_dipanggil.group(1)
        if jenis in {"DataFrame", "Series"}:
            return (
                "tabel dipanggil dengan kurung biasa",
                'Kolom dipilih dengan kurung siku: data["kolom"], bukan data("kolom").',
            )
        return (
            f"{jenis} bukan fungsi",
            "Mungkin kurung biasa ( ) seharusnya kurung siku [ ], atau nama fungsinya tertimpa "
            "oleh variabel bernama sama.",
        )
    argumen = re.search(r"unexpected keyword argument '(\w+)'", pesan)
    if argumen:
        return (
            f"argumen {argumen.group(1)} tidak dikenal",
            "Periksa ejaan nama argumen itu; tirulah contoh di sel materi.",
        )
    if "required positional argument" in pesan:
        kurang = re.findall(r"'(\w+)'", pesan.split("argument", 1)[-1])
        return (
            "argumen fungsi belum lengkap",
            f"Fungsi ini memerlukan {', '.join(kurang) or 'argumen lain'}; tirulah contoh di "
            "sel materi.",
        )
    return _umum(galat)


def _kalimat(teks: str) -> str:
    teks = teks.strip()
    if not teks:
        return teks
    teks = teks[0].upper() + teks[1:]
    return teks if teks.endswith((".", "!", "?", "…")) else teks + "."
