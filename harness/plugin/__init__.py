"""The awslab pytest plugin: labs against an AWS emulator, inert in any other run.

Registered under ``pytest11``, so every pytest run in the virtualenv loads it;
it changes only lab runs. A run is a lab run when its rootdir's configuration
sets ``awslab_notes`` (every lab project, handout and grading workspace does),
or when ``--backend`` or ``AWSLAB_BACKEND`` names a backend. Only then does it
swap the user's AWS identity for fake credentials, refuse the network beyond
this machine, point every boto3 client at the backend (started on first use),
isolate each test (moto is reset; elsewhere what a test named is deleted after
it), read the claim markers and write the claims report. Its options, markers
and fixtures exist in every run, pytest-xdist's way; outside a lab run the
markers do nothing and a fixture that needs a backend fails in one line that
says how to make the run a lab run.

This module is the entry: options, configuration, the report header, and the
one place where a user's mistake (an ``AwslabError``) becomes one line. The
rest, by concern: ``fixtures`` (what a lab asks for, and isolation),
``markers`` (claims and emulator gaps, what a failed lab explains),
``collector`` (the claims report and the last run's outcomes), ``lab_run``
(the run's backend, guards and session, plain Python), ``gc_tuning``.
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from harness.backends.registry import BACKENDS
from harness.errors import AwslabError
from harness.model.notes import NOTES, Notes
from harness.plugin import markers
from harness.plugin.collector import ReportCollector
from harness.plugin.gc_tuning import CollectorTuning
from harness.plugin.keys import gc_tuning_key, run_key
from harness.plugin.lab_run import LabRun

# Fixtures in every run: outside a lab run they say how to make one.
pytest_plugins = ["harness.plugin.fixtures"]

BACKEND_VARIABLE = "AWSLAB_BACKEND"


def backend_choice(value: str) -> str:
    if value not in BACKENDS:
        raise argparse.ArgumentTypeError(
            f"unknown backend {value!r}: choose from {', '.join(BACKENDS)}"
        )
    return value


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("awslab", "AWS claims labs")
    group.addoption(
        "--backend",
        type=backend_choice,
        default=None,
        help="where AWS calls go: moto (default, embedded), localstack, dynamodb-local "
        "(DynamoDB labs only), or aws (real, needs AWSLAB_ALLOW_REAL_AWS=1). "
        f"Also env {BACKEND_VARIABLE}. "
        "Makes any run a lab run.",
    )
    group.addoption(
        "--claims-report",
        metavar="DIR",
        default=None,
        help="write DIR/claims.json, claims.md and claims.html: each claim's verdict here",
    )
    parser.addini(
        "awslab_notes",
        f"the notes file that claim quotes are copied from, relative to rootdir ({NOTES}); "
        "setting it makes every run of the project a lab run",
        default=None,  # None, not the usual default: a project that sets it is a lab project
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "claim(id, quote, errata=None, source=None): links a test to the notes bullet it proves",
    )
    config.addinivalue_line(
        "markers",
        "emulator_gap(backend, ..., reason, race=False): on that emulator the test is a strict "
        "expected failure, because the emulator differs from AWS (race=True: differs only "
        "sometimes, so the test is skipped there)",
    )
    backend_name = config.getoption("backend") or os.environ.get(BACKEND_VARIABLE)
    notes_name = config.getini("awslab_notes")
    if not backend_name and not notes_name:
        return  # not a lab run: leave this run as it is
    # Registered before pytest's own clean-ups, so run after them: pytest's last garbage
    # collection still finds the run's objects frozen (see pytest_sessionfinish).
    config.add_cleanup(functools.partial(_end_collector_tuning, config))
    try:
        run = _open_lab_run(config, backend_name or "moto", notes_name)
    except AwslabError as error:
        raise pytest.UsageError(str(error)) from None
    config.stash[run_key] = run
    config.pluginmanager.register(markers, "awslab-markers")
    config.pluginmanager.register(ReportCollector(config, run), "awslab-claims-report")


def _open_lab_run(config: pytest.Config, backend_name: str, notes_name: str | None) -> LabRun:
    if backend_name not in BACKENDS:
        raise pytest.UsageError(
            f"{BACKEND_VARIABLE}={backend_name!r} is not a backend: "
            f"choose from {', '.join(BACKENDS)}"
        )
    notes = None
    if notes_name:
        if not (config.rootpath / notes_name).is_file():
            where = config.inipath or config.rootpath
            raise pytest.UsageError(
                f"awslab_notes = {notes_name!r} (in {where}) names no file under "
                f"{config.rootpath}: give the path of the notes, relative to that folder"
            )
        notes = Notes(config.rootpath / notes_name)
    elif (config.rootpath / NOTES).is_file():
        notes = Notes(config.rootpath / NOTES)
    run = LabRun(backend_name, notes, notes_name or NOTES)
    try:
        run.open()
    except BaseException:
        run.close()
        raise
    return run


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    run = config.stash.get(run_key, None)
    if run is not None:
        run.close()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    tuning = session.config.stash.get(gc_tuning_key, None)
    if tuning is not None:
        # What the tests made lives until the end too: pytest's garbage collections in
        # its unconfigure and clean-up (looking for unraisable exceptions) need not walk it.
        tuning.hold()


def _end_collector_tuning(config: pytest.Config) -> None:
    tuning = config.stash.get(gc_tuning_key, None)
    if tuning is not None:
        tuning.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    run = config.stash.get(run_key, None)
    if run is None:
        return None
    notes = run.notes.path if run.notes else "none (quotes are not checked)"
    return f"awslab: backend {run.backend_name}, notes {notes}"


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    if run_key not in session.config.stash:
        return
    # What is alive now (the libraries, the collected tests) lives until
    # the end of the run: see harness/plugin/gc_tuning.py for what that saves.
    tuning = session.config.stash[gc_tuning_key] = CollectorTuning()
    tuning.start()


@contextmanager
def _user_errors_in_one_line() -> Iterator[None]:
    """An ``AwslabError`` in a test's setup, call or teardown fails it with its message."""
    try:
        yield
    except AwslabError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    with _user_errors_in_one_line():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    with _user_errors_in_one_line():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    with _user_errors_in_one_line():
        return (yield)
