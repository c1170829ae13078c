"""Your own retries: exponential backoff with jitter, for throttling only.

A batch job writes to Kinesis faster than the stream allows. The SDK's own
retries give up after 3 attempts, so the job adds its own, in the shape AWS
recommends: wait a random time below a ceiling that doubles after each
failure (exponential backoff with jitter), retry only throttling, and let
every other client error through at once, since retrying a validation error
only repeats it. The lab writes the policy with tenacity (as an application
would), turns the SDK's retries off to see the application's alone, and
records the waits instead of sleeping.

Notes, "aws cli sdk and iam roles and policies > exponential backoff".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from tenacity import (
    retry,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

THROTTLED = (400, "ThrottlingException")
INVALID = (400, "ValidationException")
THROTTLING_CODES = {"ThrottlingException", "ProvisionedThroughputExceededException"}


def is_throttling(error: BaseException) -> bool:
    return isinstance(error, ClientError) and error.response["Error"]["Code"] in THROTTLING_CODES


@pytest.mark.claim(
    "sdk.application-backoff",
    quote="use exponential backoff if you encounter `ThrottlingException`",
)
def test_throttling_is_retried_and_a_validation_error_is_not(stub):
    kinesis = stub.client("kinesis", total_max_attempts=1)  # the SDK's retries off
    waits: list[float] = []

    def list_streams():
        return kinesis.list_streams()

    # HINT: wrap list_streams with tenacity's retry: retry only when is_throttling(error),
    # HINT: at most 5 attempts, wait_exponential_jitter(initial=1, max=20), re-raise the last
    # HINT: error, and sleep=waits.append (record the waits instead of sleeping).
    # BEGIN SOLUTION
    patient_list_streams = retry(
        retry=retry_if_exception(is_throttling),
        stop=stop_after_attempt(5),
        wait=wait_exponential_jitter(initial=1, max=20),
        reraise=True,
        sleep=waits.append,
    )(list_streams)
    # END SOLUTION
    stub.script(THROTTLED, THROTTLED, THROTTLED)
    patient_list_streams()
    assert stub.requests == 4, "three throttled attempts, then success"
    assert len(waits) == 3 and waits[0] < waits[1] < waits[2], "each wait longer"

    stub.script(INVALID, INVALID)
    with pytest.raises(ClientError) as refused:
        patient_list_streams()
    assert refused.value.response["Error"]["Code"] == "ValidationException"
    assert stub.requests == 1, "a validation error is not retried"

    stub.script(*[THROTTLED] * 10)
    with pytest.raises(ClientError) as throttled:
        patient_list_streams()
    assert throttled.value.response["Error"]["Code"] == "ThrottlingException"
    assert stub.requests == 5, "and it gives up in the end"
