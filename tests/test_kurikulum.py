"""Uji ``p3pd.kurikulum``: satu sumber jadwal dan semua turunannya.

Turunan yang diuji di sini (gagal bila menyimpang dari ``referensi/kurikulum.toml``): tabel jadwal
README, baris "Estimasi waktu" setiap notebook di ``notebooks/`` dan ``solutions/`` (yang sudah
ada), dan judul hari di handout (``p3pd.laporan``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from p3pd import kurikulum as k
from p3pd.cli import main
from p3pd.galat import GalatP3PD

AKAR = Path(__file__).resolve().parents[1]
MENIT_TETAP = {
    "00": 45,
    "01": 60,
    "02": 90,
    "03": 90,
    "04": 90,
    "05": 90,
    "06": 120,
    "07": 90,
    "08": 120,
    "09": 90,
}
"""Menit notebook yang disepakati untuk kurikulum ini (juga tertulis di README)."""


@pytest.fixture(scope="module")
def kur() -> k.Kurikulum:
    return k.baca_kurikulum()


# --------------------------------------------------------------------------- isi kurikulum


def test_empat_hari_selasa_sampai_jumat(kur):
    assert [h.label for h in kur.hari] == [
        "Selasa, 9 Juli",
        "Rabu, 10 Juli",
        "Kamis, 11 Juli",
        "Jumat, 12 Juli",
    ]
    assert kur.hari[0].tanggal == dt.date(2024, 7, 9)
    assert sorted(kur.tujuan_pelatihan) == ["a", "b", "c", "d"]


def test_notebook_menit_dan_hari_sesuai_kesepakatan(kur):
    assert {s.nomor: s.menit for _, s in kur.sesi_notebook()} == MENIT_TETAP
    hari = {s.nomor: h.nomor for h, s in kur.sesi_notebook()}
    assert hari == {
        "00": 1,
        "01": 1,
        "02": 1,
        "03": 2,
        "04": 2,
        "05": 2,
        "06": 3,
        "07": 3,
        "08": 4,
        "09": 4,
    }
    assert [s.nomor for _, s in kur.sesi_notebook()] == sorted(MENIT_TETAP)


def test_hari_pelatihan_wajar(kur):
    for h in kur.hari:
        assert h.mulai == "08.00"
        assert "15.00" <= h.selesai <= "16.30", h.judul
        istirahat = [s for s in h.sesi if s.jenis == "istirahat"]
        assert any(s.menit >= 60 for s in istirahat), f"{h.judul}: istirahat siang"
        assert len(istirahat) >= 2
        # tidak ada sesi belajar lebih dari 2 jam tanpa jeda
        assert max(s.menit for s in h.sesi) <= 120
    jenis = {s.jenis for h in kur.hari for s in h.sesi}
    assert set(k.JENIS_SESI) == jenis
    pertama, terakhir = kur.hari[0].sesi, kur.hari[-1].sesi
    # tes awal sesudah notebook 00 (cara menjalankan sel), sebelum materi pertama (01)
    assert [s.jenis for s in pertama[:3]] == ["pembukaan", "notebook", "tes awal"]
    assert pertama[1].notebook == "00_mulai_di_sini"
    assert [s.jenis for s in terakhir[-2:]] == ["tes akhir", "penutupan"]


def test_setiap_tujuan_pelatihan_dilayani_notebook(kur):
    dilayani = {t for _, s in kur.sesi_notebook() for t in s.tujuan_pelatihan}
    assert dilayani == {"a", "b", "c", "d"}


def test_kurikulum_bawaan_konsisten(kur):
    assert k.periksa_kurikulum(kur) == []


# --------------------------------------------------------------------------- pemeriksaan


def _salin(tmp_path: Path, ganti: tuple[str, str] | None = None) -> Path:
    teks = k.berkas_kurikulum().read_text(encoding="utf-8")
    if ganti:
        assert ganti[0] in teks, ganti[0]
        teks = teks.replace(ganti[0], ganti[1], 1)
    berkas = tmp_path / "kurikulum.toml"
    berkas.write_text(teks, encoding="utf-8")
    return berkas


@pytest.mark.parametrize(
    ("ganti", "pesan"),
    [
        (
            ('mulai = "09.30"\nselesai = "10.00"', 'mulai = "09.25"\nselesai = "10.00"'),
            "tumpang tindih",
        ),
        (('mulai = "09.30"\nselesai = "10.00"', 'mulai = "09.35"\nselesai = "10.00"'), "ada jeda"),
        (("menit_materi = 25", "menit_materi = 30"), "≠ lama sesi"),
        (
            (
                '{ bagian = "2. Folder dan berkas", menit = 4 }',
                '{ bagian = "2. Folder", menit = 5 }',
            ),
            "menit alur",
        ),
        (('tujuan_pelatihan = ["c"]', 'tujuan_pelatihan = ["e"]'), "bukan a–d"),
        (('jenis = "tes awal"', 'jenis = "kuis"'), "tidak dikenal"),
        (('"data/fasilitas_desa.csv"', '"data/tidak_ada.csv"'), "tidak ada"),
        (
            ('opsional = ["Persen stunting', 'opsional = ["Bagian khayalan", "Persen stunting'),
            "Bagian khayalan",
        ),
        (('mulai = "08.45"\nselesai = "09.30"', 'mulai = "8.45"\nselesai = "09.30"'), "JJ.MM"),
        (('nama = "Rabu"', 'nama = "Kamis"'), "adalah Rabu"),
        (
            ('{ menit = 45, teks = "Setiap laptop', '{ menit = 50, teks = "Setiap laptop'),
            "di luar sesi",
        ),
        (
            ('notebook = "03_indikator_layanan_dasar"', 'notebook = "02_membaca_data_desa"'),
            "juga dipakai",
        ),
    ],
)
def test_pemeriksaan_menemukan_kesalahan(tmp_path, ganti, pesan):
    berkas = _salin(tmp_path, ganti)
    with pytest.raises(GalatP3PD) as galat:
        k.baca_kurikulum(berkas)
    assert pesan in str(galat.value)
    assert str(berkas) in str(galat.value)


def test_galat_baca_berkas(tmp_path):
    with pytest.raises(GalatP3PD, match="tidak ada"):
        k.baca_kurikulum(tmp_path / "tidak_ada.toml")
    rusak = tmp_path / "rusak.toml"
    rusak.write_text("[pelatihan\njudul = 1", encoding="utf-8")
    with pytest.raises(GalatP3PD, match="tidak dapat dibaca"):
        k.baca_kurikulum(rusak)
    tanpa = _salin(tmp_path, ('judul = "Rehat kopi"\n', ""))
    with pytest.raises(GalatP3PD, match="isian wajib hilang"):
        k.baca_kurikulum(tanpa)


def test_alur_satu_sumber(tmp_path, kur):
    # notebook dengan tabel "Rencana waktu" tidak boleh juga punya alur di kurikulum
    berkas = _salin(
        tmp_path,
        (
            'opsional = ["Formulir widget"]\n',
            'opsional = ["Formulir widget"]\nalur = [{ bagian = "Semua", menit = 120 }]\n',
        ),
    )
    if (AKAR / "notebooks" / "08_agenda_terpadu.ipynb").is_file():
        with pytest.raises(GalatP3PD, match="alur ganda"):
            k.baca_kurikulum(berkas)
    # notebook yang belum ada: materi lalu latihan
    _, s = kur.cari_notebook("06")
    kosong = tmp_path / "proyek"
    (kosong / "notebooks").mkdir(parents=True)
    alur = k.alur_sesi(s, kosong)
    assert [a.menit for a in alur] == [s.menit_materi, s.menit_latihan]
    assert alur[1].bagian == "Latihan exercises/06_sinkronisasi_perencanaan.ipynb"
    # notebook yang ada tanpa tabel "Rencana waktu" dan tanpa alur: galat
    _, s00 = kur.cari_notebook("00_mulai_di_sini")
    tanpa = _salin(
        tmp_path,
        ('  { bagian = "1. Menjalankan sel di JupyterLab", menit = 6 },\n', ""),
    )
    with pytest.raises(GalatP3PD, match="menit alur"):
        k.baca_kurikulum(tanpa)
    assert s00.alur and not k.rencana_waktu_notebook(AKAR / "notebooks" / f"{s00.notebook}.ipynb")
    teks = k.berkas_kurikulum().read_text(encoding="utf-8")
    teks, n = re.subn(
        r'alur = \[\n  \{ bagian = "1\. Menjalankan sel.*?\n\]\n', "", teks, flags=re.S
    )
    assert n == 1
    (tmp_path / "tanpa_alur.toml").write_text(teks, encoding="utf-8")
    with pytest.raises(GalatP3PD, match="tidak ada alur, dan notebooknya tanpa 'Rencana waktu'"):
        k.baca_kurikulum(tmp_path / "tanpa_alur.toml")


def test_jam_dan_estimasi():
    assert k.jam_tambah("08.30", 45) == "09.15"
    assert k.jam_tambah("11.45", 75) == "13.00"
    assert k.estimasi_notebook(
        "x\n**⏱ Estimasi waktu:** 90 menit — 55 menit materi dan 35 menit latihan\n"
    ) == (90, 55, 35)
    assert k.estimasi_notebook("**⏱ Estimasi waktu:** 35 menit.\n\n40 menit materi") == (
        35,
        None,
        None,
    )
    assert k.estimasi_notebook("tanpa estimasi") is None
    teks = "Rencana waktu\n\n| Bagian | Menit |\n|---|---|\n| 1. A | 7 |\n| Latihan `x` | 3 |\n"
    assert k.rencana_waktu(teks) == [k.Langkah("1. A", 7), k.Langkah("Latihan x", 3)]


# --------------------------------------------------------------------------- turunan


def test_tabel_readme_dari_kurikulum(kur):
    readme = (AKAR / "README.md").read_text(encoding="utf-8")
    assert k.blok_readme(kur) in readme, "perbarui dengan: p3pd kurikulum --readme"
    tabel = k.tabel_readme(kur).splitlines()
    assert tabel[0] == "| No | Notebook | Hari | Menit | Tujuan |"
    assert len(tabel) == 2 + len(MENIT_TETAP)
    for baris, (nomor, menit) in zip(tabel[2:], sorted(MENIT_TETAP.items()), strict=True):
        sel = [s.strip() for s in baris.strip("|").split("|")]
        assert sel[0] == nomor and sel[3] == str(menit)
        assert re.match(r"^(–|[a-d](, [a-d])*) · \S", sel[4])


def _notebook_ada() -> list:
    kur = k.baca_kurikulum()
    hasil = []
    for _, s in kur.sesi_notebook():
        for folder in ("notebooks", "solutions"):
            berkas = AKAR / folder / f"{s.notebook}.ipynb"
            if berkas.is_file():
                hasil.append(pytest.param(berkas, s, id=f"{folder}/{s.nomor}"))
    return hasil


@pytest.mark.parametrize(("berkas", "sesi"), _notebook_ada())
def test_estimasi_waktu_notebook_dari_kurikulum(berkas, sesi):
    est = k.estimasi_notebook(k.teks_markdown(berkas))
    assert est is not None, "baris '**⏱ Estimasi waktu:** N menit' tidak ada"
    total, materi, latihan = est
    if berkas.parent.name == "solutions":
        assert total == sesi.menit_latihan, "solusi: Estimasi waktu = menit latihan sesi"
    else:
        assert total == sesi.menit
        assert materi in (None, sesi.menit_materi)
        assert latihan in (None, sesi.menit_latihan)


def test_tidak_ada_turunan_yang_menyimpang(kur):
    assert k.periksa_turunan(kur) == []


def test_periksa_turunan_melihat_penyimpangan(tmp_path, kur):
    proyek = tmp_path / "proyek"
    (proyek / "notebooks").mkdir(parents=True)
    (proyek / "solutions").mkdir()
    for folder in ("notebooks", "solutions"):
        asal = AKAR / folder / "00_mulai_di_sini.ipynb"
        teks = asal.read_text(encoding="utf-8")
        (proyek / folder / asal.name).write_text(
            teks.replace("** 45 menit", "** 50 menit").replace("** 20 menit", "** 25 menit"),
            encoding="utf-8",
        )
    (proyek / "notebooks" / "10_tambahan.ipynb").write_text(
        (AKAR / "notebooks" / "00_mulai_di_sini.ipynb").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (proyek / "README.md").write_text("tanpa tabel", encoding="utf-8")
    masalah = k.periksa_turunan(kur, proyek)
    teks = "\n".join(masalah)
    assert "README.md" in teks
    assert "notebooks/00_mulai_di_sini.ipynb: Estimasi waktu 50 menit, kurikulum 45" in teks
    assert "solutions/00_mulai_di_sini.ipynb: Estimasi waktu 25 menit, kurikulum 20" in teks
    assert "notebooks/10_tambahan.ipynb: tidak ada di kurikulum" in teks


def test_readme_ditulis_ulang_di_antara_penanda(kur):
    lama = f"awal\n{k.PENANDA_MULAI}\n| usang |\n{k.PENANDA_SELESAI}\nakhir\n"
    baru = k.readme_dengan_jadwal(lama, kur)
    assert baru.startswith("awal\n") and baru.endswith("\nakhir\n")
    assert k.tabel_readme(kur) in baru and "usang" not in baru
    assert k.readme_dengan_jadwal(baru, kur) == baru
    with pytest.raises(GalatP3PD, match="penanda"):
        k.readme_dengan_jadwal("tanpa penanda", kur)


def test_hari_handout_dari_kurikulum(kur):
    from p3pd import laporan

    assert laporan.HARI_PELATIHAN == tuple((h.judul, h.tema) for h in kur.hari)
    assert laporan.CATATAN_HARI == kur.catatan


def test_jadwal_cetak(kur):
    teks = k.teks_jadwal(kur)
    for h in kur.hari:
        assert f"{h.judul} ({h.mulai}–{h.selesai}): {h.tema}" in teks
        for s in h.sesi:
            assert f"{s.mulai}–{s.selesai}" in teks and s.judul in teks
    assert kur.catatan in teks


# --------------------------------------------------------------------------- perintah


def test_perintah_kurikulum_mencetak_jadwal(capsys):
    assert main(["kurikulum"]) == 0
    keluar = capsys.readouterr().out
    assert "Hari 4 — Jumat, 12 Juli" in keluar and "Tes akhir" in keluar


def test_perintah_readme_dan_periksa(tmp_path, monkeypatch, capsys, kur):
    for folder in ("notebooks", "data"):
        (tmp_path / folder).symlink_to(AKAR / folder, target_is_directory=True)
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Judul\n\n{k.PENANDA_MULAI}\n{k.PENANDA_SELESAI}\n\nlain\n", encoding="utf-8"
    )
    monkeypatch.setattr(k, "folder_proyek", lambda: tmp_path)
    assert main(["kurikulum", "--periksa"]) == 1
    assert "README.md: tabel jadwal" in capsys.readouterr().err
    assert main(["kurikulum", "--readme"]) == 0
    assert "ditulis ulang" in capsys.readouterr().out
    assert k.blok_readme(kur) in readme.read_text(encoding="utf-8")
    assert main(["kurikulum", "--readme"]) == 0
    assert "tidak ada yang diubah" in capsys.readouterr().out
    assert main(["kurikulum", "--periksa"]) == 0


def test_perintah_berkas_rusak_pesan_indonesia(tmp_path, capsys):
    berkas = _salin(tmp_path, ("menit_materi = 25", "menit_materi = 30"))
    assert main(["kurikulum", "--berkas", str(berkas)]) == 2
    assert "PESAN KESALAHAN" in capsys.readouterr().err


def test_jadwal_notebook_untuk_peserta(kur, tmp_path):
    tabel = k.jadwal_notebook(kur)
    assert list(tabel.columns) == ["hari", "jam", "notebook", "menit", "tujuan", "tersedia"]
    assert dict(zip(tabel["notebook"].str[:2], tabel["menit"], strict=True)) == MENIT_TETAP
    ada = {p.stem for p in (AKAR / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert set(tabel.loc[tabel["tersedia"] == "ya", "notebook"]) == ada & set(tabel["notebook"])
    (tmp_path / "notebooks").mkdir()
    assert (k.jadwal_notebook(kur, tmp_path)["tersedia"] == "belum").all()
