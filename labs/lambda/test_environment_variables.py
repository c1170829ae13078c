"""Environment variables: change what a function does without changing its code.

The same code reads ``os.environ``; a configuration update changes the
values, not the deployment package (its ``CodeSha256`` stays the same). All
of a function's variables together may take at most 4 KB.

Notes, "lambda > environment variables" and "lambda > aws lambda limits to know".
"""

import pytest
from botocore.exceptions import ClientError

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


@pytest.mark.claim("lambda.env-vars-4kb", quote="environment variables: 4kb")
@pytest.mark.emulator_gap("moto", reason="moto accepts environment variables of any total size")
def test_environment_variables_are_limited_to_4_kb(aws, deploy):
    # HINT: build variables whose total size is just over the limit, in `too_big`.
    # BEGIN SOLUTION
    too_big = {"CONFIG": "x" * 4097}
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        deploy(SOURCE, Environment={"Variables": too_big})
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValueException"
