"""p3pd: paket pembantu kurikulum pelatihan aparatur kecamatan P3PD sub-komponen 1D.

Modul dinamai menurut kegunaannya: ``muat`` (memuat dan memeriksa data), ``indikator``
(capaian layanan dasar), ``apbdes`` (kualitas belanja desa), ``format`` (angka Indonesia),
``grafik`` (gaya grafik), ``wilayah`` (kode dan nama wilayah), ``sintetis`` (pembuat data
latihan). Mengimpor paket ini tidak mengubah apa pun (tidak ada efek samping).
"""

__version__ = "0.1.0"
