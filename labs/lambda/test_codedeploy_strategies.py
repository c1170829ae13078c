"""CodeDeploy shifts an alias's traffic: canary, linear, or all at once.

CodeDeploy releases a new Lambda version by moving the alias's weight to it
(with SAM: ``DeploymentPreference``), following a deployment configuration.
The predefined ones for Lambda name the three strategies:
``CodeDeployDefault.LambdaCanary10Percent5Minutes`` (10 % first, the rest
after 5 minutes), ``CodeDeployDefault.LambdaLinear10PercentEvery1Minute``
(10 % more every minute) and ``CodeDeployDefault.LambdaAllAtOnce``.

Notes, "lambda > lambda & codedeploy".
"""

import pytest

CONFIGS = "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html"
MOTO_HAS_NO_CONFIGS = (
    "moto has no GetDeploymentConfig; AWS describes the predefined Lambda configurations"
)


def traffic_routing(aws, name: str) -> dict:
    config = aws.codedeploy.get_deployment_config(deploymentConfigName=name)["deploymentConfigInfo"]
    assert config["computePlatform"] == "Lambda"
    return config["trafficRoutingConfig"]


@pytest.mark.claim(
    "lambda.codedeploy-linear", quote="linear: increase traffic every x min to 100%", source=CONFIGS
)
@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_CONFIGS)
def test_linear_adds_the_same_share_every_interval(aws):
    # HINT: the predefined configuration that adds 10 % of the traffic every minute.
    # BEGIN SOLUTION
    name = "CodeDeployDefault.LambdaLinear10PercentEvery1Minute"
    # END SOLUTION
    routing = traffic_routing(aws, name)
    assert routing["type"] == "TimeBasedLinear"
    assert routing["timeBasedLinear"] == {"linearPercentage": 10, "linearInterval": 1}


@pytest.mark.claim("lambda.codedeploy-canary", quote="canary: try x then 100%", source=CONFIGS)
@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_CONFIGS)
def test_canary_sends_a_share_then_everything(aws):
    # HINT: the predefined configuration that tries 10 %, then moves the rest after 5 minutes.
    # BEGIN SOLUTION
    name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
    # END SOLUTION
    routing = traffic_routing(aws, name)
    assert routing["type"] == "TimeBasedCanary"
    assert routing["timeBasedCanary"] == {"canaryPercentage": 10, "canaryInterval": 5}


@pytest.mark.claim("lambda.codedeploy-all-at-once", quote="allAtOnce", source=CONFIGS)
@pytest.mark.emulator_gap("moto", reason=MOTO_HAS_NO_CONFIGS)
def test_all_at_once_moves_everything(aws):
    # HINT: predict the traffic routing type of CodeDeployDefault.LambdaAllAtOnce.
    # BEGIN SOLUTION
    expected = "AllAtOnce"
    # END SOLUTION
    assert traffic_routing(aws, "CodeDeployDefault.LambdaAllAtOnce")["type"] == expected
