"""Angka terbitan (skor IDM, persentase yang diterbitkan lembaga) di samping indikator hitungan.

Indikator ``p3pd.indikator`` dihitung dari cacah desa: pembilang dan penyebut dijumlahkan dulu,
baru dibagi. Angka terbitan (tabel ``angka_terbitan.csv``, lihat ``skema.ANGKA_TERBITAN``) sudah
berupa skor atau persen yang dihitung lembaga lain dengan cara dan datanya sendiri. Aturannya:

- angka terbitan **ditampilkan apa adanya, per desa, bersama sumbernya**, di samping indikator
  hitungan, tidak pernah dijumlahkan, dirata-ratakan, atau dicampur dengan indikator itu;
- ringkasan tingkat wilayah hanya menyebut berapa desa yang punya angka, rentangnya (terkecil
  sampai terbesar), dan banyaknya desa per kategori (mis. status IDM), bukan rata-rata: rata-rata
  skor desa bukan skor kecamatan.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

NAMA_UKURAN = {
    "idm": "Indeks Desa Membangun (IDM)",
    "idm_iks": "IDM — Indeks Ketahanan Sosial (IKS)",
    "idm_ike": "IDM — Indeks Ketahanan Ekonomi (IKE)",
    "idm_ikl": "IDM — Indeks Ketahanan Lingkungan (IKL)",
}
"""Nama tampilan ukuran yang dikenal; ukuran lain ditampilkan dengan nama pendeknya."""

KOLOM_TERBITAN = [
    "kode_desa",
    "nama_desa",
    "tahun",
    "ukuran",
    "nama_ukuran",
    "nilai",
    "satuan",
    "kategori",
    "sumber",
]


def angka_terbitan(
    data: Mapping[str, pd.DataFrame],
    *,
    tahun: int | None = None,
    ukuran: str | None = None,
    kode_kecamatan: str | None = None,
) -> pd.DataFrame:
    """Angka terbitan per desa, apa adanya, dengan nama desa, nama ukuran, dan sumbernya.

    ``data`` = hasil ``p3pd.muat.muat_folder``. Tabel kosong (kolom :data:`KOLOM_TERBITAN`)
    bila folder tidak punya ``angka_terbitan.csv``. Nilainya tidak pernah dijumlahkan atau
    dirata-ratakan di sini.
    """
    tabel = data.get("terbitan")
    if tabel is None or tabel.empty:
        return pd.DataFrame(columns=KOLOM_TERBITAN)
    hasil = tabel.copy()
    if tahun is not None:
        hasil = hasil[hasil["tahun"] == tahun]
    if ukuran is not None:
        hasil = hasil[hasil["ukuran"] == ukuran]
    if kode_kecamatan is not None:
        hasil = hasil[hasil["kode_desa"].str.startswith(kode_kecamatan + ".")]
    wil = data.get("wilayah")
    nama = (
        wil.set_index("kode_desa")["nama_desa"] if wil is not None and "nama_desa" in wil else None
    )
    hasil["nama_desa"] = hasil["kode_desa"].map(nama) if nama is not None else pd.NA
    hasil["nama_ukuran"] = hasil["ukuran"].map(lambda u: NAMA_UKURAN.get(u, u))
    hasil = hasil.sort_values(["ukuran", "tahun", "kode_desa"], kind="stable")
    return hasil[KOLOM_TERBITAN].reset_index(drop=True)


def ringkas_terbitan(data: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Per ukuran dan tahun terakhirnya: banyak desa, rentang nilai, kategori, dan sumber.

    Tidak ada rata-rata: kolom ``terkecil`` dan ``terbesar`` adalah nilai desa apa adanya.
    Kolom: ``ukuran, nama_ukuran, tahun, desa, terkecil, terbesar, satuan, kategori, sumber``.
    """
    semua = angka_terbitan(data)
    kolom = [
        "ukuran",
        "nama_ukuran",
        "tahun",
        "desa",
        "terkecil",
        "terbesar",
        "satuan",
        "kategori",
        "sumber",
    ]
    if semua.empty:
        return pd.DataFrame(columns=kolom)
    baris = []
    for uk, bagian in semua.groupby("ukuran", sort=True):
        tahun = int(bagian["tahun"].max())
        akhir = bagian[bagian["tahun"] == tahun]
        kategori = akhir["kategori"].dropna()
        kategori = kategori[kategori.astype(str).str.strip() != ""]
        hitung = kategori.value_counts()
        baris.append(
            {
                "ukuran": uk,
                "nama_ukuran": akhir["nama_ukuran"].iloc[0],
                "tahun": tahun,
                "desa": int(akhir["kode_desa"].nunique()),
                "terkecil": akhir["nilai"].min(),
                "terbesar": akhir["nilai"].max(),
                "satuan": "; ".join(pd.unique(akhir["satuan"].dropna().astype(str))),
                "kategori": ", ".join(f"{k} {n}" for k, n in hitung.sort_index().items()),
                "sumber": "; ".join(pd.unique(akhir["sumber"].dropna().astype(str))),
            }
        )
    return pd.DataFrame(baris, columns=kolom)


def teks_ringkasan(data: Mapping[str, pd.DataFrame]) -> list[str]:
    """Baris teks bagian "Angka terbitan" untuk ``p3pd ringkasan`` (kosong bila tidak ada)."""
    from p3pd import format

    ringkas = ringkas_terbitan(data)
    if ringkas.empty:
        return []
    baris = [
        "\nAngka terbitan (apa adanya, dengan sumbernya; tidak dijumlahkan atau dirata-ratakan "
        "dengan capaian di atas):"
    ]
    for r in ringkas.itertuples(index=False):
        rentang = (
            format.angka(r.terkecil, 4)
            if r.terkecil == r.terbesar
            else f"{format.angka(r.terkecil, 4)} sampai {format.angka(r.terbesar, 4)}"
        )
        teks = f"  {r.nama_ukuran}, {r.tahun}: {r.desa} desa, nilai {rentang} ({r.satuan})"
        if r.kategori:
            teks += f"; {r.kategori}"
        baris.append(teks)
        baris.append(f"    sumber: {r.sumber}")
    return baris
