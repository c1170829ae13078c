"""Deploying a new version: CodeDeploy's deployment groups and configurations.

A CodeDeploy *application* targets one compute platform: EC2/on-premises
servers (``Server``), Lambda, or ECS. A *deployment group* says where to deploy
(instances by tag, Auto Scaling groups, an ECS service, a Lambda alias) and
how: the *deployment style* (in place, or blue/green: a new fleet, with
traffic moved by a load balancer) and the *deployment configuration*: how
fast. For servers, how many instances must stay healthy (one at a time, half
at a time, all at once, or your own); for Lambda and ECS, how traffic moves to
the new version (all at once, canary: a share first then the rest, linear:
equal steps). ECS deployments are always blue/green.

moto stores deployment groups and gives them CodeDeploy's default
configuration, but has none of the predefined configurations
(``GetDeploymentConfig``) and checks no deployment style: those claims stand
on AWS's documentation here.

Notes, "cicd > introduction > code deploy".
"""

from __future__ import annotations

import pytest

CONFIGS = "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html"
CREATE_GROUP = (
    "https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_CreateDeploymentGroup.html"
)
DEPLOYMENT_STYLE = (
    "https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_DeploymentStyle.html"
)
ECS_DEPLOYMENTS = (
    "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-steps-ecs.html"
)
NO_CONFIGS = (
    "moto has no GetDeploymentConfig (not implemented); AWS describes its predefined configurations"
)


@pytest.fixture
def application(aws, unique_name):
    """``application(platform)``: a new CodeDeploy application for ``Server``, ``Lambda``
    or ``ECS``; its name."""

    def application(platform: str = "Server") -> str:
        name = unique_name(f"app-{platform.lower()}")
        aws.codedeploy.create_application(applicationName=name, computePlatform=platform)
        return name

    return application


@pytest.fixture
def deploy_role(role_for) -> str:
    """A role CodeDeploy may assume: its ARN."""
    return role_for("codedeploy")


def config(aws, name: str) -> dict:
    """GetDeploymentConfig's answer for ``name``, without its dates and ids."""
    info = aws.codedeploy.get_deployment_config(deploymentConfigName=name)["deploymentConfigInfo"]
    return {k: info[k] for k in ("minimumHealthyHosts", "trafficRoutingConfig") if k in info}


@pytest.mark.claim("codedeploy.one-at-a-time-default", quote="one a time", source=CREATE_GROUP)
def test_a_group_deploys_one_instance_at_a_time_by_default(
    aws, application, deploy_role, unique_name
):
    app = application()
    aws.codedeploy.create_deployment_group(
        applicationName=app,
        deploymentGroupName=unique_name("web"),
        serviceRoleArn=deploy_role,
        ec2TagFilters=[{"Key": "app", "Value": "web", "Type": "KEY_AND_VALUE"}],
    )
    group = aws.codedeploy.get_deployment_group(
        applicationName=app, deploymentGroupName=unique_name("web")
    )["deploymentGroupInfo"]
    # HINT: the deployment configuration a group gets when none is given.
    # BEGIN SOLUTION
    expected = "CodeDeployDefault.OneAtATime"
    # END SOLUTION
    assert group["deploymentConfigName"] == expected


@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives a new group an empty deploymentStyle; AWS answers IN_PLACE, "
    "WITHOUT_TRAFFIC_CONTROL",
)
@pytest.mark.claim(
    "codedeploy.in-place-by-default",
    quote="will do in-place deployment",
    source=DEPLOYMENT_STYLE,
)
def test_a_group_deploys_in_place_by_default(aws, application, deploy_role, unique_name):
    app = application()
    aws.codedeploy.create_deployment_group(
        applicationName=app, deploymentGroupName=unique_name("web"), serviceRoleArn=deploy_role
    )
    group = aws.codedeploy.get_deployment_group(
        applicationName=app, deploymentGroupName=unique_name("web")
    )["deploymentGroupInfo"]
    # HINT: predict the deployment type and option of a group created without a style.
    # BEGIN SOLUTION
    expected = {"deploymentType": "IN_PLACE", "deploymentOption": "WITHOUT_TRAFFIC_CONTROL"}
    # END SOLUTION
    assert group["deploymentStyle"] == expected


@pytest.mark.claim(
    "codedeploy.in-place-or-blue-green",
    quote="perform in-place deployment or blue/green",
    source=DEPLOYMENT_STYLE,
)
def test_a_server_group_can_deploy_blue_green_behind_a_load_balancer(
    aws, application, deploy_role, unique_name
):
    app = application()
    # HINT: a deployment group unique_name("web") of `app` that deploys blue/green, moving
    # traffic through the classic load balancer named "web-elb".
    # BEGIN SOLUTION
    aws.codedeploy.create_deployment_group(
        applicationName=app,
        deploymentGroupName=unique_name("web"),
        serviceRoleArn=deploy_role,
        deploymentStyle={
            "deploymentType": "BLUE_GREEN",
            "deploymentOption": "WITH_TRAFFIC_CONTROL",
        },
        loadBalancerInfo={"elbInfoList": [{"name": "web-elb"}]},
    )
    # END SOLUTION
    group = aws.codedeploy.get_deployment_group(
        applicationName=app, deploymentGroupName=unique_name("web")
    )["deploymentGroupInfo"]
    assert group["deploymentStyle"]["deploymentType"] == "BLUE_GREEN"
    assert group["loadBalancerInfo"]["elbInfoList"] == [{"name": "web-elb"}]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a blue/green group with traffic control and no load balancer; AWS "
    "refuses it (InvalidLoadBalancerInfoException)",
)
@pytest.mark.claim(
    "codedeploy.blue-green-needs-a-load-balancer",
    quote="blue/green: must use ELB",
    source=CREATE_GROUP,
)
def test_blue_green_without_a_load_balancer_is_refused(
    aws, application, deploy_role, unique_name, error_code
):
    refused = error_code(
        aws.codedeploy.create_deployment_group,
        applicationName=application(),
        deploymentGroupName=unique_name("web"),
        serviceRoleArn=deploy_role,
        autoScalingGroups=[unique_name("web-asg")],
        deploymentStyle={
            "deploymentType": "BLUE_GREEN",
            "deploymentOption": "WITH_TRAFFIC_CONTROL",
        },
    )
    # HINT: the error code CodeDeploy answers when the load balancer is missing.
    # BEGIN SOLUTION
    expected = "InvalidLoadBalancerInfoException"
    # END SOLUTION
    assert refused == expected


@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts an in-place deployment group for an ECS application; AWS refuses it "
    "(InvalidDeploymentStyleException: ECS deploys blue/green only)",
)
@pytest.mark.claim(
    "codedeploy.ecs-blue-green-only", quote="only blue/green", source=ECS_DEPLOYMENTS
)
def test_an_ecs_group_cannot_deploy_in_place(
    aws, application, deploy_role, unique_name, error_code
):
    # HINT: predict the deployment type an ECS group refuses.
    # BEGIN SOLUTION
    refused_type = "IN_PLACE"
    # END SOLUTION
    refused = error_code(
        aws.codedeploy.create_deployment_group,
        applicationName=application("ECS"),
        deploymentGroupName=unique_name("api"),
        serviceRoleArn=deploy_role,
        deploymentStyle={
            "deploymentType": refused_type,
            "deploymentOption": "WITHOUT_TRAFFIC_CONTROL",
        },
        ecsServices=[{"serviceName": "api", "clusterName": "main"}],
    )
    assert refused == "InvalidDeploymentStyleException"


# How fast: the predefined deployment configurations.


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim("codedeploy.all-at-once", quote="all at once", line=1940, source=CONFIGS)
def test_all_at_once_needs_no_healthy_instance(aws):
    # HINT: predict AllAtOnce's minimum healthy hosts: its type and value.
    # BEGIN SOLUTION
    expected = {"type": "FLEET_PERCENT", "value": 0}
    # END SOLUTION
    assert config(aws, "CodeDeployDefault.AllAtOnce")["minimumHealthyHosts"] == expected


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim(
    "codedeploy.half-at-a-time",
    quote="half at a time: in-place deployment",
    source=CONFIGS,
)
def test_half_at_a_time_keeps_half_the_fleet_healthy(aws):
    # HINT: predict HalfAtATime's minimum healthy hosts: its type and value.
    # BEGIN SOLUTION
    expected = {"type": "FLEET_PERCENT", "value": 50}
    # END SOLUTION
    assert config(aws, "CodeDeployDefault.HalfAtATime")["minimumHealthyHosts"] == expected


@pytest.mark.emulator_gap(
    "moto", reason="moto has no CreateDeploymentConfig nor GetDeploymentConfig (not implemented)"
)
@pytest.mark.claim("codedeploy.custom-config", quote="custom", line=1943, source=CONFIGS)
def test_a_custom_configuration_keeps_three_quarters_healthy(aws, unique_name):
    # HINT: create a deployment configuration unique_name("three-quarters") for servers that
    # keeps at least 75% of the fleet healthy.
    # BEGIN SOLUTION
    aws.codedeploy.create_deployment_config(
        deploymentConfigName=unique_name("three-quarters"),
        minimumHealthyHosts={"type": "FLEET_PERCENT", "value": 75},
        computePlatform="Server",
    )
    # END SOLUTION
    made = config(aws, unique_name("three-quarters"))
    assert made["minimumHealthyHosts"] == {"type": "FLEET_PERCENT", "value": 75}


def routing(aws, name: str) -> dict:
    """The traffic routing of the predefined configuration ``name``."""
    return config(aws, name)["trafficRoutingConfig"]


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim(
    "codedeploy.lambda-traffic-splitting",
    quote="can help do traffic splitting for lambda alias",
    source=CONFIGS,
)
def test_a_lambda_canary_sends_ten_percent_first(aws):
    # HINT: predict LambdaCanary10Percent5Minutes' routing type, then the share of traffic
    # (percent) and the wait (minutes) of its first step.
    # BEGIN SOLUTION
    expected = {
        "type": "TimeBasedCanary",
        "timeBasedCanary": {"canaryPercentage": 10, "canaryInterval": 5},
    }
    # END SOLUTION
    assert routing(aws, "CodeDeployDefault.LambdaCanary10Percent5Minutes") == expected


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim("codedeploy.lambda-linear", quote="linear", line=1947, source=CONFIGS)
def test_a_lambda_linear_deployment_moves_equal_steps(aws):
    # HINT: predict LambdaLinear10PercentEvery1Minute's routing.
    # BEGIN SOLUTION
    expected = {
        "type": "TimeBasedLinear",
        "timeBasedLinear": {"linearPercentage": 10, "linearInterval": 1},
    }
    # END SOLUTION
    assert routing(aws, "CodeDeployDefault.LambdaLinear10PercentEvery1Minute") == expected


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim("codedeploy.lambda-canary", quote="canary", line=1948, source=CONFIGS)
def test_a_lambda_canary_moves_the_rest_after_the_wait(aws):
    # HINT: predict LambdaCanary10Percent30Minutes' routing.
    # BEGIN SOLUTION
    expected = {
        "type": "TimeBasedCanary",
        "timeBasedCanary": {"canaryPercentage": 10, "canaryInterval": 30},
    }
    # END SOLUTION
    assert routing(aws, "CodeDeployDefault.LambdaCanary10Percent30Minutes") == expected


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim("codedeploy.lambda-all-at-once", quote="all at once", line=1949, source=CONFIGS)
def test_a_lambda_all_at_once_moves_everything(aws):
    # HINT: predict LambdaAllAtOnce's routing type.
    # BEGIN SOLUTION
    expected = {"type": "AllAtOnce"}
    # END SOLUTION
    assert routing(aws, "CodeDeployDefault.LambdaAllAtOnce") == expected


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim("codedeploy.ecs-linear", quote="linear", line=1953, source=CONFIGS)
def test_an_ecs_linear_deployment_moves_equal_steps(aws):
    # HINT: predict ECSLinear10PercentEvery1Minutes' routing.
    # BEGIN SOLUTION
    expected = {
        "type": "TimeBasedLinear",
        "timeBasedLinear": {"linearPercentage": 10, "linearInterval": 1},
    }
    # END SOLUTION
    assert routing(aws, "CodeDeployDefault.ECSLinear10PercentEvery1Minutes") == expected


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim("codedeploy.ecs-canary", quote="canary", line=1954, source=CONFIGS)
def test_an_ecs_canary_sends_ten_percent_first(aws):
    # HINT: predict ECSCanary10Percent5Minutes' routing.
    # BEGIN SOLUTION
    expected = {
        "type": "TimeBasedCanary",
        "timeBasedCanary": {"canaryPercentage": 10, "canaryInterval": 5},
    }
    # END SOLUTION
    assert routing(aws, "CodeDeployDefault.ECSCanary10Percent5Minutes") == expected


@pytest.mark.emulator_gap("moto", reason=NO_CONFIGS)
@pytest.mark.claim("codedeploy.ecs-all-at-once", quote="all at once", line=1955, source=CONFIGS)
def test_an_ecs_all_at_once_moves_everything(aws):
    # HINT: predict ECSAllAtOnce's routing type.
    # BEGIN SOLUTION
    expected = {"type": "AllAtOnce"}
    # END SOLUTION
    assert routing(aws, "CodeDeployDefault.ECSAllAtOnce") == expected


@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives a new group an empty deploymentStyle; AWS answers IN_PLACE, "
    "WITHOUT_TRAFFIC_CONTROL",
)
@pytest.mark.claim("codedeploy.asg-in-place-by-default", quote="in place", source=DEPLOYMENT_STYLE)
def test_an_auto_scaling_group_is_updated_in_place_by_default(
    aws, application, deploy_role, unique_name
):
    app = application()
    # HINT: a deployment group unique_name("fleet") of `app` deploying to the Auto Scaling group
    # unique_name("web-asg"), with no deployment style.
    # BEGIN SOLUTION
    aws.codedeploy.create_deployment_group(
        applicationName=app,
        deploymentGroupName=unique_name("fleet"),
        serviceRoleArn=deploy_role,
        autoScalingGroups=[unique_name("web-asg")],
    )
    # END SOLUTION
    group = aws.codedeploy.get_deployment_group(
        applicationName=app, deploymentGroupName=unique_name("fleet")
    )["deploymentGroupInfo"]
    assert group["deploymentStyle"]["deploymentType"] == "IN_PLACE"
