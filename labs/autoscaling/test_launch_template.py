"""A group keeps its desired number of instances, all from one launch template.

An Auto Scaling group says *how many* (``MinSize`` <= ``DesiredCapacity`` <=
``MaxSize``); a launch template says *what*: the image, the instance type, the
security groups, the user data. The group launches instances until it holds its
desired capacity, and launches or terminates to follow a new one: that is what
scaling policies change. Without a launch template (or its older cousin, a
launch configuration) a group has nothing to launch, and is refused.

Notes, "HA and scalability > ASG > a launch template".
"""

from __future__ import annotations

import pytest

LAUNCH_TEMPLATES = "https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-templates.html"
CAPACITY = "https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-capacity-limits.html"


@pytest.mark.claim(
    "autoscaling.launch-template", quote="a launch template", source=LAUNCH_TEMPLATES
)
def test_a_group_launches_its_desired_capacity_from_its_template(
    aws, make_group, launch_template, in_service, unique_name, subnets, error_code
):
    # HINT: a group of 2 instances (make_group) launched from launch_template.
    # BEGIN SOLUTION
    name = make_group(desired=2)
    # END SOLUTION
    instances = in_service(name, 2)
    assert {instance["InstanceType"] for instance in instances} == {"t3.micro"}
    templates = {instance["LaunchTemplate"]["LaunchTemplateId"] for instance in instances}
    assert templates == {launch_template["LaunchTemplateId"]}
    answer = error_code(
        aws.autoscaling.create_auto_scaling_group,
        AutoScalingGroupName=unique_name("nothing-to-launch"),
        MinSize=1,
        MaxSize=2,
        VPCZoneIdentifier=",".join(subnets),
    )
    assert answer == "ValidationError"


@pytest.mark.claim(
    "autoscaling.desired-capacity",
    beyond_notes="A group follows a new desired capacity: it launches instances up to it, "
    "and terminates those above it.",
    source=CAPACITY,
)
def test_a_group_follows_its_desired_capacity(aws, make_group, in_service, group_of):
    name = make_group(desired=1, maximum=4)
    in_service(name, 1)
    # HINT: ask the group for 3 instances.
    # BEGIN SOLUTION
    aws.autoscaling.set_desired_capacity(AutoScalingGroupName=name, DesiredCapacity=3)
    # END SOLUTION
    assert group_of(name)["DesiredCapacity"] == 3
    assert len(in_service(name, 3)) == 3
    aws.autoscaling.set_desired_capacity(AutoScalingGroupName=name, DesiredCapacity=2)
    assert len(in_service(name, 2)) == 2


@pytest.mark.claim(
    "autoscaling.desired-within-min-max",
    beyond_notes="A desired capacity above the group's maximum is refused (ValidationError).",
    source=CAPACITY,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a desired capacity above the group's MaxSize; AWS refuses it "
    "(ValidationError)",
)
def test_the_desired_capacity_stays_within_the_maximum(aws, make_group, error_code):
    name = make_group(desired=1, maximum=4)
    set_desired = aws.autoscaling.set_desired_capacity
    assert error_code(set_desired, AutoScalingGroupName=name, DesiredCapacity=4) is None
    answer = error_code(set_desired, AutoScalingGroupName=name, DesiredCapacity=5)
    assert answer == "ValidationError"
