"""Scan and parallel scan: reading a whole table, by several workers at once.

A Scan reads every item of a table, so it costs read capacity for every item,
whatever it returns: a FilterExpression or a ProjectionExpression shrink the
answer, not the bill. A big table scans faster when split: each worker scans
one ``Segment`` of ``TotalSegments``, and together the segments cover every
item exactly once.

Notes, "dynamodb > reading data > scan".
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

USERS = 40


@pytest.fixture
def users(create_table, put_items) -> str:
    name = create_table("users", ("user_id", "S"))
    put_items(
        name,
        [
            {
                "user_id": {"S": f"user-{number:02}"},
                "plan": {"S": "pro" if number % 4 == 0 else "free"},
                "bio": {"S": "b" * 500},
            }
            for number in range(USERS)
        ],
    )
    return name


@pytest.mark.claim("dynamodb.parallel-scan", quote="can perform `parallel scan`")
def test_segments_split_the_table_between_workers(aws, users):
    dynamodb = aws.dynamodb
    workers = 4

    def scan_segment(segment: int) -> list[str]:
        found: list[str] = []
        # HINT: scan only this worker's segment of `workers` segments (follow
        # HINT: LastEvaluatedKey if a page is cut short); collect the user ids.
        # BEGIN SOLUTION
        pages = dynamodb.get_paginator("scan").paginate(
            TableName=users, Segment=segment, TotalSegments=workers
        )
        found = [item["user_id"]["S"] for page in pages for item in page["Items"]]
        # END SOLUTION
        return found

    with ThreadPoolExecutor(max_workers=workers) as pool:
        segments = list(pool.map(scan_segment, range(workers)))
    everyone = [user for segment in segments for user in segment]
    assert sorted(everyone) == [f"user-{number:02}" for number in range(USERS)]
    assert len(everyone) == len(set(everyone)), "no user is read by two workers"


@pytest.mark.claim(
    "dynamodb.scan-filter-same-cost",
    quote="can use `projectionExpression` and `filterExpression`, but no change to rcu",
)
def test_a_filtered_scan_costs_as_much_as_a_full_one(aws, users):
    full = aws.dynamodb.scan(TableName=users, ReturnConsumedCapacity="TOTAL")
    # HINT: scan for the ids of "pro" users only, asking for the consumed capacity too.
    # BEGIN SOLUTION
    narrow = aws.dynamodb.scan(
        TableName=users,
        FilterExpression="#plan = :pro",
        ProjectionExpression="user_id",
        ExpressionAttributeNames={"#plan": "plan"},
        ExpressionAttributeValues={":pro": {"S": "pro"}},
        ReturnConsumedCapacity="TOTAL",
    )
    # END SOLUTION
    assert (narrow["Count"], narrow["ScannedCount"]) == (USERS // 4, USERS)
    assert narrow["Items"][0].keys() == {"user_id"}
    assert narrow["ConsumedCapacity"]["CapacityUnits"] == full["ConsumedCapacity"]["CapacityUnits"]


@pytest.mark.claim(
    "dynamodb.scan-reads-everything",
    quote="consumer a lot rcu",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "read-write-operations.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's consumed capacity does not follow AWS's rules (a Query of one 3 KB item "
    "reports 1 RCU); AWS charges an eventually consistent read 0.5 RCU per started 4 KB, "
    "summed over every item a Scan reads",
)
def test_a_scan_pays_for_the_whole_table(aws, create_table, put_items):
    table = create_table("orders-by-id", ("order", "S"))
    body = "x" * 3000  # 3,014 bytes per item, names and values
    put_items(table, [{"order": {"S": f"o-{n:03}"}, "body": {"S": body}} for n in range(40)])
    total = {"ReturnConsumedCapacity": "TOTAL"}
    one = aws.dynamodb.query(
        TableName=table,
        KeyConditionExpression="#o = :o",
        ExpressionAttributeNames={"#o": "order"},
        ExpressionAttributeValues={":o": {"S": "o-007"}},
        **total,
    )["ConsumedCapacity"]["CapacityUnits"]
    everything = aws.dynamodb.scan(TableName=table, **total)["ConsumedCapacity"]["CapacityUnits"]
    assert one == 0.5, "one item of up to 4 KB, eventually consistent"
    # HINT: the RCU of this eventually consistent Scan: the 40 items' sizes (3,014 bytes
    # HINT: each) add up, then round up to whole 4 KB units, at 0.5 RCU each.
    # BEGIN SOLUTION
    scan_cost = 15.0
    # END SOLUTION
    assert everything == scan_cost
