"""Scaling policies: how a group decides on its next desired capacity.

*Dynamic* policies follow a CloudWatch metric. A **target tracking** policy
holds a metric at a value (average CPU at 50 %) and creates its own CloudWatch
alarms to do so. A **simple** policy adds or removes a fixed number of
instances when its alarm fires; a **step** policy picks the number from how far
the metric is past the alarm's threshold. A **scheduled** action sets the
capacity at a given time (every weekday at 8:00). A **predictive** policy
forecasts the daily load from history and scales ahead of it (by default it
only forecasts, ``ForecastOnly``, until you trust it).

Target tracking knows four metrics by name: average CPU, average network in
and out per instance, and an ALB's request count per target; anything else is
a custom metric you name yourself.

An emulator stores policies but has no metrics to follow: the labs execute
policies by hand (``ExecutePolicy``, what an alarm does) and read what AWS
derives from them.

Notes, "HA and scalability > ASG > scaling policies" and "> metrics for scaling".
"""

from __future__ import annotations

import datetime

import pytest

POLICIES = "https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scale-based-on-demand.html"
STEP = "https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html"
TARGET_TRACKING = (
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html"
)
SCHEDULED = (
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scheduled-scaling.html"
)
PREDICTIVE_MODEL = (
    "botocore/data/autoscaling/2011-01-01/service-2.json (PredictiveScalingConfiguration, Mode)"
)
METRICS_MODEL = "botocore/data/autoscaling/2011-01-01/service-2.json (MetricType, ResourceLabel)"


def policy_arn(aws, group: str, policy: str) -> str:
    found = aws.autoscaling.describe_policies(AutoScalingGroupName=group, PolicyNames=[policy])
    return found["ScalingPolicies"][0]["PolicyARN"]


@pytest.mark.claim("autoscaling.simple-scaling", quote="simple/step", source=STEP)
def test_a_simple_policy_adds_a_fixed_number_of_instances(aws, make_group, group_of):
    name = make_group(desired=2, maximum=6)
    # HINT: a SimpleScaling policy "add-two" (ChangeInCapacity, +2); execute it as an alarm would.
    # BEGIN SOLUTION
    aws.autoscaling.put_scaling_policy(
        AutoScalingGroupName=name,
        PolicyName="add-two",
        PolicyType="SimpleScaling",
        AdjustmentType="ChangeInCapacity",
        ScalingAdjustment=2,
    )
    aws.autoscaling.execute_policy(AutoScalingGroupName=name, PolicyName="add-two")
    # END SOLUTION
    assert group_of(name)["DesiredCapacity"] == 4


@pytest.mark.claim("autoscaling.step-scaling", quote="simple/step", source=STEP)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto fails to execute a step policy (an internal error adding the step's "
    "adjustment); AWS applies the step the metric value falls in",
)
def test_a_step_policy_scales_by_how_far_the_metric_is(aws, make_group, group_of):
    name = make_group(desired=2, maximum=8)
    aws.autoscaling.put_scaling_policy(
        AutoScalingGroupName=name,
        PolicyName="cpu-steps",
        PolicyType="StepScaling",
        AdjustmentType="ChangeInCapacity",
        StepAdjustments=[
            {"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 20, "ScalingAdjustment": 1},
            {"MetricIntervalLowerBound": 20, "ScalingAdjustment": 3},
        ],
    )
    # The alarm's threshold is 60 % CPU; the metric reads 85 %: 25 past it, the second step.
    aws.autoscaling.execute_policy(
        AutoScalingGroupName=name, PolicyName="cpu-steps", MetricValue=85, BreachThreshold=60
    )
    assert group_of(name)["DesiredCapacity"] == 5


@pytest.mark.claim(
    "autoscaling.target-tracking-alarms", quote="target tracking", line=196, source=TARGET_TRACKING
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates no CloudWatch alarm for a target tracking policy; AWS creates two "
    "(TargetTracking-...-AlarmHigh and -AlarmLow) and lists them on the policy",
)
def test_target_tracking_creates_its_own_alarms(aws, make_group):
    name = make_group(desired=2)
    aws.autoscaling.put_scaling_policy(
        AutoScalingGroupName=name,
        PolicyName="cpu-50",
        PolicyType="TargetTrackingScaling",
        TargetTrackingConfiguration={
            "PredefinedMetricSpecification": {"PredefinedMetricType": "ASGAverageCPUUtilization"},
            "TargetValue": 50.0,
        },
    )
    policy = aws.autoscaling.describe_policies(AutoScalingGroupName=name)["ScalingPolicies"][0]
    alarms = [alarm["AlarmName"] for alarm in policy.get("Alarms", [])]
    assert len(alarms) == 2 and all(alarm.startswith("TargetTracking-") for alarm in alarms)


@pytest.mark.claim(
    "autoscaling.alarm-executes-policy", quote="cloudwatch alarms & scaling", source=STEP
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CloudWatch alarms run no actions: an alarm in ALARM leaves the group as it "
    "was; AWS executes the scaling policy named in AlarmActions",
)
def test_an_alarm_in_alarm_state_executes_its_policy(
    aws, make_group, group_of, eventually, scaling_timeout
):
    name = make_group(desired=2, maximum=6)
    aws.autoscaling.put_scaling_policy(
        AutoScalingGroupName=name,
        PolicyName="add-one",
        PolicyType="SimpleScaling",
        AdjustmentType="ChangeInCapacity",
        ScalingAdjustment=1,
    )
    alarm = f"{name}-cpu-high"
    aws.cloudwatch.put_metric_alarm(
        AlarmName=alarm,
        Namespace="AWS/EC2",
        MetricName="CPUUtilization",
        Statistic="Average",
        Dimensions=[{"Name": "AutoScalingGroupName", "Value": name}],
        Period=60,
        EvaluationPeriods=1,
        Threshold=70,
        ComparisonOperator="GreaterThanThreshold",
        AlarmActions=[policy_arn(aws, name, "add-one")],
    )
    aws.cloudwatch.set_alarm_state(AlarmName=alarm, StateValue="ALARM", StateReason="lab")
    eventually(lambda: group_of(name)["DesiredCapacity"] == 3, timeout=scaling_timeout)


@pytest.mark.claim("autoscaling.scheduled-action", quote="scheduled scaling", source=SCHEDULED)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a scheduled action but never runs it: the group keeps its capacity; "
    "AWS sets the capacity at the action's start time",
)
def test_a_scheduled_action_sets_the_capacity_at_its_time(
    aws, make_group, group_of, clock, eventually, scaling_timeout
):
    name = make_group(desired=1, maximum=4)
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=2)
    aws.autoscaling.put_scheduled_update_group_action(
        AutoScalingGroupName=name,
        ScheduledActionName="morning",
        StartTime=start,
        DesiredCapacity=3,
    )
    assert group_of(name)["DesiredCapacity"] == 1
    clock.advance(150)
    eventually(lambda: group_of(name)["DesiredCapacity"] == 3, timeout=scaling_timeout)


@pytest.mark.claim(
    "autoscaling.predictive-forecast-only", quote="predictive scaling", source=PREDICTIVE_MODEL
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's predictive policy has no Mode; AWS shows ForecastOnly when none is given",
)
def test_a_predictive_policy_only_forecasts_by_default(aws, make_group):
    name = make_group(desired=1)
    aws.autoscaling.put_scaling_policy(
        AutoScalingGroupName=name,
        PolicyName="daily",
        PolicyType="PredictiveScaling",
        PredictiveScalingConfiguration={
            "MetricSpecifications": [
                {
                    "TargetValue": 50.0,
                    "PredefinedMetricPairSpecification": {
                        "PredefinedMetricType": "ASGCPUUtilization"
                    },
                }
            ]
        },
    )
    policy = aws.autoscaling.describe_policies(AutoScalingGroupName=name)["ScalingPolicies"][0]
    assert policy["PredictiveScalingConfiguration"]["Mode"] == "ForecastOnly"
