"""Uji di peramban sungguhan: yang dilihat peserta di JupyterLab, bukan hanya keluaran nbval.

Chromium Debian (``/usr/bin/chromium``, dipasang ``.ci/run`` lewat apt) dikendalikan Playwright;
JupyterLab berjalan di 127.0.0.1 dengan token acak. Notebook dibuka dari SALINAN di folder
sementara (notebook repositori tidak pernah diubah), lalu dijalankan semua selnya seperti
peserta menekan Run → Run All Cells pada layar 1366×768. Tangkapan layar disimpan ke
``keluaran/tangkapan_layar/`` (tidak di-commit). Uji dilewati hanya bila Chromium tidak ada.
"""

from __future__ import annotations

import peramban
import pytest

from p3pd import wilayah

pytestmark = [pytest.mark.peramban, pytest.mark.lambat]

JALUR_CHROMIUM = peramban.cari_chromium()
if JALUR_CHROMIUM is None:
    pytest.skip(
        "Chromium tidak ditemukan (uji peramban dilewati). Pasang dengan: "
        f"{peramban.CARA_PASANG_CHROMIUM} — .ci/run memasangnya sendiri.",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """Satu server JupyterLab untuk semua uji di berkas ini (folder kerja berisi salinan)."""
    with peramban.jupyterlab(tmp_path_factory.mktemp("lab dengan spasi é")) as server:
        yield server


@pytest.fixture(scope="module")
def chromium():
    with peramban.chromium(JALUR_CHROMIUM) as b:
        yield b


@pytest.fixture
def halaman(chromium, request):
    """Tab baru 1366×768; setiap permintaan jaringan dicatat di ``halaman.permintaan``."""
    konteks = chromium.new_context(viewport=peramban.UKURAN_LAYAR, locale="id-ID")
    tab = konteks.new_page()
    tab.permintaan = []
    konteks.on("request", lambda r: tab.permintaan.append(r.url))
    yield tab
    tab.screenshot(path=str(peramban.folder_tangkapan() / f"{request.node.name}.png"))
    konteks.close()


def _periksa_bersih(halaman, lab) -> None:
    """Tanpa galat, tanpa widget rusak, tanpa notifikasi, tanpa permintaan ke luar localhost."""
    galat = peramban.keluaran_galat(halaman)
    assert not galat, f"sel dengan galat: {galat}"
    # Hanya keluaran sel: teks pelajaran boleh menyebut pesan itu.
    teks = "\n".join(halaman.locator("#main .jp-OutputArea-output").all_text_contents())
    assert "Error displaying widget" not in teks
    assert "Traceback" not in teks
    assert peramban.jumlah_notifikasi(halaman) == 0, (
        "notifikasi JupyterLab tampil: "
        + halaman.locator(".jp-toastContainer").inner_text()
        + "\n(setelan jupyter-config/ tidak terpakai?)"
    )
    assert "official Jupyter news" not in halaman.inner_text("body")
    luar = sorted({u for u in halaman.permintaan if not peramban.alamat_lokal(u)})
    assert not luar, f"halaman JupyterLab meminta alamat di luar localhost: {luar}"
    assert any(u.startswith(lab.dasar) for u in halaman.permintaan), "pencatat permintaan buta"


def test_notebook_00_berjalan_tanpa_galat_dan_tanpa_notifikasi(lab, halaman):
    nama = lab.salin("notebooks/00_mulai_di_sini.ipynb")
    peramban.buka_notebook(halaman, lab, nama)
    peramban.jalankan_semua(halaman)
    assert halaman.locator(".jp-OutputArea-output").count() > 3
    _periksa_bersih(halaman, lab)


# Benar bila isi penjelajah (di sel yang memuat Dropdown) sudah tampil dan berbeda dari ``arg``.
_JS_ISI_PENJELAJAH = """(awal) => {
  const sel = [...document.querySelectorAll('.jp-CodeCell')]
    .find(c => c.querySelector('.widget-dropdown'));
  const isi = sel && sel.querySelector('.p3pd-penjelajah');
  return !!isi && isi.innerText.trim() !== '' && isi.innerText !== awal;
}"""


def _sel_penjelajah(halaman):
    nb = halaman.locator(peramban.NOTEBOOK_AKTIF)
    return nb.locator(".jp-CodeCell", has=halaman.locator(".widget-dropdown")).first


def _teks_penjelajah(halaman) -> str:
    return _sel_penjelajah(halaman).locator(".p3pd-penjelajah").inner_text()


def test_notebook_04_penjelajah_dan_tabel_lebar(lab, halaman):
    nama = lab.salin("notebooks/04_diagnosis_desa_prioritas.ipynb")
    peramban.buka_notebook(halaman, lab, nama)
    peramban.jalankan_semua(halaman)
    _periksa_bersih(halaman, lab)

    # Tabel lampu desa × indikator lebih lebar dari layar; kolom nama desa tetap terlihat
    # setelah tabel digulir sampai ujung kanan.
    posisi = halaman.evaluate(
        """(judul) => {
          const t = [...document.querySelectorAll('table')]
            .find(t => t.caption && t.caption.textContent.includes(judul));
          if (!t) return null;
          t.scrollIntoView({block: 'center'});
          let g = t.parentElement;
          while (g && !(g.scrollWidth > g.clientWidth + 1
                        && ['auto', 'scroll'].includes(getComputedStyle(g).overflowX))) {
            g = g.parentElement;
          }
          if (!g) return {lebar: t.getBoundingClientRect().width, digulir: 0};
          g.scrollLeft = g.scrollWidth;
          const sel = t.tBodies[0].rows[0].cells[0];
          const r = sel.getBoundingClientRect(), w = g.getBoundingClientRect();
          const atas = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
          return {lebar: t.getBoundingClientRect().width, ruang: w.width, digulir: g.scrollLeft,
                  kiri: r.left, kanan: r.right, ruang_kiri: w.left, ruang_kanan: w.right,
                  nama: sel.textContent, terlihat: sel.contains(atas)};
        }""",
        "Matriks masalah Kecamatan Tuntang",
    )
    assert posisi is not None, "tabel lampu Kecamatan Tuntang tidak tampil"
    assert posisi["lebar"] > peramban.UKURAN_LAYAR["width"] * 0.8, posisi
    assert posisi["digulir"] > 0, f"tabel lebar tidak dapat digulir ke samping: {posisi}"
    assert posisi["ruang_kiri"] - 1 <= posisi["kiri"], posisi
    assert posisi["kanan"] <= posisi["ruang_kanan"] + 1, posisi
    assert posisi["terlihat"], f"kolom nama desa tertutup sel lain: {posisi}"
    assert posisi["nama"].strip()
    halaman.screenshot(path=str(peramban.folder_tangkapan() / "04_tabel_lampu_digulir.png"))

    # Penjelajah: ganti kecamatan → isi berubah; geser slider → isi berubah.
    sel = _sel_penjelajah(halaman)
    sel.scroll_into_view_if_needed()
    # Widget digambar sesudah kernel diam: tunggu sampai isinya tampil.
    halaman.wait_for_function(_JS_ISI_PENJELAJAH, arg="", timeout=60_000)
    awal = _teks_penjelajah(halaman)
    assert "Tuntang" in awal
    pilihan = sel.get_by_label("Kecamatan", exact=True)
    label = [t.strip() for t in pilihan.locator("option").all_inner_texts()]
    lain = next(t for t in label if t.startswith("Getasan"))
    pilihan.select_option(label=lain)
    halaman.wait_for_function(_JS_ISI_PENJELAJAH, arg=awal, timeout=60_000)
    getasan = _teks_penjelajah(halaman)
    assert "Getasan" in getasan and getasan != awal

    slider = sel.locator(".widget-hslider").filter(
        has=halaman.get_by_text("Desa prioritas", exact=True)
    )
    nilai_awal = slider.locator(".widget-readout").inner_text().strip()
    slider.locator(".noUi-handle").focus()
    halaman.keyboard.press("ArrowRight")
    halaman.wait_for_function(_JS_ISI_PENJELAJAH, arg=getasan, timeout=60_000)
    assert slider.locator(".widget-readout").inner_text().strip() != nilai_awal
    assert _teks_penjelajah(halaman) != getasan
    _periksa_bersih(halaman, lab)


def _jawab(halaman, nomor: int, jawaban: str) -> str:
    """Ketik jawaban di sel ``jawaban_N = ...`` seperti peserta, jalankan sel itu dan sel cek."""
    nb = halaman.locator(peramban.NOTEBOOK_AKTIF)
    sel = nb.locator(".jp-CodeCell", has_text=f"jawaban_{nomor} =").first
    sel.scroll_into_view_if_needed()
    sel.locator(".cm-content").click()
    halaman.keyboard.press("Control+A")
    halaman.keyboard.type(f"jawaban_{nomor} = {jawaban}")
    halaman.keyboard.press("Shift+Enter")  # jalankan sel jawaban, pindah ke sel cek
    halaman.keyboard.press("Shift+Enter")  # jalankan sel cek
    halaman.wait_for_function(peramban.JS_SELESAI, timeout=60_000)
    cek = nb.locator(".jp-CodeCell", has_text=f"cek(jawaban_{nomor}").first
    return cek.locator(".jp-OutputArea").inner_text()


def test_latihan_00_umpan_balik_salah_lalu_benar(lab, halaman):
    nama = lab.salin("exercises/00_mulai_di_sini.ipynb", "latihan_00.ipynb")
    peramban.buka_notebook(halaman, lab, nama)
    peramban.jalankan_semua(halaman)
    _periksa_bersih(halaman, lab)
    assert "Belum dijawab" in halaman.locator(peramban.NOTEBOOK_AKTIF).inner_text()

    kecamatan = wilayah.daftar_kecamatan()
    benar = int((kecamatan["nama_kabupaten"] == "Kabupaten Banjar").sum())
    umpan_salah = _jawab(halaman, 1, str(benar + 1))
    assert "Belum tepat" in umpan_salah, umpan_salah
    assert "Benar!" not in umpan_salah
    umpan_benar = _jawab(halaman, 1, str(benar))
    assert "Benar!" in umpan_benar, umpan_benar
    _periksa_bersih(halaman, lab)
