"""Jalur data sendiri dari awal sampai akhir, seperti README untuk kecamatan di luar wilayah latihan.

Folder uji dibuat ``tests/data_sendiri.py`` (Kecamatan Batu, Kota Batu; lihat docstring-nya
untuk apa yang nyata dan apa yang diisi untuk uji).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
import yaml
from data_sendiri import (
    CATATAN_ISIAN,
    INDIKATOR_ISIAN,
    KODE_DESA,
    KODE_KELURAHAN,
    PEMANGKU_ISIAN,
    PEMILIK,
    PROGRAM_DESA_ISIAN,
    PROGRAM_ISIAN,
    SAMPEL_PODES,
    SISKEUDES_ISIAN,
    TINDAK_LANJUT_ISIAN,
    USULAN_ISIAN,
    buat_batu_lengkap,
    buat_batu_sebagian,
)

from p3pd.cli import main
from p3pd.kerja import notebook_pelajaran
from p3pd.label import label_data
from p3pd.muat import muat_folder
from p3pd.muat_antartabel import periksa_antartabel
from p3pd.notebook import jalankan_notebook

TABEL_SEBAGIAN = {"wilayah", "fasilitas", "indikator"}
TABEL_LENGKAP = TABEL_SEBAGIAN | {
    "belanja",
    "belanja_kegiatan",
    "pendapatan",
    "usulan",
    "usulan_tindak_lanjut",
    "program",
    "program_desa",
    "pemangku",
    "terbitan",
}


@pytest.mark.parametrize(
    ("buat", "harapan"),
    [(buat_batu_sebagian, TABEL_SEBAGIAN), (buat_batu_lengkap, TABEL_LENGKAP)],
)
def test_folder_uji_batu_lolos_pemuat_dan_antartabel(tmp_path: Path, buat, harapan):
    folder = buat(tmp_path / "batu")
    data = muat_folder(folder)
    assert set(data) == harapan
    assert periksa_antartabel(data, {}) == []
    assert data["wilayah"].attrs["catatan_antartabel"] == []
    assert set(data["wilayah"]["kode_desa"]) == {KODE_DESA, KODE_KELURAHAN}
    assert set(data["wilayah"]["kode_kecamatan"]) == {"35.79.01"}
    label = label_data(folder)
    assert not label.sintetis
    assert label.teks.startswith(f"Data milik {PEMILIK}, sumber: BPS, Pendataan Potensi Desa")
    assert "diisi untuk uji, bukan angka nyata" in label.teks
    for nama in ("belanja", "belanja_kegiatan", "pendapatan"):
        if nama in data:
            assert set(data[nama]["kode_desa"]) == {KODE_DESA}, "APBDes hanya untuk desa"


def test_apbdes_uji_dari_preset_siskeudes_konsisten(tmp_path: Path):
    data = muat_folder(buat_batu_lengkap(tmp_path / "batu"))
    belanja, kegiatan = data["belanja"], data["belanja_kegiatan"]
    sub11 = belanja.loc[belanja["kode_sub_bidang"] == "1.1"].iloc[0]
    assert sub11["anggaran"] == kegiatan["anggaran"].sum() == 735_000_000
    assert sub11["realisasi"] == kegiatan["realisasi"].sum() == 722_300_000
    assert (belanja["realisasi"] <= belanja["anggaran"]).all()
    assert sorted(belanja["kode_sub_bidang"]) == [
        "1.1", "1.3", "2.1", "2.2", "2.3", "2.4", "3.2", "4.5", "5.3"
    ]  # fmt: skip
    assert data["pendapatan"].iloc[0]["dana_desa"] == 1_050_000_000


# ---------------------------------------------------------------- jalur README dari awal sampai akhir
#
# Tim Kecamatan Batu (Kota Batu, di luar empat kabupaten latihan) mengikuti README bagian "Data
# sendiri": berkas publik di folder unduhan → `p3pd impor` (Podes nyata, ekspor APBDes bergaya
# Siskeudes) → template yang diisi sendiri (indikator, usulan, program, pemangku) → `p3pd
# ringkasan --data` → `p3pd kerja` → setiap salinan notebook 01–09 dijalankan → `p3pd handout
# --data`. Berkas masukan tidak boleh berubah dan label data sendiri tampil di mana-mana.

PEMILIK_README = "Kecamatan Batu, Kota Batu"
KATA_SINTETIS = re.compile(r"sintetis|data latihan", re.I)


def _sidik(folder: Path) -> dict[str, str]:
    return {
        str(b.relative_to(folder)): hashlib.sha256(b.read_bytes()).hexdigest()
        for b in sorted(folder.rglob("*"))
        if b.is_file()
    }


@dataclass
class Alur:
    """Keadaan jalur README yang dibagi semua uji modul ini."""

    unduhan: Path
    data: Path
    kerja: Path
    sidik_unduhan: dict[str, str]
    sidik_data: dict[str, str] = field(default_factory=dict)
    keluaran: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="module")
def alur(tmp_path_factory: pytest.TempPathFactory) -> Alur:
    """Langkah 1–5 README: unduhan → impor → template sendiri → ringkasan → kerja."""
    akar = tmp_path_factory.mktemp("alur")
    unduhan = akar / "unduhan"
    unduhan.mkdir()
    podes = unduhan / "podes_kecamatan.csv"
    shutil.copyfile(SAMPEL_PODES, podes)
    siskeudes = unduhan / "realisasi_apbdes_2024.csv"
    siskeudes.write_text(SISKEUDES_ISIAN, encoding="utf-8")
    sidik_unduhan = _sidik(unduhan)
    data = akar / "data_kami"
    hasil = Alur(unduhan, data, akar / "kerja_saya" / "batu", sidik_unduhan)

    def jalankan(nama: str, argumen: list[str]) -> None:
        buffer_out, buffer_err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(buffer_out), contextlib.redirect_stderr(buffer_err):
            kode = main(argumen)
        hasil.keluaran[nama] = buffer_out.getvalue() + buffer_err.getvalue()
        assert kode == 0, f"p3pd {nama} gagal ({kode}):\n{hasil.keluaran[nama]}"

    jalankan("impor_podes", ["impor", str(podes), "--preset", "podes_fasilitas",
                             "--keluar", str(data), "--pemilik", PEMILIK_README])  # fmt: skip
    jalankan("impor_siskeudes", ["impor", str(siskeudes), "--preset", "siskeudes_apbdes",
                                 "--keluar", str(data), "--pemilik", PEMILIK_README,
                                 "--sumber-data", f"Realisasi APBDes 2024 ({CATATAN_ISIAN})"])  # fmt: skip
    for nama, isi in (
        ("indikator_desa.csv", INDIKATOR_ISIAN),
        ("usulan_desa.csv", USULAN_ISIAN),
        ("usulan_tindak_lanjut.csv", TINDAK_LANJUT_ISIAN),
        ("program_opd.csv", PROGRAM_ISIAN),
        ("program_desa.csv", PROGRAM_DESA_ISIAN),
        ("pemangku_kepentingan.csv", PEMANGKU_ISIAN),
    ):
        (data / nama).write_text(isi, encoding="utf-8")
    label = yaml.safe_load((data / "SUMBER_DATA.yaml").read_text(encoding="utf-8"))
    label["sumber"] += f"; indikator, usulan, program, dan pemangku {CATATAN_ISIAN}"
    (data / "SUMBER_DATA.yaml").write_text(yaml.safe_dump(label, allow_unicode=True), "utf-8")
    hasil.sidik_data = _sidik(data)
    jalankan("periksa", ["periksa", str(data / "indikator_desa.csv")])
    jalankan("ringkasan", ["ringkasan", "--data", str(data)])
    jalankan("kerja", ["kerja", "--data", str(data), "--kecamatan", "Batu", "--tanpa-buka",
                       "--folder-kerja", str(hasil.kerja)])  # fmt: skip
    return hasil


def test_impor_menulis_template_berlabel_data_sendiri(alur: Alur):
    data = muat_folder(alur.data)
    assert {"wilayah", "fasilitas", "belanja", "belanja_kegiatan", "pendapatan"} <= set(data)
    assert set(data["belanja"]["kode_desa"]) == {KODE_DESA}
    label = label_data(alur.data)
    assert not label.sintetis
    assert label.teks.startswith(f"Data milik {PEMILIK_README}, sumber: BPS, Pendataan Potensi")
    for nama in ("impor_podes", "impor_siskeudes"):
        assert "LAPORAN_IMPOR" in alur.keluaran[nama]
    assert (alur.data / "LAPORAN_IMPOR_podes_fasilitas.md").is_file()
    assert (alur.data / "LAPORAN_IMPOR_siskeudes_apbdes.md").is_file()
    assert _sidik(alur.unduhan) == alur.sidik_unduhan


def test_periksa_menerima_tabel_yang_diisi_sendiri(alur: Alur):
    assert "indikator_desa.csv" in alur.keluaran["periksa"]
    assert not KATA_SINTETIS.search(alur.keluaran["periksa"])


def test_ringkasan_berlabel_data_sendiri_tanpa_kata_sintetis(alur: Alur):
    teks = alur.keluaran["ringkasan"]
    assert f"Data milik {PEMILIK_README}" in teks
    assert not KATA_SINTETIS.search(teks), teks
    assert "BATU" in teks.upper()


def test_kerja_menulis_semua_salinan_pelajaran(alur: Alur):
    nama = sorted(b.name for b in alur.kerja.glob("*.ipynb"))
    assert nama == [b.name for b in notebook_pelajaran()]
    assert [n[:2] for n in nama] == [f"{i:02d}" for i in range(1, 10)]


def _ekspor_ke(nb: nbformat.NotebookNode, folder: Path) -> None:
    """Arahkan ekspor ``folder_kerja()`` salinan ini ke ``folder`` (bukan kerja_saya/ proyek).

    Sel baru disisipkan tepat setelah sel impor pertama, sehingga berkas Excel yang ditulis
    pelajaran (02, 07, 08, …) tidak tercampur dengan kerja_saya/ di repositori.
    """
    folder.mkdir(parents=True, exist_ok=True)
    sel = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "import" in c.source]
    kode = (
        "import pathlib as _pl\nimport p3pd.notebook as _nb\n"
        f"_nb.folder_kerja = lambda: _pl.Path({str(folder)!r})\n"
        "folder_kerja = _nb.folder_kerja"
    )
    nb.cells.insert(sel[0] + 1, nbformat.v4.new_code_cell(kode))


@pytest.mark.parametrize("nama", [b.name for b in notebook_pelajaran()], ids=lambda n: n[:2])
def test_salinan_pelajaran_berjalan_atas_data_sendiri(alur: Alur, nama: str, tmp_path: Path):
    # di folder yang sama dengan salinannya: jalur relatif (data/contoh_berantakan) tetap sah
    salinan = alur.kerja / f"uji_{nama}"
    nb = nbformat.read(alur.kerja / nama, as_version=4)
    _ekspor_ke(nb, tmp_path / "kerja_saya")
    nbformat.write(nb, salinan)
    try:
        nb = jalankan_notebook(salinan, batas_waktu=300, simpan=False)
    finally:
        salinan.unlink()
    keluaran = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in keluaran if o.get("output_type") == "error"]
    teks = json.dumps(keluaran, ensure_ascii=False)
    temuan = sorted({m.group(0) for m in KATA_SINTETIS.finditer(teks)})
    assert not temuan, f"{nama}: keluaran menyebut {temuan} padahal datanya data sendiri"
    assert _sidik(alur.data) == alur.sidik_data


@pytest.fixture(scope="module")
def handout(alur: Alur, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Langkah terakhir README: ``p3pd handout --data F --kecamatan Batu`` (HTML dan PDF)."""
    keluaran = tmp_path_factory.mktemp("handout")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        kode = main(["handout", "--data", str(alur.data), "--kecamatan", "Batu",
                     "--keluaran", str(keluaran), "--tanpa-progres"])  # fmt: skip
    assert kode == 0, buffer.getvalue()
    return keluaran, buffer.getvalue()


def test_handout_kecamatan_atas_data_sendiri(alur: Alur, handout: tuple[Path, str]):
    keluaran, _ = handout
    html = sorted(keluaran.rglob("*.html"))
    pdf = sorted(keluaran.rglob("*.pdf"))
    assert len(html) == 1 and len(pdf) == 1, sorted(keluaran.rglob("*"))
    assert pdf[0].read_bytes().startswith(b"%PDF")
    isi = html[0].read_text(encoding="utf-8")
    assert f"Data milik {PEMILIK_README}" in isi
    assert "BATU" in _teks_tampil(isi).upper()
    assert _sidik(alur.data) == alur.sidik_data
    assert _sidik(alur.unduhan) == alur.sidik_unduhan


def _teks_tampil(html: str) -> str:
    """Teks yang dilihat pembaca handout: tanpa <style>/<script>, tag diganti spasi, ``alt`` ikut."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S | re.I)
    alt = " ".join(re.findall(r'\balt="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", html) + " " + alt


def test_handout_data_sendiri_tanpa_kata_sintetis(handout: tuple[Path, str]):
    isi = next(handout[0].rglob("*.html")).read_text(encoding="utf-8")
    temuan = sorted({m.group(0) for m in KATA_SINTETIS.finditer(_teks_tampil(isi))})
    assert not temuan, f"handout menyebut {temuan} padahal datanya data sendiri"


def _perintah_readme() -> list[str]:
    """Perintah ``p3pd …`` di bagian README "Memakai data desa sendiri" (blok kode dan `…`)."""
    teks = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    bagian = teks.split("## Memakai data desa sendiri", 1)[1].split("\n## ", 1)[0]
    blok = re.findall(r"```bash\n(.*?)```", bagian, flags=re.S)
    baris = [b.strip() for isi in blok for b in isi.splitlines() if b.strip()]
    sebaris = re.findall(r"`(p3pd [^`]+)`", re.sub(r"\s*\n\s*", " ", bagian))
    # nama perintah saja di kalimat (`p3pd kerja`) bukan perintah yang diketik
    return [b for b in baris + sebaris if b.startswith("p3pd ") and len(b.split()) > 2]


def test_perintah_readme_data_sendiri_sah_dan_sama_dengan_jalur_uji():
    from p3pd.cli import _parser

    perintah = _perintah_readme()
    dipakai = set()
    for baris in perintah:
        argumen = shlex.split(baris.replace("\\", "/"))[1:]
        args = _parser().parse_args(argumen)  # SystemExit bila perintah README tidak sah
        dipakai.add(argumen[0])
        if "--preset" in argumen:
            assert args.preset in {"podes_fasilitas", "idm", "siskeudes_apbdes"}, baris
    # jalur README = jalur uji ini: impor → ringkasan → kerja → handout, semuanya dengan --data
    assert {"impor", "ringkasan", "kerja", "handout", "periksa"} <= dipakai
    for sub in ("ringkasan", "kerja", "handout"):
        assert any(b.startswith(f"p3pd {sub} --data ") for b in perintah), sub
    assert not any("P3PD_DATA=" in b or b.endswith("\\") for b in perintah)


def test_apbdes_nyata_desa_lebih_sampai_notebook_05(tmp_path: Path, capsys, monkeypatch):
    """Laporan realisasi APBDes nyata (Desa Lebih, Kecamatan Gianyar, Bali) → impor → ringkasan →
    kerja → salinan notebook 05 (belanja desa) berjalan dan menampilkan desa itu."""
    sampel = Path(__file__).parent / "data_nyata" / "realisasi_apbdes_desa_lebih_2023_cuplikan.csv"
    unduhan = tmp_path / "unduhan"
    unduhan.mkdir()
    sumber = unduhan / "realisasi_apbdes_2023.csv"
    shutil.copyfile(sampel, sumber)
    data = tmp_path / "data_kami"  # belum ada daftar desa: dibuat dari daftar nasional
    sidik = _sidik(unduhan)
    pemilik = ["--pemilik", "Kecamatan Gianyar, Kabupaten Gianyar"]
    assert main(["impor", str(unduhan), "--preset", "siskeudes_apbdes", "--keluar", str(data),
                 *pemilik]) == 0  # fmt: skip
    assert not KATA_SINTETIS.search(capsys.readouterr().out)
    assert main(["ringkasan", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Data milik Kecamatan Gianyar" in out and not KATA_SINTETIS.search(out)
    kerja = tmp_path / "kerja"
    assert main(["kerja", "--data", str(data), "--kecamatan", "Gianyar", "--tanpa-buka",
                 "--folder-kerja", str(kerja)]) == 0  # fmt: skip
    nama = next(b.name for b in notebook_pelajaran() if b.name.startswith("05_"))
    nb = nbformat.read(kerja / nama, as_version=4)
    _ekspor_ke(nb, tmp_path / "ekspor")
    nbformat.write(nb, tmp_path / nama)
    hasil = jalankan_notebook(tmp_path / nama, batas_waktu=300, simpan=False)
    teks = json.dumps([c.get("outputs", []) for c in hasil.cells], ensure_ascii=False)
    assert "Lebih" in teks
    # angka kecamatan dari 1 dari 12 desa Kecamatan Gianyar: disebut, bukan angka kecamatan utuh
    assert "Porsi layanan dasar Kecamatan Gianyar 2023 (1 dari 12 desa berdata)" in teks
    assert "Kecamatan Gianyar 2023 (1 dari 12 desa berdata)" in teks.split("Dana Desa = ")[1][:200]
    assert (
        "Rata-rata realisasi Dana Desa per desa, Gianyar 2023 (data sendiri) (1 dari 12 desa berdata)"
        in teks
    )
    # peringatan impor (bidang 5.3 tanpa rincian sub-bidang) diulang di samping porsi kecamatan
    # (juga di bawah hitungan batas 30 %: total belanja yang kurang membesarkan porsinya)
    assert teks.count("⚠ Peringatan impor apbdes_belanja.csv") == 2
    ulang = teks.split("⚠ Peringatan impor apbdes_belanja.csv")[1][:700]
    assert "baris 5.3 laporan (Bidang Pembinaan Kemasyarakatan Desa" in ulang
    assert "porsi sub-bidang lain tampak lebih besar" in ulang
    # handout: peringatan yang sama di bawah grafik porsi APBDes (data latihan: tanpa catatan)
    from p3pd import laporan

    assert laporan.Handout("Jawa Tengah", kecamatan="Getasan").catatan_apbdes() is None
    monkeypatch.setenv("P3PD_DATA", str(data))
    catatan = laporan.Handout("Bali", kecamatan="Gianyar").catatan_apbdes()
    assert catatan is not None
    assert "belanja Bidang Pembinaan Kemasyarakatan Desa di Desa Lebih tahun 2023" in catatan.teks
    assert "baris 18" not in catatan.teks  # teks untuk pembaca handout, bukan untuk pengolah data
    assert 'class="catatan-kecil peringatan"' in catatan.isi
    # batas 30 %: hitungan "N dari 1 desa" juga menyebut cakupannya
    assert re.search(
        r"\d dari 1 desa: seluruh 1\.1 di atas 30 % \(indikasi, 2023\); baru 1 dari 12 desa "
        r"berdata APBDes di kecamatan ini",
        teks,
    )
    assert not KATA_SINTETIS.search(teks)
    assert _sidik(unduhan) == sidik
