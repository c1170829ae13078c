"""Secondary indexes: asking a table questions its primary key cannot answer.

A music library keys songs by (artist, title). To list an artist's songs by
year, a *local* secondary index (LSI) keeps the same partition key with
another sort key; it must be declared when the table is created (at most 5
per table), and it can be read strongly consistent. To find songs by genre,
a *global* secondary index (GSI) has a whole new key; it can be added to an
existing table at any time, but it is updated asynchronously, so its reads
are always eventually consistent. Each index projects the attributes it
copies: KEYS_ONLY, INCLUDE (some more) or ALL.

Notes, "dynamodb > local secondary index" and "dynamodb > global secondary index".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

SONGS = [
    ("Queen", "Bohemian Rhapsody", 1975, "rock", 354),
    ("Queen", "Radio Ga Ga", 1984, "pop", 348),
    ("Queen", "Killer Queen", 1974, "rock", 180),
    ("ABBA", "Dancing Queen", 1976, "pop", 231),
]


def song(artist: str, title: str, year: int, genre: str, seconds: int) -> dict:
    return {
        "artist": {"S": artist},
        "title": {"S": title},
        "year": {"N": str(year)},
        "genre": {"S": genre},
        "seconds": {"N": str(seconds)},
        "lyrics": {"S": "..."},
    }


def by_year_index() -> dict:
    return {
        "IndexName": "by-year",
        "KeySchema": [
            {"AttributeName": "artist", "KeyType": "HASH"},
            {"AttributeName": "year", "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": "ALL"},
    }


def genre_index(name: str, projection: dict) -> dict:
    return {
        "IndexName": name,
        "KeySchema": [{"AttributeName": "genre", "KeyType": "HASH"}],
        "Projection": projection,
    }


@pytest.fixture
def songs(create_table, put_items) -> str:
    name = create_table(
        "songs",
        ("artist", "S"),
        ("title", "S"),
        AttributeDefinitions=[
            {"AttributeName": "year", "AttributeType": "N"},
            {"AttributeName": "genre", "AttributeType": "S"},
        ],
        LocalSecondaryIndexes=[by_year_index()],
        GlobalSecondaryIndexes=[
            genre_index("genre-keys-only", {"ProjectionType": "KEYS_ONLY"}),
            genre_index(
                "genre-include", {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["year"]}
            ),
            genre_index("genre-all", {"ProjectionType": "ALL"}),
        ],
    )
    put_items(name, [song(*row) for row in SONGS])
    return name


def titles(items: list[dict]) -> list[str]:
    return [item["title"]["S"] for item in items]


@pytest.mark.claim(
    "dynamodb.lsi-alternative-sort-key", quote="alternative sort key (same partition key)"
)
def test_a_local_index_sorts_one_artist_by_another_attribute(aws, songs):
    # HINT: query the "by-year" index for Queen's songs from 1975 on, strongly consistent.
    # BEGIN SOLUTION
    page = aws.dynamodb.query(
        TableName=songs,
        IndexName="by-year",
        KeyConditionExpression="artist = :artist AND #year >= :year",
        ExpressionAttributeNames={"#year": "year"},  # YEAR is a reserved word
        ExpressionAttributeValues={":artist": {"S": "Queen"}, ":year": {"N": "1975"}},
        ConsistentRead=True,
    )
    # END SOLUTION
    assert titles(page["Items"]) == ["Bohemian Rhapsody", "Radio Ga Ga"]


@pytest.mark.claim(
    "dynamodb.lsi-only-at-creation", quote="must be defined at the table creation time"
)
def test_only_global_indexes_can_be_added_later(aws):
    update_table = aws.dynamodb.meta.service_model.operation_model("UpdateTable")
    parameters = set(update_table.input_shape.members)
    # HINT: which UpdateTable parameter adds an index to an existing table?
    # BEGIN SOLUTION
    adds_an_index = "GlobalSecondaryIndexUpdates"
    # END SOLUTION
    assert adds_an_index in parameters
    assert not {name for name in parameters if name.startswith("LocalSecondaryIndex")}


@pytest.mark.claim("dynamodb.lsi-at-most-5", quote="up to 5 local secondary indexes")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a table with 6 local secondary indexes; AWS allows at most 5 "
    "and refuses CreateTable with ValidationException",
)
def test_a_table_has_at_most_5_local_indexes(aws, create_table):
    def indexes(count: int) -> dict:
        return {
            "AttributeDefinitions": [
                {"AttributeName": f"sort{n}", "AttributeType": "S"} for n in range(count)
            ],
            "LocalSecondaryIndexes": [
                {
                    "IndexName": f"by-sort{n}",
                    "KeySchema": [
                        {"AttributeName": "pk", "KeyType": "HASH"},
                        {"AttributeName": f"sort{n}", "KeyType": "RANGE"},
                    ],
                    "Projection": {"ProjectionType": "KEYS_ONLY"},
                }
                for n in range(count)
            ],
        }

    create_table("five", ("pk", "S"), ("sk", "S"), **indexes(5))
    # HINT: what does CreateTable answer for 6 local secondary indexes?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        create_table("six", ("pk", "S"), ("sk", "S"), **indexes(6))
    assert refused.value.response["Error"]["Code"] == expected_error


@pytest.mark.claim(
    "dynamodb.lsi-same-partition-key", quote="alternative sort key (same partition key)"
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a local secondary index whose partition key differs from the "
    "table's; AWS refuses CreateTable with ValidationException",
)
def test_a_local_index_keeps_the_table_partition_key(aws, create_table):
    other_partition = {
        "IndexName": "by-genre",
        "KeySchema": [
            {"AttributeName": "genre", "KeyType": "HASH"},
            {"AttributeName": "title", "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": "ALL"},
    }
    # HINT: what does CreateTable answer an LSI keyed on another partition key?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        create_table(
            "bad-lsi",
            ("artist", "S"),
            ("title", "S"),
            AttributeDefinitions=[{"AttributeName": "genre", "AttributeType": "S"}],
            LocalSecondaryIndexes=[other_partition],
        )
    assert refused.value.response["Error"]["Code"] == expected_error


@pytest.mark.claim("dynamodb.gsi-added-later", quote="can be added/updated after table creation")
def test_a_global_index_added_later_answers_a_new_question(
    aws, create_table, put_items, eventually
):
    table = create_table("library", ("artist", "S"), ("title", "S"))
    put_items(table, [song(*row) for row in SONGS])
    # HINT: add a GSI named "by-genre" keyed on genre (a String), projecting ALL.
    # BEGIN SOLUTION
    aws.dynamodb.update_table(
        TableName=table,
        AttributeDefinitions=[{"AttributeName": "genre", "AttributeType": "S"}],
        GlobalSecondaryIndexUpdates=[
            {"Create": genre_index("by-genre", {"ProjectionType": "ALL"})}
        ],
    )
    # END SOLUTION

    def index_status() -> dict[str, str]:
        indexes = aws.dynamodb.describe_table(TableName=table)["Table"].get(
            "GlobalSecondaryIndexes", []
        )
        return {i["IndexName"]: i["IndexStatus"] for i in indexes}

    # The table shows the new index at once (CREATING while AWS backfills it from the
    # table), so a table without one fails here, not after the wait below.
    assert "by-genre" in index_status()
    eventually(lambda: index_status()["by-genre"] == "ACTIVE", aws_takes=60)
    page = aws.dynamodb.query(
        TableName=table,
        IndexName="by-genre",
        KeyConditionExpression="genre = :pop",
        ExpressionAttributeValues={":pop": {"S": "pop"}},
    )
    assert sorted(titles(page["Items"])) == ["Dancing Queen", "Radio Ga Ga"]


@pytest.mark.claim(
    "dynamodb.index-projection",
    quote="can choose which attribute to project -- keys_only, all, include",
    line=1641,
)
def test_an_index_returns_the_attributes_it_projects(aws, songs):
    # HINT: the attributes an index returns: the table's key, the index's key, and for
    # HINT: INCLUDE the listed ones (here "year"); ALL copies every attribute.
    # BEGIN SOLUTION
    table_and_index_keys = {"artist", "title", "genre"}
    expected = {
        "genre-keys-only": table_and_index_keys,
        "genre-include": table_and_index_keys | {"year"},
        "genre-all": table_and_index_keys | {"year", "seconds", "lyrics"},
    }
    # END SOLUTION
    for index in ("genre-keys-only", "genre-include", "genre-all"):
        page = aws.dynamodb.query(
            TableName=songs,
            IndexName=index,
            KeyConditionExpression="genre = :rock",
            ExpressionAttributeValues={":rock": {"S": "rock"}},
        )
        assert page["Count"] == 2
        assert {name for item in page["Items"] for name in item} == expected[index], index


@pytest.mark.claim(
    "dynamodb.gsi-eventually-consistent",
    quote="strongly consistent read: set `consistentread` parameter",
)
def test_a_global_index_refuses_strongly_consistent_reads(aws, songs):
    # HINT: what error code does a strongly consistent Query on a GSI get?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.query(
            TableName=songs,
            IndexName="genre-all",
            KeyConditionExpression="genre = :rock",
            ExpressionAttributeValues={":rock": {"S": "rock"}},
            ConsistentRead=True,
        )
    assert refused.value.response["Error"]["Code"] == expected_error
