"""Uji pengumpulan dan rekap tes: folder jawaban dari banyak laptop, termasuk berkas rusak.

Setiap angka rekap dibandingkan dengan hitungan sendiri dari jawaban yang dibuat uji ini
(benar/salah ditentukan saat membuat jawaban, bukan oleh fungsi penilai paket).
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from p3pd import tes_jawaban, tes_rekap, tes_soal
from p3pd.tes_keluaran import NAMA_BUKU, NAMA_GRAFIK, tulis_rekap

SOAL_CSV = Path(tes_soal.__file__).parent / "referensi" / "soal_tes.csv"
KELAS = {"Jawa Tengah": ["A", "B"], "Nusa Tenggara Timur": ["A", "C"]}
SINGKAT = {"Jawa Tengah": "JTG", "Nusa Tenggara Timur": "NTT"}


def _bank_sendiri() -> list[dict[str, str]]:
    """Bank soal dibaca langsung dari CSV (tanpa p3pd.tes_soal)."""
    with open(SOAL_CSV, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _jawab(soal: dict[str, str], hasil: str, rnd: random.Random) -> object:
    """Jawaban yang benar, salah, atau kosong, dalam bentuk yang diketik peserta."""
    if hasil == "kosong":
        return None
    if soal["jenis"] == "pilihan":
        if hasil == "benar":
            return rnd.choice([soal["kunci"], soal["kunci"].lower()])
        return rnd.choice([h for h in "ABCD" if h != soal["kunci"]])
    kunci = float(soal["kunci"])
    nilai = kunci if hasil == "benar" else kunci + 5
    return rnd.choice([f"{nilai:g}".replace(".", ","), nilai])


class Folder:
    """Folder uji: berkas jawaban dan harapan yang dihitung sendiri."""

    def __init__(self, akar: Path) -> None:
        self.akar = akar
        self.benar: dict[tuple[str, str], list[bool]] = {}  # (kode, jenis) → benar per soal
        self.identitas: dict[str, tuple[str, str]] = {}  # kode → (provinsi, kelas)
        self.dilewati: dict[str, str] = {}  # berkas relatif → potongan alasan
        self.salinan: tuple[str, str] = ("", "")  # dua berkas berisi persis sama: satu dilewati


def _buat_folder(akar: Path) -> Folder:
    rnd = random.Random(20240709)
    bank = _bank_sendiri()
    hasil = Folder(akar)
    nomor_laptop = 0
    for provinsi, daftar_kelas in KELAS.items():
        for kelas in daftar_kelas:
            for i in range(1, 5):
                kode = f"{SINGKAT[provinsi]}-{kelas}-{i:03d}"
                hasil.identitas[kode] = (provinsi, kelas)
                nomor_laptop += 1
                laptop = akar / f"laptop_{nomor_laptop:02d}" / "kerja_saya" / "tes"
                ikut = ["awal", "akhir"]
                if kode.endswith("-004") and kelas != "C":
                    ikut = ["awal"]  # tidak ikut tes akhir
                if kode == "NTT-C-003":
                    ikut = ["akhir"]  # datang terlambat: hanya tes akhir
                for jenis in ikut:
                    peluang = 0.35 if jenis == "awal" else 0.75
                    pilihan = [
                        "benar"
                        if rnd.random() < peluang
                        else rnd.choice(["salah", "salah", "kosong"])
                        for _ in bank
                    ]
                    jawaban = {
                        s["id"]: _jawab(s, h, rnd) for s, h in zip(bank, pilihan, strict=True)
                    }
                    tes_jawaban.simpan_jawaban(
                        jawaban,
                        jenis=jenis,
                        kode_peserta=kode,
                        kelas=kelas,
                        provinsi=provinsi,
                        folder=laptop,
                    )
                    hasil.benar[(kode, jenis)] = [h == "benar" for h in pilihan]
    return hasil


def _tulis_json(path: Path, isi: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(isi, ensure_ascii=False, indent=1), encoding="utf-8")


def _tambah_rusak(f: Folder) -> None:
    akar = f.akar
    flash = akar / "flash_disk"
    asli = akar / "laptop_01" / "kerja_saya" / "tes" / "awal_JTG-A-001.json"
    # Salinan persis di folder lain.
    (flash / "salinan").mkdir(parents=True)
    shutil.copy(asli, flash / "salinan" / "awal_JTG-A-001.json")
    f.salinan = ("flash_disk/salinan/awal_JTG-A-001.json", asli.relative_to(akar).as_posix())
    # JSON terpotong.
    (flash / "terpotong.json").write_bytes(asli.read_bytes()[:200])
    f.dilewati["flash_disk/terpotong.json"] = "tidak terbaca"
    # Berkas asing (JSON lain) dan berkas bukan JSON.
    _tulis_json(flash / "pengaturan.json", {"tema": "gelap"})
    f.dilewati["flash_disk/pengaturan.json"] = "bukan berkas jawaban"
    (flash / "catatan.txt").write_text("daftar hadir", encoding="utf-8")
    # Disunting sesudah disimpan: satu jawaban diubah, checksum lama.
    isi = json.loads(asli.read_text(encoding="utf-8"))
    isi["kode_peserta"] = "JTG-A-099"
    isi["jawaban"]["S01"] = "22,5"
    _tulis_json(flash / "awal_JTG-A-099.json", isi)
    f.dilewati["flash_disk/awal_JTG-A-099.json"] = "checksum tidak cocok"
    # Versi soal lain (checksum dihitung ulang, jadi bukan "disunting").
    lain = json.loads(asli.read_text(encoding="utf-8"))
    lain["kode_peserta"] = "JTG-B-098"
    lain["versi_soal"] = "000000000000"
    lain["checksum"] = tes_jawaban.checksum(lain)
    _tulis_json(flash / "awal_JTG-B-098.json", lain)
    f.dilewati["flash_disk/awal_JTG-B-098.json"] = "versi soal lain"
    # Kode yang sama dipakai di laptop lain, lebih lambat: yang pertama dihitung.
    ganda = susun = tes_jawaban.susun_rekaman(
        {"S01": "A"},
        jenis="akhir",
        kode_peserta="NTT-A-002",
        kelas="A",
        provinsi="NTT",
        waktu="2099-07-12T10:00:00+08:00",
    )
    assert susun is ganda
    _tulis_json(flash / "laptop_pinjaman" / "akhir_NTT-A-002.json", ganda)
    f.dilewati["flash_disk/laptop_pinjaman/akhir_NTT-A-002.json"] = "jawaban ganda"
    # Peserta mengganti jawabannya dengan izin pelatih: yang lama pindah ke lama/.
    laptop = akar / "laptop_06" / "kerja_saya" / "tes"
    kode = "JTG-B-002"
    bank = _bank_sendiri()
    baru = {s["id"]: _jawab(s, "benar", random.Random(1)) for s in bank}
    tes_jawaban.simpan_jawaban(
        baru, jenis="akhir", kode_peserta=kode, kelas="B", provinsi="Jateng", folder=laptop,
        ganti=True,
    )  # fmt: skip
    f.benar[(kode, "akhir")] = [True] * len(bank)
    (lama,) = (laptop / "lama").iterdir()
    f.dilewati[lama.relative_to(akar).as_posix()] = "digantikan"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Folder:
    f = _buat_folder(tmp_path_factory.mktemp("flash"))
    _tambah_rusak(f)
    return f


@pytest.fixture(scope="module")
def rekap(folder: Folder) -> tes_rekap.Rekap:
    return tes_rekap.hitung_rekap(tes_rekap.kumpulkan(folder.akar))


def _persen(a: float, b: float) -> float:
    return round(100 * a / b, 1)


def test_berkas_dilewati_dengan_alasan(folder: Folder) -> None:
    kumpulan = tes_rekap.kumpulkan(folder.akar)
    dilewati = {d.berkas: d.alasan for d in kumpulan.dilewati}
    a, b = folder.salinan
    salinan = a if a in dilewati else b
    asal = b if salinan == a else a
    assert dilewati.pop(salinan) == f"salinan persis dari {asal}."
    assert set(dilewati) == set(folder.dilewati)
    for berkas, potongan in folder.dilewati.items():
        assert potongan in dilewati[berkas], (berkas, dilewati[berkas])
    # Tidak ada yang hilang atau terhitung dua kali.
    assert kumpulan.berkas_json == len(kumpulan.jawaban) + len(kumpulan.dilewati)
    assert {(b.kode_peserta, b.jenis) for b in kumpulan.jawaban} == set(folder.benar)
    assert len(kumpulan.jawaban) == len(folder.benar)
    assert kumpulan.berkas_lain == 1


def test_nilai_per_peserta(folder: Folder, rekap: tes_rekap.Rekap) -> None:
    n = len(_bank_sendiri())
    tabel = rekap.peserta.set_index("kode peserta")
    assert set(tabel.index) == set(folder.identitas)
    for kode, (provinsi, kelas) in folder.identitas.items():
        baris = tabel.loc[kode]
        assert (baris["provinsi"], baris["kelas"]) == (provinsi, kelas)
        for jenis in ("awal", "akhir"):
            benar = folder.benar.get((kode, jenis))
            if benar is None:
                assert baris[f"benar tes {jenis}"] is None or str(baris[f"benar tes {jenis}"]) in (
                    "<NA>",
                    "nan",
                )
            else:
                assert int(baris[f"benar tes {jenis}"]) == sum(benar)
                assert baris[f"tes {jenis} (%)"] == _persen(sum(benar), n)


def test_nilai_per_soal_dan_tujuan(folder: Folder, rekap: tes_rekap.Rekap) -> None:
    bank = _bank_sendiri()
    per_soal = rekap.per_soal.set_index("soal")
    for jenis in ("awal", "akhir"):
        kunci = [k for k in folder.benar if k[1] == jenis]
        for i, s in enumerate(bank):
            benar = sum(folder.benar[k][i] for k in kunci)
            assert per_soal.loc[s["id"], f"peserta tes {jenis}"] == len(kunci)
            assert per_soal.loc[s["id"], f"tes {jenis} (%)"] == _persen(benar, len(kunci))
        per_tujuan = rekap.per_tujuan.set_index("tujuan")
        for tujuan in "abcd":
            idx = [i for i, s in enumerate(bank) if s["tujuan"] == tujuan]
            benar = sum(folder.benar[k][i] for k in kunci for i in idx)
            assert per_tujuan.loc[tujuan, f"tes {jenis} (%)"] == _persen(
                benar, len(idx) * len(kunci)
            )
            assert per_tujuan.loc[tujuan, "banyak soal"] == len(idx)


def _harapan_kenaikan(folder: Folder, pilih) -> dict[str, object]:
    n = len(_bank_sendiri())
    kode = [k for k in folder.identitas if pilih(k)]
    awal = [k for k in kode if (k, "awal") in folder.benar]
    akhir = [k for k in kode if (k, "akhir") in folder.benar]
    pasang = [k for k in awal if k in akhir]
    pa = [100 * sum(folder.benar[(k, "awal")]) / n for k in pasang]
    pb = [100 * sum(folder.benar[(k, "akhir")]) / n for k in pasang]
    return {
        "peserta tes awal": len(awal),
        "peserta tes akhir": len(akhir),
        "peserta berpasangan": len(pasang),
        "rata-rata tes awal (%)": round(sum(pa) / len(pa), 1),
        "rata-rata tes akhir (%)": round(sum(pb) / len(pb), 1),
        "kenaikan (poin)": round(sum(b - a for a, b in zip(pa, pb, strict=True)) / len(pa), 1),
        "hanya tes awal": len([k for k in awal if k not in akhir]),
        "hanya tes akhir": len([k for k in akhir if k not in awal]),
        "tes awal, semua peserta (%)": round(
            sum(100 * sum(folder.benar[(k, "awal")]) / n for k in awal) / len(awal), 1
        ),
        "tes akhir, semua peserta (%)": round(
            sum(100 * sum(folder.benar[(k, "akhir")]) / n for k in akhir) / len(akhir), 1
        ),
    }


def test_kenaikan_per_kelas_dan_provinsi(folder: Folder, rekap: tes_rekap.Rekap) -> None:
    per_kelas = rekap.per_kelas.set_index(["provinsi", "kelas"])
    assert len(per_kelas) == 4
    for provinsi, daftar in KELAS.items():
        for kelas in daftar:
            harapan = _harapan_kenaikan(
                folder, lambda k, p=provinsi, c=kelas: folder.identitas[k] == (p, c)
            )
            baris = per_kelas.loc[(provinsi, kelas)]
            for kolom, nilai in harapan.items():
                assert baris[kolom] == pytest.approx(nilai), (provinsi, kelas, kolom)
    per_prov = rekap.per_provinsi.set_index("provinsi")
    for provinsi in [*KELAS, "Semua provinsi"]:
        harapan = _harapan_kenaikan(
            folder, lambda k, p=provinsi: p == "Semua provinsi" or folder.identitas[k][0] == p
        )
        for kolom, nilai in harapan.items():
            assert per_prov.loc[provinsi, kolom] == pytest.approx(nilai), (provinsi, kolom)


def test_soal_paling_sering_salah(folder: Folder, rekap: tes_rekap.Rekap) -> None:
    bank = _bank_sendiri()
    for jenis, judul in (("awal", "Tes awal"), ("akhir", "Tes akhir")):
        kunci = [k for k in folder.benar if k[1] == jenis]
        persen = {
            s["id"]: _persen(sum(folder.benar[k][i] for k in kunci), len(kunci))
            for i, s in enumerate(bank)
        }
        urut = sorted((p, i) for i, p in persen.items() if p < 100)[:5]
        bagian = rekap.paling_salah[rekap.paling_salah["tes"] == judul]
        assert list(bagian["soal"]) == [i for _, i in urut]
        assert list(bagian["peringkat"]) == list(range(1, len(urut) + 1))
        baris = {s["id"]: s for s in bank}
        assert list(bagian["ajarkan ulang dari"]) == [baris[i]["diajarkan_di"] for _, i in urut]


def test_buku_kerja_dan_grafik(folder: Folder, rekap: tes_rekap.Rekap, tmp_path: Path) -> None:
    ditulis = tulis_rekap(rekap, tmp_path / "rekap")
    assert {p.name for p in ditulis} == {NAMA_BUKU, *NAMA_GRAFIK.values()}
    for nama in NAMA_GRAFIK.values():
        assert (tmp_path / "rekap" / nama).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    buku = openpyxl.load_workbook(tmp_path / "rekap" / NAMA_BUKU)
    assert buku.sheetnames == list(rekap.lembar())
    for nama, tabel in rekap.lembar().items():
        ws = buku[nama]
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]] == list(tabel.columns)
        assert ws.max_row == len(tabel) + 1
        for baris in ws.iter_rows():
            for sel in baris:
                assert sel.data_type != "f", (nama, sel.coordinate)
        assert ws.column_dimensions["A"].width >= 8
    ws = buku["Kenaikan per provinsi"]
    kolom = [c.value for c in ws[1]]
    semua = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "Semua provinsi")
    harapan = _harapan_kenaikan(folder, lambda k: True)
    assert semua[kolom.index("kenaikan (poin)")] == pytest.approx(harapan["kenaikan (poin)"])
    alasan = {r[0]: r[1] for r in buku["Berkas dilewati"].iter_rows(min_row=2, values_only=True)}
    assert set(alasan) == set(folder.dilewati) | ({*folder.salinan} & set(alasan))
    assert len(alasan) == len(folder.dilewati) + 1
    # Keluaran yang sudah ada tidak ditimpa tanpa diminta; dengan timpa=True ditulis ulang.
    with pytest.raises(tes_rekap.GalatP3PD, match="tidak ditimpa"):
        tulis_rekap(rekap, tmp_path / "rekap")
    assert tulis_rekap(rekap, tmp_path / "rekap", timpa=True)


def test_masukan_tidak_diubah_dan_perintah(
    folder: Folder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = {p: p.read_bytes() for p in folder.akar.rglob("*") if p.is_file()}
    keluaran = folder.akar / "rekap_hari_ini"  # di dalam folder masukan: tidak ikut ditelusuri
    perintah = [sys.executable, "-m", "p3pd", "tes", "kumpulkan", str(folder.akar)]
    jalan = subprocess.run(
        [*perintah, "--keluaran", str(keluaran)], capture_output=True, text=True, check=False
    )
    assert jalan.returncode == 0, jalan.stderr
    assert "Traceback" not in jalan.stderr
    assert f"{len(folder.benar)} dihitung, {len(folder.dilewati) + 1} dilewati" in jalan.stdout
    assert (keluaran / NAMA_BUKU).is_file()
    sesudah = {
        p: p.read_bytes()
        for p in folder.akar.rglob("*")
        if p.is_file() and keluaran not in p.parents
    }
    assert sesudah == sebelum
    from p3pd.cli import main

    assert main(["tes", "kumpulkan", str(folder.akar), "--keluaran", str(keluaran)]) == 2
    assert "tidak ditimpa" in capsys.readouterr().err
    assert main(["tes", "kumpulkan", str(tmp_path), "--keluaran", str(tmp_path / "x")]) == 2
    assert "Tidak ada berkas jawaban" in capsys.readouterr().err
    shutil.rmtree(keluaran)


def test_keluaran_di_folder_masukan_sendiri(tmp_path: Path) -> None:
    tes_jawaban.simpan_jawaban(
        {"S01": "22,5"}, jenis="awal", kode_peserta="JTG-A-001", kelas="A", provinsi="Jateng",
        folder=tmp_path,
    )  # fmt: skip
    kumpulan = tes_rekap.kumpulkan(tmp_path, kecuali=tmp_path)
    assert len(kumpulan.jawaban) == 1
    tulis_rekap(tes_rekap.hitung_rekap(kumpulan), tmp_path)
    lagi = tes_rekap.kumpulkan(tmp_path, kecuali=tmp_path)  # rekap (bukan .json) tidak mengganggu
    assert len(lagi.jawaban) == 1 and not lagi.dilewati and lagi.berkas_lain == 5
