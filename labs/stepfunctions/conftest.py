"""Shared fixtures for the Step Functions labs: state machines that really run.

moto runs state machines only when configured to (LocalStack and AWS always
do), so on moto these labs turn execution on through moto's configuration
endpoint, and restore the previous setting after their last test.
"""

from __future__ import annotations

import json
import time
import urllib.request
import uuid

import pytest

from harness.testkit.iam import allow, policy_document, service_role


def moto_config(endpoint_url: str, change: dict | None = None) -> dict:
    """moto's configuration (POST ``change`` first, if given)."""
    request = urllib.request.Request(
        f"{endpoint_url}/moto-api/config",
        data=json.dumps(change).encode() if change is not None else None,
        method="POST" if change is not None else "GET",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


# Once for these labs, not per test: moto keeps its configuration across the reset
# between tests, and each change is a call to moto's API (some 3 ms).
@pytest.fixture(autouse=True, scope="package")
def executions_run(aws_backend):
    """On moto, make state machines execute while the Step Functions labs run."""
    if aws_backend.name != "moto":
        yield
        return
    # moto's GET does not report this setting; its default is off.
    before = moto_config(aws_backend.endpoint_url).get(
        "stepfunctions", {"execute_state_machine": False}
    )
    moto_config(aws_backend.endpoint_url, {"stepfunctions": {"execute_state_machine": True}})
    yield
    moto_config(aws_backend.endpoint_url, {"stepfunctions": before})


@pytest.fixture
def role(aws, unique_name) -> str:
    """The ARN of a role that Step Functions may assume, allowed to send to SQS queues:
    a Task calls its service with this role, and AWS fails one the role may not call."""
    arn = service_role(aws.iam, unique_name("states"), "states.amazonaws.com")
    aws.iam.put_role_policy(
        RoleName=arn.rsplit("/", 1)[1],
        PolicyName="send-to-queues",
        PolicyDocument=json.dumps(policy_document(allow("sqs:SendMessage"))),
    )
    return arn


#: On moto, ``Workflows.finished`` looks this often, this far apart, per try of ``eventually``.
QUICK_LOOKS = 25
QUICK_LOOK_SECONDS = 0.002


class Workflows:
    """Create state machines from a definition, start them, wait for them."""

    def __init__(self, aws, role: str, unique_name, eventually, clock) -> None:
        self.sfn = aws.stepfunctions
        self.role = role
        self.unique_name = unique_name
        self.eventually = eventually
        self.clock = clock

    def create(self, definition: dict, type: str = "STANDARD") -> str:
        return self.sfn.create_state_machine(
            name=self.unique_name(f"workflow-{uuid.uuid4().hex[:8]}"),
            definition=json.dumps(definition),
            roleArn=self.role,
            type=type,
        )["stateMachineArn"]

    def start(self, definition: dict, input: dict | None = None) -> str:
        """Start an execution; its ARN."""
        return self.sfn.start_execution(
            stateMachineArn=self.create(definition),
            name=uuid.uuid4().hex,
            input=json.dumps(input or {}),
        )["executionArn"]

    def finished(self, execution: str) -> dict:
        """DescribeExecution once the execution has stopped running."""

        def stopped() -> dict | None:
            # On moto an execution ends within milliseconds of its last wait: look again
            # at once, well before eventually's next try (one look elsewhere).
            for _ in range(QUICK_LOOKS if self.clock.instant else 1):
                description = finished_or_none(self.sfn, execution)
                if description is not None:
                    return description
                # Waiting, maybe for time to pass (a Wait state, a retry's interval): on
                # moto the clock jumps to the end of that wait, elsewhere it passes.
                if not self.clock.fast_forward() and self.clock.instant:
                    time.sleep(QUICK_LOOK_SECONDS)
            return None

        if self.clock.instant:
            return self.eventually(stopped)
        # Here a retried state really waits its IntervalSeconds (1 s and more).
        return self.eventually(stopped, timeout=max(self.eventually.timeout, 10))

    def run(self, definition: dict, input: dict | None = None) -> dict:
        """Run to the end: DescribeExecution, with ``output`` parsed when there is one."""
        return self.finished(self.start(definition, input))

    def history(self, execution: str) -> list[dict]:
        return self.sfn.get_execution_history(executionArn=execution, maxResults=1000)["events"]


def finished_or_none(sfn, execution: str) -> dict | None:
    description = sfn.describe_execution(executionArn=execution)
    if description["status"] == "RUNNING":
        return None
    if "output" in description:
        description["output"] = json.loads(description["output"])
    return description


@pytest.fixture
def workflows(aws, role, unique_name, eventually, clock) -> Workflows:
    return Workflows(aws, role, unique_name, eventually, clock)
