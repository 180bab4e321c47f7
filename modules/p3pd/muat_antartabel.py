"""Pemeriksaan yang melihat lebih dari satu baris atau satu tabel: nama wilayah dan kode antartabel.

Tabel yang sah sendiri-sendiri masih bisa merusak notebook dan handout, mis. dua kecamatan
bernama sama (tabel per nama berisi entri kembar), nama kecamatan yang kosong, atau kode desa
di tabel indikator yang tidak ada di daftar desa (namanya hilang di handout). Yang merusak
notebook atau handout dilaporkan di sini lebih dulu, oleh ``p3pd periksa`` (satu tabel) dan
``p3pd ringkasan`` (satu folder), dengan nama berkas, kolom, dan baris atau kodenya.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from p3pd import skema
from p3pd.galat import ringkas_baris
from p3pd.muat_masalah import KolomHasil, Laporan, angka_tampil, contoh_posisi, teks_sel

__all__ = [
    "periksa_kunci",
    "periksa_pasangan",
    "periksa_jenjang_wilayah",
    "periksa_nama_wilayah",
    "lengkapi_induk_wilayah",
    "isi_induk_wilayah_kosong",
    "periksa_antartabel",
    "catatan_antartabel",
    "TABEL_BERKODE_DESA",
    "RUJUKAN_ID",
]

_JENJANG = (
    ("kode_kecamatan", "nama_kecamatan", "kecamatan", "kode_provinsi"),
    ("kode_kabupaten", "nama_kabupaten", "kabupaten", "kode_provinsi"),
    ("kode_provinsi", "nama_provinsi", "provinsi", None),
)

TABEL_BERKODE_DESA = (
    "indikator",
    "belanja",
    "belanja_kegiatan",
    "pendapatan",
    "fasilitas",
    "usulan",
    "program_desa",
    "terbitan",
)
"""Tabel yang setiap barisnya menyebut satu desa dari daftar desa (tabel wilayah).

:func:`periksa_antartabel` memeriksa kolom ``kode_desa`` setiap tabel yang memilikinya; daftar
ini menyebut tabel-tabel itu untuk pembaca dan uji."""

RUJUKAN_ID: tuple[tuple[str, str, str, str], ...] = (
    ("program_desa", "id_program", "program", "program"),
    ("usulan_tindak_lanjut", "id_usulan", "usulan", "usulan"),
)
"""Rujukan nomor antartabel: (tabel rincian, kolom nomor, tabel induk, apa). Setiap nomor di
tabel rincian harus ada di kolom yang sama di tabel induk bila keduanya ada di folder."""


def _contoh_baris(baris: np.ndarray, pilih: np.ndarray, batas: int = 4) -> str:
    return ", ".join(str(b) for b in baris[pilih][:batas])


def periksa_nama_wilayah(hasil: dict[str, KolomHasil], baris: np.ndarray, laporan: Laporan) -> None:
    """Tabel wilayah: nama wajib diisi, satu nama per kode, dan nama yang bisa dibedakan.

    - setiap desa, kecamatan, kabupaten, dan provinsi bernama (tidak kosong);
    - satu kode kecamatan/kabupaten/provinsi hanya punya satu nama di seluruh tabel;
    - dua kecamatan berbeda di satu provinsi tidak bernama sama, dan dua desa berbeda di satu
      kecamatan tidak bernama sama (tabel dan grafik handout disusun menurut nama).
    """
    for nama in ("nama_desa", "nama_kecamatan", "nama_kabupaten", "nama_provinsi"):
        if nama not in hasil:
            continue
        nilai = hasil[nama].nilai
        kosong = (nilai.isna() | (nilai.astype(str).str.strip() == "")).to_numpy(dtype=bool)
        if kosong.any():
            laporan.tambah(
                "nama wilayah kosong; setiap baris perlu nama (dipakai di tabel dan grafik "
                "notebook dan handout).",
                nama,
                baris[kosong],
            )
    for kode, nama, apa, _ in _JENJANG:
        if kode not in hasil or nama not in hasil:
            continue
        bingkai = pd.DataFrame(
            {"kode": hasil[kode].nilai.to_numpy(), "nama": hasil[nama].nilai.to_numpy()}
        )
        sah = hasil[kode].sah & bingkai["nama"].notna().to_numpy()
        b = bingkai[sah]
        jumlah_nama = b.groupby("kode")["nama"].nunique()
        ganda = jumlah_nama[jumlah_nama > 1]
        if len(ganda):
            pilih = sah & bingkai["kode"].isin(ganda.index).to_numpy()
            contoh = "; ".join(
                f"{k}: "
                + " / ".join(f"'{n}'" for n in sorted(b.loc[b["kode"] == k, "nama"].unique())[:3])
                for k in ganda.index[:3]
            )
            laporan.tambah(
                f"satu kode {apa} ditulis dengan nama berbeda-beda ({contoh}). Seragamkan "
                f"namanya agar setiap {apa} punya satu nama.",
                (kode, nama),
                baris[pilih],
            )
    _nama_kembar(hasil, baris, laporan, "kode_kecamatan", "nama_kecamatan", "kode_provinsi",
                 "kecamatan", "provinsi")  # fmt: skip
    _nama_kembar(hasil, baris, laporan, "kode_desa", "nama_desa", "kode_kecamatan", "desa",
                 "kecamatan")  # fmt: skip


def _nama_kembar(
    hasil: dict[str, KolomHasil],
    baris: np.ndarray,
    laporan: Laporan,
    kode: str,
    nama: str,
    induk: str,
    apa: str,
    apa_induk: str,
) -> None:
    if not all(k in hasil for k in (kode, nama, induk)):
        return
    bingkai = pd.DataFrame(
        {
            "kode": hasil[kode].nilai.to_numpy(),
            "nama": hasil[nama].nilai.astype(str).str.strip().str.lower().to_numpy(),
            "induk": hasil[induk].nilai.to_numpy(),
        }
    )
    sah = hasil[kode].sah & hasil[induk].sah & hasil[nama].nilai.notna().to_numpy()
    b = bingkai[sah]
    jumlah_kode = b.groupby(["induk", "nama"])["kode"].nunique()
    kembar = jumlah_kode[jumlah_kode > 1]
    if not len(kembar):
        return
    kunci = pd.MultiIndex.from_frame(bingkai[["induk", "nama"]])
    pilih = sah & kunci.isin(kembar.index)
    contoh = "; ".join(
        f"'{n}' di {apa_induk} {i} ("
        + ", ".join(sorted(b.loc[(b["induk"] == i) & (b["nama"] == n), "kode"].unique())[:3])
        + ")"
        for i, n in kembar.index[:3]
    )
    laporan.tambah(
        f"dua {apa} berbeda di satu {apa_induk} bernama sama: {contoh}. Tabel dan grafik handout "
        f"disusun menurut nama, jadi nama {apa} perlu dibedakan (mis. tambahkan keterangan "
        "dalam kurung), atau perbaiki kodenya bila sebenarnya wilayah yang sama.",
        (kode, nama),
        baris[pilih],
    )


def isi_induk_wilayah_kosong(
    data: pd.DataFrame, baris: np.ndarray, laporan: Laporan
) -> pd.DataFrame:
    """Daftar desa dengan sel kode/nama induk KOSONG: isi dari kode desa dan daftar nasional.

    Mis. baris ``51.04.03.2004,LEBIH,,,,,,`` yang ditambahkan di Excel. Berkas tidak diubah;
    baris yang diisi dicatat di ``laporan``. Mengembalikan tabel mentah yang sudah diisi.
    """
    from p3pd.wilayah_nasional import isi_induk_kosong

    data, posisi = isi_induk_kosong(data)
    if posisi:
        laporan.catat(
            "Sel kode/nama kecamatan, kabupaten, atau provinsi yang kosong di baris "
            + ringkas_baris([int(baris[i]) for i in posisi])
            + " diisi dari awalan kode desa dan daftar wilayah nasional (Kepmendagri 2025, "
            "p3pd.wilayah_nasional); berkasnya tidak diubah."
        )
    return data


def lengkapi_induk_wilayah(
    hasil: dict[str, KolomHasil], hilang: list[str], laporan: Laporan
) -> dict[str, pd.Series]:
    """Daftar desa tanpa kolom kode/nama induk: isi dari kode desa dan daftar wilayah nasional.

    ``hilang`` = kolom skema yang tidak ada di berkas. Mengembalikan kolom isian (nama →
    Series); kode induk yang tidak ada di daftar nasional dilaporkan sebagai masalah.
    """
    if not hilang or "kode_desa" not in hasil or not hasil["kode_desa"].sah.all():
        return {}
    from p3pd.wilayah_nasional import lengkapi_daftar_desa

    isian, tidak_dikenal = lengkapi_daftar_desa(hasil["kode_desa"].nilai, hasil)
    if tidak_dikenal:
        laporan.tambah(
            "kolom nama wilayah tidak ada, dan kode "
            + ", ".join(tidak_dikenal[:5])
            + (" …" if len(tidak_dikenal) > 5 else "")
            + " tidak ada di daftar wilayah nasional (Kepmendagri 2025), jadi namanya tidak dapat "
            "diisi. Tambahkan kolom nama itu ke berkas, atau periksa kode desanya.",
            tuple(k for k in isian if k.startswith("nama_")),
        )
        return {}
    if isian:
        laporan.catat(
            "Kolom "
            + ", ".join(isian)
            + " tidak ada di daftar desa; diisi dari awalan kode desa dan daftar wilayah "
            "nasional (Kepmendagri 2025, p3pd.wilayah_nasional)."
        )
    return isian


# --------------------------------------------------------------------------- antarbaris satu tabel


def periksa_kunci(
    hasil: dict[str, KolomHasil], tabel: skema.Tabel, baris: np.ndarray, laporan: Laporan
) -> None:
    """Laporkan baris yang kunci unik tabelnya kembar (tersalin dua kali atau isinya berbeda)."""
    kunci = list(tabel.kunci)
    sah = np.logical_and.reduce([hasil[k].sah for k in kunci])
    if not sah.any():
        return
    gabungan = np.zeros(int(sah.sum()), dtype=np.int64)
    for k in kunci:
        faktor = hasil[k].faktor
        if faktor is None:
            faktor, _ = pd.factorize(hasil[k].nilai.to_numpy()[sah])
        else:
            faktor = faktor[sah]
        faktor = np.asarray(faktor, dtype=np.int64)
        gabungan = gabungan * (int(faktor.max(initial=0)) + 1) + faktor
    if int(gabungan.max(initial=0)) < 4 * len(gabungan) + 10_000_000:
        kembar = np.bincount(gabungan)[gabungan] > 1  # cepat: kunci gabungan berupa bilangan kecil
    else:
        kembar = pd.Series(gabungan).duplicated(keep=False).to_numpy()
    if not kembar.any():
        return
    posisi = np.flatnonzero(sah)[kembar]
    bingkai = pd.DataFrame({n: h.nilai.to_numpy()[posisi] for n, h in hasil.items()})
    persis = bingkai.duplicated(keep=False).to_numpy()
    kelompok = pd.Series(posisi).groupby(gabungan[kembar], sort=False).agg(list)
    contoh = "; ".join(
        "baris "
        + " dan ".join(str(baris[p]) for p in pos[:4])
        + " ("
        + ", ".join(teks_sel(hasil[k].nilai.iloc[pos[0]]) for k in kunci)
        + ")"
        for pos in kelompok.iloc[:3]
    )
    if persis.all():
        jenis = "baris kembar persis (tersalin dua kali)"
    elif not persis.any():
        jenis = "baris dengan kunci sama tetapi isi berbeda"
    else:
        jenis = "baris kembar (sebagian sama persis, sebagian isinya berbeda)"
    laporan.tambah(
        f"gabungan {' + '.join(kunci)} harus unik, tetapi ada {len(kelompok)} kelompok {jenis}: "
        f"{contoh}. Hapus salinannya atau perbaiki kodenya.",
        tuple(kunci),
        baris[posisi],
    )


def periksa_pasangan(
    hasil: dict[str, KolomHasil], pasangan: skema.Pasangan, baris: np.ndarray, laporan: Laporan
) -> None:
    """Laporkan baris yang pembilangnya melebihi penyebutnya (mis. balita stunting > diukur)."""
    atas, bawah = hasil[pasangan.pembilang], hasil[pasangan.penyebut]
    a, b = atas.nilai.to_numpy(), bawah.nilai.to_numpy()
    lebih = atas.sah & bawah.sah & (a > b)
    if lebih.any():
        posisi = np.flatnonzero(lebih)
        teks = [f"{angka_tampil(a[p])} > {angka_tampil(b[p])}" for p in posisi[:3]]
        laporan.tambah(
            f"'{pasangan.pembilang}' tidak boleh lebih besar daripada '{pasangan.penyebut}' "
            f"(contoh: {contoh_posisi(teks, posisi, baris)}).",
            (pasangan.pembilang, pasangan.penyebut),
            baris[lebih],
        )


def periksa_jenjang_wilayah(
    hasil: dict[str, KolomHasil], baris: np.ndarray, laporan: Laporan
) -> None:
    """Laporkan kode desa/kecamatan/kabupaten yang tidak berada di dalam kode induknya."""
    for anak, induk, panjang in (
        ("kode_desa", "kode_kecamatan", 8),
        ("kode_kecamatan", "kode_kabupaten", 5),
        ("kode_kabupaten", "kode_provinsi", 2),
    ):
        if anak not in hasil or induk not in hasil:
            continue
        a, i = hasil[anak], hasil[induk]
        sah = a.sah & i.sah
        beda = sah & (a.nilai.str[:panjang] != i.nilai).to_numpy(dtype=bool)
        if beda.any():
            p = int(np.flatnonzero(beda)[0])
            laporan.tambah(
                f"'{anak}' tidak berada di dalam '{induk}' (mis. baris {baris[p]}: "
                f"{a.nilai.iloc[p]} bukan bagian dari {i.nilai.iloc[p]}).",
                (anak, induk),
                baris[beda],
            )


# --------------------------------------------------------------------------- antartabel


def periksa_antartabel(tabel: dict[str, pd.DataFrame], berkas: dict[str, str]) -> list[str]:
    """Masalah antartabel satu folder data (kosong = tidak ada); setiap pesan menyebut berkasnya.

    ``tabel`` berisi tabel yang sudah lolos pemuat (nama pendek → DataFrame), ``berkas`` nama
    berkasnya untuk pesan. Diperiksa: setiap kode desa di setiap tabel (kolom ``kode_desa``)
    ada di daftar desa, dengan nomor barisnya; setiap kecamatan tabel pemangku ada di daftar
    desa; setiap desa sasaran dan kabupaten program ada di daftar desa; setiap nomor program
    di ``program_desa`` ada di ``program_opd`` dan setiap nomor usulan di
    ``usulan_tindak_lanjut`` ada di ``usulan_desa`` (bila kedua tabelnya ada; lihat
    :data:`RUJUKAN_ID`). Hal yang tidak merusak (desa tanpa data, tahun yang berbeda
    antartabel, tabel rincian tanpa tabel induknya) ada di :func:`catatan_antartabel`.
    """
    masalah = _periksa_rujukan_id(tabel, berkas)
    wil = tabel.get("wilayah")
    if wil is None:
        return masalah
    desa = set(wil["kode_desa"])
    nama_wil = berkas.get("wilayah", skema.WILAYAH.berkas)
    for nama, df in tabel.items():
        if nama == "wilayah" or "kode_desa" not in df.columns:
            continue
        kode = df["kode_desa"]
        pilih = ~kode.isin(desa).to_numpy(dtype=bool)
        if pilih.any():
            asing = kode[pilih]
            unik = sorted(asing.unique())
            contoh = ", ".join(unik[:5]) + (
                f" … (dan {len(unik) - 5} lainnya)" if len(unik) > 5 else ""
            )
            masalah.append(
                f"Berkas '{berkas.get(nama, nama)}', kolom 'kode_desa', baris "
                f"{_baris_tabel(df, pilih)}: {len(unik)} kode desa ({len(asing)} baris) tidak ada "
                f"di daftar desa '{nama_wil}': {contoh}. Tanpa daftar desa, nama desa dan "
                "kecamatannya tidak dapat ditampilkan; tambahkan desa itu ke daftar desa atau "
                "perbaiki kodenya."
            )
    if "pemangku" in tabel:
        kec = tabel["pemangku"]["kode_kecamatan"]
        pilih = ~kec.isin(set(wil["kode_kecamatan"])).to_numpy(dtype=bool)
        if pilih.any():
            unik = sorted(kec[pilih].unique())
            masalah.append(
                f"Berkas '{berkas.get('pemangku', 'pemangku')}', kolom 'kode_kecamatan', baris "
                f"{_baris_tabel(tabel['pemangku'], pilih)}: kecamatan {', '.join(unik[:5])} "
                f"tidak ada di daftar desa '{nama_wil}'."
            )
    if "program" in tabel:
        prog = tabel["program"]
        sasaran = {k for v in prog["desa_sasaran"].dropna() for k in str(v).split(";") if k}
        asing_s = sorted(sasaran - desa)
        if asing_s:
            masalah.append(
                f"Berkas '{berkas.get('program', 'program')}', kolom 'desa_sasaran': "
                f"{len(asing_s)} kode desa sasaran tidak ada di daftar desa '{nama_wil}' "
                f"(mis. {', '.join(asing_s[:5])})."
            )
        kab = set(wil["kode_kabupaten"])
        asing_k = sorted(set(prog["kode_kabupaten"]) - kab)
        if asing_k:
            masalah.append(
                f"Berkas '{berkas.get('program', 'program')}', kolom 'kode_kabupaten': kabupaten "
                f"{', '.join(asing_k[:5])} tidak ada di daftar desa '{nama_wil}'."
            )
    return masalah


def _periksa_rujukan_id(tabel: dict[str, pd.DataFrame], berkas: dict[str, str]) -> list[str]:
    """Nomor di tabel rincian yang tidak ada di tabel induknya (:data:`RUJUKAN_ID`)."""
    masalah: list[str] = []
    for anak, kolom, induk, apa in RUJUKAN_ID:
        if anak not in tabel or induk not in tabel:
            continue
        df, ada = tabel[anak], set(tabel[induk][kolom].dropna())
        nomor = df[kolom]
        pilih = (nomor.notna() & ~nomor.isin(ada)).to_numpy(dtype=bool)
        if not pilih.any():
            continue
        unik = sorted(str(n) for n in nomor[pilih].unique())
        contoh = ", ".join(unik[:5]) + (
            f" … (dan {len(unik) - 5} lainnya)" if len(unik) > 5 else ""
        )
        b_anak = berkas.get(anak, skema.TABEL_DIKENAL[anak].berkas)
        b_induk = berkas.get(induk, skema.TABEL_DIKENAL[induk].berkas)
        masalah.append(
            f"Berkas '{b_anak}', kolom '{kolom}', baris {_baris_tabel(df, pilih)}: "
            f"{len(unik)} nomor {apa} ({int(pilih.sum())} baris) tidak ada di berkas "
            f"'{b_induk}' (kolom '{kolom}'): {contoh}. Setiap baris '{b_anak}' harus menunjuk "
            f"{apa} yang tercatat di '{b_induk}'; tambahkan {apa} itu ke '{b_induk}' atau "
            "perbaiki nomornya."
        )
    return masalah


def _baris_tabel(df: pd.DataFrame, pilih: np.ndarray) -> str:
    """Nomor baris spreadsheet (baris 1 = judul) dari baris terpilih tabel hasil pemuat."""
    from p3pd.galat import ringkas_baris

    return ringkas_baris((np.flatnonzero(pilih) + 2).tolist(), batas=5)


_TABEL_DATA_DESA = ("indikator", "belanja", "pendapatan", "fasilitas")
"""Tabel yang idealnya berisi setiap desa di daftar desa (APBDes: desa saja, tanpa kelurahan)."""

_TABEL_BERTAHUN = ("indikator", "belanja", "belanja_kegiatan", "pendapatan")
"""Tabel data per tahun yang tahunnya dibandingkan (usulan dan program memakai tahun rencana)."""


def _teks_tahun(tahun: set[int]) -> str:
    return ", ".join(str(t) for t in sorted(tahun)) if tahun else "(tidak ada)"


def catatan_antartabel(tabel: dict[str, pd.DataFrame], berkas: dict[str, str]) -> list[str]:
    """Hal antartabel yang tidak merusak tetapi perlu diketahui; setiap catatan menyebut berkasnya.

    - desa di daftar desa yang tidak punya satu baris pun di tabel data (indikator, APBDes,
      fasilitas; untuk APBDes kelurahan tidak dihitung karena tidak punya APBDes) — di notebook,
      ringkasan, dan handout desa itu tampil "tidak ada data";
    - tahun yang berbeda antartabel data per tahun (mis. indikator 2022–2024, belanja 2024 saja);
    - tabel rincian tanpa tabel induknya (``program_desa`` tanpa ``program_opd``,
      ``usulan_tindak_lanjut`` tanpa ``usulan_desa``): nomornya tidak dapat dicocokkan.
    """
    from p3pd.muat_masalah import TABEL_APBDES

    catatan: list[str] = []
    for anak, kolom, induk, apa in RUJUKAN_ID:
        if anak in tabel and induk not in tabel:
            b_induk = skema.TABEL_DIKENAL[induk].berkas
            catatan.append(
                f"Berkas '{berkas.get(anak, skema.TABEL_DIKENAL[anak].berkas)}' ada tanpa "
                f"'{b_induk}': nomor {apa} di kolom '{kolom}' tidak dapat dicocokkan, dan "
                f"keterangan {apa}nya ditulis 'tidak ada data'. Sertakan '{b_induk}' agar "
                "nomornya diperiksa."
            )
    wil = tabel.get("wilayah")
    if wil is None:
        return catatan
    nama_desa = dict(zip(wil["kode_desa"], wil["nama_desa"], strict=False))
    kelurahan = {k for k in nama_desa if str(k)[9:10] == "1"}
    for nama in _TABEL_DATA_DESA:
        if nama not in tabel:
            continue
        harap = set(nama_desa) - (kelurahan if nama in TABEL_APBDES else set())
        tanpa = sorted(harap - set(tabel[nama]["kode_desa"]))
        if tanpa:
            contoh = ", ".join(f"{k} {nama_desa[k]}" for k in tanpa[:3])
            lain = f" … (dan {len(tanpa) - 3} lainnya)" if len(tanpa) > 3 else ""
            catatan.append(
                f"Berkas '{berkas.get(nama, nama)}': {len(tanpa)} dari {len(harap)} "
                f"{'desa' if nama in TABEL_APBDES else 'desa/kelurahan'} di daftar desa tidak "
                f"punya baris ({contoh}{lain}); di ringkasan, notebook, dan handout ditulis "
                "'tidak ada data'."
            )
    tahun = {
        nama: {int(t) for t in tabel[nama]["tahun"].dropna()}
        for nama in _TABEL_BERTAHUN
        if nama in tabel
    }
    if len({frozenset(t) for t in tahun.values()}) > 1:
        catatan.append(
            "Tahun data berbeda antartabel: "
            + "; ".join(f"'{berkas.get(n, n)}' {_teks_tahun(t)}" for n, t in tahun.items())
            + ". Untuk tahun yang tidak ada di sebuah tabel, bagian itu ditulis 'tidak ada data'."
        )
    return catatan
