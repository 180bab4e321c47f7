"""Memeriksa dan mengubah nilai satu tabel menurut skemanya: kode, angka, ya/tidak, kategori.

Setiap kolom diubah ke tipe skemanya; yang jelas maksudnya dirapikan dan dicatat, yang tidak
jelas dilaporkan dengan kolom dan nomor baris. Juga pemeriksaan antarbaris di dalam satu tabel:
kunci unik, pembilang ≤ penyebut, dan jenjang kode wilayah.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from p3pd import skema, wilayah
from p3pd.excel import mirip_rumus
from p3pd.galat import ringkas_baris
from p3pd.lokasi import folder_referensi
from p3pd.muat_antartabel import (
    isi_induk_wilayah_kosong,
    lengkapi_induk_wilayah,
    periksa_jenjang_wilayah,
    periksa_kunci,
    periksa_nama_wilayah,
    periksa_pasangan,
)
from p3pd.muat_masalah import (
    TABEL_APBDES,
    KolomHasil,
    Laporan,
    Mentah,
    angka_tampil,
    contoh,
    contoh_posisi,
    kolom_wajib,
    laporkan_kosong,
    per_baris,
    sebagai_teks,
    tampil,
    teks_sel,
    urai_unik,
    usulan_judul,
)
from p3pd.muat_pribadi import POLA_PRIBADI, kolom_nama_orang, periksa_nama_orang, periksa_nik

_YA = {"ya", "y", "yes", "true", "benar", "ada", "1", "1.0"}
_TIDAK = {"tidak", "tdk", "t", "no", "n", "false", "salah", "tidak ada", "0", "0.0"}
_YA_TIDAK_BAKU = {"ya", "tidak", "true", "false"}

_POLA_KODE = {
    "provinsi": wilayah.POLA_PROVINSI,
    "kabupaten": wilayah.POLA_KABUPATEN,
    "kecamatan": wilayah.POLA_KECAMATAN,
    "desa": wilayah.POLA_DESA,
}
_TINGKAT_KODE = {
    skema.TIPE_KODE_DESA: "desa",
    skema.TIPE_KODE_KECAMATAN: "kecamatan",
    skema.TIPE_KODE_KABUPATEN: "kabupaten",
}
_CONTOH_KODE = {
    "provinsi": "33",
    "kabupaten": "33.22",
    "kecamatan": "33.22.01",
    "desa": "33.22.01.2001",
}
_TIPE_ANGKA = (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH, skema.TIPE_DESIMAL)


# --------------------------------------------------------------------------- memeriksa


def periksa_tabel(
    mentah: Mentah, tabel: skema.Tabel, laporan: Laporan, wilayah_dikenal: bool
) -> pd.DataFrame:
    """Ubah dan periksa semua kolom tabel mentah menurut skema; kembalikan tabel bertipe.

    Masalah dikumpulkan di ``laporan``; bila ada masalah, tabel mentah dikembalikan apa adanya.
    """
    data, baris = mentah.data, mentah.baris
    # Data pribadi menurut nama kolom (NIK, KK, tanggal lahir, nama/kontak orang).
    pribadi = [
        n
        for n in data.columns
        if POLA_PRIBADI.match(n) or (n not in tabel.nama_kolom and kolom_nama_orang(n, data[n]))
    ]
    if pribadi:
        laporan.tambah(
            "kolom berisi data pribadi (NIK, nomor KK, tanggal lahir, atau nama/kontak orang) "
            "tidak boleh ada di data ini. Hapus kolom itu dari berkas (simpan sebagai salinan), "
            "lalu muat ulang.",
            tuple(pribadi),
        )
    # Kolom yang hilang: kolom wajib ditolak (dengan usulan hanya untuk judul yang benar-benar
    # mirip salah satu kolom tabel ini); kolom isi yang opsional dianggap tidak tersedia.
    wajib_tabel = kolom_wajib(tabel)
    lain = [n for n in data.columns if n not in tabel.nama_kolom]
    hilang = [k for k in tabel.nama_kolom if k not in data.columns]
    usulan = usulan_judul(hilang, lain)
    hilang_wajib = [k for k in hilang if k in wajib_tabel]
    if hilang_wajib:
        pesan = (
            f"{len(hilang_wajib)} kolom wajib tidak ada di berkas"
            if len(hilang_wajib) > 1
            else "kolom wajib ini tidak ada di berkas"
        )
        saran = [f"'{usulan[k]}' mungkin maksudnya '{k}'" for k in hilang_wajib if k in usulan]
        if saran:
            pesan += ". Judul yang mirip: " + "; ".join(saran) + " (ganti judulnya)"
        laporan.tambah(pesan + ".", tuple(hilang_wajib))
    hilang_opsional = [k for k in hilang if k not in wajib_tabel]
    if hilang_opsional and tabel.nama != skema.WILAYAH.nama:  # daftar desa: diisi di bawah
        saran = [f"'{usulan[k]}' mungkin maksudnya '{k}'" for k in hilang_opsional if k in usulan]
        laporan.catat(
            f"{len(hilang_opsional)} kolom tidak ada di berkas dan dianggap tidak tersedia "
            "(ditampilkan sebagai 'tidak ada data'): "
            + ", ".join(hilang_opsional[:12])
            + (" …" if len(hilang_opsional) > 12 else "")
            + "."
            + (" Judul yang mirip: " + "; ".join(saran) + " (ganti judulnya)." if saran else "")
        )
    if tabel.nama == skema.WILAYAH.nama:
        data = isi_induk_wilayah_kosong(data, baris, laporan)
    hasil: dict[str, KolomHasil] = {}
    for kolom in tabel.kolom:
        if kolom.nama in data.columns:
            hasil[kolom.nama] = _ubah_kolom(
                data[kolom.nama],
                kolom,
                baris,
                laporan,
                wilayah_dikenal,
                kolom.nama in wajib_tabel,
                tolak_kelurahan=tabel.nama in TABEL_APBDES,
            )
    # Kolom tambahan dibiarkan apa adanya, tetapi diperiksa dari angka mirip NIK.
    for n in lain:
        if n not in pribadi:
            periksa_nik(data[n], n, baris, laporan)
    for kolom in tabel.kolom:
        if kolom.tipe == skema.TIPE_TEKS and kolom.nama in hasil:
            periksa_nik(hasil[kolom.nama].nilai, kolom.nama, baris, laporan)
    # Nama orang menurut isinya: di kolom tambahan (juga nama polos dua-tiga kata) dan di kolom
    # teks bebas skema (hanya yang bersapaan/bergelar). Nama wilayah tidak diperiksa.
    dikenal = _nama_wilayah_dikenal(data)
    for n in lain:
        if n not in pribadi:
            periksa_nama_orang(data[n], n, baris, laporan, isi_bebas=True, wilayah_dikenal=dikenal)
    for kolom in tabel.kolom:
        if (
            kolom.tipe == skema.TIPE_TEKS
            and kolom.nama in hasil
            and not kolom.nama.startswith(("nama_", "kode_", "id_"))
        ):
            periksa_nama_orang(
                hasil[kolom.nama].nilai,
                kolom.nama,
                baris,
                laporan,
                isi_bebas=False,
                wilayah_dikenal=dikenal,
            )
    _ingatkan_mirip_rumus(data, baris, laporan)
    # Pemeriksaan antarbaris dan antarkolom, hanya atas baris yang nilainya sah.
    if len(data) and all(k in hasil for k in tabel.kunci):
        periksa_kunci(hasil, tabel, baris, laporan)
    for pasangan in tabel.pasangan:
        if pasangan.pembilang in hasil and pasangan.penyebut in hasil:
            periksa_pasangan(hasil, pasangan, baris, laporan)
    isian: dict[str, pd.Series] = {}
    if tabel.nama == skema.WILAYAH.nama:
        periksa_jenjang_wilayah(hasil, baris, laporan)
        periksa_nama_wilayah(hasil, baris, laporan)
        isian = lengkapi_induk_wilayah(hasil, hilang_opsional, laporan)
    if laporan.masalah:
        return data
    kolom = {}
    for k in tabel.kolom:  # urutan skema; kolom opsional yang tidak ada = tidak tersedia
        if k.nama in hasil:
            kolom[k.nama] = hasil[k.nama].nilai
        elif tabel.nama == skema.WILAYAH.nama and k.nama in isian:
            kolom[k.nama] = sebagai_teks(isian[k.nama].to_numpy(dtype=object))
            hilang_opsional = [h for h in hilang_opsional if h != k.nama]
        else:
            kolom[k.nama] = _kolom_tidak_tersedia(k, len(data))
    for n in lain:
        kolom[n] = _rapikan_tambahan(data[n].reset_index(drop=True), n, laporan)
    hasil_tabel = pd.DataFrame(kolom, index=pd.RangeIndex(len(data)))
    hasil_tabel.attrs["kolom_tidak_tersedia"] = list(hilang_opsional)
    return hasil_tabel


def _kolom_tidak_tersedia(kolom: skema.Kolom, n: int) -> pd.Series:
    """Kolom opsional yang tidak ada di berkas: seluruhnya kosong (= tidak tersedia)."""
    if kolom.tipe in _TIPE_ANGKA:
        return pd.Series(np.full(n, np.nan))
    if kolom.tipe == skema.TIPE_BOOL:
        return pd.Series(pd.array([pd.NA] * n, dtype="boolean"))
    return sebagai_teks(np.full(n, np.nan, dtype=object))


@lru_cache(maxsize=1)
def _nama_wilayah_referensi() -> frozenset[str]:
    ref = wilayah.daftar_kecamatan()
    nama = set()
    for k in ("nama_provinsi", "nama_kabupaten", "nama_kecamatan"):
        nama.update(str(v).lower() for v in ref[k])
    return frozenset(nama)


def _nama_wilayah_dikenal(data: pd.DataFrame) -> set[str]:
    """Nama wilayah yang dikenal: referensi kecamatan latihan dan kolom nama_* wilayah di tabel."""
    nama = set(_nama_wilayah_referensi())
    for k in ("nama_desa", "nama_kecamatan", "nama_kabupaten", "nama_provinsi"):
        if k in data.columns:
            nama.update(" ".join(str(v).split()).lower() for v in data[k].dropna().unique())
    return nama


def _ingatkan_mirip_rumus(data: pd.DataFrame, baris: np.ndarray, laporan: Laporan) -> None:
    """Peringatan (bukan penolakan) untuk sel teks yang di spreadsheet bisa menjadi rumus."""
    for n in data.columns:
        seri = data[n]
        if not (pd.api.types.is_object_dtype(seri) or pd.api.types.is_string_dtype(seri)):
            continue
        kode, unik = urai_unik(seri)
        pilih = np.array([mirip_rumus(v) for v in unik], dtype=bool)
        if pilih.any():
            nomor = baris[per_baris(pilih, kode)]
            laporan.ingatkan(
                f"Kolom '{n}': {len(nomor)} sel diawali '=', '+', '-', '@', tab, atau ganti baris "
                f"(baris {ringkas_baris(nomor)}). Di Excel/LibreOffice isi seperti ini bisa "
                "terbaca sebagai rumus (mis. =HYPERLINK yang membuka situs lain). p3pd membacanya "
                "sebagai teks biasa dan selalu menyimpannya sebagai teks; periksa apakah isinya "
                "memang dimaksudkan begitu."
            )


def _rapikan_tambahan(seri: pd.Series, nama: str, laporan: Laporan) -> pd.Series:
    """Kolom tambahan dibiarkan apa adanya, kecuali spasi di tepi teks yang dibuang."""
    if not (pd.api.types.is_object_dtype(seri) or pd.api.types.is_string_dtype(seri)):
        return seri
    kode, unik = urai_unik(seri)
    rapi = np.array([v.strip() if isinstance(v, str) else v for v in unik], dtype=object)
    diubah = int(sum(1 for a, b in zip(unik, rapi, strict=True) if a is not b and a != b))
    if not diubah:
        return seri
    laporan.catat(f"Kolom '{nama}': spasi di awal/akhir {diubah} nilai dibuang.")
    nilai = np.append(rapi, np.nan)[kode]
    if all(isinstance(v, str) for v in rapi):
        return sebagai_teks(nilai)
    return pd.Series(nilai, dtype=object)


def _ubah_kolom(
    seri: pd.Series,
    kolom: skema.Kolom,
    baris: np.ndarray,
    laporan: Laporan,
    wilayah_dikenal: bool,
    wajib: bool,
    tolak_kelurahan: bool = True,
) -> KolomHasil:
    """Ubah satu kolom; sel kosong di kolom yang tidak ``wajib`` berarti "tidak tersedia"."""
    tipe = kolom.tipe
    if tipe in _TINGKAT_KODE:
        return _ubah_kode(
            seri, kolom.nama, _TINGKAT_KODE[tipe], baris, laporan, wilayah_dikenal, tolak_kelurahan
        )
    if kolom.nama == "kode_provinsi":
        return _ubah_kode(seri, kolom.nama, "provinsi", baris, laporan, wilayah_dikenal)
    if tipe in _TIPE_ANGKA:
        return _ubah_angka(seri, kolom, baris, laporan, wajib)
    if tipe == skema.TIPE_BOOL:
        return _ubah_ya_tidak(seri, kolom.nama, baris, laporan, wajib)
    if tipe == skema.TIPE_KATEGORI:
        return _ubah_kategori(seri, kolom, baris, laporan, wajib)
    if kolom.nama == "desa_sasaran":
        return _ubah_daftar_kode_desa(seri, kolom.nama, baris, laporan)
    if kolom.nama == "layanan":
        return _ubah_daftar_layanan(seri, kolom.nama, baris, laporan)
    return _ubah_teks(seri, kolom.nama, baris, laporan, wajib)


# ------------------------------------------------------------------ bantu: nilai unik


def _ubah_kode(
    seri: pd.Series,
    nama: str,
    tingkat: str,
    baris: np.ndarray,
    laporan: Laporan,
    wilayah_dikenal: bool,
    tolak_kelurahan: bool = True,
) -> KolomHasil:
    kode, unik = urai_unik(seri)
    laporkan_kosong(kode, nama, baris, laporan)
    teks_unik = pd.Series(unik, dtype=object)
    adalah_teks = teks_unik.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    baku = adalah_teks & teks_unik.astype(str).str.fullmatch(_POLA_KODE[tingkat]).to_numpy(
        dtype=bool
    )
    hasil = unik.copy()
    salah = np.zeros(len(unik), dtype=bool)
    kelurahan = np.zeros(len(unik), dtype=bool)
    kelompok: dict[str, list[int]] = {}
    diubah = []
    for i in np.flatnonzero(~baku):
        v = unik[i]
        try:
            normal = wilayah.normalisasi_kode(_tanpa_tak_terlihat(v))
            jenis = wilayah.jenis_kode(normal)
        except wilayah.KodeTidakValid as galat:
            salah[i] = True
            pesan = _jenis_galat_kode(galat.pesan)
            if re.fullmatch(r"\d{15,17}", re.sub(r"\D", "", teks_sel(v))):
                pesan = "angka 16 digit mirip NIK, bukan kode wilayah"
            kelompok.setdefault(pesan, []).append(i)
            continue
        if jenis == "kelurahan" and tingkat == "desa":
            if tolak_kelurahan:
                kelurahan[i] = True
            else:
                hasil[i] = normal
                if normal != v:
                    diubah.append(i)
        elif jenis != tingkat:
            salah[i] = True
            kelompok.setdefault(f"ini kode {jenis}, bukan kode {tingkat}", []).append(i)
        else:
            hasil[i] = normal
            if normal != v:
                diubah.append(i)
    for jenis_galat, indeks in kelompok.items():
        pilih = np.zeros(len(unik), dtype=bool)
        pilih[indeks] = True
        laporan.tambah(
            f"kode {tingkat} tidak sah ({jenis_galat}); contoh: {contoh(kode, unik, pilih, baris)}. "
            f"Bentuk yang benar mis. '{_CONTOH_KODE[tingkat]}'.",
            nama,
            baris[per_baris(pilih, kode)],
        )
    if kelurahan.any():
        laporan.tambah(
            "kode kelurahan (nomor diawali 1) di tabel APBDes: kelurahan tidak punya APBDes "
            "(kelurahan adalah perangkat daerah yang dibiayai APBD kabupaten/kota, bukan desa), "
            "jadi baris ini tidak termasuk tabel APBDes. Hapus baris kelurahan dari berkas ini; "
            f"di tabel lain kelurahan boleh ada. Contoh: {contoh(kode, unik, kelurahan, baris)}.",
            nama,
            baris[per_baris(kelurahan, kode)],
        )
    if diubah:
        laporan.catat(
            f"Kolom '{nama}': {len(diubah)} kode berbeda ditulis tanpa titik atau dengan "
            f"spasi/tanda kutip; diseragamkan (mis. {tampil(unik[diubah[0]])} → "
            f"'{hasil[diubah[0]]}')."
        )
        aneh = sum(1 for i in diubah if _TAK_TERLIHAT.search(str(unik[i])))
        if aneh:
            laporan.catat(
                f"Kolom '{nama}': {aneh} kode berisi spasi tak terputus atau karakter tak "
                "terlihat (biasanya terbawa salin-tempel dari web/Excel); karakter itu dibuang."
            )
    tidak_sah = salah | kelurahan
    if wilayah_dikenal:
        tidak_sah |= _periksa_wilayah_dikenal(
            kode, unik, hasil, tidak_sah, nama, tingkat, baris, laporan
        )
    if diubah or not adalah_teks.all():
        nilai = np.append(hasil.astype(object), np.nan)[kode]
        faktor_unik, _ = pd.factorize(pd.Series(hasil, dtype=object))
    else:
        nilai = seri.to_numpy(dtype=object)
        faktor_unik = np.arange(len(unik))
    faktor_unik = np.where(tidak_sah, -1, faktor_unik)
    faktor = np.append(faktor_unik, -1)[kode]
    return KolomHasil(sebagai_teks(nilai), faktor >= 0, faktor)


_TAK_TERLIHAT = re.compile(r"[\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff]")
"""Spasi tak terputus dan karakter lebar-nol (sering terbawa salin-tempel dari web atau Excel)."""


def _tanpa_tak_terlihat(v: object) -> object:
    """Buang spasi tak terputus dan karakter lebar-nol dari kode (tidak pernah bagian kode)."""
    return _TAK_TERLIHAT.sub("", v) if isinstance(v, str) else v


def _jenis_galat_kode(pesan: str) -> str:
    """Ringkas pesan galat kode agar kode-kode dengan kesalahan serupa dikelompokkan."""
    if "angka; kode tanpa titik" in pesan:
        return "jumlah angkanya bukan 2, 4, 6, atau 10; mungkin angka 0 di depan hilang"
    if "tidak mengikuti pola" in pesan:
        return "tidak mengikuti pola PP.KK.CC.NNNN; mungkin angka 0 di depan hilang"
    if "hanya berisi angka" in pesan or "bukan kode wilayah" in pesan:
        return "bukan susunan angka dan titik"
    return re.sub(r"^kode '[^']*': ", "", pesan).rstrip(".")


def _periksa_wilayah_dikenal(
    kode: np.ndarray,
    unik: np.ndarray,
    hasil: np.ndarray,
    abaikan: np.ndarray,
    nama: str,
    tingkat: str,
    baris: np.ndarray,
    laporan: Laporan,
) -> np.ndarray:
    ref = wilayah.daftar_kecamatan()
    if tingkat in ("desa", "kecamatan"):
        sah, panjang, apa = set(ref["kode_kecamatan"]), 8, "kecamatan"
    elif tingkat == "kabupaten":
        sah, panjang, apa = set(ref["kode_kabupaten"]), 5, "kabupaten"
    else:
        sah, panjang, apa = set(ref["kode_provinsi"]), 2, "provinsi"
    asing = np.array(
        [not abaikan[i] and str(hasil[i])[:panjang] not in sah for i in range(len(unik))],
        dtype=bool,
    )
    if asing.any():
        laporan.tambah(
            f"kode {apa} tidak termasuk wilayah latihan (Kab. Semarang, Deli Serdang, Timor "
            f"Tengah Selatan, Banjar); contoh: {contoh(kode, unik, asing, baris)}. Untuk data "
            "kecamatan sendiri, muat tanpa wilayah_dikenal=True.",
            nama,
            baris[per_baris(asing, kode)],
        )
    return asing


# ------------------------------------------------------------------ angka


# Angka dengan pemisah ribuan tidak pernah diawali 0, jadi '0.123' pasti pecahan.
_P_BULAT = r"[+-]?\d+"
_P_TITIK_1 = r"[+-]?[1-9]\d{0,2}\.\d{3}"
_P_TITIK_N = r"[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}"
_P_KOMA_1 = r"[+-]?[1-9]\d{0,2},\d{3}"
_P_KOMA_N = r"[+-]?[1-9]\d{0,2}(?:,\d{3}){2,}"
_P_DESIMAL_KOMA = r"[+-]?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d*),\d+"
_P_DESIMAL_TITIK = (
    r"[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d*)\.\d+(?:[eE][+-]?\d+)?|[+-]?\d+[eE][+-]?\d+"
)


def _urai_angka(unik: np.ndarray, bulat: bool) -> tuple[np.ndarray, ...]:
    """Urai nilai unik (teks atau angka) menjadi angka.

    Mengembalikan (nilai, teks, ambigu, dirapikan): ``teks`` = bukan angka, ``ambigu`` =
    '1.234' atau '1,234' yang tidak bisa dipastikan, ``dirapikan`` = angka yang ditulis dengan
    pemisah ribuan, koma desimal, spasi, atau 'Rp'. Cara menulis (titik ribuan/koma desimal
    atau sebaliknya) ditentukan dari seluruh kolom; untuk kolom bilangan bulat, '1.234' dan
    '1,234' dibaca seribu dua ratus tiga puluh empat.
    """
    nilai = np.full(len(unik), np.nan)
    seri = pd.Series(unik, dtype=object)
    angka_asli = seri.map(
        lambda v: isinstance(v, (int, float, np.number)) and not isinstance(v, (bool, np.bool_))
    ).to_numpy(dtype=bool)
    if angka_asli.any():
        nilai[angka_asli] = seri[angka_asli].astype(float).to_numpy()
    teks0 = seri.where(~angka_asli, "0").astype(str)
    t = teks0.str.replace(r"[\s\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff]+", "", regex=True)
    rp = t.str.match(r"(?i)rp\.?").to_numpy(dtype=bool)
    t = t.str.replace(r"^(?i:rp)\.?", "", regex=True)

    def cocok(pola: str) -> np.ndarray:
        return t.str.fullmatch(pola).to_numpy(dtype=bool) & ~angka_asli

    bulat_ = cocok(_P_BULAT)
    titik1, titikn = cocok(_P_TITIK_1), cocok(_P_TITIK_N)
    koma1, koman = cocok(_P_KOMA_1), cocok(_P_KOMA_N)
    des_koma = cocok(_P_DESIMAL_KOMA) & ~koma1
    des_titik = cocok(_P_DESIMAL_TITIK) & ~titik1
    gaya_id = titikn | des_koma  # titik ribuan, koma desimal
    gaya_en = koman | des_titik  # koma ribuan, titik desimal
    sinyal_id, sinyal_en = bool(gaya_id.any()), bool(gaya_en.any())
    ambigu = np.zeros(len(unik), dtype=bool)
    if sinyal_id and not sinyal_en:
        gaya_id = gaya_id | titik1 | koma1
    elif sinyal_en and not sinyal_id:
        gaya_en = gaya_en | titik1 | koma1
    elif bulat and not sinyal_id:
        gaya_id = gaya_id | titik1  # bilangan bulat: '1.234' dan '1,234' = 1234
        gaya_en = gaya_en | koma1
    else:
        ambigu = titik1 | koma1
    baku = pd.Series(np.nan, index=t.index, dtype=object)
    baku[bulat_] = t[bulat_]
    baku[gaya_id] = t[gaya_id].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    baku[gaya_en] = t[gaya_en].str.replace(",", "", regex=False)
    terurai = bulat_ | gaya_id | gaya_en
    if terurai.any():
        nilai[terurai] = pd.to_numeric(baku[terurai], errors="coerce").to_numpy(dtype=float)
    teks = ~(terurai | ambigu | angka_asli)
    polos = bulat_ | (des_titik & ~t.str.contains(",", regex=False).to_numpy(dtype=bool))
    berubah = rp | (t != teks0).to_numpy(dtype=bool)
    dirapikan = terurai & (~polos | berubah)
    return nilai, teks, ambigu, dirapikan


def _ubah_angka(
    seri: pd.Series, kolom: skema.Kolom, baris: np.ndarray, laporan: Laporan, wajib: bool = True
) -> KolomHasil:
    nama = kolom.nama
    if pd.api.types.is_integer_dtype(seri) and not pd.api.types.is_bool_dtype(seri):
        nilai = seri.to_numpy(dtype=np.int64)
        luar = _periksa_batas(
            nilai.astype(float), np.ones(len(nilai), dtype=bool), kolom, baris, laporan
        )
        return KolomHasil(pd.Series(nilai), ~luar)
    if pd.api.types.is_float_dtype(seri):
        nilai_f = seri.to_numpy(dtype=float)
        if wajib:
            laporkan_kosong(np.where(np.isnan(nilai_f), -1, 0), nama, baris, laporan)
        return _akhiri_angka(nilai_f, ~np.isnan(nilai_f), kolom, baris, laporan)
    kode, unik = urai_unik(seri)
    if wajib:
        laporkan_kosong(kode, nama, baris, laporan)
    bulat = kolom.tipe in (skema.TIPE_TAHUN, skema.TIPE_CACAH, skema.TIPE_RUPIAH)
    nilai_u, teks, ambigu, dirapikan = _urai_angka(unik, bulat)
    if teks.any():
        laporan.tambah(
            f"berisi teks, bukan angka (contoh: {contoh(kode, unik, teks, baris)}). Tulis "
            "angkanya saja, tanpa satuan, tanda %, atau keterangan; sel yang datanya memang "
            "belum ada perlu dilengkapi.",
            nama,
            baris[per_baris(teks, kode)],
        )
    if ambigu.any():
        laporan.tambah(
            "angka ini bisa dibaca dua cara ('1.234' bisa seribu lebih atau satu koma sekian); "
            f"contoh: {contoh(kode, unik, ambigu, baris)}. Tulis semua angka di kolom ini dengan "
            "cara yang sama, mis. koma untuk desimal dan tanpa pemisah ribuan.",
            nama,
            baris[per_baris(ambigu, kode)],
        )
    if dirapikan.any():
        i = int(np.flatnonzero(dirapikan)[0])
        laporan.catat(
            f"Kolom '{nama}': {int(dirapikan.sum())} nilai berbeda ditulis dengan pemisah ribuan, "
            f"koma desimal, spasi, atau 'Rp'; dibaca sebagai angka (mis. {tampil(unik[i])} → "
            f"{angka_tampil(nilai_u[i])})."
        )
    nilai = np.append(nilai_u, np.nan)[kode]
    sah = per_baris(~(teks | ambigu), kode) & ~np.isnan(nilai)
    return _akhiri_angka(nilai, sah, kolom, baris, laporan)


def _akhiri_angka(
    nilai: np.ndarray, sah: np.ndarray, kolom: skema.Kolom, baris: np.ndarray, laporan: Laporan
) -> KolomHasil:
    if kolom.tipe in (skema.TIPE_TAHUN, skema.TIPE_CACAH):
        pecahan = sah & (np.mod(np.where(sah, nilai, 0), 1) != 0)
        if pecahan.any():
            posisi = np.flatnonzero(pecahan)
            contoh = contoh_posisi([angka_tampil(nilai[p]) for p in posisi[:3]], posisi, baris)
            laporan.tambah(
                f"harus bilangan bulat, tetapi berisi pecahan (contoh: {contoh}).",
                kolom.nama,
                baris[pecahan],
            )
        sah = sah & ~pecahan
    sah = sah & ~_periksa_batas(nilai, sah, kolom, baris, laporan)
    if np.isnan(nilai).any():  # sel kosong = tidak tersedia: tetap kosong (NaN), bukan 0
        return KolomHasil(pd.Series(np.where(sah, nilai, np.nan)), sah)
    isi = np.where(sah, nilai, 0.0)
    if kolom.tipe == skema.TIPE_DESIMAL or (
        kolom.tipe == skema.TIPE_RUPIAH and not np.all(np.mod(isi, 1) == 0)
    ):
        return KolomHasil(pd.Series(np.where(sah, nilai, np.nan)), sah)
    return KolomHasil(pd.Series(isi.astype(np.int64)), sah)


def _periksa_batas(
    nilai: np.ndarray, sah: np.ndarray, kolom: skema.Kolom, baris: np.ndarray, laporan: Laporan
) -> np.ndarray:
    """Laporkan nilai di luar rentang sah kolom (``skema.rentang_kolom``); kembalikan mask-nya.

    Angka yang terlalu besar tidak pernah dibulatkan atau "dibungkus" menjadi bilangan lain:
    barisnya ditolak dengan menyebut rentang yang sah.
    """
    rentang = skema.rentang_kolom(kolom)
    luar = np.zeros(len(nilai), dtype=bool)
    if rentang is None:
        return luar
    bawah, atas = rentang
    isi = np.where(sah, nilai, bawah)
    kecil, besar = sah & (isi < bawah), sah & (isi > atas)
    if kolom.tipe == skema.TIPE_TAHUN:
        kelompok = [
            (kecil, f"tahun sebelum {int(bawah)} (UU Desa 6/2014) hampir pasti salah ketik"),
            (
                besar,
                f"tahun di masa depan (sesudah {int(atas)}; tahun berjalan "
                f"{skema.tahun_berjalan()}); data {'rencana paling jauh tahun depan' if kolom.tahun_depan else 'ini tidak mungkin dari masa depan'}",
            ),
        ]
    else:
        kelompok = [
            (kecil, "tidak boleh negatif"),
            (
                besar,
                f"di luar rentang yang masuk akal untuk kolom ini ({skema.teks_rentang(kolom)}); "
                "mungkin salah ketik, angka tersalin dua kali, atau sel yang rusak",
            ),
        ]
    for mask, pesan in kelompok:
        if mask.any():
            posisi = np.flatnonzero(mask)
            teks = [angka_tampil(nilai[p]) for p in posisi[:3]]
            laporan.tambah(
                f"{pesan} (contoh: {contoh_posisi(teks, posisi, baris)}).", kolom.nama, baris[mask]
            )
            luar |= mask
    return luar


# ------------------------------------------------------------------ ya/tidak, kategori, teks


def _ubah_ya_tidak(
    seri: pd.Series, nama: str, baris: np.ndarray, laporan: Laporan, wajib: bool = True
) -> KolomHasil:
    if pd.api.types.is_bool_dtype(seri) and not seri.isna().any():
        nilai = seri.to_numpy(dtype=bool)
        return KolomHasil(pd.Series(nilai), np.ones(len(nilai), dtype=bool))
    kode, unik = urai_unik(seri)
    if wajib:
        laporkan_kosong(kode, nama, baris, laporan)
    teks = [" ".join(teks_sel(v).lower().split()) for v in unik]
    ya = np.array([t in _YA for t in teks], dtype=bool)
    asing = np.array([t not in _YA and t not in _TIDAK for t in teks], dtype=bool)
    if asing.any():
        laporan.tambah(
            f"harus 'ya' atau 'tidak' (contoh isi lain: {contoh(kode, unik, asing, baris)}).",
            nama,
            baris[per_baris(asing, kode)],
        )
    lain = sorted(
        {teks_sel(unik[i]) for i, t in enumerate(teks) if t not in _YA_TIDAK_BAKU and not asing[i]}
    )
    if lain:
        laporan.catat(
            f"Kolom '{nama}': nilai "
            + ", ".join(f"'{x}'" for x in lain[:6])
            + " dibaca sebagai ya/tidak."
        )
    if not wajib and (kode == -1).any():  # sel kosong = tidak tersedia
        nilai = pd.array(per_baris(ya, kode), dtype="boolean")
        nilai[kode == -1] = pd.NA
        return KolomHasil(pd.Series(nilai), per_baris(~asing, kode))
    return KolomHasil(pd.Series(per_baris(ya, kode)), per_baris(~asing, kode))


@lru_cache(maxsize=1)
def _kode_sub_bidang() -> tuple[str, ...]:
    ref = pd.read_csv(folder_referensi() / "sub_bidang.csv", dtype=str, encoding="utf-8")
    return tuple(ref["kode_sub_bidang"])


def _pilihan_kolom(kolom: skema.Kolom) -> dict[str, str]:
    """Peta bentuk tulisan yang diterima (huruf kecil) → nilai baku."""
    if kolom.nama == "kode_sub_bidang":
        return {k: k for k in _kode_sub_bidang()}
    peta = {}
    for p in kolom.pilihan:
        peta[p.lower()] = p
        peta[p.lower().replace("_", " ")] = p
    if set(kolom.pilihan) == set(skema.LAYANAN):
        for kunci, judul in skema.LAYANAN.items():
            peta[judul.lower()] = kunci
    return peta


def _hasil_teks(
    kode: np.ndarray, hasil_unik: np.ndarray, sah_unik: np.ndarray | None = None
) -> KolomHasil:
    nilai = np.append(np.asarray(hasil_unik, dtype=object), np.nan)[kode]
    faktor_unik, _ = pd.factorize(pd.Series(hasil_unik, dtype=object))
    if sah_unik is not None:
        faktor_unik = np.where(sah_unik, faktor_unik, -1)
    faktor = np.append(faktor_unik, -1)[kode]
    return KolomHasil(sebagai_teks(nilai), faktor >= 0, faktor)


def _ubah_kategori(
    seri: pd.Series, kolom: skema.Kolom, baris: np.ndarray, laporan: Laporan, wajib: bool = True
) -> KolomHasil:
    nama = kolom.nama
    kode, unik = urai_unik(seri)
    if wajib:
        laporkan_kosong(kode, nama, baris, laporan)
    rapi = np.array([" ".join(teks_sel(v).split()) for v in unik], dtype=object)
    peta = _pilihan_kolom(kolom)
    hasil, asing = rapi.copy(), np.zeros(len(unik), dtype=bool)
    if peta:
        baku = [peta.get(r.lower()) for r in rapi]
        asing = np.array([b is None for b in baku], dtype=bool)
        hasil = np.array(
            [r if b is None else b for r, b in zip(rapi, baku, strict=True)], dtype=object
        )
        if asing.any():
            sah = list(dict.fromkeys(peta.values()))
            pertama = rapi[np.flatnonzero(asing)[0]].lower()
            mirip = difflib.get_close_matches(pertama, list(peta), n=1)
            saran = f" Mungkin maksudnya '{peta[mirip[0]]}'?" if mirip else ""
            laporan.tambah(
                f"nilai di luar pilihan (contoh: {contoh(kode, unik, asing, baris)}).{saran} "
                "Pilihan yang sah: " + ", ".join(sah) + ".",
                nama,
                baris[per_baris(asing, kode)],
            )
    diubah = [i for i in range(len(unik)) if not asing[i] and hasil[i] != teks_sel(unik[i])]
    if diubah:
        laporan.catat(
            f"Kolom '{nama}': {len(diubah)} nilai diseragamkan (mis. {tampil(unik[diubah[0]])} "
            f"→ '{hasil[diubah[0]]}')."
        )
    return _hasil_teks(kode, hasil, ~asing)


def _ubah_teks(
    seri: pd.Series, nama: str, baris: np.ndarray, laporan: Laporan, wajib: bool
) -> KolomHasil:
    kode, unik = urai_unik(seri)
    if wajib:
        laporkan_kosong(kode, nama, baris, laporan)
    rapi = np.array([teks_sel(v).strip() for v in unik], dtype=object)
    diubah = sum(1 for i in range(len(unik)) if isinstance(unik[i], str) and rapi[i] != unik[i])
    if diubah:
        laporan.catat(f"Kolom '{nama}': spasi di awal/akhir {diubah} nilai dibuang.")
    return _hasil_teks(kode, rapi)


def _ubah_daftar_kode_desa(
    seri: pd.Series, nama: str, baris: np.ndarray, laporan: Laporan
) -> KolomHasil:
    kode, unik = urai_unik(seri)
    hasil = np.empty(len(unik), dtype=object)
    salah = np.zeros(len(unik), dtype=bool)
    for i, v in enumerate(unik):
        baku = []
        for bagian in re.split(r"[;\n]", teks_sel(v)):
            if not bagian.strip():
                continue
            try:
                normal = wilayah.normalisasi_kode(bagian)
            except wilayah.KodeTidakValid:
                salah[i] = True
                break
            if wilayah.jenis_kode(normal) not in ("desa", "kelurahan"):
                salah[i] = True
                break
            baku.append(normal)
        hasil[i] = ";".join(baku)
    if salah.any():
        laporan.tambah(
            "berisi kode yang bukan kode desa/kelurahan PP.KK.CC.NNNN; tulis kode desa dipisah "
            "titik koma "
            f"(contoh isi yang salah: {contoh(kode, unik, salah, baris)}).",
            nama,
            baris[per_baris(salah, kode)],
        )
    return _hasil_teks(kode, hasil, ~salah)


def _ubah_daftar_layanan(
    seri: pd.Series, nama: str, baris: np.ndarray, laporan: Laporan
) -> KolomHasil:
    kode, unik = urai_unik(seri)
    peta = {k: k for k in skema.LAYANAN}
    peta.update({j.lower(): k for k, j in skema.LAYANAN.items()})
    peta.update({k.replace("_", " "): k for k in skema.LAYANAN})
    hasil = np.empty(len(unik), dtype=object)
    salah = np.zeros(len(unik), dtype=bool)
    for i, v in enumerate(unik):
        bagian = [" ".join(b.split()).lower() for b in teks_sel(v).split(";") if b.strip()]
        baku = [peta.get(b) for b in bagian]
        salah[i] = any(b is None for b in baku)
        hasil[i] = ";".join(b for b in baku if b)
    if salah.any():
        laporan.tambah(
            f"berisi layanan yang tidak dikenal (contoh: {contoh(kode, unik, salah, baris)}). "
            "Pilihan yang sah (dipisah titik koma; kosong = lintas layanan): "
            + ", ".join(skema.LAYANAN)
            + ".",
            nama,
            baris[per_baris(salah, kode)],
        )
    return _hasil_teks(kode, hasil, ~salah)
