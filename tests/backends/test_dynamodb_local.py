"""The dynamodb-local backend: DynamoDB labs on AWS's own DynamoDB Local, the rest skipped.

The runs that start DynamoDB Local skip where it or Java is not installed
(``make dynamodb-local`` installs both); the refusals run everywhere.
"""

from __future__ import annotations

import pytest

from harness.backends.dynamodb_local import ONLY_DYNAMODB, DynamoDBLocalBackend
from harness.launcher import dynamodb_local

MISSING = dynamodb_local.missing()
needs_dynamodb_local = pytest.mark.skipif(MISSING is not None, reason=f"{MISSING}")

TWO_TESTS_ONE_TABLE_EACH = """
import pytest

@pytest.mark.parametrize("stem", ["first", "second"])
def test_each_test_sees_only_its_own_table(aws, unique_name, stem):
    name = unique_name(stem)
    aws.dynamodb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    aws.dynamodb.put_item(TableName=name, Item={"pk": {"S": stem}})
    assert aws.dynamodb.list_tables()["TableNames"] == [name]
"""


def test_dynamodb_and_its_streams_are_served_and_nothing_else():
    backend = DynamoDBLocalBackend()
    assert backend.missing_service("dynamodb") is None
    assert backend.missing_service("dynamodbstreams") is None
    assert backend.missing_service("sqs") == ONLY_DYNAMODB
    assert ONLY_DYNAMODB.startswith("dynamodb-local serves DynamoDB only")
    assert backend.emulated and not backend.moves_time


def test_a_machine_without_dynamodb_local_gets_one_line_saying_what_to_install(
    lab: pytest.Pytester, monkeypatch, tmp_path
):
    monkeypatch.setenv(dynamodb_local.HOME_VARIABLE, str(tmp_path / "empty"))
    lab.makepyfile(TWO_TESTS_ONE_TABLE_EACH)
    result = lab.runpytest("--backend", "dynamodb-local")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: --backend dynamodb-local: DynamoDB Local is not installed in *dynamodb-local*"]
    )
    assert "Traceback" not in result.stderr.str() + result.stdout.str()


@needs_dynamodb_local
def test_every_test_starts_with_no_table(lab: pytest.Pytester):
    lab.makepyfile(TWO_TESTS_ONE_TABLE_EACH)
    result = lab.runpytest("--backend", "dynamodb-local", "-p", "no:randomly")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["awslab: backend dynamodb-local*"])


@needs_dynamodb_local
def test_a_lab_of_another_service_skips_with_the_reason(lab: pytest.Pytester):
    lab.makepyfile(
        """
        def test_a_queue(aws):
            aws.sqs.create_queue(QueueName="jobs")
        """
    )
    result = lab.runpytest("--backend", "dynamodb-local", "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*sqs is not available: dynamodb-local serves DynamoDB only*"])


@needs_dynamodb_local
def test_a_plain_boto3_client_reaches_dynamodb_local_too(lab: pytest.Pytester):
    lab.makepyfile(
        """
        import boto3

        def test_plain_client(aws):
            assert boto3.client("dynamodb").list_tables()["TableNames"] == []
            assert aws.endpoint_url.startswith("http://127.0.0.1:")
        """
    )
    result = lab.runpytest("--backend", "dynamodb-local")
    result.assert_outcomes(passed=1)
