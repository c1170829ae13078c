"""A stage's own settings: caching, throttling, logging and tracing.

One deployment can serve several stages, and each stage keeps its own
settings. A stage may have a **cache** (``cacheClusterEnabled``, a size in GB):
a cache is per stage, and each method can override the stage's caching
(on or off, its TTL, whether its data is encrypted: not by default). A stage
**throttles** all its methods (``*/*``) and a method can have limits of its
own. A stage can **log** to CloudWatch Logs (once the account names a role
API Gateway may use: ``UpdateAccount /cloudwatchRoleArn``) at a level
(``ERROR``, ``INFO``), and send **X-Ray** traces (``tracingEnabled``). A
stage's cache can be flushed whole (``FlushStageCache``); a caller may drop
one cached entry (``Cache-Control: max-age=0``) only if authorized
(``execute-api:InvalidateCache``), unless the stage says otherwise. Logging
and throttling, too, can be set for one method apart from the stage's.

Method settings are written with ``UpdateStage`` patch paths:
``/*/*/caching/ttlInSeconds`` for every method of the stage,
``/~1hello/GET/caching/ttlInSeconds`` for ``GET /hello`` (``~1`` stands for ``/``).

Notes, "api gateway > deployment stages", "caching api responses", "cache
invalidation", "api gateway throttling", "api gateway -- logging & tracing".
"""

import json

import pytest

from harness.testkit.iam import trust_policy

CACHING = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html"
THROTTLING = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html"


@pytest.fixture
def stages(aws, hello_api) -> str:
    """The hello API deployed once to two stages, "dev" and "prod": the API's id."""
    api_id = hello_api["api_id"]
    deployment = aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")["id"]
    aws.apigateway.create_stage(restApiId=api_id, stageName="prod", deploymentId=deployment)
    return api_id


@pytest.fixture
def patch_stage(aws, stages):
    """``patch_stage(stage, path, value)``: one UpdateStage replace operation."""

    def patch_stage(stage: str, path: str, value: str) -> dict:
        operation = {"op": "replace", "path": path, "value": value}
        return aws.apigateway.update_stage(
            restApiId=stages, stageName=stage, patchOperations=[operation]
        )

    return patch_stage


@pytest.fixture
def logging_role(aws, unique_name) -> str:
    """The role API Gateway writes logs with: the account's, or a new one set on the account.

    An account that already names one keeps it: this setting is the whole account's.
    """
    current = aws.apigateway.get_account().get("cloudwatchRoleArn")
    if current:
        return current
    role = aws.iam.create_role(
        RoleName=unique_name("apigw-logs"),
        AssumeRolePolicyDocument=json.dumps(trust_policy("apigateway.amazonaws.com")),
    )["Role"]["Arn"]
    aws.apigateway.update_account(
        patchOperations=[{"op": "replace", "path": "/cloudwatchRoleArn", "value": role}]
    )
    return role


def method_settings(aws, api_id: str, stage: str) -> dict:
    """The stage's method settings, by method: ``"*/*"`` for all, ``".../GET"`` for one."""
    return aws.apigateway.get_stage(restApiId=api_id, stageName=stage)["methodSettings"]


def hello_get(settings: dict) -> dict:
    """The settings of GET /hello among a stage's method settings."""
    [key] = [key for key in settings if key.endswith("hello/GET")]
    return settings[key]


@pytest.mark.claim(
    "apigateway.stage-own-settings",
    quote="each stage has its own configuration parameters",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-stages.html",
)
def test_two_stages_of_one_deployment_keep_their_own_settings(aws, stages, patch_stage):
    # HINT: give the "prod" stage the description "live" and a stage variable env=production
    # HINT: (patch paths /description and /variables/env).
    # BEGIN SOLUTION
    patch_stage("prod", "/description", "live")
    patch_stage("prod", "/variables/env", "production")
    # END SOLUTION
    prod = aws.apigateway.get_stage(restApiId=stages, stageName="prod")
    dev = aws.apigateway.get_stage(restApiId=stages, stageName="dev")
    assert prod["deploymentId"] == dev["deploymentId"], "one deployment"
    assert (prod["description"], prod["variables"]) == ("live", {"env": "production"})
    assert (dev.get("description", ""), dev.get("variables", {})) == ("", {})


@pytest.mark.claim("apigateway.cache-per-stage", quote="defined per stage", source=CACHING)
def test_a_cache_belongs_to_one_stage(aws, stages, patch_stage):
    # HINT: give the "prod" stage a cache of 0.5 GB (patch paths /cacheClusterEnabled and
    # HINT: /cacheClusterSize).
    # BEGIN SOLUTION
    patch_stage("prod", "/cacheClusterEnabled", "true")
    patch_stage("prod", "/cacheClusterSize", "0.5")
    # END SOLUTION
    prod = aws.apigateway.get_stage(restApiId=stages, stageName="prod")
    dev = aws.apigateway.get_stage(restApiId=stages, stageName="dev")
    assert (prod["cacheClusterEnabled"], prod["cacheClusterSize"]) == (True, "0.5")
    assert dev["cacheClusterEnabled"] is False


@pytest.mark.claim(
    "apigateway.cache-override-per-method",
    quote="possible to override cache settings per method",
    source=CACHING,
)
def test_a_method_overrides_the_stage_cache_ttl(aws, stages, patch_stage):
    patch_stage("prod", "/cacheClusterEnabled", "true")
    patch_stage("prod", "/*/*/caching/enabled", "true")
    patch_stage("prod", "/*/*/caching/ttlInSeconds", "300")
    # HINT: cache GET /hello for 60 seconds only, leaving the other methods at 300.
    # BEGIN SOLUTION
    patch_stage("prod", "/~1hello/GET/caching/ttlInSeconds", "60")
    # END SOLUTION
    settings = method_settings(aws, stages, "prod")
    assert settings["*/*"]["cacheTtlInSeconds"] == 300
    assert hello_get(settings)["cacheTtlInSeconds"] == 60


@pytest.mark.claim("apigateway.cache-encryption", quote="encryption option", source=CACHING)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto encrypts a method's cache data by default; AWS does not until "
    "caching/dataEncrypted is set",
)
def test_cached_data_is_encrypted_only_when_asked(aws, stages, patch_stage):
    patch_stage("prod", "/cacheClusterEnabled", "true")
    patch_stage("prod", "/*/*/caching/enabled", "true")
    assert method_settings(aws, stages, "prod")["*/*"]["cacheDataEncrypted"] is False
    # HINT: encrypt the cached responses of every method of "prod".
    # BEGIN SOLUTION
    patch_stage("prod", "/*/*/caching/dataEncrypted", "true")
    # END SOLUTION
    assert method_settings(aws, stages, "prod")["*/*"]["cacheDataEncrypted"] is True


@pytest.mark.claim(
    "apigateway.flush-stage-cache", quote="able to flush entire cache", source=CACHING
)
@pytest.mark.emulator_gap(
    "moto", reason="moto has no FlushStageCache; AWS empties the stage's cache (202)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack has no FlushStageCache (no route for the stage's cache/data path); AWS "
    "flushes the stage's cache",
)
def test_a_stage_cache_is_flushed_whole(aws, stages, patch_stage):
    patch_stage("prod", "/cacheClusterEnabled", "true")
    answer = None
    # HINT: empty the whole cache of the "prod" stage; keep the response in `answer`.
    # BEGIN SOLUTION
    answer = aws.apigateway.flush_stage_cache(restApiId=stages, stageName="prod")
    # END SOLUTION
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 202


@pytest.mark.claim(
    "apigateway.stage-and-method-throttling",
    quote="can set stage limit & method limits",
    source=THROTTLING,
)
def test_a_method_has_tighter_limits_than_its_stage(aws, stages, patch_stage):
    patch_stage("prod", "/*/*/throttling/rateLimit", "100")
    patch_stage("prod", "/*/*/throttling/burstLimit", "50")
    # HINT: limit GET /hello alone to 10 requests per second, burst 5.
    # BEGIN SOLUTION
    patch_stage("prod", "/~1hello/GET/throttling/rateLimit", "10")
    patch_stage("prod", "/~1hello/GET/throttling/burstLimit", "5")
    # END SOLUTION
    settings = method_settings(aws, stages, "prod")
    everything, hello = settings["*/*"], hello_get(settings)
    assert (everything["throttlingRateLimit"], everything["throttlingBurstLimit"]) == (100.0, 50)
    assert (hello["throttlingRateLimit"], hello["throttlingBurstLimit"]) == (10.0, 5)
    assert method_settings(aws, stages, "dev") == {}, "another stage: the account's limits"


@pytest.mark.claim(
    "apigateway.account-throttle",
    quote="account limit",
    source=THROTTLING,
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack reports the account's throttle as 500 requests a second with a burst of "
    "1,000; AWS's default is 10,000 and 5,000",
)
def test_every_api_of_the_account_shares_10000_requests_a_second(aws):
    throttle = aws.apigateway.get_account()["throttleSettings"]
    # HINT: predict the account's default steady rate (requests per second) and burst.
    # BEGIN SOLUTION
    expected = (10000.0, 5000)
    # END SOLUTION
    assert (throttle["rateLimit"], throttle["burstLimit"]) == expected


@pytest.mark.claim(
    "apigateway.stage-log-level",
    quote="configure log level",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
)
def test_a_stage_logs_at_the_level_it_is_given(aws, stages, patch_stage, logging_role):
    assert method_settings(aws, stages, "prod") == {}, "no logging by default"
    # HINT: log every method of "prod" at the INFO level.
    # BEGIN SOLUTION
    patch_stage("prod", "/*/*/logging/loglevel", "INFO")
    # END SOLUTION
    assert method_settings(aws, stages, "prod")["*/*"]["loggingLevel"] == "INFO"
    assert method_settings(aws, stages, "dev") == {}


@pytest.mark.claim(
    "apigateway.stage-xray",
    quote="x-ray",
    line=1845,
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html",
)
def test_a_stage_sends_traces_once_tracing_is_on(aws, hello_api):
    api_id = hello_api["api_id"]
    deployment = aws.apigateway.create_deployment(restApiId=api_id, stageName="dev")["id"]
    assert not aws.apigateway.get_stage(restApiId=api_id, stageName="dev").get("tracingEnabled")
    # HINT: create a "prod" stage on the same deployment, with X-Ray tracing on.
    # BEGIN SOLUTION
    aws.apigateway.create_stage(
        restApiId=api_id, stageName="prod", deploymentId=deployment, tracingEnabled=True
    )
    # END SOLUTION
    assert aws.apigateway.get_stage(restApiId=api_id, stageName="prod")["tracingEnabled"] is True


@pytest.mark.claim(
    "apigateway.cache-invalidation-needs-authorization",
    quote="invalidationCache policy to restrict access",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html#invalidate-method-caching",
)
def test_only_authorized_callers_may_invalidate_a_cached_entry(aws, stages, patch_stage):
    patch_stage("prod", "/cacheClusterEnabled", "true")
    patch_stage("prod", "/*/*/caching/enabled", "true")
    settings = method_settings(aws, stages, "prod")["*/*"]
    # HINT: predict requireAuthorizationForCacheControl once caching is on (True or False), and
    # HINT: the default answer to an unauthorized Cache-Control: max-age=0 request.
    # BEGIN SOLUTION
    expected = (True, "SUCCEED_WITH_RESPONSE_HEADER")
    # END SOLUTION
    actual = (
        settings["requireAuthorizationForCacheControl"],
        settings["unauthorizedCacheControlHeaderStrategy"],
    )
    assert actual == expected
    strategy = "/*/*/caching/unauthorizedCacheControlHeaderStrategy"
    patch_stage("prod", strategy, "FAIL_WITH_403")
    strict = method_settings(aws, stages, "prod")["*/*"]
    assert strict["unauthorizedCacheControlHeaderStrategy"] == "FAIL_WITH_403"


@pytest.mark.claim(
    "apigateway.log-level-per-method",
    quote="can override settings on a per api basis",
    source="https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
)
def test_a_method_logs_at_its_own_level(aws, stages, patch_stage, logging_role):
    patch_stage("prod", "/*/*/logging/loglevel", "ERROR")
    # HINT: log GET /hello at the INFO level, the other methods staying at ERROR.
    # BEGIN SOLUTION
    patch_stage("prod", "/~1hello/GET/logging/loglevel", "INFO")
    # END SOLUTION
    settings = method_settings(aws, stages, "prod")
    assert (settings["*/*"]["loggingLevel"], hello_get(settings)["loggingLevel"]) == (
        "ERROR",
        "INFO",
    )
