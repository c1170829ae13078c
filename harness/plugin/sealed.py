"""One process per test, for grading code that a student wrote.

``awslab grade`` loads this plugin into the pytest that runs a submission
(``-p harness.plugin.sealed --sealed-results-fd N``). That pytest collects
the tests and runs none of them itself: each test runs in a child forked for
it, with a fresh backend, limits on CPU time, memory and output, and a pipe
of its own on which it reports its phases before it ends. The parent turns
that into the test's outcome and writes one line per test on descriptor N,
which every child closes before its test starts; the grader reads nothing
else. So whatever a test's code does (patch pytest, register an ``atexit``
hook, poison a shared client, rewrite a file, kill its own process) it
reaches at most its own test's outcome, and only what it reports through
the checks of the instructor's test around it.

This process also makes itself undumpable, so that a child cannot open its
descriptors through ``/proc`` or trace it; in the grader's sandbox (one
process namespace per submission, ``--sealed-sweep``) it ends every process
a test left behind before the next test starts.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import resource
import select
import signal
import time
from dataclasses import dataclass

import pytest
from _pytest.runner import runtestprotocol

from harness.backends.moto_costs import NO_KEPT_DATA_VARIABLE
from harness.model.outcomes import TestOutcome
from harness.plugin.keys import run_key
from harness.plugin.lab_run import LabRun
from harness.report.records import GAP_PROPERTY, report_reason
from harness.testkit.clients import available_services, service_named

#: Output (captured, logged or written) one test may produce.
OUTPUT_LIMIT_BYTES = 64 * 1024 * 1024
#: Address space one test may add to what the runner holds when it forks.
MEMORY_HEADROOM_BYTES = 2 * 1024 * 1024 * 1024
#: Processes and threads of the sandbox's user (a fork bomb stops here).
PROCESS_LIMIT = 512
#: What a child may report: its phases, a few lines each.
REPORT_LIMIT_BYTES = 1024 * 1024
PR_SET_DUMPABLE = 4
#: How a lab names a service's client: ``aws.sqs``, ``aws.lambda_``, ``aws.cognito_idp``.
AWS_ATTRIBUTE = re.compile(r"\baws\.([a-z][a-z0-9_]*)\b")

#: How a child that ended without reporting ended, in the student's words.
SIGNAL_REASONS = {
    signal.SIGXFSZ: f"wrote more than {OUTPUT_LIMIT_BYTES // 2**20} MiB of output",
    signal.SIGXCPU: "used up its CPU time: an infinite loop?",
    signal.SIGSEGV: "crashed (out of memory?)",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("awslab sealed", "one process per test (awslab grade)")
    group.addoption(
        "--sealed-results-fd",
        type=int,
        help="descriptor on which to write one JSON line per test; each test runs forked",
    )
    group.addoption(
        "--sealed-timeout",
        type=float,
        default=60.0,
        help="seconds of wall and CPU time each test may take, fixtures included",
    )
    group.addoption(
        "--sealed-sweep",
        action="store_true",
        help="end every other process of this process namespace after each test "
        "(only inside the grader's sandbox, where the namespace is the submission's own)",
    )


def pytest_configure(config: pytest.Config) -> None:
    fd = config.getoption("sealed_results_fd")
    if fd is not None:
        # Home is the submission's workspace, where its code may write: what an earlier
        # run kept there (moto's computed lists) is not read back, lest a test forge it.
        os.environ[NO_KEPT_DATA_VARIABLE] = "1"
        config.pluginmanager.register(Sealed(config, fd), "awslab-sealed")


@dataclass
class Result:
    outcome: TestOutcome
    detail: str = ""


class Sealed:
    def __init__(self, config: pytest.Config, results_fd: int) -> None:
        self.config = config
        self.results_fd = results_fd
        self.timeout = config.getoption("sealed_timeout")
        self.sweep = config.getoption("sealed_sweep")
        self._forked = False
        _make_undumpable()
        with contextlib.suppress(ValueError, OSError):  # a limit already lower stays
            resource.setrlimit(resource.RLIMIT_NPROC, (PROCESS_LIMIT, PROCESS_LIMIT))

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> bool:
        if not self._forked:
            # The parent never runs a test: its backend goes, each child makes its own.
            run = self.config.stash.get(run_key, None)
            if run is not None:
                run.backend.warm_up()
                _warm_clients(run, item.session.items)
                run.backend.stop()
            self._forked = True
        result = self._run_forked(item)
        line = json.dumps({"nodeid": item.nodeid, "outcome": result.outcome.value,
                           "detail": result.detail})  # fmt: skip
        os.write(self.results_fd, (line + "\n").encode())
        return True

    def _run_forked(self, item: pytest.Item) -> Result:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child(item, self, write_end)
        os.close(write_end)
        deadline = time.monotonic() + self.timeout
        payload, timed_out = _read(read_end, deadline)
        os.close(read_end)
        if timed_out:
            _kill_group(pid)
        _, status = os.waitpid(pid, 0)
        _kill_group(pid)  # what the test started and left running
        if self.sweep:
            _end_every_other_process()
        if timed_out:
            return Result(TestOutcome.FAILED, f"Timeout >{self.timeout:g}s (the test was ended)")
        try:
            return _outcome(json.loads(payload)) if payload else _ended(status)
        except (ValueError, KeyError, TypeError):
            return Result(TestOutcome.FAILED, "the test's process reported nonsense")


def _warm_clients(run: LabRun, items: list[pytest.Item]) -> None:
    """Load, once, the botocore models of the services the tests name (``aws.sqs``...):
    every child inherits them, instead of each reading the same JSON again."""
    if run.session is None:
        return
    available = available_services(run.session)
    sources = {item.path for item in items} | {
        folder / "conftest.py" for item in items for folder in item.path.parents
    }
    named = set()
    for source in sources:
        with contextlib.suppress(OSError):
            named |= set(AWS_ATTRIBUTE.findall(source.read_text(encoding="utf-8")))
    for service in {service_named(name, available) for name in named} & available:
        with contextlib.suppress(Exception):  # a warm-up: the test itself says what fails
            run.session.client(service, region_name="us-east-1", endpoint_url="http://127.0.0.1:9")


def _child(item: pytest.Item, sealed: Sealed, report_fd: int) -> None:
    """Run ``item`` in this forked process, report its phases on ``report_fd``, end."""
    status = 1
    try:
        os.setsid()  # its own process group: the parent ends all of it afterwards
        os.close(sealed.results_fd)  # the grader's line is the parent's alone
        _limit(sealed.timeout)
        run = sealed.config.stash.get(run_key, None)
        if run is not None:
            run.renew_backend()
        reports = runtestprotocol(item, nextitem=None, log=False)
        os.write(report_fd, json.dumps([_phase(r) for r in reports]).encode())
        status = 0
    finally:
        os._exit(status)


def _limit(timeout: float) -> None:
    cpu = int(timeout) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_LIMIT_BYTES, OUTPUT_LIMIT_BYTES))
    with contextlib.suppress(ValueError, OSError):
        memory = _address_space() + MEMORY_HEADROOM_BYTES
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize")


def _phase(report: pytest.TestReport) -> dict:
    message = report_reason(report) if report.longrepr else ""
    properties = dict(report.user_properties)
    return {
        "when": report.when,
        "outcome": report.outcome,
        "message": message.splitlines()[0][:300] if message else "",
        "wasxfail": getattr(report, "wasxfail", None),
        "gap": properties.get(GAP_PROPERTY),
    }


def _outcome(phases: list[dict]) -> Result:
    """The test's outcome from its phases, as the grader counts it; a failure wins."""
    for phase in phases:
        if phase["outcome"] == "failed":
            kind = TestOutcome.FAILED if phase["when"] == "call" else TestOutcome.ERROR
            return Result(kind, phase["message"] or kind.value)
    for phase in phases:
        if phase["wasxfail"] is not None and phase["gap"]:
            return Result(TestOutcome.GAP, str(phase["gap"]))
        if phase["outcome"] == "skipped":
            return Result(TestOutcome.SKIPPED, phase["wasxfail"] or phase["message"])
    if not any(p["when"] == "call" for p in phases):
        return Result(TestOutcome.FAILED, "the test did not run")
    return Result(TestOutcome.PASSED)


def _ended(status: int) -> Result:
    """A child that reported nothing: how it ended."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        why = SIGNAL_REASONS.get(signal.Signals(number), f"was killed ({signal.strsignal(number)})")
        return Result(TestOutcome.FAILED, f"the test's process {why}")
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else status
    return Result(
        TestOutcome.FAILED, f"the test's process ended (exit status {code}) before its checks"
    )


def _read(fd: int, deadline: float) -> tuple[bytes, bool]:
    """What the child writes until it closes its end: (payload, timed out)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"", True
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks), False
        size += len(chunk)
        if size > REPORT_LIMIT_BYTES:
            return b"", False  # not a report: reported as how the process ended
        chunks.append(chunk)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _end_every_other_process() -> None:
    """In the sandbox's own process namespace: all but its init (1) and this process."""
    keep = {1, os.getpid()}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) not in keep:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(int(entry), signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _make_undumpable() -> None:
    """No process of the same user may trace this one or open its ``/proc`` files."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
