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


NO_INVOKE_URL = "moto serves no invoke URL (404)"


@pytest.fixture
def customer_key(aws, keyed_api, unique_name):
    """``customer_key(**plan)``: the value of a new enabled API key, in a new usage plan on
    stage "prod" of ``keyed_api`` with these settings (``throttle=``, ``quota=``)."""

    def customer_key(**plan) -> str:
        key = aws.apigateway.create_api_key(name=unique_name("customer"), enabled=True)
        plan_id = aws.apigateway.create_usage_plan(
            name=unique_name("plan"), apiStages=[{"apiId": keyed_api, "stage": "prod"}], **plan
        )["id"]
        aws.apigateway.create_usage_plan_key(
            usagePlanId=plan_id, keyId=key["id"], keyType="API_KEY"
        )
        return key["value"]

    return customer_key


@pytest.mark.claim(
    "apigateway.usage-plan-limits", quote="how mush they can use", source=USAGE_PLANS
)
def test_a_plan_says_how_much_its_keys_may_use(aws, keyed_api, unique_name):
    key = aws.apigateway.create_api_key(name=unique_name("shop"), enabled=True)["id"]
    plan = {}
    # HINT: the settings of a plan (keyword arguments of create_usage_plan besides its name
    # HINT: and stages) letting its keys send 5 requests a second (bursts of 10) and 10,000
    # HINT: requests a month.
    # BEGIN SOLUTION
    plan = {
        "throttle": {"rateLimit": 5.0, "burstLimit": 10},
        "quota": {"limit": 10000, "period": "MONTH"},
    }
    # END SOLUTION
    plan_id = aws.apigateway.create_usage_plan(
        name=unique_name("basic"), apiStages=[{"apiId": keyed_api, "stage": "prod"}], **plan
    )["id"]
    aws.apigateway.create_usage_plan_key(usagePlanId=plan_id, keyId=key, keyType="API_KEY")
    [limits] = aws.apigateway.get_usage_plans(keyId=key)["items"]
    assert limits["throttle"] == {"rateLimit": 5.0, "burstLimit": 10}
    assert (limits["quota"]["limit"], limits["quota"]["period"]) == (10000, "MONTH")


@pytest.mark.claim(
    "apigateway.api-key-identifies-a-client",
    quote="uses api keys to identify api clients and meter access",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-setup-api-key-with-console.html",
)
def test_a_key_value_belongs_to_one_client(aws, unique_name, error_code):
    value = None
    # HINT: the shop's own key value, 20 characters or more (API Gateway's minimum).
    # BEGIN SOLUTION
    value = "shop-0123456789abcdef"
    # END SOLUTION
    shop = aws.apigateway.create_api_key(name=unique_name("shop"), enabled=True, value=value)
    assert shop["value"] == value
    create = aws.apigateway.create_api_key
    refused = error_code(create, name=unique_name("bank"), enabled=True, value=value)
    assert refused == "ConflictException", "one value, one client"


@pytest.mark.claim(
    "apigateway.usage-plan-controls-access",
    quote="can use with usage plan to control access",
    source=USAGE_PLANS,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS refuses a key once it is out of the stage's plan (403)"
)
def test_a_key_out_of_the_plan_is_refused(aws, keyed_api, unique_name, call):
    key = aws.apigateway.create_api_key(name=unique_name("customer"), enabled=True)
    plan = aws.apigateway.create_usage_plan(
        name=unique_name("basic"), apiStages=[{"apiId": keyed_api, "stage": "prod"}]
    )["id"]
    aws.apigateway.create_usage_plan_key(usagePlanId=plan, keyId=key["id"], keyType="API_KEY")
    with_key = {"x-api-key": key["value"]}
    assert call(keyed_api, "prod", "/hello", with_key) == (200, {"message": "hello"})
    # HINT: the customer stopped paying: take their key out of the plan (the key stays).
    # BEGIN SOLUTION
    aws.apigateway.delete_usage_plan_key(usagePlanId=plan, keyId=key["id"])
    # END SOLUTION
    assert aws.apigateway.get_api_key(apiKey=key["id"])["enabled"] is True
    assert call(keyed_api, "prod", "/hello", with_key)[0] == 403


@pytest.mark.claim(
    "apigateway.usage-plan-throttles-a-key",
    quote="throttling limits are applied to api keys",
    source=USAGE_PLANS,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS throttles a key past its plan's rate (429)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition enforces no usage plan: a key past its plan's rate still "
    "gets 200; AWS answers 429",
)
def test_a_key_past_its_rate_is_throttled(keyed_api, customer_key, call):
    throttle = {}
    # HINT: a plan throttle of 1 request a second, with bursts of 1.
    # BEGIN SOLUTION
    throttle = {"rateLimit": 1.0, "burstLimit": 1}
    # END SOLUTION
    with_key = {"x-api-key": customer_key(throttle=throttle)}
    statuses = {call(keyed_api, "prod", "/hello", with_key)[0] for _ in range(5)}
    assert statuses == {200, 429}, "the first gets through, the ones right after it do not"


@pytest.mark.claim(
    "apigateway.usage-plan-quota",
    quote="quotas limits : overall number of requests",
    source=USAGE_PLANS,
)
@pytest.mark.emulator_gap(
    "moto", reason=f"{NO_INVOKE_URL}; AWS refuses a key past its plan's quota (429)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition enforces no usage plan quota: the call past it still gets "
    "200; AWS answers 429",
)
def test_a_key_past_its_quota_is_refused(keyed_api, customer_key, call):
    quota = {}
    # HINT: a plan quota of 2 requests a day.
    # BEGIN SOLUTION
    quota = {"limit": 2, "period": "DAY"}
    # END SOLUTION
    with_key = {"x-api-key": customer_key(quota=quota)}
    statuses = [call(keyed_api, "prod", "/hello", with_key)[0] for _ in range(3)]
    assert statuses == [200, 200, 429]


@pytest.mark.claim(
    "apigateway.usage-plan-throttle-per-customer",
    quote="or can define usage plans to throttle per customer",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html",
)
def test_each_customer_is_throttled_by_their_plan(aws, keyed_api, unique_name):
    apigw = aws.apigateway
    stage = [{"apiId": keyed_api, "stage": "prod"}]
    slow = apigw.create_usage_plan(
        name=unique_name("free"), apiStages=stage, throttle={"rateLimit": 1.0, "burstLimit": 2}
    )["id"]
    fast = apigw.create_usage_plan(
        name=unique_name("paid"), apiStages=stage, throttle={"rateLimit": 50.0, "burstLimit": 100}
    )["id"]
    student, company = (
        apigw.create_api_key(name=unique_name(who), enabled=True)["id"]
        for who in ("student", "company")
    )
    # HINT: the student's key gets the free plan, the company's key the paid one.
    # BEGIN SOLUTION
    apigw.create_usage_plan_key(usagePlanId=slow, keyId=student, keyType="API_KEY")
    apigw.create_usage_plan_key(usagePlanId=fast, keyId=company, keyType="API_KEY")
    # END SOLUTION

    def rate_of(key: str) -> float:
        [plan] = apigw.get_usage_plans(keyId=key)["items"]
        return plan["throttle"]["rateLimit"]

    assert (rate_of(student), rate_of(company)) == (1.0, 50.0)
