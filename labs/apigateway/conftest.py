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
def call(send):
    """``call(api_id, stage, path, headers=None)``: ``(status, body)`` of an HTTP GET to the API."""

    def call(api_id: str, stage: str, path: str, headers: dict | None = None) -> tuple[int, object]:
        status, _, body = send("GET", api_id, stage, path, headers)
        return status, body

    return call
