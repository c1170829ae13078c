"""SQS -> Lambda: the event source mapping polls the queue for you.

Lambda receives messages in batches (up to ``BatchSize``), invokes the
function synchronously with ``{"Records": [...]}``, and deletes the batch if
the function succeeds. If it fails, the messages stay: they reappear after the
visibility timeout, are retried, and after ``maxReceiveCount`` receives the
queue's redrive policy moves them to the dead-letter queue.

Notes, "lambda > event source mapping sqs & sqs fifo".
"""

import json

import pytest
from botocore.exceptions import ClientError

CONSUMER = """
    import json

    def handler(event, context):
        bodies = [record["body"] for record in event["Records"]]
        print(json.dumps(bodies))
        if "poison" in bodies:
            raise ValueError("cannot process poison")
        failures = [
            {"itemIdentifier": record["messageId"]}
            for record in event["Records"]
            if record["body"] == "retry-me"
        ]
        return {"batchItemFailures": failures}
"""
SQS_GUIDE = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html"


@pytest.fixture
def source(aws, unique_name):
    """A standard queue whose visibility timeout suits a 1-second function (6 x 1 s)."""
    return aws.sqs.create_queue(
        QueueName=unique_name("orders"), Attributes={"VisibilityTimeout": "6"}
    )["QueueUrl"]


@pytest.mark.claim(
    "lambda.sqs-deletes-processed",
    quote="Lambda deletes items from the queue after they're processed successfully.",
)
def test_a_processed_batch_is_deleted(aws, deploy, source, queue_arn, receive, clock, eventually):
    function = deploy(CONSUMER, Timeout=1)
    # HINT: connect the queue to the function, in batches of up to 5 messages.
    # BEGIN SOLUTION
    aws.lambda_.create_event_source_mapping(
        EventSourceArn=queue_arn(source), FunctionName=function, BatchSize=5
    )
    # END SOLUTION
    aws.sqs.send_message(QueueUrl=source, MessageBody="order-1")
    logs = f"/aws/lambda/{function}"
    events = eventually(lambda: aws.logs.filter_log_events(logGroupName=logs)["events"])
    assert '["order-1"]' in [event["message"] for event in events]
    clock.advance(7)  # past the visibility timeout: deleted, not just in flight
    assert receive(source) == []


@pytest.mark.claim(
    "lambda.sqs-failed-batch-stays",
    beyond_notes="When the function fails, the event source mapping does not delete the batch: "
    "its messages come back to the queue after the visibility timeout.",
    source=SQS_GUIDE,
)
def test_a_failed_batch_stays_in_the_queue(
    aws, deploy, source, queue_arn, receive, clock, eventually
):
    function = deploy(CONSUMER, Timeout=1)
    # HINT: connect the queue to the function (keep the response in `mapping`).
    # BEGIN SOLUTION
    mapping = aws.lambda_.create_event_source_mapping(
        EventSourceArn=queue_arn(source), FunctionName=function
    )
    # END SOLUTION
    aws.sqs.send_message(QueueUrl=source, MessageBody="poison")
    logs = f"/aws/lambda/{function}"
    failures = eventually(
        lambda: aws.logs.filter_log_events(logGroupName=logs, filterPattern="ValueError")["events"]
    )
    assert "cannot process poison" in failures[0]["message"]
    # Stop Lambda polling, so that we can look into the queue ourselves.
    aws.lambda_.update_event_source_mapping(UUID=mapping["UUID"], Enabled=False)
    clock.advance(7)
    assert eventually(lambda: receive(source)) == ["poison"]


@pytest.mark.claim(
    "lambda.sqs-dlq-after-max-receives",
    quote="You can configure the source queue to send items to a dead-letter queue",
    source=SQS_GUIDE,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto invokes a mapping only when a message is sent, once, with ApproximateReceiveCount "
    "fixed at 1: it never retries a failed batch, so nothing reaches the DLQ",
)
def test_a_message_that_keeps_failing_moves_to_the_dlq(
    aws, deploy, source, queue_arn, unique_name, receive, clock, eventually
):
    function = deploy(CONSUMER, Timeout=1)
    dlq = aws.sqs.create_queue(QueueName=unique_name("orders-dlq"))["QueueUrl"]
    # HINT: a redrive policy on the source queue: after 2 receives, to the DLQ.
    # BEGIN SOLUTION
    policy = {"deadLetterTargetArn": queue_arn(dlq), "maxReceiveCount": 2}
    aws.sqs.set_queue_attributes(QueueUrl=source, Attributes={"RedrivePolicy": json.dumps(policy)})
    # END SOLUTION
    aws.lambda_.create_event_source_mapping(EventSourceArn=queue_arn(source), FunctionName=function)
    aws.sqs.send_message(QueueUrl=source, MessageBody="poison")

    for _ in range(3):  # two failed receives, then the one that moves it
        clock.advance(7)  # a failed receive's visibility timeout runs out
    assert eventually(lambda: receive(dlq)) == ["poison"]


@pytest.mark.claim(
    "lambda.sqs-visibility-6x",
    quote="recommend: set queue visibility timeout to 6x the timeout of your lambda function",
    source=SQS_GUIDE,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto maps a queue whose visibility timeout is shorter than the function's"
)
def test_the_queue_must_hide_messages_longer_than_the_function_runs(
    aws, deploy, unique_name, queue_arn
):
    function = deploy(CONSUMER, Timeout=60)
    queue = aws.sqs.create_queue(QueueName=unique_name("slow"))["QueueUrl"]  # 30 s default
    with pytest.raises(ClientError) as refused:
        aws.lambda_.create_event_source_mapping(
            EventSourceArn=queue_arn(queue), FunctionName=function
        )
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValueException"
    # HINT: follow the advice for this 60-second function.
    # BEGIN SOLUTION
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "360"})
    # END SOLUTION
    aws.lambda_.create_event_source_mapping(EventSourceArn=queue_arn(queue), FunctionName=function)


@pytest.mark.claim(
    "lambda.sqs-partial-batch",
    quote="but can configure to use `partial batch response`",
    source="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto ignores ReportBatchItemFailures: a batch that returns normally is deleted"
)
def test_a_partial_batch_response_keeps_only_the_failed_messages(
    aws, deploy, source, queue_arn, receive, clock, eventually
):
    function = deploy(CONSUMER, Timeout=1)
    # HINT: a mapping that honours the batchItemFailures the function returns.
    # BEGIN SOLUTION
    mapping = aws.lambda_.create_event_source_mapping(
        EventSourceArn=queue_arn(source),
        FunctionName=function,
        FunctionResponseTypes=["ReportBatchItemFailures"],
    )
    # END SOLUTION
    aws.sqs.send_message(QueueUrl=source, MessageBody="retry-me")
    logs = f"/aws/lambda/{function}"
    eventually(
        lambda: aws.logs.filter_log_events(logGroupName=logs, filterPattern="retry")["events"]
    )
    aws.lambda_.update_event_source_mapping(UUID=mapping["UUID"], Enabled=False)
    clock.advance(7)
    assert eventually(lambda: receive(source)) == ["retry-me"]
