"""Trusting an ID token: verify its signature against the pool's public keys.

After sign-in, the shop's browser code sends Alice's ID token to the shop's
API. The token is a JWT: ``header.payload.signature``, base64url-encoded, so
anyone can *read* the payload (who she is, her groups) and anyone can *write*
one. The API may trust it only after checking, with a JWT library:

1. the signature, made with the user pool's private key, verifies with one of
   the pool's public keys (its JWKS, published at ``<issuer>/.well-known/jwks.json``,
   the key chosen by the token's ``kid``);
2. the claims: issued by this pool (``iss``), for this app client (``aud``),
   an ID token (``token_use``), not expired (``exp``: an hour after sign-in).

A token whose payload was edited (a user who adds themselves to ``admins``)
fails the signature check. The lab uses joserfc.

Notes, "cognito > overview > cognito user pool > decoding ID token".
"""

from __future__ import annotations

import base64
import json

import pytest
from joserfc import jwt
from joserfc.errors import BadSignatureError, ExpiredTokenError
from joserfc.jwk import KeySet


def claims_registry(pool, token_claims: dict) -> jwt.JWTClaimsRegistry:
    """What an ID token of this pool and app client must say."""
    assert token_claims["iss"].endswith(f"/{pool.id}"), "issued by this user pool"
    return jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": token_claims["iss"]},
        aud={"essential": True, "value": pool.client_id},
        token_use={"essential": True, "value": "id"},
        exp={"essential": True},
    )


def tampered(token: str, **changes) -> str:
    """The same token with its payload edited and the original signature kept."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    edited = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{edited}.{signature}"


@pytest.mark.claim(
    "cognito.verify-id-token-signature",
    quote="the token signature must be verified to ensure jwt can be trusted",
)
def test_the_id_token_verifies_with_the_pools_public_keys(pool, signed_in, jwks):
    id_token = signed_in("alice")["IdToken"]
    # HINT: import the pool's key set (jwks, a dict) with joserfc's KeySet, decode and verify
    # HINT: id_token with it (RS256 only); keep the verified token's claims in `claims`.
    # BEGIN SOLUTION
    keys = KeySet.import_key_set(jwks)
    claims = jwt.decode(id_token, keys, algorithms=["RS256"]).claims
    # END SOLUTION
    claims_registry(pool, claims).validate(claims)
    assert claims["cognito:username"] == "alice"
    assert claims["sub"], "the user's permanent ID in the pool"


@pytest.mark.claim(
    "cognito.tampered-token-rejected",
    quote="the token signature must be verified to ensure jwt can be trusted",
)
def test_an_edited_token_fails_the_signature_check(signed_in, jwks):
    id_token = signed_in("mallory")["IdToken"]
    # HINT: Mallory edits her token to claim membership of "admins" (use tampered(...) with
    # HINT: **{"cognito:groups": ["admins"]}); keep the forged token in `forged`.
    # BEGIN SOLUTION
    forged = tampered(id_token, **{"cognito:groups": ["admins"]})
    # END SOLUTION
    assert forged != id_token
    keys = KeySet.import_key_set(jwks)
    with pytest.raises(BadSignatureError):
        jwt.decode(forged, keys, algorithms=["RS256"])


@pytest.mark.claim("cognito.token-payload-groups", quote="the payload contains the user info")
def test_the_payload_carries_the_users_groups(signed_in, jwks):
    result = signed_in("bob", groups=("editors",))
    claims = jwt.decode(result["IdToken"], KeySet.import_key_set(jwks), algorithms=["RS256"])
    # HINT: which claim of the verified payload lists Bob's groups, and what does it hold?
    # BEGIN SOLUTION
    expected = {"cognito:groups": ["editors"]}
    # END SOLUTION
    for name, value in expected.items():
        assert claims.claims[name] == value


@pytest.mark.claim("cognito.id-token-expires", quote="libraries can help you verify the token")
def test_an_id_token_expires_after_an_hour(pool, signed_in, jwks, clock):
    result = signed_in("carol")
    claims = jwt.decode(result["IdToken"], KeySet.import_key_set(jwks), algorithms=["RS256"]).claims
    registry = claims_registry(pool, claims)
    registry.validate(claims)  # fresh: valid
    # HINT: how many seconds does an ID token live by default? (the sign-in answer's ExpiresIn)
    # BEGIN SOLUTION
    lifetime = 3600
    # END SOLUTION
    assert result["ExpiresIn"] == lifetime
    clock.advance(lifetime + 1)
    with pytest.raises(ExpiredTokenError):
        registry.validate(claims)
