# Two commands on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
# Each sets up what it needs (system packages, .venv from the hashed lock, the package) and skips what is
# already there. `make lock` refreshes the lock on purpose; `make test-latest` runs the suite against the
# newest releases, without the lock, to see drift before it reaches users.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.txt
TOOLS_LOCK := requirements/tools.txt
SYSTEM_PACKAGES := graphviz fonts-noto-cjk gettext
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# pip's own chatter about unreachable extra indexes is noise here, not a problem
PIP_QUIET := -q --disable-pip-version-check

.PHONY: demo test test-latest bench bench-sizes setup system-packages lock clean generate

demo: setup
	$(BIN)/mcx-author lint packs/
	$(BIN)/mcx-author i18n extract --check
	$(BIN)/mcx-author i18n update
	$(BIN)/mcx-author i18n report
	$(BIN)/mcx-author i18n compile
	$(BIN)/mcx-author dry-run packs/serverless-web-app
	$(BIN)/mcx-author dry-run packs/agentic-ai-app
	for pack in packs/*/; do \
	  $(BIN)/mcx-author render-diagram $$pack --all --locale all -o build/diagrams/$$(basename $$pack) || exit 1; \
	done
	$(BIN)/mcx-author build packs/serverless-web-app
	$(BIN)/mcx-author build packs/agentic-ai-app
	$(BIN)/mcx-author build packs/serverless-web-app -o build/again
	cmp build/serverless-web-app-*.mcxpack build/again/serverless-web-app-*.mcxpack
	$(BIN)/mcx-author verify build/*.mcxpack

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/lint_corpus.py
	$(BIN)/python bench/i18n_extract.py
	$(BIN)/python bench/render_all.py
	$(BIN)/python bench/i18n_long_text.py
	$(BIN)/python bench/diagram_wrap.py
	$(BIN)/python bench/dry_run.py
	$(BIN)/python bench/build.py

bench-sizes: setup
	$(BIN)/python bench/diagram_size.py

setup: system-packages $(STAMP)

system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The virtualenv holds exactly the locked versions: made anew whenever the lock changes, every file
# checked against its hash, then mcx-author itself in editable mode with the locked setuptools.
$(STAMP): $(LOCK) pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_QUIET) --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install $(PIP_QUIET) --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

# Refresh both locks from pyproject.toml's ranges (newest compatible releases, every platform, Python 3.11+).
lock:
	$(PYTHON) -m venv .venv-tools
	.venv-tools/bin/python -m pip install $(PIP_QUIET) --require-hashes -r $(TOOLS_LOCK)
	.venv-tools/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	  --all-extras pyproject.toml requirements/build.in -o $(LOCK)
	.venv-tools/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	  requirements/tools.in -o $(TOOLS_LOCK)

# The same suite against the newest releases pyproject.toml allows, in a venv of its own (not the lock).
test-latest: system-packages
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install $(PIP_QUIET) --upgrade pip
	.venv-latest/bin/python -m pip install $(PIP_QUIET) --upgrade -e '.[dev,bench]'
	.venv-latest/bin/python -m pip freeze --exclude-editable > .venv-latest/versions.txt
	MCX_UNLOCKED=1 .venv-latest/bin/python -m pytest -q -p no:cacheprovider

generate: setup  ## regenerate the JSON Schemas and docs/lint-rules.md from their sources
	$(BIN)/python -m authoring.schema._generate
	$(BIN)/python -m authoring.lint.docs > docs/lint-rules.md

clean:
	rm -rf build $(VENV) .venv-latest .venv-tools
