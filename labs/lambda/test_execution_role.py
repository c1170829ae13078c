"""The execution role: what the function itself may do.

A function calls other services with the credentials of its execution role
(the role Lambda assumes for it). Without a permission, the call is refused
(``AccessDenied``) however the function is invoked; a policy on the role that
allows it lets the same code through.

Notes, "lambda > lambda execution role".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document

LISTS_BUCKETS = """
    import boto3
    from botocore.exceptions import ClientError

    def handler(event, context):
        try:
            boto3.client("s3").list_buckets()
            return "listed"
        except ClientError as error:
            return error.response["Error"]["Code"]
"""


@pytest.mark.claim(
    "lambda.execution-role-grants-access",
    quote="grant lambda to access other aws resources",
    source="https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto enforces no IAM policy: the function's call succeeds without a permission; "
    "AWS refuses it (AccessDenied) until the execution role allows it",
)
def test_the_function_may_do_what_its_role_allows(aws, deploy, role, invoke, eventually):
    function = deploy(LISTS_BUCKETS)
    assert invoke(function) == "AccessDenied", "the role allows nothing yet"
    # HINT: let the execution role (`role`) list the account's buckets (an inline role policy).
    # BEGIN SOLUTION
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="list-buckets",
        PolicyDocument=json.dumps(policy_document(allow("s3:ListAllMyBuckets"))),
    )
    # END SOLUTION
    # A role's new policy reaches Lambda within seconds.
    assert eventually(lambda: invoke(function) == "listed" or None)
