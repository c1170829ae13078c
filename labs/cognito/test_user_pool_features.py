"""What a user pool does for the shop besides sign-up: a user directory, MFA, resets, federation.

The shop's user pool is its whole user database, with no server to run:
it keeps every customer and their attributes, and finds them again
(``ListUsers`` with a filter). It *authenticates*: only a token the pool
issued opens the user's own profile (``GetUser``); a made-up one is refused.
A customer who wants more safety turns on MFA with an authenticator app
(TOTP): from then on a right password is not enough, sign-in answers with an
MFA challenge, and only the six-digit code gives the tokens. A customer who
forgot her password asks for a reset code, sent to her verified email, unless
the pool leaves resets to an administrator. And the pool can *federate*: an
app client may send users to sign in at an external identity provider (an
OIDC provider here) instead of the pool's own password.

Notes, "cognito > overview > cognito user pool".
"""

from __future__ import annotations

import base64
import time

import pytest
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP

LIST_USERS = (
    "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html"
)
TOTP_MFA = (
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html"
)
FORGOT_PASSWORD = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html"
IDENTITY_PROVIDERS = "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-identity-federation.html"


def sign_in(aws, pool, username: str, password: str) -> dict:
    """InitiateAuth's whole answer: tokens, or a challenge to answer first."""
    return aws.cognito_idp.initiate_auth(
        ClientId=pool.client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )


def totp_code(secret: str) -> str:
    """The six-digit code an authenticator app shows now for ``secret`` (base32)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    return TOTP(key, 6, SHA1(), 30, enforce_key_length=False).generate(time.time()).decode()


@pytest.mark.claim(
    "cognito.user-pool-authenticates",
    quote="authentication",
    line=2073,
)
def test_only_a_token_the_pool_issued_opens_the_profile(aws, signed_in, error_code):
    tokens = signed_in("alice")
    forged = "eyJraWQiOiJmYWtlIn0.eyJzdWIiOiJhbGljZSIsInVzZXJuYW1lIjoiYWxpY2UifQ.c2lnbmF0dXJl"
    # HINT: which error code answers GetUser for an access token the pool never issued?
    # BEGIN SOLUTION
    expected_error = "NotAuthorizedException"
    # END SOLUTION
    assert error_code(aws.cognito_idp.get_user, AccessToken=forged) == expected_error
    profile = aws.cognito_idp.get_user(AccessToken=tokens["AccessToken"])
    assert profile["Username"] == "alice"


@pytest.mark.claim(
    "cognito.user-directory",
    quote="serverless data for users for web, mobile apps",
    source=LIST_USERS,
)
def test_the_pool_keeps_users_and_finds_them_by_attribute(aws, pool, signed_in):
    for name in ("alice", "bob"):
        signed_in(name)  # each signs up with <name>@example.com
    # HINT: list the pool's users whose email is exactly bob@example.com (ListUsers with a
    # HINT: Filter); keep the answer's Users in `found`.
    # BEGIN SOLUTION
    found = aws.cognito_idp.list_users(UserPoolId=pool.id, Filter='email = "bob@example.com"')[
        "Users"
    ]
    # END SOLUTION
    assert [user["Username"] for user in found] == ["bob"]
    attributes = {item["Name"]: item["Value"] for item in found[0]["Attributes"]}
    assert attributes["email"] == "bob@example.com"
    nobody = aws.cognito_idp.list_users(UserPoolId=pool.id, Filter='email = "zoe@example.com"')
    assert nobody["Users"] == []


@pytest.mark.claim("cognito.mfa-totp", quote="mfa", line=2075, source=TOTP_MFA)
def test_with_mfa_on_a_password_alone_gets_a_challenge(aws, pool, password, signed_in, clock):
    idp = aws.cognito_idp
    idp.set_user_pool_mfa_config(
        UserPoolId=pool.id,
        SoftwareTokenMfaConfiguration={"Enabled": True},
        MfaConfiguration="OPTIONAL",
    )
    signed_in("bob")  # no MFA: the password is enough
    access_token = signed_in("alice")["AccessToken"]
    secret = idp.associate_software_token(AccessToken=access_token)["SecretCode"]
    # HINT: register Alice's authenticator app (VerifySoftwareToken with totp_code(secret)),
    # HINT: then make TOTP her enabled, preferred MFA (SetUserMFAPreference).
    # BEGIN SOLUTION
    idp.verify_software_token(AccessToken=access_token, UserCode=totp_code(secret))
    idp.set_user_mfa_preference(
        AccessToken=access_token,
        SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True},
    )
    # END SOLUTION
    assert "AuthenticationResult" in sign_in(aws, pool, "bob", password)
    challenge = sign_in(aws, pool, "alice", password)
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    assert "AuthenticationResult" not in challenge, "no tokens for a password alone"
    clock.advance(30)  # a TOTP code is good once: the app shows the next one
    answered = idp.respond_to_auth_challenge(
        ClientId=pool.client_id,
        ChallengeName="SOFTWARE_TOKEN_MFA",
        Session=challenge["Session"],
        ChallengeResponses={"USERNAME": "alice", "SOFTWARE_TOKEN_MFA_CODE": totp_code(secret)},
    )
    assert "IdToken" in answered["AuthenticationResult"]


@pytest.mark.claim("cognito.password-reset", quote="password reset", source=FORGOT_PASSWORD)
def test_a_reset_code_goes_to_the_verified_email(aws, pool, signed_in, unique_name, error_code):
    idp = aws.cognito_idp
    policies = idp.describe_user_pool(UserPoolId=pool.id)["UserPool"]["Policies"]
    idp.update_user_pool(
        UserPoolId=pool.id,
        Policies=policies,  # UpdateUserPool resets what it omits
        AutoVerifiedAttributes=["email"],
        AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
    )
    signed_in("alice")
    idp.admin_update_user_attributes(
        UserPoolId=pool.id,
        Username="alice",
        UserAttributes=[{"Name": "email_verified", "Value": "true"}],
    )
    # HINT: Alice forgot her password: ask the pool for a reset code (through the app client);
    # HINT: keep the answer in `reset`.
    # BEGIN SOLUTION
    reset = idp.forgot_password(ClientId=pool.client_id, Username="alice")
    # END SOLUTION
    delivery = reset["CodeDeliveryDetails"]
    assert (delivery["DeliveryMedium"], delivery["AttributeName"]) == ("EMAIL", "email")
    assert delivery["Destination"] != "alice@example.com", "the address is masked: a***@e***"
    # A pool that leaves resets to its administrators sends no code at all.
    locked = idp.create_user_pool(
        PoolName=unique_name("staff"),
        AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "admin_only", "Priority": 1}]},
    )["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=locked, ClientName="intranet")
    idp.admin_create_user(UserPoolId=locked, Username="carl", MessageAction="SUPPRESS")
    forgot = idp.forgot_password
    client_id = client["UserPoolClient"]["ClientId"]
    assert error_code(forgot, ClientId=client_id, Username="carl") == "NotAuthorizedException"


@pytest.mark.claim(
    "cognito.federated-identities", quote="federated identities", source=IDENTITY_PROVIDERS
)
def test_an_app_client_can_send_users_to_an_external_provider(aws, pool):
    idp = aws.cognito_idp
    # HINT: add to the pool an OIDC identity provider named "corp" (ProviderDetails: client_id,
    # HINT: client_secret, authorize_scopes "openid email", oidc_issuer
    # HINT: https://login.corp.example.com and its /authorize, /token, /userinfo and
    # HINT: /jwks.json endpoints, attributes_request_method GET), its email claim mapped to
    # HINT: the pool's email attribute.
    # BEGIN SOLUTION
    idp.create_identity_provider(
        UserPoolId=pool.id,
        ProviderName="corp",
        ProviderType="OIDC",
        ProviderDetails={
            "client_id": "shop",
            "client_secret": "corp-secret",
            "authorize_scopes": "openid email",
            "oidc_issuer": "https://login.corp.example.com",
            "authorize_url": "https://login.corp.example.com/authorize",
            "token_url": "https://login.corp.example.com/token",
            "attributes_url": "https://login.corp.example.com/userinfo",
            "jwks_uri": "https://login.corp.example.com/jwks.json",
            "attributes_request_method": "GET",
        },
        AttributeMapping={"email": "email"},
    )
    # END SOLUTION
    provider = idp.describe_identity_provider(UserPoolId=pool.id, ProviderName="corp")
    assert provider["IdentityProvider"]["ProviderType"] == "OIDC"
    staff_app = idp.create_user_pool_client(
        UserPoolId=pool.id,
        ClientName="staff",
        SupportedIdentityProviders=["corp"],
        AllowedOAuthFlowsUserPoolClient=True,
        AllowedOAuthFlows=["code"],
        AllowedOAuthScopes=["openid", "email"],
        CallbackURLs=["https://shop.example.com/callback"],
    )["UserPoolClient"]
    assert staff_app["SupportedIdentityProviders"] == ["corp"], "signs in at corp, not here"
    listed = idp.list_identity_providers(UserPoolId=pool.id)["Providers"]
    assert [p["ProviderName"] for p in listed] == ["corp"]
