"""Selling the "hello" API: API keys and a usage plan.

A method can require an API key. A caller then sends the key in the
``x-api-key`` header; API Gateway refuses a request without a valid key
(403 Forbidden) before any integration runs. A key works only once it is
in a usage plan that covers the API's stage; the plan sets the throttling
and quota for the keys in it: each customer's key gets its plan's limits, and
a plan can limit one method of a stage more tightly.

Notes, "api gateway > usage plans & api keys" and "correct order for api keys".
"""

import pytest

USAGE_PLANS = (
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html"
)


@pytest.fixture
def keyed_api(aws, make_hello_api) -> str:
    """The hello API with ``GET /hello`` requiring an API key, deployed to "prod": its id."""
    api_id = make_hello_api(api_key_required=True)["api_id"]
    aws.apigateway.create_deployment(restApiId=api_id, stageName="prod")
    return api_id


@pytest.mark.claim(
    "apigateway.api-key-header",
    quote="the header: `x-api-key`",
    source=USAGE_PLANS,
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


@pytest.mark.claim(
    "apigateway.usage-plan-per-client",
    quote="configure throttling limits and quota limits for individual client",
    source=USAGE_PLANS,
)
def test_each_customer_gets_the_limits_of_their_plan(aws, keyed_api, unique_name):
    apigw = aws.apigateway
    stage = [{"apiId": keyed_api, "stage": "prod"}]
    basic = apigw.create_usage_plan(
        name=unique_name("basic"), apiStages=stage, quota={"limit": 1000, "period": "MONTH"}
    )["id"]
    premium = apigw.create_usage_plan(
        name=unique_name("premium"),
        apiStages=stage,
        throttle={"rateLimit": 100.0, "burstLimit": 200},
        quota={"limit": 100000, "period": "MONTH"},
    )["id"]
    small, big = (
        apigw.create_api_key(name=unique_name(who), enabled=True)["id"] for who in ("shop", "bank")
    )
    # HINT: give the shop's key (`small`) the basic plan and the bank's key (`big`) the premium one.
    # BEGIN SOLUTION
    apigw.create_usage_plan_key(usagePlanId=basic, keyId=small, keyType="API_KEY")
    apigw.create_usage_plan_key(usagePlanId=premium, keyId=big, keyType="API_KEY")
    # END SOLUTION

    def quota_of(key: str) -> int:
        [plan] = apigw.get_usage_plans(keyId=key)["items"]
        return plan["quota"]["limit"]

    assert (quota_of(small), quota_of(big)) == (1000, 100000)


@pytest.mark.claim(
    "apigateway.usage-plan-stages-and-methods",
    quote="who can access what api stages and methods",
    source=USAGE_PLANS,
)
def test_a_plan_names_its_stages_and_limits_a_method(aws, keyed_api, unique_name):
    stages = None
    # HINT: the apiStages of a plan covering stage "prod" of keyed_api, with GET /hello limited
    # HINT: to 5 requests per second, burst 10 (a throttle keyed by "/hello/GET").
    # BEGIN SOLUTION
    stages = [
        {
            "apiId": keyed_api,
            "stage": "prod",
            "throttle": {"/hello/GET": {"rateLimit": 5.0, "burstLimit": 10}},
        }
    ]
    # END SOLUTION
    plan = aws.apigateway.create_usage_plan(name=unique_name("partners"), apiStages=stages)
    [stage] = aws.apigateway.get_usage_plan(usagePlanId=plan["id"])["apiStages"]
    assert (stage["apiId"], stage["stage"]) == (keyed_api, "prod")
    assert stage["throttle"]["/hello/GET"] == {"rateLimit": 5.0, "burstLimit": 10}
