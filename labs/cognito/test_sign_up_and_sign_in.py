"""A shop's user pool: sign-up, confirmation, sign-in, three tokens.

The shop lets customers create their own accounts in a Cognito *user pool*.
Alice signs up with a username, a password and her email; the pool's
password policy refuses a weak password at once. A new user is unconfirmed
and cannot sign in until she confirms with the code Cognito emailed her
(here an administrator confirms her, as no email leaves the laptop). Then
``InitiateAuth`` with ``USER_PASSWORD_AUTH`` returns three JWTs: an *ID token*
(who she is), an *access token* (what she may call) and a *refresh token*
(new tokens later without the password).

Notes, "cognito > overview > cognito user pool".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

PASSWORD_POLICY = (
    "https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html"
)
CONFIRM_SIGN_UP = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html"


def sign_up(aws, pool, username: str, password: str) -> None:
    aws.cognito_idp.sign_up(
        ClientId=pool.client_id,
        Username=username,
        Password=password,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )


def sign_in(aws, pool, username: str, password: str) -> dict:
    return aws.cognito_idp.initiate_auth(
        ClientId=pool.client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )["AuthenticationResult"]


@pytest.mark.claim(
    "cognito.password-policy",
    beyond_notes="A user pool's password policy refuses a sign-up whose password is too short "
    "or lacks a number (InvalidPasswordException), and accepts one that meets it.",
    source=PASSWORD_POLICY,
)
def test_the_pool_refuses_a_weak_password(aws, pool, password, error_code):
    # HINT: which error code answers a sign-up with the password "short1"?
    # BEGIN SOLUTION
    expected_error = "InvalidPasswordException"
    # END SOLUTION
    assert error_code(sign_up, aws, pool, "dave", "short1") == expected_error
    assert error_code(sign_up, aws, pool, "dave", "long-enough-but-no-digits") == expected_error
    sign_up(aws, pool, "dave", password)  # 12+ characters, upper, lower, a number: accepted
    assert aws.cognito_idp.admin_get_user(UserPoolId=pool.id, Username="dave")["Username"] == "dave"


@pytest.mark.claim("cognito.user-pool-sign-in", quote="cognito user pool: authentication")
def test_a_confirmed_user_signs_in_and_gets_three_tokens(aws, pool, password, error_code):
    sign_up(aws, pool, "alice", password)
    assert error_code(sign_in, aws, pool, "alice", password) == "UserNotConfirmedException"
    aws.cognito_idp.admin_confirm_sign_up(UserPoolId=pool.id, Username="alice")
    assert error_code(sign_in, aws, pool, "alice", "Wrong-Horse-99") == "NotAuthorizedException"
    # HINT: sign Alice in with her username and password (USER_PASSWORD_AUTH); keep the
    # HINT: AuthenticationResult in `tokens`.
    # BEGIN SOLUTION
    tokens = sign_in(aws, pool, "alice", password)
    # END SOLUTION
    assert {"IdToken", "AccessToken", "RefreshToken"} <= set(tokens)
    assert tokens["TokenType"] == "Bearer"
    assert tokens["IdToken"].count(".") == 2, "a JWT: header.payload.signature"
    user = aws.cognito_idp.get_user(AccessToken=tokens["AccessToken"])
    assert user["Username"] == "alice"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's ConfirmSignUp accepts any confirmation code; AWS answers CodeMismatchException",
)
@pytest.mark.claim("cognito.confirmation-code", quote="email & phone", source=CONFIRM_SIGN_UP)
def test_a_wrong_confirmation_code_is_refused(aws, pool, password):
    sign_up(aws, pool, "erin", password)
    # HINT: which error code answers ConfirmSignUp with a code Cognito never sent?
    # BEGIN SOLUTION
    expected_error = "CodeMismatchException"
    # END SOLUTION
    confirm = aws.cognito_idp.confirm_sign_up
    with pytest.raises(ClientError) as refused:
        confirm(ClientId=pool.client_id, Username="erin", ConfirmationCode="000000")
    assert refused.value.response["Error"]["Code"] == expected_error
