# Two commands on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
# Each sets up what it needs (system packages, .venv, the package) and skips what is already there.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := graphviz fonts-noto-cjk gettext
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench setup system-packages clean generate

demo: setup
	$(BIN)/mcx-author lint packs/
	$(BIN)/mcx-author i18n extract --check
	$(BIN)/mcx-author i18n update
	$(BIN)/mcx-author i18n report
	for pack in packs/*/; do \
	  $(BIN)/mcx-author render-diagram $$pack --all --locale all -o build/diagrams/$$(basename $$pack) || exit 1; \
	done

test: setup
	$(BIN)/python -m pytest -q

bench: setup $(VENV)/.bench-installed
	$(BIN)/python bench/lint_corpus.py
	$(BIN)/python bench/i18n_extract.py
	$(BIN)/python bench/render_all.py

$(VENV)/.bench-installed: pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	touch $@

setup: system-packages $(STAMP)

system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

generate: setup  ## regenerate the JSON Schemas and docs/lint-rules.md from their sources
	$(BIN)/python -m authoring.schema._generate
	$(BIN)/python -m authoring.lint.docs > docs/lint-rules.md

clean:
	rm -rf build $(VENV)
