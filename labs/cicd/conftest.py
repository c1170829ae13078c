"""Shared fixtures for the CI/CD labs: a CodeCommit repository, service roles, a client for
another IAM user, and a pipeline's stages."""

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
def deploy_stage(make_bucket):
    """``deploy_stage(reads="code")``: a stage that unpacks the artifact named ``reads`` into a
    new bucket (S3 deploy action)."""
    made = []

    def deploy_stage(reads: str = "code") -> dict:
        made.append(reads)
        return {
            "name": "Deploy",
            "actions": [
                {
                    "name": "Publish",
                    "actionTypeId": {
                        "category": "Deploy",
                        "owner": "AWS",
                        "provider": "S3",
                        "version": "1",
                    },
                    "configuration": {
                        "BucketName": make_bucket(f"site-{len(made)}"),
                        "Extract": "true",
                    },
                    "inputArtifacts": [{"name": reads}],
                }
            ],
        }

    return deploy_stage


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
