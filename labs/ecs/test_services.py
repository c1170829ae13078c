"""Keeping a web shop running: ECS services, their updates, their placement, their schedule.

A **service** keeps a number of tasks of one task definition running (its
*desired count*): to scale, you change that number. It replaces them in a
rolling update bounded by two percentages of the desired count: at least
``minimumHealthyPercent`` stay running (100 % by default), at most
``maximumPercent`` run at once (200 % by default, room for the new tasks
beside the old). On EC2 instances, placement strategies say which instance
gets a task (spread, binpack, random, one after the other); Fargate places
tasks itself and refuses them. A task can also start on a schedule: an
EventBridge rule whose target is the cluster.

Notes, "containers > aws ecs" (fargate launch type, rolling updates, task
placement, integrated with eventbridge).
"""

import pytest

from harness.testkit.iam import service_role

CREATE_SERVICE = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html"
DEPLOYMENT_CONFIGURATION = (
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html"
)
TASK_PLACEMENT = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html"
SCHEDULED_TASKS = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/tasks-scheduled-eventbridge-scheduler.html"
NO_DEPLOYMENT_CONFIGURATION = (
    "moto's services carry no deploymentConfiguration; AWS gives every new service one"
    " (minimumHealthyPercent 100, maximumPercent 200 for a replica service)"
)


@pytest.mark.claim(
    "ecs.scale-by-desired-count",
    quote="to scale, just increase the number of tasks",
    source=CREATE_SERVICE,
)
def test_a_service_scales_by_its_number_of_tasks(aws, cluster, service, described, eventually):
    web = service(count=1)["serviceName"]
    # HINT: scale `web` out to 3 tasks (update_service).
    # BEGIN SOLUTION
    aws.ecs.update_service(cluster=cluster, service=web, desiredCount=3)
    # END SOLUTION

    def three_running() -> bool:
        found = described(web)
        return found["desiredCount"] == 3 and found["runningCount"] == 3

    eventually(three_running, aws_takes=120)


@pytest.mark.claim(
    "ecs.rolling-update-minimum-healthy",
    quote="min: minimum healthy percent (relative to the actual running capacity: 100%)",
    source=DEPLOYMENT_CONFIGURATION,
)
@pytest.mark.emulator_gap("moto", reason=NO_DEPLOYMENT_CONFIGURATION)
def test_a_rolling_update_keeps_every_task_running_by_default(family, register, service):
    created = service(taskDefinition=f"{family}:{register()}", launchType="EC2")
    settings = created["deploymentConfiguration"]
    # HINT: the share of the desired count (a percentage) that a rolling update keeps running,
    # HINT: when the service does not say.
    # BEGIN SOLUTION
    expected = 100
    # END SOLUTION
    assert settings["minimumHealthyPercent"] == expected


@pytest.mark.claim(
    "ecs.rolling-update-maximum-percent",
    quote="max: maximum percent (actual running capacity + allowed to create tasks: extra)",
    source=DEPLOYMENT_CONFIGURATION,
)
@pytest.mark.emulator_gap("moto", reason=NO_DEPLOYMENT_CONFIGURATION)
def test_a_rolling_update_may_double_the_tasks_by_default(family, register, service):
    created = service(taskDefinition=f"{family}:{register()}", launchType="EC2")
    settings = created["deploymentConfiguration"]
    # HINT: the most tasks (a percentage of the desired count) a rolling update may run at
    # HINT: once, old and new, when the service does not say.
    # BEGIN SOLUTION
    expected = 200
    # END SOLUTION
    assert settings["maximumPercent"] == expected


@pytest.mark.claim(
    "ecs.placement-ec2-only",
    quote="task placement (only for ec2 launch type)",
    source=TASK_PLACEMENT,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a Fargate service with a placement strategy; AWS refuses it "
    "(InvalidParameterException: Placement strategies are not supported with FARGATE launch type)",
)
def test_placement_strategies_are_for_the_ec2_launch_type(family, register, service, error_code):
    on_ec2 = f"{family}:{register()}"  # nginx in bridge mode, for the EC2 launch type
    binpack = [{"type": "binpack", "field": "memory"}]
    # HINT: what does CreateService answer a service with a binpack strategy, on each launch
    # HINT: type? {launch type: None if it creates it, else the error code}
    # BEGIN SOLUTION
    expected = {"EC2": None, "FARGATE": "InvalidParameterException"}
    # END SOLUTION
    answers = {
        "EC2": error_code(
            service, "packed", taskDefinition=on_ec2, launchType="EC2", placementStrategy=binpack
        ),
        "FARGATE": error_code(service, "fargate", placementStrategy=binpack),
    }
    assert answers == expected


@pytest.mark.claim(
    "ecs.placement-strategies-combine", quote="or mix them up", source=TASK_PLACEMENT
)
@pytest.mark.emulator_gap(
    "moto", reason="moto keeps no placement strategy of a service; AWS keeps them, in order"
)
def test_placement_strategies_combine_in_order(family, register, service):
    on_ec2 = f"{family}:{register()}"
    # HINT: place the tasks spread across Availability Zones first (the attribute
    # HINT: ecs.availability-zone), then binpacked by memory within a zone: `strategy`.
    # BEGIN SOLUTION
    strategy = [
        {"type": "spread", "field": "attribute:ecs.availability-zone"},
        {"type": "binpack", "field": "memory"},
    ]
    # END SOLUTION
    created = service(taskDefinition=on_ec2, launchType="EC2", placementStrategy=strategy)
    assert [step["type"] for step in created["placementStrategy"]] == ["spread", "binpack"]
    assert created["placementStrategy"][0]["field"] == "attribute:ecs.availability-zone"


@pytest.mark.claim("ecs.scheduled-task", quote="on-schedule", source=SCHEDULED_TASKS)
def test_an_eventbridge_rule_runs_a_task_on_a_schedule(
    aws, cluster, fargate_task, network, unique_name
):
    role = service_role(aws.iam, unique_name("events-ecs"), "events.amazonaws.com")
    rule = unique_name("nightly")
    aws.events.put_rule(Name=rule, ScheduleExpression="cron(0 2 * * ? *)")
    [found] = aws.ecs.describe_clusters(clusters=[cluster])["clusters"]
    definition = aws.ecs.describe_task_definition(taskDefinition=fargate_task)["taskDefinition"]
    vpc = network["awsvpcConfiguration"]
    eventbridge_network = {
        "awsvpcConfiguration": {
            "Subnets": vpc["subnets"],
            "SecurityGroups": vpc["securityGroups"],
            "AssignPublicIp": vpc["assignPublicIp"],
        }
    }
    # HINT: make the rule start one Fargate task of `definition` in the cluster: a target whose
    # HINT: Arn is the cluster's, with EcsParameters (and eventbridge_network), and `role` to
    # HINT: let EventBridge run the task.
    # BEGIN SOLUTION
    aws.events.put_targets(
        Rule=rule,
        Targets=[
            {
                "Id": "warehouse-report",
                "Arn": found["clusterArn"],
                "RoleArn": role,
                "EcsParameters": {
                    "TaskDefinitionArn": definition["taskDefinitionArn"],
                    "TaskCount": 1,
                    "LaunchType": "FARGATE",
                    "NetworkConfiguration": eventbridge_network,
                },
            }
        ],
    )
    # END SOLUTION
    [target] = aws.events.list_targets_by_rule(Rule=rule)["Targets"]
    assert target["Arn"] == found["clusterArn"]
    assert target["EcsParameters"]["TaskDefinitionArn"] == definition["taskDefinitionArn"]
    [scheduled] = [r for r in aws.events.list_rules(NamePrefix=rule)["Rules"] if r["Name"] == rule]
    assert scheduled["ScheduleExpression"] == "cron(0 2 * * ? *)"
