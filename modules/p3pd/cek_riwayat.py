"""Mengenali jawaban lama untuk ``cek``: riwayat sel Jupyter sebelum sel pemeriksa.

Nilai ``jawaban_N`` tetap tersimpan di kernel sampai baris ``jawaban_N = …`` dijalankan lagi.
Bila peserta mengganti isi sel jawaban dengan ``28.9`` saja (tanpa ``jawaban_3 =``), sel itu
hanya menampilkan angkanya, dan ``cek`` akan menilai nilai lama. ``telaah`` membaca riwayat sel
IPython (``In``: sel terakhir adalah sel pemeriksa yang sedang berjalan) dan memutuskan:

- ``None``: sel jawaban (atau sel pemeriksa itu sendiri) memuat ``jawaban_N = …``; nilai
  dinilai seperti biasa. Juga di luar IPython atau bila riwayatnya tidak dapat dibaca.
- ``Telaah(basi=True, …)``: sel yang dijalankan tepat sebelumnya tampak seperti sel jawaban
  yang kehilangan ``jawaban_N =`` (hanya angka/teks, ``jawaban_N == …``, atau nama yang salah
  tulis seperti ``jawaban3``): nilai lama tidak dinilai.
- ``Telaah(basi=False, …)``: ragu (sel lain dijalankan di antaranya, atau sel pemeriksa
  dijalankan dua kali): nilai dinilai, dengan catatan nilai mana yang dinilai.
"""

from __future__ import annotations

import ast
import difflib
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from p3pd.penjaga import nama_jawaban

_PANJANG_NILAI = 60
_DIBERI_NILAI = re.compile(r"^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)", re.M)


@dataclass(frozen=True)
class Telaah:
    """Hasil menelaah riwayat: ``basi`` (jangan dinilai) dan ``teks`` (pesan atau catatan)."""

    basi: bool
    teks: str


def telaah(jawaban: object, shell: object | None = None) -> Telaah | None:
    """Telaah apakah ``jawaban`` di sel pemeriksa yang sedang berjalan berasal dari sel yang baru dijalankan.

    ``shell`` bawaan: shell IPython yang sedang berjalan (bila IPython sudah dimuat). Tidak
    pernah menimbulkan pesan kesalahan: bila riwayat tidak dapat dibaca, hasilnya ``None``.
    """
    try:
        if shell is None:
            shell = _shell()
        if shell is None:
            return None
        ruang = getattr(shell, "user_ns", None)
        if not isinstance(ruang, Mapping):
            return None
        riwayat = ruang.get("In")
        if not isinstance(riwayat, Sequence) or not all(isinstance(x, str) for x in riwayat):
            return None
        return telaah_riwayat(jawaban, list(riwayat), ruang)
    except Exception:  # riwayat yang aneh tidak boleh menghalangi penilaian
        return None


def telaah_riwayat(
    jawaban: object, riwayat: Sequence[str], ruang: Mapping[str, object]
) -> Telaah | None:
    """Seperti ``telaah``, dengan riwayat sel (``In``; unsur terakhir = sel ini) dan ruang nama."""
    if len(riwayat) < 2:
        return None
    sekarang = riwayat[-1]
    nama = _nama_diperiksa(sekarang, jawaban, ruang)
    if nama is None or nama in nama_jawaban(sekarang):
        return None
    ulang = False
    sebelum = ""
    for sel in reversed(riwayat[:-1]):
        if not sel.strip():
            continue
        if nama in _nama_dicek(sel) and nama not in nama_jawaban(sel):
            ulang = True  # sel pemeriksa yang sama dijalankan lagi
            continue
        sebelum = sel
        break
    if not sebelum:
        return None
    catatan = Telaah(False, f"(yang dinilai: {nama} = {_ringkas(jawaban)})")
    if nama in nama_jawaban(sebelum):
        return catatan if ulang else None
    pesan = _pesan_basi(nama, sebelum, jawaban)
    return Telaah(True, pesan) if pesan else catatan


# --- membaca sel --------------------------------------------------------------------------------


def _shell() -> object | None:
    modul = sys.modules.get("IPython")
    if modul is None:
        return None
    return modul.get_ipython()


def _panggilan_cek(sumber: str) -> list[ast.Call]:
    try:
        pohon = ast.parse(sumber)
    except SyntaxError:
        return []
    hasil = []
    for simpul in ast.walk(pohon):
        if isinstance(simpul, ast.Call) and simpul.args:
            fungsi = simpul.func
            nama = getattr(fungsi, "id", None) or getattr(fungsi, "attr", None)
            if nama == "cek":
                hasil.append(simpul)
    return hasil


def _nama_dicek(sumber: str) -> list[str]:
    """Nama variabel (``jawaban…``) yang menjadi argumen pertama ``cek(…)`` di ``sumber``."""
    hasil: list[str] = []
    for panggilan in _panggilan_cek(sumber):
        arg = panggilan.args[0]
        if isinstance(arg, ast.Name) and arg.id.startswith("jawaban") and arg.id not in hasil:
            hasil.append(arg.id)
    return hasil


def _nama_diperiksa(sumber: str, jawaban: object, ruang: Mapping[str, object]) -> str | None:
    """Nama variabel yang nilainya ``jawaban`` di sel pemeriksa; ``None`` bila tidak pasti."""
    calon = [n for n in _nama_dicek(sumber) if n in ruang and ruang[n] is jawaban]
    return calon[0] if len(calon) == 1 else None


def _sederhana(nama: str) -> str:
    return re.sub(r"[^a-z0-9]", "", nama.lower())


def _salah_eja(lain: str, nama: str) -> bool:
    """``lain`` tampak seperti ``nama`` yang salah ketik (``jawaban1``, ``Jawaban_1``,
    ``jawban_1``, ``jawaban_l``), bukan nama jawaban latihan lain (``jawaban_2``)."""
    if _sederhana(lain) == _sederhana(nama):
        return True
    if re.fullmatch(r"jawaban_\d+", lain):
        return False
    return difflib.SequenceMatcher(None, lain.lower(), nama.lower()).ratio() >= 0.85


def _pesan_basi(nama: str, sebelum: str, jawaban: object) -> str:
    """Pesan "nilai lama" bila sel ``sebelum`` tampak seperti sel jawaban tanpa ``nama =``."""
    lama = f"jadi yang tersimpan masih nilai lama ({nama} = {_ringkas(jawaban)}) dan tidak dinilai"
    ulang = "jalankan sel itu, lalu jalankan sel ini lagi."
    for lain in _DIBERI_NILAI.findall(sebelum):
        if lain != nama and _salah_eja(lain, nama):
            return (
                f"Belum dinilai — sel yang baru Anda jalankan menyimpan jawaban ke {lain}, bukan "
                f"{nama}, {lama}. Tulis nama persis {nama} = lalu jawaban Anda, {ulang}"
            )
    try:
        pohon = ast.parse(sebelum)
    except SyntaxError:
        baris = [b for b in sebelum.splitlines() if b.strip() and not b.strip().startswith("#")]
        if len(baris) == 1 and "=" not in baris[0]:
            return _pesan_tanpa_penugasan(nama, lama, ulang, "")
        return ""
    if len(pohon.body) != 1 or not isinstance(pohon.body[0], ast.Expr):
        return ""
    nilai = pohon.body[0].value
    if (
        isinstance(nilai, ast.Compare)
        and isinstance(nilai.left, ast.Name)
        and nilai.left.id == nama
        and len(nilai.ops) == 1
        and isinstance(nilai.ops[0], ast.Eq)
    ):
        kanan = ast.get_source_segment(sebelum, nilai.comparators[0]) or "…"
        return (
            f"Belum dinilai — di sel yang baru Anda jalankan, {nama} == {kanan} hanya "
            f"membandingkan (dua tanda =), tidak menyimpan, {lama}. Pakai satu tanda =: "
            f"{nama} = {kanan}, lalu {ulang}"
        )
    if _harfiah(nilai):
        if _sama(ast.literal_eval(nilai), jawaban):
            return ""  # nilai yang tersimpan sama dengan yang baru diketik: dinilai dengan catatan
        contoh = ast.get_source_segment(sebelum, nilai) or ""
        return _pesan_tanpa_penugasan(nama, lama, ulang, contoh)
    return ""


def _pesan_tanpa_penugasan(nama: str, lama: str, ulang: str, contoh: str) -> str:
    tulis = (
        f"{nama} = {contoh}"
        if contoh and len(contoh) <= _PANJANG_NILAI
        else f"{nama} = lalu jawaban Anda"
    )
    return (
        f"Belum dinilai — sel yang baru Anda jalankan tidak berisi baris {nama} = …, sehingga "
        f"jawabannya hanya tampil dan tidak tersimpan; {lama}. Tulis {tulis} di sel jawaban, "
        f"{ulang}"
    )


def _harfiah(simpul: ast.expr) -> bool:
    """Angka, teks, ``...``, atau daftar/himpunan/kamus berisi itu (jawaban yang diketik langsung)."""
    try:
        ast.literal_eval(simpul)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _sama(a: object, b: object) -> bool:
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:
        return False


def _ringkas(nilai: object) -> str:
    """``repr`` pendek untuk pesan satu baris."""
    if nilai is Ellipsis:
        return "..."
    if hasattr(nilai, "item") and getattr(nilai, "ndim", None) == 0:
        nilai = nilai.item()  # np.float64(14.0) ditulis 14.0
    try:
        teks = " ".join(repr(nilai).split())
    except Exception:
        teks = type(nilai).__name__
    return teks if len(teks) <= _PANJANG_NILAI else teks[: _PANJANG_NILAI - 1] + "…"
