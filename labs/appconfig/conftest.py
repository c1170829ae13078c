"""Shared fixtures for the AppConfig labs: an application with a hosted configuration."""

from __future__ import annotations

import pytest


@pytest.fixture
def application(aws, unique_name) -> str:
    """A new AppConfig application: its ID."""
    return aws.appconfig.create_application(Name=unique_name("shop"))["Id"]


@pytest.fixture
def environment(aws, application, unique_name) -> str:
    """A new environment "production" of ``application``: its ID."""
    return aws.appconfig.create_environment(
        ApplicationId=application, Name=unique_name("production")
    )["Id"]


@pytest.fixture
def instant_strategy(aws, unique_name) -> str:
    """A deployment strategy that reaches every target at once and bakes for no time: its ID."""
    return aws.appconfig.create_deployment_strategy(
        Name=unique_name("instant"),
        DeploymentDurationInMinutes=0,
        FinalBakeTimeInMinutes=0,
        GrowthFactor=100,
        ReplicateTo="NONE",
    )["Id"]
