"""Uji satu pemetaan layanan (p3pd.layanan) dan pemakaiannya di semua tabel data latihan."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from p3pd import apbdes, layanan, sintetis
from p3pd.lokasi import folder_data
from p3pd.skema import LAYANAN

MODUL = Path(layanan.__file__).parent


@pytest.fixture(scope="module")
def data() -> dict[str, pd.DataFrame]:
    folder = folder_data()
    baca = {"dtype": str, "keep_default_na": False}
    return {
        "belanja": pd.read_csv(folder / "apbdes_belanja.csv", **baca),
        "usulan": pd.read_csv(folder / "usulan_desa.csv", **baca),
        "program": pd.read_csv(folder / "program_opd.csv", **baca),
    }


def test_referensi_konsisten() -> None:
    layanan.periksa_pemetaan()


def test_setiap_layanan_punya_bidang_spm_opd_dan_dasar_hukum() -> None:
    ref = layanan.referensi_layanan().set_index("layanan")
    assert sorted(ref.index) == sorted(LAYANAN)
    assert (ref["bidang_spm"] != "").all() and (ref["opd_penyedia"] != "").all()
    assert ref["dasar_urusan"].str.startswith("UU 23/2014 Pasal 12").all()
    # adminduk: urusan wajib yang tidak berkaitan dengan pelayanan dasar, bukan bidang SPM
    assert ref.at["adminduk", "bidang_spm"] == "bukan bidang SPM"
    assert "ayat (2)" in ref.at["adminduk", "dasar_urusan"]
    spm = ref.drop(index="adminduk")["bidang_spm"]
    assert spm.str.contains("PP 2/2018").all()


def test_sub_bidang_layanan_sama_di_referensi_dan_apbdes() -> None:
    peta = layanan.layanan_sub_bidang()
    assert peta == {
        "1.3": "adminduk",
        "2.1": "pendidikan",
        "2.2": "kesehatan",
        "2.4": "air_sanitasi",
        "5.3": "jaminan_sosial",
    }
    ref = apbdes.referensi_sub_bidang().dropna(subset=["layanan"])
    assert dict(zip(ref["kode_sub_bidang"], ref["layanan"], strict=True)) == peta


def test_usulan_dan_program_memakai_layanan_jenisnya(data) -> None:
    usulan, program = data["usulan"], data["program"]
    jenis_u = usulan["uraian"].map(sintetis.JENIS_USULAN)
    jenis_p = program["program"].map(sintetis.JENIS_PROGRAM)
    assert jenis_u.notna().all() and jenis_p.notna().all()
    peta = {j: layanan.layanan_jenis(j) for j in set(jenis_u) | set(jenis_p)}
    assert (usulan["layanan"] == jenis_u.map(peta)).all()
    assert (program["layanan"] == jenis_p.map(peta)).all()


def test_satu_jenis_satu_layanan_di_semua_tabel(data) -> None:
    """Jenis yang sama (mis. RTLH) berlayanan sama di APBDes, usulan, dan program."""
    jenis = layanan.referensi_jenis().set_index("jenis")
    peta_sub = layanan.layanan_sub_bidang()
    dipakai = {}
    for tabel, kolom, peta in [
        ("usulan", "uraian", sintetis.JENIS_USULAN),
        ("program", "program", sintetis.JENIS_PROGRAM),
    ]:
        df = data[tabel]
        for j, lay in zip(df[kolom].map(peta), df["layanan"], strict=True):
            dipakai.setdefault(j, set()).add(lay)
    for j, lay in dipakai.items():
        assert len(lay) == 1, f"jenis {j} berlayanan {lay}"
        sub = jenis.at[j, "kode_sub_bidang"]
        if sub:  # jenis yang dianggarkan desa: sama dengan layanan sub-bidangnya di APBDes
            assert peta_sub[sub] == next(iter(lay)), j
            assert sub in set(data["belanja"]["kode_sub_bidang"])
    # Kasus yang dulu berbeda antartabel: RTLH di usulan, program, dan sub-bidang 2.4.
    rtlh = {"Bantuan rehab rumah tidak layak huni", "Perbaikan rumah tidak layak huni"}
    lay_rtlh = set(data["usulan"].loc[data["usulan"]["uraian"].isin(rtlh), "layanan"]) | set(
        data["program"].loc[data["program"]["program"].isin(rtlh), "layanan"]
    )
    assert lay_rtlh == {peta_sub["2.4"]}


def test_jenis_bukan_layanan_dasar_tidak_dipakai(data) -> None:
    tanpa = set(layanan.referensi_jenis().query("layanan == ''")["jenis"])
    assert "usaha_ekonomi" in tanpa
    assert not tanpa & (set(sintetis.JENIS_USULAN.values()) | set(sintetis.JENIS_PROGRAM.values()))
    assert not data["usulan"]["uraian"].str.contains("usaha", case=False).any()
    with pytest.raises(ValueError, match="bukan layanan dasar"):
        layanan.layanan_jenis("usaha_ekonomi")
    with pytest.raises(KeyError, match="tidak ada"):
        layanan.layanan_jenis("jenis_khayalan")


def test_pemetaan_yang_bertentangan_ditolak(monkeypatch) -> None:
    asli = layanan._baca

    def baca_rusak(nama: str) -> pd.DataFrame:
        df = asli(nama).copy()
        if nama == "jenis_layanan.csv":
            df.loc[df["jenis"] == "rumah_layak_huni", "layanan"] = "jaminan_sosial"
        return df

    monkeypatch.setattr(layanan, "_baca", baca_rusak)
    with pytest.raises(ValueError, match="rumah_layak_huni.*jaminan_sosial.*2.4"):
        layanan.periksa_pemetaan()


def test_tidak_ada_peta_sub_bidang_ke_layanan_kedua_di_modul_lain() -> None:
    """Peta sub-bidang → layanan hanya ada di referensi/, dibaca lewat p3pd.layanan."""
    pola = re.compile(
        r"[\"'][1-5]\.[0-9][\"']\s*:\s*[\"'](" + "|".join(LAYANAN) + r")[\"']"
        r"|[\"'](" + "|".join(LAYANAN) + r")[\"']\s*:\s*[\"'][1-5]\.[0-9][\"']"
    )
    pelanggar = [p.name for p in MODUL.glob("*.py") if pola.search(p.read_text(encoding="utf-8"))]
    assert pelanggar == []
    # Pemuat hanya membaca daftar kode sub-bidang (bukan layanannya) dari berkas yang sama.
    pembaca = {p.name for p in MODUL.glob("*.py") if '"sub_bidang.csv"' in p.read_text("utf-8")}
    assert pembaca <= {"layanan.py", "muat.py", "muat_nilai.py"}


def test_kewenangan_memisahkan_pekerjaan_desa_dan_kabupaten() -> None:
    jenis = layanan.referensi_jenis().set_index("jenis")
    assert set(jenis["kewenangan"]) == set(layanan.KEWENANGAN)
    # pekerjaan skala desa: APBDes; pekerjaan kabupaten: tanpa sub-bidang APBDes
    for j in ("posyandu_gizi", "paud", "kapasitas_adminduk", "sarana_kesehatan_desa"):
        assert jenis.at[j, "kewenangan"] == "desa" and jenis.at[j, "kode_sub_bidang"], j
    for j in ("sekolah_dasar", "fasilitas_kesehatan", "spam", "tenaga_kesehatan"):
        assert jenis.at[j, "kewenangan"] == "kabupaten" and not jenis.at[j, "kode_sub_bidang"], j
    assert (jenis["dasar_kewenangan"] != "").all()
    uraian = sintetis.JENIS_USULAN
    assert jenis.at[uraian["Insentif kader posyandu"], "kewenangan"] == "desa"
    assert jenis.at[uraian["Pembangunan puskesmas pembantu"], "kewenangan"] == "kabupaten"


def test_periksa_pemetaan_menolak_kewenangan_salah(monkeypatch) -> None:
    asli = layanan._baca

    def palsu(nama: str) -> pd.DataFrame:
        df = asli(nama).copy()
        if nama == "jenis_layanan.csv":
            df.loc[df["jenis"] == "spam", "kewenangan"] = "desa"
            df.loc[df["jenis"] == "paud", "kewenangan"] = "kelurahan"
        return df

    monkeypatch.setattr(layanan, "_baca", palsu)
    with pytest.raises(ValueError) as galat:
        layanan.periksa_pemetaan()
    assert "'spam' berkewenangan desa harus dengan sub-bidang" in str(galat.value)
    assert "kewenangan 'kelurahan' ('paud')" in str(galat.value)
