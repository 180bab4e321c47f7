"""Uji ``p3pd handout``: membangun handout sungguhan lalu membuka HTML dan PDF-nya.

Empat handout provinsi dan satu handout kecamatan dibangun sekali per sesi uji (fixture
``bangun``), dari folder kerja lain dan dengan ``MPLBACKEND=Agg`` di lingkungan (jebakan yang
menghilangkan grafik). Mesin pembangun (kegagalan terisolasi, kernel hangat, tulis atomik,
penghentian) diuji dengan notebook templat kecil supaya cepat.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from pypdf import PdfReader

from p3pd import handout, handout_cli, wilayah
from p3pd.format import persen
from p3pd.galat import GalatP3PD, WilayahTidakDikenal
from p3pd.indikator import DAFTAR_INDIKATOR, hitung_capaian
from p3pd.muat import muat_indikator

A4 = (595.28, 841.89)
PROVINSI = ("Jawa Tengah", "Sumatera Utara", "Nusa Tenggara Timur", "Kalimantan Selatan")
KECAMATAN = "Getasan"


# --------------------------------------------------------------------------- pembantu


def _tanpa_data_uri(html: str) -> str:
    """HTML tanpa isi base64 gambar (huruf acak base64 bisa kebetulan membentuk 'http')."""
    return re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", "data:", html)


class _SelAngkaKunci(HTMLParser):
    """Ambil teks sel ``<td data-kolom=…>`` per baris ``<tr data-indikator=…>``."""

    def __init__(self) -> None:
        super().__init__()
        self.nilai: dict[str, dict[str, str]] = {}
        self._baris: str | None = None
        self._kolom: str | None = None
        self._teks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "tr" and "data-indikator" in a:
            self._baris = a["data-indikator"]
            self.nilai.setdefault(self._baris, {})
        elif tag == "td" and self._baris and "data-kolom" in a:
            self._kolom, self._teks = a["data-kolom"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._kolom:
            self.nilai[self._baris][self._kolom] = "".join(self._teks).strip()
            self._kolom = None
        elif tag == "tr":
            self._baris = None

    def handle_data(self, data: str) -> None:
        if self._kolom:
            self._teks.append(data)


def _angka_kunci_html(html: str) -> dict[str, dict[str, str]]:
    """Sel angka kunci dari tabel ``angka-kunci`` saja (tabel lain juga memakai data-indikator)."""
    awal = html.index('<table class="angka-kunci">')
    akhir = html.index("</table>", awal)
    p = _SelAngkaKunci()
    p.feed(html[awal:akhir])
    return p.nilai


def templat_kecil(folder: Path, isi: str = "", tidur: float = 0.0) -> Path:
    """Notebook templat kecil dengan sel ``parameters`` seperti templat handout sungguhan.

    Sel uji memeriksa bahwa ruang nama kosong (tidak ada sisa handout sebelumnya), lalu
    menjalankan ``isi`` (boleh memakai ``provinsi``/``kecamatan``) dan menggambar satu grafik.
    """
    sel = [
        new_markdown_cell("Catatan untuk pengembang.", metadata={"tags": ["remove-cell"]}),
        new_code_cell("import matplotlib.pyplot as plt", metadata={"tags": ["remove-cell"]}),
        new_code_cell(
            'provinsi = "Jawa Tengah"\nkabupaten = None\nkecamatan = None\ntahun = None',
            metadata={"tags": ["parameters"]},
        ),
        new_code_cell(
            'assert "sisa_handout_lain" not in globals(), "ruang nama bocor"\n'
            "sisa_handout_lain = provinsi\n"
            f"import time\ntime.sleep({tidur})\n" + isi
        ),
        new_markdown_cell("# Handout uji"),
        new_code_cell(
            "import os\nfrom IPython.display import Markdown\n"
            "Markdown(f\"Wilayah: **{provinsi}** {kecamatan or ''} (kernel {os.getpid()})\")"
        ),
        new_code_cell(
            "if provinsi != 'tanpa_gambar':\n"
            "    fig, ax = plt.subplots(figsize=(3, 2))\n"
            "    ax.bar(['a', 'b'], [1, 2])\n"
            "    plt.show()"
        ),
    ]
    nb = new_notebook(cells=sel)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    berkas = folder / "templat_kecil.ipynb"
    nbformat.write(nb, berkas)
    return berkas


def _p(nama: str, provinsi: str = "Jawa Tengah") -> handout.Pekerjaan:
    return handout.Pekerjaan(
        nama, nama, "provinsi", {"provinsi": provinsi, "kabupaten": None, "kecamatan": None}
    )


# --------------------------------------------------------------------------- handout sungguhan


@pytest.fixture(scope="module")
def bangun(tmp_path_factory: pytest.TempPathFactory):
    """Bangun 4 handout provinsi + 1 kecamatan sekali, dari folder kerja lain, dengan MPLBACKEND=Agg."""
    keluaran = tmp_path_factory.mktemp("handout")
    lain = tmp_path_factory.mktemp("folder_kerja_lain")
    pekerjaan = handout.susun_pekerjaan(semua=True) + handout.susun_pekerjaan(kecamatan=[KECAMATAN])
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLBACKEND", "Agg")
        mp.chdir(lain)
        ringkasan = handout.bangun_handout(pekerjaan, keluaran=keluaran, progres=False)
    return ringkasan


def _hasil(ringkasan: handout.Ringkasan, tingkat: str) -> list[handout.Hasil]:
    return [h for h in ringkasan.hasil if h.pekerjaan.tingkat == tingkat]


def test_semua_handout_jadi(bangun):
    assert not bangun.gagal, bangun.teks()
    assert len(_hasil(bangun, "provinsi")) == 4
    assert len(_hasil(bangun, "kecamatan")) == 1
    for h in bangun.hasil:
        nama = {b.name for b in h.berkas}
        assert nama == {f"{h.pekerjaan.nama}.html", f"{h.pekerjaan.nama}.pdf"}
        assert all(b.stat().st_size > 10_000 for b in h.berkas)
    assert not list(bangun.folder.glob("*.GAGAL.ipynb"))
    assert not list(bangun.folder.glob(".*.tmp"))
    assert "5 handout dibangun, 0 gagal" in bangun.teks()


def test_html_luring_tanpa_kode(bangun):
    for h in bangun.hasil:
        html = (bangun.folder / f"{h.pekerjaan.nama}.html").read_text(encoding="utf-8")
        teks = _tanpa_data_uri(html)
        assert "http" not in teks.lower(), h.pekerjaan.nama
        assert "<script" not in teks.lower()
        assert re.findall(r'(?:src|href)="(?!data:|#)', teks) == []
        # tidak ada kode, parameter, atau prompt
        for kode in ("laporan.Handout", "h.sampul()", "provinsi = ", "In&nbsp;[", "Out["):
            assert kode not in teks, kode
        assert html.count('src="data:image/png;base64,') >= 2
        assert "No description" not in html
        assert "Data sintetis untuk latihan" in teks


def test_html_menyebut_wilayah(bangun):
    for h in bangun.hasil:
        html = (bangun.folder / f"{h.pekerjaan.nama}.html").read_text(encoding="utf-8")
        if h.pekerjaan.tingkat == "provinsi":
            assert f"Provinsi {h.pekerjaan.parameter['provinsi']}" in html
        else:
            assert f"Kecamatan {KECAMATAN}" in html
            assert "Kabupaten Semarang" in html


def test_angka_html_sama_dengan_hitungan_pembantu(bangun):
    data = muat_indikator()
    tahun = int(data["tahun"].max())
    for h in bangun.hasil:
        html = (bangun.folder / f"{h.pekerjaan.nama}.html").read_text(encoding="utf-8")
        sel = _angka_kunci_html(html)
        if h.pekerjaan.tingkat == "provinsi":
            prov = wilayah.cari_provinsi(h.pekerjaan.parameter["provinsi"])
            capaian = hitung_capaian(data, "provinsi", tahun=tahun)
            capaian = capaian[capaian["kode_wilayah"] == prov.kode]
        else:
            kec = wilayah.cari_kecamatan(KECAMATAN)
            capaian = hitung_capaian(data, "kecamatan", tahun=tahun)
            capaian = capaian[capaian["kode_wilayah"] == kec.kode]
            kab = hitung_capaian(data, "kabupaten", tahun=tahun)
            kab = kab[kab["kode_wilayah"] == kec.kabupaten.kode].set_index("indikator")
        capaian = capaian.set_index("indikator")
        assert set(sel) == {i.kode for i in DAFTAR_INDIKATOR}
        for kode, kolom in sel.items():
            assert kolom["wilayah"] == persen(capaian.loc[kode, "capaian"], 1), (h, kode)
            if h.pekerjaan.tingkat == "kecamatan":
                assert kolom["kabupaten"] == persen(kab.loc[kode, "capaian"], 1)


def test_pdf_a4_halaman_gambar_dan_teks(bangun):
    for h in bangun.hasil:
        pdf = PdfReader(bangun.folder / f"{h.pekerjaan.nama}.pdf")
        batas = handout.BATAS_HALAMAN[h.pekerjaan.tingkat]
        assert 2 <= len(pdf.pages) <= batas, (h.pekerjaan.nama, len(pdf.pages))
        assert h.halaman == len(pdf.pages)
        for hal in pdf.pages:
            assert float(hal.mediabox.width) == pytest.approx(A4[0], abs=1)
            assert float(hal.mediabox.height) == pytest.approx(A4[1], abs=1)
        gambar = sum(len(hal.images) for hal in pdf.pages)
        assert gambar >= 2, h.pekerjaan.nama
        teks = " ".join(hal.extract_text() for hal in pdf.pages)
        nama = h.pekerjaan.parameter["provinsi"] if h.pekerjaan.tingkat == "provinsi" else KECAMATAN
        assert nama in teks
        assert "Data sintetis untuk latihan" in teks


def test_tabel_pdf_tidak_melewati_tepi_halaman(bangun):
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure import boxes

    for h in bangun.hasil:
        html = (bangun.folder / f"{h.pekerjaan.nama}.html").read_text(encoding="utf-8")
        dokumen = weasyprint.HTML(string=html).render()
        for hal in dokumen.pages:
            halaman = hal._page_box  # API dalam WeasyPrint: kotak tata letak setiap halaman
            kanan = halaman.content_box_x() + halaman.width
            for kotak in halaman.descendants():
                if isinstance(kotak, boxes.TableBox):
                    assert kotak.position_x + kotak.margin_width() <= kanan + 1, h.pekerjaan.nama


def test_tabel_panjang_pindah_halaman_dengan_kepala_berulang(tmp_path):
    """Tabel 120 baris lewat templat cetak: terbagi ke beberapa halaman, kepala di setiap halaman."""
    weasyprint = pytest.importorskip("weasyprint")
    from weasyprint.formatting_structure import boxes

    baris = "".join(f"<tr><td>Desa {i}</td><td>{i},5%</td></tr>" for i in range(120))
    tabel = (
        f"<table><thead><tr><th>Desa</th><th>Nilai</th></tr></thead><tbody>{baris}</tbody></table>"
    )
    nb = new_notebook(cells=[new_code_cell("tabel_panjang()")])
    nb.cells[0].outputs = [
        nbformat.v4.new_output("execute_result", data={"text/html": tabel}, execution_count=1)
    ]
    html = handout.ke_html(nb, "uji")
    dokumen = weasyprint.HTML(string=html).render()
    assert len(dokumen.pages) >= 2
    for hal in dokumen.pages:
        kepala = [
            k
            for k in hal._page_box.descendants()
            if isinstance(k, boxes.TableRowGroupBox) and k.is_header
        ]
        assert kepala, "kepala tabel tidak diulang di halaman berikutnya"
    tujuan = tmp_path / "uji.pdf"
    n = handout.ke_pdf(html, tujuan)
    assert n == len(PdfReader(tujuan).pages) == len(dokumen.pages)


def test_gambar_png_tanpa_metadata_url(bangun):
    html = (bangun.folder / f"{bangun.hasil[0].pekerjaan.nama}.html").read_text(encoding="utf-8")
    for isi in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", html):
        png = base64.b64decode(isi)
        assert png.startswith(b"\x89PNG")
        assert b"http" not in png and b"matplotlib.org" not in png


# --------------------------------------------------------------------------- memilih handout


def test_susun_pekerjaan_provinsi_dan_kecamatan():
    semua = handout.susun_pekerjaan(semua=True)
    assert [p.parameter["provinsi"] for p in semua] == sorted(
        PROVINSI, key=lambda n: wilayah.cari_provinsi(n).kode
    )
    kec = handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    assert len(kec) == 93 == len({p.nama for p in kec})
    assert all(p.tingkat == "kecamatan" and p.parameter["kecamatan"] for p in kec)
    dua = handout.susun_pekerjaan(["Jateng", "NTT"])
    assert [p.parameter["provinsi"] for p in dua] == ["Jawa Tengah", "Nusa Tenggara Timur"]
    satu = handout.susun_pekerjaan(kecamatan=["getasan"], tahun=2023)
    assert satu[0].nama == "kecamatan_33.22.01_getasan_2023"
    assert satu[0].parameter == {
        "provinsi": "Jawa Tengah",
        "kabupaten": "Kabupaten Semarang",
        "kecamatan": "33.22.01",
        "tahun": 2023,
    }
    kab = handout.susun_pekerjaan(tingkat="kecamatan", kabupaten="Banjar")
    assert len(kab) == len(wilayah.daftar_kecamatan("Kalsel"))


def test_provinsi_tidak_dikenal_menyebut_pilihan():
    with pytest.raises(WilayahTidakDikenal) as galat:
        handout.susun_pekerjaan(["Jawa Barat"])
    pesan = str(galat.value)
    assert "Jawa Barat" in pesan and "tidak dikenal" in pesan
    for nama in PROVINSI:
        assert nama in pesan


def test_kecamatan_tidak_dikenal_menyebut_pilihan():
    with pytest.raises(WilayahTidakDikenal) as galat:
        handout.susun_pekerjaan(kecamatan=["Getasn"])
    pesan = str(galat.value)
    assert "Getasan" in pesan and "Tengaran" in pesan and "Kot'olin" in pesan


def test_argumen_lain_yang_salah():
    with pytest.raises(GalatP3PD, match="Tahun 1999 tidak ada di data.*2024"):
        handout.susun_pekerjaan(semua=True, tahun=1999)
    with pytest.raises(GalatP3PD, match="Sebutkan provinsi.*Jawa Tengah"):
        handout.susun_pekerjaan()
    with pytest.raises(GalatP3PD, match="bukan di"):
        handout.susun_pekerjaan(["Jawa Tengah"], kabupaten="Banjar")
    with pytest.raises(GalatP3PD, match="Format pdfx tidak dikenal"):
        handout.bangun_handout([], format=("pdfx",))


def test_cli_galat_berbahasa_indonesia(capsys):
    from p3pd.cli import main

    kode = main(["handout", "Atlantis"])
    galat = capsys.readouterr().err
    assert kode == 2
    assert galat.startswith("PESAN KESALAHAN: Provinsi 'Atlantis' tidak dikenal.")
    assert "Pilihan yang sah: " in galat and "Kalimantan Selatan" in galat
    assert "Traceback" not in galat


# --------------------------------------------------------------------------- mesin pembangun


def test_gagal_terisolasi_dan_kernel_hangat(tmp_path):
    """Satu kernel (satu pekerja) untuk tujuh handout: galat, kernel mati, dan tanpa gambar tidak menular."""
    isi = (
        "if provinsi == 'galat':\n    raise ValueError('sengaja gagal')\n"
        "if provinsi == 'mati':\n    import os; os._exit(1)\n"
    )
    templat = templat_kecil(tmp_path, isi)
    nama = ["a", "galat", "b", "mati", "c", "tanpa_gambar", "d"]
    keluaran = tmp_path / "keluar"
    r = handout.bangun_handout(
        [_p(n, n) for n in nama],
        keluaran=keluaran,
        templat=templat,
        pekerja=1,
        format=("html",),
        progres=False,
    )
    berhasil = {h.pekerjaan.nama for h in r.dibangun}
    assert berhasil == {"a", "b", "c", "d"}, r.teks()
    pesan = {h.pekerjaan.nama: h.pesan for h in r.gagal}
    assert pesan["galat"] == "ValueError: sengaja gagal"
    assert "DeadKernelError" in pesan["mati"]
    assert "tidak berisi gambar" in pesan["tanpa_gambar"]
    assert sorted(p.name for p in keluaran.glob("*.html")) == [f"{n}.html" for n in "abcd"]
    gagal = nbformat.read(keluaran / "galat.GAGAL.ipynb", as_version=4)
    assert gagal.metadata["papermill"]["exception"] is True
    assert "ValueError" in nbformat.writes(gagal)
    assert (keluaran / "tanpa_gambar.GAGAL.ipynb").exists()
    assert not (keluaran / "galat.html").exists()
    # parameter papermill sampai ke handout
    assert "Wilayah: <strong>c</strong>" in (keluaran / "c.html").read_text(encoding="utf-8")


def _pid_kernel(berkas: Path) -> int:
    return int(re.search(r"\(kernel (\d+)\)", berkas.read_text(encoding="utf-8")).group(1))


def test_kernel_hangat_dipakai_ulang_dan_diganti_setelah_gagal(tmp_path):
    templat = templat_kecil(tmp_path, "if provinsi == 'galat':\n    raise ValueError('x')\n")
    keluaran = tmp_path / "keluar"
    keluaran.mkdir()
    (keluaran / "a.GAGAL.ipynb").write_text("{}", encoding="utf-8")  # sisa kegagalan lama
    r = handout.bangun_handout(
        [_p(n, n) for n in ("a", "b", "c", "galat", "d")],
        keluaran=keluaran,
        templat=templat,
        pekerja=1,
        format=("html",),
        progres=False,
    )
    assert [h.pekerjaan.nama for h in r.gagal] == ["galat"]
    pid = {n: _pid_kernel(keluaran / f"{n}.html") for n in "abcd"}
    assert pid["a"] == pid["b"] == pid["c"]  # satu kernel hangat untuk tiga handout
    assert pid["d"] != pid["c"]  # kernel baru setelah kegagalan
    assert not (keluaran / "a.GAGAL.ipynb").exists()  # dibersihkan karena kini berhasil
    assert (keluaran / "galat.GAGAL.ipynb").exists()


def test_tanpa_weasyprint_html_tetap_dibuat(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # impor weasyprint gagal
    pesan = handout.periksa_weasyprint()
    assert pesan is not None
    assert "pip install weasyprint" in pesan and "conda install -c conda-forge weasyprint" in pesan
    templat = templat_kecil(tmp_path)
    r = handout.bangun_handout(
        [_p("a")], keluaran=tmp_path / "k", templat=templat, pekerja=1, progres=False
    )
    assert not r.gagal
    assert [b.name for b in r.dibangun[0].berkas] == ["a.html"]
    assert not (tmp_path / "k" / "a.pdf").exists()
    assert r.catatan_pdf == pesan and pesan in r.teks()


@pytest.mark.skipif(os.name != "posix", reason="memeriksa proses lewat os.kill hanya di POSIX")
def test_bersihkan_sisa_proses_mati(tmp_path):
    proses = subprocess.Popen([sys.executable, "-c", "pass"])
    proses.wait()
    mati = tmp_path / f".a.html.{proses.pid}.0123abcd.tmp"
    hidup = tmp_path / f".b.html.{os.getpid()}.0123abcd.tmp"
    lain = tmp_path / ".catatan.tmp"
    for b in (mati, hidup, lain):
        b.write_text("x")
    assert handout.bersihkan_sisa(tmp_path) == [mati]
    assert hidup.exists() and lain.exists()


def _turunan(pid: int) -> set[int]:
    """Semua proses turunan ``pid`` (Linux, lewat /proc): pekerja, forkserver, dan kernel."""
    anak: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                induk = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            anak.setdefault(induk, []).append(int(d.name))
    hasil, antre = set(), [pid]
    while antre:
        for a in anak.get(antre.pop(), []):
            hasil.add(a)
            antre.append(a)
    return hasil


def _hidup(pid: int) -> bool:
    try:
        keadaan = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return keadaan != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="perlu /proc (Linux)")
@pytest.mark.parametrize("sinyal", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_penghentian_tidak_meninggalkan_berkas_setengah_jadi(tmp_path, sinyal):
    """Ctrl-C (SIGINT ke grup proses), kill (SIGTERM) atau kill -9 ke induk di tengah pembangunan.

    Berkas yang sudah ada selalu utuh, tidak ada berkas sementara, dan tidak ada proses pekerja
    atau kernel yang tertinggal.
    """
    templat = templat_kecil(tmp_path, tidur=0.4)
    keluaran = tmp_path / "keluar"
    perintah = [
        sys.executable, "-m", "p3pd.cli", "handout", "--semua", "--tingkat", "kecamatan",
        "--templat", str(templat), "--keluaran", str(keluaran), "--pekerja", "2",
        "--tanpa-progres",
    ]  # fmt: skip
    proses = subprocess.Popen(
        perintah,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        cwd=tmp_path,
    )
    batas = time.monotonic() + 120
    while not list(keluaran.glob("*.pdf")) and time.monotonic() < batas:
        assert proses.poll() is None, proses.communicate()
        time.sleep(0.05)
    assert list(keluaran.glob("*.pdf")), "tidak ada handout yang jadi sebelum batas waktu"
    turunan = _turunan(proses.pid)
    assert len(turunan) >= 4  # dua pekerja dan dua kernel
    if sinyal == "SIGINT":
        os.killpg(proses.pid, signal.SIGINT)
    else:
        proses.send_signal(getattr(signal, sinyal))
    _, galat = proses.communicate(timeout=60)
    if sinyal == "SIGKILL":
        assert proses.returncode == -signal.SIGKILL
    else:
        assert proses.returncode == 130, galat.decode()
        assert "Dihentikan" in galat.decode()
    batas = time.monotonic() + 30
    while any(_hidup(p) for p in turunan) and time.monotonic() < batas:
        time.sleep(0.2)
    assert not [p for p in turunan if _hidup(p)], "proses pekerja/kernel tertinggal"
    assert not list(keluaran.glob(".*.tmp"))
    html = sorted(keluaran.glob("*.html"))
    pdf = sorted(keluaran.glob("*.pdf"))
    assert 0 < len(pdf) < 93
    for b in html:
        assert b.read_text(encoding="utf-8").rstrip().endswith("</html>")
    for b in pdf:
        assert len(PdfReader(b).pages) >= 1


def test_cli_keluar_satu_bila_ada_yang_gagal(tmp_path, capsys):
    isi = "if provinsi == 'Nusa Tenggara Timur':\n    raise RuntimeError('data NTT rusak')\n"
    templat = templat_kecil(tmp_path, isi)
    parser = argparse.ArgumentParser()
    handout_cli.daftar_argumen(parser)
    args = parser.parse_args(
        [
            "--semua",
            "--templat",
            str(templat),
            "--keluaran",
            str(tmp_path / "k"),
            "--format",
            "html",
        ]
        + ["--tanpa-progres"]
    )
    assert handout_cli.jalankan(args) == 1
    keluar = capsys.readouterr().out
    assert "3 handout dibangun, 1 gagal" in keluar
    assert "provinsi_nusa-tenggara-timur_2024: RuntimeError: data NTT rusak" in keluar
    assert "provinsi_nusa-tenggara-timur_2024.GAGAL.ipynb" in keluar
    assert len(list((tmp_path / "k").glob("*.html"))) == 3


def test_templat_notebook_berparameter():
    nb = nbformat.read(handout.templat_notebook(), as_version=4)
    tag = [c.metadata.get("tags", []) for c in nb.cells]
    parameter = [c for c, t in zip(nb.cells, tag, strict=True) if "parameters" in t]
    assert len(parameter) == 1
    for nama in ("provinsi", "kabupaten", "kecamatan", "tahun"):
        assert re.search(rf"^{nama} = ", parameter[0].source, flags=re.M)
    # sel kode yang tampil di handout hanya memanggil fungsi p3pd.laporan (sel kecil)
    for c, t in zip(nb.cells, tag, strict=True):
        if c.cell_type == "code" and not set(t) & set(handout.TAG_DIBUANG):
            assert len(c.source.splitlines()) <= 2, c.source


def test_templat_sebagai_notebook_biasa_berisi_gambar(monkeypatch):
    """Dijalankan seperti nbval/JupyterLab (tanpa pembangun handout), grafik tetap berupa gambar."""
    from p3pd.notebook import jalankan_notebook

    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = jalankan_notebook(handout.templat_notebook(), simpan=False)
    assert handout.jumlah_gambar(nb) == 2
    teks = nbformat.writes(nb)
    assert "Provinsi Jawa Tengah" in teks and '"output_type": "error"' not in teks


def test_kernel_yang_mati_saat_menyala_dicoba_sekali_lagi(tmp_path, monkeypatch):
    kernel = handout.KernelHangat(tmp_path)
    try:
        asli = kernel._klien
        panggilan = []

        def klien_sekali_gagal():
            panggilan.append(1)
            if len(panggilan) == 1:
                raise RuntimeError("Kernel died before replying to kernel_info")
            return asli()

        monkeypatch.setattr(kernel, "_klien", klien_sekali_gagal)
        kernel.siapkan()  # percobaan kedua berhasil
        assert len(panggilan) == 2 and kernel.kc is not None

        panggilan.clear()
        monkeypatch.setattr(kernel, "_klien", lambda: (_ for _ in ()).throw(RuntimeError("mati")))
        with pytest.raises(RuntimeError, match="mati"):
            kernel.siapkan()  # gagal dua kali → galat diteruskan
    finally:
        kernel.tutup()


def test_saringan_kode_besar_diingat_tanpa_basi():
    """``_di`` mengingat kolom kode besar sebagai larik teks; hasilnya sama dengan pandas dan
    tidak basi bila kolom yang sama diubah di tempat."""
    import pandas as pd

    from p3pd.laporan_dasar import _di

    kode = [f"33.22.{k:02d}.{d:04d}" for k in range(1, 11) for d in range(2001, 2701)]
    tabel = pd.DataFrame({"kode_desa": pd.Series(kode, dtype="str"), "nilai": 1})
    for awalan in ("33", "33.22.01", "33.22.10", "33.22.1", "35"):
        harap = tabel["kode_desa"].str.startswith(awalan)
        pd.testing.assert_series_equal(_di(tabel["kode_desa"], awalan), harap, check_names=False)
    assert not _di(tabel["kode_desa"], "35").any()
    tabel.loc[0, "kode_desa"] = "35.79.01.2001"  # kolom yang sama diubah di tempat
    assert _di(tabel["kode_desa"], "35").tolist() == [True] + [False] * (len(tabel) - 1)
    assert _di(tabel["kode_desa"], "33").sum() == len(tabel) - 1


def test_kernel_hangat_tidak_menyimpan_grafik_handout_sebelumnya(tmp_path):
    """Hasil sel (mis. grafik handout) yang disimpan IPython sebagai ``_N`` tidak menumpuk:
    tanpa ini kernel bertambah ±5 MB per handout dan batch 1.007 kecamatan kehabisan memori."""
    from p3pd.kernel_hangat import KernelHangat, daftarkan_mesin

    templat = templat_kecil(tmp_path)
    nb = nbformat.read(templat, as_version=4)
    nb.cells.append(
        new_code_cell(
            "fig = plt.figure(figsize=(2, 1))\nplt.close(fig)\nfig.subplots().plot([1, 2])\nfig"
        )
    )
    nbformat.write(nb, templat)
    kernel = KernelHangat(tmp_path)
    daftarkan_mesin()
    try:
        for provinsi in ("a", "b", "c", "d"):
            hasil, galat = kernel.jalankan(templat, {"provinsi": provinsi})
            assert galat is None
        assert "image/png" in hasil.cells[-1].outputs[0]["data"]
        kernel.siapkan()  # seperti sebelum handout berikutnya
        teks: list[str] = []
        kernel._sinkron(kernel.kc.execute_interactive)(
            "import gc, re\n"
            "ip = get_ipython()\n"
            "gc.collect()\n"  # sisa siklus rujukan dibuang; yang masih dirujuk tetap terhitung
            "print(sum(type(o).__name__ == 'Figure' for o in gc.get_objects()),"
            " sorted(n for n in ip.user_ns if re.fullmatch(r'_i?\\d+', n)))",
            store_history=False,
            timeout=60,
            output_hook=lambda m: teks.append(m["content"].get("text", "")),
        )
    finally:
        kernel.tutup()
    jumlah, nama = "".join(teks).strip().split(" ", 1)
    assert nama == "[]"
    # paling banyak grafik handout terakhir yang masih dirujuk IPython (hasil eksekusi terakhir);
    # sebelum diperbaiki: satu grafik per handout (di sini 4) tetap hidup
    assert int(jumlah) <= 1, f"{jumlah} grafik handout sebelumnya masih hidup di kernel"
