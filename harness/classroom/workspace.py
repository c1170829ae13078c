"""Run a rewritten copy of some labs in a throwaway folder, and read the outcomes.

Both the blank check (regions replaced by ``pass``) and the grader (regions
replaced by a student's) need the same thing: the labs as the instructor
wrote them, with each test module passed through a rewrite, run by pytest
in a separate process, one outcome per test.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.model.lab_tree import lab_modules, relative_name
from harness.model.notes import NOTES
from harness.model.outcomes import TestOutcome

GAP_PREFIX = "emulator gap on"
#: How often a run that may be stopped looks whether it is (seconds).
STOP_CHECK_SECONDS = 0.2
#: Rewrites one test module: (path relative to the root, instructor's text) -> new text.
Rewrite = Callable[[Path, str], str]


@dataclass(frozen=True)
class Outcome:
    outcome: TestOutcome
    detail: str = ""


def copy_labs(
    paths: Sequence[Path], root: Path, destination: Path, rewrite: Rewrite, notes: str = NOTES
) -> None:
    """Copy ``paths`` (below ``root``) to ``destination``, each test module rewritten."""
    for path in paths:
        relative = Path(relative_name(path, root))
        if path.is_dir():
            shutil.copytree(path, destination / relative, ignore=ignore_caches, dirs_exist_ok=True)
        for conftest in _conftests_above(path.resolve(), root):
            target = destination / conftest.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(conftest, target)
        for module in lab_modules([path]):
            module_relative = module.resolve().relative_to(root)
            target = destination / module_relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                rewrite(module_relative, module.read_text(encoding="utf-8")), encoding="utf-8"
            )
    if (root / notes).is_file():
        (destination / notes).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / notes, destination / notes)
    (destination / "pyproject.toml").write_text(
        f'[tool.pytest.ini_options]\nawslab_notes = "{notes}"\n'
        'addopts = "--import-mode=importlib"\n',
        encoding="utf-8",
    )


def _conftests_above(path: Path, root: Path) -> list[Path]:
    """The conftest.py files a lab module or folder depends on, up to ``root``."""
    folder = path if path.is_dir() else path.parent
    found = []
    while folder != root and root in folder.parents:
        if (folder / "conftest.py").is_file():
            found.append(folder / "conftest.py")
        folder = folder.parent
    return found


def ignore_caches(directory: str, names: list[str]) -> list[str]:
    return [n for n in names if n in ("__pycache__", ".pytest_cache")]


def run_pytest(
    workspace: Path,
    targets: Sequence[str],
    extra_args: Sequence[str] = (),
    timeout: float = 600,
    stop: threading.Event | None = None,
) -> dict[str, Outcome]:
    """Run pytest on ``targets`` inside ``workspace``; ``nodeid -> Outcome``.

    pytest's own output goes to ``workspace/pytest.log``, not to memory, so a
    test that floods its output cannot exhaust the caller. Setting ``stop`` (from
    another thread) ends the run early, as the timeout does.
    """
    junit = workspace / "junit.xml"
    run_process(
        [sys.executable, "-m", "pytest", *targets, "-q", "-p", "no:randomly",
         "-p", "no:cacheprovider", f"--junitxml={junit}", "-o", "junit_logging=no",
         *extra_args],
        workspace, workspace / "pytest.log", timeout, stop,
    )  # fmt: skip
    # What finished is in the junit file, if pytest got that far.
    return junit_outcomes(junit) if junit.exists() else {}


def run_process(
    command: Sequence[str],
    cwd: Path,
    log_path: Path,
    timeout: float,
    stop: threading.Event | None = None,
    env: Mapping[str, str] | None = None,
) -> int | None:
    """Run ``command`` in ``cwd``, its output to ``log_path``; its exit code, or None if
    it was killed: at ``timeout`` seconds, or once ``stop`` is set (from another thread).
    ``env``: its environment (this process's, as it is now, unless given).

    The command runs in a process group of its own, and a kill ends the whole group:
    pytest's xdist workers, or the pytest run a blank check starts, go with it."""
    with open(log_path, "wb") as log:
        run = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + timeout
            while run.poll() is None:
                left = deadline - time.monotonic()
                if left <= 0 or (stop is not None and stop.is_set()):
                    return None
                try:
                    run.wait(left if stop is None else min(left, STOP_CHECK_SECONDS))
                except subprocess.TimeoutExpired:
                    pass
            return run.returncode
        finally:
            # Ended, killed, or this process interrupted (Ctrl-C reaches only our group).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)
            run.wait()


def junit_outcomes(junit: Path) -> dict[str, Outcome]:
    """``nodeid (without parameters) -> Outcome`` from a junit file; a failure wins."""
    outcomes: dict[str, Outcome] = {}
    for case in ElementTree.parse(junit).iter("testcase"):
        # junit writes "labs.sqs.test_x.TestClass"; classes are the capitalised parts.
        parts = case.get("classname", "").split(".")
        classes = [p for p in parts if p[:1].isupper()]
        path = "/".join(p for p in parts if not p[:1].isupper()) + ".py"
        nodeid = "::".join([path, *classes, case.get("name", "").split("[", 1)[0]])
        keep_worst(outcomes, nodeid, _case_outcome(case))
    return outcomes


def keep_worst(outcomes: dict[str, Outcome], nodeid: str, outcome: Outcome) -> None:
    """Record ``outcome`` for ``nodeid`` unless a failure is already there: a test
    reported more than once (its parameters, or setup then call) counts its worst."""
    earlier = outcomes.get(nodeid)
    if earlier is None or earlier.outcome not in (TestOutcome.FAILED, TestOutcome.ERROR):
        outcomes[nodeid] = outcome


def _case_outcome(case: ElementTree.Element) -> Outcome:
    # A <failure> is the test's own verdict; an <error> is a fixture or setup that
    # broke before the test could judge anything.
    for tag, outcome in (("failure", TestOutcome.FAILED), ("error", TestOutcome.ERROR)):
        problem = case.find(tag)
        if problem is not None:
            message = (problem.get("message") or problem.text or tag).strip()
            return Outcome(outcome, message.splitlines()[0][:300] if message else tag)
    skipped = case.find("skipped")
    if skipped is not None:
        message = skipped.get("message") or ""
        gap = message.startswith(GAP_PREFIX)
        return Outcome(TestOutcome.GAP if gap else TestOutcome.SKIPPED, message)
    return Outcome(TestOutcome.PASSED)
