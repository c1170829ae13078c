"""A front door for an HTTP backend: the HTTP proxy integration (HTTP_PROXY).

An ``HTTP_PROXY`` integration passes the caller's request to an HTTP endpoint
(its method, query string, headers and body) and the endpoint's answer back
to the caller (its status, headers and body): no mapping template, and no
method or integration response to declare. The integration can still add
request headers of its own (``integration.request.header.<name>``, from a
fixed value, another header, a stage variable...).

The backend here is another API: a MOCK ``GET /echo`` answering the query
string ``color`` and the header ``x-source`` it was given, with a header of
its own, ``X-Backend``.

Notes, "api gateway > integration types > http_proxy".
"""

import pytest

HTTP_PROXY = (
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html"
)
NO_INVOKE_URL = "moto serves no invoke URL (404)"
ECHO = """{"color": "$input.params('color')", "source": "$input.params('x-source')"}"""


@pytest.fixture
def backend(aws, hello_api, mock_method, invoke_url) -> str:
    """The URL of the echo backend: a MOCK ``GET /echo`` of its own API, deployed to "dev"."""
    api_id = hello_api["api_id"]
    mock_method(
        api_id, "echo", ECHO, response_parameters={"method.response.header.X-Backend": "'mock'"}
    )
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    return invoke_url(api_id, "dev", "/echo")


@pytest.fixture
def front(aws, unique_name):
    """A new REST API with a ``GET /echo`` that has no integration yet:
    ``{"restApiId", "resourceId", "httpMethod"}``, the method's address."""
    apigw = aws.apigateway
    api_id = apigw.create_rest_api(
        name=unique_name("front"), endpointConfiguration={"types": ["REGIONAL"]}
    )["id"]
    root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
    echo = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="echo")["id"]
    apigw.put_method(restApiId=api_id, resourceId=echo, httpMethod="GET", authorizationType="NONE")
    return {"restApiId": api_id, "resourceId": echo, "httpMethod": "GET"}


@pytest.mark.claim(
    "apigateway.http-proxy-passes-request",
    quote="http request passed to the backend",
    source=HTTP_PROXY,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS passes the query string and headers to the backend"
)
def test_the_backend_gets_the_callers_request(aws, backend, front, send):
    # HINT: make front's GET /echo an HTTP proxy integration of the backend URL (a GET).
    # BEGIN SOLUTION
    aws.apigateway.put_integration(
        **front, type="HTTP_PROXY", integrationHttpMethod="GET", uri=backend
    )
    # END SOLUTION
    aws.apigateway.create_deployment(restApiId=front["restApiId"], stageName="dev")
    status, _, body = send(
        "GET", front["restApiId"], "dev", "/echo?color=red", {"x-source": "browser"}
    )
    assert (status, body) == (200, {"color": "red", "source": "browser"})


@pytest.mark.claim(
    "apigateway.http-proxy-no-mapping",
    quote="no mapping template",
    line=1796,
    source=HTTP_PROXY,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS sends the backend's answer back as it is"
)
def test_the_backends_answer_comes_back_as_it_is(aws, backend, front, send):
    aws.apigateway.put_integration(
        **front, type="HTTP_PROXY", integrationHttpMethod="GET", uri=backend
    )
    aws.apigateway.create_deployment(restApiId=front["restApiId"], stageName="dev")
    expected = None
    # HINT: front declares no method response, no integration response, no template. Predict
    # HINT: (status, the X-Backend header, body) for GET /echo?color=blue, sent without headers.
    # BEGIN SOLUTION
    expected = (200, "mock", {"color": "blue", "source": ""})
    # END SOLUTION
    status, headers, body = send("GET", front["restApiId"], "dev", "/echo?color=blue")
    assert (status, headers.get("x-backend"), body) == expected


@pytest.mark.claim(
    "apigateway.http-proxy-adds-headers", quote="possible to add http headers", source=HTTP_PROXY
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS adds the mapped header to the backend's request"
)
def test_the_integration_adds_a_header(aws, backend, front, send):
    parameters = {}
    # HINT: the integration sends the backend the header x-source with the fixed value
    # HINT: gateway (a request parameter of the integration; a static value in single quotes).
    # BEGIN SOLUTION
    parameters = {"integration.request.header.x-source": "'gateway'"}
    # END SOLUTION
    aws.apigateway.put_integration(
        **front,
        type="HTTP_PROXY",
        integrationHttpMethod="GET",
        uri=backend,
        requestParameters=parameters,
    )
    aws.apigateway.create_deployment(restApiId=front["restApiId"], stageName="dev")
    status, _, body = send("GET", front["restApiId"], "dev", "/echo?color=red")
    assert (status, body) == (200, {"color": "red", "source": "gateway"})
