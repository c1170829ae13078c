"""Pagination: reading a long order history one page at a time.

A Query or Scan never returns an unbounded answer. It stops after ``Limit``
items if you give one, and in any case after reading 1 MB of data; either
way the response carries a LastEvaluatedKey, and the next request passes it
back as ExclusiveStartKey to continue where the last one stopped. No
LastEvaluatedKey means the end. boto3's paginators run that loop for you.

Notes, "dynamodb > reading data > query".
"""

from __future__ import annotations

import pytest


@pytest.fixture
def history(create_table) -> str:
    return create_table("history", ("customer", "S"), ("seq", "N"))


def add_orders(put_items, table: str, count: int, padding: int = 0) -> None:
    put_items(
        table,
        [
            {
                "customer": {"S": "ada"},
                "seq": {"N": str(seq)},
                "notes": {"S": "x" * padding if padding else "-"},
            }
            for seq in range(count)
        ],
    )


ADA = {
    "KeyConditionExpression": "customer = :ada",
    "ExpressionAttributeValues": {":ada": {"S": "ada"}},
}


@pytest.mark.claim("dynamodb.query-paginate", quote="able to paginate")
def test_limit_and_last_evaluated_key_walk_through_every_page(aws, history, put_items):
    add_orders(put_items, history, 7)
    page_sizes: list[int] = []
    # HINT: query with Limit=3 until a response has no LastEvaluatedKey, passing each
    # HINT: LastEvaluatedKey back as ExclusiveStartKey; append each page's Count.
    # BEGIN SOLUTION
    start: dict = {}
    while True:
        page = aws.dynamodb.query(TableName=history, Limit=3, **ADA, **start)
        page_sizes.append(page["Count"])
        if "LastEvaluatedKey" not in page:
            break
        start = {"ExclusiveStartKey": page["LastEvaluatedKey"]}
    # END SOLUTION
    assert page_sizes == [3, 3, 1]


@pytest.mark.claim("dynamodb.query-1mb-page", quote="return up to 1mb data")
@pytest.mark.emulator_gap(
    "dynamodb-local",
    "localstack",
    reason="DynamoDB Local (LocalStack's DynamoDB too) ends a Query page after the item that "
    "crosses 1 MB (eleven items of 100 KB in the first page); AWS stops at 1 MB",
)
def test_one_response_holds_at_most_1_mb(aws, history, put_items):
    add_orders(put_items, history, 12, padding=100_000)  # 12 items of about 100 KB: 1.2 MB
    first = aws.dynamodb.query(TableName=history, **ADA)
    assert "LastEvaluatedKey" in first, "no Limit given, yet the answer comes in pages"
    assert first["Count"] < 12
    assert sum(len(item["notes"]["S"]) for item in first["Items"]) <= 1024 * 1024
    # HINT: let a boto3 paginator fetch every page; count the items of all pages.
    # BEGIN SOLUTION
    pages = aws.dynamodb.get_paginator("query").paginate(TableName=history, **ADA)
    total = sum(page["Count"] for page in pages)
    # END SOLUTION
    assert total == 12
