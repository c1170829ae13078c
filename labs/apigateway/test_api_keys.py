"""Selling the "hello" API: API keys and a usage plan.

A method can require an API key. A caller then sends the key in the
``x-api-key`` header; API Gateway refuses a request without a valid key
(403 Forbidden) before any integration runs. A key works only once it is
in a usage plan that covers the API's stage; the plan sets the throttling
and quota for the keys in it.

Notes, "api gateway > usage plans & api keys" and "correct order for api keys".
"""

import pytest


@pytest.fixture
def keyed_api(aws, make_hello_api) -> str:
    """The hello API with ``GET /hello`` requiring an API key, deployed to "prod": its id."""
    api_id = make_hello_api(api_key_required=True)["api_id"]
    aws.apigateway.create_deployment(restApiId=api_id, stageName="prod")
    return api_id


@pytest.mark.claim(
    "apigateway.api-key-header",
    quote="the header: `x-api-key`",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto serves no invoke URL (404); AWS refuses a call without a key (403)"
)
def test_a_customer_calls_with_a_key_from_a_usage_plan(aws, keyed_api, call, unique_name):
    status, _ = call(keyed_api, "prod", "/hello")
    assert status == 403, "no x-api-key header"
    # HINT: create an enabled API key, a usage plan on stage "prod" of keyed_api (throttle
    # 10 requests/s, burst 20; quota 1000 a day), put the key in the plan, and keep its value.
    # BEGIN SOLUTION
    key = aws.apigateway.create_api_key(name=unique_name("customer"), enabled=True)
    plan = aws.apigateway.create_usage_plan(
        name=unique_name("basic"),
        apiStages=[{"apiId": keyed_api, "stage": "prod"}],
        throttle={"rateLimit": 10.0, "burstLimit": 20},
        quota={"limit": 1000, "period": "DAY"},
    )
    aws.apigateway.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    key_value = key["value"]
    # END SOLUTION
    assert call(keyed_api, "prod", "/hello", {"x-api-key": key_value}) == (
        200,
        {"message": "hello"},
    )
    status, _ = call(keyed_api, "prod", "/hello", {"x-api-key": "not-a-key-of-ours"})
    assert status == 403
