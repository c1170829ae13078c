"""Two things API Gateway does before any backend is called: validation and CORS.

A **request validator** checks a request against the method's declared
requirements (required query strings and headers, a body model) and answers
400 by itself when they are missing: the integration never runs. A browser
calling an API on another origin first sends a **CORS preflight**: an
``OPTIONS`` request, which the API answers (here with a MOCK integration)
with the ``Access-Control-Allow-*`` headers saying which origins, methods and
headers it accepts.

Notes, "api gateway > rest api -- request validation" and "api gateway -- cors".
"""

import pytest

CORS = "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html"


@pytest.mark.claim(
    "apigateway.request-validation",
    quote="can configure api gateway to perform basic validation without calling the backend",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no UpdateMethod (NotImplementedError, answered as an error) and serves "
    "no invoke URL; AWS refuses the request without the parameter (400) and serves it with (200)",
)
def test_a_request_without_a_required_parameter_is_refused(aws, hello_api, send):
    api_id, resource_id = hello_api["api_id"], hello_api["resource_id"]
    apigw = aws.apigateway
    # HINT: make the query string parameter "name" required on GET /hello
    # (update_method, patch path /requestParameters/method.request.querystring.name),
    # and have a request validator that validates parameters (create_request_validator)
    # attached to the method (patch path /requestValidatorId).
    # BEGIN SOLUTION
    validator = apigw.create_request_validator(
        restApiId=api_id, name="parameters", validateRequestParameters=True
    )["id"]
    apigw.update_method(
        restApiId=api_id,
        resourceId=resource_id,
        httpMethod="GET",
        patchOperations=[
            {
                "op": "add",
                "path": "/requestParameters/method.request.querystring.name",
                "value": "true",
            },
            {"op": "replace", "path": "/requestValidatorId", "value": validator},
        ],
    )
    # END SOLUTION
    apigw.create_deployment(restApiId=api_id, stageName="dev")
    status, _, body = send("GET", api_id, "dev", "/hello")
    assert status == 400
    assert "name" in body["message"]
    assert send("GET", api_id, "dev", "/hello?name=lab")[::2] == (200, {"message": "hello"})


@pytest.mark.claim(
    "apigateway.cors-preflight",
    quote="access-control-allow-origins",
    errata="The preflight answer's header is Access-Control-Allow-Origin (singular): "
    "there is no Access-Control-Allow-Origins header.",
    source=CORS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto serves no invoke URL: the OPTIONS preflight gets 403 with an empty body; "
    "AWS runs the MOCK integration and answers 200 with the Access-Control-Allow-* headers",
)
def test_a_preflight_gets_the_cors_headers(aws, hello_api, send):
    headers = {}
    # HINT: `headers` maps each CORS response header the preflight must carry to its
    # value: any origin ('*'), the methods GET and OPTIONS, the header Content-Type.
    # Use the real header names, in the form method.response.header.<Name>.
    # BEGIN SOLUTION
    headers = {
        "method.response.header.Access-Control-Allow-Origin": "'*'",
        "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'",
        "method.response.header.Access-Control-Allow-Headers": "'Content-Type'",
    }
    # END SOLUTION
    status, answer = preflight(aws, hello_api, send, headers)
    assert status == 200
    assert answer["access-control-allow-origin"] == "*"
    assert set(answer["access-control-allow-methods"].split(",")) == {"GET", "OPTIONS"}
    assert answer["access-control-allow-headers"] == "Content-Type"


def preflight(aws, api: dict, send, headers: dict) -> tuple[int, dict]:
    """Answer OPTIONS /hello with a MOCK integration setting ``headers``, deploy to "dev",
    send a browser's preflight: ``(status, response headers)``."""
    apigw = aws.apigateway
    common = {"restApiId": api["api_id"], "resourceId": api["resource_id"], "httpMethod": "OPTIONS"}
    apigw.put_method(**common, authorizationType="NONE")
    apigw.put_integration(
        **common, type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'}
    )
    apigw.put_method_response(
        **common, statusCode="200", responseParameters={name: False for name in headers}
    )
    apigw.put_integration_response(**common, statusCode="200", responseParameters=headers)
    apigw.create_deployment(restApiId=api["api_id"], stageName="dev")
    status, answer, _ = send(
        "OPTIONS",
        api["api_id"],
        "dev",
        "/hello",
        {"Origin": "https://shop.example", "Access-Control-Request-Method": "GET"},
    )
    return status, answer


MOTO_NO_PREFLIGHT = (
    "moto serves no invoke URL: the OPTIONS preflight gets 403 with an empty body; AWS runs "
    "the MOCK integration and answers 200 with the header"
)


@pytest.mark.claim(
    "apigateway.cors-allow-methods", quote="access-control-allow-methods", source=CORS
)
@pytest.mark.emulator_gap("moto", reason=MOTO_NO_PREFLIGHT)
def test_the_preflight_names_the_allowed_methods(aws, hello_api, send):
    headers = {}
    # HINT: the one response parameter that tells the browser it may send GET, PUT and OPTIONS.
    # BEGIN SOLUTION
    headers = {"method.response.header.Access-Control-Allow-Methods": "'GET,PUT,OPTIONS'"}
    # END SOLUTION
    status, answer = preflight(aws, hello_api, send, headers)
    assert status == 200
    assert set(answer["access-control-allow-methods"].split(",")) == {"GET", "PUT", "OPTIONS"}


@pytest.mark.claim(
    "apigateway.cors-allow-headers", quote="access-control-allow-headers", source=CORS
)
@pytest.mark.emulator_gap("moto", reason=MOTO_NO_PREFLIGHT)
def test_the_preflight_names_the_allowed_headers(aws, hello_api, send):
    headers = {}
    # HINT: the one response parameter that lets the browser send the headers Content-Type and
    # HINT: x-api-key.
    # BEGIN SOLUTION
    headers = {"method.response.header.Access-Control-Allow-Headers": "'Content-Type,x-api-key'"}
    # END SOLUTION
    status, answer = preflight(aws, hello_api, send, headers)
    assert status == 200
    allowed = {name.strip().lower() for name in answer["access-control-allow-headers"].split(",")}
    assert allowed == {"content-type", "x-api-key"}
