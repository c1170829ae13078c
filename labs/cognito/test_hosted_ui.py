"""The hosted UI: sign-in pages Cognito serves for the shop, on its domain or the shop's own.

Rather than build sign-up and sign-in forms, the shop can send customers to
Cognito's hosted UI (now "managed login"): pages served on a *domain* of the
user pool. A prefix domain is the quickest, ``https://<prefix>.auth.<region>.
amazoncognito.com``; an app client that allows the OAuth authorization-code
flow and names its callback URL can then send users to ``/login`` there.

A custom domain (``auth.shop.example.com``) puts the same pages on the
shop's own name. Cognito serves them through a CloudFront distribution, so
the TLS certificate must come from ACM in US East (N. Virginia), us-east-1,
whatever the pool's Region: a certificate from any other Region is refused.

Notes, "cognito > overview > cognito user pool" (hosted authentication UI;
hosted ui custom domain).
"""

from __future__ import annotations

import pytest

DOMAIN = "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html"
CREATE_DOMAIN = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html"


@pytest.mark.claim(
    "cognito.hosted-ui-domain",
    quote="hosted authentication UI can be added to apps",
    source=DOMAIN,
)
def test_a_prefix_domain_serves_the_hosted_ui(aws, pool, unique_name, eventually):
    idp = aws.cognito_idp
    prefix = unique_name("shop-login")
    # HINT: give the pool the prefix domain `prefix` (CreateUserPoolDomain).
    # BEGIN SOLUTION
    idp.create_user_pool_domain(UserPoolId=pool.id, Domain=prefix)
    # END SOLUTION
    described = eventually(
        lambda: idp.describe_user_pool_domain(Domain=prefix)["DomainDescription"], aws_takes=60
    )
    assert described["UserPoolId"] == pool.id
    web = idp.create_user_pool_client(
        UserPoolId=pool.id,
        ClientName="hosted-ui",
        SupportedIdentityProviders=["COGNITO"],
        AllowedOAuthFlowsUserPoolClient=True,
        AllowedOAuthFlows=["code"],
        AllowedOAuthScopes=["openid", "email"],
        CallbackURLs=["https://shop.example.com/callback"],
    )["UserPoolClient"]
    assert web["AllowedOAuthFlows"] == ["code"]
    # The hosted UI's sign-in page for this client is now
    # https://<prefix>.auth.<region>.amazoncognito.com/login?response_type=code
    #     &client_id=<web client ID>&redirect_uri=https://shop.example.com/callback


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CreateUserPoolDomain accepts a custom domain whose certificate is in any "
    "Region; AWS takes only an ACM certificate from us-east-1 (InvalidParameterException)",
)
@pytest.mark.claim(
    "cognito.custom-domain-certificate-us-east-1",
    quote="for custom domains, must create acm certificate in us-east-1",
    source=CREATE_DOMAIN,
)
def test_a_custom_domain_needs_a_certificate_from_us_east_1(aws, pool, error_code):
    # A certificate for the shop's own sign-in name, requested in Ireland.
    acm_ireland = aws.session.client("acm", region_name="eu-west-1", endpoint_url=aws.endpoint_url)
    certificate = acm_ireland.request_certificate(
        DomainName="auth.shop.example.com", ValidationMethod="DNS"
    )["CertificateArn"]
    # HINT: which error code answers CreateUserPoolDomain for a custom domain whose
    # HINT: certificate is not in us-east-1?
    # BEGIN SOLUTION
    expected_error = "InvalidParameterException"
    # END SOLUTION
    refused = error_code(
        aws.cognito_idp.create_user_pool_domain,
        UserPoolId=pool.id,
        Domain="auth.shop.example.com",
        CustomDomainConfig={"CertificateArn": certificate},
    )
    assert refused == expected_error
