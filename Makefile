# One word per task. `make site` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test check generate serve bench lock lint schemas clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

site: $(STAMP)
	$(PY) -m generator build

check: $(STAMP)
	$(PY) -m generator check

generate: $(STAMP)
	$(PY) -m generator generate

serve: $(STAMP)
	$(PY) -m generator serve

test: $(STAMP) node_modules
	$(PY) -m pytest

# Node tools the tests use (the Nu HTML Checker), exactly as package-lock.json pins them.
node_modules: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch node_modules

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests

# Speed and memory at N = 100, 1,000 and 5,000 made-up explainers; writes bench/results.json.
bench: $(STAMP)
	$(PY) bench/run.py

schemas: $(STAMP)
	$(PY) -m generator schema --write

# Refresh the lock file from pyproject.toml in a throwaway environment.
lock:
	rm -rf build/lock-venv
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet --upgrade pip
	build/lock-venv/bin/pip install --quiet ".[test]"
	build/lock-venv/bin/pip freeze --exclude-editable --exclude explainers > requirements.lock
	rm -rf build/lock-venv

clean:
	rm -rf build site site.new site.old
