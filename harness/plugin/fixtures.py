"""What a lab asks for: ``aws``, ``clock``, ``unique_name``, ``eventually`` and the rest,
and the isolation every test of a lab run gets without asking.

Each fixture is a thin wrapper around a plain class of ``harness.testkit``.
They exist in every pytest run the plugin is loaded in; outside a lab run,
one that needs a backend fails in one line saying how to make the run a lab run.
"""

from __future__ import annotations

import pytest

from harness.backends.base import Backend
from harness.plugin.keys import run_key
from harness.plugin.lab_run import LabRun
from harness.testkit.clients import AwsClients, error_code
from harness.testkit.clock import EmulatedClock, WaitingClock
from harness.testkit.eventually import Eventually
from harness.testkit.lambda_functions import Functions
from harness.testkit.unique_names import UniqueNames

#: The seconds a test's ``clock`` advanced, among its report's user properties.
CLOCK_PROPERTY = "awslab_clock_seconds"

NOT_A_LAB_RUN = (
    "awslab's fixtures that reach AWS (aws, clock, eventually, ...) need a lab run, and this "
    "run is not one: set awslab_notes (the notes file, e.g. awslab_notes = "
    '"notes/aws-dev-associate.md") in this project\'s pytest configuration, or run pytest '
    "with --backend moto"
)

#: A test that asks for one of these, or carries a claim, names what it creates
#: with its ``unique_name``, so that backends without reset can sweep it.
NAMING_FIXTURES = frozenset({"aws", "unique_name", "clock"})


def lab_run(config: pytest.Config) -> LabRun:
    """This run's ``LabRun``; outside a lab run, the test fails saying how to make one."""
    run = config.stash.get(run_key, None)
    if run is None:
        pytest.fail(NOT_A_LAB_RUN, pytrace=False)
    return run


@pytest.fixture(scope="session")
def aws_backend(pytestconfig: pytest.Config) -> Backend:
    """The running backend (started on first use, once per run and xdist worker)."""
    return lab_run(pytestconfig).start_backend()


@pytest.fixture
def unique_name() -> UniqueNames:
    """``unique_name("orders")`` -> ``"lab1a2b3c4d-orders"``: one prefix per test."""
    return UniqueNames()


@pytest.fixture(autouse=True)
def _awslab_isolation(request: pytest.FixtureRequest):
    """In a lab run, a test starts with a clean backend and leaves nothing behind.

    Every test: one that only calls ``boto3.client(...)`` reaches the emulator
    too (moto starts at its first connection). A reset costs only after a test
    that used the backend; where there is no reset (LocalStack, AWS), what a test
    named with its ``unique_name`` is deleted after it.
    """
    run = request.config.stash.get(run_key, None)
    if run is None:
        yield
        return
    if not NAMING_FIXTURES & set(request.fixturenames) and (
        request.node.get_closest_marker("claim") is None
    ):
        run.before_test()
        yield
        return
    request.getfixturevalue("aws_backend")
    run.before_test()
    names: UniqueNames = request.getfixturevalue("unique_name")
    yield
    run.after_test(names.prefix)


@pytest.fixture
def aws(aws_backend: Backend, pytestconfig: pytest.Config) -> AwsClients:
    """boto3 clients for the chosen backend: ``aws.sqs``, ``aws.s3``, ``aws.client("sts")``."""
    run = lab_run(pytestconfig)
    return AwsClients(
        run.session,
        aws_backend.endpoint_url,
        run.client_config,
        run.clients,
        aws_backend.missing_service,
        aws_backend.waiter_seconds,
        aws_backend.quiet,
    )


@pytest.fixture
def clock(aws_backend: Backend, request: pytest.FixtureRequest):
    """``clock.advance(seconds)``: instant on moto, a real wait elsewhere;
    ``clock.fast_forward()``: to the end of the emulator's next wait, if it waits."""
    kind = EmulatedClock if aws_backend.moves_time else WaitingClock
    with kind(moved=aws_backend.clock_moved, next_wait=aws_backend.next_wait) as lab_clock:
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
    """``eventually(check)``: retry ``check`` until it holds, within the backend's bound
    (``aws_takes=120``: within 120 s on AWS, the same bound on an emulator)."""
    return Eventually(
        timeout=aws_backend.settle_seconds,
        emulated=aws_backend.emulated,
        quiet=aws_backend.quiet,
    )
