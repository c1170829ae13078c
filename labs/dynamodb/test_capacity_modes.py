"""Capacity modes: provisioned or on-demand, and moving between them.

A table is either *provisioned* (you state read and write capacity units,
and pay for them) or *on-demand* (PAY_PER_REQUEST: no capacity to state, you
pay per request). CreateTable insists on the right parameters for each.
UpdateTable switches modes: to on-demand at most four times in a rolling
24 hours (the fifth is refused, LimitExceededException), back to provisioned at
any time, with the capacity stated again. A switch leaves the table UPDATING for
a while, and the next UpdateTable waits until it is ACTIVE again (until then AWS
refuses it, ResourceInUseException).

Notes, "dynamodb > read/write capacity modes".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

THROUGHPUT = {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
SWITCHING = (
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/switching.capacitymode.html"
)
SWITCHING_ERRATA = (
    "a table may switch from provisioned to on-demand up to four times in a 24-hour rolling "
    "window, and from on-demand back to provisioned at any time"
)


def billing_mode(aws, table: str) -> str:
    description = aws.dynamodb.describe_table(TableName=table)["Table"]
    return description.get("BillingModeSummary", {}).get("BillingMode", "PROVISIONED")


def wait_until_active(aws, table: str) -> None:
    """A switch leaves the table UPDATING for a while; AWS refuses the next UpdateTable
    (ResourceInUseException) until it is ACTIVE again."""
    aws.dynamodb.get_waiter("table_exists").wait(
        TableName=table, WaiterConfig={"Delay": 2, "MaxAttempts": 150}
    )


def to_on_demand(aws, table: str) -> None:
    aws.dynamodb.update_table(TableName=table, BillingMode="PAY_PER_REQUEST")
    wait_until_active(aws, table)


def to_provisioned(aws, table: str) -> None:
    aws.dynamodb.update_table(
        TableName=table, BillingMode="PROVISIONED", ProvisionedThroughput=THROUGHPUT
    )
    wait_until_active(aws, table)


@pytest.fixture
def provisioned(create_table) -> str:
    return create_table(
        "provisioned", ("id", "S"), BillingMode="PROVISIONED", ProvisionedThroughput=THROUGHPUT
    )


@pytest.mark.claim(
    "dynamodb.capacity-mode-parameters", quote="read capacity units -- throughput for reads"
)
@pytest.mark.emulator_gap(
    "dynamodb-local",
    reason="DynamoDB Local creates an on-demand table given ProvisionedThroughput; AWS "
    "refuses CreateTable with ValidationException",
)
def test_each_mode_wants_its_own_parameters(aws, create_table):
    wrong = {
        "provisioned without capacity": {"BillingMode": "PROVISIONED"},
        "on-demand with capacity": {
            "BillingMode": "PAY_PER_REQUEST",
            "ProvisionedThroughput": THROUGHPUT,
        },
    }
    # HINT: what error code does CreateTable answer a mode given the wrong parameters?
    # BEGIN SOLUTION
    expected_error = "ValidationException"
    # END SOLUTION
    for mistake, options in wrong.items():
        with pytest.raises(ClientError) as refused:
            create_table("wrong-mode", ("id", "S"), **options)
        assert refused.value.response["Error"]["Code"] == expected_error, mistake


@pytest.mark.claim(
    "dynamodb.capacity-mode-switch-back",
    quote="can switch between every 24 hrs",
    errata=SWITCHING_ERRATA,
    source=SWITCHING,
)
def test_a_table_switches_to_on_demand_and_straight_back(aws, provisioned):
    modes_seen = [billing_mode(aws, provisioned)]
    # HINT: switch the table to on-demand (to_on_demand waits until it is ACTIVE again),
    # HINT: append its billing mode to modes_seen, then switch it straight back to
    # HINT: provisioned, now with 10 read and 10 write units.
    # BEGIN SOLUTION
    to_on_demand(aws, provisioned)
    modes_seen.append(billing_mode(aws, provisioned))
    aws.dynamodb.update_table(
        TableName=provisioned,
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": 10, "WriteCapacityUnits": 10},
    )
    # END SOLUTION
    wait_until_active(aws, provisioned)
    modes_seen.append(billing_mode(aws, provisioned))
    assert modes_seen == ["PROVISIONED", "PAY_PER_REQUEST", "PROVISIONED"]
    throughput = aws.dynamodb.describe_table(TableName=provisioned)["Table"][
        "ProvisionedThroughput"
    ]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (10, 10)


@pytest.mark.claim(
    "dynamodb.capacity-mode-switch-limit",
    quote="can switch between every 24 hrs",
    errata=SWITCHING_ERRATA,
    source=SWITCHING,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto lets a table switch to on-demand any number of times; AWS refuses the "
    "fifth switch within 24 hours",
)
@pytest.mark.emulator_gap(
    "dynamodb-local",
    "localstack",
    reason="DynamoDB Local (LocalStack's DynamoDB too) lets a table switch to on-demand any "
    "number of times; AWS refuses the fifth switch within 24 hours",
)
def test_a_fifth_switch_to_on_demand_within_a_day_is_refused(aws, provisioned, error_code):
    for _ in range(4):  # each switch waits for the table to be ACTIVE again
        to_on_demand(aws, provisioned)
        to_provisioned(aws, provisioned)
    fifth = error_code(
        aws.dynamodb.update_table, TableName=provisioned, BillingMode="PAY_PER_REQUEST"
    )
    assert fifth == "LimitExceededException"
    assert billing_mode(aws, provisioned) == "PROVISIONED"


@pytest.mark.claim(
    "dynamodb.capacity-mode-to-provisioned", quote="write capacity units -- throughput for writes"
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto switches a table to PROVISIONED without ProvisionedThroughput; AWS "
    "requires the initial capacity and answers ValidationException",
)
def test_switching_to_provisioned_needs_the_capacity(aws, table):
    with pytest.raises(ClientError) as refused:
        aws.dynamodb.update_table(TableName=table, BillingMode="PROVISIONED")
    assert refused.value.response["Error"]["Code"] == "ValidationException"
    assert billing_mode(aws, table) == "PAY_PER_REQUEST"
