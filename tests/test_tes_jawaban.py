"""Uji bank soal, penilaian, kode peserta, dan berkas jawaban tes."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from p3pd import tes_jawaban, tes_soal
from p3pd.galat import GalatP3PD
from p3pd.skema import LAYANAN


def test_bank_soal_mencakup_tujuan_dan_layanan() -> None:
    soal = tes_soal.daftar_soal()
    assert len(soal) >= 20
    assert {s.tujuan for s in soal} == set("abcd")
    assert set(LAYANAN) <= {s.layanan for s in soal}
    assert {s.jenis for s in soal} == {"pilihan", "angka"}
    for s in soal:
        assert s.diajarkan_di, s.id
        if s.jenis == "pilihan":
            assert len(s.pilihan) == 4 and s.kunci in "ABCD"
    # Setiap tujuan diuji paling sedikit empat soal, setiap layanan paling sedikit dua.
    for t in "abcd":
        assert sum(s.tujuan == t for s in soal) >= 4
    for layanan in LAYANAN:
        assert sum(s.layanan == layanan for s in soal) >= 2


def test_soal_yang_menyebut_aturan_atau_angka_terbitan_punya_sumber() -> None:
    aturan = re.compile(r"\b(?:PP|Perpres|Permendagri|Permendesa|Permendikbud|UU) [\w ]*\d+/\d{4}")
    for s in tes_soal.daftar_soal():
        teks = " ".join([s.teks, *s.pilihan])
        if aturan.search(teks) or re.search(r"\b(?:SSGI|e-PPGBM|SKI|Susenas)\b", teks):
            assert s.sumber, f"{s.id}: menyebut aturan atau angka terbitan tanpa sumber"
        for disebut in aturan.findall(teks):
            nomor = re.search(r"\d+/\d{4}", disebut).group(0)
            assert nomor in s.sumber, f"{s.id}: {disebut} tidak ada di sumber"


def test_kunci_angka_sesuai_hitungan_di_teks() -> None:
    """Kunci soal angka dihitung ulang dari angka yang tertulis di soalnya."""
    s = tes_soal.soal_menurut_id()
    assert s["S01"].kunci_angka == pytest.approx(27 / 120 * 100)
    assert s["S02"].kunci_angka == pytest.approx((120 + 57 + 38) / (300 + 60 + 40) * 100)
    assert s["S05"].kunci_angka == pytest.approx(171 / 180 * 100)
    assert s["S09"].kunci_angka == pytest.approx(100 - 340 / 400 * 100)
    assert s["S10"].kunci_angka == pytest.approx(2760 / 3000 * 100)
    assert s["S11"].kunci_angka == pytest.approx((30 + 90 + 150 + 120) / 1200 * 100)
    assert s["S12"].kunci_angka == pytest.approx((250 + 30 + 15) / 1000 * 100)
    assert s["S18"].kunci_angka == pytest.approx(14 / 40 * 100)


def test_versi_soal_adalah_sidik_berkas() -> None:
    import hashlib

    isi = tes_soal.berkas_soal().read_bytes()
    assert tes_soal.versi_soal() == hashlib.sha256(isi).hexdigest()[:12]
    with open(tes_soal.berkas_soal(), encoding="utf-8") as f:
        assert [b["id"] for b in csv.DictReader(f)] == [s.id for s in tes_soal.daftar_soal()]


@pytest.mark.parametrize(
    ("jawaban", "harapan"),
    [("22,5", True), ("22.5", True), (22.5, True), ("22,5 %", True), ("22,6", True),
     ("22,7", False), ("dua puluh", False), (None, False), (..., False), ("", False)],
)  # fmt: skip
def test_penilaian_angka(jawaban: object, harapan: bool) -> None:
    assert tes_soal.benar(tes_soal.soal_menurut_id()["S01"], jawaban) is harapan


def test_penilaian_pilihan_dan_ribuan() -> None:
    s = tes_soal.soal_menurut_id()
    assert tes_soal.benar(s["S03"], "a") and tes_soal.benar(s["S03"], " A. ")
    assert not tes_soal.benar(s["S03"], "B")
    assert tes_soal.urai_angka("120.000") == 120000
    assert tes_soal.urai_angka("Rp 1.234,5") == 1234.5
    assert tes_soal.rapikan_jawaban(s["S03"], "x") == "x"  # tidak terbaca: disimpan apa adanya


@pytest.mark.parametrize("kode", ["JTG-A-001", "jtg-a-001", " NTT-12-045 ", "SUMUT-B2-100"])
def test_kode_peserta_sah(kode: str) -> None:
    assert tes_jawaban.POLA_KODE.match(tes_jawaban.periksa_kode_peserta(kode))


@pytest.mark.parametrize(
    ("kode", "potongan"),
    [
        ("3322010101800001", "NIK"),
        ("3322 0101 0180 0001", "NIK"),
        ("Siti Aminah", "nama orang"),
        ("budi", "nama orang"),
        ("", "belum diisi"),
        ("JTG-A-1", "tidak sesuai pola"),
    ],
)
def test_kode_peserta_ditolak(kode: str, potongan: str) -> None:
    with pytest.raises(GalatP3PD, match=potongan) as info:
        tes_jawaban.periksa_kode_peserta(kode)
    if potongan in ("NIK", "nama orang"):
        assert kode.strip() not in str(info.value)  # data pribadi tidak diulang di pesan


def _simpan(folder: Path, jawaban: dict, **kw) -> Path:
    kunci = dict(jenis="awal", kode_peserta="JTG-A-001", kelas="A", provinsi="Jateng")
    kunci.update(kw)
    return tes_jawaban.simpan_jawaban(jawaban, folder=folder, **kunci)


def test_simpan_dan_baca_kembali(tmp_path: Path) -> None:
    path = _simpan(tmp_path, {"S01": "22,5", "S03": "a"})
    assert path.name == "awal_JTG-A-001.json"
    isi = json.loads(path.read_text(encoding="utf-8"))
    assert isi["provinsi"] == "Jawa Tengah" and isi["jawaban"]["S01"] == 22.5
    assert isi["jawaban"]["S03"] == "A" and isi["jawaban"]["S02"] is None
    assert isi["checksum"] == tes_jawaban.checksum(isi)
    dibaca = tes_jawaban.baca_berkas_jawaban(path)
    assert dibaca.kode_peserta == "JTG-A-001" and dibaca.jawaban == isi["jawaban"]
    assert not list(tmp_path.glob(".*.tmp"))  # tidak ada sisa berkas sementara


def test_tidak_menimpa_diam_diam(tmp_path: Path) -> None:
    path = _simpan(tmp_path, {"S01": "22,5"})
    asli = path.read_bytes()
    assert _simpan(tmp_path, {"S01": "22.5"}) == path  # isi sama: tidak ditulis ulang
    assert path.read_bytes() == asli
    with pytest.raises(GalatP3PD, match="tidak ditimpa"):
        _simpan(tmp_path, {"S01": "30"})
    assert path.read_bytes() == asli
    baru = _simpan(tmp_path, {"S01": "30"}, ganti=True)
    (lama,) = (tmp_path / "lama").iterdir()
    assert lama.read_bytes() == asli
    isi = json.loads(baru.read_text(encoding="utf-8"))
    assert isi["menggantikan"] == json.loads(asli)["checksum"]
    assert isi["jawaban"]["S01"] == 30


def test_simpan_menolak_isian_tidak_sah(tmp_path: Path) -> None:
    with pytest.raises(GalatP3PD, match="Nomor soal tidak dikenal"):
        _simpan(tmp_path, {"S99": "A"})
    with pytest.raises(GalatP3PD, match="Jenis tes"):
        _simpan(tmp_path, {"S01": "A"}, jenis="tengah")
    with pytest.raises(GalatP3PD, match="Provinsi"):
        _simpan(tmp_path, {"S01": "A"}, provinsi="")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("ubah", "alasan"),
    [
        (lambda t: t[:50], "tidak terbaca"),
        (lambda t: "\ufffe" + t, "tidak terbaca"),
        (lambda t: json.dumps({"format": "lain"}), "bukan berkas jawaban"),
        (lambda t: t.replace('"S01": 22.5', '"S01": 30'), "checksum"),
        (lambda t: json.dumps([1, 2]), "bukan berkas jawaban"),
    ],
)
def test_berkas_ditolak(tmp_path: Path, ubah, alasan: str) -> None:
    path = _simpan(tmp_path, {"S01": "22,5"})
    teks = path.read_text(encoding="utf-8")
    path.write_text(ubah(teks), encoding="utf-8")
    with pytest.raises(tes_jawaban.BerkasDitolak, match=alasan):
        tes_jawaban.baca_berkas_jawaban(path)
