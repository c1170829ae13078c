"""Index rules: what each kind of index copies, costs and answers.

A game stores scores keyed by (player, game). A *global* secondary index has
a key of its own, a partition key alone or with a sort key, so it answers
questions the table's key cannot ("the best scores of one game"); a Query on
the table itself must name the table's partition key. A GSI holds only what
it projects: asking it for more is refused. A *local* index shares the
table's partition, so DynamoDB fetches what it does not project from the
table, at extra read cost. On a provisioned table a GSI has capacity of its
own, which CreateTable and UpdateTable insist on; an LSI has none, it uses
the table's.

Notes, "dynamodb > local secondary index", "dynamodb > global secondary index"
and "dynamodb > indexes and throttling".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

SCORES = [
    ("ada", "tetris", 900, "2024-01-03"),
    ("bob", "tetris", 700, "2024-01-05"),
    ("cy", "tetris", 950, "2024-01-09"),
    ("ada", "snake", 300, "2024-01-04"),
]

CAPACITY = {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}


def score(player: str, game: str, points: int, day: str) -> dict:
    return {
        "player": {"S": player},
        "game": {"S": game},
        "points": {"N": str(points)},
        "day": {"S": day},
        "replay": {"S": "..."},
    }


def index(name: str, keys: list[tuple[str, str]], projection: str = "KEYS_ONLY", **more) -> dict:
    return {
        "IndexName": name,
        "KeySchema": [{"AttributeName": a, "KeyType": kind} for a, kind in keys],
        "Projection": {"ProjectionType": projection},
        **more,
    }


@pytest.fixture
def scores(create_table, put_items) -> str:
    """Scores keyed by (player, game); a GSI (game, points); an LSI (player, day), keys only."""
    name = create_table(
        "scores",
        ("player", "S"),
        ("game", "S"),
        AttributeDefinitions=[
            {"AttributeName": "points", "AttributeType": "N"},
            {"AttributeName": "day", "AttributeType": "S"},
        ],
        GlobalSecondaryIndexes=[index("by-game", [("game", "HASH"), ("points", "RANGE")])],
        LocalSecondaryIndexes=[index("by-day", [("player", "HASH"), ("day", "RANGE")])],
    )
    put_items(name, [score(*row) for row in SCORES])
    return name


@pytest.mark.claim(
    "dynamodb.gsi-composite-key",
    quote="alternative primary key (partition key or partition key + sort key)",
)
def test_a_global_index_has_its_own_partition_and_sort_key(aws, scores):
    # HINT: query the "by-game" index for tetris scores of at least 800 points, best first.
    # BEGIN SOLUTION
    page = aws.dynamodb.query(
        TableName=scores,
        IndexName="by-game",
        KeyConditionExpression="game = :game AND points >= :least",
        ExpressionAttributeValues={":game": {"S": "tetris"}, ":least": {"N": "800"}},
        ScanIndexForward=False,
    )
    # END SOLUTION
    assert [item["player"]["S"] for item in page["Items"]] == ["cy", "ada"]


@pytest.mark.claim("dynamodb.gsi-query-non-key", quote="query on non-key attributes")
def test_only_an_index_queries_by_a_non_key_attribute(aws, scores, error_code):
    by_game = {
        "KeyConditionExpression": "game = :game",
        "ExpressionAttributeValues": {":game": {"S": "tetris"}},
    }
    # HINT: the error code of a Query on the table itself by game (not its partition key),
    # HINT: then the number of items the same Query on the "by-game" index finds.
    # BEGIN SOLUTION
    on_the_table = "ValidationException"
    found_by_the_index = 3
    # END SOLUTION
    assert error_code(aws.dynamodb.query, TableName=scores, **by_game) == on_the_table
    page = aws.dynamodb.query(TableName=scores, IndexName="by-game", **by_game)
    assert page["Count"] == found_by_the_index


@pytest.mark.claim(
    "dynamodb.gsi-projection-only",
    quote="can choose which attribute to project -- keys_only, all, include",
    line=1641,
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html",
)
def test_a_global_index_refuses_what_it_does_not_project(aws, scores, error_code):
    ask_all = {
        "IndexName": "by-game",
        "KeyConditionExpression": "game = :game",
        "ExpressionAttributeValues": {":game": {"S": "tetris"}},
        "Select": "ALL_ATTRIBUTES",
    }
    # HINT: a KEYS_ONLY global index asked for ALL_ATTRIBUTES: the error code?
    # BEGIN SOLUTION
    expected = "ValidationException"
    # END SOLUTION
    assert error_code(aws.dynamodb.query, TableName=scores, **ask_all) == expected
    keys = aws.dynamodb.query(TableName=scores, **{**ask_all, "Select": "ALL_PROJECTED_ATTRIBUTES"})
    assert {name for item in keys["Items"] for name in item} == {"player", "game", "points"}


@pytest.mark.claim(
    "dynamodb.lsi-fetches-unprojected",
    quote="can choose which attribute to project -- keys_only, all, include",
    line=1637,
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto returns only the attributes a local index projects, even for ALL_ATTRIBUTES; "
    "AWS fetches the others from the table",
)
def test_a_local_index_fetches_what_it_does_not_project(aws, scores):
    query = {
        "TableName": scores,
        "IndexName": "by-day",
        "KeyConditionExpression": "player = :ada",
        "ExpressionAttributeValues": {":ada": {"S": "ada"}},
    }
    projected = aws.dynamodb.query(**query, Select="ALL_PROJECTED_ATTRIBUTES")["Items"]
    assert {name for item in projected for name in item} == {"player", "game", "day"}
    # HINT: the attributes a KEYS_ONLY local index returns when asked for ALL_ATTRIBUTES.
    # BEGIN SOLUTION
    expected = {"player", "game", "day", "points", "replay"}
    # END SOLUTION
    fetched = aws.dynamodb.query(**query, Select="ALL_ATTRIBUTES")["Items"]
    assert [item["day"]["S"] for item in fetched] == ["2024-01-03", "2024-01-04"]
    assert {name for item in fetched for name in item} == expected


@pytest.mark.claim(
    "dynamodb.gsi-own-capacity",
    quote="should provision rcu, wcu",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a provisioned table whose global index names no capacity; AWS "
    "refuses CreateTable with ValidationException",
)
def test_a_global_index_of_a_provisioned_table_needs_its_own_capacity(create_table):
    keys = [("game", "HASH")]
    definitions = [{"AttributeName": "game", "AttributeType": "S"}]
    provisioned = {"BillingMode": "PROVISIONED", "ProvisionedThroughput": CAPACITY}
    create_table(
        "with-capacity",
        ("player", "S"),
        AttributeDefinitions=definitions,
        GlobalSecondaryIndexes=[index("by-game", keys, ProvisionedThroughput=CAPACITY)],
        **provisioned,
    )
    # HINT: the error code of CreateTable for a provisioned table whose GSI names no capacity.
    # BEGIN SOLUTION
    expected = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        create_table(
            "without-capacity",
            ("player", "S"),
            AttributeDefinitions=definitions,
            GlobalSecondaryIndexes=[index("by-game", keys)],
            **provisioned,
        )
    assert refused.value.response["Error"]["Code"] == expected


@pytest.mark.claim("dynamodb.lsi-table-capacity", quote="use wcu and rcu of the main table")
def test_a_local_index_has_no_capacity_of_its_own(aws, create_table):
    table = create_table(
        "provisioned",
        ("player", "S"),
        ("game", "S"),
        AttributeDefinitions=[{"AttributeName": "day", "AttributeType": "S"}],
        LocalSecondaryIndexes=[index("by-day", [("player", "HASH"), ("day", "RANGE")])],
        GlobalSecondaryIndexes=[
            index("by-game", [("game", "HASH")], ProvisionedThroughput=CAPACITY)
        ],
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    )
    described = aws.dynamodb.describe_table(TableName=table)["Table"]
    # HINT: which of the two indexes reports a ProvisionedThroughput of its own?
    # BEGIN SOLUTION
    with_capacity = {"by-game": True, "by-day": False}
    # END SOLUTION
    for kind in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        for description in described[kind]:
            name = description["IndexName"]
            assert ("ProvisionedThroughput" in description) is with_capacity[name], name


def many_indexes(count: int, projected_each: int = 0) -> dict:
    """CreateTable options: ``count`` GSIs on a0, a1...; each projecting n0, n1... if asked."""
    projection = {"ProjectionType": "KEYS_ONLY"}
    if projected_each:
        names = [f"n{number}" for number in range(projected_each)]
        projection = {"ProjectionType": "INCLUDE", "NonKeyAttributes": names}
    return {
        "AttributeDefinitions": [
            {"AttributeName": f"a{number}", "AttributeType": "S"} for number in range(count)
        ],
        "GlobalSecondaryIndexes": [
            {
                "IndexName": f"by-a{number}",
                "KeySchema": [{"AttributeName": f"a{number}", "KeyType": "HASH"}],
                "Projection": projection,
            }
            for number in range(count)
        ],
    }


@pytest.mark.claim(
    "dynamodb.gsi-at-most-20",
    beyond_notes="A table has at most 20 global secondary indexes (the default quota): "
    "CreateTable takes 20 and refuses 21 with ValidationException.",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a table with 21 global secondary indexes; AWS allows 20 by default "
    "and refuses CreateTable with ValidationException",
)
def test_a_table_has_at_most_20_global_indexes(create_table):
    create_table("twenty", ("pk", "S"), **many_indexes(20))
    # HINT: what does CreateTable answer for 21 global secondary indexes?
    # BEGIN SOLUTION
    expected = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        create_table("twenty-one", ("pk", "S"), **many_indexes(21))
    assert refused.value.response["Error"]["Code"] == expected


@pytest.mark.claim(
    "dynamodb.projected-attributes-100",
    beyond_notes="All the secondary indexes of a table project at most 100 attributes "
    "listed in INCLUDE projections, counted together: 2 x 50 is taken, 2 x 51 refused.",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates indexes that project 102 listed attributes in all; AWS allows 100 "
    "per table and refuses CreateTable with ValidationException",
)
def test_indexes_project_at_most_100_listed_attributes_in_all(create_table):
    create_table("hundred", ("pk", "S"), **many_indexes(2, projected_each=50))
    # HINT: the most listed (INCLUDE) attributes two indexes can each project, together 100.
    # BEGIN SOLUTION
    most_each = 50
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        create_table("too-many", ("pk", "S"), **many_indexes(2, projected_each=most_each + 1))
    assert refused.value.response["Error"]["Code"] == "ValidationException"
