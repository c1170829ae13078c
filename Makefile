# The two commands a new user needs (see README.md). Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: labs test browser clean

## labs: every lab on the embedded moto backend; claims report in reports/
labs: $(VENV)/.installed
	$(BIN)/pytest labs -n 2 --claims-report reports

## test: the harness's own tests, then every lab (what CI runs)
test: $(VENV)/.installed browser
	$(BIN)/pytest tests labs -n 2 --dist loadgroup

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
