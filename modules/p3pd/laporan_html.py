"""Tabel HTML bagian handout: angka kunci dengan sumber terbitan, tabel lampu, desa prioritas,
kebutuhan vs penyediaan, dan sampul.

Setiap fungsi menerima hasil hitungan ``p3pd.laporan`` (DataFrame biasa) dan mengembalikan
:class:`~p3pd.laporan_dasar.Html` yang tampil rapi di notebook dan di handout cetak.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from p3pd.format import TIDAK_BERLAKU_KELURAHAN
from p3pd.indikator import DAFTAR_INDIKATOR, INDIKATOR
from p3pd.laporan_dasar import (
    _JENIS_SINGKAT,
    _TARGET_SINGKAT,
    LABEL_PENDEK,
    TEKS_SINTETIS,
    Html,
    Pembanding,
    WilayahHandout,
    _desimal,
    _e,
    _persen,
    _singkat_kab,
    html_tidak_ada_data,
    sel_porsi_apbdes,
)
from p3pd.skema import NAIK

if TYPE_CHECKING:  # pragma: no cover
    from p3pd.label import LabelData


def html_angka_kunci(
    tabel: pd.DataFrame,
    wil: WilayahHandout,
    nama_kabupaten: str,
    pembanding: Pembanding | None = None,
) -> Html:
    """Tabel HTML angka kunci dengan nomor sumber untuk setiap angka terbitan.

    ``pembanding`` (``Handout.pembanding``): bila folder tidak memuat seluruh kabupaten, kolom
    kabupaten berjudul "gabungan desa/kelurahan di data ini (n dari N desa/kelurahan …)".
    """
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
    sebagian = pembanding is not None and not pembanding.lengkap
    judul_kab = (
        f"Rata-rata desa di data ini<br><small>{_e(pembanding.keterangan)}</small>"
        if sebagian
        else f"{kab}<br><small>{asal}</small>"
    )
    if wil.tingkat == "kecamatan":
        kolom_data = [
            (f"{_e(wil.kecamatan.nama)}<br><small>{asal}</small>", "wilayah"),
            (judul_kab, "kabupaten"),
        ]
        kolom_terbit = [("provinsi_terbitan", f"Prov. {_e(wil.provinsi.nama)}")]
    else:
        kolom_data = [(judul_kab, "wilayah")]
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
            f" <small>(data desa: {_e(_jenis_desa(b))})</small>"
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
        + (f"{_e(pembanding.kalimat)} " if sebagian else "")
        + f"<ol>{daftar}</ol></div>"
    )
    polos = tabel[["nama", "wilayah"]].to_string(index=False)
    return Html(teks, polos)


def _jenis_desa(b: pd.Series) -> str:
    """Jenis angka desa satu baris angka kunci: 'survei', 'adm.', atau untuk data sendiri yang
    asalnya tercatat 'administratif (e-PPGBM/puskesmas)'."""
    asal = b.get("asal_data", "")
    if isinstance(asal, str) and asal:
        return f"{b.get('jenis_data', '')} ({asal})"
    return _JENIS_SINGKAT.get(b.get("jenis_data", ""), "")


def html_tabel_lampu(
    lampu: pd.DataFrame,
    porsi: pd.DataFrame | None,
    judul_baris: str,
    pembanding: Pembanding | None = None,
) -> Html:
    """Tabel HTML berlampu: nilai capaian di setiap sel, warna latar dan huruf (H/K/M) menurut lampu.

    Indikator yang capaiannya tidak ada di baris mana pun (data sendiri yang sebagian) tidak
    diberi kolom; namanya disebut dalam satu baris di bawah tabel. ``porsi=None``: tanpa kolom
    porsi APBDes. ``pembanding``: nama pembanding di legenda ("kabupaten", atau "gabungan desa/kelurahan
    di data ini" bila folder tidak memuat seluruh kabupaten).
    """
    pb = pembanding if pembanding is not None else Pembanding(True)
    ada_nilai = set(lampu.loc[lampu["capaian"].notna(), "indikator"])
    urutan = [k for k in INDIKATOR if k in ada_nilai]
    tanpa = [k for k in INDIKATOR if k in set(lampu["indikator"]) - ada_nilai]
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
            nilai = porsi_map.get(kode, np.nan)
            td.append(f'<td class="angka">{_e(sel_porsi_apbdes(kode, nilai))}</td>')
        isi.append(f'<tr data-kode="{_e(kode)}"><td>{_e(nama)}</td>{"".join(td)}</tr>')
    teks = (
        f'<table class="lampu"><thead><tr><th>{_e(judul_baris)}</th>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="legenda"><span class="kotak" style="background:#c9ecd4"></span>H = hijau: '
        "target tercapai"
        '<span class="kotak" style="background:#fdeeb0"></span>K = kuning: belum tercapai, '
        f"tidak lebih buruk dari {_e(pb.nama)}"
        '<span class="kotak" style="background:#f7c6c4"></span>M = merah: belum tercapai dan '
        f"lebih buruk dari {_e(pb.label)}. ↓ = makin rendah makin baik."
        + (f" {_e(pb.kalimat)}" if pb.kalimat else "")
        + (
            " Kolom terakhir: porsi realisasi APBDes untuk layanan dasar (sub-bidang 1.3, 2.1, "
            "2.2, 2.4, 5.3); kelurahan tidak punya APBDes, jadi selnya "
            f"“{TIDAK_BERLAKU_KELURAHAN}”."
            if porsi_map is not None
            else ""
        )
        + "</div>"
    )
    if tanpa:
        teks += html_indikator_tanpa_data(tanpa).isi
    polos = lampu.pivot(index="nama", columns="indikator", values="lampu").to_string()
    return Html(teks, polos)


def _singkat_indikator(daftar: str, batas: int = 6) -> str:
    nama_ke_kode = {i.nama: i.kode for i in DAFTAR_INDIKATOR}
    pendek = [LABEL_PENDEK.get(nama_ke_kode.get(n, ""), n) for n in daftar.split("; ") if n]
    if len(pendek) > batas:
        return ", ".join(pendek[:batas]) + f", dan {len(pendek) - batas} lainnya"
    return ", ".join(pendek)


def html_prioritas(tabel: pd.DataFrame, tingkat: str, *, apbdes: bool = True) -> Html:
    """Tabel HTML desa prioritas; ``apbdes=False`` (tidak ada belanja APBDes): tanpa kolom porsi."""
    from p3pd.apbdes_rekap import kode_kelurahan

    kec = tingkat != "kecamatan"
    ada_kel = bool(kode_kelurahan(tabel["kode_desa"]).any())
    kepala = (
        '<th class="angka">No</th>'
        + ("<th>Desa/kelurahan</th>" if ada_kel else "<th>Desa</th>")
        + ("<th>Kecamatan</th>" if kec else "")
        + '<th class="angka">Skor</th><th>Layanan berlampu merah (merah/indikator)</th>'
        "<th>Indikator berlampu merah</th>"
        + ('<th class="angka">APBDes untuk layanan dasar</th>' if apbdes else "")
    )

    def nomor(b: pd.Series) -> str:
        # desa tanpa skor (tanpa data indikator) tidak diberi nomor urut prioritas
        return "–" if pd.isna(b["skor"]) else str(int(b["peringkat"]))

    isi = []
    for _, b in tabel.iterrows():
        isi.append(
            f'<tr data-kode="{_e(b["kode_desa"])}"><td class="angka">{nomor(b)}</td>'
            f"<td>{_e(b['nama_desa'])}</td>"
            + (f"<td>{_e(b['nama_kecamatan'])}</td>" if kec else "")
            + f'<td class="angka">{_e(_desimal(b["skor"]))}</td>'
            f"<td>{_e(b['rincian_layanan'] or '–')}</td>"
            f"<td>{_e(_singkat_indikator(b['indikator_merah']))}</td>"
            + (
                f'<td class="angka">{_e(sel_porsi_apbdes(b["kode_desa"], b["porsi_layanan_dasar"]))}</td>'
                if apbdes
                else ""
            )
            + "</tr>"
        )
    rincian = tabel["rincian_layanan"].astype(str)
    sebagian = rincian.str.contains("belum ada data:", regex=False)
    tanpa_skor = tabel["skor"].isna()
    teks = (
        f'<table class="prioritas"><thead><tr>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="catatan-kecil">Skor (0–1) = rata-rata, atas lima layanan, bagian indikator '
        "berlampu merah di setiap layanan; setiap layanan berbobot sama, berapa pun banyak "
        "indikatornya. Nilai seri: lebih banyak layanan bermasalah, lalu lebih banyak kuning, "
        "lalu total kesenjangan ke target. Aturan ini sengaja sederhana dan terbuka: bahas "
        "bersama apakah urutannya masuk akal di lapangan."
        + (
            " Desa bertanda “belum ada data: …” dinilai hanya dari layanan yang ada datanya, "
            "jadi skornya belum sepenuhnya sebanding dengan desa lain (bisa naik atau turun "
            "setelah data layanan lain dilengkapi). Lengkapi datanya sebelum menetapkan "
            "prioritas."
            if sebagian.any()
            else ""
        )
        + (
            " Desa bertanda “belum ada data indikator” tidak diberi skor dan nomor, dan "
            "ditaruh di akhir tabel; letaknya di akhir bukan berarti masalahnya paling ringan."
            if tanpa_skor.any()
            else ""
        )
        + "</div>"
    )
    return Html(
        teks,
        tabel[["peringkat", "nama_desa", "skor", "rincian_layanan"]]
        .assign(skor=[_desimal(v) for v in tabel["skor"]])
        .to_string(index=False),
    )


_KOLOM_PP: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (kelompok, judul kolom, tabel yang dibutuhkan)
    ("Kebutuhan", "Desa berlampu merah", ("indikator",)),
    ("Usulan desa (bawah ke atas)", "Usulan (prioritas tinggi)", ("usulan",)),
    ("Usulan desa (bawah ke atas)", "Diakomodasi", ("usulan",)),
    ("Penyediaan program OPD kabupaten", "Program", ("program",)),
    ("Penyediaan program OPD kabupaten", "Desa disasar", ("program",)),
    ("Penyediaan program OPD kabupaten", "Desa merah tanpa program", ("indikator", "program")),
    ("Belanja desa", "Porsi APBDes", ("belanja",)),
)


def _sel_pp(b: pd.Series, judul: str) -> str:
    if judul == "Desa berlampu merah":
        return f"{int(b['desa_merah'])} dari {int(b['desa'])}"
    if judul == "Usulan (prioritas tinggi)":
        return f"{int(b['usulan'])} ({int(b['usulan_prioritas_tinggi'])})"
    if judul == "Diakomodasi":
        return _e(_persen(b["persen_diakomodasi"]))
    if judul == "Porsi APBDes":
        return _e(_persen(b["porsi_apbdes"]))
    kolom = {
        "Program": "program_opd",
        "Desa disasar": "desa_sasaran_opd",
        "Desa merah tanpa program": "desa_merah_tanpa_program",
    }[judul]
    return str(int(b[kolom]))


def html_permintaan_penyediaan(
    tabel: pd.DataFrame,
    kebutuhan_tinggi: pd.DataFrame | None,
    *,
    tidak_ada: Sequence[str] = (),
    tidak_ada_kebutuhan: Sequence[str] = (),
    pembanding: Pembanding | None = None,
    tanpa_data: Callable[..., Html] = html_tidak_ada_data,
) -> Html:
    """Tabel HTML kebutuhan vs penyediaan per layanan, ditambah daftar desa kebutuhan tinggi–penyediaan rendah.

    ``tidak_ada``: tabel yang tidak ada (``indikator``, ``usulan``, ``program``, ``belanja``);
    kolomnya tidak ditulis dan berkasnya disebut dalam satu baris "tidak ada data".
    ``kebutuhan_tinggi=None``: daftar desa itu tidak dapat disusun karena tabel
    ``tidak_ada_kebutuhan`` (indikator, fasilitas) tidak ada. ``pembanding``: median
    "kabupaten", atau median desa di data ini bila folder tidak memuat seluruh kabupaten.
    ``tanpa_data(nama_tabel, bagian)``: pembuat baris "tidak ada data" (``Handout`` memberi
    versi yang membedakan berkas tidak ada dari berkas tanpa baris wilayah ini).
    """
    pb = pembanding if pembanding is not None else Pembanding(True)
    median = "kabupaten" if pb.lengkap else f"desa di data ini {pb.keterangan}"
    kolom = [k for k in _KOLOM_PP if not set(k[2]) & set(tidak_ada)]
    isi = []
    for _, b in tabel.iterrows():
        sel = "".join(f'<td class="angka">{_sel_pp(b, k[1])}</td>' for k in kolom)
        isi.append(f'<tr data-layanan="{_e(b["layanan"])}"><td>{_e(b["nama"])}</td>{sel}</tr>')
    kelompok = list(dict.fromkeys(k[0] for k in kolom))
    lebar = {g: sum(k[0] == g for k in kolom) for g in kelompok}
    atas = "".join(
        f'<th colspan="{lebar[g]}" class="angka">{_e(g)}</th>'
        if g != "Belanja desa"
        else f'<th class="angka">{_e(g)}</th>'
        for g in kelompok
    )
    bawah = "".join(f'<th class="angka">{_e(k[1])}</th>' for k in kolom)
    kepala = f'<tr><th rowspan="2">Layanan</th>{atas}</tr><tr>{bawah}</tr>'
    if kebutuhan_tinggi is None:
        kt = tanpa_data(
            tidak_ada_kebutuhan, "desa berkebutuhan tinggi dan berpenyediaan rendah"
        ).isi
    elif len(kebutuhan_tinggi):
        nama = ", ".join(kebutuhan_tinggi["nama_desa"].head(12))
        lebih = len(kebutuhan_tinggi) - 12
        nama += f", dan {lebih} desa lain" if lebih > 0 else ""
        kt = (
            f"<p><strong>{len(kebutuhan_tinggi)} desa berkebutuhan tinggi tetapi penyediaannya "
            f"rendah</strong> (fasilitas, tenaga, jarak ke puskesmas): {_e(nama)}.</p>"
        )
    else:
        kt = "<p>Tidak ada desa yang berkebutuhan tinggi sekaligus penyediaannya rendah.</p>"
    kurang = [n for n in ("indikator", "usulan", "program", "belanja") if n in tidak_ada]
    teks = (
        f'<table class="permintaan"><thead>{kepala}</thead><tbody>{"".join(isi)}</tbody></table>'
        + (tanpa_data(kurang, "kolom yang tidak ditulis").isi if kurang else "")
        + kt
        + '<div class="catatan-kecil">Kebutuhan tinggi/penyediaan rendah: di atas/di bawah median '
        f"{_e(median)} pada indeks gabungan (stunting, persalinan di fasyankes, APM SMP, sanitasi; "
        "posyandu aktif, sekolah per anak, bidan, jarak ke puskesmas).</div>"
    )
    return Html(teks, tabel[["nama", "desa_merah", "usulan", "program_opd"]].to_string(index=False))


_KOLOM_FASILITAS = (
    ("jumlah_sd", "SD"),
    ("jumlah_smp", "SMP"),
    ("jumlah_paud", "PAUD"),
    ("jumlah_posyandu", "Posyandu"),
    ("posyandu_aktif", "Posyandu aktif"),
    ("jumlah_pustu_polindes", "Pustu/polindes"),
    ("bidan_desa", "Bidan desa"),
    ("jarak_puskesmas_km", "Jarak ke puskesmas (km)"),
)


def html_fasilitas(fasilitas: pd.DataFrame, wilayah: pd.DataFrame, kode: str) -> Html:
    """Sisi penyediaan saja: fasilitas per desa wilayah ``kode`` (``fasilitas_desa.csv``).

    Dipakai bila indikator (sisi kebutuhan) tidak ada: sekolah, posyandu, pustu/polindes,
    bidan, dan jarak ke puskesmas tetap dapat dibahas. Nilai kosong ditulis "tidak ada data".
    """
    from p3pd.format import angka

    fas = fasilitas[fasilitas["kode_desa"].astype(str).str.startswith(kode)]
    fas = fas.sort_values("kode_desa")
    nama = wilayah.set_index("kode_desa")["nama_desa"]
    kolom = [(k, j) for k, j in _KOLOM_FASILITAS if k in fas]
    kepala = "".join(f'<th class="angka">{_e(j)}</th>' for _, j in kolom)
    isi = []
    for _, b in fas.iterrows():
        sel = "".join(
            f'<td class="angka">{_e(angka(b[k], 1 if k.endswith("_km") else 0))}</td>'
            for k, _ in kolom
        )
        isi.append(
            f'<tr data-kode="{_e(b["kode_desa"])}"><td>{_e(nama.get(b["kode_desa"], b["kode_desa"]))}'
            f"</td>{sel}</tr>"
        )
    teks = (
        "<h3>Penyediaan: fasilitas per desa</h3>"
        f'<table class="fasilitas"><thead><tr><th>Desa</th>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="catatan-kecil">Dari fasilitas_desa.csv (sumbernya di label data, sampul). '
        "Tanpa data indikator, sisi kebutuhan belum dapat dibandingkan: bahas fasilitas ini "
        "bersama angka yang diketahui puskesmas dan sekolah.</div>"
    )
    return Html(teks, fas.to_string(index=False))


def html_indikator_tanpa_data(indikator: Sequence[str]) -> Html:
    """Satu baris "tidak ada data" yang menyebut indikator tanpa nilai di data ini (kolom
    pembilang/penyebutnya kosong atau tidak ada di ``indikator_desa.csv``)."""
    from p3pd.notebook import TIDAK_ADA_DATA

    nama = ", ".join(LABEL_PENDEK.get(k, k) for k in indikator)
    teks = (
        f"{TIDAK_ADA_DATA.capitalize()} untuk {len(indikator)} indikator (kolom pembilang atau "
        f"penyebutnya kosong atau tidak ada di indikator_desa.csv): {nama}."
    )
    return Html(
        f'<p class="catatan-kecil tanpa-data"><strong>{_e(TIDAK_ADA_DATA.capitalize())}</strong>'
        f"{_e(teks[len(TIDAK_ADA_DATA) :])}</p>",
        teks,
    )


def html_angka_terbitan(terbitan: pd.DataFrame) -> Html:
    """Tabel angka terbitan per desa (IDM, persentase terbitan) di samping indikator cacah.

    ``terbitan``: hasil ``laporan.angka_terbitan_wilayah`` (satu tahun per ukuran). Satu baris
    per desa, satu kolom per ukuran (nilai apa adanya, dengan kategorinya); sumber setiap
    ukuran ditulis di bawah tabel. Nilainya tidak dijumlahkan atau dirata-ratakan.
    """
    from p3pd.format import angka

    ukuran = list(dict.fromkeys(terbitan["ukuran"]))
    info = {
        u: terbitan[terbitan["ukuran"] == u].iloc[0][["nama_ukuran", "tahun", "satuan"]]
        for u in ukuran
    }
    kepala = "".join(
        f'<th class="angka">{_e(info[u]["nama_ukuran"])} {int(info[u]["tahun"])}'
        f"<br><small>{_e(info[u]['satuan'])}</small></th>"
        for u in ukuran
    )
    sel = terbitan.set_index(["kode_desa", "ukuran"])
    isi = []
    for kode, nama in (
        terbitan.drop_duplicates("kode_desa")[["kode_desa", "nama_desa"]]
        .sort_values("kode_desa")
        .itertuples(index=False)
    ):
        td = []
        for u in ukuran:
            if (kode, u) in sel.index:
                b = sel.loc[(kode, u)]
                b = b.iloc[0] if isinstance(b, pd.DataFrame) else b
                kat = "" if pd.isna(b["kategori"]) else f" <small>({_e(b['kategori'])})</small>"
                td.append(f'<td class="angka">{_e(angka(b["nilai"], 2))}{kat}</td>')
            else:
                td.append(f'<td class="angka">{_e(angka(np.nan, 2))}</td>')
        isi.append(f'<tr data-kode="{_e(kode)}"><td>{_e(nama)}</td>{"".join(td)}</tr>')
    sumber = "".join(
        f"<li>{_e(info[u]['nama_ukuran'])}: "
        f"{_e('; '.join(dict.fromkeys(terbitan.loc[terbitan['ukuran'] == u, 'sumber'].astype(str))))}"
        "</li>"
        for u in ukuran
    )
    teks = (
        "<h3>Angka terbitan per desa</h3>"
        f'<table class="terbitan"><thead><tr><th>Desa</th>{kepala}</tr></thead>'
        f"<tbody>{''.join(isi)}</tbody></table>"
        '<div class="sumber">Skor dan persentase yang diterbitkan lembaga lain, apa adanya, '
        "di samping indikator cacah di atas: tidak dijumlahkan, tidak dirata-ratakan, dan tidak "
        f"dicampur dengan capaian yang dihitung dari data desa. Sumber:<ul>{sumber}</ul></div>"
    )
    return Html(teks, terbitan[["nama_desa", "ukuran", "nilai", "sumber"]].to_string(index=False))


SAMPUL_LATIHAN = "Pelatihan Aparatur Kecamatan P3PD Sub-komponen 1D · 9–12 Juli 2024"
"""Baris program di sampul handout data latihan (pelatihan Juli 2024)."""

SAMPUL_DATA_SENDIRI = "Diagnosis layanan dasar desa — bahan kerja kecamatan"
"""Baris program di sampul handout data sendiri: netral, tanpa menyebut gelombang pelatihan
(pelatihan Juli 2024 hanya untuk Jawa Tengah, Sumatera Utara, NTT, dan Kalimantan Selatan)."""


def html_sampul(
    wil: WilayahHandout,
    nama_kabupaten: str,
    tahun: int,
    tanggal: _dt.date,
    label: LabelData | None = None,
    *,
    ada_tahun: bool = True,
) -> Html:
    """Bagian sampul: judul, wilayah, tahun data, tanggal cetak, dan label data.

    ``label`` (``p3pd.label.label_data``): data latihan → baris pelatihan Juli 2024
    (:data:`SAMPUL_LATIHAN`) dan catatan data sintetis; data sendiri → baris netral
    (:data:`SAMPUL_DATA_SENDIRI`) dan "Data milik …, sumber: …" (tanpa cap sintetis). Tanpa
    ``label`` = data latihan.
    ``ada_tahun=False`` (data tanpa tabel tahunan, mis. hanya daftar desa): tahun data ditulis
    "tidak ada data".
    """
    from p3pd.format import tanggal as fmt_tanggal
    from p3pd.notebook import TIDAK_ADA_DATA

    if wil.tingkat == "kecamatan":
        judul = f"Profil Layanan Dasar {wil.nama}"
        bawah = f"{nama_kabupaten}, Provinsi {wil.provinsi.nama}"
    else:
        judul = f"Profil Layanan Dasar {wil.nama}"
        latihan = label is None or label.sintetis
        bawah = f"{'Wilayah latihan' if latihan else 'Wilayah'}: {nama_kabupaten}"
    program = SAMPUL_LATIHAN if label is None or label.sintetis else SAMPUL_DATA_SENDIRI
    teks = (
        '<div class="sampul">'
        f'<div class="program">{_e(program)}</div>'
        f"<h1>{_e(judul)}</h1>"
        f'<div class="wilayah">{_e(bawah)}</div>'
        f'<div class="keterangan">Tahun data{f" {tahun}" if ada_tahun else ": " + TIDAK_ADA_DATA} · '
        f"dicetak {_e(fmt_tanggal(tanggal))}</div>"
        + (
            f'<div class="catatan-sintetis"><strong>Data sintetis untuk latihan.</strong> '
            f"{_e(TEKS_SINTETIS.split('. ', 1)[1])}</div></div>"
            if label is None or label.sintetis
            else f'<div class="catatan-sintetis"><strong>{_e(label.teks)}</strong></div></div>'
        )
    )
    return Html(teks, f"{judul} — {bawah} — tahun data {tahun}")
