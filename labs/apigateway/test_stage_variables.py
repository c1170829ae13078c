"""One API, a backend per stage: stage variables in integrations and mappings.

A stage variable is read where API Gateway builds the call to the backend:
in an integration's URI, written ``${stageVariables.<name>}`` (the name of
the Lambda function, or its alias, or the host of an HTTP endpoint), in a
parameter mapping (``stageVariables.<name>`` as the source of a header), and
in a mapping template (``$stageVariables.<name>``, or ``${stageVariables.<name>}``).
One deployment then reaches a different backend from each stage: "dev" calls
the function's ``dev`` alias, "prod" its ``prod`` alias. API Gateway may
invoke each alias only once that alias's resource-based policy says so.

Notes, "api gateway > stage variables" and "api gateway stage variables & lambda aliases".
"""

import pytest

STAGE_VARIABLES = "https://docs.aws.amazon.com/apigateway/latest/developerguide/aws-api-gateway-stage-variables-reference.html"
NO_INVOKE_URL = "moto serves no invoke URL (404)"
# A proxy answer naming the function, and the alias it was called through (if any).
WHO_AM_I = """
def handler(event, context):
    name = context.invoked_function_arn.split(":function:")[1]
    return {"statusCode": 200, "body": name}
"""


@pytest.fixture
def whoami_api(aws, unique_name):
    """``whoami_api(uri)``: a new REST API whose ``GET /whoami`` is a Lambda proxy
    integration of ``uri``; its id. Nothing is deployed."""
    apigw = aws.apigateway

    def whoami_api(uri: str) -> str:
        api_id = apigw.create_rest_api(
            name=unique_name("whoami"), endpointConfiguration={"types": ["REGIONAL"]}
        )["id"]
        root = apigw.get_resources(restApiId=api_id)["items"][0]["id"]
        resource = apigw.create_resource(restApiId=api_id, parentId=root, pathPart="whoami")
        method = {"restApiId": api_id, "resourceId": resource["id"], "httpMethod": "GET"}
        apigw.put_method(**method, authorizationType="NONE")
        apigw.put_integration(**method, type="AWS_PROXY", integrationHttpMethod="POST", uri=uri)
        return api_id

    return whoami_api


@pytest.fixture
def aliased_function(aws, functions) -> dict:
    """The WHO_AM_I function with two aliases, "dev" and "prod": ``{"name", "arn"}``."""
    function = functions.deploy(WHO_AM_I, "orders")
    for alias in ("dev", "prod"):
        aws.lambda_.create_alias(
            FunctionName=function["FunctionName"], Name=alias, FunctionVersion="$LATEST"
        )
    return {"name": function["FunctionName"], "arn": function["FunctionArn"]}


def answers(call, api_id: str) -> dict:
    """What ``GET /whoami`` answers on each stage, "dev" and "prod"."""
    return {stage: call(api_id, stage, "/whoami") for stage in ("dev", "prod")}


@pytest.mark.claim(
    "apigateway.stage-variable-names-the-function", quote="lambda arn", source=STAGE_VARIABLES
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS calls the function the stage variable names"
)
def test_each_stage_calls_the_function_its_variable_names(
    aws, functions, whoami_api, lambda_uri, let_api_invoke, call
):
    testing, live = (functions.deploy(WHO_AM_I, stem) for stem in ("testing", "live"))
    region, account = aws.region, testing["FunctionArn"].split(":")[4]
    function_arn = None
    # HINT: the ARN of the function whose name is the stage variable "function".
    # BEGIN SOLUTION
    function_arn = f"arn:aws:lambda:{region}:{account}:function:${{stageVariables.function}}"
    # END SOLUTION
    api_id = whoami_api(lambda_uri(function_arn))
    for function, stage in ((testing, "dev"), (live, "prod")):
        let_api_invoke(function["FunctionName"], api_id)
        variables = {"function": function["FunctionName"]}
        aws.apigateway.create_deployment(restApiId=api_id, stageName=stage, variables=variables)
    assert answers(call, api_id) == {
        "dev": (200, testing["FunctionName"]),
        "prod": (200, live["FunctionName"]),
    }


@pytest.mark.claim(
    "apigateway.stage-variables-name-aliases",
    quote="create stage variables to indicate the corresponding lambda aliases",
    source=STAGE_VARIABLES,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS calls the alias the stage's variable names"
)
def test_each_stage_names_its_alias(
    aws, aliased_function, whoami_api, lambda_uri, let_api_invoke, call
):
    name = aliased_function["name"]
    api_id = whoami_api(lambda_uri(f"{aliased_function['arn']}:${{stageVariables.alias}}"))
    for alias in ("dev", "prod"):
        let_api_invoke(name, api_id, qualifier=alias)
    # HINT: deploy the API to the stages "dev" and "prod", each with the stage variable
    # HINT: "alias" naming the function's alias of the same name.
    # BEGIN SOLUTION
    for stage in ("dev", "prod"):
        aws.apigateway.create_deployment(
            restApiId=api_id, stageName=stage, variables={"alias": stage}
        )
    # END SOLUTION
    assert answers(call, api_id) == {"dev": (200, f"{name}:dev"), "prod": (200, f"{name}:prod")}


@pytest.mark.claim(
    "apigateway.stage-variable-picks-the-alias",
    quote="then api gateway will automatically invoke the right lambda function",
    source=STAGE_VARIABLES,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS calls the alias the stage's variable names"
)
def test_the_integration_uri_reads_the_alias(
    aws, aliased_function, whoami_api, lambda_uri, let_api_invoke, call
):
    name = aliased_function["name"]
    function_arn = None
    # HINT: the ARN of the function's alias whose name is the stage variable "alias"
    # HINT: (an alias is a qualifier after the function's ARN: <arn>:<alias>).
    # BEGIN SOLUTION
    function_arn = f"{aliased_function['arn']}:${{stageVariables.alias}}"
    # END SOLUTION
    api_id = whoami_api(lambda_uri(function_arn))
    for alias in ("dev", "prod"):
        let_api_invoke(name, api_id, qualifier=alias)
        aws.apigateway.create_deployment(
            restApiId=api_id, stageName=alias, variables={"alias": alias}
        )
    assert answers(call, api_id) == {"dev": (200, f"{name}:dev"), "prod": (200, f"{name}:prod")}


@pytest.mark.claim(
    "apigateway.stage-variable-in-http-endpoint",
    quote="http endpoint",
    line=1776,
    source=STAGE_VARIABLES,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS calls the endpoint the stage variable names"
)
def test_each_stage_calls_its_own_http_backend(aws, make_hello_api, mock_method, invoke_url, call):
    backend = make_hello_api()["api_id"]
    for name in ("testing", "live"):
        mock_method(backend, name, f'{{"backend": "{name}"}}')
    aws.apigateway.create_deployment(restApiId=backend, stageName="live")
    scheme, _, address = invoke_url(backend, "live", "/").partition("://")
    front = make_hello_api()
    uri = None
    # HINT: the URI of an HTTP endpoint, <scheme>://<host and path>, whose host and path are
    # HINT: the stage variable "backend".
    # BEGIN SOLUTION
    uri = f"{scheme}://${{stageVariables.backend}}"
    # END SOLUTION
    aws.apigateway.put_integration(
        restApiId=front["api_id"],
        resourceId=front["resource_id"],
        httpMethod="GET",
        type="HTTP_PROXY",
        integrationHttpMethod="GET",
        uri=uri,
    )
    for stage, name in (("dev", "testing"), ("prod", "live")):
        aws.apigateway.create_deployment(
            restApiId=front["api_id"], stageName=stage, variables={"backend": address + name}
        )
    assert call(front["api_id"], "dev", "/hello") == (200, {"backend": "testing"})
    assert call(front["api_id"], "prod", "/hello") == (200, {"backend": "live"})


@pytest.mark.claim(
    "apigateway.stage-variable-in-parameter-mapping",
    quote="parameter mapping templates",
    source=STAGE_VARIABLES,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS maps the stage variable to the response header"
)
def test_a_response_header_comes_from_a_stage_variable(aws, hello_api, mock_method, send):
    api_id = hello_api["api_id"]
    mapping = {}
    # HINT: map the response header X-Env to the stage variable env.
    # BEGIN SOLUTION
    mapping = {"method.response.header.X-Env": "stageVariables.env"}
    # END SOLUTION
    mock_method(api_id, "env", "{}", response_parameters=mapping)
    for stage, env in (("dev", "development"), ("prod", "production")):
        aws.apigateway.create_deployment(restApiId=api_id, stageName=stage, variables={"env": env})
    headers = {
        stage: send("GET", api_id, stage, "/env")[1].get("x-env") for stage in ("dev", "prod")
    }
    assert headers == {"dev": "development", "prod": "production"}


@pytest.mark.claim(
    "apigateway.stage-variable-format",
    quote="format: ${stageVariables.variableName}",
    source=STAGE_VARIABLES,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS fills ${{stageVariables.env}} in the template"
)
def test_a_template_reads_a_stage_variable_in_braces(aws, hello_api, set_answer, call):
    api_id = hello_api["api_id"]
    template = None
    # HINT: a template answering {"message": "hello from <the stage variable env>"}, the
    # HINT: variable written in its ${...} form.
    # BEGIN SOLUTION
    template = '{"message": "hello from ${stageVariables.env}"}'
    # END SOLUTION
    set_answer(template)
    for stage, env in (("dev", "development"), ("prod", "production")):
        aws.apigateway.create_deployment(restApiId=api_id, stageName=stage, variables={"env": env})
    assert "${stageVariables." in template
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello from development"})
    assert call(api_id, "prod", "/hello") == (200, {"message": "hello from production"})
