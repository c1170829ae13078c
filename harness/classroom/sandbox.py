"""Where a submission's tests run: a process that sees its workspace and nothing else.

``awslab grade`` runs each submission's spliced labs with bubblewrap (Debian's
``bubblewrap``) when the machine has it: a new root holding only the system's
programs and libraries, this Python and its packages (read-only), and the
submission's workspace (the one place it may write); no network but its own
loopback; its own process namespace, so nothing it starts outlives the run.
As root, the sandbox also drops to the unprivileged user ``nobody``, with no
capabilities: it can neither read root's files nor signal the grader.

Inside, pytest runs with ``harness.plugin.sealed``: one forked process per
test, and the outcomes come back on a pipe that only the test-less parent
writes. Without bubblewrap, grading still runs (sealed, with its limits),
and ``Isolation.warning`` says what is then not isolated.
"""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.classroom.workspace import Outcome, keep_worst
from harness.model.outcomes import TestOutcome

#: The harness package the grader runs: the sandbox runs the same one.
HARNESS = Path(__file__).resolve().parents[1]
#: The unprivileged user a sandbox started by root runs as.
NOBODY = 65534
#: The system's programs, libraries and settings a Python process needs (read-only).
SYSTEM_PATHS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")
#: What a test may take beyond its code's time limit: its fixtures, in a fresh process
#: (a moto of its own), on a loaded machine.
SETUP_ALLOWANCE_SECONDS = 30
#: What the whole run may take beyond its tests: pytest's start and collection.
START_SECONDS = 60


@dataclass(frozen=True)
class Isolation:
    """How this machine can isolate a submission."""

    bwrap: str | None
    as_nobody: bool

    @property
    def warning(self) -> str | None:
        if self.bwrap:
            return None
        return (
            "no bubblewrap here (apt-get install bubblewrap): submissions run as you, and can "
            "read and write your files and reach the network; each test still runs in its "
            "own process with limits, and its outcome is recorded outside it"
        )


def isolation() -> Isolation:
    """What this machine offers: bubblewrap if it is installed and works here."""
    bwrap = shutil.which("bwrap")
    if bwrap and _works(bwrap):
        # As root, util-linux's setpriv drops the sandbox to nobody; without it, bwrap
        # makes a user namespace, as for any other user.
        return Isolation(bwrap, as_nobody=os.geteuid() == 0 and bool(shutil.which("setpriv")))
    return Isolation(None, as_nobody=False)


def _works(bwrap: str) -> bool:
    try:
        probe = subprocess.run(
            [bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
            capture_output=True, timeout=10, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def run_sealed(
    workspace: Path,
    targets: Sequence[str],
    extra_args: Sequence[str],
    test_timeout: float,
    tests: int,
    how: Isolation,
) -> dict[str, Outcome]:
    """Run pytest on ``targets`` (``tests`` tests) in ``workspace``, one sealed process
    per test; ``nodeid (without parameters) -> Outcome``, from the results pipe only."""
    read_end, write_end = os.pipe()
    pytest_command = [
        sys.executable, "-m", "pytest", *targets, "-q", "-p", "no:randomly",
        "-p", "no:cacheprovider", "-p", "no:xdist", "-p", "harness.plugin.sealed",
        f"--sealed-results-fd={write_end}",
        f"--sealed-timeout={test_timeout + SETUP_ALLOWANCE_SECONDS}",
        *(["--sealed-sweep"] if how.bwrap else []), *extra_args,
    ]  # fmt: skip
    command = _sandboxed(pytest_command, workspace, how) if how.bwrap else pytest_command
    if how.as_nobody:
        _hand_over(workspace)
    outcomes: dict[str, Outcome] = {}
    with open(workspace / "pytest.log", "wb") as log:
        process = subprocess.Popen(
            command, cwd=workspace, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            pass_fds=(write_end,), env=_environment(workspace), start_new_session=True,
        )  # fmt: skip
        os.close(write_end)
        try:
            budget = START_SECONDS + (test_timeout + SETUP_ALLOWANCE_SECONDS) * tests
            for line in _lines(read_end, time.monotonic() + budget):
                _take(line, outcomes)
        finally:
            os.close(read_end)
            _end(process)
    return outcomes


def last_words(workspace: Path) -> str:
    """The last line pytest wrote in ``workspace``: why a run that reported no test stopped."""
    try:
        lines = (workspace / "pytest.log").read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return "no output"
    return next((line.strip()[:300] for line in reversed(lines) if line.strip()), "no output")


def _take(line: bytes, outcomes: dict[str, Outcome]) -> None:
    try:
        result = json.loads(line)
        nodeid = str(result["nodeid"]).split("[", 1)[0]
        outcome = Outcome(TestOutcome(result["outcome"]), str(result["detail"])[:300])
    except (ValueError, KeyError, TypeError):
        return
    keep_worst(outcomes, nodeid, outcome)


def _lines(fd: int, deadline: float):
    import select

    pending = b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        pending += chunk
        *complete, pending = pending.split(b"\n")
        yield from complete


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, 9)
        except (ProcessLookupError, PermissionError):
            process.kill()
    process.wait()


def _environment(workspace: Path) -> dict[str, str]:
    """Only what pytest needs: none of the grader's own variables (credentials, tokens)."""
    keep = {"PATH", "LANG", "LC_ALL", "TZ", "PYTHONHASHSEED"}
    environment = {k: v for k, v in os.environ.items() if k in keep}
    environment.update(HOME=str(workspace), TMPDIR="/tmp", PYTHONDONTWRITEBYTECODE="1")
    # The grader's own harness, whichever way it was installed: the sandbox binds that
    # package alone, so its parent folder holds nothing else there.
    environment["PYTHONPATH"] = str(HARNESS.parent)
    return environment


def _hand_over(workspace: Path) -> None:
    """Make the workspace nobody's: the one place the sandbox may write."""
    for folder, _, files in os.walk(workspace):
        os.chown(folder, NOBODY, NOBODY)
        for name in files:
            os.chown(os.path.join(folder, name), NOBODY, NOBODY)


def _sandboxed(command: list[str], workspace: Path, how: Isolation) -> list[str]:
    assert how.bwrap is not None
    # As root, no user namespace: setpriv below must be able to become nobody for real.
    namespaces = (
        ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
        if how.as_nobody
        else ["--unshare-all"]
    )
    arguments = [how.bwrap, *namespaces, "--die-with-parent", "--new-session"]
    for path in SYSTEM_PATHS:
        if os.path.exists(path):
            arguments += ["--ro-bind", path, path]
    # /tmp is the sandbox's own, writable by its user, as a /tmp should be.
    arguments += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp"]
    made: set[str] = set()
    for path, how_bound in [*((p, "--ro-bind") for p in _python_paths()),
                            (str(workspace), "--bind")]:  # fmt: skip
        # bubblewrap makes a bound path's missing parents 0700: nobody could not reach it.
        for parent in reversed(Path(path).parents[:-1]):
            if str(parent) not in made and not str(parent).startswith(SYSTEM_PATHS):
                made.add(str(parent))
                arguments += ["--perms", "0755", "--dir", str(parent)]
        arguments += [how_bound, path, path]
    arguments += ["--chdir", str(workspace)]
    if how.as_nobody:
        # bubblewrap sets the sandbox up as root, then this drops to nobody for good.
        setpriv = str(shutil.which("setpriv"))
        command = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                   "--inh-caps=-all", "--bounding-set=-all", "--", *command]  # fmt: skip
    return [*arguments, "--", *command]


def _python_paths() -> list[str]:
    """This Python, its virtual environment and the harness package, read-only; never
    the project around them (the instructor's labs, with their solutions)."""
    candidates = {
        sys.base_prefix, sys.prefix, sys.exec_prefix, sys.base_exec_prefix,
        os.path.dirname(os.path.realpath(sys.executable)),
        sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
        *site.getsitepackages(), str(HARNESS),
    }  # fmt: skip
    paths = sorted(
        p for p in candidates if p and os.path.isdir(p) and not p.startswith(SYSTEM_PATHS)
    )
    # A path inside another is bound with it.
    return [p for p in paths if not any(p != q and p.startswith(q + os.sep) for q in paths)]
