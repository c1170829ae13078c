"""Field-level encryption and real-time logs: two settings that act at the edge.

Field-level encryption encrypts chosen fields of a POST form at the edge
location, with a public key you upload; only the application that holds the
private key decrypts them. A profile names the key and up to 10 field-name
patterns. Real-time logs send a sample of the requests (1 to 100 percent),
with the fields you choose, to a Kinesis data stream within seconds; a cache
behaviour names the log configuration.

moto has neither API (it answers 404): on moto these labs are gaps, and their
claims stand on the API reference.

Notes, "cloudfront > field level encryption" and "cloudfront > real-time logs".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document, service_role

FIELD_PATTERNS = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-field-level-encryption"
REALTIME_LOGS = (
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateRealtimeLogConfig.html"
)
NO_FLE_ON_MOTO = "moto has no field-level encryption API (404); AWS creates the profile"
NO_REALTIME_LOGS_ON_MOTO = "moto has no real-time log configuration API (404); AWS creates it"


@pytest.mark.claim(
    "cloudfront.field-level-encryption-10-fields",
    quote="specify fields(max 10) to encrypt and public key used for encryption",
    source=FIELD_PATTERNS,
)
@pytest.mark.emulator_gap("moto", reason=NO_FLE_ON_MOTO)
def test_a_profile_encrypts_up_to_10_fields(aws, unique_name, public_key_pem, error_code):
    key = aws.cloudfront.create_public_key(
        PublicKeyConfig={
            "CallerReference": unique_name("fle-key"),
            "Name": unique_name("fle-key"),
            "EncodedKey": public_key_pem,
        }
    )["PublicKey"]["Id"]

    def answer(fields: int) -> str | None:
        patterns = [f"card-{number}" for number in range(fields)]
        config = {
            "Name": unique_name(f"profile{fields}"),
            "CallerReference": unique_name(f"profile{fields}"),
            "EncryptionEntities": {
                "Quantity": 1,
                "Items": [
                    {
                        "PublicKeyId": key,
                        "ProviderId": "awslab",
                        "FieldPatterns": {"Quantity": fields, "Items": patterns},
                    }
                ],
            },
        }
        return error_code(
            aws.cloudfront.create_field_level_encryption_profile,
            FieldLevelEncryptionProfileConfig=config,
        )

    # HINT: what does CreateFieldLevelEncryptionProfile answer 10 field patterns, and 11?
    # BEGIN SOLUTION
    expected = {10: None, 11: "TooManyFieldLevelEncryptionFieldPatterns"}
    # END SOLUTION
    assert {fields: answer(fields) for fields in expected} == expected


@pytest.fixture
def log_stream(aws, unique_name) -> dict:
    """A Kinesis data stream and the role CloudFront writes to it with: the endpoint of a
    real-time log configuration."""
    stream = unique_name("edge-logs")
    aws.kinesis.create_stream(StreamName=stream, ShardCount=1)
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    arn = aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"][
        "StreamARN"
    ]
    role = service_role(aws.iam, unique_name("edge-logs"), "cloudfront.amazonaws.com")
    aws.iam.put_role_policy(
        RoleName=unique_name("edge-logs"),
        PolicyName="write-logs",
        PolicyDocument=json.dumps(
            policy_document(allow(["kinesis:PutRecord", "kinesis:PutRecords"], arn))
        ),
    )
    return {"StreamType": "Kinesis", "KinesisStreamConfig": {"RoleARN": role, "StreamARN": arn}}


@pytest.mark.claim("cloudfront.realtime-logs-to-kinesis", quote="using KDS", source=REALTIME_LOGS)
@pytest.mark.emulator_gap("moto", reason=NO_REALTIME_LOGS_ON_MOTO)
def test_realtime_logs_go_to_a_kinesis_stream(aws, unique_name, log_stream):
    # HINT: create a real-time log configuration (all requests, fields "timestamp" and
    # HINT: "c-ip") whose endpoint is log_stream.
    # BEGIN SOLUTION
    created = aws.cloudfront.create_realtime_log_config(
        Name=unique_name("edge"),
        SamplingRate=100,
        Fields=["timestamp", "c-ip"],
        EndPoints=[log_stream],
    )
    # END SOLUTION
    config = created["RealtimeLogConfig"]
    assert [end["StreamType"] for end in config["EndPoints"]] == ["Kinesis"]


@pytest.mark.claim(
    "cloudfront.realtime-logs-sampling-rate", quote="sampling rate", source=REALTIME_LOGS
)
@pytest.mark.emulator_gap("moto", reason=NO_REALTIME_LOGS_ON_MOTO)
def test_the_sampling_rate_runs_from_1_to_100(aws, unique_name, log_stream, error_code):
    def answer(rate: int) -> str | None:
        return error_code(
            aws.cloudfront.create_realtime_log_config,
            Name=unique_name(f"rate{rate}"),
            SamplingRate=rate,
            Fields=["timestamp"],
            EndPoints=[log_stream],
        )

    # HINT: what does CreateRealtimeLogConfig answer each sampling rate (percent)?
    # BEGIN SOLUTION
    expected = {0: "InvalidArgument", 1: None, 100: None, 101: "InvalidArgument"}
    # END SOLUTION
    assert {rate: answer(rate) for rate in expected} == expected


@pytest.mark.claim(
    "cloudfront.realtime-logs-per-behavior",
    quote="specify fields and cache behaviors(path patterns)",
    source=REALTIME_LOGS,
)
@pytest.mark.emulator_gap("moto", reason=NO_REALTIME_LOGS_ON_MOTO)
def test_a_behavior_names_its_realtime_log_config(
    aws, unique_name, log_stream, create_distribution, cache_behavior
):
    config = aws.cloudfront.create_realtime_log_config(
        Name=unique_name("api-logs"),
        SamplingRate=10,
        Fields=["timestamp", "sc-status"],
        EndPoints=[log_stream],
    )["RealtimeLogConfig"]
    # HINT: create_distribution(CacheBehaviors=...) with one behaviour for "/api/*" (to origin
    # HINT: "web") that logs in real time with `config` (its ARN).
    # BEGIN SOLUTION
    api = cache_behavior("web", "/api/*", RealtimeLogConfigArn=config["ARN"])
    created = create_distribution(CacheBehaviors={"Quantity": 1, "Items": [api]})
    # END SOLUTION
    [stored] = created["DistributionConfig"]["CacheBehaviors"]["Items"]
    assert (stored["PathPattern"], stored["RealtimeLogConfigArn"]) == ("/api/*", config["ARN"])
    assert config["Fields"] == ["timestamp", "sc-status"]
