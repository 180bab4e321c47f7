"""Ekspor agenda terpadu: buku kerja Excel yang rapi dan ringkasan isu satu halaman untuk kabupaten.

- :func:`ekspor_excel` menulis hasil ``p3pd.agenda.susun_agenda`` (atau agenda yang sudah
  disunting peserta) ke buku kerja .xlsx lewat satu penulis Excel proyek (``p3pd.excel``): judul
  kolom berbahasa Indonesia, lebar kolom, baris judul dibekukan, satu lembar per bagian
  (pembinaan & pengawasan per desa, isu untuk kabupaten, jadwal, catatan). Teks yang diawali
  ``=``, ``+``, ``-``, atau ``@`` tetap teks, tidak pernah rumus.
- :func:`ringkasan_isu_html` dan :func:`ekspor_ringkasan_isu` membuat ringkasan isu satu
  halaman A4 ("suara desa") untuk Bappeda dan perangkat daerah: HTML luring (CSS handout
  ``templat/cetak/handout.css`` disisipkan, tanpa CDN) dan PDF lewat WeasyPrint, seperti handout.

Berkas yang sudah ada **tidak ditimpa** kecuali diminta (``timpa=True``); bila isinya sama persis
dengan yang akan ditulis (sel dijalankan ulang), berkas dibiarkan dan tidak ada pesan kesalahan.
Semua penulisan atomik (``p3pd.berkas``). Baris label data (mis. "data sintetis") ada di setiap
keluaran (:func:`teks_label`).
"""

from __future__ import annotations

import html as _html
import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from p3pd.galat import GalatP3PD
from p3pd.skema import LAYANAN

__all__ = [
    "JUDUL_KOLOM",
    "LEMBAR",
    "BATAS_ISU_RINGKASAN",
    "teks_label",
    "lembar_agenda",
    "ekspor_excel",
    "isu_ringkasan",
    "ringkasan_isu_html",
    "ekspor_ringkasan_isu",
]

LEMBAR = ("Pembinaan & pengawasan", "Isu untuk kabupaten", "Jadwal", "Catatan")
"""Nama lembar buku kerja agenda, berurutan."""

JUDUL_KOLOM: dict[str, str] = {
    "no": "No",
    "bagian": "Bagian",
    "kode_desa": "Kode desa/kelurahan",
    "nama_desa": "Desa/kelurahan",
    "layanan": "Layanan",
    "jenis_binwas": "Jenis tindakan",
    "tindakan": "Tindakan",
    "dasar_hukum": "Dasar hukum",
    "isu_kabupaten": "Isu untuk kabupaten",
    "bukti": "Angka (bukti)",
    "penanggung_jawab": "Penanggung jawab",
    "mitra": "Mitra",
    "tahap": "Tahap perencanaan",
    "waktu": "Waktu",
    "indikator": "Kode indikator",
    "nama_indikator": "Indikator",
    "satuan": "Satuan",
    "capaian_awal": "Capaian awal",
    "target": "Target",
    "jenis_target": "Jenis target",
    "sumber_target": "Sumber target",
}
"""Judul kolom berbahasa Indonesia untuk setiap kolom agenda."""

_KOLOM_DESA = (
    "no",
    "nama_desa",
    "kode_desa",
    "layanan",
    "jenis_binwas",
    "tindakan",
    "dasar_hukum",
    "bukti",
    "isu_kabupaten",
    "penanggung_jawab",
    "mitra",
    "tahap",
    "waktu",
    "nama_indikator",
    "satuan",
    "capaian_awal",
    "target",
    "jenis_target",
    "sumber_target",
)
_KOLOM_ISU = (
    "no",
    "isu_kabupaten",
    "bukti",
    "nama_desa",
    "layanan",
    "mitra",
    "tahap",
    "waktu",
    "penanggung_jawab",
)
_LEBAR = {
    "No": 5,
    "Desa/kelurahan": 16,
    "Kode desa/kelurahan": 14,
    "Layanan": 16,
    "Jenis tindakan": 13,
    "Tindakan": 45,
    "Dasar hukum": 45,
    "Angka (bukti)": 45,
    "Isu untuk kabupaten": 45,
    "Penanggung jawab": 22,
    "Mitra": 30,
    "Tahap perencanaan": 24,
    "Waktu": 20,
    "Indikator": 30,
    "Satuan": 7,
    "Capaian awal": 10,
    "Target": 8,
    "Jenis target": 14,
    "Sumber target": 40,
    "Jumlah tindakan": 10,
    "Keterangan": 100,
}
BATAS_ISU_RINGKASAN = 6
"""Paling banyak isu di ringkasan satu halaman; sisanya ada di buku kerja Excel."""


def teks_label(folder: str | Path | None = None) -> str:
    """Satu baris label data untuk ekspor: ``p3pd.label.label_data(folder).teks``.

    ``folder``: folder data yang dipakai (bawaan: data latihan, berlabel sintetis); untuk data
    sendiri, label menyebut pemilik dan sumbernya.
    """
    from p3pd.label import label_data

    return str(label_data(folder).teks)


def _nama_layanan(kunci: object) -> str:
    return LAYANAN.get(str(kunci), str(kunci)) if str(kunci) else "—"


def _periksa_agenda(agenda: pd.DataFrame) -> None:
    from p3pd.agenda import KOLOM_AGENDA

    if not isinstance(agenda, pd.DataFrame):
        raise GalatP3PD("Agenda harus berupa tabel (DataFrame) hasil agenda.susun_agenda.")
    hilang = [k for k in KOLOM_AGENDA if k not in agenda.columns]
    if hilang:
        raise GalatP3PD(
            "Agenda tidak punya kolom " + ", ".join(f"'{k}'" for k in hilang) + "; jangan hapus "
            "kolom agenda (kosongkan isinya saja), atau susun ulang dengan agenda.susun_agenda."
        )


_AKIBAT_TIDAK_ADA = {
    "indikator": "tidak ada lampu indikator, jadi tidak ada baris pembinaan/pengawasan desa",
    "belanja": "porsi belanja APBDes tidak dibandingkan ('porsi belanja: tidak ada data' di "
    "kolom bukti); tidak ada baris pengawasan porsi belanja, dan satu baris meminta APBDes "
    "serta laporan realisasinya dari desa",
    "belanja_kegiatan": "batas 30 % siltap dan tunjangan tidak diperiksa",
    "pemangku": "penanggung jawab dan mitra diisi dari daftar rujukan (isian bawaan seksi "
    "kantor camat, perangkat daerah penyedia layanan), bukan dari daftar lembaga kecamatan",
    "usulan": "usulan Musrenbang tidak ikut menjadi bukti isu untuk kabupaten",
}


def _catatan_tidak_ada(tabel: tuple[str, ...] | list[str]) -> list[str]:
    """Satu kalimat "tidak ada data" per tabel yang tidak ada saat agenda disusun."""
    from p3pd.notebook import TIDAK_ADA_DATA
    from p3pd.skema import TABEL_DIKENAL

    hasil = []
    for nama in tabel:
        t = TABEL_DIKENAL.get(nama)
        berkas = t.berkas if t else f"{nama}.csv"
        akibat = _AKIBAT_TIDAK_ADA.get(nama, "bagian yang memakainya dilewati")
        hasil.append(f"{TIDAK_ADA_DATA.capitalize()}: {berkas} — {akibat}.")
    return hasil


def lembar_agenda(agenda: pd.DataFrame, label: str | None = None) -> dict[str, pd.DataFrame]:
    """Isi setiap lembar buku kerja agenda, berjudul kolom Indonesia (urutan ``LEMBAR``).

    - ``Pembinaan & pengawasan``: baris bagian ``desa``;
    - ``Isu untuk kabupaten``: baris yang kolom ``isu_kabupaten``-nya terisi;
    - ``Jadwal``: banyaknya tindakan per tahap dan waktu, dengan desa dan penanggung jawabnya;
    - ``Catatan``: label data, wilayah, tahun, tabel yang tidak ada saat agenda disusun
      (``attrs["tabel_tidak_ada"]``, "tidak ada data: …"), dan catatan dasar hukum.
    """
    from p3pd.agenda import PENANGGUNG_JAWAB_BAWAAN, referensi_tindakan

    _periksa_agenda(agenda)
    a = agenda.copy()
    a["layanan"] = a["layanan"].map(_nama_layanan)
    a["capaian_awal"] = pd.to_numeric(a["capaian_awal"], errors="coerce").round(1)
    desa = a[a["bagian"] == "desa"][list(_KOLOM_DESA)].rename(columns=JUDUL_KOLOM)
    ada_isu = a["isu_kabupaten"].fillna("").astype(str).str.strip() != ""
    isu = a[ada_isu][list(_KOLOM_ISU)].rename(columns=JUDUL_KOLOM)
    jadwal = (
        a.groupby(["waktu", "tahap"], sort=False)
        .agg(
            jumlah=("no", "size"),
            desa=("nama_desa", lambda s: ", ".join(dict.fromkeys(x for x in s if x))),
            pj=("penanggung_jawab", lambda s: "; ".join(dict.fromkeys(s))),
        )
        .reset_index()
        .rename(
            columns={
                "waktu": "Waktu",
                "tahap": "Tahap perencanaan",
                "jumlah": "Jumlah tindakan",
                "desa": "Desa/kelurahan",
                "pj": "Penanggung jawab",
            }
        )
    )
    catatan = [
        label if label is not None else teks_label(),
        f"Wilayah: Kecamatan {agenda.attrs.get('kecamatan', '')}, "
        f"{agenda.attrs.get('kabupaten', '')}; tahun data {agenda.attrs.get('tahun', '')}.",
        "Rancangan agenda diisi dari diagnosis (p3pd.agenda.susun_agenda) lalu disunting tim "
        "kecamatan; angka di kolom 'Angka (bukti)' berasal dari data yang sama.",
        "Target berjenis 'asumsi pelatihan' bukan ketentuan resmi; 'resmi' dan 'SPM' disebut "
        "sumbernya di kolom 'Sumber target'.",
    ]
    catatan += _catatan_tidak_ada(agenda.attrs.get("tabel_tidak_ada", ()))
    if (agenda["penanggung_jawab"] == PENANGGUNG_JAWAB_BAWAAN).any():
        catatan.append(
            f"Penanggung jawab '{PENANGGUNG_JAWAB_BAWAAN}' adalah isian bawaan: tabel pemangku "
            "tidak menyebut seksi kantor camat. Tugas membina dan mengawasi desa ada pada camat "
            "(PP 17/2018 Pasal 10 ayat (1) huruf g); ganti dengan nama seksi menurut Perbup/"
            "Perwali tentang susunan organisasi kecamatan."
        )
    if agenda["kode_desa"].astype(str).str[9:10].eq("1").any():
        catatan.append(
            "Kelurahan (kode PP.KK.CC.1NNN) tidak punya RKPDes, APBDes, atau sub-bidang APBDes: "
            "baris kelurahan berjenis koordinasi (Musrenbang kelurahan dan kecamatan, perangkat "
            "daerah yang bertanggung jawab), dan porsi belanjanya 'tidak berlaku (kelurahan)'."
        )
    catatan += [
        f"{r.jenis_binwas.capitalize()} ({r.kode}): {r.catatan_dasar}"
        for r in referensi_tindakan().itertuples()
    ]
    return {
        LEMBAR[0]: desa.reset_index(drop=True),
        LEMBAR[1]: isu.reset_index(drop=True),
        LEMBAR[2]: jadwal,
        LEMBAR[3]: pd.DataFrame({"Keterangan": catatan}),
    }


def _cek_tujuan(tujuan: Path, akhiran: str) -> Path:
    tujuan = Path(tujuan)
    if tujuan.suffix.lower() != akhiran:
        raise GalatP3PD(f"Nama berkas '{tujuan.name}' harus berakhiran {akhiran}.")
    if not tujuan.parent.is_dir():
        raise GalatP3PD(f"Folder '{tujuan.parent}' tidak ada; buat dulu foldernya.")
    return tujuan


def _tolak_timpa(tujuan: Path) -> GalatP3PD:
    return GalatP3PD(
        f"Berkas '{tujuan.name}' sudah ada di '{tujuan.parent}' dengan isi lain (mungkin sudah "
        "Anda sunting) dan tidak ditimpa. Pakai nama berkas lain, minta nama baru dengan "
        "nama_baru=True, atau minta ditimpa dengan timpa=True."
    )


_BATAS_NOMOR = 1000


def _tujuan_akhir(
    isi: dict[Path, Callable[[Path], bool]], timpa: bool, nama_baru: bool
) -> dict[Path, tuple[Path, bool]]:
    """Peta berkas yang diminta → (berkas yang dipakai, perlu ditulis?).

    ``isi[berkas]`` memeriksa apakah berkas yang ada sudah berisi persis yang akan ditulis; berkas
    seperti itu tidak ditulis ulang. Tanpa ``timpa``: bila ada berkas berisi lain,
    ``GalatP3PD`` — atau, dengan ``nama_baru``, semua berkas mendapat nama
    ``nama (2).akhiran``, ``nama (3)…`` yang belum dipakai atau berisi sama.
    """
    for nomor in range(1, _BATAS_NOMOR + 1):
        calon = {b: b if nomor == 1 else b.with_name(f"{b.stem} ({nomor}){b.suffix}") for b in isi}
        if timpa:
            return {b: (c, True) for b, c in calon.items()}
        sama = {b: c.exists() and isi[b](c) for b, c in calon.items()}
        lain = [c for b, c in calon.items() if c.exists() and not sama[b]]
        if not lain:
            return {b: (c, not sama[b]) for b, c in calon.items()}
        if not nama_baru:
            raise _tolak_timpa(lain[0])
    raise GalatP3PD(
        f"Sudah ada {_BATAS_NOMOR} berkas bernama '{next(iter(isi)).stem} (…)'; pakai nama lain."
    )


def _sama_isi_buku(bita: bytes) -> Callable[[Path], bool]:
    from p3pd.excel import isi_buku

    def sama(berkas: Path) -> bool:
        try:
            return isi_buku(berkas) == isi_buku(io.BytesIO(bita))
        except Exception:  # bukan .xlsx yang dapat dibaca: anggap berbeda, jangan ditimpa
            return False

    return sama


def _sama_bita(bita: bytes) -> Callable[[Path], bool]:
    return lambda berkas: berkas.read_bytes() == bita


def _tulis(tujuan: Path, bita: bytes) -> None:
    from p3pd.berkas import tulis_atomik

    try:
        tulis_atomik(tujuan, bita)
    except PermissionError:
        raise GalatP3PD(
            f"Berkas '{tujuan.name}' tidak dapat ditulis (izin ditolak). Mungkin berkasnya sedang "
            "dibuka program lain (Excel, pembaca PDF): tutup dulu, lalu jalankan lagi."
        ) from None


def ekspor_excel(
    agenda: pd.DataFrame,
    tujuan: str | Path,
    *,
    timpa: bool = False,
    nama_baru: bool = False,
    label: str | None = None,
) -> Path:
    """Tulis agenda ke buku kerja Excel rapi (lembar ``LEMBAR``); kembalikan letak berkasnya.

    Judul kolom Indonesia (``JUDUL_KOLOM``), lebar kolom tetap, baris judul dibekukan, teks
    dibungkus (``p3pd.excel.buat_buku`` dan ``rapikan_buku``). Berkas yang sudah ada dengan isi
    sel yang sama dibiarkan. Dengan isi lain: ``GalatP3PD``, kecuali ``timpa=True`` (ditimpa)
    atau ``nama_baru=True`` (ditulis sebagai ``nama (2).xlsx``, …). ``label``: baris label data
    (bawaan :func:`teks_label`).
    """
    from p3pd.excel import buat_buku, rapikan_buku

    tujuan = _cek_tujuan(Path(tujuan), ".xlsx")
    lembar = lembar_agenda(agenda, label)
    penyangga = io.BytesIO()
    rapikan_buku(buat_buku(lembar), {nama: _LEBAR for nama in lembar}).save(penyangga)
    bita = penyangga.getvalue()
    berkas, tulis = _tujuan_akhir({tujuan: _sama_isi_buku(bita)}, timpa, nama_baru)[tujuan]
    if tulis:
        _tulis(berkas, bita)
    return berkas


# --------------------------------------------------------------------------- ringkasan isu


def isu_ringkasan(agenda: pd.DataFrame, jumlah: int = BATAS_ISU_RINGKASAN) -> pd.DataFrame:
    """Baris yang masuk ringkasan isu: isu kabupaten yang berbeda-beda, baris bagian ``kabupaten``
    lebih dulu (lalu urutan agenda).

    Bila belum ada satu pun isu, dipakai baris bagian ``desa`` dengan angkanya (kolom ``bukti``)
    sebagai isu. Kolom: ``isu``, ``bukti``, ``desa``, ``layanan``, ``mitra``, ``waktu``.
    """
    _periksa_agenda(agenda)
    teks = agenda["isu_kabupaten"].fillna("").astype(str).str.strip()
    ada = teks != ""
    if ada.any():
        # baris bagian kabupaten lebih dulu; isu yang sama (juga dibawa baris desa) sekali saja
        urut = agenda[ada].assign(_kab=agenda["bagian"] != "kabupaten", _teks=teks[ada])
        pilih = urut.sort_values("_kab", kind="stable").drop_duplicates("_teks")
        teks_isu = pilih["isu_kabupaten"]
    else:
        pilih = agenda[agenda["bagian"] == "desa"]
        teks_isu = pilih["nama_indikator"]
    return pd.DataFrame(
        {
            "isu": teks_isu.astype(str).to_numpy(),
            "bukti": pilih["bukti"].astype(str).to_numpy(),
            "desa": pilih["nama_desa"].fillna("").astype(str).to_numpy(),
            "layanan": pilih["layanan"].map(_nama_layanan).to_numpy(),
            "mitra": pilih["mitra"].astype(str).to_numpy(),
            "waktu": pilih["waktu"].astype(str).to_numpy(),
        }
    ).head(jumlah)


def _e(teks: object) -> str:
    return _html.escape(str(teks), quote=True)


def _css_string(teks: str) -> str:
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def ringkasan_isu_html(
    agenda: pd.DataFrame, *, jumlah: int = BATAS_ISU_RINGKASAN, label: str | None = None
) -> str:
    """HTML luring ringkasan isu satu halaman A4 untuk kabupaten (CSS handout disisipkan).

    Berisi: judul dan wilayah, baris label data, tabel isu (paling banyak ``jumlah``) dengan
    angkanya, desa, layanan, mitra, dan waktu, serta ringkasan banyaknya tindakan pembinaan dan
    pengawasan. Tanpa berkas atau huruf dari internet.
    """
    from p3pd.handout import folder_templat

    label = label if label is not None else teks_label()
    isu = isu_ringkasan(agenda, jumlah)
    kec = agenda.attrs.get("kecamatan", "")
    kab = agenda.attrs.get("kabupaten", "")
    tahun = agenda.attrs.get("tahun", "")
    css = (folder_templat() / "cetak" / "handout.css").read_text(encoding="utf-8")
    css += (
        "\n@page { @bottom-left { content: " + _css_string(label[:150]) + "; } }\n"
        "table.isu td { font-size: 8pt; } table.isu td.no { width: 6mm; }\n"
    )
    desa = agenda[agenda["bagian"] == "desa"]
    n_bina = int((desa["jenis_binwas"] == "pembinaan").sum())
    n_awas = int((desa["jenis_binwas"] == "pengawasan").sum())
    n_koor = int((desa["jenis_binwas"] == "koordinasi").sum())
    n_desa = desa["kode_desa"].replace("", pd.NA).dropna().nunique()
    baris = "".join(
        f'<tr><td class="no">{n}</td><td><strong>{_e(r.isu)}</strong><br>{_e(r.bukti)}</td>'
        f"<td>{_e(r.desa) or '—'}</td><td>{_e(r.layanan)}</td><td>{_e(r.mitra)}</td>"
        f"<td>{_e(r.waktu)}</td></tr>"
        for n, r in enumerate(isu.itertuples(), start=1)
    )
    sisa = len(isu_ringkasan(agenda, len(agenda))) - len(isu)
    tambahan = (
        f'<p class="catatan-kecil">{sisa} isu lain ada di buku kerja Excel agenda.</p>'
        if sisa > 0
        else ""
    )
    judul = f"Suara desa untuk kabupaten — Kecamatan {kec}"
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f"<title>{_e(judul)}</title><style>{css}</style></head>"
        '<body class="handout"><main>'
        '<div class="sampul"><div class="program">Agenda terpadu kecamatan · bahan Musrenbang '
        "kecamatan dan Forum Perangkat Daerah</div>"
        f"<h1>{_e(judul)}</h1>"
        f'<div class="wilayah">{_e(kab)} · tahun data {_e(tahun)}</div>'
        f'<div class="catatan-sintetis">{_e(label)}</div></div>'
        "<h2>Isu yang kami bawa ke kabupaten</h2>"
        '<table class="isu"><thead><tr><th>No</th><th>Isu dan angkanya</th><th>Desa/kelurahan</th>'
        "<th>Layanan</th><th>Mitra di kabupaten/kecamatan</th><th>Waktu</th></tr></thead>"
        f"<tbody>{baris}</tbody></table>{tambahan}"
        "<h2>Yang dilakukan kecamatan sendiri</h2>"
        f"<p>{n_desa} desa/kelurahan prioritas: {n_bina} tindakan pembinaan, {n_awas} tindakan "
        f"pengawasan, dan {n_koor} tindakan koordinasi (kelurahan, pemutakhiran DTKS) — "
        "rinciannya di buku kerja Excel agenda, lembar “Pembinaan & pengawasan”. Dasar: "
        "PP 17/2018 Pasal 10 ayat (1) huruf g — camat membina dan mengawasi penyelenggaraan "
        "kegiatan desa dan/atau kelurahan — dan huruf f — mengoordinasikan kegiatan perangkat "
        "daerah di kecamatan.</p>"
        "</main></body></html>\n"
    )


def ekspor_ringkasan_isu(
    agenda: pd.DataFrame,
    folder: str | Path,
    nama: str,
    *,
    timpa: bool = False,
    nama_baru: bool = False,
    label: str | None = None,
) -> dict[str, Path]:
    """Tulis ringkasan isu ke ``folder/nama.html`` dan ``folder/nama.pdf`` (A4, tepat satu halaman).

    Bila isinya lebih dari satu halaman, banyaknya isu dikurangi sampai muat (sisanya disebut
    ada di buku kerja Excel). Berkas yang ada dengan isi sama dibiarkan; dengan isi lain
    ``GalatP3PD``, kecuali ``timpa=True`` atau ``nama_baru=True`` (kedua berkas menjadi
    ``nama (2).html`` dan ``nama (2).pdf``, …). Mengembalikan ``{"html": …, "pdf": …}``.
    """
    from p3pd.handout import _pdf_bita, periksa_weasyprint

    folder = Path(folder)
    html_tujuan = _cek_tujuan(folder / f"{nama}.html", ".html")
    pdf_tujuan = _cek_tujuan(folder / f"{nama}.pdf", ".pdf")
    pesan = periksa_weasyprint()
    if pesan:
        raise GalatP3PD(pesan)
    ada = max(1, len(isu_ringkasan(agenda, BATAS_ISU_RINGKASAN)))
    for jumlah in range(ada, 0, -1):
        html = ringkasan_isu_html(agenda, jumlah=jumlah, label=label)
        pdf, halaman = _pdf_bita(html)
        if halaman == 1:
            break
    else:
        raise GalatP3PD("Ringkasan isu tidak muat satu halaman A4 walau hanya berisi satu isu.")
    bita = {html_tujuan: html.encode("utf-8"), pdf_tujuan: pdf}
    akhir = _tujuan_akhir({b: _sama_bita(v) for b, v in bita.items()}, timpa, nama_baru)
    for asal, (tujuan, tulis) in akhir.items():
        if tulis:
            _tulis(tujuan, bita[asal])
    return {"html": akhir[html_tujuan][0], "pdf": akhir[pdf_tujuan][0]}
