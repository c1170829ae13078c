"""Capacity modes: provisioned or on-demand, and moving between them.

A table is either *provisioned* (you state read and write capacity units,
and pay for them) or *on-demand* (PAY_PER_REQUEST: no capacity to state, you
pay per request). CreateTable insists on the right parameters for each.
UpdateTable switches modes: to on-demand at most four times in a rolling
24 hours, back to provisioned at any time, with the capacity stated again.

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


def to_on_demand(aws, table: str) -> None:
    aws.dynamodb.update_table(TableName=table, BillingMode="PAY_PER_REQUEST")


def to_provisioned(aws, table: str) -> None:
    aws.dynamodb.update_table(
        TableName=table, BillingMode="PROVISIONED", ProvisionedThroughput=THROUGHPUT
    )


@pytest.fixture
def provisioned(create_table) -> str:
    return create_table(
        "provisioned", ("id", "S"), BillingMode="PROVISIONED", ProvisionedThroughput=THROUGHPUT
    )


@pytest.mark.claim("dynamodb.capacity-mode-parameters", quote="on-demand mode:")
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
    # HINT: switch the table to on-demand, append its billing mode to modes_seen, then
    # HINT: switch it straight back to provisioned, now with 10 read and 10 write units.
    # BEGIN SOLUTION
    to_on_demand(aws, provisioned)
    modes_seen.append(billing_mode(aws, provisioned))
    aws.dynamodb.update_table(
        TableName=provisioned,
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": 10, "WriteCapacityUnits": 10},
    )
    # END SOLUTION
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
def test_a_fifth_switch_to_on_demand_within_a_day_is_refused(aws, provisioned):
    for _ in range(4):
        to_on_demand(aws, provisioned)
        to_provisioned(aws, provisioned)
    with pytest.raises(ClientError):
        to_on_demand(aws, provisioned)
    assert billing_mode(aws, provisioned) == "PROVISIONED"


@pytest.mark.claim("dynamodb.capacity-mode-to-provisioned", quote="provisioned mode:")
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
