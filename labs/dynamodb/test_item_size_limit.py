"""Item size: one item holds at most 400 KB.

The limit counts the UTF-8 bytes of every attribute name and value, and it
is 400 KB of 1,024 bytes (409,600 bytes). A write of a bigger item is
refused with ValidationException; nothing is truncated. Bigger things belong
in S3, with a pointer in DynamoDB (see test_large_objects_in_s3.py).

Notes, "dynamodb > basics".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

LIMIT = 400 * 1024


def item_of(total_bytes: int) -> dict:
    """An item whose names and values add up to ``total_bytes``."""
    overhead = len("id") + len("doc") + len("blob")
    return {"id": {"S": "doc"}, "blob": {"S": "x" * (total_bytes - overhead)}}


@pytest.mark.claim("dynamodb.item-size-over-limit", quote="max size of each item: 400kb")
def test_an_item_over_400_kb_is_refused(aws, table, read_item):
    # HINT: what error code does a PutItem of a 410,000-byte item get?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.put_item(TableName=table, Item=item_of(LIMIT + 400))
    assert refused.value.response["Error"]["Code"] == expected_error
    assert read_item(table, {"id": {"S": "doc"}}) is None


@pytest.mark.claim("dynamodb.item-size-under-limit", quote="max size of each item: 400kb")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses items over 405,000 bytes; AWS stores items up to 400 KB "
    "(409,600 bytes of names and values)",
)
def test_an_item_just_under_400_kb_is_stored(aws, table, read_item):
    # HINT: build an item of 409,000 bytes (item_of helps) and put it.
    # BEGIN SOLUTION
    aws.dynamodb.put_item(TableName=table, Item=item_of(409_000))
    # END SOLUTION
    stored = read_item(table, {"id": {"S": "doc"}})
    assert stored is not None and len(stored["blob"]["S"]) == 409_000 - 9
