"""Who may call a method: IAM, Lambda authorizers and Cognito user pools.

A method's ``authorizationType`` says how callers are checked: ``NONE``,
``AWS_IAM`` (requests signed with IAM credentials whose policies allow
``execute-api:Invoke`` on the method; an unsigned call gets 403 "Missing
Authentication Token"), ``CUSTOM`` (a Lambda authorizer) or
``COGNITO_USER_POOLS`` (a call without a token gets 401). An authorizer is a
resource of the API:

- ``TOKEN``: a Lambda function gets one header (``identitySource``, say
  ``method.request.header.Authorization``), a bearer token, and answers
  with a policy;
- ``REQUEST``: the function gets the request parameters named in
  ``identitySource`` (headers, query strings, stage variables, context);
- ``COGNITO_USER_POOLS``: no function: API Gateway checks the user pool's
  token itself (``providerARNs`` names the pools).

Notes, "api gateway > security" and "api gateway -- security".
"""

import json

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from harness.testkit.iam import allow, policy_document

IAM_ACCESS = "https://docs.aws.amazon.com/apigateway/latest/developerguide/permissions.html"
COGNITO = "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html"
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
    source=COGNITO,
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


NO_INVOKE_URL = "moto serves no invoke URL (404)"
# A TOKEN authorizer: allows the caller whose bearer token is "open-sesame", denies the others.
DECIDER = """
def handler(event, context):
    effect = "Allow" if event["authorizationToken"] == "Bearer open-sesame" else "Deny"
    statement = {"Action": "execute-api:Invoke", "Effect": effect, "Resource": event["methodArn"]}
    policy = {"Version": "2012-10-17", "Statement": [statement]}
    return {"principalId": "customer", "policyDocument": policy}
"""


@pytest.mark.claim("apigateway.iam-authorization", quote="iam roles", line=1764, source=IAM_ACCESS)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS refuses an unsigned call to an AWS_IAM method (403)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition checks no IAM authorization: an unsigned call to an AWS_IAM "
    "method gets 200; AWS answers 403",
)
def test_an_iam_method_refuses_an_unsigned_call(aws, hello_api, mock_method, call):
    api_id = hello_api["api_id"]
    options = {}
    # HINT: the PutMethod option (a dict of keyword arguments) that makes GET /admin accept
    # HINT: only requests signed with IAM credentials.
    # BEGIN SOLUTION
    options = {"authorizationType": "AWS_IAM"}
    # END SOLUTION
    mock_method(api_id, "admin", '{"message": "admin"}', **options)
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    assert call(api_id, "dev", "/admin") == (403, {"message": "Missing Authentication Token"})
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello"}), "NONE: anyone"


@pytest.mark.claim(
    "apigateway.iam-invoke-permission",
    quote="iam permission to iam roles iam users",
    source=IAM_ACCESS,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS lets in the user whose policy allows execute-api:Invoke"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition enforces no IAM policy: the user without "
    "execute-api:Invoke gets through; AWS refuses it (403)",
)
def test_only_a_user_allowed_to_invoke_gets_in(
    aws, hello_api, mock_method, unique_name, invoke_url, send
):
    api_id = hello_api["api_id"]
    mock_method(api_id, "admin", '{"message": "admin"}', authorizationType="AWS_IAM")
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    assert send("GET", api_id, "dev", "/admin")[0] == 403, "unsigned"
    account = aws.sts.get_caller_identity()["Account"]

    def user(stem: str, statements: list) -> Credentials:
        name = unique_name(stem)
        aws.iam.create_user(UserName=name)
        if statements:
            document = json.dumps(policy_document(*statements))
            aws.iam.put_user_policy(UserName=name, PolicyName="api", PolicyDocument=document)
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return Credentials(key["AccessKeyId"], key["SecretAccessKey"])

    statements = []
    # HINT: the statements of the operator's policy: allow the action that calls an API, on
    # HINT: GET /admin of this API's "dev" stage only
    # HINT: (arn:aws:execute-api:<region>:<account>:<api id>/<stage>/<method>/<path>).
    # BEGIN SOLUTION
    admin = f"arn:aws:execute-api:{aws.region}:{account}:{api_id}/dev/GET/admin"
    statements = [allow("execute-api:Invoke", admin)]
    # END SOLUTION
    operator, visitor = user("operator", statements), user("visitor", [])

    def status_signed_by(credentials: Credentials) -> int:
        request = AWSRequest(method="GET", url=invoke_url(api_id, "dev", "/admin"))
        SigV4Auth(credentials, "execute-api", aws.region).add_auth(request)
        return send("GET", api_id, "dev", "/admin", dict(request.headers.items()))[0]

    assert status_signed_by(operator) == 200
    assert status_signed_by(visitor) == 403


@pytest.mark.claim("apigateway.cognito-authorization", quote="cognito", line=1765, source=COGNITO)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS lets in a caller with the pool's ID token only"
)
def test_a_user_pool_token_opens_the_method(aws, hello_api, mock_method, unique_name, call):
    idp = aws.cognito_idp
    pool = idp.create_user_pool(PoolName=unique_name("customers"))["UserPool"]
    api_id = hello_api["api_id"]
    authorizer = aws.apigateway.create_authorizer(
        restApiId=api_id,
        name="customers",
        type="COGNITO_USER_POOLS",
        providerARNs=[pool["Arn"]],
        identitySource="method.request.header.Authorization",
    )["id"]
    mock_method(
        api_id,
        "orders",
        '{"orders": []}',
        authorizationType="COGNITO_USER_POOLS",
        authorizerId=authorizer,
    )
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    assert call(api_id, "dev", "/orders") == (401, {"message": "Unauthorized"}), "no token"
    client_id = idp.create_user_pool_client(
        UserPoolId=pool["Id"],
        ClientName="web",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool["Id"], Username="alice", MessageAction="SUPPRESS")
    password = "Correct-Horse-9"
    idp.admin_set_user_password(
        UserPoolId=pool["Id"], Username="alice", Password=password, Permanent=True
    )
    tokens = idp.initiate_auth(
        ClientId=client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "alice", "PASSWORD": password},
    )["AuthenticationResult"]
    headers = {}
    # HINT: the request headers that carry alice's ID token to the method (`tokens` holds
    # HINT: her IdToken, AccessToken and RefreshToken).
    # BEGIN SOLUTION
    headers = {"Authorization": tokens["IdToken"]}
    # END SOLUTION
    assert call(api_id, "dev", "/orders", headers) == (200, {"orders": []})


@pytest.mark.claim(
    "apigateway.custom-authorizer-decides", quote="custom authorizer", source=AUTHORIZERS
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS lets the authorizer function decide"
)
def test_the_authorizer_function_decides(
    aws, hello_api, functions, lambda_uri, let_api_invoke, mock_method, call
):
    api_id = hello_api["api_id"]
    function = functions.deploy(DECIDER, "decider")
    let_api_invoke(function["FunctionName"], api_id)
    authorizer = aws.apigateway.create_authorizer(
        restApiId=api_id,
        name="bearer",
        type="TOKEN",
        authorizerUri=lambda_uri(function["FunctionArn"]),
        identitySource="method.request.header.Authorization",
        authorizerResultTtlInSeconds=0,
    )["id"]
    mock_method(
        api_id, "orders", '{"orders": []}', authorizationType="CUSTOM", authorizerId=authorizer
    )
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    expected = None
    # HINT: predict the status of GET /orders with the header Authorization "Bearer open-sesame",
    # HINT: then "Bearer guess", then with no Authorization header at all.
    # BEGIN SOLUTION
    expected = (200, 403, 401)
    # END SOLUTION
    statuses = (
        call(api_id, "dev", "/orders", {"Authorization": "Bearer open-sesame"})[0],
        call(api_id, "dev", "/orders", {"Authorization": "Bearer guess"})[0],
        call(api_id, "dev", "/orders")[0],
    )
    assert statuses == expected
