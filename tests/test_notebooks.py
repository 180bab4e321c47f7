"""Uji struktur notebook di ``notebooks/``, ``solutions/``, dan ``exercises/``, serta ``p3pd.notebook``.

Isi notebook dijalankan oleh nbval (lihat README, bagian Pengujian); berkas ini memeriksa yang
tidak diperiksa nbval: latihan sesuai dengan solusinya, keluaran tersimpan berasal dari satu kali
jalan dari atas ke bawah, kerangka bagian yang tetap, tag nbval, dan bentuk latihan
(jadwal README dan "Estimasi waktu": ``tests/test_kurikulum.py``).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

import p3pd.notebook
from p3pd.latihan import AWAL_SOLUSI, buat_semua
from p3pd.notebook import (
    MAKS_BARIS,
    MAKS_KOLOM,
    PESAN_SIAP,
    catatan_sintetis,
    folder_kerja,
    jalankan_notebook,
    siapkan,
)

AKAR = Path(__file__).resolve().parents[1]
NOTEBOOKS, SOLUTIONS, EXERCISES = (AKAR / n for n in ("notebooks", "solutions", "exercises"))
POLA_NAMA = re.compile(r"^\d{2}_[a-z0-9_]+\.ipynb$")
JALUR_MESIN = re.compile(
    r"(/root/|/work/|/home/[\w.-]+/|/Users/[\w.-]+/|/tmp/[\w.-]+|[A-Za-z]:\\\\Users)"
)
LEVEL = ("baca & tafsirkan", "ubah parameter", "tulis kode")
BAGIAN_KERANGKA = ("tujuan pembelajaran", "prasyarat", "estimasi waktu", "impor")
BAGIAN_PENUTUP = ("ringkasan", "selanjutnya", "referensi")


def _bernomor(folder: Path) -> list[Path]:
    return (
        sorted(p for p in folder.glob("*.ipynb") if POLA_NAMA.match(p.name))
        if folder.is_dir()
        else []
    )


def _param(*folder: Path) -> list:
    return [pytest.param(p, id=f"{p.parent.name}/{p.name}") for f in folder for p in _bernomor(f)]


def _baca(berkas: Path) -> nbformat.NotebookNode:
    return nbformat.read(berkas, as_version=4)


def _tag(sel) -> list[str]:
    return list(sel.metadata.get("tags", []))


def _kode(nb) -> list:
    return [s for s in nb.cells if s.cell_type == "code"]


def _judul(sel) -> list[tuple[int, str]]:
    """Judul Markdown (tingkat, teks) di luar blok kode berpagar."""
    hasil, pagar = [], False
    for baris in sel.source.splitlines():
        if baris.lstrip().startswith("```"):
            pagar = not pagar
        elif not pagar and (m := re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", baris)):
            hasil.append((len(m.group(1)), m.group(2)))
    return hasil


def _bersih(teks: str) -> str:
    """Teks judul tanpa nomor, emoji, dan tanda baca di tepi, huruf kecil."""
    return re.sub(r"^[\W\d_]+|[\W_]+$", "", teks.casefold())


def _pernyataan_impor(sumber: str) -> int:
    baris = [b for b in sumber.splitlines() if not b.lstrip().startswith(("%", "!"))]
    try:
        pohon = ast.parse("\n".join(baris))
    except SyntaxError:
        return 0
    return sum(isinstance(n, (ast.Import, ast.ImportFrom)) for n in pohon.body)


# --- (a) latihan dibuat dari solusi ------------------------------------------------------------


def test_setiap_notebook_bernomor_punya_solusi_dan_latihan():
    notebook = {p.name for p in _bernomor(NOTEBOOKS)}
    solusi = {p.name for p in _bernomor(SOLUTIONS)}
    latihan = {p.name for p in _bernomor(EXERCISES)}
    if not notebook:
        pytest.skip("belum ada notebook bernomor di notebooks/")
    assert notebook == solusi, "notebooks/ dan solutions/ harus berpasangan"
    assert solusi == latihan, "solutions/ dan exercises/ harus berpasangan"


def test_latihan_sama_dengan_hasil_pembuat():
    if not _bernomor(SOLUTIONS):
        pytest.skip("belum ada notebook di solutions/")
    # GalatP3PD menyebut setiap berkas yang menyimpang; perbaikannya: p3pd latihan
    assert len(buat_semua(SOLUTIONS, EXERCISES, periksa_saja=True)) == len(
        list(SOLUTIONS.glob("*.ipynb"))
    )


# --- (b) keluaran tersimpan: satu kali jalan dari atas ke bawah --------------------------------


@pytest.mark.parametrize("berkas", _param(NOTEBOOKS, SOLUTIONS))
def test_keluaran_dari_satu_kali_jalan(berkas):
    nb = _baca(berkas)
    kode = [s for s in _kode(nb) if s.source.strip()]
    assert [s.execution_count for s in kode] == list(range(1, len(kode) + 1)), (
        "jalankan ulang dari atas ke bawah: p3pd latihan --segarkan"
    )
    assert all(not s.outputs for s in _kode(nb) if not s.source.strip())
    for nomor, sel in enumerate(kode, start=1):
        for keluaran in sel.outputs:
            assert keluaran.output_type != "error", f"sel kode ke-{nomor} menyimpan galat"
            if keluaran.output_type == "stream" and keluaran.name == "stderr":
                assert "Warning" not in keluaran.text, f"sel kode ke-{nomor} menyimpan peringatan"
    assert berkas.stat().st_size < 1_500_000, "keluaran terlalu besar (tabel/gambar besar?)"


@pytest.mark.parametrize("berkas", _param(NOTEBOOKS, SOLUTIONS, EXERCISES))
def test_tanpa_jalur_mesin(berkas):
    nb = _baca(berkas)
    teks = json.dumps([[s.source, s.get("outputs", [])] for s in nb.cells], ensure_ascii=False)
    temuan = JALUR_MESIN.search(teks)
    assert temuan is None, f"jalur mesin tersimpan: {temuan.group(0) if temuan else ''}"


@pytest.mark.parametrize("berkas", _param(EXERCISES))
def test_latihan_tanpa_keluaran(berkas):
    nb = _baca(berkas)
    assert all(not s.outputs and s.execution_count is None for s in _kode(nb))


# --- (c) kerangka ------------------------------------------------------------------------------


@pytest.mark.parametrize("berkas", _param(NOTEBOOKS, SOLUTIONS, EXERCISES))
def test_kerangka_notebook(berkas):
    nb = _baca(berkas)
    judul = [
        (i, tingkat, _bersih(t))
        for i, s in enumerate(nb.cells)
        if s.cell_type == "markdown"
        for tingkat, t in _judul(s)
    ]
    h1 = [j for j in judul if j[1] == 1]
    assert len(h1) == 1 and h1[0][0] == 0, "tepat satu judul '# …', di sel pertama"

    def letak(nama: str, tingkat: tuple[int, ...] = (2,)) -> int:
        ada = [i for i, t, teks in judul if t in tingkat and teks.startswith(nama)]
        assert ada, f"bagian '{nama}' tidak ditemukan"
        return ada[0]

    tujuan, prasyarat = letak("tujuan pembelajaran"), letak("prasyarat")
    estimasi = next(
        (
            i
            for i, s in enumerate(nb.cells)
            if s.cell_type == "markdown" and "estimasi waktu" in s.source.casefold()
        ),
        None,
    )
    assert estimasi is not None, "'Estimasi waktu' tidak ditemukan"
    isi = [
        i
        for i, t, teks in judul
        if t == 2 and not teks.startswith(BAGIAN_KERANGKA + BAGIAN_PENUTUP)
    ]
    assert isi, "tidak ada bagian isi (## …) setelah kerangka"
    ringkasan, selanjutnya = letak("ringkasan"), letak("selanjutnya", (2, 3))
    assert re.search(
        r"^\s*1\.\s+\S", nb.cells[tujuan].source + "\n" + _isi_bagian(nb, tujuan), re.M
    ), "Tujuan pembelajaran berupa daftar bernomor"

    sebelum_isi = [i for i, s in enumerate(nb.cells) if s.cell_type == "code" and i < isi[0]]
    assert len(sebelum_isi) == 1, "tepat satu sel kode (sel impor) sebelum bagian isi"
    impor = sebelum_isi[0]
    assert _pernyataan_impor(nb.cells[impor].source) > 0, "sel impor tidak berisi import"
    lain = [
        n
        for n, s in enumerate(_kode(nb), start=1)
        if s is not nb.cells[impor] and _pernyataan_impor(s.source)
    ]
    assert not lain, f"import hanya di sel impor; ditemukan juga di sel kode ke-{lain}"

    urutan = [tujuan, prasyarat, estimasi, impor, isi[0], isi[-1], ringkasan, selanjutnya]
    assert urutan == sorted(urutan), (
        "urutan: judul, Tujuan pembelajaran, Prasyarat, Estimasi waktu, sel impor, isi, Ringkasan, Selanjutnya"
    )


def _isi_bagian(nb, mulai: int) -> str:
    """Teks Markdown setelah sel ``mulai`` sampai judul berikutnya."""
    teks = []
    for s in nb.cells[mulai + 1 :]:
        if s.cell_type != "markdown" or _judul(s):
            break
        teks.append(s.source)
    return "\n".join(teks)


# --- (d) dan (e) tag nbval ---------------------------------------------------------------------


@pytest.mark.parametrize("berkas", _param(NOTEBOOKS, SOLUTIONS))
def test_angka_kunci_diperiksa_nbval(berkas):
    diperiksa = [s for s in _kode(_baca(berkas)) if "nbval-check-output" in _tag(s)]
    assert len(diperiksa) >= 3, (
        "tandai paling sedikit 3 sel berisi angka kunci dengan tag nbval-check-output"
    )
    # nbval melewati sel tanpa keluaran tersimpan: tag seperti itu tidak memeriksa apa pun
    assert all(s.outputs and s.execution_count for s in diperiksa)


_WIDGET = re.compile(r"\binteract(ive)?\b|widgets\.")


@pytest.mark.parametrize("berkas", _param(NOTEBOOKS, SOLUTIONS, EXERCISES))
def test_sel_widget_diabaikan_nbval(berkas):
    for nomor, sel in enumerate(_kode(_baca(berkas)), start=1):
        baris = [b for b in sel.source.splitlines() if not re.match(r"\s*(from|import)\s", b)]
        if _WIDGET.search("\n".join(baris)):
            assert "nbval-ignore-output" in _tag(sel), (
                f"sel widget (kode ke-{nomor}) perlu tag nbval-ignore-output"
            )


# --- (f) bentuk latihan ------------------------------------------------------------------------


def _latihan(nb) -> list[dict]:
    """Setiap latihan: judul '### Latihan N', sel-selnya sampai latihan atau bagian ## berikutnya."""
    daftar: list[dict] = []
    for sel in nb.cells:
        judul = _judul(sel) if sel.cell_type == "markdown" else []
        m = next((re.match(r"latihan\s+(\d+)", t, re.I) for tk, t in judul if tk == 3), None)
        if m:
            daftar.append({"nomor": int(m.group(1)), "judul": sel.source, "sel": []})
        elif daftar and any(tk <= 2 for tk, _ in judul):
            daftar.append({"nomor": None, "sel": []})  # penutup: bagian baru
        elif daftar:
            daftar[-1]["sel"].append(sel)
    return [d for d in daftar if d["nomor"] is not None]


@pytest.mark.parametrize("berkas", _param(SOLUTIONS))
def test_bentuk_latihan_di_solusi(berkas):
    daftar = _latihan(_baca(berkas))
    assert len(daftar) >= 4, "paling sedikit 4 latihan ('### Latihan N · level')"
    assert [d["nomor"] for d in daftar] == list(range(1, len(daftar) + 1))
    level = []
    for d in daftar:
        n = d["nomor"]
        label = [lv for lv in LEVEL if lv in d["judul"].casefold()]
        assert len(label) == 1, f"Latihan {n}: tulis tepat satu level ({', '.join(LEVEL)})"
        level.append(label[0])
        markdown = d["judul"] + "".join(s.source for s in d["sel"] if s.cell_type == "markdown")
        assert re.search(r"<details>\s*<summary>\s*Petunjuk\s*</summary>", markdown), (
            f"Latihan {n}: petunjuk dalam <details>"
        )
        kode = [s for s in d["sel"] if s.cell_type == "code"]
        cek = [i for i, s in enumerate(kode) if re.search(r"\bcek\(", s.source)]
        assert cek, f"Latihan {n}: tidak ada sel cek(...)"
        jawab = [
            s
            for s in kode[: cek[0] + 1]
            if AWAL_SOLUSI in s.source or re.search(r"#\s*SOLUSI\b", s.source)
        ]
        assert jawab, f"Latihan {n}: jawaban belum ditandai # SOLUSI atau {AWAL_SOLUSI}"
        for i in cek:
            sel = kode[i]
            assert "nbval-check-output" in _tag(sel), (
                f"Latihan {n}: sel cek perlu tag nbval-check-output"
            )
            teks = "".join(k.get("data", {}).get("text/plain", "") for k in sel.outputs)
            assert teks.startswith("Benar!"), (
                f"Latihan {n}: jawaban di solusi tidak lolos cek ({teks!r})"
            )
    assert level.count("tulis kode") < len(level) / 2, (
        "sebagian besar latihan: baca & tafsirkan atau ubah parameter"
    )


@pytest.mark.parametrize("berkas", _param(EXERCISES))
def test_latihan_menyisakan_tempat_jawaban(berkas):
    nb = _baca(berkas)
    sumber = "\n".join(s.source for s in _kode(nb))
    for d in _latihan(nb):
        for sel in d["sel"]:
            for nama in re.findall(r"\bcek\(\s*([A-Za-z_]\w*)", sel.source):
                assert re.search(rf"^\s*{nama}\s*(:[^=]+)?=\s*\.\.\.\s*$", sumber, re.M), (
                    f"Latihan {d['nomor']}: '{nama} = ...' tidak ada di latihan"
                )


# --- (g) jadwal di README: diuji di tests/test_kurikulum.py (tabel README dan "Estimasi waktu"
# setiap notebook diturunkan dari satu sumber, modules/p3pd/referensi/kurikulum.toml).


# --- p3pd.notebook -----------------------------------------------------------------------------


def test_siapkan_di_luar_kernel_mengatur_pandas_dan_mencetak_satu_baris(capsys):
    with pd.option_context("display.max_rows", 60, "display.max_columns", 0):
        siapkan()
        assert pd.get_option("display.max_rows") == MAKS_BARIS
        assert pd.get_option("display.max_columns") == MAKS_KOLOM
        assert capsys.readouterr().out == PESAN_SIAP + "\n"
        siapkan(diam=True)
        assert capsys.readouterr().out == ""


def test_folder_kerja_dibuat_di_akar_proyek(tmp_path, monkeypatch):
    monkeypatch.setattr(p3pd.notebook, "folder_proyek", lambda: tmp_path)
    assert folder_kerja() == tmp_path / "kerja_saya"
    assert (tmp_path / "kerja_saya").is_dir()
    assert folder_kerja() == tmp_path / "kerja_saya"  # sudah ada: tidak apa-apa


def test_catatan_sintetis():
    kotak = catatan_sintetis("Tabel: wilayah_desa <csv>")
    assert repr(kotak).startswith("Data latihan ini sintetis.")
    assert "Kepmendagri 100.1.1-6117/2022" in repr(kotak)
    assert repr(kotak).endswith("Tabel: wilayah_desa <csv>")
    assert "&lt;csv&gt;" in kotak._repr_html_() and "<strong>" in kotak._repr_html_()


def test_siapkan_memulihkan_grafik_saat_mplbackend_agg(tmp_path, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    sel = [
        "import matplotlib\nimport matplotlib.pyplot as plt\nfrom p3pd.notebook import siapkan",
        "siapkan(diam=True)\nprint(matplotlib.get_backend())",
        "plt.plot([1, 2, 3])\nplt.show()",
    ]
    hasil = {}
    for nama, isi in (
        ("tanpa", [sel[0], "print(matplotlib.get_backend())", sel[2]]),
        ("dengan", sel),
    ):
        nb = new_notebook(cells=[new_code_cell(s) for s in isi])
        nbformat.write(nb, tmp_path / f"{nama}.ipynb")
        hasil[nama] = _kode(jalankan_notebook(tmp_path / f"{nama}.ipynb", simpan=False))
    assert hasil["tanpa"][1].outputs[0].text.strip().lower() == "agg"  # jebakan itu nyata
    assert not any("image/png" in k.get("data", {}) for k in hasil["tanpa"][2].outputs)
    assert "inline" in hasil["dengan"][1].outputs[0].text
    assert any("image/png" in k.get("data", {}) for k in hasil["dengan"][2].outputs)


class _SoketTandaTerlewat:
    """Soket tiruan: pesan sudah tiba, tetapi tanda "siap" baru terlihat saat selang habis
    (seperti pyzmq asyncio yang melewatkan tanda edge-triggered, jupyter/nbclient#312)."""

    def __init__(self, siap_pada_panggilan: int) -> None:
        self.panggilan: list[int | None] = []
        self.siap_pada = siap_pada_panggilan

    async def poll(self, timeout_ms: int | None) -> int:
        self.panggilan.append(timeout_ms)
        return 1 if len(self.panggilan) >= self.siap_pada else 0


class _SaluranTiruan:
    def __init__(self, soket: _SoketTandaTerlewat) -> None:
        self.socket = soket

    async def _recv(self) -> dict:
        return {"isi": "balasan"}


def test_tunggu_pesan_memeriksa_ulang_tiap_detik_tanpa_mengubah_batas_waktu():
    import asyncio
    from queue import Empty

    from p3pd.notebook import SELANG_TUNGGU, tunggu_pesan

    soket = _SoketTandaTerlewat(siap_pada_panggilan=3)
    pesan = asyncio.run(tunggu_pesan(_SaluranTiruan(soket), timeout=600))
    assert pesan == {"isi": "balasan"}
    # tidak pernah menunggu 600 detik sekaligus: paling lama satu selang per kali
    assert len(soket.panggilan) == 3
    assert all(0 <= t <= SELANG_TUNGGU * 1000 for t in soket.panggilan)

    tanpa_batas = _SoketTandaTerlewat(siap_pada_panggilan=2)
    assert asyncio.run(tunggu_pesan(_SaluranTiruan(tanpa_batas), timeout=None))["isi"] == "balasan"
    assert tanpa_batas.panggilan == [SELANG_TUNGGU * 1000] * 2

    kosong = _SoketTandaTerlewat(siap_pada_panggilan=10**9)
    with pytest.raises(Empty):
        asyncio.run(tunggu_pesan(_SaluranTiruan(kosong), timeout=0))
    assert kosong.panggilan == [0]


def test_kernel_lingkungan_ini_memakai_klien_tangguh():
    from p3pd.notebook import kelas_kernel_lingkungan_ini

    km = kelas_kernel_lingkungan_ini()(kernel_name="python3")
    kc = km.client()
    assert type(kc.shell_channel).get_msg.__qualname__.endswith("_SaluranTangguh.get_msg")
    assert type(kc.iopub_channel).get_msg.__qualname__.endswith("_SaluranTangguh.get_msg")


def test_gabung_aliran_menyatukan_potongan_print():
    from nbformat.v4 import new_output

    from p3pd.notebook import gabung_aliran

    sel = new_code_cell("print('a')")
    sel.outputs = [
        new_output("stream", name="stdout", text="34 usulan:"),
        new_output("stream", name="stdout", text="\n"),
        new_output("stream", name="stderr", text="peringatan\n"),
        new_output("execute_result", data={"text/plain": "1"}, execution_count=1),
        new_output("stream", name="stdout", text="lagi\n"),
    ]
    nb = gabung_aliran(new_notebook(cells=[sel]))
    keluar = nb.cells[0].outputs
    assert [o.get("name", o["output_type"]) for o in keluar] == [
        "stdout",
        "stderr",
        "execute_result",
        "stdout",
    ]
    assert keluar[0]["text"] == "34 usulan:\n"
