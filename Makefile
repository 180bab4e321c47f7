# Perintah utama kurikulum P3PD 1D. Semua target memasang lingkungan .venv sendiri bila perlu.
#   make handout   — pasang, lalu bangun handout empat provinsi (HTML + PDF) di handout/
#   make uji       — pasang, lalu jalankan semua uji (lint, unit, notebook dengan nbval, handout)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.terpasang

.PHONY: handout uji pasang ringkasan data latihan segarkan bench lint lab bersih

$(STAMP): pyproject.toml jupyter-config/pasang_setelan.py $(wildcard jupyter-config/labconfig/*/*.json)
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 10) <= v <= (3, 13) else "Perlu Python 3.10–3.13, ditemukan %d.%d" % v)'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) jupyter-config/pasang_setelan.py
	@touch $(STAMP)

pasang: $(STAMP)  ## pasang lingkungan .venv

handout: $(STAMP)  ## bangun handout empat provinsi (HTML + PDF)
	$(VENV)/bin/p3pd handout --semua

uji: $(STAMP)  ## semua uji
	$(PY) -m ruff check .
	$(PY) -m pytest -n 2 --dist loadfile --no-loadscope-reorder

ringkasan: $(STAMP)  ## periksa data latihan dan cetak ringkasan
	$(VENV)/bin/p3pd ringkasan

data: $(STAMP)  ## buat ulang data latihan sintetis
	$(VENV)/bin/p3pd data

latihan: $(STAMP)  ## buat ulang exercises/ dari solutions/
	$(VENV)/bin/p3pd latihan

segarkan: $(STAMP)  ## jalankan ulang semua notebook dan simpan keluarannya
	$(VENV)/bin/p3pd latihan --segarkan

bench: $(STAMP)  ## ukur kecepatan (tidak termasuk uji)
	$(PY) benchmarks/bench_data.py
	$(PY) benchmarks/bench_handout.py

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

lab: $(STAMP)  ## buka JupyterLab (tanpa mengambil berita atau cek pembaruan dari internet)
	$(VENV)/bin/jupyter lab --LabApp.news_url=None \
		--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

bersih:
	rm -rf handout build .pytest_cache
