"""Fixtures for testing the harness itself, mostly through pytester."""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

import pytest

from harness.classroom import blank_check, workspace

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
LABS = ROOT / "labs"

NOTES = textwrap.dedent(
    """\
    #### aws integration and messaging
    - sqs:
      - message visibility timeout
        - by default 30 seconds, then after that, it becomes visible again
      - retention: 4 - 14 days
    """
)


@pytest.fixture
def lab(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytester project laid out like ours: notes file and ini in place."""
    pytester.makefile(".md", **{"notes/aws-dev-associate": NOTES})
    pytester.makeini("[pytest]\nawslab_notes = notes/aws-dev-associate.md\n")
    return pytester


#: The test that reads the blanked run of every lab (tests/test_every_lab.py).
BLANK_TEST = "test_a_student_who_wrote_nothing_fails"
blank_run_key = pytest.StashKey["BlankRun"]()


class BlankRun:
    """One run of the selected labs (every lab, unless ``-k`` says otherwise) with
    their solution regions blanked, beside the other tests.

    It starts as soon as the tests are collected and its tests run last, so that
    this process runs every other test meanwhile: the blanked run mostly waits (for
    effects that never come, within their bounds), which leaves CPU to spare. It runs
    in a process of its own, in the environment of the collection: a test here may
    change this process's (``AWS_PROFILE``, say, with monkeypatch) while it runs,
    and a lab module imported meanwhile would read it. Under xdist, the first worker
    to take the lock in the run's shared folder makes the results; another one waits
    for them there and reads them.
    """

    def __init__(self, shared: Path | None, labs: list[Path]) -> None:
        self._shared = shared
        self._labs = labs
        self._environment = dict(os.environ)  # before any test can change it
        self._results: list[blank_check.BlankResult] | None = None
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="awslab-blank-run", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._results = self._shared_results() if self._shared else self._check()
        except BaseException as error:  # given to the tests that need the results
            self._error = error

    def _check(self) -> list[blank_check.BlankResult]:
        with tempfile.TemporaryDirectory(prefix="awslab-blank-run-") as folder:
            found = Path(folder) / "results.json"
            # More workers than cores: a blanked lab mostly waits, for an effect that never
            # comes, until its eventually(...) gives up (3 s on moto); their waits overlap.
            command = [sys.executable, "-m", "harness.classroom.blank_check", "--workers", "4",
                       "--json", str(found), *map(str, self._labs)]  # fmt: skip
            log = Path(folder) / "blank-check.log"
            code = workspace.run_process(
                command, ROOT, log, timeout=900, stop=self._stop, env=self._environment
            )
            if self._stop.is_set():
                return []  # the run has ended meanwhile: nothing to wait for
            if not found.is_file():
                raise RuntimeError(
                    f"the blank check ended ({code}) without results: {log.read_text()[-2000:]}"
                )
            return [blank_check.BlankResult(**result) for result in json.loads(found.read_text())]

    def _shared_results(self) -> list[blank_check.BlankResult]:
        assert self._shared is not None
        with open(self._shared.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self._shared.is_file():
                saved = json.loads(self._shared.read_text())
                return [blank_check.BlankResult(**result) for result in saved]
            if self._stop.is_set():
                return []  # the run has ended meanwhile: nothing to wait for
            results = self._check()
            if not self._stop.is_set():  # a run cut short is no answer for another worker
                self._shared.write_text(json.dumps([dataclasses.asdict(r) for r in results]))
            return results

    def stop(self) -> None:
        """End the run if it is still going (a run that stopped before its last tests)."""
        self._stop.set()
        self._thread.join()

    def results(self) -> dict[str, blank_check.BlankResult]:
        """``nodeid -> BlankResult``, once the run has ended."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._results is not None
        return {result.nodeid: result for result in self._results}


@pytest.fixture(scope="session")
def blank_results(pytestconfig: pytest.Config) -> dict[str, blank_check.BlankResult]:
    """Every lab run once with its solution regions replaced by ``pass``."""
    return pytestconfig.stash[blank_run_key].results()


# Last: after pytest-randomly's shuffle, so that the blanked run's tests stay at the end.
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    blanked = [item for item in items if getattr(item, "originalname", None) == BLANK_TEST]
    if not blanked or config.option.collectonly:
        return
    others = [item for item in items if getattr(item, "originalname", None) != BLANK_TEST]
    items[:] = others + blanked
    # xdist gives each worker a folder of its own in the run's temporary folder.
    worker_folder = config.option.basetemp if hasattr(config, "workerinput") else None
    shared = Path(worker_folder).parent / "blank-results.json" if worker_folder else None
    config.stash[blank_run_key] = BlankRun(shared, _topics_of(blanked))


def _topics_of(blanked: list[pytest.Item]) -> list[Path]:
    """The topic folders whose blank tests are selected (``-k elb``: only labs/elb's),
    or the whole labs folder when every topic's are."""
    topics = {Path(item.callspec.params["nodeid"]).parts[1] for item in blanked}  # type: ignore[attr-defined]
    every = {p.name for p in LABS.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}
    return [LABS] if topics >= every else [LABS / topic for topic in sorted(topics)]


def pytest_unconfigure(config: pytest.Config) -> None:
    blank_run = config.stash.get(blank_run_key, None)
    if blank_run is not None:
        blank_run.stop()  # no blanked run outlives the test run (-x, Ctrl-C)
