"""Environment variables: change what a function does without changing its code.

The same code reads ``os.environ``; a configuration update changes the
values, not the deployment package (its ``CodeSha256`` stays the same). All
of a function's variables together may take at most 4 KB, measured as Lambda
measures them: the variables as one compact JSON object, ``{"KEY":"value"}``.

Notes, "lambda > environment variables" and "lambda > aws lambda limits to know".
"""

import json

import pytest

SOURCE = """
    import os

    def handler(event, context):
        return {"table": os.environ.get("TABLE_NAME"), "region": os.environ["AWS_REGION"]}
"""


@pytest.mark.claim(
    "lambda.env-vars-change-behaviour", quote="adjust the function behavior without updating code"
)
def test_a_configuration_change_changes_behaviour_not_code(aws, deploy, invoke):
    function = deploy(SOURCE, Environment={"Variables": {"TABLE_NAME": "orders-dev"}})
    code_before = aws.lambda_.get_function(FunctionName=function)["Configuration"]["CodeSha256"]
    assert invoke(function) == {"table": "orders-dev", "region": aws.region}
    # HINT: point the function at the "orders-prod" table without deploying code.
    # BEGIN SOLUTION
    aws.lambda_.update_function_configuration(
        FunctionName=function, Environment={"Variables": {"TABLE_NAME": "orders-prod"}}
    )
    # END SOLUTION
    assert invoke(function)["table"] == "orders-prod"
    code_after = aws.lambda_.get_function(FunctionName=function)["Configuration"]["CodeSha256"]
    assert code_after == code_before


@pytest.mark.claim(
    "lambda.env-vars-4kb",
    quote="environment variables: 4kb",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts environment variables of any total size; AWS refuses more than 4 KB "
    "(InvalidParameterValueException)",
)
def test_environment_variables_are_limited_to_4_kb(aws, deploy, settled, error_code):
    def measured(variables: dict) -> int:
        """The size Lambda checks: the variables as compact JSON, in bytes."""
        return len(json.dumps(variables, separators=(",", ":")).encode())

    # HINT: the longest CONFIG value that keeps the variables, measured as Lambda does,
    # HINT: within 4 KB (4,096 bytes).
    # BEGIN SOLUTION
    longest = 4096 - measured({"CONFIG": ""})
    # END SOLUTION
    largest = {"CONFIG": "x" * longest}
    function = deploy(SOURCE, Environment={"Variables": largest})
    assert settled(function)["Environment"]["Variables"] == largest
    too_big = {"Variables": {"CONFIG": "x" * (longest + 1)}}
    update = aws.lambda_.update_function_configuration
    assert error_code(update, FunctionName=function, Environment=too_big) == (
        "InvalidParameterValueException"
    )
