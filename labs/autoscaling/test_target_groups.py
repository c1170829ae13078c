"""A group registers its instances in its load balancer's target groups.

Give an Auto Scaling group the ARN of a target group and it does the
bookkeeping: each instance it launches is registered as a target, each one it
terminates is deregistered (after the deregistration delay). The load balancer
always knows the group's current instances, however often it scales.

Notes, "HA and scalability > ELB > types > ALB > route to different target groups".
"""

from __future__ import annotations

import pytest

ATTACH = "https://docs.aws.amazon.com/autoscaling/ec2/userguide/attach-load-balancer-asg.html"


@pytest.fixture
def target_group_arn(aws, unique_name, vpc_id) -> str:
    """A new HTTP target group (port 80, instance targets) in the default VPC."""
    return aws.elbv2.create_target_group(
        Name=unique_name("web"), Protocol="HTTP", Port=80, VpcId=vpc_id
    )["TargetGroups"][0]["TargetGroupArn"]


@pytest.mark.claim(
    "autoscaling.registers-in-target-group",
    quote="route to different target groups: ec2(or ec2 in asg), ecs, lambda, private ip",
    source=ATTACH,
)
def test_a_group_registers_its_instances_as_targets(
    aws, make_group, target_group_arn, in_service, eventually
):
    # HINT: a group of 2 whose instances are registered in target_group_arn.
    # BEGIN SOLUTION
    name = make_group(desired=2, TargetGroupARNs=[target_group_arn])
    # END SOLUTION

    def targets() -> set[str]:
        health = aws.elbv2.describe_target_health(TargetGroupArn=target_group_arn)
        return {entry["Target"]["Id"] for entry in health["TargetHealthDescriptions"]}

    instances = {instance["InstanceId"] for instance in in_service(name, 2)}
    eventually(lambda: targets() == instances)
    aws.autoscaling.set_desired_capacity(AutoScalingGroupName=name, DesiredCapacity=3)
    grown = {instance["InstanceId"] for instance in in_service(name, 3)}
    eventually(lambda: targets() == grown)
