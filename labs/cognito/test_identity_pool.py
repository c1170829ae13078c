"""User pool, then identity pool: who you are, then what you may touch in AWS.

Alice is signed in to the shop's user pool (authentication: she proved who
she is, and holds an ID token). To upload her avatar straight to S3, her
browser needs AWS credentials. A Cognito *identity pool* trades the ID token
for them (authorization): ``GetId`` gives her a stable identity ID in the pool,
``GetCredentialsForIdentity`` temporary AWS credentials of the pool's
authenticated role. A forged token, or no token in a pool that allows no
guests, gets nothing.

Notes, "cognito > overview > cognito identity pool (federated identity)" and
"cognito user pool vs cognito identity pool".
"""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from harness.testkit.iam import identity_pool_trust

GET_ID = "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html"
GET_CREDENTIALS = "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html"


@pytest.fixture
def identity_pool(aws, pool, unique_name) -> str:
    """An identity pool that trusts the user pool's web client, and no guests."""
    return aws.cognito_identity.create_identity_pool(
        IdentityPoolName=unique_name("shop").replace("-", "_"),
        AllowUnauthenticatedIdentities=False,
        CognitoIdentityProviders=[{"ProviderName": pool.provider_name, "ClientId": pool.client_id}],
    )["IdentityPoolId"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no SetIdentityPoolRoles (not implemented); AWS gives credentials only "
    "from a pool that has a role for its signed-in users, and they are that role's",
)
@pytest.mark.claim(
    "cognito.identity-pool-credentials",
    quote="get identities for users so they can obtain temoprary aws credentials",
    source=GET_CREDENTIALS,
)
def test_an_identity_pool_trades_an_id_token_for_aws_credentials(
    aws, pool, identity_pool, signed_in, unique_name
):
    # The role the pool hands its signed-in users (a pool without one gives no credentials).
    customers = aws.iam.create_role(
        RoleName=unique_name("customers"),
        AssumeRolePolicyDocument=json.dumps(identity_pool_trust(identity_pool)),
    )["Role"]["Arn"]
    aws.cognito_identity.set_identity_pool_roles(
        IdentityPoolId=identity_pool, Roles={"authenticated": customers}
    )
    id_token = signed_in("alice")["IdToken"]
    logins = {pool.provider_name: id_token}  # which provider vouches for her, and its token
    # HINT: get Alice's identity ID in identity_pool (GetId with these logins), then her
    # HINT: temporary AWS credentials (GetCredentialsForIdentity); keep them in `credentials`.
    # BEGIN SOLUTION
    identity_id = aws.cognito_identity.get_id(IdentityPoolId=identity_pool, Logins=logins)[
        "IdentityId"
    ]
    credentials = aws.cognito_identity.get_credentials_for_identity(
        IdentityId=identity_id, Logins=logins
    )["Credentials"]
    # END SOLUTION
    assert identity_id.startswith(f"{aws.region}:")
    assert {"AccessKeyId", "SecretKey", "SessionToken", "Expiration"} <= set(credentials)


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's GetId makes a new identity on every call; AWS returns the same identity ID "
    "for the same user",
)
@pytest.mark.claim(
    "cognito.identity-pool-stable-identity",
    quote="get identities for users so they can obtain temoprary aws credentials",
    source=GET_ID,
)
def test_the_same_user_keeps_the_same_identity(aws, pool, identity_pool, signed_in):
    logins = {pool.provider_name: signed_in("bob")["IdToken"]}
    # HINT: call GetId twice for Bob; keep both identity IDs in `first` and `second`.
    # BEGIN SOLUTION
    first = aws.cognito_identity.get_id(IdentityPoolId=identity_pool, Logins=logins)
    second = aws.cognito_identity.get_id(IdentityPoolId=identity_pool, Logins=logins)
    # END SOLUTION
    assert first["IdentityId"] == second["IdentityId"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's GetId gives an identity for a forged token, and to a guest in a pool that "
    "allows none; AWS answers NotAuthorizedException to both",
)
@pytest.mark.claim(
    "cognito.identity-pool-authorization",
    quote="cognito identity pool: authorization",
    source=GET_ID,
)
def test_a_forged_token_or_a_guest_gets_no_identity(aws, pool, identity_pool):
    # HINT: which error code answers GetId for a token the user pool never signed?
    # BEGIN SOLUTION
    expected_error = "NotAuthorizedException"
    # END SOLUTION
    forged = {pool.provider_name: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0."}
    for logins in (forged, {}):
        with pytest.raises(ClientError) as refused:
            aws.cognito_identity.get_id(IdentityPoolId=identity_pool, Logins=logins)
        assert refused.value.response["Error"]["Code"] == expected_error
