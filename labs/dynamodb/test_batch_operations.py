"""Batch operations: loading a product feed in as few calls as possible.

BatchWriteItem puts or deletes up to 25 items in one call, BatchGetItem reads
up to 100 keys. A batch is not a transaction: each item succeeds or fails on
its own, and whatever DynamoDB could not do this time (throttling, the 16 MB
response limit) comes back in the response, to be sent again. For writes the
field is ``UnprocessedItems`` (in the same shape as RequestItems); for reads
it is ``UnprocessedKeys``. A client calls in a loop until that field is empty.

Notes, "dynamodb > batch operations".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError


def product(number: int) -> dict:
    return {"id": {"S": f"p-{number:03}"}, "name": {"S": f"Product {number}"}}


def puts(numbers) -> list[dict]:
    return [{"PutRequest": {"Item": product(number)}} for number in numbers]


def count(aws, table: str) -> int:
    return aws.dynamodb.scan(TableName=table, Select="COUNT")["Count"]


@pytest.mark.claim(
    "dynamodb.batch-write-unprocessed-items",
    quote="unprocessedkeys",
    line=1618,
    errata="BatchWriteItem returns the writes it did not do in UnprocessedItems; "
    "UnprocessedKeys is BatchGetItem's field",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html",
)
def test_a_batch_writer_resends_what_came_back_unprocessed(aws, table):
    requests = {table: puts(range(25))}
    responses: list[dict] = []
    # HINT: call batch_write_item, append each response to `responses`, and send again
    # HINT: whatever the response lists as not done, until nothing is left.
    # BEGIN SOLUTION
    while requests:
        response = aws.dynamodb.batch_write_item(RequestItems=requests)
        responses.append(response)
        requests = response["UnprocessedItems"]
    # END SOLUTION
    assert count(aws, table) == 25
    assert all("UnprocessedItems" in response for response in responses)
    assert not any("UnprocessedKeys" in response for response in responses)


@pytest.mark.claim("dynamodb.batch-write-25", quote="up to 25 items")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts 26 requests in one BatchWriteItem; AWS allows at most 25 and "
    "rejects the call with ValidationException",
)
def test_a_batch_write_takes_at_most_25_requests(aws, table):
    aws.dynamodb.batch_write_item(RequestItems={table: puts(range(25))})
    # HINT: what does DynamoDB answer a BatchWriteItem of 26 requests?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.batch_write_item(RequestItems={table: puts(range(100, 126))})
    assert refused.value.response["Error"]["Code"] == expected_error
    assert count(aws, table) == 25, "none of the 26 was written"


@pytest.mark.claim("dynamodb.batch-get-100", quote="up to 100 items")
def test_a_batch_get_reads_up_to_100_keys(aws, table, put_items):
    put_items(table, [product(number) for number in range(101)])
    keys = [{"id": product(number)["id"]} for number in range(101)]
    # HINT: read the first 100 keys in one BatchGetItem; keep its response.
    # BEGIN SOLUTION
    response = aws.dynamodb.batch_get_item(RequestItems={table: {"Keys": keys[:100]}})
    # END SOLUTION
    assert len(response["Responses"][table]) == 100
    assert response["UnprocessedKeys"] == {}, "reads left over would be listed here"
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.batch_get_item(RequestItems={table: {"Keys": keys}})
    assert refused.value.response["Error"]["Code"] == "ValidationException"


@pytest.mark.claim(
    "dynamodb.batch-get-leftovers-field",
    quote="unprocessedkeys",
    line=1621,
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html",
)
def test_a_batch_reader_resends_what_came_back_unprocessed(aws, table, put_items):
    put_items(table, [product(number) for number in range(3)])
    requests = {table: {"Keys": [{"id": product(number)["id"]} for number in range(3)]}}
    responses: list[dict] = []
    # HINT: call batch_get_item, append each response to `responses`, and send again
    # HINT: whatever the response lists as not read, until nothing is left.
    # BEGIN SOLUTION
    while requests:
        response = aws.dynamodb.batch_get_item(RequestItems=requests)
        responses.append(response)
        requests = response["UnprocessedKeys"]
    # END SOLUTION
    read = [item["id"]["S"] for response in responses for item in response["Responses"][table]]
    assert sorted(read) == ["p-000", "p-001", "p-002"]
    assert all("UnprocessedKeys" in response for response in responses)
    assert not any("UnprocessedItems" in response for response in responses)


@pytest.mark.claim(
    "dynamodb.batch-get-unprocessed-keys",
    quote="for partial failure, we need to retry them",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html",
)
def test_a_batch_get_over_16_mb_leaves_keys_unprocessed(aws, table, put_items):
    photo = "x" * 300_000  # 56 items of 300 KB: 16.8 MB, more than one response holds
    put_items(table, [{"id": {"S": f"p-{n:02}"}, "photo": {"S": photo}} for n in range(56)])
    keys = [{"id": {"S": f"p-{n:02}"}} for n in range(56)]
    first = aws.dynamodb.batch_get_item(RequestItems={table: {"Keys": keys}})
    assert 0 < len(first["Responses"][table]) < 56, "at most 16 MB in one response"
    # HINT: read the rest: call batch_get_item again with what the first response left
    # HINT: unprocessed; keep the second response.
    # BEGIN SOLUTION
    second = aws.dynamodb.batch_get_item(RequestItems=first["UnprocessedKeys"])
    # END SOLUTION
    read = first["Responses"][table] + second["Responses"][table]
    assert sorted(item["id"]["S"] for item in read) == [key["id"]["S"] for key in keys]
    assert second["UnprocessedKeys"] == {}


@pytest.mark.claim("dynamodb.batch-fewer-calls", quote="allow to reduce the number of api calls")
def test_a_batch_writes_25_items_in_one_call(aws, table):
    dynamodb = aws.session.client("dynamodb", endpoint_url=aws.endpoint_url, region_name=aws.region)
    calls: list[str] = []
    dynamodb.meta.events.register("before-call", lambda model, **_: calls.append(model.name))
    # HINT: write product(0) to product(24) to the table with `dynamodb`, in as few calls
    # HINT: as DynamoDB allows.
    # BEGIN SOLUTION
    dynamodb.batch_write_item(RequestItems={table: puts(range(25))})
    # END SOLUTION
    assert count(aws, table) == 25
    assert calls == ["BatchWriteItem"], "25 PutItem calls would have been 25 round trips"
