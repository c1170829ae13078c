"""Threat protection: a user pool that watches every sign-in and acts on the risk.

The shop moves its user pool to the Plus feature plan and turns threat
protection on in full-function mode (``AdvancedSecurityMode=ENFORCED``,
once called "advanced security features"). From then on Cognito:

- checks passwords against credentials leaked elsewhere, and can *block*
  a sign-in, sign-up or password change that uses one
  (``CompromisedCredentialsRiskConfiguration``);
- examines each sign-in (device, place, IP address), gives it a risk level,
  and responds per level: let it through, ask for MFA, or block it
  (adaptive authentication, ``AccountTakeoverRiskConfiguration``);
- keeps the history: ``AdminListUserAuthEvents`` lists each sign-in with
  its risk level and the decision taken;
- exports those user activity logs to CloudWatch Logs
  (``SetLogDeliveryConfiguration`` with the ``userAuthEvents`` source).

No emulator implements threat protection (moto has none of these calls), so
these labs are written from the API reference and run only on AWS.

Notes, "cognito > overview > cognito user pool" (block users if their
credentials are compromised; adaptive authentication).
"""

from __future__ import annotations

import pytest

SET_RISK_CONFIGURATION = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html"
AUTH_EVENTS = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminListUserAuthEvents.html"
LOG_DELIVERY = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetLogDeliveryConfiguration.html"

NO_THREAT_PROTECTION = pytest.mark.emulator_gap(
    "moto",
    reason="moto implements no threat protection (SetRiskConfiguration, AdminListUserAuthEvents "
    "and SetLogDeliveryConfiguration are missing); AWS runs it in pools on the Plus plan",
)


@pytest.fixture
def protected(aws, pool):
    """The shop's pool, on the Plus plan, with threat protection in full-function mode."""
    policies = aws.cognito_idp.describe_user_pool(UserPoolId=pool.id)["UserPool"]["Policies"]
    aws.cognito_idp.update_user_pool(
        UserPoolId=pool.id,
        Policies=policies,  # UpdateUserPool resets what it omits
        AutoVerifiedAttributes=["email"],
        UserPoolTier="PLUS",
        UserPoolAddOns={"AdvancedSecurityMode": "ENFORCED"},
    )
    return pool


@NO_THREAT_PROTECTION
@pytest.mark.claim(
    "cognito.compromised-credentials-block",
    quote="block users if their credentials are compromissed",
    source=SET_RISK_CONFIGURATION,
)
def test_a_pool_can_block_compromised_credentials(aws, protected):
    idp = aws.cognito_idp
    # HINT: make the pool block any sign-in, sign-up or password change that uses leaked
    # HINT: credentials (SetRiskConfiguration, CompromisedCredentialsRiskConfiguration).
    # BEGIN SOLUTION
    idp.set_risk_configuration(
        UserPoolId=protected.id,
        CompromisedCredentialsRiskConfiguration={
            "EventFilter": ["SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"],
            "Actions": {"EventAction": "BLOCK"},
        },
    )
    # END SOLUTION
    risk = idp.describe_risk_configuration(UserPoolId=protected.id)["RiskConfiguration"]
    compromised = risk["CompromisedCredentialsRiskConfiguration"]
    assert compromised["Actions"]["EventAction"] == "BLOCK"
    assert set(compromised["EventFilter"]) == {"SIGN_IN", "SIGN_UP", "PASSWORD_CHANGE"}


@NO_THREAT_PROTECTION
@pytest.mark.claim(
    "cognito.adaptive-authentication-actions",
    quote="block sign-ins or require mfa if suspicious",
    source=SET_RISK_CONFIGURATION,
)
def test_each_risk_level_gets_its_response(aws, protected):
    idp = aws.cognito_idp
    # HINT: the EventAction for each risk level: let low risk through, demand MFA at medium
    # HINT: risk, block high risk (BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED, NO_ACTION).
    # BEGIN SOLUTION
    responses = {"LowAction": "NO_ACTION", "MediumAction": "MFA_REQUIRED", "HighAction": "BLOCK"}
    # END SOLUTION
    idp.set_risk_configuration(
        UserPoolId=protected.id,
        AccountTakeoverRiskConfiguration={
            "Actions": {
                level: {"EventAction": action, "Notify": False}
                for level, action in responses.items()
            }
        },
    )
    risk = idp.describe_risk_configuration(UserPoolId=protected.id)["RiskConfiguration"]
    actions = risk["AccountTakeoverRiskConfiguration"]["Actions"]
    assert {level: actions[level]["EventAction"] for level in actions} == {
        "LowAction": "NO_ACTION",
        "MediumAction": "MFA_REQUIRED",
        "HighAction": "BLOCK",
    }


@NO_THREAT_PROTECTION
@pytest.mark.claim(
    "cognito.sign-in-risk-level",
    quote="examie each sign-in, generate a risk score",
    source=AUTH_EVENTS,
)
def test_each_sign_in_is_logged_with_its_risk(aws, protected, signed_in, eventually):
    signed_in("alice")

    # HINT: a function `history()` that returns Alice's sign-in history, the AuthEvents of
    # HINT: AdminListUserAuthEvents (it may take a moment to show her sign-in).
    # BEGIN SOLUTION
    def history() -> list:
        return aws.cognito_idp.admin_list_user_auth_events(
            UserPoolId=protected.id, Username="alice"
        )["AuthEvents"]

    # END SOLUTION
    events = eventually(lambda: [e for e in history() if e["EventType"] == "SignIn"], aws_takes=120)
    sign_in = events[0]
    risk = sign_in["EventRisk"]
    assert risk["RiskDecision"] in {"NoRisk", "AccountTakeover", "Block"}
    assert risk["RiskLevel"] in {"Low", "Medium", "High"}


@NO_THREAT_PROTECTION
@pytest.mark.claim(
    "cognito.user-auth-events-logs",
    quote="integrated with cloudwatch logs",
    line=2091,
    source=LOG_DELIVERY,
)
def test_user_activity_is_exported_to_cloudwatch_logs(aws, protected, unique_name):
    group = f"/aws/vendedlogs/cognito/{unique_name('shop-users')}"
    aws.logs.create_log_group(logGroupName=group)
    [described] = aws.logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
    group_arn = described["arn"].removesuffix(":*")
    # HINT: send the pool's threat-protection user activity (event source userAuthEvents, level
    # HINT: INFO) to the log group `group_arn` (SetLogDeliveryConfiguration).
    # BEGIN SOLUTION
    aws.cognito_idp.set_log_delivery_configuration(
        UserPoolId=protected.id,
        LogConfigurations=[
            {
                "LogLevel": "INFO",
                "EventSource": "userAuthEvents",
                "CloudWatchLogsConfiguration": {"LogGroupArn": group_arn},
            }
        ],
    )
    # END SOLUTION
    delivery = aws.cognito_idp.get_log_delivery_configuration(UserPoolId=protected.id)
    [configuration] = delivery["LogDeliveryConfiguration"]["LogConfigurations"]
    assert configuration["EventSource"] == "userAuthEvents"
    assert configuration["CloudWatchLogsConfiguration"]["LogGroupArn"] == group_arn
