"""Uji ``p3pd panduan`` (panduan pelatih) dan catatan fasilitator di notebook.

Panduan dibangun sekali ke folder sementara; uji membuka HTML dan PDF (pypdf) yang dihasilkan dan
mencocokkan isinya dengan kurikulum (``referensi/kurikulum.toml``) dan sel bertag
``fasilitator`` di ``notebooks/`` dan ``solutions/``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import nbformat
import pytest

from p3pd import panduan
from p3pd.cli import main
from p3pd.galat import GalatP3PD
from p3pd.kurikulum import alur_sesi, baca_kurikulum, jam_tambah

AKAR = Path(__file__).resolve().parents[1]
POLA_NAMA = re.compile(r"^\d{2}_[a-z0-9_]+\.ipynb$")


def _bernomor(folder: str) -> list[Path]:
    return sorted(p for p in (AKAR / folder).glob("*.ipynb") if POLA_NAMA.match(p.name))


def _rata(teks: str) -> str:
    """Teks tanpa markup Markdown dan tanpa spasi (untuk mencari di HTML/PDF).

    Spasi dibuang seluruhnya: pemisahan baris dan sel tabel di HTML dan PDF tidak menentukan
    isinya, urutan kata yang menentukan.
    """
    return re.sub(r"[`*\s]", "", teks)


def _teks_html(html: str) -> str:
    import html as modul_html

    teks = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return _rata(modul_html.unescape(re.sub(r"<[^>]+>", " ", teks)))


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory):
    folder = tmp_path_factory.mktemp("panduan")
    sidik_masukan = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in _semua_masukan()}
    berkas, pesan = panduan.bangun_panduan(folder, progres=False)
    assert {b.name for b in berkas} == {"panduan_pelatih.html", "panduan_pelatih.pdf"}
    html = (folder / "panduan_pelatih.html").read_text(encoding="utf-8")
    return {
        "folder": folder,
        "html": html,
        "teks": _teks_html(html),
        "pesan": pesan,
        "sidik_masukan": sidik_masukan,
    }


@pytest.fixture(scope="module")
def pdf_teks(dibangun):
    pypdf = pytest.importorskip("pypdf")
    pembaca = pypdf.PdfReader(dibangun["folder"] / "panduan_pelatih.pdf")
    return pembaca, _rata(" ".join(h.extract_text() for h in pembaca.pages))


def _semua_masukan() -> list[Path]:
    return _bernomor("notebooks") + _bernomor("solutions") + [panduan.baca_kurikulum().berkas]


# --------------------------------------------------------------------------- HTML dan PDF


def test_html_luring_dan_bertanda(dibangun):
    html = dibangun["html"]
    assert '<meta name="generator" content="p3pd panduan"/>' in html
    assert "<script" not in html
    assert not re.search(r"""(src|href)=["']?https?://""", html), (
        "panduan meminta sesuatu dari internet"
    )
    assert "@import" not in html


def test_html_memuat_jadwal_dan_setiap_sesi(dibangun):
    teks = dibangun["teks"]
    kur = baca_kurikulum()
    assert _rata(kur.catatan) in teks
    for huruf, tujuan in kur.tujuan_pelatihan.items():
        assert _rata(f"{huruf}. {tujuan}") in teks
    for h in kur.hari:
        assert _rata(f"{h.judul}: {h.tema}") in teks
        for s in h.sesi:
            assert _rata(f"{s.mulai}–{s.selesai}") in teks, s.judul
            assert _rata(s.judul) in teks
            if s.jenis == "istirahat":
                continue
            assert _rata(f"{s.mulai}–{s.selesai} · {s.judul}") in teks
            for t in s.tujuan:
                assert _rata(t) in teks
            for p in s.pertanyaan:
                assert _rata(p.tanya) in teks and _rata(p.jawaban) in teks
            for p in s.periksa:
                assert (
                    _rata(f"{jam_tambah(s.mulai, p.menit)} {p.menit} Titik periksa: {p.teks}")
                    in teks
                )


def test_html_alur_menit_demi_menit(dibangun):
    teks = dibangun["teks"]
    for h in baca_kurikulum().hari:
        for s in h.sesi:
            if s.jenis == "istirahat":
                continue
            menit = 0
            alur = alur_sesi(s)
            assert sum(a.menit for a in alur) == s.menit
            for a in alur:
                assert (
                    _rata(f"{jam_tambah(s.mulai, menit)} {menit} {a.bagian} {a.menit} menit")
                    in teks
                )
                menit += a.menit


def test_html_letak_solusi(dibangun):
    teks = dibangun["teks"]
    for _, s in baca_kurikulum().sesi_notebook():
        for folder in ("notebooks", "exercises", "solutions"):
            assert _rata(f"{folder}/{s.notebook}.ipynb") in teks


def test_html_memuat_setiap_catatan_fasilitator(dibangun):
    teks = dibangun["teks"]
    semua = [
        c
        for folder in ("notebooks", "solutions")
        for berkas in _bernomor(folder)
        for c in panduan.catatan_notebook(berkas, AKAR)
    ]
    assert len(semua) >= 24
    for c in semua:
        assert _rata(f"Dari {c.berkas}") in teks
        for label, butir in c.butir.items():
            assert _rata(f"{label}:") in teks
            for b in butir:
                assert _rata(b) in teks, (c.berkas, b)


def test_pdf_a4_dan_isinya(dibangun, pdf_teks):
    pembaca, teks = pdf_teks
    for halaman in pembaca.pages:
        assert round(float(halaman.mediabox.width)) == 595
        assert round(float(halaman.mediabox.height)) == 842
    assert pembaca.metadata.get("/Creator") == "p3pd panduan"
    kur = baca_kurikulum()
    assert _rata("Panduan pelatih") in teks
    for h in kur.hari:
        assert _rata(h.judul) in teks
        for s in h.sesi:
            assert _rata(f"{s.mulai}–{s.selesai}") in teks
    for _, s in kur.sesi_notebook():
        assert _rata(f"solutions/{s.notebook}.ipynb") in teks
    topik = [
        c.topik
        for berkas in _bernomor("notebooks")[:6]
        for c in panduan.catatan_notebook(berkas, AKAR)
    ]
    for t in topik:
        assert _rata(t) in teks, t
    assert _rata("Jawaban yang baik memuat") in teks


def test_masukan_tidak_diubah(dibangun):
    for berkas, sidik in dibangun["sidik_masukan"].items():
        assert hashlib.sha256(berkas.read_bytes()).hexdigest() == sidik, berkas


def test_notebook_belum_ada_disebut(dibangun):
    kur = baca_kurikulum()
    belum = [
        s.notebook
        for _, s in kur.sesi_notebook()
        if not (AKAR / "notebooks" / f"{s.notebook}.ipynb").exists()
    ]
    teks = dibangun["teks"]
    for n in belum:
        assert _rata(f"Notebook {n} belum ada di repositori ini.") in teks
    if belum:
        assert any("Notebook belum ada" in p for p in dibangun["pesan"])


# --------------------------------------------------------------------------- menimpa berkas


def test_tidak_menimpa_berkas_lain_tanpa_paksa(tmp_path):
    asing = tmp_path / "panduan_pelatih.html"
    asing.write_text("catatan pelatih sendiri", encoding="utf-8")
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        panduan.bangun_panduan(tmp_path, format=["html"], progres=False)
    assert asing.read_text(encoding="utf-8") == "catatan pelatih sendiri"
    berkas, pesan = panduan.bangun_panduan(tmp_path, format=["html"], paksa=True, progres=False)
    assert "p3pd panduan" in berkas[0].read_text(encoding="utf-8")
    assert any("menggantikan" in p for p in pesan)
    # buatan sendiri dan belum diubah: diganti tanpa --paksa, dan disebut
    _, pesan = panduan.bangun_panduan(tmp_path, format=["html"], progres=False)
    assert any("panduan_pelatih.html: menggantikan" in p for p in pesan)
    # diubah sesudah dibuat: dilindungi lagi
    with open(asing, "a", encoding="utf-8") as f:
        f.write("<!-- tambahan pelatih -->")
    with pytest.raises(GalatP3PD, match="sudah diubah"):
        panduan.bangun_panduan(tmp_path, format=["html"], progres=False)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_perintah_panduan(tmp_path, capsys):
    assert (
        main(["panduan", "--keluaran", str(tmp_path), "--format", "html", "--tanpa-progres"]) == 0
    )
    keluar = capsys.readouterr().out
    assert "Panduan pelatih dibangun" in keluar and "catatan fasilitator dimuat" in keluar
    assert (tmp_path / "panduan_pelatih.html").is_file()
    assert not (tmp_path / "panduan_pelatih.pdf").exists()
    (tmp_path / "panduan_pelatih.html").write_text("lain", encoding="utf-8")
    assert main(["panduan", "--keluaran", str(tmp_path), "--format", "html"]) == 2
    assert "PESAN KESALAHAN" in capsys.readouterr().err


# --------------------------------------------------------------------------- bentuk catatan


def test_pengurai_catatan_menerima_dua_bentuk():
    satu = panduan.baca_catatan(
        "#### 🧑‍🏫 Catatan fasilitator — uji\n\n**Kesalahan umum:**\n\n- satu\n  lanjutan\n- dua\n",
        "x",
    )
    dua = panduan.baca_catatan(
        "#### 🧑‍🏫 Catatan fasilitator — uji\n\n- **Kesalahan umum:** satu\n  lanjutan\n- dua\n",
        "x",
    )
    assert satu.topik == dua.topik == "uji"
    assert satu.butir == dua.butir == {"Kesalahan umum": ["satu lanjutan", "dua"]}


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("### Catatan\n\n**Kesalahan umum:**\n- a", "harus diawali"),
        ("#### 🧑‍🏫 Catatan fasilitator — t\n\nteks bebas", "sebelum label"),
        ("#### 🧑‍🏫 Catatan fasilitator — t\n\n**Saran:**\n- a", "tidak dikenal"),
        ("#### 🧑‍🏫 Catatan fasilitator — t\n\n**Kesalahan umum:**\n", "tanpa butir"),
        ("#### 🧑‍🏫 Catatan fasilitator — t\n\n**Pertanyaan diskusi:**\n- a?", "Jawaban yang baik"),
    ],
)
def test_pengurai_catatan_menolak_bentuk_salah(teks, pesan):
    with pytest.raises(GalatP3PD, match=pesan) as galat:
        panduan.baca_catatan(teks, "notebooks/99_x.ipynb, sel 3")
    assert "notebooks/99_x.ipynb, sel 3" in str(galat.value)


def _param_notebook():
    return [
        pytest.param(p, id=f"{p.parent.name}/{p.name[:2]}")
        for f in ("notebooks", "solutions")
        for p in _bernomor(f)
    ]


@pytest.mark.parametrize("berkas", _param_notebook())
def test_setiap_notebook_punya_catatan_fasilitator(berkas):
    catatan = panduan.catatan_notebook(berkas, AKAR)  # bentuk yang salah: GalatP3PD
    assert 2 <= len(catatan) <= 5, "2–5 sel catatan fasilitator per notebook"
    nb = nbformat.read(berkas, as_version=4)
    for sel in nb.cells:
        if panduan.TAG_FASILITATOR in sel.metadata.get("tags", []):
            assert sel.cell_type == "markdown"


_DISKUSI = re.compile(r"\*\*Diskusi\b|Untuk didiskusikan|Bahan diskusi")


@pytest.mark.parametrize("berkas", _param_notebook())
def test_setiap_pertanyaan_diskusi_punya_jawaban_yang_baik(berkas):
    """Sel materi yang mengajak berdiskusi diikuti (sebelum judul berikutnya) sel fasilitator berisi jawaban."""
    nb = nbformat.read(berkas, as_version=4)
    for i, sel in enumerate(nb.cells):
        if sel.cell_type != "markdown" or panduan.TAG_FASILITATOR in sel.metadata.get("tags", []):
            continue
        if not _DISKUSI.search(sel.source):
            continue
        sesudah = []
        for lain in nb.cells[i + 1 :]:
            if panduan.TAG_FASILITATOR in lain.metadata.get("tags", []):
                sesudah.append(lain.source)
                break
            if lain.cell_type == "markdown" and re.match(r"^#{1,3} ", lain.source):
                break
        assert sesudah and "**Jawaban yang baik memuat:**" in sesudah[0], (
            f"sel {i + 1}: ajakan diskusi tanpa catatan fasilitator 'Jawaban yang baik memuat'"
        )


@pytest.mark.parametrize("berkas", [pytest.param(p, id=p.name[:2]) for p in _bernomor("exercises")])
def test_catatan_fasilitator_tidak_sampai_ke_latihan(berkas):
    nb = nbformat.read(berkas, as_version=4)
    for sel in nb.cells:
        assert panduan.TAG_FASILITATOR not in sel.metadata.get("tags", [])
        assert "Catatan fasilitator" not in sel.source
        assert "Jawaban yang baik memuat" not in sel.source


def test_html_sama_dari_isi_yang_sama():
    kur = baca_kurikulum()
    assert panduan.ke_html(panduan.susun_panduan(kur)) == panduan.ke_html(
        panduan.susun_panduan(kur)
    )


def test_folder_keluaran_berupa_berkas(tmp_path):
    bukan_folder = tmp_path / "berkas.txt"
    bukan_folder.write_text("x", encoding="utf-8")
    with pytest.raises(GalatP3PD, match="tidak dapat dibuat"):
        panduan.bangun_panduan(bukan_folder / "sub", format=["html"], progres=False)
