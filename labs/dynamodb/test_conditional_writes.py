"""Conditional writes: a shop's catalogue that never overwrites what it should not.

A plain PutItem replaces whatever item has the same key, and a plain UpdateItem
creates the item if it is missing. A ConditionExpression makes the write
happen only if the item, as it is *before* the write, passes a test; if it
does not, DynamoDB refuses with ConditionalCheckFailedException and changes
nothing. The test runs on the server, atomically with the write, so no other
writer can slip in between the check and the write, which a read followed
by a write in the application cannot promise.

The catalogue holds products keyed by SKU. Each test writes one condition
with the functions the notes list: attribute_not_exists, attribute_exists,
attribute_type, contains, begins_with, size, and the IN / BETWEEN / AND
operators, then watches which writes DynamoDB lets through.

Notes, "dynamodb > conditional writes" and "dynamodb > writing data".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from harness.testkit.clients import error_code

REFUSED = "ConditionalCheckFailedException"

LAMP = {
    "sku": {"S": "LAMP-01"},
    "title": {"S": "Desk lamp"},
    "category": {"S": "home/lighting"},
    "price": {"N": "25"},
    "status": {"S": "active"},
}
BOOK = {
    "sku": {"S": "BOOK-42"},
    "title": {"S": "Refurbished copy of Dune"},
    "category": {"S": "books/sci-fi"},
    "price": {"N": "8"},
    "status": {"S": "preorder"},
}


@pytest.fixture
def catalogue(create_table) -> str:
    return create_table("catalogue", ("sku", "S"))


def write(call, **request) -> str:
    """Make one write; ``"ok"``, or the error code DynamoDB refused it with."""
    return error_code(call, **request) or "ok"


def key(product: dict) -> dict:
    return {"sku": product["sku"]}


@pytest.mark.claim(
    "dynamodb.condition-attribute-not-exists",
    quote="attribute_not_exists: make sure item is not overwritten",
)
def test_a_new_product_never_overwrites_an_existing_one(aws, catalogue, read_item):
    impostor = {**LAMP, "title": {"S": "Cheap knock-off"}, "price": {"N": "1"}}
    only_if_new = None  # an unconditional write, until you write the condition
    # HINT: which function of the key attribute is true only when no item has this key yet?
    # BEGIN SOLUTION
    only_if_new = "attribute_not_exists(sku)"
    # END SOLUTION
    put = aws.dynamodb.put_item
    condition = {"ConditionExpression": only_if_new} if only_if_new else {}
    assert write(put, TableName=catalogue, Item=LAMP, **condition) == "ok"
    assert write(put, TableName=catalogue, Item=impostor, **condition) == REFUSED
    assert read_item(catalogue, key(LAMP)) == LAMP, "the refused write changed nothing"


@pytest.mark.claim("dynamodb.condition-attribute-exists", quote="attribute_exists")
def test_restocking_only_touches_products_that_exist(aws, catalogue, read_item):
    aws.dynamodb.put_item(TableName=catalogue, Item=LAMP)
    restock = {
        "UpdateExpression": "ADD stock :count",
        "ExpressionAttributeValues": {":count": {"N": "10"}},
    }
    # HINT: UpdateItem on a missing key creates the item (an "upsert"). Which condition
    # HINT: makes it update existing products only?
    # BEGIN SOLUTION
    restock["ConditionExpression"] = "attribute_exists(sku)"
    # END SOLUTION
    update = aws.dynamodb.update_item
    assert write(update, TableName=catalogue, Key=key(LAMP), **restock) == "ok"
    assert read_item(catalogue, key(LAMP))["stock"] == {"N": "10"}
    ghost = {"sku": {"S": "GHOST-00"}}
    assert write(update, TableName=catalogue, Key=ghost, **restock) == REFUSED
    assert read_item(catalogue, ghost) is None, "no ghost product was created"


@pytest.mark.claim("dynamodb.condition-attribute-type", quote="attribute_type")
def test_a_price_change_needs_a_numeric_price(aws, catalogue, read_item):
    legacy = {**BOOK, "price": {"S": "8 EUR"}}  # imported from an old system, as text
    aws.dynamodb.put_item(TableName=catalogue, Item=LAMP)
    aws.dynamodb.put_item(TableName=catalogue, Item=legacy)
    discount = {
        "TableName": catalogue,
        "UpdateExpression": "SET price = price - :off",
        "ExpressionAttributeValues": {":off": {"N": "5"}},
    }
    # HINT: attribute_type(path, :type) compares with a type descriptor ("S", "N", "BOOL",
    # HINT: "SS"...), itself passed as a String value in ExpressionAttributeValues.
    # BEGIN SOLUTION
    discount["ConditionExpression"] = "attribute_type(price, :number)"
    discount["ExpressionAttributeValues"][":number"] = {"S": "N"}
    # END SOLUTION
    assert write(aws.dynamodb.update_item, Key=key(LAMP), **discount) == "ok"
    assert write(aws.dynamodb.update_item, Key=key(legacy), **discount) == REFUSED
    assert read_item(catalogue, key(LAMP))["price"] == {"N": "20"}
    assert read_item(catalogue, key(legacy))["price"] == {"S": "8 EUR"}


@pytest.mark.claim("dynamodb.condition-contains", quote="contains (string): check substring")
def test_only_refurbished_products_get_the_refurbished_badge(aws, catalogue, read_item):
    for product in (LAMP, BOOK):
        aws.dynamodb.put_item(TableName=catalogue, Item=product)
    badge = {
        "UpdateExpression": "SET badge = :badge",
        "ExpressionAttributeValues": {":badge": {"S": "refurbished"}},
    }
    # HINT: the title must contain the word "Refurbished" (pass it as a value, e.g. :word).
    # BEGIN SOLUTION
    badge["ConditionExpression"] = "contains(title, :word)"
    badge["ExpressionAttributeValues"][":word"] = {"S": "Refurbished"}
    # END SOLUTION
    outcomes = {
        product["sku"]["S"]: write(
            aws.dynamodb.update_item, TableName=catalogue, Key=key(product), **badge
        )
        for product in (LAMP, BOOK)
    }
    assert outcomes == {"LAMP-01": REFUSED, "BOOK-42": "ok"}
    assert "badge" not in read_item(catalogue, key(LAMP))


@pytest.mark.claim("dynamodb.condition-begins-with", quote="begins_with (string): check prefix")
def test_only_books_get_the_reduced_vat_rate(aws, catalogue):
    for product in (LAMP, BOOK):
        aws.dynamodb.put_item(TableName=catalogue, Item=product)
    reduced_vat = {
        "UpdateExpression": "SET vat = :rate",
        "ExpressionAttributeValues": {":rate": {"N": "5.5"}},
    }
    # HINT: every book's category starts with "books/".
    # BEGIN SOLUTION
    reduced_vat["ConditionExpression"] = "begins_with(category, :books)"
    reduced_vat["ExpressionAttributeValues"][":books"] = {"S": "books/"}
    # END SOLUTION
    update = aws.dynamodb.update_item
    assert write(update, TableName=catalogue, Key=key(BOOK), **reduced_vat) == "ok"
    assert write(update, TableName=catalogue, Key=key(LAMP), **reduced_vat) == REFUSED


@pytest.mark.claim("dynamodb.condition-size", quote="size (string length)")
def test_a_product_is_published_only_with_a_real_description(aws, catalogue, read_item):
    draft = {**LAMP, "description": {"S": "TBD"}}
    ready = {**BOOK, "description": {"S": "Frank Herbert's classic, lightly used."}}
    for product in (draft, ready):
        aws.dynamodb.put_item(TableName=catalogue, Item=product)
    publish = {
        "UpdateExpression": "SET published = :yes",
        "ExpressionAttributeValues": {":yes": {"BOOL": True}},
    }
    # HINT: publish only if the description is at least 20 characters long.
    # BEGIN SOLUTION
    publish["ConditionExpression"] = "size(description) >= :min"
    publish["ExpressionAttributeValues"][":min"] = {"N": "20"}
    # END SOLUTION
    update = aws.dynamodb.update_item
    assert write(update, TableName=catalogue, Key=key(ready), **publish) == "ok"
    assert write(update, TableName=catalogue, Key=key(draft), **publish) == REFUSED
    assert "published" not in read_item(catalogue, key(draft))


@pytest.mark.claim("dynamodb.condition-in-between-and", quote="in, and, between,")
def test_the_home_page_features_affordable_products_on_sale(aws, catalogue):
    pricey = {**LAMP, "sku": {"S": "LAMP-99"}, "price": {"N": "250"}}
    retired = {**LAMP, "sku": {"S": "LAMP-00"}, "status": {"S": "retired"}}
    products = (LAMP, BOOK, pricey, retired)
    for product in products:
        aws.dynamodb.put_item(TableName=catalogue, Item=product)
    feature = {
        "UpdateExpression": "SET featured = :yes",
        "ExpressionAttributeValues": {":yes": {"BOOL": True}},
    }
    # HINT: status is "active" or "preorder", and the price lies from 5 to 50 inclusive.
    # HINT: STATUS is a reserved word: name the attribute through ExpressionAttributeNames.
    # BEGIN SOLUTION
    feature["ConditionExpression"] = (
        "#status IN (:active, :preorder) AND price BETWEEN :low AND :high"
    )
    feature["ExpressionAttributeNames"] = {"#status": "status"}
    feature["ExpressionAttributeValues"].update(
        {
            ":active": {"S": "active"},
            ":preorder": {"S": "preorder"},
            ":low": {"N": "5"},
            ":high": {"N": "50"},
        }
    )
    # END SOLUTION
    outcomes = {
        product["sku"]["S"]: write(
            aws.dynamodb.update_item, TableName=catalogue, Key=key(product), **feature
        )
        for product in products
    }
    assert outcomes == {"LAMP-01": "ok", "BOOK-42": "ok", "LAMP-99": REFUSED, "LAMP-00": REFUSED}


@pytest.mark.claim(
    "dynamodb.condition-failure-returns-old-item",
    quote="conditional write: help with concurrent access",
)
def test_a_refused_write_can_return_the_item_that_blocked_it(aws, catalogue):
    aws.dynamodb.put_item(TableName=catalogue, Item=LAMP)
    on_refusal = {}  # what else to ask for; nothing yet
    # HINT: one PutItem parameter makes the ConditionalCheckFailedException carry the
    # HINT: current item, which saves a GetItem to find out why the write was refused.
    # BEGIN SOLUTION
    on_refusal["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
    # END SOLUTION
    with pytest.raises(ClientError) as refusal:
        aws.dynamodb.put_item(
            TableName=catalogue,
            Item={**LAMP, "price": {"N": "1"}},
            ConditionExpression="attribute_not_exists(sku)",
            **on_refusal,
        )
    assert refusal.value.response["Error"]["Code"] == REFUSED
    assert refusal.value.response.get("Item") == LAMP
