"""Fixture bersama: tabel contoh kecil yang sah untuk setiap tabel skema (data sintetis uji)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from p3pd import skema


def buat_tabel_contoh(
    nama_tabel: str, n_desa: int = 15, kode_kecamatan: str = "33.22.01"
) -> pd.DataFrame:
    """Tabel kecil yang lolos semua pemeriksaan ``p3pd.muat`` (angka sintetis, benih tetap)."""
    acak = np.random.default_rng(1)
    desa = [f"{kode_kecamatan}.{2001 + i}" for i in range(n_desa)]
    tahun = list(skema.TAHUN_DATA)
    if nama_tabel == "wilayah":
        prov, kab = kode_kecamatan[:2], kode_kecamatan[:5]
        return pd.DataFrame(
            {
                "kode_desa": desa,
                "nama_desa": [f"Contoh {i + 1}" for i in range(n_desa)],
                "kode_kecamatan": kode_kecamatan,
                "nama_kecamatan": "Uji",
                "kode_kabupaten": kab,
                "nama_kabupaten": "Kabupaten Uji",
                "kode_provinsi": prov,
                "nama_provinsi": "Provinsi Uji",
            }
        )
    if nama_tabel == "indikator":
        baris = []
        for kode in desa:
            for t in tahun:
                penduduk = int(acak.integers(1500, 6000))
                isi = {"kode_desa": kode, "tahun": t, "jumlah_penduduk": penduduk}
                for kolom in skema.INDIKATOR_DESA.kolom[3:]:
                    isi[kolom.nama] = 0
                baris.append(isi)
        data = pd.DataFrame(baris)
        # Penyebut dulu (sebagian dari penduduk), lalu pembilang ≤ penyebut.
        penyebut = {p.penyebut for p in skema.INDIKATOR_DESA.pasangan} - {"jumlah_penduduk"}
        pembilang = {p.pembilang for p in skema.INDIKATOR_DESA.pasangan}
        for kolom in sorted(penyebut - pembilang):
            data[kolom] = (data["jumlah_penduduk"] * acak.uniform(0.02, 0.3, len(data))).astype(int)
        for pasangan in skema.INDIKATOR_DESA.pasangan:
            if pasangan.pembilang in penyebut:
                data[pasangan.pembilang] = (
                    data[pasangan.penyebut] * acak.uniform(0.1, 0.3, len(data))
                ).astype(int)
        for pasangan in skema.INDIKATOR_DESA.pasangan:
            if pasangan.pembilang not in penyebut:
                data[pasangan.pembilang] = (
                    data[pasangan.penyebut] * acak.uniform(0.0, 1.0, len(data))
                ).astype(int)
        return data[skema.INDIKATOR_DESA.nama_kolom]
    if nama_tabel == "belanja":
        indeks = pd.MultiIndex.from_product([desa, tahun, ["1.1", "2.1", "2.2", "2.4", "5.3"]])
        data = indeks.to_frame(index=False, name=["kode_desa", "tahun", "kode_sub_bidang"])
        data["anggaran"] = acak.integers(10_000_000, 300_000_000, len(data))
        data["realisasi"] = (data["anggaran"] * acak.uniform(0.7, 1.0, len(data))).astype(np.int64)
        return data
    if nama_tabel == "belanja_kegiatan":
        indeks = pd.MultiIndex.from_product([desa, tahun, ["1.1.01", "1.1.02", "1.1.04"]])
        data = indeks.to_frame(index=False, name=["kode_desa", "tahun", "kode_kegiatan"])
        data["anggaran"] = acak.integers(10_000_000, 100_000_000, len(data))
        data["realisasi"] = (data["anggaran"] * acak.uniform(0.7, 1.0, len(data))).astype(np.int64)
        return data
    if nama_tabel == "pendapatan":
        indeks = pd.MultiIndex.from_product([desa, tahun])
        data = indeks.to_frame(index=False, name=["kode_desa", "tahun"])
        for kolom in skema.PENDAPATAN.nama_kolom[2:]:
            data[kolom] = acak.integers(0, 1_000_000_000, len(data))
        return data
    if nama_tabel == "fasilitas":
        data = pd.DataFrame({"kode_desa": desa})
        for kolom in skema.FASILITAS.kolom[1:]:
            if kolom.tipe == skema.TIPE_CACAH:
                data[kolom.nama] = acak.integers(1, 6, n_desa)
        data["posyandu_aktif"] = np.minimum(data["posyandu_aktif"], data["jumlah_posyandu"])
        data["jarak_puskesmas_km"] = np.round(acak.uniform(0.5, 25, n_desa), 1)
        data["air_perpipaan"] = np.where(acak.random(n_desa) < 0.5, "ya", "tidak")
        return data[skema.FASILITAS.nama_kolom]
    if nama_tabel == "usulan":
        n = 2 * n_desa
        return pd.DataFrame(
            {
                "id_usulan": [f"U{i + 1:04d}" for i in range(n)],
                "kode_desa": [desa[i % n_desa] for i in range(n)],
                "tahun": [tahun[i % len(tahun)] for i in range(n)],
                "layanan": [list(skema.LAYANAN)[i % len(skema.LAYANAN)] for i in range(n)],
                "uraian": [f"Usulan contoh {i + 1}" for i in range(n)],
                "perkiraan_biaya": acak.integers(5_000_000, 500_000_000, n),
                "prioritas": [("tinggi", "sedang", "rendah")[i % 3] for i in range(n)],
                "diakomodasi": ["ya" if i % 2 else "tidak" for i in range(n)],
            }
        )
    if nama_tabel == "program":
        return pd.DataFrame(
            {
                "id_program": ["P001", "P002", "P003"],
                "kode_kabupaten": kode_kecamatan[:5],
                "tahun": [2022, 2023, 2024],
                "opd": ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas PMD"],
                "program": ["Posyandu", "PAUD", "Adminduk keliling"],
                "layanan": ["kesehatan", "pendidikan", "adminduk"],
                "desa_sasaran": [";".join(desa[:3]), desa[3], ";".join(desa[4:6])],
                "anggaran": [150_000_000, 90_000_000, 40_000_000],
            }
        )
    if nama_tabel == "usulan_tindak_lanjut":
        usulan = buat_tabel_contoh("usulan", n_desa, kode_kecamatan)
        return pd.DataFrame(
            {
                "id_usulan": usulan["id_usulan"],
                "tahun_usulan": usulan["tahun"] - 1,
                "jenis": "posyandu_gizi",
                "jalur": ["Musrenbang" if i % 3 else "RKPDes" for i in range(len(usulan))],
                "ditampung_oleh": usulan["diakomodasi"].map({"ya": "APBDes", "tidak": "tidak"}),
            }
        )
    if nama_tabel == "program_desa":
        program = buat_tabel_contoh("program", n_desa, kode_kecamatan)
        panjang = program.assign(kode_desa=program["desa_sasaran"].str.split(";")).explode(
            "kode_desa"
        )
        return pd.DataFrame(
            {
                "id_program": panjang["id_program"].to_numpy(),
                "kode_desa": panjang["kode_desa"].to_numpy(),
                "tahun": panjang["tahun"].to_numpy(),
                "jenis": "posyandu_gizi",
                "indikator_keluaran": "Kader posyandu yang dilatih",
                "satuan": "orang",
                "target_volume": 5,
                "anggaran": 10_000_000,
                "sumber_dana": "APBD kabupaten",
            }
        )
    if nama_tabel == "pemangku":
        return pd.DataFrame(
            {
                "kode_kecamatan": kode_kecamatan,
                "lembaga": ["Kantor Kecamatan", "Puskesmas", "PKK Kecamatan"],
                "jenis": ["pemerintah kecamatan", "unit layanan", "lembaga desa/masyarakat"],
                "layanan": ["", "kesehatan", "kesehatan;pendidikan"],
                "peran": ["koordinasi", "layanan kesehatan", "penggerak posyandu"],
                "pengaruh": ["tinggi", "tinggi", "sedang"],
                "kepentingan": ["tinggi", "tinggi", "tinggi"],
            }
        )
    raise KeyError(nama_tabel)


@pytest.fixture
def tabel_contoh() -> Callable[..., pd.DataFrame]:
    """Fungsi ``(nama_tabel, n_desa=15, kode_kecamatan='33.22.01') -> DataFrame`` yang sah."""
    return buat_tabel_contoh


@pytest.fixture
def folder_data_contoh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Folder data kecil berisi semua tabel skema dalam CSV; ``P3PD_DATA`` menunjuk ke sana."""
    folder = tmp_path / "data"
    folder.mkdir()
    for nama, tabel in skema.SEMUA_TABEL.items():
        buat_tabel_contoh(nama).to_csv(folder / tabel.berkas, index=False)
    monkeypatch.setenv("P3PD_DATA", str(folder))
    return folder


# Berkas uji yang paling lama (diukur pada CI: masing-masing 20–150 detik) dijadwalkan lebih
# dulu. Dengan ``pytest -n 2 --dist loadfile --no-loadscope-reorder`` (perintah ``make uji``)
# kedua pekerja mulai dari pekerjaan terpanjang dan berkas pendek mengisi sisanya, sehingga
# tidak ada satu pekerja yang masih menjalankan uji panjang sendirian di akhir.
BERKAS_LAMA_DULU = (
    "test_offline.py",
    "test_lingkungan.py",
    "test_handout.py",
    "test_browser.py",
    "test_alur_data_sendiri.py",
    "test_portabel.py",
    "test_kerja.py",
    "test_handout_bagian.py",
    "test_handout_sebagian.py",
    "test_kerja_05_06.py",
    "test_kerja_07_09.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Urutkan uji: berkas dalam ``BERKAS_LAMA_DULU`` lebih dulu, sisanya urutan biasa."""
    urutan = {nama: i for i, nama in enumerate(BERKAS_LAMA_DULU)}
    items.sort(key=lambda item: urutan.get(item.path.name, len(urutan)))
