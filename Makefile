# Two commands for a newcomer: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo serve services test-services lock bench-kennisbank bench-search bench-ws bench-upload bench-replies check gates clean

run: install migrate demo serve ## install, migrate, load demo content and serve on http://localhost:8000

test: install ## run the whole test suite (service tests skip unless their service is configured)
	$(PY) -m pytest $(PYTEST_ARGS)

install: $(STAMP)

# Reinstall only when the lock file or the project metadata changed.
$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is nodig ($(PYTHON) niet gevonden)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@mkdir -p var
	@touch $(STAMP)

migrate: install
	$(PY) manage.py migrate --no-input

demo: install
	$(PY) manage.py loaddemo

serve: install
	@echo "Serving HTTP and WebSockets on http://localhost:$(PORT)/ (Ctrl-C stops)"
	$(VENV)/bin/daphne -b $(HOST) -p $(PORT) kennisplatform.asgi:application

services: ## start real PostgreSQL, Redis, Elasticsearch and Chromium (root, Debian)
	bash scripts/services/up.sh

test-services: services install ## the whole suite against real services, as CI runs it
	set -a && . scripts/services/.env.services && set +a && REQUIRE_SERVICES=1 $(PY) -m pytest $(PYTEST_ARGS)

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

gates: install ## the quality gates CI runs before the tests: lint, format, migrations, catalogues
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_catalogues.py

lock: ## re-pin requirements.lock from requirements.in
	test -x $(VENV)/bin/uv || $(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile --quiet --python-version 3.11 --generate-hashes --no-header requirements.in -o requirements.lock

bench-kennisbank: install
	$(PY) benchmarks/kennisbank_render.py

bench-search: install
	$(PY) benchmarks/search_benchmark.py

bench-ws: install
	$(PY) benchmarks/ws_delivery.py

bench-upload: install
	$(PY) benchmarks/upload_memory.py

bench-replies: install
	$(PY) benchmarks/reply_fanout.py

clean:
	rm -rf var $(VENV)
