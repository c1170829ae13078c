"""Shared fixtures for the CloudFormation labs: deploy a template, read what it made.

Templates are Python dicts (JSON templates): ``{"Ref": "X"}`` is the long form
of YAML's ``!Ref X``, ``{"Fn::GetAtt": ["Queue", "Arn"]}`` of ``!GetAtt Queue.Arn``.
"""

from __future__ import annotations

import json

import pytest

SETTLED = ("_COMPLETE", "_FAILED")


class Stacks:
    """Create, update and delete stacks, and wait until each operation has settled.

    moto finishes a stack operation inside the API call; LocalStack and AWS
    work in the background, so every call here waits for a final status.
    """

    def __init__(self, aws, unique_name, eventually) -> None:
        self.cloudformation = aws.cloudformation
        self.unique_name = unique_name
        self.eventually = eventually
        self.count = 0

    def create(self, template: dict, stem: str = "stack", **options) -> str:
        """Create a stack from ``template`` and return its name once it has settled."""
        self.count += 1
        name = self.unique_name(f"{stem}{self.count}")
        self.cloudformation.create_stack(
            StackName=name, TemplateBody=json.dumps(template), **options
        )
        self.wait(name)
        return name

    def update(self, name: str, template: dict, **options) -> str:
        self.cloudformation.update_stack(
            StackName=name, TemplateBody=json.dumps(template), **options
        )
        return self.wait(name)

    def delete(self, name: str) -> str:
        """Delete the stack; its final status (``DELETE_COMPLETE`` once it is gone)."""
        stack_id = self.describe(name)["StackId"]
        self.cloudformation.delete_stack(StackName=name)
        return self.wait(stack_id)

    def describe(self, name: str) -> dict:
        return self.cloudformation.describe_stacks(StackName=name)["Stacks"][0]

    def status(self, name: str) -> str:
        return self.describe(name)["StackStatus"]

    def wait(self, name: str) -> str:
        def settled() -> str | None:
            status = self.status(name)
            return status if status.endswith(SETTLED) else None

        return self.eventually(settled)

    def outputs(self, name: str) -> dict[str, str]:
        """The stack's outputs as ``{key: value}``."""
        outputs = self.describe(name).get("Outputs", [])
        return {output["OutputKey"]: output["OutputValue"] for output in outputs}

    def resource(self, name: str, logical_id: str) -> str:
        """The physical id (a queue URL, a bucket name) of one of the stack's resources."""
        return self.cloudformation.describe_stack_resource(
            StackName=name, LogicalResourceId=logical_id
        )["StackResourceDetail"]["PhysicalResourceId"]


@pytest.fixture
def stacks(aws, unique_name, eventually) -> Stacks:
    """``stacks.create(template)`` -> a stack name; ``stacks.outputs(name)``, ``.delete(name)``."""
    return Stacks(aws, unique_name, eventually)


@pytest.fixture
def account_id(aws) -> str:
    """The 12-digit account the backend runs as (moto and LocalStack: 000000000000 or 1234...)."""
    return aws.client("sts").get_caller_identity()["Account"]
