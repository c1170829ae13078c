"""Data types: what one attribute can hold.

A recipe item shows them all. Scalars hold one value: String, Number (sent
as a string, stored exactly), Binary, Boolean, Null. Documents nest: a List
of any values, a Map of named values. Sets hold many distinct values of one
scalar kind: String Set, Number Set, Binary Set. A set is never empty and
never holds the same value twice: DynamoDB refuses both, where a List
accepts either.

Notes, "dynamodb > basics".
"""

from __future__ import annotations

import pytest


@pytest.fixture
def recipes(create_table) -> str:
    return create_table("recipes", ("name", "S"))


@pytest.mark.claim("dynamodb.data-types", quote="support: scalar types, document types, set types")
def test_an_item_holds_scalars_documents_and_sets(aws, recipes, read_item):
    key = {"name": {"S": "pancakes"}}
    # HINT: store the pancakes with: serves 4 (Number), vegan False (Boolean), photo b"..."
    # HINT: (Binary), notes Null, steps a List of two Strings, oven a Map {"celsius": 180},
    # HINT: tags a String Set {"sweet", "quick"}.
    # BEGIN SOLUTION
    aws.dynamodb.put_item(
        TableName=recipes,
        Item={
            **key,
            "serves": {"N": "4"},
            "vegan": {"BOOL": False},
            "photo": {"B": b"..."},
            "notes": {"NULL": True},
            "steps": {"L": [{"S": "mix"}, {"S": "fry"}]},
            "oven": {"M": {"celsius": {"N": "180"}}},
            "tags": {"SS": ["sweet", "quick"]},
        },
    )
    # END SOLUTION
    item = read_item(recipes, key)
    kinds = {name: next(iter(value)) for name, value in item.items()}
    assert kinds == {
        "name": "S",
        "serves": "N",
        "vegan": "BOOL",
        "photo": "B",
        "notes": "NULL",
        "steps": "L",
        "oven": "M",
        "tags": "SS",
    }
    assert sorted(item["tags"]["SS"]) == ["quick", "sweet"]
    assert item["oven"]["M"]["celsius"] == {"N": "180"}


@pytest.mark.claim(
    "dynamodb.set-values-distinct",
    quote="support: scalar types, document types, set types",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
    "HowItWorks.NamingRulesDataTypes.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a String Set that holds the same value twice; AWS refuses it with "
    "ValidationException",
)
def test_a_set_is_never_empty_and_never_repeats(aws, recipes, error_code):
    def put(tags: dict) -> str | None:
        item = {"name": {"S": "toast"}, "tags": tags}
        return error_code(aws.dynamodb.put_item, TableName=recipes, Item=item)

    assert put({"L": [{"S": "quick"}, {"S": "quick"}]}) is None, "a List may repeat"
    assert put({"L": []}) is None, "a List may be empty"
    # HINT: the error code (None if stored) of a String Set with "quick" twice, and of
    # HINT: an empty String Set.
    # BEGIN SOLUTION
    expected = {"repeated": "ValidationException", "empty": "ValidationException"}
    # END SOLUTION
    answered = {"repeated": put({"SS": ["quick", "quick"]}), "empty": put({"SS": []})}
    assert answered == expected
