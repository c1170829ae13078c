"""Putting an "orders" function behind the API: the Lambda proxy integration (AWS_PROXY).

With a proxy integration API Gateway uses no mapping template. It hands the
whole HTTP request to the function as one event (``httpMethod``, ``path``,
``queryStringParameters``, ``headers``, ``body``, and the stage's
``stageVariables``), and it turns the function's answer,
``{"statusCode", "headers", "body"}`` with ``body`` a string, into the HTTP
response. An answer of any other shape is not a response it can send: the
caller gets 502. The greedy resource ``/{proxy+}`` with the ``ANY`` method
sends every path and every method to the one function.

API Gateway may invoke the function only once the function's resource-based
policy allows it (``lambda:AddPermission``, principal ``apigateway.amazonaws.com``):
the ``proxy_api`` fixture grants that.

Notes, "api gateway > integration types", "stage variables" and "api gateway -- errors".
"""

import json

import pytest

PROXY_FORMAT = (
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
    "set-up-lambda-proxy-integrations.html"
)
PROXY_ERRORS = "https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html"
NO_INVOKE_URL = "moto serves no invoke URL (its S3 routes answer: 404, or 500 to a POST)"

# What the function saw of the request, sent back as the response body.
ECHO = """
import json

def handler(event, context):
    headers = {name.lower(): value for name, value in event["headers"].items()}
    seen = {
        "httpMethod": event["httpMethod"],
        "path": event["path"],
        "queryStringParameters": event["queryStringParameters"],
        "x-shop": headers.get("x-shop"),
        "body": event["body"],
    }
    return {"statusCode": 200, "body": json.dumps(seen)}
"""


def lambda_uri(region: str, function_arn: str) -> str:
    """The integration URI of a function: API Gateway calls Lambda's Invoke API (a POST)."""
    return (
        f"arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function_arn}/invocations"
    )


@pytest.fixture
def proxy_api(aws, functions, unique_name):
    """``proxy_api(source, integrate=True)``: a function from ``source``, and a new REST API
    with ``ANY /{proxy+}`` that may invoke it; with ``integrate``, the function is that
    method's Lambda proxy integration. ``{"api_id", "resource_id", "function_arn"}``.

    Nothing is deployed yet.
    """
    apigw = aws.apigateway

    def proxy_api(source: str, integrate: bool = True) -> dict:
        function_arn = functions.deploy(source)["FunctionArn"]
        api_id = apigw.create_rest_api(
            name=unique_name("orders"), endpointConfiguration={"types": ["REGIONAL"]}
        )["id"]
        root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
        resource_id = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="{proxy+}")[
            "id"
        ]
        apigw.put_method(
            restApiId=api_id, resourceId=resource_id, httpMethod="ANY", authorizationType="NONE"
        )
        account = function_arn.split(":")[4]
        aws.lambda_.add_permission(
            FunctionName=function_arn,
            StatementId="api-gateway",
            Action="lambda:InvokeFunction",
            Principal="apigateway.amazonaws.com",
            SourceArn=f"arn:aws:execute-api:{aws.region}:{account}:{api_id}/*",
        )
        if integrate:
            apigw.put_integration(
                restApiId=api_id,
                resourceId=resource_id,
                httpMethod="ANY",
                type="AWS_PROXY",
                integrationHttpMethod="POST",
                uri=lambda_uri(aws.region, function_arn),
            )
        return {"api_id": api_id, "resource_id": resource_id, "function_arn": function_arn}

    return proxy_api


@pytest.mark.claim(
    "apigateway.lambda-proxy-event",
    quote="no mapping template, headers, query string parameters,... are passed as arguments",
    source=PROXY_FORMAT,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS passes the request to the function as the proxy event"
)
def test_the_function_gets_the_whole_request(aws, proxy_api, send):
    api = proxy_api(ECHO, integrate=False)
    # HINT: make the function the integration of ANY /{proxy+}: type AWS_PROXY; API Gateway
    # always calls Lambda with POST; the uri comes from lambda_uri(aws.region, ...).
    # BEGIN SOLUTION
    aws.apigateway.put_integration(
        restApiId=api["api_id"],
        resourceId=api["resource_id"],
        httpMethod="ANY",
        type="AWS_PROXY",
        integrationHttpMethod="POST",
        uri=lambda_uri(aws.region, api["function_arn"]),
    )
    # END SOLUTION
    aws.apigateway.create_deployment(restApiId=api["api_id"], stageName="dev")
    status, _, seen = send(
        "POST", api["api_id"], "dev", "/orders/7?color=red", {"X-Shop": "lab"}, '{"qty": 2}'
    )
    assert status == 200
    assert seen == {
        "httpMethod": "POST",
        "path": "/orders/7",
        "queryStringParameters": {"color": "red"},
        "x-shop": "lab",
        "body": '{"qty": 2}',
    }


@pytest.mark.claim(
    "apigateway.lambda-proxy-response",
    beyond_notes="With a Lambda proxy integration, the function's answer (statusCode, headers, "
    "and body as a string) is the HTTP response the caller gets.",
    source=PROXY_FORMAT,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS sends the function's statusCode, headers and body"
)
def test_the_function_answer_is_the_http_response(aws, proxy_api, send):
    answer = {}
    # HINT: `answer` is what the function returns: 201 (Created), a Location header
    # "/orders/8", and the body {"id": 8} (the body is a string: JSON text).
    # BEGIN SOLUTION
    answer = {
        "statusCode": 201,
        "headers": {"Location": "/orders/8"},
        "body": json.dumps({"id": 8}),
    }
    # END SOLUTION
    api_id = proxy_api(f"def handler(event, context):\n    return {answer!r}\n")["api_id"]
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    status, headers, body = send("POST", api_id, "dev", "/orders", body='{"qty": 2}')
    assert (status, headers.get("location"), body) == (201, "/orders/8", {"id": 8})


@pytest.mark.claim(
    "apigateway.lambda-proxy-malformed-502", quote="5xx", line=1858, source=PROXY_ERRORS
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS answers 502 to a malformed proxy answer"
)
def test_a_malformed_answer_is_a_502(aws, proxy_api, send):
    # The classic mistake: a body that is a JSON object, not a string.
    source = 'def handler(event, context):\n    return {"statusCode": 200, "body": {"id": 8}}\n'
    api_id = proxy_api(source)["api_id"]
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    expected = None
    # HINT: what does the caller get? (status, decoded body): the function ran, but
    # API Gateway cannot turn its answer into a response.
    # BEGIN SOLUTION
    expected = (502, {"message": "Internal server error"})
    # END SOLUTION
    assert send("GET", api_id, "dev", "/orders/8")[::2] == expected


@pytest.mark.claim(
    "apigateway.stage-variables-in-event",
    quote="stage variables are passed to the `context` object in lambda",
    errata="With a Lambda proxy integration the stage variables arrive in the event "
    '(event["stageVariables"]); the Lambda context object carries none.',
    source=PROXY_FORMAT,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS puts the stage variables in the proxy event"
)
def test_the_function_finds_stage_variables_in_the_event(aws, proxy_api, send):
    source = """
    import json

    def handler(event, context):
        found = {
            "event": event["stageVariables"],
            "context": [name for name in dir(context) if "stage" in name.lower()],
        }
        return {"statusCode": 200, "body": json.dumps(found)}
    """
    api_id = proxy_api(source)["api_id"]
    # HINT: deploy to a "prod" stage whose stage variable env is "production".
    # BEGIN SOLUTION
    aws.apigateway.create_deployment(
        restApiId=api_id, stageName="prod", variables={"env": "production"}
    )
    # END SOLUTION
    found = send("GET", api_id, "prod", "/orders")[::2]
    assert found == (200, {"event": {"env": "production"}, "context": []})


@pytest.mark.claim(
    "apigateway.lambda-proxy-forwards-every-request",
    quote="AWS_Proxy (lambda proxy): incoming requests will be forwarded to the lambda",
    source=PROXY_FORMAT,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS forwards every path and method under /{{proxy+}}"
)
def test_every_path_and_method_reaches_the_function(aws, proxy_api, send):
    api_id = proxy_api(ECHO)["api_id"]
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    requests = [("DELETE", "/customers/3"), ("PUT", "/orders/7/lines/1"), ("GET", "/")]
    expected = None
    # HINT: for each request, predict whether ANY /{proxy+} forwards it to the function
    # HINT: (True or False); the root resource / has no method of its own.
    # BEGIN SOLUTION
    expected = [True, True, False]
    # END SOLUTION
    answers = [send(method, api_id, "dev", path) for method, path in requests]
    assert [status == 200 for status, _, _ in answers] == expected
    seen = answers[0][2]
    assert (seen["httpMethod"], seen["path"]) == ("DELETE", "/customers/3")
