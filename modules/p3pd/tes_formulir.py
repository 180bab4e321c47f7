"""Formulir tes cetak (HTML luring dan PDF A4) dan kunci jawaban untuk pelatih.

Formulir dibangun sebagai notebook di memori (satu sel per bagian, keluaran HTML) lalu lewat
jalur handout yang sama (``p3pd.handout.ke_html``: templat cetak paket, tanpa kode, tanpa CDN;
``p3pd.handout.ke_pdf``: WeasyPrint, A4). Isinya: identitas (kode peserta — bukan nama —,
kelas, provinsi, jenis tes), petunjuk, semua soal, dan lembar jawaban yang dapat disalin
pelatih ke templat Excel jawaban kertas (``p3pd tes templat-kertas``).
"""

from __future__ import annotations

import html
from pathlib import Path

from p3pd.galat import GalatP3PD
from p3pd.tes_soal import TUJUAN, daftar_soal, nama_layanan, teks_html, versi_soal

__all__ = ["nama_formulir", "notebook_formulir", "html_formulir", "tulis_formulir"]

_GAYA = """
<style>
@page { @bottom-left { content: "%(kaki)s"; } }
.tes-identitas td { height: 9mm; border: 0.4pt solid #94a3b8; padding: 1mm 2mm; }
.tes-identitas td.label { width: 35mm; background: #f1f5f9; font-weight: bold; }
.tes-soal { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3.2mm 0; }
.tes-soal p { margin: 0 0 1mm 0; }
.tes-nomor { font-weight: bold; color: #0b4f8a; }
.tes-label { color: #6b7280; font-size: 7pt; }
.tes-pilihan { list-style: none; padding-left: 6mm; margin: 0; }
.tes-pilihan li { margin: 0 0 0.6mm 0; }
.tes-isian { display: inline-block; width: 40mm; border-bottom: 0.6pt solid #111827; }
.tes-lembar td, .tes-lembar th { height: 7mm; text-align: left; }
.tes-kunci { color: #1a7f37; font-weight: bold; }
.tes-halaman-baru { break-before: page; page-break-before: always; }
</style>
"""


def nama_formulir(kunci: bool) -> str:
    """Nama dasar berkas: ``formulir_tes`` atau ``kunci_tes`` (tanpa akhiran)."""
    return "kunci_tes" if kunci else "formulir_tes"


def _sel(isi_html: str):  # -> NotebookNode
    import nbformat

    sel = nbformat.v4.new_code_cell("")
    sel.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": isi_html, "text/plain": ""})
    ]
    return sel


def _bagian_identitas(kunci: bool) -> str:
    judul = "Kunci jawaban tes awal dan tes akhir" if kunci else "Tes awal dan tes akhir"
    if kunci:
        identitas = (
            "<p>Untuk pelatih. Jangan dibagikan kepada peserta. Baris <i>Diajarkan di</i> di "
            "bawah setiap kunci menunjukkan materi yang perlu diajarkan ulang bila banyak "
            "peserta salah.</p>"
        )
    else:
        baris = "".join(
            f'<tr><td class="label">{html.escape(a)}</td><td>{html.escape(b)}</td></tr>'
            for a, b in (
                ("Kode peserta", "(dari pelatih, mis. JTG-A-001 — jangan menulis nama atau NIK)"),
                ("Kelas", ""),
                ("Provinsi", ""),
                ("Jenis tes", "☐ Tes awal      ☐ Tes akhir"),
            )
        )
        identitas = (
            f'<table class="tes-identitas">{baris}</table>'
            "<p><b>Petunjuk.</b> Soal pilihan ganda: lingkari satu huruf (A, B, C, atau D). "
            "Soal angka: tulis angkanya; koma atau titik desimal sama-sama boleh, dan angka "
            "boleh dibulatkan satu angka di belakang koma. Tidak perlu kalkulator yang rumit; "
            "hitungan kecil boleh dikerjakan di kertas. Lalu salin jawaban ke lembar jawaban di "
            "halaman terakhir. Waktu: 30 menit.</p>"
        )
    tujuan = "".join(f"<li>{html.escape(t)}</li>" for t in TUJUAN.values())
    return (
        f"<h1>{judul}</h1>"
        "<p>Pelatihan Aparatur Kecamatan P3PD Sub-komponen 1D. Soal tes awal dan tes akhir "
        f"sama: {len(daftar_soal())} soal tentang empat tujuan pelatihan dan lima layanan "
        f"dasar. Versi soal <code>{versi_soal()}</code>.</p>"
        f"{identitas}<p class='tes-label'>Tujuan pelatihan:</p><ul>{tujuan}</ul>"
    )


def _bagian_soal(kunci: bool) -> str:
    potong = []
    for s in daftar_soal():
        label = f"tujuan {s.tujuan} · {nama_layanan(s.layanan)}"
        kepala = (
            f'<p><span class="tes-nomor">{s.id}.</span> {teks_html(s.teks)} '
            f'<span class="tes-label">({html.escape(label)})</span></p>'
        )
        if s.jenis == "pilihan":
            isi = "".join(
                f"<li>{'●' if kunci and h == s.kunci else '○'} <b>{h}.</b> {teks_html(p)}</li>"
                for h, p in zip("ABCD", s.pilihan, strict=True)
            )
            badan = f'<ul class="tes-pilihan">{isi}</ul>'
        else:
            badan = f'<p>Jawaban: <span class="tes-isian">&nbsp;</span> {html.escape(s.satuan)}</p>'
        if kunci:
            badan += (
                f'<p class="tes-kunci">Kunci: {html.escape(s.teks_kunci())}'
                + (
                    f" (toleransi ± {s.toleransi:g})".replace(".", ",")
                    if s.jenis == "angka"
                    else ""
                )
                + "</p>"
                f'<p class="tes-label">Diajarkan di: {html.escape(s.diajarkan_di)}</p>'
            )
            if s.sumber:
                badan += f'<p class="tes-label">Sumber: {html.escape(s.sumber)}</p>'

        potong.append(f'<div class="tes-soal">{kepala}{badan}</div>')
    return "<h2>Soal</h2>" + "".join(potong)


def _bagian_lembar() -> str:
    baris = []
    for s in daftar_soal():
        isian = "A &nbsp;&nbsp; B &nbsp;&nbsp; C &nbsp;&nbsp; D" if s.jenis == "pilihan" else ""
        satuan = html.escape(s.satuan) if s.jenis == "angka" else ""
        baris.append(f"<tr><td>{s.id}</td><td>{isian}</td><td>{satuan}</td></tr>")
    return (
        '<h2 class="tes-halaman-baru">Lembar jawaban</h2>'
        "<p>Kode peserta: ____________ &nbsp; Kelas: ________ &nbsp; Provinsi: "
        "______________ &nbsp; ☐ Tes awal &nbsp; ☐ Tes akhir</p>"
        "<p>Lingkari huruf jawaban, atau tulis angkanya di kolom jawaban.</p>"
        '<table class="tes-lembar"><thead><tr><th>Soal</th><th>Jawaban</th><th>Satuan</th>'
        f"</tr></thead><tbody>{''.join(baris)}</tbody></table>"
    )


def notebook_formulir(kunci: bool = False):  # -> NotebookNode
    """Notebook di memori berisi formulir tes (atau kunci jawabannya) sebagai keluaran HTML."""
    import nbformat

    kaki = (
        f"Kunci tes P3PD 1D — untuk pelatih · versi soal {versi_soal()}"
        if kunci
        else f"Tes awal/akhir P3PD 1D · versi soal {versi_soal()}"
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        _sel(_GAYA % {"kaki": kaki}),
        _sel(_bagian_identitas(kunci)),
        _sel(_bagian_soal(kunci)),
    ]
    if not kunci:
        nb.cells.append(_sel(_bagian_lembar()))
    return nb


def html_formulir(kunci: bool = False) -> str:
    """HTML luring formulir tes (atau kunci jawabannya), lewat templat cetak handout."""
    from p3pd.handout import ke_html

    judul = "Kunci jawaban tes P3PD 1D" if kunci else "Tes awal dan tes akhir P3PD 1D"
    return ke_html(notebook_formulir(kunci), judul=judul)


def tulis_formulir(
    folder: str | Path,
    *,
    kunci: bool = False,
    format: tuple[str, ...] = ("html", "pdf"),
    timpa: bool = False,
) -> list[Path]:
    """Tulis formulir (atau kunci) sebagai HTML dan/atau PDF A4 ke ``folder``; atomik.

    Berkas yang sudah ada tidak ditimpa kecuali ``timpa=True``. Bila WeasyPrint tidak siap,
    ``GalatP3PD`` menjelaskan cara memasangnya (HTML tetap dapat dibuat dengan ``format=("html",)``).
    """
    from p3pd.berkas import tulis_atomik
    from p3pd.handout import ke_pdf, periksa_weasyprint

    folder = Path(folder)
    dasar = nama_formulir(kunci)
    tujuan = {f: folder / f"{dasar}.{f}" for f in format}
    sudah = [p for p in tujuan.values() if p.exists()]
    if sudah and not timpa:
        raise GalatP3PD(
            "Berkas sudah ada dan tidak ditimpa: "
            + ", ".join(str(p) for p in sudah)
            + ". Pakai folder lain, atau tambahkan --timpa."
        )
    if "pdf" in tujuan:
        pesan = periksa_weasyprint()
        if pesan:
            raise GalatP3PD(pesan)
    isi = html_formulir(kunci)
    ditulis = []
    if "html" in tujuan:
        ditulis.append(tulis_atomik(tujuan["html"], isi))
    if "pdf" in tujuan:
        ke_pdf(isi, tujuan["pdf"])
        ditulis.append(tujuan["pdf"])
    return ditulis
