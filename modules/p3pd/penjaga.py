"""Penjaga sel di kernel Jupyter: pesan kesalahan berbahasa Indonesia dan jawaban yang basi.

``pasang(shell)`` (dipanggil ``siapkan()``) memasang dua hal pada shell IPython:

1. **Penjelas pesan kesalahan.** Lewat ``set_custom_exc``, setiap pesan kesalahan di sel
   (juga ``SyntaxError``, yang terjadi sebelum sel dijalankan) tampil sebagai kotak berbahasa
   Indonesia dari ``p3pd.penjelas``: apa kekeliruannya dan cara memperbaikinya. Pesan asli
   berbahasa Inggris tetap ada satu klik di bawahnya ("Pesan asli"), dan di teks polosnya.
   Keluaran pesan kesalahan sel menjadi dua baris (penjelasan singkat dan baris terakhir pesan
   asli); balasan kernel (yang dibaca nbclient, papermill, dan ``p3pd latihan --segarkan``)
   tetap membawa traceback asli yang lengkap. Sel yang gagal tetap dihitung gagal: "Run All"
   berhenti di sana.
2. **Jawaban dari sel yang gagal tidak dinilai.** Bila sebuah sel gagal, setiap nama
   ``jawaban…`` yang diberi nilai di sel itu (dicari dengan pola teks, karena sel yang gagal
   dibaca pun mungkin tidak bisa) diganti ``JawabanGagal``. ``cek`` lalu menjawab "Sel jawaban
   terakhir gagal dijalankan …" beserta petunjuknya, bukan menilai nilai lama dari jalan
   sebelumnya. Begitu sel itu berhasil dijalankan, nilainya yang baru berlaku lagi.

Di luar IPython modul ini tidak melakukan apa pun; mengimpornya tidak mengubah apa pun.
"""

from __future__ import annotations

import re
from typing import Any

from p3pd.kotak import kotak_html
from p3pd.penjelas import JUDUL_ASLI, Penjelasan, jelaskan

AWALAN_JAWABAN = "jawaban"
"""Nama variabel jawaban latihan diawali kata ini (``jawaban_1``, ``jawaban_contoh`` …)."""

_PENUGASAN = re.compile(
    r"^[ \t]*((?:[A-Za-z_]\w*[ \t]*(?:,[ \t]*[A-Za-z_]\w*[ \t]*)*(?::[^=\n]*)?=(?!=)[ \t]*)+)",
    re.M,
)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_TANDA = "_p3pd_penjaga"


class JawabanGagal:
    """Pengganti nilai ``jawaban…`` dari sel jawaban yang gagal dijalankan.

    ``cek`` mengenalinya dan menjawab "Sel jawaban terakhir gagal dijalankan …" dengan
    ``petunjuk`` (penjelasan singkat kesalahannya), tanpa menilai nilai lama.
    """

    def __init__(self, nama: str, petunjuk: str = "") -> None:
        self.nama = nama
        self.petunjuk = petunjuk

    @property
    def pesan(self) -> str:
        """Pesan satu baris untuk peserta."""
        teks = (
            f"Sel jawaban terakhir gagal dijalankan, jadi nilai {self.nama} yang mungkin "
            "tersimpan dari percobaan sebelumnya tidak dinilai."
        )
        if self.petunjuk:
            teks += f" Petunjuk: {self.petunjuk}"
        return teks + " Perbaiki sel jawaban, jalankan, lalu jalankan sel ini lagi."

    def __repr__(self) -> str:
        return self.pesan

    def _repr_html_(self) -> str:
        return kotak_html(self.pesan, "gagal")


def nama_jawaban(sumber: str) -> list[str]:
    """Nama ``jawaban…`` yang diberi nilai di ``sumber`` (juga bila sumbernya tidak sah).

    Mengenali ``jawaban_1 = …``, ``a = jawaban_2 = …``, ``jawaban_1, jawaban_2 = …`` dan
    ``jawaban_1: int = …`` di awal baris; ``==`` bukan penugasan.
    """
    hasil: list[str] = []
    for cocok in _PENUGASAN.finditer(sumber):
        kiri = re.sub(r":[^=\n]*=", "=", cocok.group(1))
        for nama in re.findall(r"[A-Za-z_]\w*", kiri):
            if nama.startswith(AWALAN_JAWABAN) and nama not in hasil:
                hasil.append(nama)
    return hasil


class _Penjaga:
    """Status penjaga pada satu shell: isi sel yang sedang berjalan dan penjelasan terakhir."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.sumber = ""
        self.penjelasan: Penjelasan | None = None
        self.galat: BaseException | None = None

    # pre_run_cell
    def sebelum_sel(self, info: Any) -> None:
        self.sumber = getattr(info, "raw_cell", "") or ""
        self.penjelasan = self.galat = None

    # set_custom_exc
    def tangani(self, shell: Any, etype: type, value: BaseException, tb: Any, tb_offset=None):
        asli_stb = _traceback_asli(shell, etype, value, tb, tb_offset)
        try:
            from IPython.display import display

            asli = _ANSI.sub("", shell.InteractiveTB.stb2text(asli_stb))
            penjelasan = jelaskan(value, self.sumber, shell.user_ns, asli=asli)
            self.penjelasan, self.galat = penjelasan, value
            display(penjelasan)
            pendek = [
                f"\x1b[1;31m{penjelasan.kepala}\x1b[0m",
                f"{JUDUL_ASLI}: {_baris_terakhir(asli) or etype.__name__}",
            ]
        except Exception:  # penjelas tidak boleh menyembunyikan pesan aslinya
            pendek = asli_stb
        shell._showtraceback(etype, value, pendek)
        if hasattr(shell, "_last_traceback"):
            # balasan kernel (nbclient, papermill, nbval) tetap membawa traceback lengkap
            shell._last_traceback = asli_stb
        return None

    # post_run_cell
    def sesudah_sel(self, hasil: Any) -> None:
        if hasil is None or getattr(hasil, "success", True):
            return
        info = getattr(hasil, "info", None)
        sumber = getattr(info, "raw_cell", None) or self.sumber
        nama = nama_jawaban(sumber)
        if not nama:
            return
        galat = getattr(hasil, "error_before_exec", None) or getattr(hasil, "error_in_exec", None)
        penjelasan = self.penjelasan if galat is not None and galat is self.galat else None
        if penjelasan is None and galat is not None:
            penjelasan = jelaskan(galat, sumber, self.shell.user_ns, asli="")
        petunjuk = penjelasan.petunjuk if penjelasan else ""
        for n in nama:
            self.shell.user_ns[n] = JawabanGagal(n, petunjuk)


def _traceback_asli(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset) -> list:
    """Traceback seperti yang akan ditampilkan IPython tanpa penjelas."""
    try:
        if issubclass(etype, SyntaxError):
            return shell.SyntaxTB.structured_traceback(etype, value, [])
        if hasattr(value, "_render_traceback_"):
            return list(value._render_traceback_())
        return shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    except Exception:
        return [f"{etype.__name__}: {value}"]


def _baris_terakhir(teks: str) -> str:
    baris = [b.strip() for b in teks.strip().splitlines() if b.strip()]
    return baris[-1] if baris else ""


def pasang(shell: Any) -> bool:
    """Pasang penjelas pesan kesalahan dan penjaga jawaban pada ``shell`` IPython.

    Aman dipanggil berulang kali (pemasangan lama diganti). Mengembalikan ``False`` bila
    ``shell`` bukan shell IPython.
    """
    if shell is None or not hasattr(shell, "set_custom_exc") or not hasattr(shell, "events"):
        return False
    lepas(shell)
    from IPython.core.error import UsageError

    penjaga = _Penjaga(shell)

    def tangani(sh, etype, value, tb, tb_offset=None):
        if issubclass(etype, UsageError):  # pesan magic IPython sudah singkat
            sh.show_usage_error(value)
            return None
        return penjaga.tangani(sh, etype, value, tb, tb_offset)

    shell.set_custom_exc((Exception,), tangani)
    shell.events.register("pre_run_cell", penjaga.sebelum_sel)
    shell.events.register("post_run_cell", penjaga.sesudah_sel)
    setattr(shell, _TANDA, penjaga)
    return True


def lepas(shell: Any) -> None:
    """Lepaskan pemasangan ``pasang`` dari ``shell`` (pesan kesalahan kembali seperti biasa)."""
    penjaga = getattr(shell, _TANDA, None)
    if penjaga is None:
        return
    for nama, fungsi in (
        ("pre_run_cell", penjaga.sebelum_sel),
        ("post_run_cell", penjaga.sesudah_sel),
    ):
        try:
            shell.events.unregister(nama, fungsi)
        except ValueError:
            pass
    shell.set_custom_exc((), None)
    delattr(shell, _TANDA)
