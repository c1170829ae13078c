"""Where a method sends the request: its integration, checked when it is put.

A method's integration names its backend: a **Lambda** function (``AWS_PROXY``,
or ``AWS`` with mapping templates), an **HTTP** endpoint (``HTTP_PROXY``, or
``HTTP``), the API of another **AWS service** (``AWS``), or nothing at all
(``MOCK``). API Gateway checks the target as the integration is put: an HTTP
integration needs a whole http(s) URL; an AWS one an API Gateway service ARN,
``arn:aws:apigateway:<region>:<service>:action/<Action>`` or ``...:path/<path>``;
a Lambda proxy integration reaches Lambda (or Firehose) only. Whatever the
backend, API Gateway waits for it 29 seconds unless told otherwise
(``timeoutInMillis``, 50 ms at the least).

Notes, "api gateway > integration".
"""

import functools

import pytest

from harness.testkit.iam import service_role

INTEGRATIONS = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-integration-types.html"
PUT_INTEGRATION = "https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html"
ANSWER = 'def handler(event, context):\n    return {"statusCode": 200, "body": "{}"}\n'


@pytest.fixture
def put_integration(aws, hello_api):
    """PutIntegration on the hello API's ``GET /hello``: only the integration's own settings."""
    return functools.partial(
        aws.apigateway.put_integration,
        restApiId=hello_api["api_id"],
        resourceId=hello_api["resource_id"],
        httpMethod="GET",
    )


@pytest.fixture
def integration(aws, hello_api):
    """``integration()``: GET /hello's integration, as API Gateway describes it."""
    return lambda: aws.apigateway.get_integration(
        restApiId=hello_api["api_id"], resourceId=hello_api["resource_id"], httpMethod="GET"
    )


@pytest.mark.claim("apigateway.integration-lambda", quote="lambda", line=1752, source=INTEGRATIONS)
def test_a_proxy_integration_reaches_a_lambda_function(
    aws, functions, lambda_uri, put_integration, integration, error_code
):
    function_arn = functions.deploy(ANSWER)["FunctionArn"]
    not_lambda = f"arn:aws:apigateway:{aws.region}:s3:path/reports/latest.csv"
    refused = error_code(
        put_integration, type="AWS_PROXY", integrationHttpMethod="POST", uri=not_lambda
    )
    assert refused == "BadRequestException", "a proxy integration calls Lambda, not S3"
    # HINT: make the function GET /hello's Lambda proxy integration (lambda_uri gives its URI;
    # HINT: API Gateway calls Lambda with POST).
    # BEGIN SOLUTION
    put_integration(type="AWS_PROXY", integrationHttpMethod="POST", uri=lambda_uri(function_arn))
    # END SOLUTION
    answer = integration()
    assert (answer["type"], answer["uri"]) == ("AWS_PROXY", lambda_uri(function_arn))


@pytest.mark.claim("apigateway.integration-http", quote="http", line=1753, source=PUT_INTEGRATION)
def test_an_http_integration_needs_a_whole_url(put_integration, integration, error_code):
    refused = error_code(
        put_integration, type="HTTP", integrationHttpMethod="GET", uri="orders.example.com/orders"
    )
    assert refused == "BadRequestException", "no scheme: not a URL"
    # HINT: make GET /hello an HTTP integration that GETs https://orders.example.com/orders.
    # BEGIN SOLUTION
    put_integration(
        type="HTTP", integrationHttpMethod="GET", uri="https://orders.example.com/orders"
    )
    # END SOLUTION
    answer = integration()
    assert (answer["type"], answer["httpMethod"], answer["uri"]) == (
        "HTTP",
        "GET",
        "https://orders.example.com/orders",
    )


@pytest.mark.claim(
    "apigateway.integration-aws-service", quote="aws service", line=1754, source=PUT_INTEGRATION
)
def test_an_aws_integration_names_an_action_of_the_service(
    aws, unique_name, put_integration, integration, error_code
):
    role = service_role(aws.iam, unique_name("apigw-sqs"), "apigateway.amazonaws.com")
    account = role.split(":")[4]
    refused = error_code(
        put_integration,
        type="AWS",
        integrationHttpMethod="POST",
        uri=f"arn:aws:apigateway:{aws.region}:sqs",
        credentials=role,
    )
    assert refused == "BadRequestException", "which action, or which path, of SQS?"
    uri = None
    # HINT: the URI of SQS's API at the path of the queue "orders" of this account
    # HINT: (arn:aws:apigateway:<region>:<service>:path/<path>).
    # BEGIN SOLUTION
    uri = f"arn:aws:apigateway:{aws.region}:sqs:path/{account}/orders"
    # END SOLUTION
    put_integration(type="AWS", integrationHttpMethod="POST", uri=uri, credentials=role)
    answer = integration()
    assert (answer["type"], answer["credentials"]) == ("AWS", role)
    assert answer["uri"].startswith(f"arn:aws:apigateway:{aws.region}:sqs:path/")


@pytest.mark.claim(
    "apigateway.integration-timeout",
    beyond_notes="An integration waits 29 seconds (29,000 ms) for its backend unless told "
    "otherwise; a timeout under 50 ms is refused.",
    source=PUT_INTEGRATION,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives a new integration no timeoutInMillis and accepts 49 ms; AWS reports "
    "29000 and refuses a timeout under 50 ms (BadRequestException)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts an integration timeout of 49 ms; AWS refuses one under 50 ms "
    "(BadRequestException)",
)
def test_an_integration_waits_29_seconds_unless_told_otherwise(
    put_integration, integration, error_code
):
    put_integration(type="HTTP", integrationHttpMethod="GET", uri="https://orders.example.com/")
    # HINT: predict the default timeoutInMillis of the new integration, and the shortest
    # HINT: timeout API Gateway accepts (in milliseconds).
    # BEGIN SOLUTION
    default, shortest = 29000, 50
    # END SOLUTION
    assert integration()["timeoutInMillis"] == default
    http = {"type": "HTTP", "integrationHttpMethod": "GET", "uri": "https://orders.example.com/"}
    assert error_code(put_integration, **http, timeoutInMillis=shortest - 1) == (
        "BadRequestException"
    )
    put_integration(**http, timeoutInMillis=shortest)
    assert integration()["timeoutInMillis"] == shortest
