"""Shared fixtures for the Parameter Store and Secrets Manager labs."""

from __future__ import annotations

import json
import textwrap

import pytest

from harness.lambda_runtime import zip_package

LAMBDA_TRUST_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}


@pytest.fixture
def app_path(unique_name) -> str:
    """The root of this test's parameter hierarchy, ``/<unique prefix>``."""
    return "/" + unique_name("app")


@pytest.fixture
def deploy(aws, unique_name):
    """``deploy(source)`` -> the ARN of a new python3.12 function whose ``app.py`` is ``source``.

    On moto the function really runs (the harness's Python runtime, no Docker).
    """

    def deploy(source: str) -> str:
        role = aws.iam.create_role(
            RoleName=unique_name("rotation-role"),
            AssumeRolePolicyDocument=json.dumps(LAMBDA_TRUST_POLICY),
        )["Role"]["Arn"]
        return aws.lambda_.create_function(
            FunctionName=unique_name("rotation"),
            Runtime="python3.12",
            Role=role,
            Handler="app.handler",
            Code={"ZipFile": zip_package({"app.py": textwrap.dedent(source)})},
            Timeout=30,
        )["FunctionArn"]

    return deploy
