"""Capacity units: what a read or a write costs, and why consistency doubles it.

DynamoDB bills reads in read capacity units (RCU) and writes in write
capacity units (WCU), in both capacity modes. A write of up to 1 KB costs one
WCU; a bigger item costs one more per started KB. A strongly consistent read
of up to 4 KB costs one RCU, an eventually consistent one (the default) half
of that; a bigger item costs per started 4 KB. Transactions cost double:
each item is prepared, then committed. ``ReturnConsumedCapacity="TOTAL"``
makes every call report what it consumed, which is how this lab observes it.

Notes, "dynamodb > read/write capacity modes", "dynamodb > strongly consistent
read vs eventually consistent read" and "dynamodb > dynamodb transactions".
"""

from __future__ import annotations

import pytest

KEY = {"id": {"S": "doc"}}
MOTO_FLAT = "moto reports a flat {units} whatever the {what}; AWS charges {aws}"


def document(kilobytes: float) -> dict:
    """An item of about ``kilobytes`` KB (names and values), key included."""
    return {**KEY, "body": {"S": "x" * (int(kilobytes * 1024) - len("iddocbody"))}}


def units(response: dict) -> float:
    consumed = response["ConsumedCapacity"]
    consumed = consumed[0] if isinstance(consumed, list) else consumed
    return consumed["CapacityUnits"]


def read_cost(aws, table: str, **options) -> float:
    return units(
        aws.dynamodb.get_item(TableName=table, Key=KEY, ReturnConsumedCapacity="TOTAL", **options)
    )


@pytest.mark.claim(
    "dynamodb.read-eventually-consistent-default",
    quote="eventually consistent read (default)",
    line=1597,
)
def test_a_default_read_is_eventually_consistent_and_costs_half_a_unit(aws, table):
    aws.dynamodb.put_item(TableName=table, Item=document(1))
    # HINT: how many RCU does a default GetItem of a 1 KB item consume?
    # BEGIN SOLUTION
    default_read_cost = 0.5
    # END SOLUTION
    assert read_cost(aws, table) == default_read_cost


@pytest.mark.claim(
    "dynamodb.query-eventually-consistent-default",
    quote="eventually consistent read (default)",
    line=1572,
)
@pytest.mark.emulator_gap(
    "moto",
    reason=MOTO_FLAT.format(
        units="1 RCU for a Query",
        what="consistency",
        aws="0.5 RCU for an eventually consistent read of up to 4 KB",
    ),
)
def test_a_default_query_is_eventually_consistent_too(aws, table):
    aws.dynamodb.put_item(TableName=table, Item=document(1))
    query = {
        "TableName": table,
        "KeyConditionExpression": "id = :id",
        "ExpressionAttributeValues": {":id": KEY["id"]},
        "ReturnConsumedCapacity": "TOTAL",
    }
    # HINT: how many RCU does a Query that reads one 1 KB item consume, by default?
    # BEGIN SOLUTION
    default_query_cost = 0.5
    # END SOLUTION
    assert units(aws.dynamodb.query(**query)) == default_query_cost


@pytest.mark.claim(
    "dynamodb.read-strongly-consistent-double",
    quote="strongly consistent read: set `consistentread` parameter; will consume double rcu",
)
@pytest.mark.emulator_gap(
    "moto", reason=MOTO_FLAT.format(units="0.5 RCU", what="consistency", aws="1 RCU when strong")
)
def test_a_strongly_consistent_read_costs_twice_as_much(aws, table):
    aws.dynamodb.put_item(TableName=table, Item=document(1))
    options = {}
    # HINT: which GetItem parameter asks for a strongly consistent read?
    # BEGIN SOLUTION
    options["ConsistentRead"] = True
    # END SOLUTION
    assert read_cost(aws, table, **options) == 2 * read_cost(aws, table) == 1.0


@pytest.mark.claim("dynamodb.read-unit-4kb", quote="for an item up to 4 KB in size")
@pytest.mark.emulator_gap(
    "moto", reason=MOTO_FLAT.format(units="0.5 RCU", what="item size", aws="per started 4 KB")
)
def test_a_read_costs_one_unit_per_started_4_kb(aws, table):
    aws.dynamodb.put_item(TableName=table, Item=document(9))
    # HINT: RCU for a strongly consistent read of a 9 KB item?
    # BEGIN SOLUTION
    strong_read_cost = 3
    # END SOLUTION
    assert read_cost(aws, table, ConsistentRead=True) == strong_read_cost


@pytest.mark.claim(
    "dynamodb.write-unit-covers-1kb",
    quote="One Write Capacity Unit (WCU): represents one write per second for an",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "read-write-operations.html",
)
@pytest.mark.emulator_gap(
    "moto", reason=MOTO_FLAT.format(units="1 WCU", what="item size", aws="2 WCU just over 1 KB")
)
def test_one_write_unit_covers_an_item_of_up_to_1_kb(aws, table):
    def write_cost(kilobytes: float) -> float:
        response = aws.dynamodb.put_item(
            TableName=table, Item=document(kilobytes), ReturnConsumedCapacity="TOTAL"
        )
        return units(response)

    # HINT: WCU for a PutItem of a 0.9 KB item, then of a 1.1 KB one? {size in KB: units}
    # BEGIN SOLUTION
    expected = {0.9: 1.0, 1.1: 2.0}
    # END SOLUTION
    assert {kilobytes: write_cost(kilobytes) for kilobytes in expected} == expected


@pytest.mark.claim("dynamodb.write-unit-1kb", quote="if more than 1kb, then more wcus")
@pytest.mark.emulator_gap(
    "moto", reason=MOTO_FLAT.format(units="1 WCU", what="item size", aws="per started KB")
)
def test_a_write_costs_one_unit_per_started_kb(aws, table):
    # HINT: WCU for a PutItem of a 2.5 KB item?
    # BEGIN SOLUTION
    write_cost = 3
    # END SOLUTION
    response = aws.dynamodb.put_item(
        TableName=table, Item=document(2.5), ReturnConsumedCapacity="TOTAL"
    )
    assert units(response) == write_cost


@pytest.mark.claim("dynamodb.transaction-read-double", quote="consume 2x wcu and rcu")
def test_a_transactional_read_costs_two_units(aws, table):
    aws.dynamodb.put_item(TableName=table, Item=document(1))
    # HINT: RCU for reading one 1 KB item inside TransactGetItems?
    # BEGIN SOLUTION
    transactional_read_cost = 2
    # END SOLUTION
    response = aws.dynamodb.transact_get_items(
        TransactItems=[{"Get": {"TableName": table, "Key": KEY}}], ReturnConsumedCapacity="TOTAL"
    )
    assert units(response) == transactional_read_cost


@pytest.mark.claim("dynamodb.transaction-write-double", quote="consume 2x wcu and rcu")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto returns no ConsumedCapacity for TransactWriteItems; AWS reports 2 WCU "
    "per item of up to 1 KB",
)
def test_a_transactional_write_costs_two_units(aws, table):
    # HINT: WCU for writing one 1 KB item inside TransactWriteItems?
    # BEGIN SOLUTION
    transactional_write_cost = 2
    # END SOLUTION
    response = aws.dynamodb.transact_write_items(
        TransactItems=[{"Put": {"TableName": table, "Item": document(1)}}],
        ReturnConsumedCapacity="TOTAL",
    )
    assert units(response) == transactional_write_cost
