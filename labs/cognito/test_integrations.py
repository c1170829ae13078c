"""The user pool with other services: API Gateway checks its tokens, Lambda runs at its steps.

The shop's REST API lets only signed-in customers read their orders. No
code checks the tokens: a ``COGNITO_USER_POOLS`` authorizer names the user
pool (by ARN), API Gateway verifies the token each request carries in its
``Authorization`` header, and the method protected by the authorizer answers
401 without one.

A user pool also calls Lambda functions at steps of a user's life: before
sign-up, after confirmation, before a token is made, to send a custom
message... (*triggers*, the pool's ``LambdaConfig``). A pre sign-up trigger
can confirm a user at once (``autoConfirmUser``), say for invited customers:
their sign-up answers ``UserConfirmed: true`` and no code is sent.

Notes, "cognito > overview > cognito user pool" (integrations, triggers).
"""

from __future__ import annotations

import pytest

COGNITO_AUTHORIZER = "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html"
PRE_SIGN_UP = (
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html"
)

AUTO_CONFIRM = """
    def handler(event, context):
        event["response"]["autoConfirmUser"] = True
        event["response"]["autoVerifyEmail"] = True
        return event
"""


def pool_arn(aws, pool) -> str:
    return aws.cognito_idp.describe_user_pool(UserPoolId=pool.id)["UserPool"]["Arn"]


@pytest.mark.claim(
    "cognito.api-gateway-authorizer",
    quote="api gateway",
    line=2081,
    source=COGNITO_AUTHORIZER,
)
def test_api_gateway_checks_the_pools_tokens(aws, pool, unique_name):
    apigateway = aws.apigateway
    api = apigateway.create_rest_api(name=unique_name("shop-api"))["id"]
    root = apigateway.get_resources(restApiId=api)["items"][0]["id"]
    orders = apigateway.create_resource(restApiId=api, parentId=root, pathPart="orders")["id"]
    # HINT: an authorizer of the API, named "customers", that checks tokens of this user pool
    # HINT: (its ARN: pool_arn(aws, pool)) read from the Authorization header; keep
    # HINT: CreateAuthorizer's answer in `authorizer`.
    # BEGIN SOLUTION
    authorizer = apigateway.create_authorizer(
        restApiId=api,
        name="customers",
        type="COGNITO_USER_POOLS",
        providerARNs=[pool_arn(aws, pool)],
        identitySource="method.request.header.Authorization",
    )
    # END SOLUTION
    apigateway.put_method(
        restApiId=api,
        resourceId=orders,
        httpMethod="GET",
        authorizationType="COGNITO_USER_POOLS",
        authorizerId=authorizer["id"],
    )
    stored = apigateway.get_authorizer(restApiId=api, authorizerId=authorizer["id"])
    assert stored["type"] == "COGNITO_USER_POOLS"
    assert stored["providerARNs"] == [pool_arn(aws, pool)]
    method = apigateway.get_method(restApiId=api, resourceId=orders, httpMethod="GET")
    assert (method["authorizationType"], method["authorizerId"]) == (
        "COGNITO_USER_POOLS",
        authorizer["id"],
    )


@pytest.mark.emulator_gap(
    "moto",
    reason="moto never calls a user pool's Lambda triggers (LambdaConfig is stored, not run); "
    "AWS runs the pre sign-up trigger, whose autoConfirmUser confirms the user",
)
@pytest.mark.claim("cognito.lambda-triggers", quote="triggers", line=2083, source=PRE_SIGN_UP)
def test_a_pre_sign_up_trigger_confirms_invited_users(aws, pool, password, functions):
    idp = aws.cognito_idp

    def sign_up(username: str) -> dict:
        return idp.sign_up(
            ClientId=pool.client_id,
            Username=username,
            Password=password,
            UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
        )

    assert sign_up("alice")["UserConfirmed"] is False, "no trigger yet: she waits for a code"
    trigger = functions.deploy(AUTO_CONFIRM, "pre-sign-up")["FunctionArn"]
    aws.lambda_.add_permission(
        FunctionName=trigger,
        StatementId="cognito",
        Action="lambda:InvokeFunction",
        Principal="cognito-idp.amazonaws.com",
        SourceArn=pool_arn(aws, pool),
    )
    policies = idp.describe_user_pool(UserPoolId=pool.id)["UserPool"]["Policies"]
    # HINT: make `trigger` the pool's pre sign-up trigger (UpdateUserPool's LambdaConfig;
    # HINT: pass Policies=policies and AutoVerifiedAttributes=["email"] too, as UpdateUserPool
    # HINT: resets what it omits).
    # BEGIN SOLUTION
    idp.update_user_pool(
        UserPoolId=pool.id,
        Policies=policies,
        AutoVerifiedAttributes=["email"],
        LambdaConfig={"PreSignUp": trigger},
    )
    # END SOLUTION
    assert sign_up("bob")["UserConfirmed"] is True
    user = idp.admin_get_user(UserPoolId=pool.id, Username="bob")
    assert user["UserStatus"] == "CONFIRMED"
