"""MFA with the CLI: a temporary session from GetSessionToken.

An administrator's policies allow sensitive actions only with MFA. The CLI
signs with a long-term access key, which can never carry MFA; so the admin
first calls ``sts get-session-token`` with the serial number of their MFA
device and the six-digit code it shows, and gets temporary credentials
(key, secret, session token) that *are* MFA-authenticated: 12 hours by
default, from 15 minutes up to 36 hours. A wrong code gets no session.

Notes, "aws cli sdk and iam roles and policies > MFA with CLI".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from botocore.exceptions import ClientError, ParamValidationError

SESSION_QUOTE = "must create a temporary session using `sts getsessiontoken` api call"


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


@pytest.mark.claim("iam.mfa-cli-session-bounds", quote=SESSION_QUOTE)
def test_a_session_lasts_at_least_fifteen_minutes(admin_with_mfa):
    admin, serial = admin_with_mfa
    # HINT: what is the shortest session GetSessionToken grants, in seconds?
    # BEGIN SOLUTION
    shortest = 900
    # END SOLUTION
    sts = admin.client("sts")
    sts.get_session_token(SerialNumber=serial, TokenCode="123456", DurationSeconds=shortest)
    with pytest.raises(ParamValidationError) as refused:  # the SDK checks the bound before sending
        sts.get_session_token(SerialNumber=serial, TokenCode="123456", DurationSeconds=shortest - 1)
    assert "DurationSeconds" in str(refused.value)


@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="the emulator's GetSessionToken ignores the MFA code, credentials for any code; "
    "AWS answers AccessDenied (MultiFactorAuthentication failed)",
)
@pytest.mark.claim("iam.mfa-cli-wrong-code", quote=SESSION_QUOTE)
def test_a_wrong_mfa_code_gets_no_session(admin_with_mfa):
    admin, serial = admin_with_mfa
    # HINT: which error code does STS answer a GetSessionToken with a wrong MFA code?
    # BEGIN SOLUTION
    expected_error = "AccessDenied"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        admin.client("sts").get_session_token(SerialNumber=serial, TokenCode="000000")
    assert refused.value.response["Error"]["Code"] == expected_error
