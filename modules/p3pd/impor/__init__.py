"""Impor data sendiri: dari berkas publik (Podes, IDM, ekspor Siskeudes, …) ke template ``p3pd``.

Satu peta (YAML, lembar Excel, atau preset bawaan) menyebut asal setiap kolom template: salin
kolom, jumlah beberapa kolom, kolom per tahun yang diputar menjadi baris, baris fasilitas yang
dihitung per desa, JSON yang diratakan. Kode BPS dan angka lain yang bukan kode Kemendagri
dikenali dan ditolak dengan namanya. Hasilnya CSV template yang lolos pemuat (``p3pd.muat``),
laporan semua asumsi (``LAPORAN_IMPOR_<peta>.md``), dan label data sendiri
(``SUMBER_DATA.yaml``). Berkas sumber tidak pernah diubah; keluaran yang sudah ada tidak
ditimpa tanpa ``timpa=True``.

Modul-modulnya: ``peta`` (membaca dan memeriksa peta) dan ``peta_excel`` (lembar Excel),
``sumber`` (membaca berkas sumber), ``kode`` (jenis kode wilayah), ``ubah`` (menerapkan peta),
``tulis`` (CSV, laporan, label), ``perintah`` (``p3pd impor``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from p3pd.galat import DataTidakValid
from p3pd.impor.peta import Peta, baca_peta, baca_preset, daftar_preset
from p3pd.impor.tulis import HasilImpor

__all__ = ["impor", "baca_peta", "baca_preset", "daftar_preset", "Peta", "HasilImpor"]


def impor(
    sumber: str | Path | Sequence[str | Path],
    peta: Peta | str | Path,
    keluar: str | Path,
    *,
    pemilik: str,
    sumber_data: str | None = None,
    timpa: bool = False,
) -> HasilImpor:
    """Impor berkas ``sumber`` ke template di folder ``keluar`` menurut ``peta``.

    ``peta``: objek :class:`Peta`, berkas peta (``.yaml`` atau ``.xlsx``), atau nama preset
    (lihat :func:`daftar_preset`, mis. ``'podes_fasilitas'``). ``pemilik`` (mis. ``'Kecamatan
    Getasan, Kabupaten Semarang'``) dan ``sumber_data`` (bawaan: ``sumber_data`` di peta) menjadi
    label data sendiri. Menimbulkan ``DataTidakValid`` berbahasa Indonesia yang menyebut berkas,
    kolom, dan baris; bila itu terjadi, tidak ada berkas yang ditulis.
    """
    from p3pd.impor.sumber import baca_sumber, lebar_ke_panjang
    from p3pd.impor.tulis import periksa_tujuan, tulis_hasil
    from p3pd.impor.ubah import terapkan_tabel

    if not isinstance(peta, Peta):
        teks = str(peta)
        peta = baca_peta(teks) if Path(teks).suffix else baca_preset(teks)
    daftar = [sumber] if isinstance(sumber, (str, Path)) else list(sumber)
    pemilik = " ".join(str(pemilik or "").split())
    if not pemilik:
        raise DataTidakValid(
            "sebutkan pemilik data (mis. 'Kecamatan Getasan, Kabupaten Semarang'); ia menjadi "
            "label data sendiri di notebook, ringkasan, dan handout."
        )
    sumber_data = " ".join(str(sumber_data or peta.sumber_data).split())
    if not sumber_data:
        raise DataTidakValid(
            "sebutkan sumber data (mis. 'BPS, Podes 2024'): peta ini tidak menyebut 'sumber_data'."
        )
    isi = baca_sumber(daftar, peta)
    putaran: list[str] = []
    kosong = 0
    if peta.lebar is not None:
        isi, putaran, kosong = lebar_ke_panjang(
            isi, peta.lebar.pola, peta.lebar.ke, peta.lebar.nilai
        )
    from p3pd.impor.per_bidang import bidang_tanpa_rincian, periksa_per_bidang

    for aturan in peta.tabel.values():
        if aturan.periksa_per_bidang is not None:
            periksa_per_bidang(isi, aturan.periksa_per_bidang, ", ".join(isi.nama))
    hasil = {nama: terapkan_tabel(peta, aturan, isi) for nama, aturan in peta.tabel.items()}
    for nama, aturan in peta.tabel.items():
        nilai = aturan.kolom.get("anggaran")
        real = aturan.kolom.get("realisasi")
        if aturan.periksa_per_bidang is not None and nilai is not None and nilai.kolom_sumber():
            for p in bidang_tanpa_rincian(
                isi,
                aturan.periksa_per_bidang,
                nilai.kolom_sumber()[0],
                real.kolom_sumber()[0] if real is not None and real.kolom_sumber() else None,
            ):
                hasil[nama].asumsi.append(f"PERINGATAN: {p['pesan']}")
                hasil[nama].peringatan_data.append(p)
    if not any(len(h.data) for h in hasil.values()):
        raise DataTidakValid(
            f"tidak ada satu baris sumber pun yang cocok dengan peta '{peta.nama}' (semua baris "
            "tersaring); periksa kolom kode dan pola saringnya. Tidak ada templat yang ditulis.",
            berkas=", ".join(str(p) for p in daftar),
        )
    folder = Path(keluar).expanduser()
    periksa_tujuan(folder, hasil, peta, isi, [Path(p) for p in daftar], timpa)
    return tulis_hasil(
        folder,
        peta,
        isi,
        hasil,
        pemilik=pemilik,
        sumber_data=sumber_data,
        putaran=putaran,
        putaran_kosong=kosong,
        timpa=timpa,
    )
