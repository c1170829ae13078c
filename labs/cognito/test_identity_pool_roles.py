"""Which IAM role an identity pool's credentials belong to, and what they may touch.

``GetCredentialsForIdentity`` gives an identity temporary credentials of an
IAM role, chosen by the identity pool:

- by default, the pool's *authenticated* role for signed-in users and its
  *unauthenticated* role for guests (``SetIdentityPoolRoles``);
- or by *rules* on the claims of the user's token, say the admins group of
  the user pool gets an admin role (``RoleMappings`` of type ``Rules``);
- each role trusts the Cognito identity pool, and only it:
  ``cognito-identity.amazonaws.com`` may assume it with a web identity, for
  this pool (the ``aud`` condition) and this kind of user (``amr``).
  A role that trusts another pool gives no credentials.

With its credentials, the app calls AWS directly (S3 here) or through an API
Gateway API that checks IAM signatures. One role serves every user, yet each
may be kept to their own data: a *policy variable*,
``${cognito-identity.amazonaws.com:sub}`` (the caller's identity ID), in the
role's policy gives each user an S3 prefix of their own.

moto implements none of this (no SetIdentityPoolRoles; GetCredentialsForIdentity
returns fixed fake keys), so these labs are written from the documentation and
run only on AWS.

Notes, "cognito > overview > cognito identity pool (federated identity)".
"""

from __future__ import annotations

import json

import boto3
import pytest
from botocore.exceptions import ClientError

from harness.testkit.iam import identity_pool_trust

ROLES = "https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html"
ROLE_TRUST = (
    "https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html"
)
POLICY_VARIABLES = "https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html"
GET_CREDENTIALS = "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html"

NO_ROLES_ON_MOTO = pytest.mark.emulator_gap(
    "moto",
    reason="moto has no SetIdentityPoolRoles and its GetCredentialsForIdentity returns fixed "
    "fake keys of no role; AWS gives credentials of the role the identity pool chooses",
)


def trust_of(identity_pool: str, amr: str) -> str:
    """A role's trust policy, as IAM takes it: identities of ``identity_pool`` (``amr``:
    authenticated or unauthenticated) may assume it."""
    return json.dumps(identity_pool_trust(identity_pool, amr))


@pytest.fixture
def shop_pool(aws, pool, unique_name) -> str:
    """An identity pool that trusts the shop's user pool, and lets guests in."""
    return aws.cognito_identity.create_identity_pool(
        IdentityPoolName=unique_name("shop").replace("-", "_"),
        AllowUnauthenticatedIdentities=True,
        CognitoIdentityProviders=[{"ProviderName": pool.provider_name, "ClientId": pool.client_id}],
    )["IdentityPoolId"]


@pytest.fixture
def role(aws, unique_name):
    """``role(stem, trust, policy=None)``: a new IAM role with that trust policy (and inline
    policy); its ARN."""

    def role(stem: str, trust: str, policy: dict | None = None) -> str:
        name = unique_name(stem)
        arn = aws.iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust)["Role"]["Arn"]
        if policy:
            aws.iam.put_role_policy(
                RoleName=name, PolicyName="inline", PolicyDocument=json.dumps(policy)
            )
        return arn

    return role


@pytest.fixture
def credentials(aws, shop_pool, eventually):
    """``credentials(logins=None)`` -> (identity ID, AWS credentials) from the shop's
    identity pool: a signed-in user's with ``logins``, a guest's without."""

    def credentials(logins: dict | None = None) -> tuple[str, dict]:
        logins = logins or {}
        identity = aws.cognito_identity.get_id(IdentityPoolId=shop_pool, Logins=logins)
        identity_id = identity["IdentityId"]

        def issued() -> dict:
            try:
                return aws.cognito_identity.get_credentials_for_identity(
                    IdentityId=identity_id, Logins=logins
                )["Credentials"]
            except ClientError as error:  # a role IAM has not spread yet
                raise AssertionError(error) from error

        return identity_id, eventually(issued, aws_takes=60)

    return credentials


def client_as(aws, service: str, credentials: dict):
    """A client of ``service`` that signs with an identity's temporary credentials."""
    return boto3.client(
        service,
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretKey"],
        aws_session_token=credentials["SessionToken"],
    )


def role_name_of(aws, credentials: dict) -> str:
    """The role these credentials belong to (their ARN: ...:assumed-role/<role>/<session>)."""
    arn = client_as(aws, "sts", credentials).get_caller_identity()["Arn"]
    return arn.split(":assumed-role/")[1].split("/")[0]


@NO_ROLES_ON_MOTO
@pytest.mark.claim(
    "cognito.identity-pool-default-roles",
    quote="default for authenticated and guest users",
    source=ROLES,
)
def test_signed_in_users_and_guests_get_the_pools_two_roles(
    aws, pool, shop_pool, role, credentials, signed_in
):
    customers = role("customers", trust_of(shop_pool, "authenticated"))
    visitors = role("visitors", trust_of(shop_pool, "unauthenticated"))
    # HINT: make `customers` the identity pool's role for signed-in users and `visitors` its
    # HINT: role for guests (SetIdentityPoolRoles).
    # BEGIN SOLUTION
    aws.cognito_identity.set_identity_pool_roles(
        IdentityPoolId=shop_pool, Roles={"authenticated": customers, "unauthenticated": visitors}
    )
    # END SOLUTION
    _, alice = credentials({pool.provider_name: signed_in("alice")["IdToken"]})
    _, guest = credentials()
    assert role_name_of(aws, alice) == customers.split("/")[-1]
    assert role_name_of(aws, guest) == visitors.split("/")[-1]


@NO_ROLES_ON_MOTO
@pytest.mark.claim(
    "cognito.identity-pool-role-rules",
    quote="define rules to choose role for each user based on their ID",
    source=ROLES,
)
def test_a_rule_on_the_token_picks_the_admins_role(
    aws, pool, shop_pool, role, credentials, signed_in
):
    customers = role("customers", trust_of(shop_pool, "authenticated"))
    admins = role("admins", trust_of(shop_pool, "authenticated"))
    # HINT: a rule on the ID token's claims: users whose cognito:groups contains "admins" get
    # HINT: the `admins` role (a dict with Claim, MatchType, Value, RoleARN).
    # BEGIN SOLUTION
    rule = {
        "Claim": "cognito:groups",
        "MatchType": "Contains",
        "Value": "admins",
        "RoleARN": admins,
    }
    # END SOLUTION
    aws.cognito_identity.set_identity_pool_roles(
        IdentityPoolId=shop_pool,
        Roles={"authenticated": customers},
        RoleMappings={
            f"{pool.provider_name}:{pool.client_id}": {
                "Type": "Rules",
                "AmbiguousRoleResolution": "AuthenticatedRole",  # no rule matched: the default
                "RulesConfiguration": {"Rules": [rule]},
            }
        },
    )
    _, alice = credentials({pool.provider_name: signed_in("alice", groups=("admins",))["IdToken"]})
    _, bob = credentials({pool.provider_name: signed_in("bob")["IdToken"]})
    assert role_name_of(aws, alice) == admins.split("/")[-1]
    assert role_name_of(aws, bob) == customers.split("/")[-1]


@NO_ROLES_ON_MOTO
@pytest.mark.claim(
    "cognito.identity-pool-policy-variables",
    quote="can partition users access using `policy variables`",
    source=POLICY_VARIABLES,
)
def test_a_policy_variable_keeps_each_user_to_their_own_prefix(
    aws, pool, shop_pool, role, credentials, signed_in, make_bucket, error_code
):
    bucket = make_bucket("avatars")
    # HINT: the Resource of the customers' policy: the objects of `bucket` under a prefix
    # HINT: named after the caller's identity ID (the policy variable of Cognito's sub).
    # BEGIN SOLUTION
    own_prefix = f"arn:aws:s3:::{bucket}/${{cognito-identity.amazonaws.com:sub}}/*"
    # END SOLUTION
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": own_prefix}],
    }
    customers = role("customers", trust_of(shop_pool, "authenticated"), policy)
    aws.cognito_identity.set_identity_pool_roles(
        IdentityPoolId=shop_pool, Roles={"authenticated": customers}
    )
    alice_id, alice = credentials({pool.provider_name: signed_in("alice")["IdToken"]})
    bob_id, _ = credentials({pool.provider_name: signed_in("bob")["IdToken"]})
    s3 = client_as(aws, "s3", alice)
    s3.put_object(Bucket=bucket, Key=f"{alice_id}/avatar.png", Body=b"alice")
    refused = error_code(s3.put_object, Bucket=bucket, Key=f"{bob_id}/avatar.png", Body=b"x")
    assert refused == "AccessDenied"


@NO_ROLES_ON_MOTO
@pytest.mark.claim(
    "cognito.identity-pool-role-trust",
    quote="roles must have a trust policy of cognito identity pool",
    source=GET_CREDENTIALS,
)
def test_a_role_that_trusts_another_pool_gives_no_credentials(
    aws, pool, shop_pool, role, signed_in, error_code
):
    elsewhere = f"{aws.region}:00000000-0000-0000-0000-000000000000"
    strangers = role("strangers", trust_of(elsewhere, "authenticated"))
    aws.cognito_identity.set_identity_pool_roles(
        IdentityPoolId=shop_pool, Roles={"authenticated": strangers}
    )
    logins = {pool.provider_name: signed_in("alice")["IdToken"]}
    identity = aws.cognito_identity.get_id(IdentityPoolId=shop_pool, Logins=logins)["IdentityId"]
    # HINT: which error code answers GetCredentialsForIdentity when the pool's role does not
    # HINT: trust this identity pool?
    # BEGIN SOLUTION
    expected_error = "InvalidIdentityPoolConfigurationException"
    # END SOLUTION
    issue = aws.cognito_identity.get_credentials_for_identity
    assert error_code(issue, IdentityId=identity, Logins=logins) == expected_error


@NO_ROLES_ON_MOTO
@pytest.mark.claim(
    "cognito.identity-pool-direct-access",
    quote="users can access aws services directly or through api gateway",
    source=POLICY_VARIABLES,
)
def test_the_app_calls_s3_directly_with_the_identitys_credentials(
    aws, pool, shop_pool, role, credentials, signed_in, make_bucket, error_code
):
    bucket = make_bucket("uploads")
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
        ],
    }
    customers = role("customers", trust_of(shop_pool, "authenticated"), policy)
    aws.cognito_identity.set_identity_pool_roles(
        IdentityPoolId=shop_pool, Roles={"authenticated": customers}
    )
    _, alice = credentials({pool.provider_name: signed_in("alice")["IdToken"]})
    # HINT: with Alice's credentials, upload "photo.png" (b"...") straight to `bucket`, with
    # HINT: no server in between (client_as makes an S3 client that signs with them).
    # BEGIN SOLUTION
    client_as(aws, "s3", alice).put_object(Bucket=bucket, Key="photo.png", Body=b"...")
    # END SOLUTION
    assert aws.s3.get_object(Bucket=bucket, Key="photo.png")["Body"].read() == b"..."
    listing = error_code(client_as(aws, "s3", alice).list_objects_v2, Bucket=bucket)
    assert listing == "AccessDenied", "the role allows uploads, nothing else"
