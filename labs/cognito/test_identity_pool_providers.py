"""Who may get AWS credentials from the shop's identity pool: its identity providers.

An identity pool trusts the providers it lists, and gives an identity (then
AWS credentials) only to someone one of them vouches for:

- public providers: Google, Facebook, Login with Amazon, Sign in with Apple,
  by their well-known names (``accounts.google.com``...) and the app's ID
  there (``SupportedLoginProviders``);
- a Cognito user pool, by its provider name
  ``cognito-idp.<region>.amazonaws.com/<pool id>`` and an app client
  (``CognitoIdentityProviders``);
- any OpenID Connect or SAML 2.0 provider, registered first in IAM
  (``OpenIdConnectProviderARNs``, ``SamlProviderARNs``);
- and, if the pool allows it, nobody: guests get an identity of their own
  (``AllowUnauthenticatedIdentities``), with the guests' role.

Notes, "cognito > overview > cognito identity pool (federated identity) >
your identity pool can include".
"""

from __future__ import annotations

import functools

import pytest

from harness.testkit.tls import self_signed

CREATE_IDENTITY_POOL = (
    "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html"
)
EXTERNAL_PROVIDERS = (
    "https://docs.aws.amazon.com/cognito/latest/developerguide/external-identity-providers.html"
)
GUESTS = "https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html#authenticated-and-unauthenticated-identities"


@functools.cache
def saml_metadata(entity_id: str) -> str:
    """A SAML 2.0 IdP's metadata document: its entity ID, signing certificate, sign-in URL."""
    pem = self_signed("idp.corp.example.com", key_type="rsa")[0].decode()
    body = "".join(line for line in pem.splitlines() if "CERTIFICATE" not in line)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{entity_id}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false"
      protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data><ds:X509Certificate>{body}</ds:X509Certificate></ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
        Location="https://idp.corp.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
"""


def pool_name(unique_name, stem: str) -> str:
    """An identity pool's name: letters, digits, spaces and +=,.@- only, not -."""
    return unique_name(stem).replace("-", "_")


@pytest.mark.claim(
    "cognito.identity-pool-public-providers",
    quote="public providers",
    source=CREATE_IDENTITY_POOL,
)
def test_an_identity_pool_trusts_public_providers_by_name(aws, unique_name):
    # HINT: the SupportedLoginProviders of a pool that trusts Google (app ID
    # HINT: "shop.apps.googleusercontent.com") and Facebook (app ID "1234567890"): a dict
    # HINT: of each provider's well-known name to the app's ID there.
    # BEGIN SOLUTION
    providers = {
        "accounts.google.com": "shop.apps.googleusercontent.com",
        "graph.facebook.com": "1234567890",
    }
    # END SOLUTION
    created = aws.cognito_identity.create_identity_pool(
        IdentityPoolName=pool_name(unique_name, "social"),
        AllowUnauthenticatedIdentities=False,
        SupportedLoginProviders=providers,
    )
    described = aws.cognito_identity.describe_identity_pool(
        IdentityPoolId=created["IdentityPoolId"]
    )
    assert described["SupportedLoginProviders"] == {
        "accounts.google.com": "shop.apps.googleusercontent.com",
        "graph.facebook.com": "1234567890",
    }


@pytest.mark.claim(
    "cognito.identity-pool-user-pool-provider",
    quote="cognito user pool",
    line=2108,
    source=CREATE_IDENTITY_POOL,
)
def test_an_identity_pool_trusts_a_user_pool_by_its_provider_name(
    aws, pool, signed_in, unique_name
):
    # HINT: the provider name of the shop's user pool, as identity pools (and the tokens'
    # HINT: issuer) name it: cognito-idp.<region>.amazonaws.com/<user pool id>.
    # BEGIN SOLUTION
    provider = f"cognito-idp.{aws.region}.amazonaws.com/{pool.id}"
    # END SOLUTION
    created = aws.cognito_identity.create_identity_pool(
        IdentityPoolName=pool_name(unique_name, "shop"),
        AllowUnauthenticatedIdentities=False,
        CognitoIdentityProviders=[{"ProviderName": provider, "ClientId": pool.client_id}],
    )
    identity_pool = created["IdentityPoolId"]
    described = aws.cognito_identity.describe_identity_pool(IdentityPoolId=identity_pool)
    assert described["CognitoIdentityProviders"][0]["ProviderName"] == pool.provider_name
    logins = {provider: signed_in("alice")["IdToken"]}
    identity = aws.cognito_identity.get_id(IdentityPoolId=identity_pool, Logins=logins)
    assert identity["IdentityId"].startswith(f"{aws.region}:")


@pytest.mark.claim(
    "cognito.identity-pool-oidc-saml",
    quote="oidc or saml",
    source=EXTERNAL_PROVIDERS,
)
def test_an_identity_pool_trusts_oidc_and_saml_providers_registered_in_iam(aws, unique_name):
    oidc = aws.iam.create_open_id_connect_provider(
        Url=f"https://{unique_name('login')}.corp.example.com",
        ClientIDList=["shop"],
        ThumbprintList=["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
    )["OpenIDConnectProviderArn"]
    saml = aws.iam.create_saml_provider(
        Name=unique_name("corp-saml"),
        SAMLMetadataDocument=saml_metadata("https://idp.corp.example.com/metadata"),
    )["SAMLProviderArn"]
    # HINT: an identity pool (no guests) that trusts both providers, by their IAM ARNs;
    # HINT: keep CreateIdentityPool's answer in `created`.
    # BEGIN SOLUTION
    created = aws.cognito_identity.create_identity_pool(
        IdentityPoolName=pool_name(unique_name, "corp"),
        AllowUnauthenticatedIdentities=False,
        OpenIdConnectProviderARNs=[oidc],
        SamlProviderARNs=[saml],
    )
    # END SOLUTION
    described = aws.cognito_identity.describe_identity_pool(
        IdentityPoolId=created["IdentityPoolId"]
    )
    assert described["OpenIdConnectProviderARNs"] == [oidc]
    assert described["SamlProviderARNs"] == [saml]
    assert ":oidc-provider/" in oidc and ":saml-provider/" in saml, "both live in IAM"


@pytest.mark.claim("cognito.identity-pool-guests", quote="allow guess access", source=GUESTS)
def test_a_pool_that_allows_guests_gives_them_an_identity(aws, unique_name):
    # HINT: an identity pool, named pool_name(unique_name, "visitors"), that lets guests in
    # HINT: (no provider at all); keep its ID in `visitors`.
    # BEGIN SOLUTION
    visitors = aws.cognito_identity.create_identity_pool(
        IdentityPoolName=pool_name(unique_name, "visitors"),
        AllowUnauthenticatedIdentities=True,
    )["IdentityPoolId"]
    # END SOLUTION
    guest = aws.cognito_identity.get_id(IdentityPoolId=visitors)["IdentityId"]  # no Logins
    assert guest.startswith(f"{aws.region}:"), "an identity of their own, for the guests' role"
    described = aws.cognito_identity.describe_identity_pool(IdentityPoolId=visitors)
    assert described["AllowUnauthenticatedIdentities"] is True
    # A pool that allows no guests refuses them: test_identity_pool.py (a gap on moto).
