"""Shared fixtures for the Parameter Store and Secrets Manager labs."""

from __future__ import annotations

import pytest


@pytest.fixture
def app_path(unique_name) -> str:
    """The root of this test's parameter hierarchy, ``/<unique prefix>``."""
    return "/" + unique_name("app")


@pytest.fixture
def deploy(functions):
    """``deploy(source)`` -> the ARN of a new python3.12 function whose ``app.py`` is ``source``.

    On moto the function really runs (the harness's Python runtime, no Docker).
    """

    def deploy(source: str) -> str:
        return functions.deploy(source, "rotation", Timeout=30)["FunctionArn"]

    return deploy
