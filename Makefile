# `make demo` and `make test` work on a fresh machine: they install what is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FIXTURE := fixtures/cases/hrc54-item10

.PHONY: demo test test-fast setup system-deps test-deps bench clean

system-deps:
	@scripts/system-deps.sh

test-deps:
	@scripts/system-deps.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Dependencies are installed once per change of pyproject.toml; the package itself
# is reinstalled (not editable) on every run, so tests see what users install.
$(VENV)/.deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q hatchling '.[test]'
	touch $@

setup: system-deps $(VENV)/.deps
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation --force-reinstall .

demo: setup
	$(BIN)/hrc-report compare $(FIXTURE)/en.txt $(FIXTURE)/fr.txt --out out
	@echo "Reports: $(CURDIR)/out/report.html, $(CURDIR)/out/report.pdf, $(CURDIR)/out/report.json"

# pytest from the venv's bin (not `python -m pytest`) so the installed package,
# not the checkout, is what gets imported.
test: test-deps setup
	$(BIN)/pytest

# The quick tier for iterating: no real PDF renders (marker slow), 50 examples a
# property instead of 500; `make test` runs everything.
test-fast: test-deps setup
	HYPOTHESIS_PROFILE=dev $(BIN)/pytest -m "not slow" -q

bench: setup
	$(BIN)/python bench/compare_time.py

clean:
	rm -rf $(VENV) out build dist
