"""Destinations: where the record of an asynchronous invocation goes.

After an asynchronous invocation has succeeded, or failed all its retries,
Lambda can send a record (the event, the response, the error) to a
destination: an SQS queue, an SNS topic, another function, an EventBridge bus,
and, for failures only, an S3 bucket.

Notes, "lambda > lambda -- destinations".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document

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
    aws, deploy, unique_name, queue_arn, eventually
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
    messages = eventually(lambda: aws.sqs.receive_message(QueueUrl=failures).get("Messages"))
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
def test_an_s3_bucket_can_keep_failed_invocations(aws, deploy, role, make_bucket):
    function = deploy(FAILING)
    bucket = make_bucket("failed-orders")
    # Lambda writes the records with the function's role: AWS refuses a bucket it may not.
    writing = [
        allow("s3:ListBucket", f"arn:aws:s3:::{bucket}"),
        allow("s3:PutObject", f"arn:aws:s3:::{bucket}/*"),
    ]
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="keep-failures",
        PolicyDocument=json.dumps(policy_document(*writing)),
    )
    # HINT: the ARN of the bucket, as an on-failure destination.
    # BEGIN SOLUTION
    destination = f"arn:aws:s3:::{bucket}"
    # END SOLUTION
    aws.lambda_.put_function_event_invoke_config(
        FunctionName=function, DestinationConfig={"OnFailure": {"Destination": destination}}
    )
    config = aws.lambda_.get_function_event_invoke_config(FunctionName=function)
    assert config["DestinationConfig"]["OnFailure"]["Destination"] == f"arn:aws:s3:::{bucket}"


SUCCEEDING = """
    def handler(event, context):
        return {"paid": event.get("order")}
"""


@pytest.fixture
def recorded(aws, deploy, role):
    """``recorded(destination_config)``: a new function whose asynchronous invocations are
    recorded as ``destination_config`` says; the destination config Lambda keeps.

    Lambda sends the records with the function's execution role: on AWS, a destination
    the role may not write to is refused. This role may write to any of them.
    """
    senders = ["sqs:SendMessage", "sns:Publish", "lambda:InvokeFunction", "events:PutEvents"]
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="send-records",
        PolicyDocument=json.dumps(policy_document(allow(senders))),
    )
    function = deploy(SUCCEEDING)

    def recorded(destination_config: dict) -> dict:
        aws.lambda_.put_function_event_invoke_config(
            FunctionName=function, DestinationConfig=destination_config
        )
        return aws.lambda_.get_function_event_invoke_config(FunctionName=function)[
            "DestinationConfig"
        ]

    return recorded


@pytest.mark.claim("lambda.destination-sqs", quote="sqs", line=1389, source=DESTINATIONS)
def test_a_queue_can_receive_the_records(aws, recorded, unique_name, queue_arn):
    queue = queue_arn(aws.sqs.create_queue(QueueName=unique_name("paid"))["QueueUrl"])
    config = None
    # HINT: a DestinationConfig that records successful invocations in `queue`.
    # BEGIN SOLUTION
    config = {"OnSuccess": {"Destination": queue}}
    # END SOLUTION
    assert recorded(config)["OnSuccess"]["Destination"] == queue


@pytest.mark.claim("lambda.destination-sns", quote="sns", line=1390, source=DESTINATIONS)
def test_a_topic_can_receive_the_records(aws, recorded, unique_name):
    topic = aws.sns.create_topic(Name=unique_name("declined"))["TopicArn"]
    config = None
    # HINT: a DestinationConfig that records failed invocations in `topic`.
    # BEGIN SOLUTION
    config = {"OnFailure": {"Destination": topic}}
    # END SOLUTION
    assert recorded(config)["OnFailure"]["Destination"] == topic


@pytest.mark.claim("lambda.destination-lambda", quote="lambda", line=1391, source=DESTINATIONS)
def test_another_function_can_receive_the_records(recorded, functions):
    next_step = functions.deploy(SUCCEEDING, "next")["FunctionArn"]
    config = None
    # HINT: a DestinationConfig that hands the record of every success to `next_step`.
    # BEGIN SOLUTION
    config = {"OnSuccess": {"Destination": next_step}}
    # END SOLUTION
    assert recorded(config)["OnSuccess"]["Destination"] == next_step


@pytest.mark.claim("lambda.destination-eventbridge", quote="eventbridge bus", source=DESTINATIONS)
def test_an_event_bus_can_receive_the_records(aws, recorded):
    bus = aws.events.describe_event_bus()["Arn"]  # the account's default bus
    config = None
    # HINT: a DestinationConfig that puts the records of successes and of failures on `bus`.
    # BEGIN SOLUTION
    config = {"OnSuccess": {"Destination": bus}, "OnFailure": {"Destination": bus}}
    # END SOLUTION
    kept = recorded(config)
    assert (kept["OnSuccess"]["Destination"], kept["OnFailure"]["Destination"]) == (bus, bus)
