"""Shared fixtures for the ECS labs: a task definition family and a registrar, a cluster,
a Fargate service and its network; for the Elastic Beanstalk labs, an application, its
environments and their source bundles."""

from __future__ import annotations

import io
import json
import urllib.parse
import zipfile

import pytest

from harness.testkit.iam import service_role


@pytest.fixture
def family(unique_name) -> str:
    """A task definition family of your own (``lab1a2b3c4d-web``)."""
    return unique_name("web")


def container(name: str = "web", **settings) -> dict:
    """A container definition: nginx, essential, 128 MiB unless ``settings`` say otherwise."""
    return {
        "name": name,
        "image": "public.ecr.aws/nginx/nginx:latest",
        "essential": True,
        "memory": 128,
        **settings,
    }


@pytest.fixture
def register(aws, family):
    """``register(containers=None, **settings)``: register a revision in ``family``; its revision.

    ``containers`` defaults to one nginx container; ``settings`` are other
    RegisterTaskDefinition arguments (cpu, memory, networkMode, ...).
    """

    def register(containers: list[dict] | None = None, **settings) -> int:
        definition = aws.ecs.register_task_definition(
            family=family, containerDefinitions=containers or [container()], **settings
        )
        return definition["taskDefinition"]["revision"]

    return register


@pytest.fixture
def answer(register, error_code):
    """``answer(**settings)``: None when ECS registers a task definition with these settings,
    else its error code (``"ClientException"``)."""

    def answer(**settings) -> str | None:
        return error_code(register, **settings)

    return answer


@pytest.fixture
def definition(aws, family):
    """``definition()``: the latest revision of ``family``, as DescribeTaskDefinition tells it."""

    def definition() -> dict:
        return aws.ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]

    return definition


@pytest.fixture
def nginx():
    """``nginx(name, **settings)``: a container definition (see ``container``)."""
    return container


@pytest.fixture
def cluster(aws, unique_name) -> str:
    """A new, empty ECS cluster (no container instance registered): its name."""
    name = unique_name("cluster")
    aws.ecs.create_cluster(clusterName=name)
    return name


@pytest.fixture
def network(aws) -> dict:
    """A task's network in ``awsvpc`` mode: two default subnets of the default VPC and its
    default security group, with a public IP (to pull a public image without a NAT gateway).
    """
    found = aws.ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])
    subnets = sorted(found["Subnets"], key=lambda subnet: subnet["AvailabilityZone"])[:2]
    vpc_id = subnets[0]["VpcId"]
    groups = aws.ec2.describe_security_groups(
        Filters=[
            {"Name": "vpc-id", "Values": [vpc_id]},
            {"Name": "group-name", "Values": ["default"]},
        ]
    )["SecurityGroups"]
    return {
        "awsvpcConfiguration": {
            "subnets": [subnet["SubnetId"] for subnet in subnets],
            "securityGroups": [groups[0]["GroupId"]],
            "assignPublicIp": "ENABLED",
        }
    }


FARGATE = {
    "requiresCompatibilities": ["FARGATE"],
    "networkMode": "awsvpc",
    "cpu": "256",
    "memory": "512",
}


@pytest.fixture
def fargate_task(aws, family, nginx) -> str:
    """A Fargate task definition (nginx, 0.25 vCPU, 512 MiB, ``awsvpc``): its family:revision."""
    definition = aws.ecs.register_task_definition(
        family=family, containerDefinitions=[nginx()], **FARGATE
    )["taskDefinition"]
    return f"{definition['family']}:{definition['revision']}"


@pytest.fixture
def execution_role(aws, unique_name) -> str:
    """A task execution role (``ecs-tasks.amazonaws.com`` may assume it): its ARN. ECS itself
    uses it to pull the image, send the logs and read the secrets of a task."""
    return service_role(aws.iam, unique_name("execution"), "ecs-tasks.amazonaws.com")


@pytest.fixture
def service(aws, cluster, unique_name, request):
    """``service(stem="web", count=1, **settings)``: a service in ``cluster``; its description
    (CreateService's answer). A Fargate one of ``fargate_task`` in ``network`` unless
    ``settings`` say otherwise (``taskDefinition=..., launchType="EC2"``)."""

    def service(stem: str = "web", count: int = 1, **settings) -> dict:
        settings.setdefault("launchType", "FARGATE")
        if settings["launchType"] == "FARGATE":
            settings.setdefault("networkConfiguration", request.getfixturevalue("network"))
        if "taskDefinition" not in settings:
            settings["taskDefinition"] = request.getfixturevalue("fargate_task")
        return aws.ecs.create_service(
            cluster=cluster, serviceName=unique_name(stem), desiredCount=count, **settings
        )["service"]

    return service


@pytest.fixture
def described(aws, cluster):
    """``described(name)``: a service of ``cluster`` as DescribeServices tells it now."""

    def described(name: str) -> dict:
        [found] = aws.ecs.describe_services(cluster=cluster, services=[name])["services"]
        return found

    return described


@pytest.fixture
def managed_policy_actions(aws):
    """``managed_policy_actions(arn)``: the actions a managed policy's default version allows
    (``{"ecs:Poll", ...}``)."""

    aws.client("ecs")  # a backend without ECS skips here: these policies are ECS's

    def managed_policy_actions(arn: str) -> set[str]:
        return policy_actions(aws, arn)

    return managed_policy_actions


def policy_actions(aws, arn: str) -> set[str]:
    """The actions a managed policy's default version allows (``{"ecs:Poll", ...}``)."""
    version = aws.iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
    document = aws.iam.get_policy_version(PolicyArn=arn, VersionId=version)
    document = document["PolicyVersion"]["Document"]
    if isinstance(document, str):  # some backends answer it URL-encoded text
        document = json.loads(urllib.parse.unquote(document))
    actions: set[str] = set()
    for statement in document["Statement"]:
        if statement["Effect"] == "Allow":
            action = statement["Action"]
            actions.update([action] if isinstance(action, str) else action)
    return actions


# Elastic Beanstalk


@pytest.fixture
def solution_stack(aws) -> str:
    """A Python platform on Amazon Linux 2023, by its solution stack name."""
    stacks = aws.elasticbeanstalk.list_available_solution_stacks()["SolutionStacks"]
    python = [name for name in stacks if "Amazon Linux 2023" in name and "running Python" in name]
    assert python, f"no Python platform on Amazon Linux 2023 among {len(stacks)} solution stacks"
    return python[0]


@pytest.fixture
def instance_profile(aws, unique_name):
    """An EC2 instance profile for the environments' instances: its name.

    Beanstalk no longer creates one for you, and AWS refuses an environment without one.
    """
    aws.client("elasticbeanstalk")  # a backend without Beanstalk skips here, before IAM calls
    name = unique_name("eb-ec2")
    service_role(aws.iam, name, "ec2.amazonaws.com")
    aws.iam.create_instance_profile(InstanceProfileName=name)
    aws.iam.add_role_to_instance_profile(InstanceProfileName=name, RoleName=name)
    yield name
    # The role itself goes with the test's other resources; it must leave the profile first.
    aws.iam.remove_role_from_instance_profile(InstanceProfileName=name, RoleName=name)
    aws.iam.delete_instance_profile(InstanceProfileName=name)


@pytest.fixture
def application(aws, unique_name):
    """A new, empty Beanstalk application: its name (``lab1a2b3c4d-shop``).

    Deleted afterwards with its environments: the harness sweeps no Beanstalk resources.
    """
    name = unique_name("shop")
    aws.elasticbeanstalk.create_application(ApplicationName=name)
    yield name
    aws.elasticbeanstalk.delete_application(ApplicationName=name, TerminateEnvByForce=True)


@pytest.fixture
def environment(aws, instance_profile, application, solution_stack, unique_name):
    """``environment(stem, options=(), **settings)``: launch an environment of ``application``
    on the Python platform; its name (``lab1a2b3c4d-<stem>``).

    ``options`` are more option settings (``option(namespace, name, value)``) beside its
    instance profile; ``settings`` are other CreateEnvironment arguments (VersionLabel,
    Tier, CNAMEPrefix, ...).
    """

    def environment(stem: str, options: tuple[dict, ...] = (), **settings) -> str:
        name = unique_name(stem)
        profile = option(
            "aws:autoscaling:launchconfiguration", "IamInstanceProfile", instance_profile
        )
        aws.elasticbeanstalk.create_environment(
            ApplicationName=application,
            EnvironmentName=name,
            SolutionStackName=solution_stack,
            OptionSettings=[profile, *options],
            **settings,
        )
        return name

    return environment


def option(namespace: str, name: str, value: str) -> dict:
    """An option setting of a Beanstalk environment."""
    return {"Namespace": namespace, "OptionName": name, "Value": value}


@pytest.fixture
def ready(aws):
    """``ready(*names)``: wait until these Beanstalk environments are Ready (minutes on AWS)."""

    def ready(*names: str) -> None:
        aws.elasticbeanstalk.get_waiter("environment_exists").wait(EnvironmentNames=list(names))

    return ready


@pytest.fixture
def bundles(aws, make_bucket):
    """``bundles(*labels)``: upload a source bundle ``<label>.zip`` per label (a one-page WSGI
    app) to a new bucket; the bucket's name."""

    def bundles(*labels: str) -> str:
        bucket = make_bucket("bundles")
        for label in labels:
            zipped = io.BytesIO()
            with zipfile.ZipFile(zipped, "w") as archive:
                archive.writestr("application.py", WSGI_APP.format(label=label))
            aws.s3.put_object(Bucket=bucket, Key=f"{label}.zip", Body=zipped.getvalue())
        return bucket

    return bundles


WSGI_APP = """\
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"shop {label}"]
"""
