"""Shared fixtures for the CI/CD labs: a CodeCommit repository, service roles, a
client for another IAM user."""

from __future__ import annotations

import io
import json
import zipfile

import boto3
import pytest

from harness.testkit.iam import service_role


@pytest.fixture
def repository(aws, unique_name) -> str:
    """A new, empty CodeCommit repository: its name."""
    name = unique_name("app")
    aws.codecommit.create_repository(repositoryName=name, repositoryDescription="awslab")
    return name


@pytest.fixture
def role_for(aws, unique_name):
    """``role_for("codebuild")``: a new role ``<service>.amazonaws.com`` may assume; its ARN."""

    made = []

    def role_for(service: str) -> str:
        made.append(service)
        name = unique_name(f"{service}-role-{len(made)}")
        return service_role(aws.iam, name, f"{service}.amazonaws.com")

    return role_for


@pytest.fixture
def client_as(aws, unique_name):
    """``client_as("codecommit", policy)``: a client for a new IAM user whose only policy is
    ``policy`` (a policy document)."""

    def client_as(service: str, policy: dict):
        name = unique_name("developer")
        aws.iam.create_user(UserName=name)
        aws.iam.put_user_policy(
            UserName=name, PolicyName="only-this", PolicyDocument=json.dumps(policy)
        )
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return boto3.client(
            service,
            endpoint_url=aws.endpoint_url,
            region_name=aws.region,
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )

    return client_as


#: A build environment: CodeBuild's standard Linux image on the smallest compute type.
ENVIRONMENT = {
    "type": "LINUX_CONTAINER",
    "image": "aws/codebuild/standard:7.0",
    "computeType": "BUILD_GENERAL1_SMALL",
}


@pytest.fixture
def build_role(aws, role_for, unique_name) -> str:
    """A role for CodeBuild that may read and write S3 and write CloudWatch Logs: its ARN."""
    arn = role_for("codebuild")
    aws.iam.put_role_policy(
        RoleName=arn.rsplit("/", 1)[1],
        PolicyName="build",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["s3:GetObject", "s3:PutObject", "logs:*"],
                        "Resource": "*",
                    }
                ],
            }
        ),
    )
    return arn


@pytest.fixture
def source_bucket(aws, make_bucket) -> str:
    """A bucket holding ``source.zip``, an empty source bundle for builds: its name."""
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("README.md", "awslab\n")
    bucket = make_bucket("source")
    aws.s3.put_object(Bucket=bucket, Key="source.zip", Body=bundle.getvalue())
    return bucket


@pytest.fixture
def build_project(aws, unique_name, build_role, source_bucket):
    """``build_project(**overrides)``: a new CodeBuild project reading ``source.zip`` from
    ``source_bucket``, with no artifacts; its name. ``overrides`` replace CreateProject's
    arguments (``source``, ``artifacts``, ``environment``...)."""

    made = []

    def build_project(**overrides) -> str:
        made.append(None)
        name = unique_name(f"build-{len(made)}")
        arguments = {
            "name": name,
            "source": {"type": "S3", "location": f"{source_bucket}/source.zip"},
            "artifacts": {"type": "NO_ARTIFACTS"},
            "environment": ENVIRONMENT,
            "serviceRole": build_role,
        }
        aws.codebuild.create_project(**(arguments | overrides))
        return name

    return build_project


@pytest.fixture
def finished_build(aws, eventually):
    """``finished_build(project)``: start a build of ``project`` and wait for its end;
    BatchGetBuilds' answer for it."""

    def finished_build(project: str) -> dict:
        build_id = aws.codebuild.start_build(projectName=project)["build"]["id"]

        def finished() -> dict | None:
            [build] = aws.codebuild.batch_get_builds(ids=[build_id])["builds"]
            return build if build["buildStatus"] != "IN_PROGRESS" else None

        return eventually(finished, timeout=120)

    return finished_build


@pytest.fixture
def source_stage(source_bucket) -> dict:
    """A pipeline's first stage: take ``source.zip`` from ``source_bucket``; its output
    artifact is named "code"."""
    return {
        "name": "Source",
        "actions": [
            {
                "name": "Fetch",
                "actionTypeId": {
                    "category": "Source",
                    "owner": "AWS",
                    "provider": "S3",
                    "version": "1",
                },
                "configuration": {"S3Bucket": source_bucket, "S3ObjectKey": "source.zip"},
                "outputArtifacts": [{"name": "code"}],
            }
        ],
    }


@pytest.fixture
def build_stage():
    """``build_stage(project, reads="code")``: a stage running the CodeBuild ``project`` on
    the artifact named ``reads``."""
    return _build_stage


def _build_stage(project: str, reads: str = "code") -> dict:
    return {
        "name": "Build",
        "actions": [
            {
                "name": "Compile",
                "actionTypeId": {
                    "category": "Build",
                    "owner": "AWS",
                    "provider": "CodeBuild",
                    "version": "1",
                },
                "configuration": {"ProjectName": project},
                "inputArtifacts": [{"name": reads}],
                "outputArtifacts": [{"name": "release"}],
            }
        ],
    }


@pytest.fixture
def pipeline_for(aws, unique_name, role_for, make_bucket):
    """``pipeline_for(stages, role=None)``: CreatePipeline's argument for a pipeline of
    ``stages`` (a new artifact bucket; a new role CodePipeline may assume, unless given)."""

    made = []

    def pipeline_for(stages: list[dict], role: str | None = None) -> dict:
        made.append(stages)
        return {
            "name": unique_name(f"pipeline-{len(made)}"),
            "roleArn": role or role_for("codepipeline"),
            "artifactStore": {"type": "S3", "location": make_bucket(f"artifacts-{len(made)}")},
            "stages": stages,
        }

    return pipeline_for
