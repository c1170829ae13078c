"""Turning X-Ray on: the permission to write traces, and Lambda's active tracing.

Nothing reaches X-Ray unless the application may write it: its role needs
``xray:PutTraceSegments`` (and ``xray:PutTelemetryRecords`` for the daemon),
which the managed policy ``AWSXRayDaemonWriteAccess`` grants; without it the
segments are refused. A Lambda function does not trace by default
(``TracingConfig`` ``PassThrough``: it only passes on a trace header it got);
with *active tracing* Lambda samples requests and records its own segments.

Notes, "aws monitoring and troubleshooting and audit > aws x-ray > to enable x-ray"
and "> troubleshooting".
"""

import json
import secrets
import time

import boto3
import pytest
from botocore.exceptions import ClientError

PUT_TRACE_SEGMENTS = (
    "https://docs.aws.amazon.com/xray/latest/devguide/security_iam_id-based-policy-examples.html"
)


def one_segment() -> str:
    now = time.time()
    trace = f"1-{int(now):08x}-{secrets.token_hex(12)}"
    document = {"name": "orders", "id": secrets.token_hex(8), "trace_id": trace}
    return json.dumps({**document, "start_time": now - 0.1, "end_time": now})


@pytest.fixture
def user_client(aws, unique_name):
    """``user_client("app", actions)``: an X-Ray client of a new user allowed ``actions``."""

    def user_client(stem: str, actions: list[str]):
        name = unique_name(stem)
        aws.iam.create_user(UserName=name)
        if actions:
            statement = {"Effect": "Allow", "Action": actions, "Resource": "*"}
            document = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
            aws.iam.put_user_policy(UserName=name, PolicyName="xray", PolicyDocument=document)
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return boto3.client(
            "xray",
            endpoint_url=aws.endpoint_url,
            region_name=aws.region,
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )

    return user_client


def refused(xray) -> bool:
    """True when X-Ray answers PutTraceSegments with 403 Forbidden (access denied)."""
    try:
        xray.put_trace_segments(TraceSegmentDocuments=[one_segment()])
    except ClientError as error:
        return error.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    return False


@pytest.mark.claim(
    "xray.write-permission",
    quote="each application must have iam rights to write data to x-ray",
    source=PUT_TRACE_SEGMENTS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto checks PutTraceSegments against an action it names xray:TraceSegments, so it "
    "refuses a user allowed xray:PutTraceSegments; AWS lets that user write segments",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies, so every call is "
    "allowed; AWS refuses PutTraceSegments to an identity no policy allows it",
)
def test_only_an_application_allowed_to_write_traces_can(user_client, enforce_iam):
    # HINT: the IAM actions the traced application needs to send segments (and telemetry).
    # BEGIN SOLUTION
    actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    # END SOLUTION
    allowed = user_client("traced-app", actions)
    forgotten = user_client("untraced-app", [])
    enforce_iam()
    assert not refused(allowed)
    assert refused(forgotten)


@pytest.mark.claim(
    "xray.lambda-active-tracing",
    quote="enable lambda x-ray active tracing feature",
    source="https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
)
def test_a_function_traces_once_active_tracing_is_on(functions):
    source = "def handler(event, context):\n    return 'ok'\n"
    plain = functions.deploy(source, "checkout")
    traced = None
    # HINT: deploy `source` again as "checkout-traced", with active tracing (TracingConfig);
    # HINT: keep deploy's answer in `traced`.
    # BEGIN SOLUTION
    traced = functions.deploy(source, "checkout-traced", TracingConfig={"Mode": "Active"})
    # END SOLUTION
    modes = (plain["TracingConfig"]["Mode"], traced["TracingConfig"]["Mode"])
    assert modes == ("PassThrough", "Active"), "a function traces only when told to"
