"""Shared fixtures for the API Gateway labs: a REST API with a MOCK method, a Lambda
function to put behind an API, and callers.

The callers send plain HTTP to the API's invoke URL in the path form that
LocalStack serves on its own endpoint, ``/restapis/<id>/<stage>/_user_request_/<path>``.
moto serves no invoke URL at all (404), so the labs that call the API are gaps there.
On moto a function really runs (the harness's Python runtime); LocalStack here has
no Lambda, so the labs that need a function skip there.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest


@pytest.fixture
def make_hello_api(aws, unique_name):
    """``make_hello_api(api_key_required=False)``: a new REST API whose ``GET /hello`` is a
    MOCK integration answering ``{"message": "hello"}``; ``{"api_id", "resource_id"}``.

    Nothing is deployed yet.
    """

    def make_hello_api(api_key_required: bool = False) -> dict:
        apigw = aws.apigateway
        api_id = apigw.create_rest_api(
            name=unique_name("hello"), endpointConfiguration={"types": ["REGIONAL"]}
        )["id"]
        root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
        resource_id = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="hello")["id"]
        apigw.put_method(
            restApiId=api_id,
            resourceId=resource_id,
            httpMethod="GET",
            authorizationType="NONE",
            apiKeyRequired=api_key_required,
        )
        apigw.put_integration(
            restApiId=api_id,
            resourceId=resource_id,
            httpMethod="GET",
            type="MOCK",
            requestTemplates={"application/json": '{"statusCode": 200}'},
        )
        apigw.put_method_response(
            restApiId=api_id, resourceId=resource_id, httpMethod="GET", statusCode="200"
        )
        api = {"api_id": api_id, "resource_id": resource_id}
        set_mock_answer(aws, api, '{"message": "hello"}')
        return api

    return make_hello_api


@pytest.fixture
def hello_api(make_hello_api) -> dict:
    """A new REST API with a MOCK ``GET /hello`` (see ``make_hello_api``), not deployed."""
    return make_hello_api()


@pytest.fixture
def set_answer(aws, hello_api):
    """``set_answer(template)``: edit what ``GET /hello`` answers (its mapping template)."""
    return lambda template: set_mock_answer(aws, hello_api, template)


def set_mock_answer(aws, api: dict, template: str) -> None:
    aws.apigateway.put_integration_response(
        restApiId=api["api_id"],
        resourceId=api["resource_id"],
        httpMethod="GET",
        statusCode="200",
        responseTemplates={"application/json": template},
    )


@pytest.fixture
def invoke_url(aws):
    """``invoke_url(api_id, stage, path)``: the URL a caller (or another API) sends to."""

    def invoke_url(api_id: str, stage: str, path: str) -> str:
        return f"{aws.endpoint_url}/restapis/{api_id}/{stage}/_user_request_/{path.lstrip('/')}"

    return invoke_url


@pytest.fixture
def send(invoke_url):
    """``send(method, api_id, stage, path, headers=None, body=None)``: ``(status, headers, body)``
    of an HTTP request to the API; header names in lower case, a JSON body decoded."""

    def send(
        method: str,
        api_id: str,
        stage: str,
        path: str,
        headers: dict | None = None,
        body: str | None = None,
    ) -> tuple[int, dict, object]:
        url = invoke_url(api_id, stage, path)
        data = body.encode() if body is not None else None
        request = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, answer, raw = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, answer, raw = error.code, error.headers, error.read()
        try:
            decoded = json.loads(raw)
        except ValueError:
            decoded = raw.decode(errors="replace")
        return status, {name.lower(): value for name, value in answer.items()}, decoded

    return send


@pytest.fixture
def call(send):
    """``call(api_id, stage, path, headers=None)``: ``(status, body)`` of an HTTP GET to the API."""

    def call(api_id: str, stage: str, path: str, headers: dict | None = None) -> tuple[int, object]:
        status, _, body = send("GET", api_id, stage, path, headers)
        return status, body

    return call


@pytest.fixture
def lambda_uri(aws):
    """``lambda_uri(function_arn)``: the integration URI of a function (API Gateway calls
    Lambda's Invoke API, with POST)."""

    def lambda_uri(function_arn: str) -> str:
        return (
            f"arn:aws:apigateway:{aws.region}:lambda:path/2015-03-31/functions/"
            f"{function_arn}/invocations"
        )

    return lambda_uri


@pytest.fixture
def let_api_invoke(aws):
    """``let_api_invoke(function, api_id, qualifier=None)``: the function's resource-based
    policy lets API Gateway (any method of the API, or its authorizers) invoke it."""

    def let_api_invoke(function: str, api_id: str, qualifier: str | None = None) -> None:
        account = aws.sts.get_caller_identity()["Account"]
        extra = {"Qualifier": qualifier} if qualifier else {}
        aws.lambda_.add_permission(
            FunctionName=function,
            StatementId=f"api-gateway-{api_id}",
            Action="lambda:InvokeFunction",
            Principal="apigateway.amazonaws.com",
            SourceArn=f"arn:aws:execute-api:{aws.region}:{account}:{api_id}/*",
            **extra,
        )

    return let_api_invoke


@pytest.fixture
def mock_method(aws):
    """``mock_method(api_id, path_part, template, response_parameters=None, **method_options)``:
    a new resource ``/<path_part>`` under the root whose GET is a MOCK integration answering
    ``template`` (status 200); the resource's id. ``response_parameters`` maps response
    headers (``method.response.header.<Name>``) to their source; ``method_options`` go to
    PutMethod (``authorizationType`` is NONE unless said otherwise)."""

    def mock_method(
        api_id: str,
        path_part: str,
        template: str,
        response_parameters: dict | None = None,
        **method_options,
    ) -> str:
        apigw = aws.apigateway
        [root] = [
            item for item in apigw.get_resources(restApiId=api_id)["items"] if item["path"] == "/"
        ]
        resource_id = apigw.create_resource(
            restApiId=api_id, parentId=root["id"], pathPart=path_part
        )["id"]
        method = {"restApiId": api_id, "resourceId": resource_id, "httpMethod": "GET"}
        apigw.put_method(**method, **{"authorizationType": "NONE", **method_options})
        apigw.put_integration(
            **method, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'}
        )
        mapped = response_parameters or {}
        apigw.put_method_response(
            **method, statusCode="200", responseParameters={name: False for name in mapped}
        )
        apigw.put_integration_response(
            **method,
            statusCode="200",
            responseTemplates={"application/json": template},
            responseParameters=mapped,
        )
        return resource_id

    return mock_method
