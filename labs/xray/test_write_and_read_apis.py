"""X-Ray's write APIs and read APIs, as AWS's managed policies split them.

An application (or the X-Ray daemon beside it) only *writes*: it sends segments
(``PutTraceSegments``) and the daemon's own telemetry (``PutTelemetryRecords``),
and asks for the central sampling rules and its share of them
(``GetSamplingRules``, ``GetSamplingTargets``). The console, a dashboard or a
script only *reads*: traces (``BatchGetTraces``), their summaries
(``GetTraceSummaries``), the service map (``GetServiceGraph``) and a trace's
graph (``GetTraceGraph``). AWS ships one managed policy for each side:
``AWSXRayDaemonWriteAccess`` for the application's role, ``AWSXrayReadOnlyAccess``
for whoever reads the traces.

Notes, "aws monitoring and troubleshooting and audit > aws x-ray" (x-ray write apis,
x-ray read apis).
"""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

POLICIES = "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/"
NO_MANAGED_POLICIES = (
    "moto loads no AWS managed policies (unless MOTO_IAM_LOAD_MANAGED_POLICIES is set): "
    "GetPolicy answers NoSuchEntity; AWS's policy lists the X-Ray actions it allows"
)
APIS = [
    "PutTraceSegments",
    "PutTelemetryRecords",
    "GetSamplingRules",
    "GetSamplingTargets",
    "BatchGetTraces",
    "GetTraceSummaries",
    "GetServiceGraph",
    "GetTraceGraph",
]


def allowed_apis(aws, policy_name: str) -> set[str]:
    """The X-Ray APIs of ``APIS`` that the AWS managed policy ``policy_name`` allows."""
    arn = f"arn:aws:iam::aws:policy/{policy_name}"
    version = aws.iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
    document = aws.iam.get_policy_version(PolicyArn=arn, VersionId=version)
    document = document["PolicyVersion"]["Document"]
    if isinstance(document, str):  # some backends answer it URL-encoded text
        document = json.loads(unquote(document))
    actions = set()
    for statement in document["Statement"]:
        if statement["Effect"] == "Allow":
            listed = statement["Action"]
            actions |= {listed} if isinstance(listed, str) else set(listed)
    return {api for api in APIS if f"xray:{api}" in actions or "xray:*" in actions}


@pytest.mark.emulator_gap("moto", reason=NO_MANAGED_POLICIES)
@pytest.mark.claim(
    "xray.write-apis",
    quote="x-ray write apis",
    source=POLICIES + "AWSXRayDaemonWriteAccess.html",
)
def test_the_write_policy_allows_sending_and_sampling_only(aws):
    # HINT: which of APIS does the application's policy, AWSXRayDaemonWriteAccess, allow?
    # HINT: (a set of API names)
    # BEGIN SOLUTION
    expected = {"PutTraceSegments", "PutTelemetryRecords", "GetSamplingRules", "GetSamplingTargets"}
    # END SOLUTION
    assert allowed_apis(aws, "AWSXRayDaemonWriteAccess") == expected


@pytest.mark.emulator_gap("moto", reason=NO_MANAGED_POLICIES)
@pytest.mark.claim(
    "xray.read-apis",
    quote="x-ray read apis",
    source=POLICIES + "AWSXrayReadOnlyAccess.html",
)
def test_the_read_policy_allows_reading_traces_and_not_writing_them(aws):
    # HINT: which of APIS does the read-only policy, AWSXrayReadOnlyAccess, allow? (a set)
    # BEGIN SOLUTION
    expected = {
        "GetSamplingRules",
        "GetSamplingTargets",
        "BatchGetTraces",
        "GetTraceSummaries",
        "GetServiceGraph",
        "GetTraceGraph",
    }
    # END SOLUTION
    assert allowed_apis(aws, "AWSXrayReadOnlyAccess") == expected
