"""Peta impor: dari kolom berkas sumber ke kolom template, ditulis sebagai YAML atau lembar Excel.

Satu peta menyebut, untuk setiap tabel template yang diisi, dari mana setiap kolomnya diambil.
Bentuk YAML (contoh lengkap di ``p3pd/impor/preset/*.yaml``)::

    nama: Podes 2024 — fasilitas per desa
    sumber_data: BPS, Pendataan Potensi Desa (Podes) 2024
    tabel:
      fasilitas:
        kelompok: true               # gabungkan baris sumber per kunci tabel (per desa)
        kolom:
          kode_desa: R106B           # salin satu kolom
          jumlah_sd: {jumlah: [R701DK2, R701DK3], agregasi: sama}   # rumus: jumlah kolom
          jumlah_paud: {hitung: {kolom: JENIS, salah_satu: [r701bk3]}}  # hitung baris

Aturan satu kolom template (pakai salah satu dari lima sumber nilai):

- ``kolom: X`` salin kolom X; ``jumlah: [A, B]`` A + B (sel kosong di salah satunya → hasil
  kosong); ``terkecil: [A, B]`` nilai terkecil yang terisi; ``nilai: 2024`` nilai tetap;
  ``hitung: true`` atau ``hitung: {syarat}`` 1 untuk setiap baris (yang memenuhi syarat), untuk
  dijumlahkan per kelompok; ``induk: kecamatan`` kode induk dari ``kode_desa`` baris itu.
- tambahan: ``ambil: REGEX`` (ambil grup dari teks; beberapa grup digabung berurutan, mis.
  ``'^0?([1-5])([.])0?([0-9]+)'`` mengubah ``01.02`` menjadi ``1.2``), ``peta_nilai: {lama: baru}`` dan
  ``lainnya: nilai`` (nilai yang tidak disebut), ``kali: 1000`` (kalikan angka), ``bila:
  {syarat}`` (nilai hanya dipakai pada baris yang memenuhi syarat; untuk memutar data panjang
  menjadi lebar), ``nol_bila_ada: [A, B]`` (0 bila A atau B > 0, mis. jarak ke puskesmas bila
  puskesmasnya ada di desa itu), ``agregasi: jumlah|sama|pertama|terkecil|terbesar`` (wajib bila tabel
  ``kelompok: true``, kecuali untuk ``hitung``).

Syarat: ``{kolom: X, salah_satu: [..]}``, ``{kolom: X, awalan: [..]}``, ``{kolom: X, pola:
REGEX}``, ditambah ``kecuali: true`` untuk membalik, dan ``alasan: teks`` untuk laporan.

Kunci tabel ``periksa_per_bidang: {kode: KOLOM, uraian: KOLOM, kelompok: [..]}`` menolak laporan
APBDes menurut jenis belanja yang baris ``5.B.S``-nya akan terbaca sebagai sub-bidang (lihat
``p3pd.impor.per_bidang``; dipakai preset ``siskeudes_apbdes``).

Nama kolom sumber dibandingkan dalam bentuk baku (huruf kecil, garis bawah), sama seperti
pemuat membaca judul kolom: ``R106B``, ``r106b``, dan ``R106 B`` dianggap sama. Judul yang
ditulis lain di berkas sumber lain (mis. ``Anggaran (Rp)`` untuk ``Anggaran``) disebut di
``baca: {judul_lain: {Anggaran: [Anggaran (Rp)]}}``: bila judul utama tidak ada di satu berkas,
judul lain yang ada dibaca sebagai judul utama (dicatat di laporan).

Bentuk Excel (untuk yang tidak menulis YAML): lembar ``peta`` berkolom ``tabel``,
``kolom_templat``, ``kolom_sumber`` (satu kolom, ``A + B`` untuk jumlah, atau ``hitung``),
``nilai_tetap``, ``agregasi``, ``keterangan``; lembar ``pengaturan`` (opsional) berkolom
``kunci`` dan ``nilai`` (``nama``, ``sumber_data``, ``kelompok`` = nama tabel dipisah koma,
``lembar``, ``lebar_pola``, ``lebar_ke``, ``lebar_nilai``). ``p3pd impor --templat-peta
peta.xlsx`` menulis lembar kosong yang tinggal diisi.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p3pd import skema
from p3pd.galat import DataTidakValid
from p3pd.muat_berkas import nama_kolom

AGREGASI = ("jumlah", "sama", "pertama", "terkecil", "terbesar")
"""Cara menggabungkan baris sumber satu kelompok (satu desa, satu desa-tahun, …)."""

_SUMBER_NILAI = ("kolom", "jumlah", "terkecil", "nilai", "hitung", "induk")
_KUNCI_KOLOM = set(_SUMBER_NILAI) | {
    "ambil",
    "peta_nilai",
    "lainnya",
    "kali",
    "bila",
    "nol_bila_ada",
    "agregasi",
    "keterangan",
}
_KUNCI_SYARAT = {"kolom", "salah_satu", "awalan", "pola", "kecuali", "alasan"}
_KUNCI_TABEL = {"kolom", "kelompok", "saring", "keterangan", "periksa_per_bidang"}
_KUNCI_PETA = {
    "versi",
    "nama",
    "keterangan",
    "sumber_data",
    "baca",
    "saring",
    "lebar_ke_panjang",
    "tabel",
}
_KUNCI_BACA = {"lembar", "json_rekaman", "json_tetap", "judul_lain"}
_KUNCI_LEBAR = {"pola", "ke", "nilai"}
_INDUK = ("kecamatan", "kabupaten", "provinsi")


@dataclass(frozen=True)
class Syarat:
    """Syarat satu baris sumber: nilai kolom termasuk daftar, berawalan, atau cocok pola."""

    kolom: str
    salah_satu: tuple[str, ...] = ()
    awalan: tuple[str, ...] = ()
    pola: str | None = None
    kecuali: bool = False
    alasan: str = ""

    def uraian(self) -> str:
        """Syarat dalam kata-kata (untuk laporan)."""
        if self.salah_satu:
            isi = "salah satu dari " + ", ".join(f"'{v}'" for v in self.salah_satu)
        elif self.awalan:
            isi = "berawalan " + " atau ".join(f"'{v}'" for v in self.awalan)
        else:
            isi = f"cocok dengan pola `{self.pola}`"
        kata = "bukan " if self.kecuali else ""
        return f"kolom '{self.kolom}' {kata}{isi}"


@dataclass(frozen=True)
class AturanKolom:
    """Dari mana satu kolom template diisi (lihat docstring modul)."""

    target: str
    kolom: str | None = None
    jumlah: tuple[str, ...] = ()
    terkecil: tuple[str, ...] = ()
    nilai: Any = None
    ada_nilai: bool = False
    hitung: Syarat | bool | None = None
    induk: str | None = None
    ambil: str | None = None
    peta_nilai: dict[str, str] = field(default_factory=dict)
    lainnya: str | None = None
    kali: float | None = None
    bila: Syarat | None = None
    nol_bila_ada: tuple[str, ...] = ()
    agregasi: str | None = None

    def kolom_sumber(self) -> list[str]:
        """Semua kolom sumber yang dibaca aturan ini (termasuk kolom syarat)."""
        nama = [self.kolom] if self.kolom else []
        nama += list(self.jumlah) + list(self.terkecil) + list(self.nol_bila_ada)
        if isinstance(self.hitung, Syarat):
            nama.append(self.hitung.kolom)
        if self.bila is not None:
            nama.append(self.bila.kolom)
        return nama

    def uraian(self) -> str:
        """Asal nilai dalam kata-kata (untuk laporan)."""
        if self.kolom:
            teks = f"kolom '{self.kolom}'"
        elif self.jumlah:
            teks = "jumlah " + " + ".join(f"'{k}'" for k in self.jumlah)
        elif self.terkecil:
            teks = "nilai terkecil dari " + ", ".join(f"'{k}'" for k in self.terkecil)
        elif self.ada_nilai:
            teks = f"nilai tetap {self.nilai!r}"
        elif self.induk:
            teks = f"kode {self.induk} dari kode_desa"
        elif isinstance(self.hitung, Syarat):
            teks = f"banyaknya baris dengan {self.hitung.uraian()}"
        else:
            teks = "banyaknya baris sumber"
        if self.ambil:
            teks += f", diambil bagian `{self.ambil}`"
        if self.peta_nilai:
            teks += ", nilai diganti (" + ", ".join(
                f"'{a}' → '{b}'" for a, b in self.peta_nilai.items()
            )
            if self.lainnya is not None:
                teks += f", lainnya → '{self.lainnya}'"
            teks += ")"
        if self.kali is not None:
            teks += f", dikali {self.kali:g}"
        if self.bila is not None:
            teks += f", hanya baris dengan {self.bila.uraian()}"
        if self.nol_bila_ada:
            teks += ", 0 bila " + " atau ".join(f"'{k}'" for k in self.nol_bila_ada) + " > 0"
        if self.agregasi:
            teks += f"; digabung per kelompok: {self.agregasi}"
        return teks


@dataclass(frozen=True)
class AturanTabel:
    """Peta satu tabel template: aturan per kolom, saringan baris, dan pengelompokan."""

    tabel: skema.Tabel
    kolom: dict[str, AturanKolom]
    kelompok: bool = False
    saring: tuple[Syarat, ...] = ()
    periksa_per_bidang: dict | None = None
    """Aturan ``p3pd.impor.per_bidang`` (kode, uraian, kelompok) atau ``None``."""


@dataclass(frozen=True)
class LebarKePanjang:
    """Kolom per tahun (lebar) menjadi baris per tahun (panjang)."""

    pola: str
    ke: str
    nilai: str


@dataclass(frozen=True)
class Peta:
    """Peta impor lengkap, dibaca dari YAML, lembar Excel, atau preset."""

    nama: str
    berkas: str
    tabel: dict[str, AturanTabel]
    sumber_data: str = ""
    keterangan: str = ""
    lembar: str | None = None
    json_rekaman: str | None = None
    json_tetap: dict[str, str] = field(default_factory=dict)
    saring: tuple[Syarat, ...] = ()
    lebar: LebarKePanjang | None = None
    judul_lain: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Judul kolom sumber (bentuk baku) → judul lain yang dibaca sebagai judul itu."""


# --------------------------------------------------------------------------- membaca peta


def baca_peta(berkas: str | Path) -> Peta:
    """Baca peta impor dari berkas YAML (``.yaml``/``.yml``) atau lembar Excel/CSV (``.xlsx``).

    Peta yang salah ditolak dengan ``DataTidakValid`` yang menyebut berkas peta dan bagiannya.
    """
    path = Path(berkas)
    if not path.is_file():
        raise DataTidakValid("berkas peta tidak ditemukan.", berkas=str(berkas))
    if path.suffix.lower() in (".yaml", ".yml"):
        return peta_dari_dict(_baca_yaml(path), str(berkas))
    if path.suffix.lower() in (".xlsx", ".xlsm", ".csv"):
        from p3pd.impor.peta_excel import dict_dari_lembar

        return peta_dari_dict(dict_dari_lembar(path), str(berkas))
    raise DataTidakValid(
        f"jenis berkas peta '{path.suffix or '(tanpa akhiran)'}' tidak dikenal. Pakai .yaml "
        "(lihat preset di p3pd/impor/preset) atau lembar Excel .xlsx (buat dengan "
        "`p3pd impor --templat-peta peta.xlsx`).",
        berkas=str(berkas),
    )


def _baca_yaml(path: Path) -> dict:
    import yaml

    try:
        isi = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise DataTidakValid("berkas peta bukan teks UTF-8.", berkas=str(path)) from None
    except yaml.YAMLError as galat:
        letak = getattr(galat, "problem_mark", None)
        baris = f" (sekitar baris {letak.line + 1})" if letak is not None else ""
        raise DataTidakValid(
            f"berkas peta bukan YAML yang sah{baris}: periksa titik dua, tanda kutip, dan "
            "indentasi (pakai spasi, bukan tab).",
            berkas=str(path),
        ) from None
    if not isinstance(isi, dict):
        raise DataTidakValid(
            "berkas peta harus berisi pasangan kunci: nilai (mis. 'tabel:').", berkas=str(path)
        )
    return isi


def _tolak(berkas: str, bagian: str, pesan: str) -> DataTidakValid:
    return DataTidakValid(f"bagian '{bagian}': {pesan}", berkas=berkas)


def _periksa_kunci(isi: dict, boleh: set[str], berkas: str, bagian: str) -> None:
    for k in isi:
        if k not in boleh:
            mirip = difflib.get_close_matches(str(k), sorted(boleh), n=1)
            saran = f" Mungkin maksudnya '{mirip[0]}'?" if mirip else ""
            raise _tolak(
                berkas,
                bagian,
                f"kunci '{k}' tidak dikenal.{saran} Yang dikenal: " + ", ".join(sorted(boleh)),
            )


def _daftar_nama(nilai: Any, berkas: str, bagian: str) -> tuple[str, ...]:
    if isinstance(nilai, str):
        nilai = [nilai]
    if not isinstance(nilai, list) or not nilai:
        raise _tolak(berkas, bagian, "harus berupa daftar nama kolom, mis. [A, B].")
    return tuple(nama_kolom(v) for v in nilai)


def _teks_nilai(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def _syarat(isi: Any, berkas: str, bagian: str) -> Syarat:
    if not isinstance(isi, dict) or "kolom" not in isi:
        raise _tolak(
            berkas,
            bagian,
            "syarat perlu 'kolom' dan salah satu dari 'salah_satu', 'awalan', atau 'pola'.",
        )
    _periksa_kunci(isi, _KUNCI_SYARAT, berkas, bagian)
    jenis = [k for k in ("salah_satu", "awalan", "pola") if k in isi]
    if len(jenis) != 1:
        raise _tolak(berkas, bagian, "syarat perlu tepat satu dari 'salah_satu', 'awalan', 'pola'.")

    def daftar(k: str) -> tuple[str, ...]:
        v = isi.get(k, [])
        v = v if isinstance(v, list) else [v]
        return tuple(_teks_nilai(x) for x in v)

    pola = isi.get("pola")
    if pola is not None:
        try:
            re.compile(str(pola))
        except re.error:
            raise _tolak(
                berkas, bagian, f"pola '{pola}' bukan ekspresi reguler yang sah."
            ) from None
    return Syarat(
        kolom=nama_kolom(isi["kolom"]),
        salah_satu=daftar("salah_satu"),
        awalan=daftar("awalan"),
        pola=None if pola is None else str(pola),
        kecuali=bool(isi.get("kecuali", False)),
        alasan=str(isi.get("alasan", "")).strip(),
    )


def _aturan_kolom(target: str, isi: Any, berkas: str, bagian: str) -> AturanKolom:
    if isinstance(isi, str):
        isi = {"kolom": isi}
    if not isinstance(isi, dict):
        raise _tolak(berkas, bagian, "tulis nama kolom sumber, atau {kolom: …}, {jumlah: […]}, …")
    _periksa_kunci(isi, _KUNCI_KOLOM, berkas, bagian)
    sumber = [k for k in _SUMBER_NILAI if k in isi]
    if len(sumber) != 1:
        raise _tolak(
            berkas,
            bagian,
            "sebutkan tepat satu asal nilai: " + ", ".join(_SUMBER_NILAI) + ".",
        )
    agregasi = isi.get("agregasi")
    if agregasi is not None and agregasi not in AGREGASI:
        raise _tolak(
            berkas,
            bagian,
            f"agregasi '{agregasi}' tidak dikenal; pilih dari " + ", ".join(AGREGASI) + ".",
        )
    hitung = isi.get("hitung")
    if isinstance(hitung, dict):
        hitung = _syarat(hitung, berkas, bagian + ".hitung")
    elif "hitung" in isi and hitung is not True:
        raise _tolak(berkas, bagian, "'hitung' berisi true atau sebuah syarat.")
    induk = isi.get("induk")
    if induk is not None and induk not in _INDUK:
        raise _tolak(berkas, bagian, "'induk' berisi kecamatan, kabupaten, atau provinsi.")
    ambil = isi.get("ambil")
    if ambil is not None:
        try:
            if re.compile(str(ambil)).groups < 1:
                raise _tolak(
                    berkas, bagian, f"pola ambil '{ambil}' perlu sedikitnya satu grup (…)."
                )
        except re.error:
            raise _tolak(
                berkas, bagian, f"pola '{ambil}' bukan ekspresi reguler yang sah."
            ) from None
    peta_nilai = isi.get("peta_nilai", {}) or {}
    if not isinstance(peta_nilai, dict):
        raise _tolak(berkas, bagian, "'peta_nilai' berisi pasangan nilai_lama: nilai_baru.")
    kali = isi.get("kali")
    if kali is not None and not isinstance(kali, (int, float)):
        raise _tolak(berkas, bagian, "'kali' berisi angka, mis. 1000.")
    return AturanKolom(
        target=target,
        kolom=nama_kolom(isi["kolom"]) if "kolom" in isi else None,
        jumlah=_daftar_nama(isi["jumlah"], berkas, bagian) if "jumlah" in isi else (),
        terkecil=_daftar_nama(isi["terkecil"], berkas, bagian) if "terkecil" in isi else (),
        nilai=isi.get("nilai"),
        ada_nilai="nilai" in isi,
        hitung=hitung,
        induk=induk,
        ambil=None if ambil is None else str(ambil),
        peta_nilai={_teks_nilai(a): _teks_nilai(b) for a, b in peta_nilai.items()},
        lainnya=None if isi.get("lainnya") is None else _teks_nilai(isi["lainnya"]),
        kali=None if kali is None else float(kali),
        bila=_syarat(isi["bila"], berkas, bagian + ".bila") if "bila" in isi else None,
        nol_bila_ada=(
            _daftar_nama(isi["nol_bila_ada"], berkas, bagian) if "nol_bila_ada" in isi else ()
        ),
        agregasi=agregasi,
    )


def _daftar_syarat(isi: Any, berkas: str, bagian: str) -> tuple[Syarat, ...]:
    if isi is None:
        return ()
    if isinstance(isi, dict):
        isi = [isi]
    if not isinstance(isi, list):
        raise _tolak(berkas, bagian, "berisi daftar syarat.")
    return tuple(_syarat(s, berkas, f"{bagian}[{i + 1}]") for i, s in enumerate(isi))


def peta_dari_dict(isi: dict, berkas: str = "(peta)") -> Peta:
    """Susun dan periksa :class:`Peta` dari isi YAML (dict); lihat docstring modul."""
    _periksa_kunci(isi, _KUNCI_PETA, berkas, "peta")
    tabel_isi = isi.get("tabel")
    if not isinstance(tabel_isi, dict) or not tabel_isi:
        raise _tolak(
            berkas,
            "tabel",
            "peta perlu bagian 'tabel' dengan sedikitnya satu tabel template, mis. 'fasilitas:'.",
        )
    tabel: dict[str, AturanTabel] = {}
    for nama, t in tabel_isi.items():
        if nama not in skema.TABEL_DIKENAL:
            mirip = difflib.get_close_matches(str(nama), list(skema.TABEL_DIKENAL), n=1)
            saran = f" Mungkin maksudnya '{mirip[0]}'?" if mirip else ""
            raise _tolak(
                berkas,
                f"tabel.{nama}",
                f"tabel template '{nama}' tidak dikenal.{saran}"
                " Pilihan: " + ", ".join(skema.TABEL_DIKENAL) + ".",
            )
        sk = skema.TABEL_DIKENAL[nama]
        if not isinstance(t, dict) or not isinstance(t.get("kolom"), dict):
            raise _tolak(
                berkas, f"tabel.{nama}", "perlu 'kolom:' berisi kolom template dan asalnya."
            )
        _periksa_kunci(t, _KUNCI_TABEL, berkas, f"tabel.{nama}")
        kolom = {}
        for target, aturan in t["kolom"].items():
            if target not in sk.nama_kolom:
                mirip = difflib.get_close_matches(str(target), sk.nama_kolom, n=1)
                saran = f" Mungkin maksudnya '{mirip[0]}'?" if mirip else ""
                raise _tolak(
                    berkas,
                    f"tabel.{nama}.kolom.{target}",
                    f"tabel '{nama}' tidak punya kolom '{target}'.{saran}",
                )
            kolom[target] = _aturan_kolom(target, aturan, berkas, f"tabel.{nama}.kolom.{target}")
        hilang = [k for k in sk.kunci if k not in kolom]
        if hilang:
            raise _tolak(
                berkas,
                f"tabel.{nama}",
                "kolom kunci tabel ini wajib dipetakan: " + ", ".join(hilang) + ".",
            )
        kelompok = bool(t.get("kelompok", False))
        if kelompok:
            tanpa = [
                k
                for k, a in kolom.items()
                if k not in sk.kunci and a.agregasi is None and a.hitung is None
            ]
            if tanpa:
                raise _tolak(
                    berkas,
                    f"tabel.{nama}",
                    "tabel ini dikelompokkan (kelompok: true); "
                    "sebutkan cara menggabungkan kolom "
                    + ", ".join(tanpa)
                    + " dengan 'agregasi: "
                    + "|".join(AGREGASI)
                    + "'.",
                )
        induk_tanpa_desa = [k for k, a in kolom.items() if a.induk and "kode_desa" not in kolom]
        if induk_tanpa_desa:
            raise _tolak(
                berkas, f"tabel.{nama}", "'induk' perlu kolom kode_desa di tabel yang sama."
            )
        per_bidang = t.get("periksa_per_bidang")
        if per_bidang is not None and (
            not isinstance(per_bidang, dict) or not {"kode", "uraian"} <= set(per_bidang)
        ):
            raise _tolak(
                berkas,
                f"tabel.{nama}.periksa_per_bidang",
                "perlu 'kode:' dan 'uraian:' (judul kolom sumber), dan boleh 'kelompok: [..]'.",
            )
        tabel[nama] = AturanTabel(
            sk,
            kolom,
            kelompok,
            _daftar_syarat(t.get("saring"), berkas, f"tabel.{nama}.saring"),
            per_bidang,
        )
    baca = isi.get("baca") or {}
    if not isinstance(baca, dict):
        raise _tolak(berkas, "baca", "berisi pasangan kunci: nilai.")
    _periksa_kunci(baca, _KUNCI_BACA, berkas, "baca")
    lebar = isi.get("lebar_ke_panjang")
    lebar_ok = None
    if lebar is not None:
        if not isinstance(lebar, dict) or set(lebar) != _KUNCI_LEBAR:
            raise _tolak(
                berkas,
                "lebar_ke_panjang",
                "perlu tepat 'pola' (judul kolom per tahun, "
                "mis. '^idm_(\\d{4})$'), 'ke' (mis. tahun), dan 'nilai'.",
            )
        try:
            if re.compile(str(lebar["pola"])).groups != 1:
                raise _tolak(
                    berkas, "lebar_ke_panjang", "pola perlu tepat satu grup (…) untuk tahunnya."
                )
        except re.error:
            raise _tolak(
                berkas, "lebar_ke_panjang", "pola bukan ekspresi reguler yang sah."
            ) from None
        lebar_ok = LebarKePanjang(
            str(lebar["pola"]), nama_kolom(lebar["ke"]), nama_kolom(lebar["nilai"])
        )
    tetap = baca.get("json_tetap") or {}
    if not isinstance(tetap, dict):
        raise _tolak(berkas, "baca.json_tetap", "berisi pasangan nama_kolom: jalur.json.")
    lain = baca.get("judul_lain") or {}
    if not isinstance(lain, dict):
        raise _tolak(
            berkas,
            "baca.judul_lain",
            "berisi pasangan judul: [judul lain, …], mis. Anggaran: [Anggaran (Rp)].",
        )
    return Peta(
        nama=str(isi.get("nama") or Path(berkas).stem),
        berkas=berkas,
        tabel=tabel,
        sumber_data=str(isi.get("sumber_data") or "").strip(),
        keterangan=str(isi.get("keterangan") or "").strip(),
        lembar=None if baca.get("lembar") is None else str(baca["lembar"]),
        json_rekaman=None if baca.get("json_rekaman") is None else str(baca["json_rekaman"]),
        json_tetap={nama_kolom(k): str(v) for k, v in tetap.items()},
        saring=_daftar_syarat(isi.get("saring"), berkas, "saring"),
        lebar=lebar_ok,
        judul_lain={
            nama_kolom(k): _daftar_nama(
                v if isinstance(v, list) else [v], berkas, "baca.judul_lain"
            )
            for k, v in lain.items()
        },
    )


# --------------------------------------------------------------------------- preset


def folder_preset() -> Path:
    """Folder peta bawaan (preset) yang ikut terpasang bersama paket."""
    return Path(__file__).parent / "preset"


def daftar_preset() -> dict[str, str]:
    """Preset yang tersedia: nama → judul (baris ``nama:`` di berkasnya)."""
    hasil = {}
    for path in sorted(folder_preset().glob("*.yaml")):
        hasil[path.stem] = baca_peta(path).nama
    return hasil


def baca_preset(nama: str) -> Peta:
    """Baca preset ``nama`` (mis. 'podes_fasilitas'); nama yang salah ditolak dengan usulan."""
    path = folder_preset() / f"{nama}.yaml"
    if not path.is_file():
        ada = sorted(p.stem for p in folder_preset().glob("*.yaml"))
        mirip = difflib.get_close_matches(nama, ada, n=1)
        saran = f" Mungkin maksudnya '{mirip[0]}'?" if mirip else ""
        raise DataTidakValid(f"preset '{nama}' tidak ada.{saran} Pilihan: " + ", ".join(ada) + ".")
    return baca_peta(path)
