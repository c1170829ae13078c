"""The sources an event source mapping reads: streams and queues.

An event source mapping is Lambda polling a source for the function: a Kinesis
data stream, an SQS queue (standard or FIFO), a DynamoDB table's stream (and
Kafka, Amazon MQ, DocumentDB). A stream mapping says where in each shard to
start reading (``StartingPosition``: ``LATEST``, ``TRIM_HORIZON``); a queue has
no position, Lambda just receives its messages. A table is mapped through its
stream's ARN (``LatestStreamArn``), not the table's own. Lambda reads every
source with the function's execution role, which must be allowed to.

An SQS source keeps its failures with a dead-letter queue of its own: the
source queue's redrive policy names it, and the mapping reads on unchanged.

Notes, "lambda > event source mapping" and "lambda > event source mapping sqs & sqs fifo".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document

SOURCE = """
    def handler(event, context):
        return len(event["Records"])
"""
MAPPINGS = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html"


READING = [
    "kinesis:DescribeStream",
    "kinesis:DescribeStreamSummary",
    "kinesis:GetRecords",
    "kinesis:GetShardIterator",
    "kinesis:ListShards",
    "kinesis:ListStreams",
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
    "dynamodb:ListStreams",
]


@pytest.fixture
def function(aws, deploy, role) -> str:
    """A new function whose execution role may read every kind of source (Lambda reads
    the source with it: AWS refuses a mapping the role could not read)."""
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="read-sources",
        PolicyDocument=json.dumps(policy_document(allow(READING))),
    )
    return deploy(SOURCE)


def mapped_sources(aws, function: str) -> list[str]:
    """The ARNs of the sources mapped to ``function``."""
    mappings = aws.lambda_.list_event_source_mappings(FunctionName=function)
    return sorted(mapping["EventSourceArn"] for mapping in mappings["EventSourceMappings"])


@pytest.mark.claim("lambda.mapping-reads-kinesis", quote="kds", line=1350, source=MAPPINGS)
def test_a_mapping_reads_a_kinesis_data_stream(aws, function, unique_name):
    name = unique_name("clicks")
    aws.kinesis.create_stream(StreamName=name, ShardCount=1)
    aws.kinesis.get_waiter("stream_exists").wait(
        StreamName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    stream = aws.kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"][
        "StreamARN"
    ]
    # HINT: map the stream to the function, reading each shard from its newest records.
    # BEGIN SOLUTION
    aws.lambda_.create_event_source_mapping(
        EventSourceArn=stream, FunctionName=function, StartingPosition="LATEST"
    )
    # END SOLUTION
    assert mapped_sources(aws, function) == [stream]


@pytest.mark.claim("lambda.mapping-reads-sqs-and-fifo", quote="sqs, sqs fifo", source=MAPPINGS)
def test_a_mapping_reads_a_standard_queue_and_a_fifo_queue(aws, function, unique_name, queue_arn):
    standard = queue_arn(aws.sqs.create_queue(QueueName=unique_name("orders"))["QueueUrl"])
    fifo = queue_arn(
        aws.sqs.create_queue(
            QueueName=unique_name("payments") + ".fifo", Attributes={"FifoQueue": "true"}
        )["QueueUrl"]
    )
    # HINT: map both queues to the function (a queue takes no StartingPosition).
    # BEGIN SOLUTION
    for queue in (standard, fifo):
        aws.lambda_.create_event_source_mapping(EventSourceArn=queue, FunctionName=function)
    # END SOLUTION
    assert mapped_sources(aws, function) == sorted([standard, fifo])


@pytest.mark.claim(
    "lambda.mapping-reads-dynamodb-stream", quote="dynamodb stream", line=1352, source=MAPPINGS
)
def test_a_mapping_reads_a_tables_stream(aws, function, unique_name):
    table = aws.dynamodb.create_table(
        TableName=unique_name("carts"),
        KeySchema=[{"AttributeName": "cart", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "cart", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
    )["TableDescription"]
    # HINT: which ARN does the mapping read, table["TableArn"] or table["LatestStreamArn"]?
    # HINT: (map it to the function from the oldest record)
    # BEGIN SOLUTION
    aws.lambda_.create_event_source_mapping(
        EventSourceArn=table["LatestStreamArn"],
        FunctionName=function,
        StartingPosition="TRIM_HORIZON",
    )
    # END SOLUTION
    assert mapped_sources(aws, function) == [table["LatestStreamArn"]]
    assert table["LatestStreamArn"].startswith(table["TableArn"] + "/stream/")


@pytest.mark.claim(
    "lambda.sqs-source-dlq-on-the-queue",
    quote="to use a dlq",
    source="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html",
)
def test_a_queue_source_keeps_its_failures_in_its_own_dlq(aws, function, unique_name, queue_arn):
    source = aws.sqs.create_queue(QueueName=unique_name("orders"))["QueueUrl"]
    dlq = aws.sqs.create_queue(QueueName=unique_name("orders-dlq"))["QueueUrl"]
    aws.lambda_.create_event_source_mapping(EventSourceArn=queue_arn(source), FunctionName=function)
    assert aws.sqs.list_dead_letter_source_queues(QueueUrl=dlq).get("queueUrls", []) == []
    # HINT: have `source` move a message to `dlq` after 5 failed receives (its redrive policy).
    # BEGIN SOLUTION
    policy = {"deadLetterTargetArn": queue_arn(dlq), "maxReceiveCount": 5}
    aws.sqs.set_queue_attributes(QueueUrl=source, Attributes={"RedrivePolicy": json.dumps(policy)})
    # END SOLUTION
    assert aws.sqs.list_dead_letter_source_queues(QueueUrl=dlq)["queueUrls"] == [source]
    assert mapped_sources(aws, function) == [queue_arn(source)], "the mapping reads on"
