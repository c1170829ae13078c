"""Shared fixtures for the Cognito labs: a user pool with an app client, and its users."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass

import pytest

PASSWORD = "Correct-Horse-9"


@dataclass
class UserPool:
    id: str
    client_id: str
    region: str

    @property
    def provider_name(self) -> str:
        """The pool's name as an identity provider, in identity pools and token issuers."""
        return f"cognito-idp.{self.region}.amazonaws.com/{self.id}"


@pytest.fixture
def password() -> str:
    """The password every lab user signs up with: it meets the pool's policy."""
    return PASSWORD


@pytest.fixture
def pool(aws, unique_name) -> UserPool:
    """A user pool (passwords: 12+ characters, upper, lower, a number) and a web app client."""
    idp = aws.cognito_idp
    pool_id = idp.create_user_pool(
        PoolName=unique_name("shop-users"),
        Policies={
            "PasswordPolicy": {
                "MinimumLength": 12,
                "RequireUppercase": True,
                "RequireLowercase": True,
                "RequireNumbers": True,
                "RequireSymbols": False,
            }
        },
        AutoVerifiedAttributes=["email"],
    )["UserPool"]["Id"]
    client_id = idp.create_user_pool_client(
        UserPoolId=pool_id,
        ClientName="web",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]["ClientId"]
    return UserPool(pool_id, client_id, aws.region)


@pytest.fixture
def signed_in(aws, pool):
    """``signed_in("alice", groups=())`` -> the AuthenticationResult of a confirmed user."""
    idp = aws.cognito_idp

    def signed_in(username: str, groups: tuple[str, ...] = ()) -> dict:
        idp.sign_up(
            ClientId=pool.client_id,
            Username=username,
            Password=PASSWORD,
            UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
        )
        idp.admin_confirm_sign_up(UserPoolId=pool.id, Username=username)
        for group in groups:
            idp.create_group(UserPoolId=pool.id, GroupName=group)
            idp.admin_add_user_to_group(UserPoolId=pool.id, Username=username, GroupName=group)
        return idp.initiate_auth(
            ClientId=pool.client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": username, "PASSWORD": PASSWORD},
        )["AuthenticationResult"]

    return signed_in


@pytest.fixture
def jwks(aws, aws_backend, pool) -> dict:
    """The pool's public signing keys (JSON Web Key Set), fetched as an API would.

    On AWS they live under the token issuer, ``https://cognito-idp.<region>.amazonaws.com/
    <pool id>/.well-known/jwks.json``; an emulator serves the same path on its endpoint.
    """
    if aws_backend.name == "aws":
        url = f"https://{pool.provider_name}/.well-known/jwks.json"
    else:
        url = f"{aws.endpoint_url}/{pool.id}/.well-known/jwks.json"
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)
