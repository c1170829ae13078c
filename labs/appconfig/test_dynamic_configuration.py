"""Changing an application's settings while it runs: AppConfig.

AppConfig keeps an application's settings (limits, switches, lists) outside
its code. A *configuration profile* holds versions of a document and the
*validators* (a JSON Schema, or a Lambda function) that every version must
pass before it is deployed. A *deployment* rolls a version out to an
*environment*, gradually, following a *deployment strategy* (the predefined
``AppConfig.Linear50PercentEvery30Seconds``, ``AppConfig.Canary10Percent20Minutes``,
``AppConfig.AllAtOnce``, or your own), watched by alarms that roll it back. The
running application polls AppConfig (``appconfigdata``) and picks up the new
version without a restart.

moto stores applications, profiles and versions, but has no environments,
deployments or strategies, and no ``appconfigdata``: those claims stand on
AWS's documentation here.

Notes, "other services > aws appConfig".
"""

from __future__ import annotations

import json

import pytest

VALIDATORS = "https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-configuration-and-profile-validators.html"
RETRIEVING = "https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-retrieving-the-configuration.html"
STRATEGIES = "https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-deployment-strategy.html"
NO_ENVIRONMENTS = (
    "moto has no AppConfig environments, deployments nor strategies (CreateEnvironment is not "
    "implemented); AWS deploys a version to an environment"
)
SCHEMA = {
    "type": "object",
    "properties": {"max_cart_items": {"type": "integer"}},
    "required": ["max_cart_items"],
}


@pytest.fixture
def settings(aws, application, unique_name) -> str:
    """A hosted configuration profile "settings" whose versions must satisfy SCHEMA: its ID."""
    return aws.appconfig.create_configuration_profile(
        ApplicationId=application,
        Name=unique_name("settings"),
        LocationUri="hosted",
        Validators=[{"Type": "JSON_SCHEMA", "Content": json.dumps(SCHEMA)}],
    )["Id"]


def new_version(aws, application: str, profile: str, document: dict) -> int:
    return aws.appconfig.create_hosted_configuration_version(
        ApplicationId=application,
        ConfigurationProfileId=profile,
        Content=json.dumps(document).encode(),
        ContentType="application/json",
    )["VersionNumber"]


@pytest.mark.emulator_gap("moto", reason=NO_ENVIRONMENTS)
@pytest.mark.claim(
    "appconfig.validators-stop-a-bad-version",
    quote="configure, validate, and deploy dynamic configurations",
    source=VALIDATORS,
)
def test_a_version_that_fails_its_validator_is_not_deployed(
    aws, application, environment, settings, instant_strategy, error_code
):
    # HINT: a version of `settings` that breaks SCHEMA (max_cart_items must be an integer).
    # BEGIN SOLUTION
    broken = new_version(aws, application, settings, {"max_cart_items": "lots"})
    # END SOLUTION
    refused = error_code(
        aws.appconfig.start_deployment,
        ApplicationId=application,
        EnvironmentId=environment,
        DeploymentStrategyId=instant_strategy,
        ConfigurationProfileId=settings,
        ConfigurationVersion=str(broken),
    )
    assert refused == "BadRequestException"


@pytest.mark.emulator_gap(
    "moto", reason=NO_ENVIRONMENTS + "; moto has no appconfigdata (the polling API) either"
)
@pytest.mark.claim(
    "appconfig.picked-up-without-restart",
    quote="no need to restart the application",
    source=RETRIEVING,
)
def test_a_running_application_polls_the_new_version(
    aws, application, environment, settings, instant_strategy, eventually
):
    first = new_version(aws, application, settings, {"max_cart_items": 10})
    deploy = aws.appconfig.start_deployment

    def deployed(version: int) -> None:
        number = deploy(
            ApplicationId=application,
            EnvironmentId=environment,
            DeploymentStrategyId=instant_strategy,
            ConfigurationProfileId=settings,
            ConfigurationVersion=str(version),
        )["DeploymentNumber"]

        def complete() -> bool:
            state = aws.appconfig.get_deployment(
                ApplicationId=application, EnvironmentId=environment, DeploymentNumber=number
            )["State"]
            return state == "COMPLETE"

        eventually(complete, aws_takes=120)

    deployed(first)
    # The application, once started: a session, then a poll with the token of the last poll.
    token = aws.appconfigdata.start_configuration_session(
        ApplicationIdentifier=application,
        EnvironmentIdentifier=environment,
        ConfigurationProfileIdentifier=settings,
    )["InitialConfigurationToken"]
    answer = aws.appconfigdata.get_latest_configuration(ConfigurationToken=token)
    assert json.loads(answer["Configuration"].read()) == {"max_cart_items": 10}
    # HINT: publish and deploy (deployed) a version raising max_cart_items to 25.
    # BEGIN SOLUTION
    deployed(new_version(aws, application, settings, {"max_cart_items": 25}))
    # END SOLUTION
    again = aws.appconfigdata.get_latest_configuration(
        ConfigurationToken=answer["NextPollConfigurationToken"]
    )
    assert json.loads(again["Configuration"].read()) == {"max_cart_items": 25}


@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no ListDeploymentStrategies (not implemented); AWS lists its "
    "predefined strategies",
)
@pytest.mark.claim(
    "appconfig.gradual-strategies",
    quote="gradually deploy changes and rollback if need",
    source=STRATEGIES,
)
def test_predefined_strategies_deploy_gradually(aws):
    listed = aws.appconfig.list_deployment_strategies()["Items"]
    strategies = {s["Name"]: (s["GrowthType"], s["GrowthFactor"]) for s in listed}
    # HINT: predict the growth type and the growth factor (percent per step) of
    # AppConfig.Linear50PercentEvery30Seconds.
    # BEGIN SOLUTION
    expected = ("LINEAR", 50.0)
    # END SOLUTION
    assert strategies["AppConfig.Linear50PercentEvery30Seconds"] == expected
    assert strategies["AppConfig.AllAtOnce"][1] == 100.0
