"""Shared fixtures for the CodeBuild labs: a service role, a source bundle in S3, projects
and finished builds."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from harness.testkit.iam import service_role


@pytest.fixture
def role_for(aws, unique_name):
    """``role_for("codebuild")``: a new role ``<service>.amazonaws.com`` may assume; its ARN."""
    made = []

    def role_for(service: str) -> str:
        made.append(service)
        return service_role(
            aws.iam, unique_name(f"{service}-role-{len(made)}"), f"{service}.amazonaws.com"
        )

    return role_for


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

        return eventually(finished, aws_takes=120)

    return finished_build
