"""Shared fixtures for the CodeDeploy labs: a role CodeDeploy may assume."""

from __future__ import annotations

import pytest

from harness.testkit.iam import service_role


@pytest.fixture
def role_for(aws, unique_name):
    """``role_for("codedeploy")``: a new role ``<service>.amazonaws.com`` may assume; its ARN."""
    made = []

    def role_for(service: str) -> str:
        made.append(service)
        return service_role(
            aws.iam, unique_name(f"{service}-role-{len(made)}"), f"{service}.amazonaws.com"
        )

    return role_for
