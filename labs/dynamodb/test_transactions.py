"""Transactions: moving stock between warehouses, all or nothing.

TransactWriteItems groups up to 100 puts, updates, deletes and condition
checks, on items of one or more tables, into one atomic write: either all of
them happen or none does. A ConditionCheck writes nothing: it only lets the
transaction through if another item passes its condition (and, asked with
ReturnValuesOnConditionCheckFailure, returns that item when it does not).
If any condition fails, DynamoDB cancels the whole transaction with
TransactionCanceledException, whose CancellationReasons list has one entry
per action, in order ("None" for the ones that were fine). TransactGetItems
reads up to 100 items as one consistent snapshot.

Notes, "dynamodb > dynamodb transactions".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError


@pytest.fixture
def stock(create_table, put_items) -> str:
    """Lamps per warehouse: Paris holds 5, Lyon 1."""
    name = create_table("stock", ("warehouse", "S"))
    put_items(
        name,
        [
            {"warehouse": {"S": "paris"}, "lamps": {"N": "5"}},
            {"warehouse": {"S": "lyon"}, "lamps": {"N": "1"}},
        ],
    )
    return name


def take(table: str, warehouse: str, count: int) -> dict:
    """An Update action that removes ``count`` lamps, only if that many are there."""
    return {
        "Update": {
            "TableName": table,
            "Key": {"warehouse": {"S": warehouse}},
            "UpdateExpression": "SET lamps = lamps - :n",
            "ConditionExpression": "lamps >= :n",
            "ExpressionAttributeValues": {":n": {"N": str(count)}},
        }
    }


def give(table: str, warehouse: str, count: int) -> dict:
    return {
        "Update": {
            "TableName": table,
            "Key": {"warehouse": {"S": warehouse}},
            "UpdateExpression": "ADD lamps :n",
            "ExpressionAttributeValues": {":n": {"N": str(count)}},
        }
    }


def lamps(aws, table: str) -> dict[str, int]:
    items = aws.dynamodb.scan(TableName=table, ConsistentRead=True)["Items"]
    return {item["warehouse"]["S"]: int(item["lamps"]["N"]) for item in items}


@pytest.mark.claim("dynamodb.transact-write-all", quote="ACID")
def test_a_transfer_moves_stock_in_one_atomic_write(aws, stock):
    # HINT: move 3 lamps from paris to lyon in one transact_write_items call
    # HINT: (take() and give() build the two actions).
    # BEGIN SOLUTION
    aws.dynamodb.transact_write_items(
        TransactItems=[take(stock, "paris", 3), give(stock, "lyon", 3)]
    )
    # END SOLUTION
    assert lamps(aws, stock) == {"paris": 2, "lyon": 4}


@pytest.mark.claim("dynamodb.transact-write-nothing", quote="transactwriteitems")
def test_one_failed_condition_cancels_the_whole_transaction(aws, stock):
    with pytest.raises(ClientError) as cancelled:
        aws.dynamodb.transact_write_items(
            TransactItems=[give(stock, "paris", 2), take(stock, "lyon", 2)]
        )
    error = cancelled.value.response
    assert error["Error"]["Code"] == "TransactionCanceledException"
    # HINT: one reason per action, in order: the give was fine, the take failed its condition.
    # BEGIN SOLUTION
    expected_reasons = ["None", "ConditionalCheckFailed"]
    # END SOLUTION
    assert [reason["Code"] for reason in error["CancellationReasons"]] == expected_reasons
    assert lamps(aws, stock) == {"paris": 5, "lyon": 1}, "not even the give happened"


@pytest.mark.claim("dynamodb.transact-get", quote="transactgetitems")
def test_a_transactional_read_returns_a_snapshot_of_several_items(aws, stock):
    keys = [{"warehouse": {"S": name}} for name in ("lyon", "paris")]
    # HINT: read both warehouses with transact_get_items; keep the response.
    # BEGIN SOLUTION
    response = aws.dynamodb.transact_get_items(
        TransactItems=[{"Get": {"TableName": stock, "Key": key}} for key in keys]
    )
    # END SOLUTION
    counts = [int(entry["Item"]["lamps"]["N"]) for entry in response["Responses"]]
    assert counts == [1, 5], "responses come in the order of the requests"


@pytest.mark.claim("dynamodb.transact-write-100", quote="transactwriteitems")
def test_a_write_transaction_holds_at_most_100_actions(aws, table):
    def puts(count: int) -> list[dict]:
        return [
            {"Put": {"TableName": table, "Item": {"id": {"S": f"i-{n}"}}}} for n in range(count)
        ]

    # HINT: how many actions can one TransactWriteItems carry?
    # BEGIN SOLUTION
    most_actions = 100
    # END SOLUTION
    aws.dynamodb.transact_write_items(TransactItems=puts(most_actions))
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.transact_write_items(TransactItems=puts(most_actions + 1))
    assert refused.value.response["Error"]["Code"] == "ValidationException"


@pytest.mark.claim("dynamodb.transact-get-100", quote="transactgetitems")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses TransactGetItems of more than 25 items; AWS allows 100",
)
def test_a_read_transaction_holds_up_to_100_items(aws, table, put_items):
    put_items(table, [{"id": {"S": f"i-{n}"}} for n in range(100)])
    gets = [{"Get": {"TableName": table, "Key": {"id": {"S": f"i-{n}"}}}} for n in range(100)]
    # HINT: read all 100 items in one transact_get_items call; keep the response.
    # BEGIN SOLUTION
    response = aws.dynamodb.transact_get_items(TransactItems=gets)
    # END SOLUTION
    assert len(response["Responses"]) == 100


@pytest.mark.claim(
    "dynamodb.transact-condition-check",
    quote="transactwriteitems",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
    "API_TransactWriteItems.html",
)
def test_a_condition_check_guards_a_transaction_on_another_item(aws, stock, create_table):
    suppliers = create_table("suppliers", ("warehouse", "S"))
    aws.dynamodb.put_item(
        TableName=suppliers, Item={"warehouse": {"S": "lyon"}, "open": {"BOOL": False}}
    )
    lyon_is_open = {
        "ConditionCheck": {
            "TableName": suppliers,
            "Key": {"warehouse": {"S": "lyon"}},
            "ConditionExpression": "#open = :yes",
            "ExpressionAttributeNames": {"#open": "open"},
            "ExpressionAttributeValues": {":yes": {"BOOL": True}},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }
    }
    with pytest.raises(ClientError) as cancelled:
        aws.dynamodb.transact_write_items(
            TransactItems=[take(stock, "paris", 3), give(stock, "lyon", 3), lyon_is_open]
        )
    reasons = cancelled.value.response["CancellationReasons"]
    # HINT: the reason codes, one per action, and the item the failed check returned
    # HINT: (asked with ReturnValuesOnConditionCheckFailure="ALL_OLD").
    # BEGIN SOLUTION
    expected_codes = ["None", "None", "ConditionalCheckFailed"]
    expected_item = {"warehouse": {"S": "lyon"}, "open": {"BOOL": False}}
    # END SOLUTION
    assert [reason["Code"] for reason in reasons] == expected_codes
    assert reasons[2]["Item"] == expected_item
    assert lamps(aws, stock) == {"paris": 5, "lyon": 1}, "a check writes nothing, and blocks all"
