"""S3 event notifications: S3 tells a queue, a topic or a function what happened.

A bucket's notification configuration routes events (s3:ObjectCreated:*,
s3:ObjectRemoved:*, ...) for keys matching an optional prefix and suffix to an
SQS queue, an SNS topic or a Lambda function (or everything to EventBridge).
The destination must let S3 write to it (a queue or topic policy); S3 checks
that when the configuration is saved, and proves it by sending an
s3:TestEvent message first. Each real event is a JSON document with a
"Records" list; the object key in it is URL-encoded (a space arrives as "+").
Through SNS, the S3 document travels as a string in the envelope's "Message".

Notes, "s3 advanced > s3 event notifications".
"""

import json
from urllib.parse import unquote_plus

import pytest

from harness.testkit.inbox import Inbox

NOTIFICATION_CONTENT = (
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html"
)


@pytest.fixture
def queue(aws, unique_name, bucket) -> Inbox:
    """A queue whose policy lets the ``bucket`` send it events."""
    events = Inbox.create(aws.sqs, unique_name("s3-events"))
    events.allow("s3.amazonaws.com", f"arn:aws:s3:::{bucket}")
    return events


def notify(aws, bucket: str, queue: Inbox, events: list[str], **filter_rules: str) -> None:
    """Route ``events`` for keys matching ``prefix=``/``suffix=`` to the queue."""
    configuration = {"Id": "to-queue", "QueueArn": queue.arn, "Events": events}
    if filter_rules:
        rules = [{"Name": name, "Value": value} for name, value in filter_rules.items()]
        configuration["Filter"] = {"Key": {"FilterRules": rules}}
    aws.s3.put_bucket_notification_configuration(
        Bucket=bucket, NotificationConfiguration={"QueueConfigurations": [configuration]}
    )


def records(bodies: list[dict]) -> list[dict]:
    """Every event record in these message bodies (the s3:TestEvent has none)."""
    return [record for body in bodies for record in body.get("Records", [])]


@pytest.mark.claim(
    "s3.events-test-event",
    beyond_notes="Saving a notification configuration makes S3 send an s3:TestEvent message "
    "to the destination.",
    source=NOTIFICATION_CONTENT,
)
def test_s3_sends_a_test_event_when_the_configuration_is_saved(aws, bucket, queue, eventually):
    # HINT: route s3:ObjectCreated:* events of the bucket to the queue (use notify()).
    # BEGIN SOLUTION
    notify(aws, bucket, queue, ["s3:ObjectCreated:*"])
    # END SOLUTION
    (test_event,) = eventually(queue.json_bodies)
    assert test_event["Event"] == "s3:TestEvent"
    assert test_event["Bucket"] == bucket
    assert "Records" not in test_event


@pytest.mark.claim("s3.events-filtered-to-sqs", quote="sqs", line=501)
def test_created_and_removed_events_pass_the_prefix_and_suffix_filter(
    aws, bucket, queue, eventually
):
    # HINT: route created AND removed events of keys under images/ ending in .jpg to the queue.
    # BEGIN SOLUTION
    notify(
        aws,
        bucket,
        queue,
        ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"],
        prefix="images/",
        suffix=".jpg",
    )
    # END SOLUTION
    eventually(queue.json_bodies)  # the s3:TestEvent
    for key in ("images/cat.jpg", "images/cat.png", "docs/cat.jpg"):
        aws.s3.put_object(Bucket=bucket, Key=key, Body=b"...")
    aws.s3.delete_object(Bucket=bucket, Key="images/cat.jpg")
    seen = []

    def both_events_arrived() -> bool:
        seen.extend(records(queue.json_bodies()))
        return len(seen) >= 2

    eventually(both_events_arrived)
    assert sorted((r["eventName"], unquote_plus(r["s3"]["object"]["key"])) for r in seen) == [
        ("ObjectCreated:Put", "images/cat.jpg"),
        ("ObjectRemoved:Delete", "images/cat.jpg"),
    ]


@pytest.mark.claim(
    "s3.events-record-shape",
    beyond_notes="An event record names the event, region, bucket, configuration and object, "
    "whose key is URL-encoded.",
    source=NOTIFICATION_CONTENT,
)
def test_an_event_record_names_the_bucket_and_the_url_encoded_key(aws, bucket, queue, eventually):
    notify(aws, bucket, queue, ["s3:ObjectCreated:*"])
    eventually(queue.json_bodies)  # the s3:TestEvent
    aws.s3.put_object(Bucket=bucket, Key="reports/q1 summary.txt", Body=b"12345")
    (record,) = eventually(lambda: records(queue.json_bodies()))
    assert record["eventSource"] == "aws:s3"
    assert record["eventName"] == "ObjectCreated:Put"
    assert record["awsRegion"] == aws.region
    assert record["s3"]["bucket"]["name"] == bucket
    assert record["s3"]["bucket"]["arn"] == f"arn:aws:s3:::{bucket}"
    assert record["s3"]["object"]["size"] == 5
    assert record["s3"]["configurationId"] == "to-queue"
    # HINT: turn the record's URL-encoded object key back into the real key.
    # BEGIN SOLUTION
    key = unquote_plus(record["s3"]["object"]["key"])
    # END SOLUTION
    assert key == "reports/q1 summary.txt"


@pytest.mark.claim(
    "s3.events-record-sequencer",
    beyond_notes="An event record carries a sequencer that orders the events of one key, and "
    "who made the request.",
    source=NOTIFICATION_CONTENT,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's event records have no s3.object.sequencer, userIdentity, "
    "requestParameters or responseElements; AWS sends them all",
)
def test_an_event_record_has_a_sequencer_to_order_events_of_a_key(aws, bucket, queue, eventually):
    notify(aws, bucket, queue, ["s3:ObjectCreated:*"])
    eventually(queue.json_bodies)  # the s3:TestEvent
    aws.s3.put_object(Bucket=bucket, Key="a.txt", Body=b"...")
    (record,) = eventually(lambda: records(queue.json_bodies()))
    assert int(record["s3"]["object"]["sequencer"], 16) > 0
    assert {"userIdentity", "requestParameters", "responseElements"} <= set(record)


# The function S3 invokes: it logs the key of each object in the event it gets.
LOGGER = """
def handler(event, context):
    for record in event["Records"]:
        print("KEY", record["s3"]["object"]["key"])
"""


def logged_keys(aws, function_name: str) -> list[str]:
    """The keys the logger function has printed so far (its log group: /aws/lambda/<name>)."""
    group = "/aws/lambda/" + function_name
    try:
        found = aws.logs.filter_log_events(logGroupName=group, filterPattern="KEY")["events"]
    except aws.logs.exceptions.ResourceNotFoundException:  # no log group before the first run
        return []
    return [event["message"].split()[1] for event in found]


@pytest.mark.claim("s3.events-to-lambda", quote="lambda", line=502, source=NOTIFICATION_CONTENT)
def test_s3_invokes_a_lambda_function_with_the_event(aws, bucket, functions, eventually):
    logger = functions.deploy(LOGGER, "logger")
    aws.lambda_.add_permission(  # S3 may invoke it, for this bucket only
        FunctionName=logger["FunctionName"],
        StatementId="s3-invokes",
        Action="lambda:InvokeFunction",
        Principal="s3.amazonaws.com",
        SourceArn=f"arn:aws:s3:::{bucket}",
    )
    # HINT: have S3 invoke the logger function (its ARN: logger["FunctionArn"]) for every
    # object created whose key ends in .jpg.
    # BEGIN SOLUTION
    aws.s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "LambdaFunctionConfigurations": [
                {
                    "LambdaFunctionArn": logger["FunctionArn"],
                    "Events": ["s3:ObjectCreated:*"],
                    "Filter": {"Key": {"FilterRules": [{"Name": "suffix", "Value": ".jpg"}]}},
                }
            ]
        },
    )
    # END SOLUTION
    aws.s3.put_object(Bucket=bucket, Key="cat.png", Body=b"...")
    aws.s3.put_object(Bucket=bucket, Key="cat.jpg", Body=b"...")
    assert eventually(lambda: logged_keys(aws, logger["FunctionName"])) == ["cat.jpg"]


@pytest.mark.claim("s3.events-through-sns", quote="sns", line=500)
def test_events_fan_out_through_an_sns_topic(aws, bucket, queue, unique_name, eventually):
    topic = aws.sns.create_topic(Name=unique_name("uploads"))["TopicArn"]
    aws.sns.set_topic_attributes(
        TopicArn=topic,
        AttributeName="Policy",
        AttributeValue=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "s3.amazonaws.com"},
                        "Action": "sns:Publish",
                        "Resource": topic,
                        "Condition": {"ArnLike": {"aws:SourceArn": f"arn:aws:s3:::{bucket}"}},
                    }
                ],
            }
        ),
    )
    queue.allow("sns.amazonaws.com", topic)
    aws.sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue.arn)
    aws.s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "TopicConfigurations": [{"TopicArn": topic, "Events": ["s3:ObjectCreated:*"]}]
        },
    )
    aws.s3.put_object(Bucket=bucket, Key="upload.txt", Body=b"...")
    envelopes = []

    def event_and_record_arrived() -> bool:
        envelopes.extend(queue.json_bodies())
        return len(envelopes) >= 2

    eventually(event_and_record_arrived)
    assert {envelope["Type"] for envelope in envelopes} == {"Notification"}
    # HINT: each SNS envelope carries the S3 document as a JSON *string*: parse them all.
    # BEGIN SOLUTION
    documents = [json.loads(envelope["Message"]) for envelope in envelopes]
    # END SOLUTION
    assert [d["Event"] for d in documents if "Event" in d] == ["s3:TestEvent"]
    assert [r["s3"]["object"]["key"] for r in records(documents)] == ["upload.txt"]


@pytest.mark.claim(
    "s3.events-destination-checked",
    beyond_notes="S3 refuses a notification configuration whose destination it cannot write to.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/grant-destinations-permissions-to-s3.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto saves a notification to a queue that does not exist; AWS checks every "
    "destination and refuses with InvalidArgument (Unable to validate the following "
    "destination configurations)",
)
def test_a_destination_s3_cannot_write_to_is_refused(aws, bucket, error_code):
    missing = f"arn:aws:sqs:{aws.region}:123456789012:no-such-queue"
    # HINT: what error code does S3 answer when it cannot send to the destination?
    # BEGIN SOLUTION
    expected_error = "InvalidArgument"
    # END SOLUTION
    answer = error_code(
        aws.s3.put_bucket_notification_configuration,
        Bucket=bucket,
        NotificationConfiguration={
            "QueueConfigurations": [{"QueueArn": missing, "Events": ["s3:ObjectCreated:*"]}]
        },
    )
    assert answer == expected_error
