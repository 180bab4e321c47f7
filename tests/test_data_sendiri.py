"""Data kecamatan sendiri: yang diterima pemeriksa harus bisa diproses handout, dan yang akan
merusak handout harus ditolak pemeriksa lebih dulu (``p3pd periksa`` / ``p3pd ringkasan``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import buat_tabel_contoh

from p3pd import handout, muat, ringkasan, skema
from p3pd.galat import DataTidakValid, GalatP3PD

TABEL = ("wilayah", "indikator", "belanja", "fasilitas", "usulan", "program", "pemangku")


def _stem(nama: str) -> str:
    return Path(skema.SEMUA_TABEL[nama].berkas).stem


def folder_canggung(folder: Path) -> Path:
    """Semua tabel contoh, ditulis seperti kiriman kecamatan: XLSX, UTF-16, ';', baris judul."""
    folder.mkdir(parents=True, exist_ok=True)
    for nama in TABEL:
        df = buat_tabel_contoh(nama)
        stem = _stem(nama)
        if nama == "indikator":
            teks = "Data indikator Kecamatan Uji;;\n\n" + df.to_csv(sep=";", index=False)
            (folder / f"{stem}.csv").write_bytes(teks.encode("utf-16"))
        elif nama == "wilayah":
            df.to_excel(folder / f"{stem}.xlsx", index=False)
        elif nama == "belanja":
            teks = df.to_csv(sep=";", index=False, lineterminator="\r\n")
            (folder / f"{stem}.csv").write_bytes(teks.encode("utf-8-sig"))
        else:
            df.to_csv(folder / f"{stem}.csv", index=False)
    return folder


def test_handout_dari_data_yang_diterima_pemeriksa(tmp_path, monkeypatch):
    folder = folder_canggung(tmp_path / "data")
    monkeypatch.setenv("P3PD_DATA", str(folder))
    ringkasan.periksa_folder(
        folder, TABEL
    )  # pemeriksa menerima semuanya (XLSX, UTF-16, ';', judul)
    assert handout.tahun_data(folder) == list(skema.TAHUN_DATA)  # dulu: pd.read_csv mentah
    pekerjaan = handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    assert [p.parameter["kecamatan"] for p in pekerjaan] == ["33.22.01"]  # hanya yang ada di data
    r = handout.bangun_handout(
        pekerjaan, keluaran=tmp_path / "k", format=("html",), progres=False, pekerja=1
    )
    assert not r.gagal, r.teks()
    html = (tmp_path / "k" / f"{pekerjaan[0].nama}.html").read_text(encoding="utf-8")
    assert "Contoh 1" in html  # nama desa dari daftar desa XLSX


def test_wilayah_yang_tidak_ada_di_data_ditolak_jelas(tmp_path, monkeypatch):
    folder = folder_canggung(tmp_path / "data")
    monkeypatch.setenv("P3PD_DATA", str(folder))
    with pytest.raises(GalatP3PD, match=r"Bancak \(33\.22\.16\) tidak ada di daftar desa"):
        handout.susun_pekerjaan(kecamatan=["Bancak"])
    with pytest.raises(GalatP3PD, match="tidak berisi desa di wilayah yang diminta"):
        handout.susun_pekerjaan(provinsi=["NTT"])


def _tulis_wilayah(folder: Path, ubah) -> Path:
    df = buat_tabel_contoh("wilayah")
    df = ubah(df)
    path = folder / "wilayah_desa.csv"
    df.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        (  # sel nama kosong diisi dari daftar nasional; kecamatan 33.22.99 tidak ada di sana
            lambda d: d.assign(
                nama_kecamatan=[""] * len(d),
                kode_kecamatan="33.22.99",
                kode_desa=[k.replace("33.22.01", "33.22.99") for k in d["kode_desa"]],
            ),
            "nama wilayah kosong",
        ),
        (
            lambda d: d.assign(nama_desa=["Sukamaju"] * 2 + list(d["nama_desa"][2:])),
            "dua desa berbeda di satu kecamatan bernama sama",
        ),
        (
            lambda d: d.assign(nama_kecamatan=["Uji"] * 3 + ["Uji Lain"] * (len(d) - 3)),
            "satu kode kecamatan ditulis dengan nama berbeda-beda",
        ),
        (
            lambda d: pd.concat(
                [
                    d,
                    d.assign(
                        kode_desa=[k.replace("33.22.01", "33.22.02") for k in d["kode_desa"]],
                        kode_kecamatan="33.22.02",
                    ),
                ]
            ),
            "dua kecamatan berbeda di satu provinsi bernama sama",
        ),
    ],
    ids=["nama-kosong", "desa-kembar", "kecamatan-dua-nama", "kecamatan-kembar"],
)
def test_nama_wilayah_yang_merusak_handout_ditolak_pemeriksa(tmp_path, ubah, pesan):
    path = _tulis_wilayah(tmp_path, ubah)
    galat = str(pytest.raises(DataTidakValid, muat.muat_wilayah, path).value)
    assert pesan in galat
    assert "baris " in galat


def test_kode_desa_tanpa_daftar_desa_dilaporkan_ringkasan(tmp_path):
    folder = folder_canggung(tmp_path / "data")
    ind = buat_tabel_contoh("indikator")
    ind.loc[0, "kode_desa"] = "33.22.01.2999"
    (folder / "indikator_desa.csv").unlink()
    ind.to_csv(folder / "indikator_desa.csv", index=False)
    bel = buat_tabel_contoh("belanja")
    bel = bel[bel["tahun"] != 2024]
    bel.to_csv(folder / "apbdes_belanja.csv", index=False)
    with pytest.raises(GalatP3PD) as info:
        ringkasan.periksa_folder(folder, TABEL)
    teks = str(info.value)
    assert "33.22.01.2999" in teks and "tidak ada di daftar desa 'wilayah_desa.xlsx'" in teks
    assert "kolom 'kode_desa', baris 2:" in teks
    # Tahun yang berbeda antartabel dilaporkan (catatan), bukan ditolak sendiri (issue #10).
    assert "Catatan: Tahun data berbeda antartabel" in teks
    assert "'apbdes_belanja.csv' 2022, 2023" in teks


def test_csv_dan_xlsx_bersamaan_ditolak(tmp_path):
    folder = folder_canggung(tmp_path / "data")
    buat_tabel_contoh("wilayah").to_csv(folder / "wilayah_desa.csv", index=False)
    with pytest.raises(GalatP3PD, match="tidak jelas mana yang dipakai"):
        ringkasan.periksa_folder(folder, TABEL)
    with pytest.raises(DataTidakValid, match="wilayah_desa.csv, wilayah_desa.xlsx"):
        muat.berkas_tabel(folder, "wilayah")


def test_ringkasan_data_sendiri_xlsx_tanpa_cap_sintetis(tmp_path, capsys):
    from p3pd.cli import main

    folder = folder_canggung(tmp_path / "data")
    for nama in skema.SEMUA_TABEL:
        if nama not in TABEL:
            buat_tabel_contoh(nama).to_excel(folder / f"{_stem(nama)}.xlsx", index=False)
    assert main(["ringkasan", "--data", str(folder)]) == 0
    keluar = capsys.readouterr().out
    assert f"Data dari folder '{folder}'" in keluar
    assert "DATA SINTETIS" not in keluar
    assert "wilayah            15 baris" in keluar


# --------------------------------------------------------------------------- data sebagian


def _wilayah_dengan_kelurahan(folder: Path) -> pd.DataFrame:
    folder.mkdir(parents=True, exist_ok=True)
    wil = buat_tabel_contoh("wilayah", n_desa=4)
    wil.loc[3, "kode_desa"] = "33.22.01.1004"  # satu kelurahan
    wil.to_csv(folder / "wilayah_desa.csv", index=False)
    return wil


def test_hanya_daftar_desa_cukup_dan_sisanya_tidak_ada_data(tmp_path, capsys):
    from p3pd.cli import main

    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    tabel = muat.muat_folder(folder)
    assert list(tabel) == ["wilayah"]
    assert main(["ringkasan", "--data", str(folder)]) == 0
    keluar = capsys.readouterr().out
    assert "3 desa dan 1 kelurahan di 1 kecamatan, 1 kabupaten." in keluar
    # 4 dari 13 desa/kelurahan Kecamatan Getasan menurut daftar nasional: disebut
    assert (
        "Cakupan menurut daftar wilayah nasional (Kepmendagri 2025): daftar desa ini baru memuat "
        "4 dari 13 desa/kelurahan Kecamatan Getasan."
    ) in keluar
    assert "indikator   tidak ada data (berkas indikator_desa tidak ada)" in keluar
    assert "tidak ada data (tabel indikator desa tidak ada untuk tahun ini)" in keluar
    assert "tidak ada data (tabel belanja APBDes tidak ada untuk tahun ini)" in keluar
    assert "DATA SINTETIS" not in keluar


def test_daftar_desa_tetap_wajib(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    buat_tabel_contoh("indikator").to_csv(folder / "indikator_desa.csv", index=False)
    with pytest.raises(DataTidakValid, match="wilayah_desa.csv"):
        muat.muat_folder(folder)


def test_kolom_dan_sel_kosong_berarti_tidak_tersedia(tmp_path, capsys):
    from p3pd import indikator
    from p3pd.cli import main

    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    ind = buat_tabel_contoh("indikator", n_desa=4)
    ind.loc[ind["kode_desa"] == "33.22.01.2004", "kode_desa"] = "33.22.01.1004"
    ind = ind[ind["tahun"] == 2024].drop(columns=["rt_babs"])
    ind["balita_diukur"] = 100
    ind["balita_stunting"] = [20, 30, None, 10]  # satu sel kosong = tidak tersedia
    ind.to_csv(folder / "indikator_desa.csv", index=False)
    fas = buat_tabel_contoh("fasilitas", n_desa=4)
    fas.loc[fas["kode_desa"] == "33.22.01.2004", "kode_desa"] = "33.22.01.1004"
    fas["air_perpipaan"] = ["ya", "", "tidak", "ya"]
    fas.drop(columns=["bidan_desa"]).to_csv(folder / "fasilitas_desa.csv", index=False)
    tabel = muat.muat_folder(folder)
    data = tabel["indikator"]
    assert data["rt_babs"].isna().all() and data["balita_stunting"].isna().sum() == 1
    assert tabel["fasilitas"]["bidan_desa"].isna().all()
    assert tabel["fasilitas"]["air_perpipaan"].isna().sum() == 1
    # capaian dari desa yang pembilang dan penyebutnya ada: (20 + 30 + 10) / 300
    cap = indikator.hitung_capaian(data, "kecamatan", indikator="stunting")
    assert cap["capaian"].iloc[0] == pytest.approx(20.0)
    assert cap["penyebut"].iloc[0] == 300
    babs = indikator.hitung_capaian(data, "kecamatan", indikator="babs")
    assert babs["capaian"].isna().all()
    assert main(["ringkasan", "--data", str(folder)]) == 0
    baris = next(
        b for b in capsys.readouterr().out.splitlines() if "buang air besar sembarangan" in b
    )
    assert baris.rstrip().endswith("tidak ada data")


def test_kelurahan_ditolak_hanya_di_apbdes(tmp_path):
    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    bel = buat_tabel_contoh("belanja", n_desa=4)
    bel.loc[bel["kode_desa"] == "33.22.01.2004", "kode_desa"] = "33.22.01.1004"
    bel.to_csv(folder / "apbdes_belanja.csv", index=False)
    with pytest.raises(DataTidakValid) as info:
        muat.muat_folder(folder)
    pesan = str(info.value)
    assert "apbdes_belanja.csv" in pesan and "kode_desa" in pesan
    assert "kelurahan tidak punya APBDes" in pesan and "APBD kabupaten/kota" in pesan
    pen = buat_tabel_contoh("pendapatan", n_desa=4)
    pen.loc[pen["kode_desa"] == "33.22.01.2004", "kode_desa"] = "33.22.01.1004"
    with pytest.raises(DataTidakValid, match="kelurahan tidak punya APBDes"):
        muat.muat_tabel("pendapatan", _tulis(folder / "p.csv", pen))
    # di tabel lain kelurahan boleh
    bel[bel["kode_desa"] != "33.22.01.1004"].to_csv(folder / "apbdes_belanja.csv", index=False)
    usul = buat_tabel_contoh("usulan", n_desa=4)
    usul.loc[usul["kode_desa"] == "33.22.01.2004", "kode_desa"] = "33.22.01.1004"
    usul.to_csv(folder / "usulan_desa.csv", index=False)
    (folder / "p.csv").unlink()
    tabel = muat.muat_folder(folder)
    assert "33.22.01.1004" in set(tabel["usulan"]["kode_desa"])
    catatan = tabel["wilayah"].attrs["catatan_antartabel"]
    assert not any("apbdes_belanja.csv" in c for c in catatan)  # kelurahan tanpa APBDes: wajar


def _tulis(path: Path, df: pd.DataFrame) -> Path:
    df.to_csv(path, index=False)
    return path


def test_antartabel_kode_asing_di_setiap_tabel_dengan_baris(tmp_path):
    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    keg = pd.DataFrame(
        {
            "kode_desa": ["33.22.01.2001", "33.22.01.2099"],
            "tahun": [2024, 2024],
            "kode_kegiatan": ["1.1.01", "1.1.01"],
            "anggaran": [10, 10],
            "realisasi": [5, 5],
        }
    )
    keg.to_csv(folder / "apbdes_belanja_kegiatan.csv", index=False)
    pem = buat_tabel_contoh("pemangku")
    pem.loc[0, "kode_kecamatan"] = "33.22.02"
    pem.to_csv(folder / "pemangku_kepentingan.csv", index=False)
    with pytest.raises(DataTidakValid) as info:
        muat.muat_folder(folder)
    pesan = str(info.value)
    assert "'apbdes_belanja_kegiatan.csv', kolom 'kode_desa', baris 3:" in pesan
    assert "33.22.01.2099" in pesan
    assert "'pemangku_kepentingan.csv', kolom 'kode_kecamatan', baris 2:" in pesan


def test_antartabel_desa_tanpa_data_dan_tahun_berbeda_dicatat(tmp_path):
    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    ind = buat_tabel_contoh("indikator", n_desa=2)
    ind.to_csv(folder / "indikator_desa.csv", index=False)
    bel = buat_tabel_contoh("belanja", n_desa=3)
    bel[bel["tahun"] == 2024].to_csv(folder / "apbdes_belanja.csv", index=False)
    catatan = muat.muat_folder(folder)["wilayah"].attrs["catatan_antartabel"]
    teks = "\n".join(catatan)
    assert "'indikator_desa.csv': 2 dari 4 desa/kelurahan" in teks
    assert "33.22.01.1004 Contoh 4" in teks
    assert "'apbdes_belanja.csv'" not in teks.split("Tahun data")[0]  # 3 desa, tanpa kelurahan
    assert "Tahun data berbeda antartabel" in teks
    assert "'indikator_desa.csv' 2022, 2023, 2024; 'apbdes_belanja.csv' 2024" in teks


# --------------------------------------------------------------------------- petunjuk yang tidak menyesatkan


def test_usulan_judul_hanya_dari_kolom_tabel_yang_sama_dan_yang_benar_mirip(tmp_path):
    fas = buat_tabel_contoh("fasilitas").rename(
        columns={"kode_desa": "iddesa", "jumlah_posyandu": "jumlah_posyndu"}
    )
    fas = fas.drop(columns=["bidan_desa", "jumlah_smp"])
    galat = str(
        pytest.raises(DataTidakValid, muat.muat_fasilitas, _tulis(tmp_path / "f.csv", fas)).value
    )
    assert "'iddesa' mungkin maksudnya 'kode_desa'" in galat
    assert "bidan_desa" not in galat  # kolom isi yang opsional; tidak pernah dipasangkan ke iddesa
    assert "mungkin maksudnya 'bidan_desa'" not in galat
    # kolom opsional yang hilang dicatat, dengan usulan hanya untuk judul yang benar-benar mirip
    fas = fas.rename(columns={"iddesa": "kode_desa"})
    data = muat.muat_fasilitas(_tulis(tmp_path / "f.csv", fas))
    catatan = " ".join(data.attrs["catatan_muat"])
    assert "'jumlah_posyndu' mungkin maksudnya 'jumlah_posyandu'" in catatan
    assert "jumlah_sd" not in catatan.split("Judul yang mirip")[1]  # jumlah_sd ≠ jumlah_smp


def test_berkas_tabel_lain_tidak_diusulkan_untuk_berkas_yang_hilang(tmp_path):
    for nama in ("pendapatan", "belanja_kegiatan", "wilayah"):
        buat_tabel_contoh(nama).to_csv(tmp_path / skema.SEMUA_TABEL[nama].berkas, index=False)
    galat = str(
        pytest.raises(DataTidakValid, muat.muat_belanja, tmp_path / "apbdes_belanja.csv").value
    )
    assert "tidak ditemukan" in galat
    assert "apbdes_pendapatan" not in galat and "belanja_kegiatan" not in galat
    assert "Berkas yang mirip" not in galat
    (tmp_path / "apbdes_belnja.csv").write_text("x\n", encoding="utf-8")
    (tmp_path / "apbdes_belanja.xlsx.bak").write_text("x\n", encoding="utf-8")
    galat = str(
        pytest.raises(DataTidakValid, muat.muat_belanja, tmp_path / "apbdes_belanja.csv").value
    )
    assert "Berkas yang mirip di folder itu: 'apbdes_belnja.csv'" in galat
    # nama salah ketik untuk tabel belanja: berkas baku tabel lain tetap tidak diusulkan
    galat = str(
        pytest.raises(DataTidakValid, muat.muat_belanja, tmp_path / "apbdes_belanja_.csv").value
    )
    assert "belanja_kegiatan" not in galat and "pendapatan" not in galat
    # tetapi berkas baku tabel yang sama diusulkan untuk nama yang salah ketik
    galat = str(
        pytest.raises(DataTidakValid, muat.muat_wilayah, tmp_path / "wilayah_dessa.csv").value
    )
    assert "'wilayah_desa.csv'" in galat


# --------------------------------------------------------------------------- kecamatan mana pun


def test_handout_kecamatan_di_luar_wilayah_latihan_berlabel_data_sendiri(tmp_path, monkeypatch):
    """Kecamatan di luar 93 kecamatan latihan (35.78.01, Kota Surabaya) dipilih dari daftar desa
    pengguna; sampul handout membawa label data sendiri, bukan cap sintetis."""
    folder = tmp_path / "data"
    folder.mkdir()
    for nama in TABEL:
        buat_tabel_contoh(nama, kode_kecamatan="35.78.01").to_csv(
            folder / skema.SEMUA_TABEL[nama].berkas, index=False
        )
    (folder / "SUMBER_DATA.yaml").write_text(
        "pemilik: Kecamatan Uji\nsumber: data contoh uji\n", encoding="utf-8"
    )
    for nama in ("program_opd.csv", "fasilitas_desa.csv"):  # data sebagian: tabel opsional
        (folder / nama).unlink()
    monkeypatch.setenv("P3PD_DATA", str(folder))
    pekerjaan = handout.susun_pekerjaan(kecamatan=["KEC. UJI"])
    assert [p.parameter["kecamatan"] for p in pekerjaan] == ["35.78.01"]
    assert pekerjaan[0].parameter["provinsi"] == "Provinsi Uji"
    assert [
        p.parameter["kecamatan"] for p in handout.susun_pekerjaan(semua=True, tingkat="kecamatan")
    ] == ["35.78.01"]
    r = handout.bangun_handout(
        pekerjaan, keluaran=tmp_path / "k", format=("html",), progres=False, pekerja=1
    )
    assert not r.gagal, r.teks()
    html = (tmp_path / "k" / f"{pekerjaan[0].nama}.html").read_text(encoding="utf-8")
    assert "Data milik Kecamatan Uji, sumber: data contoh uji." in html
    assert "Stunting di data ini (" in html and "(sintetis," not in html
    assert "<small>data ini</small>" in html and "<small>data latihan</small>" not in html
    assert "Data sintetis untuk latihan" not in html.split("</style>")[-1]  # CSS: label dari sampul


def test_kaki_halaman_cetak_memakai_label_sampul():
    """Kaki halaman PDF tidak tertulis mati 'Data sintetis': diambil dari label di sampul."""
    from p3pd.handout import folder_templat

    css = (folder_templat() / "cetak" / "handout.css").read_text(encoding="utf-8")
    kaki = css.split("@bottom-left", 1)[1].split("}", 1)[0]
    assert "string(label-data" in kaki and "sintetis" not in kaki.split("*/")[-1].lower()
    assert "string-set: label-data content()" in css


# --------------------------------------------------------------------------- rujukan nomor antartabel


def _tulis_program_usulan(folder: Path) -> None:
    """Program OPD, rinciannya per desa, usulan desa, dan tindak lanjutnya untuk kecamatan uji."""
    _tulis(
        folder / "program_opd.csv",
        pd.DataFrame(
            {
                "id_program": ["P24-01", "P24-02"],
                "kode_kabupaten": ["33.22", "33.22"],
                "tahun": [2024, 2024],
                "opd": ["Dinas Kesehatan", "Dinas Pendidikan"],
                "program": ["Penguatan posyandu", "Bantuan PAUD"],
                "layanan": ["kesehatan", "pendidikan"],
                "desa_sasaran": ["33.22.01.2001;33.22.01.2002", "33.22.01.2003"],
                "anggaran": [100_000_000, 50_000_000],
            }
        ),
    )
    _tulis(
        folder / "program_desa.csv",
        pd.DataFrame(
            {
                "id_program": ["P24-01", "P24-01", "P24-02"],
                "kode_desa": ["33.22.01.2001", "33.22.01.2002", "33.22.01.2003"],
                "tahun": [2024, 2024, 2024],
                "jenis": ["posyandu_gizi", "posyandu_gizi", "paud"],
                "indikator_keluaran": ["Kader terlatih", "Kader terlatih", "Anak PAUD dibantu"],
                "satuan": ["orang", "orang", "anak"],
                "target_volume": [10, 8, 20],
                "anggaran": [50_000_000, 50_000_000, 50_000_000],
                "sumber_dana": ["APBD kabupaten", "APBD kabupaten", "DAK nonfisik"],
            }
        ),
    )
    _tulis(
        folder / "usulan_desa.csv",
        pd.DataFrame(
            {
                "id_usulan": ["U24-01", "U24-02"],
                "kode_desa": ["33.22.01.2001", "33.22.01.2002"],
                "tahun": [2024, 2024],
                "layanan": ["kesehatan", "air_sanitasi"],
                "uraian": ["Insentif kader posyandu", "Sambungan air bersih"],
                "perkiraan_biaya": [36_000_000, 250_000_000],
                "prioritas": ["tinggi", "rendah"],
                "diakomodasi": ["ya", "tidak"],
            }
        ),
    )
    _tulis(
        folder / "usulan_tindak_lanjut.csv",
        pd.DataFrame(
            {
                "id_usulan": ["U24-01", "U24-02"],
                "tahun_usulan": [2023, 2023],
                "jenis": ["posyandu_gizi", "air_minum"],
                "jalur": ["RKPDes", "Musrenbang"],
                "ditampung_oleh": ["APBDes", "tidak"],
            }
        ),
    )


def test_rujukan_program_dan_usulan_yang_sah_diterima(tmp_path):
    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    _tulis_program_usulan(folder)
    tabel = muat.muat_folder(folder)
    assert {"program", "program_desa", "usulan", "usulan_tindak_lanjut"} <= set(tabel)
    catatan = "\n".join(tabel["wilayah"].attrs["catatan_antartabel"])
    assert "tidak dapat dicocokkan" not in catatan


def test_rujukan_campuran_baris_sah_dan_asing_dilaporkan_sekaligus(tmp_path):
    """Folder campuran: sebagian baris menunjuk program/usulan/desa yang ada, sebagian tidak."""
    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    _tulis_program_usulan(folder)
    rincian = pd.read_csv(folder / "program_desa.csv", dtype=str)
    tambahan = rincian.iloc[[0, 0, 2]].copy()
    tambahan["id_program"] = ["P99-01", "P99-01", "P24-02"]
    tambahan["kode_desa"] = ["33.22.01.2003", "33.22.01.2002", "33.22.01.2099"]
    pd.concat([rincian, tambahan]).to_csv(folder / "program_desa.csv", index=False)
    tl = pd.read_csv(folder / "usulan_tindak_lanjut.csv", dtype=str)
    tl.loc[1, "id_usulan"] = "U24-77"
    tl.to_csv(folder / "usulan_tindak_lanjut.csv", index=False)
    asli = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(DataTidakValid) as info:
        muat.muat_folder(folder)
    pesan = str(info.value)
    assert (
        "Berkas 'program_desa.csv', kolom 'id_program', baris 5, 6: 1 nomor program (2 baris) "
        "tidak ada di berkas 'program_opd.csv' (kolom 'id_program'): P99-01." in pesan
    )
    assert (
        "Berkas 'usulan_tindak_lanjut.csv', kolom 'id_usulan', baris 3: 1 nomor usulan (1 baris) "
        "tidak ada di berkas 'usulan_desa.csv' (kolom 'id_usulan'): U24-77." in pesan
    )
    assert "Berkas 'program_desa.csv', kolom 'kode_desa', baris 7:" in pesan
    assert "33.22.01.2099" in pesan and "P24-01" not in pesan
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == asli  # masukan tidak diubah


def test_rujukan_dari_cli_ringkasan_tanpa_traceback(tmp_path, capsys):
    from p3pd.cli import main

    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    _tulis_program_usulan(folder)
    rincian = pd.read_csv(folder / "program_desa.csv", dtype=str)
    rincian.loc[0, "id_program"] = "P-TIDAK-ADA"
    rincian.to_csv(folder / "program_desa.csv", index=False)
    kode = main(["ringkasan", "--data", str(folder)])
    keluar = capsys.readouterr()
    teks = keluar.out + keluar.err
    assert kode != 0
    assert "'program_desa.csv', kolom 'id_program', baris 2" in teks and "P-TIDAK-ADA" in teks
    assert "Traceback" not in teks


def test_rujukan_folder_sebagian_rincian_tanpa_induk_dicatat_bukan_ditolak(tmp_path):
    """Folder sebagian: rincian program dan tindak lanjut usulan tanpa tabel induknya."""
    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    _tulis_program_usulan(folder)
    (folder / "program_opd.csv").unlink()
    (folder / "usulan_desa.csv").unlink()
    tabel = muat.muat_folder(folder)
    assert "program" not in tabel and "usulan" not in tabel
    catatan = "\n".join(tabel["wilayah"].attrs["catatan_antartabel"])
    assert "Berkas 'program_desa.csv' ada tanpa 'program_opd.csv'" in catatan
    assert "Berkas 'usulan_tindak_lanjut.csv' ada tanpa 'usulan_desa.csv'" in catatan
    # kode desa rincian tetap diperiksa terhadap daftar desa walau program_opd tidak ada
    rincian = pd.read_csv(folder / "program_desa.csv", dtype=str)
    rincian.loc[2, "kode_desa"] = "33.22.01.2050"
    rincian.to_csv(folder / "program_desa.csv", index=False)
    with pytest.raises(DataTidakValid, match=r"'program_desa.csv', kolom 'kode_desa', baris 4:"):
        muat.muat_folder(folder)


def test_rujukan_tabel_berkode_desa_mencakup_rincian_program():
    from p3pd.muat_antartabel import RUJUKAN_ID, TABEL_BERKODE_DESA

    assert "program_desa" in TABEL_BERKODE_DESA and "terbitan" in TABEL_BERKODE_DESA
    for nama in TABEL_BERKODE_DESA:
        assert "kode_desa" in skema.TABEL_DIKENAL[nama].nama_kolom, nama
    for anak, kolom, induk, _ in RUJUKAN_ID:
        assert kolom in skema.TABEL_DIKENAL[anak].nama_kolom
        assert kolom in skema.TABEL_DIKENAL[induk].kunci


def test_rujukan_folder_campur_program_opd_latihan_dan_rincian_sendiri_ditolak(tmp_path):
    """Program OPD disalin dari data latihan ke folder data sendiri: campuran ditolak, dan
    rincian desa yang menunjuk program sendiri tidak cocok dengan program latihan."""
    import shutil

    from p3pd.lokasi import folder_proyek

    folder = tmp_path / "d"
    _wilayah_dengan_kelurahan(folder)
    _tulis_program_usulan(folder)
    shutil.copy(folder_proyek() / "data" / "program_opd.csv", folder / "program_opd.csv")
    with pytest.raises(DataTidakValid) as info:
        muat.muat_folder(folder)
    pesan = str(info.value)
    assert "mencampur data latihan sintetis ('program_opd.csv'" in pesan
    assert "Berkas 'program_desa.csv', kolom 'id_program', baris 2, 3, 4:" in pesan
    assert "P24-01, P24-02" in pesan
