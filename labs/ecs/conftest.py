"""Shared fixtures for the ECS labs: a task definition family and a registrar."""

from __future__ import annotations

import pytest


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
def nginx():
    """``nginx(name, **settings)``: a container definition (see ``container``)."""
    return container
