"""Describing a web service to ECS: task definitions, revisions and Fargate sizes.

A task definition is the JSON that tells ECS how to run a task: its
containers (image, memory, ports, environment), its IAM task role, its
network mode, and for Fargate the task's CPU and memory. Registering the
same family again makes a new revision (``web:1``, ``web:2``); a number is
never reused, not even after a revision is deregistered. Fargate runs a
task on its own network interface (``awsvpc``, so each task has a private
IP) and only with supported CPU/memory pairs.

Notes, "containers > aws ecs > task definitions" and "fargate launch type".
"""

import pytest

from harness.testkit.iam import service_role

ECS_QUOTAS = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html"
FARGATE_SIZES = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html"
REGISTER_TASK_DEFINITION = (
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html"
)


@pytest.mark.claim(
    "ecs.task-definition-revisions",
    beyond_notes="Each registration in a task definition family is a new revision; a number is "
    "never reused, even after its revision is deregistered, and the family name alone means "
    "its latest active revision.",
    source=REGISTER_TASK_DEFINITION,
)
def test_each_registration_is_a_new_revision(aws, family, register):
    assert [register(), register()] == [1, 2]
    aws.ecs.deregister_task_definition(taskDefinition=f"{family}:2")
    # HINT: predict the revision number of the next registration in this family.
    # BEGIN SOLUTION
    next_revision = 3
    # END SOLUTION
    assert register() == next_revision
    latest = aws.ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]
    assert latest["revision"] == next_revision, "the family name alone means its latest ACTIVE one"


@pytest.mark.claim("ecs.task-role", quote="defined in task definition")
def test_the_task_role_is_part_of_the_task_definition(aws, family, register, unique_name):
    role_arn = service_role(aws.iam, unique_name("web-task"), "ecs-tasks.amazonaws.com")
    # HINT: register a revision whose containers run with role_arn (register(...)).
    # BEGIN SOLUTION
    register(taskRoleArn=role_arn)
    # END SOLUTION
    definition = aws.ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]
    assert definition.get("taskRoleArn") == role_arn


@pytest.mark.claim(
    "ecs.ten-containers",
    quote="up to 10 containers in one task definition",
    source=ECS_QUOTAS,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto registers a task definition of 11 containers; AWS allows 10"
)
def test_a_task_definition_holds_at_most_ten_containers(answer, nginx):
    def sidecars(count: int) -> list[dict]:
        return [nginx(f"c{number}") for number in range(count)]

    # HINT: what does RegisterTaskDefinition answer each container count? {count: None if it
    # HINT: registers it, else the error code}
    # BEGIN SOLUTION
    expected = {1: None, 10: None, 11: "ClientException"}
    # END SOLUTION
    assert {count: answer(containers=sidecars(count)) for count in expected} == expected


@pytest.mark.claim(
    "ecs.fargate-sizes",
    quote="aws runs ecs tasks for your based on cpu / ram you need",
    source=FARGATE_SIZES,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any Fargate CPU/memory pair (256/4096 too); AWS only listed pairs"
)
def test_fargate_takes_only_supported_cpu_memory_pairs(answer):
    def fargate(cpu: str, memory: str) -> str | None:
        return answer(
            requiresCompatibilities=["FARGATE"], networkMode="awsvpc", cpu=cpu, memory=memory
        )

    # HINT: what does ECS answer each (CPU units, MiB) pair? {(cpu, memory): None if it
    # HINT: registers it, else the error code}
    # BEGIN SOLUTION
    expected = {("256", "512"): None, ("256", "4096"): "ClientException", ("1024", "2048"): None}
    # END SOLUTION
    assert {pair: fargate(*pair) for pair in expected} == expected


@pytest.mark.claim(
    "ecs.fargate-awsvpc", quote="each task has a private ip", source=REGISTER_TASK_DEFINITION
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto registers a Fargate task definition in bridge or host mode; AWS requires awsvpc",
)
def test_fargate_tasks_use_the_awsvpc_network_mode(answer):
    fargate = {"requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512"}
    # HINT: what does ECS answer a Fargate task definition in each network mode? {mode: None
    # HINT: if it registers it, else the error code}
    # BEGIN SOLUTION
    expected = {"awsvpc": None, "bridge": "ClientException", "host": "ClientException"}
    # END SOLUTION
    assert {mode: answer(networkMode=mode, **fargate) for mode in expected} == expected
