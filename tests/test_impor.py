"""p3pd impor: peta YAML dan Excel, rumus jumlah, lebar→panjang, kelompok per desa, JSON, kode BPS,
tidak menimpa, berkas sumber tidak berubah, laporan asumsi, label, dan lolos pemuat."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import buat_tabel_contoh

from p3pd import muat, skema
from p3pd.cli import main
from p3pd.galat import DataTidakValid
from p3pd.impor import baca_peta, impor
from p3pd.impor.kode import kenali_kode, kenali_kolom
from p3pd.impor.peta_excel import lembar_templat_peta

PEMILIK = "Kecamatan Uji, Kabupaten Semarang"

# Sumber bergaya ekspor kecamatan: baris per sarana, kolom desa berulang, kode tanpa titik.
SUMBER = """\
Rekap sarana Kecamatan Uji;;;;;;;;;;;;
;;;;;;;;;;;;
Kode Desa;Nama Desa;SD Negeri;SD Swasta;MI;SMP;PAUD;Posyandu;Posyandu aktif;Pustu;Jarak PKM;Bidan;Pipa;Jenis sarana
3322012001;Contoh 1;2;1;0;1;3;5;4;1;2,5;1;ya;posyandu
3322012001;Contoh 1;2;1;0;1;3;5;4;1;2,5;1;ya;posyandu
3322012001;Contoh 1;2;1;0;1;3;5;4;1;2,5;1;ya;sd
33.22.01.2002;Contoh 2;1;0;1;0;2;3;3;0;7;0;tidak;posyandu
;JUMLAH;5;2;1;2;8;13;11;2;;2;;
"""

PETA = {
    "nama": "Rekap sarana kecamatan",
    "sumber_data": "Rekap sarana Kecamatan Uji 2024",
    "tabel": {
        "fasilitas": {
            "kelompok": True,
            "kolom": {
                "kode_desa": "Kode Desa",
                "jumlah_sd": {"jumlah": ["SD Negeri", "SD Swasta", "MI"], "agregasi": "sama"},
                "jumlah_smp": {"kolom": "SMP", "agregasi": "sama"},
                "jumlah_paud": {"kolom": "PAUD", "agregasi": "sama"},
                "jumlah_posyandu": {"kolom": "Posyandu", "agregasi": "sama"},
                "posyandu_aktif": {"kolom": "Posyandu aktif", "agregasi": "sama"},
                "jumlah_pustu_polindes": {"kolom": "Pustu", "agregasi": "sama"},
                "jarak_puskesmas_km": {"kolom": "Jarak PKM", "agregasi": "sama"},
                "bidan_desa": {"kolom": "Bidan", "agregasi": "pertama"},
                "air_perpipaan": {"kolom": "Pipa", "agregasi": "sama"},
            },
        }
    },
}


def _sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sumber(tmp_path: Path) -> Path:
    path = tmp_path / "rekap sarana.csv"
    path.write_text(SUMBER, encoding="utf-8")
    return path


@pytest.fixture
def peta(tmp_path: Path) -> Path:
    path = tmp_path / "peta.yaml"
    path.write_text(yaml.safe_dump(PETA, allow_unicode=True), encoding="utf-8")
    return path


def _folder_dengan_wilayah(tmp_path: Path) -> Path:
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    buat_tabel_contoh("wilayah").to_csv(keluar / "wilayah_desa.csv", index=False)
    return keluar


def test_peta_yaml_jumlah_kolom_kelompok_per_desa_dan_lolos_pemuat(tmp_path, sumber, peta):
    keluar = _folder_dengan_wilayah(tmp_path)
    hasil = impor(sumber, peta, keluar, pemilik=PEMILIK)
    fas = hasil.tabel["fasilitas"].data.set_index("kode_desa")
    assert list(fas.index) == ["33.22.01.2001", "33.22.01.2002"]
    assert fas.loc["33.22.01.2001", "jumlah_sd"] == 3  # 2 + 1 + 0 (rumus jumlah)
    assert fas.loc["33.22.01.2002", "jumlah_sd"] == 2  # 1 + 0 + 1
    assert fas.loc["33.22.01.2001", "jarak_puskesmas_km"] == 2.5  # koma desimal dibaca
    assert bool(fas.loc["33.22.01.2001", "air_perpipaan"]) is True
    dimuat = muat.muat_folder(keluar, ["wilayah", "fasilitas"])
    assert len(dimuat["fasilitas"]) == 2
    assert dimuat["fasilitas"]["jumlah_sd"].tolist() == [3, 2]


def test_berkas_sumber_tidak_berubah(tmp_path, sumber, peta):
    sebelum = _sidik(sumber), _sidik(peta)
    impor(sumber, peta, tmp_path / "keluar", pemilik=PEMILIK)
    assert (_sidik(sumber), _sidik(peta)) == sebelum


def test_laporan_menyebut_setiap_asumsi(tmp_path, sumber, peta):
    hasil = impor(sumber, peta, tmp_path / "keluar", pemilik=PEMILIK)
    teks = (tmp_path / "keluar" / "LAPORAN_IMPOR_peta.md").read_text(encoding="utf-8")
    assert teks == hasil.teks_laporan
    assert f"Data milik {PEMILIK}" in teks and "bukan data latihan sintetis" in teks
    assert "jumlah 'sd_negeri' + 'sd_swasta' + 'mi'" in teks  # kolom yang dipetakan
    assert "2 baris di atas judul kolom dilewati" in teks  # catatan pemuat
    # baris JUMLAH (kode desa kosong) dibuang, dengan alasan dan nomor barisnya
    assert "1 baris dibuang: kolom kunci (kode_desa) kosong" in teks and "baris 8" in teks
    assert "diseragamkan ke bentuk Kemendagri" in teks  # kode tanpa titik dirapikan
    assert "4 baris sumber digabung menjadi 2 baris, satu per kode_desa" in teks
    assert "jenis_sarana" in teks and "tidak disalin" in teks
    assert _sidik(Path(hasil.berkas[0])) != ""  # berkas ditulis


def test_label_data_sendiri_ditulis_dan_digabung(tmp_path, sumber, peta):
    keluar = tmp_path / "keluar"
    impor(sumber, peta, keluar, pemilik=PEMILIK)
    label = yaml.safe_load((keluar / "SUMBER_DATA.yaml").read_text(encoding="utf-8"))
    assert label["pemilik"] == PEMILIK
    # folder kosong: daftar desa dibuat dari daftar nasional, sumbernya ikut di label
    from p3pd.wilayah_nasional import SUMBER_DAFTAR

    assert label["sumber"] == f"Rekap sarana Kecamatan Uji 2024; {SUMBER_DAFTAR}"
    # impor kedua ke folder yang sama (tabel lain, pemilik sama): sumbernya ditambahkan
    lain = tmp_path / "idm.csv"
    lain.write_text('kode_desa,idm_2024\n3322012001,"0,7"\n', encoding="utf-8")
    peta2 = {
        "nama": "IDM",
        "lebar_ke_panjang": {"pola": r"^idm_(\d{4})$", "ke": "tahun", "nilai": "skor"},
        "tabel": {
            "terbitan": {
                "kolom": {
                    "kode_desa": "kode_desa",
                    "tahun": "tahun",
                    "ukuran": {"nilai": "idm"},
                    "nilai": "skor",
                    "sumber": {"nilai": "Kemendes PDTT, IDM 2024"},
                }
            }
        },
    }
    from p3pd.impor.peta import peta_dari_dict

    impor(lain, peta_dari_dict(peta2, "idm.yaml"), keluar, pemilik=PEMILIK, sumber_data="IDM 2024")
    label = yaml.safe_load((keluar / "SUMBER_DATA.yaml").read_text(encoding="utf-8"))
    assert label["sumber"] == f"Rekap sarana Kecamatan Uji 2024; {SUMBER_DAFTAR}; IDM 2024"
    (keluar / "angka_terbitan.csv").unlink()
    with pytest.raises(DataTidakValid, match="sudah berlabel milik"):
        impor(
            lain,
            peta_dari_dict(peta2, "idm2.yaml"),
            keluar,
            pemilik="Kecamatan Lain",
            sumber_data="IDM 2024",
        )


def test_keluaran_yang_ada_tidak_ditimpa_tanpa_timpa(tmp_path, sumber, peta):
    keluar = tmp_path / "keluar"
    impor(sumber, peta, keluar, pemilik=PEMILIK)
    berkas = keluar / "fasilitas_desa.csv"
    berkas.write_text("isi yang sudah disunting\n", encoding="utf-8")
    with pytest.raises(
        DataTidakValid, match="Folder .* sudah berisi .*tidak ditimpa.*--timpa"
    ) as g:
        impor(sumber, peta, keluar, pemilik=PEMILIK)
    assert "API" not in str(g.value) and "Berkas '" not in str(g.value)
    assert berkas.read_text(encoding="utf-8") == "isi yang sudah disunting\n"
    impor(sumber, peta, keluar, pemilik=PEMILIK, timpa=True)
    assert berkas.read_text(encoding="utf-8").startswith("kode_desa,jumlah_sd")


def test_sumber_tidak_boleh_menjadi_tujuan(tmp_path, peta):
    folder = tmp_path / "satu"
    folder.mkdir()
    sumber = folder / "fasilitas_desa.csv"
    sumber.write_text(SUMBER, encoding="utf-8")
    sebelum = _sidik(sumber)
    with pytest.raises(DataTidakValid, match="berkas sumber tidak boleh ditimpa"):
        impor(sumber, peta, folder, pemilik=PEMILIK, timpa=True)
    assert _sidik(sumber) == sebelum


def test_peta_excel_sama_dengan_yaml(tmp_path, sumber, peta):
    lembar = lembar_templat_peta()
    isi = lembar["peta"].copy()
    asal = {
        "kode_desa": ("Kode Desa", ""),
        "jumlah_sd": ("SD Negeri + SD Swasta + MI", "sama"),
        "jumlah_smp": ("SMP", "sama"),
        "jumlah_paud": ("PAUD", "sama"),
        "jumlah_posyandu": ("Posyandu", "sama"),
        "posyandu_aktif": ("Posyandu aktif", "sama"),
        "jumlah_pustu_polindes": ("Pustu", "sama"),
        "jarak_puskesmas_km": ("Jarak PKM", "sama"),
        "bidan_desa": ("Bidan", "pertama"),
        "air_perpipaan": ("Pipa", "sama"),
    }
    for i, r in isi.iterrows():
        if r["tabel"] == "fasilitas" and r["kolom_templat"] in asal:
            isi.loc[i, ["kolom_sumber", "agregasi"]] = asal[r["kolom_templat"]]
    atur = lembar["pengaturan"].set_index("kunci")
    atur.loc["nama", "nilai"] = "Rekap sarana (Excel)"
    atur.loc["sumber_data", "nilai"] = "Rekap sarana Kecamatan Uji 2024"
    atur.loc["kelompok", "nilai"] = "fasilitas"
    path = tmp_path / "peta.xlsx"
    with pd.ExcelWriter(path) as w:
        isi.to_excel(w, sheet_name="peta", index=False)
        atur.reset_index().to_excel(w, sheet_name="pengaturan", index=False)
    dari_excel = baca_peta(path)
    assert dari_excel.nama == "Rekap sarana (Excel)"
    assert dari_excel.tabel["fasilitas"].kelompok
    a = impor(sumber, path, tmp_path / "a", pemilik=PEMILIK).tabel["fasilitas"].data
    b = impor(sumber, peta, tmp_path / "b", pemilik=PEMILIK).tabel["fasilitas"].data
    pd.testing.assert_frame_equal(a, b)


def test_peta_excel_judul_lain_untuk_berkas_berjudul_berbeda(tmp_path, sumber, peta):
    """Dua berkas rekap yang sama isinya, tetapi satu menulis "Jumlah Posyandu" bukan "Posyandu"."""
    lembar = lembar_templat_peta()
    assert "judul_lain" in lembar["peta"].columns
    isi = lembar["peta"].copy()
    asal = {
        "kode_desa": ("Kode Desa", "", ""),
        "jumlah_sd": ("SD Negeri + SD Swasta + MI", "", "sama"),
        "jumlah_posyandu": ("Posyandu", "Jumlah Posyandu; Posyandu (unit)", "sama"),
    }
    for i, r in isi.iterrows():
        if r["tabel"] == "fasilitas" and r["kolom_templat"] in asal:
            isi.loc[i, ["kolom_sumber", "judul_lain", "agregasi"]] = asal[r["kolom_templat"]]
    atur = lembar["pengaturan"].set_index("kunci")
    atur.loc["kelompok", "nilai"] = "fasilitas"
    atur.loc["sumber_data", "nilai"] = "Rekap sarana Kecamatan Uji 2024"
    path = tmp_path / "peta.xlsx"
    with pd.ExcelWriter(path) as w:
        isi.to_excel(w, sheet_name="peta", index=False)
        atur.reset_index().to_excel(w, sheet_name="pengaturan", index=False)
    # judul dibandingkan dalam bentuk baku (huruf kecil, garis bawah), seperti peta YAML
    assert baca_peta(path).judul_lain == {"posyandu": ("jumlah_posyandu", "posyandu_unit")}
    lain = tmp_path / "rekap_lain.csv"
    lain.write_text(
        sumber.read_text(encoding="utf-8").replace(";Posyandu;", ";Jumlah Posyandu;"),
        encoding="utf-8",
    )
    assert "Jumlah Posyandu" in lain.read_text(encoding="utf-8")
    a = impor(sumber, path, tmp_path / "a", pemilik=PEMILIK)
    b = impor(lain, path, tmp_path / "b", pemilik=PEMILIK)
    pd.testing.assert_frame_equal(a.tabel["fasilitas"].data, b.tabel["fasilitas"].data)
    assert "Jumlah Posyandu" in b.teks_laporan
    # judul_lain pada penjumlahan tidak bermakna: ditolak dengan baris lembar peta
    isi.loc[isi["kolom_templat"] == "jumlah_sd", "judul_lain"] = "SD"
    salah = tmp_path / "peta_salah.xlsx"
    with pd.ExcelWriter(salah) as w:
        isi.to_excel(w, sheet_name="peta", index=False)
    with pytest.raises(DataTidakValid, match="judul_lain hanya untuk kolom_sumber"):
        baca_peta(salah)


def test_templat_peta_excel_lewat_cli(tmp_path, capsys):
    path = tmp_path / "peta_saya.xlsx"
    assert main(["impor", "--templat-peta", str(path)]) == 0
    lembar = pd.read_excel(path, sheet_name=None)
    assert set(lembar) == {"peta", "pengaturan", "petunjuk"}
    assert set(lembar["peta"]["tabel"]) == set(skema.TABEL_DIKENAL)
    # keterangan tidak membawa catatan khusus data latihan sintetis
    keterangan = " ".join(lembar["peta"]["keterangan"].astype(str))
    assert "fiktif" not in keterangan and "generator" not in keterangan
    assert "2022–2024" not in keterangan
    cara = lembar["petunjuk"].set_index("kolom")["cara_mengisi"]
    assert list(cara.index) == list(lembar["peta"].columns)
    assert "Hanya bila kolom_sumber berisi satu judul" in cara["judul_lain"]
    assert main(["impor", "--templat-peta", str(path)]) == 2
    assert "sudah ada dan tidak ditimpa" in capsys.readouterr().err


def test_lebar_ke_panjang_kolom_per_tahun(tmp_path):
    sumber = tmp_path / "idm_lebar.csv"
    sumber.write_text(
        "Kode Desa;IDM 2022;IDM 2023;IDM 2024\n3322012001;0,61;0,65;0,70\n3322012002;0,70;0,72;\n",
        encoding="utf-8",
    )
    peta = tmp_path / "idm.yaml"
    peta.write_text(
        yaml.safe_dump(
            {
                "sumber_data": "IDM (uji)",
                "lebar_ke_panjang": {"pola": r"^idm_(\d{4})$", "ke": "tahun", "nilai": "skor"},
                "tabel": {
                    "terbitan": {
                        "kolom": {
                            "kode_desa": "Kode Desa",
                            "tahun": "tahun",
                            "ukuran": {"nilai": "idm"},
                            "nilai": "skor",
                            "satuan": {"nilai": "indeks 0–1"},
                            "sumber": {"nilai": "Kemendes PDTT, IDM"},
                        }
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    hasil = impor(sumber, peta, tmp_path / "keluar", pemilik=PEMILIK)
    data = hasil.tabel["terbitan"].data
    assert len(data) == 5  # 2 desa × 3 tahun, sel kosong (IDM 2024 desa 2) dibuang
    assert data["tahun"].tolist() == [2022, 2023, 2024, 2022, 2023]
    assert data["nilai"].tolist() == pytest.approx([0.61, 0.65, 0.70, 0.70, 0.72])
    assert "`idm_2022`, `idm_2023`, `idm_2024`" in hasil.teks_laporan
    assert "1 sel kosong di kolom itu tidak dijadikan baris" in hasil.teks_laporan


def test_baris_sarana_dihitung_per_desa(tmp_path, sumber):
    peta = tmp_path / "hitung.yaml"
    peta.write_text(
        yaml.safe_dump(
            {
                "sumber_data": "uji",
                "tabel": {
                    "fasilitas": {
                        "kelompok": True,
                        "kolom": {
                            "kode_desa": "Kode Desa",
                            "jumlah_posyandu": {
                                "hitung": {"kolom": "Jenis sarana", "salah_satu": ["posyandu"]}
                            },
                            "jumlah_sd": {
                                "hitung": {"kolom": "Jenis sarana", "salah_satu": ["SD"]}
                            },
                        },
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    data = impor(sumber, peta, tmp_path / "k", pemilik=PEMILIK).tabel["fasilitas"].data
    assert data["jumlah_posyandu"].tolist() == [2, 1]
    assert data["jumlah_sd"].tolist() == [1, 0]


def test_json_bersarang_diratakan(tmp_path):
    sumber = tmp_path / "sarana.json"
    sumber.write_text(
        json.dumps(
            [
                {
                    "desa": {"kode": "3322012001", "nama": "Contoh 1"},
                    "sekolah": {"sd": 3, "smp": 1},
                },
                {
                    "desa": {"kode": "3322012002", "nama": "Contoh 2"},
                    "sekolah": {"sd": 2, "smp": 0},
                },
            ]
        ),
        encoding="utf-8",
    )
    peta = tmp_path / "json.yaml"
    peta.write_text(
        yaml.safe_dump(
            {
                "sumber_data": "uji",
                "tabel": {
                    "fasilitas": {
                        "kolom": {
                            "kode_desa": "desa.kode",
                            "jumlah_sd": "sekolah.sd",
                            "jumlah_smp": "sekolah.smp",
                        }
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    data = impor(sumber, peta, tmp_path / "k", pemilik=PEMILIK).tabel["fasilitas"].data
    assert data["kode_desa"].tolist() == ["33.22.01.2001", "33.22.01.2002"]
    assert data["jumlah_sd"].tolist() == [3, 2]


def test_kode_bps_dikenali_dan_ditolak_dengan_namanya(tmp_path, peta, capsys):
    sumber = tmp_path / "bps.csv"
    sumber.write_text(SUMBER.replace("3322012001", "3322010001"), encoding="utf-8")
    with pytest.raises(DataTidakValid) as galat:
        impor(sumber, peta, tmp_path / "k", pemilik=PEMILIK)
    pesan = str(galat.value)
    assert "ini kode BPS, bukan kode Kemendagri" in pesan
    assert "bps.csv" in pesan and "'kode_desa'" in pesan and "baris 4, 5, 6" in pesan
    assert not (tmp_path / "k").exists()  # tidak ada yang ditulis
    kode = main(
        [
            "impor",
            str(sumber),
            "--peta",
            str(peta),
            "--keluar",
            str(tmp_path / "k"),
            "--pemilik",
            PEMILIK,
        ]
    )
    err = capsys.readouterr().err
    assert kode == 2 and "ini kode BPS" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("nilai", "jenis"),
    [
        ("3322012001", "kemendagri"),
        ("33.22.01.2001", "kemendagri"),
        ("3322011001", "kemendagri"),
        ("3579010001", "bps"),
        ("3374123456789012", "nik"),
        ("5304030", "bps_kecamatan"),
        ("50711", "kode_pos"),
        ("Desa Suka", "lain"),
    ],
)
def test_kenali_kode(nilai, jenis):
    assert kenali_kode(nilai).jenis == jenis


def test_kolom_bps_seluruhnya_walau_sebagian_berpola_kemendagri():
    # 5304021001 bisa dibaca 53.04.02.1001, tetapi di kolom yang berisi kode BPS pasti, ia BPS.
    hasil = kenali_kolom(pd.Series(["5304030001", "5304021001"]))
    assert hasil.kolom_bps and set(hasil.jenis) == {"bps"}
    assert kenali_kolom(pd.Series(["3322012001", "3322012002"])).kolom_bps is False


def test_nik_di_kolom_kode_ditolak(tmp_path, peta):
    sumber = tmp_path / "nik.csv"
    sumber.write_text(SUMBER.replace("3322012001", "3322014506900001"), encoding="utf-8")
    with pytest.raises(DataTidakValid, match="mirip NIK"):
        impor(sumber, peta, tmp_path / "k", pemilik=PEMILIK)


def test_agregasi_sama_menolak_nilai_berbeda(tmp_path, peta):
    sumber = tmp_path / "beda.csv"
    sumber.write_text(
        SUMBER.replace(
            "3322012001;Contoh 1;2;1;0;1;3;5;4;1;2,5;1;ya;sd",
            "3322012001;Contoh 1;9;1;0;1;3;5;4;1;2,5;1;ya;sd",
        ),
        encoding="utf-8",
    )
    with pytest.raises(DataTidakValid) as galat:
        impor(sumber, peta, tmp_path / "k", pemilik=PEMILIK)
    pesan = str(galat.value)
    assert "agregasi 'sama'" in pesan and "'jumlah_sd'" in pesan and "baris 4, 5, 6" in pesan


def test_kolom_sumber_tidak_ada_disebut_dengan_usulan(tmp_path, sumber):
    peta = tmp_path / "salah.yaml"
    isi = json.loads(json.dumps(PETA))
    isi["tabel"]["fasilitas"]["kolom"]["jumlah_smp"] = {"kolom": "SMPP", "agregasi": "sama"}
    peta.write_text(yaml.safe_dump(isi), encoding="utf-8")
    with pytest.raises(DataTidakValid, match="kolom sumber 'smpp'.*tidak ada.*'smp'"):
        impor(sumber, peta, tmp_path / "k", pemilik=PEMILIK)


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (
            "tabel:\n  fasilitas:\n    kolom:\n      kode_desa: a\n      jumlah_sdd: b\n",
            "tidak punya kolom 'jumlah_sdd'. Mungkin maksudnya 'jumlah_sd'",
        ),
        ("tabel:\n  fasilitass:\n    kolom: {kode_desa: a}\n", "Mungkin maksudnya 'fasilitas'"),
        ("tabel:\n  fasilitas:\n    kolom: {jumlah_sd: a}\n", "kolom kunci tabel ini wajib"),
        (
            "tabel:\n  fasilitas:\n    kelompok: true\n    kolom: {kode_desa: a, jumlah_sd: b}\n",
            "sebutkan cara menggabungkan kolom jumlah_sd",
        ),
        ("tabel: [\n", "bukan YAML yang sah"),
        ("tabl:\n  fasilitas: {}\n", "kunci 'tabl' tidak dikenal. Mungkin maksudnya 'tabel'"),
        (
            "baca: {judul_lain: [a]}\ntabel:\n  fasilitas:\n    kolom: {kode_desa: a}\n",
            "baca.judul_lain",
        ),
    ],
)
def test_peta_salah_ditolak_dengan_letaknya(tmp_path, isi, pesan):
    path = tmp_path / "peta_salah.yaml"
    path.write_text(isi, encoding="utf-8")
    with pytest.raises(DataTidakValid, match=pesan) as galat:
        baca_peta(path)
    assert "peta_salah.yaml" in str(galat.value)


def test_cli_impor_menulis_dan_mencetak_langkah_berikutnya(tmp_path, sumber, peta, capsys):
    keluar = tmp_path / "keluar"
    kode = main(
        ["impor", str(sumber), "--peta", str(peta), "--keluar", str(keluar), "--pemilik", PEMILIK]
    )
    out = capsys.readouterr().out
    assert kode == 0
    assert f"Data milik {PEMILIK}" in out and "fasilitas_desa.csv" in out
    assert f"p3pd ringkasan --data {keluar}" in out
    assert (
        main(
            [
                "impor",
                str(sumber),
                "--peta",
                str(peta),
                "--keluar",
                str(keluar),
                "--pemilik",
                PEMILIK,
            ]
        )
        == 2
    )
    assert "tidak ditimpa" in capsys.readouterr().err


def test_cli_tanpa_pemilik_dan_preset_salah(tmp_path, sumber, capsys):
    assert main(["impor", str(sumber), "--preset", "podes", "--keluar", str(tmp_path)]) == 2
    assert "--pemilik" in capsys.readouterr().err
    assert (
        main(
            [
                "impor",
                str(sumber),
                "--preset",
                "podes",
                "--keluar",
                str(tmp_path / "k"),
                "--pemilik",
                PEMILIK,
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "preset 'podes' tidak ada" in err and "podes_fasilitas" in err
    assert "Traceback" not in err


def test_kode_berpola_kemendagri_tetapi_tidak_di_daftar_nasional_dicatat(tmp_path, peta):
    sumber = tmp_path / "baru.csv"
    sumber.write_text(SUMBER.replace("33.22.01.2002", "33.22.01.2999"), encoding="utf-8")
    hasil = impor(sumber, peta, tmp_path / "k", pemilik=PEMILIK)
    assert "33.22.01.2999" in hasil.tabel["fasilitas"].data["kode_desa"].tolist()
    assert "tidak ada di daftar wilayah nasional" in hasil.teks_laporan
    assert "33.22.01.2999" in hasil.teks_laporan


def test_sumber_excel_dengan_judul_di_atas_tabel(tmp_path, peta):
    teks = SUMBER.splitlines()
    baris = [b.split(";") for b in teks[2:]]
    path = tmp_path / "rekap.xlsx"
    with pd.ExcelWriter(path) as w:
        pd.DataFrame([["Rekap sarana Kecamatan Uji"]]).to_excel(
            w, sheet_name="rekap", index=False, header=False
        )
        pd.DataFrame(baris[1:], columns=baris[0]).to_excel(
            w, sheet_name="rekap", index=False, startrow=2
        )
    data = impor(path, peta, tmp_path / "k", pemilik=PEMILIK).tabel["fasilitas"].data
    assert data["kode_desa"].tolist() == ["33.22.01.2001", "33.22.01.2002"]
    assert data["jumlah_sd"].tolist() == [3, 2]


def test_json_rusak_dan_berkas_hilang_dijelaskan(tmp_path, peta):
    rusak = tmp_path / "rusak.json"
    rusak.write_text('{"desa": [1, 2,', encoding="utf-8")
    with pytest.raises(DataTidakValid, match="rusak.json.*bukan JSON yang sah \\(baris 1"):
        impor(rusak, peta, tmp_path / "k", pemilik=PEMILIK)
    with pytest.raises(DataTidakValid, match="tidak ditemukan"):
        impor(tmp_path / "tidak_ada.csv", peta, tmp_path / "k", pemilik=PEMILIK)


KEGIATAN = """Kode Desa;Tahun;Kode Keg;Nilai Rp
3322012001;2024;01.01.01;100
3322012001;2024;01.01.02;50
33.22.01.2002;2024;02.02.02;70
33.22.01.2002;2024;JUMLAH;220
"""

PETA_KEGIATAN = {
    "nama": "Kegiatan bernol",
    "sumber_data": "Contoh buatan",
    "baca": {"judul_lain": {"Anggaran": ["Nilai Rp", "Pagu"]}},
    "tabel": {
        "belanja": {
            "kelompok": True,
            "saring": [{"kolom": "Kode Keg", "pola": r"^\d{2}\.\d{2}\.\d{2}$"}],
            "kolom": {
                "kode_desa": "Kode Desa",
                "tahun": "Tahun",
                "kode_sub_bidang": {"kolom": "Kode Keg", "ambil": r"^0?(\d)(\.)0?(\d+)"},
                "anggaran": {"kolom": "Anggaran", "agregasi": "jumlah"},
            },
        },
        "belanja_kegiatan": {
            "saring": [{"kolom": "Kode Keg", "pola": r"^01\.01\.0[1-7]$"}],
            "kolom": {
                "kode_desa": "Kode Desa",
                "tahun": "Tahun",
                "kode_kegiatan": {"kolom": "Kode Keg", "ambil": r"^0(1)(\.)0(1\.0[1-7])"},
                "anggaran": "Anggaran",
            },
        },
    },
}


def test_ambil_beberapa_grup_dan_judul_lain(tmp_path):
    sumber = tmp_path / "kegiatan.csv"
    sumber.write_text(KEGIATAN, encoding="utf-8")
    peta = tmp_path / "peta.yaml"
    peta.write_text(yaml.safe_dump(PETA_KEGIATAN), encoding="utf-8")
    keluar = _folder_dengan_wilayah(tmp_path)
    hasil = impor(sumber, peta, keluar, pemilik=PEMILIK)
    bel = hasil.tabel["belanja"].data
    assert bel[["kode_desa", "kode_sub_bidang", "anggaran"]].values.tolist() == [
        ["33.22.01.2001", "1.1", 150],
        ["33.22.01.2002", "2.2", 70],
    ]
    keg = hasil.tabel["belanja_kegiatan"].data
    assert keg["kode_kegiatan"].tolist() == ["1.1.01", "1.1.02"]
    assert "kolom 'nilai_rp' dibaca sebagai 'anggaran' (judul lain)" in hasil.teks_laporan
    muat.muat_folder(keluar, ["wilayah", "belanja", "belanja_kegiatan"])


def test_tabel_tanpa_baris_tidak_ditulis_dan_semua_kosong_ditolak(tmp_path, capsys):
    sumber = tmp_path / "kegiatan.csv"
    sumber.write_text(KEGIATAN.replace("01.01.0", "03.01.0"), encoding="utf-8")
    peta = tmp_path / "peta.yaml"
    peta.write_text(yaml.safe_dump(PETA_KEGIATAN), encoding="utf-8")
    keluar = _folder_dengan_wilayah(tmp_path)
    argumen = ["impor", str(sumber), "--peta", str(peta), "--keluar", str(keluar)]
    assert main([*argumen, "--pemilik", PEMILIK]) == 0
    out = capsys.readouterr().out
    assert "apbdes_belanja_kegiatan.csv" in out and "tidak ditulis" in out
    assert (keluar / "apbdes_belanja.csv").is_file()
    assert not (keluar / "apbdes_belanja_kegiatan.csv").exists()
    laporan = (keluar / "LAPORAN_IMPOR_peta.md").read_text(encoding="utf-8")
    assert "`apbdes_belanja_kegiatan.csv` tidak ditulis" in laporan
    muat.muat_folder(keluar)
    sumber.write_text(KEGIATAN.replace("0", "9"), encoding="utf-8")
    kosong = tmp_path / "kosong"
    with pytest.raises(DataTidakValid, match="tidak ada satu baris sumber pun"):
        impor(sumber, peta, kosong, pemilik=PEMILIK)
    assert not kosong.exists()


def test_cli_sumber_folder_dan_pola_diuraikan_sendiri(tmp_path, capsys):
    """Command Prompt Windows tidak menguraikan *.json; p3pd impor menguraikannya sendiri."""
    idm = sorted((Path(__file__).parent / "data_nyata" / "idm").glob("*.json"))
    unduhan = tmp_path / "unduhan"
    unduhan.mkdir()
    for berkas in idm:
        (unduhan / f"{berkas.parent.name}_{berkas.name}").write_bytes(berkas.read_bytes())
    (unduhan / "catatan.txt").write_text("bukan sumber", encoding="utf-8")
    umum = ["--preset", "idm", "--pemilik", PEMILIK]
    assert main(["impor", str(unduhan), "--keluar", str(tmp_path / "a"), *umum]) == 0
    assert main(["impor", str(unduhan / "*.json"), "--keluar", str(tmp_path / "b"), *umum]) == 0
    a = (tmp_path / "a" / "angka_terbitan.csv").read_text(encoding="utf-8")
    assert a == (tmp_path / "b" / "angka_terbitan.csv").read_text(encoding="utf-8")
    assert "1101022001" not in a and "11.01.02.2001" in a
    capsys.readouterr()
    kosong = tmp_path / "kosong"
    kosong.mkdir()
    assert main(["impor", str(kosong), "--keluar", str(tmp_path / "c"), *umum]) == 2
    assert "tidak berisi berkas" in capsys.readouterr().err
    assert main(["impor", str(unduhan / "*.xml"), "--keluar", str(tmp_path / "c"), *umum]) == 2
    assert "tidak ada berkas yang cocok" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()
