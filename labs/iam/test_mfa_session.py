"""MFA with the CLI: a temporary session from GetSessionToken.

An administrator's policies allow sensitive actions only with MFA. The CLI
signs with a long-term access key, which can never carry MFA; so the admin
first calls ``sts get-session-token`` with the serial number of their MFA
device and the six-digit code it shows, and gets temporary credentials
(key, secret, session token) that *are* MFA-authenticated: 12 hours by
default, from 15 minutes up to 36 hours (STS itself refuses 899 s and
129,601 s). A wrong code gets no session. A policy that allows an action
only with MFA (``aws:MultiFactorAuthPresent``) refuses the long-term key and
lets the session through.

Notes, "aws cli sdk and iam roles and policies > MFA with CLI".
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from harness.testkit.iam import allow, policy_document

SESSION_QUOTE = "must create a temporary session using `sts getsessiontoken` api call"
GET_SESSION_TOKEN = "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html"
MFA_CONDITION = (
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html"
)

# Verified on LocalStack 2026.3 (host mode): none of these calls is refused there.
IAM_NOT_ENFORCED = pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies (ENFORCE_IAM is a Pro "
    "feature), so every call is allowed; AWS refuses what no policy allows",
)


@pytest.fixture
def admin_with_mfa(aws, new_user, unique_name):
    """(identity, serial number): a user with a virtual MFA device enabled."""
    admin = new_user("admin")
    device = aws.iam.create_virtual_mfa_device(VirtualMFADeviceName=unique_name("phone"))
    serial = device["VirtualMFADevice"]["SerialNumber"]
    # Two consecutive codes from the device prove the user holds it (the emulator takes any).
    aws.iam.enable_mfa_device(
        UserName=admin.name,
        SerialNumber=serial,
        AuthenticationCode1="123456",
        AuthenticationCode2="654321",
    )
    return admin, serial


@pytest.mark.claim("iam.mfa-cli-session-token", quote=SESSION_QUOTE)
def test_get_session_token_returns_temporary_credentials(admin_with_mfa):
    admin, serial = admin_with_mfa
    sts = admin.client("sts")
    # HINT: ask STS for a session with the device's serial number and its current code
    # HINT: (any six digits here), lasting the shortest time allowed. Keep the Credentials.
    # BEGIN SOLUTION
    credentials = sts.get_session_token(
        SerialNumber=serial, TokenCode="123456", DurationSeconds=900
    )["Credentials"]
    # END SOLUTION
    assert credentials["AccessKeyId"] != admin.access_key_id, "a new, temporary key"
    assert credentials["SessionToken"]
    lifetime = credentials["Expiration"] - datetime.now(UTC)
    assert timedelta(minutes=14) < lifetime <= timedelta(minutes=15)


@pytest.mark.claim(
    "iam.mfa-cli-session-bounds",
    beyond_notes="An IAM user's GetSessionToken session lasts 12 hours by default, and from "
    "900 seconds (15 minutes) up to 129,600 seconds (36 hours) when asked.",
    source=GET_SESSION_TOKEN,
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's GetSessionToken lasts 1 hour when DurationSeconds is not given; AWS "
    "gives an IAM user's session 12 hours by default",
)
def test_a_session_lasts_fifteen_minutes_to_thirty_six_hours(admin_with_mfa):
    admin, serial = admin_with_mfa
    # HINT: the shortest and the longest sessions GetSessionToken grants an IAM user, in
    # HINT: seconds; and the lifetime of a session when DurationSeconds is not given.
    # BEGIN SOLUTION
    shortest, longest, default = 900, 129_600, 43_200
    # END SOLUTION
    sts = admin.client("sts")

    def lifetime(**duration) -> float:
        credentials = sts.get_session_token(SerialNumber=serial, TokenCode="123456", **duration)
        return (credentials["Credentials"]["Expiration"] - datetime.now(UTC)).total_seconds()

    for asked in (shortest, longest):
        assert asked - 60 < lifetime(DurationSeconds=asked) <= asked
    assert default - 60 < lifetime() <= default


@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="moto's GetSessionToken (LocalStack's too) grants any DurationSeconds (899 s, "
    "129,601 s); AWS refuses what is outside 900 to 129,600 (ValidationError)",
)
@pytest.mark.claim(
    "iam.mfa-cli-session-out-of-bounds",
    beyond_notes="GetSessionToken refuses a DurationSeconds of 899 or of 129,601 with "
    "ValidationError, from the service itself (past botocore's own check).",
    source=GET_SESSION_TOKEN,
)
def test_a_session_outside_the_bounds_is_refused(admin_with_mfa, error_code):
    admin, serial = admin_with_mfa
    # botocore refuses 899 before sending (ParamValidationError): that proves nothing about
    # STS. This client sends it anyway, so that STS answers.
    sts = boto3.client(
        "sts",
        endpoint_url=admin.endpoint_url,
        region_name=admin.region,
        aws_access_key_id=admin.access_key_id,
        aws_secret_access_key=admin.secret_access_key,
        config=Config(parameter_validation=False),
    )
    # HINT: the first durations, in seconds, below and above the allowed range.
    # BEGIN SOLUTION
    too_short, too_long = 899, 129_601
    # END SOLUTION
    for duration in (too_short, too_long):
        answer = error_code(
            sts.get_session_token, SerialNumber=serial, TokenCode="123456", DurationSeconds=duration
        )
        assert answer == "ValidationError", f"{duration} s"


@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="the emulator's GetSessionToken ignores the MFA code, credentials for any code; "
    "AWS answers AccessDenied (MultiFactorAuthentication failed)",
)
@pytest.mark.claim("iam.mfa-cli-wrong-code", quote=SESSION_QUOTE, source=GET_SESSION_TOKEN)
def test_a_wrong_mfa_code_gets_no_session(admin_with_mfa):
    admin, serial = admin_with_mfa
    # HINT: which error code does STS answer a GetSessionToken with a wrong MFA code?
    # BEGIN SOLUTION
    expected_error = "AccessDenied"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        admin.client("sts").get_session_token(SerialNumber=serial, TokenCode="000000")
    assert refused.value.response["Error"]["Code"] == expected_error


@IAM_NOT_ENFORCED
@pytest.mark.emulator_gap(
    "moto",
    reason="moto ignores policy conditions: an Allow with aws:MultiFactorAuthPresent is granted "
    "to a caller without MFA; AWS grants it only to a caller who signed in with MFA",
)
@pytest.mark.claim("iam.mfa-condition", quote=SESSION_QUOTE, source=MFA_CONDITION)
def test_an_mfa_only_permission_needs_the_mfa_session(
    aws, admin_with_mfa, unique_name, enforce_iam
):
    admin, serial = admin_with_mfa
    url = aws.sqs.create_queue(QueueName=unique_name("orders"))["QueueUrl"]
    arn = aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
    # HINT: allow sqs:SendMessage on the queue only when the caller used MFA: a Condition on
    # HINT: the global key aws:MultiFactorAuthPresent (Bool, "true"). Keep the statement.
    # BEGIN SOLUTION
    mfa_only = {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
    statement = allow("sqs:SendMessage", arn["Attributes"]["QueueArn"], Condition=mfa_only)
    # END SOLUTION
    aws.iam.put_user_policy(
        UserName=admin.name,
        PolicyName="mfa-only",
        PolicyDocument=json.dumps(policy_document(statement)),
    )
    enforce_iam()
    # A long-term access key is never MFA-authenticated: refused.
    with pytest.raises(ClientError) as refused:
        admin.client("sqs").send_message(QueueUrl=url, MessageBody="no-mfa")
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    # The session GetSessionToken gives for the device's code is: allowed.
    session = admin.client("sts").get_session_token(SerialNumber=serial, TokenCode="123456")
    credentials = session["Credentials"]
    with_mfa = boto3.client(
        "sqs",
        endpoint_url=admin.endpoint_url,
        region_name=admin.region,
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )
    with_mfa.send_message(QueueUrl=url, MessageBody="with-mfa")
