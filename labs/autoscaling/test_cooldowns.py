"""Scaling cooldowns: after a scaling activity, a simple policy waits.

When a simple scaling policy launches or terminates instances, the group enters
a cooldown (its ``DefaultCooldown``, 300 s unless set): new instances need time
to boot and take load before the alarm is judged again, or the group would keep
adding instances for the same spike. During the cooldown, executing a simple
policy that honours it is refused; once it is over, the policy scales again.
(Target tracking and step policies use an instance warm-up instead.)

Notes, "HA and scalability > ASG > scaling cooldowns".
"""

from __future__ import annotations

import pytest

COOLDOWNS = (
    "https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scaling-cooldowns.html"
)
QUOTE = "scaling cooldowns: when a scaling activity happends, you are in the cooldown period"


@pytest.mark.claim("autoscaling.default-cooldown", quote=QUOTE, source=COOLDOWNS)
def test_a_new_group_cools_down_for_300_seconds(make_group, group_of):
    name = make_group(desired=1)
    # HINT: predict a new group's DefaultCooldown, in seconds.
    # BEGIN SOLUTION
    expected = 300
    # END SOLUTION
    assert group_of(name)["DefaultCooldown"] == expected


@pytest.mark.claim("autoscaling.cooldown-blocks-simple-scaling", quote=QUOTE, source=COOLDOWNS)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto never keeps a cooldown: a simple policy executed twice in a row (HonorCooldown) "
    "scales twice; AWS refuses the second until the cooldown ends (ScalingActivityInProgress)",
)
def test_a_simple_policy_waits_for_the_cooldown(aws, make_group, group_of, clock, error_code):
    name = make_group(desired=1, maximum=4)
    aws.autoscaling.put_scaling_policy(
        AutoScalingGroupName=name,
        PolicyName="add-one",
        PolicyType="SimpleScaling",
        AdjustmentType="ChangeInCapacity",
        ScalingAdjustment=1,
        Cooldown=60,
    )
    execute = aws.autoscaling.execute_policy
    assert (
        error_code(execute, AutoScalingGroupName=name, PolicyName="add-one", HonorCooldown=True)
        is None
    )
    answer = error_code(
        execute, AutoScalingGroupName=name, PolicyName="add-one", HonorCooldown=True
    )
    assert answer == "ScalingActivityInProgress"
    assert group_of(name)["DesiredCapacity"] == 2
    clock.advance(61)
    assert (
        error_code(execute, AutoScalingGroupName=name, PolicyName="add-one", HonorCooldown=True)
        is None
    )
    assert group_of(name)["DesiredCapacity"] == 3
