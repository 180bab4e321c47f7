"""Diagnosis layanan dasar per desa: matriks masalah berlampu, desa prioritas, kebutuhan vs penyediaan.

Aturan lampu (transparan, dapat diubah lewat parameter):

- **hijau**: desa sudah memenuhi target indikator;
- **merah**: belum memenuhi target **dan** lebih buruk daripada capaian wilayah pembanding
  (bawaan: kabupaten) lebih dari ``toleransi`` poin persen;
- **kuning**: belum memenuhi target, tetapi tidak lebih buruk daripada pembanding.

Untuk indikator tanpa target (mis. penduduk terdaftar DTKS) hanya pembanding yang dipakai:
merah bila lebih buruk dari pembanding lebih dari ``toleransi``, hijau bila lebih baik lebih
dari ``toleransi``, selain itu kuning.

Aturan skor prioritas (``desa_prioritas``): untuk setiap layanan dihitung **bagian indikator
merah** (indikator merah ÷ indikator berdata di layanan itu, 0–1); skor desa = rata-rata bagian
itu atas semua layanan, dibobot ``bobot_layanan`` (bawaan: setiap **layanan** berbobot 1, jadi
kesehatan yang punya 5 indikator tidak lebih berat daripada adminduk yang punya 2). Nilai seri
diurutkan menurut banyaknya layanan yang punya lampu merah, lalu jumlah lampu kuning, lalu
jumlah kesenjangan (poin). Layanan tanpa data di sebuah desa (data sendiri yang sebagian) tidak
ikut dirata-rata; ``rincian_layanan`` lalu menyebutnya ("belum ada data: …"), dan desa tanpa
data indikator sama sekali tidak mendapat skor (kolom skor "tidak ada data", rincian "belum ada
data indikator"), bukan 0.

Hasil :func:`matriks_masalah`, peringkat :func:`desa_prioritas`, dan
:func:`kebutuhan_penyediaan` diingat (memo) menurut **isi** tabel masukan dan parameternya:
pembangun handout menghitung matriks satu kabupaten sekali untuk semua kecamatannya, bukan
sekali per bagian per handout. Kunci memo adalah sidik isi tabel (nilai, indeks, nama dan tipe
kolom), jadi tabel yang diubah selalu dihitung ulang; hasilnya salinan, mengubahnya tidak
mengubah memo (``p3pd.memo``). :func:`kosongkan_memo` mengosongkannya.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from p3pd.indikator import DAFTAR_INDIKATOR, INDIKATOR, hitung_capaian, kode_wilayah
from p3pd.memo import ingat
from p3pd.memo import kosongkan_memo as kosongkan_memo  # nama lama, tetap bisa dipakai
from p3pd.memo import sidik_tabel as sidik_tabel
from p3pd.skema import LAYANAN, NAIK

LAMPU = ("hijau", "kuning", "merah")
"""Urutan lampu dari baik ke buruk."""


def _memo(
    nama: str, tabel: tuple[pd.DataFrame, ...], parameter: tuple, hitung: Callable[[], pd.DataFrame]
) -> pd.DataFrame:
    """Hasil ``hitung()`` yang diingat menurut isi ``tabel`` dan ``parameter`` (lihat ``p3pd.memo``)."""
    return ingat(nama, tabel, parameter, hitung)


def _tahun_terakhir(data: pd.DataFrame, tahun: int | None) -> int:
    return int(data["tahun"].max()) if tahun is None else int(tahun)


def matriks_masalah(
    data: pd.DataFrame,
    tahun: int | None = None,
    indikator: Iterable[str] | None = None,
    pembanding: str = "kabupaten",
    toleransi: float = 0.0,
) -> pd.DataFrame:
    """Status lampu setiap desa × indikator (bentuk panjang).

    Kolom: ``kode_desa, indikator, layanan, capaian, target, pembanding, kesenjangan, lampu``.
    ``pembanding`` adalah tingkat wilayah pembanding ("kecamatan" atau "kabupaten").
    Hasilnya diingat menurut isi ``data`` dan parameternya (lihat docstring modul).
    """
    tahun = _tahun_terakhir(data, tahun)
    kode = [i.kode for i in DAFTAR_INDIKATOR] if indikator is None else list(indikator)
    return _memo(
        "matriks",
        (data,),
        (tahun, tuple(kode), pembanding, float(toleransi)),
        lambda: _matriks_masalah(data, tahun, kode, pembanding, toleransi),
    )


def _matriks_masalah(
    data: pd.DataFrame, tahun: int, kode: list[str], pembanding: str, toleransi: float
) -> pd.DataFrame:
    desa = hitung_capaian(data, "desa", tahun=tahun, indikator=kode)
    acuan = hitung_capaian(data, pembanding, tahun=tahun, indikator=kode)
    acuan = acuan.rename(columns={"kode_wilayah": "kode_pembanding", "capaian": "pembanding"})
    desa["kode_pembanding"] = kode_wilayah(desa["kode_wilayah"], pembanding)
    hasil = desa.merge(
        acuan[["kode_pembanding", "indikator", "pembanding"]],
        on=["kode_pembanding", "indikator"],
        how="left",
    )
    naik = hasil["indikator"].map({i.kode: i.arah == NAIK for i in DAFTAR_INDIKATOR}).astype(bool)
    # lebih_buruk > 0 berarti desa lebih buruk daripada pembanding (dalam poin persen)
    lebih_buruk = np.where(
        naik, hasil["pembanding"] - hasil["capaian"], hasil["capaian"] - hasil["pembanding"]
    )
    ada_target = hasil["target"].notna().to_numpy()
    memenuhi = hasil["memenuhi_target"].fillna(False).to_numpy(dtype=bool)
    lampu = np.where(
        ada_target,
        np.where(memenuhi, "hijau", np.where(lebih_buruk > toleransi, "merah", "kuning")),
        np.where(
            lebih_buruk > toleransi, "merah", np.where(lebih_buruk < -toleransi, "hijau", "kuning")
        ),
    )
    lampu = np.where(hasil["capaian"].isna(), "tanpa data", lampu)
    hasil["lampu"] = lampu
    hasil = hasil.rename(columns={"kode_wilayah": "kode_desa"})
    return hasil[
        [
            "kode_desa",
            "tahun",
            "indikator",
            "layanan",
            "capaian",
            "target",
            "pembanding",
            "kesenjangan",
            "lampu",
        ]
    ]


GABUNGAN_DATA_INI = "gabungan desa/kelurahan di data ini"
"""Sebutan pembanding yang dihitung dari sebagian desa/kelurahan wilayahnya (jumlahkan lalu bagi)."""


def nama_pembanding(
    data: pd.DataFrame,
    kode_kabupaten: str,
    pembanding: str = "kabupaten",
    *,
    sintetis: bool | None = None,
    kode_kecamatan: str | None = None,
) -> str:
    """Sebutan jujur wilayah pembanding lampu untuk desa di kabupaten ``kode_kabupaten``.

    Capaian pembanding dihitung dari desa yang ada di ``data`` (pembilang dan penyebut
    dijumlahkan lalu dibagi). Pada data latihan (``sintetis``; bawaan: label folder data) dan
    pada data sendiri yang memuat **semua** desa/kelurahan wilayah itu menurut daftar
    Kepmendagri (``p3pd.wilayah_nasional``) hasilnya ``"kabupaten"`` (atau ``"kecamatan"``).
    Bila data hanya memuat sebagian, hasilnya :data:`GABUNGAN_DATA_INI` dengan keterangan,
    mis. ``"gabungan desa/kelurahan di data ini (2 dari 24 desa/kelurahan Kota Batu)"``: angka
    itu bukan capaian kabupaten/kota. Pembanding ``"kecamatan"`` diperiksa dengan cara yang
    sama bila ``kode_kecamatan`` diberikan.
    """
    from p3pd.label import label_data

    if pembanding == "kecamatan" and kode_kecamatan is not None:
        kode = str(kode_kecamatan)
    elif pembanding == "kabupaten":
        kode = str(kode_kabupaten)
    else:
        return pembanding
    if sintetis is None:
        sintetis = label_data().sintetis
    if sintetis:
        return pembanding
    ada = int(
        data.loc[data["kode_desa"].astype(str).str.startswith(f"{kode}."), "kode_desa"].nunique()
    )
    keterangan = keterangan_cakupan(ada, kode)
    return pembanding if keterangan is None else f"{GABUNGAN_DATA_INI} {keterangan}"


def keterangan_cakupan(ada: int, kode_wilayah: str) -> str | None:
    """``"(N dari M desa/kelurahan Kota Batu)"`` bila ``ada`` < jumlah desa/kelurahan wilayah itu
    di daftar nasional; ``None`` bila data memuat semuanya. Wilayah yang tidak ada di daftar
    nasional: ``"(N desa/kelurahan di data ini)"``."""
    from p3pd import wilayah_nasional
    from p3pd.galat import WilayahTidakDikenal

    try:
        nasional = len(wilayah_nasional.daftar("desa", kode_wilayah))
        nama = wilayah_nasional.wilayah(kode_wilayah).nama
    except (WilayahTidakDikenal, ValueError):
        nasional, nama = 0, ""
    if nasional and ada >= nasional:
        return None
    if not nasional:
        return f"({ada} desa/kelurahan di data ini)"
    if len(kode_wilayah) == 8 and not nama.lower().startswith("kecamatan"):
        nama = f"Kecamatan {nama}"
    return f"({ada} dari {nasional} desa/kelurahan {nama})"


def tabel_lampu(matriks: pd.DataFrame) -> pd.DataFrame:
    """Ubah matriks panjang menjadi tabel desa × indikator berisi nama lampu."""
    tabel = matriks.pivot(index="kode_desa", columns="indikator", values="lampu")
    urutan = [i.kode for i in DAFTAR_INDIKATOR if i.kode in tabel.columns]
    tabel = tabel[urutan]
    tabel.columns.name = None
    return tabel


def desa_prioritas(
    data: pd.DataFrame,
    tahun: int | None = None,
    indikator: Iterable[str] | None = None,
    bobot_layanan: Mapping[str, float] | None = None,
    pembanding: str = "kabupaten",
    toleransi: float = 0.0,
    jumlah: int | None = 10,
    wilayah: str | None = None,
) -> pd.DataFrame:
    """Urutkan desa menurut skor masalah per layanan (aturan di docstring modul).

    Skor = Σ (bobot layanan × bagian indikator merah di layanan itu) ÷ Σ bobot layanan, antara
    0 (tidak ada lampu merah) dan 1 (semua indikator semua layanan merah). ``wilayah`` membatasi
    pada kode kecamatan/kabupaten tertentu (awalan kode desa). ``jumlah=None`` mengembalikan
    semua desa. Kolom: ``peringkat, kode_desa, skor, layanan_merah, merah, kuning,
    rincian_layanan, indikator_merah, total_kesenjangan`` — ``layanan_merah`` = banyaknya
    layanan dengan ≥ 1 lampu merah; ``rincian_layanan`` mis. "kesehatan 2/5; adminduk 1/2"
    (merah/berdata per layanan yang punya lampu merah) supaya terlihat mengapa desa di atas.
    Bila sebagian layanan tidak berdata di desa itu, ``rincian_layanan`` diakhiri "belum ada
    data: Pendidikan, Jaminan sosial" (skornya hanya dari layanan yang berdata); desa tanpa
    data indikator sama sekali mendapat skor NaN ("belum ada data indikator") dan berada di
    akhir urutan — letaknya di akhir bukan berarti masalahnya paling ringan.

    Skor setiap desa hanya bergantung pada baris desa itu (pembandingnya dari seluruh
    ``data``), jadi peringkat semua desa dihitung sekali dan diingat; ``wilayah`` dan
    ``jumlah`` hanya menyaring dan memotong urutan itu.
    """
    bobot = {k: 1.0 for k in {i.layanan for i in DAFTAR_INDIKATOR}}
    if bobot_layanan:
        tidak_dikenal = set(bobot_layanan) - set(bobot)
        if tidak_dikenal:
            raise KeyError(
                f"Layanan tidak dikenal: {sorted(tidak_dikenal)}. Pilihan: {sorted(bobot)}"
            )
        if any(float(v) < 0 for v in bobot_layanan.values()):
            raise ValueError("Bobot layanan tidak boleh negatif.")
        bobot.update({k: float(v) for k, v in bobot_layanan.items()})
    tahun = _tahun_terakhir(data, tahun)
    kode = [i.kode for i in DAFTAR_INDIKATOR] if indikator is None else list(indikator)
    hasil = _memo(
        "prioritas",
        (data,),
        (tahun, tuple(kode), tuple(sorted(bobot.items())), pembanding, float(toleransi)),
        lambda: _peringkat_semua(data, tahun, kode, bobot, pembanding, toleransi),
    )
    if wilayah is not None:
        hasil = hasil[hasil["kode_desa"].str.startswith(wilayah)]
        hasil = hasil.assign(peringkat=range(1, len(hasil) + 1))
    if jumlah is not None:
        hasil = hasil.head(jumlah)
    return hasil.reset_index(drop=True)


def _peringkat_semua(
    data: pd.DataFrame,
    tahun: int,
    indikator: list[str],
    bobot: dict[str, float],
    pembanding: str,
    toleransi: float,
) -> pd.DataFrame:
    """Peringkat semua desa ``data`` (isi :func:`desa_prioritas` tanpa saringan)."""
    matriks = matriks_masalah(data, tahun, indikator, pembanding, toleransi)
    merah = matriks["lampu"] == "merah"
    berdata = matriks["lampu"] != "tanpa data"
    matriks = matriks.assign(
        merah=merah.astype(int),
        berdata=berdata.astype(int),
        kuning=(matriks["lampu"] == "kuning").astype(int),
        kesenjangan_positif=matriks["kesenjangan"].clip(lower=0).fillna(0),
        nama_merah=np.where(merah, matriks["indikator"].map(lambda k: INDIKATOR[k].nama), ""),
    )
    per_layanan = matriks.groupby(["kode_desa", "layanan"], sort=True)[["merah", "berdata"]].sum()
    per_layanan = per_layanan[per_layanan["berdata"] > 0].reset_index()
    per_layanan["bobot"] = per_layanan["layanan"].map(bobot)
    per_layanan["bagian"] = per_layanan["merah"] / per_layanan["berdata"]
    per_layanan["nilai"] = per_layanan["bobot"] * per_layanan["bagian"]
    urut = {k: n for n, k in enumerate(LAYANAN)}
    per_layanan["_urut"] = per_layanan["layanan"].map(urut)
    per_layanan = per_layanan.sort_values(["kode_desa", "_urut"])
    per_layanan["teks"] = np.where(
        per_layanan["merah"] > 0,
        per_layanan["layanan"].map(LAYANAN)
        + " "
        + per_layanan["merah"].astype(str)
        + "/"
        + per_layanan["berdata"].astype(str),
        "",
    )
    gl = per_layanan.groupby("kode_desa", sort=True)
    total_bobot = gl["bobot"].sum()
    skor = (gl["nilai"].sum() / total_bobot.where(total_bobot > 0)).fillna(0.0)
    grup = matriks.groupby("kode_desa", sort=True)
    semua_desa = grup.size().index
    rincian = (
        gl["teks"].agg(lambda s: "; ".join(x for x in s if x)).reindex(semua_desa, fill_value="")
    )
    hasil = pd.DataFrame(
        {
            # desa tanpa satu pun indikator berdata: skor "tidak ada data" (NaN), bukan 0
            "skor": skor.reindex(semua_desa).round(4),
            "layanan_merah": (gl["merah"].apply(lambda s: int((s > 0).sum())))
            .reindex(grup.size().index, fill_value=0)
            .astype(int),
            "merah": grup["merah"].sum(),
            "kuning": grup["kuning"].sum(),
            "rincian_layanan": _tambah_tanpa_data(rincian, per_layanan, indikator),
            "indikator_merah": grup["nama_merah"].agg(lambda s: "; ".join(x for x in s if x)),
            "total_kesenjangan": grup["kesenjangan_positif"].sum(),
        }
    ).reset_index()
    hasil = hasil.sort_values(
        ["skor", "layanan_merah", "kuning", "total_kesenjangan", "kode_desa"],
        ascending=[False, False, False, False, True],
    )
    hasil.insert(0, "peringkat", range(1, len(hasil) + 1))
    return hasil.reset_index(drop=True)


TANPA_MERAH_BERDATA = "tidak ada lampu merah di layanan yang ada datanya"
"""Awal ``rincian_layanan`` desa yang sebagian layanannya tanpa data dan tanpa lampu merah."""


def _tambah_tanpa_data(
    rincian: pd.Series, per_layanan: pd.DataFrame, indikator: list[str]
) -> pd.Series:
    """``rincian`` (per desa) ditambah "belum ada data: …" untuk layanan yang tidak berdata.

    Hanya layanan yang punya indikator di ``indikator`` yang dihitung; desa tanpa layanan
    berdata sama sekali mendapat "belum ada data indikator".
    """
    diminta = [k for k in LAYANAN if any(INDIKATOR[i].layanan == k for i in indikator)]
    berdata = per_layanan.groupby("kode_desa")["layanan"].agg(set)
    hasil = {}
    for kode, teks in rincian.items():
        ada = berdata.get(kode, set())
        kurang = [LAYANAN[k] for k in diminta if k not in ada]
        if not ada:
            hasil[kode] = "belum ada data indikator"
        elif kurang:
            tambahan = "belum ada data: " + ", ".join(kurang)
            hasil[kode] = f"{teks or TANPA_MERAH_BERDATA}; {tambahan}"
        else:
            hasil[kode] = teks
    return pd.Series(hasil, dtype=object).reindex(rincian.index)


def kebutuhan_penyediaan(
    data: pd.DataFrame,
    fasilitas: pd.DataFrame,
    tahun: int | None = None,
    tingkat: str = "desa",
) -> pd.DataFrame:
    """Bandingkan kebutuhan (kesenjangan layanan) dengan penyediaan (fasilitas, tenaga, jarak).

    Kebutuhan: jumlah balita, anak usia sekolah, dan capaian kunci (stunting, persalinan di
    fasyankes, APM SMP, sanitasi layak). Penyediaan: posyandu aktif (persen), pustu/polindes,
    bidan, SD/SMP/PAUD per 1.000 anak, jarak ke puskesmas, air perpipaan. Di tingkat selain
    desa, jumlah (pembilang, penyebut, fasilitas) dijumlahkan dan jarak dirata-rata. Kolom
    ``kelompok`` menandai desa dengan kebutuhan tinggi dan penyediaan rendah (di atas/bawah median seluruh data yang diberikan).
    Hasilnya diingat menurut isi ``data`` dan ``fasilitas`` (lihat docstring modul).
    """
    tahun = _tahun_terakhir(data, tahun)
    return _memo(
        "kebutuhan",
        (data, fasilitas),
        (tahun, tingkat),
        lambda: _kebutuhan_penyediaan(data, fasilitas, tahun, tingkat),
    )


def _kebutuhan_penyediaan(
    data: pd.DataFrame, fasilitas: pd.DataFrame, tahun: int, tingkat: str
) -> pd.DataFrame:
    d = data[data["tahun"] == tahun].merge(
        fasilitas, on="kode_desa", how="left", validate="one_to_one"
    )
    kunci = kode_wilayah(d["kode_desa"], tingkat).rename("kode_wilayah")
    kolom_jumlah = [
        "balita_diukur",
        "balita_stunting",
        "persalinan",
        "persalinan_fasyankes",
        "anak_13_15",
        "anak_13_15_sekolah_smp",
        "jumlah_rumah_tangga",
        "rt_sanitasi_layak",
        "anak_7_12",
        "anak_3_6",
        "jumlah_sd",
        "jumlah_smp",
        "jumlah_paud",
        "jumlah_posyandu",
        "posyandu_aktif",
        "jumlah_pustu_polindes",
        "bidan_desa",
    ]
    g = d.groupby(kunci, sort=True)
    # min_count=1: kolom yang tidak ada datanya tetap kosong (bukan 0), sehingga rasio atas data
    # sebagian menjadi "tidak ada data", bukan 0 atau tak hingga.
    s = g[kolom_jumlah].sum(min_count=1)
    hasil = pd.DataFrame(index=s.index)
    with np.errstate(divide="ignore", invalid="ignore"):
        hasil["stunting"] = s["balita_stunting"] / s["balita_diukur"] * 100
        hasil["persalinan_fasyankes"] = s["persalinan_fasyankes"] / s["persalinan"] * 100
        hasil["apm_smp"] = s["anak_13_15_sekolah_smp"] / s["anak_13_15"] * 100
        hasil["sanitasi_layak"] = s["rt_sanitasi_layak"] / s["jumlah_rumah_tangga"] * 100
        hasil["posyandu_aktif_persen"] = s["posyandu_aktif"] / s["jumlah_posyandu"] * 100
        hasil["sd_smp_per_1000_anak"] = (
            (s["jumlah_sd"] + s["jumlah_smp"]) / (s["anak_7_12"] + s["anak_13_15"]) * 1000
        )
        hasil["paud_per_1000_anak"] = s["jumlah_paud"] / s["anak_3_6"] * 1000
    hasil = hasil.replace([np.inf, -np.inf], np.nan)  # penyebut 0: tidak terdefinisi
    hasil["pustu_polindes"] = s["jumlah_pustu_polindes"]
    hasil["bidan_desa"] = s["bidan_desa"]
    hasil["jarak_puskesmas_km"] = g["jarak_puskesmas_km"].mean()
    hasil["air_perpipaan_persen"] = g["air_perpipaan"].mean() * 100
    # indeks sederhana: rata-rata peringkat persentil (0 = terbaik, 1 = terburuk)
    kebutuhan = pd.concat(
        [
            hasil["stunting"].rank(pct=True),
            (-hasil["persalinan_fasyankes"]).rank(pct=True),
            (-hasil["apm_smp"]).rank(pct=True),
            (-hasil["sanitasi_layak"]).rank(pct=True),
        ],
        axis=1,
    ).mean(axis=1)
    penyediaan = pd.concat(
        [
            hasil["posyandu_aktif_persen"].rank(pct=True),
            hasil["sd_smp_per_1000_anak"].rank(pct=True),
            hasil["bidan_desa"].rank(pct=True),
            (-hasil["jarak_puskesmas_km"]).rank(pct=True),
        ],
        axis=1,
    ).mean(axis=1)
    hasil["indeks_kebutuhan"] = kebutuhan.round(3)
    hasil["indeks_penyediaan"] = penyediaan.round(3)
    tinggi = hasil["indeks_kebutuhan"] > hasil["indeks_kebutuhan"].median()
    rendah = hasil["indeks_penyediaan"] < hasil["indeks_penyediaan"].median()
    hasil["kelompok"] = np.select(
        [tinggi & rendah, tinggi & ~rendah, ~tinggi & rendah],
        [
            "kebutuhan tinggi, penyediaan rendah",
            "kebutuhan tinggi, penyediaan memadai",
            "kebutuhan rendah, penyediaan rendah",
        ],
        default="kebutuhan rendah, penyediaan memadai",
    )
    hasil.index.name = "kode_wilayah"
    return hasil.reset_index()


def ringkas_kelompok(kp: pd.DataFrame) -> pd.DataFrame:
    """Hitung banyaknya wilayah di setiap kelompok kebutuhan × penyediaan."""
    urutan = [
        "kebutuhan tinggi, penyediaan rendah",
        "kebutuhan tinggi, penyediaan memadai",
        "kebutuhan rendah, penyediaan rendah",
        "kebutuhan rendah, penyediaan memadai",
    ]
    jumlah = kp["kelompok"].value_counts().reindex(urutan, fill_value=0)
    return jumlah.rename_axis("kelompok").reset_index(name="jumlah")


def merah_per_layanan(matriks: pd.DataFrame) -> pd.DataFrame:
    """Tabel desa × layanan: banyaknya indikator berlampu merah di setiap layanan.

    ``matriks`` adalah hasil :func:`matriks_masalah` (boleh sudah disaring, mis. satu
    kecamatan). Indeks ``kode_desa``; satu kolom per layanan menurut urutan
    ``p3pd.skema.LAYANAN`` (hanya layanan yang punya data di matriks: layanan yang semua
    lampunya "tanpa data" tidak diberi kolom, agar tidak terbaca "0 merah"), lalu kolom
    ``jumlah`` (semua indikator merah desa itu). Desa tanpa satu pun lampu merah tetap
    tercantum (nol).
    """
    berdata = set(matriks.loc[matriks["lampu"].isin(LAMPU), "layanan"])
    urutan = [k for k in LAYANAN if k in berdata]
    merah = (matriks["lampu"] == "merah").astype(int)
    tabel = merah.groupby([matriks["kode_desa"], matriks["layanan"]]).sum().unstack(fill_value=0)
    tabel = tabel.reindex(columns=urutan, fill_value=0).astype(int)
    tabel.columns.name = None
    tabel["jumlah"] = tabel.sum(axis=1)
    return tabel


def desa_menonjol(kp: pd.DataFrame, jumlah: int = 5) -> pd.DataFrame:
    """Wilayah "kebutuhan tinggi, penyediaan rendah" yang paling menonjol dari hasil :func:`kebutuhan_penyediaan`.

    Hanya baris berkelompok ``"kebutuhan tinggi, penyediaan rendah"``, diurutkan menurut
    ``selisih_indeks`` = ``indeks_kebutuhan − indeks_penyediaan`` (terbesar dulu: kebutuhan
    paling tinggi sekaligus penyediaan paling rendah; nilai seri menurut ``kode_wilayah``).
    Mengembalikan paling banyak ``jumlah`` baris dengan semua kolom ``kp`` ditambah
    ``selisih_indeks``.
    """
    if jumlah < 0:
        raise ValueError("jumlah harus bilangan bulat ≥ 0.")
    pilih = kp[kp["kelompok"] == "kebutuhan tinggi, penyediaan rendah"]
    pilih = pilih.assign(
        selisih_indeks=(pilih["indeks_kebutuhan"] - pilih["indeks_penyediaan"]).round(3)
    )
    pilih = pilih.sort_values(["selisih_indeks", "kode_wilayah"], ascending=[False, True])
    return pilih.head(jumlah).reset_index(drop=True)
