"""Resource-based policies: who may invoke this function.

A function's resource-based policy lets another AWS service (S3, SNS, API
Gateway, an ALB) or another account invoke it: ``AddPermission`` adds a
statement. What the function itself may call is decided elsewhere: by its
execution role.

Notes, "lambda > resource-based policies" and "lambda > alb + lambda -- permission".
"""

import json

import pytest

SOURCE = """
    def handler(event, context):
        return "ok"
"""
POLICY_DOCS = "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html"


@pytest.mark.claim(
    "lambda.resource-policy-direction",
    quote="grant lambda function access to other services or aws accounts",
    errata="The other way round: a function's resource-based policy grants other services "
    "and accounts access to the function (to invoke it); the function's own access to "
    "other services comes from its execution role.",
    source=POLICY_DOCS,
)
def test_a_resource_policy_lets_s3_invoke_the_function(aws, deploy, unique_name):
    function = deploy(SOURCE)
    bucket_arn = f"arn:aws:s3:::{unique_name('uploads')}"
    # HINT: allow S3 (the service principal) to invoke the function, for events from
    # that bucket only; statement id "s3-uploads".
    # BEGIN SOLUTION
    aws.lambda_.add_permission(
        FunctionName=function,
        StatementId="s3-uploads",
        Action="lambda:InvokeFunction",
        Principal="s3.amazonaws.com",
        SourceArn=bucket_arn,
    )
    # END SOLUTION
    policy = json.loads(aws.lambda_.get_policy(FunctionName=function)["Policy"])
    (statement,) = policy["Statement"]
    assert statement["Sid"] == "s3-uploads"
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert statement["Action"] == "lambda:InvokeFunction"
    assert statement["Condition"]["ArnLike"]["AWS:SourceArn"] == bucket_arn
