"""Kinesis Data Firehose: it buffers, delivers, and keeps nothing to replay.

The clickstream goes to S3 through a Firehose delivery stream. Firehose is
near real time: it buffers records until the buffer reaches its size (1 to
128 MiB) or its interval ends (0 to 900 seconds), whichever comes first,
then writes one object. Unlike a data stream, Firehose has no storage of its
own: its API writes records (``PutRecord``, ``PutRecordBatch``) and has no
call to read them back, so there is nothing to replay.

On its way, Firehose can compress what it writes (``CompressionFormat``:
GZIP, ZIP, Snappy; ``UNCOMPRESSED`` by default) and hand each batch to a
Lambda function that transforms the records (``ProcessingConfiguration``).
What a destination such as an HTTP endpoint does not take goes to an S3
bucket (``S3BackupMode`` ``FailedDataOnly``, the default).

Notes, "aws integration and messaging > aws kinesis > kinesis data firehose".
"""

import gzip
import json

import pytest

from harness.testkit.iam import allow, policy_document, service_role

BUFFERING_HINTS = "https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html"


@pytest.fixture
def create_delivery_stream(aws, unique_name, make_bucket, error_code):
    """``create_delivery_stream(size_mb, interval_s)``: None, or the error code of the refusal."""
    bucket = make_bucket("clicks")
    create = aws.unvalidated("firehose").create_delivery_stream

    def create_delivery_stream(size_mb: int, interval_s: int) -> str | None:
        return error_code(
            create,
            DeliveryStreamName=unique_name(f"clicks-{size_mb}mb-{interval_s}s"),
            ExtendedS3DestinationConfiguration={
                "RoleARN": f"arn:aws:iam::{'1' * 12}:role/firehose",
                "BucketARN": f"arn:aws:s3:::{bucket}",
                "BufferingHints": {"SizeInMBs": size_mb, "IntervalInSeconds": interval_s},
            },
        )

    return create_delivery_stream


@pytest.mark.claim(
    "kinesis.firehose-buffer-size", quote="buffer size: minimum 1mb", source=BUFFERING_HINTS
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any buffer size (0 MiB, 129 MiB); AWS takes 1 to 128"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts Firehose buffer sizes of 0 and 129 MiB; AWS refuses them "
    "(ValidationException)",
)
def test_the_buffer_size_is_1_to_128_mib(create_delivery_stream):
    # HINT: what does Firehose answer each SizeInMBs? {size: None, or the error code}
    # BEGIN SOLUTION
    expected = {0: "ValidationException", 1: None, 128: None, 129: "ValidationException"}
    # END SOLUTION
    assert {size: create_delivery_stream(size, 300) for size in expected} == expected


@pytest.mark.claim(
    "kinesis.firehose-buffer-interval", quote="buffer interval: 0 - 900 sec", source=BUFFERING_HINTS
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any buffer interval (901 s); AWS takes 0 to 900 seconds"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a Firehose buffer interval past 900 seconds; AWS refuses it "
    "(ValidationException)",
)
def test_the_buffer_interval_is_0_to_900_seconds(create_delivery_stream):
    # HINT: what does Firehose answer each IntervalInSeconds? {seconds: None, or the error code}
    # BEGIN SOLUTION
    expected = {0: None, 900: None, 901: "ValidationException"}
    # END SOLUTION
    assert {seconds: create_delivery_stream(5, seconds) for seconds in expected} == expected


@pytest.mark.claim(
    "kinesis.firehose-no-replay",
    quote="no replay",
    source="https://docs.aws.amazon.com/firehose/latest/APIReference/API_Operations.html",
)
def test_firehose_writes_records_and_has_no_call_to_read_them(aws):
    firehose = aws.firehose.meta.service_model.operation_names
    streams = aws.kinesis.meta.service_model.operation_names
    # HINT: the operations of each API that read records back (names with "Get" and "Record").
    # BEGIN SOLUTION
    expected = {"firehose": [], "kinesis": ["GetRecords"]}
    # END SOLUTION
    readers = {
        "firehose": [name for name in firehose if "Get" in name and "Record" in name],
        "kinesis": [name for name in streams if "Get" in name and "Record" in name],
    }
    assert readers == expected


FIREHOSE_API = "https://docs.aws.amazon.com/firehose/latest/APIReference"


@pytest.fixture
def delivery(aws, unique_name, make_bucket):
    """A bucket to deliver to, and a role Firehose may use to write there (and call Lambda)."""
    bucket = make_bucket("clicks")
    role_name = unique_name("firehose")
    role = service_role(aws.iam, role_name, "firehose.amazonaws.com")
    may = policy_document(
        allow(["s3:PutObject", "s3:GetBucketLocation", "s3:ListBucket"], "*"),
        allow("lambda:InvokeFunction", "*"),
    )
    aws.iam.put_role_policy(
        RoleName=role_name, PolicyName="deliver", PolicyDocument=json.dumps(may)
    )
    return {"bucket": bucket, "RoleARN": role, "BucketARN": f"arn:aws:s3:::{bucket}"}


def to_s3(delivery: dict, **options) -> dict:
    """An ExtendedS3DestinationConfiguration for the ``delivery`` bucket, flushed at once."""
    return {
        "RoleARN": delivery["RoleARN"],
        "BucketARN": delivery["BucketARN"],
        "BufferingHints": {"SizeInMBs": 1, "IntervalInSeconds": 0},
        **options,
    }


def destination(aws, name: str) -> dict:
    description = aws.firehose.describe_delivery_stream(DeliveryStreamName=name)
    return description["DeliveryStreamDescription"]["Destinations"][0]


@pytest.mark.claim(
    "kinesis.firehose-compression",
    quote="support data multi format, conversions, transforms, and compression",
    source=f"{FIREHOSE_API}/API_ExtendedS3DestinationConfiguration.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto reports no CompressionFormat for a delivery stream created without one (AWS: "
    "UNCOMPRESSED) and writes records to S3 as they came; AWS writes a GZIP object when "
    "CompressionFormat is GZIP",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack reports no CompressionFormat for a delivery stream created without one; AWS"
    " answers UNCOMPRESSED",
)
def test_firehose_compresses_what_it_delivers(aws, unique_name, delivery, eventually):
    plain, packed = unique_name("clicks-plain"), unique_name("clicks-gzip")
    aws.firehose.create_delivery_stream(
        DeliveryStreamName=plain, ExtendedS3DestinationConfiguration=to_s3(delivery)
    )
    compression = {}
    # HINT: the ExtendedS3DestinationConfiguration option that makes Firehose gzip each object.
    # BEGIN SOLUTION
    compression = {"CompressionFormat": "GZIP"}
    # END SOLUTION
    aws.firehose.create_delivery_stream(
        DeliveryStreamName=packed,
        ExtendedS3DestinationConfiguration=to_s3(delivery, Prefix="gzip/", **compression),
    )
    formats = [
        destination(aws, name)["ExtendedS3DestinationDescription"]["CompressionFormat"]
        for name in (plain, packed)
    ]
    assert formats == ["UNCOMPRESSED", "GZIP"]
    aws.firehose.put_record(DeliveryStreamName=packed, Record={"Data": b'{"page": "/"}\n'})

    def delivered() -> list[str]:
        listed = aws.s3.list_objects_v2(Bucket=delivery["bucket"], Prefix="gzip/")
        return [item["Key"] for item in listed.get("Contents", [])]

    (key,) = eventually(delivered, aws_takes=120)
    body = aws.s3.get_object(Bucket=delivery["bucket"], Key=key)["Body"].read()
    assert gzip.decompress(body) == b'{"page": "/"}\n'


@pytest.mark.claim(
    "kinesis.firehose-lambda-transform",
    quote="support custom data transform using lamdba",
    source=f"{FIREHOSE_API}/API_ProcessingConfiguration.html",
)
def test_a_lambda_function_transforms_the_records(aws, unique_name, delivery, functions):
    transform = functions.deploy(
        """
        import base64

        def handler(event, context):  # each record's data, upper-cased
            return {"records": [
                {
                    "recordId": r["recordId"],
                    "result": "Ok",
                    "data": base64.b64encode(base64.b64decode(r["data"]).upper()).decode(),
                }
                for r in event["records"]
            ]}
        """,
        "transform",
    )["FunctionArn"]
    processing = {}
    # HINT: a ProcessingConfiguration, enabled, with one processor of type Lambda whose
    # HINT: LambdaArn parameter is `transform`.
    # BEGIN SOLUTION
    processing = {
        "Enabled": True,
        "Processors": [
            {
                "Type": "Lambda",
                "Parameters": [{"ParameterName": "LambdaArn", "ParameterValue": transform}],
            }
        ],
    }
    # END SOLUTION
    name = unique_name("clicks")
    aws.firehose.create_delivery_stream(
        DeliveryStreamName=name,
        ExtendedS3DestinationConfiguration=to_s3(delivery, ProcessingConfiguration=processing),
    )
    described = destination(aws, name)["ExtendedS3DestinationDescription"]
    (processor,) = described["ProcessingConfiguration"]["Processors"]
    parameters = {p["ParameterName"]: p["ParameterValue"] for p in processor["Parameters"]}
    assert (processor["Type"], parameters["LambdaArn"]) == ("Lambda", transform)


@pytest.mark.claim(
    "kinesis.firehose-failed-data-to-s3",
    quote="can send failed data to s3 bucket",
    source=f"{FIREHOSE_API}/API_HttpEndpointDestinationConfiguration.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto reports no S3BackupMode for an HTTP endpoint destination created without one; "
    "AWS answers FailedDataOnly: what the endpoint does not take goes to the S3 bucket",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack describes an HTTP endpoint destination without its S3 backup (no "
    "S3DestinationDescription); AWS answers S3BackupMode FailedDataOnly and the bucket",
)
def test_what_an_endpoint_refuses_goes_to_an_s3_bucket(aws, unique_name, delivery):
    backup = None
    # HINT: the S3Configuration of an HTTP endpoint destination: where Firehose puts the
    # HINT: records it could not deliver (the `delivery` bucket, with its RoleARN).
    # BEGIN SOLUTION
    backup = {"RoleARN": delivery["RoleARN"], "BucketARN": delivery["BucketARN"]}
    # END SOLUTION
    name = unique_name("clicks-to-partner")
    aws.firehose.create_delivery_stream(
        DeliveryStreamName=name,
        HttpEndpointDestinationConfiguration={
            "EndpointConfiguration": {"Url": "https://partner.example.com/clicks"},
            "S3Configuration": backup,
        },
    )
    described = destination(aws, name)["HttpEndpointDestinationDescription"]
    assert described["S3DestinationDescription"]["BucketARN"] == delivery["BucketARN"]
    assert described["S3BackupMode"] == "FailedDataOnly", "only what failed, by default"


@pytest.mark.claim(
    "kinesis.firehose-no-storage",
    quote="no data storage",
    source="https://docs.aws.amazon.com/firehose/latest/dev/what-is-this-service.html",
)
def test_firehose_keeps_nothing_the_destination_holds_the_data(
    aws, unique_name, delivery, eventually
):
    name = unique_name("clicks")
    aws.firehose.create_delivery_stream(
        DeliveryStreamName=name, ExtendedS3DestinationConfiguration=to_s3(delivery)
    )
    clicks = [{"Data": f'{{"click": {n}}}\n'.encode()} for n in range(3)]
    aws.firehose.put_record_batch(DeliveryStreamName=name, Records=clicks)

    def read_back() -> bytes:
        # HINT: Firehose has no call to read records: read them from where it delivered them
        # HINT: (every object of the `delivery` bucket, joined).
        # BEGIN SOLUTION
        listed = aws.s3.list_objects_v2(Bucket=delivery["bucket"]).get("Contents", [])
        return b"".join(
            aws.s3.get_object(Bucket=delivery["bucket"], Key=item["Key"])["Body"].read()
            for item in sorted(listed, key=lambda item: item["Key"])
        )
        # END SOLUTION

    assert eventually(read_back, aws_takes=120) == b"".join(c["Data"] for c in clicks)
    description = aws.firehose.describe_delivery_stream(DeliveryStreamName=name)
    assert "Retention" not in json.dumps(description, default=str), "no retention period"
