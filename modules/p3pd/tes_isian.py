"""Mengisi tes di notebook: formulir widget (tombol pilihan, kotak angka, tombol simpan) dan
jalan tanpa widget (jawaban diketik ke sebuah ``dict``, disimpan dengan satu panggilan fungsi).

Kedua jalan menyimpan lewat ``p3pd.tes_jawaban.simpan_jawaban``: satu berkas per peserta dan
per tes di ``kerja_saya/tes/``, atomik, tidak pernah menimpa jawaban lain diam-diam. Pesan untuk
peserta berupa kotak berwarna (``p3pd.kotak.Kotak``), tidak pernah traceback.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from p3pd.galat import GalatP3PD
from p3pd.kotak import Kotak
from p3pd.tes_jawaban import (
    periksa_kelas,
    periksa_kode_peserta,
    rapikan_provinsi,
    simpan_jawaban,
)
from p3pd.tes_soal import JENIS_TES, TUJUAN, daftar_soal, nama_layanan, teks_html

__all__ = [
    "ringkasan_soal",
    "periksa_identitas",
    "tampilkan_soal",
    "simpan_statis",
    "formulir",
]


def ringkasan_soal() -> pd.DataFrame:
    """Banyaknya soal per tujuan pelatihan dan per jenis soal (pilihan ganda, angka)."""
    baris = [
        {
            "tujuan": TUJUAN[s.tujuan],
            "jenis": "pilihan ganda" if s.jenis == "pilihan" else "angka",
        }
        for s in daftar_soal()
    ]
    tabel = pd.DataFrame(baris).groupby(["tujuan", "jenis"]).size().unstack("jenis", fill_value=0)
    tabel["jumlah"] = tabel.sum(axis=1)
    tabel.columns.name = None
    return tabel


def periksa_identitas(jenis: str, kode_peserta: str, kelas: str, provinsi: str) -> Kotak:
    """Periksa jenis tes, kode peserta, kelas, dan provinsi; kembalikan kotak pesan untuk peserta."""
    try:
        if jenis not in JENIS_TES:
            raise GalatP3PD(f'JENIS \'{jenis}\' tidak dikenal; tulis "awal" atau "akhir".')
        kode = periksa_kode_peserta(kode_peserta)
        kls = periksa_kelas(kelas)
        prov = rapikan_provinsi(provinsi)
    except GalatP3PD as g:
        return Kotak(f"Identitas belum lengkap — {g}", "belum_dijawab")
    return Kotak(f"Siap — {JENIS_TES[jenis]}, kode {kode}, kelas {kls}, {prov}.", "benar")


def tampilkan_soal() -> Any:
    """Semua soal (tanpa kunci) sebagai HTML, untuk dibaca saat mengisi tanpa widget."""
    from IPython.display import HTML

    bagian = []
    for s in daftar_soal():
        label = f"tujuan {s.tujuan} · {nama_layanan(s.layanan)}"
        isi = f"<p><b>{s.id}.</b> {teks_html(s.teks)} <small>({html.escape(label)})</small></p>"
        if s.jenis == "pilihan":
            isi += (
                "<ul>"
                + "".join(
                    f"<li><b>{h}.</b> {teks_html(p)}</li>"
                    for h, p in zip("ABCD", s.pilihan, strict=True)
                )
                + "</ul>"
            )
        else:
            isi += f"<p><i>Jawaban angka, dalam {html.escape(s.satuan)}.</i></p>"
        bagian.append(isi)
    return HTML("".join(bagian))


def _simpan(
    jawaban: Mapping[str, object],
    jenis: str,
    kode_peserta: str,
    kelas: str,
    provinsi: str,
    folder: str | Path | None,
    ganti: bool,
) -> Kotak:
    koma = [k for k, v in jawaban.items() if isinstance(v, tuple)]
    if koma:
        return Kotak(
            f"Belum tersimpan — jawaban {', '.join(map(str, koma))} memakai koma tanpa tanda "
            'kutip, sehingga terbaca sebagai dua angka. Tulis 22.5 atau "22,5", lalu jalankan '
            "lagi kedua sel.",
            "belum_tepat",
        )
    terisi = sum(
        1 for v in jawaban.values() if v is not None and v is not Ellipsis and str(v).strip()
    )
    if not terisi:
        return Kotak(
            "Belum dijawab — belum ada jawaban yang diisi, jadi belum ada yang disimpan.",
            "belum_dijawab",
        )
    try:
        path = simpan_jawaban(
            jawaban,
            jenis=jenis,
            kode_peserta=kode_peserta,
            kelas=kelas,
            provinsi=provinsi,
            folder=folder,
            ganti=ganti,
        )
    except GalatP3PD as g:
        return Kotak(f"Belum tersimpan — {g}", "gagal")
    kosong = len(daftar_soal()) - terisi
    tambahan = f" {kosong} soal tidak dijawab." if kosong else ""
    return Kotak(
        f"Tersimpan — {terisi} jawaban di {path.name} (folder {path.parent}).{tambahan}", "benar"
    )


def simpan_statis(
    jawaban: Mapping[str, object],
    jenis: str,
    kode_peserta: str,
    kelas: str,
    provinsi: str,
    *,
    folder: str | Path | None = None,
    ganti: bool = False,
) -> Kotak:
    """Simpan jawaban yang diketik ke ``dict`` (jalan tanpa widget); kembalikan kotak pesan.

    ``...`` berarti belum dijawab. Bila belum ada satu pun jawaban, tidak ada yang disimpan.
    Kesalahan (kode peserta, jawaban yang sudah tersimpan berbeda, …) menjadi pesan, bukan
    traceback.
    """
    return _simpan(jawaban, jenis, kode_peserta, kelas, provinsi, folder, ganti)


def formulir(
    jenis: str,
    kode_peserta: str,
    kelas: str,
    provinsi: str,
    *,
    folder: str | Path | None = None,
) -> Any:
    """Formulir tes dengan widget: tombol A–D per soal, kotak angka, dan tombol **Simpan jawaban**."""
    import ipywidgets as w

    isian: dict[str, Any] = {}
    anak: list[Any] = [
        w.HTML(f"<h3>{html.escape(JENIS_TES.get(jenis, 'Tes'))}: {len(daftar_soal())} soal</h3>")
    ]
    tata = w.Layout(width="100%")
    for s in daftar_soal():
        teks = f"<p><b>{s.id}.</b> {teks_html(s.teks)}</p>"
        if s.jenis == "pilihan":
            teks += "".join(
                f"<div style='margin-left:1.5em'><b>{h}.</b> {teks_html(p)}</div>"
                for h, p in zip("ABCD", s.pilihan, strict=True)
            )
        anak.append(w.HTML(teks, layout=tata))
        if s.jenis == "pilihan":
            # Teks pilihan ada di atas; tombolnya cukup hurufnya (label panjang tidak terpotong).
            kontrol = w.ToggleButtons(
                options=list("ABCD"), value=None, style={"button_width": "4em"}
            )
            anak.append(kontrol)
        else:
            kontrol = w.Text(placeholder="angka, mis. 12,5", layout=w.Layout(width="14em"))
            anak.append(w.HBox([kontrol, w.Label(s.satuan)]))
        isian[s.id] = kontrol
    ganti = w.Checkbox(
        value=False,
        description="Ganti jawaban yang sudah tersimpan (bila diminta pelatih)",
        indent=False,
        layout=tata,
    )
    tombol = w.Button(description="Simpan jawaban", button_style="primary", icon="save")
    pesan = w.Output()

    def _klik(_: Any) -> None:
        jawaban = {k: (c.value if c.value not in ("", None) else None) for k, c in isian.items()}
        hasil = _simpan(jawaban, jenis, kode_peserta, kelas, provinsi, folder, ganti.value)
        pesan.clear_output()
        with pesan:
            from IPython.display import display

            display(hasil)

    tombol.on_click(_klik)
    anak.extend([ganti, tombol, pesan])
    return w.VBox(anak)
