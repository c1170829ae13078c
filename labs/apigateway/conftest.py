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
import textwrap
import urllib.error
import urllib.request

import pytest

from harness.lambda_runtime import zip_package

TRUST_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}


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
def call(aws):
    """``call(api_id, stage, path, headers=None)``: ``(status, body)`` of an HTTP GET to the API."""

    def call(api_id: str, stage: str, path: str, headers: dict | None = None) -> tuple[int, object]:
        url = f"{aws.endpoint_url}/restapis/{api_id}/{stage}/_user_request_/{path.lstrip('/')}"
        request = urllib.request.Request(url, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, raw.decode(errors="replace")

    return call


@pytest.fixture
def send(aws):
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
        url = f"{aws.endpoint_url}/restapis/{api_id}/{stage}/_user_request_/{path.lstrip('/')}"
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
def make_function(aws, unique_name):
    """``make_function(source)``: the ARN of a new python3.12 function whose ``app.py`` is
    ``source`` (dedented), handler ``app.handler``."""
    lambda_ = aws.lambda_  # first: skips the test where the backend has no Lambda
    role = aws.iam.create_role(
        RoleName=unique_name("role"), AssumeRolePolicyDocument=json.dumps(TRUST_POLICY)
    )["Role"]["Arn"]

    def make_function(source: str) -> str:
        return lambda_.create_function(
            FunctionName=unique_name("fn"),
            Runtime="python3.12",
            Role=role,
            Handler="app.handler",
            Code={"ZipFile": zip_package({"app.py": textwrap.dedent(source)})},
        )["FunctionArn"]

    return make_function
