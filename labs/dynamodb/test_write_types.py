"""Write types: what happens when two writes meet, and how many fit in one call.

Two clerks of a ticket office write to the same show at once. A plain write
lets the last one win (concurrent writes: see the lost update of
``test_optimistic_locking.py``). A *conditional* write makes the first one
win: the second one's condition no longer holds and it is refused. An
*atomic* write (``UpdateItem`` with ``ADD`` or ``SET n = n + :x``) lets both
win: DynamoDB applies each increment to the value as it is, so no count is
lost however many clerks sell at once. A *batch* write puts and deletes many
items in one call.

Notes, "dynamodb > write types".
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

SHOW = {"show": {"S": "hamlet-0612"}}


@pytest.fixture
def shows(create_table) -> str:
    return create_table("shows", ("show", "S"))


@pytest.mark.claim("dynamodb.atomic-counter", quote="atomic writes")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto applies an UpdateItem's ADD without a lock: under concurrent calls an "
    "increment is lost now and then (38 of 40 in one run on a loaded machine); AWS applies "
    "each one atomically",
    race=True,
)
def test_atomic_increments_from_many_writers_all_count(aws, shows, read_item):
    aws.dynamodb.put_item(TableName=shows, Item={**SHOW, "sold": {"N": "0"}})

    def sell_one(_: int) -> None:
        # HINT: add 1 to "sold" in one UpdateItem, without reading it first.
        # BEGIN SOLUTION
        aws.dynamodb.update_item(
            TableName=shows,
            Key=SHOW,
            UpdateExpression="ADD sold :one",
            ExpressionAttributeValues={":one": {"N": "1"}},
        )
        # END SOLUTION

    with ThreadPoolExecutor(max_workers=8) as clerks:
        list(clerks.map(sell_one, range(40)))
    assert read_item(shows, SHOW, ConsistentRead=True)["sold"] == {"N": "40"}


@pytest.mark.claim("dynamodb.conditional-first-wins", quote="conditional writes", line=1719)
def test_with_a_condition_the_first_write_wins(aws, shows, error_code, read_item):
    def book_last_seat(clerk: str) -> str | None:
        return error_code(
            aws.dynamodb.put_item,
            TableName=shows,
            Item={**SHOW, "last_seat": {"S": clerk}},
            ConditionExpression="attribute_not_exists(last_seat)",
        )

    # HINT: the error code each clerk gets (None for a write that succeeds), in order.
    # BEGIN SOLUTION
    expected = {"ann": None, "ben": "ConditionalCheckFailedException"}
    # END SOLUTION
    assert {clerk: book_last_seat(clerk) for clerk in ("ann", "ben")} == expected
    assert read_item(shows, SHOW)["last_seat"] == {"S": "ann"}


@pytest.mark.claim("dynamodb.batch-puts-and-deletes", quote="batch writes")
def test_one_batch_puts_and_deletes(aws, shows, put_items):
    put_items(shows, [{"show": {"S": f"old-{n}"}} for n in range(3)])
    # HINT: in one batch_write_item call, add shows new-0 to new-4 and delete old-0 to old-2.
    # BEGIN SOLUTION
    aws.dynamodb.batch_write_item(
        RequestItems={
            shows: [{"PutRequest": {"Item": {"show": {"S": f"new-{n}"}}}} for n in range(5)]
            + [{"DeleteRequest": {"Key": {"show": {"S": f"old-{n}"}}}} for n in range(3)]
        }
    )
    # END SOLUTION
    left = aws.dynamodb.scan(TableName=shows, ConsistentRead=True)["Items"]
    assert sorted(item["show"]["S"] for item in left) == [f"new-{n}" for n in range(5)]
