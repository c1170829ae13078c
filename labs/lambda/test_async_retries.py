"""Asynchronous invocations are retried: make the processing idempotent.

An asynchronous invocation (``InvocationType="Event"``, or S3, SNS,
EventBridge calling the function) goes to an event queue. If the function
fails, Lambda tries again, twice by default, and keeps an event waiting up to
six hours: the same event can run more than once, so the handler must be
idempotent. A function's event invoke configuration lowers both: at most 2
retries, at most 21,600 seconds of age; Lambda refuses more.

Notes, "lambda > asynchronous invocations".
"""

import pytest

SOURCE = """
    def handler(event, context):
        return "charged"
"""
ASYNC = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html"


@pytest.mark.claim(
    "lambda.async-retried-up-to-twice",
    quote="make sure the processing is idempotent",
    source=ASYNC,
)
def test_a_failed_async_event_is_retried_at_most_twice(aws, deploy, error_code):
    function = deploy(SOURCE)
    configure = aws.lambda_.put_function_event_invoke_config
    # HINT: the most retries Lambda makes of a failed asynchronous event.
    # BEGIN SOLUTION
    most = 2
    # END SOLUTION
    assert configure(FunctionName=function, MaximumRetryAttempts=most)["MaximumRetryAttempts"] == 2
    refused = error_code(configure, FunctionName=function, MaximumRetryAttempts=most + 1)
    assert refused == "ValidationException"


@pytest.mark.claim(
    "lambda.async-event-age-6-hours",
    beyond_notes="An asynchronous event waits at most 6 hours (MaximumEventAgeInSeconds "
    "21,600); Lambda refuses a longer age.",
    source=ASYNC,
)
def test_an_async_event_waits_at_most_6_hours(aws, deploy, error_code):
    function = deploy(SOURCE)
    configure = aws.lambda_.put_function_event_invoke_config
    # HINT: the longest an event may wait in the queue, in seconds.
    # BEGIN SOLUTION
    longest = 6 * 60 * 60
    # END SOLUTION
    answer = configure(FunctionName=function, MaximumEventAgeInSeconds=longest)
    assert answer["MaximumEventAgeInSeconds"] == 21600
    refused = error_code(configure, FunctionName=function, MaximumEventAgeInSeconds=longest + 1)
    assert refused == "ValidationException"
