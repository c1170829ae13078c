"""Shared fixtures for the DynamoDB labs: tables, and short ways to read them.

The labs use the low-level client (``aws.dynamodb``), so every value carries its
DynamoDB type: ``{"S": "alice"}`` is a String, ``{"N": "42"}`` a Number (sent as
a string). That is the shape the API, its errors and DynamoDB Streams all use.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_fixed


@pytest.fixture
def create_table(aws, unique_name):
    """``create_table("orders", ("order_id", "S"), ("line", "N"), **options)`` -> table name.

    The first key is the partition (HASH) key, the optional second one the sort
    (RANGE) key. Tables are on-demand unless ``options`` say otherwise; extra
    ``AttributeDefinitions`` (for index keys) are added to the key's own.
    """

    def create(stem: str, partition_key: tuple[str, str], sort_key=None, **options) -> str:
        keys = [(partition_key, "HASH")] + ([(sort_key, "RANGE")] if sort_key else [])
        definitions = [{"AttributeName": name, "AttributeType": kind} for (name, kind), _ in keys]
        definitions += options.pop("AttributeDefinitions", [])
        options.setdefault("BillingMode", "PAY_PER_REQUEST")
        name = unique_name(stem)
        created = aws.dynamodb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": key[0], "KeyType": kind} for key, kind in keys],
            AttributeDefinitions=definitions,
            **options,
        )
        if created["TableDescription"]["TableStatus"] != "ACTIVE":  # AWS takes a few seconds
            aws.dynamodb.get_waiter("table_exists").wait(
                TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
            )
        return name

    return create


@pytest.fixture
def table(create_table) -> str:
    """An on-demand table whose primary key is a String partition key named ``id``."""
    return create_table("items", ("id", "S"))


@pytest.fixture
def read_item(aws):
    """``read_item(table, {"id": {"S": "a"}})`` -> the item, or ``None`` if there is none."""

    def read(table: str, key: dict, **options) -> dict | None:
        return aws.dynamodb.get_item(TableName=table, Key=key, **options).get("Item")

    return read


@pytest.fixture
def put_items(aws):
    """``put_items(table, items)``: write many items in BatchWriteItem calls of 25.

    Faster than one PutItem each; whatever DynamoDB leaves unprocessed is sent again.
    """

    def put(table: str, items: list[dict]) -> None:
        for start in range(0, len(items), 25):
            requests = {
                table: [{"PutRequest": {"Item": item}} for item in items[start : start + 25]]
            }
            while requests:
                requests = aws.dynamodb.batch_write_item(RequestItems=requests)["UnprocessedItems"]

    return put


#: DynamoDB deletes expired items "typically within two days"; three days are past that.
TTL_DELETION_WAIT = 3 * 24 * 3600


@pytest.fixture
def ttl_sweep(aws_backend, clock):
    """``ttl_sweep()``: give DynamoDB's background TTL deletion the time it takes.

    On LocalStack this runs LocalStack's own TTL process now (its developer
    endpoint ``DELETE /_aws/dynamodb/expired``, the sweep it otherwise runs every
    hour): LocalStack decides which items have expired, so an item whose expiry
    is already past needs no waiting. Elsewhere the clock moves three days: at
    once on moto, which never deletes expired items (its labs mark that gap); a
    backend whose clock cannot move skips the test rather than wait for days.
    """

    def sweep() -> None:
        if aws_backend.name == "localstack":
            request = urllib.request.Request(
                f"{aws_backend.endpoint_url}/_aws/dynamodb/expired", method="DELETE"
            )
            # The sweep walks every account's tables and TTL settings unlocked, so a
            # table created or deleted meanwhile by a parallel test breaks the
            # walk ("dictionary changed size during iteration": a 500). The
            # sweep is idempotent, so it is simply run again.
            for attempt in Retrying(
                retry=retry_if_exception(_is_server_error),
                stop=stop_after_attempt(10),
                wait=wait_fixed(0.2),
                reraise=True,
            ):
                with attempt, urllib.request.urlopen(request, timeout=30) as answer:
                    answer.read()
        else:
            clock.advance(TTL_DELETION_WAIT)

    return sweep


def _is_server_error(error: BaseException) -> bool:
    return isinstance(error, urllib.error.HTTPError) and error.code >= 500
