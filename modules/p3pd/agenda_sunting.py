"""Menyunting rancangan agenda terpadu: dengan satu baris kode, atau dengan formulir widget.

Tiga fungsi yang sama-sama mengembalikan **salinan baru** (tabel asal tidak diubah) dan menomori
ulang kolom ``no``:

- :func:`sunting_baris` — ubah isi beberapa kolom satu baris (menurut nomornya);
- :func:`tambah_baris` — tambahkan tindakan baru yang disusun tim kecamatan sendiri;
- :func:`hapus_baris` — buang baris yang tidak dipakai.

:func:`penyunting` membuat formulir ipywidgets sederhana (pilih baris, ubah teks, tekan
"Terapkan") yang memakai :func:`sunting_baris` dan menaruh hasilnya di ``penyunting.agenda``.
Formulir itu pilihan saja: tanpa widget, tiga fungsi di atas memberi hasil yang sama.

Mengimpor modul ini tidak menyentuh berkas apa pun; ipywidgets diimpor di dalam fungsi.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from p3pd.agenda import BAGIAN, INDIKATOR_APBDES, JENIS_BINWAS, KOLOM_AGENDA
from p3pd.galat import GalatP3PD

__all__ = [
    "KOLOM_SUNTING",
    "sunting_baris",
    "tambah_baris",
    "hapus_baris",
    "Penyunting",
    "penyunting",
]

KOLOM_SUNTING = (
    "jenis_binwas",
    "tindakan",
    "isu_kabupaten",
    "penanggung_jawab",
    "mitra",
    "waktu",
    "target",
)
"""Kolom yang disunting lewat formulir widget (semua kolom lain juga boleh lewat fungsi)."""

_ANGKA = ("capaian_awal", "target")


def _periksa(agenda: pd.DataFrame) -> None:
    if not isinstance(agenda, pd.DataFrame):
        raise GalatP3PD("Agenda harus berupa tabel (DataFrame) hasil agenda.susun_agenda.")
    hilang = [k for k in KOLOM_AGENDA if k not in agenda.columns]
    if hilang:
        raise GalatP3PD("Agenda tidak punya kolom " + ", ".join(f"'{k}'" for k in hilang) + ".")


def _nilai_sah(kolom: str, nilai: Any) -> Any:
    if kolom not in KOLOM_AGENDA or kolom == "no":
        boleh = ", ".join(k for k in KOLOM_AGENDA if k != "no")
        raise GalatP3PD(f"Kolom '{kolom}' tidak dapat disunting. Kolom agenda: {boleh}.")
    if kolom in _ANGKA:
        if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
            return np.nan
        try:
            return float(str(nilai).replace(",", ".")) if isinstance(nilai, str) else float(nilai)
        except (TypeError, ValueError):
            raise GalatP3PD(f"Kolom '{kolom}' harus berisi angka, bukan {nilai!r}.") from None
    teks = "" if nilai is None else str(nilai).strip()
    if kolom == "jenis_binwas" and teks not in JENIS_BINWAS:
        raise GalatP3PD(
            f"jenis_binwas harus 'pembinaan', 'pengawasan', atau 'koordinasi', bukan {teks!r}."
        )
    if kolom == "bagian" and teks not in BAGIAN:
        raise GalatP3PD(f"bagian harus 'desa' atau 'kabupaten', bukan {teks!r}.")
    return teks


def _nomori(agenda: pd.DataFrame, asal: pd.DataFrame) -> pd.DataFrame:
    hasil = agenda.reset_index(drop=True)
    hasil["no"] = np.arange(1, len(hasil) + 1, dtype=np.int64)
    hasil.attrs.update(asal.attrs)
    return hasil


def _indeks(agenda: pd.DataFrame, no: int) -> Any:
    cocok = agenda.index[agenda["no"] == no]
    if len(cocok) != 1:
        raise GalatP3PD(
            f"Tidak ada baris nomor {no} di agenda; nomor yang ada 1 sampai {len(agenda)}."
        )
    return cocok[0]


def sunting_baris(agenda: pd.DataFrame, no: int, **ubah: Any) -> pd.DataFrame:
    """Salinan agenda dengan kolom-kolom baris nomor ``no`` diganti, mis. ``mitra="PKK"``.

    Nama kolom harus kolom agenda (kecuali ``no``); ``target`` dan ``capaian_awal`` berupa
    angka (koma desimal boleh); ``jenis_binwas`` hanya ``'pembinaan'`` atau ``'pengawasan'``.
    """
    _periksa(agenda)
    if not ubah:
        raise GalatP3PD("Sebutkan kolom yang diubah, mis. sunting_baris(agenda, 1, mitra='PKK').")
    hasil = agenda.copy()
    i = _indeks(hasil, int(no))
    for kolom, nilai in ubah.items():
        hasil.loc[i, kolom] = _nilai_sah(kolom, nilai)
    return _nomori(hasil, agenda)


def tambah_baris(agenda: pd.DataFrame, **isi: Any) -> pd.DataFrame:
    """Salinan agenda dengan satu baris baru di akhir (kolom yang tidak disebut dibiarkan kosong).

    Wajib diisi: ``tindakan``, ``jenis_binwas``, ``penanggung_jawab``, dan ``waktu``.
    ``bagian`` bawaannya ``'desa'``.
    """
    _periksa(agenda)
    wajib = [k for k in ("tindakan", "jenis_binwas", "penanggung_jawab", "waktu") if not isi.get(k)]
    if wajib:
        raise GalatP3PD("Baris baru belum lengkap; isi juga " + ", ".join(wajib) + ".")
    isi.setdefault("bagian", "desa")
    baru = {k: (np.nan if k in _ANGKA else "") for k in KOLOM_AGENDA if k != "no"}
    baru.update({k: _nilai_sah(k, v) for k, v in isi.items()})
    hasil = pd.concat([agenda, pd.DataFrame([baru])], ignore_index=True)
    return _nomori(hasil[list(KOLOM_AGENDA)], agenda)


def hapus_baris(agenda: pd.DataFrame, *no: int) -> pd.DataFrame:
    """Salinan agenda tanpa baris bernomor ``no`` (boleh beberapa); nomor diurutkan ulang."""
    _periksa(agenda)
    for n in no:
        _indeks(agenda, int(n))
    return _nomori(agenda[~agenda["no"].isin([int(n) for n in no])], agenda)


def _judul_baris(r: Any) -> str:
    """Judul pendek baris agenda untuk daftar pilihan: desa (atau bagiannya) — apa tindakannya."""
    tempat = r.nama_desa or ("kabupaten" if r.bagian == "kabupaten" else "kecamatan")
    if r.layanan:
        apa = str(r.layanan)
    elif r.indikator == "porsi_dibatasi":
        apa = "batas 30 % APBDes"
    elif r.indikator == INDIKATOR_APBDES:
        apa = "minta APBDes dan realisasinya"
    else:
        apa = str(r.tindakan)[:40]
    return f"{tempat} — {apa}"


class Penyunting:
    """Formulir ipywidgets untuk menyunting agenda; hasil terakhirnya ada di ``.agenda``."""

    def __init__(self, agenda: pd.DataFrame) -> None:
        import ipywidgets as w

        _periksa(agenda)
        self.agenda = agenda.copy()
        self.agenda.attrs.update(agenda.attrs)
        self._pilih = w.Dropdown(description="Baris", options=self._pilihan())
        self._isian = {
            k: (
                w.Dropdown(description=k, options=list(JENIS_BINWAS))
                if k == "jenis_binwas"
                else w.Textarea(description=k, layout=w.Layout(width="95%"))
            )
            for k in KOLOM_SUNTING
        }
        self._tombol = w.Button(description="Terapkan", button_style="primary")
        self._pesan = w.HTML()
        self._pilih.observe(lambda _: self._isi(), names="value")
        self._tombol.on_click(lambda _: self.terapkan())
        self.widget = w.VBox(
            [self._pilih, *self._isian.values(), self._tombol, self._pesan],
            layout=w.Layout(width="100%"),
        )
        self._isi()

    def _pilihan(self) -> list[tuple[str, int]]:
        return [(f"{r.no}. {_judul_baris(r)}", int(r.no)) for r in self.agenda.itertuples()]

    def _isi(self) -> None:
        baris = self.agenda.loc[_indeks(self.agenda, self._pilih.value)]
        for k, isian in self._isian.items():
            nilai = baris[k]
            isian.value = "" if pd.isna(nilai) else (f"{nilai:g}" if k in _ANGKA else str(nilai))

    def terapkan(self) -> None:
        """Terapkan isian formulir ke baris yang dipilih (lewat :func:`sunting_baris`)."""
        try:
            self.agenda = sunting_baris(
                self.agenda, self._pilih.value, **{k: v.value for k, v in self._isian.items()}
            )
        except GalatP3PD as galat:
            self._pesan.value = f"<b>Belum diterapkan:</b> {galat}"
            return
        self._pesan.value = f"Baris {self._pilih.value} diperbarui."

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def penyunting(agenda: pd.DataFrame) -> Penyunting:
    """Formulir widget untuk menyunting ``agenda``; ambil hasilnya dari ``.agenda`` sesudahnya."""
    return Penyunting(agenda)
