"""Primary keys: what makes two items the same item.

A table's primary key is either a partition key alone (each value names one
item) or a partition key plus a sort key (one partition value holds many
items, told apart and ordered by the sort key). The key is the item's
identity: every item must carry it, and writing an item whose key already
exists replaces the item that was there.

An order book shows both: customers keyed by customer id, and order lines
keyed by (order id, line number).

Notes, "dynamodb > primary key" and "dynamodb > writing data".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError


@pytest.fixture
def customers(create_table) -> str:
    return create_table("customers", ("customer_id", "S"))


@pytest.fixture
def order_lines(create_table) -> str:
    return create_table("order-lines", ("order_id", "S"), ("line", "N"))


def count(aws, table: str) -> int:
    return aws.dynamodb.scan(TableName=table, Select="COUNT")["Count"]


@pytest.mark.claim("dynamodb.partition-key", quote="partition key (hash)")
def test_a_partition_key_value_names_one_item(aws, customers):
    for customer_id, name in [("c1", "Ada"), ("c2", "Grace"), ("c1", "Ada L.")]:
        aws.dynamodb.put_item(
            TableName=customers,
            Item={"customer_id": {"S": customer_id}, "name": {"S": name}},
        )
    # HINT: three puts, but how many distinct partition key values?
    # BEGIN SOLUTION
    customers_stored = 2
    # END SOLUTION
    assert count(aws, customers) == customers_stored


@pytest.mark.claim("dynamodb.composite-key", quote="partition key + sort key (hash + range)")
def test_a_sort_key_holds_many_items_under_one_partition_key(aws, order_lines):
    for line, product in [(3, "pen"), (1, "ink"), (2, "paper")]:
        aws.dynamodb.put_item(
            TableName=order_lines,
            Item={"order_id": {"S": "o-1"}, "line": {"N": str(line)}, "product": {"S": product}},
        )
    aws.dynamodb.put_item(
        TableName=order_lines,
        Item={"order_id": {"S": "o-2"}, "line": {"N": "1"}, "product": {"S": "stamp"}},
    )
    items = aws.dynamodb.query(
        TableName=order_lines,
        KeyConditionExpression="order_id = :order",
        ExpressionAttributeValues={":order": {"S": "o-1"}},
    )["Items"]
    # HINT: which products does the query for order o-1 return, and in what order?
    # BEGIN SOLUTION
    products_of_order_1 = ["ink", "paper", "pen"]
    # END SOLUTION
    assert [item["product"]["S"] for item in items] == products_of_order_1


@pytest.mark.claim(
    "dynamodb.put-item-overwrites", quote="putItem: same primary key will be overwritten"
)
def test_put_item_replaces_the_whole_item(aws, customers, read_item):
    key = {"customer_id": {"S": "c1"}}
    aws.dynamodb.put_item(
        TableName=customers, Item={**key, "name": {"S": "Ada"}, "email": {"S": "ada@example.com"}}
    )
    aws.dynamodb.put_item(TableName=customers, Item={**key, "name": {"S": "Ada Lovelace"}})
    # HINT: is the second item merged into the first, or does it replace it?
    # BEGIN SOLUTION
    stored = {**key, "name": {"S": "Ada Lovelace"}}
    # END SOLUTION
    assert read_item(customers, key) == stored


@pytest.mark.claim("dynamodb.update-item-merges", quote="updateItem")
def test_update_item_changes_only_the_attributes_it_names(aws, customers, read_item):
    key = {"customer_id": {"S": "c1"}}
    aws.dynamodb.put_item(
        TableName=customers, Item={**key, "name": {"S": "Ada"}, "email": {"S": "ada@example.com"}}
    )
    # HINT: rename the customer to "Ada Lovelace" without losing the email.
    # BEGIN SOLUTION
    aws.dynamodb.update_item(
        TableName=customers,
        Key=key,
        UpdateExpression="SET #name = :name",
        ExpressionAttributeNames={"#name": "name"},  # NAME is a reserved word
        ExpressionAttributeValues={":name": {"S": "Ada Lovelace"}},
    )
    # END SOLUTION
    assert read_item(customers, key) == {
        **key,
        "name": {"S": "Ada Lovelace"},
        "email": {"S": "ada@example.com"},
    }


@pytest.mark.claim("dynamodb.key-required", quote="must be unique for identifying an item")
def test_every_item_carries_its_whole_key(aws, order_lines):
    items_without_their_key = {
        "no key at all": {"product": {"S": "pen"}},
        "no sort key": {"order_id": {"S": "o-1"}, "product": {"S": "pen"}},
        "sort key of the wrong type": {"order_id": {"S": "o-1"}, "line": {"S": "one"}},
    }
    # HINT: what error code does DynamoDB answer an item without its full, well-typed key?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    for problem, item in items_without_their_key.items():
        with pytest.raises(ClientError) as refused:
            aws.dynamodb.put_item(TableName=order_lines, Item=item)
        assert refused.value.response["Error"]["Code"] == expected_error, problem
    assert count(aws, order_lines) == 0


@pytest.mark.claim("dynamodb.get-item-full-key", quote="hash / hash + range")
def test_get_item_names_the_whole_key(aws, order_lines, error_code, read_item):
    aws.dynamodb.put_item(
        TableName=order_lines,
        Item={"order_id": {"S": "o-1"}, "line": {"N": "1"}, "product": {"S": "ink"}},
    )
    # HINT: the key GetItem needs to read line 1 of order o-1 (a dict of typed values).
    # BEGIN SOLUTION
    key = {"order_id": {"S": "o-1"}, "line": {"N": "1"}}
    # END SOLUTION
    assert read_item(order_lines, key)["product"] == {"S": "ink"}
    half_key = {"order_id": {"S": "o-1"}}
    get = aws.dynamodb.get_item
    assert error_code(get, TableName=order_lines, Key=half_key) == "ValidationException"
