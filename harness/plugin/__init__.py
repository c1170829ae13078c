"""The awslab pytest plugin: backends, safety, fixtures, claims and their report.

Registered under ``pytest11``, so ``pytest labs/sqs`` loads it by itself.
"""

from __future__ import annotations

import argparse
import os
import uuid
from pathlib import Path

import pytest

from harness.backends import BACKENDS, EMULATORS, Backend, BackendUnavailable
from harness.errors import SolutionMarkupError
from harness.model import regions as solutions
from harness.model.claims import (
    Claim,
    MarkerError,
    as_record,
    claim_from_marker,
    gap_backends,
)
from harness.model.notes import NOTES, Notes, NotesLocation
from harness.plugin.gc_tuning import CollectorTuning
from harness.plugin.lab_run import LabRun
from harness.report.last_run import CACHE_KEY, LastRun
from harness.report.records import CLAIM_PROPERTY, GAP_PROPERTY, ClaimsReport
from harness.testkit.clients import AwsClients, error_code
from harness.testkit.clock import EmulatedClock, WaitingClock
from harness.testkit.eventually import Eventually
from harness.testkit.lambda_functions import Functions

CLOCK_PROPERTY = "awslab_clock_seconds"


run_key = pytest.StashKey[LabRun]()
claim_key = pytest.StashKey[tuple[Claim, NotesLocation | None]]()
marker_error_key = pytest.StashKey[str]()
gc_tuning_key = pytest.StashKey[CollectorTuning]()


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
        help="where AWS calls go: moto (default, embedded), localstack, or aws "
        "(real, needs AWSLAB_ALLOW_REAL_AWS=1). Also env AWSLAB_BACKEND.",
    )
    group.addoption(
        "--claims-report",
        metavar="DIR",
        default=None,
        help="write DIR/claims.json, claims.md and claims.html: each claim's verdict here",
    )
    parser.addini(
        "awslab_notes",
        "the notes file that claim quotes are copied from, relative to rootdir",
        default=NOTES,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "claim(id, quote, errata=None, source=None): links a test to the notes bullet it proves",
    )
    config.addinivalue_line(
        "markers",
        "emulator_gap(backend, ..., reason): on that emulator the test is a strict expected "
        "failure, because the emulator differs from AWS",
    )
    name = config.getoption("backend") or os.environ.get("AWSLAB_BACKEND") or "moto"
    if name not in BACKENDS:
        raise pytest.UsageError(
            f"AWSLAB_BACKEND={name!r} is not a backend: choose from {', '.join(BACKENDS)}"
        )
    notes_name = config.getini("awslab_notes")
    notes_path = config.rootpath / notes_name
    run = LabRun(name, Notes(notes_path) if notes_path.is_file() else None, notes_name)
    try:
        run.open()
    except BackendUnavailable as error:
        run.close()
        raise pytest.UsageError(str(error)) from None
    config.stash[run_key] = run
    config.pluginmanager.register(ReportCollector(config, run.report), "awslab-claims-report")


def pytest_unconfigure(config: pytest.Config) -> None:
    run = config.stash.get(run_key, None)
    if run is not None:
        run.close()
    tuning = config.stash.get(gc_tuning_key, None)
    if tuning is not None:
        tuning.stop()


def pytest_report_header(config: pytest.Config) -> str:
    run = config.stash[run_key]
    notes = run.notes.path if run.notes else f"{run.report.notes} (not found)"
    return f"awslab: backend {run.backend_name}, notes {notes}"


@pytest.fixture(scope="session")
def aws_backend(pytestconfig: pytest.Config) -> Backend:
    """The running backend (started on first use, once per run and xdist worker)."""
    return pytestconfig.stash[run_key].start_backend()


class UniqueNames:
    """Names for a test's resources: ``unique_name("orders")`` -> ``lab1a2b3c4d-orders``.

    The prefix is the test's own, so after the test every resource named
    with it can be found and deleted on backends that cannot be reset.
    """

    def __init__(self) -> None:
        self.prefix = "lab" + uuid.uuid4().hex[:8]

    def __call__(self, stem: str) -> str:
        return f"{self.prefix}-{stem}"


@pytest.fixture
def unique_name() -> UniqueNames:
    return UniqueNames()


@pytest.fixture(autouse=True)
def _awslab_isolation(request: pytest.FixtureRequest):
    """A lab test starts with an empty backend and leaves nothing behind."""
    uses_aws = {"aws", "unique_name", "clock"} & set(request.fixturenames)
    if not uses_aws and request.node.get_closest_marker("claim") is None:
        yield
        return
    backend: Backend = request.getfixturevalue("aws_backend")
    backend.isolate()
    request.config.stash[run_key].calls.clear()
    names: UniqueNames = request.getfixturevalue("unique_name")
    yield
    backend.clean_up(request.config.stash[run_key].session, names.prefix)


@pytest.fixture
def aws(aws_backend: Backend, pytestconfig: pytest.Config) -> AwsClients:
    """boto3 clients for the chosen backend: ``aws.sqs``, ``aws.s3``, ``aws.client("sts")``."""
    run = pytestconfig.stash[run_key]
    return AwsClients(
        run.session,
        aws_backend.endpoint_url,
        run.client_config,
        run.clients,
        aws_backend.missing_service,
    )


@pytest.fixture
def clock(aws_backend: Backend, request: pytest.FixtureRequest):
    """``clock.advance(seconds)``: instant on moto, a real wait elsewhere."""
    with (EmulatedClock if aws_backend.moves_time else WaitingClock)() as lab_clock:
        yield lab_clock
    request.node.user_properties.append((CLOCK_PROPERTY, lab_clock.advanced))


@pytest.fixture(name="error_code")
def error_code_fixture():
    """``error_code(aws.s3.get_object, Bucket=b, Key=k)`` -> ``"NoSuchKey"``, None if it worked."""
    return error_code


@pytest.fixture
def make_bucket(aws: AwsClients, unique_name: UniqueNames):
    """``make_bucket("logs", **options)`` -> the name of a new bucket, named through
    ``unique_name``, in the run's region (us-east-1 takes no LocationConstraint)."""

    def make_bucket(stem: str = "bucket", **options) -> str:
        name = unique_name(stem)
        if aws.region != "us-east-1":
            options.setdefault("CreateBucketConfiguration", {"LocationConstraint": aws.region})
        aws.s3.create_bucket(Bucket=name, **options)
        return name

    return make_bucket


@pytest.fixture
def functions(aws: AwsClients, unique_name: UniqueNames) -> Functions:
    """``functions.deploy(source, **config)``: a new Python function (CreateFunction's answer)."""
    return Functions(aws, unique_name)


@pytest.fixture
def enforce_iam(aws_backend: Backend):
    """``enforce_iam()``: from now on, every call is checked against the caller's policies.

    Call it after the setup a lab makes with the harness's own (all-powerful)
    credentials. Real AWS always checks; moto does when asked, until the test ends;
    LocalStack's free edition never does (its labs mark that as a gap).
    """
    enforced = False

    def enforce_iam() -> None:
        nonlocal enforced
        aws_backend.enforce_iam(True)
        enforced = True

    yield enforce_iam
    if enforced:
        aws_backend.enforce_iam(False)


@pytest.fixture
def eventually(aws_backend: Backend) -> Eventually:
    """``eventually(check)``: retry ``check`` until it holds, within the backend's bound."""
    return Eventually(timeout=aws_backend.settle_seconds)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    # What is alive now (the libraries, the collected tests) lives until
    # the end of the run: see harness/plugin/gc_tuning.py for what that saves.
    tuning = session.config.stash[gc_tuning_key] = CollectorTuning()
    tuning.start()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    run = config.stash[run_key]
    for item in items:
        try:
            _read_markers(item, run)
        except MarkerError as error:
            item.stash[marker_error_key] = str(error)


def _read_markers(item: pytest.Item, run: LabRun) -> None:
    claims = list(item.iter_markers("claim"))
    if len(claims) > 1:
        raise MarkerError(
            f"{len(claims)} claim markers: a test proves one claim; split it into one test each"
        )
    for mark in item.iter_markers("emulator_gap"):
        backends, reason = gap_backends(mark.args, mark.kwargs, EMULATORS)
        if run.backend_name in backends:
            item.add_marker(
                pytest.mark.xfail(
                    strict=True, reason=f"emulator gap on {run.backend_name}: {reason}"
                )
            )
            item.user_properties.append((GAP_PROPERTY, reason))
    if not claims:
        return
    claim = claim_from_marker(claims[0].args, claims[0].kwargs)
    try:
        location = claim.locate(run.notes) if run.notes else None
    except MarkerError:
        # Recorded even when the quote is missing, so the report lists the claim as failed.
        item.user_properties.append((CLAIM_PROPERTY, as_record(claim, None)))
        raise
    item.user_properties.append((CLAIM_PROPERTY, as_record(claim, location)))
    item.stash[claim_key] = (claim, location)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    problem = item.stash.get(marker_error_key, None)
    if problem is not None:
        pytest.fail(f"{item.nodeid}: {problem}", pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.failed and claim_key in item.stash:
        explanation = _explain(item, *item.stash[claim_key])
        calls = item.config.stash[run_key].calls.summary()
        if calls:
            explanation += f"\nAWS calls made: {calls}"
        report.sections.append(("awslab claim", explanation))
    return report


def _explain(item: pytest.Item, claim: Claim, location: NotesLocation | None) -> str:
    """What a student sees under a failed lab: the claim, its bullet, the hint."""
    lines = [f"claim {claim.id}"]
    where = f"line {location.line} ({location.section})" if location else "notes"
    lines.append(
        f'{where}: "{claim.quote}"' if claim.quote else f"beyond the notes: {claim.statement}"
    )
    if claim.errata:
        lines.append(f"errata: {claim.errata} (source: {claim.source})")
    lines += [f"hint: {hint}" for hint in _hints(item)]
    return "\n".join(lines)


def _hints(item: pytest.Item) -> list[str]:
    path = Path(str(item.fspath))
    name = (f"{item.cls.__name__}::" if getattr(item, "cls", None) else "") + getattr(
        item, "originalname", item.name
    )
    try:
        regions = solutions.regions_by_test(path.read_text(encoding="utf-8"), str(path))
    except (OSError, SyntaxError, SolutionMarkupError):
        return []
    return [region.hint for region in regions.get(name, []) if region.hint]


class ReportCollector:
    """Feeds every test report to the claims report and writes it at the end.

    A plugin object of its own (like pytest's junitxml), because in the xdist
    controller only reports arrive, never items.
    """

    def __init__(self, config: pytest.Config, report: ClaimsReport) -> None:
        self.config = config
        self.report = report
        self.written: list[Path] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.report.add(report)

    def pytest_sessionfinish(self) -> None:
        if hasattr(self.config, "workerinput"):
            return  # the xdist controller writes, from every worker's reports
        directory = self.config.getoption("claims_report")
        if directory:
            notes = self.config.stash[run_key].notes
            self.written = self.report.write(Path(directory), notes.path if notes else None)
        cache = getattr(self.config, "cache", None)
        if cache is not None and self.report.claims:
            # What `awslab list / progress / hint` read: merged, so that running
            # one topic does not forget the others.
            last = LastRun.from_json(cache.get(CACHE_KEY, None))
            last.merge(
                self.report.backend,
                self.report.test_outcomes(),
                {c["id"]: c["outcome"] for c in self.report.as_dict()["claims"]},
            )
            cache.set(CACHE_KEY, last.to_json())

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.report.claims:
            return
        line = f"awslab claims on {self.report.backend}: {self.report.summary()}"
        if self.written:
            line += f"; report in {self.written[0].parent}/"
        terminalreporter.write_sep("-", line)
