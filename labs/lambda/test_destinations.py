"""Destinations: where the record of an asynchronous invocation goes.

After an asynchronous invocation has succeeded, or failed all its retries,
Lambda can send a record (the event, the response, the error) to a
destination: an SQS queue, an SNS topic, another function, an EventBridge bus,
and, for failures only, an S3 bucket.

Notes, "lambda > lambda -- destinations".
"""

import json

import pytest

FAILING = """
    def handler(event, context):
        raise RuntimeError("payment declined")
"""
DESTINATIONS = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html"


@pytest.mark.claim(
    "lambda.destinations-on-failure",
    quote="can configure to send result to destination",
    source=DESTINATIONS,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores a function's destinations but never delivers a record to them"
)
def test_a_failed_async_invocation_is_recorded_in_the_on_failure_queue(
    aws, deploy, unique_name, queue_arn, eventually, delivery_timeout
):
    function = deploy(FAILING)
    failures = aws.sqs.create_queue(QueueName=unique_name("failures"))["QueueUrl"]
    # HINT: no retries, and records of failed asynchronous invocations to the `failures` queue.
    # BEGIN SOLUTION
    aws.lambda_.put_function_event_invoke_config(
        FunctionName=function,
        MaximumRetryAttempts=0,
        DestinationConfig={"OnFailure": {"Destination": queue_arn(failures)}},
    )
    # END SOLUTION
    aws.lambda_.invoke(FunctionName=function, InvocationType="Event", Payload=b'{"order": 9}')
    messages = eventually(
        lambda: aws.sqs.receive_message(QueueUrl=failures).get("Messages"),
        timeout=delivery_timeout,
    )
    record = json.loads(messages[0]["Body"])
    assert record["requestPayload"] == {"order": 9}
    assert record["responsePayload"]["errorMessage"] == "payment declined"


@pytest.mark.claim(
    "lambda.destination-types",
    quote="`asynchronous invocations`:",
    errata="Besides SQS, SNS, Lambda and EventBridge, an S3 bucket is a destination too, "
    "for failed invocations only.",
    source=DESTINATIONS,
)
def test_an_s3_bucket_can_keep_failed_invocations(aws, deploy, make_bucket):
    function = deploy(FAILING)
    bucket = make_bucket("failed-orders")
    # HINT: the ARN of the bucket, as an on-failure destination.
    # BEGIN SOLUTION
    destination = f"arn:aws:s3:::{bucket}"
    # END SOLUTION
    aws.lambda_.put_function_event_invoke_config(
        FunctionName=function, DestinationConfig={"OnFailure": {"Destination": destination}}
    )
    config = aws.lambda_.get_function_event_invoke_config(FunctionName=function)
    assert config["DestinationConfig"]["OnFailure"]["Destination"] == f"arn:aws:s3:::{bucket}"
