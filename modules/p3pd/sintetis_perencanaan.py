"""Pembuat data perencanaan sintetis: usulan desa, tindak lanjutnya, dan program OPD per desa.

Bagian generator ``p3pd.sintetis`` untuk hari ke-3 (sinkronisasi perencanaan). Urutannya
mengikuti siklus perencanaan:

1. **Usulan** — setiap desa menyusun 2–6 usulan per tahun rencana ``t`` di Musrenbang desa pada
   tahun ``t − 1`` (``tahun_usulan``). Jenis usulan dipilih dengan bobot kesenjangan layanan
   desa. Setiap usulan punya **jalur**: ``RKPDes`` (dibiayai sendiri lewat APBDes) atau
   ``Musrenbang`` (diteruskan ke Musrenbang kecamatan untuk RKPD kabupaten). Usulan yang
   menurut ``referensi/jenis_layanan.csv`` berkewenangan ``kabupaten`` selalu ke Musrenbang;
   yang berkewenangan ``desa`` kadang juga dikirim ke Musrenbang — **usulan salah alamat**
   (pekerjaan skala desa yang seharusnya masuk APBDes). Memilahnya adalah tugas inti hari ke-3.
2. **Program OPD** — kabupaten menyusun program tahun ``t``; desa sasaran setiap program
   dipilih dengan kunci ``γ × kesenjangan + β × ada usulan Musrenbang berjenis sama + Gumbel``.
   Sebagian program (γ = β = 0) tidak mengikuti kebutuhan maupun usulan (pasokan tanpa
   permintaan). Setiap program dirinci per desa (``program_desa``) dengan indikator keluaran,
   volume, anggaran, dan sumber dana.
3. **Tindak lanjut** (``ditampung_oleh``) — diturunkan dari kedua tabel, sehingga selalu
   konsisten: usulan Musrenbang yang desanya disasar program berjenis sama pada tahun
   rencananya ditampung program itu (``id_program``); sisanya kadang oleh ``provinsi``, kadang
   akhirnya dibiayai desa (``APBDes``, bila jenisnya punya sub-bidang APBDes dan anggaran
   sub-bidang itu di desa dan tahun itu masih cukup), selain itu ``tidak``. Usulan jalur
   RKPDes ditampung APBDes selama anggaran sub-bidangnya cukup; bila tidak, oleh program yang
   menyasar desa itu, atau ``tidak``. Jadi usulan ``tidak`` tidak pernah punya program yang
   cocok. Kolom ``usulan_desa.diakomodasi`` = ``ya`` tepat bila ``ditampung_oleh`` ≠ ``tidak``.

Semua biaya, volume, peluang, dan pemetaan sumber dana di sini adalah **asumsi** data latihan
(ditulis di ``data/SUMBER.md``). Bilangan acak datang dari aliran yang diberikan pemanggil,
sehingga tabel lain tidak bergeser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from p3pd import skema

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd


def _baris(teks: str) -> list[list[str]]:
    """Tabel teks (baris pertama judul, sel dipisah ``|``) → daftar sel tanpa judul."""
    baris = [b for b in teks.strip().splitlines() if b.strip()]
    return [[s.strip() for s in b.split("|")] for b in baris[1:]]


_USULAN_TEKS = """
jenis                 | uraian                                                  | juta Rp min | maks
paud                  | Rehab ruang kelas PAUD                                  | 50  | 150
paud                  | Pengadaan alat permainan edukatif PAUD                  | 10  | 30
paud                  | Insentif guru PAUD desa                                 | 20  | 60
bantuan_pendidikan    | Beasiswa anak dari keluarga miskin                      | 15  | 50
paud                  | Pembangunan gedung PAUD desa                            | 150 | 350
anak_tidak_sekolah    | Pendataan dan penjangkauan anak tidak sekolah           | 5   | 15
sekolah_dasar         | Rehabilitasi ruang kelas SD                             | 100 | 300
sekolah_dasar         | Penambahan ruang kelas SMP                              | 150 | 400
posyandu_gizi         | Insentif kader posyandu                                 | 15  | 45
posyandu_gizi         | Pemberian makanan tambahan balita dan ibu hamil         | 20  | 80
sarana_kesehatan_desa | Pembangunan gedung posyandu                             | 80  | 200
posyandu_gizi         | Pengadaan alat ukur antropometri posyandu               | 5   | 20
posyandu_gizi         | Kelas ibu hamil dan kelas balita                        | 5   | 20
sarana_kesehatan_desa | Rehab poskesdes/polindes                                | 50  | 150
fasilitas_kesehatan   | Pembangunan puskesmas pembantu                          | 300 | 800
tenaga_kesehatan      | Penempatan bidan di desa                                | 60  | 120
sanitasi              | Pembangunan jamban sehat keluarga miskin                | 50  | 250
air_minum             | Sambungan air bersih ke rumah tangga                    | 75  | 300
air_minum             | Pembangunan sumur bor desa                              | 60  | 180
air_minum             | Penampungan air hujan untuk rumah tangga                | 30  | 120
sanitasi              | Pembangunan MCK umum                                    | 40  | 120
spam                  | Perpipaan air bersih dari mata air                      | 150 | 500
spam                  | Perluasan jaringan SPAM/PDAM ke desa                    | 200 | 700
sanitasi              | Pemicuan STBM menuju desa ODF                           | 5   | 20
rumah_layak_huni      | Bantuan rehab rumah tidak layak huni                    | 60  | 250
data_kemiskinan       | Pemutakhiran data keluarga miskin (DTKS)                | 5   | 20
jaminan_kesehatan     | Pendaftaran warga miskin sebagai peserta PBI JKN        | 5   | 15
bantuan_sosial        | Bantuan pangan bagi lansia terlantar                    | 20  | 60
data_kemiskinan       | Pengusulan keluarga miskin yang belum menerima bansos   | 3   | 10
layanan_adminduk      | Pelayanan akta kelahiran keliling                       | 5   | 20
layanan_adminduk      | Perekaman KTP-el bagi lansia dan penyandang disabilitas | 5   | 15
kapasitas_adminduk    | Pelatihan operator adminduk desa                        | 5   | 15
kapasitas_adminduk    | Pengadaan perangkat pelayanan adminduk desa             | 10  | 40
kapasitas_adminduk    | Sosialisasi kepemilikan dokumen kependudukan            | 3   | 10
"""

TEMPLAT_USULAN: tuple[tuple[str, str, int, int], ...] = tuple(
    (b[0], b[1], int(b[2]), int(b[3])) for b in _baris(_USULAN_TEKS)
)
"""Templat usulan desa: (jenis, uraian, biaya minimum, maksimum dalam juta Rp) — asumsi.
Layanan dan kewenangannya diambil dari jenisnya di ``referensi/jenis_layanan.csv``."""
JENIS_USULAN: dict[str, str] = {b[1]: b[0] for b in _baris(_USULAN_TEKS)}
"""Uraian usulan templat → jenisnya (kunci ``referensi/jenis_layanan.csv``)."""

_PROGRAM_TEKS = """
opd | program | jenis | juta Rp/desa min | maks | indikator keluaran | satuan | volume/desa min | maks | sumber dana
Dinas Kesehatan | Pemberian makanan tambahan balita gizi kurang | posyandu_gizi | 15 | 40 | Balita gizi kurang yang menerima makanan tambahan | balita | 5 | 30 | APBD kabupaten;DAK nonfisik
Dinas Kesehatan | Penguatan posyandu dan pelatihan kader | posyandu_gizi | 10 | 30 | Kader posyandu yang dilatih | orang | 5 | 20 | APBD kabupaten
Dinas Kesehatan | Kelas ibu hamil dan pemeriksaan kehamilan terpadu | posyandu_gizi | 8 | 25 | Ibu hamil yang mengikuti kelas ibu hamil | orang | 10 | 40 | APBD kabupaten;DAK nonfisik
Dinas Kesehatan | Imunisasi kejar bagi balita | imunisasi | 5 | 15 | Balita yang mendapat imunisasi kejar | balita | 10 | 60 | APBD kabupaten;DAK nonfisik
Dinas Kesehatan | Pemicuan STBM menuju desa ODF | sanitasi | 5 | 20 | Dusun yang dipicu STBM | dusun | 1 | 5 | APBD kabupaten
Dinas Pengendalian Penduduk dan KB | Pendampingan keluarga berisiko stunting | posyandu_gizi | 10 | 30 | Keluarga berisiko stunting yang didampingi | keluarga | 10 | 60 | APBD kabupaten;DAK nonfisik
Bappeda | Konvergensi percepatan penurunan stunting | posyandu_gizi | 5 | 15 | Desa yang menyelenggarakan rembuk stunting | desa | 1 | 1 | APBD kabupaten
Dinas Pendidikan | Rehabilitasi ruang kelas SD | sekolah_dasar | 100 | 300 | Ruang kelas SD yang direhabilitasi | ruang | 1 | 4 | DAK fisik;APBD kabupaten
Dinas Pendidikan | Bantuan operasional PAUD | paud | 20 | 60 | Lembaga PAUD yang menerima bantuan operasional | lembaga | 1 | 3 | DAK nonfisik;APBD kabupaten
Dinas Pendidikan | Penjangkauan anak tidak sekolah | anak_tidak_sekolah | 5 | 20 | Anak tidak sekolah yang dijangkau | anak | 3 | 20 | APBD kabupaten
Dinas Pendidikan | Beasiswa siswa miskin SMP | bantuan_pendidikan | 15 | 45 | Siswa SMP dari keluarga miskin penerima beasiswa | siswa | 5 | 25 | APBD kabupaten;bantuan keuangan provinsi
Dinas Pendidikan | Pembangunan ruang kelas baru SMP | sekolah_dasar | 150 | 400 | Ruang kelas baru SMP | ruang | 1 | 3 | DAK fisik
Dinas PUPR | Pembangunan SPAM perdesaan | spam | 200 | 600 | Sambungan rumah air minum baru | SR | 50 | 250 | DAK fisik;APBD kabupaten;bantuan keuangan provinsi
Dinas Perkim | Jamban sehat keluarga miskin | sanitasi | 60 | 200 | Jamban sehat keluarga miskin yang dibangun | unit | 10 | 40 | APBD kabupaten;DAK fisik
Dinas Perkim | Sanitasi berbasis masyarakat (Sanimas) | sanitasi | 150 | 400 | Sarana sanitasi komunal yang dibangun | unit | 1 | 1 | DAK fisik
Dinas Perkim | Perbaikan rumah tidak layak huni | rumah_layak_huni | 80 | 250 | Rumah tidak layak huni yang diperbaiki | unit | 3 | 15 | APBD kabupaten;bantuan keuangan provinsi
Dinas Sosial | Verifikasi dan validasi DTKS | data_kemiskinan | 5 | 15 | Keluarga yang diverifikasi dan divalidasi | keluarga | 50 | 300 | APBD kabupaten
Dinas Sosial | Bantuan sosial lanjut usia | bantuan_sosial | 20 | 60 | Lansia penerima bantuan sosial | orang | 5 | 30 | APBD kabupaten
Dinas Sosial | Pendaftaran PBI JKN daerah | jaminan_kesehatan | 30 | 120 | Warga miskin yang didaftarkan sebagai PBI JKN daerah | orang | 30 | 200 | APBD kabupaten
Dinas PMD | Fasilitasi BLT Dana Desa tepat sasaran | bantuan_sosial | 3 | 10 | Desa yang difasilitasi verifikasi penerima BLT | desa | 1 | 1 | APBD kabupaten
Dinas PMD | Pelatihan kader pembangunan manusia (KPM) | posyandu_gizi | 3 | 10 | Kader pembangunan manusia yang dilatih | orang | 1 | 2 | APBD kabupaten
Disdukcapil | Pelayanan adminduk keliling (jemput bola) | layanan_adminduk | 5 | 15 | Dokumen kependudukan yang diterbitkan | dokumen | 30 | 200 | APBD kabupaten
Disdukcapil | Akta kelahiran untuk anak tanpa biaya | layanan_adminduk | 3 | 10 | Akta kelahiran anak yang diterbitkan | akta | 20 | 120 | APBD kabupaten
Disdukcapil | Perekaman KTP-el di sekolah dan desa | layanan_adminduk | 3 | 10 | Wajib KTP-el yang direkam | orang | 20 | 150 | APBD kabupaten
Disdukcapil | Integrasi layanan adminduk di kantor desa | kapasitas_adminduk | 10 | 30 | Kantor desa yang terhubung layanan adminduk | desa | 1 | 1 | APBD kabupaten
Dinas Kesehatan | Penempatan bidan di desa terpencil | tenaga_kesehatan | 60 | 120 | Bidan yang ditempatkan di desa | orang | 1 | 1 | APBD kabupaten
Dinas Kesehatan | Pembangunan dan rehabilitasi puskesmas pembantu | fasilitas_kesehatan | 300 | 800 | Puskesmas pembantu yang dibangun atau direhabilitasi | unit | 1 | 1 | DAK fisik;APBD kabupaten
Dinas PUPR | Perpipaan air minum dari mata air | spam | 150 | 450 | Sambungan rumah dari perpipaan mata air | SR | 30 | 150 | DAK fisik;APBD kabupaten
"""


class _Program:
    """Satu templat program OPD (asumsi data latihan)."""

    def __init__(self, sel: list[str]) -> None:
        self.opd, self.program, self.jenis = sel[0], sel[1], sel[2]
        self.biaya = (int(sel[3]), int(sel[4]))
        self.indikator, self.satuan = sel[5], sel[6]
        self.volume = (int(sel[7]), int(sel[8]))
        self.sumber_dana = tuple(s.strip() for s in sel[9].split(";"))


_TEMPLAT_PROGRAM = tuple(_Program(b) for b in _baris(_PROGRAM_TEKS))
TEMPLAT_PROGRAM: tuple[tuple[str, str, str, int, int], ...] = tuple(
    (t.opd, t.program, t.jenis, *t.biaya) for t in _TEMPLAT_PROGRAM
)
"""Templat program OPD: (opd, program, jenis, biaya per desa min, maks juta Rp) — asumsi."""
JENIS_PROGRAM: dict[str, str] = {t.program: t.jenis for t in _TEMPLAT_PROGRAM}
"""Nama program templat → jenisnya (kunci ``referensi/jenis_layanan.csv``)."""
SUMBER_DANA: tuple[str, ...] = (
    "APBD kabupaten",
    "DAK fisik",
    "DAK nonfisik",
    "bantuan keuangan provinsi",
)
"""Sumber dana program OPD yang dipakai data latihan (pemetaan ke program: asumsi)."""

PELUANG_KE_MUSRENBANG = {"desa": 0.3, "bersama": 0.55, "kabupaten": 1.0}
"""Peluang usulan diteruskan ke Musrenbang kecamatan menurut kewenangan jenisnya (asumsi).
Usulan berkewenangan desa yang diteruskan adalah usulan salah alamat."""
PANGSA_PROGRAM_ACAK = 0.3
"""Pangsa program yang desa sasarannya tidak mengikuti kebutuhan maupun usulan (asumsi)."""
PELUANG_PROVINSI = 0.08
"""Peluang usulan Musrenbang (kewenangan kabupaten/bersama) tanpa program kabupaten ditampung
provinsi (asumsi)."""
PELUANG_APBDES_RKPDES = 0.8
"""Peluang usulan jalur RKPDes masuk APBDes bila anggaran sub-bidangnya cukup (asumsi)."""
PELUANG_APBDES_SUSULAN = 0.35
"""Peluang usulan Musrenbang skala desa yang tidak ditampung kabupaten akhirnya dibiayai
APBDes (asumsi)."""
TAMPUNG = ("APBDes", "provinsi", "tidak")
"""Nilai ``ditampung_oleh`` selain nomor program OPD."""


def _expit(x: Any) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-x))


def buat_perencanaan(
    r: Any,
    kebutuhan: Any,
    belanja: pd.DataFrame,
    rng_usulan: np.random.Generator,
    rng_program: np.random.Generator,
    rng_tampung: np.random.Generator,
) -> dict[str, pd.DataFrame]:
    """Tabel ``usulan``, ``usulan_tindak_lanjut``, ``program``, dan ``program_desa``.

    ``r`` adalah keadaan kerja generator (``sintetis._Ruang``), ``kebutuhan`` skor kesenjangan
    per desa-tahun × layanan, ``belanja`` tabel belanja APBDes yang sudah dibangkitkan (batas
    anggaran usulan yang ditampung APBDes). Tiga aliran bilangan acak terpisah.
    """
    from p3pd.layanan import referensi_jenis

    ref = referensi_jenis().set_index("jenis")
    usulan = _usulan(r, kebutuhan, rng_usulan, ref)
    program, program_desa = _program(r, kebutuhan, usulan, rng_program, ref)
    usulan = _tampung(usulan, program_desa, belanja, rng_tampung, ref)
    tindak = usulan[["id_usulan", "tahun_usulan", "jenis", "jalur", "ditampung_oleh"]]
    return {
        "usulan": usulan,
        "usulan_tindak_lanjut": tindak.copy(),
        "program": program,
        "program_desa": program_desa,
    }


def _usulan(r: Any, kebutuhan: Any, rng: np.random.Generator, ref: pd.DataFrame) -> pd.DataFrame:
    """Usulan desa (2–6 per desa-tahun rencana) menurut kesenjangan layanannya, dengan jalurnya."""
    import numpy as np
    import pandas as pd

    layanan = list(skema.LAYANAN)
    templat = sorted(
        ((ref.at[j, "layanan"], u, a, b, j) for j, u, a, b in TEMPLAT_USULAN),
        key=lambda t: layanan.index(t[0]),
    )
    lay_t = np.array([layanan.index(t[0]) for t in templat])
    n_dt = r.n_desa * r.n_tahun
    # pilih templat tanpa pengulangan: Gumbel top-k dengan bobot kebutuhan layanan
    kunci = 0.9 * kebutuhan[:, lay_t] + rng.gumbel(size=(n_dt, len(templat)))
    urut = np.argsort(-kunci, axis=1, kind="stable")[:, :6]
    banyak = rng.integers(2, 7, n_dt)
    baris_dt, kol = np.nonzero(np.arange(6)[None, :] < banyak[:, None])
    tj = urut[baris_dt, kol]
    li = lay_t[tj]
    skor = kebutuhan[baris_dt, li] + rng.normal(0.0, 0.8, len(tj))
    prioritas = np.where(skor > 0.5, "tinggi", np.where(skor < -0.5, "rendah", "sedang"))
    bmin = np.array([t[2] for t in templat])[tj]
    bmax = np.array([t[3] for t in templat])[tj]
    biaya = np.round(rng.uniform(bmin, bmax) * 2) * 500_000  # kelipatan Rp500 ribu
    jenis = np.array([t[4] for t in templat], dtype=object)[tj]
    kewenangan = ref.loc[jenis, "kewenangan"].to_numpy()
    peluang = np.array([PELUANG_KE_MUSRENBANG[k] for k in kewenangan])
    jalur = np.where(rng.random(len(tj)) < peluang, "Musrenbang", "RKPDes")
    desa = baris_dt // r.n_tahun
    tahun = r.tahun[baris_dt % r.n_tahun]
    kode_polos = np.char.replace(r.kode_desa.astype(str), ".", "")
    id_usulan = [
        f"U{t % 100:02d}-{kode_polos[d]}-{k + 1:02d}"
        for t, d, k in zip(tahun.tolist(), desa.tolist(), kol.tolist(), strict=True)
    ]
    hasil = pd.DataFrame(
        {
            "id_usulan": id_usulan,
            "kode_desa": r.kode_desa[desa],
            "tahun": tahun,
            "tahun_usulan": tahun - 1,
            "layanan": np.array(layanan, dtype=object)[li],
            "uraian": np.array([t[1] for t in templat], dtype=object)[tj],
            "perkiraan_biaya": biaya.astype("int64"),
            "prioritas": prioritas,
            "jenis": jenis,
            "jalur": jalur,
            "_dt": baris_dt,
        }
    )
    return hasil.sort_values("id_usulan", kind="stable").reset_index(drop=True)


def _program(
    r: Any, kebutuhan: Any, usulan: pd.DataFrame, rng: np.random.Generator, ref: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Program OPD per kabupaten-tahun dan rinciannya per desa sasaran."""
    import numpy as np
    import pandas as pd

    layanan = list(skema.LAYANAN)
    daftar_jenis = list(ref.index)
    n_dt = r.n_desa * r.n_tahun
    # usulan Musrenbang per desa-tahun × jenis (permintaan yang sampai ke kabupaten)
    mus = usulan[usulan["jalur"] == "Musrenbang"]
    diminta = np.zeros((n_dt, len(daftar_jenis)), dtype=bool)
    diminta[mus["_dt"].to_numpy(), [daftar_jenis.index(j) for j in mus["jenis"]]] = True

    program: list[dict[str, Any]] = []
    rinci: list[pd.DataFrame] = []
    kode_kab = r.kab["kode_kabupaten"].to_numpy()
    desa_kab = [np.flatnonzero(r.kab_idx == i) for i in range(len(r.kab))]
    for i, kab in enumerate(kode_kab):
        desa = desa_kab[i]
        for t, tahun in enumerate(r.tahun):
            n_prog = int(rng.integers(15, min(30, len(_TEMPLAT_PROGRAM)) + 1))
            pilih = np.sort(rng.choice(len(_TEMPLAT_PROGRAM), n_prog, replace=False))
            dt = desa * r.n_tahun + t
            for nomor, j in enumerate(pilih, start=1):
                tp = _TEMPLAT_PROGRAM[j]
                lay = str(ref.at[tp.jenis, "layanan"])
                li, ji = layanan.index(lay), daftar_jenis.index(tp.jenis)
                k = int(min(len(desa), rng.integers(5, 41)))
                # γ: mengikuti kesenjangan; β: mengikuti usulan Musrenbang berjenis sama
                acak = rng.random() < PANGSA_PROGRAM_ACAK
                gamma = 0.0 if acak else rng.uniform(0.5, 2.5)
                beta = 0.0 if acak else rng.uniform(0.5, 3.0)
                kunci = (
                    gamma * kebutuhan[dt, li] + beta * diminta[dt, ji] + rng.gumbel(size=len(desa))
                )
                dipilih = np.sort(np.argsort(-kunci, kind="stable")[:k])
                per_desa = rng.uniform(*tp.biaya) * 1_000_000
                anggaran = np.round(per_desa * rng.uniform(0.7, 1.3, k) / 1_000_000) * 1_000_000
                volume = rng.integers(tp.volume[0], tp.volume[1] + 1, k)
                sumber = tp.sumber_dana[int(rng.integers(0, len(tp.sumber_dana)))]
                id_program = f"P{tahun % 100:02d}-{kab.replace('.', '')}-{nomor:02d}"
                kode = r.kode_desa[desa[dipilih]]
                program.append(
                    {
                        "id_program": id_program,
                        "kode_kabupaten": kab,
                        "tahun": int(tahun),
                        "opd": tp.opd,
                        "program": tp.program,
                        "layanan": lay,
                        "desa_sasaran": ";".join(kode),
                        "anggaran": int(anggaran.sum()),
                    }
                )
                rinci.append(
                    pd.DataFrame(
                        {
                            "id_program": id_program,
                            "kode_desa": kode,
                            "tahun": int(tahun),
                            "jenis": tp.jenis,
                            "indikator_keluaran": tp.indikator,
                            "satuan": tp.satuan,
                            "target_volume": volume.astype("int64"),
                            "anggaran": anggaran.astype("int64"),
                            "sumber_dana": sumber,
                        }
                    )
                )
    return pd.DataFrame(program), pd.concat(rinci, ignore_index=True)


def _tampung(
    usulan: pd.DataFrame,
    program_desa: pd.DataFrame,
    belanja: pd.DataFrame,
    rng: np.random.Generator,
    ref: pd.DataFrame,
) -> pd.DataFrame:
    """Isi ``ditampung_oleh`` dan ``diakomodasi`` dari program per desa dan anggaran APBDes."""
    import numpy as np
    import pandas as pd

    u = usulan.copy()
    n = len(u)
    # program pertama (nomor terkecil) yang menyasar desa itu, tahun itu, jenis itu
    cocok = (
        program_desa.sort_values("id_program")
        .drop_duplicates(["kode_desa", "tahun", "jenis"])
        .set_index(["kode_desa", "tahun", "jenis"])["id_program"]
    )
    kunci = list(zip(u["kode_desa"], u["tahun"], u["jenis"], strict=True))
    prog = cocok.reindex(kunci).to_numpy(dtype=object)
    ada_prog = pd.notna(prog)
    kew = ref.loc[u["jenis"], "kewenangan"].to_numpy()
    sub = ref.loc[u["jenis"], "kode_sub_bidang"].to_numpy()
    mus = (u["jalur"] == "Musrenbang").to_numpy()
    undi = rng.random((n, 2))

    hasil = np.full(n, "tidak", dtype=object)
    # 1. Musrenbang: program kabupaten yang cocok; selain itu kadang provinsi
    hasil[mus & ada_prog] = prog[mus & ada_prog]
    provinsi = mus & ~ada_prog & (kew != "desa") & (undi[:, 0] < PELUANG_PROVINSI)
    hasil[provinsi] = "provinsi"
    # 2. calon APBDes: jalur RKPDes, atau usulan Musrenbang skala desa yang tak ditampung
    bisa_desa = sub != ""
    calon = bisa_desa & np.where(
        mus,
        (hasil == "tidak") & (undi[:, 1] < PELUANG_APBDES_SUSULAN),
        undi[:, 1] < PELUANG_APBDES_RKPDES,
    )
    # anggaran sub-bidang desa-tahun membatasi: prioritas tinggi lebih dulu, lalu nomor usulan
    pagu = belanja.set_index(["kode_desa", "tahun", "kode_sub_bidang"])["anggaran"]
    c = u.loc[calon, ["kode_desa", "tahun", "perkiraan_biaya", "prioritas"]].copy()
    c["sub"] = sub[calon]
    c["urut"] = c["prioritas"].map({"tinggi": 0, "sedang": 1, "rendah": 2})
    c = c.sort_values(["urut"], kind="stable")
    c["kumulatif"] = c.groupby(["kode_desa", "tahun", "sub"])["perkiraan_biaya"].cumsum()
    batas = pagu.reindex(list(zip(c["kode_desa"], c["tahun"], c["sub"], strict=True)))
    muat = c.index[c["kumulatif"].to_numpy() <= batas.fillna(0).to_numpy()]
    hasil[muat.to_numpy()] = "APBDes"
    # 3. usulan RKPDes yang tidak muat di APBDes: program kabupaten yang menyasar desa itu
    sisa = ~mus & (hasil == "tidak") & ada_prog
    hasil[sisa] = prog[sisa]
    u["ditampung_oleh"] = hasil
    u["diakomodasi"] = np.where(hasil == "tidak", "tidak", "ya")
    return u.drop(columns="_dt")


def teks_sumber() -> str:
    """Bagian ``data/SUMBER.md`` tentang usulan, tindak lanjut, dan program OPD (Markdown)."""
    return (
        "- Usulan: 2–6 per desa per **tahun rencana** `tahun`, disusun di Musrenbang desa pada"
        " `tahun_usulan` = `tahun` − 1 (usulan Musrenbang tahun t masuk RKPD/program tahun"
        " t + 1). Templat dipilih tanpa pengulangan dengan bobot kesenjangan desa; perkiraan"
        " biaya seragam dalam rentang templat (kelipatan Rp500 ribu); prioritas menurut skor"
        " kesenjangan + acak.\n"
        "- Jalur (`usulan_tindak_lanjut.jalur`): kewenangan jenis usulan (kolom `kewenangan`"
        " di `referensi/jenis_layanan.csv`) menentukan peluang diteruskan ke Musrenbang"
        " kecamatan: "
        + ", ".join(
            f"{k} {v * 100:.0f} %".replace(".", ",") for k, v in PELUANG_KE_MUSRENBANG.items()
        )
        + "; sisanya jalur RKPDes (APBDes sendiri). Usulan berkewenangan desa di jalur"
        " Musrenbang adalah **usulan salah alamat** yang sengaja dibuat untuk latihan"
        " memilah.\n"
        "- Program OPD: 15–28 program per kabupaten-tahun dari templat (OPD, program, jenis,"
        " biaya per desa, indikator keluaran, satuan, volume per desa, sumber dana). Desa"
        " sasaran 5–40 per program, dipilih dengan kunci γ × kesenjangan + β × ada usulan"
        f" Musrenbang berjenis sama + acak Gumbel. Untuk {PANGSA_PROGRAM_ACAK * 100:.0f} %"
        " program γ = β = 0 (sasaran tidak mengikuti kebutuhan maupun usulan); program lain"
        " γ ~ U(0,5; 2,5) dan β ~ U(0,5; 3). Anggaran per desa = biaya templat × U(0,7; 1,3)"
        " (dibulatkan ke juta); anggaran program = jumlah anggaran desanya. Sumber dana satu"
        " per program, diundi dari pilihan templat (APBD kabupaten, DAK fisik, DAK nonfisik,"
        " bantuan keuangan provinsi) — pemetaan program ke sumber dana adalah asumsi.\n"
        "- Tindak lanjut (`ditampung_oleh`), diturunkan dari kedua tabel: usulan Musrenbang"
        " ditampung program OPD pertama yang menyasar desa itu dengan jenis yang sama pada"
        " tahun rencananya; bila tidak ada, ditampung `provinsi` dengan peluang"
        f" {PELUANG_PROVINSI * 100:.0f} % (bukan kewenangan desa), atau akhirnya dibiayai"
        f" `APBDes` dengan peluang {PELUANG_APBDES_SUSULAN * 100:.0f} % (jenis yang punya"
        " sub-bidang APBDes). Usulan jalur RKPDes masuk `APBDes` dengan peluang"
        f" {PELUANG_APBDES_RKPDES * 100:.0f} %. Usulan ke APBDes hanya diterima selama jumlah"
        " perkiraan biayanya (prioritas tinggi lebih dulu) tidak melebihi anggaran sub-bidang"
        " itu di `apbdes_belanja.csv` untuk desa dan tahun itu; usulan RKPDes yang tidak muat"
        " ditampung program yang menyasar desa itu bila ada. Usulan `tidak` tidak pernah"
        " punya program yang cocok; `diakomodasi` = `ya` tepat bila `ditampung_oleh` ≠"
        " `tidak`.\n"
    )
