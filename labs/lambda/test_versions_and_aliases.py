"""Versions and aliases: releasing a function safely.

``$LATEST`` is the function you edit. ``PublishVersion`` freezes it as a
numbered version with its own ARN: code and configuration never change again.
An alias is a named pointer to a version (``live`` -> 3) that callers use; it
can also split traffic between two versions, for a canary release.

Notes, "lambda > lambda versions" and "lambda > lambda aliases".

moto ignores Invoke's ``Qualifier`` parameter; the qualified name
``my-function:1`` (or ``my-function:live``), which AWS accepts too, works on both.
"""

import pytest

SOURCE = """
    import os

    def handler(event, context):
        return {"version": context.function_version, "colour": os.environ["COLOUR"]}
"""


@pytest.mark.claim("lambda.versions-immutable", quote="versions: immutable, have their own arn")
def test_a_published_version_keeps_its_configuration(aws, deploy, invoke):
    function = deploy(SOURCE, Environment={"Variables": {"COLOUR": "blue"}})
    version = aws.lambda_.publish_version(FunctionName=function)
    # HINT: change $LATEST so that it answers "green" (the published version must not change).
    # BEGIN SOLUTION
    aws.lambda_.update_function_configuration(
        FunctionName=function, Environment={"Variables": {"COLOUR": "green"}}
    )
    # END SOLUTION
    assert invoke(function)["colour"] == "green"
    assert invoke(f"{function}:{version['Version']}") == {"version": "1", "colour": "blue"}
    assert version["FunctionArn"].endswith(f"{function}:1")  # its own ARN


@pytest.mark.claim("lambda.alias-points-to-version", quote="pointers to lambda versions")
def test_an_alias_points_at_a_version(aws, deploy, invoke):
    function = deploy(SOURCE, Environment={"Variables": {"COLOUR": "blue"}})
    aws.lambda_.publish_version(FunctionName=function)
    aws.lambda_.update_function_configuration(
        FunctionName=function, Environment={"Variables": {"COLOUR": "green"}}
    )
    aws.lambda_.publish_version(FunctionName=function)
    aws.lambda_.create_alias(FunctionName=function, Name="live", FunctionVersion="1")
    assert invoke(f"{function}:live")["colour"] == "blue"
    # HINT: release version 2 to everyone who calls "live", without touching the callers.
    # BEGIN SOLUTION
    aws.lambda_.update_alias(FunctionName=function, Name="live", FunctionVersion="2")
    # END SOLUTION
    assert invoke(f"{function}:live") == {"version": "2", "colour": "green"}


@pytest.mark.claim(
    "lambda.alias-canary",
    quote="enable canary deployment",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores an alias's RoutingConfig but always invokes its main version"
)
def test_an_alias_can_split_traffic_between_two_versions(aws, deploy, invoke):
    function = deploy(SOURCE, Environment={"Variables": {"COLOUR": "blue"}})
    aws.lambda_.publish_version(FunctionName=function)
    aws.lambda_.update_function_configuration(
        FunctionName=function, Environment={"Variables": {"COLOUR": "green"}}
    )
    aws.lambda_.publish_version(FunctionName=function)
    # HINT: an alias "live" on version 1 that sends half of the calls to version 2.
    # BEGIN SOLUTION
    aws.lambda_.create_alias(
        FunctionName=function,
        Name="live",
        FunctionVersion="1",
        RoutingConfig={"AdditionalVersionWeights": {"2": 0.5}},
    )
    # END SOLUTION
    versions = {invoke(f"{function}:live")["version"] for _ in range(30)}
    assert versions == {"1", "2"}  # all 30 on one version: a chance of 1 in 2**29


@pytest.mark.claim(
    "lambda.latest-is-the-editable-version",
    quote="the $latest",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html",
)
def test_latest_is_what_you_edit_and_publishing_numbers_it(aws, deploy):
    function = deploy(SOURCE, Environment={"Variables": {"COLOUR": "blue"}})
    created = aws.lambda_.get_function_configuration(FunctionName=function)
    # HINT: predict the version of a function just created, and the version PublishVersion
    # HINT: gives it the first time.
    # BEGIN SOLUTION
    expected = ("$LATEST", "1")
    # END SOLUTION
    published = aws.lambda_.publish_version(FunctionName=function)
    assert (created["Version"], published["Version"]) == expected
    aws.lambda_.update_function_configuration(
        FunctionName=function, Environment={"Variables": {"COLOUR": "green"}}
    )
    assert aws.lambda_.publish_version(FunctionName=function)["Version"] == "2", (
        "a change: a new number"
    )
