"""Shipping a "hello" API: a MOCK integration, deployments and stages.

A REST API is resources and methods; each method hands the request to an
integration (here MOCK: API Gateway answers by itself from a mapping
template, no backend). Nothing is callable until the API is **deployed** to
a **stage** (``dev``, ``prod``), and a stage keeps serving the deployment it
points at: editing the API changes nothing live until the next deployment,
and pointing the stage back at an older deployment rolls it back. Stage
variables are a stage's own settings, readable in mapping templates. A
canary deployment leaves the stage on its deployment and sends a share of
its requests (``percentTraffic``) to the new one.

Notes, "api gateway > deployment stages", "stage variables", "integration types",
"api gateway -- canary deployment".
"""

import json

import pytest

DEPLOY = "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-deploy-api.html"
TEST_METHOD = "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-test-method.html"


@pytest.mark.claim(
    "apigateway.mock-integration",
    quote="MOCK: returns a response without sending requests to the backend",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto serves no invoke URL (404); AWS runs the MOCK integration"
)
def test_a_mock_integration_answers_once_deployed(aws, hello_api, call):
    api_id = hello_api["api_id"]
    # HINT: deploy the API to a stage named "dev" (create_deployment).
    # BEGIN SOLUTION
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    # END SOLUTION
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello"})


@pytest.mark.claim(
    "apigateway.changes-need-deployment",
    quote="need to make a deployment for them to be in effect",
    source=DEPLOY,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto serves no invoke URL (404); AWS serves a stage's last deployment"
)
def test_an_edit_goes_live_only_with_a_deployment(aws, hello_api, set_answer, call):
    api_id = hello_api["api_id"]
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    set_answer('{"message": "hello, v2"}')
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello"}), "not deployed yet"
    # HINT: make the edit live on "dev".
    # BEGIN SOLUTION
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    # END SOLUTION
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello, v2"})


@pytest.mark.claim(
    "apigateway.test-invoke-before-deployment",
    quote="making changes for the api gateway does not mean they are effective",
    source=TEST_METHOD,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no TestInvokeMethod (NotImplementedError, answered 500) and serves no "
    "invoke URL; AWS runs the method as it is now, while the stage serves its deployment",
)
def test_a_test_invocation_runs_the_method_before_it_is_deployed(aws, hello_api, set_answer, call):
    api_id = hello_api["api_id"]
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    set_answer('{"message": "hello, v2"}')
    tested = None
    # HINT: run GET /hello as the console's Test button does (test_invoke_method, with
    # the path /hello) and keep its answer in `tested`.
    # BEGIN SOLUTION
    tested = aws.apigateway.test_invoke_method(
        restApiId=api_id,
        resourceId=hello_api["resource_id"],
        httpMethod="GET",
        pathWithQueryString="/hello",
    )
    # END SOLUTION
    assert (tested["status"], json.loads(tested["body"])) == (200, {"message": "hello, v2"})
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello"}), "callers: not deployed"


@pytest.mark.claim("apigateway.stage-rollback", quote="stage can roll back")
def test_a_stage_rolls_back_to_an_earlier_deployment(aws, hello_api, set_answer):
    api_id = hello_api["api_id"]
    first = aws.apigateway.create_deployment(restApiId=api_id, stageName="prod")["id"]
    set_answer('{"message": "broken"}')
    second = aws.apigateway.create_deployment(restApiId=api_id, stageName="prod")["id"]
    assert aws.apigateway.get_stage(restApiId=api_id, stageName="prod")["deploymentId"] == second
    # HINT: point the "prod" stage back at the first deployment (update_stage, a patch operation).
    # BEGIN SOLUTION
    aws.apigateway.update_stage(
        restApiId=api_id,
        stageName="prod",
        patchOperations=[{"op": "replace", "path": "/deploymentId", "value": first}],
    )
    # END SOLUTION
    assert aws.apigateway.get_stage(restApiId=api_id, stageName="prod")["deploymentId"] == first


@pytest.mark.claim(
    "apigateway.stage-variables",
    quote="like environment variables for api gateway",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/stage-variables.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto serves no invoke URL (404); AWS fills $stageVariables in templates"
)
def test_each_stage_answers_with_its_own_variables(aws, hello_api, set_answer, call):
    api_id = hello_api["api_id"]
    set_answer('{"message": "hello from $stageVariables.env"}')
    aws.apigateway.create_deployment(
        restApiId=api_id, stageName="dev", variables={"env": "development"}
    )
    # HINT: deploy to a "prod" stage whose stage variable env is "production".
    # BEGIN SOLUTION
    aws.apigateway.create_deployment(
        restApiId=api_id, stageName="prod", variables={"env": "production"}
    )
    # END SOLUTION
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello from development"})
    assert call(api_id, "prod", "/hello") == (200, {"message": "hello from production"})


@pytest.mark.claim(
    "apigateway.canary-deployment",
    quote="split a certain percentage of traffic to the canary channel",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto ignores a deployment's canarySettings; AWS gives the stage a canary"
)
def test_a_canary_deployment_takes_a_share_of_the_stage(aws, hello_api, set_answer):
    api_id = hello_api["api_id"]
    stable = aws.apigateway.create_deployment(restApiId=api_id, stageName="prod")["id"]
    set_answer('{"message": "hello, v2"}')
    # HINT: deploy the edit to "prod" as a canary that gets 10 % of the stage's requests.
    # BEGIN SOLUTION
    aws.apigateway.create_deployment(
        restApiId=api_id, stageName="prod", canarySettings={"percentTraffic": 10.0}
    )
    # END SOLUTION
    stage = aws.apigateway.get_stage(restApiId=api_id, stageName="prod")
    assert stage["deploymentId"] == stable, "90 % still get the stable deployment"
    assert stage["canarySettings"]["percentTraffic"] == 10.0
    assert stage["canarySettings"]["deploymentId"] != stable


@pytest.mark.claim(
    "apigateway.mapping-templates-are-vtl",
    quote="uses Velecity template language(vtl) or javascript",
    errata="A REST API's mapping templates are written in VTL (Velocity) only; JavaScript "
    "resolvers belong to AppSync, not to API Gateway.",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto serves no invoke URL (404); AWS runs the template's VTL"
)
def test_a_mapping_template_is_velocity(aws, hello_api, set_answer, call):
    api_id = hello_api["api_id"]
    template = None
    # HINT: a VTL template that sets a variable $who to "lab" (#set) and answers
    # HINT: {"message": "hello, lab"} with it.
    # BEGIN SOLUTION
    template = '#set($who = "lab")\n{"message": "hello, $who"}'
    # END SOLUTION
    set_answer(template)
    aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")
    assert call(api_id, "dev", "/hello") == (200, {"message": "hello, lab"})
    assert "#set" in template
