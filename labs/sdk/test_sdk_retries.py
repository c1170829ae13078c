"""The SDK retries for you: which errors, how many times, how long apart.

An application calls Kinesis through boto3, and Kinesis is having a bad
minute. Which failures does the SDK quietly retry, and which reach the
application at once? The lab points a client at a stub on 127.0.0.1 that
answers whatever the test scripts and counts the requests it receives.

- Retried: server errors (5xx) and throttling (``ThrottlingException``,
  ``ProvisionedThroughputExceededException``...): they may succeed later.
- Never retried: other 4xx client errors (a validation error, access denied,
  a failed DynamoDB condition): the same request would fail the same way.
- How many attempts: the ``standard`` mode makes 3 in total (DynamoDB: 4),
  and is the default of the botocore installed here (1.44; older releases
  default to ``legacy``); ``legacy`` makes 5; ``adaptive`` is standard plus
  client-side rate limiting. ``Config(retries={"total_max_attempts": n})``
  counts every attempt; the older ``max_attempts`` counts *retries* (n + 1 in total).
- Between attempts: exponential backoff with jitter, a random wait below
  1, 2, 4... seconds (capped at 20 s). The lab records the waits instead of sleeping.

Notes, "aws cli sdk and iam roles and policies > exponential backoff".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

SERVER_ERROR = (500, "InternalFailure")
UNAVAILABLE = (503, "ServiceUnavailable")
THROTTLED = (400, "ThrottlingException")
INVALID = (400, "ValidationException")
DENIED = (403, "AccessDeniedException")
CONDITION_FAILED = (400, "ConditionalCheckFailedException")


def requests_for(stub, failure: tuple[int, str], service: str = "kinesis", **retries) -> int:
    """How many requests one call makes when the endpoint keeps answering ``failure``."""
    stub.script(*[failure] * 20)
    client = stub.client(service, **retries)
    operation = client.list_tables if service == "dynamodb" else client.list_streams
    with pytest.raises(ClientError) as failed:
        operation()
    assert failed.value.response["Error"]["Code"] == failure[1]
    return stub.requests


@pytest.mark.claim(
    "sdk.retries-5xx-and-throttling",
    quote="must only implement the retry for 5xx errors and throttling",
)
def test_server_errors_and_throttling_are_retried(stub, backoff_sleeps):
    # HINT: with botocore's defaults (standard mode), how many requests in total does one
    # HINT: Kinesis call make against an endpoint that keeps failing this way?
    # BEGIN SOLUTION
    expected = {"500": 3, "503": 3, "throttled": 3}
    # END SOLUTION
    observed = {
        "500": requests_for(stub, SERVER_ERROR),
        "503": requests_for(stub, UNAVAILABLE),
        "throttled": requests_for(stub, THROTTLED),
    }
    assert observed == expected
    stub.script(UNAVAILABLE)  # one bad answer, then the endpoint recovers
    stub.client().list_streams()
    assert stub.requests == 2, "the application never saw the 503"


@pytest.mark.claim("sdk.no-retry-4xx", quote="do not implement on 4xx client errors")
def test_client_errors_are_never_retried(stub, backoff_sleeps):
    # HINT: and for these client errors? (The last is DynamoDB's failed conditional write.)
    # BEGIN SOLUTION
    expected = {"validation": 1, "access denied": 1, "condition failed": 1}
    # END SOLUTION
    observed = {
        "validation": requests_for(stub, INVALID),
        "access denied": requests_for(stub, DENIED),
        "condition failed": requests_for(stub, CONDITION_FAILED, service="dynamodb"),
    }
    assert observed == expected
    assert backoff_sleeps == [], "nothing was retried, so nothing waited"


@pytest.mark.claim(
    "sdk.retry-modes", quote="retry logic has been included in aws sdk (not for conditional check)"
)
def test_how_many_attempts_each_retry_setting_makes(stub, backoff_sleeps):
    # HINT: total requests per setting, against an endpoint that keeps answering 500.
    # BEGIN SOLUTION
    expected = {
        "standard (default)": 3,
        "standard, DynamoDB": 4,
        "legacy": 5,
        "adaptive": 3,
        "total_max_attempts=5": 5,
        "max_attempts=5": 6,
    }
    # END SOLUTION
    observed = {
        "standard (default)": requests_for(stub, SERVER_ERROR),
        "standard, DynamoDB": requests_for(stub, SERVER_ERROR, service="dynamodb"),
        "legacy": requests_for(stub, SERVER_ERROR, mode="legacy"),
        "adaptive": requests_for(stub, SERVER_ERROR, mode="adaptive"),
        "total_max_attempts=5": requests_for(stub, SERVER_ERROR, total_max_attempts=5),
        "max_attempts=5": requests_for(stub, SERVER_ERROR, max_attempts=5),
    }
    assert observed == expected


@pytest.mark.claim("sdk.exponential-backoff", quote="use exponential backoff if you encounter")
def test_the_waits_grow_exponentially_with_jitter(stub, backoff_sleeps):
    # HINT: a Kinesis client (stub.client(...)) in standard mode that makes 6 attempts in all.
    # BEGIN SOLUTION
    client = stub.client("kinesis", mode="standard", total_max_attempts=6)
    # END SOLUTION
    stub.script(*[THROTTLED] * 6)
    with pytest.raises(ClientError) as throttled:
        client.list_streams()
    assert throttled.value.response["Error"]["Code"] == "ThrottlingException"
    assert stub.requests == 6
    assert len(backoff_sleeps) == 5, "one wait before each retry"
    for retry, wait in enumerate(backoff_sleeps):
        assert 0 <= wait <= 2**retry, f"retry {retry + 1} waits below {2**retry} s"
    assert len(set(backoff_sleeps)) > 1, "jitter: random waits, so clients do not retry in step"
