"""Provisioned concurrency: execution environments made before the first call.

A cold start (a new execution environment: download the code, run the init
code) delays the invocation that triggers it. Provisioned concurrency has
Lambda create and initialise a number of environments in advance, and keep
them ready. It is set on a published version or on an alias, never on
``$LATEST``: Lambda refuses that.

Notes, "lambda > cold starts & provisioned concur".
"""

import pytest

SOURCE = """
    def handler(event, context):
        return "warm"
"""


@pytest.mark.claim(
    "lambda.provisioned-concurrency-on-alias",
    quote="provisioned: is already allocated before the function gets called. no cold start",
    source="https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no PutProvisionedConcurrencyConfig; AWS allocates provisioned "
    "concurrency to an alias and refuses it on $LATEST (InvalidParameterValueException)",
)
def test_provisioned_concurrency_goes_on_an_alias(aws, deploy, error_code):
    function = deploy(SOURCE)
    version = aws.lambda_.publish_version(FunctionName=function)["Version"]
    aws.lambda_.create_alias(FunctionName=function, Name="live", FunctionVersion=version)
    provision = aws.lambda_.put_provisioned_concurrency_config
    # HINT: which qualifier may carry provisioned concurrency: "$LATEST" or "live"?
    # BEGIN SOLUTION
    qualifier = "live"
    # END SOLUTION
    config = provision(
        FunctionName=function, Qualifier=qualifier, ProvisionedConcurrentExecutions=1
    )
    assert config["RequestedProvisionedConcurrentExecutions"] == 1
    assert config["Status"] in ("IN_PROGRESS", "READY")
    refused = error_code(
        provision, FunctionName=function, Qualifier="$LATEST", ProvisionedConcurrentExecutions=1
    )
    assert refused == "InvalidParameterValueException"
