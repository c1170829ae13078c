# The two commands a new user needs (see README.md). Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: labs test lint browser clean

## labs: every lab on the embedded moto backend; claims report in reports/
labs: $(VENV)/.installed
	$(BIN)/pytest labs -n 2 --claims-report reports

# Every lab: a service this LocalStack does not run (Lambda without Docker, DynamoDB
# without its download, Cognito, X-Ray and ECS outside the free edition) skips its
# tests with that reason.
LOCALSTACK_LABS := labs

## lint: ruff (lint and format) on the code, mypy on the harness; configured in pyproject.toml
lint: $(VENV)/.installed
	$(BIN)/ruff check harness tests bench labs
	$(BIN)/ruff format --check harness tests bench labs
	$(BIN)/mypy

## test: lint, the harness's own tests and every lab on moto, then the labs on LocalStack
## (host mode, when Python 3.13 is at hand; required in CI), and the parity page
test: lint $(VENV)/.installed browser
	@trap '$(BIN)/awslab localstack down >/dev/null 2>&1' EXIT; \
	if $(BIN)/awslab localstack up --no-docker; then localstack=1; \
	elif [ "$$CI" = true ]; then exit 1; \
	else localstack=0; echo "note: LocalStack did not start; its leg is skipped (awslab doctor says why)"; fi; \
	$(BIN)/pytest tests labs -n 2 --dist loadgroup --claims-report reports/moto || exit $$?; \
	[ $$localstack = 1 ] || exit 0; \
	$(BIN)/pytest $(LOCALSTACK_LABS) --backend localstack -n 4 -p no:randomly \
	  --claims-report reports/localstack || exit $$?; \
	$(BIN)/awslab report reports/moto/claims.json reports/localstack/claims.json --out reports

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("awslab needs Python 3.11 or newer: run make PYTHON=python3.11 ...") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# The claims page is checked in a real headless browser. Installed where we may
# (root with apt, as in CI); elsewhere that one test is skipped, with the reason.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
	  || echo "note: no chromium here; the claims-page browser test will be skipped"

clean:
	rm -rf $(VENV) reports .pytest_cache
