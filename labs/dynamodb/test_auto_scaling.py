"""Auto scaling a provisioned table: capacity that follows the traffic.

A provisioned table does not scale by itself. Application Auto Scaling does
it: the table's read (or write) capacity is registered as a *scalable target*
with a minimum and a maximum, and a *target tracking* policy keeps the
consumed share of it near a target (70 % here) by raising or lowering the
provisioned units, driven by CloudWatch alarms the policy creates. (An
on-demand table needs none of this.)

A product catalogue, read by day, quiet at night.

Notes, "dynamodb > read/write capacity modes > provisioned mode".
"""

from __future__ import annotations

import pytest

READS = "dynamodb:table:ReadCapacityUnits"


@pytest.fixture
def catalogue(create_table) -> str:
    return create_table(
        "catalogue",
        ("sku", "S"),
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    )


@pytest.mark.claim(
    "dynamodb.auto-scaling-target-tracking",
    quote="option for auto-scaling",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html",
)
def test_read_capacity_scales_between_bounds_to_a_target(aws, catalogue):
    scaling = aws.client("application-autoscaling")
    resource = f"table/{catalogue}"
    # HINT: register the table's read capacity (READS) as a scalable target between 5 and
    # HINT: 100 units, then a TargetTrackingScaling policy "reads-at-70" keeping
    # HINT: DynamoDBReadCapacityUtilization at 70.
    # BEGIN SOLUTION
    scaling.register_scalable_target(
        ServiceNamespace="dynamodb",
        ResourceId=resource,
        ScalableDimension=READS,
        MinCapacity=5,
        MaxCapacity=100,
    )
    scaling.put_scaling_policy(
        PolicyName="reads-at-70",
        ServiceNamespace="dynamodb",
        ResourceId=resource,
        ScalableDimension=READS,
        PolicyType="TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration={
            "TargetValue": 70.0,
            "PredefinedMetricSpecification": {
                "PredefinedMetricType": "DynamoDBReadCapacityUtilization"
            },
        },
    )
    # END SOLUTION
    (target,) = scaling.describe_scalable_targets(
        ServiceNamespace="dynamodb", ResourceIds=[resource]
    )["ScalableTargets"]
    assert (target["ScalableDimension"], target["MinCapacity"], target["MaxCapacity"]) == (
        READS,
        5,
        100,
    )
    (policy,) = scaling.describe_scaling_policies(ServiceNamespace="dynamodb", ResourceId=resource)[
        "ScalingPolicies"
    ]
    assert policy["TargetTrackingScalingPolicyConfiguration"]["TargetValue"] == 70.0
    assert policy["Alarms"], "the policy acts through CloudWatch alarms it creates"
