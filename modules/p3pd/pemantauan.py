"""Rencana tindak lanjut (RTL) kecamatan: rencana pemantauan, lembar pelacakan, ringkasan empat hari.

Aturan rencana pemantauan (``rencana_pemantauan``), ditulis di sini dan dikutip di notebook 09:

- **Indikator yang diikuti** = indikator berlampu **merah** di paling sedikit ``min_desa_merah``
  desa prioritas kecamatan (``p3pd.diagnosis.desa_prioritas``, bawaan lima desa teratas;
  bawaan ``min_desa_merah`` = separuh desa prioritas, dibulatkan ke atas: masalah bersama,
  bukan masalah satu desa), ditambah indikator yang disebut baris agenda terpadu bila tabel
  agenda diberikan (kolom ``indikator``).
- **Baseline** = capaian kecamatan pada tahun terakhir data (atau ``tahun``), dihitung dengan
  menjumlahkan pembilang dan penyebut semua desa dulu, baru dibagi; tahunnya ikut ditulis.
  Baseline per desa ada di lembar pelacakan.
- **Target, jenis target, sumber target, jenis data** diambil dari ``p3pd.indikator``: target
  "asumsi pelatihan" tetap disebut asumsi, bukan ketentuan.
- **Sumber data, pelapor, irama pantau** dari tabel referensi
  ``referensi/pemantauan_indikator.csv``. Irama pantau adalah **usulan kurikulum ini**:
  indikator **survei** hanya dapat diikuti setahun sekali (angka baru ada bila survei atau
  pendataan diulang); indikator **administratif** (register puskesmas, Dukcapil, DTKS,
  Dapodik) dapat diikuti bulanan atau triwulanan bila sumbernya memperbaruinya.
- **Pelapor** = lembaga di tabel pemangku kecamatan yang namanya diawali kata pelapor di
  referensi (mis. "Puskesmas" → "Puskesmas Mataraman"; beberapa pilihan dipisah ``|`` dicoba
  berurutan); bila tidak ada, pilihan pertama itu sendiri.
- **Kapan dilaporkan** = forum koordinasi kecamatan (``p3pd.koordinasi.referensi_forum``,
  notebook 07) yang iramanya sama dengan irama pantau indikator; bila ada forum berirama sama
  yang menyebut layanan indikator itu (mis. rembuk stunting untuk kesehatan), forum itu yang
  dipakai, selain itu forum lintas layanan. Indikator tahunan dibaca sebelum forum tahunan
  perencanaan (``FORUM_TAHUNAN``: Musrenbang kecamatan dan musyawarah RKPDes). Bulan dan
  status waktunya (bersumber / perkiraan / asumsi) ikut ditulis.

Lembar pelacakan (``lembar_pelacakan``) memuat satu baris per indikator × wilayah (kecamatan
dan setiap desa prioritas yang indikatornya merah), dengan kolom kosong per triwulan untuk
diisi. Untuk indikator survei, kolom triwulan I–III sudah bertulisan "(survei: isi tahunan)".

**Data sebagian** (folder data sendiri): tanpa tabel ``indikator`` (atau tanpa baris indikator
desa kecamatan itu) tidak ada indikator yang diikuti — rencana dan lembar pelacakan kosong
(kolomnya tetap), dan ringkasan empat hari menulis "tidak ada data" untuk hitungan indikator;
tanpa ``belanja`` baris APBDes di ringkasan berbunyi "tidak ada data"; tanpa ``pemangku``
pelapor adalah nama rujukan (mis. "Puskesmas").

Mengimpor modul ini tidak membaca atau menulis berkas apa pun.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd

from p3pd import diagnosis
from p3pd.galat import GalatP3PD
from p3pd.indikator import INDIKATOR, SURVEI, hitung_capaian
from p3pd.lokasi import folder_referensi
from p3pd.skema import LAYANAN, NAIK

__all__ = [
    "IRAMA",
    "TRIWULAN",
    "referensi_pemantauan",
    "cari_kecamatan_data",
    "indikator_pantauan",
    "FORUM_TAHUNAN",
    "waktu_lapor",
    "rencana_pemantauan",
    "lembar_pelacakan",
    "sintesis",
    "JUDUL_RENCANA",
    "JUDUL_PELACAKAN",
    "petunjuk_rtl",
    "lembar_rtl",
    "simpan_rtl",
]

IRAMA = ("bulanan", "triwulanan", "tahunan")
"""Irama pantau yang dikenal, dari paling sering ke paling jarang."""

TRIWULAN = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
"""Kolom isian lembar pelacakan (Januari–Maret, April–Juni, Juli–September, Oktober–Desember)."""

ISIAN_SURVEI = "(survei: isi tahunan)"
"""Isi sel triwulan I–III untuk indikator survei: angkanya tidak tersedia per triwulan."""

FORUM_TAHUNAN = ("Musrenbang", "RKPDes")
"""Kata dalam nama forum tahunan tempat indikator tahunan dibaca (forum keputusan perencanaan)."""


def _teks_forum(r: Mapping[str, str]) -> str:
    from p3pd.koordinasi import BULAN, bulan_forum

    bulan = bulan_forum(r)
    kapan = "setiap bulan" if len(bulan) == 12 else ", ".join(BULAN[b - 1] for b in bulan)
    return f"{r['forum']} ({kapan}; {r['status_waktu']})"


def waktu_lapor(irama: str, layanan: str) -> str:
    """Forum dan bulan tempat angka indikator dibahas, menurut irama pantau dan layanannya.

    Aturan di docstring modul. ``layanan`` adalah kunci ``p3pd.skema.LAYANAN``.
    """
    from p3pd.koordinasi import referensi_forum

    if irama not in IRAMA:
        raise ValueError(f"Irama pantau '{irama}' tidak dikenal; pilihan: {', '.join(IRAMA)}.")
    forum = referensi_forum()
    if irama == "tahunan":
        pilih = forum[
            (forum["irama"] == "tahunan")
            & forum["forum"].str.contains("|".join(FORUM_TAHUNAN), regex=True)
        ]
        return "sebelum " + " dan ".join(_teks_forum(r) for r in pilih.to_dict("records"))
    sama = forum[forum["irama"] == irama]
    khusus = sama[[layanan in str(v).split(";") for v in sama["layanan"]]]
    pilih = khusus if len(khusus) else sama[sama["layanan"] == ""]
    return "; ".join(_teks_forum(r) for r in pilih.to_dict("records"))


@cache
def _baca_referensi() -> pd.DataFrame:
    df = pd.read_csv(
        folder_referensi() / "pemantauan_indikator.csv",
        dtype=str,
        keep_default_na=False,
        encoding="utf-8",
    )
    return df.apply(lambda s: s.str.strip())


def referensi_pemantauan() -> pd.DataFrame:
    """Sumber data, pelapor, dan irama pantau setiap indikator (``referensi/pemantauan_indikator.csv``).

    Kolom: ``kode_indikator, sumber_data, pelapor, irama_pantau, catatan``. Irama pantau adalah
    usulan kurikulum (lihat docstring modul), bukan jadwal resmi sumber datanya.
    """
    return _baca_referensi().copy()


def cari_kecamatan_data(data: Mapping[str, pd.DataFrame], kecamatan: str) -> tuple[str, str]:
    """Kode dan nama kecamatan menurut tabel ``wilayah`` di ``data`` (nama atau kode, huruf bebas).

    Bekerja untuk data latihan maupun data kecamatan sendiri. Bila tidak ditemukan, menimbulkan
    ``KeyError`` berbahasa Indonesia yang mendaftar kecamatan yang ada di data.
    """
    wil = data["wilayah"][["kode_kecamatan", "nama_kecamatan"]].drop_duplicates()
    cari = str(kecamatan).strip().casefold()
    cocok = wil[
        (wil["kode_kecamatan"].str.casefold() == cari)
        | (wil["nama_kecamatan"].str.casefold() == cari)
    ]
    if cocok.empty:
        ada = ", ".join(sorted(wil["nama_kecamatan"].unique())[:20])
        raise KeyError(
            f"Kecamatan '{kecamatan}' tidak ada di tabel wilayah data ini. Yang ada, antara lain: {ada}."
        )
    baris = cocok.iloc[0]
    return str(baris["kode_kecamatan"]), str(baris["nama_kecamatan"])


def _ada(data: Mapping[str, pd.DataFrame], nama: str) -> bool:
    tabel = data.get(nama)
    return tabel is not None and len(tabel) > 0


def _ada_indikator(data: Mapping[str, pd.DataFrame], kode_kec: str, tahun: int) -> bool:
    """Apakah tabel indikator punya baris desa kecamatan ``kode_kec`` tahun ``tahun``."""
    if not _ada(data, "indikator"):
        return False
    ind = data["indikator"]
    return bool((ind["kode_desa"].str.startswith(kode_kec + ".") & (ind["tahun"] == tahun)).any())


def _tahun(data: Mapping[str, pd.DataFrame], tahun: int | None) -> int:
    if tahun is not None:
        return int(tahun)
    if not _ada(data, "indikator"):
        raise GalatP3PD(
            "Tahun data tidak dapat diambil dari tabel indikator karena tabel itu tidak ada; "
            "sebutkan tahunnya (parameter tahun)."
        )
    return int(data["indikator"]["tahun"].max())


def indikator_pantauan(
    data: Mapping[str, pd.DataFrame],
    kecamatan: str,
    tahun: int | None = None,
    jumlah_desa: int = 5,
) -> pd.DataFrame:
    """Indikator berlampu merah di desa prioritas kecamatan: satu baris per desa × indikator.

    Kolom: ``peringkat, kode_desa, nama_desa, indikator, layanan, capaian, target``. Desa
    prioritas dan lampu dari ``p3pd.diagnosis`` dengan aturan bawaannya (pembanding kabupaten).
    """
    kode, _ = cari_kecamatan_data(data, kecamatan)
    tahun = _tahun(data, tahun)
    kolom = ["peringkat", "kode_desa", "nama_desa", "indikator", "layanan", "capaian", "target"]
    if not _ada_indikator(data, kode, tahun):
        return pd.DataFrame(columns=kolom)  # tanpa indikator desa kecamatan ini: tidak ada lampu
    ind = data["indikator"]
    # pembanding kabupaten: cukup desa-desa kabupaten itu pada tahun itu (hasil sama, lebih cepat)
    kab = ind[ind["kode_desa"].str.startswith(kode[:5] + ".") & (ind["tahun"] == tahun)]
    prioritas = diagnosis.desa_prioritas(kab, tahun=tahun, wilayah=kode, jumlah=jumlah_desa)
    matriks = diagnosis.matriks_masalah(kab, tahun=tahun)
    merah = matriks[
        (matriks["lampu"] == "merah") & matriks["kode_desa"].isin(prioritas["kode_desa"])
    ]
    merah = merah.merge(prioritas[["kode_desa", "peringkat"]], on="kode_desa")
    nama = data["wilayah"].set_index("kode_desa")["nama_desa"]
    merah = merah.assign(nama_desa=merah["kode_desa"].map(nama))
    urut = {i: n for n, i in enumerate(INDIKATOR)}
    merah = merah.assign(_u=merah["indikator"].map(urut)).sort_values(["peringkat", "_u"])
    return merah[kolom].reset_index(drop=True)


def _pelapor(data: Mapping[str, pd.DataFrame], kode_kec: str, kata: str) -> str:
    """Lembaga pemangku kecamatan yang namanya diawali salah satu kata pelapor.

    ``kata`` boleh berisi beberapa pilihan dipisah ``|`` (mis. ``"UPT Pendidikan|Koordinator
    Wilayah Pendidikan"``), dicoba berurutan. Bila tidak ada yang cocok: pilihan pertama.
    """
    pilihan = [k.strip() for k in kata.split("|") if k.strip()]
    pemangku = data.get("pemangku")
    if pemangku is None or not pilihan:
        return pilihan[0] if pilihan else kata
    lembaga = pemangku.loc[pemangku["kode_kecamatan"] == kode_kec, "lembaga"]
    for k in pilihan:
        cocok = sorted(x for x in lembaga if str(x).casefold().startswith(k.casefold()))
        if cocok:
            return cocok[0]
    return pilihan[0]


def rencana_pemantauan(
    data: Mapping[str, pd.DataFrame],
    kecamatan: str,
    tahun: int | None = None,
    *,
    jumlah_desa: int = 5,
    min_desa_merah: int | None = None,
    agenda: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Rencana pemantauan kecamatan: satu baris per indikator yang diikuti (aturan di docstring modul).

    ``data`` adalah hasil ``p3pd.muat.muat_folder`` (tabel ``wilayah``; ``indikator`` untuk lampu
    dan baseline — tanpa tabel itu rencananya kosong —, ``pemangku`` untuk nama pelapor bila ada). ``agenda`` (opsional) tabel
    agenda terpadu dengan kolom ``indikator`` berisi kode indikator; indikatornya ikut diikuti.
    ``min_desa_merah``: indikator diikuti bila merah di paling sedikit sekian desa prioritas
    (bawaan separuh desa prioritas, dibulatkan ke atas).

    Kolom: ``layanan, kode_indikator, indikator, desa_merah, jumlah_desa_merah, baseline,
    tahun_baseline, target, jenis_target, sumber_target, arah, jenis_data, sumber_data, pelapor,
    irama_pantau, waktu_lapor, catatan, di_agenda``. Urutan: layanan (urutan
    ``p3pd.skema.LAYANAN``), lalu urutan indikator di ``p3pd.indikator``.
    """
    kode_kec, _ = cari_kecamatan_data(data, kecamatan)
    tahun = _tahun(data, tahun)
    merah = indikator_pantauan(data, kode_kec, tahun, jumlah_desa)
    if min_desa_merah is None:
        min_desa_merah = -(-merah["kode_desa"].nunique() // 2)
    banyak = merah["indikator"].value_counts(sort=False)
    dipilih = [k for k in dict.fromkeys(merah["indikator"]) if banyak[k] >= min_desa_merah]
    di_agenda: set[str] = set()
    if agenda is not None and "indikator" in agenda.columns:
        di_agenda = {str(k) for k in agenda["indikator"].dropna() if str(k) in INDIKATOR}
        dipilih += [k for k in INDIKATOR if k in di_agenda and k not in dipilih]
    if dipilih and _ada(data, "indikator"):
        ind = data["indikator"]
        ind_kec = ind[ind["kode_desa"].str.startswith(kode_kec + ".")]
        cap = hitung_capaian(ind_kec, "kecamatan", tahun=tahun, indikator=dipilih)
        baseline = cap.set_index("indikator")["capaian"]
    else:
        baseline = pd.Series(dtype=float)
    ref = referensi_pemantauan().set_index("kode_indikator")
    desa_per_ind = merah.groupby("indikator", sort=False)["nama_desa"].agg(list)
    baris = []
    for k in dipilih:
        i = INDIKATOR[k]
        r = ref.loc[k]
        desa = desa_per_ind.get(k, [])
        baris.append(
            {
                "layanan": LAYANAN[i.layanan],
                "kode_indikator": k,
                "indikator": i.nama,
                "desa_merah": ", ".join(desa),
                "jumlah_desa_merah": len(desa),
                "baseline": round(float(baseline.get(k, float("nan"))), 1),
                "tahun_baseline": tahun,
                "target": i.target,
                "jenis_target": i.jenis_target,
                "sumber_target": i.sumber_target,
                "arah": "makin tinggi makin baik" if i.arah == NAIK else "makin rendah makin baik",
                "jenis_data": i.jenis_data,
                "sumber_data": r["sumber_data"],
                "pelapor": _pelapor(data, kode_kec, r["pelapor"]),
                "irama_pantau": r["irama_pantau"],
                "waktu_lapor": waktu_lapor(r["irama_pantau"], i.layanan),
                "catatan": r["catatan"],
                "di_agenda": k in di_agenda,
            }
        )
    hasil = pd.DataFrame(baris, columns=JUDUL_RENCANA.keys())
    urut_layanan = {v: n for n, v in enumerate(LAYANAN.values())}
    urut_ind = {k: n for n, k in enumerate(INDIKATOR)}
    hasil = hasil.assign(
        _l=hasil["layanan"].map(urut_layanan), _i=hasil["kode_indikator"].map(urut_ind)
    )
    return hasil.sort_values(["_l", "_i"]).drop(columns=["_l", "_i"]).reset_index(drop=True)


def lembar_pelacakan(
    rencana: pd.DataFrame,
    data: Mapping[str, pd.DataFrame],
    kecamatan: str,
    tahun: int | None = None,
    *,
    jumlah_desa: int = 5,
) -> pd.DataFrame:
    """Lembar pelacakan per triwulan: satu baris per indikator rencana × wilayah.

    Untuk setiap indikator ``rencana``: satu baris kecamatan, lalu satu baris untuk setiap desa
    prioritas yang indikatornya merah (baseline = capaian desa itu). Kolom: ``layanan,
    indikator, wilayah, baseline, tahun_baseline, target, jenis_data, pelapor, irama_pantau``,
    empat kolom ``TRIWULAN`` (kosong; untuk indikator survei triwulan I–III berisi
    ``ISIAN_SURVEI``), lalu ``tindak_lanjut`` (kosong).
    """
    kode_kec, nama_kec = cari_kecamatan_data(data, kecamatan)
    tahun = _tahun(data, tahun)
    merah = indikator_pantauan(data, kode_kec, tahun, jumlah_desa)
    baris = []
    for r in rencana.itertuples(index=False):
        wilayah = [(f"Kecamatan {nama_kec}", r.baseline)]
        m = merah[merah["indikator"] == r.kode_indikator]
        wilayah += [
            (f"Desa {d}", round(float(c), 1))
            for d, c in zip(m["nama_desa"], m["capaian"], strict=True)
        ]
        for nama, nilai in wilayah:
            isian = {t: "" for t in TRIWULAN}
            if r.jenis_data == SURVEI:
                isian.update({t: ISIAN_SURVEI for t in TRIWULAN[:3]})
            baris.append(
                {
                    "layanan": r.layanan,
                    "indikator": r.indikator,
                    "wilayah": nama,
                    "baseline": nilai,
                    "tahun_baseline": r.tahun_baseline,
                    "target": r.target,
                    "jenis_data": r.jenis_data,
                    "pelapor": r.pelapor,
                    "irama_pantau": r.irama_pantau,
                    **isian,
                    "tindak_lanjut": "",
                }
            )
    return pd.DataFrame(baris, columns=list(JUDUL_PELACAKAN))


JUDUL_RENCANA = {
    "layanan": "Layanan",
    "kode_indikator": "Kode indikator",
    "indikator": "Indikator",
    "desa_merah": "Desa prioritas berlampu merah",
    "jumlah_desa_merah": "Jumlah desa merah",
    "baseline": "Baseline kecamatan (%)",
    "tahun_baseline": "Tahun baseline",
    "target": "Target (%)",
    "jenis_target": "Jenis target",
    "sumber_target": "Sumber target",
    "arah": "Arah",
    "jenis_data": "Jenis data",
    "sumber_data": "Sumber data",
    "pelapor": "Pelapor",
    "irama_pantau": "Irama pantau (usulan)",
    "waktu_lapor": "Kapan dilaporkan",
    "catatan": "Catatan",
    "di_agenda": "Ada di agenda terpadu",
}
"""Judul kolom berbahasa Indonesia untuk lembar "Rencana pemantauan" (kunci = kolom tabel)."""

JUDUL_PELACAKAN = {
    "layanan": "Layanan",
    "indikator": "Indikator",
    "wilayah": "Wilayah",
    "baseline": "Baseline (%)",
    "tahun_baseline": "Tahun baseline",
    "target": "Target (%)",
    "jenis_data": "Jenis data",
    "pelapor": "Pelapor",
    "irama_pantau": "Irama pantau",
    **{t: f"{t} (capaian %)" for t in TRIWULAN},
    "tindak_lanjut": "Tindak lanjut / catatan",
}
"""Judul kolom berbahasa Indonesia untuk lembar "Pelacakan triwulan"."""


def _saring(tabel: pd.DataFrame, kode_kec: str) -> pd.DataFrame:
    return tabel[tabel["kode_desa"].str.startswith(kode_kec + ".")]


def sintesis(
    data: Mapping[str, pd.DataFrame],
    kecamatan: str,
    tahun: int | None = None,
    *,
    jumlah_desa: int = 5,
    rencana: pd.DataFrame | None = None,
    isu: pd.DataFrame | None = None,
    agenda: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Ringkasan empat hari untuk satu kecamatan, dihitung dari data (bukan ditulis tangan).

    Satu baris per temuan; kolom ``bagian`` (pokok), ``notebook`` (asal hitungan), ``temuan``
    (kalimat dengan angkanya). Memakai fungsi yang sama dengan notebook 03–09:
    ``diagnosis.desa_prioritas`` (desa prioritas dan alasannya), ``apbdes.porsi_layanan_dasar``,
    ``apbdes.batas_30_persen`` (indikasi 30 %), ``apbdes.uang_vs_kesenjangan``, tabel pemangku
    (mitra swasta/CSR untuk layanan yang merah), dan ``rencana`` (bawaan
    :func:`rencana_pemantauan`). ``isu`` (isu Musrenbang kecamatan, ``p3pd.perencanaan.isu_musrenbang``: kolom ``isu``, atau
    kolom pertama) dan ``agenda`` (baris agenda terpadu) ikut diringkas bila diberikan.
    """
    from p3pd import apbdes
    from p3pd.format import persen
    from p3pd.notebook import TIDAK_ADA_DATA

    kode_kec, nama_kec = cari_kecamatan_data(data, kecamatan)
    tahun = _tahun(data, tahun)
    nama_desa = data["wilayah"].set_index("kode_desa")["nama_desa"]
    baris: list[tuple[str, str, str]] = []

    ada_ind = _ada_indikator(data, kode_kec, tahun)
    if ada_ind:
        ind = data["indikator"]
        kab = ind[ind["kode_desa"].str.startswith(kode_kec[:5] + ".") & (ind["tahun"] == tahun)]
        prioritas = diagnosis.desa_prioritas(kab, tahun=tahun, wilayah=kode_kec, jumlah=jumlah_desa)
        alasan = "; ".join(
            f"{nama_desa.get(k, k)} ({r if isinstance(r, str) and r else 'tanpa lampu merah'})"
            for k, r in zip(prioritas["kode_desa"], prioritas["rincian_layanan"], strict=True)
        )
    else:
        kab = None
        alasan = f"{TIDAK_ADA_DATA} (indikator_desa.csv tahun {tahun})"
    baris.append(("Desa prioritas dan alasannya (merah/berdata)", "04", alasan or "tidak ada"))

    if rencana is None:
        rencana = rencana_pemantauan(data, kode_kec, tahun, jumlah_desa=jumlah_desa, agenda=agenda)
    merah = indikator_pantauan(data, kode_kec, tahun, jumlah_desa)
    per_layanan = merah["layanan"].map(LAYANAN).value_counts()
    if not per_layanan.empty:
        baris.append(
            (
                "Lampu merah desa prioritas per layanan",
                "03–04",
                "; ".join(f"{k} {v}" for k, v in per_layanan.items()),
            )
        )

    belanja = _saring(data["belanja"], kode_kec) if _ada(data, "belanja") else None
    if belanja is None or belanja.empty:
        baris.append(
            ("Porsi APBDes untuk layanan dasar", "05", f"{TIDAK_ADA_DATA} (apbdes_belanja.csv)")
        )
    else:
        tahun_apb = tahun if tahun in set(belanja["tahun"]) else int(belanja["tahun"].max())
        porsi = apbdes.porsi_layanan_dasar(belanja, "kecamatan", tahun=tahun_apb)
        baris.append(
            (
                f"Porsi APBDes untuk layanan dasar ({tahun_apb})",
                "05",
                f"{persen(porsi['porsi_layanan_dasar'].iloc[0])} dari realisasi belanja "
                f"desa-desa Kecamatan {nama_kec}",
            )
        )
        kegiatan = data.get("belanja_kegiatan")
        kegiatan = _saring(kegiatan, kode_kec) if _ada(data, "belanja_kegiatan") else None
        batas = apbdes.batas_30_persen(belanja, kegiatan, tahun=tahun_apb)
        teks = (
            f"{int(batas['indikasi'].sum())} dari {len(batas)} desa: seluruh sub-bidang 1.1 di "
            "atas 30 % (indikasi untuk ditelaah)"
        )
        if kegiatan is not None:
            teks += (
                f"; {int(batas['melebihi_batas'].sum())} desa: siltap dan tunjangan di atas 30 % "
                "(dugaan, cocokkan dengan Perdes APBDes)"
            )
        baris.append((f"Batas 30 % PP 11/2019 ({tahun_apb})", "05", teks))
        if ada_ind:
            uang = apbdes.uang_vs_kesenjangan(
                belanja,
                _saring(data["indikator"], kode_kec),
                "semua",
                tahun=tahun_apb,
                daftar_desa=data["wilayah"],
            )
            ditelaah = ", ".join(uang.loc[uang["perlu_ditelaah"], "nama_desa"]) or "tidak ada"
            baris.append(("Kesenjangan besar, porsi belanja kecil", "05", ditelaah))

    if isu is not None and len(isu):
        kolom = isu["isu"] if "isu" in isu.columns else isu.iloc[:, 0]
        teks = "; ".join(str(x) for x in kolom.iloc[:3])
        baris.append(("Isu teratas untuk Musrenbang kecamatan", "06", teks))

    pemangku = data.get("pemangku") if _ada(data, "pemangku") else None
    jenis = (
        set()
        if pemangku is None
        else set(pemangku.loc[pemangku["kode_kecamatan"] == kode_kec, "jenis"])
    )
    judul_mitra = "Mitra swasta/CSR untuk layanan yang merah"
    if not jenis:
        baris.append((judul_mitra, "07", f"{TIDAK_ADA_DATA} (pemangku_kepentingan.csv)"))
    elif "swasta/CSR" not in jenis:
        baris.append((judul_mitra, "07", "tidak ada"))
    elif "perangkat daerah" in jenis and kab is not None:
        from p3pd.koordinasi import mitra_untuk_kesenjangan, pemangku_kecamatan

        matriks = diagnosis.matriks_masalah(kab, tahun=tahun)
        matriks = matriks[matriks["kode_desa"].str.startswith(kode_kec + ".")]
        mitra = mitra_untuk_kesenjangan(pemangku_kecamatan(pemangku, kode_kec), matriks, nama_desa)
        mitra = mitra[(mitra["mitra"] != "") & (mitra["desa_merah"] > 0)]
        teks = "; ".join(
            f"{LAYANAN[r.layanan]}: {r.mitra} ({r.desa_merah} desa merah)"
            for r in mitra.itertuples(index=False)
        )
        baris.append((judul_mitra, "07", teks or "tidak ada"))

    if agenda is not None:
        teks = f"{len(agenda)} baris"
        if "jenis_binwas" in agenda.columns and len(agenda):
            jenis = agenda["jenis_binwas"].value_counts()
            teks += ": " + ", ".join(f"{v} {k}" for k, v in jenis.items())
        if "bagian" in agenda.columns:
            teks += f"; {int((agenda['bagian'] == 'kabupaten').sum())} isu untuk kabupaten"
        baris.append(("Baris agenda terpadu", "08", teks))

    irama = rencana["irama_pantau"].value_counts().reindex(IRAMA, fill_value=0)
    teks = (
        f"{len(rencana)} indikator: "
        + ", ".join(f"{v} {k}" for k, v in irama.items() if v)
        + f"; {int((rencana['jenis_data'] == SURVEI).sum())} di antaranya data survei"
        if len(rencana)
        else "0 indikator" + ("" if ada_ind else f" ({TIDAK_ADA_DATA} indikator)")
    )
    baris.append(("Indikator yang dipantau", "09", teks))
    return pd.DataFrame(baris, columns=["bagian", "notebook", "temuan"])


def petunjuk_rtl(nama_kecamatan: str, tahun: int, label: str) -> list[list[str]]:
    """Baris lembar "Petunjuk" buku kerja RTL: cara mengisi, arti kolom, dan label data."""
    return [
        ["Petunjuk"],
        [f"Rencana tindak lanjut (RTL) Kecamatan {nama_kecamatan}, baseline tahun {tahun}."],
        [label],
        [
            "Lembar 'Rencana pemantauan': satu baris per indikator yang diikuti, dengan baseline, "
            "target, jenis target, sumber data, pelapor, dan kapan dilaporkan."
        ],
        [
            "Lembar 'Pelacakan triwulan': isi capaian setiap triwulan (persen, dengan sumber dan "
            "tanggal di kolom tindak lanjut). Baris kecamatan dulu, lalu desa prioritas."
        ],
        [
            "Indikator survei hanya berubah bila survei atau pendataan diulang: isi setahun sekali "
            "(kolom Triwulan IV). Jangan membandingkan angka administratif (mis. penimbangan "
            "posyandu) dengan target yang diukur dengan survei tanpa menyebut jenisnya."
        ],
        [
            "Jenis target: 'resmi' dan 'SPM' ditetapkan peraturan; 'asumsi pelatihan' dipilih untuk "
            "latihan dan perlu diganti dengan target kabupaten Anda."
        ],
        [
            "Irama pantau adalah usulan; sesuaikan dengan jadwal pemutakhiran sumber data dan "
            "jadwal rapat koordinasi kecamatan Anda."
        ],
        ["Teks di sel disimpan sebagai teks, tidak pernah sebagai rumus."],
    ]


def lembar_rtl(
    rencana: pd.DataFrame,
    pelacakan: pd.DataFrame,
    nama_kecamatan: str,
    tahun: int,
    label: str,
    ringkasan: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame | list[list[str]]]:
    """Lembar-lembar buku kerja RTL dengan judul kolom berbahasa Indonesia, siap untuk ``p3pd.excel``.

    Urutan lembar: "Rencana pemantauan", "Pelacakan triwulan", "Ringkasan 4 hari" (bila
    ``ringkasan`` diberikan), "Petunjuk". Nilai ya/tidak ``di_agenda`` ditulis "ya"/"tidak".
    """
    r = rencana.assign(di_agenda=rencana["di_agenda"].map({True: "ya", False: "tidak"}))
    lembar: dict[str, pd.DataFrame | list[list[str]]] = {
        "Rencana pemantauan": r[list(JUDUL_RENCANA)].rename(columns=JUDUL_RENCANA),
        "Pelacakan triwulan": pelacakan[list(JUDUL_PELACAKAN)].rename(columns=JUDUL_PELACAKAN),
    }
    if ringkasan is not None:
        lembar["Ringkasan 4 hari"] = ringkasan.rename(
            columns={"bagian": "Bagian", "notebook": "Notebook", "temuan": "Temuan"}
        )
    lembar["Petunjuk"] = petunjuk_rtl(nama_kecamatan, tahun, label)
    return lembar


LEBAR_RTL = {
    "Rencana pemantauan": {"Sumber target": 45, "Sumber data": 45, "Catatan": 50},
    "Pelacakan triwulan": {t: 16 for t in JUDUL_PELACAKAN.values() if "Triwulan" in t}
    | {"Tindak lanjut / catatan": 40},
    "Ringkasan 4 hari": {"Temuan": 90},
    "Petunjuk": {"Petunjuk": 110},
}
"""Lebar kolom (karakter) yang ditetapkan; kolom lain mengikuti isinya (``p3pd.excel.rapikan_buku``)."""


def simpan_rtl(
    lembar: Mapping[str, pd.DataFrame | list[list[str]]],
    tujuan: str | Path,
    *,
    timpa: bool = False,
) -> Path:
    """Simpan buku kerja RTL (hasil :func:`lembar_rtl`) lewat ``p3pd.excel.simpan_buku``.

    Judul kolom tebal dan dibekukan, lebar kolom menurut ``LEBAR_RTL``, teks tidak pernah menjadi
    rumus, penulisan atomik; berkas yang sudah ada tidak ditimpa kecuali ``timpa=True``.
    """
    from p3pd.excel import simpan_buku

    return simpan_buku(lembar, tujuan, timpa=timpa, lebar=LEBAR_RTL)
