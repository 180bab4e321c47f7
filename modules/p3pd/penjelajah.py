"""Penjelajah diagnosis: satu kecamatan, satu desa, satu layanan — interaktif atau statis.

Dua lapis, supaya logika tetap dapat diuji dan notebook tetap terbaca saat dicetak:

- :func:`tampilan` adalah fungsi biasa. Untuk parameter yang diberikan (kecamatan, desa,
  layanan, pembanding, toleransi, jumlah) ia menghitung lampu setiap desa, rincian desa
  terpilih, dan daftar desa prioritas, lalu mengembalikan :class:`Tampilan` (HTML di
  Jupyter, teks polos di tempat lain). Inilah "alternatif statis" untuk cetakan dan handout.
- :func:`penjelajah` hanya menyambungkan kontrol ipywidgets (Dropdown, FloatSlider,
  IntSlider) ke :func:`tampilan` lewat ``ipywidgets.interactive_output``. Setiap kali nilai
  kontrol berubah, tampilan digambar ulang.

:func:`gaya_lampu` mewarnai tabel berisi nama lampu (mis. hasil
``p3pd.diagnosis.tabel_lampu``) dengan warna ``p3pd.grafik.WARNA_LAMPU`` (aman untuk buta
warna). Setiap sel tetap bertuliskan lambang dan nama lampunya, sehingga terbaca juga di
cetakan hitam-putih.

Aturan lampu dan aturan desa prioritas ada di ``p3pd.diagnosis``. Mengimpor modul ini tidak
mengubah apa pun; ipywidgets baru diimpor di dalam :func:`penjelajah`.

Tanda data: tabel dan tampilan menyebut asal datanya. Data latihan bawaan → "Data sintetis —
untuk latihan"; data sendiri → label data itu (``p3pd.label.label_data().teks``, mis. "Data
milik …, sumber: …"), tidak pernah "sintetis". Bawaannya dibaca dari folder data yang sedang
dipakai (lihat :func:`teks_tanda`).
"""

from __future__ import annotations

import difflib
import html
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from p3pd.diagnosis import desa_prioritas, matriks_masalah, nama_pembanding, tabel_lampu
from p3pd.format import TIDAK_ADA_DATA, TIDAK_BERLAKU, angka, persen
from p3pd.galat import WilayahTidakDikenal
from p3pd.grafik import TANDA_SINTETIS, TANPA_DATA, css_lampu
from p3pd.indikator import DAFTAR_INDIKATOR, INDIKATOR
from p3pd.skema import LAYANAN, NAIK

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.label import LabelData

LAMBANG_LAMPU: dict[str, str] = {"hijau": "✓", "kuning": "!", "merah": "✗", TANPA_DATA: "–"}
"""Lambang yang ditulis di depan nama lampu: tetap terbaca tanpa warna."""

NAMA_LAMPU: dict[str, str] = {TANPA_DATA: TIDAK_ADA_DATA}
"""Nama lampu yang ditampilkan lain dari kategorinya: lampu ``'tanpa data'`` (capaian kosong)
ditulis ``'tidak ada data'``, sama dengan nilai kosong di tempat lain."""

KETERANGAN_LAMPU = (
    "✓ hijau: target tercapai · ! kuning: belum tercapai, tetapi tidak lebih buruk dari "
    "pembanding lebih dari toleransi · ✗ merah: belum tercapai dan lebih buruk dari pembanding "
    f"lebih dari toleransi · – {TIDAK_ADA_DATA}"
)
"""Keterangan lambang dan warna lampu, ditulis di bawah setiap tabel lampu."""

PEMBANDING = ("kabupaten", "kecamatan")
"""Tingkat wilayah pembanding yang dapat dipilih."""

SEMUA_DESA = ""
"""Nilai pilihan desa "desa prioritas teratas" di penjelajah (``desa=None`` di :func:`tampilan`)."""

_JENIS_TARGET = {"resmi": "resmi", "SPM": "SPM", "asumsi pelatihan": "asumsi", "tanpa target": ""}
"""Jenis target yang ditulis di rincian desa (lihat ``p3pd.indikator.JENIS_TARGET``)."""

_SEL = "border: 1px solid #8C8C8C; padding: 3px 6px; text-align: left"
_SOROT = "font-weight: bold; text-decoration: underline"
# Kolom nama (indeks) tetap terlihat saat tabel lebar digulir ke samping (layar 1366 px).
_KOLOM_TETAP = (
    "position: sticky; left: 0; z-index: 1; background-color: var(--jp-layout-color0, #fff)"
)


def label_lampu(kategori: object) -> str:
    """Teks satu sel lampu: lambang lalu nama, mis. ``'✗ merah'``, ``'– tidak ada data'``
    (kategori ``'tanpa data'``); sel kosong → ``'tidak ada data'``; teks lain tidak diubah."""
    if isinstance(kategori, str) and kategori in LAMBANG_LAMPU:
        return f"{LAMBANG_LAMPU[kategori]} {NAMA_LAMPU.get(kategori, kategori)}"
    return (
        TIDAK_ADA_DATA
        if kategori is None or (not isinstance(kategori, str) and pd.isna(kategori))
        else str(kategori)
    )


def teks_tanda(sintetis: bool | None = None, label: LabelData | None = None) -> str:
    """Teks tanda asal data untuk tabel dan tampilan penjelajah.

    ``sintetis=None`` (bawaan): menurut ``label`` atau, bila tidak diberikan,
    ``p3pd.label.label_data()`` folder data yang sedang dipakai — data latihan →
    ``TANDA_SINTETIS``; data sendiri → ``label.teks`` ("Data milik …, sumber: …").
    ``sintetis=True`` → selalu ``TANDA_SINTETIS``. ``sintetis=False`` → tanpa tanda sintetis:
    ``label.teks`` bila ``label`` data sendiri diberikan, selain itu teks kosong.
    """
    if sintetis is True:
        return TANDA_SINTETIS
    if sintetis is False:
        return label.teks if label is not None and not label.sintetis else ""
    if label is None:
        from p3pd.label import label_data

        label = label_data()
    return TANDA_SINTETIS if label.sintetis else label.teks


@dataclass(frozen=True, eq=False, repr=False)
class TabelHTML:
    """Tabel siap tampil: HTML di Jupyter (``_repr_html_``), teks polos di tempat lain (``repr``)."""

    html: str
    teks: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.teks

    __str__ = __repr__


def _kelompokkan_layanan(tabel: pd.DataFrame) -> pd.DataFrame:
    """Kolom berupa kode indikator → judul dua tingkat (nama layanan, kode indikator)."""
    kolom = list(tabel.columns)
    if not kolom or not all(isinstance(k, str) and k in INDIKATOR for k in kolom):
        return tabel
    hasil = tabel.copy()
    hasil.columns = pd.MultiIndex.from_tuples(
        [(LAYANAN[INDIKATOR[k].layanan], k) for k in kolom], names=["layanan", "indikator"]
    )
    return hasil


def _html_tabel(
    isi: pd.DataFrame,
    gaya: pd.DataFrame | None = None,
    judul: str | None = None,
    sorot: object | None = None,
    indeks: bool = True,
) -> str:
    """Tabel HTML dengan gaya *inline* (atribut ``style`` di setiap sel).

    Gaya inline, bukan blok ``<style>``: JupyterLab membuang blok ``<style>`` dari keluaran
    notebook yang belum dipercaya (mis. baru dibuka dari repositori), sedangkan atribut
    ``style`` dengan warna latar dan tulisan tetap dipertahankan. ``isi`` berisi teks yang
    ditampilkan, ``gaya`` (bentuk sama) CSS tambahan per sel. Kolom dua tingkat digambar
    sebagai dua baris judul; garis bawah ``_`` di judul boleh dipatahkan (``<wbr>``).
    """
    e = html.escape
    bagian = ['<table style="border-collapse: collapse; margin: 4px 0 8px 0">']
    if judul:
        bagian.append(
            '<caption style="caption-side: top; text-align: left; font-weight: bold; '
            f'padding: 2px 0">{e(judul)}</caption>'
        )
    bagian.append("<thead>")
    kosong = f'<th style="{_SEL}; {_KOLOM_TETAP}"></th>' if indeks else ""
    if isinstance(isi.columns, pd.MultiIndex):
        atas = [kosong]
        for nama, grup in itertools.groupby(isi.columns.get_level_values(0)):
            lebar = len(list(grup))
            atas.append(f'<th colspan="{lebar}" style="{_SEL}">{e(str(nama))}</th>')
        bagian.append("<tr>" + "".join(atas) + "</tr>")
        bawah = isi.columns.get_level_values(-1)
    else:
        bawah = isi.columns
    judul_kolom = (
        [f'<th style="{_SEL}; {_KOLOM_TETAP}">{e(str(isi.index.name or ""))}</th>']
        if indeks
        else []
    )
    judul_kolom += [f'<th style="{_SEL}">{e(str(k)).replace("_", "_<wbr>")}</th>' for k in bawah]
    bagian.append("<tr>" + "".join(judul_kolom) + "</tr></thead><tbody>")
    for i, label in enumerate(isi.index):
        sel = []
        if indeks:
            tambahan = f"; {_SOROT}" if sorot is not None and label == sorot else ""
            sel.append(f'<th style="{_SEL}; {_KOLOM_TETAP}{tambahan}">{e(str(label))}</th>')
        for j in range(isi.shape[1]):
            css = gaya.iat[i, j] if gaya is not None else ""
            css = f"{_SEL}; white-space: nowrap" + (f"; {css}" if css else "")
            sel.append(f'<td style="{css}">{e(str(isi.iat[i, j]))}</td>')
        bagian.append("<tr>" + "".join(sel) + "</tr>")
    bagian.append("</tbody></table>")
    return "".join(bagian)


def gaya_lampu(
    lampu: pd.DataFrame,
    judul: str | None = None,
    sorot: object | None = None,
    sintetis: bool | None = None,
    label: LabelData | None = None,
) -> TabelHTML:
    """Tabel lampu berwarna untuk notebook, HTML, dan cetakan.

    ``lampu``: tabel berisi nama lampu (``'hijau'``, ``'kuning'``, ``'merah'``,
    ``'tanpa data'``), mis. hasil ``p3pd.diagnosis.tabel_lampu``. Latar setiap sel memakai
    ``p3pd.grafik.css_lampu`` (warna ``WARNA_LAMPU``, aman untuk buta warna) dan isinya
    lambang + nama lampu (``'✓ hijau'``, ``'! kuning'``, ``'✗ merah'``, ``'– tidak ada data'``),
    jadi tetap terbaca di cetakan hitam-putih. Kolom yang berupa kode indikator dikelompokkan
    di bawah nama layanannya. ``sorot``: label baris yang dicetak tebal dan bergaris bawah
    (mis. desa terpilih). Tanda asal data (:func:`teks_tanda` dengan ``sintetis`` dan
    ``label``): untuk data latihan judul diakhiri "(Data sintetis — untuk latihan)"; untuk
    data sendiri label datanya ditulis di bawah tabel. Mengembalikan :class:`TabelHTML` (HTML
    berwarna di Jupyter, teks polos bila dicetak). Tabel asli tidak diubah.
    """
    if not isinstance(lampu, pd.DataFrame):
        raise TypeError("gaya_lampu membutuhkan DataFrame berisi nama lampu.")
    tabel = _kelompokkan_layanan(lampu)
    teks_judul = judul or "Lampu layanan dasar"
    tanda = teks_tanda(sintetis, label)
    catatan = ""
    if tanda == TANDA_SINTETIS:
        teks_judul = f"{teks_judul} ({TANDA_SINTETIS})"
    elif tanda:
        catatan = tanda
    isi = tabel.map(label_lampu)
    return TabelHTML(
        html=_html_tabel(isi, tabel.map(css_lampu), teks_judul, sorot)
        + (f"<p><small><em>{html.escape(catatan)}</em></small></p>" if catatan else ""),
        teks=f"{teks_judul}\n{isi.to_string()}" + (f"\n{catatan}" if catatan else ""),
    )


def _persen(v: float) -> str:
    # Dua angka desimal: 97,98% tidak boleh tampil sama dengan target 98,00% (lampunya beda).
    return persen(v, 2)


def _persen_target(v: float) -> str:
    # Target kosong = indikator tanpa target (tidak berlaku), bukan data yang hilang.
    return persen(v, 2, kosong=TIDAK_BERLAKU)


def _skor(v: float) -> str:
    return angka(v, 2, kosong="belum ada skor")


def urutan_prioritas(prioritas: pd.DataFrame, wilayah: pd.DataFrame | None = None) -> str:
    """Satu baris teks urutan desa prioritas: ``'1. Ngembalor (skor 0,65) · 2. …'``.

    ``prioritas``: hasil ``p3pd.diagnosis.desa_prioritas`` (kolom ``peringkat``,
    ``kode_desa``, ``skor``) atau ``Tampilan.prioritas`` (kolom ``desa`` berisi nama).
    ``wilayah``: tabel wilayah desa (``muat.muat_wilayah()``) untuk menulis nama desa
    alih-alih kodenya. Teksnya stabil, cocok untuk dicetak dan dibandingkan.
    """
    if "desa" in prioritas.columns:
        nama = prioritas["desa"].astype(str)
    elif wilayah is not None:
        peta = wilayah.set_index("kode_desa")["nama_desa"]
        nama = prioritas["kode_desa"].map(peta).fillna(prioritas["kode_desa"]).astype(str)
    else:
        nama = prioritas["kode_desa"].astype(str)
    return " · ".join(
        f"{int(p)}. {n} (skor {_skor(s)})"
        for p, n, s in zip(prioritas["peringkat"], nama, prioritas["skor"], strict=True)
    )


# --- memilih wilayah dan layanan ---------------------------------------------------------------


def _kunci(teks: object) -> str:
    teks = " ".join(str(teks).casefold().split())
    for awalan in ("kecamatan ", "kec. ", "kec ", "desa "):
        if teks.startswith(awalan):
            teks = teks[len(awalan) :].strip()
    return teks


def _pilih_satu(
    nilai: object, pilihan: pd.DataFrame, kode: str, nama: str, jenis: str
) -> pd.Series:
    """Satu baris ``pilihan`` yang kode atau namanya sama dengan ``nilai``; pesan kesalahan yang jelas bila tidak."""
    teks = str(nilai).strip()
    cocok = pilihan[pilihan[kode] == teks]
    if cocok.empty:
        cocok = pilihan[pilihan[nama].map(_kunci) == _kunci(teks)]
    if len(cocok) == 1:
        return cocok.iloc[0]
    if len(cocok) > 1:
        daftar = ", ".join(f"{r[nama]} ({r[kode]})" for _, r in cocok.iterrows())
        raise WilayahTidakDikenal(
            f"Nama {jenis} '{teks}' dipakai lebih dari sekali: {daftar}. Tulis kodenya."
        )
    nama_ada = sorted(pilihan[nama].astype(str).unique())
    mirip = difflib.get_close_matches(teks, nama_ada, n=1)
    saran = f" Mungkin maksud Anda '{mirip[0]}'?" if mirip else ""
    contoh = ", ".join(nama_ada[:8]) + (" …" if len(nama_ada) > 8 else "")
    raise WilayahTidakDikenal(
        f"{jenis.capitalize()} '{teks}' tidak ada di data.{saran} Pilihan: {contoh}"
    )


def _pilih_layanan(layanan: str) -> str:
    for kunci, nama in LAYANAN.items():
        if _kunci(layanan) in (kunci, _kunci(nama)):
            return kunci
    raise KeyError(f"Layanan '{layanan}' tidak dikenal. Pilihan: {', '.join(LAYANAN)}")


def _periksa_angka(toleransi: float, jumlah: int, pembanding: str) -> None:
    if pembanding not in PEMBANDING:
        raise ValueError(f"pembanding harus 'kabupaten' atau 'kecamatan', bukan {pembanding!r}.")
    if pd.isna(toleransi) or float(toleransi) < 0:
        raise ValueError("toleransi harus angka ≥ 0 (dalam poin persen).")
    if int(jumlah) != jumlah or jumlah < 1:
        raise ValueError("jumlah harus bilangan bulat ≥ 1.")


# --- tampilan statis ---------------------------------------------------------------------------


def _judul_pembanding(sebutan: str) -> str:
    """Judul kolom pembanding: "pembanding (kabupaten)", atau "pembanding: gabungan … (…)"."""
    return f"pembanding: {sebutan}" if "(" in sebutan else f"pembanding ({sebutan})"


@dataclass(eq=False, repr=False)
class Tampilan:
    """Hasil :func:`tampilan`: tabel-tabelnya, HTML (``_repr_html_``), dan teks polos (``repr``)."""

    kode_kecamatan: str
    kecamatan: str
    kabupaten: str
    kode_desa: str
    desa: str
    layanan: str
    pembanding: str
    toleransi: float
    tahun: int
    lampu: pd.DataFrame
    """Desa × indikator layanan terpilih, berisi nama lampu (indeks: nama desa)."""
    rincian: pd.DataFrame
    """Satu baris per indikator layanan untuk desa terpilih: capaian, target, pembanding, lampu."""
    prioritas: pd.DataFrame
    """Desa prioritas di kecamatan ini (nama desa, skor, layanan berlampu merah, banyak lampu
    merah dan kuning)."""
    tanda: str = TANDA_SINTETIS
    """Tanda asal data di bawah tampilan: ``TANDA_SINTETIS`` untuk data latihan, label data
    sendiri ("Data milik …"), atau ``""``."""
    sebutan_pembanding: str = ""
    """Sebutan pembanding untuk pembaca (``p3pd.diagnosis.nama_pembanding``): "kabupaten", atau
    "gabungan desa/kelurahan di data ini (…)" bila data sendiri tidak memuat seluruh desa kabupaten;
    kosong = ``pembanding``."""
    jumlah_kelurahan: int = 0
    """Banyaknya kelurahan di antara baris ``lampu`` (kode desa berdigit ke-7 "1")."""

    @property
    def nama_pembanding(self) -> str:
        """Sebutan pembanding yang ditulis di judul, teks, dan kolom rincian."""
        return self.sebutan_pembanding or self.pembanding

    @property
    def sintetis(self) -> bool:
        """Benar bila tampilan ini bertanda data sintetis (data latihan)."""
        return self.tanda == TANDA_SINTETIS

    @property
    def jumlah_desa(self) -> int:
        """Banyaknya desa di kecamatan ini."""
        return len(self.lampu)

    @property
    def merah(self) -> int:
        """Banyaknya desa dengan paling sedikit satu lampu merah di layanan terpilih."""
        return int((self.lampu == "merah").any(axis=1).sum())

    @property
    def judul(self) -> str:
        """Judul satu baris: wilayah, layanan, dan parameter."""
        return (
            f"Kecamatan {self.kecamatan} ({self.kabupaten}) · {LAYANAN[self.layanan]} · "
            f"tahun {self.tahun} · pembanding {self.nama_pembanding} · toleransi "
            f"{angka(self.toleransi, 1 if self.toleransi % 1 else 0)} poin"
        )

    @property
    def ringkasan(self) -> str:
        """Satu kalimat: berapa desa yang punya lampu merah di layanan ini."""
        wilayah = "desa/kelurahan" if self.jumlah_kelurahan else "desa"
        return (
            f"{self.merah} dari {self.jumlah_desa} {wilayah} punya paling sedikit satu lampu "
            f"merah di layanan {LAYANAN[self.layanan]}."
        )

    @property
    def teks(self) -> str:
        """Versi teks polos (untuk cetakan tanpa HTML dan untuk ``print``)."""
        baris = [self.judul, self.ringkasan, f"Rincian desa {self.desa}:"]
        for _, r in self.rincian.iterrows():
            baris.append(
                f"  {label_lampu(r['lampu'])}: {r['indikator']} {_persen(r['capaian'])} "
                f"(target {_persen_target(r['target'])} {r['jenis target']}, "
                f"{self.nama_pembanding} {_persen(r['pembanding'])})"
            )
        baris.append(f"Desa prioritas: {urutan_prioritas(self.prioritas)}")
        if self.tanda:
            baris.append(self.tanda)
        return "\n".join(baris)

    def __repr__(self) -> str:
        return self.teks

    __str__ = __repr__

    @property
    def html(self) -> str:
        """Versi HTML: judul, ringkasan, tabel lampu, rincian desa, dan desa prioritas."""
        tabel = gaya_lampu(
            self.lampu,
            judul=f"Lampu {LAYANAN[self.layanan]} per desa",
            sorot=self.desa,
            sintetis=self.sintetis,
        ).html
        rincian = self.rincian.assign(
            capaian=self.rincian["capaian"].map(_persen),
            target=self.rincian["target"].map(_persen_target),
            pembanding=self.rincian["pembanding"].map(_persen),
            lampu=self.rincian["lampu"].map(label_lampu),
        ).rename(columns={"pembanding": _judul_pembanding(self.nama_pembanding)})
        gaya_rincian = pd.DataFrame("", index=rincian.index, columns=rincian.columns)
        gaya_rincian["lampu"] = self.rincian["lampu"].map(css_lampu)
        prioritas = self.prioritas.assign(skor=self.prioritas["skor"].map(_skor))
        judul_prioritas = f"Desa prioritas (skor tertinggi di Kecamatan {self.kecamatan})"
        tanda = f"<p><em>{html.escape(self.tanda)}</em></p>" if self.tanda else ""
        return (
            '<div class="p3pd-penjelajah">'
            f"<p><strong>{html.escape(self.judul)}</strong><br>{html.escape(self.ringkasan)}</p>"
            f"{tabel}<p><small>{html.escape(KETERANGAN_LAMPU)}</small></p>"
            f"{_html_tabel(rincian, gaya_rincian, f'Rincian desa {self.desa}', indeks=False)}"
            f"{_html_tabel(prioritas, judul=judul_prioritas, indeks=False)}{tanda}</div>"
        )

    def _repr_html_(self) -> str:
        return self.html


def tampilan(
    data: pd.DataFrame,
    wilayah: pd.DataFrame,
    kecamatan: str,
    desa: str | None = None,
    layanan: str = "kesehatan",
    pembanding: str = "kabupaten",
    toleransi: float = 0.0,
    jumlah: int = 5,
    tahun: int | None = None,
    bobot_layanan: Mapping[str, float] | None = None,
    sintetis: bool | None = None,
    label: LabelData | None = None,
) -> Tampilan:
    """Tampilan diagnosis satu kecamatan untuk satu layanan dan satu desa (tanpa widget).

    ``data``: tabel indikator desa (``muat.muat_indikator()``); ``wilayah``: tabel wilayah
    desa (``muat.muat_wilayah()``), untuk nama desa dan kecamatan. ``kecamatan``: nama
    (``"Tuntang"``) atau kode (``"33.22.06"``). ``desa``: nama atau kode desa di kecamatan
    itu; ``None`` → desa prioritas teratas. ``layanan``: kunci (``"kesehatan"``) atau nama
    layanan. ``pembanding``, ``toleransi``, ``tahun``, ``bobot_layanan``: seperti di
    ``p3pd.diagnosis.matriks_masalah`` dan ``desa_prioritas``. ``jumlah``: banyaknya desa
    prioritas yang ditampilkan. Pembanding dihitung dari **seluruh** desa kabupatennya,
    bukan hanya desa kecamatan ini. ``sintetis``/``label``: tanda asal data, lihat
    :func:`teks_tanda` (bawaan: menurut folder data yang dipakai). Mengembalikan
    :class:`Tampilan`.
    """
    _periksa_angka(toleransi, jumlah, pembanding)
    kunci_layanan = _pilih_layanan(layanan)
    kec = _pilih_satu(
        kecamatan,
        wilayah.drop_duplicates("kode_kecamatan"),
        "kode_kecamatan",
        "nama_kecamatan",
        "kecamatan",
    )
    kode_kec = str(kec["kode_kecamatan"])
    desa_kec = wilayah[wilayah["kode_kecamatan"] == kode_kec].sort_values("kode_desa")
    nama_desa = desa_kec.set_index("kode_desa")["nama_desa"]

    # Pembanding kabupaten butuh semua desa kabupaten: saring per kabupaten, bukan per kecamatan.
    data_kab = data[data["kode_desa"].str.startswith(str(kec["kode_kabupaten"]) + ".")]
    data_kec = data_kab[data_kab["kode_desa"].str.startswith(kode_kec + ".")]
    if data_kec.empty:
        raise WilayahTidakDikenal(
            f"Tidak ada data indikator untuk kecamatan {kec['nama_kecamatan']} ({kode_kec})."
        )
    tahun = int(data_kab["tahun"].max()) if tahun is None else int(tahun)
    indikator = [i.kode for i in DAFTAR_INDIKATOR if i.layanan == kunci_layanan]

    matriks = matriks_masalah(data_kab, tahun, indikator, pembanding, float(toleransi))
    matriks = matriks[matriks["kode_desa"].str.startswith(kode_kec + ".")]
    prioritas = desa_prioritas(
        data_kab,
        tahun,
        bobot_layanan=bobot_layanan,
        pembanding=pembanding,
        toleransi=float(toleransi),
        jumlah=int(jumlah),
        wilayah=kode_kec + ".",
    )
    if desa is None or desa == SEMUA_DESA:
        kode_desa = str(prioritas["kode_desa"].iloc[0])
    else:
        kode_desa = str(
            _pilih_satu(
                desa,
                desa_kec,
                "kode_desa",
                "nama_desa",
                f"desa di kecamatan {kec['nama_kecamatan']}",
            )["kode_desa"]
        )

    tanda = teks_tanda(sintetis, label)
    prioritas.insert(1, "desa", prioritas["kode_desa"].map(nama_desa))
    prioritas = prioritas[["peringkat", "desa", "skor", "rincian_layanan", "merah", "kuning"]]
    lampu = tabel_lampu(matriks).rename(index=nama_desa)
    lampu.index.name = "desa"
    baris = matriks[matriks["kode_desa"] == kode_desa].set_index("indikator").loc[indikator]
    rincian = pd.DataFrame(
        {
            "indikator": [INDIKATOR[k].nama for k in indikator],
            "lebih baik bila": [
                "tinggi" if INDIKATOR[k].arah == NAIK else "rendah" for k in indikator
            ],
            "capaian": baris["capaian"].to_numpy(),
            "target": baris["target"].to_numpy(),
            "jenis target": [_JENIS_TARGET.get(INDIKATOR[k].jenis_target, "") for k in indikator],
            "pembanding": baris["pembanding"].to_numpy(),
            "lampu": baris["lampu"].to_numpy(),
        }
    )
    return Tampilan(
        kode_kecamatan=kode_kec,
        kecamatan=str(kec["nama_kecamatan"]),
        kabupaten=str(kec["nama_kabupaten"]),
        kode_desa=kode_desa,
        desa=str(nama_desa[kode_desa]),
        layanan=kunci_layanan,
        pembanding=pembanding,
        toleransi=float(toleransi),
        tahun=tahun,
        lampu=lampu,
        rincian=rincian,
        prioritas=prioritas,
        tanda=tanda,
        sebutan_pembanding=nama_pembanding(
            data,
            str(kec["kode_kabupaten"]),
            pembanding,
            sintetis=tanda == TANDA_SINTETIS,
            kode_kecamatan=kode_kec,
        ),
        jumlah_kelurahan=int(desa_kec["kode_desa"].astype(str).str[9].eq("1").sum()),
    )


# --- penjelajah interaktif ---------------------------------------------------------------------


def pilihan_kecamatan(wilayah: pd.DataFrame) -> list[tuple[str, str]]:
    """Pilihan Dropdown kecamatan: ``(label, kode)``, label "Nama — Kabupaten", urut kode."""
    kec = wilayah.drop_duplicates("kode_kecamatan").sort_values("kode_kecamatan")
    return [
        (f"{r.nama_kecamatan} — {r.nama_kabupaten}", str(r.kode_kecamatan))
        for r in kec.itertuples(index=False)
    ]


def pilihan_desa(wilayah: pd.DataFrame, kode_kecamatan: str) -> list[tuple[str, str]]:
    """Pilihan Dropdown desa satu kecamatan: "(desa prioritas teratas)" lalu ``(nama, kode)``."""
    desa = wilayah[wilayah["kode_kecamatan"] == kode_kecamatan].sort_values("kode_desa")
    return [("(desa prioritas teratas)", SEMUA_DESA)] + [
        (str(r.nama_desa), str(r.kode_desa)) for r in desa.itertuples(index=False)
    ]


def penjelajah(
    data: pd.DataFrame,
    wilayah: pd.DataFrame,
    kecamatan: str | None = None,
    desa: str | None = None,
    layanan: str = "kesehatan",
    pembanding: str = "kabupaten",
    toleransi: float = 0.0,
    jumlah: int = 5,
    tahun: int | None = None,
    sintetis: bool | None = None,
    label: LabelData | None = None,
) -> Any:
    """Penjelajah interaktif (ipywidgets) di atas :func:`tampilan`; parameternya sama.

    Kontrol: Dropdown kecamatan, desa, layanan, dan pembanding; FloatSlider toleransi
    (0–20 poin, atau sampai nilai awal bila lebih besar); IntSlider jumlah desa prioritas
    (1–15, idem). Mengganti kecamatan mengisi ulang
    pilihan desa. Setiap perubahan menggambar ulang tampilan di bawah kontrol
    (``ipywidgets.interactive_output``). Mengembalikan ``ipywidgets.VBox``: baris kontrol
    pertama (kecamatan, desa, layanan), baris kedua (pembanding, toleransi, jumlah), lalu
    keluaran. Di cetakan widget tampil kosong: panggil juga :func:`tampilan` dengan
    parameter yang sama. Tanda asal data dibaca sekali (:func:`teks_tanda`), tidak pada
    setiap gambar ulang.
    """
    import ipywidgets as widgets
    from IPython.display import display

    _periksa_angka(toleransi, jumlah, pembanding)
    tanda = teks_tanda(sintetis, label)
    opsi_kec = pilihan_kecamatan(wilayah)
    if not opsi_kec:
        raise WilayahTidakDikenal("Tabel wilayah kosong: tidak ada kecamatan untuk dipilih.")
    if kecamatan is None:
        kode_kec = opsi_kec[0][1]
    else:
        kode_kec = str(
            _pilih_satu(
                kecamatan,
                wilayah.drop_duplicates("kode_kecamatan"),
                "kode_kecamatan",
                "nama_kecamatan",
                "kecamatan",
            )["kode_kecamatan"]
        )
    opsi_desa = pilihan_desa(wilayah, kode_kec)
    kode_desa = SEMUA_DESA
    if desa not in (None, SEMUA_DESA):
        desa_kec = wilayah[wilayah["kode_kecamatan"] == kode_kec]
        kode_desa = str(_pilih_satu(desa, desa_kec, "kode_desa", "nama_desa", "desa")["kode_desa"])

    gaya = {"description_width": "initial"}
    kontrol = {
        "kecamatan": widgets.Dropdown(
            options=opsi_kec, value=kode_kec, description="Kecamatan", style=gaya
        ),
        "desa": widgets.Dropdown(
            options=opsi_desa, value=kode_desa, description="Desa", style=gaya
        ),
        "layanan": widgets.Dropdown(
            options=[(nama, kunci) for kunci, nama in LAYANAN.items()],
            value=_pilih_layanan(layanan),
            description="Layanan",
            style=gaya,
        ),
        "pembanding": widgets.Dropdown(
            options=list(PEMBANDING), value=pembanding, description="Pembanding", style=gaya
        ),
        "toleransi": widgets.FloatSlider(
            value=float(toleransi),
            min=0.0,
            max=max(20.0, float(toleransi)),
            step=0.5,
            description="Toleransi (poin)",
            style=gaya,
        ),
        "jumlah": widgets.IntSlider(
            value=int(jumlah),
            min=1,
            max=max(15, int(jumlah)),
            step=1,
            description="Desa prioritas",
            style=gaya,
        ),
    }

    def ganti_kecamatan(perubahan: dict) -> None:
        # Didaftarkan sebelum interactive_output: pilihan desa sudah baru saat tampilan digambar.
        kontrol["desa"].options = pilihan_desa(wilayah, perubahan["new"])
        kontrol["desa"].value = SEMUA_DESA

    kontrol["kecamatan"].observe(ganti_kecamatan, names="value")

    def gambar(**parameter: Any) -> None:
        hasil = tampilan(data, wilayah, tahun=tahun, sintetis=tanda == TANDA_SINTETIS, **parameter)
        hasil.tanda = tanda
        display(hasil)

    keluaran = widgets.interactive_output(gambar, kontrol)
    return widgets.VBox(
        [
            widgets.HBox([kontrol["kecamatan"], kontrol["desa"], kontrol["layanan"]]),
            widgets.HBox([kontrol["pembanding"], kontrol["toleransi"], kontrol["jumlah"]]),
            keluaran,
        ]
    )


def kontrol_penjelajah(kotak: Any) -> dict[str, Any]:
    """Kontrol-kontrol penjelajah menurut nama parameternya (untuk diubah lewat Python)."""
    nama = ("kecamatan", "desa", "layanan", "pembanding", "toleransi", "jumlah")
    daftar = [w for baris in kotak.children[:2] for w in baris.children]
    return dict(zip(nama, daftar, strict=True))
