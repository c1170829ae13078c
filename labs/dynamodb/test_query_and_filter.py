"""Query, filter and projection: reading part of a customer's order history.

A Query reads the items of one partition key value, optionally narrowed by a
condition on the sort key (KeyConditionExpression): that narrowing decides
what DynamoDB reads, and so what it costs. A FilterExpression is applied
*after* the read: DynamoDB reads every item the key condition matched
(ScannedCount), then drops the ones the filter rejects (Count). So a filter
saves bandwidth, not capacity, and it may only name non-key attributes.
A ProjectionExpression returns some attributes of each item instead of all.

Orders are keyed by customer (partition) and order date (sort).

Notes, "dynamodb > reading data".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

ORDERS = [
    ("2024-01-05", "shipped", 40),
    ("2024-02-11", "cancelled", 15),
    ("2024-02-20", "shipped", 99),
    ("2024-03-02", "pending", 12),
    ("2024-03-30", "shipped", 60),
]


@pytest.fixture
def orders(create_table, put_items) -> str:
    """Ada's five orders, and one of Grace's."""
    name = create_table("orders", ("customer", "S"), ("ordered_on", "S"))
    rows = [("ada", *order) for order in ORDERS] + [("grace", "2024-02-15", "shipped", 7)]
    put_items(
        name,
        [
            {
                "customer": {"S": customer},
                "ordered_on": {"S": ordered_on},
                "status": {"S": status},
                "total": {"N": str(total)},
                "address": {"S": "12 Analytical Row, London"},
            }
            for customer, ordered_on, status, total in rows
        ],
    )
    return name


def dates(items: list[dict]) -> list[str]:
    return [item["ordered_on"]["S"] for item in items]


@pytest.mark.claim("dynamodb.query-key-condition", quote="keyConditionExpression")
def test_a_key_condition_reads_one_partition_and_a_sort_key_range(aws, orders):
    query = {"ExpressionAttributeValues": {":ada": {"S": "ada"}}}
    # HINT: Ada's orders placed in February 2024: the partition key must be equal to a
    # HINT: value, the sort key can use =, <, BETWEEN or begins_with.
    # BEGIN SOLUTION
    query["KeyConditionExpression"] = "customer = :ada AND begins_with(ordered_on, :month)"
    query["ExpressionAttributeValues"][":month"] = {"S": "2024-02"}
    # END SOLUTION
    items = aws.dynamodb.query(TableName=orders, **query)["Items"]
    assert dates(items) == ["2024-02-11", "2024-02-20"]


@pytest.mark.claim(
    "dynamodb.query-filter-after-read", quote="filterExpression: after query operation"
)
def test_a_filter_drops_items_after_they_were_read(aws, orders):
    page = aws.dynamodb.query(
        TableName=orders,
        KeyConditionExpression="customer = :ada",
        FilterExpression="#status = :shipped",
        ExpressionAttributeNames={"#status": "status"},
        ExpressionAttributeValues={":ada": {"S": "ada"}, ":shipped": {"S": "shipped"}},
    )
    # HINT: Count is what the filter kept; ScannedCount is what the key condition read.
    # BEGIN SOLUTION
    returned, read = 3, 5
    # END SOLUTION
    assert (page["Count"], page["ScannedCount"]) == (returned, read)
    assert dates(page["Items"]) == ["2024-01-05", "2024-02-20", "2024-03-30"]


@pytest.mark.claim(
    "dynamodb.query-filter-non-key-only",
    quote="filterExpression: after query operation, only used with non-key attributes",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto applies a Query FilterExpression that names the sort key; AWS rejects it "
    "with ValidationException (Filter Expression can only contain non-primary key attributes)",
)
def test_a_query_filter_cannot_name_a_key_attribute(aws, orders):
    # HINT: which error code does a Query whose filter names the sort key get?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.query(
            TableName=orders,
            KeyConditionExpression="customer = :ada",
            FilterExpression="ordered_on > :date",
            ExpressionAttributeValues={":ada": {"S": "ada"}, ":date": {"S": "2024-02-01"}},
        )
    assert refused.value.response["Error"]["Code"] == expected_error


@pytest.mark.claim("dynamodb.projection-expression", quote="projectionExpression", line=1599)
def test_a_projection_returns_only_the_named_attributes(aws, orders):
    request = {
        "TableName": orders,
        "Key": {"customer": {"S": "ada"}, "ordered_on": {"S": "2024-03-02"}},
    }
    # HINT: ask GetItem for the status and the total only (STATUS is a reserved word).
    # BEGIN SOLUTION
    request["ProjectionExpression"] = "#status, #total"
    request["ExpressionAttributeNames"] = {"#status": "status", "#total": "total"}
    # END SOLUTION
    item = aws.dynamodb.get_item(**request)["Item"]
    assert item == {"status": {"S": "pending"}, "total": {"N": "12"}}
