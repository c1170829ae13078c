"""Event source mappings: how a function reads a stream or a queue.

An event source mapping polls for the function and invokes it with batches:
its sources are the ones that keep records to be read (Kinesis, DynamoDB
Streams, SQS, Kafka, MQ, DocumentDB), never a service that pushes (SNS
invokes the function itself; a mapping from a topic is refused).
On a Kinesis or DynamoDB stream it reads each shard with an iterator, in
order; its settings are the mapping's own:

- ``BatchSize`` (100 records by default on a stream, up to 10,000) and
  ``MaximumBatchingWindowInSeconds`` (0 to 300 s) gather fewer, bigger batches;
- ``ParallelizationFactor`` (1 by default, up to 10) processes that many
  batches of one shard at once, still in order for each partition key;
- on an error the whole batch is retried (``MaximumRetryAttempts`` -1:
  until the records expire) unless told otherwise; a batch given up on can
  be recorded in an on-failure destination (an SQS queue, an SNS topic, a
  bucket): failures only, never successes. An SQS mapping has no such
  destination: a queue's failures go to the queue's own dead-letter queue.
  An SQS mapping's
  ``ScalingConfig.MaximumConcurrency`` caps how many batches run at once (2 to 1,000).

To read the source, Lambda uses the function's execution role: a role that
may not read the queue gets the mapping refused.

Notes, "lambda > streams and lambda (kinesis and dynamodb)", "lambda event mapper
scaling", "lambda -- destinations", "lambda execution role".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document

SOURCE = """
    def handler(event, context):
        return len(event["Records"])
"""
MAPPING_API = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html"
STREAM_ERRORS = "https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html"


@pytest.fixture
def stream(aws, unique_name) -> str:
    """The ARN of a new one-shard Kinesis data stream, once it is active."""
    name = unique_name("clicks")
    aws.kinesis.create_stream(StreamName=name, ShardCount=1)
    aws.kinesis.get_waiter("stream_exists").wait(
        StreamName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    return aws.kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"][
        "StreamARN"
    ]


#: What a mapping's role needs to read its source (AWS refuses a mapping it may not read).
READS = {
    "sqs": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
    "kinesis": [
        "kinesis:DescribeStream",
        "kinesis:DescribeStreamSummary",
        "kinesis:GetRecords",
        "kinesis:GetShardIterator",
        "kinesis:ListShards",
    ],
}


@pytest.fixture
def role_reads(aws, role):
    """``role_reads(arn)``: let the functions' execution role read that queue or stream."""

    def role_reads(source: str) -> None:
        service = source.split(":")[2]
        aws.iam.put_role_policy(
            RoleName=role.rsplit("/", 1)[1],
            PolicyName=f"read-{service}",
            PolicyDocument=json.dumps(policy_document(allow(READS[service], source))),
        )

    return role_reads


@pytest.fixture
def map_stream(aws, deploy, stream, role_reads):
    """``map_stream(**settings)``: a new mapping from the stream to a new function."""
    function = deploy(SOURCE)
    role_reads(stream)

    def map_stream(**settings) -> dict:
        return aws.lambda_.create_event_source_mapping(
            EventSourceArn=stream, FunctionName=function, StartingPosition="LATEST", **settings
        )

    return map_stream


@pytest.fixture
def queue(aws, unique_name, queue_arn) -> str:
    """The ARN of a new standard queue."""
    return queue_arn(aws.sqs.create_queue(QueueName=unique_name("orders"))["QueueUrl"])


@pytest.mark.claim(
    "lambda.stream-batch-size",
    quote="configure batch size and batch window to lower traffic",
    source=MAPPING_API,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses a BatchSize above 10,000 with an internal error (500); AWS with "
    "InvalidParameterValueException",
)
def test_a_stream_batch_holds_100_records_by_default_and_up_to_10000(map_stream, error_code, aws):
    assert map_stream()["BatchSize"] == 100, "the default on a stream"
    # HINT: the largest BatchSize a Kinesis mapping takes.
    # BEGIN SOLUTION
    largest = 10000
    # END SOLUTION
    assert map_stream(BatchSize=largest)["BatchSize"] == 10000
    assert error_code(map_stream, BatchSize=largest + 1) == "InvalidParameterValueException"


@pytest.mark.claim(
    "lambda.stream-parallelization-limit",
    quote="can also process up to 10 batches in parallel",
    source=MAPPING_API,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores any ParallelizationFactor; AWS refuses one above 10"
)
def test_up_to_10_batches_of_a_shard_run_at_once(aws, stream, deploy, error_code):
    function = deploy(SOURCE)
    create = aws.unvalidated("lambda").create_event_source_mapping
    mapping = {"EventSourceArn": stream, "FunctionName": function, "StartingPosition": "LATEST"}
    # HINT: the largest ParallelizationFactor (concurrent batches per shard).
    # BEGIN SOLUTION
    most = 10
    # END SOLUTION
    assert create(**mapping, ParallelizationFactor=most)["ParallelizationFactor"] == 10
    refused = error_code(create, **mapping, ParallelizationFactor=most + 1)
    assert refused == "InvalidParameterValueException"


@pytest.mark.claim(
    "lambda.stream-one-batch-per-shard-by-default",
    quote="if in parallel, up to 10 batches processed per shard simultaneously",
    source=MAPPING_API,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto leaves ParallelizationFactor empty; AWS sets 1 (one batch per shard)"
)
def test_a_shard_runs_one_batch_at_a_time_unless_told(map_stream):
    # HINT: predict the ParallelizationFactor of a mapping that does not set one.
    # BEGIN SOLUTION
    expected = 1
    # END SOLUTION
    assert map_stream()["ParallelizationFactor"] == expected
    assert map_stream(ParallelizationFactor=4)["ParallelizationFactor"] == 4, "if in parallel"


@pytest.mark.claim(
    "lambda.stream-error-retries-whole-batch",
    quote="by default, one single error will cause whole batch to be reprocessed",
    source=STREAM_ERRORS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto leaves MaximumRetryAttempts and BisectBatchOnFunctionError empty; AWS sets "
    "-1 (retry until the records expire) and false",
)
def test_a_failed_stream_batch_is_retried_whole_until_it_expires(map_stream):
    mapping = map_stream()
    # HINT: predict MaximumRetryAttempts (-1 means forever), BisectBatchOnFunctionError and
    # HINT: MaximumRecordAgeInSeconds (-1: no limit) of a mapping that sets none of them.
    # BEGIN SOLUTION
    expected = (-1, False, -1)
    # END SOLUTION
    settings = ("MaximumRetryAttempts", "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds")
    assert tuple(mapping[setting] for setting in settings) == expected
    bounded = map_stream(MaximumRetryAttempts=2, BisectBatchOnFunctionError=True)
    assert (bounded["MaximumRetryAttempts"], bounded["BisectBatchOnFunctionError"]) == (2, True)


@pytest.mark.claim(
    "lambda.stream-on-failure-destination",
    quote="discard events can go to a destination",
    source=STREAM_ERRORS,
)
def test_a_stream_batch_given_up_on_goes_to_a_destination(map_stream, queue):
    # HINT: settings that give up on a failing batch after 2 retries and record it in `queue`.
    # BEGIN SOLUTION
    settings = {
        "MaximumRetryAttempts": 2,
        "DestinationConfig": {"OnFailure": {"Destination": queue}},
    }
    # END SOLUTION
    mapping = map_stream(**settings)
    assert mapping["DestinationConfig"]["OnFailure"]["Destination"] == queue
    assert mapping["MaximumRetryAttempts"] == 2


@pytest.mark.claim(
    "lambda.sqs-mapping-has-no-destination",
    quote="**note**: events can be sent to dlq directly from sqs",
    source=STREAM_ERRORS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a DestinationConfig on an SQS mapping; AWS refuses it "
    "(InvalidParameterValueException): an SQS mapping's failures go to the queue's DLQ",
)
def test_a_queue_mapping_takes_no_on_failure_destination(
    aws, deploy, queue, unique_name, queue_arn, error_code, role_reads
):
    function = deploy(SOURCE)
    role_reads(queue)
    failures = queue_arn(aws.sqs.create_queue(QueueName=unique_name("failures"))["QueueUrl"])
    create = aws.lambda_.create_event_source_mapping
    # HINT: which kind of source's mapping takes an on-failure destination: a stream or a queue?
    # HINT: (here: predict whether the SQS mapping below is accepted: True or False)
    # BEGIN SOLUTION
    accepted = False
    # END SOLUTION
    refused = error_code(
        create,
        EventSourceArn=queue,
        FunctionName=function,
        DestinationConfig={"OnFailure": {"Destination": failures}},
    )
    assert (refused is None) == accepted
    assert refused == "InvalidParameterValueException"


@pytest.mark.claim(
    "lambda.sqs-maximum-concurrency",
    quote="up to 1000 batches in parallel",
    source="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores any ScalingConfig; AWS refuses a MaximumConcurrency above 1,000"
)
def test_a_queue_mapping_runs_at_most_1000_batches_at_once(
    aws, deploy, queue, error_code, role_reads
):
    function = deploy(SOURCE)
    role_reads(queue)
    create = aws.unvalidated("lambda").create_event_source_mapping
    # HINT: the largest MaximumConcurrency of an SQS mapping.
    # BEGIN SOLUTION
    most = 1000
    # END SOLUTION
    mapping = create(
        EventSourceArn=queue, FunctionName=function, ScalingConfig={"MaximumConcurrency": most}
    )
    assert mapping["ScalingConfig"] == {"MaximumConcurrency": 1000}
    aws.lambda_.delete_event_source_mapping(UUID=mapping["UUID"])
    too_many = {"MaximumConcurrency": most + 1}
    refused = error_code(
        create, EventSourceArn=queue, FunctionName=function, ScalingConfig=too_many
    )
    assert refused == "InvalidParameterValueException"


@pytest.mark.claim(
    "lambda.mapping-reads-with-execution-role",
    quote="when using event source mapping, lambda uses a role to read event data",
    source="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html#events-sqs-permissions",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto checks no permissions; AWS refuses a mapping whose function's role may not "
    "read the queue (InvalidParameterValueException)",
)
def test_the_function_role_must_be_allowed_to_read_the_queue(aws, deploy, role, queue, error_code):
    function = deploy(SOURCE)
    create = aws.lambda_.create_event_source_mapping
    refused = error_code(create, EventSourceArn=queue, FunctionName=function)
    assert refused == "InvalidParameterValueException", "the role may not read the queue yet"
    # HINT: let the function's role (`role`) receive and delete messages of `queue`
    # HINT: and read its attributes (an inline role policy).
    # BEGIN SOLUTION
    reading = allow(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], queue)
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="read-orders",
        PolicyDocument=json.dumps(policy_document(reading)),
    )
    # END SOLUTION
    assert create(EventSourceArn=queue, FunctionName=function)["EventSourceArn"] == queue


@pytest.mark.claim(
    "lambda.mapping-destination-on-failure-only",
    quote="event source mapping: for discarded event batches",
    source=STREAM_ERRORS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores an OnSuccess destination on a stream mapping; AWS refuses it "
    "(InvalidParameterValueException): a mapping records discarded batches only",
)
def test_a_stream_mapping_records_failures_only(map_stream, queue, error_code):
    # HINT: which of "OnSuccess" and "OnFailure" may a stream mapping's DestinationConfig hold?
    # BEGIN SOLUTION
    kept, refused = "OnFailure", "OnSuccess"
    # END SOLUTION
    destination = {"Destination": queue}
    assert (
        map_stream(DestinationConfig={kept: destination})["DestinationConfig"][kept] == destination
    )
    answer = error_code(map_stream, DestinationConfig={refused: destination})
    assert answer == "InvalidParameterValueException"


@pytest.mark.claim(
    "lambda.mapping-sources-are-polled",
    quote="Common denominator: records need to be polled from the source",
    source="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses a mapping from an SNS topic as ResourceNotFoundException; AWS as "
    "InvalidParameterValueException (SNS pushes: it invokes the function itself)",
)
def test_a_pushing_service_cannot_be_a_mapping_source(
    aws, deploy, queue, unique_name, error_code, role_reads
):
    function = deploy(SOURCE)
    role_reads(queue)
    topic = aws.sns.create_topic(Name=unique_name("orders"))["TopicArn"]
    create = aws.lambda_.create_event_source_mapping
    # HINT: of `queue` and `topic`, which is a source Lambda polls (the one a mapping reads)?
    # BEGIN SOLUTION
    polled, pushing = queue, topic
    # END SOLUTION
    assert create(EventSourceArn=polled, FunctionName=function)["EventSourceArn"] == queue
    answer = error_code(create, EventSourceArn=pushing, FunctionName=function)
    assert answer == "InvalidParameterValueException"
