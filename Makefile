# Reloop: `make run` serves the app with demo data; `make test` runs everything CI runs.
# Both install what they need first (Python packages with uv, Node packages with npm).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := backend/.venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
export UV_PYTHON_DOWNLOADS := never
PYTEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help install run dev test lint lint-backend lint-frontend openapi openapi-check \
        test-backend test-frontend e2e chromium build clean bench bench-signin bench-item \
        bench-images bench-data bench-feed bench-search bench-checkout wrk bench-1m \
        bench-feed-stages bench-soak bench-pages bench-checkout-stages

help: ## Show the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# --- installation -------------------------------------------------------------------

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed: backend/requirements-dev.lock backend/pyproject.toml | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(BIN)/python backend/requirements-dev.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e backend
	touch $@

frontend/node_modules/.installed: frontend/package-lock.json frontend/package.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed frontend/node_modules/.installed ## Install backend and frontend dependencies

FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/public -type f 2>/dev/null)
frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run build

build: frontend/dist/index.html ## Build the single-page app

# --- running ------------------------------------------------------------------------

run: install build ## Serve Reloop at http://localhost:8000 with demo data
	$(BIN)/reloop run --demo

dev: install ## API and worker with hot reload, plus Vite at http://localhost:5173
	$(BIN)/reloop services up
	trap 'kill 0' EXIT; \
	  $(BIN)/reloop api --reload & \
	  $(BIN)/reloop worker & \
	  (cd frontend && npm run dev) & \
	  wait

# --- quality ------------------------------------------------------------------------

lint: lint-backend lint-frontend openapi-check ## ruff, mypy --strict, import-linter, ESLint, tsc

lint-backend: $(VENV)/.installed
	cd backend && .venv/bin/ruff check . ../bench
	cd backend && .venv/bin/ruff format --check . ../bench
	cd backend && .venv/bin/mypy
	cd backend && .venv/bin/lint-imports

lint-frontend: frontend/node_modules/.installed
	cd frontend && npm run lint

openapi: install ## Regenerate frontend/openapi.json and the typed client
	$(BIN)/reloop openapi --output frontend/openapi.json
	cd frontend && npm run generate:api

openapi-check: install ## Fail when the committed OpenAPI or client is stale
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	  $(BIN)/reloop openapi --output $$tmp/openapi.json; \
	  if ! cmp -s $$tmp/openapi.json frontend/openapi.json; then \
	    echo "frontend/openapi.json is stale: run 'make openapi' and commit the result"; exit 1; fi; \
	  cp frontend/src/api/schema.d.ts $$tmp/schema.d.ts.committed; \
	  (cd frontend && npm run --silent generate:api >/dev/null); \
	  if ! cmp -s frontend/src/api/schema.d.ts $$tmp/schema.d.ts.committed; then \
	    cp $$tmp/schema.d.ts.committed frontend/src/api/schema.d.ts; \
	    echo "frontend/src/api/schema.d.ts is stale: run 'make openapi' and commit the result"; exit 1; fi

# --- tests --------------------------------------------------------------------------

test: lint test-backend test-frontend e2e ## Everything CI runs

test-backend: $(VENV)/.installed ## pytest against real PostgreSQL, Redis, SMTP and Celery
	cd backend && .venv/bin/pytest -n $(PYTEST_WORKERS)

test-frontend: frontend/node_modules/.installed ## Vitest component tests
	cd frontend && npm test

chromium: ## Debian's Chromium for the browser journeys (never a downloaded browser)
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "Install Debian's chromium package (apt-get install chromium)"; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; fi

e2e: install build chromium ## Playwright journeys against a real `reloop run`
	cd frontend && npm run e2e

# --- benchmarks (see bench/README.md) ---------------------------------------------------

bench: bench-signin bench-item bench-checkout bench-checkout-stages bench-images ## The small-data benchmarks; results in bench/results/

bench-signin: install ## Sign-ins under load while /healthz stays fast
	$(BIN)/python bench/signin_load.py

bench-item: install wrk ## Item detail against the bare baseline on the small data set
	$(BIN)/python bench/item_detail.py

bench-checkout: install wrk ## Checkout of one listing per request, one API worker, small data set
	$(BIN)/python bench/checkout.py

bench-checkout-stages: install ## Where one checkout's CPU goes, in-process on the small data set
	$(BIN)/python bench/checkout_stages.py

bench-images: install ## 12 MP photos: upload complete until variants are ready
	$(BIN)/python bench/image_pipeline.py

# The 1m data set lives in its own database on a PostgreSQL server you run (not embedded).
BENCH_PG ?= postgresql://postgres@127.0.0.1:5432
BENCH_1M_DB ?= reloop_bench_1m

bench-data: install ## Load the 1m data set into a new database (about 10 minutes, 5.5 GB)
	psql "$(BENCH_PG)/postgres" -qc 'CREATE DATABASE $(BENCH_1M_DB)'
	RELOOP_DATABASE_URL=$(BENCH_PG)/$(BENCH_1M_DB) $(BIN)/reloop migrate
	RELOOP_DATABASE_URL=$(BENCH_PG)/$(BENCH_1M_DB) $(BIN)/reloop seed --bench 1m

bench-feed: install wrk ## Home feed and price-drop fan-out on the 1m data set (bench-data first)
	$(BIN)/python bench/feed.py --database-url $(BENCH_PG)/$(BENCH_1M_DB)

bench-search: install wrk ## Search with facets, four sorts and suggestions on the 1m data set (bench-data first)
	$(BIN)/python bench/search.py --database-url $(BENCH_PG)/$(BENCH_1M_DB)

bench-pages: install wrk ## Item detail and profiles on the 1m data set, against the bare baseline (bench-data first)
	$(BIN)/python bench/pages.py --database-url $(BENCH_PG)/$(BENCH_1M_DB)

bench-feed-stages: install ## Where one feed request's time goes, in-process on the 1m data set (bench-data first)
	$(BIN)/python bench/feed_stages.py --database-url $(BENCH_PG)/$(BENCH_1M_DB)

bench-1m: bench-feed bench-search bench-pages bench-feed-stages ## Every benchmark on the 1m data set (bench-data first)

SOAK_MINUTES ?= 30
bench-soak: install ## Mixed load on the small data set for SOAK_MINUTES (30): 5xx, latency and API memory over time
	$(BIN)/python bench/soak.py --minutes $(SOAK_MINUTES)

wrk:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk >/dev/null; }

clean: ## Remove installed dependencies and build output (keeps var/ data)
	rm -rf $(VENV) .tools frontend/node_modules frontend/dist
