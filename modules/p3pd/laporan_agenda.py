"""Bagian handout untuk diskusi dan tindak lanjut: pertanyaan diskusi per hari pelatihan,
daftar isu Musrenbang kecamatan (``p3pd.perencanaan``), dan rancangan agenda terpadu
(``p3pd.agenda``) dengan baris kosong untuk diisi tangan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from p3pd.indikator import DAFTAR_INDIKATOR
from p3pd.laporan_dasar import (
    _KOLOM_AGENDA,
    CATATAN_HARI,
    HARI_PELATIHAN,
    LABEL_PENDEK,
    Html,
    WilayahHandout,
    _di,
    _e,
    _persen,
)
from p3pd.notebook import TIDAK_ADA_DATA
from p3pd.skema import LAYANAN, NAIK

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.laporan import DataLaporan

# --------------------------------------------------------------------------- pertanyaan diskusi


def _bagian_merah(lampu: pd.DataFrame) -> pd.Series:
    """Bagian sel merah per layanan (bukan jumlah sel): layanan dengan lebih banyak indikator
    tidak otomatis tampak lebih buruk (aturan bobot yang sama dengan skor prioritas)."""
    berlayanan = lampu.assign(
        layanan=lambda d: d["indikator"].map({i.kode: i.layanan for i in DAFTAR_INDIKATOR}),
        merah=lambda d: d["lampu"] == "merah",
    )
    return (
        berlayanan[berlayanan["lampu"].notna()]
        .groupby("layanan")["merah"]
        .mean()
        .reindex(list(LAYANAN))
    )


def pertanyaan_diskusi(
    data: DataLaporan,
    wil: WilayahHandout,
    tahun: int,
    *,
    kunci: pd.DataFrame | None = None,
    pp: pd.DataFrame | None = None,
    prio: pd.DataFrame | None = None,
    tidak_ada: Sequence[str] | None = None,
) -> dict[str, list[str]]:
    """Pertanyaan diskusi untuk setiap hari pelatihan, memakai angka wilayah ini.

    Kunci: judul hari (lihat ``HARI_PELATIHAN``); nilai: daftar pertanyaan. ``kunci``, ``pp``,
    dan ``prio`` (hasil :func:`angka_kunci`, :func:`permintaan_penyediaan`, :func:`prioritas`)
    boleh diberikan supaya tidak dihitung ulang. ``tidak_ada``: tabel yang tidak ada
    (``indikator``, ``belanja``, ``program``; bawaan: dibaca dari ``data``). Pertanyaan yang
    angkanya tidak ada menyebut "tidak ada data" dan berkasnya, lalu bertanya dari mana data
    itu dapat diperoleh.
    """
    from p3pd import apbdes
    from p3pd.label import label_data  # data sendiri tidak pernah disebut sintetis
    from p3pd.laporan import angka_kunci, lampu_wilayah, permintaan_penyediaan, prioritas

    if tidak_ada is None:
        tidak_ada = [n for n in ("indikator", "belanja", "program") if not data.ada(n)]
    ada_ind = "indikator" not in tidak_ada
    if kunci is None:
        kunci = angka_kunci(data, wil, tahun)
    if pp is None:
        pp = permintaan_penyediaan(data, wil, tahun)
    nama = wil.nama
    unit = "desa" if wil.tingkat == "kecamatan" else "kecamatan"
    asal = "data latihan (sintetis, " if label_data().sintetis else "data ini ("

    bagian_merah = (
        _bagian_merah(lampu_wilayah(data, wil, tahun, [i.kode for i in DAFTAR_INDIKATOR]))
        if ada_ind
        else pd.Series(dtype=float)
    )
    if bagian_merah.notna().any():
        bagian_merah = bagian_merah.fillna(0.0)
        layanan_berat = LAYANAN[str(bagian_merah.idxmax())]
        hari1_a = (
            f"Di {nama}, layanan {layanan_berat.lower()} punya bagian sel merah terbesar "
            f"({_persen(100 * bagian_merah.max())} dari sel layanan itu di tabel {unit}). Unit "
            "layanan dan perangkat daerah mana yang bertanggung jawab, dan siapa yang perlu "
            "duduk bersama di kecamatan sebagai rumah bersama?"
        )
    else:
        hari1_a = (
            f"Lampu layanan dasar {nama}: {TIDAK_ADA_DATA} (indikator_desa.csv). Unit layanan "
            "dan perangkat daerah mana yang memegang data capaian layanan dasar desa-desa ini, "
            "dan siapa yang perlu duduk bersama di kecamatan sebagai rumah bersama?"
        )
    ada_target = kunci.dropna(subset=["target", "wilayah"])
    if len(ada_target):
        senjang = np.where(
            ada_target["arah"] == NAIK,
            ada_target["target"] - ada_target["wilayah"],
            ada_target["wilayah"] - ada_target["target"],
        )
        terburuk = ada_target.iloc[int(np.argmax(senjang))]
        hari1_b = (
            f"Indikator yang paling jauh dari target adalah {terburuk['nama'].lower()} "
            f"({_persen(terburuk['wilayah'])}, target {_persen(terburuk['target'])}, "
            f"{terburuk['jenis_target']}). Apa peran pembinaan dan pengawasan camat untuk "
            "indikator ini (PP 17/2018)?"
        )
    else:
        hari1_b = (
            f"Jarak capaian ke target: {TIDAK_ADA_DATA} (indikator_desa.csv). Apa peran "
            "pembinaan dan pengawasan camat dalam mengumpulkan data capaian layanan dasar "
            "desa (PP 17/2018)?"
        )

    stunting = kunci.set_index("indikator").loc["stunting"]
    tingkat_acuan = "provinsi" if not pd.isna(stunting["provinsi_terbitan"]) else "nasional"
    kunci_acuan = f"{tingkat_acuan}_terbitan"
    pembanding = (
        f"angka terbitan {tingkat_acuan} {_persen(stunting[kunci_acuan])} "
        f"({stunting[f'{kunci_acuan}_sumber']}, {stunting[f'{kunci_acuan}_tahun']})"
    )
    if not pd.isna(stunting["wilayah"]):
        hari2_a = (
            f"Stunting di {asal}{tahun}) {_persen(stunting['wilayah'])}; {pembanding}. "
            "Mengapa angka survei (SSGI/SKI) dan angka penimbangan (e-PPGBM) bisa berbeda jauh, "
            "dan angka mana yang dipakai untuk perencanaan?"
        )
    else:
        hari2_a = (
            f"Stunting di {nama}: {TIDAK_ADA_DATA} di folder ini; {pembanding}. Dari mana "
            "angka stunting desa dapat diperoleh (e-PPGBM, survei SSGI/SKI), mengapa keduanya "
            "bisa berbeda jauh, dan angka mana yang dipakai untuk perencanaan?"
        )
    if ada_ind:
        from p3pd.apbdes_rekap import kode_kelurahan

        prio = (prioritas(data, wil, tahun, jumlah=3) if prio is None else prio).head(3)
        desa_prio = ", ".join(prio["nama_desa"]) if len(prio) else "–"
        ada_kel = bool(kode_kelurahan(prio["kode_desa"]).any())
        sebutan = "Desa/kelurahan" if ada_kel else "Desa"
        hari2_b = (
            f"{sebutan} prioritas teratas: {desa_prio}. Apakah urutan ini sesuai dengan "
            "pengetahuan Anda di lapangan? Data apa yang perlu dicek ulang sebelum dipakai?"
        )
    else:
        hari2_b = (
            f"Desa prioritas: {TIDAK_ADA_DATA} (indikator_desa.csv). Menurut pengetahuan Anda "
            "di lapangan, desa mana yang layanannya paling tertinggal, dan data apa yang perlu "
            "dikumpulkan untuk memeriksanya?"
        )

    if "belanja" not in tidak_ada:
        bel = data.belanja[_di(data.belanja["kode_desa"], wil.kode)]
        keg = getattr(data, "belanja_kegiatan", None)
        keg = keg[_di(keg["kode_desa"], wil.kode)] if keg is not None else None
        ring = apbdes.batas_30_persen(bel, keg, "desa", tahun=tahun)
        ring = ring[ring["indikasi"]]
        indikasi = len(ring)
        # Pos yang dibatasi (1.1.01, 1.1.02, 1.1.05) dari rincian kegiatan, bila ada.
        dalam = int((ring["porsi_dibatasi"].notna() & ~ring["melebihi_batas"]).sum())
        rinci = (
            f" Menurut rincian kegiatan, pos yang dibatasi (siltap, tunjangan aparatur desa, "
            f"tunjangan BPD) masih di bawah 30% di {dalam} dari {indikasi} desa itu"
            + (
                f" dan di atas 30% di {int(ring['melebihi_batas'].sum())} desa"
                if ring["melebihi_batas"].any()
                else ""
            )
            + "."
            if indikasi and ring["porsi_dibatasi"].notna().any()
            else ""
        )
        hari3_a = (
            f"Porsi realisasi APBDes untuk layanan dasar {_persen(pp['porsi_apbdes'].sum())}. "
            f"Di {indikasi} desa seluruh sub-bidang 1.1 di atas 30% belanja: indikasi untuk "
            "ditelaah, bukan pelanggaran, karena batas 30% PP 11/2019 hanya untuk siltap dan "
            f"tunjangan aparatur desa serta tunjangan BPD.{rinci} Apakah belanja desa mengikuti "
            "kesenjangan layanan?"
        )
    else:
        hari3_a = (
            f"Porsi realisasi APBDes untuk layanan dasar: {TIDAK_ADA_DATA} "
            "(apbdes_belanja.csv). Bagaimana kecamatan dapat memperoleh realisasi APBDes desa "
            "(mis. ekspor Siskeudes) untuk menjawab: apakah belanja desa mengikuti kesenjangan "
            "layanan?"
        )
    if ada_ind and "program" not in tidak_ada:
        pp_i = pp.set_index("nama")
        tanpa = pp_i["desa_merah_tanpa_program"].idxmax()
        hari3_b = (
            f"Untuk layanan {tanpa.lower()}, "
            f"{int(pp_i.loc[tanpa, 'desa_merah_tanpa_program'])} desa berlampu merah belum "
            "disasar program OPD. Usulan mana yang perlu dibawa ke Musrenbang kecamatan dan "
            "forum perangkat daerah?"
        )
    else:
        berkas = " dan ".join(
            b
            for n, b in (("indikator", "indikator_desa.csv"), ("program", "program_opd.csv"))
            if n in tidak_ada
        )
        hari3_b = (
            f"Desa berlampu merah yang belum disasar program OPD: {TIDAK_ADA_DATA} ({berkas}). "
            "Usulan layanan mana yang perlu dibawa ke Musrenbang kecamatan dan forum perangkat "
            "daerah, dan data apa yang perlu dikumpulkan lebih dulu?"
        )
    return {
        HARI_PELATIHAN[0][0]: [hari1_a, hari1_b],
        HARI_PELATIHAN[1][0]: [hari2_a, hari2_b],
        HARI_PELATIHAN[2][0]: [hari3_a, hari3_b],
        HARI_PELATIHAN[3][0]: [
            "Tindakan pembinaan dan pengawasan apa yang dilakukan kecamatan untuk "
            f"{_banyak_prioritas(data, wil)} dalam 12 bulan ke depan, siapa penanggung "
            "jawabnya, dan bagaimana keberhasilannya diukur?",
            "Masalah mana yang tidak dapat diselesaikan desa sendiri dan perlu disuarakan ke "
            "kabupaten (Bappeda, Dinas Kesehatan, Dinas Pendidikan, Disdukcapil)? Mitra swasta "
            "atau CSR mana yang dapat dilibatkan?",
        ],
    }


def html_pertanyaan(pertanyaan: dict[str, list[str]]) -> Html:
    """Pertanyaan diskusi per hari sebagai HTML (judul hari dan tema, lalu daftar bernomor)."""
    tema = dict(HARI_PELATIHAN)
    bagian = []
    for hari, daftar in pertanyaan.items():
        butir = "".join(f"<li>{_e(p)}</li>" for p in daftar)
        bagian.append(
            f'<div class="tetap-bersama"><h3>{_e(hari)}: {_e(tema.get(hari, ""))}</h3>'
            f"<ol>{butir}</ol></div>"
        )
    teks = CATATAN_HARI + "\n" + "\n".join(f"{h}: " + " | ".join(d) for h, d in pertanyaan.items())
    catatan = f'<p class="catatan"><em>{_e(CATATAN_HARI)}</em></p>'
    return Html(f'<div class="pertanyaan">{catatan}{"".join(bagian)}</div>', teks)


def html_agenda(baris: int = 6) -> Html:
    """Tabel agenda terpadu kosong untuk diisi tangan (``baris`` baris bernomor)."""
    kepala = "".join(f"<th>{_e(k)}</th>" for k in _KOLOM_AGENDA)
    isi = "".join(
        f'<tr><td class="angka">{n}</td>' + "<td></td>" * (len(_KOLOM_AGENDA) - 1) + "</tr>"
        for n in range(1, baris + 1)
    )
    teks = f'<table class="agenda"><thead><tr>{kepala}</tr></thead><tbody>{isi}</tbody></table>'
    return Html(teks, f"Agenda kosong: {baris} baris, kolom {', '.join(_KOLOM_AGENDA)}")


def _banyak_prioritas(data: DataLaporan, wil: WilayahHandout) -> str:
    """'tiga desa prioritas', atau lebih sedikit bila wilayah ini punya kurang dari tiga desa/kelurahan."""
    n = min(3, int(_di(data.wilayah["kode_desa"], wil.kode).sum()))
    return "desa prioritas" if n < 1 else f"{('satu', 'dua', 'tiga')[n - 1]} desa prioritas"


def kecamatan_agenda(data: DataLaporan, wil: WilayahHandout, tahun: int) -> str:
    """Kode kecamatan rancangan agenda handout: kecamatan handout itu sendiri, atau (handout
    provinsi) kecamatan dengan desa terbanyak di antara 10 desa prioritas (seri: peringkat teratas)."""
    from p3pd.laporan import prioritas

    if wil.kecamatan is not None:
        return wil.kecamatan.kode
    prio = prioritas(data, wil, tahun, 10)
    kode = prio["kode_desa"].str[:8]
    return str(kode.value_counts(sort=False).sort_values(ascending=False, kind="stable").index[0])


def rancangan_agenda(
    data: DataLaporan, wil: WilayahHandout, tahun: int, jumlah: int = 4
) -> pd.DataFrame:
    """Baris desa teratas rancangan agenda (``p3pd.agenda.susun_agenda``) untuk handout.

    Kecamatannya :func:`kecamatan_agenda`; isu kabupaten tidak dihitung di sini (bagian handout
    sendiri). Paling banyak ``jumlah`` baris, urutan agenda.
    """
    from p3pd.agenda import susun_agenda

    tabel = data.tabel()  # hanya tabel yang ada di folder data
    kode = kecamatan_agenda(data, wil, tahun)
    hasil = susun_agenda(tabel, kode, tahun, isu=pd.DataFrame())
    return hasil[hasil["bagian"] == "desa"].head(jumlah).reset_index(drop=True)


def _sebelum_koma(teks: str) -> str:
    """Teks sampai koma/titik koma pertama di luar tanda kurung."""
    dalam = 0
    for i, c in enumerate(teks):
        dalam += (c == "(") - (c == ")")
        if dalam == 0 and c in ",;":
            return teks[:i]
    return teks


def _dasar_singkat(dasar: str) -> str:
    """Dasar hukum terakhir yang disebut, tanpa penjelasan dalam kurung (mis. 'PP 43/2014 Pasal 154')."""
    import re

    bagian = [b.strip() for b in dasar.split(";") if b.strip()]
    return re.sub(r"\s*\([^)]{5,}\)", "", bagian[-1] if bagian else "")


def html_agenda_terisi(rancangan: pd.DataFrame, kosong: int = 3, keterangan: str = "") -> Html:
    """Tabel agenda terpadu: baris rancangan dari diagnosis, lalu ``kosong`` baris untuk diisi tangan.

    ``rancangan``: baris hasil ``p3pd.agenda.susun_agenda`` (mis. :func:`rancangan_agenda`).
    Kolom sama dengan agenda kosong (:func:`html_agenda`).
    """
    kepala = "".join(f"<th>{_e(k)}</th>" for k in _KOLOM_AGENDA)
    isi = []
    for n, r in enumerate(rancangan.itertuples(), start=1):
        layanan = LAYANAN.get(r.layanan, "APBDes") if r.layanan else "APBDes"
        indikator = LABEL_PENDEK.get(r.indikator, r.nama_indikator)
        isi.append(
            f'<tr class="terisi"><td class="angka">{n}</td>'
            f"<td><strong>{_e(r.nama_desa)}</strong> — {_e(layanan)}: {_e(indikator)} "
            f"{_e(_persen(r.capaian_awal))}</td>"
            f"<td><em>{_e(r.jenis_binwas.capitalize())}:</em> {_e(_sebelum_koma(r.tindakan))} "
            f"<small>({_e(_dasar_singkat(r.dasar_hukum))})</small></td>"
            f"<td>{_e(r.penanggung_jawab)}</td><td>{_e(_sebelum_koma(r.mitra))}</td>"
            f"<td>{_e(r.waktu)}</td>"
            f"<td>{_e(indikator)}: {_e(_persen(r.capaian_awal))} → target "
            f"{_e(_persen(r.target))} <small>({_e(r.jenis_target)})</small></td></tr>"
        )
    awal = len(rancangan)
    isi += [
        f'<tr><td class="angka">{n}</td>' + "<td></td>" * (len(_KOLOM_AGENDA) - 1) + "</tr>"
        for n in range(awal + 1, awal + kosong + 1)
    ]
    catatan = (
        '<p class="catatan-kecil">Rancangan otomatis dari diagnosis data (p3pd.agenda)'
        + (f" — {_e(keterangan)}" if keterangan else "")
        + ": coret, ubah, atau lengkapi; baris kosong untuk tindakan tambahan tim kecamatan.</p>"
    )
    teks = (
        f'{catatan}<table class="agenda"><thead><tr>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
    )
    return Html(
        teks,
        f"Agenda: {awal} baris rancangan dan {kosong} baris kosong, kolom "
        f"{', '.join(_KOLOM_AGENDA)}",
    )


def isu_handout(
    data: DataLaporan, wil: WilayahHandout, tahun: int, jumlah: int = 5
) -> pd.DataFrame:
    """Daftar isu Musrenbang kecamatan (``p3pd.perencanaan.isu_musrenbang``) untuk handout.

    Kecamatannya sama dengan rancangan agenda (:func:`kecamatan_agenda`): kecamatan handout
    itu sendiri, atau contoh kecamatan untuk handout provinsi. Paling banyak ``jumlah`` isu.
    """
    from p3pd.perencanaan import isu_musrenbang

    tabel = data.tabel()  # hanya tabel yang ada di folder data
    kode = kecamatan_agenda(data, wil, tahun)
    hasil = isu_musrenbang(tabel, kode, tahun)
    return hasil.head(jumlah).copy()


def _bukti_singkat(bukti: str) -> str:
    """Bagian pertama bukti isu (capaian kecamatan terhadap target), untuk handout."""
    return bukti.rstrip(".").split("; ")[0]


def html_isu_musrenbang(
    isu: pd.DataFrame,
    kosong: int = 1,
    keterangan: str = "",
    *,
    tulis_catatan: bool = True,
    tidak_ada: Sequence[str] = (),
) -> Html:
    """Daftar isu Musrenbang berperingkat (isu dan buktinya, perangkat daerah tujuan), ringkas.

    Per isu: layanan dan skor, desa merah tanpa program dan usulan belum ditampung, capaian
    kecamatan terhadap target, dan sampai empat nama desa; lalu ``kosong`` baris untuk isu
    tambahan yang ditulis tangan. ``tulis_catatan=False``: tanpa catatan cara menghitung (mis. bila
    tidak ada data untuk menyusun isu, hanya baris kosong). ``tidak_ada``: tabel ``program``
    dan/atau ``usulan`` yang tidak ada; angkanya ditulis "tidak ada data", bukan 0.
    """
    kepala = "<tr><th>No</th><th>Isu dan bukti</th><th>Dibawa ke</th></tr>"
    isi = []
    for r in isu.itertuples():
        desa = [d for d in str(r.nama_desa).split("; ") if d]
        daftar = ", ".join(desa[:4]) + (f", dan {len(desa) - 4} desa lain" if len(desa) > 4 else "")
        isi.append(
            f'<tr class="terisi"><td class="angka">{int(r.peringkat)}</td>'
            f"<td><strong>{_e(r.nama_layanan)}</strong> (skor {int(r.skor)}): "
            + (
                f"{int(r.desa_merah)} desa merah (program OPD: {TIDAK_ADA_DATA}), "
                if "program" in tidak_ada or pd.isna(r.desa_merah_tanpa_program)
                else f"{int(r.desa_merah_tanpa_program)} desa merah tanpa program, "
            )
            + (
                f"usulan: {TIDAK_ADA_DATA}. "
                if "usulan" in tidak_ada or pd.isna(r.usulan_tertunda)
                else f"{int(r.usulan_tertunda)} usulan belum ditampung. "
            )
            + f"<small>{_e(_bukti_singkat(r.bukti))}; desa: {_e(daftar)}.</small></td>"
            f"<td>{_e(r.opd)}</td></tr>"
        )
    isi += [
        f'<tr><td class="angka">{n}</td><td></td><td></td></tr>'
        for n in range(len(isu) + 1, len(isu) + kosong + 1)
    ]
    catatan = (
        '<p class="catatan-kecil">Otomatis dari data (p3pd.perencanaan)'
        + (f" — {_e(keterangan)}" if keterangan else "")
        + ". Skor = 2 × desa merah tanpa program + desa dengan usulan belum ditampung;"
        " usulan skala desa (salah alamat) tidak dihitung.</p>"
    )
    if isu.empty:
        catatan += '<p class="catatan-kecil">Tidak ada isu dari data tahun ini.</p>'
    teks = (
        f'{catatan if tulis_catatan else ""}<table class="agenda isu"><thead>{kepala}</thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
    )
    ringkas = "; ".join(f"{r.peringkat}. {r.isu}" for r in isu.itertuples())
    return Html(teks, f"Isu Musrenbang: {len(isu)} isu dan {kosong} baris kosong. {ringkas}")
