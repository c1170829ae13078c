"""A global table: the players table, in a second Region.

A game serves players on two continents. A global table keeps a replica of
the table in each Region it names: every replica takes reads and writes, and
DynamoDB copies each write to the other replicas, usually within a second
(last writer wins on a conflict). A replica is added with UpdateTable's
``ReplicaUpdates`` (global tables version 2019.11.21); the table then lists
its ``Replicas``, and the same table name answers in the other Region.

Notes, "dynamodb > security and other features".
"""

from __future__ import annotations

import pytest

GLOBAL_TABLES = (
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables.tutorial.html"
)


@pytest.mark.claim("dynamodb.global-table-replica", quote="global table", source=GLOBAL_TABLES)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto ignores ReplicaUpdates: no replica is listed, nothing reaches the other "
    "Region; AWS adds a replica there and copies every write to it",
)
@pytest.mark.emulator_gap(
    "dynamodb-local",
    reason="DynamoDB Local has no Regions and no global tables: UpdateTable adds no replica; "
    "AWS adds one in the Region named and copies every write to it",
)
def test_a_replica_in_another_region_receives_every_write(aws, create_table, eventually):
    stream = {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    players = create_table("players", ("player_id", "S"), StreamSpecification=stream)
    other_region = "eu-west-1" if aws.region != "eu-west-1" else "us-west-2"
    # HINT: add a replica of the table in other_region (UpdateTable).
    # BEGIN SOLUTION
    aws.dynamodb.update_table(
        TableName=players, ReplicaUpdates=[{"Create": {"RegionName": other_region}}]
    )
    # END SOLUTION
    table = aws.dynamodb.describe_table(TableName=players)["Table"]
    assert [replica["RegionName"] for replica in table.get("Replicas", [])] == [other_region]

    def replica_active() -> bool:
        table = aws.dynamodb.describe_table(TableName=players)["Table"]
        return [replica["ReplicaStatus"] for replica in table["Replicas"]] == ["ACTIVE"]

    eventually(replica_active, aws_takes=120)
    player = {"player_id": {"S": "p-1"}, "name": {"S": "Ada"}}
    aws.dynamodb.put_item(TableName=players, Item=player)
    elsewhere = aws.session.client(
        "dynamodb", region_name=other_region, endpoint_url=aws.endpoint_url
    )
    key = {"player_id": {"S": "p-1"}}
    copied = eventually(
        lambda: elsewhere.get_item(TableName=players, Key=key).get("Item"), aws_takes=60
    )
    assert copied == player
