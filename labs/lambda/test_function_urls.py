"""Lambda function URLs: an HTTPS endpoint of the function's own.

A function URL is attached to ``$LATEST`` or to an alias (never to a
numbered version). Its AuthType says who may call it: ``NONE`` (anyone; the
resource-based policy still applies: a URL created through the API answers
403 until the policy lets everyone invoke the function through it) or
``AWS_IAM`` (signed requests, judged by identity- and resource-based policies).
A URL answers browsers of other origins with its own CORS settings.

Notes, "lambda > lambda -- function url".
"""

import json
import urllib.error
import urllib.request

import pytest

HELLO = """
def handler(event, context):
    return {"statusCode": 200, "body": "hello"}
"""


@pytest.mark.claim("lambda.function-url-alias", quote="can be applied to alias or $latest")
def test_a_url_belongs_to_latest_or_to_an_alias(aws, deploy):
    name = deploy(HELLO)
    version = aws.lambda_.publish_version(FunctionName=name)["Version"]
    aws.lambda_.create_alias(FunctionName=name, Name="live", FunctionVersion=version)
    # HINT: create one URL for $LATEST (no qualifier) and one for the alias "live".
    # BEGIN SOLUTION
    latest = aws.lambda_.create_function_url_config(FunctionName=name, AuthType="NONE")
    live = aws.lambda_.create_function_url_config(
        FunctionName=name, Qualifier="live", AuthType="AWS_IAM"
    )
    # END SOLUTION
    assert latest["FunctionUrl"] != live["FunctionUrl"], "each gets an address of its own"
    stored = aws.lambda_.get_function_url_config(FunctionName=name, Qualifier="live")
    assert (stored["FunctionUrl"], stored["AuthType"]) == (live["FunctionUrl"], "AWS_IAM")


@pytest.mark.claim(
    "lambda.function-url-auth-types",
    quote="authType: configure public access",
    source="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores any AuthType; AWS accepts only NONE and AWS_IAM (ValidationException)",
)
def test_only_two_auth_types_exist(aws, deploy, error_code):
    name = deploy(HELLO)
    # HINT: which AuthType is not one of the two that exist? (a guess AWS refuses)
    # BEGIN SOLUTION
    made_up = "PUBLIC"
    # END SOLUTION
    create = aws.lambda_.create_function_url_config
    assert error_code(create, FunctionName=name, AuthType=made_up) == "ValidationException"
    assert create(FunctionName=name, AuthType="NONE")["AuthType"] == "NONE"


@pytest.mark.claim(
    "lambda.function-url-cors",
    quote="cors",
    line=1514,
    source="https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors",
)
def test_a_url_answers_browsers_with_its_own_cors_settings(aws, deploy):
    name = deploy(HELLO)
    plain = aws.lambda_.create_function_url_config(FunctionName=name, AuthType="NONE")
    assert not plain.get("Cors"), "no CORS unless configured"
    cors = None
    # HINT: CORS settings that let pages of https://shop.example.com call the URL with GET.
    # BEGIN SOLUTION
    cors = {"AllowOrigins": ["https://shop.example.com"], "AllowMethods": ["GET"]}
    # END SOLUTION
    aws.lambda_.update_function_url_config(FunctionName=name, Cors=cors)
    stored = aws.lambda_.get_function_url_config(FunctionName=name)["Cors"]
    assert (stored["AllowOrigins"], stored["AllowMethods"]) == (
        ["https://shop.example.com"],
        ["GET"],
    )


@pytest.mark.claim(
    "lambda.function-url-none-needs-policy",
    quote="resource-based policy is always in effect",
    source="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto serves no function URL (its address is outside the emulator); AWS answers "
    "403 until the function's policy lets everyone invoke it through the URL",
)
def test_a_public_url_still_needs_the_functions_policy(aws, deploy):
    name = deploy(HELLO)
    url = aws.lambda_.create_function_url_config(FunctionName=name, AuthType="NONE")["FunctionUrl"]
    assert http_get(url) == 403, "AuthType NONE, but the policy lets nobody in"
    # HINT: let anyone ("*") call the function through its URL, as AuthType NONE requires
    # HINT: (two statements: lambda:InvokeFunctionUrl with FunctionUrlAuthType="NONE", and
    # HINT: lambda:InvokeFunction with InvokedViaFunctionUrl=True).
    # BEGIN SOLUTION
    aws.lambda_.add_permission(
        FunctionName=name,
        StatementId="public-url",
        Action="lambda:InvokeFunctionUrl",
        Principal="*",
        FunctionUrlAuthType="NONE",
    )
    aws.lambda_.add_permission(
        FunctionName=name,
        StatementId="public-invoke",
        Action="lambda:InvokeFunction",
        Principal="*",
        InvokedViaFunctionUrl=True,
    )
    # END SOLUTION
    assert http_get(url) == 200


def http_get(url: str) -> int:
    """The status of a plain GET: what any browser on the internet would get."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.claim(
    "lambda.function-url-not-on-a-version",
    quote="can be applied to alias or $latest",
    source="https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunctionUrlConfig.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto gives a numbered version a URL; AWS refuses it (ValidationException)"
)
def test_a_numbered_version_gets_no_url(aws, deploy, error_code):
    name = deploy(HELLO)
    version = aws.lambda_.publish_version(FunctionName=name)["Version"]
    create = aws.lambda_.create_function_url_config
    # HINT: predict whether Lambda gives the published version (Qualifier=version) a URL
    # HINT: (True or False).
    # BEGIN SOLUTION
    gets_one = False
    # END SOLUTION
    refused = error_code(create, FunctionName=name, Qualifier=version, AuthType="NONE")
    assert (refused is None, refused) == (gets_one, "ValidationException")


URL_AUTH = "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"


@pytest.mark.claim(
    "lambda.function-url-resource-policy", quote="resource-based policy", line=1513, source=URL_AUTH
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto copies AddPermission's FunctionUrlAuthType into the statement as it is; AWS "
    'turns it into the condition {"StringEquals": {"lambda:FunctionUrlAuthType": ...}}',
)
def test_who_may_call_a_url_is_in_the_functions_policy(aws, deploy, error_code):
    name = deploy(HELLO)
    aws.lambda_.create_function_url_config(FunctionName=name, AuthType="AWS_IAM")
    no_policy = error_code(aws.lambda_.get_policy, FunctionName=name)
    assert no_policy == "ResourceNotFoundException", "nobody else may call it yet"
    # HINT: in the function's resource-based policy, let account 444455556666 call the
    # HINT: function's URL (lambda:InvokeFunctionUrl), whose AuthType is AWS_IAM.
    # BEGIN SOLUTION
    aws.lambda_.add_permission(
        FunctionName=name,
        StatementId="partner-url",
        Action="lambda:InvokeFunctionUrl",
        Principal="444455556666",
        FunctionUrlAuthType="AWS_IAM",
    )
    # END SOLUTION
    statement = json.loads(aws.lambda_.get_policy(FunctionName=name)["Policy"])["Statement"][0]
    assert statement["Action"] == "lambda:InvokeFunctionUrl"
    assert statement["Condition"] == {"StringEquals": {"lambda:FunctionUrlAuthType": "AWS_IAM"}}


def url_open_to_everyone(aws, name: str, auth_type: str) -> str:
    """A URL of ``auth_type`` for the function, whose policy lets everyone (``*``) call it."""
    url = aws.lambda_.create_function_url_config(FunctionName=name, AuthType=auth_type)
    aws.lambda_.add_permission(
        FunctionName=name,
        StatementId="everyone-url",
        Action="lambda:InvokeFunctionUrl",
        Principal="*",
        FunctionUrlAuthType=auth_type,
    )
    aws.lambda_.add_permission(
        FunctionName=name,
        StatementId="everyone-invoke",
        Action="lambda:InvokeFunction",
        Principal="*",
        InvokedViaFunctionUrl=True,
    )
    return url["FunctionUrl"]


@pytest.mark.claim(
    "lambda.function-url-none-unauthenticated",
    quote="none: allow public access and unauthenticated access",
    source=URL_AUTH,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto serves no function URL (its address is outside the emulator); AWS answers an "
    "unsigned request to a NONE URL, and refuses it (403) at an AWS_IAM one",
)
def test_only_a_none_url_answers_unsigned_requests(aws, deploy):
    urls = {auth: url_open_to_everyone(aws, deploy(HELLO), auth) for auth in ("NONE", "AWS_IAM")}
    # HINT: both functions' policies let everyone in. Predict the status of a plain,
    # HINT: unsigned GET to each URL (200 or 403), by AuthType.
    # BEGIN SOLUTION
    expected = {"NONE": 200, "AWS_IAM": 403}
    # END SOLUTION
    assert {auth: http_get(url) for auth, url in urls.items()} == expected
