"""Tracing a function with X-Ray: active tracing, and the permission it needs.

A new function passes on whatever tracing header it is called with
(``PassThrough``); with ``Active`` tracing Lambda samples and records the
invocations itself and sends the segments to X-Ray, through a daemon that
Lambda runs beside the function (its address is in ``AWS_XRAY_DAEMON_ADDRESS``,
which the X-Ray SDK reads). The function's execution
role needs the permission to write them: the AWS managed policy
``AWSXRayDaemonWriteAccess`` grants it (``xray:PutTraceSegments``).

Notes, "lambda > tracing with x-ray".
"""

import json

import pytest

SOURCE = """
    def handler(event, context):
        return "traced"
"""
XRAY_POLICY = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"


@pytest.mark.claim(
    "lambda.active-tracing",
    quote="enable x-ray active tracing",
    source="https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
)
def test_active_tracing_is_switched_on_per_function(deploy, settled):
    untraced = deploy(SOURCE)
    assert settled(untraced)["TracingConfig"] == {"Mode": "PassThrough"}, "off by default"
    traced = None
    # HINT: deploy SOURCE again, as `traced`, with X-Ray active tracing switched on.
    # BEGIN SOLUTION
    traced = deploy(SOURCE, TracingConfig={"Mode": "Active"})
    # END SOLUTION
    assert settled(traced)["TracingConfig"] == {"Mode": "Active"}


@pytest.mark.claim(
    "lambda.xray-managed-policy",
    quote="make sure the lambda has the right permission for x-ray (a managed policy)",
    source="https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSXRayDaemonWriteAccess.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto loads no AWS managed policies (unless MOTO_IAM_LOAD_MANAGED_POLICIES is set): "
    "GetPolicy answers NoSuchEntity",
)
def test_a_managed_policy_lets_the_function_write_traces(aws, role):
    # HINT: the name of the AWS managed policy that lets a function send trace segments.
    # BEGIN SOLUTION
    policy_name = "AWSXRayDaemonWriteAccess"
    # END SOLUTION
    arn = f"arn:aws:iam::aws:policy/{policy_name}"
    version = aws.iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
    document = aws.iam.get_policy_version(PolicyArn=arn, VersionId=version)
    document = document["PolicyVersion"]["Document"]
    if isinstance(document, str):  # some backends answer it URL-encoded text
        document = json.loads(document)
    actions = {
        action for statement in document["Statement"] for action in _list(statement["Action"])
    }
    assert {"xray:PutTraceSegments", "xray:PutTelemetryRecords"} <= actions
    role_name = role.rsplit("/", 1)[1]
    aws.iam.attach_role_policy(RoleName=role_name, PolicyArn=arn)
    attached = aws.iam.list_attached_role_policies(RoleName=role_name)["AttachedPolicies"]
    assert [policy["PolicyArn"] for policy in attached] == [XRAY_POLICY]


def _list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


@pytest.mark.claim(
    "lambda.xray-daemon-address",
    quote="lambda does have a x-ray daemon running under the hood",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="the harness's runtime on moto runs no X-Ray daemon and sets no "
    "AWS_XRAY_DAEMON_ADDRESS; Lambda tells every traced function where its daemon listens",
)
def test_a_traced_function_is_told_where_the_daemon_listens(deploy, invoke):
    # HINT: the environment variable the X-Ray SDK reads to find the daemon (host:port).
    # BEGIN SOLUTION
    variable = "AWS_XRAY_DAEMON_ADDRESS"
    # END SOLUTION
    reader = deploy(
        "import os\n\ndef handler(event, context):\n    return os.environ.get(event['name'])\n",
        TracingConfig={"Mode": "Active"},
    )
    address = invoke(reader, {"name": variable})
    host, _, port = (address or "").rpartition(":")
    assert host and port.isdigit(), f"{variable} is host:port, got {address!r}"
