"""Scaling a service: more tasks through Application Auto Scaling, more instances through an ASG.

An ECS service scales at the level of its **tasks**: Application Auto Scaling
changes its desired count (``ecs:service:DesiredCount``, the only ECS
dimension) between a minimum and a maximum. A **target tracking** policy
keeps a metric near a target (the service's average CPU or memory, or an
ALB's requests per target) through CloudWatch alarms it makes itself; a
**step scaling** policy adds or removes tasks by steps when an alarm of
yours fires; a **scheduled action** changes the bounds at set times. On the
EC2 launch type the **instances** scale too: a capacity provider pairs the
cluster with an Auto Scaling group.

Notes, "containers > aws ecs > ecs auto scaling" and "ec2 launch type --
auto scaling ec2 instances".
"""

import pytest

from harness.testkit.images import amazon_linux

ECS_SCALING = (
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html"
)
TARGET_TRACKING = (
    "https://docs.aws.amazon.com/autoscaling/application/userguide/"
    "application-auto-scaling-target-tracking.html"
)
STEP_SCALING = (
    "https://docs.aws.amazon.com/autoscaling/application/userguide/"
    "application-auto-scaling-step-scaling-policies.html"
)
SCHEDULED_SCALING = (
    "https://docs.aws.amazon.com/autoscaling/application/userguide/"
    "application-auto-scaling-scheduled-scaling.html"
)
CAPACITY_PROVIDERS = (
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html"
)
TASKS = "ecs:service:DesiredCount"


@pytest.fixture
def scaling(aws):
    """The Application Auto Scaling client."""
    return aws.client("application-autoscaling")


@pytest.fixture
def web(cluster, family, register, service) -> str:
    """A service of one nginx task on the EC2 launch type, as Application Auto Scaling names
    it (``service/<cluster>/<service>``)."""
    created = service(taskDefinition=f"{family}:{register()}", launchType="EC2")
    return f"service/{cluster}/{created['serviceName']}"


@pytest.fixture
def scalable_web(scaling, web) -> str:
    """``web``, registered as a scalable target of 1 to 10 tasks."""
    scaling.register_scalable_target(
        ServiceNamespace="ecs",
        ResourceId=web,
        ScalableDimension=TASKS,
        MinCapacity=1,
        MaxCapacity=10,
    )
    return web


def policy(scaling, resource: str) -> dict:
    """The one scaling policy of ``resource``."""
    [found] = scaling.describe_scaling_policies(ServiceNamespace="ecs", ResourceId=resource)[
        "ScalingPolicies"
    ]
    return found


@pytest.mark.claim(
    "ecs.service-auto-scaling", quote="uses aws application auto scaling", source=ECS_SCALING
)
def test_a_service_scales_its_tasks_through_application_auto_scaling(scaling, web):
    # HINT: register the service's task count (TASKS) as a scalable target of 1 to 10 tasks
    # HINT: (namespace "ecs", resource `web`).
    # BEGIN SOLUTION
    scaling.register_scalable_target(
        ServiceNamespace="ecs",
        ResourceId=web,
        ScalableDimension=TASKS,
        MinCapacity=1,
        MaxCapacity=10,
    )
    # END SOLUTION
    [target] = scaling.describe_scalable_targets(ServiceNamespace="ecs", ResourceIds=[web])[
        "ScalableTargets"
    ]
    assert (target["ScalableDimension"], target["MinCapacity"], target["MaxCapacity"]) == (
        TASKS,
        1,
        10,
    )
    dimensions = scaling.meta.service_model.shape_for("ScalableDimension").enum
    assert [name for name in dimensions if name.startswith("ecs:")] == [TASKS], "tasks only"


@pytest.mark.claim(
    "ecs.service-scaling-metrics",
    quote="based on : cpu, ram, or alb requests count per target",
    source=TARGET_TRACKING,
)
def test_a_service_scales_on_cpu_memory_or_requests_per_target(scaling, scalable_web):
    metric_types = set(scaling.meta.service_model.shape_for("MetricType").enum)
    # HINT: the predefined metrics a target tracking policy of an ECS service follows: its
    # HINT: average CPU, its average memory, and the ALB's requests per target (MetricType names).
    # BEGIN SOLUTION
    expected = {
        "ECSServiceAverageCPUUtilization",
        "ECSServiceAverageMemoryUtilization",
        "ALBRequestCountPerTarget",
    }
    # END SOLUTION
    assert expected <= metric_types
    on_ecs = {name for name in metric_types if name.startswith("ECSService")}
    assert all("CPU" in name or "Memory" in name for name in on_ecs), "also at high resolution"
    for metric in sorted(expected - {"ALBRequestCountPerTarget"}):
        scaling.put_scaling_policy(
            PolicyName=metric,
            ServiceNamespace="ecs",
            ResourceId=scalable_web,
            ScalableDimension=TASKS,
            PolicyType="TargetTrackingScaling",
            TargetTrackingScalingPolicyConfiguration={
                "TargetValue": 70.0,
                "PredefinedMetricSpecification": {"PredefinedMetricType": metric},
            },
        )
    policies = scaling.describe_scaling_policies(ServiceNamespace="ecs", ResourceId=scalable_web)
    assert len(policies["ScalingPolicies"]) == 2, "one policy per metric, on the same service"


@pytest.mark.claim("ecs.target-tracking", quote="target tracking", line=717, source=TARGET_TRACKING)
def test_target_tracking_keeps_the_average_cpu_near_a_target(scaling, scalable_web):
    # HINT: a TargetTrackingScaling policy "cpu-at-70" keeping the service's average CPU at 70 %.
    # BEGIN SOLUTION
    scaling.put_scaling_policy(
        PolicyName="cpu-at-70",
        ServiceNamespace="ecs",
        ResourceId=scalable_web,
        ScalableDimension=TASKS,
        PolicyType="TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration={
            "TargetValue": 70.0,
            "PredefinedMetricSpecification": {
                "PredefinedMetricType": "ECSServiceAverageCPUUtilization"
            },
        },
    )
    # END SOLUTION
    found = policy(scaling, scalable_web)
    assert found["TargetTrackingScalingPolicyConfiguration"]["TargetValue"] == 70.0
    assert found["Alarms"], "the policy makes its own CloudWatch alarms"


@pytest.mark.claim("ecs.step-scaling", quote="step scaling", line=718, source=STEP_SCALING)
def test_step_scaling_adds_tasks_when_an_alarm_of_yours_fires(aws, scaling, scalable_web):
    # HINT: a StepScaling policy "add-two" adding 2 tasks (ChangeInCapacity) whenever its
    # HINT: alarm's metric is above the threshold; keep PutScalingPolicy's answer as `created`.
    # BEGIN SOLUTION
    created = scaling.put_scaling_policy(
        PolicyName="add-two",
        ServiceNamespace="ecs",
        ResourceId=scalable_web,
        ScalableDimension=TASKS,
        PolicyType="StepScaling",
        StepScalingPolicyConfiguration={
            "AdjustmentType": "ChangeInCapacity",
            "StepAdjustments": [{"MetricIntervalLowerBound": 0.0, "ScalingAdjustment": 2}],
        },
    )
    # END SOLUTION
    found = policy(scaling, scalable_web)
    assert found["StepScalingPolicyConfiguration"]["StepAdjustments"][0]["ScalingAdjustment"] == 2
    assert found["Alarms"] == [], "unlike target tracking, it makes no alarm: you bring one"
    aws.cloudwatch.put_metric_alarm(
        AlarmName=f"{scalable_web.replace('/', '-')}-busy",
        Namespace="AWS/ECS",
        MetricName="CPUUtilization",
        Statistic="Average",
        Period=60,
        EvaluationPeriods=1,
        Threshold=80.0,
        ComparisonOperator="GreaterThanThreshold",
        AlarmActions=[created["PolicyARN"]],
    )


@pytest.mark.claim("ecs.scheduled-scaling", quote="scheduling schaling", source=SCHEDULED_SCALING)
def test_a_scheduled_action_changes_the_bounds_at_set_times(scaling, scalable_web):
    # HINT: a scheduled action "night" that, every day at 20:00 UTC, lets the service shrink to
    # HINT: 0 tasks and grow to 2 at most (cron expression; ScalableTargetAction).
    # BEGIN SOLUTION
    scaling.put_scheduled_action(
        ScheduledActionName="night",
        ServiceNamespace="ecs",
        ResourceId=scalable_web,
        ScalableDimension=TASKS,
        Schedule="cron(0 20 * * ? *)",
        ScalableTargetAction={"MinCapacity": 0, "MaxCapacity": 2},
    )
    # END SOLUTION
    [night] = scaling.describe_scheduled_actions(ServiceNamespace="ecs", ResourceId=scalable_web)[
        "ScheduledActions"
    ]
    assert night["Schedule"] == "cron(0 20 * * ? *)"
    assert night["ScalableTargetAction"] == {"MinCapacity": 0, "MaxCapacity": 2}


@pytest.mark.claim(
    "ecs.capacity-provider",
    quote="ecs cluster capacity provider: paired with asg",
    source=CAPACITY_PROVIDERS,
)
def test_a_capacity_provider_pairs_the_cluster_with_an_auto_scaling_group(
    aws, cluster, unique_name
):
    subnets = aws.ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])
    template = aws.ec2.create_launch_template(
        LaunchTemplateName=unique_name("ecs-hosts"),
        LaunchTemplateData={"ImageId": amazon_linux(aws)["ImageId"], "InstanceType": "t3.micro"},
    )["LaunchTemplate"]
    group = unique_name("ecs-hosts")
    aws.autoscaling.create_auto_scaling_group(
        AutoScalingGroupName=group,
        LaunchTemplate={"LaunchTemplateId": template["LaunchTemplateId"], "Version": "$Latest"},
        MinSize=0,
        MaxSize=4,
        VPCZoneIdentifier=subnets["Subnets"][0]["SubnetId"],
    )
    [found] = aws.autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[group])[
        "AutoScalingGroups"
    ]
    provider = unique_name("hosts")
    # HINT: create the capacity provider `provider` on the group (its ARN), with managed scaling
    # HINT: on, then make it the cluster's capacity provider (put_cluster_capacity_providers).
    # BEGIN SOLUTION
    aws.ecs.create_capacity_provider(
        name=provider,
        autoScalingGroupProvider={
            "autoScalingGroupArn": found["AutoScalingGroupARN"],
            "managedScaling": {"status": "ENABLED", "targetCapacity": 100},
        },
    )
    aws.ecs.put_cluster_capacity_providers(
        cluster=cluster,
        capacityProviders=[provider],
        defaultCapacityProviderStrategy=[{"capacityProvider": provider, "weight": 1}],
    )
    # END SOLUTION
    [paired] = aws.ecs.describe_clusters(clusters=[cluster])["clusters"]
    assert paired["capacityProviders"] == [provider]
    [described] = aws.ecs.describe_capacity_providers(capacityProviders=[provider])[
        "capacityProviders"
    ]
    group_provider = described["autoScalingGroupProvider"]
    assert group_provider["autoScalingGroupArn"] == found["AutoScalingGroupARN"]
    assert group_provider["managedScaling"]["status"] == "ENABLED", "ECS scales the group"
