"""Where a task runs: on your EC2 instances, or on Fargate.

A cluster is only a name until something gives it compute. With the **EC2
launch type**, a task is placed on a *container instance*: an EC2 instance
you launched (or a capacity provider's Auto Scaling group did) whose ECS
agent registered it in the cluster. A task launches no instance: in a
cluster where none is registered, RunTask is refused. With **Fargate**,
AWS runs the task on capacity of its own, in your VPC through the task's
own network interface: the same empty cluster runs it.

Notes, "containers > aws ecs > ec2 launch type" and "fargate launch type".
"""

import pytest

RUN_TASK = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html"
LAUNCH_TYPES = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html"


@pytest.mark.claim(
    "ecs.ec2-tasks-need-registered-instances",
    quote="ecs tasks: launch ec2 instances on ecs clusters",
    errata="A task launches no EC2 instance: with the EC2 launch type it is placed on a "
    "container instance already registered in the cluster (an instance you launched, or a "
    "capacity provider's Auto Scaling group did, whose ECS agent registered it); in a cluster "
    "without one, RunTask is refused (InvalidParameterException: No Container Instances were "
    "found in your cluster).",
    source=RUN_TASK,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto answers RunTask of an EC2 task in a cluster without container instances with "
    "HTTP 500 (an unhandled exception); AWS refuses it: InvalidParameterException",
)
def test_an_ec2_task_launches_no_instance(aws, cluster, family, register, error_code):
    register()  # nginx, in bridge mode: a task definition for the EC2 launch type
    # HINT: `cluster` has no container instance. What does RunTask answer an EC2 task there?
    # HINT: (the error code, or None if the task runs)
    # BEGIN SOLUTION
    expected = "InvalidParameterException"
    # END SOLUTION
    answer = error_code(aws.ecs.run_task, cluster=cluster, taskDefinition=family, launchType="EC2")
    assert answer == expected
    [found] = aws.ecs.describe_clusters(clusters=[cluster])["clusters"]
    assert found["registeredContainerInstancesCount"] == 0, "and no instance joined the cluster"


@pytest.mark.claim(
    "ecs.fargate-no-instances", quote="no ec2 instances to manage", source=LAUNCH_TYPES
)
def test_a_fargate_task_runs_in_a_cluster_without_instances(aws, cluster, fargate_task, network):
    # HINT: run fargate_task in `cluster` on Fargate (run_task: its launch type, and `network`
    # HINT: as its network configuration); keep RunTask's answer as `answer`.
    # BEGIN SOLUTION
    answer = aws.ecs.run_task(
        cluster=cluster,
        taskDefinition=fargate_task,
        launchType="FARGATE",
        networkConfiguration=network,
    )
    # END SOLUTION
    assert answer.get("failures", []) == []
    [task] = answer["tasks"]
    assert task["launchType"] == "FARGATE"
    assert "containerInstanceArn" not in task, "no container instance of yours under it"
    [found] = aws.ecs.describe_clusters(clusters=[cluster])["clusters"]
    assert found["registeredContainerInstancesCount"] == 0
