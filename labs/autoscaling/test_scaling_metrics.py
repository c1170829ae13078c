"""The metrics a target tracking policy follows.

Target tracking knows four metrics by name (``PredefinedMetricType``): the
group's average CPU (``ASGAverageCPUUtilization``), average bytes in and out per
instance (``ASGAverageNetworkIn``, ``ASGAverageNetworkOut``), and the request
count per target of an ALB target group (``ALBRequestCountPerTarget``), which
must say which target group (a ``ResourceLabel``). Anything else is a custom
metric: name its namespace, metric name and statistic, and the group tracks it
the same way (queue depth per instance, for a worker fleet).

Notes, "HA and scalability > ASG > metrics for scaling".
"""

from __future__ import annotations

import pytest

QUOTE = "metrics for scaling: `CPUUtilization`, `RequestCountPerTarget`"
METRICS_MODEL = "botocore/data/autoscaling/2011-01-01/service-2.json (MetricType, ResourceLabel)"


def arn_tail(arn: str) -> str:
    """The resource part of an ELB ARN: ``app/name/id`` or ``targetgroup/name/id``."""
    return arn.split(":", 5)[5].split("/", 1)[1]


@pytest.fixture
def web_group(aws, unique_name, vpc_id, subnets, make_group) -> tuple[str, str]:
    """(group name, resource label): a group behind an ALB's target group."""
    alb = aws.elbv2.create_load_balancer(Name=unique_name("alb"), Subnets=subnets)
    alb_arn = alb["LoadBalancers"][0]["LoadBalancerArn"]
    group_arn = aws.elbv2.create_target_group(
        Name=unique_name("web"), Protocol="HTTP", Port=80, VpcId=vpc_id
    )["TargetGroups"][0]["TargetGroupArn"]
    aws.elbv2.create_listener(
        LoadBalancerArn=alb_arn,
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": group_arn}],
    )
    name = make_group(desired=1, TargetGroupARNs=[group_arn])
    return name, f"{arn_tail(alb_arn)}/{arn_tail(group_arn)}"


def track(aws, group: str, policy: str, metric: dict) -> str | None:
    """Put a target tracking policy holding ``metric`` at 50; the error code, or None."""
    try:
        aws.unvalidated("autoscaling").put_scaling_policy(
            AutoScalingGroupName=group,
            PolicyName=policy,
            PolicyType="TargetTrackingScaling",
            TargetTrackingConfiguration={**metric, "TargetValue": 50.0},
        )
    except aws.autoscaling.exceptions.ClientError as error:
        return error.response["Error"]["Code"]
    return None


@pytest.mark.claim("autoscaling.predefined-and-custom-metrics", quote=QUOTE, source=METRICS_MODEL)
def test_a_group_tracks_four_named_metrics_or_a_custom_one(aws, web_group):
    name, label = web_group
    # HINT: the four PredefinedMetricType names (ASG... and ALB...), in the notes' order.
    # BEGIN SOLUTION
    predefined = [
        "ASGAverageCPUUtilization",
        "ALBRequestCountPerTarget",
        "ASGAverageNetworkIn",
        "ASGAverageNetworkOut",
    ]
    # END SOLUTION
    for number, metric_type in enumerate(predefined):
        specification = {"PredefinedMetricType": metric_type}
        if metric_type == "ALBRequestCountPerTarget":
            specification["ResourceLabel"] = label
        assert (
            track(aws, name, f"p{number}", {"PredefinedMetricSpecification": specification}) is None
        )
    custom = {"Namespace": "Shop", "MetricName": "QueueDepthPerInstance", "Statistic": "Average"}
    assert track(aws, name, "queue", {"CustomizedMetricSpecification": custom}) is None
    policies = aws.autoscaling.describe_policies(AutoScalingGroupName=name)["ScalingPolicies"]
    assert len(policies) == 5


@pytest.mark.claim(
    "autoscaling.request-count-names-its-target-group", quote=QUOTE, source=METRICS_MODEL
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts ALBRequestCountPerTarget without a ResourceLabel, and any metric "
    "type name; AWS refuses both (ValidationError)",
)
def test_request_count_needs_its_target_group_and_unknown_metrics_are_refused(aws, make_group):
    name = make_group(desired=1)
    no_label = {"PredefinedMetricType": "ALBRequestCountPerTarget"}
    assert (
        track(aws, name, "requests", {"PredefinedMetricSpecification": no_label})
        == "ValidationError"
    )
    memory = {"PredefinedMetricType": "ASGAverageMemoryUtilization"}
    assert (
        track(aws, name, "memory", {"PredefinedMetricSpecification": memory}) == "ValidationError"
    )
