"""Time to Live: items that delete themselves, eventually.

TTL names one attribute; an item whose value there is a Number holding an
epoch time in seconds, in the past, is expired. DynamoDB deletes expired
items in the background, for free, on a best-effort basis: typically within
two days (the API reference's words; the notes' "within 48 hrs"), not at the
second of expiry. Until then an expired item is still returned by every read,
so an application that cares filters on the attribute itself. Items whose TTL
attribute is not a Number are never expired. Each TTL deletion enters the
table's stream as a REMOVE made by the service (userIdentity principalId
"dynamodb.amazonaws.com").

A table of one-time login codes, valid for 5 minutes.

Notes, "dynamodb > time to live".
"""

from __future__ import annotations

import time

import pytest

DAY = 24 * 3600


@pytest.fixture
def codes(aws, create_table) -> str:
    """A table with a stream of old and new images, TTL not yet enabled."""
    return create_table(
        "login-codes",
        ("code", "S"),
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )


def enable_ttl(aws, table: str) -> None:
    aws.dynamodb.update_time_to_live(
        TableName=table, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires_at"}
    )


def login_code(code: str, expires_at: dict) -> dict:
    return {"code": {"S": code}, "user": {"S": "ada"}, "expires_at": expires_at}


def codes_left(aws, table: str) -> set[str]:
    return {item["code"]["S"] for item in aws.dynamodb.scan(TableName=table)["Items"]}


@pytest.mark.claim("dynamodb.ttl-enable", quote="auto delete item after an expiry timestamp")
def test_ttl_is_enabled_on_one_attribute(aws, codes):
    # HINT: enable TTL on the table, on the attribute "expires_at".
    # BEGIN SOLUTION
    enable_ttl(aws, codes)
    # END SOLUTION
    description = aws.dynamodb.describe_time_to_live(TableName=codes)["TimeToLiveDescription"]
    assert description["AttributeName"] == "expires_at"
    assert description["TimeToLiveStatus"] in ("ENABLING", "ENABLED")


@pytest.mark.claim(
    "dynamodb.ttl-not-immediate",
    quote="deletion within 48 hrs",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html",
)
def test_an_expired_item_is_still_read_until_deleted(aws, codes, clock):
    enable_ttl(aws, codes)
    five_minutes = int(time.time()) + 300
    aws.dynamodb.put_item(TableName=codes, Item=login_code("123456", {"N": str(five_minutes)}))
    clock.advance(301)
    assert codes_left(aws, codes) == {"123456"}, "expired, but not deleted yet"
    scan = {"TableName": codes}
    # HINT: make the scan skip items whose expires_at is not in the future (now: time.time()).
    # BEGIN SOLUTION
    scan["FilterExpression"] = "expires_at > :now"
    scan["ExpressionAttributeValues"] = {":now": {"N": str(int(time.time()))}}
    # END SOLUTION
    assert aws.dynamodb.scan(**scan)["Items"] == []


@pytest.mark.claim(
    "dynamodb.ttl-number-epoch",
    quote='must be a "number" data type of "unix epoch timestamp" value',
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "time-to-live-ttl-before-you-start.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto never deletes expired TTL items; AWS does, in the background"
)
def test_only_a_number_epoch_expires_the_item(aws, codes, ttl_sweep):
    enable_ttl(aws, codes)
    an_hour_ago = int(time.time()) - 3600
    aws.dynamodb.put_item(TableName=codes, Item=login_code("number", {"N": str(an_hour_ago)}))
    aws.dynamodb.put_item(TableName=codes, Item=login_code("text", {"S": str(an_hour_ago)}))
    ttl_sweep()  # the time DynamoDB takes to delete expired items (see conftest.py)
    # HINT: which codes are left three days later: the one whose expiry is a Number, a String?
    # BEGIN SOLUTION
    left = {"text"}
    # END SOLUTION
    assert codes_left(aws, codes) == left


@pytest.mark.claim(
    "dynamodb.ttl-deletion-in-stream",
    quote="the deletion operation for each expired item enters the dynamodb stream",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "time-to-live-ttl-streams.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto never deletes expired TTL items, so no REMOVE record"
)
def test_a_ttl_deletion_enters_the_stream_as_a_service_delete(aws, codes, clock):
    enable_ttl(aws, codes)
    an_hour_ago = int(time.time()) - 3600
    aws.dynamodb.put_item(TableName=codes, Item=login_code("123456", {"N": str(an_hour_ago)}))
    clock.advance(3 * DAY)
    arn = aws.dynamodb.describe_table(TableName=codes)["Table"]["LatestStreamArn"]
    shard = aws.dynamodbstreams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
    iterator = aws.dynamodbstreams.get_shard_iterator(
        StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    records = aws.dynamodbstreams.get_records(ShardIterator=iterator)["Records"]
    removes = [record for record in records if record["eventName"] == "REMOVE"]
    assert len(removes) == 1
    assert removes[0]["userIdentity"] == {
        "type": "Service",
        "principalId": "dynamodb.amazonaws.com",
    }
