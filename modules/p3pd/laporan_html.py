"""Tabel HTML bagian handout: angka kunci dengan sumber terbitan, tabel lampu, desa prioritas,
kebutuhan vs penyediaan, dan sampul.

Setiap fungsi menerima hasil hitungan ``p3pd.laporan`` (DataFrame biasa) dan mengembalikan
:class:`~p3pd.laporan_dasar.Html` yang tampil rapi di notebook dan di handout cetak.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from p3pd.indikator import DAFTAR_INDIKATOR, INDIKATOR
from p3pd.laporan_dasar import (
    _JENIS_SINGKAT,
    _TARGET_SINGKAT,
    LABEL_PENDEK,
    TEKS_SINTETIS,
    Html,
    WilayahHandout,
    _desimal,
    _e,
    _persen,
    _singkat_kab,
)
from p3pd.skema import NAIK

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.label import LabelData


def html_angka_kunci(tabel: pd.DataFrame, wil: WilayahHandout, nama_kabupaten: str) -> Html:
    """Tabel HTML angka kunci dengan nomor sumber untuk setiap angka terbitan."""
    sumber: list[str] = []

    def rujuk(teks: str) -> str:
        if not teks:
            return ""
        if teks not in sumber:
            sumber.append(teks)
        return f"<sup>{sumber.index(teks) + 1}</sup>"

    def terbitan(b: pd.Series, kunci: str) -> str:
        if pd.isna(b[kunci]):
            return "–"
        jenis = _JENIS_SINGKAT.get(b.get(kunci + "_jenis", ""), "")
        beda = b.get(kunci + "_jenis", "") != b.get("jenis_data", "")
        tanda = ' style="font-style:italic"' if beda else ""
        return (
            f"<span{tanda}>{_e(_persen(b[kunci]))} <small>({int(b[kunci + '_tahun'])}; "
            f"{jenis})</small></span>{rujuk(b[kunci + '_sumber'])}"
        )

    kab = _e(_singkat_kab(nama_kabupaten))
    from p3pd.label import label_data  # data sendiri tidak disebut "data latihan"

    asal = "data latihan" if label_data().sintetis else "data ini"
    if wil.tingkat == "kecamatan":
        kolom_data = [
            (f"{_e(wil.kecamatan.nama)}<br><small>{asal}</small>", "wilayah"),
            (f"{kab}<br><small>{asal}</small>", "kabupaten"),
        ]
        kolom_terbit = [("provinsi_terbitan", f"Prov. {_e(wil.provinsi.nama)}")]
    else:
        kolom_data = [(f"{kab}<br><small>{asal}</small>", "wilayah")]
        kolom_terbit = [
            ("kabupaten_terbitan", kab),
            ("provinsi_terbitan", f"Prov. {_e(wil.provinsi.nama)}"),
        ]
    kolom_terbit.append(("nasional_terbitan", "Indonesia"))
    kepala = "".join(f'<th class="angka">{k}</th>' for k, _ in kolom_data) + "".join(
        f'<th class="angka">{n}<br><small>terbitan</small></th>' for _, n in kolom_terbit
    )
    isi = []
    layanan_lalu = None
    n_kolom = 2 + len(kolom_data) + len(kolom_terbit)
    for _, b in tabel.iterrows():
        if b["layanan"] != layanan_lalu:
            isi.append(f'<tr class="kelompok"><th colspan="{n_kolom}">{_e(b["layanan"])}</th></tr>')
            layanan_lalu = b["layanan"]
        arah = "↓" if b["arah"] != NAIK else "↑"
        target = "–" if pd.isna(b["target"]) else _e(_persen(b["target"]))
        jt = _TARGET_SINGKAT.get(b.get("jenis_target", ""), "")
        target += f" <small>{_e(jt)}</small>" if jt else ""
        sel = "".join(
            f'<td class="angka" data-kolom="{k}">{_e(_persen(b[k]))}</td>' for _, k in kolom_data
        )
        sel += "".join(
            f'<td class="angka" data-kolom="{k}">{terbitan(b, k)}</td>' for k, _ in kolom_terbit
        )
        isi.append(
            f'<tr data-indikator="{_e(b["indikator"])}"><td>{_e(b["nama"])} '
            f'<small title="arah baik">{arah}</small>'
            f" <small>(data desa: {_e(_JENIS_SINGKAT.get(b.get('jenis_data', ''), ''))})</small>"
            "</td>"
            f'<td class="angka">{target}</td>{sel}</tr>'
        )
    daftar = "".join(f"<li>{_e(s)}</li>" for s in sumber)
    teks = (
        '<table class="angka-kunci"><thead><tr><th>Indikator</th><th class="angka">Target</th>'
        f"{kepala}</tr></thead><tbody>{''.join(isi)}</tbody></table>"
        '<div class="sumber">↑ makin tinggi makin baik; ↓ makin rendah makin baik. '
        "Di samping setiap target tertulis jenisnya: resmi (ditetapkan peraturan), SPM (Standar "
        "Pelayanan Minimal), atau asumsi (asumsi pelatihan, bukan ketentuan). "
        "Angka terbitan adalah angka kabupaten/provinsi/nasional yang sebenarnya, dari sumber "
        "berikut, dengan jenisnya (survei atau adm. = administratif). Bandingkan hanya yang "
        "sejenis dengan data desa; angka miring berjenis lain dan hanya pembanding. "
        f"<ol>{daftar}</ol></div>"
    )
    polos = tabel[["nama", "wilayah"]].to_string(index=False)
    return Html(teks, polos)


def html_tabel_lampu(lampu: pd.DataFrame, porsi: pd.DataFrame | None, judul_baris: str) -> Html:
    """Tabel HTML berlampu: nilai capaian di setiap sel, warna latar dan huruf (H/K/M) menurut lampu."""
    urutan = [k for k in INDIKATOR if k in set(lampu["indikator"])]
    baris = lampu.drop_duplicates("kode_wilayah")[["kode_wilayah", "nama"]]
    baris = baris.sort_values("kode_wilayah")
    sel = lampu.set_index(["kode_wilayah", "indikator"])
    porsi_map = (
        porsi.set_index("kode_wilayah")["porsi_layanan_dasar"] if porsi is not None else None
    )
    huruf = {"hijau": "H", "kuning": "K", "merah": "M"}
    kepala = "".join(
        f'<th class="angka">{_e(LABEL_PENDEK.get(k, k))}'
        f"{' ↓' if INDIKATOR[k].arah != NAIK else ''}</th>"
        for k in urutan
    )
    if porsi_map is not None:
        kepala += '<th class="angka">APBDes untuk layanan dasar</th>'
    isi = []
    for kode, nama in baris.itertuples(index=False):
        td = []
        for k in urutan:
            b = sel.loc[(kode, k)]
            lampu_ini = b["lampu"] if b["lampu"] in huruf else "kosong"
            tanda = huruf.get(b["lampu"], "")
            td.append(
                f'<td class="angka lampu-{lampu_ini}" data-indikator="{k}">'
                f"{_e(_persen(b['capaian']))} <small>{tanda}</small></td>"
            )
        if porsi_map is not None:
            td.append(f'<td class="angka">{_e(_persen(porsi_map.get(kode, np.nan)))}</td>')
        isi.append(f'<tr data-kode="{_e(kode)}"><td>{_e(nama)}</td>{"".join(td)}</tr>')
    teks = (
        f'<table class="lampu"><thead><tr><th>{_e(judul_baris)}</th>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="legenda"><span class="kotak" style="background:#c9ecd4"></span>H = hijau: '
        "target tercapai"
        '<span class="kotak" style="background:#fdeeb0"></span>K = kuning: belum tercapai, '
        "tidak lebih buruk dari kabupaten"
        '<span class="kotak" style="background:#f7c6c4"></span>M = merah: belum tercapai dan '
        "lebih buruk dari kabupaten. ↓ = makin rendah makin baik. Kolom terakhir: porsi "
        "realisasi APBDes untuk layanan dasar (sub-bidang 1.3, 2.1, 2.2, 2.4, 5.3).</div>"
    )
    polos = lampu.pivot(index="nama", columns="indikator", values="lampu").to_string()
    return Html(teks, polos)


def _singkat_indikator(daftar: str, batas: int = 6) -> str:
    nama_ke_kode = {i.nama: i.kode for i in DAFTAR_INDIKATOR}
    pendek = [LABEL_PENDEK.get(nama_ke_kode.get(n, ""), n) for n in daftar.split("; ") if n]
    if len(pendek) > batas:
        return ", ".join(pendek[:batas]) + f", dan {len(pendek) - batas} lainnya"
    return ", ".join(pendek)


def html_prioritas(tabel: pd.DataFrame, tingkat: str) -> Html:
    """Tabel HTML desa prioritas."""
    kec = tingkat != "kecamatan"
    kepala = (
        '<th class="angka">No</th><th>Desa</th>'
        + ("<th>Kecamatan</th>" if kec else "")
        + '<th class="angka">Skor</th><th>Layanan berlampu merah (merah/indikator)</th>'
        "<th>Indikator berlampu merah</th>"
        '<th class="angka">APBDes untuk layanan dasar</th>'
    )
    isi = []
    for _, b in tabel.iterrows():
        isi.append(
            f'<tr data-kode="{_e(b["kode_desa"])}"><td class="angka">{int(b["peringkat"])}</td>'
            f"<td>{_e(b['nama_desa'])}</td>"
            + (f"<td>{_e(b['nama_kecamatan'])}</td>" if kec else "")
            + f'<td class="angka">{_e(_desimal(b["skor"]))}</td>'
            f"<td>{_e(b['rincian_layanan'] or '–')}</td>"
            f"<td>{_e(_singkat_indikator(b['indikator_merah']))}</td>"
            f'<td class="angka">{_e(_persen(b["porsi_layanan_dasar"]))}</td></tr>'
        )
    teks = (
        f'<table class="prioritas"><thead><tr>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="catatan-kecil">Skor (0–1) = rata-rata, atas lima layanan, bagian indikator '
        "berlampu merah di setiap layanan; setiap layanan berbobot sama, berapa pun banyak "
        "indikatornya. Nilai seri: lebih banyak layanan bermasalah, lalu lebih banyak kuning, "
        "lalu total kesenjangan ke target. Aturan ini sengaja sederhana dan terbuka: bahas "
        "bersama apakah urutannya masuk akal di lapangan.</div>"
    )
    return Html(
        teks, tabel[["peringkat", "nama_desa", "skor", "rincian_layanan"]].to_string(index=False)
    )


def html_permintaan_penyediaan(tabel: pd.DataFrame, kebutuhan_tinggi: pd.DataFrame) -> Html:
    """Tabel HTML kebutuhan vs penyediaan per layanan, ditambah daftar desa kebutuhan tinggi–penyediaan rendah."""
    isi = []
    for _, b in tabel.iterrows():
        isi.append(
            f'<tr data-layanan="{_e(b["layanan"])}"><td>{_e(b["nama"])}</td>'
            f'<td class="angka">{int(b["desa_merah"])} dari {int(b["desa"])}</td>'
            f'<td class="angka">{int(b["usulan"])} ({int(b["usulan_prioritas_tinggi"])})</td>'
            f'<td class="angka">{_e(_persen(b["persen_diakomodasi"]))}</td>'
            f'<td class="angka">{int(b["program_opd"])}</td>'
            f'<td class="angka">{int(b["desa_sasaran_opd"])}</td>'
            f'<td class="angka">{int(b["desa_merah_tanpa_program"])}</td>'
            f'<td class="angka">{_e(_persen(b["porsi_apbdes"]))}</td></tr>'
        )
    kepala = (
        '<tr><th rowspan="2">Layanan</th><th colspan="1" class="angka">Kebutuhan</th>'
        '<th colspan="2" class="angka">Usulan desa (bawah ke atas)</th>'
        '<th colspan="3" class="angka">Penyediaan program OPD kabupaten</th>'
        '<th class="angka">Belanja desa</th></tr>'
        '<tr><th class="angka">Desa berlampu merah</th><th class="angka">Usulan (prioritas tinggi)</th>'
        '<th class="angka">Diakomodasi</th><th class="angka">Program</th>'
        '<th class="angka">Desa disasar</th><th class="angka">Desa merah tanpa program</th>'
        '<th class="angka">Porsi APBDes</th></tr>'
    )
    if len(kebutuhan_tinggi):
        nama = ", ".join(kebutuhan_tinggi["nama_desa"].head(12))
        lebih = len(kebutuhan_tinggi) - 12
        nama += f", dan {lebih} desa lain" if lebih > 0 else ""
        kt = (
            f"<p><strong>{len(kebutuhan_tinggi)} desa berkebutuhan tinggi tetapi penyediaannya "
            f"rendah</strong> (fasilitas, tenaga, jarak ke puskesmas): {_e(nama)}.</p>"
        )
    else:
        kt = "<p>Tidak ada desa yang berkebutuhan tinggi sekaligus penyediaannya rendah.</p>"
    teks = (
        f'<table class="permintaan"><thead>{kepala}</thead><tbody>{"".join(isi)}</tbody></table>'
        + kt
        + '<div class="catatan-kecil">Kebutuhan tinggi/penyediaan rendah: di atas/di bawah median '
        "kabupaten pada indeks gabungan (stunting, persalinan di fasyankes, APM SMP, sanitasi; "
        "posyandu aktif, sekolah per anak, bidan, jarak ke puskesmas).</div>"
    )
    return Html(teks, tabel[["nama", "desa_merah", "usulan", "program_opd"]].to_string(index=False))


def html_sampul(
    wil: WilayahHandout,
    nama_kabupaten: str,
    tahun: int,
    tanggal: _dt.date,
    label: LabelData | None = None,
) -> Html:
    """Bagian sampul: judul, wilayah, tahun data, tanggal cetak, dan label data.

    ``label`` (``p3pd.label.label_data``): data latihan → catatan data sintetis; data sendiri →
    "Data milik …, sumber: …" (tanpa cap sintetis). Tanpa ``label`` = data latihan.
    """
    from p3pd.format import tanggal as fmt_tanggal

    if wil.tingkat == "kecamatan":
        judul = f"Profil Layanan Dasar {wil.nama}"
        bawah = f"{nama_kabupaten}, Provinsi {wil.provinsi.nama}"
    else:
        judul = f"Profil Layanan Dasar {wil.nama}"
        latihan = label is None or label.sintetis
        bawah = f"{'Wilayah latihan' if latihan else 'Wilayah'}: {nama_kabupaten}"
    teks = (
        '<div class="sampul">'
        '<div class="program">Pelatihan Aparatur Kecamatan P3PD Sub-komponen 1D · '
        "9–12 Juli 2024</div>"
        f"<h1>{_e(judul)}</h1>"
        f'<div class="wilayah">{_e(bawah)}</div>'
        f'<div class="keterangan">Tahun data {tahun} · dicetak {_e(fmt_tanggal(tanggal))}</div>'
        + (
            f'<div class="catatan-sintetis"><strong>Data sintetis untuk latihan.</strong> '
            f"{_e(TEKS_SINTETIS.split('. ', 1)[1])}</div></div>"
            if label is None or label.sintetis
            else f'<div class="catatan-sintetis"><strong>{_e(label.teks)}</strong></div></div>'
        )
    )
    return Html(teks, f"{judul} — {bawah} — tahun data {tahun}")
