"""What a container definition says: image, size, ports, logs, and where its settings come from.

A task definition holds, per container, its image, CPU units and memory, its
port mappings and its log driver, and for the task its IAM role and network
mode. In ``awsvpc`` mode (Fargate's only one) each task has its own network
interface, so only the container port counts: a host port, if given, must be
the same. A container's environment variables come from four places: values
written in the task definition itself (anyone who may describe it reads
them), a Parameter Store parameter or a Secrets Manager secret (the task
definition keeps only the reference; ECS reads the value with the task
execution role when the task starts), or whole ``.env`` files kept in S3.

Notes, "containers > aws ecs > task definitions", "load balancing > fargate"
and "environment variables".
"""

import json

import pytest

from harness.testkit.iam import service_role

TASK_DEFINITION_PARAMETERS = (
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html"
)
PORT_MAPPING = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html"
SECRETS = (
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html"
)
ENVIRONMENT_FILES = (
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html"
)


@pytest.mark.claim(
    "ecs.task-definition-fields",
    quote="cpu, ram, iam role, image, port, logging, env, networking",
    source=TASK_DEFINITION_PARAMETERS,
)
def test_a_task_definition_says_how_to_run_its_containers(aws, register, definition, unique_name):
    role_arn = service_role(aws.iam, unique_name("web-task"), "ecs-tasks.amazonaws.com")
    logs = {
        "logDriver": "awslogs",
        "options": {
            "awslogs-group": "/shop/web",
            "awslogs-region": aws.region,
            "awslogs-stream-prefix": "web",
        },
    }
    # HINT: register one container "web": image public.ecr.aws/nginx/nginx:latest, 256 CPU
    # HINT: units, 512 MiB, port 80, the `logs` configuration, MODE=prod in its environment;
    # HINT: the task runs with role_arn, in awsvpc network mode (register(containers, ...)).
    # BEGIN SOLUTION
    register(
        containers=[
            {
                "name": "web",
                "image": "public.ecr.aws/nginx/nginx:latest",
                "cpu": 256,
                "memory": 512,
                "portMappings": [{"containerPort": 80}],
                "logConfiguration": logs,
                "environment": [{"name": "MODE", "value": "prod"}],
            }
        ],
        taskRoleArn=role_arn,
        networkMode="awsvpc",
    )
    # END SOLUTION
    found = definition()
    [web] = found["containerDefinitions"]
    assert (web["image"], web["cpu"], web["memory"]) == (
        "public.ecr.aws/nginx/nginx:latest",
        256,
        512,
    )
    assert [mapping["containerPort"] for mapping in web["portMappings"]] == [80]
    assert web["logConfiguration"]["logDriver"] == "awslogs"
    assert web["environment"] == [{"name": "MODE", "value": "prod"}]
    assert (found["taskRoleArn"], found["networkMode"]) == (role_arn, "awsvpc")


@pytest.mark.claim("ecs.awsvpc-container-port", quote="only container port", source=PORT_MAPPING)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto registers an awsvpc task definition whose host port differs from its container "
    "port; AWS refuses it (ClientException: host and container ports must match)",
)
def test_in_awsvpc_mode_only_the_container_port_counts(answer, nginx):
    fargate = {"requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc"}

    def mapped(**ports) -> str | None:
        return answer(containers=[nginx(portMappings=[ports])], cpu="256", memory="512", **fargate)

    # HINT: what does ECS answer each port mapping of a Fargate container? {mapping: None if it
    # HINT: registers it, else the error code}
    # BEGIN SOLUTION
    expected = {"80 alone": None, "80 on host 80": None, "80 on host 8080": "ClientException"}
    # END SOLUTION
    answers = {
        "80 alone": mapped(containerPort=80),
        "80 on host 80": mapped(containerPort=80, hostPort=80),
        "80 on host 8080": mapped(containerPort=80, hostPort=8080),
    }
    assert answers == expected


@pytest.mark.claim(
    "ecs.environment-hardcoded", quote="hardcoded", source=TASK_DEFINITION_PARAMETERS
)
def test_a_hardcoded_variable_is_kept_in_the_task_definition(register, nginx, definition):
    # HINT: give the container MODE=prod as a plain environment variable (nginx(environment=...)).
    # BEGIN SOLUTION
    register(containers=[nginx(environment=[{"name": "MODE", "value": "prod"}])])
    # END SOLUTION
    [web] = definition()["containerDefinitions"]
    assert {"name": "MODE", "value": "prod"} in web["environment"], "the value itself, for all"


@pytest.mark.claim(
    "ecs.environment-from-parameter-store", quote="ssm parameter store", line=748, source=SECRETS
)
def test_a_variable_can_come_from_parameter_store(
    aws, register, nginx, definition, execution_role, unique_name
):
    name = f"/{unique_name('shop')}/db-password"
    aws.ssm.put_parameter(Name=name, Value="s3cret-from-ssm", Type="SecureString")
    parameter_arn = aws.ssm.get_parameter(Name=name)["Parameter"]["ARN"]
    # HINT: give the container DB_PASSWORD from that parameter: a secret whose valueFrom is its
    # HINT: ARN; ECS reads it at the task's start with the execution role (executionRoleArn).
    # BEGIN SOLUTION
    register(
        containers=[nginx(secrets=[{"name": "DB_PASSWORD", "valueFrom": parameter_arn}])],
        executionRoleArn=execution_role,
    )
    # END SOLUTION
    found = definition()
    [web] = found["containerDefinitions"]
    assert web["secrets"] == [{"name": "DB_PASSWORD", "valueFrom": parameter_arn}]
    assert "s3cret-from-ssm" not in json.dumps(found, default=str), "only the reference is kept"


@pytest.mark.claim(
    "ecs.environment-from-secrets-manager", quote="secrets manager", line=749, source=SECRETS
)
def test_a_variable_can_come_from_secrets_manager(
    aws, register, nginx, definition, execution_role, unique_name
):
    secret_arn = aws.secretsmanager.create_secret(
        Name=unique_name("db-password"), SecretString="s3cret-from-secrets-manager"
    )["ARN"]
    # HINT: give the container DB_PASSWORD from that secret (valueFrom its ARN), read by ECS
    # HINT: with the execution role.
    # BEGIN SOLUTION
    register(
        containers=[nginx(secrets=[{"name": "DB_PASSWORD", "valueFrom": secret_arn}])],
        executionRoleArn=execution_role,
    )
    # END SOLUTION
    found = definition()
    [web] = found["containerDefinitions"]
    assert web["secrets"] == [{"name": "DB_PASSWORD", "valueFrom": secret_arn}]
    assert "s3cret-from-secrets-manager" not in json.dumps(found, default=str)


@pytest.mark.claim(
    "ecs.environment-files-in-s3", quote="env files(bulk) -- s3", source=ENVIRONMENT_FILES
)
def test_a_file_of_variables_comes_from_s3(
    aws, register, nginx, definition, execution_role, make_bucket
):
    bucket = make_bucket("config")
    aws.s3.put_object(Bucket=bucket, Key="web.env", Body=b"MODE=prod\nCURRENCY=EUR\n")
    # HINT: load the container's variables from the object web.env of `bucket` (an
    # HINT: environmentFiles entry: its value is the object's ARN), read by the execution role.
    # BEGIN SOLUTION
    register(
        containers=[
            nginx(environmentFiles=[{"value": f"arn:aws:s3:::{bucket}/web.env", "type": "s3"}])
        ],
        executionRoleArn=execution_role,
    )
    # END SOLUTION
    [web] = definition()["containerDefinitions"]
    assert web["environmentFiles"] == [{"value": f"arn:aws:s3:::{bucket}/web.env", "type": "s3"}]
    kinds = aws.ecs.meta.service_model.shape_for("EnvironmentFileType").enum
    assert kinds == ["s3"], "S3 is the only place an environment file can come from"
