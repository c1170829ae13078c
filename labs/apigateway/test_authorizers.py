"""Who may call a method: Lambda authorizers and Cognito user pools.

A method's ``authorizationType`` says how callers are checked: ``NONE``,
``AWS_IAM`` (signed requests), ``CUSTOM`` (a Lambda authorizer) or
``COGNITO_USER_POOLS``. An authorizer is a resource of the API:

- ``TOKEN``: a Lambda function gets one header (``identitySource``, say
  ``method.request.header.Authorization``), a bearer token, and answers
  with a policy;
- ``REQUEST``: the function gets the request parameters named in
  ``identitySource`` (headers, query strings, stage variables, context);
- ``COGNITO_USER_POOLS``: no function: API Gateway checks the user pool's
  token itself (``providerARNs`` names the pools).

Notes, "api gateway > security" and "api gateway -- security".
"""

import pytest

AUTHORIZERS = "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html"
AUTHORIZER = """
    def handler(event, context):
        return {"principalId": "customer", "policyDocument": {}}
"""


@pytest.fixture
def authorizer_uri(aws, functions) -> str:
    """The invocation URI API Gateway calls for a new authorizer function."""
    arn = functions.deploy(AUTHORIZER, "authorizer")["FunctionArn"]
    return f"arn:aws:apigateway:{aws.region}:lambda:path/2015-03-31/functions/{arn}/invocations"


def protect(aws, api: dict, authorization_type: str, authorizer_id: str) -> dict:
    """A new method, GET /orders, behind the authorizer; as API Gateway describes it."""
    api_id = api["api_id"]
    root = aws.apigateway.get_resources(restApiId=api_id)["items"][0]["id"]
    orders = aws.apigateway.create_resource(restApiId=api_id, parentId=root, pathPart="orders")
    aws.apigateway.put_method(
        restApiId=api_id,
        resourceId=orders["id"],
        httpMethod="GET",
        authorizationType=authorization_type,
        authorizerId=authorizer_id,
    )
    return aws.apigateway.get_method(restApiId=api_id, resourceId=orders["id"], httpMethod="GET")


@pytest.mark.claim(
    "apigateway.token-authorizer", quote="token-based authorizer", source=AUTHORIZERS
)
def test_a_token_authorizer_reads_one_header(aws, hello_api, authorizer_uri):
    authorizer = None
    # HINT: a TOKEN authorizer named "bearer" that calls authorizer_uri with the
    # HINT: Authorization header.
    # BEGIN SOLUTION
    authorizer = aws.apigateway.create_authorizer(
        restApiId=hello_api["api_id"],
        name="bearer",
        type="TOKEN",
        authorizerUri=authorizer_uri,
        identitySource="method.request.header.Authorization",
    )
    # END SOLUTION
    assert (authorizer["type"], authorizer["identitySource"]) == (
        "TOKEN",
        "method.request.header.Authorization",
    )


@pytest.mark.claim(
    "apigateway.request-authorizer",
    quote="a request parameter-based lambda authorizer",
    source=AUTHORIZERS,
)
def test_a_request_authorizer_reads_several_parameters(aws, hello_api, authorizer_uri):
    sources = None
    # HINT: the identitySource of a REQUEST authorizer given the "x-tenant" header and the
    # HINT: "user" query string parameter (comma-separated).
    # BEGIN SOLUTION
    sources = "method.request.header.x-tenant, method.request.querystring.user"
    # END SOLUTION
    authorizer = aws.apigateway.create_authorizer(
        restApiId=hello_api["api_id"],
        name="tenant",
        type="REQUEST",
        authorizerUri=authorizer_uri,
        identitySource=sources,
    )
    method = protect(aws, hello_api, "CUSTOM", authorizer["id"])
    assert (method["authorizationType"], method["authorizerId"]) == ("CUSTOM", authorizer["id"])
    stored = aws.apigateway.get_authorizer(
        restApiId=hello_api["api_id"], authorizerId=authorizer["id"]
    )
    assert [part.strip() for part in stored["identitySource"].split(",")] == [
        "method.request.header.x-tenant",
        "method.request.querystring.user",
    ]


@pytest.mark.claim(
    "apigateway.cognito-authorizer",
    quote="cognito user pools",
    line=1867,
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html",
)
def test_a_user_pool_authorizer_needs_no_function(aws, hello_api, unique_name):
    pool = aws.cognito_idp.create_user_pool(PoolName=unique_name("customers"))["UserPool"]["Arn"]
    authorizer = None
    # HINT: an authorizer named "customers" that checks tokens of `pool` (no Lambda function),
    # HINT: read from the Authorization header.
    # BEGIN SOLUTION
    authorizer = aws.apigateway.create_authorizer(
        restApiId=hello_api["api_id"],
        name="customers",
        type="COGNITO_USER_POOLS",
        providerARNs=[pool],
        identitySource="method.request.header.Authorization",
    )
    # END SOLUTION
    assert (authorizer["type"], authorizer["providerARNs"]) == ("COGNITO_USER_POOLS", [pool])
    assert "authorizerUri" not in authorizer
    method = protect(aws, hello_api, "COGNITO_USER_POOLS", authorizer["id"])
    assert method["authorizationType"] == "COGNITO_USER_POOLS"
