"""Reshaping what goes in and what comes out: mapping templates (non-proxy integrations).

With a non-proxy integration (``AWS`` for a Lambda function or another
service, ``HTTP`` for an endpoint) the backend gets what the **request
template** writes, not the request: a VTL template per content type
(``application/json``, ``application/xml``...) that reads the request
(``$input.json('$.qty')`` from the body, ``$input.params('color')`` from the
query string or a header) and writes the backend's input. The **response
template** does the same with the backend's answer: rename, drop, add. A
request whose content type has no template is refused (415) when the
integration says ``passthroughBehavior=NEVER``. Response **headers** are
mapped too (``method.response.header.<Name>``), here from a fixed value.

The "orders" function below answers what it was given (``seen``), with an id
and an internal field a customer must not see.

Notes, "api gateway > integration types" and "mapping templates (aws & http integration)".
"""

import json

import pytest

MAPPING = "https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html"
NO_INVOKE_URL = "moto serves no invoke URL (its S3 routes answer: 404, or 500 to a POST)"
ORDERS = """
def handler(event, context):
    return {"id": 8, "seen": event, "internal": "cost price 3.10"}
"""
JSON = {"Content-Type": "application/json"}


@pytest.fixture
def mapped_api(aws, functions, unique_name, lambda_uri, let_api_invoke):
    """``mapped_api(request_template=None, response_template=None)``: a new REST API whose
    ``POST /orders`` calls the "orders" function through an ``AWS`` (non-proxy) integration
    with these JSON templates (none: passed through as is), deployed to "dev"; its id."""
    apigw = aws.apigateway

    def mapped_api(request_template: str | None = None, response_template: str | None = None):
        function_arn = functions.deploy(ORDERS, "orders")["FunctionArn"]
        api_id = apigw.create_rest_api(
            name=unique_name("orders"), endpointConfiguration={"types": ["REGIONAL"]}
        )["id"]
        let_api_invoke(function_arn, api_id)
        root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
        orders = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="orders")["id"]
        method = {"restApiId": api_id, "resourceId": orders, "httpMethod": "POST"}
        apigw.put_method(**method, authorizationType="NONE")
        request = {"requestTemplates": {"application/json": request_template}}
        apigw.put_integration(
            **method,
            type="AWS",
            integrationHttpMethod="POST",
            uri=lambda_uri(function_arn),
            **(request if request_template else {}),
        )
        apigw.put_method_response(**method, statusCode="200")
        response = {"responseTemplates": {"application/json": response_template}}
        apigw.put_integration_response(
            **method, statusCode="200", **(response if response_template else {})
        )
        apigw.create_deployment(restApiId=api_id, stageName="dev")
        return api_id

    return mapped_api


@pytest.fixture
def order(send):
    """``order(api_id, path="/orders", body={"qty": 2})``: ``(status, decoded body)`` of a
    JSON POST to the API's "dev" stage."""

    def order(api_id: str, path: str = "/orders", body: dict | None = None) -> tuple:
        payload = json.dumps({"qty": 2} if body is None else body)
        status, _, answer = send("POST", api_id, "dev", path, JSON, payload)
        return status, answer

    return order


@pytest.mark.claim(
    "apigateway.non-proxy-request-template",
    quote="HTTP/AWS(lambda or other services): setup data mapping using mapping template",
    source=MAPPING,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS sends the function what the request template writes"
)
def test_the_function_gets_what_the_request_template_writes(mapped_api, order):
    template = None
    # HINT: a request template whose output is {"color": <the query string's color>,
    # HINT: "order": <the whole JSON body>} ($input.params, $input.json).
    # BEGIN SOLUTION
    template = """{"color": "$input.params('color')", "order": $input.json('$')}"""
    # END SOLUTION
    status, answer = order(mapped_api(template), "/orders?color=red")
    assert status == 200
    assert answer["seen"] == {"color": "red", "order": {"qty": 2}}, "no proxy event"


@pytest.mark.claim(
    "apigateway.mapping-request-and-response",
    quote="used to modify request/response",
    source=MAPPING,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS applies the request and the response templates"
)
def test_a_template_on_each_side(mapped_api, order):
    templates = {"request": None, "response": None}
    # HINT: the request template sends the function {"quantity": <the body's qty>}; the
    # HINT: response template answers {"order": <the function's id>, "quantity": <the
    # HINT: quantity the function saw>}.
    # BEGIN SOLUTION
    templates = {
        "request": """{"quantity": $input.json('$.qty')}""",
        "response": "{\"order\": $input.json('$.id'), "
        """"quantity": $input.json('$.seen.quantity')}""",
    }
    # END SOLUTION
    api_id = mapped_api(templates["request"], templates["response"])
    assert order(api_id) == (200, {"order": 8, "quantity": 2})


@pytest.mark.claim("apigateway.mapping-body", quote="modify body content", source=MAPPING)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS rewrites the body with the request template"
)
def test_the_template_rewrites_the_body(mapped_api, order):
    template = None
    # HINT: the function must get {"quantity": 2, "unit": "box"} when the caller sends
    # HINT: {"qty": 2}: rename qty, add a fixed unit.
    # BEGIN SOLUTION
    template = """{"quantity": $input.json('$.qty'), "unit": "box"}"""
    # END SOLUTION
    status, answer = order(mapped_api(template))
    assert (status, answer["seen"]) == (200, {"quantity": 2, "unit": "box"})


@pytest.mark.claim(
    "apigateway.mapping-query-string", quote="rename/modify query string parameters", source=MAPPING
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS maps the query string with the request template"
)
def test_the_template_renames_a_query_string_parameter(mapped_api, order):
    template = None
    # HINT: the caller sends ?color=red; the function must get {"colour": "red"}.
    # BEGIN SOLUTION
    template = """{"colour": "$input.params('color')"}"""
    # END SOLUTION
    status, answer = order(mapped_api(template), "/orders?color=red")
    assert (status, answer["seen"]) == (200, {"colour": "red"})


@pytest.mark.claim(
    "apigateway.mapping-filter-response",
    quote="filter out results (remove unnecessary data)",
    source=MAPPING,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS answers what the response template writes"
)
def test_the_response_template_drops_internal_fields(mapped_api, order):
    template = None
    # HINT: a response template that keeps only the function's id: {"id": 8}.
    # BEGIN SOLUTION
    template = """{"id": $input.json('$.id')}"""
    # END SOLUTION
    assert order(mapped_api(response_template=template)) == (200, {"id": 8})
    status, everything = order(mapped_api())
    assert (status, everything["internal"]) == (200, "cost price 3.10"), "no template: all of it"


@pytest.mark.claim(
    "apigateway.mapping-response-header",
    quote="add headers",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto serves no invoke URL (404); AWS adds the mapped response header"
)
def test_a_response_header_is_added(aws, hello_api, mock_method, send):
    api_id = hello_api["api_id"]
    mapping = {}
    # HINT: map the response header X-Version to the fixed value v2 (a static value is
    # HINT: written in single quotes).
    # BEGIN SOLUTION
    mapping = {"method.response.header.X-Version": "'v2'"}
    # END SOLUTION
    mock_method(api_id, "version", '{"version": 2}', response_parameters=mapping)
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    status, headers, _ = send("GET", api_id, "dev", "/version")
    assert (status, headers.get("x-version")) == (200, "v2")
    assert "x-version" not in send("GET", api_id, "dev", "/hello")[1], "not mapped there"


@pytest.mark.claim(
    "apigateway.mapping-content-types",
    quote="content-type: application/json or application/xml",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html",
)
@pytest.mark.emulator_gap("moto", reason=f"{NO_INVOKE_URL}; AWS picks the template by Content-Type")
def test_a_template_is_chosen_by_content_type(aws, hello_api, send):
    api_id = hello_api["api_id"]
    method = {"restApiId": api_id, "resourceId": hello_api["resource_id"], "httpMethod": "POST"}
    aws.apigateway.put_method(**method, authorizationType="NONE")
    templates = {}
    # HINT: request templates (content type -> template) for JSON and XML requests; each
    # HINT: writes the MOCK integration's input {"statusCode": 200}.
    # BEGIN SOLUTION
    templates = {
        "application/json": '{"statusCode": 200}',
        "application/xml": '{"statusCode": 200}',
    }
    # END SOLUTION
    aws.apigateway.put_integration(
        **method, type="MOCK", requestTemplates=templates, passthroughBehavior="NEVER"
    )
    aws.apigateway.put_method_response(**method, statusCode="200")
    aws.apigateway.put_integration_response(
        **method, statusCode="200", responseTemplates={"application/json": '{"accepted": true}'}
    )
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")

    def status(content_type: str, body: str) -> int:
        return send("POST", api_id, "dev", "/hello", {"Content-Type": content_type}, body)[0]

    assert status("application/xml", "<order><qty>2</qty></order>") == 200
    assert status("application/json", '{"qty": 2}') == 200
    assert status("text/plain", "2 boxes") == 415, "no template for it: refused"
