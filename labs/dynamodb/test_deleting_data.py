"""Deleting data: one item, or the whole table.

DeleteItem removes one item by its full key. It is idempotent: deleting a
key that holds nothing is not an error, so a client cannot tell from a plain
delete whether there was anything; ``ReturnValues="ALL_OLD"`` hands back
the item it removed (and nothing when there was none). DeleteTable removes
the table with every item and index at once; the table goes through
DELETING, after which any call that names it gets ResourceNotFoundException.

A shop's abandoned shopping carts.

Notes, "dynamodb > deleting data".
"""

from __future__ import annotations

import pytest


@pytest.fixture
def carts(create_table) -> str:
    return create_table("carts", ("cart_id", "S"))


@pytest.mark.claim("dynamodb.delete-item", quote="delete item", line=1610)
def test_delete_item_returns_what_it_removed(aws, carts, read_item):
    key = {"cart_id": {"S": "c-1"}}
    aws.dynamodb.put_item(TableName=carts, Item={**key, "lines": {"N": "3"}})
    # HINT: delete cart c-1 and ask for the item it held; keep the response.
    # BEGIN SOLUTION
    response = aws.dynamodb.delete_item(TableName=carts, Key=key, ReturnValues="ALL_OLD")
    # END SOLUTION
    assert response["Attributes"] == {**key, "lines": {"N": "3"}}
    assert read_item(carts, key) is None
    again = aws.dynamodb.delete_item(TableName=carts, Key=key, ReturnValues="ALL_OLD")
    assert "Attributes" not in again, "deleting nothing is no error, and returns nothing"


@pytest.mark.claim("dynamodb.delete-table", quote="delete table")
def test_a_deleted_table_is_gone_with_its_items(aws, carts, put_items, error_code):
    put_items(carts, [{"cart_id": {"S": f"c-{n}"}} for n in range(30)])
    # HINT: delete the whole table in one call.
    # BEGIN SOLUTION
    aws.dynamodb.delete_table(TableName=carts)
    # END SOLUTION
    aws.dynamodb.get_waiter("table_not_exists").wait(
        TableName=carts, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    scan = aws.dynamodb.scan
    assert error_code(scan, TableName=carts) == "ResourceNotFoundException"
